//! The typed side of a stopped [`Frame`]: its locals, operand-stack values and its
//! instance's globals as [`Val`]s, read and written (the frame's raw view is
//! `runtime::debug::frame`).

use crate::api::instance::Instance;
use crate::api::val::Val;
use crate::error::{Error, Result};
use crate::runtime::debug::frame::{mask, Frame};
use crate::types::ValType;

/// Reads a value of type `ty` from its cell: one word, or two (low first) for a `v128`,
/// whose cells are 16 contiguous bytes (a frame slot, a local, a global, or an xmm
/// register's part of the stubs' save area).
///
/// # Safety
///
/// `cell` must point at a live cell of a value of type `ty`.
unsafe fn read_cell(ty: ValType, cell: *const u64) -> Val {
    // SAFETY: the caller's contract; a v128 cell holds two words.
    unsafe {
        if ty == ValType::V128 {
            Val::V128(u128::from(*cell) | u128::from(*cell.add(1)) << 64)
        } else {
            Val::from_raw(ty, mask(ty, *cell))
        }
    }
}

/// Writes `value` into its cell (see `read_cell`).
///
/// # Safety
///
/// `cell` must point at a live cell of a value of `value`'s type, which nothing else
/// writes meanwhile (the thread is stopped).
unsafe fn write_cell(value: &Val, cell: *mut u64) {
    // SAFETY: the caller's contract.
    unsafe {
        match value {
            Val::V128(bits) => {
                *cell = *bits as u64;
                *cell.add(1) = (*bits >> 64) as u64;
            }
            _ => *cell = value.to_raw(),
        }
    }
}

impl Frame<'_> {
    /// The frame's locals (parameters first) with their current values, `None` for one
    /// whose value this frame cannot know; empty when the frame's locals are not known
    /// at all (see [`Frame`]).
    pub fn locals(&self) -> Vec<Option<Val>> {
        let n = self.local_types().len() as u32;
        (0..n).map(|i| self.local(i).ok()).collect()
    }

    /// The types of the frame's locals, parameters first (empty when the frame's locals
    /// are not known).
    pub fn local_types(&self) -> Vec<ValType> {
        self.shape()
            .map(|shape| shape.locals.to_vec())
            .unwrap_or_default()
    }

    /// Local `index` (parameters first), or why it cannot be read.
    pub fn local(&self, index: u32) -> Result<Val> {
        let (ty, cell) = self.local_cell(index)?;
        // SAFETY: a local's cell in a live frame of the stopped thread, or a register
        // save slot of one (vectors are never in registers across calls: slots).
        Ok(unsafe { read_cell(ty, cell) })
    }

    /// Sets local `index`; the value must have the local's type. In an outer frame the
    /// value takes effect when execution returns to it.
    pub fn set_local(&mut self, index: u32, value: Val) -> Result<()> {
        let (ty, cell) = self.local_cell(index)?;
        if !value.matches(ty) {
            return Err(Error::Usage(format!("local {index} has type {ty}")));
        }
        if ty.is_ref() {
            return Err(Error::Usage("writing references is not supported".into()));
        }
        // SAFETY: as in `local`; the cell holds the whole value.
        unsafe { write_cell(&value, cell) };
        Ok(())
    }

    /// The operand stack, bottom first, `None` for a value this frame cannot know; empty
    /// where the stack is not known (where a trap stopped). A caller's stack is what lies
    /// under the arguments of the call it is suspended in.
    pub fn stack(&self) -> Vec<Option<Val>> {
        let Ok(layout) = self.stack_layout() else {
            return Vec::new();
        };
        layout
            .iter()
            .map(|&(ty, loc)| self.stack_val(ty, loc).ok())
            .collect()
    }

    /// Operand-stack value `index` (0 = bottom), or why it cannot be read.
    pub fn stack_value(&self, index: usize) -> Result<Val> {
        let (ty, loc) = *self
            .stack_layout()?
            .get(index)
            .ok_or_else(|| Error::Usage(format!("no stack entry {index}")))?;
        self.stack_val(ty, loc)
    }

    /// The value of type `ty` at `loc`.
    fn stack_val(&self, ty: ValType, loc: crate::abi::sites::StackLoc) -> Result<Val> {
        if ty == ValType::V128 {
            // A vector is in a register or a slot, never a folded constant.
            let cell = self
                .stack_cell(loc)?
                .ok_or_else(|| Error::Usage("a vector folded into the code".into()))?;
            // SAFETY: a cell of a live frame of this stopped thread, or of the save area.
            return Ok(unsafe { read_cell(ty, cell) });
        }
        Ok(Val::from_raw(ty, self.read_loc(ty, loc)?))
    }

    /// Sets operand-stack entry `index` (0 = bottom).
    pub fn set_stack(&mut self, index: usize, value: Val) -> Result<()> {
        let (ty, loc) = *self
            .stack_layout()?
            .get(index)
            .ok_or_else(|| Error::Usage(format!("no stack entry {index}")))?;
        if !value.matches(ty) || ty.is_ref() {
            return Err(Error::Usage(format!("stack entry {index} has type {ty}")));
        }
        let Some(cell) = self.stack_cell(loc)? else {
            return Err(Error::Usage(
                "this value is a constant folded into the code".into(),
            ));
        };
        // SAFETY: a value's cell in a live frame of the stopped thread, or the save area.
        unsafe { write_cell(&value, cell) };
        Ok(())
    }

    /// Whether this frame runs in `instance` (a caller may belong to another instance).
    pub fn in_instance(&self, instance: &Instance) -> bool {
        self.instance_data()
            .is_some_and(|data| std::ptr::eq(data, &*instance.data))
    }

    /// Number of globals of the frame's instance (0 when it is not known).
    pub fn num_globals(&self) -> u32 {
        self.instance_data()
            .map_or(0, |i| i.module.info.globals.len() as u32)
    }

    /// Global `index` of the frame's instance.
    pub fn global(&self, index: u32) -> Option<Val> {
        let instance = self.instance_data()?;
        let ty = instance.module.info.globals.get(index as usize)?.content;
        // SAFETY: the instance's global storage for a valid index.
        Some(unsafe { read_cell(ty, instance.global_ptr(index)) })
    }

    /// Sets global `index` of the frame's instance (mutable or not: the debugger may
    /// change anything).
    pub fn set_global(&mut self, index: u32, value: Val) -> Result<()> {
        let instance = self
            .instance_data()
            .ok_or_else(|| Error::Usage("the frame's instance is not known".into()))?;
        let ty = instance
            .module
            .info
            .globals
            .get(index as usize)
            .ok_or_else(|| Error::Usage(format!("no global {index}")))?
            .content;
        if !value.matches(ty) || ty.is_ref() {
            return Err(Error::Usage(format!("global {index} has type {ty}")));
        }
        // SAFETY: as in `global`.
        unsafe { write_cell(&value, instance.global_ptr(index)) };
        Ok(())
    }
}
