//! Drives `wasmparser`'s `Validator` over the module's sections and fills a [`ModuleInfo`].

use super::info::*;
use crate::error::{Error, Result};
use crate::types::registry::{DeclaredType, DeclaredVal, TypeRef as DeclaredRef};
use crate::types::{GlobalType, HeapType, Limits, MemoryType, RefType, TableType, TypeId, ValType};
use wasmparser::{
    ExternalKind, FuncToValidate, FunctionBody, KnownCustom, Name, Operator, Parser, Payload,
    TypeRef, ValidPayload, Validator, ValidatorResources, WasmFeatures,
};

/// A function body whose validation is deferred to the compiler's single pass.
pub(crate) struct PendingBody<'a> {
    pub body: FunctionBody<'a>,
    pub validator: FuncToValidate<ValidatorResources>,
}

fn invalid(e: wasmparser::BinaryReaderError) -> Error {
    Error::Invalid(e.to_string())
}

/// Why a module using a GC heap type or instruction is refused.
pub(crate) const NEEDS_GC_HEAP: &str =
    "needs a GC heap (struct, array, i31 and the any/eq hierarchy: the GC issue, not done yet)";

/// Converts the validator's types to Kestrel's for one module: concrete heap types name
/// module type indices, resolved through the canonical identities of the module's types.
pub(crate) struct TypeContext<'a> {
    /// The identities of the module types declared so far.
    pub type_ids: &'a [TypeId],
}

impl TypeContext<'_> {
    /// The heap type `hty` names, or why it is refused.
    pub fn heap_type(&self, hty: wasmparser::HeapType) -> Result<HeapType> {
        use wasmparser::{AbstractHeapType as A, HeapType as H};
        Ok(match hty {
            H::Abstract { shared: true, .. } => {
                return Err(Error::Unsupported(
                    "shared references (shared-everything threads)".into(),
                ))
            }
            H::Abstract { ty, .. } => match ty {
                A::Func => HeapType::Func,
                A::Extern => HeapType::Extern,
                A::Exn => HeapType::Exn,
                A::NoFunc => HeapType::NoFunc,
                A::NoExtern => HeapType::NoExtern,
                A::NoExn => HeapType::NoExn,
                A::Cont | A::NoCont => {
                    return Err(Error::Unsupported(
                        "continuation references (stack switching)".into(),
                    ))
                }
                A::Any | A::Eq | A::I31 | A::Struct | A::Array | A::None => {
                    return Err(Error::Unsupported(format!(
                        "heap type {ty:?} {NEEDS_GC_HEAP}"
                    )))
                }
            },
            H::Concrete(i) => HeapType::Concrete(self.concrete(i)?),
            H::Exact(_) => {
                return Err(Error::Unsupported(
                    "exact reference types (custom descriptors)".into(),
                ))
            }
        })
    }

    fn concrete(&self, i: wasmparser::UnpackedIndex) -> Result<TypeId> {
        let index = i
            .as_module_index()
            .ok_or_else(|| Error::Invalid("a type index outside the module".into()))?;
        self.type_ids
            .get(index as usize)
            .copied()
            .ok_or_else(|| Error::Invalid(format!("unknown type {index}")))
    }

    /// The value type `ty` names, or why it is refused.
    pub fn val_type(&self, ty: wasmparser::ValType) -> Result<ValType> {
        use wasmparser::ValType as W;
        Ok(match ty {
            W::I32 => ValType::I32,
            W::I64 => ValType::I64,
            W::F32 => ValType::F32,
            W::F64 => ValType::F64,
            W::V128 => ValType::V128,
            W::Ref(r) => ValType::Ref(self.ref_type(r)?),
        })
    }

    /// The reference type `r` names, or why it is refused.
    pub fn ref_type(&self, r: wasmparser::RefType) -> Result<RefType> {
        Ok(RefType::new(
            r.is_nullable(),
            self.heap_type(r.heap_type())?,
        ))
    }

    fn table_type(&self, ty: wasmparser::TableType) -> Result<TableType> {
        if ty.shared {
            return Err(Error::Unsupported("shared tables are not supported".into()));
        }
        Ok(TableType {
            element: ValType::Ref(self.ref_type(ty.element_type)?),
            limits: limits(ty.initial, ty.maximum),
            table64: ty.table64,
        })
    }

    fn global_type(&self, ty: wasmparser::GlobalType) -> Result<GlobalType> {
        if ty.shared {
            return Err(Error::Unsupported("shared globals".into()));
        }
        Ok(GlobalType {
            content: self.val_type(ty.content_type)?,
            mutable: ty.mutable,
        })
    }

    /// A value type of a declaration in the recursion group of module types
    /// `group_start ..`: references into the group by position.
    fn declared_val(&self, ty: wasmparser::ValType, group_start: u32) -> Result<DeclaredVal> {
        if let wasmparser::ValType::Ref(r) = ty {
            if let wasmparser::HeapType::Concrete(i) = r.heap_type() {
                let index = i
                    .as_module_index()
                    .ok_or_else(|| Error::Invalid("a type index outside the module".into()))?;
                return Ok(DeclaredVal::Concrete {
                    nullable: r.is_nullable(),
                    to: self.declared_ref(index, group_start)?,
                });
            }
        }
        Ok(DeclaredVal::Plain(self.val_type(ty)?))
    }

    /// Module type `index` as a declaration in the group starting at `group_start`
    /// refers to it.
    fn declared_ref(&self, index: u32, group_start: u32) -> Result<DeclaredRef> {
        if index >= group_start {
            Ok(DeclaredRef::InGroup(index - group_start))
        } else {
            Ok(DeclaredRef::Canonical(
                self.concrete(wasmparser::UnpackedIndex::Module(index))?,
            ))
        }
    }

    /// The declarations of a recursion group of the type section whose first type is
    /// module type `group_start`.
    fn declared_group(
        &self,
        group: wasmparser::RecGroup,
        group_start: u32,
    ) -> Result<Vec<DeclaredType>> {
        let mut decls = Vec::new();
        for sub in group.into_types() {
            if sub.composite_type.shared {
                return Err(Error::Unsupported("shared types".into()));
            }
            let wasmparser::CompositeInnerType::Func(f) = &sub.composite_type.inner else {
                return Err(Error::Unsupported(format!(
                    "struct and array types {NEEDS_GC_HEAP}"
                )));
            };
            let supertype =
                match sub.supertype_idxs.first() {
                    Some(i) => Some(self.declared_ref(
                        i.as_module_index().ok_or_else(|| {
                            Error::Invalid("a type index outside the module".into())
                        })?,
                        group_start,
                    )?),
                    None => None,
                };
            let vals = |tys: &[wasmparser::ValType]| {
                tys.iter()
                    .map(|t| self.declared_val(*t, group_start))
                    .collect::<Result<Box<[_]>>>()
            };
            decls.push(DeclaredType {
                is_final: sub.is_final,
                supertype,
                params: vals(f.params())?,
                results: vals(f.results())?,
            });
        }
        Ok(decls)
    }
}

fn limits(initial: u64, maximum: Option<u64>) -> Limits {
    Limits {
        min: initial.min(u32::MAX as u64) as u32,
        max: maximum.map(|m| m.min(u32::MAX as u64) as u32),
    }
}

fn memory_type(ty: wasmparser::MemoryType) -> Result<MemoryType> {
    if ty.shared {
        return Err(Error::Unsupported(
            "shared memories are not supported".into(),
        ));
    }
    if ty.page_size_log2.is_some() {
        return Err(Error::Unsupported(
            "custom page sizes are not supported".into(),
        ));
    }
    Ok(MemoryType {
        limits: limits(ty.initial, ty.maximum),
        memory64: ty.memory64,
    })
}

/// Reads a constant expression. The validator has already checked it is constant.
fn const_expr(expr: &wasmparser::ConstExpr<'_>, types: &TypeContext<'_>) -> Result<ConstExpr> {
    let mut reader = expr.get_operators_reader();
    let mut ops = Vec::new();
    while !reader.eof() {
        let op = reader.read().map_err(invalid)?;
        let v = match op {
            Operator::I32Const { value } => ConstExpr::I32(value),
            Operator::I64Const { value } => ConstExpr::I64(value),
            Operator::F32Const { value } => ConstExpr::F32(value.bits()),
            Operator::F64Const { value } => ConstExpr::F64(value.bits()),
            Operator::V128Const { value } => ConstExpr::V128(value.i128() as u128),
            Operator::GlobalGet { global_index } => ConstExpr::GlobalGet(global_index),
            Operator::RefNull { hty } => {
                ConstExpr::RefNull(ValType::Ref(RefType::new(true, types.heap_type(hty)?)))
            }
            Operator::RefFunc { function_index } => ConstExpr::RefFunc(function_index),
            Operator::I32Add => ConstExpr::Extended(Box::new([ConstOp::I32Add])),
            Operator::I32Sub => ConstExpr::Extended(Box::new([ConstOp::I32Sub])),
            Operator::I32Mul => ConstExpr::Extended(Box::new([ConstOp::I32Mul])),
            Operator::I64Add => ConstExpr::Extended(Box::new([ConstOp::I64Add])),
            Operator::I64Sub => ConstExpr::Extended(Box::new([ConstOp::I64Sub])),
            Operator::I64Mul => ConstExpr::Extended(Box::new([ConstOp::I64Mul])),
            Operator::End => continue,
            other => {
                // With the features Kestrel validates, only GC's are left.
                return Err(Error::Unsupported(format!(
                    "constant expression operator {other:?} {NEEDS_GC_HEAP}"
                )));
            }
        };
        ops.push(v);
    }
    match ops.len() {
        0 => Err(Error::Invalid("empty constant expression".into())),
        1 => match ops.pop().expect("one operator") {
            ConstExpr::Extended(_) => Err(Error::Invalid("ill-formed constant expression".into())),
            one => Ok(one),
        },
        // Several operators (validated by wasmparser): the integer ones of
        // extended-const, kept in postfix order.
        _ => {
            let postfix = ops
                .into_iter()
                .map(|e| match e {
                    ConstExpr::I32(v) => Ok(ConstOp::I32(v)),
                    ConstExpr::I64(v) => Ok(ConstOp::I64(v)),
                    ConstExpr::GlobalGet(g) => Ok(ConstOp::GlobalGet(g)),
                    ConstExpr::Extended(op) if op.len() == 1 => Ok(op[0]),
                    other => Err(Error::Unsupported(format!(
                        "{other:?} in an extended constant expression"
                    ))),
                })
                .collect::<Result<Box<[ConstOp]>>>()?;
            if !crate::frontend::info::well_formed(&postfix) {
                return Err(Error::Invalid("ill-formed constant expression".into()));
            }
            Ok(ConstExpr::Extended(postfix))
        }
    }
}

/// Validates everything but function bodies and describes the module.
pub(crate) fn parse_module(
    bytes: &[u8],
    features: WasmFeatures,
) -> Result<(ModuleInfo, Vec<PendingBody<'_>>)> {
    let mut validator = Validator::new_with_features(features);
    let mut info = ModuleInfo::default();
    let mut bodies = Vec::new();

    let mut parser = Parser::new(0);
    parser.set_features(features);
    for payload in parser.parse_all(bytes) {
        let payload = payload.map_err(invalid)?;
        match validator.payload(&payload).map_err(invalid)? {
            ValidPayload::Func(to_validate, body) => {
                info.body_offsets.push(body.range().start as u32);
                bodies.push(PendingBody {
                    body,
                    validator: to_validate,
                });
                continue;
            }
            ValidPayload::Ok | ValidPayload::End(_) => {}
            ValidPayload::Parser(_) => {
                return Err(Error::Unsupported("nested modules".into()));
            }
        }
        let types = TypeContext {
            type_ids: &info.type_ids,
        };
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader {
                    let start = info.types.len() as u32;
                    let decls = TypeContext {
                        type_ids: &info.type_ids,
                    }
                    .declared_group(group.map_err(invalid)?, start)?;
                    info.add_rec_group(decls)?;
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(invalid)?;
                    let kind = match import.ty {
                        TypeRef::Func(t) => {
                            info.funcs.push(t);
                            info.num_imported_funcs += 1;
                            ImportKind::Func(t)
                        }
                        TypeRef::Table(t) => {
                            let t = types.table_type(t)?;
                            info.tables.push(t);
                            info.num_imported_tables += 1;
                            ImportKind::Table(t)
                        }
                        TypeRef::Memory(m) => {
                            let m = memory_type(m)?;
                            info.memories.push(m);
                            info.num_imported_memories += 1;
                            ImportKind::Memory(m)
                        }
                        TypeRef::Global(g) => {
                            let g = types.global_type(g)?;
                            info.globals.push(g);
                            info.num_imported_globals += 1;
                            ImportKind::Global(g)
                        }
                        TypeRef::Tag(t) => {
                            info.tags.push(t.func_type_idx);
                            info.num_imported_tags += 1;
                            ImportKind::Tag(t.func_type_idx)
                        }
                        _ => return Err(Error::Unsupported("exact function imports".into())),
                    };
                    info.imports.push(Import {
                        module: import.module.to_string(),
                        name: import.name.to_string(),
                        kind,
                    });
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    info.funcs.push(ty.map_err(invalid)?);
                }
            }
            Payload::TableSection(reader) => {
                for table in reader {
                    let table = table.map_err(invalid)?;
                    info.tables.push(types.table_type(table.ty)?);
                    info.table_inits.push(match &table.init {
                        wasmparser::TableInit::RefNull => None,
                        wasmparser::TableInit::Expr(e) => Some(const_expr(e, &types)?),
                    });
                }
            }
            Payload::MemorySection(reader) => {
                for memory in reader {
                    info.memories.push(memory_type(memory.map_err(invalid)?)?);
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    let global = global.map_err(invalid)?;
                    info.globals.push(types.global_type(global.ty)?);
                    info.global_inits
                        .push(const_expr(&global.init_expr, &types)?);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(invalid)?;
                    let index = match export.kind {
                        ExternalKind::Func | ExternalKind::FuncExact => {
                            EntityIndex::Func(export.index)
                        }
                        ExternalKind::Table => EntityIndex::Table(export.index),
                        ExternalKind::Memory => EntityIndex::Memory(export.index),
                        ExternalKind::Global => EntityIndex::Global(export.index),
                        ExternalKind::Tag => EntityIndex::Tag(export.index),
                    };
                    info.exports.push(Export {
                        name: export.name.to_string(),
                        index,
                    });
                }
            }
            Payload::TagSection(reader) => {
                for tag in reader {
                    info.tags.push(tag.map_err(invalid)?.func_type_idx);
                }
            }
            Payload::StartSection { func, .. } => info.start = Some(func),
            Payload::ElementSection(reader) => {
                for elem in reader {
                    let elem = elem.map_err(invalid)?;
                    let mode = match &elem.kind {
                        wasmparser::ElementKind::Passive => ElemMode::Passive,
                        wasmparser::ElementKind::Declared => ElemMode::Declared,
                        wasmparser::ElementKind::Active {
                            table_index,
                            offset_expr,
                        } => ElemMode::Active {
                            table: table_index.unwrap_or(0),
                            offset: const_expr(offset_expr, &types)?,
                        },
                    };
                    let mut items = Vec::new();
                    match elem.items {
                        wasmparser::ElementItems::Functions(funcs) => {
                            for f in funcs {
                                items.push(ConstExpr::RefFunc(f.map_err(invalid)?));
                            }
                        }
                        wasmparser::ElementItems::Expressions(_, exprs) => {
                            for e in exprs {
                                items.push(const_expr(&e.map_err(invalid)?, &types)?);
                            }
                        }
                    }
                    info.elems.push(ElemSegment { mode, items });
                }
            }
            Payload::DataSection(reader) => {
                for data in reader {
                    let data = data.map_err(invalid)?;
                    let mode = match &data.kind {
                        wasmparser::DataKind::Passive => DataMode::Passive,
                        wasmparser::DataKind::Active {
                            memory_index,
                            offset_expr,
                        } => DataMode::Active {
                            memory: *memory_index,
                            offset: const_expr(offset_expr, &types)?,
                        },
                    };
                    info.datas.push(DataSegment {
                        mode,
                        bytes: data.data.to_vec(),
                    });
                }
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(names) = reader.as_known() {
                    // A malformed name section is ignored, as the spec requires.
                    for name in names.into_iter().flatten() {
                        if let Name::Function(map) = name {
                            for naming in map.into_iter().flatten() {
                                info.func_names
                                    .insert(naming.index, naming.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok((info, bodies))
}
