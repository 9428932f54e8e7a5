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
;;   003b  jne func[0].instrumented
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
;;   00d1  call stubs+1D2h
;;   00d6  mov rsp,rax
;;   00d9  cmp rsp,r12
;;   00dc  jb func[0]+0E7h
;;   00e2  jmp func[0]+14h
;;   00e7  mov rsp,rbp
;;   00ea  call stubs+55h
;;   00ef  call stubs+1D2h
;;   00f4  cmp qword ptr [r15+48h],0
;;   00f9  jne func[0].instrumented+3Ah
;;   00ff  jmp func[0]+89h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+41h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+166h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+175h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+184h
;;   003a  mov r13,[r15+48h]
;;   0041  test r13,r13
;;   0044  je func[0]+89h
;;   004a  test byte ptr [r13],8
;;   0052  jne func[0].instrumented+193h
;;   0058  test byte ptr [r13],10h
;;   0060  jne func[0].instrumented+1A2h
;;   0066  test byte ptr [r13],20h
;;   006e  jne func[0].instrumented+1B1h
;;   0074  cmp r8d,r9d
;;   0077  setae bl
;;   007b  movzx ebx,bl
;;   007f  test byte ptr [r13],40h
;;   0087  jne func[0].instrumented+1C0h
;;   008d  test ebx,ebx
;;   0090  jne func[0].instrumented+137h
;;   0096  test byte ptr [r13],80h
;;   009e  jne func[0].instrumented+1CFh
;;   00a4  test byte ptr [r13+1],1
;;   00ac  jne func[0].instrumented+1DEh
;;   00b2  test byte ptr [r13+1],2
;;   00ba  jne func[0].instrumented+1EDh
;;   00c0  movzx ebx,byte ptr [r14+r8]
;;   00c9  test byte ptr [r13+1],4
;;   00d1  jne func[0].instrumented+1FCh
;;   00d7  mov [r14+r8+400h],bl
;;   00df  test byte ptr [r13+1],8
;;   00e7  jne func[0].instrumented+20Bh
;;   00ed  test byte ptr [r13+1],10h
;;   00f5  jne func[0].instrumented+21Ah
;;   00fb  test byte ptr [r13+1],20h
;;   0103  jne func[0].instrumented+229h
;;   0109  mov ebx,r8d
;;   010c  add ebx,1
;;   0113  test byte ptr [r13+1],40h
;;   011b  jne func[0].instrumented+238h
;;   0121  mov r8d,ebx
;;   0124  test byte ptr [r13+1],80h
;;   012c  jne func[0].instrumented+247h
;;   0132  jmp func[0].instrumented+3Ah
;;   0137  test byte ptr [r13+2],1
;;   013f  jne func[0].instrumented+256h
;;   0145  test byte ptr [r13+2],2
;;   014d  jne func[0].instrumented+265h
;;   0153  mov r9,[rbp-18h]
;;   015a  mov r8,[rbp-20h]
;;   0161  mov rsp,rbp
;;   0164  pop rbp
;;   0165  ret
;;   0166  mov eax,0
;;   016b  call func[0].instrumented+274h
;;   0170  jmp func[0].instrumented+1Eh
;;   0175  mov eax,1
;;   017a  call func[0].instrumented+274h
;;   017f  jmp func[0].instrumented+2Ch
;;   0184  mov eax,2
;;   0189  call func[0].instrumented+274h
;;   018e  jmp func[0].instrumented+3Ah
;;   0193  mov eax,3
;;   0198  call func[0].instrumented+274h
;;   019d  jmp func[0].instrumented+58h
;;   01a2  mov eax,4
;;   01a7  call func[0].instrumented+274h
;;   01ac  jmp func[0].instrumented+66h
;;   01b1  mov eax,5
;;   01b6  call func[0].instrumented+274h
;;   01bb  jmp func[0].instrumented+74h
;;   01c0  mov eax,6
;;   01c5  call func[0].instrumented+274h
;;   01ca  jmp func[0].instrumented+8Dh
;;   01cf  mov eax,7
;;   01d4  call func[0].instrumented+274h
;;   01d9  jmp func[0].instrumented+0A4h
;;   01de  mov eax,8
;;   01e3  call func[0].instrumented+274h
;;   01e8  jmp func[0].instrumented+0B2h
;;   01ed  mov eax,9
;;   01f2  call func[0].instrumented+274h
;;   01f7  jmp func[0].instrumented+0C0h
;;   01fc  mov eax,0Ah
;;   0201  call func[0].instrumented+274h
;;   0206  jmp func[0].instrumented+0D7h
;;   020b  mov eax,0Bh
;;   0210  call func[0].instrumented+274h
;;   0215  jmp func[0].instrumented+0EDh
;;   021a  mov eax,0Ch
;;   021f  call func[0].instrumented+274h
;;   0224  jmp func[0].instrumented+0FBh
;;   0229  mov eax,0Dh
;;   022e  call func[0].instrumented+274h
;;   0233  jmp func[0].instrumented+109h
;;   0238  mov eax,0Eh
;;   023d  call func[0].instrumented+274h
;;   0242  jmp func[0].instrumented+121h
;;   0247  mov eax,0Fh
;;   024c  call func[0].instrumented+274h
;;   0251  jmp func[0].instrumented+132h
;;   0256  mov eax,10h
;;   025b  call func[0].instrumented+274h
;;   0260  jmp func[0].instrumented+145h
;;   0265  mov eax,11h
;;   026a  call func[0].instrumented+274h
;;   026f  jmp func[0].instrumented+153h
;;   0274  sub rsp,8
;;   0278  push rax
;;   0279  call stubs+532h
;;   027e  add rsp,8
;;   0282  mov r13,[r15+48h]
;;   0289  test r13,r13
;;   028c  jne func[0].instrumented+299h
;;   0292  lea r13,[stubs+7AAh]
;;   0299  ret
