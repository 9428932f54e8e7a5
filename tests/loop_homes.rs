//! Loop homes (`codegen::loop_homes`, "DESIGN: loop homes"): a plain version's innermost
//! loop that cannot leave wasm code keeps its most used locals in spare temporaries while
//! it runs. Every way out of such a loop must leave each homed local's value in its slot:
//! the fall-through `end`, `br` and `br_if` to a label outside the loop (with no values,
//! with values in slots, with a single result in the merge register), a `br_if` to the
//! function (a return), and a trap. Each guest function below leaves its loop one way and
//! then reads the homed locals from their slots; the results must equal a Rust model and
//! the same module compiled where no loop has homes (debuggable, with fuel).

use kestrel::{CodeRegionKind, Config, Engine, Error, Linker, Module, TrapKind, Val};

#[path = "support/disasm.rs"]
#[allow(dead_code)]
mod disasm;

/// Each function runs a loop over a few locals ($a, $b, ...) updated with add/xor/rotl
/// and leaves it the way its name says. `CHURN` makes four more locals ($x1..$x4) the
/// function's most used, so that they are the ones pinned for the whole function
/// (r8-r11) and the loop homes the observable ones.
const GUEST: &str = r#"
(module
  (memory 1)

  ;; The fall-through end: the loop's own br_if is its back edge.
  (func (export "fall_through") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $i i32)
    ;;X
    (local.set $a (i32.const 1)) (local.set $b (i32.const 2))
    (loop $l
      ;;CHURN
      (local.set $a (i32.add (local.get $a) (local.get $b)))
      (local.set $b (i32.rotl (i32.xor (local.get $b) (local.get $a)) (i32.const 7)))
      (local.set $c (i32.add (local.get $c) (local.get $a)))
      (local.set $d (i32.xor (local.get $d) (local.get $b)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                          (local.get $n))))
    (i32.add (i32.add (local.get $a) (local.get $b)) (i32.add (local.get $c) (local.get $d))))

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
                 (local.get $a))
      (br $l))
    (unreachable))
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
    GUEST.replace(";;X", X_LOCALS).replace(";;CHURN", CHURN)
}

fn rotl32(x: u32, k: u32) -> u32 {
    x.rotate_left(k)
}

/// The Rust model of each function, by name.
fn model(name: &str, n: u32) -> Val {
    let n = n.max(1);
    match name {
        "fall_through" => {
            let (mut a, mut b, mut c, mut d) = (1u32, 2u32, 0u32, 0u32);
            for _ in 0..n {
                a = a.wrapping_add(b);
                b = rotl32(b ^ a, 7);
                c = c.wrapping_add(a);
                d ^= b;
            }
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
        "wide" => {
            let (mut a, mut b, mut old) = (0x1234_5678_9abc_def0u64, 17u64, 0u64);
            for _ in 0..n {
                old = a;
                a = a.wrapping_add(b);
                b = (b ^ old).rotate_left(29);
            }
            Val::I64((a.wrapping_add(b) ^ old) as i64)
        }
        _ => unreachable!("no model for {name}"),
    }
}

/// Configurations: the plain one gives these loops homes; the others give none.
fn configs() -> Vec<(&'static str, Config)> {
    let plain = Config::new();
    let mut debuggable = Config::new();
    debuggable.debug_instrumentation(true);
    let mut fuel = Config::new();
    fuel.consume_fuel(true);
    vec![("plain", plain), ("debuggable", debuggable), ("fuel", fuel)]
}

const FUNCS: [&str; 7] = [
    "fall_through",
    "br_if_out",
    "br_if_result",
    "br_if_two",
    "br_out",
    "returns",
    "wide",
];

#[test]
fn every_way_out_of_a_homed_loop_leaves_the_locals_in_their_slots() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, guest()).expect("compiles");
        let instance = Linker::new(&engine)
            .instantiate(&module)
            .expect("instantiates");
        if label == "fuel" {
            instance.set_fuel(u64::MAX / 2).unwrap();
        }
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
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, guest()).expect("compiles");
        let instance = Linker::new(&engine)
            .instantiate(&module)
            .expect("instantiates");
        if label == "fuel" {
            instance.set_fuel(u64::MAX / 2).unwrap();
        }
        let traps = instance.get_func("traps").unwrap();
        let fall = instance.get_func("fall_through").unwrap();
        for n in [1, 5, 50] {
            match traps.call(&[Val::I32(n)]) {
                Err(Error::Trap(t)) => assert_eq!(t.kind(), TrapKind::MemoryOutOfBounds, "{label}"),
                other => panic!("{label}: traps({n}) gave {other:?}"),
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

/// How many loads of a local into a home register (r13, rdi) function `index`'s plain
/// code has: one per home, before its loop's head (the guests' expressions are too
/// shallow for the value stack to reach for a third or fourth temporary, so a module
/// without homes has none).
fn home_loads(module: &Module, index: u32) -> usize {
    let region = module
        .code_regions()
        .into_iter()
        .find(|r| matches!(r.kind, CodeRegionKind::Function { index: i } if i == index))
        .expect("the function's code");
    disasm::disassemble(module, &region, "")
        .lines()
        .filter(|line| {
            [
                "mov r13d,[rbp",
                "mov r13,[rbp",
                "mov edi,[rbp",
                "mov rdi,[rbp",
            ]
            .iter()
            .any(|load| line.contains(load))
        })
        .count()
}

/// The tests above are about homed loops: the plain configuration must give every one of
/// them homes (two each), and the others none, or the comparison proves nothing.
#[test]
fn the_guest_loops_have_homes_in_plain_modules_only() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, guest()).expect("compiles");
        for (index, name) in FUNCS.iter().chain(&["traps"]).enumerate() {
            let loads = home_loads(&module, index as u32);
            if label == "plain" {
                assert!(
                    loads >= 2,
                    "{name}: homes in the plain module ({loads} loads)"
                );
            } else {
                assert_eq!(loads, 0, "{label}: {name} has no homes");
            }
        }
    }
}
