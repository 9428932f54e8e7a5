//! wasmtime adapter: one `Engine` per compilation strategy (Cranelift or Winch), one
//! `Store` per instance.

use super::{Compiled, Instance, Result, Runtime, Value};
use wasmtime::{Config, Engine, Module, Store, Strategy, Val};

pub struct Wasmtime {
    engine: Engine,
}

impl Wasmtime {
    pub fn new(strategy: Strategy) -> std::result::Result<Wasmtime, String> {
        let mut config = Config::new();
        config.strategy(strategy);
        let engine = Engine::new(&config).map_err(|e| format!("{e:#}"))?;
        Ok(Wasmtime { engine })
    }
}

impl Runtime for Wasmtime {
    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>> {
        let module = Module::new(&self.engine, wasm).map_err(|e| format!("{e:#}"))?;
        Ok(Box::new(WasmtimeModule {
            engine: self.engine.clone(),
            module,
        }))
    }
}

struct WasmtimeModule {
    engine: Engine,
    module: Module,
}

impl Compiled for WasmtimeModule {
    fn instantiate(&self) -> Result<Box<dyn Instance>> {
        let mut store = Store::new(&self.engine, ());
        let instance =
            wasmtime::Instance::new(&mut store, &self.module, &[]).map_err(|e| format!("{e:#}"))?;
        Ok(Box::new(WasmtimeInstance { store, instance }))
    }

    fn code_size(&self) -> Option<usize> {
        Some(self.module.text().len())
    }
}

struct WasmtimeInstance {
    store: Store<()>,
    instance: wasmtime::Instance,
}

impl Instance for WasmtimeInstance {
    fn call(&mut self, name: &str, args: &[Value]) -> Result<Value> {
        let func = self
            .instance
            .get_func(&mut self.store, name)
            .ok_or_else(|| format!("no export {name}"))?;
        let args: Vec<Val> = args
            .iter()
            .map(|a| match *a {
                Value::I32(v) => Val::I32(v),
                Value::I64(v) => Val::I64(v),
                Value::F64(bits) => Val::F64(bits),
            })
            .collect();
        let mut results = [Val::I32(0)];
        func.call(&mut self.store, &args, &mut results)
            .map_err(|e| format!("{e:#}"))?;
        match results[0] {
            Val::I32(v) => Ok(Value::I32(v)),
            Val::I64(v) => Ok(Value::I64(v)),
            Val::F64(bits) => Ok(Value::F64(bits)),
            ref other => Err(format!("unexpected result {other:?}")),
        }
    }
}
