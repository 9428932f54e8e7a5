;; A load addresses memory through the pinned memory base, the static offset folded into
;; the address (guard pages catch what is out of bounds).
(module (memory 1) (func (export "f") (param i32) (result i64)
  (i64.load offset=8 (local.get 0))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,20h
;;   000b  mov rbx,[r14+rsi+8]
;;   0013  mov rax,rbx
;;   0016  mov rsp,rbp
;;   0019  pop rbp
;;   001a  ret
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,10h
;;   000b  cmp qword ptr [r15+48h],0
;;   0010  jne func[0]+2Dh
;;   0016  mov edx,[rbp+10h]
;;   001d  mov rbx,[r14+rdx+8]
;;   0025  mov rax,rbx
;;   0028  mov rsp,rbp
;;   002b  pop rbp
;;   002c  ret
;;   002d  call stubs+539h
;;   0032  jmp func[0]+16h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+6Dh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+81h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+95h
;;   003a  mov edx,[rbp+10h]
;;   0041  mov rbx,[r14+rdx+8]
;;   0049  test byte ptr [r13],8
;;   0051  jne func[0].instrumented+0A9h
;;   0057  test byte ptr [r13],10h
;;   005f  jne func[0].instrumented+0BDh
;;   0065  mov rax,rbx
;;   0068  mov rsp,rbp
;;   006b  pop rbp
;;   006c  ret
;;   006d  mov rax,0
;;   0077  call func[0].instrumented+0D1h
;;   007c  jmp func[0].instrumented+1Eh
;;   0081  mov rax,1
;;   008b  call func[0].instrumented+0D1h
;;   0090  jmp func[0].instrumented+2Ch
;;   0095  mov rax,2
;;   009f  call func[0].instrumented+0D1h
;;   00a4  jmp func[0].instrumented+3Ah
;;   00a9  mov rax,3
;;   00b3  call func[0].instrumented+0D1h
;;   00b8  jmp func[0].instrumented+57h
;;   00bd  mov rax,4
;;   00c7  call func[0].instrumented+0D1h
;;   00cc  jmp func[0].instrumented+65h
;;   00d1  sub rsp,8
;;   00d5  push rax
;;   00d6  call stubs+539h
;;   00db  add rsp,8
;;   00df  mov r13,[r15+48h]
;;   00e6  test r13,r13
;;   00e9  jne func[0].instrumented+0F6h
;;   00ef  lea r13,[stubs+7B1h]
;;   00f6  ret
