//! What a debugger client waits for, over the GDB remote protocol on loopback (what LLDB
//! speaks to `kestrel run -g`): from `c` to the stop reply of a watchpoint that the next
//! loop iteration hits ("DESIGN: watched pages": a protected page, the move into the
//! instrumented version, the stop), and from connecting to an instance that is running a
//! loop on another thread to the stop reply of the attach (`GdbSession::attach`).

#![allow(
    missing_docs,
    reason = "criterion_group! defines an undocumented pub fn"
)]

use criterion::{criterion_group, criterion_main, Criterion};
use gdbstub_arch::wasm::addr::{WasmAddr, WasmAddrType};
use kestrel::gdb::GdbSession;
use kestrel::{Config, Engine, Instance, Linker, Module, Val};
use std::io::Write;
use std::net::{TcpListener, TcpStream};

#[path = "../tests/support/gdb_client.rs"]
mod gdb_client;
use gdb_client::Client;
use std::time::{Duration, Instant};

/// `run(n)`: n rounds of a store of the round's number to the word at 0x100, then a sum
/// over another word. `spin`: a loop that never ends (the attach part needs a call that
/// keeps running however many attaches criterion makes: once a call has returned, an
/// attach waits for the instance's next call).
const GUEST: &str = r#"
(module
  (memory 1)
  (func (export "run") (param $n i32) (result i32) (local $i i32) (local $sum i32)
    (loop $next
      (i32.store (i32.const 0x100) (local.get $i))
      (local.set $sum (i32.add (local.get $sum) (i32.load (i32.const 0x2000))))
      (local.tee $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $n))))
    (local.get $sum))
  (func (export "spin") (loop $forever (br $forever))))
"#;

fn instance() -> Instance {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, GUEST).unwrap();
    Linker::new(&engine).instantiate(&module).unwrap()
}

fn latency(c: &mut Criterion) {
    let mut group = c.benchmark_group("gdb_latency");
    group.sample_size(50);
    group.measurement_time(Duration::from_secs(5));

    // Continue to a watchpoint stop: the program runs under `GdbSession::start`; each
    // `c` runs one loop iteration, whose store hits the write watchpoint.
    let instance = instance();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut client = Client(TcpStream::connect(("127.0.0.1", port)).unwrap());
    client.0.set_nodelay(true).unwrap();
    let (stream, _) = listener.accept().unwrap();
    stream.set_nodelay(true).unwrap();
    let session = GdbSession::start(&instance, "bench.wasm", stream).unwrap();
    let program = {
        let instance = instance.clone();
        std::thread::spawn(move || {
            let outcome = instance
                .get_func("run")
                .unwrap()
                .call(&[Val::I32(i32::MAX)]);
            session.finish(&outcome).unwrap();
        })
    };
    assert!(client.ask("?").starts_with('T'));
    let word = WasmAddr::new(WasmAddrType::Memory, 0, 0x100)
        .unwrap()
        .as_raw();
    assert_eq!(client.ask(&format!("Z2,{word:x},4")), "OK");
    group.bench_function("continue_to_watchpoint_stop", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                let stop = client.ask("c");
                assert!(stop.starts_with('T'), "a stop reply, got {stop:?}");
            }
            start.elapsed()
        })
    });
    // Kill: the call ends and the session with it.
    write!(client.0, "$k#6b").unwrap();
    client.0.flush().unwrap();
    drop(client);
    program.join().unwrap();

    // Attach to a running instance: connect, serve with `GdbSession::attach`, ask `?`
    // (answered once the running loop has paused), detach and let it run on.
    let instance = self::instance();
    let stopper = instance.interrupt_handle();
    let runner = {
        let instance = instance.clone();
        std::thread::spawn(move || {
            let _ = instance.get_func("spin").unwrap().call(&[]);
        })
    };
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    group.bench_function("attach_to_first_stop_reply", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let mut client = Client(TcpStream::connect(("127.0.0.1", port)).unwrap());
                client.0.set_nodelay(true).unwrap();
                let (stream, _) = listener.accept().unwrap();
                stream.set_nodelay(true).unwrap();
                let session = GdbSession::attach(&instance, "bench.wasm", stream).unwrap();
                let stop = client.ask("?");
                total += start.elapsed();
                assert!(stop.starts_with('T'), "a stop reply, got {stop:?}");
                assert_eq!(client.ask("D"), "OK");
                session.wait().unwrap();
            }
            total
        })
    });
    group.finish();
    stopper.interrupt();
    runner.join().unwrap();
}

criterion_group!(benches, latency);
criterion_main!(benches);
