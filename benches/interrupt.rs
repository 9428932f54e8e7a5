//! Latency of stopping a running guest: from `InterruptHandle::interrupt` (or
//! `Engine::increment_epoch` past an instance's deadline) on one thread to the return of
//! the interrupted call on another, for a loop in a plain module, a loop in a debuggable
//! module, and deep recursion without loops. The guest sets a flag in its memory once it
//! runs; the clock starts at the request.

#![allow(
    missing_docs,
    reason = "criterion_group! defines an undocumented pub fn"
)]

use criterion::{criterion_group, criterion_main, Criterion};
use kestrel::{Config, Engine, Error, Linker, Module, TrapKind};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const GUEST: &str = r#"
(module
  (memory (export "memory") 1)
  (func (export "spin")
    (loop $l
      (i32.store (i32.const 0) (i32.const 1))
      (br $l)))
  (func $fib (param i32) (result i32)
    (i32.store (i32.const 0) (i32.const 1))
    local.get 0 i32.const 2 i32.lt_u
    if (result i32)
      local.get 0
    else
      local.get 0 i32.const 1 i32.sub call $fib
      local.get 0 i32.const 2 i32.sub call $fib
      i32.add
    end)
  (func (export "recurse")
    i32.const 60 call $fib drop))
"#;

#[derive(Clone, Copy)]
enum Request {
    Interrupt,
    Epoch,
}

fn latency(c: &mut Criterion, name: &str, debug: bool, export: &str, request: Request) {
    let mut config = Config::new();
    config.debug_instrumentation(debug);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, GUEST).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let memory = instance.get_memory("memory").unwrap();
    // SAFETY: offset 0 is 4-byte aligned inside the memory, which `instance` keeps alive
    // and never moves (the guest does not grow it); the guest writes it with aligned
    // 4-byte stores, atomic on x86-64.
    let flag = unsafe { AtomicU32::from_ptr(memory.data_ptr().cast()) };
    let handle = instance.interrupt_handle();
    let func = instance.get_func(export).unwrap();
    let (go, calls) = mpsc::channel::<()>();
    let (ended, ends) = mpsc::channel::<Instant>();
    let worker = std::thread::spawn(move || {
        for () in calls {
            match func.call(&[]) {
                Err(Error::Trap(t)) if t.kind() == TrapKind::Interrupted => {}
                other => panic!("expected an interrupt, got {other:?}"),
            }
            ended.send(Instant::now()).unwrap();
        }
    });
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                flag.store(0, Ordering::SeqCst);
                if let Request::Epoch = request {
                    instance.set_epoch_deadline(1);
                }
                go.send(()).unwrap();
                while flag.load(Ordering::SeqCst) == 0 {
                    std::hint::spin_loop();
                }
                let start = Instant::now();
                match request {
                    Request::Interrupt => handle.interrupt(),
                    Request::Epoch => engine.increment_epoch(),
                }
                total += ends.recv().unwrap() - start;
            }
            total
        })
    });
    drop(go);
    worker.join().unwrap();
}

fn bench(c: &mut Criterion) {
    latency(c, "interrupt/plain loop", false, "spin", Request::Interrupt);
    latency(
        c,
        "interrupt/debuggable loop",
        true,
        "spin",
        Request::Interrupt,
    );
    latency(
        c,
        "interrupt/plain recursion",
        false,
        "recurse",
        Request::Interrupt,
    );
    latency(c, "epoch/plain loop", false, "spin", Request::Epoch);
}

criterion_group!(benches, bench);
criterion_main!(benches);
