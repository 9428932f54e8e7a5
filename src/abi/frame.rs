//! Frames: the layout of a wasm function's frame, the register save area the stubs build,
//! and the resume point a trap unwinds to. The compiler lays frames out with
//! [`FrameLayout`], and the debugger reads locals and spilled values through the same
//! type, so the arithmetic exists once.
//!
//! // DESIGN: frame layout
//! Every wasm function keeps an rbp frame:
//!
//! ```text
//!   [rbp + 16 + 8*u]      incoming argument i / outgoing result i (i >= 1), u the
//!                         units of the arguments (results) before it   ARGS
//!   [rbp + 8]             return address                                   RETURN_ADDRESS
//!   [rbp]                 caller's rbp (frames form a chain: backtraces walk it)
//!   [rbp - 8]             this function's vmctx, saved before each call into
//!                         another context                                  VMCTX_SAVE
//!   [rbp - 16 - 8*u]      non-parameter local j, u the units of the non-parameter
//!                         locals before it and its own but one (L units in all)
//!   [pinned_base - ...]   the caller's value of each register this function pins, in
//!                         pinning order (restored at every return; `regs`, "register
//!                         convention"): 8 bytes for a general-purpose register, 16
//!                         for an xmm register (all 128 bits)
//!   [canary_base - ...]   canary mode only: the function's callee-saved registers,
//!                         each as wide, kept while a canary stands in it during a call
//!   [spill_base - 8*u]    value-stack slots: the value at depth d starts u units up,
//!                         u the units of the values below it (`compiler::stack`)
//!   [rsp + 8*u]           outgoing argument area for calls made by this function
//! ```
//!
//! Every slot is as wide as its value's type (`ValType::slot_units` 8-byte units), and an
//! area of arguments, results or locals packs them in order (`area_offsets`): one 8-byte
//! slot per value while every type is one unit.
//!
//! The frame size is only known at the end of the pass (deepest stack, largest call), so
//! the prologue's `sub rsp, imm32` is patched in the assembly buffer before the module is
//! published; published code is never patched. The frame is a multiple of 16 bytes, so
//! rsp is 16-byte aligned in the body and at every call it makes.

use crate::abi::regs::{CALLEE_SAVED_GPRS, CALLEE_SAVED_XMMS};
use crate::types::ValType;

/// rbp-relative displacement of argument 0 (argument i is at `ARGS + 8*i`).
pub(crate) const ARGS: i32 = 16;
/// rbp-relative displacement of the return address.
pub(crate) const RETURN_ADDRESS: i32 = 8;
/// rbp-relative displacement of the function's own vmctx, saved before calls into other
/// contexts (imported functions, table entries of other instances).
pub(crate) const VMCTX_SAVE: i32 = -8;
/// A tail-call frame: what a tail call that cannot replace its frame in place leaves
/// between the caller and the callee (`compiler::codegen::calls`, "DESIGN: tail calls").
/// It is an rbp frame whose return address is the caller's; below its header lies the
/// argument area of the callee, which returns into the tail-return trampoline
/// (`runtime::trampolines`). Its rbp-relative slots:
pub(crate) mod tail_frame {
    /// The vmctx to restore when the chain returns: the context the caller expects.
    pub const VMCTX: i32 = super::VMCTX_SAVE;
    /// Units of its argument area.
    pub const AREA_UNITS: i32 = -16;
    /// Units of the results the trampoline moves to the caller's area.
    pub const RESULT_UNITS: i32 = -24;
    /// Bytes between rbp and the top of the argument area (the header and a padding
    /// word).
    pub const HEADER: i32 = 32;

    /// The argument area's units for a callee with `params` units of parameters and
    /// `results` units of results: room for both, and even, so that the callee is
    /// entered with rsp 16-byte aligned below its return address.
    pub const fn area_units(params: u32, results: u32) -> u32 {
        let units = if params > results { params } else { results };
        units.next_multiple_of(2)
    }

    /// rbp-relative displacement of the bottom of an argument area of `units` units.
    pub const fn area_disp(units: u32) -> i32 {
        -HEADER - 8 * units as i32
    }
}

/// rbp-relative displacement of the first non-parameter local.
const LOCALS: i32 = -16;

/// Byte offsets of values of `types` packed in order into an area of 8-byte units (an
/// argument or result area, the locals): each follows the units of the ones before it.
pub(crate) fn area_offsets(types: &[ValType]) -> impl Iterator<Item = i32> + '_ {
    types.iter().scan(0i32, |units, ty| {
        let offset = 8 * *units;
        *units += ty.slot_units() as i32;
        Some(offset)
    })
}

/// The 8-byte units an area of `types` takes.
pub(crate) fn area_units(types: &[ValType]) -> u32 {
    types.iter().map(|ty| ty.slot_units()).sum()
}

/// The frame of one function: where each kind of slot is, from the function's shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FrameLayout {
    /// Units of the locals that are not parameters (in this frame).
    pub non_param_units: u32,
    /// Units of the save slots for the caller's values of the registers the function
    /// pins (`saved_units` each).
    pub pinned_units: u32,
    /// Units of the save slots of the convention canaries (0 unless canary mode).
    pub canary_units: u32,
    /// rbp-relative displacement of each local, parameters first.
    local_disps: Box<[i32]>,
    /// rbp-relative displacement of the save slot of each pinned register, in pinning
    /// order.
    pinned_disps: Box<[i32]>,
}

/// Byte offsets, in a block that packs them downwards from its top, of save slots for
/// the registers of save-area indices `indices` (`saved_units` each), as lowest
/// addresses relative to the top unit's address: 0 for a one-unit first slot, -8 for a
/// two-unit one.
fn packed_down(indices: impl Iterator<Item = usize>) -> impl Iterator<Item = (i32, u32)> {
    indices.scan(0u32, |units, index| {
        let size = saved_units(index);
        *units += size;
        Some((-8 * (*units as i32 - 1), size))
    })
}

impl FrameLayout {
    /// The layout of a function whose locals (parameters first) are `locals`, which
    /// pins the registers of save-area indices `pinned` (`saved_gpr`, `saved_xmm`) in
    /// this order, with the convention canaries' save slots if `canaries`.
    pub fn new(
        locals: &[ValType],
        params: u32,
        pinned: impl Iterator<Item = usize>,
        canaries: bool,
    ) -> Self {
        let (params, non_params) = locals.split_at(params as usize);
        // Collected into vectors of the exact length first: a chain of scans has no exact
        // size, and collecting it straight into a box grew it step by step (1% of
        // compile time).
        let mut local_disps = Vec::with_capacity(locals.len());
        local_disps.extend(area_offsets(params).map(|offset| ARGS + offset));
        local_disps.extend(
            area_offsets(non_params)
                .zip(non_params)
                // The lowest address of the local's units, which grow downwards.
                .map(|(offset, ty)| LOCALS - offset - 8 * (ty.slot_units() as i32 - 1)),
        );
        let non_param_units = area_units(non_params);
        let top = LOCALS - 8 * non_param_units as i32;
        let mut pinned_units = 0;
        let mut pinned_disps = Vec::with_capacity(pinned.size_hint().0);
        pinned_disps.extend(packed_down(pinned).map(|(offset, units)| {
            pinned_units += units;
            top + offset
        }));
        FrameLayout {
            non_param_units,
            pinned_units,
            canary_units: if canaries { CALLEE_SAVED_UNITS } else { 0 },
            local_disps: local_disps.into_boxed_slice(),
            pinned_disps: pinned_disps.into_boxed_slice(),
        }
    }

    /// rbp-relative displacement of local `index` (parameters first).
    pub fn local_disp(&self, index: u32) -> i32 {
        self.local_disps[index as usize]
    }

    /// rbp-relative displacement of the lowest unit of the non-parameter locals (the
    /// prologue zeroes `non_param_units` units from there).
    pub fn lowest_local_disp(&self) -> i32 {
        LOCALS - 8 * (self.non_param_units as i32 - 1)
    }

    /// rbp-relative displacement (lowest address) of the save slot of the k-th pinned
    /// register: 8 bytes for a general-purpose register, 16 for an xmm register.
    pub fn pinned_save_disp(&self, k: u32) -> i32 {
        self.pinned_disps[k as usize]
    }

    /// rbp-relative displacement (lowest address) of the canary save slot of
    /// callee-saved register `p` (its position in `callee_saved_indices`), as wide as
    /// the register's save (`saved_units`).
    pub fn canary_disp(&self, p: u32) -> i32 {
        let top = LOCALS - 8 * (self.non_param_units + self.pinned_units) as i32;
        let (offset, _) = packed_down(callee_saved_indices())
            .nth(p as usize)
            .expect("a callee-saved register position");
        top + offset
    }

    /// rbp-relative displacement (the lowest address) of a value-stack slot that starts
    /// `start` units up the spill area and is `units` wide ("DESIGN: slots sized by type"
    /// in `compiler::stack`).
    pub fn slot_disp(&self, start: u32, units: u32) -> i32 {
        LOCALS
            - 8 * (self.non_param_units + self.pinned_units + self.canary_units) as i32
            - 8 * (start + units - 1) as i32
    }

    /// Bytes of stack the frame needs below rbp for value-stack slots of at most
    /// `max_units` units and calls with at most `max_outgoing` argument or result slots:
    /// a multiple of 16, keeping rsp aligned.
    pub fn size(&self, max_units: u32, max_outgoing: u32) -> u32 {
        let slots = 1 // VMCTX_SAVE
            + self.non_param_units
            + self.pinned_units
            + self.canary_units
            + max_units
            + max_outgoing;
        (slots * 8).div_ceil(16) * 16
    }
}

/// 8-byte units the save of the register of save-area index `index` takes, wherever a
/// callee-saved register is saved (a function's pinned-register slots, the canary slots,
/// the callee-saved block of `regs::emit_callee_saved_block`): 1 for a general-purpose
/// register, 2 for an xmm register, which is preserved whole (`regs`, "register
/// convention"; the low 64 bits first, as in the save area).
pub(crate) const fn saved_units(index: usize) -> u32 {
    if index >= saved_xmm(0) {
        2
    } else {
        1
    }
}

/// The callee-saved registers: how many there are.
pub(crate) const CALLEE_SAVED_COUNT: usize = CALLEE_SAVED_GPRS.len() + CALLEE_SAVED_XMMS.len();

/// Units that saving every callee-saved register takes (`saved_units` each, in the order
/// of `callee_saved_indices`): the canary slots of a frame in canary mode, the
/// callee-saved block (`regs::CALLEE_SAVED_BLOCK`).
pub(crate) const CALLEE_SAVED_UNITS: u32 = {
    let (mut units, mut k) = (0, 0);
    while k < CALLEE_SAVED_GPRS.len() {
        units += saved_units(saved_gpr(CALLEE_SAVED_GPRS[k]));
        k += 1;
    }
    k = 0;
    while k < CALLEE_SAVED_XMMS.len() {
        units += saved_units(saved_xmm(CALLEE_SAVED_XMMS[k]));
        k += 1;
    }
    units
};

/// Byte offset of callee-saved register `p` (its position in `callee_saved_indices`) in
/// a block that saves all of them upwards from its base (`regs::emit_callee_saved_block`).
pub(crate) fn callee_saved_block_offset(p: usize) -> i32 {
    callee_saved_indices()
        .take(p)
        .map(|index| 8 * saved_units(index) as i32)
        .sum()
}

/// What reading one function's frames needs besides the frame pointer: its locals'
/// types, how many of them are parameters, and which live in registers. The compiler
/// derives it from the body the way it lays the frame out (`compiler::codegen::shape`),
/// and the debugger walks and reads frames with it (`runtime::debug::walk`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FrameShape {
    /// Types of the locals, parameters first.
    pub locals: Box<[ValType]>,
    /// Number of parameters.
    pub params: u32,
    /// Per local: the save-area index (`saved_gpr`, `saved_xmm`) of the register it is
    /// pinned to, if any.
    pub pinned: Box<[Option<u8>]>,
    /// The function has exception handlers: it pins nothing and saves every
    /// callee-saved register (`runtime::exceptions`, "DESIGN: exceptions").
    pub saves_all: bool,
}

impl FrameShape {
    /// The frame layout of the function's frames (`canaries`: compiled with the
    /// convention canaries' save slots).
    pub fn layout(&self, canaries: bool) -> FrameLayout {
        FrameLayout::new(
            &self.locals,
            self.params,
            self.pinned_registers().map(usize::from),
            canaries,
        )
    }

    /// The save-area indices of the registers the function pins, in the order of their
    /// save slots (slot k holds the caller's value of the k-th: `pinned_save_disp(k)`).
    pub fn pinned_registers(&self) -> impl Iterator<Item = u8> + '_ {
        let all = self
            .saves_all
            .then(|| callee_saved_indices().map(|i| i as u8));
        let pinned = (!self.saves_all).then(|| self.pinned.iter().flatten().copied());
        all.into_iter()
            .flatten()
            .chain(pinned.into_iter().flatten())
    }
}

/// The save-area indices of the callee-saved registers (`regs`, "register convention"),
/// in the order of every block that saves all of them (`regs::emit_callee_saved_block`)
/// and of the convention canaries' save slots (`canary_disp(k)`).
pub(crate) fn callee_saved_indices() -> impl Iterator<Item = usize> {
    CALLEE_SAVED_GPRS
        .iter()
        .map(|&r| saved_gpr(r))
        .chain(CALLEE_SAVED_XMMS.iter().map(|&x| saved_xmm(x)))
}

// DESIGN: save area
// The interrupt, debug and trap stubs save every register in one area on the stack: the
// 16 general-purpose registers at [area + 8*number] (rsp's slot unused), then the 16 xmm
// registers, all 128 bits, at [area + 128 + 16*number] (a scalar float in the low 8
// bytes). The debugger reads and writes register-held locals and operand-stack values
// there, and the stub restores them whole, so a vector live in a register across a stop
// keeps its upper lanes.

/// Bytes of the stubs' register save area.
pub(crate) const SAVE_AREA: i32 = 8 * SAVE_WORDS as i32;
/// 64-bit words of the save area.
pub(crate) const SAVE_WORDS: usize = 16 + 2 * 16;

/// Index in the save area of general-purpose register `r` (hardware number).
pub(crate) const fn saved_gpr(r: u8) -> usize {
    r as usize
}

/// Index in the save area of xmm register `x` (its low 64 bits; the high 64 follow).
pub(crate) const fn saved_xmm(x: u8) -> usize {
    16 + 2 * x as usize
}

/// Where a trap or an aborted debug stop unwinds to: the entry trampoline's stack and
/// frame pointers at its call into wasm. The runtime's activation record starts with
/// one, and trap stubs, the debug stub and the host-call trampoline load both words from
/// the pointer the host returns.
#[repr(C)]
#[derive(Debug, Default)]
pub(crate) struct ResumePoint {
    /// rsp to resume with (the address of the trampoline's return address).
    pub rsp: usize,
    /// The trampoline's rbp.
    pub rbp: usize,
}

/// Offset of [`ResumePoint::rsp`].
pub(crate) const RESUME_RSP: i32 = std::mem::offset_of!(ResumePoint, rsp) as i32;
/// Offset of [`ResumePoint::rbp`].
pub(crate) const RESUME_RBP: i32 = std::mem::offset_of!(ResumePoint, rbp) as i32;

/// Where a thrown exception goes on (`runtime::exceptions`, "DESIGN: exceptions"): the
/// throw stub and the host-call trampoline load these four words and jump. A handler in
/// a wasm frame: `rbp` that frame's, `pc` its landing pad, `exn` the exception object,
/// `rsp` any address below the frame (the landing pad sets its own). No handler in the
/// activation: the entry trampoline's resume point, as a trap returns there (`rsp` past
/// the return address, `pc` that address, `exn` 0).
#[repr(C)]
#[derive(Debug, Default)]
pub(crate) struct Landing {
    pub rsp: usize,
    pub rbp: usize,
    pub pc: usize,
    pub exn: usize,
}

/// Emits the jump to the landing whose address is in rax (the throw stub's and the
/// host-call trampoline's last instructions): rsp, rbp and the pc from it, the exception
/// object in rax.
pub(crate) fn emit_jump_to_landing(asm: &mut dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>) {
    use dynasmrt::{dynasm, DynasmApi};
    dynasm!(asm
        ; .arch x64
        ; mov rcx, [rax + landing::EXN]
        ; mov rdx, [rax + landing::PC]
        ; mov rsp, [rax + landing::RSP]
        ; mov rbp, [rax + landing::RBP]
        ; mov rax, rcx
        ; jmp rdx
    );
}

/// Offsets of [`Landing`]'s words.
pub(crate) mod landing {
    use super::Landing;
    use std::mem::offset_of;
    pub const RSP: i32 = offset_of!(Landing, rsp) as i32;
    pub const RBP: i32 = offset_of!(Landing, rbp) as i32;
    pub const PC: i32 = offset_of!(Landing, pc) as i32;
    pub const EXN: i32 = offset_of!(Landing, exn) as i32;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_do_not_overlap() {
        // Pins r8, xmm6 and r9; canary slots for every callee-saved register.
        let pinned = [saved_gpr(8), saved_xmm(6), saved_gpr(9)];
        let f = FrameLayout::new(&[ValType::I32; 5], 2, pinned.into_iter(), true);
        // (lowest address, bytes) of every slot below rbp.
        let mut below: Vec<(i32, i32)> = (2..5).map(|i| (f.local_disp(i), 8)).collect();
        below.extend((0..3).map(|k| {
            (
                f.pinned_save_disp(k),
                8 * saved_units(pinned[k as usize]) as i32,
            )
        }));
        below.extend(
            callee_saved_indices()
                .enumerate()
                .map(|(p, index)| (f.canary_disp(p as u32), 8 * saved_units(index) as i32)),
        );
        below.extend((0..4).map(|d| (f.slot_disp(d, 1), 8)));
        below.sort_unstable();
        assert!(
            below.windows(2).all(|w| w[0].0 + w[0].1 <= w[1].0),
            "{below:?}"
        );
        assert!(below.iter().all(|&(d, n)| d + n <= VMCTX_SAVE));
        assert_eq!(f.pinned_units, 4);
        assert_eq!(f.canary_units, CALLEE_SAVED_UNITS);
        assert_eq!(f.local_disp(1), ARGS + 8);
        // The frame covers the deepest slot and the outgoing area.
        let size = f.size(4, 3) as i32;
        assert!(-size <= f.slot_disp(3, 1) - 8 * 3);
        assert_eq!(size % 16, 0);
    }

    #[test]
    fn the_callee_saved_block_packs_every_register_at_its_width() {
        let offsets: Vec<i32> = (0..=CALLEE_SAVED_COUNT)
            .map(callee_saved_block_offset)
            .collect();
        assert_eq!(offsets[CALLEE_SAVED_COUNT], 8 * CALLEE_SAVED_UNITS as i32);
        for (p, index) in callee_saved_indices().enumerate() {
            assert_eq!(offsets[p + 1] - offsets[p], 8 * saved_units(index) as i32);
        }
        // Every xmm save is 16 bytes.
        assert_eq!(
            CALLEE_SAVED_UNITS as usize,
            CALLEE_SAVED_GPRS.len() + 2 * CALLEE_SAVED_XMMS.len()
        );
    }

    #[test]
    fn wide_locals_take_their_units_without_overlap() {
        use ValType::{I32, I64, V128};
        let locals = [I32, V128, I64, V128, I32, V128];
        let f = FrameLayout::new(&locals, 2, [saved_gpr(8)].into_iter(), false);
        // Parameters: i32 at unit 0, v128 at units 1-2.
        assert_eq!(f.local_disp(0), ARGS);
        assert_eq!(f.local_disp(1), ARGS + 8);
        // Non-parameters: 1 + 2 + 1 + 2 units below LOCALS, each at its lowest address.
        assert_eq!(f.non_param_units, 6);
        let mut bytes: Vec<(i32, i32)> = (2..6)
            .map(|i| {
                let d = f.local_disp(i);
                (d, d + 8 * locals[i as usize].slot_units() as i32)
            })
            .collect();
        bytes.push((f.pinned_save_disp(0), f.pinned_save_disp(0) + 8));
        bytes.push((f.slot_disp(0, 2), f.slot_disp(0, 2) + 16));
        bytes.sort_unstable();
        assert!(bytes.windows(2).all(|w| w[0].1 <= w[1].0), "{bytes:?}");
        assert!(bytes.iter().all(|&(_, end)| end <= VMCTX_SAVE));
        assert_eq!(f.lowest_local_disp(), bytes[2].0.min(f.local_disp(5)));
    }
}
