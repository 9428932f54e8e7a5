//! `kestrel debug`: compile a module with debug instrumentation, instantiate it, then read
//! debugger commands from stdin, one per line (see `command` for the language): set
//! breakpoints, `run` the function given by --invoke, and at each stop inspect the frame
//! (`inspect`) and choose how to resume.
//!
//! DESIGN: one thread. The library calls the stop handler synchronously on the thread that
//! runs the wasm code, and a stop's `Frame` is valid only inside that call. So the call
//! runs on the main thread, and the handler itself reads the commands typed at a stop,
//! from the same input as the session loop that reads them while nothing runs, until one
//! resumes execution; its answer goes back to the library as the handler's `Resume`.
//! No channel or second thread is needed, and inspection reads the frame where it lives.
//!
//! End of input while stopped lets the call run to its end without further stops (no
//! script can hang waiting for a command), prints how it ended, and the session ends.
//!
//! Ctrl-C while the call runs (not at a prompt) asks the library to pause it: the request
//! comes from the `ctrlc` crate's thread, and the stop (`stop pause ...`) then arrives on
//! the main thread like any other. At a prompt Ctrl-C is ignored; `quit` or the end of the
//! input ends the session.

mod command;
mod inspect;

use crate::args::{format_val, parse_args, reject_late_options};
use crate::failure::{format_func, format_location, one_line, Failure};
use crate::load::{
    exported_func, exported_func_type, instantiate, load_module, WasiArgs, DEFAULT_ENTRY,
};
use crate::names::FuncNames;
use anyhow::{anyhow, bail, Result};
use command::Command;
use kestrel::{Breakpoint, DebugEvent, Debugger, Engine, Frame, Func, Resume, Val};
use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What the debugger shows before reading a command from a terminal.
const PROMPT: &str = "(kdb) ";

/// Arguments of `kestrel debug`.
#[derive(Debug, clap::Args)]
pub struct DebugArgs {
    /// The module to debug: binary (.wasm), text (.wat), or compiled with `kestrel
    /// compile --debug`
    pub file: PathBuf,

    /// Keep compiled modules in DIR, as for `kestrel run`
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,

    /// The exported function that `run` calls (default: `_start` if the module exports it)
    #[arg(long, value_name = "NAME")]
    pub invoke: Option<String>,

    /// What the WASI program is given, as for `kestrel run`
    #[command(flatten)]
    pub wasi: WasiArgs,

    /// Without --invoke: the program's arguments; with --invoke: the function's
    /// arguments, one per parameter; as for `kestrel run`
    #[arg(value_name = "ARGS", allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// Runs `kestrel debug`.
pub fn debug(args: &DebugArgs) -> Result<(), Failure> {
    let mut config = crate::load::config_with_cache(args.cache.as_deref());
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = load_module(&engine, &args.file)?;
    // Breakpoints are placed by offsets into the binary the module was compiled from,
    // which a debuggable module keeps.
    let binary = module
        .binary()
        .ok_or_else(|| anyhow!("{}: the module's binary was not kept", args.file.display()))?
        .to_vec();
    let names = FuncNames::parse(&binary)?;

    // As in `kestrel run`: everything the command line says is checked before the start
    // function runs.
    let name = match &args.invoke {
        Some(name) => name.as_str(),
        None if module.export_func_type(DEFAULT_ENTRY).is_some() => DEFAULT_ENTRY,
        None => {
            return Err(anyhow!(
                "the module exports no `{DEFAULT_ENTRY}` function; \
                 name the function to debug with --invoke NAME"
            )
            .into())
        }
    };
    let ty = exported_func_type(&module, name)?;
    let (vals, program_args) = if args.invoke.is_some() {
        reject_late_options(&args.args, "kestrel debug FILE --invoke NAME ARGS...")?;
        (parse_args(name, &ty, &args.args)?, &[][..])
    } else {
        (parse_args(name, &ty, &[])?, &args.args[..])
    };
    let instance = instantiate(&module, &args.file, program_args, &args.wasi)?;
    let func = exported_func(&instance, name)?;

    let session = Arc::new(Session {
        debugger: instance.debugger()?,
        names,
        input: Mutex::new(Input {
            interactive: std::io::stdin().is_terminal(),
            ended: false,
        }),
        detached: AtomicBool::new(false),
        quitting: AtomicBool::new(false),
        executing: AtomicBool::new(false),
    });
    let on_interrupt = Arc::clone(&session);
    // A second handler cannot be installed (ctrlc allows one per process): the session
    // then works without Ctrl-C.
    let _ = ctrlc::set_handler(move || {
        if on_interrupt.executing.load(Ordering::SeqCst) {
            on_interrupt.debugger.pause();
        }
    });
    let at_stop = Arc::clone(&session);
    session
        .debugger
        .set_handler(move |event, frame| at_stop.on_stop(event, frame));
    session.command_loop(&func, &vals);
    // The handler owns the session, which owns the debugger, which owns the handler.
    session.debugger.clear_handler();
    Ok(())
}

/// What to do after a command.
enum Next {
    /// Read the next command.
    Read,
    /// Start the call (only when it is not running).
    Run,
    /// Resume the stopped call (only at a stop).
    Resume(Resume),
    /// Leave, aborting the call if it is running.
    Quit,
}

/// One debugging session, shared by the session loop and the stop handler (which runs
/// inside the call that the loop makes, on the same thread).
struct Session {
    debugger: Debugger,
    names: FuncNames,
    input: Mutex<Input>,
    /// The input ended during the call: the rest of it runs without stopping.
    detached: AtomicBool,
    /// `quit` was given at a stop: the call is being aborted, and then the session ends.
    quitting: AtomicBool,
    /// The call is running and not stopped: Ctrl-C pauses it.
    executing: AtomicBool,
}

impl Session {
    /// Reads and executes commands while the call is not running, until `quit` or the end
    /// of the input.
    fn command_loop(&self, func: &Func, args: &[Val]) {
        while let Some(line) = self.read_line() {
            match self.execute(&line, None) {
                Next::Read | Next::Resume(_) => {}
                Next::Run => {
                    self.call(func, args);
                    if self.quitting.load(Ordering::Relaxed) {
                        return;
                    }
                }
                Next::Quit => return,
            }
        }
    }

    /// The stop handler: reports the stop, then reads and executes commands on the stopped
    /// frame until one resumes execution.
    fn on_stop(&self, event: &DebugEvent, frame: &mut Frame<'_>) -> Resume {
        if self.quitting.load(Ordering::Relaxed) {
            return Resume::Abort;
        }
        if self.detached.load(Ordering::Relaxed) {
            return Resume::Continue;
        }
        self.executing.store(false, Ordering::SeqCst);
        let resume = self.at_stop(event, frame);
        self.executing.store(true, Ordering::SeqCst);
        resume
    }

    /// Reports a stop and executes commands until one resumes (see `on_stop`).
    fn at_stop(&self, event: &DebugEvent, frame: &mut Frame<'_>) -> Resume {
        emit(inspect::stop_lines(event, frame));
        // The frame the inspection commands look at: where it stopped until `frame`,
        // `up` or `down` select another.
        let mut selected = 0;
        while let Some(line) = self.read_line() {
            match self.execute(&line, Some((&mut *frame, &mut selected))) {
                Next::Read | Next::Run => {}
                Next::Resume(resume) => return resume,
                Next::Quit => {
                    self.quitting.store(true, Ordering::Relaxed);
                    return Resume::Abort;
                }
            }
        }
        // No more commands: finish the call without stopping again.
        self.detached.store(true, Ordering::Relaxed);
        self.debugger.clear_all_breakpoints();
        Resume::Continue
    }

    /// Calls the function and prints how the call ended: `result: ...` or `trap: ...`
    /// (nothing when `quit` aborted it).
    fn call(&self, func: &Func, args: &[Val]) {
        self.executing.store(true, Ordering::SeqCst);
        let outcome = func.call(args);
        self.executing.store(false, Ordering::SeqCst);
        let line = match outcome {
            Ok(results) => {
                let values: String = results
                    .iter()
                    .map(|v| format!(" {}", format_val(v)))
                    .collect();
                format!("result:{values}")
            }
            Err(_) if self.quitting.load(Ordering::Relaxed) => return,
            Err(kestrel::Error::Trap(trap)) => format!("trap: {}", one_line(trap.message())),
            Err(kestrel::Error::Exit(status)) => format!("exit: {status}"),
            Err(e) => return report(&e.into()),
        };
        emit([line]);
    }

    /// Parses and applies one command line, reporting any error; `frame` is the stopped
    /// (innermost) frame and the depth of the selected one, or `None` when the call is
    /// not running.
    fn execute(&self, line: &str, frame: Option<(&mut Frame<'_>, &mut usize)>) -> Next {
        let applied = match command::parse(line) {
            Ok(Some(command)) => self.apply(command, frame),
            Ok(None) => Ok(Next::Read),
            Err(e) => Err(e),
        };
        applied.unwrap_or_else(|e| {
            report(&e);
            Next::Read
        })
    }

    fn apply(&self, command: Command, frame: Option<(&mut Frame<'_>, &mut usize)>) -> Result<Next> {
        let lines = match command {
            Command::Break { func, offset } => {
                let index = self.names.resolve(&func)?;
                let id = match offset {
                    Some(offset) => self.debugger.set_breakpoint(index, offset)?,
                    None => self.debugger.set_entry_breakpoint(index)?,
                };
                vec![self.breakpoint_line(&Breakpoint {
                    id,
                    func: index,
                    offset,
                })]
            }
            Command::Watch {
                addr,
                len,
                kind,
                memory,
            } => {
                let id = self.debugger.set_watchpoint(memory, addr, len, kind)?;
                let set = self.debugger.watchpoints();
                set.iter()
                    .filter(|w| w.id == id)
                    .map(inspect::watchpoint_line)
                    .collect()
            }
            Command::Delete(Some(id)) => {
                // Breakpoints and watchpoints share one numbering.
                if self.debugger.clear_breakpoint(id).is_err() {
                    self.debugger
                        .clear_watchpoint(id)
                        .map_err(|_| anyhow!("no breakpoint or watchpoint {id}"))?;
                }
                Vec::new()
            }
            Command::Delete(None) => {
                self.debugger.clear_all_breakpoints();
                for w in self.debugger.watchpoints() {
                    self.debugger.clear_watchpoint(w.id)?;
                }
                Vec::new()
            }
            Command::InfoBreakpoints => {
                let breakpoints = self.debugger.breakpoints();
                let watchpoints = self.debugger.watchpoints();
                let mut lines: Vec<(u32, String)> = breakpoints
                    .iter()
                    .map(|b| (b.id, self.breakpoint_line(b)))
                    .chain(
                        watchpoints
                            .iter()
                            .map(|w| (w.id, inspect::watchpoint_line(w))),
                    )
                    .collect();
                lines.sort();
                if lines.is_empty() {
                    vec!["no breakpoints".to_string()]
                } else {
                    lines.into_iter().map(|(_, line)| line).collect()
                }
            }
            Command::Help => command::HELP.lines().map(str::to_string).collect(),
            Command::Quit => return Ok(Next::Quit),
            Command::Run if frame.is_some() => {
                bail!("the call is already running (continue it, or quit)")
            }
            Command::Run => return Ok(Next::Run),
            Command::Continue => return resume(frame, Resume::Continue),
            Command::Step => return resume(frame, Resume::StepInto),
            Command::Next => return resume(frame, Resume::StepOver),
            Command::Finish => return resume(frame, Resume::StepOut),
            Command::Backtrace => inspect::backtrace(stopped(frame)?.0),
            Command::Frame(depth) => {
                let (frame, selected) = stopped(frame)?;
                let depth = depth.unwrap_or(*selected);
                let line = inspect::frame_line(&at_depth(frame, depth)?);
                *selected = depth;
                vec![line]
            }
            Command::Up(n) | Command::Down(n) => {
                let (frame, selected) = stopped(frame)?;
                let depth = match command {
                    Command::Up(_) => selected.checked_add(n),
                    _ => selected.checked_sub(n),
                }
                .ok_or_else(|| anyhow!("no frame {n} calls away from frame {selected}"))?;
                let line = inspect::frame_line(&at_depth(frame, depth)?);
                *selected = depth;
                vec![line]
            }
            Command::Locals => inspect::locals(&selected(frame)?),
            Command::Stack => inspect::stack(&selected(frame)?),
            Command::Global(index) => inspect::globals(&selected(frame)?, index)?,
            Command::Examine { memory, addr, len } => {
                inspect::examine(&selected(frame)?, memory, addr, len)?
            }
            Command::SetLocal { index, value } => {
                vec![inspect::set_local(&mut selected(frame)?, index, &value)?]
            }
        };
        emit(lines);
        Ok(Next::Read)
    }

    /// `breakpoint <id> func=<index>[:<name>] offset=0x<offset>`, or `... entry`.
    fn breakpoint_line(&self, breakpoint: &Breakpoint) -> String {
        let name = self.names.name(breakpoint.func);
        let name = name.as_deref();
        let place = match breakpoint.offset {
            Some(offset) => format_location(breakpoint.func, name, offset),
            None => format!("{} entry", format_func(breakpoint.func, name)),
        };
        format!("breakpoint {} {place}", breakpoint.id)
    }

    fn read_line(&self) -> Option<String> {
        self.input
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .next_line()
    }
}

/// The stopped frame and the selected depth, or an error for a command that needs them.
fn stopped<'f, 'a, 's>(
    frame: Option<(&'f mut Frame<'a>, &'s mut usize)>,
) -> Result<(&'f mut Frame<'a>, &'s mut usize)> {
    frame.ok_or_else(|| anyhow!("the call is not running (`run` starts it)"))
}

/// The frame `depth` calls out from the stopped one.
fn at_depth<'f>(frame: &'f mut Frame<'_>, depth: usize) -> Result<Frame<'f>> {
    frame
        .up(depth)
        .ok_or_else(|| anyhow!("no frame {depth} (`bt` lists the frames)"))
}

/// The selected frame, or an error when the call is not stopped.
fn selected<'f>(frame: Option<(&'f mut Frame<'_>, &mut usize)>) -> Result<Frame<'f>> {
    let (frame, depth) = stopped(frame)?;
    at_depth(frame, *depth)
}

/// Resumes the stopped call with `how`.
fn resume(frame: Option<(&mut Frame<'_>, &mut usize)>, how: Resume) -> Result<Next> {
    stopped(frame)?;
    Ok(Next::Resume(how))
}

/// The commands: stdin, read a line at a time, with a prompt when it is a terminal.
struct Input {
    interactive: bool,
    ended: bool,
}

impl Input {
    /// The next line, or `None` at the end of the input (or when it cannot be read).
    fn next_line(&mut self) -> Option<String> {
        if self.ended {
            return None;
        }
        if self.interactive {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(PROMPT.as_bytes());
            let _ = out.flush();
        }
        let mut line = Vec::new();
        match std::io::stdin().lock().read_until(b'\n', &mut line) {
            Ok(0) => {
                self.ended = true;
                if self.interactive {
                    // End the prompt's line, as a shell does on Ctrl-D.
                    emit([""]);
                }
                None
            }
            Ok(_) => Some(String::from_utf8_lossy(&line).into_owned()),
            Err(e) => {
                self.ended = true;
                report(&anyhow!("cannot read commands: {e}"));
                None
            }
        }
    }
}

/// Prints lines on stdout. Write errors (a closed stdout) are ignored: the session still
/// follows its input to the end, so a scripted call runs as written.
fn emit<S: AsRef<str>>(lines: impl IntoIterator<Item = S>) {
    let mut out = std::io::stdout().lock();
    for line in lines {
        let _ = writeln!(out, "{}", line.as_ref());
    }
    let _ = out.flush();
}

/// Prints a command's error as one `error: ...` line on stderr; the session goes on.
fn report(e: &anyhow::Error) {
    eprintln!("error: {}", one_line(&format!("{e:#}")));
}
