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
;;   002a  bt r12,3Dh
;;   002f  jb func[0]+82h
;;   0035  mov rax,r12
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
;;   0088  call stubs+1CEh
;;   008d  mov rsp,rax
;;   0090  jmp func[0]+2Ah
;;   0095  mov rsp,rbp
;;   0098  call stubs+55h
;;   009d  cmp qword ptr [1000h],0
;;   00a5  je func[0]+0B1h
;;   00ab  jmp qword ptr [1000h]
;;   00b1  call stubs+52Eh
;;   00b6  jmp func[0]+14h
;; ---- func[0] $add: instrumented module, instrumented version
;;   0000  mov r13,[r15+50h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+7Eh
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+92h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+0A6h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[0].instrumented+0BAh
;;   004c  mov ebx,[rbp+10h]
;;   0053  add ebx,[rbp+18h]
;;   005a  test byte ptr [r13],10h
;;   0062  jne func[0].instrumented+0CEh
;;   0068  test byte ptr [r13],20h
;;   0070  jne func[0].instrumented+0E2h
;;   0076  mov eax,ebx
;;   0079  mov rsp,rbp
;;   007c  pop rbp
;;   007d  ret
;;   007e  mov rax,0
;;   0088  call func[0].instrumented+0F6h
;;   008d  jmp func[0].instrumented+22h
;;   0092  mov rax,1
;;   009c  call func[0].instrumented+0F6h
;;   00a1  jmp func[0].instrumented+30h
;;   00a6  mov rax,2
;;   00b0  call func[0].instrumented+0F6h
;;   00b5  jmp func[0].instrumented+3Eh
;;   00ba  mov rax,3
;;   00c4  call func[0].instrumented+0F6h
;;   00c9  jmp func[0].instrumented+4Ch
;;   00ce  mov rax,4
;;   00d8  call func[0].instrumented+0F6h
;;   00dd  jmp func[0].instrumented+68h
;;   00e2  mov rax,5
;;   00ec  call func[0].instrumented+0F6h
;;   00f1  jmp func[0].instrumented+76h
;;   00f6  sub rsp,8
;;   00fa  push rax
;;   00fb  call stubs+532h
;;   0100  add rsp,8
;;   0104  mov r13,[r15+50h]
;;   010b  cmp r13,1
;;   0112  ja func[0].instrumented+11Fh
;;   0118  lea r13,[stubs+7AAh]
;;   011f  ret
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
;;   002a  bt r12,3Dh
;;   002f  jb func[1]+82h
;;   0035  mov rax,r12
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
;;   0088  call stubs+1CEh
;;   008d  mov rsp,rax
;;   0090  jmp func[1]+2Ah
;;   0095  mov rsp,rbp
;;   0098  call stubs+55h
;;   009d  cmp qword ptr [1008h],0
;;   00a5  je func[1]+0B1h
;;   00ab  jmp qword ptr [1008h]
;;   00b1  call stubs+52Eh
;;   00b6  jmp func[1]+14h
;; ---- func[1] $sub: instrumented module, instrumented version
;;   0000  mov r13,[r15+58h]
;;   0007  cmp r13,1
;;   000e  jbe func[1]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[1].instrumented+7Eh
;;   0022  test byte ptr [r13],2
;;   002a  jne func[1].instrumented+92h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[1].instrumented+0A6h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[1].instrumented+0BAh
;;   004c  mov ebx,[rbp+10h]
;;   0053  sub ebx,[rbp+18h]
;;   005a  test byte ptr [r13],10h
;;   0062  jne func[1].instrumented+0CEh
;;   0068  test byte ptr [r13],20h
;;   0070  jne func[1].instrumented+0E2h
;;   0076  mov eax,ebx
;;   0079  mov rsp,rbp
;;   007c  pop rbp
;;   007d  ret
;;   007e  mov rax,100000000h
;;   0088  call func[1].instrumented+0F6h
;;   008d  jmp func[1].instrumented+22h
;;   0092  mov rax,100000001h
;;   009c  call func[1].instrumented+0F6h
;;   00a1  jmp func[1].instrumented+30h
;;   00a6  mov rax,100000002h
;;   00b0  call func[1].instrumented+0F6h
;;   00b5  jmp func[1].instrumented+3Eh
;;   00ba  mov rax,100000003h
;;   00c4  call func[1].instrumented+0F6h
;;   00c9  jmp func[1].instrumented+4Ch
;;   00ce  mov rax,100000004h
;;   00d8  call func[1].instrumented+0F6h
;;   00dd  jmp func[1].instrumented+68h
;;   00e2  mov rax,100000005h
;;   00ec  call func[1].instrumented+0F6h
;;   00f1  jmp func[1].instrumented+76h
;;   00f6  sub rsp,8
;;   00fa  push rax
;;   00fb  call stubs+532h
;;   0100  add rsp,8
;;   0104  mov r13,[r15+58h]
;;   010b  cmp r13,1
;;   0112  ja func[1].instrumented+11Fh
;;   0118  lea r13,[stubs+7AAh]
;;   011f  ret
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
;;   004a  jae func[2]+0F7h
;;   0050  mov rax,[rax]
;;   0057  mov rax,[rax+rcx*8]
;;   005b  test rax,rax
;;   005e  je func[2]+0FCh
;;   0064  mov rdx,[r15+40h]
;;   006b  cmp rdx,[rax+10h]
;;   0072  jne func[2]+101h
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
;;   00aa  jb func[2]+0EFh
;;   00b0  jmp func[2]+14h
;;   00b5  mov [rbp-8],r15
;;   00b9  mov r15,rcx
;;   00bc  mov r14,[r15]
;;   00c3  or r12,[r15+10h]
;;   00ca  call qword ptr [rax]
;;   00d0  mov r15,[rbp-8]
;;   00d4  mov r14,[r15]
;;   00db  shl r12,2
;;   00df  shr r12,2
;;   00e3  or r12,[r15+30h]
;;   00ea  jmp func[2]+8Eh
;;   00ef  mov rsp,rbp
;;   00f2  call stubs+55h
;;   00f7  call stubs+37h
;;   00fc  call stubs+41h
;;   0101  call stubs+4Bh
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
;;   0099  bt r12,3Dh
;;   009e  jb func[2]+0F1h
;;   00a4  mov rax,r12
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
;;   00f7  call stubs+1CEh
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
;;   013e  ja func[2]+17Eh
;;   0144  jmp func[2]+8Eh
;;   0149  mov rsp,rbp
;;   014c  call stubs+55h
;;   0151  call stubs+37h
;;   0156  call stubs+41h
;;   015b  call stubs+4Bh
;;   0160  cmp qword ptr [1010h],0
;;   0168  je func[2]+174h
;;   016e  jmp qword ptr [1010h]
;;   0174  call stubs+52Eh
;;   0179  jmp func[2]+14h
;;   017e  cmp qword ptr [1018h],0
;;   0186  je func[2]+192h
;;   018c  jmp qword ptr [1018h]
;;   0192  call stubs+52Eh
;;   0197  jmp func[2]+8Eh
;; ---- func[2]: instrumented module, instrumented version
;;   0000  mov r13,[r15+60h]
;;   0007  cmp r13,1
;;   000e  jbe func[2]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[2].instrumented+158h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[2].instrumented+16Ch
;;   0030  test byte ptr [r13],4
;;   0038  jne func[2].instrumented+180h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[2].instrumented+194h
;;   004c  test byte ptr [r13],10h
;;   0054  jne func[2].instrumented+1A8h
;;   005a  mov eax,[rbp+18h]
;;   0060  mov [rsp],eax
;;   0068  mov dword ptr [rsp+8],0Ah
;;   0074  mov ecx,[rbp+10h]
;;   007b  mov esi,[rbp+18h]
;;   0082  mov rax,[r15+48h]
;;   0089  cmp rcx,[rax+8]
;;   0090  jae func[2].instrumented+149h
;;   0096  mov rax,[rax]
;;   009d  mov rax,[rax+rcx*8]
;;   00a1  test rax,rax
;;   00a4  je func[2].instrumented+14Eh
;;   00aa  mov rdx,[r15+40h]
;;   00b1  cmp rdx,[rax+10h]
;;   00b8  jne func[2].instrumented+153h
;;   00be  mov rcx,[rax+8]
;;   00c5  cmp rcx,r15
;;   00c8  jne func[2].instrumented+10Fh
;;   00ce  call qword ptr [rax]
;;   00d4  mov r13,[r15+60h]
;;   00db  cmp r13,1
;;   00e2  jbe func[2]+8Eh
;;   00e8  mov rbx,rax
;;   00eb  test byte ptr [r13],20h
;;   00f3  jne func[2].instrumented+1BCh
;;   00f9  test byte ptr [r13],40h
;;   0101  jne func[2].instrumented+1D0h
;;   0107  mov eax,ebx
;;   010a  mov rsp,rbp
;;   010d  pop rbp
;;   010e  ret
;;   010f  mov [rbp-8],r15
;;   0113  mov r15,rcx
;;   0116  mov r14,[r15]
;;   011d  or r12,[r15+10h]
;;   0124  call qword ptr [rax]
;;   012a  mov r15,[rbp-8]
;;   012e  mov r14,[r15]
;;   0135  shl r12,2
;;   0139  shr r12,2
;;   013d  or r12,[r15+30h]
;;   0144  jmp func[2].instrumented+0D4h
;;   0149  call stubs+37h
;;   014e  call stubs+41h
;;   0153  call stubs+4Bh
;;   0158  mov rax,200000000h
;;   0162  call func[2].instrumented+1E4h
;;   0167  jmp func[2].instrumented+22h
;;   016c  mov rax,200000001h
;;   0176  call func[2].instrumented+1E4h
;;   017b  jmp func[2].instrumented+30h
;;   0180  mov rax,200000002h
;;   018a  call func[2].instrumented+1E4h
;;   018f  jmp func[2].instrumented+3Eh
;;   0194  mov rax,200000003h
;;   019e  call func[2].instrumented+1E4h
;;   01a3  jmp func[2].instrumented+4Ch
;;   01a8  mov rax,200000004h
;;   01b2  call func[2].instrumented+1E4h
;;   01b7  jmp func[2].instrumented+5Ah
;;   01bc  mov rax,200000005h
;;   01c6  call func[2].instrumented+1E4h
;;   01cb  jmp func[2].instrumented+0F9h
;;   01d0  mov rax,200000006h
;;   01da  call func[2].instrumented+1E4h
;;   01df  jmp func[2].instrumented+107h
;;   01e4  sub rsp,8
;;   01e8  push rax
;;   01e9  call stubs+532h
;;   01ee  add rsp,8
;;   01f2  mov r13,[r15+60h]
;;   01f9  cmp r13,1
;;   0200  ja func[2].instrumented+20Dh
;;   0206  lea r13,[stubs+7AAh]
;;   020d  ret
