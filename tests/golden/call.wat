;; A direct call passes its arguments in the outgoing area and the first integer one in
;; its register too.
(module
  (func $g (param i32 f64) (result f64) local.get 1)
  (func (export "f") (result f64) (call $g (i32.const 1) (f64.const 2.5))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0] $g: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  movsd xmm0,[rbp+18h]
;;   0014  mov rsp,rbp
;;   0017  pop rbp
;;   0018  ret
;; ---- func[0] $g: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  cmp qword ptr [r15+50h],0
;;   0010  jne func[0]+24h
;;   0016  movsd xmm0,[rbp+18h]
;;   001f  mov rsp,rbp
;;   0022  pop rbp
;;   0023  ret
;;   0024  call stubs+53Dh
;;   0029  jmp func[0]+16h
;; ---- func[0] $g: instrumented module, instrumented version
;;   0000  mov r13,[r15+50h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+56h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+6Ah
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+7Eh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+92h
;;   0048  movsd xmm0,[rbp+18h]
;;   0051  mov rsp,rbp
;;   0054  pop rbp
;;   0055  ret
;;   0056  mov rax,0
;;   0060  call func[0].instrumented+0A6h
;;   0065  jmp func[0].instrumented+1Eh
;;   006a  mov rax,1
;;   0074  call func[0].instrumented+0A6h
;;   0079  jmp func[0].instrumented+2Ch
;;   007e  mov rax,2
;;   0088  call func[0].instrumented+0A6h
;;   008d  jmp func[0].instrumented+3Ah
;;   0092  mov rax,3
;;   009c  call func[0].instrumented+0A6h
;;   00a1  jmp func[0].instrumented+48h
;;   00a6  sub rsp,8
;;   00aa  push rax
;;   00ab  call stubs+534h
;;   00b0  add rsp,8
;;   00b4  mov r13,[r15+50h]
;;   00bb  test r13,r13
;;   00be  jne func[0].instrumented+0CBh
;;   00c4  lea r13,[stubs+7ACh]
;;   00cb  ret
;; ---- func[1]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+42h
;;   0014  mov dword ptr [rsp],1
;;   0020  mov rax,4004000000000000h
;;   002a  mov [rsp+8],rax
;;   0032  mov esi,1
;;   0038  call func[0]
;;   003d  mov rsp,rbp
;;   0040  pop rbp
;;   0041  ret
;;   0042  mov rax,rsp
;;   0045  mov rsp,rbp
;;   0048  call stubs+1D1h
;;   004d  mov rsp,rax
;;   0050  cmp rsp,r12
;;   0053  jb func[1]+5Eh
;;   0059  jmp func[1]+14h
;;   005e  mov rsp,rbp
;;   0061  call stubs+55h
;; ---- func[1]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[1]+4Dh
;;   0014  cmp qword ptr [r15+58h],0
;;   0019  jne func[1]+71h
;;   001f  mov dword ptr [rsp],1
;;   002b  mov rax,4004000000000000h
;;   0035  mov [rsp+8],rax
;;   003d  mov esi,1
;;   0043  call func[0]
;;   0048  mov rsp,rbp
;;   004b  pop rbp
;;   004c  ret
;;   004d  mov rax,rsp
;;   0050  mov rsp,rbp
;;   0053  call stubs+1DDh
;;   0058  mov rsp,rax
;;   005b  cmp rsp,r12
;;   005e  jb func[1]+69h
;;   0064  jmp func[1]+14h
;;   0069  mov rsp,rbp
;;   006c  call stubs+55h
;;   0071  call stubs+53Dh
;;   0076  jmp func[1]+1Fh
;;   007b  call stubs+53Dh
;;   0080  jmp func[1]+48h
;; ---- func[1]: instrumented module, instrumented version
;;   0000  mov r13,[r15+58h]
;;   0007  test r13,r13
;;   000a  je func[1]+1Fh
;;   0010  test byte ptr [r13],1
;;   0018  jne func[1].instrumented+0A2h
;;   001e  test byte ptr [r13],2
;;   0026  jne func[1].instrumented+0B6h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[1].instrumented+0CAh
;;   003a  test byte ptr [r13],8
;;   0042  jne func[1].instrumented+0DEh
;;   0048  mov dword ptr [rsp],1
;;   0054  mov rax,4004000000000000h
;;   005e  mov [rsp+8],rax
;;   0066  mov esi,1
;;   006c  call func[0]
;;   0071  mov r13,[r15+58h]
;;   0078  test r13,r13
;;   007b  je func[1]+48h
;;   0081  test byte ptr [r13],10h
;;   0089  jne func[1].instrumented+0F2h
;;   008f  test byte ptr [r13],20h
;;   0097  jne func[1].instrumented+106h
;;   009d  mov rsp,rbp
;;   00a0  pop rbp
;;   00a1  ret
;;   00a2  mov rax,100000000h
;;   00ac  call func[1].instrumented+11Ah
;;   00b1  jmp func[1].instrumented+1Eh
;;   00b6  mov rax,100000001h
;;   00c0  call func[1].instrumented+11Ah
;;   00c5  jmp func[1].instrumented+2Ch
;;   00ca  mov rax,100000002h
;;   00d4  call func[1].instrumented+11Ah
;;   00d9  jmp func[1].instrumented+3Ah
;;   00de  mov rax,100000003h
;;   00e8  call func[1].instrumented+11Ah
;;   00ed  jmp func[1].instrumented+48h
;;   00f2  mov rax,100000004h
;;   00fc  call func[1].instrumented+11Ah
;;   0101  jmp func[1].instrumented+8Fh
;;   0106  mov rax,100000005h
;;   0110  call func[1].instrumented+11Ah
;;   0115  jmp func[1].instrumented+9Dh
;;   011a  sub rsp,8
;;   011e  push rax
;;   011f  call stubs+534h
;;   0124  add rsp,8
;;   0128  mov r13,[r15+58h]
;;   012f  test r13,r13
;;   0132  jne func[1].instrumented+13Fh
;;   0138  lea r13,[stubs+7ACh]
;;   013f  ret
