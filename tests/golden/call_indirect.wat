;; call_indirect: the index is read into rcx before any argument register is written
;; (the argument copy used to overwrite it in rsi), then bounds, null and signature
;; checks against the table.
(module
  (type $binary (func (param i32 i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $add $sub)
  (func $add (type $binary) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binary) (i32.sub (local.get 0) (local.get 1)))
  (func (export "apply") (param $which i32) (param $x i32) (result i32)
    (call_indirect (type $binary) (local.get $x) (i32.const 10) (local.get $which))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0] $add: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov ebx,esi
;;   000e  add ebx,[rbp+18h]
;;   0015  mov eax,ebx
;;   0018  mov rsp,rbp
;;   001b  pop rbp
;;   001c  ret
;; ---- func[0] $add: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+2Ah
;;   0014  mov ebx,[rbp+10h]
;;   001b  add ebx,[rbp+18h]
;;   0022  mov eax,ebx
;;   0025  mov rsp,rbp
;;   0028  pop rbp
;;   0029  ret
;;   002a  mov rax,r12
;;   002d  bt rax,3Dh
;;   0032  jb func[0]+82h
;;   0038  shl rax,2
;;   003c  shr rax,2
;;   0040  cmp rsp,rax
;;   0043  jb func[0]+95h
;;   0049  mov rax,[r15+50h]
;;   0050  bt r12,3Eh
;;   0055  jae func[0]+71h
;;   005b  shl r12,2
;;   005f  shr r12,2
;;   0063  test rax,rax
;;   0066  je func[0]+14h
;;   006c  bts r12,3Fh
;;   0071  cmp rax,1
;;   0077  ja func[0]+9Dh
;;   007d  jmp func[0]+14h
;;   0082  mov rax,rsp
;;   0085  mov rsp,rbp
;;   0088  call stubs+1D6h
;;   008d  mov rsp,rax
;;   0090  jmp func[0]+2Ah
;;   0095  mov rsp,rbp
;;   0098  call stubs+55h
;;   009d  jmp qword ptr [1000h]
;;   00a3  call stubs+536h
;;   00a8  jmp func[0]+14h
;; ---- func[0] $add: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+9Ah
;;   001c  mov r13,[r15+50h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+0C0h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0CFh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+0DEh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+0EDh
;;   0068  mov ebx,[rbp+10h]
;;   006f  add ebx,[rbp+18h]
;;   0076  test byte ptr [r13],10h
;;   007e  jne func[0].instrumented+0FCh
;;   0084  test byte ptr [r13],20h
;;   008c  jne func[0].instrumented+10Bh
;;   0092  mov eax,ebx
;;   0095  mov rsp,rbp
;;   0098  pop rbp
;;   0099  ret
;;   009a  bt r12,3Dh
;;   009f  jae func[0].instrumented+0B8h
;;   00a5  mov rax,rsp
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+1D4h
;;   00b0  mov rsp,rax
;;   00b3  jmp func[0].instrumented+0Bh
;;   00b8  mov rsp,rbp
;;   00bb  call stubs+55h
;;   00c0  mov eax,0
;;   00c5  call func[0].instrumented+11Ah
;;   00ca  jmp func[0].instrumented+3Eh
;;   00cf  mov eax,1
;;   00d4  call func[0].instrumented+11Ah
;;   00d9  jmp func[0].instrumented+4Ch
;;   00de  mov eax,2
;;   00e3  call func[0].instrumented+11Ah
;;   00e8  jmp func[0].instrumented+5Ah
;;   00ed  mov eax,3
;;   00f2  call func[0].instrumented+11Ah
;;   00f7  jmp func[0].instrumented+68h
;;   00fc  mov eax,4
;;   0101  call func[0].instrumented+11Ah
;;   0106  jmp func[0].instrumented+84h
;;   010b  mov eax,5
;;   0110  call func[0].instrumented+11Ah
;;   0115  jmp func[0].instrumented+92h
;;   011a  sub rsp,8
;;   011e  mov rdx,0
;;   0128  or rax,rdx
;;   012b  push rax
;;   012c  call stubs+534h
;;   0131  add rsp,8
;;   0135  mov r13,[r15+50h]
;;   013c  cmp r13,1
;;   0143  ja func[0].instrumented+150h
;;   0149  lea r13,[stubs+7ACh]
;;   0150  ret
;; ---- func[1] $sub: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov ebx,esi
;;   000e  sub ebx,[rbp+18h]
;;   0015  mov eax,ebx
;;   0018  mov rsp,rbp
;;   001b  pop rbp
;;   001c  ret
;; ---- func[1] $sub: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+2Ah
;;   0014  mov ebx,[rbp+10h]
;;   001b  sub ebx,[rbp+18h]
;;   0022  mov eax,ebx
;;   0025  mov rsp,rbp
;;   0028  pop rbp
;;   0029  ret
;;   002a  mov rax,r12
;;   002d  bt rax,3Dh
;;   0032  jb func[1]+82h
;;   0038  shl rax,2
;;   003c  shr rax,2
;;   0040  cmp rsp,rax
;;   0043  jb func[1]+95h
;;   0049  mov rax,[r15+58h]
;;   0050  bt r12,3Eh
;;   0055  jae func[1]+71h
;;   005b  shl r12,2
;;   005f  shr r12,2
;;   0063  test rax,rax
;;   0066  je func[1]+14h
;;   006c  bts r12,3Fh
;;   0071  cmp rax,1
;;   0077  ja func[1]+9Dh
;;   007d  jmp func[1]+14h
;;   0082  mov rax,rsp
;;   0085  mov rsp,rbp
;;   0088  call stubs+1D6h
;;   008d  mov rsp,rax
;;   0090  jmp func[1]+2Ah
;;   0095  mov rsp,rbp
;;   0098  call stubs+55h
;;   009d  jmp qword ptr [1008h]
;;   00a3  call stubs+536h
;;   00a8  jmp func[1]+14h
;; ---- func[1] $sub: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[1].instrumented+9Ah
;;   001c  mov r13,[r15+58h]
;;   0023  cmp r13,1
;;   002a  jbe func[1]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[1].instrumented+0C0h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+0CFh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+0DEh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+0EDh
;;   0068  mov ebx,[rbp+10h]
;;   006f  sub ebx,[rbp+18h]
;;   0076  test byte ptr [r13],10h
;;   007e  jne func[1].instrumented+0FCh
;;   0084  test byte ptr [r13],20h
;;   008c  jne func[1].instrumented+10Bh
;;   0092  mov eax,ebx
;;   0095  mov rsp,rbp
;;   0098  pop rbp
;;   0099  ret
;;   009a  bt r12,3Dh
;;   009f  jae func[1].instrumented+0B8h
;;   00a5  mov rax,rsp
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+1D4h
;;   00b0  mov rsp,rax
;;   00b3  jmp func[1].instrumented+0Bh
;;   00b8  mov rsp,rbp
;;   00bb  call stubs+55h
;;   00c0  mov eax,0
;;   00c5  call func[1].instrumented+11Ah
;;   00ca  jmp func[1].instrumented+3Eh
;;   00cf  mov eax,1
;;   00d4  call func[1].instrumented+11Ah
;;   00d9  jmp func[1].instrumented+4Ch
;;   00de  mov eax,2
;;   00e3  call func[1].instrumented+11Ah
;;   00e8  jmp func[1].instrumented+5Ah
;;   00ed  mov eax,3
;;   00f2  call func[1].instrumented+11Ah
;;   00f7  jmp func[1].instrumented+68h
;;   00fc  mov eax,4
;;   0101  call func[1].instrumented+11Ah
;;   0106  jmp func[1].instrumented+84h
;;   010b  mov eax,5
;;   0110  call func[1].instrumented+11Ah
;;   0115  jmp func[1].instrumented+92h
;;   011a  sub rsp,8
;;   011e  mov rdx,100000000h
;;   0128  or rax,rdx
;;   012b  push rax
;;   012c  call stubs+534h
;;   0131  add rsp,8
;;   0135  mov r13,[r15+58h]
;;   013c  cmp r13,1
;;   0143  ja func[1].instrumented+150h
;;   0149  lea r13,[stubs+7ACh]
;;   0150  ret
;; ---- func[2]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[2]+99h
;;   0014  mov eax,[rbp+18h]
;;   001a  mov [rsp],eax
;;   0022  mov dword ptr [rsp+8],0Ah
;;   002e  mov ecx,[rbp+10h]
;;   0035  mov esi,[rbp+18h]
;;   003c  mov rax,[r15+48h]
;;   0043  cmp rcx,[rax+8]
;;   004a  jae func[2]+102h
;;   0050  mov rax,[rax]
;;   0057  mov rax,[rax+rcx*8]
;;   005b  test rax,rax
;;   005e  je func[2]+107h
;;   0064  mov rdx,[r15+40h]
;;   006b  cmp rdx,[rax+10h]
;;   0072  jne func[2]+10Ch
;;   0078  mov rcx,[rax+8]
;;   007f  cmp rcx,r15
;;   0082  jne func[2]+0C0h
;;   0088  call qword ptr [rax]
;;   008e  mov rbx,rax
;;   0091  mov eax,ebx
;;   0094  mov rsp,rbp
;;   0097  pop rbp
;;   0098  ret
;;   0099  mov rax,rsp
;;   009c  mov rsp,rbp
;;   009f  call stubs+1D5h
;;   00a4  mov rsp,rax
;;   00a7  cmp rsp,r12
;;   00aa  jae func[2]+14h
;;   00b0  bt r12,3Dh
;;   00b5  jb func[2]+99h
;;   00bb  jmp func[2]+0FAh
;;   00c0  mov [rbp-8],r15
;;   00c4  mov r15,rcx
;;   00c7  mov r14,[r15]
;;   00ce  or r12,[r15+10h]
;;   00d5  call qword ptr [rax]
;;   00db  mov r15,[rbp-8]
;;   00df  mov r14,[r15]
;;   00e6  shl r12,2
;;   00ea  shr r12,2
;;   00ee  or r12,[r15+30h]
;;   00f5  jmp func[2]+8Eh
;;   00fa  mov rsp,rbp
;;   00fd  call stubs+55h
;;   0102  call stubs+37h
;;   0107  call stubs+41h
;;   010c  call stubs+4Bh
;; ---- func[2]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[2]+99h
;;   0014  mov eax,[rbp+18h]
;;   001a  mov [rsp],eax
;;   0022  mov dword ptr [rsp+8],0Ah
;;   002e  mov ecx,[rbp+10h]
;;   0035  mov esi,[rbp+18h]
;;   003c  mov rax,[r15+48h]
;;   0043  cmp rcx,[rax+8]
;;   004a  jae func[2]+151h
;;   0050  mov rax,[rax]
;;   0057  mov rax,[rax+rcx*8]
;;   005b  test rax,rax
;;   005e  je func[2]+156h
;;   0064  mov rdx,[r15+40h]
;;   006b  cmp rdx,[rax+10h]
;;   0072  jne func[2]+15Bh
;;   0078  mov rcx,[rax+8]
;;   007f  cmp rcx,r15
;;   0082  jne func[2]+104h
;;   0088  call qword ptr [rax]
;;   008e  mov rbx,rax
;;   0091  mov eax,ebx
;;   0094  mov rsp,rbp
;;   0097  pop rbp
;;   0098  ret
;;   0099  mov rax,r12
;;   009c  bt rax,3Dh
;;   00a1  jb func[2]+0F1h
;;   00a7  shl rax,2
;;   00ab  shr rax,2
;;   00af  cmp rsp,rax
;;   00b2  jb func[2]+149h
;;   00b8  mov rax,[r15+60h]
;;   00bf  bt r12,3Eh
;;   00c4  jae func[2]+0E0h
;;   00ca  shl r12,2
;;   00ce  shr r12,2
;;   00d2  test rax,rax
;;   00d5  je func[2]+14h
;;   00db  bts r12,3Fh
;;   00e0  cmp rax,1
;;   00e6  ja func[2]+160h
;;   00ec  jmp func[2]+14h
;;   00f1  mov rax,rsp
;;   00f4  mov rsp,rbp
;;   00f7  call stubs+1D6h
;;   00fc  mov rsp,rax
;;   00ff  jmp func[2]+99h
;;   0104  mov [rbp-8],r15
;;   0108  mov r15,rcx
;;   010b  mov r14,[r15]
;;   0112  or r12,[r15+10h]
;;   0119  call qword ptr [rax]
;;   011f  mov r15,[rbp-8]
;;   0123  mov r14,[r15]
;;   012a  shl r12,2
;;   012e  shr r12,2
;;   0132  or r12,[r15+30h]
;;   0139  cmp qword ptr [r15+60h],1
;;   013e  ja func[2]+170h
;;   0144  jmp func[2]+8Eh
;;   0149  mov rsp,rbp
;;   014c  call stubs+55h
;;   0151  call stubs+37h
;;   0156  call stubs+41h
;;   015b  call stubs+4Bh
;;   0160  jmp qword ptr [1010h]
;;   0166  call stubs+536h
;;   016b  jmp func[2]+14h
;;   0170  jmp qword ptr [1018h]
;;   0176  call stubs+536h
;;   017b  jmp func[2]+8Eh
;; ---- func[2]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[2].instrumented+12Bh
;;   001c  mov r13,[r15+60h]
;;   0023  cmp r13,1
;;   002a  jbe func[2]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[2].instrumented+19Ah
;;   003e  test byte ptr [r13],2
;;   0046  jne func[2].instrumented+1A9h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[2].instrumented+1B8h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[2].instrumented+1C7h
;;   0068  test byte ptr [r13],10h
;;   0070  jne func[2].instrumented+1D6h
;;   0076  mov eax,[rbp+18h]
;;   007c  mov [rsp],eax
;;   0084  mov dword ptr [rsp+8],0Ah
;;   0090  mov ecx,[rbp+10h]
;;   0097  mov esi,[rbp+18h]
;;   009e  mov rax,[r15+48h]
;;   00a5  cmp rcx,[rax+8]
;;   00ac  jae func[2].instrumented+18Bh
;;   00b2  mov rax,[rax]
;;   00b9  mov rax,[rax+rcx*8]
;;   00bd  test rax,rax
;;   00c0  je func[2].instrumented+190h
;;   00c6  mov rdx,[r15+40h]
;;   00cd  cmp rdx,[rax+10h]
;;   00d4  jne func[2].instrumented+195h
;;   00da  mov rcx,[rax+8]
;;   00e1  cmp rcx,r15
;;   00e4  jne func[2].instrumented+149h
;;   00ea  call qword ptr [rax]
;;   00f0  mov r13,[r15+60h]
;;   00f7  cmp r13,1
;;   00fe  jbe func[2]+8Eh
;;   0104  mov rbx,rax
;;   0107  test byte ptr [r13],20h
;;   010f  jne func[2].instrumented+1E5h
;;   0115  test byte ptr [r13],40h
;;   011d  jne func[2].instrumented+1F4h
;;   0123  mov eax,ebx
;;   0126  mov rsp,rbp
;;   0129  pop rbp
;;   012a  ret
;;   012b  bt r12,3Dh
;;   0130  jae func[2].instrumented+183h
;;   0136  mov rax,rsp
;;   0139  mov rsp,rbp
;;   013c  call stubs+1D4h
;;   0141  mov rsp,rax
;;   0144  jmp func[2].instrumented+0Bh
;;   0149  mov [rbp-8],r15
;;   014d  mov r15,rcx
;;   0150  mov r14,[r15]
;;   0157  or r12,[r15+10h]
;;   015e  call qword ptr [rax]
;;   0164  mov r15,[rbp-8]
;;   0168  mov r14,[r15]
;;   016f  shl r12,2
;;   0173  shr r12,2
;;   0177  or r12,[r15+30h]
;;   017e  jmp func[2].instrumented+0F0h
;;   0183  mov rsp,rbp
;;   0186  call stubs+55h
;;   018b  call stubs+37h
;;   0190  call stubs+41h
;;   0195  call stubs+4Bh
;;   019a  mov eax,0
;;   019f  call func[2].instrumented+203h
;;   01a4  jmp func[2].instrumented+3Eh
;;   01a9  mov eax,1
;;   01ae  call func[2].instrumented+203h
;;   01b3  jmp func[2].instrumented+4Ch
;;   01b8  mov eax,2
;;   01bd  call func[2].instrumented+203h
;;   01c2  jmp func[2].instrumented+5Ah
;;   01c7  mov eax,3
;;   01cc  call func[2].instrumented+203h
;;   01d1  jmp func[2].instrumented+68h
;;   01d6  mov eax,4
;;   01db  call func[2].instrumented+203h
;;   01e0  jmp func[2].instrumented+76h
;;   01e5  mov eax,5
;;   01ea  call func[2].instrumented+203h
;;   01ef  jmp func[2].instrumented+115h
;;   01f4  mov eax,6
;;   01f9  call func[2].instrumented+203h
;;   01fe  jmp func[2].instrumented+123h
;;   0203  sub rsp,8
;;   0207  mov rdx,200000000h
;;   0211  or rax,rdx
;;   0214  push rax
;;   0215  call stubs+534h
;;   021a  add rsp,8
;;   021e  mov r13,[r15+60h]
;;   0225  cmp r13,1
;;   022c  ja func[2].instrumented+239h
;;   0232  lea r13,[stubs+7ACh]
;;   0239  ret
