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
;;   007f  call stubs+217h
;;   0084  mov rsp,rax
;;   0087  test r12,r12
;;   008a  je func[0]+0B1h
;;   0090  cmp rsp,r12
;;   0093  jae func[0]+14h
;;   0099  bt r12,3Dh
;;   009e  jb func[0]+79h
;;   00a4  jmp func[0]+0A9h
;;   00a9  mov rsp,rbp
;;   00ac  call stubs+55h
;;   00b1  mov rsp,rbp
;;   00b4  call stubs+87h
;; ---- func[0]: instrumented module, plain version
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
;;   0079  mov rax,r12
;;   007c  bt rax,3Dh
;;   0081  jb func[0]+0D1h
;;   0087  shl rax,2
;;   008b  shr rax,2
;;   008f  cmp rsp,rax
;;   0092  jb func[0]+0EDh
;;   0098  mov rax,[r15+48h]
;;   009f  bt r12,3Eh
;;   00a4  jae func[0]+0C0h
;;   00aa  shl r12,2
;;   00ae  shr r12,2
;;   00b2  test rax,rax
;;   00b5  je func[0]+14h
;;   00bb  bts r12,3Fh
;;   00c0  cmp rax,1
;;   00c6  ja func[0]+12Bh
;;   00cc  jmp func[0]+14h
;;   00d1  mov rax,rsp
;;   00d4  mov rsp,rbp
;;   00d7  call stubs+215h
;;   00dc  mov rsp,rax
;;   00df  test r12,r12
;;   00e2  je func[0]+0F5h
;;   00e8  jmp func[0]+79h
;;   00ed  mov rsp,rbp
;;   00f0  call stubs+55h
;;   00f5  mov rsp,rbp
;;   00f8  call stubs+87h
;;   00fd  call stubs+87h
;;   0102  bt r12,3Dh
;;   0107  jae func[0]+11Bh
;;   010d  call stubs+215h
;;   0112  test r12,r12
;;   0115  je func[0]+0FDh
;;   011b  cmp qword ptr [r15+48h],1
;;   0120  ja func[0]+13Bh
;;   0126  jmp func[0]+40h
;;   012b  jmp qword ptr [1000h]
;;   0131  call stubs+575h
;;   0136  jmp func[0]+14h
;;   013b  jmp qword ptr [1008h]
;;   0141  call stubs+575h
;;   0146  jmp func[0]+40h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+1E1h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-18h],r9
;;   0037  mov [rbp-20h],r8
;;   003e  mov r9d,esi
;;   0041  mov r8d,0
;;   0047  mov qword ptr [rbp-10h],0
;;   0052  test byte ptr [r13],1
;;   005a  jne func[0].instrumented+23Bh
;;   0060  test byte ptr [r13],2
;;   0068  jne func[0].instrumented+24Ah
;;   006e  test byte ptr [r13],4
;;   0076  jne func[0].instrumented+259h
;;   007c  bt r12,3Dh
;;   0081  jb func[0].instrumented+21Dh
;;   0087  mov r13,[r15+48h]
;;   008e  cmp r13,1
;;   0095  jbe func[0]+40h
;;   009b  test byte ptr [r13],8
;;   00a3  jne func[0].instrumented+268h
;;   00a9  test byte ptr [r13],10h
;;   00b1  jne func[0].instrumented+277h
;;   00b7  test byte ptr [r13],20h
;;   00bf  jne func[0].instrumented+286h
;;   00c5  cmp r8d,r9d
;;   00c8  setae bl
;;   00cc  movzx ebx,bl
;;   00d0  test byte ptr [r13],40h
;;   00d8  jne func[0].instrumented+295h
;;   00de  test ebx,ebx
;;   00e1  jne func[0].instrumented+1B2h
;;   00e7  test byte ptr [r13],80h
;;   00ef  jne func[0].instrumented+2A4h
;;   00f5  test byte ptr [r13+1],1
;;   00fd  jne func[0].instrumented+2B3h
;;   0103  test byte ptr [r13+1],2
;;   010b  jne func[0].instrumented+2C2h
;;   0111  lea rax,[r8+1]
;;   0119  cmp rax,[r15+50h]
;;   0120  ja func[0].instrumented+380h
;;   0126  movzx ebx,byte ptr [r14+r8]
;;   012f  test byte ptr [r13+1],4
;;   0137  jne func[0].instrumented+2D1h
;;   013d  lea rax,[r8+401h]
;;   0145  cmp rax,[r15+50h]
;;   014c  ja func[0].instrumented+3CBh
;;   0152  mov [r14+r8+400h],bl
;;   015a  test byte ptr [r13+1],8
;;   0162  jne func[0].instrumented+2E0h
;;   0168  test byte ptr [r13+1],10h
;;   0170  jne func[0].instrumented+2EFh
;;   0176  test byte ptr [r13+1],20h
;;   017e  jne func[0].instrumented+2FEh
;;   0184  mov ebx,r8d
;;   0187  add ebx,1
;;   018e  test byte ptr [r13+1],40h
;;   0196  jne func[0].instrumented+30Dh
;;   019c  mov r8d,ebx
;;   019f  test byte ptr [r13+1],80h
;;   01a7  jne func[0].instrumented+31Ch
;;   01ad  jmp func[0].instrumented+7Ch
;;   01b2  test byte ptr [r13+2],1
;;   01ba  jne func[0].instrumented+32Bh
;;   01c0  test byte ptr [r13+2],2
;;   01c8  jne func[0].instrumented+33Ah
;;   01ce  mov r9,[rbp-18h]
;;   01d5  mov r8,[rbp-20h]
;;   01dc  mov rsp,rbp
;;   01df  pop rbp
;;   01e0  ret
;;   01e1  bt r12,3Dh
;;   01e6  jae func[0].instrumented+208h
;;   01ec  mov rax,rsp
;;   01ef  mov rsp,rbp
;;   01f2  call stubs+20Ah
;;   01f7  mov rsp,rax
;;   01fa  test r12,r12
;;   01fd  je func[0].instrumented+210h
;;   0203  jmp func[0].instrumented+0Bh
;;   0208  mov rsp,rbp
;;   020b  call stubs+55h
;;   0210  mov rsp,rbp
;;   0213  call stubs+87h
;;   0218  call stubs+87h
;;   021d  bt r12,3Dh
;;   0222  jae func[0].instrumented+236h
;;   0228  call stubs+20Ah
;;   022d  test r12,r12
;;   0230  je func[0].instrumented+218h
;;   0236  jmp func[0].instrumented+7Ch
;;   023b  mov eax,0
;;   0240  call func[0].instrumented+349h
;;   0245  jmp func[0].instrumented+60h
;;   024a  mov eax,1
;;   024f  call func[0].instrumented+349h
;;   0254  jmp func[0].instrumented+6Eh
;;   0259  mov eax,2
;;   025e  call func[0].instrumented+349h
;;   0263  jmp func[0].instrumented+7Ch
;;   0268  mov eax,3
;;   026d  call func[0].instrumented+349h
;;   0272  jmp func[0].instrumented+0A9h
;;   0277  mov eax,4
;;   027c  call func[0].instrumented+349h
;;   0281  jmp func[0].instrumented+0B7h
;;   0286  mov eax,5
;;   028b  call func[0].instrumented+349h
;;   0290  jmp func[0].instrumented+0C5h
;;   0295  mov eax,6
;;   029a  call func[0].instrumented+349h
;;   029f  jmp func[0].instrumented+0DEh
;;   02a4  mov eax,7
;;   02a9  call func[0].instrumented+349h
;;   02ae  jmp func[0].instrumented+0F5h
;;   02b3  mov eax,8
;;   02b8  call func[0].instrumented+349h
;;   02bd  jmp func[0].instrumented+103h
;;   02c2  mov eax,9
;;   02c7  call func[0].instrumented+349h
;;   02cc  jmp func[0].instrumented+111h
;;   02d1  mov eax,0Ah
;;   02d6  call func[0].instrumented+349h
;;   02db  jmp func[0].instrumented+13Dh
;;   02e0  mov eax,0Bh
;;   02e5  call func[0].instrumented+349h
;;   02ea  jmp func[0].instrumented+168h
;;   02ef  mov eax,0Ch
;;   02f4  call func[0].instrumented+349h
;;   02f9  jmp func[0].instrumented+176h
;;   02fe  mov eax,0Dh
;;   0303  call func[0].instrumented+349h
;;   0308  jmp func[0].instrumented+184h
;;   030d  mov eax,0Eh
;;   0312  call func[0].instrumented+349h
;;   0317  jmp func[0].instrumented+19Ch
;;   031c  mov eax,0Fh
;;   0321  call func[0].instrumented+349h
;;   0326  jmp func[0].instrumented+1ADh
;;   032b  mov eax,10h
;;   0330  call func[0].instrumented+349h
;;   0335  jmp func[0].instrumented+1C0h
;;   033a  mov eax,11h
;;   033f  call func[0].instrumented+349h
;;   0344  jmp func[0].instrumented+1CEh
;;   0349  sub rsp,8
;;   034d  mov rdx,0
;;   0357  or rax,rdx
;;   035a  push rax
;;   035b  call stubs+56Ah
;;   0360  add rsp,8
;;   0364  mov r13,[r15+48h]
;;   036b  cmp r13,1
;;   0372  ja func[0].instrumented+37Fh
;;   0378  lea r13,[stubs+7E2h]
;;   037f  ret
;;   0380  sub rax,1
;;   0386  cmp rax,[r15+58h]
;;   038d  jae func[0].instrumented+126h
;;   0393  sub rsp,8
;;   0397  mov dword ptr [rsp],0
;;   039e  mov dword ptr [rsp+4],80000001h
;;   03a6  call stubs+56Ah
;;   03ab  mov r13,[r15+48h]
;;   03b2  cmp r13,1
;;   03b9  ja func[0].instrumented+3C6h
;;   03bf  lea r13,[stubs+7E2h]
;;   03c6  jmp func[0].instrumented+126h
;;   03cb  sub rax,1
;;   03d1  cmp rax,[r15+58h]
;;   03d8  jae func[0].instrumented+152h
;;   03de  sub rsp,8
;;   03e2  mov dword ptr [rsp],0
;;   03e9  mov dword ptr [rsp+4],0C0000001h
;;   03f1  call stubs+56Ah
;;   03f6  mov r13,[r15+48h]
;;   03fd  cmp r13,1
;;   0404  ja func[0].instrumented+411h
;;   040a  lea r13,[stubs+7E2h]
;;   0411  jmp func[0].instrumented+152h
