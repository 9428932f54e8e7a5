//! End-to-end tests of the `kestrel` binary: run it on the repository's examples and on
//! small modules written to a temporary directory, and check stdout, stderr and the exit
//! code (0 success, 1 trap, 2 error).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KESTREL: &str = env!("CARGO_BIN_EXE_kestrel");

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

/// Writes `text` to a fresh file called `name` under cargo's temporary directory for
/// integration tests.
fn temp_file(name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kestrel-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn kestrel(args: &[&str]) -> Output {
    Command::new(KESTREL)
        .args(args)
        .output()
        .expect("run the kestrel binary")
}

fn run(file: &Path, rest: &[&str]) -> Output {
    let mut args = vec!["run", file.to_str().unwrap()];
    args.extend_from_slice(rest);
    kestrel(&args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Asserts a successful run that printed exactly `lines`.
fn assert_prints(out: &Output, lines: &[&str]) {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(out));
    let expected: String = lines.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(stdout(out), expected);
    assert_eq!(stderr(out), "");
}

/// Asserts an error: exit code 2, nothing on stdout, one `error: ` line on stderr that
/// contains `needle`.
fn assert_error(out: &Output, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(stdout(out), "");
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(err.lines().count(), 1, "not one line: {err}");
    assert!(err.contains(needle), "`{needle}` not in: {err}");
}

#[test]
fn fib_example() {
    let fib = example("fib.wat");
    assert_prints(&run(&fib, &["--invoke", "fib", "30"]), &["832040"]);
    assert_prints(&run(&fib, &["--invoke", "fib", "0"]), &["0"]);
    assert_prints(&run(&fib, &["--invoke", "fib", "0xa"]), &["55"]);
    // Options may also come before the file.
    let out = kestrel(&["run", "--invoke", "fib", fib.to_str().unwrap(), "10"]);
    assert_prints(&out, &["55"]);
}

#[test]
fn other_examples() {
    let fac = example("factorial.wat");
    assert_prints(
        &run(&fac, &["--invoke", "fac", "20"]),
        &["2432902008176640000"],
    );
    let trap = example("trap.wat");
    assert_prints(&run(&trap, &["--invoke", "average", "10", "2"]), &["5"]);
    assert_prints(&run(&example("start.wat"), &[]), &["5050"]);
}

#[test]
fn values_of_every_numeric_type() {
    let file = temp_file(
        "values.wat",
        r#"(module
            (func (export "id32") (param i32) (result i32) local.get 0)
            (func (export "id64") (param i64) (result i64) local.get 0)
            (func (export "neg") (param f32) (result f32) (f32.neg (local.get 0)))
            (func (export "add") (param f64 f64) (result f64)
                (f64.add (local.get 0) (local.get 1)))
            (func (export "none"))
            (func (export "three") (result i32 i64 f64)
                (i32.const -1) (i64.const 42) (f64.const 0.5)))"#,
    );
    assert_prints(&run(&file, &["--invoke", "id32", "-7"]), &["-7"]);
    assert_prints(&run(&file, &["--invoke", "id32", "0xffffffff"]), &["-1"]);
    assert_prints(&run(&file, &["--invoke", "id32", "-0x10"]), &["-16"]);
    assert_prints(
        &run(&file, &["--invoke", "id64", "-9223372036854775808"]),
        &["-9223372036854775808"],
    );
    assert_prints(&run(&file, &["--invoke", "neg", "1.5"]), &["-1.5"]);
    assert_prints(&run(&file, &["--invoke", "neg", "-inf"]), &["inf"]);
    assert_prints(&run(&file, &["--invoke", "neg", "nan"]), &["NaN"]);
    assert_prints(&run(&file, &["--invoke", "neg", "--", "-2"]), &["2"]);
    assert_prints(
        &run(&file, &["--invoke", "add", "0.1", "0.2"]),
        &["0.30000000000000004"],
    );
    assert_prints(&run(&file, &["--invoke", "none"]), &[]);
    assert_prints(&run(&file, &["--invoke", "three"]), &["-1", "42", "0.5"]);
}

#[test]
fn binary_module() {
    // (module (func (export "f") (result i32) i32.const 7))
    let wasm: &[u8] = &[
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // header
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type: () -> i32
        0x03, 0x02, 0x01, 0x00, // function 0 has type 0
        0x07, 0x05, 0x01, 0x01, b'f', 0x00, 0x00, // export "f" = func 0
        0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x07, 0x0b, // code: i32.const 7
    ];
    let file = temp_file("seven.wasm", wasm);
    assert_prints(&run(&file, &["--invoke", "f"]), &["7"]);
}

#[test]
fn trap_prints_message_and_backtrace() {
    let out = run(&example("trap.wat"), &["--invoke", "average", "10", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "trap: integer divide by zero", "{err}");
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[1].starts_with("  #0 func=0:divide offset=0x"),
        "{err}"
    );
    assert!(
        lines[2].starts_with("  #1 func=1:average offset=0x"),
        "{err}"
    );
}

#[test]
fn traps_of_other_kinds() {
    let file = temp_file(
        "traps.wat",
        r#"(module
            (memory 1)
            (func (export "oob") (result i32) (i32.load (i32.const 70000)))
            (func (export "unreachable") unreachable)
            (func $deep (export "deep") (param i32) (result i32)
                (call $deep (local.get 0))))"#,
    );
    for (name, message) in [
        ("oob", "out of bounds memory access"),
        ("unreachable", "unreachable"),
        ("deep", "call stack exhausted"),
    ] {
        let mut args = vec!["--invoke", name];
        if name == "deep" {
            args.push("1");
        }
        let out = run(&file, &args);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert_eq!(
            err.lines().next(),
            Some(&*format!("trap: {message}")),
            "{err}"
        );
        assert!(err.contains("  #0 func="), "{err}");
    }
}

#[test]
fn trap_in_start_function() {
    let file = temp_file(
        "start_trap.wat",
        "(module (func $s (drop (i32.div_u (i32.const 1) (i32.const 0)))) (start $s))",
    );
    let out = run(&file, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("trap: integer divide by zero\n  #0 func=0:s offset=0x"),
        "{err}"
    );
}

#[test]
fn missing_file() {
    let out = kestrel(&["run", "/nonexistent/dir/nothing.wat", "--invoke", "f"]);
    assert_error(&out, "cannot read /nonexistent/dir/nothing.wat");
}

#[test]
fn invalid_modules() {
    let file = temp_file(
        "type_error.wat",
        r#"(module (func (export "f") (result i32) (i64.const 1)))"#,
    );
    assert_error(&run(&file, &["--invoke", "f"]), "invalid module");

    let file = temp_file(
        "syntax.wat",
        "(module\n  (func (export \"f\")\n    i32.konst 1))",
    );
    assert_error(&run(&file, &["--invoke", "f"]), "at line 3, column 5");

    let file = temp_file("garbage.wasm", "not wasm at all");
    assert_error(&run(&file, &[]), "not a WebAssembly binary");

    let file = temp_file("truncated.wasm", b"\0asm\x01\0\0\0\x01");
    assert_error(&run(&file, &[]), "invalid module");
}

#[test]
fn unknown_export() {
    let out = run(&example("fib.wat"), &["--invoke", "fob", "3"]);
    assert_error(
        &out,
        "no exported function named `fob` (exported functions: fib)",
    );

    let file = temp_file("memory_export.wat", r#"(module (memory (export "mem") 1))"#);
    assert_error(&run(&file, &["--invoke", "mem"]), "`mem` is a memory");
}

#[test]
fn wrong_arguments() {
    let fib = example("fib.wat");
    assert_error(
        &run(&fib, &["--invoke", "fib"]),
        "`fib` takes 1 argument (i32), but 0 were given",
    );
    assert_error(
        &run(&fib, &["--invoke", "fib", "1", "2"]),
        "`fib` takes 1 argument (i32), but 2 were given",
    );
    assert_error(
        &run(&fib, &["--invoke", "fib", "ten"]),
        "argument 1 of `fib`: `ten` is not a valid i32",
    );
    assert_error(
        &run(&fib, &["--invoke", "fib", "4294967296"]),
        "is not a valid i32",
    );
    assert_error(&run(&fib, &["1", "--invoke", "fib"]), "options go first");
    // No `_start` and no --invoke: arguments have nowhere to go.
    assert_error(&run(&fib, &["30"]), "--invoke NAME");
}

#[test]
fn bad_arguments_are_reported_before_the_start_function_runs() {
    let file = temp_file(
        "start_then_f.wat",
        r#"(module (func $s unreachable) (start $s) (func (export "f") (param i32)))"#,
    );
    assert_error(&run(&file, &["--invoke", "f", "x"]), "not a valid i32");
    assert_error(
        &run(&file, &["--invoke", "g"]),
        "no exported function named `g`",
    );
}

#[test]
fn unresolved_import() {
    let file = temp_file(
        "imports.wat",
        r#"(module
            (import "env" "print" (func (param i32)))
            (import "env" "memory" (memory 1))
            (func (export "f")))"#,
    );
    assert_error(
        &run(&file, &["--invoke", "f"]),
        "unknown import: env::print",
    );
}

#[test]
fn no_entry_point_just_instantiates() {
    assert_prints(&run(&example("fib.wat"), &[]), &[]);
}

#[test]
fn help_documents_exit_codes() {
    let out = kestrel(&["run", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(help.contains("Exit codes:"), "{help}");
    assert!(help.contains("1  the module trapped"), "{help}");
    assert!(help.contains("--invoke <NAME>"), "{help}");

    let out = kestrel(&["run"]);
    assert_eq!(out.status.code(), Some(2));
}

fn wasi_program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/wasi")
        .join(format!("{name}.wasm"))
}

#[test]
fn wasi_commands_get_their_arguments_environment_and_exit_status() {
    let hello = wasi_program("hello");
    assert_prints(&run(&hello, &[]), &["hello from wasi"]);

    let args = wasi_program("args_env");
    let out = kestrel(&[
        "run",
        "--env",
        "GREETING=hi",
        args.to_str().unwrap(),
        "one",
        "--not-an-option-of-kestrel",
    ]);
    let text = stdout(&out);
    assert!(
        text.contains(&format!("argv[0]={}\n", args.display())),
        "{text}"
    );
    assert!(
        text.contains("argv[2]=--not-an-option-of-kestrel\n"),
        "{text}"
    );
    assert!(
        text.contains("envc=1\nGREETING=hi\nHOME=(unset)\n"),
        "{text}"
    );

    let exit = wasi_program("exit_code");
    assert_eq!(run(&exit, &["7"]).status.code(), Some(7));
    assert_eq!(
        run(&exit, &["300", "nested"]).status.code(),
        Some(300 & 0xff)
    );
}

#[test]
fn wasi_dir_maps_a_host_directory() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kestrel-cli-wasi-dir");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let files = wasi_program("files");
    let mapped = format!("{}::/data", dir.display());
    let out = kestrel(&["run", "--dir", &mapped, files.to_str().unwrap(), "/data"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("rename into sub: 0\n"));
    // Without the directory the program cannot open anything.
    let out = kestrel(&["run", files.to_str().unwrap(), "/data"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    // --dir DIR alone preopens it under its own name.
    let out = kestrel(&[
        "run",
        "--dir",
        dir.to_str().unwrap(),
        files.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn imports_other_than_wasi_are_named() {
    let m = temp_file(
        "other_import.wat",
        r#"(module (import "env" "log" (func)) (func (export "f")))"#,
    );
    assert_error(&run(&m, &["--invoke", "f"]), "env");
    assert_error(&run(&m, &["--invoke", "f"]), "log");
}

#[test]
fn wasi_programs_can_be_debugged() {
    use std::io::Write as _;
    let exit = wasi_program("exit_code");
    let mut child = Command::new(KESTREL)
        .args(["debug", exit.to_str().unwrap(), "5", "nested"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"run\nquit\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("leaving with 5\n") && text.contains("exit: 5\n"),
        "{text}"
    );
}

#[test]
fn compiled_modules_run_without_compiling_and_refuse_other_settings() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kestrel-cli-compile");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out_file = dir.join("fib.kwasm");
    let fib = example("fib.wat");
    let out = kestrel(&[
        "compile",
        fib.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_prints(&out, &[]);
    assert!(std::fs::read(&out_file).unwrap().starts_with(b"KESTRELW"));
    assert_prints(&run(&out_file, &["--invoke", "fib", "20"]), &["6765"]);
    // A plain compiled module cannot be debugged: the settings differ, and it says so.
    let out = run(&out_file, &["-g", "0", "--invoke", "fib", "20"]);
    assert_error(&out, "settings");
    // A damaged file is refused, never run.
    let mut bytes = std::fs::read(&out_file).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let damaged = dir.join("damaged.kwasm");
    std::fs::write(&damaged, &bytes).unwrap();
    assert_error(&run(&damaged, &["--invoke", "fib", "20"]), "checksum");
    // --debug compiles for `kestrel debug`.
    let debug_file = dir.join("fib-debug.kwasm");
    let out = kestrel(&[
        "compile",
        "--debug",
        fib.to_str().unwrap(),
        "-o",
        debug_file.to_str().unwrap(),
    ]);
    assert_prints(&out, &[]);
    let mut child = Command::new(KESTREL)
        .args([
            "debug",
            debug_file.to_str().unwrap(),
            "--invoke",
            "fib",
            "3",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(b"break fib\nrun\ncontinue\ndelete 1\ncontinue\n");
    let out = child.wait_with_output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("breakpoint 1"), "{text}\n{}", stderr(&out));
    assert!(text.contains("2"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_cache_option_compiles_once() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kestrel-cli-cache");
    let _ = std::fs::remove_dir_all(&dir);
    let fib = example("fib.wat");
    let cache = dir.to_str().unwrap();
    for _ in 0..2 {
        let out = kestrel(&[
            "run",
            "--cache",
            cache,
            fib.to_str().unwrap(),
            "--invoke",
            "fib",
            "10",
        ]);
        assert_prints(&out, &["55"]);
    }
    let entries: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(entries.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn timeout_stops_a_guest_that_never_ends() {
    let spin = temp_file(
        "spin.wat",
        r#"(module (func (export "spin") (loop $l (br $l))))"#,
    );
    let out = run(&spin, &["--timeout", "0.2", "--invoke", "spin"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(err.contains("ran past --timeout"), "{err}");
    assert!(err.contains("trap: interrupted"), "{err}");
    // A call that ends in time is not touched.
    let fib = example("fib.wat");
    assert_prints(
        &run(&fib, &["--timeout", "600", "--invoke", "fib", "20"]),
        &["6765"],
    );
    for bad in ["0", "-1", "nan", "soon"] {
        let out = run(&fib, &["--timeout", bad, "--invoke", "fib", "20"]);
        assert_eq!(out.status.code(), Some(2), "--timeout {bad}");
        assert!(stderr(&out).contains("--timeout"), "{}", stderr(&out));
    }
}

#[test]
fn fuel_bounds_a_run() {
    let fib = example("fib.wat");
    assert_prints(
        &run(&fib, &["--fuel", "100000000", "--invoke", "fib", "20"]),
        &["6765"],
    );
    let out = run(&fib, &["--fuel", "1000", "--invoke", "fib", "20"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(err.contains("trap: all fuel consumed"), "{err}");
}

#[test]
fn max_memory_caps_the_program() {
    let grow = temp_file(
        "grow.wat",
        r#"(module (memory 1)
             (func (export "grow") (param i32) (result i32)
               (memory.grow (local.get 0))))"#,
    );
    // 64 KiB to start; 128 KiB allowed: one page more, not two.
    assert_prints(
        &run(&grow, &["--max-memory", "128K", "--invoke", "grow", "1"]),
        &["1"],
    );
    assert_prints(
        &run(&grow, &["--max-memory", "128K", "--invoke", "grow", "2"]),
        &["-1"],
    );
    assert_prints(&run(&grow, &["--invoke", "grow", "2"]), &["1"]);
    let out = run(&grow, &["--max-memory", "1000", "--invoke", "grow", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("refused memory 0"),
        "{}",
        stderr(&out)
    );
    let out = run(&grow, &["--max-memory", "lots", "--invoke", "grow", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--max-memory"), "{}", stderr(&out));
}
