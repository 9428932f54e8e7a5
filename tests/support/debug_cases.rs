// The debugging tests shared by `tests/debug.rs` (instrumented versions compiled on first
// use) and `tests/debug_eager.rs` (all compiled with the module); the including file
// defines `INSTRUMENTED_VERSIONS`.

use kestrel::{Config, DebugEvent, Engine, Error, Instance, Linker, Module, Resume, TrapKind, Val};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

fn debug_engine() -> Engine {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    config.instrumented_versions(INSTRUMENTED_VERSIONS);
    Engine::new(&config)
}

fn instantiate(engine: &Engine, wat: &str) -> (Module, Instance) {
    let module = Module::new(engine, wat).expect("module compiles");
    let instance = Linker::new(engine)
        .instantiate(&module)
        .expect("instantiates");
    (module, instance)
}

const FIB: &str = r#"
(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add
        (call $fib (i32.sub (local.get $n) (i32.const 1)))
        (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
"#;

fn fib(n: i32) -> i32 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn code_hash(module: &Module) -> u64 {
    let mut h = DefaultHasher::new();
    module.code().hash(&mut h);
    h.finish()
}

#[test]
fn entry_breakpoint_sees_n_at_every_depth() {
    let engine = debug_engine();
    let (_, instance) = instantiate(&engine, FIB);
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(0).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let depths = Arc::new(Mutex::new(Vec::new()));
    let (s, d) = (seen.clone(), depths.clone());
    dbg.set_handler(move |event, frame| {
        assert!(matches!(event, DebugEvent::Breakpoint(_)));
        s.lock().unwrap().push(frame.local(0).unwrap().i32().unwrap());
        d.lock().unwrap().push(frame.backtrace().len());
        Resume::Continue
    });
    let f = instance.get_typed_func::<i32, i32>("fib").unwrap();
    assert_eq!(f.call(6).unwrap(), 8);
    // Expected: preorder of the call tree, with the depth of each call.
    fn walk(n: i32, depth: usize, out: &mut Vec<(i32, usize)>) {
        out.push((n, depth));
        if n >= 2 {
            walk(n - 1, depth + 1, out);
            walk(n - 2, depth + 1, out);
        }
    }
    let mut expected = Vec::new();
    walk(6, 1, &mut expected);
    let got: Vec<(i32, usize)> = seen
        .lock()
        .unwrap()
        .iter()
        .copied()
        .zip(depths.lock().unwrap().iter().copied())
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn writing_a_local_changes_the_result() {
    let engine = debug_engine();
    let (_, instance) = instantiate(&engine, FIB);
    let dbg = instance.debugger().unwrap();
    let bp = dbg.set_entry_breakpoint(0).unwrap();
    let d2 = dbg.clone();
    dbg.set_handler(move |_, frame| {
        frame.set_local(0, Val::I32(10)).unwrap();
        // Only the outermost call: clear the breakpoint from inside the handler.
        d2.clear_breakpoint(bp).unwrap();
        Resume::Continue
    });
    let f = instance.get_typed_func::<i32, i32>("fib").unwrap();
    assert_eq!(f.call(3).unwrap(), fib(10));
    // Without the breakpoint the function is unaffected.
    assert_eq!(f.call(3).unwrap(), 2);
}

/// A handler changes the program's state through every writer of `Frame`: a global and
/// linear memory at entry, then the operand-stack value `p * 3` (held in a register) a
/// few steps later; each change shows in the result. Bad writes are refused.
#[test]
fn writing_globals_memory_and_stack_values_changes_the_result() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module (memory 1) (global $g (mut i32) (i32.const 1))
          (func (export "f") (param $p i32) (result i32)
            (i32.add
              (i32.add (i32.mul (local.get $p) (i32.const 3)) (global.get $g))
              (i32.load (i32.const 16)))))"#,
    );
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(0).unwrap();
    let rewritten = Arc::new(Mutex::new(false));
    let seen = rewritten.clone();
    dbg.set_handler(move |event, frame| {
        if matches!(event, DebugEvent::Breakpoint(_)) {
            assert_eq!(frame.memory_size(), 65536);
            assert_eq!(frame.global(0).and_then(|v| v.i32()), Some(1));
            frame.set_global(0, Val::I32(1000)).unwrap();
            assert!(frame.set_global(0, Val::I64(1)).is_err(), "wrong type");
            assert!(frame.set_global(1, Val::I32(1)).is_err(), "no such global");
            frame.write_memory(16, &5i32.to_le_bytes()).unwrap();
            assert_eq!(frame.read_memory(16, 4).unwrap(), 5i32.to_le_bytes());
            assert!(frame.write_memory(65535, &[0, 0]).is_err(), "out of bounds");
        }
        let ints = |frame: &kestrel::Frame| -> Vec<Option<i32>> {
            frame.stack().iter().map(|v| v.as_ref().and_then(Val::i32)).collect()
        };
        if ints(frame) == [Some(21)] && !*seen.lock().unwrap() {
            assert!(
                frame.set_stack(0, Val::F32(1.0f32.to_bits())).is_err(),
                "wrong type"
            );
            assert!(frame.set_stack(1, Val::I32(1)).is_err(), "no such entry");
            frame.set_stack(0, Val::I32(100)).unwrap();
            assert_eq!(ints(frame), [Some(100)]);
            *seen.lock().unwrap() = true;
        }
        Resume::StepOver
    });
    let f = instance.get_typed_func::<i32, i32>("f").unwrap();
    assert_eq!(f.call(7).unwrap(), 100 + 1000 + 5);
    assert!(
        *rewritten.lock().unwrap(),
        "never stopped with p * 3 on the stack"
    );
}

const CALLS: &str = r#"
(module
  (func $callee (result i32)
    i32.const 7)
  (func $main (export "main") (result i32)
    call $callee
    i32.const 1
    i32.add))
"#;

/// Runs `main` with an entry breakpoint on `bp_func`, answering every stop with
/// `answer`; returns the (event, func, offset) of each stop.
fn trace(answer: Resume, bp_func: u32) -> (Vec<(String, u32, u32)>, kestrel::Debugger) {
    let engine = debug_engine();
    let (_, instance) = instantiate(&engine, CALLS);
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(bp_func).unwrap();
    let stops = Arc::new(Mutex::new(Vec::new()));
    let s = stops.clone();
    dbg.set_handler(move |event, frame| {
        s.lock()
            .unwrap()
            .push((event.name().to_string(), frame.func_index(), frame.offset()));
        answer
    });
    let main = instance.get_typed_func::<(), i32>("main").unwrap();
    assert_eq!(main.call(()).unwrap(), 8);
    let v = stops.lock().unwrap().clone();
    (v, dbg)
}

#[test]
fn step_over_visits_each_instruction_of_the_frame() {
    let (stops, dbg) = trace(Resume::StepOver, 1);
    let main_ops = dbg.instruction_offsets(1).unwrap();
    assert_eq!(main_ops.len(), 4, "call, i32.const, i32.add, end");
    let mut expected = vec![("breakpoint".to_string(), 1, stops[0].2)];
    for off in &main_ops {
        expected.push(("step".to_string(), 1, *off));
    }
    // The exit site shares the offset of the final `end`.
    expected.push(("step".to_string(), 1, *main_ops.last().unwrap()));
    assert_eq!(stops, expected);
}

#[test]
fn step_into_enters_the_callee() {
    let (stops, dbg) = trace(Resume::StepInto, 1);
    let main_ops = dbg.instruction_offsets(1).unwrap();
    let callee_ops = dbg.instruction_offsets(0).unwrap();
    let funcs: Vec<u32> = stops.iter().map(|s| s.1).collect();
    // main entry, main `call`, callee entry, callee i32.const, callee end, callee exit,
    // then main's i32.const, i32.add, end, exit.
    assert_eq!(funcs, vec![1, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
    assert_eq!(stops[1].2, main_ops[0]);
    assert_eq!(stops[3].2, callee_ops[0]);
    assert_eq!(stops[6].2, main_ops[1]);
}

#[test]
fn step_out_returns_to_the_caller() {
    let (stops, dbg) = trace(Resume::StepOut, 0);
    let main_ops = dbg.instruction_offsets(1).unwrap();
    // Breakpoint at callee entry, then the first stop in main is after the call.
    assert_eq!(stops[0].0, "breakpoint");
    assert_eq!(stops[0].1, 0);
    assert_eq!((stops[1].1, stops[1].2), (1, main_ops[1]));
    // Stepping out of main returns to the host: no further stops.
    assert_eq!(stops.len(), 2);
}

#[test]
fn backtrace_matches_the_call_chain() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module
            (func $leaf (result i32) i32.const 1)
            (func $middle (result i32) call $leaf)
            (func $top (export "top") (result i32) call $middle))"#,
    );
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(0).unwrap();
    let names = Arc::new(Mutex::new(Vec::new()));
    let n = names.clone();
    dbg.set_handler(move |_, frame| {
        *n.lock().unwrap() = frame
            .backtrace()
            .iter()
            .map(|f| f.func_name.clone().unwrap_or_default())
            .collect();
        Resume::Continue
    });
    instance.get_func("top").unwrap().call(&[]).unwrap();
    assert_eq!(*names.lock().unwrap(), vec!["leaf", "middle", "top"]);
}

#[test]
fn offsets_that_are_not_instruction_boundaries_are_rejected() {
    let engine = debug_engine();
    let (_, instance) = instantiate(&engine, FIB);
    let dbg = instance.debugger().unwrap();
    let ops = dbg.instruction_offsets(0).unwrap();
    let not_boundary = (ops[0]..ops[ops.len() - 1])
        .find(|o| !ops.contains(o))
        .unwrap();
    assert!(matches!(
        dbg.set_breakpoint(0, not_boundary),
        Err(Error::Usage(_))
    ));
    assert!(dbg.set_breakpoint(0, ops[2]).is_ok());
    assert!(dbg.set_breakpoint(7, ops[2]).is_err());
    assert_eq!(dbg.breakpoints().len(), 1);
}

#[test]
fn uninstrumented_modules_have_no_debugger() {
    let engine = Engine::default();
    let (_, instance) = instantiate(&engine, FIB);
    assert!(instance.debugger().is_err());
}

#[test]
fn breakpoints_fire_only_in_their_instance_across_threads() {
    let engine = debug_engine();
    let module = Module::new(&engine, FIB).unwrap();
    let a = Linker::new(&engine).instantiate(&module).unwrap();
    let b = Linker::new(&engine).instantiate(&module).unwrap();
    let hits_a = Arc::new(Mutex::new(0u32));
    let hits_b = Arc::new(Mutex::new(0u32));
    let dbg_a = a.debugger().unwrap();
    dbg_a.set_entry_breakpoint(0).unwrap();
    let h = hits_a.clone();
    dbg_a.set_handler(move |_, _| {
        *h.lock().unwrap() += 1;
        Resume::Continue
    });
    let dbg_b = b.debugger().unwrap();
    let h = hits_b.clone();
    dbg_b.set_handler(move |_, _| {
        *h.lock().unwrap() += 1;
        Resume::Continue
    });
    let before = code_hash(&module);
    let ta = std::thread::spawn(move || {
        let f = a.get_typed_func::<i32, i32>("fib").unwrap();
        (0..20).map(|_| f.call(10).unwrap()).sum::<i32>()
    });
    let tb = std::thread::spawn(move || {
        let f = b.get_typed_func::<i32, i32>("fib").unwrap();
        (0..20).map(|_| f.call(10).unwrap()).sum::<i32>()
    });
    assert_eq!(ta.join().unwrap(), 20 * fib(10));
    assert_eq!(tb.join().unwrap(), 20 * fib(10));
    // fib(10) makes 177 calls; every call of every run hits in A, none in B.
    assert_eq!(*hits_a.lock().unwrap(), 20 * 177);
    assert_eq!(*hits_b.lock().unwrap(), 0);
    assert_eq!(code_hash(&module), before);
}

/// Calls export `name` with `args`; once the running code has set the first byte of the
/// instance's exported `memory` (every loop these tests run sets it), another thread makes
/// `request` of the instance's debugger. The handler records each stop (event name,
/// offset) and aborts. Returns the call's error and the stops.
fn stop_from_another_thread(
    instance: &Instance,
    name: &str,
    args: &[Val],
    request: impl FnOnce(&kestrel::Debugger) + Send + 'static,
) -> (Error, Vec<(&'static str, u32)>) {
    let dbg = instance.debugger().unwrap();
    let stops = Arc::new(Mutex::new(Vec::new()));
    let s = stops.clone();
    dbg.set_handler(move |event, frame| {
        s.lock().unwrap().push((event.name(), frame.offset()));
        Resume::Abort
    });
    let memory = instance.get_memory("memory").expect("the module exports its memory");
    // SAFETY: the first byte of a memory of at least one page, which `instance` keeps
    // alive and never moves (these modules do not grow it); the guest writes it with
    // plain stores, single-byte accesses being atomic on x86-64.
    let running = unsafe { std::sync::atomic::AtomicU8::from_ptr(memory.data_ptr()) };
    let requester = std::thread::spawn(move || {
        // The loop is running: the request reaches running code.
        while running.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
        request(&dbg);
    });
    let err = instance.get_func(name).unwrap().call(args).unwrap_err();
    requester.join().unwrap();
    let stops = stops.lock().unwrap().clone();
    (err, stops)
}

fn is_abort(err: &Error) -> bool {
    matches!(err, Error::Trap(t) if t.kind() == TrapKind::DebuggerAbort)
}

#[test]
fn pause_stops_an_infinite_loop_and_abort_ends_it() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module (memory (export "memory") 1)
            (func (export "spin") (loop $l (i32.store8 (i32.const 0) (i32.const 1)) (br $l))))"#,
    );
    let (err, stops) = stop_from_another_thread(&instance, "spin", &[], |dbg| dbg.pause());
    assert!(is_abort(&err), "expected an abort trap, got {err}");
    let names: Vec<_> = stops.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, vec!["pause"]);
}

#[test]
fn breakpoint_set_from_another_thread_reaches_a_running_loop() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module (memory (export "memory") 1)
            (func (export "count") (param i32) (result i32) (local i32)
            (loop $l
              (local.set 1 (i32.add (local.get 1) (i32.const 1)))
              (i32.store8 (i32.const 0) (i32.const 1))
              (br_if $l (i32.ne (local.get 1) (local.get 0))))
            (local.get 1)))"#,
    );
    // loop, local.get 1, i32.const 1, i32.add, ...
    let add = instance.debugger().unwrap().instruction_offsets(0).unwrap()[3];
    // About 4 billion iterations: it runs until the breakpoint stops it.
    let (err, stops) = stop_from_another_thread(&instance, "count", &[Val::I32(-1)], move |dbg| {
        dbg.set_breakpoint(0, add).unwrap();
    });
    assert!(is_abort(&err), "expected an abort trap, got {err}");
    assert_eq!(stops, vec![("breakpoint", add)]);
}

/// A caller suspended in its plain version while its callee runs goes on in its
/// instrumented version when a breakpoint is set in it from another thread: the
/// interrupt redirects its return address (there is no test after the call).
#[test]
fn breakpoint_set_in_a_suspended_caller_from_another_thread_stops_after_the_call() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module
            (memory (export "memory") 1)
            (func $spin (param $n i32) (result i32) (local $i i32)
              (loop $l
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (i32.store8 (i32.const 0) (i32.const 1))
                (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
              (local.get $i))
            (func (export "top") (param i32) (result i32)
              (i32.add (call $spin (local.get 0)) (i32.const 1))))"#,
    );
    // local.get 0, call $spin, i32.const 1, ...
    let after_call = instance.debugger().unwrap().instruction_offsets(1).unwrap()[2];
    // About a billion iterations: the request lands while $spin runs.
    let (err, stops) =
        stop_from_another_thread(&instance, "top", &[Val::I32(1_000_000_000)], move |dbg| {
            dbg.set_breakpoint(1, after_call).unwrap();
        });
    assert!(is_abort(&err), "expected an abort trap, got {err}");
    assert_eq!(stops, vec![("breakpoint", after_call)]);
}

/// The same when a host function, called further down, sets the breakpoint: the return
/// from the host function redirects the wasm callers suspended above it.
#[test]
fn breakpoint_set_by_a_host_function_stops_its_suspended_callers() {
    let engine = debug_engine();
    let module = Module::new(
        &engine,
        r#"(module
            (import "host" "set_breakpoint" (func $set))
            (func $middle (result i32) (call $set) (i32.const 40))
            (func (export "top") (result i32)
              (i32.add (call $middle) (i32.const 2))))"#,
    )
    .unwrap();
    let slot: Arc<Mutex<Option<kestrel::Debugger>>> = Arc::new(Mutex::new(None));
    let target = Arc::new(Mutex::new(0u32));
    let (s, t) = (slot.clone(), target.clone());
    let instance = Linker::new(&engine)
        .func_wrap("host", "set_breakpoint", move || {
            let dbg = s.lock().unwrap();
            dbg.as_ref()
                .unwrap()
                .set_breakpoint(2, *t.lock().unwrap())
                .unwrap();
        })
        .instantiate(&module)
        .unwrap();
    let dbg = instance.debugger().unwrap();
    // In `top` (function 2): call $middle, i32.const 2, ...
    *target.lock().unwrap() = dbg.instruction_offsets(2).unwrap()[1];
    let stops = Arc::new(Mutex::new(Vec::new()));
    let seen = stops.clone();
    dbg.set_handler(move |event, frame| {
        seen.lock()
            .unwrap()
            .push((event.name(), frame.func_index(), frame.stack_value(0).ok().and_then(|v| v.i32())));
        Resume::Continue
    });
    *slot.lock().unwrap() = Some(dbg);
    let top = instance.get_typed_func::<(), i32>("top").unwrap();
    assert_eq!(top.call(()).unwrap(), 42);
    assert_eq!(*stops.lock().unwrap(), vec![("breakpoint", 2, Some(40))]);
}

#[test]
fn pause_reaches_a_loop_that_spends_its_time_in_a_host_helper() {
    // Most interrupt signals land in the memory.fill helper, outside wasm code; the
    // helper's return tests the debug word (under load, a second of re-sent signals
    // could all land in the helper, and this test hung before that test existed).
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module (memory (export "memory") 16)
            (func (export "fill")
              (loop $l
                (memory.fill (i32.const 0) (i32.const 7) (i32.const 1048576))
                (br $l))))"#,
    );
    let (err, stops) = stop_from_another_thread(&instance, "fill", &[], |dbg| dbg.pause());
    assert!(is_abort(&err), "expected an abort trap, got {err}");
    let names: Vec<_> = stops.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, vec!["pause"]);
}

#[test]
fn interrupts_leave_other_threads_results_alone() {
    // A thread running plain code takes every interrupt another instance's pauses send
    // (its stack checks take the slow path) and computes the same results.
    let plain = Engine::default();
    let (_, worker_instance) = instantiate(&plain, FIB);
    let fib_fn = worker_instance.get_typed_func::<i32, i32>("fib").unwrap();
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let worker = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut runs = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) || runs < 20 {
                assert_eq!(fib_fn.call(20).unwrap(), fib(20));
                runs += 1;
            }
            runs
        })
    };
    let engine = debug_engine();
    let (_, idle) = instantiate(&engine, FIB);
    let dbg = idle.debugger().unwrap();
    for _ in 0..200 {
        dbg.pause();
        std::thread::sleep(std::time::Duration::from_micros(500));
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(worker.join().unwrap() >= 20);
}

#[test]
fn trap_event_carries_the_backtrace() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module
            (func $div (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
            (func $outer (export "outer") (result i32) (call $div (i32.const 0))))"#,
    );
    let dbg = instance.debugger().unwrap();
    let seen = Arc::new(Mutex::new(None));
    let s = seen.clone();
    dbg.set_handler(move |event, frame| {
        if let DebugEvent::Trap(trap) = event {
            *s.lock().unwrap() = Some((
                trap.message().to_string(),
                trap.backtrace()
                    .iter()
                    .map(|f| f.func_index)
                    .collect::<Vec<_>>(),
                frame.locals(),
            ));
        }
        Resume::Continue
    });
    let err = instance.get_func("outer").unwrap().call(&[]).unwrap_err();
    assert!(matches!(err, Error::Trap(ref t) if t.kind() == TrapKind::IntegerDivideByZero));
    let (message, funcs, locals) = seen.lock().unwrap().clone().expect("trap event");
    assert_eq!(message, "integer divide by zero");
    assert_eq!(funcs, vec![0, 1]);
    assert_eq!(locals[0].as_ref().and_then(Val::i32), Some(0));
}

#[test]
fn frame_view_covers_reference_values_and_bulk_instructions() {
    let engine = debug_engine();
    let (_, instance) = instantiate(
        &engine,
        r#"(module
            (memory 1)
            (table $t 2 funcref)
            (func $f (export "f") (param $r externref) (result i32)
              (local $g funcref)
              (local.set $g (ref.func $f))
              (table.set $t (i32.const 1) (local.get $g))
              (memory.fill (i32.const 0) (i32.const 42) (i32.const 8))
              (i32.add (table.size $t) (i32.load8_u (i32.const 7)))))"#,
    );
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(0).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    dbg.set_handler(move |event, frame| {
        let locals: Vec<Val> = frame.locals().into_iter().map(Option::unwrap).collect();
        let types: Vec<String> = locals.iter().map(|v| v.ty().to_string()).collect();
        let host_value = match &locals[0] {
            Val::ExternRef(Some(r)) => r.data().downcast_ref::<u32>().copied(),
            _ => None,
        };
        let func_set = matches!(locals[1], Val::FuncRef(Some(_)));
        let stack: Vec<String> = frame
            .stack()
            .iter()
            .map(|v| v.as_ref().unwrap().ty().to_string())
            .collect();
        s.lock().unwrap().push((
            event.name(),
            frame.offset(),
            types,
            host_value,
            func_set,
            stack,
        ));
        Resume::StepOver
    });
    let f = instance.get_func("f").unwrap();
    let result = f
        .call(&[Val::ExternRef(Some(kestrel::ExternRef::new(7u32)))])
        .unwrap();
    assert_eq!(result[0].i32(), Some(2 + 42));
    let stops = seen.lock().unwrap().clone();
    // Every instruction of the body is a stop: entry, 14 instructions (ending with
    // `end`), exit.
    assert_eq!(stops.len(), 16);
    assert_eq!(stops[0].0, "breakpoint");
    assert!(stops[1..].iter().all(|s| s.0 == "step"));
    assert!(stops
        .iter()
        .all(|s| s.2 == vec!["externref".to_string(), "funcref".to_string()]));
    assert!(stops.iter().all(|s| s.3 == Some(7)));
    // The funcref local is null until local.set runs, then holds $f.
    assert!(!stops[0].4);
    assert!(stops.last().unwrap().4);
    // The operand stack shows reference values where they are live.
    assert!(stops.iter().any(|s| s.5.contains(&"funcref".to_string())));
}

#[test]
fn a_handler_capturing_its_debugger_does_not_keep_the_instance_alive() {
    let engine = debug_engine();
    let (_, instance) = instantiate(&engine, FIB);
    let dbg = instance.debugger().unwrap();
    let captured = dbg.clone();
    dbg.set_handler(move |_, _| {
        let _ = captured.breakpoints();
        Resume::Continue
    });
    assert!(dbg.set_entry_breakpoint(0).is_ok());
    drop(instance);
    assert!(matches!(dbg.set_entry_breakpoint(0), Err(Error::Usage(_))));
    // Module-level questions still work without the instance.
    assert!(!dbg.instruction_offsets(0).unwrap().is_empty());
}
