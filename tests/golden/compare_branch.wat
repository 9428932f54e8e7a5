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
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+0E2h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+0F6h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+10Ah
;;   003e  test byte ptr [r13],8
;;   0046  jne func[0].instrumented+11Eh
;;   004c  cmp dword ptr [rbp+10h],2
;;   0056  setl bl
;;   005a  movzx ebx,bl
;;   005e  test byte ptr [r13],10h
;;   0066  jne func[0].instrumented+132h
;;   006c  test ebx,ebx
;;   006f  je func[0].instrumented+9Ch
;;   0075  test byte ptr [r13],20h
;;   007d  jne func[0].instrumented+146h
;;   0083  test byte ptr [r13],40h
;;   008b  jne func[0].instrumented+15Ah
;;   0091  mov ebx,1
;;   0097  jmp func[0].instrumented+0BEh
;;   009c  test byte ptr [r13],80h
;;   00a4  jne func[0].instrumented+16Eh
;;   00aa  test byte ptr [r13+1],1
;;   00b2  jne func[0].instrumented+182h
;;   00b8  mov ebx,2
;;   00be  test byte ptr [r13+1],2
;;   00c6  jne func[0].instrumented+196h
;;   00cc  test byte ptr [r13+1],4
;;   00d4  jne func[0].instrumented+1AAh
;;   00da  mov eax,ebx
;;   00dd  mov rsp,rbp
;;   00e0  pop rbp
;;   00e1  ret
;;   00e2  mov rax,0
;;   00ec  call func[0].instrumented+1BEh
;;   00f1  jmp func[0].instrumented+22h
;;   00f6  mov rax,1
;;   0100  call func[0].instrumented+1BEh
;;   0105  jmp func[0].instrumented+30h
;;   010a  mov rax,2
;;   0114  call func[0].instrumented+1BEh
;;   0119  jmp func[0].instrumented+3Eh
;;   011e  mov rax,3
;;   0128  call func[0].instrumented+1BEh
;;   012d  jmp func[0].instrumented+4Ch
;;   0132  mov rax,4
;;   013c  call func[0].instrumented+1BEh
;;   0141  jmp func[0].instrumented+6Ch
;;   0146  mov rax,5
;;   0150  call func[0].instrumented+1BEh
;;   0155  jmp func[0].instrumented+83h
;;   015a  mov rax,6
;;   0164  call func[0].instrumented+1BEh
;;   0169  jmp func[0].instrumented+91h
;;   016e  mov rax,7
;;   0178  call func[0].instrumented+1BEh
;;   017d  jmp func[0].instrumented+0AAh
;;   0182  mov rax,8
;;   018c  call func[0].instrumented+1BEh
;;   0191  jmp func[0].instrumented+0B8h
;;   0196  mov rax,9
;;   01a0  call func[0].instrumented+1BEh
;;   01a5  jmp func[0].instrumented+0CCh
;;   01aa  mov rax,0Ah
;;   01b4  call func[0].instrumented+1BEh
;;   01b9  jmp func[0].instrumented+0DAh
;;   01be  sub rsp,8
;;   01c2  push rax
;;   01c3  call stubs+538h
;;   01c8  add rsp,8
;;   01cc  mov r13,[r15+48h]
;;   01d3  cmp r13,1
;;   01da  ja func[0].instrumented+1E7h
;;   01e0  lea r13,[stubs+7B0h]
;;   01e7  ret
