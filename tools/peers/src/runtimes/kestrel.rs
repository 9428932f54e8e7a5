//! Kestrel adapter: plain, compiled with debug instrumentation (instrumented versions on
//! first use or with the module) and no debugger attached, or with SIMD code forced onto
//! the SSE4.1 vector path.

use super::{CommandOutput, Compiled, Instance, Result, Runtime, Value};
use kestrel::wasi::{self, OutputBuffer, OutputStream, WasiCtxBuilder};
use kestrel::{Config, Engine, InstrumentedVersions, Linker, Module, Val, VectorInstructions};

pub struct Kestrel {
    engine: Engine,
}

impl Kestrel {
    pub fn new(debug: Option<InstrumentedVersions>) -> Kestrel {
        Kestrel::with_cache(debug, None)
    }

    /// Plain, but with SIMD compiled for the SSE4.1 baseline even on an AVX2 CPU
    /// (`Config::vector_instructions(VectorInstructions::Sse41)`).
    pub fn sse41() -> Kestrel {
        let mut config = Config::new();
        config.vector_instructions(VectorInstructions::Sse41);
        Kestrel {
            engine: Engine::new(&config),
        }
    }

    /// With a code cache in `cache`: the first compile of a module (the harness's
    /// warm-up) writes its entry, later ones map it (`Config::cache_dir`).
    pub fn with_cache(
        debug: Option<InstrumentedVersions>,
        cache: Option<std::path::PathBuf>,
    ) -> Kestrel {
        let mut config = Config::new();
        config.debug_instrumentation(debug.is_some());
        if let Some(when) = debug {
            config.instrumented_versions(when);
        }
        if let Some(dir) = cache {
            config.cache_dir(dir);
        }
        Kestrel {
            engine: Engine::new(&config),
        }
    }
}

impl Runtime for Kestrel {
    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>> {
        let module = Module::from_binary(&self.engine, wasm).map_err(|e| e.to_string())?;
        Ok(Box::new(KestrelModule {
            linker: Linker::new(&self.engine),
            module,
        }))
    }
}

struct KestrelModule {
    linker: Linker,
    module: Module,
}

impl Compiled for KestrelModule {
    fn instantiate(&self) -> Result<Box<dyn Instance>> {
        let instance = self
            .linker
            .instantiate(&self.module)
            .map_err(|e| e.to_string())?;
        Ok(Box::new(KestrelInstance(instance)))
    }

    fn code_size(&self) -> Option<usize> {
        // The module's code and the instrumented versions compiled so far.
        let instrumented: usize = self
            .module
            .instrumented_versions()
            .iter()
            .map(|(_, code)| code.len())
            .sum();
        Some(self.module.code().len() + instrumented)
    }

    fn run_command(&self, args: &[String]) -> Result<CommandOutput> {
        let out = OutputBuffer::new();
        let ctx = WasiCtxBuilder::new()
            .arg("program")
            .args(args.iter().cloned())
            .stdout(OutputStream::Buffer(out.clone()))
            .build();
        let mut linker = Linker::new(self.module.engine());
        wasi::add_to_linker(&mut linker, &ctx);
        let instance = linker
            .instantiate(&self.module)
            .map_err(|e| e.to_string())?;
        let status = wasi::run_start(&instance).map_err(|e| e.to_string())?;
        Ok(CommandOutput {
            status,
            stdout: out.contents(),
        })
    }
}

struct KestrelInstance(kestrel::Instance);

impl Instance for KestrelInstance {
    fn call(&mut self, name: &str, args: &[Value]) -> Result<Value> {
        let func = self
            .0
            .get_func(name)
            .ok_or_else(|| format!("no export {name}"))?;
        let args: Vec<Val> = args
            .iter()
            .map(|a| match *a {
                Value::I32(v) => Val::I32(v),
                Value::I64(v) => Val::I64(v),
                Value::F64(bits) => Val::F64(bits),
            })
            .collect();
        let results = func.call(&args).map_err(|e| e.to_string())?;
        match results.as_slice() {
            [Val::I32(v)] => Ok(Value::I32(*v)),
            [Val::I64(v)] => Ok(Value::I64(*v)),
            [Val::F64(bits)] => Ok(Value::F64(*bits)),
            other => Err(format!("unexpected results {other:?}")),
        }
    }
}
