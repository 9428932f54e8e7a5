//! Tail calls ("DESIGN: tail calls" in `compiler::codegen::calls`): `return_call` and
//! `return_call_indirect` replace the calling frame, so chains of them run in constant
//! stack space, in every configuration; their operands are read before the frame's
//! parameters are overwritten; every value type passes through; tail calls that cannot
//! be made in place (another instance, a host function, more parameter slots) still
//! give the right results; and a replaced frame is gone from backtraces.

use kestrel::{Config, Engine, Instance, Linker, Module, Trap, TrapKind, Val};

#[path = "support/configs.rs"]
mod configs;

/// The shared configurations (`support/configs.rs`) whose instances are not debugged,
/// each with a 64 KiB wasm stack: a chain of 10^6 calls that kept its frames would
/// overflow it.
fn configs() -> Vec<(&'static str, Config)> {
    configs::configs()
        .into_iter()
        .filter(|(_, _, debugged)| !debugged)
        .map(|(label, mut config, _)| {
            config.max_wasm_stack(64 << 10);
            (label, config)
        })
        .collect()
}

fn instantiate(engine: &Engine, wat: &str) -> Instance {
    let module = Module::new(engine, wat).unwrap();
    Linker::new(engine).instantiate(&module).unwrap()
}

/// `wat` compiled, written to a compiled-module file and loaded back (its code mapped
/// from the file, calls resolved as they were written).
fn through_file(engine: &Engine, wat: &str) -> Module {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("kestrel-tail-{}-{n}.kwasm", std::process::id()));
    Module::new(engine, wat)
        .unwrap()
        .serialize_to_file(&path)
        .unwrap();
    let module = Module::deserialize_file(engine, &path).unwrap();
    let _ = std::fs::remove_file(&path);
    module
}

/// The chains of tail calls (in place, growing, between instances) from modules loaded
/// from compiled-module files.
#[test]
fn tail_calls_from_compiled_module_files() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let growing = Linker::new(&engine)
            .instantiate(&through_file(&engine, GROWING))
            .unwrap();
        assert_eq!(
            call(&growing, "start", &[Val::I32(1_000_001)]),
            shown(vec![Val::I64(128)]),
            "{label}"
        );
        let chains = Linker::new(&engine)
            .instantiate(&through_file(&engine, CHAINS))
            .unwrap();
        assert_eq!(
            call(&chains, "count", &[Val::I64(1_000_000)]),
            shown(vec![Val::I64(42)]),
            "{label}"
        );
        let ping = Linker::new(&engine)
            .instantiate(&through_file(&engine, PING))
            .unwrap();
        let mut linker = Linker::new(&engine);
        linker.instance("ping", &ping);
        let _pong = linker.instantiate(&through_file(&engine, PONG)).unwrap();
        assert_eq!(
            call(&ping, "start", &[Val::I64(1_000_001)]),
            shown(vec![Val::I64(1007)]),
            "{label}"
        );
    }
}

/// The results of calling `name`, as text (`Val` has no equality: it may hold a
/// reference).
fn call(instance: &Instance, name: &str, args: &[Val]) -> String {
    let results = instance
        .get_func(name)
        .unwrap_or_else(|| panic!("no export {name}"))
        .call(args)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    format!("{results:?}")
}

/// `values` as `call` shows results.
fn shown(values: Vec<Val>) -> String {
    format!("{values:?}")
}

/// Self and mutual tail recursion, direct and through a table, 10^6 calls deep; the
/// arguments swap places (each operand is a parameter being replaced); the first
/// parameter is pinned in the hot function.
const CHAINS: &str = r#"
(module
  (type $ii (func (param i64 i64) (result i64)))
  (table 2 funcref)
  (elem (i32.const 0) $even $odd)
  ;; Sum of n..1 with the two parameters swapped at every step.
  (func $sum (export "sum") (param $n i64) (param $acc i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call $sum_swapped (i64.add (local.get $acc) (local.get $n))
                                      (i64.sub (local.get $n) (i64.const 1))))))
  (func $sum_swapped (param $acc i64) (param $n i64) (result i64)
    (return_call $sum (local.get $n) (local.get $acc)))
  ;; even/odd through the table.
  (func $even (export "even") (param $n i64) (param $unused i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (i64.const 1))
      (else (return_call_indirect (type $ii)
              (i64.sub (local.get $n) (i64.const 1)) (local.get $unused) (i32.const 1)))))
  (func $odd (param $n i64) (param $unused i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (i64.const 0))
      (else (return_call_indirect (type $ii)
              (i64.sub (local.get $n) (i64.const 1)) (local.get $unused) (i32.const 0)))))
  ;; A counting loop made of tail calls, with a loop-carried local in a register.
  (func $count (export "count") (param $n i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (i64.const 42))
      (else (return_call $count (i64.sub (local.get $n) (i64.const 1)))))))
"#;

#[test]
fn chains_of_tail_calls_run_in_constant_stack_space() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let instance = instantiate(&engine, CHAINS);
        let n: i64 = 1_000_000;
        assert_eq!(
            call(&instance, "sum", &[Val::I64(n), Val::I64(0)]),
            shown(vec![Val::I64(n * (n + 1) / 2)]),
            "{label}"
        );
        assert_eq!(
            call(&instance, "even", &[Val::I64(n + 1), Val::I64(7)]),
            shown(vec![Val::I64(0)]),
            "{label}"
        );
        assert_eq!(
            call(&instance, "even", &[Val::I64(n), Val::I64(7)]),
            shown(vec![Val::I64(1)]),
            "{label}"
        );
        assert_eq!(
            call(&instance, "count", &[Val::I64(n)]),
            shown(vec![Val::I64(42)]),
            "{label}"
        );
    }
}

/// 10^8 tail calls in the plain configuration (the issue's figure).
#[test]
fn a_hundred_million_tail_calls() {
    let mut config = Config::new();
    config.max_wasm_stack(64 << 10);
    let engine = Engine::new(&config);
    let instance = instantiate(&engine, CHAINS);
    assert_eq!(
        call(&instance, "count", &[Val::I64(100_000_000)]),
        shown(vec![Val::I64(42)])
    );
}

/// Every value type as parameters, rotated through a chain of tail calls with fewer
/// and more parameters (each fitting the area of the first), and several results.
const TYPES: &str = r#"
(module
  (func $start (export "start")
    (param $n i32) (param $a i64) (param $b f32) (param $c f64) (param $v v128) (param $w v128)
    (result i64 f64 v128)
    (return_call $rotate (local.get $n) (local.get $a) (local.get $b) (local.get $c) (local.get $v)))
  (func $rotate (param $n i32) (param $a i64) (param $b f32) (param $c f64) (param $v v128)
    (result i64 f64 v128)
    (if (result i64 f64 v128) (i32.eqz (local.get $n))
      (then (local.get $a) (local.get $c) (local.get $v))
      (else
        (return_call $rotate
          (i32.sub (local.get $n) (i32.const 1))
          (i64.add (local.get $a) (i64.trunc_f32_s (local.get $b)))
          (f32.add (local.get $b) (f32.const 1))
          (f64.add (local.get $c) (f64.convert_i32_s (local.get $n)))
          (i32x4.add (local.get $v) (i32x4.splat (local.get $n)))))))
  ;; More parameter slots than the caller has: a call and a return, still right.
  (func (export "grow") (param $n i32) (result i64)
    (return_call $wide (local.get $n) (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4)))
  (func $wide (param $n i32) (param i64 i64 i64 i64) (result i64)
    (i64.add (i64.extend_i32_u (local.get $n))
      (i64.add (i64.add (local.get 1) (local.get 2)) (i64.add (local.get 3) (local.get 4))))))
"#;

#[test]
fn every_value_type_passes_through_tail_calls() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let instance = instantiate(&engine, TYPES);
        let n = 100_000i32;
        let out = call(
            &instance,
            "start",
            &[
                Val::I32(n),
                Val::I64(5),
                Val::F32(0f32.to_bits()),
                Val::F64(0.5f64.to_bits()),
                Val::V128(0x0000_0004_0000_0003_0000_0002_0000_0001),
                Val::V128(u128::MAX),
            ],
        );
        // a gains trunc(b) = 0, 1, ..., n-1; c gains n, n-1, ..., 1; each lane of v
        // gains the same sum (mod 2^32).
        let steps = i64::from(n);
        let a = 5 + steps * (steps - 1) / 2;
        let c = 0.5 + (steps * (steps + 1) / 2) as f64;
        let lane_gain = (steps * (steps + 1) / 2) as u32;
        let v = (0..4u32).fold(0u128, |acc, lane| {
            acc | (u128::from((lane + 1).wrapping_add(lane_gain)) << (32 * lane))
        });
        assert_eq!(
            out,
            shown(vec![Val::I64(a), Val::F64(c.to_bits()), Val::V128(v)]),
            "{label}"
        );
        assert_eq!(
            call(&instance, "grow", &[Val::I32(5)]),
            shown(vec![Val::I64(15)]),
            "{label}"
        );
    }
}

/// Tail calls into another instance (imported, and through a shared table) and into a
/// host function give their results to the caller's caller, with the caller's context
/// restored.
#[test]
fn tail_calls_into_other_instances_and_the_host() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let a = instantiate(
            &engine,
            r#"(module
              (global $g (mut i32) (i32.const 1000))
              (table (export "t") 1 funcref)
              (elem (i32.const 0) $plus_g)
              (func $plus_g (export "plus_g") (param i32) (result i32)
                (i32.add (local.get 0) (global.get $g))))"#,
        );
        let mut linker = Linker::new(&engine);
        linker.instance("a", &a);
        linker.func_wrap("host", "triple", |x: i32| -> Result<i32, Trap> {
            Ok(x * 3)
        });
        let b = linker
            .instantiate(
                &Module::new(
                    &engine,
                    r#"(module
                      (import "a" "plus_g" (func $plus_g (param i32) (result i32)))
                      (import "a" "t" (table 1 funcref))
                      (import "host" "triple" (func $triple (param i32) (result i32)))
                      (type $i (func (param i32) (result i32)))
                      (global $g (mut i32) (i32.const 7))
                      (func $imported (param i32) (result i32) (return_call $plus_g (local.get 0)))
                      (func $tabled (param i32) (result i32)
                        (return_call_indirect (type $i) (local.get 0) (i32.const 0)))
                      (func $host (param i32) (result i32) (return_call $triple (local.get 0)))
                      ;; Each callee returns here: this instance's global must be its own.
                      (func (export "run") (param i32) (result i32)
                        (i32.add
                          (i32.add (call $imported (local.get 0)) (call $tabled (local.get 0)))
                          (i32.add (call $host (local.get 0)) (global.get $g)))))"#,
                )
                .unwrap(),
            )
            .unwrap();
        assert_eq!(
            call(&b, "run", &[Val::I32(5)]),
            shown(vec![Val::I32(1005 + 1005 + 15 + 7)]),
            "{label}"
        );
    }
}

/// A trap after a tail call: the backtrace has the callee and the caller's caller, not
/// the replaced frame.
#[test]
fn a_replaced_frame_is_gone_from_the_backtrace() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let instance = instantiate(
            &engine,
            r#"(module
              (func $outer (export "outer") (result i32) (i32.add (call $middle) (i32.const 1)))
              (func $middle (result i32) (return_call $inner))
              (func $inner (result i32) unreachable))"#,
        );
        let trap = instance.get_func("outer").unwrap().call(&[]).unwrap_err();
        let trap = match trap {
            kestrel::Error::Trap(t) => t,
            other => panic!("{label}: {other}"),
        };
        assert_eq!(trap.kind(), TrapKind::Unreachable, "{label}");
        let funcs: Vec<u32> = trap.backtrace().iter().map(|f| f.func_index).collect();
        assert_eq!(funcs, vec![2, 0], "{label}");
    }
}

/// Ping-pong between two instances through a shared table, 10^6 tail calls deep: each
/// is into another context, so it goes through a tail-call frame, which every later
/// one reuses; a trap at the bottom has a backtrace of the last callee and the chain's
/// caller only.
const PING: &str = r#"
(module
  (type $step (func (param i64) (result i64)))
  (table (export "table") 2 funcref)
  (elem (i32.const 0) $ping)
  (global $base (mut i64) (i64.const 1000))
  (func $ping (export "ping") (param $n i64) (result i64)
    (if (result i64) (i64.eqz (local.get $n))
      (then (global.get $base))
      (else (return_call_indirect (type $step)
              (i64.sub (local.get $n) (i64.const 1)) (i32.const 1)))))
  (func (export "start") (param $n i64) (result i64)
    (i64.add (call $ping (local.get $n)) (global.get $base))))
"#;

const PONG: &str = r#"
(module
  (type $step (func (param i64) (result i64)))
  (import "ping" "table" (table 2 funcref))
  (elem (i32.const 1) $pong)
  (func $pong (param $n i64) (result i64)
    (if (i64.lt_s (local.get $n) (i64.const 0))
      (then unreachable))
    (if (result i64) (i64.eqz (local.get $n))
      (then (i64.const 7))
      (else (return_call_indirect (type $step)
              (i64.sub (local.get $n) (i64.const 1)) (i32.const 0))))))
"#;

/// Instances of `PING` and of `PONG`, which fills the second entry of ping's table.
fn ping_pong(engine: &Engine) -> (Instance, Instance) {
    let ping = instantiate(engine, PING);
    let mut linker = Linker::new(engine);
    linker.instance("ping", &ping);
    let pong = linker
        .instantiate(&Module::new(engine, PONG).unwrap())
        .unwrap();
    (ping, pong)
}

#[test]
fn tail_calls_between_instances_run_in_constant_stack_space() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let (ping, _pong) = ping_pong(&engine);
        // Even n ends in ping (1000), odd in pong (7); the caller adds its own base,
        // which it must find in its own instance after the chain returns.
        for (n, end) in [(1_000_000i64, 1000i64), (1_000_001, 7)] {
            assert_eq!(
                call(&ping, "start", &[Val::I64(n)]),
                shown(vec![Val::I64(end + 1000)]),
                "{label}: {n}"
            );
        }
    }
}

/// Tail calls to a function with more parameter units than the caller's area holds,
/// alternating with tail calls back to a smaller one, 10^6 deep: the first builds a
/// tail-call frame, the later ones reuse it.
const GROWING: &str = r#"
(module
  (func $narrow (export "narrow") (param $n i32) (result i64)
    (if (result i64) (i32.eqz (local.get $n))
      (then (i64.const 0))
      (else (return_call $wide (local.get $n) (i64.const 1) (i64.const 2) (i64.const 3)
                               (i64.const 4) (i64.const 5) (i64.const 6) (i64.const 7)))))
  (func $wide (param $n i32) (param $a i64) (param $b i64) (param $c i64) (param $d i64)
              (param $e i64) (param $f i64) (param $g i64) (result i64)
    (if (result i64) (i32.eq (local.get $n) (i32.const 1))
      (then
        local.get $a local.get $b i64.add local.get $c i64.add local.get $d i64.add
        local.get $e i64.add local.get $f i64.add local.get $g i64.add)
      (else (return_call $narrow (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "start") (param $n i32) (result i64)
    (i64.add (call $narrow (local.get $n)) (i64.const 100))))
"#;

#[test]
fn growing_tail_calls_run_in_constant_stack_space() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let instance = instantiate(&engine, GROWING);
        assert_eq!(
            call(&instance, "start", &[Val::I32(1_000_001)]),
            shown(vec![Val::I64(128)]),
            "{label}"
        );
        assert_eq!(
            call(&instance, "start", &[Val::I32(0)]),
            shown(vec![Val::I64(100)]),
            "{label}"
        );
    }
}

/// A trap at the end of a chain of tail calls between instances: the backtrace has the
/// trapping function and the caller of the chain (through the tail-call frame).
#[test]
fn a_backtrace_passes_through_a_tail_call_frame() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let (ping, _pong) = ping_pong(&engine);
        let err = ping
            .get_func("start")
            .unwrap()
            .call(&[Val::I64(-2)])
            .unwrap_err();
        let trap = match err {
            kestrel::Error::Trap(t) => t,
            other => panic!("{label}: {other}"),
        };
        assert_eq!(trap.kind(), TrapKind::Unreachable, "{label}");
        let funcs: Vec<(u32, Option<String>)> = trap
            .backtrace()
            .iter()
            .map(|f| (f.func_index, f.func_name.clone()))
            .collect();
        // pong (function 0 of its module), then `start` (function 1 of ping's).
        assert_eq!(funcs.len(), 2, "{label}: {funcs:?}");
        assert_eq!(funcs[0].0, 0, "{label}: {funcs:?}");
        assert_eq!(funcs[1].0, 1, "{label}: {funcs:?}");
    }
}

/// The debugger at a breakpoint in a function reached by a tail call from another
/// instance: the replaced frame is gone, the chain's caller is the next frame, and its
/// globals are read in its own instance (the one the tail-call frame restores).
#[test]
fn the_debugger_walks_through_a_tail_call_frame() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let (ping, pong) = ping_pong(&engine);
    let debugger = pong.debugger().unwrap();
    debugger.set_entry_breakpoint(0).unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = seen.clone();
    debugger.set_handler(move |_, frame| {
        let n = frame.local(0).ok().and_then(|v| v.i64());
        let funcs: Vec<u32> = frame.backtrace().iter().map(|f| f.func_index).collect();
        let caller_base = frame.up(1).and_then(|f| f.global(0)).and_then(|v| v.i64());
        record.lock().unwrap().push((n, funcs, caller_base));
        kestrel::Resume::Continue
    });
    assert_eq!(
        call(&ping, "start", &[Val::I64(3)]),
        shown(vec![Val::I64(1007)])
    );
    let seen = seen.lock().unwrap();
    // pong runs for n = 2 and n = 0; each time the frames are pong and `start`.
    assert_eq!(
        *seen,
        vec![
            (Some(2), vec![0, 1], Some(1000)),
            (Some(0), vec![0, 1], Some(1000)),
        ]
    );
}

/// Stepping at a tail call: a step over it goes on in the caller of the replaced frame
/// (the tail call ends the frame, as a `return` does), also when the callee is the
/// function itself; a step into stops at the callee's entry, whose only caller is the
/// replaced frame's.
#[test]
fn stepping_over_a_tail_call_returns_to_the_caller_and_into_it_enters_the_callee() {
    const WAT: &str = r#"(module
      (func $outer (export "outer") (result i32) (i32.add (call $middle (i32.const 3)) (i32.const 1)))
      (func $middle (param $n i32) (result i32)
        (if (result i32) (local.get $n)
          (then (return_call $middle (i32.sub (local.get $n) (i32.const 1))))
          (else (return_call $inner))))
      (func $inner (result i32) (i32.const 41)))"#;
    for step in [kestrel::Resume::StepOver, kestrel::Resume::StepInto] {
        let mut config = Config::new();
        config.debug_instrumentation(true);
        let engine = Engine::new(&config);
        let instance = instantiate(&engine, WAT);
        let debugger = instance.debugger().unwrap();
        let first = debugger.set_entry_breakpoint(1).unwrap();
        let handle = debugger.clone();
        let stops = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let record = stops.clone();
        debugger.set_handler(move |event, frame| {
            let funcs: Vec<u32> = frame.backtrace().iter().map(|f| f.func_index).collect();
            // Only the first run of $middle stops at the breakpoint.
            let _ = handle.clear_breakpoint(first);
            let mut stops = record.lock().unwrap();
            stops.push((
                format!("{}@{:#x}", event.name(), frame.offset()),
                funcs.clone(),
            ));
            // Step while in $middle; then run on.
            if funcs.first() == Some(&1) && stops.len() < 100 {
                step
            } else {
                kestrel::Resume::Continue
            }
        });
        assert_eq!(call(&instance, "outer", &[]), shown(vec![Val::I32(42)]));
        let stops = stops.lock().unwrap();
        let first_elsewhere = stops
            .iter()
            .find(|(_, funcs)| funcs.first() != Some(&1))
            .unwrap_or_else(|| panic!("{step:?}: never left $middle: {stops:?}"));
        let expected = match step {
            kestrel::Resume::StepOver => vec![0],
            _ => vec![2, 0],
        };
        assert_eq!(first_elsewhere.1, expected, "{step:?}: {stops:?}");
        assert!(
            first_elsewhere.0.starts_with("step@"),
            "{step:?}: {stops:?}"
        );
        // A step over the self tail call never stops at $middle's entry again.
        if step == kestrel::Resume::StepOver {
            let entry = &stops[0].0["breakpoint".len()..];
            assert!(
                stops[1..].iter().all(|(event, _)| !event.ends_with(entry)),
                "{stops:?}"
            );
        }
    }
}

/// A breakpoint set, while the chain runs in another instance, at the point where the
/// chain's caller resumes: the caller's return address is in the tail-call frame, where
/// the redirection into its instrumented version must find it, and the breakpoint fires.
#[test]
fn a_breakpoint_where_a_tail_chain_returns_fires() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let (ping, pong) = ping_pong(&engine);
    let ping_debugger = ping.debugger().unwrap();
    // `start`: local.get, call $ping, global.get, i64.add: the breakpoint goes after the
    // call.
    let resume_at = ping_debugger.instruction_offsets(1).unwrap()[2];
    let ping_stops = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = ping_stops.clone();
    ping_debugger.set_handler(move |_, frame| {
        record
            .lock()
            .unwrap()
            .push((frame.func_index(), frame.offset(), frame.frame_count()));
        kestrel::Resume::Continue
    });
    let pong_debugger = pong.debugger().unwrap();
    let entry = pong_debugger.set_entry_breakpoint(0).unwrap();
    let pong_handle = pong_debugger.clone();
    let ping_handle = ping_debugger.clone();
    pong_debugger.set_handler(move |_, _| {
        let _ = pong_handle.clear_breakpoint(entry);
        ping_handle.set_breakpoint(1, resume_at).unwrap();
        kestrel::Resume::Continue
    });
    assert_eq!(
        call(&ping, "start", &[Val::I64(3)]),
        shown(vec![Val::I64(1007)])
    );
    assert_eq!(*ping_stops.lock().unwrap(), vec![(1, resume_at, 1)]);
}

/// A chain of tail calls that would run for ever is stopped by the embedder's interrupt:
/// in place, and through a tail-call frame between two instances.
#[test]
fn an_endless_chain_of_tail_calls_can_be_interrupted() {
    const ENDLESS: &str = r#"(module
      (func $spin (export "spin") (param $n i64) (result i64)
        (return_call $spin (i64.add (local.get $n) (i64.const 1)))))"#;
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let instance = instantiate(&engine, ENDLESS);
        let (ping, _pong) = ping_pong(&engine);
        for (guest, name, arg) in [(&instance, "spin", 0i64), (&ping, "start", i64::MAX)] {
            let (running_tx, running_rx) = std::sync::mpsc::channel();
            let handle = guest.interrupt_handle();
            let runner = {
                let guest = guest.clone();
                std::thread::spawn(move || {
                    running_tx.send(()).unwrap();
                    guest.get_func(name).unwrap().call(&[Val::I64(arg)])
                })
            };
            running_rx.recv().unwrap();
            handle.interrupt();
            let err = runner.join().unwrap().unwrap_err();
            match err {
                kestrel::Error::Trap(t) => {
                    assert_eq!(t.kind(), TrapKind::Interrupted, "{label}: {name}")
                }
                other => panic!("{label}: {name}: {other}"),
            }
        }
    }
}

/// The peer harness's threaded bytecode interpreter (`tools/peers/workloads/
/// tail_interpreter.wat`): every dispatch is a `return_call_indirect`; 10^6 rounds
/// (5 * 10^6 + 1 dispatches) on the 64 KiB stack give what a model of the program says.
#[test]
fn a_tail_calling_interpreter_runs_in_constant_stack_space() {
    const INTERPRETER: &str = include_str!("../tools/peers/workloads/tail_interpreter.wat");
    let rounds = 1_000_000i32;
    let (mut acc, mut x, mut c) = (0i32, 0i32, rounds);
    loop {
        acc = acc.wrapping_mul(31).wrapping_add(x);
        x += 1;
        acc ^= c;
        c -= 1;
        if c == 0 {
            break;
        }
    }
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let instance = instantiate(&engine, INTERPRETER);
        assert_eq!(
            call(&instance, "run", &[Val::I32(rounds)]),
            shown(vec![Val::I32(acc)]),
            "{label}"
        );
    }
}
