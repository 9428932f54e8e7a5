//! The comparison: one module runs on Kestrel (in every configuration under test) and on
//! the `wasmi` interpreter with the same arguments, and everything observable must agree.
//!
//! Observed after instantiation and after every call (each exported function is called
//! twice, with different arguments): the call's results or trap, every exported global,
//! a hash of every exported memory, and every exported table (its size and, per element,
//! null or the element's function type). A module both engines reject, or that both
//! fail to run the same way, is a skip, never a pass. Stack exhaustion ends the
//! comparison (the engines' limits differ) and is counted.

mod boundary;
mod on_kestrel;
mod on_wasmi;
mod on_wasmi_legacy;
mod on_wasmtime;
#[cfg(feature = "wasmtime")]
mod on_wasmtime_in_process;

use kestrel::{Config, Engine, Val, ValType};
pub(crate) use on_kestrel::kestrel_val;
pub use on_kestrel::{run_kestrel, run_kestrel_with};
pub use on_wasmi::run_wasmi;
use on_wasmi::OUT_OF_FUEL;
pub use on_wasmi_legacy::run_wasmi_legacy;
pub use on_wasmtime::run_wasmtime_script;

/// Runs a module on wasmtime, the same steps as `run_kestrel`: in this process with the
/// `wasmtime` feature (`on_wasmtime_in_process`), otherwise through its Python binding
/// (`on_wasmtime`, one process per module). A module the library version cannot finish
/// goes to the binding's too: wasmtime 48 charges fuel for a `table.grow` by its delta
/// before it fails, so a huge delta uses up any fuel, where wasmtime 50 (the binding)
/// returns -1 at once.
pub fn run_wasmtime(bytes: &[u8]) -> Result<Vec<Observation>, String> {
    #[cfg(feature = "wasmtime")]
    {
        on_wasmtime_in_process::run_wasmtime(bytes).or_else(|in_process| {
            run_wasmtime_script(bytes)
                .map_err(|script| format!("{in_process}; through the Python binding: {script}"))
        })
    }
    #[cfg(not(feature = "wasmtime"))]
    {
        run_wasmtime_script(bytes)
    }
}

/// Everything observable after one step (instantiation or one call).
#[derive(Debug, PartialEq, Eq, Clone)]
pub struct Observation {
    /// What the step was (`instantiate` or `call <export>`).
    pub step: String,
    /// How the step ended.
    pub outcome: Outcome,
    /// Exported globals: (name, bits; floats that are NaN as one canonical value).
    pub globals: Vec<(String, u128)>,
    /// Exported memories: (name, size in bytes, hash of the contents).
    pub memories: Vec<(String, usize, u64)>,
    /// Exported tables: (name, size, hash of the entries, each "null" or the function's
    /// type; see `TableDigest`).
    pub tables: Vec<(String, u32, u64)>,
}

/// How a step ended.
#[derive(Debug, PartialEq, Eq, Clone)]
pub enum Outcome {
    /// Results as (type name, bits; a scalar NaN as the canonical NaN of its type, a
    /// vector's 128 bits as they are: the generators canonicalise NaNs they compute).
    Values(Vec<(String, u128)>),
    /// A trap, by class (the engines word their messages differently).
    Trap(&'static str),
    /// The stack limit was reached: the engines' limits differ, so comparison stops here.
    Exhausted,
}

/// The result of comparing the engines on one module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every configuration agreed with the reference on every step.
    Agree {
        /// The comparison stopped early at a stack exhaustion.
        exhausted: bool,
    },
    /// Not comparable (both engines rejected the module, or the generator could not build
    /// one); the reason says which.
    Skip(String),
    /// A configuration disagreed with the reference: what differed.
    Diverge(String),
    /// Kestrel disagreed with wasmi 2.0, but every configuration agreed with another
    /// reference (wasmi 0.31, or wasmtime where both wasmi versions differ): a bug of a
    /// reference, not a pass; what differed is kept.
    ReferenceBug(String),
}

/// The label of the configuration whose runs are debugged: instrumented, with a breakpoint
/// at every function's entry, so that every call runs an instrumented version, and fuel
/// counted (so that execution moves between versions that count it differently: plain
/// versions in a register, instrumented ones in memory).
pub const DEBUGGED: &str = "debugged+fuel";

/// The label of the configuration whose runs another thread keeps pausing: instrumented,
/// a pause requested again as soon as the last one stopped (the handler continues), so
/// that pauses land wherever the calls are, loops without a check included (where the
/// interrupt signal steps the thread to a loop head: "DESIGN: interrupts in loops without
/// calls"); no pause may change what the calls do.
pub const PAUSED: &str = "instrumented+paused";

/// How a configuration's runs are attended by a debugger, by its label.
pub fn attendance(label: &str) -> Attendance {
    match label {
        DEBUGGED => Attendance::EntryBreakpoints,
        PAUSED => Attendance::PausedFromAnotherThread,
        _ => Attendance::Unattended,
    }
}

/// What a debugger does while a configuration runs a module (`run_kestrel_with`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attendance {
    /// No debugger.
    Unattended,
    /// A breakpoint at every defined function's entry (`DEBUGGED`).
    EntryBreakpoints,
    /// Pauses requested from another thread all the time (`PAUSED`).
    PausedFromAnotherThread,
}

/// The Kestrel configurations every module runs under, by label: plain and instrumented,
/// each with and without the convention canaries (`Config::convention_canaries`) and fuel
/// (`Config::consume_fuel`, never running out: its code must not change a result),
/// instrumented with every function debugged, with fuel (`DEBUGGED`), instrumented and
/// paused from another thread (`PAUSED`), and plain on the SSE4.1 vector path.
pub fn configurations() -> Vec<(&'static str, Config)> {
    let plain = Config::new();
    let mut canaries = Config::new();
    canaries.convention_canaries(true).consume_fuel(true);
    let mut debug = Config::new();
    debug.debug_instrumentation(true);
    let mut debug_canaries = debug.clone();
    debug_canaries.convention_canaries(true).consume_fuel(true);
    let mut debugged = debug.clone();
    debugged.consume_fuel(true);
    let paused = debug.clone();
    // The forced SSE4.1 vector path ("DESIGN: vector paths"); the others use the best
    // this CPU has.
    let mut sse41 = Config::new();
    sse41.vector_instructions(kestrel::VectorInstructions::Sse41);
    vec![
        ("plain", plain),
        ("plain+sse41", sse41),
        ("plain+canaries+fuel", canaries),
        ("instrumented", debug),
        ("instrumented+canaries+fuel", debug_canaries),
        (DEBUGGED, debugged),
        (PAUSED, paused),
    ]
}

/// Kestrel engines for `configurations`, built once and shared by every module.
pub struct Oracle {
    engines: Vec<(&'static str, Engine)>,
}

impl Default for Oracle {
    fn default() -> Self {
        Oracle::new()
    }
}

impl Oracle {
    /// An oracle over every configuration of `configurations`.
    pub fn new() -> Oracle {
        Oracle::with_configurations(configurations())
    }

    /// An oracle over the given configurations.
    pub fn with_configurations(configs: Vec<(&'static str, Config)>) -> Oracle {
        Oracle {
            engines: configs
                .into_iter()
                .map(|(label, c)| (label, Engine::new(&c)))
                .collect(),
        }
    }

    /// Compares every configuration with the reference on `bytes`.
    ///
    /// When a configuration disagrees with wasmi 2.0, the other references decide, in
    /// order: wasmi 0.31 (`on_wasmi_legacy`), then wasmtime (`on_wasmtime`, if its
    /// Python package is installed). If one of them agrees with every configuration, the
    /// verdict is `ReferenceBug` (the references disagree among themselves and Kestrel is
    /// with one of them); otherwise the divergence stands.
    pub fn check(&self, bytes: &[u8]) -> Verdict {
        let reference = match reference_guarded("wasmi 2.0", || run_wasmi(bytes)) {
            // Exception handling and typed function references, which wasmi does not
            // implement: wasmtime is the reference (through its Python binding, which
            // must be installed).
            Err(e) if needs_wasmtime(bytes) => {
                match reference_guarded("wasmtime", || run_wasmtime(bytes)) {
                    Ok(observations) => Ok(observations),
                    Err(w) if w.starts_with(OUT_OF_FUEL) || w.contains("out of fuel") => {
                        return Verdict::Skip(w)
                    }
                    Err(w) => {
                        return Verdict::Skip(format!(
                            "3.0 features: wasmi cannot run it ({e}) and wasmtime gave \
                             no reference ({w})"
                        ))
                    }
                }
            }
            other => other,
        };
        if let Err(e) = &reference {
            if e.starts_with(OUT_OF_FUEL) {
                // A module the reference cannot finish within its fuel would run as long
                // on Kestrel (whose fuel here never runs out), so it is not run there.
                return Verdict::Skip(e.clone());
            }
        }
        let runs: Vec<(&str, Result<Vec<Observation>, String>)> = self
            .engines
            .iter()
            .map(|(label, engine)| (*label, run_kestrel_with(engine, bytes, attendance(label))))
            .collect();
        let (difference, runs) = match first_look(runs, &reference) {
            FirstLook::Decided(verdict) => return verdict,
            FirstLook::Differs { difference, runs } => (difference, runs),
        };
        let agrees_with = |other: &[Observation]| {
            runs.iter()
                .all(|ours| matches!(compare(ours, other), Comparison::Same { .. }))
        };
        let mut opinions = Vec::new();
        match reference_guarded("wasmi 0.31", || run_wasmi_legacy(bytes)) {
            Ok(legacy) if agrees_with(&legacy) => {
                return Verdict::ReferenceBug(format!(
                    "wasmi 0.31 agrees with Kestrel; {difference}"
                ))
            }
            Ok(_) => opinions.push("wasmi 0.31 disagrees too".to_string()),
            Err(e) => opinions.push(format!("wasmi 0.31 failed: {e}")),
        }
        let third = reference_guarded("wasmtime", || run_wasmtime(bytes))
            .map(|third| on_wasmtime::with_tables_of(third, &runs[0]));
        match third {
            Ok(third) if agrees_with(&third) => {
                return Verdict::ReferenceBug(format!(
                    "wasmtime agrees with Kestrel, both wasmi versions differ; {difference}"
                ))
            }
            Ok(_) => opinions.push("wasmtime disagrees too".to_string()),
            Err(e) => opinions.push(format!("no third opinion: {e}")),
        }
        Verdict::Diverge(format!("{difference}\n  ({})", opinions.join("; ")))
    }
}

/// Which engines `run_alone` runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alone {
    /// Every Kestrel configuration of the oracle.
    Kestrel,
    /// Every reference: wasmi 2.0, wasmi 0.31 and wasmtime.
    References,
}

impl Oracle {
    /// Runs one side of the comparison on `bytes`, its observations dropped: when a
    /// worker process crashes on a module, a process running only Kestrel and one running
    /// only the references tell whose crash it is (the fuzz command's crash attribution).
    /// A reference's panic is caught as in `check`; a crash ends the process.
    pub fn run_alone(&self, side: Alone, bytes: &[u8]) {
        match side {
            Alone::Kestrel => {
                for (label, engine) in &self.engines {
                    let _ = run_kestrel_with(engine, bytes, attendance(label));
                }
            }
            Alone::References => {
                let _ = reference_guarded("wasmi 2.0", || run_wasmi(bytes));
                let _ = reference_guarded("wasmi 0.31", || run_wasmi_legacy(bytes));
                let _ = reference_guarded("wasmtime", || run_wasmtime(bytes));
            }
        }
    }
}

/// Whether `bytes` uses exception handling or typed function references (and the 3.0
/// type system), which only wasmtime among the references runs.
fn needs_wasmtime(bytes: &[u8]) -> bool {
    use wasmparser::WasmFeatures;
    crate::smith::needs_features(
        bytes,
        WasmFeatures::EXCEPTIONS
            | WasmFeatures::LEGACY_EXCEPTIONS
            | WasmFeatures::FUNCTION_REFERENCES
            | WasmFeatures::GC,
    )
}

/// What the runs of Kestrel's configurations and wasmi 2.0's (`reference`) decide before
/// the other references are asked: a verdict, or the first difference when every
/// configuration ran and one of them differs from wasmi 2.0.
enum FirstLook {
    Decided(Verdict),
    Differs {
        difference: String,
        runs: Vec<Vec<Observation>>,
    },
}

/// Compares every configuration's run with the reference's. A configuration where both
/// engines failed is not comparable; if that is every configuration the module is
/// skipped, but if only some, Kestrel's configurations disagree among themselves, which is
/// a divergence whatever wasmi says (every configuration is looked at, never just up to
/// the first that failed).
fn first_look(
    runs: Vec<(&str, Result<Vec<Observation>, String>)>,
    reference: &Result<Vec<Observation>, String>,
) -> FirstLook {
    let mut exhausted = false;
    let mut first_difference = None;
    let mut both_failed = Vec::new();
    let count = runs.len();
    let mut ok_runs = Vec::new();
    let mut kestrel_failed = false;
    for (label, ours) in runs {
        match (&ours, reference) {
            (Ok(a), Ok(b)) => match compare(a, b) {
                Comparison::Same { exhausted: e } => exhausted |= e,
                Comparison::Differ(why) => {
                    first_difference.get_or_insert(format!("{label}: {why}"));
                }
            },
            (Err(e), Ok(_)) => {
                first_difference.get_or_insert(format!("{label}: kestrel failed: {e}"));
            }
            (Ok(_), Err(e)) => {
                first_difference.get_or_insert(format!("{label}: wasmi failed: {e}"));
            }
            (Err(a), Err(b)) => {
                both_failed.push(format!("{label}: kestrel: {a}; wasmi: {b}"));
            }
        }
        match ours {
            Ok(run) => ok_runs.push(run),
            Err(_) => kestrel_failed = true,
        }
    }
    if !both_failed.is_empty() {
        if both_failed.len() == count {
            return FirstLook::Decided(Verdict::Skip(format!(
                "both engines failed ({})",
                both_failed[0]
            )));
        }
        // Some of Kestrel's configurations failed where others ran.
        return FirstLook::Decided(Verdict::Diverge(format!(
            "kestrel's configurations disagree: both engines failed in {} of {} ({}); {}",
            both_failed.len(),
            count,
            both_failed[0],
            first_difference.unwrap_or_else(|| "the others agreed with wasmi".into())
        )));
    }
    let Some(difference) = first_difference else {
        return FirstLook::Decided(Verdict::Agree { exhausted });
    };
    // Kestrel's runs all succeeded here unless one failed outright (a divergence).
    if kestrel_failed {
        return FirstLook::Decided(Verdict::Diverge(difference));
    }
    FirstLook::Differs {
        difference,
        runs: ok_runs,
    }
}

/// Runs a reference engine, turning a panic inside it (wasmi 2.0's translator has
/// `unreachable!`s that some valid modules reach) into a failure of that reference, so
/// that the other references decide instead of the panic counting against Kestrel.
fn reference_guarded<T>(name: &str, run: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(format!("{name} panicked: {msg}"))
    })
}

enum Comparison {
    Same { exhausted: bool },
    Differ(String),
}

fn compare(ours: &[Observation], reference: &[Observation]) -> Comparison {
    for (i, (x, y)) in ours.iter().zip(reference).enumerate() {
        // Stack limits differ between engines: stop at the first exhaustion on either side.
        if x.outcome == Outcome::Exhausted || y.outcome == Outcome::Exhausted {
            return Comparison::Same { exhausted: true };
        }
        if x != y {
            let what = if x.outcome != y.outcome {
                "outcome"
            } else if x.globals != y.globals {
                "globals"
            } else if x.memories != y.memories {
                "memory"
            } else if x.tables != y.tables {
                "tables"
            } else {
                "step"
            };
            return Comparison::Differ(format!(
                "{what} differs at step {i}:\n  kestrel {x:?}\n  wasmi   {y:?}"
            ));
        }
    }
    if ours.len() != reference.len() {
        return Comparison::Differ(format!(
            "kestrel made {} steps, wasmi {}",
            ours.len(),
            reference.len()
        ));
    }
    Comparison::Same { exhausted: false }
}

/// Arguments for call number `round` of a function with these parameter types.
pub fn args_for(params: &[ValType], round: usize) -> Vec<Val> {
    const INTS: [i64; 8] = [0, 1, -1, 7, 65536, i32::MIN as i64, 31, i64::MAX];
    params
        .iter()
        .enumerate()
        .map(|(i, ty)| {
            let v = INTS[(round * 3 + i) % INTS.len()];
            match ty {
                ValType::I32 => Val::I32(v as i32),
                ValType::I64 => Val::I64(v),
                ValType::F32 => Val::from_f32(v as f32 * 0.5),
                ValType::F64 => Val::from_f64(v as f64 * 0.25),
                ValType::Ref(_) => Val::default_for(*ty),
                // Every lane gets the integer.
                ValType::V128 => {
                    Val::V128(u128::from(v as u32) * 0x0000_0001_0000_0001_0000_0001_0000_0001)
                }
            }
        })
        .collect()
}

/// Rounds of calls: every exported function is called this many times.
pub(crate) const ROUNDS: usize = 2;

/// Bits of a float with every NaN replaced by the canonical NaN: NaN payloads and signs
/// are nondeterministic in wasm, so they are not compared.
pub(crate) fn f32_bits(bits: u32) -> u64 {
    if f32::from_bits(bits).is_nan() {
        0x7fc0_0000
    } else {
        bits as u64
    }
}

/// `f32_bits` for f64.
pub(crate) fn f64_bits(bits: u64) -> u64 {
    if f64::from_bits(bits).is_nan() {
        0x7ff8_0000_0000_0000
    } else {
        bits
    }
}

/// A hash of a memory's contents: FNV-1a over little-endian 64-bit words, then the
/// remaining bytes (simple enough for the third opinion's script to compute the same,
/// word-wise so that large memories hash quickly).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    let h = words.fold(0xcbf2_9ce4_8422_2325u64, |h, w| {
        let word = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        (h ^ word).wrapping_mul(PRIME)
    });
    tail.iter()
        .fold(h, |h, &b| (h ^ b as u64).wrapping_mul(PRIME))
}

/// A function type as text, the same for every engine.
pub(crate) fn type_name(params: &[ValType], results: &[ValType]) -> String {
    let list = |ts: &[ValType]| {
        ts.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    without_type_ids(&format!("[{}] -> [{}]", list(params), list(results)))
}

/// `text` with every type identity (`type` and digits, Kestrel's `TypeId` as printed
/// inside a concrete function type) written as `type`: identities are an engine's own
/// numbering, so a function type's text names only its shape.
pub(crate) fn without_type_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("type") {
        out.push_str(&rest[..at + 4]);
        rest = rest[at + 4..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// The observation after a successful instantiation: the exported state.
pub(crate) fn instantiated((globals, memories, tables): State) -> Observation {
    Observation {
        step: "instantiate".into(),
        outcome: Outcome::Values(vec![]),
        globals,
        memories,
        tables,
    }
}

/// Records the observation after calling export `name`; returns whether the run ends
/// there: stack exhaustion ends every engine's run, since their stack limits differ.
pub(crate) fn record_call(
    out: &mut Vec<Observation>,
    name: &str,
    outcome: Outcome,
    (globals, memories, tables): State,
) -> bool {
    let stop = outcome == Outcome::Exhausted;
    out.push(Observation {
        step: format!("call {name}"),
        outcome,
        globals,
        memories,
        tables,
    });
    stop
}

/// The observation of a trap during instantiation (in the start function).
pub(crate) fn trap_observation(name: &'static str) -> Observation {
    Observation {
        step: "instantiate".into(),
        outcome: if name == "exhausted" {
            Outcome::Exhausted
        } else {
            Outcome::Trap(name)
        },
        globals: vec![],
        memories: vec![],
        tables: vec![],
    }
}

/// Exported state after a step: (globals, memories, tables), as in `Observation`.
type State = (
    Vec<(String, u128)>,
    Vec<(String, usize, u64)>,
    Vec<(String, u32, u64)>,
);

/// A table's observation built entry by entry: its size and an FNV-1a hash of its
/// entries' descriptions, each followed by a newline (tables may grow to millions of
/// elements, so they are not kept whole).
pub(crate) struct TableDigest {
    size: u32,
    hash: u64,
}

impl TableDigest {
    pub(crate) fn new() -> TableDigest {
        TableDigest {
            size: 0,
            hash: 0xcbf2_9ce4_8422_2325,
        }
    }

    /// Adds the next entry: "null", "externref" or a function type (`type_name`).
    pub(crate) fn add(&mut self, entry: &str) {
        self.size += 1;
        for &b in entry.as_bytes().iter().chain(b"\n") {
            self.hash = (self.hash ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn finish(self, name: &str) -> (String, u32, u64) {
        (name.to_string(), self.size, self.hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wat(text: &str) -> Vec<u8> {
        wat::parse_str(text).unwrap()
    }

    #[test]
    fn type_identities_are_left_out_of_type_text() {
        assert_eq!(
            without_type_ids("[(ref null (func (param (ref type12)) (result))) i32] -> [type]"),
            "[(ref null (func (param (ref type)) (result))) i32] -> [type]"
        );
    }

    /// The in-process wasmtime (`--features wasmtime`) observes what its Python binding
    /// observes, on modules of every generator whose reference it is; skipped without the
    /// Python package.
    /// A module wasmtime 48 cannot finish (a `table.grow` of a 64-bit table by a huge
    /// delta, which it charges fuel for) is still judged, by the binding's wasmtime.
    #[cfg(feature = "wasmtime")]
    #[test]
    fn what_the_library_cannot_finish_the_binding_judges() {
        let m = wat(r#"(module (table (export "t") i64 2 29 funcref)
            (func (export "f") (result i64)
              (table.grow (ref.null func) (i64.const -34870345177485443))))"#);
        assert!(on_wasmtime_in_process::run_wasmtime(&m).is_err());
        match run_wasmtime(&m) {
            Err(e) if e.contains("not installed") => {
                println!("skipped: the wasmtime Python package is not installed")
            }
            Err(e) => panic!("{e}"),
            Ok(observations) => {
                assert_eq!(
                    observations[1].outcome,
                    Outcome::Values(vec![("i64".into(), u64::MAX.into())])
                )
            }
        }
    }

    #[cfg(feature = "wasmtime")]
    #[test]
    fn wasmtime_in_process_observes_what_the_script_observes() {
        use crate::Generator;
        let mut compared = 0;
        for generator in [
            Generator::SmithExceptions,
            Generator::ShapedTyped,
            Generator::ShapedExceptions,
        ] {
            for seed in 0..40 {
                let Some(bytes) = generator.generate(seed) else {
                    continue;
                };
                let script = match run_wasmtime_script(&bytes) {
                    Err(e) if e.contains("not installed") => {
                        println!("skipped: the wasmtime Python package is not installed");
                        return;
                    }
                    // The binding cannot pass some values (an exnref at the boundary).
                    Err(_) => continue,
                    Ok(observations) => observations,
                };
                let in_process = on_wasmtime_in_process::run_wasmtime(&bytes)
                    .unwrap_or_else(|e| panic!("{} seed {seed}: {e}", generator.name()));
                // The script's hash for a table it could not describe (a function type
                // with a v128) stands for any.
                let script = on_wasmtime::with_tables_of(script, &in_process);
                assert_eq!(in_process, script, "{} seed {seed}", generator.name());
                compared += 1;
            }
        }
        assert!(compared >= 60, "only {compared} modules compared");
    }

    #[test]
    fn agreeing_module_agrees() {
        let m = wat(r#"(module (func (export "f") (param i32) (result i32)
            (i32.add (local.get 0) (i32.const 1))))"#);
        assert_eq!(Oracle::new().check(&m), Verdict::Agree { exhausted: false });
    }

    /// A run that returned from its one step, for `first_look`.
    fn returned() -> Vec<Observation> {
        let mut run = trap_observation("unreachable");
        run.outcome = Outcome::Values(Vec::new());
        vec![run]
    }

    /// Both engines failing in one configuration while another runs is a disagreement
    /// among Kestrel's configurations, wherever the failing one comes in the order (the
    /// oracle once stopped at the first both-fail and skipped the module).
    #[test]
    fn configurations_that_fail_where_others_run_are_a_divergence() {
        let wasmi_failed: Result<Vec<Observation>, String> = Err("instantiate: x".into());
        for order in [["a", "b"], ["b", "a"]] {
            let runs = order
                .iter()
                .map(|&label| {
                    let run = if label == "a" {
                        Err("compile: y".to_string())
                    } else {
                        Ok(returned())
                    };
                    (label, run)
                })
                .collect();
            match first_look(runs, &wasmi_failed) {
                FirstLook::Decided(Verdict::Diverge(why)) => {
                    assert!(why.contains("configurations disagree"), "{order:?}: {why}")
                }
                FirstLook::Decided(other) => panic!("{order:?}: {other:?}"),
                FirstLook::Differs { difference, .. } => panic!("{order:?}: {difference}"),
            }
        }
        // Failing in every configuration, like the reference: not comparable.
        let runs = vec![("a", Err("x".to_string())), ("b", Err("y".to_string()))];
        assert!(matches!(
            first_look(runs, &wasmi_failed),
            FirstLook::Decided(Verdict::Skip(_))
        ));
    }

    #[test]
    fn a_module_both_reject_is_a_skip() {
        // Valid text, but a feature neither engine is configured for (threads' shared
        // memories).
        let m = wat(r#"(module (memory 1 1 shared) (func (export "f")))"#);
        assert!(matches!(Oracle::new().check(&m), Verdict::Skip(_)));
    }

    #[test]
    fn unbounded_recursion_counts_as_exhausted() {
        let m = wat(r#"(module (func $f (export "f") (result i32) (call $f)))"#);
        assert_eq!(Oracle::new().check(&m), Verdict::Agree { exhausted: true });
    }

    #[test]
    fn a_module_that_runs_too_long_is_a_skip_and_never_reaches_kestrel() {
        let m = wat(r#"(module (func (export "f") (loop (br 0))))"#);
        match Oracle::new().check(&m) {
            Verdict::Skip(why) => assert!(why.starts_with(OUT_OF_FUEL), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    /// wasmi 2.0.0 reads a stale value for a local read before a block with parameters
    /// and written inside it on a path a `br_if` skips (found by the `shaped` generator;
    /// wasmtime and V8 agree with Kestrel and wasmi 0.31).
    #[test]
    fn a_wasmi_2_bug_is_a_reference_bug_not_a_pass() {
        let m = wat(r#"(module (func (export "f") (result i32) (local i32 i32)
            i32.const 0
            block (param i32) (result i32 i32) drop i32.const 0 i32.const -7 end
            local.set 0 drop
            local.get 0
            i32.const 1
            block (param i32) (result i32 i32)
              local.set 1 i32.const 1 i32.const 2 local.get 1 br_if 0
              local.set 0 local.get 0
            end
            local.set 0 drop))"#);
        let ours = run_kestrel(&Engine::default(), &m).unwrap();
        assert_eq!(
            ours[1].outcome,
            Outcome::Values(vec![("i32".into(), -7i32 as u32 as u128)])
        );
        assert_eq!(run_wasmi_legacy(&m).unwrap(), ours);
        match Oracle::new().check(&m) {
            Verdict::ReferenceBug(_) => {}
            // If a later wasmi fixes it, this test should say so.
            other => panic!("expected wasmi 2.0.0's bug, got {other:?}"),
        }
    }

    /// wasmi 2.0.0 with its SIMD feature traps on this guarded division (a `swarm` seed,
    /// reduced); wasmi 0.31 has no SIMD, so wasmtime decides, through the wrapper that
    /// keeps vectors off its binding's boundary (`boundary`). Without the wasmtime
    /// package there is no third opinion, and the test says so.
    #[test]
    fn a_wasmi_simd_bug_is_judged_by_wasmtime() {
        let m = wat(r#"
        (module
          (type (;0;) (func (param externref) (result externref)))
          (type (;1;) (func (param i32)))
          (global (;0;) (mut i64) i64.const 0)
          (global (;1;) (mut v128) v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000)
          (global (;2;) (mut i32) i32.const 0)
          (global (;3;) (mut i32) i32.const 6)
          (export "-" (func 0))
          (export "" (func 1))
          (func (;0;) (type 1) (param i32)
            (local externref i32 i32)
            i32.const 0
            if ;; label = @1
              unreachable
            end
            global.get 3
            global.set 3
            v128.const i32x4 0xaa819f41 0x14731476 0x86febaef 0xce51d834
            i32.const 0
            v128.const i32x4 0x26579513 0xfa444168 0xb47213e1 0x667b29d6
            i64.const 1
            i32.const 0
            ref.null extern
            i32.const 1
            i32.const 0
            local.get 2
            i32.eqz
            select
            local.set 2
            block ;; label = @1
              block ;; label = @2
                local.get 3
                br_if 0 (;@2;)
                i32.const 0
                br_if 0 (;@2;)
                br 1 (;@1;)
              end
            end
            local.get 2
            local.get 2
            i32.div_s
            i64.extend_i32_u
            global.set 0
            drop
            i32.const 1
            i32.xor
            global.set 2
            i64.const 0
            i64.xor
            global.set 0
            global.get 1
            v128.xor
            global.set 1
            i32.const 0
            i32.xor
            global.set 2
            global.get 1
            v128.xor
            global.set 1
          )
          (func (;1;) (type 0) (param externref) (result externref)
            unreachable
          )
        )
        "#);
        match Oracle::new().check(&m) {
            Verdict::ReferenceBug(why) => assert!(why.contains("wasmtime agrees"), "{why}"),
            Verdict::Diverge(why) if why.contains("not installed") => {
                println!("skipped: the wasmtime Python package is not installed")
            }
            // If a later wasmi fixes it, this test should say so.
            other => panic!("expected wasmi 2.0.0's SIMD bug, got {other:?}"),
        }
    }

    #[test]
    fn different_step_counts_are_a_divergence() {
        let a = vec![trap_observation("memory")];
        let mut b = a.clone();
        b.push(trap_observation("memory"));
        assert!(matches!(compare(&a, &b), Comparison::Differ(_)));
        assert!(matches!(compare(&b, &a), Comparison::Differ(_)));
    }

    #[test]
    fn tables_are_compared() {
        let m = wat(r#"(module (table (export "t") 2 funcref)
            (func $g (param i32))
            (elem (i32.const 1) $g))"#);
        let ours = run_kestrel(&Engine::default(), &m).unwrap();
        let mut expected = TableDigest::new();
        expected.add("null");
        expected.add("[i32] -> []");
        assert_eq!(ours[0].tables, vec![expected.finish("t")]);
        assert_eq!(ours, run_wasmi(&m).unwrap());
    }

    #[test]
    fn nans_compare_by_class() {
        assert_eq!(
            f64_bits(0xfff8_0000_0000_0001),
            f64_bits(0x7ff8_0000_0000_0000)
        );
        assert_ne!(f64_bits(0x8000_0000_0000_0000), f64_bits(0));
        assert_eq!(f32_bits(0xffc0_0000), 0x7fc0_0000);
    }
}
