//! `kestrel compile`: compile a module once and write it as a compiled-module file, which
//! `kestrel run`, `kestrel debug` and `Module::deserialize_file` map without compiling
//! (its code read+execute straight from the file, shared by every process that runs it).

use crate::failure::Failure;
use crate::load::load_module;
use anyhow::anyhow;
use kestrel::{Config, Engine};
use std::path::PathBuf;

/// Arguments of `kestrel compile`.
#[derive(Debug, clap::Args)]
pub struct CompileArgs {
    /// The module to compile: binary (.wasm) or text (.wat)
    pub file: PathBuf,

    /// Where to write the compiled module (conventionally `.kwasm`); written to a
    /// temporary file beside it, then renamed
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: PathBuf,

    /// Compile for debugging (for `kestrel debug` and `kestrel run -g`); a file compiled
    /// without it runs only without a debugger, and the other way round
    #[arg(long)]
    pub debug: bool,
}

/// Runs `kestrel compile`.
pub fn compile(args: &CompileArgs) -> Result<(), Failure> {
    let mut config = Config::new();
    config.debug_instrumentation(args.debug);
    let module = load_module(&Engine::new(&config), &args.file)?;
    module
        .serialize_to_file(&args.output)
        .map_err(|e| anyhow!("{e}").into())
}
