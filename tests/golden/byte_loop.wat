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
;;   000e  jb func[0]+8Bh
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  nop [rax+rax]
;;   003f  nop
;;   0040  cmp rsp,r12
;;   0043  jb func[0]+0FEh
;;   0049  cmp r8d,r9d
;;   004c  jae func[0]+78h
;;   0052  movzx ebx,byte ptr [r14+r8]
;;   005b  mov [r14+r8+400h],bl
;;   0063  add r8d,1
;;   006a  cmp rsp,r12
;;   006d  jae func[0]+49h
;;   0073  jmp func[0]+0FEh
;;   0078  mov r9,[rbp-18h]
;;   007f  mov r8,[rbp-20h]
;;   0086  mov rsp,rbp
;;   0089  pop rbp
;;   008a  ret
;;   008b  bt r12,3Dh
;;   0090  jb func[0]+0E3h
;;   0096  mov rax,r12
;;   0099  shl rax,2
;;   009d  shr rax,2
;;   00a1  cmp rsp,rax
;;   00a4  jb func[0]+0F6h
;;   00aa  mov rax,[r15+48h]
;;   00b1  bt r12,3Eh
;;   00b6  jae func[0]+0D2h
;;   00bc  shl r12,2
;;   00c0  shr r12,2
;;   00c4  test rax,rax
;;   00c7  je func[0]+14h
;;   00cd  bts r12,3Fh
;;   00d2  cmp rax,1
;;   00d8  ja func[0]+11Eh
;;   00de  jmp func[0]+14h
;;   00e3  mov rax,rsp
;;   00e6  mov rsp,rbp
;;   00e9  call stubs+1D6h
;;   00ee  mov rsp,rax
;;   00f1  jmp func[0]+8Bh
;;   00f6  mov rsp,rbp
;;   00f9  call stubs+55h
;;   00fe  bt r12,3Dh
;;   0103  jae func[0]+10Eh
;;   0109  call stubs+1D6h
;;   010e  cmp qword ptr [r15+48h],1
;;   0113  ja func[0]+13Ch
;;   0119  jmp func[0]+49h
;;   011e  cmp qword ptr [1000h],0
;;   0126  je func[0]+132h
;;   012c  jmp qword ptr [1000h]
;;   0132  call stubs+536h
;;   0137  jmp func[0]+14h
;;   013c  cmp qword ptr [1008h],0
;;   0144  je func[0]+150h
;;   014a  jmp qword ptr [1008h]
;;   0150  call stubs+536h
;;   0155  jmp func[0]+49h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+1AFh
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  mov [rbp-18h],r9
;;   003a  mov [rbp-20h],r8
;;   0041  mov r9d,esi
;;   0044  mov r8d,0
;;   004a  mov qword ptr [rbp-10h],0
;;   0055  test byte ptr [r13],1
;;   005d  jne func[0].instrumented+1D5h
;;   0063  test byte ptr [r13],2
;;   006b  jne func[0].instrumented+1E9h
;;   0071  test byte ptr [r13],4
;;   0079  jne func[0].instrumented+1FDh
;;   007f  mov r13,[r15+48h]
;;   0086  cmp r13,1
;;   008d  jbe func[0]+49h
;;   0093  test byte ptr [r13],8
;;   009b  jne func[0].instrumented+211h
;;   00a1  test byte ptr [r13],10h
;;   00a9  jne func[0].instrumented+225h
;;   00af  test byte ptr [r13],20h
;;   00b7  jne func[0].instrumented+239h
;;   00bd  cmp r8d,r9d
;;   00c0  setae bl
;;   00c4  movzx ebx,bl
;;   00c8  test byte ptr [r13],40h
;;   00d0  jne func[0].instrumented+24Dh
;;   00d6  test ebx,ebx
;;   00d9  jne func[0].instrumented+180h
;;   00df  test byte ptr [r13],80h
;;   00e7  jne func[0].instrumented+261h
;;   00ed  test byte ptr [r13+1],1
;;   00f5  jne func[0].instrumented+275h
;;   00fb  test byte ptr [r13+1],2
;;   0103  jne func[0].instrumented+289h
;;   0109  movzx ebx,byte ptr [r14+r8]
;;   0112  test byte ptr [r13+1],4
;;   011a  jne func[0].instrumented+29Dh
;;   0120  mov [r14+r8+400h],bl
;;   0128  test byte ptr [r13+1],8
;;   0130  jne func[0].instrumented+2B1h
;;   0136  test byte ptr [r13+1],10h
;;   013e  jne func[0].instrumented+2C5h
;;   0144  test byte ptr [r13+1],20h
;;   014c  jne func[0].instrumented+2D9h
;;   0152  mov ebx,r8d
;;   0155  add ebx,1
;;   015c  test byte ptr [r13+1],40h
;;   0164  jne func[0].instrumented+2EDh
;;   016a  mov r8d,ebx
;;   016d  test byte ptr [r13+1],80h
;;   0175  jne func[0].instrumented+301h
;;   017b  jmp func[0].instrumented+7Fh
;;   0180  test byte ptr [r13+2],1
;;   0188  jne func[0].instrumented+315h
;;   018e  test byte ptr [r13+2],2
;;   0196  jne func[0].instrumented+329h
;;   019c  mov r9,[rbp-18h]
;;   01a3  mov r8,[rbp-20h]
;;   01aa  mov rsp,rbp
;;   01ad  pop rbp
;;   01ae  ret
;;   01af  bt r12,3Dh
;;   01b4  jae func[0].instrumented+1CDh
;;   01ba  mov rax,rsp
;;   01bd  mov rsp,rbp
;;   01c0  call stubs+1D9h
;;   01c5  mov rsp,rax
;;   01c8  jmp func[0].instrumented+0Bh
;;   01cd  mov rsp,rbp
;;   01d0  call stubs+55h
;;   01d5  mov rax,0
;;   01df  call func[0].instrumented+33Dh
;;   01e4  jmp func[0].instrumented+63h
;;   01e9  mov rax,1
;;   01f3  call func[0].instrumented+33Dh
;;   01f8  jmp func[0].instrumented+71h
;;   01fd  mov rax,2
;;   0207  call func[0].instrumented+33Dh
;;   020c  jmp func[0].instrumented+7Fh
;;   0211  mov rax,3
;;   021b  call func[0].instrumented+33Dh
;;   0220  jmp func[0].instrumented+0A1h
;;   0225  mov rax,4
;;   022f  call func[0].instrumented+33Dh
;;   0234  jmp func[0].instrumented+0AFh
;;   0239  mov rax,5
;;   0243  call func[0].instrumented+33Dh
;;   0248  jmp func[0].instrumented+0BDh
;;   024d  mov rax,6
;;   0257  call func[0].instrumented+33Dh
;;   025c  jmp func[0].instrumented+0D6h
;;   0261  mov rax,7
;;   026b  call func[0].instrumented+33Dh
;;   0270  jmp func[0].instrumented+0EDh
;;   0275  mov rax,8
;;   027f  call func[0].instrumented+33Dh
;;   0284  jmp func[0].instrumented+0FBh
;;   0289  mov rax,9
;;   0293  call func[0].instrumented+33Dh
;;   0298  jmp func[0].instrumented+109h
;;   029d  mov rax,0Ah
;;   02a7  call func[0].instrumented+33Dh
;;   02ac  jmp func[0].instrumented+120h
;;   02b1  mov rax,0Bh
;;   02bb  call func[0].instrumented+33Dh
;;   02c0  jmp func[0].instrumented+136h
;;   02c5  mov rax,0Ch
;;   02cf  call func[0].instrumented+33Dh
;;   02d4  jmp func[0].instrumented+144h
;;   02d9  mov rax,0Dh
;;   02e3  call func[0].instrumented+33Dh
;;   02e8  jmp func[0].instrumented+152h
;;   02ed  mov rax,0Eh
;;   02f7  call func[0].instrumented+33Dh
;;   02fc  jmp func[0].instrumented+16Ah
;;   0301  mov rax,0Fh
;;   030b  call func[0].instrumented+33Dh
;;   0310  jmp func[0].instrumented+17Bh
;;   0315  mov rax,10h
;;   031f  call func[0].instrumented+33Dh
;;   0324  jmp func[0].instrumented+18Eh
;;   0329  mov rax,11h
;;   0333  call func[0].instrumented+33Dh
;;   0338  jmp func[0].instrumented+19Ch
;;   033d  sub rsp,8
;;   0341  push rax
;;   0342  call stubs+539h
;;   0347  add rsp,8
;;   034b  mov r13,[r15+48h]
;;   0352  cmp r13,1
;;   0359  ja func[0].instrumented+366h
;;   035f  lea r13,[stubs+7B1h]
;;   0366  ret
