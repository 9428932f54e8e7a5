//! Stopping an instance's calls from the host: [`InterruptHandle`], and the instance's
//! epoch deadline (`Instance::set_epoch_deadline` with `Engine::increment_epoch`).
//! The mechanism is `runtime::stop`.

use crate::runtime::stop::StopRequests;
use std::sync::Arc;

/// Stops an instance's running call from any thread (`Send + Sync`, cheap to clone; get
/// one with [`Instance::interrupt_handle`](crate::Instance::interrupt_handle)).
///
/// [`interrupt`](InterruptHandle::interrupt) makes the instance's running call trap with
/// [`TrapKind::Interrupted`](crate::TrapKind::Interrupted) at its next function entry or
/// loop iteration (in a plain module's loop that calls nothing, at the instruction it is
/// at), or when a host function it called returns, in plain and debuggable modules
/// alike; the instance stays usable. The call stopped is the one running the
/// instance's code or entered through one of its exports (also while it runs code of
/// another instance). With no call running, the next call traps as it starts: an
/// interrupt is answered by exactly one trap, so one sent just before a call begins is
/// never lost. A host function that waits (WASI's `poll_oneoff`, a blocking read) is not
/// cut short: the call stops when it returns.
#[derive(Clone, Debug)]
pub struct InterruptHandle {
    stops: Arc<StopRequests>,
}

impl InterruptHandle {
    pub(crate) fn new(stops: Arc<StopRequests>) -> InterruptHandle {
        InterruptHandle { stops }
    }

    /// Stops the instance's running call, or its next one (see the type's docs).
    pub fn interrupt(&self) {
        self.stops.interrupt();
        crate::runtime::interrupt::interrupt_running();
    }
}
