//! Loop homes: locals a loop keeps in spare registers while it runs.
//!
//! // DESIGN: loop homes
//! A plain version's innermost loop that cannot leave wasm code, and whose operators each
//! run with two temporaries (`allows`: integer arithmetic but division, comparisons,
//! memory accesses, locals and globals, constants, blocks, `if`, `br` and `br_if`), keeps
//! its most used unpinned integer locals (the skim counts each loop's uses:
//! `shape::BodySkim::home_loops`) in registers while the loop runs:
//!
//! - the temporaries the value stack can spare (`HOME_TEMPORARIES`: r13 and rdi, or with
//!   fuel, whose register is r13, only rdi; rbx stays, since a block's single result
//!   merges there, and so does rsi, leaving the two temporaries every allowed operator
//!   needs);
//! - and rcx and rdx too (`HOME_SCRATCH`), in a loop without global accesses whose
//!   memory accesses, if any, are in a module where addresses spare them
//!   (`memory::addresses_spare_rcx_and_rdx`: one 32-bit memory, guard pages). These are
//!   scratch registers, and the emitters of the operators `allows` takes name them in
//!   a few places, each of which keeps a home there intact: a shift by a count not
//!   known at compile time moves rcx's home to rax around its `cl` form
//!   (`numeric::shift`); clz/ctz/popcnt of a constant is folded; a comparison of two
//!   frame slots loads its left side into rax; an address that needs a register takes
//!   rax instead of rdx (`memory::address32`), and a stored value not in a register a
//!   temporary instead of rcx (`memory::store`);
//! - and r14 too (`HOME_CONTEXT`), the memory base, in a loop without memory accesses:
//!   nothing else in such a loop reads it (no call, no bulk operation, no
//!   `memory.size`/`grow`: `allows`), and every way out that writes the homes back then
//!   reloads it from the vmctx (`write_back`), the head's slow path in a debuggable
//!   module included, before anything there can read it. A trap or the interrupt that
//!   ends the call leaves it behind: every entry into an instance loads it;
//! - and last rax (`HOME_LAST`), the scratch register, in a loop without memory or
//!   global accesses. Where rax is a home (`FuncCompiler::rax_is_home`), the emitters of
//!   the operators `allows` takes do without it: a slot-to-slot `local.set`/`tee` goes
//!   through a temporary, any other slot-to-slot store (a spill of a lazily read local)
//!   through xmm15 (`store_to`; no float code runs in such a loop), a 64-bit constant
//!   goes to a slot in two 32-bit halves, a constant too wide for an immediate operand
//!   and the left side of a comparison of two slots take a temporary (`int_scratch`,
//!   `alloc_gpr`, which may spill a value but never needs rax to), a shift by a count
//!   not known at compile time keeps rcx's home in xmm15, and clz/ctz jump over a zero
//!   input instead of selecting a constant held in rax. Where rax is not a home, the
//!   code is what it was (spills, 64-bit immediates, memory-to-memory moves through rax).
//!
//! A home is a pinned local for the loop's extent: `FuncCompiler::pinned` names its
//! register, so every operand path and `local.set` use the register, and the value stack
//! withholds it (a temporary) or never had it (rcx, rdx, r14, rax).
//!
//! Invariant: from the loop's entry to every way out of it, a homed local's value is in
//! its register and only there; everywhere else it is in its frame slot. The loop loads
//! its homes before its head (entry only: the back edges carry them in their registers),
//! and every way out writes them back first: the fall-through `end`, and each `br` or
//! `br_if` to a label outside the loop (the taken path only). Nothing else leaves such a
//! loop: it has no call, `return`, `br_table`, throw or handler (`allows`). A trap ends
//! the call, and only a debugger reads the frames of a trapping call, so:
//!
//! - in a module without debugging the frames are never read for locals, and any allowed
//!   loop may have homes;
//! - in a debuggable module's plain version a homed loop has no memory access
//!   (`HomeLoop::accesses_memory`), so nothing in it traps or faults (no division, no
//!   watched page), and every way the debugger or the embedder reaches it goes through
//!   its head's transfer point (it has no check inline: `interruptible`; the interrupt
//!   signal steps the thread to the head, stop requests too: `runtime::interrupt`). That
//!   point keeps "both versions agree on where every value is" ("DESIGN: breakable
//!   points") on both ways across: the head's slow path writes the homes back before it
//!   does anything else (`breakable::emit_loop_check_slow_paths`), and the plain point
//!   the instrumented version (or the slow path) goes on at is an out-of-line reload of
//!   the homes that then jumps to the head (`breakable::loop_head_without_check`);
//! - with debugging and fuel together no loop has homes (running out of fuel traps at
//!   the head, inside the loop).
//!
//! Tests: tests/loop_homes.rs (every way out of a homed loop, results against a model, in
//! plain, debuggable, fuel, debuggable-with-fuel and explicit-bounds configurations, and
//! how many homes each gives; loops with six homes, rcx, rdx, r14 and rax among them,
//! around each operator that would name rcx or rdx and left every way before memory
//! accesses; a loop with six homes around each emitter that would take rax; loops
//! with four homes around loads and stores, and accesses at offsets
//! beyond 2^31 from addresses in slots; in a debuggable module, the locals at a
//! breakpoint set while the loop runs (one changed there, then the loop back in the plain
//! version), at pauses, and at the trap of the embedder's stop request, against the
//! model); tests/golden/loop_homes.wat.

use super::FuncCompiler;
use crate::abi::regs::{Gpr, MEMORY_BASE, R13, RAX, RCX, RDI, RDX, TEMPORARY_GPRS};
use crate::abi::vmctx::header;
use crate::compiler::stack::Loc;
use crate::types::ValType;
use dynasmrt::{dynasm, DynasmApi};

/// The temporaries a loop may keep homes in, in order: the value stack's last two
/// (`regs::TEMPORARY_GPRS`). The first two (rbx, rsi) stay with the value stack.
const HOME_TEMPORARIES: [Gpr; 2] = [R13, RDI];

/// The scratch registers a loop may keep homes in as well (after `HOME_TEMPORARIES`),
/// where nothing in it needs them (`enter_loop_homes`).
const HOME_SCRATCH: [Gpr; 2] = [RCX, RDX];

/// The context register a loop may keep a home in as well (after the others), where
/// nothing in it reads it: r14, the memory base, in a loop without memory accesses. Every
/// way out restores it from the vmctx (`write_back`).
const HOME_CONTEXT: [Gpr; 1] = [MEMORY_BASE];

/// The register a loop may keep a home in last of all: rax, the scratch register, in a
/// loop without memory or global accesses (where nothing else needs it but the emitters
/// that take another way where it is a home: `FuncCompiler::rax_is_home`).
const HOME_LAST: [Gpr; 1] = [RAX];

/// The most homes a loop may have.
const MOST_HOMES: usize =
    HOME_TEMPORARIES.len() + HOME_SCRATCH.len() + HOME_CONTEXT.len() + HOME_LAST.len();

/// A loop that may keep homes (`shape::BodySkim::home_loops`, then
/// `BodyShape::loop_homes`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct HomeLoop {
    /// The loop operator's module offset.
    pub offset: u32,
    /// Whether it has a load or a store (which may trap or fault on a watched page).
    pub accesses_memory: bool,
    /// Whether it has a `global.get` or `global.set` (whose emitters name rcx for an
    /// imported global's cell): then neither rcx nor rdx may be a home.
    pub accesses_globals: bool,
    /// (local, uses inside the loop): from the skim, every local the loop uses; in
    /// `BodyShape::loop_homes`, the candidates, most used first.
    pub locals: Vec<(u32, u32)>,
}

/// Whether opcode `op` (its first byte) is a load or a store.
pub(super) fn accesses_memory(op: u8) -> bool {
    (0x28..=0x3e).contains(&op)
}

/// Whether opcode `op` (its first byte) is `global.get` or `global.set`.
pub(super) fn accesses_globals(op: u8) -> bool {
    matches!(op, 0x23 | 0x24)
}

/// Fewest uses inside the loop for a local to be worth a home (a load before the loop and
/// a store on each way out).
const MIN_USES: u32 = 3;

/// Whether a loop containing opcode `op` (its first byte) may keep homes: the operator
/// needs at most two temporaries at once, leaves the loop only by `br`/`br_if` or its
/// `end`, and touches no temporary by name.
pub(super) fn allows(op: u8) -> bool {
    matches!(op,
        // nop, block, if, else, end, br, br_if, drop
        0x01 | 0x02 | 0x04 | 0x05 | 0x0b | 0x0c | 0x0d | 0x1a
        // local.get/set/tee, global.get/set
        | 0x20..=0x24
        // loads and stores
        | 0x28..=0x3e
        // i32.const, i64.const
        | 0x41 | 0x42
        // integer comparisons
        | 0x45..=0x5a
        // i32 clz..mul, and..rotr; i64 the same (no division or remainder)
        | 0x67..=0x6c | 0x71..=0x7e | 0x83..=0x8a
        // wrap, extends, sign extensions
        | 0xa7 | 0xac | 0xad | 0xc0..=0xc4)
}

/// The loops that may have homes (`BodyShape::loop_homes`), from the skim's per-loop
/// uses: each with its candidates, integer locals not pinned for the whole function,
/// used at least `MIN_USES` times, most used first, at most `MOST_HOMES`.
pub(super) fn candidates(
    home_loops: &[HomeLoop],
    locals: &[ValType],
    pinned: &[Option<Loc>],
) -> Vec<HomeLoop> {
    home_loops
        .iter()
        .filter_map(|found| {
            let mut chosen: Vec<(u32, u32)> = found
                .locals
                .iter()
                .copied()
                .filter(|&(l, n)| {
                    n >= MIN_USES
                        && pinned[l as usize].is_none()
                        && matches!(locals[l as usize], ValType::I32 | ValType::I64)
                })
                .collect();
            chosen.sort_by_key(|&(l, n)| (std::cmp::Reverse(n), l));
            chosen.truncate(MOST_HOMES);
            (!chosen.is_empty()).then(|| HomeLoop {
                locals: chosen,
                ..found.clone()
            })
        })
        .collect()
}

impl FuncCompiler<'_, '_> {
    /// At a loop operator, before its head: gives the loop its homes, if it has any here
    /// (plain versions; in debuggable modules only loops without memory accesses, and
    /// none with fuel too), loading each from its slot. Returns the homes, for the loop's
    /// frame.
    pub(super) fn enter_loop_homes(&mut self) -> Vec<(u32, Gpr)> {
        if self.instrumented || (self.env.debug && self.env.fuel) {
            return Vec::new();
        }
        let Ok(k) = self
            .loop_homes
            .binary_search_by_key(&self.offset, |l| l.offset)
        else {
            return Vec::new();
        };
        let found = &self.loop_homes[k];
        if self.env.debug && found.accesses_memory {
            return Vec::new();
        }
        let scratch_spared = !found.accesses_globals
            && (!found.accesses_memory || self.addresses_spare_rcx_and_rdx());
        let scratch: &[Gpr] = if scratch_spared { &HOME_SCRATCH } else { &[] };
        let context: &[Gpr] = if found.accesses_memory {
            &[]
        } else {
            &HOME_CONTEXT
        };
        let last: &[Gpr] = if found.accesses_memory || found.accesses_globals {
            &[]
        } else {
            &HOME_LAST
        };
        let registers = HOME_TEMPORARIES[usize::from(self.env.fuel)..]
            .iter()
            .chain(scratch)
            .chain(context)
            .chain(last)
            .copied();
        let homes: Vec<(u32, Gpr)> = found
            .locals
            .iter()
            .map(|&(local, _)| local)
            .zip(registers)
            .collect();
        self.reload_homes(&homes);
        for &(local, reg) in &homes {
            debug_assert!(self.stack.holder_of(Loc::Gpr(reg)).is_none());
            if TEMPORARY_GPRS.contains(&reg) {
                self.stack.reserve_gpr(reg);
            }
            self.pinned_regs.0.insert(reg);
            self.pinned[local as usize] = Some(Loc::Gpr(reg));
        }
        homes
    }

    /// Loads `homes` from their locals' slots.
    pub(super) fn reload_homes(&mut self, homes: &[(u32, Gpr)]) {
        for &(local, reg) in homes {
            let disp = self.local_disp(local);
            if self.locals[local as usize] == ValType::I64 {
                dynasm!(self.asm ; .arch x64 ; mov Rq(reg), [rbp + disp]);
            } else {
                dynasm!(self.asm ; .arch x64 ; mov Rd(reg), [rbp + disp]);
            }
        }
    }

    /// Stores `homes` to their locals' slots (a way out of their loop), then gives r14
    /// the memory base back if it was a home.
    pub(super) fn write_back(&mut self, homes: &[(u32, Gpr)]) {
        for &(local, reg) in homes {
            let disp = self.local_disp(local);
            if self.locals[local as usize] == ValType::I64 {
                dynasm!(self.asm ; .arch x64 ; mov [rbp + disp], Rq(reg));
            } else {
                dynasm!(self.asm ; .arch x64 ; mov [rbp + disp], Rd(reg));
            }
        }
        if homes.iter().any(|&(_, reg)| reg == MEMORY_BASE) {
            dynasm!(self.asm ; .arch x64 ; mov r14, [r15 + header::MEM_BASE]);
        }
    }

    /// The homes of the loops a branch `depth` levels out leaves (those of the frames
    /// inside its target).
    pub(super) fn homes_left_by(&self, depth: u32) -> Vec<(u32, Gpr)> {
        let target = self.frames.len() - 1 - depth as usize;
        self.frames[target + 1..]
            .iter()
            .flat_map(|f| f.homes.iter().copied())
            .collect()
    }

    /// Before a branch `depth` levels out jumps: writes back the homes it leaves.
    pub(super) fn write_back_homes_left_by(&mut self, depth: u32) {
        let homes = self.homes_left_by(depth);
        self.write_back(&homes);
    }

    /// At a homed loop's `end`: writes its homes back if the end is reachable, and gives
    /// the temporaries among their registers back to the value stack.
    pub(super) fn leave_loop_homes(&mut self, homes: &[(u32, Gpr)]) {
        if self.reachable {
            self.write_back(homes);
        }
        for &(local, reg) in homes {
            self.pinned[local as usize] = None;
            self.pinned_regs.0.remove(reg);
            if TEMPORARY_GPRS.contains(&reg) {
                self.stack.release(Loc::Gpr(reg));
            }
        }
    }
}
