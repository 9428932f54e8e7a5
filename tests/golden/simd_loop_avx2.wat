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
;;   00f1  movdqu xmm1,[6E0h]
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
;;   0136  call stubs+210h
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
;;   00f1  movdqu xmm1,[9D0h]
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
;;   0130  mov rax,r12
;;   0133  bt rax,3Dh
;;   0138  jb func[0]+188h
;;   013e  shl rax,2
;;   0142  shr rax,2
;;   0146  cmp rsp,rax
;;   0149  jb func[0]+1A4h
;;   014f  mov rax,[r15+48h]
;;   0156  bt r12,3Eh
;;   015b  jae func[0]+177h
;;   0161  shl r12,2
;;   0165  shr r12,2
;;   0169  test rax,rax
;;   016c  je func[0]+14h
;;   0172  bts r12,3Fh
;;   0177  cmp rax,1
;;   017d  ja func[0]+1E2h
;;   0183  jmp func[0]+14h
;;   0188  mov rax,rsp
;;   018b  mov rsp,rbp
;;   018e  call stubs+20Eh
;;   0193  mov rsp,rax
;;   0196  test r12,r12
;;   0199  je func[0]+1ACh
;;   019f  jmp func[0]+130h
;;   01a4  mov rsp,rbp
;;   01a7  call stubs+55h
;;   01ac  mov rsp,rbp
;;   01af  call stubs+87h
;;   01b4  call stubs+87h
;;   01b9  bt r12,3Dh
;;   01be  jae func[0]+1D2h
;;   01c4  call stubs+20Eh
;;   01c9  test r12,r12
;;   01cc  je func[0]+1B4h
;;   01d2  cmp qword ptr [r15+48h],1
;;   01d7  ja func[0]+1F2h
;;   01dd  jmp func[0]+0C0h
;;   01e2  jmp qword ptr [1000h]
;;   01e8  call stubs+56Eh
;;   01ed  jmp func[0]+14h
;;   01f2  jmp qword ptr [1008h]
;;   01f8  call stubs+56Eh
;;   01fd  jmp func[0]+0C0h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,0A0h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+312h
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
;;   00b0  jne func[0].instrumented+36Ch
;;   00b6  test byte ptr [r13],2
;;   00be  jne func[0].instrumented+37Bh
;;   00c4  test byte ptr [r13],4
;;   00cc  jne func[0].instrumented+38Ah
;;   00d2  mov ebx,r10d
;;   00d5  movd xmm0,ebx
;;   00da  vpbroadcastd xmm0,xmm0
;;   00df  test byte ptr [r13],8
;;   00e7  jne func[0].instrumented+399h
;;   00ed  movaps xmm7,xmm0
;;   00f1  test byte ptr [r13],10h
;;   00f9  jne func[0].instrumented+3A8h
;;   00ff  bt r12,3Dh
;;   0104  jb func[0].instrumented+34Eh
;;   010a  mov r13,[r15+48h]
;;   0111  cmp r13,1
;;   0118  jbe func[0]+0C0h
;;   011e  test byte ptr [r13],20h
;;   0126  jne func[0].instrumented+3B7h
;;   012c  test byte ptr [r13],40h
;;   0134  jne func[0].instrumented+3C6h
;;   013a  test byte ptr [r13],80h
;;   0142  jne func[0].instrumented+3D5h
;;   0148  lea rax,[r8+10h]
;;   0150  cmp rax,[r15+50h]
;;   0157  ja func[0].instrumented+565h
;;   015d  movdqu xmm0,[r14+r8]
;;   0167  test byte ptr [r13+1],1
;;   016f  jne func[0].instrumented+3E4h
;;   0175  test byte ptr [r13+1],2
;;   017d  jne func[0].instrumented+3F3h
;;   0183  vpminsd xmm0,xmm0,xmm7
;;   0188  test byte ptr [r13+1],4
;;   0190  jne func[0].instrumented+402h
;;   0196  vpaddd xmm1,xmm6,xmm0
;;   019b  test byte ptr [r13+1],8
;;   01a3  jne func[0].instrumented+411h
;;   01a9  movaps xmm6,xmm1
;;   01ad  test byte ptr [r13+1],10h
;;   01b5  jne func[0].instrumented+420h
;;   01bb  test byte ptr [r13+1],20h
;;   01c3  jne func[0].instrumented+42Fh
;;   01c9  test byte ptr [r13+1],40h
;;   01d1  jne func[0].instrumented+43Eh
;;   01d7  mov ebx,r8d
;;   01da  add ebx,10h
;;   01e1  test byte ptr [r13+1],80h
;;   01e9  jne func[0].instrumented+44Dh
;;   01ef  mov r8d,ebx
;;   01f2  test byte ptr [r13+2],1
;;   01fa  jne func[0].instrumented+45Ch
;;   0200  test byte ptr [r13+2],2
;;   0208  jne func[0].instrumented+46Bh
;;   020e  test byte ptr [r13+2],4
;;   0216  jne func[0].instrumented+47Ah
;;   021c  cmp r8d,r9d
;;   021f  setb bl
;;   0223  movzx ebx,bl
;;   0227  test byte ptr [r13+2],8
;;   022f  jne func[0].instrumented+489h
;;   0235  test ebx,ebx
;;   0238  jne func[0].instrumented+0FFh
;;   023e  test byte ptr [r13+2],10h
;;   0246  jne func[0].instrumented+498h
;;   024c  test byte ptr [r13+2],20h
;;   0254  jne func[0].instrumented+4A7h
;;   025a  test byte ptr [r13+2],40h
;;   0262  jne func[0].instrumented+4B6h
;;   0268  test byte ptr [r13+2],80h
;;   0270  jne func[0].instrumented+4C5h
;;   0276  movaps xmm0,xmm6
;;   027a  vpcmpgtd xmm0,xmm7,xmm0
;;   027f  test byte ptr [r13+3],1
;;   0287  jne func[0].instrumented+4D4h
;;   028d  test byte ptr [r13+3],2
;;   0295  jne func[0].instrumented+4E3h
;;   029b  movdqu xmm1,[stubs+7F0h]
;;   02a4  test byte ptr [r13+3],4
;;   02ac  jne func[0].instrumented+4F2h
;;   02b2  vmulps xmm2,xmm6,xmm1
;;   02b7  test byte ptr [r13+3],8
;;   02bf  jne func[0].instrumented+501h
;;   02c5  vpxor xmm0,xmm0,xmm2
;;   02ca  test byte ptr [r13+3],10h
;;   02d2  jne func[0].instrumented+510h
;;   02d8  test byte ptr [r13+3],20h
;;   02e0  jne func[0].instrumented+51Fh
;;   02e6  mov r9,[rbp-38h]
;;   02ed  mov r10,[rbp-40h]
;;   02f4  mov r8,[rbp-48h]
;;   02fb  movdqu xmm6,[rbp-58h]
;;   0304  movdqu xmm7,[rbp-68h]
;;   030d  mov rsp,rbp
;;   0310  pop rbp
;;   0311  ret
;;   0312  bt r12,3Dh
;;   0317  jae func[0].instrumented+339h
;;   031d  mov rax,rsp
;;   0320  mov rsp,rbp
;;   0323  call stubs+210h
;;   0328  mov rsp,rax
;;   032b  test r12,r12
;;   032e  je func[0].instrumented+341h
;;   0334  jmp func[0].instrumented+0Bh
;;   0339  mov rsp,rbp
;;   033c  call stubs+55h
;;   0341  mov rsp,rbp
;;   0344  call stubs+87h
;;   0349  call stubs+87h
;;   034e  bt r12,3Dh
;;   0353  jae func[0].instrumented+367h
;;   0359  call stubs+210h
;;   035e  test r12,r12
;;   0361  je func[0].instrumented+349h
;;   0367  jmp func[0].instrumented+0FFh
;;   036c  mov eax,0
;;   0371  call func[0].instrumented+52Eh
;;   0376  jmp func[0].instrumented+0B6h
;;   037b  mov eax,1
;;   0380  call func[0].instrumented+52Eh
;;   0385  jmp func[0].instrumented+0C4h
;;   038a  mov eax,2
;;   038f  call func[0].instrumented+52Eh
;;   0394  jmp func[0].instrumented+0D2h
;;   0399  mov eax,3
;;   039e  call func[0].instrumented+52Eh
;;   03a3  jmp func[0].instrumented+0EDh
;;   03a8  mov eax,4
;;   03ad  call func[0].instrumented+52Eh
;;   03b2  jmp func[0].instrumented+0FFh
;;   03b7  mov eax,5
;;   03bc  call func[0].instrumented+52Eh
;;   03c1  jmp func[0].instrumented+12Ch
;;   03c6  mov eax,6
;;   03cb  call func[0].instrumented+52Eh
;;   03d0  jmp func[0].instrumented+13Ah
;;   03d5  mov eax,7
;;   03da  call func[0].instrumented+52Eh
;;   03df  jmp func[0].instrumented+148h
;;   03e4  mov eax,8
;;   03e9  call func[0].instrumented+52Eh
;;   03ee  jmp func[0].instrumented+175h
;;   03f3  mov eax,9
;;   03f8  call func[0].instrumented+52Eh
;;   03fd  jmp func[0].instrumented+183h
;;   0402  mov eax,0Ah
;;   0407  call func[0].instrumented+52Eh
;;   040c  jmp func[0].instrumented+196h
;;   0411  mov eax,0Bh
;;   0416  call func[0].instrumented+52Eh
;;   041b  jmp func[0].instrumented+1A9h
;;   0420  mov eax,0Ch
;;   0425  call func[0].instrumented+52Eh
;;   042a  jmp func[0].instrumented+1BBh
;;   042f  mov eax,0Dh
;;   0434  call func[0].instrumented+52Eh
;;   0439  jmp func[0].instrumented+1C9h
;;   043e  mov eax,0Eh
;;   0443  call func[0].instrumented+52Eh
;;   0448  jmp func[0].instrumented+1D7h
;;   044d  mov eax,0Fh
;;   0452  call func[0].instrumented+52Eh
;;   0457  jmp func[0].instrumented+1EFh
;;   045c  mov eax,10h
;;   0461  call func[0].instrumented+52Eh
;;   0466  jmp func[0].instrumented+200h
;;   046b  mov eax,11h
;;   0470  call func[0].instrumented+52Eh
;;   0475  jmp func[0].instrumented+20Eh
;;   047a  mov eax,12h
;;   047f  call func[0].instrumented+52Eh
;;   0484  jmp func[0].instrumented+21Ch
;;   0489  mov eax,13h
;;   048e  call func[0].instrumented+52Eh
;;   0493  jmp func[0].instrumented+235h
;;   0498  mov eax,14h
;;   049d  call func[0].instrumented+52Eh
;;   04a2  jmp func[0].instrumented+24Ch
;;   04a7  mov eax,15h
;;   04ac  call func[0].instrumented+52Eh
;;   04b1  jmp func[0].instrumented+25Ah
;;   04b6  mov eax,16h
;;   04bb  call func[0].instrumented+52Eh
;;   04c0  jmp func[0].instrumented+268h
;;   04c5  mov eax,17h
;;   04ca  call func[0].instrumented+52Eh
;;   04cf  jmp func[0].instrumented+276h
;;   04d4  mov eax,18h
;;   04d9  call func[0].instrumented+52Eh
;;   04de  jmp func[0].instrumented+28Dh
;;   04e3  mov eax,19h
;;   04e8  call func[0].instrumented+52Eh
;;   04ed  jmp func[0].instrumented+29Bh
;;   04f2  mov eax,1Ah
;;   04f7  call func[0].instrumented+52Eh
;;   04fc  jmp func[0].instrumented+2B2h
;;   0501  mov eax,1Bh
;;   0506  call func[0].instrumented+52Eh
;;   050b  jmp func[0].instrumented+2C5h
;;   0510  mov eax,1Ch
;;   0515  call func[0].instrumented+52Eh
;;   051a  jmp func[0].instrumented+2D8h
;;   051f  mov eax,1Dh
;;   0524  call func[0].instrumented+52Eh
;;   0529  jmp func[0].instrumented+2E6h
;;   052e  sub rsp,8
;;   0532  mov rdx,0
;;   053c  or rax,rdx
;;   053f  push rax
;;   0540  call stubs+570h
;;   0545  add rsp,8
;;   0549  mov r13,[r15+48h]
;;   0550  cmp r13,1
;;   0557  ja func[0].instrumented+564h
;;   055d  lea r13,[stubs+7E8h]
;;   0564  ret
;;   0565  sub rax,10h
;;   056b  cmp rax,[r15+58h]
;;   0572  jae func[0].instrumented+15Dh
;;   0578  sub rsp,8
;;   057c  mov dword ptr [rsp],0
;;   0583  mov dword ptr [rsp+4],80000010h
;;   058b  call stubs+570h
;;   0590  mov r13,[r15+48h]
;;   0597  cmp r13,1
;;   059e  ja func[0].instrumented+5ABh
;;   05a4  lea r13,[stubs+7E8h]
;;   05ab  jmp func[0].instrumented+15Dh
