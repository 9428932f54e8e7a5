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
;;   000b  cmp qword ptr [r15+48h],0
;;   0010  jne func[0].instrumented
;;   0016  mov ebx,[rbp+10h]
;;   001d  add ebx,1
;;   0024  mov eax,ebx
;;   0027  mov rsp,rbp
;;   002a  pop rbp
;;   002b  ret
;; ---- func[0] $leaf: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+7Ah
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+89h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+98h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+0A7h
;;   0048  mov ebx,[rbp+10h]
;;   004f  add ebx,1
;;   0056  test byte ptr [r13],10h
;;   005e  jne func[0].instrumented+0B6h
;;   0064  test byte ptr [r13],20h
;;   006c  jne func[0].instrumented+0C5h
;;   0072  mov eax,ebx
;;   0075  mov rsp,rbp
;;   0078  pop rbp
;;   0079  ret
;;   007a  mov eax,0
;;   007f  call func[0].instrumented+0D4h
;;   0084  jmp func[0].instrumented+1Eh
;;   0089  mov eax,1
;;   008e  call func[0].instrumented+0D4h
;;   0093  jmp func[0].instrumented+2Ch
;;   0098  mov eax,2
;;   009d  call func[0].instrumented+0D4h
;;   00a2  jmp func[0].instrumented+3Ah
;;   00a7  mov eax,3
;;   00ac  call func[0].instrumented+0D4h
;;   00b1  jmp func[0].instrumented+48h
;;   00b6  mov eax,4
;;   00bb  call func[0].instrumented+0D4h
;;   00c0  jmp func[0].instrumented+64h
;;   00c5  mov eax,5
;;   00ca  call func[0].instrumented+0D4h
;;   00cf  jmp func[0].instrumented+72h
;;   00d4  sub rsp,8
;;   00d8  push rax
;;   00d9  call stubs+534h
;;   00de  add rsp,8
;;   00e2  mov r13,[r15+48h]
;;   00e9  test r13,r13
;;   00ec  jne func[0].instrumented+0F9h
;;   00f2  lea r13,[stubs+7ACh]
;;   00f9  ret
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
;;   000e  jb func[1]+48h
;;   0014  cmp qword ptr [r15+50h],0
;;   0019  jne func[1].instrumented
;;   001f  mov dword ptr [rsp],5
;;   002b  mov esi,5
;;   0031  call func[0]
;;   0036  mov rbx,rax
;;   0039  add ebx,[rbp+10h]
;;   0040  mov eax,ebx
;;   0043  mov rsp,rbp
;;   0046  pop rbp
;;   0047  ret
;;   0048  mov rax,rsp
;;   004b  mov rsp,rbp
;;   004e  call stubs+1D4h
;;   0053  mov rsp,rax
;;   0056  cmp rsp,r12
;;   0059  jb func[1]+64h
;;   005f  jmp func[1]+14h
;;   0064  mov rsp,rbp
;;   0067  call stubs+55h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  mov r13,[r15+50h]
;;   0007  test r13,r13
;;   000a  je func[1]+1Fh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[1].instrumented+0ABh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[1].instrumented+0BAh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[1].instrumented+0C9h
;;   003a  mov dword ptr [rsp],5
;;   0046  mov esi,5
;;   004c  call func[0]
;;   0051  mov r13,[r15+50h]
;;   0058  test r13,r13
;;   005b  je func[1]+36h
;;   0061  mov rbx,rax
;;   0064  test byte ptr [r13],8
;;   006c  jne func[1].instrumented+0D8h
;;   0072  test byte ptr [r13],10h
;;   007a  jne func[1].instrumented+0E7h
;;   0080  add ebx,[rbp+10h]
;;   0087  test byte ptr [r13],20h
;;   008f  jne func[1].instrumented+0F6h
;;   0095  test byte ptr [r13],40h
;;   009d  jne func[1].instrumented+105h
;;   00a3  mov eax,ebx
;;   00a6  mov rsp,rbp
;;   00a9  pop rbp
;;   00aa  ret
;;   00ab  mov eax,6
;;   00b0  call func[1].instrumented+114h
;;   00b5  jmp func[1].instrumented+1Eh
;;   00ba  mov eax,7
;;   00bf  call func[1].instrumented+114h
;;   00c4  jmp func[1].instrumented+2Ch
;;   00c9  mov eax,8
;;   00ce  call func[1].instrumented+114h
;;   00d3  jmp func[1].instrumented+3Ah
;;   00d8  mov eax,9
;;   00dd  call func[1].instrumented+114h
;;   00e2  jmp func[1].instrumented+72h
;;   00e7  mov eax,0Ah
;;   00ec  call func[1].instrumented+114h
;;   00f1  jmp func[1].instrumented+80h
;;   00f6  mov eax,0Bh
;;   00fb  call func[1].instrumented+114h
;;   0100  jmp func[1].instrumented+95h
;;   0105  mov eax,0Ch
;;   010a  call func[1].instrumented+114h
;;   010f  jmp func[1].instrumented+0A3h
;;   0114  sub rsp,8
;;   0118  push rax
;;   0119  call stubs+534h
;;   011e  add rsp,8
;;   0122  mov r13,[r15+50h]
;;   0129  test r13,r13
;;   012c  jne func[1].instrumented+139h
;;   0132  lea r13,[stubs+7ACh]
;;   0139  ret
