//! Kestrel adapter: plain, compiled with debug instrumentation (instrumented versions on
//! first use or with the module) and no debugger attached, or with SIMD code forced onto
//! the SSE4.1 vector path, or with a watchpoint on memory the code never touches.

use super::{CommandOutput, Compiled, Instance, Result, Runtime, Value};
use kestrel::wasi::{self, OutputBuffer, OutputStream, WasiCtxBuilder};
use kestrel::{
    Config, Engine, InstrumentedVersions, Linker, Module, Resume, Val, VectorInstructions,
    WatchKind,
};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub struct Kestrel {
    engine: Engine,
    /// Every instance gets a watchpoint past its memory's initial end
    /// (`Kestrel::watching`).
    watch: bool,
}

/// The watchpoint `Kestrel::watching` sets: `Access` of the last 4 bytes a 32-bit memory
/// 0 can have, which no workload touches (their memories stay far smaller). Its handler
/// counts hits, and a hit fails the run: the figure is the cost of a watchpoint that never
/// fires. A module without memories runs without one.
fn watch_untouched(instance: &kestrel::Instance) -> Result<Arc<AtomicU64>> {
    let hits = Arc::new(AtomicU64::new(0));
    let debugger = instance.debugger().map_err(|e| e.to_string())?;
    let counter = hits.clone();
    debugger.set_handler(move |_, _| {
        counter.fetch_add(1, Ordering::Relaxed);
        Resume::Continue
    });
    match debugger.set_watchpoint(0, (1 << 32) - 4, 4, WatchKind::Access) {
        Ok(_) => Ok(hits),
        // No memory 0: nothing to watch.
        Err(kestrel::Error::Usage(m)) if m.contains("has no memory") => Ok(hits),
        Err(e) => Err(e.to_string()),
    }
}

fn check_no_hits(hits: &AtomicU64) -> Result<()> {
    match hits.load(Ordering::Relaxed) {
        0 => Ok(()),
        n => Err(format!(
            "the watchpoint on untouched memory fired {n} times: pick another address"
        )),
    }
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
            watch: false,
        }
    }

    /// Debuggable (instrumented versions on first use), every instance with a watchpoint
    /// on memory its code never touches (`watch_untouched`).
    pub fn watching() -> Kestrel {
        let mut config = Config::new();
        config.debug_instrumentation(true);
        Kestrel {
            engine: Engine::new(&config),
            watch: true,
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
            watch: false,
        }
    }
}

impl Runtime for Kestrel {
    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>> {
        let module = Module::from_binary(&self.engine, wasm).map_err(|e| e.to_string())?;
        Ok(Box::new(KestrelModule {
            linker: Linker::new(&self.engine),
            module,
            watch: self.watch,
        }))
    }
}

struct KestrelModule {
    linker: Linker,
    module: Module,
    watch: bool,
}

impl Compiled for KestrelModule {
    fn instantiate(&self) -> Result<Box<dyn Instance>> {
        let instance = self
            .linker
            .instantiate(&self.module)
            .map_err(|e| e.to_string())?;
        let hits = if self.watch {
            Some(watch_untouched(&instance)?)
        } else {
            None
        };
        Ok(Box::new(KestrelInstance(instance, hits)))
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
        let hits = if self.watch {
            Some(watch_untouched(&instance)?)
        } else {
            None
        };
        let status = wasi::run_start(&instance).map_err(|e| e.to_string())?;
        if let Some(hits) = hits {
            check_no_hits(&hits)?;
        }
        Ok(CommandOutput {
            status,
            stdout: out.contents(),
        })
    }
}

/// An instance, and the hit count of its watchpoint (`Kestrel::watching`).
struct KestrelInstance(kestrel::Instance, Option<Arc<AtomicU64>>);

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
        if let Some(hits) = &self.1 {
            check_no_hits(hits)?;
        }
        match results.as_slice() {
            [Val::I32(v)] => Ok(Value::I32(*v)),
            [Val::I64(v)] => Ok(Value::I64(*v)),
            [Val::F64(bits)] => Ok(Value::F64(*bits)),
            other => Err(format!("unexpected results {other:?}")),
        }
    }
}
