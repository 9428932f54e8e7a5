//! `Val`: a WebAssembly value as the host sees it, and its raw 8-byte encoding in argument
//! slots, globals and tables.

use crate::abi::vmctx::VMFuncRef;
use crate::api::func::Func;
use crate::types::{HeapType, ValType};
use std::any::Any;
use std::sync::Arc;

/// A reference to a host value, passed to wasm as `externref`.
#[derive(Clone)]
pub struct ExternRef(pub(crate) Arc<dyn Any + Send + Sync>);

impl ExternRef {
    /// Wraps a host value.
    pub fn new<T: Any + Send + Sync>(value: T) -> ExternRef {
        ExternRef(Arc::new(value))
    }

    /// The wrapped value.
    pub fn data(&self) -> &(dyn Any + Send + Sync) {
        &*self.0
    }

    /// Whether two references point to the same host value.
    pub fn ptr_eq(a: &ExternRef, b: &ExternRef) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl std::fmt::Debug for ExternRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExternRef({:p})", Arc::as_ptr(&self.0))
    }
}

/// The raw word of an externref: the address of a process-lifetime copy of the reference,
/// one per distinct host value. Wasm may keep raw words anywhere (globals, tables,
/// locals) without telling the host, so the copies are never freed: without a collector
/// this is the price of passing a host value into wasm.
fn intern_externref(r: &ExternRef) -> u64 {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static INTERNED: Mutex<Option<HashMap<usize, usize>>> = Mutex::new(None);
    let key = Arc::as_ptr(&r.0) as *const () as usize;
    let mut map = INTERNED.lock().unwrap_or_else(|e| e.into_inner());
    *map.get_or_insert_with(HashMap::new)
        .entry(key)
        .or_insert_with(|| Box::into_raw(Box::new(r.clone())) as usize) as u64
}

/// A WebAssembly value. Floats are kept as their bit patterns so NaN payloads survive.
#[derive(Clone, Debug)]
pub enum Val {
    /// An i32.
    I32(i32),
    /// An i64.
    I64(i64),
    /// An f32, as raw bits.
    F32(u32),
    /// An f64, as raw bits.
    F64(u64),
    /// A nullable function reference.
    FuncRef(Option<Func>),
    /// A nullable host reference.
    ExternRef(Option<ExternRef>),
    /// A 128-bit vector, lane 0 in the low bits.
    V128(u128),
    /// A nullable exception reference.
    ExnRef(Option<crate::api::exception::ExnRef>),
}

impl Val {
    /// The value's type; for a reference, the nullable top type of its hierarchy
    /// (`funcref`, `externref`, `exnref`): see [`Val::matches`] for typed references.
    pub fn ty(&self) -> ValType {
        match self {
            Val::I32(_) => ValType::I32,
            Val::I64(_) => ValType::I64,
            Val::F32(_) => ValType::F32,
            Val::F64(_) => ValType::F64,
            Val::FuncRef(_) => ValType::FUNCREF,
            Val::ExternRef(_) => ValType::EXTERNREF,
            Val::V128(_) => ValType::V128,
            Val::ExnRef(_) => ValType::EXNREF,
        }
    }

    /// Whether the value belongs to type `ty`: for references, null only to nullable
    /// types, and a function only to the abstract `func` type and to function types its
    /// own type is a subtype of.
    pub fn matches(&self, ty: ValType) -> bool {
        let ValType::Ref(want) = ty else {
            return self.ty() == ty;
        };
        let top = match self {
            Val::FuncRef(_) => HeapType::Func,
            Val::ExternRef(_) => HeapType::Extern,
            Val::ExnRef(_) => HeapType::Exn,
            _ => return false,
        };
        if want.heap().top() != top {
            return false;
        }
        match self {
            Val::FuncRef(None) | Val::ExternRef(None) | Val::ExnRef(None) => want.nullable(),
            Val::FuncRef(Some(f)) => match want.heap() {
                HeapType::Func => true,
                HeapType::Concrete(id) => f.type_id().is_subtype_of(id),
                _ => false,
            },
            _ => want.heap() == top,
        }
    }

    /// The zero value of a type: null for every reference type (a non-nullable type
    /// has no default; whoever asks for one must replace it with a value of the type).
    pub fn default_for(ty: ValType) -> Val {
        match ty {
            ValType::I32 => Val::I32(0),
            ValType::I64 => Val::I64(0),
            ValType::F32 => Val::F32(0),
            ValType::F64 => Val::F64(0),
            ValType::V128 => Val::V128(0),
            ValType::Ref(r) => match r.heap().top() {
                HeapType::Extern => Val::ExternRef(None),
                HeapType::Exn => Val::ExnRef(None),
                _ => Val::FuncRef(None),
            },
        }
    }

    /// An f32 value.
    pub fn from_f32(v: f32) -> Val {
        Val::F32(v.to_bits())
    }

    /// An f64 value.
    pub fn from_f64(v: f64) -> Val {
        Val::F64(v.to_bits())
    }

    /// The i32, if this is one.
    pub fn i32(&self) -> Option<i32> {
        match self {
            Val::I32(v) => Some(*v),
            _ => None,
        }
    }

    /// The i64, if this is one.
    pub fn i64(&self) -> Option<i64> {
        match self {
            Val::I64(v) => Some(*v),
            _ => None,
        }
    }

    /// The f32, if this is one.
    pub fn f32(&self) -> Option<f32> {
        match self {
            Val::F32(v) => Some(f32::from_bits(*v)),
            _ => None,
        }
    }

    /// The f64, if this is one.
    pub fn f64(&self) -> Option<f64> {
        match self {
            Val::F64(v) => Some(f64::from_bits(*v)),
            _ => None,
        }
    }

    /// The raw slot encoding. References stay valid only while their owner lives (see
    /// `to_raw_ref`).
    pub(crate) fn to_raw(&self) -> u64 {
        self.to_raw_ref().0
    }

    /// The raw encoding plus the owner that must outlive any copy of it.
    pub(crate) fn to_raw_ref(&self) -> (u64, Option<Arc<dyn Any + Send + Sync>>) {
        match self {
            Val::I32(v) => (*v as u32 as u64, None),
            Val::I64(v) => (*v as u64, None),
            Val::F32(v) => (*v as u64, None),
            Val::F64(v) => (*v, None),
            Val::FuncRef(None) | Val::ExternRef(None) | Val::ExnRef(None) => (0, None),
            Val::ExnRef(Some(r)) => (r.0 as u64, None),
            Val::FuncRef(Some(f)) => (f.raw as u64, Some(f.owner.clone())),
            Val::ExternRef(Some(r)) => (intern_externref(r), None),
            // Never asked: every place a vector may reach (argument areas, globals, the
            // debugger's cells) writes its two words itself first.
            Val::V128(_) => unreachable!("a v128 value has no one-word encoding"),
        }
    }

    /// Decodes a non-reference raw value.
    pub(crate) fn from_raw(ty: ValType, raw: u64) -> Val {
        Val::from_raw_ref(ty, raw, None)
    }

    /// Decodes a raw value; `owner` keeps a decoded function reference's target alive.
    pub(crate) fn from_raw_ref(
        ty: ValType,
        raw: u64,
        owner: Option<Arc<dyn Any + Send + Sync>>,
    ) -> Val {
        match ty {
            ValType::I32 => Val::I32(raw as u32 as i32),
            ValType::I64 => Val::I64(raw as i64),
            ValType::F32 => Val::F32(raw as u32),
            ValType::F64 => Val::F64(raw),
            ValType::Ref(_) if raw == 0 => Val::default_for(ty),
            ValType::Ref(r) => match r.heap().top() {
                HeapType::Extern => {
                    // SAFETY: non-null externref words are `ExternRef` cells created by
                    // `to_raw_ref`, kept alive by whoever stored the word.
                    let r = unsafe { &*(raw as *const ExternRef) };
                    Val::ExternRef(Some(r.clone()))
                }
                HeapType::Exn => Val::ExnRef(Some(crate::api::exception::ExnRef::exposing(raw))),
                _ => {
                    let owner = owner.unwrap_or_else(|| Arc::new(()));
                    Val::FuncRef(Some(Func::from_raw(raw as *const VMFuncRef, owner)))
                }
            },
            // As in `to_raw_ref`: no raw slot holds a v128.
            ValType::V128 => unreachable!("a v128 value has no one-word encoding"),
        }
    }
}

impl From<i32> for Val {
    fn from(v: i32) -> Val {
        Val::I32(v)
    }
}
impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::I64(v)
    }
}
impl From<f32> for Val {
    fn from(v: f32) -> Val {
        Val::from_f32(v)
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Val {
        Val::from_f64(v)
    }
}
