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
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+1C3h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+1D7h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+1EBh
;;   003e  test byte ptr [r13],8
;;   0046  jne func[0].instrumented+1FFh
;;   004c  cmp dword ptr [rbp+10h],2
;;   0056  setl bl
;;   005a  movzx ebx,bl
;;   005e  test byte ptr [r13],10h
;;   0066  jne func[0].instrumented+213h
;;   006c  test ebx,ebx
;;   006f  je func[0].instrumented+9Dh
;;   0075  test byte ptr [r13],20h
;;   007d  jne func[0].instrumented+227h
;;   0083  test byte ptr [r13],40h
;;   008b  jne func[0].instrumented+23Bh
;;   0091  mov ebx,[rbp+10h]
;;   0098  jmp func[0].instrumented+19Fh
;;   009d  test byte ptr [r13],80h
;;   00a5  jne func[0].instrumented+24Fh
;;   00ab  test byte ptr [r13+1],1
;;   00b3  jne func[0].instrumented+263h
;;   00b9  test byte ptr [r13+1],2
;;   00c1  jne func[0].instrumented+277h
;;   00c7  mov ebx,[rbp+10h]
;;   00ce  sub ebx,1
;;   00d5  test byte ptr [r13+1],4
;;   00dd  jne func[0].instrumented+28Bh
;;   00e3  mov [rsp],ebx
;;   00eb  mov esi,ebx
;;   00ee  call func[0]
;;   00f3  mov r13,[r15+48h]
;;   00fa  cmp r13,1
;;   0101  jbe func[0]+4Eh
;;   0107  mov rbx,rax
;;   010a  test byte ptr [r13+1],8
;;   0112  jne func[0].instrumented+29Fh
;;   0118  test byte ptr [r13+1],10h
;;   0120  jne func[0].instrumented+2B3h
;;   0126  test byte ptr [r13+1],20h
;;   012e  jne func[0].instrumented+2C7h
;;   0134  mov esi,[rbp+10h]
;;   013b  sub esi,2
;;   0142  test byte ptr [r13+1],40h
;;   014a  jne func[0].instrumented+2DBh
;;   0150  mov [rbp-10h],ebx
;;   0158  mov [rsp],esi
;;   0160  call func[0]
;;   0165  mov r13,[r15+48h]
;;   016c  cmp r13,1
;;   0173  jbe func[0]+74h
;;   0179  mov rbx,rax
;;   017c  test byte ptr [r13+1],80h
;;   0184  jne func[0].instrumented+2EFh
;;   018a  add ebx,[rbp-10h]
;;   0191  test byte ptr [r13+2],1
;;   0199  jne func[0].instrumented+303h
;;   019f  test byte ptr [r13+2],2
;;   01a7  jne func[0].instrumented+317h
;;   01ad  test byte ptr [r13+2],4
;;   01b5  jne func[0].instrumented+32Bh
;;   01bb  mov eax,ebx
;;   01be  mov rsp,rbp
;;   01c1  pop rbp
;;   01c2  ret
;;   01c3  mov rax,0
;;   01cd  call func[0].instrumented+33Fh
;;   01d2  jmp func[0].instrumented+22h
;;   01d7  mov rax,1
;;   01e1  call func[0].instrumented+33Fh
;;   01e6  jmp func[0].instrumented+30h
;;   01eb  mov rax,2
;;   01f5  call func[0].instrumented+33Fh
;;   01fa  jmp func[0].instrumented+3Eh
;;   01ff  mov rax,3
;;   0209  call func[0].instrumented+33Fh
;;   020e  jmp func[0].instrumented+4Ch
;;   0213  mov rax,4
;;   021d  call func[0].instrumented+33Fh
;;   0222  jmp func[0].instrumented+6Ch
;;   0227  mov rax,5
;;   0231  call func[0].instrumented+33Fh
;;   0236  jmp func[0].instrumented+83h
;;   023b  mov rax,6
;;   0245  call func[0].instrumented+33Fh
;;   024a  jmp func[0].instrumented+91h
;;   024f  mov rax,7
;;   0259  call func[0].instrumented+33Fh
;;   025e  jmp func[0].instrumented+0ABh
;;   0263  mov rax,8
;;   026d  call func[0].instrumented+33Fh
;;   0272  jmp func[0].instrumented+0B9h
;;   0277  mov rax,9
;;   0281  call func[0].instrumented+33Fh
;;   0286  jmp func[0].instrumented+0C7h
;;   028b  mov rax,0Ah
;;   0295  call func[0].instrumented+33Fh
;;   029a  jmp func[0].instrumented+0E3h
;;   029f  mov rax,0Bh
;;   02a9  call func[0].instrumented+33Fh
;;   02ae  jmp func[0].instrumented+118h
;;   02b3  mov rax,0Ch
;;   02bd  call func[0].instrumented+33Fh
;;   02c2  jmp func[0].instrumented+126h
;;   02c7  mov rax,0Dh
;;   02d1  call func[0].instrumented+33Fh
;;   02d6  jmp func[0].instrumented+134h
;;   02db  mov rax,0Eh
;;   02e5  call func[0].instrumented+33Fh
;;   02ea  jmp func[0].instrumented+150h
;;   02ef  mov rax,0Fh
;;   02f9  call func[0].instrumented+33Fh
;;   02fe  jmp func[0].instrumented+18Ah
;;   0303  mov rax,10h
;;   030d  call func[0].instrumented+33Fh
;;   0312  jmp func[0].instrumented+19Fh
;;   0317  mov rax,11h
;;   0321  call func[0].instrumented+33Fh
;;   0326  jmp func[0].instrumented+1ADh
;;   032b  mov rax,12h
;;   0335  call func[0].instrumented+33Fh
;;   033a  jmp func[0].instrumented+1BBh
;;   033f  sub rsp,8
;;   0343  push rax
;;   0344  call stubs+537h
;;   0349  add rsp,8
;;   034d  mov r13,[r15+48h]
;;   0354  cmp r13,1
;;   035b  ja func[0].instrumented+368h
;;   0361  lea r13,[stubs+7AFh]
;;   0368  ret
