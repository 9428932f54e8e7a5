//! The function frame in code: its size, the prologue (stack check, saving the caller's
//! pinned registers, loading pinned locals, zeroing locals), the epilogue's restores and
//! the stack check's slow path. Where each slot is comes from `abi::frame::FrameLayout`.

use super::{calls, FuncCompiler, ModuleEnv};
use crate::trap::TrapKind;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

impl FuncCompiler<'_, '_> {
    /// Bytes of stack the frame needs below rbp (multiple of 16, keeping rsp aligned).
    pub(super) fn frame_size(&self) -> u32 {
        self.frame
            .size(self.stack.max_depth() as u32, self.max_outgoing)
    }

    pub(super) fn emit_prologue(&mut self) -> usize {
        dynasm!(self.asm
            ; .arch x64
            ; push rbp
            ; mov rbp, rsp
        );
        // sub rsp, imm32 (patched with the frame size once the pass is done).
        self.asm.extend([0x48, 0x81, 0xEC]);
        let patch = self.asm.offset().0;
        self.asm.extend([0, 0, 0, 0]);
        if !self.small_leaf {
            // A failed check is an interrupt or a stack overflow: the slow path (out of
            // line) reloads the real limit and checks again.
            let overflow = self.trap_site_with(TrapKind::StackOverflow, true);
            let slow = self.asm.new_dynamic_label();
            let back = self.asm.new_dynamic_label();
            dynasm!(self.asm
                ; .arch x64
                ; cmp rsp, r12
                ; jb =>slow
                ; =>back
            );
            self.limit_slow_path = Some((slow, back, overflow));
        }
        self.save_callers_pinned();
        self.load_pinned_locals();
        let non_param = self.frame.non_params;
        if non_param <= 8 {
            for j in 0..non_param {
                let disp = self.frame.local_disp(self.num_params + j);
                dynasm!(self.asm ; .arch x64 ; mov QWORD [rbp + disp], 0);
            }
        } else {
            let lowest = self.frame.local_disp(self.num_params + non_param - 1);
            dynasm!(self.asm
                ; .arch x64
                ; lea rdi, [rbp + lowest]
                ; mov ecx, non_param as i32
                ; xor eax, eax
                ; rep stosq
            );
        }
        patch
    }

    /// Emits the slow path of the prologue's failed stack check, if this version has one.
    pub(super) fn emit_stack_check_slow_path(&mut self) {
        if let Some((slow, back, overflow)) = self.limit_slow_path.take() {
            // The lowered rsp may be past the end of the stack (a huge frame): call the
            // stub from the frame base, which the caller's check covered, keeping the
            // lowered rsp in rax (the stub preserves every register but r12).
            let stub = self.env.interrupt_stub;
            dynasm!(self.asm
                ; .arch x64
                ; =>slow
                ; mov rax, rsp
                ; mov rsp, rbp
                ; call =>stub
                ; mov rsp, rax
                ; cmp rsp, r12
                ; jb =>overflow
                ; jmp =>back
            );
        }
    }
}

/// Frame slots for the convention canaries' saved registers (`calls`).
pub(super) fn canary_slots(env: &ModuleEnv<'_>) -> i32 {
    if env.canaries {
        calls::CANARY_SLOTS
    } else {
        0
    }
}
