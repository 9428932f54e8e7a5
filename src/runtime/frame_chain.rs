//! Walking the rbp chain of wasm frames: the one step from a frame to its caller, which
//! steps over a tail-call frame (`abi::frame::tail_frame`, "DESIGN: tail calls" in
//! `compiler::codegen::calls`). Trap backtraces, the debugger's walk and the
//! redirection of suspended frames all step through `caller_of`. It also holds the
//! address of the tail-return trampoline (`runtime::trampolines`), which tells a
//! tail-call frame's callee by its return address; compiled code finds it through the
//! libcall table.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The address of the tail-return trampoline (0 until the trampolines are generated,
/// before any wasm code runs).
pub(crate) static TAIL_RETURN: AtomicUsize = AtomicUsize::new(0);

/// Records where the tail-return trampoline is (`runtime::trampolines`).
pub(crate) fn set_tail_return(address: usize) {
    TAIL_RETURN.store(address, Ordering::Release);
}

/// The caller of the frame at `fp`: its return address and frame pointer, past a
/// tail-call frame (`abi::frame::tail_frame`) if the frame returns into one, with that
/// frame's rbp. Every walk of the rbp chain steps through this.
///
/// # Safety
///
/// `fp` is the frame pointer of a live frame that keeps an rbp chain (a wasm frame or a
/// trampoline's) on this thread's stack, or of a stopped thread's.
pub(crate) unsafe fn caller_of(fp: usize) -> Caller {
    use crate::abi::frame::RETURN_ADDRESS;
    // SAFETY: the frame keeps its caller's rbp at [fp] and its return address at [fp + 8].
    let (ret, next) = unsafe {
        (
            *((fp + RETURN_ADDRESS as usize) as *const usize),
            *(fp as *const usize),
        )
    };
    if ret != 0 && ret == TAIL_RETURN.load(Ordering::Acquire) {
        // SAFETY: a tail-call frame is an rbp frame too, above its callee's.
        let (ret, above) = unsafe {
            (
                *((next + RETURN_ADDRESS as usize) as *const usize),
                *(next as *const usize),
            )
        };
        return Caller {
            ret,
            fp: above,
            tail_frame: Some(next),
        };
    }
    Caller {
        ret,
        fp: next,
        tail_frame: None,
    }
}

/// What `caller_of` finds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Caller {
    /// The return address into the caller.
    pub ret: usize,
    /// The caller's frame pointer.
    pub fp: usize,
    /// The rbp of the tail-call frame between the frame and its caller, if there is one.
    pub tail_frame: Option<usize>,
}
