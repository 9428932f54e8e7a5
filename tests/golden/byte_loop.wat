;; A byte-copy loop keeps its counter and bound in registers.
(module (memory 1)
  (func (export "copy") (param $len i32)
    (local $i i32)
    (block $done
      (loop $bytes
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 offset=1024 (local.get $i) (i32.load8_u (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $bytes)))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+79h
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  nop [rax+rax]
;;   003f  nop
;;   0040  cmp r8d,r9d
;;   0043  jae func[0]+66h
;;   0049  movzx ebx,byte ptr [r14+r8]
;;   0052  mov [r14+r8+400h],bl
;;   005a  add r8d,1
;;   0061  jmp func[0]+40h
;;   0066  mov r9,[rbp-18h]
;;   006d  mov r8,[rbp-20h]
;;   0074  mov rsp,rbp
;;   0077  pop rbp
;;   0078  ret
;;   0079  mov rax,rsp
;;   007c  mov rsp,rbp
;;   007f  call stubs+1D3h
;;   0084  mov rsp,rax
;;   0087  cmp rsp,r12
;;   008a  jb func[0]+95h
;;   0090  jmp func[0]+14h
;;   0095  mov rsp,rbp
;;   0098  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+0CBh
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  cmp qword ptr [r15+48h],0
;;   003b  jne func[0]+104h
;;   0041  nop [rax+rax]
;;   004a  nop [rax+rax]
;;   0053  nop [rax+rax]
;;   005c  nop [rax+rax]
;;   0065  nop [rax+rax]
;;   006e  nop [rax+rax]
;;   0077  nop [rax+rax]
;;   0080  cmp rsp,r12
;;   0083  jb func[0]+0EFh
;;   0089  cmp r8d,r9d
;;   008c  jae func[0]+0B8h
;;   0092  movzx ebx,byte ptr [r14+r8]
;;   009b  mov [r14+r8+400h],bl
;;   00a3  add r8d,1
;;   00aa  cmp rsp,r12
;;   00ad  jae func[0]+89h
;;   00b3  jmp func[0]+0EFh
;;   00b8  mov r9,[rbp-18h]
;;   00bf  mov r8,[rbp-20h]
;;   00c6  mov rsp,rbp
;;   00c9  pop rbp
;;   00ca  ret
;;   00cb  mov rax,rsp
;;   00ce  mov rsp,rbp
;;   00d1  call stubs+1D8h
;;   00d6  mov rsp,rax
;;   00d9  cmp rsp,r12
;;   00dc  jb func[0]+0E7h
;;   00e2  jmp func[0]+14h
;;   00e7  mov rsp,rbp
;;   00ea  call stubs+55h
;;   00ef  call stubs+1D8h
;;   00f4  cmp qword ptr [r15+48h],0
;;   00f9  jne func[0]+10Eh
;;   00ff  jmp func[0]+89h
;;   0104  call stubs+538h
;;   0109  jmp func[0]+41h
;;   010e  call stubs+538h
;;   0113  jmp func[0]+89h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+41h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+166h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+17Ah
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+18Eh
;;   003a  mov r13,[r15+48h]
;;   0041  test r13,r13
;;   0044  je func[0]+89h
;;   004a  test byte ptr [r13],8
;;   0052  jne func[0].instrumented+1A2h
;;   0058  test byte ptr [r13],10h
;;   0060  jne func[0].instrumented+1B6h
;;   0066  test byte ptr [r13],20h
;;   006e  jne func[0].instrumented+1CAh
;;   0074  cmp r8d,r9d
;;   0077  setae bl
;;   007b  movzx ebx,bl
;;   007f  test byte ptr [r13],40h
;;   0087  jne func[0].instrumented+1DEh
;;   008d  test ebx,ebx
;;   0090  jne func[0].instrumented+137h
;;   0096  test byte ptr [r13],80h
;;   009e  jne func[0].instrumented+1F2h
;;   00a4  test byte ptr [r13+1],1
;;   00ac  jne func[0].instrumented+206h
;;   00b2  test byte ptr [r13+1],2
;;   00ba  jne func[0].instrumented+21Ah
;;   00c0  movzx ebx,byte ptr [r14+r8]
;;   00c9  test byte ptr [r13+1],4
;;   00d1  jne func[0].instrumented+22Eh
;;   00d7  mov [r14+r8+400h],bl
;;   00df  test byte ptr [r13+1],8
;;   00e7  jne func[0].instrumented+242h
;;   00ed  test byte ptr [r13+1],10h
;;   00f5  jne func[0].instrumented+256h
;;   00fb  test byte ptr [r13+1],20h
;;   0103  jne func[0].instrumented+26Ah
;;   0109  mov ebx,r8d
;;   010c  add ebx,1
;;   0113  test byte ptr [r13+1],40h
;;   011b  jne func[0].instrumented+27Eh
;;   0121  mov r8d,ebx
;;   0124  test byte ptr [r13+1],80h
;;   012c  jne func[0].instrumented+292h
;;   0132  jmp func[0].instrumented+3Ah
;;   0137  test byte ptr [r13+2],1
;;   013f  jne func[0].instrumented+2A6h
;;   0145  test byte ptr [r13+2],2
;;   014d  jne func[0].instrumented+2BAh
;;   0153  mov r9,[rbp-18h]
;;   015a  mov r8,[rbp-20h]
;;   0161  mov rsp,rbp
;;   0164  pop rbp
;;   0165  ret
;;   0166  mov rax,0
;;   0170  call func[0].instrumented+2CEh
;;   0175  jmp func[0].instrumented+1Eh
;;   017a  mov rax,1
;;   0184  call func[0].instrumented+2CEh
;;   0189  jmp func[0].instrumented+2Ch
;;   018e  mov rax,2
;;   0198  call func[0].instrumented+2CEh
;;   019d  jmp func[0].instrumented+3Ah
;;   01a2  mov rax,3
;;   01ac  call func[0].instrumented+2CEh
;;   01b1  jmp func[0].instrumented+58h
;;   01b6  mov rax,4
;;   01c0  call func[0].instrumented+2CEh
;;   01c5  jmp func[0].instrumented+66h
;;   01ca  mov rax,5
;;   01d4  call func[0].instrumented+2CEh
;;   01d9  jmp func[0].instrumented+74h
;;   01de  mov rax,6
;;   01e8  call func[0].instrumented+2CEh
;;   01ed  jmp func[0].instrumented+8Dh
;;   01f2  mov rax,7
;;   01fc  call func[0].instrumented+2CEh
;;   0201  jmp func[0].instrumented+0A4h
;;   0206  mov rax,8
;;   0210  call func[0].instrumented+2CEh
;;   0215  jmp func[0].instrumented+0B2h
;;   021a  mov rax,9
;;   0224  call func[0].instrumented+2CEh
;;   0229  jmp func[0].instrumented+0C0h
;;   022e  mov rax,0Ah
;;   0238  call func[0].instrumented+2CEh
;;   023d  jmp func[0].instrumented+0D7h
;;   0242  mov rax,0Bh
;;   024c  call func[0].instrumented+2CEh
;;   0251  jmp func[0].instrumented+0EDh
;;   0256  mov rax,0Ch
;;   0260  call func[0].instrumented+2CEh
;;   0265  jmp func[0].instrumented+0FBh
;;   026a  mov rax,0Dh
;;   0274  call func[0].instrumented+2CEh
;;   0279  jmp func[0].instrumented+109h
;;   027e  mov rax,0Eh
;;   0288  call func[0].instrumented+2CEh
;;   028d  jmp func[0].instrumented+121h
;;   0292  mov rax,0Fh
;;   029c  call func[0].instrumented+2CEh
;;   02a1  jmp func[0].instrumented+132h
;;   02a6  mov rax,10h
;;   02b0  call func[0].instrumented+2CEh
;;   02b5  jmp func[0].instrumented+145h
;;   02ba  mov rax,11h
;;   02c4  call func[0].instrumented+2CEh
;;   02c9  jmp func[0].instrumented+153h
;;   02ce  sub rsp,8
;;   02d2  push rax
;;   02d3  call stubs+53Ch
;;   02d8  add rsp,8
;;   02dc  mov r13,[r15+48h]
;;   02e3  test r13,r13
;;   02e6  jne func[0].instrumented+2F3h
;;   02ec  lea r13,[stubs+7B4h]
;;   02f3  ret
