//! The ABI: every fact that compiled code, the runtime and the debugger must agree on,
//! stated once. The compiler emits code from these definitions, the runtime builds the
//! data that code reads from them, and the debugger decodes frames with them; where the
//! generated code relies on a Rust struct's layout, the offset is taken with `offset_of!`
//! or checked against it at compile time.
//!
//! - `regs`: the register convention (which register holds what, across calls and in
//!   every kind of function).
//! - `vmctx`: the instance context compiled code reaches through r15, and the structs it
//!   points to (function references, table and memory descriptors, host-function
//!   contexts).
//! - `frame`: the layout of a wasm function's frame, the register save area of the stubs
//!   and the resume point a trap unwinds to.
//! - `libcalls`: the table of host functions compiled code calls, and the host helpers.
//! - `exceptions`: the header of an exception object, which landing pads read.
//! - `traps`: how a trap kind travels from compiled code to the host.
//! - `sites`: the debug side table of breakable sites.
//! - `watch`: how instrumented code describes an access that may touch a watchpoint.

pub(crate) mod exceptions;
pub(crate) mod frame;
pub(crate) mod libcalls;
pub(crate) mod regs;
pub(crate) mod sites;
pub(crate) mod traps;
pub(crate) mod vmctx;
pub(crate) mod watch;
