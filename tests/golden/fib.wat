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
;;   00e4  call stubs+1DDh
;;   00e9  mov rsp,rax
;;   00ec  jmp func[0]+86h
;;   00f1  mov rsp,rbp
;;   00f4  call stubs+55h
;;   00f9  cmp qword ptr [1000h],0
;;   0101  je func[0]+10Dh
;;   0107  jmp qword ptr [1000h]
;;   010d  call stubs+53Dh
;;   0112  jmp func[0]+14h
;;   0117  cmp qword ptr [1008h],0
;;   011f  je func[0]+12Bh
;;   0125  jmp qword ptr [1008h]
;;   012b  call stubs+53Dh
;;   0130  jmp func[0]+4Eh
;;   0135  cmp qword ptr [1010h],0
;;   013d  je func[0]+149h
;;   0143  jmp qword ptr [1010h]
;;   0149  call stubs+53Dh
;;   014e  jmp func[0]+74h
;; ---- func[0] $fib: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+226h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+24Ch
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+260h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+274h
;;   005d  test byte ptr [r13],8
;;   0065  jne func[0].instrumented+288h
;;   006b  cmp dword ptr [rbp+10h],2
;;   0075  setl bl
;;   0079  movzx ebx,bl
;;   007d  test byte ptr [r13],10h
;;   0085  jne func[0].instrumented+29Ch
;;   008b  test ebx,ebx
;;   008e  je func[0].instrumented+0BCh
;;   0094  test byte ptr [r13],20h
;;   009c  jne func[0].instrumented+2B0h
;;   00a2  test byte ptr [r13],40h
;;   00aa  jne func[0].instrumented+2C4h
;;   00b0  mov ebx,[rbp+10h]
;;   00b7  jmp func[0].instrumented+202h
;;   00bc  test byte ptr [r13],80h
;;   00c4  jne func[0].instrumented+2D8h
;;   00ca  test byte ptr [r13+1],1
;;   00d2  jne func[0].instrumented+2ECh
;;   00d8  test byte ptr [r13+1],2
;;   00e0  jne func[0].instrumented+300h
;;   00e6  mov ebx,[rbp+10h]
;;   00ed  sub ebx,1
;;   00f4  test byte ptr [r13+1],4
;;   00fc  jne func[0].instrumented+314h
;;   0102  mov [rsp],ebx
;;   010a  mov esi,ebx
;;   010d  cmp qword ptr [r15+48h],1
;;   0112  jbe func[0].instrumented+12Fh
;;   0118  mov rax,[1018h]
;;   011f  test rax,rax
;;   0122  je func[0].instrumented+12Fh
;;   0128  call rax
;;   012a  jmp func[0].instrumented+134h
;;   012f  call func[0]
;;   0134  mov r13,[r15+48h]
;;   013b  cmp r13,1
;;   0142  jbe func[0]+4Eh
;;   0148  mov rbx,rax
;;   014b  test byte ptr [r13+1],8
;;   0153  jne func[0].instrumented+328h
;;   0159  test byte ptr [r13+1],10h
;;   0161  jne func[0].instrumented+33Ch
;;   0167  test byte ptr [r13+1],20h
;;   016f  jne func[0].instrumented+350h
;;   0175  mov esi,[rbp+10h]
;;   017c  sub esi,2
;;   0183  test byte ptr [r13+1],40h
;;   018b  jne func[0].instrumented+364h
;;   0191  mov [rbp-10h],ebx
;;   0199  mov [rsp],esi
;;   01a1  cmp qword ptr [r15+48h],1
;;   01a6  jbe func[0].instrumented+1C3h
;;   01ac  mov rax,[1018h]
;;   01b3  test rax,rax
;;   01b6  je func[0].instrumented+1C3h
;;   01bc  call rax
;;   01be  jmp func[0].instrumented+1C8h
;;   01c3  call func[0]
;;   01c8  mov r13,[r15+48h]
;;   01cf  cmp r13,1
;;   01d6  jbe func[0]+74h
;;   01dc  mov rbx,rax
;;   01df  test byte ptr [r13+1],80h
;;   01e7  jne func[0].instrumented+378h
;;   01ed  add ebx,[rbp-10h]
;;   01f4  test byte ptr [r13+2],1
;;   01fc  jne func[0].instrumented+38Ch
;;   0202  test byte ptr [r13+2],2
;;   020a  jne func[0].instrumented+3A0h
;;   0210  test byte ptr [r13+2],4
;;   0218  jne func[0].instrumented+3B4h
;;   021e  mov eax,ebx
;;   0221  mov rsp,rbp
;;   0224  pop rbp
;;   0225  ret
;;   0226  bt r12,3Dh
;;   022b  jae func[0].instrumented+244h
;;   0231  mov rax,rsp
;;   0234  mov rsp,rbp
;;   0237  call stubs+1CEh
;;   023c  mov rsp,rax
;;   023f  jmp func[0].instrumented+0Bh
;;   0244  mov rsp,rbp
;;   0247  call stubs+55h
;;   024c  mov rax,0
;;   0256  call func[0].instrumented+3C8h
;;   025b  jmp func[0].instrumented+41h
;;   0260  mov rax,1
;;   026a  call func[0].instrumented+3C8h
;;   026f  jmp func[0].instrumented+4Fh
;;   0274  mov rax,2
;;   027e  call func[0].instrumented+3C8h
;;   0283  jmp func[0].instrumented+5Dh
;;   0288  mov rax,3
;;   0292  call func[0].instrumented+3C8h
;;   0297  jmp func[0].instrumented+6Bh
;;   029c  mov rax,4
;;   02a6  call func[0].instrumented+3C8h
;;   02ab  jmp func[0].instrumented+8Bh
;;   02b0  mov rax,5
;;   02ba  call func[0].instrumented+3C8h
;;   02bf  jmp func[0].instrumented+0A2h
;;   02c4  mov rax,6
;;   02ce  call func[0].instrumented+3C8h
;;   02d3  jmp func[0].instrumented+0B0h
;;   02d8  mov rax,7
;;   02e2  call func[0].instrumented+3C8h
;;   02e7  jmp func[0].instrumented+0CAh
;;   02ec  mov rax,8
;;   02f6  call func[0].instrumented+3C8h
;;   02fb  jmp func[0].instrumented+0D8h
;;   0300  mov rax,9
;;   030a  call func[0].instrumented+3C8h
;;   030f  jmp func[0].instrumented+0E6h
;;   0314  mov rax,0Ah
;;   031e  call func[0].instrumented+3C8h
;;   0323  jmp func[0].instrumented+102h
;;   0328  mov rax,0Bh
;;   0332  call func[0].instrumented+3C8h
;;   0337  jmp func[0].instrumented+159h
;;   033c  mov rax,0Ch
;;   0346  call func[0].instrumented+3C8h
;;   034b  jmp func[0].instrumented+167h
;;   0350  mov rax,0Dh
;;   035a  call func[0].instrumented+3C8h
;;   035f  jmp func[0].instrumented+175h
;;   0364  mov rax,0Eh
;;   036e  call func[0].instrumented+3C8h
;;   0373  jmp func[0].instrumented+191h
;;   0378  mov rax,0Fh
;;   0382  call func[0].instrumented+3C8h
;;   0387  jmp func[0].instrumented+1EDh
;;   038c  mov rax,10h
;;   0396  call func[0].instrumented+3C8h
;;   039b  jmp func[0].instrumented+202h
;;   03a0  mov rax,11h
;;   03aa  call func[0].instrumented+3C8h
;;   03af  jmp func[0].instrumented+210h
;;   03b4  mov rax,12h
;;   03be  call func[0].instrumented+3C8h
;;   03c3  jmp func[0].instrumented+21Eh
;;   03c8  sub rsp,8
;;   03cc  push rax
;;   03cd  call stubs+52Eh
;;   03d2  add rsp,8
;;   03d6  mov r13,[r15+48h]
;;   03dd  cmp r13,1
;;   03e4  ja func[0].instrumented+3F1h
;;   03ea  lea r13,[stubs+7A6h]
;;   03f1  ret
