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
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+76h
;;   0014  mov edx,[rbp+10h]
;;   001b  lea rax,[rdx+18h]
;;   0023  mov rcx,[r15+8]
;;   002a  cmp rax,[rcx]
;;   0031  ja func[0]+0E9h
;;   0037  mov qword ptr [r14+rdx+10h],7
;;   0043  mov edx,[rbp+10h]
;;   004a  lea rax,[rdx+10h]
;;   0052  mov rcx,[r15+8]
;;   0059  cmp rax,[rcx]
;;   0060  ja func[0]+0EEh
;;   0066  mov rbx,[r14+rdx+8]
;;   006e  mov rax,rbx
;;   0071  mov rsp,rbp
;;   0074  pop rbp
;;   0075  ret
;;   0076  bt r12,3Dh
;;   007b  jb func[0]+0CEh
;;   0081  mov rax,r12
;;   0084  shl rax,2
;;   0088  shr rax,2
;;   008c  cmp rsp,rax
;;   008f  jb func[0]+0E1h
;;   0095  mov rax,[r15+48h]
;;   009c  bt r12,3Eh
;;   00a1  jae func[0]+0BDh
;;   00a7  shl r12,2
;;   00ab  shr r12,2
;;   00af  test rax,rax
;;   00b2  je func[0]+14h
;;   00b8  bts r12,3Fh
;;   00bd  cmp rax,1
;;   00c3  ja func[0]+0F3h
;;   00c9  jmp func[0]+14h
;;   00ce  mov rax,rsp
;;   00d1  mov rsp,rbp
;;   00d4  call stubs+1CFh
;;   00d9  mov rsp,rax
;;   00dc  jmp func[0]+76h
;;   00e1  mov rsp,rbp
;;   00e4  call stubs+55h
;;   00e9  call stubs+5
;;   00ee  call stubs+5
;;   00f3  cmp qword ptr [1000h],0
;;   00fb  je func[0]+107h
;;   0101  jmp qword ptr [1000h]
;;   0107  call stubs+52Fh
;;   010c  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+0F0h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+104h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+118h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[0].instrumented+12Ch
;;   004c  mov edx,[rbp+10h]
;;   0053  lea rax,[rdx+18h]
;;   005b  mov rcx,[r15+8]
;;   0062  cmp rax,[rcx]
;;   0069  ja func[0].instrumented+0E6h
;;   006f  mov qword ptr [r14+rdx+10h],7
;;   007b  test byte ptr [r13],10h
;;   0083  jne func[0].instrumented+140h
;;   0089  test byte ptr [r13],20h
;;   0091  jne func[0].instrumented+154h
;;   0097  mov edx,[rbp+10h]
;;   009e  lea rax,[rdx+10h]
;;   00a6  mov rcx,[r15+8]
;;   00ad  cmp rax,[rcx]
;;   00b4  ja func[0].instrumented+0EBh
;;   00ba  mov rbx,[r14+rdx+8]
;;   00c2  test byte ptr [r13],40h
;;   00ca  jne func[0].instrumented+168h
;;   00d0  test byte ptr [r13],80h
;;   00d8  jne func[0].instrumented+17Ch
;;   00de  mov rax,rbx
;;   00e1  mov rsp,rbp
;;   00e4  pop rbp
;;   00e5  ret
;;   00e6  call stubs+5
;;   00eb  call stubs+5
;;   00f0  mov rax,0
;;   00fa  call func[0].instrumented+190h
;;   00ff  jmp func[0].instrumented+22h
;;   0104  mov rax,1
;;   010e  call func[0].instrumented+190h
;;   0113  jmp func[0].instrumented+30h
;;   0118  mov rax,2
;;   0122  call func[0].instrumented+190h
;;   0127  jmp func[0].instrumented+3Eh
;;   012c  mov rax,3
;;   0136  call func[0].instrumented+190h
;;   013b  jmp func[0].instrumented+4Ch
;;   0140  mov rax,4
;;   014a  call func[0].instrumented+190h
;;   014f  jmp func[0].instrumented+89h
;;   0154  mov rax,5
;;   015e  call func[0].instrumented+190h
;;   0163  jmp func[0].instrumented+97h
;;   0168  mov rax,6
;;   0172  call func[0].instrumented+190h
;;   0177  jmp func[0].instrumented+0D0h
;;   017c  mov rax,7
;;   0186  call func[0].instrumented+190h
;;   018b  jmp func[0].instrumented+0DEh
;;   0190  sub rsp,8
;;   0194  push rax
;;   0195  call stubs+536h
;;   019a  add rsp,8
;;   019e  mov r13,[r15+48h]
;;   01a5  cmp r13,1
;;   01ac  ja func[0].instrumented+1B9h
;;   01b2  lea r13,[stubs+7AEh]
;;   01b9  ret
