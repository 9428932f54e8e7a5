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
;;   0023  jne func[0].instrumented
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
;;   00a8  call stubs+1D4h
;;   00ad  mov rsp,rax
;;   00b0  cmp rsp,r12
;;   00b3  jb func[0]+0BEh
;;   00b9  jmp func[0]+14h
;;   00be  mov rsp,rbp
;;   00c1  call stubs+55h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+29h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+193h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+1A2h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+1B1h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+1C0h
;;   0048  test byte ptr [r13],10h
;;   0050  jne func[0].instrumented+1CFh
;;   0056  test byte ptr [r13],20h
;;   005e  jne func[0].instrumented+1DEh
;;   0064  test byte ptr [r13],40h
;;   006c  jne func[0].instrumented+1EDh
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
;;   00ab  jne func[0].instrumented+1FCh
;;   00b1  test byte ptr [r13+1],1
;;   00b9  jne func[0].instrumented+20Bh
;;   00bf  test byte ptr [r13+1],2
;;   00c7  jne func[0].instrumented+21Ah
;;   00cd  mov eax,64h
;;   00d3  mov r8,[rbp-10h]
;;   00da  mov rsp,rbp
;;   00dd  pop rbp
;;   00de  ret
;;   00df  test byte ptr [r13+1],4
;;   00e7  jne func[0].instrumented+229h
;;   00ed  test byte ptr [r13+1],8
;;   00f5  jne func[0].instrumented+238h
;;   00fb  test byte ptr [r13+1],10h
;;   0103  jne func[0].instrumented+247h
;;   0109  mov eax,65h
;;   010f  mov r8,[rbp-10h]
;;   0116  mov rsp,rbp
;;   0119  pop rbp
;;   011a  ret
;;   011b  test byte ptr [r13+1],20h
;;   0123  jne func[0].instrumented+256h
;;   0129  test byte ptr [r13+1],40h
;;   0131  jne func[0].instrumented+265h
;;   0137  test byte ptr [r13+1],80h
;;   013f  jne func[0].instrumented+274h
;;   0145  mov eax,66h
;;   014b  mov r8,[rbp-10h]
;;   0152  mov rsp,rbp
;;   0155  pop rbp
;;   0156  ret
;;   0157  test byte ptr [r13+2],1
;;   015f  jne func[0].instrumented+283h
;;   0165  test byte ptr [r13+2],2
;;   016d  jne func[0].instrumented+292h
;;   0173  test byte ptr [r13+2],4
;;   017b  jne func[0].instrumented+2A1h
;;   0181  mov eax,0FFFFFFFFh
;;   0187  mov r8,[rbp-10h]
;;   018e  mov rsp,rbp
;;   0191  pop rbp
;;   0192  ret
;;   0193  mov eax,0
;;   0198  call func[0].instrumented+2B0h
;;   019d  jmp func[0].instrumented+1Eh
;;   01a2  mov eax,1
;;   01a7  call func[0].instrumented+2B0h
;;   01ac  jmp func[0].instrumented+2Ch
;;   01b1  mov eax,2
;;   01b6  call func[0].instrumented+2B0h
;;   01bb  jmp func[0].instrumented+3Ah
;;   01c0  mov eax,3
;;   01c5  call func[0].instrumented+2B0h
;;   01ca  jmp func[0].instrumented+48h
;;   01cf  mov eax,4
;;   01d4  call func[0].instrumented+2B0h
;;   01d9  jmp func[0].instrumented+56h
;;   01de  mov eax,5
;;   01e3  call func[0].instrumented+2B0h
;;   01e8  jmp func[0].instrumented+64h
;;   01ed  mov eax,6
;;   01f2  call func[0].instrumented+2B0h
;;   01f7  jmp func[0].instrumented+72h
;;   01fc  mov eax,7
;;   0201  call func[0].instrumented+2B0h
;;   0206  jmp func[0].instrumented+0B1h
;;   020b  mov eax,8
;;   0210  call func[0].instrumented+2B0h
;;   0215  jmp func[0].instrumented+0BFh
;;   021a  mov eax,9
;;   021f  call func[0].instrumented+2B0h
;;   0224  jmp func[0].instrumented+0CDh
;;   0229  mov eax,0Ah
;;   022e  call func[0].instrumented+2B0h
;;   0233  jmp func[0].instrumented+0EDh
;;   0238  mov eax,0Bh
;;   023d  call func[0].instrumented+2B0h
;;   0242  jmp func[0].instrumented+0FBh
;;   0247  mov eax,0Ch
;;   024c  call func[0].instrumented+2B0h
;;   0251  jmp func[0].instrumented+109h
;;   0256  mov eax,0Dh
;;   025b  call func[0].instrumented+2B0h
;;   0260  jmp func[0].instrumented+129h
;;   0265  mov eax,0Eh
;;   026a  call func[0].instrumented+2B0h
;;   026f  jmp func[0].instrumented+137h
;;   0274  mov eax,0Fh
;;   0279  call func[0].instrumented+2B0h
;;   027e  jmp func[0].instrumented+145h
;;   0283  mov eax,10h
;;   0288  call func[0].instrumented+2B0h
;;   028d  jmp func[0].instrumented+165h
;;   0292  mov eax,11h
;;   0297  call func[0].instrumented+2B0h
;;   029c  jmp func[0].instrumented+173h
;;   02a1  mov eax,12h
;;   02a6  call func[0].instrumented+2B0h
;;   02ab  jmp func[0].instrumented+181h
;;   02b0  sub rsp,8
;;   02b4  push rax
;;   02b5  call stubs+534h
;;   02ba  add rsp,8
;;   02be  mov r13,[r15+48h]
;;   02c5  test r13,r13
;;   02c8  jne func[0].instrumented+2D5h
;;   02ce  lea r13,[stubs+7ACh]
;;   02d5  ret
