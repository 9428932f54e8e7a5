//! Entering wasm from the host, and what happens when it traps.
//!
//! Each host-to-wasm call pushes an `Activation` (on the Rust stack) onto a thread-local
//! list. The entry trampoline stores in it the rsp/rbp to resume at; a trap (from a trap
//! stub, a host-function error or the signal handler) records its kind and the raw return
//! addresses of the wasm frames in the activation, then resumes there. `call_wasm` then
//! turns the record into a [`Trap`] with a symbolicated backtrace.

use crate::abi::frame::{ResumePoint, RETURN_ADDRESS};
use crate::code_memory;
use crate::runtime::trampolines::{trampolines, WasmReturn};
use crate::trap::{FrameInfo, Trap, TrapKind};
use std::cell::Cell;
use std::mem::MaybeUninit;

/// Frames kept per trap backtrace (innermost first).
const MAX_FRAMES: usize = 128;

/// Native stack kept free below the wasm stack limit for host calls and trap handling.
const STACK_MARGIN: usize = 128 * 1024;

/// One host-to-wasm call in progress on this thread.
#[repr(C)]
pub(crate) struct Activation {
    /// Where traps resume: written by the entry trampoline, read by the trap stubs, the
    /// debug stub and the host-call trampoline through the pointer the host returns
    /// (`abi::frame::ResumePoint`; it must stay the first field).
    resume: ResumePoint,
    prev: *mut Activation,
    stack_limit: usize,
    trapped: bool,
    kind: TrapKind,
    host_trap: Option<Trap>,
    /// Recorded frames: (pc, pc is a return address).
    frames: [MaybeUninit<(usize, bool)>; MAX_FRAMES],
    num_frames: usize,
    /// The debug word generation this activation's frames were last redirected for
    /// (`debug::redirect`).
    redirected: u64,
    /// Set by the canary entry trampoline when the called function changed a register
    /// the convention says it preserves (`Config::convention_canaries`).
    convention_violated: bool,
    /// The table element an "uninitialized element" trap names.
    trap_element: Option<u32>,
}

// The stubs receive `resume_point()` and the entry trampoline writes through an
// activation pointer: both address the same words only while `resume` comes first.
const _: () = assert!(std::mem::offset_of!(Activation, resume) == 0);

impl Activation {
    /// Offset of `trapped`, which the canary entry trampoline reads.
    pub(crate) const TRAPPED_OFFSET: i32 = std::mem::offset_of!(Activation, trapped) as i32;
    /// Offset of the resume point, which the entry trampoline writes.
    pub(crate) const RESUME_OFFSET: i32 = std::mem::offset_of!(Activation, resume) as i32;
    /// Offset of `convention_violated`, which the canary entry trampoline writes.
    pub(crate) const CONVENTION_VIOLATED_OFFSET: i32 =
        std::mem::offset_of!(Activation, convention_violated) as i32;
}

thread_local! {
    static CURRENT: Cell<*mut Activation> = const { Cell::new(std::ptr::null_mut()) };
    static STACK_LOW: Cell<usize> = const { Cell::new(0) };
}

/// The innermost activation of this thread (null outside wasm). Async-signal-safe.
pub(crate) fn current() -> *mut Activation {
    CURRENT
        .try_with(|c| c.get())
        .unwrap_or(std::ptr::null_mut())
}

/// The stack limit of this thread's innermost activation (what r12 holds in wasm code).
pub(crate) fn current_stack_limit() -> usize {
    let act = current();
    if act.is_null() {
        return 0;
    }
    // SAFETY: a non-null current activation is live further up this thread's stack.
    unsafe { (*act).stack_limit }
}

/// Lowest usable address of this thread's stack.
fn stack_low() -> usize {
    STACK_LOW.with(|low| {
        if low.get() == 0 {
            // SAFETY: pthread_getattr_np fills `attr` for the calling thread; we destroy it
            // after reading the stack bounds.
            let bottom = unsafe {
                let mut attr = MaybeUninit::<libc::pthread_attr_t>::uninit();
                if libc::pthread_getattr_np(libc::pthread_self(), attr.as_mut_ptr()) != 0 {
                    0
                } else {
                    let mut addr = std::ptr::null_mut();
                    let mut size = 0;
                    libc::pthread_attr_getstack(attr.as_ptr(), &mut addr, &mut size);
                    libc::pthread_attr_destroy(attr.as_mut_ptr());
                    addr as usize
                }
            };
            low.set(bottom);
        }
        low.get()
    })
}

fn approximate_sp() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

impl Activation {
    /// Records a trap at `pc` (a return address if `is_return`) with frame pointer `fp`,
    /// walking the wasm frame chain. Allocation-free, so the signal handler may call it.
    ///
    /// # Safety
    /// `fp` must be the frame pointer of the wasm frame containing `pc` (or of a
    /// trampoline frame whose caller is wasm), with a valid rbp chain above it.
    pub(crate) unsafe fn record_trap(
        &mut self,
        kind: TrapKind,
        pc: usize,
        is_return: bool,
        fp: usize,
    ) {
        self.trapped = true;
        self.kind = kind;
        self.num_frames = 0;
        if pc != 0 {
            self.push_frame(pc, is_return);
        }
        let mut fp = fp;
        while fp != 0 && self.num_frames < MAX_FRAMES {
            // SAFETY: wasm frames and trampolines keep rbp chains (caller's rbp at [fp],
            // return address at [fp + 8]); the walk stops at the first non-wasm return
            // address, which is the entry trampoline.
            let (ret, next) = unsafe {
                (
                    *((fp + RETURN_ADDRESS as usize) as *const usize),
                    *(fp as *const usize),
                )
            };
            if !code_memory::is_wasm_pc(ret) {
                break;
            }
            self.push_frame(ret, true);
            fp = next;
        }
    }

    /// The resume point, as the stubs receive it.
    pub(crate) fn resume_point(&self) -> *const ResumePoint {
        &self.resume
    }

    /// Whether the frames need redirecting for `generation`; marks them as done.
    pub(crate) fn take_generation(&mut self, generation: u64) -> bool {
        std::mem::replace(&mut self.redirected, generation) != generation
    }

    fn push_frame(&mut self, pc: usize, is_return: bool) {
        if self.num_frames < MAX_FRAMES {
            self.frames[self.num_frames] = MaybeUninit::new((pc, is_return));
            self.num_frames += 1;
        }
    }

    /// Records the table element the trap names (see `Trap::with_element`).
    pub(crate) fn set_trap_element(&mut self, element: Option<u32>) {
        self.trap_element = element;
    }

    /// Records a host function's error as the trap.
    pub(crate) fn record_host_trap(&mut self, trap: Trap, fp: usize) {
        // SAFETY: `fp` is the host-call trampoline's frame pointer, whose caller is wasm.
        unsafe { self.record_trap(trap.kind(), 0, true, fp) };
        self.host_trap = Some(trap);
    }

    pub(crate) fn backtrace(&self) -> Vec<FrameInfo> {
        (0..self.num_frames)
            .filter_map(|i| {
                // SAFETY: the first `num_frames` entries were written by `push_frame`.
                let (pc, is_return) = unsafe { self.frames[i].assume_init() };
                code_memory::with_owner(pc, |owner, _| {
                    let (func_index, module_offset) = owner.lookup(pc, is_return)?;
                    Some(FrameInfo {
                        func_index,
                        func_name: owner.func_name(func_index),
                        module_offset,
                    })
                })
                .flatten()
            })
            .collect()
    }
}

/// Backtrace of the wasm frames currently on this thread's stack, starting at frame
/// pointer `fp` (used by the debugger).
pub(crate) fn backtrace_from(pc: usize, is_return: bool, fp: usize) -> Vec<FrameInfo> {
    let mut act = Activation::new(std::ptr::null_mut(), 0);
    // SAFETY: callers pass a live wasm frame pointer.
    unsafe { act.record_trap(TrapKind::Host, pc, is_return, fp) };
    act.backtrace()
}

impl Activation {
    fn new(prev: *mut Activation, stack_limit: usize) -> Activation {
        Activation {
            resume: ResumePoint::default(),
            prev,
            stack_limit,
            trapped: false,
            kind: TrapKind::Host,
            host_trap: None,
            frames: [MaybeUninit::uninit(); MAX_FRAMES],
            num_frames: 0,
            redirected: crate::debug::redirect::generation(),
            convention_violated: false,
            trap_element: None,
        }
    }
}

/// Calls wasm code `code` with context `vmctx`. `slots` holds the arguments on entry and
/// the results (from index 1; index 0 comes back in the registers) on return; it must
/// have room for max(params, results) values.
///
/// # Safety
/// `code` must be a wasm function entry (or the host-call trampoline) whose signature
/// matches the slots, and `vmctx` a live context for it.
pub(crate) unsafe fn call_wasm(
    vmctx: *mut u8,
    code: *const u8,
    slots: &mut [u64],
    max_wasm_stack: usize,
    canaries: bool,
) -> Result<WasmReturn, Trap> {
    let prev = current();
    let stack_limit = if prev.is_null() {
        let sp = approximate_sp();
        let floor = stack_low() + STACK_MARGIN;
        sp.saturating_sub(max_wasm_stack).max(floor)
    } else {
        // SAFETY: `prev` is a live activation further up this thread's stack.
        unsafe { (*prev).stack_limit }
    };
    let mut act = Activation::new(prev, stack_limit);
    CURRENT.with(|c| c.set(&mut act));
    crate::runtime::interrupt::enter();
    let entry = if canaries {
        trampolines().entry_canaries
    } else {
        trampolines().entry
    };
    // SAFETY: the caller guarantees code/vmctx/slots agree; the trampoline saves and
    // restores every callee-saved register and returns here on success and on traps.
    let ret = unsafe {
        entry(
            vmctx,
            code,
            slots.as_mut_ptr(),
            slots.len(),
            &mut act,
            stack_limit,
        )
    };
    crate::runtime::interrupt::leave();
    CURRENT.with(|c| c.set(prev));
    if act.convention_violated {
        return Err(Trap::new(TrapKind::ConventionViolation, Vec::new()));
    }
    if act.trapped {
        let backtrace = act.backtrace();
        return Err(match act.host_trap.take() {
            Some(trap) => trap.with_backtrace(backtrace),
            None => Trap::with_element(act.kind, act.trap_element, backtrace),
        });
    }
    Ok(ret)
}
