//! Entering wasm from the host: one activation per call, the thread registered for
//! interrupts while it runs wasm, and the entry trampoline.

use crate::runtime::activation::Activation;
use crate::runtime::interrupt;
use crate::runtime::trampolines::{trampolines, WasmReturn};
use crate::trap::Trap;

/// Calls wasm code `code` with context `vmctx`. `slots` holds the arguments on entry and
/// the results (from index 1; index 0 comes back in the registers) on return; it must
/// have room for max(params, results) values. With `canaries`, the entry trampoline
/// checks the convention canaries (`Config::convention_canaries`).
///
/// # Safety
/// `code` must be a wasm function entry (or the host-call trampoline) whose signature
/// matches the slots, and `vmctx` a live context for it.
pub(crate) unsafe fn call_wasm(
    vmctx: *mut u8,
    code: *const u8,
    slots: &mut [u64],
    max_wasm_stack: usize,
    canaries: bool,
) -> Result<WasmReturn, Trap> {
    let mut act = Activation::for_call(max_wasm_stack);
    act.enter();
    interrupt::enter();
    let entry = if canaries {
        trampolines().entry_canaries
    } else {
        trampolines().entry
    };
    let stack_limit = act.stack_limit();
    // SAFETY: the caller guarantees code/vmctx/slots agree; the trampoline saves and
    // restores every callee-saved register and returns here on success and on traps.
    let ret = unsafe {
        entry(
            vmctx,
            code,
            slots.as_mut_ptr(),
            slots.len(),
            &mut act,
            stack_limit,
        )
    };
    interrupt::leave();
    act.leave();
    act.outcome().map(|()| ret)
}
