//! The debug-operation fuzzer: random sequences of debugger operations on generated
//! modules, checked against invariants that need no reference debugger.
//!
//! A session takes a module from a generator, rewrites it so that every caller records
//! its locals in memory before it calls (`record`), and runs its exported functions three
//! times: on a plain instance (the reference results), on instance B of the same
//! debuggable module on another thread, which no debugger stops (the witness that debugging
//! one instance never touches another), and on instance A under a debugger whose handler,
//! at every stop, reads every frame and then does random operations drawn from the
//! session's seed: breakpoints set at random sites and cleared, a local of a random frame
//! written, and continue, step into, step over, step out or pause. The checks:
//!
//! - every stop is at an instruction boundary (or the entry) of the function it names, and
//!   a breakpoint stop is at a breakpoint that is set there;
//! - every caller's offset is one of its calls;
//! - the locals read in every caller equal the record the module made before the call
//!   (and the call depth the module counts agrees with the frames the walk found; not in
//!   a module with exception handling, where unwound frames never count themselves out);
//! - a step out stops in the frame that was the caller, at the operator after its call,
//!   unless a breakpoint, pause or trap comes first (in a module with exception handling,
//!   in any caller: an exception may unwind the frame into a handler further out); a step over never stops deeper, and
//!   in a caller only at its return point; a step into stops at most one frame deeper,
//!   at the callee's entry (or, after a tail call, at its callee's entry at the same
//!   depth); a pause is the next stop; no step stop comes without a step,
//!   or in a later call than its own (but step into);
//! - a written local reads back, and (in a caller) persists: the session updates the
//!   caller's record, which later stops check;
//! - a session that wrote nothing leaves the results unchanged;
//! - instance B never stops and returns the reference results;
//! - a watchpoint hit (watchpoints of random kinds and ranges set at the start and at
//!   stops, some cleared) is of a watchpoint that is set, of its kind, inside its range,
//!   a write's new bytes are the memory's, and the accessing instruction is a boundary
//!   before the stop; watchpoints never change the results.

pub mod record;

use crate::oracle::{args_for, kestrel_val};
use crate::rng::Rng;
use kestrel::{
    BreakpointId, Config, DebugEvent, Debugger, Engine, Error, Extern, Frame, Instance,
    InstrumentedVersions, Linker, Module, Resume, TrapKind, Val, WatchKind, Watchpoint,
};
use record::{Record, Recorded, DEPTH_EXPORT, RECORDED_LOCALS};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Stops a session handles before it lets the program run to its end.
const MAX_STOPS: u64 = 150;
/// Rounds of calls of every exported function.
const ROUNDS: usize = 2;

/// What a session did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Debug stops handled.
    pub stops: u64,
    /// Frames whose locals were checked against a record.
    pub frames_checked: u64,
    /// Locals written.
    pub writes: u64,
    /// Watchpoint hits checked.
    pub watch_hits: u64,
}

/// How a session ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every check held.
    Pass(Report),
    /// The module could not be used (why).
    Skip(String),
    /// A check failed (what).
    Fail(String),
}

/// One call's outcome, comparable across instances.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    Values(Vec<(String, u128)>),
    Trap(TrapKind),
}

/// The raw bits of a number value, as a record holds them.
fn raw_bits(v: &Val) -> Option<u64> {
    match v {
        Val::I32(x) => Some(*x as u32 as u64),
        Val::I64(x) => Some(*x as u64),
        Val::F32(b) => Some(u64::from(*b)),
        Val::F64(b) => Some(*b),
        _ => None,
    }
}

/// Runs the exported functions of `instance` (by name, `ROUNDS` times), resetting the
/// call depth before each call and telling `calls` the number of each.
fn run_exports(instance: &Instance, calls: &AtomicU64) -> Result<Vec<Outcome>, String> {
    let depth = instance
        .get_global(DEPTH_EXPORT)
        .ok_or("the depth global is not exported")?;
    let mut exports = instance.exports();
    exports.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    for round in 0..ROUNDS {
        for (name, ext) in &exports {
            let Extern::Func(f) = ext else { continue };
            depth
                .set(Val::I32(0))
                .map_err(|e| format!("resetting the depth: {e}"))?;
            calls.fetch_add(1, Ordering::SeqCst);
            let args = args_for(f.ty().params(), round);
            let outcome = match f.call(&args) {
                Ok(vals) => Outcome::Values(vals.iter().map(kestrel_val).collect()),
                Err(Error::Trap(t)) => Outcome::Trap(t.kind()),
                Err(e) => return Err(format!("call {name}: {e}")),
            };
            let stop = outcome == Outcome::Trap(TrapKind::StackOverflow);
            out.push(outcome);
            if stop {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

/// The engine configuration of session `seed`: instrumented versions compiled lazily or
/// eagerly, with or without the convention canaries.
fn config_for(seed: u64) -> Config {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    if seed % 4 == 3 {
        config.instrumented_versions(InstrumentedVersions::Eager);
    }
    if seed % 3 == 2 {
        config.convention_canaries(true);
    }
    config
}

/// Runs one session on `bytes` with operations drawn from `seed`.
pub fn session(bytes: &[u8], seed: u64) -> Verdict {
    let recorded = match record::record(bytes) {
        Ok(r) => Arc::new(r),
        Err(why) => return Verdict::Skip(why),
    };
    let engine = Engine::new(&config_for(seed));
    let module = match Module::new(&engine, &recorded.bytes) {
        Ok(m) => m,
        Err(e) => return Verdict::Fail(format!("compile: {e}")),
    };
    let instantiate = || Linker::new(&engine).instantiate(&module);
    let (reference, witness, debugged) = match (instantiate(), instantiate(), instantiate()) {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        (Err(Error::Trap(_)), ..) => return Verdict::Skip("the start function traps".into()),
        (Err(e), ..) | (_, Err(e), _) | (.., Err(e)) => {
            return Verdict::Fail(format!("instantiate: {e}"))
        }
    };
    let expected = match run_exports(&reference, &AtomicU64::new(0)) {
        Ok(o) => o,
        Err(e) => return Verdict::Fail(e),
    };

    // The witness: debuggable, never debugged, running on another thread meanwhile.
    let foreign_stops = Arc::new(AtomicU64::new(0));
    let witness_debugger = match witness.debugger() {
        Ok(d) => d,
        Err(e) => return Verdict::Fail(format!("debugger: {e}")),
    };
    {
        let stops = foreign_stops.clone();
        // Its own traps are reported to its handler; nothing else may be.
        witness_debugger.set_handler(move |event, _| {
            if !matches!(event, DebugEvent::Trap(_)) {
                stops.fetch_add(1, Ordering::SeqCst);
            }
            Resume::Continue
        });
    }
    let done = Arc::new(AtomicBool::new(false));
    let witness_thread = {
        let (done, witness) = (done.clone(), witness.clone());
        std::thread::spawn(move || {
            let calls = AtomicU64::new(0);
            let first = run_exports(&witness, &calls);
            let mut rounds = 1;
            while !done.load(Ordering::SeqCst) && rounds < 20 {
                if run_exports(&witness, &calls).is_err() {
                    break;
                }
                rounds += 1;
            }
            first
        })
    };

    let debugger = match debugged.debugger() {
        Ok(d) => d,
        Err(e) => return Verdict::Fail(format!("debugger: {e}")),
    };
    let calls = Arc::new(AtomicU64::new(0));
    let driver = Arc::new(Mutex::new(Driver {
        rng: Rng::new(seed ^ 0xdeb0_0000_0000_0001),
        recorded: recorded.clone(),
        debugger: debugger.clone(),
        breakpoints: Vec::new(),
        watchpoints: Vec::new(),
        expect: Expect::Nothing,
        report: Report::default(),
        failure: None,
        detached: false,
        calls: calls.clone(),
        trace: std::env::var_os("KESTREL_DEBUG_OPS_TRACE").is_some(),
        stale: (0, Default::default()),
        exceptions: crate::smith::needs_features(
            bytes,
            wasmparser::WasmFeatures::EXCEPTIONS | wasmparser::WasmFeatures::LEGACY_EXCEPTIONS,
        ),
    }));
    {
        let mut d = driver.lock().unwrap();
        let initial = d.rng.range(1, 4);
        for _ in 0..initial {
            d.add_breakpoint();
        }
        if d.rng.chance(1, 3) {
            // Every function's entry: calls stop early and often.
            let mut funcs: Vec<u32> = recorded.funcs.keys().copied().collect();
            funcs.sort_unstable();
            for func in funcs {
                match debugger.set_entry_breakpoint(func) {
                    Ok(id) => d.breakpoints.push((id, func, None)),
                    Err(e) => return Verdict::Fail(format!("entry breakpoint in {func}: {e}")),
                }
            }
        }
        if d.rng.chance(1, 2) {
            for _ in 0..d.rng.range(1, 3) {
                d.add_watchpoint();
            }
        }
        if d.rng.chance(1, 2) {
            debugger.step_into_next_call();
            d.expect = Expect::FirstStep;
        }
    }
    {
        let driver = driver.clone();
        debugger.set_handler(move |event, frame| {
            let mut d = driver.lock().unwrap_or_else(|e| e.into_inner());
            d.on_stop(event, frame)
        });
    }
    let outcome = run_exports(&debugged, &calls);
    debugger.clear_handler();
    done.store(true, Ordering::SeqCst);
    let witness_outcome = witness_thread.join();
    let d = driver.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(failure) = &d.failure {
        return Verdict::Fail(failure.clone());
    }
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => return Verdict::Fail(e),
    };
    if d.report.writes == 0 && outcome != expected {
        return Verdict::Fail(format!(
            "a session that wrote nothing changed the results:\n  debugged  {outcome:?}\n  reference {expected:?}"
        ));
    }
    match witness_outcome {
        Ok(Ok(w)) if w == expected => {}
        Ok(Ok(w)) => {
            return Verdict::Fail(format!(
            "the witness instance's results differ:\n  witness   {w:?}\n  reference {expected:?}"
        ))
        }
        Ok(Err(e)) => return Verdict::Fail(format!("witness: {e}")),
        Err(_) => return Verdict::Fail("the witness thread panicked".into()),
    }
    let foreign = foreign_stops.load(Ordering::SeqCst);
    if foreign != 0 {
        return Verdict::Fail(format!("the witness instance stopped {foreign} times"));
    }
    Verdict::Pass(d.report.clone())
}

/// What the next stop must be, after the last one's resume.
#[derive(Clone, Debug)]
enum Expect {
    /// Nothing in particular (continue): but no step stop.
    Nothing,
    /// The session began with `step_into_next_call`: the first stop is a step (or a
    /// breakpoint, pause or trap at the same site).
    FirstStep,
    /// A pause was requested: the next stop is the pause (or a trap).
    Pause,
    /// A step of `kind` from a stack of `count` frames whose innermost was in `func`,
    /// its caller (if any) suspended in the call at (function, offset) `caller`, during
    /// host call number `during`. (A step over from a function's exit is a step out:
    /// both stop in the caller at its return point, which the step over's check
    /// covers.)
    Step {
        kind: Resume,
        count: usize,
        func: u32,
        caller: Option<(u32, u32)>,
        /// The caller's operand stack then (raw bits), as its call's record gave it: where
        /// it resumes, the stack starts with the same values (the site's record).
        caller_stack: Vec<Option<u64>>,
        during: u64,
    },
}

/// The handler's state across the stops of a session.
struct Driver {
    rng: Rng,
    recorded: Arc<Recorded>,
    debugger: Debugger,
    breakpoints: Vec<(BreakpointId, u32, Option<u32>)>,
    /// The watchpoints set on memory 0.
    watchpoints: Vec<Watchpoint>,
    expect: Expect,
    report: Report,
    failure: Option<String>,
    detached: bool,
    /// Number of the host call in progress.
    calls: Arc<AtomicU64>,
    /// Print each stop and operation on stderr (`KESTREL_DEBUG_OPS_TRACE`).
    trace: bool,
    /// Depths (from the outermost caller, 1) of frames whose local was written while
    /// their record could not be updated (shared with a deeper frame's), with the host
    /// call they were in: their records are stale until the frame returns.
    stale: (u64, std::collections::BTreeSet<u32>),
    /// The module uses exception handling: a step out or over may end in a handler of
    /// any caller, not at a return point.
    exceptions: bool,
}

impl Driver {
    fn fail(&mut self, what: String) -> Resume {
        if self.failure.is_none() {
            self.failure = Some(what);
        }
        self.detach()
    }

    /// Lets the program run to its end without further stops.
    fn detach(&mut self) -> Resume {
        self.detached = true;
        self.debugger.clear_all_breakpoints();
        self.breakpoints.clear();
        for w in std::mem::take(&mut self.watchpoints) {
            let _ = self.debugger.clear_watchpoint(w.id);
        }
        Resume::Continue
    }

    /// A watchpoint of a random kind on 1 to 16 bytes of memory 0, in its first 64 KiB
    /// (where the generators' addresses fall; half of them in the first 128 bytes, where
    /// their data segments and most constant addresses are), if the module has a memory.
    fn add_watchpoint(&mut self) {
        let addr = match self.rng.below(4) {
            0 | 1 => self.rng.below(128),
            2 => self.rng.below(1024),
            _ => self.rng.below(0x10000),
        } as u64;
        let len = self.rng.range(1, 16);
        let kind = *self
            .rng
            .pick(&[WatchKind::Write, WatchKind::Read, WatchKind::Access]);
        if let Ok(id) = self.debugger.set_watchpoint(0, addr, len, kind) {
            self.watchpoints.push(Watchpoint {
                id,
                memory: 0,
                addr,
                len,
                kind,
            });
        }
    }

    /// A breakpoint at a random site of a random defined function.
    fn add_breakpoint(&mut self) {
        let mut funcs: Vec<u32> = self.recorded.funcs.keys().copied().collect();
        if funcs.is_empty() {
            return;
        }
        funcs.sort_unstable();
        let func = *self.rng.pick(&funcs);
        let info = &self.recorded.funcs[&func];
        let result = if info.ops.is_empty() || self.rng.chance(1, 5) {
            self.debugger
                .set_entry_breakpoint(func)
                .map(|id| (id, func, None))
        } else {
            let offset = *self.rng.pick(&info.ops);
            self.debugger
                .set_breakpoint(func, offset)
                .map(|id| (id, func, Some(offset)))
        };
        match result {
            Ok(bp) => self.breakpoints.push(bp),
            // Not every operator is a site (unreachable code has none).
            Err(Error::Usage(_)) => {}
            Err(e) => {
                self.failure
                    .get_or_insert(format!("setting a breakpoint in {func}: {e}"));
            }
        }
    }

    fn on_stop(&mut self, event: &DebugEvent, frame: &mut Frame<'_>) -> Resume {
        if self.detached {
            return Resume::Continue;
        }
        self.report.stops += 1;
        let call = self.calls.load(Ordering::SeqCst);
        let count = frame.frame_count();
        if self.trace {
            let frames: Vec<String> = frame
                .backtrace()
                .iter()
                .map(|f| format!("{}:{:#x}", f.func_index, f.module_offset))
                .collect();
            eprintln!(
                "stop {} in call {call}: {}",
                event.name(),
                frames.join(" < ")
            );
        }
        if let Err(e) = self.check_event(event, frame, count, call) {
            return self.fail(e);
        }
        // A stack overflow traps in the prologue, before the frame's locals exist.
        let built = !matches!(event, DebugEvent::Trap(t) if t.kind() == TrapKind::StackOverflow);
        let recording = match self.check_frames(frame, count, built) {
            Ok(recording) => recording,
            Err(e) => return self.fail(e),
        };
        if matches!(event, DebugEvent::Trap(_)) {
            self.expect = Expect::Nothing;
            return Resume::Continue;
        }
        if self.report.stops >= MAX_STOPS {
            return self.detach();
        }
        // Operations.
        if self.rng.chance(1, 3) {
            self.add_breakpoint();
        }
        if self.rng.chance(1, 5) {
            self.add_watchpoint();
        }
        if !self.watchpoints.is_empty() && self.rng.chance(1, 4) {
            let w = self
                .watchpoints
                .swap_remove(self.rng.below(self.watchpoints.len()));
            if let Err(e) = self.debugger.clear_watchpoint(w.id) {
                return self.fail(format!("clearing watchpoint {}: {e}", w.id));
            }
        }
        if !self.breakpoints.is_empty() && self.rng.chance(1, 4) {
            let i = self.rng.below(self.breakpoints.len());
            let (id, ..) = self.breakpoints.swap_remove(i);
            if let Err(e) = self.debugger.clear_breakpoint(id) {
                return self.fail(format!("clearing breakpoint {id}: {e}"));
            }
        }
        if self.rng.chance(1, 6) {
            if let Err(e) = self.write_local(frame, count, recording) {
                return self.fail(e);
            }
        }
        let resume = *self.rng.pick(&[
            Resume::Continue,
            Resume::StepInto,
            Resume::StepInto,
            Resume::StepOver,
            Resume::StepOver,
            Resume::StepOut,
            Resume::StepOut,
            Resume::Abort, // stands for "pause, then continue"
        ]);
        if self.trace {
            eprintln!(
                "  then {resume:?} (Abort: pause), breakpoints {:?}",
                self.breakpoints
            );
        }
        if resume == Resume::Abort {
            self.debugger.pause();
            self.expect = Expect::Pause;
            return Resume::Continue;
        }
        self.expect = match resume {
            Resume::Continue => Expect::Nothing,
            kind => {
                let mut caller = None;
                let mut caller_stack = Vec::new();
                if let Some(c) = frame.caller() {
                    caller = Some((c.func_index(), c.offset()));
                    caller_stack = c
                        .stack()
                        .iter()
                        .map(|v| v.as_ref().and_then(raw_bits))
                        .collect();
                }
                Expect::Step {
                    kind,
                    count,
                    caller_stack,
                    func: frame.func_index(),
                    caller,
                    during: call,
                }
            }
        };
        resume
    }

    /// The stop itself: where it is, and whether it is the stop the last resume asked for.
    fn check_event(
        &mut self,
        event: &DebugEvent,
        frame: &Frame<'_>,
        count: usize,
        call: u64,
    ) -> Result<(), String> {
        let (func, offset) = (frame.func_index(), frame.offset());
        let info = self
            .recorded
            .funcs
            .get(&func)
            .ok_or_else(|| format!("a stop in function {func}, which is not defined"))?;
        if !info.is_boundary(offset) {
            return Err(format!(
                "a {} stop at {offset:#x} in function {func}, not an instruction boundary",
                event.name()
            ));
        }
        if let DebugEvent::Breakpoint(id) = event {
            let bp = self.breakpoints.iter().find(|b| b.0 == *id);
            match bp {
                Some(&(_, f, Some(o))) if f == func && o == offset => {}
                Some(&(_, f, None)) if f == func && offset == info.body_start => {}
                _ => {
                    return Err(format!(
                        "breakpoint {id} stopped at {func}:{offset:#x}, where none is set ({:?})",
                        self.breakpoints
                    ))
                }
            }
        }
        if let DebugEvent::Watchpoint(hit) = event {
            self.check_watch_hit(hit, frame, info)?;
            self.report.watch_hits += 1;
        }
        let expect = std::mem::replace(&mut self.expect, Expect::Nothing);
        let is_step = matches!(event, DebugEvent::Step);
        match expect {
            // A hit waiting for the next site is reported before a pause due there; the
            // pause is the stop after.
            Expect::Pause if matches!(event, DebugEvent::Watchpoint(_)) => {
                self.expect = Expect::Pause;
            }
            Expect::Pause => {
                if !matches!(event, DebugEvent::Pause | DebugEvent::Trap(_)) {
                    return Err(format!("a {} stop where the pause was due", event.name()));
                }
            }
            Expect::Nothing if is_step => return Err("a step stop without a step".into()),
            Expect::Nothing | Expect::FirstStep => {}
            Expect::Step {
                kind,
                count: before,
                func: stepped,
                caller,
                caller_stack,
                during,
            } if is_step => {
                if during != call && kind != Resume::StepInto {
                    return Err(format!(
                        "a {kind:?} begun in call {during} stopped in call {call}"
                    ));
                }
                if during != call {
                    return Ok(());
                }
                let exceptions = self.exceptions;
                let returned = |what: &str| -> Result<(), String> {
                    let Some((caller_func, call_offset)) = caller else {
                        return Err(format!("{what}: stopped with no caller to return to"));
                    };
                    // An exception thrown below may have unwound the stepped frame into
                    // a handler of a caller: the first stop out there is where the
                    // handler goes on, not the return point.
                    if exceptions && count < before {
                        return Ok(());
                    }
                    let after = self
                        .recorded
                        .funcs
                        .get(&caller_func)
                        .and_then(|f| f.after(call_offset));
                    if count + 1 != before || func != caller_func || Some(offset) != after {
                        return Err(format!(
                            "{what} from {before} frames ({stepped}) stopped at {func}:{offset:#x} with {count} frames; \
                             the caller {caller_func} returns at {after:?}"
                        ));
                    }
                    let now: Vec<Option<u64>> = frame
                        .stack()
                        .iter()
                        .map(|v| v.as_ref().and_then(raw_bits))
                        .collect();
                    if !now.starts_with(&caller_stack) {
                        return Err(format!(
                            "{what}: the caller's operand stack read {caller_stack:x?} while it \
                             was suspended at {call_offset:#x}, {now:x?} where it resumed"
                        ));
                    }
                    Ok(())
                };
                match kind {
                    Resume::StepOut => returned("a step out")?,
                    Resume::StepOver => {
                        if count > before || (count == before && func != stepped) {
                            return Err(format!(
                                "a step over from {before} frames ({stepped}) stopped in {func} with {count} frames"
                            ));
                        }
                        if count < before {
                            returned("a step over")?;
                        }
                    }
                    Resume::StepInto => {
                        if count > before + 1 {
                            return Err(format!(
                                "a step into from {before} frames stopped {count} frames deep"
                            ));
                        }
                        if count == before + 1 && offset != info.body_start {
                            return Err(format!(
                                "a step into a call stopped at {func}:{offset:#x}, not at its entry"
                            ));
                        }
                        // At the same depth only by a tail call, at the callee's entry.
                        if count == before && func != stepped && offset != info.body_start {
                            return Err(format!(
                                "a step into from {stepped} stopped in {func} at the same depth"
                            ));
                        }
                        if count + 1 == before {
                            returned("a step into")?;
                        }
                    }
                    _ => {}
                }
            }
            Expect::Step { .. } => {}
        }
        Ok(())
    }

    /// A watchpoint's hit: of a watchpoint that is set, of the kind it watches, inside its
    /// range; a write's new bytes are the memory's now; the accessing instruction is an
    /// instruction boundary of the stopped function, before the stop.
    fn check_watch_hit(
        &self,
        hit: &kestrel::WatchHit,
        frame: &Frame<'_>,
        info: &record::FuncInfo,
    ) -> Result<(), String> {
        let Some(w) = self.watchpoints.iter().find(|w| w.id == hit.id) else {
            return Err(format!("a hit of watchpoint {}, which is not set", hit.id));
        };
        let sees = match w.kind {
            WatchKind::Write => hit.write,
            WatchKind::Read => !hit.write,
            WatchKind::Access => true,
        };
        if !sees || hit.memory != 0 || hit.len == 0 {
            return Err(format!("{hit:?} cannot be a hit of {w:?}"));
        }
        if hit.addr < w.addr || hit.addr + hit.len > w.addr + w.len {
            return Err(format!("{hit:?} lies outside {w:?}"));
        }
        if hit.write {
            let now = frame
                .read_memory(hit.addr as usize, hit.len as usize)
                .map_err(|e| format!("reading a hit's bytes: {e}"))?;
            if hit.new.as_ref() != Some(&now) || hit.old.as_ref().map(Vec::len) != Some(now.len()) {
                return Err(format!("{hit:?}: the memory now holds {now:?}"));
            }
        }
        if !info.is_boundary(hit.access_offset) || hit.access_offset >= frame.offset() {
            return Err(format!(
                "{hit:?}: the access is not an instruction before the stop at {:#x}",
                frame.offset()
            ));
        }
        Ok(())
    }

    /// Reads every frame; checks each caller against its record. Returns whether the
    /// innermost frame is recording its locals for a call (its record is being written).
    fn check_frames(
        &mut self,
        frame: &mut Frame<'_>,
        count: usize,
        built: bool,
    ) -> Result<bool, String> {
        let depth_now = match frame.global(self.recorded.depth_global) {
            Some(Val::I32(d)) => d,
            other => return Err(format!("the depth global reads {other:?}")),
        };
        // Frames deeper than the stack now have returned: their depths are fresh again.
        let call = self.calls.load(Ordering::SeqCst);
        if self.stale.0 != call {
            self.stale = (call, Default::default());
        }
        self.stale.1.retain(|&k| k as usize <= count);
        let outer = count - 1;
        // The innermost frame may be between its call's depth update and the call. (The
        // count the module keeps is not exception safe: a frame an exception unwinds
        // never counts itself out, so with exception handling it is not compared, nor
        // are the records it indexes.)
        if !self.exceptions && depth_now as usize != outer && depth_now as usize != count {
            return Err(format!(
                "the module counts {depth_now} callers, the walk found {count} frames"
            ));
        }
        for d in 0..count {
            let Some(at) = frame.up(d) else {
                return Err(format!("frame {d} of {count} is missing"));
            };
            let (func, offset) = (at.func_index(), at.offset());
            let info =
                self.recorded.funcs.get(&func).ok_or_else(|| {
                    format!("frame {d} is in function {func}, which is not defined")
                })?;
            let locals = at.locals();
            if d == 0 && !built {
                if !locals.is_empty() {
                    return Err(format!(
                        "frame 0 ({func}) has locals before its prologue ran"
                    ));
                }
                continue;
            }
            if locals.len() < info.locals.len() {
                return Err(format!(
                    "frame {d} ({func}) has {} locals, the function {}",
                    locals.len(),
                    info.locals.len()
                ));
            }
            if let Some(i) = locals.iter().position(Option::is_none) {
                return Err(format!("frame {d} ({func}): local {i} is unavailable"));
            }
            let stack = at.stack();
            if d > 0 {
                if let Some(i) = stack.iter().position(Option::is_none) {
                    return Err(format!(
                        "frame {d} ({func}): stack value {i} is unavailable"
                    ));
                }
            }
            if d == 0 {
                continue;
            }
            if !info.calls.contains(&offset) {
                return Err(format!(
                    "frame {d} ({func}) is suspended at {offset:#x}, which is not a call"
                ));
            }
            // Record k (from the outermost caller, 1) belongs to frame count - k.
            let k = (count - d) as u32;
            if self.exceptions || !records_distinct(count) || self.stale.1.contains(&k) {
                continue;
            }
            let id = self
                .recorded
                .call(func, offset)
                .ok_or_else(|| format!("frame {d}: no call id for {func}:{offset:#x}"))?;
            let address = self.recorded.record_address(k) as usize;
            let bytes = at
                .read_memory(address, record::RECORD_SIZE as usize)
                .map_err(|e| format!("reading record {k}: {e}"))?;
            let record = Record::new(bytes, &info.locals);
            if !record.is_of(id) {
                // Overwritten by the program, or a deeper stack's record wrapped onto it.
                continue;
            }
            for (i, want) in record.values() {
                let got = locals[i].as_ref().and_then(raw_bits);
                if got != Some(want) {
                    return Err(format!(
                        "frame {d} ({func} at {offset:#x}) local {i}: read {got:x?}, the module recorded {want:#x}"
                    ));
                }
            }
            self.report.frames_checked += 1;
        }
        Ok(depth_now as usize == count)
    }

    /// Writes a local of a random frame (its low bit flipped, so that loops stay
    /// bounded), reads it back, and in a caller updates its record to match. Not in the
    /// innermost frame while it is `recording` (its record would hold the old value).
    fn write_local(
        &mut self,
        frame: &mut Frame<'_>,
        count: usize,
        recording: bool,
    ) -> Result<(), String> {
        let d = self.rng.below(count);
        if d == 0 && recording {
            return Ok(());
        }
        let Some(mut at) = frame.up(d) else {
            return Ok(());
        };
        let numbers: Vec<(u32, Val)> = at
            .locals()
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                v.clone()
                    .filter(|v| raw_bits(v).is_some())
                    .map(|v| (i as u32, v))
            })
            .collect();
        if numbers.is_empty() {
            return Ok(());
        }
        let (index, old) = numbers[self.rng.below(numbers.len())].clone();
        let new = match old.clone() {
            Val::I32(x) => Val::I32(x ^ 1),
            Val::I64(x) => Val::I64(x ^ 1),
            Val::F32(b) => Val::F32(b ^ 1),
            Val::F64(b) => Val::F64(b ^ 1),
            other => other,
        };
        if self.trace {
            eprintln!("  write local {index} of frame {d}: {old:?} -> {new:?}");
        }
        at.set_local(index, new.clone())
            .map_err(|e| format!("writing local {index} of frame {d}: {e}"))?;
        let back = at
            .local(index)
            .map_err(|e| format!("reading back local {index} of frame {d}: {e}"))?;
        if raw_bits(&back) != raw_bits(&new) {
            return Err(format!(
                "local {index} of frame {d}: wrote {new:?}, read back {back:?}"
            ));
        }
        self.report.writes += 1;
        let (func, offset) = (at.func_index(), at.offset());
        let info = &self.recorded.funcs[&func];
        if d == 0 || index as usize >= RECORDED_LOCALS.min(info.locals.len()) {
            return Ok(());
        }
        let k = (count - d) as u32;
        if !records_distinct(count) {
            // Its record may hold a deeper frame's values: it is not updated, so it is
            // not checked again while this frame lives.
            self.stale.1.insert(k);
            return Ok(());
        }
        // The caller's record holds the value now.
        let Some(id) = self.recorded.call(func, offset) else {
            return Ok(());
        };
        let address = self.recorded.record_address(k) as usize;
        let bytes = at
            .read_memory(address, record::RECORD_SIZE as usize)
            .map_err(|e| format!("reading record {k}: {e}"))?;
        let mut record = Record::new(bytes, &info.locals);
        if !record.is_of(id) {
            return Ok(());
        }
        record.set(id, index as usize, raw_bits(&new).expect("a number"));
        at.write_memory(address, record.bytes())
            .map_err(|e| format!("updating record {k}: {e}"))
    }
}

/// Whether each of `count` frames has a record of its own: depth k uses record
/// `k % RECORDS` (depths start at 1), so up to `RECORDS` frames never share one. The
/// record check and the update after a local write must agree on this, or a write made
/// while the stack was one frame too deep to update its record is checked once the stack
/// is shallower.
fn records_distinct(count: usize) -> bool {
    count <= record::RECORDS as usize
}
