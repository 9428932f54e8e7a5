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
;;   000b  cmp qword ptr [r15+58h],0
;;   0010  jne func[0]+78h
;;   0016  movsd xmm14,[rbp+10h]
;;   001f  ucomisd xmm14,xmm14
;;   0024  jp func[0]+6Eh
;;   002a  mov rax,0C1E0000000200000h
;;   0034  movq xmm15,rax
;;   0039  ucomisd xmm14,xmm15
;;   003e  jbe func[0]+73h
;;   0044  mov rax,41E0000000000000h
;;   004e  movq xmm15,rax
;;   0053  ucomisd xmm14,xmm15
;;   0058  jae func[0]+73h
;;   005e  cvttsd2si rbx,xmm14
;;   0063  mov ebx,ebx
;;   0066  mov eax,ebx
;;   0069  mov rsp,rbp
;;   006c  pop rbp
;;   006d  ret
;;   006e  call stubs+23h
;;   0073  call stubs+19h
;;   0078  call stubs+53Bh
;;   007d  jmp func[0]+16h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+58h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+0B8h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+0CCh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+0E0h
;;   003a  movsd xmm14,[rbp+10h]
;;   0043  ucomisd xmm14,xmm14
;;   0048  jp func[0].instrumented+0AEh
;;   004e  mov rax,0C1E0000000200000h
;;   0058  movq xmm15,rax
;;   005d  ucomisd xmm14,xmm15
;;   0062  jbe func[0].instrumented+0B3h
;;   0068  mov rax,41E0000000000000h
;;   0072  movq xmm15,rax
;;   0077  ucomisd xmm14,xmm15
;;   007c  jae func[0].instrumented+0B3h
;;   0082  cvttsd2si rbx,xmm14
;;   0087  mov ebx,ebx
;;   008a  test byte ptr [r13],8
;;   0092  jne func[0].instrumented+0F4h
;;   0098  test byte ptr [r13],10h
;;   00a0  jne func[0].instrumented+108h
;;   00a6  mov eax,ebx
;;   00a9  mov rsp,rbp
;;   00ac  pop rbp
;;   00ad  ret
;;   00ae  call stubs+23h
;;   00b3  call stubs+19h
;;   00b8  mov rax,0
;;   00c2  call func[0].instrumented+11Ch
;;   00c7  jmp func[0].instrumented+1Eh
;;   00cc  mov rax,1
;;   00d6  call func[0].instrumented+11Ch
;;   00db  jmp func[0].instrumented+2Ch
;;   00e0  mov rax,2
;;   00ea  call func[0].instrumented+11Ch
;;   00ef  jmp func[0].instrumented+3Ah
;;   00f4  mov rax,3
;;   00fe  call func[0].instrumented+11Ch
;;   0103  jmp func[0].instrumented+98h
;;   0108  mov rax,4
;;   0112  call func[0].instrumented+11Ch
;;   0117  jmp func[0].instrumented+0A6h
;;   011c  sub rsp,8
;;   0120  push rax
;;   0121  call stubs+53Bh
;;   0126  add rsp,8
;;   012a  mov r13,[r15+58h]
;;   0131  test r13,r13
;;   0134  jne func[0].instrumented+141h
;;   013a  lea r13,[stubs+7B3h]
;;   0141  ret
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
;;   000b  cmp qword ptr [r15+60h],0
;;   0010  jne func[1]+94h
;;   0016  movss xmm14,[rbp+10h]
;;   001f  ucomiss xmm14,xmm14
;;   0023  jp func[1]+8Ah
;;   0029  mov eax,0BF800000h
;;   002e  movd xmm15,eax
;;   0033  ucomiss xmm14,xmm15
;;   0037  jbe func[1]+8Fh
;;   003d  mov eax,5F800000h
;;   0042  movd xmm15,eax
;;   0047  ucomiss xmm14,xmm15
;;   004b  jae func[1]+8Fh
;;   0051  mov eax,5F000000h
;;   0056  movd xmm15,eax
;;   005b  ucomiss xmm14,xmm15
;;   005f  jb func[1]+7Dh
;;   0065  movaps xmm14,xmm14
;;   0069  subss xmm14,xmm15
;;   006e  cvttss2si rbx,xmm14
;;   0073  btc rbx,3Fh
;;   0078  jmp func[1]+82h
;;   007d  cvttss2si rbx,xmm14
;;   0082  mov rax,rbx
;;   0085  mov rsp,rbp
;;   0088  pop rbp
;;   0089  ret
;;   008a  call stubs+23h
;;   008f  call stubs+19h
;;   0094  call stubs+53Bh
;;   0099  jmp func[1]+16h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  mov r13,[r15+60h]
;;   0007  test r13,r13
;;   000a  je func[1]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[1].instrumented+0D4h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[1].instrumented+0E8h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[1].instrumented+0FCh
;;   003a  movss xmm14,[rbp+10h]
;;   0043  ucomiss xmm14,xmm14
;;   0047  jp func[1].instrumented+0CAh
;;   004d  mov eax,0BF800000h
;;   0052  movd xmm15,eax
;;   0057  ucomiss xmm14,xmm15
;;   005b  jbe func[1].instrumented+0CFh
;;   0061  mov eax,5F800000h
;;   0066  movd xmm15,eax
;;   006b  ucomiss xmm14,xmm15
;;   006f  jae func[1].instrumented+0CFh
;;   0075  mov eax,5F000000h
;;   007a  movd xmm15,eax
;;   007f  ucomiss xmm14,xmm15
;;   0083  jb func[1].instrumented+0A1h
;;   0089  movaps xmm14,xmm14
;;   008d  subss xmm14,xmm15
;;   0092  cvttss2si rbx,xmm14
;;   0097  btc rbx,3Fh
;;   009c  jmp func[1].instrumented+0A6h
;;   00a1  cvttss2si rbx,xmm14
;;   00a6  test byte ptr [r13],8
;;   00ae  jne func[1].instrumented+110h
;;   00b4  test byte ptr [r13],10h
;;   00bc  jne func[1].instrumented+124h
;;   00c2  mov rax,rbx
;;   00c5  mov rsp,rbp
;;   00c8  pop rbp
;;   00c9  ret
;;   00ca  call stubs+23h
;;   00cf  call stubs+19h
;;   00d4  mov rax,100000000h
;;   00de  call func[1].instrumented+138h
;;   00e3  jmp func[1].instrumented+1Eh
;;   00e8  mov rax,100000001h
;;   00f2  call func[1].instrumented+138h
;;   00f7  jmp func[1].instrumented+2Ch
;;   00fc  mov rax,100000002h
;;   0106  call func[1].instrumented+138h
;;   010b  jmp func[1].instrumented+3Ah
;;   0110  mov rax,100000003h
;;   011a  call func[1].instrumented+138h
;;   011f  jmp func[1].instrumented+0B4h
;;   0124  mov rax,100000004h
;;   012e  call func[1].instrumented+138h
;;   0133  jmp func[1].instrumented+0C2h
;;   0138  sub rsp,8
;;   013c  push rax
;;   013d  call stubs+53Bh
;;   0142  add rsp,8
;;   0146  mov r13,[r15+60h]
;;   014d  test r13,r13
;;   0150  jne func[1].instrumented+15Dh
;;   0156  lea r13,[stubs+7B3h]
;;   015d  ret
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
;;   000b  cmp qword ptr [r15+68h],0
;;   0010  jne func[2]+99h
;;   0016  movsd xmm14,[rbp+10h]
;;   001f  ucomisd xmm14,xmm14
;;   0024  jp func[2]+63h
;;   002a  mov rax,0C1E0000000200000h
;;   0034  movq xmm15,rax
;;   0039  ucomisd xmm14,xmm15
;;   003e  jbe func[2]+6Bh
;;   0044  mov rax,41E0000000000000h
;;   004e  movq xmm15,rax
;;   0053  ucomisd xmm14,xmm15
;;   0058  jae func[2]+7Ah
;;   005e  jmp func[2]+89h
;;   0063  xor ebx,ebx
;;   0066  jmp func[2]+91h
;;   006b  mov rbx,80000000h
;;   0075  jmp func[2]+91h
;;   007a  mov rbx,7FFFFFFFh
;;   0084  jmp func[2]+91h
;;   0089  cvttsd2si rbx,xmm14
;;   008e  mov ebx,ebx
;;   0091  mov eax,ebx
;;   0094  mov rsp,rbp
;;   0097  pop rbp
;;   0098  ret
;;   0099  call stubs+53Bh
;;   009e  jmp func[2]+16h
;; ---- func[2]: instrumented module, instrumented version
;;   0000  mov r13,[r15+68h]
;;   0007  test r13,r13
;;   000a  je func[2]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[2].instrumented+0D9h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[2].instrumented+0EDh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[2].instrumented+101h
;;   003a  movsd xmm14,[rbp+10h]
;;   0043  ucomisd xmm14,xmm14
;;   0048  jp func[2].instrumented+87h
;;   004e  mov rax,0C1E0000000200000h
;;   0058  movq xmm15,rax
;;   005d  ucomisd xmm14,xmm15
;;   0062  jbe func[2].instrumented+8Fh
;;   0068  mov rax,41E0000000000000h
;;   0072  movq xmm15,rax
;;   0077  ucomisd xmm14,xmm15
;;   007c  jae func[2].instrumented+9Eh
;;   0082  jmp func[2].instrumented+0ADh
;;   0087  xor ebx,ebx
;;   008a  jmp func[2].instrumented+0B5h
;;   008f  mov rbx,80000000h
;;   0099  jmp func[2].instrumented+0B5h
;;   009e  mov rbx,7FFFFFFFh
;;   00a8  jmp func[2].instrumented+0B5h
;;   00ad  cvttsd2si rbx,xmm14
;;   00b2  mov ebx,ebx
;;   00b5  test byte ptr [r13],8
;;   00bd  jne func[2].instrumented+115h
;;   00c3  test byte ptr [r13],10h
;;   00cb  jne func[2].instrumented+129h
;;   00d1  mov eax,ebx
;;   00d4  mov rsp,rbp
;;   00d7  pop rbp
;;   00d8  ret
;;   00d9  mov rax,200000000h
;;   00e3  call func[2].instrumented+13Dh
;;   00e8  jmp func[2].instrumented+1Eh
;;   00ed  mov rax,200000001h
;;   00f7  call func[2].instrumented+13Dh
;;   00fc  jmp func[2].instrumented+2Ch
;;   0101  mov rax,200000002h
;;   010b  call func[2].instrumented+13Dh
;;   0110  jmp func[2].instrumented+3Ah
;;   0115  mov rax,200000003h
;;   011f  call func[2].instrumented+13Dh
;;   0124  jmp func[2].instrumented+0C3h
;;   0129  mov rax,200000004h
;;   0133  call func[2].instrumented+13Dh
;;   0138  jmp func[2].instrumented+0D1h
;;   013d  sub rsp,8
;;   0141  push rax
;;   0142  call stubs+53Bh
;;   0147  add rsp,8
;;   014b  mov r13,[r15+68h]
;;   0152  test r13,r13
;;   0155  jne func[2].instrumented+162h
;;   015b  lea r13,[stubs+7B3h]
;;   0162  ret
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
;;   000b  cmp qword ptr [r15+70h],0
;;   0010  jne func[3]+0C8h
;;   0016  movsd xmm14,[rbp+10h]
;;   001f  ucomisd xmm14,xmm14
;;   0024  jp func[3]+63h
;;   002a  mov rax,0BFF0000000000000h
;;   0034  movq xmm15,rax
;;   0039  ucomisd xmm14,xmm15
;;   003e  jbe func[3]+6Bh
;;   0044  mov rax,43F0000000000000h
;;   004e  movq xmm15,rax
;;   0053  ucomisd xmm14,xmm15
;;   0058  jae func[3]+7Ah
;;   005e  jmp func[3]+89h
;;   0063  xor ebx,ebx
;;   0066  jmp func[3]+0C0h
;;   006b  mov rbx,0
;;   0075  jmp func[3]+0C0h
;;   007a  mov rbx,0FFFFFFFFFFFFFFFFh
;;   0084  jmp func[3]+0C0h
;;   0089  mov rax,43E0000000000000h
;;   0093  movq xmm15,rax
;;   0098  ucomisd xmm14,xmm15
;;   009d  jb func[3]+0BBh
;;   00a3  movaps xmm14,xmm14
;;   00a7  subsd xmm14,xmm15
;;   00ac  cvttsd2si rbx,xmm14
;;   00b1  btc rbx,3Fh
;;   00b6  jmp func[3]+0C0h
;;   00bb  cvttsd2si rbx,xmm14
;;   00c0  mov rax,rbx
;;   00c3  mov rsp,rbp
;;   00c6  pop rbp
;;   00c7  ret
;;   00c8  call stubs+53Bh
;;   00cd  jmp func[3]+16h
;; ---- func[3]: instrumented module, instrumented version
;;   0000  mov r13,[r15+70h]
;;   0007  test r13,r13
;;   000a  je func[3]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[3].instrumented+108h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[3].instrumented+11Ch
;;   002c  test byte ptr [r13],4
;;   0034  jne func[3].instrumented+130h
;;   003a  movsd xmm14,[rbp+10h]
;;   0043  ucomisd xmm14,xmm14
;;   0048  jp func[3].instrumented+87h
;;   004e  mov rax,0BFF0000000000000h
;;   0058  movq xmm15,rax
;;   005d  ucomisd xmm14,xmm15
;;   0062  jbe func[3].instrumented+8Fh
;;   0068  mov rax,43F0000000000000h
;;   0072  movq xmm15,rax
;;   0077  ucomisd xmm14,xmm15
;;   007c  jae func[3].instrumented+9Eh
;;   0082  jmp func[3].instrumented+0ADh
;;   0087  xor ebx,ebx
;;   008a  jmp func[3].instrumented+0E4h
;;   008f  mov rbx,0
;;   0099  jmp func[3].instrumented+0E4h
;;   009e  mov rbx,0FFFFFFFFFFFFFFFFh
;;   00a8  jmp func[3].instrumented+0E4h
;;   00ad  mov rax,43E0000000000000h
;;   00b7  movq xmm15,rax
;;   00bc  ucomisd xmm14,xmm15
;;   00c1  jb func[3].instrumented+0DFh
;;   00c7  movaps xmm14,xmm14
;;   00cb  subsd xmm14,xmm15
;;   00d0  cvttsd2si rbx,xmm14
;;   00d5  btc rbx,3Fh
;;   00da  jmp func[3].instrumented+0E4h
;;   00df  cvttsd2si rbx,xmm14
;;   00e4  test byte ptr [r13],8
;;   00ec  jne func[3].instrumented+144h
;;   00f2  test byte ptr [r13],10h
;;   00fa  jne func[3].instrumented+158h
;;   0100  mov rax,rbx
;;   0103  mov rsp,rbp
;;   0106  pop rbp
;;   0107  ret
;;   0108  mov rax,300000000h
;;   0112  call func[3].instrumented+16Ch
;;   0117  jmp func[3].instrumented+1Eh
;;   011c  mov rax,300000001h
;;   0126  call func[3].instrumented+16Ch
;;   012b  jmp func[3].instrumented+2Ch
;;   0130  mov rax,300000002h
;;   013a  call func[3].instrumented+16Ch
;;   013f  jmp func[3].instrumented+3Ah
;;   0144  mov rax,300000003h
;;   014e  call func[3].instrumented+16Ch
;;   0153  jmp func[3].instrumented+0F2h
;;   0158  mov rax,300000004h
;;   0162  call func[3].instrumented+16Ch
;;   0167  jmp func[3].instrumented+100h
;;   016c  sub rsp,8
;;   0170  push rax
;;   0171  call stubs+53Bh
;;   0176  add rsp,8
;;   017a  mov r13,[r15+70h]
;;   0181  test r13,r13
;;   0184  jne func[3].instrumented+191h
;;   018a  lea r13,[stubs+7B3h]
;;   0191  ret
