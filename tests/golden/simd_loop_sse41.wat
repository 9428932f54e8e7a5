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
;;   00fe  movdqu xmm1,[6F0h]
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
;;   0146  call stubs+210h
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
;;   00fe  movdqu xmm1,[9E0h]
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
;;   0140  mov rax,r12
;;   0143  bt rax,3Dh
;;   0148  jb func[0]+198h
;;   014e  shl rax,2
;;   0152  shr rax,2
;;   0156  cmp rsp,rax
;;   0159  jb func[0]+1B4h
;;   015f  mov rax,[r15+48h]
;;   0166  bt r12,3Eh
;;   016b  jae func[0]+187h
;;   0171  shl r12,2
;;   0175  shr r12,2
;;   0179  test rax,rax
;;   017c  je func[0]+14h
;;   0182  bts r12,3Fh
;;   0187  cmp rax,1
;;   018d  ja func[0]+1F2h
;;   0193  jmp func[0]+14h
;;   0198  mov rax,rsp
;;   019b  mov rsp,rbp
;;   019e  call stubs+20Eh
;;   01a3  mov rsp,rax
;;   01a6  test r12,r12
;;   01a9  je func[0]+1BCh
;;   01af  jmp func[0]+140h
;;   01b4  mov rsp,rbp
;;   01b7  call stubs+55h
;;   01bc  mov rsp,rbp
;;   01bf  call stubs+87h
;;   01c4  call stubs+87h
;;   01c9  bt r12,3Dh
;;   01ce  jae func[0]+1E2h
;;   01d4  call stubs+20Eh
;;   01d9  test r12,r12
;;   01dc  je func[0]+1C4h
;;   01e2  cmp qword ptr [r15+48h],1
;;   01e7  ja func[0]+202h
;;   01ed  jmp func[0]+0C0h
;;   01f2  jmp qword ptr [1000h]
;;   01f8  call stubs+56Eh
;;   01fd  jmp func[0]+14h
;;   0202  jmp qword ptr [1008h]
;;   0208  call stubs+56Eh
;;   020d  jmp func[0]+0C0h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+323h
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
;;   00b0  jne func[0].instrumented+37Dh
;;   00b6  test byte ptr [r13],2
;;   00be  jne func[0].instrumented+38Ch
;;   00c4  test byte ptr [r13],4
;;   00cc  jne func[0].instrumented+39Bh
;;   00d2  mov ebx,r10d
;;   00d5  movd xmm0,ebx
;;   00da  pshufd xmm0,xmm0,0
;;   00e0  test byte ptr [r13],8
;;   00e8  jne func[0].instrumented+3AAh
;;   00ee  movaps xmm7,xmm0
;;   00f2  test byte ptr [r13],10h
;;   00fa  jne func[0].instrumented+3B9h
;;   0100  bt r12,3Dh
;;   0105  jb func[0].instrumented+35Fh
;;   010b  mov r13,[r15+48h]
;;   0112  cmp r13,1
;;   0119  jbe func[0]+0C0h
;;   011f  test byte ptr [r13],20h
;;   0127  jne func[0].instrumented+3C8h
;;   012d  test byte ptr [r13],40h
;;   0135  jne func[0].instrumented+3D7h
;;   013b  test byte ptr [r13],80h
;;   0143  jne func[0].instrumented+3E6h
;;   0149  lea rax,[r8+10h]
;;   0151  cmp rax,[r15+50h]
;;   0158  ja func[0].instrumented+576h
;;   015e  movdqu xmm0,[r14+r8]
;;   0168  test byte ptr [r13+1],1
;;   0170  jne func[0].instrumented+3F5h
;;   0176  test byte ptr [r13+1],2
;;   017e  jne func[0].instrumented+404h
;;   0184  pminsd xmm0,xmm7
;;   018a  test byte ptr [r13+1],4
;;   0192  jne func[0].instrumented+413h
;;   0198  movaps xmm1,xmm6
;;   019c  paddd xmm1,xmm0
;;   01a1  test byte ptr [r13+1],8
;;   01a9  jne func[0].instrumented+422h
;;   01af  movaps xmm6,xmm1
;;   01b3  test byte ptr [r13+1],10h
;;   01bb  jne func[0].instrumented+431h
;;   01c1  test byte ptr [r13+1],20h
;;   01c9  jne func[0].instrumented+440h
;;   01cf  test byte ptr [r13+1],40h
;;   01d7  jne func[0].instrumented+44Fh
;;   01dd  mov ebx,r8d
;;   01e0  add ebx,10h
;;   01e7  test byte ptr [r13+1],80h
;;   01ef  jne func[0].instrumented+45Eh
;;   01f5  mov r8d,ebx
;;   01f8  test byte ptr [r13+2],1
;;   0200  jne func[0].instrumented+46Dh
;;   0206  test byte ptr [r13+2],2
;;   020e  jne func[0].instrumented+47Ch
;;   0214  test byte ptr [r13+2],4
;;   021c  jne func[0].instrumented+48Bh
;;   0222  cmp r8d,r9d
;;   0225  setb bl
;;   0229  movzx ebx,bl
;;   022d  test byte ptr [r13+2],8
;;   0235  jne func[0].instrumented+49Ah
;;   023b  test ebx,ebx
;;   023e  jne func[0].instrumented+100h
;;   0244  test byte ptr [r13+2],10h
;;   024c  jne func[0].instrumented+4A9h
;;   0252  test byte ptr [r13+2],20h
;;   025a  jne func[0].instrumented+4B8h
;;   0260  test byte ptr [r13+2],40h
;;   0268  jne func[0].instrumented+4C7h
;;   026e  test byte ptr [r13+2],80h
;;   0276  jne func[0].instrumented+4D6h
;;   027c  movaps xmm0,xmm6
;;   0280  movaps xmm14,xmm7
;;   0284  pcmpgtd xmm14,xmm0
;;   0289  movaps xmm0,xmm14
;;   028d  test byte ptr [r13+3],1
;;   0295  jne func[0].instrumented+4E5h
;;   029b  test byte ptr [r13+3],2
;;   02a3  jne func[0].instrumented+4F4h
;;   02a9  movdqu xmm1,[stubs+7EFh]
;;   02b2  test byte ptr [r13+3],4
;;   02ba  jne func[0].instrumented+503h
;;   02c0  movaps xmm2,xmm6
;;   02c4  mulps xmm2,xmm1
;;   02c8  test byte ptr [r13+3],8
;;   02d0  jne func[0].instrumented+512h
;;   02d6  pxor xmm0,xmm2
;;   02db  test byte ptr [r13+3],10h
;;   02e3  jne func[0].instrumented+521h
;;   02e9  test byte ptr [r13+3],20h
;;   02f1  jne func[0].instrumented+530h
;;   02f7  mov r9,[rbp-38h]
;;   02fe  mov r10,[rbp-40h]
;;   0305  mov r8,[rbp-48h]
;;   030c  movdqu xmm6,[rbp-58h]
;;   0315  movdqu xmm7,[rbp-68h]
;;   031e  mov rsp,rbp
;;   0321  pop rbp
;;   0322  ret
;;   0323  bt r12,3Dh
;;   0328  jae func[0].instrumented+34Ah
;;   032e  mov rax,rsp
;;   0331  mov rsp,rbp
;;   0334  call stubs+20Fh
;;   0339  mov rsp,rax
;;   033c  test r12,r12
;;   033f  je func[0].instrumented+352h
;;   0345  jmp func[0].instrumented+0Bh
;;   034a  mov rsp,rbp
;;   034d  call stubs+55h
;;   0352  mov rsp,rbp
;;   0355  call stubs+87h
;;   035a  call stubs+87h
;;   035f  bt r12,3Dh
;;   0364  jae func[0].instrumented+378h
;;   036a  call stubs+20Fh
;;   036f  test r12,r12
;;   0372  je func[0].instrumented+35Ah
;;   0378  jmp func[0].instrumented+100h
;;   037d  mov eax,0
;;   0382  call func[0].instrumented+53Fh
;;   0387  jmp func[0].instrumented+0B6h
;;   038c  mov eax,1
;;   0391  call func[0].instrumented+53Fh
;;   0396  jmp func[0].instrumented+0C4h
;;   039b  mov eax,2
;;   03a0  call func[0].instrumented+53Fh
;;   03a5  jmp func[0].instrumented+0D2h
;;   03aa  mov eax,3
;;   03af  call func[0].instrumented+53Fh
;;   03b4  jmp func[0].instrumented+0EEh
;;   03b9  mov eax,4
;;   03be  call func[0].instrumented+53Fh
;;   03c3  jmp func[0].instrumented+100h
;;   03c8  mov eax,5
;;   03cd  call func[0].instrumented+53Fh
;;   03d2  jmp func[0].instrumented+12Dh
;;   03d7  mov eax,6
;;   03dc  call func[0].instrumented+53Fh
;;   03e1  jmp func[0].instrumented+13Bh
;;   03e6  mov eax,7
;;   03eb  call func[0].instrumented+53Fh
;;   03f0  jmp func[0].instrumented+149h
;;   03f5  mov eax,8
;;   03fa  call func[0].instrumented+53Fh
;;   03ff  jmp func[0].instrumented+176h
;;   0404  mov eax,9
;;   0409  call func[0].instrumented+53Fh
;;   040e  jmp func[0].instrumented+184h
;;   0413  mov eax,0Ah
;;   0418  call func[0].instrumented+53Fh
;;   041d  jmp func[0].instrumented+198h
;;   0422  mov eax,0Bh
;;   0427  call func[0].instrumented+53Fh
;;   042c  jmp func[0].instrumented+1AFh
;;   0431  mov eax,0Ch
;;   0436  call func[0].instrumented+53Fh
;;   043b  jmp func[0].instrumented+1C1h
;;   0440  mov eax,0Dh
;;   0445  call func[0].instrumented+53Fh
;;   044a  jmp func[0].instrumented+1CFh
;;   044f  mov eax,0Eh
;;   0454  call func[0].instrumented+53Fh
;;   0459  jmp func[0].instrumented+1DDh
;;   045e  mov eax,0Fh
;;   0463  call func[0].instrumented+53Fh
;;   0468  jmp func[0].instrumented+1F5h
;;   046d  mov eax,10h
;;   0472  call func[0].instrumented+53Fh
;;   0477  jmp func[0].instrumented+206h
;;   047c  mov eax,11h
;;   0481  call func[0].instrumented+53Fh
;;   0486  jmp func[0].instrumented+214h
;;   048b  mov eax,12h
;;   0490  call func[0].instrumented+53Fh
;;   0495  jmp func[0].instrumented+222h
;;   049a  mov eax,13h
;;   049f  call func[0].instrumented+53Fh
;;   04a4  jmp func[0].instrumented+23Bh
;;   04a9  mov eax,14h
;;   04ae  call func[0].instrumented+53Fh
;;   04b3  jmp func[0].instrumented+252h
;;   04b8  mov eax,15h
;;   04bd  call func[0].instrumented+53Fh
;;   04c2  jmp func[0].instrumented+260h
;;   04c7  mov eax,16h
;;   04cc  call func[0].instrumented+53Fh
;;   04d1  jmp func[0].instrumented+26Eh
;;   04d6  mov eax,17h
;;   04db  call func[0].instrumented+53Fh
;;   04e0  jmp func[0].instrumented+27Ch
;;   04e5  mov eax,18h
;;   04ea  call func[0].instrumented+53Fh
;;   04ef  jmp func[0].instrumented+29Bh
;;   04f4  mov eax,19h
;;   04f9  call func[0].instrumented+53Fh
;;   04fe  jmp func[0].instrumented+2A9h
;;   0503  mov eax,1Ah
;;   0508  call func[0].instrumented+53Fh
;;   050d  jmp func[0].instrumented+2C0h
;;   0512  mov eax,1Bh
;;   0517  call func[0].instrumented+53Fh
;;   051c  jmp func[0].instrumented+2D6h
;;   0521  mov eax,1Ch
;;   0526  call func[0].instrumented+53Fh
;;   052b  jmp func[0].instrumented+2E9h
;;   0530  mov eax,1Dh
;;   0535  call func[0].instrumented+53Fh
;;   053a  jmp func[0].instrumented+2F7h
;;   053f  sub rsp,8
;;   0543  mov rdx,0
;;   054d  or rax,rdx
;;   0550  push rax
;;   0551  call stubs+56Fh
;;   0556  add rsp,8
;;   055a  mov r13,[r15+48h]
;;   0561  cmp r13,1
;;   0568  ja func[0].instrumented+575h
;;   056e  lea r13,[stubs+7E7h]
;;   0575  ret
;;   0576  sub rax,10h
;;   057c  cmp rax,[r15+58h]
;;   0583  jae func[0].instrumented+15Eh
;;   0589  sub rsp,8
;;   058d  mov dword ptr [rsp],0
;;   0594  mov dword ptr [rsp+4],80000010h
;;   059c  call stubs+56Fh
;;   05a1  mov r13,[r15+48h]
;;   05a8  cmp r13,1
;;   05af  ja func[0].instrumented+5BCh
;;   05b5  lea r13,[stubs+7E7h]
;;   05bc  jmp func[0].instrumented+15Eh
