//! Code placement: the alignment of chunks, loop heads and stubs, and the NOP padding
//! that gets there.

use super::Asm;
use dynasmrt::DynasmApi;

/// Alignment of every chunk of code in the module's mapping, so that alignment within a
/// chunk (`align_code`) is alignment in memory.
pub(crate) const CHUNK_ALIGN: usize = LOOP_ALIGN;

/// Loop heads start at a multiple of this many bytes (see `align_code`).
pub(crate) const LOOP_ALIGN: usize = 64;

/// The module's shared stubs (interrupt, debug, host helpers) start at a multiple of
/// this many bytes. Function entries are deliberately not aligned: on the call_indirect
/// workload aligning them made the loop slower (benches/RESULTS.md, "Loop and function
/// alignment").
pub(crate) const STUB_ALIGN: usize = 16;

/// Pads with multi-byte NOPs (the encodings the Intel and AMD manuals recommend) until
/// the next instruction starts at a multiple of `align` bytes from the chunk start.
///
/// Loop heads are aligned so that a small loop fits in one 64-byte fetch line, where the
/// same loop runs several times faster than when it straddles a line (benches/RESULTS.md,
/// "Loop and function alignment"). The padding runs once per loop entry.
pub(crate) fn align_code(asm: &mut Asm, align: usize) {
    const NOPS: [&[u8]; 9] = [
        &[0x90],
        &[0x66, 0x90],
        &[0x0f, 0x1f, 0x00],
        &[0x0f, 0x1f, 0x40, 0x00],
        &[0x0f, 0x1f, 0x44, 0x00, 0x00],
        &[0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00],
        &[0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00],
        &[0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        &[0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
    ];
    let at = asm.offset().0;
    let mut pad = at.next_multiple_of(align) - at;
    while pad > 0 {
        let n = pad.min(NOPS.len());
        asm.extend(NOPS[n - 1].iter().copied());
        pad -= n;
    }
}
