//! Exception handling in the API: `Tag` (an exception's kind, defined by a module or by
//! the embedder), `Exception` (a thrown exception as the embedder sees it: its tag and
//! payload) and `ExnRef` (an `exnref` value). An exception no wasm handler caught
//! reaches the embedder as a [`Trap`] of kind
//! [`UncaughtException`](crate::TrapKind::UncaughtException) that carries it
//! ([`Trap::exception`]); a host function throws one into the wasm that called it by
//! returning [`Trap::throw`] (`runtime::exceptions`, "DESIGN: exceptions").

use crate::abi::frame::{area_offsets, area_units};
use crate::api::val::Val;
use crate::error::{Error, Result};
use crate::runtime::exceptions::{ExnObject, TagData, Thrown};
use crate::trap::Trap;
use crate::types::{FuncType, ValType};
use std::any::Any;
use std::sync::Arc;

/// An exception tag. Tags are compared by identity: two tags with the same type are
/// different tags unless one is the other (imported, exported, cloned).
#[derive(Clone, Debug)]
pub struct Tag {
    pub(crate) data: Arc<TagData>,
}

impl Tag {
    /// A new tag whose exceptions carry values of `params`' types.
    pub fn new(params: impl IntoIterator<Item = ValType>) -> Tag {
        let ty = FuncType::new(params, []);
        Tag {
            data: Arc::new(TagData {
                type_id: crate::types::registry::canonical_id(&ty),
                ty,
            }),
        }
    }

    /// The tag's type: its parameters are the payload, it has no results.
    pub fn ty(&self) -> &FuncType {
        &self.data.ty
    }

    /// Whether `a` and `b` are the same tag.
    pub fn same(a: &Tag, b: &Tag) -> bool {
        Arc::ptr_eq(&a.data, &b.data)
    }
}

/// A thrown wasm exception: its tag and payload.
#[derive(Clone, Debug)]
pub struct Exception {
    pub(crate) thrown: Arc<Thrown>,
}

impl Exception {
    /// An exception of `tag` carrying `payload`, which must match the tag's parameters.
    pub fn new(tag: &Tag, payload: &[Val]) -> Result<Exception> {
        let params = tag.ty().params();
        if payload.len() != params.len() || payload.iter().zip(params).any(|(v, t)| !v.matches(*t))
        {
            return Err(Error::Link(format!(
                "an exception of tag type {} cannot carry {} values of other types",
                tag.ty(),
                payload.len()
            )));
        }
        let mut units = vec![0u64; area_units(params) as usize];
        let mut owners = Vec::new();
        for (v, offset) in payload.iter().zip(area_offsets(params)) {
            let at = offset as usize / 8;
            match v {
                Val::V128(bits) => {
                    units[at] = *bits as u64;
                    units[at + 1] = (*bits >> 64) as u64;
                }
                v => {
                    let (raw, owner) = v.to_raw_ref();
                    units[at] = raw;
                    owners.extend(owner);
                }
            }
        }
        Ok(Exception {
            thrown: Arc::new(Thrown {
                tag: tag.data.clone(),
                units: units.into(),
                _owners: owners,
            }),
        })
    }

    /// The exception's tag.
    pub fn tag(&self) -> Tag {
        Tag {
            data: self.thrown.tag.clone(),
        }
    }

    /// The values the exception carries, in the order of its tag's parameters.
    pub fn payload(&self) -> Vec<Val> {
        let params = self.thrown.tag.ty.params();
        params
            .iter()
            .zip(area_offsets(params))
            .map(|(&ty, offset)| {
                let at = offset as usize / 8;
                match ty {
                    ValType::V128 => Val::V128(
                        u128::from(self.thrown.units[at])
                            | (u128::from(self.thrown.units[at + 1]) << 64),
                    ),
                    ty => Val::from_raw(ty, self.thrown.units[at]),
                }
            })
            .collect()
    }
}

/// A non-null `exnref` value: a reference to a caught exception.
#[derive(Clone, Copy, Debug)]
pub struct ExnRef(pub(crate) *const ExnObject);

// SAFETY: exception objects are immutable once made (but for the `exposed` flag, set
// before any reference reaches the host) and those behind an `ExnRef` are never freed.
unsafe impl Send for ExnRef {}
// SAFETY: as above.
unsafe impl Sync for ExnRef {}

impl ExnRef {
    /// A reference to a new exception object for `exception`, as wasm would catch it
    /// with `catch_ref` (never freed, as such objects are not: `runtime::exceptions`).
    pub fn new(exception: &Exception) -> ExnRef {
        let object = ExnObject::boxed(exception.thrown.clone());
        // SAFETY: just made, not shared yet.
        unsafe { (*object).header.exposed = 1 };
        ExnRef(object)
    }

    /// The reference whose raw word is `raw` (non-null), as it reaches the host from a
    /// wasm value, a global, a table or a debugger's view of a frame. The object is
    /// marked exposed, so it is never freed (`runtime::exceptions`): the embedder may
    /// keep the reference as long as it likes. (Values wasm holds as `exnref` are exposed
    /// already; a landing pad's own slot, which a debugger may show, is not.)
    pub(crate) fn exposing(raw: u64) -> ExnRef {
        let object = raw as *mut ExnObject;
        // SAFETY: non-null exnref words are addresses of live exception objects; the
        // flag is only ever set, never cleared, and the object is not freed meanwhile
        // (the thread that might free it is the one running this, or stopped).
        unsafe { (*object).header.exposed = 1 };
        ExnRef(object)
    }

    /// The exception it refers to.
    pub fn exception(&self) -> Exception {
        // SAFETY: objects behind an `ExnRef` are exposed, hence never freed.
        let thrown = unsafe { (*self.0).thrown.clone() };
        Exception { thrown }
    }
}

impl Trap {
    /// An exception for a host function to throw into the wasm that called it: return
    /// `Err(Trap::throw(exception))`. Reaching the embedder uncaught, it is a trap of
    /// kind [`UncaughtException`](crate::TrapKind::UncaughtException).
    pub fn throw(exception: Exception) -> Trap {
        Trap::uncaught_exception(exception.thrown as Arc<dyn Any + Send + Sync>)
    }

    /// The exception this trap carries: an uncaught wasm exception, or one a host
    /// function throws.
    pub fn exception(&self) -> Option<Exception> {
        let thrown = self.thrown.clone()?.downcast::<Thrown>().ok()?;
        Some(Exception { thrown })
    }
}

impl crate::runtime::debug::ThrownException {
    /// The exception being thrown.
    pub fn exception(&self) -> Exception {
        self.0
            .exception()
            .expect("a thrown exception's event carries it")
    }
}
