//! Fuel (`Config::consume_fuel`): the unit as documented, counted exactly on hand-counted
//! programs; the same use and the same point of running out in every configuration
//! (plain, explicit bounds, canaries, debuggable lazily and eagerly, debugged with
//! breakpoints, mapped from the cache); the trap, the count after it, and the errors
//! when fuel is off.

use kestrel::{
    BoundsChecks, Config, Engine, Error, Instance, InstrumentedVersions, Linker, Module, Resume,
    Trap, TrapKind, Val,
};
use std::path::PathBuf;

/// `count(n)` loops n times; `calls(n)` sums squares through a call in a loop. The fuel
/// each uses is counted by hand below.
const COUNTED: &str = r#"
(module
  (func (export "count") (param $n i32)
    (loop $l
      local.get $n
      i32.const 1
      i32.sub
      local.tee $n
      br_if $l))
  (func $sq (param i32) (result i32)
    local.get 0 local.get 0 i32.mul)
  (func (export "calls") (param $n i32) (result i32) (local $acc i32)
    (block $done
      (loop $l
        local.get $n i32.eqz br_if $done
        local.get $acc local.get $n call $sq i32.add local.set $acc
        local.get $n i32.const 1 i32.sub local.set $n
        br $l))
    local.get $acc)
  (func (export "spin") (loop $l (br $l))))
"#;

/// A program with every way of moving control: nested loops, `br_table`, `if`/`else`,
/// direct, indirect and recursive calls, memory traffic.
const BUSY: &str = r#"
(module
  (memory (export "memory") 1)
  (table 3 funcref)
  (elem (i32.const 0) $double $fib $mix)
  (type $un (func (param i32) (result i32)))
  (func $double (type $un) local.get 0 i32.const 2 i32.mul)
  (func $fib (type $un)
    local.get 0 i32.const 2 i32.lt_u
    if (result i32)
      local.get 0
    else
      local.get 0 i32.const 1 i32.sub call $fib
      local.get 0 i32.const 2 i32.sub call $fib
      i32.add
    end)
  (func $mix (type $un) (local $i i32) (local $acc i32)
    (loop $outer
      (local.set $acc (i32.add (local.get $acc)
        (call_indirect (type $un) (local.get $i) (i32.rem_u (local.get $i) (i32.const 3)))))
      (block $b2 (block $b1 (block $b0
        (br_table $b0 $b1 $b2 (i32.rem_u (local.get $i) (i32.const 4))))
        (i32.store (i32.const 0) (local.get $acc)) (br $b2))
        (i32.store (i32.const 4) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get $i) (local.get 0))))
    local.get $acc)
  (func (export "run") (param $n i32) (result i32) (local $j i32) (local $sum i32)
    (loop $a
      (loop $b
        (local.set $sum (i32.add (local.get $sum) (call $mix (local.get $j))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $b (i32.lt_u (local.get $j) (local.get $n))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (local.set $j (i32.const 0))
      (br_if $a (i32.gt_s (local.get $n) (i32.const 0))))
    (i32.add (local.get $sum) (call $fib (i32.const 12)))))
"#;

fn fuel_config() -> Config {
    let mut config = Config::new();
    config.consume_fuel(true);
    config
}

/// A fresh directory for a code cache.
fn cache_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("fuel-cache-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// An instance of `wat` in each configuration, by name.
fn instances(wat: &str) -> Vec<(&'static str, Instance)> {
    instances_linked(wat, |_| {})
}

/// An instance of `wat` in each configuration, by name, its imports defined by `link`.
fn instances_linked(wat: &str, link: impl Fn(&mut Linker)) -> Vec<(&'static str, Instance)> {
    let linker = |engine: &Engine| {
        let mut linker = Linker::new(engine);
        link(&mut linker);
        linker
    };
    let mut out = Vec::new();
    let mut add = |name: &'static str, config: &Config| {
        let engine = Engine::new(config);
        let module = Module::new(&engine, wat).unwrap();
        out.push((name, linker(&engine).instantiate(&module).unwrap()));
    };
    add("plain", &fuel_config());
    add(
        "explicit bounds",
        fuel_config().bounds_checks(BoundsChecks::Explicit),
    );
    add("canaries", fuel_config().convention_canaries(true));
    add("debug", fuel_config().debug_instrumentation(true));
    add(
        "debug eager",
        fuel_config()
            .debug_instrumentation(true)
            .instrumented_versions(InstrumentedVersions::Eager),
    );
    add(
        "debug canaries",
        fuel_config()
            .debug_instrumentation(true)
            .convention_canaries(true),
    );
    // Mapped from the cache: the second engine finds the first one's entry.
    let dir = cache_dir(&format!("{:x}", wat.len()));
    add("cache writer", fuel_config().cache_dir(&dir));
    add("cached", fuel_config().cache_dir(&dir));
    assert!(
        std::fs::read_dir(&dir).unwrap().count() > 0,
        "the cache has an entry"
    );
    // Debugged: every function has a breakpoint at its first instruction, and the
    // handler continues, so calls run in instrumented versions.
    let engine = Engine::new(fuel_config().debug_instrumentation(true));
    let module = Module::new(&engine, wat).unwrap();
    let instance = linker(&engine).instantiate(&module).unwrap();
    let dbg = instance.debugger().unwrap();
    dbg.set_handler(|_, _| Resume::Continue);
    for func in 0.. {
        let Ok(offsets) = dbg.instruction_offsets(func) else {
            break;
        };
        dbg.set_breakpoint(func, offsets[0]).unwrap();
    }
    out.push(("debugged", instance));
    out
}

fn call_i32(instance: &Instance, name: &str, arg: i32) -> Result<Vec<Val>, Error> {
    instance.get_func(name).unwrap().call(&[Val::I32(arg)])
}

/// The fuel a call uses.
fn used(instance: &Instance, name: &str, arg: i32) -> u64 {
    let start = 1 << 40;
    instance.set_fuel(start).unwrap();
    call_i32(instance, name, arg).unwrap();
    start - instance.fuel().unwrap()
}

#[test]
fn fuel_counts_the_documented_unit_in_every_configuration() {
    for (name, instance) in instances(COUNTED) {
        // `count`: its own stretch is `loop` and the final `end` (2); the loop's is
        // local.get, i32.const, i32.sub, local.tee, br_if, end (6), paid per iteration.
        assert_eq!(
            used(&instance, "count", 10),
            2 + 10 * 6,
            "{name}: count(10)"
        );
        assert_eq!(used(&instance, "count", 1), 2 + 6, "{name}: count(1)");
        // `calls`: block, loop, end, local.get, end (5); the loop's 14 instructions for
        // n + 1 iterations (the last leaves at br_if); `sq`'s 4 per call.
        assert_eq!(
            used(&instance, "calls", 3),
            5 + 4 * 14 + 3 * 4,
            "{name}: calls(3)"
        );
        assert_eq!(used(&instance, "calls", 0), 5 + 14, "{name}: calls(0)");
    }
}

#[test]
fn fuel_use_and_running_out_are_the_same_in_every_configuration() {
    let runs = instances(BUSY);
    let (_, reference) = &runs[0];
    let expected = used(reference, "run", 6);
    assert!(expected > 1000, "a busy program: {expected}");
    let result = call_i32(reference, "run", 6).unwrap()[0].i32().unwrap();
    // Running out at several points of the run: the same trap, at the same place, with
    // the same memory, everywhere.
    for budget in [expected - 1, expected / 2, expected / 3 + 7, 5, 0] {
        let mut first: Option<(String, Vec<u8>)> = None;
        for (name, instance) in &runs {
            instance.set_fuel(budget).unwrap();
            let trap = match call_i32(instance, "run", 6) {
                Err(Error::Trap(trap)) => trap,
                other => panic!("{name}, budget {budget}: expected a trap, got {other:?}"),
            };
            assert_eq!(trap.kind(), TrapKind::OutOfFuel, "{name}: {trap}");
            assert_eq!(trap.message(), "all fuel consumed");
            assert_eq!(instance.fuel().unwrap(), 0, "{name}: nothing left");
            let place = where_(&trap);
            let mut memory = vec![0; 8];
            instance
                .get_memory("memory")
                .unwrap()
                .read(0, &mut memory)
                .unwrap();
            match &first {
                None => first = Some((place, memory)),
                Some((p, m)) => {
                    assert_eq!(&place, p, "{name}, budget {budget}: where it ran out");
                    assert_eq!(&memory, m, "{name}, budget {budget}: memory");
                }
            }
        }
    }
    for (name, instance) in &runs {
        assert_eq!(used(instance, "run", 6), expected, "{name}");
        instance.set_fuel(expected).unwrap();
        let got = call_i32(instance, "run", 6).unwrap()[0].i32().unwrap();
        assert_eq!(got, result, "{name}: exactly enough fuel");
        assert_eq!(instance.fuel().unwrap(), 0, "{name}");
    }
}

/// Loops paid in a function's own code, then a host function, a host helper
/// (`memory.grow`), a return, or a trap of another kind (a memory fault, `unreachable`, a
/// division by zero): wherever other code reads the fuel.
const ELSEWHERE: &str = r#"
(module
  (import "host" "nop" (func $nop))
  (memory (export "memory") 1)
  (func $spin (param $n i32)
    (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "host") (param $n i32) (local $i i32)
    (local.set $i (local.get $n))
    (loop $l (br_if $l (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (call $nop)
    (local.set $i (local.get $n))
    (loop $l (br_if $l (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (call $nop))
  (func (export "grow") (param $n i32) (local $i i32)
    (local.set $i (local.get $n))
    (loop $l (br_if $l (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (drop (memory.grow (i32.const 0)))
    (call $spin (local.get $n)))
  (func (export "oob") (param $n i32) (local $i i32)
    (local.set $i (local.get $n))
    (loop $l (br_if $l (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (drop (i32.load (i32.add (local.get $i) (i32.const 70000)))))
  (func (export "unreachable") (param $n i32) (local $i i32)
    (local.set $i (local.get $n))
    (loop $l (br_if $l (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    unreachable)
  (func (export "div") (param $n i32) (local $i i32)
    (local.set $i (local.get $n))
    (loop $l (br_if $l (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (drop (i32.div_u (local.get $n) (local.get $i)))))
"#;

/// Plain versions keep the fuel in a register ("DESIGN: fuel" in `codegen::fuel`): the
/// count after a host function, a host helper and a trap of another kind must be what
/// the instrumented versions, which count in memory, leave.
#[test]
fn the_count_is_exact_wherever_other_code_reads_it() {
    let runs = instances_linked(ELSEWHERE, |linker| {
        linker.func_wrap("host", "nop", || {});
    });
    let start = 1 << 40;
    for (call, n, traps) in [
        ("host", 50, false),
        ("grow", 40, false),
        ("oob", 30, true),
        ("unreachable", 20, true),
        ("div", 10, true),
    ] {
        let mut first = None;
        for (name, instance) in &runs {
            instance.set_fuel(start).unwrap();
            let result = call_i32(instance, call, n);
            assert_eq!(result.is_err(), traps, "{name}: {call}: {result:?}");
            let used = start - instance.fuel().unwrap();
            assert!(used > 5 * n as u64, "{name}: {call}: only {used}");
            match first {
                None => first = Some(used),
                Some(expected) => assert_eq!(used, expected, "{name}: {call}"),
            }
        }
    }
}

/// An instrumented version that goes back to the plain version mid-call (the breakpoint
/// that sent it there is cleared at its first hit) hands the plain version its fuel in
/// r13 ("DESIGN: fuel"): the count is the plain count.
#[test]
fn the_count_is_exact_across_a_return_to_the_plain_version() {
    for eager in [false, true] {
        let mut config = fuel_config();
        config.debug_instrumentation(true);
        if eager {
            config.instrumented_versions(InstrumentedVersions::Eager);
        }
        let engine = Engine::new(&config);
        let module = Module::new(&engine, COUNTED).unwrap();
        let instance = Linker::new(&engine).instantiate(&module).unwrap();
        let dbg = instance.debugger().unwrap();
        let count = 0; // `count`, the module's first function
        let first = dbg.instruction_offsets(count).unwrap()[0];
        let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (seen, clear) = (hits.clone(), dbg.clone());
        dbg.set_handler(move |_, _| {
            seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            clear.clear_all_breakpoints();
            Resume::Continue
        });
        dbg.set_breakpoint(count, first).unwrap();
        assert_eq!(used(&instance, "count", 10), 2 + 10 * 6, "eager {eager}");
        assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 1);
    }
}

/// The trap's backtrace as text: function and offset of every frame.
fn where_(trap: &Trap) -> String {
    trap.backtrace()
        .iter()
        .map(|f| format!("{}@{:#x} ", f.func_index, f.module_offset))
        .collect()
}

#[test]
fn a_loop_that_never_ends_runs_out_and_the_instance_stays_usable() {
    for (name, instance) in instances(COUNTED) {
        instance.set_fuel(1_000_000).unwrap();
        match instance.get_func("spin").unwrap().call(&[]) {
            Err(Error::Trap(trap)) => assert_eq!(trap.kind(), TrapKind::OutOfFuel, "{name}"),
            other => panic!("{name}: expected out of fuel, got {other:?}"),
        }
        assert_eq!(instance.fuel().unwrap(), 0);
        // Without fuel, nothing runs; with some, calls run again.
        assert!(call_i32(&instance, "count", 3).is_err(), "{name}");
        assert_eq!(used(&instance, "count", 3), 2 + 3 * 6, "{name}");
    }
}

#[test]
fn initial_fuel_bounds_the_start_function() {
    let wat = r#"(module (func $start (loop $l (br $l))) (start $start))"#;
    let engine = Engine::new(fuel_config().initial_fuel(10_000));
    let module = Module::new(&engine, wat).unwrap();
    match Linker::new(&engine).instantiate(&module) {
        Err(Error::Trap(trap)) => assert_eq!(trap.kind(), TrapKind::OutOfFuel),
        Err(other) => panic!("expected out of fuel, got {other}"),
        Ok(_) => panic!("expected out of fuel, got an instance"),
    }
    let engine = Engine::new(&fuel_config());
    let instance = Linker::new(&engine)
        .instantiate(&Module::new(&engine, COUNTED).unwrap())
        .unwrap();
    assert_eq!(instance.fuel().unwrap(), u64::MAX, "the default");
}

#[test]
fn fuel_is_an_error_when_the_engine_does_not_count_it() {
    let engine = Engine::default();
    let instance = Linker::new(&engine)
        .instantiate(&Module::new(&engine, COUNTED).unwrap())
        .unwrap();
    for err in [
        instance.set_fuel(5).unwrap_err(),
        instance.fuel().unwrap_err(),
    ] {
        assert!(err.to_string().contains("consume_fuel"), "{err}");
    }
}
