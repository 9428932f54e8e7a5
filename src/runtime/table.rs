//! Tables of references. Elements are raw words (a `*const VMFuncRef` for funcref, a host
//! pointer for externref, 0 for null) that compiled code reads through `TableData`.

use crate::abi::vmctx::TableData;

use crate::types::TableType;
use std::any::Any;
use std::cell::UnsafeCell;
use std::sync::{Arc, Mutex};

pub(crate) struct TableInner {
    data: Box<UnsafeCell<TableData>>,
    elements: UnsafeCell<Vec<u64>>,
    ty: TableType,
    /// Owners of function references stored here (other instances, host functions).
    keepalive: Mutex<Vec<Arc<dyn Any + Send + Sync>>>,
    lock: Mutex<()>,
}

// SAFETY: element words are plain data; structural changes (grow) happen under `lock`.
unsafe impl Send for TableInner {}
// SAFETY: as above.
unsafe impl Sync for TableInner {}

/// Most elements a table may have: `table.grow` (and `Table::grow`) beyond this fails
/// (returns -1 in wasm), whatever the table's declared maximum, so a module cannot make
/// the host allocate without bound. The WebAssembly spec lets growth fail at any size.
pub const MAX_TABLE_ELEMENTS: u64 = 10_000_000;

/// A table. Cloning shares it.
#[derive(Clone)]
pub struct Table {
    pub(crate) inner: Arc<TableInner>,
    pub(crate) _owner: Option<Arc<dyn Any + Send + Sync>>,
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("ty", &self.inner.ty)
            .field("size", &self.size())
            .finish()
    }
}

impl Table {
    pub(crate) fn create(ty: TableType, init: u64) -> Table {
        let mut elements = vec![init; ty.limits.min as usize];
        let data = TableData {
            base: elements.as_mut_ptr(),
            len: elements.len() as u64,
        };
        Table {
            inner: Arc::new(TableInner {
                data: Box::new(UnsafeCell::new(data)),
                elements: UnsafeCell::new(elements),
                ty,
                keepalive: Mutex::new(Vec::new()),
                lock: Mutex::new(()),
            }),
            _owner: None,
        }
    }

    /// The table's type.
    pub fn ty(&self) -> TableType {
        self.inner.ty
    }

    /// Number of elements.
    pub fn size(&self) -> u32 {
        // SAFETY: word read of the descriptor.
        unsafe { (*self.inner.data.get()).len as u32 }
    }

    pub(crate) fn descriptor(&self) -> *mut TableData {
        self.inner.data.get()
    }

    pub(crate) fn keep(&self, owner: Arc<dyn Any + Send + Sync>) {
        let mut k = self
            .inner
            .keepalive
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if !k.iter().any(|o| Arc::ptr_eq(o, &owner)) {
            k.push(owner);
        }
    }

    /// Raw element `index`, if in bounds.
    pub(crate) fn get_raw(&self, index: u32) -> Option<u64> {
        if index >= self.size() {
            return None;
        }
        // SAFETY: in bounds of the live element vector.
        Some(unsafe { *(*self.inner.data.get()).base.add(index as usize) })
    }

    /// Sets raw element `index`; false if out of bounds.
    pub(crate) fn set_raw(&self, index: u32, raw: u64) -> bool {
        if index >= self.size() {
            return false;
        }
        // SAFETY: in bounds of the live element vector.
        unsafe { *(*self.inner.data.get()).base.add(index as usize) = raw };
        true
    }

    /// Grows by `delta` elements set to raw `init`; returns the old size or None.
    pub(crate) fn grow_raw(&self, delta: u32, init: u64) -> Option<u32> {
        self.grow_raw_if(delta, init, |_, _, _| true)
    }

    /// As `grow_raw`, if `allow(current, new, maximum)` agrees, asked under the lock.
    pub(crate) fn grow_raw_if(
        &self,
        delta: u32,
        init: u64,
        allow: impl FnOnce(u32, u32, Option<u32>) -> bool,
    ) -> Option<u32> {
        let _guard = self.inner.lock.lock().unwrap_or_else(|e| e.into_inner());
        let old = self.size();
        let new = old as u64 + delta as u64;
        let max = self.inner.ty.limits.max.unwrap_or(u32::MAX) as u64;
        if new > max || new > MAX_TABLE_ELEMENTS {
            return None;
        }
        if delta > 0 && !allow(old, new as u32, self.inner.ty.limits.max) {
            return None;
        }
        // SAFETY: exclusive under the lock; the descriptor is updated to the new buffer
        // before the lock is released.
        unsafe {
            let elements = &mut *self.inner.elements.get();
            elements.resize(new as usize, init);
            let data = &mut *self.inner.data.get();
            data.base = elements.as_mut_ptr();
            data.len = new;
        }
        Some(old)
    }
}
