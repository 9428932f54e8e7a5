//! Runtime: everything compiled code meets at execution time.
//!
//! - `trampolines`: the engine-wide entry (host -> wasm), host-call (wasm -> host) and
//!   tail-return code.
//! - `frame_chain`: the step from a frame to its caller, over tail-call frames.
//! - `entry`: one host-to-wasm call: its activation, the thread's interrupt registration.
//! - `activation`: the per-call record on the thread, trap capture and backtraces.
//! - `exceptions`: tags, exception objects and the unwinder ("DESIGN: exceptions").
//! - `signals`: turning memory faults inside wasm code into traps, and interrupts.
//! - `interrupt`: making threads that run wasm notice debug state set by other threads,
//!   and stop requests.
//! - `stop`: an instance's stop requests (the embedder's interrupt, the epoch deadline).
//! - `limits`: the embedder's limits on memories, tables and live instances.
//! - `libcalls`: host helpers compiled code calls (trap, memory.grow, ...).
//! - `bulk`: the bulk memory, table and segment helpers.
//! - `debug`: the run-time half of debugging (state, hook, raw frame view).
//! - `redirect`: moving suspended frames to their instrumented versions.
//! - `memory`, `table`: the storage of linear memories and tables.
//! - `module`: a compiled module as its instances see it.
//! - `instance`: an instance's data (vmctx, function references, memories, tables) and
//!   its allocation, segments included.
//! - `tag`: exception tags (their identity).

pub(crate) mod activation;
pub(crate) mod bulk;
pub(crate) mod debug;
pub(crate) mod entry;
pub(crate) mod exceptions;
pub(crate) mod frame_chain;
pub(crate) mod instance;
pub(crate) mod interrupt;
pub(crate) mod libcalls;
pub(crate) mod limits;
pub(crate) mod memory;
pub(crate) mod module;
pub(crate) mod redirect;
pub(crate) mod signals;
pub(crate) mod stop;
pub(crate) mod table;
pub(crate) mod tag;
pub(crate) mod trampolines;
pub(crate) mod watched_pages;
