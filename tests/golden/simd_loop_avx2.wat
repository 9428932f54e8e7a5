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
;;   0004  sub rsp,80h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+15Fh
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
;;   0078  vpbroadcastd xmm0,xmm0
;;   007d  movdqu [rbp-30h],xmm0
;;   0087  nop [rax+rax]
;;   0090  nop [rax+rax]
;;   0099  nop [rax+rax]
;;   00a2  nop [rax+rax]
;;   00ab  nop [rax+rax]
;;   00b4  nop [rax+rax]
;;   00bd  nop [rax]
;;   00c0  movdqu xmm0,[r14+r8]
;;   00ca  vpminsd xmm0,xmm0,[rbp-30h]
;;   00d3  movdqu xmm1,[rbp-20h]
;;   00dc  vpaddd xmm1,xmm1,xmm0
;;   00e1  movdqu [rbp-20h],xmm1
;;   00eb  add r8d,10h
;;   00f2  cmp r8d,r9d
;;   00f5  jb func[0]+0C0h
;;   00fb  movdqu xmm0,[rbp-20h]
;;   0104  movdqu xmm15,[rbp-30h]
;;   010d  vpcmpgtd xmm0,xmm15,xmm0
;;   0112  mov rax,3F8000003F000000h
;;   011c  movq xmm1,rax
;;   0121  mov rax,4080000040000000h
;;   012b  pinsrq xmm1,rax,1
;;   0132  movdqu xmm2,[rbp-20h]
;;   013b  vmulps xmm2,xmm2,xmm1
;;   0140  vpxor xmm0,xmm0,xmm2
;;   0145  mov r9,[rbp-38h]
;;   014c  mov r10,[rbp-40h]
;;   0153  mov r8,[rbp-48h]
;;   015a  mov rsp,rbp
;;   015d  pop rbp
;;   015e  ret
;;   015f  mov rax,rsp
;;   0162  mov rsp,rbp
;;   0165  call stubs+1F1h
;;   016a  mov rsp,rax
;;   016d  test r12,r12
;;   0170  je func[0]+197h
;;   0176  cmp rsp,r12
;;   0179  jae func[0]+14h
;;   017f  bt r12,3Dh
;;   0184  jb func[0]+15Fh
;;   018a  jmp func[0]+18Fh
;;   018f  mov rsp,rbp
;;   0192  call stubs+55h
;;   0197  mov rsp,rbp
;;   019a  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,80h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+168h
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
;;   0078  vpbroadcastd xmm0,xmm0
;;   007d  movdqu [rbp-30h],xmm0
;;   0087  nop [rax+rax]
;;   0090  nop [rax+rax]
;;   0099  nop [rax+rax]
;;   00a2  nop [rax+rax]
;;   00ab  nop [rax+rax]
;;   00b4  nop [rax+rax]
;;   00bd  nop [rax]
;;   00c0  cmp rsp,r12
;;   00c3  jb func[0]+1F1h
;;   00c9  movdqu xmm0,[r14+r8]
;;   00d3  vpminsd xmm0,xmm0,[rbp-30h]
;;   00dc  movdqu xmm1,[rbp-20h]
;;   00e5  vpaddd xmm1,xmm1,xmm0
;;   00ea  movdqu [rbp-20h],xmm1
;;   00f4  add r8d,10h
;;   00fb  cmp r8d,r9d
;;   00fe  jb func[0]+0C0h
;;   0104  movdqu xmm0,[rbp-20h]
;;   010d  movdqu xmm15,[rbp-30h]
;;   0116  vpcmpgtd xmm0,xmm15,xmm0
;;   011b  mov rax,3F8000003F000000h
;;   0125  movq xmm1,rax
;;   012a  mov rax,4080000040000000h
;;   0134  pinsrq xmm1,rax,1
;;   013b  movdqu xmm2,[rbp-20h]
;;   0144  vmulps xmm2,xmm2,xmm1
;;   0149  vpxor xmm0,xmm0,xmm2
;;   014e  mov r9,[rbp-38h]
;;   0155  mov r10,[rbp-40h]
;;   015c  mov r8,[rbp-48h]
;;   0163  mov rsp,rbp
;;   0166  pop rbp
;;   0167  ret
;;   0168  mov rax,r12
;;   016b  bt rax,3Dh
;;   0170  jb func[0]+1C0h
;;   0176  shl rax,2
;;   017a  shr rax,2
;;   017e  cmp rsp,rax
;;   0181  jb func[0]+1DCh
;;   0187  mov rax,[r15+48h]
;;   018e  bt r12,3Eh
;;   0193  jae func[0]+1AFh
;;   0199  shl r12,2
;;   019d  shr r12,2
;;   01a1  test rax,rax
;;   01a4  je func[0]+14h
;;   01aa  bts r12,3Fh
;;   01af  cmp rax,1
;;   01b5  ja func[0]+21Ah
;;   01bb  jmp func[0]+14h
;;   01c0  mov rax,rsp
;;   01c3  mov rsp,rbp
;;   01c6  call stubs+1E6h
;;   01cb  mov rsp,rax
;;   01ce  test r12,r12
;;   01d1  je func[0]+1E4h
;;   01d7  jmp func[0]+168h
;;   01dc  mov rsp,rbp
;;   01df  call stubs+55h
;;   01e4  mov rsp,rbp
;;   01e7  call stubs+87h
;;   01ec  call stubs+87h
;;   01f1  bt r12,3Dh
;;   01f6  jae func[0]+20Ah
;;   01fc  call stubs+1E6h
;;   0201  test r12,r12
;;   0204  je func[0]+1ECh
;;   020a  cmp qword ptr [r15+48h],1
;;   020f  ja func[0]+22Ah
;;   0215  jmp func[0]+0C9h
;;   021a  jmp qword ptr [1000h]
;;   0220  call stubs+546h
;;   0225  jmp func[0]+14h
;;   022a  jmp qword ptr [1008h]
;;   0230  call stubs+546h
;;   0235  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,80h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+316h
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
;;   0094  jne func[0].instrumented+370h
;;   009a  test byte ptr [r13],2
;;   00a2  jne func[0].instrumented+37Fh
;;   00a8  test byte ptr [r13],4
;;   00b0  jne func[0].instrumented+38Eh
;;   00b6  mov ebx,r10d
;;   00b9  movd xmm0,ebx
;;   00be  vpbroadcastd xmm0,xmm0
;;   00c3  test byte ptr [r13],8
;;   00cb  jne func[0].instrumented+39Dh
;;   00d1  movdqu [rbp-30h],xmm0
;;   00db  test byte ptr [r13],10h
;;   00e3  jne func[0].instrumented+3ACh
;;   00e9  bt r12,3Dh
;;   00ee  jb func[0].instrumented+352h
;;   00f4  mov r13,[r15+48h]
;;   00fb  cmp r13,1
;;   0102  jbe func[0]+0C9h
;;   0108  test byte ptr [r13],20h
;;   0110  jne func[0].instrumented+3BBh
;;   0116  test byte ptr [r13],40h
;;   011e  jne func[0].instrumented+3CAh
;;   0124  test byte ptr [r13],80h
;;   012c  jne func[0].instrumented+3D9h
;;   0132  movdqu xmm0,[r14+r8]
;;   013c  test byte ptr [r13+1],1
;;   0144  jne func[0].instrumented+3E8h
;;   014a  test byte ptr [r13+1],2
;;   0152  jne func[0].instrumented+3F7h
;;   0158  vpminsd xmm0,xmm0,[rbp-30h]
;;   0161  test byte ptr [r13+1],4
;;   0169  jne func[0].instrumented+406h
;;   016f  movdqu xmm1,[rbp-20h]
;;   0178  vpaddd xmm1,xmm1,xmm0
;;   017d  test byte ptr [r13+1],8
;;   0185  jne func[0].instrumented+415h
;;   018b  movdqu [rbp-20h],xmm1
;;   0195  test byte ptr [r13+1],10h
;;   019d  jne func[0].instrumented+424h
;;   01a3  test byte ptr [r13+1],20h
;;   01ab  jne func[0].instrumented+433h
;;   01b1  test byte ptr [r13+1],40h
;;   01b9  jne func[0].instrumented+442h
;;   01bf  mov ebx,r8d
;;   01c2  add ebx,10h
;;   01c9  test byte ptr [r13+1],80h
;;   01d1  jne func[0].instrumented+451h
;;   01d7  mov r8d,ebx
;;   01da  test byte ptr [r13+2],1
;;   01e2  jne func[0].instrumented+460h
;;   01e8  test byte ptr [r13+2],2
;;   01f0  jne func[0].instrumented+46Fh
;;   01f6  test byte ptr [r13+2],4
;;   01fe  jne func[0].instrumented+47Eh
;;   0204  cmp r8d,r9d
;;   0207  setb bl
;;   020b  movzx ebx,bl
;;   020f  test byte ptr [r13+2],8
;;   0217  jne func[0].instrumented+48Dh
;;   021d  test ebx,ebx
;;   0220  jne func[0].instrumented+0E9h
;;   0226  test byte ptr [r13+2],10h
;;   022e  jne func[0].instrumented+49Ch
;;   0234  test byte ptr [r13+2],20h
;;   023c  jne func[0].instrumented+4ABh
;;   0242  test byte ptr [r13+2],40h
;;   024a  jne func[0].instrumented+4BAh
;;   0250  test byte ptr [r13+2],80h
;;   0258  jne func[0].instrumented+4C9h
;;   025e  movdqu xmm0,[rbp-20h]
;;   0267  movdqu xmm15,[rbp-30h]
;;   0270  vpcmpgtd xmm0,xmm15,xmm0
;;   0275  test byte ptr [r13+3],1
;;   027d  jne func[0].instrumented+4D8h
;;   0283  test byte ptr [r13+3],2
;;   028b  jne func[0].instrumented+4E7h
;;   0291  mov rax,3F8000003F000000h
;;   029b  movq xmm1,rax
;;   02a0  mov rax,4080000040000000h
;;   02aa  pinsrq xmm1,rax,1
;;   02b1  test byte ptr [r13+3],4
;;   02b9  jne func[0].instrumented+4F6h
;;   02bf  movdqu xmm2,[rbp-20h]
;;   02c8  vmulps xmm2,xmm2,xmm1
;;   02cd  test byte ptr [r13+3],8
;;   02d5  jne func[0].instrumented+505h
;;   02db  vpxor xmm0,xmm0,xmm2
;;   02e0  test byte ptr [r13+3],10h
;;   02e8  jne func[0].instrumented+514h
;;   02ee  test byte ptr [r13+3],20h
;;   02f6  jne func[0].instrumented+523h
;;   02fc  mov r9,[rbp-38h]
;;   0303  mov r10,[rbp-40h]
;;   030a  mov r8,[rbp-48h]
;;   0311  mov rsp,rbp
;;   0314  pop rbp
;;   0315  ret
;;   0316  bt r12,3Dh
;;   031b  jae func[0].instrumented+33Dh
;;   0321  mov rax,rsp
;;   0324  mov rsp,rbp
;;   0327  call stubs+1E7h
;;   032c  mov rsp,rax
;;   032f  test r12,r12
;;   0332  je func[0].instrumented+345h
;;   0338  jmp func[0].instrumented+0Bh
;;   033d  mov rsp,rbp
;;   0340  call stubs+55h
;;   0345  mov rsp,rbp
;;   0348  call stubs+87h
;;   034d  call stubs+87h
;;   0352  bt r12,3Dh
;;   0357  jae func[0].instrumented+36Bh
;;   035d  call stubs+1E7h
;;   0362  test r12,r12
;;   0365  je func[0].instrumented+34Dh
;;   036b  jmp func[0].instrumented+0E9h
;;   0370  mov eax,0
;;   0375  call func[0].instrumented+532h
;;   037a  jmp func[0].instrumented+9Ah
;;   037f  mov eax,1
;;   0384  call func[0].instrumented+532h
;;   0389  jmp func[0].instrumented+0A8h
;;   038e  mov eax,2
;;   0393  call func[0].instrumented+532h
;;   0398  jmp func[0].instrumented+0B6h
;;   039d  mov eax,3
;;   03a2  call func[0].instrumented+532h
;;   03a7  jmp func[0].instrumented+0D1h
;;   03ac  mov eax,4
;;   03b1  call func[0].instrumented+532h
;;   03b6  jmp func[0].instrumented+0E9h
;;   03bb  mov eax,5
;;   03c0  call func[0].instrumented+532h
;;   03c5  jmp func[0].instrumented+116h
;;   03ca  mov eax,6
;;   03cf  call func[0].instrumented+532h
;;   03d4  jmp func[0].instrumented+124h
;;   03d9  mov eax,7
;;   03de  call func[0].instrumented+532h
;;   03e3  jmp func[0].instrumented+132h
;;   03e8  mov eax,8
;;   03ed  call func[0].instrumented+532h
;;   03f2  jmp func[0].instrumented+14Ah
;;   03f7  mov eax,9
;;   03fc  call func[0].instrumented+532h
;;   0401  jmp func[0].instrumented+158h
;;   0406  mov eax,0Ah
;;   040b  call func[0].instrumented+532h
;;   0410  jmp func[0].instrumented+16Fh
;;   0415  mov eax,0Bh
;;   041a  call func[0].instrumented+532h
;;   041f  jmp func[0].instrumented+18Bh
;;   0424  mov eax,0Ch
;;   0429  call func[0].instrumented+532h
;;   042e  jmp func[0].instrumented+1A3h
;;   0433  mov eax,0Dh
;;   0438  call func[0].instrumented+532h
;;   043d  jmp func[0].instrumented+1B1h
;;   0442  mov eax,0Eh
;;   0447  call func[0].instrumented+532h
;;   044c  jmp func[0].instrumented+1BFh
;;   0451  mov eax,0Fh
;;   0456  call func[0].instrumented+532h
;;   045b  jmp func[0].instrumented+1D7h
;;   0460  mov eax,10h
;;   0465  call func[0].instrumented+532h
;;   046a  jmp func[0].instrumented+1E8h
;;   046f  mov eax,11h
;;   0474  call func[0].instrumented+532h
;;   0479  jmp func[0].instrumented+1F6h
;;   047e  mov eax,12h
;;   0483  call func[0].instrumented+532h
;;   0488  jmp func[0].instrumented+204h
;;   048d  mov eax,13h
;;   0492  call func[0].instrumented+532h
;;   0497  jmp func[0].instrumented+21Dh
;;   049c  mov eax,14h
;;   04a1  call func[0].instrumented+532h
;;   04a6  jmp func[0].instrumented+234h
;;   04ab  mov eax,15h
;;   04b0  call func[0].instrumented+532h
;;   04b5  jmp func[0].instrumented+242h
;;   04ba  mov eax,16h
;;   04bf  call func[0].instrumented+532h
;;   04c4  jmp func[0].instrumented+250h
;;   04c9  mov eax,17h
;;   04ce  call func[0].instrumented+532h
;;   04d3  jmp func[0].instrumented+25Eh
;;   04d8  mov eax,18h
;;   04dd  call func[0].instrumented+532h
;;   04e2  jmp func[0].instrumented+283h
;;   04e7  mov eax,19h
;;   04ec  call func[0].instrumented+532h
;;   04f1  jmp func[0].instrumented+291h
;;   04f6  mov eax,1Ah
;;   04fb  call func[0].instrumented+532h
;;   0500  jmp func[0].instrumented+2BFh
;;   0505  mov eax,1Bh
;;   050a  call func[0].instrumented+532h
;;   050f  jmp func[0].instrumented+2DBh
;;   0514  mov eax,1Ch
;;   0519  call func[0].instrumented+532h
;;   051e  jmp func[0].instrumented+2EEh
;;   0523  mov eax,1Dh
;;   0528  call func[0].instrumented+532h
;;   052d  jmp func[0].instrumented+2FCh
;;   0532  sub rsp,8
;;   0536  mov rdx,0
;;   0540  or rax,rdx
;;   0543  push rax
;;   0544  call stubs+547h
;;   0549  add rsp,8
;;   054d  mov r13,[r15+48h]
;;   0554  cmp r13,1
;;   055b  ja func[0].instrumented+568h
;;   0561  lea r13,[stubs+7BFh]
;;   0568  ret
