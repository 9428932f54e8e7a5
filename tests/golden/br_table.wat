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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+1C0h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  mov [rbp-10h],r8
;;   003a  mov r8d,esi
;;   003d  test byte ptr [r13],1
;;   0045  jne func[0].instrumented+1E6h
;;   004b  test byte ptr [r13],2
;;   0053  jne func[0].instrumented+1FAh
;;   0059  test byte ptr [r13],4
;;   0061  jne func[0].instrumented+20Eh
;;   0067  test byte ptr [r13],8
;;   006f  jne func[0].instrumented+222h
;;   0075  test byte ptr [r13],10h
;;   007d  jne func[0].instrumented+236h
;;   0083  test byte ptr [r13],20h
;;   008b  jne func[0].instrumented+24Ah
;;   0091  test byte ptr [r13],40h
;;   0099  jne func[0].instrumented+25Eh
;;   009f  mov ecx,r8d
;;   00a2  mov eax,3
;;   00a7  cmp ecx,eax
;;   00a9  cmovae ecx,eax
;;   00ac  lea rdx,[func[0].instrumented+0BCh]
;;   00b3  lea rcx,[rcx+rcx*4]
;;   00b7  add rdx,rcx
;;   00ba  jmp rdx
;;   00bc  jmp func[0].instrumented+0D0h
;;   00c1  jmp func[0].instrumented+10Ch
;;   00c6  jmp func[0].instrumented+148h
;;   00cb  jmp func[0].instrumented+184h
;;   00d0  test byte ptr [r13],80h
;;   00d8  jne func[0].instrumented+272h
;;   00de  test byte ptr [r13+1],1
;;   00e6  jne func[0].instrumented+286h
;;   00ec  test byte ptr [r13+1],2
;;   00f4  jne func[0].instrumented+29Ah
;;   00fa  mov eax,64h
;;   0100  mov r8,[rbp-10h]
;;   0107  mov rsp,rbp
;;   010a  pop rbp
;;   010b  ret
;;   010c  test byte ptr [r13+1],4
;;   0114  jne func[0].instrumented+2AEh
;;   011a  test byte ptr [r13+1],8
;;   0122  jne func[0].instrumented+2C2h
;;   0128  test byte ptr [r13+1],10h
;;   0130  jne func[0].instrumented+2D6h
;;   0136  mov eax,65h
;;   013c  mov r8,[rbp-10h]
;;   0143  mov rsp,rbp
;;   0146  pop rbp
;;   0147  ret
;;   0148  test byte ptr [r13+1],20h
;;   0150  jne func[0].instrumented+2EAh
;;   0156  test byte ptr [r13+1],40h
;;   015e  jne func[0].instrumented+2FEh
;;   0164  test byte ptr [r13+1],80h
;;   016c  jne func[0].instrumented+312h
;;   0172  mov eax,66h
;;   0178  mov r8,[rbp-10h]
;;   017f  mov rsp,rbp
;;   0182  pop rbp
;;   0183  ret
;;   0184  test byte ptr [r13+2],1
;;   018c  jne func[0].instrumented+326h
;;   0192  test byte ptr [r13+2],2
;;   019a  jne func[0].instrumented+33Ah
;;   01a0  test byte ptr [r13+2],4
;;   01a8  jne func[0].instrumented+34Eh
;;   01ae  mov eax,0FFFFFFFFh
;;   01b4  mov r8,[rbp-10h]
;;   01bb  mov rsp,rbp
;;   01be  pop rbp
;;   01bf  ret
;;   01c0  bt r12,3Dh
;;   01c5  jae func[0].instrumented+1DEh
;;   01cb  mov rax,rsp
;;   01ce  mov rsp,rbp
;;   01d1  call stubs+1D4h
;;   01d6  mov rsp,rax
;;   01d9  jmp func[0].instrumented+0Bh
;;   01de  mov rsp,rbp
;;   01e1  call stubs+55h
;;   01e6  mov rax,0
;;   01f0  call func[0].instrumented+362h
;;   01f5  jmp func[0].instrumented+4Bh
;;   01fa  mov rax,1
;;   0204  call func[0].instrumented+362h
;;   0209  jmp func[0].instrumented+59h
;;   020e  mov rax,2
;;   0218  call func[0].instrumented+362h
;;   021d  jmp func[0].instrumented+67h
;;   0222  mov rax,3
;;   022c  call func[0].instrumented+362h
;;   0231  jmp func[0].instrumented+75h
;;   0236  mov rax,4
;;   0240  call func[0].instrumented+362h
;;   0245  jmp func[0].instrumented+83h
;;   024a  mov rax,5
;;   0254  call func[0].instrumented+362h
;;   0259  jmp func[0].instrumented+91h
;;   025e  mov rax,6
;;   0268  call func[0].instrumented+362h
;;   026d  jmp func[0].instrumented+9Fh
;;   0272  mov rax,7
;;   027c  call func[0].instrumented+362h
;;   0281  jmp func[0].instrumented+0DEh
;;   0286  mov rax,8
;;   0290  call func[0].instrumented+362h
;;   0295  jmp func[0].instrumented+0ECh
;;   029a  mov rax,9
;;   02a4  call func[0].instrumented+362h
;;   02a9  jmp func[0].instrumented+0FAh
;;   02ae  mov rax,0Ah
;;   02b8  call func[0].instrumented+362h
;;   02bd  jmp func[0].instrumented+11Ah
;;   02c2  mov rax,0Bh
;;   02cc  call func[0].instrumented+362h
;;   02d1  jmp func[0].instrumented+128h
;;   02d6  mov rax,0Ch
;;   02e0  call func[0].instrumented+362h
;;   02e5  jmp func[0].instrumented+136h
;;   02ea  mov rax,0Dh
;;   02f4  call func[0].instrumented+362h
;;   02f9  jmp func[0].instrumented+156h
;;   02fe  mov rax,0Eh
;;   0308  call func[0].instrumented+362h
;;   030d  jmp func[0].instrumented+164h
;;   0312  mov rax,0Fh
;;   031c  call func[0].instrumented+362h
;;   0321  jmp func[0].instrumented+172h
;;   0326  mov rax,10h
;;   0330  call func[0].instrumented+362h
;;   0335  jmp func[0].instrumented+192h
;;   033a  mov rax,11h
;;   0344  call func[0].instrumented+362h
;;   0349  jmp func[0].instrumented+1A0h
;;   034e  mov rax,12h
;;   0358  call func[0].instrumented+362h
;;   035d  jmp func[0].instrumented+1AEh
;;   0362  sub rsp,8
;;   0366  push rax
;;   0367  call stubs+534h
;;   036c  add rsp,8
;;   0370  mov r13,[r15+48h]
;;   0377  cmp r13,1
;;   037e  ja func[0].instrumented+38Bh
;;   0384  lea r13,[stubs+7ACh]
;;   038b  ret
