//! SIMD (`v128`) operators: every fixed-width SIMD instruction of WebAssembly 2.0 and
//! every relaxed SIMD instruction of 3.0, on the SSE4.1 baseline or with AVX2.
//!
//! A `v128` value lives in an xmm temporary or in its two-unit frame slot ("DESIGN:
//! slots sized by type" in `compiler::stack`), never in a general-purpose register and
//! never as a folded constant: `v128.const` builds the value in a register. Slots and
//! linear memory are only 8- and 1-byte aligned, so vectors move with `movdqu` and every
//! SSE instruction takes its second operand in a register (an SSE memory operand must be
//! 16-byte aligned): a spilled operand is loaded into `XSCRATCH` first.

// DESIGN: vector paths
// SIMD code is compiled for one of two instruction sets, chosen per engine
// (`Config::vector_instructions`, resolved on this CPU by `Config::vector_path`): the
// SSE4.1 baseline, or AVX2. Both compute every bit of every lane alike: the AVX2 path
// uses the VEX encodings of the same operations and broadcasts in place of shuffles,
// never a fused multiply-add or another instruction whose result differs, and each
// relaxed instruction has one lowering shared by both paths (`docs/simd.md` lists the
// choices). What the AVX2 path gains is code: three-operand forms drop the copies the
// destructive SSE forms need, and a second operand in a frame slot is read from the slot
// (a VEX memory operand needs no alignment) instead of through `XSCRATCH`.
// Only 128-bit VEX forms are emitted; they clear bits 128-255 of their destination, so
// no ymm register ever holds dirty upper halves and mixing them with the SSE scalar float
// code costs no state transition.
// Invariants: (1) code uses only its path's instructions, and a compiled-module file
// records the path in its settings, so a CPU without AVX2 (which resolves to SSE4.1)
// refuses a file compiled for AVX2; (2) every SIMD instruction gives bit-identical results
// on both paths: tests/simd.rs runs each one on both over edge-case and random lanes and
// compares the bits, and the spec suites run on both.

use super::{FuncCompiler, Opnd};
use crate::abi::regs::{Gpr, Xmm, XSCRATCH, XSCRATCH2};
use crate::types::ValType;
use dynasmrt::{dynasm, DynasmApi};
use wasmparser::{MemArg, Operator};

/// `$sse dst, src` for a binary operation on two vectors; `$avx dst, a, src` on the
/// AVX2 path, where a may be a pinned local's register and src a frame slot.
macro_rules! binop {
    ($s:ident, $sse:ident, $avx:ident) => {{
        let (dst, a, src) = $s.vector_operands_folded();
        match src {
            Src::Reg(x) if $s.avx() => dynasm!($s.asm ; .arch x64 ; $avx Rx(dst), Rx(a), Rx(x)),
            Src::Reg(x) => dynasm!($s.asm ; .arch x64 ; $sse Rx(dst), Rx(x)),
            Src::Slot(d) => dynasm!($s.asm ; .arch x64 ; $avx Rx(dst), Rx(a), [rbp + d]),
        }
        $s.finish_folded(dst, src);
    }};
}

/// The operation with the operands' roles swapped: computes `b $op a` into a's
/// register (for comparisons and pseudo-min/max whose x86 form has the other order).
macro_rules! swapped_binop {
    ($s:ident, $sse:ident, $avx:ident) => {{
        let (a, b) = $s.vector_operands();
        if $s.avx() {
            dynasm!($s.asm ; .arch x64 ; $avx Rx(a), Rx(b), Rx(a));
        } else {
            dynasm!($s.asm
                ; .arch x64
                ; movaps Rx(XSCRATCH2), Rx(b)
                ; $sse Rx(XSCRATCH2), Rx(a)
                ; movaps Rx(a), Rx(XSCRATCH2)
            );
        }
        $s.finish_binop(a, b);
    }};
}

/// An operation whose result lanes are then inverted (`ne` from `eq`, `le` from `gt`).
macro_rules! inverted {
    ($s:ident, $op:expr) => {{
        $op;
        $s.invert_top();
    }};
}

/// `$ins x, x` on the vector on top of the stack.
macro_rules! unop {
    ($s:ident, $ins:ident) => {{
        let x = $s.pop_vector();
        dynasm!($s.asm ; .arch x64 ; $ins Rx(x), Rx(x));
        $s.push_xmm(ValType::V128, x);
    }};
}

/// A half-width extension of the high half: the high 8 bytes moved down first.
macro_rules! high_extend {
    ($s:ident, $ins:ident) => {{
        let x = $s.pop_vector();
        dynasm!($s.asm
            ; .arch x64
            ; pshufd Rx(x), Rx(x), 0xee_u8 as i8
            ; $ins Rx(x), Rx(x)
        );
        $s.push_xmm(ValType::V128, x);
    }};
}

/// `roundps`/`roundpd` with a rounding mode (0 nearest even, 1 down, 2 up, 3 toward zero).
macro_rules! round {
    ($s:ident, $ins:ident, $mode:expr) => {{
        let x = $s.pop_vector();
        dynasm!($s.asm ; .arch x64 ; $ins Rx(x), Rx(x), $mode);
        $s.push_xmm(ValType::V128, x);
    }};
}

/// An unsigned integer comparison through min or max: `$minmax(a, b) == a`, inverted if
/// `$invert`.
macro_rules! unsigned_cmp {
    ($s:ident, $minmax:ident, $vminmax:ident, $eq:ident, $veq:ident, $invert:expr) => {{
        let (dst, a, b) = $s.vector_operands_folded();
        match b {
            Src::Reg(b) if $s.avx() => dynasm!($s.asm
                ; .arch x64
                ; $vminmax Rx(XSCRATCH2), Rx(a), Rx(b)
                ; $veq Rx(dst), Rx(a), Rx(XSCRATCH2)
            ),
            Src::Reg(b) => dynasm!($s.asm
                ; .arch x64
                ; movaps Rx(XSCRATCH2), Rx(dst)
                ; $minmax Rx(XSCRATCH2), Rx(b)
                ; $eq Rx(dst), Rx(XSCRATCH2)
            ),
            Src::Slot(d) => dynasm!($s.asm
                ; .arch x64
                ; $vminmax Rx(XSCRATCH2), Rx(a), [rbp + d]
                ; $veq Rx(dst), Rx(a), Rx(XSCRATCH2)
            ),
        }
        $s.finish_folded(dst, b);
        if $invert {
            $s.invert_top();
        }
    }};
}

/// A float comparison with a `cmpps`/`cmppd` predicate, on (b, a) if `$swap`. SSE forms on
/// both paths: dynasm 5.1 encodes `vcmpps`/`vcmppd` with their register and memory
/// operands swapped.
macro_rules! float_cmp {
    ($s:ident, $ins:ident, $predicate:expr, $swap:expr) => {{
        let (a, b) = $s.vector_operands();
        if $swap {
            dynasm!($s.asm
                ; .arch x64
                ; movaps Rx(XSCRATCH2), Rx(b)
                ; $ins Rx(XSCRATCH2), Rx(a), $predicate
                ; movaps Rx(a), Rx(XSCRATCH2)
            );
        } else {
            dynasm!($s.asm ; .arch x64 ; $ins Rx(a), Rx(b), $predicate);
        }
        $s.finish_binop(a, b);
    }};
}

/// The result lanes of an extended multiplication, signed or not.
#[derive(Clone, Copy)]
enum ExtMul {
    I16(bool),
    I32(bool),
    I64(bool),
}

/// The kind of a lane shift.
#[derive(Clone, Copy)]
enum Shift {
    Left,
    RightU,
    RightS,
}

/// `$ins xmm, [memory]` (with an optional size keyword or trailing lane immediate) for the
/// address `$a.1` into the register `$a.0`.
macro_rules! mem {
    ($s:ident, $a:expr, $ins:ident $($size:ident)?) => {{
        let (x, addr): (Xmm, super::memory::Addr) = $a;
        match addr {
            super::memory::Addr::Disp(b, d) => {
                dynasm!($s.asm ; .arch x64 ; $ins Rx(x), $($size)? [Rq(b) + d])
            }
            super::memory::Addr::Index(b, i, d) => {
                dynasm!($s.asm ; .arch x64 ; $ins Rx(x), $($size)? [Rq(b) + Rq(i) + d])
            }
        }
    }};
    ($s:ident, $a:expr, $ins:ident, $imm:expr) => {{
        let (x, addr): (Xmm, super::memory::Addr) = $a;
        let imm: i8 = $imm;
        match addr {
            super::memory::Addr::Disp(b, d) => {
                dynasm!($s.asm ; .arch x64 ; $ins Rx(x), [Rq(b) + d], imm)
            }
            super::memory::Addr::Index(b, i, d) => {
                dynasm!($s.asm ; .arch x64 ; $ins Rx(x), [Rq(b) + Rq(i) + d], imm)
            }
        }
    }};
}

/// 2^52 as a double: adding it to a u32 (or OR-ing a u32 into its mantissa) gives a
/// double whose low 32 bits are that u32.
const TWO_POW_52: u64 = 0x4330_0000_0000_0000;

/// Whether this CPU runs the instructions `simd` emits (SSE4.1 and SSE4.2's `pcmpgtq`,
/// SSSE3's `pshufb` and `pabs*`). A module with SIMD instructions is refused elsewhere,
/// so its code can never raise an invalid-opcode fault.
fn cpu_has_simd_baseline() -> bool {
    static HAS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *HAS.get_or_init(|| {
        std::arch::is_x86_feature_detected!("sse4.2")
            && std::arch::is_x86_feature_detected!("sse4.1")
            && std::arch::is_x86_feature_detected!("ssse3")
    })
}

/// The second operand of a binary vector operation: a register, or (on the AVX2 path
/// only) the frame slot `[rbp + disp]` holding it.
#[derive(Clone, Copy)]
enum Src {
    Reg(Xmm),
    Slot(i32),
}

/// The `pshufd` order of a one-operand byte shuffle that moves whole 32-bit lanes
/// (`picks` are byte indices 0-15), if it is one.
fn dword_order(picks: [u8; 16]) -> Option<i8> {
    let mut order = 0u8;
    for k in 0..4 {
        let first = picks[4 * k];
        if !first.is_multiple_of(4) || (1..4).any(|i| picks[4 * k + i] != first + i as u8) {
            return None;
        }
        order |= (first / 4) << (2 * k);
    }
    Some(order as i8)
}

/// A vector lane index as an 8-bit immediate.
fn lane_imm(lane: u8) -> i8 {
    lane as i8
}

impl FuncCompiler<'_, '_> {
    /// Compiles a SIMD operator; returns false for any other operator, and an error for
    /// a SIMD one on a CPU without the instruction sets the code uses.
    pub(super) fn visit_simd(&mut self, op: &Operator<'_>) -> crate::error::Result<bool> {
        if !self.compile_simd(op) {
            return Ok(false);
        }
        if !cpu_has_simd_baseline() {
            return Err(crate::error::Error::Unsupported(
                "SIMD instructions need a CPU with SSE4.2, SSSE3 and SSE4.1 (x86-64-v2)".into(),
            ));
        }
        Ok(true)
    }

    /// Emits a SIMD operator; false for any other operator.
    fn compile_simd(&mut self, op: &Operator<'_>) -> bool {
        use Operator as O;
        match *op {
            O::V128Const { value } => self.v128_const(value.i128() as u128),
            O::V128Load { memarg } => self.v128_load(memarg),
            O::V128Store { memarg } => self.v128_store(memarg),
            O::V128Load8x8S { memarg } => self.load_into(memarg, 8, |s, a| mem!(s, a, pmovsxbw)),
            O::V128Load8x8U { memarg } => self.load_into(memarg, 8, |s, a| mem!(s, a, pmovzxbw)),
            O::V128Load16x4S { memarg } => self.load_into(memarg, 8, |s, a| mem!(s, a, pmovsxwd)),
            O::V128Load16x4U { memarg } => self.load_into(memarg, 8, |s, a| mem!(s, a, pmovzxwd)),
            O::V128Load32x2S { memarg } => self.load_into(memarg, 8, |s, a| mem!(s, a, pmovsxdq)),
            O::V128Load32x2U { memarg } => self.load_into(memarg, 8, |s, a| mem!(s, a, pmovzxdq)),
            O::V128Load32Zero { memarg } => {
                self.load_into(memarg, 4, |s, a| mem!(s, a, movss DWORD))
            }
            O::V128Load64Zero { memarg } => {
                self.load_into(memarg, 8, |s, a| mem!(s, a, movsd QWORD))
            }
            O::V128Load8Splat { memarg } => self.load_into(memarg, 1, |s, a| {
                if s.avx() {
                    mem!(s, a, vpbroadcastb BYTE);
                } else {
                    mem!(s, a, pinsrb, 0);
                    dynasm!(s.asm
                        ; .arch x64
                        ; pxor Rx(XSCRATCH), Rx(XSCRATCH)
                        ; pshufb Rx(a.0), Rx(XSCRATCH)
                    );
                }
            }),
            O::V128Load16Splat { memarg } => self.load_into(memarg, 2, |s, a| {
                if s.avx() {
                    mem!(s, a, vpbroadcastw WORD);
                } else {
                    mem!(s, a, pinsrw, 0);
                    dynasm!(s.asm
                        ; .arch x64
                        ; pshuflw Rx(a.0), Rx(a.0), 0
                        ; punpcklqdq Rx(a.0), Rx(a.0)
                    );
                }
            }),
            O::V128Load32Splat { memarg } => self.load_into(memarg, 4, |s, a| {
                if s.avx() {
                    mem!(s, a, vbroadcastss DWORD);
                } else {
                    mem!(s, a, movss DWORD);
                    dynasm!(s.asm ; .arch x64 ; shufps Rx(a.0), Rx(a.0), 0);
                }
            }),
            // SSE3's movddup loads and duplicates in one instruction on both paths.
            O::V128Load64Splat { memarg } => {
                self.load_into(memarg, 8, |s, a| mem!(s, a, movddup QWORD))
            }
            O::V128Load8Lane { memarg, lane } => self.load_lane(memarg, 1, lane),
            O::V128Load16Lane { memarg, lane } => self.load_lane(memarg, 2, lane),
            O::V128Load32Lane { memarg, lane } => self.load_lane(memarg, 4, lane),
            O::V128Load64Lane { memarg, lane } => self.load_lane(memarg, 8, lane),
            O::V128Store8Lane { memarg, lane } => self.store_lane(memarg, 1, lane),
            O::V128Store16Lane { memarg, lane } => self.store_lane(memarg, 2, lane),
            O::V128Store32Lane { memarg, lane } => self.store_lane(memarg, 4, lane),
            O::V128Store64Lane { memarg, lane } => self.store_lane(memarg, 8, lane),
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
            O::V128And => binop!(self, pand, vpand),
            O::V128Or => binop!(self, por, vpor),
            O::V128Xor => binop!(self, pxor, vpxor),
            O::V128AndNot => {
                // a & !b: pandn computes !dst & src, so it runs on b's copy.
                let (a, b) = self.vector_operands();
                if self.avx() {
                    dynasm!(self.asm ; .arch x64 ; vpandn Rx(a), Rx(b), Rx(a));
                } else {
                    dynasm!(self.asm
                        ; .arch x64
                        ; movaps Rx(XSCRATCH), Rx(b)
                        ; pandn Rx(XSCRATCH), Rx(a)
                        ; movaps Rx(a), Rx(XSCRATCH)
                    );
                }
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
            O::I8x16Add => binop!(self, paddb, vpaddb),
            O::I16x8Add => binop!(self, paddw, vpaddw),
            O::I32x4Add => binop!(self, paddd, vpaddd),
            O::I64x2Add => binop!(self, paddq, vpaddq),
            O::I8x16Sub => binop!(self, psubb, vpsubb),
            O::I16x8Sub => binop!(self, psubw, vpsubw),
            O::I32x4Sub => binop!(self, psubd, vpsubd),
            O::I64x2Sub => binop!(self, psubq, vpsubq),
            O::I16x8Mul => binop!(self, pmullw, vpmullw),
            O::I32x4Mul => binop!(self, pmulld, vpmulld),
            O::F32x4Add => binop!(self, addps, vaddps),
            O::F32x4Sub => binop!(self, subps, vsubps),
            O::F32x4Mul => binop!(self, mulps, vmulps),
            O::F32x4Div => binop!(self, divps, vdivps),
            O::F64x2Add => binop!(self, addpd, vaddpd),
            O::F64x2Sub => binop!(self, subpd, vsubpd),
            O::F64x2Mul => binop!(self, mulpd, vmulpd),
            O::F64x2Div => binop!(self, divpd, vdivpd),
            // Comparisons: all-ones lanes where the relation holds.
            O::I8x16Eq => binop!(self, pcmpeqb, vpcmpeqb),
            O::I16x8Eq => binop!(self, pcmpeqw, vpcmpeqw),
            O::I32x4Eq => binop!(self, pcmpeqd, vpcmpeqd),
            O::I64x2Eq => binop!(self, pcmpeqq, vpcmpeqq),
            O::I8x16Ne => inverted!(self, binop!(self, pcmpeqb, vpcmpeqb)),
            O::I16x8Ne => inverted!(self, binop!(self, pcmpeqw, vpcmpeqw)),
            O::I32x4Ne => inverted!(self, binop!(self, pcmpeqd, vpcmpeqd)),
            O::I64x2Ne => inverted!(self, binop!(self, pcmpeqq, vpcmpeqq)),
            O::I8x16GtS => binop!(self, pcmpgtb, vpcmpgtb),
            O::I16x8GtS => binop!(self, pcmpgtw, vpcmpgtw),
            O::I32x4GtS => binop!(self, pcmpgtd, vpcmpgtd),
            O::I64x2GtS => binop!(self, pcmpgtq, vpcmpgtq),
            O::I8x16LtS => swapped_binop!(self, pcmpgtb, vpcmpgtb),
            O::I16x8LtS => swapped_binop!(self, pcmpgtw, vpcmpgtw),
            O::I32x4LtS => swapped_binop!(self, pcmpgtd, vpcmpgtd),
            O::I64x2LtS => swapped_binop!(self, pcmpgtq, vpcmpgtq),
            // a <= b is !(a > b); a >= b is !(b > a).
            O::I8x16LeS => inverted!(self, binop!(self, pcmpgtb, vpcmpgtb)),
            O::I16x8LeS => inverted!(self, binop!(self, pcmpgtw, vpcmpgtw)),
            O::I32x4LeS => inverted!(self, binop!(self, pcmpgtd, vpcmpgtd)),
            O::I64x2LeS => inverted!(self, binop!(self, pcmpgtq, vpcmpgtq)),
            O::I8x16GeS => inverted!(self, swapped_binop!(self, pcmpgtb, vpcmpgtb)),
            O::I16x8GeS => inverted!(self, swapped_binop!(self, pcmpgtw, vpcmpgtw)),
            O::I32x4GeS => inverted!(self, swapped_binop!(self, pcmpgtd, vpcmpgtd)),
            O::I64x2GeS => inverted!(self, swapped_binop!(self, pcmpgtq, vpcmpgtq)),
            // Unsigned: a >= b exactly when max(a, b) == a; a <= b when min(a, b) == a.
            O::I8x16GeU => unsigned_cmp!(self, pmaxub, vpmaxub, pcmpeqb, vpcmpeqb, false),
            O::I16x8GeU => unsigned_cmp!(self, pmaxuw, vpmaxuw, pcmpeqw, vpcmpeqw, false),
            O::I32x4GeU => unsigned_cmp!(self, pmaxud, vpmaxud, pcmpeqd, vpcmpeqd, false),
            O::I8x16LeU => unsigned_cmp!(self, pminub, vpminub, pcmpeqb, vpcmpeqb, false),
            O::I16x8LeU => unsigned_cmp!(self, pminuw, vpminuw, pcmpeqw, vpcmpeqw, false),
            O::I32x4LeU => unsigned_cmp!(self, pminud, vpminud, pcmpeqd, vpcmpeqd, false),
            O::I8x16LtU => unsigned_cmp!(self, pmaxub, vpmaxub, pcmpeqb, vpcmpeqb, true),
            O::I16x8LtU => unsigned_cmp!(self, pmaxuw, vpmaxuw, pcmpeqw, vpcmpeqw, true),
            O::I32x4LtU => unsigned_cmp!(self, pmaxud, vpmaxud, pcmpeqd, vpcmpeqd, true),
            O::I8x16GtU => unsigned_cmp!(self, pminub, vpminub, pcmpeqb, vpcmpeqb, true),
            O::I16x8GtU => unsigned_cmp!(self, pminuw, vpminuw, pcmpeqw, vpcmpeqw, true),
            O::I32x4GtU => unsigned_cmp!(self, pminud, vpminud, pcmpeqd, vpcmpeqd, true),
            // Floats: cmpps/cmppd predicates (ne is unordered-or-unequal, true for NaN).
            O::F32x4Eq => float_cmp!(self, cmpps, 0, false),
            O::F32x4Ne => float_cmp!(self, cmpps, 4, false),
            O::F32x4Lt => float_cmp!(self, cmpps, 1, false),
            O::F32x4Le => float_cmp!(self, cmpps, 2, false),
            O::F32x4Gt => float_cmp!(self, cmpps, 1, true),
            O::F32x4Ge => float_cmp!(self, cmpps, 2, true),
            O::F64x2Eq => float_cmp!(self, cmppd, 0, false),
            O::F64x2Ne => float_cmp!(self, cmppd, 4, false),
            O::F64x2Lt => float_cmp!(self, cmppd, 1, false),
            O::F64x2Le => float_cmp!(self, cmppd, 2, false),
            O::F64x2Gt => float_cmp!(self, cmppd, 1, true),
            O::F64x2Ge => float_cmp!(self, cmppd, 2, true),
            // Integer min/max, saturating arithmetic, rounding average.
            O::I8x16MinS => binop!(self, pminsb, vpminsb),
            O::I16x8MinS => binop!(self, pminsw, vpminsw),
            O::I32x4MinS => binop!(self, pminsd, vpminsd),
            O::I8x16MinU => binop!(self, pminub, vpminub),
            O::I16x8MinU => binop!(self, pminuw, vpminuw),
            O::I32x4MinU => binop!(self, pminud, vpminud),
            O::I8x16MaxS => binop!(self, pmaxsb, vpmaxsb),
            O::I16x8MaxS => binop!(self, pmaxsw, vpmaxsw),
            O::I32x4MaxS => binop!(self, pmaxsd, vpmaxsd),
            O::I8x16MaxU => binop!(self, pmaxub, vpmaxub),
            O::I16x8MaxU => binop!(self, pmaxuw, vpmaxuw),
            O::I32x4MaxU => binop!(self, pmaxud, vpmaxud),
            O::I8x16AddSatS => binop!(self, paddsb, vpaddsb),
            O::I8x16AddSatU => binop!(self, paddusb, vpaddusb),
            O::I16x8AddSatS => binop!(self, paddsw, vpaddsw),
            O::I16x8AddSatU => binop!(self, paddusw, vpaddusw),
            O::I8x16SubSatS => binop!(self, psubsb, vpsubsb),
            O::I8x16SubSatU => binop!(self, psubusb, vpsubusb),
            O::I16x8SubSatS => binop!(self, psubsw, vpsubsw),
            O::I16x8SubSatU => binop!(self, psubusw, vpsubusw),
            O::I8x16AvgrU => binop!(self, pavgb, vpavgb),
            O::I16x8AvgrU => binop!(self, pavgw, vpavgw),
            O::I32x4DotI16x8S => binop!(self, pmaddwd, vpmaddwd),
            // Narrowing with saturation (both operands' lanes, a's first).
            O::I8x16NarrowI16x8S => binop!(self, packsswb, vpacksswb),
            O::I8x16NarrowI16x8U => binop!(self, packuswb, vpackuswb),
            O::I16x8NarrowI32x4S => binop!(self, packssdw, vpackssdw),
            O::I16x8NarrowI32x4U => binop!(self, packusdw, vpackusdw),
            // Integer abs and neg.
            O::I8x16Abs => unop!(self, pabsb),
            O::I16x8Abs => unop!(self, pabsw),
            O::I32x4Abs => unop!(self, pabsd),
            O::I8x16Neg => self.int_neg(8),
            O::I16x8Neg => self.int_neg(16),
            O::I32x4Neg => self.int_neg(32),
            O::I64x2Neg => self.int_neg(64),
            O::I64x2Abs => {
                // (a ^ m) - m with m the sign mask of each lane.
                let x = self.pop_vector();
                dynasm!(self.asm
                    ; .arch x64
                    ; pxor Rx(XSCRATCH), Rx(XSCRATCH)
                    ; pcmpgtq Rx(XSCRATCH), Rx(x)
                    ; pxor Rx(x), Rx(XSCRATCH)
                    ; psubq Rx(x), Rx(XSCRATCH)
                );
                self.push_xmm(ValType::V128, x);
            }
            // Extension of the low or high half.
            O::I16x8ExtendLowI8x16S => unop!(self, pmovsxbw),
            O::I16x8ExtendLowI8x16U => unop!(self, pmovzxbw),
            O::I32x4ExtendLowI16x8S => unop!(self, pmovsxwd),
            O::I32x4ExtendLowI16x8U => unop!(self, pmovzxwd),
            O::I64x2ExtendLowI32x4S => unop!(self, pmovsxdq),
            O::I64x2ExtendLowI32x4U => unop!(self, pmovzxdq),
            O::I16x8ExtendHighI8x16S => high_extend!(self, pmovsxbw),
            O::I16x8ExtendHighI8x16U => high_extend!(self, pmovzxbw),
            O::I32x4ExtendHighI16x8S => high_extend!(self, pmovsxwd),
            O::I32x4ExtendHighI16x8U => high_extend!(self, pmovzxwd),
            O::I64x2ExtendHighI32x4S => high_extend!(self, pmovsxdq),
            O::I64x2ExtendHighI32x4U => high_extend!(self, pmovzxdq),
            // Float sign operations, square root, rounding, pseudo-min/max.
            O::F32x4Neg => self.sign_op(false, true),
            O::F64x2Neg => self.sign_op(true, true),
            O::F32x4Abs => self.sign_op(false, false),
            O::F64x2Abs => self.sign_op(true, false),
            O::F32x4Sqrt => unop!(self, sqrtps),
            O::F64x2Sqrt => unop!(self, sqrtpd),
            O::F32x4Nearest => round!(self, roundps, 0),
            O::F32x4Floor => round!(self, roundps, 1),
            O::F32x4Ceil => round!(self, roundps, 2),
            O::F32x4Trunc => round!(self, roundps, 3),
            O::F64x2Nearest => round!(self, roundpd, 0),
            O::F64x2Floor => round!(self, roundpd, 1),
            O::F64x2Ceil => round!(self, roundpd, 2),
            O::F64x2Trunc => round!(self, roundpd, 3),
            // pmin(a, b) = b < a ? b : a, which minps computes with b first (it returns
            // its second operand when the compare fails: equal or NaN).
            O::F32x4PMin => swapped_binop!(self, minps, vminps),
            O::F32x4PMax => swapped_binop!(self, maxps, vmaxps),
            O::F64x2PMin => swapped_binop!(self, minpd, vminpd),
            O::F64x2PMax => swapped_binop!(self, maxpd, vmaxpd),
            // Conversions with exact x86 counterparts.
            O::F32x4ConvertI32x4S => unop!(self, cvtdq2ps),
            O::F64x2ConvertLowI32x4S => unop!(self, cvtdq2pd),
            O::F64x2PromoteLowF32x4 => unop!(self, cvtps2pd),
            O::F32x4DemoteF64x2Zero => unop!(self, cvtpd2ps),
            O::V128Bitselect => self.bitselect(),
            O::I8x16AllTrue => self.all_true(8),
            O::I16x8AllTrue => self.all_true(16),
            O::I32x4AllTrue => self.all_true(32),
            O::I64x2AllTrue => self.all_true(64),
            O::I8x16Bitmask => self.bitmask(8),
            O::I16x8Bitmask => self.bitmask(16),
            O::I32x4Bitmask => self.bitmask(32),
            O::I64x2Bitmask => self.bitmask(64),
            O::I16x8Shl => self.lane_shift(16, Shift::Left),
            O::I32x4Shl => self.lane_shift(32, Shift::Left),
            O::I64x2Shl => self.lane_shift(64, Shift::Left),
            O::I16x8ShrU => self.lane_shift(16, Shift::RightU),
            O::I32x4ShrU => self.lane_shift(32, Shift::RightU),
            O::I64x2ShrU => self.lane_shift(64, Shift::RightU),
            O::I16x8ShrS => self.lane_shift(16, Shift::RightS),
            O::I32x4ShrS => self.lane_shift(32, Shift::RightS),
            O::I8x16Shl => self.lane_shift(8, Shift::Left),
            O::I8x16ShrU => self.lane_shift(8, Shift::RightU),
            O::I8x16ShrS => self.lane_shift(8, Shift::RightS),
            O::I64x2ShrS => self.lane_shift(64, Shift::RightS),
            O::I8x16Swizzle => {
                // pshufb zeroes a lane whose index has its top bit set: indices >= 16 get
                // it by a saturating add of 0x70, the others keep their low four bits.
                let (a, s) = self.vector_operands();
                self.splat32(XSCRATCH2, 0x7070_7070);
                dynasm!(self.asm
                    ; .arch x64
                    ; paddusb Rx(XSCRATCH2), Rx(s)
                    ; pshufb Rx(a), Rx(XSCRATCH2)
                );
                self.finish_binop(a, s);
            }
            O::I8x16Shuffle { lanes } => self.shuffle(lanes),
            O::I8x16Popcnt => self.popcnt(),
            O::I64x2Mul => {
                // lo*lo + ((hi(a)*lo(b) + lo(a)*hi(b)) << 32), by 32x32->64 multiplies.
                let (a, b) = self.vector_operands();
                let t = self.alloc_xmm();
                dynasm!(self.asm
                    ; .arch x64
                    ; movaps Rx(t), Rx(a)
                    ; psrlq Rx(t), 32
                    ; pmuludq Rx(t), Rx(b)
                    ; movaps Rx(XSCRATCH2), Rx(b)
                    ; psrlq Rx(XSCRATCH2), 32
                    ; pmuludq Rx(XSCRATCH2), Rx(a)
                    ; paddq Rx(t), Rx(XSCRATCH2)
                    ; psllq Rx(t), 32
                    ; pmuludq Rx(a), Rx(b)
                    ; paddq Rx(a), Rx(t)
                );
                self.free(Opnd::Xmm(t));
                self.finish_binop(a, b);
            }
            O::F32x4Min => self.float_min(false),
            O::F64x2Min => self.float_min(true),
            O::F32x4Max => self.float_max(false),
            O::F64x2Max => self.float_max(true),
            O::F32x4ConvertI32x4U => {
                // The high and low 16 bits convert exactly; their sum rounds once.
                let x = self.pop_vector();
                dynasm!(self.asm
                    ; .arch x64
                    ; movaps Rx(XSCRATCH2), Rx(x)
                    ; pslld Rx(XSCRATCH2), 16
                    ; psrld Rx(XSCRATCH2), 16
                    ; psrld Rx(x), 16
                    ; cvtdq2ps Rx(x), Rx(x)
                );
                self.splat32(XSCRATCH, 65536.0f32.to_bits());
                dynasm!(self.asm
                    ; .arch x64
                    ; mulps Rx(x), Rx(XSCRATCH)
                    ; cvtdq2ps Rx(XSCRATCH2), Rx(XSCRATCH2)
                    ; addps Rx(x), Rx(XSCRATCH2)
                );
                self.push_xmm(ValType::V128, x);
            }
            O::I32x4TruncSatF32x4S => {
                let x = self.pop_vector();
                dynasm!(self.asm
                    ; .arch x64
                    // NaN lanes to 0.
                    ; movaps Rx(XSCRATCH), Rx(x)
                    ; cmpps Rx(XSCRATCH), Rx(XSCRATCH), 0
                    ; pand Rx(x), Rx(XSCRATCH)
                    // Top bit set where the input is not negative.
                    ; pxor Rx(XSCRATCH), Rx(x)
                    ; cvttps2dq Rx(x), Rx(x)
                    // Where that input converted to 0x80000000, it overflowed upwards.
                    ; pand Rx(XSCRATCH), Rx(x)
                    ; psrad Rx(XSCRATCH), 31
                    ; pxor Rx(x), Rx(XSCRATCH)
                );
                self.push_xmm(ValType::V128, x);
            }
            O::I32x4TruncSatF32x4U => self.trunc_sat_f32x4_u(),
            O::F64x2ConvertLowI32x4U => {
                // 2^52 + u as a double has u in its low bits; subtracting 2^52 is exact.
                let x = self.pop_vector();
                self.splat32(XSCRATCH, 0x4330_0000);
                dynasm!(self.asm
                    ; .arch x64
                    ; unpcklps Rx(x), Rx(XSCRATCH)
                );
                self.splat64(XSCRATCH, TWO_POW_52);
                dynasm!(self.asm
                    ; .arch x64
                    ; subpd Rx(x), Rx(XSCRATCH)
                );
                self.push_xmm(ValType::V128, x);
            }
            O::I32x4TruncSatF64x2SZero => {
                let x = self.pop_vector();
                // NaN lanes clamp to 0, the others to at most 2^31 - 1.
                self.splat64(XSCRATCH2, 2147483647.0f64.to_bits());
                dynasm!(self.asm
                    ; .arch x64
                    ; movaps Rx(XSCRATCH), Rx(x)
                    ; cmppd Rx(XSCRATCH), Rx(XSCRATCH), 0
                    ; andpd Rx(XSCRATCH), Rx(XSCRATCH2)
                    ; minpd Rx(x), Rx(XSCRATCH)
                    ; cvttpd2dq Rx(x), Rx(x)
                );
                self.push_xmm(ValType::V128, x);
            }
            O::I32x4TruncSatF64x2UZero => self.trunc_sat_f64x2_u_zero(),
            O::I16x8ExtMulLowI8x16S => self.ext_mul(ExtMul::I16(true), false),
            O::I16x8ExtMulHighI8x16S => self.ext_mul(ExtMul::I16(true), true),
            O::I16x8ExtMulLowI8x16U => self.ext_mul(ExtMul::I16(false), false),
            O::I16x8ExtMulHighI8x16U => self.ext_mul(ExtMul::I16(false), true),
            O::I32x4ExtMulLowI16x8S => self.ext_mul(ExtMul::I32(true), false),
            O::I32x4ExtMulHighI16x8S => self.ext_mul(ExtMul::I32(true), true),
            O::I32x4ExtMulLowI16x8U => self.ext_mul(ExtMul::I32(false), false),
            O::I32x4ExtMulHighI16x8U => self.ext_mul(ExtMul::I32(false), true),
            O::I64x2ExtMulLowI32x4S => self.ext_mul(ExtMul::I64(true), false),
            O::I64x2ExtMulHighI32x4S => self.ext_mul(ExtMul::I64(true), true),
            O::I64x2ExtMulLowI32x4U => self.ext_mul(ExtMul::I64(false), false),
            O::I64x2ExtMulHighI32x4U => self.ext_mul(ExtMul::I64(false), true),
            O::I16x8ExtAddPairwiseI8x16S => {
                // pmaddubsw multiplies unsigned bytes (the ones) by signed ones (x).
                let x = self.pop_vector();
                self.splat32(XSCRATCH, 0x0101_0101);
                dynasm!(self.asm
                    ; .arch x64
                    ; pmaddubsw Rx(XSCRATCH), Rx(x)
                    ; movaps Rx(x), Rx(XSCRATCH)
                );
                self.push_xmm(ValType::V128, x);
            }
            O::I16x8ExtAddPairwiseI8x16U => {
                let x = self.pop_vector();
                self.splat32(XSCRATCH, 0x0101_0101);
                dynasm!(self.asm
                    ; .arch x64
                    ; pmaddubsw Rx(x), Rx(XSCRATCH)
                );
                self.push_xmm(ValType::V128, x);
            }
            O::I32x4ExtAddPairwiseI16x8S => {
                let x = self.pop_vector();
                self.splat32(XSCRATCH, 0x0001_0001);
                dynasm!(self.asm
                    ; .arch x64
                    ; pmaddwd Rx(x), Rx(XSCRATCH)
                );
                self.push_xmm(ValType::V128, x);
            }
            O::I32x4ExtAddPairwiseI16x8U => {
                // The high words shifted down plus the low words, zero-extended.
                let x = self.pop_vector();
                dynasm!(self.asm
                    ; .arch x64
                    ; movaps Rx(XSCRATCH), Rx(x)
                    ; psrld Rx(XSCRATCH), 16
                    ; pslld Rx(x), 16
                    ; psrld Rx(x), 16
                    ; paddd Rx(x), Rx(XSCRATCH)
                );
                self.push_xmm(ValType::V128, x);
            }
            O::I16x8Q15MulrSatS => {
                // pmulhrsw, except that -1 * -1 (0x8000 squared) must saturate to 0x7fff.
                let (a, b) = self.vector_operands();
                dynasm!(self.asm
                    ; .arch x64
                    ; pmulhrsw Rx(a), Rx(b)
                );
                self.splat32(XSCRATCH2, 0x8000_8000);
                dynasm!(self.asm
                    ; .arch x64
                    ; pcmpeqw Rx(XSCRATCH2), Rx(a)
                    ; pxor Rx(a), Rx(XSCRATCH2)
                );
                self.finish_binop(a, b);
            }
            // Relaxed SIMD (WebAssembly 3.0): one lowering each, shared by both vector
            // paths; docs/simd.md lists the result each gives where the spec allows
            // several.
            O::I8x16RelaxedSwizzle => binop!(self, pshufb, vpshufb),
            O::I32x4RelaxedTruncF32x4S => unop!(self, cvttps2dq),
            O::I32x4RelaxedTruncF64x2SZero => unop!(self, cvttpd2dq),
            O::I32x4RelaxedTruncF32x4U => self.trunc_sat_f32x4_u(),
            O::I32x4RelaxedTruncF64x2UZero => self.trunc_sat_f64x2_u_zero(),
            O::F32x4RelaxedMadd => self.relaxed_madd(false, false),
            O::F32x4RelaxedNmadd => self.relaxed_madd(false, true),
            O::F64x2RelaxedMadd => self.relaxed_madd(true, false),
            O::F64x2RelaxedNmadd => self.relaxed_madd(true, true),
            O::I8x16RelaxedLaneselect
            | O::I16x8RelaxedLaneselect
            | O::I32x4RelaxedLaneselect
            | O::I64x2RelaxedLaneselect => self.bitselect(),
            O::F32x4RelaxedMin => binop!(self, minps, vminps),
            O::F32x4RelaxedMax => binop!(self, maxps, vmaxps),
            O::F64x2RelaxedMin => binop!(self, minpd, vminpd),
            O::F64x2RelaxedMax => binop!(self, maxpd, vmaxpd),
            O::I16x8RelaxedQ15mulrS => binop!(self, pmulhrsw, vpmulhrsw),
            O::I16x8RelaxedDotI8x16I7x16S => self.relaxed_dot(),
            O::I32x4RelaxedDotI8x16I7x16AddS => {
                // The pairwise sums of the i16 dot product, widened and added to c.
                let (_, c) = self.pop_opnd();
                let c = self.owned_xmm(ValType::V128, c);
                self.relaxed_dot();
                let x = self.pop_vector();
                self.splat32(XSCRATCH, 0x0001_0001);
                dynasm!(self.asm
                    ; .arch x64
                    ; pmaddwd Rx(x), Rx(XSCRATCH)
                    ; paddd Rx(x), Rx(c)
                );
                self.free(Opnd::Xmm(c));
                self.push_xmm(ValType::V128, x);
            }
            _ => return false,
        }
        true
    }

    /// `i32x4.trunc_sat_f32x4_u`.
    fn trunc_sat_f32x4_u(&mut self) {
        let x = self.pop_vector();
        dynasm!(self.asm
            ; .arch x64
            // NaN and negative lanes to 0.
            ; pxor Rx(XSCRATCH), Rx(XSCRATCH)
            ; maxps Rx(x), Rx(XSCRATCH)
            // 2^31 as a float.
            ; pcmpeqd Rx(XSCRATCH), Rx(XSCRATCH)
            ; psrld Rx(XSCRATCH), 1
            ; cvtdq2ps Rx(XSCRATCH), Rx(XSCRATCH)
            // x - 2^31 converted: the part above 2^31 (saturated where x >= 2^32,
            // negative, so 0, where x < 2^31).
            ; movaps Rx(XSCRATCH2), Rx(x)
            ; subps Rx(XSCRATCH2), Rx(XSCRATCH)
            ; cmpps Rx(XSCRATCH), Rx(XSCRATCH2), 2
            ; cvttps2dq Rx(XSCRATCH2), Rx(XSCRATCH2)
            ; pxor Rx(XSCRATCH2), Rx(XSCRATCH)
            ; pxor Rx(XSCRATCH), Rx(XSCRATCH)
            ; pmaxsd Rx(XSCRATCH2), Rx(XSCRATCH)
            // The rest converts as signed (0x80000000 = 2^31 from 2^31 on).
            ; cvttps2dq Rx(x), Rx(x)
            ; paddd Rx(x), Rx(XSCRATCH2)
        );
        self.push_xmm(ValType::V128, x);
    }

    /// `i32x4.trunc_sat_f64x2_u_zero`.
    fn trunc_sat_f64x2_u_zero(&mut self) {
        let x = self.pop_vector();
        dynasm!(self.asm
            ; .arch x64
            ; xorpd Rx(XSCRATCH), Rx(XSCRATCH)
            ; maxpd Rx(x), Rx(XSCRATCH)
        );
        self.splat64(XSCRATCH2, 4294967295.0f64.to_bits());
        dynasm!(self.asm
            ; .arch x64
            ; minpd Rx(x), Rx(XSCRATCH2)
            ; roundpd Rx(x), Rx(x), 3
        );
        // 2^52 + u holds u in the low bits of the double.
        self.splat64(XSCRATCH2, TWO_POW_52);
        dynasm!(self.asm
            ; .arch x64
            ; addpd Rx(x), Rx(XSCRATCH2)
            // The low dwords of both doubles, then zeros.
            ; shufps Rx(x), Rx(XSCRATCH), 0x88_u8 as i8
        );
        self.push_xmm(ValType::V128, x);
    }

    /// `v128.bitselect`: (v1 & c) | (v2 & !c).
    fn bitselect(&mut self) {
        // (v1 & c) | (v2 & !c)
        let (_, c) = self.pop_opnd();
        let c = self.owned_xmm(ValType::V128, c);
        let (v1, v2) = self.vector_operands();
        dynasm!(self.asm
            ; .arch x64
            ; pand Rx(v1), Rx(c)
            ; pandn Rx(c), Rx(v2)
            ; por Rx(v1), Rx(c)
        );
        self.free(Opnd::Xmm(c));
        self.finish_binop(v1, v2);
    }

    /// `relaxed_madd` (a * b + c) or `relaxed_nmadd` (-(a * b) + c, computed as
    /// c - a * b, which is equal): unfused, the product rounded before the sum.
    fn relaxed_madd(&mut self, wide: bool, negate: bool) {
        let (_, c) = self.pop_opnd();
        let c = self.owned_xmm(ValType::V128, c);
        let (a, b) = self.vector_operands();
        match (wide, negate) {
            (false, false) => dynasm!(self.asm
                ; .arch x64
                ; mulps Rx(a), Rx(b)
                ; addps Rx(a), Rx(c)
            ),
            (true, false) => dynasm!(self.asm
                ; .arch x64
                ; mulpd Rx(a), Rx(b)
                ; addpd Rx(a), Rx(c)
            ),
            (false, true) => dynasm!(self.asm
                ; .arch x64
                ; mulps Rx(a), Rx(b)
                ; subps Rx(c), Rx(a)
                ; movaps Rx(a), Rx(c)
            ),
            (true, true) => dynasm!(self.asm
                ; .arch x64
                ; mulpd Rx(a), Rx(b)
                ; subpd Rx(c), Rx(a)
                ; movaps Rx(a), Rx(c)
            ),
        }
        self.free(Opnd::Xmm(c));
        self.finish_binop(a, b);
    }

    /// `i16x8.relaxed_dot_i8x16_i7x16_s`: `pmaddubsw` with b's bytes as the unsigned
    /// operand, a's as the signed one. Where b's lanes are in 0..=127 (the 7-bit case)
    /// that is the exact dot product, which cannot saturate; a b lane with its top bit
    /// set counts as unsigned (128..=255) and the pair's sum saturates to i16.
    fn relaxed_dot(&mut self) {
        let (a, b) = self.vector_operands();
        if self.avx() {
            dynasm!(self.asm ; .arch x64 ; vpmaddubsw Rx(a), Rx(b), Rx(a));
        } else {
            dynasm!(self.asm
                ; .arch x64
                ; movaps Rx(XSCRATCH2), Rx(b)
                ; pmaddubsw Rx(XSCRATCH2), Rx(a)
                ; movaps Rx(a), Rx(XSCRATCH2)
            );
        }
        self.finish_binop(a, b);
    }

    /// `i8x16.shuffle`: each result byte from a (indices 0-15) or b (16-31).
    fn shuffle(&mut self, lanes: [u8; 16]) {
        let from_a = lanes.iter().all(|&l| l < 16);
        if from_a || lanes.iter().all(|&l| l >= 16) {
            // One operand: one shuffle of it, the other only popped.
            let (_, b) = self.pop_opnd();
            let (_, a) = self.pop_opnd();
            let (used, unused) = if from_a { (a, b) } else { (b, a) };
            self.free(unused);
            let x = self.owned_xmm(ValType::V128, used);
            let picks = lanes.map(|l| l & 15);
            match dword_order(picks) {
                Some(order) => dynasm!(self.asm ; .arch x64 ; pshufd Rx(x), Rx(x), order),
                None => {
                    self.load_vector_constant(u128::from_le_bytes(picks), XSCRATCH2);
                    dynasm!(self.asm ; .arch x64 ; pshufb Rx(x), Rx(XSCRATCH2));
                }
            }
            self.push_xmm(ValType::V128, x);
            return;
        }
        let (a, b) = self.vector_operands_writable();
        let from_a = lanes.map(|l| if l < 16 { l } else { 0x80 });
        let from_b = lanes.map(|l| if l >= 16 { l - 16 } else { 0x80 });
        self.load_vector_constant(u128::from_le_bytes(from_a), XSCRATCH2);
        dynasm!(self.asm ; .arch x64 ; pshufb Rx(a), Rx(XSCRATCH2));
        // b is popped (its register is this operation's to change) or a scratch copy
        // (the masks are in XSCRATCH2).
        self.load_vector_constant(u128::from_le_bytes(from_b), XSCRATCH2);
        dynasm!(self.asm
            ; .arch x64
            ; pshufb Rx(b), Rx(XSCRATCH2)
            ; por Rx(a), Rx(b)
        );
        self.finish_binop(a, b);
    }

    /// `value` in every 32-bit lane of `x` (from the chunk's pool).
    fn splat32(&mut self, x: Xmm, value: u32) {
        self.load_vector_constant(
            u128::from(value) * 0x0000_0001_0000_0001_0000_0001_0000_0001,
            x,
        );
    }

    /// `value` in both 64-bit lanes of `x` (from the chunk's pool).
    fn splat64(&mut self, x: Xmm, value: u64) {
        self.load_vector_constant(u128::from(value) << 64 | u128::from(value), x);
    }

    /// `i8x16.popcnt`: a 16-entry table of nibble counts, looked up with pshufb.
    fn popcnt(&mut self) {
        let x = self.pop_vector();
        let table = self.alloc_xmm();
        self.splat32(XSCRATCH2, 0x0f0f_0f0f);
        dynasm!(self.asm
            ; .arch x64
            ; movaps Rx(XSCRATCH), Rx(x)
            ; psrlw Rx(XSCRATCH), 4
            ; pand Rx(XSCRATCH), Rx(XSCRATCH2)
            ; pand Rx(x), Rx(XSCRATCH2)
        );
        self.load_vector_constant(0x0403_0302_0302_0201_0302_0201_0201_0100, table);
        dynasm!(self.asm
            ; .arch x64
            ; movaps Rx(XSCRATCH2), Rx(table)
            ; pshufb Rx(XSCRATCH2), Rx(XSCRATCH)
            ; pshufb Rx(table), Rx(x)
            ; paddb Rx(table), Rx(XSCRATCH2)
            ; movaps Rx(x), Rx(table)
        );
        self.free(Opnd::Xmm(table));
        self.push_xmm(ValType::V128, x);
    }

    /// Wasm's float min: NaN if either lane is NaN (canonicalised), -0 below +0. minps
    /// returns its second operand for NaN or equal lanes, so it runs both ways and the
    /// results are merged.
    fn float_min(&mut self, wide: bool) {
        let (a, b) = self.vector_operands();
        let s = XSCRATCH2;
        if self.avx() {
            // The same steps with three-operand forms: no copy of b.
            if wide {
                dynasm!(self.asm
                    ; .arch x64
                    ; vminpd Rx(s), Rx(b), Rx(a)
                    ; vminpd Rx(a), Rx(a), Rx(b)
                    ; vorpd Rx(s), Rx(s), Rx(a)
                    ; cmppd Rx(a), Rx(s), 3
                    ; vorpd Rx(s), Rx(s), Rx(a)
                    ; vpsrlq Rx(a), Rx(a), 13
                    ; vandnpd Rx(a), Rx(a), Rx(s)
                );
            } else {
                dynasm!(self.asm
                    ; .arch x64
                    ; vminps Rx(s), Rx(b), Rx(a)
                    ; vminps Rx(a), Rx(a), Rx(b)
                    ; vorps Rx(s), Rx(s), Rx(a)
                    ; cmpps Rx(a), Rx(s), 3
                    ; vorps Rx(s), Rx(s), Rx(a)
                    ; vpsrld Rx(a), Rx(a), 10
                    ; vandnps Rx(a), Rx(a), Rx(s)
                );
            }
            self.finish_binop(a, b);
            return;
        }
        if wide {
            dynasm!(self.asm
                ; .arch x64
                ; movaps Rx(s), Rx(b)
                ; minpd Rx(s), Rx(a)
                ; minpd Rx(a), Rx(b)
                ; orpd Rx(s), Rx(a)
                ; cmppd Rx(a), Rx(s), 3
                ; orpd Rx(s), Rx(a)
                ; psrlq Rx(a), 13
                ; andnpd Rx(a), Rx(s)
            );
        } else {
            dynasm!(self.asm
                ; .arch x64
                ; movaps Rx(s), Rx(b)
                ; minps Rx(s), Rx(a)
                ; minps Rx(a), Rx(b)
                ; orps Rx(s), Rx(a)
                ; cmpps Rx(a), Rx(s), 3
                ; orps Rx(s), Rx(a)
                ; psrld Rx(a), 10
                ; andnps Rx(a), Rx(s)
            );
        }
        self.finish_binop(a, b);
    }

    /// Wasm's float max: as `float_min`, with +0 above -0.
    fn float_max(&mut self, wide: bool) {
        let (a, b) = self.vector_operands();
        let s = XSCRATCH2;
        if self.avx() {
            // The same steps with three-operand forms: no copy of b.
            if wide {
                dynasm!(self.asm
                    ; .arch x64
                    ; vmaxpd Rx(s), Rx(b), Rx(a)
                    ; vmaxpd Rx(a), Rx(a), Rx(b)
                    ; vxorpd Rx(a), Rx(a), Rx(s)
                    ; vorpd Rx(s), Rx(s), Rx(a)
                    ; vsubpd Rx(s), Rx(s), Rx(a)
                    ; cmppd Rx(a), Rx(s), 3
                    ; vpsrlq Rx(a), Rx(a), 13
                    ; vandnpd Rx(a), Rx(a), Rx(s)
                );
            } else {
                dynasm!(self.asm
                    ; .arch x64
                    ; vmaxps Rx(s), Rx(b), Rx(a)
                    ; vmaxps Rx(a), Rx(a), Rx(b)
                    ; vxorps Rx(a), Rx(a), Rx(s)
                    ; vorps Rx(s), Rx(s), Rx(a)
                    ; vsubps Rx(s), Rx(s), Rx(a)
                    ; cmpps Rx(a), Rx(s), 3
                    ; vpsrld Rx(a), Rx(a), 10
                    ; vandnps Rx(a), Rx(a), Rx(s)
                );
            }
            self.finish_binop(a, b);
            return;
        }
        if wide {
            dynasm!(self.asm
                ; .arch x64
                ; movaps Rx(s), Rx(b)
                ; maxpd Rx(s), Rx(a)
                ; maxpd Rx(a), Rx(b)
                ; xorpd Rx(a), Rx(s)
                ; orpd Rx(s), Rx(a)
                ; subpd Rx(s), Rx(a)
                ; cmppd Rx(a), Rx(s), 3
                ; psrlq Rx(a), 13
                ; andnpd Rx(a), Rx(s)
            );
        } else {
            dynasm!(self.asm
                ; .arch x64
                ; movaps Rx(s), Rx(b)
                ; maxps Rx(s), Rx(a)
                ; maxps Rx(a), Rx(b)
                ; xorps Rx(a), Rx(s)
                ; orps Rx(s), Rx(a)
                ; subps Rx(s), Rx(a)
                ; cmpps Rx(a), Rx(s), 3
                ; psrld Rx(a), 10
                ; andnps Rx(a), Rx(s)
            );
        }
        self.finish_binop(a, b);
    }

    /// Extended multiplication of the low or high halves.
    fn ext_mul(&mut self, kind: ExtMul, high: bool) {
        let (a, b) = self.vector_operands_writable();
        for x in [a, b] {
            match kind {
                ExtMul::I64(_) => {
                    // Lanes 0,1 (or 2,3) to the low dwords of the two qwords.
                    let order = if high { 0xfa_u8 } else { 0x50 } as i8;
                    dynasm!(self.asm ; .arch x64 ; pshufd Rx(x), Rx(x), order);
                }
                _ if high => {
                    dynasm!(self.asm ; .arch x64 ; pshufd Rx(x), Rx(x), 0xee_u8 as i8)
                }
                _ => {}
            }
            match kind {
                ExtMul::I16(true) => dynasm!(self.asm ; .arch x64 ; pmovsxbw Rx(x), Rx(x)),
                ExtMul::I16(false) => dynasm!(self.asm ; .arch x64 ; pmovzxbw Rx(x), Rx(x)),
                ExtMul::I32(true) => dynasm!(self.asm ; .arch x64 ; pmovsxwd Rx(x), Rx(x)),
                ExtMul::I32(false) => dynasm!(self.asm ; .arch x64 ; pmovzxwd Rx(x), Rx(x)),
                ExtMul::I64(_) => {}
            }
        }
        match kind {
            ExtMul::I16(_) => dynasm!(self.asm ; .arch x64 ; pmullw Rx(a), Rx(b)),
            ExtMul::I32(_) => dynasm!(self.asm ; .arch x64 ; pmulld Rx(a), Rx(b)),
            ExtMul::I64(true) => dynasm!(self.asm ; .arch x64 ; pmuldq Rx(a), Rx(b)),
            ExtMul::I64(false) => dynasm!(self.asm ; .arch x64 ; pmuludq Rx(a), Rx(b)),
        }
        self.finish_binop(a, b);
    }

    /// Inverts every bit of the vector on top of the stack (in a register).
    fn invert_top(&mut self) {
        let x = self.pop_vector();
        dynasm!(self.asm
            ; .arch x64
            ; pcmpeqd Rx(XSCRATCH), Rx(XSCRATCH)
            ; pxor Rx(x), Rx(XSCRATCH)
        );
        self.push_xmm(ValType::V128, x);
    }

    fn int_neg(&mut self, bits: u32) {
        let x = self.pop_vector();
        dynasm!(self.asm ; .arch x64 ; pxor Rx(XSCRATCH), Rx(XSCRATCH));
        if self.avx() {
            match bits {
                8 => dynasm!(self.asm ; .arch x64 ; vpsubb Rx(x), Rx(XSCRATCH), Rx(x)),
                16 => dynasm!(self.asm ; .arch x64 ; vpsubw Rx(x), Rx(XSCRATCH), Rx(x)),
                32 => dynasm!(self.asm ; .arch x64 ; vpsubd Rx(x), Rx(XSCRATCH), Rx(x)),
                _ => dynasm!(self.asm ; .arch x64 ; vpsubq Rx(x), Rx(XSCRATCH), Rx(x)),
            }
            self.push_xmm(ValType::V128, x);
            return;
        }
        match bits {
            8 => dynasm!(self.asm ; .arch x64 ; psubb Rx(XSCRATCH), Rx(x)),
            16 => dynasm!(self.asm ; .arch x64 ; psubw Rx(XSCRATCH), Rx(x)),
            32 => dynasm!(self.asm ; .arch x64 ; psubd Rx(XSCRATCH), Rx(x)),
            _ => dynasm!(self.asm ; .arch x64 ; psubq Rx(XSCRATCH), Rx(x)),
        }
        dynasm!(self.asm ; .arch x64 ; movaps Rx(x), Rx(XSCRATCH));
        self.push_xmm(ValType::V128, x);
    }

    /// Float neg (flip the sign bits) or abs (clear them), lanes of 64 or 32 bits.
    fn sign_op(&mut self, wide: bool, negate: bool) {
        let x = self.pop_vector();
        dynasm!(self.asm ; .arch x64 ; pcmpeqd Rx(XSCRATCH), Rx(XSCRATCH));
        match (wide, negate) {
            (false, true) => dynasm!(self.asm
                ; .arch x64
                ; pslld Rx(XSCRATCH), 31
                ; pxor Rx(x), Rx(XSCRATCH)
            ),
            (true, true) => dynasm!(self.asm
                ; .arch x64
                ; psllq Rx(XSCRATCH), 63
                ; pxor Rx(x), Rx(XSCRATCH)
            ),
            (false, false) => dynasm!(self.asm
                ; .arch x64
                ; psrld Rx(XSCRATCH), 1
                ; pand Rx(x), Rx(XSCRATCH)
            ),
            (true, false) => dynasm!(self.asm
                ; .arch x64
                ; psrlq Rx(XSCRATCH), 1
                ; pand Rx(x), Rx(XSCRATCH)
            ),
        }
        self.push_xmm(ValType::V128, x);
    }

    /// `all_true`: 1 when no lane is zero.
    fn all_true(&mut self, bits: u32) {
        let x = self.pop_vector();
        let r = self.alloc_gpr();
        // Lanes equal to zero become all ones; all lanes are true when none did.
        dynasm!(self.asm ; .arch x64 ; pxor Rx(XSCRATCH), Rx(XSCRATCH));
        match bits {
            8 => dynasm!(self.asm ; .arch x64 ; pcmpeqb Rx(XSCRATCH), Rx(x)),
            16 => dynasm!(self.asm ; .arch x64 ; pcmpeqw Rx(XSCRATCH), Rx(x)),
            32 => dynasm!(self.asm ; .arch x64 ; pcmpeqd Rx(XSCRATCH), Rx(x)),
            _ => dynasm!(self.asm ; .arch x64 ; pcmpeqq Rx(XSCRATCH), Rx(x)),
        }
        dynasm!(self.asm
            ; .arch x64
            ; xor Rd(r), Rd(r)
            ; ptest Rx(XSCRATCH), Rx(XSCRATCH)
            ; setz Rb(r)
        );
        self.free(Opnd::Xmm(x));
        self.push_gpr(ValType::I32, r);
    }

    /// `bitmask`: the top bit of each lane, lane 0 in bit 0.
    fn bitmask(&mut self, bits: u32) {
        let x = self.pop_vector();
        let r = self.alloc_gpr();
        match bits {
            8 => dynasm!(self.asm ; .arch x64 ; pmovmskb Rd(r), Rx(x)),
            16 => dynasm!(self.asm
                ; .arch x64
                // Signed saturation keeps each lane's sign in a byte.
                ; packsswb Rx(x), Rx(x)
                ; pmovmskb Rd(r), Rx(x)
                ; and Rd(r), 0xff
            ),
            32 => dynasm!(self.asm ; .arch x64 ; movmskps Rd(r), Rx(x)),
            _ => dynasm!(self.asm ; .arch x64 ; movmskpd Rd(r), Rx(x)),
        }
        self.free(Opnd::Xmm(x));
        self.push_gpr(ValType::I32, r);
    }

    /// Byte lanes shifted by the count in eax (0-7, also in `XSCRATCH`): as words, then
    /// the bits that crossed into a neighbouring byte masked off; arithmetic right
    /// shifts as words with each byte in the high half, packed back.
    fn byte_shift(&mut self, x: Xmm, kind: Shift) {
        match kind {
            Shift::Left | Shift::RightU => {
                if matches!(kind, Shift::Left) {
                    dynasm!(self.asm
                        ; .arch x64
                        ; psllw Rx(x), Rx(XSCRATCH)
                        ; mov ecx, eax
                        ; mov edx, 0xff
                        ; shl edx, cl
                    );
                } else {
                    dynasm!(self.asm
                        ; .arch x64
                        ; psrlw Rx(x), Rx(XSCRATCH)
                        ; mov ecx, eax
                        ; mov edx, 0xff
                        ; shr edx, cl
                    );
                }
                dynasm!(self.asm
                    ; .arch x64
                    ; and edx, 0xff
                    ; imul edx, edx, 0x0101_0101
                    ; movd Rx(XSCRATCH2), edx
                    ; pshufd Rx(XSCRATCH2), Rx(XSCRATCH2), 0
                    ; pand Rx(x), Rx(XSCRATCH2)
                );
            }
            Shift::RightS => dynasm!(self.asm
                ; .arch x64
                ; add eax, 8
                ; movd Rx(XSCRATCH), eax
                ; movaps Rx(XSCRATCH2), Rx(x)
                ; punpckhbw Rx(XSCRATCH2), Rx(XSCRATCH2)
                ; punpcklbw Rx(x), Rx(x)
                ; psraw Rx(XSCRATCH2), Rx(XSCRATCH)
                ; psraw Rx(x), Rx(XSCRATCH)
                ; packsswb Rx(x), Rx(XSCRATCH2)
            ),
        }
    }

    /// Lane shifts by a scalar count taken modulo the lane width.
    fn lane_shift(&mut self, bits: u32, kind: Shift) {
        let (_, count) = self.pop_opnd();
        let signed_wide = bits == 64 && matches!(kind, Shift::RightS);
        if let (Opnd::Imm(c), false) = (count, bits == 8 || signed_wide) {
            // A constant count (rotations in hashes and ciphers): the immediate form.
            let x = self.pop_vector();
            let imm = (c as u32 & (bits - 1)) as i8;
            match (bits, kind) {
                (16, Shift::Left) => dynasm!(self.asm ; .arch x64 ; psllw Rx(x), imm),
                (32, Shift::Left) => dynasm!(self.asm ; .arch x64 ; pslld Rx(x), imm),
                (_, Shift::Left) => dynasm!(self.asm ; .arch x64 ; psllq Rx(x), imm),
                (16, Shift::RightU) => dynasm!(self.asm ; .arch x64 ; psrlw Rx(x), imm),
                (32, Shift::RightU) => dynasm!(self.asm ; .arch x64 ; psrld Rx(x), imm),
                (_, Shift::RightU) => dynasm!(self.asm ; .arch x64 ; psrlq Rx(x), imm),
                (16, Shift::RightS) => dynasm!(self.asm ; .arch x64 ; psraw Rx(x), imm),
                (_, Shift::RightS) => dynasm!(self.asm ; .arch x64 ; psrad Rx(x), imm),
            }
            self.push_xmm(ValType::V128, x);
            return;
        }
        self.load_gpr(ValType::I32, count, crate::abi::regs::RAX);
        self.free(count);
        let x = self.pop_vector();
        dynasm!(self.asm
            ; .arch x64
            ; and eax, (bits - 1) as i32
            ; movd Rx(XSCRATCH), eax
        );
        if bits == 8 {
            self.byte_shift(x, kind);
            self.push_xmm(ValType::V128, x);
            return;
        }
        if bits == 64 && matches!(kind, Shift::RightS) {
            // No psraq: ((x >>u c) ^ m) - m, with m the sign bit shifted alike.
            dynasm!(self.asm
                ; .arch x64
                ; pcmpeqd Rx(XSCRATCH2), Rx(XSCRATCH2)
                ; psllq Rx(XSCRATCH2), 63
                ; psrlq Rx(XSCRATCH2), Rx(XSCRATCH)
                ; psrlq Rx(x), Rx(XSCRATCH)
                ; pxor Rx(x), Rx(XSCRATCH2)
                ; psubq Rx(x), Rx(XSCRATCH2)
            );
            self.push_xmm(ValType::V128, x);
            return;
        }
        match (bits, kind) {
            (16, Shift::Left) => dynasm!(self.asm ; .arch x64 ; psllw Rx(x), Rx(XSCRATCH)),
            (32, Shift::Left) => dynasm!(self.asm ; .arch x64 ; pslld Rx(x), Rx(XSCRATCH)),
            (_, Shift::Left) => dynasm!(self.asm ; .arch x64 ; psllq Rx(x), Rx(XSCRATCH)),
            (16, Shift::RightU) => dynasm!(self.asm ; .arch x64 ; psrlw Rx(x), Rx(XSCRATCH)),
            (32, Shift::RightU) => dynasm!(self.asm ; .arch x64 ; psrld Rx(x), Rx(XSCRATCH)),
            (_, Shift::RightU) => dynasm!(self.asm ; .arch x64 ; psrlq Rx(x), Rx(XSCRATCH)),
            (16, Shift::RightS) => dynasm!(self.asm ; .arch x64 ; psraw Rx(x), Rx(XSCRATCH)),
            (_, Shift::RightS) => dynasm!(self.asm ; .arch x64 ; psrad Rx(x), Rx(XSCRATCH)),
        }
        self.push_xmm(ValType::V128, x);
    }

    /// Pops a vector into an xmm register the caller owns.
    fn pop_vector(&mut self) -> Xmm {
        let (_, v) = self.pop_opnd();
        self.owned_xmm(ValType::V128, v)
    }

    /// Pops b, then a: a in a register the caller owns (the destination), b in a
    /// register the caller only reads (its own, a pinned local's, or `XSCRATCH` holding a
    /// copy of a spilled value).
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

    /// As `vector_operands`, with b in a register the caller may change as well (a
    /// pinned local's value is copied to `XSCRATCH`).
    fn vector_operands_writable(&mut self) -> (Xmm, Xmm) {
        let (a, b) = self.vector_operands();
        if self.is_pinned(Opnd::Xmm(b)) {
            dynasm!(self.asm ; .arch x64 ; movaps Rx(XSCRATCH), Rx(b));
            return (a, XSCRATCH);
        }
        (a, b)
    }

    /// Whether this code is for the AVX2 path ("DESIGN: vector paths").
    fn avx(&self) -> bool {
        self.env.vector == crate::config::VectorPath::Avx2
    }

    /// As `vector_operands`, with b left in its frame slot on the AVX2 path: (the
    /// destination, the register holding a, b). On the AVX2 path a pinned local's
    /// register is read in place by the three-operand form (the destination is a new
    /// register, not a copy of it); otherwise a is in the destination.
    fn vector_operands_folded(&mut self) -> (Xmm, Xmm, Src) {
        if !self.avx() {
            let (a, b) = self.vector_operands();
            return (a, a, Src::Reg(b));
        }
        let (_, b) = self.pop_opnd();
        let (_, a) = self.pop_opnd();
        let (dst, a) = match a {
            Opnd::Xmm(x) if self.is_pinned(a) => (self.alloc_xmm(), x),
            _ => {
                let dst = self.owned_xmm(ValType::V128, a);
                (dst, dst)
            }
        };
        let src = match b {
            Opnd::Xmm(x) => Src::Reg(x),
            Opnd::Mem(d) => Src::Slot(d),
            Opnd::Imm(_) | Opnd::Gpr(_) => unreachable!("a v128 operand is in memory or xmm"),
        };
        (dst, a, src)
    }

    /// `finish_binop` for a folded second operand.
    fn finish_folded(&mut self, dst: Xmm, src: Src) {
        match src {
            Src::Reg(x) => self.finish_binop(dst, x),
            Src::Slot(_) => self.push_xmm(ValType::V128, dst),
        }
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
        if bits == 0 {
            dynasm!(self.asm ; .arch x64 ; pxor Rx(x), Rx(x));
        } else if bits == u128::MAX {
            dynasm!(self.asm ; .arch x64 ; pcmpeqd Rx(x), Rx(x));
        } else {
            self.load_vector_constant(bits, x);
        }
        self.push_xmm(ValType::V128, x);
    }

    fn v128_load(&mut self, memarg: MemArg) {
        let (_, addr_opnd) = self.pop_opnd();
        let x = self.alloc_xmm();
        let addr = self.address(addr_opnd, memarg, 16, crate::abi::watch::Direction::Read);
        match addr {
            super::memory::Addr::Disp(b, d) => {
                dynasm!(self.asm ; .arch x64 ; movdqu Rx(x), [Rq(b) + d])
            }
            super::memory::Addr::Index(b, i, d) => {
                dynasm!(self.asm ; .arch x64 ; movdqu Rx(x), [Rq(b) + Rq(i) + d])
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
        let addr = self.address(addr_opnd, memarg, 16, crate::abi::watch::Direction::Write);
        match addr {
            super::memory::Addr::Disp(b, d) => {
                dynasm!(self.asm ; .arch x64 ; movdqu [Rq(b) + d], Rx(x))
            }
            super::memory::Addr::Index(b, i, d) => {
                dynasm!(self.asm ; .arch x64 ; movdqu [Rq(b) + Rq(i) + d], Rx(x))
            }
        }
        if x != XSCRATCH {
            self.free(Opnd::Xmm(x));
        }
        self.free(addr_opnd);
    }

    /// A load of `size` bytes into a new vector register: pops the address, and `emit`
    /// loads from it (the register and the address are its argument).
    fn load_into(
        &mut self,
        memarg: MemArg,
        size: u32,
        emit: impl FnOnce(&mut Self, (Xmm, super::memory::Addr)),
    ) {
        let (_, addr_opnd) = self.pop_opnd();
        let x = self.alloc_xmm();
        let addr = self.address(addr_opnd, memarg, size, crate::abi::watch::Direction::Read);
        emit(self, (x, addr));
        self.free(addr_opnd);
        self.push_xmm(ValType::V128, x);
    }

    /// `v128.loadN_lane`: pops the vector, then the address; replaces one lane.
    fn load_lane(&mut self, memarg: MemArg, size: u32, lane: u8) {
        let x = self.pop_vector();
        let (_, addr_opnd) = self.pop_opnd();
        let addr = self.address(addr_opnd, memarg, size, crate::abi::watch::Direction::Read);
        let a = (x, addr);
        match size {
            1 => mem!(self, a, pinsrb, lane_imm(lane)),
            2 => mem!(self, a, pinsrw, lane_imm(lane)),
            4 => mem!(self, a, pinsrd, lane_imm(lane)),
            _ => mem!(self, a, pinsrq, lane_imm(lane)),
        }
        self.free(addr_opnd);
        self.push_xmm(ValType::V128, x);
    }

    /// `v128.storeN_lane`: pops the vector, then the address; stores one lane.
    fn store_lane(&mut self, memarg: MemArg, size: u32, lane: u8) {
        let x = self.pop_vector();
        let (_, addr_opnd) = self.pop_opnd();
        let addr = self.address(addr_opnd, memarg, size, crate::abi::watch::Direction::Write);
        let imm = lane_imm(lane);
        match (size, addr) {
            (1, super::memory::Addr::Disp(b, d)) => {
                dynasm!(self.asm ; .arch x64 ; pextrb [Rq(b) + d], Rx(x), imm)
            }
            (1, super::memory::Addr::Index(b, i, d)) => {
                dynasm!(self.asm ; .arch x64 ; pextrb [Rq(b) + Rq(i) + d], Rx(x), imm)
            }
            (2, super::memory::Addr::Disp(b, d)) => {
                dynasm!(self.asm ; .arch x64 ; pextrw [Rq(b) + d], Rx(x), imm)
            }
            (2, super::memory::Addr::Index(b, i, d)) => {
                dynasm!(self.asm ; .arch x64 ; pextrw [Rq(b) + Rq(i) + d], Rx(x), imm)
            }
            (4, super::memory::Addr::Disp(b, d)) => {
                dynasm!(self.asm ; .arch x64 ; pextrd [Rq(b) + d], Rx(x), imm)
            }
            (4, super::memory::Addr::Index(b, i, d)) => {
                dynasm!(self.asm ; .arch x64 ; pextrd [Rq(b) + Rq(i) + d], Rx(x), imm)
            }
            (_, super::memory::Addr::Disp(b, d)) => {
                dynasm!(self.asm ; .arch x64 ; pextrq [Rq(b) + d], Rx(x), imm)
            }
            (_, super::memory::Addr::Index(b, i, d)) => {
                dynasm!(self.asm ; .arch x64 ; pextrq [Rq(b) + Rq(i) + d], Rx(x), imm)
            }
        }
        self.free(Opnd::Xmm(x));
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
        if self.avx() {
            match bits {
                8 => dynasm!(self.asm ; .arch x64 ; movd Rx(x), Rd(r) ; vpbroadcastb Rx(x), Rx(x)),
                16 => dynasm!(self.asm ; .arch x64 ; movd Rx(x), Rd(r) ; vpbroadcastw Rx(x), Rx(x)),
                32 => dynasm!(self.asm ; .arch x64 ; movd Rx(x), Rd(r) ; vpbroadcastd Rx(x), Rx(x)),
                _ => dynasm!(self.asm ; .arch x64 ; movq Rx(x), Rq(r) ; vpbroadcastq Rx(x), Rx(x)),
            }
            self.free(Opnd::Gpr(r));
            self.push_xmm(ValType::V128, x);
            return;
        }
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
