//! Caught exceptions are freed ("DESIGN: exceptions" in `runtime::exceptions`): the one
//! test of this binary measures the process's resident memory, which other tests running
//! beside it in the same process would disturb.

use kestrel::{Config, Engine, Linker, Module, Val};

/// Resident memory of this process, in bytes.
fn resident() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096
}

/// Caught exceptions that wasm keeps no reference to are freed: a million throws and
/// catches leave resident memory where it was (each object leaked would be over 50
/// bytes: 50 MB for the million).
#[test]
fn caught_exceptions_are_freed() {
    const WAT: &str = r#"
    (module
      (tag $e (param i32 i32 i32 i32))
      (func $throw (param $n i32)
        (throw $e (local.get $n) (local.get $n) (local.get $n) (local.get $n)))
      (func (export "loop") (param $n i32) (result i32)
        (local $sum i32)
        (loop $l
          (block $c (result i32 i32 i32 i32)
            (try_table (catch $e $c) (call $throw (local.get $n)))
            (unreachable))
          (drop) (drop) (drop)
          (local.set $sum (i32.add (local.get $sum)))
          (local.tee $n (i32.sub (local.get $n) (i32.const 1)))
          (br_if $l))
        (local.get $sum)))
    "#;
    let engine = Engine::new(&Config::new());
    let module = Module::new(&engine, WAT).unwrap();
    let i = Linker::new(&engine).instantiate(&module).unwrap();
    let run = |n: i32| i.get_func("loop").unwrap().call(&[Val::I32(n)]).unwrap()[0].i32();
    // Warm up (allocator arenas), then measure.
    run(10_000);
    let before = resident();
    let n = 1_000_000i32;
    let got = run(n).unwrap();
    let want = (1..=n as i64).sum::<i64>() as i32;
    assert_eq!(got, want);
    let grown = resident().saturating_sub(before);
    assert!(grown < 16 << 20, "resident memory grew by {grown} bytes");
}
