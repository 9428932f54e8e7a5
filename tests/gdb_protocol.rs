//! The GDB remote protocol server (`kestrel::gdb`) spoken to directly, packet by packet,
//! for behaviour LLDB does not reach on its own: inserting a breakpoint twice at one
//! address is one breakpoint, which one removal clears.
#![cfg(feature = "gdb")]

use gdbstub_arch::wasm::addr::{WasmAddr, WasmAddrType};
use kestrel::{Config, Engine, Linker, Module};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};

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

/// A client for the remote protocol, in acknowledgement mode.
struct Client(TcpStream);

impl Client {
    /// Sends `body` as a packet and returns the reply's body.
    fn ask(&mut self, body: &str) -> String {
        let sum = body.bytes().fold(0u8, |s, b| s.wrapping_add(b));
        write!(self.0, "${body}#{sum:02x}").unwrap();
        self.0.flush().unwrap();
        self.reply()
    }

    /// Reads the next packet (skipping acknowledgements) and acknowledges it.
    fn reply(&mut self) -> String {
        let mut byte = [0u8];
        loop {
            self.0.read_exact(&mut byte).unwrap();
            if byte[0] == b'$' {
                break;
            }
        }
        let mut body = Vec::new();
        loop {
            self.0.read_exact(&mut byte).unwrap();
            if byte[0] == b'#' {
                break;
            }
            body.push(byte[0]);
        }
        let mut sum = [0u8; 2];
        self.0.read_exact(&mut sum).unwrap();
        self.0.write_all(b"+").unwrap();
        String::from_utf8(body).unwrap()
    }
}

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
