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
;;   008c  call stubs+1D6h
;;   0091  mov rsp,rax
;;   0094  cmp rsp,r12
;;   0097  jb func[0]+0A2h
;;   009d  jmp func[0]+14h
;;   00a2  mov rsp,rbp
;;   00a5  call stubs+55h
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
;;   0086  bt r12,3Dh
;;   008b  jb func[0]+0DEh
;;   0091  mov rax,r12
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
;;   0016  jb func[0].instrumented+1F5h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+22Fh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+23Eh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+24Dh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+25Ch
;;   0068  cmp dword ptr [rbp+10h],2
;;   0072  setl bl
;;   0076  movzx ebx,bl
;;   007a  test byte ptr [r13],10h
;;   0082  jne func[0].instrumented+26Bh
;;   0088  test ebx,ebx
;;   008b  je func[0].instrumented+0B9h
;;   0091  test byte ptr [r13],20h
;;   0099  jne func[0].instrumented+27Ah
;;   009f  test byte ptr [r13],40h
;;   00a7  jne func[0].instrumented+289h
;;   00ad  mov ebx,[rbp+10h]
;;   00b4  jmp func[0].instrumented+1D1h
;;   00b9  test byte ptr [r13],80h
;;   00c1  jne func[0].instrumented+298h
;;   00c7  test byte ptr [r13+1],1
;;   00cf  jne func[0].instrumented+2A7h
;;   00d5  test byte ptr [r13+1],2
;;   00dd  jne func[0].instrumented+2B6h
;;   00e3  mov ebx,[rbp+10h]
;;   00ea  sub ebx,1
;;   00f1  test byte ptr [r13+1],4
;;   00f9  jne func[0].instrumented+2C5h
;;   00ff  mov [rsp],ebx
;;   0107  mov esi,ebx
;;   010a  cmp qword ptr [r15+48h],1
;;   010f  jbe func[0].instrumented+213h
;;   0115  call func[0].instrumented
;;   011a  mov r13,[r15+48h]
;;   0121  cmp r13,1
;;   0128  jbe func[0]+4Eh
;;   012e  mov rbx,rax
;;   0131  test byte ptr [r13+1],8
;;   0139  jne func[0].instrumented+2D4h
;;   013f  test byte ptr [r13+1],10h
;;   0147  jne func[0].instrumented+2E3h
;;   014d  test byte ptr [r13+1],20h
;;   0155  jne func[0].instrumented+2F2h
;;   015b  mov esi,[rbp+10h]
;;   0162  sub esi,2
;;   0169  test byte ptr [r13+1],40h
;;   0171  jne func[0].instrumented+301h
;;   0177  mov [rbp-10h],ebx
;;   017f  mov [rsp],esi
;;   0187  cmp qword ptr [r15+48h],1
;;   018c  jbe func[0].instrumented+21Dh
;;   0192  call func[0].instrumented
;;   0197  mov r13,[r15+48h]
;;   019e  cmp r13,1
;;   01a5  jbe func[0]+74h
;;   01ab  mov rbx,rax
;;   01ae  test byte ptr [r13+1],80h
;;   01b6  jne func[0].instrumented+310h
;;   01bc  add ebx,[rbp-10h]
;;   01c3  test byte ptr [r13+2],1
;;   01cb  jne func[0].instrumented+31Fh
;;   01d1  test byte ptr [r13+2],2
;;   01d9  jne func[0].instrumented+32Eh
;;   01df  test byte ptr [r13+2],4
;;   01e7  jne func[0].instrumented+33Dh
;;   01ed  mov eax,ebx
;;   01f0  mov rsp,rbp
;;   01f3  pop rbp
;;   01f4  ret
;;   01f5  bt r12,3Dh
;;   01fa  jae func[0].instrumented+227h
;;   0200  mov rax,rsp
;;   0203  mov rsp,rbp
;;   0206  call stubs+1DDh
;;   020b  mov rsp,rax
;;   020e  jmp func[0].instrumented+0Bh
;;   0213  call func[0]
;;   0218  jmp func[0].instrumented+11Ah
;;   021d  call func[0]
;;   0222  jmp func[0].instrumented+197h
;;   0227  mov rsp,rbp
;;   022a  call stubs+55h
;;   022f  mov eax,0
;;   0234  call func[0].instrumented+34Ch
;;   0239  jmp func[0].instrumented+3Eh
;;   023e  mov eax,1
;;   0243  call func[0].instrumented+34Ch
;;   0248  jmp func[0].instrumented+4Ch
;;   024d  mov eax,2
;;   0252  call func[0].instrumented+34Ch
;;   0257  jmp func[0].instrumented+5Ah
;;   025c  mov eax,3
;;   0261  call func[0].instrumented+34Ch
;;   0266  jmp func[0].instrumented+68h
;;   026b  mov eax,4
;;   0270  call func[0].instrumented+34Ch
;;   0275  jmp func[0].instrumented+88h
;;   027a  mov eax,5
;;   027f  call func[0].instrumented+34Ch
;;   0284  jmp func[0].instrumented+9Fh
;;   0289  mov eax,6
;;   028e  call func[0].instrumented+34Ch
;;   0293  jmp func[0].instrumented+0ADh
;;   0298  mov eax,7
;;   029d  call func[0].instrumented+34Ch
;;   02a2  jmp func[0].instrumented+0C7h
;;   02a7  mov eax,8
;;   02ac  call func[0].instrumented+34Ch
;;   02b1  jmp func[0].instrumented+0D5h
;;   02b6  mov eax,9
;;   02bb  call func[0].instrumented+34Ch
;;   02c0  jmp func[0].instrumented+0E3h
;;   02c5  mov eax,0Ah
;;   02ca  call func[0].instrumented+34Ch
;;   02cf  jmp func[0].instrumented+0FFh
;;   02d4  mov eax,0Bh
;;   02d9  call func[0].instrumented+34Ch
;;   02de  jmp func[0].instrumented+13Fh
;;   02e3  mov eax,0Ch
;;   02e8  call func[0].instrumented+34Ch
;;   02ed  jmp func[0].instrumented+14Dh
;;   02f2  mov eax,0Dh
;;   02f7  call func[0].instrumented+34Ch
;;   02fc  jmp func[0].instrumented+15Bh
;;   0301  mov eax,0Eh
;;   0306  call func[0].instrumented+34Ch
;;   030b  jmp func[0].instrumented+177h
;;   0310  mov eax,0Fh
;;   0315  call func[0].instrumented+34Ch
;;   031a  jmp func[0].instrumented+1BCh
;;   031f  mov eax,10h
;;   0324  call func[0].instrumented+34Ch
;;   0329  jmp func[0].instrumented+1D1h
;;   032e  mov eax,11h
;;   0333  call func[0].instrumented+34Ch
;;   0338  jmp func[0].instrumented+1DFh
;;   033d  mov eax,12h
;;   0342  call func[0].instrumented+34Ch
;;   0347  jmp func[0].instrumented+1EDh
;;   034c  sub rsp,8
;;   0350  mov rdx,0
;;   035a  or rax,rdx
;;   035d  push rax
;;   035e  call stubs+53Dh
;;   0363  add rsp,8
;;   0367  mov r13,[r15+48h]
;;   036e  cmp r13,1
;;   0375  ja func[0].instrumented+382h
;;   037b  lea r13,[stubs+7B5h]
;;   0382  ret
