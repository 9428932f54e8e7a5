//! The embedding API as a host sees it: compiling modules from text and binary, rejecting
//! invalid input with errors (never panics), dynamic and typed calls (all value types,
//! several parameters, multi-value results), host functions of various signatures with
//! NaN payloads preserved, globals, memories, tables and export listings.

use kestrel::{
    Config, Engine, Error, Extern, ExternType, Func, FuncType, Global, GlobalType, Linker, Memory,
    MemoryType, Module, Table, TableType, Trap, Val, ValType, PAGE_SIZE,
};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

fn instantiate(engine: &Engine, wat: &str) -> kestrel::Instance {
    let module = Module::new(engine, wat).expect("module compiles");
    Linker::new(engine)
        .instantiate(&module)
        .expect("module instantiates")
}

const ADD: &str = r#"
    (module
      (func (export "add") (param i32 i32) (result i32)
        local.get 0 local.get 1 i32.add))
"#;

// ---------------------------------------------------------------------------------------
// Compiling and rejecting modules
// ---------------------------------------------------------------------------------------

#[test]
fn module_from_text_and_from_binary_behave_the_same() {
    let engine = Engine::default();
    let binary = wat::parse_str(ADD).unwrap();
    assert_eq!(&binary[..4], b"\0asm");

    let from_text = Module::new(&engine, ADD).unwrap();
    let from_bytes = Module::new(&engine, &binary).unwrap();
    let from_binary = Module::from_binary(&engine, &binary).unwrap();
    assert!(Module::validate(&engine, &binary).is_ok());

    for module in [&from_text, &from_bytes, &from_binary] {
        assert!(Engine::same(module.engine(), &engine));
        assert_eq!(
            module.exports(),
            vec![(
                "add".to_string(),
                ExternType::Func(FuncType::new([ValType::I32, ValType::I32], [ValType::I32]))
            )]
        );
        assert!(module.imports().is_empty());
        let instance = Linker::new(&engine).instantiate(module).unwrap();
        let add = instance.get_typed_func::<(i32, i32), i32>("add").unwrap();
        assert_eq!(add.call((40, 2)).unwrap(), 42);
        assert_eq!(add.call((i32::MAX, 1)).unwrap(), i32::MIN);
    }
    // Separately compiled modules are distinct; clones are the same module.
    assert!(!Module::same(&from_text, &from_bytes));
    assert!(Module::same(&from_text, &from_text.clone()));
}

#[test]
fn module_imports_and_exports_report_their_types() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "env" "f" (func (param i64) (result f32)))
             (import "env" "m" (memory $m 1 2))
             (import "env" "g" (global (mut f64)))
             (import "env" "t" (table 3 funcref))
             (export "mem" (memory $m))
             (table (export "tab") 4 8 funcref)
             (global (export "glob") i64 (i64.const 7))
             (func (export "fn") (param i32 f64) (result i64 i32) i64.const 1 i32.const 2))"#,
    )
    .unwrap();
    assert_eq!(
        module.imports(),
        vec![
            (
                "env".into(),
                "f".into(),
                ExternType::Func(FuncType::new([ValType::I64], [ValType::F32]))
            ),
            (
                "env".into(),
                "m".into(),
                ExternType::Memory(MemoryType::new(1, Some(2)))
            ),
            (
                "env".into(),
                "g".into(),
                ExternType::Global(GlobalType::new(ValType::F64, true))
            ),
            (
                "env".into(),
                "t".into(),
                ExternType::Table(TableType::new(ValType::FUNCREF, 3, None))
            ),
        ]
    );
    let exports = module.exports();
    let names: Vec<&str> = exports.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["mem", "tab", "glob", "fn"]);
    assert_eq!(
        exports[0].1,
        ExternType::Memory(MemoryType::new(1, Some(2)))
    );
    assert_eq!(
        exports[1].1,
        ExternType::Table(TableType::new(ValType::FUNCREF, 4, Some(8)))
    );
    assert_eq!(
        exports[2].1,
        ExternType::Global(GlobalType::new(ValType::I64, false))
    );
    assert_eq!(
        module.export_func_type("fn"),
        Some(FuncType::new(
            [ValType::I32, ValType::F64],
            [ValType::I64, ValType::I32]
        ))
    );
    assert_eq!(module.export_func_type("mem"), None);
    assert_eq!(module.export_func_type("missing"), None);
}

#[test]
fn garbage_bytes_are_rejected() {
    let engine = Engine::default();
    let cases: &[&[u8]] = &[
        b"\0asm",                                   // truncated header
        b"\0asm\x02\0\0\0",                         // wrong version
        b"\0asm\x01\0\0\0\x01\xff\xff\xff\xff\x0f", // section longer than the input
        b"\0asm\x01\0\0\0\x0a\x02\x01\x00",         // code section without function section
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",   // not wasm at all
        &[0xff; 64],
    ];
    for bytes in cases {
        assert!(
            Module::from_binary(&engine, bytes).is_err(),
            "from_binary accepted {bytes:x?}"
        );
        assert!(
            Module::new(&engine, bytes).is_err(),
            "new accepted {bytes:x?}"
        );
        assert!(Module::validate(&engine, bytes).is_err());
    }
}

#[test]
fn truncated_and_corrupted_modules_never_panic() {
    let engine = Engine::default();
    let binary = wat::parse_str(
        r#"(module
             (memory 1)
             (global $g (mut i32) (i32.const 0))
             (func $f (export "f") (param i32) (result i32)
               (local i64 f64)
               local.get 0
               if (result i32)
                 local.get 0 i32.const 1 i32.sub call $f
               else
                 i32.const 1
               end
               global.get $g i32.add
               i32.const 16 i32.load offset=4 i32.add))"#,
    )
    .unwrap();
    // The last byte is the body's `end`: without it the module is malformed.
    assert!(Module::from_binary(&engine, &binary[..binary.len() - 1]).is_err());
    let mut rejected = 0;
    for len in 0..binary.len() {
        if Module::from_binary(&engine, &binary[..len]).is_err() {
            rejected += 1;
        }
    }
    // Only prefixes that end exactly at a section boundary can be valid.
    assert!(
        rejected >= binary.len() - 6,
        "{rejected} of {} rejected",
        binary.len()
    );

    // Deterministic byte flips: each result is Ok or Err, never a crash, and an accepted
    // module can be instantiated.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..500 {
        let mut bytes = binary.clone();
        for _ in 0..1 + next() % 3 {
            let i = 8 + (next() as usize) % (bytes.len() - 8);
            bytes[i] = next() as u8;
        }
        if let Ok(module) = Module::from_binary(&engine, &bytes) {
            let _ = Linker::new(&engine).instantiate(&module);
        }
    }
}

#[test]
fn type_errors_are_invalid_modules() {
    let engine = Engine::default();
    let cases = [
        "(module (func (result i32) i64.const 0))",
        "(module (func (param i32) (result f32) local.get 0))",
        "(module (func i32.const 1))",
        "(module (func (result i32) i32.add))",
        "(module (func local.get 3))",
        "(module (func (call 7)))",
        "(module (func i32.const 0 i32.load drop))", // no memory
        "(module (global i32 (i32.const 0)) (func i32.const 1 global.set 0))", // immutable
        "(module (func block (result i32) end drop))",
        "(module (func br 1))",
        "(module (memory 65537))",
        "(module (func $a) (export \"x\" (func $a)) (export \"x\" (func $a)))",
    ];
    for wat in cases {
        let bytes = wat::parse_str(wat).unwrap_or_else(|e| panic!("{wat}: {e}"));
        match Module::new(&engine, wat) {
            Err(Error::Invalid(msg)) => assert!(!msg.is_empty()),
            other => panic!("{wat}: expected Error::Invalid, got {other:?}"),
        }
        assert!(matches!(
            Module::from_binary(&engine, &bytes),
            Err(Error::Invalid(_))
        ));
    }
}

#[test]
fn bad_text_is_a_parse_error() {
    let engine = Engine::default();
    for wat in [
        "(module (func (result i32) i32.konst 0))",
        "(module (func",
        "(module (func $f) (func $f))",
        "(module (func (call $nowhere)))",
        "not a module at all",
    ] {
        match Module::new(&engine, wat) {
            Err(Error::Parse(msg)) => assert!(!msg.is_empty()),
            other => panic!("{wat}: expected Error::Parse, got {other:?}"),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------------------

const ARITH: &str = r#"
    (module
      (func (export "i32") (param i32) (result i32) local.get 0 i32.const 3 i32.mul)
      (func (export "i64") (param i64) (result i64) local.get 0 i64.const -5 i64.mul)
      (func (export "f32") (param f32) (result f32) local.get 0 f32.const 0.5 f32.mul)
      (func (export "f64") (param f64) (result f64) local.get 0 f64.sqrt)
      (func (export "none"))
      (func (export "mixed") (param i32 i64 f32 f64 i32 i64) (result f64)
        local.get 0 f64.convert_i32_s
        local.get 1 f64.convert_i64_s f64.add
        local.get 2 f64.promote_f32 f64.add
        local.get 3 f64.add
        local.get 4 f64.convert_i32_s f64.const 100 f64.mul f64.add
        local.get 5 f64.convert_i64_s f64.const 1000 f64.mul f64.add)
      (func (export "multi") (param i32 i64 f32 f64) (result f64 f32 i64 i32)
        local.get 3 local.get 2 local.get 1 local.get 0)
      (func (export "divmod") (param i32 i32) (result i32 i32)
        local.get 0 local.get 1 i32.div_u
        local.get 0 local.get 1 i32.rem_u)
      (func (export "swap5") (param i64 i64 i64 i64 i64) (result i64 i64 i64 i64 i64)
        local.get 4 local.get 3 local.get 2 local.get 1 local.get 0)
      (func (export "f32bits") (param f32) (result i32) local.get 0 i32.reinterpret_f32)
      (func (export "f64bits") (param f64) (result i64) local.get 0 i64.reinterpret_f64)
      (func (export "mkf32") (param i32) (result f32) local.get 0 f32.reinterpret_i32)
      (func (export "mkf64") (param i64) (result f64) local.get 0 f64.reinterpret_i64))
"#;

#[test]
fn dynamic_calls_with_vals() {
    let engine = Engine::default();
    let instance = instantiate(&engine, ARITH);
    let call = |name: &str, args: &[Val]| instance.get_func(name).unwrap().call(args).unwrap();

    assert_eq!(call("i32", &[Val::I32(-7)])[0].i32(), Some(-21));
    assert_eq!(call("i64", &[Val::I64(1 << 40)])[0].i64(), Some(-5 << 40));
    assert_eq!(call("f32", &[Val::from_f32(3.0)])[0].f32(), Some(1.5));
    assert_eq!(call("f64", &[2.25f64.into()])[0].f64(), Some(1.5));
    assert!(call("none", &[]).is_empty());

    let r = call(
        "mixed",
        &[
            Val::I32(1),
            Val::I64(2),
            Val::from_f32(0.25),
            Val::from_f64(0.5),
            Val::I32(3),
            Val::I64(4),
        ],
    );
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].f64(), Some(4303.75));

    let r = call(
        "multi",
        &[
            Val::I32(-1),
            Val::I64(i64::MIN),
            Val::from_f32(-2.5),
            Val::from_f64(1e300),
        ],
    );
    assert_eq!(r.len(), 4);
    assert_eq!(r[0].f64(), Some(1e300));
    assert_eq!(r[1].f32(), Some(-2.5));
    assert_eq!(r[2].i64(), Some(i64::MIN));
    assert_eq!(r[3].i32(), Some(-1));
    assert_eq!(
        r.iter().map(Val::ty).collect::<Vec<_>>(),
        [ValType::F64, ValType::F32, ValType::I64, ValType::I32]
    );

    let f = instance.get_func("mixed").unwrap();
    assert_eq!(
        f.ty(),
        FuncType::new(
            [
                ValType::I32,
                ValType::I64,
                ValType::F32,
                ValType::F64,
                ValType::I32,
                ValType::I64
            ],
            [ValType::F64]
        )
    );
}

#[test]
fn dynamic_calls_with_wrong_arguments_are_errors() {
    let engine = Engine::default();
    let instance = instantiate(&engine, ARITH);
    let i32f = instance.get_func("i32").unwrap();
    let mixed = instance.get_func("mixed").unwrap();
    let none = instance.get_func("none").unwrap();

    let bad: Vec<(&Func, Vec<Val>)> = vec![
        (&i32f, vec![]),
        (&i32f, vec![Val::I32(1), Val::I32(2)]),
        (&i32f, vec![Val::I64(1)]),
        (&i32f, vec![Val::from_f32(1.0)]),
        (&i32f, vec![Val::FuncRef(None)]),
        (&i32f, vec![Val::ExternRef(None)]),
        (&none, vec![Val::I32(0)]),
        (&mixed, vec![Val::I32(1); 6]),
        (
            &mixed,
            vec![
                Val::I32(1),
                Val::I64(2),
                Val::from_f64(0.25), // f64 where f32 is expected
                Val::from_f64(0.5),
                Val::I32(3),
                Val::I64(4),
            ],
        ),
    ];
    for (f, args) in bad {
        match f.call(&args) {
            Err(Error::Usage(_)) => {}
            other => panic!("call of {f:?} with {args:?}: expected Usage error, got {other:?}"),
        }
    }
    // The function still works after the rejected calls.
    assert_eq!(i32f.call(&[Val::I32(5)]).unwrap()[0].i32(), Some(15));
}

#[test]
fn typed_calls_of_every_value_type() {
    let engine = Engine::default();
    let instance = instantiate(&engine, ARITH);

    let f = instance.get_typed_func::<i32, i32>("i32").unwrap();
    assert_eq!(f.call(14).unwrap(), 42);
    assert_eq!(f.call(i32::MIN).unwrap(), i32::MIN.wrapping_mul(3));

    let f = instance.get_typed_func::<i64, i64>("i64").unwrap();
    assert_eq!(f.call(-3).unwrap(), 15);
    assert_eq!(f.call(0x1234_5678_9abc).unwrap(), 0x1234_5678_9abc * -5);

    let f = instance.get_typed_func::<f32, f32>("f32").unwrap();
    assert_eq!(f.call(-7.0).unwrap(), -3.5);
    assert_eq!(f.call(f32::INFINITY).unwrap(), f32::INFINITY);

    let f = instance.get_typed_func::<f64, f64>("f64").unwrap();
    assert_eq!(f.call(81.0).unwrap(), 9.0);
    assert!(f.call(-1.0).unwrap().is_nan());

    let f = instance.get_typed_func::<(), ()>("none").unwrap();
    f.call(()).unwrap();

    let f = instance
        .get_typed_func::<(i32, i64, f32, f64, i32, i64), f64>("mixed")
        .unwrap();
    assert_eq!(f.call((10, 20, 1.5, 0.25, 1, 2)).unwrap(), 2131.75);
    assert_eq!(f.func().ty().params().len(), 6);
}

#[test]
fn typed_multi_value_results() {
    let engine = Engine::default();
    let instance = instantiate(&engine, ARITH);

    let multi = instance
        .get_typed_func::<(i32, i64, f32, f64), (f64, f32, i64, i32)>("multi")
        .unwrap();
    assert_eq!(
        multi.call((7, -8, 9.5, -10.25)).unwrap(),
        (-10.25, 9.5, -8, 7)
    );

    let divmod = instance
        .get_typed_func::<(i32, i32), (i32, i32)>("divmod")
        .unwrap();
    assert_eq!(divmod.call((47, 5)).unwrap(), (9, 2));
    assert_eq!(divmod.call((-1, 16)).unwrap(), (0x0fff_ffff, 15));

    let swap5 = instance
        .get_typed_func::<(i64, i64, i64, i64, i64), (i64, i64, i64, i64, i64)>("swap5")
        .unwrap();
    assert_eq!(
        swap5.call((1, 2, 3, 4, i64::MAX)).unwrap(),
        (i64::MAX, 4, 3, 2, 1)
    );
}

#[test]
fn typed_func_with_the_wrong_signature_is_an_error() {
    let engine = Engine::default();
    let instance = instantiate(&engine, ARITH);
    assert!(instance.get_typed_func::<i64, i32>("i32").is_err());
    assert!(instance.get_typed_func::<i32, i64>("i32").is_err());
    assert!(instance.get_typed_func::<(i32, i32), i32>("i32").is_err());
    assert!(instance.get_typed_func::<i32, ()>("i32").is_err());
    assert!(instance.get_typed_func::<f32, f32>("f64").is_err());
    assert!(instance
        .get_typed_func::<(i32, i32), (i32, i64)>("divmod")
        .is_err());
    assert!(matches!(
        instance.get_typed_func::<(), ()>("no_such_export"),
        Err(Error::Usage(_))
    ));
    assert!(instance.get_func("no_such_export").is_none());
    assert!(instance
        .get_func("i32")
        .unwrap()
        .typed::<i32, i32>()
        .is_ok());
}

#[test]
fn nan_payloads_survive_calls() {
    let engine = Engine::default();
    let instance = instantiate(&engine, ARITH);
    let f32bits = instance.get_typed_func::<f32, i32>("f32bits").unwrap();
    let f64bits = instance.get_typed_func::<f64, i64>("f64bits").unwrap();
    let mkf32 = instance.get_typed_func::<i32, f32>("mkf32").unwrap();
    let mkf64 = instance.get_typed_func::<i64, f64>("mkf64").unwrap();

    // Quiet and signalling NaNs with payloads, both signs.
    for bits in [
        0x7fc0_0000u32,
        0x7fa0_0001,
        0x7f80_0001,
        0xffc1_2345,
        0xff80_0003,
    ] {
        assert_eq!(f32bits.call(f32::from_bits(bits)).unwrap() as u32, bits);
        assert_eq!(mkf32.call(bits as i32).unwrap().to_bits(), bits);
        let r = instance
            .get_func("f32bits")
            .unwrap()
            .call(&[Val::F32(bits)])
            .unwrap();
        assert_eq!(r[0].i32(), Some(bits as i32));
        let r = instance
            .get_func("mkf32")
            .unwrap()
            .call(&[Val::I32(bits as i32)])
            .unwrap();
        assert!(matches!(r[0], Val::F32(b) if b == bits), "{r:?}");
    }
    for bits in [
        0x7ff8_0000_0000_0000u64,
        0x7ff4_0000_0000_0001,
        0x7ff0_0000_0000_0001,
        0xfff8_dead_beef_0001,
    ] {
        assert_eq!(f64bits.call(f64::from_bits(bits)).unwrap() as u64, bits);
        assert_eq!(mkf64.call(bits as i64).unwrap().to_bits(), bits);
        let r = instance
            .get_func("mkf64")
            .unwrap()
            .call(&[Val::I64(bits as i64)])
            .unwrap();
        assert!(matches!(r[0], Val::F64(b) if b == bits), "{r:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Host functions
// ---------------------------------------------------------------------------------------

#[test]
fn host_functions_with_various_signatures() {
    let engine = Engine::default();
    let calls = Arc::new(AtomicU32::new(0));
    let mut linker = Linker::new(&engine);
    let c = calls.clone();
    linker
        .func_wrap("host", "tick", move || {
            c.fetch_add(1, Ordering::SeqCst);
        })
        .func_wrap("host", "neg", |x: i32| -x)
        .func_wrap("host", "mul64", |a: i64, b: i64| a.wrapping_mul(b))
        .func_wrap("host", "half32", |x: f32| x / 2.0)
        .func_wrap("host", "cube64", |x: f64| x * x * x)
        .func_wrap(
            "host",
            "mix",
            |a: i32, b: i64, c: f32, d: f64, e: i32, f: i64| {
                a as f64
                    + b as f64 * 10.0
                    + c as f64 * 100.0
                    + d * 1000.0
                    + e as f64 * 1e4
                    + f as f64 * 1e5
            },
        )
        .func_wrap("host", "pair", |a: i32, b: f64| (b, a as i64 * 2))
        .func_new(
            "host",
            "dyn",
            FuncType::new(
                [ValType::I64, ValType::F32],
                [ValType::F32, ValType::I64, ValType::I32],
            ),
            |args, results| {
                let a = args[0].i64().unwrap();
                let b = args[1].f32().unwrap();
                results[0] = Val::from_f32(b * 2.0);
                results[1] = Val::I64(a + 1);
                results[2] = Val::I32(args.len() as i32);
                Ok(())
            },
        );
    let module = Module::new(
        &engine,
        r#"(module
             (import "host" "tick" (func $tick))
             (import "host" "neg" (func $neg (param i32) (result i32)))
             (import "host" "mul64" (func $mul64 (param i64 i64) (result i64)))
             (import "host" "half32" (func $half32 (param f32) (result f32)))
             (import "host" "cube64" (func $cube64 (param f64) (result f64)))
             (import "host" "mix" (func $mix (param i32 i64 f32 f64 i32 i64) (result f64)))
             (import "host" "pair" (func $pair (param i32 f64) (result f64 i64)))
             (import "host" "dyn" (func $dyn (param i64 f32) (result f32 i64 i32)))
             (func (export "tick3") call $tick call $tick call $tick)
             (func (export "neg") (param i32) (result i32)
               local.get 0 call $neg i32.const 1 i32.add)
             (func (export "mul64") (param i64) (result i64)
               local.get 0 i64.const 3 call $mul64)
             (func (export "half32") (param f32) (result f32) local.get 0 call $half32)
             (func (export "cube64") (param f64) (result f64) local.get 0 call $cube64)
             (func (export "mix") (result f64)
               i32.const 1 i64.const 2 f32.const 3 f64.const 4 i32.const 5 i64.const 6
               call $mix)
             (func (export "pair") (param i32) (result i64)
               (local $l i64)
               local.get 0 f64.const 0.5 call $pair
               ;; stack: f64 i64
               local.set $l drop local.get $l)
             (func (export "dyn") (result i32)
               (local $a f32) (local $b i64) (local $c i32)
               i64.const 41 f32.const 1.25 call $dyn
               local.set $c local.set $b local.set $a
               ;; 2.5 * 1000 + 42 + 2 = 2544
               local.get $a f32.const 1000 f32.mul i32.trunc_f32_s
               local.get $b i32.wrap_i64 i32.add
               local.get $c i32.add))"#,
    )
    .unwrap();
    let instance = linker.instantiate(&module).unwrap();

    instance
        .get_typed_func::<(), ()>("tick3")
        .unwrap()
        .call(())
        .unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert_eq!(
        instance
            .get_typed_func::<i32, i32>("neg")
            .unwrap()
            .call(10)
            .unwrap(),
        -9
    );
    assert_eq!(
        instance
            .get_typed_func::<i64, i64>("mul64")
            .unwrap()
            .call(1 << 40)
            .unwrap(),
        3 << 40
    );
    assert_eq!(
        instance
            .get_typed_func::<f32, f32>("half32")
            .unwrap()
            .call(5.0)
            .unwrap(),
        2.5
    );
    assert_eq!(
        instance
            .get_typed_func::<f64, f64>("cube64")
            .unwrap()
            .call(-3.0)
            .unwrap(),
        -27.0
    );
    assert_eq!(
        instance
            .get_typed_func::<(), f64>("mix")
            .unwrap()
            .call(())
            .unwrap(),
        654321.0
    );
    assert_eq!(
        instance
            .get_typed_func::<i32, i64>("pair")
            .unwrap()
            .call(9)
            .unwrap(),
        18
    );
    assert_eq!(
        instance
            .get_typed_func::<(), i32>("dyn")
            .unwrap()
            .call(())
            .unwrap(),
        2544
    );
}

#[test]
fn host_function_multi_value_results_reach_wasm() {
    let engine = Engine::default();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "pair", |a: i32, b: f64| (b * 2.0, a as i64 * 3));
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (import "host" "pair" (func $pair (param i32 f64) (result f64 i64)))
                     (func (export "run") (param i32 f64) (result i64 f64)
                       (local $d f64) (local $l i64)
                       local.get 0 local.get 1 call $pair
                       local.set $l local.set $d
                       local.get $l local.get $d))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let run = instance
        .get_typed_func::<(i32, f64), (i64, f64)>("run")
        .unwrap();
    assert_eq!(run.call((7, 1.25)).unwrap(), (21, 2.5));
}

#[test]
fn host_functions_can_be_called_directly_from_the_host() {
    let engine = Engine::default();
    let f = Func::wrap(&engine, |a: i32, b: i64| a as i64 + b);
    assert_eq!(
        f.ty(),
        FuncType::new([ValType::I32, ValType::I64], [ValType::I64])
    );
    assert_eq!(
        f.call(&[Val::I32(2), Val::I64(40)]).unwrap()[0].i64(),
        Some(42)
    );
    assert_eq!(
        f.typed::<(i32, i64), i64>().unwrap().call((-1, 1)).unwrap(),
        0
    );
    assert!(f.typed::<(i32, i32), i64>().is_err());
    assert!(f.call(&[Val::I32(2)]).is_err());

    let g = Func::new(&engine, FuncType::new([], [ValType::F32]), |_, r| {
        r[0] = Val::F32(0x7fa0_0001);
        Ok(())
    });
    assert!(matches!(g.call(&[]).unwrap()[0], Val::F32(0x7fa0_0001)));
}

#[test]
fn host_functions_preserve_nan_bits_both_ways() {
    let engine = Engine::default();
    let seen32 = Arc::new(AtomicU32::new(0));
    let seen64 = Arc::new(std::sync::Mutex::new(0u64));
    let mut linker = Linker::new(&engine);
    let s32 = seen32.clone();
    let s64 = seen64.clone();
    linker
        .func_wrap("host", "id32", move |x: f32| {
            s32.store(x.to_bits(), Ordering::SeqCst);
            x
        })
        .func_wrap("host", "id64", move |x: f64| {
            *s64.lock().unwrap() = x.to_bits();
            x
        })
        .func_wrap("host", "snan32", || f32::from_bits(0xff80_0042))
        .func_new(
            "host",
            "snan64",
            FuncType::new([], [ValType::F64]),
            |_, r| {
                r[0] = Val::F64(0x7ff0_0000_0000_0099);
                Ok(())
            },
        );
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (import "host" "id32" (func $id32 (param f32) (result f32)))
                     (import "host" "id64" (func $id64 (param f64) (result f64)))
                     (import "host" "snan32" (func $snan32 (result f32)))
                     (import "host" "snan64" (func $snan64 (result f64)))
                     (func (export "rt32") (param i32) (result i32)
                       local.get 0 f32.reinterpret_i32 call $id32 i32.reinterpret_f32)
                     (func (export "rt64") (param i64) (result i64)
                       local.get 0 f64.reinterpret_i64 call $id64 i64.reinterpret_f64)
                     (func (export "const32") (result i32)
                       f32.const nan:0x200001 call $id32 i32.reinterpret_f32)
                     (func (export "get_snan32") (result i32) call $snan32 i32.reinterpret_f32)
                     (func (export "get_snan64") (result i64) call $snan64 i64.reinterpret_f64))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let rt32 = instance.get_typed_func::<i32, i32>("rt32").unwrap();
    for bits in [0x7fc0_0000u32, 0x7f80_0001, 0xffbf_ffff, 0x7fa0_5a5a] {
        assert_eq!(rt32.call(bits as i32).unwrap() as u32, bits);
        assert_eq!(seen32.load(Ordering::SeqCst), bits);
    }
    let rt64 = instance.get_typed_func::<i64, i64>("rt64").unwrap();
    for bits in [
        0x7ff0_0000_0000_0001u64,
        0xfff7_ffff_ffff_ffff,
        0x7ff8_1234_5678_9abc,
    ] {
        assert_eq!(rt64.call(bits as i64).unwrap() as u64, bits);
        assert_eq!(*seen64.lock().unwrap(), bits);
    }
    assert_eq!(
        instance
            .get_typed_func::<(), i32>("const32")
            .unwrap()
            .call(())
            .unwrap() as u32,
        0x7fa0_0001
    );
    assert_eq!(seen32.load(Ordering::SeqCst), 0x7fa0_0001);
    assert_eq!(
        instance
            .get_typed_func::<(), i32>("get_snan32")
            .unwrap()
            .call(())
            .unwrap() as u32,
        0xff80_0042
    );
    assert_eq!(
        instance
            .get_typed_func::<(), i64>("get_snan64")
            .unwrap()
            .call(())
            .unwrap() as u64,
        0x7ff0_0000_0000_0099
    );
}

#[test]
fn host_function_returning_a_wrong_typed_result_traps() {
    let engine = Engine::default();
    let mut linker = Linker::new(&engine);
    linker.func_new("host", "bad", FuncType::new([], [ValType::I32]), |_, r| {
        r[0] = Val::I64(1);
        Ok(())
    });
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module (import "host" "bad" (func $bad (result i32)))
                     (func (export "run") (result i32) call $bad)
                     (func (export "ok") (result i32) i32.const 5))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let err = instance.get_func("run").unwrap().call(&[]).unwrap_err();
    assert!(
        matches!(err, Error::Trap(ref t) if t.kind() == kestrel::TrapKind::Host),
        "{err:?}"
    );
    assert_eq!(
        instance
            .get_typed_func::<(), i32>("ok")
            .unwrap()
            .call(())
            .unwrap(),
        5
    );
}

// ---------------------------------------------------------------------------------------
// Globals
// ---------------------------------------------------------------------------------------

#[test]
fn imported_mutable_global_is_shared_with_the_host() {
    let engine = Engine::default();
    let counter = Global::new(&engine, GlobalType::new(ValType::I32, true), Val::I32(10)).unwrap();
    let scale = Global::new(
        &engine,
        GlobalType::new(ValType::F64, true),
        Val::from_f64(1.5),
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("env", "counter", counter.clone());
    linker.define("env", "scale", scale.clone());
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (import "env" "counter" (global $c (mut i32)))
                     (import "env" "scale" (global $s (mut f64)))
                     (func (export "bump") (param i32) (result i32)
                       global.get $c local.get 0 i32.add global.set $c global.get $c)
                     (func (export "get") (result i32) global.get $c)
                     (func (export "scale") (param f64) (result f64)
                       global.get $s local.get 0 f64.mul global.set $s global.get $s))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let bump = instance.get_typed_func::<i32, i32>("bump").unwrap();
    let get = instance.get_typed_func::<(), i32>("get").unwrap();
    assert_eq!(bump.call(5).unwrap(), 15);
    assert_eq!(counter.get().i32(), Some(15));
    counter.set(Val::I32(-100)).unwrap();
    assert_eq!(get.call(()).unwrap(), -100);
    assert_eq!(bump.call(1).unwrap(), -99);
    assert_eq!(counter.get().i32(), Some(-99));

    let scale_fn = instance.get_typed_func::<f64, f64>("scale").unwrap();
    assert_eq!(scale_fn.call(4.0).unwrap(), 6.0);
    assert_eq!(scale.get().f64(), Some(6.0));

    assert!(counter.set(Val::I64(1)).is_err(), "wrong type accepted");
    assert_eq!(counter.get().i32(), Some(-99));
    assert_eq!(counter.ty(), GlobalType::new(ValType::I32, true));
}

#[test]
fn exported_globals_get_and_set() {
    let engine = Engine::default();
    let instance = instantiate(
        &engine,
        r#"(module
             (global (export "answer") i32 (i32.const 42))
             (global (export "big") i64 (i64.const -9000000000))
             (global (export "pi") f32 (f32.const 3.25))
             (global (export "e") f64 (f64.const 2.5))
             (global $m (export "mut") (mut i64) (i64.const 1))
             (func (export "read_mut") (result i64) global.get $m)
             (func (export "write_mut") (param i64) local.get 0 global.set $m))"#,
    );
    let answer = instance.get_global("answer").unwrap();
    assert_eq!(answer.get().i32(), Some(42));
    assert_eq!(answer.ty(), GlobalType::new(ValType::I32, false));
    assert!(matches!(answer.set(Val::I32(1)), Err(Error::Usage(_))));
    assert_eq!(answer.get().i32(), Some(42));
    assert_eq!(
        instance.get_global("big").unwrap().get().i64(),
        Some(-9_000_000_000)
    );
    assert_eq!(instance.get_global("pi").unwrap().get().f32(), Some(3.25));
    assert_eq!(instance.get_global("e").unwrap().get().f64(), Some(2.5));

    let m = instance.get_global("mut").unwrap();
    assert_eq!(m.get().i64(), Some(1));
    m.set(Val::I64(77)).unwrap();
    assert_eq!(
        instance
            .get_typed_func::<(), i64>("read_mut")
            .unwrap()
            .call(())
            .unwrap(),
        77
    );
    instance
        .get_typed_func::<i64, ()>("write_mut")
        .unwrap()
        .call(-5)
        .unwrap();
    assert_eq!(m.get().i64(), Some(-5));
    // A second handle to the same export sees the same cell.
    assert_eq!(instance.get_global("mut").unwrap().get().i64(), Some(-5));
    assert!(instance.get_global("read_mut").is_none());
}

#[test]
fn host_global_creation_checks_types() {
    let engine = Engine::default();
    assert!(Global::new(&engine, GlobalType::new(ValType::I32, false), Val::I64(0)).is_err());
    let g = Global::new(&engine, GlobalType::new(ValType::I64, false), Val::I64(3)).unwrap();
    assert!(g.set(Val::I64(4)).is_err());
    assert_eq!(g.get().i64(), Some(3));

    // An immutable host global can be imported as immutable but not as mutable.
    let mut linker = Linker::new(&engine);
    linker.define("env", "g", g);
    let ok = Module::new(
        &engine,
        r#"(module (import "env" "g" (global $g i64))
             (func (export "get") (result i64) global.get $g))"#,
    )
    .unwrap();
    let instance = linker.instantiate(&ok).unwrap();
    assert_eq!(
        instance
            .get_typed_func::<(), i64>("get")
            .unwrap()
            .call(())
            .unwrap(),
        3
    );
    let bad = Module::new(&engine, r#"(module (import "env" "g" (global (mut i64))))"#).unwrap();
    assert!(matches!(linker.instantiate(&bad), Err(Error::Link(_))));
}

// ---------------------------------------------------------------------------------------
// Memories
// ---------------------------------------------------------------------------------------

const MEM: &str = r#"
    (module
      (memory (export "mem") 1 4)
      (data (i32.const 8) "hello")
      (func (export "load") (param i32) (result i32) local.get 0 i32.load)
      (func (export "store") (param i32 i32) local.get 0 local.get 1 i32.store)
      (func (export "size") (result i32) memory.size)
      (func (export "grow") (param i32) (result i32) local.get 0 memory.grow))
"#;

#[test]
fn exported_memory_read_and_write_from_the_host() {
    let engine = Engine::default();
    let instance = instantiate(&engine, MEM);
    let mem = instance.get_memory("mem").unwrap();
    assert_eq!(mem.ty(), MemoryType::new(1, Some(4)));
    assert_eq!(mem.size(), 1);
    assert_eq!(mem.data_size(), PAGE_SIZE);

    let mut buf = [0u8; 5];
    mem.read(8, &mut buf).unwrap();
    assert_eq!(&buf, b"hello");

    mem.write(100, &0xdead_beefu32.to_le_bytes()).unwrap();
    let load = instance.get_typed_func::<i32, i32>("load").unwrap();
    assert_eq!(load.call(100).unwrap() as u32, 0xdead_beef);

    instance
        .get_typed_func::<(i32, i32), ()>("store")
        .unwrap()
        .call((PAGE_SIZE as i32 - 4, 0x0102_0304))
        .unwrap();
    let mut word = [0u8; 4];
    mem.read(PAGE_SIZE - 4, &mut word).unwrap();
    assert_eq!(word, [4, 3, 2, 1]);
    // SAFETY: the memory is alive (we hold `mem`) and nothing else runs concurrently.
    let direct = unsafe { *mem.data_ptr().add(PAGE_SIZE - 1) };
    assert_eq!(direct, 1);

    // Host accesses are bounds-checked against the current size.
    assert!(mem.read(PAGE_SIZE - 3, &mut word).is_err());
    assert!(mem.write(PAGE_SIZE, &[1]).is_err());
    assert!(mem.read(usize::MAX, &mut word).is_err());
    assert!(mem.read(PAGE_SIZE, &mut []).is_ok());
}

#[test]
fn memory_grow_from_the_host_is_visible_to_wasm() {
    let engine = Engine::default();
    let instance = instantiate(&engine, MEM);
    let mem = instance.get_memory("mem").unwrap();
    let size = instance.get_typed_func::<(), i32>("size").unwrap();
    let load = instance.get_typed_func::<i32, i32>("load").unwrap();
    let store = instance.get_typed_func::<(i32, i32), ()>("store").unwrap();

    assert!(load.call(PAGE_SIZE as i32).is_err());
    assert_eq!(mem.grow(2).unwrap(), 1);
    assert_eq!(mem.size(), 3);
    assert_eq!(size.call(()).unwrap(), 3);
    // New pages are zeroed and accessible from wasm and from the host.
    assert_eq!(load.call(2 * PAGE_SIZE as i32 + 12).unwrap(), 0);
    store.call((3 * PAGE_SIZE as i32 - 4, 99)).unwrap();
    let mut word = [0u8; 4];
    mem.read(3 * PAGE_SIZE - 4, &mut word).unwrap();
    assert_eq!(i32::from_le_bytes(word), 99);
    // Old contents stay where they were.
    let mut buf = [0u8; 5];
    mem.read(8, &mut buf).unwrap();
    assert_eq!(&buf, b"hello");

    // Past the maximum of 4 pages: an error, and nothing changes.
    assert!(mem.grow(2).is_err());
    assert_eq!(mem.size(), 3);
    assert_eq!(mem.grow(0).unwrap(), 3);
    assert_eq!(mem.grow(1).unwrap(), 3);
    assert_eq!(size.call(()).unwrap(), 4);
    assert!(load.call(4 * PAGE_SIZE as i32).is_err());
}

#[test]
fn memory_grow_from_wasm_is_visible_to_the_host() {
    let engine = Engine::default();
    let instance = instantiate(&engine, MEM);
    let mem = instance.get_memory("mem").unwrap();
    let grow = instance.get_typed_func::<i32, i32>("grow").unwrap();
    let store = instance.get_typed_func::<(i32, i32), ()>("store").unwrap();

    assert_eq!(grow.call(1).unwrap(), 1);
    assert_eq!(mem.size(), 2);
    assert_eq!(mem.data_size(), 2 * PAGE_SIZE);
    store.call((PAGE_SIZE as i32 + 4, 0x5566_7788)).unwrap();
    let mut word = [0u8; 4];
    mem.read(PAGE_SIZE + 4, &mut word).unwrap();
    assert_eq!(u32::from_le_bytes(word), 0x5566_7788);

    assert_eq!(
        grow.call(3).unwrap(),
        -1,
        "growing past the maximum must fail"
    );
    assert_eq!(mem.size(), 2);
    assert_eq!(grow.call(2).unwrap(), 2);
    assert_eq!(mem.size(), 4);
    assert_eq!(grow.call(0).unwrap(), 4);
    assert_eq!(grow.call(-1).unwrap(), -1);
    mem.write(4 * PAGE_SIZE - 1, &[7]).unwrap();
}

#[test]
fn host_created_memory_is_imported() {
    let engine = Engine::default();
    let mem = Memory::new(&engine, MemoryType::new(2, Some(3))).unwrap();
    mem.write(PAGE_SIZE + 16, b"from host").unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("env", "mem", mem.clone());
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module (import "env" "mem" (memory 1))
                     (data (i32.const 0) "from wasm")
                     (func (export "load8") (param i32) (result i32) local.get 0 i32.load8_u)
                     (func (export "grow") (result i32) i32.const 1 memory.grow))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let mut buf = [0u8; 9];
    mem.read(0, &mut buf).unwrap();
    assert_eq!(&buf, b"from wasm");
    let load8 = instance.get_typed_func::<i32, i32>("load8").unwrap();
    assert_eq!(load8.call(PAGE_SIZE as i32 + 16).unwrap(), b'f' as i32);
    assert_eq!(
        instance
            .get_typed_func::<(), i32>("grow")
            .unwrap()
            .call(())
            .unwrap(),
        2
    );
    assert_eq!(mem.size(), 3);
    assert_eq!(
        instance
            .get_typed_func::<(), i32>("grow")
            .unwrap()
            .call(())
            .unwrap(),
        -1
    );
    assert!(
        instance.get_memory("mem").is_none(),
        "the module does not re-export it"
    );
}

// ---------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------

#[test]
fn exported_table_size_get_and_set() {
    let engine = Engine::default();
    let instance = instantiate(
        &engine,
        r#"(module
             (type $t (func (result i32)))
             (table (export "tab") 4 10 funcref)
             (elem (i32.const 1) $one $two)
             (func $one (result i32) i32.const 1)
             (func $two (export "two") (result i32) i32.const 2)
             (func (export "call") (param i32) (result i32)
               local.get 0 call_indirect (type $t)))"#,
    );
    let table = instance.get_table("tab").unwrap();
    assert_eq!(table.size(), 4);
    assert_eq!(table.ty(), TableType::new(ValType::FUNCREF, 4, Some(10)));
    assert!(matches!(table.get(0), Some(Val::FuncRef(None))));
    assert!(table.get(4).is_none());
    assert!(table.get(u32::MAX).is_none());

    let one = match table.get(1) {
        Some(Val::FuncRef(Some(f))) => f,
        other => panic!("expected a function at index 1, got {other:?}"),
    };
    assert_eq!(one.call(&[]).unwrap()[0].i32(), Some(1));
    let two = match table.get(2) {
        Some(Val::FuncRef(Some(f))) => f,
        other => panic!("expected a function at index 2, got {other:?}"),
    };
    assert!(Func::same(&two, &instance.get_func("two").unwrap()));
    assert_eq!(two.typed::<(), i32>().unwrap().call(()).unwrap(), 2);

    // Host writes: a host function into slot 0, then wasm calls it indirectly.
    let call = instance.get_typed_func::<i32, i32>("call").unwrap();
    let host = Func::wrap(&engine, || 40);
    table.set(0, Val::FuncRef(Some(host))).unwrap();
    assert_eq!(call.call(0).unwrap(), 40);
    assert_eq!(call.call(2).unwrap(), 2);
    table.set(2, Val::FuncRef(None)).unwrap();
    assert!(call.call(2).is_err());
    assert!(table.set(4, Val::FuncRef(None)).is_err());
    assert!(table.set(0, Val::I32(0)).is_err());

    // Growing from the host is seen by call_indirect.
    assert!(call.call(6).is_err());
    let f = Func::wrap(&engine, || 77);
    assert_eq!(table.grow(3, Val::FuncRef(Some(f))).unwrap(), 4);
    assert_eq!(table.size(), 7);
    assert_eq!(call.call(6).unwrap(), 77);
    assert_eq!(call.call(4).unwrap(), 77);
    assert!(table.grow(4, Val::FuncRef(None)).is_err(), "maximum is 10");
}

#[test]
fn host_created_table_is_imported() {
    let engine = Engine::default();
    let table = Table::new(
        &engine,
        TableType::new(ValType::FUNCREF, 2, None),
        Val::FuncRef(Some(Func::wrap(&engine, |x: i32| x + 1000))),
    )
    .unwrap();
    assert!(Table::new(
        &engine,
        TableType::new(ValType::FUNCREF, 1, None),
        Val::I32(0)
    )
    .is_err());
    let mut linker = Linker::new(&engine);
    linker.define("env", "tab", table.clone());
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (type $t (func (param i32) (result i32)))
                     (import "env" "tab" (table 2 funcref))
                     (elem (i32.const 1) $dbl)
                     (func $dbl (param i32) (result i32) local.get 0 i32.const 2 i32.mul)
                     (func (export "call") (param i32 i32) (result i32)
                       local.get 1 local.get 0 call_indirect (type $t)))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let call = instance.get_typed_func::<(i32, i32), i32>("call").unwrap();
    assert_eq!(call.call((0, 5)).unwrap(), 1005);
    assert_eq!(call.call((1, 5)).unwrap(), 10);
    // The elem segment wrote the module's function into the host's table.
    let f = match table.get(1) {
        Some(Val::FuncRef(Some(f))) => f,
        other => panic!("{other:?}"),
    };
    assert_eq!(f.typed::<i32, i32>().unwrap().call(21).unwrap(), 42);
}

// ---------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------

#[test]
fn instance_exports_listing() {
    let engine = Engine::default();
    let instance = instantiate(
        &engine,
        r#"(module
             (func $f (export "f1") (result i32) i32.const 1)
             (memory (export "memory") 1)
             (export "f1_again" (func $f))
             (table (export "table") 2 funcref)
             (global (export "global") (mut i32) (i32.const 3))
             (func (export "f2")))"#,
    );
    let exports = instance.exports();
    let summary: Vec<(&str, &str)> = exports
        .iter()
        .map(|(n, e)| (n.as_str(), e.kind_name()))
        .collect();
    assert_eq!(
        summary,
        [
            ("f1", "function"),
            ("memory", "memory"),
            ("f1_again", "function"),
            ("table", "table"),
            ("global", "global"),
            ("f2", "function"),
        ]
    );
    // Two export names of one function are the same function.
    let f1 = exports[0].1.clone().into_func().unwrap();
    let again = exports[2].1.clone().into_func().unwrap();
    assert!(Func::same(&f1, &again));
    assert!(!Func::same(&f1, &instance.get_func("f2").unwrap()));
    assert!(matches!(
        instance.get_export("memory"),
        Some(Extern::Memory(_))
    ));
    assert!(instance.get_export("nope").is_none());
    assert!(instance.get_memory("table").is_none());
    assert!(instance.get_table("table").is_some());
    assert!(Module::same(instance.module(), instance.module()));

    // Handles to exports keep the instance alive after the instance handle is gone.
    let mem = instance.get_memory("memory").unwrap();
    let f1 = f1.typed::<(), i32>().unwrap();
    drop(exports);
    drop(instance);
    assert_eq!(f1.call(()).unwrap(), 1);
    mem.write(0, &[1, 2, 3]).unwrap();
}

#[test]
fn host_trap_from_dynamic_host_function_has_its_message() {
    let engine = Engine::default();
    let mut linker = Linker::new(&engine);
    linker.func_new(
        "host",
        "fail",
        FuncType::new([ValType::I32], []),
        |args, _| {
            Err(Trap::host(format!(
                "failed with {}",
                args[0].i32().unwrap()
            )))
        },
    );
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module (import "host" "fail" (func $fail (param i32)))
                     (func (export "run") i32.const 17 call $fail))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let trap = instance
        .get_typed_func::<(), ()>("run")
        .unwrap()
        .call(())
        .unwrap_err();
    assert_eq!(trap.message(), "failed with 17");
    assert_eq!(trap.to_string(), "failed with 17");
}

#[test]
fn code_regions_cover_every_function_and_instrumented_versions_appear_when_needed() {
    use kestrel::CodeRegionKind;
    let wat =
        r#"(module (import "m" "f" (func)) (func) (func (param i32) (result i32) local.get 0))"#;
    for debug in [false, true] {
        let mut config = Config::new();
        config.debug_instrumentation(debug);
        let module = Module::new(&Engine::new(&config), wat).unwrap();
        let regions = module.code_regions();
        for pair in regions.windows(2) {
            assert!(pair[0].range.end <= pair[1].range.start, "{regions:?}");
        }
        assert!(regions.iter().all(|r| r.range.end <= module.code().len()));
        // Instrumented versions exist once an instance needs them.
        if debug {
            assert!(module.instrumented_code_regions().is_empty());
            let mut linker = Linker::new(module.engine());
            linker.func_new("m", "f", FuncType::new([], []), |_, _| Ok(()));
            let instance = linker.instantiate(&module).unwrap();
            instance
                .debugger()
                .unwrap()
                .set_entry_breakpoint(1)
                .unwrap();
            instance
                .debugger()
                .unwrap()
                .set_entry_breakpoint(2)
                .unwrap();
        }
        let instrumented_regions = module.instrumented_code_regions();
        for pair in instrumented_regions.windows(2) {
            assert!(
                pair[0].range.end <= pair[1].range.start,
                "{instrumented_regions:?}"
            );
        }
        assert!(instrumented_regions
            .iter()
            .all(|r| r.range.start >= module.code().len() && !module.code_bytes(r).is_empty()));
        let count = |kind: CodeRegionKind| regions.iter().filter(|r| r.kind == kind).count();
        let instrumented_count = |kind: CodeRegionKind| {
            instrumented_regions
                .iter()
                .filter(|r| r.kind == kind)
                .count()
        };
        for index in 1..3 {
            assert_eq!(count(CodeRegionKind::Function { index }), 1);
            let instrumented = CodeRegionKind::InstrumentedFunction { index };
            assert_eq!(count(instrumented), 0);
            assert_eq!(instrumented_count(instrumented), usize::from(debug));
        }
        // One copy of the stubs per compilation of instrumented versions (two here).
        assert_eq!(
            instrumented_count(CodeRegionKind::Stubs),
            if debug { 2 } else { 0 }
        );
        assert_eq!(
            count(CodeRegionKind::Function { index: 0 }),
            0,
            "imports have no code"
        );
        assert_eq!(count(CodeRegionKind::Stubs), 1);
    }
}
