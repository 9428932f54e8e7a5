//! Kestrel: a single-pass WebAssembly JIT for x86-64 Linux whose debugging never copies or
//! patches machine code.
//!
//! A module is compiled once into one read+execute code region that every instance, on
//! every thread, runs. Everything per instance (memory, tables, globals, debug state) is
//! data reached through the instance context.
//!
//! ```
//! use kestrel::{Engine, Module, Linker};
//! let engine = Engine::default();
//! let module = Module::new(&engine, r#"
//!     (module (func (export "add") (param i32 i32) (result i32)
//!         local.get 0 local.get 1 i32.add))
//! "#).unwrap();
//! let instance = Linker::new(&engine).instantiate(&module).unwrap();
//! let add = instance.get_typed_func::<(i32, i32), i32>("add").unwrap();
//! assert_eq!(add.call((2, 3)).unwrap(), 5);
//! ```
//!
//! Layers, bottom first (`docs/architecture.md`, "Layers"): `abi` (what compiled code and
//! the host share: registers, frame, vmctx, libcalls, trap codes, site tables) with
//! `trap`, `types`, `config` and `error`; `code_memory` (publishing code); `runtime`
//! (trampolines, activations, signals, interrupts, instances, memories, tables, the
//! run-time half of debugging); `frontend` (decoding, validation) and `compiler` (the
//! single pass); `api` (the embedding types, the `Debugger`). `names` demangles the
//! function names backtraces show.

#![cfg(all(target_arch = "x86_64", target_os = "linux"))]

mod abi;
mod api;
mod artifact;
mod code_memory;
mod compiler;
mod config;
mod error;
mod frontend;
#[cfg(feature = "gdb")]
pub mod gdb;
mod names;
mod runtime;
mod trap;
mod types;
#[cfg(feature = "wasi")]
pub mod wasi;

pub use abi::sites::SiteKind;

pub use api::debugger::{Breakpoint, Debugger};
pub use api::engine::Engine;
pub use api::exception::{Exception, ExnRef, Tag};
pub use api::func::{
    Caller, Func, HostReturn, IntoHostFunc, TypedFunc, WasmParams, WasmResults, WasmTy,
};
pub use api::global::Global;
pub use api::instance::Instance;
pub use api::interrupt::InterruptHandle;
pub use api::linker::{Extern, Linker};
pub use api::module::{CodeRegion, CodeRegionKind, Module};
pub use api::val::{ExternRef, Val};
pub use config::{BoundsChecks, Config, InstrumentedVersions, VectorInstructions, WasmVersion};
pub use error::{Error, Result};
pub use names::demangle;
pub use runtime::debug::frame::Frame;
pub use runtime::debug::watch::{WatchHit, WatchKind, Watchpoint, WatchpointId, MAX_WATCH_LEN};
pub use runtime::debug::{BreakpointId, DebugEvent, Resume, ThrownException};
pub use runtime::limits::{ResourceLimiter, ResourceLimits};
pub use runtime::memory::{Memory, PAGE_SIZE};
pub use runtime::table::{Table, MAX_TABLE_ELEMENTS};
pub use trap::{FrameInfo, Trap, TrapKind};
pub use types::{
    ExternType, FuncType, GlobalType, HeapType, Limits, MemoryType, RefType, TableType, TypeId,
    ValType,
};

/// How many suspended frames' return addresses debugging has redirected to their transfer
/// paths in this process so far ("DESIGN: after-call transfers by return address" in
/// `runtime::redirect`): for tests that must know a redirect happened. Not a stable API.
#[doc(hidden)]
pub fn redirected_return_addresses() -> u64 {
    runtime::redirect::redirected()
}
