//! Vectors kept off the boundary for the third opinion: wasmtime's Python binding cannot
//! pass a `v128` into or out of wasm, so before `third_opinion.py` runs a module, every
//! export that would pass one is replaced by a wrapper that does not.
//!
//! - An exported function with a `v128` parameter or result is exported, under its
//!   name, as a wrapper taking an `i32` for each vector parameter (splatted to four lanes:
//!   `oracle::args_for` gives a vector parameter the integer in every lane) and returning
//!   each vector result as two `i64` halves, low first.
//! - An exported `v128` global is exported as a getter function returning its two halves,
//!   named `GETTER_PREFIX` + the global's name.
//! - The binding cannot even describe a function type with a `v128` (it ends the process),
//!   so the original of each wrapped function is exported too, as `FUNC_PREFIX` + its
//!   name, and the plan gives its type as the oracle writes it: the script recognises
//!   such a function in a table by identity. A module with an unexported function whose
//!   type has a `v128` gets no third opinion.
//!
//! The plan (which results of which export are vectors, which exports are getters) goes
//! to the script as JSON, so that it reports vectors as the oracle compares them.

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, ExportKind, ExportSection, Function, FunctionSection, Instruction as I, Module,
    RawSection, TypeSection, ValType,
};
use wasmparser::{Parser, Payload};

/// The name prefix of the getter exported for a `v128` global.
pub const GETTER_PREFIX: &str = "\u{1}v128-global:";

/// The name prefix of the original of a wrapped function.
pub const FUNC_PREFIX: &str = "\u{1}v128-func:";

/// A function type as two lists.
type Sig = (Vec<wasmparser::ValType>, Vec<wasmparser::ValType>);

/// The module with its vector-passing exports wrapped, and the plan as JSON; the module
/// unchanged (and an empty plan) when no export passes a vector.
pub fn wrap_vectors(bytes: &[u8]) -> Result<(Vec<u8>, String), String> {
    let mut types: Vec<Option<Sig>> = Vec::new();
    let mut func_types: Vec<u32> = Vec::new();
    let mut global_types: Vec<wasmparser::ValType> = Vec::new();
    let mut exports: Vec<(String, wasmparser::ExternalKind, u32)> = Vec::new();
    let mut has_code = false;
    let err = |e: wasmparser::BinaryReaderError| e.to_string();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(err)? {
            Payload::TypeSection(r) => {
                // Every type of every recursion group; a struct or array type (GC) has
                // no signature.
                for group in r {
                    for sub in group.map_err(err)?.into_types() {
                        types.push(match &sub.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(f) => {
                                Some((f.params().to_vec(), f.results().to_vec()))
                            }
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(r) => {
                for import in r.into_imports() {
                    match import.map_err(err)?.ty {
                        wasmparser::TypeRef::Func(t) => func_types.push(t),
                        wasmparser::TypeRef::Global(g) => global_types.push(g.content_type),
                        _ => {}
                    }
                }
            }
            Payload::FunctionSection(r) => {
                for t in r {
                    func_types.push(t.map_err(err)?);
                }
            }
            Payload::GlobalSection(r) => {
                for g in r {
                    global_types.push(g.map_err(err)?.ty.content_type);
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e.map_err(err)?;
                    exports.push((e.name.to_string(), e.kind, e.index));
                }
            }
            Payload::CodeSectionStart { .. } => has_code = true,
            _ => {}
        }
    }
    let v128 = wasmparser::ValType::V128;
    let sig_of = |f: u32| -> Option<&Sig> {
        let t = *func_types.get(f as usize)?;
        types.get(t as usize)?.as_ref()
    };
    let passes_vector = |e: &(String, wasmparser::ExternalKind, u32)| match e.1 {
        wasmparser::ExternalKind::Func => {
            sig_of(e.2).is_some_and(|(p, r)| p.contains(&v128) || r.contains(&v128))
        }
        wasmparser::ExternalKind::Global => global_types.get(e.2 as usize) == Some(&v128),
        _ => false,
    };
    if !exports.iter().any(passes_vector) {
        return Ok((
            bytes.to_vec(),
            "{\"results\": {}, \"getters\": {}, \"types\": {}}".into(),
        ));
    }
    if !has_code {
        return Err("a module without code exports a vector global".into());
    }
    let exported: std::collections::HashSet<u32> = exports
        .iter()
        .filter(|e| e.1 == wasmparser::ExternalKind::Func)
        .map(|e| e.2)
        .collect();
    let hidden_vector_type = (0..func_types.len() as u32).any(|f| {
        !exported.contains(&f)
            && sig_of(f).is_some_and(|(p, r)| p.contains(&v128) || r.contains(&v128))
    });
    if hidden_vector_type {
        return Err("an unexported function's type has a v128".into());
    }
    // The wrappers: (export name, wrapper type, body), and the plan's entries.
    let mut new_types: Vec<(Vec<ValType>, Vec<ValType>)> = Vec::new();
    let mut new_bodies: Vec<Function> = Vec::new();
    let mut new_exports: Vec<(String, ExportKind, u32)> = Vec::new();
    let mut plan_results = Vec::new();
    let mut plan_getters = Vec::new();
    let mut plan_types = Vec::new();
    let first_new = func_types.len() as u32;
    let enc = |t: &wasmparser::ValType| RoundtripReencoder.val_type(*t).expect("a value type");
    for e in &exports {
        if !passes_vector(e) {
            let kind = RoundtripReencoder
                .export_kind(e.1)
                .map_err(|e| e.to_string())?;
            new_exports.push((e.0.clone(), kind, e.2));
            continue;
        }
        let index = first_new + new_bodies.len() as u32;
        if e.1 == wasmparser::ExternalKind::Global {
            new_types.push((vec![], vec![ValType::I64, ValType::I64]));
            let mut f = Function::new([]);
            for lane in 0..2 {
                f.instruction(&I::GlobalGet(e.2));
                f.instruction(&I::I64x2ExtractLane(lane));
            }
            f.instruction(&I::End);
            new_bodies.push(f);
            let getter = format!("{GETTER_PREFIX}{}", e.0);
            plan_getters.push(format!("{}: {}", json_str(&getter), json_str(&e.0)));
            new_exports.push((getter, ExportKind::Func, index));
            continue;
        }
        let (params, results) = sig_of(e.2).expect("checked above").clone();
        let wrapped_params: Vec<ValType> = params
            .iter()
            .map(|t| if *t == v128 { ValType::I32 } else { enc(t) })
            .collect();
        let mut wrapped_results = Vec::new();
        let mut vector_positions = Vec::new();
        for (k, t) in results.iter().enumerate() {
            if *t == v128 {
                wrapped_results.extend([ValType::I64, ValType::I64]);
                vector_positions.push(k.to_string());
            } else {
                wrapped_results.push(enc(t));
            }
        }
        new_types.push((wrapped_params, wrapped_results));
        // One local per result, after the parameters.
        let locals: Vec<(u32, ValType)> = results.iter().map(|t| (1, enc(t))).collect();
        let mut f = Function::new(locals);
        for (k, t) in params.iter().enumerate() {
            f.instruction(&I::LocalGet(k as u32));
            if *t == v128 {
                f.instruction(&I::I32x4Splat);
            }
        }
        f.instruction(&I::Call(e.2));
        let first_local = params.len() as u32;
        for k in (0..results.len() as u32).rev() {
            f.instruction(&I::LocalSet(first_local + k));
        }
        for (k, t) in results.iter().enumerate() {
            let local = first_local + k as u32;
            if *t == v128 {
                for lane in 0..2 {
                    f.instruction(&I::LocalGet(local));
                    f.instruction(&I::I64x2ExtractLane(lane));
                }
            } else {
                f.instruction(&I::LocalGet(local));
            }
        }
        f.instruction(&I::End);
        new_bodies.push(f);
        plan_results.push(format!(
            "{}: [{}]",
            json_str(&e.0),
            vector_positions.join(", ")
        ));
        new_exports.push((e.0.clone(), ExportKind::Func, index));
        let original = format!("{FUNC_PREFIX}{}", e.0);
        plan_types.push(format!(
            "{}: {}",
            json_str(&original),
            json_str(&type_name(&params, &results))
        ));
        new_exports.push((original, ExportKind::Func, e.2));
    }
    let first_new_type = types.len() as u32;
    // Re-emit the module: the sections that change rebuilt, the others copied.
    let mut module = Module::new();
    let mut code = CodeSection::new();
    let mut code_left = 0u32;
    // The code section's bodies, copied as they come, then the wrappers.
    let mut emit_code = |module: &mut Module, code: &mut CodeSection| {
        for f in new_bodies.drain(..) {
            code.function(&f);
        }
        module.section(code);
    };
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(err)?;
        match payload {
            Payload::TypeSection(r) => {
                let mut s = TypeSection::new();
                RoundtripReencoder
                    .parse_type_section(&mut s, r)
                    .map_err(|e| e.to_string())?;
                for (p, r) in &new_types {
                    s.ty().function(p.iter().copied(), r.iter().copied());
                }
                module.section(&s);
            }
            Payload::FunctionSection(r) => {
                let mut s = FunctionSection::new();
                for t in r {
                    s.function(t.map_err(err)?);
                }
                for k in 0..new_types.len() as u32 {
                    s.function(first_new_type + k);
                }
                module.section(&s);
            }
            Payload::ExportSection(_) => {
                let mut s = ExportSection::new();
                for (name, kind, index) in &new_exports {
                    s.export(name, *kind, *index);
                }
                module.section(&s);
            }
            Payload::CodeSectionStart { count, .. } => {
                code_left = count;
                if count == 0 {
                    emit_code(&mut module, &mut code);
                }
            }
            Payload::CodeSectionEntry(body) => {
                let range = body.range();
                code.raw(&bytes[range.start as usize..range.end as usize]);
                code_left -= 1;
                if code_left == 0 {
                    emit_code(&mut module, &mut code);
                }
            }
            Payload::Version { .. } | Payload::End(_) => {}
            other => {
                if let Some((id, range)) = other.as_section() {
                    let range = range.start as usize..range.end as usize;
                    module.section(&RawSection {
                        id,
                        data: &bytes[range],
                    });
                }
            }
        }
    }
    if types.is_empty() || func_types.is_empty() {
        return Err("a module without type or function section exports a vector".into());
    }
    let plan = format!(
        "{{\"results\": {{{}}}, \"getters\": {{{}}}, \"types\": {{{}}}}}",
        plan_results.join(", "),
        plan_getters.join(", "),
        plan_types.join(", ")
    );
    Ok((module.finish(), plan))
}

/// A function type as the oracle writes it (`oracle::type_name`).
fn type_name(params: &[wasmparser::ValType], results: &[wasmparser::ValType]) -> String {
    let kestrel = |ts: &[wasmparser::ValType]| -> Vec<kestrel::ValType> {
        ts.iter()
            .map(|t| match t {
                wasmparser::ValType::I32 => kestrel::ValType::I32,
                wasmparser::ValType::I64 => kestrel::ValType::I64,
                wasmparser::ValType::F32 => kestrel::ValType::F32,
                wasmparser::ValType::F64 => kestrel::ValType::F64,
                wasmparser::ValType::V128 => kestrel::ValType::V128,
                wasmparser::ValType::Ref(r) if r.is_func_ref() => kestrel::ValType::FUNCREF,
                wasmparser::ValType::Ref(_) => kestrel::ValType::EXTERNREF,
            })
            .collect()
    };
    super::type_name(&kestrel(params), &kestrel(results))
}

/// A JSON string literal.
fn json_str(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_exports_are_wrapped_and_the_rest_kept() {
        let m = wat::parse_str(
            r#"(module
              (global (export "g") (mut v128) (v128.const i64x2 5 6))
              (global (export "h") i32 (i32.const 1))
              (func (export "f") (param i64 v128) (result v128 i32)
                (local.get 1) (i32.wrap_i64 (local.get 0)))
              (func (export "s") (result i32) (i32.const 3)))"#,
        )
        .unwrap();
        let (wrapped, plan) = wrap_vectors(&m).unwrap();
        wasmparser::Validator::new().validate_all(&wrapped).unwrap();
        let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
        assert_eq!(plan["results"]["f"], serde_json::json!([0]));
        assert_eq!(plan["getters"][format!("{GETTER_PREFIX}g")], "g");
        assert_eq!(
            plan["types"][format!("{FUNC_PREFIX}f")],
            "[i64 v128] -> [v128 i32]"
        );
        // The wrapper of f returns the vector's halves, then the i32.
        let engine = kestrel::Engine::default();
        let module = kestrel::Module::new(&engine, &wrapped).unwrap();
        let instance = kestrel::Linker::new(&engine).instantiate(&module).unwrap();
        let f = instance.get_func("f").unwrap();
        let out = f
            .call(&[kestrel::Val::I64(9), kestrel::Val::I32(7)])
            .unwrap();
        let lane = (7u64 | 7 << 32) as i64;
        assert!(
            matches!(out[..], [kestrel::Val::I64(a), kestrel::Val::I64(b), kestrel::Val::I32(9)]
                if a == lane && b == lane),
            "{out:?}"
        );
        let getter = instance.get_func(&format!("{GETTER_PREFIX}g")).unwrap();
        let halves = getter.call(&[]).unwrap();
        assert!(
            matches!(halves[..], [kestrel::Val::I64(5), kestrel::Val::I64(6)]),
            "{halves:?}"
        );
        assert!(instance.get_func("s").is_some() && instance.get_global("h").is_some());
        // A module without vectors at the boundary is left as it is.
        let plain =
            wat::parse_str(r#"(module (func (export "s") (result i32) (i32.const 3)))"#).unwrap();
        assert_eq!(wrap_vectors(&plain).unwrap().0, plain);
    }
}
