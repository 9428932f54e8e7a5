//! Measures how much memory processes running the same cached module share: compiles a
//! generated module of about 1 MB of wasm into a fresh cache directory, starts N
//! processes (this program again, in child mode) that each load it through the cache,
//! instantiate it and call every function (so that all its code is resident), then wait;
//! and reads the PSS and RSS of every child's code mapping (`/proc/PID/smaps`). Mapped
//! code is shared, so its PSS summed over the children is the code once, not N times.
//! For contrast it does the same with processes that compile the module themselves.
//!
//! `cargo run --release --example shared_code -- [N]` (default 10).

use kestrel::{Config, Engine, Linker, Module};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// A generated module of about 1 MB of wasm (as `benches/debug_overhead.rs`).
fn module_wat() -> String {
    let mut wat = String::from("(module (memory 1)\n");
    for i in 0..1100 {
        wat.push_str(&format!(
            "(func (export \"f{i}\") (param i32 i64) (result i32) (local i32 f64)\n"
        ));
        for j in 0..24 {
            wat.push_str(&format!(
                "local.get 0 i32.const {j} i32.add local.set 2 \
                 local.get 1 i64.const {i} i64.mul drop \
                 local.get 2 i32.const 7 i32.and i32.load offset={} drop \
                 local.get 3 f64.const 1.5 f64.add local.set 3\n",
                j * 4
            ));
        }
        wat.push_str("local.get 2)\n");
    }
    wat.push(')');
    wat
}

fn engine(cache: Option<&Path>) -> Engine {
    let mut config = Config::new();
    if let Some(dir) = cache {
        config.cache_dir(dir);
    }
    Engine::new(&config)
}

/// Child mode: load through the cache (or compile, with an empty `cache`), call every
/// function, report where the code is, wait for the parent to close stdin.
fn child(cache: &str, wasm: &[u8]) {
    let cache = (!cache.is_empty()).then(|| Path::new(cache));
    let module = Module::new(&engine(cache), wasm).unwrap();
    let instance = Linker::new(module.engine()).instantiate(&module).unwrap();
    for i in 0..1100 {
        let f = instance
            .get_typed_func::<(i32, i64), i32>(&format!("f{i}"))
            .unwrap();
        f.call((1, 2)).unwrap();
    }
    println!("ready {:x}", module.code_range().0);
    std::io::stdout().flush().unwrap();
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

/// The `Pss:` and `Rss:` lines (kB) of the mapping in `smaps` that contains `address`.
fn mapping_kib(smaps: &str, address: usize) -> (u64, u64) {
    let (mut pss, mut rss, mut inside) = (0, 0, false);
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if first.contains('-') && first.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            let (a, b) = first.split_once('-').unwrap();
            let (a, b) = (
                usize::from_str_radix(a, 16).unwrap(),
                usize::from_str_radix(b, 16).unwrap(),
            );
            inside = (a..b).contains(&address);
            continue;
        }
        if inside {
            let value = || {
                line.split_whitespace()
                    .nth(1)
                    .unwrap()
                    .parse::<u64>()
                    .unwrap()
            };
            if line.starts_with("Pss:") {
                pss += value();
            } else if line.starts_with("Rss:") {
                rss += value();
            }
        }
    }
    (pss, rss)
}

/// Starts `n` children (loading through `cache`, or compiling with ""), and returns the
/// summed PSS and RSS (KiB) of their code mappings.
fn measure(n: usize, cache: &str) -> (u64, u64) {
    let mut children: Vec<_> = (0..n)
        .map(|_| {
            Command::new(std::env::current_exe().unwrap())
                .env("KESTREL_SHARED_CODE_CHILD", cache)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut code = Vec::new();
    for c in &mut children {
        let mut line = String::new();
        BufReader::new(c.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line.trim().strip_prefix("ready ").expect("ready");
        code.push(usize::from_str_radix(address, 16).unwrap());
    }
    let (mut pss, mut rss) = (0, 0);
    for (c, &address) in children.iter().zip(&code) {
        let smaps = std::fs::read_to_string(format!("/proc/{}/smaps", c.id())).unwrap();
        let (p, r) = mapping_kib(&smaps, address);
        pss += p;
        rss += r;
    }
    for mut c in children {
        drop(c.stdin.take());
        c.wait().unwrap();
    }
    (pss, rss)
}

fn main() {
    let wasm = wat::parse_str(module_wat()).unwrap();
    if let Ok(dir) = std::env::var("KESTREL_SHARED_CODE_CHILD") {
        child(&dir, &wasm);
        return;
    }
    let n: usize = std::env::args().nth(1).map_or(10, |a| a.parse().unwrap());
    let cache = std::env::temp_dir().join(format!("kestrel-shared-code-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    let compiled = Module::new(&engine(Some(&cache)), &wasm).unwrap();
    let code = compiled.code().len();
    let entry = std::fs::read_dir(&cache).unwrap().next().unwrap().unwrap();
    let entry_size = entry.metadata().unwrap().len();
    println!(
        "module: {} B wasm, {code} B code; cache entry {entry_size} B",
        wasm.len()
    );
    let (pss, rss) = measure(n, cache.to_str().unwrap());
    println!(
        "{n} processes mapping the cached module: their code mappings' summed PSS {pss} KiB \
         ({:.2}x the code), summed RSS {rss} KiB",
        pss as f64 * 1024.0 / code as f64
    );
    let (pss, rss) = measure(n, "");
    println!(
        "{n} processes compiling the module themselves: summed PSS {pss} KiB ({:.2}x the \
         code), summed RSS {rss} KiB",
        pss as f64 * 1024.0 / code as f64
    );
    let _ = std::fs::remove_dir_all(&cache);
}
