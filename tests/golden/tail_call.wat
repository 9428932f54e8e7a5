;; return_call in place ("DESIGN: tail calls"): the arguments go to the outgoing area
;; (each operand read before any parameter slot is written: they swap), move into the
;; incoming area, the frame is popped and a jmp enters the callee; return_call_indirect
;; jumps in place to an entry of this instance and goes through a tail-call frame
;; otherwise (built where the frame was, or reused if the frame returns into one).
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
;;   0084  call stubs+1F0h
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
;;   00dc  call stubs+1E8h
;;   00e1  mov rsp,rax
;;   00e4  test r12,r12
;;   00e7  je func[0]+0FAh
;;   00ed  jmp func[0]+7Eh
;;   00f2  mov rsp,rbp
;;   00f5  call stubs+55h
;;   00fa  mov rsp,rbp
;;   00fd  call stubs+87h
;;   0102  jmp qword ptr [1000h]
;;   0108  call stubs+548h
;;   010d  jmp func[0]+14h
;; ---- func[0] $swap: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+169h
;;   001c  mov r13,[r15+50h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+1A0h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+1AFh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+1BEh
;;   005a  cmp qword ptr [rbp+10h],0
;;   0065  sete bl
;;   0069  movzx ebx,bl
;;   006d  test byte ptr [r13],8
;;   0075  jne func[0].instrumented+1CDh
;;   007b  test ebx,ebx
;;   007e  je func[0].instrumented+0ACh
;;   0084  test byte ptr [r13],10h
;;   008c  jne func[0].instrumented+1DCh
;;   0092  test byte ptr [r13],20h
;;   009a  jne func[0].instrumented+1EBh
;;   00a0  mov rbx,[rbp+18h]
;;   00a7  jmp func[0].instrumented+145h
;;   00ac  test byte ptr [r13],40h
;;   00b4  jne func[0].instrumented+1FAh
;;   00ba  test byte ptr [r13],80h
;;   00c2  jne func[0].instrumented+209h
;;   00c8  test byte ptr [r13+1],1
;;   00d0  jne func[0].instrumented+218h
;;   00d6  mov rbx,[rbp+10h]
;;   00dd  sub rbx,1
;;   00e4  test byte ptr [r13+1],2
;;   00ec  jne func[0].instrumented+227h
;;   00f2  test byte ptr [r13+1],4
;;   00fa  jne func[0].instrumented+236h
;;   0100  test byte ptr [r13+1],8
;;   0108  jne func[0].instrumented+245h
;;   010e  mov [rsp],rbx
;;   0116  mov rax,[rbp+10h]
;;   011d  mov [rsp+8],rax
;;   0125  mov rsi,rbx
;;   0128  movdqu xmm15,[rsp]
;;   0132  movdqu [rbp+10h],xmm15
;;   013c  mov rsp,rbp
;;   013f  pop rbp
;;   0140  jmp func[0].instrumented
;;   0145  test byte ptr [r13+1],10h
;;   014d  jne func[0].instrumented+254h
;;   0153  test byte ptr [r13+1],20h
;;   015b  jne func[0].instrumented+263h
;;   0161  mov rax,rbx
;;   0164  mov rsp,rbp
;;   0167  pop rbp
;;   0168  ret
;;   0169  bt r12,3Dh
;;   016e  jae func[0].instrumented+190h
;;   0174  mov rax,rsp
;;   0177  mov rsp,rbp
;;   017a  call stubs+1EDh
;;   017f  mov rsp,rax
;;   0182  test r12,r12
;;   0185  je func[0].instrumented+198h
;;   018b  jmp func[0].instrumented+0Bh
;;   0190  mov rsp,rbp
;;   0193  call stubs+55h
;;   0198  mov rsp,rbp
;;   019b  call stubs+87h
;;   01a0  mov eax,0
;;   01a5  call func[0].instrumented+272h
;;   01aa  jmp func[0].instrumented+3Eh
;;   01af  mov eax,1
;;   01b4  call func[0].instrumented+272h
;;   01b9  jmp func[0].instrumented+4Ch
;;   01be  mov eax,2
;;   01c3  call func[0].instrumented+272h
;;   01c8  jmp func[0].instrumented+5Ah
;;   01cd  mov eax,3
;;   01d2  call func[0].instrumented+272h
;;   01d7  jmp func[0].instrumented+7Bh
;;   01dc  mov eax,4
;;   01e1  call func[0].instrumented+272h
;;   01e6  jmp func[0].instrumented+92h
;;   01eb  mov eax,5
;;   01f0  call func[0].instrumented+272h
;;   01f5  jmp func[0].instrumented+0A0h
;;   01fa  mov eax,6
;;   01ff  call func[0].instrumented+272h
;;   0204  jmp func[0].instrumented+0BAh
;;   0209  mov eax,7
;;   020e  call func[0].instrumented+272h
;;   0213  jmp func[0].instrumented+0C8h
;;   0218  mov eax,8
;;   021d  call func[0].instrumented+272h
;;   0222  jmp func[0].instrumented+0D6h
;;   0227  mov eax,9
;;   022c  call func[0].instrumented+272h
;;   0231  jmp func[0].instrumented+0F2h
;;   0236  mov eax,0Ah
;;   023b  call func[0].instrumented+272h
;;   0240  jmp func[0].instrumented+100h
;;   0245  mov eax,0Bh
;;   024a  call func[0].instrumented+272h
;;   024f  jmp func[0].instrumented+10Eh
;;   0254  mov eax,0Ch
;;   0259  call func[0].instrumented+272h
;;   025e  jmp func[0].instrumented+153h
;;   0263  mov eax,0Dh
;;   0268  call func[0].instrumented+272h
;;   026d  jmp func[0].instrumented+161h
;;   0272  sub rsp,8
;;   0276  mov rdx,0
;;   0280  or rax,rdx
;;   0283  push rax
;;   0284  call stubs+54Dh
;;   0289  add rsp,8
;;   028d  mov r13,[r15+50h]
;;   0294  cmp r13,1
;;   029b  ja func[0].instrumented+2A8h
;;   02a1  lea r13,[stubs+7C5h]
;;   02a8  ret
;; ---- func[1]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,50h
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
;;   004d  jae func[1]+1A3h
;;   0053  mov rax,[rax]
;;   005a  mov rax,[rax+rcx*8]
;;   005e  test rax,rax
;;   0061  je func[1]+1A8h
;;   0067  mov rdx,[r15+40h]
;;   006e  cmp rdx,[rax+10h]
;;   0075  jne func[1]+1ADh
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
;;   00af  call stubs+1F0h
;;   00b4  mov rsp,rax
;;   00b7  test r12,r12
;;   00ba  je func[1]+19Bh
;;   00c0  cmp rsp,r12
;;   00c3  jae func[1]+14h
;;   00c9  bt r12,3Dh
;;   00ce  jb func[1]+0A9h
;;   00d4  jmp func[1]+193h
;;   00d9  mov rax,[rax]
;;   00e0  mov rdx,[r15+18h]
;;   00e7  mov rdx,[rdx+0A0h]
;;   00ee  mov rdx,[rdx]
;;   00f1  cmp rdx,[rbp+8]
;;   00f5  jne func[1]+12Dh
;;   00fb  mov rdx,[rbp]
;;   00ff  cmp qword ptr [rdx-10h],2
;;   010a  jb func[1]+137h
;;   0110  movdqu xmm15,[rsp]
;;   011a  movdqu [rbp+10h],xmm15
;;   0124  mov rsp,rbp
;;   0127  pop rbp
;;   0128  jmp func[1]+180h
;;   012d  mov rdx,rbp
;;   0130  mov [rdx-8],r15
;;   0137  movdqu xmm15,[rsp]
;;   0141  movdqu [rdx-30h],xmm15
;;   014b  mov qword ptr [rdx-10h],2
;;   0156  mov qword ptr [rdx-18h],1
;;   0161  mov rbp,rdx
;;   0164  lea rsp,[rdx-38h]
;;   016b  mov rdx,[r15+18h]
;;   0172  mov rdx,[rdx+0A0h]
;;   0179  mov rdx,[rdx]
;;   017c  mov [rsp],rdx
;;   0180  mov r15,rcx
;;   0183  mov r14,[r15]
;;   018a  or r12,[r15+10h]
;;   0191  jmp rax
;;   0193  mov rsp,rbp
;;   0196  call stubs+55h
;;   019b  mov rsp,rbp
;;   019e  call stubs+87h
;;   01a3  call stubs+37h
;;   01a8  call stubs+41h
;;   01ad  call stubs+4Bh
;; ---- func[1]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,50h
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
;;   004d  jae func[1]+1E7h
;;   0053  mov rax,[rax]
;;   005a  mov rax,[rax+rcx*8]
;;   005e  test rax,rax
;;   0061  je func[1]+1ECh
;;   0067  mov rdx,[r15+40h]
;;   006e  cmp rdx,[rax+10h]
;;   0075  jne func[1]+1F1h
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
;;   00c2  jb func[1]+1D7h
;;   00c8  mov rax,[r15+58h]
;;   00cf  bt r12,3Eh
;;   00d4  jae func[1]+0F0h
;;   00da  shl r12,2
;;   00de  shr r12,2
;;   00e2  test rax,rax
;;   00e5  je func[1]+14h
;;   00eb  bts r12,3Fh
;;   00f0  cmp rax,1
;;   00f6  ja func[1]+1F6h
;;   00fc  jmp func[1]+14h
;;   0101  mov rax,rsp
;;   0104  mov rsp,rbp
;;   0107  call stubs+1E8h
;;   010c  mov rsp,rax
;;   010f  test r12,r12
;;   0112  je func[1]+1DFh
;;   0118  jmp func[1]+0A9h
;;   011d  mov rax,[rax]
;;   0124  mov rdx,[r15+18h]
;;   012b  mov rdx,[rdx+0A0h]
;;   0132  mov rdx,[rdx]
;;   0135  cmp rdx,[rbp+8]
;;   0139  jne func[1]+171h
;;   013f  mov rdx,[rbp]
;;   0143  cmp qword ptr [rdx-10h],2
;;   014e  jb func[1]+17Bh
;;   0154  movdqu xmm15,[rsp]
;;   015e  movdqu [rbp+10h],xmm15
;;   0168  mov rsp,rbp
;;   016b  pop rbp
;;   016c  jmp func[1]+1C4h
;;   0171  mov rdx,rbp
;;   0174  mov [rdx-8],r15
;;   017b  movdqu xmm15,[rsp]
;;   0185  movdqu [rdx-30h],xmm15
;;   018f  mov qword ptr [rdx-10h],2
;;   019a  mov qword ptr [rdx-18h],1
;;   01a5  mov rbp,rdx
;;   01a8  lea rsp,[rdx-38h]
;;   01af  mov rdx,[r15+18h]
;;   01b6  mov rdx,[rdx+0A0h]
;;   01bd  mov rdx,[rdx]
;;   01c0  mov [rsp],rdx
;;   01c4  mov r15,rcx
;;   01c7  mov r14,[r15]
;;   01ce  or r12,[r15+10h]
;;   01d5  jmp rax
;;   01d7  mov rsp,rbp
;;   01da  call stubs+55h
;;   01df  mov rsp,rbp
;;   01e2  call stubs+87h
;;   01e7  call stubs+37h
;;   01ec  call stubs+41h
;;   01f1  call stubs+4Bh
;;   01f6  jmp qword ptr [1008h]
;;   01fc  call stubs+548h
;;   0201  jmp func[1]+14h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,50h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[1].instrumented+119h
;;   001c  mov r13,[r15+58h]
;;   0023  cmp r13,1
;;   002a  jbe func[1]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[1].instrumented+219h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+228h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+237h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+246h
;;   0068  test byte ptr [r13],10h
;;   0070  jne func[1].instrumented+255h
;;   0076  test byte ptr [r13],20h
;;   007e  jne func[1].instrumented+264h
;;   0084  mov rax,[rbp+18h]
;;   008b  mov [rsp],rax
;;   0093  mov rax,[rbp+10h]
;;   009a  mov [rsp+8],rax
;;   00a2  mov ecx,0
;;   00a8  mov rsi,[rbp+18h]
;;   00af  mov rax,[r15+48h]
;;   00b6  cmp rcx,[rax+8]
;;   00bd  jae func[1].instrumented+20Ah
;;   00c3  mov rax,[rax]
;;   00ca  mov rax,[rax+rcx*8]
;;   00ce  test rax,rax
;;   00d1  je func[1].instrumented+20Fh
;;   00d7  mov rdx,[r15+40h]
;;   00de  cmp rdx,[rax+10h]
;;   00e5  jne func[1].instrumented+214h
;;   00eb  mov rcx,[rax+8]
;;   00f2  cmp rcx,r15
;;   00f5  jne func[1].instrumented+140h
;;   00fb  movdqu xmm15,[rsp]
;;   0105  movdqu [rbp+10h],xmm15
;;   010f  mov rsp,rbp
;;   0112  pop rbp
;;   0113  jmp qword ptr [rax]
;;   0119  bt r12,3Dh
;;   011e  jae func[1].instrumented+1FAh
;;   0124  mov rax,rsp
;;   0127  mov rsp,rbp
;;   012a  call stubs+1EDh
;;   012f  mov rsp,rax
;;   0132  test r12,r12
;;   0135  je func[1].instrumented+202h
;;   013b  jmp func[1].instrumented+0Bh
;;   0140  mov rax,[rax]
;;   0147  mov rdx,[r15+18h]
;;   014e  mov rdx,[rdx+0A0h]
;;   0155  mov rdx,[rdx]
;;   0158  cmp rdx,[rbp+8]
;;   015c  jne func[1].instrumented+194h
;;   0162  mov rdx,[rbp]
;;   0166  cmp qword ptr [rdx-10h],2
;;   0171  jb func[1].instrumented+19Eh
;;   0177  movdqu xmm15,[rsp]
;;   0181  movdqu [rbp+10h],xmm15
;;   018b  mov rsp,rbp
;;   018e  pop rbp
;;   018f  jmp func[1].instrumented+1E7h
;;   0194  mov rdx,rbp
;;   0197  mov [rdx-8],r15
;;   019e  movdqu xmm15,[rsp]
;;   01a8  movdqu [rdx-30h],xmm15
;;   01b2  mov qword ptr [rdx-10h],2
;;   01bd  mov qword ptr [rdx-18h],1
;;   01c8  mov rbp,rdx
;;   01cb  lea rsp,[rdx-38h]
;;   01d2  mov rdx,[r15+18h]
;;   01d9  mov rdx,[rdx+0A0h]
;;   01e0  mov rdx,[rdx]
;;   01e3  mov [rsp],rdx
;;   01e7  mov r15,rcx
;;   01ea  mov r14,[r15]
;;   01f1  or r12,[r15+10h]
;;   01f8  jmp rax
;;   01fa  mov rsp,rbp
;;   01fd  call stubs+55h
;;   0202  mov rsp,rbp
;;   0205  call stubs+87h
;;   020a  call stubs+37h
;;   020f  call stubs+41h
;;   0214  call stubs+4Bh
;;   0219  mov eax,0
;;   021e  call func[1].instrumented+273h
;;   0223  jmp func[1].instrumented+3Eh
;;   0228  mov eax,1
;;   022d  call func[1].instrumented+273h
;;   0232  jmp func[1].instrumented+4Ch
;;   0237  mov eax,2
;;   023c  call func[1].instrumented+273h
;;   0241  jmp func[1].instrumented+5Ah
;;   0246  mov eax,3
;;   024b  call func[1].instrumented+273h
;;   0250  jmp func[1].instrumented+68h
;;   0255  mov eax,4
;;   025a  call func[1].instrumented+273h
;;   025f  jmp func[1].instrumented+76h
;;   0264  mov eax,5
;;   0269  call func[1].instrumented+273h
;;   026e  jmp func[1].instrumented+84h
;;   0273  sub rsp,8
;;   0277  mov rdx,100000000h
;;   0281  or rax,rdx
;;   0284  push rax
;;   0285  call stubs+54Dh
;;   028a  add rsp,8
;;   028e  mov r13,[r15+58h]
;;   0295  cmp r13,1
;;   029c  ja func[1].instrumented+2A9h
;;   02a2  lea r13,[stubs+7C5h]
;;   02a9  ret
