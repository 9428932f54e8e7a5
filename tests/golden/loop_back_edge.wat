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
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  shl rax,2
;;   0012  shr rax,2
;;   0016  cmp rsp,rax
;;   0019  jb func[0].instrumented+177h
;;   001f  mov r13,[r15+48h]
;;   0026  cmp r13,1
;;   002d  jbe func[0]+14h
;;   0033  mov [rbp-18h],r9
;;   003a  mov [rbp-20h],r8
;;   0041  mov r9d,esi
;;   0044  mov r8d,0
;;   004a  mov qword ptr [rbp-10h],0
;;   0055  test byte ptr [r13],1
;;   005d  jne func[0].instrumented+19Dh
;;   0063  test byte ptr [r13],2
;;   006b  jne func[0].instrumented+1B1h
;;   0071  test byte ptr [r13],4
;;   0079  jne func[0].instrumented+1C5h
;;   007f  mov r13,[r15+48h]
;;   0086  cmp r13,1
;;   008d  jbe func[0]+49h
;;   0093  test byte ptr [r13],8
;;   009b  jne func[0].instrumented+1D9h
;;   00a1  test byte ptr [r13],10h
;;   00a9  jne func[0].instrumented+1EDh
;;   00af  test byte ptr [r13],20h
;;   00b7  jne func[0].instrumented+201h
;;   00bd  cmp r8d,r9d
;;   00c0  setae bl
;;   00c4  movzx ebx,bl
;;   00c8  test byte ptr [r13],40h
;;   00d0  jne func[0].instrumented+215h
;;   00d6  test ebx,ebx
;;   00d9  jne func[0].instrumented+137h
;;   00df  test byte ptr [r13],80h
;;   00e7  jne func[0].instrumented+229h
;;   00ed  test byte ptr [r13+1],1
;;   00f5  jne func[0].instrumented+23Dh
;;   00fb  test byte ptr [r13+1],2
;;   0103  jne func[0].instrumented+251h
;;   0109  mov ebx,r8d
;;   010c  add ebx,1
;;   0113  test byte ptr [r13+1],4
;;   011b  jne func[0].instrumented+265h
;;   0121  mov r8d,ebx
;;   0124  test byte ptr [r13+1],8
;;   012c  jne func[0].instrumented+279h
;;   0132  jmp func[0].instrumented+7Fh
;;   0137  test byte ptr [r13+1],10h
;;   013f  jne func[0].instrumented+28Dh
;;   0145  test byte ptr [r13+1],20h
;;   014d  jne func[0].instrumented+2A1h
;;   0153  test byte ptr [r13+1],40h
;;   015b  jne func[0].instrumented+2B5h
;;   0161  mov eax,r8d
;;   0164  mov r9,[rbp-18h]
;;   016b  mov r8,[rbp-20h]
;;   0172  mov rsp,rbp
;;   0175  pop rbp
;;   0176  ret
;;   0177  bt r12,3Dh
;;   017c  jae func[0].instrumented+195h
;;   0182  mov rax,rsp
;;   0185  mov rsp,rbp
;;   0188  call stubs+1DDh
;;   018d  mov rsp,rax
;;   0190  jmp func[0].instrumented+0Bh
;;   0195  mov rsp,rbp
;;   0198  call stubs+55h
;;   019d  mov rax,0
;;   01a7  call func[0].instrumented+2C9h
;;   01ac  jmp func[0].instrumented+63h
;;   01b1  mov rax,1
;;   01bb  call func[0].instrumented+2C9h
;;   01c0  jmp func[0].instrumented+71h
;;   01c5  mov rax,2
;;   01cf  call func[0].instrumented+2C9h
;;   01d4  jmp func[0].instrumented+7Fh
;;   01d9  mov rax,3
;;   01e3  call func[0].instrumented+2C9h
;;   01e8  jmp func[0].instrumented+0A1h
;;   01ed  mov rax,4
;;   01f7  call func[0].instrumented+2C9h
;;   01fc  jmp func[0].instrumented+0AFh
;;   0201  mov rax,5
;;   020b  call func[0].instrumented+2C9h
;;   0210  jmp func[0].instrumented+0BDh
;;   0215  mov rax,6
;;   021f  call func[0].instrumented+2C9h
;;   0224  jmp func[0].instrumented+0D6h
;;   0229  mov rax,7
;;   0233  call func[0].instrumented+2C9h
;;   0238  jmp func[0].instrumented+0EDh
;;   023d  mov rax,8
;;   0247  call func[0].instrumented+2C9h
;;   024c  jmp func[0].instrumented+0FBh
;;   0251  mov rax,9
;;   025b  call func[0].instrumented+2C9h
;;   0260  jmp func[0].instrumented+109h
;;   0265  mov rax,0Ah
;;   026f  call func[0].instrumented+2C9h
;;   0274  jmp func[0].instrumented+121h
;;   0279  mov rax,0Bh
;;   0283  call func[0].instrumented+2C9h
;;   0288  jmp func[0].instrumented+132h
;;   028d  mov rax,0Ch
;;   0297  call func[0].instrumented+2C9h
;;   029c  jmp func[0].instrumented+145h
;;   02a1  mov rax,0Dh
;;   02ab  call func[0].instrumented+2C9h
;;   02b0  jmp func[0].instrumented+153h
;;   02b5  mov rax,0Eh
;;   02bf  call func[0].instrumented+2C9h
;;   02c4  jmp func[0].instrumented+161h
;;   02c9  sub rsp,8
;;   02cd  push rax
;;   02ce  call stubs+53Dh
;;   02d3  add rsp,8
;;   02d7  mov r13,[r15+48h]
;;   02de  cmp r13,1
;;   02e5  ja func[0].instrumented+2F2h
;;   02eb  lea r13,[stubs+7B5h]
;;   02f2  ret
