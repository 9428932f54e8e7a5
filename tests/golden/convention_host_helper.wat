;; Register convention, bug 3: memory.grow calls into the host through the host-helper
;; stub, which saves every callee-saved register, so the caller's pinned locals (and its
;; callers') survive the SysV call.
(module (memory 1)
  (func (export "grow") (param $n i32) (param $y f64) (result f64)
    (drop (memory.grow (local.get $n)))
    (f64.add (local.get $y) (f64.convert_i32_s (local.get $n)))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+55h
;;   0014  mov esi,[rbp+10h]
;;   001b  mov rdi,r15
;;   001e  mov eax,8
;;   0023  call stubs+46Bh
;;   0028  mov ebx,eax
;;   002b  mov ecx,[rbp+10h]
;;   0032  movsxd rcx,ecx
;;   0035  xorps xmm0,xmm0
;;   0039  cvtsi2sd xmm0,rcx
;;   003e  movsd xmm1,[rbp+18h]
;;   0047  addsd xmm1,xmm0
;;   004c  movaps xmm0,xmm1
;;   0050  mov rsp,rbp
;;   0053  pop rbp
;;   0054  ret
;;   0055  mov rax,rsp
;;   0058  mov rsp,rbp
;;   005b  call stubs+20Bh
;;   0060  mov rsp,rax
;;   0063  test r12,r12
;;   0066  je func[0]+8Dh
;;   006c  cmp rsp,r12
;;   006f  jae func[0]+14h
;;   0075  bt r12,3Dh
;;   007a  jb func[0]+55h
;;   0080  jmp func[0]+85h
;;   0085  mov rsp,rbp
;;   0088  call stubs+55h
;;   008d  mov rsp,rbp
;;   0090  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+60h
;;   0014  mov esi,[rbp+10h]
;;   001b  mov rdi,r15
;;   001e  mov eax,8
;;   0023  call stubs+46Ch
;;   0028  cmp qword ptr [r15+48h],1
;;   002d  ja func[0]+0F4h
;;   0033  mov ebx,eax
;;   0036  mov ecx,[rbp+10h]
;;   003d  movsxd rcx,ecx
;;   0040  xorps xmm0,xmm0
;;   0044  cvtsi2sd xmm0,rcx
;;   0049  movsd xmm1,[rbp+18h]
;;   0052  addsd xmm1,xmm0
;;   0057  movaps xmm0,xmm1
;;   005b  mov rsp,rbp
;;   005e  pop rbp
;;   005f  ret
;;   0060  mov rax,r12
;;   0063  bt rax,3Dh
;;   0068  jb func[0]+0B8h
;;   006e  shl rax,2
;;   0072  shr rax,2
;;   0076  cmp rsp,rax
;;   0079  jb func[0]+0D4h
;;   007f  mov rax,[r15+48h]
;;   0086  bt r12,3Eh
;;   008b  jae func[0]+0A7h
;;   0091  shl r12,2
;;   0095  shr r12,2
;;   0099  test rax,rax
;;   009c  je func[0]+14h
;;   00a2  bts r12,3Fh
;;   00a7  cmp rax,1
;;   00ad  ja func[0]+0E4h
;;   00b3  jmp func[0]+14h
;;   00b8  mov rax,rsp
;;   00bb  mov rsp,rbp
;;   00be  call stubs+20Ch
;;   00c3  mov rsp,rax
;;   00c6  test r12,r12
;;   00c9  je func[0]+0DCh
;;   00cf  jmp func[0]+60h
;;   00d4  mov rsp,rbp
;;   00d7  call stubs+55h
;;   00dc  mov rsp,rbp
;;   00df  call stubs+87h
;;   00e4  jmp qword ptr [1000h]
;;   00ea  call stubs+56Ch
;;   00ef  jmp func[0]+14h
;;   00f4  jmp qword ptr [1008h]
;;   00fa  call stubs+56Ch
;;   00ff  jmp func[0]+33h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+111h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+148h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+157h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+166h
;;   005a  mov esi,[rbp+10h]
;;   0061  mov rdi,r15
;;   0064  mov eax,8
;;   0069  call stubs+46Bh
;;   006e  mov r13,[r15+48h]
;;   0075  cmp r13,1
;;   007c  jbe func[0]+33h
;;   0082  mov ebx,eax
;;   0085  test byte ptr [r13],8
;;   008d  jne func[0].instrumented+175h
;;   0093  test byte ptr [r13],10h
;;   009b  jne func[0].instrumented+184h
;;   00a1  test byte ptr [r13],20h
;;   00a9  jne func[0].instrumented+193h
;;   00af  test byte ptr [r13],40h
;;   00b7  jne func[0].instrumented+1A2h
;;   00bd  mov ecx,[rbp+10h]
;;   00c4  movsxd rcx,ecx
;;   00c7  xorps xmm0,xmm0
;;   00cb  cvtsi2sd xmm0,rcx
;;   00d0  test byte ptr [r13],80h
;;   00d8  jne func[0].instrumented+1B1h
;;   00de  movsd xmm1,[rbp+18h]
;;   00e7  addsd xmm1,xmm0
;;   00ec  test byte ptr [r13+1],1
;;   00f4  jne func[0].instrumented+1C0h
;;   00fa  test byte ptr [r13+1],2
;;   0102  jne func[0].instrumented+1CFh
;;   0108  movaps xmm0,xmm1
;;   010c  mov rsp,rbp
;;   010f  pop rbp
;;   0110  ret
;;   0111  bt r12,3Dh
;;   0116  jae func[0].instrumented+138h
;;   011c  mov rax,rsp
;;   011f  mov rsp,rbp
;;   0122  call stubs+20Bh
;;   0127  mov rsp,rax
;;   012a  test r12,r12
;;   012d  je func[0].instrumented+140h
;;   0133  jmp func[0].instrumented+0Bh
;;   0138  mov rsp,rbp
;;   013b  call stubs+55h
;;   0140  mov rsp,rbp
;;   0143  call stubs+87h
;;   0148  mov eax,0
;;   014d  call func[0].instrumented+1DEh
;;   0152  jmp func[0].instrumented+3Eh
;;   0157  mov eax,1
;;   015c  call func[0].instrumented+1DEh
;;   0161  jmp func[0].instrumented+4Ch
;;   0166  mov eax,2
;;   016b  call func[0].instrumented+1DEh
;;   0170  jmp func[0].instrumented+5Ah
;;   0175  mov eax,3
;;   017a  call func[0].instrumented+1DEh
;;   017f  jmp func[0].instrumented+93h
;;   0184  mov eax,4
;;   0189  call func[0].instrumented+1DEh
;;   018e  jmp func[0].instrumented+0A1h
;;   0193  mov eax,5
;;   0198  call func[0].instrumented+1DEh
;;   019d  jmp func[0].instrumented+0AFh
;;   01a2  mov eax,6
;;   01a7  call func[0].instrumented+1DEh
;;   01ac  jmp func[0].instrumented+0BDh
;;   01b1  mov eax,7
;;   01b6  call func[0].instrumented+1DEh
;;   01bb  jmp func[0].instrumented+0DEh
;;   01c0  mov eax,8
;;   01c5  call func[0].instrumented+1DEh
;;   01ca  jmp func[0].instrumented+0FAh
;;   01cf  mov eax,9
;;   01d4  call func[0].instrumented+1DEh
;;   01d9  jmp func[0].instrumented+108h
;;   01de  sub rsp,8
;;   01e2  mov rdx,0
;;   01ec  or rax,rdx
;;   01ef  push rax
;;   01f0  call stubs+56Bh
;;   01f5  add rsp,8
;;   01f9  mov r13,[r15+48h]
;;   0200  cmp r13,1
;;   0207  ja func[0].instrumented+214h
;;   020d  lea r13,[stubs+7E3h]
;;   0214  ret
