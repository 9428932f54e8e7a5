//! Running a module on the reference, `wasmi` 2.0, and observing it the same way.

use super::{
    args_for, f32_bits, f64_bits, hash_bytes, instantiated, record_call, trap_observation,
    type_name, Observation, Outcome, State, TableDigest, ROUNDS,
};
use kestrel::{Val, ValType};

fn wasmi_trap_name(code: wasmi::TrapCode) -> &'static str {
    use wasmi::TrapCode as T;
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

fn wasmi_val(v: &wasmi::Val) -> (String, u128) {
    match v {
        wasmi::Val::I32(x) => ("i32".into(), *x as u32 as u128),
        wasmi::Val::I64(x) => ("i64".into(), *x as u64 as u128),
        wasmi::Val::F32(x) => ("f32".into(), f32_bits(x.to_bits()).into()),
        wasmi::Val::F64(x) => ("f64".into(), f64_bits(x.to_bits()).into()),
        wasmi::Val::FuncRef(f) => ("funcref".into(), !f.is_null() as u128),
        wasmi::Val::ExternRef(r) => ("externref".into(), !r.is_null() as u128),
        wasmi::Val::V128(x) => ("v128".into(), x.as_u128()),
    }
}

pub(crate) fn to_kestrel_type(t: &wasmi::ValType) -> ValType {
    match t {
        wasmi::ValType::I32 => ValType::I32,
        wasmi::ValType::I64 => ValType::I64,
        wasmi::ValType::F32 => ValType::F32,
        wasmi::ValType::F64 => ValType::F64,
        wasmi::ValType::FuncRef => ValType::FUNCREF,
        wasmi::ValType::V128 => ValType::V128,
        _ => ValType::EXTERNREF,
    }
}

fn to_wasmi_val(v: &Val) -> wasmi::Val {
    match v {
        Val::I32(x) => wasmi::Val::I32(*x),
        Val::I64(x) => wasmi::Val::I64(*x),
        Val::F32(b) => wasmi::Val::F32(f32::from_bits(*b).into()),
        Val::F64(b) => wasmi::Val::F64(f64::from_bits(*b).into()),
        Val::FuncRef(_) => wasmi::Val::default_for_ty(wasmi::ValType::FuncRef),
        Val::ExternRef(_) => wasmi::Val::default_for_ty(wasmi::ValType::ExternRef),
        Val::ExnRef(_) => unreachable!("wasmi has no exception handling"),
        Val::V128(b) => wasmi::Val::V128(wasmi::V128::from(*b)),
    }
}

type WasmiStore = wasmi::Store<wasmi::StoreLimits>;

/// Instructions wasmi may execute per step (instantiation or call) before the module
/// counts as too long to compare: far more than any generator's modules need.
pub(crate) const FUEL: u64 = 50_000_000;

/// How `run_wasmi` reports a step that used up its fuel.
pub(crate) const OUT_OF_FUEL: &str = "out of fuel";

fn is_out_of_fuel(e: &wasmi::Error) -> bool {
    e.as_trap_code() == Some(wasmi::TrapCode::OutOfFuel) || e.to_string().contains("fuel")
}

fn wasmi_state(store: &WasmiStore, exports: &[(String, wasmi::Extern)]) -> State {
    let (mut globals, mut memories, mut tables) = (Vec::new(), Vec::new(), Vec::new());
    for (name, ext) in exports {
        match ext {
            wasmi::Extern::Global(g) => globals.push((name.clone(), wasmi_val(&g.get(store)).1)),
            wasmi::Extern::Memory(m) => {
                let data = m.data(store);
                memories.push((name.clone(), data.len(), hash_bytes(data)));
            }
            wasmi::Extern::Table(t) => {
                let mut digest = TableDigest::new();
                for i in 0..t.size(store) {
                    match t.get(store, i) {
                        Some(wasmi::Ref::Func(wasmi::Nullable::Val(func))) => {
                            let ty = func.ty(store);
                            let params: Vec<ValType> =
                                ty.params().iter().map(to_kestrel_type).collect();
                            let results: Vec<ValType> =
                                ty.results().iter().map(to_kestrel_type).collect();
                            digest.add(&type_name(&params, &results));
                        }
                        Some(wasmi::Ref::Extern(wasmi::Nullable::Val(_))) => {
                            digest.add("externref")
                        }
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

/// Runs a module on wasmi, the same steps as `run_kestrel`.
pub fn run_wasmi(bytes: &[u8]) -> Result<Vec<Observation>, String> {
    let mut config = wasmi::Config::default();
    config.consume_fuel(true);
    // Translate every function in `Module::new`: a translator panic (wasmi 2.0 has
    // `unreachable!`s that some valid modules reach, stores to memories other than 0
    // among them) then happens where `reference_guarded` catches it, not inside a call
    // that cannot unwind, which would abort the process.
    config.compilation_mode(wasmi::CompilationMode::Eager);
    let engine = wasmi::Engine::new(&config);
    let module = wasmi::Module::new(&engine, bytes).map_err(|e| format!("compile: {e}"))?;
    // Kestrel's limit on table growth, so that a `table.grow` both engines may refuse
    // (the spec lets growth fail) is refused by both.
    let limits = wasmi::StoreLimitsBuilder::new()
        .table_elements(kestrel::MAX_TABLE_ELEMENTS as usize)
        .build();
    let mut store = wasmi::Store::new(&engine, limits);
    store.limiter(|limits| limits);
    store.set_fuel(FUEL).map_err(|e| e.to_string())?;
    let linker = wasmi::Linker::<wasmi::StoreLimits>::new(&engine);
    let instance = match linker.instantiate_and_start(&mut store, &module) {
        Ok(i) => i,
        Err(e) if is_out_of_fuel(&e) => return Err(format!("{OUT_OF_FUEL} in the start function")),
        Err(e) => match e.as_trap_code() {
            Some(code) => return Ok(vec![trap_observation(wasmi_trap_name(code))]),
            // wasmi reports segment initialization failures as plain errors.
            None if e.to_string().contains("out of bounds table access") => {
                return Ok(vec![trap_observation("table")])
            }
            None if e.to_string().contains("out of bounds memory access") => {
                return Ok(vec![trap_observation("memory")])
            }
            None => return Err(format!("instantiate: {e}")),
        },
    };
    let mut exports: Vec<(String, wasmi::Extern)> = instance
        .exports(&store)
        .map(|e| (e.name().to_string(), e.into_extern()))
        .collect();
    exports.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = vec![instantiated(wasmi_state(&store, &exports))];
    for round in 0..ROUNDS {
        for (name, ext) in &exports {
            let wasmi::Extern::Func(f) = ext else {
                continue;
            };
            let ty = f.ty(&store);
            let params: Vec<ValType> = ty.params().iter().map(to_kestrel_type).collect();
            let args: Vec<wasmi::Val> = args_for(&params, round).iter().map(to_wasmi_val).collect();
            let mut results: Vec<wasmi::Val> = ty
                .results()
                .iter()
                .map(|t| wasmi::Val::default_for_ty(*t))
                .collect();
            store.set_fuel(FUEL).map_err(|e| e.to_string())?;
            let outcome = match f.call(&mut store, &args, &mut results) {
                Ok(()) => Outcome::Values(results.iter().map(wasmi_val).collect()),
                Err(e) if is_out_of_fuel(&e) => return Err(format!("{OUT_OF_FUEL} in {name}")),
                Err(e) => match e.as_trap_code() {
                    Some(wasmi::TrapCode::StackOverflow) => Outcome::Exhausted,
                    Some(code) => Outcome::Trap(wasmi_trap_name(code)),
                    None => return Err(format!("call {name}: {e}")),
                },
            };
            if record_call(&mut out, name, outcome, wasmi_state(&store, &exports)) {
                return Ok(out);
            }
        }
    }
    Ok(out)
}
