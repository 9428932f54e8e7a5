//! A compiled module as its instances see it: the configuration it was compiled with, the
//! module's description, its vmctx layout, its code and the canonical ids of its types.
//! The API's `Module` is a handle to one of these, shared by every instance.

use crate::abi::frame::FrameShape;
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
}

/// Everything about a compiled module that instantiation and execution need.
pub(crate) struct ModuleData {
    /// The configuration of the engine the module was compiled for.
    pub config: Arc<Config>,
    pub info: ModuleInfo,
    pub layout: VmCtxLayout,
    pub code: Arc<CompiledCode>,
    /// Canonical signature id of each module type.
    pub type_ids: Vec<u64>,
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
        let (debug, compile) = self.debug.as_ref().ok_or_else(|| {
            Error::Usage("the module was compiled without debug instrumentation".into())
        })?;
        if defined as usize >= debug.len() {
            return Err(Error::Usage(format!("no defined function {defined}")));
        }
        debug.get_or_compile(&self.code, defined, false, |wanted| {
            (compile.versions)(self, wanted)
        })
    }

    /// The frame shape of defined function `defined` (how the debugger reads its
    /// frames), worked out from its body the first time it is asked for.
    pub fn frame_shape(&self, defined: u32) -> Result<&FrameShape> {
        let (debug, compile) = self.debug.as_ref().ok_or_else(|| {
            Error::Usage("the module was compiled without debug instrumentation".into())
        })?;
        debug.frame_shape(defined, || (compile.frame_shape)(self, defined))
    }

    /// Compiles every instrumented version not compiled yet (eager mode).
    pub fn compile_all_instrumented(&self) -> Result<()> {
        if let Some((debug, compile)) = &self.debug {
            if debug.len() > 0 {
                debug.get_or_compile(&self.code, 0, true, |wanted| {
                    (compile.versions)(self, wanted)
                })?;
            }
        }
        Ok(())
    }

    /// The all-ones site bits of a debuggable module (see `DebugCode::stop_all`).
    pub fn stop_all(&self) -> Option<&[u8]> {
        self.debug.as_ref().map(|(d, _)| d.stop_all())
    }
}
