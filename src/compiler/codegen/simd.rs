//! SIMD (`v128`) operators: the first groups of the fixed-width SIMD instructions, on the
//! SSE4.1 baseline. Every other SIMD instruction is refused as unsupported when a module
//! is compiled (`visit`'s fallback).
//!
//! A `v128` value lives in an xmm temporary or in its two-unit frame slot ("DESIGN:
//! slots sized by type" in `compiler::stack`), never in a general-purpose register and
//! never as a folded constant: `v128.const` builds the value in a register. Slots and
//! linear memory are only 8- and 1-byte aligned, so vectors move with `movdqu` and every
//! SSE instruction takes its second operand in a register (an SSE memory operand must be
//! 16-byte aligned): a spilled operand is loaded into `XSCRATCH` first.

use super::{FuncCompiler, Opnd};
use crate::abi::regs::{Gpr, Xmm, XSCRATCH};
use crate::types::ValType;
use dynasmrt::{dynasm, DynasmApi};
use wasmparser::{MemArg, Operator};

/// `$ins dst, src` for every binary SSE operation on two vectors.
macro_rules! binop {
    ($s:ident, $ins:ident) => {{
        let (dst, src) = $s.vector_operands();
        dynasm!($s.asm ; .arch x64 ; $ins Rx(dst), Rx(src));
        $s.finish_binop(dst, src);
    }};
}

/// A vector lane index as an 8-bit immediate.
fn lane_imm(lane: u8) -> i8 {
    lane as i8
}

impl FuncCompiler<'_, '_> {
    /// Compiles a SIMD operator of the implemented groups; returns false for any other
    /// operator.
    pub(super) fn visit_simd(&mut self, op: &Operator<'_>) -> bool {
        use Operator as O;
        match *op {
            O::V128Const { value } => self.v128_const(value.i128() as u128),
            O::V128Load { memarg } => self.v128_load(memarg),
            O::V128Store { memarg } => self.v128_store(memarg),
            O::I8x16Splat => self.int_splat(8),
            O::I16x8Splat => self.int_splat(16),
            O::I32x4Splat => self.int_splat(32),
            O::I64x2Splat => self.int_splat(64),
            O::F32x4Splat => self.float_splat(ValType::F32),
            O::F64x2Splat => self.float_splat(ValType::F64),
            O::I8x16ExtractLaneS { lane } => self.int_extract(8, true, lane),
            O::I8x16ExtractLaneU { lane } => self.int_extract(8, false, lane),
            O::I16x8ExtractLaneS { lane } => self.int_extract(16, true, lane),
            O::I16x8ExtractLaneU { lane } => self.int_extract(16, false, lane),
            O::I32x4ExtractLane { lane } => self.int_extract(32, false, lane),
            O::I64x2ExtractLane { lane } => self.int_extract(64, false, lane),
            O::F32x4ExtractLane { lane } => self.float_extract(ValType::F32, lane),
            O::F64x2ExtractLane { lane } => self.float_extract(ValType::F64, lane),
            O::I8x16ReplaceLane { lane } => self.int_replace(8, lane),
            O::I16x8ReplaceLane { lane } => self.int_replace(16, lane),
            O::I32x4ReplaceLane { lane } => self.int_replace(32, lane),
            O::I64x2ReplaceLane { lane } => self.int_replace(64, lane),
            O::F32x4ReplaceLane { lane } => self.float_replace(ValType::F32, lane),
            O::F64x2ReplaceLane { lane } => self.float_replace(ValType::F64, lane),
            O::V128Not => {
                let x = self.pop_vector();
                dynasm!(self.asm
                    ; .arch x64
                    ; pcmpeqd Rx(XSCRATCH), Rx(XSCRATCH)
                    ; pxor Rx(x), Rx(XSCRATCH)
                );
                self.push_xmm(ValType::V128, x);
            }
            O::V128And => binop!(self, pand),
            O::V128Or => binop!(self, por),
            O::V128Xor => binop!(self, pxor),
            O::V128AndNot => {
                // a & !b: pandn computes !dst & src, so it runs on b's copy.
                let (a, b) = self.vector_operands();
                dynasm!(self.asm
                    ; .arch x64
                    ; movaps Rx(XSCRATCH), Rx(b)
                    ; pandn Rx(XSCRATCH), Rx(a)
                    ; movaps Rx(a), Rx(XSCRATCH)
                );
                self.finish_binop(a, b);
            }
            O::V128AnyTrue => {
                let x = self.pop_vector();
                let r = self.alloc_gpr();
                dynasm!(self.asm
                    ; .arch x64
                    ; xor Rd(r), Rd(r)
                    ; ptest Rx(x), Rx(x)
                    ; setnz Rb(r)
                );
                self.free(Opnd::Xmm(x));
                self.push_gpr(ValType::I32, r);
            }
            O::I8x16Add => binop!(self, paddb),
            O::I16x8Add => binop!(self, paddw),
            O::I32x4Add => binop!(self, paddd),
            O::I64x2Add => binop!(self, paddq),
            O::I8x16Sub => binop!(self, psubb),
            O::I16x8Sub => binop!(self, psubw),
            O::I32x4Sub => binop!(self, psubd),
            O::I64x2Sub => binop!(self, psubq),
            O::I16x8Mul => binop!(self, pmullw),
            O::I32x4Mul => binop!(self, pmulld),
            O::F32x4Add => binop!(self, addps),
            O::F32x4Sub => binop!(self, subps),
            O::F32x4Mul => binop!(self, mulps),
            O::F32x4Div => binop!(self, divps),
            O::F64x2Add => binop!(self, addpd),
            O::F64x2Sub => binop!(self, subpd),
            O::F64x2Mul => binop!(self, mulpd),
            O::F64x2Div => binop!(self, divpd),
            _ => return false,
        }
        true
    }

    /// Pops a vector into an xmm register the caller owns.
    fn pop_vector(&mut self) -> Xmm {
        let (_, v) = self.pop_opnd();
        self.owned_xmm(ValType::V128, v)
    }

    /// Pops b, then a: a in a register the caller owns (the destination), b in a
    /// register (its own, or `XSCRATCH` holding a copy of a spilled or pinned value).
    fn vector_operands(&mut self) -> (Xmm, Xmm) {
        let (_, b) = self.pop_opnd();
        let (_, a) = self.pop_opnd();
        let dst = self.owned_xmm(ValType::V128, a);
        let src = match b {
            Opnd::Xmm(x) => x,
            _ => {
                self.load_xmm(ValType::V128, b, XSCRATCH);
                XSCRATCH
            }
        };
        (dst, src)
    }

    /// Frees a binary operation's second operand and pushes its result.
    fn finish_binop(&mut self, dst: Xmm, src: Xmm) {
        if src != XSCRATCH {
            self.free(Opnd::Xmm(src));
        }
        self.push_xmm(ValType::V128, dst);
    }

    fn v128_const(&mut self, bits: u128) {
        let x = self.alloc_xmm();
        let (low, high) = (bits as u64, (bits >> 64) as u64);
        if bits == 0 {
            dynasm!(self.asm ; .arch x64 ; pxor Rx(x), Rx(x));
        } else if bits == u128::MAX {
            dynasm!(self.asm ; .arch x64 ; pcmpeqd Rx(x), Rx(x));
        } else {
            dynasm!(self.asm
                ; .arch x64
                ; mov rax, QWORD low as i64
                ; movq Rx(x), rax
                ; mov rax, QWORD high as i64
                ; pinsrq Rx(x), rax, 1
            );
        }
        self.push_xmm(ValType::V128, x);
    }

    fn v128_load(&mut self, memarg: MemArg) {
        let (_, addr_opnd) = self.pop_opnd();
        let x = self.alloc_xmm();
        let addr = self.address(addr_opnd, memarg.offset, 16);
        match addr {
            super::memory::Addr::Disp(d) => {
                dynasm!(self.asm ; .arch x64 ; movdqu Rx(x), [r14 + d])
            }
            super::memory::Addr::Index(i, d) => {
                dynasm!(self.asm ; .arch x64 ; movdqu Rx(x), [r14 + Rq(i) + d])
            }
        }
        self.free(addr_opnd);
        self.push_xmm(ValType::V128, x);
    }

    fn v128_store(&mut self, memarg: MemArg) {
        let (_, value) = self.pop_opnd();
        // The value in a register before the address uses rax, rcx and rdx.
        let x = match value {
            Opnd::Xmm(x) => x,
            _ => {
                self.load_xmm(ValType::V128, value, XSCRATCH);
                XSCRATCH
            }
        };
        let (_, addr_opnd) = self.pop_opnd();
        let addr = self.address(addr_opnd, memarg.offset, 16);
        match addr {
            super::memory::Addr::Disp(d) => {
                dynasm!(self.asm ; .arch x64 ; movdqu [r14 + d], Rx(x))
            }
            super::memory::Addr::Index(i, d) => {
                dynasm!(self.asm ; .arch x64 ; movdqu [r14 + Rq(i) + d], Rx(x))
            }
        }
        if x != XSCRATCH {
            self.free(Opnd::Xmm(x));
        }
        self.free(addr_opnd);
    }

    /// An integer scalar (in a general-purpose register the caller owns) and its type.
    fn pop_int(&mut self, bits: u32) -> Gpr {
        let ty = if bits == 64 {
            ValType::I64
        } else {
            ValType::I32
        };
        let (_, v) = self.pop_opnd();
        self.owned_gpr(ty, v)
    }

    fn int_splat(&mut self, bits: u32) {
        let r = self.pop_int(bits);
        let x = self.alloc_xmm();
        match bits {
            8 => dynasm!(self.asm
                ; .arch x64
                ; movd Rx(x), Rd(r)
                ; pxor Rx(XSCRATCH), Rx(XSCRATCH)
                ; pshufb Rx(x), Rx(XSCRATCH)
            ),
            16 => dynasm!(self.asm
                ; .arch x64
                ; movd Rx(x), Rd(r)
                ; pshuflw Rx(x), Rx(x), 0
                ; punpcklqdq Rx(x), Rx(x)
            ),
            32 => dynasm!(self.asm
                ; .arch x64
                ; movd Rx(x), Rd(r)
                ; pshufd Rx(x), Rx(x), 0
            ),
            _ => dynasm!(self.asm
                ; .arch x64
                ; movq Rx(x), Rq(r)
                ; punpcklqdq Rx(x), Rx(x)
            ),
        }
        self.free(Opnd::Gpr(r));
        self.push_xmm(ValType::V128, x);
    }

    fn float_splat(&mut self, ty: ValType) {
        let (_, v) = self.pop_opnd();
        let x = self.owned_xmm(ty, v);
        if ty == ValType::F32 {
            dynasm!(self.asm ; .arch x64 ; shufps Rx(x), Rx(x), 0);
        } else {
            dynasm!(self.asm ; .arch x64 ; unpcklpd Rx(x), Rx(x));
        }
        self.push_xmm(ValType::V128, x);
    }

    fn int_extract(&mut self, bits: u32, signed: bool, lane: u8) {
        let x = self.pop_vector();
        let r = self.alloc_gpr();
        let imm = lane_imm(lane);
        match (bits, signed) {
            (8, false) => dynasm!(self.asm ; .arch x64 ; pextrb Rd(r), Rx(x), imm),
            (8, true) => dynasm!(self.asm
                ; .arch x64
                ; pextrb Rd(r), Rx(x), imm
                ; movsx Rd(r), Rb(r)
            ),
            (16, false) => dynasm!(self.asm ; .arch x64 ; pextrw Rd(r), Rx(x), imm),
            (16, true) => dynasm!(self.asm
                ; .arch x64
                ; pextrw Rd(r), Rx(x), imm
                ; movsx Rd(r), Rw(r)
            ),
            (32, _) => dynasm!(self.asm ; .arch x64 ; pextrd Rd(r), Rx(x), imm),
            _ => dynasm!(self.asm ; .arch x64 ; pextrq Rq(r), Rx(x), imm),
        }
        self.free(Opnd::Xmm(x));
        let ty = if bits == 64 {
            ValType::I64
        } else {
            ValType::I32
        };
        self.push_gpr(ty, r);
    }

    fn float_extract(&mut self, ty: ValType, lane: u8) {
        let x = self.pop_vector();
        // The lane moves to lane 0; the others are left as they are (a scalar float
        // uses only its low lane).
        match (ty, lane) {
            (_, 0) => {}
            (ValType::F32, _) => {
                let order = lane_imm(lane);
                dynasm!(self.asm ; .arch x64 ; pshufd Rx(x), Rx(x), order);
            }
            _ => dynasm!(self.asm ; .arch x64 ; movhlps Rx(x), Rx(x)),
        }
        self.push_xmm(ty, x);
    }

    fn int_replace(&mut self, bits: u32, lane: u8) {
        let r = self.pop_int(bits);
        let x = self.pop_vector();
        let imm = lane_imm(lane);
        match bits {
            8 => dynasm!(self.asm ; .arch x64 ; pinsrb Rx(x), Rd(r), imm),
            16 => dynasm!(self.asm ; .arch x64 ; pinsrw Rx(x), Rd(r), imm),
            32 => dynasm!(self.asm ; .arch x64 ; pinsrd Rx(x), Rd(r), imm),
            _ => dynasm!(self.asm ; .arch x64 ; pinsrq Rx(x), Rq(r), imm),
        }
        self.free(Opnd::Gpr(r));
        self.push_xmm(ValType::V128, x);
    }

    fn float_replace(&mut self, ty: ValType, lane: u8) {
        let (_, v) = self.pop_opnd();
        let s = match v {
            Opnd::Xmm(s) => s,
            _ => {
                self.load_xmm(ty, v, XSCRATCH);
                XSCRATCH
            }
        };
        let x = self.pop_vector();
        match (ty, lane) {
            (ValType::F32, _) => {
                let imm = lane_imm(lane << 4);
                dynasm!(self.asm ; .arch x64 ; insertps Rx(x), Rx(s), imm);
            }
            (_, 0) => dynasm!(self.asm ; .arch x64 ; movsd Rx(x), Rx(s)),
            _ => dynasm!(self.asm ; .arch x64 ; movlhps Rx(x), Rx(s)),
        }
        if s != XSCRATCH {
            self.free(Opnd::Xmm(s));
        }
        self.push_xmm(ValType::V128, x);
    }
}
