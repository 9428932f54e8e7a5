;; Arithmetic on registers and immediates: a pinned parameter, a stack parameter, and a
;; constant folded into the instruction.
(module (func (export "f") (param i32 i32) (result i32)
  local.get 0 local.get 1 i32.add i32.const 5 i32.add))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov ebx,esi
;;   000e  add ebx,[rbp+18h]
;;   0015  add ebx,5
;;   001c  mov eax,ebx
;;   001f  mov rsp,rbp
;;   0022  pop rbp
;;   0023  ret
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+31h
;;   0014  mov ebx,[rbp+10h]
;;   001b  add ebx,[rbp+18h]
;;   0022  add ebx,5
;;   0029  mov eax,ebx
;;   002c  mov rsp,rbp
;;   002f  pop rbp
;;   0030  ret
;;   0031  mov rax,r12
;;   0034  bt rax,3Dh
;;   0039  jb func[0]+89h
;;   003f  shl rax,2
;;   0043  shr rax,2
;;   0047  cmp rsp,rax
;;   004a  jb func[0]+9Ch
;;   0050  mov rax,[r15+48h]
;;   0057  bt r12,3Eh
;;   005c  jae func[0]+78h
;;   0062  shl r12,2
;;   0066  shr r12,2
;;   006a  test rax,rax
;;   006d  je func[0]+14h
;;   0073  bts r12,3Fh
;;   0078  cmp rax,1
;;   007e  ja func[0]+0A4h
;;   0084  jmp func[0]+14h
;;   0089  mov rax,rsp
;;   008c  mov rsp,rbp
;;   008f  call stubs+1DCh
;;   0094  mov rsp,rax
;;   0097  jmp func[0]+31h
;;   009c  mov rsp,rbp
;;   009f  call stubs+55h
;;   00a4  jmp qword ptr [1000h]
;;   00aa  call stubs+53Ch
;;   00af  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+0BDh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+0E3h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0F2h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+101h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+110h
;;   0068  mov ebx,[rbp+10h]
;;   006f  add ebx,[rbp+18h]
;;   0076  test byte ptr [r13],10h
;;   007e  jne func[0].instrumented+11Fh
;;   0084  test byte ptr [r13],20h
;;   008c  jne func[0].instrumented+12Eh
;;   0092  add ebx,5
;;   0099  test byte ptr [r13],40h
;;   00a1  jne func[0].instrumented+13Dh
;;   00a7  test byte ptr [r13],80h
;;   00af  jne func[0].instrumented+14Ch
;;   00b5  mov eax,ebx
;;   00b8  mov rsp,rbp
;;   00bb  pop rbp
;;   00bc  ret
;;   00bd  bt r12,3Dh
;;   00c2  jae func[0].instrumented+0DBh
;;   00c8  mov rax,rsp
;;   00cb  mov rsp,rbp
;;   00ce  call stubs+1CEh
;;   00d3  mov rsp,rax
;;   00d6  jmp func[0].instrumented+0Bh
;;   00db  mov rsp,rbp
;;   00de  call stubs+55h
;;   00e3  mov eax,0
;;   00e8  call func[0].instrumented+15Bh
;;   00ed  jmp func[0].instrumented+3Eh
;;   00f2  mov eax,1
;;   00f7  call func[0].instrumented+15Bh
;;   00fc  jmp func[0].instrumented+4Ch
;;   0101  mov eax,2
;;   0106  call func[0].instrumented+15Bh
;;   010b  jmp func[0].instrumented+5Ah
;;   0110  mov eax,3
;;   0115  call func[0].instrumented+15Bh
;;   011a  jmp func[0].instrumented+68h
;;   011f  mov eax,4
;;   0124  call func[0].instrumented+15Bh
;;   0129  jmp func[0].instrumented+84h
;;   012e  mov eax,5
;;   0133  call func[0].instrumented+15Bh
;;   0138  jmp func[0].instrumented+92h
;;   013d  mov eax,6
;;   0142  call func[0].instrumented+15Bh
;;   0147  jmp func[0].instrumented+0A7h
;;   014c  mov eax,7
;;   0151  call func[0].instrumented+15Bh
;;   0156  jmp func[0].instrumented+0B5h
;;   015b  sub rsp,8
;;   015f  mov rdx,0
;;   0169  or rax,rdx
;;   016c  push rax
;;   016d  call stubs+52Eh
;;   0172  add rsp,8
;;   0176  mov r13,[r15+48h]
;;   017d  cmp r13,1
;;   0184  ja func[0].instrumented+191h
;;   018a  lea r13,[stubs+7A6h]
;;   0191  ret
