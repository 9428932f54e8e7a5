//! `Trap`: what a wasm trap (or a host-function error) becomes on the host side, with the
//! wasm backtrace at the point it happened.

use std::fmt;

/// Why execution trapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum TrapKind {
    /// A load or store outside linear memory.
    MemoryOutOfBounds = 1,
    /// Integer division or remainder by zero.
    IntegerDivideByZero = 2,
    /// Signed division overflow (`INT_MIN / -1`).
    IntegerOverflow = 3,
    /// A float-to-int conversion of NaN or a value out of the integer's range.
    BadConversionToInteger = 4,
    /// The `unreachable` instruction.
    Unreachable = 5,
    /// `call_indirect` with an index past the table's end.
    UndefinedElement = 6,
    /// `call_indirect` through a null table entry.
    UninitializedElement = 7,
    /// `call_indirect` whose callee has a different signature.
    IndirectCallTypeMismatch = 8,
    /// The wasm stack limit was reached.
    StackOverflow = 9,
    /// A table access outside the table.
    TableOutOfBounds = 10,
    /// A host function returned an error.
    Host = 11,
    /// A debugger aborted the call.
    DebuggerAbort = 12,
    /// A callee changed a register the register convention says it preserves (only
    /// with [`Config::convention_canaries`](crate::Config::convention_canaries), a test
    /// mode): a bug in Kestrel's compiler, never in the program.
    ConventionViolation = 13,
}

impl TrapKind {
    /// The spec's message for this trap.
    pub fn message(self) -> &'static str {
        match self {
            TrapKind::MemoryOutOfBounds => "out of bounds memory access",
            TrapKind::IntegerDivideByZero => "integer divide by zero",
            TrapKind::IntegerOverflow => "integer overflow",
            TrapKind::BadConversionToInteger => "invalid conversion to integer",
            TrapKind::Unreachable => "unreachable",
            TrapKind::UndefinedElement => "undefined element",
            TrapKind::UninitializedElement => "uninitialized element",
            TrapKind::IndirectCallTypeMismatch => "indirect call type mismatch",
            TrapKind::StackOverflow => "call stack exhausted",
            TrapKind::TableOutOfBounds => "out of bounds table access",
            TrapKind::Host => "host function error",
            TrapKind::DebuggerAbort => "aborted by debugger",
            TrapKind::ConventionViolation => "register convention violated (convention canary)",
        }
    }

    /// The largest trap code (`TrapKind as u32`).
    pub(crate) const MAX_CODE: u32 = TrapKind::ConventionViolation as u32;

    pub(crate) fn from_code(code: u32) -> TrapKind {
        match code {
            1 => TrapKind::MemoryOutOfBounds,
            2 => TrapKind::IntegerDivideByZero,
            3 => TrapKind::IntegerOverflow,
            4 => TrapKind::BadConversionToInteger,
            5 => TrapKind::Unreachable,
            6 => TrapKind::UndefinedElement,
            7 => TrapKind::UninitializedElement,
            8 => TrapKind::IndirectCallTypeMismatch,
            9 => TrapKind::StackOverflow,
            10 => TrapKind::TableOutOfBounds,
            12 => TrapKind::DebuggerAbort,
            13 => TrapKind::ConventionViolation,
            _ => TrapKind::Host,
        }
    }
}

/// One wasm frame of a backtrace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameInfo {
    /// Function index in its module's function index space.
    pub func_index: u32,
    /// The function's name from the name section, if any, demangled if it is a Rust or
    /// C++ symbol ([`demangle`](crate::demangle)).
    pub func_name: Option<String>,
    /// Module byte offset of the instruction executing in this frame.
    pub module_offset: u32,
}

impl fmt::Display for FrameInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "func {}", self.func_index)?;
        if let Some(name) = &self.func_name {
            write!(f, " ({name})")?;
        }
        write!(f, " at offset {:#x}", self.module_offset)
    }
}

/// A wasm trap or host-function error, with the wasm backtrace (innermost frame first).
#[derive(Clone, Debug)]
pub struct Trap {
    kind: TrapKind,
    message: String,
    backtrace: Vec<FrameInfo>,
    exit_status: Option<i32>,
}

impl Trap {
    pub(crate) fn new(kind: TrapKind, backtrace: Vec<FrameInfo>) -> Trap {
        Trap {
            kind,
            message: kind.message().to_string(),
            backtrace,
            exit_status: None,
        }
    }

    /// A wasm trap whose message names the table element involved ("uninitialized element
    /// 7", as the spec's reference interpreter words it).
    pub(crate) fn with_element(
        kind: TrapKind,
        element: Option<u32>,
        backtrace: Vec<FrameInfo>,
    ) -> Trap {
        let mut trap = Trap::new(kind, backtrace);
        if let Some(index) = element {
            trap.message = format!("{} {index}", kind.message());
        }
        trap
    }

    /// A trap raised by host code (a host function's error), with a custom message.
    pub fn host(message: impl Into<String>) -> Trap {
        Trap {
            kind: TrapKind::Host,
            message: message.into(),
            backtrace: Vec::new(),
            exit_status: None,
        }
    }

    /// Not a trap: the program ending itself with `status` (WASI `proc_exit`). A host
    /// function returns it to end the whole call into wasm; [`Func::call`](crate::Func::call)
    /// reports it as [`Error::Exit`](crate::Error::Exit), a typed call as a `Trap` whose
    /// [`exit_status`](Trap::exit_status) is set. The instance stays usable.
    pub fn exit(status: i32) -> Trap {
        Trap {
            kind: TrapKind::Host,
            message: format!("exited with status {status}"),
            backtrace: Vec::new(),
            exit_status: Some(status),
        }
    }

    /// `Some(status)` when this is the program ending itself ([`Trap::exit`]), not a trap.
    pub fn exit_status(&self) -> Option<i32> {
        self.exit_status
    }

    /// Adds the frames of the wasm code this trap passed through on its way out (a trap
    /// from nested wasm, returned by a host function, keeps its inner frames first).
    pub(crate) fn with_backtrace(mut self, backtrace: Vec<FrameInfo>) -> Trap {
        self.backtrace.extend(backtrace);
        self
    }

    /// The kind of trap.
    pub fn kind(&self) -> TrapKind {
        self.kind
    }

    /// The message (the spec's text for wasm traps).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Wasm frames active when the trap happened, innermost first.
    pub fn backtrace(&self) -> &[FrameInfo] {
        &self.backtrace
    }
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Trap {}
