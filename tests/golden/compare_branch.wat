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
;;   0010  jne func[0].instrumented
;;   0016  cmp dword ptr [rbp+10h],2
;;   0020  jge func[0]+31h
;;   0026  mov ebx,1
;;   002c  jmp func[0]+37h
;;   0031  mov ebx,2
;;   0037  mov eax,ebx
;;   003a  mov rsp,rbp
;;   003d  pop rbp
;;   003e  ret
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+0DEh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+0EDh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+0FCh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+10Bh
;;   0048  cmp dword ptr [rbp+10h],2
;;   0052  setl bl
;;   0056  movzx ebx,bl
;;   005a  test byte ptr [r13],10h
;;   0062  jne func[0].instrumented+11Ah
;;   0068  test ebx,ebx
;;   006b  je func[0].instrumented+98h
;;   0071  test byte ptr [r13],20h
;;   0079  jne func[0].instrumented+129h
;;   007f  test byte ptr [r13],40h
;;   0087  jne func[0].instrumented+138h
;;   008d  mov ebx,1
;;   0093  jmp func[0].instrumented+0BAh
;;   0098  test byte ptr [r13],80h
;;   00a0  jne func[0].instrumented+147h
;;   00a6  test byte ptr [r13+1],1
;;   00ae  jne func[0].instrumented+156h
;;   00b4  mov ebx,2
;;   00ba  test byte ptr [r13+1],2
;;   00c2  jne func[0].instrumented+165h
;;   00c8  test byte ptr [r13+1],4
;;   00d0  jne func[0].instrumented+174h
;;   00d6  mov eax,ebx
;;   00d9  mov rsp,rbp
;;   00dc  pop rbp
;;   00dd  ret
;;   00de  mov eax,0
;;   00e3  call func[0].instrumented+183h
;;   00e8  jmp func[0].instrumented+1Eh
;;   00ed  mov eax,1
;;   00f2  call func[0].instrumented+183h
;;   00f7  jmp func[0].instrumented+2Ch
;;   00fc  mov eax,2
;;   0101  call func[0].instrumented+183h
;;   0106  jmp func[0].instrumented+3Ah
;;   010b  mov eax,3
;;   0110  call func[0].instrumented+183h
;;   0115  jmp func[0].instrumented+48h
;;   011a  mov eax,4
;;   011f  call func[0].instrumented+183h
;;   0124  jmp func[0].instrumented+68h
;;   0129  mov eax,5
;;   012e  call func[0].instrumented+183h
;;   0133  jmp func[0].instrumented+7Fh
;;   0138  mov eax,6
;;   013d  call func[0].instrumented+183h
;;   0142  jmp func[0].instrumented+8Dh
;;   0147  mov eax,7
;;   014c  call func[0].instrumented+183h
;;   0151  jmp func[0].instrumented+0A6h
;;   0156  mov eax,8
;;   015b  call func[0].instrumented+183h
;;   0160  jmp func[0].instrumented+0B4h
;;   0165  mov eax,9
;;   016a  call func[0].instrumented+183h
;;   016f  jmp func[0].instrumented+0C8h
;;   0174  mov eax,0Ah
;;   0179  call func[0].instrumented+183h
;;   017e  jmp func[0].instrumented+0D6h
;;   0183  sub rsp,8
;;   0187  push rax
;;   0188  call stubs+538h
;;   018d  add rsp,8
;;   0191  mov r13,[r15+48h]
;;   0198  test r13,r13
;;   019b  jne func[0].instrumented+1A8h
;;   01a1  lea r13,[stubs+7B0h]
;;   01a8  ret
