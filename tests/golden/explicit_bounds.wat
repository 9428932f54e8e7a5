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
;;   0010  jne func[0]+82h
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
;;   0082  call stubs+534h
;;   0087  jmp func[0]+16h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+0ECh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+100h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+114h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+128h
;;   0048  mov edx,[rbp+10h]
;;   004f  lea rax,[rdx+18h]
;;   0057  mov rcx,[r15+8]
;;   005e  cmp rax,[rcx]
;;   0065  ja func[0].instrumented+0E2h
;;   006b  mov qword ptr [r14+rdx+10h],7
;;   0077  test byte ptr [r13],10h
;;   007f  jne func[0].instrumented+13Ch
;;   0085  test byte ptr [r13],20h
;;   008d  jne func[0].instrumented+150h
;;   0093  mov edx,[rbp+10h]
;;   009a  lea rax,[rdx+10h]
;;   00a2  mov rcx,[r15+8]
;;   00a9  cmp rax,[rcx]
;;   00b0  ja func[0].instrumented+0E7h
;;   00b6  mov rbx,[r14+rdx+8]
;;   00be  test byte ptr [r13],40h
;;   00c6  jne func[0].instrumented+164h
;;   00cc  test byte ptr [r13],80h
;;   00d4  jne func[0].instrumented+178h
;;   00da  mov rax,rbx
;;   00dd  mov rsp,rbp
;;   00e0  pop rbp
;;   00e1  ret
;;   00e2  call stubs+5
;;   00e7  call stubs+5
;;   00ec  mov rax,0
;;   00f6  call func[0].instrumented+18Ch
;;   00fb  jmp func[0].instrumented+1Eh
;;   0100  mov rax,1
;;   010a  call func[0].instrumented+18Ch
;;   010f  jmp func[0].instrumented+2Ch
;;   0114  mov rax,2
;;   011e  call func[0].instrumented+18Ch
;;   0123  jmp func[0].instrumented+3Ah
;;   0128  mov rax,3
;;   0132  call func[0].instrumented+18Ch
;;   0137  jmp func[0].instrumented+48h
;;   013c  mov rax,4
;;   0146  call func[0].instrumented+18Ch
;;   014b  jmp func[0].instrumented+85h
;;   0150  mov rax,5
;;   015a  call func[0].instrumented+18Ch
;;   015f  jmp func[0].instrumented+93h
;;   0164  mov rax,6
;;   016e  call func[0].instrumented+18Ch
;;   0173  jmp func[0].instrumented+0CCh
;;   0178  mov rax,7
;;   0182  call func[0].instrumented+18Ch
;;   0187  jmp func[0].instrumented+0DAh
;;   018c  sub rsp,8
;;   0190  push rax
;;   0191  call stubs+52Eh
;;   0196  add rsp,8
;;   019a  mov r13,[r15+48h]
;;   01a1  test r13,r13
;;   01a4  jne func[0].instrumented+1B1h
;;   01aa  lea r13,[stubs+7A6h]
;;   01b1  ret
