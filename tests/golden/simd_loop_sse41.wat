;; config: sse41
;; A vector loop on the SSE4.1 path: an i32x4 sum of memory, a lane-wise signed minimum
;; against a splat, an f32x4 product; `lt_s` has no x86 form, so it runs as `gt` on
;; swapped operands (three instructions here, one with AVX2: simd_loop_avx2.wat).
(module (memory 1)
  (func (export "f") (param $n i32) (param $k i32) (result v128)
    (local $i i32) (local $acc v128) (local $m v128)
    (local.set $m (i32x4.splat (local.get $k)))
    (loop $top
      (local.set $acc
        (i32x4.add (local.get $acc)
          (i32x4.min_s (v128.load (local.get $i)) (local.get $m))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $top (i32.lt_u (local.get $i) (local.get $n))))
    (v128.xor
      (i32x4.lt_s (local.get $acc) (local.get $m))
      (f32x4.mul (local.get $acc) (v128.const f32x4 0.5 1 2 4)))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+157h
;;   0014  mov [rbp-38h],r9
;;   001b  mov [rbp-40h],r10
;;   0022  mov [rbp-48h],r8
;;   0029  movdqu [rbp-58h],xmm6
;;   0032  movdqu [rbp-68h],xmm7
;;   003b  mov r9d,esi
;;   003e  mov r10d,[rbp+18h]
;;   0045  mov r8d,0
;;   004b  pxor xmm6,xmm6
;;   0050  pxor xmm7,xmm7
;;   0055  mov qword ptr [rbp-10h],0
;;   0060  mov qword ptr [rbp-18h],0
;;   006b  mov qword ptr [rbp-20h],0
;;   0076  mov qword ptr [rbp-28h],0
;;   0081  mov qword ptr [rbp-30h],0
;;   008c  mov ebx,r10d
;;   008f  movd xmm0,ebx
;;   0094  pshufd xmm0,xmm0,0
;;   009a  movaps xmm7,xmm0
;;   009e  nop [rax+rax]
;;   00a7  nop [rax+rax]
;;   00b0  nop [rax+rax]
;;   00b9  nop [rax]
;;   00c0  movdqu xmm0,[r14+r8]
;;   00ca  pminsd xmm0,xmm7
;;   00d0  movaps xmm1,xmm6
;;   00d4  paddd xmm1,xmm0
;;   00d9  movaps xmm6,xmm1
;;   00dd  add r8d,10h
;;   00e4  cmp r8d,r9d
;;   00e7  jb func[0]+0C0h
;;   00ed  movaps xmm0,xmm6
;;   00f1  movaps xmm14,xmm7
;;   00f5  pcmpgtd xmm14,xmm0
;;   00fa  movaps xmm0,xmm14
;;   00fe  mov rax,3F8000003F000000h
;;   0108  movq xmm1,rax
;;   010d  mov rax,4080000040000000h
;;   0117  pinsrq xmm1,rax,1
;;   011e  movaps xmm2,xmm6
;;   0122  mulps xmm2,xmm1
;;   0126  pxor xmm0,xmm2
;;   012b  mov r9,[rbp-38h]
;;   0132  mov r10,[rbp-40h]
;;   0139  mov r8,[rbp-48h]
;;   0140  movdqu xmm6,[rbp-58h]
;;   0149  movdqu xmm7,[rbp-68h]
;;   0152  mov rsp,rbp
;;   0155  pop rbp
;;   0156  ret
;;   0157  mov rax,rsp
;;   015a  mov rsp,rbp
;;   015d  call stubs+1E9h
;;   0162  mov rsp,rax
;;   0165  test r12,r12
;;   0168  je func[0]+18Fh
;;   016e  cmp rsp,r12
;;   0171  jae func[0]+14h
;;   0177  bt r12,3Dh
;;   017c  jb func[0]+157h
;;   0182  jmp func[0]+187h
;;   0187  mov rsp,rbp
;;   018a  call stubs+55h
;;   018f  mov rsp,rbp
;;   0192  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+160h
;;   0014  mov [rbp-38h],r9
;;   001b  mov [rbp-40h],r10
;;   0022  mov [rbp-48h],r8
;;   0029  movdqu [rbp-58h],xmm6
;;   0032  movdqu [rbp-68h],xmm7
;;   003b  mov r9d,esi
;;   003e  mov r10d,[rbp+18h]
;;   0045  mov r8d,0
;;   004b  pxor xmm6,xmm6
;;   0050  pxor xmm7,xmm7
;;   0055  mov qword ptr [rbp-10h],0
;;   0060  mov qword ptr [rbp-18h],0
;;   006b  mov qword ptr [rbp-20h],0
;;   0076  mov qword ptr [rbp-28h],0
;;   0081  mov qword ptr [rbp-30h],0
;;   008c  mov ebx,r10d
;;   008f  movd xmm0,ebx
;;   0094  pshufd xmm0,xmm0,0
;;   009a  movaps xmm7,xmm0
;;   009e  nop [rax+rax]
;;   00a7  nop [rax+rax]
;;   00b0  nop [rax+rax]
;;   00b9  nop [rax]
;;   00c0  cmp rsp,r12
;;   00c3  jb func[0]+1E9h
;;   00c9  movdqu xmm0,[r14+r8]
;;   00d3  pminsd xmm0,xmm7
;;   00d9  movaps xmm1,xmm6
;;   00dd  paddd xmm1,xmm0
;;   00e2  movaps xmm6,xmm1
;;   00e6  add r8d,10h
;;   00ed  cmp r8d,r9d
;;   00f0  jb func[0]+0C0h
;;   00f6  movaps xmm0,xmm6
;;   00fa  movaps xmm14,xmm7
;;   00fe  pcmpgtd xmm14,xmm0
;;   0103  movaps xmm0,xmm14
;;   0107  mov rax,3F8000003F000000h
;;   0111  movq xmm1,rax
;;   0116  mov rax,4080000040000000h
;;   0120  pinsrq xmm1,rax,1
;;   0127  movaps xmm2,xmm6
;;   012b  mulps xmm2,xmm1
;;   012f  pxor xmm0,xmm2
;;   0134  mov r9,[rbp-38h]
;;   013b  mov r10,[rbp-40h]
;;   0142  mov r8,[rbp-48h]
;;   0149  movdqu xmm6,[rbp-58h]
;;   0152  movdqu xmm7,[rbp-68h]
;;   015b  mov rsp,rbp
;;   015e  pop rbp
;;   015f  ret
;;   0160  mov rax,r12
;;   0163  bt rax,3Dh
;;   0168  jb func[0]+1B8h
;;   016e  shl rax,2
;;   0172  shr rax,2
;;   0176  cmp rsp,rax
;;   0179  jb func[0]+1D4h
;;   017f  mov rax,[r15+48h]
;;   0186  bt r12,3Eh
;;   018b  jae func[0]+1A7h
;;   0191  shl r12,2
;;   0195  shr r12,2
;;   0199  test rax,rax
;;   019c  je func[0]+14h
;;   01a2  bts r12,3Fh
;;   01a7  cmp rax,1
;;   01ad  ja func[0]+212h
;;   01b3  jmp func[0]+14h
;;   01b8  mov rax,rsp
;;   01bb  mov rsp,rbp
;;   01be  call stubs+1EEh
;;   01c3  mov rsp,rax
;;   01c6  test r12,r12
;;   01c9  je func[0]+1DCh
;;   01cf  jmp func[0]+160h
;;   01d4  mov rsp,rbp
;;   01d7  call stubs+55h
;;   01dc  mov rsp,rbp
;;   01df  call stubs+87h
;;   01e4  call stubs+87h
;;   01e9  bt r12,3Dh
;;   01ee  jae func[0]+202h
;;   01f4  call stubs+1EEh
;;   01f9  test r12,r12
;;   01fc  je func[0]+1E4h
;;   0202  cmp qword ptr [r15+48h],1
;;   0207  ja func[0]+222h
;;   020d  jmp func[0]+0C9h
;;   0212  jmp qword ptr [1000h]
;;   0218  call stubs+54Eh
;;   021d  jmp func[0]+14h
;;   0222  jmp qword ptr [1008h]
;;   0228  call stubs+54Eh
;;   022d  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+325h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-38h],r9
;;   0037  mov [rbp-40h],r10
;;   003e  mov [rbp-48h],r8
;;   0045  movdqu [rbp-58h],xmm6
;;   004e  movdqu [rbp-68h],xmm7
;;   0057  mov r9d,esi
;;   005a  mov r10d,[rbp+18h]
;;   0061  mov r8d,0
;;   0067  pxor xmm6,xmm6
;;   006c  pxor xmm7,xmm7
;;   0071  mov qword ptr [rbp-10h],0
;;   007c  mov qword ptr [rbp-18h],0
;;   0087  mov qword ptr [rbp-20h],0
;;   0092  mov qword ptr [rbp-28h],0
;;   009d  mov qword ptr [rbp-30h],0
;;   00a8  test byte ptr [r13],1
;;   00b0  jne func[0].instrumented+37Fh
;;   00b6  test byte ptr [r13],2
;;   00be  jne func[0].instrumented+38Eh
;;   00c4  test byte ptr [r13],4
;;   00cc  jne func[0].instrumented+39Dh
;;   00d2  mov ebx,r10d
;;   00d5  movd xmm0,ebx
;;   00da  pshufd xmm0,xmm0,0
;;   00e0  test byte ptr [r13],8
;;   00e8  jne func[0].instrumented+3ACh
;;   00ee  movaps xmm7,xmm0
;;   00f2  test byte ptr [r13],10h
;;   00fa  jne func[0].instrumented+3BBh
;;   0100  bt r12,3Dh
;;   0105  jb func[0].instrumented+361h
;;   010b  mov r13,[r15+48h]
;;   0112  cmp r13,1
;;   0119  jbe func[0]+0C9h
;;   011f  test byte ptr [r13],20h
;;   0127  jne func[0].instrumented+3CAh
;;   012d  test byte ptr [r13],40h
;;   0135  jne func[0].instrumented+3D9h
;;   013b  test byte ptr [r13],80h
;;   0143  jne func[0].instrumented+3E8h
;;   0149  movdqu xmm0,[r14+r8]
;;   0153  test byte ptr [r13+1],1
;;   015b  jne func[0].instrumented+3F7h
;;   0161  test byte ptr [r13+1],2
;;   0169  jne func[0].instrumented+406h
;;   016f  pminsd xmm0,xmm7
;;   0175  test byte ptr [r13+1],4
;;   017d  jne func[0].instrumented+415h
;;   0183  movaps xmm1,xmm6
;;   0187  paddd xmm1,xmm0
;;   018c  test byte ptr [r13+1],8
;;   0194  jne func[0].instrumented+424h
;;   019a  movaps xmm6,xmm1
;;   019e  test byte ptr [r13+1],10h
;;   01a6  jne func[0].instrumented+433h
;;   01ac  test byte ptr [r13+1],20h
;;   01b4  jne func[0].instrumented+442h
;;   01ba  test byte ptr [r13+1],40h
;;   01c2  jne func[0].instrumented+451h
;;   01c8  mov ebx,r8d
;;   01cb  add ebx,10h
;;   01d2  test byte ptr [r13+1],80h
;;   01da  jne func[0].instrumented+460h
;;   01e0  mov r8d,ebx
;;   01e3  test byte ptr [r13+2],1
;;   01eb  jne func[0].instrumented+46Fh
;;   01f1  test byte ptr [r13+2],2
;;   01f9  jne func[0].instrumented+47Eh
;;   01ff  test byte ptr [r13+2],4
;;   0207  jne func[0].instrumented+48Dh
;;   020d  cmp r8d,r9d
;;   0210  setb bl
;;   0214  movzx ebx,bl
;;   0218  test byte ptr [r13+2],8
;;   0220  jne func[0].instrumented+49Ch
;;   0226  test ebx,ebx
;;   0229  jne func[0].instrumented+100h
;;   022f  test byte ptr [r13+2],10h
;;   0237  jne func[0].instrumented+4ABh
;;   023d  test byte ptr [r13+2],20h
;;   0245  jne func[0].instrumented+4BAh
;;   024b  test byte ptr [r13+2],40h
;;   0253  jne func[0].instrumented+4C9h
;;   0259  test byte ptr [r13+2],80h
;;   0261  jne func[0].instrumented+4D8h
;;   0267  movaps xmm0,xmm6
;;   026b  movaps xmm14,xmm7
;;   026f  pcmpgtd xmm14,xmm0
;;   0274  movaps xmm0,xmm14
;;   0278  test byte ptr [r13+3],1
;;   0280  jne func[0].instrumented+4E7h
;;   0286  test byte ptr [r13+3],2
;;   028e  jne func[0].instrumented+4F6h
;;   0294  mov rax,3F8000003F000000h
;;   029e  movq xmm1,rax
;;   02a3  mov rax,4080000040000000h
;;   02ad  pinsrq xmm1,rax,1
;;   02b4  test byte ptr [r13+3],4
;;   02bc  jne func[0].instrumented+505h
;;   02c2  movaps xmm2,xmm6
;;   02c6  mulps xmm2,xmm1
;;   02ca  test byte ptr [r13+3],8
;;   02d2  jne func[0].instrumented+514h
;;   02d8  pxor xmm0,xmm2
;;   02dd  test byte ptr [r13+3],10h
;;   02e5  jne func[0].instrumented+523h
;;   02eb  test byte ptr [r13+3],20h
;;   02f3  jne func[0].instrumented+532h
;;   02f9  mov r9,[rbp-38h]
;;   0300  mov r10,[rbp-40h]
;;   0307  mov r8,[rbp-48h]
;;   030e  movdqu xmm6,[rbp-58h]
;;   0317  movdqu xmm7,[rbp-68h]
;;   0320  mov rsp,rbp
;;   0323  pop rbp
;;   0324  ret
;;   0325  bt r12,3Dh
;;   032a  jae func[0].instrumented+34Ch
;;   0330  mov rax,rsp
;;   0333  mov rsp,rbp
;;   0336  call stubs+1E8h
;;   033b  mov rsp,rax
;;   033e  test r12,r12
;;   0341  je func[0].instrumented+354h
;;   0347  jmp func[0].instrumented+0Bh
;;   034c  mov rsp,rbp
;;   034f  call stubs+55h
;;   0354  mov rsp,rbp
;;   0357  call stubs+87h
;;   035c  call stubs+87h
;;   0361  bt r12,3Dh
;;   0366  jae func[0].instrumented+37Ah
;;   036c  call stubs+1E8h
;;   0371  test r12,r12
;;   0374  je func[0].instrumented+35Ch
;;   037a  jmp func[0].instrumented+100h
;;   037f  mov eax,0
;;   0384  call func[0].instrumented+541h
;;   0389  jmp func[0].instrumented+0B6h
;;   038e  mov eax,1
;;   0393  call func[0].instrumented+541h
;;   0398  jmp func[0].instrumented+0C4h
;;   039d  mov eax,2
;;   03a2  call func[0].instrumented+541h
;;   03a7  jmp func[0].instrumented+0D2h
;;   03ac  mov eax,3
;;   03b1  call func[0].instrumented+541h
;;   03b6  jmp func[0].instrumented+0EEh
;;   03bb  mov eax,4
;;   03c0  call func[0].instrumented+541h
;;   03c5  jmp func[0].instrumented+100h
;;   03ca  mov eax,5
;;   03cf  call func[0].instrumented+541h
;;   03d4  jmp func[0].instrumented+12Dh
;;   03d9  mov eax,6
;;   03de  call func[0].instrumented+541h
;;   03e3  jmp func[0].instrumented+13Bh
;;   03e8  mov eax,7
;;   03ed  call func[0].instrumented+541h
;;   03f2  jmp func[0].instrumented+149h
;;   03f7  mov eax,8
;;   03fc  call func[0].instrumented+541h
;;   0401  jmp func[0].instrumented+161h
;;   0406  mov eax,9
;;   040b  call func[0].instrumented+541h
;;   0410  jmp func[0].instrumented+16Fh
;;   0415  mov eax,0Ah
;;   041a  call func[0].instrumented+541h
;;   041f  jmp func[0].instrumented+183h
;;   0424  mov eax,0Bh
;;   0429  call func[0].instrumented+541h
;;   042e  jmp func[0].instrumented+19Ah
;;   0433  mov eax,0Ch
;;   0438  call func[0].instrumented+541h
;;   043d  jmp func[0].instrumented+1ACh
;;   0442  mov eax,0Dh
;;   0447  call func[0].instrumented+541h
;;   044c  jmp func[0].instrumented+1BAh
;;   0451  mov eax,0Eh
;;   0456  call func[0].instrumented+541h
;;   045b  jmp func[0].instrumented+1C8h
;;   0460  mov eax,0Fh
;;   0465  call func[0].instrumented+541h
;;   046a  jmp func[0].instrumented+1E0h
;;   046f  mov eax,10h
;;   0474  call func[0].instrumented+541h
;;   0479  jmp func[0].instrumented+1F1h
;;   047e  mov eax,11h
;;   0483  call func[0].instrumented+541h
;;   0488  jmp func[0].instrumented+1FFh
;;   048d  mov eax,12h
;;   0492  call func[0].instrumented+541h
;;   0497  jmp func[0].instrumented+20Dh
;;   049c  mov eax,13h
;;   04a1  call func[0].instrumented+541h
;;   04a6  jmp func[0].instrumented+226h
;;   04ab  mov eax,14h
;;   04b0  call func[0].instrumented+541h
;;   04b5  jmp func[0].instrumented+23Dh
;;   04ba  mov eax,15h
;;   04bf  call func[0].instrumented+541h
;;   04c4  jmp func[0].instrumented+24Bh
;;   04c9  mov eax,16h
;;   04ce  call func[0].instrumented+541h
;;   04d3  jmp func[0].instrumented+259h
;;   04d8  mov eax,17h
;;   04dd  call func[0].instrumented+541h
;;   04e2  jmp func[0].instrumented+267h
;;   04e7  mov eax,18h
;;   04ec  call func[0].instrumented+541h
;;   04f1  jmp func[0].instrumented+286h
;;   04f6  mov eax,19h
;;   04fb  call func[0].instrumented+541h
;;   0500  jmp func[0].instrumented+294h
;;   0505  mov eax,1Ah
;;   050a  call func[0].instrumented+541h
;;   050f  jmp func[0].instrumented+2C2h
;;   0514  mov eax,1Bh
;;   0519  call func[0].instrumented+541h
;;   051e  jmp func[0].instrumented+2D8h
;;   0523  mov eax,1Ch
;;   0528  call func[0].instrumented+541h
;;   052d  jmp func[0].instrumented+2EBh
;;   0532  mov eax,1Dh
;;   0537  call func[0].instrumented+541h
;;   053c  jmp func[0].instrumented+2F9h
;;   0541  sub rsp,8
;;   0545  mov rdx,0
;;   054f  or rax,rdx
;;   0552  push rax
;;   0553  call stubs+548h
;;   0558  add rsp,8
;;   055c  mov r13,[r15+48h]
;;   0563  cmp r13,1
;;   056a  ja func[0].instrumented+577h
;;   0570  lea r13,[stubs+7C0h]
;;   0577  ret
