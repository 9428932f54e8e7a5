//! `kestrel-fuzz`: runs a module generator against the oracle for as many seeds as asked,
//! on every core, and saves every divergence reduced.
//!
//! ```text
//! kestrel-fuzz --generator NAME --seeds N [--start S] [--jobs J] [--out DIR]
//!              [--timeout SECS] [--no-reduce]
//! kestrel-fuzz --modules DIR [--jobs J] [--out DIR] ...
//!                                    the same run over the modules of a directory
//!                                    (`.wasm` or `.wat`, by name: the n-th is seed n),
//!                                    e.g. an earlier run's saved failures
//! kestrel-fuzz --check FILE          compare the engines on one module
//! kestrel-fuzz --alone SIDE FILE     run only `kestrel` or only the `references` on it
//! kestrel-fuzz --matrix              run the location matrix
//! kestrel-fuzz --debug-ops --generator NAME --seeds N ...
//!                                    debug-operation sessions instead of the comparison
//!                                    (`kestrel_fuzz::debug_ops`); with --check or
//!                                    --reduce, --ops-seed S names the session
//! kestrel-fuzz --wasi-calls --seeds N [--calls C] ...
//!                                    WASI-call sequences instead: each seed is C hostile
//!                                    calls to the preview1 functions in a fresh sandbox
//!                                    (`kestrel_fuzz::wasi_calls`); a failing seed is
//!                                    reproduced by `--wasi-calls --start SEED --seeds 1`
//! ```
//!
//! Seeds run in worker processes (the same program with `--worker FROM TO`), so that a
//! module that crashes Kestrel or runs forever is recorded as a failure of its seed, not
//! the end of the run: the supervisor restarts the worker past that seed. Every failing
//! seed's module is written to `DIR` (default `fuzz-out/`) as `GEN-SEED.wasm`, then
//! reduced with `wasm-shrink` (each candidate checked in a fresh process, with the
//! timeout) to `GEN-SEED-reduced.wasm` and `.wat`. The last line is the summary:
//! `fuzz GEN: M modules (seeds S..E), A agreed (X cut short by stack exhaustion),
//! K skipped, R wasmi 2.0 bugs, Q reference crashes, D diverged, C crashed, H hung, in T s`.
//! A crashed seed is attributed before it counts: if a process running only the
//! references on its module crashes and one running only Kestrel finishes (`--alone`),
//! it is a reference crash, not a failure. The exit status is 1 if any seed failed.

use clap::Parser;
use kestrel_fuzz::debug_ops::Verdict as SessionVerdict;
use kestrel_fuzz::oracle::{Alone, Oracle, Verdict};
use kestrel_fuzz::Generator;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

// The WASI-call sequences measure the host heap each call takes.
#[global_allocator]
static HEAP: kestrel_fuzz::heap::Counting = kestrel_fuzz::heap::Counting;

#[derive(Parser, Debug)]
#[command(
    name = "kestrel-fuzz",
    about = "Differential fuzzing of Kestrel against wasmi"
)]
struct Args {
    /// Generator: smith, swarm or shaped.
    #[arg(long, default_value = "shaped")]
    generator: String,
    /// Number of seeds (modules) to run.
    #[arg(long, default_value_t = 1000)]
    seeds: u64,
    /// First seed.
    #[arg(long, default_value_t = 0)]
    start: u64,
    /// Worker processes (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// Where failing modules go.
    #[arg(long, default_value = "fuzz-out")]
    out: PathBuf,
    /// Seconds one module may run before it counts as hung.
    #[arg(long, default_value_t = 20)]
    timeout: u64,
    /// Save failing modules without reducing them.
    #[arg(long)]
    no_reduce: bool,
    /// Kestrel configurations to compare, comma-separated, by label (default: every
    /// configuration of `oracle::configurations`; an unknown label lists them).
    #[arg(long, value_delimiter = ',')]
    configs: Option<Vec<String>>,
    /// Compare the engines on one module file and print the verdict (exit 0: agree,
    /// 1: diverge, 2: skip).
    #[arg(long, value_name = "FILE")]
    check: Option<PathBuf>,
    /// Run the location matrix.
    #[arg(long)]
    matrix: bool,
    /// Reduce a module file that diverges (or crashes, or hangs) to FILE-reduced.wasm.
    #[arg(long, value_name = "FILE")]
    reduce: Option<PathBuf>,
    /// Run debug-operation sessions (`kestrel_fuzz::debug_ops`) instead of the
    /// differential comparison: random debugger operations on each module, checked
    /// against invariants that need no reference debugger.
    #[arg(long)]
    debug_ops: bool,
    /// With --debug-ops and --check or --reduce: the seed of the session's operations
    /// (for a failing session, its module's seed).
    #[arg(long, default_value_t = 0)]
    ops_seed: u64,
    /// Run WASI-call sequences (`kestrel_fuzz::wasi_calls`) instead of modules: each seed
    /// is `--calls` hostile calls to the preview1 functions in a fresh sandbox.
    #[arg(long)]
    wasi_calls: bool,
    /// Calls per WASI-call sequence.
    #[arg(long, default_value_t = 100)]
    calls: u32,
    /// Write the generator's modules for the seeds to DIR (`<generator>-<seed>.wasm`)
    /// instead of running them.
    #[arg(long, value_name = "DIR")]
    emit: Option<PathBuf>,
    /// Run only one side on a module file, its observations dropped: `kestrel` (every
    /// configuration) or `references` (wasmi 2.0, wasmi 0.31, wasmtime); exit 0 when it
    /// finishes. The supervisor uses it to attribute a crash.
    #[arg(long, num_args = 2, value_names = ["SIDE", "FILE"])]
    alone: Option<Vec<String>>,
    /// Run the modules of this directory (`.wasm` or `.wat` files, in name order: the
    /// n-th is seed n) instead of a generator's; `--start` and `--seeds` are ignored.
    #[arg(long, value_name = "DIR")]
    modules: Option<PathBuf>,
    /// Internal: run seeds FROM..TO and report each on stdout.
    #[arg(long, num_args = 2, value_names = ["FROM", "TO"], hide = true)]
    worker: Option<Vec<u64>>,
}

/// `--emit`: writes the modules of the seeds asked for; 0 on success, 2 on an error.
fn emit_modules(args: &Args, dir: &std::path::Path) -> i32 {
    let Some(generator) = kestrel_fuzz::Generator::by_name(&args.generator) else {
        eprintln!("error: no generator `{}`", args.generator);
        return 2;
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: {}: {e}", dir.display());
        return 2;
    }
    for seed in args.start..args.start.saturating_add(args.seeds) {
        let Some(module) = generator.generate(seed) else {
            continue;
        };
        let path = dir.join(format!("{}-{seed}.wasm", generator.name()));
        if let Err(e) = std::fs::write(&path, module) {
            eprintln!("error: {}: {e}", path.display());
            return 2;
        }
    }
    0
}

fn main() {
    let args = Args::parse();
    let oracle = match oracle_for(args.configs.as_deref()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let sessions = args.debug_ops.then_some(args.ops_seed);
    if let Some(path) = &args.check {
        std::process::exit(check_file(&oracle, sessions, path));
    }
    if let Some(alone) = &args.alone {
        std::process::exit(run_alone(&oracle, alone));
    }
    if args.matrix {
        std::process::exit(run_matrix());
    }
    if let Some(dir) = &args.emit {
        std::process::exit(emit_modules(&args, dir));
    }
    if let Some(path) = &args.reduce {
        std::process::exit(reduce_file(path, args.timeout, &check_args(sessions)));
    }
    let mut args = args;
    let source = match &args.modules {
        Some(dir) => match module_files(dir) {
            Ok(files) => {
                args.start = 0;
                args.seeds = files.len() as u64;
                Source::Files {
                    dir: dir.clone(),
                    files,
                }
            }
            Err(e) => {
                eprintln!("error: {}: {e}", dir.display());
                std::process::exit(2);
            }
        },
        None => match Generator::by_name(&args.generator) {
            Some(g) => Source::Generator(g),
            None => {
                let names: Vec<&str> = Generator::ALL.iter().map(|(n, _)| *n).collect();
                eprintln!(
                    "error: unknown generator `{}` (one of: {})",
                    args.generator,
                    names.join(", ")
                );
                std::process::exit(2);
            }
        },
    };
    if let Some(range) = &args.worker {
        let mode = if args.wasi_calls {
            Mode::WasiCalls(args.calls)
        } else if args.debug_ops {
            Mode::Sessions
        } else {
            Mode::Compare
        };
        worker(&oracle, mode, &source, range[0], range[1]);
        return;
    }
    std::process::exit(supervise(&args, &source));
}

/// Where a run's modules come from: a generator's seeds, or the files of a directory
/// (`--modules`), the n-th by name standing for seed n.
enum Source {
    Generator(Generator),
    Files { dir: PathBuf, files: Vec<PathBuf> },
}

/// The `.wasm` and `.wat` files of `dir`, in name order (`--modules`).
fn module_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("wasm" | "wat")))
        .collect();
    files.sort();
    Ok(files)
}

impl Source {
    /// The module for `seed`, or None (the generator built none; no such file, or it
    /// does not parse).
    fn module(&self, seed: u64) -> Option<Vec<u8>> {
        match self {
            Source::Generator(g) => g.generate(seed),
            Source::Files { files, .. } => {
                let path = files.get(usize::try_from(seed).ok()?)?;
                wat::parse_file(path).ok()
            }
        }
    }

    /// The name in the summary and in saved files' names.
    fn name(&self) -> &'static str {
        match self {
            Source::Generator(g) => g.name(),
            Source::Files { .. } => "modules",
        }
    }

    /// The arguments that make a worker read the same modules.
    fn worker_args(&self) -> Vec<std::ffi::OsString> {
        match self {
            Source::Generator(g) => vec!["--generator".into(), g.name().into()],
            Source::Files { dir, .. } => vec!["--modules".into(), dir.into()],
        }
    }
}

/// The oracle over the named configurations (all of them by default).
fn oracle_for(names: Option<&[String]>) -> Result<Oracle, String> {
    let all = kestrel_fuzz::oracle::configurations();
    let Some(names) = names else {
        return Ok(Oracle::with_configurations(all));
    };
    let mut chosen = Vec::new();
    for name in names {
        let config = all
            .iter()
            .find(|(label, _)| label == name)
            .ok_or_else(|| format!("unknown configuration `{name}`"))?;
        chosen.push(config.clone());
    }
    Ok(Oracle::with_configurations(chosen))
}

/// The arguments a `--check` subprocess needs besides the file: the session's seed in
/// debug-operation mode.
fn check_args(sessions: Option<u64>) -> Vec<String> {
    match sessions {
        Some(seed) => vec!["--debug-ops".into(), "--ops-seed".into(), seed.to_string()],
        None => Vec::new(),
    }
}

/// Waits for `child` for at most `timeout` seconds: its exit status, or None when it ran
/// past the timeout (it is then killed). Polls, since std has no wait with a timeout.
fn wait_with_timeout(child: &mut Child, timeout: u64) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + Duration::from_secs(timeout);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() > deadline => break,
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// `--alone SIDE FILE`: 0 when the side finishes, 2 on a bad side or file.
fn run_alone(oracle: &Oracle, alone: &[String]) -> i32 {
    let [side, path] = alone else {
        return 2;
    };
    let side = match side.as_str() {
        "kestrel" => Alone::Kestrel,
        "references" => Alone::References,
        other => {
            eprintln!("error: --alone takes `kestrel` or `references`, not `{other}`");
            return 2;
        }
    };
    match wat::parse_file(path) {
        Ok(bytes) => {
            oracle.run_alone(side, &bytes);
            0
        }
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            2
        }
    }
}

/// Whose crash a differential seed's crash is: the module is run in one process with
/// only the references and in another with only Kestrel (`--alone`). If the references
/// alone crash (or run past `timeout`) and Kestrel alone finishes, it is the reference's
/// (wasmi 2.0's interpreter, for one, can overflow the host stack): the reason, else None.
fn reference_crash(bytes: &[u8], dir: &Path, name: &str, timeout: u64) -> Option<String> {
    let path = dir.join(format!("{name}-alone.wasm"));
    std::fs::write(&path, bytes).ok()?;
    let exe = std::env::current_exe().ok()?;
    let finishes = |side: &str| -> Option<std::process::ExitStatus> {
        let mut child = Command::new(&exe)
            .args(["--alone", side])
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        wait_with_timeout(&mut child, timeout)
    };
    let kestrel = finishes("kestrel");
    let references = finishes("references");
    let _ = std::fs::remove_file(&path);
    match (kestrel, references) {
        (Some(k), Some(r)) if k.success() && !r.success() => Some(format!(
            "the references alone end with {r}; Kestrel alone finishes"
        )),
        (Some(k), None) if k.success() => Some(format!(
            "the references alone run past {timeout} s; Kestrel alone finishes"
        )),
        _ => None,
    }
}

/// One module through the oracle, or (`sessions`: the operations' seed) through a
/// debug-operation session.
fn check_file(oracle: &Oracle, sessions: Option<u64>, path: &Path) -> i32 {
    let bytes = match wat::parse_file(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return 3;
        }
    };
    if let Some(seed) = sessions {
        return match kestrel_fuzz::debug_ops::session(&bytes, seed) {
            SessionVerdict::Pass(report) => {
                println!("pass: {report:?}");
                0
            }
            SessionVerdict::Skip(why) => {
                println!("skip: {why}");
                2
            }
            SessionVerdict::Fail(why) => {
                println!("diverge: {why}");
                1
            }
        };
    }
    match oracle.check(&bytes) {
        Verdict::Agree { exhausted } => {
            println!(
                "agree{}",
                if exhausted {
                    " (cut short by stack exhaustion)"
                } else {
                    ""
                }
            );
            0
        }
        Verdict::Skip(why) => {
            println!("skip: {why}");
            2
        }
        Verdict::Diverge(why) => {
            println!("diverge: {why}");
            1
        }
        Verdict::ReferenceBug(why) => {
            println!("reference bug: {why}");
            4
        }
    }
}

fn reduce_file(path: &Path, timeout: u64, check_args: &[String]) -> i32 {
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("error: cannot read {}", path.display());
        return 3;
    };
    // Classify the failure the way the supervisor would: in a fresh process.
    let exe = std::env::current_exe().expect("the program's own path");
    let mut child = Command::new(exe)
        .args(check_args)
        .arg("--check")
        .arg(path)
        .stdout(Stdio::piped())
        .spawn()
        .expect("starting a check");
    let fate = match wait_with_timeout(&mut child, timeout) {
        Some(status) => {
            let mut out = String::new();
            if let Some(mut o) = child.stdout.take() {
                let _ = std::io::Read::read_to_string(&mut o, &mut out);
            }
            match status.code() {
                Some(1) => Fate::Diverge(out.trim_start_matches("diverge: ").to_string()),
                None => Fate::Crash(status.to_string()),
                _ => {
                    println!("{}: does not fail ({})", path.display(), out.trim());
                    return 0;
                }
            }
        }
        None => Fate::Hang,
    };
    let reduced = reduce_in_subprocesses(&bytes, &fate, timeout, check_args);
    let out = PathBuf::from(format!(
        "{}-reduced.wasm",
        path.with_extension("").display()
    ));
    let _ = std::fs::write(&out, &reduced);
    let text = wasmprinter::print_bytes(&reduced).unwrap_or_default();
    let _ = std::fs::write(out.with_extension("wat"), &text);
    println!(
        "{} bytes -> {} bytes: {}\n{text}",
        bytes.len(),
        reduced.len(),
        out.display()
    );
    1
}

fn run_matrix() -> i32 {
    let start = Instant::now();
    let report = kestrel_fuzz::matrix::run(&Oracle::new());
    for failure in &report.failures {
        println!("{failure}");
    }
    for bug in &report.reference_bugs {
        println!("reference bug: {bug}");
    }
    println!(
        "matrix: {} cases in {} modules, {} agreed, {} failed, in {:.1} s",
        report.cases,
        report.modules,
        report.cases - report.failures.len(),
        report.failures.len(),
        start.elapsed().as_secs_f64()
    );
    i32::from(!report.failures.is_empty())
}

/// What a worker does with each seed.
#[derive(Clone, Copy)]
enum Mode {
    /// Compares the engines on the seed's module.
    Compare,
    /// A debug-operation session on the seed's module, with operations from the seed.
    Sessions,
    /// A WASI-call sequence of this many calls, drawn from the seed.
    WasiCalls(u32),
}

/// Worker: one line per seed on stdout (`begin`, then `ok`, `exhausted`, `skip REASON`
/// or `diverge WHY`), then `done`. A debug-operation session reports `ok SEED STOPS
/// FRAMES WRITES`, a WASI-call sequence `ok SEED CALLS SUCCEEDED REFUSED`.
fn worker(oracle: &Oracle, mode: Mode, source: &Source, from: u64, to: u64) {
    let stdout = std::io::stdout();
    for seed in from..to {
        {
            let mut out = stdout.lock();
            let _ = writeln!(out, "begin {seed}");
            let _ = out.flush();
        }
        let mut counts = String::new();
        let verdict = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if let Mode::WasiCalls(calls) = mode {
                return match kestrel_fuzz::wasi_calls::sequence(seed, calls) {
                    kestrel_fuzz::wasi_calls::Verdict::Pass(r) => {
                        counts = format!(" {} {} {} 0", r.calls, r.succeeded, r.refused);
                        Verdict::Agree { exhausted: false }
                    }
                    kestrel_fuzz::wasi_calls::Verdict::Fail(why) => Verdict::Diverge(why),
                };
            }
            match source.module(seed) {
                Some(bytes) if matches!(mode, Mode::Sessions) => {
                    match kestrel_fuzz::debug_ops::session(&bytes, seed) {
                        SessionVerdict::Pass(r) => {
                            counts = format!(
                                " {} {} {} {}",
                                r.stops, r.frames_checked, r.writes, r.watch_hits
                            );
                            Verdict::Agree { exhausted: false }
                        }
                        SessionVerdict::Skip(why) => Verdict::Skip(why),
                        SessionVerdict::Fail(why) => Verdict::Diverge(why),
                    }
                }
                Some(bytes) => oracle.check(&bytes),
                None => {
                    Verdict::Skip("no module for this seed (none generated, or unreadable)".into())
                }
            }
        }))
        .unwrap_or_else(|p| {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Verdict::Diverge(format!("panic: {msg}"))
        });
        let line = match verdict {
            Verdict::Agree { exhausted: false } => format!("ok {seed}{counts}"),
            Verdict::Agree { exhausted: true } => format!("exhausted {seed}"),
            Verdict::Skip(why) => format!("skip {seed} {}", one_line(&why)),
            Verdict::Diverge(why) => format!("diverge {seed} {}", one_line(&why)),
            Verdict::ReferenceBug(why) => format!("refbug {seed} {}", one_line(&why)),
        };
        let mut out = stdout.lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
    println!("done");
}

fn one_line(s: &str) -> String {
    s.replace('\n', " | ")
}

/// What happened to one seed.
#[derive(Debug, Clone)]
enum Fate {
    /// Agreed (or, in a debug-operation session, passed: its stops, caller frames checked,
    /// locals written and watchpoint hits).
    Ok([u64; 4]),
    Exhausted,
    Skip(String),
    Diverge(String),
    /// wasmi 2.0 alone differs (`Verdict::ReferenceBug`).
    ReferenceBug(String),
    Crash(#[allow(dead_code)] String),
    /// A crash that a reference alone has and Kestrel alone does not (`reference_crash`).
    ReferenceCrash(String),
    Hang,
}

/// A message from a worker's reader thread.
enum Event {
    Begin(usize, u64),
    Fate(usize, u64, Fate),
    Done(usize),
    Exited(usize, String),
}

struct Slot {
    /// Unique per spawned worker: events of a worker killed earlier in the same slot
    /// must not be taken for this one's.
    id: usize,
    child: Child,
    /// The seed in progress and when it began.
    current: Option<(u64, Instant)>,
    /// The range this worker still owes: (next seed, end).
    range: (u64, u64),
}

fn spawn(
    slot_id: usize,
    args: &Args,
    source: &Source,
    from: u64,
    to: u64,
    tx: &mpsc::Sender<Event>,
) -> Child {
    let exe = std::env::current_exe().expect("the program's own path");
    let mut command = Command::new(exe);
    if let Some(configs) = &args.configs {
        command.arg("--configs").arg(configs.join(","));
    }
    if args.debug_ops {
        command.arg("--debug-ops");
    }
    if args.wasi_calls {
        command.args(["--wasi-calls", "--calls", &args.calls.to_string()]);
    }
    let mut child = command
        .args(source.worker_args())
        .arg("--worker")
        .arg(from.to_string())
        .arg(to.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting a worker");
    let stdout = child.stdout.take().expect("worker stdout");
    let tx = tx.clone();
    std::thread::spawn(move || {
        let mut last = String::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let (word, rest) = line.split_once(' ').unwrap_or((line.as_str(), ""));
            let (seed, why) = rest.split_once(' ').unwrap_or((rest, ""));
            let seed: u64 = seed.parse().unwrap_or(0);
            let event = match word {
                "begin" => Event::Begin(slot_id, seed),
                "ok" => {
                    let mut counts = [0; 4];
                    for (c, word) in counts.iter_mut().zip(why.split(' ')) {
                        *c = word.parse().unwrap_or(0);
                    }
                    Event::Fate(slot_id, seed, Fate::Ok(counts))
                }
                "exhausted" => Event::Fate(slot_id, seed, Fate::Exhausted),
                "skip" => Event::Fate(slot_id, seed, Fate::Skip(why.to_string())),
                "diverge" => Event::Fate(slot_id, seed, Fate::Diverge(why.to_string())),
                "refbug" => Event::Fate(slot_id, seed, Fate::ReferenceBug(why.to_string())),
                "done" => {
                    let _ = tx.send(Event::Done(slot_id));
                    return;
                }
                _ => continue,
            };
            last = line.clone();
            if tx.send(event).is_err() {
                return;
            }
        }
        let _ = tx.send(Event::Exited(slot_id, last));
    });
    child
}

fn supervise(args: &Args, source: &Source) -> i32 {
    let started = Instant::now();
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let end = args.start + args.seeds;
    // Chunks small enough to balance, large enough to amortize a worker's start.
    let chunk = (args.seeds / (jobs as u64 * 8)).clamp(1, 2000);
    let mut queue: Vec<(u64, u64)> = (args.start..end)
        .step_by(chunk as usize)
        .map(|a| (a, (a + chunk).min(end)))
        .collect();
    // Taken from the back: the lowest seeds first.
    queue.reverse();
    let (tx, rx) = mpsc::channel();
    let mut slots: Vec<Option<Slot>> = (0..jobs).map(|_| None).collect();
    let mut fates: BTreeMap<u64, Fate> = BTreeMap::new();
    let timeout = Duration::from_secs(args.timeout);
    let mut last_report = Instant::now();
    let mut next_id = 0;
    let mut refill =
        |slots: &mut Vec<Option<Slot>>, queue: &mut Vec<(u64, u64)>, tx: &mpsc::Sender<Event>| {
            for slot in slots.iter_mut() {
                if slot.is_none() {
                    if let Some((a, b)) = queue.pop() {
                        let id = next_id;
                        next_id += 1;
                        let child = spawn(id, args, source, a, b, tx);
                        *slot = Some(Slot {
                            id,
                            child,
                            current: None,
                            range: (a, b),
                        });
                    }
                }
            }
        };
    refill(&mut slots, &mut queue, &tx);
    let index_of = |slots: &[Option<Slot>], id: usize| {
        slots
            .iter()
            .position(|s| s.as_ref().is_some_and(|s| s.id == id))
    };
    while slots.iter().any(Option::is_some) {
        let event = rx.recv_timeout(Duration::from_millis(200));
        // Map a worker id to its slot; events of workers no longer in a slot are stale.
        let event = match event {
            Ok(Event::Begin(id, seed)) => index_of(&slots, id).map(|i| Ok(Event::Begin(i, seed))),
            Ok(Event::Fate(id, seed, fate)) => index_of(&slots, id)
                .map(|i| Ok(Event::Fate(i, seed, fate.clone())))
                .or(Some(Ok(Event::Fate(usize::MAX, seed, fate)))),
            Ok(Event::Done(id)) => index_of(&slots, id).map(|i| Ok(Event::Done(i))),
            Ok(Event::Exited(id, last)) => index_of(&slots, id).map(|i| Ok(Event::Exited(i, last))),
            Err(e) => Some(Err(e)),
        };
        let Some(event) = event else { continue };
        match event {
            Ok(Event::Begin(id, seed)) => {
                if let Some(slot) = &mut slots[id] {
                    slot.current = Some((seed, Instant::now()));
                }
            }
            Ok(Event::Fate(id, seed, fate)) => {
                if let Some(Some(slot)) = slots.get_mut(id) {
                    slot.current = None;
                    slot.range.0 = seed + 1;
                }
                if matches!(fate, Fate::Diverge(_)) {
                    eprintln!("seed {seed}: {fate:?}");
                }
                fates.insert(seed, fate);
            }
            Ok(Event::Done(id)) => {
                if let Some(mut slot) = slots[id].take() {
                    let _ = slot.child.wait();
                }
            }
            Ok(Event::Exited(id, last)) => {
                // The worker died mid-seed: that seed crashed; resume past it.
                if let Some(mut slot) = slots[id].take() {
                    let status = slot.child.wait().map(|s| s.to_string()).unwrap_or_default();
                    if let Some((seed, _)) = slot.current {
                        eprintln!("seed {seed}: crashed ({status})");
                        fates.insert(seed, Fate::Crash(format!("{status}; last line: {last}")));
                        if seed + 1 < slot.range.1 {
                            queue.push((seed + 1, slot.range.1));
                        }
                    } else if slot.range.0 < slot.range.1 {
                        queue.push(slot.range);
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        // Hung seeds: kill the worker, record the seed, resume past it.
        for slot_ref in slots.iter_mut() {
            let hung = matches!(slot_ref, Some(Slot { current: Some((_, t)), .. }) if t.elapsed() > timeout);
            if hung {
                let mut slot = slot_ref.take().expect("checked above");
                let (seed, _) = slot.current.expect("checked above");
                let _ = slot.child.kill();
                let _ = slot.child.wait();
                eprintln!("seed {seed}: hung (over {} s)", args.timeout);
                fates.insert(seed, Fate::Hang);
                if seed + 1 < slot.range.1 {
                    queue.push((seed + 1, slot.range.1));
                }
            }
        }
        refill(&mut slots, &mut queue, &tx);
        if last_report.elapsed() > Duration::from_secs(60) {
            last_report = Instant::now();
            eprintln!(
                "... {} of {} seeds, {:.0} s",
                fates.len(),
                args.seeds,
                started.elapsed().as_secs_f64()
            );
        }
    }
    // Reader threads for killed workers report their exit; drain what is left.
    while rx.try_recv().is_ok() {}
    summarize(args, source, &fates, started)
}

fn summarize(args: &Args, source: &Source, fates: &BTreeMap<u64, Fate>, started: Instant) -> i32 {
    // A differential seed's crash may be a reference's: ask before counting.
    let attributed: BTreeMap<u64, Fate>;
    let fates = if args.debug_ops || args.wasi_calls {
        fates
    } else {
        attributed = fates
            .iter()
            .map(|(&seed, fate)| {
                let fate = match fate {
                    Fate::Crash(_) => source
                        .module(seed)
                        .and_then(|bytes| {
                            let _ = std::fs::create_dir_all(&args.out);
                            let name = format!("{}-{seed}", source.name());
                            reference_crash(&bytes, &args.out, &name, args.timeout)
                        })
                        .map_or_else(|| fate.clone(), Fate::ReferenceCrash),
                    other => other.clone(),
                };
                (seed, fate)
            })
            .collect();
        &attributed
    };
    let mut counts = BTreeMap::<&str, u64>::new();
    let mut session_totals = [0u64; 4];
    let mut skip_reasons = BTreeMap::<String, u64>::new();
    let mut failures = Vec::new();
    for (&seed, fate) in fates {
        let key = match fate {
            Fate::Ok(c) => {
                for (total, n) in session_totals.iter_mut().zip(c) {
                    *total += n;
                }
                "agreed"
            }
            Fate::Exhausted => "exhausted",
            Fate::Skip(why) => {
                // Group reasons by their first words.
                let short: String = why.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
                *skip_reasons.entry(short).or_default() += 1;
                "skipped"
            }
            Fate::Diverge(_) => "diverged",
            Fate::ReferenceBug(_) => "reference bugs",
            Fate::Crash(_) => "crashed",
            Fate::ReferenceCrash(_) => "reference crashes",
            Fate::Hang => "hung",
        };
        *counts.entry(key).or_default() += 1;
        if matches!(fate, Fate::Diverge(_) | Fate::Crash(_) | Fate::Hang) {
            failures.push((seed, fate.clone()));
        }
        if let Fate::ReferenceBug(why) = fate {
            println!(
                "reference bug at seed {seed} (not a Kestrel failure): {}",
                why.chars().take(200).collect::<String>()
            );
        }
        if let Fate::ReferenceCrash(why) = fate {
            println!("reference crash at seed {seed} (not a Kestrel failure): {why}");
        }
    }
    let missing = args.seeds - fates.len() as u64;
    let count = |k: &str| counts.get(k).copied().unwrap_or(0);
    if args.wasi_calls {
        for (seed, fate) in &failures {
            println!("failure at seed {seed}: {fate:?}");
        }
        let [calls, succeeded, refused, _] = session_totals;
        println!(
            "fuzz wasi-calls: {} sequences (seeds {}..{}), {} passed ({calls} calls: {succeeded} succeeded, {refused} refused with an errno, the rest exits), {} failed, {} crashed, {} hung{}, in {:.0} s",
            fates.len(),
            args.start,
            args.start + args.seeds,
            count("agreed"),
            count("diverged"),
            count("crashed"),
            count("hung"),
            if missing > 0 { format!(", {missing} not run") } else { String::new() },
            started.elapsed().as_secs_f64()
        );
        return i32::from(!failures.is_empty() || missing > 0);
    }
    if !failures.is_empty() {
        let _ = std::fs::create_dir_all(&args.out);
    }
    for (seed, fate) in &failures {
        println!("failure at seed {seed}: {fate:?}");
        let Some(bytes) = source.module(*seed) else {
            continue;
        };
        let base = args.out.join(format!("{}-{seed}", source.name()));
        let _ = std::fs::write(base.with_extension("wasm"), &bytes);
        if args.no_reduce {
            continue;
        }
        let check_args = check_args(args.debug_ops.then_some(*seed));
        let reduced = reduce_in_subprocesses(&bytes, fate, args.timeout, &check_args);
        let path = PathBuf::from(format!("{}-reduced.wasm", base.display()));
        let _ = std::fs::write(&path, &reduced);
        let text = wasmprinter::print_bytes(&reduced).unwrap_or_default();
        let _ = std::fs::write(path.with_extension("wat"), &text);
        println!(
            "  reduced to {} bytes: {}\n{text}",
            reduced.len(),
            path.display()
        );
    }
    for (reason, n) in &skip_reasons {
        println!("  skipped {n}: {reason}");
    }
    if args.debug_ops {
        let [stops, frames, writes, watch_hits] = session_totals;
        println!(
            "fuzz debug-ops {}: {} sessions (seeds {}..{}), {} passed ({stops} stops, {frames} caller frames checked against their records, {writes} locals written, {watch_hits} watchpoint hits), {} skipped, {} failed, {} crashed, {} hung{}, in {:.0} s",
            source.name(),
            fates.len(),
            args.start,
            args.start + args.seeds,
            count("agreed"),
            count("skipped"),
            count("diverged"),
            count("crashed"),
            count("hung"),
            if missing > 0 { format!(", {missing} not run") } else { String::new() },
            started.elapsed().as_secs_f64()
        );
        return i32::from(!failures.is_empty() || missing > 0);
    }
    println!(
        "fuzz {}: {} modules (seeds {}..{}), {} agreed ({} cut short by stack exhaustion), {} skipped, {} wasmi 2.0 bugs (Kestrel agrees with wasmi 0.31 or wasmtime), {} reference crashes (Kestrel alone runs the module), {} diverged, {} crashed, {} hung{}, in {:.0} s",
        source.name(),
        fates.len(),
        args.start,
        args.start + args.seeds,
        count("agreed") + count("exhausted"),
        count("exhausted"),
        count("skipped"),
        count("reference bugs"),
        count("reference crashes"),
        count("diverged"),
        count("crashed"),
        count("hung"),
        if missing > 0 { format!(", {missing} not run") } else { String::new() },
        started.elapsed().as_secs_f64()
    );
    i32::from(!failures.is_empty() || missing > 0)
}

/// Shrinks a failing module while a fresh process still sees the same kind of failure
/// (a divergence in the same configuration, a crash, or a hang).
fn reduce_in_subprocesses(
    bytes: &[u8],
    fate: &Fate,
    timeout: u64,
    check_args: &[String],
) -> Vec<u8> {
    let exe = std::env::current_exe().expect("the program's own path");
    let dir = std::env::temp_dir().join(format!("kestrel-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let candidate_path = dir.join("candidate.wasm");
    // "<configuration>: <what> differs": the same configuration and the same part.
    let label = match fate {
        Fate::Diverge(why) => why.split(" at step").next().unwrap_or("").to_string(),
        _ => String::new(),
    };
    let same_failure = |candidate: &[u8]| -> bool {
        if std::fs::write(&candidate_path, candidate).is_err() {
            return false;
        }
        let Ok(mut child) = Command::new(&exe)
            .args(check_args)
            .arg("--check")
            .arg(&candidate_path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
        else {
            return false;
        };
        let Some(status) = wait_with_timeout(&mut child, timeout) else {
            return matches!(fate, Fate::Hang);
        };
        let mut out = String::new();
        if let Some(mut o) = child.stdout.take() {
            let _ = std::io::Read::read_to_string(&mut o, &mut out);
        }
        match fate {
            Fate::Diverge(_) => {
                status.code() == Some(1) && out.starts_with(&format!("diverge: {label}"))
            }
            Fate::Crash(_) => status.code().is_none(),
            _ => false,
        }
    };
    let reduced = kestrel_fuzz::reduce::shrink(bytes.to_vec(), same_failure);
    let _ = std::fs::remove_dir_all(&dir);
    reduced
}
