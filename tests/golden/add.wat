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
;;   0031  bt r12,3Dh
;;   0036  jb func[0]+89h
;;   003c  mov rax,r12
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
;;   008f  call stubs+1CEh
;;   0094  mov rsp,rax
;;   0097  jmp func[0]+31h
;;   009c  mov rsp,rbp
;;   009f  call stubs+55h
;;   00a4  cmp qword ptr [1000h],0
;;   00ac  je func[0]+0B8h
;;   00b2  jmp qword ptr [1000h]
;;   00b8  call stubs+52Eh
;;   00bd  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+0A1h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+0B5h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+0C9h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[0].instrumented+0DDh
;;   004c  mov ebx,[rbp+10h]
;;   0053  add ebx,[rbp+18h]
;;   005a  test byte ptr [r13],10h
;;   0062  jne func[0].instrumented+0F1h
;;   0068  test byte ptr [r13],20h
;;   0070  jne func[0].instrumented+105h
;;   0076  add ebx,5
;;   007d  test byte ptr [r13],40h
;;   0085  jne func[0].instrumented+119h
;;   008b  test byte ptr [r13],80h
;;   0093  jne func[0].instrumented+12Dh
;;   0099  mov eax,ebx
;;   009c  mov rsp,rbp
;;   009f  pop rbp
;;   00a0  ret
;;   00a1  mov rax,0
;;   00ab  call func[0].instrumented+141h
;;   00b0  jmp func[0].instrumented+22h
;;   00b5  mov rax,1
;;   00bf  call func[0].instrumented+141h
;;   00c4  jmp func[0].instrumented+30h
;;   00c9  mov rax,2
;;   00d3  call func[0].instrumented+141h
;;   00d8  jmp func[0].instrumented+3Eh
;;   00dd  mov rax,3
;;   00e7  call func[0].instrumented+141h
;;   00ec  jmp func[0].instrumented+4Ch
;;   00f1  mov rax,4
;;   00fb  call func[0].instrumented+141h
;;   0100  jmp func[0].instrumented+68h
;;   0105  mov rax,5
;;   010f  call func[0].instrumented+141h
;;   0114  jmp func[0].instrumented+76h
;;   0119  mov rax,6
;;   0123  call func[0].instrumented+141h
;;   0128  jmp func[0].instrumented+8Bh
;;   012d  mov rax,7
;;   0137  call func[0].instrumented+141h
;;   013c  jmp func[0].instrumented+99h
;;   0141  sub rsp,8
;;   0145  push rax
;;   0146  call stubs+535h
;;   014b  add rsp,8
;;   014f  mov r13,[r15+48h]
;;   0156  cmp r13,1
;;   015d  ja func[0].instrumented+16Ah
;;   0163  lea r13,[stubs+7ADh]
;;   016a  ret
