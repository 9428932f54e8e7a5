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
;;   0044  jb func[0]+9Fh
;;   004a  mov rax,[r15+48h]
;;   0051  bt r12,3Eh
;;   0056  jae func[0]+72h
;;   005c  shl r12,2
;;   0060  shr r12,2
;;   0064  test rax,rax
;;   0067  je func[0]+14h
;;   006d  bts r12,3Fh
;;   0072  cmp rax,1
;;   0078  ja func[0]+0AFh
;;   007e  jmp func[0]+14h
;;   0083  mov rax,rsp
;;   0086  mov rsp,rbp
;;   0089  call stubs+1F1h
;;   008e  mov rsp,rax
;;   0091  test r12,r12
;;   0094  je func[0]+0A7h
;;   009a  jmp func[0]+2Bh
;;   009f  mov rsp,rbp
;;   00a2  call stubs+55h
;;   00a7  mov rsp,rbp
;;   00aa  call stubs+87h
;;   00af  jmp qword ptr [1000h]
;;   00b5  call stubs+551h
;;   00ba  jmp func[0]+14h
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
;;   0038  jne func[0].instrumented+0C4h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0D3h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+0E2h
;;   005a  mov edx,[rbp+10h]
;;   0061  mov rbx,[r14+rdx+8]
;;   0069  test byte ptr [r13],8
;;   0071  jne func[0].instrumented+0F1h
;;   0077  test byte ptr [r13],10h
;;   007f  jne func[0].instrumented+100h
;;   0085  mov rax,rbx
;;   0088  mov rsp,rbp
;;   008b  pop rbp
;;   008c  ret
;;   008d  bt r12,3Dh
;;   0092  jae func[0].instrumented+0B4h
;;   0098  mov rax,rsp
;;   009b  mov rsp,rbp
;;   009e  call stubs+1EAh
;;   00a3  mov rsp,rax
;;   00a6  test r12,r12
;;   00a9  je func[0].instrumented+0BCh
;;   00af  jmp func[0].instrumented+0Bh
;;   00b4  mov rsp,rbp
;;   00b7  call stubs+55h
;;   00bc  mov rsp,rbp
;;   00bf  call stubs+87h
;;   00c4  mov eax,0
;;   00c9  call func[0].instrumented+10Fh
;;   00ce  jmp func[0].instrumented+3Eh
;;   00d3  mov eax,1
;;   00d8  call func[0].instrumented+10Fh
;;   00dd  jmp func[0].instrumented+4Ch
;;   00e2  mov eax,2
;;   00e7  call func[0].instrumented+10Fh
;;   00ec  jmp func[0].instrumented+5Ah
;;   00f1  mov eax,3
;;   00f6  call func[0].instrumented+10Fh
;;   00fb  jmp func[0].instrumented+77h
;;   0100  mov eax,4
;;   0105  call func[0].instrumented+10Fh
;;   010a  jmp func[0].instrumented+85h
;;   010f  sub rsp,8
;;   0113  mov rdx,0
;;   011d  or rax,rdx
;;   0120  push rax
;;   0121  call stubs+54Ah
;;   0126  add rsp,8
;;   012a  mov r13,[r15+48h]
;;   0131  cmp r13,1
;;   0138  ja func[0].instrumented+145h
;;   013e  lea r13,[stubs+7C2h]
;;   0145  ret
