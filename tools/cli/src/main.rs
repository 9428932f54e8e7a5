//! The `kestrel` command: parses the command line and dispatches to one module per
//! subcommand (`run`, `debug`). Values on the command line are parsed and printed
//! by `args`, failures are reported and mapped to exit codes by `failure`, modules are
//! loaded by `load`, and function names are resolved by `names`.

mod args;
mod compile;
mod debug;
mod failure;
mod load;
mod names;
mod run;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  the module trapped (message and wasm backtrace on stderr)
  2  error: unreadable file, invalid module, unresolved import, unknown export,
     wrong number of arguments or unparsable argument, bad command line
  N  a WASI program's exit status (proc_exit), when it calls proc_exit";

/// Kestrel: a single-pass WebAssembly JIT for x86-64 Linux.
#[derive(Debug, Parser)]
#[command(name = "kestrel", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Instantiate a module with WASI and run its `_start` with the program's arguments,
    /// or call the function given by --invoke and print each result on its own line
    #[command(after_help = EXIT_CODES)]
    Run(run::RunArgs),
    /// Instantiate a module compiled for debugging and read debugger commands from stdin
    /// (break, run, continue, step, next, finish, bt, locals, stack, global, x, set local,
    /// quit; `help` lists them)
    #[command(after_help = EXIT_CODES)]
    Debug(debug::DebugArgs),
    /// Compile a module to a file that `kestrel run` and `kestrel debug` (and
    /// `Module::deserialize_file`) map without compiling
    Compile(compile::CompileArgs),
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
        Command::Debug(args) => debug::debug(args),
        Command::Compile(args) => compile::compile(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
