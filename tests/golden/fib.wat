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
;;   0019  jne func[0]+0B5h
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
;;   0097  call stubs+1DDh
;;   009c  mov rsp,rax
;;   009f  cmp rsp,r12
;;   00a2  jb func[0]+0ADh
;;   00a8  jmp func[0]+14h
;;   00ad  mov rsp,rbp
;;   00b0  call stubs+55h
;;   00b5  call stubs+53Dh
;;   00ba  jmp func[0]+1Fh
;;   00bf  call stubs+53Dh
;;   00c4  jmp func[0]+59h
;;   00c9  call stubs+53Dh
;;   00ce  jmp func[0]+7Fh
;; ---- func[0] $fib: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+1Fh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+1B7h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+1CBh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+1DFh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+1F3h
;;   0048  cmp dword ptr [rbp+10h],2
;;   0052  setl bl
;;   0056  movzx ebx,bl
;;   005a  test byte ptr [r13],10h
;;   0062  jne func[0].instrumented+207h
;;   0068  test ebx,ebx
;;   006b  je func[0].instrumented+99h
;;   0071  test byte ptr [r13],20h
;;   0079  jne func[0].instrumented+21Bh
;;   007f  test byte ptr [r13],40h
;;   0087  jne func[0].instrumented+22Fh
;;   008d  mov ebx,[rbp+10h]
;;   0094  jmp func[0].instrumented+193h
;;   0099  test byte ptr [r13],80h
;;   00a1  jne func[0].instrumented+243h
;;   00a7  test byte ptr [r13+1],1
;;   00af  jne func[0].instrumented+257h
;;   00b5  test byte ptr [r13+1],2
;;   00bd  jne func[0].instrumented+26Bh
;;   00c3  mov ebx,[rbp+10h]
;;   00ca  sub ebx,1
;;   00d1  test byte ptr [r13+1],4
;;   00d9  jne func[0].instrumented+27Fh
;;   00df  mov [rsp],ebx
;;   00e7  mov esi,ebx
;;   00ea  call func[0]
;;   00ef  mov r13,[r15+48h]
;;   00f6  test r13,r13
;;   00f9  je func[0]+59h
;;   00ff  mov rbx,rax
;;   0102  test byte ptr [r13+1],8
;;   010a  jne func[0].instrumented+293h
;;   0110  test byte ptr [r13+1],10h
;;   0118  jne func[0].instrumented+2A7h
;;   011e  test byte ptr [r13+1],20h
;;   0126  jne func[0].instrumented+2BBh
;;   012c  mov esi,[rbp+10h]
;;   0133  sub esi,2
;;   013a  test byte ptr [r13+1],40h
;;   0142  jne func[0].instrumented+2CFh
;;   0148  mov [rbp-10h],ebx
;;   0150  mov [rsp],esi
;;   0158  call func[0]
;;   015d  mov r13,[r15+48h]
;;   0164  test r13,r13
;;   0167  je func[0]+7Fh
;;   016d  mov rbx,rax
;;   0170  test byte ptr [r13+1],80h
;;   0178  jne func[0].instrumented+2E3h
;;   017e  add ebx,[rbp-10h]
;;   0185  test byte ptr [r13+2],1
;;   018d  jne func[0].instrumented+2F7h
;;   0193  test byte ptr [r13+2],2
;;   019b  jne func[0].instrumented+30Bh
;;   01a1  test byte ptr [r13+2],4
;;   01a9  jne func[0].instrumented+31Fh
;;   01af  mov eax,ebx
;;   01b2  mov rsp,rbp
;;   01b5  pop rbp
;;   01b6  ret
;;   01b7  mov rax,0
;;   01c1  call func[0].instrumented+333h
;;   01c6  jmp func[0].instrumented+1Eh
;;   01cb  mov rax,1
;;   01d5  call func[0].instrumented+333h
;;   01da  jmp func[0].instrumented+2Ch
;;   01df  mov rax,2
;;   01e9  call func[0].instrumented+333h
;;   01ee  jmp func[0].instrumented+3Ah
;;   01f3  mov rax,3
;;   01fd  call func[0].instrumented+333h
;;   0202  jmp func[0].instrumented+48h
;;   0207  mov rax,4
;;   0211  call func[0].instrumented+333h
;;   0216  jmp func[0].instrumented+68h
;;   021b  mov rax,5
;;   0225  call func[0].instrumented+333h
;;   022a  jmp func[0].instrumented+7Fh
;;   022f  mov rax,6
;;   0239  call func[0].instrumented+333h
;;   023e  jmp func[0].instrumented+8Dh
;;   0243  mov rax,7
;;   024d  call func[0].instrumented+333h
;;   0252  jmp func[0].instrumented+0A7h
;;   0257  mov rax,8
;;   0261  call func[0].instrumented+333h
;;   0266  jmp func[0].instrumented+0B5h
;;   026b  mov rax,9
;;   0275  call func[0].instrumented+333h
;;   027a  jmp func[0].instrumented+0C3h
;;   027f  mov rax,0Ah
;;   0289  call func[0].instrumented+333h
;;   028e  jmp func[0].instrumented+0DFh
;;   0293  mov rax,0Bh
;;   029d  call func[0].instrumented+333h
;;   02a2  jmp func[0].instrumented+110h
;;   02a7  mov rax,0Ch
;;   02b1  call func[0].instrumented+333h
;;   02b6  jmp func[0].instrumented+11Eh
;;   02bb  mov rax,0Dh
;;   02c5  call func[0].instrumented+333h
;;   02ca  jmp func[0].instrumented+12Ch
;;   02cf  mov rax,0Eh
;;   02d9  call func[0].instrumented+333h
;;   02de  jmp func[0].instrumented+148h
;;   02e3  mov rax,0Fh
;;   02ed  call func[0].instrumented+333h
;;   02f2  jmp func[0].instrumented+17Eh
;;   02f7  mov rax,10h
;;   0301  call func[0].instrumented+333h
;;   0306  jmp func[0].instrumented+193h
;;   030b  mov rax,11h
;;   0315  call func[0].instrumented+333h
;;   031a  jmp func[0].instrumented+1A1h
;;   031f  mov rax,12h
;;   0329  call func[0].instrumented+333h
;;   032e  jmp func[0].instrumented+1AFh
;;   0333  sub rsp,8
;;   0337  push rax
;;   0338  call stubs+537h
;;   033d  add rsp,8
;;   0341  mov r13,[r15+48h]
;;   0348  test r13,r13
;;   034b  jne func[0].instrumented+358h
;;   0351  lea r13,[stubs+7AFh]
;;   0358  ret
