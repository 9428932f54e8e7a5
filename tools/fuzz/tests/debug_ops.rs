//! The debug-operation fuzzer (`kestrel_fuzz::debug_ops`): random debugger sessions on
//! generated modules, checked against invariants that need no reference debugger. A few
//! hundred sessions per generator here; `kestrel-fuzz --debug-ops` runs millions.
//!
//! Each generator's test prints one line: `debug-ops <gen>: N sessions, P passed (S stops,
//! F caller frames checked against their records, W locals written), K skipped, X failed`,
//! lists every failure with its seed, and fails on any. `KESTREL_DEBUG_OPS_SEEDS=N` runs N
//! sessions per generator, `KESTREL_DEBUG_OPS_START=S` starts at seed S.

use kestrel_fuzz::debug_ops::{session, Verdict};
use kestrel_fuzz::Generator;

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|s| s.parse().ok())
}

/// Runs sessions on one generator's modules; returns whether all passed.
fn run(generator: Generator, default_seeds: u64) -> bool {
    let seeds = env_u64("KESTREL_DEBUG_OPS_SEEDS").unwrap_or(default_seeds);
    let start = env_u64("KESTREL_DEBUG_OPS_START").unwrap_or(0);
    let (mut passed, mut stops, mut frames, mut writes) = (0u64, 0u64, 0u64, 0u64);
    let mut skipped = 0u64;
    let mut failures = Vec::new();
    for seed in start..start + seeds {
        let verdict = match generator.generate(seed) {
            Some(bytes) => session(&bytes, seed),
            None => Verdict::Skip("no module".into()),
        };
        match verdict {
            Verdict::Pass(report) => {
                passed += 1;
                stops += report.stops;
                frames += report.frames_checked;
                writes += report.writes;
            }
            Verdict::Skip(_) => skipped += 1,
            Verdict::Fail(why) => failures.push((seed, why)),
        }
    }
    let name = generator.name();
    for (seed, why) in &failures {
        println!("debug-ops {name}: seed {seed} failed: {why}");
    }
    println!(
        "debug-ops {name}: {seeds} sessions, {passed} passed ({stops} stops, {frames} caller \
         frames checked against their records, {writes} locals written), {skipped} skipped, \
         {} failed",
        failures.len()
    );
    failures.is_empty()
}

fn main() {
    let mut ok = true;
    ok &= run(Generator::Shaped, 300);
    ok &= run(Generator::Smith, 200);
    ok &= run(Generator::ShapedTyped, 100);
    ok &= run(Generator::ShapedExceptions, 100);
    if !ok {
        std::process::exit(1);
    }
}
