//! The runtimes under test and the small interface every one of them is driven through.
//!
//! An adapter turns wasm bytes into a compiled module, a compiled module into an instance,
//! and an instance's export plus `i32`/`i64`/`f64` arguments into one result. Everything
//! runtime-specific (engines, stores, linkers, value types) stays inside the adapter's own
//! file, so the measurement loops in `run` treat all runtimes alike. Each adapter uses its
//! runtime's default configuration apart from the choice of compiler.

mod kestrel;
mod wasmer;
mod wasmi;
mod wasmtime;

use std::fmt;

/// A WebAssembly value passed to or returned from a workload. Floats are kept as bits so
/// results compare exactly, NaN payloads included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    I32(i32),
    I64(i64),
    F64(u64),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::I32(v) => write!(f, "{v} (i32)"),
            Value::I64(v) => write!(f, "{v} (i64)"),
            Value::F64(bits) => write!(f, "{} (f64 {bits:#018x})", f64::from_bits(*bits)),
        }
    }
}

/// Errors cross the adapter boundary as text: the harness only reports them.
pub type Result<T> = std::result::Result<T, String>;

/// One runtime configuration (a compiler, or an interpreter).
pub trait Runtime {
    /// Compiles (or, for a lazy runtime, validates and prepares) a binary module.
    fn compile(&self, wasm: &[u8]) -> Result<Box<dyn Compiled>>;
}

/// A compiled module, ready to be instantiated any number of times.
pub trait Compiled {
    /// A new instance with its own store where the runtime has one. The module imports
    /// nothing; its start function, if any, has run.
    fn instantiate(&self) -> Result<Box<dyn Instance>>;

    /// Bytes of machine code, where the runtime exposes it.
    fn code_size(&self) -> Option<usize> {
        None
    }

    /// Runs the module as a WASI command with the runtime's own preview1 implementation:
    /// a new instance (and store), `_start` with `args` after argv[0], stdout captured.
    fn run_command(&self, _args: &[String]) -> Result<CommandOutput> {
        Err("no WASI support in this adapter".into())
    }
}

/// What a WASI command did: its exit status and everything it wrote to stdout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandOutput {
    pub status: i32,
    pub stdout: Vec<u8>,
}

/// A live instance.
pub trait Instance {
    /// Calls the export `name`, which returns exactly one value.
    fn call(&mut self, name: &str, args: &[Value]) -> Result<Value>;
}

/// A runtime that was built into this binary, or the reason it was not.
pub struct Entry {
    /// Short name used in the table and the `bench` lines.
    pub name: &'static str,
    /// What it is: compiler, version, notable defaults.
    pub describe: String,
    pub runtime: std::result::Result<Box<dyn Runtime>, String>,
}

/// Every runtime, in table order. Kestrel (plain) comes first: ratios are relative to it.
pub fn all() -> Vec<Entry> {
    use crate::versions;
    vec![
        Entry {
            name: "kestrel",
            describe: format!("Kestrel {} single-pass JIT", versions::KESTREL),
            runtime: Ok(Box::new(kestrel::Kestrel::new(None))),
        },
        Entry {
            name: "kestrel-cached",
            describe: format!(
                "Kestrel {} with a code cache (Config::cache_dir in a fresh temporary \
                 directory): the warm-up compile writes the entry, timed ones map it",
                versions::KESTREL
            ),
            runtime: Ok(Box::new(kestrel::Kestrel::with_cache(
                None,
                Some(
                    std::env::temp_dir()
                        .join(format!("kestrel-peers-cache-{}", std::process::id())),
                ),
            ))),
        },
        Entry {
            name: "kestrel-sse41",
            describe: format!(
                "Kestrel {} with vector_instructions(VectorInstructions::Sse41): SIMD on \
                 the SSE4.1 path even on a CPU with AVX2 (which plain kestrel uses)",
                versions::KESTREL
            ),
            runtime: Ok(Box::new(kestrel::Kestrel::sse41())),
        },
        Entry {
            name: "kestrel-debug",
            describe: format!(
                "Kestrel {} with debug_instrumentation(true) (instrumented versions on \
                 first use), no debugger attached",
                versions::KESTREL
            ),
            runtime: Ok(Box::new(kestrel::Kestrel::new(Some(
                ::kestrel::InstrumentedVersions::Lazy,
            )))),
        },
        Entry {
            name: "kestrel-debug-eager",
            describe: format!(
                "Kestrel {} with debug_instrumentation(true) and every instrumented \
                 version compiled with the module, no debugger attached",
                versions::KESTREL
            ),
            runtime: Ok(Box::new(kestrel::Kestrel::new(Some(
                ::kestrel::InstrumentedVersions::Eager,
            )))),
        },
        Entry {
            name: "kestrel-watch",
            describe: format!(
                "Kestrel {} with debug_instrumentation(true) and, in every instance, an \
                 access watchpoint on 4 bytes past memory 0's initial end, which the \
                 workloads never touch (a hit fails the run)",
                versions::KESTREL
            ),
            runtime: Ok(Box::new(kestrel::Kestrel::watching())),
        },
        Entry {
            name: "wasmtime-cranelift",
            describe: format!(
                "wasmtime {} Strategy::Cranelift (optimizing)",
                versions::WASMTIME
            ),
            runtime: wasmtime::Wasmtime::new(::wasmtime::Strategy::Cranelift)
                .map(|r| Box::new(r) as Box<dyn Runtime>),
        },
        Entry {
            name: "wasmtime-winch",
            describe: format!(
                "wasmtime {} Strategy::Winch (single-pass)",
                versions::WASMTIME
            ),
            runtime: wasmtime::Wasmtime::new(::wasmtime::Strategy::Winch)
                .map(|r| Box::new(r) as Box<dyn Runtime>),
        },
        Entry {
            name: "wasmer-singlepass",
            describe: format!(
                "wasmer {} Singlepass (single-pass, dynasm)",
                versions::WASMER
            ),
            runtime: Ok(Box::new(wasmer::Wasmer::new())),
        },
        Entry {
            name: "wasmi",
            describe: format!(
                "wasmi {} interpreter (default: eager validation, lazy translation; simd feature)",
                versions::WASMI
            ),
            runtime: Ok(Box::new(wasmi::Wasmi::new())),
        },
    ]
}
