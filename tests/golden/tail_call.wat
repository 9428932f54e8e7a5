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
;;   000e  jb func[0]+8Ah
;;   0014  cmp qword ptr [rbp+10h],0
;;   001f  jne func[0]+31h
;;   0025  mov rbx,[rbp+18h]
;;   002c  jmp func[0]+82h
;;   0031  mov rbx,[rbp+10h]
;;   0038  sub rbx,1
;;   003f  mov [rsp],rbx
;;   0047  mov rax,[rbp+10h]
;;   004e  mov [rsp+8],rax
;;   0056  mov rsi,rbx
;;   0059  mov rdx,[rsp+8]
;;   0061  mov [rbp+18h],rdx
;;   0069  mov rdx,[rsp]
;;   0071  mov [rbp+10h],rdx
;;   0079  mov rsp,rbp
;;   007c  pop rbp
;;   007d  jmp func[0]
;;   0082  mov rax,rbx
;;   0085  mov rsp,rbp
;;   0088  pop rbp
;;   0089  ret
;;   008a  mov rax,rsp
;;   008d  mov rsp,rbp
;;   0090  call stubs+210h
;;   0095  mov rsp,rax
;;   0098  test r12,r12
;;   009b  je func[0]+0C2h
;;   00a1  cmp rsp,r12
;;   00a4  jae func[0]+14h
;;   00aa  bt r12,3Dh
;;   00af  jb func[0]+8Ah
;;   00b5  jmp func[0]+0BAh
;;   00ba  mov rsp,rbp
;;   00bd  call stubs+55h
;;   00c2  mov rsp,rbp
;;   00c5  call stubs+87h
;; ---- func[0] $swap: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+8Ah
;;   0014  cmp qword ptr [rbp+10h],0
;;   001f  jne func[0]+31h
;;   0025  mov rbx,[rbp+18h]
;;   002c  jmp func[0]+82h
;;   0031  mov rbx,[rbp+10h]
;;   0038  sub rbx,1
;;   003f  mov [rsp],rbx
;;   0047  mov rax,[rbp+10h]
;;   004e  mov [rsp+8],rax
;;   0056  mov rsi,rbx
;;   0059  mov rdx,[rsp+8]
;;   0061  mov [rbp+18h],rdx
;;   0069  mov rdx,[rsp]
;;   0071  mov [rbp+10h],rdx
;;   0079  mov rsp,rbp
;;   007c  pop rbp
;;   007d  jmp func[0]
;;   0082  mov rax,rbx
;;   0085  mov rsp,rbp
;;   0088  pop rbp
;;   0089  ret
;;   008a  mov rax,r12
;;   008d  bt rax,3Dh
;;   0092  jb func[0]+0E2h
;;   0098  shl rax,2
;;   009c  shr rax,2
;;   00a0  cmp rsp,rax
;;   00a3  jb func[0]+0FEh
;;   00a9  mov rax,[r15+50h]
;;   00b0  bt r12,3Eh
;;   00b5  jae func[0]+0D1h
;;   00bb  shl r12,2
;;   00bf  shr r12,2
;;   00c3  test rax,rax
;;   00c6  je func[0]+14h
;;   00cc  bts r12,3Fh
;;   00d1  cmp rax,1
;;   00d7  ja func[0]+10Eh
;;   00dd  jmp func[0]+14h
;;   00e2  mov rax,rsp
;;   00e5  mov rsp,rbp
;;   00e8  call stubs+218h
;;   00ed  mov rsp,rax
;;   00f0  test r12,r12
;;   00f3  je func[0]+106h
;;   00f9  jmp func[0]+8Ah
;;   00fe  mov rsp,rbp
;;   0101  call stubs+55h
;;   0106  mov rsp,rbp
;;   0109  call stubs+87h
;;   010e  jmp qword ptr [1000h]
;;   0114  call stubs+578h
;;   0119  jmp func[0]+14h
;; ---- func[0] $swap: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+175h
;;   001c  mov r13,[r15+50h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+1ACh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+1BBh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+1CAh
;;   005a  cmp qword ptr [rbp+10h],0
;;   0065  sete bl
;;   0069  movzx ebx,bl
;;   006d  test byte ptr [r13],8
;;   0075  jne func[0].instrumented+1D9h
;;   007b  test ebx,ebx
;;   007e  je func[0].instrumented+0ACh
;;   0084  test byte ptr [r13],10h
;;   008c  jne func[0].instrumented+1E8h
;;   0092  test byte ptr [r13],20h
;;   009a  jne func[0].instrumented+1F7h
;;   00a0  mov rbx,[rbp+18h]
;;   00a7  jmp func[0].instrumented+151h
;;   00ac  test byte ptr [r13],40h
;;   00b4  jne func[0].instrumented+206h
;;   00ba  test byte ptr [r13],80h
;;   00c2  jne func[0].instrumented+215h
;;   00c8  test byte ptr [r13+1],1
;;   00d0  jne func[0].instrumented+224h
;;   00d6  mov rbx,[rbp+10h]
;;   00dd  sub rbx,1
;;   00e4  test byte ptr [r13+1],2
;;   00ec  jne func[0].instrumented+233h
;;   00f2  test byte ptr [r13+1],4
;;   00fa  jne func[0].instrumented+242h
;;   0100  test byte ptr [r13+1],8
;;   0108  jne func[0].instrumented+251h
;;   010e  mov [rsp],rbx
;;   0116  mov rax,[rbp+10h]
;;   011d  mov [rsp+8],rax
;;   0125  mov rsi,rbx
;;   0128  mov rdx,[rsp+8]
;;   0130  mov [rbp+18h],rdx
;;   0138  mov rdx,[rsp]
;;   0140  mov [rbp+10h],rdx
;;   0148  mov rsp,rbp
;;   014b  pop rbp
;;   014c  jmp func[0].instrumented
;;   0151  test byte ptr [r13+1],10h
;;   0159  jne func[0].instrumented+260h
;;   015f  test byte ptr [r13+1],20h
;;   0167  jne func[0].instrumented+26Fh
;;   016d  mov rax,rbx
;;   0170  mov rsp,rbp
;;   0173  pop rbp
;;   0174  ret
;;   0175  bt r12,3Dh
;;   017a  jae func[0].instrumented+19Ch
;;   0180  mov rax,rsp
;;   0183  mov rsp,rbp
;;   0186  call stubs+20Dh
;;   018b  mov rsp,rax
;;   018e  test r12,r12
;;   0191  je func[0].instrumented+1A4h
;;   0197  jmp func[0].instrumented+0Bh
;;   019c  mov rsp,rbp
;;   019f  call stubs+55h
;;   01a4  mov rsp,rbp
;;   01a7  call stubs+87h
;;   01ac  mov eax,0
;;   01b1  call func[0].instrumented+27Eh
;;   01b6  jmp func[0].instrumented+3Eh
;;   01bb  mov eax,1
;;   01c0  call func[0].instrumented+27Eh
;;   01c5  jmp func[0].instrumented+4Ch
;;   01ca  mov eax,2
;;   01cf  call func[0].instrumented+27Eh
;;   01d4  jmp func[0].instrumented+5Ah
;;   01d9  mov eax,3
;;   01de  call func[0].instrumented+27Eh
;;   01e3  jmp func[0].instrumented+7Bh
;;   01e8  mov eax,4
;;   01ed  call func[0].instrumented+27Eh
;;   01f2  jmp func[0].instrumented+92h
;;   01f7  mov eax,5
;;   01fc  call func[0].instrumented+27Eh
;;   0201  jmp func[0].instrumented+0A0h
;;   0206  mov eax,6
;;   020b  call func[0].instrumented+27Eh
;;   0210  jmp func[0].instrumented+0BAh
;;   0215  mov eax,7
;;   021a  call func[0].instrumented+27Eh
;;   021f  jmp func[0].instrumented+0C8h
;;   0224  mov eax,8
;;   0229  call func[0].instrumented+27Eh
;;   022e  jmp func[0].instrumented+0D6h
;;   0233  mov eax,9
;;   0238  call func[0].instrumented+27Eh
;;   023d  jmp func[0].instrumented+0F2h
;;   0242  mov eax,0Ah
;;   0247  call func[0].instrumented+27Eh
;;   024c  jmp func[0].instrumented+100h
;;   0251  mov eax,0Bh
;;   0256  call func[0].instrumented+27Eh
;;   025b  jmp func[0].instrumented+10Eh
;;   0260  mov eax,0Ch
;;   0265  call func[0].instrumented+27Eh
;;   026a  jmp func[0].instrumented+15Fh
;;   026f  mov eax,0Dh
;;   0274  call func[0].instrumented+27Eh
;;   0279  jmp func[0].instrumented+16Dh
;;   027e  sub rsp,8
;;   0282  mov rdx,0
;;   028c  or rax,rdx
;;   028f  push rax
;;   0290  call stubs+56Dh
;;   0295  add rsp,8
;;   0299  mov r13,[r15+50h]
;;   02a0  cmp r13,1
;;   02a7  ja func[0].instrumented+2B4h
;;   02ad  lea r13,[stubs+7E5h]
;;   02b4  ret
;; ---- func[1]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,50h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+0B5h
;;   0014  mov rax,[rbp+18h]
;;   001b  mov [rsp],rax
;;   0023  mov rax,[rbp+10h]
;;   002a  mov [rsp+8],rax
;;   0032  mov ecx,0
;;   0038  mov rsi,[rbp+18h]
;;   003f  mov rax,[r15+48h]
;;   0046  cmp rcx,[rax+8]
;;   004d  jae func[1]+1C7h
;;   0053  mov rax,[rax]
;;   005a  mov rax,[rax+rcx*8]
;;   005e  test rax,rax
;;   0061  je func[1]+1CCh
;;   0067  mov rdx,[r15+40h]
;;   006e  cmp rdx,[rax+10h]
;;   0075  jne func[1]+1D1h
;;   007b  mov rcx,[rax+8]
;;   0082  cmp rcx,r15
;;   0085  jne func[1]+0E5h
;;   008b  mov rdx,[rsp+8]
;;   0093  mov [rbp+18h],rdx
;;   009b  mov rdx,[rsp]
;;   00a3  mov [rbp+10h],rdx
;;   00ab  mov rsp,rbp
;;   00ae  pop rbp
;;   00af  jmp qword ptr [rax]
;;   00b5  mov rax,rsp
;;   00b8  mov rsp,rbp
;;   00bb  call stubs+210h
;;   00c0  mov rsp,rax
;;   00c3  test r12,r12
;;   00c6  je func[1]+1BFh
;;   00cc  cmp rsp,r12
;;   00cf  jae func[1]+14h
;;   00d5  bt r12,3Dh
;;   00da  jb func[1]+0B5h
;;   00e0  jmp func[1]+1B7h
;;   00e5  mov rax,[rax]
;;   00ec  mov rdi,[r15+18h]
;;   00f3  mov rdi,[rdi+0B0h]
;;   00fa  mov rdi,[rdi]
;;   00fd  cmp rdi,[rbp+8]
;;   0101  jne func[1]+145h
;;   0107  mov rdi,[rbp]
;;   010b  cmp qword ptr [rdi-10h],2
;;   0116  jb func[1]+14Fh
;;   011c  mov rdx,[rsp+8]
;;   0124  mov [rbp+18h],rdx
;;   012c  mov rdx,[rsp]
;;   0134  mov [rbp+10h],rdx
;;   013c  mov rsp,rbp
;;   013f  pop rbp
;;   0140  jmp func[1]+1A4h
;;   0145  mov rdi,rbp
;;   0148  mov [rdi-8],r15
;;   014f  mov rdx,[rsp+8]
;;   0157  mov [rdi-28h],rdx
;;   015f  mov rdx,[rsp]
;;   0167  mov [rdi-30h],rdx
;;   016f  mov qword ptr [rdi-10h],2
;;   017a  mov qword ptr [rdi-18h],1
;;   0185  mov rbp,rdi
;;   0188  lea rsp,[rdi-38h]
;;   018f  mov rdi,[r15+18h]
;;   0196  mov rdi,[rdi+0B0h]
;;   019d  mov rdi,[rdi]
;;   01a0  mov [rsp],rdi
;;   01a4  mov r15,rcx
;;   01a7  mov r14,[r15]
;;   01ae  or r12,[r15+10h]
;;   01b5  jmp rax
;;   01b7  mov rsp,rbp
;;   01ba  call stubs+55h
;;   01bf  mov rsp,rbp
;;   01c2  call stubs+87h
;;   01c7  call stubs+37h
;;   01cc  call stubs+41h
;;   01d1  call stubs+4Bh
;; ---- func[1]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,50h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+0B5h
;;   0014  mov rax,[rbp+18h]
;;   001b  mov [rsp],rax
;;   0023  mov rax,[rbp+10h]
;;   002a  mov [rsp+8],rax
;;   0032  mov ecx,0
;;   0038  mov rsi,[rbp+18h]
;;   003f  mov rax,[r15+48h]
;;   0046  cmp rcx,[rax+8]
;;   004d  jae func[1]+20Bh
;;   0053  mov rax,[rax]
;;   005a  mov rax,[rax+rcx*8]
;;   005e  test rax,rax
;;   0061  je func[1]+210h
;;   0067  mov rdx,[r15+40h]
;;   006e  cmp rdx,[rax+10h]
;;   0075  jne func[1]+215h
;;   007b  mov rcx,[rax+8]
;;   0082  cmp rcx,r15
;;   0085  jne func[1]+129h
;;   008b  mov rdx,[rsp+8]
;;   0093  mov [rbp+18h],rdx
;;   009b  mov rdx,[rsp]
;;   00a3  mov [rbp+10h],rdx
;;   00ab  mov rsp,rbp
;;   00ae  pop rbp
;;   00af  jmp qword ptr [rax]
;;   00b5  mov rax,r12
;;   00b8  bt rax,3Dh
;;   00bd  jb func[1]+10Dh
;;   00c3  shl rax,2
;;   00c7  shr rax,2
;;   00cb  cmp rsp,rax
;;   00ce  jb func[1]+1FBh
;;   00d4  mov rax,[r15+58h]
;;   00db  bt r12,3Eh
;;   00e0  jae func[1]+0FCh
;;   00e6  shl r12,2
;;   00ea  shr r12,2
;;   00ee  test rax,rax
;;   00f1  je func[1]+14h
;;   00f7  bts r12,3Fh
;;   00fc  cmp rax,1
;;   0102  ja func[1]+21Ah
;;   0108  jmp func[1]+14h
;;   010d  mov rax,rsp
;;   0110  mov rsp,rbp
;;   0113  call stubs+218h
;;   0118  mov rsp,rax
;;   011b  test r12,r12
;;   011e  je func[1]+203h
;;   0124  jmp func[1]+0B5h
;;   0129  mov rax,[rax]
;;   0130  mov rdi,[r15+18h]
;;   0137  mov rdi,[rdi+0B0h]
;;   013e  mov rdi,[rdi]
;;   0141  cmp rdi,[rbp+8]
;;   0145  jne func[1]+189h
;;   014b  mov rdi,[rbp]
;;   014f  cmp qword ptr [rdi-10h],2
;;   015a  jb func[1]+193h
;;   0160  mov rdx,[rsp+8]
;;   0168  mov [rbp+18h],rdx
;;   0170  mov rdx,[rsp]
;;   0178  mov [rbp+10h],rdx
;;   0180  mov rsp,rbp
;;   0183  pop rbp
;;   0184  jmp func[1]+1E8h
;;   0189  mov rdi,rbp
;;   018c  mov [rdi-8],r15
;;   0193  mov rdx,[rsp+8]
;;   019b  mov [rdi-28h],rdx
;;   01a3  mov rdx,[rsp]
;;   01ab  mov [rdi-30h],rdx
;;   01b3  mov qword ptr [rdi-10h],2
;;   01be  mov qword ptr [rdi-18h],1
;;   01c9  mov rbp,rdi
;;   01cc  lea rsp,[rdi-38h]
;;   01d3  mov rdi,[r15+18h]
;;   01da  mov rdi,[rdi+0B0h]
;;   01e1  mov rdi,[rdi]
;;   01e4  mov [rsp],rdi
;;   01e8  mov r15,rcx
;;   01eb  mov r14,[r15]
;;   01f2  or r12,[r15+10h]
;;   01f9  jmp rax
;;   01fb  mov rsp,rbp
;;   01fe  call stubs+55h
;;   0203  mov rsp,rbp
;;   0206  call stubs+87h
;;   020b  call stubs+37h
;;   0210  call stubs+41h
;;   0215  call stubs+4Bh
;;   021a  jmp qword ptr [1008h]
;;   0220  call stubs+578h
;;   0225  jmp func[1]+14h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,50h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[1].instrumented+125h
;;   001c  mov r13,[r15+58h]
;;   0023  cmp r13,1
;;   002a  jbe func[1]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[1].instrumented+23Dh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+24Ch
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+25Bh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+26Ah
;;   0068  test byte ptr [r13],10h
;;   0070  jne func[1].instrumented+279h
;;   0076  test byte ptr [r13],20h
;;   007e  jne func[1].instrumented+288h
;;   0084  mov rax,[rbp+18h]
;;   008b  mov [rsp],rax
;;   0093  mov rax,[rbp+10h]
;;   009a  mov [rsp+8],rax
;;   00a2  mov ecx,0
;;   00a8  mov rsi,[rbp+18h]
;;   00af  mov rax,[r15+48h]
;;   00b6  cmp rcx,[rax+8]
;;   00bd  jae func[1].instrumented+22Eh
;;   00c3  mov rax,[rax]
;;   00ca  mov rax,[rax+rcx*8]
;;   00ce  test rax,rax
;;   00d1  je func[1].instrumented+233h
;;   00d7  mov rdx,[r15+40h]
;;   00de  cmp rdx,[rax+10h]
;;   00e5  jne func[1].instrumented+238h
;;   00eb  mov rcx,[rax+8]
;;   00f2  cmp rcx,r15
;;   00f5  jne func[1].instrumented+14Ch
;;   00fb  mov rdx,[rsp+8]
;;   0103  mov [rbp+18h],rdx
;;   010b  mov rdx,[rsp]
;;   0113  mov [rbp+10h],rdx
;;   011b  mov rsp,rbp
;;   011e  pop rbp
;;   011f  jmp qword ptr [rax]
;;   0125  bt r12,3Dh
;;   012a  jae func[1].instrumented+21Eh
;;   0130  mov rax,rsp
;;   0133  mov rsp,rbp
;;   0136  call stubs+20Dh
;;   013b  mov rsp,rax
;;   013e  test r12,r12
;;   0141  je func[1].instrumented+226h
;;   0147  jmp func[1].instrumented+0Bh
;;   014c  mov rax,[rax]
;;   0153  mov rdi,[r15+18h]
;;   015a  mov rdi,[rdi+0B0h]
;;   0161  mov rdi,[rdi]
;;   0164  cmp rdi,[rbp+8]
;;   0168  jne func[1].instrumented+1ACh
;;   016e  mov rdi,[rbp]
;;   0172  cmp qword ptr [rdi-10h],2
;;   017d  jb func[1].instrumented+1B6h
;;   0183  mov rdx,[rsp+8]
;;   018b  mov [rbp+18h],rdx
;;   0193  mov rdx,[rsp]
;;   019b  mov [rbp+10h],rdx
;;   01a3  mov rsp,rbp
;;   01a6  pop rbp
;;   01a7  jmp func[1].instrumented+20Bh
;;   01ac  mov rdi,rbp
;;   01af  mov [rdi-8],r15
;;   01b6  mov rdx,[rsp+8]
;;   01be  mov [rdi-28h],rdx
;;   01c6  mov rdx,[rsp]
;;   01ce  mov [rdi-30h],rdx
;;   01d6  mov qword ptr [rdi-10h],2
;;   01e1  mov qword ptr [rdi-18h],1
;;   01ec  mov rbp,rdi
;;   01ef  lea rsp,[rdi-38h]
;;   01f6  mov rdi,[r15+18h]
;;   01fd  mov rdi,[rdi+0B0h]
;;   0204  mov rdi,[rdi]
;;   0207  mov [rsp],rdi
;;   020b  mov r15,rcx
;;   020e  mov r14,[r15]
;;   0215  or r12,[r15+10h]
;;   021c  jmp rax
;;   021e  mov rsp,rbp
;;   0221  call stubs+55h
;;   0226  mov rsp,rbp
;;   0229  call stubs+87h
;;   022e  call stubs+37h
;;   0233  call stubs+41h
;;   0238  call stubs+4Bh
;;   023d  mov eax,0
;;   0242  call func[1].instrumented+297h
;;   0247  jmp func[1].instrumented+3Eh
;;   024c  mov eax,1
;;   0251  call func[1].instrumented+297h
;;   0256  jmp func[1].instrumented+4Ch
;;   025b  mov eax,2
;;   0260  call func[1].instrumented+297h
;;   0265  jmp func[1].instrumented+5Ah
;;   026a  mov eax,3
;;   026f  call func[1].instrumented+297h
;;   0274  jmp func[1].instrumented+68h
;;   0279  mov eax,4
;;   027e  call func[1].instrumented+297h
;;   0283  jmp func[1].instrumented+76h
;;   0288  mov eax,5
;;   028d  call func[1].instrumented+297h
;;   0292  jmp func[1].instrumented+84h
;;   0297  sub rsp,8
;;   029b  mov rdx,100000000h
;;   02a5  or rax,rdx
;;   02a8  push rax
;;   02a9  call stubs+56Dh
;;   02ae  add rsp,8
;;   02b2  mov r13,[r15+58h]
;;   02b9  cmp r13,1
;;   02c0  ja func[1].instrumented+2CDh
;;   02c6  lea r13,[stubs+7E5h]
;;   02cd  ret
