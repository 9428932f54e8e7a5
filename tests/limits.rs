//! Resource limits: `ResourceLimits` and custom `ResourceLimiter`s set on a `Linker` decide
//! how far an instance's memories and tables grow (a refused grow returns -1, a refused
//! initial size fails instantiation), in plain and debuggable modules; a panicking limiter
//! refuses; `Config::max_instances` caps the live instances of an engine.

use kestrel::{
    Config, Engine, Error, Instance, Linker, Module, ResourceLimiter, ResourceLimits, PAGE_SIZE,
};
use std::sync::{Arc, Mutex};

const GROWER: &str = r#"
(module
  (memory (export "memory") 1 10)
  (table 1 20 funcref)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "grow_table") (param i32) (result i32)
    (table.grow (ref.null func) (local.get 0)))
  (func (export "table_size") (result i32) (table.size)))
"#;

fn engines() -> Vec<(&'static str, Engine)> {
    let mut debug = Config::new();
    debug.debug_instrumentation(true);
    vec![("plain", Engine::default()), ("debug", Engine::new(&debug))]
}

fn instantiate(engine: &Engine, wat: &str, limiter: impl ResourceLimiter + 'static) -> Instance {
    let module = Module::new(engine, wat).unwrap();
    Linker::new(engine)
        .limiter(limiter)
        .instantiate(&module)
        .unwrap()
}

fn call(instance: &Instance, name: &str, args: &[i32]) -> i32 {
    let args: Vec<kestrel::Val> = args.iter().map(|&a| kestrel::Val::I32(a)).collect();
    instance.get_func(name).unwrap().call(&args).unwrap()[0]
        .i32()
        .unwrap()
}

#[test]
fn fixed_limits_refuse_grows_past_them() {
    for (name, engine) in engines() {
        let limits = ResourceLimits::new()
            .memory_bytes(3 * PAGE_SIZE)
            .table_elements(5);
        let instance = instantiate(&engine, GROWER, limits);
        assert_eq!(call(&instance, "grow", &[1]), 1, "{name}");
        assert_eq!(call(&instance, "grow", &[2]), -1, "{name}: 4 pages > 3");
        assert_eq!(call(&instance, "grow", &[1]), 2, "{name}: exactly 3");
        assert_eq!(call(&instance, "grow", &[1]), -1, "{name}");
        assert_eq!(call(&instance, "size", &[]), 3, "{name}");
        assert_eq!(
            call(&instance, "grow", &[0]),
            3,
            "{name}: growing by 0 asks nothing"
        );
        assert_eq!(call(&instance, "grow_table", &[4]), 1, "{name}");
        assert_eq!(call(&instance, "grow_table", &[1]), -1, "{name}: 6 > 5");
        assert_eq!(call(&instance, "table_size", &[]), 5, "{name}");
    }
}

#[test]
fn an_initial_size_past_the_limits_fails_instantiation_clearly() {
    let engine = Engine::default();
    let module = Module::new(&engine, GROWER).unwrap();
    let refuse = |limits: ResourceLimits| {
        Linker::new(&engine)
            .limiter(limits)
            .instantiate(&module)
            .unwrap_err()
    };
    let err = refuse(ResourceLimits::new().memory_bytes(PAGE_SIZE - 1));
    assert!(matches!(err, Error::Resource(_)), "{err}");
    assert!(
        err.to_string()
            .contains(&format!("refused memory 0's initial {PAGE_SIZE} bytes")),
        "{err}"
    );
    let err = refuse(ResourceLimits::new().table_elements(0));
    assert!(
        err.to_string()
            .contains("refused table 0's initial 1 elements"),
        "{err}"
    );
}

/// Records every question and answers by a rule.
struct Recorder {
    asked: Arc<Mutex<Vec<String>>>,
    allow_memory_to: usize,
}

impl ResourceLimiter for Recorder {
    fn memory_growing(&self, current: usize, desired: usize, maximum: Option<usize>) -> bool {
        self.asked
            .lock()
            .unwrap()
            .push(format!("memory {current} -> {desired} (max {maximum:?})"));
        desired <= self.allow_memory_to
    }

    fn table_growing(&self, current: u32, desired: u32, maximum: Option<u32>) -> bool {
        self.asked
            .lock()
            .unwrap()
            .push(format!("table {current} -> {desired} (max {maximum:?})"));
        true
    }
}

#[test]
fn a_custom_limiter_is_asked_with_the_sizes_at_instantiation_and_every_grow() {
    for (name, engine) in engines() {
        let asked = Arc::new(Mutex::new(Vec::new()));
        let limiter = Recorder {
            asked: asked.clone(),
            allow_memory_to: 2 * PAGE_SIZE,
        };
        let instance = instantiate(&engine, GROWER, limiter);
        assert_eq!(call(&instance, "grow", &[1]), 1);
        assert_eq!(call(&instance, "grow", &[1]), -1);
        assert_eq!(call(&instance, "grow_table", &[2]), 1);
        let page = PAGE_SIZE;
        let max = 10 * page;
        assert_eq!(
            *asked.lock().unwrap(),
            vec![
                format!("memory 0 -> {page} (max Some({max}))"),
                "table 0 -> 1 (max Some(20))".to_string(),
                format!("memory {page} -> {} (max Some({max}))", 2 * page),
                format!("memory {} -> {} (max Some({max}))", 2 * page, 3 * page),
                "table 1 -> 3 (max Some(20))".to_string(),
            ],
            "{name}"
        );
    }
}

struct Panicking;

impl ResourceLimiter for Panicking {
    fn memory_growing(&self, current: usize, _: usize, _: Option<usize>) -> bool {
        // Allows instantiation, then panics inside wasm's memory.grow.
        assert_eq!(current, 0, "limiter panics on purpose");
        true
    }

    fn table_growing(&self, _: u32, _: u32, _: Option<u32>) -> bool {
        true
    }
}

#[test]
fn a_limiter_that_panics_refuses_and_the_host_survives() {
    let engine = Engine::default();
    let instance = instantiate(&engine, GROWER, Panicking);
    assert_eq!(call(&instance, "grow", &[1]), -1);
    assert_eq!(call(&instance, "size", &[]), 1);
}

#[test]
fn an_engine_caps_its_live_instances() {
    let engine = Engine::new(Config::new().max_instances(2));
    let module = Module::new(&engine, GROWER).unwrap();
    let linker = Linker::new(&engine);
    let first = linker.instantiate(&module).unwrap();
    let second = linker.instantiate(&module).unwrap();
    let err = linker.instantiate(&module).unwrap_err();
    assert!(matches!(err, Error::Resource(_)), "{err}");
    assert!(
        err.to_string().contains("limit of 2 live instances"),
        "{err}"
    );
    drop(first);
    let third = linker.instantiate(&module).unwrap();
    assert_eq!(call(&third, "size", &[]), 1);
    // A failed instantiation gives its place back.
    drop(second);
    let bad = Module::new(&engine, r#"(module (func $s unreachable) (start $s))"#).unwrap();
    assert!(linker.instantiate(&bad).is_err());
    let _fourth = linker.instantiate(&module).unwrap();
}
