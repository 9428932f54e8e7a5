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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+292h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  mov [rbp-10h],r8
;;   003a  mov [rbp-18h],r9
;;   0041  mov [rbp-20h],r10
;;   0048  mov r8d,esi
;;   004b  mov r9d,[rbp+18h]
;;   0052  mov r10d,[rbp+20h]
;;   0059  test byte ptr [r13],1
;;   0061  jne func[0].instrumented+2CCh
;;   0067  test byte ptr [r13],2
;;   006f  jne func[0].instrumented+2E0h
;;   0075  test byte ptr [r13],4
;;   007d  jne func[0].instrumented+2F4h
;;   0083  test byte ptr [r13],8
;;   008b  jne func[0].instrumented+308h
;;   0091  test byte ptr [r13],10h
;;   0099  jne func[0].instrumented+31Ch
;;   009f  mov [rsp],r8d
;;   00a7  mov [rsp+8],r9d
;;   00af  mov [rsp+10h],r10d
;;   00b7  mov rsi,rsp
;;   00ba  mov rdi,r15
;;   00bd  mov eax,20h
;;   00c2  call stubs+436h
;;   00c7  test eax,eax
;;   00c9  jne func[0].instrumented+2B8h
;;   00cf  mov r13,[r15+48h]
;;   00d6  cmp r13,1
;;   00dd  jbe func[0]+75h
;;   00e3  test byte ptr [r13],20h
;;   00eb  jne func[0].instrumented+330h
;;   00f1  test byte ptr [r13],40h
;;   00f9  jne func[0].instrumented+344h
;;   00ff  test byte ptr [r13],80h
;;   0107  jne func[0].instrumented+358h
;;   010d  test byte ptr [r13+1],1
;;   0115  jne func[0].instrumented+36Ch
;;   011b  mov [rsp],r8d
;;   0123  mov dword ptr [rsp+8],0
;;   012f  mov [rsp+10h],r10d
;;   0137  mov rsi,rsp
;;   013a  mov rdi,r15
;;   013d  mov eax,18h
;;   0142  call stubs+436h
;;   0147  test eax,eax
;;   0149  jne func[0].instrumented+2BDh
;;   014f  mov r13,[r15+48h]
;;   0156  cmp r13,1
;;   015d  jbe func[0]+0B4h
;;   0163  test byte ptr [r13+1],2
;;   016b  jne func[0].instrumented+380h
;;   0171  test byte ptr [r13+1],4
;;   0179  jne func[0].instrumented+394h
;;   017f  test byte ptr [r13+1],8
;;   0187  jne func[0].instrumented+3A8h
;;   018d  test byte ptr [r13+1],10h
;;   0195  jne func[0].instrumented+3BCh
;;   019b  mov [rsp],r8d
;;   01a3  mov dword ptr [rsp+8],0
;;   01af  mov dword ptr [rsp+10h],7
;;   01bb  mov qword ptr [rsp+18h],0
;;   01c7  mov rsi,rsp
;;   01ca  mov rdi,r15
;;   01cd  mov eax,28h
;;   01d2  call stubs+436h
;;   01d7  test eax,eax
;;   01d9  jne func[0].instrumented+2C2h
;;   01df  mov r13,[r15+48h]
;;   01e6  cmp r13,1
;;   01ed  jbe func[0]+103h
;;   01f3  test byte ptr [r13+1],20h
;;   01fb  jne func[0].instrumented+3D0h
;;   0201  mov qword ptr [rsp],0
;;   020d  mov rsi,rsp
;;   0210  mov rdi,r15
;;   0213  mov eax,30h
;;   0218  call stubs+436h
;;   021d  test eax,eax
;;   021f  jne func[0].instrumented+2C7h
;;   0225  mov r13,[r15+48h]
;;   022c  cmp r13,1
;;   0233  jbe func[0]+132h
;;   0239  test byte ptr [r13+1],40h
;;   0241  jne func[0].instrumented+3E4h
;;   0247  mov rax,[r15+8]
;;   024e  mov rbx,[rax]
;;   0255  shr rbx,10h
;;   0259  test byte ptr [r13+1],80h
;;   0261  jne func[0].instrumented+3F8h
;;   0267  test byte ptr [r13+2],1
;;   026f  jne func[0].instrumented+40Ch
;;   0275  mov eax,ebx
;;   0278  mov r8,[rbp-10h]
;;   027f  mov r9,[rbp-18h]
;;   0286  mov r10,[rbp-20h]
;;   028d  mov rsp,rbp
;;   0290  pop rbp
;;   0291  ret
;;   0292  bt r12,3Dh
;;   0297  jae func[0].instrumented+2B0h
;;   029d  mov rax,rsp
;;   02a0  mov rsp,rbp
;;   02a3  call stubs+1D6h
;;   02a8  mov rsp,rax
;;   02ab  jmp func[0].instrumented+0Bh
;;   02b0  mov rsp,rbp
;;   02b3  call stubs+55h
;;   02b8  call stubs
;;   02bd  call stubs
;;   02c2  call stubs
;;   02c7  call stubs
;;   02cc  mov rax,0
;;   02d6  call func[0].instrumented+420h
;;   02db  jmp func[0].instrumented+67h
;;   02e0  mov rax,1
;;   02ea  call func[0].instrumented+420h
;;   02ef  jmp func[0].instrumented+75h
;;   02f4  mov rax,2
;;   02fe  call func[0].instrumented+420h
;;   0303  jmp func[0].instrumented+83h
;;   0308  mov rax,3
;;   0312  call func[0].instrumented+420h
;;   0317  jmp func[0].instrumented+91h
;;   031c  mov rax,4
;;   0326  call func[0].instrumented+420h
;;   032b  jmp func[0].instrumented+9Fh
;;   0330  mov rax,5
;;   033a  call func[0].instrumented+420h
;;   033f  jmp func[0].instrumented+0F1h
;;   0344  mov rax,6
;;   034e  call func[0].instrumented+420h
;;   0353  jmp func[0].instrumented+0FFh
;;   0358  mov rax,7
;;   0362  call func[0].instrumented+420h
;;   0367  jmp func[0].instrumented+10Dh
;;   036c  mov rax,8
;;   0376  call func[0].instrumented+420h
;;   037b  jmp func[0].instrumented+11Bh
;;   0380  mov rax,9
;;   038a  call func[0].instrumented+420h
;;   038f  jmp func[0].instrumented+171h
;;   0394  mov rax,0Ah
;;   039e  call func[0].instrumented+420h
;;   03a3  jmp func[0].instrumented+17Fh
;;   03a8  mov rax,0Bh
;;   03b2  call func[0].instrumented+420h
;;   03b7  jmp func[0].instrumented+18Dh
;;   03bc  mov rax,0Ch
;;   03c6  call func[0].instrumented+420h
;;   03cb  jmp func[0].instrumented+19Bh
;;   03d0  mov rax,0Dh
;;   03da  call func[0].instrumented+420h
;;   03df  jmp func[0].instrumented+201h
;;   03e4  mov rax,0Eh
;;   03ee  call func[0].instrumented+420h
;;   03f3  jmp func[0].instrumented+247h
;;   03f8  mov rax,0Fh
;;   0402  call func[0].instrumented+420h
;;   0407  jmp func[0].instrumented+267h
;;   040c  mov rax,10h
;;   0416  call func[0].instrumented+420h
;;   041b  jmp func[0].instrumented+275h
;;   0420  sub rsp,8
;;   0424  push rax
;;   0425  call stubs+536h
;;   042a  add rsp,8
;;   042e  mov r13,[r15+48h]
;;   0435  cmp r13,1
;;   043c  ja func[0].instrumented+449h
;;   0442  lea r13,[stubs+7AEh]
;;   0449  ret
