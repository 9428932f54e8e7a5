//! Cost of debug instrumentation on recursive fib(30), in the modes of the debugging
//! issues: plain code; instrumented with no debugger active; a breakpoint in another
//! function; a breakpoint in a function fib calls (in a branch never taken), which makes
//! fib's entries watched; a breakpoint at a never-reached (cold) site of fib itself; and
//! single-stepping through fib(15) (reported as steps per second). Also the time to set
//! the first breakpoint in a function of 10,000 operators (its instrumented version is
//! compiled then). Reading every frame of a 100-deep stack at a stop (locals and operand
//! stack of each): a recursion, and a chain of 100 distinct functions, the first read of
//! a fresh module (frame shapes worked out, instrumented versions compiled for the
//! callers' stacks) and later reads. Also prints code size
//! plain vs instrumented, the time to set and clear a breakpoint, and the resident memory
//! added per instrumented instance of a ~1 MB module (1 and 100 instances).

#![allow(
    missing_docs,
    reason = "criterion_group! defines an undocumented pub fn"
)]

use criterion::{criterion_group, criterion_main, Criterion};
use kestrel::{Config, Engine, Instance, Linker, Module, Resume, TypedFunc};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// fib with a cold branch (n < 0 never happens) and an unrelated function.
const FIB: &str = r#"
(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (i32.lt_s (local.get $n) (i32.const 0))
      (then (return (i32.sub (i32.const 0) (local.get $n)))))
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add
        (call $fib (i32.sub (local.get $n) (i32.const 1)))
        (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func $other (export "other") (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 3))))
"#;

/// fib whose cold branch calls `other`: fib reaches `other` by a direct call, so a
/// breakpoint in `other` watches fib's entries ("DESIGN: entries through the stack
/// limit" in `src/abi/regs.rs`).
const FIB_REACHING: &str = r#"
(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (i32.lt_s (local.get $n) (i32.const 0))
      (then (return (call $other (local.get $n)))))
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add
        (call $fib (i32.sub (local.get $n) (i32.const 1)))
        (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func $other (export "other") (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 3))))
"#;

/// FIB with a memory (a watchpoint needs one).
const CHURN_FIB: &str = r#"
(module
  (memory 1)
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (i32.lt_s (local.get $n) (i32.const 0))
      (then (return (i32.sub (i32.const 0) (local.get $n)))))
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add
        (call $fib (i32.sub (local.get $n) (i32.const 1)))
        (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
"#;

/// A loop that stores and loads memory: `n` rounds over 16 KiB of words.
const CHURN: &str = r#"
(module
  (memory 2)
  (func (export "churn") (param $n i32) (result i32) (local $i i32) (local $sum i32)
    (loop $next
      (i32.store (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0x3ffc))
                 (local.get $i))
      (local.set $sum (i32.add (local.get $sum)
        (i32.load (i32.and (i32.shl (local.get $i) (i32.const 3)) (i32.const 0x3ffc)))))
      (local.tee $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $n))))
    (local.get $sum)))
"#;

fn setup(debug: bool) -> (Module, Instance, TypedFunc<i32, i32>) {
    setup_module(debug, FIB)
}

fn setup_module(debug: bool, wat: &str) -> (Module, Instance, TypedFunc<i32, i32>) {
    setup_export(debug, wat, "fib")
}

/// A module's instance and its export `name` (`i32 -> i32`).
fn setup_export(debug: bool, wat: &str, name: &str) -> (Module, Instance, TypedFunc<i32, i32>) {
    let mut config = Config::new();
    config.debug_instrumentation(debug);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, wat).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let func = instance.get_typed_func::<i32, i32>(name).unwrap();
    (module, instance, func)
}

/// Module offset of the `i32.sub` inside fib's cold branch.
fn cold_site(instance: &Instance) -> u32 {
    let offsets = instance.debugger().unwrap().instruction_offsets(0).unwrap();
    // local.get, i32.const, i32.lt_s, if, i32.const 0, local.get, i32.sub, return, ...
    offsets[6]
}

fn resident_bytes() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let kib: usize = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .parse()
        .unwrap();
    kib * 1024
}

/// A generated module of about 1 MB of wasm: many functions of mixed arithmetic.
fn big_module_wat() -> String {
    let mut wat = String::from("(module (memory 1)\n");
    for i in 0..1100 {
        wat.push_str(&format!(
            "(func (export \"f{i}\") (param i32 i64) (result i32) (local i32 f64)\n"
        ));
        for j in 0..24 {
            wat.push_str(&format!(
                "local.get 0 i32.const {j} i32.add local.set 2 \
                 local.get 1 i64.const {i} i64.mul drop \
                 local.get 2 i32.const 7 i32.and i32.load offset={} drop \
                 local.get 3 f64.const 1.5 f64.add local.set 3\n",
                j * 4
            ));
        }
        wat.push_str("local.get 2)\n");
    }
    wat.push(')');
    wat
}

/// A module whose function 0 has 10,000 operators (plus its `end`).
fn ten_thousand_operators_wat() -> String {
    let mut wat = String::from("(module (func (export \"long\") (param i32) (result i32)\n");
    for k in 0..2500 {
        wat.push_str(&format!("local.get 0 i32.const {k} i32.add local.set 0\n"));
    }
    wat.push_str("local.get 0))");
    wat
}

/// Time from `set_breakpoint` on a function with no instrumented version yet to the
/// breakpoint being armed (the call compiles the version), for fresh modules.
fn report_first_breakpoint() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let wasm = wat::parse_str(ten_thousand_operators_wat()).unwrap();
    let probe = Module::new(&engine, &wasm).unwrap();
    let probe_instance = Linker::new(&engine).instantiate(&probe).unwrap();
    let offsets = probe_instance
        .debugger()
        .unwrap()
        .instruction_offsets(0)
        .unwrap();
    let middle = offsets[offsets.len() / 2];
    let mut times = Vec::new();
    for _ in 0..21 {
        let module = Module::new(&engine, &wasm).unwrap();
        let instance = Linker::new(&engine).instantiate(&module).unwrap();
        let dbg = instance.debugger().unwrap();
        let t = Instant::now();
        dbg.set_breakpoint(0, middle).unwrap();
        times.push(t.elapsed());
        assert_eq!(module.instrumented_versions().len(), 1);
    }
    times.sort();
    eprintln!(
        "first breakpoint in a function of {} instructions with no instrumented version: \
         median {:.2} ms, max {:.2} ms (21 fresh modules)",
        offsets.len(),
        times[10].as_secs_f64() * 1e3,
        times[20].as_secs_f64() * 1e3
    );
}

fn report_static_figures() {
    report_first_breakpoint();
    let (plain, _, _) = setup(false);
    let (instr, instance, _) = setup(true);
    eprintln!(
        "code bytes: plain module {} B, instrumented module {} B",
        plain.code().len(),
        instr.code().len()
    );
    let dbg = instance.debugger().unwrap();
    let site = cold_site(&instance);
    let n = 100_000;
    let t = Instant::now();
    for _ in 0..n {
        let id = dbg.set_breakpoint(0, site).unwrap();
        dbg.clear_breakpoint(id).unwrap();
    }
    eprintln!(
        "set + clear breakpoint: {:.0} ns per pair",
        t.elapsed().as_nanos() as f64 / n as f64
    );

    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let wasm = wat::parse_str(big_module_wat()).unwrap();
    let module = Module::new(&engine, &wasm).unwrap();
    let mut eager_config = config.clone();
    eager_config.instrumented_versions(kestrel::InstrumentedVersions::Eager);
    let eager = Module::new(&Engine::new(&eager_config), &wasm).unwrap();
    let plain = Module::new(&Engine::default(), &wasm).unwrap();
    let instrumented: usize = eager
        .instrumented_versions()
        .iter()
        .map(|(_, c)| c.len())
        .sum();
    eprintln!(
        "large module: {} B wasm; code: plain module {} B, debuggable {} B (lazy, before \
         any debugging), eager {} B + {} B of instrumented versions",
        wasm.len(),
        plain.code().len(),
        module.code().len(),
        eager.code().len(),
        instrumented
    );
    for count in [1usize, 100] {
        // Return the compiler's freed buffers to the OS so they do not mask growth.
        // SAFETY: malloc_trim only releases free heap memory.
        unsafe { libc::malloc_trim(0) };
        let before = resident_bytes();
        let t = Instant::now();
        let instances: Vec<_> = (0..count)
            .map(|_| {
                let i = Linker::new(&engine).instantiate(&module).unwrap();
                let d = i.debugger().unwrap();
                d.set_entry_breakpoint(0).unwrap();
                (i, d)
            })
            .collect();
        let elapsed = t.elapsed();
        let after = resident_bytes();
        eprintln!(
            "{count} instrumented instance(s) with a debugger and a breakpoint: \
             {:.1} KiB resident and {:.1} us each",
            (after.saturating_sub(before)) as f64 / 1024.0 / count as f64,
            elapsed.as_secs_f64() * 1e6 / count as f64
        );
        drop(instances);
    }
}

/// A recursion 100 calls deep that calls `$leaf` (the breakpoint) at the bottom; each
/// frame holds three locals and a value under its call's arguments.
fn recursion_wat() -> String {
    r#"(module
      (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
      (func $r (export "run") (param $n i32) (result i32)
        (local $a i64) (local $b f64)
        (local.set $a (i64.extend_i32_u (local.get $n)))
        (local.set $b (f64.convert_i32_u (local.get $n)))
        (if (result i32) (i32.eqz (local.get $n))
          (then (call $leaf (local.get $n)))
          (else (i32.add (local.get $n)
                  (call $r (i32.sub (local.get $n) (i32.const 1))))))))"#
        .to_string()
}

/// A chain of 100 distinct functions, each calling the next with its locals set and a
/// value under the call's arguments; the last calls `$leaf` (the breakpoint).
fn chain_wat() -> String {
    let mut wat = String::from(
        "(module (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
",
    );
    for k in 0..100 {
        let next = if k == 99 {
            "$leaf".to_string()
        } else {
            format!("$f{}", k + 1)
        };
        let export = if k == 0 { r#"(export "run")"# } else { "" };
        wat.push_str(&format!(
            "(func $f{k} {export} (param $n i32) (result i32) (local $a i64) (local $b f64)
               (local.set $a (i64.extend_i32_u (local.get $n)))
               (local.set $b (f64.convert_i32_u (local.get $n)))
               (i32.add (i32.mul (local.get $n) (i32.const {k}))
                        (call {next} (i32.add (local.get $n) (i32.const 1)))))\n"
        ));
    }
    wat.push(')');
    wat
}

/// The time to read every frame's locals and operand stack at the stop in `$leaf`
/// (function 0), summed over `iters` calls of `run` on `make()`'s instances.
fn read_all_frames(make: &dyn Fn() -> Instance, iters: u64) -> Duration {
    let mut total = Duration::ZERO;
    let mut frames_seen = 0;
    let mut instance = make();
    for i in 0..iters {
        if i > 0 {
            instance = make();
        }
        let dbg = instance.debugger().unwrap();
        dbg.set_entry_breakpoint(0).unwrap();
        let spent = Arc::new(std::sync::Mutex::new((Duration::ZERO, 0usize)));
        let s = spent.clone();
        dbg.set_handler(move |_, frame| {
            let t = Instant::now();
            let count = frame.frame_count();
            let mut values = 0;
            for d in 0..count {
                let at = frame.up(d).unwrap();
                values += at.locals().iter().flatten().count();
                values += at.stack().iter().flatten().count();
            }
            let elapsed = t.elapsed();
            assert!(values > 3 * count);
            *s.lock().unwrap() = (elapsed, count);
            Resume::Continue
        });
        let run = instance.get_typed_func::<i32, i32>("run").unwrap();
        run.call(100).unwrap();
        let (elapsed, count) = *spent.lock().unwrap();
        total += elapsed;
        frames_seen = count;
    }
    assert!(frames_seen >= 101, "{frames_seen} frames");
    total
}

fn bench(c: &mut Criterion) {
    report_static_figures();
    let mut group = c.benchmark_group("debug_overhead");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));

    let (_m, _i, fib) = setup(false);
    group.bench_function("fib30_plain", |b| b.iter(|| fib.call(30).unwrap()));

    let (_m, _i, fib) = setup(true);
    group.bench_function("fib30_instrumented_idle", |b| {
        b.iter(|| fib.call(30).unwrap())
    });

    let (_m, instance, fib) = setup(true);
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(1).unwrap();
    group.bench_function("fib30_breakpoint_other_function", |b| {
        b.iter(|| fib.call(30).unwrap())
    });

    let (_m, instance, fib) = setup_module(true, FIB_REACHING);
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(1).unwrap();
    group.bench_function(
        "fib30_breakpoint_in_a_function_fib_calls_but_never_reaches",
        |b| b.iter(|| fib.call(30).unwrap()),
    );

    let (_m, instance, fib) = setup(true);
    let dbg = instance.debugger().unwrap();
    dbg.set_breakpoint(0, cold_site(&instance)).unwrap();
    group.bench_function("fib30_breakpoint_cold_site_same_function", |b| {
        b.iter(|| fib.call(30).unwrap())
    });

    // Watchpoints ("DESIGN: watchpoints"): one on memory the code never touches makes
    // every function run instrumented, with a filter compare per access.
    let (_m, instance, fib) = setup_module(true, CHURN_FIB);
    let dbg = instance.debugger().unwrap();
    dbg.set_watchpoint(0, 0x8000, 4, kestrel::WatchKind::Write)
        .unwrap();
    group.bench_function("fib30_watchpoint_elsewhere", |b| {
        b.iter(|| fib.call(30).unwrap())
    });
    for (name, debug, watch) in [
        ("churn_plain", false, false),
        ("churn_instrumented_idle", true, false),
        ("churn_watchpoint_elsewhere", true, true),
    ] {
        let (_m, instance, churn) = setup_export(debug, CHURN, "churn");
        if watch {
            let dbg = instance.debugger().unwrap();
            dbg.set_watchpoint(0, 0x8000, 4, kestrel::WatchKind::Write)
                .unwrap();
        }
        group.bench_function(name, |b| b.iter(|| churn.call(1_000_000).unwrap()));
    }

    let (_m, instance, fib) = setup(true);
    let dbg = instance.debugger().unwrap();
    let steps = Arc::new(AtomicU64::new(0));
    let s = steps.clone();
    dbg.set_handler(move |_, _| {
        s.fetch_add(1, Ordering::Relaxed);
        Resume::StepInto
    });
    group.bench_function("fib15_single_step", |b| {
        b.iter(|| {
            dbg.step_into_next_call();
            fib.call(15).unwrap()
        })
    });
    // Reading every frame of a 101-deep stack at a stop.
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    for (name, wat) in [("recursion", recursion_wat()), ("chain", chain_wat())] {
        let wasm = wat::parse_str(&wat).unwrap();
        let module = Module::new(&engine, &wasm).unwrap();
        let same_module = || Linker::new(&engine).instantiate(&module).unwrap();
        group.bench_function(format!("read_all_frames_100_deep_{name}"), |b| {
            b.iter_custom(|iters| read_all_frames(&same_module, iters))
        });
        // A fresh module each time: the first read works out the shapes and compiles
        // the instrumented versions that record the callers' stacks.
        let fresh_module = || {
            let module = Module::new(&engine, &wasm).unwrap();
            Linker::new(&engine).instantiate(&module).unwrap()
        };
        group.bench_function(format!("read_all_frames_100_deep_{name}_first_read"), |b| {
            b.iter_custom(|iters| read_all_frames(&fresh_module, iters))
        });
    }
    group.finish();
    // Steps per second from a separate timed run (criterion's own figure is per call).
    steps.store(0, Ordering::Relaxed);
    let t = Instant::now();
    let runs = 20;
    for _ in 0..runs {
        dbg.step_into_next_call();
        fib.call(15).unwrap();
    }
    let elapsed = t.elapsed().as_secs_f64();
    let n = steps.load(Ordering::Relaxed);
    eprintln!(
        "single-stepping fib(15): {} steps per call, {:.2} million steps/s",
        n / runs,
        n as f64 / elapsed / 1e6
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
