//! Exception handling ("DESIGN: exceptions" in `runtime::exceptions`, "DESIGN: landing
//! pads" in `compiler::codegen::exceptions`): programs shaped like C++ compiled with
//! `-fwasm-exceptions` (a throw across frames whose cleanup handlers run, catch by tag,
//! rethrow), in both the 3.0 instructions and the legacy ones clang emits; exceptions
//! across instances and through host functions, from and to the embedder; callers'
//! registers intact after a catch skipped frames; exnref values; the objects freed; in
//! every configuration, and with every function debugged (instrumented versions).

use kestrel::{
    Config, Engine, Error, Exception, Func, FuncType, Instance, Linker, Module, Tag, Trap,
    TrapKind, Val, ValType,
};

#[path = "support/configs.rs"]
mod configs;
use configs::{configs, instantiate};

fn call(instance: &Instance, name: &str, args: &[Val]) -> Result<Vec<Val>, Error> {
    instance.get_func(name).unwrap().call(args)
}

fn call_i32(instance: &Instance, name: &str, args: &[Val]) -> i32 {
    call(instance, name, args).unwrap()[0].i32().unwrap()
}

/// A C++-style program: `run(depth, n)` throws `n` from `depth` frames down, each frame
/// on the way with a cleanup handler (a destructor) that counts itself and throws on;
/// `main` catches by tag and returns the payload plus 1000 per cleanup that ran. The
/// same program twice: with `try_table` (`catch_all_ref` + `throw_ref`) and with the
/// legacy `try` / `catch_all` / `rethrow` clang emits.
const CXX: &str = r#"
(module
  (tag $error (param i32))
  (tag $other (param i64))
  (global $cleanups (mut i32) (i32.const 0))
  (func $leaf (param $n i32)
    (if (i32.lt_s (local.get $n) (i32.const 0))
      (then (throw $other (i64.const 5))))
    (throw $error (local.get $n)))
  (func $frame (param $depth i32) (param $n i32)
    (block $cleanup (result exnref)
      (try_table (catch_all_ref $cleanup)
        (if (local.get $depth)
          (then (call $frame (i32.sub (local.get $depth) (i32.const 1)) (local.get $n)))
          (else (call $leaf (local.get $n)))))
      (return))
    (global.set $cleanups (i32.add (global.get $cleanups) (i32.const 1)))
    (throw_ref))
  (func $frame_legacy (param $depth i32) (param $n i32)
    try
      (if (local.get $depth)
        (then (call $frame_legacy (i32.sub (local.get $depth) (i32.const 1)) (local.get $n)))
        (else (call $leaf (local.get $n))))
    catch_all
      (global.set $cleanups (i32.add (global.get $cleanups) (i32.const 1)))
      rethrow 0
    end)
  (func (export "run") (param $depth i32) (param $n i32) (result i32)
    (global.set $cleanups (i32.const 0))
    (block $caught (result i32)
      (block $other (result i64)
        (try_table (catch $error $caught) (catch $other $other)
          (call $frame (local.get $depth) (local.get $n)))
        (return (i32.const -1)))
      (return (i32.add (i32.wrap_i64) (i32.const 2000000))))
    (i32.add (i32.mul (global.get $cleanups) (i32.const 1000))))
  (func (export "run_legacy") (param $depth i32) (param $n i32) (result i32)
    (global.set $cleanups (i32.const 0))
    try (result i32)
      (call $frame_legacy (local.get $depth) (local.get $n))
      (i32.const -1)
    catch $error
      (i32.add (i32.mul (global.get $cleanups) (i32.const 1000)))
    catch $other
      (i32.add (i32.wrap_i64) (i32.const 2000000))
    end)
  (func (export "delegate") (param $n i32) (result i32)
    try $outer (result i32)
      try
        (call $leaf (local.get $n))
      delegate $outer
      (i32.const 0)
    catch $error
      (i32.add (i32.const 100))
    end)
  (func (export "uncaught") (param $n i32)
    (call $frame (i32.const 3) (local.get $n))))
"#;

#[test]
fn cxx_style_throw_with_cleanups_and_catch_by_tag() {
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let i = instantiate(&engine, &Linker::new(&engine), CXX, debugged);
        for depth in [0, 1, 5, 40] {
            for n in [7, 123] {
                let want = n + 1000 * (depth + 1);
                let args = [Val::I32(depth), Val::I32(n)];
                assert_eq!(
                    call_i32(&i, "run", &args),
                    want,
                    "{label}: run({depth}, {n})"
                );
                assert_eq!(call_i32(&i, "run_legacy", &args), want, "{label}: legacy");
            }
            // The other tag: caught by its own clause, after the same cleanups.
            let args = [Val::I32(depth), Val::I32(-1)];
            assert_eq!(call_i32(&i, "run", &args), 2000005, "{label}: other tag");
            assert_eq!(call_i32(&i, "run_legacy", &args), 2000005, "{label}");
        }
        assert_eq!(
            call_i32(&i, "delegate", &[Val::I32(9)]),
            109,
            "{label}: delegate"
        );
        // Uncaught: a trap carrying the exception, with the thrower's backtrace.
        let Err(Error::Trap(trap)) = call(&i, "uncaught", &[Val::I32(42)]) else {
            panic!("{label}: expected an uncaught exception");
        };
        assert_eq!(trap.kind(), TrapKind::UncaughtException, "{label}");
        let exception = trap.exception().expect("the trap carries the exception");
        assert_eq!(exception.payload()[0].i32(), Some(42), "{label}");
        assert!(
            trap.backtrace().len() >= 2,
            "{label}: {:?}",
            trap.backtrace()
        );
        // The instance stays usable.
        assert_eq!(
            call_i32(&i, "run", &[Val::I32(2), Val::I32(1)]),
            3001,
            "{label}"
        );
    }
}

/// Exceptions between instances (a tag one exports and the other imports) and through
/// host functions, both ways, and from the embedder.
#[test]
fn exceptions_cross_instances_host_functions_and_the_embedder() {
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let tag = Tag::new([ValType::I32, ValType::F64]);
        let mut linker = Linker::new(&engine);
        linker.define("host", "tag", tag.clone());
        // A host function that throws the embedder's tag.
        let thrown_tag = tag.clone();
        linker.define(
            "host",
            "throw",
            Func::new(
                &engine,
                FuncType::new([ValType::I32], []),
                move |args, _| {
                    let n = args[0].clone();
                    Err(Trap::throw(
                        Exception::new(&thrown_tag, &[n, Val::from_f64(0.5)]).unwrap(),
                    ))
                },
            ),
        );
        let thrower = instantiate(
            &engine,
            &linker,
            r#"(module
                 (import "host" "tag" (tag $t (param i32 f64)))
                 (func (export "throw") (param i32)
                   (throw $t (local.get 0) (f64.const 2.25))))"#,
            debugged,
        );
        linker.define("thrower", "throw", thrower.get_func("throw").unwrap());
        // A host function that calls wasm which throws: the exception passes through it.
        let inner = thrower.get_func("throw").unwrap();
        linker.define(
            "host",
            "through",
            Func::new(
                &engine,
                FuncType::new([ValType::I32], []),
                move |args, _| {
                    inner
                        .call(&[args[0].clone()])
                        .map(drop)
                        .map_err(|e| match e {
                            Error::Trap(t) => t,
                            other => Trap::host(other.to_string()),
                        })
                },
            ),
        );
        let catcher = instantiate(
            &engine,
            &linker,
            r#"(module
                 (import "host" "tag" (tag $t (param i32 f64)))
                 (import "thrower" "throw" (func $wasm_throw (param i32)))
                 (import "host" "throw" (func $host_throw (param i32)))
                 (import "host" "through" (func $through (param i32)))
                 (table funcref (elem $wasm_throw $host_throw $through))
                 (type $sig (func (param i32)))
                 (func (export "catch") (param $how i32) (param $n i32) (result f64)
                   (local $fraction f64)
                   (block $c (result i32 f64)
                     (try_table (catch $t $c)
                       (call_indirect (type $sig) (local.get $n) (local.get $how)))
                     (return (f64.const -1)))
                   (local.set $fraction)
                   (f64.convert_i32_s (i32.mul (i32.const 1000)))
                   (f64.add (local.get $fraction))))"#,
            debugged,
        );
        for (how, fraction) in [(0, 2.25), (1, 0.5), (2, 2.25)] {
            let got = call(&catcher, "catch", &[Val::I32(how), Val::I32(7)]).unwrap();
            assert_eq!(got[0].f64(), Some(7000.0 + fraction), "{label}: way {how}");
        }
        // From the embedder: the tag is the linker's.
        let Err(Error::Trap(trap)) = call(&thrower, "throw", &[Val::I32(3)]) else {
            panic!("{label}: expected an exception");
        };
        let e = trap.exception().unwrap();
        assert!(Tag::same(&e.tag(), &tag), "{label}");
        assert_eq!(e.payload()[0].i32(), Some(3));
        assert_eq!(e.payload()[1].f64(), Some(2.25));
    }
}

/// A catch skips frames that keep locals in callee-saved registers: the catcher and the
/// frames above it find theirs intact (the catcher saves every callee-saved register).
#[test]
fn callers_registers_survive_a_catch_that_skipped_frames() {
    const WAT: &str = r#"
    (module
      (tag $e (param i32))
      (func $deep (param $n i32)
        (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $i i32)
        (local $x f64) (local $y f64)
        (loop $l
          (local.set $a (i32.add (local.get $a) (local.get $n)))
          (local.set $b (i32.xor (local.get $b) (local.get $a)))
          (local.set $c (i32.add (local.get $c) (i32.const 77)))
          (local.set $d (i32.sub (local.get $d) (local.get $c)))
          (local.set $x (f64.add (local.get $x) (f64.const 1.5)))
          (local.set $y (f64.mul (local.get $x) (f64.const 3)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))
        (throw $e (i32.add (i32.add (local.get $a) (local.get $b))
                           (i32.add (i32.trunc_f64_s (local.get $y)) (local.get $d)))))
      (func $middle (param $n i32)
        (local $p i32) (local $q i32) (local $k i32)
        (loop $l
          (local.set $p (i32.add (local.get $p) (i32.const 3)))
          (local.set $q (i32.mul (local.get $q) (i32.const 5)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $k) (i32.const 4))))
        (call $deep (i32.add (local.get $n) (local.get $p))))
      (func $catcher (param $n i32) (result i32)
        (block $c (result i32)
          (try_table (catch $e $c) (call $middle (local.get $n)))
          (i32.const 0)))
      (func (export "outer") (param $rounds i32) (result i64)
        (local $x i32) (local $y i32) (local $z i64) (local $w i32) (local $i i32)
        (local $f f64) (local $g f64)
        (local.set $y (i32.const 1))
        (loop $l
          (local.set $x (i32.add (local.get $x) (call $catcher (local.get $i))))
          (local.set $y (i32.add (i32.mul (local.get $y) (i32.const 3)) (i32.const 1)))
          (local.set $z (i64.add (local.get $z) (i64.extend_i32_u (local.get $y))))
          (local.set $w (i32.xor (local.get $w) (local.get $x)))
          (local.set $f (f64.add (local.get $f) (f64.const 0.25)))
          (local.set $g (f64.add (local.get $g) (local.get $f)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $rounds))))
        (i64.add
          (i64.add (local.get $z) (i64.extend_i32_u (local.get $x)))
          (i64.add (i64.extend_i32_u (local.get $w)) (i64.trunc_f64_s (local.get $g))))))
    "#;
    // The model of `outer`.
    let deep = |n: i32| -> i32 {
        let (mut a, mut b, mut c, mut d, mut x) = (0i32, 0i32, 0i32, 0i32, 0f64);
        let mut y = 0f64;
        for _ in 0..10 {
            a = a.wrapping_add(n);
            b ^= a;
            c = c.wrapping_add(77);
            d = d.wrapping_sub(c);
            x += 1.5;
            y = x * 3.0;
        }
        a.wrapping_add(b).wrapping_add((y as i32).wrapping_add(d))
    };
    let outer = |rounds: i32| -> i64 {
        let (mut x, mut y, mut z, mut w, mut f, mut g) = (0i32, 1i32, 0i64, 0i32, 0f64, 0f64);
        for i in 0..rounds {
            x = x.wrapping_add(deep(i.wrapping_add(12)));
            y = y.wrapping_mul(3).wrapping_add(1);
            z = z.wrapping_add(y as u32 as i64);
            w ^= x;
            f += 0.25;
            g += f;
        }
        z.wrapping_add(x as u32 as i64)
            .wrapping_add((w as u32 as i64).wrapping_add(g as i64))
    };
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let i = instantiate(&engine, &Linker::new(&engine), WAT, debugged);
        let got = call(&i, "outer", &[Val::I32(50)]).unwrap()[0].i64();
        assert_eq!(got, Some(outer(50)), "{label}");
    }
}

/// An i32 payload reaches the handler zero-extended, whatever the upper half of its unit
/// in the thrower's outgoing area held before (here an earlier call's i64 argument): the
/// handler may use the register as a 64-bit memory index at once. (Found by the
/// debug-ops fuzzer, `shaped-exceptions` seed 25001322.)
#[test]
fn an_i32_payload_arrives_zero_extended() {
    const WAT: &str = r#"
    (module
      (memory 1)
      (data (i32.const 0) "\2a")
      (tag $e (param i32))
      (func $wide (param i64))
      (func $throw (param $p i32)
        (call $wide (i64.const -1))
        (throw $e (local.get $p)))
      (func (export "load") (param $p i32) (result i32)
        (block $c (result i32)
          (try_table (catch $e $c) (call $throw (local.get $p)))
          (unreachable))
        (i32.load))
      (func (export "extend") (param $p i32) (result i64)
        (block $c (result i32)
          (try_table (catch $e $c) (call $throw (local.get $p)))
          (unreachable))
        (i64.extend_i32_u))
      (func (export "legacy") (param $p i32) (result i32)
        try (result i32)
          (call $throw (local.get $p))
          unreachable
        catch $e
          i32.load
        end))
    "#;
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let i = instantiate(&engine, &Linker::new(&engine), WAT, debugged);
        assert_eq!(call_i32(&i, "load", &[Val::I32(0)]), 42, "{label}");
        let got = call(&i, "extend", &[Val::I32(7)]).unwrap()[0].i64();
        assert_eq!(got, Some(7), "{label}");
        assert_eq!(call_i32(&i, "legacy", &[Val::I32(0)]), 42, "{label}");
    }
}

/// A step out of a function that an exception leaves instead of returning stops at the
/// first instruction of the handler that catches it, in the caller, whether the
/// exception comes from the stepped function itself or from a host function the step
/// returned into. The catching frame is suspended in its plain version when the step
/// begins: its landing pad must go on in the instrumented version (found by the
/// debug-ops fuzzer, `shaped-exceptions` seed 25018357).
#[test]
fn a_step_out_cut_short_by_an_exception_stops_in_the_handler() {
    use std::sync::{Arc, Mutex, OnceLock};
    const WAT: &str = r#"
    (module
      (tag $e (export "e") (param i32))
      (import "host" "call_then_throw" (func $host (param i32)))
      (func $callee (export "callee") (param $n i32) (result i32)
        (if (local.get $n) (then (throw $e (local.get $n))))
        (i32.const 5))
      (func (export "through_wasm") (result i32)
        (local $r i32)
        (block $c (result i32)
          (try_table (catch $e $c) (drop (call $callee (i32.const 9))))
          (i32.const -1))
        (local.set $r)
        (i32.add (local.get $r) (call $callee (i32.const 0))))
      (func (export "through_host") (result i32)
        (local $r i32)
        (block $c (result i32)
          (try_table (catch $e $c) (call $host (i32.const 9)))
          (i32.const -1))
        (local.set $r)
        (i32.add (local.get $r) (call $callee (i32.const 0)))))
    "#;
    const CALLEE: u32 = 1;
    let mut lazy = Config::new();
    lazy.debug_instrumentation(true);
    let mut eager = lazy.clone();
    eager.instrumented_versions(kestrel::InstrumentedVersions::Eager);
    let mut canaries = lazy.clone();
    canaries.convention_canaries(true).consume_fuel(true);
    for (label, config) in [
        ("lazy", lazy),
        ("eager", eager),
        ("canaries-fuel", canaries),
    ] {
        for (export, caller) in [("through_wasm", 2), ("through_host", 3)] {
            let engine = Engine::new(&config);
            let mut linker = Linker::new(&engine);
            // Calls `callee(0)` (where the debugger steps out), then throws `e(n)`.
            let instance: Arc<OnceLock<Instance>> = Arc::default();
            let inside = instance.clone();
            linker.define(
                "host",
                "call_then_throw",
                Func::new(
                    &engine,
                    FuncType::new([ValType::I32], []),
                    move |args, _| {
                        let i = inside.get().unwrap();
                        call(i, "callee", &[Val::I32(0)]).unwrap();
                        let Some(kestrel::Extern::Tag(tag)) = i.get_export("e") else {
                            panic!("the tag")
                        };
                        Err(Trap::throw(
                            Exception::new(&tag, &[args[0].clone()]).unwrap(),
                        ))
                    },
                ),
            );
            let i = instantiate(&engine, &linker, WAT, false);
            let _ = instance.set(i.clone());
            let debugger = i.debugger().unwrap();
            debugger.set_entry_breakpoint(CALLEE).unwrap();
            // (event, function, frames) of every stop: the first breakpoint steps out.
            type Stops = Vec<(&'static str, u32, usize)>;
            let stops: Arc<Mutex<Stops>> = Arc::default();
            let seen = stops.clone();
            debugger.set_handler(move |event, frame| {
                let mut seen = seen.lock().unwrap();
                seen.push((event.name(), frame.func_index(), frame.frame_count()));
                if seen.len() == 1 {
                    kestrel::Resume::StepOut
                } else {
                    kestrel::Resume::Continue
                }
            });
            assert_eq!(call_i32(&i, export, &[]), 14, "{label} {export}");
            assert_eq!(
                *stops.lock().unwrap(),
                vec![
                    ("breakpoint", CALLEE, 2),
                    ("step", caller, 1),
                    ("breakpoint", CALLEE, 2)
                ],
                "{label} {export}: the step ends in the handler, before the second call"
            );
        }
    }
}

/// Every value type through a payload (more values than registers), and exnref values
/// reaching the embedder.
#[test]
fn payloads_of_every_type_and_exnrefs_reach_the_embedder() {
    const WAT: &str = r#"
    (module
      (tag $t (param i32 i64 f32 f64 v128 i32 i64 f32 f64 i32 i64 i32))
      (func $throw
        (throw $t (i32.const 1) (i64.const 2) (f32.const 3.5) (f64.const 4.25)
                  (v128.const i32x4 5 6 7 8) (i32.const 9) (i64.const 10)
                  (f32.const 11.5) (f64.const 12.25) (i32.const 13) (i64.const 14)
                  (i32.const 15)))
      (func (export "sum") (result f64)
        (local $i1 i32) (local $l2 i64) (local $f3 f32) (local $d4 f64) (local $v5 v128)
        (local $i6 i32) (local $l7 i64) (local $f8 f32) (local $d9 f64) (local $i10 i32)
        (local $l11 i64) (local $i12 i32)
        (block $c (result i32 i64 f32 f64 v128 i32 i64 f32 f64 i32 i64 i32)
          (try_table (catch $t $c) (call $throw))
          (unreachable))
        (local.set $i12) (local.set $l11) (local.set $i10) (local.set $d9) (local.set $f8)
        (local.set $l7) (local.set $i6) (local.set $v5) (local.set $d4) (local.set $f3)
        (local.set $l2) (local.set $i1)
        (f64.add
          (f64.add
            (f64.add (f64.convert_i32_s (local.get $i1)) (f64.convert_i64_s (local.get $l2)))
            (f64.add (f64.promote_f32 (local.get $f3)) (local.get $d4)))
          (f64.add
            (f64.add
              (f64.convert_i32_s (i32x4.extract_lane 0 (local.get $v5)))
              (f64.add (f64.convert_i32_s (local.get $i6)) (f64.convert_i64_s (local.get $l7))))
            (f64.add
              (f64.add (f64.promote_f32 (local.get $f8)) (local.get $d9))
              (f64.add
                (f64.convert_i32_s (local.get $i10))
                (f64.add (f64.convert_i64_s (local.get $l11)) (f64.convert_i32_s (local.get $i12))))))))
      (func (export "caught_ref") (result exnref)
        (block $c (result exnref)
          (try_table (catch_all_ref $c) (call $throw))
          (unreachable))))
    "#;
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let i = instantiate(&engine, &Linker::new(&engine), WAT, debugged);
        // 15+14+13+12.25+11.5+10+9+5 (lane 0)+4.25+3.5+2+1
        let got = call(&i, "sum", &[]).unwrap()[0].f64();
        assert_eq!(got, Some(100.5), "{label}");
        let Val::ExnRef(Some(r)) = call(&i, "caught_ref", &[]).unwrap()[0].clone() else {
            panic!("{label}: expected an exnref");
        };
        let payload = r.exception().payload();
        assert_eq!(payload.len(), 12);
        let Val::V128(lanes) = payload[4] else {
            panic!("a v128")
        };
        assert_eq!(lanes, 0x0000_0008_0000_0007_0000_0006_0000_0005);
        assert_eq!(payload[11].i32(), Some(15));
    }
}

/// A debugger attached to the thrower's instance stops at an uncaught exception as at a
/// trap (`DebugEvent::Trap`, of kind `UncaughtException`, carrying the exception), with
/// the thrower's frame and locals readable; a caught one does not stop it.
#[test]
fn a_debugger_stops_at_an_uncaught_exception() {
    use std::sync::{Arc, Mutex};
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let i = instantiate(&engine, &Linker::new(&engine), CXX, false);
    // (kind, payload, the stopped frame's local 0) of each trap event.
    type Seen = Vec<(TrapKind, Option<i32>, Option<i32>)>;
    let seen: Arc<Mutex<Seen>> = Arc::default();
    let record = seen.clone();
    i.debugger().unwrap().set_handler(move |event, frame| {
        if let kestrel::DebugEvent::Trap(trap) = event {
            let payload = trap.exception().map(|e| e.payload()[0].i32().unwrap());
            // The last thrower's local 0.
            let local = frame.local(0).ok().and_then(|v| v.i32());
            record.lock().unwrap().push((trap.kind(), payload, local));
        }
        kestrel::Resume::Continue
    });
    assert_eq!(call_i32(&i, "run", &[Val::I32(3), Val::I32(5)]), 4005);
    assert!(
        seen.lock().unwrap().is_empty(),
        "a caught exception stopped the debugger"
    );
    assert!(call(&i, "uncaught", &[Val::I32(42)]).is_err());
    let seen = seen.lock().unwrap();
    assert_eq!(
        *seen,
        vec![(TrapKind::UncaughtException, Some(42), Some(3))],
        "one stop, where the exception left the last handler: the outermost cleanup \
         frame's throw_ref (its local 0, the depth, is 3)"
    );
}

/// With `Debugger::set_stop_on_throw`, every `throw` stops the debugger (`DebugEvent::
/// Throw`) at the thrower, with the exception and the frame's locals; the exception then
/// goes on to its handler as before.
#[test]
fn a_debugger_can_stop_at_every_throw() {
    use std::sync::{Arc, Mutex};
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let i = instantiate(&engine, &Linker::new(&engine), CXX, false);
    // (payload, the stopped frame's local 0) of each throw.
    let seen: Arc<Mutex<Vec<(i32, i32)>>> = Arc::default();
    let record = seen.clone();
    let debugger = i.debugger().unwrap();
    debugger.set_handler(move |event, frame| {
        if let kestrel::DebugEvent::Throw(thrown) = event {
            let payload = thrown.exception().payload()[0].i32().unwrap();
            let local = frame.local(0).unwrap().i32().unwrap();
            record.lock().unwrap().push((payload, local));
        }
        kestrel::Resume::Continue
    });
    assert_eq!(call_i32(&i, "run", &[Val::I32(3), Val::I32(5)]), 4005);
    assert!(
        seen.lock().unwrap().is_empty(),
        "stopped at a throw while not asked to"
    );
    debugger.set_stop_on_throw(true);
    assert_eq!(call_i32(&i, "run", &[Val::I32(3), Val::I32(5)]), 4005);
    // One `throw` (in $leaf, whose local 0 is n); the cleanups' `throw_ref`s are not.
    assert_eq!(*seen.lock().unwrap(), vec![(5, 5)]);
}

/// With `Config::exceptions(false)` a module that uses exception handling is refused as
/// invalid, with the validator's reason; one that does not compiles as before.
#[test]
fn exceptions_can_be_turned_off() {
    let mut config = Config::new();
    config.exceptions(false);
    let engine = Engine::new(&config);
    match Module::new(&engine, CXX) {
        Err(Error::Invalid(why)) => assert!(why.contains("exception"), "{why}"),
        other => panic!("expected an invalid module, got {:?}", other.map(|_| ())),
    }
    let plain = Module::new(
        &engine,
        "(module (func (export \"f\") (result i32) i32.const 1))",
    );
    assert!(plain.is_ok());
}
