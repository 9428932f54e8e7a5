;; A comparison feeding an `if` fuses into one cmp and a conditional jump.
(module (func (export "f") (param i32) (result i32)
  (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
    (then (i32.const 1)) (else (i32.const 2)))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp esi,2
;;   0012  jge func[0]+23h
;;   0018  mov ebx,1
;;   001e  jmp func[0]+29h
;;   0023  mov ebx,2
;;   0029  mov eax,ebx
;;   002c  mov rsp,rbp
;;   002f  pop rbp
;;   0030  ret
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp qword ptr [r15+48h],0
;;   0010  jne func[0]+3Fh
;;   0016  cmp dword ptr [rbp+10h],2
;;   0020  jge func[0]+31h
;;   0026  mov ebx,1
;;   002c  jmp func[0]+37h
;;   0031  mov ebx,2
;;   0037  mov eax,ebx
;;   003a  mov rsp,rbp
;;   003d  pop rbp
;;   003e  ret
;;   003f  call stubs+537h
;;   0044  jmp func[0]+16h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+0DEh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+0F2h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+106h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+11Ah
;;   0048  cmp dword ptr [rbp+10h],2
;;   0052  setl bl
;;   0056  movzx ebx,bl
;;   005a  test byte ptr [r13],10h
;;   0062  jne func[0].instrumented+12Eh
;;   0068  test ebx,ebx
;;   006b  je func[0].instrumented+98h
;;   0071  test byte ptr [r13],20h
;;   0079  jne func[0].instrumented+142h
;;   007f  test byte ptr [r13],40h
;;   0087  jne func[0].instrumented+156h
;;   008d  mov ebx,1
;;   0093  jmp func[0].instrumented+0BAh
;;   0098  test byte ptr [r13],80h
;;   00a0  jne func[0].instrumented+16Ah
;;   00a6  test byte ptr [r13+1],1
;;   00ae  jne func[0].instrumented+17Eh
;;   00b4  mov ebx,2
;;   00ba  test byte ptr [r13+1],2
;;   00c2  jne func[0].instrumented+192h
;;   00c8  test byte ptr [r13+1],4
;;   00d0  jne func[0].instrumented+1A6h
;;   00d6  mov eax,ebx
;;   00d9  mov rsp,rbp
;;   00dc  pop rbp
;;   00dd  ret
;;   00de  mov rax,0
;;   00e8  call func[0].instrumented+1BAh
;;   00ed  jmp func[0].instrumented+1Eh
;;   00f2  mov rax,1
;;   00fc  call func[0].instrumented+1BAh
;;   0101  jmp func[0].instrumented+2Ch
;;   0106  mov rax,2
;;   0110  call func[0].instrumented+1BAh
;;   0115  jmp func[0].instrumented+3Ah
;;   011a  mov rax,3
;;   0124  call func[0].instrumented+1BAh
;;   0129  jmp func[0].instrumented+48h
;;   012e  mov rax,4
;;   0138  call func[0].instrumented+1BAh
;;   013d  jmp func[0].instrumented+68h
;;   0142  mov rax,5
;;   014c  call func[0].instrumented+1BAh
;;   0151  jmp func[0].instrumented+7Fh
;;   0156  mov rax,6
;;   0160  call func[0].instrumented+1BAh
;;   0165  jmp func[0].instrumented+8Dh
;;   016a  mov rax,7
;;   0174  call func[0].instrumented+1BAh
;;   0179  jmp func[0].instrumented+0A6h
;;   017e  mov rax,8
;;   0188  call func[0].instrumented+1BAh
;;   018d  jmp func[0].instrumented+0B4h
;;   0192  mov rax,9
;;   019c  call func[0].instrumented+1BAh
;;   01a1  jmp func[0].instrumented+0C8h
;;   01a6  mov rax,0Ah
;;   01b0  call func[0].instrumented+1BAh
;;   01b5  jmp func[0].instrumented+0D6h
;;   01ba  sub rsp,8
;;   01be  push rax
;;   01bf  call stubs+530h
;;   01c4  add rsp,8
;;   01c8  mov r13,[r15+48h]
;;   01cf  test r13,r13
;;   01d2  jne func[0].instrumented+1DFh
;;   01d8  lea r13,[stubs+7A8h]
;;   01df  ret
