//! Loop homes (`codegen::loop_homes`, "DESIGN: loop homes"): a plain version's innermost
//! loop that cannot leave wasm code keeps its most used locals in spare temporaries while
//! it runs. Every way out of such a loop must leave each homed local's value in its slot:
//! the fall-through `end`, `br` and `br_if` to a label outside the loop (with no values,
//! with values in slots, with a single result in the merge register), a `br_if` to the
//! function (a return), and a trap. Each guest function below leaves its loop one way and
//! then reads the homed locals from their slots; the results must equal a Rust model, in
//! every configuration (up to six homes per loop in plain and debuggable modules, four
//! in a plain loop accessing memory, two with explicit bounds checks, none in a
//! debuggable one; with fuel one fewer; debuggable with fuel none). One more has six
//! homes, rcx, rdx, r14 and rax among them, around each operator that would name rcx or
//! rdx as scratch; another six leaving its loop each way before it stores and loads
//! through r14, the memory base, as `fall_through` does too; `last` six, rax among them,
//! around each emitter that would take rax as scratch.
//!
//! In a debuggable module's plain version every way the debugger or the embedder reaches a
//! homed loop is its head's transfer point, whose slow path writes the homes back and whose
//! point reloads them: the last tests stop such a loop with a breakpoint set while it runs,
//! with pauses, and with the embedder's stop request, read its locals there against the
//! model, change one, and let it go on (back in the plain version) to a result the model
//! also knows.

use kestrel::{
    CodeRegionKind, Config, Engine, Error, Instance, Linker, Module, Resume, TrapKind, Val,
};
use std::sync::{Arc, Mutex};

include!("support/guest_flag.rs");

#[path = "support/disasm.rs"]
#[allow(dead_code)]
mod disasm;

/// `fall_through`'s signature and body (`;;FALL_THROUGH` in the guests), shared by
/// `GUEST` and `DEBUGGED`; `;;FLAG` is where `DEBUGGED` sets its flag before the loop.
const FALL_THROUGH: &str = r#"(param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $i i32)
    ;;X
    ;;FLAG
    (local.set $a (i32.const 1)) (local.set $b (i32.const 2))
    (loop $l
      ;;CHURN
      (local.set $a (i32.add (local.get $a) (local.get $b)))
      (local.set $b (i32.rotl (i32.xor (local.get $b) (local.get $a)) (i32.const 7)))
      (local.set $c (i32.add (local.get $c) (local.get $a)))
      (local.set $d (i32.xor (local.get $d)
                             (i32.rotl (i32.add (local.get $b) (local.get $d)) (local.get $c))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (i32.store (i32.const 16) (i32.add (local.get $a) (local.get $b)))
    (i32.add (i32.load (i32.const 16)) (i32.add (local.get $c) (local.get $d))))"#;

/// Each function runs a loop over a few locals ($a, $b, ...) updated with add/xor/rotl
/// and leaves it the way its name says. `CHURN` makes four more locals ($x1..$x4) the
/// function's most used, so that they are the ones pinned for the whole function
/// (r8-r11) and the loop homes the observable ones.
const GUEST: &str = r#"
(module
  (memory 1)

  ;; The fall-through end: the loop's own br_if is its back edge.
  (func (export "fall_through") ;;FALL_THROUGH

  ;; br_if out to a block without results, from inside a nested block of the loop.
  (func (export "br_if_out") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $i i32)
    ;;X
    (local.set $a (i32.const 5)) (local.set $b (i32.const 9))
    (block $out
      (loop $l
      ;;CHURN
        (block $inner
          (local.set $a (i32.add (local.get $a) (local.get $b)))
          (local.set $b (i32.rotl (i32.xor (local.get $b) (local.get $a)) (i32.const 3)))
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (br_if $out (i32.ge_u (local.get $c) (local.get $n))))
        (br $l)))
    (i32.xor (i32.add (local.get $a) (local.get $b)) (local.get $c)))

  ;; br_if out to a block with one result (it merges in a register), carrying a homed
  ;; local's value.
  (func (export "br_if_result") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32)
    ;;X
    (local.set $a (i32.const 3)) (local.set $b (i32.const 4))
    (i32.add
      (block $out (result i32)
        (loop $l
      ;;CHURN
          (local.set $a (i32.add (local.get $a) (local.get $b)))
          (local.set $b (i32.rotl (i32.xor (local.get $b) (local.get $a)) (i32.const 11)))
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (drop (br_if $out (local.get $a) (i32.ge_u (local.get $c) (local.get $n))))
          (br $l))
        (i32.const 0))
      (i32.add (local.get $a) (local.get $b))))

  ;; br_if out to a block with two results (they merge in slots).
  (func (export "br_if_two") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32)
    ;;X
    (local.set $a (i32.const 7)) (local.set $b (i32.const 1))
    (block $out (result i32 i32)
      (loop $l
      ;;CHURN
        (local.set $a (i32.add (local.get $a) (local.get $b)))
        (local.set $b (i32.rotl (i32.xor (local.get $b) (local.get $a)) (i32.const 5)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br_if $out (local.get $b) (local.get $a) (i32.ge_u (local.get $c) (local.get $n)))
        (br $l))
      (unreachable))
    (i32.sub)
    (i32.add (i32.mul (local.get $a) (i32.const 3)) (local.get $b))
    (i32.xor))

  ;; An unconditional br out from an if inside the loop; the loop's end is unreachable.
  (func (export "br_out") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32)
    ;;X
    (local.set $a (i32.const 2)) (local.set $b (i32.const 6))
    (block $out
      (loop $l
      ;;CHURN
        (local.set $a (i32.add (local.get $a) (local.get $b)))
        (local.set $b (i32.rotl (i32.xor (local.get $b) (local.get $a)) (i32.const 13)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (if (i32.ge_u (local.get $c) (local.get $n))
          (then (br $out))
          (else (local.set $a (i32.xor (local.get $a) (local.get $c)))))
        (br $l)))
    (i32.add (i32.add (local.get $a) (local.get $b)) (local.get $c)))

  ;; br_if to the function's label: a return from inside the loop.
  (func (export "returns") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32)
    ;;X
    (local.set $a (i32.const 8)) (local.set $b (i32.const 3))
    (loop $l
      ;;CHURN
      (local.set $a (i32.add (local.get $a) (local.get $b)))
      (local.set $b (i32.rotl (i32.xor (local.get $b) (local.get $a)) (i32.const 9)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br_if 1 (i32.add (local.get $a) (local.get $b)) (i32.ge_u (local.get $c) (local.get $n)))
      (br $l))
    (unreachable))

  ;; i64 homes, and a copy of a homed local taken before it changes (a lazy reference
  ;; the set must not see through).
  (func (export "wide") (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $old i64) (local $i i32)
    ;;X
    (local.set $a (i64.const 0x1234_5678_9abc_def0)) (local.set $b (i64.const 17))
    (loop $l
      ;;CHURN
      (local.get $a)
      (local.set $a (i64.add (local.get $a) (local.get $b)))
      (local.set $old)
      (local.set $b (i64.rotl (i64.xor (local.get $b) (local.get $old)) (i64.const 29)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                          (local.get $n))))
    (i64.xor (i64.add (local.get $a) (local.get $b)) (local.get $old)))

  ;; A trap inside the loop (an access past memory once $c reaches $n); the instance is
  ;; used again afterwards.
  (func (export "traps") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32)
    ;;X
    (local.set $a (i32.const 1)) (local.set $b (i32.const 1))
    (loop $l
      ;;CHURN
      (local.set $a (i32.add (local.get $a) (local.get $b)))
      (local.set $b (i32.xor (local.get $b) (local.get $a)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (i32.store (i32.mul (i32.ge_u (local.get $c) (local.get $n)) (i32.const 0x10000))
                 (i32.xor (local.get $a) (local.get $b)))
      (br $l))
    (unreachable))

  ;; Six homes (memory-free: rcx, rdx, r14 and rax too), around each operator that
  ;; would name rcx or rdx: shifts by counts in each of r13, rdi, rcx and rdx (rcx's own
  ;; $r by itself among them) and in a temporary, clz/ctz/popcnt of constants, and a
  ;; comparison of rax's home ($p, sixth most used) with a local in a frame slot ($q).
  (func (export "scratch") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local $p i32) (local $q i32) (local $i i32) (local $r i32)
    ;;X
    (local.set $a (i32.const 0x1234567)) (local.set $b (i32.const 0x9abcdef))
    (local.set $c (i32.const 3)) (local.set $d (i32.const 0x55))
    (local.set $q (i32.const 0x8000_0000)) (local.set $r (i32.const 0x1357))
    (loop $l
      ;;CHURN
      (local.set $r (i32.xor (i32.shl (local.get $r) (local.get $r))
                             (i32.add (local.get $r) (local.get $r))))
      (local.set $a (i32.add (local.get $a)
                             (i32.rotl (local.get $b) (i32.xor (local.get $c) (i32.const 1)))))
      (local.set $b (i32.xor (i32.shl (local.get $b) (local.get $d)) (local.get $a)))
      (local.set $c (i32.add (i32.shr_u (local.get $c) (local.get $a))
                             (i32.clz (i32.const 0x00f0_0000))))
      (local.set $d (i32.sub (i32.rotr (local.get $d) (local.get $b))
                             (i32.popcnt (i32.const 0xff0f))))
      (local.set $p (i32.add (local.get $p) (local.get $a)))
      (if (i32.lt_u (local.get $p) (local.get $q))
        (then (local.set $a (i32.xor (local.get $a) (i32.ctz (i32.const 0x20))))))
      (local.set $d (i32.add (local.get $d)
                             (i32.shl (local.get $c) (i32.add (local.get $p) (i32.const 3)))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                          (local.get $n))))
    (i32.add (i32.add (i32.xor (local.get $a) (local.get $b))
                      (i32.xor (local.get $c) (local.get $d)))
             (i32.xor (local.get $p) (local.get $r))))

  ;; Six homes (memory-free: r14 and rax too, after r13, rdi, rcx and rdx), leaving the
  ;; loop by br_if, by br or through its end ($n % 3 says which), then storing and
  ;; loading through r14, which every way out must have given the memory base back.
  (func (export "context") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e i32) (local $i i32)
    (local $way i32)
    ;;X
    (local.set $way (i32.rem_u (local.get $n) (i32.const 3)))
    (local.set $a (i32.const 1)) (local.set $b (i32.const 2)) (local.set $e (i32.const 3))
    (block $out
      (loop $l
      ;;CHURN
        (local.set $a (i32.add (local.get $a) (local.get $e)))
        (local.set $b (i32.xor (local.get $b) (local.get $a)))
        (local.set $c (i32.add (local.get $c) (local.get $b)))
        (local.set $d (i32.rotl (i32.add (local.get $d) (i32.const 0x9e37)) (local.get $c)))
        (local.set $e (i32.add (local.get $e) (local.get $d)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.ge_u (local.get $i) (local.get $n))
          (then
            (br_if $out (i32.eqz (local.get $way)))
            (if (i32.eq (local.get $way) (i32.const 1)) (then (br $out)))))
        (br_if $l (i32.lt_u (local.get $i) (local.get $n)))))
    (i32.store (i32.const 32) (i32.xor (local.get $a) (local.get $b)))
    (i32.store (i32.const 36) (i32.add (local.get $c) (local.get $d)))
    (i32.add (i32.add (i32.load (i32.const 32)) (i32.load (i32.const 36)))
             (i32.mul (local.get $e) (local.get $i))))

  ;; Four homes around loads and stores (where the module's addresses spare rcx and
  ;; rdx): addresses in each home and in slots ($q and $v are used twice each, so they
  ;; stay there), stored values in homes, in a slot and a 64-bit constant. With $n past a
  ;; million it loads at an offset beyond 2^31 from a slot's address and traps.
  (func (export "memory") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $q i32) (local $v i32)
    (local $i i32)
    ;;X
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 0x10000))
    (local.set $a (i32.const 16)) (local.set $b (i32.const 1000))
    (local.set $c (i32.const 7)) (local.set $d (i32.const 0x1ff))
    (loop $l
      ;;CHURN
      (local.set $q (i32.and (i32.add (local.get $a) (local.get $b)) (i32.const 0x7ff8)))
      (local.set $v (i32.xor (local.get $c) (local.get $d)))
      (i32.store (local.get $b) (local.get $v))
      (i32.store8 offset=3 (local.get $c) (local.get $d))
      (i64.store offset=8 (local.get $q) (i64.const 0x1234_5678_9abc_def0))
      (if (i32.gt_u (local.get $n) (i32.const 1_000_000))
        (then (drop (i32.load offset=0xffff_fff0 (local.get $q)))))
      (local.set $a (i32.and (i32.add (local.get $a) (i32.load offset=4 (local.get $d)))
                             (i32.const 0x7fff)))
      (local.set $b (i32.and (i32.add (local.get $b) (i32.load8_u offset=11 (local.get $a)))
                             (i32.const 0x7ff0)))
      (local.set $c (i32.and (i32.add (local.get $c) (i32.load (local.get $b)))
                             (i32.const 0x7fff)))
      (local.set $d (i32.and (i32.xor (local.get $d) (i32.load offset=2 (local.get $c)))
                             (i32.const 0x7ff)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                          (local.get $n))))
    (local.set $a (i32.add (i32.add (local.get $a) (local.get $b))
                           (i32.add (local.get $c) (local.get $d))))
    (local.set $c (i32.add (i32.load (i32.const 1000))
                           (i32.load (i32.add (local.get $q) (i32.const 16)))))
    (i32.add (local.get $a) (local.get $c)))

  ;; Six homes (memory- and global-free: r14 and rax too), around each operator that
  ;; would take rax as scratch: shifts by counts in homes (rcx's own home kept aside,
  ;; rax's as the count), clz and ctz of homes, locals copied slot to slot by set and tee,
  ;; a lazily read local spilled slot to slot by a tee of it, a 64-bit constant stored to
  ;; a slot and one added to a slot's value, a comparison of two slots ($p and $q), and
  ;; f64 locals swapped through slots.
  (func (export "last") (param $n i32) (result i64)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e i32) (local $f i32)
    (local $p i32) (local $q i32) (local $r i32) (local $w i64) (local $i i32)
    (local $g f64) (local $h f64) (local $t f64)
    ;;X
    (local.set $a (i32.const 0x1234567)) (local.set $b (i32.const 0x9abcdef))
    (local.set $c (i32.const 3)) (local.set $d (i32.const 0x55)) (local.set $e (i32.const 11))
    (local.set $f (i32.const 0x77)) (local.set $q (i32.const 0x4000_0000))
    (local.set $g (f64.const 1.5)) (local.set $h (f64.const -2.25))
    (loop $l
      ;;CHURN
      (local.set $a (i32.add (local.get $a) (i32.shl (local.get $b) (local.get $c))))
      (local.set $b (i32.xor (local.get $b) (i32.clz (local.get $a))))
      (local.set $c (i32.add (local.get $c) (i32.ctz (local.get $b))))
      (local.set $d (i32.add (local.get $d) (i32.xor (local.get $a) (local.get $c))))
      (local.set $e (i32.add (local.get $e) (i32.add (local.get $d) (local.get $b))))
      (local.set $e (i32.add (local.get $e) (i32.rotr (local.get $d) (local.get $f))))
      (local.set $f (i32.xor (local.get $f) (i32.add (local.get $e) (local.get $a))))
      (local.set $p (local.get $q))
      (local.set $q (i32.add (local.get $f) (local.tee $r (local.get $p))))
      (local.set $r (i32.add (local.get $r) (local.tee $r (i32.const 7))))
      (local.set $w (i64.add (local.get $w) (i64.const 0x1_0000_0001)))
      (if (i32.lt_u (local.get $p) (local.get $q))
        (then (local.set $w (i64.const 0x1234_5678_9abc_def0))))
      (local.set $t (local.get $g)) (local.set $g (local.get $h)) (local.set $h (local.get $t))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                          (local.get $n))))
    (i64.xor
      (i64.add (local.get $w) (i64.reinterpret_f64 (local.get $g)))
      (i64.extend_i32_u
        (i32.add (i32.add (i32.xor (local.get $a) (local.get $b))
                          (i32.xor (local.get $c) (local.get $d)))
                 (i32.add (i32.xor (local.get $e) (local.get $f))
                          (i32.xor (local.get $p) (i32.xor (local.get $q) (local.get $r))))))))
)
"#;

/// An integer result as a number (`Val` has no equality: it holds references).
fn number(results: &[Val]) -> i64 {
    match results {
        [Val::I32(x)] => *x as i64,
        [Val::I64(x)] => *x,
        other => panic!("not one integer: {other:?}"),
    }
}

/// The four churned locals, declared in every function (`;;X` in `GUEST`).
const X_LOCALS: &str = "(local $x1 i32) (local $x2 i32) (local $x3 i32) (local $x4 i32)";

/// Eight uses of each churned local per iteration (`;;CHURN` in `GUEST`): more than any
/// observable local has, so pinning takes them.
const CHURN: &str = "
      (local.set $x1 (i32.xor (i32.add (local.get $x1) (local.get $x2)) (local.get $x3)))
      (local.set $x2 (i32.xor (i32.add (local.get $x2) (local.get $x3)) (local.get $x4)))
      (local.set $x3 (i32.xor (i32.add (local.get $x3) (local.get $x4)) (local.get $x1)))
      (local.set $x4 (i32.xor (i32.add (local.get $x4) (local.get $x1)) (local.get $x2)))
      (local.set $x1 (i32.xor (i32.add (local.get $x1) (local.get $x2)) (local.get $x3)))
      (local.set $x2 (i32.xor (i32.add (local.get $x2) (local.get $x3)) (local.get $x4)))
      (local.set $x3 (i32.xor (i32.add (local.get $x3) (local.get $x4)) (local.get $x1)))
      (local.set $x4 (i32.xor (i32.add (local.get $x4) (local.get $x1)) (local.get $x2)))";

/// The guest module's text.
fn guest() -> String {
    expand(GUEST, "")
}

/// `guest` with the shared parts in place: `fall_through`'s body with `flag` before its
/// loop, the churned locals and their churn.
fn expand(module: &str, flag: &str) -> String {
    module
        .replace(";;FALL_THROUGH", &FALL_THROUGH.replace(";;FLAG", flag))
        .replace(";;X", X_LOCALS)
        .replace(";;CHURN", CHURN)
}

fn rotl32(x: u32, k: u32) -> u32 {
    x.rotate_left(k)
}

/// `fall_through`'s locals ($a, $b, $c, $d) after `iterations` iterations; `change`
/// (iteration, value) sets $a to value before that iteration, as a debugger may.
fn fall_through_after(iterations: u32, change: Option<(u32, u32)>) -> [u32; 4] {
    let (mut a, mut b, mut c, mut d) = (1u32, 2u32, 0u32, 0u32);
    for i in 0..iterations {
        if let Some((at, value)) = change {
            if i == at {
                a = value;
            }
        }
        a = a.wrapping_add(b);
        b = rotl32(b ^ a, 7);
        c = c.wrapping_add(a);
        d ^= rotl32(b.wrapping_add(d), c & 31);
    }
    [a, b, c, d]
}

/// The Rust model of each function, by name.
fn model(name: &str, n: u32) -> Val {
    let n = n.max(1);
    match name {
        "fall_through" => {
            let [a, b, c, d] = fall_through_after(n, None);
            Val::I32(a.wrapping_add(b).wrapping_add(c.wrapping_add(d)) as i32)
        }
        "br_if_out" => {
            let (mut a, mut b, mut c) = (5u32, 9u32, 0u32);
            loop {
                a = a.wrapping_add(b);
                b = rotl32(b ^ a, 3);
                c += 1;
                if c >= n {
                    break;
                }
            }
            Val::I32((a.wrapping_add(b) ^ c) as i32)
        }
        "br_if_result" => {
            let (mut a, mut b, mut c) = (3u32, 4u32, 0u32);
            loop {
                a = a.wrapping_add(b);
                b = rotl32(b ^ a, 11);
                c += 1;
                if c >= n {
                    break;
                }
            }
            Val::I32(a.wrapping_add(a.wrapping_add(b)) as i32)
        }
        "br_if_two" => {
            let (mut a, mut b, mut c) = (7u32, 1u32, 0u32);
            loop {
                a = a.wrapping_add(b);
                b = rotl32(b ^ a, 5);
                c += 1;
                if c >= n {
                    break;
                }
            }
            let carried = b.wrapping_sub(a);
            Val::I32((carried ^ a.wrapping_mul(3).wrapping_add(b)) as i32)
        }
        "br_out" => {
            let (mut a, mut b, mut c) = (2u32, 6u32, 0u32);
            loop {
                a = a.wrapping_add(b);
                b = rotl32(b ^ a, 13);
                c += 1;
                if c >= n {
                    break;
                }
                a ^= c;
            }
            Val::I32(a.wrapping_add(b).wrapping_add(c) as i32)
        }
        "returns" => {
            let (mut a, mut b, mut c) = (8u32, 3u32, 0u32);
            loop {
                a = a.wrapping_add(b);
                b = rotl32(b ^ a, 9);
                c += 1;
                if c >= n {
                    break;
                }
            }
            Val::I32(a.wrapping_add(b) as i32)
        }
        "scratch" => {
            let (mut a, mut b, mut c, mut d) = (0x1234567u32, 0x9abcdefu32, 3u32, 0x55u32);
            let (mut p, q, mut r) = (0u32, 0x8000_0000u32, 0x1357u32);
            for _ in 0..n {
                r = (r << (r & 31)) ^ r.wrapping_add(r);
                a = a.wrapping_add(rotl32(b, (c ^ 1) & 31));
                b = (b << (d & 31)) ^ a;
                c = (c >> (a & 31)).wrapping_add(8);
                d = d.rotate_right(b & 31).wrapping_sub(12);
                p = p.wrapping_add(a);
                if p < q {
                    a ^= 5;
                }
                d = d.wrapping_add(c << (p.wrapping_add(3) & 31));
            }
            Val::I32(((a ^ b).wrapping_add(c ^ d).wrapping_add(p ^ r)) as i32)
        }
        "memory" => {
            let mut memory = vec![0u8; 0x10000];
            let load = |memory: &[u8], at: u32| {
                u32::from_le_bytes(memory[at as usize..at as usize + 4].try_into().unwrap())
            };
            let (mut a, mut b, mut c, mut d, mut q) = (16u32, 1000u32, 7u32, 0x1ffu32, 0u32);
            for _ in 0..n {
                q = a.wrapping_add(b) & 0x7ff8;
                let v = c ^ d;
                memory[b as usize..b as usize + 4].copy_from_slice(&v.to_le_bytes());
                memory[c as usize + 3] = d as u8;
                let at = q as usize + 8;
                memory[at..at + 8].copy_from_slice(&0x1234_5678_9abc_def0u64.to_le_bytes());
                a = a.wrapping_add(load(&memory, d + 4)) & 0x7fff;
                b = b.wrapping_add(u32::from(memory[a as usize + 11])) & 0x7ff0;
                c = c.wrapping_add(load(&memory, b)) & 0x7fff;
                d = (d ^ load(&memory, c + 2)) & 0x7ff;
            }
            let sum = a.wrapping_add(b).wrapping_add(c.wrapping_add(d));
            Val::I32(
                sum.wrapping_add(load(&memory, 1000).wrapping_add(load(&memory, q + 16))) as i32,
            )
        }
        "context" => {
            let (mut a, mut b, mut c, mut d, mut e) = (1u32, 2u32, 0u32, 0u32, 3u32);
            for _ in 0..n {
                a = a.wrapping_add(e);
                b ^= a;
                c = c.wrapping_add(b);
                d = rotl32(d.wrapping_add(0x9e37), c & 31);
                e = e.wrapping_add(d);
            }
            Val::I32(
                ((a ^ b)
                    .wrapping_add(c.wrapping_add(d))
                    .wrapping_add(e.wrapping_mul(n))) as i32,
            )
        }
        "wide" => {
            let (mut a, mut b, mut old) = (0x1234_5678_9abc_def0u64, 17u64, 0u64);
            for _ in 0..n {
                old = a;
                a = a.wrapping_add(b);
                b = (b ^ old).rotate_left(29);
            }
            Val::I64((a.wrapping_add(b) ^ old) as i64)
        }
        "last" => {
            let (mut a, mut b, mut c) = (0x1234567u32, 0x9abcdefu32, 3u32);
            let (mut d, mut e, mut f) = (0x55u32, 11u32, 0x77u32);
            let (mut p, mut q, mut r, mut w) = (0u32, 0x4000_0000u32, 0u32, 0u64);
            let (mut g, mut h) = (1.5f64, -2.25f64);
            for _ in 0..n {
                a = a.wrapping_add(b << (c & 31));
                b ^= a.leading_zeros();
                c = c.wrapping_add(b.trailing_zeros());
                d = d.wrapping_add(a ^ c);
                e = e.wrapping_add(d.wrapping_add(b));
                e = e.wrapping_add(d.rotate_right(f & 31));
                f ^= e.wrapping_add(a);
                p = q;
                r = p;
                q = f.wrapping_add(r);
                r = r.wrapping_add(7);
                w = w.wrapping_add(0x1_0000_0001);
                if p < q {
                    w = 0x1234_5678_9abc_def0;
                }
                std::mem::swap(&mut g, &mut h);
            }
            let low = (a ^ b)
                .wrapping_add(c ^ d)
                .wrapping_add((e ^ f).wrapping_add(p ^ (q ^ r)));
            Val::I64((w.wrapping_add(g.to_bits()) ^ u64::from(low)) as i64)
        }
        _ => unreachable!("no model for {name}"),
    }
}

/// Configurations, with the homes each gives a loop: plain and debuggable modules six
/// (in a loop accessing memory four, r14 being its base and rax its scratch, and a
/// debuggable one none), with fuel one fewer, debuggable with fuel none; with explicit
/// bounds checks six, but two in a loop accessing memory (its addresses need rcx and
/// rdx).
fn configs() -> Vec<(&'static str, Config)> {
    let plain = Config::new();
    let mut explicit = Config::new();
    explicit.bounds_checks(kestrel::BoundsChecks::Explicit);
    let mut debuggable = Config::new();
    debuggable.debug_instrumentation(true);
    let mut fuel = Config::new();
    fuel.consume_fuel(true);
    let mut debuggable_fuel = Config::new();
    debuggable_fuel
        .debug_instrumentation(true)
        .consume_fuel(true);
    vec![
        ("plain", plain),
        ("debuggable", debuggable),
        ("fuel", fuel),
        ("debuggable+fuel", debuggable_fuel),
        ("explicit bounds", explicit),
    ]
}

const FUNCS: [&str; 11] = [
    "fall_through",
    "br_if_out",
    "br_if_result",
    "br_if_two",
    "br_out",
    "returns",
    "wide",
    "scratch",
    "context",
    "memory",
    "last",
];

/// Every guest function's loop, in function index order: its name, how many candidates
/// for homes it has (unpinned integer locals used at least three times in it), and
/// whether it accesses memory.
const LOOPS: [(&str, usize, bool); 12] = [
    ("fall_through", 5, false),
    ("br_if_out", 3, false),
    ("br_if_result", 3, false),
    ("br_if_two", 3, false),
    ("br_out", 3, false),
    ("returns", 3, false),
    ("wide", 2, false),
    ("traps", 3, true),
    ("scratch", 6, false),
    ("context", 6, false),
    ("memory", 4, true),
    ("last", 10, false),
];

/// An instance of the guest in each configuration, with fuel to spare where it counts.
fn guest_instances() -> Vec<(&'static str, Instance)> {
    configs()
        .into_iter()
        .map(|(label, config)| {
            let engine = Engine::new(&config);
            let module = Module::new(&engine, guest()).expect("compiles");
            let instance = Linker::new(&engine)
                .instantiate(&module)
                .expect("instantiates");
            if label.contains("fuel") {
                instance.set_fuel(u64::MAX / 2).unwrap();
            }
            (label, instance)
        })
        .collect()
}

#[test]
fn every_way_out_of_a_homed_loop_leaves_the_locals_in_their_slots() {
    for (label, instance) in guest_instances() {
        for name in FUNCS {
            let f = instance.get_func(name).unwrap();
            for n in [1u32, 2, 3, 7, 100, 1000] {
                let got = f.call(&[Val::I32(n as i32)]).expect("runs");
                assert_eq!(
                    number(&got),
                    number(&[model(name, n)]),
                    "{label}: {name}({n})"
                );
            }
        }
    }
}

#[test]
fn a_trap_inside_a_homed_loop_leaves_the_instance_usable() {
    for (label, instance) in guest_instances() {
        let traps = instance.get_func("traps").unwrap();
        let memory = instance.get_func("memory").unwrap();
        let fall = instance.get_func("fall_through").unwrap();
        for n in [1, 5, 50] {
            match traps.call(&[Val::I32(n)]) {
                Err(Error::Trap(t)) => assert_eq!(t.kind(), TrapKind::MemoryOutOfBounds, "{label}"),
                other => panic!("{label}: traps({n}) gave {other:?}"),
            }
            // An offset beyond 2^31 added to an address from a slot.
            match memory.call(&[Val::I32(2_000_000 + n)]) {
                Err(Error::Trap(t)) => assert_eq!(t.kind(), TrapKind::MemoryOutOfBounds, "{label}"),
                other => panic!("{label}: memory({n}) gave {other:?}"),
            }
            let got = fall.call(&[Val::I32(10)]).expect("runs after the trap");
            assert_eq!(
                number(&got),
                number(&[model("fall_through", 10)]),
                "{label}"
            );
        }
    }
}

/// How many loads of a local into a home register (r13, rdi, rcx, rdx, r14, rax) function
/// `index`'s plain code has where homes are loaded: in the run of loads that ends at the
/// loop's head (its alignment padding aside), one per home, and in a debuggable module in
/// the run before each jump to the head from outside the loop (the head's out-of-line
/// point), one more per home. Anywhere else these registers are loaded for other reasons
/// (a division's dividend in rax, a shift's count in rcx).
fn home_loads(module: &Module, index: u32) -> usize {
    let region = module
        .code_regions()
        .into_iter()
        .find(|r| matches!(r.kind, CodeRegionKind::Function { index: i } if i == index))
        .expect("the function's code");
    let listing = disasm::disassemble(module, &region, "");
    // (offset, instruction) per line.
    let lines: Vec<(u64, &str)> = listing
        .lines()
        .map(|line| {
            let (offset, text) = line.split_once("  ").expect("offset and instruction");
            (u64::from_str_radix(offset, 16).unwrap(), text)
        })
        .collect();
    // The loop: from the first backward jump's target to that jump.
    let target = |text: &str| {
        let (_, after) = text.split_once(&format!("func[{index}]+"))?;
        u64::from_str_radix(after.strip_suffix('h')?, 16).ok()
    };
    let (head, back_edge) = lines
        .iter()
        .filter(|(_, text)| text.starts_with('j'))
        .find_map(|&(at, text)| target(text).filter(|&to| to < at).map(|to| (to, at)))
        .expect("the function has a loop");
    let is_home_load = |text: &str| {
        [
            "mov r13d,[rbp",
            "mov r13,[rbp",
            "mov edi,[rbp",
            "mov rdi,[rbp",
            "mov ecx,[rbp",
            "mov rcx,[rbp",
            "mov edx,[rbp",
            "mov rdx,[rbp",
            "mov r14d,[rbp",
            "mov r14,[rbp",
            "mov eax,[rbp",
            "mov rax,[rbp",
        ]
        .iter()
        .any(|load| text.starts_with(load))
    };
    // The home loads in the run ending just before line `end` (padding skipped).
    let run_before = |end: usize| {
        lines[..end]
            .iter()
            .rev()
            .skip_while(|(_, text)| text.starts_with("nop") || *text == "xchg ax,ax")
            .take_while(|(_, text)| is_home_load(text))
            .count()
    };
    let head_line = lines
        .iter()
        .position(|&(at, _)| at == head)
        .expect("the head is an instruction");
    let reloads: usize = lines
        .iter()
        .enumerate()
        .filter(|&(_, &(at, text))| {
            !(head..=back_edge).contains(&at)
                && text.starts_with("jmp")
                && target(text) == Some(head)
        })
        .map(|(line, _)| run_before(line))
        .sum();
    run_before(head_line) + reloads
}

/// The tests above are about homed loops: each configuration must give every loop the
/// homes "DESIGN: loop homes" says, or the comparisons prove less than they claim.
#[test]
fn the_guest_loops_have_the_homes_each_configuration_gives() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, guest()).expect("compiles");
        for (index, (name, candidates, accesses_memory)) in LOOPS.into_iter().enumerate() {
            let loads = home_loads(&module, index as u32);
            let most = |without_memory, with_memory| {
                candidates.min(if accesses_memory {
                    with_memory
                } else {
                    without_memory
                })
            };
            let expected = match label {
                "plain" => most(6, 4),
                // The load before the head and the reload at the head's point.
                "debuggable" => 2 * most(6, 0),
                "fuel" => most(5, 3),
                "explicit bounds" => most(6, 2),
                _ => 0,
            };
            assert_eq!(loads, expected, "{label}: {name}'s home loads");
        }
    }
}

/// A loop with four homes storing to and loading from above 2 GiB, at offsets beyond
/// 2^31 from addresses in slots ($q and $r): with rdx a home, such an address is built in
/// rax alone (`memory::address32`), and both accesses must reach the same bytes.
const FAR: &str = r#"
(module
  (memory 32769)
  (func (export "far") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $q i32) (local $r i32)
    (local $i i32)
    ;;X
    (local.set $a (i32.const 1)) (local.set $b (i32.const 2))
    (local.set $c (i32.const 3)) (local.set $d (i32.const 4))
    (loop $l
      ;;CHURN
      (local.set $q (i32.and (i32.add (local.get $a) (local.get $b)) (i32.const 0xfff8)))
      (local.set $r (i32.add (i32.and (i32.add (local.get $a) (local.get $b)) (i32.const 0xfff8))
                             (i32.const 8)))
      (i32.store offset=0x8000_0000 (local.get $q) (i32.xor (local.get $c) (local.get $d)))
      (local.set $a (i32.add (local.get $a) (i32.load offset=0x7fff_fff8 (local.get $r))))
      (local.set $b (i32.add (local.get $b) (i32.rotl (local.get $c) (i32.const 5))))
      (local.set $c (i32.add (local.get $c) (local.get $d)))
      (local.set $d (i32.xor (local.get $d) (local.get $a)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                          (local.get $n))))
    (i32.add (i32.add (local.get $a) (local.get $b)) (i32.add (local.get $c) (local.get $d))))
)
"#;

/// `FAR`'s result.
fn far_model(n: u32) -> i32 {
    let (mut a, mut b, mut c, mut d) = (1u32, 2u32, 3u32, 4u32);
    for _ in 0..n.max(1) {
        a = a.wrapping_add(c ^ d);
        b = b.wrapping_add(rotl32(c, 5));
        c = c.wrapping_add(d);
        d ^= a;
    }
    a.wrapping_add(b).wrapping_add(c.wrapping_add(d)) as i32
}

#[test]
fn offsets_beyond_2_31_from_slots_reach_the_bytes_they_name() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, expand(FAR, "")).expect("compiles");
        let expected = match label {
            "plain" => 4,
            "debuggable" | "debuggable+fuel" => 0,
            "fuel" => 3,
            _ => 2,
        };
        assert_eq!(
            home_loads(&module, 0),
            expected,
            "{label}: far's home loads"
        );
        let instance = Linker::new(&engine)
            .instantiate(&module)
            .expect("instantiates");
        if label.contains("fuel") {
            instance.set_fuel(u64::MAX / 2).unwrap();
        }
        let far = instance.get_typed_func::<i32, i32>("far").unwrap();
        for n in [1u32, 2, 50, 1000] {
            assert_eq!(
                far.call(n as i32).unwrap(),
                far_model(n),
                "{label}: far({n})"
            );
        }
    }
}

/// `fall_through` with a flag (`wait_until_running`) set before its loop, for the
/// debugger's tests; the loop itself accesses no memory, so a debuggable module homes
/// $a, $b, $c, $d and $i (locals 1 to 5, in r13, rdi, rcx, rdx and r14), and the
/// instrumented version stores and loads through r14 after the loop.
const DEBUGGED: &str = r#"
(module
  (memory (export "memory") 1)
  (func (export "run") ;;FALL_THROUGH
)
"#;

/// The loop body's first instruction in `DEBUGGED` (after two constants and the store,
/// two constants and two sets, and the `loop`): where an iteration starts.
const LOOP_BODY: usize = 8;

/// A debuggable instance of `DEBUGGED`, checked to home its loop, and the loop body's
/// first instruction offset.
fn debugged(config: &Config) -> (Instance, u32) {
    let engine = Engine::new(config);
    let module = Module::new(
        &engine,
        expand(DEBUGGED, "(i32.store8 (i32.const 0) (i32.const 1))"),
    )
    .expect("compiles");
    assert_eq!(home_loads(&module, 0), 10, "the loop has five homes");
    let instance = Linker::new(&engine)
        .instantiate(&module)
        .expect("instantiates");
    let body = instance.debugger().unwrap().instruction_offsets(0).unwrap()[LOOP_BODY];
    (instance, body)
}

/// A stop's $i and ($a, $b, $c, $d).
fn state(frame: &kestrel::Frame<'_>) -> (u32, [u32; 4]) {
    let read = |index: u32| match frame.local(index) {
        Ok(Val::I32(x)) => x as u32,
        other => panic!("local {index}: {other:?}"),
    };
    (read(5), [read(1), read(2), read(3), read(4)])
}

/// The debuggable configurations whose loops have homes (eager instrumented versions
/// too: the instrumented version exists before the call, so its point is taken at once).
fn debugged_configs() -> Vec<Config> {
    let mut lazy = Config::new();
    lazy.debug_instrumentation(true);
    let mut eager = Config::new();
    eager
        .debug_instrumentation(true)
        .instrumented_versions(kestrel::InstrumentedVersions::Eager);
    vec![lazy, eager]
}

/// A breakpoint set while the homed loop runs in the plain version stops it at the start
/// of an iteration with every local as the model has it there (the head's slow path wrote
/// the homes back); the handler changes $a and clears the breakpoint, and the loop goes
/// on in the plain version (through the point that reloads the homes) to the result the
/// change gives.
#[test]
fn a_breakpoint_set_while_a_homed_loop_runs_sees_and_changes_its_locals() {
    for config in debugged_configs() {
        let (instance, body) = debugged(&config);
        let dbg = instance.debugger().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (record, clear) = (seen.clone(), dbg.clone());
        dbg.set_handler(move |event, frame| {
            let (i, locals) = state(frame);
            record
                .lock()
                .unwrap()
                .push((event.name(), frame.offset(), i, locals));
            frame.set_local(1, Val::I32(0x5eed)).unwrap();
            clear.clear_all_breakpoints();
            Resume::Continue
        });
        let n = 30_000_000u32;
        let run = instance.get_typed_func::<i32, i32>("run").unwrap();
        let result = std::thread::scope(|scope| {
            let caller = scope.spawn(move || run.call(n as i32));
            wait_until_running(&instance);
            dbg.set_breakpoint(0, body).unwrap();
            caller.join().unwrap().unwrap()
        });
        let seen = seen.lock().unwrap().clone();
        let [(event, offset, i, locals)] = seen[..] else {
            panic!("one stop expected: {seen:?}");
        };
        assert_eq!((event, offset), ("breakpoint", body));
        assert!(i < n, "stopped inside the loop ({i})");
        assert_eq!(
            locals,
            fall_through_after(i, None),
            "the locals at iteration {i}"
        );
        let [a, b, c, d] = fall_through_after(n, Some((i, 0x5eed)));
        let expected = a.wrapping_add(b).wrapping_add(c.wrapping_add(d)) as i32;
        assert_eq!(
            result, expected,
            "the result after the change at iteration {i}"
        );
    }
}

/// Pauses requested one after another while the homed loop runs: each stops at the start
/// of an iteration (or, the first, before the loop) with the model's locals, and the
/// loops goes on to the model's result.
#[test]
fn pauses_in_a_homed_loop_read_the_models_locals_and_leave_the_result_alone() {
    for config in debugged_configs() {
        let (instance, body) = debugged(&config);
        let dbg = instance.debugger().unwrap();
        let (events, stops) = std::sync::mpsc::channel();
        let to_host = events.clone();
        dbg.set_handler(move |event, frame| {
            let (i, locals) = state(frame);
            to_host
                .send(Some((event.name(), frame.offset(), i, locals)))
                .unwrap();
            Resume::Continue
        });
        let n = 30_000_000u32;
        let run = instance.get_typed_func::<i32, i32>("run").unwrap();
        let mut in_loop = 0;
        std::thread::scope(|scope| {
            let caller = scope.spawn(move || {
                let result = run.call(n as i32);
                events.send(None).unwrap();
                result
            });
            wait_until_running(&instance);
            dbg.pause();
            while let Some((event, offset, i, locals)) = stops.recv().unwrap() {
                assert_eq!(event, "pause");
                if offset == body {
                    assert_eq!(
                        locals,
                        fall_through_after(i, None),
                        "paused at iteration {i}"
                    );
                    in_loop += 1;
                }
                if in_loop < 20 {
                    dbg.pause();
                }
            }
            assert_eq!(
                i64::from(caller.join().unwrap().unwrap()),
                number(&[model("fall_through", n)])
            );
        });
        assert!(in_loop > 0, "no pause stopped in the loop");
    }
}

/// The embedder's stop request ends a debuggable instance's call in a homed loop at its
/// head (the interrupt steps the thread there), and the trap reported to the debugger
/// shows the model's locals.
#[test]
fn a_stop_request_in_a_homed_loop_reports_the_models_locals() {
    for config in debugged_configs() {
        let (instance, _) = debugged(&config);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = seen.clone();
        instance
            .debugger()
            .unwrap()
            .set_handler(move |event, frame| {
                record.lock().unwrap().push((event.name(), state(frame)));
                Resume::Continue
            });
        let run = instance.get_typed_func::<i32, i32>("run").unwrap();
        let outcome = std::thread::scope(|scope| {
            let caller = scope.spawn(move || run.call(i32::MAX));
            wait_until_running(&instance);
            instance.interrupt_handle().interrupt();
            caller.join().unwrap()
        });
        match outcome {
            Err(t) => assert_eq!(t.kind(), TrapKind::Interrupted),
            Ok(r) => panic!("the call was not stopped: it returned {r}"),
        }
        let seen = seen.lock().unwrap().clone();
        let [(event, (i, locals))] = seen[..] else {
            panic!("one trap report expected: {seen:?}");
        };
        assert_eq!(event, "trap");
        assert_eq!(
            locals,
            fall_through_after(i, None),
            "the locals at iteration {i}"
        );
    }
}
