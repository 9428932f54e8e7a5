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
;;   0076  mov rax,r12
;;   0079  bt rax,3Dh
;;   007e  jb func[0]+0CEh
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
;;   00d4  call stubs+1DDh
;;   00d9  mov rsp,rax
;;   00dc  jmp func[0]+76h
;;   00e1  mov rsp,rbp
;;   00e4  call stubs+55h
;;   00e9  call stubs+5
;;   00ee  call stubs+5
;;   00f3  jmp qword ptr [1000h]
;;   00f9  call stubs+53Dh
;;   00fe  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+102h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+132h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+141h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+150h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+15Fh
;;   0068  mov edx,[rbp+10h]
;;   006f  lea rax,[rdx+18h]
;;   0077  mov rcx,[r15+8]
;;   007e  cmp rax,[rcx]
;;   0085  ja func[0].instrumented+128h
;;   008b  mov qword ptr [r14+rdx+10h],7
;;   0097  test byte ptr [r13],10h
;;   009f  jne func[0].instrumented+16Eh
;;   00a5  test byte ptr [r13],20h
;;   00ad  jne func[0].instrumented+17Dh
;;   00b3  mov edx,[rbp+10h]
;;   00ba  lea rax,[rdx+10h]
;;   00c2  mov rcx,[r15+8]
;;   00c9  cmp rax,[rcx]
;;   00d0  ja func[0].instrumented+12Dh
;;   00d6  mov rbx,[r14+rdx+8]
;;   00de  test byte ptr [r13],40h
;;   00e6  jne func[0].instrumented+18Ch
;;   00ec  test byte ptr [r13],80h
;;   00f4  jne func[0].instrumented+19Bh
;;   00fa  mov rax,rbx
;;   00fd  mov rsp,rbp
;;   0100  pop rbp
;;   0101  ret
;;   0102  bt r12,3Dh
;;   0107  jae func[0].instrumented+120h
;;   010d  mov rax,rsp
;;   0110  mov rsp,rbp
;;   0113  call stubs+1CFh
;;   0118  mov rsp,rax
;;   011b  jmp func[0].instrumented+0Bh
;;   0120  mov rsp,rbp
;;   0123  call stubs+55h
;;   0128  call stubs+5
;;   012d  call stubs+5
;;   0132  mov eax,0
;;   0137  call func[0].instrumented+1AAh
;;   013c  jmp func[0].instrumented+3Eh
;;   0141  mov eax,1
;;   0146  call func[0].instrumented+1AAh
;;   014b  jmp func[0].instrumented+4Ch
;;   0150  mov eax,2
;;   0155  call func[0].instrumented+1AAh
;;   015a  jmp func[0].instrumented+5Ah
;;   015f  mov eax,3
;;   0164  call func[0].instrumented+1AAh
;;   0169  jmp func[0].instrumented+68h
;;   016e  mov eax,4
;;   0173  call func[0].instrumented+1AAh
;;   0178  jmp func[0].instrumented+0A5h
;;   017d  mov eax,5
;;   0182  call func[0].instrumented+1AAh
;;   0187  jmp func[0].instrumented+0B3h
;;   018c  mov eax,6
;;   0191  call func[0].instrumented+1AAh
;;   0196  jmp func[0].instrumented+0ECh
;;   019b  mov eax,7
;;   01a0  call func[0].instrumented+1AAh
;;   01a5  jmp func[0].instrumented+0FAh
;;   01aa  sub rsp,8
;;   01ae  mov rdx,0
;;   01b8  or rax,rdx
;;   01bb  push rax
;;   01bc  call stubs+52Fh
;;   01c1  add rsp,8
;;   01c5  mov r13,[r15+48h]
;;   01cc  cmp r13,1
;;   01d3  ja func[0].instrumented+1E0h
;;   01d9  lea r13,[stubs+7A7h]
;;   01e0  ret
