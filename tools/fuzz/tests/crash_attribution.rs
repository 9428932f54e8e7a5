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

/// The run's summary counts the seed as a reference crash and the run succeeds. The seed
/// is one of the `shaped` generator's whose module has such a loop (found by the long
/// runs of issue 23); a change to the generator may move it, which this test would show.
#[test]
fn a_reference_crash_is_not_a_failure() {
    let out = std::env::temp_dir().join(format!("kestrel-crash-out-{}", std::process::id()));
    let run = fuzz()
        .args([
            "--generator",
            "shaped",
            "--seeds",
            "1",
            "--start",
            "27374398",
        ])
        .args(["--jobs", "1", "--no-reduce", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("1 reference crashes") && stdout.contains("0 crashed"),
        "{stdout}"
    );
    assert!(run.status.success(), "{stdout}");
    let _ = std::fs::remove_dir_all(&out);
}
