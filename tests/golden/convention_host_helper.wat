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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+114h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+13Ah
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+14Eh
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+162h
;;   005d  mov esi,[rbp+10h]
;;   0064  mov rdi,r15
;;   0067  mov eax,8
;;   006c  call stubs+434h
;;   0071  mov r13,[r15+48h]
;;   0078  cmp r13,1
;;   007f  jbe func[0]+33h
;;   0085  mov ebx,eax
;;   0088  test byte ptr [r13],8
;;   0090  jne func[0].instrumented+176h
;;   0096  test byte ptr [r13],10h
;;   009e  jne func[0].instrumented+18Ah
;;   00a4  test byte ptr [r13],20h
;;   00ac  jne func[0].instrumented+19Eh
;;   00b2  test byte ptr [r13],40h
;;   00ba  jne func[0].instrumented+1B2h
;;   00c0  mov ecx,[rbp+10h]
;;   00c7  movsxd rcx,ecx
;;   00ca  xorps xmm0,xmm0
;;   00ce  cvtsi2sd xmm0,rcx
;;   00d3  test byte ptr [r13],80h
;;   00db  jne func[0].instrumented+1C6h
;;   00e1  movsd xmm1,[rbp+18h]
;;   00ea  addsd xmm1,xmm0
;;   00ef  test byte ptr [r13+1],1
;;   00f7  jne func[0].instrumented+1DAh
;;   00fd  test byte ptr [r13+1],2
;;   0105  jne func[0].instrumented+1EEh
;;   010b  movaps xmm0,xmm1
;;   010f  mov rsp,rbp
;;   0112  pop rbp
;;   0113  ret
;;   0114  bt r12,3Dh
;;   0119  jae func[0].instrumented+132h
;;   011f  mov rax,rsp
;;   0122  mov rsp,rbp
;;   0125  call stubs+1D4h
;;   012a  mov rsp,rax
;;   012d  jmp func[0].instrumented+0Bh
;;   0132  mov rsp,rbp
;;   0135  call stubs+55h
;;   013a  mov rax,0
;;   0144  call func[0].instrumented+202h
;;   0149  jmp func[0].instrumented+41h
;;   014e  mov rax,1
;;   0158  call func[0].instrumented+202h
;;   015d  jmp func[0].instrumented+4Fh
;;   0162  mov rax,2
;;   016c  call func[0].instrumented+202h
;;   0171  jmp func[0].instrumented+5Dh
;;   0176  mov rax,3
;;   0180  call func[0].instrumented+202h
;;   0185  jmp func[0].instrumented+96h
;;   018a  mov rax,4
;;   0194  call func[0].instrumented+202h
;;   0199  jmp func[0].instrumented+0A4h
;;   019e  mov rax,5
;;   01a8  call func[0].instrumented+202h
;;   01ad  jmp func[0].instrumented+0B2h
;;   01b2  mov rax,6
;;   01bc  call func[0].instrumented+202h
;;   01c1  jmp func[0].instrumented+0C0h
;;   01c6  mov rax,7
;;   01d0  call func[0].instrumented+202h
;;   01d5  jmp func[0].instrumented+0E1h
;;   01da  mov rax,8
;;   01e4  call func[0].instrumented+202h
;;   01e9  jmp func[0].instrumented+0FDh
;;   01ee  mov rax,9
;;   01f8  call func[0].instrumented+202h
;;   01fd  jmp func[0].instrumented+10Bh
;;   0202  sub rsp,8
;;   0206  push rax
;;   0207  call stubs+534h
;;   020c  add rsp,8
;;   0210  mov r13,[r15+48h]
;;   0217  cmp r13,1
;;   021e  ja func[0].instrumented+22Bh
;;   0224  lea r13,[stubs+7ACh]
;;   022b  ret
