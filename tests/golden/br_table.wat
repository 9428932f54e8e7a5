;; br_table: a clamped index into a table of jumps.
(module
  (func (export "classify") (param i32) (result i32)
    (block $default
      (block $two
        (block $one
          (block $zero
            (br_table $zero $one $two $default (local.get 0)))
          (return (i32.const 100)))
        (return (i32.const 101)))
      (return (i32.const 102)))
    (i32.const -1)))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+97h
;;   0014  mov [rbp-10h],r8
;;   001b  mov r8d,esi
;;   001e  mov ecx,r8d
;;   0021  mov eax,3
;;   0026  cmp ecx,eax
;;   0028  cmovae ecx,eax
;;   002b  lea rdx,[func[0]+3Bh]
;;   0032  lea rcx,[rcx+rcx*4]
;;   0036  add rdx,rcx
;;   0039  jmp rdx
;;   003b  jmp func[0]+4Fh
;;   0040  jmp func[0]+61h
;;   0045  jmp func[0]+73h
;;   004a  jmp func[0]+85h
;;   004f  mov eax,64h
;;   0055  mov r8,[rbp-10h]
;;   005c  mov rsp,rbp
;;   005f  pop rbp
;;   0060  ret
;;   0061  mov eax,65h
;;   0067  mov r8,[rbp-10h]
;;   006e  mov rsp,rbp
;;   0071  pop rbp
;;   0072  ret
;;   0073  mov eax,66h
;;   0079  mov r8,[rbp-10h]
;;   0080  mov rsp,rbp
;;   0083  pop rbp
;;   0084  ret
;;   0085  mov eax,0FFFFFFFFh
;;   008b  mov r8,[rbp-10h]
;;   0092  mov rsp,rbp
;;   0095  pop rbp
;;   0096  ret
;;   0097  mov rax,rsp
;;   009a  mov rsp,rbp
;;   009d  call stubs+1D5h
;;   00a2  mov rsp,rax
;;   00a5  cmp rsp,r12
;;   00a8  jb func[0]+0B3h
;;   00ae  jmp func[0]+14h
;;   00b3  mov rsp,rbp
;;   00b6  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+0A2h
;;   0014  mov [rbp-10h],r8
;;   001b  mov r8d,esi
;;   001e  cmp qword ptr [r15+48h],0
;;   0023  jne func[0]+0C6h
;;   0029  mov ecx,r8d
;;   002c  mov eax,3
;;   0031  cmp ecx,eax
;;   0033  cmovae ecx,eax
;;   0036  lea rdx,[func[0]+46h]
;;   003d  lea rcx,[rcx+rcx*4]
;;   0041  add rdx,rcx
;;   0044  jmp rdx
;;   0046  jmp func[0]+5Ah
;;   004b  jmp func[0]+6Ch
;;   0050  jmp func[0]+7Eh
;;   0055  jmp func[0]+90h
;;   005a  mov eax,64h
;;   0060  mov r8,[rbp-10h]
;;   0067  mov rsp,rbp
;;   006a  pop rbp
;;   006b  ret
;;   006c  mov eax,65h
;;   0072  mov r8,[rbp-10h]
;;   0079  mov rsp,rbp
;;   007c  pop rbp
;;   007d  ret
;;   007e  mov eax,66h
;;   0084  mov r8,[rbp-10h]
;;   008b  mov rsp,rbp
;;   008e  pop rbp
;;   008f  ret
;;   0090  mov eax,0FFFFFFFFh
;;   0096  mov r8,[rbp-10h]
;;   009d  mov rsp,rbp
;;   00a0  pop rbp
;;   00a1  ret
;;   00a2  mov rax,rsp
;;   00a5  mov rsp,rbp
;;   00a8  call stubs+1D0h
;;   00ad  mov rsp,rax
;;   00b0  cmp rsp,r12
;;   00b3  jb func[0]+0BEh
;;   00b9  jmp func[0]+14h
;;   00be  mov rsp,rbp
;;   00c1  call stubs+55h
;;   00c6  call stubs+530h
;;   00cb  jmp func[0]+29h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+29h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+193h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+1A7h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+1BBh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+1CFh
;;   0048  test byte ptr [r13],10h
;;   0050  jne func[0].instrumented+1E3h
;;   0056  test byte ptr [r13],20h
;;   005e  jne func[0].instrumented+1F7h
;;   0064  test byte ptr [r13],40h
;;   006c  jne func[0].instrumented+20Bh
;;   0072  mov ecx,r8d
;;   0075  mov eax,3
;;   007a  cmp ecx,eax
;;   007c  cmovae ecx,eax
;;   007f  lea rdx,[func[0].instrumented+8Fh]
;;   0086  lea rcx,[rcx+rcx*4]
;;   008a  add rdx,rcx
;;   008d  jmp rdx
;;   008f  jmp func[0].instrumented+0A3h
;;   0094  jmp func[0].instrumented+0DFh
;;   0099  jmp func[0].instrumented+11Bh
;;   009e  jmp func[0].instrumented+157h
;;   00a3  test byte ptr [r13],80h
;;   00ab  jne func[0].instrumented+21Fh
;;   00b1  test byte ptr [r13+1],1
;;   00b9  jne func[0].instrumented+233h
;;   00bf  test byte ptr [r13+1],2
;;   00c7  jne func[0].instrumented+247h
;;   00cd  mov eax,64h
;;   00d3  mov r8,[rbp-10h]
;;   00da  mov rsp,rbp
;;   00dd  pop rbp
;;   00de  ret
;;   00df  test byte ptr [r13+1],4
;;   00e7  jne func[0].instrumented+25Bh
;;   00ed  test byte ptr [r13+1],8
;;   00f5  jne func[0].instrumented+26Fh
;;   00fb  test byte ptr [r13+1],10h
;;   0103  jne func[0].instrumented+283h
;;   0109  mov eax,65h
;;   010f  mov r8,[rbp-10h]
;;   0116  mov rsp,rbp
;;   0119  pop rbp
;;   011a  ret
;;   011b  test byte ptr [r13+1],20h
;;   0123  jne func[0].instrumented+297h
;;   0129  test byte ptr [r13+1],40h
;;   0131  jne func[0].instrumented+2ABh
;;   0137  test byte ptr [r13+1],80h
;;   013f  jne func[0].instrumented+2BFh
;;   0145  mov eax,66h
;;   014b  mov r8,[rbp-10h]
;;   0152  mov rsp,rbp
;;   0155  pop rbp
;;   0156  ret
;;   0157  test byte ptr [r13+2],1
;;   015f  jne func[0].instrumented+2D3h
;;   0165  test byte ptr [r13+2],2
;;   016d  jne func[0].instrumented+2E7h
;;   0173  test byte ptr [r13+2],4
;;   017b  jne func[0].instrumented+2FBh
;;   0181  mov eax,0FFFFFFFFh
;;   0187  mov r8,[rbp-10h]
;;   018e  mov rsp,rbp
;;   0191  pop rbp
;;   0192  ret
;;   0193  mov rax,0
;;   019d  call func[0].instrumented+30Fh
;;   01a2  jmp func[0].instrumented+1Eh
;;   01a7  mov rax,1
;;   01b1  call func[0].instrumented+30Fh
;;   01b6  jmp func[0].instrumented+2Ch
;;   01bb  mov rax,2
;;   01c5  call func[0].instrumented+30Fh
;;   01ca  jmp func[0].instrumented+3Ah
;;   01cf  mov rax,3
;;   01d9  call func[0].instrumented+30Fh
;;   01de  jmp func[0].instrumented+48h
;;   01e3  mov rax,4
;;   01ed  call func[0].instrumented+30Fh
;;   01f2  jmp func[0].instrumented+56h
;;   01f7  mov rax,5
;;   0201  call func[0].instrumented+30Fh
;;   0206  jmp func[0].instrumented+64h
;;   020b  mov rax,6
;;   0215  call func[0].instrumented+30Fh
;;   021a  jmp func[0].instrumented+72h
;;   021f  mov rax,7
;;   0229  call func[0].instrumented+30Fh
;;   022e  jmp func[0].instrumented+0B1h
;;   0233  mov rax,8
;;   023d  call func[0].instrumented+30Fh
;;   0242  jmp func[0].instrumented+0BFh
;;   0247  mov rax,9
;;   0251  call func[0].instrumented+30Fh
;;   0256  jmp func[0].instrumented+0CDh
;;   025b  mov rax,0Ah
;;   0265  call func[0].instrumented+30Fh
;;   026a  jmp func[0].instrumented+0EDh
;;   026f  mov rax,0Bh
;;   0279  call func[0].instrumented+30Fh
;;   027e  jmp func[0].instrumented+0FBh
;;   0283  mov rax,0Ch
;;   028d  call func[0].instrumented+30Fh
;;   0292  jmp func[0].instrumented+109h
;;   0297  mov rax,0Dh
;;   02a1  call func[0].instrumented+30Fh
;;   02a6  jmp func[0].instrumented+129h
;;   02ab  mov rax,0Eh
;;   02b5  call func[0].instrumented+30Fh
;;   02ba  jmp func[0].instrumented+137h
;;   02bf  mov rax,0Fh
;;   02c9  call func[0].instrumented+30Fh
;;   02ce  jmp func[0].instrumented+145h
;;   02d3  mov rax,10h
;;   02dd  call func[0].instrumented+30Fh
;;   02e2  jmp func[0].instrumented+165h
;;   02e7  mov rax,11h
;;   02f1  call func[0].instrumented+30Fh
;;   02f6  jmp func[0].instrumented+173h
;;   02fb  mov rax,12h
;;   0305  call func[0].instrumented+30Fh
;;   030a  jmp func[0].instrumented+181h
;;   030f  sub rsp,8
;;   0313  push rax
;;   0314  call stubs+53Bh
;;   0319  add rsp,8
;;   031d  mov r13,[r15+48h]
;;   0324  test r13,r13
;;   0327  jne func[0].instrumented+334h
;;   032d  lea r13,[stubs+7B3h]
;;   0334  ret
