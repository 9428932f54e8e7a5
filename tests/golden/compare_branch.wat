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
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+3Dh
;;   0014  cmp dword ptr [rbp+10h],2
;;   001e  jge func[0]+2Fh
;;   0024  mov ebx,1
;;   002a  jmp func[0]+35h
;;   002f  mov ebx,2
;;   0035  mov eax,ebx
;;   0038  mov rsp,rbp
;;   003b  pop rbp
;;   003c  ret
;;   003d  mov rax,r12
;;   0040  bt rax,3Dh
;;   0045  jb func[0]+95h
;;   004b  shl rax,2
;;   004f  shr rax,2
;;   0053  cmp rsp,rax
;;   0056  jb func[0]+0A8h
;;   005c  mov rax,[r15+48h]
;;   0063  bt r12,3Eh
;;   0068  jae func[0]+84h
;;   006e  shl r12,2
;;   0072  shr r12,2
;;   0076  test rax,rax
;;   0079  je func[0]+14h
;;   007f  bts r12,3Fh
;;   0084  cmp rax,1
;;   008a  ja func[0]+0B0h
;;   0090  jmp func[0]+14h
;;   0095  mov rax,rsp
;;   0098  mov rsp,rbp
;;   009b  call stubs+1D0h
;;   00a0  mov rsp,rax
;;   00a3  jmp func[0]+3Dh
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+55h
;;   00b0  jmp qword ptr [1000h]
;;   00b6  call stubs+530h
;;   00bb  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+0FEh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+124h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+133h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+142h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+151h
;;   0068  cmp dword ptr [rbp+10h],2
;;   0072  setl bl
;;   0076  movzx ebx,bl
;;   007a  test byte ptr [r13],10h
;;   0082  jne func[0].instrumented+160h
;;   0088  test ebx,ebx
;;   008b  je func[0].instrumented+0B8h
;;   0091  test byte ptr [r13],20h
;;   0099  jne func[0].instrumented+16Fh
;;   009f  test byte ptr [r13],40h
;;   00a7  jne func[0].instrumented+17Eh
;;   00ad  mov ebx,1
;;   00b3  jmp func[0].instrumented+0DAh
;;   00b8  test byte ptr [r13],80h
;;   00c0  jne func[0].instrumented+18Dh
;;   00c6  test byte ptr [r13+1],1
;;   00ce  jne func[0].instrumented+19Ch
;;   00d4  mov ebx,2
;;   00da  test byte ptr [r13+1],2
;;   00e2  jne func[0].instrumented+1ABh
;;   00e8  test byte ptr [r13+1],4
;;   00f0  jne func[0].instrumented+1BAh
;;   00f6  mov eax,ebx
;;   00f9  mov rsp,rbp
;;   00fc  pop rbp
;;   00fd  ret
;;   00fe  bt r12,3Dh
;;   0103  jae func[0].instrumented+11Ch
;;   0109  mov rax,rsp
;;   010c  mov rsp,rbp
;;   010f  call stubs+1D0h
;;   0114  mov rsp,rax
;;   0117  jmp func[0].instrumented+0Bh
;;   011c  mov rsp,rbp
;;   011f  call stubs+55h
;;   0124  mov eax,0
;;   0129  call func[0].instrumented+1C9h
;;   012e  jmp func[0].instrumented+3Eh
;;   0133  mov eax,1
;;   0138  call func[0].instrumented+1C9h
;;   013d  jmp func[0].instrumented+4Ch
;;   0142  mov eax,2
;;   0147  call func[0].instrumented+1C9h
;;   014c  jmp func[0].instrumented+5Ah
;;   0151  mov eax,3
;;   0156  call func[0].instrumented+1C9h
;;   015b  jmp func[0].instrumented+68h
;;   0160  mov eax,4
;;   0165  call func[0].instrumented+1C9h
;;   016a  jmp func[0].instrumented+88h
;;   016f  mov eax,5
;;   0174  call func[0].instrumented+1C9h
;;   0179  jmp func[0].instrumented+9Fh
;;   017e  mov eax,6
;;   0183  call func[0].instrumented+1C9h
;;   0188  jmp func[0].instrumented+0ADh
;;   018d  mov eax,7
;;   0192  call func[0].instrumented+1C9h
;;   0197  jmp func[0].instrumented+0C6h
;;   019c  mov eax,8
;;   01a1  call func[0].instrumented+1C9h
;;   01a6  jmp func[0].instrumented+0D4h
;;   01ab  mov eax,9
;;   01b0  call func[0].instrumented+1C9h
;;   01b5  jmp func[0].instrumented+0E8h
;;   01ba  mov eax,0Ah
;;   01bf  call func[0].instrumented+1C9h
;;   01c4  jmp func[0].instrumented+0F6h
;;   01c9  sub rsp,8
;;   01cd  mov rdx,0
;;   01d7  or rax,rdx
;;   01da  push rax
;;   01db  call stubs+530h
;;   01e0  add rsp,8
;;   01e4  mov r13,[r15+48h]
;;   01eb  cmp r13,1
;;   01f2  ja func[0].instrumented+1FFh
;;   01f8  lea r13,[stubs+7A8h]
;;   01ff  ret
