//! Stopping a running guest from another thread (`Instance::interrupt_handle`) and epoch
//! deadlines (`Instance::set_epoch_deadline`, `Engine::increment_epoch`): a running call
//! ends with `TrapKind::Interrupted` at its next function entry or loop back-edge (or on
//! the spot in a plain module's loop that calls nothing: `tests/interrupt_ranges.rs`), in
//! plain and debuggable modules, in every code-generation configuration, and the instance
//! stays usable. No test waits on time: the guest tells the test it is running through an
//! imported function that sends on a channel.

use kestrel::{
    BoundsChecks, Config, Engine, Error, Instance, InstrumentedVersions, Linker, Module, Resume,
    TrapKind,
};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

/// Each export runs for ever (or for a very long time), in a different shape: a `br`
/// loop, a `br_if` loop, a loop of calls, deep recursion without loops, a loop of host
/// helper calls, a loop in another instance. Each stores 1 at `FLAG` in its loop (or at
/// every call), so that the test knows the guest is past its start.
const GUEST: &str = r#"
(module
  (import "other" "spin" (func $other_spin))
  (memory (export "memory") 1)
  (func $spin (export "spin")
    (loop $l
      (i32.store (i32.const 1024) (i32.const 1))
      (br $l)))
  (func (export "spin_br_if") (param i32)
    (loop $l
      (i32.store (i32.const 1024) (i32.const 1))
      local.get 0 i32.const 1 i32.add local.set 0
      local.get 0 br_if $l))
  (func $nothing)
  (func (export "spin_calls")
    (loop $l
      (i32.store (i32.const 1024) (i32.const 1))
      (call $nothing)
      (br $l)))
  (func $fib (param i32) (result i32)
    (i32.store (i32.const 1024) (i32.const 1))
    local.get 0 i32.const 2 i32.lt_u
    if (result i32)
      local.get 0
    else
      local.get 0 i32.const 1 i32.sub call $fib
      local.get 0 i32.const 2 i32.sub call $fib
      i32.add
    end)
  (func (export "recurse") (result i32)
    i32.const 60 call $fib)
  (func (export "spin_fill")
    (loop $l
      (memory.fill (i32.const 0) (i32.const 7) (i32.const 1024))
      (i32.store (i32.const 1024) (i32.const 1))
      (br $l)))
  (func (export "spin_elsewhere")
    call $other_spin)
  (global $never (mut i32) (i32.const 0))
  (func (export "spin_guarded")
    (loop $l
      (if (global.get $never) (then nop))
      (i32.store (i32.const 1024) (i32.const 1))
      (br $l)))
  (func (export "answer") (result i32) i32.const 42))
"#;

/// Where the guests store their flag.
const FLAG: usize = 1024;

/// `GUEST`'s function index of `spin_guarded` (after one import and eight functions).
const SPIN_GUARDED: u32 = 9;

/// The instance whose `spin` export `GUEST`'s `spin_elsewhere` calls: a loop that never
/// calls the host.
const OTHER: &str = r#"
(module
  (memory (export "memory") 1)
  (func (export "spin")
    (loop $l
      (i32.store (i32.const 1024) (i32.const 1))
      (br $l))))
"#;

/// The configurations the test runs in, by name.
fn configs() -> Vec<(&'static str, Config)> {
    let mut plain = Config::new();
    plain.debug_instrumentation(false);
    let mut explicit = Config::new();
    explicit
        .debug_instrumentation(false)
        .bounds_checks(BoundsChecks::Explicit);
    let mut canaries = Config::new();
    canaries
        .debug_instrumentation(false)
        .convention_canaries(true);
    let mut debug = Config::new();
    debug.debug_instrumentation(true);
    let mut eager = Config::new();
    eager
        .debug_instrumentation(true)
        .instrumented_versions(InstrumentedVersions::Eager);
    let mut debug_canaries = Config::new();
    debug_canaries
        .debug_instrumentation(true)
        .convention_canaries(true);
    vec![
        ("plain", plain),
        ("explicit bounds", explicit),
        ("canaries", canaries),
        ("debug", debug),
        ("debug eager", eager),
        ("debug canaries", debug_canaries),
    ]
}

/// A guest instance and the other instance it imports.
fn instantiate(engine: &Engine) -> (Instance, Instance) {
    let other = Linker::new(engine)
        .instantiate(&Module::new(engine, OTHER).unwrap())
        .unwrap();
    let guest = Linker::new(engine)
        .instance("other", &other)
        .instantiate(&Module::new(engine, GUEST).unwrap())
        .unwrap();
    (guest, other)
}

/// The guest's flag (`FLAG` in the memory `flags` exports).
struct Flag<'a>(&'a AtomicU32);

impl Flag<'_> {
    fn of(flags: &Instance) -> Flag<'_> {
        let memory = flags.get_memory("memory").unwrap();
        assert!(memory.data_size() >= FLAG + 4);
        // SAFETY: the flag is 4-byte aligned inside the memory, which `flags` keeps
        // alive and never moves (the guests do not grow it); the guest writes it with
        // aligned 4-byte stores, atomic on x86-64.
        Flag(unsafe { AtomicU32::from_ptr(memory.data_ptr().add(FLAG).cast()) })
    }

    fn clear(&self) {
        self.0.store(0, Ordering::SeqCst);
    }

    /// Waits until the guest has set the flag.
    fn wait(&self) {
        while self.0.load(Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
    }
}

/// Calls `export` on another thread, waits until the guest has set the flag in
/// `flags`'s memory, runs `stop` and returns how the call ended.
fn call_and_stop(
    instance: &Instance,
    flags: &Instance,
    export: &str,
    stop: impl FnOnce(),
) -> Result<Vec<kestrel::Val>, Error> {
    let func = instance.get_func(export).unwrap();
    let args: Vec<kestrel::Val> = func
        .ty()
        .params()
        .iter()
        .map(|_| kestrel::Val::I32(1))
        .collect();
    let flag = Flag::of(flags);
    flag.clear();
    let caller = std::thread::spawn(move || func.call(&args));
    flag.wait();
    stop();
    caller.join().unwrap()
}

fn assert_interrupted(outcome: Result<Vec<kestrel::Val>, Error>, what: &str) {
    match outcome {
        Err(Error::Trap(trap)) => {
            assert_eq!(trap.kind(), TrapKind::Interrupted, "{what}: {trap}");
            assert_eq!(trap.message(), "interrupted", "{what}");
        }
        other => panic!("{what}: expected an interrupted trap, got {other:?}"),
    }
}

fn answer(instance: &Instance) -> i32 {
    instance
        .get_typed_func::<(), i32>("answer")
        .unwrap()
        .call(())
        .unwrap()
}

const SHAPES: &[&str] = &[
    "spin",
    "spin_br_if",
    "spin_calls",
    "recurse",
    "spin_fill",
    "spin_elsewhere",
];

#[test]
fn an_interrupt_stops_every_shape_of_running_guest_in_every_configuration() {
    for (name, config) in configs() {
        let engine = Engine::new(&config);
        let (guest, other) = instantiate(&engine);
        let handle = guest.interrupt_handle();
        for &shape in SHAPES {
            let flags = if shape == "spin_elsewhere" {
                &other
            } else {
                &guest
            };
            // Twice each: the instance stays usable, and a second interrupt works too.
            for round in 0..2 {
                let outcome = call_and_stop(&guest, flags, shape, || handle.interrupt());
                assert_interrupted(outcome, &format!("{name}, {shape}, round {round}"));
                assert_eq!(answer(&guest), 42, "{name}, {shape}: usable after");
            }
        }
    }
}

/// Runs `spin_guarded` in each debuggable configuration with a breakpoint at its
/// instruction number `site` (`spin_guarded`'s instructions: loop, global.get, if, nop,
/// end, i32.const, i32.const, i32.store, br), interrupts it, and returns the breakpoint
/// hits per configuration.
fn interrupt_with_breakpoint(site: usize) -> Vec<usize> {
    let mut all_hits = Vec::new();
    for (name, config) in configs()
        .into_iter()
        .filter(|(name, _)| name.starts_with("debug"))
    {
        let engine = Engine::new(&config);
        let (guest, _other) = instantiate(&engine);
        let dbg = guest.debugger().unwrap();
        let hits = Arc::new(Mutex::new(0));
        let h = hits.clone();
        dbg.set_handler(move |event, _| {
            if event.name() == "breakpoint" {
                *h.lock().unwrap() += 1;
            }
            Resume::Continue
        });
        let offsets = dbg.instruction_offsets(SPIN_GUARDED).unwrap();
        assert_eq!(offsets.len(), 9, "{name}: {offsets:?}");
        dbg.set_breakpoint(SPIN_GUARDED, offsets[site]).unwrap();
        let handle = guest.interrupt_handle();
        let outcome = call_and_stop(&guest, &guest, "spin_guarded", || handle.interrupt());
        assert_interrupted(outcome, name);
        assert_eq!(answer(&guest), 42);
        all_hits.push(*hits.lock().unwrap());
    }
    all_hits
}

#[test]
fn a_debugged_function_is_interrupted_in_its_instrumented_version() {
    // The breakpoint at the `nop` the loop never reaches makes the function run its
    // instrumented version, whose loop head sees the interrupt.
    let hits = interrupt_with_breakpoint(3);
    assert!(hits.iter().all(|&hits| hits == 0), "{hits:?}");
}

#[test]
fn a_loop_that_keeps_hitting_a_breakpoint_is_interrupted() {
    // The breakpoint at `br` is hit every iteration: the loop spends its time in the
    // debugger's hook, which sees the request.
    let hits = interrupt_with_breakpoint(8);
    assert!(hits.iter().all(|&hits| hits > 0), "{hits:?}");
}

#[test]
fn an_interrupt_before_a_call_stops_that_call_once() {
    for (name, config) in configs() {
        let engine = Engine::new(&config);
        let (guest, _other) = instantiate(&engine);
        guest.interrupt_handle().interrupt();
        match guest.get_typed_func::<(), i32>("answer").unwrap().call(()) {
            Err(trap) => assert_eq!(trap.kind(), TrapKind::Interrupted, "{name}"),
            other => panic!("{name}: expected an interrupted trap, got {other:?}"),
        }
        assert_eq!(answer(&guest), 42, "{name}: the request was answered");
    }
}

#[test]
fn an_interrupt_during_a_host_call_stops_the_guest_when_the_host_returns() {
    let engine = Engine::default();
    let (entered_tx, entered) = mpsc::channel::<()>();
    let (release_tx, release) = mpsc::channel::<()>();
    let (entered_tx, release) = (Mutex::new(entered_tx), Mutex::new(release));
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "wait", move || {
        entered_tx.lock().unwrap().send(()).unwrap();
        release.lock().unwrap().recv().unwrap();
    });
    let module = Module::new(
        &engine,
        r#"(module
             (import "host" "wait" (func $wait))
             (global $after (export "after") (mut i32) (i32.const 0))
             (func (export "run")
               call $wait
               i32.const 1 global.set $after))"#,
    )
    .unwrap();
    let guest = linker.instantiate(&module).unwrap();
    let handle = guest.interrupt_handle();
    let run = guest.get_func("run").unwrap();
    let caller = std::thread::spawn(move || run.call(&[]));
    entered.recv().unwrap();
    handle.interrupt();
    release_tx.send(()).unwrap();
    assert_interrupted(caller.join().unwrap(), "host call");
    let after = guest.get_global("after").unwrap().get();
    assert!(
        matches!(after, kestrel::Val::I32(0)),
        "no wasm ran after the host call"
    );
}

#[test]
fn interrupting_one_instance_leaves_another_running_the_same_code_alone() {
    let engine = Engine::default();
    let (a, _other_a) = instantiate(&engine);
    let (b, _other_b) = instantiate(&engine);
    let b_spin = b.get_func("spin").unwrap();
    let b_thread = std::thread::spawn(move || b_spin.call(&[]));
    let b_flag = Flag::of(&b);
    b_flag.wait();
    let outcome = call_and_stop(&a, &a, "spin", || a.interrupt_handle().interrupt());
    assert_interrupted(outcome, "a");
    // b still runs: it sets its flag again.
    b_flag.clear();
    b_flag.wait();
    assert!(!b_thread.is_finished());
    b.interrupt_handle().interrupt();
    assert_interrupted(b_thread.join().unwrap(), "b");
}

#[test]
fn the_callee_instance_interrupted_stops_a_call_that_entered_elsewhere() {
    // The call entered through `guest` and runs `other`'s loop: interrupting `other` (the
    // instance whose code runs) stops it, as does interrupting `guest` (tested above).
    let engine = Engine::default();
    let (guest, other) = instantiate(&engine);
    let outcome = call_and_stop(&guest, &other, "spin_elsewhere", || {
        other.interrupt_handle().interrupt()
    });
    assert_interrupted(outcome, "other");
    assert_eq!(answer(&guest), 42);
}

#[test]
fn an_epoch_deadline_stops_a_running_guest_and_stays_until_moved() {
    for (name, config) in configs() {
        let engine = Engine::new(&config);
        let (guest, _other) = instantiate(&engine);
        guest.set_epoch_deadline(2);
        let ticker = engine.clone();
        let outcome = call_and_stop(&guest, &guest, "spin", || {
            ticker.increment_epoch();
            ticker.increment_epoch();
        });
        assert_interrupted(outcome, name);
        // The deadline has passed: every call stops until it is moved.
        match guest.get_typed_func::<(), i32>("answer").unwrap().call(()) {
            Err(trap) => assert_eq!(trap.kind(), TrapKind::Interrupted, "{name}"),
            other => panic!("{name}: expected an interrupted trap, got {other:?}"),
        }
        guest.set_epoch_deadline(1);
        assert_eq!(answer(&guest), 42, "{name}: a new deadline");
        guest.clear_epoch_deadline();
        engine.increment_epoch();
        engine.increment_epoch();
        assert_eq!(answer(&guest), 42, "{name}: no deadline");
    }
}

#[test]
fn an_epoch_tick_stops_only_instances_whose_deadline_passed() {
    let engine = Engine::default();
    let (near, _o1) = instantiate(&engine);
    let (far, _o2) = instantiate(&engine);
    near.set_epoch_deadline(1);
    far.set_epoch_deadline(1_000);
    let far_spin = far.get_func("spin").unwrap();
    let far_thread = std::thread::spawn(move || far_spin.call(&[]));
    let far_flag = Flag::of(&far);
    far_flag.wait();
    let outcome = call_and_stop(&near, &near, "spin", || engine.increment_epoch());
    assert_interrupted(outcome, "near");
    // far still runs: it sets its flag again.
    far_flag.clear();
    far_flag.wait();
    assert!(!far_thread.is_finished());
    far.interrupt_handle().interrupt();
    assert_interrupted(far_thread.join().unwrap(), "far");
}
