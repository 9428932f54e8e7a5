;; Bulk memory: memory.copy, memory.fill and memory.init go through the host-helper stub;
;; data.drop and memory.size are inline.
(module (memory 1)
  (data $d "kestrel")
  (func (export "bulk") (param $dst i32) (param $src i32) (param $len i32) (result i32)
    (memory.copy (local.get $dst) (local.get $src) (local.get $len))
    (memory.fill (local.get $dst) (i32.const 0) (local.get $len))
    (memory.init $d (local.get $dst) (i32.const 0) (i32.const 7))
    (data.drop $d)
    (memory.size)))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+135h
;;   0014  mov [rbp-10h],r8
;;   001b  mov [rbp-18h],r9
;;   0022  mov [rbp-20h],r10
;;   0029  mov r8d,esi
;;   002c  mov r9d,[rbp+18h]
;;   0033  mov r10d,[rbp+20h]
;;   003a  mov [rsp],r8d
;;   0042  mov [rsp+8],r9d
;;   004a  mov [rsp+10h],r10d
;;   0052  mov rsi,rsp
;;   0055  mov rdi,r15
;;   0058  mov eax,20h
;;   005d  call stubs+477h
;;   0062  test eax,eax
;;   0064  jne func[0]+175h
;;   006a  mov [rsp],r8d
;;   0072  mov dword ptr [rsp+8],0
;;   007e  mov [rsp+10h],r10d
;;   0086  mov rsi,rsp
;;   0089  mov rdi,r15
;;   008c  mov eax,18h
;;   0091  call stubs+477h
;;   0096  test eax,eax
;;   0098  jne func[0]+17Ah
;;   009e  mov [rsp],r8d
;;   00a6  mov dword ptr [rsp+8],0
;;   00b2  mov dword ptr [rsp+10h],7
;;   00be  mov qword ptr [rsp+18h],0
;;   00ca  mov rsi,rsp
;;   00cd  mov rdi,r15
;;   00d0  mov eax,28h
;;   00d5  call stubs+477h
;;   00da  test eax,eax
;;   00dc  jne func[0]+17Fh
;;   00e2  mov qword ptr [rsp],0
;;   00ee  mov rsi,rsp
;;   00f1  mov rdi,r15
;;   00f4  mov eax,30h
;;   00f9  call stubs+477h
;;   00fe  test eax,eax
;;   0100  jne func[0]+184h
;;   0106  mov rax,[r15+8]
;;   010d  mov rbx,[rax]
;;   0114  shr rbx,10h
;;   0118  mov eax,ebx
;;   011b  mov r8,[rbp-10h]
;;   0122  mov r9,[rbp-18h]
;;   0129  mov r10,[rbp-20h]
;;   0130  mov rsp,rbp
;;   0133  pop rbp
;;   0134  ret
;;   0135  mov rax,rsp
;;   0138  mov rsp,rbp
;;   013b  call stubs+217h
;;   0140  mov rsp,rax
;;   0143  test r12,r12
;;   0146  je func[0]+16Dh
;;   014c  cmp rsp,r12
;;   014f  jae func[0]+14h
;;   0155  bt r12,3Dh
;;   015a  jb func[0]+135h
;;   0160  jmp func[0]+165h
;;   0165  mov rsp,rbp
;;   0168  call stubs+55h
;;   016d  mov rsp,rbp
;;   0170  call stubs+87h
;;   0175  call stubs
;;   017a  call stubs
;;   017f  call stubs
;;   0184  call stubs
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+161h
;;   0014  mov [rbp-10h],r8
;;   001b  mov [rbp-18h],r9
;;   0022  mov [rbp-20h],r10
;;   0029  mov r8d,esi
;;   002c  mov r9d,[rbp+18h]
;;   0033  mov r10d,[rbp+20h]
;;   003a  mov [rsp],r8d
;;   0042  mov [rsp+8],r9d
;;   004a  mov [rsp+10h],r10d
;;   0052  mov rsi,rsp
;;   0055  mov rdi,r15
;;   0058  mov eax,20h
;;   005d  call stubs+477h
;;   0062  test eax,eax
;;   0064  jne func[0]+1E5h
;;   006a  cmp qword ptr [r15+48h],1
;;   006f  ja func[0]+209h
;;   0075  mov [rsp],r8d
;;   007d  mov dword ptr [rsp+8],0
;;   0089  mov [rsp+10h],r10d
;;   0091  mov rsi,rsp
;;   0094  mov rdi,r15
;;   0097  mov eax,18h
;;   009c  call stubs+477h
;;   00a1  test eax,eax
;;   00a3  jne func[0]+1EAh
;;   00a9  cmp qword ptr [r15+48h],1
;;   00ae  ja func[0]+219h
;;   00b4  mov [rsp],r8d
;;   00bc  mov dword ptr [rsp+8],0
;;   00c8  mov dword ptr [rsp+10h],7
;;   00d4  mov qword ptr [rsp+18h],0
;;   00e0  mov rsi,rsp
;;   00e3  mov rdi,r15
;;   00e6  mov eax,28h
;;   00eb  call stubs+477h
;;   00f0  test eax,eax
;;   00f2  jne func[0]+1EFh
;;   00f8  cmp qword ptr [r15+48h],1
;;   00fd  ja func[0]+229h
;;   0103  mov qword ptr [rsp],0
;;   010f  mov rsi,rsp
;;   0112  mov rdi,r15
;;   0115  mov eax,30h
;;   011a  call stubs+477h
;;   011f  test eax,eax
;;   0121  jne func[0]+1F4h
;;   0127  cmp qword ptr [r15+48h],1
;;   012c  ja func[0]+239h
;;   0132  mov rax,[r15+8]
;;   0139  mov rbx,[rax]
;;   0140  shr rbx,10h
;;   0144  mov eax,ebx
;;   0147  mov r8,[rbp-10h]
;;   014e  mov r9,[rbp-18h]
;;   0155  mov r10,[rbp-20h]
;;   015c  mov rsp,rbp
;;   015f  pop rbp
;;   0160  ret
;;   0161  mov rax,r12
;;   0164  bt rax,3Dh
;;   0169  jb func[0]+1B9h
;;   016f  shl rax,2
;;   0173  shr rax,2
;;   0177  cmp rsp,rax
;;   017a  jb func[0]+1D5h
;;   0180  mov rax,[r15+48h]
;;   0187  bt r12,3Eh
;;   018c  jae func[0]+1A8h
;;   0192  shl r12,2
;;   0196  shr r12,2
;;   019a  test rax,rax
;;   019d  je func[0]+14h
;;   01a3  bts r12,3Fh
;;   01a8  cmp rax,1
;;   01ae  ja func[0]+1F9h
;;   01b4  jmp func[0]+14h
;;   01b9  mov rax,rsp
;;   01bc  mov rsp,rbp
;;   01bf  call stubs+217h
;;   01c4  mov rsp,rax
;;   01c7  test r12,r12
;;   01ca  je func[0]+1DDh
;;   01d0  jmp func[0]+161h
;;   01d5  mov rsp,rbp
;;   01d8  call stubs+55h
;;   01dd  mov rsp,rbp
;;   01e0  call stubs+87h
;;   01e5  call stubs
;;   01ea  call stubs
;;   01ef  call stubs
;;   01f4  call stubs
;;   01f9  jmp qword ptr [1000h]
;;   01ff  call stubs+577h
;;   0204  jmp func[0]+14h
;;   0209  jmp qword ptr [1008h]
;;   020f  call stubs+577h
;;   0214  jmp func[0]+75h
;;   0219  jmp qword ptr [1010h]
;;   021f  call stubs+577h
;;   0224  jmp func[0]+0B4h
;;   0229  jmp qword ptr [1018h]
;;   022f  call stubs+577h
;;   0234  jmp func[0]+103h
;;   0239  jmp qword ptr [1020h]
;;   023f  call stubs+577h
;;   0244  jmp func[0]+132h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+28Fh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-10h],r8
;;   0037  mov [rbp-18h],r9
;;   003e  mov [rbp-20h],r10
;;   0045  mov r8d,esi
;;   0048  mov r9d,[rbp+18h]
;;   004f  mov r10d,[rbp+20h]
;;   0056  test byte ptr [r13],1
;;   005e  jne func[0].instrumented+2DAh
;;   0064  test byte ptr [r13],2
;;   006c  jne func[0].instrumented+2E9h
;;   0072  test byte ptr [r13],4
;;   007a  jne func[0].instrumented+2F8h
;;   0080  test byte ptr [r13],8
;;   0088  jne func[0].instrumented+307h
;;   008e  test byte ptr [r13],10h
;;   0096  jne func[0].instrumented+316h
;;   009c  mov [rsp],r8d
;;   00a4  mov [rsp+8],r9d
;;   00ac  mov [rsp+10h],r10d
;;   00b4  mov rsi,rsp
;;   00b7  mov rdi,r15
;;   00ba  mov eax,20h
;;   00bf  call stubs+470h
;;   00c4  test eax,eax
;;   00c6  jne func[0].instrumented+2C6h
;;   00cc  mov r13,[r15+48h]
;;   00d3  cmp r13,1
;;   00da  jbe func[0]+75h
;;   00e0  test byte ptr [r13],20h
;;   00e8  jne func[0].instrumented+325h
;;   00ee  test byte ptr [r13],40h
;;   00f6  jne func[0].instrumented+334h
;;   00fc  test byte ptr [r13],80h
;;   0104  jne func[0].instrumented+343h
;;   010a  test byte ptr [r13+1],1
;;   0112  jne func[0].instrumented+352h
;;   0118  mov [rsp],r8d
;;   0120  mov dword ptr [rsp+8],0
;;   012c  mov [rsp+10h],r10d
;;   0134  mov rsi,rsp
;;   0137  mov rdi,r15
;;   013a  mov eax,18h
;;   013f  call stubs+470h
;;   0144  test eax,eax
;;   0146  jne func[0].instrumented+2CBh
;;   014c  mov r13,[r15+48h]
;;   0153  cmp r13,1
;;   015a  jbe func[0]+0B4h
;;   0160  test byte ptr [r13+1],2
;;   0168  jne func[0].instrumented+361h
;;   016e  test byte ptr [r13+1],4
;;   0176  jne func[0].instrumented+370h
;;   017c  test byte ptr [r13+1],8
;;   0184  jne func[0].instrumented+37Fh
;;   018a  test byte ptr [r13+1],10h
;;   0192  jne func[0].instrumented+38Eh
;;   0198  mov [rsp],r8d
;;   01a0  mov dword ptr [rsp+8],0
;;   01ac  mov dword ptr [rsp+10h],7
;;   01b8  mov qword ptr [rsp+18h],0
;;   01c4  mov rsi,rsp
;;   01c7  mov rdi,r15
;;   01ca  mov eax,28h
;;   01cf  call stubs+470h
;;   01d4  test eax,eax
;;   01d6  jne func[0].instrumented+2D0h
;;   01dc  mov r13,[r15+48h]
;;   01e3  cmp r13,1
;;   01ea  jbe func[0]+103h
;;   01f0  test byte ptr [r13+1],20h
;;   01f8  jne func[0].instrumented+39Dh
;;   01fe  mov qword ptr [rsp],0
;;   020a  mov rsi,rsp
;;   020d  mov rdi,r15
;;   0210  mov eax,30h
;;   0215  call stubs+470h
;;   021a  test eax,eax
;;   021c  jne func[0].instrumented+2D5h
;;   0222  mov r13,[r15+48h]
;;   0229  cmp r13,1
;;   0230  jbe func[0]+132h
;;   0236  test byte ptr [r13+1],40h
;;   023e  jne func[0].instrumented+3ACh
;;   0244  mov rax,[r15+8]
;;   024b  mov rbx,[rax]
;;   0252  shr rbx,10h
;;   0256  test byte ptr [r13+1],80h
;;   025e  jne func[0].instrumented+3BBh
;;   0264  test byte ptr [r13+2],1
;;   026c  jne func[0].instrumented+3CAh
;;   0272  mov eax,ebx
;;   0275  mov r8,[rbp-10h]
;;   027c  mov r9,[rbp-18h]
;;   0283  mov r10,[rbp-20h]
;;   028a  mov rsp,rbp
;;   028d  pop rbp
;;   028e  ret
;;   028f  bt r12,3Dh
;;   0294  jae func[0].instrumented+2B6h
;;   029a  mov rax,rsp
;;   029d  mov rsp,rbp
;;   02a0  call stubs+210h
;;   02a5  mov rsp,rax
;;   02a8  test r12,r12
;;   02ab  je func[0].instrumented+2BEh
;;   02b1  jmp func[0].instrumented+0Bh
;;   02b6  mov rsp,rbp
;;   02b9  call stubs+55h
;;   02be  mov rsp,rbp
;;   02c1  call stubs+87h
;;   02c6  call stubs
;;   02cb  call stubs
;;   02d0  call stubs
;;   02d5  call stubs
;;   02da  mov eax,0
;;   02df  call func[0].instrumented+3D9h
;;   02e4  jmp func[0].instrumented+64h
;;   02e9  mov eax,1
;;   02ee  call func[0].instrumented+3D9h
;;   02f3  jmp func[0].instrumented+72h
;;   02f8  mov eax,2
;;   02fd  call func[0].instrumented+3D9h
;;   0302  jmp func[0].instrumented+80h
;;   0307  mov eax,3
;;   030c  call func[0].instrumented+3D9h
;;   0311  jmp func[0].instrumented+8Eh
;;   0316  mov eax,4
;;   031b  call func[0].instrumented+3D9h
;;   0320  jmp func[0].instrumented+9Ch
;;   0325  mov eax,5
;;   032a  call func[0].instrumented+3D9h
;;   032f  jmp func[0].instrumented+0EEh
;;   0334  mov eax,6
;;   0339  call func[0].instrumented+3D9h
;;   033e  jmp func[0].instrumented+0FCh
;;   0343  mov eax,7
;;   0348  call func[0].instrumented+3D9h
;;   034d  jmp func[0].instrumented+10Ah
;;   0352  mov eax,8
;;   0357  call func[0].instrumented+3D9h
;;   035c  jmp func[0].instrumented+118h
;;   0361  mov eax,9
;;   0366  call func[0].instrumented+3D9h
;;   036b  jmp func[0].instrumented+16Eh
;;   0370  mov eax,0Ah
;;   0375  call func[0].instrumented+3D9h
;;   037a  jmp func[0].instrumented+17Ch
;;   037f  mov eax,0Bh
;;   0384  call func[0].instrumented+3D9h
;;   0389  jmp func[0].instrumented+18Ah
;;   038e  mov eax,0Ch
;;   0393  call func[0].instrumented+3D9h
;;   0398  jmp func[0].instrumented+198h
;;   039d  mov eax,0Dh
;;   03a2  call func[0].instrumented+3D9h
;;   03a7  jmp func[0].instrumented+1FEh
;;   03ac  mov eax,0Eh
;;   03b1  call func[0].instrumented+3D9h
;;   03b6  jmp func[0].instrumented+244h
;;   03bb  mov eax,0Fh
;;   03c0  call func[0].instrumented+3D9h
;;   03c5  jmp func[0].instrumented+264h
;;   03ca  mov eax,10h
;;   03cf  call func[0].instrumented+3D9h
;;   03d4  jmp func[0].instrumented+272h
;;   03d9  sub rsp,8
;;   03dd  mov rdx,0
;;   03e7  or rax,rdx
;;   03ea  push rax
;;   03eb  call stubs+570h
;;   03f0  add rsp,8
;;   03f4  mov r13,[r15+48h]
;;   03fb  cmp r13,1
;;   0402  ja func[0].instrumented+40Fh
;;   0408  lea r13,[stubs+7E8h]
;;   040f  ret
