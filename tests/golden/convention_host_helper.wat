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
;;   0023  call stubs+437h
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
;;   005b  call stubs+1D7h
;;   0060  mov rsp,rax
;;   0063  cmp rsp,r12
;;   0066  jb func[0]+71h
;;   006c  jmp func[0]+14h
;;   0071  mov rsp,rbp
;;   0074  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+60h
;;   0014  mov esi,[rbp+10h]
;;   001b  mov rdi,r15
;;   001e  mov eax,8
;;   0023  call stubs+431h
;;   0028  cmp qword ptr [r15+48h],1
;;   002d  ja func[0]+0F1h
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
;;   0060  bt r12,3Dh
;;   0065  jb func[0]+0B8h
;;   006b  mov rax,r12
;;   006e  shl rax,2
;;   0072  shr rax,2
;;   0076  cmp rsp,rax
;;   0079  jb func[0]+0CBh
;;   007f  mov rax,[r15+48h]
;;   0086  bt r12,3Eh
;;   008b  jae func[0]+0A7h
;;   0091  shl r12,2
;;   0095  shr r12,2
;;   0099  test rax,rax
;;   009c  je func[0]+14h
;;   00a2  bts r12,3Fh
;;   00a7  cmp rax,1
;;   00ad  ja func[0]+0D3h
;;   00b3  jmp func[0]+14h
;;   00b8  mov rax,rsp
;;   00bb  mov rsp,rbp
;;   00be  call stubs+1D1h
;;   00c3  mov rsp,rax
;;   00c6  jmp func[0]+60h
;;   00cb  mov rsp,rbp
;;   00ce  call stubs+55h
;;   00d3  cmp qword ptr [1000h],0
;;   00db  je func[0]+0E7h
;;   00e1  jmp qword ptr [1000h]
;;   00e7  call stubs+531h
;;   00ec  jmp func[0]+14h
;;   00f1  cmp qword ptr [1008h],0
;;   00f9  je func[0]+105h
;;   00ff  jmp qword ptr [1008h]
;;   0105  call stubs+531h
;;   010a  jmp func[0]+33h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+0F5h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+109h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+11Dh
;;   003e  mov esi,[rbp+10h]
;;   0045  mov rdi,r15
;;   0048  mov eax,8
;;   004d  call stubs+439h
;;   0052  mov r13,[r15+48h]
;;   0059  cmp r13,1
;;   0060  jbe func[0]+33h
;;   0066  mov ebx,eax
;;   0069  test byte ptr [r13],8
;;   0071  jne func[0].instrumented+131h
;;   0077  test byte ptr [r13],10h
;;   007f  jne func[0].instrumented+145h
;;   0085  test byte ptr [r13],20h
;;   008d  jne func[0].instrumented+159h
;;   0093  test byte ptr [r13],40h
;;   009b  jne func[0].instrumented+16Dh
;;   00a1  mov ecx,[rbp+10h]
;;   00a8  movsxd rcx,ecx
;;   00ab  xorps xmm0,xmm0
;;   00af  cvtsi2sd xmm0,rcx
;;   00b4  test byte ptr [r13],80h
;;   00bc  jne func[0].instrumented+181h
;;   00c2  movsd xmm1,[rbp+18h]
;;   00cb  addsd xmm1,xmm0
;;   00d0  test byte ptr [r13+1],1
;;   00d8  jne func[0].instrumented+195h
;;   00de  test byte ptr [r13+1],2
;;   00e6  jne func[0].instrumented+1A9h
;;   00ec  movaps xmm0,xmm1
;;   00f0  mov rsp,rbp
;;   00f3  pop rbp
;;   00f4  ret
;;   00f5  mov rax,0
;;   00ff  call func[0].instrumented+1BDh
;;   0104  jmp func[0].instrumented+22h
;;   0109  mov rax,1
;;   0113  call func[0].instrumented+1BDh
;;   0118  jmp func[0].instrumented+30h
;;   011d  mov rax,2
;;   0127  call func[0].instrumented+1BDh
;;   012c  jmp func[0].instrumented+3Eh
;;   0131  mov rax,3
;;   013b  call func[0].instrumented+1BDh
;;   0140  jmp func[0].instrumented+77h
;;   0145  mov rax,4
;;   014f  call func[0].instrumented+1BDh
;;   0154  jmp func[0].instrumented+85h
;;   0159  mov rax,5
;;   0163  call func[0].instrumented+1BDh
;;   0168  jmp func[0].instrumented+93h
;;   016d  mov rax,6
;;   0177  call func[0].instrumented+1BDh
;;   017c  jmp func[0].instrumented+0A1h
;;   0181  mov rax,7
;;   018b  call func[0].instrumented+1BDh
;;   0190  jmp func[0].instrumented+0C2h
;;   0195  mov rax,8
;;   019f  call func[0].instrumented+1BDh
;;   01a4  jmp func[0].instrumented+0DEh
;;   01a9  mov rax,9
;;   01b3  call func[0].instrumented+1BDh
;;   01b8  jmp func[0].instrumented+0ECh
;;   01bd  sub rsp,8
;;   01c1  push rax
;;   01c2  call stubs+539h
;;   01c7  add rsp,8
;;   01cb  mov r13,[r15+48h]
;;   01d2  cmp r13,1
;;   01d9  ja func[0].instrumented+1E6h
;;   01df  lea r13,[stubs+7B1h]
;;   01e6  ret
