//! Differential testing of Kestrel against the `wasmi` interpreter.
//!
//! - `oracle`: runs a module on Kestrel (plain and instrumented, with and without the
//!   convention canaries) and on wasmi, and compares everything observable.
//! - `smith`: the `smith` and `swarm` generators (`wasm-smith`, with a fixed or a per-seed
//!   configuration).
//! - `shaped`: the `shaped` generator, modules shaped like the code a single-pass
//!   compiler finds hardest.
//! - `matrix`: the location matrix, every operand location against every consumer,
//!   enumerated.
//! - `reduce`: shrinking a failing module while it still fails.
//! - `rng`: the seeded random stream every generator draws from.
//! - `debug_ops`: the debug-operation fuzzer, random debugger sessions on generated
//!   modules checked against invariants (`record` makes a module record its callers'
//!   locals).
//!
//! - `wasi_calls`: the WASI-call fuzzer, random sequences of hostile calls to every
//!   preview1 function in a sandbox, checked against the host's bounds; `heap` is the
//!   counting allocator it measures host memory with.
//!
//! The `kestrel-fuzz` command (`src/main.rs`) runs any generator for as many seeds as
//! asked, on every core, and saves each divergence reduced.

pub mod debug_ops;
pub mod heap;
pub mod matrix;
pub mod oracle;
pub mod reduce;
pub mod rng;
pub mod shaped;
pub mod smith;
pub mod wasi_calls;

/// A module generator: the module for a seed, or None if it cannot build one from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generator {
    /// `wasm-smith` with one fixed configuration.
    Smith,
    /// `wasm-smith` with a configuration drawn per seed.
    Swarm,
    /// Compiler-shaped modules (`shaped`).
    Shaped,
    /// `wasm-smith` with exception handling (tags, throws, `try_table`): wasmi cannot
    /// run them, so wasmtime is their reference (`oracle::Oracle::check`).
    SmithExceptions,
    /// Compiler-shaped modules with typed function references and declared subtypes
    /// (`shaped::shaped_typed`): wasmi cannot run them, so wasmtime is their reference.
    ShapedTyped,
    /// Compiler-shaped modules with throws and catches across calls
    /// (`shaped::shaped_exceptions`): wasmtime is their reference.
    ShapedExceptions,
}

impl Generator {
    /// Every generator, by name.
    pub const ALL: [(&'static str, Generator); 6] = [
        ("smith", Generator::Smith),
        ("swarm", Generator::Swarm),
        ("shaped", Generator::Shaped),
        ("smith-exceptions", Generator::SmithExceptions),
        ("shaped-typed", Generator::ShapedTyped),
        ("shaped-exceptions", Generator::ShapedExceptions),
    ];

    /// The generator called `name`.
    pub fn by_name(name: &str) -> Option<Generator> {
        Generator::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, g)| *g)
    }

    /// The generator's name.
    pub fn name(self) -> &'static str {
        Generator::ALL
            .iter()
            .find(|(_, g)| *g == self)
            .map(|(n, _)| *n)
            .expect("every generator is listed")
    }

    /// The module for `seed`.
    pub fn generate(self, seed: u64) -> Option<Vec<u8>> {
        match self {
            Generator::Smith => smith::smith(seed),
            Generator::Swarm => smith::swarm(seed),
            Generator::Shaped => shaped::shaped(seed),
            Generator::SmithExceptions => smith::smith_exceptions(seed),
            Generator::ShapedTyped => shaped::shaped_typed(seed),
            Generator::ShapedExceptions => shaped::shaped_exceptions(seed),
        }
    }
}
