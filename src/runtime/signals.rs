//! Signal handling.
//!
//! SIGSEGV/SIGBUS: a fault whose pc lies inside registered wasm code, on a thread that is
//! running wasm, is an out-of-bounds memory access (guard pages). The handler only
//! redirects the thread into the module's out-of-bounds trap stub, so every trap takes
//! the same path (see `compiler::module`, "DESIGN: traps"). Every other fault is passed
//! on to the previously installed handler.
//!
//! A fault on a page protected for a watchpoint (`runtime::watched_pages`, "DESIGN:
//! watched pages") is not a trap: in a debuggable module's plain code it goes to the
//! host, elsewhere the instruction is let through once, and SIGTRAP after it restores the
//! protection.
//!
//! SIGURG: an interrupt (see `runtime::interrupt`): if one is pending for the thread and
//! it is in wasm code, the handler sets r12 (the stack limit) to the top of the address
//! space so the thread's next stack check takes its slow path, or, in a loop compiled
//! without a check of a module without debugging, with a stop request due, sends the
//! thread into its module's `Interrupted` trap stub. Other SIGURGs go to the previously installed handler.

use crate::code_memory;
use crate::runtime::{activation, interrupt, watched_pages};
use std::sync::OnceLock;

/// The handlers that were installed before ours, for faults that are not ours.
struct Previous {
    segv: libc::sigaction,
    bus: libc::sigaction,
    urg: libc::sigaction,
    trap: libc::sigaction,
}

// SAFETY: written once before our handler is installed, read-only afterwards.
unsafe impl Sync for Previous {}
// SAFETY: as above.
unsafe impl Send for Previous {}

static PREVIOUS: OnceLock<Previous> = OnceLock::new();

/// Installs the handlers once per process.
pub(crate) fn install_handlers() {
    PREVIOUS.get_or_init(|| {
        // SAFETY: plain sigaction calls with fully initialized actions. The previous
        // actions are read first and published (by `get_or_init`) before any fault can
        // reach our handler, which only reads them.
        unsafe {
            let mut previous = Previous {
                segv: std::mem::zeroed(),
                bus: std::mem::zeroed(),
                urg: std::mem::zeroed(),
                trap: std::mem::zeroed(),
            };
            libc::sigaction(libc::SIGSEGV, std::ptr::null(), &mut previous.segv);
            libc::sigaction(libc::SIGBUS, std::ptr::null(), &mut previous.bus);
            libc::sigaction(interrupt::SIGNAL, std::ptr::null(), &mut previous.urg);
            libc::sigaction(libc::SIGTRAP, std::ptr::null(), &mut previous.trap);
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = handler as *const () as usize;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_NODEFER | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGSEGV, &action, std::ptr::null_mut());
            libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
            let mut urg: libc::sigaction = std::mem::zeroed();
            urg.sa_sigaction = interrupt_handler as *const () as usize;
            urg.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_RESTART;
            libc::sigemptyset(&mut urg.sa_mask);
            libc::sigaction(interrupt::SIGNAL, &urg, std::ptr::null_mut());
            let mut trap: libc::sigaction = std::mem::zeroed();
            trap.sa_sigaction = step_handler as *const () as usize;
            trap.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut trap.sa_mask);
            libc::sigaction(libc::SIGTRAP, &trap, std::ptr::null_mut());
            previous
        }
    });
}

/// The SIGSEGV/SIGBUS handler: claims faults at a load or store in wasm code (a guard
/// page hit) and chains everything else.
///
/// # Safety
///
/// Installed by `install` with `SA_SIGINFO`; only the kernel calls it.
unsafe extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid ucontext for SA_SIGINFO handlers.
    let uc = unsafe { &mut *(ctx as *mut libc::ucontext_t) };
    let gregs = &mut uc.uc_mcontext.gregs;
    let pc = gregs[libc::REG_RIP as usize] as usize;
    let act = activation::current();
    if !act.is_null() {
        // SAFETY: the kernel fills si_addr for SIGSEGV and SIGBUS.
        let addr = unsafe { (*info).si_addr() } as usize;
        let entries = code_memory::signal_entries_for(pc);
        let run = watched_pages::run_at(addr);
        if entries.is_some() && run == Some(watched_pages::Run::Retired) {
            // A page whose watchpoint was cleared after this access faulted on it: it is
            // accessible now, or will be as soon as the clearing thread unprotects it
            // (runs are retired first); the instruction runs again.
            return;
        }
        if let (Some(entries), Some(watched_pages::Run::Live(_))) = (entries, run) {
            // A watched page ("DESIGN: watched pages"): the page-fault error code's bit 1
            // says the access writes.
            let write = gregs[libc::REG_ERR as usize] & 2 != 0;
            if entries.watch_stub == 0
                || watched_pages::mid_step()
                || watched_pages::step_requested(pc)
            {
                watched_pages::step_over(addr, &mut gregs[libc::REG_EFL as usize]);
            } else {
                // Plain code of a debuggable module: ask the host through the transfer
                // stub, as if the faulting instruction had called it (its return address
                // is the instruction itself, which runs again where the host says).
                watched_pages::note_fault(pc, addr, write);
                let rsp = gregs[libc::REG_RSP as usize] as usize - 8;
                // SAFETY: as for the trap stub below.
                unsafe { *(rsp as *mut usize) = pc };
                gregs[libc::REG_RSP as usize] = rsp as i64;
                gregs[libc::REG_RIP as usize] = entries.watch_stub as i64;
            }
            return;
        }
        if let Some(stub) = entries.map(|e| e.fault_stub) {
            // A load or store in a wasm body touched a guard page: continue as if that
            // instruction had called the module's out-of-bounds trap stub, which records
            // the trap (and reports it to a debugger) in normal context and unwinds.
            // Wasm bodies keep nothing below rsp, so the pushed address overwrites nothing.
            let rsp = gregs[libc::REG_RSP as usize] as usize - 8;
            // SAFETY: the faulting thread's stack is mapped below its rsp (the wasm stack
            // limit keeps a margin), and this thread is the one running the handler.
            unsafe { *(rsp as *mut usize) = pc + 1 };
            gregs[libc::REG_RSP as usize] = rsp as i64;
            gregs[libc::REG_RIP as usize] = stub as i64;
            return;
        }
    }
    // Not ours: hand it to whoever was installed before.
    // SAFETY: forwarding the kernel's arguments unchanged.
    unsafe { chain(sig, info, ctx) };
}

/// The SIGTRAP handler: after an instruction let through a watched page, protects the
/// page again (`watched_pages::end_step`); a thread being stepped to a loop head moves on
/// (`interrupt::stepped`); chains every other trap.
///
/// # Safety
///
/// Installed by `install` with `SA_SIGINFO`; only the kernel calls it.
unsafe extern "C" fn step_handler(
    sig: libc::c_int,
    info: *mut libc::siginfo_t,
    ctx: *mut libc::c_void,
) {
    // SAFETY: the kernel passes a valid ucontext for SA_SIGINFO handlers.
    let uc = unsafe { &mut *(ctx as *mut libc::ucontext_t) };
    let gregs = &mut uc.uc_mcontext.gregs;
    let watched = watched_pages::end_step(&mut gregs[libc::REG_EFL as usize]);
    let (mut pc, mut eflags) = (gregs[libc::REG_RIP as usize], gregs[libc::REG_EFL as usize]);
    let looped = interrupt::stepped(&mut pc, &mut eflags);
    gregs[libc::REG_RIP as usize] = pc;
    gregs[libc::REG_EFL as usize] = eflags;
    if !watched && !looped {
        // SAFETY: forwarding the kernel's arguments unchanged.
        unsafe { chain(sig, info, ctx) };
    }
}

/// The interrupt signal's handler: in wasm code, makes the next stack check fail.
///
/// # Safety
///
/// Installed by `install` with `SA_SIGINFO`; only the kernel calls it.
unsafe extern "C" fn interrupt_handler(
    sig: libc::c_int,
    info: *mut libc::siginfo_t,
    ctx: *mut libc::c_void,
) {
    // SAFETY: the kernel passes a valid ucontext for SA_SIGINFO handlers.
    let uc = unsafe { &mut *(ctx as *mut libc::ucontext_t) };
    let gregs = &mut uc.uc_mcontext.gregs;
    let pc = gregs[libc::REG_RIP as usize] as usize;
    let vmctx = gregs[libc::REG_R15 as usize] as usize;
    match interrupt::take_signal(pc, vmctx) {
        // In a loop without a check, stopped: continue as if the instruction at pc had
        // called the stub (`runtime::interrupt`, "DESIGN: interrupts in loops without
        // calls"); such a loop keeps nothing below rsp.
        interrupt::Landing::StopAt(stub) => {
            let rsp = gregs[libc::REG_RSP as usize] as usize - 8;
            // SAFETY: the thread's stack is mapped below its rsp (the wasm stack limit
            // keeps a margin), and this thread is the one running the handler.
            unsafe { *(rsp as *mut usize) = pc + 1 };
            gregs[libc::REG_RSP as usize] = rsp as i64;
            gregs[libc::REG_RIP as usize] = stub as i64;
        }
        // In wasm code, r12 holds the stack limit; all ones fails the next check.
        interrupt::Landing::NextCheck => gregs[libc::REG_R12 as usize] = -1,
        // In a loop without a check of a debuggable module: the same, and the loop's
        // heads are where a check would be, reached by single steps.
        interrupt::Landing::StepToHead => {
            gregs[libc::REG_R12 as usize] = -1;
            interrupt::step_to_head(&mut gregs[libc::REG_EFL as usize]);
        }
        // At such a head: continue as if its check had failed.
        interrupt::Landing::SlowPath(slow_path) => {
            gregs[libc::REG_R12 as usize] = -1;
            gregs[libc::REG_RIP as usize] = slow_path as i64;
        }
        // Elsewhere (host code, trampolines): the requester sends again.
        interrupt::Landing::Elsewhere => {}
        // SAFETY: forwarding the kernel's arguments unchanged.
        interrupt::Landing::NotOurs => unsafe { chain(sig, info, ctx) },
    }
}

/// Hands a signal that is not ours to the handler installed before ours.
///
/// # Safety
///
/// Call only from one of our signal handlers, with the arguments the kernel passed it.
unsafe fn chain(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    let Some(previous) = PREVIOUS.get() else {
        // SAFETY: resetting a signal disposition is always allowed.
        unsafe { libc::signal(sig, libc::SIG_DFL) };
        return;
    };
    let prev = match sig {
        libc::SIGBUS => &previous.bus,
        libc::SIGTRAP => &previous.trap,
        interrupt::SIGNAL => &previous.urg,
        _ => &previous.segv,
    };
    if prev.sa_sigaction == libc::SIG_DFL || prev.sa_sigaction == libc::SIG_IGN {
        // SIGURG is ignored by default: nothing to do. For a fault, restore the default
        // action and return: the fault repeats and kills the process.
        if sig != interrupt::SIGNAL {
            // SAFETY: resetting a signal disposition is always allowed.
            unsafe {
                libc::signal(sig, libc::SIG_DFL);
            }
        }
    } else if prev.sa_flags & libc::SA_SIGINFO != 0 {
        // SAFETY: the previous handler was installed with SA_SIGINFO, so it has this type.
        let f: unsafe extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
            unsafe { std::mem::transmute(prev.sa_sigaction) };
        // SAFETY: the arguments are the kernel's, passed on unchanged to the handler that
        // would have received them had ours not been installed.
        unsafe { f(sig, info, ctx) };
    } else {
        // SAFETY: a handler installed without SA_SIGINFO takes only the signal number.
        let f: unsafe extern "C" fn(libc::c_int) =
            unsafe { std::mem::transmute(prev.sa_sigaction) };
        // SAFETY: as above, with the one argument such a handler takes.
        unsafe { f(sig) };
    }
}
