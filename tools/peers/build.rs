//! Records, at build time, the exact versions this binary was built with (from the
//! workspace's Cargo.lock) and the rustc version, so the harness output names what it
//! measured without a second place to keep in sync.

use std::path::Path;
use std::process::Command;

fn main() {
    let lock_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock_path.display());
    let lock = std::fs::read_to_string(&lock_path).unwrap_or_default();
    for (package, var) in [
        ("kestrel", "PEERS_VERSION_KESTREL"),
        ("wasmtime", "PEERS_VERSION_WASMTIME"),
        ("wasmer", "PEERS_VERSION_WASMER"),
        ("wasmi", "PEERS_VERSION_WASMI"),
    ] {
        let version = locked_version(&lock, package).unwrap_or_else(|| "unknown".into());
        println!("cargo:rustc-env={var}={version}");
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let rustc_version = Command::new(rustc)
        .arg("-V")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=PEERS_RUSTC_VERSION={rustc_version}");

    // Which Kestrel was measured: the commit, and whether src/ differed from it when this
    // binary was built (Kestrel is a path dependency, so the working tree is what runs).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join(".git/HEAD").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        root.join(".git/index").display()
    );
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(&root)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8(o.stdout).ok())
    };
    let commit =
        git(&["rev-parse", "--short", "HEAD"]).map_or("unknown".into(), |s| s.trim().to_string());
    let src_state = match git(&["status", "--porcelain", "--", "src"]) {
        Some(s) if s.trim().is_empty() => "src/ clean",
        Some(_) => "src/ has uncommitted changes",
        None => "src/ state unknown",
    };
    println!("cargo:rustc-env=PEERS_KESTREL_COMMIT={commit} ({src_state})");
}

/// The version of `package` this harness is built with: the one its own entry in Cargo.lock
/// names (`"wasmi 2.0.0"` when several versions are locked in the workspace), else the
/// only one locked.
fn locked_version(lock: &str, package: &str) -> Option<String> {
    let own = lock.split("[[package]]").find(|block| {
        block
            .lines()
            .any(|l| l.trim() == "name = \"kestrel-peers\"")
    })?;
    let prefix = format!("\"{package} ");
    if let Some(line) = own.lines().find(|l| l.trim().starts_with(&prefix)) {
        return line
            .trim()
            .trim_start_matches(&prefix)
            .trim_end_matches(&['"', ','][..])
            .split_whitespace()
            .next()
            .map(str::to_string);
    }
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"") {
            let version = lines.next()?.trim();
            return version
                .strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'))
                .map(str::to_string);
        }
    }
    None
}
