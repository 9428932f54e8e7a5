//! Entering wasm from the host, and what happens when it traps.
//!
//! Each host-to-wasm call pushes an `Activation` (on the Rust stack) onto a thread-local
//! list. The entry trampoline stores in it the rsp/rbp to resume at; a trap (from a trap
//! stub, a host-function error or the signal handler) records its kind and the raw return
//! addresses of the wasm frames in the activation, then resumes there. `call_wasm` then
//! turns the record into a [`Trap`] with a symbolicated backtrace.

use crate::abi::frame::{Landing, ResumePoint};
use crate::code_memory;
use crate::runtime::stop::StopRequests;
use crate::trap::{FrameInfo, Trap, TrapKind};
use std::cell::Cell;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// (`runtime::redirect`).
    redirected: u64,
    /// Set by the canary entry trampoline when the called function changed a register
    /// the convention says it preserves (`Config::convention_canaries`).
    convention_violated: bool,
    /// The table element an "uninitialized element" trap names.
    trap_element: Option<u32>,
    /// This thread's number for the activation: activations started later on the thread
    /// have larger ones, so an activation nested in another has a larger one than it.
    serial: u64,
    /// While this activation's wasm code is in a call to a host function: the host-call
    /// trampoline's frame pointer (0 otherwise). An activation nested inside that host
    /// function continues, for the debugger's walk, in the wasm frames above it.
    host_call_fp: usize,
    /// The stop requests of the instance the call entered (`runtime::stop`): they stop
    /// the call wherever its code runs.
    stops: *const StopRequests,
    /// The high 64 bits of xmm0 when the call returned, written by the entry trampoline:
    /// a `v128` first result's upper half (`WasmReturn` carries the low half).
    xmm0_high: u64,
    /// Where the exception being thrown goes on (`runtime::exceptions`), as the throw
    /// stub and the host-call trampoline receive it.
    landing: Landing,
}

// The stubs receive `resume_point()` and the entry trampoline writes through an
// activation pointer: both address the same words only while `resume` comes first.
const _: () = assert!(std::mem::offset_of!(Activation, resume) == 0);

impl Activation {
    /// Offset of `trapped`, which the canary entry trampoline reads.
    pub(crate) const TRAPPED_OFFSET: i32 = std::mem::offset_of!(Activation, trapped) as i32;
    /// Offset of `xmm0_high`, which the entry trampoline writes.
    pub(crate) const XMM0_HIGH_OFFSET: i32 = std::mem::offset_of!(Activation, xmm0_high) as i32;
    /// Offset of the resume point, which the entry trampoline writes.
    pub(crate) const RESUME_OFFSET: i32 = std::mem::offset_of!(Activation, resume) as i32;
    /// Offset of `convention_violated`, which the canary entry trampoline writes.
    pub(crate) const CONVENTION_VIOLATED_OFFSET: i32 =
        std::mem::offset_of!(Activation, convention_violated) as i32;
}

/// Bumped whenever a debugger changes a function word of any instance
/// (`debug_words_changed`); an activation remembers the generation its frames were last
/// redirected for (`runtime::redirect`).
static DEBUG_GENERATION: AtomicU64 = AtomicU64::new(0);

/// Records that function words changed: the next check on every thread walks its frames.
pub(crate) fn debug_words_changed() {
    DEBUG_GENERATION.fetch_add(1, Ordering::AcqRel);
}

/// The current generation, for a new activation (its frames are all younger).
pub(crate) fn debug_generation() -> u64 {
    DEBUG_GENERATION.load(Ordering::Acquire)
}

thread_local! {
    static CURRENT: Cell<*mut Activation> = const { Cell::new(std::ptr::null_mut()) };
    /// The serial of the last activation started on this thread.
    static LAST_SERIAL: Cell<u64> = const { Cell::new(0) };
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
            // return address at [fp + 8]), tail-call frames included; the walk stops at
            // the first non-wasm return address, which is the entry trampoline.
            let crate::runtime::frame_chain::Caller { ret, fp: next, .. } =
                unsafe { crate::runtime::frame_chain::caller_of(fp) };
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

    /// This thread's number for the activation (see `serial`).
    pub(crate) fn serial(&self) -> u64 {
        self.serial
    }

    /// The activation this one is nested in (null for the thread's outermost).
    pub(crate) fn prev(&self) -> *mut Activation {
        self.prev
    }

    /// The host-call trampoline frame this activation's wasm code is calling a host
    /// function through, or 0.
    pub(crate) fn host_call_fp(&self) -> usize {
        self.host_call_fp
    }

    /// Records that this activation's wasm code calls a host function through the
    /// host-call trampoline frame `fp` (0: the call returned); returns the value before.
    pub(crate) fn set_host_call_fp(&mut self, fp: usize) -> usize {
        std::mem::replace(&mut self.host_call_fp, fp)
    }

    /// Records the table element the trap names (see `Trap::with_element`).
    pub(crate) fn set_trap_element(&mut self, element: Option<u32>) {
        self.trap_element = element;
    }

    /// Keeps `landing` where the throw stub or the host-call trampoline reads it.
    pub(crate) fn land(&mut self, landing: Landing) -> *const Landing {
        self.landing = landing;
        &self.landing
    }

    /// Records `trap`, an uncaught exception thrown at `pc` (a return address) in the
    /// frame whose rbp is `fp`, and returns the landing that leaves the activation
    /// through its resume point, as a trap does.
    ///
    /// # Safety
    /// As `record_trap`'s; the entry trampoline's resume point must be set.
    pub(crate) unsafe fn uncaught(&mut self, trap: Trap, pc: usize, fp: usize) -> *const Landing {
        // SAFETY: per the contract.
        unsafe { self.record_trap(trap.kind(), pc, true, fp) };
        self.host_trap = Some(trap);
        self.landing_at_resume_point()
    }

    /// The landing that leaves the activation as a trap does: at the entry trampoline's
    /// resume point, past the return address there.
    pub(crate) fn landing_at_resume_point(&mut self) -> *const Landing {
        // SAFETY: the entry trampoline stored its return address's slot at `resume.rsp`
        // before calling wasm; it stays valid for the activation.
        let pc = unsafe { *(self.resume.rsp as *const usize) };
        let landing = Landing {
            rsp: self.resume.rsp + 8,
            rbp: self.resume.rbp,
            pc,
            exn: 0,
        };
        self.land(landing)
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

impl Activation {
    /// A new activation for a call from the host on this thread: nested in the current
    /// one (sharing its stack limit) or, for the outermost call, with a limit
    /// `max_wasm_stack` bytes below the current stack pointer (never into the margin the
    /// host needs below it). `stops` are the entered instance's stop requests, which
    /// must outlive the activation.
    pub(crate) fn for_call(max_wasm_stack: usize, stops: *const StopRequests) -> Activation {
        let prev = current();
        let stack_limit = if prev.is_null() {
            let sp = approximate_sp();
            let floor = stack_low() + STACK_MARGIN;
            sp.saturating_sub(max_wasm_stack).max(floor)
        } else {
            // SAFETY: `prev` is a live activation further up this thread's stack.
            unsafe { (*prev).stack_limit }
        };
        Activation::new(prev, stack_limit, stops)
    }

    /// The high 64 bits of xmm0 when the call returned (`xmm0_high`).
    pub(crate) fn xmm0_high(&self) -> u64 {
        self.xmm0_high
    }

    /// The stop requests of the instance this call entered.
    pub(crate) fn stops(&self) -> *const StopRequests {
        self.stops
    }

    /// The thread's wasm stack limit while this activation runs (what r12 holds).
    pub(crate) fn stack_limit(&self) -> usize {
        self.stack_limit
    }

    /// Makes this the thread's current activation, until `leave`.
    pub(crate) fn enter(&mut self) {
        CURRENT.with(|c| c.set(self));
    }

    /// Makes the activation this one was nested in current again.
    pub(crate) fn leave(&mut self) {
        let prev = self.prev;
        CURRENT.with(|c| c.set(prev));
    }

    /// How the call ended: `Ok` or the trap it recorded (a convention canary that
    /// changed is a trap too).
    pub(crate) fn outcome(&mut self) -> Result<(), Trap> {
        if self.convention_violated {
            return Err(Trap::new(TrapKind::ConventionViolation, Vec::new()));
        }
        if self.trapped {
            let backtrace = self.backtrace();
            return Err(match self.host_trap.take() {
                Some(trap) => trap.with_backtrace(backtrace),
                None => Trap::with_element(self.kind, self.trap_element, backtrace),
            });
        }
        Ok(())
    }

    fn new(prev: *mut Activation, stack_limit: usize, stops: *const StopRequests) -> Activation {
        Activation {
            resume: ResumePoint::default(),
            prev,
            stack_limit,
            trapped: false,
            kind: TrapKind::Host,
            host_trap: None,
            frames: [MaybeUninit::uninit(); MAX_FRAMES],
            num_frames: 0,
            redirected: debug_generation(),
            convention_violated: false,
            trap_element: None,
            serial: LAST_SERIAL.with(|last| {
                last.set(last.get() + 1);
                last.get()
            }),
            host_call_fp: 0,
            stops,
            xmm0_high: 0,
            landing: Landing::default(),
        }
    }
}
