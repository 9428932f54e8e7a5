;; return_call in place ("DESIGN: tail calls"): the arguments go to the outgoing area
;; (each operand read before any parameter slot is written: they swap), move into the
;; incoming area, the frame is popped and a jmp enters the callee; return_call_indirect
;; jumps in place to an entry of this instance and calls and returns otherwise.
(module
  (type $pair (func (param i64 i64) (result i64)))
  (table 1 funcref)
  (elem (i32.const 0) $swap)
  (func $swap (type $pair)
    (if (result i64) (i64.eqz (local.get 0))
      (then (local.get 1))
      (else (return_call $swap (i64.sub (local.get 0) (i64.const 1)) (local.get 0)))))
  (func (export "via_table") (type $pair)
    (return_call_indirect (type $pair) (local.get 1) (local.get 0) (i32.const 0))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0] $swap: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+7Eh
;;   0014  cmp qword ptr [rbp+10h],0
;;   001f  jne func[0]+31h
;;   0025  mov rbx,[rbp+18h]
;;   002c  jmp func[0]+76h
;;   0031  mov rbx,[rbp+10h]
;;   0038  sub rbx,1
;;   003f  mov [rsp],rbx
;;   0047  mov rax,[rbp+10h]
;;   004e  mov [rsp+8],rax
;;   0056  mov rsi,rbx
;;   0059  movdqu xmm15,[rsp]
;;   0063  movdqu [rbp+10h],xmm15
;;   006d  mov rsp,rbp
;;   0070  pop rbp
;;   0071  jmp func[0]
;;   0076  mov rax,rbx
;;   0079  mov rsp,rbp
;;   007c  pop rbp
;;   007d  ret
;;   007e  mov rax,rsp
;;   0081  mov rsp,rbp
;;   0084  call stubs+1ECh
;;   0089  mov rsp,rax
;;   008c  test r12,r12
;;   008f  je func[0]+0B6h
;;   0095  cmp rsp,r12
;;   0098  jae func[0]+14h
;;   009e  bt r12,3Dh
;;   00a3  jb func[0]+7Eh
;;   00a9  jmp func[0]+0AEh
;;   00ae  mov rsp,rbp
;;   00b1  call stubs+55h
;;   00b6  mov rsp,rbp
;;   00b9  call stubs+87h
;; ---- func[0] $swap: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+7Eh
;;   0014  cmp qword ptr [rbp+10h],0
;;   001f  jne func[0]+31h
;;   0025  mov rbx,[rbp+18h]
;;   002c  jmp func[0]+76h
;;   0031  mov rbx,[rbp+10h]
;;   0038  sub rbx,1
;;   003f  mov [rsp],rbx
;;   0047  mov rax,[rbp+10h]
;;   004e  mov [rsp+8],rax
;;   0056  mov rsi,rbx
;;   0059  movdqu xmm15,[rsp]
;;   0063  movdqu [rbp+10h],xmm15
;;   006d  mov rsp,rbp
;;   0070  pop rbp
;;   0071  jmp func[0]
;;   0076  mov rax,rbx
;;   0079  mov rsp,rbp
;;   007c  pop rbp
;;   007d  ret
;;   007e  mov rax,r12
;;   0081  bt rax,3Dh
;;   0086  jb func[0]+0D6h
;;   008c  shl rax,2
;;   0090  shr rax,2
;;   0094  cmp rsp,rax
;;   0097  jb func[0]+0F2h
;;   009d  mov rax,[r15+50h]
;;   00a4  bt r12,3Eh
;;   00a9  jae func[0]+0C5h
;;   00af  shl r12,2
;;   00b3  shr r12,2
;;   00b7  test rax,rax
;;   00ba  je func[0]+14h
;;   00c0  bts r12,3Fh
;;   00c5  cmp rax,1
;;   00cb  ja func[0]+102h
;;   00d1  jmp func[0]+14h
;;   00d6  mov rax,rsp
;;   00d9  mov rsp,rbp
;;   00dc  call stubs+1E4h
;;   00e1  mov rsp,rax
;;   00e4  test r12,r12
;;   00e7  je func[0]+0FAh
;;   00ed  jmp func[0]+7Eh
;;   00f2  mov rsp,rbp
;;   00f5  call stubs+55h
;;   00fa  mov rsp,rbp
;;   00fd  call stubs+87h
;;   0102  jmp qword ptr [1000h]
;;   0108  call stubs+544h
;;   010d  jmp func[0]+14h
;; ---- func[0] $swap: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+15Bh
;;   001c  mov r13,[r15+50h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+192h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+1A1h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+1B0h
;;   005a  cmp qword ptr [rbp+10h],0
;;   0065  sete bl
;;   0069  movzx ebx,bl
;;   006d  test byte ptr [r13],8
;;   0075  jne func[0].instrumented+1BFh
;;   007b  test ebx,ebx
;;   007e  je func[0].instrumented+0ACh
;;   0084  test byte ptr [r13],10h
;;   008c  jne func[0].instrumented+1CEh
;;   0092  test byte ptr [r13],20h
;;   009a  jne func[0].instrumented+1DDh
;;   00a0  mov rbx,[rbp+18h]
;;   00a7  jmp func[0].instrumented+137h
;;   00ac  test byte ptr [r13],40h
;;   00b4  jne func[0].instrumented+1ECh
;;   00ba  test byte ptr [r13],80h
;;   00c2  jne func[0].instrumented+1FBh
;;   00c8  test byte ptr [r13+1],1
;;   00d0  jne func[0].instrumented+20Ah
;;   00d6  mov rbx,[rbp+10h]
;;   00dd  sub rbx,1
;;   00e4  test byte ptr [r13+1],2
;;   00ec  jne func[0].instrumented+219h
;;   00f2  test byte ptr [r13+1],4
;;   00fa  jne func[0].instrumented+228h
;;   0100  mov [rsp],rbx
;;   0108  mov rax,[rbp+10h]
;;   010f  mov [rsp+8],rax
;;   0117  mov rsi,rbx
;;   011a  movdqu xmm15,[rsp]
;;   0124  movdqu [rbp+10h],xmm15
;;   012e  mov rsp,rbp
;;   0131  pop rbp
;;   0132  jmp func[0].instrumented
;;   0137  test byte ptr [r13+1],8
;;   013f  jne func[0].instrumented+237h
;;   0145  test byte ptr [r13+1],10h
;;   014d  jne func[0].instrumented+246h
;;   0153  mov rax,rbx
;;   0156  mov rsp,rbp
;;   0159  pop rbp
;;   015a  ret
;;   015b  bt r12,3Dh
;;   0160  jae func[0].instrumented+182h
;;   0166  mov rax,rsp
;;   0169  mov rsp,rbp
;;   016c  call stubs+1E3h
;;   0171  mov rsp,rax
;;   0174  test r12,r12
;;   0177  je func[0].instrumented+18Ah
;;   017d  jmp func[0].instrumented+0Bh
;;   0182  mov rsp,rbp
;;   0185  call stubs+55h
;;   018a  mov rsp,rbp
;;   018d  call stubs+87h
;;   0192  mov eax,0
;;   0197  call func[0].instrumented+255h
;;   019c  jmp func[0].instrumented+3Eh
;;   01a1  mov eax,1
;;   01a6  call func[0].instrumented+255h
;;   01ab  jmp func[0].instrumented+4Ch
;;   01b0  mov eax,2
;;   01b5  call func[0].instrumented+255h
;;   01ba  jmp func[0].instrumented+5Ah
;;   01bf  mov eax,3
;;   01c4  call func[0].instrumented+255h
;;   01c9  jmp func[0].instrumented+7Bh
;;   01ce  mov eax,4
;;   01d3  call func[0].instrumented+255h
;;   01d8  jmp func[0].instrumented+92h
;;   01dd  mov eax,5
;;   01e2  call func[0].instrumented+255h
;;   01e7  jmp func[0].instrumented+0A0h
;;   01ec  mov eax,6
;;   01f1  call func[0].instrumented+255h
;;   01f6  jmp func[0].instrumented+0BAh
;;   01fb  mov eax,7
;;   0200  call func[0].instrumented+255h
;;   0205  jmp func[0].instrumented+0C8h
;;   020a  mov eax,8
;;   020f  call func[0].instrumented+255h
;;   0214  jmp func[0].instrumented+0D6h
;;   0219  mov eax,9
;;   021e  call func[0].instrumented+255h
;;   0223  jmp func[0].instrumented+0F2h
;;   0228  mov eax,0Ah
;;   022d  call func[0].instrumented+255h
;;   0232  jmp func[0].instrumented+100h
;;   0237  mov eax,0Bh
;;   023c  call func[0].instrumented+255h
;;   0241  jmp func[0].instrumented+145h
;;   0246  mov eax,0Ch
;;   024b  call func[0].instrumented+255h
;;   0250  jmp func[0].instrumented+153h
;;   0255  sub rsp,8
;;   0259  mov rdx,0
;;   0263  or rax,rdx
;;   0266  push rax
;;   0267  call stubs+543h
;;   026c  add rsp,8
;;   0270  mov r13,[r15+50h]
;;   0277  cmp r13,1
;;   027e  ja func[0].instrumented+28Bh
;;   0284  lea r13,[stubs+7BBh]
;;   028b  ret
;; ---- func[1]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+0A9h
;;   0014  mov rax,[rbp+18h]
;;   001b  mov [rsp],rax
;;   0023  mov rax,[rbp+10h]
;;   002a  mov [rsp+8],rax
;;   0032  mov ecx,0
;;   0038  mov rsi,[rbp+18h]
;;   003f  mov rax,[r15+48h]
;;   0046  cmp rcx,[rax+8]
;;   004d  jae func[1]+137h
;;   0053  mov rax,[rax]
;;   005a  mov rax,[rax+rcx*8]
;;   005e  test rax,rax
;;   0061  je func[1]+13Ch
;;   0067  mov rdx,[r15+40h]
;;   006e  cmp rdx,[rax+10h]
;;   0075  jne func[1]+141h
;;   007b  mov rcx,[rax+8]
;;   0082  cmp rcx,r15
;;   0085  jne func[1]+0D9h
;;   008b  movdqu xmm15,[rsp]
;;   0095  movdqu [rbp+10h],xmm15
;;   009f  mov rsp,rbp
;;   00a2  pop rbp
;;   00a3  jmp qword ptr [rax]
;;   00a9  mov rax,rsp
;;   00ac  mov rsp,rbp
;;   00af  call stubs+1ECh
;;   00b4  mov rsp,rax
;;   00b7  test r12,r12
;;   00ba  je func[1]+12Fh
;;   00c0  cmp rsp,r12
;;   00c3  jae func[1]+14h
;;   00c9  bt r12,3Dh
;;   00ce  jb func[1]+0A9h
;;   00d4  jmp func[1]+127h
;;   00d9  mov [rbp-8],r15
;;   00dd  mov r15,rcx
;;   00e0  mov r14,[r15]
;;   00e7  or r12,[r15+10h]
;;   00ee  call qword ptr [rax]
;;   00f4  mov r15,[rbp-8]
;;   00f8  mov r14,[r15]
;;   00ff  shl r12,2
;;   0103  shr r12,2
;;   0107  or r12,[r15+30h]
;;   010e  movq xmm15,[rsp]
;;   0118  movq [rbp+10h],xmm15
;;   0122  mov rsp,rbp
;;   0125  pop rbp
;;   0126  ret
;;   0127  mov rsp,rbp
;;   012a  call stubs+55h
;;   012f  mov rsp,rbp
;;   0132  call stubs+87h
;;   0137  call stubs+37h
;;   013c  call stubs+41h
;;   0141  call stubs+4Bh
;; ---- func[1]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+0A9h
;;   0014  mov rax,[rbp+18h]
;;   001b  mov [rsp],rax
;;   0023  mov rax,[rbp+10h]
;;   002a  mov [rsp+8],rax
;;   0032  mov ecx,0
;;   0038  mov rsi,[rbp+18h]
;;   003f  mov rax,[r15+48h]
;;   0046  cmp rcx,[rax+8]
;;   004d  jae func[1]+17Bh
;;   0053  mov rax,[rax]
;;   005a  mov rax,[rax+rcx*8]
;;   005e  test rax,rax
;;   0061  je func[1]+180h
;;   0067  mov rdx,[r15+40h]
;;   006e  cmp rdx,[rax+10h]
;;   0075  jne func[1]+185h
;;   007b  mov rcx,[rax+8]
;;   0082  cmp rcx,r15
;;   0085  jne func[1]+11Dh
;;   008b  movdqu xmm15,[rsp]
;;   0095  movdqu [rbp+10h],xmm15
;;   009f  mov rsp,rbp
;;   00a2  pop rbp
;;   00a3  jmp qword ptr [rax]
;;   00a9  mov rax,r12
;;   00ac  bt rax,3Dh
;;   00b1  jb func[1]+101h
;;   00b7  shl rax,2
;;   00bb  shr rax,2
;;   00bf  cmp rsp,rax
;;   00c2  jb func[1]+16Bh
;;   00c8  mov rax,[r15+58h]
;;   00cf  bt r12,3Eh
;;   00d4  jae func[1]+0F0h
;;   00da  shl r12,2
;;   00de  shr r12,2
;;   00e2  test rax,rax
;;   00e5  je func[1]+14h
;;   00eb  bts r12,3Fh
;;   00f0  cmp rax,1
;;   00f6  ja func[1]+18Ah
;;   00fc  jmp func[1]+14h
;;   0101  mov rax,rsp
;;   0104  mov rsp,rbp
;;   0107  call stubs+1E4h
;;   010c  mov rsp,rax
;;   010f  test r12,r12
;;   0112  je func[1]+173h
;;   0118  jmp func[1]+0A9h
;;   011d  mov [rbp-8],r15
;;   0121  mov r15,rcx
;;   0124  mov r14,[r15]
;;   012b  or r12,[r15+10h]
;;   0132  call qword ptr [rax]
;;   0138  mov r15,[rbp-8]
;;   013c  mov r14,[r15]
;;   0143  shl r12,2
;;   0147  shr r12,2
;;   014b  or r12,[r15+30h]
;;   0152  movq xmm15,[rsp]
;;   015c  movq [rbp+10h],xmm15
;;   0166  mov rsp,rbp
;;   0169  pop rbp
;;   016a  ret
;;   016b  mov rsp,rbp
;;   016e  call stubs+55h
;;   0173  mov rsp,rbp
;;   0176  call stubs+87h
;;   017b  call stubs+37h
;;   0180  call stubs+41h
;;   0185  call stubs+4Bh
;;   018a  jmp qword ptr [1008h]
;;   0190  call stubs+544h
;;   0195  jmp func[1]+14h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[1].instrumented+10Bh
;;   001c  mov r13,[r15+58h]
;;   0023  cmp r13,1
;;   002a  jbe func[1]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[1].instrumented+19Fh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+1AEh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+1BDh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+1CCh
;;   0068  test byte ptr [r13],10h
;;   0070  jne func[1].instrumented+1DBh
;;   0076  mov rax,[rbp+18h]
;;   007d  mov [rsp],rax
;;   0085  mov rax,[rbp+10h]
;;   008c  mov [rsp+8],rax
;;   0094  mov ecx,0
;;   009a  mov rsi,[rbp+18h]
;;   00a1  mov rax,[r15+48h]
;;   00a8  cmp rcx,[rax+8]
;;   00af  jae func[1].instrumented+190h
;;   00b5  mov rax,[rax]
;;   00bc  mov rax,[rax+rcx*8]
;;   00c0  test rax,rax
;;   00c3  je func[1].instrumented+195h
;;   00c9  mov rdx,[r15+40h]
;;   00d0  cmp rdx,[rax+10h]
;;   00d7  jne func[1].instrumented+19Ah
;;   00dd  mov rcx,[rax+8]
;;   00e4  cmp rcx,r15
;;   00e7  jne func[1].instrumented+132h
;;   00ed  movdqu xmm15,[rsp]
;;   00f7  movdqu [rbp+10h],xmm15
;;   0101  mov rsp,rbp
;;   0104  pop rbp
;;   0105  jmp qword ptr [rax]
;;   010b  bt r12,3Dh
;;   0110  jae func[1].instrumented+180h
;;   0116  mov rax,rsp
;;   0119  mov rsp,rbp
;;   011c  call stubs+1E3h
;;   0121  mov rsp,rax
;;   0124  test r12,r12
;;   0127  je func[1].instrumented+188h
;;   012d  jmp func[1].instrumented+0Bh
;;   0132  mov [rbp-8],r15
;;   0136  mov r15,rcx
;;   0139  mov r14,[r15]
;;   0140  or r12,[r15+10h]
;;   0147  call qword ptr [rax]
;;   014d  mov r15,[rbp-8]
;;   0151  mov r14,[r15]
;;   0158  shl r12,2
;;   015c  shr r12,2
;;   0160  or r12,[r15+30h]
;;   0167  movq xmm15,[rsp]
;;   0171  movq [rbp+10h],xmm15
;;   017b  mov rsp,rbp
;;   017e  pop rbp
;;   017f  ret
;;   0180  mov rsp,rbp
;;   0183  call stubs+55h
;;   0188  mov rsp,rbp
;;   018b  call stubs+87h
;;   0190  call stubs+37h
;;   0195  call stubs+41h
;;   019a  call stubs+4Bh
;;   019f  mov eax,0
;;   01a4  call func[1].instrumented+1EAh
;;   01a9  jmp func[1].instrumented+3Eh
;;   01ae  mov eax,1
;;   01b3  call func[1].instrumented+1EAh
;;   01b8  jmp func[1].instrumented+4Ch
;;   01bd  mov eax,2
;;   01c2  call func[1].instrumented+1EAh
;;   01c7  jmp func[1].instrumented+5Ah
;;   01cc  mov eax,3
;;   01d1  call func[1].instrumented+1EAh
;;   01d6  jmp func[1].instrumented+68h
;;   01db  mov eax,4
;;   01e0  call func[1].instrumented+1EAh
;;   01e5  jmp func[1].instrumented+76h
;;   01ea  sub rsp,8
;;   01ee  mov rdx,100000000h
;;   01f8  or rax,rdx
;;   01fb  push rax
;;   01fc  call stubs+543h
;;   0201  add rsp,8
;;   0205  mov r13,[r15+58h]
;;   020c  cmp r13,1
;;   0213  ja func[1].instrumented+220h
;;   0219  lea r13,[stubs+7BBh]
;;   0220  ret
