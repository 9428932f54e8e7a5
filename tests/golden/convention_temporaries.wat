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
;;   0139  call stubs+1CEh
;;   013e  mov rsp,rax
;;   0141  cmp rsp,r12
;;   0144  jae func[0]+14h
;;   014a  bt r12,3Dh
;;   014f  jb func[0]+133h
;;   0155  jmp func[0]+15Ah
;;   015a  mov rsp,rbp
;;   015d  call stubs+55h
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
;;   0133  mov rax,r12
;;   0136  bt rax,3Dh
;;   013b  jb func[0]+18Bh
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
;;   0191  call stubs+1DAh
;;   0196  mov rsp,rax
;;   0199  jmp func[0]+133h
;;   019e  mov rsp,rbp
;;   01a1  call stubs+55h
;;   01a6  jmp qword ptr [1000h]
;;   01ac  call stubs+53Ah
;;   01b1  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+361h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-10h],r8
;;   0037  movsd [rbp-18h],xmm6
;;   0040  mov r8d,esi
;;   0043  movsd xmm6,[rbp+18h]
;;   004c  test byte ptr [r13],1
;;   0054  jne func[0].instrumented+387h
;;   005a  test byte ptr [r13],2
;;   0062  jne func[0].instrumented+396h
;;   0068  test byte ptr [r13],4
;;   0070  jne func[0].instrumented+3A5h
;;   0076  mov rax,0FFFFFFFFFFFFFFFFh
;;   007d  bsr ebx,r8d
;;   0081  cmove ebx,eax
;;   0085  neg ebx
;;   0088  add ebx,1Fh
;;   008f  test byte ptr [r13],8
;;   0097  jne func[0].instrumented+3B4h
;;   009d  test byte ptr [r13],10h
;;   00a5  jne func[0].instrumented+3C3h
;;   00ab  mov eax,20h
;;   00b0  bsf esi,r8d
;;   00b4  cmove esi,eax
;;   00b8  test byte ptr [r13],20h
;;   00c0  jne func[0].instrumented+3D2h
;;   00c6  test byte ptr [r13],40h
;;   00ce  jne func[0].instrumented+3E1h
;;   00d4  popcnt edi,r8d
;;   00d9  test byte ptr [r13],80h
;;   00e1  jne func[0].instrumented+3F0h
;;   00e7  test byte ptr [r13+1],1
;;   00ef  jne func[0].instrumented+3FFh
;;   00f5  test r8d,r8d
;;   00f8  mov [rbp-20h],ebx
;;   0100  sete bl
;;   0104  movzx ebx,bl
;;   0108  test byte ptr [r13+1],2
;;   0110  jne func[0].instrumented+40Eh
;;   0116  test byte ptr [r13+1],4
;;   011e  jne func[0].instrumented+41Dh
;;   0124  mov [rbp-28h],esi
;;   012c  mov esi,r8d
;;   012f  movsx esi,sil
;;   0133  test byte ptr [r13+1],8
;;   013b  jne func[0].instrumented+42Ch
;;   0141  add ebx,esi
;;   0144  test byte ptr [r13+1],10h
;;   014c  jne func[0].instrumented+43Bh
;;   0152  add edi,ebx
;;   0155  test byte ptr [r13+1],20h
;;   015d  jne func[0].instrumented+44Ah
;;   0163  add edi,[rbp-28h]
;;   016a  test byte ptr [r13+1],40h
;;   0172  jne func[0].instrumented+459h
;;   0178  add edi,[rbp-20h]
;;   017f  test byte ptr [r13+1],80h
;;   0187  jne func[0].instrumented+468h
;;   018d  test byte ptr [r13+2],1
;;   0195  jne func[0].instrumented+477h
;;   019b  movaps xmm0,xmm6
;;   019f  sqrtsd xmm0,xmm0
;;   01a4  test byte ptr [r13+2],2
;;   01ac  jne func[0].instrumented+486h
;;   01b2  test byte ptr [r13+2],4
;;   01ba  jne func[0].instrumented+495h
;;   01c0  movaps xmm1,xmm6
;;   01c4  movq rax,xmm1
;;   01c9  btr rax,3Fh
;;   01ce  movq xmm1,rax
;;   01d3  test byte ptr [r13+2],8
;;   01db  jne func[0].instrumented+4A4h
;;   01e1  test byte ptr [r13+2],10h
;;   01e9  jne func[0].instrumented+4B3h
;;   01ef  movaps xmm2,xmm6
;;   01f3  movq rax,xmm2
;;   01f8  btc rax,3Fh
;;   01fd  movq xmm2,rax
;;   0202  test byte ptr [r13+2],20h
;;   020a  jne func[0].instrumented+4C2h
;;   0210  test byte ptr [r13+2],40h
;;   0218  jne func[0].instrumented+4D1h
;;   021e  movaps xmm3,xmm6
;;   0222  roundsd xmm3,xmm3,2
;;   0229  test byte ptr [r13+2],80h
;;   0231  jne func[0].instrumented+4E0h
;;   0237  test byte ptr [r13+3],1
;;   023f  jne func[0].instrumented+4EFh
;;   0245  movaps xmm4,xmm6
;;   0249  roundsd xmm4,xmm4,1
;;   0250  test byte ptr [r13+3],2
;;   0258  jne func[0].instrumented+4FEh
;;   025e  test byte ptr [r13+3],4
;;   0266  jne func[0].instrumented+50Dh
;;   026c  movaps xmm5,xmm6
;;   0270  roundsd xmm5,xmm5,3
;;   0277  test byte ptr [r13+3],8
;;   027f  jne func[0].instrumented+51Ch
;;   0285  test byte ptr [r13+3],10h
;;   028d  jne func[0].instrumented+52Bh
;;   0293  movsd [rbp-28h],xmm0
;;   029d  movaps xmm0,xmm6
;;   02a1  roundsd xmm0,xmm0,0
;;   02a8  test byte ptr [r13+3],20h
;;   02b0  jne func[0].instrumented+53Ah
;;   02b6  addsd xmm5,xmm0
;;   02bb  test byte ptr [r13+3],40h
;;   02c3  jne func[0].instrumented+549h
;;   02c9  addsd xmm4,xmm5
;;   02ce  test byte ptr [r13+3],80h
;;   02d6  jne func[0].instrumented+558h
;;   02dc  addsd xmm3,xmm4
;;   02e1  test byte ptr [r13+4],1
;;   02e9  jne func[0].instrumented+567h
;;   02ef  addsd xmm2,xmm3
;;   02f4  test byte ptr [r13+4],2
;;   02fc  jne func[0].instrumented+576h
;;   0302  addsd xmm1,xmm2
;;   0307  test byte ptr [r13+4],4
;;   030f  jne func[0].instrumented+585h
;;   0315  movsd xmm0,[rbp-28h]
;;   031e  addsd xmm0,xmm1
;;   0323  test byte ptr [r13+4],8
;;   032b  jne func[0].instrumented+594h
;;   0331  test byte ptr [r13+4],10h
;;   0339  jne func[0].instrumented+5A3h
;;   033f  movsd [rbp+18h],xmm0
;;   0349  mov eax,edi
;;   034c  mov r8,[rbp-10h]
;;   0353  movsd xmm6,[rbp-18h]
;;   035c  mov rsp,rbp
;;   035f  pop rbp
;;   0360  ret
;;   0361  bt r12,3Dh
;;   0366  jae func[0].instrumented+37Fh
;;   036c  mov rax,rsp
;;   036f  mov rsp,rbp
;;   0372  call stubs+1D7h
;;   0377  mov rsp,rax
;;   037a  jmp func[0].instrumented+0Bh
;;   037f  mov rsp,rbp
;;   0382  call stubs+55h
;;   0387  mov eax,0
;;   038c  call func[0].instrumented+5B2h
;;   0391  jmp func[0].instrumented+5Ah
;;   0396  mov eax,1
;;   039b  call func[0].instrumented+5B2h
;;   03a0  jmp func[0].instrumented+68h
;;   03a5  mov eax,2
;;   03aa  call func[0].instrumented+5B2h
;;   03af  jmp func[0].instrumented+76h
;;   03b4  mov eax,3
;;   03b9  call func[0].instrumented+5B2h
;;   03be  jmp func[0].instrumented+9Dh
;;   03c3  mov eax,4
;;   03c8  call func[0].instrumented+5B2h
;;   03cd  jmp func[0].instrumented+0ABh
;;   03d2  mov eax,5
;;   03d7  call func[0].instrumented+5B2h
;;   03dc  jmp func[0].instrumented+0C6h
;;   03e1  mov eax,6
;;   03e6  call func[0].instrumented+5B2h
;;   03eb  jmp func[0].instrumented+0D4h
;;   03f0  mov eax,7
;;   03f5  call func[0].instrumented+5B2h
;;   03fa  jmp func[0].instrumented+0E7h
;;   03ff  mov eax,8
;;   0404  call func[0].instrumented+5B2h
;;   0409  jmp func[0].instrumented+0F5h
;;   040e  mov eax,9
;;   0413  call func[0].instrumented+5B2h
;;   0418  jmp func[0].instrumented+116h
;;   041d  mov eax,0Ah
;;   0422  call func[0].instrumented+5B2h
;;   0427  jmp func[0].instrumented+124h
;;   042c  mov eax,0Bh
;;   0431  call func[0].instrumented+5B2h
;;   0436  jmp func[0].instrumented+141h
;;   043b  mov eax,0Ch
;;   0440  call func[0].instrumented+5B2h
;;   0445  jmp func[0].instrumented+152h
;;   044a  mov eax,0Dh
;;   044f  call func[0].instrumented+5B2h
;;   0454  jmp func[0].instrumented+163h
;;   0459  mov eax,0Eh
;;   045e  call func[0].instrumented+5B2h
;;   0463  jmp func[0].instrumented+178h
;;   0468  mov eax,0Fh
;;   046d  call func[0].instrumented+5B2h
;;   0472  jmp func[0].instrumented+18Dh
;;   0477  mov eax,10h
;;   047c  call func[0].instrumented+5B2h
;;   0481  jmp func[0].instrumented+19Bh
;;   0486  mov eax,11h
;;   048b  call func[0].instrumented+5B2h
;;   0490  jmp func[0].instrumented+1B2h
;;   0495  mov eax,12h
;;   049a  call func[0].instrumented+5B2h
;;   049f  jmp func[0].instrumented+1C0h
;;   04a4  mov eax,13h
;;   04a9  call func[0].instrumented+5B2h
;;   04ae  jmp func[0].instrumented+1E1h
;;   04b3  mov eax,14h
;;   04b8  call func[0].instrumented+5B2h
;;   04bd  jmp func[0].instrumented+1EFh
;;   04c2  mov eax,15h
;;   04c7  call func[0].instrumented+5B2h
;;   04cc  jmp func[0].instrumented+210h
;;   04d1  mov eax,16h
;;   04d6  call func[0].instrumented+5B2h
;;   04db  jmp func[0].instrumented+21Eh
;;   04e0  mov eax,17h
;;   04e5  call func[0].instrumented+5B2h
;;   04ea  jmp func[0].instrumented+237h
;;   04ef  mov eax,18h
;;   04f4  call func[0].instrumented+5B2h
;;   04f9  jmp func[0].instrumented+245h
;;   04fe  mov eax,19h
;;   0503  call func[0].instrumented+5B2h
;;   0508  jmp func[0].instrumented+25Eh
;;   050d  mov eax,1Ah
;;   0512  call func[0].instrumented+5B2h
;;   0517  jmp func[0].instrumented+26Ch
;;   051c  mov eax,1Bh
;;   0521  call func[0].instrumented+5B2h
;;   0526  jmp func[0].instrumented+285h
;;   052b  mov eax,1Ch
;;   0530  call func[0].instrumented+5B2h
;;   0535  jmp func[0].instrumented+293h
;;   053a  mov eax,1Dh
;;   053f  call func[0].instrumented+5B2h
;;   0544  jmp func[0].instrumented+2B6h
;;   0549  mov eax,1Eh
;;   054e  call func[0].instrumented+5B2h
;;   0553  jmp func[0].instrumented+2C9h
;;   0558  mov eax,1Fh
;;   055d  call func[0].instrumented+5B2h
;;   0562  jmp func[0].instrumented+2DCh
;;   0567  mov eax,20h
;;   056c  call func[0].instrumented+5B2h
;;   0571  jmp func[0].instrumented+2EFh
;;   0576  mov eax,21h
;;   057b  call func[0].instrumented+5B2h
;;   0580  jmp func[0].instrumented+302h
;;   0585  mov eax,22h
;;   058a  call func[0].instrumented+5B2h
;;   058f  jmp func[0].instrumented+315h
;;   0594  mov eax,23h
;;   0599  call func[0].instrumented+5B2h
;;   059e  jmp func[0].instrumented+331h
;;   05a3  mov eax,24h
;;   05a8  call func[0].instrumented+5B2h
;;   05ad  jmp func[0].instrumented+33Fh
;;   05b2  sub rsp,8
;;   05b6  mov rdx,0
;;   05c0  or rax,rdx
;;   05c3  push rax
;;   05c4  call stubs+537h
;;   05c9  add rsp,8
;;   05cd  mov r13,[r15+48h]
;;   05d4  cmp r13,1
;;   05db  ja func[0].instrumented+5E8h
;;   05e1  lea r13,[stubs+7AFh]
;;   05e8  ret
