//! Recursive fib(30) on i32 through a `TypedFunc`: call overhead, prologue stack checks
//! and the register-caching code generator on a call-heavy workload. The module is
//! compiled and instantiated once, outside the timing loop.

#![allow(
    missing_docs,
    reason = "criterion_group! defines an undocumented pub fn"
)]

use criterion::{criterion_group, criterion_main, Criterion};
use kestrel::{Engine, Linker, Module};
use std::hint::black_box;

const FIB: &str = r#"
(module
  (func $fib (export "fib") (param i32) (result i32)
    local.get 0 i32.const 2 i32.lt_s
    if (result i32)
      local.get 0
    else
      local.get 0 i32.const 1 i32.sub call $fib
      local.get 0 i32.const 2 i32.sub call $fib
      i32.add
    end))
"#;

fn fib(c: &mut Criterion) {
    let engine = Engine::default();
    let module = Module::new(&engine, FIB).expect("fib compiles");
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let fib = instance.get_typed_func::<i32, i32>("fib").unwrap();
    assert_eq!(fib.call(30).unwrap(), 832_040);

    let mut group = c.benchmark_group("fib");
    group.sample_size(10);
    group.bench_function("fib(30)", |b| b.iter(|| fib.call(black_box(30)).unwrap()));
    group.finish();
}

criterion_group!(benches, fib);
criterion_main!(benches);
