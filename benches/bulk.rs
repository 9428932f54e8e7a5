//! Bulk memory throughput: `memory.fill` and `memory.copy` over 16 MiB ranges, reported
//! by criterion as bytes per second (the helpers use memset/memmove).

#![allow(
    missing_docs,
    reason = "criterion_group! defines an undocumented pub fn"
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kestrel::{Engine, Linker, Module};

const LEN: i32 = 16 << 20;

fn bench(c: &mut Criterion) {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
            (memory 512)
            (func (export "fill") (param i32 i32 i32)
              (memory.fill (local.get 0) (local.get 1) (local.get 2)))
            (func (export "copy") (param i32 i32 i32)
              (memory.copy (local.get 0) (local.get 1) (local.get 2))))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let fill = instance
        .get_typed_func::<(i32, i32, i32), ()>("fill")
        .unwrap();
    let copy = instance
        .get_typed_func::<(i32, i32, i32), ()>("copy")
        .unwrap();
    // Touch the pages once so the timing measures copying, not page faults.
    fill.call((0, 1, 2 * LEN)).unwrap();

    let mut group = c.benchmark_group("bulk");
    group.throughput(Throughput::Bytes(LEN as u64));
    group.sample_size(20);
    group.bench_function("memory.fill 16 MiB", |b| {
        b.iter(|| fill.call((0, 7, LEN)).unwrap())
    });
    group.bench_function("memory.copy 16 MiB", |b| {
        b.iter(|| copy.call((LEN, 0, LEN)).unwrap())
    });
    group.bench_function("memory.copy 16 MiB overlapping", |b| {
        b.iter(|| copy.call((4096, 0, LEN)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
