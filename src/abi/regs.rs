//! The register model of compiled code: which register holds what, and the one statement
//! of the register convention that every emitter (function bodies, calls, trampolines,
//! stubs) follows.
//!
//! // DESIGN: register convention
//! Every register belongs to exactly one of these classes, for every kind of function
//! (plain versions, instrumented versions, small leaves) and every call between them:
//!
//! | class | registers | across a call | may hold |
//! | --- | --- | --- | --- |
//! | frame | rsp, rbp | preserved | the rbp chain |
//! | context | r15 (vmctx), r14 (memory base), r12 (stack limit) | preserved (a cross-instance caller reloads r15/r14 from its frame) | only their value; r14 also a memory-free call-free loop's home |
//! | callee-saved | `CALLEE_SAVED_GPRS` r8-r11, `CALLEE_SAVED_XMMS` xmm6-xmm13 | preserved | pinned locals only |
//! | temporaries | `TEMPORARY_GPRS` rbx, rsi, rdi, r13; `TEMPORARY_XMMS` xmm0-xmm5 | clobbered | value-stack values between calls |
//! | scratch | rax, rcx, rdx, xmm14, xmm15 | clobbered | one instruction sequence; rcx, rdx and (memory- and global-free) rax also a call-free loop's homes |
//!
//! - **Callee-saved means written only if saved.** A function writes a callee-saved
//!   register only when it pins a local there; its prologue then saves the caller's value
//!   in the frame and every return restores it. A callee-saved register is never a
//!   temporary, so a caller may keep pinned locals (and lazy references to them on the
//!   value stack) in these registers across any call into wasm code. Host code (SysV)
//!   does not preserve them, so every way into the host saves all of them: the
//!   host-helper stub (libcalls and helpers), the host-call trampoline (imported host
//!   functions), and the interrupt, debug and trap stubs.
//! - **Of xmm6-xmm13 all 128 bits are preserved.** A pinned local there may be a `v128`
//!   as well as an f32 or f64, so every save and restore of a callee-saved xmm register
//!   moves 16 bytes (the prologue's saves, the callee-saved block around host code, the
//!   canary slots, the stubs' save area: `frame::saved_units`), whatever the function
//!   itself keeps there. The convention canaries check all 128 bits
//!   (`check_xmm_canary`).
//! - **Temporaries die at calls.** The value stack allocates only temporaries (plus the
//!   function's own pinned registers, which it never hands out). Before any call the
//!   value stack moves every register-held value to its frame slot, so nothing is live in
//!   a temporary across a call and a callee may use all of them without saving.
//! - **rsi carries the first argument.** At every call into wasm code an i32/i64 first
//!   argument is in rsi as well as in its slot (the entry trampoline copies slot 0). A
//!   call sequence reads every operand it needs (the arguments, a `call_indirect` table
//!   index, which goes to rcx) before it writes rsi, so writing rsi is the last move
//!   before the callee is selected. A small leaf keeps its first parameter in rsi (a
//!   pinned local in a temporary: sound because a leaf makes no call; in a debuggable
//!   module only the plain version, which writes it through to its slot:
//!   `codegen::values`, "DESIGN: the first argument written through").
//! - **Special uses of temporaries and scratch.** rbx and xmm0 merge a block's single
//!   result (nothing else is live in registers at a merge); rax and xmm0 return the first
//!   result; rcx holds the `call_indirect` index and then the callee's vmctx; in
//!   instrumented versions r13 (`DEBUG_BITS`) holds the function's site bits, is never
//!   allocated there, and is reloaded at every transfer point, which follows every call;
//!   in plain versions of a module compiled with fuel r13 (`FUEL`) holds the instance's
//!   fuel and is never allocated (`codegen::fuel`, "DESIGN: fuel"); while a plain
//!   version's call-free loop runs, r13, rdi, (unless it accesses globals, or memory
//!   where addresses need them) rcx and rdx, and (unless it accesses memory) r14 may
//!   hold its most used locals, r14 reloaded from the vmctx on every way out
//!   (`codegen::loop_homes`, "DESIGN: loop homes").
//!
//! | function kind | temporaries it allocates | callee-saved registers it writes |
//! | --- | --- | --- |
//! | plain version | rbx, rsi, rdi, r13 (not with fuel: the fuel), xmm0-xmm5 | those it pins |
//! | instrumented version | rbx, rsi, rdi, xmm0-xmm5 (r13: site bits) | those it pins |
//! | small leaf | as its version, less rsi in a plain module or a debuggable module's plain version without fuel (its first parameter) | none |
//! | trampolines, stubs | any | saved and restored around host code |
//!
//! The convention canaries (`Config::convention_canaries`, a test mode) check it at run
//! time: around every call they fill the callee-saved registers with distinct values and
//! trap if any comes back changed (`codegen::calls`, "DESIGN: convention canaries").

/// A general-purpose register, by hardware number (0 = rax ... 15 = r15).
pub(crate) type Gpr = u8;
/// An xmm register, by number.
pub(crate) type Xmm = u8;

pub(crate) const RAX: Gpr = 0;
pub(crate) const RCX: Gpr = 1;
pub(crate) const RDX: Gpr = 2;
pub(crate) const RBX: Gpr = 3;
pub(crate) const RSP: Gpr = 4;
pub(crate) const RBP: Gpr = 5;
pub(crate) const RSI: Gpr = 6;
pub(crate) const RDI: Gpr = 7;
pub(crate) const R8: Gpr = 8;
pub(crate) const R9: Gpr = 9;
pub(crate) const R10: Gpr = 10;
pub(crate) const R11: Gpr = 11;
pub(crate) const R12: Gpr = 12;
pub(crate) const R13: Gpr = 13;
#[allow(dead_code)] // named for the table above and the convention's tests
pub(crate) const R14: Gpr = 14;
pub(crate) const R15: Gpr = 15;

// DESIGN: entries through the stack limit
// A debuggable module's plain versions have no test of their own at function entry:
// the prologue's stack check, `cmp rsp, r12 ; jb slow` (every function of a debuggable
// module has one, small leaves included), is what makes entry switch to the
// instrumented version, so that an instance that debugs nothing runs the code of an
// uninstrumented module in its hot paths, on any processor. Besides the thread's stack
// limit (below 2^47), r12 carries three flags, each of which makes the check fail:
//
// - `INTERRUPTED` (bit 61, with every other bit: r12 = all ones): another thread's
//   interrupt (`runtime::interrupt`). The slow path calls the interrupt stub, whose
//   libcall gives r12 back as the limit or'ed with the instance's `DEBUG_BITS` word,
//   or as `STOP` when the call must stop (`runtime::stop`).
// - `ENTERED` (bit 62): execution has just entered this instance from outside its own
//   code: the entry trampoline and every call into another context or `or` the callee
//   context's `ENTRY_BITS` word into r12 (`ENTERED` in debuggable instances, 0 in plain
//   instances and host-function contexts). The slow path of the prologue that finds it
//   sets r12 to the limit, with `WATCHED` iff the function's word is not zero.
// - `WATCHED` (bit 63): the running function may reach, through direct calls, a
//   function this instance debugs. The host keeps every function's word (`breakable`)
//   at 0 (not debugged, reaches nothing debugged), 1 (not debugged, but reaches a
//   debugged function by direct calls, or makes indirect calls, which reach anything),
//   or a pointer (debugged) (`runtime::debug::state`). The slow path of a prologue
//   finding `WATCHED` alone goes to the instrumented version iff the word is a pointer;
//   it never clears the flag, since the caller may need it.
//
// Invariant: whenever plain code of a function whose word is a pointer is entered, r12
// has a flag set. By induction over calls: a function entered from outside sets
// `WATCHED` iff its word is not zero, which it is if any function it reaches by direct
// calls is debugged; a direct call keeps r12, and a callee's reach is part of its
// caller's; `call_indirect` within the instance keeps r12, and its caller's word is not
// zero whenever anything is debugged. Returning from another context, code clears
// `ENTERED` and `WATCHED` and ors its own instance's `DEBUG_BITS` (`WATCHED` iff it
// debugs anything: more than needed, never less). When the debug state changes under
// running code, r12 follows: the debug hook sets or clears `WATCHED` in the registers it
// restores, the interrupt of other threads recomputes it, and a host function returns
// through the context restore. The heads of loops that can call compare r12 too, so
// while `WATCHED` is set in a function, those loops take their out-of-line path each
// iteration (loops that cannot call have no compare: nothing in them can enter a
// function, and a debug request reaches them through the interrupt signal,
// `runtime::interrupt`, "DESIGN: interrupts in loops without calls"): debugging with
// breakpoints costs in the code that can reach them (benches/RESULTS.md, "Lazy
// instrumented versions"); with none, nothing. `tests/debug_lazy.rs` enters a debugged
// function in each of these ways.

/// The flags r12 carries besides the stack limit ("DESIGN: entries through the stack
/// limit"), as bit numbers and as values.
pub(crate) const INTERRUPTED_BIT: i8 = 61;
pub(crate) const ENTERED_BIT: i8 = 62;
pub(crate) const WATCHED_BIT: i8 = 63;
pub(crate) const ENTERED: u64 = 1 << ENTERED_BIT;
pub(crate) const WATCHED: u64 = 1 << WATCHED_BIT;

/// What the interrupt stub leaves in r12 when the running call must stop
/// (`runtime::stop`): no stack limit is 0, and each slow path tests for it right after
/// the stub returns (before a compare with r12, which 0 would pass), then traps with
/// `TrapKind::Interrupted`. An interrupt landing in between makes r12 all ones: the check
/// fails again, the stub runs again and finds the request still there (only the trap
/// answers it).
pub(crate) const STOP: u64 = 0;

/// Context registers (see the table above): the thread's stack limit, the linear-memory
/// base and the vmctx. The assembly names them directly (`r12`, `r14`, `r15`); these
/// constants are for code that indexes registers by number (the save area, signal
/// contexts, the convention's tests).
pub(crate) const STACK_LIMIT: Gpr = R12;
pub(crate) const MEMORY_BASE: Gpr = R14;
pub(crate) const VMCTX: Gpr = R15;

/// In the instrumented version of a function, r13 points at this instance's site bits for
/// the function (see `codegen::breakable`) and is not allocatable.
pub(crate) const DEBUG_BITS: Gpr = R13;

/// In the plain version of a function of a module compiled with fuel, r13 holds the
/// instance's fuel while the function runs and is not allocatable (`codegen::fuel`,
/// "DESIGN: fuel"): loaded after the prologue, written back to the vmctx before anything
/// else can read it (every call, return, trap and host call) and reloaded after a call.
pub(crate) const FUEL: Gpr = R13;

/// Caller-saved GPRs the value stack holds values in, in allocation preference order.
pub(crate) const TEMPORARY_GPRS: [Gpr; 4] = [RBX, RSI, RDI, R13];
/// The fewest temporaries of each class a function may be left with after its pinned
/// registers and r13 are taken out: an operator holds at most two popped operands in
/// registers while it allocates its result (`divide`, `select`), so it needs a third.
pub(crate) const MIN_TEMPORARIES: usize = 3;
/// Caller-saved xmm registers the value stack holds values in.
pub(crate) const TEMPORARY_XMMS: [Xmm; 6] = [0, 1, 2, 3, 4, 5];
/// Callee-saved GPRs: they hold pinned integer locals (see `codegen::values`, "pinned
/// locals") and nothing else.
pub(crate) const CALLEE_SAVED_GPRS: [Gpr; 4] = [R8, R9, R10, R11];
/// Callee-saved xmm registers: they hold pinned float and vector locals and nothing else.
pub(crate) const CALLEE_SAVED_XMMS: [Xmm; 8] = [6, 7, 8, 9, 10, 11, 12, 13];

/// Scratch xmm registers.
pub(crate) const XSCRATCH: Xmm = 15;
pub(crate) const XSCRATCH2: Xmm = 14;

/// Bytes of a block that saves every callee-saved register (the GPRs, 8 bytes each, then
/// the xmm registers, all 128 bits each: `frame::callee_saved_block_offset`), as the
/// host-helper stub and the host-call trampoline build around host code.
pub(crate) const CALLEE_SAVED_BLOCK: i32 = 8 * crate::abi::frame::CALLEE_SAVED_UNITS as i32;

/// Emits the stores (`restore` false) or loads of every callee-saved register to or from
/// a save block at `[base + disp]` (`CALLEE_SAVED_BLOCK` bytes): the one layout of that
/// block.
pub(crate) fn emit_callee_saved_block(
    asm: &mut dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>,
    base: Gpr,
    disp: i32,
    restore: bool,
) {
    #![allow(clippy::useless_conversion)] // dynasm converts the (already u8) numbers
    use crate::abi::frame::callee_saved_block_offset;
    use dynasmrt::{dynasm, DynasmApi};
    for (k, &r) in CALLEE_SAVED_GPRS.iter().enumerate() {
        let at = disp + callee_saved_block_offset(k);
        if restore {
            dynasm!(asm ; .arch x64 ; mov Rq(r), [Rq(base) + at]);
        } else {
            dynasm!(asm ; .arch x64 ; mov [Rq(base) + at], Rq(r));
        }
    }
    for (k, &x) in CALLEE_SAVED_XMMS.iter().enumerate() {
        let at = disp + callee_saved_block_offset(CALLEE_SAVED_GPRS.len() + k);
        if restore {
            dynasm!(asm ; .arch x64 ; movdqu Rx(x), [Rq(base) + at]);
        } else {
            dynasm!(asm ; .arch x64 ; movdqu [Rq(base) + at], Rx(x));
        }
    }
}

/// The convention canary for callee-saved register `reg` (xmm registers as 16 + number):
/// negative, so that as a sign-extended imm32 its upper 32 bits are all ones and a 32-bit
/// write shows (`codegen::calls`, "DESIGN: convention canaries").
pub(crate) fn canary(reg: u8) -> i32 {
    (0xA5C0_0000u32 | (reg as u32) << 8 | 0x5A) as i32
}

/// Canary mode: fills xmm register `x` with its canary, all 128 bits: `canary(16 + x)`
/// in the low half, its complement in the high half (SSE2 only, through rdx and
/// `XSCRATCH`; shared by calls from wasm code and the entry trampoline).
pub(crate) fn fill_xmm_canary(
    asm: &mut dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>,
    x: u8,
) {
    #![allow(clippy::useless_conversion)] // dynasm converts the (already u8) numbers
    use dynasmrt::{dynasm, DynasmApi};
    dynasm!(asm
        ; .arch x64
        ; mov rdx, canary(16 + x)
        ; movq Rx(x), rdx
        ; not rdx
        ; movq Rx(XSCRATCH), rdx
        ; punpcklqdq Rx(x), Rx(XSCRATCH)
    );
}

/// Canary mode: after a call, sets ZF exactly when xmm register `x` kept its canary, all
/// 128 bits (the convention preserves them whole). Uses rdx and `XSCRATCH`.
pub(crate) fn check_xmm_canary(
    asm: &mut dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>,
    x: u8,
) {
    #![allow(clippy::useless_conversion)] // dynasm converts the (already u8) numbers
    use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
    dynasm!(asm
        ; .arch x64
        ; pshufd Rx(XSCRATCH), Rx(x), 0xee_u8 as i8
        ; movq rdx, Rx(XSCRATCH)
        ; cmp rdx, !canary(16 + x)
        ; jne >xmm_canary_checked
        ; movq rdx, Rx(x)
        ; cmp rdx, canary(16 + x)
        ; xmm_canary_checked:
    );
}

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
    /// Whether no register is in both sets.
    #[cfg(test)]
    pub fn is_disjoint(self, other: RegSet) -> bool {
        self.0 & other.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The classes of the convention are disjoint: a register that may hold a temporary is
    /// never one a callee must preserve, and neither is scratch or pinned context.
    #[test]
    fn convention_classes_are_disjoint() {
        let temporaries = RegSet::of(&TEMPORARY_GPRS);
        let callee_saved = RegSet::of(&CALLEE_SAVED_GPRS);
        let context = RegSet::of(&[RSP, RBP, STACK_LIMIT, MEMORY_BASE, VMCTX]);
        let scratch = RegSet::of(&[RAX, RCX, RDX]);
        for (a, b) in [
            (temporaries, callee_saved),
            (temporaries, context),
            (temporaries, scratch),
            (callee_saved, context),
            (callee_saved, scratch),
        ] {
            assert!(a.is_disjoint(b), "{a:?} and {b:?} overlap");
        }
        let xtemps = RegSet::of(&TEMPORARY_XMMS);
        let xsaved = RegSet::of(&CALLEE_SAVED_XMMS);
        let xscratch = RegSet::of(&[XSCRATCH, XSCRATCH2]);
        assert!(xtemps.is_disjoint(xsaved));
        assert!(xtemps.is_disjoint(xscratch));
        assert!(xsaved.is_disjoint(xscratch));
    }
}
