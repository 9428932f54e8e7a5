//! The typed side of a stopped [`Frame`]: its locals, operand-stack values and the
//! instance's globals as [`Val`]s, read and written (the frame's raw view is
//! `runtime::debug::frame`).

use crate::abi::frame::{saved_gpr, saved_xmm};
use crate::abi::sites::StackLoc;
use crate::api::val::Val;
use crate::error::{Error, Result};
use crate::runtime::debug::frame::{mask, Frame};

impl Frame<'_> {
    /// The frame's locals (parameters first) with their current values.
    pub fn locals(&self) -> Vec<Val> {
        let Some((types, params)) = self.local_types() else {
            return Vec::new();
        };
        types
            .iter()
            .enumerate()
            .map(|(i, ty)| Val::from_raw(*ty, mask(*ty, self.read_local(i as u32, params))))
            .collect()
    }

    /// Sets local `index`; the value must have the local's type.
    pub fn set_local(&mut self, index: u32, value: Val) -> Result<()> {
        let (types, params) = self
            .local_types()
            .ok_or_else(|| Error::Usage("locals are not available in this frame".into()))?;
        let ty = *types
            .get(index as usize)
            .ok_or_else(|| Error::Usage(format!("no local {index}")))?;
        if value.ty() != ty {
            return Err(Error::Usage(format!("local {index} has type {ty}")));
        }
        if ty.is_ref() {
            return Err(Error::Usage("writing references is not supported".into()));
        }
        if let Some(reg) = self.pinned_register(index) {
            let regs = self
                .regs
                .as_mut()
                .ok_or_else(|| Error::Usage("registers are not available".into()))?;
            regs[reg] = value.to_raw();
            return Ok(());
        }
        let addr = self.local_addr(index, params);
        // SAFETY: a local slot of a live frame; the width matches the local's type.
        unsafe { *(addr as *mut u64) = value.to_raw() };
        Ok(())
    }

    /// The operand stack, bottom first, with types.
    pub fn stack(&self) -> Vec<Val> {
        self.stack
            .iter()
            .map(|(ty, loc)| Val::from_raw(*ty, self.read_loc(*ty, *loc)))
            .collect()
    }

    /// Sets operand-stack entry `index` (0 = bottom).
    pub fn set_stack(&mut self, index: usize, value: Val) -> Result<()> {
        let (ty, loc) = *self
            .stack
            .get(index)
            .ok_or_else(|| Error::Usage(format!("no stack entry {index}")))?;
        if value.ty() != ty || ty.is_ref() {
            return Err(Error::Usage(format!("stack entry {index} has type {ty}")));
        }
        let raw = value.to_raw();
        match loc {
            StackLoc::Const(_) => {
                return Err(Error::Usage(
                    "this value is a constant folded into the code".into(),
                ))
            }
            StackLoc::Local(i) => return self.set_local(i, value),
            StackLoc::Gpr(r) => match self.regs.as_mut() {
                Some(regs) => regs[saved_gpr(r)] = raw,
                None => return Err(Error::Usage("registers are not available".into())),
            },
            StackLoc::Xmm(x) => match self.regs.as_mut() {
                Some(regs) => regs[saved_xmm(x)] = raw,
                None => return Err(Error::Usage("registers are not available".into())),
            },
            // SAFETY: a spill slot of a live frame.
            StackLoc::Frame(disp) => unsafe {
                *((self.fp as isize + disp as isize) as *mut u64) = raw
            },
        }
        Ok(())
    }

    /// Number of globals of the instance.
    pub fn num_globals(&self) -> u32 {
        self.instance.module.info.globals.len() as u32
    }

    /// Global `index`.
    pub fn global(&self, index: u32) -> Option<Val> {
        let ty = self
            .instance
            .module
            .info
            .globals
            .get(index as usize)?
            .content;
        // SAFETY: the instance's global storage for a valid index.
        let raw = unsafe { *self.instance.global_ptr(index) };
        Some(Val::from_raw(ty, mask(ty, raw)))
    }

    /// Sets global `index` (mutable or not: the debugger may change anything).
    pub fn set_global(&mut self, index: u32, value: Val) -> Result<()> {
        let ty = self
            .instance
            .module
            .info
            .globals
            .get(index as usize)
            .ok_or_else(|| Error::Usage(format!("no global {index}")))?
            .content;
        if value.ty() != ty || ty.is_ref() {
            return Err(Error::Usage(format!("global {index} has type {ty}")));
        }
        // SAFETY: as in `global`.
        unsafe { *self.instance.global_ptr(index) = value.to_raw() };
        Ok(())
    }
}
