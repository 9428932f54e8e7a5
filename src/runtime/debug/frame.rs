//! The frame view handed to a debug handler: where execution stopped, the call chain,
//! where the stopped frame's locals and operand-stack values are (registers the stub
//! saved, frame slots, constants), and the instance's memory. The typed accessors, which
//! read and write locals, stack values and globals as `Val`s, are the API's
//! (`api::frame`).

use crate::abi::frame::{saved_gpr, saved_xmm, FrameLayout, SAVE_WORDS};
use crate::abi::sites::{FuncSites, StackLoc};
use crate::error::{Error, Result};
use crate::runtime::activation;
use crate::runtime::instance::InstanceData;
use crate::trap::FrameInfo;
use crate::types::ValType;

/// The innermost wasm frame at a debug stop.
pub struct Frame<'a> {
    pub(crate) instance: &'a InstanceData,
    pub(crate) func: u32,
    pub(crate) offset: u32,
    /// The frame's rbp.
    pub(crate) fp: usize,
    /// Registers saved by the debug stub (16 GPRs, then 16 xmm), if stopped at a site.
    pub(crate) regs: Option<&'a mut [u64; SAVE_WORDS]>,
    /// Operand-stack layout at the site.
    pub(crate) stack: &'a [(ValType, StackLoc)],
    /// The function's site table (its locals and pinned registers), if its instrumented
    /// version exists.
    pub(crate) sites: Option<&'a FuncSites>,
    /// Whether locals can be read (false when the frame was not fully built, e.g. a
    /// stack-overflow trap in the prologue).
    pub(crate) locals_valid: bool,
}

impl std::fmt::Debug for Frame<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Frame")
            .field("func", &self.func)
            .field("offset", &self.offset)
            .finish_non_exhaustive()
    }
}

/// A raw value cut to its type's width (i32 and f32 use the low 32 bits).
pub(crate) fn mask(ty: ValType, raw: u64) -> u64 {
    match ty {
        ValType::I32 | ValType::F32 => raw as u32 as u64,
        _ => raw,
    }
}

impl<'a> Frame<'a> {
    /// Index of the function the frame belongs to.
    pub fn func_index(&self) -> u32 {
        self.func
    }

    /// The function's name from the name section, if any.
    pub fn func_name(&self) -> Option<&str> {
        self.instance.module.info.func_name(self.func)
    }

    /// Module byte offset where execution stopped.
    pub fn offset(&self) -> u32 {
        self.offset
    }

    /// The wasm call chain, innermost (this frame) first.
    pub fn backtrace(&self) -> Vec<FrameInfo> {
        let mut frames = vec![FrameInfo {
            func_index: self.func,
            func_name: self.func_name().map(str::to_string),
            module_offset: self.offset,
        }];
        frames.extend(activation::backtrace_from(0, true, self.fp));
        frames
    }

    /// The save-area index of local `index` if it is pinned to a register.
    pub(crate) fn pinned_register(&self, index: u32) -> Option<usize> {
        self.sites?
            .pinned()
            .get(index as usize)
            .copied()
            .flatten()
            .map(usize::from)
    }

    /// The raw value of local `index` (from its register if pinned, else its slot).
    pub(crate) fn read_local(&self, index: u32, params: u32) -> u64 {
        if let Some(reg) = self.pinned_register(index) {
            if let Some(regs) = self.regs.as_ref() {
                return regs[reg];
            }
        }
        // SAFETY: a local slot of a live, fully built frame.
        unsafe { *(self.local_addr(index, params) as *const u64) }
    }

    pub(crate) fn local_types(&self) -> Option<(&[ValType], u32)> {
        if !self.locals_valid {
            return None;
        }
        self.sites.map(FuncSites::locals)
    }

    pub(crate) fn local_addr(&self, index: u32, params: u32) -> usize {
        // Only the parameter count places a local (`abi::frame`).
        let layout = FrameLayout {
            params,
            non_params: 0,
            pinned: 0,
            canary_slots: 0,
        };
        self.fp
            .wrapping_add_signed(layout.local_disp(index) as isize)
    }

    pub(crate) fn read_loc(&self, ty: ValType, loc: StackLoc) -> u64 {
        let raw = match loc {
            StackLoc::Const(halves) => StackLoc::constant_bits(halves),
            StackLoc::Local(i) => {
                let (_, params) = self.local_types().unwrap_or((&[], 0));
                self.read_local(i, params)
            }
            StackLoc::Gpr(r) => self.regs.as_ref().map_or(0, |regs| regs[saved_gpr(r)]),
            StackLoc::Xmm(x) => self.regs.as_ref().map_or(0, |regs| regs[saved_xmm(x)]),
            // SAFETY: a spill slot of a live frame.
            StackLoc::Frame(disp) => unsafe { *((self.fp as isize + disp as isize) as *const u64) },
        };
        mask(ty, raw)
    }

    /// Size in bytes of linear memory 0 (0 without a memory).
    pub fn memory_size(&self) -> usize {
        self.instance
            .memories()
            .first()
            .map_or(0, |m| m.data_size())
    }

    /// Reads `len` bytes of linear memory 0 at `addr`.
    pub fn read_memory(&self, addr: usize, len: usize) -> Result<Vec<u8>> {
        let mem = self
            .instance
            .memories()
            .first()
            .ok_or_else(|| Error::Usage("the instance has no memory".into()))?;
        let mut buf = vec![0; len];
        mem.read(addr, &mut buf)?;
        Ok(buf)
    }

    /// Writes bytes into linear memory 0 at `addr`.
    pub fn write_memory(&mut self, addr: usize, bytes: &[u8]) -> Result<()> {
        let mem = self
            .instance
            .memories()
            .first()
            .ok_or_else(|| Error::Usage("the instance has no memory".into()))?;
        mem.write(addr, bytes)
    }
}
