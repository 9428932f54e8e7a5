//! The metadata of a compiled-module file: a compiled module's tables and its module
//! description, written and read field by field (little-endian; vectors of integers as
//! a length and their bytes, read back with one pass over them).

use crate::code_memory::{CodeMemory, CompiledCode, Version};
use crate::error::{Error, Result};
use crate::frontend::{
    ConstExpr, ConstOp, DataMode, DataSegment, ElemMode, ElemSegment, EntityIndex, Export, Import,
    ImportKind, ModuleInfo,
};
use crate::types::registry::{DeclaredType, DeclaredVal, TypeRef as DeclaredRef};
use crate::types::{GlobalType, HeapType, Limits, MemoryType, RefType, TableType, TypeId, ValType};
use std::collections::HashMap;

/// Appends fields to a byte buffer.
#[derive(Default)]
pub(super) struct Writer(Vec<u8>, TypeIndices);

/// The first module type index of each canonical type identity: how a concrete heap type
/// is written (identities are this process's; indices are the module's).
#[derive(Default)]
struct TypeIndices(HashMap<TypeId, u32>);

impl Writer {
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
    pub fn bytes_raw(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    pub fn str16(&mut self, s: &str) {
        self.0.extend_from_slice(&(s.len() as u16).to_le_bytes());
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn u32s(&mut self, v: &[u32]) {
        self.u64(v.len() as u64);
        for x in v {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn pairs(&mut self, v: &[(u32, u32)]) {
        self.u64(v.len() as u64);
        for (a, b) in v {
            self.0.extend_from_slice(&a.to_le_bytes());
            self.0.extend_from_slice(&b.to_le_bytes());
        }
    }
}

/// Reads fields back; every read checks that the bytes are there.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    /// The identities of the module's types once its type section is read (what a
    /// concrete heap type's index is resolved through).
    type_ids: Vec<TypeId>,
}

fn truncated() -> Error {
    Error::Usage("truncated or malformed metadata".into())
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            type_ids: Vec::new(),
        }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.bytes.len() {
            return Err(truncated());
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn len(&mut self, unit: usize) -> Result<usize> {
        let n = usize::try_from(self.u64()?).map_err(|_| truncated())?;
        // A length whose bytes are not there is damage, not a huge allocation.
        if n.checked_mul(unit).is_none_or(|b| b > self.bytes.len()) {
            return Err(truncated());
        }
        Ok(n)
    }
    pub fn bytes(&mut self) -> Result<&'a [u8]> {
        let n = self.len(1)?;
        self.take(n)
    }
    pub fn str(&mut self) -> Result<String> {
        String::from_utf8(self.bytes()?.to_vec()).map_err(|_| truncated())
    }
    pub fn str16(&mut self) -> Result<&'a str> {
        let n = u16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")) as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| truncated())
    }
    pub fn u32s(&mut self) -> Result<Vec<u32>> {
        let n = self.len(4)?;
        Ok(self
            .take(4 * n)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }
    pub fn pairs(&mut self) -> Result<Vec<(u32, u32)>> {
        let n = self.len(8)?;
        Ok(self
            .take(8 * n)?
            .chunks_exact(8)
            .map(|c| {
                (
                    u32::from_le_bytes(c[..4].try_into().expect("4 bytes")),
                    u32::from_le_bytes(c[4..].try_into().expect("4 bytes")),
                )
            })
            .collect())
    }
    fn count(&mut self) -> Result<usize> {
        // Each element of a vector of records takes at least one byte.
        self.len(1)
    }
}

/// A compiled module's tables, read back; `code` is set once the code is mapped.
pub(super) struct Tables {
    pub code: Option<CodeMemory>,
    func_starts: Vec<u32>,
    versions: Vec<Version>,
    stubs: Vec<(u32, u32)>,
    after_calls: Vec<(u32, u32)>,
    context_returns: Vec<u32>,
    pub transfer_returns: Vec<u32>,
    transfer_points: Vec<u32>,
    func_transfers: Vec<u32>,
    frame_sizes: Vec<u32>,
    pub body_ranges: Vec<(u32, u32)>,
    callers: Vec<Vec<u32>>,
    indirect_callers: Vec<u32>,
    sites: Vec<(u32, u32)>,
    num_imported_funcs: u32,
    names: HashMap<u32, String>,
    pub fault_stub: u32,
    pub stop_stub: u32,
    pub interruptible: Vec<(u32, u32)>,
    pub loop_heads: Vec<(u32, u32)>,
    landing_pads: Vec<(u32, u32)>,
}

impl Tables {
    pub fn into_compiled(self) -> CompiledCode {
        CompiledCode {
            code: self.code.expect("the code is mapped"),
            func_starts: self.func_starts,
            versions: self.versions,
            stubs: self.stubs,
            after_calls: self.after_calls,
            context_returns: self.context_returns,
            transfer_returns: self.transfer_returns,
            transfer_points: self.transfer_points,
            func_transfers: self.func_transfers,
            frame_sizes: self.frame_sizes,
            body_ranges: self.body_ranges,
            callers: self.callers,
            indirect_callers: self.indirect_callers,
            sites: self.sites,
            num_imported_funcs: self.num_imported_funcs,
            names: self.names,
            fault_stub: self.fault_stub,
            stop_stub: self.stop_stub,
            interruptible: self.interruptible,
            loop_heads: self.loop_heads,
            landing_pads: self.landing_pads,
        }
    }
}

pub(super) fn compiled(w: &mut Writer, c: &CompiledCode) {
    w.u32s(&c.func_starts);
    w.u64(c.versions.len() as u64);
    for v in &c.versions {
        w.u32(v.start);
        w.u32(v.end);
        w.u32(v.defined);
    }
    w.pairs(&c.stubs);
    w.pairs(&c.after_calls);
    w.u32s(&c.context_returns);
    w.u32s(&c.transfer_returns);
    w.u32s(&c.transfer_points);
    w.u32s(&c.func_transfers);
    w.u32s(&c.frame_sizes);
    w.pairs(&c.body_ranges);
    w.u64(c.callers.len() as u64);
    for list in &c.callers {
        w.u32s(list);
    }
    w.u32s(&c.indirect_callers);
    w.pairs(&c.sites);
    w.u32(c.num_imported_funcs);
    names(w, &c.names);
    w.u32(c.fault_stub);
    w.u32(c.stop_stub);
    w.pairs(&c.interruptible);
    w.pairs(&c.loop_heads);
    w.pairs(&c.landing_pads);
}

pub(super) fn read_compiled(r: &mut Reader<'_>) -> Result<Tables> {
    let func_starts = r.u32s()?;
    let n = r.len(12)?;
    let mut versions = Vec::with_capacity(n);
    for _ in 0..n {
        versions.push(Version {
            start: r.u32()?,
            end: r.u32()?,
            defined: r.u32()?,
        });
    }
    let stubs = r.pairs()?;
    let after_calls = r.pairs()?;
    let context_returns = r.u32s()?;
    let transfer_returns = r.u32s()?;
    let transfer_points = r.u32s()?;
    let func_transfers = r.u32s()?;
    let frame_sizes = r.u32s()?;
    let body_ranges = r.pairs()?;
    let n = r.len(8)?;
    let mut callers = Vec::with_capacity(n);
    for _ in 0..n {
        callers.push(r.u32s()?);
    }
    Ok(Tables {
        code: None,
        func_starts,
        versions,
        stubs,
        after_calls,
        context_returns,
        transfer_returns,
        transfer_points,
        func_transfers,
        frame_sizes,
        body_ranges,
        callers,
        indirect_callers: r.u32s()?,
        sites: r.pairs()?,
        num_imported_funcs: r.u32()?,
        names: read_names(r)?,
        fault_stub: r.u32()?,
        stop_stub: r.u32()?,
        interruptible: r.pairs()?,
        loop_heads: r.pairs()?,
        landing_pads: r.pairs()?,
    })
}

fn names(w: &mut Writer, names: &HashMap<u32, String>) {
    let mut sorted: Vec<_> = names.iter().collect();
    sorted.sort();
    w.u64(sorted.len() as u64);
    for (i, n) in sorted {
        w.u32(*i);
        w.str(n);
    }
}

fn read_names(r: &mut Reader<'_>) -> Result<HashMap<u32, String>> {
    let n = r.count()?;
    let mut names = HashMap::with_capacity(n);
    for _ in 0..n {
        let i = r.u32()?;
        names.insert(i, r.str()?);
    }
    Ok(names)
}

fn val_type(w: &mut Writer, t: ValType) {
    let concrete = |w: &mut Writer, nullable: bool, index: u32| {
        w.u8(if nullable { 8 } else { 9 });
        w.u32(index);
    };
    match t {
        ValType::I32 => w.u8(0),
        ValType::I64 => w.u8(1),
        ValType::F32 => w.u8(2),
        ValType::F64 => w.u8(3),
        ValType::V128 => w.u8(6),
        ValType::Ref(r) if matches!(r.heap(), HeapType::Concrete(_)) => {
            let HeapType::Concrete(id) = r.heap() else {
                unreachable!("matched above")
            };
            let index = *(w.1)
                .0
                .get(&id)
                .expect("a module's concrete types are its own");
            concrete(w, r.nullable(), index)
        }
        ValType::Ref(r) => {
            w.u8(10);
            w.u8(u8::from(r.nullable()));
            w.u8(match r.heap() {
                HeapType::Func => 0,
                HeapType::Extern => 1,
                HeapType::Exn => 2,
                HeapType::NoFunc => 3,
                HeapType::NoExtern => 4,
                HeapType::NoExn => 5,
                HeapType::Concrete(_) => unreachable!("written above"),
            });
        }
    }
}

fn read_val_type(r: &mut Reader<'_>) -> Result<ValType> {
    Ok(match r.u8()? {
        0 => ValType::I32,
        1 => ValType::I64,
        2 => ValType::F32,
        3 => ValType::F64,
        6 => ValType::V128,
        tag @ (8 | 9) => {
            let index = r.u32()?;
            let id = *r.type_ids.get(index as usize).ok_or_else(truncated)?;
            ValType::Ref(RefType::new(tag == 8, HeapType::Concrete(id)))
        }
        10 => {
            let nullable = r.u8()? != 0;
            let heap = match r.u8()? {
                0 => HeapType::Func,
                1 => HeapType::Extern,
                2 => HeapType::Exn,
                3 => HeapType::NoFunc,
                4 => HeapType::NoExtern,
                5 => HeapType::NoExn,
                _ => return Err(truncated()),
            };
            ValType::Ref(RefType::new(nullable, heap))
        }
        _ => return Err(truncated()),
    })
}

/// Writes the type section as declared, group by group: a reference into the group by
/// position, one outside it by the first module index of its identity (which precedes
/// the group, so reading registers the groups again in order).
fn rec_groups(w: &mut Writer, info: &ModuleInfo) {
    let mut first = HashMap::new();
    for (i, id) in info.type_ids.iter().enumerate() {
        first.entry(*id).or_insert(i as u32);
    }
    w.1 = TypeIndices(first);
    let type_ref = |w: &mut Writer, r: DeclaredRef| match r {
        DeclaredRef::InGroup(i) => {
            w.u8(0);
            w.u32(i);
        }
        DeclaredRef::Canonical(id) => {
            w.u8(1);
            w.u32(w.1 .0[&id]);
        }
    };
    let vals = |w: &mut Writer, vs: &[DeclaredVal]| {
        w.u64(vs.len() as u64);
        for v in vs {
            match *v {
                DeclaredVal::Plain(t) => {
                    w.u8(0);
                    val_type(w, t);
                }
                DeclaredVal::Concrete { nullable, to } => {
                    w.u8(1);
                    w.u8(u8::from(nullable));
                    type_ref(w, to);
                }
            }
        }
    };
    w.u64(info.rec_groups.len() as u64);
    for group in &info.rec_groups {
        w.u64(group.len() as u64);
        for decl in group.iter() {
            w.u8(u8::from(decl.is_final));
            match decl.supertype {
                Some(s) => {
                    w.u8(1);
                    type_ref(w, s);
                }
                None => w.u8(0),
            }
            vals(w, &decl.params);
            vals(w, &decl.results);
        }
    }
}

/// Reads the type section written by `rec_groups` and registers its groups, filling
/// `info`'s types (and the reader's identities).
fn read_rec_groups(r: &mut Reader<'_>, info: &mut ModuleInfo) -> Result<()> {
    fn type_ref(r: &mut Reader<'_>, group_start: usize) -> Result<DeclaredRef> {
        Ok(match r.u8()? {
            0 => DeclaredRef::InGroup(r.u32()?),
            1 => {
                let index = r.u32()? as usize;
                if index >= group_start {
                    return Err(truncated());
                }
                DeclaredRef::Canonical(r.type_ids[index])
            }
            _ => return Err(truncated()),
        })
    }
    fn vals(r: &mut Reader<'_>, group_start: usize) -> Result<Box<[DeclaredVal]>> {
        let n = r.count()?;
        (0..n)
            .map(|_| {
                Ok(match r.u8()? {
                    0 => DeclaredVal::Plain(read_val_type(r)?),
                    1 => {
                        let nullable = r.u8()? != 0;
                        DeclaredVal::Concrete {
                            nullable,
                            to: type_ref(r, group_start)?,
                        }
                    }
                    _ => return Err(truncated()),
                })
            })
            .collect()
    }
    let groups = r.count()?;
    for _ in 0..groups {
        let start = info.type_ids.len();
        let n = r.count()?;
        let mut decls = Vec::new();
        for _ in 0..n {
            let is_final = r.u8()? != 0;
            let supertype = match r.u8()? {
                0 => None,
                _ => Some(type_ref(r, start)?),
            };
            decls.push(DeclaredType {
                is_final,
                supertype,
                params: vals(r, start)?,
                results: vals(r, start)?,
            });
        }
        info.add_rec_group(decls).map_err(|_| truncated())?;
        r.type_ids.extend_from_slice(&info.type_ids[start..]);
    }
    Ok(())
}

fn limits(w: &mut Writer, l: &Limits) {
    w.u32(l.min);
    match l.max {
        Some(m) => {
            w.u8(1);
            w.u32(m);
        }
        None => w.u8(0),
    }
}

fn read_limits(r: &mut Reader<'_>) -> Result<Limits> {
    let min = r.u32()?;
    let max = match r.u8()? {
        0 => None,
        _ => Some(r.u32()?),
    };
    Ok(Limits { min, max })
}

fn table_type(w: &mut Writer, t: &TableType) {
    val_type(w, t.element);
    limits(w, &t.limits);
    w.u8(u8::from(t.table64));
}

fn read_table_type(r: &mut Reader<'_>) -> Result<TableType> {
    Ok(TableType {
        element: read_val_type(r)?,
        limits: read_limits(r)?,
        table64: r.u8()? != 0,
    })
}

fn memory_type(w: &mut Writer, m: &MemoryType) {
    limits(w, &m.limits);
    w.u8(u8::from(m.memory64));
}

fn read_memory_type(r: &mut Reader<'_>) -> Result<MemoryType> {
    Ok(MemoryType {
        limits: read_limits(r)?,
        memory64: r.u8()? != 0,
    })
}

fn global_type(w: &mut Writer, g: &GlobalType) {
    val_type(w, g.content);
    w.u8(u8::from(g.mutable));
}

fn read_global_type(r: &mut Reader<'_>) -> Result<GlobalType> {
    Ok(GlobalType {
        content: read_val_type(r)?,
        mutable: r.u8()? != 0,
    })
}

fn const_expr(w: &mut Writer, e: &ConstExpr) {
    match *e {
        ConstExpr::I32(v) => {
            w.u8(0);
            w.u32(v as u32);
        }
        ConstExpr::I64(v) => {
            w.u8(1);
            w.u64(v as u64);
        }
        ConstExpr::F32(v) => {
            w.u8(2);
            w.u32(v);
        }
        ConstExpr::F64(v) => {
            w.u8(3);
            w.u64(v);
        }
        ConstExpr::GlobalGet(i) => {
            w.u8(4);
            w.u32(i);
        }
        ConstExpr::RefNull(t) => {
            w.u8(5);
            val_type(w, t);
        }
        ConstExpr::RefFunc(i) => {
            w.u8(6);
            w.u32(i);
        }
        ConstExpr::V128(v) => {
            w.u8(7);
            w.u64(v as u64);
            w.u64((v >> 64) as u64);
        }
        ConstExpr::Extended(ref ops) => {
            w.u8(8);
            w.u64(ops.len() as u64);
            for op in ops.iter() {
                match *op {
                    ConstOp::I32(v) => {
                        w.u8(0);
                        w.u32(v as u32);
                    }
                    ConstOp::I64(v) => {
                        w.u8(1);
                        w.u64(v as u64);
                    }
                    ConstOp::GlobalGet(g) => {
                        w.u8(2);
                        w.u32(g);
                    }
                    ConstOp::I32Add => w.u8(3),
                    ConstOp::I32Sub => w.u8(4),
                    ConstOp::I32Mul => w.u8(5),
                    ConstOp::I64Add => w.u8(6),
                    ConstOp::I64Sub => w.u8(7),
                    ConstOp::I64Mul => w.u8(8),
                }
            }
        }
    }
}

fn read_const_op(r: &mut Reader<'_>) -> Result<ConstOp> {
    Ok(match r.u8()? {
        0 => ConstOp::I32(r.u32()? as i32),
        1 => ConstOp::I64(r.u64()? as i64),
        2 => ConstOp::GlobalGet(r.u32()?),
        3 => ConstOp::I32Add,
        4 => ConstOp::I32Sub,
        5 => ConstOp::I32Mul,
        6 => ConstOp::I64Add,
        7 => ConstOp::I64Sub,
        8 => ConstOp::I64Mul,
        _ => return Err(truncated()),
    })
}

fn read_const_expr(r: &mut Reader<'_>) -> Result<ConstExpr> {
    Ok(match r.u8()? {
        0 => ConstExpr::I32(r.u32()? as i32),
        1 => ConstExpr::I64(r.u64()? as i64),
        2 => ConstExpr::F32(r.u32()?),
        3 => ConstExpr::F64(r.u64()?),
        7 => ConstExpr::V128(u128::from(r.u64()?) | u128::from(r.u64()?) << 64),
        4 => ConstExpr::GlobalGet(r.u32()?),
        5 => ConstExpr::RefNull(read_val_type(r)?),
        6 => ConstExpr::RefFunc(r.u32()?),
        8 => {
            let ops: Box<[ConstOp]> = read_vec(r, read_const_op)?.into();
            if !crate::frontend::well_formed(&ops) {
                return Err(truncated());
            }
            ConstExpr::Extended(ops)
        }
        _ => return Err(truncated()),
    })
}

fn read_vec<T>(
    r: &mut Reader<'_>,
    mut item: impl FnMut(&mut Reader<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(item(r)?);
    }
    Ok(out)
}

pub(super) fn info(w: &mut Writer, info: &ModuleInfo) {
    rec_groups(w, info);
    w.u32s(&info.funcs);
    w.u32(info.num_imported_funcs);
    w.u64(info.tables.len() as u64);
    for t in &info.tables {
        table_type(w, t);
    }
    w.u32(info.num_imported_tables);
    w.u64(info.memories.len() as u64);
    for m in &info.memories {
        memory_type(w, m);
    }
    w.u32(info.num_imported_memories);
    w.u64(info.globals.len() as u64);
    for g in &info.globals {
        global_type(w, g);
    }
    w.u32(info.num_imported_globals);
    w.u64(info.global_inits.len() as u64);
    for e in &info.global_inits {
        const_expr(w, e);
    }
    w.u64(info.table_inits.len() as u64);
    for e in &info.table_inits {
        match e {
            Some(e) => {
                w.u8(1);
                const_expr(w, e);
            }
            None => w.u8(0),
        }
    }
    w.u64(info.imports.len() as u64);
    for imp in &info.imports {
        w.str(&imp.module);
        w.str(&imp.name);
        match &imp.kind {
            ImportKind::Func(t) => {
                w.u8(0);
                w.u32(*t);
            }
            ImportKind::Table(t) => {
                w.u8(1);
                table_type(w, t);
            }
            ImportKind::Memory(m) => {
                w.u8(2);
                memory_type(w, m);
            }
            ImportKind::Global(g) => {
                w.u8(3);
                global_type(w, g);
            }
            ImportKind::Tag(t) => {
                w.u8(4);
                w.u32(*t);
            }
        }
    }
    w.u64(info.exports.len() as u64);
    for e in &info.exports {
        w.str(&e.name);
        let (kind, index) = match e.index {
            EntityIndex::Func(i) => (0, i),
            EntityIndex::Table(i) => (1, i),
            EntityIndex::Memory(i) => (2, i),
            EntityIndex::Global(i) => (3, i),
            EntityIndex::Tag(i) => (4, i),
        };
        w.u8(kind);
        w.u32(index);
    }
    match info.start {
        Some(s) => {
            w.u8(1);
            w.u32(s);
        }
        None => w.u8(0),
    }
    w.u64(info.elems.len() as u64);
    for e in &info.elems {
        match &e.mode {
            ElemMode::Active { table, offset } => {
                w.u8(0);
                w.u32(*table);
                const_expr(w, offset);
            }
            ElemMode::Passive => w.u8(1),
            ElemMode::Declared => w.u8(2),
        }
        w.u64(e.items.len() as u64);
        for item in &e.items {
            const_expr(w, item);
        }
    }
    w.u64(info.datas.len() as u64);
    for d in &info.datas {
        match &d.mode {
            DataMode::Active { memory, offset } => {
                w.u8(0);
                w.u32(*memory);
                const_expr(w, offset);
            }
            DataMode::Passive => w.u8(1),
        }
        w.bytes(&d.bytes);
    }
    names(w, &info.func_names);
    w.u32s(&info.body_offsets);
    w.u32s(&info.tags);
    w.u32(info.num_imported_tags);
}

pub(super) fn read_info(r: &mut Reader<'_>) -> Result<ModuleInfo> {
    let mut declared = ModuleInfo::default();
    read_rec_groups(r, &mut declared)?;
    let ModuleInfo {
        types,
        type_ids,
        rec_groups,
        ..
    } = declared;
    let funcs = r.u32s()?;
    let num_imported_funcs = r.u32()?;
    let tables = read_vec(r, read_table_type)?;
    let num_imported_tables = r.u32()?;
    let memories = read_vec(r, read_memory_type)?;
    let num_imported_memories = r.u32()?;
    let globals = read_vec(r, read_global_type)?;
    let num_imported_globals = r.u32()?;
    let global_inits = read_vec(r, read_const_expr)?;
    let table_inits = read_vec(r, |r| {
        Ok(match r.u8()? {
            0 => None,
            _ => Some(read_const_expr(r)?),
        })
    })?;
    let imports = read_vec(r, |r| {
        let module = r.str()?;
        let name = r.str()?;
        let kind = match r.u8()? {
            0 => ImportKind::Func(r.u32()?),
            1 => ImportKind::Table(read_table_type(r)?),
            2 => ImportKind::Memory(read_memory_type(r)?),
            3 => ImportKind::Global(read_global_type(r)?),
            4 => ImportKind::Tag(r.u32()?),
            _ => return Err(truncated()),
        };
        Ok(Import { module, name, kind })
    })?;
    let exports = read_vec(r, |r| {
        let name = r.str()?;
        let kind = r.u8()?;
        let i = r.u32()?;
        let index = match kind {
            0 => EntityIndex::Func(i),
            1 => EntityIndex::Table(i),
            2 => EntityIndex::Memory(i),
            3 => EntityIndex::Global(i),
            4 => EntityIndex::Tag(i),
            _ => return Err(truncated()),
        };
        Ok(Export { name, index })
    })?;
    let start = match r.u8()? {
        0 => None,
        _ => Some(r.u32()?),
    };
    let elems = read_vec(r, |r| {
        let mode = match r.u8()? {
            0 => ElemMode::Active {
                table: r.u32()?,
                offset: read_const_expr(r)?,
            },
            1 => ElemMode::Passive,
            2 => ElemMode::Declared,
            _ => return Err(truncated()),
        };
        let items = read_vec(r, read_const_expr)?;
        Ok(ElemSegment { mode, items })
    })?;
    let datas = read_vec(r, |r| {
        let mode = match r.u8()? {
            0 => DataMode::Active {
                memory: r.u32()?,
                offset: read_const_expr(r)?,
            },
            1 => DataMode::Passive,
            _ => return Err(truncated()),
        };
        Ok(DataSegment {
            mode,
            bytes: r.bytes()?.to_vec(),
        })
    })?;
    let func_names = read_names(r)?;
    let body_offsets = r.u32s()?;
    let tags = r.u32s()?;
    let num_imported_tags = r.u32()?;
    if tags.iter().any(|&t| t as usize >= types.len()) || num_imported_tags as usize > tags.len() {
        return Err(truncated());
    }
    Ok(ModuleInfo {
        tags,
        num_imported_tags,
        types,
        type_ids,
        rec_groups,
        funcs,
        num_imported_funcs,
        tables,
        num_imported_tables,
        memories,
        num_imported_memories,
        globals,
        num_imported_globals,
        global_inits,
        table_inits,
        imports,
        exports,
        start,
        elems,
        datas,
        func_names,
        body_offsets,
    })
}
