//! wasmtime (Cranelift) as a library, observing a module the way `run_kestrel` does: the
//! fast form of the third opinion and of the reference for modules wasmi cannot run.
//! Built only with the `wasmtime` feature (`cargo build --release -p kestrel-fuzz
//! --features wasmtime`), which the test command never enables; without it the same
//! observations come from the Python binding (`on_wasmtime`), one process per module,
//! about a hundred times slower.

use super::on_wasmi::{FUEL, OUT_OF_FUEL};
use super::{
    args_for, f32_bits, f64_bits, hash_bytes, instantiated, record_call, trap_observation,
    without_type_ids, Observation, Outcome, State, TableDigest, ROUNDS,
};
use kestrel::{Val, ValType};
use std::sync::OnceLock;
use wasmtime::{HeapType, Ref, Store, StoreLimits, StoreLimitsBuilder, Trap};

/// One engine for every module and thread: configured as the Python script configures
/// its own (fuel, exceptions, typed function references, the GC types exceptions need).
/// Built without wasmtime's `parallel-compilation` feature, it compiles on the calling
/// thread (the fuzz command already runs a module per core).
fn engine() -> &'static wasmtime::Engine {
    static ENGINE: OnceLock<wasmtime::Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut config = wasmtime::Config::new();
        config
            .consume_fuel(true)
            .wasm_exceptions(true)
            .wasm_function_references(true)
            .wasm_gc(true)
            .wasm_tail_call(true)
            .wasm_memory64(true)
            .wasm_multi_memory(true)
            .cranelift_opt_level(wasmtime::OptLevel::None);
        wasmtime::Engine::new(&config).expect("the reference's configuration is valid")
    })
}

/// The oracle's class for a wasmtime trap code (`on_kestrel::kestrel_trap_name`'s names).
fn trap_name(code: Trap) -> &'static str {
    match code {
        Trap::MemoryOutOfBounds => "memory",
        Trap::TableOutOfBounds => "table",
        Trap::IndirectCallToNull | Trap::NullReference => "null",
        Trap::BadSignature => "signature",
        Trap::IntegerDivisionByZero => "div0",
        Trap::IntegerOverflow => "overflow",
        Trap::BadConversionToInteger => "conversion",
        Trap::UnreachableCodeReached => "unreachable",
        Trap::StackOverflow => "exhausted",
        _ => "other",
    }
}

/// How a failed step ends: a trap class, an uncaught exception (taken off the store so
/// the next call starts clean), running out of fuel (the module is too long to compare:
/// an error, as on wasmi), or another error.
enum Failure {
    Trap(&'static str),
    OutOfFuel,
    Other(String),
}

fn classify(store: &mut Store<StoreLimits>, e: wasmtime::Error) -> Failure {
    if e.is::<wasmtime::ThrownException>() {
        let _ = store.take_pending_exception();
        return Failure::Trap("exception");
    }
    match e.downcast_ref::<Trap>() {
        Some(Trap::OutOfFuel) => Failure::OutOfFuel,
        Some(code) => Failure::Trap(trap_name(*code)),
        None => Failure::Other(format!("{e:#}")),
    }
}

/// A value type as Kestrel prints it (`kestrel::ValType`'s `Display`), with a concrete
/// function type written out one level deep and type identities left out
/// (`without_type_ids`), so that table entries hash the same on both engines.
fn type_text(t: &wasmtime::ValType, depth: u32) -> String {
    match t {
        wasmtime::ValType::I32 => "i32".into(),
        wasmtime::ValType::I64 => "i64".into(),
        wasmtime::ValType::F32 => "f32".into(),
        wasmtime::ValType::F64 => "f64".into(),
        wasmtime::ValType::V128 => "v128".into(),
        wasmtime::ValType::Ref(r) => {
            let heap = r.heap_type();
            match (r.is_nullable(), heap) {
                (true, HeapType::Func) => "funcref".into(),
                (true, HeapType::Extern) => "externref".into(),
                (true, HeapType::Exn) => "exnref".into(),
                (true, HeapType::NoFunc) => "nullfuncref".into(),
                (true, HeapType::NoExtern) => "nullexternref".into(),
                (true, HeapType::NoExn) => "nullexnref".into(),
                (nullable, heap) => {
                    let null = if nullable { "null " } else { "" };
                    format!("(ref {null}{})", heap_text(heap, depth))
                }
            }
        }
    }
}

fn heap_text(heap: &HeapType, depth: u32) -> String {
    match heap {
        HeapType::Func => "func".into(),
        HeapType::Extern => "extern".into(),
        HeapType::Exn => "exn".into(),
        HeapType::NoFunc => "nofunc".into(),
        HeapType::NoExtern => "noextern".into(),
        HeapType::NoExn => "noexn".into(),
        HeapType::ConcreteFunc(_) if depth > 0 => "type".into(),
        HeapType::ConcreteFunc(f) => {
            let list = |ts: &mut dyn Iterator<Item = wasmtime::ValType>| {
                ts.map(|t| type_text(&t, depth + 1))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            format!(
                "(func (param {}) (result {}))",
                list(&mut f.params()),
                list(&mut f.results())
            )
        }
        // GC heap types: no generator makes them yet.
        other => format!("{other:?}"),
    }
}

/// A function type as `oracle::type_name` writes Kestrel's.
fn func_type_text(ty: &wasmtime::FuncType) -> String {
    let list = |ts: &mut dyn Iterator<Item = wasmtime::ValType>| {
        ts.map(|t| type_text(&t, 0)).collect::<Vec<_>>().join(" ")
    };
    without_type_ids(&format!(
        "[{}] -> [{}]",
        list(&mut ty.params()),
        list(&mut ty.results())
    ))
}

/// A value as the oracle compares it (`on_kestrel::kestrel_val`): Kestrel names a
/// reference by its top type, whatever the static type.
fn observed(v: &wasmtime::Val) -> (String, u128) {
    match v {
        wasmtime::Val::I32(x) => ("i32".into(), *x as u32 as u128),
        wasmtime::Val::I64(x) => ("i64".into(), *x as u64 as u128),
        wasmtime::Val::F32(b) => ("f32".into(), f32_bits(*b).into()),
        wasmtime::Val::F64(b) => ("f64".into(), f64_bits(*b).into()),
        wasmtime::Val::V128(b) => ("v128".into(), b.as_u128()),
        wasmtime::Val::FuncRef(f) => ("funcref".into(), f.is_some() as u128),
        wasmtime::Val::ExternRef(r) => ("externref".into(), r.is_some() as u128),
        wasmtime::Val::ExnRef(r) => ("exnref".into(), r.is_some() as u128),
        wasmtime::Val::AnyRef(r) => ("anyref".into(), r.is_some() as u128),
        wasmtime::Val::ContRef(r) => ("contref".into(), r.is_some() as u128),
    }
}

/// The argument `args_for` gives Kestrel, for wasmtime: a reference argument is the null
/// of the parameter's own type.
fn argument(v: &Val, ty: &wasmtime::ValType) -> wasmtime::Val {
    match (v, ty) {
        (Val::I32(x), _) => wasmtime::Val::I32(*x),
        (Val::I64(x), _) => wasmtime::Val::I64(*x),
        (Val::F32(b), _) => wasmtime::Val::F32(*b),
        (Val::F64(b), _) => wasmtime::Val::F64(*b),
        (Val::V128(b), _) => wasmtime::Val::V128((*b).into()),
        (_, wasmtime::ValType::Ref(r)) => wasmtime::Val::null_ref(r.heap_type()),
        (_, _) => wasmtime::Val::null_func_ref(),
    }
}

/// The parameter types as the oracle's argument rule needs them: only numbers and
/// vectors matter to `args_for`, a reference of any kind stands for itself.
fn kestrel_param(t: &wasmtime::ValType) -> ValType {
    match t {
        wasmtime::ValType::I32 => ValType::I32,
        wasmtime::ValType::I64 => ValType::I64,
        wasmtime::ValType::F32 => ValType::F32,
        wasmtime::ValType::F64 => ValType::F64,
        wasmtime::ValType::V128 => ValType::V128,
        wasmtime::ValType::Ref(_) => ValType::FUNCREF,
    }
}

fn state(store: &mut Store<StoreLimits>, exports: &[(String, wasmtime::Extern)]) -> State {
    let (mut globals, mut memories, mut tables) = (Vec::new(), Vec::new(), Vec::new());
    for (name, ext) in exports {
        match ext {
            wasmtime::Extern::Global(g) => {
                globals.push((name.clone(), observed(&g.get(&mut *store)).1))
            }
            wasmtime::Extern::Memory(m) => {
                let data = m.data(&*store);
                memories.push((name.clone(), data.len(), hash_bytes(data)));
            }
            wasmtime::Extern::Table(t) => {
                let mut digest = TableDigest::new();
                for i in 0..t.size(&*store) {
                    match t.get(&mut *store, i) {
                        Some(Ref::Func(Some(f))) => digest.add(&func_type_text(&f.ty(&*store))),
                        Some(Ref::Extern(Some(_))) => digest.add("externref"),
                        _ => digest.add("null"),
                    }
                }
                tables.push(digest.finish(name));
            }
            _ => {}
        }
    }
    (globals, memories, tables)
}

/// Runs a module on wasmtime, the same steps as `run_kestrel`.
pub fn run_wasmtime(bytes: &[u8]) -> Result<Vec<Observation>, String> {
    let engine = engine();
    let module = wasmtime::Module::new(engine, bytes).map_err(|e| format!("compile: {e:#}"))?;
    // Kestrel's limit on table growth, so that a `table.grow` both engines may refuse is
    // refused by both (as on wasmi).
    let limits = StoreLimitsBuilder::new()
        .table_elements(kestrel::MAX_TABLE_ELEMENTS as usize)
        .build();
    let mut store = Store::new(engine, limits);
    store.limiter(|limits| limits);
    store.set_fuel(FUEL).map_err(|e| e.to_string())?;
    let instance = match wasmtime::Instance::new(&mut store, &module, &[]) {
        Ok(i) => i,
        Err(e) => {
            return match classify(&mut store, e) {
                Failure::Trap(name) => Ok(vec![trap_observation(name)]),
                Failure::OutOfFuel => Err(format!("{OUT_OF_FUEL} in the start function")),
                Failure::Other(e) => Err(format!("instantiate: {e}")),
            }
        }
    };
    let mut exports: Vec<(String, wasmtime::Extern)> = instance
        .exports(&mut store)
        .map(|e| (e.name().to_string(), e.into_extern()))
        .collect();
    exports.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = vec![instantiated(state(&mut store, &exports))];
    for round in 0..ROUNDS {
        for (name, ext) in &exports {
            let wasmtime::Extern::Func(f) = ext else {
                continue;
            };
            let ty = f.ty(&store);
            let param_types: Vec<wasmtime::ValType> = ty.params().collect();
            let kinds: Vec<ValType> = param_types.iter().map(kestrel_param).collect();
            let args: Vec<wasmtime::Val> = args_for(&kinds, round)
                .iter()
                .zip(&param_types)
                .map(|(v, t)| argument(v, t))
                .collect();
            let mut results = vec![wasmtime::Val::I32(0); ty.results().len()];
            store.set_fuel(FUEL).map_err(|e| e.to_string())?;
            let outcome = match f.call(&mut store, &args, &mut results) {
                Ok(()) => Outcome::Values(results.iter().map(observed).collect()),
                Err(e) => match classify(&mut store, e) {
                    Failure::Trap("exhausted") => Outcome::Exhausted,
                    Failure::Trap(name) => Outcome::Trap(name),
                    Failure::OutOfFuel => return Err(format!("{OUT_OF_FUEL} in {name}")),
                    Failure::Other(e) => return Err(format!("call {name}: {e}")),
                },
            };
            if record_call(&mut out, name, outcome, state(&mut store, &exports)) {
                return Ok(out);
            }
        }
    }
    Ok(out)
}
