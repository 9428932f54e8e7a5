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
;;   009d  call stubs+1DAh
;;   00a2  mov rsp,rax
;;   00a5  cmp rsp,r12
;;   00a8  jae func[0]+14h
;;   00ae  bt r12,3Dh
;;   00b3  jb func[0]+97h
;;   00b9  jmp func[0]+0BEh
;;   00be  mov rsp,rbp
;;   00c1  call stubs+55h
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
;;   0097  mov rax,r12
;;   009a  bt rax,3Dh
;;   009f  jb func[0]+0EFh
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
;;   00f5  call stubs+1D6h
;;   00fa  mov rsp,rax
;;   00fd  jmp func[0]+97h
;;   0102  mov rsp,rbp
;;   0105  call stubs+55h
;;   010a  jmp qword ptr [1000h]
;;   0110  call stubs+536h
;;   0115  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+1BDh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-10h],r8
;;   0037  mov r8d,esi
;;   003a  test byte ptr [r13],1
;;   0042  jne func[0].instrumented+1E3h
;;   0048  test byte ptr [r13],2
;;   0050  jne func[0].instrumented+1F2h
;;   0056  test byte ptr [r13],4
;;   005e  jne func[0].instrumented+201h
;;   0064  test byte ptr [r13],8
;;   006c  jne func[0].instrumented+210h
;;   0072  test byte ptr [r13],10h
;;   007a  jne func[0].instrumented+21Fh
;;   0080  test byte ptr [r13],20h
;;   0088  jne func[0].instrumented+22Eh
;;   008e  test byte ptr [r13],40h
;;   0096  jne func[0].instrumented+23Dh
;;   009c  mov ecx,r8d
;;   009f  mov eax,3
;;   00a4  cmp ecx,eax
;;   00a6  cmovae ecx,eax
;;   00a9  lea rdx,[func[0].instrumented+0B9h]
;;   00b0  lea rcx,[rcx+rcx*4]
;;   00b4  add rdx,rcx
;;   00b7  jmp rdx
;;   00b9  jmp func[0].instrumented+0CDh
;;   00be  jmp func[0].instrumented+109h
;;   00c3  jmp func[0].instrumented+145h
;;   00c8  jmp func[0].instrumented+181h
;;   00cd  test byte ptr [r13],80h
;;   00d5  jne func[0].instrumented+24Ch
;;   00db  test byte ptr [r13+1],1
;;   00e3  jne func[0].instrumented+25Bh
;;   00e9  test byte ptr [r13+1],2
;;   00f1  jne func[0].instrumented+26Ah
;;   00f7  mov eax,64h
;;   00fd  mov r8,[rbp-10h]
;;   0104  mov rsp,rbp
;;   0107  pop rbp
;;   0108  ret
;;   0109  test byte ptr [r13+1],4
;;   0111  jne func[0].instrumented+279h
;;   0117  test byte ptr [r13+1],8
;;   011f  jne func[0].instrumented+288h
;;   0125  test byte ptr [r13+1],10h
;;   012d  jne func[0].instrumented+297h
;;   0133  mov eax,65h
;;   0139  mov r8,[rbp-10h]
;;   0140  mov rsp,rbp
;;   0143  pop rbp
;;   0144  ret
;;   0145  test byte ptr [r13+1],20h
;;   014d  jne func[0].instrumented+2A6h
;;   0153  test byte ptr [r13+1],40h
;;   015b  jne func[0].instrumented+2B5h
;;   0161  test byte ptr [r13+1],80h
;;   0169  jne func[0].instrumented+2C4h
;;   016f  mov eax,66h
;;   0175  mov r8,[rbp-10h]
;;   017c  mov rsp,rbp
;;   017f  pop rbp
;;   0180  ret
;;   0181  test byte ptr [r13+2],1
;;   0189  jne func[0].instrumented+2D3h
;;   018f  test byte ptr [r13+2],2
;;   0197  jne func[0].instrumented+2E2h
;;   019d  test byte ptr [r13+2],4
;;   01a5  jne func[0].instrumented+2F1h
;;   01ab  mov eax,0FFFFFFFFh
;;   01b1  mov r8,[rbp-10h]
;;   01b8  mov rsp,rbp
;;   01bb  pop rbp
;;   01bc  ret
;;   01bd  bt r12,3Dh
;;   01c2  jae func[0].instrumented+1DBh
;;   01c8  mov rax,rsp
;;   01cb  mov rsp,rbp
;;   01ce  call stubs+1D9h
;;   01d3  mov rsp,rax
;;   01d6  jmp func[0].instrumented+0Bh
;;   01db  mov rsp,rbp
;;   01de  call stubs+55h
;;   01e3  mov eax,0
;;   01e8  call func[0].instrumented+300h
;;   01ed  jmp func[0].instrumented+48h
;;   01f2  mov eax,1
;;   01f7  call func[0].instrumented+300h
;;   01fc  jmp func[0].instrumented+56h
;;   0201  mov eax,2
;;   0206  call func[0].instrumented+300h
;;   020b  jmp func[0].instrumented+64h
;;   0210  mov eax,3
;;   0215  call func[0].instrumented+300h
;;   021a  jmp func[0].instrumented+72h
;;   021f  mov eax,4
;;   0224  call func[0].instrumented+300h
;;   0229  jmp func[0].instrumented+80h
;;   022e  mov eax,5
;;   0233  call func[0].instrumented+300h
;;   0238  jmp func[0].instrumented+8Eh
;;   023d  mov eax,6
;;   0242  call func[0].instrumented+300h
;;   0247  jmp func[0].instrumented+9Ch
;;   024c  mov eax,7
;;   0251  call func[0].instrumented+300h
;;   0256  jmp func[0].instrumented+0DBh
;;   025b  mov eax,8
;;   0260  call func[0].instrumented+300h
;;   0265  jmp func[0].instrumented+0E9h
;;   026a  mov eax,9
;;   026f  call func[0].instrumented+300h
;;   0274  jmp func[0].instrumented+0F7h
;;   0279  mov eax,0Ah
;;   027e  call func[0].instrumented+300h
;;   0283  jmp func[0].instrumented+117h
;;   0288  mov eax,0Bh
;;   028d  call func[0].instrumented+300h
;;   0292  jmp func[0].instrumented+125h
;;   0297  mov eax,0Ch
;;   029c  call func[0].instrumented+300h
;;   02a1  jmp func[0].instrumented+133h
;;   02a6  mov eax,0Dh
;;   02ab  call func[0].instrumented+300h
;;   02b0  jmp func[0].instrumented+153h
;;   02b5  mov eax,0Eh
;;   02ba  call func[0].instrumented+300h
;;   02bf  jmp func[0].instrumented+161h
;;   02c4  mov eax,0Fh
;;   02c9  call func[0].instrumented+300h
;;   02ce  jmp func[0].instrumented+16Fh
;;   02d3  mov eax,10h
;;   02d8  call func[0].instrumented+300h
;;   02dd  jmp func[0].instrumented+18Fh
;;   02e2  mov eax,11h
;;   02e7  call func[0].instrumented+300h
;;   02ec  jmp func[0].instrumented+19Dh
;;   02f1  mov eax,12h
;;   02f6  call func[0].instrumented+300h
;;   02fb  jmp func[0].instrumented+1ABh
;;   0300  sub rsp,8
;;   0304  mov rdx,0
;;   030e  or rax,rdx
;;   0311  push rax
;;   0312  call stubs+539h
;;   0317  add rsp,8
;;   031b  mov r13,[r15+48h]
;;   0322  cmp r13,1
;;   0329  ja func[0].instrumented+336h
;;   032f  lea r13,[stubs+7B1h]
;;   0336  ret
