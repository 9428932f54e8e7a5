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
;;   0023  call stubs+43Ch
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
;;   005b  call stubs+1DCh
;;   0060  mov rsp,rax
;;   0063  cmp rsp,r12
;;   0066  jae func[0]+14h
;;   006c  bt r12,3Dh
;;   0071  jb func[0]+55h
;;   0077  jmp func[0]+7Ch
;;   007c  mov rsp,rbp
;;   007f  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+60h
;;   0014  mov esi,[rbp+10h]
;;   001b  mov rdi,r15
;;   001e  mov eax,8
;;   0023  call stubs+43Dh
;;   0028  cmp qword ptr [r15+48h],1
;;   002d  ja func[0]+0E3h
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
;;   00be  call stubs+1DDh
;;   00c3  mov rsp,rax
;;   00c6  jmp func[0]+60h
;;   00cb  mov rsp,rbp
;;   00ce  call stubs+55h
;;   00d3  jmp qword ptr [1000h]
;;   00d9  call stubs+53Dh
;;   00de  jmp func[0]+14h
;;   00e3  jmp qword ptr [1008h]
;;   00e9  call stubs+53Dh
;;   00ee  jmp func[0]+33h
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
;;   0038  jne func[0].instrumented+137h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+146h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+155h
;;   005a  mov esi,[rbp+10h]
;;   0061  mov rdi,r15
;;   0064  mov eax,8
;;   0069  call stubs+43Ch
;;   006e  mov r13,[r15+48h]
;;   0075  cmp r13,1
;;   007c  jbe func[0]+33h
;;   0082  mov ebx,eax
;;   0085  test byte ptr [r13],8
;;   008d  jne func[0].instrumented+164h
;;   0093  test byte ptr [r13],10h
;;   009b  jne func[0].instrumented+173h
;;   00a1  test byte ptr [r13],20h
;;   00a9  jne func[0].instrumented+182h
;;   00af  test byte ptr [r13],40h
;;   00b7  jne func[0].instrumented+191h
;;   00bd  mov ecx,[rbp+10h]
;;   00c4  movsxd rcx,ecx
;;   00c7  xorps xmm0,xmm0
;;   00cb  cvtsi2sd xmm0,rcx
;;   00d0  test byte ptr [r13],80h
;;   00d8  jne func[0].instrumented+1A0h
;;   00de  movsd xmm1,[rbp+18h]
;;   00e7  addsd xmm1,xmm0
;;   00ec  test byte ptr [r13+1],1
;;   00f4  jne func[0].instrumented+1AFh
;;   00fa  test byte ptr [r13+1],2
;;   0102  jne func[0].instrumented+1BEh
;;   0108  movaps xmm0,xmm1
;;   010c  mov rsp,rbp
;;   010f  pop rbp
;;   0110  ret
;;   0111  bt r12,3Dh
;;   0116  jae func[0].instrumented+12Fh
;;   011c  mov rax,rsp
;;   011f  mov rsp,rbp
;;   0122  call stubs+1DCh
;;   0127  mov rsp,rax
;;   012a  jmp func[0].instrumented+0Bh
;;   012f  mov rsp,rbp
;;   0132  call stubs+55h
;;   0137  mov eax,0
;;   013c  call func[0].instrumented+1CDh
;;   0141  jmp func[0].instrumented+3Eh
;;   0146  mov eax,1
;;   014b  call func[0].instrumented+1CDh
;;   0150  jmp func[0].instrumented+4Ch
;;   0155  mov eax,2
;;   015a  call func[0].instrumented+1CDh
;;   015f  jmp func[0].instrumented+5Ah
;;   0164  mov eax,3
;;   0169  call func[0].instrumented+1CDh
;;   016e  jmp func[0].instrumented+93h
;;   0173  mov eax,4
;;   0178  call func[0].instrumented+1CDh
;;   017d  jmp func[0].instrumented+0A1h
;;   0182  mov eax,5
;;   0187  call func[0].instrumented+1CDh
;;   018c  jmp func[0].instrumented+0AFh
;;   0191  mov eax,6
;;   0196  call func[0].instrumented+1CDh
;;   019b  jmp func[0].instrumented+0BDh
;;   01a0  mov eax,7
;;   01a5  call func[0].instrumented+1CDh
;;   01aa  jmp func[0].instrumented+0DEh
;;   01af  mov eax,8
;;   01b4  call func[0].instrumented+1CDh
;;   01b9  jmp func[0].instrumented+0FAh
;;   01be  mov eax,9
;;   01c3  call func[0].instrumented+1CDh
;;   01c8  jmp func[0].instrumented+108h
;;   01cd  sub rsp,8
;;   01d1  mov rdx,0
;;   01db  or rax,rdx
;;   01de  push rax
;;   01df  call stubs+53Ch
;;   01e4  add rsp,8
;;   01e8  mov r13,[r15+48h]
;;   01ef  cmp r13,1
;;   01f6  ja func[0].instrumented+203h
;;   01fc  lea r13,[stubs+7B4h]
;;   0203  ret
