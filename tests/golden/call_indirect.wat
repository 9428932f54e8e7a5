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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+9Dh
;;   001f  mov r13,[r15+50h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+0C3h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+0D7h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+0EBh
;;   005d  test byte ptr [r13],8
;;   0065  jne func[0].instrumented+0FFh
;;   006b  mov ebx,[rbp+10h]
;;   0072  add ebx,[rbp+18h]
;;   0079  test byte ptr [r13],10h
;;   0081  jne func[0].instrumented+113h
;;   0087  test byte ptr [r13],20h
;;   008f  jne func[0].instrumented+127h
;;   0095  mov eax,ebx
;;   0098  mov rsp,rbp
;;   009b  pop rbp
;;   009c  ret
;;   009d  bt r12,3Dh
;;   00a2  jae func[0].instrumented+0BBh
;;   00a8  mov rax,rsp
;;   00ab  mov rsp,rbp
;;   00ae  call stubs+1D3h
;;   00b3  mov rsp,rax
;;   00b6  jmp func[0].instrumented+0Bh
;;   00bb  mov rsp,rbp
;;   00be  call stubs+55h
;;   00c3  mov rax,0
;;   00cd  call func[0].instrumented+13Bh
;;   00d2  jmp func[0].instrumented+41h
;;   00d7  mov rax,1
;;   00e1  call func[0].instrumented+13Bh
;;   00e6  jmp func[0].instrumented+4Fh
;;   00eb  mov rax,2
;;   00f5  call func[0].instrumented+13Bh
;;   00fa  jmp func[0].instrumented+5Dh
;;   00ff  mov rax,3
;;   0109  call func[0].instrumented+13Bh
;;   010e  jmp func[0].instrumented+6Bh
;;   0113  mov rax,4
;;   011d  call func[0].instrumented+13Bh
;;   0122  jmp func[0].instrumented+87h
;;   0127  mov rax,5
;;   0131  call func[0].instrumented+13Bh
;;   0136  jmp func[0].instrumented+95h
;;   013b  sub rsp,8
;;   013f  push rax
;;   0140  call stubs+533h
;;   0145  add rsp,8
;;   0149  mov r13,[r15+50h]
;;   0150  cmp r13,1
;;   0157  ja func[0].instrumented+164h
;;   015d  lea r13,[stubs+7ABh]
;;   0164  ret
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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[1].instrumented+9Dh
;;   001f  mov r13,[r15+58h]
;;   0026  cmp r13,1
;;   002d  jbe func[1]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[1].instrumented+0C3h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[1].instrumented+0D7h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[1].instrumented+0EBh
;;   005d  test byte ptr [r13],8
;;   0065  jne func[1].instrumented+0FFh
;;   006b  mov ebx,[rbp+10h]
;;   0072  sub ebx,[rbp+18h]
;;   0079  test byte ptr [r13],10h
;;   0081  jne func[1].instrumented+113h
;;   0087  test byte ptr [r13],20h
;;   008f  jne func[1].instrumented+127h
;;   0095  mov eax,ebx
;;   0098  mov rsp,rbp
;;   009b  pop rbp
;;   009c  ret
;;   009d  bt r12,3Dh
;;   00a2  jae func[1].instrumented+0BBh
;;   00a8  mov rax,rsp
;;   00ab  mov rsp,rbp
;;   00ae  call stubs+1D3h
;;   00b3  mov rsp,rax
;;   00b6  jmp func[1].instrumented+0Bh
;;   00bb  mov rsp,rbp
;;   00be  call stubs+55h
;;   00c3  mov rax,100000000h
;;   00cd  call func[1].instrumented+13Bh
;;   00d2  jmp func[1].instrumented+41h
;;   00d7  mov rax,100000001h
;;   00e1  call func[1].instrumented+13Bh
;;   00e6  jmp func[1].instrumented+4Fh
;;   00eb  mov rax,100000002h
;;   00f5  call func[1].instrumented+13Bh
;;   00fa  jmp func[1].instrumented+5Dh
;;   00ff  mov rax,100000003h
;;   0109  call func[1].instrumented+13Bh
;;   010e  jmp func[1].instrumented+6Bh
;;   0113  mov rax,100000004h
;;   011d  call func[1].instrumented+13Bh
;;   0122  jmp func[1].instrumented+87h
;;   0127  mov rax,100000005h
;;   0131  call func[1].instrumented+13Bh
;;   0136  jmp func[1].instrumented+95h
;;   013b  sub rsp,8
;;   013f  push rax
;;   0140  call stubs+533h
;;   0145  add rsp,8
;;   0149  mov r13,[r15+58h]
;;   0150  cmp r13,1
;;   0157  ja func[1].instrumented+164h
;;   015d  lea r13,[stubs+7ABh]
;;   0164  ret
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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[2].instrumented+12Eh
;;   001f  mov r13,[r15+60h]
;;   0026  cmp r13,1
;;   002d  jbe func[2]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[2].instrumented+19Dh
;;   0041  test byte ptr [r13],2
;;   0049  jne func[2].instrumented+1B1h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[2].instrumented+1C5h
;;   005d  test byte ptr [r13],8
;;   0065  jne func[2].instrumented+1D9h
;;   006b  test byte ptr [r13],10h
;;   0073  jne func[2].instrumented+1EDh
;;   0079  mov eax,[rbp+18h]
;;   007f  mov [rsp],eax
;;   0087  mov dword ptr [rsp+8],0Ah
;;   0093  mov ecx,[rbp+10h]
;;   009a  mov esi,[rbp+18h]
;;   00a1  mov rax,[r15+48h]
;;   00a8  cmp rcx,[rax+8]
;;   00af  jae func[2].instrumented+18Eh
;;   00b5  mov rax,[rax]
;;   00bc  mov rax,[rax+rcx*8]
;;   00c0  test rax,rax
;;   00c3  je func[2].instrumented+193h
;;   00c9  mov rdx,[r15+40h]
;;   00d0  cmp rdx,[rax+10h]
;;   00d7  jne func[2].instrumented+198h
;;   00dd  mov rcx,[rax+8]
;;   00e4  cmp rcx,r15
;;   00e7  jne func[2].instrumented+14Ch
;;   00ed  call qword ptr [rax]
;;   00f3  mov r13,[r15+60h]
;;   00fa  cmp r13,1
;;   0101  jbe func[2]+8Eh
;;   0107  mov rbx,rax
;;   010a  test byte ptr [r13],20h
;;   0112  jne func[2].instrumented+201h
;;   0118  test byte ptr [r13],40h
;;   0120  jne func[2].instrumented+215h
;;   0126  mov eax,ebx
;;   0129  mov rsp,rbp
;;   012c  pop rbp
;;   012d  ret
;;   012e  bt r12,3Dh
;;   0133  jae func[2].instrumented+186h
;;   0139  mov rax,rsp
;;   013c  mov rsp,rbp
;;   013f  call stubs+1D3h
;;   0144  mov rsp,rax
;;   0147  jmp func[2].instrumented+0Bh
;;   014c  mov [rbp-8],r15
;;   0150  mov r15,rcx
;;   0153  mov r14,[r15]
;;   015a  or r12,[r15+10h]
;;   0161  call qword ptr [rax]
;;   0167  mov r15,[rbp-8]
;;   016b  mov r14,[r15]
;;   0172  shl r12,2
;;   0176  shr r12,2
;;   017a  or r12,[r15+30h]
;;   0181  jmp func[2].instrumented+0F3h
;;   0186  mov rsp,rbp
;;   0189  call stubs+55h
;;   018e  call stubs+37h
;;   0193  call stubs+41h
;;   0198  call stubs+4Bh
;;   019d  mov rax,200000000h
;;   01a7  call func[2].instrumented+229h
;;   01ac  jmp func[2].instrumented+41h
;;   01b1  mov rax,200000001h
;;   01bb  call func[2].instrumented+229h
;;   01c0  jmp func[2].instrumented+4Fh
;;   01c5  mov rax,200000002h
;;   01cf  call func[2].instrumented+229h
;;   01d4  jmp func[2].instrumented+5Dh
;;   01d9  mov rax,200000003h
;;   01e3  call func[2].instrumented+229h
;;   01e8  jmp func[2].instrumented+6Bh
;;   01ed  mov rax,200000004h
;;   01f7  call func[2].instrumented+229h
;;   01fc  jmp func[2].instrumented+79h
;;   0201  mov rax,200000005h
;;   020b  call func[2].instrumented+229h
;;   0210  jmp func[2].instrumented+118h
;;   0215  mov rax,200000006h
;;   021f  call func[2].instrumented+229h
;;   0224  jmp func[2].instrumented+126h
;;   0229  sub rsp,8
;;   022d  push rax
;;   022e  call stubs+533h
;;   0233  add rsp,8
;;   0237  mov r13,[r15+60h]
;;   023e  cmp r13,1
;;   0245  ja func[2].instrumented+252h
;;   024b  lea r13,[stubs+7ABh]
;;   0252  ret
