//! The third opinion: wasmtime (Cranelift), through its Python package and the script
//! `tools/fuzz/third_opinion.py`, which observes a module the way `run_kestrel` does.
//! Consulted only when Kestrel disagrees with both wasmi versions; the `wasmtime` package
//! is optional (`pip install wasmtime`), and without it such a module stays a divergence.

use super::{Observation, Outcome};
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SCRIPT: &str = include_str!("../../third_opinion.py");

/// How long the script may take for one module.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The trap classes the script reports, as the static names `Outcome::Trap` holds.
const TRAP_CLASSES: [&str; 10] = [
    "memory",
    "table",
    "null",
    "signature",
    "div0",
    "overflow",
    "conversion",
    "unreachable",
    "exhausted",
    "other",
];

/// Runs a module on wasmtime through the script: the same steps as `run_kestrel`.
pub fn run_wasmtime(bytes: &[u8]) -> Result<Vec<Observation>, String> {
    let dir = std::env::temp_dir().join(format!(
        "kestrel-third-opinion-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let script = dir.join("third_opinion.py");
    let module = dir.join("module.wasm");
    std::fs::write(&script, SCRIPT).map_err(|e| e.to_string())?;
    std::fs::write(&module, bytes).map_err(|e| e.to_string())?;
    let result = run_script(&script, &module);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_script(
    script: &std::path::Path,
    module: &std::path::Path,
) -> Result<Vec<Observation>, String> {
    let mut child = Command::new("python3")
        .arg(script)
        .arg(module)
        .arg(kestrel::MAX_TABLE_ELEMENTS.to_string())
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
                .map(|p| Some((p[0].as_str()?.to_string(), p[1].as_u64()?)))
                .collect::<Option<_>>()
                .ok_or_else(bad)?,
        ),
    };
    let pairs = |key: &str| -> Option<Vec<(String, u64)>> {
        v[key]
            .as_array()?
            .iter()
            .map(|p| Some((p[0].as_str()?.to_string(), p[1].as_u64()?)))
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
