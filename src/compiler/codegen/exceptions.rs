//! Exception handling in code: `throw`, `throw_ref`, `try_table` and its landing pad,
//! and the legacy `try`, `catch`, `catch_all`, `delegate` and `rethrow`.
//!
//! // DESIGN: landing pads
//! The run-time half is `runtime::exceptions` ("DESIGN: exceptions"); this is what the
//! compiler emits for it.
//! - A `try_table` with clauses (or a legacy `try`) has a landing pad, and while its body
//!   is compiled it is the function's current handler (`FuncCompiler::handler`): every
//!   call instruction emitted meanwhile (wasm calls, the throw stub's) records its return
//!   address with the pad (`call_returned`, `FuncOutput::landing_pads`). A `try_table`
//!   without clauses, and the catch bodies of a legacy `try`, keep the enclosing handler.
//! - Entering the block spills every value (as every block does, "DESIGN: merges"), so
//!   the entries below it are constants or slots for its whole body: the pad, reached
//!   from any call in the body, knows where every value is.
//! - The pad gets rbp (its frame) and the exception object in rax, and rebuilds the rest:
//!   rsp from the frame size, the vmctx from `VMCTX_SAVE` (stored by the prologue of
//!   every function with handlers), the memory base and r12's flags as after a call
//!   into another context, r13 (the fuel of a plain version with fuel, the site bits of
//!   an instrumented version). The registers of values do not matter: nothing is live in
//!   one at a call (`prepare_call` spills them), and the function pins no local
//!   (`shape::BodyShape::handlers`).
//! - In a debuggable module the pad is then a transfer point ("DESIGN: transfer paths"
//!   in `breakable`), as a cross-instance call's return is: the unwinder lands in the
//!   version the frame's return address is in, and a plain frame whose return the host
//!   redirected (a step out of a callee, a breakpoint set meanwhile) or which called a
//!   host function must go on in the instrumented version if the instance debugs the
//!   function (`a_step_out_cut_short_by_an_exception_stops_in_the_handler`); the
//!   instrumented pad goes back to the plain version if it no longer does.
//! - A payload unit of a 32-bit value is loaded with a 32-bit load: its upper half is
//!   whatever the thrower's outgoing area held, and an i32 in a register is
//!   zero-extended (`an_i32_payload_arrives_zero_extended`).
//! - It keeps the object in a value-stack slot and tests the clauses in order: a tag's
//!   identity against the vmctx's word for the clause's tag; a clause that matches loads
//!   the payload (and pushes the exnref for the `_ref` forms, marking the object exposed)
//!   and branches to its label as `br` would. None matching, the object goes to the
//!   enclosing handler's pad, or with none is thrown on from this frame (`throw_ref`).
//! - A legacy `try` has the same pad, placed where its first clause (or its `end` or
//!   `delegate`) is met: a `catch` is a tag test followed by its body, which starts with
//!   the payload above the kept object (`rethrow` throws that object again), and a failed
//!   test goes to the next clause's test; after the last, the object goes on as above.
//!   `delegate l` sends it to the handler in force inside label l.

use super::control::FrameKind;
use super::FuncCompiler;
use crate::abi::exceptions::exn;
use crate::abi::libcalls::offsets as libcall;
use crate::compiler::stack::Loc;
use crate::trap::TrapKind;
use crate::types::ValType;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use wasmparser::{BlockType, Catch, TryTable};

/// A legacy `try` whose clauses are being compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct LegacyTry {
    /// The landing pad (bound at the first clause, `end` or `delegate`).
    pub pad: DynamicLabel,
    /// rbp-relative slot of the caught object, once the pad is placed.
    pub kept: Option<i32>,
    /// Where the next clause's test goes (a failed test jumps there).
    pub next_test: Option<DynamicLabel>,
    /// A `catch_all` was seen: nothing follows its body.
    pub caught_all: bool,
}

impl FuncCompiler<'_, '_> {
    /// Records the call instruction just emitted as one its landing pad handles, if a
    /// handler is in force.
    pub(super) fn call_returned(&mut self) {
        self.call_returned_to(self.handler);
    }

    /// Records the call instruction just emitted (out of line) as one `handler`'s
    /// landing pad handles, if there is one.
    pub(super) fn call_returned_to(&mut self, handler: Option<DynamicLabel>) {
        if let Some(pad) = handler {
            let returned = self.asm.offset().0 as u32;
            self.out.landing_pads.push((returned, pad));
        }
    }

    /// `throw tag`: the payload to the outgoing area, and the throw stub.
    pub(super) fn throw(&mut self, tag: u32) {
        let info = self.env.info;
        let ty = info.tag_type(tag);
        self.prepare_call(ty, None);
        self.out.uses_throw_stub = true;
        let stub = self.env.throw_stub;
        dynasm!(self.asm
            ; .arch x64
            ; mov esi, tag as i32
            ; mov rdx, rsp
            ; mov eax, libcall::THROW
            ; call =>stub
        );
        self.call_returned();
        self.mark_unreachable();
    }

    /// `throw_ref`: traps on null, else throws the object again.
    pub(super) fn throw_ref(&mut self) {
        let (_, exnref) = self.pop_opnd();
        let len = self.stack.len();
        self.spill_registers(len);
        self.load_gpr(ValType::EXNREF, exnref, crate::abi::regs::RSI);
        self.free(exnref);
        let null = self.trap_site(TrapKind::NullExceptionReference);
        dynasm!(self.asm
            ; .arch x64
            ; test rsi, rsi
            ; jz =>null
        );
        self.throw_object_in_rsi();
        self.mark_unreachable();
    }

    /// Throws the object in rsi from here (`throw_ref`, `rethrow`, a pad that catches
    /// nothing and has no enclosing handler).
    fn throw_object_in_rsi(&mut self) {
        self.leaving_wasm_code();
        self.fuel_to_memory();
        self.out.uses_throw_stub = true;
        let stub = self.env.throw_stub;
        dynasm!(self.asm
            ; .arch x64
            ; mov eax, libcall::THROW_REF
            ; call =>stub
        );
        self.call_returned();
    }

    /// Sends the object in rax to the handler `outer` (a landing pad), or with none
    /// throws it on from this frame.
    fn pass_on(&mut self, outer: Option<DynamicLabel>) {
        match outer {
            Some(pad) => dynasm!(self.asm ; .arch x64 ; jmp =>pad),
            None => {
                // The call is not the handler's: none is in force here.
                let handler = self.handler.take();
                dynasm!(self.asm ; .arch x64 ; mov rsi, rax);
                self.throw_object_in_rsi();
                self.handler = handler;
            }
        }
    }

    /// The start of a landing pad at `pad`: the frame's state rebuilt around the object
    /// in rax (see the design).
    fn landing_pad_entry(&mut self, pad: DynamicLabel) {
        dynasm!(self.asm
            ; .arch x64
            ; =>pad
            ; mov rsp, rbp
        );
        match self.known_frame {
            Some(frame) => dynasm!(self.asm ; .arch x64 ; sub rsp, frame as i32),
            None => {
                // sub rsp, imm32 (the frame size, patched once the pass is done).
                self.asm.extend([0x48, 0x81, 0xEC]);
                self.frame_patches.push(self.asm.offset().0);
                self.asm.extend([0, 0, 0, 0]);
            }
        }
        self.restore_context();
        self.fuel_from_memory();
        // A transfer point (see the design): the instrumented version's loads r13.
        self.transfer_point();
    }

    /// Keeps the object in rax in a new value-stack slot; returns the slot.
    fn keep_object(&mut self) -> i32 {
        let r = self.alloc_gpr();
        dynasm!(self.asm ; .arch x64 ; mov Rq(r), rax);
        self.push_gpr(ValType::EXNREF, r);
        let depth = self.stack.len() - 1;
        self.spill_entry(depth);
        self.slot_disp(depth, ValType::EXNREF)
    }

    /// Jumps to `miss` unless the object kept at `kept` has tag `tag`.
    fn test_tag(&mut self, kept: i32, tag: u32, miss: DynamicLabel) {
        let word = self.env.layout.tag(tag);
        dynasm!(self.asm
            ; .arch x64
            ; mov rcx, [rbp + kept]
            ; mov rdx, [rcx + exn::TAG]
            ; cmp rdx, [r15 + word]
            ; jne =>miss
        );
    }

    /// Pushes tag `tag`'s payload from the object kept at `kept`.
    fn push_payload(&mut self, kept: i32, tag: u32) {
        let info = self.env.info;
        let params = info.tag_type(tag).params();
        for (&ty, offset) in params.iter().zip(crate::abi::frame::area_offsets(params)) {
            if ty.in_xmm() {
                let x = self.alloc_xmm();
                dynasm!(self.asm
                    ; .arch x64
                    ; mov rcx, [rbp + kept]
                    ; mov rcx, [rcx + exn::PAYLOAD]
                );
                match ty {
                    ValType::F32 => dynasm!(self.asm ; .arch x64 ; movss Rx(x), [rcx + offset]),
                    ValType::F64 => dynasm!(self.asm ; .arch x64 ; movsd Rx(x), [rcx + offset]),
                    _ => dynasm!(self.asm ; .arch x64 ; movdqu Rx(x), [rcx + offset]),
                }
                self.push_xmm(ty, x);
            } else {
                let r = self.alloc_gpr();
                dynasm!(self.asm
                    ; .arch x64
                    ; mov rcx, [rbp + kept]
                    ; mov rcx, [rcx + exn::PAYLOAD]
                );
                // A 32-bit unit's upper half is garbage (see the design).
                if super::is_64(ty) {
                    dynasm!(self.asm ; .arch x64 ; mov Rq(r), [rcx + offset]);
                } else {
                    dynasm!(self.asm ; .arch x64 ; mov Rd(r), [rcx + offset]);
                }
                self.push_gpr(ty, r);
            }
        }
    }

    /// Marks the object kept at `kept` exposed and pushes it as an exnref.
    fn push_exposed(&mut self, kept: i32) {
        let r = self.alloc_gpr();
        dynasm!(self.asm
            ; .arch x64
            ; mov Rq(r), [rbp + kept]
            ; mov QWORD [Rq(r) + exn::EXPOSED], 1
        );
        self.push_gpr(ValType::EXNREF, r);
    }

    /// `try_table`: its landing pad (jumped over), then the block.
    pub(super) fn try_table(&mut self, table: &TryTable) {
        let (params, _) = self.block_signature(table.ty);
        self.spill_all();
        let outer = self.handler;
        let mut pad = None;
        if !table.catches.is_empty() {
            let label = self.asm.new_dynamic_label();
            let over = self.asm.new_dynamic_label();
            dynasm!(self.asm ; .arch x64 ; jmp =>over);
            // The pad sees the stack below the block's parameters.
            let len = self.stack.len();
            let kept_params = self.stack.entries()[len - params.len()..].to_vec();
            self.stack.truncate(len - params.len());
            self.landing_pad_entry(label);
            let base = self.stack.len();
            let kept = self.keep_object();
            for catch in &table.catches {
                let miss = self.asm.new_dynamic_label();
                let depth = match *catch {
                    Catch::One { tag, label } | Catch::OneRef { tag, label } => {
                        self.test_tag(kept, tag, miss);
                        self.push_payload(kept, tag);
                        label
                    }
                    Catch::All { label } | Catch::AllRef { label } => label,
                };
                if matches!(catch, Catch::OneRef { .. } | Catch::AllRef { .. }) {
                    self.push_exposed(kept);
                }
                self.branch(depth);
                self.stack.truncate(base + 1);
                dynasm!(self.asm ; .arch x64 ; =>miss);
            }
            dynasm!(self.asm ; .arch x64 ; mov rax, [rbp + kept]);
            self.stack.truncate(base);
            self.pass_on(outer);
            for e in kept_params {
                self.stack.push(e.ty, e.loc);
            }
            dynasm!(self.asm ; .arch x64 ; =>over);
            pad = Some(label);
        }
        self.block(table.ty);
        let frame = self.frames.last_mut().expect("the block just opened");
        frame.handler_outside = Some(outer);
        if pad.is_some() {
            self.handler = pad;
        }
        self.frames.last_mut().expect("the block").handler_inside = self.handler;
    }

    /// Legacy `try`: a block whose calls its pad handles (placed at its first clause).
    pub(super) fn legacy_try(&mut self, ty: BlockType) {
        let outer = self.handler;
        let pad = self.asm.new_dynamic_label();
        self.block(ty);
        let frame = self.frames.last_mut().expect("the block just opened");
        frame.handler_outside = Some(outer);
        frame.handler_inside = Some(pad);
        frame.kind = FrameKind::Try(LegacyTry {
            pad,
            kept: None,
            next_test: None,
            caught_all: false,
        });
        self.handler = Some(pad);
    }

    /// Ends the current clause of a legacy `try` (its body, or a catch body): the
    /// fall-through goes to the end; then the pad is placed if it is not yet, and the
    /// stack is the pad's (below the block, the kept object on top). Returns the object's
    /// slot.
    fn end_clause(&mut self) -> i32 {
        let frame = self.frames.last().expect("inside a try");
        let base = frame.base;
        let FrameKind::Try(state) = frame.kind else {
            unreachable!("validated: catch follows try");
        };
        self.fall_through_to_end();
        // Calls in catch bodies are the enclosing handler's.
        let outside = self.frames.last().and_then(|f| f.handler_outside).flatten();
        self.handler = outside;
        self.frames.last_mut().expect("the try").handler_inside = outside;
        self.stack.truncate(base);
        let kept = match (state.kept, state.next_test) {
            (Some(kept), Some(test)) => {
                dynasm!(self.asm ; .arch x64 ; =>test);
                self.stack.push(ValType::EXNREF, Loc::Slot);
                kept
            }
            _ => {
                self.landing_pad_entry(state.pad);
                // A legacy catch may `rethrow` the object: it is exposed.
                dynasm!(self.asm ; .arch x64 ; mov QWORD [rax + exn::EXPOSED], 1);
                let kept = self.keep_object();
                if let FrameKind::Try(s) = &mut self.frames.last_mut().expect("the try").kind {
                    s.kept = Some(kept);
                }
                kept
            }
        };
        self.reachable = true;
        kept
    }

    /// Legacy `catch tag`.
    pub(super) fn legacy_catch(&mut self, tag: u32) {
        let kept = self.end_clause();
        let miss = self.asm.new_dynamic_label();
        self.test_tag(kept, tag, miss);
        if let FrameKind::Try(s) = &mut self.frames.last_mut().expect("the try").kind {
            s.next_test = Some(miss);
        }
        self.push_payload(kept, tag);
    }

    /// Legacy `catch_all`.
    pub(super) fn legacy_catch_all(&mut self) {
        self.end_clause();
        if let FrameKind::Try(s) = &mut self.frames.last_mut().expect("the try").kind {
            s.next_test = None;
            s.caught_all = true;
        }
    }

    /// The end of a legacy `try` (`end`, or `delegate` with the handler to send what it
    /// does not catch to): the fall-through goes to the end, the pad (or the last test's
    /// miss path) passes the object on, then the block ends.
    pub(super) fn end_legacy_try(&mut self, delegate_to: Option<Option<DynamicLabel>>) {
        let frame = self.frames.last_mut().expect("inside a try");
        let FrameKind::Try(state) = frame.kind else {
            unreachable!("validated: a try");
        };
        frame.kind = FrameKind::Block;
        if state.caught_all {
            return self.end();
        }
        let base = frame.base;
        let outside = frame.handler_outside.flatten();
        self.fall_through_to_end();
        self.stack.truncate(base);
        match (state.kept, state.next_test) {
            (Some(kept), Some(test)) => {
                dynasm!(self.asm
                    ; .arch x64
                    ; =>test
                    ; mov rax, [rbp + kept]
                );
            }
            _ => self.landing_pad_entry(state.pad),
        }
        self.handler = outside;
        self.pass_on(delegate_to.unwrap_or(outside));
        self.reachable = false;
        self.end();
    }

    /// `rethrow depth`: throws again the object the legacy catch `depth` labels out
    /// caught.
    pub(super) fn rethrow(&mut self, depth: u32) {
        let frame = &self.frames[self.frames.len() - 1 - depth as usize];
        let FrameKind::Try(LegacyTry {
            kept: Some(kept), ..
        }) = frame.kind
        else {
            unreachable!("validated: rethrow names a catch");
        };
        let len = self.stack.len();
        self.spill_registers(len);
        dynasm!(self.asm ; .arch x64 ; mov rsi, [rbp + kept]);
        self.throw_object_in_rsi();
        self.mark_unreachable();
    }

    /// `delegate depth`: ends the `try`, sending what it does not catch to the handler in
    /// force inside label `depth` (counted outside the try).
    pub(super) fn delegate(&mut self, depth: u32) {
        let n = self.frames.len();
        // Past the try itself; the function's own label has no handler.
        let target = &self.frames[n - 2 - depth as usize];
        let to = if target.kind == FrameKind::Function {
            None
        } else {
            target.handler_inside
        };
        self.end_legacy_try(Some(to));
    }
}
