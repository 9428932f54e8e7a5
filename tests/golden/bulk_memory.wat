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
;;   005d  call stubs+433h
;;   0062  test eax,eax
;;   0064  jne func[0]+159h
;;   006a  mov [rsp],r8d
;;   0072  mov dword ptr [rsp+8],0
;;   007e  mov [rsp+10h],r10d
;;   0086  mov rsi,rsp
;;   0089  mov rdi,r15
;;   008c  mov eax,18h
;;   0091  call stubs+433h
;;   0096  test eax,eax
;;   0098  jne func[0]+15Eh
;;   009e  mov [rsp],r8d
;;   00a6  mov dword ptr [rsp+8],0
;;   00b2  mov dword ptr [rsp+10h],7
;;   00be  mov qword ptr [rsp+18h],0
;;   00ca  mov rsi,rsp
;;   00cd  mov rdi,r15
;;   00d0  mov eax,28h
;;   00d5  call stubs+433h
;;   00da  test eax,eax
;;   00dc  jne func[0]+163h
;;   00e2  mov qword ptr [rsp],0
;;   00ee  mov rsi,rsp
;;   00f1  mov rdi,r15
;;   00f4  mov eax,30h
;;   00f9  call stubs+433h
;;   00fe  test eax,eax
;;   0100  jne func[0]+168h
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
;;   013b  call stubs+1D3h
;;   0140  mov rsp,rax
;;   0143  cmp rsp,r12
;;   0146  jb func[0]+151h
;;   014c  jmp func[0]+14h
;;   0151  mov rsp,rbp
;;   0154  call stubs+55h
;;   0159  call stubs
;;   015e  call stubs
;;   0163  call stubs
;;   0168  call stubs
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
;;   005d  call stubs+432h
;;   0062  test eax,eax
;;   0064  jne func[0]+1D4h
;;   006a  cmp qword ptr [r15+48h],1
;;   006f  ja func[0]+206h
;;   0075  mov [rsp],r8d
;;   007d  mov dword ptr [rsp+8],0
;;   0089  mov [rsp+10h],r10d
;;   0091  mov rsi,rsp
;;   0094  mov rdi,r15
;;   0097  mov eax,18h
;;   009c  call stubs+432h
;;   00a1  test eax,eax
;;   00a3  jne func[0]+1D9h
;;   00a9  cmp qword ptr [r15+48h],1
;;   00ae  ja func[0]+224h
;;   00b4  mov [rsp],r8d
;;   00bc  mov dword ptr [rsp+8],0
;;   00c8  mov dword ptr [rsp+10h],7
;;   00d4  mov qword ptr [rsp+18h],0
;;   00e0  mov rsi,rsp
;;   00e3  mov rdi,r15
;;   00e6  mov eax,28h
;;   00eb  call stubs+432h
;;   00f0  test eax,eax
;;   00f2  jne func[0]+1DEh
;;   00f8  cmp qword ptr [r15+48h],1
;;   00fd  ja func[0]+242h
;;   0103  mov qword ptr [rsp],0
;;   010f  mov rsi,rsp
;;   0112  mov rdi,r15
;;   0115  mov eax,30h
;;   011a  call stubs+432h
;;   011f  test eax,eax
;;   0121  jne func[0]+1E3h
;;   0127  cmp qword ptr [r15+48h],1
;;   012c  ja func[0]+260h
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
;;   0161  bt r12,3Dh
;;   0166  jb func[0]+1B9h
;;   016c  mov rax,r12
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
;;   01bf  call stubs+1D2h
;;   01c4  mov rsp,rax
;;   01c7  jmp func[0]+161h
;;   01cc  mov rsp,rbp
;;   01cf  call stubs+55h
;;   01d4  call stubs
;;   01d9  call stubs
;;   01de  call stubs
;;   01e3  call stubs
;;   01e8  cmp qword ptr [1000h],0
;;   01f0  je func[0]+1FCh
;;   01f6  jmp qword ptr [1000h]
;;   01fc  call stubs+532h
;;   0201  jmp func[0]+14h
;;   0206  cmp qword ptr [1008h],0
;;   020e  je func[0]+21Ah
;;   0214  jmp qword ptr [1008h]
;;   021a  call stubs+532h
;;   021f  jmp func[0]+75h
;;   0224  cmp qword ptr [1010h],0
;;   022c  je func[0]+238h
;;   0232  jmp qword ptr [1010h]
;;   0238  call stubs+532h
;;   023d  jmp func[0]+0B4h
;;   0242  cmp qword ptr [1018h],0
;;   024a  je func[0]+256h
;;   0250  jmp qword ptr [1018h]
;;   0256  call stubs+532h
;;   025b  jmp func[0]+103h
;;   0260  cmp qword ptr [1020h],0
;;   0268  je func[0]+274h
;;   026e  jmp qword ptr [1020h]
;;   0274  call stubs+532h
;;   0279  jmp func[0]+132h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  mov [rbp-10h],r8
;;   001b  mov [rbp-18h],r9
;;   0022  mov [rbp-20h],r10
;;   0029  mov r8d,esi
;;   002c  mov r9d,[rbp+18h]
;;   0033  mov r10d,[rbp+20h]
;;   003a  test byte ptr [r13],1
;;   0042  jne func[0].instrumented+287h
;;   0048  test byte ptr [r13],2
;;   0050  jne func[0].instrumented+29Bh
;;   0056  test byte ptr [r13],4
;;   005e  jne func[0].instrumented+2AFh
;;   0064  test byte ptr [r13],8
;;   006c  jne func[0].instrumented+2C3h
;;   0072  test byte ptr [r13],10h
;;   007a  jne func[0].instrumented+2D7h
;;   0080  mov [rsp],r8d
;;   0088  mov [rsp+8],r9d
;;   0090  mov [rsp+10h],r10d
;;   0098  mov rsi,rsp
;;   009b  mov rdi,r15
;;   009e  mov eax,20h
;;   00a3  call stubs+43Bh
;;   00a8  test eax,eax
;;   00aa  jne func[0].instrumented+273h
;;   00b0  mov r13,[r15+48h]
;;   00b7  cmp r13,1
;;   00be  jbe func[0]+75h
;;   00c4  test byte ptr [r13],20h
;;   00cc  jne func[0].instrumented+2EBh
;;   00d2  test byte ptr [r13],40h
;;   00da  jne func[0].instrumented+2FFh
;;   00e0  test byte ptr [r13],80h
;;   00e8  jne func[0].instrumented+313h
;;   00ee  test byte ptr [r13+1],1
;;   00f6  jne func[0].instrumented+327h
;;   00fc  mov [rsp],r8d
;;   0104  mov dword ptr [rsp+8],0
;;   0110  mov [rsp+10h],r10d
;;   0118  mov rsi,rsp
;;   011b  mov rdi,r15
;;   011e  mov eax,18h
;;   0123  call stubs+43Bh
;;   0128  test eax,eax
;;   012a  jne func[0].instrumented+278h
;;   0130  mov r13,[r15+48h]
;;   0137  cmp r13,1
;;   013e  jbe func[0]+0B4h
;;   0144  test byte ptr [r13+1],2
;;   014c  jne func[0].instrumented+33Bh
;;   0152  test byte ptr [r13+1],4
;;   015a  jne func[0].instrumented+34Fh
;;   0160  test byte ptr [r13+1],8
;;   0168  jne func[0].instrumented+363h
;;   016e  test byte ptr [r13+1],10h
;;   0176  jne func[0].instrumented+377h
;;   017c  mov [rsp],r8d
;;   0184  mov dword ptr [rsp+8],0
;;   0190  mov dword ptr [rsp+10h],7
;;   019c  mov qword ptr [rsp+18h],0
;;   01a8  mov rsi,rsp
;;   01ab  mov rdi,r15
;;   01ae  mov eax,28h
;;   01b3  call stubs+43Bh
;;   01b8  test eax,eax
;;   01ba  jne func[0].instrumented+27Dh
;;   01c0  mov r13,[r15+48h]
;;   01c7  cmp r13,1
;;   01ce  jbe func[0]+103h
;;   01d4  test byte ptr [r13+1],20h
;;   01dc  jne func[0].instrumented+38Bh
;;   01e2  mov qword ptr [rsp],0
;;   01ee  mov rsi,rsp
;;   01f1  mov rdi,r15
;;   01f4  mov eax,30h
;;   01f9  call stubs+43Bh
;;   01fe  test eax,eax
;;   0200  jne func[0].instrumented+282h
;;   0206  mov r13,[r15+48h]
;;   020d  cmp r13,1
;;   0214  jbe func[0]+132h
;;   021a  test byte ptr [r13+1],40h
;;   0222  jne func[0].instrumented+39Fh
;;   0228  mov rax,[r15+8]
;;   022f  mov rbx,[rax]
;;   0236  shr rbx,10h
;;   023a  test byte ptr [r13+1],80h
;;   0242  jne func[0].instrumented+3B3h
;;   0248  test byte ptr [r13+2],1
;;   0250  jne func[0].instrumented+3C7h
;;   0256  mov eax,ebx
;;   0259  mov r8,[rbp-10h]
;;   0260  mov r9,[rbp-18h]
;;   0267  mov r10,[rbp-20h]
;;   026e  mov rsp,rbp
;;   0271  pop rbp
;;   0272  ret
;;   0273  call stubs
;;   0278  call stubs
;;   027d  call stubs
;;   0282  call stubs
;;   0287  mov rax,0
;;   0291  call func[0].instrumented+3DBh
;;   0296  jmp func[0].instrumented+48h
;;   029b  mov rax,1
;;   02a5  call func[0].instrumented+3DBh
;;   02aa  jmp func[0].instrumented+56h
;;   02af  mov rax,2
;;   02b9  call func[0].instrumented+3DBh
;;   02be  jmp func[0].instrumented+64h
;;   02c3  mov rax,3
;;   02cd  call func[0].instrumented+3DBh
;;   02d2  jmp func[0].instrumented+72h
;;   02d7  mov rax,4
;;   02e1  call func[0].instrumented+3DBh
;;   02e6  jmp func[0].instrumented+80h
;;   02eb  mov rax,5
;;   02f5  call func[0].instrumented+3DBh
;;   02fa  jmp func[0].instrumented+0D2h
;;   02ff  mov rax,6
;;   0309  call func[0].instrumented+3DBh
;;   030e  jmp func[0].instrumented+0E0h
;;   0313  mov rax,7
;;   031d  call func[0].instrumented+3DBh
;;   0322  jmp func[0].instrumented+0EEh
;;   0327  mov rax,8
;;   0331  call func[0].instrumented+3DBh
;;   0336  jmp func[0].instrumented+0FCh
;;   033b  mov rax,9
;;   0345  call func[0].instrumented+3DBh
;;   034a  jmp func[0].instrumented+152h
;;   034f  mov rax,0Ah
;;   0359  call func[0].instrumented+3DBh
;;   035e  jmp func[0].instrumented+160h
;;   0363  mov rax,0Bh
;;   036d  call func[0].instrumented+3DBh
;;   0372  jmp func[0].instrumented+16Eh
;;   0377  mov rax,0Ch
;;   0381  call func[0].instrumented+3DBh
;;   0386  jmp func[0].instrumented+17Ch
;;   038b  mov rax,0Dh
;;   0395  call func[0].instrumented+3DBh
;;   039a  jmp func[0].instrumented+1E2h
;;   039f  mov rax,0Eh
;;   03a9  call func[0].instrumented+3DBh
;;   03ae  jmp func[0].instrumented+228h
;;   03b3  mov rax,0Fh
;;   03bd  call func[0].instrumented+3DBh
;;   03c2  jmp func[0].instrumented+248h
;;   03c7  mov rax,10h
;;   03d1  call func[0].instrumented+3DBh
;;   03d6  jmp func[0].instrumented+256h
;;   03db  sub rsp,8
;;   03df  push rax
;;   03e0  call stubs+53Bh
;;   03e5  add rsp,8
;;   03e9  mov r13,[r15+48h]
;;   03f0  cmp r13,1
;;   03f7  ja func[0].instrumented+404h
;;   03fd  lea r13,[stubs+7B3h]
;;   0404  ret
