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
;;   003b  jne func[0]+0F6h
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
;;   00c3  call stubs+1D6h
;;   00c8  mov rsp,rax
;;   00cb  cmp rsp,r12
;;   00ce  jb func[0]+0D9h
;;   00d4  jmp func[0]+14h
;;   00d9  mov rsp,rbp
;;   00dc  call stubs+55h
;;   00e1  call stubs+1D6h
;;   00e6  cmp qword ptr [r15+48h],0
;;   00eb  jne func[0]+100h
;;   00f1  jmp func[0]+89h
;;   00f6  call stubs+536h
;;   00fb  jmp func[0]+41h
;;   0100  call stubs+536h
;;   0105  jmp func[0]+89h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+41h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+12Eh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+142h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+156h
;;   003a  mov r13,[r15+48h]
;;   0041  test r13,r13
;;   0044  je func[0]+89h
;;   004a  test byte ptr [r13],8
;;   0052  jne func[0].instrumented+16Ah
;;   0058  test byte ptr [r13],10h
;;   0060  jne func[0].instrumented+17Eh
;;   0066  test byte ptr [r13],20h
;;   006e  jne func[0].instrumented+192h
;;   0074  cmp r8d,r9d
;;   0077  setae bl
;;   007b  movzx ebx,bl
;;   007f  test byte ptr [r13],40h
;;   0087  jne func[0].instrumented+1A6h
;;   008d  test ebx,ebx
;;   0090  jne func[0].instrumented+0EEh
;;   0096  test byte ptr [r13],80h
;;   009e  jne func[0].instrumented+1BAh
;;   00a4  test byte ptr [r13+1],1
;;   00ac  jne func[0].instrumented+1CEh
;;   00b2  test byte ptr [r13+1],2
;;   00ba  jne func[0].instrumented+1E2h
;;   00c0  mov ebx,r8d
;;   00c3  add ebx,1
;;   00ca  test byte ptr [r13+1],4
;;   00d2  jne func[0].instrumented+1F6h
;;   00d8  mov r8d,ebx
;;   00db  test byte ptr [r13+1],8
;;   00e3  jne func[0].instrumented+20Ah
;;   00e9  jmp func[0].instrumented+3Ah
;;   00ee  test byte ptr [r13+1],10h
;;   00f6  jne func[0].instrumented+21Eh
;;   00fc  test byte ptr [r13+1],20h
;;   0104  jne func[0].instrumented+232h
;;   010a  test byte ptr [r13+1],40h
;;   0112  jne func[0].instrumented+246h
;;   0118  mov eax,r8d
;;   011b  mov r9,[rbp-18h]
;;   0122  mov r8,[rbp-20h]
;;   0129  mov rsp,rbp
;;   012c  pop rbp
;;   012d  ret
;;   012e  mov rax,0
;;   0138  call func[0].instrumented+25Ah
;;   013d  jmp func[0].instrumented+1Eh
;;   0142  mov rax,1
;;   014c  call func[0].instrumented+25Ah
;;   0151  jmp func[0].instrumented+2Ch
;;   0156  mov rax,2
;;   0160  call func[0].instrumented+25Ah
;;   0165  jmp func[0].instrumented+3Ah
;;   016a  mov rax,3
;;   0174  call func[0].instrumented+25Ah
;;   0179  jmp func[0].instrumented+58h
;;   017e  mov rax,4
;;   0188  call func[0].instrumented+25Ah
;;   018d  jmp func[0].instrumented+66h
;;   0192  mov rax,5
;;   019c  call func[0].instrumented+25Ah
;;   01a1  jmp func[0].instrumented+74h
;;   01a6  mov rax,6
;;   01b0  call func[0].instrumented+25Ah
;;   01b5  jmp func[0].instrumented+8Dh
;;   01ba  mov rax,7
;;   01c4  call func[0].instrumented+25Ah
;;   01c9  jmp func[0].instrumented+0A4h
;;   01ce  mov rax,8
;;   01d8  call func[0].instrumented+25Ah
;;   01dd  jmp func[0].instrumented+0B2h
;;   01e2  mov rax,9
;;   01ec  call func[0].instrumented+25Ah
;;   01f1  jmp func[0].instrumented+0C0h
;;   01f6  mov rax,0Ah
;;   0200  call func[0].instrumented+25Ah
;;   0205  jmp func[0].instrumented+0D8h
;;   020a  mov rax,0Bh
;;   0214  call func[0].instrumented+25Ah
;;   0219  jmp func[0].instrumented+0E9h
;;   021e  mov rax,0Ch
;;   0228  call func[0].instrumented+25Ah
;;   022d  jmp func[0].instrumented+0FCh
;;   0232  mov rax,0Dh
;;   023c  call func[0].instrumented+25Ah
;;   0241  jmp func[0].instrumented+10Ah
;;   0246  mov rax,0Eh
;;   0250  call func[0].instrumented+25Ah
;;   0255  jmp func[0].instrumented+118h
;;   025a  sub rsp,8
;;   025e  push rax
;;   025f  call stubs+530h
;;   0264  add rsp,8
;;   0268  mov r13,[r15+48h]
;;   026f  test r13,r13
;;   0272  jne func[0].instrumented+27Fh
;;   0278  lea r13,[stubs+7A8h]
;;   027f  ret
