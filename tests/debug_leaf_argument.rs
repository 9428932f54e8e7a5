//! A debuggable module's small leaves read their first parameter from rsi in their plain
//! versions and write it through to its slot ("DESIGN: the first argument written
//! through" in `compiler::codegen::values`): results against a model for every way the
//! local is read and written (i32 and i64, `local.set`, `local.tee`, an operation computed
//! into it in place), entered from the host, from a plain caller and from a caller
//! stopped at a breakpoint; and the slot right wherever the frame is read or moved while
//! the plain version runs: the debugger's locals at a trap after a write, and the
//! instrumented version's reads after a fault on a watched page moved the frame there at
//! a load following a write.

use kestrel::{Config, DebugEvent, Engine, Instance, Linker, Module, Resume, Val, WatchKind};
use std::sync::{Arc, Mutex};

const GUEST: &str = r#"
(module
  (memory (export "mem") 1)
  ;; Reads only.
  (func (export "get") (param i32) (result i32)
    (i32.xor (local.get 0) (i32.shr_u (local.get 0) (i32.const 13))))
  ;; An operation computed into the local in place, then read.
  (func (export "in_place") (param i32) (result i32)
    (local.set 0 (i32.mul (local.get 0) (i32.const 3)))
    (i32.add (local.get 0) (i32.const 1)))
  ;; A plain local.set, then read.
  (func (export "set") (param i32) (result i32)
    (local.set 0 (i32.sub (i32.const 100) (local.get 0)))
    (i32.add (local.get 0) (local.get 0)))
  ;; local.tee, then read.
  (func (export "tee") (param i64) (result i64)
    (i64.add (local.tee 0 (i64.rotl (local.get 0) (i64.const 9))) (local.get 0)))
  ;; Each kind of write, then a load (faulting on a watched page), then a read.
  (func (export "in_place_load") (param i32) (result i32)
    (local.set 0 (i32.add (local.get 0) (i32.const 5)))
    (drop (i32.load (i32.const 64)))
    (local.get 0))
  (func (export "set_load") (param i32) (result i32)
    (local.set 0 (i32.sub (i32.const 7) (local.get 0)))
    (drop (i32.load (i32.const 64)))
    (local.get 0))
  (func (export "tee_load") (param i64) (result i64)
    (drop (local.tee 0 (i64.xor (i64.const 0x77) (local.get 0))))
    (drop (i32.load (i32.const 64)))
    (local.get 0))
  ;; A write, then a trap.
  (func (export "set_trap") (param i32) (result i32)
    (local.set 0 (i32.sub (i32.const 100) (local.get 0)))
    (unreachable))
  (func $leaf (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 11)))
  (func (export "caller") (param i32) (result i32)
    (i32.mul (call $leaf (local.get 0)) (i32.const 2))))
"#;

fn instance(config: &Config) -> (Module, Instance) {
    let engine = Engine::new(config);
    let module = Module::new(&engine, GUEST).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    (module, instance)
}

/// Calls export `name` with one argument; its result as an i64 (an i32 sign-extended).
fn call(instance: &Instance, name: &str, arg: Val) -> i64 {
    let result = instance.get_func(name).unwrap().call(&[arg]).unwrap()[0].clone();
    result.i32().map(i64::from).or(result.i64()).unwrap()
}

/// The configurations: debuggable (where the leaves' first parameters are written
/// through), debuggable with fuel (where they are not) and plain (pinned to rsi).
fn configs() -> Vec<(&'static str, Config)> {
    let mut debug = Config::new();
    debug.debug_instrumentation(true);
    let mut fuel = debug.clone();
    fuel.consume_fuel(true);
    vec![
        ("debuggable", debug),
        ("debuggable with fuel", fuel),
        ("plain", Config::new()),
    ]
}

/// A value as an i64 (an i32 sign-extended).
fn bits(v: &Val) -> i64 {
    v.i32().map(i64::from).or(v.i64()).unwrap()
}

const ARGS: [i32; 5] = [0, 1, 7, -3, 0x1234_5678];

#[test]
fn leaves_compute_with_their_first_argument_read_and_written_every_way() {
    for (name, config) in configs() {
        let (_, i) = instance(&config);
        for a in ARGS {
            let w = a as u32;
            let wide = (a as i64) * 0x1_0000_0001;
            let expect = [
                ("get", Val::I32(a), Val::I32((w ^ (w >> 13)) as i32)),
                (
                    "in_place",
                    Val::I32(a),
                    Val::I32(a.wrapping_mul(3).wrapping_add(1)),
                ),
                (
                    "set",
                    Val::I32(a),
                    Val::I32(100i32.wrapping_sub(a).wrapping_mul(2)),
                ),
                (
                    "tee",
                    Val::I64(wide),
                    Val::I64(wide.rotate_left(9).wrapping_mul(2)),
                ),
                (
                    "caller",
                    Val::I32(a),
                    Val::I32(a.wrapping_add(11).wrapping_mul(2)),
                ),
            ];
            for (f, arg, result) in expect {
                assert_eq!(
                    call(&i, f, arg.clone()),
                    bits(&result),
                    "{name}: {f}({arg:?})"
                );
            }
        }
    }
}

#[test]
fn a_caller_stopped_at_a_breakpoint_calls_the_leaf_with_its_argument() {
    let (module, i) = instance(&configs()[0].1);
    let dbg = i.debugger().unwrap();
    let caller = module.func_index("caller").unwrap();
    // local.get 0, call $leaf, ...: stop at the call, then step over it.
    let at_call = dbg.instruction_offsets(caller).unwrap()[1];
    dbg.set_breakpoint(caller, at_call).unwrap();
    let stops = Arc::new(Mutex::new(0));
    let count = stops.clone();
    dbg.set_handler(move |event, _| {
        *count.lock().unwrap() += 1;
        match event {
            DebugEvent::Breakpoint(_) => Resume::StepOver,
            _ => Resume::Continue,
        }
    });
    for a in ARGS {
        let result = a.wrapping_add(11).wrapping_mul(2);
        assert_eq!(call(&i, "caller", Val::I32(a)), i64::from(result));
    }
    assert_eq!(
        *stops.lock().unwrap(),
        2 * ARGS.len(),
        "a breakpoint and a step per call"
    );
}

#[test]
fn the_debugger_reads_the_written_local_at_a_trap() {
    for (name, config) in &configs()[..2] {
        let (_, i) = instance(config);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = seen.clone();
        i.debugger().unwrap().set_handler(move |event, frame| {
            if let DebugEvent::Trap(_) = event {
                record
                    .lock()
                    .unwrap()
                    .push(frame.local(0).ok().and_then(|v| v.i32()));
            }
            Resume::Continue
        });
        for a in ARGS {
            assert!(i
                .get_func("set_trap")
                .unwrap()
                .call(&[Val::I32(a)])
                .is_err());
            let seen = std::mem::take(&mut *seen.lock().unwrap());
            assert_eq!(
                seen,
                [Some(100i32.wrapping_sub(a))],
                "{name}: set_trap({a})"
            );
        }
    }
}

#[test]
fn a_fault_on_a_watched_page_after_a_write_moves_the_written_value() {
    for (name, config) in &configs()[..2] {
        let (module, i) = instance(config);
        let dbg = i.debugger().unwrap();
        // The loads' bytes: each load faults and moves its frame into the instrumented
        // version at the load (with fuel the instance checks in software), which stops
        // right after it and then reads the local from its slot.
        dbg.set_watchpoint(0, 64, 4, WatchKind::Access).unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = seen.clone();
        dbg.set_handler(move |event, frame| {
            let local = frame.local(0).ok().map(|v| bits(&v));
            record
                .lock()
                .unwrap()
                .push((event.name().to_string(), local));
            Resume::Continue
        });
        for a in ARGS {
            let wide = (a as i64) * 0x1_0000_0001;
            let expect = [
                ("in_place_load", Val::I32(a), i64::from(a.wrapping_add(5))),
                ("set_load", Val::I32(a), i64::from(7i32.wrapping_sub(a))),
                ("tee_load", Val::I64(wide), wide ^ 0x77),
            ];
            for (f, arg, result) in expect {
                assert_eq!(call(&i, f, arg.clone()), result, "{name}: {f}({arg:?})");
                let seen = std::mem::take(&mut *seen.lock().unwrap());
                let stop = ("watchpoint".to_string(), Some(result));
                assert_eq!(seen, [stop], "{name}: {f}({arg:?})");
            }
        }
        // The loads ran in the instrumented versions (compiled on first use).
        let moved: Vec<u32> = module
            .instrumented_versions()
            .iter()
            .map(|(f, _)| *f)
            .collect();
        for f in ["in_place_load", "set_load", "tee_load"] {
            let index = module.func_index(f).unwrap();
            assert!(
                moved.contains(&index),
                "{name}: {f} never left its plain version"
            );
        }
    }
}
