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
;;   0000  mov r13,[r15+58h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+0B0h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+0C4h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+0D8h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[0].instrumented+0ECh
;;   004c  mov ecx,[rbp+18h]
;;   0053  mov eax,[rbp+10h]
;;   005a  test ecx,ecx
;;   005d  je func[0].instrumented+0A6h
;;   0063  cmp ecx,0FFFFFFFFh
;;   006a  jne func[0].instrumented+7Bh
;;   0070  cmp eax,80000000h
;;   0075  je func[0].instrumented+0ABh
;;   007b  cdq
;;   007c  idiv ecx
;;   007f  mov ebx,eax
;;   0082  test byte ptr [r13],10h
;;   008a  jne func[0].instrumented+100h
;;   0090  test byte ptr [r13],20h
;;   0098  jne func[0].instrumented+114h
;;   009e  mov eax,ebx
;;   00a1  mov rsp,rbp
;;   00a4  pop rbp
;;   00a5  ret
;;   00a6  call stubs+0Fh
;;   00ab  call stubs+19h
;;   00b0  mov rax,0
;;   00ba  call func[0].instrumented+128h
;;   00bf  jmp func[0].instrumented+22h
;;   00c4  mov rax,1
;;   00ce  call func[0].instrumented+128h
;;   00d3  jmp func[0].instrumented+30h
;;   00d8  mov rax,2
;;   00e2  call func[0].instrumented+128h
;;   00e7  jmp func[0].instrumented+3Eh
;;   00ec  mov rax,3
;;   00f6  call func[0].instrumented+128h
;;   00fb  jmp func[0].instrumented+4Ch
;;   0100  mov rax,4
;;   010a  call func[0].instrumented+128h
;;   010f  jmp func[0].instrumented+90h
;;   0114  mov rax,5
;;   011e  call func[0].instrumented+128h
;;   0123  jmp func[0].instrumented+9Eh
;;   0128  sub rsp,8
;;   012c  push rax
;;   012d  call stubs+539h
;;   0132  add rsp,8
;;   0136  mov r13,[r15+58h]
;;   013d  cmp r13,1
;;   0144  ja func[0].instrumented+151h
;;   014a  lea r13,[stubs+7B1h]
;;   0151  ret
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
;;   0000  mov r13,[r15+60h]
;;   0007  cmp r13,1
;;   000e  jbe func[1]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[1].instrumented+0A8h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[1].instrumented+0BCh
;;   0030  test byte ptr [r13],4
;;   0038  jne func[1].instrumented+0D0h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[1].instrumented+0E4h
;;   004c  mov rcx,[rbp+18h]
;;   0053  mov rax,[rbp+10h]
;;   005a  test rcx,rcx
;;   005d  je func[1].instrumented+0A3h
;;   0063  cmp rcx,0FFFFFFFFFFFFFFFFh
;;   006a  jne func[1].instrumented+77h
;;   0070  xor edx,edx
;;   0072  jmp func[1].instrumented+7Ch
;;   0077  cqo
;;   0079  idiv rcx
;;   007c  mov rbx,rdx
;;   007f  test byte ptr [r13],10h
;;   0087  jne func[1].instrumented+0F8h
;;   008d  test byte ptr [r13],20h
;;   0095  jne func[1].instrumented+10Ch
;;   009b  mov rax,rbx
;;   009e  mov rsp,rbp
;;   00a1  pop rbp
;;   00a2  ret
;;   00a3  call stubs+0Fh
;;   00a8  mov rax,100000000h
;;   00b2  call func[1].instrumented+120h
;;   00b7  jmp func[1].instrumented+22h
;;   00bc  mov rax,100000001h
;;   00c6  call func[1].instrumented+120h
;;   00cb  jmp func[1].instrumented+30h
;;   00d0  mov rax,100000002h
;;   00da  call func[1].instrumented+120h
;;   00df  jmp func[1].instrumented+3Eh
;;   00e4  mov rax,100000003h
;;   00ee  call func[1].instrumented+120h
;;   00f3  jmp func[1].instrumented+4Ch
;;   00f8  mov rax,100000004h
;;   0102  call func[1].instrumented+120h
;;   0107  jmp func[1].instrumented+8Dh
;;   010c  mov rax,100000005h
;;   0116  call func[1].instrumented+120h
;;   011b  jmp func[1].instrumented+9Bh
;;   0120  sub rsp,8
;;   0124  push rax
;;   0125  call stubs+539h
;;   012a  add rsp,8
;;   012e  mov r13,[r15+60h]
;;   0135  cmp r13,1
;;   013c  ja func[1].instrumented+149h
;;   0142  lea r13,[stubs+7B1h]
;;   0149  ret
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
;;   0000  mov r13,[r15+68h]
;;   0007  cmp r13,1
;;   000e  jbe func[2]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[2].instrumented+94h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[2].instrumented+0A8h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[2].instrumented+0BCh
;;   003e  test byte ptr [r13],8
;;   0046  jne func[2].instrumented+0D0h
;;   004c  mov ecx,[rbp+18h]
;;   0053  mov eax,[rbp+10h]
;;   005a  test ecx,ecx
;;   005d  je func[2].instrumented+8Fh
;;   0063  xor edx,edx
;;   0065  div ecx
;;   0068  mov ebx,eax
;;   006b  test byte ptr [r13],10h
;;   0073  jne func[2].instrumented+0E4h
;;   0079  test byte ptr [r13],20h
;;   0081  jne func[2].instrumented+0F8h
;;   0087  mov eax,ebx
;;   008a  mov rsp,rbp
;;   008d  pop rbp
;;   008e  ret
;;   008f  call stubs+0Fh
;;   0094  mov rax,200000000h
;;   009e  call func[2].instrumented+10Ch
;;   00a3  jmp func[2].instrumented+22h
;;   00a8  mov rax,200000001h
;;   00b2  call func[2].instrumented+10Ch
;;   00b7  jmp func[2].instrumented+30h
;;   00bc  mov rax,200000002h
;;   00c6  call func[2].instrumented+10Ch
;;   00cb  jmp func[2].instrumented+3Eh
;;   00d0  mov rax,200000003h
;;   00da  call func[2].instrumented+10Ch
;;   00df  jmp func[2].instrumented+4Ch
;;   00e4  mov rax,200000004h
;;   00ee  call func[2].instrumented+10Ch
;;   00f3  jmp func[2].instrumented+79h
;;   00f8  mov rax,200000005h
;;   0102  call func[2].instrumented+10Ch
;;   0107  jmp func[2].instrumented+87h
;;   010c  sub rsp,8
;;   0110  push rax
;;   0111  call stubs+539h
;;   0116  add rsp,8
;;   011a  mov r13,[r15+68h]
;;   0121  cmp r13,1
;;   0128  ja func[2].instrumented+135h
;;   012e  lea r13,[stubs+7B1h]
;;   0135  ret
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
;;   0000  mov r13,[r15+70h]
;;   0007  cmp r13,1
;;   000e  jbe func[3]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[3].instrumented+93h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[3].instrumented+0A7h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[3].instrumented+0BBh
;;   003e  test byte ptr [r13],8
;;   0046  jne func[3].instrumented+0CFh
;;   004c  mov ecx,7
;;   0052  mov eax,[rbp+10h]
;;   0059  test ecx,ecx
;;   005c  je func[3].instrumented+8Eh
;;   0062  xor edx,edx
;;   0064  div ecx
;;   0067  mov ebx,eax
;;   006a  test byte ptr [r13],10h
;;   0072  jne func[3].instrumented+0E3h
;;   0078  test byte ptr [r13],20h
;;   0080  jne func[3].instrumented+0F7h
;;   0086  mov eax,ebx
;;   0089  mov rsp,rbp
;;   008c  pop rbp
;;   008d  ret
;;   008e  call stubs+0Fh
;;   0093  mov rax,300000000h
;;   009d  call func[3].instrumented+10Bh
;;   00a2  jmp func[3].instrumented+22h
;;   00a7  mov rax,300000001h
;;   00b1  call func[3].instrumented+10Bh
;;   00b6  jmp func[3].instrumented+30h
;;   00bb  mov rax,300000002h
;;   00c5  call func[3].instrumented+10Bh
;;   00ca  jmp func[3].instrumented+3Eh
;;   00cf  mov rax,300000003h
;;   00d9  call func[3].instrumented+10Bh
;;   00de  jmp func[3].instrumented+4Ch
;;   00e3  mov rax,300000004h
;;   00ed  call func[3].instrumented+10Bh
;;   00f2  jmp func[3].instrumented+78h
;;   00f7  mov rax,300000005h
;;   0101  call func[3].instrumented+10Bh
;;   0106  jmp func[3].instrumented+86h
;;   010b  sub rsp,8
;;   010f  push rax
;;   0110  call stubs+539h
;;   0115  add rsp,8
;;   0119  mov r13,[r15+70h]
;;   0120  cmp r13,1
;;   0127  ja func[3].instrumented+134h
;;   012d  lea r13,[stubs+7B1h]
;;   0134  ret
