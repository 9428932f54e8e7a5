//! The single pass: one walk over a function's operators, driving its `FuncValidator` and
//! emitting x86-64 as it goes.
//!
//! - this module: the driver (one function's plain and instrumented versions) and the
//!   state of the pass.
//! - `visit`: the operator loop and the classification of operators.
//! - `shape`: what is known before the pass (small bodies, leaves, pinned locals).
//! - `frame`: the frame in code (prologue, stack check, pinned registers' save slots).
//! - `values`: operand access, register allocation with spilling, moves between locations.
//! - `control`: blocks, loops, if/else, branches, returns (the merge discipline).
//! - `calls`: the calling convention in code: direct, imported and indirect calls,
//!   host helpers, convention canaries.
//! - `numeric`: integer and float arithmetic, comparisons and conversions.
//! - `memory`: loads, stores, globals and memory size/grow.
//! - `bulk`: bulk memory, table and reference instructions.
//! - `exceptions`: throw, throw_ref, try_table and the legacy try, and their landing pads.
//! - `breakable`: breakable points and transfer points (instrumented modules).
//! - `traps`: trap sites and the trap stubs.
//! - `stubs`: the module's shared stubs (interrupt, debug, host helper).
//! - `align`: code placement.
//!
//! Frames are laid out by `abi::frame::FrameLayout` ("DESIGN: frame layout").

// dynasm's register macros convert their (already u8) register numbers.
#![allow(clippy::useless_conversion)]

mod align;
mod breakable;
mod bulk;
mod calls;
mod constants;
mod control;
mod exceptions;
mod frame;
mod fuel;
mod interruptible;
mod loop_homes;
mod memory;
mod numeric;
mod replay;
mod shape;
mod simd;
mod stubs;
mod traps;
mod typed_refs;
mod values;
mod visit;
mod watch;

pub(crate) use align::{align_code, CHUNK_ALIGN, STUB_ALIGN};
pub(crate) use constants::emit_vector_constants;
pub(crate) use stubs::{
    emit_debug_stub, emit_host_helper_stub, emit_interrupt_stub, emit_no_stops, emit_throw_stub,
    emit_transfer_stub,
};
pub(crate) use traps::{emit_trap_stubs, TrapStubEntries};

pub(crate) use shape::frame_shape;
use shape::BodyShape;
use traps::TrapSite;
use visit::{BodyBytes, PlainStep, Unvalidated};

use super::stack::{Loc, ValueStack};
use crate::abi::frame::FrameLayout;
use crate::abi::sites::{ChunkSites, FuncRanges, PlainAccess, SiteKind};
use crate::abi::traps::TRAP_STUBS;
use crate::abi::vmctx::VmCtxLayout;
use crate::config::BoundsChecks;
use crate::error::{Error, Result};
use crate::frontend::{ModuleInfo, PendingBody};
use crate::types::ValType;
use control::ControlFrame;
use dynasmrt::DynamicLabel;

/// The assembler every function of a module is emitted into.
pub(crate) type Asm = dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation>;

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
    /// (`stubs::emit_host_helper_stub`).
    pub host_helper_stub: DynamicLabel,
    /// The module's transfer stub: a plain version's transfer path asks the host to go on
    /// in the instrumented version (see `breakable`).
    pub transfer_stub: DynamicLabel,
    /// The module's throw stub, through which code throws (`exceptions`).
    pub throw_stub: DynamicLabel,
    /// Check the register convention around every call (`Config::convention_canaries`;
    /// see `calls`, "DESIGN: convention canaries").
    pub canaries: bool,
    /// Compile fuel accounting (`Config::consume_fuel`; `fuel`, "DESIGN: fuel").
    pub fuel: bool,
    /// The vector instructions SIMD code uses (`simd`, "DESIGN: vector paths").
    pub vector: crate::config::VectorPath,
}

impl<'a> ModuleEnv<'a> {
    /// The environment of a module compiled with `config` (debug instrumentation as
    /// `debug` says), with fresh labels for the stubs in `asm`.
    pub fn new(
        config: &crate::config::Config,
        info: &'a ModuleInfo,
        layout: &'a VmCtxLayout,
        trap_labels: &'a [DynamicLabel; TRAP_STUBS],
        asm: &mut Asm,
        debug: bool,
    ) -> Self {
        ModuleEnv {
            info,
            layout,
            trap_labels,
            bounds_checks: config.bounds_checks,
            debug,
            debug_stub: asm.new_dynamic_label(),
            no_stops: asm.new_dynamic_label(),
            interrupt_stub: asm.new_dynamic_label(),
            host_helper_stub: asm.new_dynamic_label(),
            transfer_stub: asm.new_dynamic_label(),
            throw_stub: asm.new_dynamic_label(),
            canaries: config.convention_canaries,
            fuel: config.consume_fuel,
            vector: config.vector_path(),
        }
    }

    /// Whether some version of every function takes r13 out of allocation (the
    /// instrumented version of a debuggable module, the plain version with fuel), which
    /// the shape of a small leaf must leave room for (`shape::BodyShape`).
    pub(super) fn reserves_r13(&self) -> bool {
        self.debug || self.fuel
    }
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
    /// Plain versions' after-call transfer points: (the call's return address, the
    /// point's transfer path), as labels of the chunk's assembler.
    pub after_calls: Vec<(DynamicLabel, DynamicLabel)>,
    /// Plain versions' transfer points, in function and point order: (the return address
    /// of the transfer path's call to the transfer stub, the point itself).
    pub transfer_points: Vec<(DynamicLabel, DynamicLabel)>,
    /// Plain versions: the number of transfer points of each function, in order.
    pub func_transfers: Vec<u32>,
    /// Debuggable modules' plain versions: (caller, callee) of every direct call between
    /// defined functions, and the functions that make indirect calls (`runtime::debug::
    /// state` computes which functions reach debugged ones from them).
    pub call_edges: Vec<(u32, u32)>,
    pub indirect_callers: Vec<u32>,
    /// Plain versions: RIP-relative references to transfer slots, (offset of the disp32,
    /// the slot's transfer point numbered within the chunk, bytes of the instruction
    /// after the disp32), resolved when the module is linked.
    pub slot_refs: Vec<(usize, u32, u8)>,
    /// The chunk's vector constants, each at its label ("DESIGN: vector constants").
    pub vector_constants: std::collections::BTreeMap<u128, DynamicLabel>,
    /// Instrumented versions' transfer points, in function and point order.
    pub debug_transfers: Vec<DynamicLabel>,
    /// Instrumented versions: (offset of a `jbe`'s rel32, code offset of the plain
    /// version's point it jumps to), resolved when the version is published.
    pub plain_jumps: Vec<(usize, u32)>,
    /// Instrumented versions: (offset of a RIP-relative disp32, defined index of the
    /// function whose entry slot it reads), resolved when the version is published.
    pub entry_slot_refs: Vec<(usize, u32)>,
    /// Debuggable modules, both versions: the return addresses (code offsets) of the
    /// calls that switch to another context (`breakable::record_context_return`).
    pub context_returns: Vec<u32>,
    /// Every call made inside a handler: (its return address, the handler's landing pad)
    /// (`exceptions`, "DESIGN: exceptions" in `runtime::exceptions`).
    pub landing_pads: Vec<(u32, DynamicLabel)>,
    /// Some code calls the throw stub: the chunk emits it (a module that throws nothing
    /// has none).
    pub uses_throw_stub: bool,
    /// Plain versions: the code ranges of the loops compiled without a loop-head check,
    /// (start, end) code offsets in code order (`interruptible`).
    pub interruptible: Vec<(u32, u32)>,
    /// Plain versions of a debuggable module: the heads of those loops, (code offset,
    /// the slow path of the check the head goes without), in code order
    /// (`interruptible`).
    pub loop_heads: Vec<(u32, DynamicLabel)>,
}

// DESIGN: instrumented versions compiled on first use
// A debuggable module is compiled like a plain one, plus transfer points in every
// function (see `breakable`): only the plain versions exist up front. A function's
// instrumented version is compiled from the module's binary the first time an instance
// needs it (`compiler::debug_code`), once per module, into the reserve behind the
// module's code (`code_memory::mapping`, "DESIGN: debug code reserved behind the
// module's code"), and shared by every instance. Nothing in the plain code refers to an
// instrumented version: every switch goes through a transfer path and the host
// ("DESIGN: transfer paths" in `breakable`), so the plain code is complete and final
// before any instrumented version exists. The instrumented version jumps back to the
// plain version's points and calls other functions' plain entries with rel32
// displacements into the module's code. Eager mode (`DebugCode::Eager`) compiles every
// instrumented version the same way right after the module.

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
    /// Plain version of an instrumented function: its transfer points, (the point, its
    /// transfer path, where the path resumes when it stays in the plain version), in
    /// operator order (see `breakable`).
    transfers: Vec<(DynamicLabel, DynamicLabel, DynamicLabel)>,
    /// Instrumented version: the plain version's transfer points (code offsets in the
    /// module's code), and how many it has passed.
    plain_points: Vec<u32>,
    next_transfer: usize,
    slow_paths: Vec<breakable::SlowPath>,
    /// Instrumented version: the out-of-line halves of its watch checks (`watch`).
    watch_paths: Vec<watch::WatchPath>,
    /// Each loop head's check of r12, for its out-of-line slow path (see `breakable`).
    loop_checks: Vec<breakable::LoopCheck>,
    /// The fuel stretches being counted (`fuel`; with `Config::consume_fuel` only).
    fuel: fuel::FuelCount,
    /// Module-wide id of this function's first site.
    first_site: u32,
    /// The register each pinned local lives in (see `values`, "pinned locals").
    pinned: Vec<Option<Loc>>,
    /// If the next operator is `local.set`/`local.tee` of this local (plain versions).
    next_set: Option<(u32, bool)>,
    /// A `local.set`/`local.tee` of this local was already done by the operator before.
    set_done: Option<u32>,
    /// Local 0 is pinned to rsi and written through to its slot as well (see `values`,
    /// "DESIGN: the first argument written through").
    first_argument_through: bool,
    /// The pinned registers, as sets (GPRs, xmm registers).
    pinned_regs: (crate::abi::regs::RegSet, crate::abi::regs::RegSet),
    /// The function's body is small and never leaves wasm code (see `BodyShape`): its
    /// prologue has no stack check.
    small_leaf: bool,
    /// The prologue's failed stack check, for its out-of-line slow path.
    limit_slow_path: Option<frame::LimitSlowPath>,
    /// Instrumented version: its own entry (`frame::emit_instrumented_entry`).
    instrumented_entry: Option<DynamicLabel>,
    /// The instrumented entry's failed stack check (resuming at the check itself).
    instrumented_entry_slow_path: Option<frame::LimitSlowPath>,
    /// Module offset of the operator being compiled.
    offset: u32,
    func_index: u32,
    /// This version's `call_indirect`s, for their out-of-line halves.
    cross_instance_calls: Vec<calls::CrossInstanceCall>,
    cross_instance_tail_calls: Vec<calls::CrossInstanceTailCall>,
    /// Instrumented version: its calls of plain entries, out of line.
    plain_calls: Vec<calls::PlainCall>,
    /// The module offsets of the body's loops that cannot leave wasm code
    /// (`shape::BodyShape::call_free_loops`); plain versions compile them without a
    /// loop-head check.
    call_free_loops: Vec<u32>,
    /// The loops that may keep locals in registers, with their candidates
    /// (`shape::BodyShape::loop_homes`).
    loop_homes: Vec<loop_homes::HomeLoop>,
    /// The loops without a loop-head check the pass is in (`interruptible`).
    interruptible: interruptible::Interruptible,
    /// A replay of a plain version recording its memory accesses (`replay`).
    accesses: Option<Box<replay::AccessRecorder>>,
    /// The landing pad of the innermost handler in force (`exceptions`).
    handler: Option<DynamicLabel>,
    /// The function may have handlers (`shape::BodyShape::handlers`): its prologue
    /// stores the vmctx at `VMCTX_SAVE` for its landing pads.
    has_handlers: bool,
    /// The registers whose caller values the frame saves, in save-slot order: the pinned
    /// locals' (a small leaf's rsi among them, not saved), or every callee-saved
    /// register in a function with handlers.
    saved_regs: Vec<Loc>,
    /// The frame size, when known before the pass (an instrumented version runs in the
    /// plain version's frame).
    known_frame: Option<u32>,
    /// Where landing pads want the frame size, patched once the pass is done.
    frame_patches: Vec<usize>,
}

/// What compiling an operator returns: the error is boxed so that the result is returned
/// in a register, not written through memory as a `Result<(), Error>` is, on every
/// operator (benches/RESULTS.md, "Compiling in the reader's visit methods").
type OpResult = std::result::Result<(), Box<Error>>;

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
        let first_site = out.debug.sites.len() as u32;
        let mut stack = ValueStack::reusing(std::mem::take(&mut scratch.stack));
        let mut frames = std::mem::take(&mut scratch.frames);
        frames.clear();
        let mut traps = std::mem::take(&mut scratch.traps);
        traps.clear();
        if instrumented {
            stack.reserve_gpr(crate::abi::regs::DEBUG_BITS);
        } else if env.fuel {
            stack.reserve_gpr(crate::abi::regs::FUEL);
        }
        let mut pinned = shape.pinned.clone();
        let saved_regs: Vec<Loc> = if shape.handlers {
            crate::abi::regs::CALLEE_SAVED_GPRS
                .iter()
                .map(|&r| Loc::Gpr(r))
                .chain(
                    crate::abi::regs::CALLEE_SAVED_XMMS
                        .iter()
                        .map(|&x| Loc::Xmm(x)),
                )
                .collect()
        } else {
            pinned.iter().flatten().copied().collect()
        };
        // After `saved_regs`: rsi is the caller's to spill, never saved.
        let first_argument_through = Self::writes_first_argument_through(env, instrumented, shape);
        if first_argument_through {
            pinned[0] = Some(Loc::Gpr(crate::abi::regs::RSI));
        }
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
            frame: FrameLayout::new(
                &locals,
                num_params,
                saved_regs.iter().map(shape::save_index),
                env.canaries,
            ),
            locals,
            num_params,
            max_outgoing: 0,
            reachable: true,
            dead_blocks: 0,
            traps,
            instrumented,
            transfers: Vec::new(),
            plain_points: Vec::new(),
            next_transfer: 0,
            slow_paths: Vec::new(),
            watch_paths: Vec::new(),
            loop_checks: Vec::new(),
            fuel: fuel::FuelCount::default(),
            first_site,
            pinned,
            next_set: None,
            set_done: None,
            first_argument_through,
            pinned_regs,
            small_leaf: shape.small && shape.leaf,
            limit_slow_path: None,
            instrumented_entry_slow_path: None,
            instrumented_entry: None,
            offset,
            func_index,
            cross_instance_calls: Vec::new(),
            cross_instance_tail_calls: Vec::new(),
            plain_calls: Vec::new(),
            call_free_loops: shape.call_free_loops.clone(),
            loop_homes: shape.loop_homes.clone(),
            interruptible: Default::default(),
            accesses: None,
            handler: None,
            has_handlers: shape.handlers,
            saved_regs,
            known_frame: None,
            frame_patches: Vec::new(),
        }
    }

    /// Compiles defined function `func_index`, validating it in the same walk. In a
    /// debuggable module this is the plain version with its transfer points; the
    /// instrumented version is `compile_instrumented`'s. Returns the frame size.
    pub fn compile(
        asm: &'a mut Asm,
        env: &'a ModuleEnv<'e>,
        out: &'a mut FuncOutput,
        func_index: u32,
        body: PendingBody<'_>,
        scratch: &mut Scratch,
    ) -> Result<u32> {
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
            let t = env.info.val_type(t)?;
            locals.extend(std::iter::repeat_n(t, count as usize));
        }
        let body_offset = body.body.range().start as u32;
        let shape = BodyShape::of(&body.body, &locals, num_params as usize, env.reserves_r13());
        let mut plain = FuncCompiler::new(
            asm,
            env,
            out,
            func_index,
            locals,
            num_params,
            body_offset,
            false,
            &shape,
            scratch,
        );
        let frame_patch = plain.emit_prologue();
        plain.push_function_frame();
        plain.start_fuel();
        plain.plain_pass(&body.body, Some(&mut validator))?;
        plain.check_interruptible()?;
        plain.finish_fuel();
        scratch.validator = validator.into_allocations();
        plain.emit_out_of_line();
        let frame = plain.frame_size();
        let landing_patches = std::mem::take(&mut plain.frame_patches);
        let out = plain.finish(scratch);
        out.patches.push((frame_patch, frame));
        out.patches
            .extend(landing_patches.into_iter().map(|at| (at, frame)));
        Ok(frame)
    }

    /// Compiles defined function `func_index`'s plain version again, exactly as
    /// `compile` did (its body was validated then), recording its memory accesses
    /// (`replay`). `asm` must be at the offset, modulo `CHUNK_ALIGN`, the function had in
    /// its chunk, so that loop heads get the same padding.
    pub fn replay_plain(
        asm: &'a mut Asm,
        env: &'a ModuleEnv<'e>,
        out: &'a mut FuncOutput,
        func_index: u32,
        body: &wasmparser::FunctionBody<'_>,
        scratch: &mut Scratch,
    ) -> Result<Vec<PlainAccess>> {
        let ty = env.info.func_type(func_index);
        let mut locals = std::mem::take(&mut scratch.locals);
        let num_params = shape::read_locals(env.info, body, ty, &mut locals)?;
        let body_offset = body.range().start as u32;
        let shape = BodyShape::of(body, &locals, num_params as usize, env.reserves_r13());
        let entry = dynasmrt::DynasmApi::offset(asm).0 as u32;
        let mut plain = FuncCompiler::new(
            asm,
            env,
            out,
            func_index,
            locals,
            num_params,
            body_offset,
            false,
            &shape,
            scratch,
        );
        plain.accesses = Some(Box::new(replay::AccessRecorder::at(entry)));
        plain.emit_prologue();
        plain.push_function_frame();
        plain.start_fuel();
        // The body was validated when the module was compiled.
        plain.plain_pass(body, None)?;
        plain.check_interruptible()?;
        plain.finish_fuel();
        plain.emit_out_of_line();
        // The replay's code is not kept: its landing pads need no frame size.
        let records = plain.accesses.take().map(|r| r.records).unwrap_or_default();
        plain.finish(scratch);
        Ok(records)
    }

    /// The plain version's walk over `body`'s operators, each validated by `validator`
    /// as it is decoded (`None` in a replay, whose body was validated before) and
    /// compiled in the same visit (`PlainStep`); a replay records each operator's memory
    /// access after it.
    fn plain_pass<'r>(
        &mut self,
        body: &wasmparser::FunctionBody<'r>,
        mut validator: Option<&mut wasmparser::FuncValidator<wasmparser::ValidatorResources>>,
    ) -> Result<()> {
        let mut ops = body.get_operators_reader().map_err(invalid)?;
        let mut all = ops.get_binary_reader();
        let body_bytes = BodyBytes {
            base: all.original_position() as usize,
            bytes: all.read_bytes(all.bytes_remaining()).map_err(invalid)?,
        };
        while !ops.eof() {
            let offset = ops.original_position();
            self.offset = offset as u32;
            let compiled = match validator.as_deref_mut() {
                Some(validator) => ops.visit_operator(&mut PlainStep {
                    compiler: self,
                    validator: validator.simd_visitor(offset),
                    body: body_bytes,
                }),
                None => ops.visit_operator(&mut PlainStep {
                    compiler: self,
                    validator: Unvalidated,
                    body: body_bytes,
                }),
            };
            compiled.map_err(invalid)?.map_err(|e| *e)?;
        }
        ops.finish().map_err(invalid)
    }

    /// Compiles the instrumented version of defined function `func_index` from its body,
    /// which `compile` validated when the module was compiled. `plain_points` are the
    /// plain version's transfer points (code offsets in the module's code) and
    /// `plain_frame` its frame size: the instrumented version runs in frames the plain
    /// prologue built, so its frame must fit.
    #[allow(clippy::too_many_arguments)]
    pub fn compile_instrumented(
        asm: &'a mut Asm,
        env: &'a ModuleEnv<'e>,
        out: &'a mut FuncOutput,
        func_index: u32,
        body: &wasmparser::FunctionBody<'_>,
        plain_points: &[u32],
        plain_frame: u32,
        scratch: &mut Scratch,
    ) -> Result<()> {
        let ty = env.info.func_type(func_index);
        let mut locals = std::mem::take(&mut scratch.locals);
        let num_params = shape::read_locals(env.info, body, ty, &mut locals)?;
        let body_offset = body.range().start as u32;
        let shape = BodyShape::of(body, &locals, num_params as usize, env.reserves_r13());
        let mut instr = FuncCompiler::new(
            asm,
            env,
            out,
            func_index,
            locals,
            num_params,
            body_offset,
            true,
            &shape,
            scratch,
        );
        instr.plain_points = plain_points.to_vec();
        instr.known_frame = Some(plain_frame);
        let first_call = instr.out.debug.calls.len() as u32;
        // Instrumented code calls a debugged function here (`calls`); the entry transfer
        // point is where the plain version's stack check passed (`frame::emit_prologue`):
        // the rest of the prologue follows it.
        instr.emit_instrumented_entry(plain_frame);
        instr.transfer_point();
        instr.emit_frame_setup();
        instr.push_function_frame();
        instr.start_fuel();
        instr.breakable_point(SiteKind::Entry);
        let mut ops = body.get_operators_reader().map_err(invalid)?;
        while !ops.eof() {
            let (op, offset) = ops.read_with_offset().map_err(invalid)?;
            instr.offset = offset as u32;
            instr.visit(&op).map_err(|e| *e)?;
        }
        instr.finish_fuel();
        let ranges = FuncRanges {
            sites: (instr.first_site, instr.out.debug.sites.len() as u32),
            calls: (first_call, instr.out.debug.calls.len() as u32),
        };
        instr.out.debug.funcs.push(ranges);
        instr.emit_out_of_line();
        if instr.next_transfer != plain_points.len() {
            return Err(Error::Resource(format!(
                "function {func_index}: the instrumented version has {} transfer points, \
                 the plain version {}",
                instr.next_transfer,
                plain_points.len()
            )));
        }
        let frame = instr.frame_size();
        if frame > plain_frame {
            return Err(Error::Resource(format!(
                "function {func_index}: the instrumented version needs a frame of {frame} \
                 bytes, the plain version built {plain_frame}"
            )));
        }
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

    fn emit_out_of_line(&mut self) {
        self.emit_stack_check_slow_path();
        self.emit_cross_instance_calls();
        self.emit_plain_calls();
        self.emit_trap_sites();
        self.emit_slow_paths();
        self.emit_watch_paths();
    }
}
