//! The compile-time value stack: where each wasm operand lives while the single pass runs,
//! and the register allocator that backs it.
//!
//! An entry is a constant (folded into immediates), a lazy reference to a local (read from
//! its frame slot when used), a register, a spilled value in the entry's canonical frame
//! slot (sized by its type, after the slots of the values below it), or a condition still in the CPU flags (a fused
//! compare, consumed by the next branch or select). Values stay in registers until
//! register pressure, a call or a control-flow merge moves them to their slots.

use crate::abi::regs::{Gpr, RegSet, Xmm, TEMPORARY_GPRS, TEMPORARY_XMMS};
use crate::types::ValType;

/// An x86 condition code (the `cc` of `jcc`/`setcc`/`cmovcc`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cond {
    E,
    Ne,
    L,
    Le,
    G,
    Ge,
    B,
    Be,
    A,
    Ae,
}

impl Cond {
    /// The condition that holds exactly when `self` does not.
    pub fn invert(self) -> Cond {
        match self {
            Cond::E => Cond::Ne,
            Cond::Ne => Cond::E,
            Cond::L => Cond::Ge,
            Cond::Ge => Cond::L,
            Cond::Le => Cond::G,
            Cond::G => Cond::Le,
            Cond::B => Cond::Ae,
            Cond::Ae => Cond::B,
            Cond::Be => Cond::A,
            Cond::A => Cond::Be,
        }
    }
}

/// Where a value lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Loc {
    /// A constant, as raw bits (i32/f32 zero-extended).
    Const(u64),
    /// The current value of local `n` (read lazily from its frame slot).
    Local(u32),
    /// A general-purpose register.
    Gpr(Gpr),
    /// An xmm register.
    Xmm(Xmm),
    /// The entry's canonical spill slot (determined by its depth).
    Slot,
    /// An i32 boolean still in the flags: 1 when the condition holds.
    Flags(Cond),
}

/// One value on the compile-time stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub ty: ValType,
    pub loc: Loc,
    /// Where its canonical slot starts, in 8-byte units from the bottom of the spill area:
    /// the units of the entries below it ("DESIGN: slots sized by type").
    pub slot: u32,
}

// DESIGN: slots sized by type
// A value's canonical slot is as wide as its type (`ValType::slot_units`), and the slot of
// an entry begins where the slots of the entries below it end. At a control-flow merge
// every path has the same types below a given depth (validation), so every path agrees
// on where that depth's slot is, as with fixed-width slots; a branch moving values into
// a target frame's slots computes them from the target's types (`slot_units_at`). Every
// type is one unit wide today (one slot per depth, as before); `v128` will take two.

/// The value stack and the registers it owns.
#[derive(Debug)]
pub(crate) struct ValueStack {
    entries: Vec<Entry>,
    /// The most units the entries have taken at once (sizes the spill area).
    max_units: u32,
    free_gprs: RegSet,
    free_xmms: RegSet,
}

impl Default for ValueStack {
    fn default() -> Self {
        ValueStack::new()
    }
}

impl ValueStack {
    pub fn new() -> ValueStack {
        ValueStack::reusing(Vec::new())
    }

    /// An empty stack whose entries go in `buffer` (cleared first), so a buffer can serve
    /// one function after another.
    pub fn reusing(mut buffer: Vec<Entry>) -> ValueStack {
        buffer.clear();
        ValueStack {
            entries: buffer,
            max_units: 0,
            free_gprs: RegSet::of(&TEMPORARY_GPRS),
            free_xmms: RegSet::of(&TEMPORARY_XMMS),
        }
    }

    /// Gives the entries' buffer back for the next function.
    pub fn into_buffer(self) -> Vec<Entry> {
        self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The most 8-byte units the stack's slots have taken (sizes the spill area).
    pub fn max_units(&self) -> u32 {
        self.max_units
    }

    /// Where the slot of depth `depth` starts, in units, for values of the stack's own
    /// types (`depth` at most the length: the next push's slot).
    pub fn slot_units_at(&self, depth: usize) -> u32 {
        match self.entries.get(depth) {
            Some(e) => e.slot,
            None => {
                debug_assert_eq!(depth, self.entries.len());
                self.entries
                    .last()
                    .map_or(0, |top| top.slot + top.ty.slot_units())
            }
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, depth: usize) -> Entry {
        self.entries[depth]
    }

    pub fn top(&self) -> Option<Entry> {
        self.entries.last().copied()
    }

    /// Pushes a value. A register location must have been allocated to this value.
    pub fn push(&mut self, ty: ValType, loc: Loc) {
        let slot = self.slot_units_at(self.entries.len());
        self.entries.push(Entry { ty, loc, slot });
        self.max_units = self.max_units.max(slot + ty.slot_units());
    }

    /// Pops the top entry; its register (if any) stays allocated until `release`.
    pub fn pop(&mut self) -> Entry {
        self.entries
            .pop()
            .expect("validated code never pops an empty stack")
    }

    /// Replaces the location of the entry at `depth` (after it was moved).
    pub fn set_loc(&mut self, depth: usize, loc: Loc) {
        self.entries[depth].loc = loc;
    }

    /// Drops entries down to `len`, releasing their registers.
    pub fn truncate(&mut self, len: usize) {
        while self.entries.len() > len {
            let e = self.pop();
            self.release(e.loc);
        }
    }

    /// Returns a register location to the free pool.
    pub fn release(&mut self, loc: Loc) {
        match loc {
            Loc::Gpr(r) => {
                debug_assert!(!self.free_gprs.contains(r), "double release of gpr {r}");
                self.free_gprs.insert(r)
            }
            Loc::Xmm(x) => {
                debug_assert!(!self.free_xmms.contains(x), "double release of xmm {x}");
                self.free_xmms.insert(x)
            }
            _ => {}
        }
    }

    /// Takes a free GPR, if any.
    pub fn try_alloc_gpr(&mut self) -> Option<Gpr> {
        let r = self.free_gprs.first_of(&TEMPORARY_GPRS)?;
        self.free_gprs.remove(r);
        Some(r)
    }

    /// Takes a free xmm register, if any.
    pub fn try_alloc_xmm(&mut self) -> Option<Xmm> {
        let x = self.free_xmms.first_of(&TEMPORARY_XMMS)?;
        self.free_xmms.remove(x);
        Some(x)
    }

    /// Takes a specific register that must be free (a merge register at a block's end).
    pub fn claim(&mut self, loc: Loc) {
        match loc {
            Loc::Gpr(r) => {
                debug_assert!(self.free_gprs.contains(r), "gpr {r} is busy");
                self.free_gprs.remove(r)
            }
            Loc::Xmm(x) => {
                debug_assert!(self.free_xmms.contains(x), "xmm {x} is busy");
                self.free_xmms.remove(x)
            }
            _ => {}
        }
    }

    /// The depth of the entry holding register location `loc`, if any.
    pub fn holder_of(&self, loc: Loc) -> Option<usize> {
        self.entries.iter().position(|e| e.loc == loc)
    }

    /// Number of GPRs free for allocation.
    pub fn free_gpr_count(&self) -> usize {
        TEMPORARY_GPRS
            .iter()
            .filter(|r| self.free_gprs.contains(**r))
            .count()
    }

    /// Number of xmm registers free for allocation.
    pub fn free_xmm_count(&self) -> usize {
        TEMPORARY_XMMS
            .iter()
            .filter(|x| self.free_xmms.contains(**x))
            .count()
    }

    /// Withholds `r` from allocation for the whole function (a pinned register).
    pub fn reserve_gpr(&mut self, r: Gpr) {
        self.free_gprs.remove(r);
    }

    /// Withholds xmm `x` from allocation for the whole function.
    pub fn reserve_xmm(&mut self, x: Xmm) {
        self.free_xmms.remove(x);
    }

    /// The depth of the oldest entry held in a register of the given class (the one to
    /// spill under pressure: it is the furthest from being used).
    pub fn oldest_in_register(&self, float: bool) -> Option<usize> {
        self.entries.iter().position(|e| match e.loc {
            Loc::Gpr(_) => !float,
            Loc::Xmm(_) => float,
            _ => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registers_are_allocated_once_and_returned() {
        let mut s = ValueStack::new();
        let mut taken = Vec::new();
        while let Some(r) = s.try_alloc_gpr() {
            assert!(!taken.contains(&r));
            taken.push(r);
        }
        assert_eq!(taken.len(), TEMPORARY_GPRS.len());
        s.release(Loc::Gpr(taken[3]));
        assert_eq!(s.try_alloc_gpr(), Some(taken[3]));
    }

    #[test]
    fn reserved_registers_are_never_allocated() {
        let mut s = ValueStack::new();
        s.reserve_gpr(TEMPORARY_GPRS[3]);
        let mut taken = Vec::new();
        while let Some(r) = s.try_alloc_gpr() {
            taken.push(r);
        }
        assert_eq!(taken.len(), TEMPORARY_GPRS.len() - 1);
        assert!(!taken.contains(&TEMPORARY_GPRS[3]));
    }

    #[test]
    fn oldest_register_entry_is_the_spill_candidate() {
        let mut s = ValueStack::new();
        s.push(ValType::I32, Loc::Const(1));
        let a = s.try_alloc_gpr().unwrap();
        s.push(ValType::I32, Loc::Gpr(a));
        let b = s.try_alloc_gpr().unwrap();
        s.push(ValType::I32, Loc::Gpr(b));
        assert_eq!(s.oldest_in_register(false), Some(1));
        assert_eq!(s.oldest_in_register(true), None);
        s.set_loc(1, Loc::Slot);
        s.release(Loc::Gpr(a));
        assert_eq!(s.oldest_in_register(false), Some(2));
    }

    #[test]
    fn truncate_releases_registers_and_tracks_max_units() {
        let mut s = ValueStack::new();
        for _ in 0..4 {
            let x = s.try_alloc_xmm().unwrap();
            s.push(ValType::F64, Loc::Xmm(x));
        }
        assert_eq!(s.max_units(), 4);
        s.truncate(1);
        assert_eq!(s.len(), 1);
        assert_eq!(s.max_units(), 4);
        // Slots follow each other: the next push starts where the one left begins.
        assert_eq!(s.slot_units_at(1), 1);
        s.truncate(0);
        for _ in 0..TEMPORARY_XMMS.len() {
            assert!(s.try_alloc_xmm().is_some());
        }
    }

    #[test]
    fn inverted_conditions_pair_up() {
        for c in [Cond::E, Cond::L, Cond::Le, Cond::B, Cond::Be, Cond::A] {
            assert_eq!(c.invert().invert(), c);
            assert_ne!(c.invert(), c);
        }
    }
}
