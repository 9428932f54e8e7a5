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
;;   005d  call stubs+438h
;;   0062  test eax,eax
;;   0064  jne func[0]+164h
;;   006a  mov [rsp],r8d
;;   0072  mov dword ptr [rsp+8],0
;;   007e  mov [rsp+10h],r10d
;;   0086  mov rsi,rsp
;;   0089  mov rdi,r15
;;   008c  mov eax,18h
;;   0091  call stubs+438h
;;   0096  test eax,eax
;;   0098  jne func[0]+169h
;;   009e  mov [rsp],r8d
;;   00a6  mov dword ptr [rsp+8],0
;;   00b2  mov dword ptr [rsp+10h],7
;;   00be  mov qword ptr [rsp+18h],0
;;   00ca  mov rsi,rsp
;;   00cd  mov rdi,r15
;;   00d0  mov eax,28h
;;   00d5  call stubs+438h
;;   00da  test eax,eax
;;   00dc  jne func[0]+16Eh
;;   00e2  mov qword ptr [rsp],0
;;   00ee  mov rsi,rsp
;;   00f1  mov rdi,r15
;;   00f4  mov eax,30h
;;   00f9  call stubs+438h
;;   00fe  test eax,eax
;;   0100  jne func[0]+173h
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
;;   013b  call stubs+1D8h
;;   0140  mov rsp,rax
;;   0143  cmp rsp,r12
;;   0146  jae func[0]+14h
;;   014c  bt r12,3Dh
;;   0151  jb func[0]+135h
;;   0157  jmp func[0]+15Ch
;;   015c  mov rsp,rbp
;;   015f  call stubs+55h
;;   0164  call stubs
;;   0169  call stubs
;;   016e  call stubs
;;   0173  call stubs
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
;;   005d  call stubs+438h
;;   0062  test eax,eax
;;   0064  jne func[0]+1D4h
;;   006a  cmp qword ptr [r15+48h],1
;;   006f  ja func[0]+1F8h
;;   0075  mov [rsp],r8d
;;   007d  mov dword ptr [rsp+8],0
;;   0089  mov [rsp+10h],r10d
;;   0091  mov rsi,rsp
;;   0094  mov rdi,r15
;;   0097  mov eax,18h
;;   009c  call stubs+438h
;;   00a1  test eax,eax
;;   00a3  jne func[0]+1D9h
;;   00a9  cmp qword ptr [r15+48h],1
;;   00ae  ja func[0]+208h
;;   00b4  mov [rsp],r8d
;;   00bc  mov dword ptr [rsp+8],0
;;   00c8  mov dword ptr [rsp+10h],7
;;   00d4  mov qword ptr [rsp+18h],0
;;   00e0  mov rsi,rsp
;;   00e3  mov rdi,r15
;;   00e6  mov eax,28h
;;   00eb  call stubs+438h
;;   00f0  test eax,eax
;;   00f2  jne func[0]+1DEh
;;   00f8  cmp qword ptr [r15+48h],1
;;   00fd  ja func[0]+218h
;;   0103  mov qword ptr [rsp],0
;;   010f  mov rsi,rsp
;;   0112  mov rdi,r15
;;   0115  mov eax,30h
;;   011a  call stubs+438h
;;   011f  test eax,eax
;;   0121  jne func[0]+1E3h
;;   0127  cmp qword ptr [r15+48h],1
;;   012c  ja func[0]+228h
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
;;   017a  jb func[0]+1CCh
;;   0180  mov rax,[r15+48h]
;;   0187  bt r12,3Eh
;;   018c  jae func[0]+1A8h
;;   0192  shl r12,2
;;   0196  shr r12,2
;;   019a  test rax,rax
;;   019d  je func[0]+14h
;;   01a3  bts r12,3Fh
;;   01a8  cmp rax,1
;;   01ae  ja func[0]+1E8h
;;   01b4  jmp func[0]+14h
;;   01b9  mov rax,rsp
;;   01bc  mov rsp,rbp
;;   01bf  call stubs+1D8h
;;   01c4  mov rsp,rax
;;   01c7  jmp func[0]+161h
;;   01cc  mov rsp,rbp
;;   01cf  call stubs+55h
;;   01d4  call stubs
;;   01d9  call stubs
;;   01de  call stubs
;;   01e3  call stubs
;;   01e8  jmp qword ptr [1000h]
;;   01ee  call stubs+538h
;;   01f3  jmp func[0]+14h
;;   01f8  jmp qword ptr [1008h]
;;   01fe  call stubs+538h
;;   0203  jmp func[0]+75h
;;   0208  jmp qword ptr [1010h]
;;   020e  call stubs+538h
;;   0213  jmp func[0]+0B4h
;;   0218  jmp qword ptr [1018h]
;;   021e  call stubs+538h
;;   0223  jmp func[0]+103h
;;   0228  jmp qword ptr [1020h]
;;   022e  call stubs+538h
;;   0233  jmp func[0]+132h
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
;;   005e  jne func[0].instrumented+2C9h
;;   0064  test byte ptr [r13],2
;;   006c  jne func[0].instrumented+2D8h
;;   0072  test byte ptr [r13],4
;;   007a  jne func[0].instrumented+2E7h
;;   0080  test byte ptr [r13],8
;;   0088  jne func[0].instrumented+2F6h
;;   008e  test byte ptr [r13],10h
;;   0096  jne func[0].instrumented+305h
;;   009c  mov [rsp],r8d
;;   00a4  mov [rsp+8],r9d
;;   00ac  mov [rsp+10h],r10d
;;   00b4  mov rsi,rsp
;;   00b7  mov rdi,r15
;;   00ba  mov eax,20h
;;   00bf  call stubs+431h
;;   00c4  test eax,eax
;;   00c6  jne func[0].instrumented+2B5h
;;   00cc  mov r13,[r15+48h]
;;   00d3  cmp r13,1
;;   00da  jbe func[0]+75h
;;   00e0  test byte ptr [r13],20h
;;   00e8  jne func[0].instrumented+314h
;;   00ee  test byte ptr [r13],40h
;;   00f6  jne func[0].instrumented+323h
;;   00fc  test byte ptr [r13],80h
;;   0104  jne func[0].instrumented+332h
;;   010a  test byte ptr [r13+1],1
;;   0112  jne func[0].instrumented+341h
;;   0118  mov [rsp],r8d
;;   0120  mov dword ptr [rsp+8],0
;;   012c  mov [rsp+10h],r10d
;;   0134  mov rsi,rsp
;;   0137  mov rdi,r15
;;   013a  mov eax,18h
;;   013f  call stubs+431h
;;   0144  test eax,eax
;;   0146  jne func[0].instrumented+2BAh
;;   014c  mov r13,[r15+48h]
;;   0153  cmp r13,1
;;   015a  jbe func[0]+0B4h
;;   0160  test byte ptr [r13+1],2
;;   0168  jne func[0].instrumented+350h
;;   016e  test byte ptr [r13+1],4
;;   0176  jne func[0].instrumented+35Fh
;;   017c  test byte ptr [r13+1],8
;;   0184  jne func[0].instrumented+36Eh
;;   018a  test byte ptr [r13+1],10h
;;   0192  jne func[0].instrumented+37Dh
;;   0198  mov [rsp],r8d
;;   01a0  mov dword ptr [rsp+8],0
;;   01ac  mov dword ptr [rsp+10h],7
;;   01b8  mov qword ptr [rsp+18h],0
;;   01c4  mov rsi,rsp
;;   01c7  mov rdi,r15
;;   01ca  mov eax,28h
;;   01cf  call stubs+431h
;;   01d4  test eax,eax
;;   01d6  jne func[0].instrumented+2BFh
;;   01dc  mov r13,[r15+48h]
;;   01e3  cmp r13,1
;;   01ea  jbe func[0]+103h
;;   01f0  test byte ptr [r13+1],20h
;;   01f8  jne func[0].instrumented+38Ch
;;   01fe  mov qword ptr [rsp],0
;;   020a  mov rsi,rsp
;;   020d  mov rdi,r15
;;   0210  mov eax,30h
;;   0215  call stubs+431h
;;   021a  test eax,eax
;;   021c  jne func[0].instrumented+2C4h
;;   0222  mov r13,[r15+48h]
;;   0229  cmp r13,1
;;   0230  jbe func[0]+132h
;;   0236  test byte ptr [r13+1],40h
;;   023e  jne func[0].instrumented+39Bh
;;   0244  mov rax,[r15+8]
;;   024b  mov rbx,[rax]
;;   0252  shr rbx,10h
;;   0256  test byte ptr [r13+1],80h
;;   025e  jne func[0].instrumented+3AAh
;;   0264  test byte ptr [r13+2],1
;;   026c  jne func[0].instrumented+3B9h
;;   0272  mov eax,ebx
;;   0275  mov r8,[rbp-10h]
;;   027c  mov r9,[rbp-18h]
;;   0283  mov r10,[rbp-20h]
;;   028a  mov rsp,rbp
;;   028d  pop rbp
;;   028e  ret
;;   028f  bt r12,3Dh
;;   0294  jae func[0].instrumented+2ADh
;;   029a  mov rax,rsp
;;   029d  mov rsp,rbp
;;   02a0  call stubs+1D1h
;;   02a5  mov rsp,rax
;;   02a8  jmp func[0].instrumented+0Bh
;;   02ad  mov rsp,rbp
;;   02b0  call stubs+55h
;;   02b5  call stubs
;;   02ba  call stubs
;;   02bf  call stubs
;;   02c4  call stubs
;;   02c9  mov eax,0
;;   02ce  call func[0].instrumented+3C8h
;;   02d3  jmp func[0].instrumented+64h
;;   02d8  mov eax,1
;;   02dd  call func[0].instrumented+3C8h
;;   02e2  jmp func[0].instrumented+72h
;;   02e7  mov eax,2
;;   02ec  call func[0].instrumented+3C8h
;;   02f1  jmp func[0].instrumented+80h
;;   02f6  mov eax,3
;;   02fb  call func[0].instrumented+3C8h
;;   0300  jmp func[0].instrumented+8Eh
;;   0305  mov eax,4
;;   030a  call func[0].instrumented+3C8h
;;   030f  jmp func[0].instrumented+9Ch
;;   0314  mov eax,5
;;   0319  call func[0].instrumented+3C8h
;;   031e  jmp func[0].instrumented+0EEh
;;   0323  mov eax,6
;;   0328  call func[0].instrumented+3C8h
;;   032d  jmp func[0].instrumented+0FCh
;;   0332  mov eax,7
;;   0337  call func[0].instrumented+3C8h
;;   033c  jmp func[0].instrumented+10Ah
;;   0341  mov eax,8
;;   0346  call func[0].instrumented+3C8h
;;   034b  jmp func[0].instrumented+118h
;;   0350  mov eax,9
;;   0355  call func[0].instrumented+3C8h
;;   035a  jmp func[0].instrumented+16Eh
;;   035f  mov eax,0Ah
;;   0364  call func[0].instrumented+3C8h
;;   0369  jmp func[0].instrumented+17Ch
;;   036e  mov eax,0Bh
;;   0373  call func[0].instrumented+3C8h
;;   0378  jmp func[0].instrumented+18Ah
;;   037d  mov eax,0Ch
;;   0382  call func[0].instrumented+3C8h
;;   0387  jmp func[0].instrumented+198h
;;   038c  mov eax,0Dh
;;   0391  call func[0].instrumented+3C8h
;;   0396  jmp func[0].instrumented+1FEh
;;   039b  mov eax,0Eh
;;   03a0  call func[0].instrumented+3C8h
;;   03a5  jmp func[0].instrumented+244h
;;   03aa  mov eax,0Fh
;;   03af  call func[0].instrumented+3C8h
;;   03b4  jmp func[0].instrumented+264h
;;   03b9  mov eax,10h
;;   03be  call func[0].instrumented+3C8h
;;   03c3  jmp func[0].instrumented+272h
;;   03c8  sub rsp,8
;;   03cc  mov rdx,0
;;   03d6  or rax,rdx
;;   03d9  push rax
;;   03da  call stubs+531h
;;   03df  add rsp,8
;;   03e3  mov r13,[r15+48h]
;;   03ea  cmp r13,1
;;   03f1  ja func[0].instrumented+3FEh
;;   03f7  lea r13,[stubs+7A9h]
;;   03fe  ret
