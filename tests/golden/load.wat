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
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+71h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+85h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+99h
;;   003e  mov edx,[rbp+10h]
;;   0045  mov rbx,[r14+rdx+8]
;;   004d  test byte ptr [r13],8
;;   0055  jne func[0].instrumented+0ADh
;;   005b  test byte ptr [r13],10h
;;   0063  jne func[0].instrumented+0C1h
;;   0069  mov rax,rbx
;;   006c  mov rsp,rbp
;;   006f  pop rbp
;;   0070  ret
;;   0071  mov rax,0
;;   007b  call func[0].instrumented+0D5h
;;   0080  jmp func[0].instrumented+22h
;;   0085  mov rax,1
;;   008f  call func[0].instrumented+0D5h
;;   0094  jmp func[0].instrumented+30h
;;   0099  mov rax,2
;;   00a3  call func[0].instrumented+0D5h
;;   00a8  jmp func[0].instrumented+3Eh
;;   00ad  mov rax,3
;;   00b7  call func[0].instrumented+0D5h
;;   00bc  jmp func[0].instrumented+5Bh
;;   00c1  mov rax,4
;;   00cb  call func[0].instrumented+0D5h
;;   00d0  jmp func[0].instrumented+69h
;;   00d5  sub rsp,8
;;   00d9  push rax
;;   00da  call stubs+531h
;;   00df  add rsp,8
;;   00e3  mov r13,[r15+48h]
;;   00ea  cmp r13,1
;;   00f1  ja func[0].instrumented+0FEh
;;   00f7  lea r13,[stubs+7A9h]
;;   00fe  ret
