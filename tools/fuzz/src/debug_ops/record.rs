//! Making a module record what its frames hold: before every call, the calling function
//! writes its locals to a record in linear memory, one record per call depth, so that at
//! any debug stop the locals of every suspended caller are known without a reference
//! debugger.
//!
//! The rewritten module has one more mutable i32 global, the call depth (exported as
//! [`DEPTH_EXPORT`]), two more locals per function (scratch), and one more page of
//! memory, the record page (a memory of one page if it had none; a 64-bit memory 0 gets
//! its records at i64 addresses, the scratch address local then an i64). Around every `call`
//! and `call_indirect`:
//!
//! ```text
//!   depth += 1
//!   rec = record_base + (depth & 255) * 256
//!   [rec] = call id;  [rec + 8 + 8*i] = local i (i < 24, numbers only)
//!   [rec + 200] = hash of the id and the values (a program store that lands in the page
//!                 shows as a hash that does not match)
//!   call ...
//!   depth -= 1
//! ```
//!
//! A caller's locals cannot change while it is suspended in the call, so at a stop the
//! record of depth k holds the locals of the k-th caller from the outermost frame. A tail
//! call (`return_call`, `return_call_indirect`) is left as it is: it replaces its frame
//! by the callee's at the same depth, so it makes no record and the depth stays. Call ids
//! number the calls of the rewritten module in code order; [`Recorded::call`] maps a
//! frame's (function, call offset) back to one.

use std::collections::{BTreeSet, HashMap};
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, ConstExpr, ExportKind, ExportSection, Function, GlobalSection, GlobalType,
    Instruction as I, MemArg, MemArgTarget, MemorySection, MemoryType, Module, RawSection,
    ValType as W,
};
use wasmparser::{Operator, Parser, Payload, ValType};

/// The export name of the call-depth global.
pub const DEPTH_EXPORT: &str = "__kestrel_debug_ops_depth";
/// Bytes per record.
pub const RECORD_SIZE: u32 = 256;
/// Records in the record page (depths wrap around).
pub const RECORDS: u32 = 256;
/// The locals a record holds (the first ones, parameters first).
pub const RECORDED_LOCALS: usize = 24;
/// Where the hash is in a record.
pub const HASH_AT: u32 = 8 + 8 * RECORDED_LOCALS as u32;

/// One function of the rewritten module, as the checks need it.
#[derive(Clone, Debug, Default)]
pub struct FuncInfo {
    /// Module offset of its body (where its entry site is).
    pub body_start: u32,
    /// Module offsets of its operators, ascending.
    pub ops: Vec<u32>,
    /// Its locals' types, parameters first (without the two scratch locals the rewrite
    /// added after them).
    pub locals: Vec<ValType>,
    /// Module offsets of its calls.
    pub calls: BTreeSet<u32>,
}

impl FuncInfo {
    /// Whether a stop at `offset` is at an instruction boundary (or the entry).
    pub fn is_boundary(&self, offset: u32) -> bool {
        offset == self.body_start || self.ops.binary_search(&offset).is_ok()
    }

    /// The offset of the operator after the one at `offset`.
    pub fn after(&self, offset: u32) -> Option<u32> {
        let i = self.ops.binary_search(&offset).ok()?;
        self.ops.get(i + 1).copied()
    }
}

/// A module rewritten to record its callers' locals.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// The rewritten binary.
    pub bytes: Vec<u8>,
    /// Linear-memory address of the record page.
    pub record_base: u32,
    /// Index of the depth global.
    pub depth_global: u32,
    /// Defined functions by function index.
    pub funcs: HashMap<u32, FuncInfo>,
    /// Call id by (function, call offset).
    calls: HashMap<(u32, u32), u32>,
}

impl Recorded {
    /// The call id of the call at `offset` in function `func`.
    pub fn call(&self, func: u32, offset: u32) -> Option<u32> {
        self.calls.get(&(func, offset)).copied()
    }

    /// The address of the record of depth `depth`.
    pub fn record_address(&self, depth: u32) -> u32 {
        self.record_base + (depth & (RECORDS - 1)) * RECORD_SIZE
    }
}

/// The hash a record carries: of the call id and the recorded values' bits, in order.
pub fn record_hash(id: u32, values: impl IntoIterator<Item = u64>) -> u64 {
    values
        .into_iter()
        .fold(u64::from(id), |h, bits| h.rotate_left(7) ^ bits)
}

/// One record as read from linear memory, for a caller whose locals have the types
/// `locals` (parameters first).
pub struct Record<'l> {
    bytes: Vec<u8>,
    locals: &'l [ValType],
}

impl<'l> Record<'l> {
    /// The record in `bytes` (`RECORD_SIZE` of them) of a function with `locals`.
    pub fn new(bytes: Vec<u8>, locals: &'l [ValType]) -> Record<'l> {
        Record { bytes, locals }
    }

    fn word(&self, at: usize) -> u64 {
        u64::from_le_bytes(self.bytes[at..at + 8].try_into().expect("8 bytes"))
    }

    /// The recorded locals that a record holds: (index, bits), in order.
    pub fn values(&self) -> Vec<(usize, u64)> {
        self.locals
            .iter()
            .enumerate()
            .take(RECORDED_LOCALS)
            .filter_map(|(i, ty)| {
                let width = recorded_width(*ty)?;
                let raw = self.word(8 + 8 * i);
                Some((i, if width == 4 { raw as u32 as u64 } else { raw }))
            })
            .collect()
    }

    /// Whether this is call `id`'s record, as the module wrote it (its hash holds: the
    /// program did not overwrite it, nor a deeper stack's record wrap onto it).
    pub fn is_of(&self, id: u32) -> bool {
        let values = self.values().into_iter().map(|(_, bits)| bits);
        self.word(0) as u32 == id && self.word(HASH_AT as usize) == record_hash(id, values)
    }

    /// Sets recorded local `index` (of call `id`'s record) to `bits`, and the hash to
    /// match.
    pub fn set(&mut self, id: u32, index: usize, bits: u64) {
        let width = recorded_width(self.locals[index]).expect("a recorded number");
        let at = 8 + 8 * index;
        self.bytes[at..at + width].copy_from_slice(&bits.to_le_bytes()[..width]);
        let hash = record_hash(id, self.values().into_iter().map(|(_, bits)| bits));
        let at = HASH_AT as usize;
        self.bytes[at..at + 8].copy_from_slice(&hash.to_le_bytes());
    }

    /// The record's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// Where a recorded local of type `ty` is stored, and how wide it is: `None` for types a
/// record does not hold (references).
pub fn recorded_width(ty: ValType) -> Option<usize> {
    match ty {
        ValType::I32 | ValType::F32 => Some(4),
        ValType::I64 | ValType::F64 => Some(8),
        _ => None,
    }
}

/// Why a module cannot be rewritten (its session is skipped).
pub type Unsupported = String;

fn unsupported(e: impl std::fmt::Display) -> Unsupported {
    format!("cannot rewrite the module: {e}")
}

/// Section ids in the order a module must have them.
const SECTION_ORDER: [u8; 13] = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

fn rank(id: u8) -> usize {
    SECTION_ORDER
        .iter()
        .position(|&i| i == id)
        .unwrap_or(usize::MAX)
}

/// Rewrites `bytes` to record its callers' locals.
pub fn record(bytes: &[u8]) -> Result<Recorded, Unsupported> {
    let mut re = RoundtripReencoder;
    let mut sections: Vec<(u8, Vec<u8>)> = Vec::new();
    let mut types: Vec<Vec<ValType>> = Vec::new();
    let mut func_types: Vec<u32> = Vec::new();
    let (mut imported_funcs, mut globals) = (0u32, 0u32);
    let mut record_base: Option<u32> = None;
    // Whether memory 0 is a 64-bit memory (the record addresses are then i64s).
    let mut address64 = false;
    let mut depth_global: Option<u32> = None;
    let mut exported = false;
    let mut code = CodeSection::new();
    let mut code_count = 0u32;
    let mut code_index = 0u32;
    let mut next_call_id = 0u32;
    let mut locals_of = Vec::new();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(unsupported)? {
            Payload::TypeSection(reader) => {
                for group in reader.clone() {
                    for sub in group.map_err(unsupported)?.into_types() {
                        match &sub.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(f) => {
                                types.push(f.params().to_vec())
                            }
                            _ => return Err("a type that is not a function type".into()),
                        }
                    }
                }
                sections.push((1, bytes[usize_range(reader.range())].to_vec()));
            }
            Payload::ImportSection(reader) => {
                for import in reader.clone().into_imports() {
                    match import.map_err(unsupported)?.ty {
                        wasmparser::TypeRef::Func(_) => imported_funcs += 1,
                        wasmparser::TypeRef::Global(_) => globals += 1,
                        wasmparser::TypeRef::Memory(_) => return Err("an imported memory".into()),
                        _ => {}
                    }
                }
                sections.push((2, bytes[usize_range(reader.range())].to_vec()));
            }
            Payload::FunctionSection(reader) => {
                for t in reader.clone() {
                    func_types.push(t.map_err(unsupported)?);
                }
                sections.push((3, bytes[usize_range(reader.range())].to_vec()));
            }
            Payload::MemorySection(reader) => {
                let mut section = MemorySection::new();
                for (i, memory) in reader.into_iter().enumerate() {
                    let mut memory = re
                        .memory_type(memory.map_err(unsupported)?)
                        .map_err(unsupported)?;
                    if i == 0 {
                        if memory.shared || memory.page_size_log2.is_some() {
                            return Err("a shared memory or one with custom pages".into());
                        }
                        address64 = memory.memory64;
                        if memory.minimum >= 65535 || memory.maximum.is_some_and(|m| m >= 65536) {
                            return Err("no room for the record page".into());
                        }
                        record_base = Some(memory.minimum as u32 * 65536);
                        memory.minimum += 1;
                        memory.maximum = memory.maximum.map(|m| m + 1);
                    }
                    section.memory(memory);
                }
                sections.push((5, section_bytes(&section)));
            }
            Payload::GlobalSection(reader) => {
                let mut section = GlobalSection::new();
                for global in reader {
                    let global = global.map_err(unsupported)?;
                    let ty = re.global_type(global.ty).map_err(unsupported)?;
                    let init = re.const_expr(global.init_expr).map_err(unsupported)?;
                    section.global(ty, &init);
                    globals += 1;
                }
                section.global(depth_global_type(), &ConstExpr::i32_const(0));
                depth_global = Some(globals);
                sections.push((6, section_bytes(&section)));
            }
            Payload::ExportSection(reader) => {
                let mut section = ExportSection::new();
                for export in reader {
                    let export = export.map_err(unsupported)?;
                    let kind = re.export_kind(export.kind).map_err(unsupported)?;
                    section.export(export.name, kind, export.index);
                }
                let depth = *depth_global.get_or_insert(globals);
                section.export(DEPTH_EXPORT, ExportKind::Global, depth);
                exported = true;
                sections.push((7, section_bytes(&section)));
            }
            Payload::CodeSectionStart { count, .. } => {
                code_count = count;
            }
            Payload::CodeSectionEntry(body) => {
                let ty = func_types
                    .get(code_index as usize)
                    .and_then(|&t| types.get(t as usize))
                    .ok_or("a body without a type")?;
                let env = RewriteEnv {
                    address64,
                    depth_global: *depth_global.get_or_insert(globals),
                    record_base: *record_base.get_or_insert(0),
                };
                let (function, locals) = rewrite_body(&body, ty, &env, &mut next_call_id)?;
                code.function(&function);
                locals_of.push(locals);
                code_index += 1;
                if code_index == code_count {
                    sections.push((10, section_bytes(&code)));
                }
            }
            Payload::CustomSection(_) | Payload::Version { .. } | Payload::End(_) => {}
            other => {
                if let Some((id, range)) = other.as_section() {
                    sections.push((id, bytes[usize_range(range)].to_vec()));
                }
            }
        }
    }
    let record_base_value = record_base.unwrap_or(0);
    let depth = depth_global.unwrap_or(globals);
    // The sections a module without them gains.
    let mut add = |id: u8, content: Vec<u8>| {
        if !sections.iter().any(|(i, _)| *i == id) {
            let at = sections
                .iter()
                .position(|(i, _)| rank(*i) > rank(id))
                .unwrap_or(sections.len());
            sections.insert(at, (id, content));
        }
    };
    let mut memory = MemorySection::new();
    memory.memory(MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    add(5, section_bytes(&memory));
    let mut global = GlobalSection::new();
    global.global(depth_global_type(), &ConstExpr::i32_const(0));
    add(6, section_bytes(&global));
    if !exported {
        let mut export = ExportSection::new();
        export.export(DEPTH_EXPORT, ExportKind::Global, depth);
        add(7, section_bytes(&export));
    }
    let mut module = Module::new();
    for (id, data) in &sections {
        module.section(&RawSection { id: *id, data });
    }
    let out = module.finish();
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::default())
        .validate_all(&out)
        .map_err(|e| format!("the rewritten module is invalid: {e}"))?;
    describe(
        out,
        record_base_value,
        depth,
        imported_funcs,
        locals_of,
        next_call_id,
    )
}

/// What the checks need to know about the rewritten module `bytes`.
fn describe(
    bytes: Vec<u8>,
    record_base: u32,
    depth_global: u32,
    imported_funcs: u32,
    locals_of: Vec<Vec<ValType>>,
    call_count: u32,
) -> Result<Recorded, Unsupported> {
    let mut funcs = HashMap::new();
    let mut calls = HashMap::new();
    let mut index = imported_funcs;
    let mut locals_of = locals_of.into_iter();
    for payload in Parser::new(0).parse_all(&bytes) {
        let Payload::CodeSectionEntry(body) = payload.map_err(unsupported)? else {
            continue;
        };
        let mut info = FuncInfo {
            body_start: body.range().start as u32,
            locals: locals_of.next().unwrap_or_default(),
            ..FuncInfo::default()
        };
        let mut ops = body.get_operators_reader().map_err(unsupported)?;
        while !ops.eof() {
            let offset = ops.original_position() as u32;
            let op = ops.read().map_err(unsupported)?;
            info.ops.push(offset);
            if matches!(
                op,
                Operator::Call { .. } | Operator::CallIndirect { .. } | Operator::CallRef { .. }
            ) {
                info.calls.insert(offset);
                let id = calls.len() as u32;
                calls.insert((index, offset), id);
            }
        }
        funcs.insert(index, info);
        index += 1;
    }
    if calls.len() as u32 != call_count {
        return Err("the rewritten module's calls do not match the records".into());
    }
    Ok(Recorded {
        bytes,
        record_base,
        depth_global,
        funcs,
        calls,
    })
}

/// A byte range of the input as slice indices.
fn usize_range(range: std::ops::Range<u64>) -> std::ops::Range<usize> {
    range.start as usize..range.end as usize
}

fn depth_global_type() -> GlobalType {
    GlobalType {
        val_type: W::I32,
        mutable: true,
        shared: false,
    }
}

/// A section's content (without its size prefix, which `RawSection` writes).
fn section_bytes(section: &impl wasm_encoder::Encode) -> Vec<u8> {
    let mut out = Vec::new();
    section.encode(&mut out);
    let prefix = out.iter().position(|b| b & 0x80 == 0).map_or(0, |i| i + 1);
    out.split_off(prefix)
}

/// What every rewritten body refers to.
struct RewriteEnv {
    /// Memory 0 is a 64-bit memory: the record address is an i64.
    address64: bool,
    depth_global: u32,
    record_base: u32,
}

fn mem(offset: u32, align: u32) -> MemArg {
    MemArg {
        offset: u64::from(offset),
        align,
        target: MemArgTarget::Memory(0),
        ordering: None,
    }
}

/// The body with its calls recorded, and its locals' types (parameters first).
fn rewrite_body(
    body: &wasmparser::FunctionBody<'_>,
    params: &[ValType],
    env: &RewriteEnv,
    next_call_id: &mut u32,
) -> Result<(Function, Vec<ValType>), Unsupported> {
    let mut re = RoundtripReencoder;
    let mut locals: Vec<ValType> = params.to_vec();
    let mut declared = Vec::new();
    for local in body.get_locals_reader().map_err(unsupported)? {
        let (count, ty) = local.map_err(unsupported)?;
        if locals.len() + count as usize > 100_000 {
            return Err("too many locals".into());
        }
        declared.push((count, re.val_type(ty).map_err(unsupported)?));
        locals.extend(std::iter::repeat_n(ty, count as usize));
    }
    let address = locals.len() as u32;
    let hash = address + 1;
    declared.push((1, if env.address64 { W::I64 } else { W::I32 }));
    declared.push((1, W::I64));
    let mut f = Function::new(declared);
    let mut ops = body.get_operators_reader().map_err(unsupported)?;
    while !ops.eof() {
        let op = ops.read().map_err(unsupported)?;
        let call = matches!(
            op,
            Operator::Call { .. } | Operator::CallIndirect { .. } | Operator::CallRef { .. }
        );
        if call {
            let id = *next_call_id;
            *next_call_id += 1;
            emit_record(&mut f, &locals, id, address, hash, env);
        }
        f.instruction(&re.instruction(op).map_err(unsupported)?);
        if call {
            f.instruction(&I::GlobalGet(env.depth_global));
            f.instruction(&I::I32Const(1));
            f.instruction(&I::I32Sub);
            f.instruction(&I::GlobalSet(env.depth_global));
        }
    }
    Ok((f, locals))
}

/// The record before call `id` (see the module's description).
fn emit_record(
    f: &mut Function,
    locals: &[ValType],
    id: u32,
    address: u32,
    hash: u32,
    env: &RewriteEnv,
) {
    let depth = env.depth_global;
    for op in [
        I::GlobalGet(depth),
        I::I32Const(1),
        I::I32Add,
        I::GlobalSet(depth),
        I::GlobalGet(depth),
        I::I32Const((RECORDS - 1) as i32),
        I::I32And,
        I::I32Const(RECORD_SIZE.trailing_zeros() as i32),
        I::I32Shl,
        I::I32Const(env.record_base as i32),
        I::I32Add,
    ] {
        f.instruction(&op);
    }
    if env.address64 {
        f.instruction(&I::I64ExtendI32U);
    }
    for op in [
        I::LocalSet(address),
        I::LocalGet(address),
        I::I32Const(id as i32),
        I::I32Store(mem(0, 2)),
        I::I64Const(i64::from(id)),
        I::LocalSet(hash),
    ] {
        f.instruction(&op);
    }
    for (i, &ty) in locals.iter().enumerate().take(RECORDED_LOCALS) {
        let at = 8 + 8 * i as u32;
        let (store, to_bits): (I<'_>, &[I<'_>]) = match ty {
            ValType::I32 => (I::I32Store(mem(at, 2)), &[I::I64ExtendI32U]),
            ValType::I64 => (I::I64Store(mem(at, 3)), &[]),
            ValType::F32 => (
                I::F32Store(mem(at, 2)),
                &[I::I32ReinterpretF32, I::I64ExtendI32U],
            ),
            ValType::F64 => (I::F64Store(mem(at, 3)), &[I::I64ReinterpretF64]),
            _ => continue,
        };
        let local = i as u32;
        for op in [I::LocalGet(address), I::LocalGet(local), store] {
            f.instruction(&op);
        }
        for op in [
            I::LocalGet(hash),
            I::I64Const(7),
            I::I64Rotl,
            I::LocalGet(local),
        ] {
            f.instruction(&op);
        }
        for op in to_bits {
            f.instruction(op);
        }
        f.instruction(&I::I64Xor);
        f.instruction(&I::LocalSet(hash));
    }
    for op in [
        I::LocalGet(address),
        I::LocalGet(hash),
        I::I64Store(mem(HASH_AT, 3)),
    ] {
        f.instruction(&op);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module whose `f` calls `g` with its locals set: the rewrite keeps it valid and
    /// its results the same, and the record of depth 1 holds the caller's locals.
    #[test]
    fn a_rewritten_module_records_its_callers() {
        let wat = r#"(module
            (memory (export "mem") 1)
            (func $g (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
            (func (export "f") (param $p i64) (result i32)
              (local $x i32) (local $y f64)
              (local.set $x (i32.const 41))
              (local.set $y (f64.const 2.5))
              (call $g (local.get $x))))"#;
        let bytes = wat::parse_str(wat).unwrap();
        let recorded = record(&bytes).unwrap();
        assert_eq!(recorded.record_base, 65536);
        let f = &recorded.funcs[&1];
        assert_eq!(f.locals, [ValType::I64, ValType::I32, ValType::F64]);
        let call = *f.calls.iter().next().unwrap();
        assert_eq!(recorded.call(1, call), Some(0));
        assert!(f.is_boundary(call) && f.is_boundary(f.body_start));
        assert_eq!(f.after(call), f.ops.iter().copied().find(|&o| o > call));

        let engine = kestrel::Engine::default();
        let module = kestrel::Module::new(&engine, &recorded.bytes).unwrap();
        let instance = kestrel::Linker::new(&engine).instantiate(&module).unwrap();
        let out = instance
            .get_func("f")
            .unwrap()
            .call(&[kestrel::Val::I64(7)])
            .unwrap();
        assert_eq!(out[0].i32(), Some(42));
        let depth = instance.get_global(DEPTH_EXPORT).unwrap();
        assert_eq!(depth.get().i32(), Some(0));
        let memory = instance.get_memory("mem").unwrap();
        let mut rec = [0u8; RECORD_SIZE as usize];
        memory
            .read(recorded.record_address(1) as usize, &mut rec)
            .unwrap();
        let word = |at: usize| u64::from_le_bytes(rec[at..at + 8].try_into().unwrap());
        assert_eq!(word(0) as u32, 0);
        let values = [7, 41, 2.5f64.to_bits()];
        assert_eq!([word(8), word(16) as u32 as u64, word(24)], values);
        assert_eq!(word(HASH_AT as usize), record_hash(0, values));
    }
}
