//! How a trap travels from compiled code to the host.
//!
//! // DESIGN: traps
//! A trapping instruction jumps to an out-of-line `call stub_k` placed at its function's
//! end (so the return address identifies the site), where stub k sets eax to the code of
//! [`TrapKind`] k and jumps to the common tail; the tail saves every register (the save
//! area of `frame`), calls the `trap` libcall with the kind, the site and the frame
//! pointer, and the libcall records the trap and a backtrace in the thread's current
//! activation and returns its resume point; the tail resets rsp/rbp to it and returns
//! into the entry trampoline. No Rust frames are unwound. A host helper that traps
//! returns its trap code in eax and jumps to stub 0 (`DYNAMIC`), which keeps eax.
//!
//! Memory faults caught by the signal handler enter the same path: the handler pushes
//! the faulting pc + 1 (as a return address) and resumes at the out-of-bounds stub.

use crate::trap::TrapKind;

/// Stub 0: the kind is already in eax (a host helper returned it).
pub(crate) const DYNAMIC: usize = 0;

/// Number of trap stubs per chunk of code: one per trap code, and `DYNAMIC`.
pub(crate) const TRAP_STUBS: usize = TrapKind::MAX_CODE as usize + 1;
