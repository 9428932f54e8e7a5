//! Compile speed on a large generated module: 3,000 functions of mixed integer and float
//! arithmetic over locals, loops, branches, calls and memory loads and stores (about
//! 1.2 MB of wasm), generated deterministically with `wasm-encoder` outside the timing
//! loop. Criterion reports throughput in bytes of wasm per second; the timed work is
//! `Module::from_binary`: validation, the single code-generation pass and publishing.

#![allow(
    missing_docs,
    reason = "criterion_group! defines an undocumented pub fn"
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kestrel::{Config, Engine, InstrumentedVersions, Linker, Module};
use std::hint::black_box;
use wasm_encoder::{
    BlockType, CodeSection, ExportKind, ExportSection, Function, FunctionSection, InstructionSink,
    MemArg, MemArgTarget, MemorySection, MemoryType, TypeSection, ValType,
};

const FUNCTIONS: u32 = 3000;
const STATEMENTS: u32 = 18;

/// Local layout of every generated function: params 0-1 and locals 2-5 are i32, 6-7 i64,
/// 8-9 f32, 10-11 f64.
const I32S: [u32; 6] = [0, 1, 2, 3, 4, 5];
const I64S: [u32; 2] = [6, 7];
const F32S: [u32; 2] = [8, 9];
const F64S: [u32; 2] = [10, 11];

/// xorshift64: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u32) -> u32 {
        (self.next() % n as u64) as u32
    }
    fn pick(&mut self, set: &[u32]) -> u32 {
        set[self.below(set.len() as u32) as usize]
    }
}

fn mem(offset: u64, align: u32) -> MemArg {
    MemArg {
        offset,
        align,
        target: MemArgTarget::Memory(0),
        ordering: None,
    }
}

/// One statement: leaves the operand stack as it found it. `depth` bounds nesting.
fn statement(f: &mut InstructionSink, rng: &mut Rng, depth: u32) {
    let kinds = if depth == 0 { 9 } else { 11 };
    match rng.below(kinds) {
        0 => {
            // i32 arithmetic
            f.local_get(rng.pick(&I32S));
            if rng.below(2) == 0 {
                f.i32_const(rng.below(1000) as i32 - 500);
            } else {
                f.local_get(rng.pick(&I32S));
            }
            match rng.below(8) {
                0 => f.i32_add(),
                1 => f.i32_sub(),
                2 => f.i32_mul(),
                3 => f.i32_and(),
                4 => f.i32_or(),
                5 => f.i32_xor(),
                6 => f.i32_shl(),
                _ => f.i32_rotl(),
            };
            f.local_set(rng.pick(&I32S[2..]));
        }
        1 => {
            // i64 arithmetic mixing in an i32
            f.local_get(rng.pick(&I32S))
                .i64_extend_i32_s()
                .local_get(rng.pick(&I64S))
                .i64_const(rng.next() as i64 >> 40)
                .i64_mul()
                .i64_add();
            if rng.below(2) == 0 {
                f.i64_const(rng.below(63) as i64).i64_shr_u();
            }
            f.local_set(rng.pick(&I64S));
        }
        2 => {
            // f64 arithmetic
            f.local_get(rng.pick(&I32S))
                .f64_convert_i32_s()
                .local_get(rng.pick(&F64S))
                .f64_const((rng.below(1000) as f64 / 7.0).into())
                .f64_mul()
                .f64_add();
            if rng.below(3) == 0 {
                f.f64_sqrt();
            }
            f.local_set(rng.pick(&F64S));
        }
        3 => {
            // f32 arithmetic with a demotion
            f.local_get(rng.pick(&F32S))
                .local_get(rng.pick(&F64S))
                .f32_demote_f64()
                .f32_sub()
                .f32_const((rng.below(100) as f32 * 0.25).into())
                .f32_max()
                .local_set(rng.pick(&F32S));
        }
        4 => {
            // i32 store
            f.local_get(rng.pick(&I32S))
                .i32_const(0xfffc)
                .i32_and()
                .local_get(rng.pick(&I32S))
                .i32_store(mem(rng.below(64) as u64 * 4, 2));
        }
        5 => {
            // i32 load
            f.local_get(rng.pick(&I32S))
                .i32_const(0xfff0)
                .i32_and()
                .i32_load(mem(rng.below(16) as u64, 2))
                .local_get(rng.pick(&I32S))
                .i32_add()
                .local_set(rng.pick(&I32S[2..]));
        }
        6 => {
            // f64 store and i64 load
            f.local_get(rng.pick(&I32S))
                .i32_const(0xfff0)
                .i32_and()
                .local_get(rng.pick(&F64S))
                .f64_store(mem(8, 3))
                .local_get(rng.pick(&I32S))
                .i32_const(0xfff0)
                .i32_and()
                .i64_load(mem(0, 3))
                .local_set(rng.pick(&I64S));
        }
        7 => {
            // call another function
            f.local_get(rng.pick(&I32S))
                .local_get(rng.pick(&I32S))
                .call(rng.below(FUNCTIONS))
                .local_set(rng.pick(&I32S[2..]));
        }
        8 => {
            // compare and select
            f.local_get(rng.pick(&I32S))
                .local_get(rng.pick(&I32S))
                .local_get(rng.pick(&I32S))
                .local_get(rng.pick(&I32S))
                .i32_lt_u()
                .select()
                .local_set(rng.pick(&I32S[2..]));
        }
        9 => {
            // counted loop
            let counter = 5;
            f.i32_const(4 + rng.below(8) as i32)
                .local_set(counter)
                .block(BlockType::Empty)
                .loop_(BlockType::Empty);
            for _ in 0..2 {
                statement(f, rng, depth - 1);
            }
            f.local_get(counter)
                .i32_const(1)
                .i32_sub()
                .local_tee(counter)
                .br_if(0)
                .end()
                .end();
        }
        _ => {
            // if/else
            f.local_get(rng.pick(&I32S))
                .i32_const(rng.below(100) as i32)
                .i32_gt_s()
                .if_(BlockType::Empty);
            statement(f, rng, depth - 1);
            f.else_();
            statement(f, rng, depth - 1);
            f.end();
        }
    }
}

/// The generated module's binary encoding.
fn generate() -> Vec<u8> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut types = TypeSection::new();
    types
        .ty()
        .function([ValType::I32, ValType::I32], [ValType::I32]);
    let mut functions = FunctionSection::new();
    let mut code = CodeSection::new();
    for _ in 0..FUNCTIONS {
        functions.function(0);
        let mut f = Function::new([
            (4, ValType::I32),
            (2, ValType::I64),
            (2, ValType::F32),
            (2, ValType::F64),
        ]);
        let mut sink = f.instructions();
        for _ in 0..STATEMENTS {
            statement(&mut sink, &mut rng, 2);
        }
        sink.local_get(2)
            .local_get(3)
            .i32_add()
            .local_get(6)
            .i32_wrap_i64()
            .i32_add()
            .local_get(10)
            .i32_trunc_sat_f64_s()
            .i32_add()
            .local_get(8)
            .i32_trunc_sat_f32_u()
            .i32_add()
            .end();
        code.function(&f);
    }
    let mut memories = MemorySection::new();
    memories.memory(MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    let mut exports = ExportSection::new();
    for i in (0..FUNCTIONS).step_by(100) {
        exports.export(&format!("f{i}"), ExportKind::Func, i);
    }
    let mut module = wasm_encoder::Module::new();
    module
        .section(&types)
        .section(&functions)
        .section(&memories)
        .section(&exports)
        .section(&code);
    module.finish()
}

fn compile(c: &mut Criterion) {
    let wasm = generate();
    assert!(wasm.len() >= 1_000_000, "only {} bytes", wasm.len());
    let engine = Engine::default();
    // Check once that the module is valid and instantiates.
    let module = Module::from_binary(&engine, &wasm).expect("generated module compiles");
    Linker::new(&engine).instantiate(&module).unwrap();
    eprintln!(
        "compile: {} functions, {} bytes of wasm -> {} bytes of code",
        FUNCTIONS,
        wasm.len(),
        module.code().len()
    );
    drop(module);

    let mut group = c.benchmark_group("compile");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(wasm.len() as u64));
    group.bench_function("3000 functions", |b| {
        b.iter(|| Module::from_binary(&engine, black_box(&wasm)).unwrap())
    });
    // Debuggable, every instrumented version compiled with the module: the instrumented
    // compiler's speed (its site and call tables included).
    let mut config = Config::new();
    config.debug_instrumentation(true);
    config.instrumented_versions(InstrumentedVersions::Eager);
    let eager = Engine::new(&config);
    let module = Module::from_binary(&eager, &wasm).expect("generated module compiles");
    let instrumented: usize = module
        .instrumented_versions()
        .iter()
        .map(|(_, code)| code.len())
        .sum();
    eprintln!(
        "compile, debuggable with every instrumented version: {} bytes of code, {} bytes of \
         instrumented versions",
        module.code().len(),
        instrumented
    );
    drop(module);
    group.bench_function("3000 functions, instrumented versions", |b| {
        b.iter(|| Module::from_binary(&eager, black_box(&wasm)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, compile);
criterion_main!(benches);
