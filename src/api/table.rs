//! The public, typed side of [`Table`]: constructing one and reading, writing and
//! growing it with [`Val`]s (its storage is `runtime::table`).

use crate::api::engine::Engine;
use crate::api::val::Val;
use crate::error::{Error, Result};
use crate::runtime::table::Table;
use crate::types::TableType;

impl Table {
    /// Creates a table of type `ty` with every element set to `init`.
    pub fn new(_engine: &Engine, ty: TableType, init: Val) -> Result<Table> {
        if !init.matches(ty.element) {
            return Err(Error::Usage("table initializer of the wrong type".into()));
        }
        let (raw, owner) = init.to_raw_ref();
        let t = Table::create(ty, raw);
        if let Some(o) = owner {
            t.keep(o);
        }
        Ok(t)
    }

    /// Element `index` as a value.
    pub fn get(&self, index: u32) -> Option<Val> {
        let raw = self.get_raw(index)?;
        Some(Val::from_raw_ref(
            self.ty().element,
            raw,
            Some(self.inner.clone()),
        ))
    }

    /// Sets element `index`.
    pub fn set(&self, index: u32, value: Val) -> Result<()> {
        if !value.matches(self.ty().element) {
            return Err(Error::Usage("table element of the wrong type".into()));
        }
        let (raw, owner) = value.to_raw_ref();
        if !self.set_raw(index, raw) {
            return Err(Error::Usage("out of bounds table access".into()));
        }
        if let Some(o) = owner {
            self.keep(o);
        }
        Ok(())
    }

    /// Grows by `delta` elements set to `init`; returns the old size.
    pub fn grow(&self, delta: u32, init: Val) -> Result<u32> {
        let (raw, owner) = init.to_raw_ref();
        let old = self
            .grow_raw(delta, raw)
            .ok_or_else(|| Error::Usage("table cannot grow by that many elements".into()))?;
        if let Some(o) = owner {
            self.keep(o);
        }
        Ok(old)
    }
}
