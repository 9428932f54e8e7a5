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
;;   000b  cmp qword ptr [r15+48h],0
;;   0010  jne func[0]+33h
;;   0016  mov ebx,[rbp+10h]
;;   001d  add ebx,[rbp+18h]
;;   0024  add ebx,5
;;   002b  mov eax,ebx
;;   002e  mov rsp,rbp
;;   0031  pop rbp
;;   0032  ret
;;   0033  call stubs+533h
;;   0038  jmp func[0]+16h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+9Dh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+0B1h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+0C5h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+0D9h
;;   0048  mov ebx,[rbp+10h]
;;   004f  add ebx,[rbp+18h]
;;   0056  test byte ptr [r13],10h
;;   005e  jne func[0].instrumented+0EDh
;;   0064  test byte ptr [r13],20h
;;   006c  jne func[0].instrumented+101h
;;   0072  add ebx,5
;;   0079  test byte ptr [r13],40h
;;   0081  jne func[0].instrumented+115h
;;   0087  test byte ptr [r13],80h
;;   008f  jne func[0].instrumented+129h
;;   0095  mov eax,ebx
;;   0098  mov rsp,rbp
;;   009b  pop rbp
;;   009c  ret
;;   009d  mov rax,0
;;   00a7  call func[0].instrumented+13Dh
;;   00ac  jmp func[0].instrumented+1Eh
;;   00b1  mov rax,1
;;   00bb  call func[0].instrumented+13Dh
;;   00c0  jmp func[0].instrumented+2Ch
;;   00c5  mov rax,2
;;   00cf  call func[0].instrumented+13Dh
;;   00d4  jmp func[0].instrumented+3Ah
;;   00d9  mov rax,3
;;   00e3  call func[0].instrumented+13Dh
;;   00e8  jmp func[0].instrumented+48h
;;   00ed  mov rax,4
;;   00f7  call func[0].instrumented+13Dh
;;   00fc  jmp func[0].instrumented+64h
;;   0101  mov rax,5
;;   010b  call func[0].instrumented+13Dh
;;   0110  jmp func[0].instrumented+72h
;;   0115  mov rax,6
;;   011f  call func[0].instrumented+13Dh
;;   0124  jmp func[0].instrumented+87h
;;   0129  mov rax,7
;;   0133  call func[0].instrumented+13Dh
;;   0138  jmp func[0].instrumented+95h
;;   013d  sub rsp,8
;;   0141  push rax
;;   0142  call stubs+53Dh
;;   0147  add rsp,8
;;   014b  mov r13,[r15+48h]
;;   0152  test r13,r13
;;   0155  jne func[0].instrumented+162h
;;   015b  lea r13,[stubs+7B5h]
;;   0162  ret
