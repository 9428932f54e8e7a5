//! Code memory: one executable mapping per module, published read+execute once and never
//! made writable again (`docs/architecture.md`, invariant 2), and the process-wide registry
//! of those mappings.
//!
//! The registry answers two questions: "is this pc inside wasm code?" from the signal
//! handler (lock-free: it reads an immutable snapshot published through an atomic pointer),
//! and "which module owns this pc?" from backtrace symbolication (under a lock, never from a
//! signal handler).

mod compiled;
mod mapping;
mod registry;

pub(crate) use compiled::{CompiledCode, Version};
pub(crate) use mapping::CodeMemory;
pub(crate) use registry::{fault_stub_for, is_wasm_pc, register, with_owner, CodeOwner};
