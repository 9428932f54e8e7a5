//! `Linker`: resolves a module's imports by (module, name) and instantiates it; `Extern`:
//! anything that can be imported or exported.

use crate::api::engine::Engine;
use crate::api::exception::Tag;
use crate::api::func::{Func, IntoHostFunc};
use crate::api::global::Global;
use crate::api::instance::Instance;
use crate::api::module::Module;
use crate::api::val::Val;
use crate::error::{Error, Result};
use crate::runtime::limits::ResourceLimiter;
use crate::runtime::memory::Memory;
use crate::runtime::table::Table;
use crate::trap::Trap;
use crate::types::FuncType;
use std::collections::HashMap;
use std::sync::Arc;

/// An importable or exportable entity.
#[derive(Clone, Debug)]
pub enum Extern {
    /// A function.
    Func(Func),
    /// A table.
    Table(Table),
    /// A linear memory.
    Memory(Memory),
    /// A global.
    Global(Global),
    /// An exception tag.
    Tag(Tag),
}

impl Extern {
    /// "function", "table", "memory" or "global".
    pub fn kind_name(&self) -> &'static str {
        match self {
            Extern::Func(_) => "function",
            Extern::Table(_) => "table",
            Extern::Memory(_) => "memory",
            Extern::Global(_) => "global",
            Extern::Tag(_) => "tag",
        }
    }

    /// The function, if this is one.
    pub fn into_func(self) -> Option<Func> {
        match self {
            Extern::Func(f) => Some(f),
            _ => None,
        }
    }

    /// The memory, if this is one.
    pub fn into_memory(self) -> Option<Memory> {
        match self {
            Extern::Memory(m) => Some(m),
            _ => None,
        }
    }

    /// The table, if this is one.
    pub fn into_table(self) -> Option<Table> {
        match self {
            Extern::Table(t) => Some(t),
            _ => None,
        }
    }

    /// The global, if this is one.
    pub fn into_global(self) -> Option<Global> {
        match self {
            Extern::Global(g) => Some(g),
            _ => None,
        }
    }
}

impl From<Tag> for Extern {
    fn from(t: Tag) -> Extern {
        Extern::Tag(t)
    }
}
impl From<Func> for Extern {
    fn from(f: Func) -> Extern {
        Extern::Func(f)
    }
}
impl From<Memory> for Extern {
    fn from(m: Memory) -> Extern {
        Extern::Memory(m)
    }
}
impl From<Table> for Extern {
    fn from(t: Table) -> Extern {
        Extern::Table(t)
    }
}
impl From<Global> for Extern {
    fn from(g: Global) -> Extern {
        Extern::Global(g)
    }
}

/// Definitions by (module, name), used to satisfy imports. Later definitions of the same
/// name replace earlier ones.
#[derive(Clone)]
pub struct Linker {
    engine: Engine,
    defs: HashMap<(String, String), Extern>,
    limiter: Option<Arc<dyn ResourceLimiter>>,
}

impl Linker {
    /// An empty linker for modules of `engine`.
    pub fn new(engine: &Engine) -> Linker {
        Linker {
            engine: engine.clone(),
            defs: HashMap::new(),
            limiter: None,
        }
    }

    /// Instances this linker creates from now on ask `limiter` before their memories and
    /// tables grow, at instantiation and at every `memory.grow` and `table.grow` (see
    /// [`ResourceLimiter`]; [`ResourceLimits`](crate::ResourceLimits) sets fixed limits).
    pub fn limiter(&mut self, limiter: impl ResourceLimiter + 'static) -> &mut Self {
        self.limiter = Some(Arc::new(limiter));
        self
    }

    /// Defines `module::name`.
    pub fn define(&mut self, module: &str, name: &str, item: impl Into<Extern>) -> &mut Self {
        self.defs
            .insert((module.to_string(), name.to_string()), item.into());
        self
    }

    /// Defines a host function with a dynamic signature.
    pub fn func_new(
        &mut self,
        module: &str,
        name: &str,
        ty: FuncType,
        func: impl Fn(&[Val], &mut [Val]) -> Result<(), Trap> + Send + Sync + 'static,
    ) -> &mut Self {
        let f = Func::new(&self.engine, ty, func);
        self.define(module, name, f)
    }

    /// Defines a host function with a dynamic signature that also receives its
    /// [`Caller`](crate::api::func::Caller), the instance whose code called it.
    pub fn func_new_with_caller(
        &mut self,
        module: &str,
        name: &str,
        ty: FuncType,
        func: impl Fn(&crate::api::func::Caller, &[Val], &mut [Val]) -> Result<(), Trap>
            + Send
            + Sync
            + 'static,
    ) -> &mut Self {
        let f = Func::new_with_caller(&self.engine, ty, func);
        self.define(module, name, f)
    }

    /// Defines a host function from a typed closure.
    pub fn func_wrap<P, R>(
        &mut self,
        module: &str,
        name: &str,
        func: impl IntoHostFunc<P, R>,
    ) -> &mut Self {
        let f = Func::wrap(&self.engine, func);
        self.define(module, name, f)
    }

    /// Defines every export of `instance` under module name `module`.
    pub fn instance(&mut self, module: &str, instance: &Instance) -> &mut Self {
        for (name, ext) in instance.exports() {
            self.define(module, &name, ext);
        }
        self
    }

    /// The definition of `module::name`.
    pub fn get(&self, module: &str, name: &str) -> Option<Extern> {
        self.defs
            .get(&(module.to_string(), name.to_string()))
            .cloned()
    }

    /// Resolves `module`'s imports and instantiates it.
    pub fn instantiate(&self, module: &Module) -> Result<Instance> {
        let mut imports = Vec::new();
        for (m, n, _) in module.imports() {
            let ext = self
                .get(&m, &n)
                .ok_or_else(|| Error::Link(format!("unknown import: {m}::{n}")))?;
            imports.push(ext);
        }
        Instance::with_limiter(module, imports, self.limiter.clone())
    }
}
