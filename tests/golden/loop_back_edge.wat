;; A loop checks the stack limit (the interrupt flag) on its back edge, and the
;; instrumented version also tests its sites' bits there.
(module
  (func (export "count") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $i)))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+6Bh
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  nop [rax+rax]
;;   003f  nop
;;   0040  cmp r8d,r9d
;;   0043  jae func[0]+55h
;;   0049  add r8d,1
;;   0050  jmp func[0]+40h
;;   0055  mov eax,r8d
;;   0058  mov r9,[rbp-18h]
;;   005f  mov r8,[rbp-20h]
;;   0066  mov rsp,rbp
;;   0069  pop rbp
;;   006a  ret
;;   006b  mov rax,rsp
;;   006e  mov rsp,rbp
;;   0071  call stubs+1D1h
;;   0076  mov rsp,rax
;;   0079  cmp rsp,r12
;;   007c  jb func[0]+87h
;;   0082  jmp func[0]+14h
;;   0087  mov rsp,rbp
;;   008a  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+0BDh
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  cmp qword ptr [r15+48h],0
;;   003b  jne func[0].instrumented
;;   0041  nop [rax+rax]
;;   004a  nop [rax+rax]
;;   0053  nop [rax+rax]
;;   005c  nop [rax+rax]
;;   0065  nop [rax+rax]
;;   006e  nop [rax+rax]
;;   0077  nop [rax+rax]
;;   0080  cmp rsp,r12
;;   0083  jb func[0]+0E1h
;;   0089  cmp r8d,r9d
;;   008c  jae func[0]+0A7h
;;   0092  add r8d,1
;;   0099  cmp rsp,r12
;;   009c  jae func[0]+89h
;;   00a2  jmp func[0]+0E1h
;;   00a7  mov eax,r8d
;;   00aa  mov r9,[rbp-18h]
;;   00b1  mov r8,[rbp-20h]
;;   00b8  mov rsp,rbp
;;   00bb  pop rbp
;;   00bc  ret
;;   00bd  mov rax,rsp
;;   00c0  mov rsp,rbp
;;   00c3  call stubs+1D5h
;;   00c8  mov rsp,rax
;;   00cb  cmp rsp,r12
;;   00ce  jb func[0]+0D9h
;;   00d4  jmp func[0]+14h
;;   00d9  mov rsp,rbp
;;   00dc  call stubs+55h
;;   00e1  call stubs+1D5h
;;   00e6  cmp qword ptr [r15+48h],0
;;   00eb  jne func[0].instrumented+3Ah
;;   00f1  jmp func[0]+89h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+41h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+12Eh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+13Dh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+14Ch
;;   003a  mov r13,[r15+48h]
;;   0041  test r13,r13
;;   0044  je func[0]+89h
;;   004a  test byte ptr [r13],8
;;   0052  jne func[0].instrumented+15Bh
;;   0058  test byte ptr [r13],10h
;;   0060  jne func[0].instrumented+16Ah
;;   0066  test byte ptr [r13],20h
;;   006e  jne func[0].instrumented+179h
;;   0074  cmp r8d,r9d
;;   0077  setae bl
;;   007b  movzx ebx,bl
;;   007f  test byte ptr [r13],40h
;;   0087  jne func[0].instrumented+188h
;;   008d  test ebx,ebx
;;   0090  jne func[0].instrumented+0EEh
;;   0096  test byte ptr [r13],80h
;;   009e  jne func[0].instrumented+197h
;;   00a4  test byte ptr [r13+1],1
;;   00ac  jne func[0].instrumented+1A6h
;;   00b2  test byte ptr [r13+1],2
;;   00ba  jne func[0].instrumented+1B5h
;;   00c0  mov ebx,r8d
;;   00c3  add ebx,1
;;   00ca  test byte ptr [r13+1],4
;;   00d2  jne func[0].instrumented+1C4h
;;   00d8  mov r8d,ebx
;;   00db  test byte ptr [r13+1],8
;;   00e3  jne func[0].instrumented+1D3h
;;   00e9  jmp func[0].instrumented+3Ah
;;   00ee  test byte ptr [r13+1],10h
;;   00f6  jne func[0].instrumented+1E2h
;;   00fc  test byte ptr [r13+1],20h
;;   0104  jne func[0].instrumented+1F1h
;;   010a  test byte ptr [r13+1],40h
;;   0112  jne func[0].instrumented+200h
;;   0118  mov eax,r8d
;;   011b  mov r9,[rbp-18h]
;;   0122  mov r8,[rbp-20h]
;;   0129  mov rsp,rbp
;;   012c  pop rbp
;;   012d  ret
;;   012e  mov eax,0
;;   0133  call func[0].instrumented+20Fh
;;   0138  jmp func[0].instrumented+1Eh
;;   013d  mov eax,1
;;   0142  call func[0].instrumented+20Fh
;;   0147  jmp func[0].instrumented+2Ch
;;   014c  mov eax,2
;;   0151  call func[0].instrumented+20Fh
;;   0156  jmp func[0].instrumented+3Ah
;;   015b  mov eax,3
;;   0160  call func[0].instrumented+20Fh
;;   0165  jmp func[0].instrumented+58h
;;   016a  mov eax,4
;;   016f  call func[0].instrumented+20Fh
;;   0174  jmp func[0].instrumented+66h
;;   0179  mov eax,5
;;   017e  call func[0].instrumented+20Fh
;;   0183  jmp func[0].instrumented+74h
;;   0188  mov eax,6
;;   018d  call func[0].instrumented+20Fh
;;   0192  jmp func[0].instrumented+8Dh
;;   0197  mov eax,7
;;   019c  call func[0].instrumented+20Fh
;;   01a1  jmp func[0].instrumented+0A4h
;;   01a6  mov eax,8
;;   01ab  call func[0].instrumented+20Fh
;;   01b0  jmp func[0].instrumented+0B2h
;;   01b5  mov eax,9
;;   01ba  call func[0].instrumented+20Fh
;;   01bf  jmp func[0].instrumented+0C0h
;;   01c4  mov eax,0Ah
;;   01c9  call func[0].instrumented+20Fh
;;   01ce  jmp func[0].instrumented+0D8h
;;   01d3  mov eax,0Bh
;;   01d8  call func[0].instrumented+20Fh
;;   01dd  jmp func[0].instrumented+0E9h
;;   01e2  mov eax,0Ch
;;   01e7  call func[0].instrumented+20Fh
;;   01ec  jmp func[0].instrumented+0FCh
;;   01f1  mov eax,0Dh
;;   01f6  call func[0].instrumented+20Fh
;;   01fb  jmp func[0].instrumented+10Ah
;;   0200  mov eax,0Eh
;;   0205  call func[0].instrumented+20Fh
;;   020a  jmp func[0].instrumented+118h
;;   020f  sub rsp,8
;;   0213  push rax
;;   0214  call stubs+535h
;;   0219  add rsp,8
;;   021d  mov r13,[r15+48h]
;;   0224  test r13,r13
;;   0227  jne func[0].instrumented+234h
;;   022d  lea r13,[stubs+7ADh]
;;   0234  ret
