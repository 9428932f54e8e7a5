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
;;   0010  jne func[0].instrumented
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
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+58h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+0ACh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+0BBh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+0CAh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+0D9h
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
;;   0086  jne func[0].instrumented+0E8h
;;   008c  test byte ptr [r13],20h
;;   0094  jne func[0].instrumented+0F7h
;;   009a  mov eax,ebx
;;   009d  mov rsp,rbp
;;   00a0  pop rbp
;;   00a1  ret
;;   00a2  call stubs+0Fh
;;   00a7  call stubs+19h
;;   00ac  mov eax,0
;;   00b1  call func[0].instrumented+106h
;;   00b6  jmp func[0].instrumented+1Eh
;;   00bb  mov eax,1
;;   00c0  call func[0].instrumented+106h
;;   00c5  jmp func[0].instrumented+2Ch
;;   00ca  mov eax,2
;;   00cf  call func[0].instrumented+106h
;;   00d4  jmp func[0].instrumented+3Ah
;;   00d9  mov eax,3
;;   00de  call func[0].instrumented+106h
;;   00e3  jmp func[0].instrumented+48h
;;   00e8  mov eax,4
;;   00ed  call func[0].instrumented+106h
;;   00f2  jmp func[0].instrumented+8Ch
;;   00f7  mov eax,5
;;   00fc  call func[0].instrumented+106h
;;   0101  jmp func[0].instrumented+9Ah
;;   0106  sub rsp,8
;;   010a  push rax
;;   010b  call stubs+53Ah
;;   0110  add rsp,8
;;   0114  mov r13,[r15+58h]
;;   011b  test r13,r13
;;   011e  jne func[0].instrumented+12Bh
;;   0124  lea r13,[stubs+7B2h]
;;   012b  ret
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
;;   0010  jne func[1].instrumented
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
;; ---- func[1]: instrumented module, instrumented version
;;   0000  mov r13,[r15+60h]
;;   0007  test r13,r13
;;   000a  je func[1]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[1].instrumented+0A4h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[1].instrumented+0B3h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[1].instrumented+0C2h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[1].instrumented+0D1h
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
;;   0083  jne func[1].instrumented+0E0h
;;   0089  test byte ptr [r13],20h
;;   0091  jne func[1].instrumented+0EFh
;;   0097  mov rax,rbx
;;   009a  mov rsp,rbp
;;   009d  pop rbp
;;   009e  ret
;;   009f  call stubs+0Fh
;;   00a4  mov eax,6
;;   00a9  call func[1].instrumented+0FEh
;;   00ae  jmp func[1].instrumented+1Eh
;;   00b3  mov eax,7
;;   00b8  call func[1].instrumented+0FEh
;;   00bd  jmp func[1].instrumented+2Ch
;;   00c2  mov eax,8
;;   00c7  call func[1].instrumented+0FEh
;;   00cc  jmp func[1].instrumented+3Ah
;;   00d1  mov eax,9
;;   00d6  call func[1].instrumented+0FEh
;;   00db  jmp func[1].instrumented+48h
;;   00e0  mov eax,0Ah
;;   00e5  call func[1].instrumented+0FEh
;;   00ea  jmp func[1].instrumented+89h
;;   00ef  mov eax,0Bh
;;   00f4  call func[1].instrumented+0FEh
;;   00f9  jmp func[1].instrumented+97h
;;   00fe  sub rsp,8
;;   0102  push rax
;;   0103  call stubs+53Ah
;;   0108  add rsp,8
;;   010c  mov r13,[r15+60h]
;;   0113  test r13,r13
;;   0116  jne func[1].instrumented+123h
;;   011c  lea r13,[stubs+7B2h]
;;   0123  ret
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
;;   0010  jne func[2].instrumented
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
;; ---- func[2]: instrumented module, instrumented version
;;   0000  mov r13,[r15+68h]
;;   0007  test r13,r13
;;   000a  je func[2]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[2].instrumented+90h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[2].instrumented+9Fh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[2].instrumented+0AEh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[2].instrumented+0BDh
;;   0048  mov ecx,[rbp+18h]
;;   004f  mov eax,[rbp+10h]
;;   0056  test ecx,ecx
;;   0059  je func[2].instrumented+8Bh
;;   005f  xor edx,edx
;;   0061  div ecx
;;   0064  mov ebx,eax
;;   0067  test byte ptr [r13],10h
;;   006f  jne func[2].instrumented+0CCh
;;   0075  test byte ptr [r13],20h
;;   007d  jne func[2].instrumented+0DBh
;;   0083  mov eax,ebx
;;   0086  mov rsp,rbp
;;   0089  pop rbp
;;   008a  ret
;;   008b  call stubs+0Fh
;;   0090  mov eax,0Ch
;;   0095  call func[2].instrumented+0EAh
;;   009a  jmp func[2].instrumented+1Eh
;;   009f  mov eax,0Dh
;;   00a4  call func[2].instrumented+0EAh
;;   00a9  jmp func[2].instrumented+2Ch
;;   00ae  mov eax,0Eh
;;   00b3  call func[2].instrumented+0EAh
;;   00b8  jmp func[2].instrumented+3Ah
;;   00bd  mov eax,0Fh
;;   00c2  call func[2].instrumented+0EAh
;;   00c7  jmp func[2].instrumented+48h
;;   00cc  mov eax,10h
;;   00d1  call func[2].instrumented+0EAh
;;   00d6  jmp func[2].instrumented+75h
;;   00db  mov eax,11h
;;   00e0  call func[2].instrumented+0EAh
;;   00e5  jmp func[2].instrumented+83h
;;   00ea  sub rsp,8
;;   00ee  push rax
;;   00ef  call stubs+53Ah
;;   00f4  add rsp,8
;;   00f8  mov r13,[r15+68h]
;;   00ff  test r13,r13
;;   0102  jne func[2].instrumented+10Fh
;;   0108  lea r13,[stubs+7B2h]
;;   010f  ret
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
;;   0010  jne func[3].instrumented
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
;; ---- func[3]: instrumented module, instrumented version
;;   0000  mov r13,[r15+70h]
;;   0007  test r13,r13
;;   000a  je func[3]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[3].instrumented+8Fh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[3].instrumented+9Eh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[3].instrumented+0ADh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[3].instrumented+0BCh
;;   0048  mov ecx,7
;;   004e  mov eax,[rbp+10h]
;;   0055  test ecx,ecx
;;   0058  je func[3].instrumented+8Ah
;;   005e  xor edx,edx
;;   0060  div ecx
;;   0063  mov ebx,eax
;;   0066  test byte ptr [r13],10h
;;   006e  jne func[3].instrumented+0CBh
;;   0074  test byte ptr [r13],20h
;;   007c  jne func[3].instrumented+0DAh
;;   0082  mov eax,ebx
;;   0085  mov rsp,rbp
;;   0088  pop rbp
;;   0089  ret
;;   008a  call stubs+0Fh
;;   008f  mov eax,12h
;;   0094  call func[3].instrumented+0E9h
;;   0099  jmp func[3].instrumented+1Eh
;;   009e  mov eax,13h
;;   00a3  call func[3].instrumented+0E9h
;;   00a8  jmp func[3].instrumented+2Ch
;;   00ad  mov eax,14h
;;   00b2  call func[3].instrumented+0E9h
;;   00b7  jmp func[3].instrumented+3Ah
;;   00bc  mov eax,15h
;;   00c1  call func[3].instrumented+0E9h
;;   00c6  jmp func[3].instrumented+48h
;;   00cb  mov eax,16h
;;   00d0  call func[3].instrumented+0E9h
;;   00d5  jmp func[3].instrumented+74h
;;   00da  mov eax,17h
;;   00df  call func[3].instrumented+0E9h
;;   00e4  jmp func[3].instrumented+82h
;;   00e9  sub rsp,8
;;   00ed  push rax
;;   00ee  call stubs+53Ah
;;   00f3  add rsp,8
;;   00f7  mov r13,[r15+70h]
;;   00fe  test r13,r13
;;   0101  jne func[3].instrumented+10Eh
;;   0107  lea r13,[stubs+7B2h]
;;   010e  ret
