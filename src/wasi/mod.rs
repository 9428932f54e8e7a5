//! WASI preview1 (`wasi_snapshot_preview1`): the system interface that programs compiled
//! for `wasm32-wasi` (clang, wasi-libc) and `wasm32-wasip1` (rustc) import.
//!
//! A [`WasiCtx`], built with [`WasiCtxBuilder`], holds what the program is given:
//! arguments, environment variables (none of the host's unless given), standard streams
//! (inherited, buffers, pipes) and preopened directories. [`add_to_linker`] defines all
//! 46 preview1 functions in a [`Linker`]; `proc_exit` ends the call with
//! [`crate::Error::Exit`] (typed calls: a `Trap` whose
//! [`exit_status`](crate::Trap::exit_status) is set), and the instance stays usable.
//!
//! ```no_run
//! # fn main() -> kestrel::Result<()> {
//! use kestrel::{wasi, Engine, Linker, Module};
//! let engine = Engine::default();
//! let module = Module::from_file(&engine, "hello.wasm")?;
//! let ctx = wasi::WasiCtxBuilder::new().arg("hello.wasm").inherit_stdio().build();
//! let mut linker = Linker::new(&engine);
//! wasi::add_to_linker(&mut linker, &ctx);
//! let instance = linker.instantiate(&module)?;
//! let status = wasi::run_start(&instance)?; // `_start`'s exit status
//! # let _ = status; Ok(()) }
//! ```
//!
//! Sandboxing: a path always resolves beneath the preopened directory it is opened
//! through. Resolution is cap-std's (`openat2` with `RESOLVE_BENEATH` where the kernel
//! has it, otherwise a component-by-component walk that checks every `..` and symbolic
//! link), so `..` never leaves the directory, not even for a step, and absolute paths and
//! links leading out are refused with `ENOTCAPABLE`. Rights are checked on every call:
//! a descriptor allows only what it was opened with, within what its directory passes on.
//! Guest pointers are checked against the caller's memory: one out of bounds is
//! `EFAULT`. Sockets do not exist here: socket calls answer `ENOTSOCK`.

mod abi;
mod ctx;
mod guest;
mod preview1;

pub use abi::Errno;
pub use ctx::{InputStream, OutputBuffer, OutputStream, WasiCtx, WasiCtxBuilder};

use crate::api::instance::Instance;
use crate::api::linker::Linker;
use crate::error::{Error, Result};
use crate::types::FuncType;

/// The module name preview1's functions are imported from.
pub const MODULE: &str = preview1::MODULE;

/// Defines every `wasi_snapshot_preview1` function in `linker`, acting on `ctx`. Each
/// instance created from the linker shares `ctx` (give each program its own).
pub fn add_to_linker(linker: &mut Linker, ctx: &WasiCtx) {
    preview1::add_to_linker(linker, ctx);
}

/// The name and wasm type of every `wasi_snapshot_preview1` function [`add_to_linker`]
/// defines (all 46), for tools that build modules importing them.
pub fn functions() -> impl Iterator<Item = (&'static str, FuncType)> {
    preview1::signatures()
}

/// Runs a WASI command: calls `instance`'s exported `_start` and returns the program's
/// exit status (`proc_exit`'s code, or 0 when `_start` returns). A trap is an error.
pub fn run_start(instance: &Instance) -> Result<i32> {
    let start = instance
        .get_func("_start")
        .ok_or_else(|| Error::Usage("the module exports no `_start` function".into()))?;
    match start.call(&[]) {
        Ok(_) => Ok(0),
        Err(Error::Exit(status)) => Ok(status),
        Err(e) => Err(e),
    }
}
