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
;;   0022  mov rax,r12
;;   0025  bt rax,3Dh
;;   002a  jb func[0]+7Ah
;;   0030  shl rax,2
;;   0034  shr rax,2
;;   0038  cmp rsp,rax
;;   003b  jb func[0]+96h
;;   0041  mov rax,[r15+50h]
;;   0048  bt r12,3Eh
;;   004d  jae func[0]+69h
;;   0053  shl r12,2
;;   0057  shr r12,2
;;   005b  test rax,rax
;;   005e  je func[0]+14h
;;   0064  bts r12,3Fh
;;   0069  cmp rax,1
;;   006f  ja func[0]+0A6h
;;   0075  jmp func[0]+14h
;;   007a  mov rax,rsp
;;   007d  mov rsp,rbp
;;   0080  call stubs+214h
;;   0085  mov rsp,rax
;;   0088  test r12,r12
;;   008b  je func[0]+9Eh
;;   0091  jmp func[0]+22h
;;   0096  mov rsp,rbp
;;   0099  call stubs+55h
;;   009e  mov rsp,rbp
;;   00a1  call stubs+87h
;;   00a6  jmp qword ptr [1000h]
;;   00ac  call stubs+574h
;;   00b1  jmp func[0]+14h
;; ---- func[0] $g: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+76h
;;   001c  mov r13,[r15+50h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[0].instrumented+0ADh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0BCh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+0CBh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+0DAh
;;   0068  movsd xmm0,[rbp+18h]
;;   0071  mov rsp,rbp
;;   0074  pop rbp
;;   0075  ret
;;   0076  bt r12,3Dh
;;   007b  jae func[0].instrumented+9Dh
;;   0081  mov rax,rsp
;;   0084  mov rsp,rbp
;;   0087  call stubs+210h
;;   008c  mov rsp,rax
;;   008f  test r12,r12
;;   0092  je func[0].instrumented+0A5h
;;   0098  jmp func[0].instrumented+0Bh
;;   009d  mov rsp,rbp
;;   00a0  call stubs+55h
;;   00a5  mov rsp,rbp
;;   00a8  call stubs+87h
;;   00ad  mov eax,0
;;   00b2  call func[0].instrumented+0E9h
;;   00b7  jmp func[0].instrumented+3Eh
;;   00bc  mov eax,1
;;   00c1  call func[0].instrumented+0E9h
;;   00c6  jmp func[0].instrumented+4Ch
;;   00cb  mov eax,2
;;   00d0  call func[0].instrumented+0E9h
;;   00d5  jmp func[0].instrumented+5Ah
;;   00da  mov eax,3
;;   00df  call func[0].instrumented+0E9h
;;   00e4  jmp func[0].instrumented+68h
;;   00e9  sub rsp,8
;;   00ed  mov rdx,0
;;   00f7  or rax,rdx
;;   00fa  push rax
;;   00fb  call stubs+570h
;;   0100  add rsp,8
;;   0104  mov r13,[r15+50h]
;;   010b  cmp r13,1
;;   0112  ja func[0].instrumented+11Fh
;;   0118  lea r13,[stubs+7E8h]
;;   011f  ret
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
;;   0048  call stubs+215h
;;   004d  mov rsp,rax
;;   0050  test r12,r12
;;   0053  je func[1]+7Ah
;;   0059  cmp rsp,r12
;;   005c  jae func[1]+14h
;;   0062  bt r12,3Dh
;;   0067  jb func[1]+42h
;;   006d  jmp func[1]+72h
;;   0072  mov rsp,rbp
;;   0075  call stubs+55h
;;   007a  mov rsp,rbp
;;   007d  call stubs+87h
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
;;   0042  mov rax,r12
;;   0045  bt rax,3Dh
;;   004a  jb func[1]+9Ah
;;   0050  shl rax,2
;;   0054  shr rax,2
;;   0058  cmp rsp,rax
;;   005b  jb func[1]+0B6h
;;   0061  mov rax,[r15+58h]
;;   0068  bt r12,3Eh
;;   006d  jae func[1]+89h
;;   0073  shl r12,2
;;   0077  shr r12,2
;;   007b  test rax,rax
;;   007e  je func[1]+14h
;;   0084  bts r12,3Fh
;;   0089  cmp rax,1
;;   008f  ja func[1]+0C6h
;;   0095  jmp func[1]+14h
;;   009a  mov rax,rsp
;;   009d  mov rsp,rbp
;;   00a0  call stubs+214h
;;   00a5  mov rsp,rax
;;   00a8  test r12,r12
;;   00ab  je func[1]+0BEh
;;   00b1  jmp func[1]+42h
;;   00b6  mov rsp,rbp
;;   00b9  call stubs+55h
;;   00be  mov rsp,rbp
;;   00c1  call stubs+87h
;;   00c6  jmp qword ptr [1008h]
;;   00cc  call stubs+574h
;;   00d1  jmp func[1]+14h
;;   00d6  jmp qword ptr [1010h]
;;   00dc  call stubs+574h
;;   00e1  jmp func[1]+3Dh
;; ---- func[1]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[1].instrumented+0DEh
;;   001c  mov r13,[r15+58h]
;;   0023  cmp r13,1
;;   002a  jbe func[1]+14h
;;   0030  test byte ptr [r13],1
;;   0038  jne func[1].instrumented+11Fh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+12Eh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+13Dh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+14Ch
;;   0068  mov dword ptr [rsp],1
;;   0074  mov rax,4004000000000000h
;;   007e  mov [rsp+8],rax
;;   0086  mov esi,1
;;   008c  cmp qword ptr [r15+50h],1
;;   0091  jbe func[1].instrumented+105h
;;   0097  mov rax,[1018h]
;;   009e  test rax,rax
;;   00a1  je func[1].instrumented+105h
;;   00a7  call rax
;;   00a9  mov r13,[r15+58h]
;;   00b0  cmp r13,1
;;   00b7  jbe func[1]+3Dh
;;   00bd  test byte ptr [r13],10h
;;   00c5  jne func[1].instrumented+15Bh
;;   00cb  test byte ptr [r13],20h
;;   00d3  jne func[1].instrumented+16Ah
;;   00d9  mov rsp,rbp
;;   00dc  pop rbp
;;   00dd  ret
;;   00de  bt r12,3Dh
;;   00e3  jae func[1].instrumented+10Fh
;;   00e9  mov rax,rsp
;;   00ec  mov rsp,rbp
;;   00ef  call stubs+210h
;;   00f4  mov rsp,rax
;;   00f7  test r12,r12
;;   00fa  je func[1].instrumented+117h
;;   0100  jmp func[1].instrumented+0Bh
;;   0105  call func[0]
;;   010a  jmp func[1].instrumented+0A9h
;;   010f  mov rsp,rbp
;;   0112  call stubs+55h
;;   0117  mov rsp,rbp
;;   011a  call stubs+87h
;;   011f  mov eax,0
;;   0124  call func[1].instrumented+179h
;;   0129  jmp func[1].instrumented+3Eh
;;   012e  mov eax,1
;;   0133  call func[1].instrumented+179h
;;   0138  jmp func[1].instrumented+4Ch
;;   013d  mov eax,2
;;   0142  call func[1].instrumented+179h
;;   0147  jmp func[1].instrumented+5Ah
;;   014c  mov eax,3
;;   0151  call func[1].instrumented+179h
;;   0156  jmp func[1].instrumented+68h
;;   015b  mov eax,4
;;   0160  call func[1].instrumented+179h
;;   0165  jmp func[1].instrumented+0CBh
;;   016a  mov eax,5
;;   016f  call func[1].instrumented+179h
;;   0174  jmp func[1].instrumented+0D9h
;;   0179  sub rsp,8
;;   017d  mov rdx,100000000h
;;   0187  or rax,rdx
;;   018a  push rax
;;   018b  call stubs+570h
;;   0190  add rsp,8
;;   0194  mov r13,[r15+58h]
;;   019b  cmp r13,1
;;   01a2  ja func[1].instrumented+1AFh
;;   01a8  lea r13,[stubs+7E8h]
;;   01af  ret
