//! The `kestrel` command: parses the command line and dispatches to one module per
//! subcommand (`run`; `debug` to come). Values on the command line are parsed and printed
//! by `args`, failures are reported and mapped to exit codes by `failure`, and modules
//! are loaded by `load`.

mod args;
mod failure;
mod load;
mod run;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  the module trapped (message and wasm backtrace on stderr)
  2  error: unreadable file, invalid module, unresolved import, unknown export,
     wrong number of arguments or unparsable argument, bad command line";

/// Kestrel: a single-pass WebAssembly JIT for x86-64 Linux.
#[derive(Debug, Parser)]
#[command(name = "kestrel", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Instantiate a module and call `_start` or the function given by --invoke;
    /// print each result on its own line
    #[command(after_help = EXIT_CODES)]
    Run(run::RunArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with code 0; usage errors exit with 2.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(failure::EXIT_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let outcome = match &cli.command {
        Command::Run(args) => run::run(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
