//! Golden tests of the emitter: a tiny module in, its machine code disassembled out,
//! compared with a checked-in expectation under `tests/golden/`. A change in the code
//! the compiler emits shows up in review as a diff of these files.
//!
//! Regenerate after an intended change with `KESTREL_BLESS=1 cargo test --test golden`.

use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter};
use kestrel::{Config, Engine, Module};

fn disassemble(code: &[u8]) -> String {
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    let mut out = String::new();
    let mut text = String::new();
    for instruction in &mut decoder {
        text.clear();
        formatter.format(&instruction, &mut text);
        out.push_str(&format!("{:04x}  {}\n", instruction.ip(), text));
    }
    out
}

fn check(name: &str, debug: bool, wat: &str) {
    let mut config = Config::new();
    config.debug_instrumentation(debug);
    let module = Module::new(&Engine::new(&config), wat).unwrap();
    let actual = disassemble(module.code());
    let path = format!("{}/tests/golden/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("KESTREL_BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {path}; run with KESTREL_BLESS=1"));
    if expected != actual {
        panic!("emitted code for `{name}` changed; diff against {path}:\n{actual}");
    }
}

#[test]
fn add_uses_registers_and_immediates() {
    check(
        "add",
        false,
        r#"(module (func (export "f") (param i32 i32) (result i32)
            local.get 0 local.get 1 i32.add i32.const 5 i32.add))"#,
    );
}

#[test]
fn compare_and_branch_fuse() {
    check(
        "compare_branch",
        false,
        r#"(module (func (export "f") (param i32) (result i32)
            (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
              (then (i32.const 1)) (else (i32.const 2)))))"#,
    );
}

#[test]
fn loads_address_memory_through_the_pinned_base() {
    check(
        "load",
        false,
        r#"(module (memory 1) (func (export "f") (param i32) (result i64)
            (i64.load offset=8 (local.get 0))))"#,
    );
}

#[test]
fn calls_pass_arguments_in_the_outgoing_area() {
    check(
        "call",
        false,
        r#"(module
            (func $g (param i32 f64) (result f64) local.get 1)
            (func (export "f") (result f64) (call $g (i32.const 1) (f64.const 2.5))))"#,
    );
}

#[test]
fn instrumented_code_has_a_plain_and_an_instrumented_version() {
    check(
        "instrumented",
        true,
        r#"(module (func (export "f") (param i32) (result i32)
            local.get 0 i32.const 1 i32.add))"#,
    );
}

#[test]
fn recursive_fib() {
    check(
        "fib",
        false,
        r#"(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add
        (call $fib (i32.sub (local.get $n) (i32.const 1)))
        (call $fib (i32.sub (local.get $n) (i32.const 2))))))))"#,
    );
}

#[test]
fn byte_copy_loop_keeps_its_counter_in_a_register() {
    check(
        "byte_loop",
        false,
        r#"(module (memory 1)
          (func (export "copy") (param $len i32)
            (local $i i32)
            (block $done
              (loop $bytes
                (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
                (i32.store8 offset=1024 (local.get $i) (i32.load8_u (local.get $i)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $bytes)))))"#,
    );
}

#[test]
fn instrumented_loop_checks_the_stack_limit_on_its_back_edge() {
    check(
        "instrumented_loop",
        true,
        r#"(module
          (func (export "count") (param $n i32) (result i32)
            (local $i i32)
            (block $done
              (loop $next
                (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $next)))
            (local.get $i)))"#,
    );
}

#[test]
fn the_most_used_locals_get_the_registers() {
    // Six integer locals for four registers: the loop's bound (a parameter), counter and
    // stored value get registers, then the first of the locals used outside the loop;
    // the unused parameter never does.
    check(
        "pinned_by_use",
        false,
        r#"(module (memory 1)
          (func (export "fill") (param $len i32) (param $unused i32) (result i32)
            (local $a i32) (local $b i32) (local $c i32) (local $i i32)
            (local.set $a (i32.const 1))
            (local.set $b (i32.const 2))
            (local.set $c (i32.const 3))
            (block $done
              (loop $next
                (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
                (i32.store8 (local.get $i) (local.get $c))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $next)))
            (i32.add (local.get $a) (local.get $b))))"#,
    );
}
