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
;;   002b  mov rax,r12
;;   002e  bt rax,3Dh
;;   0033  jb func[0]+83h
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
;;   0089  call stubs+1D2h
;;   008e  mov rsp,rax
;;   0091  jmp func[0]+2Bh
;;   0096  mov rsp,rbp
;;   0099  call stubs+55h
;;   009e  jmp qword ptr [1000h]
;;   00a4  call stubs+532h
;;   00a9  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+8Dh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+0B3h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0C2h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+0D1h
;;   005a  mov edx,[rbp+10h]
;;   0061  mov rbx,[r14+rdx+8]
;;   0069  test byte ptr [r13],8
;;   0071  jne func[0].instrumented+0E0h
;;   0077  test byte ptr [r13],10h
;;   007f  jne func[0].instrumented+0EFh
;;   0085  mov rax,rbx
;;   0088  mov rsp,rbp
;;   008b  pop rbp
;;   008c  ret
;;   008d  bt r12,3Dh
;;   0092  jae func[0].instrumented+0ABh
;;   0098  mov rax,rsp
;;   009b  mov rsp,rbp
;;   009e  call stubs+1DBh
;;   00a3  mov rsp,rax
;;   00a6  jmp func[0].instrumented+0Bh
;;   00ab  mov rsp,rbp
;;   00ae  call stubs+55h
;;   00b3  mov eax,0
;;   00b8  call func[0].instrumented+0FEh
;;   00bd  jmp func[0].instrumented+3Eh
;;   00c2  mov eax,1
;;   00c7  call func[0].instrumented+0FEh
;;   00cc  jmp func[0].instrumented+4Ch
;;   00d1  mov eax,2
;;   00d6  call func[0].instrumented+0FEh
;;   00db  jmp func[0].instrumented+5Ah
;;   00e0  mov eax,3
;;   00e5  call func[0].instrumented+0FEh
;;   00ea  jmp func[0].instrumented+77h
;;   00ef  mov eax,4
;;   00f4  call func[0].instrumented+0FEh
;;   00f9  jmp func[0].instrumented+85h
;;   00fe  sub rsp,8
;;   0102  mov rdx,0
;;   010c  or rax,rdx
;;   010f  push rax
;;   0110  call stubs+53Bh
;;   0115  add rsp,8
;;   0119  mov r13,[r15+48h]
;;   0120  cmp r13,1
;;   0127  ja func[0].instrumented+134h
;;   012d  lea r13,[stubs+7B3h]
;;   0134  ret
