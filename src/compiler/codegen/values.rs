//! Operand access for the single pass: turning value-stack entries into instruction
//! operands, allocating registers (spilling the oldest cached value under pressure) and
//! moving values between constants, locals, registers and frame slots.
//!
//! Moves emitted here are plain `mov`s and never change the flags, so they may sit between
//! a fused compare and the branch that consumes it.

use super::{is_64, FuncCompiler, Opnd};
use crate::abi::regs::{Gpr, Xmm, RAX, XSCRATCH};
use crate::compiler::stack::{Cond, Entry, Loc};
use crate::types::ValType;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

/// Whether `bits` of type `ty` can be an instruction's sign-extended imm32.
pub(super) fn fits_imm32(ty: ValType, bits: u64) -> bool {
    !is_64(ty) || (bits as i64) == (bits as i32) as i64
}

impl FuncCompiler<'_, '_> {
    /// rbp-relative displacement of local `index`.
    pub(super) fn local_disp(&self, index: u32) -> i32 {
        self.frame.local_disp(index)
    }

    /// rbp-relative displacement of the canonical slot of stack depth `depth` for a
    /// value of type `ty` (`depth` at most the stack's length).
    pub(super) fn slot_disp(&self, depth: usize, ty: ValType) -> i32 {
        self.frame
            .slot_disp(self.stack.slot_units_at(depth), ty.slot_units())
    }

    /// rbp-relative displacement of an entry's canonical slot (also after it was popped).
    pub(super) fn entry_slot_disp(&self, e: Entry) -> i32 {
        self.frame.slot_disp(e.slot, e.ty.slot_units())
    }

    /// The operand for an entry (also one just popped). A pinned
    /// local's operand is its register, which the caller must not take over.
    pub(super) fn operand(&self, e: Entry) -> Opnd {
        match e.loc {
            Loc::Const(bits) => Opnd::Imm(bits),
            Loc::Local(i) => match self.pinned[i as usize] {
                Some(Loc::Gpr(r)) => Opnd::Gpr(r),
                Some(Loc::Xmm(x)) => Opnd::Xmm(x),
                _ => Opnd::Mem(self.local_disp(i)),
            },
            Loc::Gpr(r) => Opnd::Gpr(r),
            Loc::Xmm(x) => Opnd::Xmm(x),
            Loc::Slot => Opnd::Mem(self.entry_slot_disp(e)),
            Loc::Flags(_) => unreachable!("flags are settled before use as an operand"),
        }
    }

    /// Pops the top value as an operand. A register operand stays allocated until `free`;
    /// a pinned local's register is read-only to the caller (`owned_gpr` copies it, `free`
    /// ignores it).
    pub(super) fn pop_opnd(&mut self) -> (ValType, Opnd) {
        let e = self.stack.pop();
        (e.ty, self.operand(e))
    }

    /// Whether an operand is a pinned local's register (which no operation may take over).
    pub(super) fn is_pinned(&self, o: Opnd) -> bool {
        match o {
            Opnd::Gpr(r) => self.pinned_regs.0.contains(r),
            Opnd::Xmm(x) => self.pinned_regs.1.contains(x),
            _ => false,
        }
    }

    // DESIGN: pinned locals
    // Up to four integer and eight float or vector locals (`shape::pin_locals`: the most
    // used, by use weighted by loop depth) live in registers for the whole function
    // instead of frame slots, so loops keep their counters, accumulators and vector state
    // in registers across iterations and merges need nothing for them. The pinned
    // registers are the callee-saved class of the register convention (`regs`, "DESIGN:
    // register convention"): a function saves the ones it pins in its frame
    // (`save_callers_pinned`, in the prologue; an xmm register all 128 bits, whatever
    // the function keeps there, since the caller's may be a vector) and restores them on
    // return, and never writes the others, so calls between wasm functions keep the
    // caller's pinned locals in place. Host code does not preserve them, so every way
    // into the host saves all of them (the host-helper stub, the host-call trampoline,
    // the interrupt, debug and trap stubs). A pinned local's register is read-only to
    // the operators that take it as an operand (`owned_xmm` copies it; a vector
    // operation that changes its second operand takes `vector_operands_writable`). The
    // debugger reads them from the registers the stubs save, and a caller's from its
    // callee's save slots. Tests: tests/convention.rs (pinned vectors across calls and
    // host functions), tests/simd.rs (the debugger on a caller's pinned vectors).

    // DESIGN: the first argument written through
    // A small leaf of a plain module keeps its first parameter in rsi, where every caller
    // passes it (`shape::BodyShape`). A debuggable module's small leaves cannot pin it
    // there: both versions must keep every local in the same place, and the instrumented
    // version, whose r13 holds the site bits, has too few temporaries left to give up rsi
    // too. Their plain versions (without fuel, which takes r13 as well) keep it in rsi
    // all the same, and also in its slot: the local is pinned to rsi for the plain
    // version's pass only (never in `BodyShape`, so the instrumented version, the frame
    // layout and the debugger see it in its slot), and every write of it, `local.set`,
    // `local.tee` and an operation computed into it in place, stores rsi to the slot
    // too (`write_through`). Invariant: in the plain version of such a leaf, rsi and the
    // local's slot hold the same value at every instruction boundary after the prologue's
    // check. It holds at entry (the caller wrote both; the check's slow path and the
    // instrumented version's way into the plain entry keep rsi), a leaf makes no call,
    // the value stack never allocates a pinned register, and every write goes to both.
    // So where the plain version leaves its code with the frame live (a trap the debugger
    // reads, a fault on a watched page that moves the frame into the instrumented version
    // at the access), the slot is right. Tests: tests/debug_leaf_argument.rs.

    /// Whether a version keeps its first parameter in rsi and its slot at once ("DESIGN:
    /// the first argument written through").
    pub(super) fn writes_first_argument_through(
        env: &super::ModuleEnv<'_>,
        instrumented: bool,
        shape: &super::BodyShape,
    ) -> bool {
        !instrumented && !env.fuel && shape.first_parameter_in_rsi && shape.pinned[0].is_none()
    }

    /// After a write of pinned local `index`: stores it to its slot as well if it is
    /// written through ("DESIGN: the first argument written through").
    pub(super) fn write_through(&mut self, index: u32) {
        if index == 0 && self.first_argument_through {
            let disp = self.local_disp(0);
            self.store_to_frame(self.locals[0], Opnd::Gpr(crate::abi::regs::RSI), disp);
        }
    }

    /// Saves (`restore` false) or restores the caller's values of the registers this
    /// function pins, in the frame slots after the locals.
    fn callers_pinned(&mut self, restore: bool) {
        for k in 0..self.saved_regs.len() {
            let reg = self.saved_regs[k];
            let disp = self.frame.pinned_save_disp(k as u32);
            if reg == Loc::Gpr(crate::abi::regs::RSI) {
                // A small leaf's first parameter (see `BodyShape`): rsi is the caller's
                // to spill, not callee-saved.
                continue;
            }
            match (reg, restore) {
                (Loc::Gpr(r), false) => dynasm!(self.asm ; .arch x64 ; mov [rbp + disp], Rq(r)),
                (Loc::Gpr(r), true) => dynasm!(self.asm ; .arch x64 ; mov Rq(r), [rbp + disp]),
                // All 128 bits, whatever this function keeps there: the caller's
                // value may be a vector (`regs`, "register convention").
                (Loc::Xmm(x), false) => dynasm!(self.asm ; .arch x64 ; movdqu [rbp + disp], Rx(x)),
                (Loc::Xmm(x), true) => dynasm!(self.asm ; .arch x64 ; movdqu Rx(x), [rbp + disp]),
                _ => unreachable!("pinned locals live in registers"),
            }
        }
    }

    /// Prologue: saves the caller's values of the registers this function pins.
    pub(super) fn save_callers_pinned(&mut self) {
        self.callers_pinned(false);
    }

    /// Epilogue: gives the caller its pinned registers back.
    pub(super) fn restore_callers_pinned(&mut self) {
        self.callers_pinned(true);
    }

    /// At entry: loads pinned parameters (the first from rsi, where the caller passed it)
    /// and zeroes the other pinned locals.
    pub(super) fn load_pinned_locals(&mut self) {
        for i in 0..self.pinned.len() {
            let Some(reg) = self.pinned[i] else { continue };
            let ty = self.locals[i];
            let src = if i == 0 && self.num_params > 0 && super::calls::takes_first_arg_in_rsi(ty) {
                Opnd::Gpr(crate::abi::regs::RSI)
            } else if (i as u32) < self.num_params {
                Opnd::Mem(self.local_disp(i as u32))
            } else {
                Opnd::Imm(0)
            };
            match reg {
                Loc::Gpr(r) => self.load_gpr(ty, src, r),
                Loc::Xmm(x) => self.load_xmm(ty, src, x),
                _ => unreachable!(),
            }
        }
    }

    /// Returns an operand's register to the pool.
    pub(super) fn free(&mut self, o: Opnd) {
        if self.is_pinned(o) {
            return;
        }
        match o {
            Opnd::Gpr(r) => self.stack.release(Loc::Gpr(r)),
            Opnd::Xmm(x) => self.stack.release(Loc::Xmm(x)),
            _ => {}
        }
    }

    /// A free GPR, spilling the oldest register-held value if none is free.
    pub(super) fn alloc_gpr(&mut self) -> Gpr {
        loop {
            if let Some(r) = self.stack.try_alloc_gpr() {
                return r;
            }
            let depth = self
                .stack
                .oldest_in_register(false)
                .expect("a register is held by some stack entry");
            self.spill_entry(depth);
        }
    }

    /// A free xmm register, spilling the oldest register-held float if none is free.
    pub(super) fn alloc_xmm(&mut self) -> Xmm {
        loop {
            if let Some(x) = self.stack.try_alloc_xmm() {
                return x;
            }
            let depth = self
                .stack
                .oldest_in_register(true)
                .expect("an xmm register is held by some stack entry");
            self.spill_entry(depth);
        }
    }

    /// Moves the entry at `depth` into its canonical slot.
    pub(super) fn spill_entry(&mut self, depth: usize) {
        let e = self.stack.get(depth);
        if e.loc == Loc::Slot {
            return;
        }
        let src = self.operand(e);
        let disp = self.entry_slot_disp(e);
        self.store_to_frame(e.ty, src, disp);
        self.stack.release(e.loc);
        self.stack.set_loc(depth, Loc::Slot);
    }

    /// Moves every register-held value to its slot (before calls).
    pub(super) fn spill_registers(&mut self, below: usize) {
        for depth in 0..below {
            if matches!(self.stack.get(depth).loc, Loc::Gpr(_) | Loc::Xmm(_)) {
                self.spill_entry(depth);
            }
        }
    }

    /// Moves every value that is not a constant to its slot (at control-flow merges, so
    /// that entries below a block's base are fixed for the whole block).
    pub(super) fn spill_all(&mut self) {
        for depth in 0..self.stack.len() {
            if !matches!(self.stack.get(depth).loc, Loc::Const(_) | Loc::Slot) {
                self.spill_entry(depth);
            }
        }
    }

    /// Moves lazily-read copies of local `index` off the stack (before the local changes).
    pub(super) fn spill_local_refs(&mut self, index: u32) {
        for depth in 0..self.stack.len() {
            if self.stack.get(depth).loc == Loc::Local(index) {
                self.spill_entry(depth);
            }
        }
    }

    /// Stores an operand into `[rbp + disp]` (width by type).
    pub(super) fn store_to_frame(&mut self, ty: ValType, src: Opnd, disp: i32) {
        self.store_to(ty, src, crate::abi::regs::RBP, disp);
    }

    /// Stores an operand into `[base + disp]`; uses rax / xmm15 as scratch.
    pub(super) fn store_to(&mut self, ty: ValType, src: Opnd, base: Gpr, disp: i32) {
        if ty == ValType::V128 {
            // Slots are 8-byte aligned: unaligned moves. A vector is never an immediate
            // or in a general-purpose register (`simd`).
            let x = match src {
                Opnd::Xmm(x) => x,
                Opnd::Mem(from) => {
                    dynasm!(self.asm ; .arch x64 ; movdqu Rx(XSCRATCH), [rbp + from]);
                    XSCRATCH
                }
                Opnd::Imm(_) | Opnd::Gpr(_) => unreachable!("a v128 operand is in memory or xmm"),
            };
            dynasm!(self.asm ; .arch x64 ; movdqu [Rq(base) + disp], Rx(x));
            return;
        }
        let wide = is_64(ty);
        match src {
            Opnd::Imm(bits) if fits_imm32(ty, bits) => {
                if wide {
                    dynasm!(self.asm ; .arch x64 ; mov QWORD [Rq(base) + disp], bits as i32);
                } else {
                    dynasm!(self.asm ; .arch x64 ; mov DWORD [Rq(base) + disp], bits as i32);
                }
            }
            // rax may be a loop's home ("DESIGN: loop homes"): the constant goes in two
            // halves, the slot's value through xmm15.
            Opnd::Imm(bits) if self.rax_is_home() => {
                dynasm!(self.asm
                    ; .arch x64
                    ; mov DWORD [Rq(base) + disp], bits as u32 as i32
                    ; mov DWORD [Rq(base) + disp + 4], (bits >> 32) as u32 as i32
                );
            }
            Opnd::Mem(from) if self.rax_is_home() => {
                if wide {
                    dynasm!(self.asm
                        ; .arch x64
                        ; movq Rx(XSCRATCH), QWORD [rbp + from]
                        ; movq QWORD [Rq(base) + disp], Rx(XSCRATCH)
                    );
                } else {
                    dynasm!(self.asm
                        ; .arch x64
                        ; movd Rx(XSCRATCH), DWORD [rbp + from]
                        ; movd DWORD [Rq(base) + disp], Rx(XSCRATCH)
                    );
                }
            }
            Opnd::Imm(bits) => {
                dynasm!(self.asm
                    ; .arch x64
                    ; mov rax, QWORD bits as i64
                    ; mov [Rq(base) + disp], rax
                );
            }
            Opnd::Mem(from) => {
                if wide {
                    dynasm!(self.asm
                        ; .arch x64
                        ; mov rax, [rbp + from]
                        ; mov [Rq(base) + disp], rax
                    );
                } else {
                    dynasm!(self.asm
                        ; .arch x64
                        ; mov eax, [rbp + from]
                        ; mov [Rq(base) + disp], eax
                    );
                }
            }
            Opnd::Gpr(r) => {
                if wide {
                    dynasm!(self.asm ; .arch x64 ; mov [Rq(base) + disp], Rq(r));
                } else {
                    dynasm!(self.asm ; .arch x64 ; mov [Rq(base) + disp], Rd(r));
                }
            }
            Opnd::Xmm(x) => {
                if wide {
                    dynasm!(self.asm ; .arch x64 ; movsd QWORD [Rq(base) + disp], Rx(x));
                } else {
                    dynasm!(self.asm ; .arch x64 ; movss DWORD [Rq(base) + disp], Rx(x));
                }
            }
        }
    }

    /// Loads an integer-class operand into `dst` (32-bit loads zero-extend).
    pub(super) fn load_gpr(&mut self, ty: ValType, src: Opnd, dst: Gpr) {
        let wide = is_64(ty);
        match src {
            Opnd::Imm(bits) => {
                if !wide || bits <= u32::MAX as u64 {
                    // A 32-bit move zero-extends into the full register.
                    dynasm!(self.asm ; .arch x64 ; mov Rd(dst), bits as i32);
                } else if fits_imm32(ValType::I64, bits) {
                    dynasm!(self.asm ; .arch x64 ; mov Rq(dst), bits as i32);
                } else {
                    dynasm!(self.asm ; .arch x64 ; mov Rq(dst), QWORD bits as i64);
                }
            }
            Opnd::Mem(d) => {
                if wide {
                    dynasm!(self.asm ; .arch x64 ; mov Rq(dst), [rbp + d]);
                } else {
                    dynasm!(self.asm ; .arch x64 ; mov Rd(dst), [rbp + d]);
                }
            }
            Opnd::Gpr(r) => {
                if r != dst {
                    if wide {
                        dynasm!(self.asm ; .arch x64 ; mov Rq(dst), Rq(r));
                    } else {
                        dynasm!(self.asm ; .arch x64 ; mov Rd(dst), Rd(r));
                    }
                }
            }
            Opnd::Xmm(x) => {
                if wide {
                    dynasm!(self.asm ; .arch x64 ; movq Rq(dst), Rx(x));
                } else {
                    dynasm!(self.asm ; .arch x64 ; movd Rd(dst), Rx(x));
                }
            }
        }
    }

    /// Loads a float-class operand into `dst`.
    pub(super) fn load_xmm(&mut self, ty: ValType, src: Opnd, dst: Xmm) {
        if ty == ValType::V128 {
            match src {
                Opnd::Mem(d) => dynasm!(self.asm ; .arch x64 ; movdqu Rx(dst), [rbp + d]),
                Opnd::Xmm(x) if x != dst => {
                    dynasm!(self.asm ; .arch x64 ; movaps Rx(dst), Rx(x))
                }
                Opnd::Xmm(_) => {}
                // Only a pinned vector local's zero (`load_pinned_locals`).
                Opnd::Imm(0) => dynasm!(self.asm ; .arch x64 ; pxor Rx(dst), Rx(dst)),
                Opnd::Imm(_) | Opnd::Gpr(_) => unreachable!("a v128 operand is in memory or xmm"),
            }
            return;
        }
        let wide = is_64(ty);
        match src {
            Opnd::Imm(0) => dynasm!(self.asm ; .arch x64 ; xorps Rx(dst), Rx(dst)),
            Opnd::Imm(bits) => {
                if wide {
                    dynasm!(self.asm
                        ; .arch x64
                        ; mov rax, QWORD bits as i64
                        ; movq Rx(dst), rax
                    );
                } else {
                    dynasm!(self.asm
                        ; .arch x64
                        ; mov eax, bits as i32
                        ; movd Rx(dst), eax
                    );
                }
            }
            Opnd::Mem(d) => {
                if wide {
                    dynasm!(self.asm ; .arch x64 ; movsd Rx(dst), QWORD [rbp + d]);
                } else {
                    dynasm!(self.asm ; .arch x64 ; movss Rx(dst), DWORD [rbp + d]);
                }
            }
            Opnd::Xmm(x) => {
                if x != dst {
                    dynasm!(self.asm ; .arch x64 ; movaps Rx(dst), Rx(x));
                }
            }
            Opnd::Gpr(r) => {
                if wide {
                    dynasm!(self.asm ; .arch x64 ; movq Rx(dst), Rq(r));
                } else {
                    dynasm!(self.asm ; .arch x64 ; movd Rx(dst), Rd(r));
                }
            }
        }
    }

    /// A register the caller owns holding the operand (reuses the operand's own register).
    pub(super) fn owned_gpr(&mut self, ty: ValType, src: Opnd) -> Gpr {
        if let Opnd::Gpr(r) = src {
            if !self.is_pinned(src) {
                return r;
            }
        }
        let r = self.alloc_gpr();
        self.load_gpr(ty, src, r);
        r
    }

    /// An xmm register the caller owns holding the operand.
    pub(super) fn owned_xmm(&mut self, ty: ValType, src: Opnd) -> Xmm {
        if let Opnd::Xmm(x) = src {
            if !self.is_pinned(src) {
                return x;
            }
        }
        let x = self.alloc_xmm();
        self.load_xmm(ty, src, x);
        x
    }

    /// Turns an operand into one usable as an integer instruction's source: immediates
    /// that do not fit imm32 go through a scratch register (`int_scratch`), which the
    /// caller `free`s with the operand.
    pub(super) fn int_source(&mut self, ty: ValType, src: Opnd) -> Opnd {
        match src {
            Opnd::Imm(bits) if !fits_imm32(ty, bits) => {
                let r = self.int_scratch();
                self.load_gpr(ty, src, r);
                Opnd::Gpr(r)
            }
            Opnd::Xmm(_) => {
                let r = self.int_scratch();
                self.load_gpr(ty, src, r);
                Opnd::Gpr(r)
            }
            other => other,
        }
    }

    /// Whether rax holds a loop's home ("DESIGN: loop homes"): then nothing may take it as
    /// scratch, and the emitters that would (`store_to`, `int_scratch`, a shift keeping
    /// rcx's home, a comparison of two slots, clz and ctz) do without it.
    pub(super) fn rax_is_home(&self) -> bool {
        self.pinned_regs.0.contains(RAX)
    }

    /// A register for a value needed within one operator: rax, or where rax is a loop's
    /// home a temporary (`alloc_gpr`, which may spill the oldest register-held value),
    /// given back by `free`.
    pub(super) fn int_scratch(&mut self) -> Gpr {
        if self.rax_is_home() {
            self.alloc_gpr()
        } else {
            RAX
        }
    }

    /// Turns an operand into one usable as an SSE instruction's source (register or memory).
    pub(super) fn float_source(&mut self, ty: ValType, src: Opnd) -> Opnd {
        match src {
            Opnd::Imm(_) | Opnd::Gpr(_) => {
                self.load_xmm(ty, src, XSCRATCH);
                Opnd::Xmm(XSCRATCH)
            }
            other => other,
        }
    }

    /// Pushes a fresh register-held value.
    pub(super) fn push_gpr(&mut self, ty: ValType, r: Gpr) {
        self.stack.push(ty, Loc::Gpr(r));
    }

    pub(super) fn push_xmm(&mut self, ty: ValType, x: Xmm) {
        self.stack.push(ty, Loc::Xmm(x));
    }

    /// Materializes a pending fused compare at the top of the stack as an i32 0/1.
    pub(super) fn settle_flags(&mut self) {
        let e = self.stack.pop();
        let Loc::Flags(cond) = e.loc else {
            self.stack.push(e.ty, e.loc);
            return;
        };
        let r = self.alloc_gpr();
        self.setcc(cond, r);
        dynasm!(self.asm ; .arch x64 ; movzx Rd(r), Rb(r));
        self.push_gpr(ValType::I32, r);
    }

    /// Pops the top value as a branch condition: returns the condition code that means
    /// "true" (emitting a test when the value is not already in the flags). Must be the
    /// last code emitted before the conditional jump or cmov.
    pub(super) fn pop_condition(&mut self) -> CondSource {
        if let Some(Entry {
            loc: Loc::Flags(cond),
            ..
        }) = self.stack.top()
        {
            self.stack.pop();
            return CondSource::Flags(cond);
        }
        match self.pop_opnd().1 {
            Opnd::Imm(bits) => CondSource::Known(bits as u32 != 0),
            o => CondSource::Value(o),
        }
    }

    /// Emits the test for a condition popped by `pop_condition` and returns the condition
    /// code meaning "true".
    pub(super) fn test_condition(&mut self, src: CondSource) -> Cond {
        match src {
            CondSource::Flags(c) => c,
            CondSource::Value(Opnd::Gpr(r)) => {
                dynasm!(self.asm ; .arch x64 ; test Rd(r), Rd(r));
                self.free(Opnd::Gpr(r));
                Cond::Ne
            }
            CondSource::Value(Opnd::Mem(d)) => {
                dynasm!(self.asm ; .arch x64 ; cmp DWORD [rbp + d], 0);
                Cond::Ne
            }
            CondSource::Value(_) | CondSource::Known(_) => {
                unreachable!("constant conditions are resolved at compile time")
            }
        }
    }

    pub(super) fn setcc(&mut self, cond: Cond, r: Gpr) {
        match cond {
            Cond::E => dynasm!(self.asm ; .arch x64 ; sete Rb(r)),
            Cond::Ne => dynasm!(self.asm ; .arch x64 ; setne Rb(r)),
            Cond::L => dynasm!(self.asm ; .arch x64 ; setl Rb(r)),
            Cond::Le => dynasm!(self.asm ; .arch x64 ; setle Rb(r)),
            Cond::G => dynasm!(self.asm ; .arch x64 ; setg Rb(r)),
            Cond::Ge => dynasm!(self.asm ; .arch x64 ; setge Rb(r)),
            Cond::B => dynasm!(self.asm ; .arch x64 ; setb Rb(r)),
            Cond::Be => dynasm!(self.asm ; .arch x64 ; setbe Rb(r)),
            Cond::A => dynasm!(self.asm ; .arch x64 ; seta Rb(r)),
            Cond::Ae => dynasm!(self.asm ; .arch x64 ; setae Rb(r)),
        }
    }

    pub(super) fn jcc(&mut self, cond: Cond, label: dynasmrt::DynamicLabel) {
        match cond {
            Cond::E => dynasm!(self.asm ; .arch x64 ; je =>label),
            Cond::Ne => dynasm!(self.asm ; .arch x64 ; jne =>label),
            Cond::L => dynasm!(self.asm ; .arch x64 ; jl =>label),
            Cond::Le => dynasm!(self.asm ; .arch x64 ; jle =>label),
            Cond::G => dynasm!(self.asm ; .arch x64 ; jg =>label),
            Cond::Ge => dynasm!(self.asm ; .arch x64 ; jge =>label),
            Cond::B => dynasm!(self.asm ; .arch x64 ; jb =>label),
            Cond::Be => dynasm!(self.asm ; .arch x64 ; jbe =>label),
            Cond::A => dynasm!(self.asm ; .arch x64 ; ja =>label),
            Cond::Ae => dynasm!(self.asm ; .arch x64 ; jae =>label),
        }
    }

    /// `cmovcc dst, src` (src: register or frame memory).
    pub(super) fn cmov(&mut self, cond: Cond, wide: bool, dst: Gpr, src: Opnd) {
        macro_rules! cm {
            ($ins:ident) => {
                match (src, wide) {
                    (Opnd::Gpr(s), true) => dynasm!(self.asm ; .arch x64 ; $ins Rq(dst), Rq(s)),
                    (Opnd::Gpr(s), false) => dynasm!(self.asm ; .arch x64 ; $ins Rd(dst), Rd(s)),
                    (Opnd::Mem(d), true) => dynasm!(self.asm ; .arch x64 ; $ins Rq(dst), [rbp + d]),
                    (Opnd::Mem(d), false) => dynasm!(self.asm ; .arch x64 ; $ins Rd(dst), [rbp + d]),
                    _ => unreachable!("cmov source is a register or memory"),
                }
            };
        }
        match cond {
            Cond::E => cm!(cmove),
            Cond::Ne => cm!(cmovne),
            Cond::L => cm!(cmovl),
            Cond::Le => cm!(cmovle),
            Cond::G => cm!(cmovg),
            Cond::Ge => cm!(cmovge),
            Cond::B => cm!(cmovb),
            Cond::Be => cm!(cmovbe),
            Cond::A => cm!(cmova),
            Cond::Ae => cm!(cmovae),
        }
    }

    /// `local.set` / `local.tee`.
    pub(super) fn local_set(&mut self, index: u32, tee: bool) {
        let (ty, src) = self.pop_opnd();
        self.spill_local_refs(index);
        if let Some(reg) = self.pinned[index as usize] {
            match reg {
                Loc::Gpr(r) => self.load_gpr(ty, src, r),
                Loc::Xmm(x) => self.load_xmm(ty, src, x),
                _ => unreachable!(),
            }
            self.write_through(index);
            self.free(src);
            if tee {
                self.stack.push(ty, Loc::Local(index));
            }
            return;
        }
        let disp = self.local_disp(index);
        if matches!(src, Opnd::Mem(_)) && self.rax_is_home() && !ty.in_xmm() {
            // Slot to slot where rax is a loop's home ("DESIGN: loop homes"): through a
            // temporary rather than `store_to`'s xmm15, whose round trip is slower.
            let r = self.alloc_gpr();
            self.load_gpr(ty, src, r);
            self.store_to_frame(ty, Opnd::Gpr(r), disp);
            if tee {
                self.push_gpr(ty, r);
            } else {
                self.free(Opnd::Gpr(r));
            }
            return;
        }
        self.store_to_frame(ty, src, disp);
        if tee {
            match src {
                _ if self.is_pinned(src) => self.stack.push(ty, Loc::Local(index)),
                Opnd::Gpr(r) => self.push_gpr(ty, r),
                Opnd::Xmm(x) => self.push_xmm(ty, x),
                Opnd::Imm(bits) => self.stack.push(ty, Loc::Const(bits)),
                Opnd::Mem(_) => self.stack.push(ty, Loc::Local(index)),
            }
        } else {
            self.free(src);
        }
    }

    /// `select`: pops condition, b, a; pushes `cond ? a : b`.
    pub(super) fn select(&mut self) {
        let cond = self.pop_condition();
        let (ty, b) = self.pop_opnd();
        let (_, a) = self.pop_opnd();
        if let CondSource::Known(take_a) = cond {
            let (keep, drop) = if take_a { (a, b) } else { (b, a) };
            self.free(drop);
            self.push_opnd(ty, keep);
            return;
        }
        if ty.in_xmm() {
            let dst = self.owned_xmm(ty, a);
            let b = self.float_source(ty, b);
            let skip = self.asm.new_dynamic_label();
            let c = self.test_condition(cond);
            self.jcc(c, skip);
            self.load_xmm_from(ty, b, dst);
            dynasm!(self.asm ; .arch x64 ; =>skip);
            self.free(b);
            self.push_xmm(ty, dst);
        } else {
            let dst = self.owned_gpr(ty, a);
            let b = match b {
                Opnd::Imm(_) => {
                    self.load_gpr(ty, b, crate::abi::regs::RDX);
                    Opnd::Gpr(crate::abi::regs::RDX)
                }
                other => other,
            };
            let c = self.test_condition(cond);
            self.cmov(c.invert(), is_64(ty), dst, b);
            self.free(b);
            self.push_gpr(ty, dst);
        }
    }

    /// Loads a float operand (register or memory) into `dst`.
    fn load_xmm_from(&mut self, ty: ValType, src: Opnd, dst: Xmm) {
        self.load_xmm(ty, src, dst)
    }

    /// Pushes an operand back as a stack entry (the inverse of `pop_opnd` for values that
    /// were not consumed). Memory operands are copied into a register.
    pub(super) fn push_opnd(&mut self, ty: ValType, o: Opnd) {
        match o {
            _ if self.is_pinned(o) && ty.in_xmm() => {
                let x = self.owned_xmm(ty, o);
                self.push_xmm(ty, x);
            }
            _ if self.is_pinned(o) => {
                let r = self.owned_gpr(ty, o);
                self.push_gpr(ty, r);
            }
            Opnd::Imm(bits) => self.stack.push(ty, Loc::Const(bits)),
            Opnd::Gpr(r) => self.push_gpr(ty, r),
            Opnd::Xmm(x) => self.push_xmm(ty, x),
            Opnd::Mem(_) if ty.in_xmm() => {
                let x = self.owned_xmm(ty, o);
                self.push_xmm(ty, x);
            }
            Opnd::Mem(_) => {
                let r = self.owned_gpr(ty, o);
                self.push_gpr(ty, r);
            }
        }
    }
}

/// A branch or select condition after popping it.
#[derive(Clone, Copy, Debug)]
pub(super) enum CondSource {
    /// Already in the flags (fused compare).
    Flags(Cond),
    /// Known at compile time.
    Known(bool),
    /// An i32 in a register or frame slot, to be tested against zero.
    Value(Opnd),
}
