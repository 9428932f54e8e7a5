//! Entering wasm from the host: one activation per call, the thread registered for
//! interrupts while it runs wasm, and the entry trampoline.

use crate::runtime::activation::Activation;
use crate::runtime::instance::instance_of;
use crate::runtime::interrupt;
use crate::runtime::stop::StopRequests;
use crate::runtime::trampolines::{trampolines, Returned};
use crate::trap::{Trap, TrapKind};

/// Calls wasm code `code` with context `vmctx`. `slots` holds the arguments on entry and
/// the results (from index 1; index 0 comes back in the registers) on return; it must
/// have room for max(params, results) values. With `canaries`, the entry trampoline
/// checks the convention canaries (`Config::convention_canaries`).
///
/// # Safety
/// `code` must be a wasm function entry whose signature matches the slots, and `vmctx`
/// its live instance's context.
pub(crate) unsafe fn call_wasm(
    vmctx: *mut u8,
    code: *const u8,
    slots: &mut [u64],
    max_wasm_stack: usize,
    canaries: bool,
) -> Result<Returned, Trap> {
    // SAFETY: the caller guarantees `vmctx` is a live instance's context; the instance
    // (and so its stop requests) outlives the call.
    let stops: *const StopRequests = unsafe { &**instance_of(vmctx).stops() };
    let mut act = Activation::for_call(max_wasm_stack, stops);
    act.enter();
    // Listed as running wasm before the stop requests are read: a request made from now
    // on signals this thread, one made before is seen here (both sides use sequentially
    // consistent atomics).
    interrupt::enter();
    if interrupt::stop_due(None) {
        // Requested before the call entered wasm: it stops at once (`runtime::stop`).
        interrupt::answer_stops(None);
        interrupt::leave();
        act.leave();
        return Err(Trap::new(TrapKind::Interrupted, Vec::new()));
    }
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
    let returned = Returned {
        rax: ret.rax,
        xmm0: u128::from(ret.xmm0.to_bits()) | u128::from(act.xmm0_high()) << 64,
    };
    act.outcome().map(|()| returned)
}
