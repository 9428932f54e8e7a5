//! The module's shared stubs, one copy per chunk of code: the interrupt stub (the slow
//! path of a failed stack check), the transfer stub (a plain version asking to go on in
//! its instrumented version), the debug stub (a site that may stop), the host-helper
//! stub (every call from wasm code into a libcall or helper), and the bytes an
//! instrumented version reads when its function is no longer debugged. The trap stubs
//! are `traps`.

use super::Asm;
use crate::abi::frame::{saved_gpr, saved_xmm, RESUME_RBP, RESUME_RSP, SAVE_AREA};
use crate::abi::regs::{emit_callee_saved_block, CALLEE_SAVED_BLOCK, RSP, STACK_LIMIT};
use crate::abi::vmctx::header;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// Stores every GPR (but rsp) and the low 64 bits of every xmm register into the save
/// area at `[rsp]`, indexed by register number (xmm at 16 + number).
pub(crate) fn emit_save_registers(asm: &mut Asm) {
    for r in 0..16u8 {
        if r != 4 {
            dynasm!(asm ; .arch x64 ; mov [rsp + 8 * saved_gpr(r) as i32], Rq(r));
        }
    }
    for x in 0..16u8 {
        dynasm!(asm ; .arch x64 ; movdqu [rsp + 8 * saved_xmm(x) as i32], Rx(x));
    }
}

/// Loads every GPR (but rsp) and xmm register back from the save area at `[rsp]`.
fn emit_restore_registers(asm: &mut Asm) {
    for x in 0..16u8 {
        dynasm!(asm ; .arch x64 ; movdqu Rx(x), [rsp + 8 * saved_xmm(x) as i32]);
    }
    for r in 0..16u8 {
        if r != 4 {
            dynasm!(asm ; .arch x64 ; mov Rq(r), [rsp + 8 * saved_gpr(r) as i32]);
        }
    }
}

/// Emits the module's interrupt stub, called by the slow path of a failed stack check
/// (`runtime::interrupt`): saves every register, calls the `interrupt` libcall, and
/// returns with every register as it was except r12, which gets the real stack limit.
pub(crate) fn emit_interrupt_stub(asm: &mut Asm, label: DynamicLabel) {
    use crate::abi::libcalls::offsets as libcall;
    // Called with rsp 8 below 16-byte alignment; the pad restores it for the host call.
    dynasm!(asm ; .arch x64 ; =>label ; sub rsp, SAVE_AREA + 8);
    emit_save_registers(asm);
    dynasm!(asm
        ; .arch x64
        ; mov rdi, r15
        ; mov rsi, rbp
        ; mov rax, [r15 + header::LIBCALLS]
        ; call QWORD [rax + libcall::INTERRUPT]
        ; mov [rsp + 8 * saved_gpr(STACK_LIMIT) as i32], rax
    );
    emit_restore_registers(asm);
    dynasm!(asm
        ; .arch x64
        ; add rsp, SAVE_AREA + 8
        ; ret
    );
}

/// Emits the module's transfer stub, which a plain version's transfer path calls
/// (`breakable`, "DESIGN: transfer paths"): saves every register and calls the `transfer`
/// libcall with (vmctx, the address of its own return address). The host rewrites that
/// return address to the instrumented version's point when the function is debugged;
/// otherwise the stub returns to the path, which goes on in the plain version.
pub(crate) fn emit_transfer_stub(asm: &mut Asm, label: DynamicLabel) {
    use crate::abi::libcalls::offsets as libcall;
    // Called with rsp 8 below 16-byte alignment; the pad restores it for the host call.
    dynasm!(asm ; .arch x64 ; =>label ; sub rsp, SAVE_AREA + 8);
    emit_save_registers(asm);
    dynasm!(asm
        ; .arch x64
        ; mov rdi, r15
        ; lea rsi, [rsp + SAVE_AREA + 8]
        ; mov rax, [r15 + header::LIBCALLS]
        ; call QWORD [rax + libcall::TRANSFER]
    );
    emit_restore_registers(asm);
    dynasm!(asm
        ; .arch x64
        ; add rsp, SAVE_AREA + 8
        ; ret
    );
}

/// Emits the module's debug stub: saves every register, calls the `debug_hook` libcall
/// with (vmctx, site, save area, frame pointer), restores the (possibly edited)
/// registers and returns past the pushed site id; or unwinds if the host aborts.
pub(crate) fn emit_debug_stub(asm: &mut Asm, label: DynamicLabel) {
    use crate::abi::libcalls::offsets as libcall;
    dynasm!(asm ; .arch x64 ; =>label ; sub rsp, SAVE_AREA);
    emit_save_registers(asm);
    let unwind = asm.new_dynamic_label();
    dynasm!(asm
        ; .arch x64
        ; mov rdi, r15
        ; mov rsi, [rsp + SAVE_AREA + 8]
        ; mov rdx, rsp
        ; mov rcx, rbp
        ; mov rax, [r15 + header::LIBCALLS]
        ; call QWORD [rax + libcall::DEBUG_HOOK]
        ; test rax, rax
        ; jnz =>unwind
    );
    emit_restore_registers(asm);
    dynasm!(asm
        ; .arch x64
        ; add rsp, SAVE_AREA
        ; ret 8
        ; =>unwind
        ; mov rsp, [rax + RESUME_RSP]
        ; mov rbp, [rax + RESUME_RBP]
        ; ret
    );
}

/// Emits `bytes` zero bytes at `label`: the bits an instrumented version reads when the
/// debugger stopped debugging its function mid-call.
pub(crate) fn emit_no_stops(asm: &mut Asm, label: DynamicLabel, bytes: usize) {
    dynasm!(asm ; .arch x64 ; .align 8 ; =>label);
    asm.extend(std::iter::repeat_n(0u8, bytes.max(8)));
}

/// Bytes the host-helper stub reserves: the callee-saved registers, plus padding so that
/// rsp is 16-byte aligned at the call into the host (the stub is entered 8 below).
const HELPER_STUB_FRAME: i32 = ((CALLEE_SAVED_BLOCK as u32 + 8).next_multiple_of(16) - 8) as i32;

/// Emits the module's host-helper stub: wasm code calls it with the libcall table offset
/// in eax and the helper's arguments in rdi, rsi (, rdx, rcx). Host code follows the SysV
/// convention, which does not preserve the wasm callee-saved registers (`regs`, "DESIGN:
/// register convention"), so the stub saves all of them, calls the helper and restores
/// them: every path from wasm code into the host keeps them (this stub for helpers and
/// libcalls, the host-call trampoline for imported host functions, the interrupt, debug
/// and trap stubs save every register).
pub(crate) fn emit_host_helper_stub(asm: &mut Asm, label: DynamicLabel) {
    dynasm!(asm ; .arch x64 ; =>label ; sub rsp, HELPER_STUB_FRAME);
    emit_callee_saved_block(asm, RSP, 0, false);
    dynasm!(asm
        ; .arch x64
        ; mov r10, [r15 + header::LIBCALLS]
        ; call QWORD [r10 + rax]
    );
    emit_callee_saved_block(asm, RSP, 0, true);
    dynasm!(asm
        ; .arch x64
        ; add rsp, HELPER_STUB_FRAME
        ; ret
    );
}

/// Emits the module's throw stub (`runtime::exceptions`, "DESIGN: exceptions"): wasm
/// code calls it with the libcall table offset (`THROW` or `THROW_REF`) in eax, the tag
/// index or the exception object in rsi and the payload area in rdx. It saves every
/// register (the save area a debugger reads at an uncaught exception), calls the
/// libcall with (vmctx, rsi, rdx, save area, rbp) and jumps to the landing it returns:
/// rsp, rbp and the pc from it, the exception object in rax.
pub(crate) fn emit_throw_stub(asm: &mut Asm, label: DynamicLabel) {
    // Called with rsp 8 below 16-byte alignment; the pad restores it for the host call.
    dynasm!(asm ; .arch x64 ; =>label ; sub rsp, SAVE_AREA + 8);
    emit_save_registers(asm);
    dynasm!(asm
        ; .arch x64
        ; mov rdi, r15
        ; mov rcx, rsp
        ; mov r8, rbp
        ; mov r9, [r15 + header::LIBCALLS]
        ; call QWORD [r9 + rax]
    );
    crate::abi::frame::emit_jump_to_landing(asm);
}
