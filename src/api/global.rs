//! Global variables: an 8-byte cell, inline in the defining instance's vmctx or owned by a
//! host-created `Global`.

use crate::api::engine::Engine;
use crate::api::val::Val;
use crate::error::{Error, Result};
use crate::types::GlobalType;
use std::any::Any;
use std::cell::UnsafeCell;
use std::sync::Arc;

/// A global variable. Cloning shares it.
#[derive(Clone)]
pub struct Global {
    pub(crate) ptr: *mut u64,
    pub(crate) ty: GlobalType,
    /// Keeps the cell alive (its instance, or a host-owned box).
    pub(crate) _owner: Arc<dyn Any + Send + Sync>,
}

// SAFETY: the cell is a plain 8-byte value kept alive by `_owner`; wasm itself reads and
// writes globals without synchronization, as the spec allows for unshared state.
unsafe impl Send for Global {}
// SAFETY: as above.
unsafe impl Sync for Global {}

impl std::fmt::Debug for Global {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Global")
            .field("ty", &self.ty)
            .field("value", &self.get())
            .finish()
    }
}

struct HostCell(UnsafeCell<u64>);
// SAFETY: see `Global`.
unsafe impl Send for HostCell {}
// SAFETY: see `Global`.
unsafe impl Sync for HostCell {}

impl Global {
    /// Creates a host-owned global with an initial value of the global's type.
    pub fn new(_engine: &Engine, ty: GlobalType, value: Val) -> Result<Global> {
        crate::api::val::refuse_v128("a global", std::iter::once(&ty.content))?;
        if value.ty() != ty.content {
            return Err(Error::Usage(format!(
                "global of type {} initialized with a {}",
                ty.content,
                value.ty()
            )));
        }
        let cell = Arc::new(HostCell(UnsafeCell::new(value.to_raw())));
        Ok(Global {
            ptr: cell.0.get(),
            ty,
            _owner: cell,
        })
    }

    /// The global's type.
    pub fn ty(&self) -> GlobalType {
        self.ty
    }

    /// The current value.
    pub fn get(&self) -> Val {
        // SAFETY: `ptr` is kept alive by `_owner`.
        Val::from_raw(self.ty.content, unsafe { *self.ptr })
    }

    /// Sets the value (the global must be mutable and the value of its type).
    pub fn set(&self, value: Val) -> Result<()> {
        if !self.ty.mutable {
            return Err(Error::Usage("global is immutable".into()));
        }
        if value.ty() != self.ty.content {
            return Err(Error::Usage("global value of the wrong type".into()));
        }
        // SAFETY: `ptr` is kept alive by `_owner`.
        unsafe { *self.ptr = value.to_raw() };
        Ok(())
    }
}
