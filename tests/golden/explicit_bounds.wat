;; config: explicit-bounds
;; With explicit bounds checks a load and a store compare the end of the access with the
;; memory's current length before touching it.
(module (memory 1)
  (func (export "f") (param i32) (result i64)
    (i64.store offset=16 (local.get 0) (i64.const 7))
    (i64.load offset=8 (local.get 0))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  lea rax,[rsi+18h]
;;   0013  mov rcx,[r15+8]
;;   001a  cmp rax,[rcx]
;;   0021  ja func[0]+5Fh
;;   0027  mov qword ptr [r14+rsi+10h],7
;;   0033  lea rax,[rsi+10h]
;;   003b  mov rcx,[r15+8]
;;   0042  cmp rax,[rcx]
;;   0049  ja func[0]+64h
;;   004f  mov rbx,[r14+rsi+8]
;;   0057  mov rax,rbx
;;   005a  mov rsp,rbp
;;   005d  pop rbp
;;   005e  ret
;;   005f  call stubs+5
;;   0064  call stubs+5
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp qword ptr [r15+48h],0
;;   0010  jne func[0].instrumented
;;   0016  mov edx,[rbp+10h]
;;   001d  lea rax,[rdx+18h]
;;   0025  mov rcx,[r15+8]
;;   002c  cmp rax,[rcx]
;;   0033  ja func[0]+78h
;;   0039  mov qword ptr [r14+rdx+10h],7
;;   0045  mov edx,[rbp+10h]
;;   004c  lea rax,[rdx+10h]
;;   0054  mov rcx,[r15+8]
;;   005b  cmp rax,[rcx]
;;   0062  ja func[0]+7Dh
;;   0068  mov rbx,[r14+rdx+8]
;;   0070  mov rax,rbx
;;   0073  mov rsp,rbp
;;   0076  pop rbp
;;   0077  ret
;;   0078  call stubs+5
;;   007d  call stubs+5
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+0ECh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+0FBh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+10Ah
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+119h
;;   0048  mov edx,[rbp+10h]
;;   004f  lea rax,[rdx+18h]
;;   0057  mov rcx,[r15+8]
;;   005e  cmp rax,[rcx]
;;   0065  ja func[0].instrumented+0E2h
;;   006b  mov qword ptr [r14+rdx+10h],7
;;   0077  test byte ptr [r13],10h
;;   007f  jne func[0].instrumented+128h
;;   0085  test byte ptr [r13],20h
;;   008d  jne func[0].instrumented+137h
;;   0093  mov edx,[rbp+10h]
;;   009a  lea rax,[rdx+10h]
;;   00a2  mov rcx,[r15+8]
;;   00a9  cmp rax,[rcx]
;;   00b0  ja func[0].instrumented+0E7h
;;   00b6  mov rbx,[r14+rdx+8]
;;   00be  test byte ptr [r13],40h
;;   00c6  jne func[0].instrumented+146h
;;   00cc  test byte ptr [r13],80h
;;   00d4  jne func[0].instrumented+155h
;;   00da  mov rax,rbx
;;   00dd  mov rsp,rbp
;;   00e0  pop rbp
;;   00e1  ret
;;   00e2  call stubs+5
;;   00e7  call stubs+5
;;   00ec  mov eax,0
;;   00f1  call func[0].instrumented+164h
;;   00f6  jmp func[0].instrumented+1Eh
;;   00fb  mov eax,1
;;   0100  call func[0].instrumented+164h
;;   0105  jmp func[0].instrumented+2Ch
;;   010a  mov eax,2
;;   010f  call func[0].instrumented+164h
;;   0114  jmp func[0].instrumented+3Ah
;;   0119  mov eax,3
;;   011e  call func[0].instrumented+164h
;;   0123  jmp func[0].instrumented+48h
;;   0128  mov eax,4
;;   012d  call func[0].instrumented+164h
;;   0132  jmp func[0].instrumented+85h
;;   0137  mov eax,5
;;   013c  call func[0].instrumented+164h
;;   0141  jmp func[0].instrumented+93h
;;   0146  mov eax,6
;;   014b  call func[0].instrumented+164h
;;   0150  jmp func[0].instrumented+0CCh
;;   0155  mov eax,7
;;   015a  call func[0].instrumented+164h
;;   015f  jmp func[0].instrumented+0DAh
;;   0164  sub rsp,8
;;   0168  push rax
;;   0169  call stubs+534h
;;   016e  add rsp,8
;;   0172  mov r13,[r15+48h]
;;   0179  test r13,r13
;;   017c  jne func[0].instrumented+189h
;;   0182  lea r13,[stubs+7ACh]
;;   0189  ret
