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
;;   0010  jne func[0]+2Ch
;;   0016  mov ebx,[rbp+10h]
;;   001d  add ebx,1
;;   0024  mov eax,ebx
;;   0027  mov rsp,rbp
;;   002a  pop rbp
;;   002b  ret
;;   002c  call stubs+53Ah
;;   0031  jmp func[0]+16h
;; ---- func[0] $leaf: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+7Ah
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+8Eh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+0A2h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+0B6h
;;   0048  mov ebx,[rbp+10h]
;;   004f  add ebx,1
;;   0056  test byte ptr [r13],10h
;;   005e  jne func[0].instrumented+0CAh
;;   0064  test byte ptr [r13],20h
;;   006c  jne func[0].instrumented+0DEh
;;   0072  mov eax,ebx
;;   0075  mov rsp,rbp
;;   0078  pop rbp
;;   0079  ret
;;   007a  mov rax,0
;;   0084  call func[0].instrumented+0F2h
;;   0089  jmp func[0].instrumented+1Eh
;;   008e  mov rax,1
;;   0098  call func[0].instrumented+0F2h
;;   009d  jmp func[0].instrumented+2Ch
;;   00a2  mov rax,2
;;   00ac  call func[0].instrumented+0F2h
;;   00b1  jmp func[0].instrumented+3Ah
;;   00b6  mov rax,3
;;   00c0  call func[0].instrumented+0F2h
;;   00c5  jmp func[0].instrumented+48h
;;   00ca  mov rax,4
;;   00d4  call func[0].instrumented+0F2h
;;   00d9  jmp func[0].instrumented+64h
;;   00de  mov rax,5
;;   00e8  call func[0].instrumented+0F2h
;;   00ed  jmp func[0].instrumented+72h
;;   00f2  sub rsp,8
;;   00f6  push rax
;;   00f7  call stubs+53Bh
;;   00fc  add rsp,8
;;   0100  mov r13,[r15+48h]
;;   0107  test r13,r13
;;   010a  jne func[0].instrumented+117h
;;   0110  lea r13,[stubs+7B3h]
;;   0117  ret
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
;;   0019  jne func[1]+6Ch
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
;;   004e  call stubs+1DAh
;;   0053  mov rsp,rax
;;   0056  cmp rsp,r12
;;   0059  jb func[1]+64h
;;   005f  jmp func[1]+14h
;;   0064  mov rsp,rbp
;;   0067  call stubs+55h
;;   006c  call stubs+53Ah
;;   0071  jmp func[1]+1Fh
;;   0076  call stubs+53Ah
;;   007b  jmp func[1]+36h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  mov r13,[r15+50h]
;;   0007  test r13,r13
;;   000a  je func[1]+1Fh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[1].instrumented+0ABh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[1].instrumented+0BFh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[1].instrumented+0D3h
;;   003a  mov dword ptr [rsp],5
;;   0046  mov esi,5
;;   004c  call func[0]
;;   0051  mov r13,[r15+50h]
;;   0058  test r13,r13
;;   005b  je func[1]+36h
;;   0061  mov rbx,rax
;;   0064  test byte ptr [r13],8
;;   006c  jne func[1].instrumented+0E7h
;;   0072  test byte ptr [r13],10h
;;   007a  jne func[1].instrumented+0FBh
;;   0080  add ebx,[rbp+10h]
;;   0087  test byte ptr [r13],20h
;;   008f  jne func[1].instrumented+10Fh
;;   0095  test byte ptr [r13],40h
;;   009d  jne func[1].instrumented+123h
;;   00a3  mov eax,ebx
;;   00a6  mov rsp,rbp
;;   00a9  pop rbp
;;   00aa  ret
;;   00ab  mov rax,100000000h
;;   00b5  call func[1].instrumented+137h
;;   00ba  jmp func[1].instrumented+1Eh
;;   00bf  mov rax,100000001h
;;   00c9  call func[1].instrumented+137h
;;   00ce  jmp func[1].instrumented+2Ch
;;   00d3  mov rax,100000002h
;;   00dd  call func[1].instrumented+137h
;;   00e2  jmp func[1].instrumented+3Ah
;;   00e7  mov rax,100000003h
;;   00f1  call func[1].instrumented+137h
;;   00f6  jmp func[1].instrumented+72h
;;   00fb  mov rax,100000004h
;;   0105  call func[1].instrumented+137h
;;   010a  jmp func[1].instrumented+80h
;;   010f  mov rax,100000005h
;;   0119  call func[1].instrumented+137h
;;   011e  jmp func[1].instrumented+95h
;;   0123  mov rax,100000006h
;;   012d  call func[1].instrumented+137h
;;   0132  jmp func[1].instrumented+0A3h
;;   0137  sub rsp,8
;;   013b  push rax
;;   013c  call stubs+53Bh
;;   0141  add rsp,8
;;   0145  mov r13,[r15+50h]
;;   014c  test r13,r13
;;   014f  jne func[1].instrumented+15Ch
;;   0155  lea r13,[stubs+7B3h]
;;   015c  ret
