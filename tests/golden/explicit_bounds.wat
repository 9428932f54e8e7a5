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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+105h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+135h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+149h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+15Dh
;;   005d  test byte ptr [r13],8
;;   0065  jne func[0].instrumented+171h
;;   006b  mov edx,[rbp+10h]
;;   0072  lea rax,[rdx+18h]
;;   007a  mov rcx,[r15+8]
;;   0081  cmp rax,[rcx]
;;   0088  ja func[0].instrumented+12Bh
;;   008e  mov qword ptr [r14+rdx+10h],7
;;   009a  test byte ptr [r13],10h
;;   00a2  jne func[0].instrumented+185h
;;   00a8  test byte ptr [r13],20h
;;   00b0  jne func[0].instrumented+199h
;;   00b6  mov edx,[rbp+10h]
;;   00bd  lea rax,[rdx+10h]
;;   00c5  mov rcx,[r15+8]
;;   00cc  cmp rax,[rcx]
;;   00d3  ja func[0].instrumented+130h
;;   00d9  mov rbx,[r14+rdx+8]
;;   00e1  test byte ptr [r13],40h
;;   00e9  jne func[0].instrumented+1ADh
;;   00ef  test byte ptr [r13],80h
;;   00f7  jne func[0].instrumented+1C1h
;;   00fd  mov rax,rbx
;;   0100  mov rsp,rbp
;;   0103  pop rbp
;;   0104  ret
;;   0105  bt r12,3Dh
;;   010a  jae func[0].instrumented+123h
;;   0110  mov rax,rsp
;;   0113  mov rsp,rbp
;;   0116  call stubs+1D1h
;;   011b  mov rsp,rax
;;   011e  jmp func[0].instrumented+0Bh
;;   0123  mov rsp,rbp
;;   0126  call stubs+55h
;;   012b  call stubs+5
;;   0130  call stubs+5
;;   0135  mov rax,0
;;   013f  call func[0].instrumented+1D5h
;;   0144  jmp func[0].instrumented+41h
;;   0149  mov rax,1
;;   0153  call func[0].instrumented+1D5h
;;   0158  jmp func[0].instrumented+4Fh
;;   015d  mov rax,2
;;   0167  call func[0].instrumented+1D5h
;;   016c  jmp func[0].instrumented+5Dh
;;   0171  mov rax,3
;;   017b  call func[0].instrumented+1D5h
;;   0180  jmp func[0].instrumented+6Bh
;;   0185  mov rax,4
;;   018f  call func[0].instrumented+1D5h
;;   0194  jmp func[0].instrumented+0A8h
;;   0199  mov rax,5
;;   01a3  call func[0].instrumented+1D5h
;;   01a8  jmp func[0].instrumented+0B6h
;;   01ad  mov rax,6
;;   01b7  call func[0].instrumented+1D5h
;;   01bc  jmp func[0].instrumented+0EFh
;;   01c1  mov rax,7
;;   01cb  call func[0].instrumented+1D5h
;;   01d0  jmp func[0].instrumented+0FDh
;;   01d5  sub rsp,8
;;   01d9  push rax
;;   01da  call stubs+531h
;;   01df  add rsp,8
;;   01e3  mov r13,[r15+48h]
;;   01ea  cmp r13,1
;;   01f1  ja func[0].instrumented+1FEh
;;   01f7  lea r13,[stubs+7A9h]
;;   01fe  ret
