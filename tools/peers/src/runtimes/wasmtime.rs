//! wasmtime adapter: one `Engine` per compilation strategy (Cranelift or Winch), one
//! `Store` per instance.

use super::{CommandOutput, Compiled, Instance, Result, Runtime, Value};
use wasmtime::{Config, Engine, Module, Store, Strategy, Val};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;

pub struct Wasmtime {
    engine: Engine,
}

impl Wasmtime {
    pub fn new(strategy: Strategy) -> std::result::Result<Wasmtime, String> {
        let mut config = Config::new();
        config.strategy(strategy);
        // Exception handling is off by default in wasmtime 48 (the exceptions
        // workload); Winch does not implement it, and an engine for Winch with it on
        // cannot be made, so Winch refuses modules that use it.
        if matches!(strategy, Strategy::Cranelift) {
            config.wasm_exceptions(true);
        }
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

    fn run_command(&self, args: &[String]) -> Result<CommandOutput> {
        let stdout = MemoryOutputPipe::new(usize::MAX);
        let ctx = wasmtime_wasi::WasiCtxBuilder::new()
            .arg("program")
            .args(args)
            .stdout(stdout.clone())
            .build_p1();
        let mut store = Store::new(&self.engine, ctx);
        let mut linker = wasmtime::Linker::<WasiP1Ctx>::new(&self.engine);
        wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |ctx| ctx)
            .map_err(|e| format!("{e:#}"))?;
        let instance = linker
            .instantiate(&mut store, &self.module)
            .map_err(|e| format!("{e:#}"))?;
        let start = instance
            .get_typed_func::<(), ()>(&mut store, "_start")
            .map_err(|e| format!("{e:#}"))?;
        let status = match start.call(&mut store, ()) {
            Ok(()) => 0,
            Err(e) => match e.downcast_ref::<wasmtime_wasi::I32Exit>() {
                Some(exit) => exit.0,
                None => return Err(format!("{e:#}")),
            },
        };
        drop(store);
        Ok(CommandOutput {
            status,
            stdout: stdout.contents().to_vec(),
        })
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
