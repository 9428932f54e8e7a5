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
;;   0071  call stubs+1D1h
;;   0076  mov rsp,rax
;;   0079  cmp rsp,r12
;;   007c  jb func[0]+87h
;;   0082  jmp func[0]+14h
;;   0087  mov rsp,rbp
;;   008a  call stubs+55h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+7Dh
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  nop [rax+rax]
;;   003f  nop
;;   0040  cmp rsp,r12
;;   0043  jb func[0]+0F0h
;;   0049  cmp r8d,r9d
;;   004c  jae func[0]+67h
;;   0052  add r8d,1
;;   0059  cmp rsp,r12
;;   005c  jae func[0]+49h
;;   0062  jmp func[0]+0F0h
;;   0067  mov eax,r8d
;;   006a  mov r9,[rbp-18h]
;;   0071  mov r8,[rbp-20h]
;;   0078  mov rsp,rbp
;;   007b  pop rbp
;;   007c  ret
;;   007d  bt r12,3Dh
;;   0082  jb func[0]+0D5h
;;   0088  mov rax,r12
;;   008b  shl rax,2
;;   008f  shr rax,2
;;   0093  cmp rsp,rax
;;   0096  jb func[0]+0E8h
;;   009c  mov rax,[r15+48h]
;;   00a3  bt r12,3Eh
;;   00a8  jae func[0]+0C4h
;;   00ae  shl r12,2
;;   00b2  shr r12,2
;;   00b6  test rax,rax
;;   00b9  je func[0]+14h
;;   00bf  bts r12,3Fh
;;   00c4  cmp rax,1
;;   00ca  ja func[0]+110h
;;   00d0  jmp func[0]+14h
;;   00d5  mov rax,rsp
;;   00d8  mov rsp,rbp
;;   00db  call stubs+1D4h
;;   00e0  mov rsp,rax
;;   00e3  jmp func[0]+7Dh
;;   00e8  mov rsp,rbp
;;   00eb  call stubs+55h
;;   00f0  bt r12,3Dh
;;   00f5  jae func[0]+100h
;;   00fb  call stubs+1D4h
;;   0100  cmp qword ptr [r15+48h],1
;;   0105  ja func[0]+12Eh
;;   010b  jmp func[0]+49h
;;   0110  cmp qword ptr [1000h],0
;;   0118  je func[0]+124h
;;   011e  jmp qword ptr [1000h]
;;   0124  call stubs+534h
;;   0129  jmp func[0]+14h
;;   012e  cmp qword ptr [1008h],0
;;   0136  je func[0]+142h
;;   013c  jmp qword ptr [1008h]
;;   0142  call stubs+534h
;;   0147  jmp func[0]+49h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  cmp r13,1
;;   000e  jbe func[0]+14h
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  test byte ptr [r13],1
;;   003e  jne func[0].instrumented+158h
;;   0044  test byte ptr [r13],2
;;   004c  jne func[0].instrumented+16Ch
;;   0052  test byte ptr [r13],4
;;   005a  jne func[0].instrumented+180h
;;   0060  mov r13,[r15+48h]
;;   0067  cmp r13,1
;;   006e  jbe func[0]+49h
;;   0074  test byte ptr [r13],8
;;   007c  jne func[0].instrumented+194h
;;   0082  test byte ptr [r13],10h
;;   008a  jne func[0].instrumented+1A8h
;;   0090  test byte ptr [r13],20h
;;   0098  jne func[0].instrumented+1BCh
;;   009e  cmp r8d,r9d
;;   00a1  setae bl
;;   00a5  movzx ebx,bl
;;   00a9  test byte ptr [r13],40h
;;   00b1  jne func[0].instrumented+1D0h
;;   00b7  test ebx,ebx
;;   00ba  jne func[0].instrumented+118h
;;   00c0  test byte ptr [r13],80h
;;   00c8  jne func[0].instrumented+1E4h
;;   00ce  test byte ptr [r13+1],1
;;   00d6  jne func[0].instrumented+1F8h
;;   00dc  test byte ptr [r13+1],2
;;   00e4  jne func[0].instrumented+20Ch
;;   00ea  mov ebx,r8d
;;   00ed  add ebx,1
;;   00f4  test byte ptr [r13+1],4
;;   00fc  jne func[0].instrumented+220h
;;   0102  mov r8d,ebx
;;   0105  test byte ptr [r13+1],8
;;   010d  jne func[0].instrumented+234h
;;   0113  jmp func[0].instrumented+60h
;;   0118  test byte ptr [r13+1],10h
;;   0120  jne func[0].instrumented+248h
;;   0126  test byte ptr [r13+1],20h
;;   012e  jne func[0].instrumented+25Ch
;;   0134  test byte ptr [r13+1],40h
;;   013c  jne func[0].instrumented+270h
;;   0142  mov eax,r8d
;;   0145  mov r9,[rbp-18h]
;;   014c  mov r8,[rbp-20h]
;;   0153  mov rsp,rbp
;;   0156  pop rbp
;;   0157  ret
;;   0158  mov rax,0
;;   0162  call func[0].instrumented+284h
;;   0167  jmp func[0].instrumented+44h
;;   016c  mov rax,1
;;   0176  call func[0].instrumented+284h
;;   017b  jmp func[0].instrumented+52h
;;   0180  mov rax,2
;;   018a  call func[0].instrumented+284h
;;   018f  jmp func[0].instrumented+60h
;;   0194  mov rax,3
;;   019e  call func[0].instrumented+284h
;;   01a3  jmp func[0].instrumented+82h
;;   01a8  mov rax,4
;;   01b2  call func[0].instrumented+284h
;;   01b7  jmp func[0].instrumented+90h
;;   01bc  mov rax,5
;;   01c6  call func[0].instrumented+284h
;;   01cb  jmp func[0].instrumented+9Eh
;;   01d0  mov rax,6
;;   01da  call func[0].instrumented+284h
;;   01df  jmp func[0].instrumented+0B7h
;;   01e4  mov rax,7
;;   01ee  call func[0].instrumented+284h
;;   01f3  jmp func[0].instrumented+0CEh
;;   01f8  mov rax,8
;;   0202  call func[0].instrumented+284h
;;   0207  jmp func[0].instrumented+0DCh
;;   020c  mov rax,9
;;   0216  call func[0].instrumented+284h
;;   021b  jmp func[0].instrumented+0EAh
;;   0220  mov rax,0Ah
;;   022a  call func[0].instrumented+284h
;;   022f  jmp func[0].instrumented+102h
;;   0234  mov rax,0Bh
;;   023e  call func[0].instrumented+284h
;;   0243  jmp func[0].instrumented+113h
;;   0248  mov rax,0Ch
;;   0252  call func[0].instrumented+284h
;;   0257  jmp func[0].instrumented+126h
;;   025c  mov rax,0Dh
;;   0266  call func[0].instrumented+284h
;;   026b  jmp func[0].instrumented+134h
;;   0270  mov rax,0Eh
;;   027a  call func[0].instrumented+284h
;;   027f  jmp func[0].instrumented+142h
;;   0284  sub rsp,8
;;   0288  push rax
;;   0289  call stubs+532h
;;   028e  add rsp,8
;;   0292  mov r13,[r15+48h]
;;   0299  cmp r13,1
;;   02a0  ja func[0].instrumented+2ADh
;;   02a6  lea r13,[stubs+7AAh]
;;   02ad  ret
