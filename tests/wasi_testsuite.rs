//! The official WASI test suite (WebAssembly/wasi-testsuite), preview1 programs for C,
//! Rust and AssemblyScript, run through Kestrel's WASI by an adapter of our own: each
//! program's `.json` gives its arguments, environment, preopened directory (the guest's
//! `/`), expected exit code and expected stdout.
//!
//! The suite is not part of this repository. Set `KESTREL_WASI_TESTSUITE` to a checkout
//! of its `prod/testsuite-base` branch (which holds the built programs) to run it:
//!
//! ```text
//! git clone -b prod/testsuite-base https://github.com/WebAssembly/wasi-testsuite
//! KESTREL_WASI_TESTSUITE=$PWD/wasi-testsuite cargo test --release --test wasi_testsuite -- --nocapture
//! ```
//!
//! Without it the test reports itself skipped, with that reason.

#![cfg(feature = "wasi")]

use kestrel::wasi::{self, InputStream, OutputBuffer, OutputStream, WasiCtxBuilder};
use kestrel::{Engine, Linker, Module};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// What one test program expects (the suite's legacy configuration keys).
#[derive(Default, Debug)]
struct Spec {
    args: Vec<String>,
    env: Vec<(String, String)>,
    root: Option<String>,
    exit_code: i32,
    stdout: Option<String>,
}

/// A minimal reader for the suite's small JSON files: an object of strings, arrays of
/// strings, an object of strings and integers.
fn parse_spec(text: &str) -> Spec {
    let value = Json::parse(text);
    let mut spec = Spec::default();
    let Json::Object(fields) = value else {
        return spec;
    };
    for (key, v) in fields {
        match (key.as_str(), v) {
            ("args", Json::Array(items)) => {
                spec.args = items.into_iter().filter_map(Json::string).collect()
            }
            ("env", Json::Object(vars)) => {
                spec.env = vars
                    .into_iter()
                    .filter_map(|(k, v)| v.string().map(|v| (k, v)))
                    .collect()
            }
            ("root", Json::String(r)) => spec.root = Some(r),
            ("exit_code", Json::Number(n)) => spec.exit_code = n as i32,
            ("stdout", Json::String(s)) => spec.stdout = Some(s),
            _ => {}
        }
    }
    spec
}

enum Json {
    Object(Vec<(String, Json)>),
    Array(Vec<Json>),
    String(String),
    Number(f64),
    Other,
}

impl Json {
    fn string(self) -> Option<String> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    fn parse(text: &str) -> Json {
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        Json::value(&chars, &mut at)
    }

    fn skip_ws(c: &[char], at: &mut usize) {
        while *at < c.len() && c[*at].is_whitespace() {
            *at += 1;
        }
    }

    fn value(c: &[char], at: &mut usize) -> Json {
        Json::skip_ws(c, at);
        match c.get(*at) {
            Some('{') => {
                *at += 1;
                let mut fields = Vec::new();
                loop {
                    Json::skip_ws(c, at);
                    if c.get(*at) == Some(&'}') {
                        *at += 1;
                        break;
                    }
                    let Json::String(key) = Json::value(c, at) else {
                        break;
                    };
                    Json::skip_ws(c, at);
                    *at += 1; // ':'
                    let v = Json::value(c, at);
                    fields.push((key, v));
                    Json::skip_ws(c, at);
                    if c.get(*at) == Some(&',') {
                        *at += 1;
                    }
                }
                Json::Object(fields)
            }
            Some('[') => {
                *at += 1;
                let mut items = Vec::new();
                loop {
                    Json::skip_ws(c, at);
                    if c.get(*at) == Some(&']') {
                        *at += 1;
                        break;
                    }
                    items.push(Json::value(c, at));
                    Json::skip_ws(c, at);
                    if c.get(*at) == Some(&',') {
                        *at += 1;
                    }
                }
                Json::Array(items)
            }
            Some('"') => {
                *at += 1;
                let mut s = String::new();
                while let Some(&ch) = c.get(*at) {
                    *at += 1;
                    match ch {
                        '"' => break,
                        '\\' => {
                            let e = c.get(*at).copied().unwrap_or('\\');
                            *at += 1;
                            s.push(match e {
                                'n' => '\n',
                                't' => '\t',
                                'r' => '\r',
                                other => other,
                            });
                        }
                        other => s.push(other),
                    }
                }
                Json::String(s)
            }
            Some(ch) if ch.is_ascii_digit() || *ch == '-' => {
                let start = *at;
                while *at < c.len() && (c[*at].is_ascii_digit() || "-+.eE".contains(c[*at])) {
                    *at += 1;
                }
                let n: String = c[start..*at].iter().collect();
                Json::Number(n.parse().unwrap_or(0.0))
            }
            _ => {
                while *at < c.len() && c[*at].is_alphabetic() {
                    *at += 1;
                }
                Json::Other
            }
        }
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        let ty = entry.file_type().unwrap();
        if ty.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(entry.path()).unwrap(), &target).unwrap();
        } else if ty.is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs one program; `Err` says why it failed.
fn run_one(wasm: &Path, scratch: &Path) -> Result<(), String> {
    let json = wasm.with_extension("json");
    let spec = match std::fs::read_to_string(&json) {
        Ok(text) => parse_spec(&text),
        Err(_) => Spec::default(),
    };
    let engine = Engine::default();
    let module = Module::from_file(&engine, wasm).map_err(|e| format!("compile: {e}"))?;
    let out = OutputBuffer::new();
    let mut ctx = WasiCtxBuilder::new()
        .arg(wasm.to_string_lossy())
        .args(spec.args.iter().cloned())
        .stdin(InputStream::Null)
        .stdout(OutputStream::Buffer(out.clone()))
        .stderr(OutputStream::Null);
    for (k, v) in &spec.env {
        ctx = ctx.env(k, v);
    }
    if let Some(root) = &spec.root {
        // Each program gets its own copy of the directory it may change.
        let _ = std::fs::remove_dir_all(scratch);
        copy_tree(&wasm.parent().unwrap().join(root), scratch);
        ctx = ctx
            .preopened_dir(scratch, "/")
            .map_err(|e| format!("preopen: {e}"))?;
    }
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &ctx.build());
    let instance = linker
        .instantiate(&module)
        .map_err(|e| format!("instantiate: {e}"))?;
    let status = wasi::run_start(&instance).map_err(|e| format!("run: {e}"))?;
    if status != spec.exit_code {
        return Err(format!("exit code {status}, expected {}", spec.exit_code));
    }
    if let Some(expected) = &spec.stdout {
        let got = String::from_utf8_lossy(&out.contents()).into_owned();
        if &got != expected {
            return Err(format!("stdout {got:?}, expected {expected:?}"));
        }
    }
    Ok(())
}

#[test]
fn official_wasi_testsuite_preview1() {
    let Some(root) = std::env::var_os("KESTREL_WASI_TESTSUITE").map(PathBuf::from) else {
        println!(
            "wasi-testsuite: skipped: KESTREL_WASI_TESTSUITE is not set (point it at a \
             checkout of WebAssembly/wasi-testsuite's prod/testsuite-base branch)"
        );
        return;
    };
    let mut programs = Vec::new();
    for lang in ["assemblyscript", "c", "rust"] {
        let dir = root
            .join("tests")
            .join(lang)
            .join("testsuite/wasm32-wasip1");
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
            .collect();
        found.sort();
        programs.extend(found);
    }
    let scratch_base =
        std::env::temp_dir().join(format!("kestrel-wasi-testsuite-{}", std::process::id()));
    let mut failures = Vec::new();
    for (i, wasm) in programs.iter().enumerate() {
        let (tx, rx) = mpsc::channel();
        let (w, scratch) = (wasm.clone(), scratch_base.join(i.to_string()));
        std::thread::spawn(move || {
            let _ = tx.send(run_one(&w, &scratch));
        });
        let outcome = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| Err("no answer within 30 s".into()));
        let name = wasm
            .strip_prefix(&root)
            .unwrap_or(wasm)
            .display()
            .to_string();
        match outcome {
            Ok(()) => println!("wasi-testsuite: pass {name}"),
            Err(why) => {
                println!("wasi-testsuite: FAIL {name}: {why}");
                failures.push(name);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch_base);
    println!(
        "wasi-testsuite: {} programs, {} passed, {} failed",
        programs.len(),
        programs.len() - failures.len(),
        failures.len()
    );
    assert_eq!(programs.len(), 72, "the preview1 suite has 72 programs");
    assert!(failures.is_empty(), "failed: {failures:?}");
}
