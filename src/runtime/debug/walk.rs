//! The wasm frames of a stopped thread, innermost first, across calls into other
//! instances and host functions: for each, its function, the module offset where it is,
//! its instance, and where its values of the callee-saved registers are (which hold
//! pinned locals), so that every frame's locals can be read and written.
//!
//! // DESIGN: walking suspended frames
//! A stop (a debug stub at a site, a trap stub) saves every register of the innermost
//! frame in its save area (`abi::frame`, "DESIGN: save area"). Each outer frame is
//! suspended in a call, found through the rbp chain (`[fp]` the caller's rbp, `[fp + 8]`
//! the return address), stepping over tail-call frames (`runtime::frame_chain::
//! caller_of`; past one, a caller that did not switch contexts runs in the instance the
//! tail-call frame restores). For each frame the walk knows:
//!
//! - **Function and offset**: from the return address, through the code registry
//!   (`CodeOwner::caller_point`), after undoing a redirection: a caller the host moved
//!   to its instrumented version returns to the transfer path of its after-call point,
//!   which stands for the call it follows (`CompiledCode::original_return`).
//! - **Instance**: a caller runs in its callee's instance unless the call switched
//!   contexts (an imported function, a table entry of another instance); such calls save
//!   the caller's vmctx in its frame at `VMCTX_SAVE`, and the compiler records their
//!   return addresses (`codegen::breakable::record_context_return`), so the walk reads
//!   the vmctx there exactly when it is valid.
//! - **Callee-saved registers** (pinned locals, `abi::regs`, "DESIGN: register
//!   convention"): a function that pins a register saved its caller's value in its frame
//!   (`FrameLayout::pinned_save_disp`), and one that does not leaves the register alone.
//!   So, walking outwards from the save area, the caller's value of each register is in
//!   the save slot of the nearest inner frame that pins it, else where the inner frame's
//!   own value is. Which registers a function pins is its `FrameShape`, worked out from
//!   its body (`ModuleData::frame_shape`). A frame stopped in its prologue (a stack
//!   overflow) has saved nothing yet. In canary mode every call site saves the caller's
//!   callee-saved registers in its canary slots (`codegen::calls`, "DESIGN: convention
//!   canaries"), where the walk reads them instead.
//! - **Host functions**: wasm code that calls a host function (through the host-call
//!   trampoline, which saves all callee-saved registers in its frame at
//!   `runtime::trampolines::HOST_CALL_SAVED`) may be re-entered by it: a nested
//!   activation. The rbp chain of the nested activation ends at the entry trampoline;
//!   the walk continues at the host-call trampoline frame its parent activation recorded
//!   (`Activation::host_call_fp`), whose caller is wasm again.
//!
//! What cannot be known is reported as not known, never guessed: frames of a module
//! compiled without debug instrumentation have no recorded contexts or shapes, so their
//! locals, the instance of the frames they called from, and the callee-saved registers
//! of the frames beyond them are not known.
//!
//! Each fact has a test that fails when it is broken: the save slots, the debug-operation
//! fuzzer (callers' locals against the records the module made) and
//! `every_frame_of_a_recursion_shows_its_own_locals_and_stack`, which also covers the
//! canary slots; the recorded context switches,
//! `callers_in_another_instance_are_read_in_their_own_instance`; the host-call
//! trampoline's block, `callers_above_a_host_function_are_frames_too`; redirected return
//! addresses, `a_breakpoint_at_a_suspended_callers_return_point_fires`
//! (`tests/support/frame_cases.rs`); the calls' operand-stack records, the fuzzer's check
//! that a caller's stack where it resumes starts with the one read while it was suspended.

use crate::abi::frame::tail_frame;
use crate::abi::frame::{callee_saved_indices, FrameShape, SAVE_WORDS, VMCTX_SAVE};
use crate::code_memory::{is_wasm_pc, with_owner};
use crate::runtime::activation::Activation;
use crate::runtime::frame_chain::caller_of;
use crate::runtime::instance::{instance_of, InstanceData};
use crate::runtime::trampolines::HOST_CALL_SAVED;

/// Number of callee-saved registers (`abi::frame::callee_saved_indices`).
pub(crate) const CALLEE_SAVED: usize = crate::abi::frame::CALLEE_SAVED_COUNT;

/// The position among the callee-saved registers of save-area index `index`, if it is
/// one of them.
pub(crate) fn callee_saved_position(index: usize) -> Option<usize> {
    callee_saved_indices().position(|i| i == index)
}

/// One wasm frame of a stopped thread.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WalkedFrame {
    /// Its rbp.
    pub fp: usize,
    pub func: u32,
    /// Module byte offset: where the innermost frame stopped; for a caller, its call.
    pub offset: u32,
    /// Its instance, or null when not known.
    pub instance: *const InstanceData,
    /// Where this frame's value of each callee-saved register is (null: not known), by
    /// position (`callee_saved_position`).
    pub callee_saved: [*mut u64; CALLEE_SAVED],
    /// Whether its prologue finished: its locals are set up, and the caller's values of
    /// the registers it pins are in its save slots.
    pub built: bool,
}

impl WalkedFrame {
    /// The innermost frame, stopped with every register in the save area `regs`.
    pub fn innermost(
        fp: usize,
        func: u32,
        offset: u32,
        instance: &InstanceData,
        regs: *mut [u64; SAVE_WORDS],
        built: bool,
    ) -> WalkedFrame {
        let mut callee_saved = [std::ptr::null_mut(); CALLEE_SAVED];
        for (cell, index) in callee_saved.iter_mut().zip(callee_saved_indices()) {
            // In bounds: save-area indices are below SAVE_WORDS.
            *cell = regs.cast::<u64>().wrapping_add(index);
        }
        WalkedFrame {
            fp,
            func,
            offset,
            instance,
            callee_saved,
            built,
        }
    }

    /// The frame's instance, if known.
    pub fn instance(&self) -> Option<&InstanceData> {
        // SAFETY: walked frames exist only while their thread is stopped, and every
        // instance with a frame on the stack is alive until that frame returns.
        unsafe { self.instance.as_ref() }
    }

    /// The frame's function's shape, if its module was compiled with debug
    /// instrumentation (`None` for imported functions: they have no wasm frame).
    pub fn shape(&self) -> Option<&FrameShape> {
        let instance = self.instance()?;
        let defined = self
            .func
            .checked_sub(instance.module.info.num_imported_funcs)?;
        instance.module.frame_shape(defined).ok()
    }

    /// Whether its module was compiled with the convention canaries.
    fn canaries(&self) -> bool {
        self.instance()
            .is_some_and(|i| i.module.config.convention_canaries)
    }
}

/// The frames of a stopped thread, walked outwards as far as they are asked for.
pub(crate) struct Walk {
    frames: Vec<WalkedFrame>,
    /// The activation the outermost walked frame belongs to.
    activation: *mut Activation,
    /// The walk reached the thread's outermost wasm frame.
    done: bool,
}

impl Walk {
    /// A walk from `innermost`, a frame of this thread's current activation.
    ///
    /// # Safety
    /// The thread must be stopped in `innermost` (a debug or trap stub called from it,
    /// its save area alive) for as long as the walk is used.
    pub unsafe fn new(innermost: WalkedFrame) -> Walk {
        Walk {
            frames: vec![innermost],
            activation: crate::runtime::activation::current(),
            done: false,
        }
    }

    /// The frame `depth` calls out from the innermost (0), if there is one.
    pub fn get(&mut self, depth: usize) -> Option<&WalkedFrame> {
        while self.frames.len() <= depth && !self.done {
            match self.caller_of_outermost() {
                Some(frame) => self.frames.push(frame),
                None => self.done = true,
            }
        }
        self.frames.get(depth)
    }

    /// The frame `depth` calls out from the innermost, if walked already.
    pub fn peek(&self, depth: usize) -> Option<&WalkedFrame> {
        self.frames.get(depth)
    }

    /// The frames walked so far, innermost first.
    pub fn walked(&self) -> &[WalkedFrame] {
        &self.frames
    }

    /// Every frame, innermost first.
    pub fn all(&mut self) -> &[WalkedFrame] {
        while self.get(self.frames.len()).is_some() {}
        &self.frames
    }

    /// The caller of the outermost frame walked so far.
    fn caller_of_outermost(&mut self) -> Option<WalkedFrame> {
        let callee = *self.frames.last().expect("a walk starts with a frame");
        // What the caller sees in the callee-saved registers: where the callee's values
        // are, except for the registers the callee pins, whose caller values it saved.
        let mut cells = callee.callee_saved;
        if callee.built {
            match callee.shape() {
                Some(shape) => {
                    let layout = shape.layout(callee.canaries());
                    for (k, index) in shape.pinned_registers().enumerate() {
                        let at = callee
                            .fp
                            .wrapping_add_signed(layout.pinned_save_disp(k as u32) as isize);
                        if let Some(p) = callee_saved_position(index as usize) {
                            cells[p] = at as *mut u64;
                        }
                    }
                }
                // Which registers it saved where is not known.
                None => cells = [std::ptr::null_mut(); CALLEE_SAVED],
            }
        }
        // SAFETY: wasm frames keep an rbp chain: [fp] is the caller's rbp, [fp + 8] the
        // return address (this thread is stopped, so the frames are live).
        let caller = unsafe { caller_of(callee.fp) };
        let (mut ret, mut fp) = (caller.ret, caller.fp);
        // A caller that called within its own context runs in the instance its callee
        // started in: past a tail-call frame, the one that frame restores.
        let mut callee_instance = callee.instance;
        let mut through_tail_frame = |tail_frame: Option<usize>| {
            if let Some(t) = tail_frame {
                // SAFETY: a tail-call frame holds the vmctx it restores, of an instance
                // that is alive while a frame of its code is.
                callee_instance = unsafe {
                    let vmctx = *((t as isize + tail_frame::VMCTX as isize) as *const *mut u8);
                    instance_of(vmctx) as *const InstanceData
                };
            }
        };
        through_tail_frame(caller.tail_frame);
        let mut entered_from_host = false;
        if !is_wasm_pc(ret) {
            // The entry trampoline of this activation: go on above the host function
            // that entered it, if wasm called that function.
            // SAFETY: activations are live while the thread is stopped inside them.
            let outer = unsafe { self.activation.as_ref()?.prev() };
            // SAFETY: as above.
            let host_call = unsafe { outer.as_ref()?.host_call_fp() };
            if host_call == 0 {
                return None;
            }
            // SAFETY: the host-call trampoline keeps an rbp frame like wasm frames.
            let caller = unsafe { caller_of(host_call) };
            (ret, fp) = (caller.ret, caller.fp);
            through_tail_frame(caller.tail_frame);
            if !is_wasm_pc(ret) {
                return None;
            }
            for (p, cell) in cells.iter_mut().enumerate() {
                let offset = HOST_CALL_SAVED + crate::abi::frame::callee_saved_block_offset(p);
                *cell = host_call.wrapping_add_signed(offset as isize) as *mut u64;
            }
            self.activation = outer;
            entered_from_host = true;
        }
        // A chain that does not go up is not a stack of frames.
        if fp <= callee.fp {
            return None;
        }
        let point = with_owner(ret, |owner, _| owner.caller_point(ret)).flatten()?;
        let switched = entered_from_host || point.switches_context == Some(true);
        let instance: *const InstanceData = if switched {
            // SAFETY: a call that switches contexts saved the caller's vmctx in its frame
            // (`codegen::calls`), and that instance is alive while its frame is.
            unsafe {
                let vmctx = *((fp as isize + VMCTX_SAVE as isize) as *const *mut u8);
                instance_of(vmctx)
            }
        } else if point.switches_context == Some(false) {
            callee_instance
        } else {
            std::ptr::null()
        };
        let mut caller = WalkedFrame {
            fp,
            func: point.func,
            offset: point.offset,
            instance,
            callee_saved: cells,
            built: true,
        };
        if caller.canaries() {
            // Its registers stand in its own canary slots while a canary is in each.
            if let Some(shape) = caller.shape() {
                let layout = shape.layout(true);
                for (p, cell) in caller.callee_saved.iter_mut().enumerate() {
                    *cell =
                        fp.wrapping_add_signed(layout.canary_disp(p as u32) as isize) as *mut u64;
                }
            }
        }
        Some(caller)
    }
}
