//! The compile workloads' inputs: large modules generated deterministically (fixed-seed
//! xorshift generators), so every run and every runtime compiles the same bytes.
//!
//! `large_module` (the `compile` workload): functions mix i32/i64/f64 arithmetic and
//! comparisons, locals, counted loops with early exits, if/else, direct calls to earlier
//! functions and loads/stores at masked addresses, roughly what a compiler front end emits
//! for ordinary code. `simd_module` (`compile.simd`): the same shapes of code with mostly
//! v128 values and fixed-width SIMD operations, for comparing compile speed on SIMD code.
//! The bodies are valid but are never run: only `Module::new` is timed.

use wasm_encoder::{
    CodeSection, ExportKind, ExportSection, Function, FunctionSection, Instruction as I, MemArg,
    MemArgTarget, MemorySection, MemoryType, Module, TypeSection, ValType,
};

/// Number of functions; chosen so Kestrel's machine code for the module exceeds 5 MB.
pub const FUNCTIONS: u32 = 4000;

/// The signatures functions are drawn from: (params, result).
const SIGNATURES: [(&[Ty], Ty); 4] = [
    (&[Ty::I32, Ty::I32], Ty::I32),
    (&[Ty::I32, Ty::F64], Ty::F64),
    (&[Ty::I64, Ty::I32], Ty::I64),
    (&[Ty::F64, Ty::F64, Ty::I32], Ty::F64),
];

/// Locals declared by every function after its parameters, in this order.
const VAR_I32: u32 = 4;
const VAR_I64: u32 = 2;
const VAR_F64: u32 = 2;
/// One loop counter per loop nesting level.
const LOOP_COUNTERS: u32 = 3;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ty {
    I32,
    I64,
    F64,
}

impl Ty {
    fn val_type(self) -> ValType {
        match self {
            Ty::I32 => ValType::I32,
            Ty::I64 => ValType::I64,
            Ty::F64 => ValType::F64,
        }
    }
}

/// xorshift64*: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u32) -> u32 {
        (self.next() >> 33) as u32 % n
    }
}

/// The module's binary encoding (the same bytes on every call).
pub fn large_module() -> Vec<u8> {
    let signatures = SIGNATURES.map(|(params, result)| {
        (
            params.iter().map(|t| t.val_type()).collect(),
            result.val_type(),
        )
    });
    assemble(
        0x6b65_7374_7265_6c21,
        &signatures,
        FUNCTIONS,
        |rng, sig, earlier| FunctionBuilder::new(rng, sig, earlier).build(),
    )
}

/// A generated module: `count` functions, each with a signature drawn from `signatures`
/// and a body from `body` (given the generator, its signature and the signatures of the
/// functions before it, which it may call), one memory, the last function exported as
/// `main`. Seeded by `seed`: the same bytes on every call.
fn assemble(
    seed: u64,
    signatures: &[(Vec<ValType>, ValType)],
    count: u32,
    mut body: impl FnMut(&mut Rng, usize, &[usize]) -> Function,
) -> Vec<u8> {
    let mut rng = Rng(seed);
    let mut types = TypeSection::new();
    for (params, result) in signatures {
        types.ty().function(params.iter().copied(), [*result]);
    }
    let mut functions = FunctionSection::new();
    let mut code = CodeSection::new();
    let mut signature_of = Vec::with_capacity(count as usize);
    for index in 0..count {
        let sig = rng.below(signatures.len() as u32) as usize;
        signature_of.push(sig);
        functions.function(sig as u32);
        code.function(&body(&mut rng, sig, &signature_of[..index as usize]));
    }
    let mut memories = MemorySection::new();
    memories.memory(MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    let mut exports = ExportSection::new();
    exports.export("main", ExportKind::Func, count - 1);
    exports.export("memory", ExportKind::Memory, 0);

    let mut module = Module::new();
    module
        .section(&types)
        .section(&functions)
        .section(&memories)
        .section(&exports)
        .section(&code);
    module.finish()
}

struct FunctionBuilder<'a> {
    rng: &'a mut Rng,
    body: Function,
    /// Signatures of the functions before this one (the ones it may call).
    callees: &'a [usize],
    i32_locals: Vec<u32>,
    i64_locals: Vec<u32>,
    f64_locals: Vec<u32>,
    first_counter: u32,
    loop_level: u32,
    result: Ty,
}

impl<'a> FunctionBuilder<'a> {
    fn new(rng: &'a mut Rng, sig: usize, callees: &'a [usize]) -> FunctionBuilder<'a> {
        let (params, result) = SIGNATURES[sig];
        let (mut i32_locals, mut i64_locals, mut f64_locals) = (vec![], vec![], vec![]);
        for (i, t) in params.iter().enumerate() {
            match t {
                Ty::I32 => i32_locals.push(i as u32),
                Ty::I64 => i64_locals.push(i as u32),
                Ty::F64 => f64_locals.push(i as u32),
            }
        }
        let mut next = params.len() as u32;
        for (count, list) in [
            (VAR_I32, &mut i32_locals),
            (VAR_I64, &mut i64_locals),
            (VAR_F64, &mut f64_locals),
        ] {
            list.extend(next..next + count);
            next += count;
        }
        let body = Function::new([
            (VAR_I32, ValType::I32),
            (VAR_I64, ValType::I64),
            (VAR_F64, ValType::F64),
            (LOOP_COUNTERS, ValType::I32),
        ]);
        FunctionBuilder {
            rng,
            body,
            callees,
            i32_locals,
            i64_locals,
            f64_locals,
            first_counter: next,
            loop_level: 0,
            result,
        }
    }

    fn build(mut self) -> Function {
        let statements = 10 + self.rng.below(8);
        for _ in 0..statements {
            self.statement(2);
        }
        self.expr(self.result, 3);
        self.emit(I::End);
        self.body
    }

    fn emit(&mut self, instruction: I<'_>) {
        self.body.instruction(&instruction);
    }

    fn any_type(&mut self) -> Ty {
        [Ty::I32, Ty::I64, Ty::F64][self.rng.below(3) as usize]
    }

    fn local(&mut self, ty: Ty) -> u32 {
        let list = match ty {
            Ty::I32 => &self.i32_locals,
            Ty::I64 => &self.i64_locals,
            Ty::F64 => &self.f64_locals,
        };
        list[(self.rng.next() >> 40) as usize % list.len()]
    }

    fn mem_arg(&mut self, align: u32) -> MemArg {
        MemArg {
            offset: u64::from(self.rng.below(32)) * 8,
            align,
            target: MemArgTarget::Memory(0),
            ordering: None,
        }
    }

    /// An address inside the first 32 KiB of the one-page memory.
    fn address(&mut self) {
        let base = self.local(Ty::I32);
        self.emit(I::LocalGet(base));
        self.emit(I::I32Const(0x7ff8));
        self.emit(I::I32And);
    }

    fn statement(&mut self, depth: u32) {
        match self.rng.below(10) {
            4 => self.store(),
            5 if depth > 0 => self.if_else(depth),
            6 if depth > 0 && self.loop_level < LOOP_COUNTERS => self.counted_loop(depth),
            7 if !self.callees.is_empty() => self.call(),
            _ => {
                let ty = self.any_type();
                self.expr(ty, 3);
                let local = self.local(ty);
                self.emit(I::LocalSet(local));
            }
        }
    }

    fn store(&mut self) {
        self.address();
        let ty = self.any_type();
        self.expr(ty, 2);
        let instruction = match ty {
            Ty::I32 if self.rng.below(2) == 0 => I::I32Store8(self.mem_arg(0)),
            Ty::I32 => I::I32Store(self.mem_arg(2)),
            Ty::I64 => I::I64Store(self.mem_arg(3)),
            Ty::F64 => I::F64Store(self.mem_arg(3)),
        };
        self.emit(instruction);
    }

    fn if_else(&mut self, depth: u32) {
        self.expr(Ty::I32, 2);
        self.emit(I::If(wasm_encoder::BlockType::Empty));
        for _ in 0..1 + self.rng.below(3) {
            self.statement(depth - 1);
        }
        self.emit(I::Else);
        for _ in 0..1 + self.rng.below(2) {
            self.statement(depth - 1);
        }
        self.emit(I::End);
    }

    /// `for (c = 0; c < K; c++) { ...; if (cond) break; }`
    fn counted_loop(&mut self, depth: u32) {
        let counter = self.first_counter + self.loop_level;
        self.loop_level += 1;
        self.emit(I::I32Const(0));
        self.emit(I::LocalSet(counter));
        self.emit(I::Block(wasm_encoder::BlockType::Empty));
        self.emit(I::Loop(wasm_encoder::BlockType::Empty));
        for _ in 0..2 + self.rng.below(3) {
            self.statement(depth - 1);
        }
        self.expr(Ty::I32, 1);
        self.emit(I::BrIf(1));
        self.emit(I::LocalGet(counter));
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::LocalTee(counter));
        let trips = 2 + self.rng.below(30) as i32;
        self.emit(I::I32Const(trips));
        self.emit(I::I32LtU);
        self.emit(I::BrIf(0));
        self.emit(I::End);
        self.emit(I::End);
        self.loop_level -= 1;
    }

    /// A call to one of the 64 functions before this one.
    fn call(&mut self) {
        let n = self.callees.len() as u32;
        let callee = n - 1 - self.rng.below(n.min(64));
        let (params, result) = SIGNATURES[self.callees[callee as usize]];
        for &param in params {
            self.expr(param, 1);
        }
        self.emit(I::Call(callee));
        if self.rng.below(4) == 0 {
            self.emit(I::Drop);
        } else {
            let local = self.local(result);
            self.emit(I::LocalSet(local));
        }
    }

    fn leaf(&mut self, ty: Ty) {
        match self.rng.below(5) {
            0 => match ty {
                Ty::I32 => {
                    let v = self.rng.next() as i32 >> self.rng.below(31);
                    self.emit(I::I32Const(v));
                }
                Ty::I64 => {
                    let v = self.rng.next() as i64 >> self.rng.below(63);
                    self.emit(I::I64Const(v));
                }
                Ty::F64 => {
                    let v = f64::from(self.rng.below(2000) as i32 - 1000) / 8.0;
                    self.emit(I::F64Const(v.into()));
                }
            },
            1 => {
                self.address();
                let instruction = match ty {
                    Ty::I32 if self.rng.below(2) == 0 => I::I32Load8U(self.mem_arg(0)),
                    Ty::I32 => I::I32Load(self.mem_arg(2)),
                    Ty::I64 => I::I64Load(self.mem_arg(3)),
                    Ty::F64 => I::F64Load(self.mem_arg(3)),
                };
                self.emit(instruction);
            }
            _ => {
                let local = self.local(ty);
                self.emit(I::LocalGet(local));
            }
        }
    }

    fn expr(&mut self, ty: Ty, depth: u32) {
        if depth == 0 || self.rng.below(4) == 0 {
            return self.leaf(ty);
        }
        let d = depth - 1;
        match ty {
            Ty::I32 => match self.rng.below(8) {
                0 => {
                    self.expr(Ty::I32, d);
                    self.expr(Ty::I32, d);
                    let op = [I::I32LtS, I::I32GeU, I::I32Eq, I::I32Ne][self.rng.below(4) as usize]
                        .clone();
                    self.emit(op);
                }
                1 => {
                    self.expr(Ty::I64, d);
                    self.emit(I::I32WrapI64);
                }
                2 => {
                    self.expr(Ty::F64, d);
                    self.expr(Ty::F64, d);
                    let op = [I::F64Lt, I::F64Ge, I::F64Eq][self.rng.below(3) as usize].clone();
                    self.emit(op);
                }
                3 => {
                    self.expr(Ty::I32, d);
                    self.expr(Ty::I32, d);
                    self.expr(Ty::I32, d);
                    self.emit(I::Select);
                }
                _ => {
                    self.expr(Ty::I32, d);
                    self.expr(Ty::I32, d);
                    let ops = [
                        I::I32Add,
                        I::I32Sub,
                        I::I32Mul,
                        I::I32And,
                        I::I32Or,
                        I::I32Xor,
                        I::I32Shl,
                        I::I32ShrU,
                        I::I32Rotl,
                    ];
                    let op = ops[self.rng.below(ops.len() as u32) as usize].clone();
                    self.emit(op);
                }
            },
            Ty::I64 => match self.rng.below(6) {
                0 => {
                    self.expr(Ty::I32, d);
                    self.emit(I::I64ExtendI32S);
                }
                1 => {
                    self.expr(Ty::F64, d);
                    self.emit(I::I64ReinterpretF64);
                }
                _ => {
                    self.expr(Ty::I64, d);
                    self.expr(Ty::I64, d);
                    let ops = [
                        I::I64Add,
                        I::I64Sub,
                        I::I64Mul,
                        I::I64Xor,
                        I::I64Or,
                        I::I64Shl,
                        I::I64Rotr,
                    ];
                    let op = ops[self.rng.below(ops.len() as u32) as usize].clone();
                    self.emit(op);
                }
            },
            Ty::F64 => match self.rng.below(7) {
                0 => {
                    self.expr(Ty::I32, d);
                    self.emit(I::F64ConvertI32S);
                }
                1 => {
                    self.expr(Ty::I64, d);
                    self.emit(I::F64ConvertI64S);
                }
                2 => {
                    self.expr(Ty::F64, d);
                    let op = [I::F64Sqrt, I::F64Abs, I::F64Neg, I::F64Floor]
                        [self.rng.below(4) as usize]
                        .clone();
                    self.emit(op);
                }
                _ => {
                    self.expr(Ty::F64, d);
                    self.expr(Ty::F64, d);
                    let ops = [
                        I::F64Add,
                        I::F64Sub,
                        I::F64Mul,
                        I::F64Div,
                        I::F64Min,
                        I::F64Max,
                    ];
                    let op = ops[self.rng.below(ops.len() as u32) as usize].clone();
                    self.emit(op);
                }
            },
        }
    }
}

/// Number of functions in the SIMD compile workload's module; chosen so its wasm is about
/// the size of [`large_module`]'s.
pub const SIMD_FUNCTIONS: u32 = 4000;

/// The SIMD module's signatures: (params, result).
const SIMD_SIGNATURES: [(&[SimdTy], SimdTy); 4] = [
    (&[SimdTy::V128, SimdTy::V128, SimdTy::I32], SimdTy::V128),
    (&[SimdTy::I32, SimdTy::V128], SimdTy::I32),
    (&[SimdTy::V128, SimdTy::F64], SimdTy::F64),
    (&[SimdTy::I32, SimdTy::I32], SimdTy::V128),
];

/// Locals declared by every SIMD function after its parameters, in this order (then the
/// loop counters).
const SIMD_VAR_V128: u32 = 4;
const SIMD_VAR_I32: u32 = 3;
const SIMD_VAR_F64: u32 = 1;

#[derive(Clone, Copy, PartialEq, Eq)]
enum SimdTy {
    I32,
    F64,
    V128,
}

impl SimdTy {
    fn val_type(self) -> ValType {
        match self {
            SimdTy::I32 => ValType::I32,
            SimdTy::F64 => ValType::F64,
            SimdTy::V128 => ValType::V128,
        }
    }
}

/// Lane-wise v128 operations of one operand.
const SIMD_UNARY: &[I<'static>] = &[
    I::V128Not,
    I::I8x16Abs,
    I::I8x16Neg,
    I::I8x16Popcnt,
    I::I16x8ExtAddPairwiseI8x16S,
    I::I16x8ExtendLowI8x16S,
    I::I16x8ExtendHighI8x16U,
    I::I16x8Abs,
    I::I32x4ExtAddPairwiseI16x8U,
    I::I32x4ExtendLowI16x8U,
    I::I32x4ExtendHighI16x8S,
    I::I32x4Neg,
    I::I64x2ExtendLowI32x4S,
    I::I64x2Abs,
    I::F32x4Abs,
    I::F32x4Neg,
    I::F32x4Sqrt,
    I::F32x4Floor,
    I::F32x4Nearest,
    I::F64x2Ceil,
    I::F64x2Trunc,
    I::F64x2Sqrt,
    I::F32x4ConvertI32x4S,
    I::F32x4ConvertI32x4U,
    I::I32x4TruncSatF32x4S,
    I::I32x4TruncSatF32x4U,
    I::F64x2ConvertLowI32x4S,
    I::I32x4TruncSatF64x2SZero,
    I::F64x2PromoteLowF32x4,
    I::F32x4DemoteF64x2Zero,
];

/// Lane-wise v128 operations of two operands.
const SIMD_BINARY: &[I<'static>] = &[
    I::V128And,
    I::V128AndNot,
    I::V128Or,
    I::V128Xor,
    I::I8x16Swizzle,
    I::I8x16Add,
    I::I8x16AddSatU,
    I::I8x16Sub,
    I::I8x16SubSatS,
    I::I8x16MinU,
    I::I8x16MaxS,
    I::I8x16AvgrU,
    I::I8x16Eq,
    I::I8x16GtS,
    I::I8x16LeU,
    I::I8x16NarrowI16x8S,
    I::I8x16NarrowI16x8U,
    I::I16x8Add,
    I::I16x8Sub,
    I::I16x8Mul,
    I::I16x8AddSatS,
    I::I16x8SubSatU,
    I::I16x8MinS,
    I::I16x8MaxU,
    I::I16x8Q15MulrSatS,
    I::I16x8ExtMulLowI8x16S,
    I::I16x8Eq,
    I::I16x8LtU,
    I::I16x8NarrowI32x4U,
    I::I32x4Add,
    I::I32x4Sub,
    I::I32x4Mul,
    I::I32x4MinU,
    I::I32x4MaxS,
    I::I32x4DotI16x8S,
    I::I32x4ExtMulHighI16x8U,
    I::I32x4Eq,
    I::I32x4GtU,
    I::I32x4GeS,
    I::I64x2Add,
    I::I64x2Sub,
    I::I64x2Mul,
    I::I64x2Eq,
    I::I64x2GtS,
    I::I64x2ExtMulLowI32x4U,
    I::F32x4Add,
    I::F32x4Sub,
    I::F32x4Mul,
    I::F32x4Div,
    I::F32x4Min,
    I::F32x4Max,
    I::F32x4PMin,
    I::F32x4Lt,
    I::F32x4Ge,
    I::F64x2Add,
    I::F64x2Sub,
    I::F64x2Mul,
    I::F64x2Div,
    I::F64x2Max,
    I::F64x2PMax,
    I::F64x2Le,
    I::F64x2Ne,
];

/// v128 shifted by an i32.
const SIMD_SHIFTS: &[I<'static>] = &[
    I::I8x16Shl,
    I::I8x16ShrU,
    I::I16x8Shl,
    I::I16x8ShrS,
    I::I32x4Shl,
    I::I32x4ShrS,
    I::I32x4ShrU,
    I::I64x2Shl,
    I::I64x2ShrU,
];

/// v128 reduced to an i32 (lane extracts come separately).
const SIMD_TO_I32: &[I<'static>] = &[
    I::V128AnyTrue,
    I::I8x16AllTrue,
    I::I8x16Bitmask,
    I::I16x8AllTrue,
    I::I16x8Bitmask,
    I::I32x4AllTrue,
    I::I32x4Bitmask,
    I::I64x2Bitmask,
];

/// The SIMD compile workload's input: a module like [`large_module`]'s in shape (the same
/// kinds of statements, loops, branches and calls) whose values are mostly v128. Functions
/// keep vectors in locals, load and store them (full, extending, splatting and lane-wise),
/// combine them with integer and float lane arithmetic, compares, shuffles, swizzles,
/// bitselects, narrowing, widening and conversions, move scalars in and out through splats,
/// lane extracts and replaces, and branch on bitmasks and any/all-true reductions. No
/// relaxed SIMD, so every peer with fixed-width SIMD compiles it. Never run.
pub fn simd_module() -> Vec<u8> {
    let signatures = SIMD_SIGNATURES.map(|(params, result)| {
        (
            params.iter().map(|t| t.val_type()).collect(),
            result.val_type(),
        )
    });
    assemble(
        0x7369_6d64_2d6b_6573,
        &signatures,
        SIMD_FUNCTIONS,
        |rng, sig, earlier| SimdFunctionBuilder::new(rng, sig, earlier).build(),
    )
}

struct SimdFunctionBuilder<'a> {
    rng: &'a mut Rng,
    body: Function,
    /// Signatures of the functions before this one (the ones it may call).
    callees: &'a [usize],
    v128_locals: Vec<u32>,
    i32_locals: Vec<u32>,
    f64_locals: Vec<u32>,
    first_counter: u32,
    loop_level: u32,
    result: SimdTy,
}

impl<'a> SimdFunctionBuilder<'a> {
    fn new(rng: &'a mut Rng, sig: usize, callees: &'a [usize]) -> SimdFunctionBuilder<'a> {
        let (params, result) = SIMD_SIGNATURES[sig];
        let (mut v128_locals, mut i32_locals, mut f64_locals) = (vec![], vec![], vec![]);
        for (i, t) in params.iter().enumerate() {
            match t {
                SimdTy::V128 => v128_locals.push(i as u32),
                SimdTy::I32 => i32_locals.push(i as u32),
                SimdTy::F64 => f64_locals.push(i as u32),
            }
        }
        let mut next = params.len() as u32;
        for (count, list) in [
            (SIMD_VAR_V128, &mut v128_locals),
            (SIMD_VAR_I32, &mut i32_locals),
            (SIMD_VAR_F64, &mut f64_locals),
        ] {
            list.extend(next..next + count);
            next += count;
        }
        let body = Function::new([
            (SIMD_VAR_V128, ValType::V128),
            (SIMD_VAR_I32, ValType::I32),
            (SIMD_VAR_F64, ValType::F64),
            (LOOP_COUNTERS, ValType::I32),
        ]);
        SimdFunctionBuilder {
            rng,
            body,
            callees,
            v128_locals,
            i32_locals,
            f64_locals,
            first_counter: next,
            loop_level: 0,
            result,
        }
    }

    fn build(mut self) -> Function {
        let statements = 8 + self.rng.below(6);
        for _ in 0..statements {
            self.statement(2);
        }
        self.expr(self.result, 3);
        self.emit(I::End);
        self.body
    }

    fn emit(&mut self, instruction: I<'_>) {
        self.body.instruction(&instruction);
    }

    fn pick(&mut self, list: &[I<'static>]) {
        let op = list[self.rng.below(list.len() as u32) as usize].clone();
        self.emit(op);
    }

    fn lane(&mut self, lanes: u32) -> u8 {
        self.rng.below(lanes) as u8
    }

    fn local(&mut self, ty: SimdTy) -> u32 {
        let list = match ty {
            SimdTy::V128 => &self.v128_locals,
            SimdTy::I32 => &self.i32_locals,
            SimdTy::F64 => &self.f64_locals,
        };
        list[(self.rng.next() >> 40) as usize % list.len()]
    }

    fn mem_arg(&mut self, align: u32) -> MemArg {
        MemArg {
            offset: u64::from(self.rng.below(32)) * 16,
            align,
            target: MemArgTarget::Memory(0),
            ordering: None,
        }
    }

    /// An address inside the first 32 KiB of the one-page memory.
    fn address(&mut self) {
        let base = self.local(SimdTy::I32);
        self.emit(I::LocalGet(base));
        self.emit(I::I32Const(0x7ff0));
        self.emit(I::I32And);
    }

    fn statement(&mut self, depth: u32) {
        match self.rng.below(12) {
            4 | 5 => self.store(),
            6 if depth > 0 => self.if_else(depth),
            7 if depth > 0 && self.loop_level < LOOP_COUNTERS => self.counted_loop(depth),
            8 if !self.callees.is_empty() => self.call(),
            9 => {
                self.expr(SimdTy::I32, 3);
                let local = self.local(SimdTy::I32);
                self.emit(I::LocalSet(local));
            }
            _ => {
                self.expr(SimdTy::V128, 3);
                let local = self.local(SimdTy::V128);
                self.emit(I::LocalSet(local));
            }
        }
    }

    fn store(&mut self) {
        self.address();
        self.expr(SimdTy::V128, 2);
        let instruction = match self.rng.below(4) {
            0 => I::V128Store32Lane {
                memarg: self.mem_arg(2),
                lane: self.lane(4),
            },
            1 => I::V128Store64Lane {
                memarg: self.mem_arg(3),
                lane: self.lane(2),
            },
            _ => I::V128Store(self.mem_arg(4)),
        };
        self.emit(instruction);
    }

    fn if_else(&mut self, depth: u32) {
        self.expr(SimdTy::I32, 2);
        self.emit(I::If(wasm_encoder::BlockType::Empty));
        for _ in 0..1 + self.rng.below(3) {
            self.statement(depth - 1);
        }
        self.emit(I::Else);
        for _ in 0..1 + self.rng.below(2) {
            self.statement(depth - 1);
        }
        self.emit(I::End);
    }

    /// `for (c = 0; c < K; c++) { ...; if (any lane of a compare) break; }`
    fn counted_loop(&mut self, depth: u32) {
        let counter = self.first_counter + self.loop_level;
        self.loop_level += 1;
        self.emit(I::I32Const(0));
        self.emit(I::LocalSet(counter));
        self.emit(I::Block(wasm_encoder::BlockType::Empty));
        self.emit(I::Loop(wasm_encoder::BlockType::Empty));
        for _ in 0..2 + self.rng.below(3) {
            self.statement(depth - 1);
        }
        self.expr(SimdTy::V128, 1);
        self.expr(SimdTy::V128, 1);
        self.emit(I::I32x4Eq);
        self.emit(I::V128AnyTrue);
        self.emit(I::BrIf(1));
        self.emit(I::LocalGet(counter));
        self.emit(I::I32Const(1));
        self.emit(I::I32Add);
        self.emit(I::LocalTee(counter));
        let trips = 2 + self.rng.below(30) as i32;
        self.emit(I::I32Const(trips));
        self.emit(I::I32LtU);
        self.emit(I::BrIf(0));
        self.emit(I::End);
        self.emit(I::End);
        self.loop_level -= 1;
    }

    /// A call to one of the 64 functions before this one.
    fn call(&mut self) {
        let n = self.callees.len() as u32;
        let callee = n - 1 - self.rng.below(n.min(64));
        let (params, result) = SIMD_SIGNATURES[self.callees[callee as usize]];
        for &param in params {
            self.expr(param, 1);
        }
        self.emit(I::Call(callee));
        if self.rng.below(4) == 0 {
            self.emit(I::Drop);
        } else {
            let local = self.local(result);
            self.emit(I::LocalSet(local));
        }
    }

    fn leaf(&mut self, ty: SimdTy) {
        match (ty, self.rng.below(6)) {
            (SimdTy::V128, 0) => {
                let bits = (u128::from(self.rng.next()) << 64) | u128::from(self.rng.next());
                self.emit(I::V128Const(bits as i128));
            }
            (SimdTy::V128, 1) => {
                self.address();
                let instruction = match self.rng.below(6) {
                    0 => I::V128Load8x8S(self.mem_arg(3)),
                    1 => I::V128Load16x4U(self.mem_arg(3)),
                    2 => I::V128Load32Splat(self.mem_arg(2)),
                    3 => I::V128Load64Zero(self.mem_arg(3)),
                    _ => I::V128Load(self.mem_arg(4)),
                };
                self.emit(instruction);
            }
            (SimdTy::I32, 0) => {
                let v = self.rng.next() as i32 >> self.rng.below(31);
                self.emit(I::I32Const(v));
            }
            (SimdTy::I32, 1) => {
                self.address();
                let memarg = self.mem_arg(2);
                self.emit(I::I32Load(memarg));
            }
            (SimdTy::F64, 0) => {
                let v = f64::from(self.rng.below(2000) as i32 - 1000) / 8.0;
                self.emit(I::F64Const(v.into()));
            }
            _ => {
                let local = self.local(ty);
                self.emit(I::LocalGet(local));
            }
        }
    }

    fn expr(&mut self, ty: SimdTy, depth: u32) {
        if depth == 0 || self.rng.below(4) == 0 {
            return self.leaf(ty);
        }
        let d = depth - 1;
        match ty {
            SimdTy::V128 => match self.rng.below(12) {
                0 | 1 => {
                    self.expr(SimdTy::V128, d);
                    self.pick(SIMD_UNARY);
                }
                2 => {
                    self.expr(SimdTy::V128, d);
                    self.expr(SimdTy::I32, 0);
                    self.pick(SIMD_SHIFTS);
                }
                3 => {
                    self.expr(SimdTy::V128, d);
                    self.expr(SimdTy::V128, d);
                    self.expr(SimdTy::V128, d);
                    self.emit(I::V128Bitselect);
                }
                4 => {
                    self.expr(SimdTy::V128, d);
                    self.expr(SimdTy::V128, d);
                    let mut lanes = [0u8; 16];
                    for lane in &mut lanes {
                        *lane = self.lane(32);
                    }
                    self.emit(I::I8x16Shuffle(lanes));
                }
                5 => {
                    self.expr(SimdTy::V128, d);
                    match self.rng.below(4) {
                        0 => {
                            self.expr(SimdTy::I32, d);
                            let lane = self.lane(16);
                            self.emit(I::I8x16ReplaceLane(lane));
                        }
                        1 => {
                            self.expr(SimdTy::I32, d);
                            let lane = self.lane(4);
                            self.emit(I::I32x4ReplaceLane(lane));
                        }
                        2 => {
                            self.expr(SimdTy::F64, d);
                            self.emit(I::F32DemoteF64);
                            let lane = self.lane(4);
                            self.emit(I::F32x4ReplaceLane(lane));
                        }
                        _ => {
                            self.expr(SimdTy::F64, d);
                            let lane = self.lane(2);
                            self.emit(I::F64x2ReplaceLane(lane));
                        }
                    }
                }
                6 => match self.rng.below(5) {
                    0 => {
                        self.expr(SimdTy::I32, d);
                        self.emit(I::I8x16Splat);
                    }
                    1 => {
                        self.expr(SimdTy::I32, d);
                        self.emit(I::I16x8Splat);
                    }
                    2 => {
                        self.expr(SimdTy::I32, d);
                        self.emit(I::I32x4Splat);
                    }
                    3 => {
                        self.expr(SimdTy::F64, d);
                        self.emit(I::F32DemoteF64);
                        self.emit(I::F32x4Splat);
                    }
                    _ => {
                        self.expr(SimdTy::F64, d);
                        self.emit(I::F64x2Splat);
                    }
                },
                _ => {
                    self.expr(SimdTy::V128, d);
                    self.expr(SimdTy::V128, d);
                    self.pick(SIMD_BINARY);
                }
            },
            SimdTy::I32 => match self.rng.below(6) {
                0 | 1 => {
                    self.expr(SimdTy::V128, d);
                    self.pick(SIMD_TO_I32);
                }
                2 => {
                    self.expr(SimdTy::V128, d);
                    let instruction = match self.rng.below(3) {
                        0 => I::I8x16ExtractLaneU(self.lane(16)),
                        1 => I::I16x8ExtractLaneS(self.lane(8)),
                        _ => I::I32x4ExtractLane(self.lane(4)),
                    };
                    self.emit(instruction);
                }
                _ => {
                    self.expr(SimdTy::I32, d);
                    self.expr(SimdTy::I32, d);
                    let ops = [
                        I::I32Add,
                        I::I32Sub,
                        I::I32Mul,
                        I::I32And,
                        I::I32Xor,
                        I::I32Shl,
                        I::I32ShrU,
                        I::I32LtS,
                    ];
                    let op = ops[self.rng.below(ops.len() as u32) as usize].clone();
                    self.emit(op);
                }
            },
            SimdTy::F64 => match self.rng.below(5) {
                0 | 1 => {
                    self.expr(SimdTy::V128, d);
                    let lane = self.lane(2);
                    self.emit(I::F64x2ExtractLane(lane));
                }
                2 => {
                    self.expr(SimdTy::V128, d);
                    let lane = self.lane(4);
                    self.emit(I::F32x4ExtractLane(lane));
                    self.emit(I::F64PromoteF32);
                }
                _ => {
                    self.expr(SimdTy::F64, d);
                    self.expr(SimdTy::F64, d);
                    let ops = [I::F64Add, I::F64Mul, I::F64Sub, I::F64Min];
                    let op = ops[self.rng.below(ops.len() as u32) as usize].clone();
                    self.emit(op);
                }
            },
        }
    }
}
