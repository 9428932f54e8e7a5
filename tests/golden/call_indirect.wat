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
;;   000e  jb func[0]+26h
;;   0014  mov ebx,esi
;;   0017  add ebx,[rbp+18h]
;;   001e  mov eax,ebx
;;   0021  mov rsp,rbp
;;   0024  pop rbp
;;   0025  ret
;;   0026  mov rax,r12
;;   0029  bt rax,3Dh
;;   002e  jb func[0]+7Eh
;;   0034  shl rax,2
;;   0038  shr rax,2
;;   003c  cmp rsp,rax
;;   003f  jb func[0]+9Ah
;;   0045  mov rax,[r15+50h]
;;   004c  bt r12,3Eh
;;   0051  jae func[0]+6Dh
;;   0057  shl r12,2
;;   005b  shr r12,2
;;   005f  test rax,rax
;;   0062  je func[0]+14h
;;   0068  bts r12,3Fh
;;   006d  cmp rax,1
;;   0073  ja func[0]+0AAh
;;   0079  jmp func[0]+14h
;;   007e  mov rax,rsp
;;   0081  mov rsp,rbp
;;   0084  call stubs+20Bh
;;   0089  mov rsp,rax
;;   008c  test r12,r12
;;   008f  je func[0]+0A2h
;;   0095  jmp func[0]+26h
;;   009a  mov rsp,rbp
;;   009d  call stubs+55h
;;   00a2  mov rsp,rbp
;;   00a5  call stubs+87h
;;   00aa  jmp qword ptr [1000h]
;;   00b0  call stubs+56Bh
;;   00b5  jmp func[0]+14h
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
;;   0038  jne func[0].instrumented+0D1h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0E0h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+0EFh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+0FEh
;;   0068  mov ebx,[rbp+10h]
;;   006f  add ebx,[rbp+18h]
;;   0076  test byte ptr [r13],10h
;;   007e  jne func[0].instrumented+10Dh
;;   0084  test byte ptr [r13],20h
;;   008c  jne func[0].instrumented+11Ch
;;   0092  mov eax,ebx
;;   0095  mov rsp,rbp
;;   0098  pop rbp
;;   0099  ret
;;   009a  bt r12,3Dh
;;   009f  jae func[0].instrumented+0C1h
;;   00a5  mov rax,rsp
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+211h
;;   00b0  mov rsp,rax
;;   00b3  test r12,r12
;;   00b6  je func[0].instrumented+0C9h
;;   00bc  jmp func[0].instrumented+0Bh
;;   00c1  mov rsp,rbp
;;   00c4  call stubs+55h
;;   00c9  mov rsp,rbp
;;   00cc  call stubs+87h
;;   00d1  mov eax,0
;;   00d6  call func[0].instrumented+12Bh
;;   00db  jmp func[0].instrumented+3Eh
;;   00e0  mov eax,1
;;   00e5  call func[0].instrumented+12Bh
;;   00ea  jmp func[0].instrumented+4Ch
;;   00ef  mov eax,2
;;   00f4  call func[0].instrumented+12Bh
;;   00f9  jmp func[0].instrumented+5Ah
;;   00fe  mov eax,3
;;   0103  call func[0].instrumented+12Bh
;;   0108  jmp func[0].instrumented+68h
;;   010d  mov eax,4
;;   0112  call func[0].instrumented+12Bh
;;   0117  jmp func[0].instrumented+84h
;;   011c  mov eax,5
;;   0121  call func[0].instrumented+12Bh
;;   0126  jmp func[0].instrumented+92h
;;   012b  sub rsp,8
;;   012f  mov rdx,0
;;   0139  or rax,rdx
;;   013c  push rax
;;   013d  call stubs+571h
;;   0142  add rsp,8
;;   0146  mov r13,[r15+50h]
;;   014d  cmp r13,1
;;   0154  ja func[0].instrumented+161h
;;   015a  lea r13,[stubs+7E9h]
;;   0161  ret
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
;;   000e  jb func[1]+26h
;;   0014  mov ebx,esi
;;   0017  sub ebx,[rbp+18h]
;;   001e  mov eax,ebx
;;   0021  mov rsp,rbp
;;   0024  pop rbp
;;   0025  ret
;;   0026  mov rax,r12
;;   0029  bt rax,3Dh
;;   002e  jb func[1]+7Eh
;;   0034  shl rax,2
;;   0038  shr rax,2
;;   003c  cmp rsp,rax
;;   003f  jb func[1]+9Ah
;;   0045  mov rax,[r15+58h]
;;   004c  bt r12,3Eh
;;   0051  jae func[1]+6Dh
;;   0057  shl r12,2
;;   005b  shr r12,2
;;   005f  test rax,rax
;;   0062  je func[1]+14h
;;   0068  bts r12,3Fh
;;   006d  cmp rax,1
;;   0073  ja func[1]+0AAh
;;   0079  jmp func[1]+14h
;;   007e  mov rax,rsp
;;   0081  mov rsp,rbp
;;   0084  call stubs+20Bh
;;   0089  mov rsp,rax
;;   008c  test r12,r12
;;   008f  je func[1]+0A2h
;;   0095  jmp func[1]+26h
;;   009a  mov rsp,rbp
;;   009d  call stubs+55h
;;   00a2  mov rsp,rbp
;;   00a5  call stubs+87h
;;   00aa  jmp qword ptr [1008h]
;;   00b0  call stubs+56Bh
;;   00b5  jmp func[1]+14h
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
;;   0038  jne func[1].instrumented+0D1h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+0E0h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+0EFh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+0FEh
;;   0068  mov ebx,[rbp+10h]
;;   006f  sub ebx,[rbp+18h]
;;   0076  test byte ptr [r13],10h
;;   007e  jne func[1].instrumented+10Dh
;;   0084  test byte ptr [r13],20h
;;   008c  jne func[1].instrumented+11Ch
;;   0092  mov eax,ebx
;;   0095  mov rsp,rbp
;;   0098  pop rbp
;;   0099  ret
;;   009a  bt r12,3Dh
;;   009f  jae func[1].instrumented+0C1h
;;   00a5  mov rax,rsp
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+211h
;;   00b0  mov rsp,rax
;;   00b3  test r12,r12
;;   00b6  je func[1].instrumented+0C9h
;;   00bc  jmp func[1].instrumented+0Bh
;;   00c1  mov rsp,rbp
;;   00c4  call stubs+55h
;;   00c9  mov rsp,rbp
;;   00cc  call stubs+87h
;;   00d1  mov eax,0
;;   00d6  call func[1].instrumented+12Bh
;;   00db  jmp func[1].instrumented+3Eh
;;   00e0  mov eax,1
;;   00e5  call func[1].instrumented+12Bh
;;   00ea  jmp func[1].instrumented+4Ch
;;   00ef  mov eax,2
;;   00f4  call func[1].instrumented+12Bh
;;   00f9  jmp func[1].instrumented+5Ah
;;   00fe  mov eax,3
;;   0103  call func[1].instrumented+12Bh
;;   0108  jmp func[1].instrumented+68h
;;   010d  mov eax,4
;;   0112  call func[1].instrumented+12Bh
;;   0117  jmp func[1].instrumented+84h
;;   011c  mov eax,5
;;   0121  call func[1].instrumented+12Bh
;;   0126  jmp func[1].instrumented+92h
;;   012b  sub rsp,8
;;   012f  mov rdx,100000000h
;;   0139  or rax,rdx
;;   013c  push rax
;;   013d  call stubs+571h
;;   0142  add rsp,8
;;   0146  mov r13,[r15+58h]
;;   014d  cmp r13,1
;;   0154  ja func[1].instrumented+161h
;;   015a  lea r13,[stubs+7E9h]
;;   0161  ret
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
;;   004a  jae func[2]+113h
;;   0050  mov rax,[rax]
;;   0057  mov rax,[rax+rcx*8]
;;   005b  test rax,rax
;;   005e  je func[2]+118h
;;   0064  mov rdx,[r15+40h]
;;   006b  cmp rdx,[rax+10h]
;;   0072  jne func[2]+11Dh
;;   0078  mov rcx,[rax+8]
;;   007f  cmp rcx,r15
;;   0082  jne func[2]+0C9h
;;   0088  call qword ptr [rax]
;;   008e  mov rbx,rax
;;   0091  mov eax,ebx
;;   0094  mov rsp,rbp
;;   0097  pop rbp
;;   0098  ret
;;   0099  mov rax,rsp
;;   009c  mov rsp,rbp
;;   009f  call stubs+214h
;;   00a4  mov rsp,rax
;;   00a7  test r12,r12
;;   00aa  je func[2]+10Bh
;;   00b0  cmp rsp,r12
;;   00b3  jae func[2]+14h
;;   00b9  bt r12,3Dh
;;   00be  jb func[2]+99h
;;   00c4  jmp func[2]+103h
;;   00c9  mov [rbp-8],r15
;;   00cd  mov r15,rcx
;;   00d0  mov r14,[r15]
;;   00d7  or r12,[r15+10h]
;;   00de  call qword ptr [rax]
;;   00e4  mov r15,[rbp-8]
;;   00e8  mov r14,[r15]
;;   00ef  shl r12,2
;;   00f3  shr r12,2
;;   00f7  or r12,[r15+30h]
;;   00fe  jmp func[2]+8Eh
;;   0103  mov rsp,rbp
;;   0106  call stubs+55h
;;   010b  mov rsp,rbp
;;   010e  call stubs+87h
;;   0113  call stubs+37h
;;   0118  call stubs+41h
;;   011d  call stubs+4Bh
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
;;   004a  jae func[2]+162h
;;   0050  mov rax,[rax]
;;   0057  mov rax,[rax+rcx*8]
;;   005b  test rax,rax
;;   005e  je func[2]+167h
;;   0064  mov rdx,[r15+40h]
;;   006b  cmp rdx,[rax+10h]
;;   0072  jne func[2]+16Ch
;;   0078  mov rcx,[rax+8]
;;   007f  cmp rcx,r15
;;   0082  jne func[2]+10Dh
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
;;   00b2  jb func[2]+152h
;;   00b8  mov rax,[r15+60h]
;;   00bf  bt r12,3Eh
;;   00c4  jae func[2]+0E0h
;;   00ca  shl r12,2
;;   00ce  shr r12,2
;;   00d2  test rax,rax
;;   00d5  je func[2]+14h
;;   00db  bts r12,3Fh
;;   00e0  cmp rax,1
;;   00e6  ja func[2]+171h
;;   00ec  jmp func[2]+14h
;;   00f1  mov rax,rsp
;;   00f4  mov rsp,rbp
;;   00f7  call stubs+20Bh
;;   00fc  mov rsp,rax
;;   00ff  test r12,r12
;;   0102  je func[2]+15Ah
;;   0108  jmp func[2]+99h
;;   010d  mov [rbp-8],r15
;;   0111  mov r15,rcx
;;   0114  mov r14,[r15]
;;   011b  or r12,[r15+10h]
;;   0122  call qword ptr [rax]
;;   0128  mov r15,[rbp-8]
;;   012c  mov r14,[r15]
;;   0133  shl r12,2
;;   0137  shr r12,2
;;   013b  or r12,[r15+30h]
;;   0142  cmp qword ptr [r15+60h],1
;;   0147  ja func[2]+181h
;;   014d  jmp func[2]+8Eh
;;   0152  mov rsp,rbp
;;   0155  call stubs+55h
;;   015a  mov rsp,rbp
;;   015d  call stubs+87h
;;   0162  call stubs+37h
;;   0167  call stubs+41h
;;   016c  call stubs+4Bh
;;   0171  jmp qword ptr [1010h]
;;   0177  call stubs+56Bh
;;   017c  jmp func[2]+14h
;;   0181  jmp qword ptr [1018h]
;;   0187  call stubs+56Bh
;;   018c  jmp func[2]+8Eh
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
;;   0038  jne func[2].instrumented+1ABh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[2].instrumented+1BAh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[2].instrumented+1C9h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[2].instrumented+1D8h
;;   0068  test byte ptr [r13],10h
;;   0070  jne func[2].instrumented+1E7h
;;   0076  mov eax,[rbp+18h]
;;   007c  mov [rsp],eax
;;   0084  mov dword ptr [rsp+8],0Ah
;;   0090  mov ecx,[rbp+10h]
;;   0097  mov esi,[rbp+18h]
;;   009e  mov rax,[r15+48h]
;;   00a5  cmp rcx,[rax+8]
;;   00ac  jae func[2].instrumented+19Ch
;;   00b2  mov rax,[rax]
;;   00b9  mov rax,[rax+rcx*8]
;;   00bd  test rax,rax
;;   00c0  je func[2].instrumented+1A1h
;;   00c6  mov rdx,[r15+40h]
;;   00cd  cmp rdx,[rax+10h]
;;   00d4  jne func[2].instrumented+1A6h
;;   00da  mov rcx,[rax+8]
;;   00e1  cmp rcx,r15
;;   00e4  jne func[2].instrumented+152h
;;   00ea  call qword ptr [rax]
;;   00f0  mov r13,[r15+60h]
;;   00f7  cmp r13,1
;;   00fe  jbe func[2]+8Eh
;;   0104  mov rbx,rax
;;   0107  test byte ptr [r13],20h
;;   010f  jne func[2].instrumented+1F6h
;;   0115  test byte ptr [r13],40h
;;   011d  jne func[2].instrumented+205h
;;   0123  mov eax,ebx
;;   0126  mov rsp,rbp
;;   0129  pop rbp
;;   012a  ret
;;   012b  bt r12,3Dh
;;   0130  jae func[2].instrumented+18Ch
;;   0136  mov rax,rsp
;;   0139  mov rsp,rbp
;;   013c  call stubs+211h
;;   0141  mov rsp,rax
;;   0144  test r12,r12
;;   0147  je func[2].instrumented+194h
;;   014d  jmp func[2].instrumented+0Bh
;;   0152  mov [rbp-8],r15
;;   0156  mov r15,rcx
;;   0159  mov r14,[r15]
;;   0160  or r12,[r15+10h]
;;   0167  call qword ptr [rax]
;;   016d  mov r15,[rbp-8]
;;   0171  mov r14,[r15]
;;   0178  shl r12,2
;;   017c  shr r12,2
;;   0180  or r12,[r15+30h]
;;   0187  jmp func[2].instrumented+0F0h
;;   018c  mov rsp,rbp
;;   018f  call stubs+55h
;;   0194  mov rsp,rbp
;;   0197  call stubs+87h
;;   019c  call stubs+37h
;;   01a1  call stubs+41h
;;   01a6  call stubs+4Bh
;;   01ab  mov eax,0
;;   01b0  call func[2].instrumented+214h
;;   01b5  jmp func[2].instrumented+3Eh
;;   01ba  mov eax,1
;;   01bf  call func[2].instrumented+214h
;;   01c4  jmp func[2].instrumented+4Ch
;;   01c9  mov eax,2
;;   01ce  call func[2].instrumented+214h
;;   01d3  jmp func[2].instrumented+5Ah
;;   01d8  mov eax,3
;;   01dd  call func[2].instrumented+214h
;;   01e2  jmp func[2].instrumented+68h
;;   01e7  mov eax,4
;;   01ec  call func[2].instrumented+214h
;;   01f1  jmp func[2].instrumented+76h
;;   01f6  mov eax,5
;;   01fb  call func[2].instrumented+214h
;;   0200  jmp func[2].instrumented+115h
;;   0205  mov eax,6
;;   020a  call func[2].instrumented+214h
;;   020f  jmp func[2].instrumented+123h
;;   0214  sub rsp,8
;;   0218  mov rdx,200000000h
;;   0222  or rax,rdx
;;   0225  push rax
;;   0226  call stubs+571h
;;   022b  add rsp,8
;;   022f  mov r13,[r15+60h]
;;   0236  cmp r13,1
;;   023d  ja func[2].instrumented+24Ah
;;   0243  lea r13,[stubs+7E9h]
;;   024a  ret
