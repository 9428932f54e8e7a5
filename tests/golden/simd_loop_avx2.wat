;; config: avx2
;; The same vector loop as simd_loop_sse41.wat on the AVX2 path: operands read from their
;; frame slots by the instructions that use them, three-operand forms without copies, a
;; broadcast for the splat.
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
;;   000e  jb func[0]+130h
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
;;   0094  vpbroadcastd xmm0,xmm0
;;   0099  movaps xmm7,xmm0
;;   009d  nop [rax+rax]
;;   00a6  nop [rax+rax]
;;   00af  nop [rax+rax]
;;   00b8  nop [rax+rax]
;;   00c0  movdqu xmm0,[r14+r8]
;;   00ca  vpminsd xmm0,xmm0,xmm7
;;   00cf  vpaddd xmm1,xmm6,xmm0
;;   00d4  movaps xmm6,xmm1
;;   00d8  add r8d,10h
;;   00df  cmp r8d,r9d
;;   00e2  jb func[0]+0C0h
;;   00e8  movaps xmm0,xmm6
;;   00ec  vpcmpgtd xmm0,xmm7,xmm0
;;   00f1  movdqu xmm1,[6C0h]
;;   00fa  vmulps xmm2,xmm6,xmm1
;;   00ff  vpxor xmm0,xmm0,xmm2
;;   0104  mov r9,[rbp-38h]
;;   010b  mov r10,[rbp-40h]
;;   0112  mov r8,[rbp-48h]
;;   0119  movdqu xmm6,[rbp-58h]
;;   0122  movdqu xmm7,[rbp-68h]
;;   012b  mov rsp,rbp
;;   012e  pop rbp
;;   012f  ret
;;   0130  mov rax,rsp
;;   0133  mov rsp,rbp
;;   0136  call stubs+1F0h
;;   013b  mov rsp,rax
;;   013e  test r12,r12
;;   0141  je func[0]+168h
;;   0147  cmp rsp,r12
;;   014a  jae func[0]+14h
;;   0150  bt r12,3Dh
;;   0155  jb func[0]+130h
;;   015b  jmp func[0]+160h
;;   0160  mov rsp,rbp
;;   0163  call stubs+55h
;;   0168  mov rsp,rbp
;;   016b  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+139h
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
;;   0094  vpbroadcastd xmm0,xmm0
;;   0099  movaps xmm7,xmm0
;;   009d  nop [rax+rax]
;;   00a6  nop [rax+rax]
;;   00af  nop [rax+rax]
;;   00b8  nop [rax+rax]
;;   00c0  cmp rsp,r12
;;   00c3  jb func[0]+1C2h
;;   00c9  movdqu xmm0,[r14+r8]
;;   00d3  vpminsd xmm0,xmm0,xmm7
;;   00d8  vpaddd xmm1,xmm6,xmm0
;;   00dd  movaps xmm6,xmm1
;;   00e1  add r8d,10h
;;   00e8  cmp r8d,r9d
;;   00eb  jb func[0]+0C0h
;;   00f1  movaps xmm0,xmm6
;;   00f5  vpcmpgtd xmm0,xmm7,xmm0
;;   00fa  movdqu xmm1,[9B0h]
;;   0103  vmulps xmm2,xmm6,xmm1
;;   0108  vpxor xmm0,xmm0,xmm2
;;   010d  mov r9,[rbp-38h]
;;   0114  mov r10,[rbp-40h]
;;   011b  mov r8,[rbp-48h]
;;   0122  movdqu xmm6,[rbp-58h]
;;   012b  movdqu xmm7,[rbp-68h]
;;   0134  mov rsp,rbp
;;   0137  pop rbp
;;   0138  ret
;;   0139  mov rax,r12
;;   013c  bt rax,3Dh
;;   0141  jb func[0]+191h
;;   0147  shl rax,2
;;   014b  shr rax,2
;;   014f  cmp rsp,rax
;;   0152  jb func[0]+1ADh
;;   0158  mov rax,[r15+48h]
;;   015f  bt r12,3Eh
;;   0164  jae func[0]+180h
;;   016a  shl r12,2
;;   016e  shr r12,2
;;   0172  test rax,rax
;;   0175  je func[0]+14h
;;   017b  bts r12,3Fh
;;   0180  cmp rax,1
;;   0186  ja func[0]+1EBh
;;   018c  jmp func[0]+14h
;;   0191  mov rax,rsp
;;   0194  mov rsp,rbp
;;   0197  call stubs+1E5h
;;   019c  mov rsp,rax
;;   019f  test r12,r12
;;   01a2  je func[0]+1B5h
;;   01a8  jmp func[0]+139h
;;   01ad  mov rsp,rbp
;;   01b0  call stubs+55h
;;   01b5  mov rsp,rbp
;;   01b8  call stubs+87h
;;   01bd  call stubs+87h
;;   01c2  bt r12,3Dh
;;   01c7  jae func[0]+1DBh
;;   01cd  call stubs+1E5h
;;   01d2  test r12,r12
;;   01d5  je func[0]+1BDh
;;   01db  cmp qword ptr [r15+48h],1
;;   01e0  ja func[0]+1FBh
;;   01e6  jmp func[0]+0C9h
;;   01eb  jmp qword ptr [1000h]
;;   01f1  call stubs+545h
;;   01f6  jmp func[0]+14h
;;   01fb  jmp qword ptr [1008h]
;;   0201  call stubs+545h
;;   0206  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+2FDh
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
;;   00b0  jne func[0].instrumented+357h
;;   00b6  test byte ptr [r13],2
;;   00be  jne func[0].instrumented+366h
;;   00c4  test byte ptr [r13],4
;;   00cc  jne func[0].instrumented+375h
;;   00d2  mov ebx,r10d
;;   00d5  movd xmm0,ebx
;;   00da  vpbroadcastd xmm0,xmm0
;;   00df  test byte ptr [r13],8
;;   00e7  jne func[0].instrumented+384h
;;   00ed  movaps xmm7,xmm0
;;   00f1  test byte ptr [r13],10h
;;   00f9  jne func[0].instrumented+393h
;;   00ff  bt r12,3Dh
;;   0104  jb func[0].instrumented+339h
;;   010a  mov r13,[r15+48h]
;;   0111  cmp r13,1
;;   0118  jbe func[0]+0C9h
;;   011e  test byte ptr [r13],20h
;;   0126  jne func[0].instrumented+3A2h
;;   012c  test byte ptr [r13],40h
;;   0134  jne func[0].instrumented+3B1h
;;   013a  test byte ptr [r13],80h
;;   0142  jne func[0].instrumented+3C0h
;;   0148  movdqu xmm0,[r14+r8]
;;   0152  test byte ptr [r13+1],1
;;   015a  jne func[0].instrumented+3CFh
;;   0160  test byte ptr [r13+1],2
;;   0168  jne func[0].instrumented+3DEh
;;   016e  vpminsd xmm0,xmm0,xmm7
;;   0173  test byte ptr [r13+1],4
;;   017b  jne func[0].instrumented+3EDh
;;   0181  vpaddd xmm1,xmm6,xmm0
;;   0186  test byte ptr [r13+1],8
;;   018e  jne func[0].instrumented+3FCh
;;   0194  movaps xmm6,xmm1
;;   0198  test byte ptr [r13+1],10h
;;   01a0  jne func[0].instrumented+40Bh
;;   01a6  test byte ptr [r13+1],20h
;;   01ae  jne func[0].instrumented+41Ah
;;   01b4  test byte ptr [r13+1],40h
;;   01bc  jne func[0].instrumented+429h
;;   01c2  mov ebx,r8d
;;   01c5  add ebx,10h
;;   01cc  test byte ptr [r13+1],80h
;;   01d4  jne func[0].instrumented+438h
;;   01da  mov r8d,ebx
;;   01dd  test byte ptr [r13+2],1
;;   01e5  jne func[0].instrumented+447h
;;   01eb  test byte ptr [r13+2],2
;;   01f3  jne func[0].instrumented+456h
;;   01f9  test byte ptr [r13+2],4
;;   0201  jne func[0].instrumented+465h
;;   0207  cmp r8d,r9d
;;   020a  setb bl
;;   020e  movzx ebx,bl
;;   0212  test byte ptr [r13+2],8
;;   021a  jne func[0].instrumented+474h
;;   0220  test ebx,ebx
;;   0223  jne func[0].instrumented+0FFh
;;   0229  test byte ptr [r13+2],10h
;;   0231  jne func[0].instrumented+483h
;;   0237  test byte ptr [r13+2],20h
;;   023f  jne func[0].instrumented+492h
;;   0245  test byte ptr [r13+2],40h
;;   024d  jne func[0].instrumented+4A1h
;;   0253  test byte ptr [r13+2],80h
;;   025b  jne func[0].instrumented+4B0h
;;   0261  movaps xmm0,xmm6
;;   0265  vpcmpgtd xmm0,xmm7,xmm0
;;   026a  test byte ptr [r13+3],1
;;   0272  jne func[0].instrumented+4BFh
;;   0278  test byte ptr [r13+3],2
;;   0280  jne func[0].instrumented+4CEh
;;   0286  movdqu xmm1,[stubs+7D0h]
;;   028f  test byte ptr [r13+3],4
;;   0297  jne func[0].instrumented+4DDh
;;   029d  vmulps xmm2,xmm6,xmm1
;;   02a2  test byte ptr [r13+3],8
;;   02aa  jne func[0].instrumented+4ECh
;;   02b0  vpxor xmm0,xmm0,xmm2
;;   02b5  test byte ptr [r13+3],10h
;;   02bd  jne func[0].instrumented+4FBh
;;   02c3  test byte ptr [r13+3],20h
;;   02cb  jne func[0].instrumented+50Ah
;;   02d1  mov r9,[rbp-38h]
;;   02d8  mov r10,[rbp-40h]
;;   02df  mov r8,[rbp-48h]
;;   02e6  movdqu xmm6,[rbp-58h]
;;   02ef  movdqu xmm7,[rbp-68h]
;;   02f8  mov rsp,rbp
;;   02fb  pop rbp
;;   02fc  ret
;;   02fd  bt r12,3Dh
;;   0302  jae func[0].instrumented+324h
;;   0308  mov rax,rsp
;;   030b  mov rsp,rbp
;;   030e  call stubs+1F0h
;;   0313  mov rsp,rax
;;   0316  test r12,r12
;;   0319  je func[0].instrumented+32Ch
;;   031f  jmp func[0].instrumented+0Bh
;;   0324  mov rsp,rbp
;;   0327  call stubs+55h
;;   032c  mov rsp,rbp
;;   032f  call stubs+87h
;;   0334  call stubs+87h
;;   0339  bt r12,3Dh
;;   033e  jae func[0].instrumented+352h
;;   0344  call stubs+1F0h
;;   0349  test r12,r12
;;   034c  je func[0].instrumented+334h
;;   0352  jmp func[0].instrumented+0FFh
;;   0357  mov eax,0
;;   035c  call func[0].instrumented+519h
;;   0361  jmp func[0].instrumented+0B6h
;;   0366  mov eax,1
;;   036b  call func[0].instrumented+519h
;;   0370  jmp func[0].instrumented+0C4h
;;   0375  mov eax,2
;;   037a  call func[0].instrumented+519h
;;   037f  jmp func[0].instrumented+0D2h
;;   0384  mov eax,3
;;   0389  call func[0].instrumented+519h
;;   038e  jmp func[0].instrumented+0EDh
;;   0393  mov eax,4
;;   0398  call func[0].instrumented+519h
;;   039d  jmp func[0].instrumented+0FFh
;;   03a2  mov eax,5
;;   03a7  call func[0].instrumented+519h
;;   03ac  jmp func[0].instrumented+12Ch
;;   03b1  mov eax,6
;;   03b6  call func[0].instrumented+519h
;;   03bb  jmp func[0].instrumented+13Ah
;;   03c0  mov eax,7
;;   03c5  call func[0].instrumented+519h
;;   03ca  jmp func[0].instrumented+148h
;;   03cf  mov eax,8
;;   03d4  call func[0].instrumented+519h
;;   03d9  jmp func[0].instrumented+160h
;;   03de  mov eax,9
;;   03e3  call func[0].instrumented+519h
;;   03e8  jmp func[0].instrumented+16Eh
;;   03ed  mov eax,0Ah
;;   03f2  call func[0].instrumented+519h
;;   03f7  jmp func[0].instrumented+181h
;;   03fc  mov eax,0Bh
;;   0401  call func[0].instrumented+519h
;;   0406  jmp func[0].instrumented+194h
;;   040b  mov eax,0Ch
;;   0410  call func[0].instrumented+519h
;;   0415  jmp func[0].instrumented+1A6h
;;   041a  mov eax,0Dh
;;   041f  call func[0].instrumented+519h
;;   0424  jmp func[0].instrumented+1B4h
;;   0429  mov eax,0Eh
;;   042e  call func[0].instrumented+519h
;;   0433  jmp func[0].instrumented+1C2h
;;   0438  mov eax,0Fh
;;   043d  call func[0].instrumented+519h
;;   0442  jmp func[0].instrumented+1DAh
;;   0447  mov eax,10h
;;   044c  call func[0].instrumented+519h
;;   0451  jmp func[0].instrumented+1EBh
;;   0456  mov eax,11h
;;   045b  call func[0].instrumented+519h
;;   0460  jmp func[0].instrumented+1F9h
;;   0465  mov eax,12h
;;   046a  call func[0].instrumented+519h
;;   046f  jmp func[0].instrumented+207h
;;   0474  mov eax,13h
;;   0479  call func[0].instrumented+519h
;;   047e  jmp func[0].instrumented+220h
;;   0483  mov eax,14h
;;   0488  call func[0].instrumented+519h
;;   048d  jmp func[0].instrumented+237h
;;   0492  mov eax,15h
;;   0497  call func[0].instrumented+519h
;;   049c  jmp func[0].instrumented+245h
;;   04a1  mov eax,16h
;;   04a6  call func[0].instrumented+519h
;;   04ab  jmp func[0].instrumented+253h
;;   04b0  mov eax,17h
;;   04b5  call func[0].instrumented+519h
;;   04ba  jmp func[0].instrumented+261h
;;   04bf  mov eax,18h
;;   04c4  call func[0].instrumented+519h
;;   04c9  jmp func[0].instrumented+278h
;;   04ce  mov eax,19h
;;   04d3  call func[0].instrumented+519h
;;   04d8  jmp func[0].instrumented+286h
;;   04dd  mov eax,1Ah
;;   04e2  call func[0].instrumented+519h
;;   04e7  jmp func[0].instrumented+29Dh
;;   04ec  mov eax,1Bh
;;   04f1  call func[0].instrumented+519h
;;   04f6  jmp func[0].instrumented+2B0h
;;   04fb  mov eax,1Ch
;;   0500  call func[0].instrumented+519h
;;   0505  jmp func[0].instrumented+2C3h
;;   050a  mov eax,1Dh
;;   050f  call func[0].instrumented+519h
;;   0514  jmp func[0].instrumented+2D1h
;;   0519  sub rsp,8
;;   051d  mov rdx,0
;;   0527  or rax,rdx
;;   052a  push rax
;;   052b  call stubs+550h
;;   0530  add rsp,8
;;   0534  mov r13,[r15+48h]
;;   053b  cmp r13,1
;;   0542  ja func[0].instrumented+54Fh
;;   0548  lea r13,[stubs+7C8h]
;;   054f  ret
