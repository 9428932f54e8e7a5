// The tests of every frame of a stop (callers' locals, operand stacks, instances, host
// functions in between, stepping across them), shared by `tests/debug.rs` and
// `tests/debug_eager.rs` like `debug_cases.rs`, each run with and without the convention
// canaries (where callers keep their pinned registers in canary slots).

/// `assert_eq!` by `Debug` text (values of `Val` do not compare, as references do not).
macro_rules! assert_same {
    ($a:expr, $b:expr $(, $($message:tt)*)?) => {
        assert_eq!(format!("{:?}", $a), format!("{:?}", $b) $(, $($message)*)?)
    };
}

/// An engine for debugging, with or without the convention canaries.
fn frames_engine(canaries: bool) -> Engine {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    config.instrumented_versions(INSTRUMENTED_VERSIONS);
    config.convention_canaries(canaries);
    Engine::new(&config)
}

/// The opcode at a caller's offset: every caller is suspended at a call.
fn is_call_at(module: &Module, offset: u32) -> bool {
    let binary = module.binary().expect("debuggable modules keep their binary");
    matches!(binary.get(offset as usize), Some(0x10 | 0x11))
}

/// The module offset of the operator after the call at `offset` (a 5-byte LEB index
/// never appears in these text modules: one byte per index).
fn after_call(module: &Module, offset: u32) -> u32 {
    let binary = module.binary().unwrap();
    match binary[offset as usize] {
        0x10 => offset + 2,
        0x11 => offset + 3,
        op => panic!("no call at {offset:#x} (opcode {op:#x})"),
    }
}

/// A recursion whose frames each hold locals of every number type in registers (the
/// function is large enough to pin them) and a value under the call's arguments.
const RECURSION: &str = r#"
(module
  (func $r (export "r") (param $n i32) (param $f f64) (result i64)
    (local $x i64) (local $y f32) (local $z i32)
    (local.set $x (i64.mul (i64.extend_i32_u (local.get $n)) (i64.const 3)))
    (local.set $y (f32.convert_i32_u (local.get $n)))
    (local.set $z (i32.add (local.get $n) (i32.const 100)))
    (if (result i64) (i32.eqz (local.get $n))
      (then (local.get $x))
      (else
        (i64.add
          (i64.mul (local.get $x) (i64.extend_i32_u (local.get $z)))
          (i64.add
            (call $r (i32.sub (local.get $n) (i32.const 1))
                     (f64.mul (local.get $f) (f64.const 2)))
            (i64.add (local.get $x) (i64.extend_i32_u (local.get $z)))))))))
"#;

/// What frame `d` of a stop at the deepest call of `r(top, 1.0)` holds.
fn recursion_locals(top: i32, d: i32) -> Vec<Val> {
    let n = d;
    vec![
        Val::I32(n),
        Val::from_f64(f64::from(1 << (top - n))),
        Val::I64(3 * i64::from(n)),
        Val::from_f32(n as f32),
        Val::I32(n + 100),
    ]
}

#[test]
fn every_frame_of_a_recursion_shows_its_own_locals_and_stack() {
    for canaries in [false, true] {
        let engine = frames_engine(canaries);
        let (module, instance) = instantiate(&engine, RECURSION);
        let dbg = instance.debugger().unwrap();
        dbg.set_entry_breakpoint(0).unwrap();
        let top = 6;
        let checked = Arc::new(Mutex::new(0));
        let (c, m) = (checked.clone(), module.clone());
        dbg.set_handler(move |_, frame| {
            // Stop only at the deepest call, before its locals are set.
            if frame.local(0).unwrap().i32() != Some(0) {
                return Resume::Continue;
            }
            assert_same!(frame.frame_count(), top as usize + 1);
            for d in 1..=top {
                let caller = frame.up(d as usize).unwrap();
                assert_same!(caller.depth(), d as usize);
                assert_same!(caller.func_index(), 0);
                assert!(is_call_at(&m, caller.offset()), "frame {d}");
                let locals: Vec<Val> = caller.locals().into_iter().map(Option::unwrap).collect();
                assert_same!(locals, recursion_locals(top, d), "frame {d}");
                // Under the call's arguments: x * z.
                let x = 3 * i64::from(d);
                assert_same!(
                    caller.stack(),
                    vec![Some(Val::I64(x * i64::from(d + 100)))],
                    "frame {d}"
                );
            }
            assert!(frame.up(top as usize + 1).is_none());
            *c.lock().unwrap() += 1;
            Resume::Continue
        });
        let r = instance.get_func("r").unwrap();
        r.call(&[Val::I32(top), Val::from_f64(1.0)]).unwrap();
        assert_same!(*checked.lock().unwrap(), 1, "canaries {canaries}");
    }
}

#[test]
fn writing_a_callers_locals_takes_effect_when_it_resumes() {
    for canaries in [false, true] {
        let engine = frames_engine(canaries);
        let (_, instance) = instantiate(&engine, RECURSION);
        let dbg = instance.debugger().unwrap();
        dbg.set_entry_breakpoint(0).unwrap();
        dbg.set_handler(move |_, frame| {
            if frame.local(0).unwrap().i32() == Some(0) {
                // Frame 1 (n = 1): x and z live in registers its callee saved.
                let mut caller = frame.caller().unwrap();
                caller.set_local(2, Val::I64(10)).unwrap();
                caller.set_local(4, Val::I32(4)).unwrap();
                assert_same!(caller.local(2).unwrap(), Val::I64(10));
                assert_same!(caller.local(4).unwrap(), Val::I32(4));
            }
            Resume::Continue
        });
        let r = instance.get_func("r").unwrap();
        // r(1) = x1 * z1 + r(0) + x1 + z1: 3 * 101 (computed before the call) + 0 + 10
        // + 4 with the writes (+ 3 + 101 without them).
        let out = r.call(&[Val::I32(1), Val::from_f64(1.0)]).unwrap();
        assert_same!(out, [Val::I64(317)], "canaries {canaries}");
    }
}

/// A library instance (debugged) called from another instance, directly through an
/// import and through a table entry of the other instance.
const LIB: &str = r#"
(module
  (memory (export "mem") 1)
  (global $g (export "g") (mut i32) (i32.const 1000))
  (func $leaf (export "leaf") (param $v i32) (result i32)
    (local $w i32)
    (local.set $w (i32.add (local.get $v) (global.get $g)))
    (i32.store (i32.const 0) (local.get $w))
    (local.get $w)))
"#;

const APP: &str = r#"
(module
  (import "lib" "leaf" (func $leaf (param i32) (result i32)))
  (type $t (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $mid $leaf)
  (memory (export "mem") 1)
  (global $h (mut i32) (i32.const 7))
  (func $mid (param $a i32) (result i32)
    (local $t i32) (local $d f64)
    (local.set $t (i32.mul (local.get $a) (i32.const 2)))
    (local.set $d (f64.const 0.25))
    (i32.add (local.get $t) (call $leaf (local.get $t))))
  (func (export "top") (param $p i32) (param $which i32) (result i32)
    (local $u i64)
    (local.set $u (i64.const 77))
    (call_indirect (type $t) (local.get $p) (local.get $which))))
"#;

#[test]
fn callers_in_another_instance_are_read_in_their_own_instance() {
    for canaries in [false, true] {
        let engine = frames_engine(canaries);
        let lib_module = Module::new(&engine, LIB).unwrap();
        let lib = Linker::new(&engine).instantiate(&lib_module).unwrap();
        let app_module = Module::new(&engine, APP).unwrap();
        let mut linker = Linker::new(&engine);
        linker.instance("lib", &lib);
        let app = linker.instantiate(&app_module).unwrap();
        let dbg = lib.debugger().unwrap();
        dbg.set_entry_breakpoint(0).unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (s, lib2, app2) = (seen.clone(), lib.clone(), app.clone());
        dbg.set_handler(move |_, frame| {
            let mut frames = Vec::new();
            let count = frame.frame_count();
            for d in 0..count {
                let at = frame.up(d).unwrap();
                frames.push((
                    at.func_index(),
                    at.in_instance(&lib2),
                    at.in_instance(&app2),
                    at.locals().into_iter().map(Option::unwrap).collect::<Vec<_>>(),
                    at.global(0),
                ));
            }
            s.lock().unwrap().push(frames);
            Resume::Continue
        });
        let top = app.get_func("top").unwrap();
        // Through $mid (app's table entry 0), which calls the import.
        assert_same!(top.call(&[Val::I32(5), Val::I32(0)]).unwrap(), [Val::I32(1020)]);
        // Straight to lib's leaf through app's table entry 1 (another instance's function).
        assert_same!(top.call(&[Val::I32(5), Val::I32(1)]).unwrap(), [Val::I32(1005)]);
        let seen = seen.lock().unwrap();
        assert_same!(seen.len(), 2, "canaries {canaries}");
        let leaf = |v: i32| (0, true, false, vec![Val::I32(v), Val::I32(0)], Some(Val::I32(1000)));
        let top_frame = |which: i32| {
            (2, false, true, vec![Val::I32(5), Val::I32(which), Val::I64(77)], Some(Val::I32(7)))
        };
        assert_same!(
            seen[0],
            vec![
                leaf(10),
                (1, false, true, vec![Val::I32(5), Val::I32(10), Val::from_f64(0.25)], Some(Val::I32(7))),
                top_frame(0),
            ]
        );
        assert_same!(seen[1], vec![leaf(5), top_frame(1)]);
    }
}

/// Wasm calling a host function that calls back into wasm.
const REENTRY: &str = r#"
(module
  (import "env" "callback" (func $host (param i32) (result i32)))
  ;; Large enough to keep its locals in registers (which the host-call trampoline saves
  ;; around the host function).
  (func $outer (export "outer") (param $a i32) (result i32)
    (local $keep i32) (local $kf f64)
    (local.set $keep (i32.mul (local.get $a) (i32.const 7)))
    (local.set $kf (f64.const 1.5))
    (local.set $kf (f64.add (local.get $kf) (f64.convert_i32_s (local.get $keep))))
    (local.set $kf (f64.sub (local.get $kf) (f64.convert_i32_s (local.get $keep))))
    (i32.add
      (i32.add (local.get $keep) (call $host (local.get $a)))
      (i32.trunc_f64_s (f64.sub (local.get $kf) (f64.const 1.5)))))
  (func $inner (export "inner") (param $b i32) (result i32)
    (local $w i32)
    (local.set $w (i32.add (local.get $b) (i32.const 1)))
    (local.get $w)))
"#;

fn reentry_instance(engine: &Engine) -> (Module, Instance) {
    let module = Module::new(engine, REENTRY).unwrap();
    let mut linker = Linker::new(engine);
    linker.func_new_with_caller(
        "env",
        "callback",
        kestrel::FuncType::new([kestrel::ValType::I32], [kestrel::ValType::I32]),
        |caller, args, results| {
            let inner = caller
                .get_export("inner")
                .and_then(|e| e.into_func())
                .expect("the instance exports inner");
            let x = args[0].i32().unwrap();
            let out = inner
                .call(&[Val::I32(x + 10)])
                .map_err(|e| kestrel::Trap::host(e.to_string()))?;
            results[0] = out[0].clone();
            Ok(())
        },
    );
    let instance = linker.instantiate(&module).unwrap();
    (module, instance)
}

#[test]
fn callers_above_a_host_function_are_frames_too() {
    for canaries in [false, true] {
        let engine = frames_engine(canaries);
        let (module, instance) = reentry_instance(&engine);
        let dbg = instance.debugger().unwrap();
        // inner is function 2 (after the import).
        dbg.set_entry_breakpoint(2).unwrap();
        let m = module.clone();
        dbg.set_handler(move |_, frame| {
            assert_same!(frame.frame_count(), 2);
            let mut outer = frame.caller().unwrap();
            assert_same!(outer.func_index(), 1);
            assert!(is_call_at(&m, outer.offset()));
            let locals: Vec<Val> = outer.locals().into_iter().map(Option::unwrap).collect();
            assert_same!(locals, [Val::I32(3), Val::I32(21), Val::from_f64(1.5)]);
            assert_same!(outer.stack(), [Some(Val::I32(21))]);
            // Written above the host function: 100 + inner(13) = 114.
            outer.set_local(1, Val::I32(100)).unwrap();
            Resume::Continue
        });
        let outer = instance.get_func("outer").unwrap();
        assert_same!(outer.call(&[Val::I32(3)]).unwrap(), [Val::I32(114)], "canaries {canaries}");
    }
}

#[test]
fn step_out_across_a_host_function_stops_in_the_wasm_caller() {
    let engine = frames_engine(false);
    let (module, instance) = reentry_instance(&engine);
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(2).unwrap();
    let stops = Arc::new(Mutex::new(Vec::new()));
    let s = stops.clone();
    let call_offset = Arc::new(Mutex::new(0));
    let co = call_offset.clone();
    dbg.set_handler(move |event, frame| {
        s.lock()
            .unwrap()
            .push((event.name(), frame.func_index(), frame.offset(), frame.frame_count()));
        match event {
            DebugEvent::Breakpoint(_) => {
                *co.lock().unwrap() = frame.caller().unwrap().offset();
                Resume::StepOut
            }
            _ => Resume::Continue,
        }
    });
    let outer = instance.get_func("outer").unwrap();
    assert_same!(outer.call(&[Val::I32(3)]).unwrap(), [Val::I32(35)]);
    let call = *call_offset.lock().unwrap();
    let stops = stops.lock().unwrap();
    assert_same!(stops.len(), 2, "{stops:?}");
    assert_same!(stops[1], ("step", 1, after_call(&module, call), 1));
}

#[test]
fn step_over_never_stops_in_wasm_a_host_function_calls() {
    let engine = frames_engine(false);
    let (_, instance) = reentry_instance(&engine);
    let dbg = instance.debugger().unwrap();
    dbg.set_entry_breakpoint(1).unwrap();
    let stops = Arc::new(Mutex::new(Vec::new()));
    let s = stops.clone();
    dbg.set_handler(move |event, frame| {
        s.lock().unwrap().push((event.name(), frame.func_index(), frame.frame_count()));
        Resume::StepOver
    });
    let outer = instance.get_func("outer").unwrap();
    assert_same!(outer.call(&[Val::I32(3)]).unwrap(), [Val::I32(35)]);
    let stops = stops.lock().unwrap();
    assert!(stops.len() > 5, "{stops:?}");
    assert!(
        stops.iter().all(|&(_, func, count)| func == 1 && count == 1),
        "{stops:?}"
    );
}

/// A caller that runs its plain version (nothing debugs it) calling a debugged callee.
const PLAIN_CALLER: &str = r#"
(module
  (func $callee (param $v i32) (result i32)
    (local $a i32)
    (local.set $a (i32.mul (local.get $v) (i32.const 3)))
    (i32.add (local.get $a) (i32.const 1)))
  (func (export "caller") (param $p i32) (result i32)
    (local $q i32)
    (local.set $q (call $callee (local.get $p)))
    (i32.add (local.get $q) (local.get $p))))
"#;

/// LLDB's `finish` after steps: the steps moved the suspended caller to its instrumented
/// version (a rewritten return address); it is still suspended at its call, and a
/// breakpoint where it resumes fires.
#[test]
fn a_breakpoint_at_a_suspended_callers_return_point_fires() {
    let engine = debug_engine();
    let (module, instance) = instantiate(&engine, PLAIN_CALLER);
    let dbg = instance.debugger().unwrap();
    let entry = dbg.set_entry_breakpoint(0).unwrap();
    let stops = Arc::new(Mutex::new(Vec::new()));
    let (s, d, m) = (stops.clone(), dbg.clone(), module.clone());
    dbg.set_handler(move |event, frame| {
        s.lock()
            .unwrap()
            .push((event.name(), frame.func_index(), frame.offset(), frame.frame_count()));
        match (event, frame.frame_count()) {
            (DebugEvent::Breakpoint(_), 2) => Resume::StepInto,
            (DebugEvent::Step, 2) => {
                let caller = frame.caller().unwrap();
                assert!(is_call_at(&m, caller.offset()), "{}", caller.offset());
                let at = after_call(&m, caller.offset());
                d.clear_breakpoint(entry).unwrap();
                d.set_breakpoint(1, at).unwrap();
                Resume::Continue
            }
            _ => Resume::Continue,
        }
    });
    let caller = instance.get_func("caller").unwrap();
    assert_same!(caller.call(&[Val::I32(5)]).unwrap(), [Val::I32(21)]);
    let stops = stops.lock().unwrap();
    assert_eq!(stops.len(), 3, "{stops:?}");
    assert_eq!((stops[2].0, stops[2].1, stops[2].3), ("breakpoint", 1, 1), "{stops:?}");
}

/// An instance (A) whose function calls another instance's (B) through an import, which
/// calls back into A through its table: the frames alternate between the instances.
const MIDDLE: &str = r#"
(module
  (type $t (func (param i32) (result i32)))
  (table (export "table") 1 funcref)
  (func (export "mid") (param $x i32) (result i32)
    (i32.mul (call_indirect (type $t) (local.get $x) (i32.const 0)) (i32.const 2))))
"#;

const OUTER: &str = r#"
(module
  (import "b" "mid" (func $mid (param i32) (result i32)))
  (func $leaf (export "leaf") (param $v i32) (result i32)
    (i32.add (local.get $v) (i32.const 1)))
  (func (export "top") (param $p i32) (result i32)
    (local $k i32)
    (local.set $k (i32.const 10))
    (i32.add (local.get $k) (call $mid (local.get $p)))))
"#;

#[test]
fn step_out_across_another_instances_frame_stops_in_this_instances_caller() {
    let engine = debug_engine();
    let b_module = Module::new(&engine, MIDDLE).unwrap();
    let b = Linker::new(&engine).instantiate(&b_module).unwrap();
    let a_module = Module::new(&engine, OUTER).unwrap();
    let mut linker = Linker::new(&engine);
    linker.instance("b", &b);
    let a = linker.instantiate(&a_module).unwrap();
    let leaf = a.get_func("leaf").unwrap();
    b.get_table("table")
        .unwrap()
        .set(0, Val::FuncRef(Some(leaf)))
        .unwrap();
    let dbg = a.debugger().unwrap();
    dbg.set_entry_breakpoint(1).unwrap();
    let stops = Arc::new(Mutex::new(Vec::new()));
    let call_offset = Arc::new(Mutex::new(0));
    let (s, co, a2, b2) = (stops.clone(), call_offset.clone(), a.clone(), b.clone());
    dbg.set_handler(move |event, frame| {
        let mut owners = Vec::new();
        for d in 0..frame.frame_count() {
            let at = frame.up(d).unwrap();
            owners.push(if at.in_instance(&a2) {
                "a"
            } else if at.in_instance(&b2) {
                "b"
            } else {
                "?"
            });
        }
        s.lock()
            .unwrap()
            .push((event.name(), frame.func_index(), frame.offset(), owners));
        if matches!(event, DebugEvent::Breakpoint(_)) {
            *co.lock().unwrap() = frame.up(2).unwrap().offset();
            return Resume::StepOut;
        }
        Resume::Continue
    });
    let top = a.get_func("top").unwrap();
    // 10 + (5 + 1) * 2.
    assert_same!(top.call(&[Val::I32(5)]).unwrap(), [Val::I32(22)]);
    let stops = stops.lock().unwrap();
    let call = *call_offset.lock().unwrap();
    assert_eq!(stops.len(), 2, "{stops:?}");
    assert_eq!(stops[0].3, ["a", "b", "a"], "{stops:?}");
    // Out of leaf, past the other instance's frame (which never stops), into top.
    assert_eq!(
        (stops[1].0, stops[1].1, stops[1].2, stops[1].3.clone()),
        ("step", 2, after_call(&a_module, call), vec!["a"])
    );
}
