//! The embedding API on one page; README.md shows the same code (a test in
//! tools/cli/tests/docs.rs keeps the two identical). Run it with
//! `cargo run --release --example embed`.

use kestrel::{Engine, Linker, Module};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // One engine per configuration; a module is compiled once and shared by every instance.
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "host" "log" (func $log (param i32)))
             (func (export "sum_squares") (param $a i32) (param $b i32) (result i32)
               (local $sum i32)
               (local.set $sum (i32.add (i32.mul (local.get $a) (local.get $a))
                                        (i32.mul (local.get $b) (local.get $b))))
               (call $log (local.get $sum))
               (local.get $sum)))"#,
    )?;

    // Imports are resolved by (module, name); `func_wrap` turns a closure into a host function.
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "log", |value: i32| println!("wasm says {value}"));
    let instance = linker.instantiate(&module)?;

    // A typed handle checks the signature once; calls then pass plain Rust values.
    let sum_squares = instance.get_typed_func::<(i32, i32), i32>("sum_squares")?;
    assert_eq!(sum_squares.call((3, 4))?, 25);
    Ok(())
}
