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
;;   0004  sub rsp,80h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+16Ch
;;   0014  mov [rbp-38h],r9
;;   001b  mov [rbp-40h],r10
;;   0022  mov [rbp-48h],r8
;;   0029  mov r9d,esi
;;   002c  mov r10d,[rbp+18h]
;;   0033  mov r8d,0
;;   0039  mov qword ptr [rbp-10h],0
;;   0044  mov qword ptr [rbp-18h],0
;;   004f  mov qword ptr [rbp-20h],0
;;   005a  mov qword ptr [rbp-28h],0
;;   0065  mov qword ptr [rbp-30h],0
;;   0070  mov ebx,r10d
;;   0073  movd xmm0,ebx
;;   0078  pshufd xmm0,xmm0,0
;;   007e  movdqu [rbp-30h],xmm0
;;   0088  nop [rax+rax]
;;   0091  nop [rax+rax]
;;   009a  nop [rax+rax]
;;   00a3  nop [rax+rax]
;;   00ac  nop [rax+rax]
;;   00b5  nop [rax+rax]
;;   00be  xchg ax,ax
;;   00c0  movdqu xmm0,[r14+r8]
;;   00ca  movdqu xmm15,[rbp-30h]
;;   00d3  pminsd xmm0,xmm15
;;   00d9  movdqu xmm1,[rbp-20h]
;;   00e2  paddd xmm1,xmm0
;;   00e7  movdqu [rbp-20h],xmm1
;;   00f1  add r8d,10h
;;   00f8  cmp r8d,r9d
;;   00fb  jb func[0]+0C0h
;;   0101  movdqu xmm0,[rbp-20h]
;;   010a  movdqu xmm15,[rbp-30h]
;;   0113  movaps xmm14,xmm15
;;   0117  pcmpgtd xmm14,xmm0
;;   011c  movaps xmm0,xmm14
;;   0120  mov rax,3F8000003F000000h
;;   012a  movq xmm1,rax
;;   012f  mov rax,4080000040000000h
;;   0139  pinsrq xmm1,rax,1
;;   0140  movdqu xmm2,[rbp-20h]
;;   0149  mulps xmm2,xmm1
;;   014d  pxor xmm0,xmm2
;;   0152  mov r9,[rbp-38h]
;;   0159  mov r10,[rbp-40h]
;;   0160  mov r8,[rbp-48h]
;;   0167  mov rsp,rbp
;;   016a  pop rbp
;;   016b  ret
;;   016c  mov rax,rsp
;;   016f  mov rsp,rbp
;;   0172  call stubs+1E4h
;;   0177  mov rsp,rax
;;   017a  test r12,r12
;;   017d  je func[0]+1A4h
;;   0183  cmp rsp,r12
;;   0186  jae func[0]+14h
;;   018c  bt r12,3Dh
;;   0191  jb func[0]+16Ch
;;   0197  jmp func[0]+19Ch
;;   019c  mov rsp,rbp
;;   019f  call stubs+55h
;;   01a4  mov rsp,rbp
;;   01a7  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,80h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+175h
;;   0014  mov [rbp-38h],r9
;;   001b  mov [rbp-40h],r10
;;   0022  mov [rbp-48h],r8
;;   0029  mov r9d,esi
;;   002c  mov r10d,[rbp+18h]
;;   0033  mov r8d,0
;;   0039  mov qword ptr [rbp-10h],0
;;   0044  mov qword ptr [rbp-18h],0
;;   004f  mov qword ptr [rbp-20h],0
;;   005a  mov qword ptr [rbp-28h],0
;;   0065  mov qword ptr [rbp-30h],0
;;   0070  mov ebx,r10d
;;   0073  movd xmm0,ebx
;;   0078  pshufd xmm0,xmm0,0
;;   007e  movdqu [rbp-30h],xmm0
;;   0088  nop [rax+rax]
;;   0091  nop [rax+rax]
;;   009a  nop [rax+rax]
;;   00a3  nop [rax+rax]
;;   00ac  nop [rax+rax]
;;   00b5  nop [rax+rax]
;;   00be  xchg ax,ax
;;   00c0  cmp rsp,r12
;;   00c3  jb func[0]+1FEh
;;   00c9  movdqu xmm0,[r14+r8]
;;   00d3  movdqu xmm15,[rbp-30h]
;;   00dc  pminsd xmm0,xmm15
;;   00e2  movdqu xmm1,[rbp-20h]
;;   00eb  paddd xmm1,xmm0
;;   00f0  movdqu [rbp-20h],xmm1
;;   00fa  add r8d,10h
;;   0101  cmp r8d,r9d
;;   0104  jb func[0]+0C0h
;;   010a  movdqu xmm0,[rbp-20h]
;;   0113  movdqu xmm15,[rbp-30h]
;;   011c  movaps xmm14,xmm15
;;   0120  pcmpgtd xmm14,xmm0
;;   0125  movaps xmm0,xmm14
;;   0129  mov rax,3F8000003F000000h
;;   0133  movq xmm1,rax
;;   0138  mov rax,4080000040000000h
;;   0142  pinsrq xmm1,rax,1
;;   0149  movdqu xmm2,[rbp-20h]
;;   0152  mulps xmm2,xmm1
;;   0156  pxor xmm0,xmm2
;;   015b  mov r9,[rbp-38h]
;;   0162  mov r10,[rbp-40h]
;;   0169  mov r8,[rbp-48h]
;;   0170  mov rsp,rbp
;;   0173  pop rbp
;;   0174  ret
;;   0175  mov rax,r12
;;   0178  bt rax,3Dh
;;   017d  jb func[0]+1CDh
;;   0183  shl rax,2
;;   0187  shr rax,2
;;   018b  cmp rsp,rax
;;   018e  jb func[0]+1E9h
;;   0194  mov rax,[r15+48h]
;;   019b  bt r12,3Eh
;;   01a0  jae func[0]+1BCh
;;   01a6  shl r12,2
;;   01aa  shr r12,2
;;   01ae  test rax,rax
;;   01b1  je func[0]+14h
;;   01b7  bts r12,3Fh
;;   01bc  cmp rax,1
;;   01c2  ja func[0]+227h
;;   01c8  jmp func[0]+14h
;;   01cd  mov rax,rsp
;;   01d0  mov rsp,rbp
;;   01d3  call stubs+1E9h
;;   01d8  mov rsp,rax
;;   01db  test r12,r12
;;   01de  je func[0]+1F1h
;;   01e4  jmp func[0]+175h
;;   01e9  mov rsp,rbp
;;   01ec  call stubs+55h
;;   01f1  mov rsp,rbp
;;   01f4  call stubs+87h
;;   01f9  call stubs+87h
;;   01fe  bt r12,3Dh
;;   0203  jae func[0]+217h
;;   0209  call stubs+1E9h
;;   020e  test r12,r12
;;   0211  je func[0]+1F9h
;;   0217  cmp qword ptr [r15+48h],1
;;   021c  ja func[0]+237h
;;   0222  jmp func[0]+0C9h
;;   0227  jmp qword ptr [1000h]
;;   022d  call stubs+549h
;;   0232  jmp func[0]+14h
;;   0237  jmp qword ptr [1008h]
;;   023d  call stubs+549h
;;   0242  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,80h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+324h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-38h],r9
;;   0037  mov [rbp-40h],r10
;;   003e  mov [rbp-48h],r8
;;   0045  mov r9d,esi
;;   0048  mov r10d,[rbp+18h]
;;   004f  mov r8d,0
;;   0055  mov qword ptr [rbp-10h],0
;;   0060  mov qword ptr [rbp-18h],0
;;   006b  mov qword ptr [rbp-20h],0
;;   0076  mov qword ptr [rbp-28h],0
;;   0081  mov qword ptr [rbp-30h],0
;;   008c  test byte ptr [r13],1
;;   0094  jne func[0].instrumented+37Eh
;;   009a  test byte ptr [r13],2
;;   00a2  jne func[0].instrumented+38Dh
;;   00a8  test byte ptr [r13],4
;;   00b0  jne func[0].instrumented+39Ch
;;   00b6  mov ebx,r10d
;;   00b9  movd xmm0,ebx
;;   00be  pshufd xmm0,xmm0,0
;;   00c4  test byte ptr [r13],8
;;   00cc  jne func[0].instrumented+3ABh
;;   00d2  movdqu [rbp-30h],xmm0
;;   00dc  test byte ptr [r13],10h
;;   00e4  jne func[0].instrumented+3BAh
;;   00ea  bt r12,3Dh
;;   00ef  jb func[0].instrumented+360h
;;   00f5  mov r13,[r15+48h]
;;   00fc  cmp r13,1
;;   0103  jbe func[0]+0C9h
;;   0109  test byte ptr [r13],20h
;;   0111  jne func[0].instrumented+3C9h
;;   0117  test byte ptr [r13],40h
;;   011f  jne func[0].instrumented+3D8h
;;   0125  test byte ptr [r13],80h
;;   012d  jne func[0].instrumented+3E7h
;;   0133  movdqu xmm0,[r14+r8]
;;   013d  test byte ptr [r13+1],1
;;   0145  jne func[0].instrumented+3F6h
;;   014b  test byte ptr [r13+1],2
;;   0153  jne func[0].instrumented+405h
;;   0159  movdqu xmm15,[rbp-30h]
;;   0162  pminsd xmm0,xmm15
;;   0168  test byte ptr [r13+1],4
;;   0170  jne func[0].instrumented+414h
;;   0176  movdqu xmm1,[rbp-20h]
;;   017f  paddd xmm1,xmm0
;;   0184  test byte ptr [r13+1],8
;;   018c  jne func[0].instrumented+423h
;;   0192  movdqu [rbp-20h],xmm1
;;   019c  test byte ptr [r13+1],10h
;;   01a4  jne func[0].instrumented+432h
;;   01aa  test byte ptr [r13+1],20h
;;   01b2  jne func[0].instrumented+441h
;;   01b8  test byte ptr [r13+1],40h
;;   01c0  jne func[0].instrumented+450h
;;   01c6  mov ebx,r8d
;;   01c9  add ebx,10h
;;   01d0  test byte ptr [r13+1],80h
;;   01d8  jne func[0].instrumented+45Fh
;;   01de  mov r8d,ebx
;;   01e1  test byte ptr [r13+2],1
;;   01e9  jne func[0].instrumented+46Eh
;;   01ef  test byte ptr [r13+2],2
;;   01f7  jne func[0].instrumented+47Dh
;;   01fd  test byte ptr [r13+2],4
;;   0205  jne func[0].instrumented+48Ch
;;   020b  cmp r8d,r9d
;;   020e  setb bl
;;   0212  movzx ebx,bl
;;   0216  test byte ptr [r13+2],8
;;   021e  jne func[0].instrumented+49Bh
;;   0224  test ebx,ebx
;;   0227  jne func[0].instrumented+0EAh
;;   022d  test byte ptr [r13+2],10h
;;   0235  jne func[0].instrumented+4AAh
;;   023b  test byte ptr [r13+2],20h
;;   0243  jne func[0].instrumented+4B9h
;;   0249  test byte ptr [r13+2],40h
;;   0251  jne func[0].instrumented+4C8h
;;   0257  test byte ptr [r13+2],80h
;;   025f  jne func[0].instrumented+4D7h
;;   0265  movdqu xmm0,[rbp-20h]
;;   026e  movdqu xmm15,[rbp-30h]
;;   0277  movaps xmm14,xmm15
;;   027b  pcmpgtd xmm14,xmm0
;;   0280  movaps xmm0,xmm14
;;   0284  test byte ptr [r13+3],1
;;   028c  jne func[0].instrumented+4E6h
;;   0292  test byte ptr [r13+3],2
;;   029a  jne func[0].instrumented+4F5h
;;   02a0  mov rax,3F8000003F000000h
;;   02aa  movq xmm1,rax
;;   02af  mov rax,4080000040000000h
;;   02b9  pinsrq xmm1,rax,1
;;   02c0  test byte ptr [r13+3],4
;;   02c8  jne func[0].instrumented+504h
;;   02ce  movdqu xmm2,[rbp-20h]
;;   02d7  mulps xmm2,xmm1
;;   02db  test byte ptr [r13+3],8
;;   02e3  jne func[0].instrumented+513h
;;   02e9  pxor xmm0,xmm2
;;   02ee  test byte ptr [r13+3],10h
;;   02f6  jne func[0].instrumented+522h
;;   02fc  test byte ptr [r13+3],20h
;;   0304  jne func[0].instrumented+531h
;;   030a  mov r9,[rbp-38h]
;;   0311  mov r10,[rbp-40h]
;;   0318  mov r8,[rbp-48h]
;;   031f  mov rsp,rbp
;;   0322  pop rbp
;;   0323  ret
;;   0324  bt r12,3Dh
;;   0329  jae func[0].instrumented+34Bh
;;   032f  mov rax,rsp
;;   0332  mov rsp,rbp
;;   0335  call stubs+1E9h
;;   033a  mov rsp,rax
;;   033d  test r12,r12
;;   0340  je func[0].instrumented+353h
;;   0346  jmp func[0].instrumented+0Bh
;;   034b  mov rsp,rbp
;;   034e  call stubs+55h
;;   0353  mov rsp,rbp
;;   0356  call stubs+87h
;;   035b  call stubs+87h
;;   0360  bt r12,3Dh
;;   0365  jae func[0].instrumented+379h
;;   036b  call stubs+1E9h
;;   0370  test r12,r12
;;   0373  je func[0].instrumented+35Bh
;;   0379  jmp func[0].instrumented+0EAh
;;   037e  mov eax,0
;;   0383  call func[0].instrumented+540h
;;   0388  jmp func[0].instrumented+9Ah
;;   038d  mov eax,1
;;   0392  call func[0].instrumented+540h
;;   0397  jmp func[0].instrumented+0A8h
;;   039c  mov eax,2
;;   03a1  call func[0].instrumented+540h
;;   03a6  jmp func[0].instrumented+0B6h
;;   03ab  mov eax,3
;;   03b0  call func[0].instrumented+540h
;;   03b5  jmp func[0].instrumented+0D2h
;;   03ba  mov eax,4
;;   03bf  call func[0].instrumented+540h
;;   03c4  jmp func[0].instrumented+0EAh
;;   03c9  mov eax,5
;;   03ce  call func[0].instrumented+540h
;;   03d3  jmp func[0].instrumented+117h
;;   03d8  mov eax,6
;;   03dd  call func[0].instrumented+540h
;;   03e2  jmp func[0].instrumented+125h
;;   03e7  mov eax,7
;;   03ec  call func[0].instrumented+540h
;;   03f1  jmp func[0].instrumented+133h
;;   03f6  mov eax,8
;;   03fb  call func[0].instrumented+540h
;;   0400  jmp func[0].instrumented+14Bh
;;   0405  mov eax,9
;;   040a  call func[0].instrumented+540h
;;   040f  jmp func[0].instrumented+159h
;;   0414  mov eax,0Ah
;;   0419  call func[0].instrumented+540h
;;   041e  jmp func[0].instrumented+176h
;;   0423  mov eax,0Bh
;;   0428  call func[0].instrumented+540h
;;   042d  jmp func[0].instrumented+192h
;;   0432  mov eax,0Ch
;;   0437  call func[0].instrumented+540h
;;   043c  jmp func[0].instrumented+1AAh
;;   0441  mov eax,0Dh
;;   0446  call func[0].instrumented+540h
;;   044b  jmp func[0].instrumented+1B8h
;;   0450  mov eax,0Eh
;;   0455  call func[0].instrumented+540h
;;   045a  jmp func[0].instrumented+1C6h
;;   045f  mov eax,0Fh
;;   0464  call func[0].instrumented+540h
;;   0469  jmp func[0].instrumented+1DEh
;;   046e  mov eax,10h
;;   0473  call func[0].instrumented+540h
;;   0478  jmp func[0].instrumented+1EFh
;;   047d  mov eax,11h
;;   0482  call func[0].instrumented+540h
;;   0487  jmp func[0].instrumented+1FDh
;;   048c  mov eax,12h
;;   0491  call func[0].instrumented+540h
;;   0496  jmp func[0].instrumented+20Bh
;;   049b  mov eax,13h
;;   04a0  call func[0].instrumented+540h
;;   04a5  jmp func[0].instrumented+224h
;;   04aa  mov eax,14h
;;   04af  call func[0].instrumented+540h
;;   04b4  jmp func[0].instrumented+23Bh
;;   04b9  mov eax,15h
;;   04be  call func[0].instrumented+540h
;;   04c3  jmp func[0].instrumented+249h
;;   04c8  mov eax,16h
;;   04cd  call func[0].instrumented+540h
;;   04d2  jmp func[0].instrumented+257h
;;   04d7  mov eax,17h
;;   04dc  call func[0].instrumented+540h
;;   04e1  jmp func[0].instrumented+265h
;;   04e6  mov eax,18h
;;   04eb  call func[0].instrumented+540h
;;   04f0  jmp func[0].instrumented+292h
;;   04f5  mov eax,19h
;;   04fa  call func[0].instrumented+540h
;;   04ff  jmp func[0].instrumented+2A0h
;;   0504  mov eax,1Ah
;;   0509  call func[0].instrumented+540h
;;   050e  jmp func[0].instrumented+2CEh
;;   0513  mov eax,1Bh
;;   0518  call func[0].instrumented+540h
;;   051d  jmp func[0].instrumented+2E9h
;;   0522  mov eax,1Ch
;;   0527  call func[0].instrumented+540h
;;   052c  jmp func[0].instrumented+2FCh
;;   0531  mov eax,1Dh
;;   0536  call func[0].instrumented+540h
;;   053b  jmp func[0].instrumented+30Ah
;;   0540  sub rsp,8
;;   0544  mov rdx,0
;;   054e  or rax,rdx
;;   0551  push rax
;;   0552  call stubs+549h
;;   0557  add rsp,8
;;   055b  mov r13,[r15+48h]
;;   0562  cmp r13,1
;;   0569  ja func[0].instrumented+576h
;;   056f  lea r13,[stubs+7C1h]
;;   0576  ret
