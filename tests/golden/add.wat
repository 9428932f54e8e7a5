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
;;   0010  jne func[0].instrumented
;;   0016  mov ebx,[rbp+10h]
;;   001d  add ebx,[rbp+18h]
;;   0024  add ebx,5
;;   002b  mov eax,ebx
;;   002e  mov rsp,rbp
;;   0031  pop rbp
;;   0032  ret
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+9Dh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+0ACh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+0BBh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+0CAh
;;   0048  mov ebx,[rbp+10h]
;;   004f  add ebx,[rbp+18h]
;;   0056  test byte ptr [r13],10h
;;   005e  jne func[0].instrumented+0D9h
;;   0064  test byte ptr [r13],20h
;;   006c  jne func[0].instrumented+0E8h
;;   0072  add ebx,5
;;   0079  test byte ptr [r13],40h
;;   0081  jne func[0].instrumented+0F7h
;;   0087  test byte ptr [r13],80h
;;   008f  jne func[0].instrumented+106h
;;   0095  mov eax,ebx
;;   0098  mov rsp,rbp
;;   009b  pop rbp
;;   009c  ret
;;   009d  mov eax,0
;;   00a2  call func[0].instrumented+115h
;;   00a7  jmp func[0].instrumented+1Eh
;;   00ac  mov eax,1
;;   00b1  call func[0].instrumented+115h
;;   00b6  jmp func[0].instrumented+2Ch
;;   00bb  mov eax,2
;;   00c0  call func[0].instrumented+115h
;;   00c5  jmp func[0].instrumented+3Ah
;;   00ca  mov eax,3
;;   00cf  call func[0].instrumented+115h
;;   00d4  jmp func[0].instrumented+48h
;;   00d9  mov eax,4
;;   00de  call func[0].instrumented+115h
;;   00e3  jmp func[0].instrumented+64h
;;   00e8  mov eax,5
;;   00ed  call func[0].instrumented+115h
;;   00f2  jmp func[0].instrumented+72h
;;   00f7  mov eax,6
;;   00fc  call func[0].instrumented+115h
;;   0101  jmp func[0].instrumented+87h
;;   0106  mov eax,7
;;   010b  call func[0].instrumented+115h
;;   0110  jmp func[0].instrumented+95h
;;   0115  sub rsp,8
;;   0119  push rax
;;   011a  call stubs+532h
;;   011f  add rsp,8
;;   0123  mov r13,[r15+48h]
;;   012a  test r13,r13
;;   012d  jne func[0].instrumented+13Ah
;;   0133  lea r13,[stubs+7AAh]
;;   013a  ret
