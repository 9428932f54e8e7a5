//! SIGSEGV/SIGBUS handling: a fault whose pc lies inside registered wasm code, on a thread
//! that is running wasm, is an out-of-bounds memory access (guard pages). The handler only
//! redirects the thread into the module's out-of-bounds trap stub, so every trap takes
//! the same path (see `compiler::module`, "DESIGN: traps"). Every other fault is passed
//! on to the previously installed handler.

use crate::code_memory;
use crate::runtime::activation;
use std::mem::MaybeUninit;
use std::sync::Once;

static INSTALL: Once = Once::new();
static mut PREV_SEGV: MaybeUninit<libc::sigaction> = MaybeUninit::uninit();
static mut PREV_BUS: MaybeUninit<libc::sigaction> = MaybeUninit::uninit();

/// Installs the handlers once per process.
pub(crate) fn install_handlers() {
    INSTALL.call_once(|| {
        // SAFETY: plain sigaction calls with a fully initialized action; the previous
        // actions are stored before any fault can reach our handler through them.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = handler as usize;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_NODEFER | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(
                libc::SIGSEGV,
                &action,
                (&raw mut PREV_SEGV).cast::<libc::sigaction>(),
            );
            libc::sigaction(
                libc::SIGBUS,
                &action,
                (&raw mut PREV_BUS).cast::<libc::sigaction>(),
            );
        }
    });
}

unsafe extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid ucontext for SA_SIGINFO handlers.
    let uc = unsafe { &mut *(ctx as *mut libc::ucontext_t) };
    let gregs = &mut uc.uc_mcontext.gregs;
    let pc = gregs[libc::REG_RIP as usize] as usize;
    let act = activation::current();
    if !act.is_null() {
        if let Some(stub) = code_memory::fault_stub_for(pc) {
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
    // SAFETY: PREV_* were initialized by `install_handlers` before this handler existed.
    let prev = unsafe {
        if sig == libc::SIGBUS {
            (*(&raw const PREV_BUS)).assume_init_ref()
        } else {
            (*(&raw const PREV_SEGV)).assume_init_ref()
        }
    };
    if prev.sa_sigaction == libc::SIG_DFL || prev.sa_sigaction == libc::SIG_IGN {
        // Restore the default action and return: the fault repeats and kills the process.
        // SAFETY: resetting a signal disposition is always allowed.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
        }
    } else if prev.sa_flags & libc::SA_SIGINFO != 0 {
        // SAFETY: the previous handler was installed with SA_SIGINFO, so it has this type.
        let f: unsafe extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
            unsafe { std::mem::transmute(prev.sa_sigaction) };
        unsafe { f(sig, info, ctx) };
    } else {
        // SAFETY: a handler installed without SA_SIGINFO takes only the signal number.
        let f: unsafe extern "C" fn(libc::c_int) = unsafe { std::mem::transmute(prev.sa_sigaction) };
        unsafe { f(sig) };
    }
}
