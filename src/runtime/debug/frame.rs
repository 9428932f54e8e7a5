//! The frame view handed to a debug handler: where execution stopped and every frame of
//! the call chain (`runtime::debug::walk`), where each frame's locals and operand-stack
//! values are (registers a stub or a frame saved, frame slots, constants), and each
//! frame's instance memory. The typed accessors, which read and write locals, stack
//! values and globals as `Val`s, are the API's (`api::frame`).

use crate::abi::frame::{FrameShape, SAVE_WORDS};
use crate::abi::sites::StackLoc;
use crate::error::{Error, Result};
use crate::runtime::debug::walk::{callee_saved_position, Walk, WalkedFrame};
use crate::runtime::instance::InstanceData;
use crate::runtime::module::ModuleData;
use crate::trap::FrameInfo;
use crate::types::ValType;

/// A thread stopped at a debug event: its frames, and the innermost frame's registers
/// and operand stack. Lives on the stopped thread for the duration of the handler call.
pub(crate) struct Stop {
    pub(crate) walk: Walk,
    /// The save area of the stub that stopped: every register of the innermost frame.
    regs: *mut [u64; SAVE_WORDS],
    /// The innermost frame's operand stack layout, if known (at a site; not at a trap):
    /// a site's entries in its function's table, which its module keeps.
    stack: Option<*const [(ValType, StackLoc)]>,
}

impl Stop {
    /// A stop of this thread in `innermost`.
    ///
    /// # Safety
    /// The thread must be stopped in `innermost` with every register in `regs` (a stub's
    /// save area), both alive while the `Stop` is, and `stack` must describe the
    /// innermost frame's operand stack where it stopped, in a table its module keeps
    /// while the stop lasts.
    pub(crate) unsafe fn new(
        innermost: WalkedFrame,
        regs: *mut [u64; SAVE_WORDS],
        stack: Option<*const [(ValType, StackLoc)]>,
    ) -> Stop {
        Stop {
            // SAFETY: as this function's own contract.
            walk: unsafe { Walk::new(innermost) },
            regs,
            stack,
        }
    }
}

/// One wasm frame of a stopped thread: the innermost one (the handler's) or, through
/// [`Frame::caller`], any frame that called it, however it was called (directly,
/// through a table, from another instance, from a host function called by wasm). A
/// caller's offset is that of its call, where it is suspended.
///
/// A value the frame cannot know is reported as unavailable (an error or `None`),
/// never as another frame's value: the locals of a frame of a module compiled without
/// debug instrumentation; the operand stack where a trap stopped; and the values of
/// registers beyond such a frame (see `runtime::debug::walk`, "DESIGN: walking suspended
/// frames").
pub struct Frame<'a> {
    pub(crate) stop: &'a mut Stop,
    pub(crate) depth: usize,
}

impl std::fmt::Debug for Frame<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Frame")
            .field("depth", &self.depth)
            .field("func", &self.func_index())
            .field("offset", &self.offset())
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

/// What a frame cannot tell.
fn unavailable(what: &str) -> Error {
    Error::Usage(format!("{what} is not available in this frame"))
}

impl<'a> Frame<'a> {
    /// The innermost frame of `stop`.
    pub(crate) fn innermost(stop: &'a mut Stop) -> Frame<'a> {
        Frame { stop, depth: 0 }
    }

    /// This frame as walked (a frame exists only at depths the walk reached).
    pub(crate) fn walked(&self) -> &WalkedFrame {
        self.stop
            .walk
            .peek(self.depth)
            .expect("a frame is created only where the walk reached")
    }

    /// How many calls out from the innermost frame this one is (0 for the innermost).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The frame that called this one, if any: a view of it that borrows this one.
    pub fn caller(&mut self) -> Option<Frame<'_>> {
        self.up(1)
    }

    /// The frame `n` calls out from this one (`up(0)` is this frame again), if the stack
    /// is that deep.
    pub fn up(&mut self, n: usize) -> Option<Frame<'_>> {
        let depth = self.depth.checked_add(n)?;
        self.stop.walk.get(depth)?;
        Some(Frame {
            stop: &mut *self.stop,
            depth,
        })
    }

    /// How many frames the stack has from this one outwards (this one included).
    pub fn frame_count(&mut self) -> usize {
        self.stop.walk.all().len() - self.depth
    }

    /// Index of the function the frame belongs to.
    pub fn func_index(&self) -> u32 {
        self.walked().func
    }

    /// The function's name from the name section, if any (and if the frame's module is
    /// known), demangled ([`demangle`](crate::demangle)).
    pub fn func_name(&self) -> Option<String> {
        let frame = self.walked();
        let instance = frame.instance()?;
        let name = instance.module.info.func_name(frame.func)?;
        Some(crate::names::demangle(name).into_owned())
    }

    /// Module byte offset where the frame is: where the innermost frame stopped, or the
    /// call a caller is suspended in.
    pub fn offset(&self) -> u32 {
        self.walked().offset
    }

    /// The wasm call chain from this frame outwards, this frame first.
    pub fn backtrace(&mut self) -> Vec<FrameInfo> {
        let depth = self.depth;
        self.stop.walk.all()[depth..]
            .iter()
            .map(|f| FrameInfo {
                func_index: f.func,
                func_name: f
                    .instance()
                    .and_then(|i| i.module.info.func_name(f.func))
                    .map(|name| crate::names::demangle(name).into_owned()),
                module_offset: f.offset,
            })
            .collect()
    }

    /// The frame's instance, if known.
    pub(crate) fn instance_data(&self) -> Option<&InstanceData> {
        self.walked().instance()
    }

    /// The frame's function's shape, if known.
    pub(crate) fn shape(&self) -> Result<&FrameShape> {
        let frame = self.walked();
        if !frame.built {
            return Err(unavailable("the locals (the frame is still being built)"));
        }
        frame
            .shape()
            .ok_or_else(|| unavailable("the locals (the module has no debug instrumentation)"))
    }

    /// Where local `index` of this frame is: its register's cell, or its frame slot.
    pub(crate) fn local_cell(&self, index: u32) -> Result<(ValType, *mut u64)> {
        let frame = self.walked();
        let shape = self.shape()?;
        let ty = *shape
            .locals
            .get(index as usize)
            .ok_or_else(|| Error::Usage(format!("no local {index}")))?;
        let cell = match shape.pinned[index as usize] {
            Some(register) => callee_saved_position(register as usize)
                .map_or(std::ptr::null_mut(), |p| frame.callee_saved[p]),
            None => {
                let canaries = frame
                    .instance()
                    .is_some_and(|i| i.module.config.convention_canaries);
                let disp = shape.layout(canaries).local_disp(index);
                frame.fp.wrapping_add_signed(disp as isize) as *mut u64
            }
        };
        if cell.is_null() {
            return Err(unavailable(&format!("local {index}")));
        }
        Ok((ty, cell))
    }

    /// The operand stack layout of this frame, bottom first, if known.
    pub(crate) fn stack_layout(&self) -> Result<&[(ValType, StackLoc)]> {
        if self.depth == 0 {
            let stack = self
                .stop
                .stack
                .ok_or_else(|| unavailable("the operand stack (a trap stopped here)"))?;
            // SAFETY: the module keeps the table while the stop lasts (`Stop::new`).
            return Ok(unsafe { &*stack });
        }
        let frame = self.walked();
        let instance = frame
            .instance()
            .ok_or_else(|| unavailable("the operand stack (the instance is not known)"))?;
        let defined = frame
            .func
            .checked_sub(instance.module.info.num_imported_funcs)
            .ok_or_else(|| unavailable("the operand stack"))?;
        // The instrumented version records where each call's operands are; compiled
        // now if need be (the frame may be suspended in the plain version), together with
        // those of the module's other callers walked so far, which a debugger reading
        // every frame asks for next (one compilation instead of one per frame).
        let module = &instance.module;
        let compiled = module
            .debug
            .as_ref()
            .is_some_and(|(d, _)| d.get(defined).is_some());
        if !compiled {
            self.compile_callers_versions(module)?;
        }
        let version = module.instrumented(defined)?;
        version
            .sites
            .stack_at_call(frame.offset)
            .ok_or_else(|| unavailable("the operand stack"))
    }

    /// Compiles, together, the instrumented versions of the functions of `module` that the
    /// callers walked so far belong to.
    fn compile_callers_versions(&self, module: &ModuleData) -> Result<()> {
        let callers: Vec<u32> = self.stop.walk.walked()[1..]
            .iter()
            .filter_map(|f| {
                let other = f.instance()?;
                std::ptr::eq(&*other.module, module)
                    .then(|| f.func.checked_sub(module.info.num_imported_funcs))
                    .flatten()
            })
            .collect();
        module.compile_instrumented(&callers)
    }

    /// Where operand-stack value `loc` of this frame is, if it is in a cell (`None`: a
    /// constant folded into the code).
    pub(crate) fn stack_cell(&self, loc: StackLoc) -> Result<Option<*mut u64>> {
        let from_regs = |index: usize| -> Result<Option<*mut u64>> {
            if self.depth != 0 {
                // Temporaries die at calls: a caller holds none (`abi::sites::CallStack`).
                return Err(unavailable("a register value"));
            }
            Ok(Some(self.stop.regs.cast::<u64>().wrapping_add(index)))
        };
        match loc {
            StackLoc::Const(_) => Ok(None),
            StackLoc::Local(i) => Ok(Some(self.local_cell(i)?.1)),
            StackLoc::Gpr(r) => from_regs(crate::abi::frame::saved_gpr(r)),
            StackLoc::Xmm(x) => from_regs(crate::abi::frame::saved_xmm(x)),
            StackLoc::Frame(disp) => Ok(Some(
                self.walked().fp.wrapping_add_signed(disp as isize) as *mut u64
            )),
        }
    }

    /// The raw value of operand-stack value `loc`.
    pub(crate) fn read_loc(&self, ty: ValType, loc: StackLoc) -> Result<u64> {
        let raw = match (loc, self.stack_cell(loc)?) {
            (StackLoc::Const(halves), _) => StackLoc::constant_bits(halves),
            // SAFETY: a cell of a live frame of this stopped thread, or of the save area.
            (_, Some(cell)) => unsafe { *cell },
            (_, None) => unreachable!("only constants have no cell"),
        };
        Ok(mask(ty, raw))
    }

    fn memory(&self, index: u32) -> Result<&crate::runtime::memory::Memory> {
        let memories = self
            .instance_data()
            .ok_or_else(|| unavailable("memory (the instance is not known)"))?
            .memories();
        memories
            .get(index as usize)
            .ok_or_else(|| match memories.len() {
                0 => Error::Usage("the instance has no memory".into()),
                n => Error::Usage(format!("the instance has no memory {index} ({n} memories)")),
            })
    }

    /// How many linear memories the frame's instance has (0 when it is not known).
    pub fn memory_count(&self) -> usize {
        self.instance_data().map_or(0, |i| i.memories().len())
    }

    /// Size in bytes of linear memory 0 of the frame's instance (0 without a memory, or
    /// when the instance is not known).
    pub fn memory_size(&self) -> usize {
        self.memory_size_in(0)
    }

    /// Size in bytes of linear memory `index` of the frame's instance (0 without that
    /// memory, or when the instance is not known).
    pub fn memory_size_in(&self, index: u32) -> usize {
        self.memory(index).map_or(0, |m| m.data_size())
    }

    /// Reads `len` bytes of linear memory 0 of the frame's instance at `addr`.
    pub fn read_memory(&self, addr: usize, len: usize) -> Result<Vec<u8>> {
        self.read_memory_in(0, addr, len)
    }

    /// Reads `len` bytes of linear memory `index` of the frame's instance at `addr`; a
    /// range outside the memory is an error (checked before anything is allocated).
    pub fn read_memory_in(&self, index: u32, addr: usize, len: usize) -> Result<Vec<u8>> {
        let mem = self.memory(index)?;
        if addr
            .checked_add(len)
            .is_none_or(|end| end > mem.data_size())
        {
            return Err(Error::Usage(format!(
                "out of bounds of memory {index} ({} bytes)",
                mem.data_size()
            )));
        }
        let mut buf = vec![0; len];
        mem.read_unwatched(addr, &mut buf)?;
        Ok(buf)
    }

    /// Writes bytes into linear memory 0 of the frame's instance at `addr`.
    pub fn write_memory(&mut self, addr: usize, bytes: &[u8]) -> Result<()> {
        self.write_memory_in(0, addr, bytes)
    }

    /// Writes bytes into linear memory `index` of the frame's instance at `addr`.
    pub fn write_memory_in(&mut self, index: u32, addr: usize, bytes: &[u8]) -> Result<()> {
        self.memory(index)?.write_unwatched(addr, bytes)
    }
}
