//! Engine-wide trampolines, generated once per process into their own code mapping:
//!
//! - `entry`: called from Rust (`activation::call_wasm`); saves the SysV callee-saved
//!   registers, pins the thread's stack limit in r12, copies the argument slots into a wasm outgoing area, records the
//!   activation's resume point (rsp/rbp) for traps, calls the wasm function (with the
//!   first argument slot also in rsi, see `compiler::codegen::calls`) and copies the
//!   result slots back. Traps "return" to the same point with rsp/rbp restored.
//! - `host_call`: the code pointer of every host function; it passes the wasm argument
//!   area to `HostFuncCtx::callback` and loads the first result into rax and xmm0 (the
//!   caller reads whichever its signature says).

use crate::code_memory::CodeMemory;
use crate::runtime::activation::Activation;
use crate::runtime::vmctx::header;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use std::sync::OnceLock;

/// First result registers of a wasm function (SysV returns this struct in rax:xmm0).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct WasmReturn {
    pub rax: u64,
    pub xmm0: f64,
}

/// `entry(vmctx, code, slots, slot_count, activation, stack_limit)`.
pub(crate) type EntryFn =
    unsafe extern "C" fn(*mut u8, *const u8, *mut u64, usize, *mut Activation, usize) -> WasmReturn;

/// Offset of the host callback pointer in a `HostFuncCtx` (after the shared header words).
pub(crate) const HOST_CALLBACK: i32 = 24;

pub(crate) struct Trampolines {
    _code: CodeMemory,
    pub entry: EntryFn,
    pub host_call: *const u8,
}

// SAFETY: the trampolines are immutable executable code, shared read-only by all threads.
unsafe impl Send for Trampolines {}
// SAFETY: as above.
unsafe impl Sync for Trampolines {}

static TRAMPOLINES: OnceLock<Trampolines> = OnceLock::new();

/// The process's trampolines (generated on first use).
pub(crate) fn trampolines() -> &'static Trampolines {
    TRAMPOLINES.get_or_init(generate)
}

fn generate() -> Trampolines {
    let mut asm = dynasmrt::VecAssembler::<dynasmrt::x64::X64Relocation>::new(0);
    let entry = asm.offset();
    dynasm!(asm
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; push rbx
        ; push r12
        ; push r13
        ; push r14
        ; push r15
        ; push rdx            // slots      [rbp - 48]
        ; push rcx            // slot count [rbp - 56]
        ; sub rsp, 8          // keep 16-byte alignment
        ; mov r15, rdi
        ; mov r14, [r15 + header::MEM_BASE]
        ; mov r12, r9
        ; lea rax, [rcx * 8 + 15]
        ; and rax, -16
        ; sub rsp, rax
        ; xor eax, eax
        ; copy_in:
        ; cmp rax, rcx
        ; jae >copied_in
        ; mov r9, [rdx + rax * 8]
        ; mov [rsp + rax * 8], r9
        ; inc rax
        ; jmp <copy_in
        ; copied_in:
        // Traps resume by returning through the address the call below pushes.
        ; lea rax, [rsp - 8]
        ; mov [r8], rax
        ; mov [r8 + 8], rbp
        // The wasm convention: rsi carries a copy of the first argument slot.
        ; mov rax, rsi
        ; mov rsi, [rsp]
        ; call rax
        ; mov rdx, [rbp - 48]
        ; mov rcx, [rbp - 56]
        ; xor r9d, r9d
        ; copy_out:
        ; cmp r9, rcx
        ; jae >copied_out
        ; mov r10, [rsp + r9 * 8]
        ; mov [rdx + r9 * 8], r10
        ; inc r9
        ; jmp <copy_out
        ; copied_out:
        ; lea rsp, [rbp - 40]
        ; pop r15
        ; pop r14
        ; pop r13
        ; pop r12
        ; pop rbx
        ; pop rbp
        ; ret
    );
    let host = asm.offset();
    dynasm!(asm
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        // The pinned-local registers (`compiler::regs::PINNED_GPRS`/`PINNED_XMMS`) are
        // callee-saved for wasm callers but not for Rust.
        ; sub rsp, 96
        ; mov [rsp], r8
        ; mov [rsp + 8], r9
        ; mov [rsp + 16], r10
        ; mov [rsp + 24], r11
        ; movsd QWORD [rsp + 32], xmm6
        ; movsd QWORD [rsp + 40], xmm7
        ; movsd QWORD [rsp + 48], xmm8
        ; movsd QWORD [rsp + 56], xmm9
        ; movsd QWORD [rsp + 64], xmm10
        ; movsd QWORD [rsp + 72], xmm11
        ; movsd QWORD [rsp + 80], xmm12
        ; movsd QWORD [rsp + 88], xmm13
        ; mov rdi, r15
        ; lea rsi, [rbp + 16]
        ; mov rdx, rbp
        ; call QWORD [r15 + HOST_CALLBACK]
        ; test rax, rax
        ; jnz >trapped
        ; mov r8, [rsp]
        ; mov r9, [rsp + 8]
        ; mov r10, [rsp + 16]
        ; mov r11, [rsp + 24]
        ; movsd xmm6, QWORD [rsp + 32]
        ; movsd xmm7, QWORD [rsp + 40]
        ; movsd xmm8, QWORD [rsp + 48]
        ; movsd xmm9, QWORD [rsp + 56]
        ; movsd xmm10, QWORD [rsp + 64]
        ; movsd xmm11, QWORD [rsp + 72]
        ; movsd xmm12, QWORD [rsp + 80]
        ; movsd xmm13, QWORD [rsp + 88]
        ; mov rax, [rbp + 16]
        ; movq xmm0, rax
        ; mov rsp, rbp
        ; pop rbp
        ; ret
        ; trapped:
        ; mov rsp, [rax]
        ; mov rbp, [rax + 8]
        ; ret
    );
    let bytes = asm.finalize().expect("trampolines assemble");
    let code = CodeMemory::publish(&bytes, None).expect("trampoline code can be mapped");
    // SAFETY: `entry` is the offset of the entry trampoline in the published mapping, whose
    // code follows the `EntryFn` signature; the mapping lives in a static forever.
    let entry_fn: EntryFn = unsafe { std::mem::transmute(code.base().add(entry.0)) };
    // SAFETY: as above, for the host-call trampoline.
    let host_call = unsafe { code.base().add(host.0) };
    Trampolines {
        _code: code,
        entry: entry_fn,
        host_call,
    }
}
