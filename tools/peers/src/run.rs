//! The measurement loops, one per kind of workload. All of them interleave: for each
//! repetition, every runtime takes one sample in turn, so drift in the machine (frequency,
//! other load) spreads over all runtimes instead of biasing whichever ran last.
//!
//! Before any timing, each runtime's result is checked against Kestrel's (or, if Kestrel
//! failed, against the first runtime that succeeded); a runtime that disagrees, fails or
//! panics is reported as failed and not timed further.

use crate::measure::{
    cpu_time_ns, elapsed_ns, format_bytes, median, resident_bytes, Metric, Outcome,
};
use crate::runtimes::{CommandOutput, Compiled, Entry, Instance, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// Runs `f`, turning a panic inside a runtime into an error instead of ending the run.
fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown panic".into());
        Err(format!("panicked: {message}"))
    })
}

/// Per-runtime state while a workload runs.
enum Slot<T> {
    Ready(T, Vec<f64>),
    Done(Outcome),
}

impl<T> Slot<T> {
    fn fail(&mut self, reason: String) {
        *self = Slot::Done(Outcome::Failed(reason));
    }
}

/// The reference result: Kestrel's, or the first successful runtime's if Kestrel failed.
fn reference<T>(
    entries: &[Entry],
    results: &[Option<Value>],
    slots: &[Slot<T>],
) -> Option<(&'static str, Value)> {
    slots
        .iter()
        .zip(results)
        .zip(entries)
        .find_map(|((slot, result), entry)| match (slot, result) {
            (Slot::Ready(..), Some(v)) => Some((entry.name, *v)),
            _ => None,
        })
}

/// Marks every runtime whose result differs from the reference as failed.
fn check_results<T>(
    entries: &[Entry],
    results: &[Option<Value>],
    slots: &mut [Slot<T>],
) -> Option<Value> {
    let (reference_name, expected) = reference(entries, results, slots)?;
    for (slot, result) in slots.iter_mut().zip(results) {
        if let (Slot::Ready(..), Some(got)) = (&*slot, result) {
            if *got != expected {
                slot.fail(format!(
                    "wrong result {got}, {reference_name} returned {expected}"
                ));
            }
        }
    }
    Some(expected)
}

fn finish<T>(entries: &[Entry], slots: Vec<Slot<T>>) -> Vec<(&'static str, Outcome)> {
    finish_with(entries, slots, |_, _| Vec::new())
}

fn finish_with<T>(
    entries: &[Entry],
    slots: Vec<Slot<T>>,
    mut metrics: impl FnMut(usize, &[f64]) -> Vec<Metric>,
) -> Vec<(&'static str, Outcome)> {
    entries
        .iter()
        .zip(slots)
        .enumerate()
        .map(|(i, (entry, slot))| {
            let outcome = match slot {
                Slot::Ready(_, samples_ns) => Outcome::Timed {
                    metrics: metrics(i, &samples_ns),
                    samples_ns,
                },
                Slot::Done(outcome) => outcome,
            };
            (entry.name, outcome)
        })
        .collect()
}

/// Compiles `wasm` on every built runtime; not-built and failing runtimes become `Done`.
fn compile_all(entries: &[Entry], wasm: &[u8]) -> Vec<Slot<Box<dyn Compiled>>> {
    entries
        .iter()
        .map(|entry| match &entry.runtime {
            Err(reason) => Slot::Done(Outcome::NotBuilt(reason.clone())),
            Ok(runtime) => match guarded(|| runtime.compile(wasm)) {
                Ok(compiled) => Slot::Ready(compiled, Vec::new()),
                Err(e) => Slot::Done(Outcome::Failed(format!("compile: {e}"))),
            },
        })
        .collect()
}

/// A call workload: one instance per runtime, one timed call of `run(args)` per sample.
pub fn call(
    entries: &[Entry],
    wat: &str,
    args: &[Value],
    reps: usize,
    notes: &mut Vec<String>,
) -> Vec<(&'static str, Outcome)> {
    let wasm = wat::parse_str(wat).expect("workload wat parses");
    let compiled = compile_all(entries, &wasm);
    let mut results = vec![None; entries.len()];
    // The first call warms up (and, for wasmi, translates) and yields the result to check.
    let mut slots: Vec<Slot<Box<dyn Instance>>> = compiled
        .into_iter()
        .zip(results.iter_mut())
        .map(|(slot, result)| match slot {
            Slot::Done(outcome) => Slot::Done(outcome),
            Slot::Ready(compiled, _) => {
                let first = guarded(|| {
                    let mut instance = compiled.instantiate()?;
                    let value = instance.call("run", args)?;
                    Ok((instance, value))
                });
                match first {
                    Ok((instance, value)) => {
                        *result = Some(value);
                        Slot::Ready(instance, Vec::new())
                    }
                    Err(e) => Slot::Done(Outcome::Failed(e)),
                }
            }
        })
        .collect();
    let Some(expected) = check_results(entries, &results, &mut slots) else {
        return finish(entries, slots);
    };
    notes.push(format!("result {expected}, checked on every call"));
    for _ in 0..reps {
        for slot in slots.iter_mut() {
            let Slot::Ready(instance, samples) = slot else {
                continue;
            };
            let start = Instant::now();
            let got = guarded(|| instance.call("run", args));
            let ns = elapsed_ns(start);
            match got {
                Ok(v) if v == expected => samples.push(ns),
                Ok(v) => slot.fail(format!(
                    "wrong result {v} on a later call, expected {expected}"
                )),
                Err(e) => slot.fail(e),
            }
        }
    }
    finish(entries, slots)
}

/// A WASI program: one run of the command (instantiate, `_start`) per sample, its output
/// checked against Kestrel's (or the first runtime that ran it).
pub fn program(
    entries: &[Entry],
    wasm: &[u8],
    args: &[String],
    reps: usize,
    notes: &mut Vec<String>,
) -> Vec<(&'static str, Outcome)> {
    let mut slots = compile_all(entries, wasm);
    let mut expected: Option<(&'static str, CommandOutput)> = None;
    // The first run warms up and gives the output to check.
    for (slot, entry) in slots.iter_mut().zip(entries) {
        let Slot::Ready(compiled, _) = slot else {
            continue;
        };
        match guarded(|| compiled.run_command(args)) {
            Err(e) => slot.fail(e),
            Ok(out) => match &expected {
                None => expected = Some((entry.name, out)),
                Some((name, want)) if *want != out => slot.fail(format!(
                    "output differs from {name}'s: status {} and {:?}",
                    out.status,
                    String::from_utf8_lossy(&out.stdout)
                )),
                Some(_) => {}
            },
        }
    }
    let Some((_, expected)) = expected else {
        return finish(entries, slots);
    };
    notes.push(format!(
        "exit status {}, stdout {:?}, checked on every run",
        expected.status,
        String::from_utf8_lossy(&expected.stdout).trim_end()
    ));
    for _ in 0..reps {
        for slot in slots.iter_mut() {
            let Slot::Ready(compiled, samples) = slot else {
                continue;
            };
            let start = Instant::now();
            let got = guarded(|| compiled.run_command(args));
            let ns = elapsed_ns(start);
            match got {
                Ok(out) if out == expected => samples.push(ns),
                Ok(_) => slot.fail("output differs on a later run".into()),
                Err(e) => slot.fail(e),
            }
        }
    }
    finish(entries, slots)
}

/// The compile workload: one `Module::new` per sample; reports wall time, MB/s of wasm,
/// process CPU time (which shows parallel compilation) and, where the runtime exposes it,
/// the machine-code size.
pub fn compile(
    entries: &[Entry],
    wasm: &[u8],
    reps: usize,
    notes: &mut Vec<String>,
) -> Vec<(&'static str, Outcome)> {
    // The first compile of each runtime is a warm-up (thread pools, lazily built stubs).
    let mut slots = compile_all(entries, wasm);
    let mut code_sizes = vec![None; entries.len()];
    for (slot, size) in slots.iter().zip(code_sizes.iter_mut()) {
        if let Slot::Ready(compiled, _) = slot {
            *size = compiled.code_size();
        }
    }
    if let Some(size) = code_sizes[0] {
        notes.push(format!(
            "wasm module {:.2} MB; Kestrel machine code {:.2} MB{}",
            wasm.len() as f64 / 1e6,
            size as f64 / 1e6,
            if size < 5_000_000 {
                " (BELOW the 5 MB target)"
            } else {
                ""
            }
        ));
    }
    let mut cpu: Vec<Vec<f64>> = vec![Vec::new(); entries.len()];
    let mut slots: Vec<Slot<()>> = slots
        .drain(..)
        .map(|slot| match slot {
            Slot::Ready(..) => Slot::Ready((), Vec::new()),
            Slot::Done(outcome) => Slot::Done(outcome),
        })
        .collect();
    for _ in 0..reps {
        for ((slot, entry), cpu) in slots.iter_mut().zip(entries).zip(cpu.iter_mut()) {
            let (Slot::Ready(_, samples), Ok(runtime)) = (&mut *slot, &entry.runtime) else {
                continue;
            };
            let cpu_start = cpu_time_ns();
            let start = Instant::now();
            let compiled = guarded(|| runtime.compile(wasm));
            let ns = elapsed_ns(start);
            cpu.push(cpu_time_ns() - cpu_start);
            match compiled {
                Ok(compiled) => {
                    samples.push(ns);
                    drop(compiled);
                }
                Err(e) => slot.fail(format!("compile: {e}")),
            }
        }
    }
    finish_with(entries, slots, |i, samples| {
        let seconds = median(samples) / 1e9;
        let mbps = wasm.len() as f64 / 1e6 / seconds;
        let cpu_ns = median(&cpu[i]);
        let mut metrics = vec![
            Metric {
                key: "mbps",
                value: mbps,
                display: format!("{mbps:.2} MB/s of wasm"),
            },
            Metric {
                key: "cpu_ns",
                value: cpu_ns,
                display: format!(
                    "cpu {:.2} s ({:.2} cores)",
                    cpu_ns / 1e9,
                    cpu_ns / 1e9 / seconds
                ),
            },
        ];
        if let Some(size) = code_sizes[i] {
            metrics.push(Metric {
                key: "code_bytes",
                value: size as f64,
                display: format!("code {:.2} MB", size as f64 / 1e6),
            });
        }
        metrics
    })
}

/// The instantiation workload: `count` instantiations per sample (time per instantiation
/// reported), then the resident memory added by `alive` live instances, per instance.
pub fn instantiate(
    entries: &[Entry],
    wat: &str,
    count: usize,
    alive: usize,
    reps: usize,
    notes: &mut Vec<String>,
) -> Vec<(&'static str, Outcome)> {
    let wasm = wat::parse_str(wat).expect("workload wat parses");
    let mut slots = compile_all(entries, &wasm);
    let mut results = vec![None; entries.len()];
    for (slot, result) in slots.iter_mut().zip(results.iter_mut()) {
        if let Slot::Ready(compiled, _) = slot {
            match guarded(|| compiled.instantiate()?.call("run", &[])) {
                Ok(v) => *result = Some(v),
                Err(e) => slot.fail(e),
            }
        }
    }
    if let Some(expected) = check_results(entries, &results, &mut slots) {
        notes.push(format!(
            "run() of a fresh instance returns {expected} on every runtime"
        ));
    }
    for _ in 0..reps {
        for slot in slots.iter_mut() {
            let Slot::Ready(compiled, samples) = slot else {
                continue;
            };
            let start = Instant::now();
            let made = guarded(|| {
                for _ in 0..count {
                    drop(compiled.instantiate()?);
                }
                Ok(())
            });
            let ns = elapsed_ns(start);
            match made {
                Ok(()) => samples.push(ns / count as f64),
                Err(e) => slot.fail(e),
            }
        }
    }
    // Resident memory, measured one runtime at a time with nothing else alive.
    let mut per_instance = vec![None; entries.len()];
    for (slot, bytes) in slots.iter_mut().zip(per_instance.iter_mut()) {
        let Slot::Ready(compiled, _) = slot else {
            continue;
        };
        let before = resident_bytes();
        let live = guarded(|| (0..alive).map(|_| compiled.instantiate()).collect());
        let after = resident_bytes();
        match live {
            Ok(live) => {
                let live: Vec<Box<dyn Instance>> = live;
                if let (Some(before), Some(after)) = (before, after) {
                    *bytes = Some((after - before) / alive as f64);
                }
                drop(live);
            }
            Err(e) => slot.fail(e),
        }
    }
    finish_with(entries, slots, |i, _| {
        per_instance[i]
            .map(|bytes| Metric {
                key: "rss_bytes",
                value: bytes,
                display: format!("{} RSS/instance", format_bytes(bytes)),
            })
            .into_iter()
            .collect()
    })
}
