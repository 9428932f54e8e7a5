//! The function frame in code: its size, the prologue (stack check, saving the caller's
//! pinned registers, loading pinned locals, zeroing locals), the epilogue's restores and
//! the stack check's slow path. Where each slot is comes from `abi::frame::FrameLayout`.

use super::FuncCompiler;
use crate::abi::regs::{ENTERED_BIT, INTERRUPTED_BIT, WATCHED_BIT};
use crate::trap::TrapKind;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

impl FuncCompiler<'_, '_> {
    /// Bytes of stack the frame needs below rbp (multiple of 16, keeping rsp aligned).
    pub(super) fn frame_size(&self) -> u32 {
        self.frame.size(self.stack.max_units(), self.max_outgoing)
    }

    /// Emits the prologue: the frame, its stack check, and (`emit_frame_setup`) the
    /// saves, pinned locals and zeroed locals. In the plain version of a debuggable
    /// function, the point right after the stack check is its entry transfer point
    /// (`abi::regs`, "DESIGN: entries through the stack limit"). Returns where the frame
    /// size goes.
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
        if !self.small_leaf || self.env.debug {
            // A failed check is an interrupt, a debugging flag or a stack overflow: the
            // slow path (out of line) tells them apart.
            let path = self.limit_slow_path();
            dynasm!(self.asm
                ; .arch x64
                ; cmp rsp, r12
                ; jb =>path.slow
                ; =>path.resume
            );
            if self.env.debug {
                let transfer = self.asm.new_dynamic_label();
                self.transfers.push((path.resume, transfer, path.resume));
            }
            self.limit_slow_path = Some(path);
        }
        self.emit_frame_setup();
        patch
    }

    /// The instrumented version's own entry, where instrumented code calls a function
    /// this instance debugs (`calls`): the plain version's frame and a stack check that
    /// ignores the `ENTERED` and `WATCHED` flags (nothing is entered from outside here,
    /// and the call is to this version already), then the entry transfer point.
    pub(super) fn emit_instrumented_entry(&mut self, frame: u32) {
        let path = self.limit_slow_path();
        let entry = self.asm.new_dynamic_label();
        self.instrumented_entry = Some(entry);
        dynasm!(self.asm
            ; .arch x64
            ; =>entry
            ; push rbp
            ; mov rbp, rsp
            ; sub rsp, frame as i32
            ; =>path.resume
            // The limit: r12 without `WATCHED` (`ENTERED` is never set in instrumented
            // code: the prologue that found it cleared it).
            ; mov rax, r12
            ; btr rax, BYTE WATCHED_BIT
            ; cmp rsp, rax
            ; jb =>path.slow
        );
        self.instrumented_entry_slow_path = Some(path);
    }

    /// The labels of a stack check's slow path at function entry, with its two traps
    /// (created here, at the function's first operator, where a backtrace puts them).
    fn limit_slow_path(&mut self) -> LimitSlowPath {
        LimitSlowPath {
            slow: self.asm.new_dynamic_label(),
            resume: self.asm.new_dynamic_label(),
            overflow: self.trap_site_with(TrapKind::StackOverflow, true),
            stopped: self.trap_site_with(TrapKind::Interrupted, true),
        }
    }

    /// The prologue after the stack check: saves the caller's pinned registers, loads
    /// the pinned locals and zeroes the other locals.
    pub(super) fn emit_frame_setup(&mut self) {
        self.save_callers_pinned();
        if self.has_handlers {
            // The landing pads read the vmctx here (`exceptions`).
            const _: () = assert!(crate::abi::frame::VMCTX_SAVE == -8);
            dynasm!(self.asm ; .arch x64 ; mov [rbp - 8], r15);
        }
        self.load_pinned_locals();
        // Every unit of the non-parameter locals, highest first.
        let units = self.frame.non_param_units;
        let lowest = self.frame.lowest_local_disp();
        if units <= 8 {
            for j in (0..units).rev() {
                let disp = lowest + 8 * j as i32;
                dynasm!(self.asm ; .arch x64 ; mov QWORD [rbp + disp], 0);
            }
        } else {
            dynasm!(self.asm
                ; .arch x64
                ; lea rdi, [rbp + lowest]
                ; mov ecx, units as i32
                ; xor eax, eax
                ; rep stosq
            );
        }
    }

    /// Emits the slow path of the prologue's failed stack check, if this version has one.
    ///
    /// Every slow path that calls the interrupt stub tests r12 for `regs::STOP` right
    /// after it returns, before anything compares with r12 (0 passes every compare), and
    /// traps with `TrapKind::Interrupted` if the call must stop (`runtime::stop`).
    pub(super) fn emit_stack_check_slow_path(&mut self) {
        let stub = self.env.interrupt_stub;
        if let Some(path) = self.instrumented_entry_slow_path.take() {
            // An interrupt: take it (from the frame base, as below) and check again; else
            // a stack overflow.
            dynasm!(self.asm
                ; .arch x64
                ; =>path.slow
                ; bt r12, BYTE INTERRUPTED_BIT
                ; jnc =>path.overflow
                ; mov rax, rsp
                ; mov rsp, rbp
                ; call =>stub
                ; mov rsp, rax
                ; test r12, r12
                ; jz =>path.stopped
                ; jmp =>path.resume
            );
        }
        let Some(path) = self.limit_slow_path.take() else {
            return;
        };
        if !self.env.debug {
            // The lowered rsp may be past the end of the stack (a huge frame): call the
            // stub from the frame base, which the caller's check covered, keeping the
            // lowered rsp in rax (the stub preserves every register but r12).
            // An interrupt landing after the stub returned sets r12 again: the check
            // fails, and r12 says it was an interrupt, not an overflow.
            dynasm!(self.asm
                ; .arch x64
                ; =>path.slow
                ; mov rax, rsp
                ; mov rsp, rbp
                ; call =>stub
                ; mov rsp, rax
                ; test r12, r12
                ; jz =>path.stopped
                ; cmp rsp, r12
                ; jae =>path.resume
                ; bt r12, BYTE INTERRUPTED_BIT
                ; jc =>path.slow
                ; jmp =>path.overflow
            );
            return;
        }
        // A debuggable module ("DESIGN: entries through the stack limit" in `abi::regs`):
        // an interrupt first; then the real limit (r12 without its flags); then, entered
        // from outside, r12 becomes the limit with `WATCHED` iff the function's word is
        // not zero; a word that is a pointer (above 1) means this instance debugs the
        // function: its entry transfer path.
        let word = self.env.layout.func_bits(self.func_index);
        let transfer = self.transfers[0].1;
        let (slow, back) = (path.slow, path.resume);
        let interrupted = self.asm.new_dynamic_label();
        let watched = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            // One snapshot of r12 decides between an interrupt and an overflow: an
            // interrupt landing between two reads must not look like an overflow.
            ; =>slow
            ; mov rax, r12
            ; bt rax, BYTE INTERRUPTED_BIT
            ; jc =>interrupted
            ; shl rax, 2
            ; shr rax, 2
            ; cmp rsp, rax
            ; jb =>path.overflow
            ; mov rax, [r15 + word]
            ; bt r12, BYTE ENTERED_BIT
            ; jnc =>watched
            ; shl r12, 2
            ; shr r12, 2
            ; test rax, rax
            ; jz =>back
            ; bts r12, BYTE WATCHED_BIT
            ; =>watched
            ; cmp rax, 1
            ; ja =>transfer
            ; jmp =>back
            ; =>interrupted
            ; mov rax, rsp
            ; mov rsp, rbp
            ; call =>stub
            ; mov rsp, rax
            ; test r12, r12
            ; jz =>path.stopped
            ; jmp =>slow
        );
    }
}

/// A failed stack check at function entry: where its slow path starts, where it resumes
/// the code, and its traps.
pub(super) struct LimitSlowPath {
    slow: DynamicLabel,
    resume: DynamicLabel,
    overflow: DynamicLabel,
    /// `TrapKind::Interrupted`: the interrupt stub said the call must stop.
    stopped: DynamicLabel,
}
