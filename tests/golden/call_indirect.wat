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
;;   000b  cmp qword ptr [r15+50h],0
;;   0010  jne func[0].instrumented
;;   0016  mov ebx,[rbp+10h]
;;   001d  add ebx,[rbp+18h]
;;   0024  mov eax,ebx
;;   0027  mov rsp,rbp
;;   002a  pop rbp
;;   002b  ret
;; ---- func[0] $add: instrumented module, instrumented version
;;   0000  mov r13,[r15+50h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+7Ah
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+89h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+98h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+0A7h
;;   0048  mov ebx,[rbp+10h]
;;   004f  add ebx,[rbp+18h]
;;   0056  test byte ptr [r13],10h
;;   005e  jne func[0].instrumented+0B6h
;;   0064  test byte ptr [r13],20h
;;   006c  jne func[0].instrumented+0C5h
;;   0072  mov eax,ebx
;;   0075  mov rsp,rbp
;;   0078  pop rbp
;;   0079  ret
;;   007a  mov eax,0
;;   007f  call func[0].instrumented+0D4h
;;   0084  jmp func[0].instrumented+1Eh
;;   0089  mov eax,1
;;   008e  call func[0].instrumented+0D4h
;;   0093  jmp func[0].instrumented+2Ch
;;   0098  mov eax,2
;;   009d  call func[0].instrumented+0D4h
;;   00a2  jmp func[0].instrumented+3Ah
;;   00a7  mov eax,3
;;   00ac  call func[0].instrumented+0D4h
;;   00b1  jmp func[0].instrumented+48h
;;   00b6  mov eax,4
;;   00bb  call func[0].instrumented+0D4h
;;   00c0  jmp func[0].instrumented+64h
;;   00c5  mov eax,5
;;   00ca  call func[0].instrumented+0D4h
;;   00cf  jmp func[0].instrumented+72h
;;   00d4  sub rsp,8
;;   00d8  push rax
;;   00d9  call stubs+539h
;;   00de  add rsp,8
;;   00e2  mov r13,[r15+50h]
;;   00e9  test r13,r13
;;   00ec  jne func[0].instrumented+0F9h
;;   00f2  lea r13,[stubs+7B1h]
;;   00f9  ret
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
;;   000b  cmp qword ptr [r15+58h],0
;;   0010  jne func[1].instrumented
;;   0016  mov ebx,[rbp+10h]
;;   001d  sub ebx,[rbp+18h]
;;   0024  mov eax,ebx
;;   0027  mov rsp,rbp
;;   002a  pop rbp
;;   002b  ret
;; ---- func[1] $sub: instrumented module, instrumented version
;;   0000  mov r13,[r15+58h]
;;   0007  test r13,r13
;;   000a  je func[1]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[1].instrumented+7Ah
;;   001e  test byte ptr [r13],2
;;   0026  jne func[1].instrumented+89h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[1].instrumented+98h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[1].instrumented+0A7h
;;   0048  mov ebx,[rbp+10h]
;;   004f  sub ebx,[rbp+18h]
;;   0056  test byte ptr [r13],10h
;;   005e  jne func[1].instrumented+0B6h
;;   0064  test byte ptr [r13],20h
;;   006c  jne func[1].instrumented+0C5h
;;   0072  mov eax,ebx
;;   0075  mov rsp,rbp
;;   0078  pop rbp
;;   0079  ret
;;   007a  mov eax,6
;;   007f  call func[1].instrumented+0D4h
;;   0084  jmp func[1].instrumented+1Eh
;;   0089  mov eax,7
;;   008e  call func[1].instrumented+0D4h
;;   0093  jmp func[1].instrumented+2Ch
;;   0098  mov eax,8
;;   009d  call func[1].instrumented+0D4h
;;   00a2  jmp func[1].instrumented+3Ah
;;   00a7  mov eax,9
;;   00ac  call func[1].instrumented+0D4h
;;   00b1  jmp func[1].instrumented+48h
;;   00b6  mov eax,0Ah
;;   00bb  call func[1].instrumented+0D4h
;;   00c0  jmp func[1].instrumented+64h
;;   00c5  mov eax,0Bh
;;   00ca  call func[1].instrumented+0D4h
;;   00cf  jmp func[1].instrumented+72h
;;   00d4  sub rsp,8
;;   00d8  push rax
;;   00d9  call stubs+539h
;;   00de  add rsp,8
;;   00e2  mov r13,[r15+58h]
;;   00e9  test r13,r13
;;   00ec  jne func[1].instrumented+0F9h
;;   00f2  lea r13,[stubs+7B1h]
;;   00f9  ret
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
;;   004a  jae func[2]+0E7h
;;   0050  mov rax,[rax]
;;   0057  mov rax,[rax+rcx*8]
;;   005b  test rax,rax
;;   005e  je func[2]+0ECh
;;   0064  mov rdx,[r15+40h]
;;   006b  cmp rdx,[rax+10h]
;;   0072  jne func[2]+0F1h
;;   0078  mov rcx,[rax+8]
;;   007f  cmp rcx,r15
;;   0082  jne func[2]+0B5h
;;   0088  call qword ptr [rax]
;;   008e  mov rbx,rax
;;   0091  mov eax,ebx
;;   0094  mov rsp,rbp
;;   0097  pop rbp
;;   0098  ret
;;   0099  mov rax,rsp
;;   009c  mov rsp,rbp
;;   009f  call stubs+1D0h
;;   00a4  mov rsp,rax
;;   00a7  cmp rsp,r12
;;   00aa  jb func[2]+0DFh
;;   00b0  jmp func[2]+14h
;;   00b5  mov [rbp-8],r15
;;   00bc  mov r15,rcx
;;   00bf  mov r14,[r15]
;;   00c6  call qword ptr [rax]
;;   00cc  mov r15,[rbp-8]
;;   00d3  mov r14,[r15]
;;   00da  jmp func[2]+8Eh
;;   00df  mov rsp,rbp
;;   00e2  call stubs+55h
;;   00e7  call stubs+37h
;;   00ec  call stubs+41h
;;   00f1  call stubs+4Bh
;; ---- func[2]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[2]+0A4h
;;   0014  cmp qword ptr [r15+60h],0
;;   0019  jne func[2].instrumented
;;   001f  mov eax,[rbp+18h]
;;   0025  mov [rsp],eax
;;   002d  mov dword ptr [rsp+8],0Ah
;;   0039  mov ecx,[rbp+10h]
;;   0040  mov esi,[rbp+18h]
;;   0047  mov rax,[r15+48h]
;;   004e  cmp rcx,[rax+8]
;;   0055  jae func[2]+0FDh
;;   005b  mov rax,[rax]
;;   0062  mov rax,[rax+rcx*8]
;;   0066  test rax,rax
;;   0069  je func[2]+102h
;;   006f  mov rdx,[r15+40h]
;;   0076  cmp rdx,[rax+10h]
;;   007d  jne func[2]+107h
;;   0083  mov rcx,[rax+8]
;;   008a  cmp rcx,r15
;;   008d  jne func[2]+0C0h
;;   0093  call qword ptr [rax]
;;   0099  mov rbx,rax
;;   009c  mov eax,ebx
;;   009f  mov rsp,rbp
;;   00a2  pop rbp
;;   00a3  ret
;;   00a4  mov rax,rsp
;;   00a7  mov rsp,rbp
;;   00aa  call stubs+1D9h
;;   00af  mov rsp,rax
;;   00b2  cmp rsp,r12
;;   00b5  jb func[2]+0F5h
;;   00bb  jmp func[2]+14h
;;   00c0  mov [rbp-8],r15
;;   00c7  mov r15,rcx
;;   00ca  mov r14,[r15]
;;   00d1  call qword ptr [rax]
;;   00d7  mov r15,[rbp-8]
;;   00de  mov r14,[r15]
;;   00e5  cmp qword ptr [r15+60h],0
;;   00ea  jne func[2].instrumented+0D0h
;;   00f0  jmp func[2]+99h
;;   00f5  mov rsp,rbp
;;   00f8  call stubs+55h
;;   00fd  call stubs+37h
;;   0102  call stubs+41h
;;   0107  call stubs+4Bh
;; ---- func[2]: instrumented module, instrumented version
;;   0000  mov r13,[r15+60h]
;;   0007  test r13,r13
;;   000a  je func[2]+1Fh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[2].instrumented+140h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[2].instrumented+14Fh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[2].instrumented+15Eh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[2].instrumented+16Dh
;;   0048  test byte ptr [r13],10h
;;   0050  jne func[2].instrumented+17Ch
;;   0056  mov eax,[rbp+18h]
;;   005c  mov [rsp],eax
;;   0064  mov dword ptr [rsp+8],0Ah
;;   0070  mov ecx,[rbp+10h]
;;   0077  mov esi,[rbp+18h]
;;   007e  mov rax,[r15+48h]
;;   0085  cmp rcx,[rax+8]
;;   008c  jae func[2].instrumented+131h
;;   0092  mov rax,[rax]
;;   0099  mov rax,[rax+rcx*8]
;;   009d  test rax,rax
;;   00a0  je func[2].instrumented+136h
;;   00a6  mov rdx,[r15+40h]
;;   00ad  cmp rdx,[rax+10h]
;;   00b4  jne func[2].instrumented+13Bh
;;   00ba  mov rcx,[rax+8]
;;   00c1  cmp rcx,r15
;;   00c4  jne func[2].instrumented+107h
;;   00ca  call qword ptr [rax]
;;   00d0  mov r13,[r15+60h]
;;   00d7  test r13,r13
;;   00da  je func[2]+99h
;;   00e0  mov rbx,rax
;;   00e3  test byte ptr [r13],20h
;;   00eb  jne func[2].instrumented+18Bh
;;   00f1  test byte ptr [r13],40h
;;   00f9  jne func[2].instrumented+19Ah
;;   00ff  mov eax,ebx
;;   0102  mov rsp,rbp
;;   0105  pop rbp
;;   0106  ret
;;   0107  mov [rbp-8],r15
;;   010e  mov r15,rcx
;;   0111  mov r14,[r15]
;;   0118  call qword ptr [rax]
;;   011e  mov r15,[rbp-8]
;;   0125  mov r14,[r15]
;;   012c  jmp func[2].instrumented+0D0h
;;   0131  call stubs+37h
;;   0136  call stubs+41h
;;   013b  call stubs+4Bh
;;   0140  mov eax,0Ch
;;   0145  call func[2].instrumented+1A9h
;;   014a  jmp func[2].instrumented+1Eh
;;   014f  mov eax,0Dh
;;   0154  call func[2].instrumented+1A9h
;;   0159  jmp func[2].instrumented+2Ch
;;   015e  mov eax,0Eh
;;   0163  call func[2].instrumented+1A9h
;;   0168  jmp func[2].instrumented+3Ah
;;   016d  mov eax,0Fh
;;   0172  call func[2].instrumented+1A9h
;;   0177  jmp func[2].instrumented+48h
;;   017c  mov eax,10h
;;   0181  call func[2].instrumented+1A9h
;;   0186  jmp func[2].instrumented+56h
;;   018b  mov eax,11h
;;   0190  call func[2].instrumented+1A9h
;;   0195  jmp func[2].instrumented+0F1h
;;   019a  mov eax,12h
;;   019f  call func[2].instrumented+1A9h
;;   01a4  jmp func[2].instrumented+0FFh
;;   01a9  sub rsp,8
;;   01ad  push rax
;;   01ae  call stubs+539h
;;   01b3  add rsp,8
;;   01b7  mov r13,[r15+60h]
;;   01be  test r13,r13
;;   01c1  jne func[2].instrumented+1CEh
;;   01c7  lea r13,[stubs+7B1h]
;;   01ce  ret
