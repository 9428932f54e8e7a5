;; Bulk memory: memory.copy, memory.fill and memory.init go through the host-helper stub;
;; data.drop and memory.size are inline.
(module (memory 1)
  (data $d "kestrel")
  (func (export "bulk") (param $dst i32) (param $src i32) (param $len i32) (result i32)
    (memory.copy (local.get $dst) (local.get $src) (local.get $len))
    (memory.fill (local.get $dst) (i32.const 0) (local.get $len))
    (memory.init $d (local.get $dst) (i32.const 0) (i32.const 7))
    (data.drop $d)
    (memory.size)))
;; ==== expected (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)
;; ---- func[0]: plain module
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+135h
;;   0014  mov [rbp-10h],r8
;;   001b  mov [rbp-18h],r9
;;   0022  mov [rbp-20h],r10
;;   0029  mov r8d,esi
;;   002c  mov r9d,[rbp+18h]
;;   0033  mov r10d,[rbp+20h]
;;   003a  mov [rsp],r8d
;;   0042  mov [rsp+8],r9d
;;   004a  mov [rsp+10h],r10d
;;   0052  mov rsi,rsp
;;   0055  mov rdi,r15
;;   0058  mov eax,20h
;;   005d  call stubs+433h
;;   0062  test eax,eax
;;   0064  jne func[0]+159h
;;   006a  mov [rsp],r8d
;;   0072  mov dword ptr [rsp+8],0
;;   007e  mov [rsp+10h],r10d
;;   0086  mov rsi,rsp
;;   0089  mov rdi,r15
;;   008c  mov eax,18h
;;   0091  call stubs+433h
;;   0096  test eax,eax
;;   0098  jne func[0]+15Eh
;;   009e  mov [rsp],r8d
;;   00a6  mov dword ptr [rsp+8],0
;;   00b2  mov dword ptr [rsp+10h],7
;;   00be  mov qword ptr [rsp+18h],0
;;   00ca  mov rsi,rsp
;;   00cd  mov rdi,r15
;;   00d0  mov eax,28h
;;   00d5  call stubs+433h
;;   00da  test eax,eax
;;   00dc  jne func[0]+163h
;;   00e2  mov qword ptr [rsp],0
;;   00ee  mov rsi,rsp
;;   00f1  mov rdi,r15
;;   00f4  mov eax,30h
;;   00f9  call stubs+433h
;;   00fe  test eax,eax
;;   0100  jne func[0]+168h
;;   0106  mov rax,[r15+8]
;;   010d  mov rbx,[rax]
;;   0114  shr rbx,10h
;;   0118  mov eax,ebx
;;   011b  mov r8,[rbp-10h]
;;   0122  mov r9,[rbp-18h]
;;   0129  mov r10,[rbp-20h]
;;   0130  mov rsp,rbp
;;   0133  pop rbp
;;   0134  ret
;;   0135  mov rax,rsp
;;   0138  mov rsp,rbp
;;   013b  call stubs+1D3h
;;   0140  mov rsp,rax
;;   0143  cmp rsp,r12
;;   0146  jb func[0]+151h
;;   014c  jmp func[0]+14h
;;   0151  mov rsp,rbp
;;   0154  call stubs+55h
;;   0159  call stubs
;;   015e  call stubs
;;   0163  call stubs
;;   0168  call stubs
;; ---- func[0]: instrumented module, plain version
;;   0000  push rbp
;;   0001  mov rbp,rsp
;;   0004  sub rsp,60h
;;   000b  cmp rsp,r12
;;   000e  jb func[0]+16Ch
;;   0014  mov [rbp-10h],r8
;;   001b  mov [rbp-18h],r9
;;   0022  mov [rbp-20h],r10
;;   0029  mov r8d,esi
;;   002c  mov r9d,[rbp+18h]
;;   0033  mov r10d,[rbp+20h]
;;   003a  cmp qword ptr [r15+48h],0
;;   003f  jne func[0]+1A4h
;;   0045  mov [rsp],r8d
;;   004d  mov [rsp+8],r9d
;;   0055  mov [rsp+10h],r10d
;;   005d  mov rsi,rsp
;;   0060  mov rdi,r15
;;   0063  mov eax,20h
;;   0068  call stubs+43Ah
;;   006d  test eax,eax
;;   006f  jne func[0]+190h
;;   0075  cmp qword ptr [r15+48h],0
;;   007a  jne func[0]+1AEh
;;   0080  mov [rsp],r8d
;;   0088  mov dword ptr [rsp+8],0
;;   0094  mov [rsp+10h],r10d
;;   009c  mov rsi,rsp
;;   009f  mov rdi,r15
;;   00a2  mov eax,18h
;;   00a7  call stubs+43Ah
;;   00ac  test eax,eax
;;   00ae  jne func[0]+195h
;;   00b4  cmp qword ptr [r15+48h],0
;;   00b9  jne func[0]+1B8h
;;   00bf  mov [rsp],r8d
;;   00c7  mov dword ptr [rsp+8],0
;;   00d3  mov dword ptr [rsp+10h],7
;;   00df  mov qword ptr [rsp+18h],0
;;   00eb  mov rsi,rsp
;;   00ee  mov rdi,r15
;;   00f1  mov eax,28h
;;   00f6  call stubs+43Ah
;;   00fb  test eax,eax
;;   00fd  jne func[0]+19Ah
;;   0103  cmp qword ptr [r15+48h],0
;;   0108  jne func[0]+1C2h
;;   010e  mov qword ptr [rsp],0
;;   011a  mov rsi,rsp
;;   011d  mov rdi,r15
;;   0120  mov eax,30h
;;   0125  call stubs+43Ah
;;   012a  test eax,eax
;;   012c  jne func[0]+19Fh
;;   0132  cmp qword ptr [r15+48h],0
;;   0137  jne func[0]+1CCh
;;   013d  mov rax,[r15+8]
;;   0144  mov rbx,[rax]
;;   014b  shr rbx,10h
;;   014f  mov eax,ebx
;;   0152  mov r8,[rbp-10h]
;;   0159  mov r9,[rbp-18h]
;;   0160  mov r10,[rbp-20h]
;;   0167  mov rsp,rbp
;;   016a  pop rbp
;;   016b  ret
;;   016c  mov rax,rsp
;;   016f  mov rsp,rbp
;;   0172  call stubs+1DAh
;;   0177  mov rsp,rax
;;   017a  cmp rsp,r12
;;   017d  jb func[0]+188h
;;   0183  jmp func[0]+14h
;;   0188  mov rsp,rbp
;;   018b  call stubs+55h
;;   0190  call stubs
;;   0195  call stubs
;;   019a  call stubs
;;   019f  call stubs
;;   01a4  call stubs+53Ah
;;   01a9  jmp func[0]+45h
;;   01ae  call stubs+53Ah
;;   01b3  jmp func[0]+80h
;;   01b8  call stubs+53Ah
;;   01bd  jmp func[0]+0BFh
;;   01c2  call stubs+53Ah
;;   01c7  jmp func[0]+10Eh
;;   01cc  call stubs+53Ah
;;   01d1  jmp func[0]+13Dh
;; ---- func[0]: instrumented module, instrumented version
;;   0000  mov r13,[r15+48h]
;;   0007  test r13,r13
;;   000a  je func[0]+45h
;;   0010  test byte ptr [r13],1
;;   0018  jne func[0].instrumented+24Dh
;;   001e  test byte ptr [r13],2
;;   0026  jne func[0].instrumented+261h
;;   002c  test byte ptr [r13],4
;;   0034  jne func[0].instrumented+275h
;;   003a  test byte ptr [r13],8
;;   0042  jne func[0].instrumented+289h
;;   0048  test byte ptr [r13],10h
;;   0050  jne func[0].instrumented+29Dh
;;   0056  mov [rsp],r8d
;;   005e  mov [rsp+8],r9d
;;   0066  mov [rsp+10h],r10d
;;   006e  mov rsi,rsp
;;   0071  mov rdi,r15
;;   0074  mov eax,20h
;;   0079  call stubs+439h
;;   007e  test eax,eax
;;   0080  jne func[0].instrumented+239h
;;   0086  mov r13,[r15+48h]
;;   008d  test r13,r13
;;   0090  je func[0]+80h
;;   0096  test byte ptr [r13],20h
;;   009e  jne func[0].instrumented+2B1h
;;   00a4  test byte ptr [r13],40h
;;   00ac  jne func[0].instrumented+2C5h
;;   00b2  test byte ptr [r13],80h
;;   00ba  jne func[0].instrumented+2D9h
;;   00c0  test byte ptr [r13+1],1
;;   00c8  jne func[0].instrumented+2EDh
;;   00ce  mov [rsp],r8d
;;   00d6  mov dword ptr [rsp+8],0
;;   00e2  mov [rsp+10h],r10d
;;   00ea  mov rsi,rsp
;;   00ed  mov rdi,r15
;;   00f0  mov eax,18h
;;   00f5  call stubs+439h
;;   00fa  test eax,eax
;;   00fc  jne func[0].instrumented+23Eh
;;   0102  mov r13,[r15+48h]
;;   0109  test r13,r13
;;   010c  je func[0]+0BFh
;;   0112  test byte ptr [r13+1],2
;;   011a  jne func[0].instrumented+301h
;;   0120  test byte ptr [r13+1],4
;;   0128  jne func[0].instrumented+315h
;;   012e  test byte ptr [r13+1],8
;;   0136  jne func[0].instrumented+329h
;;   013c  test byte ptr [r13+1],10h
;;   0144  jne func[0].instrumented+33Dh
;;   014a  mov [rsp],r8d
;;   0152  mov dword ptr [rsp+8],0
;;   015e  mov dword ptr [rsp+10h],7
;;   016a  mov qword ptr [rsp+18h],0
;;   0176  mov rsi,rsp
;;   0179  mov rdi,r15
;;   017c  mov eax,28h
;;   0181  call stubs+439h
;;   0186  test eax,eax
;;   0188  jne func[0].instrumented+243h
;;   018e  mov r13,[r15+48h]
;;   0195  test r13,r13
;;   0198  je func[0]+10Eh
;;   019e  test byte ptr [r13+1],20h
;;   01a6  jne func[0].instrumented+351h
;;   01ac  mov qword ptr [rsp],0
;;   01b8  mov rsi,rsp
;;   01bb  mov rdi,r15
;;   01be  mov eax,30h
;;   01c3  call stubs+439h
;;   01c8  test eax,eax
;;   01ca  jne func[0].instrumented+248h
;;   01d0  mov r13,[r15+48h]
;;   01d7  test r13,r13
;;   01da  je func[0]+13Dh
;;   01e0  test byte ptr [r13+1],40h
;;   01e8  jne func[0].instrumented+365h
;;   01ee  mov rax,[r15+8]
;;   01f5  mov rbx,[rax]
;;   01fc  shr rbx,10h
;;   0200  test byte ptr [r13+1],80h
;;   0208  jne func[0].instrumented+379h
;;   020e  test byte ptr [r13+2],1
;;   0216  jne func[0].instrumented+38Dh
;;   021c  mov eax,ebx
;;   021f  mov r8,[rbp-10h]
;;   0226  mov r9,[rbp-18h]
;;   022d  mov r10,[rbp-20h]
;;   0234  mov rsp,rbp
;;   0237  pop rbp
;;   0238  ret
;;   0239  call stubs
;;   023e  call stubs
;;   0243  call stubs
;;   0248  call stubs
;;   024d  mov rax,0
;;   0257  call func[0].instrumented+3A1h
;;   025c  jmp func[0].instrumented+1Eh
;;   0261  mov rax,1
;;   026b  call func[0].instrumented+3A1h
;;   0270  jmp func[0].instrumented+2Ch
;;   0275  mov rax,2
;;   027f  call func[0].instrumented+3A1h
;;   0284  jmp func[0].instrumented+3Ah
;;   0289  mov rax,3
;;   0293  call func[0].instrumented+3A1h
;;   0298  jmp func[0].instrumented+48h
;;   029d  mov rax,4
;;   02a7  call func[0].instrumented+3A1h
;;   02ac  jmp func[0].instrumented+56h
;;   02b1  mov rax,5
;;   02bb  call func[0].instrumented+3A1h
;;   02c0  jmp func[0].instrumented+0A4h
;;   02c5  mov rax,6
;;   02cf  call func[0].instrumented+3A1h
;;   02d4  jmp func[0].instrumented+0B2h
;;   02d9  mov rax,7
;;   02e3  call func[0].instrumented+3A1h
;;   02e8  jmp func[0].instrumented+0C0h
;;   02ed  mov rax,8
;;   02f7  call func[0].instrumented+3A1h
;;   02fc  jmp func[0].instrumented+0CEh
;;   0301  mov rax,9
;;   030b  call func[0].instrumented+3A1h
;;   0310  jmp func[0].instrumented+120h
;;   0315  mov rax,0Ah
;;   031f  call func[0].instrumented+3A1h
;;   0324  jmp func[0].instrumented+12Eh
;;   0329  mov rax,0Bh
;;   0333  call func[0].instrumented+3A1h
;;   0338  jmp func[0].instrumented+13Ch
;;   033d  mov rax,0Ch
;;   0347  call func[0].instrumented+3A1h
;;   034c  jmp func[0].instrumented+14Ah
;;   0351  mov rax,0Dh
;;   035b  call func[0].instrumented+3A1h
;;   0360  jmp func[0].instrumented+1ACh
;;   0365  mov rax,0Eh
;;   036f  call func[0].instrumented+3A1h
;;   0374  jmp func[0].instrumented+1EEh
;;   0379  mov rax,0Fh
;;   0383  call func[0].instrumented+3A1h
;;   0388  jmp func[0].instrumented+20Eh
;;   038d  mov rax,10h
;;   0397  call func[0].instrumented+3A1h
;;   039c  jmp func[0].instrumented+21Ch
;;   03a1  sub rsp,8
;;   03a5  push rax
;;   03a6  call stubs+539h
;;   03ab  add rsp,8
;;   03af  mov r13,[r15+48h]
;;   03b6  test r13,r13
;;   03b9  jne func[0].instrumented+3C6h
;;   03bf  lea r13,[stubs+7B1h]
;;   03c6  ret
