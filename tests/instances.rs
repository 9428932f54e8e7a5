//! "1,000 instances of one module map exactly one code region": instantiating never maps,
//! copies or changes machine code. Checked through `Engine::code_bytes_mapped` (a
//! process-wide counter), the executable mappings listed in `/proc/self/maps`, and the
//! module's code bytes and range before and after.
//!
//! This file holds a single test on purpose: the counter and the mapping list are
//! process-wide, so a parallel test compiling another module would disturb them.

use kestrel::{Engine, Instance, Linker, Module};

const WAT: &str = r#"
(module
  (type $ii (func (param i32) (result i32)))
  (memory (export "mem") 1)
  (table 2 funcref)
  (elem (i32.const 0) $square $fib)
  (global $id (mut i32) (i32.const 0))
  (global $scale i32 (i32.const 3))
  (func $square (type $ii) local.get 0 local.get 0 i32.mul)
  (func $fib (type $ii)
    local.get 0 i32.const 2 i32.lt_s
    if (result i32)
      local.get 0
    else
      local.get 0 i32.const 1 i32.sub call $fib
      local.get 0 i32.const 2 i32.sub call $fib
      i32.add
    end)
  (func (export "set_id") (param i32)
    local.get 0 global.set $id
    i32.const 0 local.get 0 i32.store)
  (func (export "id") (result i32)
    global.get $id i32.const 0 i32.load i32.add)
  (func (export "run") (param i32) (result i32)
    ;; square(x) * scale + fib(10), both through the table
    local.get 0 i32.const 0 call_indirect (type $ii)
    global.get $scale i32.mul
    i32.const 10 i32.const 1 call_indirect (type $ii)
    i32.add))
"#;

/// Executable mappings of this process: (start, end, permissions).
fn exec_mappings() -> Vec<(usize, usize, String)> {
    std::fs::read_to_string("/proc/self/maps")
        .unwrap()
        .lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let range = parts.next()?;
            let perms = parts.next()?;
            if !perms.contains('x') {
                return None;
            }
            let (start, end) = range.split_once('-')?;
            Some((
                usize::from_str_radix(start, 16).ok()?,
                usize::from_str_radix(end, 16).ok()?,
                perms.to_string(),
            ))
        })
        .collect()
}

fn run(instance: &Instance, x: i32) -> i32 {
    instance
        .get_typed_func::<i32, i32>("run")
        .unwrap()
        .call(x)
        .unwrap()
}

#[test]
fn thousand_instances_map_exactly_one_code_region() {
    let engine = Engine::default();
    let before_compile = engine.code_bytes_mapped();
    let module = Module::new(&engine, WAT).unwrap();
    let code = module.code().to_vec();
    let range = module.code_range();
    assert!(!code.is_empty());
    assert_eq!(range.1 - range.0, code.len());
    assert_eq!(engine.code_bytes_mapped(), before_compile + code.len());

    // The code is mapped read+execute and not writable (W^X).
    let holder = exec_mappings()
        .into_iter()
        .find(|(s, e, _)| *s <= range.0 && range.1 <= *e)
        .expect("the module's code lies in an executable mapping");
    assert!(
        !holder.2.contains('w'),
        "code mapping is writable: {holder:?}"
    );

    // The first instantiation and call may set up process-wide machinery (trampolines,
    // signal handlers); measure after it.
    let first = Linker::new(&engine).instantiate(&module).unwrap();
    assert_eq!(run(&first, 2), 4 * 3 + 55);
    let mapped = engine.code_bytes_mapped();
    let mappings = exec_mappings();

    let mut instances = vec![first];
    for i in 1..1000 {
        let instance = Linker::new(&engine).instantiate(&module).unwrap();
        assert_eq!(run(&instance, i), i * i * 3 + 55);
        instances.push(instance);
    }
    assert_eq!(
        engine.code_bytes_mapped(),
        mapped,
        "instantiation mapped code"
    );
    assert_eq!(
        exec_mappings(),
        mappings,
        "instantiation changed executable mappings"
    );

    // Every instance runs the module's one code region, but has its own data.
    for (i, instance) in instances.iter().enumerate() {
        assert!(Module::same(instance.module(), &module));
        assert_eq!(instance.module().code_range(), range);
        let set_id = instance.get_typed_func::<i32, ()>("set_id").unwrap();
        set_id.call(i as i32).unwrap();
    }
    for (i, instance) in instances.iter().enumerate() {
        let id = instance.get_typed_func::<(), i32>("id").unwrap();
        assert_eq!(id.call(()).unwrap(), 2 * i as i32);
        assert_eq!(run(instance, 3), 27 + 55);
    }
    assert_eq!(module.code(), &code[..], "code bytes changed");
    assert_eq!(module.code_range(), range);
    assert_eq!(engine.code_bytes_mapped(), mapped);

    // Clones are handles to the same module: no new code.
    let clones: Vec<Module> = (0..1000).map(|_| module.clone()).collect();
    assert!(clones
        .iter()
        .all(|m| Module::same(m, &module) && m.code_range() == range));
    assert_eq!(engine.code_bytes_mapped(), mapped);
    let from_clone = Linker::new(&engine).instantiate(&clones[999]).unwrap();
    assert_eq!(run(&from_clone, 1), 58);
    drop(clones);

    // Dropping instances releases no code while the module lives.
    drop(instances);
    assert_eq!(engine.code_bytes_mapped(), mapped);
    assert_eq!(run(&from_clone, 4), 48 + 55);

    // A second compilation of the same text is a second region; dropping it unmaps it.
    let second = Module::new(&engine, WAT).unwrap();
    assert_eq!(second.code(), &code[..], "compilation is deterministic");
    assert_ne!(second.code_range(), range);
    assert_eq!(engine.code_bytes_mapped(), mapped + code.len());
    drop(second);
    assert_eq!(engine.code_bytes_mapped(), mapped);

    // The code lives as long as its last user, here an instance.
    drop(module);
    assert_eq!(engine.code_bytes_mapped(), mapped);
    assert_eq!(run(&from_clone, 0), 55);
    drop(from_clone);
    assert_eq!(engine.code_bytes_mapped(), mapped - code.len());
}
