//! Front end: decodes and validates a module with `wasmparser` and describes it as a
//! [`ModuleInfo`] plus the validated-but-not-yet-compiled function bodies.
//!
//! Function bodies are not validated here: each body's `FuncValidator` is handed to the
//! compiler, which drives it in lockstep with code generation (one walk per function).

mod info;
mod parse;

pub(crate) use info::*;
pub(crate) use parse::{parse_module, PendingBody, NEEDS_GC_HEAP};
