//! wasmer adapter: the Singlepass compiler (which, like Kestrel, emits code with dynasm),
//! one `Store` per instance.

use super::{CommandOutput, Compiled, Instance, Result, Runtime, Value};
use wasmer::sys::Singlepass;
use wasmer::{imports, Engine, Module, Store};

pub struct Wasmer {
    engine: Engine,
}

impl Wasmer {
    pub fn new() -> Wasmer {
        Wasmer {
            engine: Engine::from(Singlepass::default()),
        }
    }
}

impl Runtime for Wasmer {
    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>> {
        let module = Module::new(&self.engine, wasm).map_err(|e| e.to_string())?;
        Ok(Box::new(WasmerModule {
            engine: self.engine.clone(),
            module,
        }))
    }
}

struct WasmerModule {
    engine: Engine,
    module: Module,
}

impl Compiled for WasmerModule {
    fn instantiate(&self) -> Result<Box<dyn Instance>> {
        let mut store = Store::new(self.engine.clone());
        let instance = wasmer::Instance::new(&mut store, &self.module, &imports! {})
            .map_err(|e| e.to_string())?;
        Ok(Box::new(WasmerInstance { store, instance }))
    }

    fn run_command(&self, args: &[String]) -> Result<CommandOutput> {
        // wasmer-wasix runs its tasks on tokio: give it a runtime on this thread.
        let tokio = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let _entered = tokio.enter();
        let (stdout_tx, mut stdout_rx) = wasmer_wasix::Pipe::channel();
        let mut store = Store::new(self.engine.clone());
        let (instance, env) = wasmer_wasix::WasiEnv::builder("program")
            .engine(self.engine.clone())
            .args(args)
            .stdout(Box::new(stdout_tx))
            .instantiate(self.module.clone(), &mut store)
            .map_err(|e| e.to_string())?;
        let start = instance
            .exports
            .get_function("_start")
            .map_err(|e| e.to_string())?;
        let status = match start.call(&mut store, &[]) {
            Ok(_) => 0,
            Err(e) => match e.downcast::<wasmer_wasix::WasiError>() {
                Ok(wasmer_wasix::WasiError::Exit(code)) => code.raw(),
                Ok(other) => return Err(other.to_string()),
                Err(e) => return Err(e.to_string()),
            },
        };
        env.on_exit(&mut store, None);
        let mut stdout = Vec::new();
        let mut buf = [0u8; 4096];
        while let Some(n) = stdout_rx.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            stdout.extend_from_slice(&buf[..n]);
        }
        Ok(CommandOutput { status, stdout })
    }
}

struct WasmerInstance {
    store: Store,
    instance: wasmer::Instance,
}

impl Instance for WasmerInstance {
    fn call(&mut self, name: &str, args: &[Value]) -> Result<Value> {
        let func = self
            .instance
            .exports
            .get_function(name)
            .map_err(|e| e.to_string())?;
        let args: Vec<wasmer::Value> = args
            .iter()
            .map(|a| match *a {
                Value::I32(v) => wasmer::Value::I32(v),
                Value::I64(v) => wasmer::Value::I64(v),
                Value::F64(bits) => wasmer::Value::F64(f64::from_bits(bits)),
            })
            .collect();
        let results = func
            .call(&mut self.store, &args)
            .map_err(|e| e.to_string())?;
        match &*results {
            [wasmer::Value::I32(v)] => Ok(Value::I32(*v)),
            [wasmer::Value::I64(v)] => Ok(Value::I64(*v)),
            [wasmer::Value::F64(v)] => Ok(Value::F64(v.to_bits())),
            other => Err(format!("unexpected results {other:?}")),
        }
    }
}
