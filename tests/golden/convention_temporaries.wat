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
;;   001b  movdqu [rbp-20h],xmm6
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
;;   0066  mov [rbp-28h],ebx
;;   006e  mov ebx,r8d
;;   0071  movsx ebx,bl
;;   0075  add r13d,ebx
;;   0078  add edi,r13d
;;   007b  add esi,edi
;;   007e  add esi,[rbp-28h]
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
;;   00d5  movsd [rbp-30h],xmm0
;;   00df  movaps xmm0,xmm6
;;   00e3  roundsd xmm0,xmm0,0
;;   00ea  addsd xmm5,xmm0
;;   00ef  addsd xmm4,xmm5
;;   00f4  addsd xmm3,xmm4
;;   00f9  addsd xmm2,xmm3
;;   00fe  addsd xmm1,xmm2
;;   0103  movsd xmm0,[rbp-30h]
;;   010c  addsd xmm0,xmm1
;;   0111  movsd [rbp+18h],xmm0
;;   011b  mov eax,esi
;;   011e  mov r8,[rbp-10h]
;;   0125  movdqu xmm6,[rbp-20h]
;;   012e  mov rsp,rbp
;;   0131  pop rbp
;;   0132  ret
;;   0133  mov rax,rsp
;;   0136  mov rsp,rbp
;;   0139  call stubs+20Dh
;;   013e  mov rsp,rax
;;   0141  test r12,r12
;;   0144  je func[0]+16Bh
;;   014a  cmp rsp,r12
;;   014d  jae func[0]+14h
;;   0153  bt r12,3Dh
;;   0158  jb func[0]+133h
;;   015e  jmp func[0]+163h
;;   0163  mov rsp,rbp
;;   0166  call stubs+55h
;;   016b  mov rsp,rbp
;;   016e  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+133h
;;   0014  mov [rbp-10h],r8
;;   001b  movdqu [rbp-20h],xmm6
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
;;   0066  mov [rbp-28h],ebx
;;   006e  mov ebx,r8d
;;   0071  movsx ebx,bl
;;   0075  add r13d,ebx
;;   0078  add edi,r13d
;;   007b  add esi,edi
;;   007e  add esi,[rbp-28h]
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
;;   00d5  movsd [rbp-30h],xmm0
;;   00df  movaps xmm0,xmm6
;;   00e3  roundsd xmm0,xmm0,0
;;   00ea  addsd xmm5,xmm0
;;   00ef  addsd xmm4,xmm5
;;   00f4  addsd xmm3,xmm4
;;   00f9  addsd xmm2,xmm3
;;   00fe  addsd xmm1,xmm2
;;   0103  movsd xmm0,[rbp-30h]
;;   010c  addsd xmm0,xmm1
;;   0111  movsd [rbp+18h],xmm0
;;   011b  mov eax,esi
;;   011e  mov r8,[rbp-10h]
;;   0125  movdqu xmm6,[rbp-20h]
;;   012e  mov rsp,rbp
;;   0131  pop rbp
;;   0132  ret
;;   0133  mov rax,r12
;;   0136  bt rax,3Dh
;;   013b  jb func[0]+18Bh
;;   0141  shl rax,2
;;   0145  shr rax,2
;;   0149  cmp rsp,rax
;;   014c  jb func[0]+1A7h
;;   0152  mov rax,[r15+48h]
;;   0159  bt r12,3Eh
;;   015e  jae func[0]+17Ah
;;   0164  shl r12,2
;;   0168  shr r12,2
;;   016c  test rax,rax
;;   016f  je func[0]+14h
;;   0175  bts r12,3Fh
;;   017a  cmp rax,1
;;   0180  ja func[0]+1B7h
;;   0186  jmp func[0]+14h
;;   018b  mov rax,rsp
;;   018e  mov rsp,rbp
;;   0191  call stubs+219h
;;   0196  mov rsp,rax
;;   0199  test r12,r12
;;   019c  je func[0]+1AFh
;;   01a2  jmp func[0]+133h
;;   01a7  mov rsp,rbp
;;   01aa  call stubs+55h
;;   01af  mov rsp,rbp
;;   01b2  call stubs+87h
;;   01b7  jmp qword ptr [1000h]
;;   01bd  call stubs+579h
;;   01c2  jmp func[0]+14h
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
;;   0037  movdqu [rbp-20h],xmm6
;;   0040  mov r8d,esi
;;   0043  movsd xmm6,[rbp+18h]
;;   004c  test byte ptr [r13],1
;;   0054  jne func[0].instrumented+398h
;;   005a  test byte ptr [r13],2
;;   0062  jne func[0].instrumented+3A7h
;;   0068  test byte ptr [r13],4
;;   0070  jne func[0].instrumented+3B6h
;;   0076  mov rax,0FFFFFFFFFFFFFFFFh
;;   007d  bsr ebx,r8d
;;   0081  cmove ebx,eax
;;   0085  neg ebx
;;   0088  add ebx,1Fh
;;   008f  test byte ptr [r13],8
;;   0097  jne func[0].instrumented+3C5h
;;   009d  test byte ptr [r13],10h
;;   00a5  jne func[0].instrumented+3D4h
;;   00ab  mov eax,20h
;;   00b0  bsf esi,r8d
;;   00b4  cmove esi,eax
;;   00b8  test byte ptr [r13],20h
;;   00c0  jne func[0].instrumented+3E3h
;;   00c6  test byte ptr [r13],40h
;;   00ce  jne func[0].instrumented+3F2h
;;   00d4  popcnt edi,r8d
;;   00d9  test byte ptr [r13],80h
;;   00e1  jne func[0].instrumented+401h
;;   00e7  test byte ptr [r13+1],1
;;   00ef  jne func[0].instrumented+410h
;;   00f5  test r8d,r8d
;;   00f8  mov [rbp-28h],ebx
;;   0100  sete bl
;;   0104  movzx ebx,bl
;;   0108  test byte ptr [r13+1],2
;;   0110  jne func[0].instrumented+41Fh
;;   0116  test byte ptr [r13+1],4
;;   011e  jne func[0].instrumented+42Eh
;;   0124  mov [rbp-30h],esi
;;   012c  mov esi,r8d
;;   012f  movsx esi,sil
;;   0133  test byte ptr [r13+1],8
;;   013b  jne func[0].instrumented+43Dh
;;   0141  add ebx,esi
;;   0144  test byte ptr [r13+1],10h
;;   014c  jne func[0].instrumented+44Ch
;;   0152  add edi,ebx
;;   0155  test byte ptr [r13+1],20h
;;   015d  jne func[0].instrumented+45Bh
;;   0163  add edi,[rbp-30h]
;;   016a  test byte ptr [r13+1],40h
;;   0172  jne func[0].instrumented+46Ah
;;   0178  add edi,[rbp-28h]
;;   017f  test byte ptr [r13+1],80h
;;   0187  jne func[0].instrumented+479h
;;   018d  test byte ptr [r13+2],1
;;   0195  jne func[0].instrumented+488h
;;   019b  movaps xmm0,xmm6
;;   019f  sqrtsd xmm0,xmm0
;;   01a4  test byte ptr [r13+2],2
;;   01ac  jne func[0].instrumented+497h
;;   01b2  test byte ptr [r13+2],4
;;   01ba  jne func[0].instrumented+4A6h
;;   01c0  movaps xmm1,xmm6
;;   01c4  movq rax,xmm1
;;   01c9  btr rax,3Fh
;;   01ce  movq xmm1,rax
;;   01d3  test byte ptr [r13+2],8
;;   01db  jne func[0].instrumented+4B5h
;;   01e1  test byte ptr [r13+2],10h
;;   01e9  jne func[0].instrumented+4C4h
;;   01ef  movaps xmm2,xmm6
;;   01f3  movq rax,xmm2
;;   01f8  btc rax,3Fh
;;   01fd  movq xmm2,rax
;;   0202  test byte ptr [r13+2],20h
;;   020a  jne func[0].instrumented+4D3h
;;   0210  test byte ptr [r13+2],40h
;;   0218  jne func[0].instrumented+4E2h
;;   021e  movaps xmm3,xmm6
;;   0222  roundsd xmm3,xmm3,2
;;   0229  test byte ptr [r13+2],80h
;;   0231  jne func[0].instrumented+4F1h
;;   0237  test byte ptr [r13+3],1
;;   023f  jne func[0].instrumented+500h
;;   0245  movaps xmm4,xmm6
;;   0249  roundsd xmm4,xmm4,1
;;   0250  test byte ptr [r13+3],2
;;   0258  jne func[0].instrumented+50Fh
;;   025e  test byte ptr [r13+3],4
;;   0266  jne func[0].instrumented+51Eh
;;   026c  movaps xmm5,xmm6
;;   0270  roundsd xmm5,xmm5,3
;;   0277  test byte ptr [r13+3],8
;;   027f  jne func[0].instrumented+52Dh
;;   0285  test byte ptr [r13+3],10h
;;   028d  jne func[0].instrumented+53Ch
;;   0293  movsd [rbp-30h],xmm0
;;   029d  movaps xmm0,xmm6
;;   02a1  roundsd xmm0,xmm0,0
;;   02a8  test byte ptr [r13+3],20h
;;   02b0  jne func[0].instrumented+54Bh
;;   02b6  addsd xmm5,xmm0
;;   02bb  test byte ptr [r13+3],40h
;;   02c3  jne func[0].instrumented+55Ah
;;   02c9  addsd xmm4,xmm5
;;   02ce  test byte ptr [r13+3],80h
;;   02d6  jne func[0].instrumented+569h
;;   02dc  addsd xmm3,xmm4
;;   02e1  test byte ptr [r13+4],1
;;   02e9  jne func[0].instrumented+578h
;;   02ef  addsd xmm2,xmm3
;;   02f4  test byte ptr [r13+4],2
;;   02fc  jne func[0].instrumented+587h
;;   0302  addsd xmm1,xmm2
;;   0307  test byte ptr [r13+4],4
;;   030f  jne func[0].instrumented+596h
;;   0315  movsd xmm0,[rbp-30h]
;;   031e  addsd xmm0,xmm1
;;   0323  test byte ptr [r13+4],8
;;   032b  jne func[0].instrumented+5A5h
;;   0331  test byte ptr [r13+4],10h
;;   0339  jne func[0].instrumented+5B4h
;;   033f  movsd [rbp+18h],xmm0
;;   0349  mov eax,edi
;;   034c  mov r8,[rbp-10h]
;;   0353  movdqu xmm6,[rbp-20h]
;;   035c  mov rsp,rbp
;;   035f  pop rbp
;;   0360  ret
;;   0361  bt r12,3Dh
;;   0366  jae func[0].instrumented+388h
;;   036c  mov rax,rsp
;;   036f  mov rsp,rbp
;;   0372  call stubs+216h
;;   0377  mov rsp,rax
;;   037a  test r12,r12
;;   037d  je func[0].instrumented+390h
;;   0383  jmp func[0].instrumented+0Bh
;;   0388  mov rsp,rbp
;;   038b  call stubs+55h
;;   0390  mov rsp,rbp
;;   0393  call stubs+87h
;;   0398  mov eax,0
;;   039d  call func[0].instrumented+5C3h
;;   03a2  jmp func[0].instrumented+5Ah
;;   03a7  mov eax,1
;;   03ac  call func[0].instrumented+5C3h
;;   03b1  jmp func[0].instrumented+68h
;;   03b6  mov eax,2
;;   03bb  call func[0].instrumented+5C3h
;;   03c0  jmp func[0].instrumented+76h
;;   03c5  mov eax,3
;;   03ca  call func[0].instrumented+5C3h
;;   03cf  jmp func[0].instrumented+9Dh
;;   03d4  mov eax,4
;;   03d9  call func[0].instrumented+5C3h
;;   03de  jmp func[0].instrumented+0ABh
;;   03e3  mov eax,5
;;   03e8  call func[0].instrumented+5C3h
;;   03ed  jmp func[0].instrumented+0C6h
;;   03f2  mov eax,6
;;   03f7  call func[0].instrumented+5C3h
;;   03fc  jmp func[0].instrumented+0D4h
;;   0401  mov eax,7
;;   0406  call func[0].instrumented+5C3h
;;   040b  jmp func[0].instrumented+0E7h
;;   0410  mov eax,8
;;   0415  call func[0].instrumented+5C3h
;;   041a  jmp func[0].instrumented+0F5h
;;   041f  mov eax,9
;;   0424  call func[0].instrumented+5C3h
;;   0429  jmp func[0].instrumented+116h
;;   042e  mov eax,0Ah
;;   0433  call func[0].instrumented+5C3h
;;   0438  jmp func[0].instrumented+124h
;;   043d  mov eax,0Bh
;;   0442  call func[0].instrumented+5C3h
;;   0447  jmp func[0].instrumented+141h
;;   044c  mov eax,0Ch
;;   0451  call func[0].instrumented+5C3h
;;   0456  jmp func[0].instrumented+152h
;;   045b  mov eax,0Dh
;;   0460  call func[0].instrumented+5C3h
;;   0465  jmp func[0].instrumented+163h
;;   046a  mov eax,0Eh
;;   046f  call func[0].instrumented+5C3h
;;   0474  jmp func[0].instrumented+178h
;;   0479  mov eax,0Fh
;;   047e  call func[0].instrumented+5C3h
;;   0483  jmp func[0].instrumented+18Dh
;;   0488  mov eax,10h
;;   048d  call func[0].instrumented+5C3h
;;   0492  jmp func[0].instrumented+19Bh
;;   0497  mov eax,11h
;;   049c  call func[0].instrumented+5C3h
;;   04a1  jmp func[0].instrumented+1B2h
;;   04a6  mov eax,12h
;;   04ab  call func[0].instrumented+5C3h
;;   04b0  jmp func[0].instrumented+1C0h
;;   04b5  mov eax,13h
;;   04ba  call func[0].instrumented+5C3h
;;   04bf  jmp func[0].instrumented+1E1h
;;   04c4  mov eax,14h
;;   04c9  call func[0].instrumented+5C3h
;;   04ce  jmp func[0].instrumented+1EFh
;;   04d3  mov eax,15h
;;   04d8  call func[0].instrumented+5C3h
;;   04dd  jmp func[0].instrumented+210h
;;   04e2  mov eax,16h
;;   04e7  call func[0].instrumented+5C3h
;;   04ec  jmp func[0].instrumented+21Eh
;;   04f1  mov eax,17h
;;   04f6  call func[0].instrumented+5C3h
;;   04fb  jmp func[0].instrumented+237h
;;   0500  mov eax,18h
;;   0505  call func[0].instrumented+5C3h
;;   050a  jmp func[0].instrumented+245h
;;   050f  mov eax,19h
;;   0514  call func[0].instrumented+5C3h
;;   0519  jmp func[0].instrumented+25Eh
;;   051e  mov eax,1Ah
;;   0523  call func[0].instrumented+5C3h
;;   0528  jmp func[0].instrumented+26Ch
;;   052d  mov eax,1Bh
;;   0532  call func[0].instrumented+5C3h
;;   0537  jmp func[0].instrumented+285h
;;   053c  mov eax,1Ch
;;   0541  call func[0].instrumented+5C3h
;;   0546  jmp func[0].instrumented+293h
;;   054b  mov eax,1Dh
;;   0550  call func[0].instrumented+5C3h
;;   0555  jmp func[0].instrumented+2B6h
;;   055a  mov eax,1Eh
;;   055f  call func[0].instrumented+5C3h
;;   0564  jmp func[0].instrumented+2C9h
;;   0569  mov eax,1Fh
;;   056e  call func[0].instrumented+5C3h
;;   0573  jmp func[0].instrumented+2DCh
;;   0578  mov eax,20h
;;   057d  call func[0].instrumented+5C3h
;;   0582  jmp func[0].instrumented+2EFh
;;   0587  mov eax,21h
;;   058c  call func[0].instrumented+5C3h
;;   0591  jmp func[0].instrumented+302h
;;   0596  mov eax,22h
;;   059b  call func[0].instrumented+5C3h
;;   05a0  jmp func[0].instrumented+315h
;;   05a5  mov eax,23h
;;   05aa  call func[0].instrumented+5C3h
;;   05af  jmp func[0].instrumented+331h
;;   05b4  mov eax,24h
;;   05b9  call func[0].instrumented+5C3h
;;   05be  jmp func[0].instrumented+33Fh
;;   05c3  sub rsp,8
;;   05c7  mov rdx,0
;;   05d1  or rax,rdx
;;   05d4  push rax
;;   05d5  call stubs+576h
;;   05da  add rsp,8
;;   05de  mov r13,[r15+48h]
;;   05e5  cmp r13,1
;;   05ec  ja func[0].instrumented+5F9h
;;   05f2  lea r13,[stubs+7EEh]
;;   05f9  ret
