//! Large modules compile in chunks on several threads and are linked afterwards: calls
//! across chunk boundaries, traps and backtraces in every chunk must behave exactly as
//! in a module compiled in one piece.

use kestrel::{Config, DebugEvent, Engine, Error, Linker, Module, Resume, TrapKind, Val};
use std::sync::{Arc, Mutex};

/// `n` functions; function i computes `f(i+1)(x) + i` and the last traps on x == 0 by
/// dividing by x. Each body is padded with arithmetic so the module is large.
fn chain_module(n: u32) -> String {
    chain_module_with_invalid(n, &[])
}

/// `chain_module(n)`, except that the functions in `invalid` return an i64 where their
/// type says i32 (same type, so every other byte stays where it was).
fn chain_module_with_invalid(n: u32, invalid: &[u32]) -> String {
    let mut wat = String::from("(module\n");
    for i in 0..n {
        wat.push_str(&format!(
            "(func $f{i} (export \"f{i}\") (param $x i32) (result i32)\n"
        ));
        if invalid.contains(&i) {
            wat.push_str("(i64.const 0))\n");
            continue;
        }
        for k in 0..40 {
            wat.push_str(&format!(
                "(drop (i32.mul (i32.add (local.get $x) (i32.const {k})) (i32.const 3)))\n"
            ));
        }
        if i + 1 < n {
            wat.push_str(&format!(
                "(i32.add (call $f{} (local.get $x)) (i32.const {i})))\n",
                i + 1
            ));
        } else {
            wat.push_str("(i32.div_u (i32.const 1000) (local.get $x)))\n");
        }
    }
    wat.push(')');
    wat
}

#[test]
fn chunked_modules_link_calls_and_report_traps() {
    let n = 1000;
    let wasm = wat::parse_str(chain_module(n)).unwrap();
    assert!(wasm.len() > 300_000, "large enough to compile in chunks");
    let engine = Engine::default();
    let module = Module::new(&engine, &wasm).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let expected: i32 = (0..n as i32 - 1).sum::<i32>() + 1000 / 10;
    let f0 = instance.get_typed_func::<i32, i32>("f0").unwrap();
    assert_eq!(f0.call(10).unwrap(), expected);
    // Entering in the middle works too.
    let mid = instance.get_typed_func::<i32, i32>("f200").unwrap();
    assert_eq!(
        mid.call(10).unwrap(),
        (200..n as i32 - 1).sum::<i32>() + 100
    );
    // A trap in the last function carries every frame of the chain, by name.
    match instance.get_func("f0").unwrap().call(&[0.into()]) {
        Err(Error::Trap(t)) => {
            assert_eq!(t.kind(), TrapKind::IntegerDivideByZero);
            let names: Vec<String> = t
                .backtrace()
                .iter()
                .take(3)
                .map(|f| f.func_name.clone().unwrap_or_default())
                .collect();
            assert_eq!(
                names,
                [
                    format!("f{}", n - 1),
                    format!("f{}", n - 2),
                    format!("f{}", n - 3)
                ]
            );
            // The backtrace is truncated only by its frame cap, never mislabelled.
            assert!(t.backtrace().len() >= 100);
            for (i, frame) in t.backtrace().iter().enumerate() {
                assert_eq!(frame.func_index, n - 1 - i as u32);
            }
        }
        other => panic!("expected a trap, got {other:?}"),
    }
}

/// A validation error reported from a parallel compile is the first in module order,
/// whichever thread finds which error first.
#[test]
fn the_first_invalid_function_in_module_order_is_reported() {
    let engine = Engine::default();
    let compile_error = |invalid: &[u32]| {
        let wasm = wat::parse_str(chain_module_with_invalid(1000, invalid)).unwrap();
        assert!(wasm.len() > 300_000, "large enough to compile in chunks");
        match Module::new(&engine, &wasm) {
            Err(Error::Invalid(message)) => message,
            Err(other) => panic!("expected a validation error, got {other}"),
            Ok(_) => panic!("expected a validation error, the module compiled"),
        }
    };
    let early = compile_error(&[300]);
    let late = compile_error(&[800]);
    assert_ne!(early, late, "the two errors name different offsets");
    for _ in 0..5 {
        assert_eq!(compile_error(&[300, 800]), early);
    }
}

/// An instrumented module compiles in chunks too: each chunk numbers its breakable sites
/// from zero and linking renumbers them, so breakpoints in the first, a middle and the
/// last chunk stop at the right function and instruction with the right values.
#[test]
fn instrumented_chunks_stop_at_the_right_sites() {
    let n = 1000;
    let wasm = wat::parse_str(chain_module(n)).unwrap();
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, &wasm).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let dbg = instance.debugger().unwrap();
    // Each body opens with `local.get $x, i32.const k, i32.add, i32.const 3, i32.mul,
    // drop` for k = 0..40: stop at the `i32.const k` of a k that differs per function.
    let mut expected = Vec::new();
    for (func, k) in [(0u32, 5usize), (499, 17), (998, 39)] {
        let offsets = dbg.instruction_offsets(func).unwrap();
        let offset = offsets[1 + 6 * k];
        dbg.set_breakpoint(func, offset).unwrap();
        expected.push((func, offset, vec![Some(7)], Some(7)));
    }
    let stops = Arc::new(Mutex::new(Vec::new()));
    let seen = stops.clone();
    dbg.set_handler(move |event, frame| {
        assert!(matches!(event, DebugEvent::Breakpoint(_)));
        seen.lock().unwrap().push((
            frame.func_index(),
            frame.offset(),
            frame
                .stack()
                .iter()
                .map(|v| v.as_ref().and_then(Val::i32))
                .collect::<Vec<_>>(),
            frame.local(0).ok().and_then(|v| v.i32()),
        ));
        Resume::Continue
    });
    let f0 = instance.get_typed_func::<i32, i32>("f0").unwrap();
    let result = (0..n as i32 - 1).sum::<i32>() + 1000 / 7;
    assert_eq!(f0.call(7).unwrap(), result);
    assert_eq!(*stops.lock().unwrap(), expected);
}

/// `n` functions; function i adds the vectors (i, 2i, 3i, 4i) and (1, 2, 3, 4), the first
/// its own constant, the second one every function shares, takes lane `i % 4`, and adds
/// `f(i+1)(x)`. Each body is padded with vector arithmetic on constants so the module is
/// large.
fn vector_chain_module(n: u32) -> String {
    let mut wat = String::from("(module\n");
    for i in 0..n {
        wat.push_str(&format!(
            "(func $f{i} (export \"f{i}\") (param $x i32) (result i32)\n"
        ));
        for k in 0..24 {
            wat.push_str(&format!(
                "(drop (i32x4.add (i32x4.splat (local.get $x)) (v128.const i32x4 {k} 0 0 0)))\n"
            ));
        }
        let lane = i % 4;
        wat.push_str(&format!(
            "(i32x4.extract_lane {lane} (i32x4.add (v128.const i32x4 {} {} {} {}) \
             (v128.const i32x4 1 2 3 4)))\n",
            i,
            2 * i,
            3 * i,
            4 * i
        ));
        if i + 1 < n {
            wat.push_str(&format!("(i32.add (call $f{} (local.get $x)))\n", i + 1));
        }
        wat.push_str(")\n");
    }
    wat.push(')');
    wat
}

/// Every chunk loads its vector constants from its own pool ("DESIGN: vector constants"
/// in `compiler::codegen::constants`), RIP-relative: right in plain and instrumented
/// chunks, and from a compiled-module file mapped at another address.
#[test]
fn vector_constants_load_right_in_every_chunk() {
    let n = 1000;
    let wasm = wat::parse_str(vector_chain_module(n)).unwrap();
    assert!(wasm.len() > 300_000, "large enough to compile in chunks");
    // Function i gives (lane + 1) * (i + 1).
    let expected = |from: u32| -> i32 { (from..n).map(|i| ((i % 4 + 1) * (i + 1)) as i32).sum() };
    for debug in [false, true] {
        let mut config = Config::new();
        config
            .debug_instrumentation(debug)
            .instrumented_versions(kestrel::InstrumentedVersions::Eager);
        let engine = Engine::new(&config);
        let module = Module::new(&engine, &wasm).unwrap();
        let path = std::env::temp_dir().join(format!(
            "kestrel-vector-constants-{}-{debug}.kwasm",
            std::process::id()
        ));
        module.serialize_to_file(&path).unwrap();
        let loaded = Module::deserialize_file(&engine, &path).unwrap();
        std::fs::remove_file(&path).unwrap();
        for module in [module, loaded] {
            let instance = Linker::new(&engine).instantiate(&module).unwrap();
            if debug {
                // Functions in several chunks run their instrumented versions: entry
                // breakpoints the handler passes over.
                let dbg = instance.debugger().unwrap();
                for func in [0, 250, 499, 750, n - 1] {
                    dbg.set_entry_breakpoint(func).unwrap();
                }
                dbg.set_handler(|_, _| Resume::Continue);
            }
            for from in [0, 499, n - 1] {
                let f = instance
                    .get_typed_func::<i32, i32>(&format!("f{from}"))
                    .unwrap();
                assert_eq!(f.call(3).unwrap(), expected(from), "debug {debug}, f{from}");
            }
        }
    }
}
