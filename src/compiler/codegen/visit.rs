//! The operator loop: the reader's visit methods, which validate each operator and
//! compile it (`PlainStep`), the dispatch of each operator to its emitter, and the one
//! table that classifies operators for the rest of the pass.

use super::{invalid, numeric, FuncCompiler, OpResult};
use crate::abi::sites::SiteKind;
use crate::compiler::stack::Loc;
use crate::error::Error;
use crate::trap::TrapKind;
use crate::types::ValType;
use dynasmrt::{dynasm, DynasmLabelApi};
use wasmparser::Operator;

impl FuncCompiler<'_, '_> {
    /// Compiles one operator. Inlined into the operator's visit method, where the
    /// operator's kind is known: in the common case ("DESIGN: compiling in the reader's
    /// visit methods" (3)) straight to its emitter, else through `visit_op`.
    #[inline(always)]
    pub(super) fn visit(&mut self, op: &Operator<'_>) -> OpResult {
        if self.env.fuel {
            self.count_fuel(op);
        }
        let settled = !matches!(
            self.stack.top(),
            Some(crate::compiler::stack::Entry {
                loc: Loc::Flags(_),
                ..
            })
        );
        let class = classify(op);
        if self.reachable && !self.instrumented && settled && self.accesses.is_none() {
            // What `visit_op` does before its emitter is nothing here but the site
            // ("DESIGN: compiling in the reader's visit methods" (3)).
            if class.records_site {
                self.record_site();
            }
            return self.dispatch(op);
        }
        self.visit_op(op, class)
    }

    /// Compiles `op`, of class `class` (`classify`: settled by the caller, where the
    /// operator's kind is known when the caller is compiled), wherever the code is
    /// unreachable, the version instrumented, a compare in the flags or a replay
    /// recording accesses: what `visit` does not send to `dispatch` itself.
    #[inline(never)]
    fn visit_op(&mut self, op: &Operator<'_>, class: OpClass) -> OpResult {
        if !self.reachable {
            return self.visit_unreachable(op);
        }
        // A fused compare lives in the flags only until the next operator; anything but a
        // consumer that branches or selects on it gets a materialized i32.
        if let Some(crate::compiler::stack::Entry {
            loc: Loc::Flags(_), ..
        }) = self.stack.top()
        {
            if !class.fuses_flags || self.instrumented {
                self.settle_flags();
            }
        }
        self.breakable_point(SiteKind::Instruction);
        self.probe_access();
        if class.records_site {
            self.record_site();
        }
        self.dispatch(op)
    }

    /// Compiles `op` by its emitter. Inlined into each visit method, where `op` is known,
    /// so it folds to the one emitter `op` needs.
    #[inline(always)]
    fn dispatch(&mut self, op: &Operator<'_>) -> OpResult {
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
            O::ReturnCall { function_index } => self.return_call(function_index),
            O::ReturnCallIndirect {
                type_index,
                table_index,
            } => self.return_call_indirect(type_index, table_index),
            O::CallRef { type_index } => self.call_ref(type_index),
            O::ReturnCallRef { type_index } => self.return_call_ref(type_index),
            O::RefAsNonNull => self.ref_as_non_null(),
            O::BrOnNull { relative_depth } => self.br_on_null(relative_depth),
            O::BrOnNonNull { relative_depth } => self.br_on_non_null(relative_depth),
            O::Throw { tag_index } => self.throw(tag_index),
            O::ThrowRef => self.throw_ref(),
            O::TryTable { ref try_table } => self.try_table(try_table),
            O::Try { blockty } => self.legacy_try(blockty),
            O::Catch { tag_index } => self.legacy_catch(tag_index),
            O::CatchAll => self.legacy_catch_all(),
            O::Delegate { relative_depth } => self.delegate(relative_depth),
            O::Rethrow { relative_depth } => self.rethrow(relative_depth),
            O::Drop => {
                let e = self.stack.pop();
                self.stack.release(e.loc);
            }
            O::Select | O::TypedSelect { .. } => self.select(),
            O::RefNull { hty } => {
                let heap = self.env.info.heap_type(hty)?;
                let ty = ValType::Ref(crate::types::RefType::new(true, heap));
                self.stack.push(ty, Loc::Const(0));
            }
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
            O::MemorySize { mem } => self.memory_size(mem),
            // Other memories' grow, and a 64-bit memory 0's, is a host helper
            // (`visit_bulk`).
            O::MemoryGrow { mem: 0 } if !self.env.info.memories[0].memory64 => self.memory_grow(),
            _ => {
                if !self.visit_memory_access(op) && !self.visit_numeric(op) {
                    return self.visit_rest(op);
                }
            }
        }
        Ok(())
    }

    /// Compiles an operator of neither the memory access nor the numeric family (bulk
    /// memory and tables, SIMD), or says it is unsupported. Out of line: the visit
    /// methods' `dispatch` reaches it only for these.
    #[inline(never)]
    fn visit_rest(&mut self, op: &Operator<'_>) -> OpResult {
        if !self.visit_bulk(op) && !self.visit_simd(op)? {
            // What validates with the features Kestrel accepts and is not compiled is
            // GC's.
            return Err(Box::new(Error::Unsupported(format!(
                "operator {op:?} at offset {:#x} {}",
                self.offset,
                crate::frontend::NEEDS_GC_HEAP
            ))));
        }
        Ok(())
    }
}

/// The operator bytes of the body the plain pass walks, for `PlainStep`'s peek past an
/// operator.
#[derive(Clone, Copy)]
pub(super) struct BodyBytes<'r> {
    /// The body's operators.
    pub bytes: &'r [u8],
    /// The module offset of `bytes[0]`.
    pub base: usize,
}

// DESIGN: compiling in the reader's visit methods
// The plain pass (`FuncCompiler::plain_pass`) hands the reader a `PlainStep`, and the
// reader calls the visit method of each operator it decodes; that method validates the
// operator (the function's validator, or `Unvalidated` in a replay) and compiles it at
// once. No operator is returned through the reader, and each visit method builds its own
// operator, so what depends only on the operator's kind is settled when the method is
// compiled rather than found out for every operator: its class (`classify`, handed to
// `visit_op`), whether it may fuse the `local.set` after it (`int_binop_of`), and whether
// it has anything to drop, and which emitter compiles it: `dispatch`, the match from
// operator to emitter, is inlined into each visit method and folds to the one call its
// operator needs, so the common case takes no match on the operator at all. An
// operator's result is boxed (`OpResult`) so that it is returned in a register.
// Together about a seventh of the compiler's instructions on the peer harness's compile
// module (benches/RESULTS.md, "Compiling in the reader's visit methods" and "Emitters
// called from the visit methods"). It relies on:
// (1) The operators that may fuse a following `local.set` (`int_binop_of`) are one
//     opcode byte with no immediate, so the operator after one starts a byte after it:
//     `step` peeks there. Tests: `the_operators_that_fuse_a_local_set_are_one_byte`,
//     and the golden listings of `x = x op y` loops (tests/golden/byte_loop.wat,
//     loop_back_edge.wat), which change when the peek is off by a byte.
// (2) An operator is dropped exactly when the types of its immediates need dropping
//     (`std::mem::needs_drop` of their tuple), so the ones that own memory (a
//     `try_table`'s catch list) free it and the rest skip the drop call. Test:
//     tests/compile_memory.rs (compiling 2000 `try_table`s again and again leaves nothing
//     allocated; never dropping left 480,600 bytes after five compiles).
// (3) Where the code is reachable, the version plain, no fused compare waits in the
//     flags and no replay records accesses, `visit_op`'s work before its emitter is
//     only the site of an operator that records one: `visit` does that and calls
//     `dispatch` itself (`visit_op` stays for the rest, out of line). Tests: without
//     the reachability check the golden listing of dead code (tests/golden/
//     dead_code.wat) changes; with a compare left in the flags the golden listings
//     panic (`operand`); in instrumented versions tests/debug.rs fails (breakpoints
//     never reached); with a replay recording accesses tests/watchpoints.rs fails (no
//     access recorded); without the site tests/debug.rs fails (callers above host
//     calls).

/// The plain pass's visitor ("DESIGN: compiling in the reader's visit methods").
pub(super) struct PlainStep<'c, 'f, 'e, 'a, V> {
    pub compiler: &'c mut FuncCompiler<'f, 'e>,
    pub validator: V,
    pub body: BodyBytes<'a>,
}

impl<V> PlainStep<'_, '_, '_, '_, V> {
    /// Compiles `op`, which starts at the compiler's `offset` and has been validated.
    #[inline(always)]
    fn step(&mut self, op: &Operator<'_>) -> OpResult {
        let compiler = &mut *self.compiler;
        // A peek at the next opcode lets `x = x op y` on a register-held local update it
        // in place (`int_binop`). The operators that can use it are one opcode byte with
        // no immediates (`numeric::int_binop_of`), so the next one starts a byte on.
        compiler.next_set = match numeric::int_binop_of(op) {
            Some(_) => {
                let next = compiler.offset as usize + 1 - self.body.base;
                next_local_set(self.body.bytes.get(next..).unwrap_or_default())
            }
            None => None,
        };
        compiler.visit(op)?;
        if let Some(entry) = compiler.accesses.as_ref().map(|r| r.entry) {
            compiler.end_access_probe(entry);
        }
        Ok(())
    }
}

macro_rules! define_plain_step_visit {
    ($(@$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $(
            fn $visit(&mut self $($(,$arg: $argty)*)?) -> Self::Output {
                self.validator
                    .$visit($($($arg.clone()),*)?)
                    .map_err(|e| Box::new(invalid(e)))?;
                // The operator is dropped here only if its immediates own something:
                // the drop of an `Operator` is a call that does not fold away.
                let op = std::mem::ManuallyDrop::new(Operator::$op $({ $($arg),* })?);
                let compiled = self.step(&op);
                if std::mem::needs_drop::<($($($argty,)*)?)>() {
                    drop(std::mem::ManuallyDrop::into_inner(op));
                }
                compiled
            }
        )*
    }
}

impl<'a, V> wasmparser::VisitOperator<'a> for PlainStep<'_, '_, '_, 'a, V>
where
    V: wasmparser::VisitOperator<'a, Output = wasmparser::Result<()>>
        + wasmparser::VisitSimdOperator<'a, Output = wasmparser::Result<()>>,
{
    type Output = OpResult;

    fn simd_visitor(
        &mut self,
    ) -> Option<&mut dyn wasmparser::VisitSimdOperator<'a, Output = Self::Output>> {
        Some(self)
    }

    wasmparser::for_each_visit_operator!(define_plain_step_visit);
}

impl<'a, V> wasmparser::VisitSimdOperator<'a> for PlainStep<'_, '_, '_, 'a, V>
where
    V: wasmparser::VisitOperator<'a, Output = wasmparser::Result<()>>
        + wasmparser::VisitSimdOperator<'a, Output = wasmparser::Result<()>>,
{
    wasmparser::for_each_visit_simd_operator!(define_plain_step_visit);
}

/// The validator of a replay (`FuncCompiler::replay_plain`), whose body was validated when
/// the module was compiled: it accepts every operator.
pub(super) struct Unvalidated;

macro_rules! define_unvalidated_visit {
    ($(@$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $(
            fn $visit(&mut self $($(,$arg: $argty)*)?) -> Self::Output {
                $($(let _ = $arg;)*)?
                Ok(())
            }
        )*
    }
}

impl<'a> wasmparser::VisitOperator<'a> for Unvalidated {
    type Output = wasmparser::Result<()>;

    fn simd_visitor(
        &mut self,
    ) -> Option<&mut dyn wasmparser::VisitSimdOperator<'a, Output = Self::Output>> {
        Some(self)
    }

    wasmparser::for_each_visit_operator!(define_unvalidated_visit);
}

impl<'a> wasmparser::VisitSimdOperator<'a> for Unvalidated {
    wasmparser::for_each_visit_simd_operator!(define_unvalidated_visit);
}

/// If the operator at the start of `bytes` is `local.set` (0x21) or `local.tee` (0x22):
/// its local and whether it is a tee.
fn next_local_set(bytes: &[u8]) -> Option<(u32, bool)> {
    let tee = match *bytes.first()? {
        0x21 => false,
        0x22 => true,
        _ => return None,
    };
    let mut index = wasmparser::BinaryReader::new(&bytes[1..], 0);
    Some((index.read_var_u32().ok()?, tee))
}

/// What the pass needs to know of an operator besides how to compile it: the one place
/// operators are classified.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct OpClass {
    /// Runs code outside the function: a call, a libcall or a host helper (every operator
    /// `calls` and `bulk` compile to a call; they check it with `leaving_wasm_code`). A
    /// small body without one is a leaf (`shape::BodyShape`).
    pub calls_out: bool,
    /// Its inline code can fault, trap or be returned into: its module offset is recorded
    /// for the code that follows (backtraces, fault attribution).
    pub records_site: bool,
    /// Consumes an i32 condition and takes it from the flags when a compare just set
    /// them (a fused compare).
    pub fuses_flags: bool,
}

/// The class of `op`.
#[inline(always)]
pub(super) fn classify(op: &Operator<'_>) -> OpClass {
    use Operator as O;
    const PLAIN: OpClass = OpClass {
        calls_out: false,
        records_site: false,
        fuses_flags: false,
    };
    const CALL: OpClass = OpClass {
        calls_out: true,
        records_site: true,
        fuses_flags: false,
    };
    const TRAPS: OpClass = OpClass {
        calls_out: false,
        records_site: true,
        fuses_flags: false,
    };
    const CONDITION: OpClass = OpClass {
        calls_out: false,
        records_site: false,
        fuses_flags: true,
    };
    match op {
        // Calls into wasm code and into the host (libcalls and helpers).
        O::Call { .. }
        | O::CallIndirect { .. }
        | O::ReturnCall { .. }
        | O::ReturnCallIndirect { .. }
        | O::CallRef { .. }
        | O::ReturnCallRef { .. }
        | O::Throw { .. }
        | O::ThrowRef
        | O::Rethrow { .. }
        // A handler's landing pad may throw on.
        | O::TryTable { .. }
        | O::Try { .. }
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
        | O::ElemDrop { .. } => CALL,
        // Traps, and memory accesses (which fault on a guard page).
        O::Unreachable
        | O::RefAsNonNull
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
        | O::V128Load { .. }
        | O::V128Load8x8S { .. }
        | O::V128Load8x8U { .. }
        | O::V128Load16x4S { .. }
        | O::V128Load16x4U { .. }
        | O::V128Load32x2S { .. }
        | O::V128Load32x2U { .. }
        | O::V128Load8Splat { .. }
        | O::V128Load16Splat { .. }
        | O::V128Load32Splat { .. }
        | O::V128Load64Splat { .. }
        | O::V128Load32Zero { .. }
        | O::V128Load64Zero { .. }
        | O::V128Load8Lane { .. }
        | O::V128Load16Lane { .. }
        | O::V128Load32Lane { .. }
        | O::V128Load64Lane { .. }
        | O::V128Store { .. }
        | O::V128Store8Lane { .. }
        | O::V128Store16Lane { .. }
        | O::V128Store32Lane { .. }
        | O::V128Store64Lane { .. } => TRAPS,
        O::BrIf { .. } | O::If { .. } | O::Select | O::I32Eqz => CONDITION,
        _ => PLAIN,
    }
}

#[cfg(test)]
mod tests {
    use super::numeric::int_binop_of;

    /// "DESIGN: compiling in the reader's visit methods" (1): every operator the pass may
    /// fuse with the `local.set` after it is one byte long.
    #[test]
    fn the_operators_that_fuse_a_local_set_are_one_byte() {
        let mut fusing = 0;
        for opcode in 0..=u8::MAX {
            let bytes = [opcode, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
            let mut reader =
                wasmparser::OperatorsReader::new(wasmparser::BinaryReader::new(&bytes, 0));
            let Ok(op) = reader.read() else {
                continue;
            };
            if int_binop_of(&op).is_some() {
                fusing += 1;
                assert_eq!(reader.original_position(), 1, "{op:?}");
            }
        }
        assert_eq!(fusing, 12, "i32 and i64 add, sub, mul, and, or, xor");
    }
}
