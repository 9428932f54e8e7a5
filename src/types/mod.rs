//! Value and entity types shared by the front end, the compiler, the runtime and the API.

pub(crate) mod registry;

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
    /// A reference (a pointer-sized word; 0 is null).
    Ref(RefType),
}

/// A reference type: a heap type and whether null is a value of it. Packed into four
/// bytes with a niche, so that a value type takes four (the debugger's site tables hold
/// millions of them, each with its location in 16 bytes).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RefType {
    kind: RefKind,
    /// A concrete heap type's identity (little-endian); zero otherwise.
    id: [u8; 3],
}

/// The heap type's kind and nullability of a packed `RefType` (nullable kinds odd).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
enum RefKind {
    Func,
    FuncNull,
    Extern,
    ExternNull,
    Exn,
    ExnNull,
    NoFunc,
    NoFuncNull,
    NoExtern,
    NoExternNull,
    NoExn,
    NoExnNull,
    Concrete,
    ConcreteNull,
}

/// How many type identities a packed `RefType` can name (the registry's limit).
pub(crate) const MAX_TYPE_IDS: usize = 1 << 24;

impl RefType {
    /// The reference type of `heap`, with or without null.
    pub const fn new(nullable: bool, heap: HeapType) -> RefType {
        use RefKind as K;
        let (kind, id) = match (heap, nullable) {
            (HeapType::Func, false) => (K::Func, 0),
            (HeapType::Func, true) => (K::FuncNull, 0),
            (HeapType::Extern, false) => (K::Extern, 0),
            (HeapType::Extern, true) => (K::ExternNull, 0),
            (HeapType::Exn, false) => (K::Exn, 0),
            (HeapType::Exn, true) => (K::ExnNull, 0),
            (HeapType::NoFunc, false) => (K::NoFunc, 0),
            (HeapType::NoFunc, true) => (K::NoFuncNull, 0),
            (HeapType::NoExtern, false) => (K::NoExtern, 0),
            (HeapType::NoExtern, true) => (K::NoExternNull, 0),
            (HeapType::NoExn, false) => (K::NoExn, 0),
            (HeapType::NoExn, true) => (K::NoExnNull, 0),
            (HeapType::Concrete(id), false) => (K::Concrete, id.0),
            (HeapType::Concrete(id), true) => (K::ConcreteNull, id.0),
        };
        let [a, b, c, _] = id.to_le_bytes();
        RefType {
            kind,
            id: [a, b, c],
        }
    }

    /// Whether the null reference belongs to the type.
    pub const fn nullable(self) -> bool {
        self.kind as u8 & 1 == 1
    }

    /// What the reference points to.
    pub const fn heap(self) -> HeapType {
        use RefKind as K;
        match self.kind {
            K::Func | K::FuncNull => HeapType::Func,
            K::Extern | K::ExternNull => HeapType::Extern,
            K::Exn | K::ExnNull => HeapType::Exn,
            K::NoFunc | K::NoFuncNull => HeapType::NoFunc,
            K::NoExtern | K::NoExternNull => HeapType::NoExtern,
            K::NoExn | K::NoExnNull => HeapType::NoExn,
            K::Concrete | K::ConcreteNull => {
                let [a, b, c] = self.id;
                HeapType::Concrete(TypeId(u32::from_le_bytes([a, b, c, 0])))
            }
        }
    }

    /// The same type with null (`nullable`) or without.
    pub const fn with_nullable(self, nullable: bool) -> RefType {
        RefType::new(nullable, self.heap())
    }
}

impl fmt::Debug for RefType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefType")
            .field("nullable", &self.nullable())
            .field("heap", &self.heap())
            .finish()
    }
}

/// What a reference points to (the heap types that need no GC heap).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HeapType {
    /// Any function.
    Func,
    /// Any host value.
    Extern,
    /// Any caught exception (exception handling).
    Exn,
    /// No function: the bottom of the function types (only null has it).
    NoFunc,
    /// No host value: the bottom of `extern` (only null has it).
    NoExtern,
    /// No exception: the bottom of `exn` (only null has it).
    NoExn,
    /// Functions of one function type, or of its subtypes (typed function references).
    Concrete(TypeId),
}

/// The identity of a function type, the same for equivalent types of any module in this
/// process (WebAssembly 3.0's canonical type equivalence: two types are one when their
/// recursion groups are the same and they sit at the same place in them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub(crate) u32);

impl TypeId {
    /// The function type this identity stands for.
    pub fn func_type(self) -> FuncType {
        crate::types::registry::func_type(self)
    }

    /// Whether a function of type `self` may be used where one of type `other` is
    /// expected (`self` is `other` or a declared subtype of it, transitively).
    pub fn is_subtype_of(self, other: TypeId) -> bool {
        crate::types::registry::is_subtype(self, other)
    }
}

impl fmt::Display for TypeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "type{}", self.0)
    }
}

impl HeapType {
    /// The top of this heap type's hierarchy (`func`, `extern` or `exn`).
    pub fn top(self) -> HeapType {
        match self {
            HeapType::Func | HeapType::NoFunc | HeapType::Concrete(_) => HeapType::Func,
            HeapType::Extern | HeapType::NoExtern => HeapType::Extern,
            HeapType::Exn | HeapType::NoExn => HeapType::Exn,
        }
    }

    /// Whether every reference of heap type `self` is one of `other`.
    pub fn is_subtype_of(self, other: HeapType) -> bool {
        use HeapType as H;
        match (self, other) {
            (a, b) if a == b => true,
            (H::Concrete(a), H::Concrete(b)) => a.is_subtype_of(b),
            (H::Concrete(_), H::Func) => true,
            (H::NoFunc, H::Func | H::Concrete(_)) => true,
            (H::NoExtern, H::Extern) => true,
            (H::NoExn, H::Exn) => true,
            _ => false,
        }
    }
}

impl RefType {
    /// `funcref`: a nullable reference to any function.
    pub const FUNCREF: RefType = RefType::new(true, HeapType::Func);
    /// `externref`: a nullable reference to any host value.
    pub const EXTERNREF: RefType = RefType::new(true, HeapType::Extern);
    /// `exnref`: a nullable reference to any caught exception.
    pub const EXNREF: RefType = RefType::new(true, HeapType::Exn);

    /// Whether every value of `self` is a value of `other`.
    pub fn is_subtype_of(self, other: RefType) -> bool {
        (!self.nullable() || other.nullable()) && self.heap().is_subtype_of(other.heap())
    }
}

impl ValType {
    /// `funcref`.
    pub const FUNCREF: ValType = ValType::Ref(RefType::FUNCREF);
    /// `externref`.
    pub const EXTERNREF: ValType = ValType::Ref(RefType::EXTERNREF);
    /// `exnref`.
    pub const EXNREF: ValType = ValType::Ref(RefType::EXNREF);

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
        matches!(self, ValType::Ref(_))
    }

    /// The reference type, if this is one.
    pub fn as_ref(self) -> Option<RefType> {
        match self {
            ValType::Ref(r) => Some(r),
            _ => None,
        }
    }

    /// Whether every value of `self` is a value of `other` (numeric and vector types
    /// only match themselves).
    pub fn is_subtype_of(self, other: ValType) -> bool {
        match (self, other) {
            (ValType::Ref(a), ValType::Ref(b)) => a.is_subtype_of(b),
            (a, b) => a == b,
        }
    }

    /// Whether the type has a default value (numbers, vectors and nullable references;
    /// a local of another type must be set before it is read).
    pub fn is_defaultable(self) -> bool {
        !matches!(self, ValType::Ref(r) if !r.nullable())
    }
}

impl fmt::Display for HeapType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeapType::Func => f.write_str("func"),
            HeapType::Extern => f.write_str("extern"),
            HeapType::Exn => f.write_str("exn"),
            HeapType::NoFunc => f.write_str("nofunc"),
            HeapType::NoExtern => f.write_str("noextern"),
            HeapType::NoExn => f.write_str("noexn"),
            // The function type, its own concrete references by identity (a type may
            // refer to itself).
            HeapType::Concrete(id) => {
                let ty = id.func_type();
                let shallow = |t: &ValType| match t.as_ref().map(|r| (r, r.heap())) {
                    Some((r, HeapType::Concrete(inner))) => {
                        let null = if r.nullable() { "null " } else { "" };
                        format!("(ref {null}{inner})")
                    }
                    _ => t.to_string(),
                };
                let list = |ts: &[ValType]| ts.iter().map(shallow).collect::<Vec<_>>().join(" ");
                write!(
                    f,
                    "(func (param {}) (result {}))",
                    list(ty.params()),
                    list(ty.results())
                )
            }
        }
    }
}

impl fmt::Display for RefType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.nullable(), self.heap()) {
            (true, HeapType::Func) => f.write_str("funcref"),
            (true, HeapType::Extern) => f.write_str("externref"),
            (true, HeapType::Exn) => f.write_str("exnref"),
            (true, HeapType::NoFunc) => f.write_str("nullfuncref"),
            (true, HeapType::NoExtern) => f.write_str("nullexternref"),
            (true, HeapType::NoExn) => f.write_str("nullexnref"),
            (true, heap) => write!(f, "(ref null {heap})"),
            (false, heap) => write!(f, "(ref {heap})"),
        }
    }
}

impl fmt::Display for ValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValType::I32 => f.write_str("i32"),
            ValType::I64 => f.write_str("i64"),
            ValType::F32 => f.write_str("f32"),
            ValType::F64 => f.write_str("f64"),
            ValType::V128 => f.write_str("v128"),
            ValType::Ref(r) => r.fmt(f),
        }
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
    /// Whether addresses are `i64` (memory64) rather than `i32`.
    pub memory64: bool,
}

impl MemoryType {
    /// A 32-bit memory type with `min` initial pages and an optional maximum.
    pub fn new(min: u32, max: Option<u32>) -> MemoryType {
        MemoryType {
            limits: Limits { min, max },
            memory64: false,
        }
    }

    /// A 64-bit memory type (`i64` addresses) with `min` initial pages and an optional
    /// maximum.
    pub fn new64(min: u32, max: Option<u32>) -> MemoryType {
        MemoryType {
            memory64: true,
            ..MemoryType::new(min, max)
        }
    }

    /// The type of its addresses, sizes and page counts: `i64` or `i32`.
    pub fn index_type(&self) -> ValType {
        if self.memory64 {
            ValType::I64
        } else {
            ValType::I32
        }
    }

    /// Whether a memory of type `self` can be imported as `wanted`.
    pub fn matches(&self, wanted: &MemoryType) -> bool {
        self.memory64 == wanted.memory64 && self.limits.matches(&wanted.limits)
    }
}

/// The type of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableType {
    /// Element type (a reference type).
    pub element: ValType,
    /// Element-count limits.
    pub limits: Limits,
    /// Whether indices are `i64` (a 64-bit table) rather than `i32`.
    pub table64: bool,
}

impl TableType {
    /// A table type of `element` references with `min` initial elements and optional maximum.
    pub fn new(element: ValType, min: u32, max: Option<u32>) -> TableType {
        TableType {
            element,
            limits: Limits { min, max },
            table64: false,
        }
    }

    /// As `new`, with `i64` indices.
    pub fn new64(element: ValType, min: u32, max: Option<u32>) -> TableType {
        TableType {
            table64: true,
            ..TableType::new(element, min, max)
        }
    }

    /// The type of its indices and sizes: `i64` or `i32`.
    pub fn index_type(&self) -> ValType {
        if self.table64 {
            ValType::I64
        } else {
            ValType::I32
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recursive_type_displays_without_recursing() {
        use registry::{DeclaredType, DeclaredVal, TypeRef};
        let group = [DeclaredType {
            is_final: true,
            supertype: None,
            params: Box::new([DeclaredVal::Concrete {
                nullable: true,
                to: TypeRef::InGroup(0),
            }]),
            results: Box::new([DeclaredVal::Plain(ValType::I32)]),
        }];
        let id = registry::register_group(&group).unwrap()[0];
        let shown = ValType::Ref(RefType::new(false, HeapType::Concrete(id))).to_string();
        assert_eq!(
            shown,
            format!("(ref (func (param (ref null {id})) (result i32)))")
        );
    }

    #[test]
    fn reference_types_pack_into_four_bytes_and_round_trip() {
        assert_eq!(std::mem::size_of::<ValType>(), 4);
        let heaps = [
            HeapType::Func,
            HeapType::Extern,
            HeapType::Exn,
            HeapType::NoFunc,
            HeapType::NoExtern,
            HeapType::NoExn,
            HeapType::Concrete(TypeId(0)),
            HeapType::Concrete(TypeId(0x12_3456)),
            HeapType::Concrete(TypeId(MAX_TYPE_IDS as u32 - 1)),
        ];
        for heap in heaps {
            for nullable in [false, true] {
                let r = RefType::new(nullable, heap);
                assert_eq!((r.nullable(), r.heap()), (nullable, heap));
            }
        }
    }
}
