;; Recursive fib, the call microbenchmark's kernel.
(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add
        (call $fib (i32.sub (local.get $n) (i32.const 1)))
        (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0] $fib: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+86h
;;   0014  cmp dword ptr [rbp+10h],2
;;   001e  jge func[0]+30h
;;   0024  mov ebx,[rbp+10h]
;;   002b  jmp func[0]+7Eh
;;   0030  mov ebx,[rbp+10h]
;;   0037  sub ebx,1
;;   003e  mov [rsp],ebx
;;   0046  mov esi,ebx
;;   0049  call func[0]
;;   004e  mov rbx,rax
;;   0051  mov esi,[rbp+10h]
;;   0058  sub esi,2
;;   005f  mov [rbp-10h],ebx
;;   0067  mov [rsp],esi
;;   006f  call func[0]
;;   0074  mov rbx,rax
;;   0077  add ebx,[rbp-10h]
;;   007e  mov eax,ebx
;;   0081  mov rsp,rbp
;;   0084  pop rbp
;;   0085  ret
;;   0086  mov rax,rsp
;;   0089  mov rsp,rbp
;;   008c  call stubs+1DBh
;;   0091  mov rsp,rax
;;   0094  cmp rsp,r12
;;   0097  jae func[0]+14h
;;   009d  bt r12,3Dh
;;   00a2  jb func[0]+86h
;;   00a8  jmp func[0]+0ADh
;;   00ad  mov rsp,rbp
;;   00b0  call stubs+55h
;; ---- func[0] $fib: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+86h
;;   0014  cmp dword ptr [rbp+10h],2
;;   001e  jge func[0]+30h
;;   0024  mov ebx,[rbp+10h]
;;   002b  jmp func[0]+7Eh
;;   0030  mov ebx,[rbp+10h]
;;   0037  sub ebx,1
;;   003e  mov [rsp],ebx
;;   0046  mov esi,ebx
;;   0049  call func[0]
;;   004e  mov rbx,rax
;;   0051  mov esi,[rbp+10h]
;;   0058  sub esi,2
;;   005f  mov [rbp-10h],ebx
;;   0067  mov [rsp],esi
;;   006f  call func[0]
;;   0074  mov rbx,rax
;;   0077  add ebx,[rbp-10h]
;;   007e  mov eax,ebx
;;   0081  mov rsp,rbp
;;   0084  pop rbp
;;   0085  ret
;;   0086  mov rax,r12
;;   0089  bt rax,3Dh
;;   008e  jb func[0]+0DEh
;;   0094  shl rax,2
;;   0098  shr rax,2
;;   009c  cmp rsp,rax
;;   009f  jb func[0]+0F1h
;;   00a5  mov rax,[r15+48h]
;;   00ac  bt r12,3Eh
;;   00b1  jae func[0]+0CDh
;;   00b7  shl r12,2
;;   00bb  shr r12,2
;;   00bf  test rax,rax
;;   00c2  je func[0]+14h
;;   00c8  bts r12,3Fh
;;   00cd  cmp rax,1
;;   00d3  ja func[0]+0F9h
;;   00d9  jmp func[0]+14h
;;   00de  mov rax,rsp
;;   00e1  mov rsp,rbp
;;   00e4  call stubs+1D7h
;;   00e9  mov rsp,rax
;;   00ec  jmp func[0]+86h
;;   00f1  mov rsp,rbp
;;   00f4  call stubs+55h
;;   00f9  jmp qword ptr [1000h]
;;   00ff  call stubs+537h
;;   0104  jmp func[0]+14h
;;   0109  jmp qword ptr [1008h]
;;   010f  call stubs+537h
;;   0114  jmp func[0]+4Eh
;;   0119  jmp qword ptr [1010h]
;;   011f  call stubs+537h
;;   0124  jmp func[0]+74h
;; ---- func[0] $fib: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+1DFh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+205h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+214h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+223h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+232h
;;   0068  cmp dword ptr [rbp+10h],2
;;   0072  setl bl
;;   0076  movzx ebx,bl
;;   007a  test byte ptr [r13],10h
;;   0082  jne func[0].instrumented+241h
;;   0088  test ebx,ebx
;;   008b  je func[0].instrumented+0B9h
;;   0091  test byte ptr [r13],20h
;;   0099  jne func[0].instrumented+250h
;;   009f  test byte ptr [r13],40h
;;   00a7  jne func[0].instrumented+25Fh
;;   00ad  mov ebx,[rbp+10h]
;;   00b4  jmp func[0].instrumented+1BBh
;;   00b9  test byte ptr [r13],80h
;;   00c1  jne func[0].instrumented+26Eh
;;   00c7  test byte ptr [r13+1],1
;;   00cf  jne func[0].instrumented+27Dh
;;   00d5  test byte ptr [r13+1],2
;;   00dd  jne func[0].instrumented+28Ch
;;   00e3  mov ebx,[rbp+10h]
;;   00ea  sub ebx,1
;;   00f1  test byte ptr [r13+1],4
;;   00f9  jne func[0].instrumented+29Bh
;;   00ff  mov [rsp],ebx
;;   0107  mov esi,ebx
;;   010a  call func[0].instrumented
;;   010f  mov r13,[r15+48h]
;;   0116  cmp r13,1
;;   011d  jbe func[0]+4Eh
;;   0123  mov rbx,rax
;;   0126  test byte ptr [r13+1],8
;;   012e  jne func[0].instrumented+2AAh
;;   0134  test byte ptr [r13+1],10h
;;   013c  jne func[0].instrumented+2B9h
;;   0142  test byte ptr [r13+1],20h
;;   014a  jne func[0].instrumented+2C8h
;;   0150  mov esi,[rbp+10h]
;;   0157  sub esi,2
;;   015e  test byte ptr [r13+1],40h
;;   0166  jne func[0].instrumented+2D7h
;;   016c  mov [rbp-10h],ebx
;;   0174  mov [rsp],esi
;;   017c  call func[0].instrumented
;;   0181  mov r13,[r15+48h]
;;   0188  cmp r13,1
;;   018f  jbe func[0]+74h
;;   0195  mov rbx,rax
;;   0198  test byte ptr [r13+1],80h
;;   01a0  jne func[0].instrumented+2E6h
;;   01a6  add ebx,[rbp-10h]
;;   01ad  test byte ptr [r13+2],1
;;   01b5  jne func[0].instrumented+2F5h
;;   01bb  test byte ptr [r13+2],2
;;   01c3  jne func[0].instrumented+304h
;;   01c9  test byte ptr [r13+2],4
;;   01d1  jne func[0].instrumented+313h
;;   01d7  mov eax,ebx
;;   01da  mov rsp,rbp
;;   01dd  pop rbp
;;   01de  ret
;;   01df  bt r12,3Dh
;;   01e4  jae func[0].instrumented+1FDh
;;   01ea  mov rax,rsp
;;   01ed  mov rsp,rbp
;;   01f0  call stubs+1D7h
;;   01f5  mov rsp,rax
;;   01f8  jmp func[0].instrumented+0Bh
;;   01fd  mov rsp,rbp
;;   0200  call stubs+55h
;;   0205  mov eax,0
;;   020a  call func[0].instrumented+322h
;;   020f  jmp func[0].instrumented+3Eh
;;   0214  mov eax,1
;;   0219  call func[0].instrumented+322h
;;   021e  jmp func[0].instrumented+4Ch
;;   0223  mov eax,2
;;   0228  call func[0].instrumented+322h
;;   022d  jmp func[0].instrumented+5Ah
;;   0232  mov eax,3
;;   0237  call func[0].instrumented+322h
;;   023c  jmp func[0].instrumented+68h
;;   0241  mov eax,4
;;   0246  call func[0].instrumented+322h
;;   024b  jmp func[0].instrumented+88h
;;   0250  mov eax,5
;;   0255  call func[0].instrumented+322h
;;   025a  jmp func[0].instrumented+9Fh
;;   025f  mov eax,6
;;   0264  call func[0].instrumented+322h
;;   0269  jmp func[0].instrumented+0ADh
;;   026e  mov eax,7
;;   0273  call func[0].instrumented+322h
;;   0278  jmp func[0].instrumented+0C7h
;;   027d  mov eax,8
;;   0282  call func[0].instrumented+322h
;;   0287  jmp func[0].instrumented+0D5h
;;   028c  mov eax,9
;;   0291  call func[0].instrumented+322h
;;   0296  jmp func[0].instrumented+0E3h
;;   029b  mov eax,0Ah
;;   02a0  call func[0].instrumented+322h
;;   02a5  jmp func[0].instrumented+0FFh
;;   02aa  mov eax,0Bh
;;   02af  call func[0].instrumented+322h
;;   02b4  jmp func[0].instrumented+134h
;;   02b9  mov eax,0Ch
;;   02be  call func[0].instrumented+322h
;;   02c3  jmp func[0].instrumented+142h
;;   02c8  mov eax,0Dh
;;   02cd  call func[0].instrumented+322h
;;   02d2  jmp func[0].instrumented+150h
;;   02d7  mov eax,0Eh
;;   02dc  call func[0].instrumented+322h
;;   02e1  jmp func[0].instrumented+16Ch
;;   02e6  mov eax,0Fh
;;   02eb  call func[0].instrumented+322h
;;   02f0  jmp func[0].instrumented+1A6h
;;   02f5  mov eax,10h
;;   02fa  call func[0].instrumented+322h
;;   02ff  jmp func[0].instrumented+1BBh
;;   0304  mov eax,11h
;;   0309  call func[0].instrumented+322h
;;   030e  jmp func[0].instrumented+1C9h
;;   0313  mov eax,12h
;;   0318  call func[0].instrumented+322h
;;   031d  jmp func[0].instrumented+1D7h
;;   0322  sub rsp,8
;;   0326  mov rdx,0
;;   0330  or rax,rdx
;;   0333  push rax
;;   0334  call stubs+537h
;;   0339  add rsp,8
;;   033d  mov r13,[r15+48h]
;;   0344  cmp r13,1
;;   034b  ja func[0].instrumented+358h
;;   0351  lea r13,[stubs+7AFh]
;;   0358  ret
