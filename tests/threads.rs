//! Modules and instances across threads: `Module`, `Instance`, `Func` and friends are
//! `Send + Sync`; one module's code serves instances on many threads at once; an instance
//! created on one thread can be called from another; and traps on one thread do not leak
//! into others.

use kestrel::{
    Engine, Extern, Func, Global, Instance, Linker, Memory, Module, Table, Trap, TrapKind,
    TypedFunc, Val,
};
use std::sync::{Arc, Barrier};

const FIB: &str = r#"
(module
  (memory (export "mem") 1)
  (global $calls (export "calls") (mut i64) (i64.const 0))
  (func $fib (export "fib") (param i32) (result i32)
    global.get $calls i64.const 1 i64.add global.set $calls
    local.get 0 i32.const 2 i32.lt_s
    if (result i32)
      local.get 0
    else
      local.get 0 i32.const 1 i32.sub call $fib
      local.get 0 i32.const 2 i32.sub call $fib
      i32.add
    end)
  (func (export "fib_store") (param i32 i32)
    local.get 1 local.get 0 call $fib i32.store)
  (func (export "trap_div") (param i32) (result i32)
    i32.const 1 local.get 0 i32.div_s)
  (func (export "trap_oob") (param i32) (result i32)
    local.get 0 i32.load))
"#;

fn fib(n: i32) -> i32 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

#[test]
fn api_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
    assert_send_sync::<Module>();
    assert_send_sync::<Instance>();
    assert_send_sync::<Func>();
    assert_send_sync::<TypedFunc<(i32, i64), (f32, f64)>>();
    assert_send_sync::<Memory>();
    assert_send_sync::<Table>();
    assert_send_sync::<Global>();
    assert_send_sync::<Extern>();
    assert_send_sync::<Val>();
    assert_send_sync::<Trap>();
    assert_send_sync::<kestrel::Error>();
}

#[test]
fn module_clones_are_cheap_handles() {
    let engine = Engine::default();
    let module = Module::new(&engine, FIB).unwrap();
    let clone = module.clone();
    assert!(Module::same(&module, &clone));
    assert_eq!(module.code_range(), clone.code_range());
    assert_eq!(module.code().as_ptr(), clone.code().as_ptr());
    assert!(std::mem::size_of::<Module>() <= 2 * std::mem::size_of::<usize>());
}

#[test]
fn instances_on_many_threads_run_concurrently() {
    let engine = Engine::default();
    let module = Module::new(&engine, FIB).unwrap();
    let threads = 4;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let module = module.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let instance = Linker::new(module.engine()).instantiate(&module).unwrap();
                let fib_fn = instance.get_typed_func::<i32, i32>("fib").unwrap();
                let fib_store = instance
                    .get_typed_func::<(i32, i32), ()>("fib_store")
                    .unwrap();
                let trap_div = instance.get_typed_func::<i32, i32>("trap_div").unwrap();
                let trap_oob = instance.get_typed_func::<i32, i32>("trap_oob").unwrap();
                barrier.wait();
                // What the wasm calls returned, and what they should sum to.
                let (mut total, mut expected) = (0i64, 0i64);
                for round in 0..20 {
                    let n = 15 + ((t + round) % 6) as i32;
                    total += fib_fn.call(n).unwrap() as i64;
                    expected += fib(n) as i64;
                    // Traps on this thread, interleaved with other threads' work.
                    assert_eq!(
                        trap_div.call(0).unwrap_err().kind(),
                        TrapKind::IntegerDivideByZero
                    );
                    assert_eq!(
                        trap_oob.call(-1).unwrap_err().kind(),
                        TrapKind::MemoryOutOfBounds
                    );
                }
                fib_store.call((20, 64)).unwrap();
                let mut word = [0u8; 4];
                instance
                    .get_memory("mem")
                    .unwrap()
                    .read(64, &mut word)
                    .unwrap();
                assert_eq!(i32::from_le_bytes(word), 6765);
                let calls = instance.get_global("calls").unwrap().get().i64().unwrap();
                // fib(n) makes 2 fib(n + 1) - 1 calls of $fib.
                let made = |n: i32| 2 * fib(n + 1) as i64 - 1;
                let expected_calls = (0..20)
                    .map(|r| made(15 + ((t + r) % 6) as i32))
                    .sum::<i64>()
                    + made(20);
                (total, expected, calls, expected_calls)
            })
        })
        .collect();
    for h in handles {
        let (total, expected, calls, expected_calls) = h.join().expect("worker thread crashed");
        assert_eq!(total, expected, "the wasm results");
        assert_eq!(calls, expected_calls, "each instance counts its own calls");
    }
}

#[test]
fn instance_created_on_one_thread_is_called_on_another() {
    let engine = Engine::default();
    let module = Module::new(&engine, FIB).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let fib_fn = instance.get_typed_func::<i32, i32>("fib").unwrap();
    assert_eq!(fib_fn.call(10).unwrap(), 55);
    let moved = instance.clone();
    let result = std::thread::spawn(move || {
        let f = moved.get_typed_func::<i32, i32>("fib").unwrap();
        let trap = moved
            .get_typed_func::<i32, i32>("trap_div")
            .unwrap()
            .call(0)
            .unwrap_err();
        assert_eq!(trap.kind(), TrapKind::IntegerDivideByZero);
        f.call(20).unwrap()
    })
    .join()
    .unwrap();
    assert_eq!(result, 6765);
    // Back on this thread, after the other thread's call and trap.
    assert_eq!(fib_fn.call(12).unwrap(), 144);
}

/// One instance called from several threads at once. The guest's globals race (as the
/// `Instance` docs allow), but every call must still compute its result: the host stays
/// safe and no thread sees another thread's stack limit.
#[test]
fn one_instance_called_from_several_threads_at_once() {
    let engine = Engine::default();
    let module = Module::new(&engine, FIB).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let threads = 4;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let instance = instance.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let f = instance.get_typed_func::<i32, i32>("fib").unwrap();
                barrier.wait();
                let mut failures = Vec::new();
                for _ in 0..500 {
                    match f.call(18) {
                        Ok(v) => assert_eq!(v, 2584),
                        Err(trap) => failures.push(trap.kind()),
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<TrapKind> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("worker thread crashed"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} concurrent calls trapped: {:?}",
        failures.len(),
        threads * 500,
        &failures[..failures.len().min(5)]
    );
}

/// A "library" instance imported by per-thread instances: each thread calls only its own
/// instance, which calls into the shared library. Every call must compute its result.
#[test]
fn shared_library_instance_used_from_several_threads() {
    let engine = Engine::default();
    let library = Linker::new(&engine)
        .instantiate(
            &Module::new(
                &engine,
                r#"(module (func $fib (export "fib") (param i32) (result i32)
                     local.get 0 i32.const 2 i32.lt_s
                     if (result i32)
                       local.get 0
                     else
                       local.get 0 i32.const 1 i32.sub call $fib
                       local.get 0 i32.const 2 i32.sub call $fib
                       i32.add
                     end))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let user = Module::new(
        &engine,
        r#"(module (import "lib" "fib" (func $fib (param i32) (result i32)))
             (func (export "run") (param i32) (result i32) local.get 0 call $fib))"#,
    )
    .unwrap();
    let threads = 4;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let mut linker = Linker::new(&engine);
            linker.instance("lib", &library);
            let instance = linker.instantiate(&user).unwrap();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let run = instance.get_typed_func::<i32, i32>("run").unwrap();
                barrier.wait();
                let mut failures = Vec::new();
                for _ in 0..500 {
                    match run.call(18) {
                        Ok(v) => assert_eq!(v, 2584),
                        Err(trap) => failures.push(trap.kind()),
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<TrapKind> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("worker thread crashed"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} calls trapped: {:?}",
        failures.len(),
        threads * 500,
        &failures[..failures.len().min(5)]
    );
}
