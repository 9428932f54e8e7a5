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
;;   0076  jne func[0]+156h
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
;;   0123  call stubs+1D6h
;;   0128  mov rsp,rax
;;   012b  cmp rsp,r12
;;   012e  jb func[0]+139h
;;   0134  jmp func[0]+14h
;;   0139  mov rsp,rbp
;;   013c  call stubs+55h
;;   0141  call stubs+1D6h
;;   0146  cmp qword ptr [r15+48h],0
;;   014b  jne func[0]+160h
;;   0151  jmp func[0]+0C9h
;;   0156  call stubs+536h
;;   015b  jmp func[0]+7Ch
;;   0160  call stubs+536h
;;   0165  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+7Ch
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+200h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+214h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+228h
;;   003a  mov r11d,1
;;   0040  test byte ptr [r13],8
;;   0048  jne func[0].instrumented+23Ch
;;   004e  test byte ptr [r13],10h
;;   0056  jne func[0].instrumented+250h
;;   005c  mov dword ptr [rbp-18h],2
;;   0068  test byte ptr [r13],20h
;;   0070  jne func[0].instrumented+264h
;;   0076  test byte ptr [r13],40h
;;   007e  jne func[0].instrumented+278h
;;   0084  mov r9d,3
;;   008a  test byte ptr [r13],80h
;;   0092  jne func[0].instrumented+28Ch
;;   0098  test byte ptr [r13+1],1
;;   00a0  jne func[0].instrumented+2A0h
;;   00a6  mov r13,[r15+48h]
;;   00ad  test r13,r13
;;   00b0  je func[0]+0C9h
;;   00b6  test byte ptr [r13+1],2
;;   00be  jne func[0].instrumented+2B4h
;;   00c4  test byte ptr [r13+1],4
;;   00cc  jne func[0].instrumented+2C8h
;;   00d2  test byte ptr [r13+1],8
;;   00da  jne func[0].instrumented+2DCh
;;   00e0  cmp r8d,r10d
;;   00e3  setae bl
;;   00e7  movzx ebx,bl
;;   00eb  test byte ptr [r13+1],10h
;;   00f3  jne func[0].instrumented+2F0h
;;   00f9  test ebx,ebx
;;   00fc  jne func[0].instrumented+18Ch
;;   0102  test byte ptr [r13+1],20h
;;   010a  jne func[0].instrumented+304h
;;   0110  test byte ptr [r13+1],40h
;;   0118  jne func[0].instrumented+318h
;;   011e  test byte ptr [r13+1],80h
;;   0126  jne func[0].instrumented+32Ch
;;   012c  mov [r14+r8],r9b
;;   0134  test byte ptr [r13+2],1
;;   013c  jne func[0].instrumented+340h
;;   0142  test byte ptr [r13+2],2
;;   014a  jne func[0].instrumented+354h
;;   0150  test byte ptr [r13+2],4
;;   0158  jne func[0].instrumented+368h
;;   015e  mov ebx,r8d
;;   0161  add ebx,1
;;   0168  test byte ptr [r13+2],8
;;   0170  jne func[0].instrumented+37Ch
;;   0176  mov r8d,ebx
;;   0179  test byte ptr [r13+2],10h
;;   0181  jne func[0].instrumented+390h
;;   0187  jmp func[0].instrumented+0A6h
;;   018c  test byte ptr [r13+2],20h
;;   0194  jne func[0].instrumented+3A4h
;;   019a  test byte ptr [r13+2],40h
;;   01a2  jne func[0].instrumented+3B8h
;;   01a8  test byte ptr [r13+2],80h
;;   01b0  jne func[0].instrumented+3CCh
;;   01b6  mov ebx,r11d
;;   01b9  add ebx,[rbp-18h]
;;   01c0  test byte ptr [r13+3],1
;;   01c8  jne func[0].instrumented+3E0h
;;   01ce  test byte ptr [r13+3],2
;;   01d6  jne func[0].instrumented+3F4h
;;   01dc  mov eax,ebx
;;   01df  mov r10,[rbp-30h]
;;   01e6  mov r11,[rbp-38h]
;;   01ed  mov r9,[rbp-40h]
;;   01f4  mov r8,[rbp-48h]
;;   01fb  mov rsp,rbp
;;   01fe  pop rbp
;;   01ff  ret
;;   0200  mov rax,0
;;   020a  call func[0].instrumented+408h
;;   020f  jmp func[0].instrumented+1Eh
;;   0214  mov rax,1
;;   021e  call func[0].instrumented+408h
;;   0223  jmp func[0].instrumented+2Ch
;;   0228  mov rax,2
;;   0232  call func[0].instrumented+408h
;;   0237  jmp func[0].instrumented+3Ah
;;   023c  mov rax,3
;;   0246  call func[0].instrumented+408h
;;   024b  jmp func[0].instrumented+4Eh
;;   0250  mov rax,4
;;   025a  call func[0].instrumented+408h
;;   025f  jmp func[0].instrumented+5Ch
;;   0264  mov rax,5
;;   026e  call func[0].instrumented+408h
;;   0273  jmp func[0].instrumented+76h
;;   0278  mov rax,6
;;   0282  call func[0].instrumented+408h
;;   0287  jmp func[0].instrumented+84h
;;   028c  mov rax,7
;;   0296  call func[0].instrumented+408h
;;   029b  jmp func[0].instrumented+98h
;;   02a0  mov rax,8
;;   02aa  call func[0].instrumented+408h
;;   02af  jmp func[0].instrumented+0A6h
;;   02b4  mov rax,9
;;   02be  call func[0].instrumented+408h
;;   02c3  jmp func[0].instrumented+0C4h
;;   02c8  mov rax,0Ah
;;   02d2  call func[0].instrumented+408h
;;   02d7  jmp func[0].instrumented+0D2h
;;   02dc  mov rax,0Bh
;;   02e6  call func[0].instrumented+408h
;;   02eb  jmp func[0].instrumented+0E0h
;;   02f0  mov rax,0Ch
;;   02fa  call func[0].instrumented+408h
;;   02ff  jmp func[0].instrumented+0F9h
;;   0304  mov rax,0Dh
;;   030e  call func[0].instrumented+408h
;;   0313  jmp func[0].instrumented+110h
;;   0318  mov rax,0Eh
;;   0322  call func[0].instrumented+408h
;;   0327  jmp func[0].instrumented+11Eh
;;   032c  mov rax,0Fh
;;   0336  call func[0].instrumented+408h
;;   033b  jmp func[0].instrumented+12Ch
;;   0340  mov rax,10h
;;   034a  call func[0].instrumented+408h
;;   034f  jmp func[0].instrumented+142h
;;   0354  mov rax,11h
;;   035e  call func[0].instrumented+408h
;;   0363  jmp func[0].instrumented+150h
;;   0368  mov rax,12h
;;   0372  call func[0].instrumented+408h
;;   0377  jmp func[0].instrumented+15Eh
;;   037c  mov rax,13h
;;   0386  call func[0].instrumented+408h
;;   038b  jmp func[0].instrumented+176h
;;   0390  mov rax,14h
;;   039a  call func[0].instrumented+408h
;;   039f  jmp func[0].instrumented+187h
;;   03a4  mov rax,15h
;;   03ae  call func[0].instrumented+408h
;;   03b3  jmp func[0].instrumented+19Ah
;;   03b8  mov rax,16h
;;   03c2  call func[0].instrumented+408h
;;   03c7  jmp func[0].instrumented+1A8h
;;   03cc  mov rax,17h
;;   03d6  call func[0].instrumented+408h
;;   03db  jmp func[0].instrumented+1B6h
;;   03e0  mov rax,18h
;;   03ea  call func[0].instrumented+408h
;;   03ef  jmp func[0].instrumented+1CEh
;;   03f4  mov rax,19h
;;   03fe  call func[0].instrumented+408h
;;   0403  jmp func[0].instrumented+1DCh
;;   0408  sub rsp,8
;;   040c  push rax
;;   040d  call stubs+532h
;;   0412  add rsp,8
;;   0416  mov r13,[r15+48h]
;;   041d  test r13,r13
;;   0420  jne func[0].instrumented+42Dh
;;   0426  lea r13,[stubs+7AAh]
;;   042d  ret
