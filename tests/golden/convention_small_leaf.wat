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
;;   002a  mov rax,r12
;;   002d  bt rax,3Dh
;;   0032  jb func[0]+82h
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
;;   0088  call stubs+1D3h
;;   008d  mov rsp,rax
;;   0090  jmp func[0]+2Ah
;;   0095  mov rsp,rbp
;;   0098  call stubs+55h
;;   009d  jmp qword ptr [1000h]
;;   00a3  call stubs+533h
;;   00a8  jmp func[0]+14h
;; ---- func[0] $leaf: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+9Ah
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+0C0h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0CFh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+0DEh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+0EDh
;;   0068  mov ebx,[rbp+10h]
;;   006f  add ebx,1
;;   0076  test byte ptr [r13],10h
;;   007e  jne func[0].instrumented+0FCh
;;   0084  test byte ptr [r13],20h
;;   008c  jne func[0].instrumented+10Bh
;;   0092  mov eax,ebx
;;   0095  mov rsp,rbp
;;   0098  pop rbp
;;   0099  ret
;;   009a  bt r12,3Dh
;;   009f  jae func[0].instrumented+0B8h
;;   00a5  mov rax,rsp
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+1D8h
;;   00b0  mov rsp,rax
;;   00b3  jmp func[0].instrumented+0Bh
;;   00b8  mov rsp,rbp
;;   00bb  call stubs+55h
;;   00c0  mov eax,0
;;   00c5  call func[0].instrumented+11Ah
;;   00ca  jmp func[0].instrumented+3Eh
;;   00cf  mov eax,1
;;   00d4  call func[0].instrumented+11Ah
;;   00d9  jmp func[0].instrumented+4Ch
;;   00de  mov eax,2
;;   00e3  call func[0].instrumented+11Ah
;;   00e8  jmp func[0].instrumented+5Ah
;;   00ed  mov eax,3
;;   00f2  call func[0].instrumented+11Ah
;;   00f7  jmp func[0].instrumented+68h
;;   00fc  mov eax,4
;;   0101  call func[0].instrumented+11Ah
;;   0106  jmp func[0].instrumented+84h
;;   010b  mov eax,5
;;   0110  call func[0].instrumented+11Ah
;;   0115  jmp func[0].instrumented+92h
;;   011a  sub rsp,8
;;   011e  mov rdx,0
;;   0128  or rax,rdx
;;   012b  push rax
;;   012c  call stubs+538h
;;   0131  add rsp,8
;;   0135  mov r13,[r15+48h]
;;   013c  cmp r13,1
;;   0143  ja func[0].instrumented+150h
;;   0149  lea r13,[stubs+7B0h]
;;   0150  ret
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
;;   0043  call stubs+1D7h
;;   0048  mov rsp,rax
;;   004b  cmp rsp,r12
;;   004e  jae func[1]+14h
;;   0054  bt r12,3Dh
;;   0059  jb func[1]+3Dh
;;   005f  jmp func[1]+64h
;;   0064  mov rsp,rbp
;;   0067  call stubs+55h
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
;;   003d  mov rax,r12
;;   0040  bt rax,3Dh
;;   0045  jb func[1]+95h
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
;;   009b  call stubs+1D3h
;;   00a0  mov rsp,rax
;;   00a3  jmp func[1]+3Dh
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+55h
;;   00b0  jmp qword ptr [1008h]
;;   00b6  call stubs+533h
;;   00bb  jmp func[1]+14h
;;   00c0  jmp qword ptr [1010h]
;;   00c6  call stubs+533h
;;   00cb  jmp func[1]+2Bh
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[1].instrumented+0E7h
;;   001c  mov r13,[r15+50h]
;;   0023  cmp r13,1
;;   002a  jbe func[1]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[1].instrumented+117h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+126h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+135h
;;   005a  mov dword ptr [rsp],5
;;   0066  mov esi,5
;;   006c  cmp qword ptr [r15+48h],1
;;   0071  jbe func[1].instrumented+105h
;;   0077  mov rax,[1018h]
;;   007e  test rax,rax
;;   0081  je func[1].instrumented+105h
;;   0087  call rax
;;   0089  mov r13,[r15+50h]
;;   0090  cmp r13,1
;;   0097  jbe func[1]+2Bh
;;   009d  mov rbx,rax
;;   00a0  test byte ptr [r13],8
;;   00a8  jne func[1].instrumented+144h
;;   00ae  test byte ptr [r13],10h
;;   00b6  jne func[1].instrumented+153h
;;   00bc  add ebx,[rbp+10h]
;;   00c3  test byte ptr [r13],20h
;;   00cb  jne func[1].instrumented+162h
;;   00d1  test byte ptr [r13],40h
;;   00d9  jne func[1].instrumented+171h
;;   00df  mov eax,ebx
;;   00e2  mov rsp,rbp
;;   00e5  pop rbp
;;   00e6  ret
;;   00e7  bt r12,3Dh
;;   00ec  jae func[1].instrumented+10Fh
;;   00f2  mov rax,rsp
;;   00f5  mov rsp,rbp
;;   00f8  call stubs+1D8h
;;   00fd  mov rsp,rax
;;   0100  jmp func[1].instrumented+0Bh
;;   0105  call func[0]
;;   010a  jmp func[1].instrumented+89h
;;   010f  mov rsp,rbp
;;   0112  call stubs+55h
;;   0117  mov eax,0
;;   011c  call func[1].instrumented+180h
;;   0121  jmp func[1].instrumented+3Eh
;;   0126  mov eax,1
;;   012b  call func[1].instrumented+180h
;;   0130  jmp func[1].instrumented+4Ch
;;   0135  mov eax,2
;;   013a  call func[1].instrumented+180h
;;   013f  jmp func[1].instrumented+5Ah
;;   0144  mov eax,3
;;   0149  call func[1].instrumented+180h
;;   014e  jmp func[1].instrumented+0AEh
;;   0153  mov eax,4
;;   0158  call func[1].instrumented+180h
;;   015d  jmp func[1].instrumented+0BCh
;;   0162  mov eax,5
;;   0167  call func[1].instrumented+180h
;;   016c  jmp func[1].instrumented+0D1h
;;   0171  mov eax,6
;;   0176  call func[1].instrumented+180h
;;   017b  jmp func[1].instrumented+0DFh
;;   0180  sub rsp,8
;;   0184  mov rdx,100000000h
;;   018e  or rax,rdx
;;   0191  push rax
;;   0192  call stubs+538h
;;   0197  add rsp,8
;;   019b  mov r13,[r15+50h]
;;   01a2  cmp r13,1
;;   01a9  ja func[1].instrumented+1B6h
;;   01af  lea r13,[stubs+7B0h]
;;   01b6  ret
