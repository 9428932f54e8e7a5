//! A worker that crashes on a module is attributed before the crash counts: a reference's
//! crash (here wasmi 2.0's, whose interpreter nests a host frame for every failing
//! `memory.grow` it executes in a loop, until the host stack overflows) is reported as a
//! reference crash, not as a Kestrel failure; a crash Kestrel alone has would still count.

use std::process::Command;

/// A module of our own that crashes wasmi 2.0.0 (pinned in Cargo.toml): a million
/// `memory.grow`s that fail.
const GROWS_IN_A_LOOP: &str = r#"(module (memory 1 3)
  (func (export "f") (local i32)
    (loop
      (drop (memory.grow (i32.const -625966103)))
      (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const 1)))
                       (i32.const 1000000))))))"#;

fn fuzz() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kestrel-fuzz"))
}

#[test]
fn each_side_runs_alone() {
    let dir =
        std::env::temp_dir().join(format!("kestrel-crash-attribution-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("grows.wat");
    std::fs::write(&path, GROWS_IN_A_LOOP).unwrap();
    let kestrel = fuzz()
        .args(["--alone", "kestrel"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        kestrel.status.success(),
        "Kestrel alone: {:?}",
        kestrel.status
    );
    let references = fuzz()
        .args(["--alone", "references"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        !references.status.success(),
        "wasmi 2.0.0 no longer crashes on this module: {:?}",
        references.status
    );
    let bad = fuzz()
        .args(["--alone", "both"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A run's summary counts a module that crashes a reference as a reference crash, and the
/// run succeeds: a run over a directory (`--modules`) holding that module between two
/// that every engine runs alike, so the worker that crashed is replaced and the run goes
/// on past it.
#[test]
fn a_reference_crash_is_not_a_failure() {
    let id = std::process::id();
    let dir = std::env::temp_dir().join(format!("kestrel-crash-modules-{id}"));
    let out = std::env::temp_dir().join(format!("kestrel-crash-out-{id}"));
    std::fs::create_dir_all(&dir).unwrap();
    let agreed = r#"(module (func (export "f") (result i32) (i32.const 7)))"#;
    std::fs::write(dir.join("a.wat"), agreed).unwrap();
    std::fs::write(dir.join("b.wat"), GROWS_IN_A_LOOP).unwrap();
    std::fs::write(dir.join("c.wat"), agreed).unwrap();
    let run = fuzz()
        .arg("--modules")
        .arg(&dir)
        .args(["--jobs", "1", "--no-reduce", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("3 modules")
            && stdout.contains("2 agreed")
            && stdout.contains("1 reference crashes")
            && stdout.contains("0 crashed"),
        "{stdout}"
    );
    assert!(run.status.success(), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&out);
}
