//! Integer and float arithmetic, comparisons and conversions, with wasm's exact semantics:
//! trapping division and float-to-int conversion, IEEE min/max with NaN propagation and
//! signed zeros, and round-to-nearest-even conversions.

use super::{is_64, FuncCompiler, Opnd};
use crate::abi::regs::{Gpr, Xmm, RAX, RCX, RDX, XSCRATCH, XSCRATCH2};
use crate::compiler::stack::{Cond, Loc};
use crate::trap::TrapKind;
use crate::types::ValType;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use wasmparser::Operator;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum IntOp {
    Add,
    Sub,
    Mul,
    And,
    Or,
    Xor,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ShiftOp {
    Shl,
    ShrS,
    ShrU,
    Rotl,
    Rotr,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DivOp {
    DivS,
    DivU,
    RemS,
    RemU,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
    Min,
    Max,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FloatUnary {
    Sqrt,
    Ceil,
    Floor,
    Trunc,
    Nearest,
    Abs,
    Neg,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FloatCmp {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
}

/// `$ins dst, src` for integer operands of either width.
macro_rules! alu {
    ($s:ident, $ins:ident, $wide:expr, $dst:expr, $src:expr) => {
        match ($src, $wide) {
            (Opnd::Imm(i), true) => dynasm!($s.asm ; .arch x64 ; $ins Rq($dst), i as i32),
            (Opnd::Imm(i), false) => dynasm!($s.asm ; .arch x64 ; $ins Rd($dst), i as i32),
            (Opnd::Gpr(r), true) => dynasm!($s.asm ; .arch x64 ; $ins Rq($dst), Rq(r)),
            (Opnd::Gpr(r), false) => dynasm!($s.asm ; .arch x64 ; $ins Rd($dst), Rd(r)),
            (Opnd::Mem(d), true) => dynasm!($s.asm ; .arch x64 ; $ins Rq($dst), QWORD [rbp + d]),
            (Opnd::Mem(d), false) => dynasm!($s.asm ; .arch x64 ; $ins Rd($dst), DWORD [rbp + d]),
            (Opnd::Xmm(_), _) => unreachable!("integer operand in an xmm register"),
        }
    };
}

/// `$ins dst, src` for instructions without an immediate form.
macro_rules! alu_rm {
    ($s:ident, $ins:ident, $wide:expr, $dst:expr, $src:expr) => {
        match ($src, $wide) {
            (Opnd::Gpr(r), true) => dynasm!($s.asm ; .arch x64 ; $ins Rq($dst), Rq(r)),
            (Opnd::Gpr(r), false) => dynasm!($s.asm ; .arch x64 ; $ins Rd($dst), Rd(r)),
            (Opnd::Mem(d), true) => dynasm!($s.asm ; .arch x64 ; $ins Rq($dst), QWORD [rbp + d]),
            (Opnd::Mem(d), false) => dynasm!($s.asm ; .arch x64 ; $ins Rd($dst), DWORD [rbp + d]),
            _ => unreachable!("register or memory operand expected"),
        }
    };
}

/// `$ins dst, src` for scalar SSE operands (`$size` is DWORD or QWORD).
macro_rules! sse {
    ($s:ident, $ins:ident, $size:ident, $dst:expr, $src:expr) => {
        match $src {
            Opnd::Xmm(x) => dynasm!($s.asm ; .arch x64 ; $ins Rx($dst), Rx(x)),
            Opnd::Mem(d) => dynasm!($s.asm ; .arch x64 ; $ins Rx($dst), $size [rbp + d]),
            _ => unreachable!("sse source is a register or memory"),
        }
    };
}

/// Swaps the operands of a comparison.
fn swap_cond(c: Cond) -> Cond {
    match c {
        Cond::L => Cond::G,
        Cond::G => Cond::L,
        Cond::Le => Cond::Ge,
        Cond::Ge => Cond::Le,
        Cond::B => Cond::A,
        Cond::A => Cond::B,
        Cond::Be => Cond::Ae,
        Cond::Ae => Cond::Be,
        c => c,
    }
}

/// The two-operand integer operator `op` is, if it is one (`int_binop`): also what the
/// pass peeks past (`visit::PlainStep`), since only these may update a local in place
/// (`int_binop_in_place`). Each is one opcode byte with no immediate (`visit`, "DESIGN:
/// compiling in the reader's visit methods" (1)).
pub(super) fn int_binop_of(op: &Operator<'_>) -> Option<(ValType, IntOp)> {
    use Operator as O;
    use ValType::{I32, I64};
    Some(match *op {
        O::I32Add => (I32, IntOp::Add),
        O::I32Sub => (I32, IntOp::Sub),
        O::I32Mul => (I32, IntOp::Mul),
        O::I32And => (I32, IntOp::And),
        O::I32Or => (I32, IntOp::Or),
        O::I32Xor => (I32, IntOp::Xor),
        O::I64Add => (I64, IntOp::Add),
        O::I64Sub => (I64, IntOp::Sub),
        O::I64Mul => (I64, IntOp::Mul),
        O::I64And => (I64, IntOp::And),
        O::I64Or => (I64, IntOp::Or),
        O::I64Xor => (I64, IntOp::Xor),
        _ => return None,
    })
}

impl FuncCompiler<'_, '_> {
    /// Compiles a numeric operator; returns false if `op` is not one. Inlined, like
    /// `visit::dispatch`, so that each visit method holds only its own operator's arm.
    #[inline(always)]
    pub(super) fn visit_numeric(&mut self, op: &Operator<'_>) -> bool {
        use Operator as O;
        use ValType::{F32, F64, I32, I64};
        if let Some((ty, int_op)) = int_binop_of(op) {
            self.int_binop(ty, int_op);
            return true;
        }
        match *op {
            O::I32Shl => self.shift(I32, ShiftOp::Shl),
            O::I32ShrS => self.shift(I32, ShiftOp::ShrS),
            O::I32ShrU => self.shift(I32, ShiftOp::ShrU),
            O::I32Rotl => self.shift(I32, ShiftOp::Rotl),
            O::I32Rotr => self.shift(I32, ShiftOp::Rotr),
            O::I64Shl => self.shift(I64, ShiftOp::Shl),
            O::I64ShrS => self.shift(I64, ShiftOp::ShrS),
            O::I64ShrU => self.shift(I64, ShiftOp::ShrU),
            O::I64Rotl => self.shift(I64, ShiftOp::Rotl),
            O::I64Rotr => self.shift(I64, ShiftOp::Rotr),
            O::I32DivS => self.divide(I32, DivOp::DivS),
            O::I32DivU => self.divide(I32, DivOp::DivU),
            O::I32RemS => self.divide(I32, DivOp::RemS),
            O::I32RemU => self.divide(I32, DivOp::RemU),
            O::I64DivS => self.divide(I64, DivOp::DivS),
            O::I64DivU => self.divide(I64, DivOp::DivU),
            O::I64RemS => self.divide(I64, DivOp::RemS),
            O::I64RemU => self.divide(I64, DivOp::RemU),
            O::I32Clz => self.count_bits(I32, 0),
            O::I32Ctz => self.count_bits(I32, 1),
            O::I32Popcnt => self.count_bits(I32, 2),
            O::I64Clz => self.count_bits(I64, 0),
            O::I64Ctz => self.count_bits(I64, 1),
            O::I64Popcnt => self.count_bits(I64, 2),
            O::I32Eqz => self.eqz(I32),
            O::I64Eqz => self.eqz(I64),
            O::I32Eq => self.int_compare(I32, Cond::E),
            O::I32Ne => self.int_compare(I32, Cond::Ne),
            O::I32LtS => self.int_compare(I32, Cond::L),
            O::I32LtU => self.int_compare(I32, Cond::B),
            O::I32GtS => self.int_compare(I32, Cond::G),
            O::I32GtU => self.int_compare(I32, Cond::A),
            O::I32LeS => self.int_compare(I32, Cond::Le),
            O::I32LeU => self.int_compare(I32, Cond::Be),
            O::I32GeS => self.int_compare(I32, Cond::Ge),
            O::I32GeU => self.int_compare(I32, Cond::Ae),
            O::I64Eq => self.int_compare(I64, Cond::E),
            O::I64Ne => self.int_compare(I64, Cond::Ne),
            O::I64LtS => self.int_compare(I64, Cond::L),
            O::I64LtU => self.int_compare(I64, Cond::B),
            O::I64GtS => self.int_compare(I64, Cond::G),
            O::I64GtU => self.int_compare(I64, Cond::A),
            O::I64LeS => self.int_compare(I64, Cond::Le),
            O::I64LeU => self.int_compare(I64, Cond::Be),
            O::I64GeS => self.int_compare(I64, Cond::Ge),
            O::I64GeU => self.int_compare(I64, Cond::Ae),
            O::F32Add => self.float_binop(F32, FloatOp::Add),
            O::F32Sub => self.float_binop(F32, FloatOp::Sub),
            O::F32Mul => self.float_binop(F32, FloatOp::Mul),
            O::F32Div => self.float_binop(F32, FloatOp::Div),
            O::F32Min => self.float_binop(F32, FloatOp::Min),
            O::F32Max => self.float_binop(F32, FloatOp::Max),
            O::F64Add => self.float_binop(F64, FloatOp::Add),
            O::F64Sub => self.float_binop(F64, FloatOp::Sub),
            O::F64Mul => self.float_binop(F64, FloatOp::Mul),
            O::F64Div => self.float_binop(F64, FloatOp::Div),
            O::F64Min => self.float_binop(F64, FloatOp::Min),
            O::F64Max => self.float_binop(F64, FloatOp::Max),
            O::F32Sqrt => self.float_unary(F32, FloatUnary::Sqrt),
            O::F32Ceil => self.float_unary(F32, FloatUnary::Ceil),
            O::F32Floor => self.float_unary(F32, FloatUnary::Floor),
            O::F32Trunc => self.float_unary(F32, FloatUnary::Trunc),
            O::F32Nearest => self.float_unary(F32, FloatUnary::Nearest),
            O::F32Abs => self.float_unary(F32, FloatUnary::Abs),
            O::F32Neg => self.float_unary(F32, FloatUnary::Neg),
            O::F64Sqrt => self.float_unary(F64, FloatUnary::Sqrt),
            O::F64Ceil => self.float_unary(F64, FloatUnary::Ceil),
            O::F64Floor => self.float_unary(F64, FloatUnary::Floor),
            O::F64Trunc => self.float_unary(F64, FloatUnary::Trunc),
            O::F64Nearest => self.float_unary(F64, FloatUnary::Nearest),
            O::F64Abs => self.float_unary(F64, FloatUnary::Abs),
            O::F64Neg => self.float_unary(F64, FloatUnary::Neg),
            O::F32Copysign => self.copysign(F32),
            O::F64Copysign => self.copysign(F64),
            O::F32Eq => self.float_compare(F32, FloatCmp::Eq),
            O::F32Ne => self.float_compare(F32, FloatCmp::Ne),
            O::F32Lt => self.float_compare(F32, FloatCmp::Lt),
            O::F32Gt => self.float_compare(F32, FloatCmp::Gt),
            O::F32Le => self.float_compare(F32, FloatCmp::Le),
            O::F32Ge => self.float_compare(F32, FloatCmp::Ge),
            O::F64Eq => self.float_compare(F64, FloatCmp::Eq),
            O::F64Ne => self.float_compare(F64, FloatCmp::Ne),
            O::F64Lt => self.float_compare(F64, FloatCmp::Lt),
            O::F64Gt => self.float_compare(F64, FloatCmp::Gt),
            O::F64Le => self.float_compare(F64, FloatCmp::Le),
            O::F64Ge => self.float_compare(F64, FloatCmp::Ge),
            O::I32WrapI64 => self.wrap_or_extend(I32, 0),
            O::I64ExtendI32S => self.wrap_or_extend(I64, 1),
            O::I64ExtendI32U => self.wrap_or_extend(I64, 2),
            O::I32Extend8S => self.sign_extend(I32, 8),
            O::I32Extend16S => self.sign_extend(I32, 16),
            O::I64Extend8S => self.sign_extend(I64, 8),
            O::I64Extend16S => self.sign_extend(I64, 16),
            O::I64Extend32S => self.sign_extend(I64, 32),
            O::I32ReinterpretF32 => self.reinterpret(I32),
            O::I64ReinterpretF64 => self.reinterpret(I64),
            O::F32ReinterpretI32 => self.reinterpret(F32),
            O::F64ReinterpretI64 => self.reinterpret(F64),
            O::F32DemoteF64 => self.float_convert(F32),
            O::F64PromoteF32 => self.float_convert(F64),
            O::F32ConvertI32S => self.int_to_float(F32, I32, true),
            O::F32ConvertI32U => self.int_to_float(F32, I32, false),
            O::F32ConvertI64S => self.int_to_float(F32, I64, true),
            O::F32ConvertI64U => self.int_to_float(F32, I64, false),
            O::F64ConvertI32S => self.int_to_float(F64, I32, true),
            O::F64ConvertI32U => self.int_to_float(F64, I32, false),
            O::F64ConvertI64S => self.int_to_float(F64, I64, true),
            O::F64ConvertI64U => self.int_to_float(F64, I64, false),
            O::I32TruncF32S => self.float_to_int(I32, F32, true, false),
            O::I32TruncF32U => self.float_to_int(I32, F32, false, false),
            O::I32TruncF64S => self.float_to_int(I32, F64, true, false),
            O::I32TruncF64U => self.float_to_int(I32, F64, false, false),
            O::I64TruncF32S => self.float_to_int(I64, F32, true, false),
            O::I64TruncF32U => self.float_to_int(I64, F32, false, false),
            O::I64TruncF64S => self.float_to_int(I64, F64, true, false),
            O::I64TruncF64U => self.float_to_int(I64, F64, false, false),
            O::I32TruncSatF32S => self.float_to_int(I32, F32, true, true),
            O::I32TruncSatF32U => self.float_to_int(I32, F32, false, true),
            O::I32TruncSatF64S => self.float_to_int(I32, F64, true, true),
            O::I32TruncSatF64U => self.float_to_int(I32, F64, false, true),
            O::I64TruncSatF32S => self.float_to_int(I64, F32, true, true),
            O::I64TruncSatF32U => self.float_to_int(I64, F32, false, true),
            O::I64TruncSatF64S => self.float_to_int(I64, F64, true, true),
            O::I64TruncSatF64U => self.float_to_int(I64, F64, false, true),
            _ => return false,
        }
        true
    }

    fn int_binop(&mut self, ty: ValType, op: IntOp) {
        if self.int_binop_in_place(ty, op) {
            return;
        }
        let (_, mut rhs) = self.pop_opnd();
        let (_, mut lhs) = self.pop_opnd();
        let commutative = op != IntOp::Sub;
        let owned_reg = |o: Opnd, c: &Self| matches!(o, Opnd::Gpr(_)) && !c.is_pinned(o);
        if commutative && !owned_reg(lhs, self) && owned_reg(rhs, self) {
            std::mem::swap(&mut lhs, &mut rhs);
        }
        let wide = is_64(ty);
        let dst = self.owned_gpr(ty, lhs);
        let src = self.int_source(ty, rhs);
        self.emit_int_op(op, wide, dst, src);
        self.free(src);
        self.push_gpr(ty, dst);
    }

    /// `dst = dst op src`.
    fn emit_int_op(&mut self, op: IntOp, wide: bool, dst: Gpr, src: Opnd) {
        match op {
            IntOp::Add => alu!(self, add, wide, dst, src),
            IntOp::Sub => alu!(self, sub, wide, dst, src),
            IntOp::And => alu!(self, and, wide, dst, src),
            IntOp::Or => alu!(self, or, wide, dst, src),
            IntOp::Xor => alu!(self, xor, wide, dst, src),
            IntOp::Mul => match (src, wide) {
                (Opnd::Imm(i), true) => {
                    dynasm!(self.asm ; .arch x64 ; imul Rq(dst), Rq(dst), i as i32)
                }
                (Opnd::Imm(i), false) => {
                    dynasm!(self.asm ; .arch x64 ; imul Rd(dst), Rd(dst), i as i32)
                }
                _ => alu_rm!(self, imul, wide, dst, src),
            },
        }
    }

    /// `local.set $x (op (local.get $x) y)` with `$x` in a register: computes into that
    /// register and consumes the `local.set`/`local.tee` (plain versions only: an
    /// instrumented version keeps a breakable point between the two operators).
    fn int_binop_in_place(&mut self, ty: ValType, op: IntOp) -> bool {
        let Some((x, tee)) = self.next_set else {
            return false;
        };
        let len = self.stack.len();
        if self.instrumented || len < 2 || self.stack.get(len - 2).loc != Loc::Local(x) {
            return false;
        }
        let Some(Loc::Gpr(dst)) = self.pinned[x as usize] else {
            return false;
        };
        let (_, rhs) = self.pop_opnd();
        self.stack.pop();
        // Values still on the stack that read `$x` lazily must see its old value.
        self.spill_local_refs(x);
        let wide = is_64(ty);
        let src = self.int_source(ty, rhs);
        self.emit_int_op(op, wide, dst, src);
        self.write_through(x);
        self.free(src);
        if tee {
            self.stack.push(ty, Loc::Local(x));
        }
        self.set_done = Some(x);
        true
    }

    fn shift(&mut self, ty: ValType, op: ShiftOp) {
        let (_, rhs) = self.pop_opnd();
        let (_, lhs) = self.pop_opnd();
        let wide = is_64(ty);
        let dst = self.owned_gpr(ty, lhs);
        macro_rules! sh {
            ($ins:ident) => {
                if let Opnd::Imm(i) = rhs {
                    let n = (i & if wide { 63 } else { 31 }) as i8;
                    if wide {
                        dynasm!(self.asm ; .arch x64 ; $ins Rq(dst), n)
                    } else {
                        dynasm!(self.asm ; .arch x64 ; $ins Rd(dst), n)
                    }
                } else {
                    // rcx may be a loop's home ("DESIGN: loop homes"): rax keeps it, or
                    // xmm15 where rax is a home too.
                    let keep = self.is_pinned(Opnd::Gpr(RCX));
                    let in_xmm = keep && self.rax_is_home();
                    if in_xmm {
                        dynasm!(self.asm ; .arch x64 ; movq Rx(XSCRATCH), rcx);
                    } else if keep {
                        dynasm!(self.asm ; .arch x64 ; mov rax, rcx);
                    }
                    self.load_gpr(ValType::I32, rhs, RCX);
                    if wide {
                        dynasm!(self.asm ; .arch x64 ; $ins Rq(dst), cl)
                    } else {
                        dynasm!(self.asm ; .arch x64 ; $ins Rd(dst), cl)
                    }
                    if in_xmm {
                        dynasm!(self.asm ; .arch x64 ; movq rcx, Rx(XSCRATCH));
                    } else if keep {
                        dynasm!(self.asm ; .arch x64 ; mov rcx, rax);
                    }
                }
            };
        }
        match op {
            ShiftOp::Shl => sh!(shl),
            ShiftOp::ShrS => sh!(sar),
            ShiftOp::ShrU => sh!(shr),
            ShiftOp::Rotl => sh!(rol),
            ShiftOp::Rotr => sh!(ror),
        }
        self.free(rhs);
        self.push_gpr(ty, dst);
    }

    fn divide(&mut self, ty: ValType, op: DivOp) {
        let (_, rhs) = self.pop_opnd();
        let (_, lhs) = self.pop_opnd();
        let wide = is_64(ty);
        // Result register first: allocation may spill through rax.
        let dst = self.alloc_gpr();
        let divisor = match rhs {
            Opnd::Gpr(r) => r,
            _ => {
                self.load_gpr(ty, rhs, RCX);
                RCX
            }
        };
        self.load_gpr(ty, lhs, RAX);
        self.free(lhs);
        let div0 = self.trap_site(TrapKind::IntegerDivideByZero);
        if wide {
            dynasm!(self.asm ; .arch x64 ; test Rq(divisor), Rq(divisor) ; jz =>div0);
        } else {
            dynasm!(self.asm ; .arch x64 ; test Rd(divisor), Rd(divisor) ; jz =>div0);
        }
        match op {
            DivOp::DivS => {
                let overflow = self.trap_site(TrapKind::IntegerOverflow);
                let ok = self.asm.new_dynamic_label();
                if wide {
                    dynasm!(self.asm
                        ; .arch x64
                        ; cmp Rq(divisor), -1
                        ; jne =>ok
                        ; mov rdx, QWORD i64::MIN
                        ; cmp rax, rdx
                        ; je =>overflow
                        ; =>ok
                        ; cqo
                        ; idiv Rq(divisor)
                        ; mov Rq(dst), rax
                    );
                } else {
                    dynasm!(self.asm
                        ; .arch x64
                        ; cmp Rd(divisor), -1
                        ; jne =>ok
                        ; cmp eax, i32::MIN
                        ; je =>overflow
                        ; =>ok
                        ; cdq
                        ; idiv Rd(divisor)
                        ; mov Rd(dst), eax
                    );
                }
            }
            DivOp::RemS => {
                let normal = self.asm.new_dynamic_label();
                let done = self.asm.new_dynamic_label();
                if wide {
                    dynasm!(self.asm
                        ; .arch x64
                        ; cmp Rq(divisor), -1
                        ; jne =>normal
                        ; xor edx, edx
                        ; jmp =>done
                        ; =>normal
                        ; cqo
                        ; idiv Rq(divisor)
                        ; =>done
                        ; mov Rq(dst), rdx
                    );
                } else {
                    dynasm!(self.asm
                        ; .arch x64
                        ; cmp Rd(divisor), -1
                        ; jne =>normal
                        ; xor edx, edx
                        ; jmp =>done
                        ; =>normal
                        ; cdq
                        ; idiv Rd(divisor)
                        ; =>done
                        ; mov Rd(dst), edx
                    );
                }
            }
            DivOp::DivU | DivOp::RemU => {
                if wide {
                    dynasm!(self.asm ; .arch x64 ; xor edx, edx ; div Rq(divisor));
                } else {
                    dynasm!(self.asm ; .arch x64 ; xor edx, edx ; div Rd(divisor));
                }
                let result = if op == DivOp::DivU { RAX } else { RDX };
                if wide {
                    dynasm!(self.asm ; .arch x64 ; mov Rq(dst), Rq(result));
                } else {
                    dynasm!(self.asm ; .arch x64 ; mov Rd(dst), Rd(result));
                }
            }
        }
        self.free(rhs);
        self.push_gpr(ty, dst);
    }

    /// clz (0), ctz (1), popcnt (2).
    fn count_bits(&mut self, ty: ValType, which: u8) {
        let (_, src) = self.pop_opnd();
        let wide = is_64(ty);
        if let Opnd::Imm(value) = src {
            // Folded (rcx may be a loop's home: "DESIGN: loop homes").
            let (value, bits) = if wide {
                (value, 64)
            } else {
                (value & 0xffff_ffff, 32)
            };
            let count = match which {
                0 => value.leading_zeros() - (64 - bits),
                1 => value.trailing_zeros().min(bits),
                _ => value.count_ones(),
            };
            self.stack.push(ty, Loc::Const(u64::from(count)));
            return;
        }
        let dst = self.alloc_gpr();
        let bits = if wide { 64 } else { 32 };
        if which < 2 && self.rax_is_home() {
            // rax is a loop's home ("DESIGN: loop homes"): a zero input jumps over the
            // scan's result instead of selecting a constant from rax.
            let scanned = self.asm.new_dynamic_label();
            if which == 0 {
                alu_rm!(self, bsr, wide, dst, src);
            } else {
                alu_rm!(self, bsf, wide, dst, src);
            }
            let zero_result = if which == 0 { -1 } else { bits };
            dynasm!(self.asm ; .arch x64 ; jnz =>scanned ; mov Rq(dst), zero_result ; =>scanned);
            if which == 0 {
                if wide {
                    dynasm!(self.asm ; .arch x64 ; neg Rq(dst) ; add Rq(dst), bits - 1);
                } else {
                    dynasm!(self.asm ; .arch x64 ; neg Rd(dst) ; add Rd(dst), bits - 1);
                }
            }
            self.free(src);
            self.push_gpr(ty, dst);
            return;
        }
        match which {
            0 => {
                // bsr finds the highest set bit; zero input leaves ZF set.
                dynasm!(self.asm ; .arch x64 ; mov rax, -1);
                alu_rm!(self, bsr, wide, dst, src);
                if wide {
                    dynasm!(self.asm ; .arch x64
                        ; cmovz Rq(dst), rax ; neg Rq(dst) ; add Rq(dst), bits - 1);
                } else {
                    dynasm!(self.asm ; .arch x64
                        ; cmovz Rd(dst), eax ; neg Rd(dst) ; add Rd(dst), bits - 1);
                }
            }
            1 => {
                dynasm!(self.asm ; .arch x64 ; mov eax, bits);
                alu_rm!(self, bsf, wide, dst, src);
                if wide {
                    dynasm!(self.asm ; .arch x64 ; cmovz Rq(dst), rax);
                } else {
                    dynasm!(self.asm ; .arch x64 ; cmovz Rd(dst), eax);
                }
            }
            _ => alu_rm!(self, popcnt, wide, dst, src),
        }
        self.free(src);
        self.push_gpr(ty, dst);
    }

    fn eqz(&mut self, ty: ValType) {
        if let Some(e) = self.stack.top() {
            if let Loc::Flags(c) = e.loc {
                self.stack.pop();
                self.stack.push(ValType::I32, Loc::Flags(c.invert()));
                return;
            }
        }
        let (_, src) = self.pop_opnd();
        match src {
            Opnd::Imm(bits) => {
                let zero = if is_64(ty) {
                    bits == 0
                } else {
                    bits as u32 == 0
                };
                self.stack.push(ValType::I32, Loc::Const(zero as u64));
                return;
            }
            Opnd::Gpr(r) => {
                if is_64(ty) {
                    dynasm!(self.asm ; .arch x64 ; test Rq(r), Rq(r));
                } else {
                    dynasm!(self.asm ; .arch x64 ; test Rd(r), Rd(r));
                }
            }
            Opnd::Mem(d) => {
                if is_64(ty) {
                    dynasm!(self.asm ; .arch x64 ; cmp QWORD [rbp + d], 0);
                } else {
                    dynasm!(self.asm ; .arch x64 ; cmp DWORD [rbp + d], 0);
                }
            }
            Opnd::Xmm(_) => unreachable!(),
        }
        self.free(src);
        self.stack.push(ValType::I32, Loc::Flags(Cond::E));
    }

    fn int_compare(&mut self, ty: ValType, cond: Cond) {
        let (_, mut rhs) = self.pop_opnd();
        let (_, mut lhs) = self.pop_opnd();
        let mut cond = cond;
        if let (Opnd::Imm(a), Opnd::Imm(b)) = (lhs, rhs) {
            let value = const_compare(ty, cond, a, b);
            self.stack.push(ValType::I32, Loc::Const(value as u64));
            return;
        }
        if matches!(lhs, Opnd::Imm(_)) {
            std::mem::swap(&mut lhs, &mut rhs);
            cond = swap_cond(cond);
        }
        let wide = is_64(ty);
        let rhs_src = self.int_source(ty, rhs);
        match lhs {
            Opnd::Gpr(r) => alu!(self, cmp, wide, r, rhs_src),
            Opnd::Mem(d) => match rhs_src {
                Opnd::Imm(i) => {
                    if wide {
                        dynasm!(self.asm ; .arch x64 ; cmp QWORD [rbp + d], i as i32);
                    } else {
                        dynasm!(self.asm ; .arch x64 ; cmp DWORD [rbp + d], i as i32);
                    }
                }
                Opnd::Gpr(s) => {
                    if wide {
                        dynasm!(self.asm ; .arch x64 ; cmp [rbp + d], Rq(s));
                    } else {
                        dynasm!(self.asm ; .arch x64 ; cmp [rbp + d], Rd(s));
                    }
                }
                _ => {
                    // Both in slots: rax is free (rdx may be a loop's home), or a
                    // temporary where rax is a home too.
                    let r = self.int_scratch();
                    self.load_gpr(ty, lhs, r);
                    alu!(self, cmp, wide, r, rhs_src);
                    self.free(Opnd::Gpr(r));
                }
            },
            _ => unreachable!("lhs is a register or memory after swapping"),
        }
        self.free(lhs);
        self.free(rhs_src);
        self.stack.push(ValType::I32, Loc::Flags(cond));
    }

    fn float_binop(&mut self, ty: ValType, op: FloatOp) {
        let (_, rhs) = self.pop_opnd();
        let (_, lhs) = self.pop_opnd();
        let dst = self.owned_xmm(ty, lhs);
        let src = self.float_source(ty, rhs);
        let wide = is_64(ty);
        match (op, wide) {
            (FloatOp::Add, false) => sse!(self, addss, DWORD, dst, src),
            (FloatOp::Add, true) => sse!(self, addsd, QWORD, dst, src),
            (FloatOp::Sub, false) => sse!(self, subss, DWORD, dst, src),
            (FloatOp::Sub, true) => sse!(self, subsd, QWORD, dst, src),
            (FloatOp::Mul, false) => sse!(self, mulss, DWORD, dst, src),
            (FloatOp::Mul, true) => sse!(self, mulsd, QWORD, dst, src),
            (FloatOp::Div, false) => sse!(self, divss, DWORD, dst, src),
            (FloatOp::Div, true) => sse!(self, divsd, QWORD, dst, src),
            (FloatOp::Min | FloatOp::Max, _) => {
                let src = match src {
                    Opnd::Mem(_) => {
                        self.load_xmm(ty, src, XSCRATCH);
                        Opnd::Xmm(XSCRATCH)
                    }
                    o => o,
                };
                let Opnd::Xmm(s) = src else { unreachable!() };
                self.min_max(wide, op == FloatOp::Min, dst, s);
            }
        }
        self.free(src);
        self.push_xmm(ty, dst);
    }

    /// IEEE min/max as wasm defines them: NaN if either input is NaN, -0 < +0.
    fn min_max(&mut self, wide: bool, min: bool, dst: Xmm, src: Xmm) {
        let nan = self.asm.new_dynamic_label();
        let equal = self.asm.new_dynamic_label();
        let done = self.asm.new_dynamic_label();
        if wide {
            dynasm!(self.asm ; .arch x64 ; ucomisd Rx(dst), Rx(src));
        } else {
            dynasm!(self.asm ; .arch x64 ; ucomiss Rx(dst), Rx(src));
        }
        dynasm!(self.asm ; .arch x64 ; jp =>nan ; je =>equal);
        match (min, wide) {
            (true, true) => dynasm!(self.asm ; .arch x64 ; minsd Rx(dst), Rx(src)),
            (true, false) => dynasm!(self.asm ; .arch x64 ; minss Rx(dst), Rx(src)),
            (false, true) => dynasm!(self.asm ; .arch x64 ; maxsd Rx(dst), Rx(src)),
            (false, false) => dynasm!(self.asm ; .arch x64 ; maxss Rx(dst), Rx(src)),
        }
        dynasm!(self.asm ; .arch x64 ; jmp =>done ; =>equal);
        // Equal values differ at most in the sign of zero: min ORs the signs, max ANDs.
        if min {
            dynasm!(self.asm ; .arch x64 ; orps Rx(dst), Rx(src));
        } else {
            dynasm!(self.asm ; .arch x64 ; andps Rx(dst), Rx(src));
        }
        dynasm!(self.asm ; .arch x64 ; jmp =>done ; =>nan);
        // An arithmetic NaN: adding propagates the (quieted) NaN operand.
        if wide {
            dynasm!(self.asm ; .arch x64 ; addsd Rx(dst), Rx(src));
        } else {
            dynasm!(self.asm ; .arch x64 ; addss Rx(dst), Rx(src));
        }
        dynasm!(self.asm ; .arch x64 ; =>done);
    }

    fn float_unary(&mut self, ty: ValType, op: FloatUnary) {
        let (_, src) = self.pop_opnd();
        let wide = is_64(ty);
        let dst = self.owned_xmm(ty, src);
        let mode = match op {
            FloatUnary::Nearest => Some(0i8),
            FloatUnary::Floor => Some(1),
            FloatUnary::Ceil => Some(2),
            FloatUnary::Trunc => Some(3),
            _ => None,
        };
        if let Some(mode) = mode {
            if wide {
                dynasm!(self.asm ; .arch x64 ; roundsd Rx(dst), Rx(dst), mode);
            } else {
                dynasm!(self.asm ; .arch x64 ; roundss Rx(dst), Rx(dst), mode);
            }
        } else {
            match (op, wide) {
                (FloatUnary::Sqrt, true) => dynasm!(self.asm ; .arch x64 ; sqrtsd Rx(dst), Rx(dst)),
                (FloatUnary::Sqrt, false) => {
                    dynasm!(self.asm ; .arch x64 ; sqrtss Rx(dst), Rx(dst))
                }
                (FloatUnary::Abs, true) => dynasm!(self.asm ; .arch x64
                    ; movq rax, Rx(dst) ; btr rax, 63 ; movq Rx(dst), rax),
                (FloatUnary::Abs, false) => dynasm!(self.asm ; .arch x64
                    ; movd eax, Rx(dst) ; and eax, 0x7fff_ffff ; movd Rx(dst), eax),
                (FloatUnary::Neg, true) => dynasm!(self.asm ; .arch x64
                    ; movq rax, Rx(dst) ; btc rax, 63 ; movq Rx(dst), rax),
                (FloatUnary::Neg, false) => dynasm!(self.asm ; .arch x64
                    ; movd eax, Rx(dst) ; xor eax, i32::MIN ; movd Rx(dst), eax),
                _ => unreachable!(),
            }
        }
        self.push_xmm(ty, dst);
    }

    fn copysign(&mut self, ty: ValType) {
        let (_, rhs) = self.pop_opnd();
        let (_, lhs) = self.pop_opnd();
        let dst = self.owned_xmm(ty, lhs);
        let int_ty = if is_64(ty) {
            ValType::I64
        } else {
            ValType::I32
        };
        self.load_gpr(int_ty, rhs, RCX);
        self.free(rhs);
        if is_64(ty) {
            dynasm!(self.asm
                ; .arch x64
                ; movq rax, Rx(dst)
                ; btr rax, 63
                ; shr rcx, 63
                ; shl rcx, 63
                ; or rax, rcx
                ; movq Rx(dst), rax
            );
        } else {
            dynasm!(self.asm
                ; .arch x64
                ; movd eax, Rx(dst)
                ; and eax, 0x7fff_ffff
                ; and ecx, i32::MIN
                ; or eax, ecx
                ; movd Rx(dst), eax
            );
        }
        self.push_xmm(ty, dst);
    }

    fn float_compare(&mut self, ty: ValType, cmp: FloatCmp) {
        let (_, rhs) = self.pop_opnd();
        let (_, lhs) = self.pop_opnd();
        // lt/le compare with swapped operands so that "above" means the relation holds and
        // an unordered (NaN) result is false.
        let (a, b) = match cmp {
            FloatCmp::Lt | FloatCmp::Le => (rhs, lhs),
            _ => (lhs, rhs),
        };
        let dst = if matches!(cmp, FloatCmp::Eq | FloatCmp::Ne) {
            Some(self.alloc_gpr())
        } else {
            None
        };
        let ra = self.owned_xmm(ty, a);
        let sb = self.float_source(ty, b);
        if is_64(ty) {
            sse!(self, ucomisd, QWORD, ra, sb);
        } else {
            sse!(self, ucomiss, DWORD, ra, sb);
        }
        self.free(Opnd::Xmm(ra));
        self.free(sb);
        match cmp {
            FloatCmp::Gt | FloatCmp::Lt => self.stack.push(ValType::I32, Loc::Flags(Cond::A)),
            FloatCmp::Ge | FloatCmp::Le => self.stack.push(ValType::I32, Loc::Flags(Cond::Ae)),
            FloatCmp::Eq => {
                let r = dst.unwrap();
                dynasm!(self.asm ; .arch x64
                    ; sete Rb(r) ; setnp al ; and Rb(r), al ; movzx Rd(r), Rb(r));
                self.push_gpr(ValType::I32, r);
            }
            FloatCmp::Ne => {
                let r = dst.unwrap();
                dynasm!(self.asm ; .arch x64
                    ; setne Rb(r) ; setp al ; or Rb(r), al ; movzx Rd(r), Rb(r));
                self.push_gpr(ValType::I32, r);
            }
        }
    }

    /// wrap (0), extend_s (1), extend_u (2) between i32 and i64.
    fn wrap_or_extend(&mut self, to: ValType, how: u8) {
        let (from, src) = self.pop_opnd();
        if let Opnd::Imm(bits) = src {
            let v = match how {
                0 => bits as u32 as u64,
                1 => bits as u32 as i32 as i64 as u64,
                _ => bits as u32 as u64,
            };
            self.stack.push(to, Loc::Const(v));
            return;
        }
        let dst = match src {
            Opnd::Gpr(r) if !self.is_pinned(src) => r,
            _ => self.alloc_gpr(),
        };
        match (how, src) {
            (1, Opnd::Gpr(r)) => dynasm!(self.asm ; .arch x64 ; movsxd Rq(dst), Rd(r)),
            (1, Opnd::Mem(d)) => dynasm!(self.asm ; .arch x64 ; movsxd Rq(dst), DWORD [rbp + d]),
            (_, Opnd::Gpr(r)) => dynasm!(self.asm ; .arch x64 ; mov Rd(dst), Rd(r)),
            (_, Opnd::Mem(d)) => dynasm!(self.asm ; .arch x64 ; mov Rd(dst), DWORD [rbp + d]),
            _ => unreachable!(),
        }
        let _ = from;
        self.push_gpr(to, dst);
    }

    fn sign_extend(&mut self, ty: ValType, bits: u8) {
        let (_, src) = self.pop_opnd();
        let dst = self.owned_gpr(ty, src);
        match (is_64(ty), bits) {
            (false, 8) => dynasm!(self.asm ; .arch x64 ; movsx Rd(dst), Rb(dst)),
            (false, _) => dynasm!(self.asm ; .arch x64 ; movsx Rd(dst), Rw(dst)),
            (true, 8) => dynasm!(self.asm ; .arch x64 ; movsx Rq(dst), Rb(dst)),
            (true, 16) => dynasm!(self.asm ; .arch x64 ; movsx Rq(dst), Rw(dst)),
            (true, _) => dynasm!(self.asm ; .arch x64 ; movsxd Rq(dst), Rd(dst)),
        }
        self.push_gpr(ty, dst);
    }

    fn reinterpret(&mut self, to: ValType) {
        let (_, src) = self.pop_opnd();
        match src {
            Opnd::Imm(bits) => self.stack.push(to, Loc::Const(bits)),
            _ if to.is_float() => {
                let x = self.alloc_xmm();
                self.load_xmm(to, src, x);
                self.free(src);
                self.push_xmm(to, x);
            }
            _ => {
                let r = self.alloc_gpr();
                self.load_gpr(to, src, r);
                self.free(src);
                self.push_gpr(to, r);
            }
        }
    }

    /// f32.demote_f64 (to F32) and f64.promote_f32 (to F64).
    fn float_convert(&mut self, to: ValType) {
        let (from, src) = self.pop_opnd();
        let dst = self.owned_xmm(from, src);
        if to == ValType::F32 {
            dynasm!(self.asm ; .arch x64 ; cvtsd2ss Rx(dst), Rx(dst));
        } else {
            dynasm!(self.asm ; .arch x64 ; cvtss2sd Rx(dst), Rx(dst));
        }
        self.push_xmm(to, dst);
    }

    fn int_to_float(&mut self, to: ValType, from: ValType, signed: bool) {
        let (_, src) = self.pop_opnd();
        let dst = self.alloc_xmm();
        let wide_to = is_64(to);
        // Source into rcx, widened so unsigned 32-bit values convert exactly.
        if !signed && from == ValType::I32 || from == ValType::I64 {
            self.load_gpr(from, src, RCX);
        } else {
            self.load_gpr(ValType::I32, src, RCX);
            dynasm!(self.asm ; .arch x64 ; movsxd rcx, ecx);
        }
        self.free(src);
        dynasm!(self.asm ; .arch x64 ; xorps Rx(dst), Rx(dst));
        if signed || from == ValType::I32 {
            if wide_to {
                dynasm!(self.asm ; .arch x64 ; cvtsi2sd Rx(dst), rcx);
            } else {
                dynasm!(self.asm ; .arch x64 ; cvtsi2ss Rx(dst), rcx);
            }
        } else {
            // u64: halve (keeping the low bit, so rounding stays correct) and double.
            let big = self.asm.new_dynamic_label();
            let done = self.asm.new_dynamic_label();
            dynasm!(self.asm ; .arch x64 ; test rcx, rcx ; js =>big);
            if wide_to {
                dynasm!(self.asm ; .arch x64 ; cvtsi2sd Rx(dst), rcx);
            } else {
                dynasm!(self.asm ; .arch x64 ; cvtsi2ss Rx(dst), rcx);
            }
            dynasm!(self.asm
                ; .arch x64
                ; jmp =>done
                ; =>big
                ; mov rax, rcx
                ; shr rax, 1
                ; and ecx, 1
                ; or rax, rcx
            );
            if wide_to {
                dynasm!(self.asm ; .arch x64 ; cvtsi2sd Rx(dst), rax ; addsd Rx(dst), Rx(dst));
            } else {
                dynasm!(self.asm ; .arch x64 ; cvtsi2ss Rx(dst), rax ; addss Rx(dst), Rx(dst));
            }
            dynasm!(self.asm ; .arch x64 ; =>done);
        }
        self.push_xmm(to, dst);
    }

    /// Loads the float constant `value` (of type `ty`) into xmm15.
    fn float_constant(&mut self, ty: ValType, value: f64) {
        let bits = if is_64(ty) {
            value.to_bits()
        } else {
            (value as f32).to_bits() as u64
        };
        self.load_xmm(ty, Opnd::Imm(bits), XSCRATCH);
    }

    fn ucomi(&mut self, ty: ValType, a: Xmm, b: Xmm) {
        if is_64(ty) {
            dynasm!(self.asm ; .arch x64 ; ucomisd Rx(a), Rx(b));
        } else {
            dynasm!(self.asm ; .arch x64 ; ucomiss Rx(a), Rx(b));
        }
    }

    fn cvtt(&mut self, from: ValType, dst: Gpr, src: Xmm) {
        if is_64(from) {
            dynasm!(self.asm ; .arch x64 ; cvttsd2si Rq(dst), Rx(src));
        } else {
            dynasm!(self.asm ; .arch x64 ; cvttss2si Rq(dst), Rx(src));
        }
    }

    /// Float to integer, trapping (or saturating) outside the integer's range.
    fn float_to_int(&mut self, to: ValType, from: ValType, signed: bool, saturating: bool) {
        let (_, src) = self.pop_opnd();
        let dst = self.alloc_gpr();
        let x = match src {
            Opnd::Xmm(x) => x,
            _ => {
                self.load_xmm(from, src, XSCRATCH2);
                XSCRATCH2
            }
        };
        // Exclusive bounds: values <= lo or >= hi are out of range. Each is exactly
        // representable in the source type (or the nearest representable value outside).
        let wide = is_64(to);
        let (lo, hi): (f64, f64) = match (wide, signed, is_64(from)) {
            (false, true, true) => (-2147483649.0, 2147483648.0),
            (false, true, false) => (-2147483904.0, 2147483648.0),
            (false, false, _) => (-1.0, 4294967296.0),
            (true, true, true) => (-9223372036854777856.0, 9223372036854775808.0),
            (true, true, false) => (-9223373136366403584.0, 9223372036854775808.0),
            (true, false, _) => (-1.0, 18446744073709551616.0),
        };
        let done = self.asm.new_dynamic_label();
        let in_range = self.asm.new_dynamic_label();
        if saturating {
            let nan = self.asm.new_dynamic_label();
            let low = self.asm.new_dynamic_label();
            let high = self.asm.new_dynamic_label();
            self.ucomi(from, x, x);
            dynasm!(self.asm ; .arch x64 ; jp =>nan);
            self.float_constant(from, lo);
            self.ucomi(from, x, XSCRATCH);
            dynasm!(self.asm ; .arch x64 ; jbe =>low);
            self.float_constant(from, hi);
            self.ucomi(from, x, XSCRATCH);
            dynasm!(self.asm ; .arch x64 ; jae =>high ; jmp =>in_range ; =>nan);
            dynasm!(self.asm ; .arch x64 ; xor Rd(dst), Rd(dst) ; jmp =>done ; =>low);
            let (min, max): (i64, u64) = match (wide, signed) {
                (false, true) => (i32::MIN as i64 as u32 as i64, i32::MAX as u64),
                (false, false) => (0, u32::MAX as u64),
                (true, true) => (i64::MIN, i64::MAX as u64),
                (true, false) => (0, u64::MAX),
            };
            dynasm!(self.asm ; .arch x64 ; mov Rq(dst), QWORD min ; jmp =>done ; =>high);
            dynasm!(self.asm ; .arch x64 ; mov Rq(dst), QWORD max as i64 ; jmp =>done);
        } else {
            let invalid = self.trap_site(TrapKind::BadConversionToInteger);
            let overflow = self.trap_site(TrapKind::IntegerOverflow);
            self.ucomi(from, x, x);
            dynasm!(self.asm ; .arch x64 ; jp =>invalid);
            self.float_constant(from, lo);
            self.ucomi(from, x, XSCRATCH);
            dynasm!(self.asm ; .arch x64 ; jbe =>overflow);
            self.float_constant(from, hi);
            self.ucomi(from, x, XSCRATCH);
            dynasm!(self.asm ; .arch x64 ; jae =>overflow);
        }
        dynasm!(self.asm ; .arch x64 ; =>in_range);
        if wide && !signed {
            // [2^63, 2^64): subtract 2^63 before converting, then set the top bit.
            let small = self.asm.new_dynamic_label();
            self.float_constant(from, 9223372036854775808.0);
            self.ucomi(from, x, XSCRATCH);
            dynasm!(self.asm ; .arch x64 ; jb =>small);
            if is_64(from) {
                dynasm!(self.asm ; .arch x64
                    ; movaps xmm14, Rx(x) ; subsd xmm14, xmm15 ; cvttsd2si Rq(dst), xmm14);
            } else {
                dynasm!(self.asm ; .arch x64
                    ; movaps xmm14, Rx(x) ; subss xmm14, xmm15 ; cvttss2si Rq(dst), xmm14);
            }
            dynasm!(self.asm ; .arch x64 ; btc Rq(dst), 63 ; jmp =>done ; =>small);
        }
        self.cvtt(from, dst, x);
        if !wide {
            dynasm!(self.asm ; .arch x64 ; mov Rd(dst), Rd(dst));
        }
        dynasm!(self.asm ; .arch x64 ; =>done);
        self.free(src);
        self.push_gpr(to, dst);
    }
}

/// Evaluates an integer comparison of two constants.
fn const_compare(ty: ValType, cond: Cond, a: u64, b: u64) -> bool {
    let (sa, sb, ua, ub) = if is_64(ty) {
        (a as i64, b as i64, a, b)
    } else {
        (
            a as u32 as i32 as i64,
            b as u32 as i32 as i64,
            a as u32 as u64,
            b as u32 as u64,
        )
    };
    match cond {
        Cond::E => ua == ub,
        Cond::Ne => ua != ub,
        Cond::L => sa < sb,
        Cond::Le => sa <= sb,
        Cond::G => sa > sb,
        Cond::Ge => sa >= sb,
        Cond::B => ua < ub,
        Cond::Be => ua <= ub,
        Cond::A => ua > ub,
        Cond::Ae => ua >= ub,
    }
}
