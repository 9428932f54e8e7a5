//! Moves suspended plain-version frames to their instrumented versions by rewriting the
//! return addresses they will return to, when a debugger changes what an instance
//! debugs.
//!
//! // DESIGN: after-call transfers by return address
//! A plain version switches to its instrumented version at transfer points (see
//! `compiler::codegen::breakable`). The point after a call matters when the debugger
//! starts debugging a function while a call it made is running (a breakpoint set, a
//! step out, a pause): the caller must go on in its instrumented version. Instead of a
//! test of the function's word after every call, the compiler records, for each call
//! from a plain version to wasm code, the return address and the point's transfer path
//! (`CompiledCode::after_calls`; `compiler::codegen::breakable`, "DESIGN: transfer
//! paths"), and the host rewrites the return addresses of the frames on the stack
//! whenever function words changed since it last looked: after a debug stop (the
//! handler may have changed them), in the interrupt that another thread's request sends
//! (`runtime::interrupt`), and when a host function returns to wasm. Frames are
//! redirected whatever their function's word says: the path goes to the instrumented
//! version if it is compiled, whose transfer point reloads the word and goes straight
//! back to the plain version when it is 0 or 1, or asks the host, which compiles
//! nothing for a function this instance does not debug; a needless redirect costs a
//! few instructions or one host call. This is data on the thread's own stack, never
//! code; calls into another instance (whose return address precedes the context
//! restore) and calls to host functions keep the word test.
//!
//! Why not a test after every call: on a busy machine those tests were most of the cost
//! of an instrumented module with no debugger (benches/RESULTS.md, "After-call transfers
//! by return address").

use crate::abi::frame::RETURN_ADDRESS;
use crate::code_memory;
use crate::runtime::activation;
use crate::runtime::instance::instance_of;
use std::sync::atomic::{AtomicU64, Ordering};

/// Return addresses redirected so far, in the whole process (for tests that must know a
/// redirect happened: `crate::redirected_return_addresses`).
static REDIRECTED: AtomicU64 = AtomicU64::new(0);

/// How many suspended frames' return addresses have been redirected in this process.
pub(crate) fn redirected() -> u64 {
    REDIRECTED.load(Ordering::SeqCst)
}

/// The `transfer` libcall, called by the transfer stub from a plain version's transfer
/// path (`compiler::codegen::breakable`, "DESIGN: transfer paths"): if this instance
/// debugs the function, compiles its instrumented version if no thread has, and rewrites
/// the stub's return address to the instrumented version's matching point. Otherwise
/// (or if the version cannot be compiled: then the function runs undebugged) the stub
/// returns to the path, which goes on in the plain version.
///
/// # Safety
///
/// Called only by the transfer stub of compiled code: `vmctx` is the calling instance's
/// context and `return_slot` the stub's return address slot, on a thread inside
/// `call_wasm`.
pub(crate) unsafe extern "C" fn transfer_libcall(vmctx: *mut u8, return_slot: *mut usize) {
    // SAFETY: called from this instance's code with its own vmctx.
    let instance = unsafe { instance_of(vmctx) };
    let module = &instance.module;
    // SAFETY: the stub passes its own return address slot, on this thread's stack.
    let returned = unsafe { *return_slot };
    let Some((defined, point)) = module.code.transfer_at(returned) else {
        return;
    };
    let func = module.info.num_imported_funcs + defined;
    // 0 or 1: not debugged (`abi::regs`, "DESIGN: entries through the stack limit").
    if instance.func_bits(func).load(Ordering::Acquire) <= 1 {
        return;
    }
    if let Ok(version) = module.instrumented(defined) {
        // SAFETY: as above; the stub returns to the instrumented version's point, where
        // every value is where the plain version's point has it.
        unsafe { *return_slot = version.transfers[point as usize] };
    }
}

/// If function words changed since this thread's current activation last looked,
/// redirects every plain after-call return address in the wasm frames from `fp` up to
/// the activation's entry.
///
/// # Safety
/// `fp` must be the frame pointer of a live wasm frame (or of the host-call trampoline
/// called from wasm) of this thread's current activation.
pub(crate) unsafe fn redirect_if_changed(fp: usize) {
    let now = activation::debug_generation();
    let act = activation::current();
    // SAFETY: the current activation lives further up this thread's stack.
    if act.is_null() || unsafe { !(*act).take_generation(now) } {
        return;
    }
    let mut fp = fp;
    while fp != 0 {
        // SAFETY: wasm frames and trampolines keep rbp chains (caller's rbp at [fp],
        // return address at [fp + 8]); the walk stops at the first return address outside
        // wasm code, the entry trampoline's. The frames are suspended below this call, so
        // writing a return address changes only where that frame's callee returns.
        unsafe {
            let caller = crate::runtime::frame_chain::caller_of(fp);
            // The slot holding the return address into the caller: the tail-call
            // frame's, if the frame returns into one.
            let ret_slot =
                (caller.tail_frame.unwrap_or(fp) + RETURN_ADDRESS as usize) as *mut usize;
            let ret = caller.ret;
            if !code_memory::is_wasm_pc(ret) {
                break;
            }
            if let Some(target) =
                code_memory::with_owner(ret, |owner, _| owner.instrumented_return(ret)).flatten()
            {
                *ret_slot = target;
                REDIRECTED.fetch_add(1, Ordering::SeqCst);
            }
            fp = caller.fp;
        }
    }
}
