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
;;   0133  bt r12,3Dh
;;   0138  jb func[0]+18Bh
;;   013e  mov rax,r12
;;   0141  shl rax,2
;;   0145  shr rax,2
;;   0149  cmp rsp,rax
;;   014c  jb func[0]+19Eh
;;   0152  mov rax,[r15+48h]
;;   0159  bt r12,3Eh
;;   015e  jae func[0]+17Ah
;;   0164  shl r12,2
;;   0168  shr r12,2
;;   016c  test rax,rax
;;   016f  je func[0]+14h
;;   0175  bts r12,3Fh
;;   017a  cmp rax,1
;;   0180  ja func[0]+1A6h
;;   0186  jmp func[0]+14h
;;   018b  mov rax,rsp
;;   018e  mov rsp,rbp
;;   0191  call stubs+1DCh
;;   0196  mov rsp,rax
;;   0199  jmp func[0]+133h
;;   019e  mov rsp,rbp
;;   01a1  call stubs+55h
;;   01a6  cmp qword ptr [1000h],0
;;   01ae  je func[0]+1BAh
;;   01b4  jmp qword ptr [1000h]
;;   01ba  call stubs+53Ch
;;   01bf  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  mov [rbp-10h],r8
;;   001b  movsd [rbp-18h],xmm6
;;   0024  mov r8d,esi
;;   0027  movsd xmm6,[rbp+18h]
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+345h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+359h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+36Dh
;;   005a  mov rax,0FFFFFFFFFFFFFFFFh
;;   0061  bsr ebx,r8d
;;   0065  cmove ebx,eax
;;   0069  neg ebx
;;   006c  add ebx,1Fh
;;   0073  test byte ptr [r13],8
;;   007b  jne func[0].instrumented+381h
;;   0081  test byte ptr [r13],10h
;;   0089  jne func[0].instrumented+395h
;;   008f  mov eax,20h
;;   0094  bsf esi,r8d
;;   0098  cmove esi,eax
;;   009c  test byte ptr [r13],20h
;;   00a4  jne func[0].instrumented+3A9h
;;   00aa  test byte ptr [r13],40h
;;   00b2  jne func[0].instrumented+3BDh
;;   00b8  popcnt edi,r8d
;;   00bd  test byte ptr [r13],80h
;;   00c5  jne func[0].instrumented+3D1h
;;   00cb  test byte ptr [r13+1],1
;;   00d3  jne func[0].instrumented+3E5h
;;   00d9  test r8d,r8d
;;   00dc  mov [rbp-20h],ebx
;;   00e4  sete bl
;;   00e8  movzx ebx,bl
;;   00ec  test byte ptr [r13+1],2
;;   00f4  jne func[0].instrumented+3F9h
;;   00fa  test byte ptr [r13+1],4
;;   0102  jne func[0].instrumented+40Dh
;;   0108  mov [rbp-28h],esi
;;   0110  mov esi,r8d
;;   0113  movsx esi,sil
;;   0117  test byte ptr [r13+1],8
;;   011f  jne func[0].instrumented+421h
;;   0125  add ebx,esi
;;   0128  test byte ptr [r13+1],10h
;;   0130  jne func[0].instrumented+435h
;;   0136  add edi,ebx
;;   0139  test byte ptr [r13+1],20h
;;   0141  jne func[0].instrumented+449h
;;   0147  add edi,[rbp-28h]
;;   014e  test byte ptr [r13+1],40h
;;   0156  jne func[0].instrumented+45Dh
;;   015c  add edi,[rbp-20h]
;;   0163  test byte ptr [r13+1],80h
;;   016b  jne func[0].instrumented+471h
;;   0171  test byte ptr [r13+2],1
;;   0179  jne func[0].instrumented+485h
;;   017f  movaps xmm0,xmm6
;;   0183  sqrtsd xmm0,xmm0
;;   0188  test byte ptr [r13+2],2
;;   0190  jne func[0].instrumented+499h
;;   0196  test byte ptr [r13+2],4
;;   019e  jne func[0].instrumented+4ADh
;;   01a4  movaps xmm1,xmm6
;;   01a8  movq rax,xmm1
;;   01ad  btr rax,3Fh
;;   01b2  movq xmm1,rax
;;   01b7  test byte ptr [r13+2],8
;;   01bf  jne func[0].instrumented+4C1h
;;   01c5  test byte ptr [r13+2],10h
;;   01cd  jne func[0].instrumented+4D5h
;;   01d3  movaps xmm2,xmm6
;;   01d7  movq rax,xmm2
;;   01dc  btc rax,3Fh
;;   01e1  movq xmm2,rax
;;   01e6  test byte ptr [r13+2],20h
;;   01ee  jne func[0].instrumented+4E9h
;;   01f4  test byte ptr [r13+2],40h
;;   01fc  jne func[0].instrumented+4FDh
;;   0202  movaps xmm3,xmm6
;;   0206  roundsd xmm3,xmm3,2
;;   020d  test byte ptr [r13+2],80h
;;   0215  jne func[0].instrumented+511h
;;   021b  test byte ptr [r13+3],1
;;   0223  jne func[0].instrumented+525h
;;   0229  movaps xmm4,xmm6
;;   022d  roundsd xmm4,xmm4,1
;;   0234  test byte ptr [r13+3],2
;;   023c  jne func[0].instrumented+539h
;;   0242  test byte ptr [r13+3],4
;;   024a  jne func[0].instrumented+54Dh
;;   0250  movaps xmm5,xmm6
;;   0254  roundsd xmm5,xmm5,3
;;   025b  test byte ptr [r13+3],8
;;   0263  jne func[0].instrumented+561h
;;   0269  test byte ptr [r13+3],10h
;;   0271  jne func[0].instrumented+575h
;;   0277  movsd [rbp-28h],xmm0
;;   0281  movaps xmm0,xmm6
;;   0285  roundsd xmm0,xmm0,0
;;   028c  test byte ptr [r13+3],20h
;;   0294  jne func[0].instrumented+589h
;;   029a  addsd xmm5,xmm0
;;   029f  test byte ptr [r13+3],40h
;;   02a7  jne func[0].instrumented+59Dh
;;   02ad  addsd xmm4,xmm5
;;   02b2  test byte ptr [r13+3],80h
;;   02ba  jne func[0].instrumented+5B1h
;;   02c0  addsd xmm3,xmm4
;;   02c5  test byte ptr [r13+4],1
;;   02cd  jne func[0].instrumented+5C5h
;;   02d3  addsd xmm2,xmm3
;;   02d8  test byte ptr [r13+4],2
;;   02e0  jne func[0].instrumented+5D9h
;;   02e6  addsd xmm1,xmm2
;;   02eb  test byte ptr [r13+4],4
;;   02f3  jne func[0].instrumented+5EDh
;;   02f9  movsd xmm0,[rbp-28h]
;;   0302  addsd xmm0,xmm1
;;   0307  test byte ptr [r13+4],8
;;   030f  jne func[0].instrumented+601h
;;   0315  test byte ptr [r13+4],10h
;;   031d  jne func[0].instrumented+615h
;;   0323  movsd [rbp+18h],xmm0
;;   032d  mov eax,edi
;;   0330  mov r8,[rbp-10h]
;;   0337  movsd xmm6,[rbp-18h]
;;   0340  mov rsp,rbp
;;   0343  pop rbp
;;   0344  ret
;;   0345  mov rax,0
;;   034f  call func[0].instrumented+629h
;;   0354  jmp func[0].instrumented+3Eh
;;   0359  mov rax,1
;;   0363  call func[0].instrumented+629h
;;   0368  jmp func[0].instrumented+4Ch
;;   036d  mov rax,2
;;   0377  call func[0].instrumented+629h
;;   037c  jmp func[0].instrumented+5Ah
;;   0381  mov rax,3
;;   038b  call func[0].instrumented+629h
;;   0390  jmp func[0].instrumented+81h
;;   0395  mov rax,4
;;   039f  call func[0].instrumented+629h
;;   03a4  jmp func[0].instrumented+8Fh
;;   03a9  mov rax,5
;;   03b3  call func[0].instrumented+629h
;;   03b8  jmp func[0].instrumented+0AAh
;;   03bd  mov rax,6
;;   03c7  call func[0].instrumented+629h
;;   03cc  jmp func[0].instrumented+0B8h
;;   03d1  mov rax,7
;;   03db  call func[0].instrumented+629h
;;   03e0  jmp func[0].instrumented+0CBh
;;   03e5  mov rax,8
;;   03ef  call func[0].instrumented+629h
;;   03f4  jmp func[0].instrumented+0D9h
;;   03f9  mov rax,9
;;   0403  call func[0].instrumented+629h
;;   0408  jmp func[0].instrumented+0FAh
;;   040d  mov rax,0Ah
;;   0417  call func[0].instrumented+629h
;;   041c  jmp func[0].instrumented+108h
;;   0421  mov rax,0Bh
;;   042b  call func[0].instrumented+629h
;;   0430  jmp func[0].instrumented+125h
;;   0435  mov rax,0Ch
;;   043f  call func[0].instrumented+629h
;;   0444  jmp func[0].instrumented+136h
;;   0449  mov rax,0Dh
;;   0453  call func[0].instrumented+629h
;;   0458  jmp func[0].instrumented+147h
;;   045d  mov rax,0Eh
;;   0467  call func[0].instrumented+629h
;;   046c  jmp func[0].instrumented+15Ch
;;   0471  mov rax,0Fh
;;   047b  call func[0].instrumented+629h
;;   0480  jmp func[0].instrumented+171h
;;   0485  mov rax,10h
;;   048f  call func[0].instrumented+629h
;;   0494  jmp func[0].instrumented+17Fh
;;   0499  mov rax,11h
;;   04a3  call func[0].instrumented+629h
;;   04a8  jmp func[0].instrumented+196h
;;   04ad  mov rax,12h
;;   04b7  call func[0].instrumented+629h
;;   04bc  jmp func[0].instrumented+1A4h
;;   04c1  mov rax,13h
;;   04cb  call func[0].instrumented+629h
;;   04d0  jmp func[0].instrumented+1C5h
;;   04d5  mov rax,14h
;;   04df  call func[0].instrumented+629h
;;   04e4  jmp func[0].instrumented+1D3h
;;   04e9  mov rax,15h
;;   04f3  call func[0].instrumented+629h
;;   04f8  jmp func[0].instrumented+1F4h
;;   04fd  mov rax,16h
;;   0507  call func[0].instrumented+629h
;;   050c  jmp func[0].instrumented+202h
;;   0511  mov rax,17h
;;   051b  call func[0].instrumented+629h
;;   0520  jmp func[0].instrumented+21Bh
;;   0525  mov rax,18h
;;   052f  call func[0].instrumented+629h
;;   0534  jmp func[0].instrumented+229h
;;   0539  mov rax,19h
;;   0543  call func[0].instrumented+629h
;;   0548  jmp func[0].instrumented+242h
;;   054d  mov rax,1Ah
;;   0557  call func[0].instrumented+629h
;;   055c  jmp func[0].instrumented+250h
;;   0561  mov rax,1Bh
;;   056b  call func[0].instrumented+629h
;;   0570  jmp func[0].instrumented+269h
;;   0575  mov rax,1Ch
;;   057f  call func[0].instrumented+629h
;;   0584  jmp func[0].instrumented+277h
;;   0589  mov rax,1Dh
;;   0593  call func[0].instrumented+629h
;;   0598  jmp func[0].instrumented+29Ah
;;   059d  mov rax,1Eh
;;   05a7  call func[0].instrumented+629h
;;   05ac  jmp func[0].instrumented+2ADh
;;   05b1  mov rax,1Fh
;;   05bb  call func[0].instrumented+629h
;;   05c0  jmp func[0].instrumented+2C0h
;;   05c5  mov rax,20h
;;   05cf  call func[0].instrumented+629h
;;   05d4  jmp func[0].instrumented+2D3h
;;   05d9  mov rax,21h
;;   05e3  call func[0].instrumented+629h
;;   05e8  jmp func[0].instrumented+2E6h
;;   05ed  mov rax,22h
;;   05f7  call func[0].instrumented+629h
;;   05fc  jmp func[0].instrumented+2F9h
;;   0601  mov rax,23h
;;   060b  call func[0].instrumented+629h
;;   0610  jmp func[0].instrumented+315h
;;   0615  mov rax,24h
;;   061f  call func[0].instrumented+629h
;;   0624  jmp func[0].instrumented+323h
;;   0629  sub rsp,8
;;   062d  push rax
;;   062e  call stubs+53Dh
;;   0633  add rsp,8
;;   0637  mov r13,[r15+48h]
;;   063e  cmp r13,1
;;   0645  ja func[0].instrumented+652h
;;   064b  lea r13,[stubs+7B5h]
;;   0652  ret
