//! `kestrel run`: instantiate a module with WASI preview1 (running its start function),
//! then run the WASI command's `_start` with the program's arguments, or call the
//! function named by `--invoke` with typed arguments and print its results one per line.
//! A program's `proc_exit` status becomes the process's exit status.

use crate::args::{format_val, parse_args, reject_late_options};
use crate::failure::Failure;
use crate::load::{
    exported_func, exported_func_type, instantiate, load_module, WasiArgs, DEFAULT_ENTRY,
};
use anyhow::{anyhow, Context as _};
use kestrel::Engine;
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

/// Arguments of `kestrel run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The module to run: binary (.wasm), text (.wat), or compiled (`kestrel compile`)
    pub file: PathBuf,

    /// Keep compiled modules in DIR: a module compiled before (with the same settings) is
    /// mapped from there instead of compiled; DIR must not be writable by anyone you do
    /// not trust
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,

    /// Call this exported function with typed ARGS instead of running `_start`
    #[arg(long, value_name = "NAME")]
    pub invoke: Option<String>,

    /// Wait for LLDB (or another GDB remote client) on [ADDR:]PORT and debug the call
    /// with it: the program starts paused at its first instruction
    #[arg(short = 'g', long = "gdb", value_name = "[ADDR:]PORT")]
    pub gdb: Option<String>,

    /// With --gdb: run at once, and let a debugger attach on [ADDR:]PORT at any time
    /// while the program runs (it stops where the program is, and runs on after it
    /// detaches)
    #[arg(long, requires = "gdb")]
    pub no_wait: bool,

    /// Stop the call once it has run SECS seconds (a decimal number such as 2 or 0.5):
    /// it ends with the trap "interrupted" (exit status 1), wherever it is
    #[arg(long, value_name = "SECS", value_parser = parse_timeout)]
    pub timeout: Option<Duration>,

    /// Count fuel (one unit per instruction, paid per function call and loop iteration;
    /// see `Config::consume_fuel`): the instance starts with UNITS, and running out ends
    /// the program with the trap "all fuel consumed" (exit status 1)
    #[arg(long, value_name = "UNITS")]
    pub fuel: Option<u64>,

    /// What the WASI program is given
    #[command(flatten)]
    pub wasi: WasiArgs,

    /// Without --invoke: the program's arguments (argv[0] is FILE as given; put `--`
    /// before the first one if it starts with `-`). With --invoke: the function's
    /// arguments, one per parameter: integers in decimal or 0x hex, floats as Rust parses
    /// them (also nan, inf, -inf), references only as null
    #[arg(value_name = "ARGS", allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// Runs `kestrel run`.
pub fn run(args: &RunArgs) -> Result<(), Failure> {
    let mut config = crate::load::config_with_cache(args.cache.as_deref());
    config.debug_instrumentation(args.gdb.is_some());
    if let Some(units) = args.fuel {
        config.consume_fuel(true).initial_fuel(units);
    }
    let engine = Engine::new(&config);
    let module = load_module(&engine, &args.file)?;

    // Resolve the function and its arguments before instantiating, so a typo or a bad
    // argument is reported without running the start function first.
    let (call, program_args) = match &args.invoke {
        Some(name) => {
            reject_late_options(&args.args, "kestrel run FILE --invoke NAME ARGS...")?;
            let ty = exported_func_type(&module, name)?;
            let vals = parse_args(name, &ty, &args.args)?;
            (Some((name.as_str(), vals)), &[][..])
        }
        None if module.export_func_type(DEFAULT_ENTRY).is_some() => {
            (Some((DEFAULT_ENTRY, Vec::new())), &args.args[..])
        }
        None if !args.args.is_empty() => {
            // Not a WASI command: an option after the arguments was meant for kestrel.
            reject_late_options(&args.args, "kestrel run FILE --invoke NAME ARGS...")?;
            return Err(anyhow!(
                "arguments given but the module exports no `{DEFAULT_ENTRY}` function; \
                 name the function to call with --invoke NAME"
            )
            .into());
        }
        None => (None, &[][..]),
    };

    let instance = instantiate(&module, &args.file, program_args, &args.wasi)?;
    let Some((name, vals)) = call else {
        return Ok(());
    };
    let func = exported_func(&instance, name)?;
    let _watchdog = args
        .timeout
        .map(|limit| Watchdog::start(instance.interrupt_handle(), limit));
    let results = match &args.gdb {
        None => func.call(&vals)?,
        Some(addr) => {
            let addr = if addr.contains(':') {
                addr.clone()
            } else {
                format!("127.0.0.1:{addr}")
            };
            let name = args.file.file_name().map_or_else(
                || args.file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            if args.no_wait {
                let at: std::net::SocketAddr = addr
                    .parse()
                    .map_err(|e| anyhow!("`{addr}` is not an address and port: {e}"))?;
                let mut attach = kestrel::gdb::AttachListener::new(at.ip());
                attach.add(&name, &instance, at.port())?;
                let running = attach.start()?;
                eprintln!("kestrel: a debugger may attach on {addr}");
                let outcome = func.call(&vals);
                running.stop();
                outcome?
            } else {
                let listener = std::net::TcpListener::bind(&addr)
                    .map_err(|e| anyhow!("cannot listen on {addr}: {e}"))?;
                eprintln!("kestrel: waiting for a debugger on {addr}");
                let (stream, _) = listener
                    .accept()
                    .map_err(|e| anyhow!("cannot accept a debugger on {addr}: {e}"))?;
                let session = kestrel::gdb::GdbSession::start(&instance, &name, stream)?;
                let outcome = func.call(&vals);
                session.finish(&outcome)?;
                outcome?
            }
        }
    };

    let mut out = std::io::stdout().lock();
    for val in &results {
        writeln!(out, "{}", format_val(val)).context("cannot write results")?;
    }
    out.flush().context("cannot write results")?;
    Ok(())
}

/// `--timeout`: seconds, finite and positive.
fn parse_timeout(text: &str) -> Result<Duration, String> {
    let secs: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if secs.is_nan() || secs <= 0.0 {
        return Err(format!(
            "the timeout must be more than 0 seconds, not {text}"
        ));
    }
    Duration::try_from_secs_f64(secs).map_err(|_| format!("`{text}` seconds is too long"))
}

/// Interrupts the call when its time is up, unless dropped first (the call ended).
struct Watchdog {
    /// Dropping it wakes the watchdog's thread, which then ends.
    _done: mpsc::Sender<()>,
}

impl Watchdog {
    fn start(handle: kestrel::InterruptHandle, limit: Duration) -> Watchdog {
        let (done, wait) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limit) {
                eprintln!("kestrel: the call ran past --timeout; stopping it");
                handle.interrupt();
            }
        });
        Watchdog { _done: done }
    }
}
