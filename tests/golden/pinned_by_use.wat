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
;;   0071  cmp qword ptr [r15+48h],0
;;   0076  jne func[0].instrumented
;;   007c  mov r11d,1
;;   0082  mov dword ptr [rbp-18h],2
;;   008e  mov r9d,3
;;   0094  nop [rax+rax]
;;   009d  nop [rax+rax]
;;   00a6  nop [rax+rax]
;;   00af  nop [rax+rax]
;;   00b8  nop [rax+rax]
;;   00c0  cmp rsp,r12
;;   00c3  jb func[0]+141h
;;   00c9  cmp r8d,r10d
;;   00cc  jae func[0]+0EFh
;;   00d2  mov [r14+r8],r9b
;;   00da  add r8d,1
;;   00e1  cmp rsp,r12
;;   00e4  jae func[0]+0C9h
;;   00ea  jmp func[0]+141h
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
;;   011d  mov rax,rsp
;;   0120  mov rsp,rbp
;;   0123  call stubs+1CEh
;;   0128  mov rsp,rax
;;   012b  cmp rsp,r12
;;   012e  jb func[0]+139h
;;   0134  jmp func[0]+14h
;;   0139  mov rsp,rbp
;;   013c  call stubs+55h
;;   0141  call stubs+1CEh
;;   0146  cmp qword ptr [r15+48h],0
;;   014b  jne func[0].instrumented+0A6h
;;   0151  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+7Ch
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+200h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+20Fh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+21Eh
;;   003a  mov r11d,1
;;   0040  test byte ptr [r13],8
;;   0048  jne func[0].instrumented+22Dh
;;   004e  test byte ptr [r13],10h
;;   0056  jne func[0].instrumented+23Ch
;;   005c  mov dword ptr [rbp-18h],2
;;   0068  test byte ptr [r13],20h
;;   0070  jne func[0].instrumented+24Bh
;;   0076  test byte ptr [r13],40h
;;   007e  jne func[0].instrumented+25Ah
;;   0084  mov r9d,3
;;   008a  test byte ptr [r13],80h
;;   0092  jne func[0].instrumented+269h
;;   0098  test byte ptr [r13+1],1
;;   00a0  jne func[0].instrumented+278h
;;   00a6  mov r13,[r15+48h]
;;   00ad  test r13,r13
;;   00b0  je func[0]+0C9h
;;   00b6  test byte ptr [r13+1],2
;;   00be  jne func[0].instrumented+287h
;;   00c4  test byte ptr [r13+1],4
;;   00cc  jne func[0].instrumented+296h
;;   00d2  test byte ptr [r13+1],8
;;   00da  jne func[0].instrumented+2A5h
;;   00e0  cmp r8d,r10d
;;   00e3  setae bl
;;   00e7  movzx ebx,bl
;;   00eb  test byte ptr [r13+1],10h
;;   00f3  jne func[0].instrumented+2B4h
;;   00f9  test ebx,ebx
;;   00fc  jne func[0].instrumented+18Ch
;;   0102  test byte ptr [r13+1],20h
;;   010a  jne func[0].instrumented+2C3h
;;   0110  test byte ptr [r13+1],40h
;;   0118  jne func[0].instrumented+2D2h
;;   011e  test byte ptr [r13+1],80h
;;   0126  jne func[0].instrumented+2E1h
;;   012c  mov [r14+r8],r9b
;;   0134  test byte ptr [r13+2],1
;;   013c  jne func[0].instrumented+2F0h
;;   0142  test byte ptr [r13+2],2
;;   014a  jne func[0].instrumented+2FFh
;;   0150  test byte ptr [r13+2],4
;;   0158  jne func[0].instrumented+30Eh
;;   015e  mov ebx,r8d
;;   0161  add ebx,1
;;   0168  test byte ptr [r13+2],8
;;   0170  jne func[0].instrumented+31Dh
;;   0176  mov r8d,ebx
;;   0179  test byte ptr [r13+2],10h
;;   0181  jne func[0].instrumented+32Ch
;;   0187  jmp func[0].instrumented+0A6h
;;   018c  test byte ptr [r13+2],20h
;;   0194  jne func[0].instrumented+33Bh
;;   019a  test byte ptr [r13+2],40h
;;   01a2  jne func[0].instrumented+34Ah
;;   01a8  test byte ptr [r13+2],80h
;;   01b0  jne func[0].instrumented+359h
;;   01b6  mov ebx,r11d
;;   01b9  add ebx,[rbp-18h]
;;   01c0  test byte ptr [r13+3],1
;;   01c8  jne func[0].instrumented+368h
;;   01ce  test byte ptr [r13+3],2
;;   01d6  jne func[0].instrumented+377h
;;   01dc  mov eax,ebx
;;   01df  mov r10,[rbp-30h]
;;   01e6  mov r11,[rbp-38h]
;;   01ed  mov r9,[rbp-40h]
;;   01f4  mov r8,[rbp-48h]
;;   01fb  mov rsp,rbp
;;   01fe  pop rbp
;;   01ff  ret
;;   0200  mov eax,0
;;   0205  call func[0].instrumented+386h
;;   020a  jmp func[0].instrumented+1Eh
;;   020f  mov eax,1
;;   0214  call func[0].instrumented+386h
;;   0219  jmp func[0].instrumented+2Ch
;;   021e  mov eax,2
;;   0223  call func[0].instrumented+386h
;;   0228  jmp func[0].instrumented+3Ah
;;   022d  mov eax,3
;;   0232  call func[0].instrumented+386h
;;   0237  jmp func[0].instrumented+4Eh
;;   023c  mov eax,4
;;   0241  call func[0].instrumented+386h
;;   0246  jmp func[0].instrumented+5Ch
;;   024b  mov eax,5
;;   0250  call func[0].instrumented+386h
;;   0255  jmp func[0].instrumented+76h
;;   025a  mov eax,6
;;   025f  call func[0].instrumented+386h
;;   0264  jmp func[0].instrumented+84h
;;   0269  mov eax,7
;;   026e  call func[0].instrumented+386h
;;   0273  jmp func[0].instrumented+98h
;;   0278  mov eax,8
;;   027d  call func[0].instrumented+386h
;;   0282  jmp func[0].instrumented+0A6h
;;   0287  mov eax,9
;;   028c  call func[0].instrumented+386h
;;   0291  jmp func[0].instrumented+0C4h
;;   0296  mov eax,0Ah
;;   029b  call func[0].instrumented+386h
;;   02a0  jmp func[0].instrumented+0D2h
;;   02a5  mov eax,0Bh
;;   02aa  call func[0].instrumented+386h
;;   02af  jmp func[0].instrumented+0E0h
;;   02b4  mov eax,0Ch
;;   02b9  call func[0].instrumented+386h
;;   02be  jmp func[0].instrumented+0F9h
;;   02c3  mov eax,0Dh
;;   02c8  call func[0].instrumented+386h
;;   02cd  jmp func[0].instrumented+110h
;;   02d2  mov eax,0Eh
;;   02d7  call func[0].instrumented+386h
;;   02dc  jmp func[0].instrumented+11Eh
;;   02e1  mov eax,0Fh
;;   02e6  call func[0].instrumented+386h
;;   02eb  jmp func[0].instrumented+12Ch
;;   02f0  mov eax,10h
;;   02f5  call func[0].instrumented+386h
;;   02fa  jmp func[0].instrumented+142h
;;   02ff  mov eax,11h
;;   0304  call func[0].instrumented+386h
;;   0309  jmp func[0].instrumented+150h
;;   030e  mov eax,12h
;;   0313  call func[0].instrumented+386h
;;   0318  jmp func[0].instrumented+15Eh
;;   031d  mov eax,13h
;;   0322  call func[0].instrumented+386h
;;   0327  jmp func[0].instrumented+176h
;;   032c  mov eax,14h
;;   0331  call func[0].instrumented+386h
;;   0336  jmp func[0].instrumented+187h
;;   033b  mov eax,15h
;;   0340  call func[0].instrumented+386h
;;   0345  jmp func[0].instrumented+19Ah
;;   034a  mov eax,16h
;;   034f  call func[0].instrumented+386h
;;   0354  jmp func[0].instrumented+1A8h
;;   0359  mov eax,17h
;;   035e  call func[0].instrumented+386h
;;   0363  jmp func[0].instrumented+1B6h
;;   0368  mov eax,18h
;;   036d  call func[0].instrumented+386h
;;   0372  jmp func[0].instrumented+1CEh
;;   0377  mov eax,19h
;;   037c  call func[0].instrumented+386h
;;   0381  jmp func[0].instrumented+1DCh
;;   0386  sub rsp,8
;;   038a  push rax
;;   038b  call stubs+52Eh
;;   0390  add rsp,8
;;   0394  mov r13,[r15+48h]
;;   039b  test r13,r13
;;   039e  jne func[0].instrumented+3ABh
;;   03a4  lea r13,[stubs+7A6h]
;;   03ab  ret
