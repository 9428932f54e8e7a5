//! The embedding API: `Engine`, `Module`, `Linker`, `Instance`, `Func`, typed calls,
//! `Val`, exception tags and exceptions (`exception`), the public handles of memories,
//! tables and globals, the `InterruptHandle` that stops a running guest from another
//! thread, and the `Debugger` with the typed view of a stopped `Frame`.

pub(crate) mod debugger;
pub(crate) mod engine;
pub(crate) mod exception;
pub(crate) mod frame;
pub(crate) mod func;
pub(crate) mod global;
pub(crate) mod instance;
pub(crate) mod interrupt;
pub(crate) mod linker;
pub(crate) mod memory;
pub(crate) mod module;
pub(crate) mod table;
pub(crate) mod val;
