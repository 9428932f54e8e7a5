//! A compiled module as its instances see it: the configuration it was compiled with, the
//! module's description, its vmctx layout, its code and the runtime words of its types (`types::registry`).
//! The API's `Module` is a handle to one of these, shared by every instance.

use crate::abi::frame::FrameShape;
use crate::abi::sites::PlainAccess;
use crate::abi::vmctx::VmCtxLayout;
use crate::code_memory::{CompiledCode, DebugCode, DebugFunc};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::frontend::ModuleInfo;
use std::sync::Arc;

/// What a debuggable module needs of the compiler after its compilation (the compiler's
/// functions, wired in by the API, which sees both layers).
#[derive(Clone, Copy)]
pub(crate) struct DebugCompiler {
    /// Compiles instrumented versions of defined functions.
    pub versions: fn(&ModuleData, &[u32]) -> Result<Vec<DebugFunc>>,
    /// The frame shape of a defined function.
    pub frame_shape: fn(&ModuleData, u32) -> Result<FrameShape>,
    /// The memory accesses of a defined function's plain version.
    pub plain_accesses: fn(&ModuleData, u32) -> Result<Vec<PlainAccess>>,
}

/// Everything about a compiled module that instantiation and execution need.
pub(crate) struct ModuleData {
    /// The configuration of the engine the module was compiled for.
    pub config: Arc<Config>,
    /// That engine's epoch counter (`Engine::increment_epoch`), which its instances'
    /// epoch deadlines are measured against (`runtime::stop`).
    pub epoch: Arc<std::sync::atomic::AtomicU64>,
    pub info: ModuleInfo,
    pub layout: VmCtxLayout,
    pub code: Arc<CompiledCode>,
    /// The runtime word of each module type (`types::registry`).
    pub type_words: Vec<u64>,
    /// The binary the module was compiled from, kept when it is compiled for debugging:
    /// source-level debuggers read its debug sections through the debugger.
    pub binary: Option<Arc<[u8]>>,
    /// Debuggable modules: the instrumented versions compiled so far, and how to compile
    /// one.
    pub debug: Option<(DebugCode, DebugCompiler)>,
}

impl ModuleData {
    /// The instrumented version of defined function `defined`, compiled now if no thread
    /// has compiled it before (`code_memory::debug_code`).
    pub fn instrumented(&self, defined: u32) -> Result<&Arc<DebugFunc>> {
        let debug = self.debug_code()?;
        if defined as usize >= debug.len() {
            return Err(Error::Usage(format!("no defined function {defined}")));
        }
        self.compile_instrumented(&[defined])?;
        Ok(debug
            .get(defined)
            .expect("the compilation covered the function"))
    }

    /// Compiles the instrumented versions of the defined functions `defined` that no
    /// thread has compiled, together (one compilation, one publication).
    pub fn compile_instrumented(&self, defined: &[u32]) -> Result<()> {
        let (debug, compile) = self.debug.as_ref().ok_or_else(no_debug)?;
        debug.compile_missing(&self.code, defined, |wanted| {
            (compile.versions)(self, wanted)
        })
    }

    /// The frame shape of defined function `defined` (how the debugger reads its
    /// frames), worked out from its body the first time it is asked for.
    pub fn frame_shape(&self, defined: u32) -> Result<&FrameShape> {
        let (debug, compile) = self.debug.as_ref().ok_or_else(no_debug)?;
        debug.frame_shape(defined, || (compile.frame_shape)(self, defined))
    }

    /// The memory accesses of defined function `defined`'s plain version, each with its
    /// operand stack (worked out by replaying its compilation when first asked).
    pub fn plain_accesses(&self, defined: u32) -> Result<&[PlainAccess]> {
        let (debug, compile) = self.debug.as_ref().ok_or_else(no_debug)?;
        debug.plain_accesses(defined, || (compile.plain_accesses)(self, defined))
    }

    /// Compiles every instrumented version not compiled yet (eager mode).
    pub fn compile_all_instrumented(&self) -> Result<()> {
        let Some((debug, _)) = &self.debug else {
            return Ok(());
        };
        let all: Vec<u32> = (0..debug.len() as u32).collect();
        self.compile_instrumented(&all)
    }

    /// The module's instrumented versions, or why it has none.
    fn debug_code(&self) -> Result<&DebugCode> {
        self.debug.as_ref().map(|(d, _)| d).ok_or_else(no_debug)
    }

    /// The all-ones site bits of a debuggable module (see `DebugCode::stop_all`).
    pub fn stop_all(&self) -> Option<&[u8]> {
        self.debug.as_ref().map(|(d, _)| d.stop_all())
    }

    /// The all-zeros site bits of a debuggable module (see `DebugCode::stop_none`).
    pub fn stop_none(&self) -> Option<&[u8]> {
        self.debug.as_ref().map(|(d, _)| d.stop_none())
    }
}

/// The error for debugging a module compiled without debug instrumentation.
fn no_debug() -> Error {
    Error::Usage("the module was compiled without debug instrumentation".into())
}
