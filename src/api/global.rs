//! Global variables: an 8-byte cell (16 bytes for a `v128`), inline in the defining
//! instance's vmctx or owned by a host-created `Global`.

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

/// A host-owned global's cell: room for any type's value.
struct HostCell(UnsafeCell<u128>);
// SAFETY: see `Global`.
unsafe impl Send for HostCell {}
// SAFETY: see `Global`.
unsafe impl Sync for HostCell {}

impl Global {
    /// Creates a host-owned global with an initial value of the global's type.
    pub fn new(_engine: &Engine, ty: GlobalType, value: Val) -> Result<Global> {
        if !value.matches(ty.content) {
            return Err(Error::Usage(format!(
                "global of type {} initialized with a {}",
                ty.content,
                value.ty()
            )));
        }
        let cell = Arc::new(HostCell(UnsafeCell::new(0)));
        let global = Global {
            ptr: cell.0.get() as *mut u64,
            ty,
            _owner: cell,
        };
        // SAFETY: the cell was just made, 16 bytes, and no one else has it yet.
        unsafe { global.write(&value) };
        Ok(global)
    }

    /// Writes `value`, of the global's type, into its cell.
    ///
    /// # Safety
    ///
    /// The cell must be alive (it is while `self` is) and not written concurrently.
    unsafe fn write(&self, value: &Val) {
        // SAFETY: the cell holds 16 bytes for a v128 (`HostCell`, or the vmctx layout's
        // two units), 8 otherwise.
        unsafe {
            match value {
                Val::V128(bits) => (self.ptr as *mut u128).write_unaligned(*bits),
                _ => *self.ptr = value.to_raw(),
            }
        }
    }

    /// The global's type.
    pub fn ty(&self) -> GlobalType {
        self.ty
    }

    /// The current value.
    pub fn get(&self) -> Val {
        // SAFETY: `ptr` is kept alive by `_owner`; a v128 cell holds 16 bytes.
        unsafe {
            if self.ty.content == crate::types::ValType::V128 {
                Val::V128((self.ptr as *const u128).read_unaligned())
            } else {
                Val::from_raw(self.ty.content, *self.ptr)
            }
        }
    }

    /// Sets the value (the global must be mutable and the value of its type).
    pub fn set(&self, value: Val) -> Result<()> {
        if !self.ty.mutable {
            return Err(Error::Usage("global is immutable".into()));
        }
        if !value.matches(self.ty.content) {
            return Err(Error::Usage("global value of the wrong type".into()));
        }
        // SAFETY: `ptr` is kept alive by `_owner`; as for wasm's own writes, the host
        // and the guest do not synchronize on globals.
        unsafe { self.write(&value) };
        Ok(())
    }
}
