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
;;   000e  jb func[0]+91h
;;   0014  cmp qword ptr [r15+48h],0
;;   0019  jne func[0].instrumented
;;   001f  cmp dword ptr [rbp+10h],2
;;   0029  jge func[0]+3Bh
;;   002f  mov ebx,[rbp+10h]
;;   0036  jmp func[0]+89h
;;   003b  mov ebx,[rbp+10h]
;;   0042  sub ebx,1
;;   0049  mov [rsp],ebx
;;   0051  mov esi,ebx
;;   0054  call func[0]
;;   0059  mov rbx,rax
;;   005c  mov esi,[rbp+10h]
;;   0063  sub esi,2
;;   006a  mov [rbp-10h],ebx
;;   0072  mov [rsp],esi
;;   007a  call func[0]
;;   007f  mov rbx,rax
;;   0082  add ebx,[rbp-10h]
;;   0089  mov eax,ebx
;;   008c  mov rsp,rbp
;;   008f  pop rbp
;;   0090  ret
;;   0091  mov rax,rsp
;;   0094  mov rsp,rbp
;;   0097  call stubs+1D1h
;;   009c  mov rsp,rax
;;   009f  cmp rsp,r12
;;   00a2  jb func[0]+0ADh
;;   00a8  jmp func[0]+14h
;;   00ad  mov rsp,rbp
;;   00b0  call stubs+55h
;; ---- func[0] $fib: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+1Fh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+1B7h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+1C6h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+1D5h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+1E4h
;;   0048  cmp dword ptr [rbp+10h],2
;;   0052  setl bl
;;   0056  movzx ebx,bl
;;   005a  test byte ptr [r13],10h
;;   0062  jne func[0].instrumented+1F3h
;;   0068  test ebx,ebx
;;   006b  je func[0].instrumented+99h
;;   0071  test byte ptr [r13],20h
;;   0079  jne func[0].instrumented+202h
;;   007f  test byte ptr [r13],40h
;;   0087  jne func[0].instrumented+211h
;;   008d  mov ebx,[rbp+10h]
;;   0094  jmp func[0].instrumented+193h
;;   0099  test byte ptr [r13],80h
;;   00a1  jne func[0].instrumented+220h
;;   00a7  test byte ptr [r13+1],1
;;   00af  jne func[0].instrumented+22Fh
;;   00b5  test byte ptr [r13+1],2
;;   00bd  jne func[0].instrumented+23Eh
;;   00c3  mov ebx,[rbp+10h]
;;   00ca  sub ebx,1
;;   00d1  test byte ptr [r13+1],4
;;   00d9  jne func[0].instrumented+24Dh
;;   00df  mov [rsp],ebx
;;   00e7  mov esi,ebx
;;   00ea  call func[0]
;;   00ef  mov r13,[r15+48h]
;;   00f6  test r13,r13
;;   00f9  je func[0]+59h
;;   00ff  mov rbx,rax
;;   0102  test byte ptr [r13+1],8
;;   010a  jne func[0].instrumented+25Ch
;;   0110  test byte ptr [r13+1],10h
;;   0118  jne func[0].instrumented+26Bh
;;   011e  test byte ptr [r13+1],20h
;;   0126  jne func[0].instrumented+27Ah
;;   012c  mov esi,[rbp+10h]
;;   0133  sub esi,2
;;   013a  test byte ptr [r13+1],40h
;;   0142  jne func[0].instrumented+289h
;;   0148  mov [rbp-10h],ebx
;;   0150  mov [rsp],esi
;;   0158  call func[0]
;;   015d  mov r13,[r15+48h]
;;   0164  test r13,r13
;;   0167  je func[0]+7Fh
;;   016d  mov rbx,rax
;;   0170  test byte ptr [r13+1],80h
;;   0178  jne func[0].instrumented+298h
;;   017e  add ebx,[rbp-10h]
;;   0185  test byte ptr [r13+2],1
;;   018d  jne func[0].instrumented+2A7h
;;   0193  test byte ptr [r13+2],2
;;   019b  jne func[0].instrumented+2B6h
;;   01a1  test byte ptr [r13+2],4
;;   01a9  jne func[0].instrumented+2C5h
;;   01af  mov eax,ebx
;;   01b2  mov rsp,rbp
;;   01b5  pop rbp
;;   01b6  ret
;;   01b7  mov eax,0
;;   01bc  call func[0].instrumented+2D4h
;;   01c1  jmp func[0].instrumented+1Eh
;;   01c6  mov eax,1
;;   01cb  call func[0].instrumented+2D4h
;;   01d0  jmp func[0].instrumented+2Ch
;;   01d5  mov eax,2
;;   01da  call func[0].instrumented+2D4h
;;   01df  jmp func[0].instrumented+3Ah
;;   01e4  mov eax,3
;;   01e9  call func[0].instrumented+2D4h
;;   01ee  jmp func[0].instrumented+48h
;;   01f3  mov eax,4
;;   01f8  call func[0].instrumented+2D4h
;;   01fd  jmp func[0].instrumented+68h
;;   0202  mov eax,5
;;   0207  call func[0].instrumented+2D4h
;;   020c  jmp func[0].instrumented+7Fh
;;   0211  mov eax,6
;;   0216  call func[0].instrumented+2D4h
;;   021b  jmp func[0].instrumented+8Dh
;;   0220  mov eax,7
;;   0225  call func[0].instrumented+2D4h
;;   022a  jmp func[0].instrumented+0A7h
;;   022f  mov eax,8
;;   0234  call func[0].instrumented+2D4h
;;   0239  jmp func[0].instrumented+0B5h
;;   023e  mov eax,9
;;   0243  call func[0].instrumented+2D4h
;;   0248  jmp func[0].instrumented+0C3h
;;   024d  mov eax,0Ah
;;   0252  call func[0].instrumented+2D4h
;;   0257  jmp func[0].instrumented+0DFh
;;   025c  mov eax,0Bh
;;   0261  call func[0].instrumented+2D4h
;;   0266  jmp func[0].instrumented+110h
;;   026b  mov eax,0Ch
;;   0270  call func[0].instrumented+2D4h
;;   0275  jmp func[0].instrumented+11Eh
;;   027a  mov eax,0Dh
;;   027f  call func[0].instrumented+2D4h
;;   0284  jmp func[0].instrumented+12Ch
;;   0289  mov eax,0Eh
;;   028e  call func[0].instrumented+2D4h
;;   0293  jmp func[0].instrumented+148h
;;   0298  mov eax,0Fh
;;   029d  call func[0].instrumented+2D4h
;;   02a2  jmp func[0].instrumented+17Eh
;;   02a7  mov eax,10h
;;   02ac  call func[0].instrumented+2D4h
;;   02b1  jmp func[0].instrumented+193h
;;   02b6  mov eax,11h
;;   02bb  call func[0].instrumented+2D4h
;;   02c0  jmp func[0].instrumented+1A1h
;;   02c5  mov eax,12h
;;   02ca  call func[0].instrumented+2D4h
;;   02cf  jmp func[0].instrumented+1AFh
;;   02d4  sub rsp,8
;;   02d8  push rax
;;   02d9  call stubs+531h
;;   02de  add rsp,8
;;   02e2  mov r13,[r15+48h]
;;   02e9  test r13,r13
;;   02ec  jne func[0].instrumented+2F9h
;;   02f2  lea r13,[stubs+7A9h]
;;   02f9  ret
