//! SIGSEGV/SIGBUS handling: a fault whose pc lies inside registered wasm code, on a thread
//! that is running wasm, is an out-of-bounds memory access (guard pages). The handler
//! records the trap in the thread's activation and resumes at the activation's entry
//! trampoline. Every other fault is passed on to the previously installed handler.

use crate::code_memory;
use crate::runtime::activation;
use crate::runtime::trap::TrapKind;
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
    if !act.is_null() && code_memory::is_wasm_pc(pc) {
        let fp = gregs[libc::REG_RBP as usize] as usize;
        // SAFETY: `act` is this thread's live activation; the fault is in a wasm function
        // body, whose rbp is its frame pointer. Recording does not allocate.
        unsafe {
            let act = &mut *act;
            act.record_trap(TrapKind::MemoryOutOfBounds, pc, false, fp);
            // Resume as if the trampoline's call returned.
            let resume = act.resume_rsp;
            gregs[libc::REG_RIP as usize] = *(resume as *const usize) as i64;
            gregs[libc::REG_RSP as usize] = (resume + 8) as i64;
            gregs[libc::REG_RBP as usize] = act.resume_rbp as i64;
        }
        return;
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
