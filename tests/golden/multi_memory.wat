;; config: explicit-bounds
;; Memory 1's base comes from its record in the vmctx (the header is memory 0's), loaded
;; into rax after the address and the explicit check against memory 1's own length;
;; memory 0's access beside it is the single-memory code (base r14, header descriptor).
;; memory.size 1 reads memory 1's descriptor; memory.grow 1 and memory.copy 0 1 are host
;; helpers taking the memory indices as immediates.
(module (memory 1) (memory 2)
  (func (export "f") (param i32) (result i32)
    (i32.store 1 offset=4 (local.get 0) (i32.load 0 (local.get 0)))
    (i32.add (memory.size 1) (i32.load8_u 1 (i32.const 12))))
  (func (export "g") (param i32) (result i32)
    (memory.copy 0 1 (local.get 0) (i32.const 0) (i32.const 4))
    (memory.grow 1 (local.get 0))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  lea rax,[rsi+4]
;;   0013  mov rcx,[r15+8]
;;   001a  cmp rax,[rcx]
;;   0021  ja func[0]+0A0h
;;   0027  mov ebx,[r14+rsi]
;;   002f  lea rax,[rsi+8]
;;   0037  mov rcx,[r15+50h]
;;   003e  cmp rax,[rcx]
;;   0045  ja func[0]+0A5h
;;   004b  mov rax,[r15+48h]
;;   0052  mov [rax+rsi+4],ebx
;;   005a  mov rax,[r15+50h]
;;   0061  mov rbx,[rax]
;;   0068  shr rbx,10h
;;   006c  mov eax,0Dh
;;   0071  mov rcx,[r15+50h]
;;   0078  cmp rax,[rcx]
;;   007f  ja func[0]+0AAh
;;   0085  mov rax,[r15+48h]
;;   008c  movzx edi,byte ptr [rax+0Ch]
;;   0095  add ebx,edi
;;   0098  mov eax,ebx
;;   009b  mov rsp,rbp
;;   009e  pop rbp
;;   009f  ret
;;   00a0  call stubs+5
;;   00a5  call stubs+5
;;   00aa  call stubs+5
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+0A9h
;;   0014  lea rax,[rsi+4]
;;   001c  mov rcx,[r15+8]
;;   0023  cmp rax,[rcx]
;;   002a  ja func[0]+12Dh
;;   0030  mov ebx,[r14+rsi]
;;   0038  lea rax,[rsi+8]
;;   0040  mov rcx,[r15+50h]
;;   0047  cmp rax,[rcx]
;;   004e  ja func[0]+132h
;;   0054  mov rax,[r15+48h]
;;   005b  mov [rax+rsi+4],ebx
;;   0063  mov rax,[r15+50h]
;;   006a  mov rbx,[rax]
;;   0071  shr rbx,10h
;;   0075  mov eax,0Dh
;;   007a  mov rcx,[r15+50h]
;;   0081  cmp rax,[rcx]
;;   0088  ja func[0]+137h
;;   008e  mov rax,[r15+48h]
;;   0095  movzx edi,byte ptr [rax+0Ch]
;;   009e  add ebx,edi
;;   00a1  mov eax,ebx
;;   00a4  mov rsp,rbp
;;   00a7  pop rbp
;;   00a8  ret
;;   00a9  mov rax,r12
;;   00ac  bt rax,3Dh
;;   00b1  jb func[0]+101h
;;   00b7  shl rax,2
;;   00bb  shr rax,2
;;   00bf  cmp rsp,rax
;;   00c2  jb func[0]+11Dh
;;   00c8  mov rax,[r15+58h]
;;   00cf  bt r12,3Eh
;;   00d4  jae func[0]+0F0h
;;   00da  shl r12,2
;;   00de  shr r12,2
;;   00e2  test rax,rax
;;   00e5  je func[0]+14h
;;   00eb  bts r12,3Fh
;;   00f0  cmp rax,1
;;   00f6  ja func[0]+13Ch
;;   00fc  jmp func[0]+14h
;;   0101  mov rax,rsp
;;   0104  mov rsp,rbp
;;   0107  call stubs+218h
;;   010c  mov rsp,rax
;;   010f  test r12,r12
;;   0112  je func[0]+125h
;;   0118  jmp func[0]+0A9h
;;   011d  mov rsp,rbp
;;   0120  call stubs+55h
;;   0125  mov rsp,rbp
;;   0128  call stubs+87h
;;   012d  call stubs+5
;;   0132  call stubs+5
;;   0137  call stubs+5
;;   013c  jmp qword ptr [1000h]
;;   0142  call stubs+578h
;;   0147  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+1A9h
;;   001c  mov r13,[r15+58h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+1EFh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+1FEh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+20Dh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+21Ch
;;   0068  mov edx,[rbp+10h]
;;   006f  lea rax,[rdx+4]
;;   0077  mov rcx,[r15+8]
;;   007e  cmp rax,[rcx]
;;   0085  ja func[0].instrumented+1E0h
;;   008b  lea rax,[rdx+4]
;;   0093  cmp rax,[r15+68h]
;;   009a  ja func[0].instrumented+2CBh
;;   00a0  mov ebx,[r14+rdx]
;;   00a8  test byte ptr [r13],10h
;;   00b0  jne func[0].instrumented+22Bh
;;   00b6  mov edx,[rbp+10h]
;;   00bd  lea rax,[rdx+8]
;;   00c5  mov rcx,[r15+50h]
;;   00cc  cmp rax,[rcx]
;;   00d3  ja func[0].instrumented+1E5h
;;   00d9  lea rax,[rdx+8]
;;   00e1  cmp rax,[r15+78h]
;;   00e8  ja func[0].instrumented+316h
;;   00ee  mov rax,[r15+48h]
;;   00f5  mov [rax+rdx+4],ebx
;;   00fd  test byte ptr [r13],20h
;;   0105  jne func[0].instrumented+23Ah
;;   010b  mov rax,[r15+50h]
;;   0112  mov rbx,[rax]
;;   0119  shr rbx,10h
;;   011d  test byte ptr [r13],40h
;;   0125  jne func[0].instrumented+249h
;;   012b  test byte ptr [r13],80h
;;   0133  jne func[0].instrumented+258h
;;   0139  mov eax,0Dh
;;   013e  mov rcx,[r15+50h]
;;   0145  cmp rax,[rcx]
;;   014c  ja func[0].instrumented+1EAh
;;   0152  mov eax,0Dh
;;   0157  cmp rax,[r15+78h]
;;   015e  ja func[0].instrumented+361h
;;   0164  mov rax,[r15+48h]
;;   016b  movzx esi,byte ptr [rax+0Ch]
;;   0174  test byte ptr [r13+1],1
;;   017c  jne func[0].instrumented+267h
;;   0182  add ebx,esi
;;   0185  test byte ptr [r13+1],2
;;   018d  jne func[0].instrumented+276h
;;   0193  test byte ptr [r13+1],4
;;   019b  jne func[0].instrumented+285h
;;   01a1  mov eax,ebx
;;   01a4  mov rsp,rbp
;;   01a7  pop rbp
;;   01a8  ret
;;   01a9  bt r12,3Dh
;;   01ae  jae func[0].instrumented+1D0h
;;   01b4  mov rax,rsp
;;   01b7  mov rsp,rbp
;;   01ba  call stubs+20Bh
;;   01bf  mov rsp,rax
;;   01c2  test r12,r12
;;   01c5  je func[0].instrumented+1D8h
;;   01cb  jmp func[0].instrumented+0Bh
;;   01d0  mov rsp,rbp
;;   01d3  call stubs+55h
;;   01d8  mov rsp,rbp
;;   01db  call stubs+87h
;;   01e0  call stubs+5
;;   01e5  call stubs+5
;;   01ea  call stubs+5
;;   01ef  mov eax,0
;;   01f4  call func[0].instrumented+294h
;;   01f9  jmp func[0].instrumented+3Eh
;;   01fe  mov eax,1
;;   0203  call func[0].instrumented+294h
;;   0208  jmp func[0].instrumented+4Ch
;;   020d  mov eax,2
;;   0212  call func[0].instrumented+294h
;;   0217  jmp func[0].instrumented+5Ah
;;   021c  mov eax,3
;;   0221  call func[0].instrumented+294h
;;   0226  jmp func[0].instrumented+68h
;;   022b  mov eax,4
;;   0230  call func[0].instrumented+294h
;;   0235  jmp func[0].instrumented+0B6h
;;   023a  mov eax,5
;;   023f  call func[0].instrumented+294h
;;   0244  jmp func[0].instrumented+10Bh
;;   0249  mov eax,6
;;   024e  call func[0].instrumented+294h
;;   0253  jmp func[0].instrumented+12Bh
;;   0258  mov eax,7
;;   025d  call func[0].instrumented+294h
;;   0262  jmp func[0].instrumented+139h
;;   0267  mov eax,8
;;   026c  call func[0].instrumented+294h
;;   0271  jmp func[0].instrumented+182h
;;   0276  mov eax,9
;;   027b  call func[0].instrumented+294h
;;   0280  jmp func[0].instrumented+193h
;;   0285  mov eax,0Ah
;;   028a  call func[0].instrumented+294h
;;   028f  jmp func[0].instrumented+1A1h
;;   0294  sub rsp,8
;;   0298  mov rdx,0
;;   02a2  or rax,rdx
;;   02a5  push rax
;;   02a6  call stubs+56Bh
;;   02ab  add rsp,8
;;   02af  mov r13,[r15+58h]
;;   02b6  cmp r13,1
;;   02bd  ja func[0].instrumented+2CAh
;;   02c3  lea r13,[stubs+7E3h]
;;   02ca  ret
;;   02cb  sub rax,4
;;   02d1  cmp rax,[r15+70h]
;;   02d8  jae func[0].instrumented+0A0h
;;   02de  sub rsp,8
;;   02e2  mov dword ptr [rsp],0
;;   02e9  mov dword ptr [rsp+4],80000004h
;;   02f1  call stubs+56Bh
;;   02f6  mov r13,[r15+58h]
;;   02fd  cmp r13,1
;;   0304  ja func[0].instrumented+311h
;;   030a  lea r13,[stubs+7E3h]
;;   0311  jmp func[0].instrumented+0A0h
;;   0316  sub rax,4
;;   031c  cmp rax,[r15+80h]
;;   0323  jae func[0].instrumented+0EEh
;;   0329  sub rsp,8
;;   032d  mov dword ptr [rsp],1
;;   0334  mov dword ptr [rsp+4],0C0000004h
;;   033c  call stubs+56Bh
;;   0341  mov r13,[r15+58h]
;;   0348  cmp r13,1
;;   034f  ja func[0].instrumented+35Ch
;;   0355  lea r13,[stubs+7E3h]
;;   035c  jmp func[0].instrumented+0EEh
;;   0361  sub rax,1
;;   0367  cmp rax,[r15+80h]
;;   036e  jae func[0].instrumented+164h
;;   0374  sub rsp,8
;;   0378  mov dword ptr [rsp],1
;;   037f  mov dword ptr [rsp+4],80000001h
;;   0387  call stubs+56Bh
;;   038c  mov r13,[r15+58h]
;;   0393  cmp r13,1
;;   039a  ja func[0].instrumented+3A7h
;;   03a0  lea r13,[stubs+7E3h]
;;   03a7  jmp func[0].instrumented+164h
;; ---- func[1]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,50h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+0A8h
;;   0014  mov eax,[rbp+10h]
;;   001a  mov [rsp],eax
;;   0022  mov dword ptr [rsp+8],0
;;   002e  mov dword ptr [rsp+10h],4
;;   003a  mov qword ptr [rsp+18h],0
;;   0046  mov qword ptr [rsp+20h],1
;;   0052  mov rsi,rsp
;;   0055  mov rdi,r15
;;   0058  mov eax,80h
;;   005d  call stubs+46Fh
;;   0062  test eax,eax
;;   0064  jne func[1]+0E8h
;;   006a  mov eax,[rbp+10h]
;;   0070  mov [rsp],eax
;;   0078  mov qword ptr [rsp+8],1
;;   0084  mov rsi,rsp
;;   0087  mov rdi,r15
;;   008a  mov eax,70h
;;   008f  call stubs+46Fh
;;   0094  test eax,eax
;;   0096  jne func[1]+0EDh
;;   009c  mov rbx,[rsp]
;;   00a0  mov eax,ebx
;;   00a3  mov rsp,rbp
;;   00a6  pop rbp
;;   00a7  ret
;;   00a8  mov rax,rsp
;;   00ab  mov rsp,rbp
;;   00ae  call stubs+20Fh
;;   00b3  mov rsp,rax
;;   00b6  test r12,r12
;;   00b9  je func[1]+0E0h
;;   00bf  cmp rsp,r12
;;   00c2  jae func[1]+14h
;;   00c8  bt r12,3Dh
;;   00cd  jb func[1]+0A8h
;;   00d3  jmp func[1]+0D8h
;;   00d8  mov rsp,rbp
;;   00db  call stubs+55h
;;   00e0  mov rsp,rbp
;;   00e3  call stubs+87h
;;   00e8  call stubs
;;   00ed  call stubs
;; ---- func[1]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,50h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+0BEh
;;   0014  mov eax,[rbp+10h]
;;   001a  mov [rsp],eax
;;   0022  mov dword ptr [rsp+8],0
;;   002e  mov dword ptr [rsp+10h],4
;;   003a  mov qword ptr [rsp+18h],0
;;   0046  mov qword ptr [rsp+20h],1
;;   0052  mov rsi,rsp
;;   0055  mov rdi,r15
;;   0058  mov eax,80h
;;   005d  call stubs+478h
;;   0062  test eax,eax
;;   0064  jne func[1]+142h
;;   006a  cmp qword ptr [r15+60h],1
;;   006f  ja func[1]+15Ch
;;   0075  mov eax,[rbp+10h]
;;   007b  mov [rsp],eax
;;   0083  mov qword ptr [rsp+8],1
;;   008f  mov rsi,rsp
;;   0092  mov rdi,r15
;;   0095  mov eax,70h
;;   009a  call stubs+478h
;;   009f  test eax,eax
;;   00a1  jne func[1]+147h
;;   00a7  cmp qword ptr [r15+60h],1
;;   00ac  ja func[1]+16Ch
;;   00b2  mov rbx,[rsp]
;;   00b6  mov eax,ebx
;;   00b9  mov rsp,rbp
;;   00bc  pop rbp
;;   00bd  ret
;;   00be  mov rax,r12
;;   00c1  bt rax,3Dh
;;   00c6  jb func[1]+116h
;;   00cc  shl rax,2
;;   00d0  shr rax,2
;;   00d4  cmp rsp,rax
;;   00d7  jb func[1]+132h
;;   00dd  mov rax,[r15+60h]
;;   00e4  bt r12,3Eh
;;   00e9  jae func[1]+105h
;;   00ef  shl r12,2
;;   00f3  shr r12,2
;;   00f7  test rax,rax
;;   00fa  je func[1]+14h
;;   0100  bts r12,3Fh
;;   0105  cmp rax,1
;;   010b  ja func[1]+14Ch
;;   0111  jmp func[1]+14h
;;   0116  mov rax,rsp
;;   0119  mov rsp,rbp
;;   011c  call stubs+218h
;;   0121  mov rsp,rax
;;   0124  test r12,r12
;;   0127  je func[1]+13Ah
;;   012d  jmp func[1]+0BEh
;;   0132  mov rsp,rbp
;;   0135  call stubs+55h
;;   013a  mov rsp,rbp
;;   013d  call stubs+87h
;;   0142  call stubs
;;   0147  call stubs
;;   014c  jmp qword ptr [1008h]
;;   0152  call stubs+578h
;;   0157  jmp func[1]+14h
;;   015c  jmp qword ptr [1010h]
;;   0162  call stubs+578h
;;   0167  jmp func[1]+75h
;;   016c  jmp qword ptr [1018h]
;;   0172  call stubs+578h
;;   0177  jmp func[1]+0B2h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,50h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[1].instrumented+16Ah
;;   001c  mov r13,[r15+60h]
;;   0023  cmp r13,1
;;   002a  jbe func[1]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[1].instrumented+1ABh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+1BAh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+1C9h
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+1D8h
;;   0068  test byte ptr [r13],10h
;;   0070  jne func[1].instrumented+1E7h
;;   0076  mov eax,[rbp+10h]
;;   007c  mov [rsp],eax
;;   0084  mov dword ptr [rsp+8],0
;;   0090  mov dword ptr [rsp+10h],4
;;   009c  mov qword ptr [rsp+18h],0
;;   00a8  mov qword ptr [rsp+20h],1
;;   00b4  mov rsi,rsp
;;   00b7  mov rdi,r15
;;   00ba  mov eax,80h
;;   00bf  call stubs+46Bh
;;   00c4  test eax,eax
;;   00c6  jne func[1].instrumented+1A1h
;;   00cc  mov r13,[r15+60h]
;;   00d3  cmp r13,1
;;   00da  jbe func[1]+75h
;;   00e0  test byte ptr [r13],20h
;;   00e8  jne func[1].instrumented+1F6h
;;   00ee  test byte ptr [r13],40h
;;   00f6  jne func[1].instrumented+205h
;;   00fc  mov eax,[rbp+10h]
;;   0102  mov [rsp],eax
;;   010a  mov qword ptr [rsp+8],1
;;   0116  mov rsi,rsp
;;   0119  mov rdi,r15
;;   011c  mov eax,70h
;;   0121  call stubs+46Bh
;;   0126  test eax,eax
;;   0128  jne func[1].instrumented+1A6h
;;   012e  mov r13,[r15+60h]
;;   0135  cmp r13,1
;;   013c  jbe func[1]+0B2h
;;   0142  mov rbx,[rsp]
;;   0146  test byte ptr [r13],80h
;;   014e  jne func[1].instrumented+214h
;;   0154  test byte ptr [r13+1],1
;;   015c  jne func[1].instrumented+223h
;;   0162  mov eax,ebx
;;   0165  mov rsp,rbp
;;   0168  pop rbp
;;   0169  ret
;;   016a  bt r12,3Dh
;;   016f  jae func[1].instrumented+191h
;;   0175  mov rax,rsp
;;   0178  mov rsp,rbp
;;   017b  call stubs+20Bh
;;   0180  mov rsp,rax
;;   0183  test r12,r12
;;   0186  je func[1].instrumented+199h
;;   018c  jmp func[1].instrumented+0Bh
;;   0191  mov rsp,rbp
;;   0194  call stubs+55h
;;   0199  mov rsp,rbp
;;   019c  call stubs+87h
;;   01a1  call stubs
;;   01a6  call stubs
;;   01ab  mov eax,0
;;   01b0  call func[1].instrumented+232h
;;   01b5  jmp func[1].instrumented+3Eh
;;   01ba  mov eax,1
;;   01bf  call func[1].instrumented+232h
;;   01c4  jmp func[1].instrumented+4Ch
;;   01c9  mov eax,2
;;   01ce  call func[1].instrumented+232h
;;   01d3  jmp func[1].instrumented+5Ah
;;   01d8  mov eax,3
;;   01dd  call func[1].instrumented+232h
;;   01e2  jmp func[1].instrumented+68h
;;   01e7  mov eax,4
;;   01ec  call func[1].instrumented+232h
;;   01f1  jmp func[1].instrumented+76h
;;   01f6  mov eax,5
;;   01fb  call func[1].instrumented+232h
;;   0200  jmp func[1].instrumented+0EEh
;;   0205  mov eax,6
;;   020a  call func[1].instrumented+232h
;;   020f  jmp func[1].instrumented+0FCh
;;   0214  mov eax,7
;;   0219  call func[1].instrumented+232h
;;   021e  jmp func[1].instrumented+154h
;;   0223  mov eax,8
;;   0228  call func[1].instrumented+232h
;;   022d  jmp func[1].instrumented+162h
;;   0232  sub rsp,8
;;   0236  mov rdx,100000000h
;;   0240  or rax,rdx
;;   0243  push rax
;;   0244  call stubs+56Bh
;;   0249  add rsp,8
;;   024d  mov r13,[r15+60h]
;;   0254  cmp r13,1
;;   025b  ja func[1].instrumented+268h
;;   0261  lea r13,[stubs+7E3h]
;;   0268  ret
