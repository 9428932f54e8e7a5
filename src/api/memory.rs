//! The public constructor of [`Memory`] (its mechanics are `runtime::memory`).

use crate::api::engine::Engine;
use crate::error::Result;
use crate::runtime::memory::Memory;
use crate::types::MemoryType;

impl Memory {
    /// Creates a memory of type `ty` for modules of `engine`.
    pub fn new(engine: &Engine, ty: MemoryType) -> Result<Memory> {
        Memory::create(
            ty,
            engine.config().bounds_checks,
            engine.config().max_memory64_bytes,
        )
    }
}
