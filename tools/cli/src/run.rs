//! `kestrel run`: instantiate a module (running its start function), then call `_start`
//! or the function named by `--invoke`, and print its results one per line.

use crate::args::{format_val, parse_args, reject_late_options};
use crate::failure::Failure;
use crate::load::{exported_func, exported_func_type, instantiate, load_module, DEFAULT_ENTRY};
use anyhow::{anyhow, Context as _};
use kestrel::Engine;
use std::io::Write as _;
use std::path::PathBuf;

/// Arguments of `kestrel run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The module to run: binary (.wasm) or text (.wat)
    pub file: PathBuf,

    /// Call this exported function (default: `_start` if the module exports it)
    #[arg(long, value_name = "NAME")]
    pub invoke: Option<String>,

    /// Arguments of the function, one per parameter: integers in decimal or 0x hex,
    /// floats as Rust parses them (also nan, inf, -inf), references only as null
    #[arg(value_name = "ARGS", allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// Runs `kestrel run`.
pub fn run(args: &RunArgs) -> Result<(), Failure> {
    reject_late_options(&args.args, "kestrel run FILE --invoke NAME ARGS...")?;
    let engine = Engine::default();
    let module = load_module(&engine, &args.file)?;

    // Resolve the function and its arguments before instantiating, so a typo or a bad
    // argument is reported without running the start function first.
    let entry = match &args.invoke {
        Some(name) => Some(name.as_str()),
        None => module
            .export_func_type(DEFAULT_ENTRY)
            .map(|_| DEFAULT_ENTRY),
    };
    let call = match entry {
        Some(name) => {
            let ty = exported_func_type(&module, name)?;
            Some((name, parse_args(name, &ty, &args.args)?))
        }
        None if !args.args.is_empty() => {
            return Err(anyhow!(
                "arguments given but the module exports no `{DEFAULT_ENTRY}` function; \
                 name the function to call with --invoke NAME"
            )
            .into())
        }
        None => None,
    };

    let instance = instantiate(&module)?;
    let Some((name, vals)) = call else {
        return Ok(());
    };
    let func = exported_func(&instance, name)?;
    let results = func.call(&vals)?;

    let mut out = std::io::stdout().lock();
    for val in &results {
        writeln!(out, "{}", format_val(val)).context("cannot write results")?;
    }
    out.flush().context("cannot write results")?;
    Ok(())
}
