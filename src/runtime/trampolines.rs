//! Engine-wide trampolines, generated once per process into their own code mapping:
//!
//! - `entry`: called from Rust (`runtime::entry::call_wasm`); saves the SysV callee-saved
//!   registers, pins the thread's stack limit in r12, copies the argument slots into a wasm outgoing area, records the
//!   activation's resume point (rsp/rbp) for traps, calls the wasm function (with the
//!   first argument slot also in rsi, see `compiler::codegen::calls`) and copies the
//!   result slots back. Traps "return" to the same point with rsp/rbp restored.
//! - `host_call`: the code pointer of every host function; it passes the wasm argument
//!   area to `HostFuncCtx::callback` and loads the first result into rax and xmm0 (the
//!   caller reads whichever its signature says).
//! - `tail_return`: where the callee of a tail-call frame returns
//!   (`compiler::codegen::calls`, "DESIGN: tail calls"; `abi::frame::tail_frame`): it
//!   moves the results after the first from the frame's argument area to the caller's
//!   area, restores the caller's context (vmctx, memory base, r12's flags) and returns
//!   to the caller.

#![allow(clippy::useless_conversion)] // dynasm's register macros convert their (already u8) register numbers.

use crate::abi::frame::{ARGS, RESUME_RBP, RESUME_RSP};
use crate::abi::vmctx::{header, HOST_CALLBACK};
use crate::code_memory::CodeMemory;
use crate::runtime::activation::Activation;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use std::sync::OnceLock;

/// First result registers of a wasm function (SysV returns this struct in rax:xmm0).
/// `call_wasm` adds xmm0's upper half, which the entry trampoline leaves in the
/// activation, for a `v128` first result.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct WasmReturn {
    pub rax: u64,
    pub xmm0: f64,
}

/// The first-result registers of a call that returned: `WasmReturn` and xmm0's upper
/// half.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Returned {
    pub rax: u64,
    /// xmm0, all 128 bits.
    pub xmm0: u128,
}

impl Returned {
    /// The low 64 bits of xmm0 (a float first result).
    pub fn xmm0_low(&self) -> u64 {
        self.xmm0 as u64
    }
}

/// `entry(vmctx, code, slots, slot_count, activation, stack_limit)`.
pub(crate) type EntryFn =
    unsafe extern "C" fn(*mut u8, *const u8, *mut u64, usize, *mut Activation, usize) -> WasmReturn;

pub(crate) struct Trampolines {
    _code: CodeMemory,
    pub entry: EntryFn,
    /// The entry trampoline with convention canaries (`Config::convention_canaries`).
    pub entry_canaries: EntryFn,
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
    emit_entry(&mut asm, false);
    let entry_canaries = asm.offset();
    emit_entry(&mut asm, true);
    let host = asm.offset();
    emit_host_call(&mut asm);
    let tail_return = asm.offset();
    emit_tail_return(&mut asm);
    let bytes = asm.finalize().expect("trampolines assemble");
    let code = CodeMemory::publish(&bytes, None).expect("trampoline code can be mapped");
    // SAFETY: `entry` is the offset of the entry trampoline in the published mapping, whose
    // code follows the `EntryFn` signature; the mapping lives in a static forever.
    let entry_fn: EntryFn = unsafe { std::mem::transmute(code.base().add(entry.0)) };
    // SAFETY: as above, for the canary variant, which has the same signature.
    let entry_canaries_fn: EntryFn =
        unsafe { std::mem::transmute(code.base().add(entry_canaries.0)) };
    // SAFETY: as above, for the host-call trampoline.
    let host_call = unsafe { code.base().add(host.0) };
    let tail_return = code.base() as usize + tail_return.0;
    crate::runtime::frame_chain::set_tail_return(tail_return);
    Trampolines {
        _code: code,
        entry: entry_fn,
        entry_canaries: entry_canaries_fn,
        host_call,
    }
}

/// Emits the tail-return trampoline. It is entered by the `ret` of a tail-call frame's
/// callee: rsp is the bottom of the frame's argument area, which holds results 1.. (the
/// first is in rax or xmm0, untouched), and rbp the frame's.
fn emit_tail_return(asm: &mut dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>) {
    use crate::abi::frame::tail_frame::{RESULT_UNITS, VMCTX};
    dynasm!(asm
        ; .arch x64
        ; mov rcx, [rbp + RESULT_UNITS]
        ; xor edx, edx
        ; copy:
        ; cmp rdx, rcx
        ; jae >copied
        ; mov r15, [rsp + rdx * 8]
        ; mov [rbp + ARGS + rdx * 8], r15
        ; inc rdx
        ; jmp <copy
        ; copied:
        // The caller's context, as after a call into another context (`codegen::calls`,
        // `restore_context`).
        ; mov r15, [rbp + VMCTX]
        ; mov r14, [r15 + header::MEM_BASE]
        ; shl r12, 2
        ; shr r12, 2
        ; or r12, [r15 + header::DEBUG_BITS]
        ; mov rsp, rbp
        ; pop rbp
        ; ret
    );
}

/// Emits the entry trampoline; with `canaries`, the variant that fills the wasm
/// callee-saved registers with canaries before the call and, unless the call trapped,
/// records in the activation whether any came back changed (`compiler::codegen::calls`,
/// "DESIGN: convention canaries").
fn emit_entry(asm: &mut dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>, canaries: bool) {
    use crate::abi::regs::{
        canary, check_xmm_canary, fill_xmm_canary, CALLEE_SAVED_GPRS, CALLEE_SAVED_XMMS,
    };
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
        ; push r8             // activation [rbp - 64] (and 16-byte alignment)
        ; mov r15, rdi
        ; mov r14, [r15 + header::MEM_BASE]
        ; mov r12, r9
        // Entering the instance from outside ("DESIGN: entries through the stack limit").
        ; or r12, [r15 + header::ENTRY_BITS]
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
        ; mov [r8 + Activation::RESUME_OFFSET + RESUME_RSP], rax
        ; mov [r8 + Activation::RESUME_OFFSET + RESUME_RBP], rbp
        // The wasm convention: rsi carries a copy of the first argument slot.
        ; mov rax, rsi
        ; mov rsi, [rsp]
    );
    if canaries {
        for &r in &CALLEE_SAVED_GPRS {
            dynasm!(asm ; .arch x64 ; mov Rq(r), canary(r));
        }
        for &x in &CALLEE_SAVED_XMMS {
            fill_xmm_canary(asm, x);
        }
    }
    dynasm!(asm ; .arch x64 ; call rax);
    if canaries {
        let trapped = Activation::TRAPPED_OFFSET;
        let violated = Activation::CONVENTION_VIOLATED_OFFSET;
        dynasm!(asm
            ; .arch x64
            ; mov rdx, [rbp - 64]
            ; cmp BYTE [rdx + trapped], 0
            ; jne >checked
        );
        for &r in &CALLEE_SAVED_GPRS {
            dynasm!(asm ; .arch x64 ; cmp Rq(r), canary(r) ; jne >broken);
        }
        for &x in &CALLEE_SAVED_XMMS {
            // All 128 bits; rdx holds the activation, kept in rcx meanwhile.
            dynasm!(asm ; .arch x64 ; mov rcx, rdx);
            check_xmm_canary(asm, x);
            dynasm!(asm ; .arch x64 ; mov rdx, rcx ; jne >broken);
        }
        dynasm!(asm
            ; .arch x64
            ; jmp >checked
            ; broken:
            ; mov BYTE [rdx + violated], 1
            ; checked:
        );
    }
    dynasm!(asm
        ; .arch x64
        // xmm0's upper half for a v128 first result (`Activation::xmm0_high`).
        ; mov rdx, [rbp - 64]
        ; movhps QWORD [rdx + Activation::XMM0_HIGH_OFFSET], xmm0
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
}

/// Bytes the host-call trampoline reserves below its rbp: the block where it saves the
/// callee-saved registers, a multiple of 16 to keep rsp aligned for the call.
const HOST_CALL_AREA: i32 =
    (crate::abi::regs::CALLEE_SAVED_BLOCK as u32).next_multiple_of(16) as i32;

/// rbp-relative displacement, in the host-call trampoline's frame, of its block of the
/// caller's callee-saved registers (`abi::regs::emit_callee_saved_block`'s layout): the
/// debugger reads a wasm caller's pinned locals there while a host function runs.
pub(crate) const HOST_CALL_SAVED: i32 = -HOST_CALL_AREA;

/// Emits the host-call trampoline. The wasm callee-saved registers
/// (`abi::regs::CALLEE_SAVED_GPRS`/`CALLEE_SAVED_XMMS`) are caller-saved for Rust,
/// so it saves them around the host callback, in a block at `HOST_CALL_SAVED`.
fn emit_host_call(asm: &mut dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>) {
    use crate::abi::regs::{emit_callee_saved_block, RBP};
    dynasm!(asm
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; sub rsp, HOST_CALL_AREA
    );
    emit_callee_saved_block(asm, RBP, HOST_CALL_SAVED, false);
    dynasm!(asm
        ; .arch x64
        ; mov rdi, r15
        ; lea rsi, [rbp + ARGS]
        ; mov rdx, rbp
        ; call QWORD [r15 + HOST_CALLBACK]
        ; test rax, rax
        ; jnz >trapped
    );
    emit_callee_saved_block(asm, RBP, HOST_CALL_SAVED, true);
    dynasm!(asm
        ; .arch x64
        // The first result in rax and, whole, in xmm0 (a float uses its low half, a
        // vector both; the 8 bytes past a one-unit area are the caller's frame).
        ; mov rax, [rbp + ARGS]
        ; movdqu xmm0, [rbp + ARGS]
        ; mov rsp, rbp
        ; pop rbp
        ; ret
        // A trap, or an exception thrown on: the landing the host returned
        // (`abi::frame::Landing`).
        ; trapped:
    );
    crate::abi::frame::emit_jump_to_landing(asm);
}
