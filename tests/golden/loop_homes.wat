;; A loop that cannot leave wasm code keeps its two most used unpinned integer locals
;; ($e and $n; $a-$d are pinned in r8-r11 for the whole function) in r13 and rdi while it
;; runs ("DESIGN: loop homes"): loaded before the head, written back where the loop is
;; left (the fall-through end). In the debuggable module's plain version the head's
;; out-of-line slow path writes them back first, and the point the instrumented version
;; comes back to reloads them and jumps to the head.
(module
  (func (export "mix") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e i32)
    (loop $l
      (local.set $a (i32.add (local.get $a) (local.get $b)))
      (local.set $b (i32.xor (local.get $b) (local.get $a)))
      (local.set $c (i32.add (local.get $c) (local.get $a)))
      (local.set $d (i32.xor (local.get $d) (local.get $b)))
      (local.set $a (i32.add (local.get $a) (local.get $c)))
      (local.set $b (i32.xor (local.get $b) (local.get $d)))
      (local.set $c (i32.add (local.get $c) (local.get $d)))
      (local.set $d (i32.rotl (local.get $d) (i32.const 7)))
      (local.set $e (i32.add (local.get $e) (local.get $d)))
      (local.set $e (i32.xor (local.get $e) (local.get $n)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.add (local.get $a) (local.get $e))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+131h
;;   0014  mov [rbp-38h],r9
;;   001b  mov [rbp-40h],r10
;;   0022  mov [rbp-48h],r11
;;   0029  mov [rbp-50h],r8
;;   0030  mov r9d,0
;;   0036  mov r10d,0
;;   003c  mov r11d,0
;;   0042  mov r8d,0
;;   0048  mov qword ptr [rbp-10h],0
;;   0053  mov qword ptr [rbp-18h],0
;;   005e  mov qword ptr [rbp-20h],0
;;   0069  mov qword ptr [rbp-28h],0
;;   0074  mov qword ptr [rbp-30h],0
;;   007f  mov r13d,[rbp-30h]
;;   0086  mov edi,[rbp+10h]
;;   008d  nop [rax+rax]
;;   0096  nop [rax+rax]
;;   009f  nop [rax+rax]
;;   00a8  nop [rax+rax]
;;   00b1  nop [rax+rax]
;;   00ba  nop [rax+rax]
;;   00c0  add r9d,r10d
;;   00c3  xor r10d,r9d
;;   00c6  add r11d,r9d
;;   00c9  xor r8d,r10d
;;   00cc  add r9d,r11d
;;   00cf  xor r10d,r8d
;;   00d2  add r11d,r8d
;;   00d5  mov ebx,r8d
;;   00d8  rol ebx,7
;;   00dc  mov r8d,ebx
;;   00df  add r13d,r8d
;;   00e2  xor r13d,edi
;;   00e5  sub edi,1
;;   00ec  test edi,edi
;;   00ef  jne func[0]+0C0h
;;   00f5  mov [rbp-30h],r13d
;;   00fc  mov [rbp+10h],edi
;;   0103  mov ebx,r9d
;;   0106  add ebx,[rbp-30h]
;;   010d  mov eax,ebx
;;   0110  mov r9,[rbp-38h]
;;   0117  mov r10,[rbp-40h]
;;   011e  mov r11,[rbp-48h]
;;   0125  mov r8,[rbp-50h]
;;   012c  mov rsp,rbp
;;   012f  pop rbp
;;   0130  ret
;;   0131  mov rax,rsp
;;   0134  mov rsp,rbp
;;   0137  call stubs+20Fh
;;   013c  mov rsp,rax
;;   013f  test r12,r12
;;   0142  je func[0]+169h
;;   0148  cmp rsp,r12
;;   014b  jae func[0]+14h
;;   0151  bt r12,3Dh
;;   0156  jb func[0]+131h
;;   015c  jmp func[0]+161h
;;   0161  mov rsp,rbp
;;   0164  call stubs+55h
;;   0169  mov rsp,rbp
;;   016c  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+131h
;;   0014  mov [rbp-38h],r9
;;   001b  mov [rbp-40h],r10
;;   0022  mov [rbp-48h],r11
;;   0029  mov [rbp-50h],r8
;;   0030  mov r9d,0
;;   0036  mov r10d,0
;;   003c  mov r11d,0
;;   0042  mov r8d,0
;;   0048  mov qword ptr [rbp-10h],0
;;   0053  mov qword ptr [rbp-18h],0
;;   005e  mov qword ptr [rbp-20h],0
;;   0069  mov qword ptr [rbp-28h],0
;;   0074  mov qword ptr [rbp-30h],0
;;   007f  mov r13d,[rbp-30h]
;;   0086  mov edi,[rbp+10h]
;;   008d  nop [rax+rax]
;;   0096  nop [rax+rax]
;;   009f  nop [rax+rax]
;;   00a8  nop [rax+rax]
;;   00b1  nop [rax+rax]
;;   00ba  nop [rax+rax]
;;   00c0  add r9d,r10d
;;   00c3  xor r10d,r9d
;;   00c6  add r11d,r9d
;;   00c9  xor r8d,r10d
;;   00cc  add r9d,r11d
;;   00cf  xor r10d,r8d
;;   00d2  add r11d,r8d
;;   00d5  mov ebx,r8d
;;   00d8  rol ebx,7
;;   00dc  mov r8d,ebx
;;   00df  add r13d,r8d
;;   00e2  xor r13d,edi
;;   00e5  sub edi,1
;;   00ec  test edi,edi
;;   00ef  jne func[0]+0C0h
;;   00f5  mov [rbp-30h],r13d
;;   00fc  mov [rbp+10h],edi
;;   0103  mov ebx,r9d
;;   0106  add ebx,[rbp-30h]
;;   010d  mov eax,ebx
;;   0110  mov r9,[rbp-38h]
;;   0117  mov r10,[rbp-40h]
;;   011e  mov r11,[rbp-48h]
;;   0125  mov r8,[rbp-50h]
;;   012c  mov rsp,rbp
;;   012f  pop rbp
;;   0130  ret
;;   0131  mov rax,r12
;;   0134  bt rax,3Dh
;;   0139  jb func[0]+189h
;;   013f  shl rax,2
;;   0143  shr rax,2
;;   0147  cmp rsp,rax
;;   014a  jb func[0]+1A5h
;;   0150  mov rax,[r15+48h]
;;   0157  bt r12,3Eh
;;   015c  jae func[0]+178h
;;   0162  shl r12,2
;;   0166  shr r12,2
;;   016a  test rax,rax
;;   016d  je func[0]+14h
;;   0173  bts r12,3Fh
;;   0178  cmp rax,1
;;   017e  ja func[0]+204h
;;   0184  jmp func[0]+14h
;;   0189  mov rax,rsp
;;   018c  mov rsp,rbp
;;   018f  call stubs+20Ch
;;   0194  mov rsp,rax
;;   0197  test r12,r12
;;   019a  je func[0]+1ADh
;;   01a0  jmp func[0]+131h
;;   01a5  mov rsp,rbp
;;   01a8  call stubs+55h
;;   01ad  mov rsp,rbp
;;   01b0  call stubs+87h
;;   01b5  call stubs+87h
;;   01ba  mov [rbp-30h],r13d
;;   01c1  mov [rbp+10h],edi
;;   01c8  bt r12,3Dh
;;   01cd  jae func[0]+1E1h
;;   01d3  call stubs+20Ch
;;   01d8  test r12,r12
;;   01db  je func[0]+1B5h
;;   01e1  cmp qword ptr [r15+48h],1
;;   01e6  ja func[0]+214h
;;   01ec  jmp func[0]+1F1h
;;   01f1  mov r13d,[rbp-30h]
;;   01f8  mov edi,[rbp+10h]
;;   01ff  jmp func[0]+0C0h
;;   0204  jmp qword ptr [1000h]
;;   020a  call stubs+56Ch
;;   020f  jmp func[0]+14h
;;   0214  jmp qword ptr [1008h]
;;   021a  call stubs+56Ch
;;   021f  jmp func[0]+1F1h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+45Eh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-38h],r9
;;   0037  mov [rbp-40h],r10
;;   003e  mov [rbp-48h],r11
;;   0045  mov [rbp-50h],r8
;;   004c  mov r9d,0
;;   0052  mov r10d,0
;;   0058  mov r11d,0
;;   005e  mov r8d,0
;;   0064  mov qword ptr [rbp-10h],0
;;   006f  mov qword ptr [rbp-18h],0
;;   007a  mov qword ptr [rbp-20h],0
;;   0085  mov qword ptr [rbp-28h],0
;;   0090  mov qword ptr [rbp-30h],0
;;   009b  test byte ptr [r13],1
;;   00a3  jne func[0].instrumented+4B8h
;;   00a9  test byte ptr [r13],2
;;   00b1  jne func[0].instrumented+4C7h
;;   00b7  bt r12,3Dh
;;   00bc  jb func[0].instrumented+49Ah
;;   00c2  mov r13,[r15+48h]
;;   00c9  cmp r13,1
;;   00d0  jbe func[0]+1F1h
;;   00d6  test byte ptr [r13],4
;;   00de  jne func[0].instrumented+4D6h
;;   00e4  test byte ptr [r13],8
;;   00ec  jne func[0].instrumented+4E5h
;;   00f2  test byte ptr [r13],10h
;;   00fa  jne func[0].instrumented+4F4h
;;   0100  mov ebx,r9d
;;   0103  add ebx,r10d
;;   0106  test byte ptr [r13],20h
;;   010e  jne func[0].instrumented+503h
;;   0114  mov r9d,ebx
;;   0117  test byte ptr [r13],40h
;;   011f  jne func[0].instrumented+512h
;;   0125  test byte ptr [r13],80h
;;   012d  jne func[0].instrumented+521h
;;   0133  test byte ptr [r13+1],1
;;   013b  jne func[0].instrumented+530h
;;   0141  mov ebx,r10d
;;   0144  xor ebx,r9d
;;   0147  test byte ptr [r13+1],2
;;   014f  jne func[0].instrumented+53Fh
;;   0155  mov r10d,ebx
;;   0158  test byte ptr [r13+1],4
;;   0160  jne func[0].instrumented+54Eh
;;   0166  test byte ptr [r13+1],8
;;   016e  jne func[0].instrumented+55Dh
;;   0174  test byte ptr [r13+1],10h
;;   017c  jne func[0].instrumented+56Ch
;;   0182  mov ebx,r11d
;;   0185  add ebx,r9d
;;   0188  test byte ptr [r13+1],20h
;;   0190  jne func[0].instrumented+57Bh
;;   0196  mov r11d,ebx
;;   0199  test byte ptr [r13+1],40h
;;   01a1  jne func[0].instrumented+58Ah
;;   01a7  test byte ptr [r13+1],80h
;;   01af  jne func[0].instrumented+599h
;;   01b5  test byte ptr [r13+2],1
;;   01bd  jne func[0].instrumented+5A8h
;;   01c3  mov ebx,r8d
;;   01c6  xor ebx,r10d
;;   01c9  test byte ptr [r13+2],2
;;   01d1  jne func[0].instrumented+5B7h
;;   01d7  mov r8d,ebx
;;   01da  test byte ptr [r13+2],4
;;   01e2  jne func[0].instrumented+5C6h
;;   01e8  test byte ptr [r13+2],8
;;   01f0  jne func[0].instrumented+5D5h
;;   01f6  test byte ptr [r13+2],10h
;;   01fe  jne func[0].instrumented+5E4h
;;   0204  mov ebx,r9d
;;   0207  add ebx,r11d
;;   020a  test byte ptr [r13+2],20h
;;   0212  jne func[0].instrumented+5F3h
;;   0218  mov r9d,ebx
;;   021b  test byte ptr [r13+2],40h
;;   0223  jne func[0].instrumented+602h
;;   0229  test byte ptr [r13+2],80h
;;   0231  jne func[0].instrumented+611h
;;   0237  test byte ptr [r13+3],1
;;   023f  jne func[0].instrumented+620h
;;   0245  mov ebx,r10d
;;   0248  xor ebx,r8d
;;   024b  test byte ptr [r13+3],2
;;   0253  jne func[0].instrumented+62Fh
;;   0259  mov r10d,ebx
;;   025c  test byte ptr [r13+3],4
;;   0264  jne func[0].instrumented+63Eh
;;   026a  test byte ptr [r13+3],8
;;   0272  jne func[0].instrumented+64Dh
;;   0278  test byte ptr [r13+3],10h
;;   0280  jne func[0].instrumented+65Ch
;;   0286  mov ebx,r11d
;;   0289  add ebx,r8d
;;   028c  test byte ptr [r13+3],20h
;;   0294  jne func[0].instrumented+66Bh
;;   029a  mov r11d,ebx
;;   029d  test byte ptr [r13+3],40h
;;   02a5  jne func[0].instrumented+67Ah
;;   02ab  test byte ptr [r13+3],80h
;;   02b3  jne func[0].instrumented+689h
;;   02b9  test byte ptr [r13+4],1
;;   02c1  jne func[0].instrumented+698h
;;   02c7  mov ebx,r8d
;;   02ca  rol ebx,7
;;   02ce  test byte ptr [r13+4],2
;;   02d6  jne func[0].instrumented+6A7h
;;   02dc  mov r8d,ebx
;;   02df  test byte ptr [r13+4],4
;;   02e7  jne func[0].instrumented+6B6h
;;   02ed  test byte ptr [r13+4],8
;;   02f5  jne func[0].instrumented+6C5h
;;   02fb  test byte ptr [r13+4],10h
;;   0303  jne func[0].instrumented+6D4h
;;   0309  mov ebx,[rbp-30h]
;;   0310  add ebx,r8d
;;   0313  test byte ptr [r13+4],20h
;;   031b  jne func[0].instrumented+6E3h
;;   0321  mov [rbp-30h],ebx
;;   0329  test byte ptr [r13+4],40h
;;   0331  jne func[0].instrumented+6F2h
;;   0337  test byte ptr [r13+4],80h
;;   033f  jne func[0].instrumented+701h
;;   0345  test byte ptr [r13+5],1
;;   034d  jne func[0].instrumented+710h
;;   0353  mov ebx,[rbp-30h]
;;   035a  xor ebx,[rbp+10h]
;;   0361  test byte ptr [r13+5],2
;;   0369  jne func[0].instrumented+71Fh
;;   036f  mov [rbp-30h],ebx
;;   0377  test byte ptr [r13+5],4
;;   037f  jne func[0].instrumented+72Eh
;;   0385  test byte ptr [r13+5],8
;;   038d  jne func[0].instrumented+73Dh
;;   0393  test byte ptr [r13+5],10h
;;   039b  jne func[0].instrumented+74Ch
;;   03a1  mov ebx,[rbp+10h]
;;   03a8  sub ebx,1
;;   03af  test byte ptr [r13+5],20h
;;   03b7  jne func[0].instrumented+75Bh
;;   03bd  mov [rbp+10h],ebx
;;   03c5  test byte ptr [r13+5],40h
;;   03cd  jne func[0].instrumented+76Ah
;;   03d3  test ebx,ebx
;;   03d6  jne func[0].instrumented+0B7h
;;   03dc  test byte ptr [r13+5],80h
;;   03e4  jne func[0].instrumented+779h
;;   03ea  test byte ptr [r13+6],1
;;   03f2  jne func[0].instrumented+788h
;;   03f8  test byte ptr [r13+6],2
;;   0400  jne func[0].instrumented+797h
;;   0406  test byte ptr [r13+6],4
;;   040e  jne func[0].instrumented+7A6h
;;   0414  mov ebx,r9d
;;   0417  add ebx,[rbp-30h]
;;   041e  test byte ptr [r13+6],8
;;   0426  jne func[0].instrumented+7B5h
;;   042c  test byte ptr [r13+6],10h
;;   0434  jne func[0].instrumented+7C4h
;;   043a  mov eax,ebx
;;   043d  mov r9,[rbp-38h]
;;   0444  mov r10,[rbp-40h]
;;   044b  mov r11,[rbp-48h]
;;   0452  mov r8,[rbp-50h]
;;   0459  mov rsp,rbp
;;   045c  pop rbp
;;   045d  ret
;;   045e  bt r12,3Dh
;;   0463  jae func[0].instrumented+485h
;;   0469  mov rax,rsp
;;   046c  mov rsp,rbp
;;   046f  call stubs+216h
;;   0474  mov rsp,rax
;;   0477  test r12,r12
;;   047a  je func[0].instrumented+48Dh
;;   0480  jmp func[0].instrumented+0Bh
;;   0485  mov rsp,rbp
;;   0488  call stubs+55h
;;   048d  mov rsp,rbp
;;   0490  call stubs+87h
;;   0495  call stubs+87h
;;   049a  bt r12,3Dh
;;   049f  jae func[0].instrumented+4B3h
;;   04a5  call stubs+216h
;;   04aa  test r12,r12
;;   04ad  je func[0].instrumented+495h
;;   04b3  jmp func[0].instrumented+0B7h
;;   04b8  mov eax,0
;;   04bd  call func[0].instrumented+7D3h
;;   04c2  jmp func[0].instrumented+0A9h
;;   04c7  mov eax,1
;;   04cc  call func[0].instrumented+7D3h
;;   04d1  jmp func[0].instrumented+0B7h
;;   04d6  mov eax,2
;;   04db  call func[0].instrumented+7D3h
;;   04e0  jmp func[0].instrumented+0E4h
;;   04e5  mov eax,3
;;   04ea  call func[0].instrumented+7D3h
;;   04ef  jmp func[0].instrumented+0F2h
;;   04f4  mov eax,4
;;   04f9  call func[0].instrumented+7D3h
;;   04fe  jmp func[0].instrumented+100h
;;   0503  mov eax,5
;;   0508  call func[0].instrumented+7D3h
;;   050d  jmp func[0].instrumented+114h
;;   0512  mov eax,6
;;   0517  call func[0].instrumented+7D3h
;;   051c  jmp func[0].instrumented+125h
;;   0521  mov eax,7
;;   0526  call func[0].instrumented+7D3h
;;   052b  jmp func[0].instrumented+133h
;;   0530  mov eax,8
;;   0535  call func[0].instrumented+7D3h
;;   053a  jmp func[0].instrumented+141h
;;   053f  mov eax,9
;;   0544  call func[0].instrumented+7D3h
;;   0549  jmp func[0].instrumented+155h
;;   054e  mov eax,0Ah
;;   0553  call func[0].instrumented+7D3h
;;   0558  jmp func[0].instrumented+166h
;;   055d  mov eax,0Bh
;;   0562  call func[0].instrumented+7D3h
;;   0567  jmp func[0].instrumented+174h
;;   056c  mov eax,0Ch
;;   0571  call func[0].instrumented+7D3h
;;   0576  jmp func[0].instrumented+182h
;;   057b  mov eax,0Dh
;;   0580  call func[0].instrumented+7D3h
;;   0585  jmp func[0].instrumented+196h
;;   058a  mov eax,0Eh
;;   058f  call func[0].instrumented+7D3h
;;   0594  jmp func[0].instrumented+1A7h
;;   0599  mov eax,0Fh
;;   059e  call func[0].instrumented+7D3h
;;   05a3  jmp func[0].instrumented+1B5h
;;   05a8  mov eax,10h
;;   05ad  call func[0].instrumented+7D3h
;;   05b2  jmp func[0].instrumented+1C3h
;;   05b7  mov eax,11h
;;   05bc  call func[0].instrumented+7D3h
;;   05c1  jmp func[0].instrumented+1D7h
;;   05c6  mov eax,12h
;;   05cb  call func[0].instrumented+7D3h
;;   05d0  jmp func[0].instrumented+1E8h
;;   05d5  mov eax,13h
;;   05da  call func[0].instrumented+7D3h
;;   05df  jmp func[0].instrumented+1F6h
;;   05e4  mov eax,14h
;;   05e9  call func[0].instrumented+7D3h
;;   05ee  jmp func[0].instrumented+204h
;;   05f3  mov eax,15h
;;   05f8  call func[0].instrumented+7D3h
;;   05fd  jmp func[0].instrumented+218h
;;   0602  mov eax,16h
;;   0607  call func[0].instrumented+7D3h
;;   060c  jmp func[0].instrumented+229h
;;   0611  mov eax,17h
;;   0616  call func[0].instrumented+7D3h
;;   061b  jmp func[0].instrumented+237h
;;   0620  mov eax,18h
;;   0625  call func[0].instrumented+7D3h
;;   062a  jmp func[0].instrumented+245h
;;   062f  mov eax,19h
;;   0634  call func[0].instrumented+7D3h
;;   0639  jmp func[0].instrumented+259h
;;   063e  mov eax,1Ah
;;   0643  call func[0].instrumented+7D3h
;;   0648  jmp func[0].instrumented+26Ah
;;   064d  mov eax,1Bh
;;   0652  call func[0].instrumented+7D3h
;;   0657  jmp func[0].instrumented+278h
;;   065c  mov eax,1Ch
;;   0661  call func[0].instrumented+7D3h
;;   0666  jmp func[0].instrumented+286h
;;   066b  mov eax,1Dh
;;   0670  call func[0].instrumented+7D3h
;;   0675  jmp func[0].instrumented+29Ah
;;   067a  mov eax,1Eh
;;   067f  call func[0].instrumented+7D3h
;;   0684  jmp func[0].instrumented+2ABh
;;   0689  mov eax,1Fh
;;   068e  call func[0].instrumented+7D3h
;;   0693  jmp func[0].instrumented+2B9h
;;   0698  mov eax,20h
;;   069d  call func[0].instrumented+7D3h
;;   06a2  jmp func[0].instrumented+2C7h
;;   06a7  mov eax,21h
;;   06ac  call func[0].instrumented+7D3h
;;   06b1  jmp func[0].instrumented+2DCh
;;   06b6  mov eax,22h
;;   06bb  call func[0].instrumented+7D3h
;;   06c0  jmp func[0].instrumented+2EDh
;;   06c5  mov eax,23h
;;   06ca  call func[0].instrumented+7D3h
;;   06cf  jmp func[0].instrumented+2FBh
;;   06d4  mov eax,24h
;;   06d9  call func[0].instrumented+7D3h
;;   06de  jmp func[0].instrumented+309h
;;   06e3  mov eax,25h
;;   06e8  call func[0].instrumented+7D3h
;;   06ed  jmp func[0].instrumented+321h
;;   06f2  mov eax,26h
;;   06f7  call func[0].instrumented+7D3h
;;   06fc  jmp func[0].instrumented+337h
;;   0701  mov eax,27h
;;   0706  call func[0].instrumented+7D3h
;;   070b  jmp func[0].instrumented+345h
;;   0710  mov eax,28h
;;   0715  call func[0].instrumented+7D3h
;;   071a  jmp func[0].instrumented+353h
;;   071f  mov eax,29h
;;   0724  call func[0].instrumented+7D3h
;;   0729  jmp func[0].instrumented+36Fh
;;   072e  mov eax,2Ah
;;   0733  call func[0].instrumented+7D3h
;;   0738  jmp func[0].instrumented+385h
;;   073d  mov eax,2Bh
;;   0742  call func[0].instrumented+7D3h
;;   0747  jmp func[0].instrumented+393h
;;   074c  mov eax,2Ch
;;   0751  call func[0].instrumented+7D3h
;;   0756  jmp func[0].instrumented+3A1h
;;   075b  mov eax,2Dh
;;   0760  call func[0].instrumented+7D3h
;;   0765  jmp func[0].instrumented+3BDh
;;   076a  mov eax,2Eh
;;   076f  call func[0].instrumented+7D3h
;;   0774  jmp func[0].instrumented+3D3h
;;   0779  mov eax,2Fh
;;   077e  call func[0].instrumented+7D3h
;;   0783  jmp func[0].instrumented+3EAh
;;   0788  mov eax,30h
;;   078d  call func[0].instrumented+7D3h
;;   0792  jmp func[0].instrumented+3F8h
;;   0797  mov eax,31h
;;   079c  call func[0].instrumented+7D3h
;;   07a1  jmp func[0].instrumented+406h
;;   07a6  mov eax,32h
;;   07ab  call func[0].instrumented+7D3h
;;   07b0  jmp func[0].instrumented+414h
;;   07b5  mov eax,33h
;;   07ba  call func[0].instrumented+7D3h
;;   07bf  jmp func[0].instrumented+42Ch
;;   07c4  mov eax,34h
;;   07c9  call func[0].instrumented+7D3h
;;   07ce  jmp func[0].instrumented+43Ah
;;   07d3  sub rsp,8
;;   07d7  mov rdx,0
;;   07e1  or rax,rdx
;;   07e4  push rax
;;   07e5  call stubs+576h
;;   07ea  add rsp,8
;;   07ee  mov r13,[r15+48h]
;;   07f5  cmp r13,1
;;   07fc  ja func[0].instrumented+809h
;;   0802  lea r13,[stubs+7EEh]
;;   0809  ret
