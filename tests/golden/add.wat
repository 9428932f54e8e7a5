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
;;   000e  jb func[0]+2Dh
;;   0014  mov ebx,esi
;;   0017  add ebx,[rbp+18h]
;;   001e  add ebx,5
;;   0025  mov eax,ebx
;;   0028  mov rsp,rbp
;;   002b  pop rbp
;;   002c  ret
;;   002d  mov rax,r12
;;   0030  bt rax,3Dh
;;   0035  jb func[0]+85h
;;   003b  shl rax,2
;;   003f  shr rax,2
;;   0043  cmp rsp,rax
;;   0046  jb func[0]+0A1h
;;   004c  mov rax,[r15+48h]
;;   0053  bt r12,3Eh
;;   0058  jae func[0]+74h
;;   005e  shl r12,2
;;   0062  shr r12,2
;;   0066  test rax,rax
;;   0069  je func[0]+14h
;;   006f  bts r12,3Fh
;;   0074  cmp rax,1
;;   007a  ja func[0]+0B1h
;;   0080  jmp func[0]+14h
;;   0085  mov rax,rsp
;;   0088  mov rsp,rbp
;;   008b  call stubs+20Fh
;;   0090  mov rsp,rax
;;   0093  test r12,r12
;;   0096  je func[0]+0A9h
;;   009c  jmp func[0]+2Dh
;;   00a1  mov rsp,rbp
;;   00a4  call stubs+55h
;;   00a9  mov rsp,rbp
;;   00ac  call stubs+87h
;;   00b1  jmp qword ptr [1000h]
;;   00b7  call stubs+56Fh
;;   00bc  jmp func[0]+14h
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
;;   0038  jne func[0].instrumented+0F4h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+103h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+112h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+121h
;;   0068  mov ebx,[rbp+10h]
;;   006f  add ebx,[rbp+18h]
;;   0076  test byte ptr [r13],10h
;;   007e  jne func[0].instrumented+130h
;;   0084  test byte ptr [r13],20h
;;   008c  jne func[0].instrumented+13Fh
;;   0092  add ebx,5
;;   0099  test byte ptr [r13],40h
;;   00a1  jne func[0].instrumented+14Eh
;;   00a7  test byte ptr [r13],80h
;;   00af  jne func[0].instrumented+15Dh
;;   00b5  mov eax,ebx
;;   00b8  mov rsp,rbp
;;   00bb  pop rbp
;;   00bc  ret
;;   00bd  bt r12,3Dh
;;   00c2  jae func[0].instrumented+0E4h
;;   00c8  mov rax,rsp
;;   00cb  mov rsp,rbp
;;   00ce  call stubs+20Dh
;;   00d3  mov rsp,rax
;;   00d6  test r12,r12
;;   00d9  je func[0].instrumented+0ECh
;;   00df  jmp func[0].instrumented+0Bh
;;   00e4  mov rsp,rbp
;;   00e7  call stubs+55h
;;   00ec  mov rsp,rbp
;;   00ef  call stubs+87h
;;   00f4  mov eax,0
;;   00f9  call func[0].instrumented+16Ch
;;   00fe  jmp func[0].instrumented+3Eh
;;   0103  mov eax,1
;;   0108  call func[0].instrumented+16Ch
;;   010d  jmp func[0].instrumented+4Ch
;;   0112  mov eax,2
;;   0117  call func[0].instrumented+16Ch
;;   011c  jmp func[0].instrumented+5Ah
;;   0121  mov eax,3
;;   0126  call func[0].instrumented+16Ch
;;   012b  jmp func[0].instrumented+68h
;;   0130  mov eax,4
;;   0135  call func[0].instrumented+16Ch
;;   013a  jmp func[0].instrumented+84h
;;   013f  mov eax,5
;;   0144  call func[0].instrumented+16Ch
;;   0149  jmp func[0].instrumented+92h
;;   014e  mov eax,6
;;   0153  call func[0].instrumented+16Ch
;;   0158  jmp func[0].instrumented+0A7h
;;   015d  mov eax,7
;;   0162  call func[0].instrumented+16Ch
;;   0167  jmp func[0].instrumented+0B5h
;;   016c  sub rsp,8
;;   0170  mov rdx,0
;;   017a  or rax,rdx
;;   017d  push rax
;;   017e  call stubs+56Dh
;;   0183  add rsp,8
;;   0187  mov r13,[r15+48h]
;;   018e  cmp r13,1
;;   0195  ja func[0].instrumented+1A2h
;;   019b  lea r13,[stubs+7E5h]
;;   01a2  ret
