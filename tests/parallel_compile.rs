//! Large modules compile in chunks on several threads and are linked afterwards: calls
//! across chunk boundaries, traps and backtraces in every chunk must behave exactly as
//! in a module compiled in one piece.

use kestrel::{Engine, Error, Linker, Module, TrapKind};

/// `n` functions; function i computes `f(i+1)(x) + i` and the last traps on x == 0 by
/// dividing by x. Each body is padded with arithmetic so the module is large.
fn chain_module(n: u32) -> String {
    let mut wat = String::from("(module\n");
    for i in 0..n {
        wat.push_str(&format!(
            "(func $f{i} (export \"f{i}\") (param $x i32) (result i32)\n"
        ));
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
