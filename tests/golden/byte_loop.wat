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
;;   007f  call stubs+1D8h
;;   0084  mov rsp,rax
;;   0087  cmp rsp,r12
;;   008a  jae func[0]+14h
;;   0090  bt r12,3Dh
;;   0095  jb func[0]+79h
;;   009b  jmp func[0]+0A0h
;;   00a0  mov rsp,rbp
;;   00a3  call stubs+55h
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
;;   008b  mov rax,r12
;;   008e  bt rax,3Dh
;;   0093  jb func[0]+0E3h
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
;;   00e9  call stubs+1D2h
;;   00ee  mov rsp,rax
;;   00f1  jmp func[0]+8Bh
;;   00f6  mov rsp,rbp
;;   00f9  call stubs+55h
;;   00fe  bt r12,3Dh
;;   0103  jae func[0]+10Eh
;;   0109  call stubs+1D2h
;;   010e  cmp qword ptr [r15+48h],1
;;   0113  ja func[0]+12Eh
;;   0119  jmp func[0]+49h
;;   011e  jmp qword ptr [1000h]
;;   0124  call stubs+532h
;;   0129  jmp func[0]+14h
;;   012e  jmp qword ptr [1008h]
;;   0134  call stubs+532h
;;   0139  jmp func[0]+49h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+1ACh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-18h],r9
;;   0037  mov [rbp-20h],r8
;;   003e  mov r9d,esi
;;   0041  mov r8d,0
;;   0047  mov qword ptr [rbp-10h],0
;;   0052  test byte ptr [r13],1
;;   005a  jne func[0].instrumented+1D2h
;;   0060  test byte ptr [r13],2
;;   0068  jne func[0].instrumented+1E1h
;;   006e  test byte ptr [r13],4
;;   0076  jne func[0].instrumented+1F0h
;;   007c  mov r13,[r15+48h]
;;   0083  cmp r13,1
;;   008a  jbe func[0]+49h
;;   0090  test byte ptr [r13],8
;;   0098  jne func[0].instrumented+1FFh
;;   009e  test byte ptr [r13],10h
;;   00a6  jne func[0].instrumented+20Eh
;;   00ac  test byte ptr [r13],20h
;;   00b4  jne func[0].instrumented+21Dh
;;   00ba  cmp r8d,r9d
;;   00bd  setae bl
;;   00c1  movzx ebx,bl
;;   00c5  test byte ptr [r13],40h
;;   00cd  jne func[0].instrumented+22Ch
;;   00d3  test ebx,ebx
;;   00d6  jne func[0].instrumented+17Dh
;;   00dc  test byte ptr [r13],80h
;;   00e4  jne func[0].instrumented+23Bh
;;   00ea  test byte ptr [r13+1],1
;;   00f2  jne func[0].instrumented+24Ah
;;   00f8  test byte ptr [r13+1],2
;;   0100  jne func[0].instrumented+259h
;;   0106  movzx ebx,byte ptr [r14+r8]
;;   010f  test byte ptr [r13+1],4
;;   0117  jne func[0].instrumented+268h
;;   011d  mov [r14+r8+400h],bl
;;   0125  test byte ptr [r13+1],8
;;   012d  jne func[0].instrumented+277h
;;   0133  test byte ptr [r13+1],10h
;;   013b  jne func[0].instrumented+286h
;;   0141  test byte ptr [r13+1],20h
;;   0149  jne func[0].instrumented+295h
;;   014f  mov ebx,r8d
;;   0152  add ebx,1
;;   0159  test byte ptr [r13+1],40h
;;   0161  jne func[0].instrumented+2A4h
;;   0167  mov r8d,ebx
;;   016a  test byte ptr [r13+1],80h
;;   0172  jne func[0].instrumented+2B3h
;;   0178  jmp func[0].instrumented+7Ch
;;   017d  test byte ptr [r13+2],1
;;   0185  jne func[0].instrumented+2C2h
;;   018b  test byte ptr [r13+2],2
;;   0193  jne func[0].instrumented+2D1h
;;   0199  mov r9,[rbp-18h]
;;   01a0  mov r8,[rbp-20h]
;;   01a7  mov rsp,rbp
;;   01aa  pop rbp
;;   01ab  ret
;;   01ac  bt r12,3Dh
;;   01b1  jae func[0].instrumented+1CAh
;;   01b7  mov rax,rsp
;;   01ba  mov rsp,rbp
;;   01bd  call stubs+1D9h
;;   01c2  mov rsp,rax
;;   01c5  jmp func[0].instrumented+0Bh
;;   01ca  mov rsp,rbp
;;   01cd  call stubs+55h
;;   01d2  mov eax,0
;;   01d7  call func[0].instrumented+2E0h
;;   01dc  jmp func[0].instrumented+60h
;;   01e1  mov eax,1
;;   01e6  call func[0].instrumented+2E0h
;;   01eb  jmp func[0].instrumented+6Eh
;;   01f0  mov eax,2
;;   01f5  call func[0].instrumented+2E0h
;;   01fa  jmp func[0].instrumented+7Ch
;;   01ff  mov eax,3
;;   0204  call func[0].instrumented+2E0h
;;   0209  jmp func[0].instrumented+9Eh
;;   020e  mov eax,4
;;   0213  call func[0].instrumented+2E0h
;;   0218  jmp func[0].instrumented+0ACh
;;   021d  mov eax,5
;;   0222  call func[0].instrumented+2E0h
;;   0227  jmp func[0].instrumented+0BAh
;;   022c  mov eax,6
;;   0231  call func[0].instrumented+2E0h
;;   0236  jmp func[0].instrumented+0D3h
;;   023b  mov eax,7
;;   0240  call func[0].instrumented+2E0h
;;   0245  jmp func[0].instrumented+0EAh
;;   024a  mov eax,8
;;   024f  call func[0].instrumented+2E0h
;;   0254  jmp func[0].instrumented+0F8h
;;   0259  mov eax,9
;;   025e  call func[0].instrumented+2E0h
;;   0263  jmp func[0].instrumented+106h
;;   0268  mov eax,0Ah
;;   026d  call func[0].instrumented+2E0h
;;   0272  jmp func[0].instrumented+11Dh
;;   0277  mov eax,0Bh
;;   027c  call func[0].instrumented+2E0h
;;   0281  jmp func[0].instrumented+133h
;;   0286  mov eax,0Ch
;;   028b  call func[0].instrumented+2E0h
;;   0290  jmp func[0].instrumented+141h
;;   0295  mov eax,0Dh
;;   029a  call func[0].instrumented+2E0h
;;   029f  jmp func[0].instrumented+14Fh
;;   02a4  mov eax,0Eh
;;   02a9  call func[0].instrumented+2E0h
;;   02ae  jmp func[0].instrumented+167h
;;   02b3  mov eax,0Fh
;;   02b8  call func[0].instrumented+2E0h
;;   02bd  jmp func[0].instrumented+178h
;;   02c2  mov eax,10h
;;   02c7  call func[0].instrumented+2E0h
;;   02cc  jmp func[0].instrumented+18Bh
;;   02d1  mov eax,11h
;;   02d6  call func[0].instrumented+2E0h
;;   02db  jmp func[0].instrumented+199h
;;   02e0  sub rsp,8
;;   02e4  mov rdx,0
;;   02ee  or rax,rdx
;;   02f1  push rax
;;   02f2  call stubs+539h
;;   02f7  add rsp,8
;;   02fb  mov r13,[r15+48h]
;;   0302  cmp r13,1
;;   0309  ja func[0].instrumented+316h
;;   030f  lea r13,[stubs+7B1h]
;;   0316  ret
