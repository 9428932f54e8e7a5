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
;;   003d  bt r12,3Dh
;;   0042  jb func[0]+95h
;;   0048  mov rax,r12
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
;;   009b  call stubs+1D2h
;;   00a0  mov rsp,rax
;;   00a3  jmp func[0]+3Dh
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+55h
;;   00b0  cmp qword ptr [1000h],0
;;   00b8  je func[0]+0C4h
;;   00be  jmp qword ptr [1000h]
;;   00c4  call stubs+532h
;;   00c9  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+101h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+127h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+13Bh
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+14Fh
;;   005d  test byte ptr [r13],8
;;   0065  jne func[0].instrumented+163h
;;   006b  cmp dword ptr [rbp+10h],2
;;   0075  setl bl
;;   0079  movzx ebx,bl
;;   007d  test byte ptr [r13],10h
;;   0085  jne func[0].instrumented+177h
;;   008b  test ebx,ebx
;;   008e  je func[0].instrumented+0BBh
;;   0094  test byte ptr [r13],20h
;;   009c  jne func[0].instrumented+18Bh
;;   00a2  test byte ptr [r13],40h
;;   00aa  jne func[0].instrumented+19Fh
;;   00b0  mov ebx,1
;;   00b6  jmp func[0].instrumented+0DDh
;;   00bb  test byte ptr [r13],80h
;;   00c3  jne func[0].instrumented+1B3h
;;   00c9  test byte ptr [r13+1],1
;;   00d1  jne func[0].instrumented+1C7h
;;   00d7  mov ebx,2
;;   00dd  test byte ptr [r13+1],2
;;   00e5  jne func[0].instrumented+1DBh
;;   00eb  test byte ptr [r13+1],4
;;   00f3  jne func[0].instrumented+1EFh
;;   00f9  mov eax,ebx
;;   00fc  mov rsp,rbp
;;   00ff  pop rbp
;;   0100  ret
;;   0101  bt r12,3Dh
;;   0106  jae func[0].instrumented+11Fh
;;   010c  mov rax,rsp
;;   010f  mov rsp,rbp
;;   0112  call stubs+1D3h
;;   0117  mov rsp,rax
;;   011a  jmp func[0].instrumented+0Bh
;;   011f  mov rsp,rbp
;;   0122  call stubs+55h
;;   0127  mov rax,0
;;   0131  call func[0].instrumented+203h
;;   0136  jmp func[0].instrumented+41h
;;   013b  mov rax,1
;;   0145  call func[0].instrumented+203h
;;   014a  jmp func[0].instrumented+4Fh
;;   014f  mov rax,2
;;   0159  call func[0].instrumented+203h
;;   015e  jmp func[0].instrumented+5Dh
;;   0163  mov rax,3
;;   016d  call func[0].instrumented+203h
;;   0172  jmp func[0].instrumented+6Bh
;;   0177  mov rax,4
;;   0181  call func[0].instrumented+203h
;;   0186  jmp func[0].instrumented+8Bh
;;   018b  mov rax,5
;;   0195  call func[0].instrumented+203h
;;   019a  jmp func[0].instrumented+0A2h
;;   019f  mov rax,6
;;   01a9  call func[0].instrumented+203h
;;   01ae  jmp func[0].instrumented+0B0h
;;   01b3  mov rax,7
;;   01bd  call func[0].instrumented+203h
;;   01c2  jmp func[0].instrumented+0C9h
;;   01c7  mov rax,8
;;   01d1  call func[0].instrumented+203h
;;   01d6  jmp func[0].instrumented+0D7h
;;   01db  mov rax,9
;;   01e5  call func[0].instrumented+203h
;;   01ea  jmp func[0].instrumented+0EBh
;;   01ef  mov rax,0Ah
;;   01f9  call func[0].instrumented+203h
;;   01fe  jmp func[0].instrumented+0F9h
;;   0203  sub rsp,8
;;   0207  push rax
;;   0208  call stubs+533h
;;   020d  add rsp,8
;;   0211  mov r13,[r15+48h]
;;   0218  cmp r13,1
;;   021f  ja func[0].instrumented+22Ch
;;   0225  lea r13,[stubs+7ABh]
;;   022c  ret
