//! Zero copy: debugging 1,000 instrumented instances maps no code beyond the module's
//! plain code and the instrumented versions that were asked for, compiled once and shared
//! by every instance; code bytes never change once published, and no page that is
//! executable is ever seen writable. Alone in its test binary so the process-wide code
//! counter sees only this module.

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
        (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func $twice (export "twice") (param i32) (result i32)
    (i32.mul (call $fib (local.get 0)) (i32.const 2)))
  (func $never (export "never") (result i32) (i32.const 7)))
"#;

/// Every mapping of `/proc/self/maps` that overlaps `[start, end)`: (start, end, perms).
fn mappings(start: usize, end: usize) -> Vec<(usize, usize, String)> {
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    maps.lines()
        .filter_map(|l| {
            let mut fields = l.split_whitespace();
            let (a, b) = fields.next()?.split_once('-')?;
            let a = usize::from_str_radix(a, 16).ok()?;
            let b = usize::from_str_radix(b, 16).ok()?;
            let perms = fields.next()?.to_string();
            (a < end && start < b).then_some((a, b, perms))
        })
        .collect()
}

/// A snapshot of the module's code: the plain code's hash and each instrumented
/// version's (function index, address, hash).
fn snapshot(module: &Module) -> (u64, Vec<(u32, usize, u64)>) {
    let versions = module
        .instrumented_versions()
        .into_iter()
        .map(|(f, bytes)| {
            let mut h = DefaultHasher::new();
            bytes.hash(&mut h);
            (f, bytes.as_ptr() as usize, h.finish())
        })
        .collect();
    (code_hash(module), versions)
}

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
fn code_is_the_plain_code_plus_what_was_asked_for_and_never_writable() {
    let engine = debug_engine();
    let module = Module::new(&engine, FIB).unwrap();
    let (start, end) = module.code_range();
    // The code, its reserve and anything near it: every page of it, as often as we look.
    let watch = (start, end + (1 << 30));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let look = {
        let seen = seen.clone();
        move || seen.lock().unwrap().push(mappings(watch.0, watch.1))
    };
    look();
    let plain = code_hash(&module);
    let mapped_before = engine.code_bytes_mapped();
    assert_eq!(mapped_before, end - start, "only the plain code is mapped");
    assert!(module.instrumented_versions().is_empty());

    let instances: Vec<Instance> = (0..1000)
        .map(|_| Linker::new(&engine).instantiate(&module).unwrap())
        .collect();
    let dbg = instances[0].debugger().unwrap();
    dbg.set_entry_breakpoint(0).unwrap();
    let snapshots = Arc::new(Mutex::new(Vec::new()));
    let m = module.clone();
    let s = snapshots.clone();
    let look_in_handler = look.clone();
    dbg.set_handler(move |_, _| {
        s.lock().unwrap().push(snapshot(&m));
        look_in_handler();
        Resume::StepInto
    });
    let f = instances[0].get_typed_func::<i32, i32>("fib").unwrap();
    assert_eq!(f.call(5).unwrap(), 5);
    let during = snapshots.lock().unwrap().clone();
    assert!(during.len() > 20);
    // Stepping entered only fib: fib's instrumented version is the only one there is,
    // and nothing published changed while it ran.
    let first = during[0].clone();
    assert_eq!(first.0, plain);
    assert_eq!(first.1.iter().map(|v| v.0).collect::<Vec<_>>(), [0]);
    assert!(during.iter().all(|s| *s == first), "published code changed");
    let (fib_instrumented, _) = module.instrumented_code_size();

    // Other instances run the same plain code; one of them debugs fib too (no new
    // compilation: the version is shared) and also `twice`, which compiles that one.
    for i in &instances[1..] {
        i.debugger().unwrap();
    }
    let other = &instances[500];
    let stops = Arc::new(Mutex::new(Vec::new()));
    let d = other.debugger().unwrap();
    d.set_entry_breakpoint(0).unwrap();
    d.set_entry_breakpoint(1).unwrap();
    let st = stops.clone();
    d.set_handler(move |_, frame| {
        st.lock().unwrap().push(frame.func_index());
        Resume::Continue
    });
    let twice = other.get_typed_func::<i32, i32>("twice").unwrap();
    assert_eq!(twice.call(3).unwrap(), 4);
    assert_eq!(stops.lock().unwrap().iter().filter(|&&f| f == 1).count(), 1);
    assert_eq!(stops.lock().unwrap().iter().filter(|&&f| f == 0).count(), 5);
    let after = snapshot(&module);
    assert_eq!(after.0, plain, "plain code changed");
    assert_eq!(after.1.iter().map(|v| v.0).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(
        after.1[0], first.1[0],
        "fib's version was compiled again or changed"
    );
    let (instrumented, compilations) = module.instrumented_code_size();
    assert_eq!(compilations, 2, "one compilation per function asked for");
    assert!(instrumented > fib_instrumented);
    // Every other instance still runs the plain code and stops nowhere.
    let plain_fib = instances[999].get_typed_func::<i32, i32>("fib").unwrap();
    assert_eq!(plain_fib.call(10).unwrap(), 55);
    assert_eq!(module.instrumented_versions().len(), 2);
    look();

    // 1,000 instances, three debuggers, two functions debugged: the plain code plus the
    // two instrumented versions' code bytes (each published in pages of its own).
    let version_bytes: usize = module
        .instrumented_versions()
        .iter()
        .map(|(_, b)| b.len())
        .sum();
    let mapped = engine.code_bytes_mapped();
    assert!(
        mapped > mapped_before + version_bytes,
        "{mapped} vs {mapped_before} + {version_bytes}"
    );
    assert!(mapped <= mapped_before + instrumented);

    // No page was seen both executable and writable, at any look; every executable page
    // of the module's code and reserve was never seen writable at another look either.
    let seen = seen.lock().unwrap();
    assert!(seen.len() > 20);
    let mut executable = Vec::new();
    let mut writable = Vec::new();
    for look in seen.iter() {
        for (a, b, perms) in look {
            assert!(
                !(perms.contains('w') && perms.contains('x')),
                "{a:x}-{b:x} {perms}"
            );
            if perms.contains('x') {
                executable.push((*a, *b));
            }
            if perms.contains('w') {
                writable.push((*a, *b));
            }
        }
    }
    for (a, b) in &executable {
        for (c, d) in &writable {
            assert!(
                b <= c || d <= a,
                "{a:x}-{b:x} was executable and {c:x}-{d:x} writable"
            );
        }
    }
    // The module's code and its instrumented versions are among the executable pages.
    for (_, address, _) in &after.1 {
        assert!(executable.iter().any(|(a, b)| (a..b).contains(&address)));
    }
    assert!(executable.iter().any(|(a, b)| (*a..*b).contains(&start)));
}
