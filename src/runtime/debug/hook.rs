//! The host side of a hit site: decides whether this stop is an event (pause, breakpoint,
//! finished step), calls the embedder's handler with a frame view, and applies its
//! answer. Also reports traps to the handler before they return to the host.

use crate::abi::frame::{saved_gpr, ResumePoint, SAVE_WORDS};
use crate::abi::regs::{RAX, STACK_LIMIT, WATCHED};
use crate::abi::sites::SiteKind;
use crate::runtime::activation;
use crate::runtime::debug::frame::{Frame, Stop};
use crate::runtime::debug::state::{DebugState, Step, StepMode};
use crate::runtime::debug::walk::WalkedFrame;
use crate::runtime::debug::{DebugEvent, Resume};
use crate::runtime::instance::instance_of;
use crate::runtime::instance::InstanceData;
use crate::trap::{Trap, TrapKind};
use std::sync::atomic::Ordering;

/// Called by the debug stub at a site whose checks said "maybe". `site` is the defined
/// function's index in the high half and the site's number within the function in the
/// low half; `regs` is the stub's save area (16 GPRs, then 16 xmm), `fp` the stopped
/// frame's rbp. Returns null to resume, or the activation to unwind to (abort).
///
/// # Safety
///
/// Called only by the debug stub of compiled code: `vmctx` is the stopped instance's
/// context, `site` a site of a compiled instrumented version of its module, `regs` the stub's save area and `fp`
/// the rbp of the stopped frame, on a thread inside `call_wasm`.
pub(crate) unsafe extern "C" fn debug_hook(
    vmctx: *mut u8,
    site: u64,
    regs: *mut u64,
    fp: usize,
) -> *const ResumePoint {
    if let Some(access) = crate::abi::watch::WatchedAccess::decode(site) {
        // An access that passed its watch filter (`codegen::watch`): its address is in
        // the saved rax. It never stops here; a hit stops at the next site.
        // SAFETY: called from this instance's code with its own vmctx, `regs` the stub's
        // save area.
        let (instance, addr) = unsafe { (instance_of(vmctx), *regs.add(saved_gpr(RAX))) };
        crate::runtime::debug::watch::code_access(instance, access, addr);
        return std::ptr::null();
    }
    // SAFETY: as this function's own contract.
    let mut unwind_to = unsafe { stop_at_site(vmctx, site, regs, fp) };
    if unwind_to.is_null() {
        // A stop request (`runtime::stop`) ends the call here: a loop that spends its
        // time in this hook (stepping, a breakpoint it keeps hitting) hears of it here,
        // where an interrupt signal would rarely land in its own instructions.
        // SAFETY: called from this instance's code with its own vmctx.
        let stops = unsafe { instance_of(vmctx) }.stops();
        if crate::runtime::interrupt::stop_due(Some(stops)) {
            crate::runtime::interrupt::answer_stops(Some(stops));
            let act = activation::current();
            // SAFETY: the hook runs inside wasm entered through `call_wasm`, whose
            // activation is this thread's current one.
            unsafe {
                (*act).record_host_trap(Trap::new(TrapKind::Interrupted, Vec::new()), fp);
                unwind_to = (*act).resume_point();
            }
        }
    }
    if unwind_to.is_null() {
        // The code resumes with r12's `WATCHED` flag as the instance's debug state now
        // says (the handler may have set or cleared breakpoints: `abi::regs`, "DESIGN:
        // entries through the stack limit"): set while it debugs anything, cleared once
        // it debugs nothing (then no frame needs it).
        // SAFETY: called from this instance's code with its own vmctx; `regs` is the
        // stub's save area, restored into the registers when this returns.
        unsafe {
            let instance = instance_of(vmctx);
            let watched = instance.debug_bits().load(Ordering::Acquire) as u64;
            let r12 = regs.add(saved_gpr(STACK_LIMIT));
            *r12 = (*r12 & !WATCHED) | watched;
        }
        // The handler (or another thread) may have changed function words: callers
        // suspended in plain versions must go on in their instrumented versions.
        // SAFETY: `fp` is the stopped wasm frame of this thread's current activation.
        unsafe { crate::runtime::redirect::redirect_if_changed(fp) };
    }
    unwind_to
}

/// `debug_hook` without the redirection of suspended frames.
///
/// # Safety
///
/// As for `debug_hook`.
unsafe fn stop_at_site(vmctx: *mut u8, site: u64, regs: *mut u64, fp: usize) -> *const ResumePoint {
    // SAFETY: called from this instance's code with its own vmctx.
    let instance = unsafe { instance_of(vmctx) };
    // This thread reached a site: a pending interrupt has done its work (and must not
    // be re-sent while a handler waits, say, for user input).
    crate::runtime::interrupt::acknowledge();
    let Some(state) = crate::runtime::debug::state::attached(instance) else {
        return std::ptr::null();
    };
    let (defined, site) = ((site >> 32) as u32, site as u32);
    let Some(func) = instance
        .module
        .debug
        .as_ref()
        .and_then(|(d, _)| d.get(defined))
    else {
        return std::ptr::null();
    };
    let table = &func.sites;
    let info = *table.site(site);

    let pending = state
        .pending
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    let event = {
        let book = state.book.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = pending {
            // The access was the instruction before this site's (the site follows it).
            let access_offset = (0..site)
                .rev()
                .map(|s| table.site(s))
                .find(|s| s.kind == SiteKind::Instruction && s.offset < info.offset)
                .map_or(info.offset, |s| s.offset);
            Some(DebugEvent::Watchpoint(hit.report(instance, access_offset)))
        } else if state.pause.swap(false, Ordering::AcqRel) {
            Some(DebugEvent::Pause)
        } else if book.site_bit(defined, site) {
            let id = book
                .breakpoints
                .iter()
                .find(|(_, b)| b.func == info.func && b.sites.contains(&site))
                .map(|(id, _)| *id);
            id.map(DebugEvent::Breakpoint)
        } else {
            None
        }
        .or_else(|| {
            let step = book.step?;
            step.ends_at(fp, current_serial())
                .then_some(DebugEvent::Step)
        })
    };
    let Some(event) = event else {
        return std::ptr::null();
    };

    let regs = regs as *mut [u64; SAVE_WORDS];
    let innermost = WalkedFrame::innermost(fp, info.func, info.offset, instance, regs, true);
    let stack: *const [_] = table.stack_of(site);
    // SAFETY: this thread is stopped in the frame `fp` by the debug stub, whose save
    // area is `regs`, until this function returns; the site table belongs to the
    // instance's module, which outlives the stop.
    let mut stop = unsafe { Stop::new(innermost, regs, Some(stack)) };
    let action = run_handler(state, &event, &mut Frame::innermost(&mut stop));
    apply_action(instance, state, action, info.kind, &mut stop)
}

/// The serial of this thread's current activation (`Activation::serial`).
fn current_serial() -> u64 {
    let act = activation::current();
    // SAFETY: a non-null current activation is live further up this thread's stack.
    unsafe { act.as_ref() }.map_or(0, |a| a.serial())
}

/// Calls the handler without holding its lock (it may use the `Debugger` handle).
fn run_handler(state: &DebugState, event: &DebugEvent, frame: &mut Frame<'_>) -> Resume {
    let handler = state
        .handler
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    let Some(mut handler) = handler else {
        return Resume::Continue;
    };
    let action = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handler(event, frame)))
        .unwrap_or(Resume::Abort);
    let mut slot = state.handler.lock().unwrap_or_else(|e| e.into_inner());
    if slot.is_none() {
        *slot = Some(handler);
    }
    action
}

/// Applies the handler's answer at a stop at a site of kind `kind`.
fn apply_action(
    instance: &InstanceData,
    state: &DebugState,
    action: Resume,
    kind: SiteKind,
    stop: &mut Stop,
) -> *const ResumePoint {
    let fp = stop.walk.peek(0).expect("a stop has a frame").fp;
    let serial = current_serial();
    let mode = match action {
        Resume::Continue | Resume::Abort => None,
        Resume::StepInto => Some(StepMode::Into),
        // At its exit the frame is about to return: the next stop of this frame or a
        // caller is in a caller (a frame at the same depth would be another call).
        Resume::StepOver if kind == SiteKind::Exit => Some(StepMode::Out { fp }),
        Resume::StepOver => Some(StepMode::Over { fp }),
        Resume::StepOut => Some(StepMode::Out { fp }),
    };
    // Only functions of this instance on the stack can hold the next stop of this
    // frame or a caller: their every site stops while the step lasts.
    let mut step_funcs = std::collections::BTreeSet::new();
    if matches!(mode, Some(StepMode::Over { .. } | StepMode::Out { .. })) {
        for frame in stop.walk.all() {
            if std::ptr::eq(frame.instance, instance) {
                step_funcs.insert(frame.func);
            }
        }
    }
    let mut book = state.book.lock().unwrap_or_else(|e| e.into_inner());
    book.step_funcs = step_funcs;
    book.step = mode.map(|mode| Step::here(mode, serial));
    state.apply(instance, &mut book);
    drop(book);
    if action == Resume::Abort {
        let act = activation::current();
        // SAFETY: the hook runs inside wasm entered through `call_wasm`.
        unsafe {
            (*act).record_host_trap(Trap::new(TrapKind::DebuggerAbort, Vec::new()), fp);
            return (*act).resume_point();
        }
    }
    std::ptr::null()
}

/// Reports an exception `throw` is throwing to the instance's debug handler, if a
/// debugger asked to stop at throws (`DebugEvent::Throw`). The thread stays where it
/// is: the throw goes on after the handler, whatever it answers (an abort ends the call
/// as the exception would if uncaught).
///
/// # Safety
/// `fp` must be the throwing wasm frame's rbp, `pc` the return address of its call to
/// the throw stub, `vmctx` its instance context and `regs` the throw stub's save area.
pub(crate) unsafe fn report_throw(
    vmctx: *mut u8,
    exception: &Trap,
    pc: usize,
    fp: usize,
    regs: *mut u64,
) {
    // SAFETY: the throw stub passes its own vmctx.
    let instance = unsafe { instance_of(vmctx) };
    let Some(state) = crate::runtime::debug::state::attached(instance) else {
        return;
    };
    if !state.stop_on_throw.load(Ordering::Relaxed) {
        return;
    }
    let Some((func, offset)) =
        crate::code_memory::with_owner(pc, |owner, _| owner.lookup(pc, true)).flatten()
    else {
        return;
    };
    let regs = regs as *mut [u64; SAVE_WORDS];
    let innermost = WalkedFrame::innermost(fp, func, offset, instance, regs, true);
    // SAFETY: this thread is stopped in the throwing frame `fp` by the throw stub, whose
    // save area is `regs`, until this function returns.
    let mut stop = unsafe { Stop::new(innermost, regs, None) };
    let event = DebugEvent::Throw(crate::runtime::debug::ThrownException(exception.clone()));
    run_handler(state, &event, &mut Frame::innermost(&mut stop));
}

/// Reports a trap to the instance's debug handler (if any) before it unwinds.
///
/// # Safety
/// `fp` must be the trapping wasm frame's rbp; `vmctx` its instance context.
/// `regs` is the trap stub's register save area (16 GPRs, then 16 xmm).
pub(crate) unsafe fn report_trap(vmctx: *mut u8, trap: &Trap, fp: usize, regs: *mut u64) {
    // SAFETY: trap stubs pass their own vmctx.
    let instance = unsafe { instance_of(vmctx) };
    let Some(state) = crate::runtime::debug::state::attached(instance) else {
        return;
    };
    let Some(top) = trap.backtrace().first() else {
        return;
    };
    // A stack overflow traps in the prologue, before the frame is built.
    let built = trap.kind() != TrapKind::StackOverflow;
    let regs = regs as *mut [u64; SAVE_WORDS];
    let innermost =
        WalkedFrame::innermost(fp, top.func_index, top.module_offset, instance, regs, built);
    // SAFETY: this thread is stopped in the trapping frame `fp` by the trap stub, whose
    // save area is `regs`, until this function returns.
    let mut stop = unsafe { Stop::new(innermost, regs, None) };
    let event = DebugEvent::Trap(trap.clone());
    run_handler(state, &event, &mut Frame::innermost(&mut stop));
    // A hit that the trap overtook (an access that passed the check and then faulted)
    // is not reported at a later call's first site.
    *state.pending.lock().unwrap_or_else(|e| e.into_inner()) = None;
    let mut book = state.book.lock().unwrap_or_else(|e| e.into_inner());
    book.step = None;
    book.step_funcs.clear();
    state.apply(instance, &mut book);
}
