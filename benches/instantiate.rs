//! Instantiation cost of a small module (a memory with a data segment, a table with an
//! elem segment, a few globals, three functions): allocating the instance's data only,
//! never code. Also instantiation followed by one call, and the call alone for reference.

#![allow(
    missing_docs,
    reason = "criterion_group! defines an undocumented pub fn"
)]

use criterion::{criterion_group, criterion_main, Criterion};
use kestrel::{Engine, Linker, Module};
use std::hint::black_box;

const SMALL: &str = r#"
(module
  (type $ii (func (param i32) (result i32)))
  (memory (export "mem") 1)
  (data (i32.const 16) "kestrel")
  (table 4 funcref)
  (elem (i32.const 0) $inc $dbl)
  (global $counter (mut i32) (i32.const 0))
  (global $base i32 (i32.const 100))
  (global $scale (mut f64) (f64.const 1.5))
  (func $inc (type $ii) local.get 0 i32.const 1 i32.add)
  (func $dbl (type $ii) local.get 0 i32.const 1 i32.shl)
  (func (export "run") (param i32) (result i32)
    global.get $counter i32.const 1 i32.add global.set $counter
    local.get 0 i32.const 0 call_indirect (type $ii)
    i32.const 1 call_indirect (type $ii)
    global.get $base i32.add
    i32.const 16 i32.load8_u i32.add))
"#;

fn instantiate(c: &mut Criterion) {
    let engine = Engine::default();
    let module = Module::new(&engine, SMALL).expect("module compiles");
    let linker = Linker::new(&engine);
    {
        let instance = linker.instantiate(&module).unwrap();
        let run = instance.get_typed_func::<i32, i32>("run").unwrap();
        assert_eq!(run.call(1).unwrap(), 4 + 100 + b'k' as i32);
    }

    let mut group = c.benchmark_group("instantiate");
    group.bench_function("instantiate", |b| {
        b.iter(|| black_box(linker.instantiate(black_box(&module)).unwrap()))
    });
    group.bench_function("instantiate+call", |b| {
        b.iter(|| {
            let instance = linker.instantiate(black_box(&module)).unwrap();
            let run = instance.get_typed_func::<i32, i32>("run").unwrap();
            black_box(run.call(black_box(5)).unwrap())
        })
    });
    let instance = linker.instantiate(&module).unwrap();
    let run = instance.get_typed_func::<i32, i32>("run").unwrap();
    group.bench_function("call", |b| b.iter(|| run.call(black_box(5)).unwrap()));
    group.finish();
}

criterion_group!(benches, instantiate);
criterion_main!(benches);
