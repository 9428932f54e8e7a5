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
;;   000e  jb func[0]+2Ah
;;   0014  mov ebx,[rbp+10h]
;;   001b  add ebx,1
;;   0022  mov eax,ebx
;;   0025  mov rsp,rbp
;;   0028  pop rbp
;;   0029  ret
;;   002a  bt r12,3Dh
;;   002f  jb func[0]+82h
;;   0035  mov rax,r12
;;   0038  shl rax,2
;;   003c  shr rax,2
;;   0040  cmp rsp,rax
;;   0043  jb func[0]+95h
;;   0049  mov rax,[r15+48h]
;;   0050  bt r12,3Eh
;;   0055  jae func[0]+71h
;;   005b  shl r12,2
;;   005f  shr r12,2
;;   0063  test rax,rax
;;   0066  je func[0]+14h
;;   006c  bts r12,3Fh
;;   0071  cmp rax,1
;;   0077  ja func[0]+9Dh
;;   007d  jmp func[0]+14h
;;   0082  mov rax,rsp
;;   0085  mov rsp,rbp
;;   0088  call stubs+1D9h
;;   008d  mov rsp,rax
;;   0090  jmp func[0]+2Ah
;;   0095  mov rsp,rbp
;;   0098  call stubs+55h
;;   009d  cmp qword ptr [1000h],0
;;   00a5  je func[0]+0B1h
;;   00ab  jmp qword ptr [1000h]
;;   00b1  call stubs+539h
;;   00b6  jmp func[0]+14h
;; ---- func[0] $leaf: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+7Eh
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+92h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+0A6h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[0].instrumented+0BAh
;;   004c  mov ebx,[rbp+10h]
;;   0053  add ebx,1
;;   005a  test byte ptr [r13],10h
;;   0062  jne func[0].instrumented+0CEh
;;   0068  test byte ptr [r13],20h
;;   0070  jne func[0].instrumented+0E2h
;;   0076  mov eax,ebx
;;   0079  mov rsp,rbp
;;   007c  pop rbp
;;   007d  ret
;;   007e  mov rax,0
;;   0088  call func[0].instrumented+0F6h
;;   008d  jmp func[0].instrumented+22h
;;   0092  mov rax,1
;;   009c  call func[0].instrumented+0F6h
;;   00a1  jmp func[0].instrumented+30h
;;   00a6  mov rax,2
;;   00b0  call func[0].instrumented+0F6h
;;   00b5  jmp func[0].instrumented+3Eh
;;   00ba  mov rax,3
;;   00c4  call func[0].instrumented+0F6h
;;   00c9  jmp func[0].instrumented+4Ch
;;   00ce  mov rax,4
;;   00d8  call func[0].instrumented+0F6h
;;   00dd  jmp func[0].instrumented+68h
;;   00e2  mov rax,5
;;   00ec  call func[0].instrumented+0F6h
;;   00f1  jmp func[0].instrumented+76h
;;   00f6  sub rsp,8
;;   00fa  push rax
;;   00fb  call stubs+537h
;;   0100  add rsp,8
;;   0104  mov r13,[r15+48h]
;;   010b  cmp r13,1
;;   0112  ja func[0].instrumented+11Fh
;;   0118  lea r13,[stubs+7AFh]
;;   011f  ret
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
;;   0043  call stubs+1D2h
;;   0048  mov rsp,rax
;;   004b  cmp rsp,r12
;;   004e  jb func[1]+59h
;;   0054  jmp func[1]+14h
;;   0059  mov rsp,rbp
;;   005c  call stubs+55h
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
;;   003d  bt r12,3Dh
;;   0042  jb func[1]+95h
;;   0048  mov rax,r12
;;   004b  shl rax,2
;;   004f  shr rax,2
;;   0053  cmp rsp,rax
;;   0056  jb func[1]+0A8h
;;   005c  mov rax,[r15+50h]
;;   0063  bt r12,3Eh
;;   0068  jae func[1]+84h
;;   006e  shl r12,2
;;   0072  shr r12,2
;;   0076  test rax,rax
;;   0079  je func[1]+14h
;;   007f  bts r12,3Fh
;;   0084  cmp rax,1
;;   008a  ja func[1]+0B0h
;;   0090  jmp func[1]+14h
;;   0095  mov rax,rsp
;;   0098  mov rsp,rbp
;;   009b  call stubs+1D9h
;;   00a0  mov rsp,rax
;;   00a3  jmp func[1]+3Dh
;;   00a8  mov rsp,rbp
;;   00ab  call stubs+55h
;;   00b0  cmp qword ptr [1008h],0
;;   00b8  je func[1]+0C4h
;;   00be  jmp qword ptr [1008h]
;;   00c4  call stubs+539h
;;   00c9  jmp func[1]+14h
;;   00ce  cmp qword ptr [1010h],0
;;   00d6  je func[1]+0E2h
;;   00dc  jmp qword ptr [1010h]
;;   00e2  call stubs+539h
;;   00e7  jmp func[1]+2Bh
;; ---- func[1]: instrumented module, instrumented version
;;   0000  mov r13,[r15+50h]
;;   0007  cmp r13,1
;;   000e  jbe func[1]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[1].instrumented+0B3h
;;   0022  test byte ptr [r13],2
;;   002a  jne func[1].instrumented+0C7h
;;   0030  test byte ptr [r13],4
;;   0038  jne func[1].instrumented+0DBh
;;   003e  mov dword ptr [rsp],5
;;   004a  mov esi,5
;;   0050  call func[0]
;;   0055  mov r13,[r15+50h]
;;   005c  cmp r13,1
;;   0063  jbe func[1]+2Bh
;;   0069  mov rbx,rax
;;   006c  test byte ptr [r13],8
;;   0074  jne func[1].instrumented+0EFh
;;   007a  test byte ptr [r13],10h
;;   0082  jne func[1].instrumented+103h
;;   0088  add ebx,[rbp+10h]
;;   008f  test byte ptr [r13],20h
;;   0097  jne func[1].instrumented+117h
;;   009d  test byte ptr [r13],40h
;;   00a5  jne func[1].instrumented+12Bh
;;   00ab  mov eax,ebx
;;   00ae  mov rsp,rbp
;;   00b1  pop rbp
;;   00b2  ret
;;   00b3  mov rax,100000000h
;;   00bd  call func[1].instrumented+13Fh
;;   00c2  jmp func[1].instrumented+22h
;;   00c7  mov rax,100000001h
;;   00d1  call func[1].instrumented+13Fh
;;   00d6  jmp func[1].instrumented+30h
;;   00db  mov rax,100000002h
;;   00e5  call func[1].instrumented+13Fh
;;   00ea  jmp func[1].instrumented+3Eh
;;   00ef  mov rax,100000003h
;;   00f9  call func[1].instrumented+13Fh
;;   00fe  jmp func[1].instrumented+7Ah
;;   0103  mov rax,100000004h
;;   010d  call func[1].instrumented+13Fh
;;   0112  jmp func[1].instrumented+88h
;;   0117  mov rax,100000005h
;;   0121  call func[1].instrumented+13Fh
;;   0126  jmp func[1].instrumented+9Dh
;;   012b  mov rax,100000006h
;;   0135  call func[1].instrumented+13Fh
;;   013a  jmp func[1].instrumented+0ABh
;;   013f  sub rsp,8
;;   0143  push rax
;;   0144  call stubs+537h
;;   0149  add rsp,8
;;   014d  mov r13,[r15+50h]
;;   0154  cmp r13,1
;;   015b  ja func[1].instrumented+168h
;;   0161  lea r13,[stubs+7AFh]
;;   0168  ret
