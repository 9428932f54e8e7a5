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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+364h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  mov [rbp-10h],r8
;;   003a  movsd [rbp-18h],xmm6
;;   0043  mov r8d,esi
;;   0046  movsd xmm6,[rbp+18h]
;;   004f  test byte ptr [r13],1
;;   0057  jne func[0].instrumented+38Ah
;;   005d  test byte ptr [r13],2
;;   0065  jne func[0].instrumented+39Eh
;;   006b  test byte ptr [r13],4
;;   0073  jne func[0].instrumented+3B2h
;;   0079  mov rax,0FFFFFFFFFFFFFFFFh
;;   0080  bsr ebx,r8d
;;   0084  cmove ebx,eax
;;   0088  neg ebx
;;   008b  add ebx,1Fh
;;   0092  test byte ptr [r13],8
;;   009a  jne func[0].instrumented+3C6h
;;   00a0  test byte ptr [r13],10h
;;   00a8  jne func[0].instrumented+3DAh
;;   00ae  mov eax,20h
;;   00b3  bsf esi,r8d
;;   00b7  cmove esi,eax
;;   00bb  test byte ptr [r13],20h
;;   00c3  jne func[0].instrumented+3EEh
;;   00c9  test byte ptr [r13],40h
;;   00d1  jne func[0].instrumented+402h
;;   00d7  popcnt edi,r8d
;;   00dc  test byte ptr [r13],80h
;;   00e4  jne func[0].instrumented+416h
;;   00ea  test byte ptr [r13+1],1
;;   00f2  jne func[0].instrumented+42Ah
;;   00f8  test r8d,r8d
;;   00fb  mov [rbp-20h],ebx
;;   0103  sete bl
;;   0107  movzx ebx,bl
;;   010b  test byte ptr [r13+1],2
;;   0113  jne func[0].instrumented+43Eh
;;   0119  test byte ptr [r13+1],4
;;   0121  jne func[0].instrumented+452h
;;   0127  mov [rbp-28h],esi
;;   012f  mov esi,r8d
;;   0132  movsx esi,sil
;;   0136  test byte ptr [r13+1],8
;;   013e  jne func[0].instrumented+466h
;;   0144  add ebx,esi
;;   0147  test byte ptr [r13+1],10h
;;   014f  jne func[0].instrumented+47Ah
;;   0155  add edi,ebx
;;   0158  test byte ptr [r13+1],20h
;;   0160  jne func[0].instrumented+48Eh
;;   0166  add edi,[rbp-28h]
;;   016d  test byte ptr [r13+1],40h
;;   0175  jne func[0].instrumented+4A2h
;;   017b  add edi,[rbp-20h]
;;   0182  test byte ptr [r13+1],80h
;;   018a  jne func[0].instrumented+4B6h
;;   0190  test byte ptr [r13+2],1
;;   0198  jne func[0].instrumented+4CAh
;;   019e  movaps xmm0,xmm6
;;   01a2  sqrtsd xmm0,xmm0
;;   01a7  test byte ptr [r13+2],2
;;   01af  jne func[0].instrumented+4DEh
;;   01b5  test byte ptr [r13+2],4
;;   01bd  jne func[0].instrumented+4F2h
;;   01c3  movaps xmm1,xmm6
;;   01c7  movq rax,xmm1
;;   01cc  btr rax,3Fh
;;   01d1  movq xmm1,rax
;;   01d6  test byte ptr [r13+2],8
;;   01de  jne func[0].instrumented+506h
;;   01e4  test byte ptr [r13+2],10h
;;   01ec  jne func[0].instrumented+51Ah
;;   01f2  movaps xmm2,xmm6
;;   01f6  movq rax,xmm2
;;   01fb  btc rax,3Fh
;;   0200  movq xmm2,rax
;;   0205  test byte ptr [r13+2],20h
;;   020d  jne func[0].instrumented+52Eh
;;   0213  test byte ptr [r13+2],40h
;;   021b  jne func[0].instrumented+542h
;;   0221  movaps xmm3,xmm6
;;   0225  roundsd xmm3,xmm3,2
;;   022c  test byte ptr [r13+2],80h
;;   0234  jne func[0].instrumented+556h
;;   023a  test byte ptr [r13+3],1
;;   0242  jne func[0].instrumented+56Ah
;;   0248  movaps xmm4,xmm6
;;   024c  roundsd xmm4,xmm4,1
;;   0253  test byte ptr [r13+3],2
;;   025b  jne func[0].instrumented+57Eh
;;   0261  test byte ptr [r13+3],4
;;   0269  jne func[0].instrumented+592h
;;   026f  movaps xmm5,xmm6
;;   0273  roundsd xmm5,xmm5,3
;;   027a  test byte ptr [r13+3],8
;;   0282  jne func[0].instrumented+5A6h
;;   0288  test byte ptr [r13+3],10h
;;   0290  jne func[0].instrumented+5BAh
;;   0296  movsd [rbp-28h],xmm0
;;   02a0  movaps xmm0,xmm6
;;   02a4  roundsd xmm0,xmm0,0
;;   02ab  test byte ptr [r13+3],20h
;;   02b3  jne func[0].instrumented+5CEh
;;   02b9  addsd xmm5,xmm0
;;   02be  test byte ptr [r13+3],40h
;;   02c6  jne func[0].instrumented+5E2h
;;   02cc  addsd xmm4,xmm5
;;   02d1  test byte ptr [r13+3],80h
;;   02d9  jne func[0].instrumented+5F6h
;;   02df  addsd xmm3,xmm4
;;   02e4  test byte ptr [r13+4],1
;;   02ec  jne func[0].instrumented+60Ah
;;   02f2  addsd xmm2,xmm3
;;   02f7  test byte ptr [r13+4],2
;;   02ff  jne func[0].instrumented+61Eh
;;   0305  addsd xmm1,xmm2
;;   030a  test byte ptr [r13+4],4
;;   0312  jne func[0].instrumented+632h
;;   0318  movsd xmm0,[rbp-28h]
;;   0321  addsd xmm0,xmm1
;;   0326  test byte ptr [r13+4],8
;;   032e  jne func[0].instrumented+646h
;;   0334  test byte ptr [r13+4],10h
;;   033c  jne func[0].instrumented+65Ah
;;   0342  movsd [rbp+18h],xmm0
;;   034c  mov eax,edi
;;   034f  mov r8,[rbp-10h]
;;   0356  movsd xmm6,[rbp-18h]
;;   035f  mov rsp,rbp
;;   0362  pop rbp
;;   0363  ret
;;   0364  bt r12,3Dh
;;   0369  jae func[0].instrumented+382h
;;   036f  mov rax,rsp
;;   0372  mov rsp,rbp
;;   0375  call stubs+1D8h
;;   037a  mov rsp,rax
;;   037d  jmp func[0].instrumented+0Bh
;;   0382  mov rsp,rbp
;;   0385  call stubs+55h
;;   038a  mov rax,0
;;   0394  call func[0].instrumented+66Eh
;;   0399  jmp func[0].instrumented+5Dh
;;   039e  mov rax,1
;;   03a8  call func[0].instrumented+66Eh
;;   03ad  jmp func[0].instrumented+6Bh
;;   03b2  mov rax,2
;;   03bc  call func[0].instrumented+66Eh
;;   03c1  jmp func[0].instrumented+79h
;;   03c6  mov rax,3
;;   03d0  call func[0].instrumented+66Eh
;;   03d5  jmp func[0].instrumented+0A0h
;;   03da  mov rax,4
;;   03e4  call func[0].instrumented+66Eh
;;   03e9  jmp func[0].instrumented+0AEh
;;   03ee  mov rax,5
;;   03f8  call func[0].instrumented+66Eh
;;   03fd  jmp func[0].instrumented+0C9h
;;   0402  mov rax,6
;;   040c  call func[0].instrumented+66Eh
;;   0411  jmp func[0].instrumented+0D7h
;;   0416  mov rax,7
;;   0420  call func[0].instrumented+66Eh
;;   0425  jmp func[0].instrumented+0EAh
;;   042a  mov rax,8
;;   0434  call func[0].instrumented+66Eh
;;   0439  jmp func[0].instrumented+0F8h
;;   043e  mov rax,9
;;   0448  call func[0].instrumented+66Eh
;;   044d  jmp func[0].instrumented+119h
;;   0452  mov rax,0Ah
;;   045c  call func[0].instrumented+66Eh
;;   0461  jmp func[0].instrumented+127h
;;   0466  mov rax,0Bh
;;   0470  call func[0].instrumented+66Eh
;;   0475  jmp func[0].instrumented+144h
;;   047a  mov rax,0Ch
;;   0484  call func[0].instrumented+66Eh
;;   0489  jmp func[0].instrumented+155h
;;   048e  mov rax,0Dh
;;   0498  call func[0].instrumented+66Eh
;;   049d  jmp func[0].instrumented+166h
;;   04a2  mov rax,0Eh
;;   04ac  call func[0].instrumented+66Eh
;;   04b1  jmp func[0].instrumented+17Bh
;;   04b6  mov rax,0Fh
;;   04c0  call func[0].instrumented+66Eh
;;   04c5  jmp func[0].instrumented+190h
;;   04ca  mov rax,10h
;;   04d4  call func[0].instrumented+66Eh
;;   04d9  jmp func[0].instrumented+19Eh
;;   04de  mov rax,11h
;;   04e8  call func[0].instrumented+66Eh
;;   04ed  jmp func[0].instrumented+1B5h
;;   04f2  mov rax,12h
;;   04fc  call func[0].instrumented+66Eh
;;   0501  jmp func[0].instrumented+1C3h
;;   0506  mov rax,13h
;;   0510  call func[0].instrumented+66Eh
;;   0515  jmp func[0].instrumented+1E4h
;;   051a  mov rax,14h
;;   0524  call func[0].instrumented+66Eh
;;   0529  jmp func[0].instrumented+1F2h
;;   052e  mov rax,15h
;;   0538  call func[0].instrumented+66Eh
;;   053d  jmp func[0].instrumented+213h
;;   0542  mov rax,16h
;;   054c  call func[0].instrumented+66Eh
;;   0551  jmp func[0].instrumented+221h
;;   0556  mov rax,17h
;;   0560  call func[0].instrumented+66Eh
;;   0565  jmp func[0].instrumented+23Ah
;;   056a  mov rax,18h
;;   0574  call func[0].instrumented+66Eh
;;   0579  jmp func[0].instrumented+248h
;;   057e  mov rax,19h
;;   0588  call func[0].instrumented+66Eh
;;   058d  jmp func[0].instrumented+261h
;;   0592  mov rax,1Ah
;;   059c  call func[0].instrumented+66Eh
;;   05a1  jmp func[0].instrumented+26Fh
;;   05a6  mov rax,1Bh
;;   05b0  call func[0].instrumented+66Eh
;;   05b5  jmp func[0].instrumented+288h
;;   05ba  mov rax,1Ch
;;   05c4  call func[0].instrumented+66Eh
;;   05c9  jmp func[0].instrumented+296h
;;   05ce  mov rax,1Dh
;;   05d8  call func[0].instrumented+66Eh
;;   05dd  jmp func[0].instrumented+2B9h
;;   05e2  mov rax,1Eh
;;   05ec  call func[0].instrumented+66Eh
;;   05f1  jmp func[0].instrumented+2CCh
;;   05f6  mov rax,1Fh
;;   0600  call func[0].instrumented+66Eh
;;   0605  jmp func[0].instrumented+2DFh
;;   060a  mov rax,20h
;;   0614  call func[0].instrumented+66Eh
;;   0619  jmp func[0].instrumented+2F2h
;;   061e  mov rax,21h
;;   0628  call func[0].instrumented+66Eh
;;   062d  jmp func[0].instrumented+305h
;;   0632  mov rax,22h
;;   063c  call func[0].instrumented+66Eh
;;   0641  jmp func[0].instrumented+318h
;;   0646  mov rax,23h
;;   0650  call func[0].instrumented+66Eh
;;   0655  jmp func[0].instrumented+334h
;;   065a  mov rax,24h
;;   0664  call func[0].instrumented+66Eh
;;   0669  jmp func[0].instrumented+342h
;;   066e  sub rsp,8
;;   0672  push rax
;;   0673  call stubs+538h
;;   0678  add rsp,8
;;   067c  mov r13,[r15+48h]
;;   0683  cmp r13,1
;;   068a  ja func[0].instrumented+697h
;;   0690  lea r13,[stubs+7B0h]
;;   0697  ret
