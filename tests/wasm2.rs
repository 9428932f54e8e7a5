//! WebAssembly 2.0 (the default feature set) through the embedding API: multi-value
//! blocks, branches, loops and calls; signatures wider than the argument registers in
//! both directions (wasm to wasm, host to wasm, wasm to host); and 2.0 instructions the
//! compiler does not implement yet reported as `Error::Unsupported` rather than a panic.

use kestrel::{Engine, Error, FuncType, Linker, Module, Val, ValType};

fn instantiate(engine: &Engine, wat: &str) -> kestrel::Instance {
    let module = Module::new(engine, wat).expect("module compiles");
    Linker::new(engine)
        .instantiate(&module)
        .expect("module instantiates")
}

#[test]
fn multi_value_blocks_branches_and_calls() {
    let engine = Engine::default();
    let instance = instantiate(
        &engine,
        r#"(module
             (func $pair (param i32) (result i32 i64 f64)
               local.get 0
               local.get 0 i64.extend_i32_s i64.const 1000 i64.mul
               local.get 0 f64.convert_i32_s f64.const 0.5 f64.mul)
             ;; Block with params and several results.
             (func (export "block") (param i32 i32) (result i32 i32)
               local.get 0 local.get 1
               block (param i32 i32) (result i32 i32)
                 i32.add
                 local.get 0
               end)
             ;; br_if carrying two values out of a block.
             (func (export "br_if") (param i32) (result i32 i64)
               block (result i32 i64)
                 i32.const 1 i64.const 2
                 local.get 0 br_if 0
                 drop drop
                 i32.const 3 i64.const 4
               end)
             ;; A loop with a parameter: sums n..1.
             (func (export "loop") (param i32) (result i32)
               i32.const 0
               local.get 0
               loop (param i32 i32) (result i32)
                 ;; stack: acc n
                 local.tee 0 i32.add
                 local.get 0 i32.const 1 i32.sub
                 local.tee 0
                 local.get 0 i32.const 0 i32.gt_s
                 br_if 0
                 drop
               end)
             ;; if/else with params and results.
             (func (export "if") (param i32 i32 i32) (result i32 i32)
               local.get 1 local.get 2
               local.get 0
               if (param i32 i32) (result i32 i32)
                 i32.sub i32.const 1
               else
                 i32.mul i32.const 2
               end)
             ;; Using multiple results of a call in the middle of an expression, with
             ;; other values live on the operand stack.
             (func (export "call_mid") (param i32) (result f64)
               (local $c f64)
               local.get 0 i32.const 7 i32.mul   ;; i32
               f64.const 1.25                     ;; i32 f64
               local.get 0 call $pair             ;; i32 f64 i32 i64 f64
               f64.const 2 f64.mul local.set $c   ;; i32 f64 i32 i64
               f64.convert_i64_s local.get $c f64.add
               local.set $c f64.convert_i32_s local.get $c f64.add
               f64.add                            ;; i32 f64
               local.set $c f64.convert_i32_s local.get $c f64.add)
             ;; Returning three values from nested blocks with an early return.
             (func (export "early") (param i32) (result i32 i64 f64)
               block
                 local.get 0 i32.eqz br_if 0
                 local.get 0 call $pair return
               end
               i32.const -1 i64.const -1 f64.const -1))"#,
    );
    let block = instance
        .get_typed_func::<(i32, i32), (i32, i32)>("block")
        .unwrap();
    assert_eq!(block.call((3, 4)).unwrap(), (7, 3));
    let br_if = instance.get_typed_func::<i32, (i32, i64)>("br_if").unwrap();
    assert_eq!(br_if.call(1).unwrap(), (1, 2));
    assert_eq!(br_if.call(0).unwrap(), (3, 4));
    let lp = instance.get_typed_func::<i32, i32>("loop").unwrap();
    assert_eq!(lp.call(10).unwrap(), 55);
    assert_eq!(lp.call(1).unwrap(), 1);
    let iff = instance
        .get_typed_func::<(i32, i32, i32), (i32, i32)>("if")
        .unwrap();
    assert_eq!(iff.call((1, 10, 3)).unwrap(), (7, 1));
    assert_eq!(iff.call((0, 10, 3)).unwrap(), (30, 2));
    let call_mid = instance.get_typed_func::<i32, f64>("call_mid").unwrap();
    // 28 + 1.25 + 4 + 4000 + 2.0 * 2
    assert_eq!(call_mid.call(4).unwrap(), 4037.25);
    let early = instance
        .get_typed_func::<i32, (i32, i64, f64)>("early")
        .unwrap();
    assert_eq!(early.call(6).unwrap(), (6, 6000, 3.0));
    assert_eq!(early.call(0).unwrap(), (-1, -1, -1.0));
}

#[test]
fn wide_signatures_in_both_directions() {
    // 20 parameters and 12 results of mixed types: more than fit in argument registers.
    let types = [ValType::I32, ValType::I64, ValType::F32, ValType::F64];
    let params: Vec<ValType> = (0..20).map(|i| types[i % 4]).collect();
    let results: Vec<ValType> = (0..12).map(|i| types[(i + 1) % 4]).collect();
    let wat_ty = |t: &ValType| t.to_string();
    let param_list: Vec<String> = params.iter().map(wat_ty).collect();
    let result_list: Vec<String> = results.iter().map(wat_ty).collect();
    // Result j is param (j * 3 + 1) % 20 converted... keep it simple: result j is the
    // first parameter of the same type at index >= j, plus j.
    let mut body = String::new();
    let mut sources = Vec::new();
    for (j, rt) in results.iter().enumerate() {
        let src = (j..20).find(|&k| params[k] == *rt).unwrap();
        sources.push(src);
        body += &format!("local.get {src} ");
        body += &match rt {
            ValType::I32 => format!("i32.const {j} i32.add "),
            ValType::I64 => format!("i64.const {j} i64.add "),
            ValType::F32 => format!("f32.const {j} f32.add "),
            _ => format!("f64.const {j} f64.add "),
        };
    }
    let sig = format!(
        "(param {}) (result {})",
        param_list.join(" "),
        result_list.join(" ")
    );
    let args: Vec<Val> = params
        .iter()
        .enumerate()
        .map(|(i, t)| match t {
            ValType::I32 => Val::I32(i as i32 * 100),
            ValType::I64 => Val::I64(i as i64 * 100_000_000_000),
            ValType::F32 => Val::from_f32(i as f32 + 0.5),
            _ => Val::from_f64(i as f64 + 0.25),
        })
        .collect();
    let expected: Vec<f64> = sources
        .iter()
        .enumerate()
        .map(|(j, &src)| match &args[src] {
            Val::I32(v) => (*v + j as i32) as f64,
            Val::I64(v) => (*v + j as i64) as f64,
            Val::F32(_) => (args[src].f32().unwrap() + j as f32) as f64,
            _ => args[src].f64().unwrap() + j as f64,
        })
        .collect();
    let as_f64 = |v: &Val| match v {
        Val::I32(x) => *x as f64,
        Val::I64(x) => *x as f64,
        Val::F32(_) => v.f32().unwrap() as f64,
        _ => v.f64().unwrap(),
    };

    let engine = Engine::default();
    // The same computation as a host function, imported and called by a wasm wrapper
    // with the same signature that forwards all its parameters.
    let srcs = sources.clone();
    let mut linker = Linker::new(&engine);
    linker.func_new(
        "host",
        "wide",
        FuncType::new(params.clone(), results.clone()),
        move |args, out| {
            for (j, &src) in srcs.iter().enumerate() {
                out[j] = match &args[src] {
                    Val::I32(v) => Val::I32(v + j as i32),
                    Val::I64(v) => Val::I64(v + j as i64),
                    Val::F32(_) => Val::from_f32(args[src].f32().unwrap() + j as f32),
                    _ => Val::from_f64(args[src].f64().unwrap() + j as f64),
                };
            }
            Ok(())
        },
    );
    let forward: String = (0..20).map(|i| format!("local.get {i} ")).collect();
    let wat = format!(
        r#"(module
             (import "host" "wide" (func $host {sig}))
             (func $wide (export "wide") {sig} {body})
             (func (export "via_host") {sig} {forward} call $host)
             (func (export "via_wasm") {sig} {forward} call $wide))"#
    );
    let module = Module::new(&engine, &wat).unwrap();
    let instance = linker.instantiate(&module).unwrap();
    for name in ["wide", "via_host", "via_wasm"] {
        let out = instance.get_func(name).unwrap().call(&args).unwrap();
        let got: Vec<f64> = out.iter().map(as_f64).collect();
        assert_eq!(got, expected, "{name}");
        let tys: Vec<ValType> = out.iter().map(Val::ty).collect();
        assert_eq!(tys, results, "{name}");
    }
}

/// WebAssembly 2.0 is the default feature set. Instructions the compiler does not implement
/// yet must be reported as `Error::Unsupported`, never a panic; those it does implement
/// must compute the right result.
#[test]
fn wasm2_instructions_compile_or_are_reported_unsupported() {
    let engine = Engine::default();
    let cases: &[(&str, i32)] = &[
        (
            "(func (export \"run\") (result i32) i32.const 7 i32.extend8_s)",
            7,
        ),
        (
            "(func (export \"run\") (result i32) f32.const 1e20 i32.trunc_sat_f32_s)",
            i32::MAX,
        ),
        (
            "(func (export \"run\") (result i32) i32.const 1 i32.const 2 i32.const 0 \
             select (result i32))",
            2,
        ),
        (
            "(table 3 funcref) (func (export \"run\") (result i32) table.size 0)",
            3,
        ),
        (
            "(table 1 funcref) (func (export \"run\") (result i32) \
             ref.null func i32.const 2 table.grow 0)",
            1,
        ),
        (
            "(table 1 funcref) (func (export \"run\") (result i32) \
             i32.const 0 table.get 0 ref.is_null)",
            1,
        ),
        (
            "(memory 1) (func (export \"run\") (result i32) \
             i32.const 0 i32.const 9 i32.const 4 memory.fill i32.const 0 i32.load8_u)",
            9,
        ),
        (
            "(memory 1) (data \"abc\") (func (export \"run\") (result i32) \
             i32.const 8 i32.const 1 i32.const 2 memory.init 0 i32.const 8 i32.load8_u)",
            'b' as i32,
        ),
        (
            "(memory 1) (data (i32.const 0) \"xyz\") (func (export \"run\") (result i32) \
             i32.const 10 i32.const 0 i32.const 3 memory.copy i32.const 12 i32.load8_u)",
            'z' as i32,
        ),
    ];
    for (body, expected) in cases {
        let wat = format!("(module {body})");
        match Module::new(&engine, &wat) {
            Ok(module) => {
                let instance = Linker::new(&engine).instantiate(&module).unwrap();
                let run = instance.get_typed_func::<(), i32>("run").unwrap();
                assert_eq!(run.call(()).unwrap(), *expected, "{wat}");
            }
            Err(Error::Unsupported(_)) => {}
            Err(e) => panic!("{wat}: {e:?}"),
        }
    }
}
