//! Requests to stop an instance's calls: the embedder's interrupt
//! (`api::instance::InterruptHandle`) and the epoch deadline
//! (`Instance::set_epoch_deadline`, `Engine::increment_epoch`).
//!
//! A request is data of one instance, read where the code already goes out of line for
//! another thread's requests: the slow path of a failed stack-limit check, at a function
//! entry or a loop head (`runtime::interrupt`, "DESIGN: interrupts through the stack
//! limit", which also says how a running loop is made to take it); in a plain module's
//! loop that cannot call out, wherever the interrupt signal lands ("DESIGN: interrupts
//! in loops without calls"); and where a call enters wasm from the host and a host
//! function returns to wasm. A request found there
//! ends the running call with `TrapKind::Interrupted`.
//!
//! Which calls a request stops: one that runs code of the instance, and one that entered
//! wasm through the instance (an export of it called by the host), wherever its code is
//! now (in another instance it imported, say). An interrupt stays requested until a call
//! traps for it (so one that arrives before its call has entered wasm is not lost: that
//! call traps at once); an epoch deadline stops every call until it is moved.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// One instance's stop requests.
#[derive(Debug)]
pub(crate) struct StopRequests {
    interrupted: AtomicBool,
    /// The engine's epoch at which the instance's calls stop (`u64::MAX`: never).
    deadline: AtomicU64,
    /// The engine's epoch counter.
    epoch: Arc<AtomicU64>,
}

impl StopRequests {
    /// No requests, with the epoch counter of the instance's engine.
    pub fn new(epoch: Arc<AtomicU64>) -> StopRequests {
        StopRequests {
            interrupted: AtomicBool::new(false),
            deadline: AtomicU64::new(u64::MAX),
            epoch,
        }
    }

    /// Requests that the next (or the running) call stop.
    pub fn interrupt(&self) {
        self.interrupted.store(true, Ordering::SeqCst);
    }

    /// Calls stop once the engine's epoch has advanced `ticks` past its value now.
    pub fn set_epoch_deadline(&self, ticks: u64) {
        let now = self.epoch.load(Ordering::SeqCst);
        self.deadline
            .store(now.saturating_add(ticks), Ordering::SeqCst);
    }

    /// Calls no longer stop for the epoch.
    pub fn clear_epoch_deadline(&self) {
        self.deadline.store(u64::MAX, Ordering::SeqCst);
    }

    /// Whether a call must stop now.
    pub fn due(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
            || self.epoch.load(Ordering::SeqCst) >= self.deadline.load(Ordering::SeqCst)
    }

    /// A call trapped for the requests: the interrupt is answered (the deadline stays).
    pub fn answered(&self) {
        self.interrupted.store(false, Ordering::SeqCst);
    }
}
