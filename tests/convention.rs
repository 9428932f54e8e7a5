//! Regression tests of the register convention (`src/abi/regs.rs`, "DESIGN: register
//! convention"): each module here once returned a wrong value, trapped or looped on
//! Kestrel while every other engine agreed. They run plain, instrumented, and with the
//! convention canaries on (which turn a clobbered callee-saved register into a trap).

use kestrel::{Config, Engine, Error, Linker, Module, Val};

/// Every configuration the modules run under: (label, config).
fn configs() -> Vec<(&'static str, Config)> {
    let plain = Config::new();
    let mut debug = Config::new();
    debug.debug_instrumentation(true);
    let mut canaries = Config::new();
    canaries.convention_canaries(true);
    let mut debug_canaries = Config::new();
    debug_canaries
        .debug_instrumentation(true)
        .convention_canaries(true);
    vec![
        ("plain", plain),
        ("instrumented", debug),
        ("canaries", canaries),
        ("instrumented+canaries", debug_canaries),
    ]
}

/// Calls `export` with `args` under every configuration and checks the results.
fn expect(wat: &str, export: &str, args: &[Val], expected: &[Val]) {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, wat).unwrap();
        let instance = Linker::new(&engine).instantiate(&module).unwrap();
        let f = instance.get_func(export).unwrap();
        match f.call(args) {
            Ok(results) => assert_eq!(
                format!("{results:?}"),
                format!("{expected:?}"),
                "{label}: {export}{args:?}"
            ),
            Err(e) => panic!("{label}: {export}{args:?} failed: {e}"),
        }
    }
}

/// Bug 1 as reported: a small callee used r8, where its caller keeps local 0, as a
/// temporary.
const SMALL_CALLEE_CLOBBERS_PINNED: &str = r#"(module
  (func $h (param i32) (result i32)
    (i32.div_u (i32.and (i32.const 0) (i32.const 0)) (i32.or (i32.const 0) (i32.const 1))))
  (func (export "f") (param i32) (result i32)
    (drop (call $h (i32.const 0)))
    (loop)
    (local.get 0)))"#;

#[test]
fn small_callee_preserves_callers_pinned_local() {
    expect(
        SMALL_CALLEE_CLOBBERS_PINNED,
        "f",
        &[Val::I32(5)],
        &[Val::I32(5)],
    );
}

/// The loop variant: the counter is a pinned local, and with the bug the loop never ended.
/// A global (in memory, out of the convention's reach) bounds the loop so that a broken
/// build fails instead of hanging.
#[test]
fn call_in_a_loop_keeps_the_counter() {
    let wat = r#"(module
      (global $fuel (mut i32) (i32.const 1000))
      (func $h (param i32) (result i32)
        (i32.div_u (i32.and (i32.const 0) (i32.const 0)) (i32.or (i32.const 0) (i32.const 1))))
      (func (export "count") (param $n i32) (result i32) (local $i i32)
        (loop $l
          (drop (call $h (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (global.set $fuel (i32.sub (global.get $fuel) (i32.const 1)))
          (br_if $l (i32.and (i32.lt_u (local.get $i) (local.get $n))
                             (i32.ne (global.get $fuel) (i32.const 0)))))
        (local.get $i)))"#;
    expect(wat, "count", &[Val::I32(10)], &[Val::I32(10)]);
}

/// A callee that is not small and pins one register, with a right-nested expression that
/// keeps five temporaries live: it used the callee-saved registers it did not pin, where
/// its caller keeps four pinned locals.
#[test]
fn larger_callee_preserves_every_callee_saved_gpr() {
    let wat = r#"(module
      (func $deep (param $a i32) (result i32)
        (i32.add (i32.mul (local.get $a) (i32.const 3))
          (i32.add (i32.mul (local.get $a) (i32.const 5))
            (i32.add (i32.mul (local.get $a) (i32.const 7))
              (i32.add (i32.mul (local.get $a) (i32.const 11))
                (i32.add (i32.mul (local.get $a) (i32.const 13))
                  (i32.mul (local.get $a) (i32.const 17))))))))
      (func (export "f") (param $p i32) (result i32) (local $a i32) (local $b i32) (local $c i32)
        (local.set $a (i32.add (local.get $p) (i32.const 1)))
        (local.set $b (i32.add (local.get $p) (i32.const 2)))
        (local.set $c (i32.add (local.get $p) (i32.const 3)))
        (drop (call $deep (local.get $p)))
        (i32.add (i32.add (local.get $p) (local.get $a))
                 (i32.add (local.get $b) (local.get $c)))))"#;
    // 10 + 11 + 12 + 13
    expect(wat, "f", &[Val::I32(10)], &[Val::I32(46)]);
}

/// A callee with seven live f64 temporaries and no float locals used xmm6, where its
/// caller keeps its f64 local.
#[test]
fn float_temporaries_do_not_touch_callers_pinned_float() {
    let wat = r#"(module
      (func $floats (param $x i32) (result f64)
        (f64.add (f64.convert_i32_s (local.get $x))
          (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.const 2))
            (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.const 3))
              (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.const 4))
                (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.const 5))
                  (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.const 6))
                    (f64.add (f64.mul (f64.convert_i32_s (local.get $x)) (f64.const 7))
                      (f64.mul (f64.convert_i32_s (local.get $x)) (f64.const 8))))))))))
      (func (export "f") (param $v f64) (result f64)
        (drop (call $floats (i32.const 1)))
        (local.get $v)))"#;
    expect(wat, "f", &[Val::from_f64(2.5)], &[Val::from_f64(2.5)]);
}

/// Bug 2 as reported: the `call_indirect` index lived in rsi and was overwritten by the
/// first argument's copy into rsi.
const INDEX_IN_RSI: &str = r#"(module
  (type $bin (func (param i32 i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $zero $one)
  (func $zero (type $bin) (i32.const 0))
  (func $one (type $bin) (i32.const 1))
  (func (export "f") (param $i i32) (result i32)
    (call_indirect (type $bin)
      (i32.const 1)
      (i32.add (local.get $i) (i32.const 0))
      (i32.and (local.get $i) (i32.const 1)))))"#;

#[test]
fn call_indirect_index_survives_the_first_argument() {
    expect(INDEX_IN_RSI, "f", &[Val::I32(0)], &[Val::I32(0)]);
    expect(INDEX_IN_RSI, "f", &[Val::I32(1)], &[Val::I32(1)]);
}

/// The one-entry-table variant: the clobbered index (the first argument, 1) was past the
/// table's end, so the call trapped with "undefined element".
#[test]
fn call_indirect_index_in_a_one_entry_table() {
    let wat = r#"(module
      (type $bin (func (param i32 i32) (result i32)))
      (table 1 funcref)
      (elem (i32.const 0) $zero)
      (func $zero (type $bin) (i32.const 7))
      (func (export "f") (param $i i32) (result i32)
        (call_indirect (type $bin)
          (i32.const 1)
          (i32.add (local.get $i) (i32.const 0))
          (i32.and (local.get $i) (i32.const 1)))))"#;
    expect(wat, "f", &[Val::I32(0)], &[Val::I32(7)]);
}

/// The convention canaries themselves: a host function is the one callee whose code the
/// compiler does not control, so it shows that a canary survives a call through the
/// host-call trampoline, and that canary mode changes no result.
#[test]
fn canaries_pass_through_host_calls() {
    let wat = r#"(module
      (import "host" "twice" (func $twice (param i32) (result i32)))
      (func (export "f") (param $a i32) (param $x f64) (result f64)
        (local $b i32) (local $y f64)
        (local.set $b (call $twice (local.get $a)))
        (local.set $y (f64.mul (local.get $x) (f64.const 2)))
        (drop (call $twice (local.get $b)))
        (f64.add (f64.add (local.get $x) (local.get $y))
                 (f64.convert_i32_s (i32.add (local.get $a) (local.get $b))))))"#;
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, wat).unwrap();
        let mut linker = Linker::new(&engine);
        linker.func_wrap("host", "twice", |x: i32| x * 2);
        let instance = linker.instantiate(&module).unwrap();
        let f = instance.get_typed_func::<(i32, f64), f64>("f").unwrap();
        // 1.5 + 3.0 + (3 + 6)
        assert_eq!(f.call((3, 1.5)).unwrap(), 13.5, "{label}");
    }
}

/// A trap is not a convention failure: canary mode reports the program's own trap.
#[test]
fn canaries_report_the_programs_own_traps() {
    let wat = r#"(module
      (func $boom (param i32) (result i32) (i32.div_u (local.get 0) (i32.const 0)))
      (func (export "f") (param i32) (result i32) (call $boom (local.get 0))))"#;
    let mut config = Config::new();
    config.convention_canaries(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, wat).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let f = instance.get_func("f").unwrap();
    match f.call(&[Val::I32(1)]) {
        Err(Error::Trap(t)) => assert_eq!(t.kind(), kestrel::TrapKind::IntegerDivideByZero),
        other => panic!("expected a division trap, got {other:?}"),
    }
}

/// Host helpers follow the SysV convention, which does not preserve r8-r11 or any xmm
/// register: a function that called one (`memory.grow`, `memory.fill`) saved only the
/// registers it pinned itself, so the host could change the ones its caller pinned.
/// Found by the canaries on the spec suite.
#[test]
fn host_helpers_preserve_callers_pinned_locals() {
    let wat = r#"(module
      (memory 1)
      (func $grow (param i32) (result i32) (memory.grow (local.get 0)))
      (func $fill (param i32)
        (memory.fill (local.get 0) (i32.const 7) (i32.const 4096)))
      (func (export "f") (param $p i32) (result i32)
        (local $a i32) (local $b i32) (local $c i32) (local $x f64) (local $y f64)
        (local.set $a (i32.add (local.get $p) (i32.const 1)))
        (local.set $b (i32.add (local.get $p) (i32.const 2)))
        (local.set $c (i32.add (local.get $p) (i32.const 3)))
        (local.set $x (f64.convert_i32_s (local.get $p)))
        (local.set $y (f64.add (local.get $x) (f64.const 0.5)))
        (drop (call $grow (i32.const 0)))
        (call $fill (i32.const 64))
        (i32.add
          (i32.add (i32.add (local.get $p) (local.get $a))
                   (i32.add (local.get $b) (local.get $c)))
          (i32.trunc_f64_s (f64.add (local.get $x) (local.get $y))))))"#;
    // 10 + 11 + 12 + 13 + trunc(10 + 10.5)
    expect(wat, "f", &[Val::I32(10)], &[Val::I32(66)]);
}

/// Vectors never live in callee-saved registers: a callee full of vector temporaries (more
/// than the caller-saved xmm registers hold) and a caller with pinned float locals. The
/// canaries check all 128 bits of xmm6-xmm13, so a vector written into one shows even
/// where a scalar canary in the low half would survive (a scratch build that wrote only
/// the high half of xmm6 in `v128.const` made the canary runs trap here).
#[test]
fn vector_temporaries_keep_out_of_callee_saved_registers() {
    let wat = r#"(module
      (func $v (param v128) (result v128)
        (local $a v128)
        (local.set $a (v128.const i32x4 1 2 3 4))
        (i32x4.add
          (i32x4.add
            (i32x4.add (local.get 0) (v128.const i32x4 5 6 7 8))
            (i32x4.mul (local.get $a) (v128.const i32x4 9 10 11 12)))
          (i32x4.sub
            (i32x4.add (v128.const i32x4 13 14 15 16) (v128.const i32x4 17 18 19 20))
            (i32x4.add (v128.const i32x4 21 22 23 24)
              (i32x4.add (v128.const i32x4 25 26 27 28) (local.get $a))))))
      (func (export "f") (param f64) (result f64)
        (local $x f64) (local $y f64)
        (local.set $x (f64.add (local.get 0) (f64.const 1)))
        (local.set $y (f64.mul (local.get 0) (f64.const 2)))
        (f64.add
          (f64.add (local.get $x) (local.get $y))
          (f64.convert_i32_s
            (i32x4.extract_lane 2
              (call $v (i32x4.splat (i32.trunc_f64_s (local.get 0)))))))))"#;
    // x = 4, y = 6; lane 2: (3 + 7) + (3 * 11) + ((15 + 19) - (23 + 27 + 3)) = 24.
    expect(wat, "f", &[Val::from_f64(3.0)], &[Val::from_f64(34.0)]);
}

/// Vector locals live in callee-saved xmm registers, which keep all 128 bits: a caller
/// pins three vectors and a float, and calls a function that pins scalar floats in the
/// same registers (its parameter's load clears their high halves) and one that pins
/// vectors of its own. A callee saving or restoring only the low 64 bits breaks the
/// caller's lanes 2 and 3, plain or not (a scratch build with 64-bit saves returned 0
/// in the high lanes here, and the canary runs trapped).
#[test]
fn pinned_vectors_survive_callees_that_pin_scalars_and_vectors() {
    let wat = r#"(module
      (func $scalars (param $x f64) (result f64)
        (local $y f64) (local $z f64)
        (local.set $y (f64.mul (local.get $x) (f64.const 3)))
        (local.set $z (f64.add (local.get $y) (local.get $x)))
        (f64.add (local.get $z) (f64.add (local.get $y) (local.get $x))))
      (func $vectors (param $v v128) (result v128)
        (local $w v128) (local $u v128)
        (local.set $w (i32x4.mul (local.get $v) (local.get $v)))
        (local.set $u (i32x4.add (local.get $w) (v128.const i32x4 -1 -1 -1 -1)))
        (i32x4.sub (local.get $u) (local.get $w)))
      (func (export "f") (param $k i32) (result i32)
        (local $a v128) (local $b v128) (local $c v128) (local $s f64)
        (local.set $a (i32x4.splat (local.get $k)))
        (local.set $b (i32x4.add (local.get $a) (v128.const i32x4 10 20 30 40)))
        (local.set $c (i32x4.mul (local.get $b) (v128.const i32x4 2 2 2 2)))
        (local.set $s (call $scalars (f64.convert_i32_s (local.get $k))))
        (local.set $a (i32x4.add (local.get $a) (call $vectors (local.get $b))))
        (i32.add
          (i32.add
            (i32.add (i32x4.extract_lane 3 (local.get $a)) (i32x4.extract_lane 2 (local.get $b)))
            (i32.add (i32x4.extract_lane 3 (local.get $c)) (i32x4.extract_lane 1 (local.get $c))))
          (i32.trunc_f64_s (local.get $s)))))"#;
    // k = 5: a = 5 + (-1) = 4 in every lane; b = 15 25 35 45; c = 30 50 70 90;
    // s = (15 + 5) + (15 + 5) = 40. 4 + 35 + 90 + 50 + 40 = 219.
    expect(wat, "f", &[Val::I32(5)], &[Val::I32(219)]);
}

/// The host-call trampoline saves all 128 bits of xmm6-xmm13 around host code (SysV
/// preserves none of them): a host function that overwrites every one of them does not
/// change the caller's pinned vector locals.
#[test]
fn pinned_vectors_survive_host_functions_that_clobber_every_xmm_register() {
    let wat = r#"(module
      (import "host" "clobber" (func $clobber (param i32) (result i32)))
      (func (export "f") (param $k i32) (result i32)
        (local $a v128) (local $b v128) (local $x f64)
        (local.set $a (i32x4.splat (local.get $k)))
        (local.set $b (i32x4.add (local.get $a) (v128.const i32x4 1 2 3 4)))
        (local.set $x (f64.convert_i32_s (local.get $k)))
        (local.set $k (call $clobber (local.get $k)))
        (i32.add
          (i32.add (i32x4.extract_lane 3 (local.get $a)) (i32x4.extract_lane 2 (local.get $b)))
          (i32.add (local.get $k) (i32.trunc_f64_s (local.get $x))))))"#;
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, wat).unwrap();
        let mut linker = Linker::new(&engine);
        linker.func_wrap("host", "clobber", |x: i32| {
            // SAFETY: writes only the registers it declares as clobbered.
            unsafe {
                std::arch::asm!(
                    "pcmpeqd xmm6, xmm6", "pcmpeqd xmm7, xmm7", "pcmpeqd xmm8, xmm8",
                    "pcmpeqd xmm9, xmm9", "pcmpeqd xmm10, xmm10", "pcmpeqd xmm11, xmm11",
                    "pcmpeqd xmm12, xmm12", "pcmpeqd xmm13, xmm13",
                    out("xmm6") _, out("xmm7") _, out("xmm8") _, out("xmm9") _,
                    out("xmm10") _, out("xmm11") _, out("xmm12") _, out("xmm13") _,
                );
            }
            x + 1
        });
        let instance = linker.instantiate(&module).unwrap();
        let f = instance.get_typed_func::<i32, i32>("f").unwrap();
        // k = 7: a = 7, b lane 2 = 10, k' = 8, x = 7.
        assert_eq!(f.call(7).unwrap(), 32, "{label}");
    }
}
