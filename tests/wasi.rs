//! WASI preview1 with real programs: the C programs of `tests/wasi/src` (built by
//! `tests/wasi/build.sh`, committed as `.wasm`), escape attempts that must leave the host
//! untouched, and calls of the preview1 functions from hand-written modules for what C
//! cannot reach (out-of-bounds pointers, rights, errno values).

#![cfg(feature = "wasi")]

use kestrel::wasi::{self, InputStream, OutputBuffer, OutputStream, WasiCtxBuilder};
use kestrel::{Engine, Error, Linker, Module};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/wasi")
        .join(format!("{name}.wasm"))
}

/// A fresh, empty directory for one test.
fn scratch_dir(tag: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "kestrel-wasi-{tag}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Outcome {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs WASI command `name` with `args` (after argv[0]), environment `env`, the
/// preopened `dirs` (host, guest) and `stdin`.
fn run(
    name: &str,
    args: &[&str],
    env: &[(&str, &str)],
    dirs: &[(&Path, &str)],
    stdin: &[u8],
) -> Outcome {
    let engine = Engine::default();
    let module = Module::from_file(&engine, program(name)).unwrap();
    let (out, err) = (OutputBuffer::new(), OutputBuffer::new());
    let mut ctx = WasiCtxBuilder::new()
        .arg(format!("{name}.wasm"))
        .args(args.iter().copied())
        .stdin(InputStream::bytes(stdin.to_vec()))
        .stdout(OutputStream::Buffer(out.clone()))
        .stderr(OutputStream::Buffer(err.clone()));
    for (k, v) in env {
        ctx = ctx.env(*k, *v);
    }
    for (host, guest) in dirs {
        ctx = ctx.preopened_dir(host, *guest).unwrap();
    }
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &ctx.build());
    let instance = linker.instantiate(&module).unwrap();
    let status = wasi::run_start(&instance).unwrap();
    Outcome {
        status,
        stdout: String::from_utf8(out.contents()).unwrap(),
        stderr: String::from_utf8(err.contents()).unwrap(),
    }
}

#[test]
fn hello_world_prints_and_exits_with_zero() {
    let o = run("hello", &[], &[], &[], b"");
    assert_eq!((o.status, o.stdout.as_str()), (0, "hello from wasi\n"));
}

#[test]
fn arguments_and_only_the_given_environment_reach_the_program() {
    let o = run(
        "args_env",
        &["one", "two words"],
        &[("GREETING", "hi there")],
        &[],
        b"",
    );
    assert_eq!(
        o.stdout,
        "argc=3\nargv[0]=args_env.wasm\nargv[1]=one\nargv[2]=two words\n\
         env: GREETING=hi there\nenvc=1\nGREETING=hi there\nHOME=(unset)\n"
    );
}

#[test]
fn files_under_a_preopen_read_write_seek_rename_list_and_link() {
    let dir = scratch_dir("files");
    let o = run("files", &["/data"], &[], &[(&dir, "/data")], b"");
    let expected = "\
read: first line
read: second line
size after append: 34
is regular: 1
seek end: 34
word at 6: line
position: 10
word at 5:  lin
pread: FIRST line

size after truncate: 10
seek past start: -1 errno=Invalid argument
mkdir: 0
mkdir again: -1 File exists
rename: 0
rename into sub: 0
old name gone: 1
list: sub
list: inner.txt moved.txt
symlink: 0
readlink: 13 sub/inner.txt
through link: inner
lstat is link: 1
unlink link: 0
rmdir non-empty: -1 Directory not empty
unlink inner: 0
unlink moved: 0
rmdir: 0
open missing: -1 No such file or directory
create exclusive: 1
create exclusive again: -1 File exists
unlink new: 0
list:
";
    assert_eq!(o.stdout, expected, "stderr: {}", o.stderr);
    assert_eq!(o.status, 0);
    // The program cleaned up after itself, on the host too.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn files_the_program_writes_are_on_the_host() {
    let dir = scratch_dir("host-view");
    std::fs::write(dir.join("given.txt"), "from the host\n").unwrap();
    let o = run("files", &["/d"], &[], &[(&dir, "/d")], b"");
    assert_eq!(o.status, 0);
    // files.c lists what it finds, including the host's file.
    assert!(o.stdout.contains("list: given.txt sub\n"), "{}", o.stdout);
    assert_eq!(
        std::fs::read_to_string(dir.join("given.txt")).unwrap(),
        "from the host\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn clocks_advance_sleep_waits_and_random_bytes_vary() {
    let o = run("clocks_random", &[], &[], &[], b"");
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert_eq!(lines.len(), 8, "{}", o.stdout);
    for line in lines {
        assert!(line.ends_with(": 1"), "{line}");
    }
}

#[test]
fn exit_status_is_the_programs() {
    assert_eq!(run("exit_code", &["0"], &[], &[], b"").status, 0);
    assert_eq!(run("exit_code", &["7"], &[], &[], b"").status, 7);
    let o = run("exit_code", &["300", "nested"], &[], &[], b"");
    assert_eq!((o.status, o.stdout.as_str()), (300, "leaving with 300\n"));
}

#[test]
fn stdin_is_read_to_its_end() {
    let o = run("stdin_echo", &[], &[], &[], b"hello, stdin\nline two\n");
    assert_eq!(o.stdout, "HELLO, STDIN\nLINE TWO\n");
    assert_eq!(o.stderr, "read 22 bytes\n");
}

#[test]
fn compute_kernels_agree_at_every_optimization_level() {
    let outputs: Vec<String> = ["kernels-O0", "kernels-O2", "kernels-Os"]
        .iter()
        .map(|p| run(p, &["300"], &[], &[], b"").stdout)
        .collect();
    assert!(outputs[0].starts_with("hash "), "{}", outputs[0]);
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

/// Every listing of `dir`, recursively, with file contents and link targets.
fn snapshot(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let meta = std::fs::symlink_metadata(&p).unwrap();
        if meta.file_type().is_symlink() {
            out.push((
                p.clone(),
                format!("-> {}", std::fs::read_link(&p).unwrap().display()),
            ));
        } else if meta.is_dir() {
            out.push((p.clone(), "dir".into()));
            out.extend(snapshot(&p));
        } else {
            out.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
        }
    }
    out
}

#[test]
fn escape_attempts_are_refused_and_leave_the_host_untouched() {
    let root = scratch_dir("escape");
    let sandbox = root.join("box");
    std::fs::create_dir_all(sandbox.join("sub")).unwrap();
    std::fs::write(root.join("outside.txt"), "secret\n").unwrap();
    std::fs::write(sandbox.join("inside.txt"), "inside ok\n").unwrap();
    std::os::unix::fs::symlink("../outside.txt", sandbox.join("link_out")).unwrap();
    std::os::unix::fs::symlink(root.join("outside.txt"), sandbox.join("abs_link")).unwrap();
    let before = snapshot(&root);

    let o = run("escape", &["/box"], &[], &[(&sandbox, "/box")], b"");
    let attempts: Vec<&str> = o
        .stdout
        .lines()
        .filter(|l| !l.starts_with("inside:"))
        .collect();
    assert_eq!(attempts.len(), 14, "{}", o.stdout);
    for line in attempts {
        assert!(line.ends_with(": refused ENOTCAPABLE"), "{line}");
    }
    assert!(o.stdout.ends_with("inside: inside ok\n"), "{}", o.stdout);
    assert_eq!(snapshot(&root), before);
    std::fs::remove_dir_all(&root).unwrap();
}

/// Instantiates a hand-written module importing preview1 functions, with `dir`
/// preopened as fd 3, and calls its export `run`, returning the i32 it returns.
fn call_wat(wat: &str, dir: Option<&Path>) -> Result<i32, Error> {
    let engine = Engine::default();
    let module = Module::new(&engine, wat)?;
    let mut ctx = WasiCtxBuilder::new();
    if let Some(dir) = dir {
        ctx = ctx.preopened_dir(dir, "/d").unwrap();
    }
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &ctx.build());
    let instance = linker.instantiate(&module)?;
    let f = instance.get_typed_func::<(), i32>("run")?;
    f.call(()).map_err(Error::from)
}

const PATH_OPEN: &str = r#"(import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))"#;

/// `path_open(3, follow, PATH, oflags, rights, rights, 0, &fd)` returning the errno.
fn open_errno(path: &str, oflags: u32, rights: u64, dir: &Path) -> i32 {
    let wat = format!(
        r#"(module {PATH_OPEN}
            (memory (export "memory") 1)
            (data (i32.const 100) "{path}")
            (func (export "run") (result i32)
              (call $path_open (i32.const 3) (i32.const 1) (i32.const 100) (i32.const {len})
                (i32.const {oflags}) (i64.const {rights}) (i64.const {rights}) (i32.const 0)
                (i32.const 0))))"#,
        len = path.len()
    );
    call_wat(&wat, Some(dir)).unwrap()
}

const NOTCAPABLE: i32 = 76;

#[test]
fn paths_never_leave_the_preopen_even_for_a_step() {
    let root = scratch_dir("steps");
    let sandbox = root.join("box");
    std::fs::create_dir_all(sandbox.join("a/b")).unwrap();
    std::fs::write(root.join("secret"), "x").unwrap();
    std::fs::write(sandbox.join("a/file"), "x").unwrap();
    let read = 2; // FD_READ
    assert_eq!(open_errno("../secret", 0, read, &sandbox), NOTCAPABLE);
    assert_eq!(open_errno("a/../../secret", 0, read, &sandbox), NOTCAPABLE);
    assert_eq!(
        open_errno("a/b/../../../box/a/file", 0, read, &sandbox),
        NOTCAPABLE
    );
    assert_eq!(open_errno("/etc/passwd", 0, read, &sandbox), NOTCAPABLE);
    assert_eq!(open_errno("..", 2, 0, &sandbox), NOTCAPABLE);
    // Inside, `..` is fine as long as it stays inside.
    assert_eq!(open_errno("a/b/../file", 0, read, &sandbox), 0);
    assert_eq!(open_errno("missing", 0, read, &sandbox), 44); // ENOENT
                                                              // O_CREAT of a file outside does not create it.
    assert_eq!(open_errno("../created", 1, read | 64, &sandbox), NOTCAPABLE);
    assert!(!root.join("created").exists());
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn rights_are_honoured() {
    let dir = scratch_dir("rights");
    std::fs::write(dir.join("f"), "data").unwrap();
    // Opened with FD_READ only: writing through it is ENOTCAPABLE.
    let wat = format!(
        r#"(module {PATH_OPEN}
            (import "wasi_snapshot_preview1" "fd_write"
              (func $fd_write (param i32 i32 i32 i32) (result i32)))
            (import "wasi_snapshot_preview1" "fd_fdstat_set_rights"
              (func $set_rights (param i32 i64 i64) (result i32)))
            (memory (export "memory") 1)
            (data (i32.const 100) "f")
            (data (i32.const 200) "\d0\00\00\00\04\00\00\00")
            (func (export "run") (result i32)
              (local $e i32)
              (local.set $e (call $path_open (i32.const 3) (i32.const 1) (i32.const 100)
                (i32.const 1) (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0)
                (i32.const 0)))
              (if (local.get $e) (then (return (i32.add (i32.const 1000) (local.get $e)))))
              (local.set $e (call $fd_write (i32.load (i32.const 0)) (i32.const 200)
                (i32.const 1) (i32.const 300)))
              (if (i32.ne (local.get $e) (i32.const {NOTCAPABLE}))
                (then (return (i32.add (i32.const 2000) (local.get $e)))))
              ;; rights can be dropped, never regained
              (local.set $e (call $set_rights (i32.load (i32.const 0)) (i64.const 0) (i64.const 0)))
              (if (local.get $e) (then (return (i32.add (i32.const 3000) (local.get $e)))))
              (call $set_rights (i32.load (i32.const 0)) (i64.const 2) (i64.const 0))))"#
    );
    assert_eq!(call_wat(&wat, Some(&dir)).unwrap(), NOTCAPABLE);
    assert_eq!(std::fs::read_to_string(dir.join("f")).unwrap(), "data");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn guest_pointers_out_of_bounds_are_efault() {
    const EFAULT: i32 = 21;
    let imports = r#"
        (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))"#;
    for body in [
        // the iovec array itself out of bounds
        "(call $fd_write (i32.const 1) (i32.const 65532) (i32.const 1) (i32.const 0))",
        // an iovec whose buffer runs past the end
        "(i32.store (i32.const 0) (i32.const 65530)) (i32.store (i32.const 4) (i32.const 100))
         (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16))",
        // a huge iovec count whose size overflows
        "(call $fd_write (i32.const 1) (i32.const 0) (i32.const 0x40000000) (i32.const 16))",
        // the result pointer out of bounds
        "(call $args_sizes (i32.const 65535) (i32.const 0))",
        "(call $random (i32.const 65000) (i32.const 1000))",
        "(call $clock (i32.const 0) (i64.const 0) (i32.const -4))",
    ] {
        let wat = format!(
            r#"(module {imports} (memory (export "memory") 1)
                (func (export "run") (result i32) {body}))"#
        );
        assert_eq!(call_wat(&wat, None).unwrap(), EFAULT, "{body}");
    }
}

#[test]
fn calls_that_cannot_mean_anything_answer_with_preview1_errnos() {
    let one = |import: &str, call: &str| {
        call_wat(
            &format!(
                r#"(module {import} (memory (export "memory") 1)
                    (func (export "run") (result i32) {call}))"#
            ),
            None,
        )
        .unwrap()
    };
    assert_eq!(
        one(
            r#"(import "wasi_snapshot_preview1" "sock_accept" (func $f (param i32 i32 i32) (result i32)))"#,
            "(call $f (i32.const 1) (i32.const 0) (i32.const 0))"
        ),
        57
    );
    assert_eq!(
        one(
            r#"(import "wasi_snapshot_preview1" "sock_shutdown" (func $f (param i32 i32) (result i32)))"#,
            "(call $f (i32.const 0) (i32.const 3))"
        ),
        57
    );
    assert_eq!(
        one(
            r#"(import "wasi_snapshot_preview1" "fd_close" (func $f (param i32) (result i32)))"#,
            "(call $f (i32.const 99))"
        ),
        8
    );
    assert_eq!(
        one(
            r#"(import "wasi_snapshot_preview1" "fd_seek" (func $f (param i32 i64 i32 i32) (result i32)))"#,
            "(call $f (i32.const 1) (i64.const 0) (i32.const 0) (i32.const 0))"
        ),
        70
    );
    assert_eq!(
        one(
            r#"(import "wasi_snapshot_preview1" "proc_raise" (func $f (param i32) (result i32)))"#,
            "(call $f (i32.const 9))"
        ),
        52
    );
}

#[test]
fn proc_exit_ends_the_call_and_the_instance_stays_usable() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
            (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
            (memory (export "memory") 1)
            (global $g (mut i32) (i32.const 0))
            (func (export "quit") (global.set $g (i32.const 5)) (call $exit (i32.const 3)) (unreachable))
            (func (export "answer") (result i32) (i32.add (global.get $g) (i32.const 37))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &WasiCtxBuilder::new().build());
    let instance = linker.instantiate(&module).unwrap();
    match instance.get_func("quit").unwrap().call(&[]) {
        Err(Error::Exit(3)) => {}
        other => panic!("expected exit 3, got {other:?}"),
    }
    let typed = instance.get_typed_func::<(), ()>("quit").unwrap();
    assert_eq!(typed.call(()).unwrap_err().exit_status(), Some(3));
    assert_eq!(
        instance
            .get_typed_func::<(), i32>("answer")
            .unwrap()
            .call(())
            .unwrap(),
        42
    );
}

#[test]
fn every_preview1_function_is_provided() {
    // A module importing all 46 links.
    let sigs = [
        ("args_get", "i32 i32"),
        ("args_sizes_get", "i32 i32"),
        ("environ_get", "i32 i32"),
        ("environ_sizes_get", "i32 i32"),
        ("clock_res_get", "i32 i32"),
        ("clock_time_get", "i32 i64 i32"),
        ("fd_advise", "i32 i64 i64 i32"),
        ("fd_allocate", "i32 i64 i64"),
        ("fd_close", "i32"),
        ("fd_datasync", "i32"),
        ("fd_fdstat_get", "i32 i32"),
        ("fd_fdstat_set_flags", "i32 i32"),
        ("fd_fdstat_set_rights", "i32 i64 i64"),
        ("fd_filestat_get", "i32 i32"),
        ("fd_filestat_set_size", "i32 i64"),
        ("fd_filestat_set_times", "i32 i64 i64 i32"),
        ("fd_pread", "i32 i32 i32 i64 i32"),
        ("fd_prestat_get", "i32 i32"),
        ("fd_prestat_dir_name", "i32 i32 i32"),
        ("fd_pwrite", "i32 i32 i32 i64 i32"),
        ("fd_read", "i32 i32 i32 i32"),
        ("fd_readdir", "i32 i32 i32 i64 i32"),
        ("fd_renumber", "i32 i32"),
        ("fd_seek", "i32 i64 i32 i32"),
        ("fd_sync", "i32"),
        ("fd_tell", "i32 i32"),
        ("fd_write", "i32 i32 i32 i32"),
        ("path_create_directory", "i32 i32 i32"),
        ("path_filestat_get", "i32 i32 i32 i32 i32"),
        ("path_filestat_set_times", "i32 i32 i32 i32 i64 i64 i32"),
        ("path_link", "i32 i32 i32 i32 i32 i32 i32"),
        ("path_open", "i32 i32 i32 i32 i32 i64 i64 i32 i32"),
        ("path_readlink", "i32 i32 i32 i32 i32 i32"),
        ("path_remove_directory", "i32 i32 i32"),
        ("path_rename", "i32 i32 i32 i32 i32 i32"),
        ("path_symlink", "i32 i32 i32 i32 i32"),
        ("path_unlink_file", "i32 i32 i32"),
        ("poll_oneoff", "i32 i32 i32 i32"),
        ("proc_raise", "i32"),
        ("sched_yield", ""),
        ("random_get", "i32 i32"),
        ("sock_accept", "i32 i32 i32"),
        ("sock_recv", "i32 i32 i32 i32 i32 i32"),
        ("sock_send", "i32 i32 i32 i32 i32"),
        ("sock_shutdown", "i32 i32"),
    ];
    let mut wat = String::from("(module\n");
    for (name, params) in sigs {
        wat += &format!(
            "(import \"wasi_snapshot_preview1\" \"{name}\" (func (param {params}) (result i32)))\n"
        );
    }
    wat += "(import \"wasi_snapshot_preview1\" \"proc_exit\" (func (param i32))))";
    assert_eq!(sigs.len() + 1, 46);
    let engine = Engine::default();
    let module = Module::new(&engine, &wat).unwrap();
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &WasiCtxBuilder::new().build());
    linker.instantiate(&module).unwrap();
    // The list tools build modules from says the same, proc_exit included.
    let listed: Vec<(String, String, String)> = wasi::functions()
        .map(|(name, ty)| {
            let join = |ts: &[kestrel::ValType]| {
                ts.iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            (name.to_string(), join(ty.params()), join(ty.results()))
        })
        .collect();
    let mut expected: Vec<(String, String, String)> = sigs
        .iter()
        .map(|(n, p)| (n.to_string(), p.to_string(), "i32".to_string()))
        .collect();
    expected.push(("proc_exit".into(), "i32".into(), String::new()));
    let sorted = |mut v: Vec<(String, String, String)>| {
        v.sort();
        v
    };
    assert_eq!(sorted(listed), sorted(expected));
}

/// A guest that opens without closing gets `EMFILE` at the context's limit (1024
/// descriptors, the three streams and the preopen included), before it can use up the
/// host process's descriptors.
#[test]
fn descriptors_per_context_are_bounded() {
    let dir = scratch_dir("descriptors");
    std::fs::write(dir.join("f"), b"x").unwrap();
    // Opens f until path_open fails; returns how many opened, and the errno at 0.
    let wat = format!(
        r#"(module {PATH_OPEN}
            (memory (export "memory") 1)
            (data (i32.const 100) "f")
            (func (export "run") (result i32) (local $n i32) (local $e i32)
              (loop $l
                (local.set $e (call $path_open (i32.const 3) (i32.const 0) (i32.const 100)
                  (i32.const 1) (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0)
                  (i32.const 8)))
                (if (i32.eqz (local.get $e))
                  (then
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))
                    (br_if $l (i32.lt_u (local.get $n) (i32.const 100000))))))
              (i32.store (i32.const 0) (local.get $e))
              (local.get $n)))"#
    );
    let engine = Engine::default();
    let module = Module::new(&engine, &wat).unwrap();
    let ctx = WasiCtxBuilder::new()
        .preopened_dir(&dir, "/d")
        .unwrap()
        .build();
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &ctx);
    let instance = linker.instantiate(&module).unwrap();
    let opened = instance
        .get_typed_func::<(), i32>("run")
        .unwrap()
        .call(())
        .unwrap();
    let mut errno = [0u8; 4];
    instance
        .get_memory("memory")
        .unwrap()
        .read(0, &mut errno)
        .unwrap();
    assert_eq!(opened, 1024 - 4);
    assert_eq!(i32::from_le_bytes(errno), 33, "EMFILE");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fd_allocate_grows_the_file_without_taking_disk_blocks() {
    use std::os::unix::fs::MetadataExt as _;
    let dir = scratch_dir("allocate");
    std::fs::write(dir.join("f"), b"abc").unwrap();
    // Opens f with every file right, then asks for 1 GiB from offset 16, an empty range
    // and a range past the largest offset.
    let wat = format!(
        r#"(module {PATH_OPEN}
            (import "wasi_snapshot_preview1" "fd_allocate"
              (func $allocate (param i32 i64 i64) (result i32)))
            (memory (export "memory") 1)
            (data (i32.const 100) "f")
            (func (export "run") (result i32)
              (local $fd i32)
              (if (call $path_open (i32.const 3) (i32.const 0) (i32.const 100) (i32.const 1)
                    (i32.const 0) (i64.const 0xfffffff) (i64.const 0) (i32.const 0)
                    (i32.const 0))
                (then (return (i32.const -1))))
              (local.set $fd (i32.load (i32.const 0)))
              (if (call $allocate (local.get $fd) (i64.const 16) (i64.const 0))
                (then)
                (else (return (i32.const -2))))
              (if (i32.ne (call $allocate (local.get $fd) (i64.const 0x7fffffffffffffff)
                    (i64.const 2)) (i32.const 22))
                (then (return (i32.const -3))))
              (call $allocate (local.get $fd) (i64.const 16) (i64.const 0x40000000))))"#
    );
    assert_eq!(call_wat(&wat, Some(&dir)).unwrap(), 0);
    let meta = std::fs::metadata(dir.join("f")).unwrap();
    assert_eq!(meta.len(), 16 + (1 << 30));
    // 512-byte blocks: the 3 bytes written, not the gigabyte asked for.
    assert!(meta.blocks() < 1024, "{} blocks", meta.blocks());
    assert_eq!(std::fs::read(dir.join("f")).unwrap()[..3], *b"abc");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_import_that_is_neither_wasi_nor_provided_is_named() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (import "wasi_snapshot_preview1" "fd_close" (func (param i32) (result i32)))
                   (import "env" "custom" (func)))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &WasiCtxBuilder::new().build());
    let err = linker.instantiate(&module).unwrap_err().to_string();
    assert!(err.contains("env") && err.contains("custom"), "{err}");
}

// ---- hostile numbers: the host's work per call is bounded (src/wasi/guest.rs) ----

const EFAULT: i32 = 21;
const EINVAL: i32 = 28;
const ENAMETOOLONG: i32 = 37;

/// Instantiates `wat` with a context writing stdout to `out`, calls `run`.
fn call_wat_to(wat: &str, out: &OutputBuffer) -> i32 {
    let engine = Engine::default();
    let module = Module::new(&engine, wat).unwrap();
    let ctx = WasiCtxBuilder::new()
        .stdout(OutputStream::Buffer(out.clone()))
        .build();
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &ctx);
    let instance = linker.instantiate(&module).unwrap();
    instance
        .get_typed_func::<(), i32>("run")
        .unwrap()
        .call(())
        .unwrap()
}

#[test]
fn a_write_of_a_million_gigabyte_iovecs_is_short_and_bounded() {
    // 1,048,576 iovecs, each naming the same 1 GiB: 1 PiB in all. The host looks at the
    // first 1024 and moves 16 MiB, a short write the program sees in `nwritten`.
    let wat = r#"(module
        (import "wasi_snapshot_preview1" "fd_write"
          (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 16385)
        (func (export "run") (result i32)
          (local $i i32) (local $e i32)
          (loop $fill
            (i32.store (i32.add (i32.const 64) (i32.shl (local.get $i) (i32.const 3)))
              (i32.const 0))
            (i32.store (i32.add (i32.const 68) (i32.shl (local.get $i) (i32.const 3)))
              (i32.const 0x40000000))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $fill (i32.lt_u (local.get $i) (i32.const 1048576))))
          (local.set $e (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1048576)
            (i32.const 0)))
          (if (result i32) (local.get $e)
            (then (i32.sub (i32.const 0) (local.get $e)))
            (else (i32.load (i32.const 0))))))"#;
    let out = OutputBuffer::new();
    assert_eq!(call_wat_to(wat, &out), 16 << 20);
    assert_eq!(out.contents().len(), 16 << 20);
}

#[test]
fn lengths_and_counts_past_the_bounds_are_refused_before_the_host_copies() {
    let imports = r#"
        (import "wasi_snapshot_preview1" "path_open"
          (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "path_create_directory"
          (func $mkdir (param i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "poll_oneoff"
          (func $poll (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_read"
          (func $fd_read (param i32 i32 i32 i32) (result i32)))"#;
    let dir = scratch_dir("bounds");
    let cases = [
        // A 512 MiB path is refused by its length, before anything reads it.
        (
            "(call $path_open (i32.const 3) (i32.const 0) (i32.const 0) (i32.const 0x20000000)
               (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 0))",
            ENAMETOOLONG,
        ),
        // One byte past PATH_MAX, in memory: still too long.
        (
            "(call $mkdir (i32.const 3) (i32.const 0) (i32.const 4097))",
            ENAMETOOLONG,
        ),
        // PATH_MAX itself is a path (of NUL bytes, which no file system takes).
        (
            "(call $mkdir (i32.const 3) (i32.const 0) (i32.const 4096))",
            0,
        ),
        // More subscriptions than one poll takes, whatever the memory holds.
        (
            "(call $poll (i32.const 0) (i32.const 0) (i32.const 4097) (i32.const 0))",
            EINVAL,
        ),
        (
            "(call $poll (i32.const 0) (i32.const 0) (i32.const -1) (i32.const 0))",
            EINVAL,
        ),
        // 4 GiB of random bytes into one page: refused before they are drawn.
        ("(call $random (i32.const 0) (i32.const -1))", EFAULT),
        // An iovec array that runs past the end, however many of it the host would look at.
        (
            "(call $fd_read (i32.const 0) (i32.const 0) (i32.const 0x1fffffff) (i32.const 0))",
            EFAULT,
        ),
        // Events written at the very top of the address space (one clock subscription
        // of timeout 0, all zeros): a checked fault, no wrap to address 0.
        (
            "(call $poll (i32.const 0) (i32.const -32) (i32.const 1) (i32.const 64))",
            EFAULT,
        ),
    ];
    for (body, errno) in cases {
        let wat = format!(
            r#"(module {imports} (memory (export "memory") 1)
                (func (export "run") (result i32) {body}))"#
        );
        let got = call_wat(&wat, Some(&dir)).unwrap();
        if errno == 0 {
            // Refused by the file system, not by the length check.
            assert!(got != ENAMETOOLONG && got != EFAULT, "{body}: {got}");
        } else {
            assert_eq!(got, errno, "{body}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A reader that says when a read has begun and then waits until it is let go.
struct HeldReader {
    started: std::sync::mpsc::Sender<()>,
    release: std::sync::mpsc::Receiver<Vec<u8>>,
}

impl std::io::Read for HeldReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let _ = self.started.send(());
        let data = self.release.recv().unwrap_or_default();
        let n = data.len().min(buf.len());
        buf[..n].copy_from_slice(&data[..n]);
        Ok(n)
    }
}

#[test]
fn a_read_that_waits_does_not_hold_the_context() {
    // Two instances share one context: while one waits in `fd_read(0)`, the other's
    // calls on the context go on.
    let (started_tx, started) = std::sync::mpsc::channel();
    let (release, release_rx) = std::sync::mpsc::channel();
    let out = OutputBuffer::new();
    let ctx = WasiCtxBuilder::new()
        .stdin(InputStream::Reader(Box::new(HeldReader {
            started: started_tx,
            release: release_rx,
        })))
        .stdout(OutputStream::Buffer(out.clone()))
        .build();
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
            (import "wasi_snapshot_preview1" "fd_read"
              (func $fd_read (param i32 i32 i32 i32) (result i32)))
            (import "wasi_snapshot_preview1" "fd_write"
              (func $fd_write (param i32 i32 i32 i32) (result i32)))
            (memory (export "memory") 1)
            (data (i32.const 0) "\10\00\00\00\08\00\00\00")
            (data (i32.const 32) "\28\00\00\00\02\00\00\00hi")
            (func (export "read") (result i32)
              (drop (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
              (i32.load (i32.const 8)))
            (func (export "write") (result i32)
              (call $fd_write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 8))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &ctx);
    let reader = linker.instantiate(&module).unwrap();
    let writer = linker.instantiate(&module).unwrap();
    let waiting = std::thread::spawn(move || {
        reader
            .get_typed_func::<(), i32>("read")
            .unwrap()
            .call(())
            .unwrap()
    });
    started.recv().unwrap();
    // The read is under way and waiting: a write on the same context completes. (Were
    // the lock held, this call would wait for the read, which waits for us: the bound
    // below turns that deadlock into a failure.)
    let (done_tx, done) = std::sync::mpsc::channel();
    let write = std::thread::spawn(move || {
        let r = writer
            .get_typed_func::<(), i32>("write")
            .unwrap()
            .call(())
            .unwrap();
        let _ = done_tx.send(r);
    });
    let result = done.recv_timeout(std::time::Duration::from_secs(60));
    release.send(b"abc".to_vec()).unwrap();
    assert_eq!(result, Ok(0), "the write waited for the read's lock");
    write.join().unwrap();
    assert_eq!(waiting.join().unwrap(), 3);
    assert_eq!(out.contents(), b"hi");
}
