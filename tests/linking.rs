//! Linking instances together: one instance's exported function, memory, table and globals
//! imported by another through `Linker::instance`, calls across instances in both
//! directions (direct, and `call_indirect` through a shared table) each running with its
//! own instance's context, shared mutable globals, lifetimes of linked instances, host
//! functions that call into other instances, and link errors for unknown imports and
//! type mismatches.

use kestrel::{
    Engine, Error, Func, FuncType, Global, GlobalType, Instance, Linker, Memory, MemoryType,
    Module, Table, TableType, Trap, TrapKind, Val, ValType,
};
use std::sync::{Arc, OnceLock};

const A: &str = r#"
(module
  (type $ii (func (param i32) (result i32)))
  (memory (export "mem") 1)
  (table (export "tab") 4 funcref)
  (global (export "counter") (mut i32) (i32.const 0))
  (global (export "base") i32 (i32.const 100))
  (global $a_private i32 (i32.const 1000))
  (elem (i32.const 0) $double)
  (func $double (export "double") (param i32) (result i32)
    local.get 0 i32.const 2 i32.mul global.get $a_private i32.add)
  (func (export "read") (param i32) (result i32) local.get 0 i32.load)
  (func (export "get_counter") (result i32) global.get 0)
  (func (export "call_slot") (param i32 i32) (result i32)
    local.get 1 local.get 0 call_indirect (type $ii)))
"#;

const B: &str = r#"
(module
  (type $ii (func (param i32) (result i32)))
  (import "a" "double" (func $double (param i32) (result i32)))
  (import "a" "mem" (memory 1))
  (import "a" "tab" (table 4 funcref))
  (import "a" "counter" (global $counter (mut i32)))
  (import "a" "base" (global $base i32))
  (global $b_private i32 (i32.const 2000))
  (elem (i32.const 1) $triple)
  (func $triple (param i32) (result i32)
    local.get 0 i32.const 3 i32.mul global.get $b_private i32.add)
  (func (export "call_double") (param i32) (result i32) local.get 0 call $double)
  (func (export "write") (param i32 i32) local.get 0 local.get 1 i32.store)
  (func (export "incr") global.get $counter i32.const 1 i32.add global.set $counter)
  (func (export "base") (result i32) global.get $base)
  (func (export "indirect") (param i32 i32) (result i32)
    local.get 1 local.get 0 call_indirect (type $ii))
  (export "double_again" (func $double)))
"#;

fn instantiate_a_and_b(engine: &Engine) -> (Instance, Instance) {
    let a = Linker::new(engine)
        .instantiate(&Module::new(engine, A).unwrap())
        .unwrap();
    let mut linker = Linker::new(engine);
    linker.instance("a", &a);
    let b = linker
        .instantiate(&Module::new(engine, B).unwrap())
        .unwrap();
    (a, b)
}

#[test]
fn call_a_function_of_another_instance() {
    let engine = Engine::default();
    let (a, b) = instantiate_a_and_b(&engine);
    let call_double = b.get_typed_func::<i32, i32>("call_double").unwrap();
    // A's function runs with A's context: it sees A's private global.
    assert_eq!(call_double.call(21).unwrap(), 1042);
    assert_eq!(call_double.call(-500).unwrap(), 0);
    // Re-exporting an import gives back a callable function of the same behaviour.
    let again = b.get_typed_func::<i32, i32>("double_again").unwrap();
    assert_eq!(again.call(1).unwrap(), 1002);
    assert_eq!(
        a.get_typed_func::<i32, i32>("double")
            .unwrap()
            .call(1)
            .unwrap(),
        1002
    );
}

/// Re-exporting an imported function exports the same function, so `Func::same` (which
/// documents "whether two handles refer to the same function") should hold.
#[test]
fn reexported_import_is_the_same_func() {
    let engine = Engine::default();
    let (a, b) = instantiate_a_and_b(&engine);
    let original = a.get_func("double").unwrap();
    let reexported = b.get_func("double_again").unwrap();
    assert!(
        Func::same(&reexported, &original),
        "a re-exported import is the same function"
    );
}

#[test]
fn share_a_memory_between_instances() {
    let engine = Engine::default();
    let (a, b) = instantiate_a_and_b(&engine);
    let write = b.get_typed_func::<(i32, i32), ()>("write").unwrap();
    let read = a.get_typed_func::<i32, i32>("read").unwrap();
    write.call((40, 1234)).unwrap();
    assert_eq!(read.call(40).unwrap(), 1234);
    write.call((65532, -7)).unwrap();
    assert_eq!(read.call(65532).unwrap(), -7);

    let mem = a.get_memory("mem").unwrap();
    let mut word = [0u8; 4];
    mem.read(40, &mut word).unwrap();
    assert_eq!(i32::from_le_bytes(word), 1234);

    // Growth through A's handle is seen by B's code.
    assert!(write.call((65536, 1)).is_err());
    mem.grow(1).unwrap();
    write.call((65536, 99)).unwrap();
    assert_eq!(read.call(65536).unwrap(), 99);
}

#[test]
fn calls_across_instances_use_the_callee_memory() {
    let engine = Engine::default();
    let a = Linker::new(&engine)
        .instantiate(&Module::new(&engine, A).unwrap())
        .unwrap();
    a.get_memory("mem")
        .unwrap()
        .write(0, &111i32.to_le_bytes())
        .unwrap();
    let mut linker = Linker::new(&engine);
    linker.instance("a", &a);
    let c = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (import "a" "read" (func $a_read (param i32) (result i32)))
                     (memory (export "mem") 1)
                     (data (i32.const 0) "\de\00\00\00")
                     (func (export "both") (param i32) (result i32)
                       ;; own load, A's load through A's function, own load again
                       local.get 0 i32.load
                       local.get 0 call $a_read i32.const 1000 i32.mul i32.add
                       local.get 0 i32.load i32.const 1000000 i32.mul i32.add))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let both = c.get_typed_func::<i32, i32>("both").unwrap();
    assert_eq!(both.call(0).unwrap(), 222 + 111 * 1000 + 222 * 1_000_000);
}

#[test]
fn call_indirect_through_a_shared_table() {
    let engine = Engine::default();
    let (a, b) = instantiate_a_and_b(&engine);
    let table = a.get_table("tab").unwrap();
    // B's elem segment wrote B's function into A's table.
    assert!(matches!(table.get(1), Some(Val::FuncRef(Some(_)))));
    assert!(matches!(table.get(2), Some(Val::FuncRef(None))));

    let b_indirect = b.get_typed_func::<(i32, i32), i32>("indirect").unwrap();
    let a_call_slot = a.get_typed_func::<(i32, i32), i32>("call_slot").unwrap();
    // Each callee runs with its own instance's globals, whoever calls it.
    assert_eq!(b_indirect.call((0, 5)).unwrap(), 1010);
    assert_eq!(b_indirect.call((1, 5)).unwrap(), 2015);
    assert_eq!(a_call_slot.call((0, 5)).unwrap(), 1010);
    assert_eq!(a_call_slot.call((1, 5)).unwrap(), 2015);
    assert_eq!(
        a_call_slot.call((2, 5)).unwrap_err().kind(),
        TrapKind::UninitializedElement
    );

    // A host function stored in the shared table is callable from both.
    table
        .set(3, Val::FuncRef(Some(Func::wrap(&engine, |x: i32| x - 1))))
        .unwrap();
    assert_eq!(b_indirect.call((3, 5)).unwrap(), 4);
    assert_eq!(a_call_slot.call((3, 5)).unwrap(), 4);

    // The table keeps B's function alive after every handle to B is gone.
    drop(b_indirect);
    drop(b);
    assert_eq!(a_call_slot.call((1, 7)).unwrap(), 2021);
    match table.get(1) {
        Some(Val::FuncRef(Some(f))) => {
            assert_eq!(f.typed::<i32, i32>().unwrap().call(1).unwrap(), 2003)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn share_a_mutable_global() {
    let engine = Engine::default();
    let (a, b) = instantiate_a_and_b(&engine);
    let incr = b.get_typed_func::<(), ()>("incr").unwrap();
    let get_counter = a.get_typed_func::<(), i32>("get_counter").unwrap();
    let counter = a.get_global("counter").unwrap();
    for expected in 1..=3 {
        incr.call(()).unwrap();
        assert_eq!(get_counter.call(()).unwrap(), expected);
        assert_eq!(counter.get().i32(), Some(expected));
    }
    counter.set(Val::I32(100)).unwrap();
    incr.call(()).unwrap();
    assert_eq!(get_counter.call(()).unwrap(), 101);
    // Immutable globals are imported by value.
    assert_eq!(
        b.get_typed_func::<(), i32>("base")
            .unwrap()
            .call(())
            .unwrap(),
        100
    );
}

#[test]
fn linked_instance_outlives_its_handles() {
    let engine = Engine::default();
    let (a, b) = instantiate_a_and_b(&engine);
    let mem = a.get_memory("mem").unwrap();
    drop(a);
    // B still uses A's function, memory and globals.
    let call_double = b.get_typed_func::<i32, i32>("call_double").unwrap();
    assert_eq!(call_double.call(1).unwrap(), 1002);
    b.get_typed_func::<(i32, i32), ()>("write")
        .unwrap()
        .call((4, 55))
        .unwrap();
    let mut word = [0u8; 4];
    mem.read(4, &mut word).unwrap();
    assert_eq!(i32::from_le_bytes(word), 55);
    b.get_typed_func::<(), ()>("incr")
        .unwrap()
        .call(())
        .unwrap();
}

#[test]
fn chain_of_three_instances() {
    let engine = Engine::default();
    let (a, b) = instantiate_a_and_b(&engine);
    let mut linker = Linker::new(&engine);
    linker.instance("a", &a).instance("b", &b);
    let c = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (import "b" "call_double" (func $via_b (param i32) (result i32)))
                     (import "b" "indirect" (func $ind (param i32 i32) (result i32)))
                     (import "a" "counter" (global $c (mut i32)))
                     (func (export "run") (param i32) (result i32)
                       local.get 0 call $via_b
                       i32.const 1 local.get 0 call $ind i32.add
                       global.get $c i32.add))"#,
            )
            .unwrap(),
        )
        .unwrap();
    a.get_global("counter").unwrap().set(Val::I32(7)).unwrap();
    let run = c.get_typed_func::<i32, i32>("run").unwrap();
    assert_eq!(run.call(10).unwrap(), 1020 + 2030 + 7);
}

#[test]
fn trap_in_an_imported_function_reports_both_instances() {
    let engine = Engine::default();
    let a = Linker::new(&engine)
        .instantiate(
            &Module::new(
                &engine,
                r#"(module (func $fail (export "fail") (param i32) (result i32)
                     i32.const 1 local.get 0 i32.div_u))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let mut linker = Linker::new(&engine);
    linker.instance("a", &a);
    let b = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module (import "a" "fail" (func $fail (param i32) (result i32)))
                     (func $caller (export "run") (param i32) (result i32)
                       local.get 0 call $fail i32.const 1 i32.add))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let run = b.get_typed_func::<i32, i32>("run").unwrap();
    let trap = run.call(0).unwrap_err();
    assert_eq!(trap.kind(), TrapKind::IntegerDivideByZero);
    let names: Vec<_> = trap
        .backtrace()
        .iter()
        .map(|f| (f.func_index, f.func_name.as_deref()))
        .collect();
    // A's function 0, then B's function 1 (B's import is its function 0).
    assert_eq!(names, [(0, Some("fail")), (1, Some("caller"))]);
    assert_eq!(run.call(1).unwrap(), 2);
}

#[test]
fn host_function_can_call_into_another_instance() {
    let engine = Engine::default();
    let a = Linker::new(&engine)
        .instantiate(&Module::new(&engine, A).unwrap())
        .unwrap();
    let double = a.get_typed_func::<i32, i32>("double").unwrap();
    let read = a.get_typed_func::<i32, i32>("read").unwrap();
    let mut linker = Linker::new(&engine);
    let d = double.clone();
    linker
        .func_wrap("host", "via_a", move |x: i32| -> Result<i32, Trap> {
            Ok(d.call(x)? + 1)
        })
        .func_wrap("host", "read_a", move |x: i32| -> Result<i32, Trap> {
            read.call(x)
        });
    let b = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (import "host" "via_a" (func $via_a (param i32) (result i32)))
                     (import "host" "read_a" (func $read_a (param i32) (result i32)))
                     (memory 1)
                     (data (i32.const 0) "\05\00\00\00")
                     (func $run (export "run") (param i32) (result i32)
                       local.get 0 call $via_a i32.const 0 i32.load i32.add)
                     (func $read (export "read") (param i32) (result i32)
                       local.get 0 call $read_a))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let run = b.get_typed_func::<i32, i32>("run").unwrap();
    assert_eq!(run.call(3).unwrap(), 1007 + 5);
    // A trap in the nested call travels out through the host function and the outer wasm.
    let read = b.get_typed_func::<i32, i32>("read").unwrap();
    let trap = read.call(-1).unwrap_err();
    assert_eq!(trap.kind(), TrapKind::MemoryOutOfBounds);
    assert_eq!(
        trap.backtrace()[0].func_index,
        1,
        "A's `read` is its function 1"
    );
    assert_eq!(read.call(0).unwrap(), 0);
    assert_eq!(run.call(0).unwrap(), 1006);
}

/// A trap in wasm called from a host function that was called from wasm: the backtrace
/// lists the wasm frames on both sides of the host frame, innermost first.
#[test]
fn nested_trap_backtrace_includes_outer_wasm_frames() {
    let engine = Engine::default();
    let inner = Linker::new(&engine)
        .instantiate(
            &Module::new(
                &engine,
                r#"(module (func $inner_trap (export "trap") unreachable))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let trap_fn = inner.get_typed_func::<(), ()>("trap").unwrap();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "call_inner", move || -> Result<(), Trap> {
        trap_fn.call(())
    });
    let outer = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module (import "host" "call_inner" (func $call_inner))
                     (func $outer_caller call $call_inner)
                     (func $outer_entry (export "run") call $outer_caller))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let trap = outer
        .get_typed_func::<(), ()>("run")
        .unwrap()
        .call(())
        .unwrap_err();
    assert_eq!(trap.kind(), TrapKind::Unreachable);
    let names: Vec<_> = trap
        .backtrace()
        .iter()
        .map(|f| f.func_name.as_deref())
        .collect();
    assert_eq!(
        names,
        [
            Some("inner_trap"),
            Some("outer_caller"),
            Some("outer_entry")
        ]
    );
}

#[test]
fn host_function_reentering_the_same_instance() {
    let engine = Engine::default();
    let me: Arc<OnceLock<Func>> = Arc::new(OnceLock::new());
    let mut linker = Linker::new(&engine);
    let m = me.clone();
    linker.func_wrap("host", "recurse", move |n: i32| -> Result<i32, Trap> {
        let f = m.get().expect("set after instantiation");
        Ok(f.typed::<i32, i32>().unwrap().call(n)? + 1)
    });
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (import "host" "recurse" (func $host (param i32) (result i32)))
                     (global $depth (mut i32) (i32.const 0))
                     (func (export "count") (param i32) (result i32)
                       global.get $depth i32.const 1 i32.add global.set $depth
                       local.get 0 i32.eqz
                       if (result i32)
                         global.get $depth
                       else
                         local.get 0 i32.const 1 i32.sub call $host
                       end))"#,
            )
            .unwrap(),
        )
        .unwrap();
    me.set(instance.get_func("count").unwrap()).unwrap();
    let count = instance.get_typed_func::<i32, i32>("count").unwrap();
    // 11 wasm activations, each host frame adds one on the way out.
    assert_eq!(count.call(10).unwrap(), 11 + 10);
}

fn expect_link_error(linker: &Linker, engine: &Engine, wat: &str) {
    let module = Module::new(engine, wat).unwrap();
    match linker.instantiate(&module) {
        Err(Error::Link(msg)) => assert!(!msg.is_empty()),
        other => panic!("{wat}: expected a link error, got {other:?}"),
    }
}

#[test]
fn unknown_imports_are_link_errors() {
    let engine = Engine::default();
    let (a, _b) = instantiate_a_and_b(&engine);
    let mut linker = Linker::new(&engine);
    linker.instance("a", &a);
    expect_link_error(&linker, &engine, r#"(module (import "a" "nope" (func)))"#);
    expect_link_error(&linker, &engine, r#"(module (import "b" "double" (func)))"#);
    expect_link_error(&linker, &engine, r#"(module (import "" "" (memory 1)))"#);
    assert!(linker.get("a", "double").is_some());
    assert!(linker.get("a", "nope").is_none());
}

#[test]
fn import_type_mismatches_are_link_errors() {
    let engine = Engine::default();
    let (a, _b) = instantiate_a_and_b(&engine);
    let mut linker = Linker::new(&engine);
    linker.instance("a", &a);
    linker.define(
        "host",
        "mem2",
        Memory::new(&engine, MemoryType::new(1, Some(2))).unwrap(),
    );
    linker.define(
        "host",
        "tab",
        Table::new(
            &engine,
            TableType::new(ValType::FUNCREF, 2, None),
            Val::FuncRef(None),
        )
        .unwrap(),
    );
    linker.define(
        "host",
        "g64",
        Global::new(&engine, GlobalType::new(ValType::I64, false), Val::I64(1)).unwrap(),
    );
    for wat in [
        // Function signatures.
        r#"(module (import "a" "double" (func (param i64) (result i32))))"#,
        r#"(module (import "a" "double" (func (param i32))))"#,
        r#"(module (import "a" "double" (func (param i32) (result i32 i32))))"#,
        r#"(module (import "a" "double" (func)))"#,
        // Kinds.
        r#"(module (import "a" "double" (memory 1)))"#,
        r#"(module (import "a" "mem" (func)))"#,
        r#"(module (import "a" "tab" (global i32)))"#,
        r#"(module (import "a" "counter" (table 1 funcref)))"#,
        // Memory limits: too small a minimum, no maximum where one is required, too large
        // a maximum.
        r#"(module (import "a" "mem" (memory 2)))"#,
        r#"(module (import "a" "mem" (memory 1 5)))"#,
        r#"(module (import "host" "mem2" (memory 1 1)))"#,
        // Table limits and element types.
        r#"(module (import "a" "tab" (table 5 funcref)))"#,
        r#"(module (import "host" "tab" (table 1 3 funcref)))"#,
        r#"(module (import "host" "tab" (table 1 externref)))"#,
        // Global types and mutability.
        r#"(module (import "a" "counter" (global (mut i64))))"#,
        r#"(module (import "a" "counter" (global i32)))"#,
        r#"(module (import "a" "base" (global (mut i32))))"#,
        r#"(module (import "host" "g64" (global f64)))"#,
    ] {
        expect_link_error(&linker, &engine, wat);
    }
    // Matching imports (including looser limits) link.
    for wat in [
        r#"(module (import "a" "double" (func (param i32) (result i32))))"#,
        r#"(module (import "a" "mem" (memory 0)))"#,
        r#"(module (import "host" "mem2" (memory 1 3)))"#,
        r#"(module (import "a" "tab" (table 2 funcref)))"#,
        r#"(module (import "a" "counter" (global (mut i32))))"#,
        r#"(module (import "host" "g64" (global i64)))"#,
    ] {
        let module = Module::new(&engine, wat).unwrap();
        assert!(linker.instantiate(&module).is_ok(), "{wat}");
    }
}

#[test]
fn host_function_signature_mismatch_is_a_link_error() {
    let engine = Engine::default();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "f", |x: i32| x).func_new(
        "host",
        "g",
        FuncType::new([ValType::F32], []),
        |_, _| Ok(()),
    );
    expect_link_error(
        &linker,
        &engine,
        r#"(module (import "host" "f" (func (param i32) (result i64))))"#,
    );
    expect_link_error(
        &linker,
        &engine,
        r#"(module (import "host" "g" (func (param f64))))"#,
    );
    // Later definitions replace earlier ones.
    linker.func_wrap("host", "f", |x: i32| x as i64);
    let module = Module::new(
        &engine,
        r#"(module (import "host" "f" (func (param i32) (result i64))))"#,
    )
    .unwrap();
    assert!(linker.instantiate(&module).is_ok());
}

#[test]
fn instance_new_with_an_explicit_import_list() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "x" "f" (func $f (param i32) (result i32)))
             (import "x" "g" (global $g i32))
             (func (export "run") (result i32) global.get $g call $f))"#,
    )
    .unwrap();
    let f = Func::wrap(&engine, |x: i32| x * 10);
    let g = Global::new(&engine, GlobalType::new(ValType::I32, false), Val::I32(4)).unwrap();
    let instance = Instance::new(&module, vec![f.clone().into(), g.clone().into()]).unwrap();
    assert_eq!(
        instance
            .get_typed_func::<(), i32>("run")
            .unwrap()
            .call(())
            .unwrap(),
        40
    );
    // Wrong count or order of imports is an error.
    assert!(Instance::new(&module, vec![f.clone().into()]).is_err());
    assert!(Instance::new(&module, vec![g.into(), f.into()]).is_err());
}

/// Locals that live in registers across calls must survive host functions (Rust code
/// clobbers those registers freely) and wasm callees that pin registers themselves.
#[test]
fn register_locals_survive_host_and_wasm_calls() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
          (import "host" "noise" (func $noise (param i32 f64) (result f64)))
          (func $callee (param $a i32) (param $b i32) (param $c i32) (param $d i32)
                        (param $x f64) (result i32)
            (local $t i32)
            (local.set $t (i32.add (local.get $a) (local.get $d)))
            (i32.add (local.get $t) (i32.trunc_f64_s (local.get $x))))
          (func (export "run") (param $n i32) (result f64)
            (local $i i32) (local $k i32) (local $m i32) (local $acc f64) (local $y f64)
            (loop $l
              (local.set $k (i32.add (local.get $k) (i32.const 3)))
              (local.set $m (call $callee (local.get $i) (local.get $k) (i32.const 1)
                                          (local.get $m) (f64.const 2)))
              (local.set $y (call $noise (local.get $i) (local.get $acc)))
              (local.set $acc (f64.add (local.get $acc) (f64.add (local.get $y) (f64.const 1))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
            (f64.add (local.get $acc) (f64.convert_i32_s (i32.add (local.get $k) (local.get $m))))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "noise", |i: i32, acc: f64| -> f64 {
        // Enough work to use every caller-saved register.
        let text = format!("{i} {acc:.3} {:?}", (0..i % 7).collect::<Vec<_>>());
        (text.len() % 3) as f64 * 0.5
    });
    let instance = linker.instantiate(&module).unwrap();
    let run = instance.get_typed_func::<i32, f64>("run").unwrap();
    // Reference computation in Rust.
    let (mut k, mut m, mut acc) = (0i32, 0i32, 0f64);
    for i in 0..100 {
        k += 3;
        m = i + m + 2;
        let text = format!("{i} {acc:.3} {:?}", (0..i % 7).collect::<Vec<_>>());
        let y = (text.len() % 3) as f64 * 0.5;
        acc += y + 1.0;
    }
    assert_eq!(run.call(100).unwrap(), acc + (k + m) as f64);
}
