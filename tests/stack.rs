//! Stack exhaustion: deep but finite recursion runs to completion, unbounded recursion
//! (direct, indirect, through host functions, with huge frames) traps with "call stack
//! exhausted" instead of crashing, also on threads with small native stacks and with a
//! configured `max_wasm_stack`, and the instance stays usable after the trap.

use kestrel::{Config, Engine, Error, Instance, Linker, Module, TrapKind, Val};

const RECURSION: &str = r#"
(module
  (type $ii (func (param i32) (result i32)))
  (import "host" "probe" (func $probe (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $ping $pong)
  (global $calls (mut i32) (i32.const 0))

  ;; down(n) = n, recursing n levels deep.
  (func $down (export "down") (param i32) (result i32)
    global.get $calls i32.const 1 i32.add global.set $calls
    local.get 0 i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0 i32.const 1 i32.sub call $down i32.const 1 i32.add
    end)

  (func $forever (export "forever") (param i32) (result i32)
    local.get 0 i32.const 1 i32.add call $forever)

  ;; Mutual recursion through the table.
  (func $ping (param i32) (result i32)
    local.get 0 i32.const 1 i32.add i32.const 1 call_indirect (type $ii))
  (func $pong (param i32) (result i32)
    local.get 0 i32.const 1 i32.add i32.const 0 call_indirect (type $ii))
  (func (export "ping") (param i32) (result i32) local.get 0 call $ping)

  ;; Calls the host at every level, forever.
  (func $with_host (export "with_host") (param i32) (result i32)
    local.get 0 call $probe call $with_host)

  ;; A frame of 40,000 i64 locals (320 KB), recursing `n` levels.
  (func $big (export "big") (param i32) (result i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    LOTS_OF_LOCALS
    local.get 0 i32.eqz
    if (result i64)
      local.get 5
    else
      local.get 0 i32.const 1 i32.sub call $big
      local.get 40000 i64.add
    end)

  (func (export "calls") (result i32) global.get $calls)
  (func (export "ok") (result i32) i32.const 42))
"#;

fn module(engine: &Engine) -> Module {
    let locals = "(local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)\n".repeat(3999);
    let wat = RECURSION.replace("LOTS_OF_LOCALS", &locals);
    Module::new(engine, wat).unwrap()
}

fn instance(module: &Module) -> Instance {
    let mut linker = Linker::new(module.engine());
    linker.func_wrap("host", "probe", |x: i32| {
        // Use a little host stack at every level.
        let text = format!("{x:>64}");
        x + (text.len() as i32 - 64) + 1
    });
    linker.instantiate(module).unwrap()
}

fn expect_stack_overflow(instance: &Instance, name: &str, arg: i32) {
    let f = instance.get_func(name).unwrap();
    match f.call(&[Val::I32(arg)]) {
        Err(Error::Trap(trap)) => {
            assert_eq!(trap.kind(), TrapKind::StackOverflow, "{name}");
            assert_eq!(trap.message(), "call stack exhausted");
            assert!(!trap.backtrace().is_empty());
        }
        other => panic!("{name}: expected stack exhaustion, got {other:?}"),
    }
    // The instance keeps working, and so does deep recursion on it.
    let ok = instance.get_typed_func::<(), i32>("ok").unwrap();
    assert_eq!(ok.call(()).unwrap(), 42);
    let down = instance.get_typed_func::<i32, i32>("down").unwrap();
    assert_eq!(down.call(100).unwrap(), 100);
}

#[test]
fn deep_finite_recursion_succeeds() {
    let engine = Engine::default();
    let instance = instance(&module(&engine));
    let down = instance.get_typed_func::<i32, i32>("down").unwrap();
    assert_eq!(down.call(10_000).unwrap(), 10_000);
    let calls = instance.get_typed_func::<(), i32>("calls").unwrap();
    assert_eq!(calls.call(()).unwrap(), 10_001);
    // Twice, to check nothing leaked from the first descent.
    assert_eq!(down.call(10_000).unwrap(), 10_000);
    // A 320 KB frame fits in the default 1 MiB wasm stack; two of them do as well.
    let big = instance.get_typed_func::<i32, i64>("big").unwrap();
    assert_eq!(big.call(0).unwrap(), 0);
    assert_eq!(big.call(1).unwrap(), 0);
}

#[test]
fn infinite_recursion_traps() {
    let engine = Engine::default();
    let instance = instance(&module(&engine));
    for _ in 0..3 {
        expect_stack_overflow(&instance, "forever", 0);
    }
    expect_stack_overflow(&instance, "ping", 0);
    expect_stack_overflow(&instance, "with_host", 0);
    expect_stack_overflow(&instance, "big", 1_000_000);
    let down = instance.get_typed_func::<i32, i32>("down").unwrap();
    assert_eq!(down.call(10_000).unwrap(), 10_000);
}

#[test]
fn infinite_recursion_traps_on_a_thread_with_a_small_stack() {
    let engine = Engine::default();
    let module = module(&engine);
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let instance = instance(&module);
            let down = instance.get_typed_func::<i32, i32>("down").unwrap();
            assert_eq!(down.call(500).unwrap(), 500);
            expect_stack_overflow(&instance, "forever", 0);
            expect_stack_overflow(&instance, "ping", 0);
            expect_stack_overflow(&instance, "with_host", 0);
            // One 320 KB frame does not fit in a 256 KiB stack.
            expect_stack_overflow(&instance, "big", 0);
            // So deep recursion fails cleanly too.
            expect_stack_overflow(&instance, "down", 1_000_000);
            assert_eq!(down.call(500).unwrap(), 500);
            true
        })
        .unwrap();
    assert!(handle.join().expect("the thread must not crash"));
}

#[test]
fn max_wasm_stack_limits_recursion_depth() {
    let engine = Engine::new(Config::new().max_wasm_stack(64 * 1024));
    let instance = instance(&module(&engine));
    let down = instance.get_typed_func::<i32, i32>("down").unwrap();
    assert_eq!(down.call(100).unwrap(), 100);
    let trap = down.call(10_000).unwrap_err();
    assert_eq!(trap.kind(), TrapKind::StackOverflow);
    assert_eq!(down.call(100).unwrap(), 100);
    expect_stack_overflow(&instance, "big", 0);
}
