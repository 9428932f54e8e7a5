//! How a subcommand fails: a wasm trap (exit code 1, message and backtrace) or any other
//! error (exit code 2, one line), and how each is printed on stderr.

use kestrel::{FrameInfo, Trap};
use std::fmt::Write as _;
use std::process::ExitCode;

/// Exit code when the module or the call trapped.
pub const EXIT_TRAP: u8 = 1;
/// Exit code for every other error (bad file, bad module, unknown export, bad arguments,
/// unresolved imports, bad command line).
pub const EXIT_ERROR: u8 = 2;

/// Why a subcommand did not complete.
#[derive(Debug)]
pub enum Failure {
    /// Wasm code trapped: during instantiation (start function) or in the called function.
    Trap(Trap),
    /// The program ended itself (WASI `proc_exit`) with this status: the process exits
    /// with it.
    Exit(i32),
    /// Anything else.
    Error(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Failure {
        Failure::Error(e)
    }
}

impl From<kestrel::Error> for Failure {
    fn from(e: kestrel::Error) -> Failure {
        match e {
            kestrel::Error::Trap(trap) => Failure::Trap(trap),
            kestrel::Error::Exit(status) => Failure::Exit(status),
            other => Failure::Error(other.into()),
        }
    }
}

impl Failure {
    /// Prints the failure on stderr and returns the process exit code for it.
    pub fn report(&self) -> ExitCode {
        match self {
            Failure::Trap(trap) => {
                eprint!("{}", format_trap(trap));
                ExitCode::from(EXIT_TRAP)
            }
            // As a POSIX shell sees it: the low 8 bits.
            Failure::Exit(status) => ExitCode::from(*status as u8),
            Failure::Error(e) => {
                eprintln!("error: {}", one_line(&format!("{e:#}")));
                ExitCode::from(EXIT_ERROR)
            }
        }
    }
}

/// `trap: <message>` and then one line per wasm frame, innermost first.
pub fn format_trap(trap: &Trap) -> String {
    let mut out = format!("trap: {}\n", one_line(trap.message()));
    for (depth, frame) in trap.backtrace().iter().enumerate() {
        let _ = writeln!(out, "{}", format_frame(depth, frame));
    }
    out
}

/// `  #<depth> func=<index>[:<name>] offset=0x<module offset>`.
pub fn format_frame(depth: usize, frame: &FrameInfo) -> String {
    let location = format_location(
        frame.func_index,
        frame.func_name.as_deref(),
        frame.module_offset,
    );
    format!("  #{depth} {location}")
}

/// `func=<index>[:<name>] offset=0x<module offset>`: a place in wasm code, as backtraces
/// and the debugger print it.
pub fn format_location(func_index: u32, func_name: Option<&str>, module_offset: u32) -> String {
    format!(
        "{} offset={module_offset:#x}",
        format_func(func_index, func_name)
    )
}

/// `func=<index>[:<name>]`, the name being the one from the name section.
pub fn format_func(func_index: u32, func_name: Option<&str>) -> String {
    let mut text = format!("func={func_index}");
    if let Some(name) = func_name {
        let _ = write!(text, ":{name}");
    }
    text
}

/// Folds a multi-line message into one line. The text parser's errors draw the source:
///
/// ```text
/// failed to parse text format: unknown operator or unexpected token
///      --> <anon>:2:4
///       |
///     2 |    i32.konst 1))
///       |    ^
/// ```
///
/// which becomes `... unexpected token at line 2, column 4`: the location arrow is
/// reworded, the drawn source lines are dropped, the rest is trimmed and joined.
pub fn one_line(message: &str) -> String {
    let mut parts = Vec::new();
    for line in message.lines().map(str::trim) {
        if line.is_empty() || is_source_drawing(line) {
            continue;
        }
        match line.strip_prefix("--> ").and_then(line_and_column) {
            Some((l, c)) => parts.push(format!("at line {l}, column {c}")),
            None => parts.push(line.to_string()),
        }
    }
    parts.join(" ")
}

/// `|`, `|    ^` or `12 | source text`: a line of a drawn source excerpt.
fn is_source_drawing(line: &str) -> bool {
    let after_number = line
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    after_number.starts_with('|')
}

/// `<anon>:2:4` or `file.wat:2:4` -> ("2", "4").
fn line_and_column(location: &str) -> Option<(&str, &str)> {
    let mut fields = location.rsplitn(3, ':');
    let column = fields.next()?;
    let line = fields.next()?;
    let numeric = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (numeric(line) && numeric(column)).then_some((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames() {
        let named = FrameInfo {
            func_index: 3,
            func_name: Some("div".into()),
            module_offset: 0x2a,
        };
        assert_eq!(format_frame(0, &named), "  #0 func=3:div offset=0x2a");
        let anonymous = FrameInfo {
            func_index: 12,
            func_name: None,
            module_offset: 0x100,
        };
        assert_eq!(format_frame(4, &anonymous), "  #4 func=12 offset=0x100");
    }

    #[test]
    fn host_trap_without_backtrace() {
        assert_eq!(format_trap(&Trap::host("boom")), "trap: boom\n");
    }

    #[test]
    fn folds_lines() {
        assert_eq!(one_line("plain"), "plain");
        let wat = "failed to parse text format: unknown operator or unexpected token\n     \
                   --> <anon>:2:4\n      |\n    2 |    i32.konst 1))\n      |    ^";
        assert_eq!(
            one_line(wat),
            "failed to parse text format: unknown operator or unexpected token at line 2, column 4"
        );
        assert_eq!(one_line("a\n  b  \n\nc"), "a b c");
    }
}
