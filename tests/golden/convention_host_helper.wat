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
;;   000e  jb func[0]+6Bh
;;   0014  cmp qword ptr [r15+48h],0
;;   0019  jne func[0]+8Fh
;;   001f  mov esi,[rbp+10h]
;;   0026  mov rdi,r15
;;   0029  mov eax,8
;;   002e  call stubs+43Dh
;;   0033  cmp qword ptr [r15+48h],0
;;   0038  jne func[0]+99h
;;   003e  mov ebx,eax
;;   0041  mov ecx,[rbp+10h]
;;   0048  movsxd rcx,ecx
;;   004b  xorps xmm0,xmm0
;;   004f  cvtsi2sd xmm0,rcx
;;   0054  movsd xmm1,[rbp+18h]
;;   005d  addsd xmm1,xmm0
;;   0062  movaps xmm0,xmm1
;;   0066  mov rsp,rbp
;;   0069  pop rbp
;;   006a  ret
;;   006b  mov rax,rsp
;;   006e  mov rsp,rbp
;;   0071  call stubs+1DDh
;;   0076  mov rsp,rax
;;   0079  cmp rsp,r12
;;   007c  jb func[0]+87h
;;   0082  jmp func[0]+14h
;;   0087  mov rsp,rbp
;;   008a  call stubs+55h
;;   008f  call stubs+53Dh
;;   0094  jmp func[0]+1Fh
;;   0099  call stubs+53Dh
;;   009e  jmp func[0]+3Eh
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+1Fh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+0EDh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+101h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+115h
;;   003a  mov esi,[rbp+10h]
;;   0041  mov rdi,r15
;;   0044  mov eax,8
;;   0049  call stubs+435h
;;   004e  mov r13,[r15+48h]
;;   0055  test r13,r13
;;   0058  je func[0]+3Eh
;;   005e  mov ebx,eax
;;   0061  test byte ptr [r13],8
;;   0069  jne func[0].instrumented+129h
;;   006f  test byte ptr [r13],10h
;;   0077  jne func[0].instrumented+13Dh
;;   007d  test byte ptr [r13],20h
;;   0085  jne func[0].instrumented+151h
;;   008b  test byte ptr [r13],40h
;;   0093  jne func[0].instrumented+165h
;;   0099  mov ecx,[rbp+10h]
;;   00a0  movsxd rcx,ecx
;;   00a3  xorps xmm0,xmm0
;;   00a7  cvtsi2sd xmm0,rcx
;;   00ac  test byte ptr [r13],80h
;;   00b4  jne func[0].instrumented+179h
;;   00ba  movsd xmm1,[rbp+18h]
;;   00c3  addsd xmm1,xmm0
;;   00c8  test byte ptr [r13+1],1
;;   00d0  jne func[0].instrumented+18Dh
;;   00d6  test byte ptr [r13+1],2
;;   00de  jne func[0].instrumented+1A1h
;;   00e4  movaps xmm0,xmm1
;;   00e8  mov rsp,rbp
;;   00eb  pop rbp
;;   00ec  ret
;;   00ed  mov rax,0
;;   00f7  call func[0].instrumented+1B5h
;;   00fc  jmp func[0].instrumented+1Eh
;;   0101  mov rax,1
;;   010b  call func[0].instrumented+1B5h
;;   0110  jmp func[0].instrumented+2Ch
;;   0115  mov rax,2
;;   011f  call func[0].instrumented+1B5h
;;   0124  jmp func[0].instrumented+3Ah
;;   0129  mov rax,3
;;   0133  call func[0].instrumented+1B5h
;;   0138  jmp func[0].instrumented+6Fh
;;   013d  mov rax,4
;;   0147  call func[0].instrumented+1B5h
;;   014c  jmp func[0].instrumented+7Dh
;;   0151  mov rax,5
;;   015b  call func[0].instrumented+1B5h
;;   0160  jmp func[0].instrumented+8Bh
;;   0165  mov rax,6
;;   016f  call func[0].instrumented+1B5h
;;   0174  jmp func[0].instrumented+99h
;;   0179  mov rax,7
;;   0183  call func[0].instrumented+1B5h
;;   0188  jmp func[0].instrumented+0BAh
;;   018d  mov rax,8
;;   0197  call func[0].instrumented+1B5h
;;   019c  jmp func[0].instrumented+0D6h
;;   01a1  mov rax,9
;;   01ab  call func[0].instrumented+1B5h
;;   01b0  jmp func[0].instrumented+0E4h
;;   01b5  sub rsp,8
;;   01b9  push rax
;;   01ba  call stubs+535h
;;   01bf  add rsp,8
;;   01c3  mov r13,[r15+48h]
;;   01ca  test r13,r13
;;   01cd  jne func[0].instrumented+1DAh
;;   01d3  lea r13,[stubs+7ADh]
;;   01da  ret
