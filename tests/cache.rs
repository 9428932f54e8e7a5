//! Compiled modules as files (`Module::serialize`, `Module::deserialize_file`) and the
//! code cache (`Config::cache_dir`): round trips, refusal of every kind of damage,
//! concurrent processes writing and reading one entry, and a cached debuggable module
//! debugged with breakpoints.

use kestrel::{Config, Engine, Linker, Module, Resume, Val};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const WAT: &str = r#"
(module
  (type $binop (func (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "kestrel")
  (global $count (export "count") (mut i32) (i32.const 40))
  (table 2 funcref)
  (elem (i32.const 0) $add $mul)
  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $mul (type $binop) (i32.mul (local.get 0) (local.get 1)))
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add
        (call $fib (i32.sub (local.get $n) (i32.const 1)))
        (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "apply") (param i32 i32 i32) (result i32)
    (call_indirect (type $binop) (local.get 1) (local.get 2) (local.get 0)))
  (func (export "byte") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "bump") (result i32)
    (global.set $count (i32.add (global.get $count) (i32.const 2)))
    (global.get $count)))
"#;

/// A fresh directory for one test.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kestrel-cache-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn engine(debug: bool, cache: Option<&Path>) -> Engine {
    let mut config = Config::new();
    config.debug_instrumentation(debug);
    if let Some(dir) = cache {
        config.cache_dir(dir);
    }
    Engine::new(&config)
}

/// What the module's exports answer.
fn observe(module: &Module) -> Vec<i32> {
    let instance = Linker::new(module.engine()).instantiate(module).unwrap();
    let call = |name: &str, args: &[Val]| {
        instance.get_func(name).unwrap().call(args).unwrap()[0]
            .i32()
            .unwrap()
    };
    vec![
        call("fib", &[Val::I32(20)]),
        call("apply", &[Val::I32(0), Val::I32(5), Val::I32(7)]),
        call("apply", &[Val::I32(1), Val::I32(5), Val::I32(7)]),
        call("byte", &[Val::I32(17)]),
        call("bump", &[]),
        call("bump", &[]),
    ]
}

/// Whether `module`'s code is mapped from a file whose path contains `name`.
fn code_is_mapped_from(module: &Module, name: &str) -> bool {
    let (start, _) = module.code_range();
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    maps.lines().any(|l| {
        let mut fields = l.split_whitespace();
        let Some((a, b)) = fields.next().and_then(|r| r.split_once('-')) else {
            return false;
        };
        let (a, b) = (
            usize::from_str_radix(a, 16).unwrap(),
            usize::from_str_radix(b, 16).unwrap(),
        );
        let perms = fields.next().unwrap_or("");
        (a..b).contains(&start) && perms == "r-xp" && l.contains(name)
    })
}

#[test]
fn a_module_round_trips_through_a_file_and_runs_alike() {
    let dir = scratch_dir("round-trip");
    for debug in [false, true] {
        let engine = engine(debug, None);
        let compiled = Module::new(&engine, WAT).unwrap();
        let expected = observe(&compiled);
        assert_eq!(expected, [6765, 12, 35, b'e' as i32, 42, 44]);
        let path = dir.join(format!("module-{debug}.kwasm"));
        compiled.serialize_to_file(&path).unwrap();
        let loaded = Module::deserialize_file(&engine, &path).unwrap();
        assert!(
            code_is_mapped_from(&loaded, "module-"),
            "code not mapped from the file"
        );
        assert_eq!(loaded.code(), compiled.code(), "same code bytes");
        assert_eq!(observe(&loaded), expected);
        assert_eq!(loaded.exports(), compiled.exports());
        assert_eq!(loaded.func_name(2), compiled.func_name(2));
        // A second load of the same file, and the loaded module written again.
        let again = Module::deserialize_file(&engine, &path).unwrap();
        assert_eq!(observe(&again), expected);
        assert_eq!(loaded.serialize(), compiled.serialize());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The message of the error loading `bytes` (written to a file) gives, or None if it loads.
fn load_error(engine: &Engine, dir: &Path, bytes: &[u8]) -> Option<String> {
    let path = dir.join("damaged.kwasm");
    std::fs::write(&path, bytes).unwrap();
    Module::deserialize_file(engine, &path)
        .err()
        .map(|e| e.to_string())
}

#[test]
fn every_kind_of_damage_is_refused() {
    let dir = scratch_dir("damage");
    let engine = engine(false, None);
    let good = Module::new(&engine, WAT).unwrap().serialize();
    assert!(load_error(&engine, &dir, &good).is_none());
    // Truncated anywhere.
    for len in [0, 7, 8, 23, 24, 40, 4096, good.len() / 2, good.len() - 1] {
        let err = load_error(&engine, &dir, &good[..len]).expect("a truncated file is refused");
        assert!(err.contains("not a usable compiled module"), "{len}: {err}");
    }
    // A flipped bit anywhere: every byte of the header and the first code page, then
    // every 7th byte.
    let mut positions: Vec<usize> = (0..4200.min(good.len())).collect();
    positions.extend((4200..good.len()).step_by(7));
    positions.push(good.len() - 1);
    for &at in &positions {
        let mut bad = good.clone();
        bad[at] ^= 0x10;
        let err = load_error(&engine, &dir, &bad);
        // Magic, format version and reserved bytes are checked, everything after the
        // checksum field (the padding after the header included) is checksummed.
        assert!(
            err.is_some(),
            "a flip at byte {at} of {} loaded",
            good.len()
        );
    }
    // Another Kestrel version, with a valid checksum.
    let version = env!("CARGO_PKG_VERSION");
    let at = good
        .windows(version.len())
        .position(|w| w == version.as_bytes())
        .unwrap();
    let mut other = good.clone();
    other[at] = if other[at] == b'9' { b'8' } else { b'9' };
    let sum = xxhash_rust::xxh3::xxh3_64(&other[24..]);
    other[16..24].copy_from_slice(&sum.to_le_bytes());
    let err = load_error(&engine, &dir, &other).unwrap();
    assert!(err.contains("written by Kestrel"), "{err}");
    // Other settings: a debuggable module's file, loaded by a plain engine, and a plain
    // one by an engine with explicit bounds checks.
    let debug = Module::new(&self::engine(true, None), WAT)
        .unwrap()
        .serialize();
    let err = load_error(&engine, &dir, &debug).unwrap();
    assert!(err.contains("settings"), "{err}");
    let mut explicit = Config::new();
    explicit.bounds_checks(kestrel::BoundsChecks::Explicit);
    let err = load_error(&Engine::new(&explicit), &dir, &good).unwrap();
    assert!(err.contains("settings"), "{err}");
    // The vector path is a setting: a file compiled with the SSE4.1 baseline forced is
    // refused by an engine that uses AVX2, as an AVX2 file is on a CPU without it (which
    // resolves to the baseline), and relaxed SIMD (what validates) is one too.
    let mut sse41 = Config::new();
    sse41.vector_instructions(kestrel::VectorInstructions::Sse41);
    let baseline = Module::new(&Engine::new(&sse41), WAT).unwrap().serialize();
    if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("avx") {
        let err = load_error(&engine, &dir, &baseline).unwrap();
        assert!(
            err.contains("vector=Sse41") && err.contains("vector=Avx2"),
            "{err}"
        );
    }
    let mut strict = Config::new();
    strict.relaxed_simd(false);
    let err = load_error(&Engine::new(&strict), &dir, &good).unwrap();
    assert!(err.contains("relaxed_simd=true"), "{err}");
    // Not a compiled module at all.
    let wasm = wat::parse_str(WAT).unwrap();
    let err = load_error(&engine, &dir, &wasm).unwrap();
    assert!(err.contains("magic"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `bytes` as another build of the same Kestrel version would have written them: the
/// build fingerprint in the header changed, the checksum made valid again.
fn as_another_build(bytes: &[u8]) -> Vec<u8> {
    let marker = b" build ";
    let at = bytes
        .windows(marker.len())
        .position(|w| w == marker)
        .expect("the header names the build")
        + marker.len();
    let mut other = bytes.to_vec();
    other[at] = if other[at] == b'0' { b'1' } else { b'0' };
    let sum = xxhash_rust::xxh3::xxh3_64(&other[24..]);
    other[16..24].copy_from_slice(&sum.to_le_bytes());
    other
}

#[test]
fn a_file_from_another_build_of_this_version_is_refused_and_recompiled_in_the_cache() {
    let dir = scratch_dir("build");
    let engine = engine(false, None);
    let good = Module::new(&engine, WAT).unwrap().serialize();
    // The header names this version and a 16-digit build fingerprint.
    let named = format!("{} build ", env!("CARGO_PKG_VERSION"));
    let at = good
        .windows(named.len())
        .position(|w| w == named.as_bytes())
        .expect("the header names the version and the build");
    let fingerprint = &good[at + named.len()..at + named.len() + 16];
    assert!(
        fingerprint.iter().all(u8::is_ascii_hexdigit),
        "{fingerprint:?}"
    );
    let err = load_error(&engine, &dir, &as_another_build(&good)).unwrap();
    assert!(
        err.contains("written by Kestrel") && err.contains("build"),
        "{err}"
    );
    // A cache entry of another build under this build's name is compiled again and
    // replaced.
    let cache = scratch_dir("build-cache");
    let first = Module::new(&self::engine(false, Some(&cache)), WAT).unwrap();
    let entry = std::fs::read_dir(&cache)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let bytes = std::fs::read(&entry).unwrap();
    std::fs::write(&entry, as_another_build(&bytes)).unwrap();
    let second = Module::new(&self::engine(false, Some(&cache)), WAT).unwrap();
    assert!(
        !code_is_mapped_from(&second, ".kwasm"),
        "another build's entry is not used"
    );
    assert_eq!(observe(&second), observe(&first));
    assert_eq!(
        std::fs::read(&entry).unwrap(),
        bytes,
        "the entry was replaced"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&cache).unwrap();
}

#[test]
fn the_cache_compiles_once_then_maps_and_replaces_a_damaged_entry() {
    let dir = scratch_dir("cache");
    let entries = || -> Vec<PathBuf> {
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    };
    let first = Module::new(&engine(false, Some(&dir)), WAT).unwrap();
    assert!(!code_is_mapped_from(&first, ".kwasm"), "a miss compiles");
    let listed = entries();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(listed[0].extension().is_some_and(|e| e == "kwasm"));
    let second = Module::new(&engine(false, Some(&dir)), WAT).unwrap();
    assert!(
        code_is_mapped_from(&second, ".kwasm"),
        "a hit maps the entry"
    );
    assert_eq!(observe(&second), observe(&first));
    // Other settings: another entry.
    let debug = Module::new(&engine(true, Some(&dir)), WAT).unwrap();
    assert_eq!(observe(&debug), observe(&first));
    assert_eq!(entries().len(), 2);
    // A damaged entry is compiled again and replaced.
    let mut bytes = std::fs::read(&listed[0]).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(&listed[0], &bytes).unwrap();
    let third = Module::new(&engine(false, Some(&dir)), WAT).unwrap();
    assert!(!code_is_mapped_from(&third, ".kwasm"));
    assert_eq!(observe(&third), observe(&first));
    let fourth = Module::new(&engine(false, Some(&dir)), WAT).unwrap();
    assert!(
        code_is_mapped_from(&fourth, ".kwasm"),
        "the entry was replaced"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// In a child process (see below): loads the module through the cache in the directory
/// the parent names and prints what it answers.
#[test]
fn child_process_using_the_cache() {
    let Ok(dir) = std::env::var("KESTREL_CACHE_TEST_DIR") else {
        return;
    };
    let module = Module::new(&engine(false, Some(Path::new(&dir))), WAT).unwrap();
    println!("ANSWER {:?}", observe(&module));
}

#[test]
fn concurrent_processes_write_and_read_one_entry() {
    let dir = scratch_dir("processes");
    let exe = std::env::current_exe().unwrap();
    for round in 0..2 {
        // Round 0: every process misses and writes; round 1: every process maps.
        let children: Vec<_> = (0..6)
            .map(|_| {
                std::process::Command::new(&exe)
                    .args(["--exact", "child_process_using_the_cache", "--nocapture"])
                    .env("KESTREL_CACHE_TEST_DIR", &dir)
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: a child failed");
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.contains("ANSWER [6765, 12, 35, 101, 42, 44]"),
                "round {round}: {text}"
            );
        }
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(
            names.len(),
            1,
            "one entry, no temporary files left: {names:?}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_cached_debuggable_module_is_debugged_with_breakpoints() {
    let dir = scratch_dir("debug");
    let _miss = Module::new(&engine(true, Some(&dir)), WAT).unwrap();
    let engine = engine(true, Some(&dir));
    let module = Module::new(&engine, WAT).unwrap();
    assert!(code_is_mapped_from(&module, ".kwasm"));
    assert!(module.instrumented_versions().is_empty());
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let dbg = instance.debugger().unwrap();
    let fib = module.func_index("fib").unwrap();
    dbg.set_entry_breakpoint(fib).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    dbg.set_handler(move |_, frame| {
        s.lock()
            .unwrap()
            .push(frame.local(0).unwrap().i32().unwrap());
        Resume::Continue
    });
    let f = instance.get_typed_func::<i32, i32>("fib").unwrap();
    assert_eq!(f.call(4).unwrap(), 3);
    assert_eq!(*seen.lock().unwrap(), vec![4, 3, 2, 1, 0, 1, 2, 1, 0]);
    assert_eq!(module.instrumented_versions().len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The features an engine accepts are part of a cache entry's key: an engine without
/// typed function references (or tail calls, or exceptions) refuses a module using them
/// even when an engine with them cached it.
#[test]
fn a_cached_module_is_not_accepted_without_its_features() {
    let dir = scratch_dir("features");
    let typed = r#"(module
      (type $f (func (result i32)))
      (func $one (type $f) (i32.const 1))
      (elem declare func $one)
      (func (export "run") (result i32) (call_ref $f (ref.func $one))))"#;
    let mut with = Config::new();
    with.cache_dir(&dir);
    let cached = Module::new(&Engine::new(&with), typed).unwrap();
    assert_eq!(observe_run(&cached), 1);
    let mut without = Config::new();
    without.cache_dir(&dir).function_references(false);
    match Module::new(&Engine::new(&without), typed) {
        Err(kestrel::Error::Invalid(_)) => {}
        other => panic!("expected an invalid module, got {:?}", other.map(|_| ())),
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

fn observe_run(module: &Module) -> i32 {
    let instance = Linker::new(module.engine()).instantiate(module).unwrap();
    instance.get_func("run").unwrap().call(&[]).unwrap()[0]
        .i32()
        .unwrap()
}
