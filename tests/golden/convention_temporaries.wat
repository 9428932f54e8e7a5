;; Register convention: a callee that keeps five integer and seven float temporaries live
;; uses only rbx, rsi, rdi, r13 and spill slots, and xmm0-5, never the callee-saved
;; registers its callers pin locals in (r8-r11, xmm6-13).
(module
  (func (export "deep") (param $a i32) (param $x f64) (result i32 f64)
    (i32.clz (local.get $a)) (i32.ctz (local.get $a)) (i32.popcnt (local.get $a))
    (i32.eqz (local.get $a)) (i32.extend8_s (local.get $a))
    i32.add i32.add i32.add i32.add
    (f64.sqrt (local.get $x)) (f64.abs (local.get $x)) (f64.neg (local.get $x))
    (f64.ceil (local.get $x)) (f64.floor (local.get $x)) (f64.trunc (local.get $x))
    (f64.nearest (local.get $x))
    f64.add f64.add f64.add f64.add f64.add f64.add))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+133h
;;   0014  mov [rbp-10h],r8
;;   001b  movsd [rbp-18h],xmm6
;;   0024  mov r8d,esi
;;   0027  movsd xmm6,[rbp+18h]
;;   0030  mov rax,0FFFFFFFFFFFFFFFFh
;;   0037  bsr ebx,r8d
;;   003b  cmove ebx,eax
;;   003f  neg ebx
;;   0042  add ebx,1Fh
;;   0049  mov eax,20h
;;   004e  bsf esi,r8d
;;   0052  cmove esi,eax
;;   0056  popcnt edi,r8d
;;   005b  test r8d,r8d
;;   005e  sete r13b
;;   0062  movzx r13d,r13b
;;   0066  mov [rbp-20h],ebx
;;   006e  mov ebx,r8d
;;   0071  movsx ebx,bl
;;   0075  add r13d,ebx
;;   0078  add edi,r13d
;;   007b  add esi,edi
;;   007e  add esi,[rbp-20h]
;;   0085  movaps xmm0,xmm6
;;   0089  sqrtsd xmm0,xmm0
;;   008e  movaps xmm1,xmm6
;;   0092  movq rax,xmm1
;;   0097  btr rax,3Fh
;;   009c  movq xmm1,rax
;;   00a1  movaps xmm2,xmm6
;;   00a5  movq rax,xmm2
;;   00aa  btc rax,3Fh
;;   00af  movq xmm2,rax
;;   00b4  movaps xmm3,xmm6
;;   00b8  roundsd xmm3,xmm3,2
;;   00bf  movaps xmm4,xmm6
;;   00c3  roundsd xmm4,xmm4,1
;;   00ca  movaps xmm5,xmm6
;;   00ce  roundsd xmm5,xmm5,3
;;   00d5  movsd [rbp-28h],xmm0
;;   00df  movaps xmm0,xmm6
;;   00e3  roundsd xmm0,xmm0,0
;;   00ea  addsd xmm5,xmm0
;;   00ef  addsd xmm4,xmm5
;;   00f4  addsd xmm3,xmm4
;;   00f9  addsd xmm2,xmm3
;;   00fe  addsd xmm1,xmm2
;;   0103  movsd xmm0,[rbp-28h]
;;   010c  addsd xmm0,xmm1
;;   0111  movsd [rbp+18h],xmm0
;;   011b  mov eax,esi
;;   011e  mov r8,[rbp-10h]
;;   0125  movsd xmm6,[rbp-18h]
;;   012e  mov rsp,rbp
;;   0131  pop rbp
;;   0132  ret
;;   0133  mov rax,rsp
;;   0136  mov rsp,rbp
;;   0139  call stubs+1D9h
;;   013e  mov rsp,rax
;;   0141  cmp rsp,r12
;;   0144  jb func[0]+14Fh
;;   014a  jmp func[0]+14h
;;   014f  mov rsp,rbp
;;   0152  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+13Eh
;;   0014  mov [rbp-10h],r8
;;   001b  movsd [rbp-18h],xmm6
;;   0024  mov r8d,esi
;;   0027  movsd xmm6,[rbp+18h]
;;   0030  cmp qword ptr [r15+48h],0
;;   0035  jne func[0]+162h
;;   003b  mov rax,0FFFFFFFFFFFFFFFFh
;;   0042  bsr ebx,r8d
;;   0046  cmove ebx,eax
;;   004a  neg ebx
;;   004d  add ebx,1Fh
;;   0054  mov eax,20h
;;   0059  bsf esi,r8d
;;   005d  cmove esi,eax
;;   0061  popcnt edi,r8d
;;   0066  test r8d,r8d
;;   0069  sete r13b
;;   006d  movzx r13d,r13b
;;   0071  mov [rbp-20h],ebx
;;   0079  mov ebx,r8d
;;   007c  movsx ebx,bl
;;   0080  add r13d,ebx
;;   0083  add edi,r13d
;;   0086  add esi,edi
;;   0089  add esi,[rbp-20h]
;;   0090  movaps xmm0,xmm6
;;   0094  sqrtsd xmm0,xmm0
;;   0099  movaps xmm1,xmm6
;;   009d  movq rax,xmm1
;;   00a2  btr rax,3Fh
;;   00a7  movq xmm1,rax
;;   00ac  movaps xmm2,xmm6
;;   00b0  movq rax,xmm2
;;   00b5  btc rax,3Fh
;;   00ba  movq xmm2,rax
;;   00bf  movaps xmm3,xmm6
;;   00c3  roundsd xmm3,xmm3,2
;;   00ca  movaps xmm4,xmm6
;;   00ce  roundsd xmm4,xmm4,1
;;   00d5  movaps xmm5,xmm6
;;   00d9  roundsd xmm5,xmm5,3
;;   00e0  movsd [rbp-28h],xmm0
;;   00ea  movaps xmm0,xmm6
;;   00ee  roundsd xmm0,xmm0,0
;;   00f5  addsd xmm5,xmm0
;;   00fa  addsd xmm4,xmm5
;;   00ff  addsd xmm3,xmm4
;;   0104  addsd xmm2,xmm3
;;   0109  addsd xmm1,xmm2
;;   010e  movsd xmm0,[rbp-28h]
;;   0117  addsd xmm0,xmm1
;;   011c  movsd [rbp+18h],xmm0
;;   0126  mov eax,esi
;;   0129  mov r8,[rbp-10h]
;;   0130  movsd xmm6,[rbp-18h]
;;   0139  mov rsp,rbp
;;   013c  pop rbp
;;   013d  ret
;;   013e  mov rax,rsp
;;   0141  mov rsp,rbp
;;   0144  call stubs+1D4h
;;   0149  mov rsp,rax
;;   014c  cmp rsp,r12
;;   014f  jb func[0]+15Ah
;;   0155  jmp func[0]+14h
;;   015a  mov rsp,rbp
;;   015d  call stubs+55h
;;   0162  call stubs+534h
;;   0167  jmp func[0]+3Bh
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+3Bh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+325h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+339h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+34Dh
;;   003a  mov rax,0FFFFFFFFFFFFFFFFh
;;   0041  bsr ebx,r8d
;;   0045  cmove ebx,eax
;;   0049  neg ebx
;;   004c  add ebx,1Fh
;;   0053  test byte ptr [r13],8
;;   005b  jne func[0].instrumented+361h
;;   0061  test byte ptr [r13],10h
;;   0069  jne func[0].instrumented+375h
;;   006f  mov eax,20h
;;   0074  bsf esi,r8d
;;   0078  cmove esi,eax
;;   007c  test byte ptr [r13],20h
;;   0084  jne func[0].instrumented+389h
;;   008a  test byte ptr [r13],40h
;;   0092  jne func[0].instrumented+39Dh
;;   0098  popcnt edi,r8d
;;   009d  test byte ptr [r13],80h
;;   00a5  jne func[0].instrumented+3B1h
;;   00ab  test byte ptr [r13+1],1
;;   00b3  jne func[0].instrumented+3C5h
;;   00b9  test r8d,r8d
;;   00bc  mov [rbp-20h],ebx
;;   00c4  sete bl
;;   00c8  movzx ebx,bl
;;   00cc  test byte ptr [r13+1],2
;;   00d4  jne func[0].instrumented+3D9h
;;   00da  test byte ptr [r13+1],4
;;   00e2  jne func[0].instrumented+3EDh
;;   00e8  mov [rbp-28h],esi
;;   00f0  mov esi,r8d
;;   00f3  movsx esi,sil
;;   00f7  test byte ptr [r13+1],8
;;   00ff  jne func[0].instrumented+401h
;;   0105  add ebx,esi
;;   0108  test byte ptr [r13+1],10h
;;   0110  jne func[0].instrumented+415h
;;   0116  add edi,ebx
;;   0119  test byte ptr [r13+1],20h
;;   0121  jne func[0].instrumented+429h
;;   0127  add edi,[rbp-28h]
;;   012e  test byte ptr [r13+1],40h
;;   0136  jne func[0].instrumented+43Dh
;;   013c  add edi,[rbp-20h]
;;   0143  test byte ptr [r13+1],80h
;;   014b  jne func[0].instrumented+451h
;;   0151  test byte ptr [r13+2],1
;;   0159  jne func[0].instrumented+465h
;;   015f  movaps xmm0,xmm6
;;   0163  sqrtsd xmm0,xmm0
;;   0168  test byte ptr [r13+2],2
;;   0170  jne func[0].instrumented+479h
;;   0176  test byte ptr [r13+2],4
;;   017e  jne func[0].instrumented+48Dh
;;   0184  movaps xmm1,xmm6
;;   0188  movq rax,xmm1
;;   018d  btr rax,3Fh
;;   0192  movq xmm1,rax
;;   0197  test byte ptr [r13+2],8
;;   019f  jne func[0].instrumented+4A1h
;;   01a5  test byte ptr [r13+2],10h
;;   01ad  jne func[0].instrumented+4B5h
;;   01b3  movaps xmm2,xmm6
;;   01b7  movq rax,xmm2
;;   01bc  btc rax,3Fh
;;   01c1  movq xmm2,rax
;;   01c6  test byte ptr [r13+2],20h
;;   01ce  jne func[0].instrumented+4C9h
;;   01d4  test byte ptr [r13+2],40h
;;   01dc  jne func[0].instrumented+4DDh
;;   01e2  movaps xmm3,xmm6
;;   01e6  roundsd xmm3,xmm3,2
;;   01ed  test byte ptr [r13+2],80h
;;   01f5  jne func[0].instrumented+4F1h
;;   01fb  test byte ptr [r13+3],1
;;   0203  jne func[0].instrumented+505h
;;   0209  movaps xmm4,xmm6
;;   020d  roundsd xmm4,xmm4,1
;;   0214  test byte ptr [r13+3],2
;;   021c  jne func[0].instrumented+519h
;;   0222  test byte ptr [r13+3],4
;;   022a  jne func[0].instrumented+52Dh
;;   0230  movaps xmm5,xmm6
;;   0234  roundsd xmm5,xmm5,3
;;   023b  test byte ptr [r13+3],8
;;   0243  jne func[0].instrumented+541h
;;   0249  test byte ptr [r13+3],10h
;;   0251  jne func[0].instrumented+555h
;;   0257  movsd [rbp-28h],xmm0
;;   0261  movaps xmm0,xmm6
;;   0265  roundsd xmm0,xmm0,0
;;   026c  test byte ptr [r13+3],20h
;;   0274  jne func[0].instrumented+569h
;;   027a  addsd xmm5,xmm0
;;   027f  test byte ptr [r13+3],40h
;;   0287  jne func[0].instrumented+57Dh
;;   028d  addsd xmm4,xmm5
;;   0292  test byte ptr [r13+3],80h
;;   029a  jne func[0].instrumented+591h
;;   02a0  addsd xmm3,xmm4
;;   02a5  test byte ptr [r13+4],1
;;   02ad  jne func[0].instrumented+5A5h
;;   02b3  addsd xmm2,xmm3
;;   02b8  test byte ptr [r13+4],2
;;   02c0  jne func[0].instrumented+5B9h
;;   02c6  addsd xmm1,xmm2
;;   02cb  test byte ptr [r13+4],4
;;   02d3  jne func[0].instrumented+5CDh
;;   02d9  movsd xmm0,[rbp-28h]
;;   02e2  addsd xmm0,xmm1
;;   02e7  test byte ptr [r13+4],8
;;   02ef  jne func[0].instrumented+5E1h
;;   02f5  test byte ptr [r13+4],10h
;;   02fd  jne func[0].instrumented+5F5h
;;   0303  movsd [rbp+18h],xmm0
;;   030d  mov eax,edi
;;   0310  mov r8,[rbp-10h]
;;   0317  movsd xmm6,[rbp-18h]
;;   0320  mov rsp,rbp
;;   0323  pop rbp
;;   0324  ret
;;   0325  mov rax,0
;;   032f  call func[0].instrumented+609h
;;   0334  jmp func[0].instrumented+1Eh
;;   0339  mov rax,1
;;   0343  call func[0].instrumented+609h
;;   0348  jmp func[0].instrumented+2Ch
;;   034d  mov rax,2
;;   0357  call func[0].instrumented+609h
;;   035c  jmp func[0].instrumented+3Ah
;;   0361  mov rax,3
;;   036b  call func[0].instrumented+609h
;;   0370  jmp func[0].instrumented+61h
;;   0375  mov rax,4
;;   037f  call func[0].instrumented+609h
;;   0384  jmp func[0].instrumented+6Fh
;;   0389  mov rax,5
;;   0393  call func[0].instrumented+609h
;;   0398  jmp func[0].instrumented+8Ah
;;   039d  mov rax,6
;;   03a7  call func[0].instrumented+609h
;;   03ac  jmp func[0].instrumented+98h
;;   03b1  mov rax,7
;;   03bb  call func[0].instrumented+609h
;;   03c0  jmp func[0].instrumented+0ABh
;;   03c5  mov rax,8
;;   03cf  call func[0].instrumented+609h
;;   03d4  jmp func[0].instrumented+0B9h
;;   03d9  mov rax,9
;;   03e3  call func[0].instrumented+609h
;;   03e8  jmp func[0].instrumented+0DAh
;;   03ed  mov rax,0Ah
;;   03f7  call func[0].instrumented+609h
;;   03fc  jmp func[0].instrumented+0E8h
;;   0401  mov rax,0Bh
;;   040b  call func[0].instrumented+609h
;;   0410  jmp func[0].instrumented+105h
;;   0415  mov rax,0Ch
;;   041f  call func[0].instrumented+609h
;;   0424  jmp func[0].instrumented+116h
;;   0429  mov rax,0Dh
;;   0433  call func[0].instrumented+609h
;;   0438  jmp func[0].instrumented+127h
;;   043d  mov rax,0Eh
;;   0447  call func[0].instrumented+609h
;;   044c  jmp func[0].instrumented+13Ch
;;   0451  mov rax,0Fh
;;   045b  call func[0].instrumented+609h
;;   0460  jmp func[0].instrumented+151h
;;   0465  mov rax,10h
;;   046f  call func[0].instrumented+609h
;;   0474  jmp func[0].instrumented+15Fh
;;   0479  mov rax,11h
;;   0483  call func[0].instrumented+609h
;;   0488  jmp func[0].instrumented+176h
;;   048d  mov rax,12h
;;   0497  call func[0].instrumented+609h
;;   049c  jmp func[0].instrumented+184h
;;   04a1  mov rax,13h
;;   04ab  call func[0].instrumented+609h
;;   04b0  jmp func[0].instrumented+1A5h
;;   04b5  mov rax,14h
;;   04bf  call func[0].instrumented+609h
;;   04c4  jmp func[0].instrumented+1B3h
;;   04c9  mov rax,15h
;;   04d3  call func[0].instrumented+609h
;;   04d8  jmp func[0].instrumented+1D4h
;;   04dd  mov rax,16h
;;   04e7  call func[0].instrumented+609h
;;   04ec  jmp func[0].instrumented+1E2h
;;   04f1  mov rax,17h
;;   04fb  call func[0].instrumented+609h
;;   0500  jmp func[0].instrumented+1FBh
;;   0505  mov rax,18h
;;   050f  call func[0].instrumented+609h
;;   0514  jmp func[0].instrumented+209h
;;   0519  mov rax,19h
;;   0523  call func[0].instrumented+609h
;;   0528  jmp func[0].instrumented+222h
;;   052d  mov rax,1Ah
;;   0537  call func[0].instrumented+609h
;;   053c  jmp func[0].instrumented+230h
;;   0541  mov rax,1Bh
;;   054b  call func[0].instrumented+609h
;;   0550  jmp func[0].instrumented+249h
;;   0555  mov rax,1Ch
;;   055f  call func[0].instrumented+609h
;;   0564  jmp func[0].instrumented+257h
;;   0569  mov rax,1Dh
;;   0573  call func[0].instrumented+609h
;;   0578  jmp func[0].instrumented+27Ah
;;   057d  mov rax,1Eh
;;   0587  call func[0].instrumented+609h
;;   058c  jmp func[0].instrumented+28Dh
;;   0591  mov rax,1Fh
;;   059b  call func[0].instrumented+609h
;;   05a0  jmp func[0].instrumented+2A0h
;;   05a5  mov rax,20h
;;   05af  call func[0].instrumented+609h
;;   05b4  jmp func[0].instrumented+2B3h
;;   05b9  mov rax,21h
;;   05c3  call func[0].instrumented+609h
;;   05c8  jmp func[0].instrumented+2C6h
;;   05cd  mov rax,22h
;;   05d7  call func[0].instrumented+609h
;;   05dc  jmp func[0].instrumented+2D9h
;;   05e1  mov rax,23h
;;   05eb  call func[0].instrumented+609h
;;   05f0  jmp func[0].instrumented+2F5h
;;   05f5  mov rax,24h
;;   05ff  call func[0].instrumented+609h
;;   0604  jmp func[0].instrumented+303h
;;   0609  sub rsp,8
;;   060d  push rax
;;   060e  call stubs+531h
;;   0613  add rsp,8
;;   0617  mov r13,[r15+48h]
;;   061e  test r13,r13
;;   0621  jne func[0].instrumented+62Eh
;;   0627  lea r13,[stubs+7A9h]
;;   062e  ret
