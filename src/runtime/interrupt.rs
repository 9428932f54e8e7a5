//! Interrupting threads that run wasm code, so that debug state written by another thread
//! (a pause, a new breakpoint) and the embedder's stop requests (`runtime::stop`) reach a
//! running loop without the loop reading memory.
//!
//! // DESIGN: interrupts through the stack limit
//! Every thread that runs wasm code is listed here while it does. `interrupt_running`
//! marks each listed thread's interrupt as pending and sends it `SIGURG`. If the signal
//! lands in wasm code, the handler sets the thread's stack-limit register (r12) to the top
//! of the address space, so the next stack check fails: the one in a function prologue,
//! or the one a plain version makes at a loop head (`cmp rsp, r12 ; jb`, no memory
//! access; every loop head in a debuggable module, and the heads of loops that can call
//! out in other modules: see the next block for the rest; an instrumented version's loop
//! head tests r12's interrupt bit, since r12 may carry `WATCHED` there). The failing check's slow path calls the `interrupt`
//! libcall, which clears the pending mark and returns `regs::STOP` if a stop request is
//! due (the slow path then traps with `TrapKind::Interrupted`, before it compares with
//! r12), else the real limit from the thread's activation; a loop head of a debuggable
//! module then tests the debug word and switches to the instrumented version if it is
//! set, and a prologue re-checks the limit (a real stack overflow traps as before).
//! Invariant: a function that loops or calls has a stack check at entry and at every
//! loop head but those of the next block, so a running call reaches a check within one
//! loop iteration or call, or runs in a loop the next block stops;
//! `tests/interrupt.rs` stops loops of each shape, deep recursion, a loop in another
//! instance and a loop in a helper, in every configuration. If the signal lands outside wasm code (in a host function,
//! a helper or a trampoline), nothing changes there, and a helper thread re-sends it
//! every millisecond while the interrupt stays pending and the thread stays in wasm (at
//! most a second). Host functions and host helpers (`memory.fill`, ...) return to wasm
//! through a point that tests the debug word anyway, so a loop that spends its time in
//! them needs no signal to land in its own instructions; host functions and the
//! debugger's hook also check the stop requests on their way back.
//!
//! // DESIGN: interrupts in loops without calls
//! A stop request ends the call: in a module without debugging it need not happen at a
//! transfer point. So a loop that cannot leave wasm code (no call, no host helper:
//! `compiler::codegen::shape::BodySkim::call_free_loops`) has no loop-head check in a
//! plain version and costs nothing; the compiler records its code instead
//! (`codegen::interruptible`), and when the signal lands there with a stop request due
//! for the running instance of a module without debugging, the handler ends the call on
//! the spot: it pushes pc + 1 and
//! resumes the thread at the module's `Interrupted` trap stub, as the fault handler does
//! for a memory fault, and the trap answers the request.
//!
//! In the plain version of a debuggable module a pause, a breakpoint or a step request
//! must reach such a loop at a transfer point, where the instrumented version can take
//! over, and a stop request is taken there too: between its heads such a loop may keep
//! locals in registers (`codegen::loop_homes`, "DESIGN: loop homes"), and the trap a stop
//! ends in is reported to the debugger with the frame's locals, which the head's slow
//! path has written back. Each of its heads still is one, without code inline: the out-of-line slow path
//! of the check it goes without is emitted as for any loop head, and the module records
//! (head, slow path) for each. When the signal lands in such a loop with no stop due, the
//! handler makes r12 all ones and sets the trap flag: the thread runs one instruction at
//! a time (`stepped`, from the SIGTRAP handler) until it is at a head, where it goes on
//! at the head's slow path as if the check had failed there (the state at a head is the
//! one its check sees: nothing reads the flags), or until it leaves the loop's code (a
//! branch out, a return, a trap stub), where the trap flag is dropped and r12 makes the
//! next check fail as anywhere else. A signal landing at a head sends the thread to its
//! slow path at once. The stepping is bounded: inside a loop's code every backward jump
//! goes to a head, so the thread reaches one, or leaves, within one pass over the body
//! (a few microseconds per instruction; a body of thousands of straight-line
//! instructions takes milliseconds). Debuggable modules so pay nothing per iteration
//! either (benches/RESULTS.md, "Debuggable loops without a check"), and only a request
//! costs the steps. `tests/debug_lazy.rs` pauses and sets breakpoints in such a loop in
//! several configurations; it fails (within a minute) with the heads not taken.
//!
//! Invariant: at every instruction boundary of a recorded range the thread is in the
//! body's own state: rbp is its frame, rsp the frame's
//! 16-byte-aligned bottom with nothing below it, r15 its instance's vmctx and, with fuel,
//! r13 the fuel (the stub writes it back). `tests/interrupt_ranges.rs` single-steps
//! loops of every shape, plain and debuggable, and checks it at each instruction in a
//! range, and that every recorded head lies in one; another test checks the fuel a
//! stopped loop used. A loop that can call keeps its check, so every
//! running call still reaches a check or a range within one iteration; where the signal
//! lands elsewhere in wasm code it makes the next check fail as above, and it is sent
//! again while the thread has not taken it.
//!
//! Spurious interrupts are harmless: a thread running another instance takes the slow
//! path once and finds nothing to do. A signal can land between any two instructions,
//! also inside a slow path that reads r12: each slow path decides between an interrupt
//! and a stack overflow from one reading of r12 (`codegen::frame`), so an interrupt never
//! looks like an overflow (`tests/debug_lazy.rs` sends thousands while calls take the
//! slow path).

use crate::abi::regs::STOP;
use crate::code_memory::LoopAt;
use crate::runtime::activation;
use crate::runtime::stop::StopRequests;
use crate::runtime::watched_pages::TRAP_FLAG;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// The signal that interrupts a thread.
pub(crate) const SIGNAL: libc::c_int = libc::SIGURG;

/// Re-sends while an interrupt stays pending, at most this many times (one second).
const RETRIES: usize = 1000;

/// One thread that has run wasm code.
struct ThreadSlot {
    thread: libc::pthread_t,
    /// Nesting depth of host-to-wasm calls on the thread (0: not in wasm).
    depth: AtomicUsize,
    /// An interrupt was requested and the thread has not yet taken it.
    pending: AtomicBool,
}

static THREADS: Mutex<Vec<Arc<ThreadSlot>>> = Mutex::new(Vec::new());

/// Unlists the thread when it exits.
struct Registration(Arc<ThreadSlot>);

impl Drop for Registration {
    fn drop(&mut self) {
        let _ = SLOT.try_with(|s| s.set(std::ptr::null()));
        let mut threads = THREADS.lock().unwrap_or_else(|e| e.into_inner());
        threads.retain(|slot| !Arc::ptr_eq(slot, &self.0));
    }
}

thread_local! {
    static REGISTRATION: OnceLock<Registration> = const { OnceLock::new() };
    /// The registered slot, for the signal handler: a plain pointer (no destructor, so
    /// reading it never registers one), set once the registration exists.
    static SLOT: Cell<*const ThreadSlot> = const { Cell::new(std::ptr::null()) };
}

fn this_thread() -> Option<Arc<ThreadSlot>> {
    REGISTRATION
        .try_with(|r| {
            r.get_or_init(|| {
                let slot = Arc::new(ThreadSlot {
                    // SAFETY: pthread_self has no preconditions.
                    thread: unsafe { libc::pthread_self() },
                    depth: AtomicUsize::new(0),
                    pending: AtomicBool::new(false),
                });
                THREADS
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(slot.clone());
                SLOT.with(|s| s.set(Arc::as_ptr(&slot)));
                Registration(slot)
            })
            .0
            .clone()
        })
        .ok()
}

/// The calling thread's slot if it is listed. Async-signal-safe: reads one plain
/// thread-local pointer (null until the thread first enters wasm, and again once its
/// registration is dropped at thread exit).
fn this_thread_if_listed() -> Option<*const ThreadSlot> {
    let slot = SLOT.try_with(|s| s.get()).ok()?;
    (!slot.is_null()).then_some(slot)
}

/// Marks the calling thread as running wasm code (one more nested host-to-wasm call).
pub(crate) fn enter() {
    let slot = match this_thread_if_listed() {
        Some(slot) => slot,
        None => match this_thread() {
            Some(slot) => Arc::as_ptr(&slot),
            None => return,
        },
    };
    // SAFETY: the slot is owned by this thread's registration, alive until it exits.
    let slot = unsafe { &*slot };
    if slot.depth.fetch_add(1, Ordering::SeqCst) == 0 {
        // A request that raced with the last exit is stale: the entry's word tests see
        // the current debug state.
        slot.pending.store(false, Ordering::SeqCst);
    }
}

/// Undoes `enter`; leaving the outermost call drops a pending interrupt.
pub(crate) fn leave() {
    if let Some(slot) = this_thread_if_listed() {
        // SAFETY: the slot is owned by this thread's registration, alive until it exits.
        let slot = unsafe { &*slot };
        if slot.depth.fetch_sub(1, Ordering::SeqCst) == 1 {
            slot.pending.store(false, Ordering::SeqCst);
        }
    }
}

/// Interrupts every other thread that is running wasm code (see the module docs). Called
/// after debug state changes, so that running loops notice.
pub(crate) fn interrupt_running() {
    // The handlers were installed with the first `Engine`, before any instance existed.
    let targets: Vec<Arc<ThreadSlot>> = {
        let threads = THREADS.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: pthread_self has no preconditions.
        let me = unsafe { libc::pthread_self() };
        let targets: Vec<Arc<ThreadSlot>> = threads
            .iter()
            // SAFETY: pthread_equal only compares ids.
            .filter(|slot| unsafe { libc::pthread_equal(slot.thread, me) } == 0)
            .filter(|slot| slot.depth.load(Ordering::SeqCst) > 0)
            .cloned()
            .collect();
        for slot in &targets {
            slot.pending.store(true, Ordering::SeqCst);
            signal(&threads, slot);
        }
        targets
    };
    if targets.is_empty() {
        return;
    }
    // Re-send to threads whose signal landed outside wasm code.
    let _ = std::thread::Builder::new()
        .name("kestrel-interrupt".into())
        .spawn(move || {
            for _ in 0..RETRIES {
                std::thread::sleep(Duration::from_millis(1));
                let threads = THREADS.lock().unwrap_or_else(|e| e.into_inner());
                let mut waiting = false;
                for slot in &targets {
                    if slot.pending.load(Ordering::SeqCst) && slot.depth.load(Ordering::SeqCst) > 0
                    {
                        waiting = true;
                        signal(&threads, slot);
                    }
                }
                if !waiting {
                    break;
                }
            }
        });
}

/// Sends the interrupt signal to `slot`'s thread if it is still listed. The caller holds
/// the list's lock, which a thread takes to unlist itself before it exits, so a listed
/// thread is alive while the signal is sent.
fn signal(threads: &[Arc<ThreadSlot>], slot: &Arc<ThreadSlot>) {
    if threads.iter().any(|t| Arc::ptr_eq(t, slot)) {
        // SAFETY: the thread is alive (see above); sending it a signal is allowed.
        unsafe { libc::pthread_kill(slot.thread, SIGNAL) };
    }
}

/// What the interrupt signal's handler does with the thread it landed on.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Landing {
    /// Not an interrupt of ours (none is pending for the thread): chain the signal.
    NotOurs,
    /// Outside wasm code: nothing; the requester sends again.
    Elsewhere,
    /// In wasm code: make the thread's next stack check fail (r12 all ones).
    NextCheck,
    /// In a loop without a check of a module without debugging, with a stop request
    /// due: the thread continues as if the instruction at its pc had called this stub
    /// (the module's `Interrupted` trap stub; "DESIGN: interrupts in loops without
    /// calls").
    StopAt(usize),
    /// In a loop without a check of a debuggable module: make the next stack check fail
    /// and single-step the thread to a loop head (`stepped`).
    StepToHead,
    /// At the head of such a loop: make the next stack check fail and continue at this
    /// slow path of the check the head goes without.
    SlowPath(usize),
}

thread_local! {
    /// The thread is being single-stepped to a loop head (`Landing::StepToHead`). A plain
    /// flag without a destructor, for the signal handlers.
    static TO_HEAD: Cell<bool> = const { Cell::new(false) };
}

/// Signal-handler part, where the interrupt signal found the thread in a loop without a
/// check of a debuggable module: starts single-stepping it (`Landing::StepToHead`).
/// Async-signal-safe.
pub(crate) fn step_to_head(eflags: &mut i64) {
    let _ = TO_HEAD.try_with(|s| s.set(true));
    *eflags |= TRAP_FLAG;
}

/// Signal-handler part, after one instruction stepped by the trap flag: if this thread is
/// being stepped to a loop head, moves it on ("DESIGN: interrupts in loops without calls"):
/// at a head it continues at the head's slow path, still inside the loop it takes one more
/// step, elsewhere (the loop was left, or a fault sent the thread to a stub) it runs on.
/// Returns whether the thread was being stepped to a head. Async-signal-safe.
pub(crate) fn stepped(pc: &mut i64, eflags: &mut i64) -> bool {
    if !TO_HEAD.try_with(|s| s.get()).unwrap_or(false) {
        return false;
    }
    match crate::code_memory::loop_at(*pc as usize) {
        LoopAt::Head { slow_path } => {
            *pc = slow_path as i64;
            end_steps(eflags);
        }
        LoopAt::Steppable => *eflags |= TRAP_FLAG,
        LoopAt::Stoppable { .. } | LoopAt::Outside => end_steps(eflags),
    }
    true
}

fn end_steps(eflags: &mut i64) {
    let _ = TO_HEAD.try_with(|s| s.set(false));
    *eflags &= !TRAP_FLAG;
}

/// Signal-handler part: where the thread at `pc`, whose r15 is `vmctx`, goes. Async-signal-
/// safe: atomics, thread-locals and the code registry's lock-free snapshot.
pub(crate) fn take_signal(pc: usize, vmctx: usize) -> Landing {
    let Some(slot) = this_thread_if_listed() else {
        return Landing::NotOurs;
    };
    // SAFETY: the slot is owned by this thread's registration, alive until it exits.
    let slot = unsafe { &*slot };
    if !slot.pending.load(Ordering::SeqCst) {
        return Landing::NotOurs;
    }
    let at = crate::code_memory::loop_at(pc);
    if let LoopAt::Stoppable { stop_stub } = at {
        // SAFETY: in a loop without a check r15 is the running instance's vmctx (the
        // range's invariant), and the instance outlives the call running its code.
        let running = unsafe { crate::runtime::instance::instance_of(vmctx as *mut u8) };
        if stop_due(Some(running.stops())) {
            slot.pending.store(false, Ordering::SeqCst);
            return Landing::StopAt(stop_stub);
        }
    }
    match at {
        LoopAt::Steppable => return Landing::StepToHead,
        // The slow path takes the interrupt, a stop request included.
        LoopAt::Head { slow_path } => return Landing::SlowPath(slow_path),
        LoopAt::Stoppable { .. } | LoopAt::Outside => {}
    }
    if crate::code_memory::is_wasm_pc(pc) {
        Landing::NextCheck
    } else {
        Landing::Elsewhere
    }
}

/// Drops this thread's pending interrupt (it has reached a debug site).
pub(crate) fn acknowledge() {
    if let Some(slot) = this_thread_if_listed() {
        // SAFETY: the slot is owned by this thread's registration, alive until it exits.
        unsafe { (*slot).pending.store(false, Ordering::SeqCst) };
    }
}

/// Calls `each` on every stop request that stops the call running on this thread now
/// (`runtime::stop`): `running`'s (the instance whose code runs, if any) and those of the
/// instances this thread's calls entered, innermost first, if they are due. Returns
/// whether any was.
fn due_stops(running: Option<&StopRequests>, mut each: impl FnMut(&StopRequests)) -> bool {
    let mut due = false;
    let mut visit = |stops: &StopRequests| {
        if stops.due() {
            due = true;
            each(stops);
        }
    };
    if let Some(stops) = running {
        visit(stops);
    }
    let mut act = activation::current();
    while !act.is_null() {
        // SAFETY: the thread's activations are live further up its stack, and each one's
        // stop requests outlive it (`Activation::for_call`).
        unsafe {
            if let Some(stops) = (*act).stops().as_ref() {
                visit(stops);
            }
            act = (*act).prev();
        }
    }
    due
}

/// Whether the call running on this thread must stop (see `due_stops`).
pub(crate) fn stop_due(running: Option<&StopRequests>) -> bool {
    due_stops(running, |_| {})
}

/// The running call traps for its stop requests: answers the interrupts among them.
pub(crate) fn answer_stops(running: Option<&StopRequests>) {
    due_stops(running, StopRequests::answered);
}

/// The `interrupt` libcall: the slow path of a failed stack check, with the frame pointer
/// of the wasm frame that made it. Clears this thread's pending interrupt, redirects
/// suspended callers if function words changed (`runtime::redirect`) and returns the real
/// stack limit for r12, or `STOP` if the call must stop (`runtime::stop`): the slow path
/// then traps with `TrapKind::Interrupted`, and the trap answers the request.
///
/// # Safety
///
/// Called only by the interrupt stub of compiled code, with `fp` the rbp of the wasm frame
/// whose stack check failed, on a thread inside `call_wasm`.
pub(crate) unsafe extern "C" fn interrupt_libcall(vmctx: *mut u8, fp: usize) -> usize {
    acknowledge();
    // SAFETY: the interrupt stub passes the rbp of the wasm frame that called it.
    unsafe { crate::runtime::redirect::redirect_if_changed(fp) };
    // SAFETY: the stub passes the calling instance's own vmctx.
    let instance = unsafe { crate::runtime::instance::instance_of(vmctx) };
    if stop_due(Some(instance.stops())) {
        return STOP as usize;
    }
    // The limit with this instance's flags ("DESIGN: entries through the stack limit").
    activation::current_stack_limit() | instance.debug_bits().load(Ordering::Acquire)
}
