//! A redirected caller with the convention canaries, alone in its test binary: the test
//! waits for the process-wide count of redirected return addresses to move, which no
//! other test may move meanwhile.

use kestrel::{Config, Engine, Linker, Module};

include!("support/guest_flag.rs");

/// A caller suspended in a plain version of a debuggable module while another thread
/// changes what some instance debugs has its return address redirected to its transfer
/// path; staying in the plain version, the path resumes at the return address, so that
/// with the convention canaries the check after the call runs and restores the caller's
/// registers (`Config::convention_canaries`).
#[test]
fn a_redirected_caller_keeps_its_registers_with_convention_canaries() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    config.convention_canaries(true);
    let engine = Engine::new(&config);
    // `spin` says it runs (byte 0) and loops until the host lets it go (byte 1).
    let module = Module::new(
        &engine,
        r#"(module
            (memory (export "memory") 1)
            (func $spin
              (i32.store8 (i32.const 0) (i32.const 1))
              (loop $l (br_if $l (i32.eqz (i32.load8_u (i32.const 1))))))
            (func (export "caller") (param f64) (result f64) (local f64 f64)
              (local.set 1 (f64.mul (local.get 0) (f64.const 1.5)))
              (local.set 2 (f64.add (local.get 1) (local.get 1)))
              (call $spin)
              (f64.add (f64.add (local.get 1) (local.get 2)) (f64.const 2))))"#,
    )
    .unwrap();
    let running = Linker::new(&engine).instantiate(&module).unwrap();
    let other = Linker::new(&engine).instantiate(&module).unwrap();
    let caller = running.get_typed_func::<f64, f64>("caller").unwrap();
    let redirected_before = kestrel::redirected_return_addresses();
    let t = std::thread::spawn(move || caller.call(2.0).unwrap());
    wait_until_running(&running);
    // While `spin` runs, debugging changes elsewhere: every thread running wasm is
    // interrupted and its suspended callers are redirected. Until `caller`'s frame is
    // (the interrupt lands on the other thread whenever it does), change it again.
    let dbg = other.debugger().unwrap();
    let mut changes = 0;
    while kestrel::redirected_return_addresses() == redirected_before {
        assert!(
            changes < 100_000,
            "no frame redirected after {changes} changes"
        );
        let id = dbg.set_entry_breakpoint(0).unwrap();
        dbg.clear_breakpoint(id).unwrap();
        changes += 1;
        std::thread::yield_now();
    }
    let memory = running.get_memory("memory").unwrap();
    // SAFETY: byte 1 of a one-page memory `running` keeps alive and never moves; the
    // guest reads it with plain single-byte loads, atomic on x86-64.
    let go = unsafe { std::sync::atomic::AtomicU8::from_ptr(memory.data_ptr().add(1)) };
    go.store(1, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(t.join().unwrap(), 3.0 + 6.0 + 2.0);
}
