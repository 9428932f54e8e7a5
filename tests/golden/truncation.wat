;; Float-to-integer conversions: trapping truncation (NaN and out-of-range checks) and
;; the saturating forms, signed and unsigned.
(module
  (func (export "trunc_s") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func (export "trunc_u") (param f32) (result i64) (i64.trunc_f32_u (local.get 0)))
  (func (export "sat_s") (param f64) (result i32) (i32.trunc_sat_f64_s (local.get 0)))
  (func (export "sat_u") (param f64) (result i64) (i64.trunc_sat_f64_u (local.get 0))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  movsd xmm14,[rbp+10h]
;;   0014  ucomisd xmm14,xmm14
;;   0019  jp func[0]+63h
;;   001f  mov rax,0C1E0000000200000h
;;   0029  movq xmm15,rax
;;   002e  ucomisd xmm14,xmm15
;;   0033  jbe func[0]+68h
;;   0039  mov rax,41E0000000000000h
;;   0043  movq xmm15,rax
;;   0048  ucomisd xmm14,xmm15
;;   004d  jae func[0]+68h
;;   0053  cvttsd2si rbx,xmm14
;;   0058  mov ebx,ebx
;;   005b  mov eax,ebx
;;   005e  mov rsp,rbp
;;   0061  pop rbp
;;   0062  ret
;;   0063  call stubs+23h
;;   0068  call stubs+19h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+6Ch
;;   0014  movsd xmm14,[rbp+10h]
;;   001d  ucomisd xmm14,xmm14
;;   0022  jp func[0]+0DFh
;;   0028  mov rax,0C1E0000000200000h
;;   0032  movq xmm15,rax
;;   0037  ucomisd xmm14,xmm15
;;   003c  jbe func[0]+0E4h
;;   0042  mov rax,41E0000000000000h
;;   004c  movq xmm15,rax
;;   0051  ucomisd xmm14,xmm15
;;   0056  jae func[0]+0E4h
;;   005c  cvttsd2si rbx,xmm14
;;   0061  mov ebx,ebx
;;   0064  mov eax,ebx
;;   0067  mov rsp,rbp
;;   006a  pop rbp
;;   006b  ret
;;   006c  bt r12,3Dh
;;   0071  jb func[0]+0C4h
;;   0077  mov rax,r12
;;   007a  shl rax,2
;;   007e  shr rax,2
;;   0082  cmp rsp,rax
;;   0085  jb func[0]+0D7h
;;   008b  mov rax,[r15+58h]
;;   0092  bt r12,3Eh
;;   0097  jae func[0]+0B3h
;;   009d  shl r12,2
;;   00a1  shr r12,2
;;   00a5  test rax,rax
;;   00a8  je func[0]+14h
;;   00ae  bts r12,3Fh
;;   00b3  cmp rax,1
;;   00b9  ja func[0]+0E9h
;;   00bf  jmp func[0]+14h
;;   00c4  mov rax,rsp
;;   00c7  mov rsp,rbp
;;   00ca  call stubs+1D7h
;;   00cf  mov rsp,rax
;;   00d2  jmp func[0]+6Ch
;;   00d7  mov rsp,rbp
;;   00da  call stubs+55h
;;   00df  call stubs+23h
;;   00e4  call stubs+19h
;;   00e9  cmp qword ptr [1000h],0
;;   00f1  je func[0]+0FDh
;;   00f7  jmp qword ptr [1000h]
;;   00fd  call stubs+537h
;;   0102  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+58h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+0BCh
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+0D0h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+0E4h
;;   003e  movsd xmm14,[rbp+10h]
;;   0047  ucomisd xmm14,xmm14
;;   004c  jp func[0].instrumented+0B2h
;;   0052  mov rax,0C1E0000000200000h
;;   005c  movq xmm15,rax
;;   0061  ucomisd xmm14,xmm15
;;   0066  jbe func[0].instrumented+0B7h
;;   006c  mov rax,41E0000000000000h
;;   0076  movq xmm15,rax
;;   007b  ucomisd xmm14,xmm15
;;   0080  jae func[0].instrumented+0B7h
;;   0086  cvttsd2si rbx,xmm14
;;   008b  mov ebx,ebx
;;   008e  test byte ptr [r13],8
;;   0096  jne func[0].instrumented+0F8h
;;   009c  test byte ptr [r13],10h
;;   00a4  jne func[0].instrumented+10Ch
;;   00aa  mov eax,ebx
;;   00ad  mov rsp,rbp
;;   00b0  pop rbp
;;   00b1  ret
;;   00b2  call stubs+23h
;;   00b7  call stubs+19h
;;   00bc  mov rax,0
;;   00c6  call func[0].instrumented+120h
;;   00cb  jmp func[0].instrumented+22h
;;   00d0  mov rax,1
;;   00da  call func[0].instrumented+120h
;;   00df  jmp func[0].instrumented+30h
;;   00e4  mov rax,2
;;   00ee  call func[0].instrumented+120h
;;   00f3  jmp func[0].instrumented+3Eh
;;   00f8  mov rax,3
;;   0102  call func[0].instrumented+120h
;;   0107  jmp func[0].instrumented+9Ch
;;   010c  mov rax,4
;;   0116  call func[0].instrumented+120h
;;   011b  jmp func[0].instrumented+0AAh
;;   0120  sub rsp,8
;;   0124  push rax
;;   0125  call stubs+53Bh
;;   012a  add rsp,8
;;   012e  mov r13,[r15+58h]
;;   0135  cmp r13,1
;;   013c  ja func[0].instrumented+149h
;;   0142  lea r13,[stubs+7B3h]
;;   0149  ret
;; ---- func[1]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  movss xmm14,[rbp+10h]
;;   0014  ucomiss xmm14,xmm14
;;   0018  jp func[1]+7Fh
;;   001e  mov eax,0BF800000h
;;   0023  movd xmm15,eax
;;   0028  ucomiss xmm14,xmm15
;;   002c  jbe func[1]+84h
;;   0032  mov eax,5F800000h
;;   0037  movd xmm15,eax
;;   003c  ucomiss xmm14,xmm15
;;   0040  jae func[1]+84h
;;   0046  mov eax,5F000000h
;;   004b  movd xmm15,eax
;;   0050  ucomiss xmm14,xmm15
;;   0054  jb func[1]+72h
;;   005a  movaps xmm14,xmm14
;;   005e  subss xmm14,xmm15
;;   0063  cvttss2si rbx,xmm14
;;   0068  btc rbx,3Fh
;;   006d  jmp func[1]+77h
;;   0072  cvttss2si rbx,xmm14
;;   0077  mov rax,rbx
;;   007a  mov rsp,rbp
;;   007d  pop rbp
;;   007e  ret
;;   007f  call stubs+23h
;;   0084  call stubs+19h
;; ---- func[1]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+88h
;;   0014  movss xmm14,[rbp+10h]
;;   001d  ucomiss xmm14,xmm14
;;   0021  jp func[1]+0FBh
;;   0027  mov eax,0BF800000h
;;   002c  movd xmm15,eax
;;   0031  ucomiss xmm14,xmm15
;;   0035  jbe func[1]+100h
;;   003b  mov eax,5F800000h
;;   0040  movd xmm15,eax
;;   0045  ucomiss xmm14,xmm15
;;   0049  jae func[1]+100h
;;   004f  mov eax,5F000000h
;;   0054  movd xmm15,eax
;;   0059  ucomiss xmm14,xmm15
;;   005d  jb func[1]+7Bh
;;   0063  movaps xmm14,xmm14
;;   0067  subss xmm14,xmm15
;;   006c  cvttss2si rbx,xmm14
;;   0071  btc rbx,3Fh
;;   0076  jmp func[1]+80h
;;   007b  cvttss2si rbx,xmm14
;;   0080  mov rax,rbx
;;   0083  mov rsp,rbp
;;   0086  pop rbp
;;   0087  ret
;;   0088  bt r12,3Dh
;;   008d  jb func[1]+0E0h
;;   0093  mov rax,r12
;;   0096  shl rax,2
;;   009a  shr rax,2
;;   009e  cmp rsp,rax
;;   00a1  jb func[1]+0F3h
;;   00a7  mov rax,[r15+60h]
;;   00ae  bt r12,3Eh
;;   00b3  jae func[1]+0CFh
;;   00b9  shl r12,2
;;   00bd  shr r12,2
;;   00c1  test rax,rax
;;   00c4  je func[1]+14h
;;   00ca  bts r12,3Fh
;;   00cf  cmp rax,1
;;   00d5  ja func[1]+105h
;;   00db  jmp func[1]+14h
;;   00e0  mov rax,rsp
;;   00e3  mov rsp,rbp
;;   00e6  call stubs+1D7h
;;   00eb  mov rsp,rax
;;   00ee  jmp func[1]+88h
;;   00f3  mov rsp,rbp
;;   00f6  call stubs+55h
;;   00fb  call stubs+23h
;;   0100  call stubs+19h
;;   0105  cmp qword ptr [1008h],0
;;   010d  je func[1]+119h
;;   0113  jmp qword ptr [1008h]
;;   0119  call stubs+537h
;;   011e  jmp func[1]+14h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  mov r13,[r15+60h]
;;   0007  cmp r13,1
;;   000e  jbe func[1]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[1].instrumented+0D8h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[1].instrumented+0ECh
;;   0030  test byte ptr [r13],4
;;   0038  jne func[1].instrumented+100h
;;   003e  movss xmm14,[rbp+10h]
;;   0047  ucomiss xmm14,xmm14
;;   004b  jp func[1].instrumented+0CEh
;;   0051  mov eax,0BF800000h
;;   0056  movd xmm15,eax
;;   005b  ucomiss xmm14,xmm15
;;   005f  jbe func[1].instrumented+0D3h
;;   0065  mov eax,5F800000h
;;   006a  movd xmm15,eax
;;   006f  ucomiss xmm14,xmm15
;;   0073  jae func[1].instrumented+0D3h
;;   0079  mov eax,5F000000h
;;   007e  movd xmm15,eax
;;   0083  ucomiss xmm14,xmm15
;;   0087  jb func[1].instrumented+0A5h
;;   008d  movaps xmm14,xmm14
;;   0091  subss xmm14,xmm15
;;   0096  cvttss2si rbx,xmm14
;;   009b  btc rbx,3Fh
;;   00a0  jmp func[1].instrumented+0AAh
;;   00a5  cvttss2si rbx,xmm14
;;   00aa  test byte ptr [r13],8
;;   00b2  jne func[1].instrumented+114h
;;   00b8  test byte ptr [r13],10h
;;   00c0  jne func[1].instrumented+128h
;;   00c6  mov rax,rbx
;;   00c9  mov rsp,rbp
;;   00cc  pop rbp
;;   00cd  ret
;;   00ce  call stubs+23h
;;   00d3  call stubs+19h
;;   00d8  mov rax,100000000h
;;   00e2  call func[1].instrumented+13Ch
;;   00e7  jmp func[1].instrumented+22h
;;   00ec  mov rax,100000001h
;;   00f6  call func[1].instrumented+13Ch
;;   00fb  jmp func[1].instrumented+30h
;;   0100  mov rax,100000002h
;;   010a  call func[1].instrumented+13Ch
;;   010f  jmp func[1].instrumented+3Eh
;;   0114  mov rax,100000003h
;;   011e  call func[1].instrumented+13Ch
;;   0123  jmp func[1].instrumented+0B8h
;;   0128  mov rax,100000004h
;;   0132  call func[1].instrumented+13Ch
;;   0137  jmp func[1].instrumented+0C6h
;;   013c  sub rsp,8
;;   0140  push rax
;;   0141  call stubs+53Bh
;;   0146  add rsp,8
;;   014a  mov r13,[r15+60h]
;;   0151  cmp r13,1
;;   0158  ja func[1].instrumented+165h
;;   015e  lea r13,[stubs+7B3h]
;;   0165  ret
;; ---- func[2]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  movsd xmm14,[rbp+10h]
;;   0014  ucomisd xmm14,xmm14
;;   0019  jp func[2]+58h
;;   001f  mov rax,0C1E0000000200000h
;;   0029  movq xmm15,rax
;;   002e  ucomisd xmm14,xmm15
;;   0033  jbe func[2]+60h
;;   0039  mov rax,41E0000000000000h
;;   0043  movq xmm15,rax
;;   0048  ucomisd xmm14,xmm15
;;   004d  jae func[2]+6Fh
;;   0053  jmp func[2]+7Eh
;;   0058  xor ebx,ebx
;;   005b  jmp func[2]+86h
;;   0060  mov rbx,80000000h
;;   006a  jmp func[2]+86h
;;   006f  mov rbx,7FFFFFFFh
;;   0079  jmp func[2]+86h
;;   007e  cvttsd2si rbx,xmm14
;;   0083  mov ebx,ebx
;;   0086  mov eax,ebx
;;   0089  mov rsp,rbp
;;   008c  pop rbp
;;   008d  ret
;; ---- func[2]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  cmp rsp,r12
;;   000e  jb func[2]+97h
;;   0014  movsd xmm14,[rbp+10h]
;;   001d  ucomisd xmm14,xmm14
;;   0022  jp func[2]+61h
;;   0028  mov rax,0C1E0000000200000h
;;   0032  movq xmm15,rax
;;   0037  ucomisd xmm14,xmm15
;;   003c  jbe func[2]+69h
;;   0042  mov rax,41E0000000000000h
;;   004c  movq xmm15,rax
;;   0051  ucomisd xmm14,xmm15
;;   0056  jae func[2]+78h
;;   005c  jmp func[2]+87h
;;   0061  xor ebx,ebx
;;   0064  jmp func[2]+8Fh
;;   0069  mov rbx,80000000h
;;   0073  jmp func[2]+8Fh
;;   0078  mov rbx,7FFFFFFFh
;;   0082  jmp func[2]+8Fh
;;   0087  cvttsd2si rbx,xmm14
;;   008c  mov ebx,ebx
;;   008f  mov eax,ebx
;;   0092  mov rsp,rbp
;;   0095  pop rbp
;;   0096  ret
;;   0097  bt r12,3Dh
;;   009c  jb func[2]+0EFh
;;   00a2  mov rax,r12
;;   00a5  shl rax,2
;;   00a9  shr rax,2
;;   00ad  cmp rsp,rax
;;   00b0  jb func[2]+102h
;;   00b6  mov rax,[r15+68h]
;;   00bd  bt r12,3Eh
;;   00c2  jae func[2]+0DEh
;;   00c8  shl r12,2
;;   00cc  shr r12,2
;;   00d0  test rax,rax
;;   00d3  je func[2]+14h
;;   00d9  bts r12,3Fh
;;   00de  cmp rax,1
;;   00e4  ja func[2]+10Ah
;;   00ea  jmp func[2]+14h
;;   00ef  mov rax,rsp
;;   00f2  mov rsp,rbp
;;   00f5  call stubs+1D7h
;;   00fa  mov rsp,rax
;;   00fd  jmp func[2]+97h
;;   0102  mov rsp,rbp
;;   0105  call stubs+55h
;;   010a  cmp qword ptr [1010h],0
;;   0112  je func[2]+11Eh
;;   0118  jmp qword ptr [1010h]
;;   011e  call stubs+537h
;;   0123  jmp func[2]+14h
;; ---- func[2]: instrumented module, instrumented version
;;   0000  mov r13,[r15+68h]
;;   0007  cmp r13,1
;;   000e  jbe func[2]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[2].instrumented+0DDh
;;   0022  test byte ptr [r13],2
;;   002a  jne func[2].instrumented+0F1h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[2].instrumented+105h
;;   003e  movsd xmm14,[rbp+10h]
;;   0047  ucomisd xmm14,xmm14
;;   004c  jp func[2].instrumented+8Bh
;;   0052  mov rax,0C1E0000000200000h
;;   005c  movq xmm15,rax
;;   0061  ucomisd xmm14,xmm15
;;   0066  jbe func[2].instrumented+93h
;;   006c  mov rax,41E0000000000000h
;;   0076  movq xmm15,rax
;;   007b  ucomisd xmm14,xmm15
;;   0080  jae func[2].instrumented+0A2h
;;   0086  jmp func[2].instrumented+0B1h
;;   008b  xor ebx,ebx
;;   008e  jmp func[2].instrumented+0B9h
;;   0093  mov rbx,80000000h
;;   009d  jmp func[2].instrumented+0B9h
;;   00a2  mov rbx,7FFFFFFFh
;;   00ac  jmp func[2].instrumented+0B9h
;;   00b1  cvttsd2si rbx,xmm14
;;   00b6  mov ebx,ebx
;;   00b9  test byte ptr [r13],8
;;   00c1  jne func[2].instrumented+119h
;;   00c7  test byte ptr [r13],10h
;;   00cf  jne func[2].instrumented+12Dh
;;   00d5  mov eax,ebx
;;   00d8  mov rsp,rbp
;;   00db  pop rbp
;;   00dc  ret
;;   00dd  mov rax,200000000h
;;   00e7  call func[2].instrumented+141h
;;   00ec  jmp func[2].instrumented+22h
;;   00f1  mov rax,200000001h
;;   00fb  call func[2].instrumented+141h
;;   0100  jmp func[2].instrumented+30h
;;   0105  mov rax,200000002h
;;   010f  call func[2].instrumented+141h
;;   0114  jmp func[2].instrumented+3Eh
;;   0119  mov rax,200000003h
;;   0123  call func[2].instrumented+141h
;;   0128  jmp func[2].instrumented+0C7h
;;   012d  mov rax,200000004h
;;   0137  call func[2].instrumented+141h
;;   013c  jmp func[2].instrumented+0D5h
;;   0141  sub rsp,8
;;   0145  push rax
;;   0146  call stubs+53Bh
;;   014b  add rsp,8
;;   014f  mov r13,[r15+68h]
;;   0156  cmp r13,1
;;   015d  ja func[2].instrumented+16Ah
;;   0163  lea r13,[stubs+7B3h]
;;   016a  ret
;; ---- func[3]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  movsd xmm14,[rbp+10h]
;;   0014  ucomisd xmm14,xmm14
;;   0019  jp func[3]+58h
;;   001f  mov rax,0BFF0000000000000h
;;   0029  movq xmm15,rax
;;   002e  ucomisd xmm14,xmm15
;;   0033  jbe func[3]+60h
;;   0039  mov rax,43F0000000000000h
;;   0043  movq xmm15,rax
;;   0048  ucomisd xmm14,xmm15
;;   004d  jae func[3]+6Fh
;;   0053  jmp func[3]+7Eh
;;   0058  xor ebx,ebx
;;   005b  jmp func[3]+0B5h
;;   0060  mov rbx,0
;;   006a  jmp func[3]+0B5h
;;   006f  mov rbx,0FFFFFFFFFFFFFFFFh
;;   0079  jmp func[3]+0B5h
;;   007e  mov rax,43E0000000000000h
;;   0088  movq xmm15,rax
;;   008d  ucomisd xmm14,xmm15
;;   0092  jb func[3]+0B0h
;;   0098  movaps xmm14,xmm14
;;   009c  subsd xmm14,xmm15
;;   00a1  cvttsd2si rbx,xmm14
;;   00a6  btc rbx,3Fh
;;   00ab  jmp func[3]+0B5h
;;   00b0  cvttsd2si rbx,xmm14
;;   00b5  mov rax,rbx
;;   00b8  mov rsp,rbp
;;   00bb  pop rbp
;;   00bc  ret
;; ---- func[3]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  cmp rsp,r12
;;   000e  jb func[3]+0C6h
;;   0014  movsd xmm14,[rbp+10h]
;;   001d  ucomisd xmm14,xmm14
;;   0022  jp func[3]+61h
;;   0028  mov rax,0BFF0000000000000h
;;   0032  movq xmm15,rax
;;   0037  ucomisd xmm14,xmm15
;;   003c  jbe func[3]+69h
;;   0042  mov rax,43F0000000000000h
;;   004c  movq xmm15,rax
;;   0051  ucomisd xmm14,xmm15
;;   0056  jae func[3]+78h
;;   005c  jmp func[3]+87h
;;   0061  xor ebx,ebx
;;   0064  jmp func[3]+0BEh
;;   0069  mov rbx,0
;;   0073  jmp func[3]+0BEh
;;   0078  mov rbx,0FFFFFFFFFFFFFFFFh
;;   0082  jmp func[3]+0BEh
;;   0087  mov rax,43E0000000000000h
;;   0091  movq xmm15,rax
;;   0096  ucomisd xmm14,xmm15
;;   009b  jb func[3]+0B9h
;;   00a1  movaps xmm14,xmm14
;;   00a5  subsd xmm14,xmm15
;;   00aa  cvttsd2si rbx,xmm14
;;   00af  btc rbx,3Fh
;;   00b4  jmp func[3]+0BEh
;;   00b9  cvttsd2si rbx,xmm14
;;   00be  mov rax,rbx
;;   00c1  mov rsp,rbp
;;   00c4  pop rbp
;;   00c5  ret
;;   00c6  bt r12,3Dh
;;   00cb  jb func[3]+11Eh
;;   00d1  mov rax,r12
;;   00d4  shl rax,2
;;   00d8  shr rax,2
;;   00dc  cmp rsp,rax
;;   00df  jb func[3]+131h
;;   00e5  mov rax,[r15+70h]
;;   00ec  bt r12,3Eh
;;   00f1  jae func[3]+10Dh
;;   00f7  shl r12,2
;;   00fb  shr r12,2
;;   00ff  test rax,rax
;;   0102  je func[3]+14h
;;   0108  bts r12,3Fh
;;   010d  cmp rax,1
;;   0113  ja func[3]+139h
;;   0119  jmp func[3]+14h
;;   011e  mov rax,rsp
;;   0121  mov rsp,rbp
;;   0124  call stubs+1D7h
;;   0129  mov rsp,rax
;;   012c  jmp func[3]+0C6h
;;   0131  mov rsp,rbp
;;   0134  call stubs+55h
;;   0139  cmp qword ptr [1018h],0
;;   0141  je func[3]+14Dh
;;   0147  jmp qword ptr [1018h]
;;   014d  call stubs+537h
;;   0152  jmp func[3]+14h
;; ---- func[3]: instrumented module, instrumented version
;;   0000  mov r13,[r15+70h]
;;   0007  cmp r13,1
;;   000e  jbe func[3]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[3].instrumented+10Ch
;;   0022  test byte ptr [r13],2
;;   002a  jne func[3].instrumented+120h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[3].instrumented+134h
;;   003e  movsd xmm14,[rbp+10h]
;;   0047  ucomisd xmm14,xmm14
;;   004c  jp func[3].instrumented+8Bh
;;   0052  mov rax,0BFF0000000000000h
;;   005c  movq xmm15,rax
;;   0061  ucomisd xmm14,xmm15
;;   0066  jbe func[3].instrumented+93h
;;   006c  mov rax,43F0000000000000h
;;   0076  movq xmm15,rax
;;   007b  ucomisd xmm14,xmm15
;;   0080  jae func[3].instrumented+0A2h
;;   0086  jmp func[3].instrumented+0B1h
;;   008b  xor ebx,ebx
;;   008e  jmp func[3].instrumented+0E8h
;;   0093  mov rbx,0
;;   009d  jmp func[3].instrumented+0E8h
;;   00a2  mov rbx,0FFFFFFFFFFFFFFFFh
;;   00ac  jmp func[3].instrumented+0E8h
;;   00b1  mov rax,43E0000000000000h
;;   00bb  movq xmm15,rax
;;   00c0  ucomisd xmm14,xmm15
;;   00c5  jb func[3].instrumented+0E3h
;;   00cb  movaps xmm14,xmm14
;;   00cf  subsd xmm14,xmm15
;;   00d4  cvttsd2si rbx,xmm14
;;   00d9  btc rbx,3Fh
;;   00de  jmp func[3].instrumented+0E8h
;;   00e3  cvttsd2si rbx,xmm14
;;   00e8  test byte ptr [r13],8
;;   00f0  jne func[3].instrumented+148h
;;   00f6  test byte ptr [r13],10h
;;   00fe  jne func[3].instrumented+15Ch
;;   0104  mov rax,rbx
;;   0107  mov rsp,rbp
;;   010a  pop rbp
;;   010b  ret
;;   010c  mov rax,300000000h
;;   0116  call func[3].instrumented+170h
;;   011b  jmp func[3].instrumented+22h
;;   0120  mov rax,300000001h
;;   012a  call func[3].instrumented+170h
;;   012f  jmp func[3].instrumented+30h
;;   0134  mov rax,300000002h
;;   013e  call func[3].instrumented+170h
;;   0143  jmp func[3].instrumented+3Eh
;;   0148  mov rax,300000003h
;;   0152  call func[3].instrumented+170h
;;   0157  jmp func[3].instrumented+0F6h
;;   015c  mov rax,300000004h
;;   0166  call func[3].instrumented+170h
;;   016b  jmp func[3].instrumented+104h
;;   0170  sub rsp,8
;;   0174  push rax
;;   0175  call stubs+53Bh
;;   017a  add rsp,8
;;   017e  mov r13,[r15+70h]
;;   0185  cmp r13,1
;;   018c  ja func[3].instrumented+199h
;;   0192  lea r13,[stubs+7B3h]
;;   0199  ret
