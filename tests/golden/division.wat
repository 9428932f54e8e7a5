;; Integer division and remainder: the zero-divisor trap, the signed overflow case
;; (INT_MIN / -1 traps, INT_MIN rem -1 is 0), and division by a constant.
(module
  (func (export "div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "rem_s") (param i64 i64) (result i64) (i64.rem_s (local.get 0) (local.get 1)))
  (func (export "div_u") (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))
  (func (export "div_by_7") (param i32) (result i32) (i32.div_u (local.get 0) (i32.const 7))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov ecx,[rbp+18h]
;;   0012  mov eax,esi
;;   0015  test ecx,ecx
;;   0018  je func[0]+45h
;;   001e  cmp ecx,0FFFFFFFFh
;;   0025  jne func[0]+36h
;;   002b  cmp eax,80000000h
;;   0030  je func[0]+4Ah
;;   0036  cdq
;;   0037  idiv ecx
;;   003a  mov ebx,eax
;;   003d  mov eax,ebx
;;   0040  mov rsp,rbp
;;   0043  pop rbp
;;   0044  ret
;;   0045  call stubs+0Fh
;;   004a  call stubs+19h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+52h
;;   0014  mov ecx,[rbp+18h]
;;   001b  mov eax,[rbp+10h]
;;   0022  test ecx,ecx
;;   0025  je func[0]+0C5h
;;   002b  cmp ecx,0FFFFFFFFh
;;   0032  jne func[0]+43h
;;   0038  cmp eax,80000000h
;;   003d  je func[0]+0CAh
;;   0043  cdq
;;   0044  idiv ecx
;;   0047  mov ebx,eax
;;   004a  mov eax,ebx
;;   004d  mov rsp,rbp
;;   0050  pop rbp
;;   0051  ret
;;   0052  bt r12,3Dh
;;   0057  jb func[0]+0AAh
;;   005d  mov rax,r12
;;   0060  shl rax,2
;;   0064  shr rax,2
;;   0068  cmp rsp,rax
;;   006b  jb func[0]+0BDh
;;   0071  mov rax,[r15+58h]
;;   0078  bt r12,3Eh
;;   007d  jae func[0]+99h
;;   0083  shl r12,2
;;   0087  shr r12,2
;;   008b  test rax,rax
;;   008e  je func[0]+14h
;;   0094  bts r12,3Fh
;;   0099  cmp rax,1
;;   009f  ja func[0]+0CFh
;;   00a5  jmp func[0]+14h
;;   00aa  mov rax,rsp
;;   00ad  mov rsp,rbp
;;   00b0  call stubs+1DDh
;;   00b5  mov rsp,rax
;;   00b8  jmp func[0]+52h
;;   00bd  mov rsp,rbp
;;   00c0  call stubs+55h
;;   00c5  call stubs+0Fh
;;   00ca  call stubs+19h
;;   00cf  cmp qword ptr [1000h],0
;;   00d7  je func[0]+0E3h
;;   00dd  jmp qword ptr [1000h]
;;   00e3  call stubs+53Dh
;;   00e8  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+0C5h
;;   001f  mov r13,[r15+58h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+0F5h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+109h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+11Dh
;;   005d  test byte ptr [r13],8
;;   0065  jne func[0].instrumented+131h
;;   006b  mov ecx,[rbp+18h]
;;   0072  mov eax,[rbp+10h]
;;   0079  test ecx,ecx
;;   007c  je func[0].instrumented+0EBh
;;   0082  cmp ecx,0FFFFFFFFh
;;   0089  jne func[0].instrumented+9Ah
;;   008f  cmp eax,80000000h
;;   0094  je func[0].instrumented+0F0h
;;   009a  cdq
;;   009b  idiv ecx
;;   009e  mov ebx,eax
;;   00a1  test byte ptr [r13],10h
;;   00a9  jne func[0].instrumented+145h
;;   00af  test byte ptr [r13],20h
;;   00b7  jne func[0].instrumented+159h
;;   00bd  mov eax,ebx
;;   00c0  mov rsp,rbp
;;   00c3  pop rbp
;;   00c4  ret
;;   00c5  bt r12,3Dh
;;   00ca  jae func[0].instrumented+0E3h
;;   00d0  mov rax,rsp
;;   00d3  mov rsp,rbp
;;   00d6  call stubs+1D5h
;;   00db  mov rsp,rax
;;   00de  jmp func[0].instrumented+0Bh
;;   00e3  mov rsp,rbp
;;   00e6  call stubs+55h
;;   00eb  call stubs+0Fh
;;   00f0  call stubs+19h
;;   00f5  mov rax,0
;;   00ff  call func[0].instrumented+16Dh
;;   0104  jmp func[0].instrumented+41h
;;   0109  mov rax,1
;;   0113  call func[0].instrumented+16Dh
;;   0118  jmp func[0].instrumented+4Fh
;;   011d  mov rax,2
;;   0127  call func[0].instrumented+16Dh
;;   012c  jmp func[0].instrumented+5Dh
;;   0131  mov rax,3
;;   013b  call func[0].instrumented+16Dh
;;   0140  jmp func[0].instrumented+6Bh
;;   0145  mov rax,4
;;   014f  call func[0].instrumented+16Dh
;;   0154  jmp func[0].instrumented+0AFh
;;   0159  mov rax,5
;;   0163  call func[0].instrumented+16Dh
;;   0168  jmp func[0].instrumented+0BDh
;;   016d  sub rsp,8
;;   0171  push rax
;;   0172  call stubs+535h
;;   0177  add rsp,8
;;   017b  mov r13,[r15+58h]
;;   0182  cmp r13,1
;;   0189  ja func[0].instrumented+196h
;;   018f  lea r13,[stubs+7ADh]
;;   0196  ret
;; ---- func[1]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rcx,[rbp+18h]
;;   0012  mov rax,rsi
;;   0015  test rcx,rcx
;;   0018  je func[1]+42h
;;   001e  cmp rcx,0FFFFFFFFFFFFFFFFh
;;   0025  jne func[1]+32h
;;   002b  xor edx,edx
;;   002d  jmp func[1]+37h
;;   0032  cqo
;;   0034  idiv rcx
;;   0037  mov rbx,rdx
;;   003a  mov rax,rbx
;;   003d  mov rsp,rbp
;;   0040  pop rbp
;;   0041  ret
;;   0042  call stubs+0Fh
;; ---- func[1]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+4Fh
;;   0014  mov rcx,[rbp+18h]
;;   001b  mov rax,[rbp+10h]
;;   0022  test rcx,rcx
;;   0025  je func[1]+0C2h
;;   002b  cmp rcx,0FFFFFFFFFFFFFFFFh
;;   0032  jne func[1]+3Fh
;;   0038  xor edx,edx
;;   003a  jmp func[1]+44h
;;   003f  cqo
;;   0041  idiv rcx
;;   0044  mov rbx,rdx
;;   0047  mov rax,rbx
;;   004a  mov rsp,rbp
;;   004d  pop rbp
;;   004e  ret
;;   004f  bt r12,3Dh
;;   0054  jb func[1]+0A7h
;;   005a  mov rax,r12
;;   005d  shl rax,2
;;   0061  shr rax,2
;;   0065  cmp rsp,rax
;;   0068  jb func[1]+0BAh
;;   006e  mov rax,[r15+60h]
;;   0075  bt r12,3Eh
;;   007a  jae func[1]+96h
;;   0080  shl r12,2
;;   0084  shr r12,2
;;   0088  test rax,rax
;;   008b  je func[1]+14h
;;   0091  bts r12,3Fh
;;   0096  cmp rax,1
;;   009c  ja func[1]+0C7h
;;   00a2  jmp func[1]+14h
;;   00a7  mov rax,rsp
;;   00aa  mov rsp,rbp
;;   00ad  call stubs+1DDh
;;   00b2  mov rsp,rax
;;   00b5  jmp func[1]+4Fh
;;   00ba  mov rsp,rbp
;;   00bd  call stubs+55h
;;   00c2  call stubs+0Fh
;;   00c7  cmp qword ptr [1008h],0
;;   00cf  je func[1]+0DBh
;;   00d5  jmp qword ptr [1008h]
;;   00db  call stubs+53Dh
;;   00e0  jmp func[1]+14h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[1].instrumented+0C2h
;;   001f  mov r13,[r15+60h]
;;   0026  cmp r13,1
;;   002d  jbe func[1]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[1].instrumented+0EDh
;;   0041  test byte ptr [r13],2
;;   0049  jne func[1].instrumented+101h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[1].instrumented+115h
;;   005d  test byte ptr [r13],8
;;   0065  jne func[1].instrumented+129h
;;   006b  mov rcx,[rbp+18h]
;;   0072  mov rax,[rbp+10h]
;;   0079  test rcx,rcx
;;   007c  je func[1].instrumented+0E8h
;;   0082  cmp rcx,0FFFFFFFFFFFFFFFFh
;;   0089  jne func[1].instrumented+96h
;;   008f  xor edx,edx
;;   0091  jmp func[1].instrumented+9Bh
;;   0096  cqo
;;   0098  idiv rcx
;;   009b  mov rbx,rdx
;;   009e  test byte ptr [r13],10h
;;   00a6  jne func[1].instrumented+13Dh
;;   00ac  test byte ptr [r13],20h
;;   00b4  jne func[1].instrumented+151h
;;   00ba  mov rax,rbx
;;   00bd  mov rsp,rbp
;;   00c0  pop rbp
;;   00c1  ret
;;   00c2  bt r12,3Dh
;;   00c7  jae func[1].instrumented+0E0h
;;   00cd  mov rax,rsp
;;   00d0  mov rsp,rbp
;;   00d3  call stubs+1D5h
;;   00d8  mov rsp,rax
;;   00db  jmp func[1].instrumented+0Bh
;;   00e0  mov rsp,rbp
;;   00e3  call stubs+55h
;;   00e8  call stubs+0Fh
;;   00ed  mov rax,100000000h
;;   00f7  call func[1].instrumented+165h
;;   00fc  jmp func[1].instrumented+41h
;;   0101  mov rax,100000001h
;;   010b  call func[1].instrumented+165h
;;   0110  jmp func[1].instrumented+4Fh
;;   0115  mov rax,100000002h
;;   011f  call func[1].instrumented+165h
;;   0124  jmp func[1].instrumented+5Dh
;;   0129  mov rax,100000003h
;;   0133  call func[1].instrumented+165h
;;   0138  jmp func[1].instrumented+6Bh
;;   013d  mov rax,100000004h
;;   0147  call func[1].instrumented+165h
;;   014c  jmp func[1].instrumented+0ACh
;;   0151  mov rax,100000005h
;;   015b  call func[1].instrumented+165h
;;   0160  jmp func[1].instrumented+0BAh
;;   0165  sub rsp,8
;;   0169  push rax
;;   016a  call stubs+535h
;;   016f  add rsp,8
;;   0173  mov r13,[r15+60h]
;;   017a  cmp r13,1
;;   0181  ja func[1].instrumented+18Eh
;;   0187  lea r13,[stubs+7ADh]
;;   018e  ret
;; ---- func[2]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov ecx,[rbp+18h]
;;   0012  mov eax,esi
;;   0015  test ecx,ecx
;;   0018  je func[2]+2Eh
;;   001e  xor edx,edx
;;   0020  div ecx
;;   0023  mov ebx,eax
;;   0026  mov eax,ebx
;;   0029  mov rsp,rbp
;;   002c  pop rbp
;;   002d  ret
;;   002e  call stubs+0Fh
;; ---- func[2]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[2]+3Bh
;;   0014  mov ecx,[rbp+18h]
;;   001b  mov eax,[rbp+10h]
;;   0022  test ecx,ecx
;;   0025  je func[2]+0AEh
;;   002b  xor edx,edx
;;   002d  div ecx
;;   0030  mov ebx,eax
;;   0033  mov eax,ebx
;;   0036  mov rsp,rbp
;;   0039  pop rbp
;;   003a  ret
;;   003b  bt r12,3Dh
;;   0040  jb func[2]+93h
;;   0046  mov rax,r12
;;   0049  shl rax,2
;;   004d  shr rax,2
;;   0051  cmp rsp,rax
;;   0054  jb func[2]+0A6h
;;   005a  mov rax,[r15+68h]
;;   0061  bt r12,3Eh
;;   0066  jae func[2]+82h
;;   006c  shl r12,2
;;   0070  shr r12,2
;;   0074  test rax,rax
;;   0077  je func[2]+14h
;;   007d  bts r12,3Fh
;;   0082  cmp rax,1
;;   0088  ja func[2]+0B3h
;;   008e  jmp func[2]+14h
;;   0093  mov rax,rsp
;;   0096  mov rsp,rbp
;;   0099  call stubs+1DDh
;;   009e  mov rsp,rax
;;   00a1  jmp func[2]+3Bh
;;   00a6  mov rsp,rbp
;;   00a9  call stubs+55h
;;   00ae  call stubs+0Fh
;;   00b3  cmp qword ptr [1010h],0
;;   00bb  je func[2]+0C7h
;;   00c1  jmp qword ptr [1010h]
;;   00c7  call stubs+53Dh
;;   00cc  jmp func[2]+14h
;; ---- func[2]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[2].instrumented+0AEh
;;   001f  mov r13,[r15+68h]
;;   0026  cmp r13,1
;;   002d  jbe func[2]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[2].instrumented+0D9h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[2].instrumented+0EDh
;;   004f  test byte ptr [r13],4
;;   0057  jne func[2].instrumented+101h
;;   005d  test byte ptr [r13],8
;;   0065  jne func[2].instrumented+115h
;;   006b  mov ecx,[rbp+18h]
;;   0072  mov eax,[rbp+10h]
;;   0079  test ecx,ecx
;;   007c  je func[2].instrumented+0D4h
;;   0082  xor edx,edx
;;   0084  div ecx
;;   0087  mov ebx,eax
;;   008a  test byte ptr [r13],10h
;;   0092  jne func[2].instrumented+129h
;;   0098  test byte ptr [r13],20h
;;   00a0  jne func[2].instrumented+13Dh
;;   00a6  mov eax,ebx
;;   00a9  mov rsp,rbp
;;   00ac  pop rbp
;;   00ad  ret
;;   00ae  bt r12,3Dh
;;   00b3  jae func[2].instrumented+0CCh
;;   00b9  mov rax,rsp
;;   00bc  mov rsp,rbp
;;   00bf  call stubs+1D5h
;;   00c4  mov rsp,rax
;;   00c7  jmp func[2].instrumented+0Bh
;;   00cc  mov rsp,rbp
;;   00cf  call stubs+55h
;;   00d4  call stubs+0Fh
;;   00d9  mov rax,200000000h
;;   00e3  call func[2].instrumented+151h
;;   00e8  jmp func[2].instrumented+41h
;;   00ed  mov rax,200000001h
;;   00f7  call func[2].instrumented+151h
;;   00fc  jmp func[2].instrumented+4Fh
;;   0101  mov rax,200000002h
;;   010b  call func[2].instrumented+151h
;;   0110  jmp func[2].instrumented+5Dh
;;   0115  mov rax,200000003h
;;   011f  call func[2].instrumented+151h
;;   0124  jmp func[2].instrumented+6Bh
;;   0129  mov rax,200000004h
;;   0133  call func[2].instrumented+151h
;;   0138  jmp func[2].instrumented+98h
;;   013d  mov rax,200000005h
;;   0147  call func[2].instrumented+151h
;;   014c  jmp func[2].instrumented+0A6h
;;   0151  sub rsp,8
;;   0155  push rax
;;   0156  call stubs+535h
;;   015b  add rsp,8
;;   015f  mov r13,[r15+68h]
;;   0166  cmp r13,1
;;   016d  ja func[2].instrumented+17Ah
;;   0173  lea r13,[stubs+7ADh]
;;   017a  ret
;; ---- func[3]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov ecx,7
;;   0011  mov eax,esi
;;   0014  test ecx,ecx
;;   0017  je func[3]+2Dh
;;   001d  xor edx,edx
;;   001f  div ecx
;;   0022  mov ebx,eax
;;   0025  mov eax,ebx
;;   0028  mov rsp,rbp
;;   002b  pop rbp
;;   002c  ret
;;   002d  call stubs+0Fh
;; ---- func[3]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[3]+3Ah
;;   0014  mov ecx,7
;;   001a  mov eax,[rbp+10h]
;;   0021  test ecx,ecx
;;   0024  je func[3]+0ADh
;;   002a  xor edx,edx
;;   002c  div ecx
;;   002f  mov ebx,eax
;;   0032  mov eax,ebx
;;   0035  mov rsp,rbp
;;   0038  pop rbp
;;   0039  ret
;;   003a  bt r12,3Dh
;;   003f  jb func[3]+92h
;;   0045  mov rax,r12
;;   0048  shl rax,2
;;   004c  shr rax,2
;;   0050  cmp rsp,rax
;;   0053  jb func[3]+0A5h
;;   0059  mov rax,[r15+70h]
;;   0060  bt r12,3Eh
;;   0065  jae func[3]+81h
;;   006b  shl r12,2
;;   006f  shr r12,2
;;   0073  test rax,rax
;;   0076  je func[3]+14h
;;   007c  bts r12,3Fh
;;   0081  cmp rax,1
;;   0087  ja func[3]+0B2h
;;   008d  jmp func[3]+14h
;;   0092  mov rax,rsp
;;   0095  mov rsp,rbp
;;   0098  call stubs+1DDh
;;   009d  mov rsp,rax
;;   00a0  jmp func[3]+3Ah
;;   00a5  mov rsp,rbp
;;   00a8  call stubs+55h
;;   00ad  call stubs+0Fh
;;   00b2  cmp qword ptr [1018h],0
;;   00ba  je func[3]+0C6h
;;   00c0  jmp qword ptr [1018h]
;;   00c6  call stubs+53Dh
;;   00cb  jmp func[3]+14h
;; ---- func[3]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[3].instrumented+0ADh
;;   001f  mov r13,[r15+70h]
;;   0026  cmp r13,1
;;   002d  jbe func[3]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[3].instrumented+0D8h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[3].instrumented+0ECh
;;   004f  test byte ptr [r13],4
;;   0057  jne func[3].instrumented+100h
;;   005d  test byte ptr [r13],8
;;   0065  jne func[3].instrumented+114h
;;   006b  mov ecx,7
;;   0071  mov eax,[rbp+10h]
;;   0078  test ecx,ecx
;;   007b  je func[3].instrumented+0D3h
;;   0081  xor edx,edx
;;   0083  div ecx
;;   0086  mov ebx,eax
;;   0089  test byte ptr [r13],10h
;;   0091  jne func[3].instrumented+128h
;;   0097  test byte ptr [r13],20h
;;   009f  jne func[3].instrumented+13Ch
;;   00a5  mov eax,ebx
;;   00a8  mov rsp,rbp
;;   00ab  pop rbp
;;   00ac  ret
;;   00ad  bt r12,3Dh
;;   00b2  jae func[3].instrumented+0CBh
;;   00b8  mov rax,rsp
;;   00bb  mov rsp,rbp
;;   00be  call stubs+1D5h
;;   00c3  mov rsp,rax
;;   00c6  jmp func[3].instrumented+0Bh
;;   00cb  mov rsp,rbp
;;   00ce  call stubs+55h
;;   00d3  call stubs+0Fh
;;   00d8  mov rax,300000000h
;;   00e2  call func[3].instrumented+150h
;;   00e7  jmp func[3].instrumented+41h
;;   00ec  mov rax,300000001h
;;   00f6  call func[3].instrumented+150h
;;   00fb  jmp func[3].instrumented+4Fh
;;   0100  mov rax,300000002h
;;   010a  call func[3].instrumented+150h
;;   010f  jmp func[3].instrumented+5Dh
;;   0114  mov rax,300000003h
;;   011e  call func[3].instrumented+150h
;;   0123  jmp func[3].instrumented+6Bh
;;   0128  mov rax,300000004h
;;   0132  call func[3].instrumented+150h
;;   0137  jmp func[3].instrumented+97h
;;   013c  mov rax,300000005h
;;   0146  call func[3].instrumented+150h
;;   014b  jmp func[3].instrumented+0A5h
;;   0150  sub rsp,8
;;   0154  push rax
;;   0155  call stubs+535h
;;   015a  add rsp,8
;;   015e  mov r13,[r15+70h]
;;   0165  cmp r13,1
;;   016c  ja func[3].instrumented+179h
;;   0172  lea r13,[stubs+7ADh]
;;   0179  ret
