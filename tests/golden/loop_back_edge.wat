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
;;   0071  call stubs+1D6h
;;   0076  mov rsp,rax
;;   0079  cmp rsp,r12
;;   007c  jae func[0]+14h
;;   0082  bt r12,3Dh
;;   0087  jb func[0]+6Bh
;;   008d  jmp func[0]+92h
;;   0092  mov rsp,rbp
;;   0095  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+7Dh
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  nop [rax+rax]
;;   003f  nop
;;   0040  cmp rsp,r12
;;   0043  jb func[0]+0F0h
;;   0049  cmp r8d,r9d
;;   004c  jae func[0]+67h
;;   0052  add r8d,1
;;   0059  cmp rsp,r12
;;   005c  jae func[0]+49h
;;   0062  jmp func[0]+0F0h
;;   0067  mov eax,r8d
;;   006a  mov r9,[rbp-18h]
;;   0071  mov r8,[rbp-20h]
;;   0078  mov rsp,rbp
;;   007b  pop rbp
;;   007c  ret
;;   007d  mov rax,r12
;;   0080  bt rax,3Dh
;;   0085  jb func[0]+0D5h
;;   008b  shl rax,2
;;   008f  shr rax,2
;;   0093  cmp rsp,rax
;;   0096  jb func[0]+0E8h
;;   009c  mov rax,[r15+48h]
;;   00a3  bt r12,3Eh
;;   00a8  jae func[0]+0C4h
;;   00ae  shl r12,2
;;   00b2  shr r12,2
;;   00b6  test rax,rax
;;   00b9  je func[0]+14h
;;   00bf  bts r12,3Fh
;;   00c4  cmp rax,1
;;   00ca  ja func[0]+110h
;;   00d0  jmp func[0]+14h
;;   00d5  mov rax,rsp
;;   00d8  mov rsp,rbp
;;   00db  call stubs+1D0h
;;   00e0  mov rsp,rax
;;   00e3  jmp func[0]+7Dh
;;   00e8  mov rsp,rbp
;;   00eb  call stubs+55h
;;   00f0  bt r12,3Dh
;;   00f5  jae func[0]+100h
;;   00fb  call stubs+1D0h
;;   0100  cmp qword ptr [r15+48h],1
;;   0105  ja func[0]+120h
;;   010b  jmp func[0]+49h
;;   0110  jmp qword ptr [1000h]
;;   0116  call stubs+530h
;;   011b  jmp func[0]+14h
;;   0120  jmp qword ptr [1008h]
;;   0126  call stubs+530h
;;   012b  jmp func[0]+49h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+174h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-18h],r9
;;   0037  mov [rbp-20h],r8
;;   003e  mov r9d,esi
;;   0041  mov r8d,0
;;   0047  mov qword ptr [rbp-10h],0
;;   0052  test byte ptr [r13],1
;;   005a  jne func[0].instrumented+19Ah
;;   0060  test byte ptr [r13],2
;;   0068  jne func[0].instrumented+1A9h
;;   006e  test byte ptr [r13],4
;;   0076  jne func[0].instrumented+1B8h
;;   007c  mov r13,[r15+48h]
;;   0083  cmp r13,1
;;   008a  jbe func[0]+49h
;;   0090  test byte ptr [r13],8
;;   0098  jne func[0].instrumented+1C7h
;;   009e  test byte ptr [r13],10h
;;   00a6  jne func[0].instrumented+1D6h
;;   00ac  test byte ptr [r13],20h
;;   00b4  jne func[0].instrumented+1E5h
;;   00ba  cmp r8d,r9d
;;   00bd  setae bl
;;   00c1  movzx ebx,bl
;;   00c5  test byte ptr [r13],40h
;;   00cd  jne func[0].instrumented+1F4h
;;   00d3  test ebx,ebx
;;   00d6  jne func[0].instrumented+134h
;;   00dc  test byte ptr [r13],80h
;;   00e4  jne func[0].instrumented+203h
;;   00ea  test byte ptr [r13+1],1
;;   00f2  jne func[0].instrumented+212h
;;   00f8  test byte ptr [r13+1],2
;;   0100  jne func[0].instrumented+221h
;;   0106  mov ebx,r8d
;;   0109  add ebx,1
;;   0110  test byte ptr [r13+1],4
;;   0118  jne func[0].instrumented+230h
;;   011e  mov r8d,ebx
;;   0121  test byte ptr [r13+1],8
;;   0129  jne func[0].instrumented+23Fh
;;   012f  jmp func[0].instrumented+7Ch
;;   0134  test byte ptr [r13+1],10h
;;   013c  jne func[0].instrumented+24Eh
;;   0142  test byte ptr [r13+1],20h
;;   014a  jne func[0].instrumented+25Dh
;;   0150  test byte ptr [r13+1],40h
;;   0158  jne func[0].instrumented+26Ch
;;   015e  mov eax,r8d
;;   0161  mov r9,[rbp-18h]
;;   0168  mov r8,[rbp-20h]
;;   016f  mov rsp,rbp
;;   0172  pop rbp
;;   0173  ret
;;   0174  bt r12,3Dh
;;   0179  jae func[0].instrumented+192h
;;   017f  mov rax,rsp
;;   0182  mov rsp,rbp
;;   0185  call stubs+1CEh
;;   018a  mov rsp,rax
;;   018d  jmp func[0].instrumented+0Bh
;;   0192  mov rsp,rbp
;;   0195  call stubs+55h
;;   019a  mov eax,0
;;   019f  call func[0].instrumented+27Bh
;;   01a4  jmp func[0].instrumented+60h
;;   01a9  mov eax,1
;;   01ae  call func[0].instrumented+27Bh
;;   01b3  jmp func[0].instrumented+6Eh
;;   01b8  mov eax,2
;;   01bd  call func[0].instrumented+27Bh
;;   01c2  jmp func[0].instrumented+7Ch
;;   01c7  mov eax,3
;;   01cc  call func[0].instrumented+27Bh
;;   01d1  jmp func[0].instrumented+9Eh
;;   01d6  mov eax,4
;;   01db  call func[0].instrumented+27Bh
;;   01e0  jmp func[0].instrumented+0ACh
;;   01e5  mov eax,5
;;   01ea  call func[0].instrumented+27Bh
;;   01ef  jmp func[0].instrumented+0BAh
;;   01f4  mov eax,6
;;   01f9  call func[0].instrumented+27Bh
;;   01fe  jmp func[0].instrumented+0D3h
;;   0203  mov eax,7
;;   0208  call func[0].instrumented+27Bh
;;   020d  jmp func[0].instrumented+0EAh
;;   0212  mov eax,8
;;   0217  call func[0].instrumented+27Bh
;;   021c  jmp func[0].instrumented+0F8h
;;   0221  mov eax,9
;;   0226  call func[0].instrumented+27Bh
;;   022b  jmp func[0].instrumented+106h
;;   0230  mov eax,0Ah
;;   0235  call func[0].instrumented+27Bh
;;   023a  jmp func[0].instrumented+11Eh
;;   023f  mov eax,0Bh
;;   0244  call func[0].instrumented+27Bh
;;   0249  jmp func[0].instrumented+12Fh
;;   024e  mov eax,0Ch
;;   0253  call func[0].instrumented+27Bh
;;   0258  jmp func[0].instrumented+142h
;;   025d  mov eax,0Dh
;;   0262  call func[0].instrumented+27Bh
;;   0267  jmp func[0].instrumented+150h
;;   026c  mov eax,0Eh
;;   0271  call func[0].instrumented+27Bh
;;   0276  jmp func[0].instrumented+15Eh
;;   027b  sub rsp,8
;;   027f  mov rdx,0
;;   0289  or rax,rdx
;;   028c  push rax
;;   028d  call stubs+52Eh
;;   0292  add rsp,8
;;   0296  mov r13,[r15+48h]
;;   029d  cmp r13,1
;;   02a4  ja func[0].instrumented+2B1h
;;   02aa  lea r13,[stubs+7A6h]
;;   02b1  ret
