//! The register model of compiled code.
//!
//! Pinned: r15 holds the vmctx, r14 the linear-memory base, r12 the thread's stack limit
//! (prologues trap when rsp would go below it; it is per thread, not per instance, so
//! one instance can run on several threads), rbp the frame pointer.
//! Scratch (never allocated, free for any single instruction sequence): rax, rcx, rdx and
//! xmm14, xmm15. Instrumented versions of functions also pin r13 (their site bits). Everything else
//! is allocatable and caller-saved in the wasm calling
//! convention, so a wasm callee may clobber it without saving (see `codegen::calls`).

/// A general-purpose register, by hardware number (0 = rax ... 15 = r15).
pub(crate) type Gpr = u8;
/// An xmm register, by number.
pub(crate) type Xmm = u8;

pub(crate) const RAX: Gpr = 0;
pub(crate) const RCX: Gpr = 1;
pub(crate) const RDX: Gpr = 2;
pub(crate) const RBX: Gpr = 3;
pub(crate) const RSI: Gpr = 6;
pub(crate) const RDI: Gpr = 7;
pub(crate) const R8: Gpr = 8;
pub(crate) const R9: Gpr = 9;
pub(crate) const R10: Gpr = 10;
pub(crate) const R11: Gpr = 11;
pub(crate) const R13: Gpr = 13;

/// In the instrumented version of a function, r13 points at this instance's site bits for
/// the function (see `codegen::breakable`) and is not allocatable.
pub(crate) const DEBUG_BITS: Gpr = R13;

/// GPRs the value stack may hold values in, in allocation preference order.
pub(crate) const ALLOCATABLE_GPRS: [Gpr; 8] = [RBX, RSI, RDI, R8, R9, R10, R11, R13];
/// Xmm registers the value stack may hold values in (xmm14/xmm15 are scratch).
pub(crate) const ALLOCATABLE_XMMS: [Xmm; 14] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
/// Registers that hold the function's first integer-class locals for its whole body
/// (see `codegen::values`, "pinned locals"); taken out of the allocatable set when used.
pub(crate) const PINNED_GPRS: [Gpr; 4] = [R8, R9, R10, R11];
/// Registers that hold the function's first float locals for its whole body.
pub(crate) const PINNED_XMMS: [Xmm; 8] = [6, 7, 8, 9, 10, 11, 12, 13];

/// Scratch xmm registers.
pub(crate) const XSCRATCH: Xmm = 15;
pub(crate) const XSCRATCH2: Xmm = 14;

/// A set of registers as a bit mask indexed by register number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RegSet(u16);

impl RegSet {
    pub fn of(regs: &[u8]) -> RegSet {
        RegSet(regs.iter().fold(0, |m, r| m | 1 << r))
    }
    pub fn contains(self, r: u8) -> bool {
        self.0 & (1 << r) != 0
    }
    pub fn insert(&mut self, r: u8) {
        self.0 |= 1 << r;
    }
    pub fn remove(&mut self, r: u8) {
        self.0 &= !(1 << r);
    }
    /// The first register of `order` that is in the set.
    pub fn first_of(self, order: &[u8]) -> Option<u8> {
        order.iter().copied().find(|r| self.contains(*r))
    }
}
