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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+0C0h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+0E6h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+0FAh
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+10Eh
;;   005d  test byte ptr [r13],8
;;   0065  jne func[0].instrumented+122h
;;   006b  mov ebx,[rbp+10h]
;;   0072  add ebx,[rbp+18h]
;;   0079  test byte ptr [r13],10h
;;   0081  jne func[0].instrumented+136h
;;   0087  test byte ptr [r13],20h
;;   008f  jne func[0].instrumented+14Ah
;;   0095  add ebx,5
;;   009c  test byte ptr [r13],40h
;;   00a4  jne func[0].instrumented+15Eh
;;   00aa  test byte ptr [r13],80h
;;   00b2  jne func[0].instrumented+172h
;;   00b8  mov eax,ebx
;;   00bb  mov rsp,rbp
;;   00be  pop rbp
;;   00bf  ret
;;   00c0  bt r12,3Dh
;;   00c5  jae func[0].instrumented+0DEh
;;   00cb  mov rax,rsp
;;   00ce  mov rsp,rbp
;;   00d1  call stubs+1D0h
;;   00d6  mov rsp,rax
;;   00d9  jmp func[0].instrumented+0Bh
;;   00de  mov rsp,rbp
;;   00e1  call stubs+55h
;;   00e6  mov rax,0
;;   00f0  call func[0].instrumented+186h
;;   00f5  jmp func[0].instrumented+41h
;;   00fa  mov rax,1
;;   0104  call func[0].instrumented+186h
;;   0109  jmp func[0].instrumented+4Fh
;;   010e  mov rax,2
;;   0118  call func[0].instrumented+186h
;;   011d  jmp func[0].instrumented+5Dh
;;   0122  mov rax,3
;;   012c  call func[0].instrumented+186h
;;   0131  jmp func[0].instrumented+6Bh
;;   0136  mov rax,4
;;   0140  call func[0].instrumented+186h
;;   0145  jmp func[0].instrumented+87h
;;   014a  mov rax,5
;;   0154  call func[0].instrumented+186h
;;   0159  jmp func[0].instrumented+95h
;;   015e  mov rax,6
;;   0168  call func[0].instrumented+186h
;;   016d  jmp func[0].instrumented+0AAh
;;   0172  mov rax,7
;;   017c  call func[0].instrumented+186h
;;   0181  jmp func[0].instrumented+0B8h
;;   0186  sub rsp,8
;;   018a  push rax
;;   018b  call stubs+530h
;;   0190  add rsp,8
;;   0194  mov r13,[r15+48h]
;;   019b  cmp r13,1
;;   01a2  ja func[0].instrumented+1AFh
;;   01a8  lea r13,[stubs+7A8h]
;;   01af  ret
