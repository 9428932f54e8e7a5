//! The WASI-call fuzzer (`kestrel_fuzz::wasi_calls`) in `cargo test`: a few hundred
//! sequences of hostile calls to every preview1 function, each in its own sandbox;
//! `kestrel-fuzz --wasi-calls` runs millions.
//!
//! Prints `wasi-calls: N sequences, C calls (S succeeded, R refused with an errno), F
//! failed`, lists every failure with its seed, and fails on any.
//! `KESTREL_WASI_CALLS_SEEDS=N` runs N sequences, `KESTREL_WASI_CALLS_START=S` starts at
//! seed S.

use kestrel_fuzz::wasi_calls::{readdir_heap, sequence, Verdict};

// The sequences hold each call to a bound on the host heap it takes.
#[global_allocator]
static HEAP: kestrel_fuzz::heap::Counting = kestrel_fuzz::heap::Counting;

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|s| s.parse().ok())
}

/// A directory a guest made large costs `fd_readdir` no more host memory than the
/// guest's buffer: 20,000 entries of 100-byte names (2 MB of names), a 4 KiB buffer.
fn a_large_directory_is_read_in_bounded_memory() {
    let dir = std::env::temp_dir().join(format!("kestrel-readdir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..20_000 {
        std::fs::write(dir.join(format!("{i:0>100}")), b"").unwrap();
    }
    let taken = readdir_heap(&dir, 4096).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    println!("wasi-calls: fd_readdir of 20,000 entries into 4 KiB took {taken} bytes of heap");
    assert!(
        taken < 256 << 10,
        "fd_readdir took {taken} bytes of host heap"
    );
}

fn main() {
    a_large_directory_is_read_in_bounded_memory();
    let seeds = env_u64("KESTREL_WASI_CALLS_SEEDS").unwrap_or(300);
    let start = env_u64("KESTREL_WASI_CALLS_START").unwrap_or(0);
    let (mut calls, mut succeeded, mut refused) = (0u64, 0u64, 0u64);
    let mut succeeded_functions = 0u64;
    let mut failures = Vec::new();
    for seed in start..start + seeds {
        match sequence(seed, 100) {
            Verdict::Pass(r) => {
                calls += r.calls;
                succeeded += r.succeeded;
                refused += r.refused;
                succeeded_functions |= r.succeeded_functions;
            }
            Verdict::Fail(why) => failures.push((seed, why)),
        }
    }
    for (seed, why) in &failures {
        println!("wasi-calls: seed {seed} failed: {why}");
    }
    println!(
        "wasi-calls: {seeds} sequences, {calls} calls ({succeeded} succeeded, {refused} \
         refused with an errno), {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} WASI-call sequences failed",
        failures.len()
    );
    // Calls must get past the argument checks, or the sequences test little: every
    // function that can succeed here did at least once (sockets do not exist, proc_raise
    // is not supported, proc_exit ends the call).
    let never: Vec<&str> = kestrel::wasi::functions()
        .enumerate()
        .filter(|(i, _)| succeeded_functions & (1 << i) == 0)
        .map(|(_, (name, _))| name)
        .filter(|name| !name.starts_with("sock_") && !name.starts_with("proc_"))
        .collect();
    assert!(never.is_empty(), "never succeeded: {never:?}");
}
