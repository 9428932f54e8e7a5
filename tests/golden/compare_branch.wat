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
;;   000e  jb func[0]+3Ah
;;   0014  cmp esi,2
;;   001b  jge func[0]+2Ch
;;   0021  mov ebx,1
;;   0027  jmp func[0]+32h
;;   002c  mov ebx,2
;;   0032  mov eax,ebx
;;   0035  mov rsp,rbp
;;   0038  pop rbp
;;   0039  ret
;;   003a  mov rax,r12
;;   003d  bt rax,3Dh
;;   0042  jb func[0]+92h
;;   0048  shl rax,2
;;   004c  shr rax,2
;;   0050  cmp rsp,rax
;;   0053  jb func[0]+0AEh
;;   0059  mov rax,[r15+48h]
;;   0060  bt r12,3Eh
;;   0065  jae func[0]+81h
;;   006b  shl r12,2
;;   006f  shr r12,2
;;   0073  test rax,rax
;;   0076  je func[0]+14h
;;   007c  bts r12,3Fh
;;   0081  cmp rax,1
;;   0087  ja func[0]+0BEh
;;   008d  jmp func[0]+14h
;;   0092  mov rax,rsp
;;   0095  mov rsp,rbp
;;   0098  call stubs+212h
;;   009d  mov rsp,rax
;;   00a0  test r12,r12
;;   00a3  je func[0]+0B6h
;;   00a9  jmp func[0]+3Ah
;;   00ae  mov rsp,rbp
;;   00b1  call stubs+55h
;;   00b6  mov rsp,rbp
;;   00b9  call stubs+87h
;;   00be  jmp qword ptr [1000h]
;;   00c4  call stubs+572h
;;   00c9  jmp func[0]+14h
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
;;   0038  jne func[0].instrumented+135h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+144h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+153h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+162h
;;   0068  cmp dword ptr [rbp+10h],2
;;   0072  setl bl
;;   0076  movzx ebx,bl
;;   007a  test byte ptr [r13],10h
;;   0082  jne func[0].instrumented+171h
;;   0088  test ebx,ebx
;;   008b  je func[0].instrumented+0B8h
;;   0091  test byte ptr [r13],20h
;;   0099  jne func[0].instrumented+180h
;;   009f  test byte ptr [r13],40h
;;   00a7  jne func[0].instrumented+18Fh
;;   00ad  mov ebx,1
;;   00b3  jmp func[0].instrumented+0DAh
;;   00b8  test byte ptr [r13],80h
;;   00c0  jne func[0].instrumented+19Eh
;;   00c6  test byte ptr [r13+1],1
;;   00ce  jne func[0].instrumented+1ADh
;;   00d4  mov ebx,2
;;   00da  test byte ptr [r13+1],2
;;   00e2  jne func[0].instrumented+1BCh
;;   00e8  test byte ptr [r13+1],4
;;   00f0  jne func[0].instrumented+1CBh
;;   00f6  mov eax,ebx
;;   00f9  mov rsp,rbp
;;   00fc  pop rbp
;;   00fd  ret
;;   00fe  bt r12,3Dh
;;   0103  jae func[0].instrumented+125h
;;   0109  mov rax,rsp
;;   010c  mov rsp,rbp
;;   010f  call stubs+20Fh
;;   0114  mov rsp,rax
;;   0117  test r12,r12
;;   011a  je func[0].instrumented+12Dh
;;   0120  jmp func[0].instrumented+0Bh
;;   0125  mov rsp,rbp
;;   0128  call stubs+55h
;;   012d  mov rsp,rbp
;;   0130  call stubs+87h
;;   0135  mov eax,0
;;   013a  call func[0].instrumented+1DAh
;;   013f  jmp func[0].instrumented+3Eh
;;   0144  mov eax,1
;;   0149  call func[0].instrumented+1DAh
;;   014e  jmp func[0].instrumented+4Ch
;;   0153  mov eax,2
;;   0158  call func[0].instrumented+1DAh
;;   015d  jmp func[0].instrumented+5Ah
;;   0162  mov eax,3
;;   0167  call func[0].instrumented+1DAh
;;   016c  jmp func[0].instrumented+68h
;;   0171  mov eax,4
;;   0176  call func[0].instrumented+1DAh
;;   017b  jmp func[0].instrumented+88h
;;   0180  mov eax,5
;;   0185  call func[0].instrumented+1DAh
;;   018a  jmp func[0].instrumented+9Fh
;;   018f  mov eax,6
;;   0194  call func[0].instrumented+1DAh
;;   0199  jmp func[0].instrumented+0ADh
;;   019e  mov eax,7
;;   01a3  call func[0].instrumented+1DAh
;;   01a8  jmp func[0].instrumented+0C6h
;;   01ad  mov eax,8
;;   01b2  call func[0].instrumented+1DAh
;;   01b7  jmp func[0].instrumented+0D4h
;;   01bc  mov eax,9
;;   01c1  call func[0].instrumented+1DAh
;;   01c6  jmp func[0].instrumented+0E8h
;;   01cb  mov eax,0Ah
;;   01d0  call func[0].instrumented+1DAh
;;   01d5  jmp func[0].instrumented+0F6h
;;   01da  sub rsp,8
;;   01de  mov rdx,0
;;   01e8  or rax,rdx
;;   01eb  push rax
;;   01ec  call stubs+56Fh
;;   01f1  add rsp,8
;;   01f5  mov r13,[r15+48h]
;;   01fc  cmp r13,1
;;   0203  ja func[0].instrumented+210h
;;   0209  lea r13,[stubs+7E7h]
;;   0210  ret
