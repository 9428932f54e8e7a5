//! `Instance`: an instantiated module: its exports, and typed access to them.

use crate::api::func::{Func, TypedFunc, WasmParams, WasmResults};
use crate::api::linker::Extern;
use crate::api::module::Module;
use crate::error::{Error, Result};
use crate::frontend::EntityIndex;
use crate::runtime::global::Global;
use crate::runtime::instance::{instantiate, InstanceData};
use crate::runtime::memory::Memory;
use crate::runtime::table::Table;
use std::any::Any;
use std::sync::Arc;

/// An instance of a module. Cloning shares it; it is `Send + Sync`.
///
/// Calls into one instance from several threads at once race on its memory and globals
/// as unsynchronized wasm threads would; the host stays safe, the guest's view is
/// whatever the interleaving produced.
#[derive(Clone)]
pub struct Instance {
    pub(crate) data: Arc<InstanceData>,
}

impl std::fmt::Debug for Instance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Instance").finish_non_exhaustive()
    }
}

impl Instance {
    /// Instantiates `module` with one import per module import, in order.
    pub fn new(module: &Module, imports: Vec<Extern>) -> Result<Instance> {
        Ok(Instance {
            data: instantiate(module, imports)?,
        })
    }

    /// The module this is an instance of.
    pub fn module(&self) -> &Module {
        &self.data.module
    }

    fn owner(&self) -> Arc<dyn Any + Send + Sync> {
        self.data.clone()
    }

    fn extern_for(&self, index: EntityIndex) -> Extern {
        match index {
            EntityIndex::Func(i) => {
                Extern::Func(Func::from_raw(self.data.funcref(i), self.owner()))
            }
            EntityIndex::Memory(i) => {
                let mut m = self.data.memory(i).clone();
                m._owner = Some(self.owner());
                Extern::Memory(m)
            }
            EntityIndex::Table(i) => {
                let mut t = self.data.table(i).clone();
                t._owner = Some(self.owner());
                Extern::Table(t)
            }
            EntityIndex::Global(i) => Extern::Global(Global {
                ptr: self.data.global_ptr(i),
                ty: self.data.module.inner.info.globals[i as usize],
                _owner: self.owner(),
            }),
        }
    }

    /// The export called `name`.
    pub fn get_export(&self, name: &str) -> Option<Extern> {
        let info = &self.data.module.inner.info;
        let e = info.exports.iter().find(|e| e.name == name)?;
        Some(self.extern_for(e.index))
    }

    /// All exports, in order.
    pub fn exports(&self) -> Vec<(String, Extern)> {
        self.data
            .module
            .inner
            .info
            .exports
            .iter()
            .map(|e| (e.name.clone(), self.extern_for(e.index)))
            .collect()
    }

    /// The exported function `name`.
    pub fn get_func(&self, name: &str) -> Option<Func> {
        self.get_export(name)?.into_func()
    }

    /// The exported function `name` with a static signature.
    pub fn get_typed_func<P: WasmParams, R: WasmResults>(
        &self,
        name: &str,
    ) -> Result<TypedFunc<P, R>> {
        self.get_func(name)
            .ok_or_else(|| Error::Usage(format!("no exported function named `{name}`")))?
            .typed()
    }

    /// A debugging handle for this instance (the module must have been compiled with
    /// `Config::debug_instrumentation`). Attaching allocates the instance's site bits;
    /// nothing else changes, and other instances are unaffected.
    pub fn debugger(&self) -> Result<crate::debug::Debugger> {
        crate::debug::Debugger::new(self.data.clone())
    }

    /// The exported memory `name`.
    pub fn get_memory(&self, name: &str) -> Option<Memory> {
        self.get_export(name)?.into_memory()
    }

    /// The exported table `name`.
    pub fn get_table(&self, name: &str) -> Option<Table> {
        self.get_export(name)?.into_table()
    }

    /// The exported global `name`.
    pub fn get_global(&self, name: &str) -> Option<Global> {
        self.get_export(name)?.into_global()
    }
}
