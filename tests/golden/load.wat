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
;;   0010  jne func[0].instrumented
;;   0016  mov edx,[rbp+10h]
;;   001d  mov rbx,[r14+rdx+8]
;;   0025  mov rax,rbx
;;   0028  mov rsp,rbp
;;   002b  pop rbp
;;   002c  ret
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+16h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+6Dh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+7Ch
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+8Bh
;;   003a  mov edx,[rbp+10h]
;;   0041  mov rbx,[r14+rdx+8]
;;   0049  test byte ptr [r13],8
;;   0051  jne func[0].instrumented+9Ah
;;   0057  test byte ptr [r13],10h
;;   005f  jne func[0].instrumented+0A9h
;;   0065  mov rax,rbx
;;   0068  mov rsp,rbp
;;   006b  pop rbp
;;   006c  ret
;;   006d  mov eax,0
;;   0072  call func[0].instrumented+0B8h
;;   0077  jmp func[0].instrumented+1Eh
;;   007c  mov eax,1
;;   0081  call func[0].instrumented+0B8h
;;   0086  jmp func[0].instrumented+2Ch
;;   008b  mov eax,2
;;   0090  call func[0].instrumented+0B8h
;;   0095  jmp func[0].instrumented+3Ah
;;   009a  mov eax,3
;;   009f  call func[0].instrumented+0B8h
;;   00a4  jmp func[0].instrumented+57h
;;   00a9  mov eax,4
;;   00ae  call func[0].instrumented+0B8h
;;   00b3  jmp func[0].instrumented+65h
;;   00b8  sub rsp,8
;;   00bc  push rax
;;   00bd  call stubs+535h
;;   00c2  add rsp,8
;;   00c6  mov r13,[r15+48h]
;;   00cd  test r13,r13
;;   00d0  jne func[0].instrumented+0DDh
;;   00d6  lea r13,[stubs+7ADh]
;;   00dd  ret
