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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+79h
;;   001f  mov r13,[r15+50h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[0].instrumented+9Fh
;;   0041  test byte ptr [r13],2
;;   0049  jne func[0].instrumented+0B3h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[0].instrumented+0C7h
;;   005d  test byte ptr [r13],8
;;   0065  jne func[0].instrumented+0DBh
;;   006b  movsd xmm0,[rbp+18h]
;;   0074  mov rsp,rbp
;;   0077  pop rbp
;;   0078  ret
;;   0079  bt r12,3Dh
;;   007e  jae func[0].instrumented+97h
;;   0084  mov rax,rsp
;;   0087  mov rsp,rbp
;;   008a  call stubs+1D4h
;;   008f  mov rsp,rax
;;   0092  jmp func[0].instrumented+0Bh
;;   0097  mov rsp,rbp
;;   009a  call stubs+55h
;;   009f  mov rax,0
;;   00a9  call func[0].instrumented+0EFh
;;   00ae  jmp func[0].instrumented+41h
;;   00b3  mov rax,1
;;   00bd  call func[0].instrumented+0EFh
;;   00c2  jmp func[0].instrumented+4Fh
;;   00c7  mov rax,2
;;   00d1  call func[0].instrumented+0EFh
;;   00d6  jmp func[0].instrumented+5Dh
;;   00db  mov rax,3
;;   00e5  call func[0].instrumented+0EFh
;;   00ea  jmp func[0].instrumented+6Bh
;;   00ef  sub rsp,8
;;   00f3  push rax
;;   00f4  call stubs+534h
;;   00f9  add rsp,8
;;   00fd  mov r13,[r15+50h]
;;   0104  cmp r13,1
;;   010b  ja func[0].instrumented+118h
;;   0111  lea r13,[stubs+7ACh]
;;   0118  ret
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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[1].instrumented+0EBh
;;   001f  mov r13,[r15+58h]
;;   0026  cmp r13,1
;;   002d  jbe func[1]+14h
;;   0033  test byte ptr [r13],1
;;   003b  jne func[1].instrumented+111h
;;   0041  test byte ptr [r13],2
;;   0049  jne func[1].instrumented+125h
;;   004f  test byte ptr [r13],4
;;   0057  jne func[1].instrumented+139h
;;   005d  test byte ptr [r13],8
;;   0065  jne func[1].instrumented+14Dh
;;   006b  mov dword ptr [rsp],1
;;   0077  mov rax,4004000000000000h
;;   0081  mov [rsp+8],rax
;;   0089  mov esi,1
;;   008f  cmp qword ptr [r15+50h],1
;;   0094  jbe func[1].instrumented+0B1h
;;   009a  mov rax,[1018h]
;;   00a1  test rax,rax
;;   00a4  je func[1].instrumented+0B1h
;;   00aa  call rax
;;   00ac  jmp func[1].instrumented+0B6h
;;   00b1  call func[0]
;;   00b6  mov r13,[r15+58h]
;;   00bd  cmp r13,1
;;   00c4  jbe func[1]+3Dh
;;   00ca  test byte ptr [r13],10h
;;   00d2  jne func[1].instrumented+161h
;;   00d8  test byte ptr [r13],20h
;;   00e0  jne func[1].instrumented+175h
;;   00e6  mov rsp,rbp
;;   00e9  pop rbp
;;   00ea  ret
;;   00eb  bt r12,3Dh
;;   00f0  jae func[1].instrumented+109h
;;   00f6  mov rax,rsp
;;   00f9  mov rsp,rbp
;;   00fc  call stubs+1D4h
;;   0101  mov rsp,rax
;;   0104  jmp func[1].instrumented+0Bh
;;   0109  mov rsp,rbp
;;   010c  call stubs+55h
;;   0111  mov rax,100000000h
;;   011b  call func[1].instrumented+189h
;;   0120  jmp func[1].instrumented+41h
;;   0125  mov rax,100000001h
;;   012f  call func[1].instrumented+189h
;;   0134  jmp func[1].instrumented+4Fh
;;   0139  mov rax,100000002h
;;   0143  call func[1].instrumented+189h
;;   0148  jmp func[1].instrumented+5Dh
;;   014d  mov rax,100000003h
;;   0157  call func[1].instrumented+189h
;;   015c  jmp func[1].instrumented+6Bh
;;   0161  mov rax,100000004h
;;   016b  call func[1].instrumented+189h
;;   0170  jmp func[1].instrumented+0D8h
;;   0175  mov rax,100000005h
;;   017f  call func[1].instrumented+189h
;;   0184  jmp func[1].instrumented+0E6h
;;   0189  sub rsp,8
;;   018d  push rax
;;   018e  call stubs+534h
;;   0193  add rsp,8
;;   0197  mov r13,[r15+58h]
;;   019e  cmp r13,1
;;   01a5  ja func[1].instrumented+1B2h
;;   01ab  lea r13,[stubs+7ACh]
;;   01b2  ret
