;; Register convention, bug 1: a small leaf callee pins its local in rsi (a temporary of
;; every caller) and may use only temporaries; its caller keeps its own local in a
;; callee-saved register (r8) across the call.
(module
  (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "caller") (param $x i32) (result i32)
    (i32.add (call $leaf (i32.const 5)) (local.get $x))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0] $leaf: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov ebx,esi
;;   000e  add ebx,1
;;   0015  mov eax,ebx
;;   0018  mov rsp,rbp
;;   001b  pop rbp
;;   001c  ret
;; ---- func[0] $leaf: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+26h
;;   0014  mov ebx,esi
;;   0017  add ebx,1
;;   001e  mov eax,ebx
;;   0021  mov rsp,rbp
;;   0024  pop rbp
;;   0025  ret
;;   0026  mov rax,r12
;;   0029  bt rax,3Dh
;;   002e  jb func[0]+7Eh
;;   0034  shl rax,2
;;   0038  shr rax,2
;;   003c  cmp rsp,rax
;;   003f  jb func[0]+9Ah
;;   0045  mov rax,[r15+48h]
;;   004c  bt r12,3Eh
;;   0051  jae func[0]+6Dh
;;   0057  shl r12,2
;;   005b  shr r12,2
;;   005f  test rax,rax
;;   0062  je func[0]+14h
;;   0068  bts r12,3Fh
;;   006d  cmp rax,1
;;   0073  ja func[0]+0AAh
;;   0079  jmp func[0]+14h
;;   007e  mov rax,rsp
;;   0081  mov rsp,rbp
;;   0084  call stubs+215h
;;   0089  mov rsp,rax
;;   008c  test r12,r12
;;   008f  je func[0]+0A2h
;;   0095  jmp func[0]+26h
;;   009a  mov rsp,rbp
;;   009d  call stubs+55h
;;   00a2  mov rsp,rbp
;;   00a5  call stubs+87h
;;   00aa  jmp qword ptr [1000h]
;;   00b0  call stubs+575h
;;   00b5  jmp func[0]+14h
;; ---- func[0] $leaf: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+9Ah
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+0D1h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0E0h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+0EFh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+0FEh
;;   0068  mov ebx,[rbp+10h]
;;   006f  add ebx,1
;;   0076  test byte ptr [r13],10h
;;   007e  jne func[0].instrumented+10Dh
;;   0084  test byte ptr [r13],20h
;;   008c  jne func[0].instrumented+11Ch
;;   0092  mov eax,ebx
;;   0095  mov rsp,rbp
;;   0098  pop rbp
;;   0099  ret
;;   009a  bt r12,3Dh
;;   009f  jae func[0].instrumented+0C1h
;;   00a5  mov rax,rsp
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+216h
;;   00b0  mov rsp,rax
;;   00b3  test r12,r12
;;   00b6  je func[0].instrumented+0C9h
;;   00bc  jmp func[0].instrumented+0Bh
;;   00c1  mov rsp,rbp
;;   00c4  call stubs+55h
;;   00c9  mov rsp,rbp
;;   00cc  call stubs+87h
;;   00d1  mov eax,0
;;   00d6  call func[0].instrumented+12Bh
;;   00db  jmp func[0].instrumented+3Eh
;;   00e0  mov eax,1
;;   00e5  call func[0].instrumented+12Bh
;;   00ea  jmp func[0].instrumented+4Ch
;;   00ef  mov eax,2
;;   00f4  call func[0].instrumented+12Bh
;;   00f9  jmp func[0].instrumented+5Ah
;;   00fe  mov eax,3
;;   0103  call func[0].instrumented+12Bh
;;   0108  jmp func[0].instrumented+68h
;;   010d  mov eax,4
;;   0112  call func[0].instrumented+12Bh
;;   0117  jmp func[0].instrumented+84h
;;   011c  mov eax,5
;;   0121  call func[0].instrumented+12Bh
;;   0126  jmp func[0].instrumented+92h
;;   012b  sub rsp,8
;;   012f  mov rdx,0
;;   0139  or rax,rdx
;;   013c  push rax
;;   013d  call stubs+576h
;;   0142  add rsp,8
;;   0146  mov r13,[r15+48h]
;;   014d  cmp r13,1
;;   0154  ja func[0].instrumented+161h
;;   015a  lea r13,[stubs+7EEh]
;;   0161  ret
;; ---- func[1]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+3Dh
;;   0014  mov dword ptr [rsp],5
;;   0020  mov esi,5
;;   0026  call func[0]
;;   002b  mov rbx,rax
;;   002e  add ebx,[rbp+10h]
;;   0035  mov eax,ebx
;;   0038  mov rsp,rbp
;;   003b  pop rbp
;;   003c  ret
;;   003d  mov rax,rsp
;;   0040  mov rsp,rbp
;;   0043  call stubs+216h
;;   0048  mov rsp,rax
;;   004b  test r12,r12
;;   004e  je func[1]+75h
;;   0054  cmp rsp,r12
;;   0057  jae func[1]+14h
;;   005d  bt r12,3Dh
;;   0062  jb func[1]+3Dh
;;   0068  jmp func[1]+6Dh
;;   006d  mov rsp,rbp
;;   0070  call stubs+55h
;;   0075  mov rsp,rbp
;;   0078  call stubs+87h
;; ---- func[1]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+3Dh
;;   0014  mov dword ptr [rsp],5
;;   0020  mov esi,5
;;   0026  call func[0]
;;   002b  mov rbx,rax
;;   002e  add ebx,[rbp+10h]
;;   0035  mov eax,ebx
;;   0038  mov rsp,rbp
;;   003b  pop rbp
;;   003c  ret
;;   003d  mov rax,r12
;;   0040  bt rax,3Dh
;;   0045  jb func[1]+95h
;;   004b  shl rax,2
;;   004f  shr rax,2
;;   0053  cmp rsp,rax
;;   0056  jb func[1]+0B1h
;;   005c  mov rax,[r15+50h]
;;   0063  bt r12,3Eh
;;   0068  jae func[1]+84h
;;   006e  shl r12,2
;;   0072  shr r12,2
;;   0076  test rax,rax
;;   0079  je func[1]+14h
;;   007f  bts r12,3Fh
;;   0084  cmp rax,1
;;   008a  ja func[1]+0C1h
;;   0090  jmp func[1]+14h
;;   0095  mov rax,rsp
;;   0098  mov rsp,rbp
;;   009b  call stubs+215h
;;   00a0  mov rsp,rax
;;   00a3  test r12,r12
;;   00a6  je func[1]+0B9h
;;   00ac  jmp func[1]+3Dh
;;   00b1  mov rsp,rbp
;;   00b4  call stubs+55h
;;   00b9  mov rsp,rbp
;;   00bc  call stubs+87h
;;   00c1  jmp qword ptr [1008h]
;;   00c7  call stubs+575h
;;   00cc  jmp func[1]+14h
;;   00d1  jmp qword ptr [1010h]
;;   00d7  call stubs+575h
;;   00dc  jmp func[1]+2Bh
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[1].instrumented+0E7h
;;   001c  mov r13,[r15+50h]
;;   0023  cmp r13,1
;;   002a  jbe func[1]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[1].instrumented+128h
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+137h
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+146h
;;   005a  mov dword ptr [rsp],5
;;   0066  mov esi,5
;;   006c  cmp qword ptr [r15+48h],1
;;   0071  jbe func[1].instrumented+10Eh
;;   0077  mov rax,[1018h]
;;   007e  test rax,rax
;;   0081  je func[1].instrumented+10Eh
;;   0087  call rax
;;   0089  mov r13,[r15+50h]
;;   0090  cmp r13,1
;;   0097  jbe func[1]+2Bh
;;   009d  mov rbx,rax
;;   00a0  test byte ptr [r13],8
;;   00a8  jne func[1].instrumented+155h
;;   00ae  test byte ptr [r13],10h
;;   00b6  jne func[1].instrumented+164h
;;   00bc  add ebx,[rbp+10h]
;;   00c3  test byte ptr [r13],20h
;;   00cb  jne func[1].instrumented+173h
;;   00d1  test byte ptr [r13],40h
;;   00d9  jne func[1].instrumented+182h
;;   00df  mov eax,ebx
;;   00e2  mov rsp,rbp
;;   00e5  pop rbp
;;   00e6  ret
;;   00e7  bt r12,3Dh
;;   00ec  jae func[1].instrumented+118h
;;   00f2  mov rax,rsp
;;   00f5  mov rsp,rbp
;;   00f8  call stubs+216h
;;   00fd  mov rsp,rax
;;   0100  test r12,r12
;;   0103  je func[1].instrumented+120h
;;   0109  jmp func[1].instrumented+0Bh
;;   010e  call func[0]
;;   0113  jmp func[1].instrumented+89h
;;   0118  mov rsp,rbp
;;   011b  call stubs+55h
;;   0120  mov rsp,rbp
;;   0123  call stubs+87h
;;   0128  mov eax,0
;;   012d  call func[1].instrumented+191h
;;   0132  jmp func[1].instrumented+3Eh
;;   0137  mov eax,1
;;   013c  call func[1].instrumented+191h
;;   0141  jmp func[1].instrumented+4Ch
;;   0146  mov eax,2
;;   014b  call func[1].instrumented+191h
;;   0150  jmp func[1].instrumented+5Ah
;;   0155  mov eax,3
;;   015a  call func[1].instrumented+191h
;;   015f  jmp func[1].instrumented+0AEh
;;   0164  mov eax,4
;;   0169  call func[1].instrumented+191h
;;   016e  jmp func[1].instrumented+0BCh
;;   0173  mov eax,5
;;   0178  call func[1].instrumented+191h
;;   017d  jmp func[1].instrumented+0D1h
;;   0182  mov eax,6
;;   0187  call func[1].instrumented+191h
;;   018c  jmp func[1].instrumented+0DFh
;;   0191  sub rsp,8
;;   0195  mov rdx,100000000h
;;   019f  or rax,rdx
;;   01a2  push rax
;;   01a3  call stubs+576h
;;   01a8  add rsp,8
;;   01ac  mov r13,[r15+50h]
;;   01b3  cmp r13,1
;;   01ba  ja func[1].instrumented+1C7h
;;   01c0  lea r13,[stubs+7EEh]
;;   01c7  ret
