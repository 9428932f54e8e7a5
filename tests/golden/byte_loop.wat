;; A byte-copy loop keeps its counter and bound in registers.
(module (memory 1)
  (func (export "copy") (param $len i32)
    (local $i i32)
    (block $done
      (loop $bytes
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 offset=1024 (local.get $i) (i32.load8_u (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $bytes)))))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+79h
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  nop [rax+rax]
;;   003f  nop
;;   0040  cmp r8d,r9d
;;   0043  jae func[0]+66h
;;   0049  movzx ebx,byte ptr [r14+r8]
;;   0052  mov [r14+r8+400h],bl
;;   005a  add r8d,1
;;   0061  jmp func[0]+40h
;;   0066  mov r9,[rbp-18h]
;;   006d  mov r8,[rbp-20h]
;;   0074  mov rsp,rbp
;;   0077  pop rbp
;;   0078  ret
;;   0079  mov rax,rsp
;;   007c  mov rsp,rbp
;;   007f  call stubs+1E7h
;;   0084  mov rsp,rax
;;   0087  test r12,r12
;;   008a  je func[0]+0B1h
;;   0090  cmp rsp,r12
;;   0093  jae func[0]+14h
;;   0099  bt r12,3Dh
;;   009e  jb func[0]+79h
;;   00a4  jmp func[0]+0A9h
;;   00a9  mov rsp,rbp
;;   00ac  call stubs+55h
;;   00b1  mov rsp,rbp
;;   00b4  call stubs+87h
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+8Bh
;;   0014  mov [rbp-18h],r9
;;   001b  mov [rbp-20h],r8
;;   0022  mov r9d,esi
;;   0025  mov r8d,0
;;   002b  mov qword ptr [rbp-10h],0
;;   0036  nop [rax+rax]
;;   003f  nop
;;   0040  cmp rsp,r12
;;   0043  jb func[0]+114h
;;   0049  cmp r8d,r9d
;;   004c  jae func[0]+78h
;;   0052  movzx ebx,byte ptr [r14+r8]
;;   005b  mov [r14+r8+400h],bl
;;   0063  add r8d,1
;;   006a  cmp rsp,r12
;;   006d  jae func[0]+49h
;;   0073  jmp func[0]+114h
;;   0078  mov r9,[rbp-18h]
;;   007f  mov r8,[rbp-20h]
;;   0086  mov rsp,rbp
;;   0089  pop rbp
;;   008a  ret
;;   008b  mov rax,r12
;;   008e  bt rax,3Dh
;;   0093  jb func[0]+0E3h
;;   0099  shl rax,2
;;   009d  shr rax,2
;;   00a1  cmp rsp,rax
;;   00a4  jb func[0]+0FFh
;;   00aa  mov rax,[r15+48h]
;;   00b1  bt r12,3Eh
;;   00b6  jae func[0]+0D2h
;;   00bc  shl r12,2
;;   00c0  shr r12,2
;;   00c4  test rax,rax
;;   00c7  je func[0]+14h
;;   00cd  bts r12,3Fh
;;   00d2  cmp rax,1
;;   00d8  ja func[0]+13Dh
;;   00de  jmp func[0]+14h
;;   00e3  mov rax,rsp
;;   00e6  mov rsp,rbp
;;   00e9  call stubs+1E3h
;;   00ee  mov rsp,rax
;;   00f1  test r12,r12
;;   00f4  je func[0]+107h
;;   00fa  jmp func[0]+8Bh
;;   00ff  mov rsp,rbp
;;   0102  call stubs+55h
;;   0107  mov rsp,rbp
;;   010a  call stubs+87h
;;   010f  call stubs+87h
;;   0114  bt r12,3Dh
;;   0119  jae func[0]+12Dh
;;   011f  call stubs+1E3h
;;   0124  test r12,r12
;;   0127  je func[0]+10Fh
;;   012d  cmp qword ptr [r15+48h],1
;;   0132  ja func[0]+14Dh
;;   0138  jmp func[0]+49h
;;   013d  jmp qword ptr [1000h]
;;   0143  call stubs+543h
;;   0148  jmp func[0]+14h
;;   014d  jmp qword ptr [1008h]
;;   0153  call stubs+543h
;;   0158  jmp func[0]+49h
;; ---- func[0]: instrumented module, instrumented version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,30h
;;   000b  mov rax,r12
;;   000e  btr rax,3Fh
;;   0013  cmp rsp,rax
;;   0016  jb func[0].instrumented+1B7h
;;   001c  mov r13,[r15+48h]
;;   0023  cmp r13,1
;;   002a  jbe func[0]+14h
;;   0030  mov [rbp-18h],r9
;;   0037  mov [rbp-20h],r8
;;   003e  mov r9d,esi
;;   0041  mov r8d,0
;;   0047  mov qword ptr [rbp-10h],0
;;   0052  test byte ptr [r13],1
;;   005a  jne func[0].instrumented+211h
;;   0060  test byte ptr [r13],2
;;   0068  jne func[0].instrumented+220h
;;   006e  test byte ptr [r13],4
;;   0076  jne func[0].instrumented+22Fh
;;   007c  bt r12,3Dh
;;   0081  jb func[0].instrumented+1F3h
;;   0087  mov r13,[r15+48h]
;;   008e  cmp r13,1
;;   0095  jbe func[0]+49h
;;   009b  test byte ptr [r13],8
;;   00a3  jne func[0].instrumented+23Eh
;;   00a9  test byte ptr [r13],10h
;;   00b1  jne func[0].instrumented+24Dh
;;   00b7  test byte ptr [r13],20h
;;   00bf  jne func[0].instrumented+25Ch
;;   00c5  cmp r8d,r9d
;;   00c8  setae bl
;;   00cc  movzx ebx,bl
;;   00d0  test byte ptr [r13],40h
;;   00d8  jne func[0].instrumented+26Bh
;;   00de  test ebx,ebx
;;   00e1  jne func[0].instrumented+188h
;;   00e7  test byte ptr [r13],80h
;;   00ef  jne func[0].instrumented+27Ah
;;   00f5  test byte ptr [r13+1],1
;;   00fd  jne func[0].instrumented+289h
;;   0103  test byte ptr [r13+1],2
;;   010b  jne func[0].instrumented+298h
;;   0111  movzx ebx,byte ptr [r14+r8]
;;   011a  test byte ptr [r13+1],4
;;   0122  jne func[0].instrumented+2A7h
;;   0128  mov [r14+r8+400h],bl
;;   0130  test byte ptr [r13+1],8
;;   0138  jne func[0].instrumented+2B6h
;;   013e  test byte ptr [r13+1],10h
;;   0146  jne func[0].instrumented+2C5h
;;   014c  test byte ptr [r13+1],20h
;;   0154  jne func[0].instrumented+2D4h
;;   015a  mov ebx,r8d
;;   015d  add ebx,1
;;   0164  test byte ptr [r13+1],40h
;;   016c  jne func[0].instrumented+2E3h
;;   0172  mov r8d,ebx
;;   0175  test byte ptr [r13+1],80h
;;   017d  jne func[0].instrumented+2F2h
;;   0183  jmp func[0].instrumented+7Ch
;;   0188  test byte ptr [r13+2],1
;;   0190  jne func[0].instrumented+301h
;;   0196  test byte ptr [r13+2],2
;;   019e  jne func[0].instrumented+310h
;;   01a4  mov r9,[rbp-18h]
;;   01ab  mov r8,[rbp-20h]
;;   01b2  mov rsp,rbp
;;   01b5  pop rbp
;;   01b6  ret
;;   01b7  bt r12,3Dh
;;   01bc  jae func[0].instrumented+1DEh
;;   01c2  mov rax,rsp
;;   01c5  mov rsp,rbp
;;   01c8  call stubs+1EAh
;;   01cd  mov rsp,rax
;;   01d0  test r12,r12
;;   01d3  je func[0].instrumented+1E6h
;;   01d9  jmp func[0].instrumented+0Bh
;;   01de  mov rsp,rbp
;;   01e1  call stubs+55h
;;   01e6  mov rsp,rbp
;;   01e9  call stubs+87h
;;   01ee  call stubs+87h
;;   01f3  bt r12,3Dh
;;   01f8  jae func[0].instrumented+20Ch
;;   01fe  call stubs+1EAh
;;   0203  test r12,r12
;;   0206  je func[0].instrumented+1EEh
;;   020c  jmp func[0].instrumented+7Ch
;;   0211  mov eax,0
;;   0216  call func[0].instrumented+31Fh
;;   021b  jmp func[0].instrumented+60h
;;   0220  mov eax,1
;;   0225  call func[0].instrumented+31Fh
;;   022a  jmp func[0].instrumented+6Eh
;;   022f  mov eax,2
;;   0234  call func[0].instrumented+31Fh
;;   0239  jmp func[0].instrumented+7Ch
;;   023e  mov eax,3
;;   0243  call func[0].instrumented+31Fh
;;   0248  jmp func[0].instrumented+0A9h
;;   024d  mov eax,4
;;   0252  call func[0].instrumented+31Fh
;;   0257  jmp func[0].instrumented+0B7h
;;   025c  mov eax,5
;;   0261  call func[0].instrumented+31Fh
;;   0266  jmp func[0].instrumented+0C5h
;;   026b  mov eax,6
;;   0270  call func[0].instrumented+31Fh
;;   0275  jmp func[0].instrumented+0DEh
;;   027a  mov eax,7
;;   027f  call func[0].instrumented+31Fh
;;   0284  jmp func[0].instrumented+0F5h
;;   0289  mov eax,8
;;   028e  call func[0].instrumented+31Fh
;;   0293  jmp func[0].instrumented+103h
;;   0298  mov eax,9
;;   029d  call func[0].instrumented+31Fh
;;   02a2  jmp func[0].instrumented+111h
;;   02a7  mov eax,0Ah
;;   02ac  call func[0].instrumented+31Fh
;;   02b1  jmp func[0].instrumented+128h
;;   02b6  mov eax,0Bh
;;   02bb  call func[0].instrumented+31Fh
;;   02c0  jmp func[0].instrumented+13Eh
;;   02c5  mov eax,0Ch
;;   02ca  call func[0].instrumented+31Fh
;;   02cf  jmp func[0].instrumented+14Ch
;;   02d4  mov eax,0Dh
;;   02d9  call func[0].instrumented+31Fh
;;   02de  jmp func[0].instrumented+15Ah
;;   02e3  mov eax,0Eh
;;   02e8  call func[0].instrumented+31Fh
;;   02ed  jmp func[0].instrumented+172h
;;   02f2  mov eax,0Fh
;;   02f7  call func[0].instrumented+31Fh
;;   02fc  jmp func[0].instrumented+183h
;;   0301  mov eax,10h
;;   0306  call func[0].instrumented+31Fh
;;   030b  jmp func[0].instrumented+196h
;;   0310  mov eax,11h
;;   0315  call func[0].instrumented+31Fh
;;   031a  jmp func[0].instrumented+1A4h
;;   031f  sub rsp,8
;;   0323  mov rdx,0
;;   032d  or rax,rdx
;;   0330  push rax
;;   0331  call stubs+54Ah
;;   0336  add rsp,8
;;   033a  mov r13,[r15+48h]
;;   0341  cmp r13,1
;;   0348  ja func[0].instrumented+355h
;;   034e  lea r13,[stubs+7C2h]
;;   0355  ret
