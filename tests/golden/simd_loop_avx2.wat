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
;;   000e  jb func[0]+14Fh
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
;;   00cf  movaps xmm1,xmm6
;;   00d3  vpaddd xmm1,xmm1,xmm0
;;   00d8  movaps xmm6,xmm1
;;   00dc  add r8d,10h
;;   00e3  cmp r8d,r9d
;;   00e6  jb func[0]+0C0h
;;   00ec  movaps xmm0,xmm6
;;   00f0  vpcmpgtd xmm0,xmm7,xmm0
;;   00f5  mov rax,3F8000003F000000h
;;   00ff  movq xmm1,rax
;;   0104  mov rax,4080000040000000h
;;   010e  pinsrq xmm1,rax,1
;;   0115  movaps xmm2,xmm6
;;   0119  vmulps xmm2,xmm2,xmm1
;;   011e  vpxor xmm0,xmm0,xmm2
;;   0123  mov r9,[rbp-38h]
;;   012a  mov r10,[rbp-40h]
;;   0131  mov r8,[rbp-48h]
;;   0138  movdqu xmm6,[rbp-58h]
;;   0141  movdqu xmm7,[rbp-68h]
;;   014a  mov rsp,rbp
;;   014d  pop rbp
;;   014e  ret
;;   014f  mov rax,rsp
;;   0152  mov rsp,rbp
;;   0155  call stubs+1F1h
;;   015a  mov rsp,rax
;;   015d  test r12,r12
;;   0160  je func[0]+187h
;;   0166  cmp rsp,r12
;;   0169  jae func[0]+14h
;;   016f  bt r12,3Dh
;;   0174  jb func[0]+14Fh
;;   017a  jmp func[0]+17Fh
;;   017f  mov rsp,rbp
;;   0182  call stubs+55h
;;   0187  mov rsp,rbp
;;   018a  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+158h
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
;;   00c3  jb func[0]+1E1h
;;   00c9  movdqu xmm0,[r14+r8]
;;   00d3  vpminsd xmm0,xmm0,xmm7
;;   00d8  movaps xmm1,xmm6
;;   00dc  vpaddd xmm1,xmm1,xmm0
;;   00e1  movaps xmm6,xmm1
;;   00e5  add r8d,10h
;;   00ec  cmp r8d,r9d
;;   00ef  jb func[0]+0C0h
;;   00f5  movaps xmm0,xmm6
;;   00f9  vpcmpgtd xmm0,xmm7,xmm0
;;   00fe  mov rax,3F8000003F000000h
;;   0108  movq xmm1,rax
;;   010d  mov rax,4080000040000000h
;;   0117  pinsrq xmm1,rax,1
;;   011e  movaps xmm2,xmm6
;;   0122  vmulps xmm2,xmm2,xmm1
;;   0127  vpxor xmm0,xmm0,xmm2
;;   012c  mov r9,[rbp-38h]
;;   0133  mov r10,[rbp-40h]
;;   013a  mov r8,[rbp-48h]
;;   0141  movdqu xmm6,[rbp-58h]
;;   014a  movdqu xmm7,[rbp-68h]
;;   0153  mov rsp,rbp
;;   0156  pop rbp
;;   0157  ret
;;   0158  mov rax,r12
;;   015b  bt rax,3Dh
;;   0160  jb func[0]+1B0h
;;   0166  shl rax,2
;;   016a  shr rax,2
;;   016e  cmp rsp,rax
;;   0171  jb func[0]+1CCh
;;   0177  mov rax,[r15+48h]
;;   017e  bt r12,3Eh
;;   0183  jae func[0]+19Fh
;;   0189  shl r12,2
;;   018d  shr r12,2
;;   0191  test rax,rax
;;   0194  je func[0]+14h
;;   019a  bts r12,3Fh
;;   019f  cmp rax,1
;;   01a5  ja func[0]+20Ah
;;   01ab  jmp func[0]+14h
;;   01b0  mov rax,rsp
;;   01b3  mov rsp,rbp
;;   01b6  call stubs+1E6h
;;   01bb  mov rsp,rax
;;   01be  test r12,r12
;;   01c1  je func[0]+1D4h
;;   01c7  jmp func[0]+158h
;;   01cc  mov rsp,rbp
;;   01cf  call stubs+55h
;;   01d4  mov rsp,rbp
;;   01d7  call stubs+87h
;;   01dc  call stubs+87h
;;   01e1  bt r12,3Dh
;;   01e6  jae func[0]+1FAh
;;   01ec  call stubs+1E6h
;;   01f1  test r12,r12
;;   01f4  je func[0]+1DCh
;;   01fa  cmp qword ptr [r15+48h],1
;;   01ff  ja func[0]+21Ah
;;   0205  jmp func[0]+0C9h
;;   020a  jmp qword ptr [1000h]
;;   0210  call stubs+546h
;;   0215  jmp func[0]+14h
;;   021a  jmp qword ptr [1008h]
;;   0220  call stubs+546h
;;   0225  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+31Ch
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
;;   00b0  jne func[0].instrumented+376h
;;   00b6  test byte ptr [r13],2
;;   00be  jne func[0].instrumented+385h
;;   00c4  test byte ptr [r13],4
;;   00cc  jne func[0].instrumented+394h
;;   00d2  mov ebx,r10d
;;   00d5  movd xmm0,ebx
;;   00da  vpbroadcastd xmm0,xmm0
;;   00df  test byte ptr [r13],8
;;   00e7  jne func[0].instrumented+3A3h
;;   00ed  movaps xmm7,xmm0
;;   00f1  test byte ptr [r13],10h
;;   00f9  jne func[0].instrumented+3B2h
;;   00ff  bt r12,3Dh
;;   0104  jb func[0].instrumented+358h
;;   010a  mov r13,[r15+48h]
;;   0111  cmp r13,1
;;   0118  jbe func[0]+0C9h
;;   011e  test byte ptr [r13],20h
;;   0126  jne func[0].instrumented+3C1h
;;   012c  test byte ptr [r13],40h
;;   0134  jne func[0].instrumented+3D0h
;;   013a  test byte ptr [r13],80h
;;   0142  jne func[0].instrumented+3DFh
;;   0148  movdqu xmm0,[r14+r8]
;;   0152  test byte ptr [r13+1],1
;;   015a  jne func[0].instrumented+3EEh
;;   0160  test byte ptr [r13+1],2
;;   0168  jne func[0].instrumented+3FDh
;;   016e  vpminsd xmm0,xmm0,xmm7
;;   0173  test byte ptr [r13+1],4
;;   017b  jne func[0].instrumented+40Ch
;;   0181  movaps xmm1,xmm6
;;   0185  vpaddd xmm1,xmm1,xmm0
;;   018a  test byte ptr [r13+1],8
;;   0192  jne func[0].instrumented+41Bh
;;   0198  movaps xmm6,xmm1
;;   019c  test byte ptr [r13+1],10h
;;   01a4  jne func[0].instrumented+42Ah
;;   01aa  test byte ptr [r13+1],20h
;;   01b2  jne func[0].instrumented+439h
;;   01b8  test byte ptr [r13+1],40h
;;   01c0  jne func[0].instrumented+448h
;;   01c6  mov ebx,r8d
;;   01c9  add ebx,10h
;;   01d0  test byte ptr [r13+1],80h
;;   01d8  jne func[0].instrumented+457h
;;   01de  mov r8d,ebx
;;   01e1  test byte ptr [r13+2],1
;;   01e9  jne func[0].instrumented+466h
;;   01ef  test byte ptr [r13+2],2
;;   01f7  jne func[0].instrumented+475h
;;   01fd  test byte ptr [r13+2],4
;;   0205  jne func[0].instrumented+484h
;;   020b  cmp r8d,r9d
;;   020e  setb bl
;;   0212  movzx ebx,bl
;;   0216  test byte ptr [r13+2],8
;;   021e  jne func[0].instrumented+493h
;;   0224  test ebx,ebx
;;   0227  jne func[0].instrumented+0FFh
;;   022d  test byte ptr [r13+2],10h
;;   0235  jne func[0].instrumented+4A2h
;;   023b  test byte ptr [r13+2],20h
;;   0243  jne func[0].instrumented+4B1h
;;   0249  test byte ptr [r13+2],40h
;;   0251  jne func[0].instrumented+4C0h
;;   0257  test byte ptr [r13+2],80h
;;   025f  jne func[0].instrumented+4CFh
;;   0265  movaps xmm0,xmm6
;;   0269  vpcmpgtd xmm0,xmm7,xmm0
;;   026e  test byte ptr [r13+3],1
;;   0276  jne func[0].instrumented+4DEh
;;   027c  test byte ptr [r13+3],2
;;   0284  jne func[0].instrumented+4EDh
;;   028a  mov rax,3F8000003F000000h
;;   0294  movq xmm1,rax
;;   0299  mov rax,4080000040000000h
;;   02a3  pinsrq xmm1,rax,1
;;   02aa  test byte ptr [r13+3],4
;;   02b2  jne func[0].instrumented+4FCh
;;   02b8  movaps xmm2,xmm6
;;   02bc  vmulps xmm2,xmm2,xmm1
;;   02c1  test byte ptr [r13+3],8
;;   02c9  jne func[0].instrumented+50Bh
;;   02cf  vpxor xmm0,xmm0,xmm2
;;   02d4  test byte ptr [r13+3],10h
;;   02dc  jne func[0].instrumented+51Ah
;;   02e2  test byte ptr [r13+3],20h
;;   02ea  jne func[0].instrumented+529h
;;   02f0  mov r9,[rbp-38h]
;;   02f7  mov r10,[rbp-40h]
;;   02fe  mov r8,[rbp-48h]
;;   0305  movdqu xmm6,[rbp-58h]
;;   030e  movdqu xmm7,[rbp-68h]
;;   0317  mov rsp,rbp
;;   031a  pop rbp
;;   031b  ret
;;   031c  bt r12,3Dh
;;   0321  jae func[0].instrumented+343h
;;   0327  mov rax,rsp
;;   032a  mov rsp,rbp
;;   032d  call stubs+1F1h
;;   0332  mov rsp,rax
;;   0335  test r12,r12
;;   0338  je func[0].instrumented+34Bh
;;   033e  jmp func[0].instrumented+0Bh
;;   0343  mov rsp,rbp
;;   0346  call stubs+55h
;;   034b  mov rsp,rbp
;;   034e  call stubs+87h
;;   0353  call stubs+87h
;;   0358  bt r12,3Dh
;;   035d  jae func[0].instrumented+371h
;;   0363  call stubs+1F1h
;;   0368  test r12,r12
;;   036b  je func[0].instrumented+353h
;;   0371  jmp func[0].instrumented+0FFh
;;   0376  mov eax,0
;;   037b  call func[0].instrumented+538h
;;   0380  jmp func[0].instrumented+0B6h
;;   0385  mov eax,1
;;   038a  call func[0].instrumented+538h
;;   038f  jmp func[0].instrumented+0C4h
;;   0394  mov eax,2
;;   0399  call func[0].instrumented+538h
;;   039e  jmp func[0].instrumented+0D2h
;;   03a3  mov eax,3
;;   03a8  call func[0].instrumented+538h
;;   03ad  jmp func[0].instrumented+0EDh
;;   03b2  mov eax,4
;;   03b7  call func[0].instrumented+538h
;;   03bc  jmp func[0].instrumented+0FFh
;;   03c1  mov eax,5
;;   03c6  call func[0].instrumented+538h
;;   03cb  jmp func[0].instrumented+12Ch
;;   03d0  mov eax,6
;;   03d5  call func[0].instrumented+538h
;;   03da  jmp func[0].instrumented+13Ah
;;   03df  mov eax,7
;;   03e4  call func[0].instrumented+538h
;;   03e9  jmp func[0].instrumented+148h
;;   03ee  mov eax,8
;;   03f3  call func[0].instrumented+538h
;;   03f8  jmp func[0].instrumented+160h
;;   03fd  mov eax,9
;;   0402  call func[0].instrumented+538h
;;   0407  jmp func[0].instrumented+16Eh
;;   040c  mov eax,0Ah
;;   0411  call func[0].instrumented+538h
;;   0416  jmp func[0].instrumented+181h
;;   041b  mov eax,0Bh
;;   0420  call func[0].instrumented+538h
;;   0425  jmp func[0].instrumented+198h
;;   042a  mov eax,0Ch
;;   042f  call func[0].instrumented+538h
;;   0434  jmp func[0].instrumented+1AAh
;;   0439  mov eax,0Dh
;;   043e  call func[0].instrumented+538h
;;   0443  jmp func[0].instrumented+1B8h
;;   0448  mov eax,0Eh
;;   044d  call func[0].instrumented+538h
;;   0452  jmp func[0].instrumented+1C6h
;;   0457  mov eax,0Fh
;;   045c  call func[0].instrumented+538h
;;   0461  jmp func[0].instrumented+1DEh
;;   0466  mov eax,10h
;;   046b  call func[0].instrumented+538h
;;   0470  jmp func[0].instrumented+1EFh
;;   0475  mov eax,11h
;;   047a  call func[0].instrumented+538h
;;   047f  jmp func[0].instrumented+1FDh
;;   0484  mov eax,12h
;;   0489  call func[0].instrumented+538h
;;   048e  jmp func[0].instrumented+20Bh
;;   0493  mov eax,13h
;;   0498  call func[0].instrumented+538h
;;   049d  jmp func[0].instrumented+224h
;;   04a2  mov eax,14h
;;   04a7  call func[0].instrumented+538h
;;   04ac  jmp func[0].instrumented+23Bh
;;   04b1  mov eax,15h
;;   04b6  call func[0].instrumented+538h
;;   04bb  jmp func[0].instrumented+249h
;;   04c0  mov eax,16h
;;   04c5  call func[0].instrumented+538h
;;   04ca  jmp func[0].instrumented+257h
;;   04cf  mov eax,17h
;;   04d4  call func[0].instrumented+538h
;;   04d9  jmp func[0].instrumented+265h
;;   04de  mov eax,18h
;;   04e3  call func[0].instrumented+538h
;;   04e8  jmp func[0].instrumented+27Ch
;;   04ed  mov eax,19h
;;   04f2  call func[0].instrumented+538h
;;   04f7  jmp func[0].instrumented+28Ah
;;   04fc  mov eax,1Ah
;;   0501  call func[0].instrumented+538h
;;   0506  jmp func[0].instrumented+2B8h
;;   050b  mov eax,1Bh
;;   0510  call func[0].instrumented+538h
;;   0515  jmp func[0].instrumented+2CFh
;;   051a  mov eax,1Ch
;;   051f  call func[0].instrumented+538h
;;   0524  jmp func[0].instrumented+2E2h
;;   0529  mov eax,1Dh
;;   052e  call func[0].instrumented+538h
;;   0533  jmp func[0].instrumented+2F0h
;;   0538  sub rsp,8
;;   053c  mov rdx,0
;;   0546  or rax,rdx
;;   0549  push rax
;;   054a  call stubs+551h
;;   054f  add rsp,8
;;   0553  mov r13,[r15+48h]
;;   055a  cmp r13,1
;;   0561  ja func[0].instrumented+56Eh
;;   0567  lea r13,[stubs+7C9h]
;;   056e  ret
