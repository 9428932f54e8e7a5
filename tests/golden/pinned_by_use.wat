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
;;   0111  call stubs+1D1h
;;   0116  mov rsp,rax
;;   0119  cmp rsp,r12
;;   011c  jb func[0]+127h
;;   0122  jmp func[0]+14h
;;   0127  mov rsp,rbp
;;   012a  call stubs+55h
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
;;   011d  bt r12,3Dh
;;   0122  jb func[0]+175h
;;   0128  mov rax,r12
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
;;   017b  call stubs+1D4h
;;   0180  mov rsp,rax
;;   0183  jmp func[0]+11Dh
;;   0188  mov rsp,rbp
;;   018b  call stubs+55h
;;   0190  bt r12,3Dh
;;   0195  jae func[0]+1A0h
;;   019b  call stubs+1D4h
;;   01a0  cmp qword ptr [r15+48h],1
;;   01a5  ja func[0]+1CEh
;;   01ab  jmp func[0]+0C9h
;;   01b0  cmp qword ptr [1000h],0
;;   01b8  je func[0]+1C4h
;;   01be  jmp qword ptr [1000h]
;;   01c4  call stubs+534h
;;   01c9  jmp func[0]+14h
;;   01ce  cmp qword ptr [1008h],0
;;   01d6  je func[0]+1E2h
;;   01dc  jmp qword ptr [1008h]
;;   01e2  call stubs+534h
;;   01e7  jmp func[0]+0C9h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+284h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  mov [rbp-30h],r10
;;   003a  mov [rbp-38h],r11
;;   0041  mov [rbp-40h],r9
;;   0048  mov [rbp-48h],r8
;;   004f  mov r10d,esi
;;   0052  mov r11d,0
;;   0058  mov r9d,0
;;   005e  mov r8d,0
;;   0064  mov qword ptr [rbp-10h],0
;;   006f  mov qword ptr [rbp-18h],0
;;   007a  mov qword ptr [rbp-20h],0
;;   0085  mov qword ptr [rbp-28h],0
;;   0090  test byte ptr [r13],1
;;   0098  jne func[0].instrumented+2AAh
;;   009e  test byte ptr [r13],2
;;   00a6  jne func[0].instrumented+2BEh
;;   00ac  test byte ptr [r13],4
;;   00b4  jne func[0].instrumented+2D2h
;;   00ba  mov r11d,1
;;   00c0  test byte ptr [r13],8
;;   00c8  jne func[0].instrumented+2E6h
;;   00ce  test byte ptr [r13],10h
;;   00d6  jne func[0].instrumented+2FAh
;;   00dc  mov dword ptr [rbp-18h],2
;;   00e8  test byte ptr [r13],20h
;;   00f0  jne func[0].instrumented+30Eh
;;   00f6  test byte ptr [r13],40h
;;   00fe  jne func[0].instrumented+322h
;;   0104  mov r9d,3
;;   010a  test byte ptr [r13],80h
;;   0112  jne func[0].instrumented+336h
;;   0118  test byte ptr [r13+1],1
;;   0120  jne func[0].instrumented+34Ah
;;   0126  mov r13,[r15+48h]
;;   012d  cmp r13,1
;;   0134  jbe func[0]+0C9h
;;   013a  test byte ptr [r13+1],2
;;   0142  jne func[0].instrumented+35Eh
;;   0148  test byte ptr [r13+1],4
;;   0150  jne func[0].instrumented+372h
;;   0156  test byte ptr [r13+1],8
;;   015e  jne func[0].instrumented+386h
;;   0164  cmp r8d,r10d
;;   0167  setae bl
;;   016b  movzx ebx,bl
;;   016f  test byte ptr [r13+1],10h
;;   0177  jne func[0].instrumented+39Ah
;;   017d  test ebx,ebx
;;   0180  jne func[0].instrumented+210h
;;   0186  test byte ptr [r13+1],20h
;;   018e  jne func[0].instrumented+3AEh
;;   0194  test byte ptr [r13+1],40h
;;   019c  jne func[0].instrumented+3C2h
;;   01a2  test byte ptr [r13+1],80h
;;   01aa  jne func[0].instrumented+3D6h
;;   01b0  mov [r14+r8],r9b
;;   01b8  test byte ptr [r13+2],1
;;   01c0  jne func[0].instrumented+3EAh
;;   01c6  test byte ptr [r13+2],2
;;   01ce  jne func[0].instrumented+3FEh
;;   01d4  test byte ptr [r13+2],4
;;   01dc  jne func[0].instrumented+412h
;;   01e2  mov ebx,r8d
;;   01e5  add ebx,1
;;   01ec  test byte ptr [r13+2],8
;;   01f4  jne func[0].instrumented+426h
;;   01fa  mov r8d,ebx
;;   01fd  test byte ptr [r13+2],10h
;;   0205  jne func[0].instrumented+43Ah
;;   020b  jmp func[0].instrumented+126h
;;   0210  test byte ptr [r13+2],20h
;;   0218  jne func[0].instrumented+44Eh
;;   021e  test byte ptr [r13+2],40h
;;   0226  jne func[0].instrumented+462h
;;   022c  test byte ptr [r13+2],80h
;;   0234  jne func[0].instrumented+476h
;;   023a  mov ebx,r11d
;;   023d  add ebx,[rbp-18h]
;;   0244  test byte ptr [r13+3],1
;;   024c  jne func[0].instrumented+48Ah
;;   0252  test byte ptr [r13+3],2
;;   025a  jne func[0].instrumented+49Eh
;;   0260  mov eax,ebx
;;   0263  mov r10,[rbp-30h]
;;   026a  mov r11,[rbp-38h]
;;   0271  mov r9,[rbp-40h]
;;   0278  mov r8,[rbp-48h]
;;   027f  mov rsp,rbp
;;   0282  pop rbp
;;   0283  ret
;;   0284  bt r12,3Dh
;;   0289  jae func[0].instrumented+2A2h
;;   028f  mov rax,rsp
;;   0292  mov rsp,rbp
;;   0295  call stubs+1D4h
;;   029a  mov rsp,rax
;;   029d  jmp func[0].instrumented+0Bh
;;   02a2  mov rsp,rbp
;;   02a5  call stubs+55h
;;   02aa  mov rax,0
;;   02b4  call func[0].instrumented+4B2h
;;   02b9  jmp func[0].instrumented+9Eh
;;   02be  mov rax,1
;;   02c8  call func[0].instrumented+4B2h
;;   02cd  jmp func[0].instrumented+0ACh
;;   02d2  mov rax,2
;;   02dc  call func[0].instrumented+4B2h
;;   02e1  jmp func[0].instrumented+0BAh
;;   02e6  mov rax,3
;;   02f0  call func[0].instrumented+4B2h
;;   02f5  jmp func[0].instrumented+0CEh
;;   02fa  mov rax,4
;;   0304  call func[0].instrumented+4B2h
;;   0309  jmp func[0].instrumented+0DCh
;;   030e  mov rax,5
;;   0318  call func[0].instrumented+4B2h
;;   031d  jmp func[0].instrumented+0F6h
;;   0322  mov rax,6
;;   032c  call func[0].instrumented+4B2h
;;   0331  jmp func[0].instrumented+104h
;;   0336  mov rax,7
;;   0340  call func[0].instrumented+4B2h
;;   0345  jmp func[0].instrumented+118h
;;   034a  mov rax,8
;;   0354  call func[0].instrumented+4B2h
;;   0359  jmp func[0].instrumented+126h
;;   035e  mov rax,9
;;   0368  call func[0].instrumented+4B2h
;;   036d  jmp func[0].instrumented+148h
;;   0372  mov rax,0Ah
;;   037c  call func[0].instrumented+4B2h
;;   0381  jmp func[0].instrumented+156h
;;   0386  mov rax,0Bh
;;   0390  call func[0].instrumented+4B2h
;;   0395  jmp func[0].instrumented+164h
;;   039a  mov rax,0Ch
;;   03a4  call func[0].instrumented+4B2h
;;   03a9  jmp func[0].instrumented+17Dh
;;   03ae  mov rax,0Dh
;;   03b8  call func[0].instrumented+4B2h
;;   03bd  jmp func[0].instrumented+194h
;;   03c2  mov rax,0Eh
;;   03cc  call func[0].instrumented+4B2h
;;   03d1  jmp func[0].instrumented+1A2h
;;   03d6  mov rax,0Fh
;;   03e0  call func[0].instrumented+4B2h
;;   03e5  jmp func[0].instrumented+1B0h
;;   03ea  mov rax,10h
;;   03f4  call func[0].instrumented+4B2h
;;   03f9  jmp func[0].instrumented+1C6h
;;   03fe  mov rax,11h
;;   0408  call func[0].instrumented+4B2h
;;   040d  jmp func[0].instrumented+1D4h
;;   0412  mov rax,12h
;;   041c  call func[0].instrumented+4B2h
;;   0421  jmp func[0].instrumented+1E2h
;;   0426  mov rax,13h
;;   0430  call func[0].instrumented+4B2h
;;   0435  jmp func[0].instrumented+1FAh
;;   043a  mov rax,14h
;;   0444  call func[0].instrumented+4B2h
;;   0449  jmp func[0].instrumented+20Bh
;;   044e  mov rax,15h
;;   0458  call func[0].instrumented+4B2h
;;   045d  jmp func[0].instrumented+21Eh
;;   0462  mov rax,16h
;;   046c  call func[0].instrumented+4B2h
;;   0471  jmp func[0].instrumented+22Ch
;;   0476  mov rax,17h
;;   0480  call func[0].instrumented+4B2h
;;   0485  jmp func[0].instrumented+23Ah
;;   048a  mov rax,18h
;;   0494  call func[0].instrumented+4B2h
;;   0499  jmp func[0].instrumented+252h
;;   049e  mov rax,19h
;;   04a8  call func[0].instrumented+4B2h
;;   04ad  jmp func[0].instrumented+260h
;;   04b2  sub rsp,8
;;   04b6  push rax
;;   04b7  call stubs+534h
;;   04bc  add rsp,8
;;   04c0  mov r13,[r15+48h]
;;   04c7  cmp r13,1
;;   04ce  ja func[0].instrumented+4DBh
;;   04d4  lea r13,[stubs+7ACh]
;;   04db  ret
