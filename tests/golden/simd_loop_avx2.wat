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
;;   000e  jb func[0]+138h
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
;;   00f5  movdqu xmm1,[6C0h]
;;   00fe  movaps xmm2,xmm6
;;   0102  vmulps xmm2,xmm2,xmm1
;;   0107  vpxor xmm0,xmm0,xmm2
;;   010c  mov r9,[rbp-38h]
;;   0113  mov r10,[rbp-40h]
;;   011a  mov r8,[rbp-48h]
;;   0121  movdqu xmm6,[rbp-58h]
;;   012a  movdqu xmm7,[rbp-68h]
;;   0133  mov rsp,rbp
;;   0136  pop rbp
;;   0137  ret
;;   0138  mov rax,rsp
;;   013b  mov rsp,rbp
;;   013e  call stubs+1E8h
;;   0143  mov rsp,rax
;;   0146  test r12,r12
;;   0149  je func[0]+170h
;;   014f  cmp rsp,r12
;;   0152  jae func[0]+14h
;;   0158  bt r12,3Dh
;;   015d  jb func[0]+138h
;;   0163  jmp func[0]+168h
;;   0168  mov rsp,rbp
;;   016b  call stubs+55h
;;   0170  mov rsp,rbp
;;   0173  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+141h
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
;;   00c3  jb func[0]+1CAh
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
;;   00fe  movdqu xmm1,[9C0h]
;;   0107  movaps xmm2,xmm6
;;   010b  vmulps xmm2,xmm2,xmm1
;;   0110  vpxor xmm0,xmm0,xmm2
;;   0115  mov r9,[rbp-38h]
;;   011c  mov r10,[rbp-40h]
;;   0123  mov r8,[rbp-48h]
;;   012a  movdqu xmm6,[rbp-58h]
;;   0133  movdqu xmm7,[rbp-68h]
;;   013c  mov rsp,rbp
;;   013f  pop rbp
;;   0140  ret
;;   0141  mov rax,r12
;;   0144  bt rax,3Dh
;;   0149  jb func[0]+199h
;;   014f  shl rax,2
;;   0153  shr rax,2
;;   0157  cmp rsp,rax
;;   015a  jb func[0]+1B5h
;;   0160  mov rax,[r15+48h]
;;   0167  bt r12,3Eh
;;   016c  jae func[0]+188h
;;   0172  shl r12,2
;;   0176  shr r12,2
;;   017a  test rax,rax
;;   017d  je func[0]+14h
;;   0183  bts r12,3Fh
;;   0188  cmp rax,1
;;   018e  ja func[0]+1F3h
;;   0194  jmp func[0]+14h
;;   0199  mov rax,rsp
;;   019c  mov rsp,rbp
;;   019f  call stubs+1EDh
;;   01a4  mov rsp,rax
;;   01a7  test r12,r12
;;   01aa  je func[0]+1BDh
;;   01b0  jmp func[0]+141h
;;   01b5  mov rsp,rbp
;;   01b8  call stubs+55h
;;   01bd  mov rsp,rbp
;;   01c0  call stubs+87h
;;   01c5  call stubs+87h
;;   01ca  bt r12,3Dh
;;   01cf  jae func[0]+1E3h
;;   01d5  call stubs+1EDh
;;   01da  test r12,r12
;;   01dd  je func[0]+1C5h
;;   01e3  cmp qword ptr [r15+48h],1
;;   01e8  ja func[0]+203h
;;   01ee  jmp func[0]+0C9h
;;   01f3  jmp qword ptr [1000h]
;;   01f9  call stubs+54Dh
;;   01fe  jmp func[0]+14h
;;   0203  jmp qword ptr [1008h]
;;   0209  call stubs+54Dh
;;   020e  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+305h
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
;;   00b0  jne func[0].instrumented+35Fh
;;   00b6  test byte ptr [r13],2
;;   00be  jne func[0].instrumented+36Eh
;;   00c4  test byte ptr [r13],4
;;   00cc  jne func[0].instrumented+37Dh
;;   00d2  mov ebx,r10d
;;   00d5  movd xmm0,ebx
;;   00da  vpbroadcastd xmm0,xmm0
;;   00df  test byte ptr [r13],8
;;   00e7  jne func[0].instrumented+38Ch
;;   00ed  movaps xmm7,xmm0
;;   00f1  test byte ptr [r13],10h
;;   00f9  jne func[0].instrumented+39Bh
;;   00ff  bt r12,3Dh
;;   0104  jb func[0].instrumented+341h
;;   010a  mov r13,[r15+48h]
;;   0111  cmp r13,1
;;   0118  jbe func[0]+0C9h
;;   011e  test byte ptr [r13],20h
;;   0126  jne func[0].instrumented+3AAh
;;   012c  test byte ptr [r13],40h
;;   0134  jne func[0].instrumented+3B9h
;;   013a  test byte ptr [r13],80h
;;   0142  jne func[0].instrumented+3C8h
;;   0148  movdqu xmm0,[r14+r8]
;;   0152  test byte ptr [r13+1],1
;;   015a  jne func[0].instrumented+3D7h
;;   0160  test byte ptr [r13+1],2
;;   0168  jne func[0].instrumented+3E6h
;;   016e  vpminsd xmm0,xmm0,xmm7
;;   0173  test byte ptr [r13+1],4
;;   017b  jne func[0].instrumented+3F5h
;;   0181  movaps xmm1,xmm6
;;   0185  vpaddd xmm1,xmm1,xmm0
;;   018a  test byte ptr [r13+1],8
;;   0192  jne func[0].instrumented+404h
;;   0198  movaps xmm6,xmm1
;;   019c  test byte ptr [r13+1],10h
;;   01a4  jne func[0].instrumented+413h
;;   01aa  test byte ptr [r13+1],20h
;;   01b2  jne func[0].instrumented+422h
;;   01b8  test byte ptr [r13+1],40h
;;   01c0  jne func[0].instrumented+431h
;;   01c6  mov ebx,r8d
;;   01c9  add ebx,10h
;;   01d0  test byte ptr [r13+1],80h
;;   01d8  jne func[0].instrumented+440h
;;   01de  mov r8d,ebx
;;   01e1  test byte ptr [r13+2],1
;;   01e9  jne func[0].instrumented+44Fh
;;   01ef  test byte ptr [r13+2],2
;;   01f7  jne func[0].instrumented+45Eh
;;   01fd  test byte ptr [r13+2],4
;;   0205  jne func[0].instrumented+46Dh
;;   020b  cmp r8d,r9d
;;   020e  setb bl
;;   0212  movzx ebx,bl
;;   0216  test byte ptr [r13+2],8
;;   021e  jne func[0].instrumented+47Ch
;;   0224  test ebx,ebx
;;   0227  jne func[0].instrumented+0FFh
;;   022d  test byte ptr [r13+2],10h
;;   0235  jne func[0].instrumented+48Bh
;;   023b  test byte ptr [r13+2],20h
;;   0243  jne func[0].instrumented+49Ah
;;   0249  test byte ptr [r13+2],40h
;;   0251  jne func[0].instrumented+4A9h
;;   0257  test byte ptr [r13+2],80h
;;   025f  jne func[0].instrumented+4B8h
;;   0265  movaps xmm0,xmm6
;;   0269  vpcmpgtd xmm0,xmm7,xmm0
;;   026e  test byte ptr [r13+3],1
;;   0276  jne func[0].instrumented+4C7h
;;   027c  test byte ptr [r13+3],2
;;   0284  jne func[0].instrumented+4D6h
;;   028a  movdqu xmm1,[stubs+7C8h]
;;   0293  test byte ptr [r13+3],4
;;   029b  jne func[0].instrumented+4E5h
;;   02a1  movaps xmm2,xmm6
;;   02a5  vmulps xmm2,xmm2,xmm1
;;   02aa  test byte ptr [r13+3],8
;;   02b2  jne func[0].instrumented+4F4h
;;   02b8  vpxor xmm0,xmm0,xmm2
;;   02bd  test byte ptr [r13+3],10h
;;   02c5  jne func[0].instrumented+503h
;;   02cb  test byte ptr [r13+3],20h
;;   02d3  jne func[0].instrumented+512h
;;   02d9  mov r9,[rbp-38h]
;;   02e0  mov r10,[rbp-40h]
;;   02e7  mov r8,[rbp-48h]
;;   02ee  movdqu xmm6,[rbp-58h]
;;   02f7  movdqu xmm7,[rbp-68h]
;;   0300  mov rsp,rbp
;;   0303  pop rbp
;;   0304  ret
;;   0305  bt r12,3Dh
;;   030a  jae func[0].instrumented+32Ch
;;   0310  mov rax,rsp
;;   0313  mov rsp,rbp
;;   0316  call stubs+1E8h
;;   031b  mov rsp,rax
;;   031e  test r12,r12
;;   0321  je func[0].instrumented+334h
;;   0327  jmp func[0].instrumented+0Bh
;;   032c  mov rsp,rbp
;;   032f  call stubs+55h
;;   0334  mov rsp,rbp
;;   0337  call stubs+87h
;;   033c  call stubs+87h
;;   0341  bt r12,3Dh
;;   0346  jae func[0].instrumented+35Ah
;;   034c  call stubs+1E8h
;;   0351  test r12,r12
;;   0354  je func[0].instrumented+33Ch
;;   035a  jmp func[0].instrumented+0FFh
;;   035f  mov eax,0
;;   0364  call func[0].instrumented+521h
;;   0369  jmp func[0].instrumented+0B6h
;;   036e  mov eax,1
;;   0373  call func[0].instrumented+521h
;;   0378  jmp func[0].instrumented+0C4h
;;   037d  mov eax,2
;;   0382  call func[0].instrumented+521h
;;   0387  jmp func[0].instrumented+0D2h
;;   038c  mov eax,3
;;   0391  call func[0].instrumented+521h
;;   0396  jmp func[0].instrumented+0EDh
;;   039b  mov eax,4
;;   03a0  call func[0].instrumented+521h
;;   03a5  jmp func[0].instrumented+0FFh
;;   03aa  mov eax,5
;;   03af  call func[0].instrumented+521h
;;   03b4  jmp func[0].instrumented+12Ch
;;   03b9  mov eax,6
;;   03be  call func[0].instrumented+521h
;;   03c3  jmp func[0].instrumented+13Ah
;;   03c8  mov eax,7
;;   03cd  call func[0].instrumented+521h
;;   03d2  jmp func[0].instrumented+148h
;;   03d7  mov eax,8
;;   03dc  call func[0].instrumented+521h
;;   03e1  jmp func[0].instrumented+160h
;;   03e6  mov eax,9
;;   03eb  call func[0].instrumented+521h
;;   03f0  jmp func[0].instrumented+16Eh
;;   03f5  mov eax,0Ah
;;   03fa  call func[0].instrumented+521h
;;   03ff  jmp func[0].instrumented+181h
;;   0404  mov eax,0Bh
;;   0409  call func[0].instrumented+521h
;;   040e  jmp func[0].instrumented+198h
;;   0413  mov eax,0Ch
;;   0418  call func[0].instrumented+521h
;;   041d  jmp func[0].instrumented+1AAh
;;   0422  mov eax,0Dh
;;   0427  call func[0].instrumented+521h
;;   042c  jmp func[0].instrumented+1B8h
;;   0431  mov eax,0Eh
;;   0436  call func[0].instrumented+521h
;;   043b  jmp func[0].instrumented+1C6h
;;   0440  mov eax,0Fh
;;   0445  call func[0].instrumented+521h
;;   044a  jmp func[0].instrumented+1DEh
;;   044f  mov eax,10h
;;   0454  call func[0].instrumented+521h
;;   0459  jmp func[0].instrumented+1EFh
;;   045e  mov eax,11h
;;   0463  call func[0].instrumented+521h
;;   0468  jmp func[0].instrumented+1FDh
;;   046d  mov eax,12h
;;   0472  call func[0].instrumented+521h
;;   0477  jmp func[0].instrumented+20Bh
;;   047c  mov eax,13h
;;   0481  call func[0].instrumented+521h
;;   0486  jmp func[0].instrumented+224h
;;   048b  mov eax,14h
;;   0490  call func[0].instrumented+521h
;;   0495  jmp func[0].instrumented+23Bh
;;   049a  mov eax,15h
;;   049f  call func[0].instrumented+521h
;;   04a4  jmp func[0].instrumented+249h
;;   04a9  mov eax,16h
;;   04ae  call func[0].instrumented+521h
;;   04b3  jmp func[0].instrumented+257h
;;   04b8  mov eax,17h
;;   04bd  call func[0].instrumented+521h
;;   04c2  jmp func[0].instrumented+265h
;;   04c7  mov eax,18h
;;   04cc  call func[0].instrumented+521h
;;   04d1  jmp func[0].instrumented+27Ch
;;   04d6  mov eax,19h
;;   04db  call func[0].instrumented+521h
;;   04e0  jmp func[0].instrumented+28Ah
;;   04e5  mov eax,1Ah
;;   04ea  call func[0].instrumented+521h
;;   04ef  jmp func[0].instrumented+2A1h
;;   04f4  mov eax,1Bh
;;   04f9  call func[0].instrumented+521h
;;   04fe  jmp func[0].instrumented+2B8h
;;   0503  mov eax,1Ch
;;   0508  call func[0].instrumented+521h
;;   050d  jmp func[0].instrumented+2CBh
;;   0512  mov eax,1Dh
;;   0517  call func[0].instrumented+521h
;;   051c  jmp func[0].instrumented+2D9h
;;   0521  sub rsp,8
;;   0525  mov rdx,0
;;   052f  or rax,rdx
;;   0532  push rax
;;   0533  call stubs+548h
;;   0538  add rsp,8
;;   053c  mov r13,[r15+48h]
;;   0543  cmp r13,1
;;   054a  ja func[0].instrumented+557h
;;   0550  lea r13,[stubs+7C0h]
;;   0557  ret
