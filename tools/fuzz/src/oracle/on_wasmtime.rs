//! The third opinion: wasmtime (Cranelift), through its Python package and the script
//! `tools/fuzz/third_opinion.py`, which observes a module the way `run_kestrel` does.
//! Consulted when Kestrel disagrees with both wasmi versions, and the reference for
//! modules wasmi cannot run; the `wasmtime` package is optional (`pip install wasmtime`),
//! and without it such a module stays a divergence (or is skipped). Built with the
//! `wasmtime` feature, kestrel-fuzz asks wasmtime in process instead
//! (`on_wasmtime_in_process`), for long runs.

use super::{Observation, Outcome};
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SCRIPT: &str = include_str!("../../third_opinion.py");

/// The hash the script gives a table it cannot describe: one holding a function whose
/// type has a `v128`, which the binding cannot name (`with_tables_of`).
pub(crate) const UNKNOWN_TABLE: u64 = u64::MAX;

/// `third` with every table hash it could not compute taken from `ours` (the sizes
/// still count): a third opinion says nothing about such a table's entries.
pub(crate) fn with_tables_of(
    mut third: Vec<Observation>,
    ours: &[Observation],
) -> Vec<Observation> {
    for (t, o) in third.iter_mut().zip(ours) {
        for (table, ours) in t.tables.iter_mut().zip(&o.tables) {
            if table.2 == UNKNOWN_TABLE && table.0 == ours.0 {
                table.2 = ours.2;
            }
        }
    }
    third
}

/// How long the script may take for one module.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The trap classes the script reports, as the static names `Outcome::Trap` holds.
const TRAP_CLASSES: [&str; 11] = [
    "memory",
    "table",
    "null",
    "signature",
    "div0",
    "overflow",
    "conversion",
    "unreachable",
    "exhausted",
    "exception",
    "other",
];

/// Runs a module on wasmtime through the script: the same steps as `run_kestrel`.
pub fn run_wasmtime_script(bytes: &[u8]) -> Result<Vec<Observation>, String> {
    let dir = std::env::temp_dir().join(format!(
        "kestrel-third-opinion-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let script = dir.join("third_opinion.py");
    let module = dir.join("module.wasm");
    let plan = dir.join("plan.json");
    // The binding cannot pass vectors: exports that would are wrapped (`boundary`).
    let (wrapped, vectors) = super::boundary::wrap_vectors(bytes)?;
    std::fs::write(&script, SCRIPT).map_err(|e| e.to_string())?;
    std::fs::write(&module, wrapped).map_err(|e| e.to_string())?;
    std::fs::write(&plan, vectors).map_err(|e| e.to_string())?;
    let result = run_script(&script, &module, &plan);
    // KESTREL_KEEP_THIRD_OPINION=1 keeps the script, the wrapped module and the plan, to
    // run the script by hand.
    if std::env::var_os("KESTREL_KEEP_THIRD_OPINION").is_some() {
        eprintln!("third opinion files kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

fn run_script(
    script: &std::path::Path,
    module: &std::path::Path,
    plan: &std::path::Path,
) -> Result<Vec<Observation>, String> {
    let mut child = Command::new("python3")
        .arg(script)
        .arg(module)
        .arg(kestrel::MAX_TABLE_ELEMENTS.to_string())
        .arg(plan)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err("wasmtime took too long".into());
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut out = String::new();
    let mut err = String::new();
    if let Some(mut o) = child.stdout.take() {
        let _ = o.read_to_string(&mut out);
    }
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    match status.code() {
        Some(0) => out.lines().map(parse_step).collect(),
        Some(3) => Err("the wasmtime Python package is not installed".into()),
        _ => Err(format!(
            "wasmtime: {}",
            err.trim().lines().last().unwrap_or("")
        )),
    }
}

/// A value's bits as the script prints them: a number, or a vector's 128 bits as a
/// hexadecimal string.
fn json_bits(v: &serde_json::Value) -> Option<u128> {
    match v {
        serde_json::Value::String(hex) => u128::from_str_radix(hex, 16).ok(),
        other => other.as_u64().map(u128::from),
    }
}

fn parse_step(line: &str) -> Result<Observation, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let bad = || format!("unexpected output: {line}");
    let outcome = match &v["outcome"] {
        serde_json::Value::String(s) if s == "exhausted" => Outcome::Exhausted,
        o if o.get("trap").is_some() => {
            let class = o["trap"].as_str().ok_or_else(bad)?;
            let name = TRAP_CLASSES.iter().find(|c| **c == class).ok_or_else(bad)?;
            Outcome::Trap(name)
        }
        o => Outcome::Values(
            o["values"]
                .as_array()
                .ok_or_else(bad)?
                .iter()
                .map(|p| Some((p[0].as_str()?.to_string(), json_bits(&p[1])?)))
                .collect::<Option<_>>()
                .ok_or_else(bad)?,
        ),
    };
    let pairs = |key: &str| -> Option<Vec<(String, u128)>> {
        v[key]
            .as_array()?
            .iter()
            .map(|p| Some((p[0].as_str()?.to_string(), json_bits(&p[1])?)))
            .collect()
    };
    let memories = v["memories"]
        .as_array()
        .and_then(|ms| {
            ms.iter()
                .map(|m| {
                    Some((
                        m[0].as_str()?.to_string(),
                        m[1].as_u64()? as usize,
                        m[2].as_u64()?,
                    ))
                })
                .collect::<Option<Vec<_>>>()
        })
        .ok_or_else(bad)?;
    let tables = v["tables"]
        .as_array()
        .and_then(|ts| {
            ts.iter()
                .map(|t| {
                    Some((
                        t[0].as_str()?.to_string(),
                        t[1].as_u64()? as u32,
                        t[2].as_u64()?,
                    ))
                })
                .collect::<Option<Vec<_>>>()
        })
        .ok_or_else(bad)?;
    Ok(Observation {
        step: v["step"].as_str().ok_or_else(bad)?.to_string(),
        outcome,
        globals: pairs("globals").ok_or_else(bad)?,
        memories,
        tables,
    })
}
