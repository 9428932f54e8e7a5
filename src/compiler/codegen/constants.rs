//! Vector constants: the pool of 16-byte constants at the end of each chunk of code, which
//! SIMD code loads with one RIP-relative instruction instead of building them in a
//! register.
//!
//! // DESIGN: vector constants
//! A `v128.const`, a shuffle's byte masks and the splatted constants of the SIMD lowerings
//! (`simd`) are loaded from the chunk's pool with one `movdqu xmm, [rip + disp32]`,
//! instead of four instructions through rax on every execution (a loop that uses a dozen
//! constants, as a decoder's classification does, rebuilt all of them each iteration).
//! - **One pool per chunk, after everything else in it.** A chunk (plain versions and
//!   their stubs, or instrumented versions and theirs) collects the distinct constants its
//!   code uses (`FuncOutput::vector_constants`, sorted by value, so the same module gives
//!   the same bytes) and `emit_vector_constants` puts them at the chunk's end, 16-byte
//!   aligned within the chunk.
//! - **A chunk moves whole.** The disp32 is fixed when the chunk is assembled, which is
//!   right wherever the chunk lands as long as code and pool move together: plain chunks
//!   are placed whole in the module's code (`compiler::module`, at `CHUNK_ALIGN`
//!   multiples, so the pool stays 16-byte aligned and no load splits a cache line),
//!   instrumented chunks whole in the debug code, code from a compiled-module file is
//!   mapped as it was written, and published code is never patched.
//! - **Nothing executes the pool.** It follows the last stub: in a plain chunk no code
//!   region covers it; in an instrumented chunk it is the tail of the stubs region, after
//!   the zero site bits (`stubs::emit_no_stops`), which are data there as well.
//!
//! Tests: tests/simd_paths.rs (every constant-taking operator on both paths, against
//! computed operands), tests/simd.rs (constants in many chunks, plain, instrumented and
//! from a compiled-module file).

use super::{Asm, FuncCompiler};
use crate::abi::regs::Xmm;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use std::collections::BTreeMap;

impl FuncCompiler<'_, '_> {
    /// Loads the constant `bits` into `x` from the chunk's pool.
    pub(super) fn load_vector_constant(&mut self, bits: u128, x: Xmm) {
        let asm = &mut *self.asm;
        let label = *self
            .out
            .vector_constants
            .entry(bits)
            .or_insert_with(|| asm.new_dynamic_label());
        dynasm!(self.asm ; .arch x64 ; movdqu Rx(x), [=>label]);
    }
}

/// Emits a chunk's pool of vector constants at the end of its code (see "DESIGN: vector
/// constants"): 16-byte aligned, each constant at its label.
pub(crate) fn emit_vector_constants(asm: &mut Asm, constants: &BTreeMap<u128, DynamicLabel>) {
    if constants.is_empty() {
        return;
    }
    super::align_code(asm, 16);
    for (bits, &label) in constants {
        dynasm!(asm ; .arch x64 ; =>label);
        asm.extend(bits.to_le_bytes());
    }
}
