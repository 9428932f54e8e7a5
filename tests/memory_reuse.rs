//! Linear-memory reservations are recycled between instances: a recycled memory must
//! start zeroed, at its declared size, with the guard pages (or explicit checks) back in
//! place.

use kestrel::{BoundsChecks, Config, Engine, Error, Linker, Module, TrapKind};

const WAT: &str = r#"(module
  (memory (export "mem") 1)
  (func (export "fill") (memory.fill (i32.const 0) (i32.const 0xab) (i32.const 131072)))
  (func (export "grow") (result i32) (memory.grow (i32.const 1)))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))"#;

fn check(config: &Config) {
    let engine = Engine::new(config);
    let module = Module::new(&engine, WAT).unwrap();
    for round in 0..50 {
        let instance = Linker::new(&engine).instantiate(&module).unwrap();
        let load = instance.get_typed_func::<i32, i32>("load").unwrap();
        // Fresh memory: zero everywhere, one page.
        assert_eq!(load.call(0).unwrap(), 0, "round {round}");
        assert_eq!(load.call(65535).unwrap(), 0, "round {round}");
        let oob = load.call(65536).unwrap_err();
        assert_eq!(oob.kind(), TrapKind::MemoryOutOfBounds, "round {round}");
        // Dirty two pages before dropping the instance.
        let grow = instance.get_typed_func::<(), i32>("grow").unwrap();
        assert_eq!(grow.call(()).unwrap(), 1);
        instance.get_func("fill").unwrap().call(&[]).unwrap();
        assert_eq!(load.call(65536 + 7).unwrap(), 0xab);
    }
    // A fill past the end of a fresh memory still traps.
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    match instance.get_func("fill").unwrap().call(&[]) {
        Err(Error::Trap(t)) => assert_eq!(t.kind(), TrapKind::MemoryOutOfBounds),
        other => panic!("expected a trap, got {other:?}"),
    }
}

#[test]
fn recycled_memories_are_zeroed_and_guarded() {
    check(&Config::new());
}

#[test]
fn recycled_memories_with_explicit_bounds_checks() {
    let mut config = Config::new();
    config.bounds_checks(BoundsChecks::Explicit);
    check(&config);
}
