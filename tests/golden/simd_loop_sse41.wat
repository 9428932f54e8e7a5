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
;;   000e  jb func[0]+140h
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
;;   00fe  movdqu xmm1,[6D0h]
;;   0107  movaps xmm2,xmm6
;;   010b  mulps xmm2,xmm1
;;   010f  pxor xmm0,xmm2
;;   0114  mov r9,[rbp-38h]
;;   011b  mov r10,[rbp-40h]
;;   0122  mov r8,[rbp-48h]
;;   0129  movdqu xmm6,[rbp-58h]
;;   0132  movdqu xmm7,[rbp-68h]
;;   013b  mov rsp,rbp
;;   013e  pop rbp
;;   013f  ret
;;   0140  mov rax,rsp
;;   0143  mov rsp,rbp
;;   0146  call stubs+1F0h
;;   014b  mov rsp,rax
;;   014e  test r12,r12
;;   0151  je func[0]+178h
;;   0157  cmp rsp,r12
;;   015a  jae func[0]+14h
;;   0160  bt r12,3Dh
;;   0165  jb func[0]+140h
;;   016b  jmp func[0]+170h
;;   0170  mov rsp,rbp
;;   0173  call stubs+55h
;;   0178  mov rsp,rbp
;;   017b  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+149h
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
;;   00c3  jb func[0]+1D2h
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
;;   0107  movdqu xmm1,[9C0h]
;;   0110  movaps xmm2,xmm6
;;   0114  mulps xmm2,xmm1
;;   0118  pxor xmm0,xmm2
;;   011d  mov r9,[rbp-38h]
;;   0124  mov r10,[rbp-40h]
;;   012b  mov r8,[rbp-48h]
;;   0132  movdqu xmm6,[rbp-58h]
;;   013b  movdqu xmm7,[rbp-68h]
;;   0144  mov rsp,rbp
;;   0147  pop rbp
;;   0148  ret
;;   0149  mov rax,r12
;;   014c  bt rax,3Dh
;;   0151  jb func[0]+1A1h
;;   0157  shl rax,2
;;   015b  shr rax,2
;;   015f  cmp rsp,rax
;;   0162  jb func[0]+1BDh
;;   0168  mov rax,[r15+48h]
;;   016f  bt r12,3Eh
;;   0174  jae func[0]+190h
;;   017a  shl r12,2
;;   017e  shr r12,2
;;   0182  test rax,rax
;;   0185  je func[0]+14h
;;   018b  bts r12,3Fh
;;   0190  cmp rax,1
;;   0196  ja func[0]+1FBh
;;   019c  jmp func[0]+14h
;;   01a1  mov rax,rsp
;;   01a4  mov rsp,rbp
;;   01a7  call stubs+1E5h
;;   01ac  mov rsp,rax
;;   01af  test r12,r12
;;   01b2  je func[0]+1C5h
;;   01b8  jmp func[0]+149h
;;   01bd  mov rsp,rbp
;;   01c0  call stubs+55h
;;   01c5  mov rsp,rbp
;;   01c8  call stubs+87h
;;   01cd  call stubs+87h
;;   01d2  bt r12,3Dh
;;   01d7  jae func[0]+1EBh
;;   01dd  call stubs+1E5h
;;   01e2  test r12,r12
;;   01e5  je func[0]+1CDh
;;   01eb  cmp qword ptr [r15+48h],1
;;   01f0  ja func[0]+20Bh
;;   01f6  jmp func[0]+0C9h
;;   01fb  jmp qword ptr [1000h]
;;   0201  call stubs+545h
;;   0206  jmp func[0]+14h
;;   020b  jmp qword ptr [1008h]
;;   0211  call stubs+545h
;;   0216  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+30Eh
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
;;   00b0  jne func[0].instrumented+368h
;;   00b6  test byte ptr [r13],2
;;   00be  jne func[0].instrumented+377h
;;   00c4  test byte ptr [r13],4
;;   00cc  jne func[0].instrumented+386h
;;   00d2  mov ebx,r10d
;;   00d5  movd xmm0,ebx
;;   00da  pshufd xmm0,xmm0,0
;;   00e0  test byte ptr [r13],8
;;   00e8  jne func[0].instrumented+395h
;;   00ee  movaps xmm7,xmm0
;;   00f2  test byte ptr [r13],10h
;;   00fa  jne func[0].instrumented+3A4h
;;   0100  bt r12,3Dh
;;   0105  jb func[0].instrumented+34Ah
;;   010b  mov r13,[r15+48h]
;;   0112  cmp r13,1
;;   0119  jbe func[0]+0C9h
;;   011f  test byte ptr [r13],20h
;;   0127  jne func[0].instrumented+3B3h
;;   012d  test byte ptr [r13],40h
;;   0135  jne func[0].instrumented+3C2h
;;   013b  test byte ptr [r13],80h
;;   0143  jne func[0].instrumented+3D1h
;;   0149  movdqu xmm0,[r14+r8]
;;   0153  test byte ptr [r13+1],1
;;   015b  jne func[0].instrumented+3E0h
;;   0161  test byte ptr [r13+1],2
;;   0169  jne func[0].instrumented+3EFh
;;   016f  pminsd xmm0,xmm7
;;   0175  test byte ptr [r13+1],4
;;   017d  jne func[0].instrumented+3FEh
;;   0183  movaps xmm1,xmm6
;;   0187  paddd xmm1,xmm0
;;   018c  test byte ptr [r13+1],8
;;   0194  jne func[0].instrumented+40Dh
;;   019a  movaps xmm6,xmm1
;;   019e  test byte ptr [r13+1],10h
;;   01a6  jne func[0].instrumented+41Ch
;;   01ac  test byte ptr [r13+1],20h
;;   01b4  jne func[0].instrumented+42Bh
;;   01ba  test byte ptr [r13+1],40h
;;   01c2  jne func[0].instrumented+43Ah
;;   01c8  mov ebx,r8d
;;   01cb  add ebx,10h
;;   01d2  test byte ptr [r13+1],80h
;;   01da  jne func[0].instrumented+449h
;;   01e0  mov r8d,ebx
;;   01e3  test byte ptr [r13+2],1
;;   01eb  jne func[0].instrumented+458h
;;   01f1  test byte ptr [r13+2],2
;;   01f9  jne func[0].instrumented+467h
;;   01ff  test byte ptr [r13+2],4
;;   0207  jne func[0].instrumented+476h
;;   020d  cmp r8d,r9d
;;   0210  setb bl
;;   0214  movzx ebx,bl
;;   0218  test byte ptr [r13+2],8
;;   0220  jne func[0].instrumented+485h
;;   0226  test ebx,ebx
;;   0229  jne func[0].instrumented+100h
;;   022f  test byte ptr [r13+2],10h
;;   0237  jne func[0].instrumented+494h
;;   023d  test byte ptr [r13+2],20h
;;   0245  jne func[0].instrumented+4A3h
;;   024b  test byte ptr [r13+2],40h
;;   0253  jne func[0].instrumented+4B2h
;;   0259  test byte ptr [r13+2],80h
;;   0261  jne func[0].instrumented+4C1h
;;   0267  movaps xmm0,xmm6
;;   026b  movaps xmm14,xmm7
;;   026f  pcmpgtd xmm14,xmm0
;;   0274  movaps xmm0,xmm14
;;   0278  test byte ptr [r13+3],1
;;   0280  jne func[0].instrumented+4D0h
;;   0286  test byte ptr [r13+3],2
;;   028e  jne func[0].instrumented+4DFh
;;   0294  movdqu xmm1,[stubs+7CFh]
;;   029d  test byte ptr [r13+3],4
;;   02a5  jne func[0].instrumented+4EEh
;;   02ab  movaps xmm2,xmm6
;;   02af  mulps xmm2,xmm1
;;   02b3  test byte ptr [r13+3],8
;;   02bb  jne func[0].instrumented+4FDh
;;   02c1  pxor xmm0,xmm2
;;   02c6  test byte ptr [r13+3],10h
;;   02ce  jne func[0].instrumented+50Ch
;;   02d4  test byte ptr [r13+3],20h
;;   02dc  jne func[0].instrumented+51Bh
;;   02e2  mov r9,[rbp-38h]
;;   02e9  mov r10,[rbp-40h]
;;   02f0  mov r8,[rbp-48h]
;;   02f7  movdqu xmm6,[rbp-58h]
;;   0300  movdqu xmm7,[rbp-68h]
;;   0309  mov rsp,rbp
;;   030c  pop rbp
;;   030d  ret
;;   030e  bt r12,3Dh
;;   0313  jae func[0].instrumented+335h
;;   0319  mov rax,rsp
;;   031c  mov rsp,rbp
;;   031f  call stubs+1EFh
;;   0324  mov rsp,rax
;;   0327  test r12,r12
;;   032a  je func[0].instrumented+33Dh
;;   0330  jmp func[0].instrumented+0Bh
;;   0335  mov rsp,rbp
;;   0338  call stubs+55h
;;   033d  mov rsp,rbp
;;   0340  call stubs+87h
;;   0345  call stubs+87h
;;   034a  bt r12,3Dh
;;   034f  jae func[0].instrumented+363h
;;   0355  call stubs+1EFh
;;   035a  test r12,r12
;;   035d  je func[0].instrumented+345h
;;   0363  jmp func[0].instrumented+100h
;;   0368  mov eax,0
;;   036d  call func[0].instrumented+52Ah
;;   0372  jmp func[0].instrumented+0B6h
;;   0377  mov eax,1
;;   037c  call func[0].instrumented+52Ah
;;   0381  jmp func[0].instrumented+0C4h
;;   0386  mov eax,2
;;   038b  call func[0].instrumented+52Ah
;;   0390  jmp func[0].instrumented+0D2h
;;   0395  mov eax,3
;;   039a  call func[0].instrumented+52Ah
;;   039f  jmp func[0].instrumented+0EEh
;;   03a4  mov eax,4
;;   03a9  call func[0].instrumented+52Ah
;;   03ae  jmp func[0].instrumented+100h
;;   03b3  mov eax,5
;;   03b8  call func[0].instrumented+52Ah
;;   03bd  jmp func[0].instrumented+12Dh
;;   03c2  mov eax,6
;;   03c7  call func[0].instrumented+52Ah
;;   03cc  jmp func[0].instrumented+13Bh
;;   03d1  mov eax,7
;;   03d6  call func[0].instrumented+52Ah
;;   03db  jmp func[0].instrumented+149h
;;   03e0  mov eax,8
;;   03e5  call func[0].instrumented+52Ah
;;   03ea  jmp func[0].instrumented+161h
;;   03ef  mov eax,9
;;   03f4  call func[0].instrumented+52Ah
;;   03f9  jmp func[0].instrumented+16Fh
;;   03fe  mov eax,0Ah
;;   0403  call func[0].instrumented+52Ah
;;   0408  jmp func[0].instrumented+183h
;;   040d  mov eax,0Bh
;;   0412  call func[0].instrumented+52Ah
;;   0417  jmp func[0].instrumented+19Ah
;;   041c  mov eax,0Ch
;;   0421  call func[0].instrumented+52Ah
;;   0426  jmp func[0].instrumented+1ACh
;;   042b  mov eax,0Dh
;;   0430  call func[0].instrumented+52Ah
;;   0435  jmp func[0].instrumented+1BAh
;;   043a  mov eax,0Eh
;;   043f  call func[0].instrumented+52Ah
;;   0444  jmp func[0].instrumented+1C8h
;;   0449  mov eax,0Fh
;;   044e  call func[0].instrumented+52Ah
;;   0453  jmp func[0].instrumented+1E0h
;;   0458  mov eax,10h
;;   045d  call func[0].instrumented+52Ah
;;   0462  jmp func[0].instrumented+1F1h
;;   0467  mov eax,11h
;;   046c  call func[0].instrumented+52Ah
;;   0471  jmp func[0].instrumented+1FFh
;;   0476  mov eax,12h
;;   047b  call func[0].instrumented+52Ah
;;   0480  jmp func[0].instrumented+20Dh
;;   0485  mov eax,13h
;;   048a  call func[0].instrumented+52Ah
;;   048f  jmp func[0].instrumented+226h
;;   0494  mov eax,14h
;;   0499  call func[0].instrumented+52Ah
;;   049e  jmp func[0].instrumented+23Dh
;;   04a3  mov eax,15h
;;   04a8  call func[0].instrumented+52Ah
;;   04ad  jmp func[0].instrumented+24Bh
;;   04b2  mov eax,16h
;;   04b7  call func[0].instrumented+52Ah
;;   04bc  jmp func[0].instrumented+259h
;;   04c1  mov eax,17h
;;   04c6  call func[0].instrumented+52Ah
;;   04cb  jmp func[0].instrumented+267h
;;   04d0  mov eax,18h
;;   04d5  call func[0].instrumented+52Ah
;;   04da  jmp func[0].instrumented+286h
;;   04df  mov eax,19h
;;   04e4  call func[0].instrumented+52Ah
;;   04e9  jmp func[0].instrumented+294h
;;   04ee  mov eax,1Ah
;;   04f3  call func[0].instrumented+52Ah
;;   04f8  jmp func[0].instrumented+2ABh
;;   04fd  mov eax,1Bh
;;   0502  call func[0].instrumented+52Ah
;;   0507  jmp func[0].instrumented+2C1h
;;   050c  mov eax,1Ch
;;   0511  call func[0].instrumented+52Ah
;;   0516  jmp func[0].instrumented+2D4h
;;   051b  mov eax,1Dh
;;   0520  call func[0].instrumented+52Ah
;;   0525  jmp func[0].instrumented+2E2h
;;   052a  sub rsp,8
;;   052e  mov rdx,0
;;   0538  or rax,rdx
;;   053b  push rax
;;   053c  call stubs+54Fh
;;   0541  add rsp,8
;;   0545  mov r13,[r15+48h]
;;   054c  cmp r13,1
;;   0553  ja func[0].instrumented+560h
;;   0559  lea r13,[stubs+7C7h]
;;   0560  ret
