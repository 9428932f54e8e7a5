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
;;   000e  jb func[0]+68h
;;   0014  lea rax,[rsi+18h]
;;   001c  mov rcx,[r15+8]
;;   0023  cmp rax,[rcx]
;;   002a  ja func[0]+0ECh
;;   0030  mov qword ptr [r14+rsi+10h],7
;;   003c  lea rax,[rsi+10h]
;;   0044  mov rcx,[r15+8]
;;   004b  cmp rax,[rcx]
;;   0052  ja func[0]+0F1h
;;   0058  mov rbx,[r14+rsi+8]
;;   0060  mov rax,rbx
;;   0063  mov rsp,rbp
;;   0066  pop rbp
;;   0067  ret
;;   0068  mov rax,r12
;;   006b  bt rax,3Dh
;;   0070  jb func[0]+0C0h
;;   0076  shl rax,2
;;   007a  shr rax,2
;;   007e  cmp rsp,rax
;;   0081  jb func[0]+0DCh
;;   0087  mov rax,[r15+48h]
;;   008e  bt r12,3Eh
;;   0093  jae func[0]+0AFh
;;   0099  shl r12,2
;;   009d  shr r12,2
;;   00a1  test rax,rax
;;   00a4  je func[0]+14h
;;   00aa  bts r12,3Fh
;;   00af  cmp rax,1
;;   00b5  ja func[0]+0F6h
;;   00bb  jmp func[0]+14h
;;   00c0  mov rax,rsp
;;   00c3  mov rsp,rbp
;;   00c6  call stubs+20Ah
;;   00cb  mov rsp,rax
;;   00ce  test r12,r12
;;   00d1  je func[0]+0E4h
;;   00d7  jmp func[0]+68h
;;   00dc  mov rsp,rbp
;;   00df  call stubs+55h
;;   00e4  mov rsp,rbp
;;   00e7  call stubs+87h
;;   00ec  call stubs+5
;;   00f1  call stubs+5
;;   00f6  jmp qword ptr [1000h]
;;   00fc  call stubs+56Ah
;;   0101  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+12Ch
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+16Dh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+17Ch
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+18Bh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+19Ah
;;   0068  mov edx,[rbp+10h]
;;   006f  lea rax,[rdx+18h]
;;   0077  mov rcx,[r15+8]
;;   007e  cmp rax,[rcx]
;;   0085  ja func[0].instrumented+163h
;;   008b  lea rax,[rdx+18h]
;;   0093  cmp rax,[r15+50h]
;;   009a  ja func[0].instrumented+21Ch
;;   00a0  mov qword ptr [r14+rdx+10h],7
;;   00ac  test byte ptr [r13],10h
;;   00b4  jne func[0].instrumented+1A9h
;;   00ba  test byte ptr [r13],20h
;;   00c2  jne func[0].instrumented+1B8h
;;   00c8  mov edx,[rbp+10h]
;;   00cf  lea rax,[rdx+10h]
;;   00d7  mov rcx,[r15+8]
;;   00de  cmp rax,[rcx]
;;   00e5  ja func[0].instrumented+168h
;;   00eb  lea rax,[rdx+10h]
;;   00f3  cmp rax,[r15+50h]
;;   00fa  ja func[0].instrumented+267h
;;   0100  mov rbx,[r14+rdx+8]
;;   0108  test byte ptr [r13],40h
;;   0110  jne func[0].instrumented+1C7h
;;   0116  test byte ptr [r13],80h
;;   011e  jne func[0].instrumented+1D6h
;;   0124  mov rax,rbx
;;   0127  mov rsp,rbp
;;   012a  pop rbp
;;   012b  ret
;;   012c  bt r12,3Dh
;;   0131  jae func[0].instrumented+153h
;;   0137  mov rax,rsp
;;   013a  mov rsp,rbp
;;   013d  call stubs+20Eh
;;   0142  mov rsp,rax
;;   0145  test r12,r12
;;   0148  je func[0].instrumented+15Bh
;;   014e  jmp func[0].instrumented+0Bh
;;   0153  mov rsp,rbp
;;   0156  call stubs+55h
;;   015b  mov rsp,rbp
;;   015e  call stubs+87h
;;   0163  call stubs+5
;;   0168  call stubs+5
;;   016d  mov eax,0
;;   0172  call func[0].instrumented+1E5h
;;   0177  jmp func[0].instrumented+3Eh
;;   017c  mov eax,1
;;   0181  call func[0].instrumented+1E5h
;;   0186  jmp func[0].instrumented+4Ch
;;   018b  mov eax,2
;;   0190  call func[0].instrumented+1E5h
;;   0195  jmp func[0].instrumented+5Ah
;;   019a  mov eax,3
;;   019f  call func[0].instrumented+1E5h
;;   01a4  jmp func[0].instrumented+68h
;;   01a9  mov eax,4
;;   01ae  call func[0].instrumented+1E5h
;;   01b3  jmp func[0].instrumented+0BAh
;;   01b8  mov eax,5
;;   01bd  call func[0].instrumented+1E5h
;;   01c2  jmp func[0].instrumented+0C8h
;;   01c7  mov eax,6
;;   01cc  call func[0].instrumented+1E5h
;;   01d1  jmp func[0].instrumented+116h
;;   01d6  mov eax,7
;;   01db  call func[0].instrumented+1E5h
;;   01e0  jmp func[0].instrumented+124h
;;   01e5  sub rsp,8
;;   01e9  mov rdx,0
;;   01f3  or rax,rdx
;;   01f6  push rax
;;   01f7  call stubs+56Eh
;;   01fc  add rsp,8
;;   0200  mov r13,[r15+48h]
;;   0207  cmp r13,1
;;   020e  ja func[0].instrumented+21Bh
;;   0214  lea r13,[stubs+7E6h]
;;   021b  ret
;;   021c  sub rax,8
;;   0222  cmp rax,[r15+58h]
;;   0229  jae func[0].instrumented+0A0h
;;   022f  sub rsp,8
;;   0233  mov dword ptr [rsp],0
;;   023a  mov dword ptr [rsp+4],0C0000008h
;;   0242  call stubs+56Eh
;;   0247  mov r13,[r15+48h]
;;   024e  cmp r13,1
;;   0255  ja func[0].instrumented+262h
;;   025b  lea r13,[stubs+7E6h]
;;   0262  jmp func[0].instrumented+0A0h
;;   0267  sub rax,8
;;   026d  cmp rax,[r15+58h]
;;   0274  jae func[0].instrumented+100h
;;   027a  sub rsp,8
;;   027e  mov dword ptr [rsp],0
;;   0285  mov dword ptr [rsp+4],80000008h
;;   028d  call stubs+56Eh
;;   0292  mov r13,[r15+48h]
;;   0299  cmp r13,1
;;   02a0  ja func[0].instrumented+2ADh
;;   02a6  lea r13,[stubs+7E6h]
;;   02ad  jmp func[0].instrumented+100h
