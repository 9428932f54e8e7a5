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
;;   009d  call stubs+219h
;;   00a2  mov rsp,rax
;;   00a5  test r12,r12
;;   00a8  je func[0]+0CFh
;;   00ae  cmp rsp,r12
;;   00b1  jae func[0]+14h
;;   00b7  bt r12,3Dh
;;   00bc  jb func[0]+97h
;;   00c2  jmp func[0]+0C7h
;;   00c7  mov rsp,rbp
;;   00ca  call stubs+55h
;;   00cf  mov rsp,rbp
;;   00d2  call stubs+87h
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
;;   00b0  jb func[0]+10Bh
;;   00b6  mov rax,[r15+48h]
;;   00bd  bt r12,3Eh
;;   00c2  jae func[0]+0DEh
;;   00c8  shl r12,2
;;   00cc  shr r12,2
;;   00d0  test rax,rax
;;   00d3  je func[0]+14h
;;   00d9  bts r12,3Fh
;;   00de  cmp rax,1
;;   00e4  ja func[0]+11Bh
;;   00ea  jmp func[0]+14h
;;   00ef  mov rax,rsp
;;   00f2  mov rsp,rbp
;;   00f5  call stubs+215h
;;   00fa  mov rsp,rax
;;   00fd  test r12,r12
;;   0100  je func[0]+113h
;;   0106  jmp func[0]+97h
;;   010b  mov rsp,rbp
;;   010e  call stubs+55h
;;   0113  mov rsp,rbp
;;   0116  call stubs+87h
;;   011b  jmp qword ptr [1000h]
;;   0121  call stubs+575h
;;   0126  jmp func[0]+14h
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
;;   0042  jne func[0].instrumented+1F4h
;;   0048  test byte ptr [r13],2
;;   0050  jne func[0].instrumented+203h
;;   0056  test byte ptr [r13],4
;;   005e  jne func[0].instrumented+212h
;;   0064  test byte ptr [r13],8
;;   006c  jne func[0].instrumented+221h
;;   0072  test byte ptr [r13],10h
;;   007a  jne func[0].instrumented+230h
;;   0080  test byte ptr [r13],20h
;;   0088  jne func[0].instrumented+23Fh
;;   008e  test byte ptr [r13],40h
;;   0096  jne func[0].instrumented+24Eh
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
;;   00d5  jne func[0].instrumented+25Dh
;;   00db  test byte ptr [r13+1],1
;;   00e3  jne func[0].instrumented+26Ch
;;   00e9  test byte ptr [r13+1],2
;;   00f1  jne func[0].instrumented+27Bh
;;   00f7  mov eax,64h
;;   00fd  mov r8,[rbp-10h]
;;   0104  mov rsp,rbp
;;   0107  pop rbp
;;   0108  ret
;;   0109  test byte ptr [r13+1],4
;;   0111  jne func[0].instrumented+28Ah
;;   0117  test byte ptr [r13+1],8
;;   011f  jne func[0].instrumented+299h
;;   0125  test byte ptr [r13+1],10h
;;   012d  jne func[0].instrumented+2A8h
;;   0133  mov eax,65h
;;   0139  mov r8,[rbp-10h]
;;   0140  mov rsp,rbp
;;   0143  pop rbp
;;   0144  ret
;;   0145  test byte ptr [r13+1],20h
;;   014d  jne func[0].instrumented+2B7h
;;   0153  test byte ptr [r13+1],40h
;;   015b  jne func[0].instrumented+2C6h
;;   0161  test byte ptr [r13+1],80h
;;   0169  jne func[0].instrumented+2D5h
;;   016f  mov eax,66h
;;   0175  mov r8,[rbp-10h]
;;   017c  mov rsp,rbp
;;   017f  pop rbp
;;   0180  ret
;;   0181  test byte ptr [r13+2],1
;;   0189  jne func[0].instrumented+2E4h
;;   018f  test byte ptr [r13+2],2
;;   0197  jne func[0].instrumented+2F3h
;;   019d  test byte ptr [r13+2],4
;;   01a5  jne func[0].instrumented+302h
;;   01ab  mov eax,0FFFFFFFFh
;;   01b1  mov r8,[rbp-10h]
;;   01b8  mov rsp,rbp
;;   01bb  pop rbp
;;   01bc  ret
;;   01bd  bt r12,3Dh
;;   01c2  jae func[0].instrumented+1E4h
;;   01c8  mov rax,rsp
;;   01cb  mov rsp,rbp
;;   01ce  call stubs+218h
;;   01d3  mov rsp,rax
;;   01d6  test r12,r12
;;   01d9  je func[0].instrumented+1ECh
;;   01df  jmp func[0].instrumented+0Bh
;;   01e4  mov rsp,rbp
;;   01e7  call stubs+55h
;;   01ec  mov rsp,rbp
;;   01ef  call stubs+87h
;;   01f4  mov eax,0
;;   01f9  call func[0].instrumented+311h
;;   01fe  jmp func[0].instrumented+48h
;;   0203  mov eax,1
;;   0208  call func[0].instrumented+311h
;;   020d  jmp func[0].instrumented+56h
;;   0212  mov eax,2
;;   0217  call func[0].instrumented+311h
;;   021c  jmp func[0].instrumented+64h
;;   0221  mov eax,3
;;   0226  call func[0].instrumented+311h
;;   022b  jmp func[0].instrumented+72h
;;   0230  mov eax,4
;;   0235  call func[0].instrumented+311h
;;   023a  jmp func[0].instrumented+80h
;;   023f  mov eax,5
;;   0244  call func[0].instrumented+311h
;;   0249  jmp func[0].instrumented+8Eh
;;   024e  mov eax,6
;;   0253  call func[0].instrumented+311h
;;   0258  jmp func[0].instrumented+9Ch
;;   025d  mov eax,7
;;   0262  call func[0].instrumented+311h
;;   0267  jmp func[0].instrumented+0DBh
;;   026c  mov eax,8
;;   0271  call func[0].instrumented+311h
;;   0276  jmp func[0].instrumented+0E9h
;;   027b  mov eax,9
;;   0280  call func[0].instrumented+311h
;;   0285  jmp func[0].instrumented+0F7h
;;   028a  mov eax,0Ah
;;   028f  call func[0].instrumented+311h
;;   0294  jmp func[0].instrumented+117h
;;   0299  mov eax,0Bh
;;   029e  call func[0].instrumented+311h
;;   02a3  jmp func[0].instrumented+125h
;;   02a8  mov eax,0Ch
;;   02ad  call func[0].instrumented+311h
;;   02b2  jmp func[0].instrumented+133h
;;   02b7  mov eax,0Dh
;;   02bc  call func[0].instrumented+311h
;;   02c1  jmp func[0].instrumented+153h
;;   02c6  mov eax,0Eh
;;   02cb  call func[0].instrumented+311h
;;   02d0  jmp func[0].instrumented+161h
;;   02d5  mov eax,0Fh
;;   02da  call func[0].instrumented+311h
;;   02df  jmp func[0].instrumented+16Fh
;;   02e4  mov eax,10h
;;   02e9  call func[0].instrumented+311h
;;   02ee  jmp func[0].instrumented+18Fh
;;   02f3  mov eax,11h
;;   02f8  call func[0].instrumented+311h
;;   02fd  jmp func[0].instrumented+19Dh
;;   0302  mov eax,12h
;;   0307  call func[0].instrumented+311h
;;   030c  jmp func[0].instrumented+1ABh
;;   0311  sub rsp,8
;;   0315  mov rdx,0
;;   031f  or rax,rdx
;;   0322  push rax
;;   0323  call stubs+578h
;;   0328  add rsp,8
;;   032c  mov r13,[r15+48h]
;;   0333  cmp r13,1
;;   033a  ja func[0].instrumented+347h
;;   0340  lea r13,[stubs+7F0h]
;;   0347  ret
