//! Code memory: one executable mapping per module, published read+execute once and never
//! made writable again (`docs/architecture.md`, invariant 2), the instrumented versions a
//! debuggable module publishes later into the reserve behind it, and the process-wide
//! registry of those mappings.
//!
//! The registry answers two questions: "is this pc inside wasm code?" from the signal
//! handler (lock-free: it reads an immutable snapshot published through an atomic pointer),
//! and "which module owns this pc?" from backtrace symbolication (under a lock, never from a
//! signal handler).

mod compiled;
mod debug_code;
mod mapping;
mod registry;

pub(crate) use compiled::{CompiledCode, Version};
pub(crate) use debug_code::{max_sites, DebugCode, DebugFunc, DebugRegion};
pub(crate) use mapping::{reserve_for, CodeMemory};
pub(crate) use registry::{is_wasm_pc, loop_at, signal_entries_for, with_owner, LoopAt};
