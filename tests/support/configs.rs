//! The configurations the feature tests run every case in, and instantiating a module
//! debugged (shared by the tests of exceptions, tail calls and typed references).

#![allow(dead_code)]

use kestrel::{BoundsChecks, Config, Engine, Instance, Linker, Module};

/// (label, configuration, debugged): plain; debuggable, its instrumented versions
/// compiled lazily or eagerly; every function debugged (calls run the instrumented
/// versions); explicit bounds checks; the convention canaries with fuel, plain,
/// debuggable and debugged.
pub fn configs() -> Vec<(&'static str, Config, bool)> {
    let plain = Config::new();
    let mut debug = plain.clone();
    debug.debug_instrumentation(true);
    let mut eager = debug.clone();
    eager.instrumented_versions(kestrel::InstrumentedVersions::Eager);
    let mut explicit = plain.clone();
    explicit.bounds_checks(BoundsChecks::Explicit);
    let mut canaries = plain.clone();
    canaries.convention_canaries(true).consume_fuel(true);
    let mut debug_canaries = debug.clone();
    debug_canaries.convention_canaries(true).consume_fuel(true);
    vec![
        ("plain", plain, false),
        ("debug", debug.clone(), false),
        ("debug-eager", eager, false),
        ("debugged", debug, true),
        ("explicit-bounds", explicit, false),
        ("canaries-fuel", canaries, false),
        ("debug-canaries-fuel", debug_canaries.clone(), false),
        ("debugged-canaries-fuel", debug_canaries, true),
    ]
}

/// Instantiates `module` with `linker`; `debugged`: every function of the instance has
/// an entry breakpoint that continues, so its calls run the instrumented versions.
pub fn instantiate_module(linker: &Linker, module: &Module, debugged: bool) -> Instance {
    let instance = linker.instantiate(module).unwrap();
    if debugged {
        let debugger = instance.debugger().unwrap();
        let imported = module
            .imports()
            .iter()
            .filter(|(_, _, t)| matches!(t, kestrel::ExternType::Func(_)))
            .count() as u32;
        for f in imported..module.num_funcs() {
            debugger.set_entry_breakpoint(f).unwrap();
        }
        debugger.set_handler(|_, _| kestrel::Resume::Continue);
    }
    instance
}

/// `wat` compiled and instantiated with `linker` (see `instantiate_module`).
pub fn instantiate(engine: &Engine, linker: &Linker, wat: &str, debugged: bool) -> Instance {
    instantiate_module(linker, &Module::new(engine, wat).unwrap(), debugged)
}
