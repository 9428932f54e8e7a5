//! `Instance`: an instantiated module: its exports, and typed access to them.

use crate::api::func::{Func, TypedFunc, WasmParams, WasmResults};
use crate::api::global::Global;
use crate::api::linker::Extern;
use crate::api::module::Module;
use crate::config::BoundsChecks;
use crate::error::{Error, Result};
use crate::frontend::EntityIndex;
use crate::frontend::ImportKind;
use crate::runtime::instance::{InstanceData, ResolvedImports};
use crate::runtime::libcalls::LIBCALLS;
use crate::runtime::limits::{InstanceLimiter, ResourceLimiter};
use crate::runtime::memory::Memory;
use crate::runtime::memory::GUARD_RESERVATION;
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
    module: Module,
}

impl std::fmt::Debug for Instance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Instance").finish_non_exhaustive()
    }
}

impl Instance {
    /// Instantiates `module` with one import per module import, in order.
    pub fn new(module: &Module, imports: Vec<Extern>) -> Result<Instance> {
        Instance::with_limiter(module, imports, None)
    }

    /// As [`new`](Instance::new), the instance's memories and tables growing only as far
    /// as `limiter` allows (`Linker::limiter`).
    pub(crate) fn with_limiter(
        module: &Module,
        imports: Vec<Extern>,
        limiter: Option<Arc<dyn ResourceLimiter>>,
    ) -> Result<Instance> {
        Ok(Instance {
            data: instantiate(module, imports, limiter)?,
            module: module.clone(),
        })
    }

    /// The module this is an instance of.
    pub fn module(&self) -> &Module {
        &self.module
    }

    fn extern_for(&self, index: EntityIndex) -> Extern {
        extern_for(&self.data, index)
    }

    /// The export called `name`.
    pub fn get_export(&self, name: &str) -> Option<Extern> {
        let info = &self.data.module.info;
        let e = info.exports.iter().find(|e| e.name == name)?;
        Some(self.extern_for(e.index))
    }

    /// All exports, in order.
    pub fn exports(&self) -> Vec<(String, Extern)> {
        self.data
            .module
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
    pub fn debugger(&self) -> Result<crate::api::debugger::Debugger> {
        crate::api::debugger::Debugger::new(self.data.clone())
    }

    /// A handle that stops this instance's calls from any thread (see
    /// [`InterruptHandle`](crate::InterruptHandle)).
    pub fn interrupt_handle(&self) -> crate::api::interrupt::InterruptHandle {
        crate::api::interrupt::InterruptHandle::new(self.data.stops().clone())
    }

    /// Makes this instance's calls trap with
    /// [`TrapKind::Interrupted`](crate::TrapKind::Interrupted) once its engine's epoch
    /// ([`Engine::increment_epoch`](crate::Engine::increment_epoch)) has advanced `ticks`
    /// past its value now: at the next function entry or loop iteration, also of a call
    /// running on another thread, and at the start of every call after that, until the
    /// deadline is set again or cleared. Instances start with none.
    pub fn set_epoch_deadline(&self, ticks: u64) {
        self.data.stops().set_epoch_deadline(ticks);
    }

    /// Removes the epoch deadline: calls run until they end.
    pub fn clear_epoch_deadline(&self) {
        self.data.stops().clear_epoch_deadline();
    }

    /// Sets this instance's fuel ([`Config::consume_fuel`](crate::Config::consume_fuel)).
    /// Set it between calls, or from a host function the instance called: code running
    /// on another thread updates the count without a lock, and may overwrite it.
    pub fn set_fuel(&self, fuel: u64) -> Result<()> {
        self.fuel_word()?
            .store(fuel, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// The fuel this instance has left ([`Config::consume_fuel`](crate::Config::consume_fuel));
    /// 0 after a call trapped with [`TrapKind::OutOfFuel`](crate::TrapKind::OutOfFuel).
    pub fn fuel(&self) -> Result<u64> {
        Ok(self.fuel_word()?.load(std::sync::atomic::Ordering::Relaxed))
    }

    fn fuel_word(&self) -> Result<&std::sync::atomic::AtomicU64> {
        if !self.data.module.config.consume_fuel {
            return Err(Error::Usage(
                "fuel is off for this instance's engine: enable Config::consume_fuel".into(),
            ));
        }
        Ok(self.data.fuel())
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

fn link_error(module: &str, name: &str, why: impl std::fmt::Display) -> Error {
    Error::Link(format!("import {module}::{name}: {why}"))
}

/// Instantiates `module` with `imports` (one per module import, in order): checks each
/// import against its declared type, has the runtime allocate the instance, and runs the
/// start function.
fn instantiate(
    module: &Module,
    imports: Vec<Extern>,
    limiter: Option<Arc<dyn ResourceLimiter>>,
) -> Result<Arc<InstanceData>> {
    let inner = &module.inner;
    let info = &inner.info;
    let live = module.engine().live_instances();
    let slot = live.admit().ok_or_else(|| {
        Error::Resource(format!(
            "the engine's limit of {} live instances is reached (Config::max_instances)",
            live.max().unwrap_or(usize::MAX)
        ))
    })?;
    if imports.len() != info.imports.len() {
        return Err(Error::Link(format!(
            "expected {} imports, got {}",
            info.imports.len(),
            imports.len()
        )));
    }
    // Sized for the defined entities too, which `InstanceData::allocate` appends.
    let mut funcs = Vec::with_capacity(info.funcs.len());
    let mut memories = Vec::with_capacity(info.memories.len());
    let mut tables = Vec::with_capacity(info.tables.len());
    let mut globals = Vec::with_capacity(info.num_imported_globals as usize);
    let mut tags = Vec::with_capacity(info.tags.len());
    for (imp, ext) in info.imports.iter().zip(&imports) {
        let (m, n) = (&imp.module, &imp.name);
        match (&imp.kind, ext) {
            (ImportKind::Func(t), Extern::Func(f)) => {
                // An import may be given a function of a subtype of its type.
                if !f.type_id().is_subtype_of(info.type_ids[*t as usize]) {
                    return Err(link_error(
                        m,
                        n,
                        "incompatible import type: function signature",
                    ));
                }
                // SAFETY: the imported Func keeps its funcref alive (it is in `imports`,
                // which the instance keeps).
                funcs.push(unsafe { *f.raw });
            }
            (ImportKind::Memory(want), Extern::Memory(mem)) => {
                let have = crate::types::MemoryType {
                    limits: crate::types::Limits {
                        min: mem.size(),
                        max: mem.ty().limits.max,
                    },
                    memory64: mem.ty().memory64,
                };
                if !have.matches(want) {
                    return Err(link_error(
                        m,
                        n,
                        "incompatible import type: memory limits or index type",
                    ));
                }
                // A 64-bit memory's accesses are checked in code, whatever the mode.
                if inner.config.bounds_checks == BoundsChecks::GuardPages
                    && !want.memory64
                    && mem.reserved() < GUARD_RESERVATION
                {
                    return Err(link_error(
                        m,
                        n,
                        "memory was created without guard pages for an explicit-bounds engine",
                    ));
                }
                memories.push(mem.clone());
            }
            (ImportKind::Table(want), Extern::Table(t)) => {
                let have = crate::types::Limits {
                    min: t.size(),
                    max: t.ty().limits.max,
                };
                if t.ty().element != want.element
                    || t.ty().table64 != want.table64
                    || !have.matches(&want.limits)
                {
                    return Err(link_error(m, n, "incompatible import type: table"));
                }
                tables.push(t.clone());
            }
            (ImportKind::Global(want), Extern::Global(g)) => {
                let have = g.ty();
                let fits = if want.mutable {
                    have == *want
                } else {
                    !have.mutable && have.content.is_subtype_of(want.content)
                };
                if !fits {
                    return Err(link_error(m, n, "incompatible import type: global"));
                }
                globals.push(g.ptr);
            }
            (ImportKind::Tag(t), Extern::Tag(tag)) => {
                if tag.data.type_id != info.type_ids[*t as usize] {
                    return Err(link_error(m, n, "incompatible import type: tag"));
                }
                tags.push(tag.data.clone());
            }
            (kind, ext) => {
                return Err(link_error(
                    m,
                    n,
                    format!(
                        "incompatible import type: expected {}, got {}",
                        match kind {
                            ImportKind::Func(_) => "function",
                            ImportKind::Table(_) => "table",
                            ImportKind::Memory(_) => "memory",
                            ImportKind::Global(_) => "global",
                            ImportKind::Tag(_) => "tag",
                        },
                        ext.kind_name()
                    ),
                ))
            }
        }
    }
    let resolved = ResolvedImports {
        funcs,
        memories,
        tables,
        globals,
        tags,
        keepalive: Box::new(imports),
    };
    let data = InstanceData::allocate(
        inner.clone(),
        resolved,
        &LIBCALLS,
        InstanceLimiter::new(limiter),
        slot,
    )?;
    if let Some(start) = info.start {
        let func = Func::from_raw(
            data.funcref(start),
            data.clone() as Arc<dyn Any + Send + Sync>,
        );
        func.call(&[])?;
    }
    Ok(data)
}

/// The entity `index` of instance `data`, as a handle that keeps the instance alive.
pub(crate) fn extern_for(data: &Arc<InstanceData>, index: EntityIndex) -> Extern {
    let owner: Arc<dyn Any + Send + Sync> = data.clone();
    match index {
        EntityIndex::Func(i) => Extern::Func(Func::from_raw(data.funcref(i), owner)),
        EntityIndex::Memory(i) => {
            let mut m = data.memory(i).clone();
            m._owner = Some(owner);
            Extern::Memory(m)
        }
        EntityIndex::Table(i) => {
            let mut t = data.table(i).clone();
            t._owner = Some(owner);
            Extern::Table(t)
        }
        EntityIndex::Tag(i) => Extern::Tag(crate::api::exception::Tag {
            data: data.tag(i).clone(),
        }),
        EntityIndex::Global(i) => Extern::Global(Global {
            ptr: data.global_ptr(i),
            ty: data.module.info.globals[i as usize],
            _owner: owner,
        }),
    }
}
