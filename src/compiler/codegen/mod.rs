//! The single pass: one walk over a function's operators, driving its `FuncValidator` and
//! emitting x86-64 as it goes.
//!
//! - `values`: operand access, register allocation with spilling, moves between locations.
//! - `control`: blocks, loops, if/else, branches, returns (the merge discipline).
//! - `calls`: the wasm calling convention, direct, imported and indirect calls, libcalls.
//! - `numeric`: integer and float arithmetic, comparisons and conversions.
//! - `memory`: loads, stores, globals and memory size/grow.
//!
//! Frames are laid out by `abi::frame::FrameLayout` ("DESIGN: frame layout").

// dynasm's register macros convert their (already u8) register numbers.
#![allow(clippy::useless_conversion)]

mod breakable;
mod bulk;
pub(crate) use breakable::{
    emit_debug_stub, emit_interrupt_stub, emit_no_stops, emit_save_registers,
};
mod calls;
pub(crate) use calls::emit_host_helper_stub;
mod control;
mod memory;
mod numeric;
mod values;

use super::stack::{Loc, ValueStack};
use crate::abi::frame::{saved_gpr, saved_xmm, FrameLayout};
use crate::abi::sites::{ChunkSites, SiteKind};
use crate::abi::traps::{DYNAMIC, TRAP_STUBS};
use crate::abi::vmctx::VmCtxLayout;
use crate::config::BoundsChecks;
use crate::error::{Error, Result};
use crate::frontend::{ModuleInfo, PendingBody};
use crate::trap::TrapKind;
use crate::types::ValType;
use control::ControlFrame;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use wasmparser::Operator;

/// The assembler every function of a module is emitted into.
pub(crate) type Asm = dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>;

/// Alignment of every chunk of code in the module's mapping, so that alignment within a
/// chunk (`align_code`) is alignment in memory.
pub(crate) const CHUNK_ALIGN: usize = LOOP_ALIGN;

/// Loop heads start at a multiple of this many bytes (see `align_code`).
pub(crate) const LOOP_ALIGN: usize = 64;

/// The module's shared stubs (interrupt, debug) start at a multiple of this many bytes.
/// Function entries are deliberately not aligned: measured on the call_indirect workload
/// (eight small functions called through a table), aligning them to 8, 16, 32 or 64
/// bytes made the loop 15% slower (84 ms instead of 73 ms) on this Zen 4 machine.
pub(crate) const STUB_ALIGN: usize = 16;

/// Pads with multi-byte NOPs (the encodings the Intel and AMD manuals recommend) until
/// the next instruction starts at a multiple of `align` bytes from the chunk start.
///
/// Loop heads are aligned so that a small loop fits in one 64-byte fetch line: measured
/// on this project's AMD Zen 4 machine, the same byte-copy loop ran up to 3.7x slower when
/// it straddled a line than when it did not (see benches/RESULTS.md). The padding runs
/// once per loop entry.
pub(crate) fn align_code(asm: &mut Asm, align: usize) {
    const NOPS: [&[u8]; 9] = [
        &[0x90],
        &[0x66, 0x90],
        &[0x0f, 0x1f, 0x00],
        &[0x0f, 0x1f, 0x40, 0x00],
        &[0x0f, 0x1f, 0x44, 0x00, 0x00],
        &[0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00],
        &[0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00],
        &[0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        &[0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
    ];
    let at = asm.offset().0;
    let mut pad = at.next_multiple_of(align) - at;
    while pad > 0 {
        let n = pad.min(NOPS.len());
        asm.extend(NOPS[n - 1].iter().copied());
        pad -= n;
    }
}

/// What the pass needs to know about the module being compiled.
pub(crate) struct ModuleEnv<'a> {
    pub info: &'a ModuleInfo,
    pub layout: &'a VmCtxLayout,
    /// Shared trap stub per trap kind.
    pub trap_labels: &'a [DynamicLabel; TRAP_STUBS],
    pub bounds_checks: BoundsChecks,
    /// Emit breakable points (debug instrumentation).
    pub debug: bool,
    /// The module's debug stub (see `breakable`).
    pub debug_stub: DynamicLabel,
    /// The module's zero site bits (see `breakable`).
    pub no_stops: DynamicLabel,
    /// The module's interrupt stub: the slow path of a failed stack check (see
    /// `runtime::interrupt`).
    pub interrupt_stub: DynamicLabel,
    /// The module's host-helper stub, through which code calls libcalls and helpers
    /// (`calls::emit_host_helper_stub`).
    pub host_helper_stub: DynamicLabel,
    /// Check the register convention around every call (`Config::convention_canaries`;
    /// see `calls`, "DESIGN: convention canaries").
    pub canaries: bool,
}

/// Per-module output of the pass besides the code itself.
#[derive(Default)]
pub(crate) struct FuncOutput {
    /// (code offset, module offset) for every instruction that may trap or call.
    pub sites: Vec<(u32, u32)>,
    /// (code offset of an imm32, value) to write before publishing (frame sizes).
    pub patches: Vec<(usize, u32)>,
    /// Breakable sites (instrumented modules).
    pub debug: ChunkSites,
    /// Direct calls to resolve when linking: (offset of the call's rel32, defined index
    /// of the callee).
    pub calls: Vec<(usize, u32)>,
    /// Offsets of the imm32s that hold a site id (numbered from the chunk's first site):
    /// linking adds the number of sites in the chunks before.
    pub site_ids: Vec<usize>,
    /// Plain versions' after-call transfer points: (the call's return address, the
    /// instrumented version's matching point), as labels of the chunk's assembler.
    pub after_calls: Vec<(DynamicLabel, DynamicLabel)>,
}

/// What a function's instrumented version needs from the pass over its plain version.
///
/// // DESIGN: instrumented versions out of line
/// A chunk of an instrumented module holds all its plain versions first and then all the
/// instrumented versions, so the code that runs while no debugger is active is laid out
/// as densely as in a plain module. On this machine the spacing of small hot functions
/// alone moves their speed: padding the size of an instrumented version between the
/// callees of the call_indirect workload made a plain module 20% slower. With the
/// versions interleaved, that workload ran 1.12-1.13x slower instrumented (no debugger)
/// than plain; out of line, 1.08-1.09x (the peer harness, two runs each). A pc in either
/// version maps back to its function through `CompiledCode::versions`.
pub(crate) struct Deferred<'w> {
    func_index: u32,
    operators: Vec<(Operator<'w>, u32)>,
    locals: Vec<ValType>,
    num_params: u32,
    body_offset: u32,
    shape: BodyShape,
    transfers: Vec<(DynamicLabel, DynamicLabel)>,
    /// Where the plain prologue's frame size goes, and the plain version's frame size
    /// (the frame is the larger of the two versions').
    frame_patch: usize,
    plain_frame: u32,
}

impl Deferred<'_> {
    /// The function's index in the module.
    pub fn func_index(&self) -> u32 {
        self.func_index
    }
}

/// Buffers the functions of a chunk pass on to each other, so that compiling a function
/// rarely allocates.
#[derive(Default)]
pub(crate) struct Scratch {
    validator: wasmparser::FuncValidatorAllocations,
    locals: Vec<ValType>,
    stack: Vec<crate::compiler::stack::Entry>,
    frames: Vec<ControlFrame>,
    traps: Vec<TrapSite>,
}

/// An out-of-line trap site: a jump target at the function's end that calls the stub.
struct TrapSite {
    label: DynamicLabel,
    /// The trap kind, or None when a helper returned it in eax.
    kind: Option<TrapKind>,
    offset: u32,
    /// Reset rsp to rbp first (the prologue's stack check fires before the frame is valid).
    reset_rsp: bool,
}

/// An operand as an instruction sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Opnd {
    Imm(u64),
    /// `[rbp + disp]`
    Mem(i32),
    Gpr(u8),
    Xmm(u8),
}

/// Compiles one function.
pub(crate) struct FuncCompiler<'a, 'e> {
    asm: &'a mut Asm,
    env: &'a ModuleEnv<'e>,
    out: &'a mut FuncOutput,
    stack: ValueStack,
    frames: Vec<ControlFrame>,
    locals: Vec<ValType>,
    num_params: u32,
    /// Where locals, save slots and value-stack slots are (`abi::frame`).
    frame: FrameLayout,
    /// Largest outgoing argument/result area any call needs, in 8-byte slots.
    max_outgoing: u32,
    reachable: bool,
    /// Blocks opened inside unreachable code (skipped until their `end`).
    dead_blocks: u32,
    traps: Vec<TrapSite>,
    /// Whether this is the instrumented version (breakable points, r13 pinned).
    instrumented: bool,
    /// Transfer points between the two versions: (label in the plain version, label in
    /// the instrumented version), in operator order (see `breakable`).
    transfers: Vec<(DynamicLabel, DynamicLabel)>,
    next_transfer: usize,
    slow_paths: Vec<breakable::SlowPath>,
    /// Plain version: each loop head's interrupt slow path, with the labels past its
    /// check and of the instrumented version's head (see `breakable`).
    loop_interrupts: Vec<(DynamicLabel, DynamicLabel, DynamicLabel)>,
    /// Module-wide id of this function's first site.
    first_site: u32,
    /// The register each pinned local lives in (see `values`, "pinned locals").
    pinned: Vec<Option<Loc>>,
    /// If the next operator is `local.set`/`local.tee` of this local (plain versions).
    next_set: Option<(u32, bool)>,
    /// A `local.set`/`local.tee` of this local was already done by the operator before.
    set_done: Option<u32>,
    /// The pinned registers, as sets (GPRs, xmm registers).
    pinned_regs: (crate::abi::regs::RegSet, crate::abi::regs::RegSet),
    /// The function's body is small and never leaves wasm code (see `BodyShape`): its
    /// prologue has no stack check.
    small_leaf: bool,
    /// The prologue's failed stack check: (slow path, resume, overflow trap).
    limit_slow_path: Option<(DynamicLabel, DynamicLabel, DynamicLabel)>,
    /// Module offset of the operator being compiled.
    offset: u32,
    func_index: u32,
    /// This version's `call_indirect`s, for their out-of-line halves.
    cross_instance_calls: Vec<calls::CrossInstanceCall>,
}

fn invalid(e: wasmparser::BinaryReaderError) -> Error {
    Error::Invalid(e.to_string())
}

/// Whether a value of this type occupies 64 bits.
pub(crate) fn is_64(ty: ValType) -> bool {
    !matches!(ty, ValType::I32 | ValType::F32)
}

impl<'a, 'e> FuncCompiler<'a, 'e> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        asm: &'a mut Asm,
        env: &'a ModuleEnv<'e>,
        out: &'a mut FuncOutput,
        func_index: u32,
        locals: Vec<ValType>,
        num_params: u32,
        offset: u32,
        instrumented: bool,
        shape: &BodyShape,
        scratch: &mut Scratch,
    ) -> Self {
        let non_param = locals.len() as i32 - num_params as i32;
        let first_site = out.debug.sites.len() as u32;
        let mut stack = ValueStack::reusing(std::mem::take(&mut scratch.stack));
        let mut frames = std::mem::take(&mut scratch.frames);
        frames.clear();
        let mut traps = std::mem::take(&mut scratch.traps);
        traps.clear();
        if instrumented {
            stack.reserve_gpr(crate::abi::regs::DEBUG_BITS);
        }
        let pinned = shape.pinned.clone();
        let mut pinned_regs = <(crate::abi::regs::RegSet, crate::abi::regs::RegSet)>::default();
        for loc in pinned.iter().flatten() {
            match *loc {
                Loc::Gpr(r) => {
                    stack.reserve_gpr(r);
                    pinned_regs.0.insert(r);
                }
                Loc::Xmm(x) => {
                    stack.reserve_xmm(x);
                    pinned_regs.1.insert(x);
                }
                _ => {}
            }
        }
        assert!(
            stack.free_gpr_count() >= crate::abi::regs::MIN_TEMPORARIES
                && stack.free_xmm_count() >= crate::abi::regs::MIN_TEMPORARIES,
            "function {func_index} would have fewer than {} temporaries",
            crate::abi::regs::MIN_TEMPORARIES
        );
        FuncCompiler {
            asm,
            env,
            out,
            stack,
            frames,
            locals,
            num_params,
            frame: FrameLayout {
                params: num_params,
                non_params: non_param as u32,
                pinned: pinned_count(&pinned) as u32,
                canary_slots: canary_slots(env) as u32,
            },
            max_outgoing: 0,
            reachable: true,
            dead_blocks: 0,
            traps,
            instrumented,
            transfers: Vec::new(),
            next_transfer: 0,
            slow_paths: Vec::new(),
            loop_interrupts: Vec::new(),
            first_site,
            pinned,
            next_set: None,
            set_done: None,
            pinned_regs,
            small_leaf: shape.small && shape.leaf,
            limit_slow_path: None,
            offset,
            func_index,
            cross_instance_calls: Vec::new(),
        }
    }

    /// Compiles defined function `func_index`, validating it in the same walk.
    ///
    /// In a debug-instrumented module this returns what the function's instrumented
    /// version needs (see `breakable`, "DESIGN: breakable points"): its operators, decoded
    /// and validated once here, for `compile_instrumented` to compile a second time after
    /// the chunk's plain versions.
    pub fn compile<'w>(
        asm: &'a mut Asm,
        env: &'a ModuleEnv<'e>,
        out: &'a mut FuncOutput,
        func_index: u32,
        body: PendingBody<'w>,
        scratch: &mut Scratch,
    ) -> Result<Option<Deferred<'w>>> {
        let mut validator = body
            .validator
            .into_validator(std::mem::take(&mut scratch.validator));
        let ty = env.info.func_type(func_index);
        let mut locals = std::mem::take(&mut scratch.locals);
        locals.clear();
        locals.extend_from_slice(ty.params());
        let num_params = locals.len() as u32;
        let mut reader = body.body.get_locals_reader().map_err(invalid)?;
        for _ in 0..reader.get_count() {
            let offset = reader.original_position();
            let (count, t) = reader.read().map_err(invalid)?;
            validator.define_locals(offset, count, t).map_err(invalid)?;
            let t = ValType::from_wasmparser(t)
                .ok_or_else(|| Error::Unsupported("local of a non-2.0 type".into()))?;
            locals.extend(std::iter::repeat_n(t, count as usize));
        }
        let body_offset = body.body.range().start as u32;
        let shape = BodyShape::of(&body.body, &locals, num_params as usize, env.debug);

        let mut recorded = Vec::new();
        // The instrumented version needs the locals again; a plain module does not.
        let plain_locals = if env.debug {
            locals.clone()
        } else {
            std::mem::take(&mut locals)
        };
        let mut plain = FuncCompiler::new(
            asm,
            env,
            out,
            func_index,
            plain_locals,
            num_params,
            body_offset,
            false,
            &shape,
            scratch,
        );
        let frame_patch = plain.emit_prologue();
        plain.push_function_frame();
        plain.transfer_point();
        let mut ops = body.body.get_operators_reader().map_err(invalid)?;
        while !ops.eof() {
            let offset = ops.original_position();
            // One decode serves both: the reader calls the validator's visit method and
            // builds the operator (`Validated`).
            let op = match ops.visit_operator(&mut Validated(validator.visitor(offset))) {
                Ok(Ok(op)) => op,
                Ok(Err(e)) | Err(e) => return Err(invalid(e)),
            };
            plain.offset = offset as u32;
            // A peek at the next opcode lets `x = x op y` on a register-held local update
            // it in place (`int_binop`); it reads two or three bytes, no operator.
            plain.next_set = next_local_set(&ops);
            plain.visit(&op)?;
            if env.debug {
                recorded.push((op, offset as u32));
            }
        }
        ops.finish().map_err(invalid)?;
        scratch.validator = validator.into_allocations();
        plain.emit_out_of_line();
        let frame = plain.frame_size();
        let transfers = std::mem::take(&mut plain.transfers);
        let out = plain.finish(scratch);
        if !env.debug {
            out.patches.push((frame_patch, frame));
            return Ok(None);
        }
        Ok(Some(Deferred {
            func_index,
            operators: recorded,
            locals,
            num_params,
            body_offset,
            shape,
            transfers,
            frame_patch,
            plain_frame: frame,
        }))
    }

    /// Compiles the instrumented version of a function whose plain version `compile`
    /// emitted earlier in the chunk.
    pub fn compile_instrumented(
        asm: &'a mut Asm,
        env: &'a ModuleEnv<'e>,
        out: &'a mut FuncOutput,
        deferred: Deferred<'_>,
        scratch: &mut Scratch,
    ) -> Result<()> {
        let mut instr = FuncCompiler::new(
            asm,
            env,
            out,
            deferred.func_index,
            deferred.locals,
            deferred.num_params,
            deferred.body_offset,
            true,
            &deferred.shape,
            scratch,
        );
        instr.transfers = deferred.transfers;
        instr.out.debug.func_locals.push(instr.locals.clone());
        instr.out.debug.func_params.push(deferred.num_params);
        let pinned = instr
            .pinned
            .iter()
            .map(|p| match p {
                Some(Loc::Gpr(r)) => Some(saved_gpr(*r) as u8),
                Some(Loc::Xmm(x)) => Some(saved_xmm(*x) as u8),
                _ => None,
            })
            .collect();
        instr.out.debug.func_pinned.push(pinned);
        instr.push_function_frame();
        instr.transfer_point();
        instr.breakable_point(SiteKind::Entry);
        for (op, offset) in &deferred.operators {
            instr.offset = *offset;
            instr.visit(op)?;
        }
        let end = instr.out.debug.sites.len() as u32;
        instr.out.debug.func_ranges.push((instr.first_site, end));
        instr.emit_out_of_line();
        let frame = deferred.plain_frame.max(instr.frame_size());
        instr.out.patches.push((deferred.frame_patch, frame));
        instr.finish(scratch);
        Ok(())
    }

    /// Ends the pass over one version: hands the buffers on to the next function (or
    /// version) and gives back the output.
    fn finish(self, scratch: &mut Scratch) -> &'a mut FuncOutput {
        scratch.stack = self.stack.into_buffer();
        scratch.frames = self.frames;
        scratch.traps = self.traps;
        scratch.locals = self.locals;
        self.out
    }

    /// Bytes of stack the frame needs below rbp (multiple of 16, keeping rsp aligned).
    fn frame_size(&self) -> u32 {
        self.frame
            .size(self.stack.max_depth() as u32, self.max_outgoing)
    }

    fn emit_prologue(&mut self) -> usize {
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

    /// Registers an out-of-line trap of `kind` at the current operator; returns the label
    /// to jump to.
    fn trap_site(&mut self, kind: TrapKind) -> DynamicLabel {
        self.trap_site_with(kind, false)
    }

    fn trap_site_with(&mut self, kind: TrapKind, reset_rsp: bool) -> DynamicLabel {
        let label = self.asm.new_dynamic_label();
        self.traps.push(TrapSite {
            label,
            kind: Some(kind),
            offset: self.offset,
            reset_rsp,
        });
        label
    }

    /// Registers an out-of-line trap whose kind a host helper returned in eax.
    fn dynamic_trap_site(&mut self) -> DynamicLabel {
        let label = self.asm.new_dynamic_label();
        self.traps.push(TrapSite {
            label,
            kind: None,
            offset: self.offset,
            reset_rsp: false,
        });
        label
    }

    /// Records that code from here on belongs to the current operator (for backtraces and
    /// fault attribution).
    fn record_site(&mut self) {
        let code = self.asm.offset().0 as u32;
        self.out.sites.push((code, self.offset));
    }

    fn emit_out_of_line(&mut self) {
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
        self.emit_cross_instance_calls();
        for site in std::mem::take(&mut self.traps) {
            let stub = self.env.trap_labels[site.kind.map_or(DYNAMIC, |k| k as usize)];
            dynasm!(self.asm ; .arch x64 ; =>site.label);
            if site.reset_rsp {
                dynasm!(self.asm ; .arch x64 ; mov rsp, rbp);
            }
            let code = self.asm.offset().0 as u32;
            self.out.sites.push((code, site.offset));
            dynasm!(self.asm ; .arch x64 ; call =>stub);
        }
        self.emit_slow_paths();
    }

    /// Compiles one operator. The commonest ones in plain code, which only push a lazy
    /// value, are handled here, inlined into the operator loop; the rest go to `visit_op`.
    #[inline(always)]
    fn visit(&mut self, op: &Operator<'_>) -> Result<()> {
        let settled = !matches!(
            self.stack.top(),
            Some(super::stack::Entry {
                loc: Loc::Flags(_),
                ..
            })
        );
        if self.reachable && !self.instrumented && settled {
            match *op {
                Operator::LocalGet { local_index } => {
                    let ty = self.locals[local_index as usize];
                    self.stack.push(ty, Loc::Local(local_index));
                    return Ok(());
                }
                Operator::I32Const { value } => {
                    self.stack
                        .push(ValType::I32, Loc::Const(value as u32 as u64));
                    return Ok(());
                }
                Operator::I64Const { value } => {
                    self.stack.push(ValType::I64, Loc::Const(value as u64));
                    return Ok(());
                }
                _ => {}
            }
        }
        self.visit_op(op)
    }

    #[inline(never)]
    fn visit_op(&mut self, op: &Operator<'_>) -> Result<()> {
        if !self.reachable {
            return self.visit_unreachable(op);
        }
        // A fused compare lives in the flags only until the next operator; anything but a
        // consumer that branches or selects on it gets a materialized i32.
        if let Some(super::stack::Entry {
            loc: Loc::Flags(_), ..
        }) = self.stack.top()
        {
            let fuses = matches!(
                op,
                Operator::BrIf { .. } | Operator::If { .. } | Operator::Select | Operator::I32Eqz
            );
            if !fuses || self.instrumented {
                self.settle_flags();
            }
        }
        self.breakable_point(SiteKind::Instruction);
        if may_trap_or_call(op) {
            self.record_site();
        }
        use Operator as O;
        match *op {
            O::Unreachable => {
                let trap = self.trap_site(TrapKind::Unreachable);
                dynasm!(self.asm ; .arch x64 ; jmp =>trap);
                self.mark_unreachable();
            }
            O::Nop => {}
            O::Block { blockty } => self.block(blockty),
            O::Loop { blockty } => self.loop_(blockty),
            O::If { blockty } => self.if_(blockty),
            O::Else => self.else_(),
            O::End => self.end(),
            O::Br { relative_depth } => self.br(relative_depth),
            O::BrIf { relative_depth } => self.br_if(relative_depth),
            O::BrTable { ref targets } => {
                let mut depths = Vec::with_capacity(targets.len() as usize + 1);
                for t in targets.targets() {
                    depths.push(t.map_err(invalid)?);
                }
                depths.push(targets.default());
                self.br_table(&depths);
            }
            O::Return => self.return_(),
            O::Call { function_index } => self.call(function_index),
            O::CallIndirect {
                type_index,
                table_index,
            } => self.call_indirect(type_index, table_index),
            O::Drop => {
                let e = self.stack.pop();
                self.stack.release(e.loc);
            }
            O::Select | O::TypedSelect { .. } => self.select(),
            O::LocalGet { local_index } => {
                let ty = self.locals[local_index as usize];
                self.stack.push(ty, Loc::Local(local_index));
            }
            O::LocalSet { .. } | O::LocalTee { .. } if self.set_done.is_some() => {
                // Fused into the previous operator (`int_binop`).
                self.set_done = None;
            }
            O::LocalSet { local_index } => self.local_set(local_index, false),
            O::LocalTee { local_index } => self.local_set(local_index, true),
            O::GlobalGet { global_index } => self.global_get(global_index),
            O::GlobalSet { global_index } => self.global_set(global_index),
            O::I32Const { value } => self
                .stack
                .push(ValType::I32, Loc::Const(value as u32 as u64)),
            O::I64Const { value } => self.stack.push(ValType::I64, Loc::Const(value as u64)),
            O::F32Const { value } => self
                .stack
                .push(ValType::F32, Loc::Const(value.bits() as u64)),
            O::F64Const { value } => self.stack.push(ValType::F64, Loc::Const(value.bits())),
            O::MemorySize { .. } => self.memory_size(),
            O::MemoryGrow { .. } => self.memory_grow(),
            _ => {
                if !self.visit_memory_access(op) && !self.visit_numeric(op) && !self.visit_bulk(op)
                {
                    return Err(Error::Unsupported(format!(
                        "operator {op:?} at offset {:#x}",
                        self.offset
                    )));
                }
            }
        }
        Ok(())
    }
}

/// A visitor that validates an operator (with the wrapped validator visitor) and returns
/// it: the reader decodes each operator once, and the validator is reached by a direct
/// call rather than a second dispatch on the decoded operator.
struct Validated<V>(V);

macro_rules! define_validated_visit {
    ($(@$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $(
            fn $visit(&mut self $($(,$arg: $argty)*)?) -> Self::Output {
                self.0.$visit($($($arg.clone()),*)?)?;
                Ok(Operator::$op $({ $($arg),* })?)
            }
        )*
    }
}

impl<'a, V> wasmparser::VisitOperator<'a> for Validated<V>
where
    V: wasmparser::VisitOperator<'a, Output = wasmparser::Result<()>>,
{
    type Output = wasmparser::Result<Operator<'a>>;
    wasmparser::for_each_visit_operator!(define_validated_visit);
}

/// What the prologue needs to know about a body before compiling it: whether it is small,
/// whether a small body is a leaf, and which locals live in registers (`pin_locals`).
///
/// A small body (at most `SMALL_BODY` bytes) reads its few locals a few times, so keeping
/// them in the callee-saved pinned registers would cost more (saving and restoring the
/// caller's values) than it saves: small functions pin nothing there. A small leaf of a
/// plain module instead keeps an integer first parameter in rsi, where the caller passed
/// it (see `calls`, "calling convention"): no call can clobber it. Not in instrumented
/// modules: both versions of a function pin the same registers, and the instrumented
/// version, which also reserves r13, would be left with two temporaries, fewer than the
/// single pass needs (`regs::MIN_TEMPORARIES`). A small body that is also a
/// leaf (no call and no host helper: nothing that runs other code on this stack) skips the
/// stack check: its frame is at most a few hundred bytes, which the margin below the
/// stack limit (`runtime::activation`) covers, and it cannot recurse. Together these make
/// the one-instruction functions of a call_indirect table cheap to call.
pub(super) struct BodyShape {
    small: bool,
    leaf: bool,
    /// The register each local lives in, if pinned (see `pin_locals`).
    pinned: Vec<Option<Loc>>,
}

/// Largest body, in bytes (locals declarations included), that `BodyShape` calls small.
const SMALL_BODY: u64 = 32;

impl BodyShape {
    fn of(
        body: &wasmparser::FunctionBody<'_>,
        locals: &[ValType],
        num_params: usize,
        instrumented_module: bool,
    ) -> Self {
        // A small body with a loop is not small: its loop wants registers.
        let (small, leaf) = if body.range().end - body.range().start <= SMALL_BODY {
            small_body_shape(body)
        } else {
            (false, false)
        };
        let pinned = if small {
            let mut pinned = vec![None; locals.len()];
            if leaf
                && !instrumented_module
                && num_params > 0
                && calls::takes_first_arg_in_rsi(locals[0])
            {
                pinned[0] = Some(Loc::Gpr(crate::abi::regs::RSI));
            }
            pinned
        } else {
            pin_locals(locals, num_params, || local_uses(body, locals.len()))
        };
        BodyShape {
            small,
            leaf,
            pinned,
        }
    }
}

/// (small, leaf) for a body of at most `SMALL_BODY` bytes: small unless it has a loop,
/// a leaf unless an operator leaves wasm code. An unreadable body is neither; validation
/// reports it.
fn small_body_shape(body: &wasmparser::FunctionBody<'_>) -> (bool, bool) {
    let Ok(mut ops) = body.get_operators_reader() else {
        return (false, false);
    };
    let mut leaf = true;
    while !ops.eof() {
        match ops.read() {
            Ok(Operator::Loop { .. }) | Err(_) => return (false, false),
            Ok(op) => leaf &= !leaves_wasm_code(&op),
        }
    }
    (true, leaf)
}

/// Whether `op` runs code outside the function: a call, or a host helper or libcall
/// (every operator `calls` and `bulk` compile to a call; checked there by
/// `FuncCompiler::leaving_wasm_code`).
fn leaves_wasm_code(op: &Operator<'_>) -> bool {
    use Operator as O;
    matches!(
        op,
        O::Call { .. }
            | O::CallIndirect { .. }
            | O::ReturnCall { .. }
            | O::ReturnCallIndirect { .. }
            | O::MemoryGrow { .. }
            | O::MemoryFill { .. }
            | O::MemoryCopy { .. }
            | O::MemoryInit { .. }
            | O::DataDrop { .. }
            | O::TableGet { .. }
            | O::TableSet { .. }
            | O::TableGrow { .. }
            | O::TableFill { .. }
            | O::TableCopy { .. }
            | O::TableInit { .. }
            | O::ElemDrop { .. }
    )
}

impl FuncCompiler<'_, '_> {
    /// Called by every emitter of a call out of wasm code: such a function must have
    /// its stack check (see `BodyShape`).
    fn leaving_wasm_code(&self) {
        assert!(
            !self.small_leaf,
            "function {} was compiled as a leaf but calls out",
            self.func_index
        );
    }
}

/// How much each local is used: every `local.get`, `local.set` and `local.tee` counts
/// 8^d at loop nesting depth d (d capped at 4), so the locals of inner loops weigh most.
///
/// This runs before the pass, over bodies not yet validated, and only steers register
/// choice, so it is a light skim of the bytes rather than a full decode (which cost a
/// quarter of the compile time): it skips each operator's immediates and stops at the
/// first opcode it does not know (the counts so far stand; any choice is correct).
fn local_uses(body: &wasmparser::FunctionBody<'_>, count: usize) -> Vec<u64> {
    let mut uses = vec![0u64; count];
    let Ok(ops) = body.get_operators_reader() else {
        return uses;
    };
    let mut reader = ops.get_binary_reader();
    let Ok(bytes) = reader.read_bytes(reader.bytes_remaining()) else {
        return uses;
    };
    let mut skim = Skim { bytes, at: 0 };
    // Whether each open block is a loop, and how many of them are.
    let mut blocks: Vec<bool> = Vec::new();
    let mut depth = 0u32;
    while let Some(op) = skim.byte() {
        let ok = match op {
            0x02 | 0x04 => {
                blocks.push(false);
                skim.block_type()
            }
            0x03 => {
                blocks.push(true);
                depth += 1;
                skim.block_type()
            }
            0x0b => {
                if blocks.pop() == Some(true) {
                    depth -= 1;
                }
                Some(())
            }
            0x20..=0x22 => skim.leb().map(|index| {
                if let Some(u) = uses.get_mut(index as usize) {
                    *u += 8u64.pow(depth.min(4));
                }
            }),
            // No immediates: control, parametric, numeric and conversion operators.
            0x00 | 0x01 | 0x05 | 0x0f | 0x1a | 0x1b | 0x45..=0xc4 | 0xd1 => Some(()),
            // One LEB immediate: branches, calls, globals, tables, memory.size/grow,
            // constants, ref.null (a heap type), ref.func.
            0x0c | 0x0d | 0x10 | 0x23..=0x26 | 0x3f | 0x40 | 0x41 | 0x42 | 0xd0 | 0xd2 => {
                skim.leb().map(drop)
            }
            0x0e => skim
                .leb()
                .and_then(|n| (0..=n).try_for_each(|_| skim.leb().map(drop))),
            0x11 => skim.leb().and_then(|_| skim.leb()).map(drop),
            0x1c => skim
                .leb()
                .and_then(|n| (0..n).try_for_each(|_| skim.byte().map(drop))),
            0x28..=0x3e => skim.memarg(),
            0x43 => skim.skip(4),
            0x44 => skim.skip(8),
            0xfc => skim.leb().and_then(|sub| match sub {
                0..=7 => Some(()),
                8 | 12 | 14 => skim.leb().and_then(|_| skim.leb()).map(drop),
                9 | 13 | 15..=17 => skim.leb().map(drop),
                10 => skim.leb().and_then(|_| skim.leb()).map(drop),
                11 => skim.leb().map(drop),
                _ => None,
            }),
            _ => None,
        };
        if ok.is_none() {
            break;
        }
    }
    uses
}

/// A cursor over operator bytes for `local_uses`.
struct Skim<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Skim<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn skip(&mut self, n: usize) -> Option<()> {
        self.at = self
            .at
            .checked_add(n)
            .filter(|&at| at <= self.bytes.len())?;
        Some(())
    }

    /// An unsigned or signed LEB128 number (up to 64 bits), as its low bits.
    fn leb(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// A block type: the empty type, a value type (one byte) or a type index (s33).
    fn block_type(&mut self) -> Option<()> {
        match *self.bytes.get(self.at)? {
            0x40 | 0x63..=0x7f => self.skip(1),
            _ => self.leb().map(drop),
        }
    }

    /// A memory argument: alignment (bit 6: a memory index follows) and offset.
    fn memarg(&mut self) -> Option<()> {
        let align = self.leb()?;
        if align & 0x40 != 0 {
            self.leb()?;
        }
        self.leb().map(drop)
    }
}

/// Chooses the pinned locals, up to the pinned registers of each class. When a class
/// has more locals than registers, the most used ones win (`local_uses`, computed only
/// then, from one extra read of the operators); ties and the common case go to declared
/// locals first, then parameters, because loops update declared locals while parameters
/// are mostly read. Unused locals are never pinned. The choice is made once per function,
/// so both versions of an instrumented function agree on it.
fn pin_locals(
    locals: &[ValType],
    num_params: usize,
    uses: impl FnOnce() -> Vec<u64>,
) -> Vec<Option<Loc>> {
    use crate::abi::regs::{CALLEE_SAVED_GPRS, CALLEE_SAVED_XMMS};
    let mut order: Vec<usize> = (num_params..locals.len()).chain(0..num_params).collect();
    let floats = locals.iter().filter(|t| t.is_float()).count();
    let ints = locals.len() - floats;
    if ints > CALLEE_SAVED_GPRS.len() || floats > CALLEE_SAVED_XMMS.len() {
        let uses = uses();
        // Stable: equal counts keep the declared-first order.
        order.sort_by_key(|&i| std::cmp::Reverse(uses[i]));
        order.retain(|&i| uses[i] > 0);
    }
    let (mut gprs, mut xmms) = (CALLEE_SAVED_GPRS.iter(), CALLEE_SAVED_XMMS.iter());
    let mut pinned = vec![None; locals.len()];
    for i in order {
        pinned[i] = if locals[i].is_float() {
            xmms.next().map(|x| Loc::Xmm(*x))
        } else {
            gprs.next().map(|r| Loc::Gpr(*r))
        };
    }
    pinned
}

/// If the next operator is `local.set` (0x21) or `local.tee` (0x22): its local and
/// whether it is a tee.
fn next_local_set(ops: &wasmparser::OperatorsReader<'_>) -> Option<(u32, bool)> {
    let mut reader = ops.get_binary_reader();
    if reader.eof() {
        // After the final `end` (checked first: a failed read builds an error message).
        return None;
    }
    let tee = match reader.read_u8().ok()? {
        0x21 => false,
        0x22 => true,
        _ => return None,
    };
    Some((reader.read_var_u32().ok()?, tee))
}

/// Frame slots for the convention canaries' saved registers (`calls`).
fn canary_slots(env: &ModuleEnv<'_>) -> i32 {
    if env.canaries {
        calls::CANARY_SLOTS
    } else {
        0
    }
}

/// Number of registers a function pins.
fn pinned_count(pinned: &[Option<Loc>]) -> i32 {
    pinned.iter().flatten().count() as i32
}

/// Operators whose code may trap or call (their module offset is recorded for backtraces).
fn may_trap_or_call(op: &Operator<'_>) -> bool {
    use Operator as O;
    matches!(
        op,
        O::Unreachable
            | O::Call { .. }
            | O::CallIndirect { .. }
            | O::MemoryGrow { .. }
            | O::I32DivS
            | O::I32DivU
            | O::I32RemS
            | O::I32RemU
            | O::I64DivS
            | O::I64DivU
            | O::I64RemS
            | O::I64RemU
            | O::I32TruncF32S
            | O::I32TruncF32U
            | O::I32TruncF64S
            | O::I32TruncF64U
            | O::I64TruncF32S
            | O::I64TruncF32U
            | O::I64TruncF64S
            | O::I64TruncF64U
            | O::I32Load { .. }
            | O::I64Load { .. }
            | O::F32Load { .. }
            | O::F64Load { .. }
            | O::I32Load8S { .. }
            | O::I32Load8U { .. }
            | O::I32Load16S { .. }
            | O::I32Load16U { .. }
            | O::I64Load8S { .. }
            | O::I64Load8U { .. }
            | O::I64Load16S { .. }
            | O::I64Load16U { .. }
            | O::I64Load32S { .. }
            | O::I64Load32U { .. }
            | O::I32Store { .. }
            | O::I64Store { .. }
            | O::F32Store { .. }
            | O::F64Store { .. }
            | O::I32Store8 { .. }
            | O::I32Store16 { .. }
            | O::I64Store8 { .. }
            | O::I64Store16 { .. }
            | O::I64Store32 { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::local_uses;

    fn uses(body: &[u8], count: usize) -> Vec<u64> {
        let reader = wasmparser::BinaryReader::new(body, 0);
        local_uses(&wasmparser::FunctionBody::new(reader), count)
    }

    #[test]
    fn local_uses_skips_immediates_and_weighs_loops() {
        let body = [
            0x00, // no local declarations
            // f64.const whose bytes look like `local.get 5 ; local.set 5`
            0x44, 0x20, 0x05, 0x21, 0x05, 0x20, 0x05, 0x21, 0x05,
            // i64.const with a multi-byte LEB containing 0x20
            0x42, 0xa0, 0x80, 0x20, 0x1a, // i64.const ...; drop
            0x03, 0x40, // loop
            0x20, 0x00, 0x21, 0x01, // local.get 0 ; local.set 1
            0x0b, // end
            0x20, 0x02, 0x1a, // local.get 2 ; drop
            0x0b, // end of body
        ];
        let u = uses(&body, 6);
        assert_eq!(u, vec![8, 8, 1, 0, 0, 0]);
    }

    #[test]
    fn local_uses_stops_at_an_unknown_opcode() {
        // local.get 0, then an opcode the skim does not know, then local.get 1.
        let body = [0x00, 0x20, 0x00, 0xfd, 0x20, 0x01, 0x0b];
        assert_eq!(uses(&body, 2), vec![1, 0]);
    }
}
