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
;;   0052  mov rax,r12
;;   0055  bt rax,3Dh
;;   005a  jb func[0]+0AAh
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
;;   00b0  call stubs+1D5h
;;   00b5  mov rsp,rax
;;   00b8  jmp func[0]+52h
;;   00bd  mov rsp,rbp
;;   00c0  call stubs+55h
;;   00c5  call stubs+0Fh
;;   00ca  call stubs+19h
;;   00cf  jmp qword ptr [1000h]
;;   00d5  call stubs+535h
;;   00da  jmp func[0]+14h
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
;;   0038  jne func[0].instrumented+0F2h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+101h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+110h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+11Fh
;;   0068  mov ecx,[rbp+18h]
;;   006f  mov eax,[rbp+10h]
;;   0076  test ecx,ecx
;;   0079  je func[0].instrumented+0E8h
;;   007f  cmp ecx,0FFFFFFFFh
;;   0086  jne func[0].instrumented+97h
;;   008c  cmp eax,80000000h
;;   0091  je func[0].instrumented+0EDh
;;   0097  cdq
;;   0098  idiv ecx
;;   009b  mov ebx,eax
;;   009e  test byte ptr [r13],10h
;;   00a6  jne func[0].instrumented+12Eh
;;   00ac  test byte ptr [r13],20h
;;   00b4  jne func[0].instrumented+13Dh
;;   00ba  mov eax,ebx
;;   00bd  mov rsp,rbp
;;   00c0  pop rbp
;;   00c1  ret
;;   00c2  bt r12,3Dh
;;   00c7  jae func[0].instrumented+0E0h
;;   00cd  mov rax,rsp
;;   00d0  mov rsp,rbp
;;   00d3  call stubs+1D5h
;;   00d8  mov rsp,rax
;;   00db  jmp func[0].instrumented+0Bh
;;   00e0  mov rsp,rbp
;;   00e3  call stubs+55h
;;   00e8  call stubs+0Fh
;;   00ed  call stubs+19h
;;   00f2  mov eax,0
;;   00f7  call func[0].instrumented+14Ch
;;   00fc  jmp func[0].instrumented+3Eh
;;   0101  mov eax,1
;;   0106  call func[0].instrumented+14Ch
;;   010b  jmp func[0].instrumented+4Ch
;;   0110  mov eax,2
;;   0115  call func[0].instrumented+14Ch
;;   011a  jmp func[0].instrumented+5Ah
;;   011f  mov eax,3
;;   0124  call func[0].instrumented+14Ch
;;   0129  jmp func[0].instrumented+68h
;;   012e  mov eax,4
;;   0133  call func[0].instrumented+14Ch
;;   0138  jmp func[0].instrumented+0ACh
;;   013d  mov eax,5
;;   0142  call func[0].instrumented+14Ch
;;   0147  jmp func[0].instrumented+0BAh
;;   014c  sub rsp,8
;;   0150  mov rdx,0
;;   015a  or rax,rdx
;;   015d  push rax
;;   015e  call stubs+535h
;;   0163  add rsp,8
;;   0167  mov r13,[r15+58h]
;;   016e  cmp r13,1
;;   0175  ja func[0].instrumented+182h
;;   017b  lea r13,[stubs+7ADh]
;;   0182  ret
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
;;   004f  mov rax,r12
;;   0052  bt rax,3Dh
;;   0057  jb func[1]+0A7h
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
;;   00ad  call stubs+1D5h
;;   00b2  mov rsp,rax
;;   00b5  jmp func[1]+4Fh
;;   00ba  mov rsp,rbp
;;   00bd  call stubs+55h
;;   00c2  call stubs+0Fh
;;   00c7  jmp qword ptr [1008h]
;;   00cd  call stubs+535h
;;   00d2  jmp func[1]+14h
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
;;   0038  jne func[1].instrumented+0EAh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+0F9h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+108h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+117h
;;   0068  mov rcx,[rbp+18h]
;;   006f  mov rax,[rbp+10h]
;;   0076  test rcx,rcx
;;   0079  je func[1].instrumented+0E5h
;;   007f  cmp rcx,0FFFFFFFFFFFFFFFFh
;;   0086  jne func[1].instrumented+93h
;;   008c  xor edx,edx
;;   008e  jmp func[1].instrumented+98h
;;   0093  cqo
;;   0095  idiv rcx
;;   0098  mov rbx,rdx
;;   009b  test byte ptr [r13],10h
;;   00a3  jne func[1].instrumented+126h
;;   00a9  test byte ptr [r13],20h
;;   00b1  jne func[1].instrumented+135h
;;   00b7  mov rax,rbx
;;   00ba  mov rsp,rbp
;;   00bd  pop rbp
;;   00be  ret
;;   00bf  bt r12,3Dh
;;   00c4  jae func[1].instrumented+0DDh
;;   00ca  mov rax,rsp
;;   00cd  mov rsp,rbp
;;   00d0  call stubs+1D5h
;;   00d5  mov rsp,rax
;;   00d8  jmp func[1].instrumented+0Bh
;;   00dd  mov rsp,rbp
;;   00e0  call stubs+55h
;;   00e5  call stubs+0Fh
;;   00ea  mov eax,0
;;   00ef  call func[1].instrumented+144h
;;   00f4  jmp func[1].instrumented+3Eh
;;   00f9  mov eax,1
;;   00fe  call func[1].instrumented+144h
;;   0103  jmp func[1].instrumented+4Ch
;;   0108  mov eax,2
;;   010d  call func[1].instrumented+144h
;;   0112  jmp func[1].instrumented+5Ah
;;   0117  mov eax,3
;;   011c  call func[1].instrumented+144h
;;   0121  jmp func[1].instrumented+68h
;;   0126  mov eax,4
;;   012b  call func[1].instrumented+144h
;;   0130  jmp func[1].instrumented+0A9h
;;   0135  mov eax,5
;;   013a  call func[1].instrumented+144h
;;   013f  jmp func[1].instrumented+0B7h
;;   0144  sub rsp,8
;;   0148  mov rdx,100000000h
;;   0152  or rax,rdx
;;   0155  push rax
;;   0156  call stubs+535h
;;   015b  add rsp,8
;;   015f  mov r13,[r15+60h]
;;   0166  cmp r13,1
;;   016d  ja func[1].instrumented+17Ah
;;   0173  lea r13,[stubs+7ADh]
;;   017a  ret
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
;;   003b  mov rax,r12
;;   003e  bt rax,3Dh
;;   0043  jb func[2]+93h
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
;;   0099  call stubs+1D5h
;;   009e  mov rsp,rax
;;   00a1  jmp func[2]+3Bh
;;   00a6  mov rsp,rbp
;;   00a9  call stubs+55h
;;   00ae  call stubs+0Fh
;;   00b3  jmp qword ptr [1010h]
;;   00b9  call stubs+535h
;;   00be  jmp func[2]+14h
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
;;   0038  jne func[2].instrumented+0D6h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[2].instrumented+0E5h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[2].instrumented+0F4h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[2].instrumented+103h
;;   0068  mov ecx,[rbp+18h]
;;   006f  mov eax,[rbp+10h]
;;   0076  test ecx,ecx
;;   0079  je func[2].instrumented+0D1h
;;   007f  xor edx,edx
;;   0081  div ecx
;;   0084  mov ebx,eax
;;   0087  test byte ptr [r13],10h
;;   008f  jne func[2].instrumented+112h
;;   0095  test byte ptr [r13],20h
;;   009d  jne func[2].instrumented+121h
;;   00a3  mov eax,ebx
;;   00a6  mov rsp,rbp
;;   00a9  pop rbp
;;   00aa  ret
;;   00ab  bt r12,3Dh
;;   00b0  jae func[2].instrumented+0C9h
;;   00b6  mov rax,rsp
;;   00b9  mov rsp,rbp
;;   00bc  call stubs+1D5h
;;   00c1  mov rsp,rax
;;   00c4  jmp func[2].instrumented+0Bh
;;   00c9  mov rsp,rbp
;;   00cc  call stubs+55h
;;   00d1  call stubs+0Fh
;;   00d6  mov eax,0
;;   00db  call func[2].instrumented+130h
;;   00e0  jmp func[2].instrumented+3Eh
;;   00e5  mov eax,1
;;   00ea  call func[2].instrumented+130h
;;   00ef  jmp func[2].instrumented+4Ch
;;   00f4  mov eax,2
;;   00f9  call func[2].instrumented+130h
;;   00fe  jmp func[2].instrumented+5Ah
;;   0103  mov eax,3
;;   0108  call func[2].instrumented+130h
;;   010d  jmp func[2].instrumented+68h
;;   0112  mov eax,4
;;   0117  call func[2].instrumented+130h
;;   011c  jmp func[2].instrumented+95h
;;   0121  mov eax,5
;;   0126  call func[2].instrumented+130h
;;   012b  jmp func[2].instrumented+0A3h
;;   0130  sub rsp,8
;;   0134  mov rdx,200000000h
;;   013e  or rax,rdx
;;   0141  push rax
;;   0142  call stubs+535h
;;   0147  add rsp,8
;;   014b  mov r13,[r15+68h]
;;   0152  cmp r13,1
;;   0159  ja func[2].instrumented+166h
;;   015f  lea r13,[stubs+7ADh]
;;   0166  ret
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
;;   003a  mov rax,r12
;;   003d  bt rax,3Dh
;;   0042  jb func[3]+92h
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
;;   0098  call stubs+1D5h
;;   009d  mov rsp,rax
;;   00a0  jmp func[3]+3Ah
;;   00a5  mov rsp,rbp
;;   00a8  call stubs+55h
;;   00ad  call stubs+0Fh
;;   00b2  jmp qword ptr [1018h]
;;   00b8  call stubs+535h
;;   00bd  jmp func[3]+14h
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
;;   0038  jne func[3].instrumented+0D5h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[3].instrumented+0E4h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[3].instrumented+0F3h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[3].instrumented+102h
;;   0068  mov ecx,7
;;   006e  mov eax,[rbp+10h]
;;   0075  test ecx,ecx
;;   0078  je func[3].instrumented+0D0h
;;   007e  xor edx,edx
;;   0080  div ecx
;;   0083  mov ebx,eax
;;   0086  test byte ptr [r13],10h
;;   008e  jne func[3].instrumented+111h
;;   0094  test byte ptr [r13],20h
;;   009c  jne func[3].instrumented+120h
;;   00a2  mov eax,ebx
;;   00a5  mov rsp,rbp
;;   00a8  pop rbp
;;   00a9  ret
;;   00aa  bt r12,3Dh
;;   00af  jae func[3].instrumented+0C8h
;;   00b5  mov rax,rsp
;;   00b8  mov rsp,rbp
;;   00bb  call stubs+1D5h
;;   00c0  mov rsp,rax
;;   00c3  jmp func[3].instrumented+0Bh
;;   00c8  mov rsp,rbp
;;   00cb  call stubs+55h
;;   00d0  call stubs+0Fh
;;   00d5  mov eax,0
;;   00da  call func[3].instrumented+12Fh
;;   00df  jmp func[3].instrumented+3Eh
;;   00e4  mov eax,1
;;   00e9  call func[3].instrumented+12Fh
;;   00ee  jmp func[3].instrumented+4Ch
;;   00f3  mov eax,2
;;   00f8  call func[3].instrumented+12Fh
;;   00fd  jmp func[3].instrumented+5Ah
;;   0102  mov eax,3
;;   0107  call func[3].instrumented+12Fh
;;   010c  jmp func[3].instrumented+68h
;;   0111  mov eax,4
;;   0116  call func[3].instrumented+12Fh
;;   011b  jmp func[3].instrumented+94h
;;   0120  mov eax,5
;;   0125  call func[3].instrumented+12Fh
;;   012a  jmp func[3].instrumented+0A2h
;;   012f  sub rsp,8
;;   0133  mov rdx,300000000h
;;   013d  or rax,rdx
;;   0140  push rax
;;   0141  call stubs+535h
;;   0146  add rsp,8
;;   014a  mov r13,[r15+70h]
;;   0151  cmp r13,1
;;   0158  ja func[3].instrumented+165h
;;   015e  lea r13,[stubs+7ADh]
;;   0165  ret
