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
;;   0010  jne func[0]+2Ch
;;   0016  mov ebx,[rbp+10h]
;;   001d  add ebx,[rbp+18h]
;;   0024  mov eax,ebx
;;   0027  mov rsp,rbp
;;   002a  pop rbp
;;   002b  ret
;;   002c  call stubs+53Ah
;;   0031  jmp func[0]+16h
;; ---- func[0] $add: instrumented module, instrumented version
;;   0000  mov r13,[r15+50h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+7Ah
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+8Eh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+0A2h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+0B6h
;;   0048  mov ebx,[rbp+10h]
;;   004f  add ebx,[rbp+18h]
;;   0056  test byte ptr [r13],10h
;;   005e  jne func[0].instrumented+0CAh
;;   0064  test byte ptr [r13],20h
;;   006c  jne func[0].instrumented+0DEh
;;   0072  mov eax,ebx
;;   0075  mov rsp,rbp
;;   0078  pop rbp
;;   0079  ret
;;   007a  mov rax,0
;;   0084  call func[0].instrumented+0F2h
;;   0089  jmp func[0].instrumented+1Eh
;;   008e  mov rax,1
;;   0098  call func[0].instrumented+0F2h
;;   009d  jmp func[0].instrumented+2Ch
;;   00a2  mov rax,2
;;   00ac  call func[0].instrumented+0F2h
;;   00b1  jmp func[0].instrumented+3Ah
;;   00b6  mov rax,3
;;   00c0  call func[0].instrumented+0F2h
;;   00c5  jmp func[0].instrumented+48h
;;   00ca  mov rax,4
;;   00d4  call func[0].instrumented+0F2h
;;   00d9  jmp func[0].instrumented+64h
;;   00de  mov rax,5
;;   00e8  call func[0].instrumented+0F2h
;;   00ed  jmp func[0].instrumented+72h
;;   00f2  sub rsp,8
;;   00f6  push rax
;;   00f7  call stubs+534h
;;   00fc  add rsp,8
;;   0100  mov r13,[r15+50h]
;;   0107  test r13,r13
;;   010a  jne func[0].instrumented+117h
;;   0110  lea r13,[stubs+7ACh]
;;   0117  ret
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
;;   0010  jne func[1]+2Ch
;;   0016  mov ebx,[rbp+10h]
;;   001d  sub ebx,[rbp+18h]
;;   0024  mov eax,ebx
;;   0027  mov rsp,rbp
;;   002a  pop rbp
;;   002b  ret
;;   002c  call stubs+53Ah
;;   0031  jmp func[1]+16h
;; ---- func[1] $sub: instrumented module, instrumented version
;;   0000  mov r13,[r15+58h]
;;   0007  test r13,r13
;;   000a  je func[1]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[1].instrumented+7Ah
;;   001e  test byte ptr [r13],2
;;   0026  jne func[1].instrumented+8Eh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[1].instrumented+0A2h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[1].instrumented+0B6h
;;   0048  mov ebx,[rbp+10h]
;;   004f  sub ebx,[rbp+18h]
;;   0056  test byte ptr [r13],10h
;;   005e  jne func[1].instrumented+0CAh
;;   0064  test byte ptr [r13],20h
;;   006c  jne func[1].instrumented+0DEh
;;   0072  mov eax,ebx
;;   0075  mov rsp,rbp
;;   0078  pop rbp
;;   0079  ret
;;   007a  mov rax,100000000h
;;   0084  call func[1].instrumented+0F2h
;;   0089  jmp func[1].instrumented+1Eh
;;   008e  mov rax,100000001h
;;   0098  call func[1].instrumented+0F2h
;;   009d  jmp func[1].instrumented+2Ch
;;   00a2  mov rax,100000002h
;;   00ac  call func[1].instrumented+0F2h
;;   00b1  jmp func[1].instrumented+3Ah
;;   00b6  mov rax,100000003h
;;   00c0  call func[1].instrumented+0F2h
;;   00c5  jmp func[1].instrumented+48h
;;   00ca  mov rax,100000004h
;;   00d4  call func[1].instrumented+0F2h
;;   00d9  jmp func[1].instrumented+64h
;;   00de  mov rax,100000005h
;;   00e8  call func[1].instrumented+0F2h
;;   00ed  jmp func[1].instrumented+72h
;;   00f2  sub rsp,8
;;   00f6  push rax
;;   00f7  call stubs+534h
;;   00fc  add rsp,8
;;   0100  mov r13,[r15+58h]
;;   0107  test r13,r13
;;   010a  jne func[1].instrumented+117h
;;   0110  lea r13,[stubs+7ACh]
;;   0117  ret
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
;;   004a  jae func[2]+0E1h
;;   0050  mov rax,[rax]
;;   0057  mov rax,[rax+rcx*8]
;;   005b  test rax,rax
;;   005e  je func[2]+0E6h
;;   0064  mov rdx,[r15+40h]
;;   006b  cmp rdx,[rax+10h]
;;   0072  jne func[2]+0EBh
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
;;   009f  call stubs+1D6h
;;   00a4  mov rsp,rax
;;   00a7  cmp rsp,r12
;;   00aa  jb func[2]+0D9h
;;   00b0  jmp func[2]+14h
;;   00b5  mov [rbp-8],r15
;;   00b9  mov r15,rcx
;;   00bc  mov r14,[r15]
;;   00c3  call qword ptr [rax]
;;   00c9  mov r15,[rbp-8]
;;   00cd  mov r14,[r15]
;;   00d4  jmp func[2]+8Eh
;;   00d9  mov rsp,rbp
;;   00dc  call stubs+55h
;;   00e1  call stubs+37h
;;   00e6  call stubs+41h
;;   00eb  call stubs+4Bh
;; ---- func[2]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[2]+0A4h
;;   0014  cmp qword ptr [r15+60h],0
;;   0019  jne func[2]+106h
;;   001f  mov eax,[rbp+18h]
;;   0025  mov [rsp],eax
;;   002d  mov dword ptr [rsp+8],0Ah
;;   0039  mov ecx,[rbp+10h]
;;   0040  mov esi,[rbp+18h]
;;   0047  mov rax,[r15+48h]
;;   004e  cmp rcx,[rax+8]
;;   0055  jae func[2]+0F7h
;;   005b  mov rax,[rax]
;;   0062  mov rax,[rax+rcx*8]
;;   0066  test rax,rax
;;   0069  je func[2]+0FCh
;;   006f  mov rdx,[r15+40h]
;;   0076  cmp rdx,[rax+10h]
;;   007d  jne func[2]+101h
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
;;   00aa  call stubs+1DAh
;;   00af  mov rsp,rax
;;   00b2  cmp rsp,r12
;;   00b5  jb func[2]+0EFh
;;   00bb  jmp func[2]+14h
;;   00c0  mov [rbp-8],r15
;;   00c4  mov r15,rcx
;;   00c7  mov r14,[r15]
;;   00ce  call qword ptr [rax]
;;   00d4  mov r15,[rbp-8]
;;   00d8  mov r14,[r15]
;;   00df  cmp qword ptr [r15+60h],0
;;   00e4  jne func[2]+110h
;;   00ea  jmp func[2]+99h
;;   00ef  mov rsp,rbp
;;   00f2  call stubs+55h
;;   00f7  call stubs+37h
;;   00fc  call stubs+41h
;;   0101  call stubs+4Bh
;;   0106  call stubs+53Ah
;;   010b  jmp func[2]+1Fh
;;   0110  call stubs+53Ah
;;   0115  jmp func[2]+99h
;; ---- func[2]: instrumented module, instrumented version
;;   0000  mov r13,[r15+60h]
;;   0007  test r13,r13
;;   000a  je func[2]+1Fh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[2].instrumented+13Ah
;;   001e  test byte ptr [r13],2
;;   0026  jne func[2].instrumented+14Eh
;;   002c  test byte ptr [r13],4
;;   0034  jne func[2].instrumented+162h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[2].instrumented+176h
;;   0048  test byte ptr [r13],10h
;;   0050  jne func[2].instrumented+18Ah
;;   0056  mov eax,[rbp+18h]
;;   005c  mov [rsp],eax
;;   0064  mov dword ptr [rsp+8],0Ah
;;   0070  mov ecx,[rbp+10h]
;;   0077  mov esi,[rbp+18h]
;;   007e  mov rax,[r15+48h]
;;   0085  cmp rcx,[rax+8]
;;   008c  jae func[2].instrumented+12Bh
;;   0092  mov rax,[rax]
;;   0099  mov rax,[rax+rcx*8]
;;   009d  test rax,rax
;;   00a0  je func[2].instrumented+130h
;;   00a6  mov rdx,[r15+40h]
;;   00ad  cmp rdx,[rax+10h]
;;   00b4  jne func[2].instrumented+135h
;;   00ba  mov rcx,[rax+8]
;;   00c1  cmp rcx,r15
;;   00c4  jne func[2].instrumented+107h
;;   00ca  call qword ptr [rax]
;;   00d0  mov r13,[r15+60h]
;;   00d7  test r13,r13
;;   00da  je func[2]+99h
;;   00e0  mov rbx,rax
;;   00e3  test byte ptr [r13],20h
;;   00eb  jne func[2].instrumented+19Eh
;;   00f1  test byte ptr [r13],40h
;;   00f9  jne func[2].instrumented+1B2h
;;   00ff  mov eax,ebx
;;   0102  mov rsp,rbp
;;   0105  pop rbp
;;   0106  ret
;;   0107  mov [rbp-8],r15
;;   010b  mov r15,rcx
;;   010e  mov r14,[r15]
;;   0115  call qword ptr [rax]
;;   011b  mov r15,[rbp-8]
;;   011f  mov r14,[r15]
;;   0126  jmp func[2].instrumented+0D0h
;;   012b  call stubs+37h
;;   0130  call stubs+41h
;;   0135  call stubs+4Bh
;;   013a  mov rax,200000000h
;;   0144  call func[2].instrumented+1C6h
;;   0149  jmp func[2].instrumented+1Eh
;;   014e  mov rax,200000001h
;;   0158  call func[2].instrumented+1C6h
;;   015d  jmp func[2].instrumented+2Ch
;;   0162  mov rax,200000002h
;;   016c  call func[2].instrumented+1C6h
;;   0171  jmp func[2].instrumented+3Ah
;;   0176  mov rax,200000003h
;;   0180  call func[2].instrumented+1C6h
;;   0185  jmp func[2].instrumented+48h
;;   018a  mov rax,200000004h
;;   0194  call func[2].instrumented+1C6h
;;   0199  jmp func[2].instrumented+56h
;;   019e  mov rax,200000005h
;;   01a8  call func[2].instrumented+1C6h
;;   01ad  jmp func[2].instrumented+0F1h
;;   01b2  mov rax,200000006h
;;   01bc  call func[2].instrumented+1C6h
;;   01c1  jmp func[2].instrumented+0FFh
;;   01c6  sub rsp,8
;;   01ca  push rax
;;   01cb  call stubs+534h
;;   01d0  add rsp,8
;;   01d4  mov r13,[r15+60h]
;;   01db  test r13,r13
;;   01de  jne func[2].instrumented+1EBh
;;   01e4  lea r13,[stubs+7ACh]
;;   01eb  ret
