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
;;   0031  ja func[0]+0FAh
;;   0037  mov qword ptr [r14+rdx+10h],7
;;   0043  mov edx,[rbp+10h]
;;   004a  lea rax,[rdx+10h]
;;   0052  mov rcx,[r15+8]
;;   0059  cmp rax,[rcx]
;;   0060  ja func[0]+0FFh
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
;;   008f  jb func[0]+0EAh
;;   0095  mov rax,[r15+48h]
;;   009c  bt r12,3Eh
;;   00a1  jae func[0]+0BDh
;;   00a7  shl r12,2
;;   00ab  shr r12,2
;;   00af  test rax,rax
;;   00b2  je func[0]+14h
;;   00b8  bts r12,3Fh
;;   00bd  cmp rax,1
;;   00c3  ja func[0]+104h
;;   00c9  jmp func[0]+14h
;;   00ce  mov rax,rsp
;;   00d1  mov rsp,rbp
;;   00d4  call stubs+1ECh
;;   00d9  mov rsp,rax
;;   00dc  test r12,r12
;;   00df  je func[0]+0F2h
;;   00e5  jmp func[0]+76h
;;   00ea  mov rsp,rbp
;;   00ed  call stubs+55h
;;   00f2  mov rsp,rbp
;;   00f5  call stubs+87h
;;   00fa  call stubs+5
;;   00ff  call stubs+5
;;   0104  jmp qword ptr [1000h]
;;   010a  call stubs+54Ch
;;   010f  jmp func[0]+14h
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
;;   0038  jne func[0].instrumented+143h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+152h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+161h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+170h
;;   0068  mov edx,[rbp+10h]
;;   006f  lea rax,[rdx+18h]
;;   0077  mov rcx,[r15+8]
;;   007e  cmp rax,[rcx]
;;   0085  ja func[0].instrumented+139h
;;   008b  mov qword ptr [r14+rdx+10h],7
;;   0097  test byte ptr [r13],10h
;;   009f  jne func[0].instrumented+17Fh
;;   00a5  test byte ptr [r13],20h
;;   00ad  jne func[0].instrumented+18Eh
;;   00b3  mov edx,[rbp+10h]
;;   00ba  lea rax,[rdx+10h]
;;   00c2  mov rcx,[r15+8]
;;   00c9  cmp rax,[rcx]
;;   00d0  ja func[0].instrumented+13Eh
;;   00d6  mov rbx,[r14+rdx+8]
;;   00de  test byte ptr [r13],40h
;;   00e6  jne func[0].instrumented+19Dh
;;   00ec  test byte ptr [r13],80h
;;   00f4  jne func[0].instrumented+1ACh
;;   00fa  mov rax,rbx
;;   00fd  mov rsp,rbp
;;   0100  pop rbp
;;   0101  ret
;;   0102  bt r12,3Dh
;;   0107  jae func[0].instrumented+129h
;;   010d  mov rax,rsp
;;   0110  mov rsp,rbp
;;   0113  call stubs+1EEh
;;   0118  mov rsp,rax
;;   011b  test r12,r12
;;   011e  je func[0].instrumented+131h
;;   0124  jmp func[0].instrumented+0Bh
;;   0129  mov rsp,rbp
;;   012c  call stubs+55h
;;   0131  mov rsp,rbp
;;   0134  call stubs+87h
;;   0139  call stubs+5
;;   013e  call stubs+5
;;   0143  mov eax,0
;;   0148  call func[0].instrumented+1BBh
;;   014d  jmp func[0].instrumented+3Eh
;;   0152  mov eax,1
;;   0157  call func[0].instrumented+1BBh
;;   015c  jmp func[0].instrumented+4Ch
;;   0161  mov eax,2
;;   0166  call func[0].instrumented+1BBh
;;   016b  jmp func[0].instrumented+5Ah
;;   0170  mov eax,3
;;   0175  call func[0].instrumented+1BBh
;;   017a  jmp func[0].instrumented+68h
;;   017f  mov eax,4
;;   0184  call func[0].instrumented+1BBh
;;   0189  jmp func[0].instrumented+0A5h
;;   018e  mov eax,5
;;   0193  call func[0].instrumented+1BBh
;;   0198  jmp func[0].instrumented+0B3h
;;   019d  mov eax,6
;;   01a2  call func[0].instrumented+1BBh
;;   01a7  jmp func[0].instrumented+0ECh
;;   01ac  mov eax,7
;;   01b1  call func[0].instrumented+1BBh
;;   01b6  jmp func[0].instrumented+0FAh
;;   01bb  sub rsp,8
;;   01bf  mov rdx,0
;;   01c9  or rax,rdx
;;   01cc  push rax
;;   01cd  call stubs+54Eh
;;   01d2  add rsp,8
;;   01d6  mov r13,[r15+48h]
;;   01dd  cmp r13,1
;;   01e4  ja func[0].instrumented+1F1h
;;   01ea  lea r13,[stubs+7C6h]
;;   01f1  ret
