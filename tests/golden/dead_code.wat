;; Code after `return`, `br` and `unreachable` is validated and never compiled: the pass
;; skips it whole (`visit_op`'s `visit_unreachable`), not only what it would emit inline.
(module (memory 1) (func (export "f") (param i32 i32) (result i32)
  (block
    local.get 0
    br_if 0
    local.get 1
    return
    local.get 0 local.get 1 i32.add i32.load offset=4 local.get 1 i32.mul drop)
  local.get 0
  unreachable
  i32.const 7 local.get 1 i32.sub f64.convert_i32_s i32.trunc_f64_s))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+50h
;;   0014  mov [rbp-10h],r8
;;   001b  mov [rbp-18h],r9
;;   0022  mov r8d,esi
;;   0025  mov r9d,[rbp+18h]
;;   002c  test r8d,r8d
;;   002f  jne func[0]+4Bh
;;   0035  mov eax,r9d
;;   0038  mov r8,[rbp-10h]
;;   003f  mov r9,[rbp-18h]
;;   0046  mov rsp,rbp
;;   0049  pop rbp
;;   004a  ret
;;   004b  jmp func[0]+90h
;;   0050  mov rax,rsp
;;   0053  mov rsp,rbp
;;   0056  call stubs+20Bh
;;   005b  mov rsp,rax
;;   005e  test r12,r12
;;   0061  je func[0]+88h
;;   0067  cmp rsp,r12
;;   006a  jae func[0]+14h
;;   0070  bt r12,3Dh
;;   0075  jb func[0]+50h
;;   007b  jmp func[0]+80h
;;   0080  mov rsp,rbp
;;   0083  call stubs+55h
;;   0088  mov rsp,rbp
;;   008b  call stubs+87h
;;   0090  call stubs+2Dh
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+50h
;;   0014  mov [rbp-10h],r8
;;   001b  mov [rbp-18h],r9
;;   0022  mov r8d,esi
;;   0025  mov r9d,[rbp+18h]
;;   002c  test r8d,r8d
;;   002f  jne func[0]+4Bh
;;   0035  mov eax,r9d
;;   0038  mov r8,[rbp-10h]
;;   003f  mov r9,[rbp-18h]
;;   0046  mov rsp,rbp
;;   0049  pop rbp
;;   004a  ret
;;   004b  jmp func[0]+0D4h
;;   0050  mov rax,r12
;;   0053  bt rax,3Dh
;;   0058  jb func[0]+0A8h
;;   005e  shl rax,2
;;   0062  shr rax,2
;;   0066  cmp rsp,rax
;;   0069  jb func[0]+0C4h
;;   006f  mov rax,[r15+48h]
;;   0076  bt r12,3Eh
;;   007b  jae func[0]+97h
;;   0081  shl r12,2
;;   0085  shr r12,2
;;   0089  test rax,rax
;;   008c  je func[0]+14h
;;   0092  bts r12,3Fh
;;   0097  cmp rax,1
;;   009d  ja func[0]+0D9h
;;   00a3  jmp func[0]+14h
;;   00a8  mov rax,rsp
;;   00ab  mov rsp,rbp
;;   00ae  call stubs+217h
;;   00b3  mov rsp,rax
;;   00b6  test r12,r12
;;   00b9  je func[0]+0CCh
;;   00bf  jmp func[0]+50h
;;   00c4  mov rsp,rbp
;;   00c7  call stubs+55h
;;   00cc  mov rsp,rbp
;;   00cf  call stubs+87h
;;   00d4  call stubs+2Dh
;;   00d9  jmp qword ptr [1000h]
;;   00df  call stubs+577h
;;   00e4  jmp func[0]+14h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+0EAh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-10h],r8
;;   0037  mov [rbp-18h],r9
;;   003e  mov r8d,esi
;;   0041  mov r9d,[rbp+18h]
;;   0048  test byte ptr [r13],1
;;   0050  jne func[0].instrumented+126h
;;   0056  test byte ptr [r13],2
;;   005e  jne func[0].instrumented+135h
;;   0064  test byte ptr [r13],4
;;   006c  jne func[0].instrumented+144h
;;   0072  test byte ptr [r13],8
;;   007a  jne func[0].instrumented+153h
;;   0080  test r8d,r8d
;;   0083  jne func[0].instrumented+0C9h
;;   0089  test byte ptr [r13],10h
;;   0091  jne func[0].instrumented+162h
;;   0097  test byte ptr [r13],20h
;;   009f  jne func[0].instrumented+171h
;;   00a5  test byte ptr [r13],40h
;;   00ad  jne func[0].instrumented+180h
;;   00b3  mov eax,r9d
;;   00b6  mov r8,[rbp-10h]
;;   00bd  mov r9,[rbp-18h]
;;   00c4  mov rsp,rbp
;;   00c7  pop rbp
;;   00c8  ret
;;   00c9  test byte ptr [r13],80h
;;   00d1  jne func[0].instrumented+18Fh
;;   00d7  test byte ptr [r13+1],1
;;   00df  jne func[0].instrumented+19Eh
;;   00e5  jmp func[0].instrumented+121h
;;   00ea  bt r12,3Dh
;;   00ef  jae func[0].instrumented+111h
;;   00f5  mov rax,rsp
;;   00f8  mov rsp,rbp
;;   00fb  call stubs+20Ch
;;   0100  mov rsp,rax
;;   0103  test r12,r12
;;   0106  je func[0].instrumented+119h
;;   010c  jmp func[0].instrumented+0Bh
;;   0111  mov rsp,rbp
;;   0114  call stubs+55h
;;   0119  mov rsp,rbp
;;   011c  call stubs+87h
;;   0121  call stubs+2Dh
;;   0126  mov eax,0
;;   012b  call func[0].instrumented+1ADh
;;   0130  jmp func[0].instrumented+56h
;;   0135  mov eax,1
;;   013a  call func[0].instrumented+1ADh
;;   013f  jmp func[0].instrumented+64h
;;   0144  mov eax,2
;;   0149  call func[0].instrumented+1ADh
;;   014e  jmp func[0].instrumented+72h
;;   0153  mov eax,3
;;   0158  call func[0].instrumented+1ADh
;;   015d  jmp func[0].instrumented+80h
;;   0162  mov eax,4
;;   0167  call func[0].instrumented+1ADh
;;   016c  jmp func[0].instrumented+97h
;;   0171  mov eax,5
;;   0176  call func[0].instrumented+1ADh
;;   017b  jmp func[0].instrumented+0A5h
;;   0180  mov eax,6
;;   0185  call func[0].instrumented+1ADh
;;   018a  jmp func[0].instrumented+0B3h
;;   018f  mov eax,7
;;   0194  call func[0].instrumented+1ADh
;;   0199  jmp func[0].instrumented+0D7h
;;   019e  mov eax,8
;;   01a3  call func[0].instrumented+1ADh
;;   01a8  jmp func[0].instrumented+0E5h
;;   01ad  sub rsp,8
;;   01b1  mov rdx,0
;;   01bb  or rax,rdx
;;   01be  push rax
;;   01bf  call stubs+56Ch
;;   01c4  add rsp,8
;;   01c8  mov r13,[r15+48h]
;;   01cf  cmp r13,1
;;   01d6  ja func[0].instrumented+1E3h
;;   01dc  lea r13,[stubs+7E4h]
;;   01e3  ret
