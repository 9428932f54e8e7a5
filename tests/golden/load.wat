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
;;   000e  jb func[0]+2Bh
;;   0014  mov edx,[rbp+10h]
;;   001b  mov rbx,[r14+rdx+8]
;;   0023  mov rax,rbx
;;   0026  mov rsp,rbp
;;   0029  pop rbp
;;   002a  ret
;;   002b  bt r12,3Dh
;;   0030  jb func[0]+83h
;;   0036  mov rax,r12
;;   0039  shl rax,2
;;   003d  shr rax,2
;;   0041  cmp rsp,rax
;;   0044  jb func[0]+96h
;;   004a  mov rax,[r15+48h]
;;   0051  bt r12,3Eh
;;   0056  jae func[0]+72h
;;   005c  shl r12,2
;;   0060  shr r12,2
;;   0064  test rax,rax
;;   0067  je func[0]+14h
;;   006d  bts r12,3Fh
;;   0072  cmp rax,1
;;   0078  ja func[0]+9Eh
;;   007e  jmp func[0]+14h
;;   0083  mov rax,rsp
;;   0086  mov rsp,rbp
;;   0089  call stubs+1D4h
;;   008e  mov rsp,rax
;;   0091  jmp func[0]+2Bh
;;   0096  mov rsp,rbp
;;   0099  call stubs+55h
;;   009e  cmp qword ptr [1000h],0
;;   00a6  je func[0]+0B2h
;;   00ac  jmp qword ptr [1000h]
;;   00b2  call stubs+534h
;;   00b7  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+90h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+0B6h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+0CAh
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+0DEh
;;   005d  mov edx,[rbp+10h]
;;   0064  mov rbx,[r14+rdx+8]
;;   006c  test byte ptr [r13],8
;;   0074  jne func[0].instrumented+0F2h
;;   007a  test byte ptr [r13],10h
;;   0082  jne func[0].instrumented+106h
;;   0088  mov rax,rbx
;;   008b  mov rsp,rbp
;;   008e  pop rbp
;;   008f  ret
;;   0090  bt r12,3Dh
;;   0095  jae func[0].instrumented+0AEh
;;   009b  mov rax,rsp
;;   009e  mov rsp,rbp
;;   00a1  call stubs+1DCh
;;   00a6  mov rsp,rax
;;   00a9  jmp func[0].instrumented+0Bh
;;   00ae  mov rsp,rbp
;;   00b1  call stubs+55h
;;   00b6  mov rax,0
;;   00c0  call func[0].instrumented+11Ah
;;   00c5  jmp func[0].instrumented+41h
;;   00ca  mov rax,1
;;   00d4  call func[0].instrumented+11Ah
;;   00d9  jmp func[0].instrumented+4Fh
;;   00de  mov rax,2
;;   00e8  call func[0].instrumented+11Ah
;;   00ed  jmp func[0].instrumented+5Dh
;;   00f2  mov rax,3
;;   00fc  call func[0].instrumented+11Ah
;;   0101  jmp func[0].instrumented+7Ah
;;   0106  mov rax,4
;;   0110  call func[0].instrumented+11Ah
;;   0115  jmp func[0].instrumented+88h
;;   011a  sub rsp,8
;;   011e  push rax
;;   011f  call stubs+53Ch
;;   0124  add rsp,8
;;   0128  mov r13,[r15+48h]
;;   012f  cmp r13,1
;;   0136  ja func[0].instrumented+143h
;;   013c  lea r13,[stubs+7B4h]
;;   0143  ret
