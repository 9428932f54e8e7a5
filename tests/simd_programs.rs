//! Real SIMD programs: the peer harness's C programs of our own built with clang -O2
//! -msimd128 (`tools/peers/workloads/programs/simd_*.c`, built by that directory's
//! `build.sh`, committed as `.wasm`), run as WASI commands with a small argument on both
//! vector paths, plain and with debug instrumentation (not debugged, and debugged with a
//! breakpoint at every function's entry so the instrumented versions run). Each must print
//! what wasmtime prints for the same module and argument.
//!
//! The expected lines come from wasmtime's Python package (wasmtime 50.0.1, Cranelift),
//! for each `NAME ARG` of the table below:
//!
//! ```text
//! python3 -c 'import sys, wasmtime
//! e = wasmtime.Engine(); s = wasmtime.Store(e); l = wasmtime.Linker(e); l.define_wasi()
//! c = wasmtime.WasiConfig(); c.argv = ["program", sys.argv[2]]; c.stdout_file = "/tmp/out"
//! s.set_wasi(c)
//! m = wasmtime.Module.from_file(e, "tools/peers/workloads/programs/" + sys.argv[1] + ".wasm")
//! l.instantiate(s, m).exports(s)["_start"](s)' NAME ARG; cat /tmp/out
//! ```

#![cfg(feature = "wasi")]

use kestrel::wasi::{self, OutputBuffer, OutputStream, WasiCtxBuilder};
use kestrel::{Config, Engine, Linker, Module, Resume, VectorInstructions, WasmVersion};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// (name, module, argument, what wasmtime prints).
const PROGRAMS: &[(&str, &[u8], &str, &str)] = &[
    (
        "simd_base64",
        include_bytes!("../tools/peers/workloads/programs/simd_base64.wasm"),
        "1",
        "base64 rounds=1 bytes=3145728 text=4194304 checksum=12f9f776\n",
    ),
    (
        "simd_matrix",
        include_bytes!("../tools/peers/workloads/programs/simd_matrix.wasm"),
        "20",
        "matrix rounds=20 col0=(-0.078040 0.052277 -0.110990 -0.299040) \
         check=(3.272822 2.719377 2.773137 4.776391) hash=19036cb7\n",
    ),
    (
        "simd_blur",
        include_bytes!("../tools/peers/workloads/programs/simd_blur.wasm"),
        "1",
        "blur rounds=1 1024x768 blurred=100350879 sharpened=100199340 hash=6694f4df\n",
    ),
    (
        "simd_search",
        include_bytes!("../tools/peers/workloads/programs/simd_search.wasm"),
        "1",
        "search rounds=1 bytes=1048576 lines=11677 matches=5851 hops=21230 hash=07164f16\n",
    ),
    (
        "simd_hash",
        include_bytes!("../tools/peers/workloads/programs/simd_hash.wasm"),
        "1",
        "hash rounds=1 bytes=1048576 digest=73ad38cb84f66644836fb5f62a12e251 \
         checksum=0ec349e2\n",
    ),
    (
        "simd_autovec",
        include_bytes!("../tools/peers/workloads/programs/simd_autovec.wasm"),
        "2",
        "autovec rounds=2 min=-46135282 max=46392019 equal=65783 dots=-3163601264 \
         check=653129db\n",
    ),
];

/// The configurations: (name, vector path, debug instrumentation, debugged).
const CONFIGS: &[(&str, VectorInstructions, bool, bool)] = &[
    ("default", VectorInstructions::Detect, false, false),
    ("sse41", VectorInstructions::Sse41, false, false),
    ("debug", VectorInstructions::Detect, true, false),
    ("debug sse41", VectorInstructions::Sse41, true, false),
    ("debugged", VectorInstructions::Detect, true, true),
    ("debugged sse41", VectorInstructions::Sse41, true, true),
];

/// Runs `wasm` as a WASI command with `arg`: its exit status, its stdout, and how many
/// debug stops it made (entry breakpoints on every defined function if `debugged`).
fn run(config: &Config, wasm: &[u8], arg: &str, debugged: bool) -> (i32, String, usize) {
    let engine = Engine::new(config);
    let module = Module::from_binary(&engine, wasm).unwrap();
    let out = OutputBuffer::new();
    let ctx = WasiCtxBuilder::new()
        .arg("program")
        .arg(arg)
        .stdout(OutputStream::Buffer(out.clone()))
        .build();
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &ctx);
    let instance = linker.instantiate(&module).unwrap();
    let stops = Arc::new(AtomicUsize::new(0));
    if debugged {
        let debugger = instance.debugger().unwrap();
        // Imported functions have no entry to break at; every defined one does.
        let set = (0..module.num_funcs())
            .filter(|&f| debugger.set_entry_breakpoint(f).is_ok())
            .count();
        assert!(set > 0, "no entry breakpoint could be set");
        let counter = stops.clone();
        debugger.set_handler(move |_, _| {
            counter.fetch_add(1, Ordering::Relaxed);
            Resume::Continue
        });
    }
    let status = wasi::run_start(&instance).unwrap();
    let stdout = String::from_utf8(out.contents()).unwrap();
    (status, stdout, stops.load(Ordering::Relaxed))
}

fn check_program(name: &str) {
    let &(_, wasm, arg, expected) = PROGRAMS.iter().find(|p| p.0 == name).unwrap();
    for &(config_name, vectors, debug, debugged) in CONFIGS {
        let mut config = Config::new();
        config
            .vector_instructions(vectors)
            .debug_instrumentation(debug);
        let (status, stdout, stops) = run(&config, wasm, arg, debugged);
        assert_eq!(
            (status, stdout.as_str()),
            (0, expected),
            "{name} {arg} ({config_name})"
        );
        if debugged {
            assert!(stops > 0, "{name} ({config_name}): no debug stop");
        }
    }
}

#[test]
fn base64_round_trips_on_every_path() {
    check_program("simd_base64");
}

#[test]
fn matrix_chains_match_on_every_path() {
    check_program("simd_matrix");
}

#[test]
fn blur_matches_on_every_path() {
    check_program("simd_blur");
}

#[test]
fn search_matches_on_every_path() {
    check_program("simd_search");
}

#[test]
fn hash_matches_on_every_path() {
    check_program("simd_hash");
}

#[test]
fn autovec_loops_match_on_every_path() {
    check_program("simd_autovec");
}

#[test]
fn the_programs_use_fixed_width_simd_only() {
    for &(name, wasm, _, _) in PROGRAMS {
        // WebAssembly 1.0 refuses them for their SIMD instructions...
        let mut v1 = Config::new();
        v1.wasm_version(WasmVersion::V1);
        let refused = Module::from_binary(&Engine::new(&v1), wasm).err();
        let reason = refused.map(|e| e.to_string()).unwrap_or_default();
        assert!(reason.contains("SIMD"), "{name} under 1.0: {reason:?}");
        // ...and none is relaxed, so no output depends on a relaxed choice.
        let mut fixed = Config::new();
        fixed.relaxed_simd(false);
        Module::from_binary(&Engine::new(&fixed), wasm).unwrap();
    }
}
