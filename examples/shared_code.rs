//! Measures how much memory processes running the same cached module share: compiles a
//! generated module of about 1 MB of wasm into a fresh cache directory, starts N
//! processes (this program again, in child mode) that each load it through the cache,
//! instantiate it and call it, then wait; and reads every child's proportional set size
//! (`/proc/PID/smaps_rollup`) and the PSS and RSS of its mapping of the cache entry
//! (`/proc/PID/smaps`). Mapped code is shared, so the entry's PSS summed over the
//! children is the entry's size once, not N times.
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

fn engine(cache: &Path) -> Engine {
    let mut config = Config::new();
    config.cache_dir(cache);
    Engine::new(&config)
}

/// Child mode: load through the cache, run, report, wait for the parent to close stdin.
fn child(cache: &Path, wasm: &[u8]) {
    let module = Module::new(&engine(cache), wasm).unwrap();
    let instance = Linker::new(module.engine()).instantiate(&module).unwrap();
    let f = instance.get_typed_func::<(i32, i64), i32>("f7").unwrap();
    let result = f.call((1, 2)).unwrap();
    println!("ready {result}");
    std::io::stdout().flush().unwrap();
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

/// Sums the `Pss:` and `Rss:` lines (kB) of the mappings in `smaps` whose header names
/// `file`.
fn mapping_kib(smaps: &str, file: &str) -> (u64, u64) {
    let (mut pss, mut rss, mut inside) = (0, 0, false);
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if first.contains('-') && first.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            inside = line.contains(file);
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

fn field_kib(text: &str, name: &str) -> u64 {
    text.lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let wasm = wat::parse_str(module_wat()).unwrap();
    if let Ok(dir) = std::env::var("KESTREL_SHARED_CODE_CHILD") {
        child(Path::new(&dir), &wasm);
        return;
    }
    let n: usize = std::env::args().nth(1).map_or(10, |a| a.parse().unwrap());
    let cache = std::env::temp_dir().join(format!("kestrel-shared-code-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    let compiled = Module::new(&engine(&cache), &wasm).unwrap();
    let code = compiled.code().len();
    let entry = std::fs::read_dir(&cache).unwrap().next().unwrap().unwrap();
    let entry_name = entry.file_name().into_string().unwrap();
    let entry_size = entry.metadata().unwrap().len();
    let mut children: Vec<_> = (0..n)
        .map(|_| {
            Command::new(std::env::current_exe().unwrap())
                .env("KESTREL_SHARED_CODE_CHILD", &cache)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in &mut children {
        let mut line = String::new();
        BufReader::new(c.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(line.starts_with("ready"), "{line}");
    }
    let (mut total_pss, mut total_rss, mut entry_pss, mut entry_rss) = (0, 0, 0, 0);
    for c in &children {
        let pid = c.id();
        let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap();
        total_pss += field_kib(&rollup, "Pss:");
        total_rss += field_kib(&rollup, "Rss:");
        let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap();
        let (p, r) = mapping_kib(&smaps, &entry_name);
        entry_pss += p;
        entry_rss += r;
    }
    println!(
        "module: {} B wasm, {code} B code; cache entry {entry_size} B",
        wasm.len()
    );
    println!(
        "{n} processes: summed PSS {total_pss} KiB, summed RSS {total_rss} KiB; \
         their mappings of the cache entry: summed PSS {entry_pss} KiB, summed RSS \
         {entry_rss} KiB ({:.2}x the code, counted once would be 1.00x)",
        entry_pss as f64 * 1024.0 / code as f64
    );
    for mut c in children {
        drop(c.stdin.take());
        c.wait().unwrap();
    }
    let _ = std::fs::remove_dir_all(&cache);
}
