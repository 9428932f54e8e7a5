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
;;   0111  call stubs+1E5h
;;   0116  mov rsp,rax
;;   0119  test r12,r12
;;   011c  je func[0]+143h
;;   0122  cmp rsp,r12
;;   0125  jae func[0]+14h
;;   012b  bt r12,3Dh
;;   0130  jb func[0]+10Bh
;;   0136  jmp func[0]+13Bh
;;   013b  mov rsp,rbp
;;   013e  call stubs+55h
;;   0143  mov rsp,rbp
;;   0146  call stubs+87h
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
;;   00c3  jb func[0]+1A6h
;;   00c9  cmp r8d,r10d
;;   00cc  jae func[0]+0EFh
;;   00d2  mov [r14+r8],r9b
;;   00da  add r8d,1
;;   00e1  cmp rsp,r12
;;   00e4  jae func[0]+0C9h
;;   00ea  jmp func[0]+1A6h
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
;;   011d  mov rax,r12
;;   0120  bt rax,3Dh
;;   0125  jb func[0]+175h
;;   012b  shl rax,2
;;   012f  shr rax,2
;;   0133  cmp rsp,rax
;;   0136  jb func[0]+191h
;;   013c  mov rax,[r15+48h]
;;   0143  bt r12,3Eh
;;   0148  jae func[0]+164h
;;   014e  shl r12,2
;;   0152  shr r12,2
;;   0156  test rax,rax
;;   0159  je func[0]+14h
;;   015f  bts r12,3Fh
;;   0164  cmp rax,1
;;   016a  ja func[0]+1CFh
;;   0170  jmp func[0]+14h
;;   0175  mov rax,rsp
;;   0178  mov rsp,rbp
;;   017b  call stubs+1F1h
;;   0180  mov rsp,rax
;;   0183  test r12,r12
;;   0186  je func[0]+199h
;;   018c  jmp func[0]+11Dh
;;   0191  mov rsp,rbp
;;   0194  call stubs+55h
;;   0199  mov rsp,rbp
;;   019c  call stubs+87h
;;   01a1  call stubs+87h
;;   01a6  bt r12,3Dh
;;   01ab  jae func[0]+1BFh
;;   01b1  call stubs+1F1h
;;   01b6  test r12,r12
;;   01b9  je func[0]+1A1h
;;   01bf  cmp qword ptr [r15+48h],1
;;   01c4  ja func[0]+1DFh
;;   01ca  jmp func[0]+0C9h
;;   01cf  jmp qword ptr [1000h]
;;   01d5  call stubs+551h
;;   01da  jmp func[0]+14h
;;   01df  jmp qword ptr [1008h]
;;   01e5  call stubs+551h
;;   01ea  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+28Ch
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-30h],r10
;;   0037  mov [rbp-38h],r11
;;   003e  mov [rbp-40h],r9
;;   0045  mov [rbp-48h],r8
;;   004c  mov r10d,esi
;;   004f  mov r11d,0
;;   0055  mov r9d,0
;;   005b  mov r8d,0
;;   0061  mov qword ptr [rbp-10h],0
;;   006c  mov qword ptr [rbp-18h],0
;;   0077  mov qword ptr [rbp-20h],0
;;   0082  mov qword ptr [rbp-28h],0
;;   008d  test byte ptr [r13],1
;;   0095  jne func[0].instrumented+2E6h
;;   009b  test byte ptr [r13],2
;;   00a3  jne func[0].instrumented+2F5h
;;   00a9  test byte ptr [r13],4
;;   00b1  jne func[0].instrumented+304h
;;   00b7  mov r11d,1
;;   00bd  test byte ptr [r13],8
;;   00c5  jne func[0].instrumented+313h
;;   00cb  test byte ptr [r13],10h
;;   00d3  jne func[0].instrumented+322h
;;   00d9  mov dword ptr [rbp-18h],2
;;   00e5  test byte ptr [r13],20h
;;   00ed  jne func[0].instrumented+331h
;;   00f3  test byte ptr [r13],40h
;;   00fb  jne func[0].instrumented+340h
;;   0101  mov r9d,3
;;   0107  test byte ptr [r13],80h
;;   010f  jne func[0].instrumented+34Fh
;;   0115  test byte ptr [r13+1],1
;;   011d  jne func[0].instrumented+35Eh
;;   0123  bt r12,3Dh
;;   0128  jb func[0].instrumented+2C8h
;;   012e  mov r13,[r15+48h]
;;   0135  cmp r13,1
;;   013c  jbe func[0]+0C9h
;;   0142  test byte ptr [r13+1],2
;;   014a  jne func[0].instrumented+36Dh
;;   0150  test byte ptr [r13+1],4
;;   0158  jne func[0].instrumented+37Ch
;;   015e  test byte ptr [r13+1],8
;;   0166  jne func[0].instrumented+38Bh
;;   016c  cmp r8d,r10d
;;   016f  setae bl
;;   0173  movzx ebx,bl
;;   0177  test byte ptr [r13+1],10h
;;   017f  jne func[0].instrumented+39Ah
;;   0185  test ebx,ebx
;;   0188  jne func[0].instrumented+218h
;;   018e  test byte ptr [r13+1],20h
;;   0196  jne func[0].instrumented+3A9h
;;   019c  test byte ptr [r13+1],40h
;;   01a4  jne func[0].instrumented+3B8h
;;   01aa  test byte ptr [r13+1],80h
;;   01b2  jne func[0].instrumented+3C7h
;;   01b8  mov [r14+r8],r9b
;;   01c0  test byte ptr [r13+2],1
;;   01c8  jne func[0].instrumented+3D6h
;;   01ce  test byte ptr [r13+2],2
;;   01d6  jne func[0].instrumented+3E5h
;;   01dc  test byte ptr [r13+2],4
;;   01e4  jne func[0].instrumented+3F4h
;;   01ea  mov ebx,r8d
;;   01ed  add ebx,1
;;   01f4  test byte ptr [r13+2],8
;;   01fc  jne func[0].instrumented+403h
;;   0202  mov r8d,ebx
;;   0205  test byte ptr [r13+2],10h
;;   020d  jne func[0].instrumented+412h
;;   0213  jmp func[0].instrumented+123h
;;   0218  test byte ptr [r13+2],20h
;;   0220  jne func[0].instrumented+421h
;;   0226  test byte ptr [r13+2],40h
;;   022e  jne func[0].instrumented+430h
;;   0234  test byte ptr [r13+2],80h
;;   023c  jne func[0].instrumented+43Fh
;;   0242  mov ebx,r11d
;;   0245  add ebx,[rbp-18h]
;;   024c  test byte ptr [r13+3],1
;;   0254  jne func[0].instrumented+44Eh
;;   025a  test byte ptr [r13+3],2
;;   0262  jne func[0].instrumented+45Dh
;;   0268  mov eax,ebx
;;   026b  mov r10,[rbp-30h]
;;   0272  mov r11,[rbp-38h]
;;   0279  mov r9,[rbp-40h]
;;   0280  mov r8,[rbp-48h]
;;   0287  mov rsp,rbp
;;   028a  pop rbp
;;   028b  ret
;;   028c  bt r12,3Dh
;;   0291  jae func[0].instrumented+2B3h
;;   0297  mov rax,rsp
;;   029a  mov rsp,rbp
;;   029d  call stubs+1EDh
;;   02a2  mov rsp,rax
;;   02a5  test r12,r12
;;   02a8  je func[0].instrumented+2BBh
;;   02ae  jmp func[0].instrumented+0Bh
;;   02b3  mov rsp,rbp
;;   02b6  call stubs+55h
;;   02bb  mov rsp,rbp
;;   02be  call stubs+87h
;;   02c3  call stubs+87h
;;   02c8  bt r12,3Dh
;;   02cd  jae func[0].instrumented+2E1h
;;   02d3  call stubs+1EDh
;;   02d8  test r12,r12
;;   02db  je func[0].instrumented+2C3h
;;   02e1  jmp func[0].instrumented+123h
;;   02e6  mov eax,0
;;   02eb  call func[0].instrumented+46Ch
;;   02f0  jmp func[0].instrumented+9Bh
;;   02f5  mov eax,1
;;   02fa  call func[0].instrumented+46Ch
;;   02ff  jmp func[0].instrumented+0A9h
;;   0304  mov eax,2
;;   0309  call func[0].instrumented+46Ch
;;   030e  jmp func[0].instrumented+0B7h
;;   0313  mov eax,3
;;   0318  call func[0].instrumented+46Ch
;;   031d  jmp func[0].instrumented+0CBh
;;   0322  mov eax,4
;;   0327  call func[0].instrumented+46Ch
;;   032c  jmp func[0].instrumented+0D9h
;;   0331  mov eax,5
;;   0336  call func[0].instrumented+46Ch
;;   033b  jmp func[0].instrumented+0F3h
;;   0340  mov eax,6
;;   0345  call func[0].instrumented+46Ch
;;   034a  jmp func[0].instrumented+101h
;;   034f  mov eax,7
;;   0354  call func[0].instrumented+46Ch
;;   0359  jmp func[0].instrumented+115h
;;   035e  mov eax,8
;;   0363  call func[0].instrumented+46Ch
;;   0368  jmp func[0].instrumented+123h
;;   036d  mov eax,9
;;   0372  call func[0].instrumented+46Ch
;;   0377  jmp func[0].instrumented+150h
;;   037c  mov eax,0Ah
;;   0381  call func[0].instrumented+46Ch
;;   0386  jmp func[0].instrumented+15Eh
;;   038b  mov eax,0Bh
;;   0390  call func[0].instrumented+46Ch
;;   0395  jmp func[0].instrumented+16Ch
;;   039a  mov eax,0Ch
;;   039f  call func[0].instrumented+46Ch
;;   03a4  jmp func[0].instrumented+185h
;;   03a9  mov eax,0Dh
;;   03ae  call func[0].instrumented+46Ch
;;   03b3  jmp func[0].instrumented+19Ch
;;   03b8  mov eax,0Eh
;;   03bd  call func[0].instrumented+46Ch
;;   03c2  jmp func[0].instrumented+1AAh
;;   03c7  mov eax,0Fh
;;   03cc  call func[0].instrumented+46Ch
;;   03d1  jmp func[0].instrumented+1B8h
;;   03d6  mov eax,10h
;;   03db  call func[0].instrumented+46Ch
;;   03e0  jmp func[0].instrumented+1CEh
;;   03e5  mov eax,11h
;;   03ea  call func[0].instrumented+46Ch
;;   03ef  jmp func[0].instrumented+1DCh
;;   03f4  mov eax,12h
;;   03f9  call func[0].instrumented+46Ch
;;   03fe  jmp func[0].instrumented+1EAh
;;   0403  mov eax,13h
;;   0408  call func[0].instrumented+46Ch
;;   040d  jmp func[0].instrumented+202h
;;   0412  mov eax,14h
;;   0417  call func[0].instrumented+46Ch
;;   041c  jmp func[0].instrumented+213h
;;   0421  mov eax,15h
;;   0426  call func[0].instrumented+46Ch
;;   042b  jmp func[0].instrumented+226h
;;   0430  mov eax,16h
;;   0435  call func[0].instrumented+46Ch
;;   043a  jmp func[0].instrumented+234h
;;   043f  mov eax,17h
;;   0444  call func[0].instrumented+46Ch
;;   0449  jmp func[0].instrumented+242h
;;   044e  mov eax,18h
;;   0453  call func[0].instrumented+46Ch
;;   0458  jmp func[0].instrumented+25Ah
;;   045d  mov eax,19h
;;   0462  call func[0].instrumented+46Ch
;;   0467  jmp func[0].instrumented+268h
;;   046c  sub rsp,8
;;   0470  mov rdx,0
;;   047a  or rax,rdx
;;   047d  push rax
;;   047e  call stubs+54Dh
;;   0483  add rsp,8
;;   0487  mov r13,[r15+48h]
;;   048e  cmp r13,1
;;   0495  ja func[0].instrumented+4A2h
;;   049b  lea r13,[stubs+7C5h]
;;   04a2  ret
