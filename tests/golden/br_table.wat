;; br_table: a clamped index into a table of jumps.
(module
  (func (export "classify") (param i32) (result i32)
    (block $default
      (block $two
        (block $one
          (block $zero
            (br_table $zero $one $two $default (local.get 0)))
          (return (i32.const 100)))
        (return (i32.const 101)))
      (return (i32.const 102)))
    (i32.const -1)))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+97h
;;   0014  mov [rbp-10h],r8
;;   001b  mov r8d,esi
;;   001e  mov ecx,r8d
;;   0021  mov eax,3
;;   0026  cmp ecx,eax
;;   0028  cmovae ecx,eax
;;   002b  lea rdx,[func[0]+3Bh]
;;   0032  lea rcx,[rcx+rcx*4]
;;   0036  add rdx,rcx
;;   0039  jmp rdx
;;   003b  jmp func[0]+4Fh
;;   0040  jmp func[0]+61h
;;   0045  jmp func[0]+73h
;;   004a  jmp func[0]+85h
;;   004f  mov eax,64h
;;   0055  mov r8,[rbp-10h]
;;   005c  mov rsp,rbp
;;   005f  pop rbp
;;   0060  ret
;;   0061  mov eax,65h
;;   0067  mov r8,[rbp-10h]
;;   006e  mov rsp,rbp
;;   0071  pop rbp
;;   0072  ret
;;   0073  mov eax,66h
;;   0079  mov r8,[rbp-10h]
;;   0080  mov rsp,rbp
;;   0083  pop rbp
;;   0084  ret
;;   0085  mov eax,0FFFFFFFFh
;;   008b  mov r8,[rbp-10h]
;;   0092  mov rsp,rbp
;;   0095  pop rbp
;;   0096  ret
;;   0097  mov rax,rsp
;;   009a  mov rsp,rbp
;;   009d  call stubs+1D5h
;;   00a2  mov rsp,rax
;;   00a5  cmp rsp,r12
;;   00a8  jb func[0]+0B3h
;;   00ae  jmp func[0]+14h
;;   00b3  mov rsp,rbp
;;   00b6  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+97h
;;   0014  mov [rbp-10h],r8
;;   001b  mov r8d,esi
;;   001e  mov ecx,r8d
;;   0021  mov eax,3
;;   0026  cmp ecx,eax
;;   0028  cmovae ecx,eax
;;   002b  lea rdx,[func[0]+3Bh]
;;   0032  lea rcx,[rcx+rcx*4]
;;   0036  add rdx,rcx
;;   0039  jmp rdx
;;   003b  jmp func[0]+4Fh
;;   0040  jmp func[0]+61h
;;   0045  jmp func[0]+73h
;;   004a  jmp func[0]+85h
;;   004f  mov eax,64h
;;   0055  mov r8,[rbp-10h]
;;   005c  mov rsp,rbp
;;   005f  pop rbp
;;   0060  ret
;;   0061  mov eax,65h
;;   0067  mov r8,[rbp-10h]
;;   006e  mov rsp,rbp
;;   0071  pop rbp
;;   0072  ret
;;   0073  mov eax,66h
;;   0079  mov r8,[rbp-10h]
;;   0080  mov rsp,rbp
;;   0083  pop rbp
;;   0084  ret
;;   0085  mov eax,0FFFFFFFFh
;;   008b  mov r8,[rbp-10h]
;;   0092  mov rsp,rbp
;;   0095  pop rbp
;;   0096  ret
;;   0097  bt r12,3Dh
;;   009c  jb func[0]+0EFh
;;   00a2  mov rax,r12
;;   00a5  shl rax,2
;;   00a9  shr rax,2
;;   00ad  cmp rsp,rax
;;   00b0  jb func[0]+102h
;;   00b6  mov rax,[r15+48h]
;;   00bd  bt r12,3Eh
;;   00c2  jae func[0]+0DEh
;;   00c8  shl r12,2
;;   00cc  shr r12,2
;;   00d0  test rax,rax
;;   00d3  je func[0]+14h
;;   00d9  bts r12,3Fh
;;   00de  cmp rax,1
;;   00e4  ja func[0]+10Ah
;;   00ea  jmp func[0]+14h
;;   00ef  mov rax,rsp
;;   00f2  mov rsp,rbp
;;   00f5  call stubs+1D8h
;;   00fa  mov rsp,rax
;;   00fd  jmp func[0]+97h
;;   0102  mov rsp,rbp
;;   0105  call stubs+55h
;;   010a  cmp qword ptr [1000h],0
;;   0112  je func[0]+11Eh
;;   0118  jmp qword ptr [1000h]
;;   011e  call stubs+538h
;;   0123  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  mov [rbp-10h],r8
;;   001b  mov r8d,esi
;;   001e  test byte ptr [r13],1
;;   0026  jne func[0].instrumented+1A1h
;;   002c  test byte ptr [r13],2
;;   0034  jne func[0].instrumented+1B5h
;;   003a  test byte ptr [r13],4
;;   0042  jne func[0].instrumented+1C9h
;;   0048  test byte ptr [r13],8
;;   0050  jne func[0].instrumented+1DDh
;;   0056  test byte ptr [r13],10h
;;   005e  jne func[0].instrumented+1F1h
;;   0064  test byte ptr [r13],20h
;;   006c  jne func[0].instrumented+205h
;;   0072  test byte ptr [r13],40h
;;   007a  jne func[0].instrumented+219h
;;   0080  mov ecx,r8d
;;   0083  mov eax,3
;;   0088  cmp ecx,eax
;;   008a  cmovae ecx,eax
;;   008d  lea rdx,[func[0].instrumented+9Dh]
;;   0094  lea rcx,[rcx+rcx*4]
;;   0098  add rdx,rcx
;;   009b  jmp rdx
;;   009d  jmp func[0].instrumented+0B1h
;;   00a2  jmp func[0].instrumented+0EDh
;;   00a7  jmp func[0].instrumented+129h
;;   00ac  jmp func[0].instrumented+165h
;;   00b1  test byte ptr [r13],80h
;;   00b9  jne func[0].instrumented+22Dh
;;   00bf  test byte ptr [r13+1],1
;;   00c7  jne func[0].instrumented+241h
;;   00cd  test byte ptr [r13+1],2
;;   00d5  jne func[0].instrumented+255h
;;   00db  mov eax,64h
;;   00e1  mov r8,[rbp-10h]
;;   00e8  mov rsp,rbp
;;   00eb  pop rbp
;;   00ec  ret
;;   00ed  test byte ptr [r13+1],4
;;   00f5  jne func[0].instrumented+269h
;;   00fb  test byte ptr [r13+1],8
;;   0103  jne func[0].instrumented+27Dh
;;   0109  test byte ptr [r13+1],10h
;;   0111  jne func[0].instrumented+291h
;;   0117  mov eax,65h
;;   011d  mov r8,[rbp-10h]
;;   0124  mov rsp,rbp
;;   0127  pop rbp
;;   0128  ret
;;   0129  test byte ptr [r13+1],20h
;;   0131  jne func[0].instrumented+2A5h
;;   0137  test byte ptr [r13+1],40h
;;   013f  jne func[0].instrumented+2B9h
;;   0145  test byte ptr [r13+1],80h
;;   014d  jne func[0].instrumented+2CDh
;;   0153  mov eax,66h
;;   0159  mov r8,[rbp-10h]
;;   0160  mov rsp,rbp
;;   0163  pop rbp
;;   0164  ret
;;   0165  test byte ptr [r13+2],1
;;   016d  jne func[0].instrumented+2E1h
;;   0173  test byte ptr [r13+2],2
;;   017b  jne func[0].instrumented+2F5h
;;   0181  test byte ptr [r13+2],4
;;   0189  jne func[0].instrumented+309h
;;   018f  mov eax,0FFFFFFFFh
;;   0195  mov r8,[rbp-10h]
;;   019c  mov rsp,rbp
;;   019f  pop rbp
;;   01a0  ret
;;   01a1  mov rax,0
;;   01ab  call func[0].instrumented+31Dh
;;   01b0  jmp func[0].instrumented+2Ch
;;   01b5  mov rax,1
;;   01bf  call func[0].instrumented+31Dh
;;   01c4  jmp func[0].instrumented+3Ah
;;   01c9  mov rax,2
;;   01d3  call func[0].instrumented+31Dh
;;   01d8  jmp func[0].instrumented+48h
;;   01dd  mov rax,3
;;   01e7  call func[0].instrumented+31Dh
;;   01ec  jmp func[0].instrumented+56h
;;   01f1  mov rax,4
;;   01fb  call func[0].instrumented+31Dh
;;   0200  jmp func[0].instrumented+64h
;;   0205  mov rax,5
;;   020f  call func[0].instrumented+31Dh
;;   0214  jmp func[0].instrumented+72h
;;   0219  mov rax,6
;;   0223  call func[0].instrumented+31Dh
;;   0228  jmp func[0].instrumented+80h
;;   022d  mov rax,7
;;   0237  call func[0].instrumented+31Dh
;;   023c  jmp func[0].instrumented+0BFh
;;   0241  mov rax,8
;;   024b  call func[0].instrumented+31Dh
;;   0250  jmp func[0].instrumented+0CDh
;;   0255  mov rax,9
;;   025f  call func[0].instrumented+31Dh
;;   0264  jmp func[0].instrumented+0DBh
;;   0269  mov rax,0Ah
;;   0273  call func[0].instrumented+31Dh
;;   0278  jmp func[0].instrumented+0FBh
;;   027d  mov rax,0Bh
;;   0287  call func[0].instrumented+31Dh
;;   028c  jmp func[0].instrumented+109h
;;   0291  mov rax,0Ch
;;   029b  call func[0].instrumented+31Dh
;;   02a0  jmp func[0].instrumented+117h
;;   02a5  mov rax,0Dh
;;   02af  call func[0].instrumented+31Dh
;;   02b4  jmp func[0].instrumented+137h
;;   02b9  mov rax,0Eh
;;   02c3  call func[0].instrumented+31Dh
;;   02c8  jmp func[0].instrumented+145h
;;   02cd  mov rax,0Fh
;;   02d7  call func[0].instrumented+31Dh
;;   02dc  jmp func[0].instrumented+153h
;;   02e1  mov rax,10h
;;   02eb  call func[0].instrumented+31Dh
;;   02f0  jmp func[0].instrumented+173h
;;   02f5  mov rax,11h
;;   02ff  call func[0].instrumented+31Dh
;;   0304  jmp func[0].instrumented+181h
;;   0309  mov rax,12h
;;   0313  call func[0].instrumented+31Dh
;;   0318  jmp func[0].instrumented+18Fh
;;   031d  sub rsp,8
;;   0321  push rax
;;   0322  call stubs+539h
;;   0327  add rsp,8
;;   032b  mov r13,[r15+48h]
;;   0332  cmp r13,1
;;   0339  ja func[0].instrumented+346h
;;   033f  lea r13,[stubs+7B1h]
;;   0346  ret
