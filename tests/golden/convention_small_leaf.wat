;; Register convention, bug 1: a small leaf callee pins its local in rsi (a temporary of
;; every caller) and may use only temporaries; its caller keeps its own local in a
;; callee-saved register (r8) across the call.
(module
  (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "caller") (param $x i32) (result i32)
    (i32.add (call $leaf (i32.const 5)) (local.get $x))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0] $leaf: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov ebx,esi
;;   000e  add ebx,1
;;   0015  mov eax,ebx
;;   0018  mov rsp,rbp
;;   001b  pop rbp
;;   001c  ret
;; ---- func[0] $leaf: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+2Ah
;;   0014  mov ebx,[rbp+10h]
;;   001b  add ebx,1
;;   0022  mov eax,ebx
;;   0025  mov rsp,rbp
;;   0028  pop rbp
;;   0029  ret
;;   002a  bt r12,3Dh
;;   002f  jb func[0]+82h
;;   0035  mov rax,r12
;;   0038  shl rax,2
;;   003c  shr rax,2
;;   0040  cmp rsp,rax
;;   0043  jb func[0]+95h
;;   0049  mov rax,[r15+48h]
;;   0050  bt r12,3Eh
;;   0055  jae func[0]+71h
;;   005b  shl r12,2
;;   005f  shr r12,2
;;   0063  test rax,rax
;;   0066  je func[0]+14h
;;   006c  bts r12,3Fh
;;   0071  cmp rax,1
;;   0077  ja func[0]+9Dh
;;   007d  jmp func[0]+14h
;;   0082  mov rax,rsp
;;   0085  mov rsp,rbp
;;   0088  call stubs+1D9h
;;   008d  mov rsp,rax
;;   0090  jmp func[0]+2Ah
;;   0095  mov rsp,rbp
;;   0098  call stubs+55h
;;   009d  cmp qword ptr [1000h],0
;;   00a5  je func[0]+0B1h
;;   00ab  jmp qword ptr [1000h]
;;   00b1  call stubs+539h
;;   00b6  jmp func[0]+14h
;; ---- func[0] $leaf: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+9Dh
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+0C3h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+0D7h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+0EBh
;;   005d  test byte ptr [r13],8
;;   0065  jne func[0].instrumented+0FFh
;;   006b  mov ebx,[rbp+10h]
;;   0072  add ebx,1
;;   0079  test byte ptr [r13],10h
;;   0081  jne func[0].instrumented+113h
;;   0087  test byte ptr [r13],20h
;;   008f  jne func[0].instrumented+127h
;;   0095  mov eax,ebx
;;   0098  mov rsp,rbp
;;   009b  pop rbp
;;   009c  ret
;;   009d  bt r12,3Dh
;;   00a2  jae func[0].instrumented+0BBh
;;   00a8  mov rax,rsp
;;   00ab  mov rsp,rbp
;;   00ae  call stubs+1DBh
;;   00b3  mov rsp,rax
;;   00b6  jmp func[0].instrumented+0Bh
;;   00bb  mov rsp,rbp
;;   00be  call stubs+55h
;;   00c3  mov rax,0
;;   00cd  call func[0].instrumented+13Bh
;;   00d2  jmp func[0].instrumented+41h
;;   00d7  mov rax,1
;;   00e1  call func[0].instrumented+13Bh
;;   00e6  jmp func[0].instrumented+4Fh
;;   00eb  mov rax,2
;;   00f5  call func[0].instrumented+13Bh
;;   00fa  jmp func[0].instrumented+5Dh
;;   00ff  mov rax,3
;;   0109  call func[0].instrumented+13Bh
;;   010e  jmp func[0].instrumented+6Bh
;;   0113  mov rax,4
;;   011d  call func[0].instrumented+13Bh
;;   0122  jmp func[0].instrumented+87h
;;   0127  mov rax,5
;;   0131  call func[0].instrumented+13Bh
;;   0136  jmp func[0].instrumented+95h
;;   013b  sub rsp,8
;;   013f  push rax
;;   0140  call stubs+53Bh
;;   0145  add rsp,8
;;   0149  mov r13,[r15+48h]
;;   0150  cmp r13,1
;;   0157  ja func[0].instrumented+164h
;;   015d  lea r13,[stubs+7B3h]
;;   0164  ret
;; ---- func[1]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+3Dh
;;   0014  mov dword ptr [rsp],5
;;   0020  mov esi,5
;;   0026  call func[0]
;;   002b  mov rbx,rax
;;   002e  add ebx,[rbp+10h]
;;   0035  mov eax,ebx
;;   0038  mov rsp,rbp
;;   003b  pop rbp
;;   003c  ret
;;   003d  mov rax,rsp
;;   0040  mov rsp,rbp
;;   0043  call stubs+1D2h
;;   0048  mov rsp,rax
;;   004b  cmp rsp,r12
;;   004e  jb func[1]+59h
;;   0054  jmp func[1]+14h
;;   0059  mov rsp,rbp
;;   005c  call stubs+55h
;; ---- func[1]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+3Dh
;;   0014  mov dword ptr [rsp],5
;;   0020  mov esi,5
;;   0026  call func[0]
;;   002b  mov rbx,rax
;;   002e  add ebx,[rbp+10h]
;;   0035  mov eax,ebx
;;   0038  mov rsp,rbp
;;   003b  pop rbp
;;   003c  ret
;;   003d  bt r12,3Dh
;;   0042  jb func[1]+95h
;;   0048  mov rax,r12
;;   004b  shl rax,2
;;   004f  shr rax,2
;;   0053  cmp rsp,rax
;;   0056  jb func[1]+0A8h
;;   005c  mov rax,[r15+50h]
;;   0063  bt r12,3Eh
;;   0068  jae func[1]+84h
;;   006e  shl r12,2
;;   0072  shr r12,2
;;   0076  test rax,rax
;;   0079  je func[1]+14h
;;   007f  bts r12,3Fh
;;   0084  cmp rax,1
;;   008a  ja func[1]+0B0h
;;   0090  jmp func[1]+14h
;;   0095  mov rax,rsp
;;   0098  mov rsp,rbp
;;   009b  call stubs+1D9h
;;   00a0  mov rsp,rax
;;   00a3  jmp func[1]+3Dh
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+55h
;;   00b0  cmp qword ptr [1008h],0
;;   00b8  je func[1]+0C4h
;;   00be  jmp qword ptr [1008h]
;;   00c4  call stubs+539h
;;   00c9  jmp func[1]+14h
;;   00ce  cmp qword ptr [1010h],0
;;   00d6  je func[1]+0E2h
;;   00dc  jmp qword ptr [1010h]
;;   00e2  call stubs+539h
;;   00e7  jmp func[1]+2Bh
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[1].instrumented+0F4h
;;   001f  mov r13,[r15+50h]
;;   0026  cmp r13,1
;;   002d  jbe func[1]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[1].instrumented+11Ah
;;   0041  test byte ptr [r13],2
;;   0049  jne func[1].instrumented+12Eh
;;   004f  test byte ptr [r13],4
;;   0057  jne func[1].instrumented+142h
;;   005d  mov dword ptr [rsp],5
;;   0069  mov esi,5
;;   006f  cmp qword ptr [r15+48h],1
;;   0074  jbe func[1].instrumented+91h
;;   007a  mov rax,[1018h]
;;   0081  test rax,rax
;;   0084  je func[1].instrumented+91h
;;   008a  call rax
;;   008c  jmp func[1].instrumented+96h
;;   0091  call func[0]
;;   0096  mov r13,[r15+50h]
;;   009d  cmp r13,1
;;   00a4  jbe func[1]+2Bh
;;   00aa  mov rbx,rax
;;   00ad  test byte ptr [r13],8
;;   00b5  jne func[1].instrumented+156h
;;   00bb  test byte ptr [r13],10h
;;   00c3  jne func[1].instrumented+16Ah
;;   00c9  add ebx,[rbp+10h]
;;   00d0  test byte ptr [r13],20h
;;   00d8  jne func[1].instrumented+17Eh
;;   00de  test byte ptr [r13],40h
;;   00e6  jne func[1].instrumented+192h
;;   00ec  mov eax,ebx
;;   00ef  mov rsp,rbp
;;   00f2  pop rbp
;;   00f3  ret
;;   00f4  bt r12,3Dh
;;   00f9  jae func[1].instrumented+112h
;;   00ff  mov rax,rsp
;;   0102  mov rsp,rbp
;;   0105  call stubs+1DBh
;;   010a  mov rsp,rax
;;   010d  jmp func[1].instrumented+0Bh
;;   0112  mov rsp,rbp
;;   0115  call stubs+55h
;;   011a  mov rax,100000000h
;;   0124  call func[1].instrumented+1A6h
;;   0129  jmp func[1].instrumented+41h
;;   012e  mov rax,100000001h
;;   0138  call func[1].instrumented+1A6h
;;   013d  jmp func[1].instrumented+4Fh
;;   0142  mov rax,100000002h
;;   014c  call func[1].instrumented+1A6h
;;   0151  jmp func[1].instrumented+5Dh
;;   0156  mov rax,100000003h
;;   0160  call func[1].instrumented+1A6h
;;   0165  jmp func[1].instrumented+0BBh
;;   016a  mov rax,100000004h
;;   0174  call func[1].instrumented+1A6h
;;   0179  jmp func[1].instrumented+0C9h
;;   017e  mov rax,100000005h
;;   0188  call func[1].instrumented+1A6h
;;   018d  jmp func[1].instrumented+0DEh
;;   0192  mov rax,100000006h
;;   019c  call func[1].instrumented+1A6h
;;   01a1  jmp func[1].instrumented+0ECh
;;   01a6  sub rsp,8
;;   01aa  push rax
;;   01ab  call stubs+53Bh
;;   01b0  add rsp,8
;;   01b4  mov r13,[r15+50h]
;;   01bb  cmp r13,1
;;   01c2  ja func[1].instrumented+1CFh
;;   01c8  lea r13,[stubs+7B3h]
;;   01cf  ret
