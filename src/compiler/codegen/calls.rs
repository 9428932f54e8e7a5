//! Calls: direct, imported and indirect calls between wasm functions, and libcalls into
//! the host runtime.
//!
//! // DESIGN: calling convention
//! Wasm-to-wasm calls pass every argument in the caller's outgoing area (`[rsp + 8*i]` at
//! the call, `[rbp + 16 + 8*i]` in the callee, which uses them in place as its parameter
//! locals). The first result comes back in rax (integers, references) or xmm0 (floats);
//! results 1.. come back in the same area, so multi-value returns need no other path.
//! r15 carries the callee's vmctx, r14 its memory base and r12 the thread's stack limit;
//! rbp, rsp, r12, r14, r15 and the pinned-local registers (`values`, "pinned locals")
//! are preserved across a call; every other allocatable register is clobbered, so the value stack spills its registers before a call. After calling into
//! another context (imports, table entries) the caller reloads its own r15/r14 from its
//! frame. Host functions are reached through the same shape:
//! their "vmctx" is a `HostFuncCtx` whose header matches a vmctx's first words.

use super::FuncCompiler;
use crate::compiler::regs::{RCX, RSI};
use crate::compiler::stack::Loc;
use crate::frontend::ModuleInfo;
use crate::runtime::libcalls::offsets as libcall;
use crate::runtime::trap::TrapKind;
use crate::runtime::vmctx::{funcref, header, table};
use crate::types::FuncType;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

// DESIGN: calling convention between wasm functions
// Arguments go in the caller's outgoing area at [rsp], one 8-byte slot each, which the
// callee sees at [rbp + 16]; the first result comes back in rax or xmm0, further results
// in the outgoing area. An integer first argument (i32, zero-extended, or i64) is also in
// rsi at the call (`takes_first_arg_in_rsi`; the entry trampoline copies slot 0 there),
// so the callee can start from a register rather than a store-to-load round trip: a
// pinned first parameter is moved from rsi, and a small leaf keeps it there (see
// `BodyShape`). r15 (vmctx), r14 (memory base), r12 (stack limit) and the pinned-local
// registers are preserved across calls; everything else is the caller's to spill.

/// Whether a first parameter of type `ty` is passed in rsi as well as in its slot.
pub(super) fn takes_first_arg_in_rsi(ty: crate::types::ValType) -> bool {
    matches!(ty, crate::types::ValType::I32 | crate::types::ValType::I64)
}

/// A `call_indirect` whose callee may belong to another instance: the inline path calls
/// same-instance callees directly and jumps to `entry` otherwise.
pub(super) struct CrossInstanceCall {
    entry: DynamicLabel,
    /// Where the inline call returns; the out-of-line path rejoins there.
    back: DynamicLabel,
    /// Plain version of an instrumented function: its after-call transfer label.
    instrumented: Option<DynamicLabel>,
    /// Module offset of the `call_indirect`.
    offset: u32,
}

impl<'e> FuncCompiler<'_, 'e> {
    /// Spills live registers and stores the top `ty.params()` values into the outgoing
    /// area (popping them).
    fn prepare_call(&mut self, ty: &FuncType) {
        self.leaving_wasm_code();
        let n = ty.params().len();
        let len = self.stack.len();
        self.spill_registers(len - n);
        for i in 0..n {
            let e = self.stack.get(len - n + i);
            let src = self.operand(e, len - n + i);
            self.store_to(e.ty, src, 4, 8 * i as i32);
        }
        if let Some(&first) = ty.params().first() {
            if takes_first_arg_in_rsi(first) {
                let e = self.stack.get(len - n);
                let src = self.operand(e, len - n);
                self.load_gpr(first, src, RSI);
            }
        }
        self.stack.truncate(len - n);
        self.max_outgoing = self
            .max_outgoing
            .max(n as u32)
            .max(ty.results().len() as u32);
    }

    /// Pushes the results of a call that just returned.
    fn push_call_results(&mut self, ty: &FuncType) {
        for (i, &rty) in ty.results().iter().enumerate() {
            if i == 0 {
                if rty.is_float() {
                    let x = self.alloc_xmm();
                    if x != 0 {
                        dynasm!(self.asm ; .arch x64 ; movaps Rx(x), xmm0);
                    }
                    self.push_xmm(rty, x);
                } else {
                    let r = self.alloc_gpr();
                    dynasm!(self.asm ; .arch x64 ; mov Rq(r), rax);
                    self.push_gpr(rty, r);
                }
            } else {
                let depth = self.stack.len();
                let disp = self.slot_disp(depth);
                dynasm!(self.asm
                    ; .arch x64
                    ; mov rax, [rsp + 8 * i as i32]
                    ; mov [rbp + disp], rax
                );
                self.stack.push(rty, Loc::Slot);
            }
        }
    }

    /// After a call into another context: restore this function's vmctx and memory base.
    fn restore_context(&mut self) {
        dynasm!(self.asm
            ; .arch x64
            ; mov r15, [rbp - 8]
            ; mov r14, [r15 + header::MEM_BASE]
        );
    }

    /// Saves this function's vmctx in its frame and switches to the callee context in rcx.
    fn enter_context_rcx(&mut self) {
        dynasm!(self.asm
            ; .arch x64
            ; mov [rbp - 8], r15
            ; mov r15, rcx
            ; mov r14, [r15 + header::MEM_BASE]
        );
    }

    pub(super) fn call(&mut self, callee: u32) {
        let info: &'e ModuleInfo = self.env.info;
        let ty = info.func_type(callee);
        self.prepare_call(ty);
        if self.env.info.is_imported_func(callee) {
            let code = self.env.layout.import_code(callee);
            let vmctx = self.env.layout.import_vmctx(callee);
            dynasm!(self.asm
                ; .arch x64
                ; mov rax, [r15 + code]
                ; mov rcx, [r15 + vmctx]
            );
            self.enter_context_rcx();
            dynasm!(self.asm ; .arch x64 ; call rax);
            self.restore_context();
            self.transfer_point();
        } else {
            // call rel32, resolved when the module's chunks are linked.
            self.asm.push(0xE8);
            let at = self.asm.offset().0;
            self.asm.extend([0, 0, 0, 0]);
            let defined = callee - self.env.info.num_imported_funcs;
            self.out.calls.push((at, defined));
            let returned = self.asm.new_dynamic_label();
            dynasm!(self.asm ; .arch x64 ; =>returned);
            self.after_call_transfer_point(returned);
        }
        self.push_call_results(ty);
    }

    pub(super) fn call_indirect(&mut self, type_index: u32, table_index: u32) {
        let info: &'e ModuleInfo = self.env.info;
        let ty = &info.types[type_index as usize];
        let (_, index) = self.pop_opnd();
        // The index is not on the stack any more, so spilling cannot disturb it; it is
        // read into rcx only after the arguments (which use rax as scratch) are stored.
        self.prepare_call(ty);
        self.load_gpr(crate::types::ValType::I32, index, RCX);
        self.free(index);
        let undefined = self.trap_site(TrapKind::UndefinedElement);
        let uninitialized = self.trap_site(TrapKind::UninitializedElement);
        let mismatch = self.trap_site(TrapKind::IndirectCallTypeMismatch);
        let table_off = self.env.layout.table(table_index);
        let type_id = self.env.layout.type_id(type_index);
        dynasm!(self.asm
            ; .arch x64
            ; mov rax, [r15 + table_off]
            ; cmp rcx, [rax + table::LEN]
            ; jae =>undefined
            ; mov rax, [rax + table::BASE]
            ; mov rax, [rax + rcx * 8]
            ; test rax, rax
            ; jz =>uninitialized
            ; mov rdx, [r15 + type_id]
            ; cmp rdx, [rax + funcref::TYPE_ID]
            ; jne =>mismatch
            ; mov rcx, [rax + funcref::VMCTX]
        );
        // Most table entries belong to the caller's own instance: call those without
        // switching contexts; the switch is out of line (`emit_cross_instance_calls`).
        let cross = self.asm.new_dynamic_label();
        let returned = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            ; cmp rcx, r15
            ; jne =>cross
            ; call QWORD [rax + funcref::CODE]
            ; =>returned
        );
        let instrumented = self.after_call_transfer_point(returned);
        self.cross_instance_calls.push(CrossInstanceCall {
            entry: cross,
            back: returned,
            instrumented,
            offset: self.offset,
        });
        self.push_call_results(ty);
    }

    /// Emits the out-of-line halves of this version's `call_indirect`s into another
    /// instance: switch contexts (rax holds the funcref, rcx its vmctx), call, switch
    /// back, and rejoin the inline path where the same-instance call returns. That call
    /// returns before its context is restored, so no return address stands for the
    /// transfer point: in the plain version of an instrumented function this path tests
    /// the word itself.
    pub(super) fn emit_cross_instance_calls(&mut self) {
        for call in std::mem::take(&mut self.cross_instance_calls) {
            dynasm!(self.asm ; .arch x64 ; =>call.entry);
            // Backtraces through this call name the call_indirect.
            let code = self.asm.offset().0 as u32;
            self.out.sites.push((code, call.offset));
            self.enter_context_rcx();
            dynasm!(self.asm ; .arch x64 ; call QWORD [rax + funcref::CODE]);
            self.restore_context();
            if let Some(instrumented) = call.instrumented {
                let word = self.env.layout.func_bits(self.func_index);
                super::breakable::emit_word_test(self.asm, word);
                dynasm!(self.asm ; .arch x64 ; jne =>instrumented);
            }
            dynasm!(self.asm ; .arch x64 ; jmp =>call.back);
        }
    }

    /// Calls host helper at `offset` in the libcall table with rdi = vmctx and the given
    /// extra argument in rsi. All registers must have been spilled.
    pub(super) fn emit_libcall(&mut self, offset: i32) {
        self.leaving_wasm_code();
        dynasm!(self.asm
            ; .arch x64
            ; mov rdi, r15
            ; mov rax, [r15 + header::LIBCALLS]
            ; call QWORD [rax + offset]
        );
    }

    pub(super) fn memory_grow(&mut self) {
        let (_, delta) = self.pop_opnd();
        let len = self.stack.len();
        self.spill_registers(len);
        self.load_gpr(crate::types::ValType::I32, delta, RSI);
        self.free(delta);
        self.save_pinned_locals();
        self.emit_libcall(libcall::MEMORY_GROW);
        self.load_pinned_locals(false);
        self.transfer_point();
        let r = self.alloc_gpr();
        dynasm!(self.asm ; .arch x64 ; mov Rd(r), eax);
        self.push_gpr(crate::types::ValType::I32, r);
    }
}
