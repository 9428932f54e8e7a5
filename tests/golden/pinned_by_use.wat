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
;;   0111  call stubs+1D6h
;;   0116  mov rsp,rax
;;   0119  cmp rsp,r12
;;   011c  jae func[0]+14h
;;   0122  bt r12,3Dh
;;   0127  jb func[0]+10Bh
;;   012d  jmp func[0]+132h
;;   0132  mov rsp,rbp
;;   0135  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+11Dh
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
;;   00c0  cmp rsp,r12
;;   00c3  jb func[0]+190h
;;   00c9  cmp r8d,r10d
;;   00cc  jae func[0]+0EFh
;;   00d2  mov [r14+r8],r9b
;;   00da  add r8d,1
;;   00e1  cmp rsp,r12
;;   00e4  jae func[0]+0C9h
;;   00ea  jmp func[0]+190h
;;   00ef  mov ebx,r11d
;;   00f2  add ebx,[rbp-18h]
;;   00f9  mov eax,ebx
;;   00fc  mov r10,[rbp-30h]
;;   0103  mov r11,[rbp-38h]
;;   010a  mov r9,[rbp-40h]
;;   0111  mov r8,[rbp-48h]
;;   0118  mov rsp,rbp
;;   011b  pop rbp
;;   011c  ret
;;   011d  mov rax,r12
;;   0120  bt rax,3Dh
;;   0125  jb func[0]+175h
;;   012b  shl rax,2
;;   012f  shr rax,2
;;   0133  cmp rsp,rax
;;   0136  jb func[0]+188h
;;   013c  mov rax,[r15+48h]
;;   0143  bt r12,3Eh
;;   0148  jae func[0]+164h
;;   014e  shl r12,2
;;   0152  shr r12,2
;;   0156  test rax,rax
;;   0159  je func[0]+14h
;;   015f  bts r12,3Fh
;;   0164  cmp rax,1
;;   016a  ja func[0]+1B0h
;;   0170  jmp func[0]+14h
;;   0175  mov rax,rsp
;;   0178  mov rsp,rbp
;;   017b  call stubs+1D0h
;;   0180  mov rsp,rax
;;   0183  jmp func[0]+11Dh
;;   0188  mov rsp,rbp
;;   018b  call stubs+55h
;;   0190  bt r12,3Dh
;;   0195  jae func[0]+1A0h
;;   019b  call stubs+1D0h
;;   01a0  cmp qword ptr [r15+48h],1
;;   01a5  ja func[0]+1C0h
;;   01ab  jmp func[0]+0C9h
;;   01b0  jmp qword ptr [1000h]
;;   01b6  call stubs+530h
;;   01bb  jmp func[0]+14h
;;   01c0  jmp qword ptr [1008h]
;;   01c6  call stubs+530h
;;   01cb  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+281h
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
;;   0095  jne func[0].instrumented+2A7h
;;   009b  test byte ptr [r13],2
;;   00a3  jne func[0].instrumented+2B6h
;;   00a9  test byte ptr [r13],4
;;   00b1  jne func[0].instrumented+2C5h
;;   00b7  mov r11d,1
;;   00bd  test byte ptr [r13],8
;;   00c5  jne func[0].instrumented+2D4h
;;   00cb  test byte ptr [r13],10h
;;   00d3  jne func[0].instrumented+2E3h
;;   00d9  mov dword ptr [rbp-18h],2
;;   00e5  test byte ptr [r13],20h
;;   00ed  jne func[0].instrumented+2F2h
;;   00f3  test byte ptr [r13],40h
;;   00fb  jne func[0].instrumented+301h
;;   0101  mov r9d,3
;;   0107  test byte ptr [r13],80h
;;   010f  jne func[0].instrumented+310h
;;   0115  test byte ptr [r13+1],1
;;   011d  jne func[0].instrumented+31Fh
;;   0123  mov r13,[r15+48h]
;;   012a  cmp r13,1
;;   0131  jbe func[0]+0C9h
;;   0137  test byte ptr [r13+1],2
;;   013f  jne func[0].instrumented+32Eh
;;   0145  test byte ptr [r13+1],4
;;   014d  jne func[0].instrumented+33Dh
;;   0153  test byte ptr [r13+1],8
;;   015b  jne func[0].instrumented+34Ch
;;   0161  cmp r8d,r10d
;;   0164  setae bl
;;   0168  movzx ebx,bl
;;   016c  test byte ptr [r13+1],10h
;;   0174  jne func[0].instrumented+35Bh
;;   017a  test ebx,ebx
;;   017d  jne func[0].instrumented+20Dh
;;   0183  test byte ptr [r13+1],20h
;;   018b  jne func[0].instrumented+36Ah
;;   0191  test byte ptr [r13+1],40h
;;   0199  jne func[0].instrumented+379h
;;   019f  test byte ptr [r13+1],80h
;;   01a7  jne func[0].instrumented+388h
;;   01ad  mov [r14+r8],r9b
;;   01b5  test byte ptr [r13+2],1
;;   01bd  jne func[0].instrumented+397h
;;   01c3  test byte ptr [r13+2],2
;;   01cb  jne func[0].instrumented+3A6h
;;   01d1  test byte ptr [r13+2],4
;;   01d9  jne func[0].instrumented+3B5h
;;   01df  mov ebx,r8d
;;   01e2  add ebx,1
;;   01e9  test byte ptr [r13+2],8
;;   01f1  jne func[0].instrumented+3C4h
;;   01f7  mov r8d,ebx
;;   01fa  test byte ptr [r13+2],10h
;;   0202  jne func[0].instrumented+3D3h
;;   0208  jmp func[0].instrumented+123h
;;   020d  test byte ptr [r13+2],20h
;;   0215  jne func[0].instrumented+3E2h
;;   021b  test byte ptr [r13+2],40h
;;   0223  jne func[0].instrumented+3F1h
;;   0229  test byte ptr [r13+2],80h
;;   0231  jne func[0].instrumented+400h
;;   0237  mov ebx,r11d
;;   023a  add ebx,[rbp-18h]
;;   0241  test byte ptr [r13+3],1
;;   0249  jne func[0].instrumented+40Fh
;;   024f  test byte ptr [r13+3],2
;;   0257  jne func[0].instrumented+41Eh
;;   025d  mov eax,ebx
;;   0260  mov r10,[rbp-30h]
;;   0267  mov r11,[rbp-38h]
;;   026e  mov r9,[rbp-40h]
;;   0275  mov r8,[rbp-48h]
;;   027c  mov rsp,rbp
;;   027f  pop rbp
;;   0280  ret
;;   0281  bt r12,3Dh
;;   0286  jae func[0].instrumented+29Fh
;;   028c  mov rax,rsp
;;   028f  mov rsp,rbp
;;   0292  call stubs+1DCh
;;   0297  mov rsp,rax
;;   029a  jmp func[0].instrumented+0Bh
;;   029f  mov rsp,rbp
;;   02a2  call stubs+55h
;;   02a7  mov eax,0
;;   02ac  call func[0].instrumented+42Dh
;;   02b1  jmp func[0].instrumented+9Bh
;;   02b6  mov eax,1
;;   02bb  call func[0].instrumented+42Dh
;;   02c0  jmp func[0].instrumented+0A9h
;;   02c5  mov eax,2
;;   02ca  call func[0].instrumented+42Dh
;;   02cf  jmp func[0].instrumented+0B7h
;;   02d4  mov eax,3
;;   02d9  call func[0].instrumented+42Dh
;;   02de  jmp func[0].instrumented+0CBh
;;   02e3  mov eax,4
;;   02e8  call func[0].instrumented+42Dh
;;   02ed  jmp func[0].instrumented+0D9h
;;   02f2  mov eax,5
;;   02f7  call func[0].instrumented+42Dh
;;   02fc  jmp func[0].instrumented+0F3h
;;   0301  mov eax,6
;;   0306  call func[0].instrumented+42Dh
;;   030b  jmp func[0].instrumented+101h
;;   0310  mov eax,7
;;   0315  call func[0].instrumented+42Dh
;;   031a  jmp func[0].instrumented+115h
;;   031f  mov eax,8
;;   0324  call func[0].instrumented+42Dh
;;   0329  jmp func[0].instrumented+123h
;;   032e  mov eax,9
;;   0333  call func[0].instrumented+42Dh
;;   0338  jmp func[0].instrumented+145h
;;   033d  mov eax,0Ah
;;   0342  call func[0].instrumented+42Dh
;;   0347  jmp func[0].instrumented+153h
;;   034c  mov eax,0Bh
;;   0351  call func[0].instrumented+42Dh
;;   0356  jmp func[0].instrumented+161h
;;   035b  mov eax,0Ch
;;   0360  call func[0].instrumented+42Dh
;;   0365  jmp func[0].instrumented+17Ah
;;   036a  mov eax,0Dh
;;   036f  call func[0].instrumented+42Dh
;;   0374  jmp func[0].instrumented+191h
;;   0379  mov eax,0Eh
;;   037e  call func[0].instrumented+42Dh
;;   0383  jmp func[0].instrumented+19Fh
;;   0388  mov eax,0Fh
;;   038d  call func[0].instrumented+42Dh
;;   0392  jmp func[0].instrumented+1ADh
;;   0397  mov eax,10h
;;   039c  call func[0].instrumented+42Dh
;;   03a1  jmp func[0].instrumented+1C3h
;;   03a6  mov eax,11h
;;   03ab  call func[0].instrumented+42Dh
;;   03b0  jmp func[0].instrumented+1D1h
;;   03b5  mov eax,12h
;;   03ba  call func[0].instrumented+42Dh
;;   03bf  jmp func[0].instrumented+1DFh
;;   03c4  mov eax,13h
;;   03c9  call func[0].instrumented+42Dh
;;   03ce  jmp func[0].instrumented+1F7h
;;   03d3  mov eax,14h
;;   03d8  call func[0].instrumented+42Dh
;;   03dd  jmp func[0].instrumented+208h
;;   03e2  mov eax,15h
;;   03e7  call func[0].instrumented+42Dh
;;   03ec  jmp func[0].instrumented+21Bh
;;   03f1  mov eax,16h
;;   03f6  call func[0].instrumented+42Dh
;;   03fb  jmp func[0].instrumented+229h
;;   0400  mov eax,17h
;;   0405  call func[0].instrumented+42Dh
;;   040a  jmp func[0].instrumented+237h
;;   040f  mov eax,18h
;;   0414  call func[0].instrumented+42Dh
;;   0419  jmp func[0].instrumented+24Fh
;;   041e  mov eax,19h
;;   0423  call func[0].instrumented+42Dh
;;   0428  jmp func[0].instrumented+25Dh
;;   042d  sub rsp,8
;;   0431  mov rdx,0
;;   043b  or rax,rdx
;;   043e  push rax
;;   043f  call stubs+53Ch
;;   0444  add rsp,8
;;   0448  mov r13,[r15+48h]
;;   044f  cmp r13,1
;;   0456  ja func[0].instrumented+463h
;;   045c  lea r13,[stubs+7B4h]
;;   0463  ret
