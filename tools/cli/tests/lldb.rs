//! Source-level debugging with the real LLDB: `kestrel run -g PORT` serves a C program
//! (tests/lldb/*.c, built with clang and DWARF by tests/lldb/build.sh, the .wasm
//! committed), and scripted `lldb-22 -b` sessions connect with LLDB's wasm plugin; the
//! checks are on LLDB's own output.
//!
//! LLDB 22 must be installed (`apt-get install lldb-22`; `.ci/run` installs it when it is
//! missing). Without it each test prints that it was skipped, and why.

#[path = "support/serve.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{program_dir, serve as serve_file, serve_with, DWARF_SOURCE_DIR};

const KESTREL: &str = env!("CARGO_BIN_EXE_kestrel");
const LLDB: &str = "lldb-22";

fn program(name: &str) -> PathBuf {
    program_dir().join(format!("{name}.wasm"))
}

fn lldb_available() -> bool {
    let found = Command::new(LLDB)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("skipped: {LLDB} is not installed (apt-get install lldb-22; .ci/run installs it)");
    }
    found
}

/// `kestrel run -g PORT tests/lldb/NAME.wasm ARGS`, once it is waiting for the debugger.
fn serve(name: &str, args: &[&str]) -> (Child, u16) {
    serve_file(&program(name), args)
}

/// An LLDB of version 23 or later, if one is installed: `KESTREL_LLDB_NEWER`, else
/// `lldb` on the path if it is that new.
fn newer_lldb() -> Option<PathBuf> {
    let candidates = std::env::var_os("KESTREL_LLDB_NEWER")
        .map(PathBuf::from)
        .into_iter()
        .chain([PathBuf::from("lldb")]);
    for candidate in candidates {
        let Ok(out) = Command::new(&candidate).arg("--version").output() else {
            continue;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        let major = text
            .split_whitespace()
            .skip_while(|w| *w != "version")
            .nth(1)
            .and_then(|v| v.split('.').next()?.parse::<u32>().ok());
        if major.is_some_and(|m| m >= 23) {
            return Some(candidate);
        }
    }
    None
}

/// Runs LLDB 22 in batch mode (see `lldb_with`).
fn lldb(port: u16, commands: &[&str], after_crash: &[&str]) -> String {
    lldb_with(Path::new(LLDB), port, commands, after_crash)
}

/// Runs `lldb` in batch mode: maps the programs' source directory to this checkout's,
/// connects, then runs `commands`; commands after a stop by a signal (a trap) are given
/// with `-k` so that they run too. Returns LLDB's output. A session that takes over a
/// minute is killed and fails the test.
fn lldb_with(lldb: &Path, port: u16, commands: &[&str], after_crash: &[&str]) -> String {
    let mut cmd = Command::new(lldb);
    cmd.arg("-b").arg("-o").arg(format!(
        "settings set target.source-map {DWARF_SOURCE_DIR} {}",
        program_dir().display()
    ));
    cmd.arg("-o").arg(format!(
        "process connect --plugin wasm connect://127.0.0.1:{port}"
    ));
    for c in commands {
        cmd.arg("-o").arg(c);
    }
    for c in after_crash {
        cmd.arg("-k").arg(c);
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lldb");
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut text);
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut rest);
        text + &rest
    });
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "LLDB did not finish within a minute:\n{}",
                reader.join().unwrap()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    reader.join().unwrap()
}

fn finish(mut child: Child) -> (Option<i32>, String) {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut out = String::new();
            if let Some(mut o) = child.stdout.take() {
                let _ = std::io::Read::read_to_string(&mut o, &mut out);
            }
            return (status.code(), out);
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("kestrel did not end after the debugging session");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn assert_contains(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(
            text.contains(needle),
            "`{needle}` not in LLDB's output:\n{text}"
        );
    }
}

#[test]
fn breakpoints_backtrace_variables_memory_and_exit() {
    if !lldb_available() {
        return;
    }
    let (child, port) = serve("prog", &[]);
    let out = lldb(
        port,
        &[
            "b fib",
            "c",
            "bt",
            "frame variable",
            "breakpoint delete 1",
            "b prog.c:26",
            "c",
            "frame variable",
            "memory read --size 4 --format d --count 4 &numbers",
            "c",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "Breakpoint 1: where = prog.wasm`fib",
            "stop reason = breakpoint 1.1",
            "fib(n=10) at prog.c:8",
            "main at prog.c:24",
            "(int) n = 10",
            "(int[4]) numbers = ([0] = 3, [1] = 5, [2] = 7, [3] = 11)",
            "(point) p = (x = 4, y = 9)",
            "(int *) ptr = 0x",
            "(int) f = 55",
            "(int) s = 26",
            ": 11\n",
            "exited with status = 3",
        ],
    );
    let (status, stdout) = finish(child);
    assert_eq!(status, Some(3));
    assert_eq!(stdout, "fib 55 sum 26 point 4,9 ptr 7\n");
}

#[test]
fn watchpoints_stop_on_the_accessing_line_with_old_and_new_values() {
    if !lldb_available() {
        return;
    }
    // -O0: a write watchpoint on a global array element, one on a heap buffer filled by
    // memcpy (clang writes the 16 bytes inline), and a read watchpoint.
    let (child, port) = serve("watch-O0", &[]);
    let out = lldb(
        port,
        &[
            "b main",
            "c",
            "watchpoint set variable table[5]",
            "c",
            "frame variable i",
            "watchpoint delete 1",
            "b watch.c:25",
            "c",
            "watchpoint set expression -w write -s 4 -- buf + 4",
            "c",
            "watchpoint delete 2",
            "watchpoint set variable -w read table[7]",
            "c",
            "frame variable i",
            "watchpoint delete 3",
            "c",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "stop reason = watchpoint 1",
            "main at watch.c:23",
            "old value: 0\nnew value: 15",
            "(int) i = 5",
            "stop reason = watchpoint 2",
            "new value: 0x656d2068",
            "stop reason = watchpoint 3",
            "total at watch.c:17",
            "(int) i = 7",
            "exited with status = 3",
        ],
    );
    let (status, stdout) = finish(child);
    assert_eq!(status, Some(3));
    assert_eq!(stdout, "360 watch me change\n");

    // -O1 (built by clang-19, which keeps the loop counter in a wasm local across the
    // body): the same stops, with the counter read from that local. main's first line is
    // inside the loop at -O1, so its breakpoint goes before the watchpoint's continue.
    let (child, port) = serve("watch-O1", &[]);
    let out = lldb(
        port,
        &[
            "b main",
            "c",
            "breakpoint delete 1",
            "watchpoint set variable table[5]",
            "c",
            "frame variable i",
            "watchpoint delete 1",
            "watchpoint set variable -w read table[7]",
            "c",
            "watchpoint delete 2",
            "c",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "stop reason = watchpoint 1",
            "main at watch.c:23",
            "old value: 0\nnew value: 15",
            "(int) i = 5",
            "stop reason = watchpoint 2",
            "total at watch.c:17",
            "exited with status = 3",
        ],
    );
    let (status, _) = finish(child);
    assert_eq!(status, Some(3));
}

#[test]
fn step_finish_and_next_land_on_the_expected_lines() {
    if !lldb_available() {
        return;
    }
    let (child, port) = serve("prog", &[]);
    let out = lldb(
        port,
        &[
            "b prog.c:24",
            "c",
            "s",
            "finish",
            "n",
            "n",
            "frame variable s",
            "c",
        ],
        &[],
    );
    // `step` enters fib (LLDB 22 stops at the function's opening line), `finish` returns
    // to line 24, each `next` moves one line without entering the call.
    // Source lines where LLDB stopped (`-> 24 ...`), not disassembly (`->  0x...`).
    let steps: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("-> ") && l.chars().nth(3).is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert!(steps.len() >= 5, "{out}");
    assert!(steps[0].starts_with("-> 24"), "{out}");
    assert!(steps[1].starts_with("-> 7"), "{out}");
    assert!(steps[2].starts_with("-> 24"), "{out}");
    assert!(steps[3].starts_with("-> 25"), "{out}");
    assert!(steps[4].starts_with("-> 26"), "{out}");
    assert_contains(
        &out,
        &[
            "stop reason = step in",
            "fib(n=",
            "stop reason = step out",
            "stop reason = step over",
            "(int) s = 26",
            "exited with status = 3",
        ],
    );
    assert_eq!(finish(child).0, Some(3));
}

/// The sequence that once ran past the caller: a line breakpoint in a callee's loop,
/// `continue` twice, `next` twice, the breakpoint deleted, `finish`. LLDB's `finish` sets a
/// breakpoint at the caller's return address (from `qWasmCallStack`) and continues: it
/// must stop in `main`, at the line of the call, with `main`'s variables.
#[test]
fn finish_after_steps_and_a_deleted_breakpoint_stops_in_the_caller() {
    if !lldb_available() {
        return;
    }
    let (child, port) = serve("prog", &[]);
    let out = lldb(
        port,
        &[
            "b prog.c:16",
            "c",
            "c",
            "n",
            "n",
            "breakpoint delete 1",
            "finish",
            "frame variable f p",
            "c",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "stop reason = step out",
            "main at prog.c:25",
            "(int) f = 55",
            "(point) p = (x = 4, y = 9)",
            "exited with status = 3",
        ],
    );
    assert_eq!(finish(child).0, Some(3));
}

/// Reads, through LLDB's connection, each of the ten `fib` frames' `n` as Kestrel answers
/// it: the frame base (wasm local 3 of `fib`, per prog.c's DWARF) by `qWasmLocal:D;3`,
/// then `n` in linear memory at the offset frame 0's `n` has from its frame base. Prints
/// `protocol frame D: n = V`.
const READ_EVERY_FRAME_BY_PACKETS: &str = r#"script exec("import lldb\nci = lldb.debugger.GetCommandInterpreter()\ndef local(frame, index):\n    r = lldb.SBCommandReturnObject()\n    ci.HandleCommand('process plugin packet send qWasmLocal:%d;%d' % (frame, index), r)\n    return int.from_bytes(bytes.fromhex(r.GetOutput().split('response: ')[1].strip()), 'little')\noffset = lldb.thread.GetFrameAtIndex(0).FindVariable('n').GetLoadAddress() - local(0, 3)\nfor d in range(10):\n    data = lldb.process.ReadMemory(local(d, 3) + offset, 4, lldb.SBError())\n    print('protocol frame %d: n = %d' % (d, int.from_bytes(data, 'little', signed=True)))")"#;

/// Every frame of a recursion has its own `n` (`-O0`: C variables live in the
/// linear-memory frame whose base is a wasm local of each frame): Kestrel answers each
/// frame's locals, which any LLDB can read (checked through LLDB 22's connection by
/// packets); LLDB 23 also shows them in `bt` and `frame variable` (LLDB 22 gives every
/// wasm frame the same call frame address, so it shows each recursive caller as the
/// innermost frame: llvm/llvm-project#208061, in LLDB 23). `.ci/run` installs an LLDB 23
/// (`KESTREL_LLDB_NEWER`); without one that part is skipped, and says so.
#[test]
fn every_frame_of_a_recursion_shows_its_own_variables() {
    if !lldb_available() {
        return;
    }
    let (child, port) = serve("prog", &[]);
    let out = lldb(
        port,
        &[
            "b prog.c:9",
            "c",
            READ_EVERY_FRAME_BY_PACKETS,
            "breakpoint delete 1",
            "c",
        ],
        &[],
    );
    let values: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("protocol frame "))
        .collect();
    let expected: Vec<String> = (0..10)
        .map(|d| format!("protocol frame {d}: n = {}", d + 1))
        .collect();
    assert_eq!(values, expected, "{out}");
    assert_contains(&out, &["exited with status = 3"]);
    assert_eq!(finish(child).0, Some(3));

    let Some(newer) = newer_lldb() else {
        println!(
            "skipped: LLDB's own display of recursive frames needs LLDB 23 or later \
             (KESTREL_LLDB_NEWER; .ci/run installs one)"
        );
        return;
    };
    let (child, port) = serve("prog", &[]);
    let mut commands = vec!["b prog.c:9", "c", "bt"];
    let selects: Vec<String> = (0..10).map(|d| format!("frame select {d}")).collect();
    for select in &selects {
        commands.push(select);
        commands.push("frame variable n");
    }
    commands.extend([
        "frame select 10",
        "frame variable",
        "breakpoint delete 1",
        "c",
    ]);
    let out = lldb_with(&newer, port, &commands, &[]);
    // `bt` names each frame with its own argument, innermost first.
    let names: Vec<usize> = (1..=10)
        .map(|n| {
            out.find(&format!("fib(n={n}) at prog.c"))
                .unwrap_or_else(|| panic!("no frame fib(n={n}):\n{out}"))
        })
        .collect();
    assert!(names.windows(2).all(|w| w[0] < w[1]), "{out}");
    let values: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("(int) n = "))
        .collect();
    let expected: Vec<String> = (1..=10).map(|n| format!("(int) n = {n}")).collect();
    assert_eq!(values, expected, "{out}");
    assert_contains(
        &out,
        &[
            "(int[4]) numbers = ([0] = 3, [1] = 5, [2] = 7, [3] = 11)",
            "(point) p = (x = 4, y = 9)",
            "exited with status = 3",
        ],
    );
    assert_eq!(finish(child).0, Some(3));
}

/// A caller of another function shows its variables (`-O0`), and so does the caller's
/// caller: `frame select` in `sum`'s and `depth_sum`'s callers.
#[test]
fn callers_show_their_variables_at_o0() {
    if !lldb_available() {
        return;
    }
    let (child, port) = serve("prog", &[]);
    let out = lldb(
        port,
        &[
            "b sum",
            "c",
            "frame select 1",
            "frame variable",
            "breakpoint delete 1",
            "c",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "main at prog.c:25",
            "(int[4]) numbers = ([0] = 3, [1] = 5, [2] = 7, [3] = 11)",
            "(point) p = (x = 4, y = 9)",
            "(int *) ptr = 0x",
            "(int) f = 55",
            "exited with status = 3",
        ],
    );
    assert_eq!(finish(child).0, Some(3));

    // depth_sum(0, ...) called by depth_sum(1, ...) by weigh (i = 1) by main: the
    // second stop at frames.c:9.
    let (child, port) = serve("frames-O0", &[]);
    let out = lldb(
        port,
        &[
            "b frames.c:9",
            "c",
            "c",
            "bt",
            "frame select 2",
            "frame variable",
            "frame select 3",
            "frame variable bias",
            "breakpoint delete 1",
            "c",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "weigh(values=0x",
            "count=5, bias=3) at frames.c:17",
            "__main_argc_argv(argc=1, argv=0x",
            "at frames.c:24",
            "(int) count = 5",
            "(int) bias = 3",
            "(long) total = 10",
            "(int) i = 1",
            "exited with status = 0",
        ],
    );
    assert_eq!(finish(child).0, Some(0));
}

/// `-O1`: the innermost frame's parameters, and a caller's variable whose location
/// covers the whole function (clang 14 gives most others narrow location lists, which
/// LLDB 22 and 23 cannot yet read in a caller: llvm/llvm-project#212326).
#[test]
fn an_optimized_program_shows_the_callers_variables_it_can() {
    if !lldb_available() {
        return;
    }
    let (child, port) = serve("frames-O1", &["x", "y"]);
    let out = lldb(
        port,
        &[
            "b depth_sum",
            "c",
            "frame variable n acc",
            "bt",
            "frame select 2",
            "frame variable argc",
            "breakpoint delete 1",
            "c",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "depth_sum(n=0, acc=5) at frames.c",
            "(int) n = 0",
            "(int) acc = 5",
            "(argc=3, argv=",
            "(int) argc = 3",
            "exited with status = 1",
        ],
    );
    assert_eq!(finish(child), (Some(1), "weigh 499\n".to_string()));
}

#[test]
fn traps_stop_with_a_backtrace_and_inspectable_frame() {
    if !lldb_available() {
        return;
    }
    for (arg, function, line, variables) in [
        ("null", "call_through", "trap.c:12", "x = 21"),
        (
            "oob",
            "read_far",
            "trap.c:17",
            "(volatile int *) p = 0xfffffff0",
        ),
    ] {
        let (child, port) = serve("trap", &[arg]);
        let out = lldb(port, &["c"], &["bt", "frame variable", "c"]);
        assert_contains(
            &out,
            &[
                "stop reason = signal SIGSEGV",
                &format!("{function}("),
                line,
                "__main_argc_argv",
                "_start at crt1-command.c",
                variables,
            ],
        );
        // The trap returns to the host after the session: kestrel reports it.
        assert_eq!(finish(child).0, Some(1), "{arg}");
    }
}

#[test]
fn an_optimized_program_and_ctrl_c_in_a_running_loop() {
    if !lldb_available() {
        return;
    }
    let (child, port) = serve("loop", &[]);
    let out = lldb(
        port,
        &["b scale", "c", "frame variable", "finish", "c"],
        &[],
    );
    assert_contains(
        &out,
        &[
            "scale(value=5, factor=7) at loop.c:7",
            "(int) value = 5",
            "(int) factor = 7",
            "stop reason = step out",
            "exited with status = 0",
        ],
    );
    assert_eq!(finish(child), (Some(0), "scale 36\n".to_string()));

    // An infinite loop: `process interrupt` (what Ctrl-C does) stops it in the loop.
    let (child, port) = serve("loop", &["forever"]);
    let out = lldb(
        port,
        &[
            "script lldb.debugger.SetAsync(True)",
            "c",
            "script import time; time.sleep(0.3)",
            "process interrupt",
            // Waits for the stop the interrupt causes (at most 30 s), not for a time.
            "script exec(\"for _ in range(3000):\\n    if lldb.process.GetState() == lldb.eStateStopped: break\\n    time.sleep(0.01)\")",
            "script lldb.debugger.SetAsync(False)",
            "bt",
            "process kill",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "stop reason = signal SIGINT",
            "loop.c:14",
            "exited with status = 9",
        ],
    );
    assert!(!out.contains("Traceback"), "a script failed:\n{out}");
    // Killed from LLDB: the call was aborted, which kestrel reports as a trap.
    assert_eq!(finish(child).0, Some(1));
}

/// Zero copy with LLDB attached: 100 instances of one module run `_start` over and over on
/// other threads while LLDB debugs instance 7 through the library's `GdbSession`. Only
/// instance 7 stops (every other instance has a debugger handle with a handler that
/// counts stops), every run of every other instance prints the right result, and the
/// module's code bytes are the same before, during and after the session.
#[test]
fn lldb_debugs_one_instance_of_a_hundred_while_the_others_run() {
    use kestrel::wasi::{self, OutputBuffer, OutputStream, WasiCtxBuilder};
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;

    if !lldb_available() {
        return;
    }
    let mut config = kestrel::Config::new();
    config.debug_instrumentation(true);
    let engine = kestrel::Engine::new(&config);
    let module = kestrel::Module::from_file(&engine, program("prog")).unwrap();
    let code_before = module.code().to_vec();
    let mut instances = Vec::new();
    let mut outputs = Vec::new();
    for _ in 0..100 {
        let out = OutputBuffer::new();
        let ctx = WasiCtxBuilder::new()
            .arg("prog")
            .stdout(OutputStream::Buffer(out.clone()))
            .build();
        let mut linker = kestrel::Linker::new(&engine);
        wasi::add_to_linker(&mut linker, &ctx);
        instances.push(linker.instantiate(&module).unwrap());
        outputs.push(out);
    }
    let foreign_stops = Arc::new(AtomicUsize::new(0));
    for (i, instance) in instances.iter().enumerate() {
        if i != 7 {
            let stops = foreign_stops.clone();
            instance.debugger().unwrap().set_handler(move |_, _| {
                stops.fetch_add(1, Ordering::SeqCst);
                kestrel::Resume::Continue
            });
        }
    }

    // The others run until the session is over.
    let done = Arc::new(AtomicBool::new(false));
    let runs = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let mine: Vec<(kestrel::Instance, OutputBuffer)> = instances
                .iter()
                .zip(&outputs)
                .enumerate()
                .filter(|(i, _)| *i != 7 && i % 4 == w)
                .map(|(_, (inst, out))| (inst.clone(), out.clone()))
                .collect();
            let (done, runs) = (done.clone(), runs.clone());
            std::thread::spawn(move || {
                let mut rounds = 0;
                while !done.load(Ordering::SeqCst) || rounds == 0 {
                    for (instance, _) in &mine {
                        assert_eq!(wasi::run_start(instance).unwrap(), 3);
                        runs.fetch_add(1, Ordering::SeqCst);
                    }
                    rounds += 1;
                }
                for (_, out) in &mine {
                    let text = String::from_utf8(out.contents()).unwrap();
                    assert!(!text.is_empty());
                    assert_eq!(
                        text.lines()
                            .filter(|l| *l != "fib 55 sum 26 point 4,9 ptr 7")
                            .count(),
                        0,
                        "{text}"
                    );
                }
            })
        })
        .collect();

    // The code bytes, read again and again while LLDB sets breakpoints, stops and steps.
    let checker = {
        let (module, before, done) = (module.clone(), code_before.clone(), done.clone());
        std::thread::spawn(move || {
            let mut checks = 0;
            while !done.load(Ordering::SeqCst) {
                assert_eq!(
                    module.code(),
                    &before[..],
                    "code changed during the session"
                );
                checks += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
            checks
        })
    };

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let client = std::thread::spawn(move || {
        lldb(
            port,
            &[
                "b fib",
                "c",
                "bt",
                "frame variable",
                "breakpoint delete 1",
                "c",
            ],
            &[],
        )
    });
    let (stream, _) = listener.accept().unwrap();
    let target = &instances[7];
    let session = kestrel::gdb::GdbSession::start(target, "prog.wasm", stream).unwrap();
    let outcome = target.get_func("_start").unwrap().call(&[]);
    session.finish(&outcome).unwrap();
    let out = client.join().unwrap();
    done.store(true, Ordering::SeqCst);
    for w in workers {
        w.join().unwrap();
    }
    let checks = checker.join().unwrap();

    assert_contains(
        &out,
        &[
            "stop reason = breakpoint 1.1",
            "fib(n=10) at prog.c:8",
            "(int) n = 10",
            "exited with status = 3",
        ],
    );
    assert!(
        matches!(outcome, Err(kestrel::Error::Exit(3))),
        "{outcome:?}"
    );
    assert_eq!(
        String::from_utf8(outputs[7].contents()).unwrap(),
        "fib 55 sum 26 point 4,9 ptr 7\n"
    );
    assert_eq!(
        foreign_stops.load(Ordering::SeqCst),
        0,
        "another instance stopped"
    );
    assert!(runs.load(Ordering::SeqCst) >= 99);
    assert!(checks > 0);
    assert_eq!(module.code(), &code_before[..]);
}

/// The Rust test program (`tests/lldb/rustprog.rs`) built with Debian's rustc for
/// wasm32-wasi, with DWARF, or `None` (and why) when that compiler is not installed.
fn rust_program() -> Option<PathBuf> {
    const RUSTC: &str = "/usr/bin/rustc";
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lldb/rustprog.rs");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rustprog.wasm");
    let built = Command::new(RUSTC)
        .args(["--target", "wasm32-wasi", "-g", "-C", "opt-level=0"])
        .arg(&source)
        .arg("-o")
        .arg(&out)
        .output();
    match built {
        Ok(o) if o.status.success() => Some(out),
        Ok(o) => {
            println!(
                "skipped: {RUSTC} cannot build for wasm32-wasi (apt-get install rustc \
                 libstd-rust-dev-wasm32; .ci/run installs them): {}",
                String::from_utf8_lossy(&o.stderr)
            );
            None
        }
        Err(e) => {
            println!("skipped: no {RUSTC} ({e}; apt-get install rustc libstd-rust-dev-wasm32)");
            None
        }
    }
}

/// A Rust program debugged with LLDB: a breakpoint by the Rust function's name, the call
/// chain, the variables of the top frame and of its caller; a panic stops as a trap with
/// the panicking function in the backtrace.
#[test]
fn a_rust_program_is_debugged_by_function_name_and_its_panic_stops_as_a_trap() {
    if !lldb_available() {
        return;
    }
    let Some(wasm) = rust_program() else {
        return;
    };
    let (child, port) = serve_file(&wasm, &[]);
    let out = lldb(
        port,
        &[
            "b rustprog::fib",
            "c",
            "bt",
            "frame variable n",
            "frame select 1",
            "frame variable numbers origin",
            "breakpoint delete 1",
            "c",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "Breakpoint 1: where = rustprog.wasm`rustprog::fib",
            "stop reason = breakpoint 1.1",
            "rustprog::fib::h",
            "(n=10) at rustprog.rs:12",
            "rustprog::main::h",
            "at rustprog.rs:39",
            "(unsigned int) n = 10",
            "(int[4]) numbers = ([0] = 3, [1] = 5, [2] = 7, [3] = 11)",
            "(rustprog::Point) origin = (x = 4, y = 9)",
            "exited with status = 7",
        ],
    );
    assert_eq!(finish(child), (Some(7), "fib 55 weigh 62\n".to_string()));

    let (child, port) = serve_file(&wasm, &["panic"]);
    let out = lldb(port, &["c"], &["bt", "c"]);
    assert_contains(
        &out,
        &[
            "stop reason = signal SIGSEGV",
            "rust_panic",
            "core::panicking::panic_bounds_check",
            "rustprog::pick::h",
            "at rustprog.rs:28",
            "rustprog::main::h",
        ],
    );
    // The trap returns to the host after the session: kestrel reports it.
    assert_eq!(finish(child).0, Some(1));
}

/// Kestrel's own backtraces show Rust names demangled: the trap report of `kestrel run`,
/// and `bt` in `kestrel debug`.
#[test]
fn kestrel_shows_rust_names_demangled() {
    let Some(wasm) = rust_program() else {
        return;
    };
    let out = Command::new(KESTREL)
        .arg("run")
        .arg(&wasm)
        .arg("panic")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stderr);
    assert_contains(
        &report,
        &[
            "trap: unreachable",
            ":std::panicking::rust_panic_with_hook offset=",
            ":core::panicking::panic_bounds_check offset=",
            ":rustprog::pick offset=",
            ":rustprog::main offset=",
        ],
    );
    assert!(!report.contains("_ZN"), "{report}");

    let mut debug = Command::new(KESTREL)
        .arg("debug")
        .arg(&wasm)
        .arg("panic")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        debug.stdin.as_mut().unwrap(),
        b"break rustprog::pick\nrun\nbt\ncontinue\nbt\nquit\n",
    )
    .unwrap();
    let out = debug.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_contains(
        &text,
        &[
            "breakpoint 1 func=",
            ":rustprog::pick entry",
            "stop breakpoint func=",
            "#0 func=",
            ":rustprog::pick offset=",
            ":rustprog::main offset=",
            "stop trap func=",
            ":std::panicking::rust_panic_with_hook offset=",
        ],
    );
    assert!(!text.contains("_ZN"), "{text}");
}

/// A C program built with `-msimd128` (`tests/lldb/simd.c`): LLDB shows its `v128_t`
/// variables lane by lane, at -O0 from linear memory and at -O1 from wasm locals, which
/// the GDB server returns as 16 bytes each.
#[test]
fn vectors_of_a_simd_program_show_lane_by_lane() {
    if !lldb_available() {
        return;
    }
    let (child, port) = serve("simd-O0", &[]);
    let out = lldb(
        port,
        &[
            "b simd.c:11",
            "c",
            "frame variable",
            "up",
            "frame variable",
            "c",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            "(v128_t) v = (1, 2, 3, 40)",
            "(int) scale = 3",
            "(v128_t) scaled = (3, 6, 9, 120)",
            // f32x4 bits of 3.0, 6.0, 9.0 and 120.0, as v128_t's int lanes.
            "(v128_t) halves = (1077936128, 1086324736, 1091567616, 1123024896)",
            "(int) s = 129",
            "main at simd.c:16",
            "exited with status = 0",
        ],
    );
    let (status, stdout) = finish(child);
    assert_eq!((status, stdout.as_str()), (Some(0), "sum 129\n"));
    let (child, port) = serve("simd-O1", &[]);
    let out = lldb(port, &["b lanes_sum", "c", "n", "frame variable", "c"], &[]);
    assert_contains(
        &out,
        &[
            "lanes_sum(v=([0] = 1, [1] = 2, [2] = 3, [3] = 40), scale=3)",
            "(v128_t) v = (1, 2, 3, 40)",
            // clang multiplies by (3, 3, 0, 3): lane 2 is never used.
            "(v128_t) scaled = (3, 6, 0, 120)",
            "exited with status = 0",
        ],
    );
    let (status, stdout) = finish(child);
    assert_eq!((status, stdout.as_str()), (Some(0), "sum 129\n"));
}

/// Attaching to a running instance: 100 instances of `attach.wasm` call `spin` over and
/// over on four threads, each instance listed by a `gdb::AttachListener` on a port of its
/// own. LLDB connects to instance 37 while it loops: it stops there (a pause), shows the
/// backtrace in the loop and a variable, sets a breakpoint, continues to it and detaches.
/// Instance 37 goes on with right results, and no other instance ever stops.
#[test]
fn lldb_attaches_to_one_running_instance_of_a_hundred_and_detaches() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;

    if !lldb_available() {
        return;
    }
    const WATCHED: usize = 37;
    const ROUNDS: i32 = 200_000;
    let mut config = kestrel::Config::new();
    config.debug_instrumentation(true);
    let engine = kestrel::Engine::new(&config);
    let module = kestrel::Module::from_file(&engine, program("attach")).unwrap();
    let code_before = module.code().to_vec();
    let linker = kestrel::Linker::new(&engine);
    let instances: Vec<kestrel::Instance> = (0..100)
        .map(|_| linker.instantiate(&module).unwrap())
        .collect();
    let expected = {
        let plain = kestrel::Engine::default();
        let module = kestrel::Module::from_file(&plain, program("attach")).unwrap();
        let instance = kestrel::Linker::new(&plain).instantiate(&module).unwrap();
        instance
            .get_func("spin")
            .unwrap()
            .call(&[kestrel::Val::I32(ROUNDS)])
            .unwrap()[0]
            .i32()
            .unwrap()
    };
    let foreign_stops = Arc::new(AtomicUsize::new(0));
    let mut listener = kestrel::gdb::AttachListener::new("127.0.0.1".parse().unwrap());
    let mut ports = Vec::new();
    for (i, instance) in instances.iter().enumerate() {
        ports.push(listener.add(&format!("attach-{i}"), instance, 0).unwrap());
        if i != WATCHED {
            let stops = foreign_stops.clone();
            instance.debugger().unwrap().set_handler(move |_, _| {
                stops.fetch_add(1, Ordering::SeqCst);
                kestrel::Resume::Continue
            });
        }
    }
    let running = listener.start().unwrap();

    let done = Arc::new(AtomicBool::new(false));
    let calls: Arc<Vec<AtomicUsize>> = Arc::new((0..100).map(|_| AtomicUsize::new(0)).collect());
    // Four threads run the others; instance 37 has a thread of its own, so that it is
    // nearly always inside its loop.
    let workers: Vec<_> = (0..5)
        .map(|w| {
            let mine: Vec<(usize, kestrel::Instance)> = instances
                .iter()
                .enumerate()
                .filter(|(i, _)| match w {
                    4 => *i == WATCHED,
                    _ => *i != WATCHED && i % 4 == w,
                })
                .map(|(i, inst)| (i, inst.clone()))
                .collect();
            let (done, calls) = (done.clone(), calls.clone());
            std::thread::spawn(move || {
                while !done.load(Ordering::SeqCst) {
                    for (i, instance) in &mine {
                        let got = instance
                            .get_func("spin")
                            .unwrap()
                            .call(&[kestrel::Val::I32(ROUNDS)])
                            .unwrap();
                        assert_eq!(got[0].i32(), Some(expected), "instance {i}");
                        calls[*i].fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();

    let out = lldb(
        ports[WATCHED],
        &[
            "bt",
            "b attach.c:7",
            "c",
            "bt",
            "frame variable rounds i acc",
            "breakpoint delete 1",
            "detach",
        ],
        &[],
    );
    assert_contains(
        &out,
        &[
            // The first stop: wherever the pause found it (nearly always in the loop).
            "Process 1 stopped",
            "attach-37`spin",
            "stop reason = breakpoint 1.1",
            "spin(rounds=200000) at attach.c:7",
            "(int) rounds = 200000",
            "(int) i = ",
            "(unsigned int) acc = ",
            "Process 1 detached",
        ],
    );
    // After the detach, instance 37 finishes calls again (waiting on its count, not on
    // a time).
    let after = calls[WATCHED].load(Ordering::SeqCst);
    let started = Instant::now();
    while calls[WATCHED].load(Ordering::SeqCst) < after + 2 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "instance {WATCHED} does not run after the detach"
        );
        std::thread::yield_now();
    }
    done.store(true, Ordering::SeqCst);
    for w in workers {
        w.join().unwrap();
    }
    running.stop();
    assert_eq!(
        foreign_stops.load(Ordering::SeqCst),
        0,
        "another instance stopped"
    );
    assert!(instances[WATCHED]
        .debugger()
        .unwrap()
        .breakpoints()
        .is_empty());
    assert_eq!(module.code(), &code_before[..]);
}

/// `kestrel run -g PORT --no-wait`: the call runs at once; LLDB attaches later, stops it
/// where it is (in its loop), reads its variables and kills it.
#[test]
fn lldb_attaches_to_kestrel_run_no_wait() {
    if !lldb_available() {
        return;
    }
    let (child, port) = serve_with(
        &program("attach"),
        &["--no-wait", "--invoke", "spin"],
        &["2000000000"],
        "a debugger may attach",
    );
    let out = lldb(port, &["bt", "frame variable rounds", "process kill"], &[]);
    assert_contains(
        &out,
        &[
            "Process 1 stopped",
            "spin(rounds=2000000000) at attach.c:",
            "(int) rounds = 2000000000",
            "exited with status = 9",
        ],
    );
    // Killed from LLDB: the call was aborted, which kestrel reports as a trap.
    assert_eq!(finish(child).0, Some(1));
}
