//! Zero copy: debugging 1,000 instrumented instances maps no code beyond the module's one
//! region, the code bytes never change, and the mapping is never writable. Alone in its
//! test binary so the process-wide code counter sees only this module.

use kestrel::{Config, Engine, Instance, Linker, Module, Resume};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

const FIB: &str = r#"
(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add
        (call $fib (i32.sub (local.get $n) (i32.const 1)))
        (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
"#;

fn code_hash(module: &Module) -> u64 {
    let mut h = DefaultHasher::new();
    module.code().hash(&mut h);
    h.finish()
}

fn debug_engine() -> Engine {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    Engine::new(&config)
}

#[test]
fn code_is_identical_and_never_writable_while_debugging() {
    let engine = debug_engine();
    let module = Module::new(&engine, FIB).unwrap();
    let before = code_hash(&module);
    let mapped_before = engine.code_bytes_mapped();
    let instances: Vec<Instance> = (0..1000)
        .map(|_| Linker::new(&engine).instantiate(&module).unwrap())
        .collect();
    let dbg = instances[0].debugger().unwrap();
    dbg.set_entry_breakpoint(0).unwrap();
    let hashes = Arc::new(Mutex::new(Vec::new()));
    let m = module.clone();
    let h = hashes.clone();
    dbg.set_handler(move |_, _| {
        h.lock().unwrap().push(code_hash(&m));
        Resume::StepInto
    });
    let f = instances[0].get_typed_func::<i32, i32>("fib").unwrap();
    assert_eq!(f.call(5).unwrap(), 5);
    let during = hashes.lock().unwrap().clone();
    assert!(during.len() > 20);
    assert!(during.iter().all(|h| *h == before));
    assert_eq!(code_hash(&module), before);
    for i in &instances[1..] {
        i.debugger().unwrap();
    }
    // 1,000 instances, each with a debugger attached and one of them stepping: still the
    // one code region this module mapped when it was compiled.
    assert_eq!(engine.code_bytes_mapped(), mapped_before);
    assert_eq!(mapped_before, module.code_range().1 - module.code_range().0);
    // The code mapping is read+execute, never writable.
    let (start, _) = module.code_range();
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    let line = maps
        .lines()
        .find(|l| {
            let range = l.split_whitespace().next().unwrap();
            let (a, b) = range.split_once('-').unwrap();
            let (a, b) = (
                usize::from_str_radix(a, 16).unwrap(),
                usize::from_str_radix(b, 16).unwrap(),
            );
            (a..b).contains(&start)
        })
        .expect("code mapping listed");
    let perms = line.split_whitespace().nth(1).unwrap();
    assert_eq!(perms, "r-xp", "code mapping: {line}");
}
