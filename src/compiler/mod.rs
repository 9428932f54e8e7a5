//! Compiler: one pass per function from validated wasm operators to x86-64 machine code,
//! all functions of a module into one buffer, then published as one code region.
//!
//! - `stack`: the compile-time value stack and register allocator.
//! - `codegen`: the single pass (control flow, calls, numeric, memory operators).
//! - `module`: drives the pass over every function and links the result.
//! - `debug_code`: compiles instrumented versions after the module, on first use.

pub(crate) mod codegen;
pub(crate) mod debug_code;
pub(crate) mod module;
pub(crate) mod stack;

pub(crate) use debug_code::{compile_instrumented, frame_shape, plain_accesses, DebugSource};
pub(crate) use module::compile_module;
