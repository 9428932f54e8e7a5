//! wasmi adapter: the interpreter with its default configuration, which validates a module
//! eagerly but translates each function to its internal bytecode only on first call, so its
//! "compile" time is validation time. Built with wasmi's `simd` cargo feature, which turns
//! SIMD (and relaxed SIMD) on in that default configuration. One `Store` per instance.

use super::{CommandOutput, Compiled, Instance, Result, Runtime, Value};
use wasmi::{Engine, Linker, Module, Store, Val};

pub struct Wasmi {
    engine: Engine,
}

impl Wasmi {
    pub fn new() -> Wasmi {
        Wasmi {
            engine: Engine::default(),
        }
    }
}

impl Runtime for Wasmi {
    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>> {
        let module = Module::new(&self.engine, wasm).map_err(|e| e.to_string())?;
        Ok(Box::new(WasmiModule {
            engine: self.engine.clone(),
            linker: Linker::new(&self.engine),
            module,
        }))
    }
}

struct WasmiModule {
    engine: Engine,
    linker: Linker<()>,
    module: Module,
}

impl Compiled for WasmiModule {
    fn instantiate(&self) -> Result<Box<dyn Instance>> {
        let mut store = Store::new(&self.engine, ());
        let instance = self
            .linker
            .instantiate_and_start(&mut store, &self.module)
            .map_err(|e| e.to_string())?;
        Ok(Box::new(WasmiInstance { store, instance }))
    }

    fn run_command(&self, args: &[String]) -> Result<CommandOutput> {
        let stdout = wasmi_wasi::wasi_common::pipe::WritePipe::new_in_memory();
        let mut builder = wasmi_wasi::WasiCtxBuilder::new();
        builder.arg("program").map_err(|e| e.to_string())?;
        builder.args(args).map_err(|e| e.to_string())?;
        builder.stdout(Box::new(stdout.clone()));
        let mut store = Store::new(&self.engine, builder.build());
        let mut linker = Linker::<wasmi_wasi::WasiCtx>::new(&self.engine);
        wasmi_wasi::add_to_linker(&mut linker, |ctx| ctx).map_err(|e| e.to_string())?;
        let instance = linker
            .instantiate_and_start(&mut store, &self.module)
            .map_err(|e| e.to_string())?;
        let start = instance
            .get_typed_func::<(), ()>(&store, "_start")
            .map_err(|e| e.to_string())?;
        let status = match start.call(&mut store, ()) {
            Ok(()) => 0,
            Err(e) => match e.i32_exit_status() {
                Some(status) => status,
                None => return Err(e.to_string()),
            },
        };
        drop(store);
        let bytes = stdout
            .try_into_inner()
            .map_err(|_| "stdout pipe still shared".to_string())?
            .into_inner();
        Ok(CommandOutput {
            status,
            stdout: bytes,
        })
    }
}

struct WasmiInstance {
    store: Store<()>,
    instance: wasmi::Instance,
}

impl Instance for WasmiInstance {
    fn call(&mut self, name: &str, args: &[Value]) -> Result<Value> {
        let func = self
            .instance
            .get_func(&self.store, name)
            .ok_or_else(|| format!("no export {name}"))?;
        let args: Vec<Val> = args
            .iter()
            .map(|a| match *a {
                Value::I32(v) => Val::I32(v),
                Value::I64(v) => Val::I64(v),
                Value::F64(bits) => Val::F64(wasmi::F64::from_bits(bits)),
            })
            .collect();
        let mut results = [Val::I32(0)];
        func.call(&mut self.store, &args, &mut results)
            .map_err(|e| e.to_string())?;
        match results[0] {
            Val::I32(v) => Ok(Value::I32(v)),
            Val::I64(v) => Ok(Value::I64(v)),
            Val::F64(v) => Ok(Value::F64(v.to_bits())),
            ref other => Err(format!("unexpected result {other:?}")),
        }
    }
}
