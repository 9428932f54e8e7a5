//! SIMD values inside wasm code: `v128` locals, parameters and results of calls between
//! wasm functions, block and loop values, spills, memory, and the first groups of SIMD
//! instructions (`compiler::codegen::simd`), in every code-generation configuration; calls
//! from the host and globals with vectors; the debugger reading and writing them. A host
//! function with a vector is refused with an error, never a panic.
//! Exports here return scalars computed from vectors, checked against values worked out
//! by hand.

use kestrel::{
    BoundsChecks, Config, Engine, Error, Func, FuncType, Instance, InstrumentedVersions, Linker,
    Module, Resume, TrapKind, Val, ValType,
};

const GUEST: &str = r#"
(module
  (memory (export "memory") 1)
  (type $vv (func (param v128 v128) (result v128)))
  (table 2 funcref)
  (elem (i32.const 0) $add32 $sub32)

  (func $add32 (type $vv) (i32x4.add (local.get 0) (local.get 1)))
  (func $sub32 (type $vv) (i32x4.sub (local.get 0) (local.get 1)))

  ;; Scalars and vectors interleaved in the argument area, and a vector as the second
  ;; result (the result area packs by units).
  (func $mix (param $a i32) (param $v v128) (param $b i64) (param $w v128)
             (result i32 v128 i64)
    (i32.add (local.get $a) (i32x4.extract_lane 3 (local.get $w)))
    (i32x4.add (local.get $v) (local.get $w))
    (i64.add (local.get $b) (i64x2.extract_lane 1 (local.get $v))))

  (func (export "lanes") (param $x i32) (result i32)
    (local $v v128) (local $w v128)
    (local.set $v (i32x4.splat (local.get $x)))
    (local.set $w (v128.const i32x4 1 2 3 4))
    (local.set $v (call $add32 (local.get $v) (local.get $w)))
    (v128.store offset=16 (i32.const 0) (local.get $v))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $v)) (i32x4.extract_lane 1 (local.get $v)))
      (i32.add (i32x4.extract_lane 2 (v128.load offset=16 (i32.const 0)))
               (i32x4.extract_lane 3 (local.get $v)))))

  (func (export "mixed") (result i64)
    (local $t i64)
    (call $mix (i32.const 5) (v128.const i64x2 7 9) (i64.const 100)
               (v128.const i32x4 10 20 30 40))
    ;; stack: i32, v128, i64
    i64x2.splat
    i64x2.add
    i64x2.extract_lane 0
    local.set $t
    i64.extend_i32_u
    local.get $t
    i64.add)

  ;; Eight vectors live at once: more than the xmm temporaries, so some spill.
  (func (export "spills") (result i32)
    (v128.const i32x4 1 0 0 0) (v128.const i32x4 2 0 0 0) (v128.const i32x4 3 0 0 0)
    (v128.const i32x4 4 0 0 0) (v128.const i32x4 5 0 0 0) (v128.const i32x4 6 0 0 0)
    (v128.const i32x4 7 0 0 0) (v128.const i32x4 8 0 0 0)
    i32x4.add i32x4.add i32x4.add i32x4.add i32x4.add i32x4.add i32x4.add
    (i32x4.extract_lane 0))

  ;; Vectors through block results, loop parameters, if/else, br_table and select.
  (func (export "control") (param $n i32) (result i32)
    (local $acc v128)
    (local.set $acc
      (block (result v128)
        (v128.const i32x4 0 0 0 0)
        (loop $l (param v128) (result v128)
          (i32x4.add (v128.const i32x4 1 1 1 1))
          (local.tee $n (i32.sub (local.get $n) (i32.const 1)))
          (br_if $l)
        )))
    (local.set $acc
      (if (result v128) (i32.eqz (local.get $n))
        (then (i32x4.mul (local.get $acc) (v128.const i32x4 1 2 3 4)))
        (else (v128.const i32x4 -1 -1 -1 -1))))
    (local.set $acc
      (block $b1 (result v128)
        (block $b0 (result v128)
          (local.get $acc)
          (br_table $b0 $b1 (i32.const 1)))
        (drop)
        (v128.const i32x4 -1 -1 -1 -1)))
    (i32x4.extract_lane 2
      (select (result v128) (local.get $acc) (v128.const i32x4 9 9 9 9) (i32.const 1))))

  (func (export "indirect") (param $which i32) (result i32)
    (i32x4.extract_lane 1
      (call_indirect (type $vv) (v128.const i32x4 10 20 30 40) (v128.const i32x4 1 2 3 4)
        (local.get $which))))

  (func (export "floats") (result f64)
    (f64.add
      (f64x2.extract_lane 1 (f64x2.mul (f64x2.splat (f64.const 1.5)) (v128.const f64x2 2 4)))
      (f64.promote_f32
        (f32x4.extract_lane 3
          (f32x4.replace_lane 3 (f32x4.div (f32x4.splat (f32.const 1)) (v128.const f32x4 1 2 4 8))
            (f32x4.extract_lane 2 (f32x4.sub (f32x4.splat (f32.const 1)) (v128.const f32x4 0 0 0.5 0))))))))

  (func (export "bits") (param $x i32) (result i32)
    (local $v v128)
    (local.set $v (i8x16.replace_lane 15 (i8x16.splat (local.get $x)) (i32.const -3)))
    (i32.add
      (i32.add (i8x16.extract_lane_s 15 (local.get $v)) (i8x16.extract_lane_u 15 (local.get $v)))
      (i32.add
        (i16x8.extract_lane_u 0
          (v128.andnot (i16x8.splat (i32.const 0xffff)) (i16x8.replace_lane 0 (v128.const i16x8 0 0 0 0 0 0 0 0) (i32.const 0xff))))
        (i32.add
          (v128.any_true (v128.xor (local.get $v) (local.get $v)))
          (v128.any_true (v128.not (v128.and (local.get $v) (v128.const i64x2 0 0))))))))

  (func (export "zero_locals") (result i32)
    (local i32 v128 i64 v128)
    (i32.add (v128.any_true (local.get 1)) (v128.any_true (local.get 3))))

  (func (export "load_at") (param $addr i32) (result i32)
    (i32x4.extract_lane 0 (v128.load (local.get $addr))))

  (func (export "vector_out") (result v128) (v128.const i64x2 1 2))
  ;; Vectors in and out of the host's call: first and later arguments and results.
  (func (export "vector_io") (param $a i32) (param $v v128) (param $w v128)
                             (result v128 i32 v128)
    (i32x4.add (local.get $v) (local.get $w))
    (i32.add (local.get $a) (i32x4.extract_lane 3 (local.get $w)))
    (i32x4.sub (local.get $v) (local.get $w)))
)
"#;

/// `lanes(x)`: (x+1) + (x+2) + (x+3) + (x+4).
fn lanes(x: i32) -> i32 {
    4 * x + 10
}

/// The configurations, with how a debugged instance's stops resume (`None`: not
/// debugged). Stepping stops at every instruction, so vectors live in registers pass
/// through the debug stub's save area.
fn configs() -> Vec<(&'static str, Config, Option<Resume>)> {
    let plain = || {
        let mut c = Config::new();
        c.debug_instrumentation(false);
        c
    };
    let debug = || {
        let mut c = Config::new();
        c.debug_instrumentation(true);
        c
    };
    let mut explicit = plain();
    explicit.bounds_checks(BoundsChecks::Explicit);
    let mut canaries_fuel = plain();
    canaries_fuel.convention_canaries(true).consume_fuel(true);
    let mut eager = debug();
    eager.instrumented_versions(InstrumentedVersions::Eager);
    let mut debug_canaries = debug();
    debug_canaries.convention_canaries(true).consume_fuel(true);
    vec![
        ("plain", plain(), None),
        ("explicit bounds", explicit, None),
        ("canaries and fuel", canaries_fuel, None),
        ("debug", debug(), None),
        ("debug eager", eager, None),
        ("debugged", debug(), Some(Resume::Continue)),
        ("stepped", debug(), Some(Resume::StepInto)),
        (
            "debug canaries and fuel",
            debug_canaries,
            Some(Resume::Continue),
        ),
    ]
}

/// The guest in `config`, `debugged` with a breakpoint at every function's entry (so
/// every call runs an instrumented version) whose stops resume so, and `cached` through
/// a compiled-module file.
fn instantiate(engine: &Engine, debugged: Option<Resume>, cached: bool) -> Instance {
    let mut module = Module::new(engine, GUEST).unwrap();
    if cached {
        let path = std::env::temp_dir().join(format!("kestrel-simd-{}.kwasm", std::process::id()));
        module.serialize_to_file(&path).unwrap();
        module = Module::deserialize_file(engine, &path).unwrap();
        std::fs::remove_file(&path).unwrap();
    }
    let instance = Linker::new(engine).instantiate(&module).unwrap();
    let _ = instance.set_fuel(u64::MAX / 2);
    if let Some(resume) = debugged {
        let debugger = instance.debugger().unwrap();
        for func in 0..module.num_funcs() {
            debugger.set_entry_breakpoint(func).unwrap();
        }
        debugger.set_handler(move |_, _| resume);
    }
    instance
}

fn call_i32(instance: &Instance, name: &str, args: &[Val]) -> Result<i32, Error> {
    let results = instance.get_func(name).unwrap().call(args)?;
    Ok(results[0].i32().unwrap())
}

#[test]
fn vectors_flow_through_code_in_every_configuration() {
    for (name, config, debugged) in configs() {
        let engine = Engine::new(&config);
        for cached in [false, true] {
            let what = format!("{name}{}", if cached { ", cached" } else { "" });
            let instance = instantiate(&engine, debugged, cached);
            for x in [0, 10, -7, i32::MAX] {
                assert_eq!(
                    call_i32(&instance, "lanes", &[Val::I32(x)]).unwrap(),
                    lanes(x).wrapping_add(0),
                    "{what}: lanes({x})"
                );
            }
            let mixed = instance.get_func("mixed").unwrap().call(&[]).unwrap();
            // $mix returns 5+40 = 45, (7,0,9,0)+(10,20,30,40) = i32x4 17 20 39 40, and
            // 100 + 9 = 109; the caller splats 109 to i64x2, adds the i32x4 vector as
            // i64x2 lanes (20<<32 | 17, 40<<32 | 39) and adds lane 0 to 45.
            let expected = 109i64 + ((20i64 << 32) | 17) + 45;
            assert_eq!(mixed[0].i64(), Some(expected), "{what}: mixed");
            assert_eq!(call_i32(&instance, "spills", &[]).unwrap(), 36, "{what}");
            // control(3): the loop adds 1 three times (n ends at 0), the then-branch
            // multiplies by 1 2 3 4, br_table takes $b1 with the vector: lane 2 = 9.
            assert_eq!(
                call_i32(&instance, "control", &[Val::I32(3)]).unwrap(),
                9,
                "{what}"
            );
            assert_eq!(
                call_i32(&instance, "indirect", &[Val::I32(0)]).unwrap(),
                22,
                "{what}"
            );
            assert_eq!(
                call_i32(&instance, "indirect", &[Val::I32(1)]).unwrap(),
                18,
                "{what}"
            );
            let floats = instance.get_func("floats").unwrap().call(&[]).unwrap();
            // 1.5 * 4 = 6, plus lane 3 replaced by lane 2 of (1 1 0.5 1) = 0.5.
            assert_eq!(floats[0].f64(), Some(6.5), "{what}: floats");
            // -3 (signed) + 253 (unsigned) + 0xff00 + 0 + 1.
            assert_eq!(
                call_i32(&instance, "bits", &[Val::I32(4)]).unwrap(),
                -3 + 253 + 0xff00 + 1,
                "{what}: bits"
            );
            assert_eq!(
                call_i32(&instance, "zero_locals", &[]).unwrap(),
                0,
                "{what}"
            );
            // The last 16 bytes of the page load; one byte further is out of bounds.
            assert_eq!(
                call_i32(&instance, "load_at", &[Val::I32(65536 - 16)]).unwrap(),
                0,
                "{what}"
            );
            match call_i32(&instance, "load_at", &[Val::I32(65536 - 15)]) {
                Err(Error::Trap(t)) => {
                    assert_eq!(t.kind(), TrapKind::MemoryOutOfBounds, "{what}: {t}")
                }
                other => panic!("{what}: expected an out-of-bounds trap, got {other:?}"),
            }
        }
    }
}

/// An i32x4 vector from its lanes.
fn i32x4(lanes: [u32; 4]) -> u128 {
    lanes
        .iter()
        .rev()
        .fold(0u128, |v, &lane| v << 32 | u128::from(lane))
}

#[test]
fn calls_from_the_host_take_and_return_vectors() {
    for (name, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let instance = instantiate(&engine, debugged, false);
        let out = instance.get_func("vector_out").unwrap().call(&[]).unwrap();
        assert!(
            matches!(out[..], [Val::V128(v)] if v == 1 | 2 << 64),
            "{name}: {out:?}"
        );
        let (v, w) = (i32x4([1, 2, 3, 4]), i32x4([10, 20, 30, 0xffff_fff0]));
        let results = instance
            .get_func("vector_io")
            .unwrap()
            .call(&[Val::I32(7), Val::V128(v), Val::V128(w)])
            .unwrap();
        let expected_sum = i32x4([11, 22, 33, 0xffff_fff4]);
        let expected_difference = i32x4([
            1u32.wrapping_sub(10),
            2u32.wrapping_sub(20),
            3u32.wrapping_sub(30),
            4u32.wrapping_sub(0xffff_fff0),
        ]);
        match results[..] {
            [Val::V128(sum), Val::I32(scalar), Val::V128(difference)] => {
                assert_eq!(sum, expected_sum, "{name}");
                assert_eq!(scalar, 7 + 0xffff_fff0u32 as i32, "{name}");
                assert_eq!(difference, expected_difference, "{name}");
            }
            ref other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn host_functions_and_globals_take_vectors() {
    let engine = Engine::new(&Config::new());
    // Host functions take and return vectors, called from wasm and from the host.
    let host = Func::new(
        &engine,
        FuncType::new(
            [ValType::I32, ValType::V128, ValType::V128],
            [ValType::V128, ValType::I32, ValType::V128],
        ),
        |params, results| {
            let (Val::I32(k), Val::V128(v), Val::V128(w)) = (&params[0], &params[1], &params[2])
            else {
                return Err(kestrel::Trap::host("argument types"));
            };
            results[0] = Val::V128(v ^ w);
            results[1] = Val::I32(k + 1);
            results[2] = Val::V128(v.wrapping_add(*w));
            Ok(())
        },
    );
    let direct = host
        .call(&[Val::I32(4), Val::V128(0xf0), Val::V128(0x0f)])
        .unwrap();
    assert!(
        matches!(direct[..], [Val::V128(0xff), Val::I32(5), Val::V128(0xff)]),
        "{direct:?}"
    );
    let importer = Module::new(
        &engine,
        r#"(module
          (import "h" "f" (func $f (param i32 v128 v128) (result v128 i32 v128)))
          (func (export "g") (result i32)
            (local $t v128) (local $k i32)
            (call $f (i32.const 41) (v128.const i32x4 1 2 3 4) (v128.const i32x4 1 1 1 1))
            local.set $t
            local.set $k
            i32x4.extract_lane 3
            local.get $k
            i32.add
            (i32x4.extract_lane 1 (local.get $t))
            i32.add))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("h", "f", host);
    let instance = linker.instantiate(&importer).unwrap();
    // xor lane 3: 4 ^ 1 = 5; 42; sum lane 1: 2 + 1 = 3.
    assert_eq!(call_i32(&instance, "g", &[]).unwrap(), 5 + 42 + 3);
    // Globals hold vectors: a module's, initialised by a constant and by another global,
    // and a host-made one it imports.
    let host_global = kestrel::Global::new(
        &engine,
        kestrel::GlobalType::new(ValType::V128, true),
        Val::V128(0),
    )
    .unwrap();
    let host_constant = kestrel::Global::new(
        &engine,
        kestrel::GlobalType::new(ValType::V128, false),
        Val::V128(7 << 64 | 5),
    )
    .unwrap();
    let globals = Module::new(
        &engine,
        r#"(module
          (import "h" "g" (global $h (mut v128)))
          (import "h" "c" (global $c v128))
          (global $a (export "a") (mut v128) (v128.const i32x4 1 2 3 4))
          (global $b (export "b") v128 (global.get $c))
          (func (export "bump")
            (global.set $a (i32x4.add (global.get $a) (global.get $b)))
            (global.set $h (global.get $a))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("h", "g", host_global.clone());
    linker.define("h", "c", host_constant);
    let instance = linker.instantiate(&globals).unwrap();
    instance.get_func("bump").unwrap().call(&[]).unwrap();
    let expected = i32x4([1 + 5, 2, 3 + 7, 4]);
    assert!(matches!(instance.get_global("a").unwrap().get(), Val::V128(v) if v == expected));
    assert!(matches!(host_global.get(), Val::V128(v) if v == expected));
    host_global.set(Val::V128(u128::MAX)).unwrap();
    assert!(matches!(host_global.get(), Val::V128(u128::MAX)));
}

#[test]
fn the_debugger_reads_and_writes_vectors_in_slots_and_registers() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module
          (func (export "first_lane") (param v128) (result i32)
            (i32x4.extract_lane 0 (local.get 0)))
          (func (export "sum") (result i32)
            (local v128)
            (i32x4.extract_lane 1
              (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 10 20 30 40)))))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let debugger = instance.debugger().unwrap();
    let first_lane = module.func_index("first_lane").unwrap();
    let sum = module.func_index("sum").unwrap();
    debugger.set_entry_breakpoint(first_lane).unwrap();
    debugger.set_entry_breakpoint(sum).unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = seen.clone();
    let (a, b) = (i32x4([1, 2, 3, 4]), i32x4([10, 20, 30, 40]));
    debugger.set_handler(move |_, frame| {
        let mut seen = record.lock().unwrap();
        if frame.func_index() == first_lane {
            // first_lane's parameter: read it, then change it (lane 0 becomes 99).
            seen.push(format!("param {:?}", frame.local(0).unwrap()));
            frame.set_local(0, Val::V128(i32x4([99, 0, 0, 0]))).unwrap();
            return Resume::Continue;
        }
        // sum: the zeroed local, and at some step both operands of the add in registers.
        if let Ok(Val::V128(v)) = frame.local(0) {
            if v != 0 {
                seen.push(format!("local not zero: {v:#x}"));
            }
        }
        if let [Some(Val::V128(x)), Some(Val::V128(y))] = frame.stack()[..] {
            if (x, y) == (a, b) {
                seen.push("operands".to_string());
            }
        }
        Resume::StepInto
    });
    let lane = instance
        .get_func("first_lane")
        .unwrap()
        .call(&[Val::V128(i32x4([7, 8, 9, 10]))])
        .unwrap();
    assert!(matches!(lane[..], [Val::I32(99)]), "{lane:?}");
    assert_eq!(call_i32(&instance, "sum", &[]).unwrap(), 22);
    let seen = seen.lock().unwrap();
    assert_eq!(
        seen[0],
        format!("param {:?}", Val::V128(i32x4([7, 8, 9, 10])))
    );
    assert!(seen.iter().any(|s| s == "operands"), "{seen:?}");
    assert!(
        !seen.iter().any(|s| s.starts_with("local not zero")),
        "{seen:?}"
    );
}

/// A caller's vector locals pinned to callee-saved xmm registers, read and written from
/// a stop in a callee that pins the same registers (so the caller's values are in the
/// callee's 16-byte save slots), and in the innermost frame (the stub's save area).
#[test]
fn the_debugger_reads_and_writes_pinned_vectors_of_callers() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module
          (func $inner (export "inner") (param $v v128) (result v128)
            (local $w v128)
            (local.set $w (i32x4.add (local.get $v) (local.get $v)))
            (i32x4.sub (local.get $w) (local.get $v)))
          (func (export "outer") (param $k i32) (result i32)
            (local $a v128) (local $b v128)
            (local.set $a (i32x4.splat (local.get $k)))
            (local.set $b (i32x4.add (local.get $a) (v128.const i32x4 1 2 3 4)))
            (local.set $b (call $inner (local.get $b)))
            (i32.add (i32x4.extract_lane 3 (local.get $a)) (i32x4.extract_lane 3 (local.get $b)))))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let debugger = instance.debugger().unwrap();
    let inner = module.func_index("inner").unwrap();
    debugger.set_entry_breakpoint(inner).unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = seen.clone();
    debugger.set_handler(move |_, frame| {
        let mut seen = record.lock().unwrap();
        // inner's own pinned parameter, in a register.
        seen.push(format!("inner {:?}", frame.local(0).unwrap()));
        let mut caller = frame.caller().unwrap();
        seen.push(format!("a {:?}", caller.local(1).unwrap()));
        seen.push(format!("b {:?}", caller.local(2).unwrap()));
        // Lane 3 of the caller's $a becomes 1000.
        caller
            .set_local(1, Val::V128(i32x4([6, 6, 6, 1000])))
            .unwrap();
        Resume::Continue
    });
    let out = call_i32(&instance, "outer", &[Val::I32(6)]).unwrap();
    // a lane 3 = 1000 (written); b = inner(7 8 9 10) = 7 8 9 10: 1000 + 10.
    assert_eq!(out, 1010);
    let seen = seen.lock().unwrap();
    assert_eq!(
        seen[..],
        [
            format!("inner {:?}", Val::V128(i32x4([7, 8, 9, 10]))),
            format!("a {:?}", Val::V128(i32x4([6, 6, 6, 6]))),
            format!("b {:?}", Val::V128(i32x4([7, 8, 9, 10]))),
        ]
    );
}
