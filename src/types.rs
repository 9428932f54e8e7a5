//! Value and entity types shared by the front end, the compiler, the runtime and the API.

use std::fmt;

/// A WebAssembly value type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValType {
    /// 32-bit integer.
    I32,
    /// 64-bit integer.
    I64,
    /// 32-bit IEEE 754 float.
    F32,
    /// 64-bit IEEE 754 float.
    F64,
    /// 128-bit vector (SIMD).
    V128,
    /// Nullable reference to a function.
    FuncRef,
    /// Nullable reference to a host value.
    ExternRef,
    /// Nullable reference to a caught exception (exception handling).
    ExnRef,
}

impl ValType {
    /// Whether values of this type live in floating-point (xmm) registers.
    pub fn is_float(self) -> bool {
        matches!(self, ValType::F32 | ValType::F64)
    }

    /// How many 8-byte units a value of this type takes in a frame slot or an argument
    /// area (`compiler::stack`, "DESIGN: slots sized by type").
    pub(crate) fn slot_units(self) -> u32 {
        match self {
            ValType::V128 => 2,
            _ => 1,
        }
    }

    /// Whether values of this type live in xmm registers (floats and vectors).
    pub(crate) fn in_xmm(self) -> bool {
        matches!(self, ValType::F32 | ValType::F64 | ValType::V128)
    }

    /// Whether this is a reference type.
    pub fn is_ref(self) -> bool {
        matches!(
            self,
            ValType::FuncRef | ValType::ExternRef | ValType::ExnRef
        )
    }

    /// The type of a value `what` names (a local, a parameter...), or why it is refused.
    pub(crate) fn supported(ty: wasmparser::ValType, what: &str) -> crate::error::Result<ValType> {
        ValType::from_wasmparser(ty).ok_or_else(|| {
            crate::error::Error::Unsupported(match ty {
                wasmparser::ValType::V128 => {
                    format!("{what} of type v128: SIMD values are not implemented yet")
                }
                _ => format!("{what} of type {ty}, outside WebAssembly 2.0"),
            })
        })
    }

    /// The reference type of `ref.null`'s heap type (exception references, external
    /// references, else function references).
    pub(crate) fn of_heap_type(hty: wasmparser::HeapType) -> ValType {
        use wasmparser::{AbstractHeapType as A, HeapType as H};
        match hty {
            H::Abstract { ty: A::Extern, .. } => ValType::ExternRef,
            H::Abstract { ty: A::Exn, .. } => ValType::ExnRef,
            _ => ValType::FuncRef,
        }
    }

    pub(crate) fn from_wasmparser(ty: wasmparser::ValType) -> Option<ValType> {
        use wasmparser::ValType as W;
        Some(match ty {
            W::I32 => ValType::I32,
            W::I64 => ValType::I64,
            W::F32 => ValType::F32,
            W::F64 => ValType::F64,
            W::V128 => ValType::V128,
            W::Ref(r) if r.is_func_ref() => ValType::FuncRef,
            W::Ref(r) if r.is_extern_ref() => ValType::ExternRef,
            W::Ref(r)
                if r.heap_type()
                    == wasmparser::HeapType::Abstract {
                        shared: false,
                        ty: wasmparser::AbstractHeapType::Exn,
                    } =>
            {
                ValType::ExnRef
            }
            _ => return None,
        })
    }
}

impl fmt::Display for ValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
            ValType::V128 => "v128",
            ValType::FuncRef => "funcref",
            ValType::ExternRef => "externref",
            ValType::ExnRef => "exnref",
        })
    }
}

/// The type of a function: parameter and result types.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncType {
    params: Box<[ValType]>,
    results: Box<[ValType]>,
}

impl FuncType {
    /// Creates a function type from its parameters and results.
    pub fn new(
        params: impl IntoIterator<Item = ValType>,
        results: impl IntoIterator<Item = ValType>,
    ) -> FuncType {
        FuncType {
            params: params.into_iter().collect(),
            results: results.into_iter().collect(),
        }
    }

    /// Parameter types.
    pub fn params(&self) -> &[ValType] {
        &self.params
    }

    /// Result types.
    pub fn results(&self) -> &[ValType] {
        &self.results
    }
}

impl fmt::Display for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |tys: &[ValType]| {
            tys.iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        write!(
            f,
            "(func (param {}) (result {}))",
            join(&self.params),
            join(&self.results)
        )
    }
}

/// Size limits of a memory or table, in pages or elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Initial size.
    pub min: u32,
    /// Optional maximum size.
    pub max: Option<u32>,
}

impl Limits {
    /// Whether limits `self` (of an actual entity) satisfy the declared import limits `wanted`.
    pub fn matches(&self, wanted: &Limits) -> bool {
        self.min >= wanted.min
            && match (wanted.max, self.max) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(w), Some(s)) => s <= w,
            }
    }
}

/// The type of a linear memory (sizes in 64 KiB pages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoryType {
    /// Page limits.
    pub limits: Limits,
}

impl MemoryType {
    /// A memory type with `min` initial pages and an optional maximum.
    pub fn new(min: u32, max: Option<u32>) -> MemoryType {
        MemoryType {
            limits: Limits { min, max },
        }
    }
}

/// The type of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableType {
    /// Element type (a reference type).
    pub element: ValType,
    /// Element-count limits.
    pub limits: Limits,
}

impl TableType {
    /// A table type of `element` references with `min` initial elements and optional maximum.
    pub fn new(element: ValType, min: u32, max: Option<u32>) -> TableType {
        TableType {
            element,
            limits: Limits { min, max },
        }
    }
}

/// The type of a global variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlobalType {
    /// The value type.
    pub content: ValType,
    /// Whether `global.set` is allowed.
    pub mutable: bool,
}

impl GlobalType {
    /// A global type.
    pub fn new(content: ValType, mutable: bool) -> GlobalType {
        GlobalType { content, mutable }
    }
}

/// The type of an importable or exportable entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternType {
    /// A function.
    Func(FuncType),
    /// A table.
    Table(TableType),
    /// A linear memory.
    Memory(MemoryType),
    /// A global.
    Global(GlobalType),
    /// An exception tag (its parameters are the payload).
    Tag(FuncType),
}

impl ExternType {
    /// A short description of the kind of entity ("function", "memory", ...).
    pub fn kind_name(&self) -> &'static str {
        match self {
            ExternType::Func(_) => "function",
            ExternType::Table(_) => "table",
            ExternType::Memory(_) => "memory",
            ExternType::Global(_) => "global",
            ExternType::Tag(_) => "tag",
        }
    }
}
