//! Instrumented versions compiled on first use: once per module however many threads ask
//! at once, and reached in every way a debugged function can be entered when no entry
//! tests itself ("DESIGN: entries through the stack limit" in `src/abi/regs.rs`): from
//! the host, by direct calls from code that did not reach it when it was entered, through
//! `call_indirect`, from another instance, after a host function set the breakpoint, and
//! from a running loop when another thread sets it; also from a running loop compiled
//! without a loop-head check, which a request reaches by stepping the thread to a head
//! ("DESIGN: interrupts in loops without calls" in `src/runtime/interrupt.rs`).

use kestrel::{
    Config, DebugEvent, Engine, Error, Extern, Instance, Linker, Module, Resume, TrapKind,
};
use std::sync::{Arc, Barrier, Mutex};

fn debug_engine() -> Engine {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    Engine::new(&config)
}

fn instantiate(engine: &Engine, wat: &str) -> (Module, Instance) {
    let module = Module::new(engine, wat).expect("module compiles");
    let instance = Linker::new(engine)
        .instantiate(&module)
        .expect("instantiates");
    (module, instance)
}

/// Records every stop as (event, function index) and continues.
fn record_stops(instance: &Instance) -> Arc<Mutex<Vec<(&'static str, u32)>>> {
    let stops = Arc::new(Mutex::new(Vec::new()));
    let s = stops.clone();
    instance
        .debugger()
        .unwrap()
        .set_handler(move |event, frame| {
            s.lock().unwrap().push((event.name(), frame.func_index()));
            Resume::Continue
        });
    stops
}

/// Function indices of the instrumented versions compiled so far.
fn compiled(module: &Module) -> Vec<u32> {
    let mut funcs: Vec<u32> = module
        .instrumented_versions()
        .iter()
        .map(|(f, _)| *f)
        .collect();
    funcs.sort_unstable();
    funcs
}

const SPIN: &str = r#"
(module
  (func $work (export "work") (param i32) (result i32) (local i32)
    (loop $l
      (local.set 1 (i32.add (local.get 1) (local.get 0)))
      (br_if $l (i32.lt_u (local.get 1) (i32.const 1000))))
    (local.get 1))
  (memory (export "memory") 1)
  ;; Sets the first byte of memory, so that a test knows it runs.
  (func (export "spin") (loop $l (i32.store8 (i32.const 0) (i32.const 1)) (br $l))))
"#;

include!("support/guest_flag.rs");

#[test]
fn first_uses_from_many_threads_compile_once_and_every_thread_sees_it() {
    let engine = debug_engine();
    let module = Module::new(&engine, SPIN).unwrap();
    assert!(compiled(&module).is_empty());
    let threads = 8;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let (engine, module, barrier) = (engine.clone(), module.clone(), barrier.clone());
            std::thread::spawn(move || {
                let instance = Linker::new(&engine).instantiate(&module).unwrap();
                let stops = record_stops(&instance);
                barrier.wait();
                instance
                    .debugger()
                    .unwrap()
                    .set_entry_breakpoint(0)
                    .unwrap();
                let work = instance.get_typed_func::<i32, i32>("work").unwrap();
                assert_eq!(work.call(7).unwrap(), 1001);
                let stops = stops.lock().unwrap().clone();
                assert_eq!(stops, vec![("breakpoint", 0)]);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(compiled(&module), [0]);
    assert_eq!(module.instrumented_code_size().1, 1, "one compilation");
}

#[test]
fn pausing_many_running_threads_at_once_compiles_their_loop_once() {
    let engine = debug_engine();
    let module = Module::new(&engine, SPIN).unwrap();
    let threads = 6;
    let started = Arc::new(Barrier::new(threads + 1));
    let debuggers = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let (engine, module) = (engine.clone(), module.clone());
            let (started, debuggers) = (started.clone(), debuggers.clone());
            std::thread::spawn(move || {
                let instance = Linker::new(&engine).instantiate(&module).unwrap();
                let dbg = instance.debugger().unwrap();
                let stops = Arc::new(Mutex::new(Vec::new()));
                let s = stops.clone();
                dbg.set_handler(move |event, frame| {
                    s.lock().unwrap().push((event.name(), frame.func_index()));
                    Resume::Abort
                });
                debuggers.lock().unwrap().push((dbg, instance.clone()));
                started.wait();
                let err = instance.get_func("spin").unwrap().call(&[]).unwrap_err();
                assert!(
                    matches!(&err, Error::Trap(t) if t.kind() == TrapKind::DebuggerAbort),
                    "{err}"
                );
                assert_eq!(*stops.lock().unwrap(), vec![("pause", 1)]);
            })
        })
        .collect();
    started.wait();
    let running: Vec<_> = debuggers.lock().unwrap().drain(..).collect();
    for (_, instance) in &running {
        wait_until_running(instance);
    }
    for (dbg, _) in &running {
        dbg.pause();
    }
    drop(running);
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(compiled(&module), [1]);
    assert_eq!(module.instrumented_code_size().1, 1, "one compilation");
}

#[test]
fn stepping_into_a_function_not_compiled_yet_stops_at_its_first_instruction() {
    let engine = debug_engine();
    let (module, instance) = instantiate(
        &engine,
        r#"(module
            (func $callee (param i32) (result i32)
              (i32.mul (local.get 0) (i32.const 3)))
            (func (export "caller") (param i32) (result i32)
              (i32.add (call $callee (local.get 0)) (i32.const 1))))"#,
    );
    let dbg = instance.debugger().unwrap();
    // local.get 0, call $callee, ...
    let call = dbg.instruction_offsets(1).unwrap()[1];
    dbg.set_breakpoint(1, call).unwrap();
    // Only the caller's instrumented version exists (its sites were needed).
    assert_eq!(compiled(&module), [1]);
    let stops = Arc::new(Mutex::new(Vec::new()));
    let (s, m) = (stops.clone(), module.clone());
    dbg.set_handler(move |event, frame| {
        s.lock().unwrap().push((
            event.name(),
            frame.func_index(),
            frame.offset(),
            compiled(&m),
        ));
        match event {
            DebugEvent::Breakpoint(_) => Resume::StepInto,
            _ => Resume::Abort,
        }
    });
    let caller = instance.get_typed_func::<i32, i32>("caller").unwrap();
    assert!(caller.call(5).is_err(), "the step's stop aborts the call");
    let first = dbg.instruction_offsets(0).unwrap()[0];
    let stops = stops.lock().unwrap().clone();
    assert_eq!(stops[0], ("breakpoint", 1, call, vec![1]));
    // The step stopped in the callee, compiled for it, at its entry: before its first
    // instruction (the function's body start, as entry stops report).
    let (event, func, offset, versions) = stops[1].clone();
    assert_eq!((event, func, versions), ("step", 0, vec![0, 1]));
    assert!(offset < first, "{offset} {first}");
    assert_eq!(stops.len(), 2);
}

#[test]
fn a_breakpoint_two_direct_calls_below_the_entered_function_stops() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module
            (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
            (func $mid (param i32) (result i32) (call $leaf (local.get 0)))
            (func (export "top") (param i32) (result i32) (call $mid (local.get 0))))"#,
    );
    let stops = record_stops(&instance);
    instance
        .debugger()
        .unwrap()
        .set_entry_breakpoint(0)
        .unwrap();
    let top = instance.get_typed_func::<i32, i32>("top").unwrap();
    assert_eq!(top.call(1).unwrap(), 2);
    assert_eq!(*stops.lock().unwrap(), vec![("breakpoint", 0)]);
}

#[test]
fn a_breakpoint_reached_through_call_indirect_stops() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module
            (type $t (func (param i32) (result i32)))
            (table 1 funcref)
            (elem (i32.const 0) $target)
            (func $target (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
            (func (export "dispatch") (param i32) (result i32)
              (call_indirect (type $t) (local.get 0) (i32.const 0))))"#,
    );
    let stops = record_stops(&instance);
    instance
        .debugger()
        .unwrap()
        .set_entry_breakpoint(0)
        .unwrap();
    let dispatch = instance.get_typed_func::<i32, i32>("dispatch").unwrap();
    assert_eq!(dispatch.call(21).unwrap(), 42);
    assert_eq!(*stops.lock().unwrap(), vec![("breakpoint", 0)]);
}

/// A host function sets a breakpoint in a function its caller then calls directly: the
/// caller was entered when nothing was debugged, and learns of it when the host returns.
#[test]
fn a_breakpoint_set_by_a_host_function_stops_a_later_direct_call() {
    let engine = debug_engine();
    let module = Module::new(
        &engine,
        r#"(module
            (import "host" "arm" (func $arm))
            (func $later (result i32) (i32.const 5))
            (func (export "run") (result i32) (call $arm) (call $later)))"#,
    )
    .unwrap();
    let slot: Arc<Mutex<Option<kestrel::Debugger>>> = Arc::new(Mutex::new(None));
    let s = slot.clone();
    let instance = Linker::new(&engine)
        .func_wrap("host", "arm", move || {
            s.lock()
                .unwrap()
                .as_ref()
                .unwrap()
                .set_entry_breakpoint(1)
                .unwrap();
        })
        .instantiate(&module)
        .unwrap();
    let stops = record_stops(&instance);
    *slot.lock().unwrap() = Some(instance.debugger().unwrap());
    let run = instance.get_typed_func::<(), i32>("run").unwrap();
    assert_eq!(run.call(()).unwrap(), 5);
    assert_eq!(*stops.lock().unwrap(), vec![("breakpoint", 1)]);
}

const LIBRARY: &str = r#"
(module
  (func $leaf (param i32) (result i32) (i32.sub (local.get 0) (i32.const 1)))
  (func (export "entry") (param i32) (result i32) (call $leaf (local.get 0))))
"#;

const USER: &str = r#"
(module
  (import "lib" "entry" (func $entry (param i32) (result i32)))
  (func $own (param i32) (result i32) (i32.mul (local.get 0) (i32.const 10)))
  (func (export "run") (param i32) (result i32)
    (call $own (call $entry (local.get 0)))))
"#;

/// Instances of two modules; `user` imports `lib`'s `entry`.
fn linked(engine: &Engine) -> (Instance, Instance) {
    let lib = Linker::new(engine)
        .instantiate(&Module::new(engine, LIBRARY).unwrap())
        .unwrap();
    let entry = lib.get_func("entry").unwrap();
    let user = Linker::new(engine)
        .define("lib", "entry", Extern::Func(entry))
        .instantiate(&Module::new(engine, USER).unwrap())
        .unwrap();
    (lib, user)
}

#[test]
fn a_breakpoint_in_another_instance_stops_a_call_that_enters_it() {
    let engine = debug_engine();
    let (lib, user) = linked(&engine);
    let stops = record_stops(&lib);
    // `leaf` is called directly by `entry`, which `user` calls from another context.
    lib.debugger().unwrap().set_entry_breakpoint(0).unwrap();
    let run = user.get_typed_func::<i32, i32>("run").unwrap();
    assert_eq!(run.call(4).unwrap(), 30);
    assert_eq!(*stops.lock().unwrap(), vec![("breakpoint", 0)]);
}

#[test]
fn a_breakpoint_called_after_a_return_from_another_instance_stops() {
    let engine = debug_engine();
    let (_lib, user) = linked(&engine);
    let stops = record_stops(&user);
    // `run` reaches `own` by a direct call after the call into `lib`, whose code ran with
    // `lib`'s own flags: the return must restore `user`'s.
    user.debugger().unwrap().set_entry_breakpoint(1).unwrap();
    let run = user.get_typed_func::<i32, i32>("run").unwrap();
    assert_eq!(run.call(4).unwrap(), 30);
    assert_eq!(*stops.lock().unwrap(), vec![("breakpoint", 1)]);
}

#[test]
fn a_loop_calling_a_function_stops_in_it_when_another_thread_sets_a_breakpoint() {
    let engine = debug_engine();
    let (module, instance) = instantiate(
        &engine,
        r#"(module
            (memory (export "memory") 1)
            (global $n (mut i32) (i32.const 0))
            (func $tick
              (global.set $n (i32.add (global.get $n) (i32.const 1)))
              (i32.store8 (i32.const 0) (i32.const 1)))
            (func (export "forever") (loop $l (call $tick) (br $l))))"#,
    );
    let dbg = instance.debugger().unwrap();
    let stops = Arc::new(Mutex::new(Vec::new()));
    let s = stops.clone();
    dbg.set_handler(move |event, frame| {
        s.lock().unwrap().push((event.name(), frame.func_index()));
        Resume::Abort
    });
    let watched = instance.clone();
    let requester = std::thread::spawn(move || {
        wait_until_running(&watched);
        dbg.set_entry_breakpoint(0).unwrap();
    });
    let err = instance.get_func("forever").unwrap().call(&[]).unwrap_err();
    requester.join().unwrap();
    assert!(
        matches!(&err, Error::Trap(t) if t.kind() == TrapKind::DebuggerAbort),
        "{err}"
    );
    assert_eq!(*stops.lock().unwrap(), vec![("breakpoint", 0)]);
    assert_eq!(
        compiled(&module),
        [0],
        "only the debugged function was compiled"
    );
}

#[test]
fn after_the_last_breakpoint_is_cleared_code_runs_undebugged_again() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module
            (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
            (func (export "top") (param i32) (result i32) (call $leaf (local.get 0))))"#,
    );
    let stops = record_stops(&instance);
    let dbg = instance.debugger().unwrap();
    let id = dbg.set_entry_breakpoint(0).unwrap();
    let top = instance.get_typed_func::<i32, i32>("top").unwrap();
    assert_eq!(top.call(1).unwrap(), 2);
    dbg.clear_breakpoint(id).unwrap();
    assert_eq!(top.call(2).unwrap(), 3);
    assert_eq!(*stops.lock().unwrap(), vec![("breakpoint", 0)]);
}

/// Interrupts (sent whenever another thread changes what an instance debugs) land at any
/// instruction, also between the stack check's out-of-line reads of r12: none may turn
/// into a stack overflow or any other trap. fib reaches `other` by a direct call (never
/// made), so with a breakpoint there every call of fib takes the out-of-line path.
#[test]
fn interrupts_landing_anywhere_never_look_like_stack_overflows() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module
            (func $fib (export "fib") (param $n i32) (result i32)
              (if (i32.lt_s (local.get $n) (i32.const 0))
                (then (return (call $other (local.get $n)))))
              (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
                (then (local.get $n))
                (else (i32.add
                  (call $fib (i32.sub (local.get $n) (i32.const 1)))
                  (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
            (func $other (param i32) (result i32) (local.get 0))
            (func $unused (result i32) (i32.const 1)))"#,
    );
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(1).unwrap();
    dbg.set_handler(|_, _| Resume::Continue);
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sent = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let (s, n, d) = (stop.clone(), sent.clone(), dbg.clone());
    let sender = std::thread::spawn(move || {
        while !s.load(std::sync::atomic::Ordering::Relaxed) {
            // Each change interrupts the running thread.
            let id = d.set_entry_breakpoint(2).unwrap();
            d.clear_breakpoint(id).unwrap();
            n.fetch_add(2, std::sync::atomic::Ordering::Relaxed);
            std::thread::yield_now();
        }
    });
    // Calls until the other thread has sent its changes (however the machine schedules
    // the two threads), at least ten of them.
    let fib = instance.get_typed_func::<i32, i32>("fib").unwrap();
    let mut calls = 0;
    while calls < 10 || sent.load(std::sync::atomic::Ordering::Relaxed) < 2000 {
        assert_eq!(fib.call(22).unwrap(), 17711, "after {calls} calls");
        calls += 1;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    sender.join().unwrap();
}

/// A loop that cannot leave wasm code, which the plain version of a debuggable module
/// compiles without a loop-head check: it counts in local 0 and at memory offset 8, up to
/// 2^34 (so that a request that never reaches it fails the test after seconds rather than
/// hang it), with a plain store at its head whose offset a breakpoint takes.
const COUNT: &str = r#"
(module
  (memory (export "memory") 1)
  (func (export "count") (result i64) (local i64)
    (loop $l
      (i32.store8 (i32.const 0) (i32.const 1))
      (local.set 0 (i64.add (local.get 0) (i64.const 1)))
      (i64.store (i32.const 8) (local.get 0))
      (br_if $l (i64.lt_u (local.get 0) (i64.const 0x400000000))))
    (local.get 0)))
"#;

/// Requests `request` from another thread while `count` runs, and returns the stops
/// (event, function, local 0) the handler saw; the handler aborts the call at the first.
fn while_count_runs(
    config: &Config,
    request: impl FnOnce(&kestrel::Debugger),
) -> Vec<(&'static str, u32, i64)> {
    let engine = Engine::new(config);
    let (module, instance) = instantiate(&engine, COUNT);
    assert_eq!(
        module.loop_heads_without_check().len(),
        1,
        "the loop goes without a check"
    );
    let dbg = instance.debugger().unwrap();
    let stops = Arc::new(Mutex::new(Vec::new()));
    let s = stops.clone();
    dbg.set_handler(move |event, frame| {
        let Ok(kestrel::Val::I64(count)) = frame.local(0) else {
            panic!("local 0 unreadable");
        };
        s.lock()
            .unwrap()
            .push((event.name(), frame.func_index(), count));
        Resume::Abort
    });
    let func = instance.get_func("count").unwrap();
    let (done, outcome) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(move || done.send(func.call(&[])).unwrap());
        wait_until_running(&instance);
        request(&dbg);
        // The stop comes within one iteration or so; a minute only bounds a failure (a
        // request that never reaches the loop), which then stops the call.
        let outcome = outcome
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|_| {
                instance.interrupt_handle().interrupt();
                panic!("no stop within a minute: {:?}", outcome.recv());
            });
        let err = outcome.unwrap_err();
        assert!(
            matches!(&err, Error::Trap(t) if t.kind() == TrapKind::DebuggerAbort),
            "the request did not reach the running loop: {err}"
        );
    });
    let stops = stops.lock().unwrap().clone();
    stops
}

/// The configurations a debuggable module's loops without a check are stepped to in.
fn debuggable_configs() -> Vec<Config> {
    let mut plain = Config::new();
    plain.debug_instrumentation(true);
    let mut fuel = Config::new();
    fuel.debug_instrumentation(true).consume_fuel(true);
    let mut explicit = Config::new();
    explicit
        .debug_instrumentation(true)
        .bounds_checks(kestrel::BoundsChecks::Explicit);
    vec![plain, fuel, explicit]
}

#[test]
fn a_pause_reaches_a_loop_without_a_check_by_stepping_it_to_its_head() {
    for config in debuggable_configs() {
        let stops = while_count_runs(&config, |dbg| dbg.pause());
        assert_eq!(stops.len(), 1, "{stops:?}");
        let (event, func, count) = stops[0];
        assert_eq!((event, func), ("pause", 0));
        // Stopped in the loop, whose count the frame shows.
        assert!(count > 0 && count < 0x4_0000_0000, "{count}");
    }
}

#[test]
fn a_breakpoint_set_while_a_loop_without_a_check_runs_stops_in_it() {
    for config in debuggable_configs() {
        let stops = while_count_runs(&config, |dbg| {
            // The loop's first store (`i32.const 0`, `i32.const 1`, `i32.store8`).
            let store = dbg.instruction_offsets(0).unwrap()[3];
            dbg.set_breakpoint(0, store).unwrap();
        });
        assert_eq!(stops.len(), 1, "{stops:?}");
        let (event, func, count) = stops[0];
        assert_eq!((event, func), ("breakpoint", 0));
        assert!(count > 0 && count < 0x4_0000_0000, "{count}");
    }
}

/// Loops that cannot call out, of several shapes (nested, a division's trap path out of
/// line, floats, values carried as loop parameters, vectors, an early return), doing a
/// fixed amount of work whose result does not depend on how often it is paused.
const SHAPES: &str = r#"
(module
  (memory (export "memory") 1)
  (func $nested (param $n i32) (result i64)
    (local $i i32) (local $j i32) (local $acc i64) (local $f f64)
    (loop $outer
      (local.set $j (i32.const 0))
      (loop $inner
        (i32.store offset=64 (i32.and (i32.mul (local.get $j) (i32.const 4)) (i32.const 1023))
          (local.get $i))
        (local.set $acc (i64.add (local.get $acc)
          (i64.extend_i32_u (i32.div_u (i32.add (local.get $i) (i32.const 100))
            (i32.add (local.get $j) (i32.const 1))))))
        (local.set $f (f64.add (local.get $f) (f64.convert_i32_s (local.get $j))))
        (br_if $inner (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1)))
          (i32.const 16))))
      (br_if $outer (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
        (local.get $n))))
    (i64.add (local.get $acc) (i64.trunc_sat_f64_s (local.get $f))))
  (func $carried (param $n i32) (result i32)
    (i32.const 0) (i32.const 1)
    (loop $l (param i32 i32) (result i32)
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (if (param i32 i32) (result i32 i32) (i32.gt_s (local.get $n) (i32.const 0))
        (then (br $l (i32.add) (i32.xor (local.get $n) (i32.const 0x55))))
        (else))
      i32.add))
  (func $vectors (param $n i32) (result i32)
    (local $i i32) (local $v v128)
    (loop $l
      (local.set $v (i32x4.add (local.get $v)
        (i32x4.mul (i32x4.splat (local.get $i)) (v128.const i32x4 1 3 5 7))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
        (local.get $n))))
    (i32.add (i32x4.extract_lane 0 (local.get $v)) (i32x4.extract_lane 3 (local.get $v))))
  (func $early (param $n i32) (result i32)
    (local $i i32)
    (loop $l
      (if (i32.eq (local.get $i) (local.get $n)) (then (return (i32.mul (local.get $i) (i32.const 3)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l))
    unreachable)
  (func (export "run") (param $n i32) (result i64)
    (i32.store8 (i32.const 0) (i32.const 1))
    (i64.add
      (i64.add (call $nested (local.get $n))
        (i64.extend_i32_u (call $carried (i32.mul (local.get $n) (i32.const 64)))))
      (i64.extend_i32_u (i32.add (call $vectors (i32.mul (local.get $n) (i32.const 64)))
        (call $early (i32.mul (local.get $n) (i32.const 64)))))))
)
"#;

#[test]
fn pauses_landing_anywhere_in_loops_without_a_check_leave_the_result_alone() {
    let n = 1_000_000;
    let expected = {
        let (_, instance) = instantiate(&Engine::default(), SHAPES);
        let run = instance.get_typed_func::<i32, i64>("run").unwrap();
        run.call(n).unwrap()
    };
    for config in debuggable_configs() {
        let engine = Engine::new(&config);
        let (module, instance) = instantiate(&engine, SHAPES);
        assert!(module.loop_heads_without_check().len() >= 5);
        // Each stop reports itself (`None` at the end: the call returned) and reads
        // every local of its frame.
        let (events, stops) = std::sync::mpsc::channel();
        let dbg = instance.debugger().unwrap();
        let to_host = events.clone();
        dbg.set_handler(move |event, frame| {
            let unreadable = frame.locals().iter().filter(|l| l.is_none()).count();
            to_host.send(Some((event.name(), unreadable))).unwrap();
            Resume::Continue
        });
        let run = instance.get_typed_func::<i32, i64>("run").unwrap();
        let mut pauses = 0;
        std::thread::scope(|scope| {
            let caller = scope.spawn(move || {
                let result = run.call(n);
                events.send(None).unwrap();
                result
            });
            wait_until_running(&instance);
            // One pause at a time, each requested after the last one stopped, until the
            // call returns.
            dbg.pause();
            while let Some((event, unreadable)) = stops.recv().unwrap() {
                assert_eq!((event, unreadable), ("pause", 0));
                pauses += 1;
                dbg.pause();
            }
            assert_eq!(caller.join().unwrap().unwrap(), expected);
        });
        assert!(pauses > 0, "no pause reached the running call");
    }
}
