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
;;   008c  call stubs+20Ah
;;   0091  mov rsp,rax
;;   0094  test r12,r12
;;   0097  je func[0]+0BEh
;;   009d  cmp rsp,r12
;;   00a0  jae func[0]+14h
;;   00a6  bt r12,3Dh
;;   00ab  jb func[0]+86h
;;   00b1  jmp func[0]+0B6h
;;   00b6  mov rsp,rbp
;;   00b9  call stubs+55h
;;   00be  mov rsp,rbp
;;   00c1  call stubs+87h
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
;;   009f  jb func[0]+0FAh
;;   00a5  mov rax,[r15+48h]
;;   00ac  bt r12,3Eh
;;   00b1  jae func[0]+0CDh
;;   00b7  shl r12,2
;;   00bb  shr r12,2
;;   00bf  test rax,rax
;;   00c2  je func[0]+14h
;;   00c8  bts r12,3Fh
;;   00cd  cmp rax,1
;;   00d3  ja func[0]+10Ah
;;   00d9  jmp func[0]+14h
;;   00de  mov rax,rsp
;;   00e1  mov rsp,rbp
;;   00e4  call stubs+216h
;;   00e9  mov rsp,rax
;;   00ec  test r12,r12
;;   00ef  je func[0]+102h
;;   00f5  jmp func[0]+86h
;;   00fa  mov rsp,rbp
;;   00fd  call stubs+55h
;;   0102  mov rsp,rbp
;;   0105  call stubs+87h
;;   010a  jmp qword ptr [1000h]
;;   0110  call stubs+576h
;;   0115  jmp func[0]+14h
;;   011a  jmp qword ptr [1008h]
;;   0120  call stubs+576h
;;   0125  jmp func[0]+4Eh
;;   012a  jmp qword ptr [1010h]
;;   0130  call stubs+576h
;;   0135  jmp func[0]+74h
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
;;   0038  jne func[0].instrumented+216h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+225h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+234h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+243h
;;   0068  cmp dword ptr [rbp+10h],2
;;   0072  setl bl
;;   0076  movzx ebx,bl
;;   007a  test byte ptr [r13],10h
;;   0082  jne func[0].instrumented+252h
;;   0088  test ebx,ebx
;;   008b  je func[0].instrumented+0B9h
;;   0091  test byte ptr [r13],20h
;;   0099  jne func[0].instrumented+261h
;;   009f  test byte ptr [r13],40h
;;   00a7  jne func[0].instrumented+270h
;;   00ad  mov ebx,[rbp+10h]
;;   00b4  jmp func[0].instrumented+1BBh
;;   00b9  test byte ptr [r13],80h
;;   00c1  jne func[0].instrumented+27Fh
;;   00c7  test byte ptr [r13+1],1
;;   00cf  jne func[0].instrumented+28Eh
;;   00d5  test byte ptr [r13+1],2
;;   00dd  jne func[0].instrumented+29Dh
;;   00e3  mov ebx,[rbp+10h]
;;   00ea  sub ebx,1
;;   00f1  test byte ptr [r13+1],4
;;   00f9  jne func[0].instrumented+2ACh
;;   00ff  mov [rsp],ebx
;;   0107  mov esi,ebx
;;   010a  call func[0].instrumented
;;   010f  mov r13,[r15+48h]
;;   0116  cmp r13,1
;;   011d  jbe func[0]+4Eh
;;   0123  mov rbx,rax
;;   0126  test byte ptr [r13+1],8
;;   012e  jne func[0].instrumented+2BBh
;;   0134  test byte ptr [r13+1],10h
;;   013c  jne func[0].instrumented+2CAh
;;   0142  test byte ptr [r13+1],20h
;;   014a  jne func[0].instrumented+2D9h
;;   0150  mov esi,[rbp+10h]
;;   0157  sub esi,2
;;   015e  test byte ptr [r13+1],40h
;;   0166  jne func[0].instrumented+2E8h
;;   016c  mov [rbp-10h],ebx
;;   0174  mov [rsp],esi
;;   017c  call func[0].instrumented
;;   0181  mov r13,[r15+48h]
;;   0188  cmp r13,1
;;   018f  jbe func[0]+74h
;;   0195  mov rbx,rax
;;   0198  test byte ptr [r13+1],80h
;;   01a0  jne func[0].instrumented+2F7h
;;   01a6  add ebx,[rbp-10h]
;;   01ad  test byte ptr [r13+2],1
;;   01b5  jne func[0].instrumented+306h
;;   01bb  test byte ptr [r13+2],2
;;   01c3  jne func[0].instrumented+315h
;;   01c9  test byte ptr [r13+2],4
;;   01d1  jne func[0].instrumented+324h
;;   01d7  mov eax,ebx
;;   01da  mov rsp,rbp
;;   01dd  pop rbp
;;   01de  ret
;;   01df  bt r12,3Dh
;;   01e4  jae func[0].instrumented+206h
;;   01ea  mov rax,rsp
;;   01ed  mov rsp,rbp
;;   01f0  call stubs+216h
;;   01f5  mov rsp,rax
;;   01f8  test r12,r12
;;   01fb  je func[0].instrumented+20Eh
;;   0201  jmp func[0].instrumented+0Bh
;;   0206  mov rsp,rbp
;;   0209  call stubs+55h
;;   020e  mov rsp,rbp
;;   0211  call stubs+87h
;;   0216  mov eax,0
;;   021b  call func[0].instrumented+333h
;;   0220  jmp func[0].instrumented+3Eh
;;   0225  mov eax,1
;;   022a  call func[0].instrumented+333h
;;   022f  jmp func[0].instrumented+4Ch
;;   0234  mov eax,2
;;   0239  call func[0].instrumented+333h
;;   023e  jmp func[0].instrumented+5Ah
;;   0243  mov eax,3
;;   0248  call func[0].instrumented+333h
;;   024d  jmp func[0].instrumented+68h
;;   0252  mov eax,4
;;   0257  call func[0].instrumented+333h
;;   025c  jmp func[0].instrumented+88h
;;   0261  mov eax,5
;;   0266  call func[0].instrumented+333h
;;   026b  jmp func[0].instrumented+9Fh
;;   0270  mov eax,6
;;   0275  call func[0].instrumented+333h
;;   027a  jmp func[0].instrumented+0ADh
;;   027f  mov eax,7
;;   0284  call func[0].instrumented+333h
;;   0289  jmp func[0].instrumented+0C7h
;;   028e  mov eax,8
;;   0293  call func[0].instrumented+333h
;;   0298  jmp func[0].instrumented+0D5h
;;   029d  mov eax,9
;;   02a2  call func[0].instrumented+333h
;;   02a7  jmp func[0].instrumented+0E3h
;;   02ac  mov eax,0Ah
;;   02b1  call func[0].instrumented+333h
;;   02b6  jmp func[0].instrumented+0FFh
;;   02bb  mov eax,0Bh
;;   02c0  call func[0].instrumented+333h
;;   02c5  jmp func[0].instrumented+134h
;;   02ca  mov eax,0Ch
;;   02cf  call func[0].instrumented+333h
;;   02d4  jmp func[0].instrumented+142h
;;   02d9  mov eax,0Dh
;;   02de  call func[0].instrumented+333h
;;   02e3  jmp func[0].instrumented+150h
;;   02e8  mov eax,0Eh
;;   02ed  call func[0].instrumented+333h
;;   02f2  jmp func[0].instrumented+16Ch
;;   02f7  mov eax,0Fh
;;   02fc  call func[0].instrumented+333h
;;   0301  jmp func[0].instrumented+1A6h
;;   0306  mov eax,10h
;;   030b  call func[0].instrumented+333h
;;   0310  jmp func[0].instrumented+1BBh
;;   0315  mov eax,11h
;;   031a  call func[0].instrumented+333h
;;   031f  jmp func[0].instrumented+1C9h
;;   0324  mov eax,12h
;;   0329  call func[0].instrumented+333h
;;   032e  jmp func[0].instrumented+1D7h
;;   0333  sub rsp,8
;;   0337  mov rdx,0
;;   0341  or rax,rdx
;;   0344  push rax
;;   0345  call stubs+576h
;;   034a  add rsp,8
;;   034e  mov r13,[r15+48h]
;;   0355  cmp r13,1
;;   035c  ja func[0].instrumented+369h
;;   0362  lea r13,[stubs+7EEh]
;;   0369  ret
