//! Structured control flow: blocks, loops, if/else, br, br_if, br_table and return.
//!
//! // DESIGN: merges
//! At every join point (a block's end, a loop's head, an else) all values live in their
//! canonical frame slots, so every path agrees on where they are without per-edge register
//! shuffles:
//! - entering a block, loop or if spills every non-constant value, so entries below the
//!   block's base stay fixed (constants or slots) for the whole block;
//! - a branch moves its carried values (results; a loop's params) into the target's slots
//!   `base .. base + n` and jumps;
//! - after the merge the carried values are pushed back as slot entries.
//!
//! Exception: a block or `if` without parameters and with exactly one result merges it
//! in a register (rbx for integers and references, xmm0 for floats) instead of a slot, so
//! the common `(if (result i32) ...)` costs no store and reload. At a merge nothing else
//! is live in registers (entries below the block are constants or in slots), so the
//! merge register is always free at the join.
//!
//! Branch arity is a list of types, so multi-value blocks need nothing extra.

use super::values::CondSource;
use super::FuncCompiler;
use crate::abi::regs::RBP;
use crate::compiler::stack::{Entry, Loc};
use crate::frontend::ModuleInfo;
use crate::types::ValType;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use wasmparser::BlockType;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FrameKind {
    Function,
    Block,
    Loop,
    /// An `if`; `else_label` is `Some` until the `else` is seen.
    If {
        else_label: Option<DynamicLabel>,
    },
    /// A legacy `try` (`exceptions`), until its `end` or `delegate`.
    Try(super::exceptions::LegacyTry),
}

#[derive(Debug)]
pub(super) struct ControlFrame {
    pub kind: FrameKind,
    /// Where branches to this frame go (a loop's head, otherwise its end).
    pub label: DynamicLabel,
    /// Stack height below the frame's parameters.
    pub base: usize,
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
    /// The parameter entries at entry (restored at `else`).
    pub entry_params: Vec<Entry>,
    pub reachable_at_entry: bool,
    pub label_used: bool,
    /// A loop's transfer point in the plain version of an instrumented function: the
    /// label just past the check and the check's slow path. Unconditional back-edges
    /// make the check themselves and jump past it (see `br`).
    pub loop_transfer: Option<(DynamicLabel, DynamicLabel)>,
    /// A loop compiled without a loop-head check (`interruptible`).
    pub without_check: bool,
    /// A `try_table` or `try`: the handler in force outside it, restored at its end
    /// (`exceptions`).
    pub handler_outside: Option<Option<DynamicLabel>>,
    /// The handler in force inside it (where `delegate` sends exceptions).
    pub handler_inside: Option<DynamicLabel>,
    /// A loop's homes: the locals it keeps in registers while it runs, and where
    /// (`loop_homes`).
    pub homes: Vec<(u32, crate::abi::regs::Gpr)>,
}

impl ControlFrame {
    /// The register this frame's single result merges in, if it merges in a register.
    pub fn merge_register(&self) -> Option<Loc> {
        let single = self.results.len() == 1 && self.params.is_empty();
        if !single
            || !matches!(
                self.kind,
                FrameKind::Block | FrameKind::If { .. } | FrameKind::Try(_)
            )
        {
            return None;
        }
        Some(if self.results[0].in_xmm() {
            Loc::Xmm(0)
        } else {
            Loc::Gpr(crate::abi::regs::RBX)
        })
    }

    /// Types a branch to this frame carries.
    pub fn branch_types(&self) -> &[ValType] {
        if self.kind == FrameKind::Loop {
            &self.params
        } else {
            &self.results
        }
    }
}

impl<'e> FuncCompiler<'_, 'e> {
    pub(super) fn block_signature(&self, ty: BlockType) -> (Vec<ValType>, Vec<ValType>) {
        match ty {
            BlockType::Empty => (vec![], vec![]),
            BlockType::Type(t) => (
                vec![],
                vec![self.env.info.val_type(t).expect("validated block type")],
            ),
            BlockType::FuncType(i) => {
                let f = &self.env.info.types[i as usize];
                (f.params().to_vec(), f.results().to_vec())
            }
        }
    }

    pub(super) fn push_function_frame(&mut self) {
        let ty = self.env.info.func_type(self.func_index);
        let label = self.asm.new_dynamic_label();
        self.frames.push(ControlFrame {
            kind: FrameKind::Function,
            label,
            base: 0,
            params: vec![],
            results: ty.results().to_vec(),
            entry_params: vec![],
            reachable_at_entry: true,
            label_used: false,
            loop_transfer: None,
            without_check: false,
            handler_outside: None,
            handler_inside: None,
            homes: Vec::new(),
        });
    }

    fn open_frame(&mut self, kind: FrameKind, ty: BlockType, label: DynamicLabel) {
        let (params, results) = self.block_signature(ty);
        self.spill_all();
        let base = self.stack.len() - params.len();
        if kind != FrameKind::Block {
            // Loop heads and else branches are join points for the parameters too.
            for depth in base..self.stack.len() {
                self.spill_entry(depth);
            }
        }
        let entry_params = self.stack.entries()[base..].to_vec();
        let handler_inside = self.handler;
        self.frames.push(ControlFrame {
            kind,
            label,
            base,
            params,
            results,
            entry_params,
            reachable_at_entry: true,
            label_used: false,
            loop_transfer: None,
            without_check: false,
            handler_outside: None,
            handler_inside,
            homes: Vec::new(),
        });
    }

    pub(super) fn block(&mut self, ty: BlockType) {
        let label = self.asm.new_dynamic_label();
        self.open_frame(FrameKind::Block, ty, label);
    }

    pub(super) fn loop_(&mut self, ty: BlockType) {
        let label = self.asm.new_dynamic_label();
        self.open_frame(FrameKind::Loop, ty, label);
        // Loaded once, before the head: the back edges carry them in their registers.
        let homes = self.enter_loop_homes();
        if !self.instrumented {
            super::align::align_code(self.asm, super::align::LOOP_ALIGN);
        }
        dynasm!(self.asm ; .arch x64 ; =>label);
        // Every iteration checks r12, so an interrupt (a stop request, a pause) reaches a
        // running loop (`breakable::transfer_with`), except in a plain version's loop
        // that cannot leave wasm code, where the interrupt signal ends the call wherever
        // it lands or steps the thread to the loop's head (`interruptible`).
        if self.loop_without_check() {
            self.frames.last_mut().unwrap().without_check = true;
            if self.env.debug {
                // The plain version of a debuggable module: the head is still a transfer
                // point, reached by stepping the thread to it (`interruptible`).
                self.loop_head_without_check(&homes);
            }
        } else {
            let transfer = self.loop_transfer_point();
            self.frames.last_mut().unwrap().loop_transfer = transfer;
        }
        self.frames.last_mut().unwrap().homes = homes;
        // Each iteration pays for the loop's stretch, after the transfer point so that an
        // arrival pays once in whichever version it goes on (`fuel`, "DESIGN: fuel").
        self.pay_fuel();
    }

    pub(super) fn if_(&mut self, ty: BlockType) {
        let cond = self.pop_condition();
        let end = self.asm.new_dynamic_label();
        let else_label = self.asm.new_dynamic_label();
        self.open_frame(
            FrameKind::If {
                else_label: Some(else_label),
            },
            ty,
            end,
        );
        match cond {
            CondSource::Known(true) => {}
            CondSource::Known(false) => dynasm!(self.asm ; .arch x64 ; jmp =>else_label),
            _ => {
                let c = self.test_condition(cond);
                self.jcc(c.invert(), else_label);
            }
        }
    }

    pub(super) fn else_(&mut self) {
        let frame = self.frames.last().expect("else inside if");
        let FrameKind::If {
            else_label: Some(else_label),
        } = frame.kind
        else {
            unreachable!("validated: else follows if");
        };
        self.fall_through_to_end();
        dynasm!(self.asm ; .arch x64 ; =>else_label);
        let base = self.frames.last().unwrap().base;
        self.stack.truncate(base);
        let frame = self.frames.last_mut().unwrap();
        frame.kind = FrameKind::If { else_label: None };
        for e in frame.entry_params.clone() {
            self.stack.push(e.ty, e.loc);
        }
        self.reachable = self.frames.last().unwrap().reachable_at_entry;
    }

    /// Where one arm of the innermost frame ends before another begins (`else`, a legacy
    /// `try`'s clauses): a reachable fall-through moves its values to the frame's merge
    /// and jumps to its end.
    pub(super) fn fall_through_to_end(&mut self) {
        if self.reachable {
            self.move_to_merge(0);
            let frame = self.frames.last_mut().expect("an open frame");
            frame.label_used = true;
            let label = frame.label;
            dynasm!(self.asm ; .arch x64 ; jmp =>label);
        }
    }

    pub(super) fn end(&mut self) {
        let frame = self.frames.last().expect("end closes a frame");
        if let FrameKind::Try(_) = frame.kind {
            return self.end_legacy_try(None);
        }
        if let Some(outside) = frame.handler_outside {
            self.handler = outside;
        }
        if frame.kind == FrameKind::Function {
            if self.reachable {
                self.emit_return();
            }
            self.frames.pop();
            self.reachable = false;
            return;
        }
        if frame.kind == FrameKind::Loop {
            // Only the fall-through reaches a loop's end: its results stay where they are.
            let frame = self.frames.pop().unwrap();
            if !frame.homes.is_empty() {
                self.leave_loop_homes(&frame.homes);
            }
            if frame.without_check {
                self.end_loop_without_check();
            }
            if !self.reachable {
                self.mark_unreachable();
            }
            return;
        }
        let base = frame.base;
        let merge = frame.merge_register();
        let fallthrough = self.reachable;
        if fallthrough {
            self.move_to_merge(0);
        }
        let frame = self.frames.pop().unwrap();
        let mut reachable = fallthrough;
        match frame.kind {
            FrameKind::If {
                else_label: Some(else_label),
            } => {
                // No else: the false path carries the parameters (same types as results),
                // already in their slots.
                dynasm!(self.asm ; .arch x64 ; =>else_label);
                dynasm!(self.asm ; .arch x64 ; =>frame.label);
                reachable |= frame.label_used || frame.reachable_at_entry;
            }
            _ => {
                dynasm!(self.asm ; .arch x64 ; =>frame.label);
                reachable |= frame.label_used;
            }
        }
        self.stack.truncate(base);
        match merge {
            Some(reg) => {
                self.stack.claim(reg);
                self.stack.push(frame.results[0], reg);
            }
            None => {
                for ty in frame.results {
                    self.stack.push(ty, Loc::Slot);
                }
            }
        }
        self.reachable = reachable;
        if !reachable {
            self.mark_unreachable();
        }
    }

    /// Skips an operator in unreachable code, tracking block nesting.
    pub(super) fn visit_unreachable(&mut self, op: &wasmparser::Operator<'_>) -> super::OpResult {
        use wasmparser::Operator as O;
        match op {
            O::Block { .. }
            | O::Loop { .. }
            | O::If { .. }
            | O::TryTable { .. }
            | O::Try { .. } => self.dead_blocks += 1,
            O::Else if self.dead_blocks == 0 => self.else_(),
            O::Catch { tag_index } if self.dead_blocks == 0 => self.legacy_catch(*tag_index),
            O::CatchAll if self.dead_blocks == 0 => self.legacy_catch_all(),
            O::Delegate { relative_depth } if self.dead_blocks == 0 => {
                self.delegate(*relative_depth)
            }
            O::End if self.dead_blocks == 0 => self.end(),
            O::End | O::Delegate { .. } => self.dead_blocks -= 1,
            _ => {}
        }
        Ok(())
    }

    /// Code after this point is dead until the enclosing frame ends.
    pub(super) fn mark_unreachable(&mut self) {
        self.reachable = false;
        let base = self.frames.last().map_or(0, |f| f.base);
        self.stack.truncate(base.min(self.stack.len()));
    }

    /// Moves the values a branch to the frame `depth` levels out carries to where that
    /// frame merges them: its merge register, or its slots. Does not change the
    /// compile-time stack except by spilling values in place (valid on every path).
    pub(super) fn move_to_merge(&mut self, depth: u32) {
        let target = self.target(depth);
        let (base, n) = (target.base, target.branch_types().len());
        match target.merge_register() {
            Some(reg) => {
                let top = self.stack.len() - 1;
                let e = self.stack.get(top);
                if e.loc != reg {
                    let src = self.operand(e);
                    match reg {
                        Loc::Xmm(x) => self.load_xmm(e.ty, src, x),
                        Loc::Gpr(r) => self.load_gpr(e.ty, src, r),
                        _ => unreachable!(),
                    }
                }
            }
            None => self.move_top_to_slots(base, n),
        }
    }

    /// Moves the top `n` values into the slots of depths `base .. base + n`. Values already
    /// at those depths are spilled in place (a state change valid on every path); the
    /// others are copied without changing the compile-time stack.
    pub(super) fn move_top_to_slots(&mut self, base: usize, n: usize) {
        let len = self.stack.len();
        // The target slots follow each other from the base's slot, sized by the types
        // moved ("DESIGN: slots sized by type"), whatever lies at those depths now.
        let mut target = self.stack.slot_units_at(base);
        for i in 0..n {
            let depth = len - n + i;
            let e = self.stack.get(depth);
            if depth == base + i {
                self.spill_entry(depth);
            } else {
                let src = self.operand(e);
                let disp = self.frame.slot_disp(target, e.ty.slot_units());
                self.store_to_frame(e.ty, src, disp);
            }
            target += e.ty.slot_units();
        }
    }

    /// Target frame of a branch `depth` levels out.
    fn target(&self, depth: u32) -> &ControlFrame {
        &self.frames[self.frames.len() - 1 - depth as usize]
    }

    pub(super) fn br(&mut self, depth: u32) {
        self.branch(depth);
        self.mark_unreachable();
    }

    /// The code of `br depth`, leaving the compile-time stack as it is (a landing pad
    /// branches on one path and goes on with its next clause).
    pub(super) fn branch(&mut self, depth: u32) {
        let target = self.target(depth);
        if target.kind == FrameKind::Function {
            self.emit_return();
        } else {
            let (label, transfer) = (target.label, target.loop_transfer);
            self.move_to_merge(depth);
            self.write_back_homes_left_by(depth);
            match transfer {
                // The back-edge of a loop in a plain version: the head's check, folded
                // into the jump.
                Some((past_check, slow)) => {
                    dynasm!(self.asm
                        ; .arch x64
                        ; cmp rsp, r12
                        ; jae =>past_check
                        ; jmp =>slow
                    );
                }
                None => dynasm!(self.asm ; .arch x64 ; jmp =>label),
            }
            let idx = self.frames.len() - 1 - depth as usize;
            self.frames[idx].label_used = true;
        }
    }

    pub(super) fn br_if(&mut self, depth: u32) {
        let cond = self.pop_condition();
        match cond {
            CondSource::Known(false) => return,
            CondSource::Known(true) => return self.br(depth),
            _ => {}
        }
        let target = self.target(depth);
        let is_return = target.kind == FrameKind::Function;
        let (base, n, label) = (target.base, target.branch_types().len(), target.label);
        let merge = target.merge_register();
        let len = self.stack.len();
        if let (Some(reg), false) = (merge, is_return) {
            // Copy the result into the merge register before the branch; the register
            // must not hold the condition or anything the fall-through path still needs.
            let mut cond = cond;
            if let CondSource::Value(super::Opnd::Gpr(r)) = cond {
                if Loc::Gpr(r) == reg {
                    let moved = self.alloc_gpr();
                    dynasm!(self.asm ; .arch x64 ; mov Rd(moved), Rd(r));
                    self.stack.release(Loc::Gpr(r));
                    cond = CondSource::Value(super::Opnd::Gpr(moved));
                }
            }
            if self.stack.get(len - 1).loc != reg {
                if let Some(holder) = self.stack.holder_of(reg) {
                    self.spill_entry(holder);
                }
            }
            self.move_to_merge(depth);
            let homes = self.homes_left_by(depth);
            let c = self.test_condition(cond);
            if homes.is_empty() {
                self.jcc(c, label);
            } else {
                let skip = self.asm.new_dynamic_label();
                self.jcc(c.invert(), skip);
                self.write_back(&homes);
                dynasm!(self.asm ; .arch x64 ; jmp =>label ; =>skip);
            }
            let idx = self.frames.len() - 1 - depth as usize;
            self.frames[idx].label_used = true;
            return;
        }
        // Carried values go to their own slots on both paths (flags are untouched).
        for d in len - n..len {
            self.spill_entry(d);
        }
        let homes = if is_return {
            Vec::new()
        } else {
            self.homes_left_by(depth)
        };
        let c = self.test_condition(cond);
        if !is_return && base + n == len && homes.is_empty() {
            self.jcc(c, label);
        } else {
            let skip = self.asm.new_dynamic_label();
            self.jcc(c.invert(), skip);
            if is_return {
                self.emit_return();
            } else {
                self.move_top_to_slots(base, n);
                self.write_back(&homes);
                dynasm!(self.asm ; .arch x64 ; jmp =>label);
            }
            dynasm!(self.asm ; .arch x64 ; =>skip);
        }
        let idx = self.frames.len() - 1 - depth as usize;
        self.frames[idx].label_used = true;
    }

    /// `br_table`: `depths` lists the targets, the default last.
    pub(super) fn br_table(&mut self, depths: &[u32]) {
        // A loop with homes has no br_table (`loop_homes::allows`).
        debug_assert!(depths.iter().all(|&d| self.homes_left_by(d).is_empty()));
        let (_, index) = self.pop_opnd();
        if let super::Opnd::Imm(i) = index {
            let i = (i as u32 as usize).min(depths.len() - 1);
            return self.br(depths[i]);
        }
        let n = self.target(depths[0]).branch_types().len();
        let len = self.stack.len();
        for d in len - n..len {
            self.spill_entry(d);
        }
        self.load_gpr(ValType::I32, index, crate::abi::regs::RCX);
        self.free(index);
        let count = (depths.len() - 1) as i32;
        let table = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            ; mov eax, count
            ; cmp ecx, eax
            ; cmovae ecx, eax
            ; lea rdx, [=>table]
            ; lea rcx, [rcx + rcx * 4]
            ; add rdx, rcx
            ; jmp rdx
            ; =>table
        );
        // One 5-byte `jmp rel32` per entry; targets needing moves get a stub.
        let mut stubs = Vec::new();
        for &depth in depths {
            let target = self.target(depth);
            let direct = target.kind != FrameKind::Function
                && target.merge_register().is_none()
                && target.base + n == len;
            let dest = if direct {
                target.label
            } else {
                let stub = self.asm.new_dynamic_label();
                stubs.push((stub, depth));
                stub
            };
            let before = self.asm.offset().0;
            dynasm!(self.asm ; .arch x64 ; jmp =>dest);
            debug_assert_eq!(
                self.asm.offset().0 - before,
                5,
                "jump table entries are rel32"
            );
            let idx = self.frames.len() - 1 - depth as usize;
            self.frames[idx].label_used = true;
        }
        for (stub, depth) in stubs {
            dynasm!(self.asm ; .arch x64 ; =>stub);
            let target = self.target(depth);
            if target.kind == FrameKind::Function {
                self.emit_return();
            } else {
                let label = target.label;
                self.move_to_merge(depth);
                dynasm!(self.asm ; .arch x64 ; jmp =>label);
            }
        }
        self.mark_unreachable();
    }

    pub(super) fn return_(&mut self) {
        self.emit_return();
        self.mark_unreachable();
    }

    /// Leaves the function with the top values as results: the first in rax or xmm0, the
    /// others in the caller's outgoing area (`[rbp + 16 + 8*i]`). Does not change the
    /// compile-time stack (it may be emitted on one path of a branch).
    pub(super) fn emit_return(&mut self) {
        self.breakable_point(crate::abi::sites::SiteKind::Exit);
        let info: &'e ModuleInfo = self.env.info;
        let results = info.func_type(self.func_index).results();
        let n = results.len();
        let len = self.stack.len();
        if n > 1 {
            // Result slots overlap the parameters: read every local before writing any.
            for i in 0..n {
                if let Loc::Local(_) = self.stack.get(len - n + i).loc {
                    self.spill_entry(len - n + i);
                }
            }
            for (i, offset) in crate::abi::frame::area_offsets(results).enumerate().skip(1) {
                let e = self.stack.get(len - n + i);
                let src = self.operand(e);
                self.store_to(e.ty, src, RBP, crate::abi::frame::ARGS + offset);
            }
        }
        if n > 0 {
            let e = self.stack.get(len - n);
            let src = self.operand(e);
            if e.ty.in_xmm() {
                self.load_xmm(e.ty, src, 0);
            } else {
                self.load_gpr(e.ty, src, crate::abi::regs::RAX);
            }
        }
        // The epilogue leaves the body's state (`interruptible`).
        self.cut_interruptible();
        self.fuel_to_memory();
        self.restore_callers_pinned();
        dynasm!(self.asm
            ; .arch x64
            ; mov rsp, rbp
            ; pop rbp
            ; ret
        );
        self.resume_interruptible();
    }
}
