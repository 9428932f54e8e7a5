//! Calls: direct, imported and indirect calls between wasm functions, and libcalls into
//! the host runtime.
//!
//! // DESIGN: calling convention between wasm functions
//! Which register holds what across a call, and the order in which a call sequence may
//! write registers, is the register convention (`abi::regs`, "DESIGN: register
//! convention"); this is where arguments and results go.
//! - Every argument goes in the caller's outgoing area, packed in 8-byte units by type
//!   (`abi::frame::area_offsets`: `[rsp + o]` at the call, `[rbp + 16 + o]` in the
//!   callee, which uses them in place as its parameter locals: `abi::frame`, "DESIGN:
//!   frame layout"). An i32/i64 first argument
//!   also travels in rsi, so the callee can start from a register; a pinned first
//!   parameter is moved from rsi, and a small leaf keeps it there (`shape::BodyShape`).
//! - `prepare_call` spills the value stack, stores the arguments, reads the callee
//!   selector (a `call_indirect` index, into rcx) and writes rsi last.
//! - The first result comes back in rax (integers, references) or xmm0 (floats); results
//!   1.. come back in the same outgoing area, so multi-value returns need no other path.
//! - The callee runs with its own vmctx in r15 and memory base in r14. After calling into
//!   another context (imports, table entries of another instance) the caller reloads its
//!   own from `[rbp - 8]` (`VMCTX_SAVE`). Host functions are reached through the same
//!   shape: their context is a `HostFuncCtx` whose header mirrors a vmctx's first words
//!   (`abi::vmctx::HostCtxHeader`), and the host-call trampoline saves the callee-saved
//!   registers that Rust code does not preserve.

use super::{FuncCompiler, Opnd};
use crate::abi::frame::{area_offsets, area_units, ARGS, VMCTX_SAVE};

// dynasm encodes a displacement given by an expression as 32 bits, and one given by a
// literal in the shortest form: the context save and restore write the literal.
const _: () = assert!(VMCTX_SAVE == -8);
use crate::abi::libcalls::offsets as libcall;
use crate::abi::regs::{
    canary, check_xmm_canary, fill_xmm_canary, CALLEE_SAVED_GPRS, CALLEE_SAVED_XMMS, RBP, RCX, RSI,
};
use crate::abi::vmctx::{funcref, header, table};
use crate::compiler::stack::Loc;
use crate::frontend::ModuleInfo;
use crate::trap::TrapKind;
use crate::types::{registry, FuncType, ValType};
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

// DESIGN: tail calls
// `return_call` and `return_call_indirect` replace the calling frame by the callee's, so
// that a chain of tail calls runs in constant stack space. The arguments go into the
// frame's incoming area (the slots its own caller provided, `[rbp + 16 + o]`) and, for
// an i32/i64 first argument, rsi: a direct `return_call` whose operands read nothing
// from that area stores them there at once; any other stores them as for a call, into
// the outgoing area (so every operand, parameters included, is read before any
// parameter slot is written), and moves them, each with a load and a store as wide as
// the store that wrote it (a wider load would miss store forwarding: a 16-byte move of
// two 8-byte stores cost more than the rest of the call, `benches/RESULTS.md`); the epilogue gives the caller its pinned registers back and pops the
// frame, and a jump enters the callee with the caller's return address on top. The
// callee returns where the frame would have: its result types are the frame's
// (validation), so in rax or xmm0 and the same area offsets. For the debugger a tail call
// ends its frame as a `return` does: it is an exit site (a step over it goes on in the
// caller, a step into stops at the callee's entry, at the same depth).
// Invariant: every caller provides at least `max(params, results)` units of the
// callee's type (`prepare_call` sizes the outgoing area so, the entry trampoline copies
// that many slots), so a move is in place when the callee's parameters take no more
// units than that for the frame's own type and the callee runs in the frame's context
// (a direct call of a defined function, or a table entry of this instance): the caller
// then finds everything as after a call of the frame itself.
// Any other tail call (an imported callee or host function, a table entry of another
// instance, more parameter units) goes through a tail-call frame
// (`abi::frame::tail_frame`): an rbp frame built where the calling frame was, whose
// header holds the vmctx the caller expects back and the sizes of its argument area
// (room for the callee's parameters and results) and of the results; the callee is
// entered below it with the tail-return trampoline (`runtime::trampolines`) as its
// return address, which moves the results to the caller's area, restores the context
// and returns to the caller. A frame whose return address is that trampoline reuses
// its tail-call frame (rebuilt lower if its area is too small), so a chain of tail
// calls has at most one, whatever it crosses. Invariants: the tail-call frame's area
// never reaches below the staged arguments (the calling frame's outgoing area is sized
// to reach below it, and the move goes highest unit first; the value-stack slots the
// arguments had give the same room today, so no scratch build shows this one: it is a
// margin kept by construction); the result types of every
// function of a chain are the chain's first callee's (validation), so the result units
// stay right; every walk of the rbp chain steps over tail-call frames
// (`runtime::frame_chain::caller_of`: backtraces, the debugger's walk, redirection).
// `tests/tail_calls.rs` runs tail-recursive chains of 10^6 calls and more on a stack
// that would overflow at a fraction of that if frames stayed: in place, with operands
// read from the parameters being replaced (a scratch build storing those directly fails
// it), pinned parameters, every value type; across
// two instances (ping-pong through a table, each instance's globals checked after) and
// growing and shrinking the argument area; a backtrace and the debugger's frames through
// a tail-call frame; stepping over a self tail call (ends in the caller) and into one.
// Scratch builds that build a new tail-call frame at every call, return without
// restoring the context, or give a tail call no exit site, fail them.

// DESIGN: convention canaries
// A test mode (`Config::convention_canaries`) that checks the register convention at run
// time rather than trusting every emitter to follow it. Around every call from wasm code
// (direct, imported, `call_indirect` in this or another instance) the caller saves its
// callee-saved registers (r8-r11, xmm6-xmm13; `regs::CALLEE_SAVED_*`) in frame slots,
// fills each with a distinct value whose upper half is all ones (so that a 32-bit write
// shows too; an xmm register's 128 bits are that value and its complement), and after
// the call compares every one and traps with
// `TrapKind::ConventionViolation` if any changed, then restores its own values. An xmm
// register must come back with all 128 bits (`regs::check_xmm_canary`): pinned locals
// may be vectors, so a save of only the low half shows, as does a vector temporary
// written into a callee-saved register. The entry
// trampoline does the same for the function the host calls (`runtime::trampolines`).
// Every function of a module that runs is so checked by whoever called it, with callee-
// saved registers its callers could not otherwise tell apart from its own.
//
// Where the check sits matters for debugging: a plain version's call can return into
// the instrumented version (`runtime::redirect` rewrites the return address to the
// instrumented version's after-call point), so there the instrumented version's transfer
// label comes before its check (`after_call_transfer_point`), and both versions reach
// their points with the canaries still in place.

// `call_indirect` scales the index by a literal 8 (the assembler takes no constant there).
const _: () = assert!(table::ELEMENT == 8);

/// Whether a first parameter of type `ty` is passed in rsi as well as in its slot.
pub(super) fn takes_first_arg_in_rsi(ty: ValType) -> bool {
    matches!(ty, ValType::I32 | ValType::I64)
}

/// An instrumented version's direct call of a callee's plain entry, out of line.
pub(super) struct PlainCall {
    entry: DynamicLabel,
    /// Where the inline call returns; the out-of-line call rejoins there.
    back: DynamicLabel,
    /// Defined index of the callee.
    callee: u32,
    /// Module offset of the `call`.
    offset: u32,
    /// The handler in force at the call (`exceptions`).
    handler: Option<DynamicLabel>,
}

/// A `return_call_indirect` whose callee may belong to another instance: the inline
/// path jumps to same-instance callees in place, and the out-of-line path at `entry`
/// goes through a tail-call frame for the others.
pub(super) struct CrossInstanceTailCall {
    entry: DynamicLabel,
    /// The callee's type.
    ty: FuncType,
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
    /// The handler in force at the call (`exceptions`).
    handler: Option<DynamicLabel>,
}

impl<'e> FuncCompiler<'_, 'e> {
    /// Canary mode: saves the callee-saved registers and fills them with canaries, right
    /// before a call instruction. Uses rdx only (rax and rcx may hold the callee).
    pub(super) fn canary_fill(&mut self) {
        if !self.env.canaries {
            return;
        }
        for (k, &r) in CALLEE_SAVED_GPRS.iter().enumerate() {
            let disp = self.frame.canary_disp(k as u32);
            dynasm!(self.asm
                ; .arch x64
                ; mov [rbp + disp], Rq(r)
                ; mov Rq(r), canary(r)
            );
        }
        for (k, &x) in CALLEE_SAVED_XMMS.iter().enumerate() {
            let disp = self.frame.canary_disp((CALLEE_SAVED_GPRS.len() + k) as u32);
            dynasm!(self.asm ; .arch x64 ; movdqu [rbp + disp], Rx(x));
            fill_xmm_canary(self.asm, x);
        }
    }

    /// Canary mode: right after a call returns, traps if a callee-saved register lost its
    /// canary, then restores the registers. Uses rdx only (rax and xmm0 hold a result).
    pub(super) fn canary_check(&mut self) {
        if !self.env.canaries {
            return;
        }
        let violated = self.trap_site(TrapKind::ConventionViolation);
        for &r in &CALLEE_SAVED_GPRS {
            dynasm!(self.asm
                ; .arch x64
                ; cmp Rq(r), canary(r)
                ; jne =>violated
            );
        }
        for &x in &CALLEE_SAVED_XMMS {
            check_xmm_canary(self.asm, x);
            dynasm!(self.asm ; .arch x64 ; jne =>violated);
        }
        for (k, &r) in CALLEE_SAVED_GPRS.iter().enumerate() {
            let disp = self.frame.canary_disp(k as u32);
            dynasm!(self.asm ; .arch x64 ; mov Rq(r), [rbp + disp]);
        }
        for (k, &x) in CALLEE_SAVED_XMMS.iter().enumerate() {
            let disp = self.frame.canary_disp((CALLEE_SAVED_GPRS.len() + k) as u32);
            dynasm!(self.asm ; .arch x64 ; movdqu Rx(x), [rbp + disp]);
        }
    }

    /// The call sequence up to the call itself: spills the value stack's temporaries,
    /// stores the top `ty.params()` values into the outgoing area (popping them), loads
    /// `selector` (a `call_indirect` index, already popped) into rcx, and writes the first
    /// argument into rsi last, after every operand has been read: an operand may live in
    /// rsi, a temporary.
    pub(super) fn prepare_call(&mut self, ty: &FuncType, selector: Option<(ValType, Opnd)>) {
        self.prepare_call_into(ty, selector, crate::abi::regs::RSP, 0);
    }

    /// `prepare_call` with the arguments stored at `[base + disp]` rather than in the
    /// outgoing area.
    fn prepare_call_into(
        &mut self,
        ty: &FuncType,
        selector: Option<(ValType, Opnd)>,
        base: u8,
        disp: i32,
    ) {
        self.leaving_wasm_code();
        self.fuel_to_memory();
        let n = ty.params().len();
        let len = self.stack.len();
        self.spill_registers(len - n);
        for (i, offset) in area_offsets(ty.params()).enumerate() {
            let e = self.stack.get(len - n + i);
            let src = self.operand(e);
            self.store_to(e.ty, src, base, disp + offset);
        }
        if let Some((selector_ty, selector)) = selector {
            // Stores use rax and xmm15 as scratch, never rcx.
            self.load_gpr(selector_ty, selector, RCX);
            self.free(selector);
        }
        if let Some(&first) = ty.params().first() {
            if takes_first_arg_in_rsi(first) {
                let e = self.stack.get(len - n);
                let src = self.operand(e);
                self.load_gpr(first, src, RSI);
            }
        }
        self.stack.truncate(len - n);
        self.max_outgoing = self
            .max_outgoing
            .max(area_units(ty.params()))
            .max(area_units(ty.results()));
    }

    /// Pushes the results of a call that just returned.
    fn push_call_results(&mut self, ty: &FuncType) {
        for ((i, &rty), offset) in ty
            .results()
            .iter()
            .enumerate()
            .zip(area_offsets(ty.results()))
        {
            if i == 0 {
                if rty.in_xmm() {
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
                let disp = self.slot_disp(depth, rty);
                if rty == ValType::V128 {
                    dynasm!(self.asm
                        ; .arch x64
                        ; movdqu xmm15, [rsp + offset]
                        ; movdqu [rbp + disp], xmm15
                    );
                } else {
                    dynasm!(self.asm
                        ; .arch x64
                        ; mov rax, [rsp + offset]
                        ; mov [rbp + disp], rax
                    );
                }
                self.stack.push(rty, Loc::Slot);
            }
        }
    }

    /// After a call into another context: restore this function's vmctx and memory base.
    pub(super) fn restore_context(&mut self) {
        // The literal `[rbp - 8]` below and in `enter_context_rcx` is `VMCTX_SAVE`.
        const _: () = assert!(crate::abi::frame::VMCTX_SAVE == -8);
        dynasm!(self.asm
            ; .arch x64
            ; mov r15, [rbp - 8] // VMCTX_SAVE (a literal, so that dynasm emits a disp8)
            ; mov r14, [r15 + header::MEM_BASE]
            // Back from another context: this instance's own flags in r12 ("DESIGN:
            // entries through the stack limit" in `abi::regs`).
            ; shl r12, 2
            ; shr r12, 2
            ; or r12, [r15 + header::DEBUG_BITS]
        );
    }

    /// Saves this function's vmctx in its frame and switches to the callee context in rcx.
    fn enter_context_rcx(&mut self) {
        dynasm!(self.asm
            ; .arch x64
            ; mov [rbp - 8], r15 // VMCTX_SAVE
            ; mov r15, rcx
            ; mov r14, [r15 + header::MEM_BASE]
            ; or r12, [r15 + header::ENTRY_BITS]
        );
    }

    /// Instrumented version: loads into rax the instrumented entry of `callee` (a
    /// defined function) if this instance debugs it and that version is compiled (its
    /// entry slot is not zero); else jumps to `plain`.
    fn load_debugged_entry(&mut self, callee: u32, plain: DynamicLabel) {
        let defined = callee - self.env.info.num_imported_funcs;
        let word = self.env.layout.func_bits(callee);
        super::breakable::emit_word_test(self.asm, word);
        dynasm!(self.asm ; .arch x64 ; jbe =>plain);
        // mov rax, [rip + entry slot]
        self.asm.extend([0x48, 0x8B, 0x05]);
        self.out
            .entry_slot_refs
            .push((self.asm.offset().0, defined));
        self.asm.extend([0, 0, 0, 0]);
        dynasm!(self.asm
            ; .arch x64
            ; test rax, rax
            ; jz =>plain
        );
    }

    pub(super) fn call(&mut self, callee: u32) {
        let info: &'e ModuleInfo = self.env.info;
        let ty = info.func_type(callee);
        self.prepare_call(ty, None);
        self.record_call_stack();
        if self.env.info.is_imported_func(callee) {
            let code = self.env.layout.import_code(callee);
            let vmctx = self.env.layout.import_vmctx(callee);
            dynasm!(self.asm
                ; .arch x64
                ; mov rax, [r15 + code]
                ; mov rcx, [r15 + vmctx]
            );
            self.enter_context_rcx();
            self.canary_fill();
            dynasm!(self.asm ; .arch x64 ; call rax);
            self.call_returned();
            self.record_context_return();
            self.canary_check();
            self.restore_context();
            self.fuel_from_memory();
            self.transfer_point();
        } else {
            self.canary_fill();
            let defined = callee - self.env.info.num_imported_funcs;
            let returned = self.asm.new_dynamic_label();
            if let (true, Some(own)) = (
                self.instrumented && callee == self.func_index,
                self.instrumented_entry,
            ) {
                // A recursive call from the instrumented version: to its own entry, which
                // goes on in the plain version if the function is no longer debugged.
                dynasm!(self.asm ; .arch x64 ; call =>own);
                self.call_returned();
            } else if self.instrumented {
                // A callee this instance debugs is entered at its instrumented version's
                // own entry, if it is compiled (its entry slot is not zero), without the
                // plain prologue's slow path and transfer path; any other callee's plain
                // entry is called out of line (`emit_plain_calls`).
                let plain_call = self.asm.new_dynamic_label();
                self.load_debugged_entry(callee, plain_call);
                dynasm!(self.asm ; .arch x64 ; call rax);
                self.call_returned();
                self.plain_calls.push(PlainCall {
                    entry: plain_call,
                    back: returned,
                    callee: defined,
                    offset: self.offset,
                    handler: self.handler,
                });
            } else {
                // call rel32, resolved when the module's chunks are linked.
                self.asm.push(0xE8);
                let at = self.asm.offset().0;
                self.asm.extend([0, 0, 0, 0]);
                self.out.calls.push((at, defined));
                self.call_returned();
                if self.env.debug {
                    let caller = self.func_index - self.env.info.num_imported_funcs;
                    self.out.call_edges.push((caller, defined));
                }
            }
            dynasm!(self.asm ; .arch x64 ; =>returned);
            self.fuel_from_memory();
            self.after_call_transfer_point(returned);
        }
        self.push_call_results(ty);
    }

    pub(super) fn call_indirect(&mut self, type_index: u32, table_index: u32) {
        self.call_through_funcref(Callee::Table {
            type_index,
            table_index,
        });
    }

    /// `call_ref`: as `call_indirect`, the callee a function reference (validated to be
    /// of the type or a subtype) rather than a table entry.
    pub(super) fn call_ref(&mut self, type_index: u32) {
        self.call_through_funcref(Callee::Ref { type_index });
    }

    /// A call whose callee `prepare_indirect_call` finds.
    fn call_through_funcref(&mut self, callee: Callee) {
        let ty = self.prepare_indirect_call(callee);
        // Most table entries belong to the caller's own instance: call those without
        // switching contexts; the switch is out of line (`emit_cross_instance_calls`).
        let cross = self.asm.new_dynamic_label();
        let returned = self.asm.new_dynamic_label();
        self.canary_fill();
        dynasm!(self.asm
            ; .arch x64
            ; cmp rcx, r15
            ; jne =>cross
            ; call QWORD [rax + funcref::CODE]
            ; =>returned
        );
        self.call_returned();
        self.fuel_from_memory();
        let instrumented = self.after_call_transfer_point(returned);
        self.cross_instance_calls.push(CrossInstanceCall {
            entry: cross,
            back: returned,
            instrumented,
            offset: self.offset,
            handler: self.handler,
        });
        self.push_call_results(ty);
    }

    /// The part of `call_indirect`, `call_ref` and their tail-call forms before the
    /// call: records that the function calls indirectly (plain version of a debuggable
    /// module), pops the index or reference, stores the arguments (`prepare_call`),
    /// records the call's stack and finds the callee (`emit_funcref_lookup`, or the null
    /// test of a reference). Returns the callee's type.
    fn prepare_indirect_call(&mut self, callee: Callee) -> &'e FuncType {
        let info: &'e ModuleInfo = self.env.info;
        let type_index = match callee {
            Callee::Table { type_index, .. } | Callee::Ref { type_index } => type_index,
        };
        let ty = &info.types[type_index as usize];
        if self.env.debug && !self.instrumented {
            let caller = self.func_index - info.num_imported_funcs;
            if self.out.indirect_callers.last() != Some(&caller) {
                self.out.indirect_callers.push(caller);
            }
        }
        // The selector is not on the stack any more, so spilling cannot disturb it.
        let selector = self.pop_opnd();
        self.prepare_call(ty, Some(selector));
        self.record_call_stack();
        match callee {
            Callee::Table {
                type_index,
                table_index,
            } => self.emit_funcref_lookup(type_index, table_index),
            Callee::Ref { .. } => {
                let null = self.trap_site(TrapKind::NullFunctionReference);
                dynasm!(self.asm
                    ; .arch x64
                    ; test rcx, rcx
                    ; jz =>null
                    ; mov rax, rcx
                    ; mov rcx, [rax + funcref::VMCTX]
                );
            }
        }
        ty
    }

    /// Finds the callee of a `call_indirect` (or `return_call_indirect`) whose index is
    /// in rcx: traps for an index out of bounds, a null entry or a type mismatch, and
    /// leaves the funcref in rax and its vmctx in rcx.
    fn emit_funcref_lookup(&mut self, type_index: u32, table_index: u32) {
        // rcx holds the index until the callee is found: the trap for a null entry reads
        // it from the trap stub's save area to name the element in its message.
        let undefined = self.trap_site(TrapKind::UndefinedElement);
        let uninitialized = self.trap_site(TrapKind::UninitializedElement);
        let mismatch = self.trap_site(TrapKind::IndirectCallTypeMismatch);
        let table_off = self.env.layout.table(table_index);
        let type_word = self.env.layout.type_word(type_index);
        dynasm!(self.asm
            ; .arch x64
            ; mov rax, [r15 + table_off]
            ; cmp rcx, [rax + table::LEN]
            ; jae =>undefined
            ; mov rax, [rax + table::BASE]
            ; mov rax, [rax + rcx * 8] // table::ELEMENT
            ; test rax, rax
            ; jz =>uninitialized
            ; mov rdx, [r15 + type_word]
            ; cmp rdx, [rax + funcref::TYPE_WORD]
        );
        let expected = self.env.info.type_ids[type_index as usize];
        if registry::is_final(expected) {
            dynasm!(self.asm ; .arch x64 ; jne =>mismatch);
        } else {
            // A type that may have subtypes: on a mismatch of the words, the display
            // check ("DESIGN: supertype displays"); its depth is the type's own.
            let depth = registry::depth(expected) as i32;
            let found = self.asm.new_dynamic_label();
            dynasm!(self.asm
                ; .arch x64
                ; je =>found
                ; mov rdx, [rax + funcref::TYPE_WORD]
                ; cmp QWORD [rdx + registry::record::DEPTH], depth
                ; jb =>mismatch
                ; mov rdx, [rdx + registry::record::ANCESTORS + 8 * depth]
                ; cmp rdx, [r15 + type_word]
                ; jne =>mismatch
                ; =>found
            );
        }
        dynasm!(self.asm ; .arch x64 ; mov rcx, [rax + funcref::VMCTX]);
    }

    /// Units of the incoming area every caller of this function provides ("DESIGN: tail
    /// calls").
    fn incoming_units(&self) -> u32 {
        let ty = self.env.info.func_type(self.func_index);
        area_units(ty.params()).max(area_units(ty.results()))
    }

    /// `return_call`: in place if the callee is defined here and its parameters fit the
    /// incoming area, else through a tail-call frame ("DESIGN: tail calls").
    pub(super) fn return_call(&mut self, callee: u32) {
        // The frame ends here, as at a `return` (a step over it goes on in the caller).
        self.breakable_point(crate::abi::sites::SiteKind::Exit);
        let info: &'e ModuleInfo = self.env.info;
        let ty = info.func_type(callee);
        if info.is_imported_func(callee) {
            self.prepare_call(ty, None);
            let code = self.env.layout.import_code(callee);
            let vmctx = self.env.layout.import_vmctx(callee);
            dynasm!(self.asm
                ; .arch x64
                ; mov rax, [r15 + code]
                ; mov rcx, [r15 + vmctx]
            );
            self.tail_call_through_frame(ty);
            self.mark_unreachable();
            return;
        }
        let defined = callee - info.num_imported_funcs;
        if self.env.debug && !self.instrumented {
            // A tail call reaches its callee as a call does ("DESIGN: entries through
            // the stack limit").
            let caller = self.func_index - info.num_imported_funcs;
            self.out.call_edges.push((caller, defined));
        }
        if area_units(ty.params()) <= self.incoming_units() && self.args_avoid_incoming_area(ty) {
            // No operand reads the incoming area: the arguments go there directly.
            self.prepare_call_into(ty, None, RBP, ARGS);
            self.leave_frame_for_tail_call();
        } else {
            self.prepare_call(ty, None);
            if area_units(ty.params()) > self.incoming_units() {
                // lea rax, [rip + plain entry], resolved as calls are.
                self.asm.extend([0x48, 0x8D, 0x05]);
                let at = self.asm.offset().0;
                self.asm.extend([0, 0, 0, 0]);
                self.out.calls.push((at, defined));
                dynasm!(self.asm ; .arch x64 ; mov rcx, r15);
                self.tail_call_through_frame(ty);
                self.mark_unreachable();
                return;
            }
            self.leave_for_tail_call(ty);
        }
        if let (true, Some(own)) = (
            self.instrumented && callee == self.func_index,
            self.instrumented_entry,
        ) {
            dynasm!(self.asm ; .arch x64 ; jmp =>own);
        } else {
            if self.instrumented {
                // A callee this instance debugs, compiled: its instrumented entry.
                let plain = self.asm.new_dynamic_label();
                self.load_debugged_entry(callee, plain);
                dynasm!(self.asm
                    ; .arch x64
                    ; jmp rax
                    ; =>plain
                );
            }
            // jmp rel32 to the plain entry, resolved as calls are.
            self.asm.push(0xE9);
            let at = self.asm.offset().0;
            self.asm.extend([0, 0, 0, 0]);
            self.out.calls.push((at, defined));
        }
        self.mark_unreachable();
    }

    /// `return_call_indirect`: in place for a table entry of this instance whose
    /// parameters fit the incoming area, else through a tail-call frame ("DESIGN: tail
    /// calls").
    pub(super) fn return_call_indirect(&mut self, type_index: u32, table_index: u32) {
        self.tail_call_through_funcref(Callee::Table {
            type_index,
            table_index,
        });
    }

    /// `return_call_ref`: as `return_call_indirect`, the callee a function reference.
    pub(super) fn return_call_ref(&mut self, type_index: u32) {
        self.tail_call_through_funcref(Callee::Ref { type_index });
    }

    /// A tail call whose callee `prepare_indirect_call` finds.
    fn tail_call_through_funcref(&mut self, callee: Callee) {
        self.breakable_point(crate::abi::sites::SiteKind::Exit);
        let ty = self.prepare_indirect_call(callee);
        if area_units(ty.params()) > self.incoming_units() {
            dynasm!(self.asm ; .arch x64 ; mov rax, [rax + funcref::CODE]);
            self.tail_call_through_frame(ty);
            self.mark_unreachable();
            return;
        }
        let cross = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            ; cmp rcx, r15
            ; jne =>cross
        );
        self.cross_instance_tail_calls.push(CrossInstanceTailCall {
            entry: cross,
            ty: ty.clone(),
        });
        self.leave_for_tail_call(ty);
        dynasm!(self.asm ; .arch x64 ; jmp QWORD [rax + funcref::CODE]);
        self.mark_unreachable();
    }

    /// A tail call that cannot replace the frame in place: into another context, or
    /// with more parameter units than the incoming area is sure to hold ("DESIGN: tail
    /// calls"). The arguments are in the outgoing area (`prepare_call`), the callee's
    /// code address in rax and its context in rcx. Reuses the tail-call frame this
    /// frame returns into, if any and large enough; else builds one where this frame
    /// was. Emits the whole leave and the jump.
    fn tail_call_through_frame(&mut self, ty: &FuncType) {
        use crate::abi::frame::tail_frame;
        use crate::abi::libcalls::offsets::TAIL_RETURN;
        use crate::abi::regs::RDI;
        let params = area_units(ty.params());
        let results = area_units(ty.results());
        let units = tail_frame::area_units(params, results);
        let area = tail_frame::area_disp(units);
        // The frame must reach below the tail-call frame's header and area, so that
        // the area's bottom is never below the staged arguments (the move below goes
        // from the highest unit down).
        self.max_outgoing = self.max_outgoing.max(units + tail_frame::HEADER as u32 / 8);
        // The caller's pinned registers, from this frame's save slots, before anything
        // is written over them.
        self.restore_callers_pinned();
        let build = self.asm.new_dynamic_label();
        let rebuild = self.asm.new_dynamic_label();
        let enter = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            ; mov rdi, [r15 + header::LIBCALLS]
            ; mov rdi, [rdi + TAIL_RETURN]
            ; mov rdi, [rdi]
            ; cmp rdi, [rbp + 8]
            ; jne =>build
            // This frame is a tail-call frame's callee: its incoming area is that
            // frame's argument area.
            ; mov rdi, [rbp]
            ; cmp QWORD [rdi + tail_frame::AREA_UNITS], units as i32
            ; jb =>rebuild
        );
        self.move_params(ty.params(), crate::abi::regs::RSP, 0, RBP, ARGS);
        dynasm!(self.asm
            ; .arch x64
            ; mov rsp, rbp
            ; pop rbp
            ; jmp =>enter
            ; =>build
            ; mov rdi, rbp
            ; mov [rdi + tail_frame::VMCTX], r15
            ; =>rebuild
        );
        self.move_params(ty.params(), crate::abi::regs::RSP, 0, RDI, area);
        dynasm!(self.asm
            ; .arch x64
            ; mov QWORD [rdi + tail_frame::AREA_UNITS], units as i32
            ; mov QWORD [rdi + tail_frame::RESULT_UNITS], results as i32
            ; mov rbp, rdi
            ; lea rsp, [rdi + area - 8]
            ; mov rdi, [r15 + header::LIBCALLS]
            ; mov rdi, [rdi + TAIL_RETURN]
            ; mov rdi, [rdi]
            ; mov [rsp], rdi
            ; =>enter
            ; mov r15, rcx
            ; mov r14, [r15 + header::MEM_BASE]
            ; or r12, [r15 + header::ENTRY_BITS]
            ; jmp rax
        );
    }

    /// The in-place part of a tail call, after `prepare_call` stored the arguments in the
    /// outgoing area: moves them into the incoming area, gives the caller its pinned
    /// registers back and pops the frame. Keeps rax, rcx and rsi (the callee and the first
    /// argument).
    fn leave_for_tail_call(&mut self, ty: &FuncType) {
        self.move_params(ty.params(), crate::abi::regs::RSP, 0, RBP, ARGS);
        self.leave_frame_for_tail_call();
    }

    /// Gives the caller its pinned registers back and pops the frame.
    fn leave_frame_for_tail_call(&mut self) {
        self.restore_callers_pinned();
        dynasm!(self.asm
            ; .arch x64
            ; mov rsp, rbp
            ; pop rbp
        );
    }

    /// Whether no operand of a call's arguments (the top `ty.params()` values) is read
    /// from the incoming area, so that they may be stored there directly (a parameter
    /// not pinned in a register is read from its slot there).
    fn args_avoid_incoming_area(&self, ty: &FuncType) -> bool {
        let n = ty.params().len();
        let len = self.stack.len();
        (len - n..len)
            .all(|d| !matches!(self.operand(self.stack.get(d)), Opnd::Mem(disp) if disp > 0))
    }

    /// Copies the values of an area of `types` from `[from + from_disp]` to `[to +
    /// to_disp]`, each as wide as its type (as `store_to` wrote it: a load of the width
    /// of the store gets the stored value forwarded), through rdx and xmm15, the highest
    /// first: right for overlapping areas whose destination is not below the source.
    fn move_params(&mut self, types: &[ValType], from: u8, from_disp: i32, to: u8, to_disp: i32) {
        let offsets: Vec<i32> = area_offsets(types).collect();
        for (&ty, &offset) in types.iter().zip(&offsets).rev() {
            let (src, dst) = (from_disp + offset, to_disp + offset);
            match ty {
                ValType::V128 => dynasm!(self.asm
                    ; .arch x64
                    ; movdqu xmm15, [Rq(from) + src]
                    ; movdqu [Rq(to) + dst], xmm15
                ),
                ValType::I32 | ValType::F32 => dynasm!(self.asm
                    ; .arch x64
                    ; mov edx, [Rq(from) + src]
                    ; mov [Rq(to) + dst], edx
                ),
                _ => dynasm!(self.asm
                    ; .arch x64
                    ; mov rdx, [Rq(from) + src]
                    ; mov [Rq(to) + dst], rdx
                ),
            }
        }
    }

    /// Instrumented version: emits the out-of-line calls of plain entries (`call`): the
    /// call, named in backtraces by its operator, and the jump back to where the inline
    /// call returns.
    pub(super) fn emit_plain_calls(&mut self) {
        for call in std::mem::take(&mut self.plain_calls) {
            dynasm!(self.asm ; .arch x64 ; =>call.entry);
            let code = self.asm.offset().0 as u32;
            self.out.sites.push((code, call.offset));
            // call rel32, resolved when the version is published.
            self.asm.push(0xE8);
            let at = self.asm.offset().0;
            self.asm.extend([0, 0, 0, 0]);
            self.out.calls.push((at, call.callee));
            self.call_returned_to(call.handler);
            dynasm!(self.asm ; .arch x64 ; jmp =>call.back);
        }
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
            self.call_returned_to(call.handler);
            self.record_context_return();
            self.restore_context();
            if let Some(instrumented) = call.instrumented {
                let word = self.env.layout.func_bits(self.func_index);
                super::breakable::emit_word_test(self.asm, word);
                dynasm!(self.asm ; .arch x64 ; ja =>instrumented);
            }
            dynasm!(self.asm ; .arch x64 ; jmp =>call.back);
        }
        for call in std::mem::take(&mut self.cross_instance_tail_calls) {
            // A tail call into another instance (the arguments are in the outgoing area,
            // rax holds the funcref, rcx its vmctx).
            dynasm!(self.asm
                ; .arch x64
                ; =>call.entry
                ; mov rax, [rax + funcref::CODE]
            );
            self.tail_call_through_frame(&call.ty);
        }
    }

    /// Calls the host helper at `offset` in the libcall table, through the module's
    /// host-helper stub (`emit_host_helper_stub`), with rdi = vmctx and the other
    /// arguments already in rsi (and rdx, rcx). Every value-stack register must have been
    /// spilled. Returns with rax (eax: a trap code or result) from the helper.
    pub(super) fn emit_host_helper_call(&mut self, offset: i32) {
        self.leaving_wasm_code();
        self.fuel_to_memory();
        let stub = self.env.host_helper_stub;
        dynasm!(self.asm
            ; .arch x64
            ; mov rdi, r15
            ; mov eax, offset
            ; call =>stub
        );
        self.fuel_from_memory();
    }

    pub(super) fn memory_grow(&mut self) {
        let (_, delta) = self.pop_opnd();
        let len = self.stack.len();
        self.spill_registers(len);
        self.load_gpr(ValType::I32, delta, RSI);
        self.free(delta);
        self.emit_host_helper_call(libcall::MEMORY_GROW);
        self.transfer_point();
        let r = self.alloc_gpr();
        dynasm!(self.asm ; .arch x64 ; mov Rd(r), eax);
        self.push_gpr(ValType::I32, r);
    }
}

/// Where an indirect call finds its callee.
#[derive(Clone, Copy)]
enum Callee {
    /// `call_indirect`: the entry of a table at the index on the stack, checked against
    /// the type.
    Table { type_index: u32, table_index: u32 },
    /// `call_ref`: the function reference on the stack (of the type, by validation).
    Ref { type_index: u32 },
}
