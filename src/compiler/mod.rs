//! Compiler: one pass per function from validated wasm operators to x86-64 machine code,
//! all functions of a module into one buffer, then published as one code region.
//!
//! - `stack`: the compile-time value stack and register allocator.
//! - `codegen`: the single pass (control flow, calls, numeric, memory operators).
//! - `module`: drives the pass over every function and links the result.

pub(crate) mod codegen;
pub(crate) mod module;
pub(crate) mod stack;

pub(crate) use module::compile_module;
