//! The embedding API: `Module`, `Linker`, `Instance`, `Func`, typed calls and `Val`.

pub(crate) mod func;
pub(crate) mod instance;
pub(crate) mod linker;
pub(crate) mod module;
pub(crate) mod val;
