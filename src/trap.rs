//! `Trap`: what a wasm trap (or a host-function error) becomes on the host side, with the
//! wasm backtrace at the point it happened.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

/// Declares `TrapKind` once: each kind with its code and the spec's message, and from
/// that one list the enum, `message`, `ALL`, `from_code` and `MAX_CODE`.
macro_rules! trap_kinds {
    ($($(#[$doc:meta])* $kind:ident = $code:literal, $message:literal;)*) => {
        /// Why execution trapped.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u32)]
        pub enum TrapKind {
            $($(#[$doc])* $kind = $code,)*
        }

        impl TrapKind {
            /// Every kind, in code order.
            pub const ALL: &'static [TrapKind] = &[$(TrapKind::$kind),*];

            /// The spec's message for this trap (ours where the spec has none).
            pub fn message(self) -> &'static str {
                match self {
                    $(TrapKind::$kind => $message,)*
                }
            }
        }
    };
}

trap_kinds! {
    /// A load or store outside linear memory.
    MemoryOutOfBounds = 1, "out of bounds memory access";
    /// Integer division or remainder by zero.
    IntegerDivideByZero = 2, "integer divide by zero";
    /// Signed division overflow (`INT_MIN / -1`).
    IntegerOverflow = 3, "integer overflow";
    /// A float-to-int conversion of NaN or a value out of the integer's range.
    BadConversionToInteger = 4, "invalid conversion to integer";
    /// The `unreachable` instruction.
    Unreachable = 5, "unreachable";
    /// `call_indirect` with an index past the table's end.
    UndefinedElement = 6, "undefined element";
    /// `call_indirect` through a null table entry.
    UninitializedElement = 7, "uninitialized element";
    /// `call_indirect` whose callee has a different signature.
    IndirectCallTypeMismatch = 8, "indirect call type mismatch";
    /// The wasm stack limit was reached.
    StackOverflow = 9, "call stack exhausted";
    /// A table access outside the table.
    TableOutOfBounds = 10, "out of bounds table access";
    /// A host function returned an error.
    Host = 11, "host function error";
    /// A debugger aborted the call.
    DebuggerAbort = 12, "aborted by debugger";
    /// A callee changed a register the register convention says it preserves (only
    /// with [`Config::convention_canaries`](crate::Config::convention_canaries), a test
    /// mode): a bug in Kestrel's compiler, never in the program.
    ConventionViolation = 13, "register convention violated (convention canary)";
    /// The embedder stopped the call: an [`InterruptHandle`](crate::InterruptHandle)'s
    /// interrupt, or the instance's epoch deadline passed
    /// ([`Instance::set_epoch_deadline`](crate::Instance::set_epoch_deadline)).
    Interrupted = 14, "interrupted";
    /// The instance's fuel ran out ([`Config::consume_fuel`](crate::Config::consume_fuel)).
    OutOfFuel = 15, "all fuel consumed";
    /// `throw_ref` of a null exception reference.
    NullExceptionReference = 16, "null exception reference";
    /// A wasm exception no handler caught ([`Trap::exception`](crate::Trap::exception)
    /// gives it).
    UncaughtException = 17, "uncaught exception";
    /// `call_ref` or `return_call_ref` of a null function reference.
    NullFunctionReference = 18, "null function reference";
    /// `ref.as_non_null` of a null reference.
    NullReference = 19, "null reference";
}

impl TrapKind {
    /// The largest trap code (`TrapKind as u32`).
    pub(crate) const MAX_CODE: u32 = {
        let mut max = 0;
        let mut i = 0;
        while i < TrapKind::ALL.len() {
            if TrapKind::ALL[i] as u32 > max {
                max = TrapKind::ALL[i] as u32;
            }
            i += 1;
        }
        max
    };

    /// The kind whose code is `code`, if any.
    pub(crate) fn from_code(code: u32) -> Option<TrapKind> {
        TrapKind::ALL.iter().copied().find(|k| *k as u32 == code)
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
    /// The exception an `UncaughtException` trap carries (`runtime::exceptions::Thrown`;
    /// the API reads it as an `Exception`).
    pub(crate) thrown: Option<Arc<dyn Any + Send + Sync>>,
}

impl Trap {
    pub(crate) fn new(kind: TrapKind, backtrace: Vec<FrameInfo>) -> Trap {
        Trap {
            kind,
            message: kind.message().to_string(),
            backtrace,
            exit_status: None,
            thrown: None,
        }
    }

    /// An uncaught wasm exception (`thrown` is a `runtime::exceptions::Thrown`).
    pub(crate) fn uncaught_exception(thrown: Arc<dyn Any + Send + Sync>) -> Trap {
        let mut trap = Trap::new(TrapKind::UncaughtException, Vec::new());
        trap.thrown = Some(thrown);
        trap
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
            thrown: None,
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
            thrown: None,
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
