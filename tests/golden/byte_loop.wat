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
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  test byte ptr [r13],1
;;   003e  jne func[0].instrumented+190h
;;   0044  test byte ptr [r13],2
;;   004c  jne func[0].instrumented+1A4h
;;   0052  test byte ptr [r13],4
;;   005a  jne func[0].instrumented+1B8h
;;   0060  mov r13,[r15+48h]
;;   0067  cmp r13,1
;;   006e  jbe func[0]+49h
;;   0074  test byte ptr [r13],8
;;   007c  jne func[0].instrumented+1CCh
;;   0082  test byte ptr [r13],10h
;;   008a  jne func[0].instrumented+1E0h
;;   0090  test byte ptr [r13],20h
;;   0098  jne func[0].instrumented+1F4h
;;   009e  cmp r8d,r9d
;;   00a1  setae bl
;;   00a5  movzx ebx,bl
;;   00a9  test byte ptr [r13],40h
;;   00b1  jne func[0].instrumented+208h
;;   00b7  test ebx,ebx
;;   00ba  jne func[0].instrumented+161h
;;   00c0  test byte ptr [r13],80h
;;   00c8  jne func[0].instrumented+21Ch
;;   00ce  test byte ptr [r13+1],1
;;   00d6  jne func[0].instrumented+230h
;;   00dc  test byte ptr [r13+1],2
;;   00e4  jne func[0].instrumented+244h
;;   00ea  movzx ebx,byte ptr [r14+r8]
;;   00f3  test byte ptr [r13+1],4
;;   00fb  jne func[0].instrumented+258h
;;   0101  mov [r14+r8+400h],bl
;;   0109  test byte ptr [r13+1],8
;;   0111  jne func[0].instrumented+26Ch
;;   0117  test byte ptr [r13+1],10h
;;   011f  jne func[0].instrumented+280h
;;   0125  test byte ptr [r13+1],20h
;;   012d  jne func[0].instrumented+294h
;;   0133  mov ebx,r8d
;;   0136  add ebx,1
;;   013d  test byte ptr [r13+1],40h
;;   0145  jne func[0].instrumented+2A8h
;;   014b  mov r8d,ebx
;;   014e  test byte ptr [r13+1],80h
;;   0156  jne func[0].instrumented+2BCh
;;   015c  jmp func[0].instrumented+60h
;;   0161  test byte ptr [r13+2],1
;;   0169  jne func[0].instrumented+2D0h
;;   016f  test byte ptr [r13+2],2
;;   0177  jne func[0].instrumented+2E4h
;;   017d  mov r9,[rbp-18h]
;;   0184  mov r8,[rbp-20h]
;;   018b  mov rsp,rbp
;;   018e  pop rbp
;;   018f  ret
;;   0190  mov rax,0
;;   019a  call func[0].instrumented+2F8h
;;   019f  jmp func[0].instrumented+44h
;;   01a4  mov rax,1
;;   01ae  call func[0].instrumented+2F8h
;;   01b3  jmp func[0].instrumented+52h
;;   01b8  mov rax,2
;;   01c2  call func[0].instrumented+2F8h
;;   01c7  jmp func[0].instrumented+60h
;;   01cc  mov rax,3
;;   01d6  call func[0].instrumented+2F8h
;;   01db  jmp func[0].instrumented+82h
;;   01e0  mov rax,4
;;   01ea  call func[0].instrumented+2F8h
;;   01ef  jmp func[0].instrumented+90h
;;   01f4  mov rax,5
;;   01fe  call func[0].instrumented+2F8h
;;   0203  jmp func[0].instrumented+9Eh
;;   0208  mov rax,6
;;   0212  call func[0].instrumented+2F8h
;;   0217  jmp func[0].instrumented+0B7h
;;   021c  mov rax,7
;;   0226  call func[0].instrumented+2F8h
;;   022b  jmp func[0].instrumented+0CEh
;;   0230  mov rax,8
;;   023a  call func[0].instrumented+2F8h
;;   023f  jmp func[0].instrumented+0DCh
;;   0244  mov rax,9
;;   024e  call func[0].instrumented+2F8h
;;   0253  jmp func[0].instrumented+0EAh
;;   0258  mov rax,0Ah
;;   0262  call func[0].instrumented+2F8h
;;   0267  jmp func[0].instrumented+101h
;;   026c  mov rax,0Bh
;;   0276  call func[0].instrumented+2F8h
;;   027b  jmp func[0].instrumented+117h
;;   0280  mov rax,0Ch
;;   028a  call func[0].instrumented+2F8h
;;   028f  jmp func[0].instrumented+125h
;;   0294  mov rax,0Dh
;;   029e  call func[0].instrumented+2F8h
;;   02a3  jmp func[0].instrumented+133h
;;   02a8  mov rax,0Eh
;;   02b2  call func[0].instrumented+2F8h
;;   02b7  jmp func[0].instrumented+14Bh
;;   02bc  mov rax,0Fh
;;   02c6  call func[0].instrumented+2F8h
;;   02cb  jmp func[0].instrumented+15Ch
;;   02d0  mov rax,10h
;;   02da  call func[0].instrumented+2F8h
;;   02df  jmp func[0].instrumented+16Fh
;;   02e4  mov rax,11h
;;   02ee  call func[0].instrumented+2F8h
;;   02f3  jmp func[0].instrumented+17Dh
;;   02f8  sub rsp,8
;;   02fc  push rax
;;   02fd  call stubs+52Eh
;;   0302  add rsp,8
;;   0306  mov r13,[r15+48h]
;;   030d  cmp r13,1
;;   0314  ja func[0].instrumented+321h
;;   031a  lea r13,[stubs+7A6h]
;;   0321  ret
