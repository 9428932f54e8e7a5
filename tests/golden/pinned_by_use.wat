;; Six integer locals for four registers: the loop's bound (a parameter), counter and
;; stored value get registers, then the first of the locals used outside the loop; the
;; unused parameter never does.
(module (memory 1)
  (func (export "fill") (param $len i32) (param $unused i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $i i32)
    (local.set $a (i32.const 1))
    (local.set $b (i32.const 2))
    (local.set $c (i32.const 3))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (local.get $i) (local.get $c))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.add (local.get $a) (local.get $b))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+10Bh
;;   0014  mov [rbp-30h],r10
;;   001b  mov [rbp-38h],r11
;;   0022  mov [rbp-40h],r9
;;   0029  mov [rbp-48h],r8
;;   0030  mov r10d,esi
;;   0033  mov r11d,0
;;   0039  mov r9d,0
;;   003f  mov r8d,0
;;   0045  mov qword ptr [rbp-10h],0
;;   0050  mov qword ptr [rbp-18h],0
;;   005b  mov qword ptr [rbp-20h],0
;;   0066  mov qword ptr [rbp-28h],0
;;   0071  mov r11d,1
;;   0077  mov dword ptr [rbp-18h],2
;;   0083  mov r9d,3
;;   0089  nop [rax+rax]
;;   0092  nop [rax+rax]
;;   009b  nop [rax+rax]
;;   00a4  nop [rax+rax]
;;   00ad  nop [rax+rax]
;;   00b6  nop [rax+rax]
;;   00bf  nop
;;   00c0  cmp r8d,r10d
;;   00c3  jae func[0]+0DDh
;;   00c9  mov [r14+r8],r9b
;;   00d1  add r8d,1
;;   00d8  jmp func[0]+0C0h
;;   00dd  mov ebx,r11d
;;   00e0  add ebx,[rbp-18h]
;;   00e7  mov eax,ebx
;;   00ea  mov r10,[rbp-30h]
;;   00f1  mov r11,[rbp-38h]
;;   00f8  mov r9,[rbp-40h]
;;   00ff  mov r8,[rbp-48h]
;;   0106  mov rsp,rbp
;;   0109  pop rbp
;;   010a  ret
;;   010b  mov rax,rsp
;;   010e  mov rsp,rbp
;;   0111  call stubs+1D1h
;;   0116  mov rsp,rax
;;   0119  cmp rsp,r12
;;   011c  jb func[0]+127h
;;   0122  jmp func[0]+14h
;;   0127  mov rsp,rbp
;;   012a  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+11Dh
;;   0014  mov [rbp-30h],r10
;;   001b  mov [rbp-38h],r11
;;   0022  mov [rbp-40h],r9
;;   0029  mov [rbp-48h],r8
;;   0030  mov r10d,esi
;;   0033  mov r11d,0
;;   0039  mov r9d,0
;;   003f  mov r8d,0
;;   0045  mov qword ptr [rbp-10h],0
;;   0050  mov qword ptr [rbp-18h],0
;;   005b  mov qword ptr [rbp-20h],0
;;   0066  mov qword ptr [rbp-28h],0
;;   0071  mov r11d,1
;;   0077  mov dword ptr [rbp-18h],2
;;   0083  mov r9d,3
;;   0089  nop [rax+rax]
;;   0092  nop [rax+rax]
;;   009b  nop [rax+rax]
;;   00a4  nop [rax+rax]
;;   00ad  nop [rax+rax]
;;   00b6  nop [rax+rax]
;;   00bf  nop
;;   00c0  cmp rsp,r12
;;   00c3  jb func[0]+190h
;;   00c9  cmp r8d,r10d
;;   00cc  jae func[0]+0EFh
;;   00d2  mov [r14+r8],r9b
;;   00da  add r8d,1
;;   00e1  cmp rsp,r12
;;   00e4  jae func[0]+0C9h
;;   00ea  jmp func[0]+190h
;;   00ef  mov ebx,r11d
;;   00f2  add ebx,[rbp-18h]
;;   00f9  mov eax,ebx
;;   00fc  mov r10,[rbp-30h]
;;   0103  mov r11,[rbp-38h]
;;   010a  mov r9,[rbp-40h]
;;   0111  mov r8,[rbp-48h]
;;   0118  mov rsp,rbp
;;   011b  pop rbp
;;   011c  ret
;;   011d  bt r12,3Dh
;;   0122  jb func[0]+175h
;;   0128  mov rax,r12
;;   012b  shl rax,2
;;   012f  shr rax,2
;;   0133  cmp rsp,rax
;;   0136  jb func[0]+188h
;;   013c  mov rax,[r15+48h]
;;   0143  bt r12,3Eh
;;   0148  jae func[0]+164h
;;   014e  shl r12,2
;;   0152  shr r12,2
;;   0156  test rax,rax
;;   0159  je func[0]+14h
;;   015f  bts r12,3Fh
;;   0164  cmp rax,1
;;   016a  ja func[0]+1B0h
;;   0170  jmp func[0]+14h
;;   0175  mov rax,rsp
;;   0178  mov rsp,rbp
;;   017b  call stubs+1D4h
;;   0180  mov rsp,rax
;;   0183  jmp func[0]+11Dh
;;   0188  mov rsp,rbp
;;   018b  call stubs+55h
;;   0190  bt r12,3Dh
;;   0195  jae func[0]+1A0h
;;   019b  call stubs+1D4h
;;   01a0  cmp qword ptr [r15+48h],1
;;   01a5  ja func[0]+1CEh
;;   01ab  jmp func[0]+0C9h
;;   01b0  cmp qword ptr [1000h],0
;;   01b8  je func[0]+1C4h
;;   01be  jmp qword ptr [1000h]
;;   01c4  call stubs+534h
;;   01c9  jmp func[0]+14h
;;   01ce  cmp qword ptr [1008h],0
;;   01d6  je func[0]+1E2h
;;   01dc  jmp qword ptr [1008h]
;;   01e2  call stubs+534h
;;   01e7  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  mov [rbp-30h],r10
;;   001b  mov [rbp-38h],r11
;;   0022  mov [rbp-40h],r9
;;   0029  mov [rbp-48h],r8
;;   0030  mov r10d,esi
;;   0033  mov r11d,0
;;   0039  mov r9d,0
;;   003f  mov r8d,0
;;   0045  mov qword ptr [rbp-10h],0
;;   0050  mov qword ptr [rbp-18h],0
;;   005b  mov qword ptr [rbp-20h],0
;;   0066  mov qword ptr [rbp-28h],0
;;   0071  test byte ptr [r13],1
;;   0079  jne func[0].instrumented+265h
;;   007f  test byte ptr [r13],2
;;   0087  jne func[0].instrumented+279h
;;   008d  test byte ptr [r13],4
;;   0095  jne func[0].instrumented+28Dh
;;   009b  mov r11d,1
;;   00a1  test byte ptr [r13],8
;;   00a9  jne func[0].instrumented+2A1h
;;   00af  test byte ptr [r13],10h
;;   00b7  jne func[0].instrumented+2B5h
;;   00bd  mov dword ptr [rbp-18h],2
;;   00c9  test byte ptr [r13],20h
;;   00d1  jne func[0].instrumented+2C9h
;;   00d7  test byte ptr [r13],40h
;;   00df  jne func[0].instrumented+2DDh
;;   00e5  mov r9d,3
;;   00eb  test byte ptr [r13],80h
;;   00f3  jne func[0].instrumented+2F1h
;;   00f9  test byte ptr [r13+1],1
;;   0101  jne func[0].instrumented+305h
;;   0107  mov r13,[r15+48h]
;;   010e  cmp r13,1
;;   0115  jbe func[0]+0C9h
;;   011b  test byte ptr [r13+1],2
;;   0123  jne func[0].instrumented+319h
;;   0129  test byte ptr [r13+1],4
;;   0131  jne func[0].instrumented+32Dh
;;   0137  test byte ptr [r13+1],8
;;   013f  jne func[0].instrumented+341h
;;   0145  cmp r8d,r10d
;;   0148  setae bl
;;   014c  movzx ebx,bl
;;   0150  test byte ptr [r13+1],10h
;;   0158  jne func[0].instrumented+355h
;;   015e  test ebx,ebx
;;   0161  jne func[0].instrumented+1F1h
;;   0167  test byte ptr [r13+1],20h
;;   016f  jne func[0].instrumented+369h
;;   0175  test byte ptr [r13+1],40h
;;   017d  jne func[0].instrumented+37Dh
;;   0183  test byte ptr [r13+1],80h
;;   018b  jne func[0].instrumented+391h
;;   0191  mov [r14+r8],r9b
;;   0199  test byte ptr [r13+2],1
;;   01a1  jne func[0].instrumented+3A5h
;;   01a7  test byte ptr [r13+2],2
;;   01af  jne func[0].instrumented+3B9h
;;   01b5  test byte ptr [r13+2],4
;;   01bd  jne func[0].instrumented+3CDh
;;   01c3  mov ebx,r8d
;;   01c6  add ebx,1
;;   01cd  test byte ptr [r13+2],8
;;   01d5  jne func[0].instrumented+3E1h
;;   01db  mov r8d,ebx
;;   01de  test byte ptr [r13+2],10h
;;   01e6  jne func[0].instrumented+3F5h
;;   01ec  jmp func[0].instrumented+107h
;;   01f1  test byte ptr [r13+2],20h
;;   01f9  jne func[0].instrumented+409h
;;   01ff  test byte ptr [r13+2],40h
;;   0207  jne func[0].instrumented+41Dh
;;   020d  test byte ptr [r13+2],80h
;;   0215  jne func[0].instrumented+431h
;;   021b  mov ebx,r11d
;;   021e  add ebx,[rbp-18h]
;;   0225  test byte ptr [r13+3],1
;;   022d  jne func[0].instrumented+445h
;;   0233  test byte ptr [r13+3],2
;;   023b  jne func[0].instrumented+459h
;;   0241  mov eax,ebx
;;   0244  mov r10,[rbp-30h]
;;   024b  mov r11,[rbp-38h]
;;   0252  mov r9,[rbp-40h]
;;   0259  mov r8,[rbp-48h]
;;   0260  mov rsp,rbp
;;   0263  pop rbp
;;   0264  ret
;;   0265  mov rax,0
;;   026f  call func[0].instrumented+46Dh
;;   0274  jmp func[0].instrumented+7Fh
;;   0279  mov rax,1
;;   0283  call func[0].instrumented+46Dh
;;   0288  jmp func[0].instrumented+8Dh
;;   028d  mov rax,2
;;   0297  call func[0].instrumented+46Dh
;;   029c  jmp func[0].instrumented+9Bh
;;   02a1  mov rax,3
;;   02ab  call func[0].instrumented+46Dh
;;   02b0  jmp func[0].instrumented+0AFh
;;   02b5  mov rax,4
;;   02bf  call func[0].instrumented+46Dh
;;   02c4  jmp func[0].instrumented+0BDh
;;   02c9  mov rax,5
;;   02d3  call func[0].instrumented+46Dh
;;   02d8  jmp func[0].instrumented+0D7h
;;   02dd  mov rax,6
;;   02e7  call func[0].instrumented+46Dh
;;   02ec  jmp func[0].instrumented+0E5h
;;   02f1  mov rax,7
;;   02fb  call func[0].instrumented+46Dh
;;   0300  jmp func[0].instrumented+0F9h
;;   0305  mov rax,8
;;   030f  call func[0].instrumented+46Dh
;;   0314  jmp func[0].instrumented+107h
;;   0319  mov rax,9
;;   0323  call func[0].instrumented+46Dh
;;   0328  jmp func[0].instrumented+129h
;;   032d  mov rax,0Ah
;;   0337  call func[0].instrumented+46Dh
;;   033c  jmp func[0].instrumented+137h
;;   0341  mov rax,0Bh
;;   034b  call func[0].instrumented+46Dh
;;   0350  jmp func[0].instrumented+145h
;;   0355  mov rax,0Ch
;;   035f  call func[0].instrumented+46Dh
;;   0364  jmp func[0].instrumented+15Eh
;;   0369  mov rax,0Dh
;;   0373  call func[0].instrumented+46Dh
;;   0378  jmp func[0].instrumented+175h
;;   037d  mov rax,0Eh
;;   0387  call func[0].instrumented+46Dh
;;   038c  jmp func[0].instrumented+183h
;;   0391  mov rax,0Fh
;;   039b  call func[0].instrumented+46Dh
;;   03a0  jmp func[0].instrumented+191h
;;   03a5  mov rax,10h
;;   03af  call func[0].instrumented+46Dh
;;   03b4  jmp func[0].instrumented+1A7h
;;   03b9  mov rax,11h
;;   03c3  call func[0].instrumented+46Dh
;;   03c8  jmp func[0].instrumented+1B5h
;;   03cd  mov rax,12h
;;   03d7  call func[0].instrumented+46Dh
;;   03dc  jmp func[0].instrumented+1C3h
;;   03e1  mov rax,13h
;;   03eb  call func[0].instrumented+46Dh
;;   03f0  jmp func[0].instrumented+1DBh
;;   03f5  mov rax,14h
;;   03ff  call func[0].instrumented+46Dh
;;   0404  jmp func[0].instrumented+1ECh
;;   0409  mov rax,15h
;;   0413  call func[0].instrumented+46Dh
;;   0418  jmp func[0].instrumented+1FFh
;;   041d  mov rax,16h
;;   0427  call func[0].instrumented+46Dh
;;   042c  jmp func[0].instrumented+20Dh
;;   0431  mov rax,17h
;;   043b  call func[0].instrumented+46Dh
;;   0440  jmp func[0].instrumented+21Bh
;;   0445  mov rax,18h
;;   044f  call func[0].instrumented+46Dh
;;   0454  jmp func[0].instrumented+233h
;;   0459  mov rax,19h
;;   0463  call func[0].instrumented+46Dh
;;   0468  jmp func[0].instrumented+241h
;;   046d  sub rsp,8
;;   0471  push rax
;;   0472  call stubs+539h
;;   0477  add rsp,8
;;   047b  mov r13,[r15+48h]
;;   0482  cmp r13,1
;;   0489  ja func[0].instrumented+496h
;;   048f  lea r13,[stubs+7B1h]
;;   0496  ret
