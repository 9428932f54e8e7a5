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
;;   000b  cmp qword ptr [r15+58h],0
;;   0010  jne func[0]+5Eh
;;   0016  mov ecx,[rbp+18h]
;;   001d  mov eax,[rbp+10h]
;;   0024  test ecx,ecx
;;   0027  je func[0]+54h
;;   002d  cmp ecx,0FFFFFFFFh
;;   0034  jne func[0]+45h
;;   003a  cmp eax,80000000h
;;   003f  je func[0]+59h
;;   0045  cdq
;;   0046  idiv ecx
;;   0049  mov ebx,eax
;;   004c  mov eax,ebx
;;   004f  mov rsp,rbp
;;   0052  pop rbp
;;   0053  ret
;;   0054  call stubs+0Fh
;;   0059  call stubs+19h
;;   005e  call stubs+531h
;;   0063  jmp func[0]+16h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+58h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+0ACh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+0C0h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+0D4h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+0E8h
;;   0048  mov ecx,[rbp+18h]
;;   004f  mov eax,[rbp+10h]
;;   0056  test ecx,ecx
;;   0059  je func[0].instrumented+0A2h
;;   005f  cmp ecx,0FFFFFFFFh
;;   0066  jne func[0].instrumented+77h
;;   006c  cmp eax,80000000h
;;   0071  je func[0].instrumented+0A7h
;;   0077  cdq
;;   0078  idiv ecx
;;   007b  mov ebx,eax
;;   007e  test byte ptr [r13],10h
;;   0086  jne func[0].instrumented+0FCh
;;   008c  test byte ptr [r13],20h
;;   0094  jne func[0].instrumented+110h
;;   009a  mov eax,ebx
;;   009d  mov rsp,rbp
;;   00a0  pop rbp
;;   00a1  ret
;;   00a2  call stubs+0Fh
;;   00a7  call stubs+19h
;;   00ac  mov rax,0
;;   00b6  call func[0].instrumented+124h
;;   00bb  jmp func[0].instrumented+1Eh
;;   00c0  mov rax,1
;;   00ca  call func[0].instrumented+124h
;;   00cf  jmp func[0].instrumented+2Ch
;;   00d4  mov rax,2
;;   00de  call func[0].instrumented+124h
;;   00e3  jmp func[0].instrumented+3Ah
;;   00e8  mov rax,3
;;   00f2  call func[0].instrumented+124h
;;   00f7  jmp func[0].instrumented+48h
;;   00fc  mov rax,4
;;   0106  call func[0].instrumented+124h
;;   010b  jmp func[0].instrumented+8Ch
;;   0110  mov rax,5
;;   011a  call func[0].instrumented+124h
;;   011f  jmp func[0].instrumented+9Ah
;;   0124  sub rsp,8
;;   0128  push rax
;;   0129  call stubs+539h
;;   012e  add rsp,8
;;   0132  mov r13,[r15+58h]
;;   0139  test r13,r13
;;   013c  jne func[0].instrumented+149h
;;   0142  lea r13,[stubs+7B1h]
;;   0149  ret
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
;;   000b  cmp qword ptr [r15+60h],0
;;   0010  jne func[1]+56h
;;   0016  mov rcx,[rbp+18h]
;;   001d  mov rax,[rbp+10h]
;;   0024  test rcx,rcx
;;   0027  je func[1]+51h
;;   002d  cmp rcx,0FFFFFFFFFFFFFFFFh
;;   0034  jne func[1]+41h
;;   003a  xor edx,edx
;;   003c  jmp func[1]+46h
;;   0041  cqo
;;   0043  idiv rcx
;;   0046  mov rbx,rdx
;;   0049  mov rax,rbx
;;   004c  mov rsp,rbp
;;   004f  pop rbp
;;   0050  ret
;;   0051  call stubs+0Fh
;;   0056  call stubs+531h
;;   005b  jmp func[1]+16h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  mov r13,[r15+60h]
;;   0007  test r13,r13
;;   000a  je func[1]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[1].instrumented+0A4h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[1].instrumented+0B8h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[1].instrumented+0CCh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[1].instrumented+0E0h
;;   0048  mov rcx,[rbp+18h]
;;   004f  mov rax,[rbp+10h]
;;   0056  test rcx,rcx
;;   0059  je func[1].instrumented+9Fh
;;   005f  cmp rcx,0FFFFFFFFFFFFFFFFh
;;   0066  jne func[1].instrumented+73h
;;   006c  xor edx,edx
;;   006e  jmp func[1].instrumented+78h
;;   0073  cqo
;;   0075  idiv rcx
;;   0078  mov rbx,rdx
;;   007b  test byte ptr [r13],10h
;;   0083  jne func[1].instrumented+0F4h
;;   0089  test byte ptr [r13],20h
;;   0091  jne func[1].instrumented+108h
;;   0097  mov rax,rbx
;;   009a  mov rsp,rbp
;;   009d  pop rbp
;;   009e  ret
;;   009f  call stubs+0Fh
;;   00a4  mov rax,100000000h
;;   00ae  call func[1].instrumented+11Ch
;;   00b3  jmp func[1].instrumented+1Eh
;;   00b8  mov rax,100000001h
;;   00c2  call func[1].instrumented+11Ch
;;   00c7  jmp func[1].instrumented+2Ch
;;   00cc  mov rax,100000002h
;;   00d6  call func[1].instrumented+11Ch
;;   00db  jmp func[1].instrumented+3Ah
;;   00e0  mov rax,100000003h
;;   00ea  call func[1].instrumented+11Ch
;;   00ef  jmp func[1].instrumented+48h
;;   00f4  mov rax,100000004h
;;   00fe  call func[1].instrumented+11Ch
;;   0103  jmp func[1].instrumented+89h
;;   0108  mov rax,100000005h
;;   0112  call func[1].instrumented+11Ch
;;   0117  jmp func[1].instrumented+97h
;;   011c  sub rsp,8
;;   0120  push rax
;;   0121  call stubs+539h
;;   0126  add rsp,8
;;   012a  mov r13,[r15+60h]
;;   0131  test r13,r13
;;   0134  jne func[1].instrumented+141h
;;   013a  lea r13,[stubs+7B1h]
;;   0141  ret
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
;;   000b  cmp qword ptr [r15+68h],0
;;   0010  jne func[2]+42h
;;   0016  mov ecx,[rbp+18h]
;;   001d  mov eax,[rbp+10h]
;;   0024  test ecx,ecx
;;   0027  je func[2]+3Dh
;;   002d  xor edx,edx
;;   002f  div ecx
;;   0032  mov ebx,eax
;;   0035  mov eax,ebx
;;   0038  mov rsp,rbp
;;   003b  pop rbp
;;   003c  ret
;;   003d  call stubs+0Fh
;;   0042  call stubs+531h
;;   0047  jmp func[2]+16h
;; ---- func[2]: instrumented module, instrumented version
;;   0000  mov r13,[r15+68h]
;;   0007  test r13,r13
;;   000a  je func[2]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[2].instrumented+90h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[2].instrumented+0A4h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[2].instrumented+0B8h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[2].instrumented+0CCh
;;   0048  mov ecx,[rbp+18h]
;;   004f  mov eax,[rbp+10h]
;;   0056  test ecx,ecx
;;   0059  je func[2].instrumented+8Bh
;;   005f  xor edx,edx
;;   0061  div ecx
;;   0064  mov ebx,eax
;;   0067  test byte ptr [r13],10h
;;   006f  jne func[2].instrumented+0E0h
;;   0075  test byte ptr [r13],20h
;;   007d  jne func[2].instrumented+0F4h
;;   0083  mov eax,ebx
;;   0086  mov rsp,rbp
;;   0089  pop rbp
;;   008a  ret
;;   008b  call stubs+0Fh
;;   0090  mov rax,200000000h
;;   009a  call func[2].instrumented+108h
;;   009f  jmp func[2].instrumented+1Eh
;;   00a4  mov rax,200000001h
;;   00ae  call func[2].instrumented+108h
;;   00b3  jmp func[2].instrumented+2Ch
;;   00b8  mov rax,200000002h
;;   00c2  call func[2].instrumented+108h
;;   00c7  jmp func[2].instrumented+3Ah
;;   00cc  mov rax,200000003h
;;   00d6  call func[2].instrumented+108h
;;   00db  jmp func[2].instrumented+48h
;;   00e0  mov rax,200000004h
;;   00ea  call func[2].instrumented+108h
;;   00ef  jmp func[2].instrumented+75h
;;   00f4  mov rax,200000005h
;;   00fe  call func[2].instrumented+108h
;;   0103  jmp func[2].instrumented+83h
;;   0108  sub rsp,8
;;   010c  push rax
;;   010d  call stubs+539h
;;   0112  add rsp,8
;;   0116  mov r13,[r15+68h]
;;   011d  test r13,r13
;;   0120  jne func[2].instrumented+12Dh
;;   0126  lea r13,[stubs+7B1h]
;;   012d  ret
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
;;   000b  cmp qword ptr [r15+70h],0
;;   0010  jne func[3]+41h
;;   0016  mov ecx,7
;;   001c  mov eax,[rbp+10h]
;;   0023  test ecx,ecx
;;   0026  je func[3]+3Ch
;;   002c  xor edx,edx
;;   002e  div ecx
;;   0031  mov ebx,eax
;;   0034  mov eax,ebx
;;   0037  mov rsp,rbp
;;   003a  pop rbp
;;   003b  ret
;;   003c  call stubs+0Fh
;;   0041  call stubs+531h
;;   0046  jmp func[3]+16h
;; ---- func[3]: instrumented module, instrumented version
;;   0000  mov r13,[r15+70h]
;;   0007  test r13,r13
;;   000a  je func[3]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[3].instrumented+8Fh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[3].instrumented+0A3h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[3].instrumented+0B7h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[3].instrumented+0CBh
;;   0048  mov ecx,7
;;   004e  mov eax,[rbp+10h]
;;   0055  test ecx,ecx
;;   0058  je func[3].instrumented+8Ah
;;   005e  xor edx,edx
;;   0060  div ecx
;;   0063  mov ebx,eax
;;   0066  test byte ptr [r13],10h
;;   006e  jne func[3].instrumented+0DFh
;;   0074  test byte ptr [r13],20h
;;   007c  jne func[3].instrumented+0F3h
;;   0082  mov eax,ebx
;;   0085  mov rsp,rbp
;;   0088  pop rbp
;;   0089  ret
;;   008a  call stubs+0Fh
;;   008f  mov rax,300000000h
;;   0099  call func[3].instrumented+107h
;;   009e  jmp func[3].instrumented+1Eh
;;   00a3  mov rax,300000001h
;;   00ad  call func[3].instrumented+107h
;;   00b2  jmp func[3].instrumented+2Ch
;;   00b7  mov rax,300000002h
;;   00c1  call func[3].instrumented+107h
;;   00c6  jmp func[3].instrumented+3Ah
;;   00cb  mov rax,300000003h
;;   00d5  call func[3].instrumented+107h
;;   00da  jmp func[3].instrumented+48h
;;   00df  mov rax,300000004h
;;   00e9  call func[3].instrumented+107h
;;   00ee  jmp func[3].instrumented+74h
;;   00f3  mov rax,300000005h
;;   00fd  call func[3].instrumented+107h
;;   0102  jmp func[3].instrumented+82h
;;   0107  sub rsp,8
;;   010b  push rax
;;   010c  call stubs+539h
;;   0111  add rsp,8
;;   0115  mov r13,[r15+70h]
;;   011c  test r13,r13
;;   011f  jne func[3].instrumented+12Ch
;;   0125  lea r13,[stubs+7B1h]
;;   012c  ret
