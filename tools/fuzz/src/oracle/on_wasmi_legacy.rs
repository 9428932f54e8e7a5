//! The second reference: `wasmi` 0.31, the last version of wasmi that interprets the
//! wasm stack machine directly (2.0 translates to registers). It is consulted only when
//! Kestrel and wasmi 2.0 disagree, to tell a Kestrel bug from a bug of the reference:
//! wasmi 2.0.0 miscompiles some reads of a local that is written again inside a block
//! with parameters (`tests/reference_bugs.rs`), which the `shaped` generator produces.

use super::on_wasmi::{to_kestrel_type, FUEL, OUT_OF_FUEL};
use super::{
    args_for, f32_bits, f64_bits, hash_bytes, instantiated, record_call, trap_observation,
    type_name, Observation, Outcome, State, TableDigest, ROUNDS,
};
use kestrel::{Val, ValType};
use wasmi_legacy as w;

fn trap_name(code: w::core::TrapCode) -> &'static str {
    use w::core::TrapCode as T;
    match code {
        T::MemoryOutOfBounds => "memory",
        T::TableOutOfBounds => "table",
        T::IndirectCallToNull => "null",
        T::BadSignature => "signature",
        T::IntegerDivisionByZero => "div0",
        T::IntegerOverflow => "overflow",
        T::BadConversionToInteger => "conversion",
        T::UnreachableCodeReached => "unreachable",
        T::StackOverflow => "exhausted",
        _ => "other",
    }
}

fn trap_code(e: &w::Error) -> Option<w::core::TrapCode> {
    match e {
        w::Error::Trap(t) => t.trap_code(),
        _ => None,
    }
}

fn value(v: &w::Value) -> (String, u128) {
    match v {
        w::Value::I32(x) => ("i32".into(), *x as u32 as u128),
        w::Value::I64(x) => ("i64".into(), *x as u64 as u128),
        w::Value::F32(x) => ("f32".into(), f32_bits(x.to_bits()).into()),
        w::Value::F64(x) => ("f64".into(), f64_bits(x.to_bits()).into()),
        w::Value::FuncRef(f) => ("funcref".into(), !f.is_null() as u128),
        w::Value::ExternRef(r) => ("externref".into(), !r.is_null() as u128),
    }
}

fn to_legacy_type(t: &w::core::ValueType) -> ValType {
    use w::core::ValueType as V;
    let modern = match t {
        V::I32 => wasmi::ValType::I32,
        V::I64 => wasmi::ValType::I64,
        V::F32 => wasmi::ValType::F32,
        V::F64 => wasmi::ValType::F64,
        V::FuncRef => wasmi::ValType::FuncRef,
        V::ExternRef => wasmi::ValType::ExternRef,
    };
    to_kestrel_type(&modern)
}

fn to_value(v: &Val) -> w::Value {
    match v {
        Val::I32(x) => w::Value::I32(*x),
        Val::I64(x) => w::Value::I64(*x),
        Val::F32(b) => w::Value::F32(f32::from_bits(*b).into()),
        Val::F64(b) => w::Value::F64(f64::from_bits(*b).into()),
        Val::FuncRef(_) => w::Value::default(w::core::ValueType::FuncRef),
        Val::ExternRef(_) => w::Value::default(w::core::ValueType::ExternRef),
        Val::ExnRef(_) => unreachable!("wasmi 0.31 has no exception handling"),
        // wasmi 0.31 has no SIMD: it refuses a module with a v128 anywhere when it
        // validates it, before any call.
        Val::V128(_) => unreachable!("wasmi 0.31 is never asked about a v128 value"),
    }
}

type Store = w::Store<w::StoreLimits>;

fn state(store: &Store, exports: &[(String, w::Extern)]) -> State {
    let (mut globals, mut memories, mut tables) = (Vec::new(), Vec::new(), Vec::new());
    for (name, ext) in exports {
        match ext {
            w::Extern::Global(g) => globals.push((name.clone(), value(&g.get(store)).1)),
            w::Extern::Memory(m) => {
                let data = m.data(store);
                memories.push((name.clone(), data.len(), hash_bytes(data)));
            }
            w::Extern::Table(t) => {
                let mut digest = TableDigest::new();
                for i in 0..t.size(store) {
                    match t.get(store, i) {
                        Some(w::Value::FuncRef(f)) if !f.is_null() => {
                            let ty = f.func().expect("non-null").ty(store);
                            let params: Vec<ValType> =
                                ty.params().iter().map(to_legacy_type).collect();
                            let results: Vec<ValType> =
                                ty.results().iter().map(to_legacy_type).collect();
                            digest.add(&type_name(&params, &results));
                        }
                        Some(w::Value::ExternRef(r)) if !r.is_null() => digest.add("externref"),
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

fn is_out_of_fuel(e: &w::Error) -> bool {
    matches!(trap_code(e), Some(w::core::TrapCode::OutOfFuel)) || e.to_string().contains("fuel")
}

/// Runs a module on wasmi 0.31, the same steps as `run_kestrel`.
pub fn run_wasmi_legacy(bytes: &[u8]) -> Result<Vec<Observation>, String> {
    let mut config = w::Config::default();
    config.consume_fuel(true);
    let engine = w::Engine::new(&config);
    let module = w::Module::new(&engine, bytes).map_err(|e| format!("compile: {e}"))?;
    let limits = w::StoreLimitsBuilder::new()
        .table_elements(kestrel::MAX_TABLE_ELEMENTS as u32)
        .build();
    let mut store = w::Store::new(&engine, limits);
    store.limiter(|limits| limits);
    store.add_fuel(FUEL).map_err(|e| e.to_string())?;
    let linker = w::Linker::<w::StoreLimits>::new(&engine);
    let started = linker
        .instantiate(&mut store, &module)
        .and_then(|pre| pre.start(&mut store));
    let instance = match started {
        Ok(i) => i,
        Err(e) if is_out_of_fuel(&e) => return Err(format!("{OUT_OF_FUEL} in the start function")),
        Err(e) => match trap_code(&e) {
            Some(code) => return Ok(vec![trap_observation(trap_name(code))]),
            None if e.to_string().contains("out of bounds table access") => {
                return Ok(vec![trap_observation("table")])
            }
            None if e.to_string().contains("out of bounds memory access") => {
                return Ok(vec![trap_observation("memory")])
            }
            None => return Err(format!("instantiate: {e}")),
        },
    };
    let mut exports: Vec<(String, w::Extern)> = instance
        .exports(&store)
        .map(|e| (e.name().to_string(), e.into_extern()))
        .collect();
    exports.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = vec![instantiated(state(&store, &exports))];
    for round in 0..ROUNDS {
        for (name, ext) in &exports {
            let w::Extern::Func(f) = ext else { continue };
            let ty = f.ty(&store);
            let params: Vec<ValType> = ty.params().iter().map(to_legacy_type).collect();
            let args: Vec<w::Value> = args_for(&params, round).iter().map(to_value).collect();
            let mut results: Vec<w::Value> =
                ty.results().iter().map(|t| w::Value::default(*t)).collect();
            // At least as much fuel per step as the reference has.
            store.add_fuel(FUEL).map_err(|e| e.to_string())?;
            let outcome = match f.call(&mut store, &args, &mut results) {
                Ok(()) => Outcome::Values(results.iter().map(value).collect()),
                Err(e) if is_out_of_fuel(&e) => return Err(format!("{OUT_OF_FUEL} in {name}")),
                Err(e) => match trap_code(&e) {
                    Some(w::core::TrapCode::StackOverflow) => Outcome::Exhausted,
                    Some(code) => Outcome::Trap(trap_name(code)),
                    None => return Err(format!("call {name}: {e}")),
                },
            };
            if record_call(&mut out, name, outcome, state(&store, &exports)) {
                return Ok(out);
            }
        }
    }
    Ok(out)
}
