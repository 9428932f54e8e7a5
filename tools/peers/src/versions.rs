//! Versions of everything measured, as locked in Cargo.lock when this binary was built
//! (see `build.rs`).

pub const KESTREL: &str = env!("PEERS_VERSION_KESTREL");
pub const WASMTIME: &str = env!("PEERS_VERSION_WASMTIME");
pub const WASMER: &str = env!("PEERS_VERSION_WASMER");
pub const WASMI: &str = env!("PEERS_VERSION_WASMI");
pub const RUSTC: &str = env!("PEERS_RUSTC_VERSION");
/// Git commit of the Kestrel sources built in, and whether `src/` had local changes.
pub const KESTREL_COMMIT: &str = env!("PEERS_KESTREL_COMMIT");
