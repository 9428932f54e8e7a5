//! Fuel accounting (`Config::consume_fuel`): where code pays for what it runs.
//!
//! // DESIGN: fuel
//! The instance's fuel is a word of the vmctx header (`header::FUEL`). A function body is
//! split, by its syntax alone, into stretches: the instructions not inside any loop, and
//! for each loop the instructions of its body not inside a nested loop (its `end`
//! included; the `loop` instruction belongs to the enclosing stretch). Code pays for a
//! whole stretch where it starts: after the prologue for the function's stretch, and at
//! the loop head (entering the loop and every branch back) for a loop's.
//!
//! Plain versions keep the fuel in a register, r13 (`regs::FUEL`, taken out of
//! allocation), so that a loop's payment is one register subtraction, not a
//! read-modify-write of memory whose every iteration waits for the last:
//!
//! ```text
//!     mov r13, [r15 + FUEL]         ; after the prologue
//!     sub r13, n                    ; n: the stretch's instructions, patched in once the
//!     jb out_of_fuel                ; pass has seen the stretch's end
//! ```
//!
//! Invariant: wherever anything but this function's own code can read or write the fuel,
//! the vmctx word holds it. So r13 is written back (`fuel_to_memory`) before every call
//! (wasm, host function, host helper), before the interrupt stub and the loop head's
//! transfer path, at every return, and at every trap site after the prologue (the module
//! code's memory-fault stub writes it too: faults happen only in bodies); and reloaded
//! (`fuel_from_memory`) right after every call returns (at the return address, where a
//! redirected caller also resumes) and after the interrupt stub. An instrumented version
//! pays in memory (`sub qword [r15 + FUEL], n ; jb`): it writes no r13 fuel, and where
//! it jumps back into the plain version it loads r13 first. `tests/fuel.rs` (exact use and
//! the trap point, including after traps and host calls, in every configuration) fails
//! when a write-back or reload is missing.
//!
//! A borrow (fuel below n) traps with `TrapKind::OutOfFuel`, and the trap sets the fuel
//! to 0, so the instructions of a stretch that cannot be paid for do not run.
//!
//! Invariant: the same program with the same arguments uses the same fuel in every
//! configuration. It holds because (1) the stretches and their sizes come from the
//! operators alone, counted before any reachability or folding decision of the pass,
//! so both versions of a function and every configuration count alike; (2) each version
//! pays at the same points, after the entry's and the loop head's transfer points: a
//! transfer between versions lands before the payment of the version it enters, and
//! leaves the other before its payment, so each arrival pays once. `tests/fuel.rs`
//! compares the fuel used and the point where it runs out across configurations, and a
//! hand-counted program's exact use.

use super::FuncCompiler;
use crate::abi::vmctx::header;
use crate::trap::TrapKind;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use wasmparser::Operator;

/// One open stretch: the function's or a loop's.
#[derive(Debug)]
pub(super) struct Stretch {
    /// Instructions counted so far.
    count: u32,
    /// Where the payment's immediate is, if the pass emitted it (a loop in dead code has
    /// none).
    patch: Option<usize>,
}

/// The syntactic nesting the counts follow: one entry per open block, `true` for a loop.
#[derive(Debug, Default)]
pub(super) struct FuelCount {
    blocks: Vec<bool>,
    stretches: Vec<Stretch>,
}

/// The immediate emitted before it is known: not an imm8, so the encoding has 4 bytes.
const PLACEHOLDER: i32 = i32::MAX;

impl FuncCompiler<'_, '_> {
    /// Counts `op` into its stretch, before the pass compiles it (with fuel only).
    /// A `loop` opens its stretch here, so that `control::loop_` pays into it; the `end`
    /// of a loop closes it.
    #[inline]
    pub(super) fn count_fuel(&mut self, op: &Operator<'_>) {
        let fuel = &mut self.fuel;
        if let Some(stretch) = fuel.stretches.last_mut() {
            stretch.count = stretch.count.saturating_add(1);
        }
        match op {
            Operator::Loop { .. } => {
                fuel.blocks.push(true);
                fuel.stretches.push(Stretch {
                    count: 0,
                    patch: None,
                });
            }
            Operator::Block { .. }
            | Operator::If { .. }
            | Operator::TryTable { .. }
            | Operator::Try { .. } => fuel.blocks.push(false),
            Operator::End => {
                let closes_loop = fuel.blocks.pop() == Some(true);
                // A loop's stretch is above the function's, which stays open.
                if let Some(stretch) = closes_loop.then(|| fuel.stretches.pop()).flatten() {
                    self.close_stretch(stretch);
                }
            }
            _ => {}
        }
    }

    /// Opens the function's stretch and pays for it (after the prologue).
    pub(super) fn start_fuel(&mut self) {
        if !self.env.fuel {
            return;
        }
        self.fuel = FuelCount::default();
        self.fuel.stretches.push(Stretch {
            count: 0,
            patch: None,
        });
        if !self.instrumented {
            dynasm!(self.asm
                ; .arch x64
                ; mov r13, QWORD [r15 + header::FUEL]
            );
        }
        self.pay_fuel();
    }

    /// Writes a plain version's fuel register back to the vmctx (with fuel only): before
    /// anything but this function's code may read or write the fuel ("DESIGN: fuel").
    pub(super) fn fuel_to_memory(&mut self) {
        if self.env.fuel && !self.instrumented {
            dynasm!(self.asm
                ; .arch x64
                ; mov QWORD [r15 + header::FUEL], r13
            );
        }
    }

    /// Reloads a plain version's fuel register from the vmctx (with fuel only): after
    /// other code ran.
    pub(super) fn fuel_from_memory(&mut self) {
        if self.env.fuel && !self.instrumented {
            dynasm!(self.asm
                ; .arch x64
                ; mov r13, QWORD [r15 + header::FUEL]
            );
        }
    }

    /// Closes the function's stretch once the pass has seen its body.
    pub(super) fn finish_fuel(&mut self) {
        if let Some(stretch) = self.fuel.stretches.pop() {
            self.close_stretch(stretch);
        }
    }

    /// Emits the payment for the innermost open stretch (its size patched in later).
    pub(super) fn pay_fuel(&mut self) {
        if !self.env.fuel {
            return;
        }
        let out_of_fuel = self.trap_site(TrapKind::OutOfFuel);
        if self.instrumented {
            dynasm!(self.asm
                ; .arch x64
                ; sub QWORD [r15 + header::FUEL], PLACEHOLDER
            );
        } else {
            dynasm!(self.asm
                ; .arch x64
                ; sub r13, PLACEHOLDER
            );
        }
        let patch = self.asm.offset().0 - 4;
        dynasm!(self.asm ; .arch x64 ; jb =>out_of_fuel);
        if let Some(stretch) = self.fuel.stretches.last_mut() {
            stretch.patch = Some(patch);
        }
    }

    fn close_stretch(&mut self, stretch: Stretch) {
        if let Some(at) = stretch.patch {
            // Sign-extended by `sub`: at most i32::MAX (a body has fewer instructions
            // than bytes, and wasmparser bounds a body's size far below that).
            let n = stretch.count.min(i32::MAX as u32);
            self.out.patches.push((at, n));
        }
    }
}
