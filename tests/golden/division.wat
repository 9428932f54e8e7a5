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
;;   000e  jb func[0]+4Eh
;;   0014  mov ecx,[rbp+18h]
;;   001b  mov eax,esi
;;   001e  test ecx,ecx
;;   0021  je func[0]+0D2h
;;   0027  cmp ecx,0FFFFFFFFh
;;   002e  jne func[0]+3Fh
;;   0034  cmp eax,80000000h
;;   0039  je func[0]+0D7h
;;   003f  cdq
;;   0040  idiv ecx
;;   0043  mov ebx,eax
;;   0046  mov eax,ebx
;;   0049  mov rsp,rbp
;;   004c  pop rbp
;;   004d  ret
;;   004e  mov rax,r12
;;   0051  bt rax,3Dh
;;   0056  jb func[0]+0A6h
;;   005c  shl rax,2
;;   0060  shr rax,2
;;   0064  cmp rsp,rax
;;   0067  jb func[0]+0C2h
;;   006d  mov rax,[r15+58h]
;;   0074  bt r12,3Eh
;;   0079  jae func[0]+95h
;;   007f  shl r12,2
;;   0083  shr r12,2
;;   0087  test rax,rax
;;   008a  je func[0]+14h
;;   0090  bts r12,3Fh
;;   0095  cmp rax,1
;;   009b  ja func[0]+0DCh
;;   00a1  jmp func[0]+14h
;;   00a6  mov rax,rsp
;;   00a9  mov rsp,rbp
;;   00ac  call stubs+211h
;;   00b1  mov rsp,rax
;;   00b4  test r12,r12
;;   00b7  je func[0]+0CAh
;;   00bd  jmp func[0]+4Eh
;;   00c2  mov rsp,rbp
;;   00c5  call stubs+55h
;;   00ca  mov rsp,rbp
;;   00cd  call stubs+87h
;;   00d2  call stubs+0Fh
;;   00d7  call stubs+19h
;;   00dc  jmp qword ptr [1000h]
;;   00e2  call stubs+571h
;;   00e7  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+0C2h
;;   001c  mov r13,[r15+58h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+103h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+112h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+121h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+130h
;;   0068  mov ecx,[rbp+18h]
;;   006f  mov eax,[rbp+10h]
;;   0076  test ecx,ecx
;;   0079  je func[0].instrumented+0F9h
;;   007f  cmp ecx,0FFFFFFFFh
;;   0086  jne func[0].instrumented+97h
;;   008c  cmp eax,80000000h
;;   0091  je func[0].instrumented+0FEh
;;   0097  cdq
;;   0098  idiv ecx
;;   009b  mov ebx,eax
;;   009e  test byte ptr [r13],10h
;;   00a6  jne func[0].instrumented+13Fh
;;   00ac  test byte ptr [r13],20h
;;   00b4  jne func[0].instrumented+14Eh
;;   00ba  mov eax,ebx
;;   00bd  mov rsp,rbp
;;   00c0  pop rbp
;;   00c1  ret
;;   00c2  bt r12,3Dh
;;   00c7  jae func[0].instrumented+0E9h
;;   00cd  mov rax,rsp
;;   00d0  mov rsp,rbp
;;   00d3  call stubs+211h
;;   00d8  mov rsp,rax
;;   00db  test r12,r12
;;   00de  je func[0].instrumented+0F1h
;;   00e4  jmp func[0].instrumented+0Bh
;;   00e9  mov rsp,rbp
;;   00ec  call stubs+55h
;;   00f1  mov rsp,rbp
;;   00f4  call stubs+87h
;;   00f9  call stubs+0Fh
;;   00fe  call stubs+19h
;;   0103  mov eax,0
;;   0108  call func[0].instrumented+15Dh
;;   010d  jmp func[0].instrumented+3Eh
;;   0112  mov eax,1
;;   0117  call func[0].instrumented+15Dh
;;   011c  jmp func[0].instrumented+4Ch
;;   0121  mov eax,2
;;   0126  call func[0].instrumented+15Dh
;;   012b  jmp func[0].instrumented+5Ah
;;   0130  mov eax,3
;;   0135  call func[0].instrumented+15Dh
;;   013a  jmp func[0].instrumented+68h
;;   013f  mov eax,4
;;   0144  call func[0].instrumented+15Dh
;;   0149  jmp func[0].instrumented+0ACh
;;   014e  mov eax,5
;;   0153  call func[0].instrumented+15Dh
;;   0158  jmp func[0].instrumented+0BAh
;;   015d  sub rsp,8
;;   0161  mov rdx,0
;;   016b  or rax,rdx
;;   016e  push rax
;;   016f  call stubs+571h
;;   0174  add rsp,8
;;   0178  mov r13,[r15+58h]
;;   017f  cmp r13,1
;;   0186  ja func[0].instrumented+193h
;;   018c  lea r13,[stubs+7E9h]
;;   0193  ret
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
;;   000e  jb func[1]+4Bh
;;   0014  mov rcx,[rbp+18h]
;;   001b  mov rax,rsi
;;   001e  test rcx,rcx
;;   0021  je func[1]+0CFh
;;   0027  cmp rcx,0FFFFFFFFFFFFFFFFh
;;   002e  jne func[1]+3Bh
;;   0034  xor edx,edx
;;   0036  jmp func[1]+40h
;;   003b  cqo
;;   003d  idiv rcx
;;   0040  mov rbx,rdx
;;   0043  mov rax,rbx
;;   0046  mov rsp,rbp
;;   0049  pop rbp
;;   004a  ret
;;   004b  mov rax,r12
;;   004e  bt rax,3Dh
;;   0053  jb func[1]+0A3h
;;   0059  shl rax,2
;;   005d  shr rax,2
;;   0061  cmp rsp,rax
;;   0064  jb func[1]+0BFh
;;   006a  mov rax,[r15+60h]
;;   0071  bt r12,3Eh
;;   0076  jae func[1]+92h
;;   007c  shl r12,2
;;   0080  shr r12,2
;;   0084  test rax,rax
;;   0087  je func[1]+14h
;;   008d  bts r12,3Fh
;;   0092  cmp rax,1
;;   0098  ja func[1]+0D4h
;;   009e  jmp func[1]+14h
;;   00a3  mov rax,rsp
;;   00a6  mov rsp,rbp
;;   00a9  call stubs+211h
;;   00ae  mov rsp,rax
;;   00b1  test r12,r12
;;   00b4  je func[1]+0C7h
;;   00ba  jmp func[1]+4Bh
;;   00bf  mov rsp,rbp
;;   00c2  call stubs+55h
;;   00c7  mov rsp,rbp
;;   00ca  call stubs+87h
;;   00cf  call stubs+0Fh
;;   00d4  jmp qword ptr [1008h]
;;   00da  call stubs+571h
;;   00df  jmp func[1]+14h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[1].instrumented+0BFh
;;   001c  mov r13,[r15+60h]
;;   0023  cmp r13,1
;;   002a  jbe func[1]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[1].instrumented+0FBh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+10Ah
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+119h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+128h
;;   0068  mov rcx,[rbp+18h]
;;   006f  mov rax,[rbp+10h]
;;   0076  test rcx,rcx
;;   0079  je func[1].instrumented+0F6h
;;   007f  cmp rcx,0FFFFFFFFFFFFFFFFh
;;   0086  jne func[1].instrumented+93h
;;   008c  xor edx,edx
;;   008e  jmp func[1].instrumented+98h
;;   0093  cqo
;;   0095  idiv rcx
;;   0098  mov rbx,rdx
;;   009b  test byte ptr [r13],10h
;;   00a3  jne func[1].instrumented+137h
;;   00a9  test byte ptr [r13],20h
;;   00b1  jne func[1].instrumented+146h
;;   00b7  mov rax,rbx
;;   00ba  mov rsp,rbp
;;   00bd  pop rbp
;;   00be  ret
;;   00bf  bt r12,3Dh
;;   00c4  jae func[1].instrumented+0E6h
;;   00ca  mov rax,rsp
;;   00cd  mov rsp,rbp
;;   00d0  call stubs+211h
;;   00d5  mov rsp,rax
;;   00d8  test r12,r12
;;   00db  je func[1].instrumented+0EEh
;;   00e1  jmp func[1].instrumented+0Bh
;;   00e6  mov rsp,rbp
;;   00e9  call stubs+55h
;;   00ee  mov rsp,rbp
;;   00f1  call stubs+87h
;;   00f6  call stubs+0Fh
;;   00fb  mov eax,0
;;   0100  call func[1].instrumented+155h
;;   0105  jmp func[1].instrumented+3Eh
;;   010a  mov eax,1
;;   010f  call func[1].instrumented+155h
;;   0114  jmp func[1].instrumented+4Ch
;;   0119  mov eax,2
;;   011e  call func[1].instrumented+155h
;;   0123  jmp func[1].instrumented+5Ah
;;   0128  mov eax,3
;;   012d  call func[1].instrumented+155h
;;   0132  jmp func[1].instrumented+68h
;;   0137  mov eax,4
;;   013c  call func[1].instrumented+155h
;;   0141  jmp func[1].instrumented+0A9h
;;   0146  mov eax,5
;;   014b  call func[1].instrumented+155h
;;   0150  jmp func[1].instrumented+0B7h
;;   0155  sub rsp,8
;;   0159  mov rdx,100000000h
;;   0163  or rax,rdx
;;   0166  push rax
;;   0167  call stubs+571h
;;   016c  add rsp,8
;;   0170  mov r13,[r15+60h]
;;   0177  cmp r13,1
;;   017e  ja func[1].instrumented+18Bh
;;   0184  lea r13,[stubs+7E9h]
;;   018b  ret
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
;;   000e  jb func[2]+37h
;;   0014  mov ecx,[rbp+18h]
;;   001b  mov eax,esi
;;   001e  test ecx,ecx
;;   0021  je func[2]+0BBh
;;   0027  xor edx,edx
;;   0029  div ecx
;;   002c  mov ebx,eax
;;   002f  mov eax,ebx
;;   0032  mov rsp,rbp
;;   0035  pop rbp
;;   0036  ret
;;   0037  mov rax,r12
;;   003a  bt rax,3Dh
;;   003f  jb func[2]+8Fh
;;   0045  shl rax,2
;;   0049  shr rax,2
;;   004d  cmp rsp,rax
;;   0050  jb func[2]+0ABh
;;   0056  mov rax,[r15+68h]
;;   005d  bt r12,3Eh
;;   0062  jae func[2]+7Eh
;;   0068  shl r12,2
;;   006c  shr r12,2
;;   0070  test rax,rax
;;   0073  je func[2]+14h
;;   0079  bts r12,3Fh
;;   007e  cmp rax,1
;;   0084  ja func[2]+0C0h
;;   008a  jmp func[2]+14h
;;   008f  mov rax,rsp
;;   0092  mov rsp,rbp
;;   0095  call stubs+211h
;;   009a  mov rsp,rax
;;   009d  test r12,r12
;;   00a0  je func[2]+0B3h
;;   00a6  jmp func[2]+37h
;;   00ab  mov rsp,rbp
;;   00ae  call stubs+55h
;;   00b3  mov rsp,rbp
;;   00b6  call stubs+87h
;;   00bb  call stubs+0Fh
;;   00c0  jmp qword ptr [1010h]
;;   00c6  call stubs+571h
;;   00cb  jmp func[2]+14h
;; ---- func[2]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[2].instrumented+0ABh
;;   001c  mov r13,[r15+68h]
;;   0023  cmp r13,1
;;   002a  jbe func[2]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[2].instrumented+0E7h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[2].instrumented+0F6h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[2].instrumented+105h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[2].instrumented+114h
;;   0068  mov ecx,[rbp+18h]
;;   006f  mov eax,[rbp+10h]
;;   0076  test ecx,ecx
;;   0079  je func[2].instrumented+0E2h
;;   007f  xor edx,edx
;;   0081  div ecx
;;   0084  mov ebx,eax
;;   0087  test byte ptr [r13],10h
;;   008f  jne func[2].instrumented+123h
;;   0095  test byte ptr [r13],20h
;;   009d  jne func[2].instrumented+132h
;;   00a3  mov eax,ebx
;;   00a6  mov rsp,rbp
;;   00a9  pop rbp
;;   00aa  ret
;;   00ab  bt r12,3Dh
;;   00b0  jae func[2].instrumented+0D2h
;;   00b6  mov rax,rsp
;;   00b9  mov rsp,rbp
;;   00bc  call stubs+211h
;;   00c1  mov rsp,rax
;;   00c4  test r12,r12
;;   00c7  je func[2].instrumented+0DAh
;;   00cd  jmp func[2].instrumented+0Bh
;;   00d2  mov rsp,rbp
;;   00d5  call stubs+55h
;;   00da  mov rsp,rbp
;;   00dd  call stubs+87h
;;   00e2  call stubs+0Fh
;;   00e7  mov eax,0
;;   00ec  call func[2].instrumented+141h
;;   00f1  jmp func[2].instrumented+3Eh
;;   00f6  mov eax,1
;;   00fb  call func[2].instrumented+141h
;;   0100  jmp func[2].instrumented+4Ch
;;   0105  mov eax,2
;;   010a  call func[2].instrumented+141h
;;   010f  jmp func[2].instrumented+5Ah
;;   0114  mov eax,3
;;   0119  call func[2].instrumented+141h
;;   011e  jmp func[2].instrumented+68h
;;   0123  mov eax,4
;;   0128  call func[2].instrumented+141h
;;   012d  jmp func[2].instrumented+95h
;;   0132  mov eax,5
;;   0137  call func[2].instrumented+141h
;;   013c  jmp func[2].instrumented+0A3h
;;   0141  sub rsp,8
;;   0145  mov rdx,200000000h
;;   014f  or rax,rdx
;;   0152  push rax
;;   0153  call stubs+571h
;;   0158  add rsp,8
;;   015c  mov r13,[r15+68h]
;;   0163  cmp r13,1
;;   016a  ja func[2].instrumented+177h
;;   0170  lea r13,[stubs+7E9h]
;;   0177  ret
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
;;   000e  jb func[3]+36h
;;   0014  mov ecx,7
;;   001a  mov eax,esi
;;   001d  test ecx,ecx
;;   0020  je func[3]+0BAh
;;   0026  xor edx,edx
;;   0028  div ecx
;;   002b  mov ebx,eax
;;   002e  mov eax,ebx
;;   0031  mov rsp,rbp
;;   0034  pop rbp
;;   0035  ret
;;   0036  mov rax,r12
;;   0039  bt rax,3Dh
;;   003e  jb func[3]+8Eh
;;   0044  shl rax,2
;;   0048  shr rax,2
;;   004c  cmp rsp,rax
;;   004f  jb func[3]+0AAh
;;   0055  mov rax,[r15+70h]
;;   005c  bt r12,3Eh
;;   0061  jae func[3]+7Dh
;;   0067  shl r12,2
;;   006b  shr r12,2
;;   006f  test rax,rax
;;   0072  je func[3]+14h
;;   0078  bts r12,3Fh
;;   007d  cmp rax,1
;;   0083  ja func[3]+0BFh
;;   0089  jmp func[3]+14h
;;   008e  mov rax,rsp
;;   0091  mov rsp,rbp
;;   0094  call stubs+211h
;;   0099  mov rsp,rax
;;   009c  test r12,r12
;;   009f  je func[3]+0B2h
;;   00a5  jmp func[3]+36h
;;   00aa  mov rsp,rbp
;;   00ad  call stubs+55h
;;   00b2  mov rsp,rbp
;;   00b5  call stubs+87h
;;   00ba  call stubs+0Fh
;;   00bf  jmp qword ptr [1018h]
;;   00c5  call stubs+571h
;;   00ca  jmp func[3]+14h
;; ---- func[3]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[3].instrumented+0AAh
;;   001c  mov r13,[r15+70h]
;;   0023  cmp r13,1
;;   002a  jbe func[3]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[3].instrumented+0E6h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[3].instrumented+0F5h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[3].instrumented+104h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[3].instrumented+113h
;;   0068  mov ecx,7
;;   006e  mov eax,[rbp+10h]
;;   0075  test ecx,ecx
;;   0078  je func[3].instrumented+0E1h
;;   007e  xor edx,edx
;;   0080  div ecx
;;   0083  mov ebx,eax
;;   0086  test byte ptr [r13],10h
;;   008e  jne func[3].instrumented+122h
;;   0094  test byte ptr [r13],20h
;;   009c  jne func[3].instrumented+131h
;;   00a2  mov eax,ebx
;;   00a5  mov rsp,rbp
;;   00a8  pop rbp
;;   00a9  ret
;;   00aa  bt r12,3Dh
;;   00af  jae func[3].instrumented+0D1h
;;   00b5  mov rax,rsp
;;   00b8  mov rsp,rbp
;;   00bb  call stubs+211h
;;   00c0  mov rsp,rax
;;   00c3  test r12,r12
;;   00c6  je func[3].instrumented+0D9h
;;   00cc  jmp func[3].instrumented+0Bh
;;   00d1  mov rsp,rbp
;;   00d4  call stubs+55h
;;   00d9  mov rsp,rbp
;;   00dc  call stubs+87h
;;   00e1  call stubs+0Fh
;;   00e6  mov eax,0
;;   00eb  call func[3].instrumented+140h
;;   00f0  jmp func[3].instrumented+3Eh
;;   00f5  mov eax,1
;;   00fa  call func[3].instrumented+140h
;;   00ff  jmp func[3].instrumented+4Ch
;;   0104  mov eax,2
;;   0109  call func[3].instrumented+140h
;;   010e  jmp func[3].instrumented+5Ah
;;   0113  mov eax,3
;;   0118  call func[3].instrumented+140h
;;   011d  jmp func[3].instrumented+68h
;;   0122  mov eax,4
;;   0127  call func[3].instrumented+140h
;;   012c  jmp func[3].instrumented+94h
;;   0131  mov eax,5
;;   0136  call func[3].instrumented+140h
;;   013b  jmp func[3].instrumented+0A2h
;;   0140  sub rsp,8
;;   0144  mov rdx,300000000h
;;   014e  or rax,rdx
;;   0151  push rax
;;   0152  call stubs+571h
;;   0157  add rsp,8
;;   015b  mov r13,[r15+70h]
;;   0162  cmp r13,1
;;   0169  ja func[3].instrumented+176h
;;   016f  lea r13,[stubs+7E9h]
;;   0176  ret
