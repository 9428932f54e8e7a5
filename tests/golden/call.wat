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
;;   0080  call stubs+1D6h
;;   0085  mov rsp,rax
;;   0088  jmp func[0]+22h
;;   008d  mov rsp,rbp
;;   0090  call stubs+55h
;;   0095  jmp qword ptr [1000h]
;;   009b  call stubs+536h
;;   00a0  jmp func[0]+14h
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
;;   0038  jne func[0].instrumented+9Ch
;;   003e  test byte ptr [r13],2
;;   0046  jne func[0].instrumented+0ABh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[0].instrumented+0BAh
;;   005a  test byte ptr [r13],8
;;   0062  jne func[0].instrumented+0C9h
;;   0068  movsd xmm0,[rbp+18h]
;;   0071  mov rsp,rbp
;;   0074  pop rbp
;;   0075  ret
;;   0076  bt r12,3Dh
;;   007b  jae func[0].instrumented+94h
;;   0081  mov rax,rsp
;;   0084  mov rsp,rbp
;;   0087  call stubs+1D2h
;;   008c  mov rsp,rax
;;   008f  jmp func[0].instrumented+0Bh
;;   0094  mov rsp,rbp
;;   0097  call stubs+55h
;;   009c  mov eax,0
;;   00a1  call func[0].instrumented+0D8h
;;   00a6  jmp func[0].instrumented+3Eh
;;   00ab  mov eax,1
;;   00b0  call func[0].instrumented+0D8h
;;   00b5  jmp func[0].instrumented+4Ch
;;   00ba  mov eax,2
;;   00bf  call func[0].instrumented+0D8h
;;   00c4  jmp func[0].instrumented+5Ah
;;   00c9  mov eax,3
;;   00ce  call func[0].instrumented+0D8h
;;   00d3  jmp func[0].instrumented+68h
;;   00d8  sub rsp,8
;;   00dc  mov rdx,0
;;   00e6  or rax,rdx
;;   00e9  push rax
;;   00ea  call stubs+532h
;;   00ef  add rsp,8
;;   00f3  mov r13,[r15+50h]
;;   00fa  cmp r13,1
;;   0101  ja func[0].instrumented+10Eh
;;   0107  lea r13,[stubs+7AAh]
;;   010e  ret
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
;;   0048  call stubs+1D6h
;;   004d  mov rsp,rax
;;   0050  cmp rsp,r12
;;   0053  jae func[1]+14h
;;   0059  bt r12,3Dh
;;   005e  jb func[1]+42h
;;   0064  jmp func[1]+69h
;;   0069  mov rsp,rbp
;;   006c  call stubs+55h
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
;;   00a0  call stubs+1D6h
;;   00a5  mov rsp,rax
;;   00a8  jmp func[1]+42h
;;   00ad  mov rsp,rbp
;;   00b0  call stubs+55h
;;   00b5  jmp qword ptr [1008h]
;;   00bb  call stubs+536h
;;   00c0  jmp func[1]+14h
;;   00c5  jmp qword ptr [1010h]
;;   00cb  call stubs+536h
;;   00d0  jmp func[1]+3Dh
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
;;   0038  jne func[1].instrumented+10Eh
;;   003e  test byte ptr [r13],2
;;   0046  jne func[1].instrumented+11Dh
;;   004c  test byte ptr [r13],4
;;   0054  jne func[1].instrumented+12Ch
;;   005a  test byte ptr [r13],8
;;   0062  jne func[1].instrumented+13Bh
;;   0068  mov dword ptr [rsp],1
;;   0074  mov rax,4004000000000000h
;;   007e  mov [rsp+8],rax
;;   0086  mov esi,1
;;   008c  cmp qword ptr [r15+50h],1
;;   0091  jbe func[1].instrumented+0FCh
;;   0097  mov rax,[1018h]
;;   009e  test rax,rax
;;   00a1  je func[1].instrumented+0FCh
;;   00a7  call rax
;;   00a9  mov r13,[r15+58h]
;;   00b0  cmp r13,1
;;   00b7  jbe func[1]+3Dh
;;   00bd  test byte ptr [r13],10h
;;   00c5  jne func[1].instrumented+14Ah
;;   00cb  test byte ptr [r13],20h
;;   00d3  jne func[1].instrumented+159h
;;   00d9  mov rsp,rbp
;;   00dc  pop rbp
;;   00dd  ret
;;   00de  bt r12,3Dh
;;   00e3  jae func[1].instrumented+106h
;;   00e9  mov rax,rsp
;;   00ec  mov rsp,rbp
;;   00ef  call stubs+1D2h
;;   00f4  mov rsp,rax
;;   00f7  jmp func[1].instrumented+0Bh
;;   00fc  call func[0]
;;   0101  jmp func[1].instrumented+0A9h
;;   0106  mov rsp,rbp
;;   0109  call stubs+55h
;;   010e  mov eax,0
;;   0113  call func[1].instrumented+168h
;;   0118  jmp func[1].instrumented+3Eh
;;   011d  mov eax,1
;;   0122  call func[1].instrumented+168h
;;   0127  jmp func[1].instrumented+4Ch
;;   012c  mov eax,2
;;   0131  call func[1].instrumented+168h
;;   0136  jmp func[1].instrumented+5Ah
;;   013b  mov eax,3
;;   0140  call func[1].instrumented+168h
;;   0145  jmp func[1].instrumented+68h
;;   014a  mov eax,4
;;   014f  call func[1].instrumented+168h
;;   0154  jmp func[1].instrumented+0CBh
;;   0159  mov eax,5
;;   015e  call func[1].instrumented+168h
;;   0163  jmp func[1].instrumented+0D9h
;;   0168  sub rsp,8
;;   016c  mov rdx,100000000h
;;   0176  or rax,rdx
;;   0179  push rax
;;   017a  call stubs+532h
;;   017f  add rsp,8
;;   0183  mov r13,[r15+58h]
;;   018a  cmp r13,1
;;   0191  ja func[1].instrumented+19Eh
;;   0197  lea r13,[stubs+7AAh]
;;   019e  ret
