//! The library's error type for compilation, linking and instantiation.

use crate::trap::Trap;

/// Everything that can go wrong before or while instantiating a module.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The text format could not be parsed.
    #[error("failed to parse text format: {0}")]
    Parse(String),
    /// The binary is malformed or does not validate.
    #[error("invalid module: {0}")]
    Invalid(String),
    /// The module uses a feature this runtime does not implement.
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// An import could not be resolved or has the wrong type.
    #[error("link error: {0}")]
    Link(String),
    /// Execution trapped: a call, or instantiation (segment out of bounds, start
    /// function trap).
    #[error("trap: {0}")]
    Trap(Trap),
    /// Not a failure of the module: the program ended itself with this status (WASI
    /// `proc_exit`) before the call returned. The instance stays usable.
    #[error("exited with status {0}")]
    Exit(i32),
    /// A host-side resource (memory reservation, code mapping) could not be obtained.
    #[error("resource error: {0}")]
    Resource(String),
    /// A wrong use of the API (type mismatch, out-of-range access).
    #[error("{0}")]
    Usage(String),
}

/// Shorthand for results with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Trap> for Error {
    /// A trap is [`Error::Trap`]; a program's exit ([`Trap::exit`]) is [`Error::Exit`].
    fn from(trap: Trap) -> Error {
        match trap.exit_status() {
            Some(status) => Error::Exit(status),
            None => Error::Trap(trap),
        }
    }
}
