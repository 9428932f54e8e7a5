;; A load addresses memory through the pinned memory base, the static offset folded into
;; the address (guard pages catch what is out of bounds).
(module (memory 1) (func (export "f") (param i32) (result i64)
  (i64.load offset=8 (local.get 0))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rbx,[r14+rsi+8]
;;   0013  mov rax,rbx
;;   0016  mov rsp,rbp
;;   0019  pop rbp
;;   001a  ret
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+24h
;;   0014  mov rbx,[r14+rsi+8]
;;   001c  mov rax,rbx
;;   001f  mov rsp,rbp
;;   0022  pop rbp
;;   0023  ret
;;   0024  mov rax,r12
;;   0027  bt rax,3Dh
;;   002c  jb func[0]+7Ch
;;   0032  shl rax,2
;;   0036  shr rax,2
;;   003a  cmp rsp,rax
;;   003d  jb func[0]+98h
;;   0043  mov rax,[r15+48h]
;;   004a  bt r12,3Eh
;;   004f  jae func[0]+6Bh
;;   0055  shl r12,2
;;   0059  shr r12,2
;;   005d  test rax,rax
;;   0060  je func[0]+14h
;;   0066  bts r12,3Fh
;;   006b  cmp rax,1
;;   0071  ja func[0]+0A8h
;;   0077  jmp func[0]+14h
;;   007c  mov rax,rsp
;;   007f  mov rsp,rbp
;;   0082  call stubs+218h
;;   0087  mov rsp,rax
;;   008a  test r12,r12
;;   008d  je func[0]+0A0h
;;   0093  jmp func[0]+24h
;;   0098  mov rsp,rbp
;;   009b  call stubs+55h
;;   00a0  mov rsp,rbp
;;   00a3  call stubs+87h
;;   00a8  jmp qword ptr [1000h]
;;   00ae  call stubs+578h
;;   00b3  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+0A2h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+0D9h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0E8h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+0F7h
;;   005a  mov edx,[rbp+10h]
;;   0061  lea rax,[rdx+10h]
;;   0069  cmp rax,[r15+50h]
;;   0070  ja func[0].instrumented+15Bh
;;   0076  mov rbx,[r14+rdx+8]
;;   007e  test byte ptr [r13],8
;;   0086  jne func[0].instrumented+106h
;;   008c  test byte ptr [r13],10h
;;   0094  jne func[0].instrumented+115h
;;   009a  mov rax,rbx
;;   009d  mov rsp,rbp
;;   00a0  pop rbp
;;   00a1  ret
;;   00a2  bt r12,3Dh
;;   00a7  jae func[0].instrumented+0C9h
;;   00ad  mov rax,rsp
;;   00b0  mov rsp,rbp
;;   00b3  call stubs+20Ah
;;   00b8  mov rsp,rax
;;   00bb  test r12,r12
;;   00be  je func[0].instrumented+0D1h
;;   00c4  jmp func[0].instrumented+0Bh
;;   00c9  mov rsp,rbp
;;   00cc  call stubs+55h
;;   00d1  mov rsp,rbp
;;   00d4  call stubs+87h
;;   00d9  mov eax,0
;;   00de  call func[0].instrumented+124h
;;   00e3  jmp func[0].instrumented+3Eh
;;   00e8  mov eax,1
;;   00ed  call func[0].instrumented+124h
;;   00f2  jmp func[0].instrumented+4Ch
;;   00f7  mov eax,2
;;   00fc  call func[0].instrumented+124h
;;   0101  jmp func[0].instrumented+5Ah
;;   0106  mov eax,3
;;   010b  call func[0].instrumented+124h
;;   0110  jmp func[0].instrumented+8Ch
;;   0115  mov eax,4
;;   011a  call func[0].instrumented+124h
;;   011f  jmp func[0].instrumented+9Ah
;;   0124  sub rsp,8
;;   0128  mov rdx,0
;;   0132  or rax,rdx
;;   0135  push rax
;;   0136  call stubs+56Ah
;;   013b  add rsp,8
;;   013f  mov r13,[r15+48h]
;;   0146  cmp r13,1
;;   014d  ja func[0].instrumented+15Ah
;;   0153  lea r13,[stubs+7E2h]
;;   015a  ret
;;   015b  sub rax,8
;;   0161  cmp rax,[r15+58h]
;;   0168  jae func[0].instrumented+76h
;;   016e  sub rsp,8
;;   0172  mov dword ptr [rsp],0
;;   0179  mov dword ptr [rsp+4],80000008h
;;   0181  call stubs+56Ah
;;   0186  mov r13,[r15+48h]
;;   018d  cmp r13,1
;;   0194  ja func[0].instrumented+1A1h
;;   019a  lea r13,[stubs+7E2h]
;;   01a1  jmp func[0].instrumented+76h
