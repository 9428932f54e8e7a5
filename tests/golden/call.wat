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
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+22h
;;   0014  movsd xmm0,[rbp+18h]
;;   001d  mov rsp,rbp
;;   0020  pop rbp
;;   0021  ret
;;   0022  bt r12,3Dh
;;   0027  jb func[0]+7Ah
;;   002d  mov rax,r12
;;   0030  shl rax,2
;;   0034  shr rax,2
;;   0038  cmp rsp,rax
;;   003b  jb func[0]+8Dh
;;   0041  mov rax,[r15+50h]
;;   0048  bt r12,3Eh
;;   004d  jae func[0]+69h
;;   0053  shl r12,2
;;   0057  shr r12,2
;;   005b  test rax,rax
;;   005e  je func[0]+14h
;;   0064  bts r12,3Fh
;;   0069  cmp rax,1
;;   006f  ja func[0]+95h
;;   0075  jmp func[0]+14h
;;   007a  mov rax,rsp
;;   007d  mov rsp,rbp
;;   0080  call stubs+1DCh
;;   0085  mov rsp,rax
;;   0088  jmp func[0]+22h
;;   008d  mov rsp,rbp
;;   0090  call stubs+55h
;;   0095  cmp qword ptr [1000h],0
;;   009d  je func[0]+0A9h
;;   00a3  jmp qword ptr [1000h]
;;   00a9  call stubs+53Ch
;;   00ae  jmp func[0]+14h
;; ---- func[0] $g: instrumented module, instrumented version
;;   0000  mov r13,[r15+50h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[0].instrumented+5Ah
;;   0022  test byte ptr [r13],2
;;   002a  jne func[0].instrumented+6Eh
;;   0030  test byte ptr [r13],4
;;   0038  jne func[0].instrumented+82h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[0].instrumented+96h
;;   004c  movsd xmm0,[rbp+18h]
;;   0055  mov rsp,rbp
;;   0058  pop rbp
;;   0059  ret
;;   005a  mov rax,0
;;   0064  call func[0].instrumented+0AAh
;;   0069  jmp func[0].instrumented+22h
;;   006e  mov rax,1
;;   0078  call func[0].instrumented+0AAh
;;   007d  jmp func[0].instrumented+30h
;;   0082  mov rax,2
;;   008c  call func[0].instrumented+0AAh
;;   0091  jmp func[0].instrumented+3Eh
;;   0096  mov rax,3
;;   00a0  call func[0].instrumented+0AAh
;;   00a5  jmp func[0].instrumented+4Ch
;;   00aa  sub rsp,8
;;   00ae  push rax
;;   00af  call stubs+530h
;;   00b4  add rsp,8
;;   00b8  mov r13,[r15+50h]
;;   00bf  cmp r13,1
;;   00c6  ja func[0].instrumented+0D3h
;;   00cc  lea r13,[stubs+7A8h]
;;   00d3  ret
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
;;   000e  jb func[1]+42h
;;   0014  mov dword ptr [rsp],1
;;   0020  mov rax,4004000000000000h
;;   002a  mov [rsp+8],rax
;;   0032  mov esi,1
;;   0038  call func[0]
;;   003d  mov rsp,rbp
;;   0040  pop rbp
;;   0041  ret
;;   0042  bt r12,3Dh
;;   0047  jb func[1]+9Ah
;;   004d  mov rax,r12
;;   0050  shl rax,2
;;   0054  shr rax,2
;;   0058  cmp rsp,rax
;;   005b  jb func[1]+0ADh
;;   0061  mov rax,[r15+58h]
;;   0068  bt r12,3Eh
;;   006d  jae func[1]+89h
;;   0073  shl r12,2
;;   0077  shr r12,2
;;   007b  test rax,rax
;;   007e  je func[1]+14h
;;   0084  bts r12,3Fh
;;   0089  cmp rax,1
;;   008f  ja func[1]+0B5h
;;   0095  jmp func[1]+14h
;;   009a  mov rax,rsp
;;   009d  mov rsp,rbp
;;   00a0  call stubs+1DCh
;;   00a5  mov rsp,rax
;;   00a8  jmp func[1]+42h
;;   00ad  mov rsp,rbp
;;   00b0  call stubs+55h
;;   00b5  cmp qword ptr [1008h],0
;;   00bd  je func[1]+0C9h
;;   00c3  jmp qword ptr [1008h]
;;   00c9  call stubs+53Ch
;;   00ce  jmp func[1]+14h
;;   00d3  cmp qword ptr [1010h],0
;;   00db  je func[1]+0E7h
;;   00e1  jmp qword ptr [1010h]
;;   00e7  call stubs+53Ch
;;   00ec  jmp func[1]+3Dh
;; ---- func[1]: instrumented module, instrumented version
;;   0000  mov r13,[r15+58h]
;;   0007  cmp r13,1
;;   000e  jbe func[1]+14h
;;   0014  test byte ptr [r13],1
;;   001c  jne func[1].instrumented+0AAh
;;   0022  test byte ptr [r13],2
;;   002a  jne func[1].instrumented+0BEh
;;   0030  test byte ptr [r13],4
;;   0038  jne func[1].instrumented+0D2h
;;   003e  test byte ptr [r13],8
;;   0046  jne func[1].instrumented+0E6h
;;   004c  mov dword ptr [rsp],1
;;   0058  mov rax,4004000000000000h
;;   0062  mov [rsp+8],rax
;;   006a  mov esi,1
;;   0070  call func[0]
;;   0075  mov r13,[r15+58h]
;;   007c  cmp r13,1
;;   0083  jbe func[1]+3Dh
;;   0089  test byte ptr [r13],10h
;;   0091  jne func[1].instrumented+0FAh
;;   0097  test byte ptr [r13],20h
;;   009f  jne func[1].instrumented+10Eh
;;   00a5  mov rsp,rbp
;;   00a8  pop rbp
;;   00a9  ret
;;   00aa  mov rax,100000000h
;;   00b4  call func[1].instrumented+122h
;;   00b9  jmp func[1].instrumented+22h
;;   00be  mov rax,100000001h
;;   00c8  call func[1].instrumented+122h
;;   00cd  jmp func[1].instrumented+30h
;;   00d2  mov rax,100000002h
;;   00dc  call func[1].instrumented+122h
;;   00e1  jmp func[1].instrumented+3Eh
;;   00e6  mov rax,100000003h
;;   00f0  call func[1].instrumented+122h
;;   00f5  jmp func[1].instrumented+4Ch
;;   00fa  mov rax,100000004h
;;   0104  call func[1].instrumented+122h
;;   0109  jmp func[1].instrumented+97h
;;   010e  mov rax,100000005h
;;   0118  call func[1].instrumented+122h
;;   011d  jmp func[1].instrumented+0A5h
;;   0122  sub rsp,8
;;   0126  push rax
;;   0127  call stubs+530h
;;   012c  add rsp,8
;;   0130  mov r13,[r15+58h]
;;   0137  cmp r13,1
;;   013e  ja func[1].instrumented+14Bh
;;   0144  lea r13,[stubs+7A8h]
;;   014b  ret
