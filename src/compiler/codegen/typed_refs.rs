//! Typed function references' null tests: `ref.as_non_null`, `br_on_null` and
//! `br_on_non_null` (`call_ref` and `return_call_ref` are calls: `calls`). A reference is
//! a word, null is 0; a constant reference on the stack is always null (`ref.null`).
//!
//! DESIGN: null-tested branches. Both branches reuse `br_if` whole: the test leaves its
//! answer in the flags as a fused compare would (`Loc::Flags` on top), and `br_if` moves
//! only with flag-preserving moves before its jump. `br_on_non_null` tests the reference
//! where it lies, so the branch carries it as the label's last value, and drops it on
//! the fall-through; `br_on_null` takes the reference off the stack into a register the
//! branch cannot touch (never the label's merge register), branches without it, and
//! pushes it back. Tested by `tests/typed_refs.rs::null_tests_branch_with_the_right_values`.

use super::{FuncCompiler, Opnd};
use crate::compiler::stack::{Cond, Loc};
use crate::trap::TrapKind;
use crate::types::ValType;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

/// `ty` without null (what a reference is once tested).
fn non_null(ty: ValType) -> ValType {
    match ty {
        ValType::Ref(r) => ValType::Ref(r.with_nullable(false)),
        other => other,
    }
}

impl FuncCompiler<'_, '_> {
    /// Sets the flags to "the operand is null" (ZF) for a non-constant operand.
    fn test_null(&mut self, src: Opnd) {
        match src {
            Opnd::Gpr(r) => dynasm!(self.asm ; .arch x64 ; test Rq(r), Rq(r)),
            Opnd::Mem(d) => dynasm!(self.asm ; .arch x64 ; cmp QWORD [rbp + d], 0),
            Opnd::Imm(_) | Opnd::Xmm(_) => unreachable!("tested only in a register or a slot"),
        }
    }

    /// `ref.as_non_null`: traps on null, else leaves the reference as it is.
    pub(super) fn ref_as_non_null(&mut self) {
        let e = self.stack.pop();
        let trap = self.trap_site(TrapKind::NullReference);
        match self.operand(e) {
            Opnd::Imm(_) => dynasm!(self.asm ; .arch x64 ; jmp =>trap),
            src => {
                self.test_null(src);
                dynasm!(self.asm ; .arch x64 ; jz =>trap);
            }
        }
        self.stack.push(non_null(e.ty), e.loc);
    }

    /// `br_on_null depth`: branches (without the reference) if it is null; else goes on
    /// with it ("DESIGN: null-tested branches").
    pub(super) fn br_on_null(&mut self, depth: u32) {
        let (ty, src) = self.pop_opnd();
        if let Opnd::Imm(_) = src {
            return self.br(depth);
        }
        let mut r = self.owned_gpr(ty, src);
        let target = &self.frames[self.frames.len() - 1 - depth as usize];
        if target.merge_register() == Some(Loc::Gpr(r)) {
            let other = self.alloc_gpr();
            dynasm!(self.asm ; .arch x64 ; mov Rq(other), Rq(r));
            self.free(Opnd::Gpr(r));
            r = other;
        }
        self.test_null(Opnd::Gpr(r));
        self.stack.push(ValType::I32, Loc::Flags(Cond::E));
        self.br_if(depth);
        self.push_gpr(non_null(ty), r);
    }

    /// `br_on_non_null depth`: branches (with the reference) if it is not null; else
    /// drops it and goes on ("DESIGN: null-tested branches").
    pub(super) fn br_on_non_null(&mut self, depth: u32) {
        let e = self.stack.pop();
        let src = self.operand(e);
        if let Opnd::Imm(_) = src {
            self.stack.release(e.loc);
            return;
        }
        self.stack.push(non_null(e.ty), e.loc);
        self.test_null(src);
        self.stack.push(ValType::I32, Loc::Flags(Cond::Ne));
        self.br_if(depth);
        let e = self.stack.pop();
        self.stack.release(e.loc);
    }
}
