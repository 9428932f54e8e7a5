;; Six integer locals for four registers: the loop's bound (a parameter), counter and
;; stored value get registers, then the first of the locals used outside the loop; the
;; unused parameter never does.
(module (memory 1)
  (func (export "fill") (param $len i32) (param $unused i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $i i32)
    (local.set $a (i32.const 1))
    (local.set $b (i32.const 2))
    (local.set $c (i32.const 3))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (local.get $i) (local.get $c))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.add (local.get $a) (local.get $b))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+10Bh
;;   0014  mov [rbp-30h],r10
;;   001b  mov [rbp-38h],r11
;;   0022  mov [rbp-40h],r9
;;   0029  mov [rbp-48h],r8
;;   0030  mov r10d,esi
;;   0033  mov r11d,0
;;   0039  mov r9d,0
;;   003f  mov r8d,0
;;   0045  mov qword ptr [rbp-10h],0
;;   0050  mov qword ptr [rbp-18h],0
;;   005b  mov qword ptr [rbp-20h],0
;;   0066  mov qword ptr [rbp-28h],0
;;   0071  mov r11d,1
;;   0077  mov dword ptr [rbp-18h],2
;;   0083  mov r9d,3
;;   0089  nop [rax+rax]
;;   0092  nop [rax+rax]
;;   009b  nop [rax+rax]
;;   00a4  nop [rax+rax]
;;   00ad  nop [rax+rax]
;;   00b6  nop [rax+rax]
;;   00bf  nop
;;   00c0  cmp r8d,r10d
;;   00c3  jae func[0]+0DDh
;;   00c9  mov [r14+r8],r9b
;;   00d1  add r8d,1
;;   00d8  jmp func[0]+0C0h
;;   00dd  mov ebx,r11d
;;   00e0  add ebx,[rbp-18h]
;;   00e7  mov eax,ebx
;;   00ea  mov r10,[rbp-30h]
;;   00f1  mov r11,[rbp-38h]
;;   00f8  mov r9,[rbp-40h]
;;   00ff  mov r8,[rbp-48h]
;;   0106  mov rsp,rbp
;;   0109  pop rbp
;;   010a  ret
;;   010b  mov rax,rsp
;;   010e  mov rsp,rbp
;;   0111  call stubs+215h
;;   0116  mov rsp,rax
;;   0119  test r12,r12
;;   011c  je func[0]+143h
;;   0122  cmp rsp,r12
;;   0125  jae func[0]+14h
;;   012b  bt r12,3Dh
;;   0130  jb func[0]+10Bh
;;   0136  jmp func[0]+13Bh
;;   013b  mov rsp,rbp
;;   013e  call stubs+55h
;;   0143  mov rsp,rbp
;;   0146  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+10Bh
;;   0014  mov [rbp-30h],r10
;;   001b  mov [rbp-38h],r11
;;   0022  mov [rbp-40h],r9
;;   0029  mov [rbp-48h],r8
;;   0030  mov r10d,esi
;;   0033  mov r11d,0
;;   0039  mov r9d,0
;;   003f  mov r8d,0
;;   0045  mov qword ptr [rbp-10h],0
;;   0050  mov qword ptr [rbp-18h],0
;;   005b  mov qword ptr [rbp-20h],0
;;   0066  mov qword ptr [rbp-28h],0
;;   0071  mov r11d,1
;;   0077  mov dword ptr [rbp-18h],2
;;   0083  mov r9d,3
;;   0089  nop [rax+rax]
;;   0092  nop [rax+rax]
;;   009b  nop [rax+rax]
;;   00a4  nop [rax+rax]
;;   00ad  nop [rax+rax]
;;   00b6  nop [rax+rax]
;;   00bf  nop
;;   00c0  cmp r8d,r10d
;;   00c3  jae func[0]+0DDh
;;   00c9  mov [r14+r8],r9b
;;   00d1  add r8d,1
;;   00d8  jmp func[0]+0C0h
;;   00dd  mov ebx,r11d
;;   00e0  add ebx,[rbp-18h]
;;   00e7  mov eax,ebx
;;   00ea  mov r10,[rbp-30h]
;;   00f1  mov r11,[rbp-38h]
;;   00f8  mov r9,[rbp-40h]
;;   00ff  mov r8,[rbp-48h]
;;   0106  mov rsp,rbp
;;   0109  pop rbp
;;   010a  ret
;;   010b  mov rax,r12
;;   010e  bt rax,3Dh
;;   0113  jb func[0]+163h
;;   0119  shl rax,2
;;   011d  shr rax,2
;;   0121  cmp rsp,rax
;;   0124  jb func[0]+17Fh
;;   012a  mov rax,[r15+48h]
;;   0131  bt r12,3Eh
;;   0136  jae func[0]+152h
;;   013c  shl r12,2
;;   0140  shr r12,2
;;   0144  test rax,rax
;;   0147  je func[0]+14h
;;   014d  bts r12,3Fh
;;   0152  cmp rax,1
;;   0158  ja func[0]+1BDh
;;   015e  jmp func[0]+14h
;;   0163  mov rax,rsp
;;   0166  mov rsp,rbp
;;   0169  call stubs+213h
;;   016e  mov rsp,rax
;;   0171  test r12,r12
;;   0174  je func[0]+187h
;;   017a  jmp func[0]+10Bh
;;   017f  mov rsp,rbp
;;   0182  call stubs+55h
;;   0187  mov rsp,rbp
;;   018a  call stubs+87h
;;   018f  call stubs+87h
;;   0194  bt r12,3Dh
;;   0199  jae func[0]+1ADh
;;   019f  call stubs+213h
;;   01a4  test r12,r12
;;   01a7  je func[0]+18Fh
;;   01ad  cmp qword ptr [r15+48h],1
;;   01b2  ja func[0]+1CDh
;;   01b8  jmp func[0]+0C0h
;;   01bd  jmp qword ptr [1000h]
;;   01c3  call stubs+573h
;;   01c8  jmp func[0]+14h
;;   01cd  jmp qword ptr [1008h]
;;   01d3  call stubs+573h
;;   01d8  jmp func[0]+0C0h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+2A1h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-30h],r10
;;   0037  mov [rbp-38h],r11
;;   003e  mov [rbp-40h],r9
;;   0045  mov [rbp-48h],r8
;;   004c  mov r10d,esi
;;   004f  mov r11d,0
;;   0055  mov r9d,0
;;   005b  mov r8d,0
;;   0061  mov qword ptr [rbp-10h],0
;;   006c  mov qword ptr [rbp-18h],0
;;   0077  mov qword ptr [rbp-20h],0
;;   0082  mov qword ptr [rbp-28h],0
;;   008d  test byte ptr [r13],1
;;   0095  jne func[0].instrumented+2FBh
;;   009b  test byte ptr [r13],2
;;   00a3  jne func[0].instrumented+30Ah
;;   00a9  test byte ptr [r13],4
;;   00b1  jne func[0].instrumented+319h
;;   00b7  mov r11d,1
;;   00bd  test byte ptr [r13],8
;;   00c5  jne func[0].instrumented+328h
;;   00cb  test byte ptr [r13],10h
;;   00d3  jne func[0].instrumented+337h
;;   00d9  mov dword ptr [rbp-18h],2
;;   00e5  test byte ptr [r13],20h
;;   00ed  jne func[0].instrumented+346h
;;   00f3  test byte ptr [r13],40h
;;   00fb  jne func[0].instrumented+355h
;;   0101  mov r9d,3
;;   0107  test byte ptr [r13],80h
;;   010f  jne func[0].instrumented+364h
;;   0115  test byte ptr [r13+1],1
;;   011d  jne func[0].instrumented+373h
;;   0123  bt r12,3Dh
;;   0128  jb func[0].instrumented+2DDh
;;   012e  mov r13,[r15+48h]
;;   0135  cmp r13,1
;;   013c  jbe func[0]+0C0h
;;   0142  test byte ptr [r13+1],2
;;   014a  jne func[0].instrumented+382h
;;   0150  test byte ptr [r13+1],4
;;   0158  jne func[0].instrumented+391h
;;   015e  test byte ptr [r13+1],8
;;   0166  jne func[0].instrumented+3A0h
;;   016c  cmp r8d,r10d
;;   016f  setae bl
;;   0173  movzx ebx,bl
;;   0177  test byte ptr [r13+1],10h
;;   017f  jne func[0].instrumented+3AFh
;;   0185  test ebx,ebx
;;   0188  jne func[0].instrumented+22Dh
;;   018e  test byte ptr [r13+1],20h
;;   0196  jne func[0].instrumented+3BEh
;;   019c  test byte ptr [r13+1],40h
;;   01a4  jne func[0].instrumented+3CDh
;;   01aa  test byte ptr [r13+1],80h
;;   01b2  jne func[0].instrumented+3DCh
;;   01b8  lea rax,[r8+1]
;;   01c0  cmp rax,[r15+50h]
;;   01c7  ja func[0].instrumented+4B8h
;;   01cd  mov [r14+r8],r9b
;;   01d5  test byte ptr [r13+2],1
;;   01dd  jne func[0].instrumented+3EBh
;;   01e3  test byte ptr [r13+2],2
;;   01eb  jne func[0].instrumented+3FAh
;;   01f1  test byte ptr [r13+2],4
;;   01f9  jne func[0].instrumented+409h
;;   01ff  mov ebx,r8d
;;   0202  add ebx,1
;;   0209  test byte ptr [r13+2],8
;;   0211  jne func[0].instrumented+418h
;;   0217  mov r8d,ebx
;;   021a  test byte ptr [r13+2],10h
;;   0222  jne func[0].instrumented+427h
;;   0228  jmp func[0].instrumented+123h
;;   022d  test byte ptr [r13+2],20h
;;   0235  jne func[0].instrumented+436h
;;   023b  test byte ptr [r13+2],40h
;;   0243  jne func[0].instrumented+445h
;;   0249  test byte ptr [r13+2],80h
;;   0251  jne func[0].instrumented+454h
;;   0257  mov ebx,r11d
;;   025a  add ebx,[rbp-18h]
;;   0261  test byte ptr [r13+3],1
;;   0269  jne func[0].instrumented+463h
;;   026f  test byte ptr [r13+3],2
;;   0277  jne func[0].instrumented+472h
;;   027d  mov eax,ebx
;;   0280  mov r10,[rbp-30h]
;;   0287  mov r11,[rbp-38h]
;;   028e  mov r9,[rbp-40h]
;;   0295  mov r8,[rbp-48h]
;;   029c  mov rsp,rbp
;;   029f  pop rbp
;;   02a0  ret
;;   02a1  bt r12,3Dh
;;   02a6  jae func[0].instrumented+2C8h
;;   02ac  mov rax,rsp
;;   02af  mov rsp,rbp
;;   02b2  call stubs+20Dh
;;   02b7  mov rsp,rax
;;   02ba  test r12,r12
;;   02bd  je func[0].instrumented+2D0h
;;   02c3  jmp func[0].instrumented+0Bh
;;   02c8  mov rsp,rbp
;;   02cb  call stubs+55h
;;   02d0  mov rsp,rbp
;;   02d3  call stubs+87h
;;   02d8  call stubs+87h
;;   02dd  bt r12,3Dh
;;   02e2  jae func[0].instrumented+2F6h
;;   02e8  call stubs+20Dh
;;   02ed  test r12,r12
;;   02f0  je func[0].instrumented+2D8h
;;   02f6  jmp func[0].instrumented+123h
;;   02fb  mov eax,0
;;   0300  call func[0].instrumented+481h
;;   0305  jmp func[0].instrumented+9Bh
;;   030a  mov eax,1
;;   030f  call func[0].instrumented+481h
;;   0314  jmp func[0].instrumented+0A9h
;;   0319  mov eax,2
;;   031e  call func[0].instrumented+481h
;;   0323  jmp func[0].instrumented+0B7h
;;   0328  mov eax,3
;;   032d  call func[0].instrumented+481h
;;   0332  jmp func[0].instrumented+0CBh
;;   0337  mov eax,4
;;   033c  call func[0].instrumented+481h
;;   0341  jmp func[0].instrumented+0D9h
;;   0346  mov eax,5
;;   034b  call func[0].instrumented+481h
;;   0350  jmp func[0].instrumented+0F3h
;;   0355  mov eax,6
;;   035a  call func[0].instrumented+481h
;;   035f  jmp func[0].instrumented+101h
;;   0364  mov eax,7
;;   0369  call func[0].instrumented+481h
;;   036e  jmp func[0].instrumented+115h
;;   0373  mov eax,8
;;   0378  call func[0].instrumented+481h
;;   037d  jmp func[0].instrumented+123h
;;   0382  mov eax,9
;;   0387  call func[0].instrumented+481h
;;   038c  jmp func[0].instrumented+150h
;;   0391  mov eax,0Ah
;;   0396  call func[0].instrumented+481h
;;   039b  jmp func[0].instrumented+15Eh
;;   03a0  mov eax,0Bh
;;   03a5  call func[0].instrumented+481h
;;   03aa  jmp func[0].instrumented+16Ch
;;   03af  mov eax,0Ch
;;   03b4  call func[0].instrumented+481h
;;   03b9  jmp func[0].instrumented+185h
;;   03be  mov eax,0Dh
;;   03c3  call func[0].instrumented+481h
;;   03c8  jmp func[0].instrumented+19Ch
;;   03cd  mov eax,0Eh
;;   03d2  call func[0].instrumented+481h
;;   03d7  jmp func[0].instrumented+1AAh
;;   03dc  mov eax,0Fh
;;   03e1  call func[0].instrumented+481h
;;   03e6  jmp func[0].instrumented+1B8h
;;   03eb  mov eax,10h
;;   03f0  call func[0].instrumented+481h
;;   03f5  jmp func[0].instrumented+1E3h
;;   03fa  mov eax,11h
;;   03ff  call func[0].instrumented+481h
;;   0404  jmp func[0].instrumented+1F1h
;;   0409  mov eax,12h
;;   040e  call func[0].instrumented+481h
;;   0413  jmp func[0].instrumented+1FFh
;;   0418  mov eax,13h
;;   041d  call func[0].instrumented+481h
;;   0422  jmp func[0].instrumented+217h
;;   0427  mov eax,14h
;;   042c  call func[0].instrumented+481h
;;   0431  jmp func[0].instrumented+228h
;;   0436  mov eax,15h
;;   043b  call func[0].instrumented+481h
;;   0440  jmp func[0].instrumented+23Bh
;;   0445  mov eax,16h
;;   044a  call func[0].instrumented+481h
;;   044f  jmp func[0].instrumented+249h
;;   0454  mov eax,17h
;;   0459  call func[0].instrumented+481h
;;   045e  jmp func[0].instrumented+257h
;;   0463  mov eax,18h
;;   0468  call func[0].instrumented+481h
;;   046d  jmp func[0].instrumented+26Fh
;;   0472  mov eax,19h
;;   0477  call func[0].instrumented+481h
;;   047c  jmp func[0].instrumented+27Dh
;;   0481  sub rsp,8
;;   0485  mov rdx,0
;;   048f  or rax,rdx
;;   0492  push rax
;;   0493  call stubs+56Dh
;;   0498  add rsp,8
;;   049c  mov r13,[r15+48h]
;;   04a3  cmp r13,1
;;   04aa  ja func[0].instrumented+4B7h
;;   04b0  lea r13,[stubs+7E5h]
;;   04b7  ret
;;   04b8  sub rax,1
;;   04be  cmp rax,[r15+58h]
;;   04c5  jae func[0].instrumented+1CDh
;;   04cb  sub rsp,8
;;   04cf  mov dword ptr [rsp],0
;;   04d6  mov dword ptr [rsp+4],0C0000001h
;;   04de  call stubs+56Dh
;;   04e3  mov r13,[r15+48h]
;;   04ea  cmp r13,1
;;   04f1  ja func[0].instrumented+4FEh
;;   04f7  lea r13,[stubs+7E5h]
;;   04fe  jmp func[0].instrumented+1CDh
