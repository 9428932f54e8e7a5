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
;;   0019  jne func[0].instrumented
;;   001f  mov esi,[rbp+10h]
;;   0026  mov rdi,r15
;;   0029  mov eax,8
;;   002e  call stubs+438h
;;   0033  cmp qword ptr [r15+48h],0
;;   0038  jne func[0].instrumented+4Eh
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
;;   0071  call stubs+1D8h
;;   0076  mov rsp,rax
;;   0079  cmp rsp,r12
;;   007c  jb func[0]+87h
;;   0082  jmp func[0]+14h
;;   0087  mov rsp,rbp
;;   008a  call stubs+55h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+1Fh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+0EDh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+0FCh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+10Bh
;;   003a  mov esi,[rbp+10h]
;;   0041  mov rdi,r15
;;   0044  mov eax,8
;;   0049  call stubs+438h
;;   004e  mov r13,[r15+48h]
;;   0055  test r13,r13
;;   0058  je func[0]+3Eh
;;   005e  mov ebx,eax
;;   0061  test byte ptr [r13],8
;;   0069  jne func[0].instrumented+11Ah
;;   006f  test byte ptr [r13],10h
;;   0077  jne func[0].instrumented+129h
;;   007d  test byte ptr [r13],20h
;;   0085  jne func[0].instrumented+138h
;;   008b  test byte ptr [r13],40h
;;   0093  jne func[0].instrumented+147h
;;   0099  mov ecx,[rbp+10h]
;;   00a0  movsxd rcx,ecx
;;   00a3  xorps xmm0,xmm0
;;   00a7  cvtsi2sd xmm0,rcx
;;   00ac  test byte ptr [r13],80h
;;   00b4  jne func[0].instrumented+156h
;;   00ba  movsd xmm1,[rbp+18h]
;;   00c3  addsd xmm1,xmm0
;;   00c8  test byte ptr [r13+1],1
;;   00d0  jne func[0].instrumented+165h
;;   00d6  test byte ptr [r13+1],2
;;   00de  jne func[0].instrumented+174h
;;   00e4  movaps xmm0,xmm1
;;   00e8  mov rsp,rbp
;;   00eb  pop rbp
;;   00ec  ret
;;   00ed  mov eax,0
;;   00f2  call func[0].instrumented+183h
;;   00f7  jmp func[0].instrumented+1Eh
;;   00fc  mov eax,1
;;   0101  call func[0].instrumented+183h
;;   0106  jmp func[0].instrumented+2Ch
;;   010b  mov eax,2
;;   0110  call func[0].instrumented+183h
;;   0115  jmp func[0].instrumented+3Ah
;;   011a  mov eax,3
;;   011f  call func[0].instrumented+183h
;;   0124  jmp func[0].instrumented+6Fh
;;   0129  mov eax,4
;;   012e  call func[0].instrumented+183h
;;   0133  jmp func[0].instrumented+7Dh
;;   0138  mov eax,5
;;   013d  call func[0].instrumented+183h
;;   0142  jmp func[0].instrumented+8Bh
;;   0147  mov eax,6
;;   014c  call func[0].instrumented+183h
;;   0151  jmp func[0].instrumented+99h
;;   0156  mov eax,7
;;   015b  call func[0].instrumented+183h
;;   0160  jmp func[0].instrumented+0BAh
;;   0165  mov eax,8
;;   016a  call func[0].instrumented+183h
;;   016f  jmp func[0].instrumented+0D6h
;;   0174  mov eax,9
;;   0179  call func[0].instrumented+183h
;;   017e  jmp func[0].instrumented+0E4h
;;   0183  sub rsp,8
;;   0187  push rax
;;   0188  call stubs+538h
;;   018d  add rsp,8
;;   0191  mov r13,[r15+48h]
;;   0198  test r13,r13
;;   019b  jne func[0].instrumented+1A8h
;;   01a1  lea r13,[stubs+7B0h]
;;   01a8  ret
