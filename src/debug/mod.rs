//! Zero-copy debugging: per-instance breakpoint state, the hook compiled code calls at a
//! hit site, the frame view handed to the embedder, and the public `Debugger` handle.
//!
//! The mechanism in compiled code is described at `compiler::codegen::breakable`
//! ("DESIGN: breakable points"). Everything here is data in one instance: setting a
//! breakpoint writes a bit and a flag byte; no code is copied, patched or re-protected,
//! and other instances of the module never see it.

pub(crate) mod frame;
pub(crate) mod handle;
pub(crate) mod hook;
pub(crate) mod redirect;
pub(crate) mod state;

pub use crate::abi::sites::SiteKind;
pub use frame::Frame;
pub use handle::{Breakpoint, BreakpointId, DebugEvent, Debugger, Resume};
