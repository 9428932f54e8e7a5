//! `kestrel-peers`: runs each workload on Kestrel and on peer runtimes (wasmtime with
//! Cranelift and with Winch, wasmer Singlepass, wasmi) in one process, interleaved, and
//! prints per-workload blocks, a summary table and `bench <workload> <runtime> <median_ns>`
//! lines. This package is the only place in the workspace that builds peer runtimes.
//!
//! ```text
//! cargo run --release -p kestrel-peers [-- --quick] [--only WORKLOAD[,WORKLOAD]]
//!     [--runtimes NAME[,NAME]] [--reps N]
//! cargo run --release -p kestrel-peers -- --emit-compile-modules DIR
//! ```
//!
//! Layout: `runtimes` (one adapter per runtime behind a small trait), `workloads` (what
//! runs, with which sizes; wat sources and C programs in `workloads/`), `generate` (the
//! compile workloads' modules, scalar and SIMD), `run` (the interleaved measurement loops
//! and result checks), `measure` (clocks, statistics, tables and machine-readable lines),
//! `versions`.

mod generate;
mod measure;
mod run;
mod runtimes;
mod versions;
mod workloads;

use measure::WorkloadResult;
use std::time::Instant;
use workloads::Kind;

/// Repetitions (samples per runtime per workload) in the full and quick modes.
const FULL_REPS: usize = 11;
const QUICK_REPS: usize = 3;

struct Options {
    quick: bool,
    only: Vec<String>,
    runtimes: Vec<String>,
    reps: Option<usize>,
    /// Write the compile workloads' generated modules here and exit (for profiling
    /// `kestrel compile` of exactly what the harness measures).
    emit_modules: Option<std::path::PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        quick: false,
        only: Vec::new(),
        runtimes: Vec::new(),
        reps: None,
        emit_modules: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--only" => {
                let list = args.next().ok_or("--only needs a workload name")?;
                options.only.extend(list.split(',').map(str::to_string));
            }
            "--runtimes" => {
                let list = args.next().ok_or("--runtimes needs a runtime name")?;
                options.runtimes.extend(list.split(',').map(str::to_string));
            }
            "--reps" => {
                let n = args.next().ok_or("--reps needs a number")?;
                options.reps = Some(n.parse().map_err(|_| format!("bad --reps {n}"))?);
            }
            "--emit-compile-modules" => {
                let dir = args
                    .next()
                    .ok_or("--emit-compile-modules needs a directory")?;
                options.emit_modules = Some(dir.into());
            }
            "-h" | "--help" => {
                println!(
                    "usage: kestrel-peers [--quick] [--only WORKLOAD[,WORKLOAD]] \
                     [--runtimes NAME[,NAME]] [--reps N] | --emit-compile-modules DIR\n\
                     runtimes: kestrel (always run: the reference), kestrel-cached, \
                     kestrel-sse41 (SIMD on the SSE4.1 path), kestrel-debug, \
                     kestrel-debug-eager, kestrel-watch (a watchpoint never hit), \
                     wasmtime-cranelift, wasmtime-winch, wasmer-singlepass, wasmi\n\
                     workloads: fib, call_indirect, tail_calls (.mutual .interpreter), exceptions, loops (.sieve .matmul .mandelbrot), \
                     memory (.memcpy .quicksort), wasi (.mixed .compress .arx .blake .counters), \
                     simd (.base64 .matrix .blur .search .hash .autovec), \
                     compile (also selects compile.simd), compile.simd, instantiate\n\
                     --only takes full names or groups (the part before the dot)"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other} (try --help)")),
        }
    }
    Ok(options)
}

/// Writes the compile workloads' modules to `dir` as `compile.wasm` and
/// `compile.simd.wasm`.
fn emit_compile_modules(dir: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, wasm) in [
        ("compile.wasm", generate::large_module()),
        ("compile.simd.wasm", generate::simd_module()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, wasm).map_err(|e| format!("{}: {e}", path.display()))?;
        println!(
            "{} ({} bytes)",
            path.display(),
            std::fs::metadata(&path).map_or(0, |m| m.len())
        );
    }
    Ok(())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

/// The 1, 5 and 15 minute load averages: other work on the machine shows up as spread.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or("?".into(), |s| {
        s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    })
}

fn main() {
    let options = match parse_args() {
        Ok(options) => options,
        Err(e) => {
            eprintln!("kestrel-peers: {e}");
            std::process::exit(2);
        }
    };
    if let Some(dir) = &options.emit_modules {
        if let Err(e) = emit_compile_modules(dir) {
            eprintln!("kestrel-peers: {e}");
            std::process::exit(2);
        }
        return;
    }
    let reps = options
        .reps
        .unwrap_or(if options.quick { QUICK_REPS } else { FULL_REPS });
    let workloads: Vec<_> = workloads::all(options.quick)
        .into_iter()
        .filter(|w| options.only.is_empty() || options.only.iter().any(|f| w.matches(f)))
        .collect();
    if workloads.is_empty() {
        eprintln!("kestrel-peers: no workload matches {:?}", options.only);
        std::process::exit(2);
    }
    let entries: Vec<_> = runtimes::all()
        .into_iter()
        .filter(|e| {
            e.name == "kestrel"
                || options.runtimes.is_empty()
                || options.runtimes.iter().any(|r| r == e.name)
        })
        .collect();
    let started = Instant::now();

    println!("kestrel-peers: Kestrel and peer WebAssembly runtimes in one process, interleaved");
    println!(
        "versions: kestrel {} at {}, wasmtime {}, wasmer {}, wasmi {}; {}",
        versions::KESTREL,
        versions::KESTREL_COMMIT,
        versions::WASMTIME,
        versions::WASMER,
        versions::WASMI,
        versions::RUSTC
    );
    println!(
        "machine: {}, {} logical CPUs, Linux {}",
        cpu_model(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map_or("?".into(), |s| s.trim().to_string())
    );
    println!("load average at start: {}", load_average());
    println!(
        "mode: {}, {reps} repetitions per workload and runtime, median reported",
        if options.quick { "quick" } else { "full" }
    );
    println!("runtimes:");
    for entry in &entries {
        match &entry.runtime {
            Ok(_) => println!("  {:<20} {}", entry.name, entry.describe),
            Err(reason) => println!("  {:<20} not built: {reason}", entry.name),
        }
    }

    let mut results = Vec::new();
    for workload in &workloads {
        let mut notes = Vec::new();
        let rows = match &workload.kind {
            Kind::Call { wat, args } => run::call(&entries, wat, args, reps, &mut notes),
            Kind::Compile { wasm } => {
                notes.push(
                    "compilers may use every core: Kestrel splits a large module (plain or \
                     instrumented) into chunks that threads take from a queue, wasmtime \
                     and wasmer Singlepass compile functions in parallel (rayon); `cores` is CPU time over wall time. wasmi validates \
                     only; it translates each function on its first call."
                        .into(),
                );
                run::compile(&entries, wasm, reps, &mut notes)
            }
            Kind::Program { wasm, args } => {
                notes.push(
                    "each sample instantiates with the runtime's own WASI preview1 and runs \
                     `_start`; exit status and stdout checked against Kestrel's"
                        .into(),
                );
                run::program(&entries, wasm, args, reps, &mut notes)
            }
            Kind::Instantiate { wat, count, alive } => {
                notes.push(format!(
                    "median is per instantiation (a batch of {count} per sample, each \
                     creating and dropping an instance and, for peers, its store)"
                ));
                run::instantiate(&entries, wat, *count, *alive, reps, &mut notes)
            }
        };
        let result = WorkloadResult {
            name: workload.name,
            describe: workload.describe.clone(),
            rows,
            notes,
        };
        result.print_block();
        results.push(result);
    }

    let names: Vec<&'static str> = entries.iter().map(|e| e.name).collect();
    measure::print_summary(&results, &names);
    measure::print_machine_lines(&results);
    println!();
    println!(
        "total wall time {:.1} s; load average at end: {}",
        started.elapsed().as_secs_f64(),
        load_average()
    );
}
