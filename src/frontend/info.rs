//! The module description the compiler and the runtime share: types, imports, entity
//! declarations, segments, exports and names.

use crate::types::registry::DeclaredType;
use crate::types::{FuncType, GlobalType, MemoryType, TableType, TypeId, ValType};
use std::collections::HashMap;

/// A constant initializer expression (global initializers, segment offsets, element items).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ConstExpr {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
    V128(u128),
    GlobalGet(u32),
    RefNull(ValType),
    RefFunc(u32),
    /// An extended constant expression (WebAssembly 3.0's `extended-const`): integer
    /// constants, `global.get` and `add`/`sub`/`mul`, in postfix order, well formed (each
    /// operator finds its two operands, one value is left).
    Extended(Box<[ConstOp]>),
}

/// One operator of an extended constant expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConstOp {
    I32(i32),
    I64(i64),
    GlobalGet(u32),
    I32Add,
    I32Sub,
    I32Mul,
    I64Add,
    I64Sub,
    I64Mul,
}

impl ConstOp {
    /// How many values the operator pops.
    pub fn pops(self) -> usize {
        match self {
            ConstOp::I32(_) | ConstOp::I64(_) | ConstOp::GlobalGet(_) => 0,
            _ => 2,
        }
    }
}

/// Whether `ops` is a well-formed postfix expression: no operator lacks operands and
/// exactly one value is left.
pub(crate) fn well_formed(ops: &[ConstOp]) -> bool {
    let mut depth = 0usize;
    for op in ops {
        let Some(rest) = depth.checked_sub(op.pops()) else {
            return false;
        };
        depth = rest + 1;
    }
    depth == 1
}

/// What an import provides.
#[derive(Clone, Debug)]
pub(crate) enum ImportKind {
    /// A function of the given module type index.
    Func(u32),
    Table(TableType),
    Memory(MemoryType),
    Global(GlobalType),
    /// A tag of the given module type index.
    Tag(u32),
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
    Tag(u32),
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
    /// The type section (function types only), each with its concrete heap types
    /// resolved to canonical identities.
    pub types: Vec<FuncType>,
    /// The canonical identity of each type of `types`.
    pub type_ids: Vec<TypeId>,
    /// The type section as declared, one entry per recursion group (what a compiled
    /// module file stores to register the types again when loaded).
    pub rec_groups: Vec<Box<[DeclaredType]>>,
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
    /// Type index of every tag, imported ones first.
    pub tags: Vec<u32>,
    pub num_imported_tags: u32,
    /// Function names from the name section.
    pub func_names: HashMap<u32, String>,
    /// Module byte offset of each defined function's body.
    pub body_offsets: Vec<u32>,
}

impl ModuleInfo {
    /// Registers the next recursion group of the type section and appends its types.
    pub fn add_rec_group(&mut self, decls: Vec<DeclaredType>) -> crate::error::Result<()> {
        let ids = crate::types::registry::register_group(&decls)?;
        for id in &ids {
            self.types.push(id.func_type());
        }
        self.type_ids.extend(ids);
        self.rec_groups.push(decls.into());
        Ok(())
    }

    /// The value type `ty` (as the validator gives it, module type indices and all)
    /// names in this module, or why it is refused.
    pub fn val_type(&self, ty: wasmparser::ValType) -> crate::error::Result<ValType> {
        super::parse::TypeContext {
            type_ids: &self.type_ids,
        }
        .val_type(ty)
    }

    /// The heap type `hty` names in this module, or why it is refused.
    pub fn heap_type(
        &self,
        hty: wasmparser::HeapType,
    ) -> crate::error::Result<crate::types::HeapType> {
        super::parse::TypeContext {
            type_ids: &self.type_ids,
        }
        .heap_type(hty)
    }

    /// The type of `ref.func index`: a non-null reference to the function's type.
    pub fn func_ref_type(&self, index: u32) -> ValType {
        let id = self.type_ids[self.funcs[index as usize] as usize];
        ValType::Ref(crate::types::RefType::new(
            false,
            crate::types::HeapType::Concrete(id),
        ))
    }

    /// The type of function `index` (in the function index space).
    pub fn func_type(&self, index: u32) -> &FuncType {
        &self.types[self.funcs[index as usize] as usize]
    }

    /// The type of tag `index` (its parameters are the payload).
    pub fn tag_type(&self, index: u32) -> &FuncType {
        &self.types[self.tags[index as usize] as usize]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postfix_expressions_must_leave_one_value() {
        use ConstOp::*;
        assert!(well_formed(&[I32(1)]));
        assert!(well_formed(&[I32(1), GlobalGet(0), I32Add]));
        assert!(well_formed(&[I64(1), I64(2), I64(3), I64Mul, I64Sub]));
        assert!(!well_formed(&[]));
        assert!(!well_formed(&[I32Add]));
        assert!(!well_formed(&[I32(1), I32Add]));
        assert!(!well_formed(&[I32(1), I32(2)]));
    }
}
