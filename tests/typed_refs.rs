//! Typed function references and WebAssembly 3.0's type system ("DESIGN: supertype
//! displays" in `types::registry`, "DESIGN: null-tested branches" in
//! `compiler::codegen::typed_refs`): `call_indirect` accepting declared subtypes and
//! nothing else, also for functions of equivalent types from another module; `br_on_null`
//! and `br_on_non_null` carrying the right values; closures through `call_ref` and
//! `return_call_ref` with non-defaultable locals, typed tables with initializers and
//! typed globals; `return_call_ref` into another instance and the host; canonical type
//! equivalence and subtyping when linking; typed values at the embedder's boundary; the
//! debugger reading typed-reference locals. Every case runs in every configuration (`support/configs.rs`).

#[path = "support/configs.rs"]
mod configs;
use configs::{configs, instantiate};

use kestrel::{
    Engine, Error, Func, FuncType, HeapType, Instance, Linker, Module, TrapKind, Val, ValType,
};

fn call(instance: &Instance, name: &str, args: &[Val]) -> Result<Vec<Val>, Error> {
    instance.get_func(name).unwrap().call(args)
}

fn call_i32(instance: &Instance, name: &str, args: &[Val]) -> i32 {
    call(instance, name, args).unwrap()[0].i32().unwrap()
}

fn trap_kind(result: Result<Vec<Val>, Error>) -> TrapKind {
    match result {
        Err(Error::Trap(t)) => t.kind(),
        other => panic!("expected a trap, got {other:?}"),
    }
}

/// Types `$a` :> `$b` :> `$c` (declared subtypes), and `$d` of the same structure but
/// final and without a supertype; a table holding one function of each, and one of
/// type `$b` from another module that declares the same types itself.
const SUBTYPES: &str = r#"
(module
  (type $a (sub (func (result i32))))
  (type $b (sub $a (func (result i32))))
  (type $c (sub final $b (func (result i32))))
  (type $d (func (result i32)))
  (func $fa (type $a) (i32.const 1))
  (func $fb (type $b) (i32.const 2))
  (func $fc (type $c) (i32.const 3))
  (func $fd (type $d) (i32.const 4))
  (table (export "table") 5 funcref)
  (elem (i32.const 0) func $fa $fb $fc $fd)
  (func (export "as_a") (param i32) (result i32) (call_indirect (type $a) (local.get 0)))
  (func (export "as_b") (param i32) (result i32) (call_indirect (type $b) (local.get 0)))
  (func (export "as_c") (param i32) (result i32) (call_indirect (type $c) (local.get 0)))
  (func (export "as_d") (param i32) (result i32) (call_indirect (type $d) (local.get 0)))
)
"#;

const OTHER_B: &str = r#"
(module
  (type $a (sub (func (result i32))))
  (type $b (sub $a (func (result i32))))
  (import "subtypes" "table" (table 5 funcref))
  (func $gb (type $b) (i32.const 5))
  (elem (i32.const 4) func $gb)
)
"#;

#[test]
fn call_indirect_accepts_declared_subtypes_only() {
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let mut linker = Linker::new(&engine);
        let subtypes = instantiate(&engine, &linker, SUBTYPES, debugged);
        linker.instance("subtypes", &subtypes);
        instantiate(&engine, &linker, OTHER_B, debugged);
        // (expected type, [result or trap per entry: $a, $b, $c, $d, the other $b])
        let cases: [(&str, [Option<i32>; 5]); 4] = [
            ("as_a", [Some(1), Some(2), Some(3), None, Some(5)]),
            ("as_b", [None, Some(2), Some(3), None, Some(5)]),
            ("as_c", [None, None, Some(3), None, None]),
            ("as_d", [None, None, None, Some(4), None]),
        ];
        for (name, expected) in cases {
            for (entry, want) in expected.into_iter().enumerate() {
                let got = call(&subtypes, name, &[Val::I32(entry as i32)]);
                match want {
                    Some(v) => {
                        assert_eq!(got.unwrap()[0].i32(), Some(v), "{label}: {name}({entry})")
                    }
                    None => assert_eq!(
                        trap_kind(got),
                        TrapKind::IndirectCallTypeMismatch,
                        "{label}: {name}({entry})"
                    ),
                }
            }
        }
    }
}

/// `on_null(which, x)`: `br_on_null` out with `x + 100` when `$pick` gives null, else
/// the function applied to `x`; `on_non_null(which, x)`: `br_on_non_null` out with `x`
/// and the function, else `x + 1000`; `sum(n)`: a loop over a table of nullable
/// references, every third null, summing what each non-null one gives.
const NULL_TESTS: &str = r#"
(module
  (type $f (func (param i32) (result i32)))
  (func $inc (type $f) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $f) (i32.shl (local.get 0) (i32.const 1)))
  (elem declare func $inc $dbl)
  (table $fs 30 (ref null $f))
  (func $pick (param $which i32) (result (ref null $f))
    (if (result (ref null $f)) (local.get $which)
      (then (ref.func $inc))
      (else (ref.null $f))))
  (func (export "on_null") (param $which i32) (param $x i32) (result i32)
    (local $fn (ref $f))
    (block $null (result i32)
      (i32.add (local.get $x) (i32.const 100))
      (call $pick (local.get $which))
      (br_on_null $null)
      (local.set $fn)
      (drop)
      (call_ref $f (local.get $x) (local.get $fn))))
  (func (export "on_non_null") (param $which i32) (param $x i32) (result i32)
    (block $some (result i32 (ref $f))
      (local.get $x)
      (call $pick (local.get $which))
      (br_on_non_null $some)
      (i32.const 1000)
      (i32.add)
      (return))
    (call_ref $f))
  (func (export "sum") (param $n i32) (result i32)
    (local $i i32) (local $acc i32) (local $g (ref $f))
    (loop $fill
      (if (i32.lt_u (local.get $i) (i32.const 30))
        (then
          (table.set $fs (local.get $i)
            (if (result (ref null $f)) (i32.rem_u (local.get $i) (i32.const 3))
              (then (if (result (ref null $f)) (i32.and (local.get $i) (i32.const 1))
                (then (ref.func $dbl)) (else (ref.func $inc))))
              (else (ref.null $f))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $fill))))
    (local.set $i (i32.const 0))
    (loop $next
      (if (i32.lt_u (local.get $i) (local.get $n))
        (then
          (local.set $acc
            (block $skip (result i32)
              (local.get $acc)
              (table.get $fs (i32.rem_u (local.get $i) (i32.const 30)))
              (br_on_null $skip)
              (local.set $g)
              (local.get $i)
              (local.get $g)
              (call_ref $f)
              (i32.add)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next))))
    (local.get $acc))
  (func (export "as_non_null") (param $which i32) (result i32)
    (call_ref $f (i32.const 41) (ref.as_non_null (call $pick (local.get $which)))))
  (func (export "call_null") (result i32)
    (call_ref $f (i32.const 1) (ref.null $f)))
)
"#;

/// What `sum(n)` of `NULL_TESTS` gives, computed here.
fn model_sum(n: u32) -> i32 {
    let mut acc = 0i32;
    for i in 0..n {
        let slot = i % 30;
        if slot % 3 == 0 {
            continue;
        }
        let v = if slot & 1 == 1 {
            (i as i32).wrapping_shl(1)
        } else {
            (i as i32).wrapping_add(1)
        };
        acc = acc.wrapping_add(v);
    }
    acc
}

#[test]
fn null_tests_branch_with_the_right_values() {
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let linker = Linker::new(&engine);
        let instance = instantiate(&engine, &linker, NULL_TESTS, debugged);
        let i = |v: i32| Val::I32(v);
        assert_eq!(
            call_i32(&instance, "on_null", &[i(0), i(5)]),
            105,
            "{label}"
        );
        assert_eq!(call_i32(&instance, "on_null", &[i(1), i(5)]), 6, "{label}");
        assert_eq!(
            call_i32(&instance, "on_non_null", &[i(0), i(5)]),
            1005,
            "{label}"
        );
        assert_eq!(
            call_i32(&instance, "on_non_null", &[i(1), i(5)]),
            6,
            "{label}"
        );
        for n in [0, 1, 2, 3, 29, 30, 31, 1000, 100_000] {
            assert_eq!(
                call_i32(&instance, "sum", &[i(n as i32)]),
                model_sum(n),
                "{label}: sum({n})"
            );
        }
        assert_eq!(call_i32(&instance, "as_non_null", &[i(1)]), 42, "{label}");
        assert_eq!(
            trap_kind(call(&instance, "as_non_null", &[i(0)])),
            TrapKind::NullReference,
            "{label}"
        );
        assert_eq!(
            trap_kind(call(&instance, "call_null", &[])),
            TrapKind::NullFunctionReference,
            "{label}"
        );
    }
}

/// Closures as a function reference and an environment in memory: `$repeat` applies a
/// closure `n` times by `return_call_ref` (constant stack), the closures come from a
/// typed global initialized from another global, a non-nullable table with an
/// initializer and a non-defaultable local. `run(n)` = ((1 + 3n) * 3) * 5 + 7.
const CLOSURES: &str = r#"
(module
  (type $clo (func (param i32 i32) (result i32)))
  (type $iter (func (param (ref $clo) i32 i32 i32) (result i32)))
  (memory 1)
  (func $add (type $clo) (i32.add (local.get 1) (i32.load (local.get 0))))
  (func $mul (type $clo) (i32.mul (local.get 1) (i32.load (local.get 0))))
  (func $affine (type $clo)
    (i32.add (i32.mul (local.get 1) (i32.load (local.get 0)))
             (i32.load offset=4 (local.get 0))))
  (global $default (ref $clo) (ref.func $add))
  (global $alias (ref $clo) (global.get $default))
  (table $ops 3 (ref $clo) (ref.func $mul))
  (elem declare func $add $mul $affine $repeat)
  (func $repeat (type $iter)
    (if (result i32) (i32.eqz (local.get 2))
      (then (local.get 3))
      (else
        (return_call_ref $iter
          (local.get 0)
          (local.get 1)
          (i32.sub (local.get 2) (i32.const 1))
          (call_ref $clo (local.get 1) (local.get 3) (local.get 0))
          (ref.func $repeat)))))
  (func (export "run") (param $n i32) (result i32)
    (local $f (ref $clo))
    (i32.store (i32.const 0) (i32.const 3))
    (i32.store (i32.const 8) (i32.const 5))
    (i32.store (i32.const 12) (i32.const 7))
    (table.set $ops (i32.const 2) (ref.func $affine))
    (local.set $f (global.get $alias))
    (call_ref $clo
      (i32.const 8)
      (call_ref $clo
        (i32.const 0)
        (call $repeat (local.get $f) (i32.const 0) (local.get $n) (i32.const 1))
        (table.get $ops (i32.const 0)))
      (table.get $ops (i32.const 2))))
)
"#;

#[test]
fn closures_through_call_ref_in_constant_stack() {
    for (label, mut config, debugged) in configs() {
        // A chain of 10^6 calls that kept its frames would overflow 64 KiB.
        config.max_wasm_stack(64 << 10);
        let engine = Engine::new(&config);
        let linker = Linker::new(&engine);
        let instance = instantiate(&engine, &linker, CLOSURES, debugged);
        for n in [0u32, 1, 10, 1_000_000] {
            let want = (1u32.wrapping_add(3u32.wrapping_mul(n)))
                .wrapping_mul(15)
                .wrapping_add(7) as i32;
            assert_eq!(
                call_i32(&instance, "run", &[Val::I32(n as i32)]),
                want,
                "{label}: run({n})"
            );
        }
    }
}

/// A library exporting a function whose type is recursive (it takes a reference to its
/// own type) and one of a declared subtype.
const LIBRARY: &str = r#"
(module
  (rec
    (type $node (func (param (ref null $node)) (result i32)))
    (type $pair (func (param i32 i32) (result i32))))
  (type $base (sub (func (result i32))))
  (type $derived (sub $base (func (result i32))))
  (func (export "node") (type $node) (i32.const 7))
  (func (export "derived") (type $derived) (i32.const 8))
)
"#;

#[test]
fn linking_follows_canonical_equivalence_and_subtyping() {
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let mut linker = Linker::new(&engine);
        let lib = instantiate(&engine, &linker, LIBRARY, debugged);
        linker.instance("lib", &lib);
        // The same recursion group, declared again: the same type.
        let same = r#"(module
          (rec
            (type $node (func (param (ref null $node)) (result i32)))
            (type $pair (func (param i32 i32) (result i32))))
          (import "lib" "node" (func $node (type $node)))
          (func (export "go") (result i32) (call $node (ref.null $node))))"#;
        let instance = instantiate(&engine, &linker, same, debugged);
        assert_eq!(call_i32(&instance, "go", &[]), 7, "{label}");
        // The same function type in a group of its own: another type.
        let alone = r#"(module
          (rec (type $node (func (param (ref null $node)) (result i32))))
          (import "lib" "node" (func (type $node))))"#;
        let module = Module::new(&engine, alone).unwrap();
        match linker.instantiate(&module) {
            Err(Error::Link(m)) => assert!(m.contains("incompatible import type"), "{m}"),
            other => panic!(
                "{label}: expected a link error, got {:?}",
                other.map(|_| ())
            ),
        }
        // A function of a subtype where its supertype is imported: accepted; where the
        // same structure without the declaration is: refused.
        let supertype = r#"(module
          (type $base (sub (func (result i32))))
          (import "lib" "derived" (func $f (type $base)))
          (func (export "go") (result i32) (call $f)))"#;
        let instance = instantiate(&engine, &linker, supertype, debugged);
        assert_eq!(call_i32(&instance, "go", &[]), 8, "{label}");
        let unrelated = r#"(module
          (type $plain (func (result i32)))
          (import "lib" "derived" (func (type $plain))))"#;
        let module = Module::new(&engine, unrelated).unwrap();
        assert!(
            matches!(linker.instantiate(&module), Err(Error::Link(_))),
            "{label}"
        );
    }
}

#[test]
fn typed_values_are_checked_at_the_embedders_boundary() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
          (type $f (func (param i32) (result i32)))
          (func $inc (export "inc") (type $f) (i32.add (local.get 0) (i32.const 1)))
          (func (export "apply") (param (ref $f)) (param i32) (result i32)
            (call_ref $f (local.get 1) (local.get 0)))
          (func (export "give") (result (ref $f)) (ref.func $inc))
          (elem declare func $inc))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let apply = instance.get_func("apply").unwrap();
    let inc = instance.get_func("inc").unwrap();
    let param = apply.ty().params()[0];
    let (ValType::Ref(r), false) = (param, param.as_ref().is_some_and(|r| r.nullable())) else {
        panic!("apply's parameter is {param}");
    };
    let HeapType::Concrete(id) = r.heap() else {
        panic!("apply's parameter is {param}");
    };
    assert_eq!(id, inc.type_id());
    assert_eq!(
        id.func_type(),
        FuncType::new([ValType::I32], [ValType::I32])
    );
    assert_eq!(
        apply
            .call(&[Val::FuncRef(Some(inc.clone())), Val::I32(4)])
            .unwrap()[0]
            .i32(),
        Some(5)
    );
    // Null where the type excludes it, and a function of another type: refused.
    assert!(apply.call(&[Val::FuncRef(None), Val::I32(4)]).is_err());
    let other = Func::new(&engine, FuncType::new([], []), |_, _| Ok(()));
    assert!(apply
        .call(&[Val::FuncRef(Some(other)), Val::I32(4)])
        .is_err());
    // A host function of the same structure has the same (final, singleton) type.
    let host = Func::new(
        &engine,
        FuncType::new([ValType::I32], [ValType::I32]),
        |args, results| {
            results[0] = Val::I32(args[0].i32().unwrap() * 10);
            Ok(())
        },
    );
    assert_eq!(host.type_id(), id);
    assert_eq!(
        apply
            .call(&[Val::FuncRef(Some(host)), Val::I32(4)])
            .unwrap()[0]
            .i32(),
        Some(40)
    );
    let given = instance.get_func("give").unwrap().call(&[]).unwrap();
    assert!(given[0].matches(param));
    assert!(!Val::FuncRef(None).matches(param));
    assert!(Val::FuncRef(None).matches(ValType::FUNCREF));
}

#[test]
fn gc_heap_types_are_refused_as_unsupported() {
    let engine = Engine::default();
    for wat in [
        "(module (type (struct (field i32))))",
        "(module (func (result anyref) (ref.null any)))",
        "(module (global i31ref (ref.i31 (i32.const 1))))",
    ] {
        match Module::new(&engine, wat) {
            Err(Error::Unsupported(m)) => assert!(m.contains("GC heap"), "{m}"),
            other => panic!("{wat}: expected unsupported, got {:?}", other.map(|_| ())),
        }
    }
    let mut config = kestrel::Config::new();
    config.function_references(false);
    let engine = Engine::new(&config);
    assert!(matches!(
        Module::new(&engine, "(module (type $f (func)) (func (param (ref $f))))"),
        Err(Error::Invalid(_))
    ));
}

/// A debugger stopped in a function reads its typed-reference locals: their declared
/// types, and the function a reference holds (with its type's identity) or null.
#[test]
fn a_debugger_shows_typed_references_in_locals() {
    use std::sync::{Arc, Mutex};
    let mut config = kestrel::Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module
          (type $f (func (param i32) (result i32)))
          (func $inc (type $f) (i32.add (local.get 0) (i32.const 1)))
          (elem declare func $inc)
          (func $apply (param $g (ref $f)) (param $x i32) (result i32)
            (local $maybe (ref null $f))
            (call_ref $f (local.get $x) (local.get $g)))
          (func (export "run") (result i32)
            (call $apply (ref.func $inc) (i32.const 4))))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    // A host function of the same structure has $f's (final, singleton) type.
    let inc_type = Func::new(
        &engine,
        FuncType::new([ValType::I32], [ValType::I32]),
        |_, _| Ok(()),
    )
    .type_id();
    // (types of $apply's locals, as shown; whether local 0 holds a function of $f's
    // type; whether local 2 is null)
    type Seen = (Vec<String>, bool, bool);
    let seen: Arc<Mutex<Option<Seen>>> = Arc::default();
    let record = seen.clone();
    let debugger = instance.debugger().unwrap();
    debugger.set_entry_breakpoint(1).unwrap();
    debugger.set_handler(move |_, frame| {
        let types = frame.local_types().iter().map(|t| t.to_string()).collect();
        let holds = match frame.local(0).unwrap() {
            Val::FuncRef(Some(f)) => f.type_id() == inc_type,
            _ => false,
        };
        let null = matches!(frame.local(2).unwrap(), Val::FuncRef(None));
        *record.lock().unwrap() = Some((types, holds, null));
        kestrel::Resume::Continue
    });
    assert_eq!(call_i32(&instance, "run", &[]), 5);
    let (types, holds, null) = seen.lock().unwrap().take().expect("stopped in $apply");
    let f = "(func (param i32) (result i32))";
    assert_eq!(
        types,
        [
            format!("(ref {f})"),
            "i32".into(),
            format!("(ref null {f})")
        ]
    );
    assert!(holds && null);
}

/// `return_call_ref` into another instance and into a host function: `a.f` tail-calls
/// `b.g` through a reference to its import, `b.g` tail-calls `a.f` through a table both
/// import, 10^6 times in 64 KiB of stack; `a.to_host` tail-calls a host function through
/// a reference.
#[test]
fn return_call_ref_crosses_instances_and_reaches_the_host() {
    for (label, mut config, debugged) in configs() {
        config.max_wasm_stack(64 << 10);
        let engine = Engine::new(&config);
        let mut linker = Linker::new(&engine);
        let table = kestrel::Table::new(
            &engine,
            kestrel::TableType::new(ValType::FUNCREF, 1, Some(1)),
            Val::FuncRef(None),
        )
        .unwrap();
        linker.define("env", "table", table);
        let triple = Func::new(
            &engine,
            FuncType::new([ValType::I32, ValType::I64], [ValType::I64]),
            |args, results| {
                let (n, acc) = (args[0].i32().unwrap(), args[1].i64().unwrap());
                results[0] = Val::I64(acc * 3 + i64::from(n));
                Ok(())
            },
        );
        linker.define("env", "triple", triple);
        let b = instantiate(
            &engine,
            &linker,
            r#"(module
              (type $t (func (param i32 i64) (result i64)))
              (import "env" "table" (table 1 1 funcref))
              (func (export "g") (type $t)
                (if (result i64) (i32.eqz (local.get 0))
                  (then (local.get 1))
                  (else (return_call_indirect (type $t)
                    (i32.sub (local.get 0) (i32.const 1))
                    (i64.add (local.get 1) (i64.const 1))
                    (i32.const 0))))))"#,
            debugged,
        );
        linker.instance("b", &b);
        let a = instantiate(
            &engine,
            &linker,
            r#"(module
              (type $t (func (param i32 i64) (result i64)))
              (import "env" "table" (table 1 1 funcref))
              (import "env" "triple" (func $triple (type $t)))
              (import "b" "g" (func $g (type $t)))
              (elem (i32.const 0) func $f)
              (elem declare func $g $triple)
              (func $f (export "f") (type $t)
                (if (result i64) (i32.eqz (local.get 0))
                  (then (local.get 1))
                  (else (return_call_ref $t
                    (i32.sub (local.get 0) (i32.const 1))
                    (i64.add (local.get 1) (i64.const 2))
                    (ref.func $g)))))
              (func (export "to_host") (param i32 i64) (result i64)
                (return_call_ref $t (local.get 0) (local.get 1) (ref.func $triple))))"#,
            debugged,
        );
        let f = a.get_func("f").unwrap();
        for n in [0i32, 1, 2, 7, 1_000_000] {
            // Odd steps (in f) add 2, even ones (in g) add 1.
            let n64 = i64::from(n);
            let want = 2 * ((n64 + 1) / 2) + n64 / 2;
            let got = f.call(&[Val::I32(n), Val::I64(0)]).unwrap()[0].i64();
            assert_eq!(got, Some(want), "{label}: f({n})");
        }
        let got = call(&a, "to_host", &[Val::I32(5), Val::I64(10)]).unwrap()[0].i64();
        assert_eq!(got, Some(35), "{label}");
    }
}
