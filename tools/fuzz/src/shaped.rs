//! The `shaped` generator: modules shaped like the code a single-pass compiler finds
//! hardest, rather than like arbitrary valid wasm.
//!
//! Where `wasm-smith` draws instructions from the whole language, this generator builds
//! what stresses a register model, a calling convention and a value stack: deep
//! expression trees over i32/i64/f32/f64 whose operands read, `local.tee` and `local.set`
//! the same locals (and `x = x op y` updates, which Kestrel fuses); direct calls and
//! `call_indirect` with computed arguments and computed indices, to callees of every size
//! class (small leaves, small callers, functions with loops, functions with more locals of
//! each type than there are registers to pin them in), and tail calls of both kinds, on
//! one path or at a function's end; `select`, `if` and `block` with
//! results, `br_if` and `br_table` carrying values, loops with parameters; division,
//! remainder, shifts and rotates with either operand constant or computed; loads and
//! stores at computed addresses (on one memory, or on two in half the seeds); globals; multi-value calls and blocks; and, in three
//! seeds of four, `v128` values everywhere a number goes (parameters, results, locals,
//! globals, block and loop values, memory) with integer, float, lane, shuffle and shift
//! operators and the conversions between vectors and scalars.
//!
//! Every module terminates: functions call only functions after them (a call graph
//! without cycles, `call_indirect` included, by computing indices into a window of the
//! table that holds only later functions), loops count a counter local that nothing else
//! writes up to a small bound, and a cost estimate keeps the total work of each function
//! under a budget. NaN bits are nondeterministic in wasm, so a float is canonicalized
//! wherever its bits become observable (stores, global writes, reinterpretations, the
//! sign operand of `copysign`); the oracle compares scalar results by NaN class. Vectors
//! are compared bit for bit, so every float lane operation that can make a NaN is
//! canonicalized where it is computed, and a scalar float is before it enters a vector.

use crate::rng::Rng;
use std::borrow::Cow;
use wasm_encoder::{
    BlockType, CodeSection, ConstExpr, DataSection, ElementSection, Elements, ExportKind,
    ExportSection, Function, FunctionSection, GlobalSection, GlobalType, Ieee32, Ieee64,
    Instruction as I, MemArg, MemArgTarget, MemorySection, MemoryType, Module, RefType,
    TableSection, TableType, TypeSection, ValType as W,
};

/// A value type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum T {
    I32,
    I64,
    F32,
    F64,
    V128,
}

/// Every type, in the order of a function's scratch locals.
const TYPES: [T; 5] = [T::I32, T::I64, T::F32, T::F64, T::V128];
/// The types of a seed without SIMD.
const SCALARS: [T; 4] = [T::I32, T::I64, T::F32, T::F64];

impl T {
    fn wasm(self) -> W {
        match self {
            T::I32 => W::I32,
            T::I64 => W::I64,
            T::F32 => W::F32,
            T::F64 => W::F64,
            T::V128 => W::V128,
        }
    }
    fn is_float(self) -> bool {
        matches!(self, T::F32 | T::F64)
    }
    fn is_int(self) -> bool {
        matches!(self, T::I32 | T::I64)
    }
}

/// A function signature.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Sig {
    params: Vec<T>,
    results: Vec<T>,
}

/// How big and what kind of body a function gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// One or two operators, no calls: compiled as a small leaf.
    SmallLeaf,
    /// A short body with one call.
    SmallCaller,
    /// Expressions and statements, with calls, no loops.
    Medium,
    /// Bounded loops around expressions and calls.
    Loops,
    /// More locals of each type than Kestrel pins, all of them in use.
    ManyLocals,
}

/// The most a function may cost (roughly, operators executed per call), callees included.
const BUDGET: u64 = 40_000;
/// Bytes of the one memory page that computed addresses stay inside.
const ADDR_MASK: i32 = 0xfff8;

struct FuncPlan {
    sig: usize,
    /// The type the function is declared with: `sig`, or (`shaped-typed`) a declared
    /// subtype of it.
    declared: usize,
    class: Class,
    /// Estimated cost of one call, once generated.
    cost: u64,
}

/// The module under construction.
struct Gen {
    rng: Rng,
    /// The types this seed uses (with or without `v128`).
    value_types: &'static [T],
    /// Function signatures, then block signatures (added on demand), as type indices.
    types: Vec<Sig>,
    funcs: Vec<FuncPlan>,
    globals: Vec<T>,
    /// Table entries: the function in each, grouped by signature, ascending within a group.
    table: Vec<u32>,
    /// For each function signature: (first entry, entry count) of its group.
    groups: Vec<(u32, u32)>,
    /// How many memories (1, or 2 in half the seeds: accesses, bulk operations and
    /// `memory.grow` pick one, `memory.copy` copies between them).
    memories: u32,
    /// `shaped-typed`: function signatures are declared open (`sub`), some functions
    /// with a declared subtype of theirs, and calls also go through typed function
    /// references (`call_ref`, `return_call_ref`, `br_on_null`, `br_on_non_null`,
    /// `ref.as_non_null`).
    typed: bool,
    /// How many of `types` are function signatures (the rest: declared subtypes of
    /// them in `shaped-typed`, then block signatures).
    num_sigs: usize,
    /// `shaped-typed`: (type index, the signature it is a declared subtype of).
    subtypes: Vec<(usize, usize)>,
    /// `shaped-exceptions`: tags, throws on one path of statements, and expressions
    /// whose callees' exceptions `try_table` catches (by tag, and all, some rethrown).
    exceptions: bool,
    /// `shaped-exceptions`: each tag's type index and payload (tag 0 carries an i32,
    /// the only one caught by tag).
    tags: Vec<(usize, Option<T>)>,
}

/// Generates the module for `seed`.
pub fn shaped(seed: u64) -> Option<Vec<u8>> {
    Some(Gen::new(seed, false, false).module())
}

/// Generates the `shaped-typed` module for `seed`: `shaped`'s, with typed function
/// references and declared subtypes (`Gen::typed`).
pub fn shaped_typed(seed: u64) -> Option<Vec<u8>> {
    Some(Gen::new(seed, true, false).module())
}

/// Generates the `shaped-exceptions` module for `seed`: `shaped`'s, with throws and
/// catches across calls (`Gen::exceptions`).
pub fn shaped_exceptions(seed: u64) -> Option<Vec<u8>> {
    Some(Gen::new(seed, false, true).module())
}

impl Gen {
    fn new(seed: u64, typed: bool, exceptions: bool) -> Gen {
        let mut rng = Rng::new(seed ^ 0x5ea5_0000_0000_0001);
        let value_types: &'static [T] = if rng.chance(3, 4) { &TYPES } else { &SCALARS };
        let num_sigs = rng.range(1, 5) as usize;
        let mut types = Vec::new();
        for _ in 0..num_sigs {
            let params = (0..rng.range(0, 5))
                .map(|_| *rng.pick(value_types))
                .collect();
            let results = match rng.range(0, 9) {
                0 => vec![],
                1 | 2 => (0..rng.range(2, 3))
                    .map(|_| *rng.pick(value_types))
                    .collect(),
                _ => vec![*rng.pick(value_types)],
            };
            types.push(Sig { params, results });
        }
        // A declared subtype of each signature in half the typed seeds.
        let mut subtypes = Vec::new();
        if typed {
            for sig in 0..num_sigs {
                if rng.chance(1, 2) {
                    subtypes.push((types.len(), sig));
                    types.push(types[sig].clone());
                }
            }
        }
        // Tags: an i32 payload, an i64 payload, none.
        let mut tags = Vec::new();
        if exceptions {
            for payload in [Some(T::I32), Some(T::I64), None] {
                tags.push((types.len(), payload));
                types.push(Sig {
                    params: payload.into_iter().collect(),
                    results: vec![],
                });
            }
        }
        let num_funcs = rng.range(2, 12) as usize;
        let funcs: Vec<FuncPlan> = (0..num_funcs)
            .map(|_| FuncPlan {
                sig: rng.below(num_sigs),
                declared: usize::MAX,
                class: *rng.pick(&[
                    Class::SmallLeaf,
                    Class::SmallLeaf,
                    Class::SmallCaller,
                    Class::Medium,
                    Class::Medium,
                    Class::Loops,
                    Class::Loops,
                    Class::ManyLocals,
                ]),
                cost: 0,
            })
            .collect();
        let mut funcs = funcs;
        for plan in &mut funcs {
            let own: Vec<usize> = subtypes
                .iter()
                .filter(|(_, sig)| *sig == plan.sig)
                .map(|(t, _)| *t)
                .collect();
            plan.declared = match own.first() {
                Some(&t) if rng.chance(1, 2) => t,
                _ => plan.sig,
            };
        }
        let globals = (0..rng.range(1, 6))
            .map(|_| *rng.pick(value_types))
            .collect();
        let mut table = Vec::new();
        let mut groups = Vec::new();
        for sig in 0..num_sigs {
            let start = table.len() as u32;
            for (f, plan) in funcs.iter().enumerate() {
                if plan.sig == sig {
                    table.push(f as u32);
                }
            }
            groups.push((start, table.len() as u32 - start));
        }
        let memories = if rng.chance(1, 2) { 2 } else { 1 };
        Gen {
            rng,
            value_types,
            types,
            funcs,
            globals,
            table,
            groups,
            memories,
            typed,
            num_sigs,
            subtypes,
            exceptions,
            tags,
        }
    }

    /// Type index of a block signature (added to the type section if new).
    fn block_type(&mut self, params: Vec<T>, results: Vec<T>) -> BlockType {
        if params.is_empty() && results.is_empty() {
            return BlockType::Empty;
        }
        if params.is_empty() && results.len() == 1 {
            return BlockType::Result(results[0].wasm());
        }
        let sig = Sig { params, results };
        let index = match self.types.iter().position(|s| *s == sig) {
            Some(i) => i,
            None => {
                self.types.push(sig);
                self.types.len() - 1
            }
        };
        BlockType::FunctionType(index as u32)
    }

    fn module(mut self) -> Vec<u8> {
        // Callees first: a function's cost depends on its callees'.
        let mut bodies: Vec<Option<Function>> = (0..self.funcs.len()).map(|_| None).collect();
        for f in (0..self.funcs.len()).rev() {
            let (body, cost) = self.function(f);
            self.funcs[f].cost = cost;
            bodies[f] = Some(body);
        }
        let mut module = Module::new();
        let mut types = TypeSection::new();
        for (i, sig) in self.types.iter().enumerate() {
            let func = wasm_encoder::FuncType::new(
                sig.params.iter().map(|t| t.wasm()),
                sig.results.iter().map(|t| t.wasm()),
            );
            let supertype = self.subtypes.iter().find(|(t, _)| *t == i).map(|(_, s)| *s);
            if self.typed && (i < self.num_sigs || supertype.is_some()) {
                // Open types (they may have subtypes): `call_indirect` to one checks
                // the callee's type by its supertype chain.
                types.ty().subtype(&wasm_encoder::SubType {
                    is_final: false,
                    supertype_idxs: supertype.map(|s| s as u32).into_iter().collect(),
                    composite_type: wasm_encoder::CompositeType {
                        inner: wasm_encoder::CompositeInnerType::Func(func),
                        shared: false,
                        descriptor: None,
                        describes: None,
                    },
                });
            } else {
                types.ty().func_type(&func);
            }
        }
        module.section(&types);
        let mut functions = FunctionSection::new();
        for plan in &self.funcs {
            functions.function(plan.declared as u32);
        }
        module.section(&functions);
        let mut tables = TableSection::new();
        tables.table(TableType {
            element_type: RefType::FUNCREF,
            table64: false,
            minimum: self.table.len() as u64,
            maximum: Some(self.table.len() as u64),
            shared: false,
        });
        module.section(&tables);
        let mut memories = MemorySection::new();
        for _ in 0..self.memories {
            memories.memory(MemoryType {
                minimum: 1,
                maximum: Some(3),
                memory64: false,
                shared: false,
                page_size_log2: None,
            });
        }
        module.section(&memories);
        if !self.tags.is_empty() {
            let mut tags = wasm_encoder::TagSection::new();
            for &(ty, _) in &self.tags {
                tags.tag(wasm_encoder::TagType {
                    kind: wasm_encoder::TagKind::Exception,
                    func_type_idx: ty as u32,
                });
            }
            module.section(&tags);
        }
        let mut globals = GlobalSection::new();
        for (i, t) in self.globals.iter().enumerate() {
            let init = match t {
                T::I32 => ConstExpr::i32_const(i as i32 * 7 - 3),
                T::I64 => ConstExpr::i64_const(-(i as i64) << 40),
                T::F32 => ConstExpr::f32_const(Ieee32::from(i as f32 * 1.5)),
                T::F64 => ConstExpr::f64_const(Ieee64::from(-(i as f64) * 0.25)),
                T::V128 => {
                    ConstExpr::v128_const(i as i128 * 0x0102_0304_0506_0708_090a_0b0c_0d0e_0f10)
                }
            };
            globals.global(
                GlobalType {
                    val_type: t.wasm(),
                    mutable: true,
                    shared: false,
                },
                &init,
            );
        }
        module.section(&globals);
        let mut exports = ExportSection::new();
        for f in 0..self.funcs.len() {
            exports.export(&format!("f{f}"), ExportKind::Func, f as u32);
        }
        for g in 0..self.globals.len() {
            exports.export(&format!("g{g}"), ExportKind::Global, g as u32);
        }
        exports.export("mem", ExportKind::Memory, 0);
        for m in 1..self.memories {
            exports.export(&format!("mem{m}"), ExportKind::Memory, m);
        }
        exports.export("tab", ExportKind::Table, 0);
        module.section(&exports);
        let mut elements = ElementSection::new();
        elements.active(
            None,
            &ConstExpr::i32_const(0),
            Elements::Functions(Cow::Borrowed(&self.table)),
        );
        module.section(&elements);
        let mut code = CodeSection::new();
        for body in bodies.into_iter().flatten() {
            code.function(&body);
        }
        module.section(&code);
        let mut data = DataSection::new();
        for m in 0..self.memories {
            let bytes: Vec<u8> = (0..64).map(|_| self.rng.next_u64() as u8).collect();
            data.active(m, &ConstExpr::i32_const(16), bytes);
        }
        module.section(&data);
        module.finish()
    }

    /// Generates function `f`'s body; returns it with its estimated cost.
    fn function(&mut self, f: usize) -> (Function, u64) {
        let class = self.funcs[f].class;
        let sig = self.types[self.funcs[f].sig].clone();
        let mut locals: Vec<T> = sig.params.clone();
        let declared: Vec<T> = match class {
            Class::SmallLeaf | Class::SmallCaller => (0..self.rng.range(0, 1))
                .map(|_| *self.rng.pick(self.value_types))
                .collect(),
            Class::Medium | Class::Loops => (0..self.rng.range(1, 7))
                .map(|_| *self.rng.pick(self.value_types))
                .collect(),
            Class::ManyLocals => {
                // More than the 4 integer and 8 float registers that pin locals, and
                // (integers) up to the 4 pinned plus 6 a loop keeps in registers.
                let mut l = Vec::new();
                for &t in self.value_types {
                    let n = if t.is_float() {
                        self.rng.range(5, 10)
                    } else {
                        self.rng.range(3, 12)
                    };
                    l.extend(std::iter::repeat_n(t, n as usize));
                }
                l
            }
        };
        locals.extend(&declared);
        let mut body = Body {
            func: f,
            locals: locals.clone(),
            counters: Vec::new(),
            free_counters: Vec::new(),
            scratch: [None; TYPES.len()],
            ops: Vec::new(),
            cost: 0,
            multiplier: 1,
            labels: vec![sig.results.clone()],
            depth_limit: match class {
                Class::SmallLeaf | Class::SmallCaller => 1,
                _ => self.rng.range(2, 7) as u32,
            },
            size_limit: *self.rng.pick(&[60, 200, 600, 2000]),
            calls: !matches!(class, Class::SmallLeaf),
            statements: match class {
                Class::SmallLeaf | Class::SmallCaller => 0,
                Class::Medium => self.rng.range(1, 8) as u32,
                Class::Loops | Class::ManyLocals => self.rng.range(2, 10) as u32,
            },
            loops: matches!(class, Class::Loops | Class::ManyLocals),
        };
        // Scratch locals (canonicalization, dropped call results), and loop counters.
        let mut extra = Vec::new();
        if !matches!(class, Class::SmallLeaf | Class::SmallCaller) {
            for (k, t) in TYPES.iter().enumerate() {
                if !self.value_types.contains(t) {
                    continue;
                }
                body.scratch[k] = Some(body.locals.len() as u32);
                body.locals.push(*t);
                extra.push(*t);
            }
            for _ in 0..3 {
                body.counters.push(body.locals.len() as u32);
                body.free_counters.push(body.locals.len() as u32);
                body.locals.push(T::I32);
                extra.push(T::I32);
            }
        }
        if class == Class::SmallCaller {
            // The one call, then the results.
            let mut g = Emit {
                gen: self,
                body: &mut body,
            };
            g.call_statement();
            g.results(&sig.results);
        } else {
            let mut g = Emit {
                gen: self,
                body: &mut body,
            };
            let n = g.body.statements;
            for _ in 0..n {
                g.statement(0);
            }
            // Tail calls, in a quarter of the functions that call: on one path, or as
            // the function's end.
            if g.body.calls && g.rng().chance(1, 4) {
                if g.rng().chance(1, 2) {
                    g.conditional_tail_call();
                    g.results(&sig.results);
                } else if !g.tail_call(0) {
                    g.results(&sig.results);
                }
            } else {
                g.results(&sig.results);
            }
        }
        body.ops.push(I::End);
        let mut declared_all = declared;
        declared_all.extend(extra);
        let mut function = Function::new(
            declared_all
                .iter()
                .map(|t| (1u32, t.wasm()))
                .collect::<Vec<_>>(),
        );
        for op in &body.ops {
            function.instruction(op);
        }
        (function, body.cost + body.ops.len() as u64)
    }
}

/// What a call must be: a plain call (whose callee must have results, if asked), or a
/// tail call (whose callee has these results: the caller's).
enum Need {
    Results(bool),
    Tail(Vec<T>),
}

/// The function being generated.
struct Body {
    func: usize,
    /// Every local's type, parameters first (scratch and counters included).
    locals: Vec<T>,
    /// Loop counter locals: read anywhere, written only by their loop.
    counters: Vec<u32>,
    /// The counters not in use by an enclosing loop.
    free_counters: Vec<u32>,
    /// A scratch local per type (by `TYPES` order), if the function has them.
    scratch: [Option<u32>; TYPES.len()],
    ops: Vec<I<'static>>,
    /// Estimated cost of the calls made so far.
    cost: u64,
    /// Iterations of the enclosing loops.
    multiplier: u64,
    /// Branch types of the enclosing labels, outermost (the function) first.
    labels: Vec<Vec<T>>,
    depth_limit: u32,
    /// Operators the body may have; past it expressions are leaves and statements end.
    size_limit: usize,
    calls: bool,
    statements: u32,
    loops: bool,
}

/// Emission for one function, with the module's state at hand.
struct Emit<'g> {
    gen: &'g mut Gen,
    body: &'g mut Body,
}

fn scratch_index(t: T) -> usize {
    TYPES.iter().position(|x| *x == t).unwrap()
}

impl Emit<'_> {
    fn rng(&mut self) -> &mut Rng {
        &mut self.gen.rng
    }

    /// A random type of this seed's.
    fn pick_type(&mut self) -> T {
        let types = self.gen.value_types;
        *self.rng().pick(types)
    }

    fn op(&mut self, op: I<'static>) {
        self.body.ops.push(op);
    }

    /// Locals of type `t` that random code may write (not counters or scratch).
    fn writable_locals(&self, t: T) -> Vec<u32> {
        (0..self.body.locals.len() as u32)
            .filter(|&i| {
                self.body.locals[i as usize] == t
                    && !self.body.counters.contains(&i)
                    && !self.body.scratch.contains(&Some(i))
            })
            .collect()
    }

    /// Locals of type `t` that code may read.
    fn readable_locals(&self, t: T) -> Vec<u32> {
        (0..self.body.locals.len() as u32)
            .filter(|&i| self.body.locals[i as usize] == t && !self.body.scratch.contains(&Some(i)))
            .collect()
    }

    /// The function's results, canonicalized.
    fn results(&mut self, results: &[T]) {
        for &t in results {
            self.expr(t, 0);
        }
    }

    fn constant(&mut self, t: T) {
        let r = self.rng().below(12);
        match t {
            T::I32 => {
                let v = [
                    0,
                    1,
                    -1,
                    2,
                    31,
                    32,
                    33,
                    63,
                    64,
                    i32::MIN,
                    i32::MAX,
                    0x1234_5678,
                ][r];
                let v = if self.rng().chance(1, 3) {
                    self.rng().next_u64() as i32
                } else {
                    v
                };
                self.op(I::I32Const(v));
            }
            T::I64 => {
                let v = [
                    0,
                    1,
                    -1,
                    31,
                    32,
                    63,
                    64,
                    i64::MIN,
                    i64::MAX,
                    1 << 32,
                    -(1 << 31),
                    0x1234_5678_9abc,
                ][r];
                let v = if self.rng().chance(1, 3) {
                    self.rng().next_u64() as i64
                } else {
                    v
                };
                self.op(I::I64Const(v));
            }
            T::F32 => {
                let v = [
                    0.0,
                    -0.0,
                    1.0,
                    -1.5,
                    0.5,
                    f32::INFINITY,
                    f32::NEG_INFINITY,
                    f32::MAX,
                    f32::MIN_POSITIVE,
                    1e-40,
                    2147483648.0,
                    4294967296.0,
                ][r];
                self.op(I::F32Const(Ieee32::from(v)));
            }
            T::F64 => {
                let v = [
                    0.0,
                    -0.0,
                    1.0,
                    -1.5,
                    0.5,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    f64::MAX,
                    f64::MIN_POSITIVE,
                    1e-310,
                    9.3e18,
                    -2147483649.0,
                ][r];
                self.op(I::F64Const(Ieee64::from(v)));
            }
            T::V128 => {
                let v = self.vector_bits();
                self.op(I::V128Const(v as i128));
            }
        }
    }

    /// Bits of a vector constant: patterns whose lanes are edge values of some lane
    /// shape, or random.
    fn vector_bits(&mut self) -> u128 {
        let splat32 = |x: u32| (x as u128) * 0x0000_0001_0000_0001_0000_0001_0000_0001;
        let splat64 = |x: u64| (x as u128) | (x as u128) << 64;
        match self.rng().below(12) {
            0 => 0,
            1 => u128::MAX,
            2 => splat32(0x8000_0000),
            3 => splat32(0x7fff_ffff),
            4 => 0x8080_8080_8080_8080_7f7f_7f7f_0101_0000,
            5 => 0x8000_7fff_0001_ffff_8000_0000_7fff_0002,
            // f32 lanes: 1.0, -0.0, inf, 2^31.
            6 => 0x4f00_0000_7f80_0000_8000_0000_3f80_0000,
            // f64 lanes: -1.5, 2^32.
            7 => {
                splat64(0xbff8_0000_0000_0000)
                    ^ (0x41f0_0000_0000_0000 << 64)
                    ^ (0xbff8_0000_0000_0000 << 64)
            }
            8 => splat32(0x3fc0_0000),
            _ => self.rng().next_u64() as u128 | (self.rng().next_u64() as u128) << 64,
        }
    }

    /// A leaf: a constant, a local or a global of type `t`.
    fn leaf(&mut self, t: T) {
        let locals = self.readable_locals(t);
        let globals: Vec<u32> = (0..self.gen.globals.len() as u32)
            .filter(|&g| self.gen.globals[g as usize] == t)
            .collect();
        match self.rng().below(6) {
            0 | 1 if !locals.is_empty() => {
                let l = *self.rng().pick(&locals);
                self.op(I::LocalGet(l));
            }
            2 if !globals.is_empty() => {
                let g = *self.rng().pick(&globals);
                self.op(I::GlobalGet(g));
            }
            3 if !locals.is_empty() => {
                let l = *self.rng().pick(&locals);
                self.op(I::LocalGet(l));
            }
            _ => self.constant(t),
        }
    }

    /// Replaces a NaN on top of the stack (type `t`, a float) by the canonical NaN. A
    /// function without a scratch local of the type replaces the value by 1.0 instead: its
    /// bits must not become observable as they are (a NaN's payload is each engine's
    /// choice; shaped seed 24058044 stored one raw and read it back as an address).
    fn canonicalize(&mut self, t: T) {
        debug_assert!(t.is_float());
        let Some(tmp) = self.body.scratch[scratch_index(t)] else {
            self.op(I::Drop);
            match t {
                T::F32 => self.op(I::F32Const(Ieee32::new(1.0f32.to_bits()))),
                _ => self.op(I::F64Const(Ieee64::new(1.0f64.to_bits()))),
            }
            return;
        };
        self.op(I::LocalSet(tmp));
        match t {
            T::F32 => self.op(I::F32Const(Ieee32::new(0x7fc0_0000))),
            _ => self.op(I::F64Const(Ieee64::new(0x7ff8_0000_0000_0000))),
        }
        self.op(I::LocalGet(tmp));
        self.op(I::LocalGet(tmp));
        self.op(I::LocalGet(tmp));
        self.op(if t == T::F32 { I::F32Ne } else { I::F64Ne });
        self.op(I::Select);
    }

    /// Replaces every NaN lane of the vector on top of the stack (f64 lanes if `wide`, else
    /// f32) by the canonical NaN: `bitselect(x, nan, x == x)`. Only where the function
    /// has a scratch vector (`can_canonicalize_lanes`).
    fn canonicalize_lanes(&mut self, wide: bool) {
        let tmp = self.body.scratch[scratch_index(T::V128)].expect("a scratch vector");
        self.op(I::LocalSet(tmp));
        self.op(I::LocalGet(tmp));
        let nan: u128 = if wide {
            0x7ff8_0000_0000_0000_7ff8_0000_0000_0000
        } else {
            0x7fc0_0000_7fc0_0000_7fc0_0000_7fc0_0000
        };
        self.op(I::V128Const(nan as i128));
        self.op(I::LocalGet(tmp));
        self.op(I::LocalGet(tmp));
        self.op(if wide { I::F64x2Eq } else { I::F32x4Eq });
        self.op(I::V128Bitselect);
    }

    /// Whether float lane operations may be emitted (their NaNs can be canonicalized).
    fn can_canonicalize_lanes(&self) -> bool {
        self.body.scratch[scratch_index(T::V128)].is_some()
    }

    /// A binary vector operator (on two vectors built deep first).
    fn vector_binary(&mut self, d: u32) {
        self.expr(T::V128, d);
        self.expr(T::V128, d);
        // Lane-exact integer and bitwise operators, and float comparisons and
        // pseudo-min/max (which choose an operand, never make a NaN).
        const EXACT: [I<'static>; 56] = [
            I::V128And,
            I::V128Or,
            I::V128Xor,
            I::V128AndNot,
            I::I8x16Add,
            I::I8x16Sub,
            I::I8x16AddSatS,
            I::I8x16AddSatU,
            I::I8x16SubSatS,
            I::I8x16SubSatU,
            I::I8x16MinS,
            I::I8x16MaxU,
            I::I8x16AvgrU,
            I::I8x16Eq,
            I::I8x16GtS,
            I::I8x16LeU,
            I::I8x16Swizzle,
            I::I8x16NarrowI16x8S,
            I::I8x16NarrowI16x8U,
            I::I16x8Add,
            I::I16x8Sub,
            I::I16x8Mul,
            I::I16x8SubSatU,
            I::I16x8MinU,
            I::I16x8MaxS,
            I::I16x8Ne,
            I::I16x8LtS,
            I::I16x8GeU,
            I::I16x8Q15MulrSatS,
            I::I16x8NarrowI32x4U,
            I::I16x8ExtMulHighI8x16S,
            I::I16x8AvgrU,
            I::I32x4Add,
            I::I32x4Sub,
            I::I32x4Mul,
            I::I32x4MinS,
            I::I32x4MaxU,
            I::I32x4Eq,
            I::I32x4GtU,
            I::I32x4LeS,
            I::I32x4DotI16x8S,
            I::I32x4ExtMulLowI16x8U,
            I::I64x2Add,
            I::I64x2Sub,
            I::I64x2Mul,
            I::I64x2Ne,
            I::I64x2LtS,
            I::I64x2GeS,
            I::I64x2ExtMulHighI32x4S,
            I::F32x4Eq,
            I::F32x4Lt,
            I::F64x2Ge,
            I::F64x2Ne,
            I::F32x4PMin,
            I::F64x2PMax,
            I::F32x4Gt,
        ];
        // Float arithmetic: NaNs canonicalized after (f64 lanes where the flag is set).
        const FLOAT: [(I<'static>, bool); 12] = [
            (I::F32x4Add, false),
            (I::F32x4Sub, false),
            (I::F32x4Mul, false),
            (I::F32x4Div, false),
            (I::F32x4Min, false),
            (I::F32x4Max, false),
            (I::F64x2Add, true),
            (I::F64x2Sub, true),
            (I::F64x2Mul, true),
            (I::F64x2Div, true),
            (I::F64x2Min, true),
            (I::F64x2Max, true),
        ];
        if self.can_canonicalize_lanes() && self.rng().chance(1, 3) {
            let (op, wide) = self.rng().pick(&FLOAT).clone();
            self.op(op);
            self.canonicalize_lanes(wide);
        } else {
            let op = self.rng().pick(&EXACT).clone();
            self.op(op);
        }
    }

    /// A unary vector operator, a shift by a computed count, a shuffle or a bit-select.
    fn vector_unary(&mut self, d: u32) {
        self.expr(T::V128, d);
        const EXACT: [I<'static>; 26] = [
            I::V128Not,
            I::I8x16Abs,
            I::I8x16Neg,
            I::I8x16Popcnt,
            I::I16x8Abs,
            I::I16x8Neg,
            I::I32x4Abs,
            I::I32x4Neg,
            I::I64x2Abs,
            I::I64x2Neg,
            I::I16x8ExtendLowI8x16S,
            I::I16x8ExtendHighI8x16U,
            I::I32x4ExtendLowI16x8U,
            I::I64x2ExtendHighI32x4S,
            I::I16x8ExtAddPairwiseI8x16U,
            I::I32x4ExtAddPairwiseI16x8S,
            I::F32x4Abs,
            I::F32x4Neg,
            I::F64x2Neg,
            I::F32x4ConvertI32x4S,
            I::F32x4ConvertI32x4U,
            I::F64x2ConvertLowI32x4S,
            I::F64x2ConvertLowI32x4U,
            I::I32x4TruncSatF32x4S,
            I::I32x4TruncSatF32x4U,
            I::I32x4TruncSatF64x2UZero,
        ];
        const FLOAT: [(I<'static>, bool); 10] = [
            (I::F32x4Sqrt, false),
            (I::F32x4Ceil, false),
            (I::F32x4Nearest, false),
            (I::F64x2Floor, true),
            (I::F64x2Trunc, true),
            (I::F64x2Sqrt, true),
            (I::F32x4DemoteF64x2Zero, false),
            (I::F64x2PromoteLowF32x4, true),
            (I::F32x4Floor, false),
            (I::F64x2Nearest, true),
        ];
        const SHIFTS: [I<'static>; 12] = [
            I::I8x16Shl,
            I::I8x16ShrS,
            I::I8x16ShrU,
            I::I16x8Shl,
            I::I16x8ShrS,
            I::I16x8ShrU,
            I::I32x4Shl,
            I::I32x4ShrS,
            I::I32x4ShrU,
            I::I64x2Shl,
            I::I64x2ShrS,
            I::I64x2ShrU,
        ];
        match self.rng().below(8) {
            0 | 1 if self.can_canonicalize_lanes() => {
                let (op, wide) = self.rng().pick(&FLOAT).clone();
                self.op(op);
                self.canonicalize_lanes(wide);
            }
            2 => {
                // A count constant or computed (taken modulo the lane width).
                if self.rng().chance(1, 2) {
                    self.constant(T::I32);
                } else {
                    self.expr(T::I32, d);
                }
                let op = self.rng().pick(&SHIFTS).clone();
                self.op(op);
            }
            3 => {
                self.expr(T::V128, d);
                let lanes: [u8; 16] = std::array::from_fn(|_| self.gen.rng.below(32) as u8);
                self.op(I::I8x16Shuffle(lanes));
            }
            4 => {
                self.expr(T::V128, d);
                self.expr(T::V128, d);
                self.op(I::V128Bitselect);
            }
            5 => {
                // A lane replaced by a scalar.
                let from = *self.rng().pick(&SCALARS);
                self.expr(from, d);
                if from.is_float() {
                    self.canonicalize(from);
                }
                let lane = self.rng().below(16) as u8;
                self.op(match from {
                    T::I32 if lane < 8 => I::I16x8ReplaceLane(lane),
                    T::I32 => I::I8x16ReplaceLane(lane),
                    T::I64 => I::I64x2ReplaceLane(lane % 2),
                    T::F32 => I::F32x4ReplaceLane(lane % 4),
                    _ => I::F64x2ReplaceLane(lane % 2),
                });
            }
            _ => {
                let op = self.rng().pick(&EXACT).clone();
                self.op(op);
            }
        }
    }

    /// A vector comparison reduced to an i32.
    fn vector_test(&mut self, d: u32) {
        self.vector_binary(d);
        const TESTS: [I<'static>; 9] = [
            I::V128AnyTrue,
            I::I8x16AllTrue,
            I::I16x8AllTrue,
            I::I32x4AllTrue,
            I::I64x2AllTrue,
            I::I8x16Bitmask,
            I::I16x8Bitmask,
            I::I32x4Bitmask,
            I::I64x2Bitmask,
        ];
        let op = self.rng().pick(&TESTS).clone();
        self.op(op);
    }

    /// An expression leaving one value of type `t`, at nesting `depth`.
    fn expr(&mut self, t: T, depth: u32) {
        if depth >= self.body.depth_limit
            || self.body.ops.len() > self.body.size_limit
            || self.rng().chance(1, 6)
        {
            return self.leaf(t);
        }
        let d = depth + 1;
        match self.rng().below(20) {
            0..=6 => self.binary(t, d),
            7 | 8 => self.unary(t, d),
            9 => self.compare_into(t, d),
            10 => self.tee(t, d),
            11 => self.select(t, d),
            12 => self.if_expr(t, d),
            13 => self.branch_block(t, d),
            14 if self.gen.exceptions && self.rng().chance(1, 2) => self.try_expr(t, d),
            14 => self.call_expr(t, d),
            15 => self.load(t, d),
            16 => self.convert_into(t, d),
            17 => self.block_with_statements(t, d),
            18 => self.loop_expr(t, d),
            _ => self.multi_value_block(t, d),
        }
    }

    /// A binary operator of type `t` (the right operand first built deep, so that many
    /// values are live at once).
    fn binary(&mut self, t: T, d: u32) {
        match t {
            T::V128 => self.vector_binary(d),
            T::I32 | T::I64 => {
                let wide = t == T::I64;
                let k = self.rng().below(15);
                self.expr(t, d);
                let divides = (5..=8).contains(&k);
                let right_constant = self.rng().chance(1, 4);
                if right_constant {
                    self.constant(t);
                } else {
                    self.expr(t, d);
                }
                if divides && !right_constant && self.rng().chance(7, 8) {
                    // Mostly nonzero divisors, so the expression usually survives.
                    if wide {
                        self.op(I::I64Const(1));
                        self.op(I::I64Or);
                    } else {
                        self.op(I::I32Const(1));
                        self.op(I::I32Or);
                    }
                }
                let ops32 = [
                    I::I32Add,
                    I::I32Sub,
                    I::I32Mul,
                    I::I32And,
                    I::I32Or,
                    I::I32DivS,
                    I::I32DivU,
                    I::I32RemS,
                    I::I32RemU,
                    I::I32Xor,
                    I::I32Shl,
                    I::I32ShrS,
                    I::I32ShrU,
                    I::I32Rotl,
                    I::I32Rotr,
                ];
                let ops64 = [
                    I::I64Add,
                    I::I64Sub,
                    I::I64Mul,
                    I::I64And,
                    I::I64Or,
                    I::I64DivS,
                    I::I64DivU,
                    I::I64RemS,
                    I::I64RemU,
                    I::I64Xor,
                    I::I64Shl,
                    I::I64ShrS,
                    I::I64ShrU,
                    I::I64Rotl,
                    I::I64Rotr,
                ];
                self.op(if wide {
                    ops64[k].clone()
                } else {
                    ops32[k].clone()
                });
            }
            T::F32 | T::F64 => {
                let k = self.rng().below(7);
                self.expr(t, d);
                self.expr(t, d);
                if k == 6 {
                    // copysign reads the sign of its second operand: canonical NaNs only.
                    self.canonicalize(t);
                }
                let ops32 = [
                    I::F32Add,
                    I::F32Sub,
                    I::F32Mul,
                    I::F32Div,
                    I::F32Min,
                    I::F32Max,
                    I::F32Copysign,
                ];
                let ops64 = [
                    I::F64Add,
                    I::F64Sub,
                    I::F64Mul,
                    I::F64Div,
                    I::F64Min,
                    I::F64Max,
                    I::F64Copysign,
                ];
                self.op(if t == T::F32 {
                    ops32[k].clone()
                } else {
                    ops64[k].clone()
                });
            }
        }
    }

    fn unary(&mut self, t: T, d: u32) {
        if t == T::V128 {
            return self.vector_unary(d);
        }
        self.expr(t, d);
        let k = self.rng().below(7);
        let op = match t {
            T::I32 => [
                I::I32Clz,
                I::I32Ctz,
                I::I32Popcnt,
                I::I32Extend8S,
                I::I32Extend16S,
                I::I32Eqz,
                I::I32Clz,
            ][k]
                .clone(),
            T::I64 => {
                if k == 5 {
                    // eqz gives an i32: extend it back.
                    self.op(I::I64Eqz);
                    I::I64ExtendI32U
                } else {
                    [
                        I::I64Clz,
                        I::I64Ctz,
                        I::I64Popcnt,
                        I::I64Extend8S,
                        I::I64Extend16S,
                        I::I64Extend32S,
                        I::I64Ctz,
                    ][k]
                        .clone()
                }
            }
            T::F32 => [
                I::F32Abs,
                I::F32Neg,
                I::F32Sqrt,
                I::F32Ceil,
                I::F32Floor,
                I::F32Trunc,
                I::F32Nearest,
            ][k]
                .clone(),
            T::F64 => [
                I::F64Abs,
                I::F64Neg,
                I::F64Sqrt,
                I::F64Ceil,
                I::F64Floor,
                I::F64Trunc,
                I::F64Nearest,
            ][k]
                .clone(),
            T::V128 => unreachable!("vector_unary"),
        };
        self.op(op);
    }

    /// A comparison of two values of any type, turned into a `t`.
    fn compare_into(&mut self, t: T, d: u32) {
        let u = self.pick_type();
        if u == T::V128 {
            self.vector_test(d);
            return self.coerce(T::I32, t);
        }
        self.expr(u, d);
        self.expr(u, d);
        let k = self.rng().below(6);
        let op = match u {
            T::I32 => [
                I::I32Eq,
                I::I32Ne,
                I::I32LtS,
                I::I32GtU,
                I::I32LeS,
                I::I32GeU,
            ][k]
                .clone(),
            T::I64 => [
                I::I64Eq,
                I::I64Ne,
                I::I64LtU,
                I::I64GtS,
                I::I64LeU,
                I::I64GeS,
            ][k]
                .clone(),
            T::F32 => [I::F32Eq, I::F32Ne, I::F32Lt, I::F32Gt, I::F32Le, I::F32Ge][k].clone(),
            T::F64 => [I::F64Eq, I::F64Ne, I::F64Lt, I::F64Gt, I::F64Le, I::F64Ge][k].clone(),
            T::V128 => unreachable!("vector_test"),
        };
        self.op(op);
        self.coerce(T::I32, t);
    }

    /// `local.tee` of a local of type `t` (often one the expression also reads), or
    /// `local.set` followed by a read of another local.
    fn tee(&mut self, t: T, d: u32) {
        let locals = self.writable_locals(t);
        if locals.is_empty() {
            return self.binary(t, d);
        }
        let l = *self.rng().pick(&locals);
        if self.rng().chance(1, 2) {
            // Reads of `l` around its write: the lazy read must see the old value.
            self.op(I::LocalGet(l));
            self.expr(t, d);
            self.op(I::LocalTee(l));
            self.combine(t);
        } else if self.rng().chance(1, 2) && t.is_int() {
            // x = x op y, which the compiler updates in place.
            self.op(I::LocalGet(l));
            self.expr(t, d);
            let op = match (t, self.rng().below(4)) {
                (T::I32, 0) => I::I32Add,
                (T::I32, 1) => I::I32Sub,
                (T::I32, 2) => I::I32Mul,
                (T::I32, _) => I::I32Xor,
                (_, 0) => I::I64Add,
                (_, 1) => I::I64Sub,
                (_, 2) => I::I64Mul,
                _ => I::I64Or,
            };
            self.op(op);
            self.op(I::LocalTee(l));
        } else {
            self.expr(t, d);
            self.op(I::LocalTee(l));
        }
    }

    /// Combines the two top values of type `t` into one.
    fn combine(&mut self, t: T) {
        self.op(match t {
            T::I32 => I::I32Add,
            T::I64 => I::I64Xor,
            T::F32 => I::F32Add,
            T::F64 => I::F64Sub,
            T::V128 => I::I32x4Add,
        });
    }

    fn select(&mut self, t: T, d: u32) {
        self.expr(t, d);
        self.expr(t, d);
        self.condition(d);
        if self.rng().chance(1, 2) {
            self.op(I::Select);
        } else {
            self.op(I::TypedSelect(t.wasm()));
        }
    }

    /// An i32 condition: a comparison (which Kestrel fuses into the branch) or a value.
    fn condition(&mut self, d: u32) {
        if self.rng().chance(1, 2) {
            let u = *self.rng().pick(&[T::I32, T::I64]);
            self.expr(u, d);
            self.leaf(u);
            let k = self.rng().below(3);
            self.op(match (u, k) {
                (T::I32, 0) => I::I32LtS,
                (T::I32, 1) => I::I32Ne,
                (T::I32, _) => I::I32GeU,
                (_, 0) => I::I64LtU,
                (_, 1) => I::I64Eq,
                _ => I::I64GtS,
            });
        } else {
            self.expr(T::I32, d);
            if self.rng().chance(1, 2) {
                self.op(I::I32Const(1));
                self.op(I::I32And);
            }
        }
    }

    fn if_expr(&mut self, t: T, d: u32) {
        self.condition(d);
        let bt = self.gen.block_type(vec![], vec![t]);
        self.op(I::If(bt));
        self.body.labels.push(vec![t]);
        self.statements_inside(d);
        self.expr(t, d);
        self.op(I::Else);
        self.statements_inside(d);
        self.expr(t, d);
        self.body.labels.pop();
        self.op(I::End);
    }

    /// A few statements inside a nested construct (fewer the deeper it is).
    fn statements_inside(&mut self, d: u32) {
        if d + 1 < self.body.depth_limit && self.rng().chance(1, 3) {
            self.statement(d);
        }
    }

    /// Blocks whose results arrive by `br_if` or `br_table`, carrying a value.
    fn branch_block(&mut self, t: T, d: u32) {
        if self.rng().chance(1, 2) {
            // (block (result t) (drop (br_if 0 v c)) w)
            self.op(I::Block(BlockType::Result(t.wasm())));
            self.body.labels.push(vec![t]);
            self.expr(t, d);
            self.condition(d);
            self.op(I::BrIf(0));
            self.op(I::Drop);
            self.statements_inside(d);
            self.expr(t, d);
            self.body.labels.pop();
            self.op(I::End);
        } else {
            // Three nested blocks with results; br_table picks one, each exit adjusts the
            // value so the paths differ.
            for _ in 0..3 {
                self.op(I::Block(BlockType::Result(t.wasm())));
                self.body.labels.push(vec![t]);
            }
            self.expr(t, d);
            self.expr(T::I32, d);
            let targets: Vec<u32> = (0..self.rng().range(1, 4))
                .map(|_| self.rng().range(0, 2) as u32)
                .collect();
            let default = self.rng().range(0, 2) as u32;
            self.op(I::BrTable(Cow::Owned(targets), default));
            for k in 0..3 {
                self.body.labels.pop();
                self.op(I::End);
                if k < 2 {
                    self.leaf(t);
                    self.combine(t);
                }
            }
        }
    }

    fn block_with_statements(&mut self, t: T, d: u32) {
        self.op(I::Block(BlockType::Result(t.wasm())));
        self.body.labels.push(vec![t]);
        self.statement(d);
        self.statements_inside(d);
        self.expr(t, d);
        self.body.labels.pop();
        self.op(I::End);
    }

    /// A loop with a parameter and a result, carrying a value around its back-edge.
    fn loop_expr(&mut self, t: T, d: u32) {
        let Some(counter) = self.free_counter() else {
            return self.binary(t, d);
        };
        let trips = self.rng().range(1, 4);
        self.op(I::I32Const(0));
        self.op(I::LocalSet(counter));
        self.expr(t, d);
        let bt = self.gen.block_type(vec![t], vec![t]);
        self.op(I::Loop(bt));
        self.body.labels.push(vec![t]);
        self.body.multiplier *= trips;
        self.expr(t, d);
        self.combine(t);
        self.statements_inside(d);
        self.count(counter, trips);
        self.op(I::BrIf(0));
        self.body.multiplier /= trips;
        self.body.labels.pop();
        self.op(I::End);
        self.release_counter(counter);
    }

    /// A block with two results (a type-indexed block type), one of them `t`, the other
    /// stored into a local or dropped.
    fn multi_value_block(&mut self, t: T, d: u32) {
        let other = self.pick_type();
        let (first, second) = if self.rng().chance(1, 2) {
            (t, other)
        } else {
            (other, t)
        };
        let with_param = self.rng().chance(1, 2);
        let params = if with_param { vec![T::I32] } else { vec![] };
        if with_param {
            self.expr(T::I32, d);
        }
        let bt = self.gen.block_type(params, vec![first, second]);
        self.op(I::Block(bt));
        self.body.labels.push(vec![first, second]);
        if with_param {
            // The parameter becomes a condition for an early exit carrying both values.
            let Some(tmp) = self.body.scratch[0] else {
                self.op(I::Drop);
                self.expr(first, d);
                self.expr(second, d);
                self.body.labels.pop();
                self.op(I::End);
                return self.pick_one_of_two(first, second, t);
            };
            self.op(I::LocalSet(tmp));
            self.expr(first, d);
            self.expr(second, d);
            self.op(I::LocalGet(tmp));
            self.op(I::BrIf(0));
            self.combine_pair(first, second, d);
        } else {
            self.expr(first, d);
            self.expr(second, d);
        }
        self.body.labels.pop();
        self.op(I::End);
        self.pick_one_of_two(first, second, t);
    }

    /// With [a: first, b: second] on the stack, replaces both values by new ones of the
    /// same types (so the fall-through path differs from the branch).
    fn combine_pair(&mut self, first: T, second: T, d: u32) {
        self.leaf(second);
        self.combine(second);
        if let Some(tmp) = self.body.scratch[scratch_index(second)] {
            self.op(I::LocalSet(tmp));
            self.leaf(first);
            self.combine(first);
            self.op(I::LocalGet(tmp));
        } else {
            let _ = d;
        }
    }

    /// With [a: first, b: second] on the stack, leaves one value of type `t`.
    fn pick_one_of_two(&mut self, first: T, second: T, t: T) {
        let locals = self.writable_locals(second);
        if second == t && self.rng().chance(1, 2) {
            // Keep the second: stash it, drop the first, bring it back.
            if let Some(tmp) = self.body.scratch[scratch_index(t)] {
                self.op(I::LocalSet(tmp));
                self.op(I::Drop);
                self.op(I::LocalGet(tmp));
                return;
            }
        }
        if !locals.is_empty() && self.rng().chance(1, 2) {
            let l = *self.rng().pick(&locals);
            self.op(I::LocalSet(l));
        } else {
            self.op(I::Drop);
        }
        self.coerce(first, t);
    }

    /// Converts the top value from type `from` to type `to`.
    fn coerce(&mut self, from: T, to: T) {
        let lane = self.rng().below(16) as u8;
        let op = match (from, to) {
            (a, b) if a == b => return,
            (T::V128, T::I32) => match lane % 4 {
                0 => I::I32x4ExtractLane(lane % 4),
                1 => I::I8x16ExtractLaneS(lane),
                2 => I::I16x8ExtractLaneU(lane % 8),
                _ => I::I8x16Bitmask,
            },
            (T::V128, T::I64) => I::I64x2ExtractLane(lane % 2),
            (T::V128, T::F32) => I::F32x4ExtractLane(lane % 4),
            (T::V128, T::F64) => I::F64x2ExtractLane(lane % 2),
            (T::I32, T::V128) => match lane % 3 {
                0 => I::I32x4Splat,
                1 => I::I8x16Splat,
                _ => I::I16x8Splat,
            },
            (T::I64, T::V128) => I::I64x2Splat,
            (T::F32 | T::F64, T::V128) => {
                // A scalar NaN's bits are nondeterministic: canonical before the splat,
                // or through an integer where the function has no scratch local.
                if self.body.scratch[scratch_index(from)].is_some() {
                    self.canonicalize(from);
                    if from == T::F32 {
                        I::F32x4Splat
                    } else {
                        I::F64x2Splat
                    }
                } else {
                    self.op(if from == T::F32 {
                        I::I32TruncSatF32S
                    } else {
                        I::I64TruncSatF64S
                    });
                    if from == T::F32 {
                        I::I32x4Splat
                    } else {
                        I::I64x2Splat
                    }
                }
            }
            (T::I32, T::I64) => I::I64ExtendI32S,
            (T::I32, T::F32) => I::F32ConvertI32U,
            (T::I32, T::F64) => I::F64ConvertI32S,
            (T::I64, T::I32) => I::I32WrapI64,
            (T::I64, T::F32) => I::F32ConvertI64S,
            (T::I64, T::F64) => I::F64ConvertI64U,
            (T::F32, T::I32) => I::I32TruncSatF32S,
            (T::F32, T::I64) => I::I64TruncSatF32U,
            (T::F32, T::F64) => I::F64PromoteF32,
            (T::F64, T::I32) => I::I32TruncSatF64U,
            (T::F64, T::I64) => I::I64TruncSatF64S,
            (T::F64, T::F32) => I::F32DemoteF64,
            _ => unreachable!(),
        };
        self.op(op);
    }

    /// A conversion from another type into `t` (including reinterpretations, with
    /// canonical NaNs, and the trapping truncations, rarely).
    fn convert_into(&mut self, t: T, d: u32) {
        let from = self.pick_type();
        self.expr(from, d);
        let reinterpret = match (from, t) {
            (T::F32, T::I32) => Some(I::I32ReinterpretF32),
            (T::F64, T::I64) => Some(I::I64ReinterpretF64),
            (T::I32, T::F32) => Some(I::F32ReinterpretI32),
            (T::I64, T::F64) => Some(I::F64ReinterpretI64),
            _ => None,
        };
        if let Some(op) = reinterpret {
            if self.rng().chance(1, 2) {
                if from.is_float() {
                    self.canonicalize(from);
                }
                return self.op(op);
            }
        }
        let trapping = match (from, t) {
            (T::F32, T::I32) => Some(I::I32TruncF32S),
            (T::F64, T::I32) => Some(I::I32TruncF64U),
            (T::F32, T::I64) => Some(I::I64TruncF32U),
            (T::F64, T::I64) => Some(I::I64TruncF64S),
            _ => None,
        };
        if let Some(op) = trapping {
            if self.rng().chance(1, 8) {
                return self.op(op);
            }
        }
        match (from, t) {
            (T::I32, T::I64) if self.rng().chance(1, 2) => self.op(I::I64ExtendI32U),
            (T::I32, T::F32) if self.rng().chance(1, 2) => self.op(I::F32ConvertI32S),
            (T::I64, T::F32) if self.rng().chance(1, 2) => self.op(I::F32ConvertI64U),
            (T::F32, T::I32) if self.rng().chance(1, 2) => self.op(I::I32TruncSatF32U),
            (T::F64, T::I64) if self.rng().chance(1, 2) => self.op(I::I64TruncSatF64U),
            _ => self.coerce(from, t),
        }
    }

    /// An address inside the memory page (rarely, one that may be out of bounds).
    fn address(&mut self, d: u32) {
        self.expr(T::I32, d);
        if self.rng().chance(15, 16) {
            self.op(I::I32Const(ADDR_MASK));
            self.op(I::I32And);
        }
    }

    /// One of the module's memories.
    fn memory(&mut self) -> u32 {
        let memories = self.gen.memories;
        self.rng().below(memories as usize) as u32
    }

    fn memarg(&mut self, align: u32) -> MemArg {
        MemArg {
            offset: self.rng().range(0, 8),
            align,
            target: MemArgTarget::Memory(self.memory()),
            ordering: None,
        }
    }

    fn load(&mut self, t: T, d: u32) {
        if t == T::V128 && self.rng().chance(1, 4) {
            // A lane loaded into a vector built first.
            self.address(d);
            self.expr(T::V128, d);
            let lane = self.rng().below(16) as u8;
            let op = match self.rng().below(4) {
                0 => I::V128Load8Lane {
                    memarg: self.memarg(0),
                    lane,
                },
                1 => I::V128Load16Lane {
                    memarg: self.memarg(1),
                    lane: lane % 8,
                },
                2 => I::V128Load32Lane {
                    memarg: self.memarg(2),
                    lane: lane % 4,
                },
                _ => I::V128Load64Lane {
                    memarg: self.memarg(3),
                    lane: lane % 2,
                },
            };
            return self.op(op);
        }
        self.address(d);
        let k = self.rng().below(4);
        let op = match t {
            T::V128 => match self.rng().below(10) {
                0 => I::V128Load8x8S(self.memarg(3)),
                1 => I::V128Load16x4U(self.memarg(3)),
                2 => I::V128Load32x2S(self.memarg(3)),
                3 => I::V128Load8Splat(self.memarg(0)),
                4 => I::V128Load16Splat(self.memarg(1)),
                5 => I::V128Load32Splat(self.memarg(2)),
                6 => I::V128Load64Splat(self.memarg(3)),
                7 => I::V128Load32Zero(self.memarg(2)),
                8 => I::V128Load64Zero(self.memarg(3)),
                _ => {
                    let align = self.rng().range(0, 4) as u32;
                    I::V128Load(self.memarg(align))
                }
            },
            T::I32 => match k {
                0 => I::I32Load8S(self.memarg(0)),
                1 => I::I32Load16U(self.memarg(1)),
                _ => I::I32Load(self.memarg(2)),
            },
            T::I64 => match k {
                0 => I::I64Load8U(self.memarg(0)),
                1 => I::I64Load16S(self.memarg(1)),
                2 => I::I64Load32S(self.memarg(2)),
                _ => I::I64Load(self.memarg(3)),
            },
            T::F32 => I::F32Load(self.memarg(2)),
            T::F64 => I::F64Load(self.memarg(3)),
        };
        self.op(op);
    }

    /// A call in an expression: its results reduced to one value of type `t`.
    fn call_expr(&mut self, t: T, d: u32) {
        if !self.body.calls {
            return self.binary(t, d);
        }
        match self.call(d, true) {
            Some(results) => {
                // Results beyond the first: into locals of their type, or dropped.
                for &r in results[1..].iter().rev() {
                    let locals = self.writable_locals(r);
                    if !locals.is_empty() && self.rng().chance(1, 2) {
                        let l = *self.rng().pick(&locals);
                        self.op(I::LocalSet(l));
                    } else {
                        self.op(I::Drop);
                    }
                }
                self.coerce(results[0], t);
            }
            None => self.leaf(t),
        }
    }

    /// Emits a direct or indirect call to a later function within the cost budget, with
    /// computed arguments; returns its result types (`need_result`: at least one), or
    /// None (nothing emitted) if no callee fits.
    fn call(&mut self, d: u32, need_result: bool) -> Option<Vec<T>> {
        self.any_call(d, Need::Results(need_result))
    }

    /// A tail call (`return_call` or `return_call_indirect`) to a later function with
    /// this function's result types, with computed arguments; false (nothing emitted)
    /// if no callee fits.
    fn tail_call(&mut self, d: u32) -> bool {
        let own = self.gen.funcs[self.body.func].sig;
        let results = self.gen.types[own].results.clone();
        self.any_call(d, Need::Tail(results)).is_some()
    }

    /// `call` and `tail_call`.
    fn any_call(&mut self, d: u32, need: Need) -> Option<Vec<T>> {
        let f = self.body.func;
        let multiplier = self.body.multiplier;
        let spent = self.body.cost;
        let candidates: Vec<usize> = (f + 1..self.gen.funcs.len())
            .filter(|&g| {
                let cost = self.gen.funcs[g].cost.max(1) * multiplier;
                let results = &self.gen.types[self.gen.funcs[g].sig].results;
                spent + cost <= BUDGET
                    && match &need {
                        Need::Results(need_result) => !need_result || !results.is_empty(),
                        Need::Tail(own) => results == own,
                    }
            })
            .collect();
        let tail = matches!(need, Need::Tail(_));
        if candidates.is_empty() {
            return None;
        }
        let g = *self.rng().pick(&candidates);
        let sig_index = self.gen.funcs[g].sig;
        let sig = self.gen.types[sig_index].clone();
        for &p in &sig.params {
            self.expr(p, d);
        }
        if self.gen.typed && self.rng().chance(1, 2) {
            let other = self.second_callee(g, &candidates);
            self.callee_reference(g, other, sig_index, d);
            self.op(if tail {
                I::ReturnCallRef(sig_index as u32)
            } else {
                I::CallRef(sig_index as u32)
            });
            return Some(sig.results);
        }
        // Indirect through the window of the signature's group holding only functions
        // after this one, at an index computed at run time.
        let (start, count) = self.gen.groups[sig_index];
        let window: Vec<u32> = (start..start + count)
            .filter(|&e| self.gen.table[e as usize] as usize > f)
            .collect();
        let indirect = !window.is_empty() && self.rng().chance(1, 2);
        if indirect {
            let lo = window[0];
            let len = window.len() as u32;
            let worst = window
                .iter()
                .map(|&e| self.gen.funcs[self.gen.table[e as usize] as usize].cost)
                .max()
                .unwrap_or(0);
            self.body.cost += worst.max(1) * multiplier;
            if self.rng().chance(1, 16) {
                // A trapping index: past the table's end.
                let past = self.gen.table.len() as i32 + self.rng().range(0, 3) as i32;
                self.op(I::I32Const(past));
            } else {
                self.expr(T::I32, d);
                self.op(I::I32Const(len as i32));
                self.op(I::I32RemU);
                if lo != 0 || self.rng().chance(1, 2) {
                    self.op(I::I32Const(lo as i32));
                    self.op(I::I32Add);
                }
            }
            self.op(if tail {
                I::ReturnCallIndirect {
                    type_index: sig_index as u32,
                    table_index: 0,
                }
            } else {
                I::CallIndirect {
                    type_index: sig_index as u32,
                    table_index: 0,
                }
            });
        } else {
            self.body.cost += self.gen.funcs[g].cost.max(1) * multiplier;
            self.op(if tail {
                I::ReturnCall(g as u32)
            } else {
                I::Call(g as u32)
            });
        }
        Some(sig.results)
    }

    /// Another callee of `g`'s signature among `candidates` (possibly `g` itself), for a
    /// reference chosen between the two at run time; charges the dearer one's cost.
    fn second_callee(&mut self, g: usize, candidates: &[usize]) -> usize {
        let sig = self.gen.funcs[g].sig;
        let same: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&c| self.gen.funcs[c].sig == sig)
            .collect();
        let other = *self.rng().pick(&same);
        let worst = self.gen.funcs[g].cost.max(self.gen.funcs[other].cost);
        self.body.cost += worst.max(1) * self.body.multiplier;
        other
    }

    /// Pushes a non-null reference to function `g` or `other` (both of signature
    /// `sig`), chosen at run time: `ref.func`, a typed `select`, a nullable `if` made
    /// non-null by `ref.as_non_null` (which traps when the `if` gives null, in one seed
    /// of eight's draws), or `br_on_non_null` past a default.
    fn callee_reference(&mut self, g: usize, other: usize, sig: usize, d: u32) {
        let heap = wasm_encoder::HeapType::Concrete(sig as u32);
        let typed = |nullable| {
            W::Ref(RefType {
                nullable,
                heap_type: heap,
            })
        };
        match self.rng().below(4) {
            0 => self.op(I::RefFunc(g as u32)),
            1 => {
                self.op(I::RefFunc(g as u32));
                self.op(I::RefFunc(other as u32));
                self.condition(d);
                self.op(I::TypedSelect(typed(false)));
            }
            2 => {
                let null = self.rng().chance(1, 8);
                self.nullable_reference(g, other, sig, null, d);
                self.op(I::RefAsNonNull);
            }
            _ => {
                self.op(I::Block(BlockType::Result(typed(false))));
                self.body.labels.push(vec![]);
                let null = self.rng().chance(1, 2);
                self.nullable_reference(g, other, sig, null, d);
                self.op(I::BrOnNonNull(0));
                self.op(I::RefFunc(other as u32));
                self.body.labels.pop();
                self.op(I::End);
            }
        }
    }

    /// Pushes a nullable reference: `g` if a computed condition holds, else `other` (or
    /// null, with `null`).
    fn nullable_reference(&mut self, g: usize, other: usize, sig: usize, null: bool, d: u32) {
        let heap = wasm_encoder::HeapType::Concrete(sig as u32);
        self.condition(d);
        self.op(I::If(BlockType::Result(W::Ref(RefType {
            nullable: true,
            heap_type: heap,
        }))));
        self.body.labels.push(vec![]);
        self.op(I::RefFunc(g as u32));
        self.op(I::Else);
        self.op(if null {
            I::RefNull(heap)
        } else {
            I::RefFunc(other as u32)
        });
        self.body.labels.pop();
        self.op(I::End);
    }

    /// A call through a reference that may be null, as a statement: the arguments, then
    /// `br_on_null` out of a block typed by them (dropped there) or the call.
    fn call_unless_null(&mut self, d: u32) {
        let f = self.body.func;
        let multiplier = self.body.multiplier;
        let spent = self.body.cost;
        let candidates: Vec<usize> = (f + 1..self.gen.funcs.len())
            .filter(|&g| spent + self.gen.funcs[g].cost.max(1) * multiplier <= BUDGET)
            .collect();
        if candidates.is_empty() {
            return;
        }
        let g = *self.rng().pick(&candidates);
        let sig_index = self.gen.funcs[g].sig;
        let other = self.second_callee(g, &candidates);
        let sig = self.gen.types[sig_index].clone();
        let args = self.gen.block_type(vec![], sig.params.clone());
        self.op(I::Block(BlockType::Empty));
        self.body.labels.push(vec![]);
        self.op(I::Block(args));
        self.body.labels.push(sig.params.clone());
        for &p in &sig.params {
            self.expr(p, 1);
        }
        let null = self.rng().chance(1, 2);
        self.nullable_reference(g, other, sig_index, null, d);
        self.op(I::BrOnNull(0));
        self.op(I::CallRef(sig_index as u32));
        for _ in &sig.results {
            self.op(I::Drop);
        }
        self.op(I::Br(1));
        self.body.labels.pop();
        self.op(I::End);
        for _ in &sig.params {
            self.op(I::Drop);
        }
        self.body.labels.pop();
        self.op(I::End);
    }

    /// A tail call on one path: `if (cond) { args; return_call }`.
    fn conditional_tail_call(&mut self) {
        self.condition(1);
        self.op(I::If(BlockType::Empty));
        self.body.labels.push(vec![]);
        if !self.tail_call(1) {
            self.op(I::Nop);
        }
        self.body.labels.pop();
        self.op(I::End);
    }

    /// A call whose results are all dropped or stored.
    fn call_statement(&mut self) {
        if let Some(results) = self.call(1, false) {
            for &r in results.iter().rev() {
                let locals = self.writable_locals(r);
                if !locals.is_empty() && self.rng().chance(1, 2) {
                    let l = *self.rng().pick(&locals);
                    self.op(I::LocalSet(l));
                } else {
                    self.op(I::Drop);
                }
            }
        }
    }

    fn free_counter(&mut self) -> Option<u32> {
        if !self.body.loops {
            return None;
        }
        // Counters in use are taken out of the free list until their loop ends.
        self.body.free_counters.pop()
    }

    fn release_counter(&mut self, counter: u32) {
        self.body.free_counters.push(counter);
    }

    /// counter += 1; pushes (counter < trips).
    fn count(&mut self, counter: u32, trips: u64) {
        self.op(I::LocalGet(counter));
        self.op(I::I32Const(1));
        self.op(I::I32Add);
        self.op(I::LocalTee(counter));
        self.op(I::I32Const(trips as i32));
        self.op(I::I32LtU);
    }

    /// A statement (leaves the stack as it was).
    fn statement(&mut self, d: u32) {
        let d = d + 1;
        if d > self.body.depth_limit + 1 || self.body.ops.len() > self.body.size_limit {
            // Deep enough: a statement with no nested statements.
            let t = self.pick_type();
            self.leaf(t);
            self.op(I::Drop);
            return;
        }
        match self.rng().below(14) {
            0..=2 => {
                let t = self.pick_type();
                let locals = self.writable_locals(t);
                if locals.is_empty() {
                    return self.store(d);
                }
                let l = *self.rng().pick(&locals);
                if t.is_int() && self.rng().chance(1, 2) {
                    // x = x op y
                    self.op(I::LocalGet(l));
                    self.expr(t, d);
                    let op = match (t, self.rng().below(3)) {
                        (T::I32, 0) => I::I32Add,
                        (T::I32, 1) => I::I32Sub,
                        (T::I32, _) => I::I32And,
                        (_, 0) => I::I64Add,
                        (_, 1) => I::I64Mul,
                        _ => I::I64Xor,
                    };
                    self.op(op);
                } else {
                    self.expr(t, d);
                }
                self.op(I::LocalSet(l));
            }
            3 => {
                if self.gen.globals.is_empty() {
                    return;
                }
                let n = self.gen.globals.len();
                let g = self.rng().below(n);
                let t = self.gen.globals[g];
                self.expr(t, d);
                if t.is_float() {
                    self.canonicalize(t);
                }
                self.op(I::GlobalSet(g as u32));
            }
            4 | 5 => self.store(d),
            6 => {
                let t = self.pick_type();
                self.expr(t, d);
                self.op(I::Drop);
            }
            7 | 8 if self.body.calls && self.gen.typed && self.rng().chance(1, 4) => {
                self.call_unless_null(1)
            }
            7 | 8 if self.body.calls => self.call_statement(),
            9 if self.gen.exceptions && self.rng().chance(1, 3) => self.throw_statement(d),
            9 => {
                self.condition(d);
                self.op(I::If(BlockType::Empty));
                self.body.labels.push(vec![]);
                self.statement(d);
                if self.rng().chance(1, 2) {
                    self.op(I::Else);
                    self.statement(d);
                }
                self.body.labels.pop();
                self.op(I::End);
            }
            10 => {
                // A block left early by br_if.
                self.op(I::Block(BlockType::Empty));
                self.body.labels.push(vec![]);
                self.statement(d);
                self.condition(d);
                self.op(I::BrIf(0));
                self.statement(d);
                self.body.labels.pop();
                self.op(I::End);
            }
            11 | 12 => self.loop_statement(d),
            _ => self.bulk(d),
        }
    }

    /// `if (x & 7) == 0 { throw }` with a computed `x`, of a tag picked at random.
    fn throw_statement(&mut self, d: u32) {
        self.expr(T::I32, d);
        self.op(I::I32Const(7));
        self.op(I::I32And);
        self.op(I::I32Eqz);
        self.op(I::If(BlockType::Empty));
        self.body.labels.push(vec![]);
        let count = self.gen.tags.len();
        let tag = self.rng().below(count);
        if let Some(payload) = self.gen.tags[tag].1 {
            self.leaf(payload);
        }
        self.op(I::Throw(tag as u32));
        self.body.labels.pop();
        self.op(I::End);
    }

    /// An expression of type `t` (a call, half the time) inside a `try_table` catching
    /// tag 0 (its i32 payload made a `t`) and everything else (a leaf `t`, or, a quarter
    /// of the time, the exception thrown on by `throw_ref`).
    fn try_expr(&mut self, t: T, d: u32) {
        let rethrow = self.rng().chance(1, 4);
        // $out
        self.op(I::Block(BlockType::Result(t.wasm())));
        self.body.labels.push(vec![t]);
        // $by_tag: tag 0's payload
        self.op(I::Block(BlockType::Result(W::I32)));
        self.body.labels.push(vec![T::I32]);
        // $all: nothing, or the exception
        self.op(I::Block(if rethrow {
            BlockType::Result(W::EXNREF)
        } else {
            BlockType::Empty
        }));
        self.body.labels.push(vec![]);
        let catches = vec![
            wasm_encoder::Catch::One { tag: 0, label: 1 },
            if rethrow {
                wasm_encoder::Catch::AllRef { label: 0 }
            } else {
                wasm_encoder::Catch::All { label: 0 }
            },
        ];
        self.op(I::TryTable(
            BlockType::Result(t.wasm()),
            Cow::Owned(catches),
        ));
        self.body.labels.push(vec![t]);
        if self.body.calls && self.rng().chance(1, 2) {
            self.call_expr(t, d);
        } else {
            self.expr(t, d);
        }
        self.body.labels.pop();
        self.op(I::End);
        self.op(I::Br(2));
        self.body.labels.pop();
        self.op(I::End);
        if rethrow {
            self.op(I::ThrowRef);
        } else {
            self.leaf(t);
            self.op(I::Br(1));
        }
        self.body.labels.pop();
        self.op(I::End);
        self.coerce(T::I32, t);
        self.body.labels.pop();
        self.op(I::End);
    }

    fn store(&mut self, d: u32) {
        self.address(d);
        let t = self.pick_type();
        self.expr(t, d);
        let op = match t {
            T::I32 => match self.rng().below(3) {
                0 => I::I32Store8(self.memarg(0)),
                1 => I::I32Store16(self.memarg(1)),
                _ => I::I32Store(self.memarg(2)),
            },
            T::I64 => match self.rng().below(3) {
                0 => I::I64Store32(self.memarg(2)),
                1 => I::I64Store8(self.memarg(0)),
                _ => I::I64Store(self.memarg(3)),
            },
            T::F32 => {
                self.canonicalize(t);
                I::F32Store(self.memarg(2))
            }
            T::F64 => {
                self.canonicalize(t);
                I::F64Store(self.memarg(3))
            }
            T::V128 => {
                let lane = self.rng().below(16) as u8;
                match self.rng().below(6) {
                    0 => I::V128Store8Lane {
                        memarg: self.memarg(0),
                        lane,
                    },
                    1 => I::V128Store16Lane {
                        memarg: self.memarg(1),
                        lane: lane % 8,
                    },
                    2 => I::V128Store32Lane {
                        memarg: self.memarg(2),
                        lane: lane % 4,
                    },
                    3 => I::V128Store64Lane {
                        memarg: self.memarg(3),
                        lane: lane % 2,
                    },
                    _ => {
                        let align = self.rng().range(0, 4) as u32;
                        I::V128Store(self.memarg(align))
                    }
                }
            }
        };
        self.op(op);
    }

    /// `memory.fill`/`memory.copy` over a small range, or a `memory.grow` by 0 or 1 pages.
    fn bulk(&mut self, d: u32) {
        match self.rng().below(3) {
            0 => {
                self.address(d);
                self.expr(T::I32, d);
                let n = self.rng().range(0, 64) as i32;
                self.op(I::I32Const(n));
                let memory = self.memory();
                self.op(I::MemoryFill(memory));
            }
            1 => {
                self.address(d);
                self.address(d);
                let n = self.rng().range(0, 64) as i32;
                self.op(I::I32Const(n));
                let (src_mem, dst_mem) = (self.memory(), self.memory());
                self.op(I::MemoryCopy { src_mem, dst_mem });
            }
            _ => {
                let n = self.rng().range(0, 1) as i32;
                self.op(I::I32Const(n));
                let memory = self.memory();
                self.op(I::MemoryGrow(memory));
                self.op(I::Drop);
            }
        }
    }

    /// A bounded loop: body, counter += 1, back-edge while counter < trips.
    fn loop_statement(&mut self, d: u32) {
        let Some(counter) = self.free_counter() else {
            return self.store(d);
        };
        let trips = self.rng().range(1, 8);
        if self.body.cost + trips * 50 * self.body.multiplier > BUDGET {
            self.release_counter(counter);
            return self.store(d);
        }
        if self.rng().chance(1, 3) && self.pressure_loop(counter, trips) {
            self.release_counter(counter);
            return;
        }
        self.op(I::I32Const(0));
        self.op(I::LocalSet(counter));
        self.op(I::Loop(BlockType::Empty));
        self.body.labels.push(vec![]);
        self.body.multiplier *= trips;
        for _ in 0..self.rng().range(1, 3) {
            self.statement(d);
        }
        // The body's own cost, counted once per iteration.
        self.body.cost += 50 * self.body.multiplier;
        self.count(counter, trips);
        self.op(I::BrIf(0));
        self.body.multiplier /= trips;
        self.body.labels.pop();
        self.op(I::End);
        self.release_counter(counter);
    }
}

impl Emit<'_> {
    /// A loop in the shape of a cipher round: several integer locals of one type updated
    /// with add, xor and rotate, and a conditional exit to a block around the loop, with
    /// nothing else in it (no call, division or select). Kestrel's plain versions keep
    /// the hottest locals of such a loop in registers while it runs (loop homes), and
    /// write them back on every way out. Half the rounds mix in one more term, a quarter
    /// store first (`pressure_mix`, `pressure_store`): the operators whose code would
    /// use rcx or rdx, which may be homes. A third of the loops access no memory (their
    /// homes may include r14, the memory base) and store one of their locals after the
    /// loop, through r14. Returns false (emitting nothing) if the function has too few
    /// locals of the type.
    fn pressure_loop(&mut self, counter: u32, trips: u64) -> bool {
        let t = if self.rng().chance(1, 3) {
            T::I64
        } else {
            T::I32
        };
        let locals = self.writable_locals(t);
        if locals.len() < 3 {
            return false;
        }
        let (add, xor, rotl) = match t {
            T::I32 => (I::I32Add, I::I32Xor, I::I32Rotl),
            _ => (I::I64Add, I::I64Xor, I::I64Rotl),
        };
        let rotation = |gen: &mut Self| match t {
            T::I32 => I::I32Const(gen.rng().range(1, 31) as i32),
            _ => I::I64Const(gen.rng().range(1, 63) as i64),
        };
        self.op(I::I32Const(0));
        self.op(I::LocalSet(counter));
        self.op(I::Block(BlockType::Empty));
        self.body.labels.push(vec![]);
        self.op(I::Loop(BlockType::Empty));
        self.body.labels.push(vec![]);
        let memory_free = self.rng().chance(1, 3);
        let rounds = if memory_free {
            self.rng().range(4, 16)
        } else {
            self.rng().range(2, 8)
        };
        let exit_after = self.rng().range(0, rounds + 1);
        for round in 0..rounds {
            // a = rotl(c ^ (a + b), k)
            let a = *self.rng().pick(&locals);
            let b = *self.rng().pick(&locals);
            let c = *self.rng().pick(&locals);
            self.op(I::LocalGet(a));
            self.op(I::LocalGet(b));
            self.op(add.clone());
            self.op(I::LocalGet(c));
            self.op(xor.clone());
            if self.rng().chance(1, 2) {
                self.pressure_mix(t, &locals, memory_free);
                self.op(xor.clone());
            }
            if !memory_free && self.rng().chance(1, 4) {
                self.pressure_store(t, &locals);
            }
            if memory_free && self.rng().chance(1, 4) {
                self.pressure_copy(&locals);
            }
            let k = rotation(self);
            self.op(k);
            self.op(rotl.clone());
            self.op(I::LocalSet(a));
            if round + 1 == exit_after {
                // Leave the loop (and its block) when a's low three bits are zero.
                self.op(I::LocalGet(a));
                if t == T::I64 {
                    self.op(I::I32WrapI64);
                }
                self.op(I::I32Const(7));
                self.op(I::I32And);
                self.op(I::I32Eqz);
                self.op(I::BrIf(1));
            }
        }
        self.body.cost += 20 * rounds * self.body.multiplier * trips;
        self.count(counter, trips);
        self.op(I::BrIf(0));
        self.body.labels.pop();
        self.op(I::End);
        self.body.labels.pop();
        self.op(I::End);
        if memory_free {
            self.pressure_store(t, &locals);
        }
        true
    }

    /// Copies one of a pressure loop's `locals` to another (the value stays on the stack
    /// for a moment now and then: a tee): where both live in frame slots, a slot-to-slot
    /// move, which must not take a register the loop keeps a local in.
    fn pressure_copy(&mut self, locals: &[u32]) {
        let from = *self.rng().pick(locals);
        let to = *self.rng().pick(locals);
        self.op(I::LocalGet(from));
        if self.rng().chance(1, 2) {
            self.op(I::LocalSet(to));
        } else {
            let other = *self.rng().pick(locals);
            self.op(I::LocalTee(to));
            self.op(I::LocalSet(other));
        }
    }

    /// Pushes one more term of type `t` for a pressure loop's round, from its `locals`:
    /// a shift or rotation by a local's value, clz/ctz/popcnt of a constant, a
    /// comparison of two locals, or (unless `memory_free`) a load from a local's address.
    /// A memory-free loop (whose homes may include rax, the scratch register) also mixes
    /// in clz/ctz/popcnt of a local, a constant too wide for an immediate (i64), and a
    /// local read before a tee of it changes it (the read, still lazy, moves to a slot).
    fn pressure_mix(&mut self, t: T, locals: &[u32], memory_free: bool) {
        let e = *self.rng().pick(locals);
        let f = *self.rng().pick(locals);
        let wide = t == T::I64;
        match self.rng().below(if memory_free { 6 } else { 4 }) {
            3 if memory_free => {
                self.op(I::LocalGet(e));
                let which = self.rng().below(3);
                if wide {
                    self.op([I::I64Clz, I::I64Ctz, I::I64Popcnt][which].clone());
                } else {
                    self.op([I::I32Clz, I::I32Ctz, I::I32Popcnt][which].clone());
                }
            }
            4 if memory_free => {
                self.op(I::LocalGet(e));
                if wide {
                    let low = self.rng().next_u64() >> 16;
                    self.op(I::I64Const((0x3c3c << 48 | low) as i64));
                    self.op(I::I64Add);
                } else {
                    let k = self.rng().next_u64() as i32;
                    self.op(I::I32Const(k));
                    self.op(I::I32Add);
                }
            }
            5 => {
                self.op(I::LocalGet(e));
                self.op(I::LocalGet(f));
                self.op(I::LocalTee(e));
                self.op(if wide { I::I64Add } else { I::I32Add });
            }
            0 => {
                self.op(I::LocalGet(e));
                self.op(I::LocalGet(f));
                let op = match (wide, self.rng().below(3)) {
                    (false, 0) => I::I32Rotl,
                    (false, 1) => I::I32Shl,
                    (false, _) => I::I32ShrU,
                    (true, 0) => I::I64Rotr,
                    (true, 1) => I::I64Shl,
                    (true, _) => I::I64ShrS,
                };
                self.op(op);
            }
            1 => {
                let bits = self.rng().next_u64();
                let which = self.rng().below(3);
                if wide {
                    self.op(I::I64Const(bits as i64));
                    self.op([I::I64Clz, I::I64Ctz, I::I64Popcnt][which].clone());
                } else {
                    self.op(I::I32Const(bits as i32));
                    self.op([I::I32Clz, I::I32Ctz, I::I32Popcnt][which].clone());
                }
            }
            2 => {
                self.op(I::LocalGet(e));
                self.op(I::LocalGet(f));
                if wide {
                    self.op(I::I64LtU);
                    self.op(I::I64ExtendI32U);
                } else {
                    self.op(I::I32LtU);
                }
            }
            _ => {
                self.pressure_address(e, wide);
                let load = if wide {
                    I::I64Load(self.memarg(3))
                } else {
                    I::I32Load(self.memarg(2))
                };
                self.op(load);
            }
        }
    }

    /// A store in a pressure loop's round: a local's value (or, for i64, now and then a
    /// constant too wide for an immediate) at a local's address.
    fn pressure_store(&mut self, t: T, locals: &[u32]) {
        let e = *self.rng().pick(locals);
        let f = *self.rng().pick(locals);
        let wide = t == T::I64;
        self.pressure_address(e, wide);
        if wide && self.rng().chance(1, 3) {
            let low = self.rng().next_u64() >> 16;
            self.op(I::I64Const((0x5a5a << 48 | low) as i64));
        } else {
            self.op(I::LocalGet(f));
        }
        let store = if wide {
            I::I64Store(self.memarg(3))
        } else {
            I::I32Store(self.memarg(2))
        };
        self.op(store);
    }

    /// Local `e`'s value (wrapped if `wide`) as an address inside the memory page.
    fn pressure_address(&mut self, e: u32, wide: bool) {
        self.op(I::LocalGet(e));
        if wide {
            self.op(I::I32WrapI64);
        }
        self.op(I::I32Const(ADDR_MASK));
        self.op(I::I32And);
    }
}

#[cfg(test)]
mod tests {
    use super::shaped;

    #[test]
    fn modules_validate() {
        for seed in 0..300 {
            let m = shaped(seed).unwrap();
            if let Err(e) = wasmparser::Validator::new().validate_all(&m) {
                let text = wasmprinter::print_bytes(&m).unwrap_or_default();
                panic!("seed {seed}: {e}\n{text}");
            }
        }
    }

    #[test]
    fn modules_stay_small() {
        let largest = (0..300).map(|s| shaped(s).unwrap().len()).max().unwrap();
        assert!(largest < 200_000, "{largest} bytes");
    }

    #[test]
    fn modules_are_deterministic() {
        for seed in 0..20 {
            assert_eq!(shaped(seed), shaped(seed));
        }
    }

    #[test]
    fn modules_have_calls_and_tail_calls_of_both_kinds() {
        let (mut direct, mut indirect, mut tail, mut tail_indirect) = (0, 0, 0, 0);
        for seed in 0..100 {
            let text = wasmprinter::print_bytes(shaped(seed).unwrap()).unwrap();
            for line in text.lines().map(str::trim) {
                direct += line.starts_with("call ") as usize;
                indirect += line.starts_with("call_indirect") as usize;
                tail += line.starts_with("return_call ") as usize;
                tail_indirect += line.starts_with("return_call_indirect") as usize;
            }
        }
        assert!(
            direct > 100 && indirect > 100 && tail > 20 && tail_indirect > 20,
            "{direct} direct, {indirect} indirect, {tail} tail, {tail_indirect} tail indirect"
        );
    }
}
