//! The module description the compiler and the runtime share: types, imports, entity
//! declarations, segments, exports and names.

use crate::types::{FuncType, GlobalType, MemoryType, TableType, ValType};
use std::collections::HashMap;

/// A constant initializer expression (global initializers, segment offsets, element items).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum ConstExpr {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
    V128(u128),
    GlobalGet(u32),
    RefNull(ValType),
    RefFunc(u32),
}

/// What an import provides.
#[derive(Clone, Debug)]
pub(crate) enum ImportKind {
    /// A function of the given module type index.
    Func(u32),
    Table(TableType),
    Memory(MemoryType),
    Global(GlobalType),
}

#[derive(Clone, Debug)]
pub(crate) struct Import {
    pub module: String,
    pub name: String,
    pub kind: ImportKind,
}

/// Kind and index of an exported entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EntityIndex {
    Func(u32),
    Table(u32),
    Memory(u32),
    Global(u32),
}

#[derive(Clone, Debug)]
pub(crate) struct Export {
    pub name: String,
    pub index: EntityIndex,
}

#[derive(Clone, Debug)]
pub(crate) enum ElemMode {
    Active { table: u32, offset: ConstExpr },
    Passive,
    Declared,
}

#[derive(Clone, Debug)]
pub(crate) struct ElemSegment {
    pub mode: ElemMode,
    pub items: Vec<ConstExpr>,
}

#[derive(Clone, Debug)]
pub(crate) enum DataMode {
    Active { memory: u32, offset: ConstExpr },
    Passive,
}

#[derive(Clone, Debug)]
pub(crate) struct DataSegment {
    pub mode: DataMode,
    pub bytes: Vec<u8>,
}

/// Everything about a module except its code.
#[derive(Clone, Debug, Default)]
pub(crate) struct ModuleInfo {
    /// The type section (function types only).
    pub types: Vec<FuncType>,
    /// Type index of every function, imported ones first.
    pub funcs: Vec<u32>,
    pub num_imported_funcs: u32,
    pub tables: Vec<TableType>,
    pub num_imported_tables: u32,
    pub memories: Vec<MemoryType>,
    pub num_imported_memories: u32,
    pub globals: Vec<GlobalType>,
    pub num_imported_globals: u32,
    /// Initializers of the defined (non-imported) globals.
    pub global_inits: Vec<ConstExpr>,
    /// Initializers of the defined tables (None: all null).
    pub table_inits: Vec<Option<ConstExpr>>,
    pub imports: Vec<Import>,
    pub exports: Vec<Export>,
    pub start: Option<u32>,
    pub elems: Vec<ElemSegment>,
    pub datas: Vec<DataSegment>,
    /// Function names from the name section.
    pub func_names: HashMap<u32, String>,
    /// Module byte offset of each defined function's body.
    pub body_offsets: Vec<u32>,
}

impl ModuleInfo {
    /// The type of function `index` (in the function index space).
    pub fn func_type(&self, index: u32) -> &FuncType {
        &self.types[self.funcs[index as usize] as usize]
    }

    /// Whether function `index` is imported.
    pub fn is_imported_func(&self, index: u32) -> bool {
        index < self.num_imported_funcs
    }

    /// The name of function `index`, if the name section gives one.
    pub fn func_name(&self, index: u32) -> Option<&str> {
        self.func_names.get(&index).map(|s| s.as_str())
    }
}
