//! Loops without a loop-head check: plain versions give a loop that cannot leave wasm
//! code no check at its head, and record its code as a range where the interrupt signal
//! ends the call on the spot or, in a debuggable module, steps the thread to one of the
//! range's loop heads, recorded with the slow paths of the checks they go without
//! (`breakable::loop_head_without_check`; `runtime::interrupt`, "DESIGN: interrupts in
//! loops without calls"). Instrumented versions keep every check.
//!
//! In a recorded range the machine state is the body's own at every instruction
//! boundary: rbp is the function's frame, rsp the bottom of its frame (16-byte aligned,
//! nothing kept below it), r15 the instance's vmctx and, with fuel, r13 the fuel. The
//! pass keeps it so: a range covers the loop's inline code from its head to its `end`
//! (out-of-line code, emitted after the body, is never in one), it is cut around a
//! `return`'s epilogue, and no call is emitted in it: the skim that lists the loops
//! (`shape::BodySkim::call_free_loops`) may call a loop call-free only if it is, and a call
//! emitted in a range anyway ends the range and makes the compile fail with an
//! internal error, so a disagreement between the skim and the pass shows in every test
//! and fuzz run instead of as an unsafe range.

use super::FuncCompiler;
use crate::error::{Error, Result};
use dynasmrt::DynasmApi;

/// The state of the range being recorded in one function.
#[derive(Default)]
pub(super) struct Interruptible {
    /// Loops without a check the pass is inside.
    depth: u32,
    /// Code offset where the open range started, if one is open.
    start: Option<usize>,
    /// A call was emitted inside a loop without a check (a bug: see the module docs).
    called_out: bool,
}

impl FuncCompiler<'_, '_> {
    /// At a loop operator: whether this loop goes without a loop-head check. If so, the
    /// loop's code from here to its `end` is recorded as interruptible.
    pub(super) fn loop_without_check(&mut self) -> bool {
        let listed = !self.instrumented && self.call_free_loops.binary_search(&self.offset).is_ok();
        if listed {
            if self.interruptible.depth == 0 {
                self.interruptible.start = Some(self.asm.offset().0);
            }
            self.interruptible.depth += 1;
        }
        listed
    }

    /// At the `end` of a loop `loop_without_check` accepted.
    pub(super) fn end_loop_without_check(&mut self) {
        self.interruptible.depth -= 1;
        if self.interruptible.depth == 0 {
            self.cut_interruptible();
        }
    }

    /// Ends the open range here (before code whose state is not the body's).
    pub(super) fn cut_interruptible(&mut self) {
        if let Some(start) = self.interruptible.start.take() {
            let end = self.asm.offset().0;
            if end > start {
                self.out.interruptible.push((start as u32, end as u32));
            }
        }
    }

    /// Opens a range again after code `cut_interruptible` left out, if still inside a
    /// loop without a check.
    pub(super) fn resume_interruptible(&mut self) {
        if self.interruptible.depth > 0 && !self.interruptible.called_out {
            self.interruptible.start = Some(self.asm.offset().0);
        }
    }

    /// Called before every call out of wasm code (`leaving_wasm_code`): inside a loop
    /// without a check, ends the range for good and marks the compile as failed.
    pub(super) fn call_in_interruptible(&mut self) {
        if self.interruptible.depth > 0 {
            self.cut_interruptible();
            self.interruptible.called_out = true;
        }
    }

    /// After the body: an error if a call was emitted in a loop without a check.
    pub(super) fn check_interruptible(&self) -> Result<()> {
        if self.interruptible.called_out {
            return Err(Error::Unsupported(format!(
                "internal compiler error: function {} calls out of a loop compiled without \
                 a loop-head check",
                self.func_index
            )));
        }
        Ok(())
    }
}
