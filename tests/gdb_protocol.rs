//! The GDB remote protocol server (`kestrel::gdb`) spoken to directly, packet by packet,
//! for behaviour LLDB does not reach on its own: inserting a breakpoint twice at one
//! address is one breakpoint, which one removal clears; attaching to an idle instance
//! stops its next call at its entry, and detaching lets it run; `monitor mem` dumps a
//! memory other than 0; back-to-back attaches to a running call are each answered.
#![cfg(feature = "gdb")]

use gdbstub_arch::wasm::addr::{WasmAddr, WasmAddrType};
use kestrel::{Config, Engine, Linker, Module};
use std::net::{TcpListener, TcpStream};

#[path = "support/gdb_client.rs"]
mod gdb_client;
use gdb_client::Client;

/// A loop that runs `n` times and returns n; its body's first instruction is where the
/// test puts its breakpoint.
const LOOP: &str = r#"
(module
  (func (export "run") (result i32) (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 5))))
    (local.get $i)))
"#;

#[test]
fn a_breakpoint_inserted_twice_is_cleared_by_one_removal() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, LOOP).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    // The loop body's first instruction: `local.get $i`, after `loop`.
    let dbg = instance.debugger().unwrap();
    let offsets = dbg.instruction_offsets(0).unwrap();
    let body = offsets[1];
    drop(dbg);
    let addr = WasmAddr::new(WasmAddrType::Object, 0, body)
        .unwrap()
        .as_raw();

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let client = std::thread::spawn(move || {
        let mut c = Client(TcpStream::connect(("127.0.0.1", port)).unwrap());
        // The program starts stopped at its first instruction.
        assert!(c.ask("?").starts_with('T'), "a stop reply");
        assert_eq!(c.ask(&format!("Z0,{addr:x},1")), "OK");
        assert_eq!(c.ask(&format!("Z0,{addr:x},1")), "OK", "idempotent");
        assert_eq!(c.ask(&format!("z0,{addr:x},1")), "OK");
        // No breakpoint is left: the program runs to its end.
        c.ask("vCont;c")
    });
    let (stream, _) = listener.accept().unwrap();
    let session = kestrel::gdb::GdbSession::start(&instance, "loop.wasm", stream).unwrap();
    let outcome = instance.get_func("run").unwrap().call(&[]);
    session.finish(&outcome).unwrap();
    let last = client.join().unwrap();
    assert!(last.starts_with('W'), "the program exited, got {last:?}");
    assert_eq!(outcome.unwrap()[0].i32(), Some(5));
}

/// Attaching to an idle instance (between calls): nothing stops until its next call,
/// which stops at its first instruction; after the client detaches, the call runs to its
/// end and the session is over.
#[test]
fn attaching_to_an_idle_instance_stops_its_next_call_and_detaching_lets_it_run() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, LOOP).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    // Where a stop at the function's entry is (its body's start), seen through the API
    // on another instance.
    let entry = {
        let other = Linker::new(&engine).instantiate(&module).unwrap();
        let debugger = other.debugger().unwrap();
        debugger.set_entry_breakpoint(0).unwrap();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(None));
        let record = seen.clone();
        debugger.set_handler(move |_, frame| {
            *record.lock().unwrap() = Some(frame.offset());
            kestrel::Resume::Continue
        });
        other.get_func("run").unwrap().call(&[]).unwrap();
        let offset = seen.lock().unwrap().expect("stopped at the entry");
        offset
    };

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (asked_tx, asked_rx) = std::sync::mpsc::channel();
    let client = std::thread::spawn(move || {
        let mut c = Client(TcpStream::connect(("127.0.0.1", port)).unwrap());
        asked_tx.send(()).unwrap();
        // Answered once the instance stops, at its next call.
        let stop = c.ask("?");
        let stack = c.ask("qWasmCallStack:1");
        let detached = c.ask("D");
        (stop, stack, detached)
    });
    let (stream, _) = listener.accept().unwrap();
    let session = kestrel::gdb::GdbSession::attach(&instance, "loop.wasm", stream).unwrap();
    asked_rx.recv().unwrap();
    let outcome = instance.get_func("run").unwrap().call(&[]);
    let (stop, stack, detached) = client.join().unwrap();
    session.wait().unwrap();
    assert!(stop.starts_with('T'), "a stop reply, got {stop:?}");
    // The one frame's pc: the function's entry (little-endian hex, run-length encoded).
    let pc = WasmAddr::new(WasmAddrType::Object, 0, entry)
        .unwrap()
        .as_raw();
    let pc_hex: String = pc
        .to_le_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(expand(&stack), pc_hex, "stopped at the entry");
    assert_eq!(detached, "OK");
    assert_eq!(outcome.unwrap()[0].i32(), Some(5));
    // Detached: the next call runs without a debugger.
    let again = instance.get_func("run").unwrap().call(&[]).unwrap();
    assert_eq!(again[0].i32(), Some(5));
    assert!(instance.debugger().unwrap().breakpoints().is_empty());
}

/// A reply with its run-length encoding expanded (`c*N`: `c` repeated `N - 29` more times).
fn expand(reply: &str) -> String {
    let mut out = String::new();
    let mut chars = reply.chars();
    while let Some(c) = chars.next() {
        if c == '*' {
            let count = chars.next().expect("a repeat count") as usize - 29;
            let last = out.chars().last().expect("a character to repeat");
            out.extend(std::iter::repeat_n(last, count));
        } else {
            out.push(c);
        }
    }
    out
}

/// `monitor mem MEMORY ADDR LEN` (`qRcmd`) dumps any memory of the stopped instance;
/// LLDB's own memory reads address memory 0.
#[test]
fn monitor_mem_dumps_memory_one() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module
          (memory 1)
          (memory 1)
          (data (memory 1) (i32.const 16) "\de\ad\be\ef")
          (func (export "run") (result i32) (i32.load8_u 1 (i32.const 16))))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let client = std::thread::spawn(move || {
        let mut c = Client(TcpStream::connect(("127.0.0.1", port)).unwrap());
        assert!(c.ask("?").starts_with('T'));
        let monitor = |c: &mut Client, cmd: &str| {
            let hex: String = cmd.bytes().map(|b| format!("{b:02x}")).collect();
            let mut reply = c.ask(&format!("qRcmd,{hex}"));
            let mut text = String::new();
            // Console output comes in `O` packets, then `OK`.
            while let Some(out) = reply.strip_prefix('O').filter(|_| reply != "OK") {
                let out = expand(out);
                let bytes: Vec<u8> = (0..out.len() / 2)
                    .map(|i| u8::from_str_radix(&out[2 * i..2 * i + 2], 16).unwrap())
                    .collect();
                text += &String::from_utf8(bytes).unwrap();
                reply = c.reply();
            }
            assert_eq!(reply, "OK");
            text
        };
        let dump = monitor(&mut c, "mem 1 0x10 4");
        let memory0 = monitor(&mut c, "mem 0 16 4");
        let usage = monitor(&mut c, "mem 1");
        c.ask("vCont;c");
        (dump, memory0, usage)
    });
    let (stream, _) = listener.accept().unwrap();
    let session = kestrel::gdb::GdbSession::start(&instance, "two.wasm", stream).unwrap();
    let outcome = instance.get_func("run").unwrap().call(&[]);
    session.finish(&outcome).unwrap();
    let (dump, memory0, usage) = client.join().unwrap();
    assert_eq!(dump, "0x10: de ad be ef\n");
    assert_eq!(memory0, "0x10: 00 00 00 00\n");
    assert!(usage.starts_with("usage: monitor mem"), "{usage}");
    assert_eq!(outcome.unwrap()[0].i32(), Some(0xde));
}

/// Back-to-back attaches to one call that keeps running: each is answered by a stop
/// (the running loop pauses), each detach lets it run on, and the last client ends the
/// loop by writing its flag through the protocol; the call returns how often it went
/// round, which the stops did not disturb.
#[test]
fn back_to_back_attaches_to_a_running_call_are_each_answered() {
    const ATTACHES: usize = 300;
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    // Counts rounds until the word at 0 is non-zero.
    let module = Module::new(
        &engine,
        r#"(module
          (memory 1)
          (func (export "run") (result i32) (local $rounds i32)
            (loop $l
              (local.set $rounds (i32.add (local.get $rounds) (i32.const 1)))
              (br_if $l (i32.eqz (i32.load (i32.const 0)))))
            (local.get $rounds)))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let runner = {
        let instance = instance.clone();
        std::thread::spawn(move || instance.get_func("run").unwrap().call(&[]))
    };
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let flag = WasmAddr::new(WasmAddrType::Memory, 0, 0).unwrap().as_raw();
    for attach in 0..ATTACHES {
        let mut client = Client(TcpStream::connect(("127.0.0.1", port)).unwrap());
        // Small packets go out at once (as LLDB sends them).
        client.0.set_nodelay(true).unwrap();
        let (stream, _) = listener.accept().unwrap();
        let session = kestrel::gdb::GdbSession::attach(&instance, "loop.wasm", stream).unwrap();
        let stop = client.ask("?");
        assert!(
            stop.starts_with('T'),
            "attach {attach}: a stop reply, got {stop:?}"
        );
        if attach == ATTACHES - 1 {
            assert_eq!(client.ask(&format!("M{flag:x},4:01000000")), "OK");
        }
        assert_eq!(client.ask("D"), "OK", "attach {attach}");
        session.wait().unwrap();
    }
    let rounds = runner.join().unwrap().unwrap()[0].i32().unwrap();
    assert!(rounds >= 1, "the loop ran, {rounds} rounds");
    assert!(instance.debugger().unwrap().breakpoints().is_empty());
}

/// An uncaught wasm exception stops LLDB's session as a trap does: the stop reply after
/// `continue` is a signal (SIGSEGV, as for traps), not the program's exit; then the call
/// returns the exception to the embedder.
#[test]
fn an_uncaught_exception_stops_the_client_as_a_trap() {
    const THROWS: &str = r#"
    (module
      (tag $e (param i32))
      (func $inner (param i32) (throw $e (local.get 0)))
      (func (export "run") (result i32)
        (call $inner (i32.const 7))
        (i32.const 0)))
    "#;
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, THROWS).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let client = std::thread::spawn(move || {
        let mut c = Client(TcpStream::connect(("127.0.0.1", port)).unwrap());
        assert!(c.ask("?").starts_with('T'), "a stop reply");
        let stopped = c.ask("vCont;c");
        let last = c.ask("vCont;c");
        (stopped, last)
    });
    let (stream, _) = listener.accept().unwrap();
    let session = kestrel::gdb::GdbSession::start(&instance, "throws.wasm", stream).unwrap();
    let outcome = instance.get_func("run").unwrap().call(&[]);
    session.finish(&outcome).unwrap();
    let (stopped, _last) = client.join().unwrap();
    // T0b: stopped by signal 11 (SIGSEGV), the GDB server's signal for a trap.
    assert!(
        stopped.starts_with("T0b"),
        "a trap's stop reply, got {stopped:?}"
    );
    let Err(kestrel::Error::Trap(trap)) = outcome else {
        panic!("expected the uncaught exception");
    };
    assert_eq!(trap.kind(), kestrel::TrapKind::UncaughtException);
}
