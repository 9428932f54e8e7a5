//! The debugger's command language: one command per line, gdb's words and a few of its
//! abbreviations. Parsing only; `debug` decides what a command means in the current state
//! (stopped in wasm, or not running).

use anyhow::{anyhow, bail, Result};
use kestrel::{BreakpointId, WatchKind};

/// One parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `break FUNC [OFFSET]`: FUNC as typed (an index or a name), OFFSET a module byte
    /// offset; no offset means the function's entry.
    Break { func: String, offset: Option<u32> },
    /// `delete N` (a breakpoint or a watchpoint), or `delete all` (`None`).
    Delete(Option<BreakpointId>),
    /// `watch ADDR LEN [read|write|access] [MEMORY]`: a watchpoint (default: write, on
    /// memory 0).
    Watch {
        addr: u64,
        len: u64,
        kind: WatchKind,
        memory: u32,
    },
    /// `info breakpoints`.
    InfoBreakpoints,
    /// `run`: call the function given on the command line.
    Run,
    /// `continue`: run to the next breakpoint.
    Continue,
    /// `step`: stop at the next instruction, entering calls.
    Step,
    /// `next`: stop at the next instruction of this function or a caller.
    Next,
    /// `finish`: stop in the caller after this function returns.
    Finish,
    /// `bt`: the wasm call chain.
    Backtrace,
    /// `frame N`: select frame N of the call chain (0 is where execution stopped), or
    /// `frame` to show the selected one (`None`).
    Frame(Option<usize>),
    /// `up [N]`: select the frame N (default 1) calls out from the selected one.
    Up(usize),
    /// `down [N]`: select the frame N (default 1) calls in from the selected one.
    Down(usize),
    /// `locals`: the selected frame's locals, parameters first.
    Locals,
    /// `stack`: the selected frame's operand stack, bottom first.
    Stack,
    /// `global N`, or `global` for all of them (`None`).
    Global(Option<u32>),
    /// `x ADDR LEN [MEMORY]`: a hex dump of linear memory MEMORY (default 0).
    Examine {
        memory: u32,
        addr: usize,
        len: usize,
    },
    /// `set local N VALUE`: VALUE is parsed by the local's type once it is known.
    SetLocal { index: u32, value: String },
    /// `help`.
    Help,
    /// `quit`: abort the running call, if any, and leave.
    Quit,
}

/// The command summary printed by `help`.
pub const HELP: &str = "\
break FUNC [OFFSET]   breakpoint at FUNC's entry, or at a module byte offset in FUNC
                      (FUNC: an index, a name-section name or an export name)
watch ADDR LEN [K] [M] stop after every access of kind K (read, write or access;
                      default write) to LEN bytes at ADDR of memory M (default 0)
delete N|all          remove breakpoint or watchpoint N, or all of them
info breakpoints      list the breakpoints and watchpoints
run                   call the function (again, after it returned)
continue, c           resume until the next breakpoint
step, s               stop at the next instruction, entering calls
next, n               stop at the next instruction of this function or a caller
finish                stop in the caller once this function returns
bt                    the wasm call chain, innermost first
frame [N], f [N]      select frame N of the chain (0: where it stopped), or show the
                      selected frame
up [N], down [N]      select the frame N calls out from (up) or in from (down) it
locals                the selected frame's locals, parameters first
stack                 the selected frame's operand stack, bottom first
global [N]            global N, or every global, of the selected frame's instance
x ADDR LEN [M]        hex dump of LEN bytes at ADDR of the selected frame's memory M
                      (default 0)
set local N VALUE     change local N of the selected frame
quit                  abort the call, if one is running, and exit
Numbers are decimal or 0x hex; lines starting with # are comments.";

/// Parses one line; `None` for a blank line or a `#` comment.
pub fn parse(line: &str) -> Result<Option<Command>> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some((&verb, rest)) = words.split_first() else {
        return Ok(None);
    };
    if verb.starts_with('#') {
        return Ok(None);
    }
    let command = match (verb, rest) {
        ("break" | "b", [func]) => Command::Break {
            func: func.to_string(),
            offset: None,
        },
        ("break" | "b", [func, offset]) => Command::Break {
            func: func.to_string(),
            offset: Some(number(offset, "offset")?),
        },
        ("watch" | "w", [addr, len, rest @ ..]) if rest.len() <= 2 => {
            let (kind, memory) = match rest {
                [] => (WatchKind::Write, 0),
                [kind] => (watch_kind(kind)?, 0),
                [kind, memory, ..] => (watch_kind(kind)?, number(memory, "memory index")?),
            };
            Command::Watch {
                addr: number(addr, "address")?,
                len: number(len, "length")?,
                kind,
                memory,
            }
        }
        ("delete" | "d", ["all"]) => Command::Delete(None),
        ("delete" | "d", [id]) => Command::Delete(Some(number(id, "breakpoint number")?)),
        ("info", ["breakpoints" | "break" | "b"]) => Command::InfoBreakpoints,
        ("run" | "r", []) => Command::Run,
        ("continue" | "c", []) => Command::Continue,
        ("step" | "s", []) => Command::Step,
        ("next" | "n", []) => Command::Next,
        ("finish", []) => Command::Finish,
        ("bt" | "backtrace", []) => Command::Backtrace,
        ("frame" | "f", []) => Command::Frame(None),
        ("frame" | "f", [n]) => Command::Frame(Some(number(n, "frame number")?)),
        ("up", []) => Command::Up(1),
        ("up", [n]) => Command::Up(number(n, "frame count")?),
        ("down", []) => Command::Down(1),
        ("down", [n]) => Command::Down(number(n, "frame count")?),
        ("locals", []) => Command::Locals,
        ("stack", []) => Command::Stack,
        ("global", []) => Command::Global(None),
        ("global", [index]) => Command::Global(Some(number(index, "global index")?)),
        ("x", [addr, len]) => Command::Examine {
            memory: 0,
            addr: number(addr, "address")?,
            len: number(len, "length")?,
        },
        ("x", [addr, len, memory]) => Command::Examine {
            memory: number(memory, "memory index")?,
            addr: number(addr, "address")?,
            len: number(len, "length")?,
        },
        ("set", ["local", index, value]) => Command::SetLocal {
            index: number(index, "local index")?,
            value: value.to_string(),
        },
        ("help" | "h", []) => Command::Help,
        ("quit" | "q", []) => Command::Quit,
        _ => bail!("{}", usage(verb)),
    };
    Ok(Some(command))
}

/// What went wrong with a line starting with `verb`: the command's usage, or that there is
/// no such command.
fn usage(verb: &str) -> String {
    let form = match verb {
        "break" | "b" => "break FUNC [OFFSET]",
        "delete" | "d" => "delete N|all",
        "watch" | "w" => "watch ADDR LEN [read|write|access] [MEMORY]",
        "info" => "info breakpoints",
        "global" => "global [N]",
        "x" => "x ADDR LEN [MEMORY]",
        "set" => "set local N VALUE",
        "frame" | "f" => "frame [N]",
        "up" => "up [N]",
        "down" => "down [N]",
        "run" | "r" | "continue" | "c" | "step" | "s" | "next" | "n" | "finish" | "bt"
        | "backtrace" | "locals" | "stack" | "help" | "h" | "quit" | "q" => {
            return format!("`{verb}` takes no arguments");
        }
        _ => return format!("unknown command `{verb}` (try help)"),
    };
    format!("usage: {form}")
}

/// A watchpoint kind's word.
fn watch_kind(word: &str) -> Result<WatchKind> {
    match word {
        "read" | "r" => Ok(WatchKind::Read),
        "write" | "w" => Ok(WatchKind::Write),
        "access" | "a" => Ok(WatchKind::Access),
        _ => bail!("`{word}` is not a watchpoint kind (read, write or access)"),
    }
}

/// A non-negative integer in decimal or `0x` hex that fits `T`.
fn number<T: TryFrom<u64>>(text: &str, what: &str) -> Result<T> {
    let invalid = || anyhow!("`{text}` is not a valid {what}");
    let value = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) if !hex.starts_with('+') => u64::from_str_radix(hex, 16),
        None if !text.starts_with('+') => text.parse::<u64>(),
        _ => return Err(invalid()),
    }
    .map_err(|_| invalid())?;
    T::try_from(value).map_err(|_| anyhow!("{what} {text} is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(line: &str) -> Command {
        parse(line).unwrap().unwrap()
    }

    fn err(line: &str) -> String {
        parse(line).unwrap_err().to_string()
    }

    #[test]
    fn breakpoints() {
        let entry = Command::Break {
            func: "fib".into(),
            offset: None,
        };
        assert_eq!(ok("break fib"), entry);
        assert_eq!(ok("  b   fib  "), entry);
        let at = |offset| Command::Break {
            func: "0".into(),
            offset: Some(offset),
        };
        assert_eq!(ok("break 0 0x2a"), at(0x2a));
        assert_eq!(ok("break 0 42"), at(42));
        assert_eq!(ok("delete 3"), Command::Delete(Some(3)));
        assert_eq!(ok("delete all"), Command::Delete(None));
        assert_eq!(ok("info breakpoints"), Command::InfoBreakpoints);
        assert_eq!(err("break"), "usage: break FUNC [OFFSET]");
        assert_eq!(err("break 0 0xzz"), "`0xzz` is not a valid offset");
        assert_eq!(err("break 0 -1"), "`-1` is not a valid offset");
        assert_eq!(
            err("break 0 0x100000000"),
            "offset 0x100000000 is out of range"
        );
        assert_eq!(err("delete"), "usage: delete N|all");
    }

    #[test]
    fn execution_and_inspection() {
        assert_eq!(ok("run"), Command::Run);
        assert_eq!(ok("c"), Command::Continue);
        assert_eq!(ok("s"), Command::Step);
        assert_eq!(ok("next"), Command::Next);
        assert_eq!(ok("finish"), Command::Finish);
        assert_eq!(ok("bt"), Command::Backtrace);
        assert_eq!(ok("frame 2"), Command::Frame(Some(2)));
        assert_eq!(ok("f"), Command::Frame(None));
        assert_eq!(ok("up"), Command::Up(1));
        assert_eq!(ok("up 3"), Command::Up(3));
        assert_eq!(ok("down"), Command::Down(1));
        assert_eq!(err("frame x"), "`x` is not a valid frame number");
        assert_eq!(err("up 1 2"), "usage: up [N]");
        assert_eq!(ok("global"), Command::Global(None));
        assert_eq!(ok("global 0x1"), Command::Global(Some(1)));
        assert_eq!(
            ok("x 0x10 32"),
            Command::Examine {
                memory: 0,
                addr: 0x10,
                len: 32
            }
        );
        assert_eq!(
            ok("x 0x10 32 2"),
            Command::Examine {
                memory: 2,
                addr: 0x10,
                len: 32
            }
        );
        assert_eq!(err("x 0x10 32 2 9"), "usage: x ADDR LEN [MEMORY]");
        assert_eq!(
            ok("watch 0x64 4"),
            Command::Watch {
                addr: 0x64,
                len: 4,
                kind: WatchKind::Write,
                memory: 0
            }
        );
        assert_eq!(
            ok("watch 8 1 access 1"),
            Command::Watch {
                addr: 8,
                len: 1,
                kind: WatchKind::Access,
                memory: 1
            }
        );
        assert_eq!(
            err("watch 8 1 sometimes"),
            "`sometimes` is not a watchpoint kind (read, write or access)"
        );
        assert_eq!(
            err("watch 8"),
            "usage: watch ADDR LEN [read|write|access] [MEMORY]"
        );
        assert_eq!(
            ok("set local 1 -0x10"),
            Command::SetLocal {
                index: 1,
                value: "-0x10".into()
            }
        );
        assert_eq!(ok("quit"), Command::Quit);
        assert_eq!(err("continue 2"), "`continue` takes no arguments");
        assert_eq!(err("set global 0 1"), "usage: set local N VALUE");
        assert_eq!(err("frobnicate"), "unknown command `frobnicate` (try help)");
    }

    #[test]
    fn blank_lines_and_comments() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("   \t").unwrap(), None);
        assert_eq!(parse("# a comment").unwrap(), None);
        assert_eq!(parse("#bt").unwrap(), None);
    }
}
