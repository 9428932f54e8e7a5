//! End-to-end tests of `kestrel debug`: feed the binary a script of commands on stdin and
//! check the exact lines it prints (stops, inspection, results on stdout; command errors
//! on stderr) and its exit code.
//!
//! Offsets in examples/fib.wat's binary, which the stops below print:
//!
//! ```text
//! 0x21 entry (the body's local declarations)   0x2e i32.const 1
//! 0x22 local.get 0                             0x30 i32.sub
//! 0x24 i32.const 2                             0x31 call $fib      (fib(n - 1))
//! 0x26 i32.lt_s                                0x33 local.get 0
//! 0x27 if                                      0x35 i32.const 2
//! 0x29 local.get 0   (then)                    0x37 i32.sub
//! 0x2b else                                    0x38 call $fib      (fib(n - 2))
//! 0x2c local.get 0                             0x3a i32.add
//! ```

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const KESTREL: &str = env!("CARGO_BIN_EXE_kestrel");

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

/// Writes `text` to a fresh file called `name` under cargo's temporary directory for
/// integration tests.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kestrel-debug-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `kestrel debug FILE ARGS...` with `script` (one command per line) on stdin.
fn debug(file: &Path, args: &[&str], script: &[&str]) -> Output {
    let mut child = Command::new(KESTREL)
        .arg("debug")
        .arg(file)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the kestrel binary");
    let input: String = script.iter().map(|l| format!("{l}\n")).collect();
    // The session may end before reading everything (quit): ignore a broken pipe.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

fn fib(n: &str, script: &[&str]) -> Output {
    debug(&example("fib.wat"), &["--invoke", "fib", n], script)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Asserts a session that exited with 0 and printed exactly `lines` on stdout and
/// `errors` on stderr.
fn assert_session(out: &Output, lines: &[&str], errors: &[&str]) {
    let join = |ls: &[&str]| ls.iter().map(|l| format!("{l}\n")).collect::<String>();
    assert_eq!(stdout(out), join(lines), "stderr: {}", stderr(out));
    assert_eq!(stderr(out), join(errors));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn entry_breakpoint_locals_backtrace_and_continue() {
    let script = [
        "break fib",
        "info breakpoints",
        "run",
        "locals",
        "bt",
        "continue",
        "locals",
        "bt",
        "delete all",
        "info breakpoints",
        "continue",
    ];
    assert_session(
        &fib("5", &script),
        &[
            "breakpoint 1 func=0:fib entry",
            "breakpoint 1 func=0:fib entry",
            "stop breakpoint func=0:fib offset=0x21",
            "local[0]: i32 = 5",
            "#0 func=0:fib offset=0x21",
            "stop breakpoint func=0:fib offset=0x21",
            "local[0]: i32 = 4",
            "#0 func=0:fib offset=0x21",
            "#1 func=0:fib offset=0x31",
            "no breakpoints",
            "result: 5",
        ],
        &[],
    );
}

/// Every frame of the chain can be selected (`frame N`, `up`, `down`), inspected and
/// written; inspection follows the selection, steps stay the innermost frame's.
#[test]
fn frames_of_the_call_chain_are_selected_inspected_and_written() {
    let script = [
        "break fib",
        "run",
        "continue",
        "continue",
        "bt",
        "frame 2",
        "locals",
        "stack",
        "up",
        "down",
        "locals",
        // fib(2) resumes with n = 5: fib(1) + fib(3) = 3, and fib(3) = 3 + fib(1) = 4.
        "set local 0 5",
        "frame",
        "frame 0",
        "frame 9",
        "down",
        "delete all",
        "continue",
        "quit",
    ];
    let out = fib("3", &script);
    assert_session(
        &out,
        &[
            "breakpoint 1 func=0:fib entry",
            "stop breakpoint func=0:fib offset=0x21",
            "stop breakpoint func=0:fib offset=0x21",
            "stop breakpoint func=0:fib offset=0x21",
            "#0 func=0:fib offset=0x21",
            "#1 func=0:fib offset=0x31",
            "#2 func=0:fib offset=0x31",
            "#2 func=0:fib offset=0x31",
            "local[0]: i32 = 3",
            "#1 func=0:fib offset=0x31",
            "local[0]: i32 = 2",
            "local[0]: i32 = 5",
            "#1 func=0:fib offset=0x31",
            "#0 func=0:fib offset=0x21",
            "result: 4",
        ],
        &[
            "error: no frame 3 (`bt` lists the frames)",
            "error: no frame 9 (`bt` lists the frames)",
            "error: no frame 1 calls away from frame 0",
        ],
    );
}

#[test]
fn functions_by_index_name_or_export_and_offsets_in_hex_or_decimal() {
    let script = [
        "break 0",
        "break fib 0x31",
        "b fib 56",
        "info breakpoints",
        "delete 1",
        "delete 3",
        "info b",
        "run",
        "stack",
        "c",
    ];
    assert_session(
        &fib("2", &script),
        &[
            "breakpoint 1 func=0:fib entry",
            "breakpoint 2 func=0:fib offset=0x31",
            "breakpoint 3 func=0:fib offset=0x38",
            "breakpoint 1 func=0:fib entry",
            "breakpoint 2 func=0:fib offset=0x31",
            "breakpoint 3 func=0:fib offset=0x38",
            "breakpoint 2 func=0:fib offset=0x31",
            "stop breakpoint func=0:fib offset=0x31",
            "stack[0]: i32 = 1",
            "result: 1",
        ],
        &[],
    );
    // Without a name section, the export name designates the function and nothing
    // follows its index.
    let file = temp_file(
        "anonymous.wat",
        r#"(module (func (export "seven") (result i32) (i32.const 7)))"#,
    );
    let out = debug(&file, &["--invoke", "seven"], &["break seven", "run", "c"]);
    assert_session(
        &out,
        &[
            "breakpoint 1 func=0 entry",
            "stop breakpoint func=0 offset=0x22",
            "result: 7",
        ],
        &[],
    );
}

#[test]
fn step_goes_forward_one_instruction_at_a_time() {
    let out = fib(
        "5",
        &["break fib", "run", "step", "s", "s", "s", "s", "s", "quit"],
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "breakpoint 1 func=0:fib entry",
            "stop breakpoint func=0:fib offset=0x21"
        ]
    );
    let offsets: Vec<u32> = lines[2..]
        .iter()
        .map(|l| {
            let hex = l
                .strip_prefix("stop step func=0:fib offset=0x")
                .unwrap_or_else(|| panic!("not a step stop: {l}"));
            u32::from_str_radix(hex, 16).unwrap()
        })
        .collect();
    assert_eq!(offsets.len(), 6, "{text}");
    assert!(offsets.windows(2).all(|w| w[0] < w[1]), "{text}");
    // n = 5 is not below 2: the condition's three instructions, the `if`, then `else`'s.
    assert_eq!(offsets, [0x22, 0x24, 0x26, 0x27, 0x2c, 0x2e]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn step_into_a_call_then_finish_and_next() {
    let script = [
        "break fib 0x31",
        "run",
        "delete 1",
        "step",
        "bt",
        "locals",
        "finish",
        "bt",
        "stack",
        "next",
        "next",
        "stack",
        "next",
        "next",
        "bt",
        "delete all",
        "continue",
    ];
    assert_session(
        &fib("5", &script),
        &[
            "breakpoint 1 func=0:fib offset=0x31",
            "stop breakpoint func=0:fib offset=0x31",
            // Into fib(4)...
            "stop step func=0:fib offset=0x21",
            "#0 func=0:fib offset=0x21",
            "#1 func=0:fib offset=0x31",
            "local[0]: i32 = 4",
            // ...out again, with fib(4) = 3 on the stack...
            "stop step func=0:fib offset=0x33",
            "#0 func=0:fib offset=0x33",
            "stack[0]: i32 = 3",
            // ...and over the call to fib(3).
            "stop step func=0:fib offset=0x35",
            "stop step func=0:fib offset=0x37",
            "stack[0]: i32 = 3",
            "stack[1]: i32 = 5",
            "stack[2]: i32 = 2",
            "stop step func=0:fib offset=0x38",
            "stop step func=0:fib offset=0x3a",
            "#0 func=0:fib offset=0x3a",
            "result: 5",
        ],
        &[],
    );
}

#[test]
fn finish_from_the_invoked_function_runs_to_the_end() {
    let out = fib("6", &["break fib", "run", "delete all", "finish"]);
    assert_session(
        &out,
        &[
            "breakpoint 1 func=0:fib entry",
            "stop breakpoint func=0:fib offset=0x21",
            "result: 8",
        ],
        &[],
    );
}

#[test]
fn set_local_changes_the_result() {
    let script = [
        "break fib",
        "run",
        "set local 0 10",
        "locals",
        "delete all",
        "continue",
        "run",
    ];
    assert_session(
        &fib("5", &script),
        &[
            "breakpoint 1 func=0:fib entry",
            "stop breakpoint func=0:fib offset=0x21",
            "local[0]: i32 = 10",
            "local[0]: i32 = 10",
            "result: 55",
            // Run again: the argument is 5 again, and no breakpoint is left.
            "result: 5",
        ],
        &[],
    );
    let out = fib(
        "5",
        &[
            "break fib",
            "run",
            "set local 0 0x7fffffff1",
            "set local 1 0",
            "c",
            "delete 1",
            "c",
        ],
    );
    assert_session(
        &out,
        &[
            "breakpoint 1 func=0:fib entry",
            "stop breakpoint func=0:fib offset=0x21",
            "stop breakpoint func=0:fib offset=0x21",
            "result: 5",
        ],
        &[
            "error: `0x7fffffff1` is not a valid i32",
            "error: no local 1 in this frame",
        ],
    );
}

#[test]
fn trap_stops_then_reports() {
    let script = ["run", "bt", "locals", "continue", "run", "continue"];
    let out = debug(
        &example("trap.wat"),
        &["--invoke", "average", "10", "0"],
        &script,
    );
    assert_session(
        &out,
        &[
            "stop trap func=0:divide offset=0x2c",
            "#0 func=0:divide offset=0x2c",
            "#1 func=1:average offset=0x34",
            "local[0]: i32 = 10",
            "local[1]: i32 = 0",
            "trap: integer divide by zero",
            // The instance stays usable: the call can be run again.
            "stop trap func=0:divide offset=0x2c",
            "trap: integer divide by zero",
        ],
        &[],
    );
    // Fixing the divisor at a breakpoint avoids the trap.
    let script = ["break divide", "run", "set local 1 2", "continue"];
    let out = debug(
        &example("trap.wat"),
        &["--invoke", "average", "10", "0"],
        &script,
    );
    assert_session(
        &out,
        &[
            "breakpoint 1 func=0:divide entry",
            "stop breakpoint func=0:divide offset=0x27",
            "local[1]: i32 = 2",
            "result: 5",
        ],
        &[],
    );
}

#[test]
fn command_errors_are_reported_and_the_session_goes_on() {
    let script = [
        "break fib 0x23",
        "break fib 0x1000",
        "break nothing",
        "break 3",
        "break",
        "delete 9",
        "continue",
        "bt",
        "frobnicate",
        "# a comment, then a blank line",
        "",
        "break fib 0x22",
        "run",
        "run",
        "global 0",
        "x 0 4",
        "continue",
    ];
    assert_session(
        &fib("3", &script),
        &[
            "breakpoint 1 func=0:fib offset=0x22",
            "stop breakpoint func=0:fib offset=0x22",
            "stop breakpoint func=0:fib offset=0x22",
            // The input ends here: the call runs on without stopping.
            "result: 2",
        ],
        &[
            "error: offset 0x23 is not an instruction boundary of function 0",
            "error: offset 0x1000 is not an instruction boundary of function 0",
            "error: no function named `nothing`",
            "error: no function 3",
            "error: usage: break FUNC [OFFSET]",
            "error: no breakpoint or watchpoint 9",
            "error: the call is not running (`run` starts it)",
            "error: the call is not running (`run` starts it)",
            "error: unknown command `frobnicate` (try help)",
            "error: the call is already running (continue it, or quit)",
            "error: no global 0",
            "error: cannot read 4 bytes at 0x0: the instance has no memory",
        ],
    );
}

#[test]
fn memory_and_globals() {
    let file = temp_file(
        "memory.wat",
        r#"(module
            (memory 1)
            (global $count (mut i32) (i32.const 7))
            (global f64 (f64.const 2.5))
            (data (i32.const 16) "hello, kestrel debugger!")
            (func $store (export "store") (param $v i64) (result i64)
              (i64.store (i32.const 0) (local.get $v))
              (global.set $count (i32.const 9))
              (i64.load (i32.const 0))))"#,
    );
    let script = [
        "break store",
        "run",
        "global",
        "global 1",
        "x 16 24",
        "x 0x10 0",
        "next",
        "next",
        "next",
        "next",
        "x 0 8",
        "next",
        "next",
        "next",
        "global 0",
        "x 65535 2",
        "x 0 0x10001",
        "continue",
    ];
    assert_session(
        &debug(&file, &["--invoke", "store", "-2"], &script),
        &[
            "breakpoint 1 func=0:store entry",
            "stop breakpoint func=0:store offset=0x3c",
            "global[0]: i32 = 7",
            "global[1]: f64 = 2.5",
            "global[1]: f64 = 2.5",
            "0x10: 68 65 6c 6c 6f 2c 20 6b 65 73 74 72 65 6c 20 64",
            "0x20: 65 62 75 67 67 65 72 21",
            "stop step func=0:store offset=0x3d",
            "stop step func=0:store offset=0x3f",
            "stop step func=0:store offset=0x41",
            "stop step func=0:store offset=0x44",
            "0x0: fe ff ff ff ff ff ff ff",
            "stop step func=0:store offset=0x46",
            "stop step func=0:store offset=0x48",
            "stop step func=0:store offset=0x4a",
            "global[0]: i32 = 9",
            "result: -2",
        ],
        &[
            "error: cannot read 2 bytes at 0xffff: out of bounds of memory 0 (65536 bytes)",
            "error: at most 0x10000 bytes can be dumped at once",
        ],
    );
}

#[test]
fn watchpoints_stop_after_the_access_and_share_numbers_with_breakpoints() {
    let file = temp_file(
        "watch.wat",
        r#"(module (memory 1)
  (func $fill (export "fill") (param $n i32) (result i32) (local $i i32)
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store (i32.shl (local.get $i) (i32.const 2)) (i32.add (local.get $i) (i32.const 100)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (i32.load (i32.const 8))))"#,
    );
    let script = [
        "watch 8 4",
        "run",
        "locals",
        "watch 0x8 4 read",
        "break fill",
        "info breakpoints",
        "continue",
        "delete 1",
        "delete 2",
        "delete 3",
        "watch 8 4 sometimes",
        "continue",
    ];
    assert_session(
        &debug(&file, &["--invoke", "fill", "5"], &script),
        &[
            "watchpoint 1 memory=0 0x8 4 write",
            // Right after the store of word 2 (i = 2), in the storing frame.
            "stop watchpoint func=0:fill offset=0x43",
            "watchpoint 1: write of 4 bytes at 0x8 of memory 0: 00 00 00 00 -> 66 00 00 00",
            "local[0]: i32 = 5",
            "local[1]: i32 = 2",
            "watchpoint 2 memory=0 0x8 4 read",
            "breakpoint 3 func=0:fill entry",
            "watchpoint 1 memory=0 0x8 4 write",
            "watchpoint 2 memory=0 0x8 4 read",
            "breakpoint 3 func=0:fill entry",
            // The final load.
            "stop watchpoint func=0:fill offset=0x53",
            "watchpoint 2: read of 4 bytes at 0x8 of memory 0",
            "result: 102",
        ],
        &["error: `sometimes` is not a watchpoint kind (read, write or access)"],
    );
}

#[test]
fn quit_aborts_the_call() {
    let out = fib("5", &["break fib", "run", "quit", "bt"]);
    assert_session(
        &out,
        &[
            "breakpoint 1 func=0:fib entry",
            "stop breakpoint func=0:fib offset=0x21",
        ],
        &[],
    );
    // Before the call, quit just leaves.
    assert_session(&fib("5", &["quit", "run"]), &[], &[]);
}

#[test]
fn end_of_input_while_stopped_finishes_the_call() {
    // fib(20) enters fib 21891 times: only the first stop is reported.
    let out = fib("20", &["break fib", "run"]);
    assert_session(
        &out,
        &[
            "breakpoint 1 func=0:fib entry",
            "stop breakpoint func=0:fib offset=0x21",
            "result: 6765",
        ],
        &[],
    );
    assert_session(&fib("5", &[]), &[], &[]);
}

#[test]
fn help_lists_the_commands() {
    let out = fib("1", &["help"]);
    let text = stdout(&out);
    for command in [
        "break FUNC [OFFSET]",
        "delete N|all",
        "finish",
        "x ADDR LEN",
        "set local N VALUE",
    ] {
        assert!(text.contains(command), "{command} not in: {text}");
    }
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn bad_command_lines_exit_with_2() {
    let fib_wat = example("fib.wat");
    for (args, needle) in [
        (
            &["--invoke", "fob", "1"][..],
            "no exported function named `fob`",
        ),
        (
            &["--invoke", "fib"][..],
            "`fib` takes 1 argument (i32), but 0 were given",
        ),
        (
            &["--invoke", "fib", "x"][..],
            "argument 1 of `fib`: `x` is not a valid i32",
        ),
        (&["1"][..], "the module exports no `_start` function"),
        (
            &["--invoke", "fib", "1", "--oops"][..],
            "`--oops` after the function's arguments",
        ),
    ] {
        let out = debug(&fib_wat, args, &["run"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(stdout(&out), "");
        assert!(
            err.starts_with("error: ") && err.contains(needle),
            "{args:?}: {err}"
        );
    }
    let out = debug(Path::new("/nonexistent.wasm"), &[], &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn ctrl_c_pauses_a_running_call() {
    let file = temp_file(
        "spin.wat",
        r#"(module (func (export "spin") (loop $l (br $l))))"#,
    );
    let mut child = Command::new(KESTREL)
        .arg("debug")
        .arg(&file)
        .args(["--invoke", "spin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the kestrel binary");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"run\n").unwrap();
    stdin.flush().unwrap();
    // Interrupt until the call is seen running (the first SIGINT may come before it
    // starts, when Ctrl-C is ignored), then quit at the stop.
    let mut out = String::new();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let reader = std::thread::spawn(move || {
        use std::io::BufRead as _;
        let mut line = String::new();
        let _ = stdout.read_line(&mut line);
        line
    });
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let _ = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        if reader.is_finished() {
            break;
        }
    }
    out.push_str(&reader.join().unwrap());
    let _ = stdin.write_all(b"quit\n");
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(
        out.starts_with("stop pause func=0 offset=0x"),
        "unexpected output {out:?}"
    );
    assert_eq!(status.code(), Some(0));
}
