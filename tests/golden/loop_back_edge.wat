;; A loop checks the stack limit (the interrupt flag) on its back edge, and the
;; instrumented version also tests its sites' bits there.
(module
  (func (export "count") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $i)))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+6Bh
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  nop [rax+rax]
;;   003f  nop
;;   0040  cmp r8d,r9d
;;   0043  jae func[0]+55h
;;   0049  add r8d,1
;;   0050  jmp func[0]+40h
;;   0055  mov eax,r8d
;;   0058  mov r9,[rbp-18h]
;;   005f  mov r8,[rbp-20h]
;;   0066  mov rsp,rbp
;;   0069  pop rbp
;;   006a  ret
;;   006b  mov rax,rsp
;;   006e  mov rsp,rbp
;;   0071  call stubs+215h
;;   0076  mov rsp,rax
;;   0079  test r12,r12
;;   007c  je func[0]+0A3h
;;   0082  cmp rsp,r12
;;   0085  jae func[0]+14h
;;   008b  bt r12,3Dh
;;   0090  jb func[0]+6Bh
;;   0096  jmp func[0]+9Bh
;;   009b  mov rsp,rbp
;;   009e  call stubs+55h
;;   00a3  mov rsp,rbp
;;   00a6  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+6Bh
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  nop [rax+rax]
;;   003f  nop
;;   0040  cmp r8d,r9d
;;   0043  jae func[0]+55h
;;   0049  add r8d,1
;;   0050  jmp func[0]+40h
;;   0055  mov eax,r8d
;;   0058  mov r9,[rbp-18h]
;;   005f  mov r8,[rbp-20h]
;;   0066  mov rsp,rbp
;;   0069  pop rbp
;;   006a  ret
;;   006b  mov rax,r12
;;   006e  bt rax,3Dh
;;   0073  jb func[0]+0C3h
;;   0079  shl rax,2
;;   007d  shr rax,2
;;   0081  cmp rsp,rax
;;   0084  jb func[0]+0DFh
;;   008a  mov rax,[r15+48h]
;;   0091  bt r12,3Eh
;;   0096  jae func[0]+0B2h
;;   009c  shl r12,2
;;   00a0  shr r12,2
;;   00a4  test rax,rax
;;   00a7  je func[0]+14h
;;   00ad  bts r12,3Fh
;;   00b2  cmp rax,1
;;   00b8  ja func[0]+11Dh
;;   00be  jmp func[0]+14h
;;   00c3  mov rax,rsp
;;   00c6  mov rsp,rbp
;;   00c9  call stubs+213h
;;   00ce  mov rsp,rax
;;   00d1  test r12,r12
;;   00d4  je func[0]+0E7h
;;   00da  jmp func[0]+6Bh
;;   00df  mov rsp,rbp
;;   00e2  call stubs+55h
;;   00e7  mov rsp,rbp
;;   00ea  call stubs+87h
;;   00ef  call stubs+87h
;;   00f4  bt r12,3Dh
;;   00f9  jae func[0]+10Dh
;;   00ff  call stubs+213h
;;   0104  test r12,r12
;;   0107  je func[0]+0EFh
;;   010d  cmp qword ptr [r15+48h],1
;;   0112  ja func[0]+12Dh
;;   0118  jmp func[0]+40h
;;   011d  jmp qword ptr [1000h]
;;   0123  call stubs+573h
;;   0128  jmp func[0]+14h
;;   012d  jmp qword ptr [1008h]
;;   0133  call stubs+573h
;;   0138  jmp func[0]+40h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+17Fh
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-18h],r9
;;   0037  mov [rbp-20h],r8
;;   003e  mov r9d,esi
;;   0041  mov r8d,0
;;   0047  mov qword ptr [rbp-10h],0
;;   0052  test byte ptr [r13],1
;;   005a  jne func[0].instrumented+1D9h
;;   0060  test byte ptr [r13],2
;;   0068  jne func[0].instrumented+1E8h
;;   006e  test byte ptr [r13],4
;;   0076  jne func[0].instrumented+1F7h
;;   007c  bt r12,3Dh
;;   0081  jb func[0].instrumented+1BBh
;;   0087  mov r13,[r15+48h]
;;   008e  cmp r13,1
;;   0095  jbe func[0]+40h
;;   009b  test byte ptr [r13],8
;;   00a3  jne func[0].instrumented+206h
;;   00a9  test byte ptr [r13],10h
;;   00b1  jne func[0].instrumented+215h
;;   00b7  test byte ptr [r13],20h
;;   00bf  jne func[0].instrumented+224h
;;   00c5  cmp r8d,r9d
;;   00c8  setae bl
;;   00cc  movzx ebx,bl
;;   00d0  test byte ptr [r13],40h
;;   00d8  jne func[0].instrumented+233h
;;   00de  test ebx,ebx
;;   00e1  jne func[0].instrumented+13Fh
;;   00e7  test byte ptr [r13],80h
;;   00ef  jne func[0].instrumented+242h
;;   00f5  test byte ptr [r13+1],1
;;   00fd  jne func[0].instrumented+251h
;;   0103  test byte ptr [r13+1],2
;;   010b  jne func[0].instrumented+260h
;;   0111  mov ebx,r8d
;;   0114  add ebx,1
;;   011b  test byte ptr [r13+1],4
;;   0123  jne func[0].instrumented+26Fh
;;   0129  mov r8d,ebx
;;   012c  test byte ptr [r13+1],8
;;   0134  jne func[0].instrumented+27Eh
;;   013a  jmp func[0].instrumented+7Ch
;;   013f  test byte ptr [r13+1],10h
;;   0147  jne func[0].instrumented+28Dh
;;   014d  test byte ptr [r13+1],20h
;;   0155  jne func[0].instrumented+29Ch
;;   015b  test byte ptr [r13+1],40h
;;   0163  jne func[0].instrumented+2ABh
;;   0169  mov eax,r8d
;;   016c  mov r9,[rbp-18h]
;;   0173  mov r8,[rbp-20h]
;;   017a  mov rsp,rbp
;;   017d  pop rbp
;;   017e  ret
;;   017f  bt r12,3Dh
;;   0184  jae func[0].instrumented+1A6h
;;   018a  mov rax,rsp
;;   018d  mov rsp,rbp
;;   0190  call stubs+20Fh
;;   0195  mov rsp,rax
;;   0198  test r12,r12
;;   019b  je func[0].instrumented+1AEh
;;   01a1  jmp func[0].instrumented+0Bh
;;   01a6  mov rsp,rbp
;;   01a9  call stubs+55h
;;   01ae  mov rsp,rbp
;;   01b1  call stubs+87h
;;   01b6  call stubs+87h
;;   01bb  bt r12,3Dh
;;   01c0  jae func[0].instrumented+1D4h
;;   01c6  call stubs+20Fh
;;   01cb  test r12,r12
;;   01ce  je func[0].instrumented+1B6h
;;   01d4  jmp func[0].instrumented+7Ch
;;   01d9  mov eax,0
;;   01de  call func[0].instrumented+2BAh
;;   01e3  jmp func[0].instrumented+60h
;;   01e8  mov eax,1
;;   01ed  call func[0].instrumented+2BAh
;;   01f2  jmp func[0].instrumented+6Eh
;;   01f7  mov eax,2
;;   01fc  call func[0].instrumented+2BAh
;;   0201  jmp func[0].instrumented+7Ch
;;   0206  mov eax,3
;;   020b  call func[0].instrumented+2BAh
;;   0210  jmp func[0].instrumented+0A9h
;;   0215  mov eax,4
;;   021a  call func[0].instrumented+2BAh
;;   021f  jmp func[0].instrumented+0B7h
;;   0224  mov eax,5
;;   0229  call func[0].instrumented+2BAh
;;   022e  jmp func[0].instrumented+0C5h
;;   0233  mov eax,6
;;   0238  call func[0].instrumented+2BAh
;;   023d  jmp func[0].instrumented+0DEh
;;   0242  mov eax,7
;;   0247  call func[0].instrumented+2BAh
;;   024c  jmp func[0].instrumented+0F5h
;;   0251  mov eax,8
;;   0256  call func[0].instrumented+2BAh
;;   025b  jmp func[0].instrumented+103h
;;   0260  mov eax,9
;;   0265  call func[0].instrumented+2BAh
;;   026a  jmp func[0].instrumented+111h
;;   026f  mov eax,0Ah
;;   0274  call func[0].instrumented+2BAh
;;   0279  jmp func[0].instrumented+129h
;;   027e  mov eax,0Bh
;;   0283  call func[0].instrumented+2BAh
;;   0288  jmp func[0].instrumented+13Ah
;;   028d  mov eax,0Ch
;;   0292  call func[0].instrumented+2BAh
;;   0297  jmp func[0].instrumented+14Dh
;;   029c  mov eax,0Dh
;;   02a1  call func[0].instrumented+2BAh
;;   02a6  jmp func[0].instrumented+15Bh
;;   02ab  mov eax,0Eh
;;   02b0  call func[0].instrumented+2BAh
;;   02b5  jmp func[0].instrumented+169h
;;   02ba  sub rsp,8
;;   02be  mov rdx,0
;;   02c8  or rax,rdx
;;   02cb  push rax
;;   02cc  call stubs+56Fh
;;   02d1  add rsp,8
;;   02d5  mov r13,[r15+48h]
;;   02dc  cmp r13,1
;;   02e3  ja func[0].instrumented+2F0h
;;   02e9  lea r13,[stubs+7E7h]
;;   02f0  ret
