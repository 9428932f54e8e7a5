//! Running a module on Kestrel and observing it (`Observation`).

use super::{
    args_for, f32_bits, f64_bits, hash_bytes, instantiated, record_call, trap_observation,
    type_name, Attendance, Observation, Outcome, State, TableDigest, ROUNDS,
};
use kestrel::{Engine, Error, Extern, Linker, Module, TrapKind, Val};

fn kestrel_trap_name(kind: TrapKind) -> &'static str {
    match kind {
        TrapKind::MemoryOutOfBounds => "memory",
        TrapKind::TableOutOfBounds | TrapKind::UndefinedElement => "table",
        // wasmtime's class for every null dereference (its trap code NULL_REFERENCE).
        TrapKind::UninitializedElement
        | TrapKind::NullFunctionReference
        | TrapKind::NullReference
        | TrapKind::NullExceptionReference => "null",
        TrapKind::IndirectCallTypeMismatch => "signature",
        TrapKind::IntegerDivideByZero => "div0",
        TrapKind::IntegerOverflow => "overflow",
        TrapKind::BadConversionToInteger => "conversion",
        TrapKind::Unreachable => "unreachable",
        TrapKind::StackOverflow => "exhausted",
        TrapKind::ConventionViolation => "convention canary",
        TrapKind::UncaughtException => "exception",
        TrapKind::Host | TrapKind::DebuggerAbort | TrapKind::Interrupted | TrapKind::OutOfFuel => {
            "other"
        }
    }
}

/// A value as the oracle compares it: its type's name and its bits (a NaN's class, a
/// reference's nullness).
pub(crate) fn kestrel_val(v: &Val) -> (String, u128) {
    let bits = match v {
        Val::I32(x) => *x as u32 as u128,
        Val::I64(x) => *x as u64 as u128,
        Val::F32(b) => f32_bits(*b).into(),
        Val::F64(b) => f64_bits(*b).into(),
        Val::FuncRef(f) => f.is_some() as u128,
        Val::ExternRef(r) => r.is_some() as u128,
        Val::ExnRef(r) => r.is_some() as u128,
        Val::V128(b) => *b,
    };
    (v.ty().to_string(), bits)
}

fn kestrel_state(exports: &[(String, Extern)]) -> State {
    let (mut globals, mut memories, mut tables) = (Vec::new(), Vec::new(), Vec::new());
    for (name, ext) in exports {
        match ext {
            Extern::Global(g) => globals.push((name.clone(), kestrel_val(&g.get()).1)),
            Extern::Memory(m) => {
                let mut buf = vec![0; m.data_size()];
                m.read(0, &mut buf).expect("reading a whole memory");
                memories.push((name.clone(), buf.len(), hash_bytes(&buf)));
            }
            Extern::Table(t) => {
                let mut digest = TableDigest::new();
                for i in 0..t.size() {
                    match t.get(i) {
                        Some(Val::FuncRef(Some(f))) => {
                            let ty = f.ty();
                            digest.add(&type_name(ty.params(), ty.results()));
                        }
                        Some(Val::ExternRef(Some(_))) => digest.add("externref"),
                        _ => digest.add("null"),
                    }
                }
                tables.push(digest.finish(name));
            }
            _ => {}
        }
    }
    (globals, memories, tables)
}

/// Runs a module on Kestrel: instantiation, then every exported function `ROUNDS` times.
/// An error (not a trap) ends the run.
pub fn run_kestrel(engine: &Engine, bytes: &[u8]) -> Result<Vec<Observation>, String> {
    run_kestrel_with(engine, bytes, Attendance::Unattended)
}

/// As `run_kestrel`, attended by a debugger as `attendance` says: with
/// `EntryBreakpoints`, after instantiation a debugger sets a breakpoint at the entry of
/// every defined function and continues from each stop, so that every call runs the
/// function's instrumented version (compiled on first use); with
/// `PausedFromAnotherThread`, a thread requests a pause whenever none is pending
/// (`Pauser`), and the handler continues from each.
pub fn run_kestrel_with(
    engine: &Engine,
    bytes: &[u8],
    attendance: Attendance,
) -> Result<Vec<Observation>, String> {
    let debugged = attendance == Attendance::EntryBreakpoints;
    let module = Module::new(engine, bytes).map_err(|e| format!("compile: {e}"))?;
    let instance = match Linker::new(engine).instantiate(&module) {
        Ok(i) => i,
        Err(Error::Trap(t)) => {
            return Ok(vec![trap_observation(kestrel_trap_name(t.kind()))]);
        }
        Err(e) => return Err(format!("instantiate: {e}")),
    };
    if debugged {
        let debugger = instance.debugger().map_err(|e| format!("debugger: {e}"))?;
        let imported = module
            .imports()
            .iter()
            .filter(|(_, _, t)| matches!(t, kestrel::ExternType::Func(_)))
            .count() as u32;
        for func in imported..module.num_funcs() {
            debugger
                .set_entry_breakpoint(func)
                .map_err(|e| format!("breakpoint in function {func}: {e}"))?;
        }
        debugger.set_handler(|_, _| kestrel::Resume::Continue);
    }
    let _pauser = if attendance == Attendance::PausedFromAnotherThread {
        let debugger = instance.debugger().map_err(|e| format!("debugger: {e}"))?;
        Some(Pauser::start(debugger))
    } else {
        None
    };
    let mut exports = instance.exports();
    exports.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = vec![instantiated(kestrel_state(&exports))];
    for round in 0..ROUNDS {
        for (name, ext) in &exports {
            let Extern::Func(f) = ext else { continue };
            let args = args_for(f.ty().params(), round);
            let outcome = match f.call(&args) {
                Ok(vals) => Outcome::Values(vals.iter().map(kestrel_val).collect()),
                Err(Error::Trap(t)) if t.kind() == TrapKind::StackOverflow => Outcome::Exhausted,
                Err(Error::Trap(t)) => Outcome::Trap(kestrel_trap_name(t.kind())),
                Err(e) => return Err(format!("call {name}: {e}")),
            };
            if record_call(&mut out, name, outcome, kestrel_state(&exports)) {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

/// What the pausing thread hears.
enum PauseNews {
    /// The last pause stopped (the handler continues from it).
    Stopped,
    /// The run is over.
    Done,
}

/// A thread that pauses an instance again each time its last pause stopped, until
/// dropped (`Attendance::PausedFromAnotherThread`).
struct Pauser {
    news: std::sync::mpsc::Sender<PauseNews>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Pauser {
    fn start(debugger: kestrel::Debugger) -> Pauser {
        let (news, heard) = std::sync::mpsc::channel();
        let from_handler = std::sync::Mutex::new(news.clone());
        debugger.set_handler(move |event, _| {
            if matches!(event, kestrel::DebugEvent::Pause) {
                let news = from_handler.lock().unwrap_or_else(|e| e.into_inner());
                let _ = news.send(PauseNews::Stopped);
            }
            kestrel::Resume::Continue
        });
        let thread = std::thread::spawn(move || loop {
            debugger.pause();
            match heard.recv() {
                Ok(PauseNews::Stopped) => continue,
                Ok(PauseNews::Done) | Err(_) => break,
            }
        });
        Pauser {
            news,
            thread: Some(thread),
        }
    }
}

impl Drop for Pauser {
    fn drop(&mut self) {
        let _ = self.news.send(PauseNews::Done);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
