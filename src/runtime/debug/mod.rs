//! The run-time half of zero-copy debugging: per-instance debug state (the words and site
//! bits compiled code tests), the hook compiled code calls at a site that may stop, the
//! walk over a stopped thread's frames and the raw view of each (the redirection of suspended frames to their
//! instrumented versions is `runtime::redirect`). The public
//! `Debugger` handle and the typed methods of `Frame` are the API's (`api::debugger`,
//! `api::frame`).
//!
//! The mechanism in compiled code is described at `compiler::codegen::breakable`
//! ("DESIGN: breakable points"). Everything here is data in one instance: setting a
//! breakpoint writes a bit and a word; no code is copied, patched or re-protected, and
//! other instances of the module never see it.

pub(crate) mod frame;
pub(crate) mod hook;
pub(crate) mod state;
pub(crate) mod walk;
pub(crate) mod watch;

use crate::trap::Trap;

/// Identifies a breakpoint of one instance.
pub type BreakpointId = u32;

/// Why execution stopped.
#[derive(Clone, Debug)]
pub enum DebugEvent {
    /// A breakpoint was reached.
    Breakpoint(BreakpointId),
    /// A step finished.
    Step,
    /// A pause requested with `Debugger::pause` took effect.
    Pause,
    /// The code trapped; the trap returns to the host after the handler.
    Trap(Trap),
    /// A watchpoint saw an access; the stop is right after it.
    Watchpoint(watch::WatchHit),
    /// `throw` is throwing an exception, with `Debugger::set_stop_on_throw` on; the stop
    /// is at the `throw`. After the handler the exception goes on to its handler (or
    /// leaves the call, which a debugger then sees as a `Trap` of kind
    /// `UncaughtException`).
    Throw(ThrownException),
}

/// The exception of a `DebugEvent::Throw` (`ThrownException::exception` gives its tag
/// and payload).
#[derive(Clone, Debug)]
pub struct ThrownException(pub(crate) Trap);

impl DebugEvent {
    /// "breakpoint", "step", "pause", "trap", "watchpoint" or "throw".
    pub fn name(&self) -> &'static str {
        match self {
            DebugEvent::Breakpoint(_) => "breakpoint",
            DebugEvent::Step => "step",
            DebugEvent::Pause => "pause",
            DebugEvent::Trap(_) => "trap",
            DebugEvent::Watchpoint(_) => "watchpoint",
            DebugEvent::Throw(_) => "throw",
        }
    }
}

/// How to go on after a stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// Run until the next breakpoint or pause.
    Continue,
    /// Stop at the next site, entering calls.
    StepInto,
    /// Stop at the next site of this frame or a caller.
    StepOver,
    /// Stop at the next site of a caller.
    StepOut,
    /// End the call: it returns a trap of kind `DebuggerAbort`.
    Abort,
}
