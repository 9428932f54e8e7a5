//! A compiled module as its instances see it: the configuration it was compiled with, the
//! module's description, its vmctx layout, its code and the canonical ids of its types.
//! The API's `Module` is a handle to one of these, shared by every instance.

use crate::abi::vmctx::VmCtxLayout;
use crate::code_memory::CompiledCode;
use crate::config::Config;
use crate::frontend::ModuleInfo;
use std::sync::Arc;

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
}
