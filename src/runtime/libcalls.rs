//! Host helpers that compiled code calls through the table `vmctx.libcalls` points to
//! (process addresses never appear in code: `docs/architecture.md`, invariant 1).

use crate::abi::frame::{saved_gpr, Landing, ResumePoint};
use crate::abi::libcalls::Libcalls;
use crate::abi::regs::RCX;
use crate::runtime::activation;
use crate::runtime::exceptions::{
    payload_from_area, thrower_pc, unwind, ExnObject, Thrower, Thrown,
};
use crate::runtime::instance::instance_of;
use crate::trap::{Trap, TrapKind};
use std::sync::atomic::Ordering;
use std::sync::Arc;

pub(crate) static LIBCALLS: Libcalls = Libcalls {
    trap: trap_libcall,
    memory_grow: memory_grow_libcall,
    debug_hook: crate::runtime::debug::hook::debug_hook,
    helpers: crate::runtime::bulk::HELPER_FNS,
    interrupt: crate::runtime::interrupt::interrupt_libcall,
    transfer: transfer_libcall,
    throw: throw_libcall,
    throw_ref: crate::runtime::exceptions::throw_ref_libcall,
    tail_return: &crate::runtime::frame_chain::TAIL_RETURN,
};

/// Records a trap raised by a trap stub and returns the activation to resume.
///
/// # Safety
///
/// Called only by a trap stub of compiled code: `vmctx` is the trapping instance's
/// context, `pc` and `fp` the trapping instruction and its frame's rbp, `regs` the stub's
/// save area (`abi::frame::SAVE_AREA`), and the thread is inside `call_wasm`.
/// The `transfer` libcall: the transfer stub's return address is a plain version's
/// transfer path (`runtime::redirect::transfer_libcall`), or a load or store that faulted
/// on a watched page, which the signal handler sent there ("DESIGN: watched pages" in
/// `runtime::watched_pages`): then the host moves the frame into the instrumented version
/// at that access, or has the access let through.
///
/// # Safety
///
/// As `runtime::redirect::transfer_libcall`.
unsafe extern "C" fn transfer_libcall(vmctx: *mut u8, return_slot: *mut usize) {
    // SAFETY: the stub passes its own return address slot, on this thread's stack.
    let returned = unsafe { *return_slot };
    let Some((addr, write)) = crate::runtime::watched_pages::take_fault(returned) else {
        // SAFETY: as this function's own contract.
        return unsafe { crate::runtime::redirect::transfer_libcall(vmctx, return_slot) };
    };
    // The stub's save area lies right below its return address slot.
    let save = return_slot
        .cast::<u8>()
        .wrapping_sub((crate::abi::frame::SAVE_AREA + 8) as usize)
        .cast::<u64>();
    // SAFETY: called from this instance's code with its own vmctx; the transfer stub
    // saved every register of the faulting frame in `save`.
    let resume = unsafe {
        crate::runtime::debug::watch::enter_at_fault(
            instance_of(vmctx),
            returned,
            addr,
            write,
            save,
        )
    };
    match resume {
        // SAFETY: the stub returns there with the registers as now in the save area.
        Some(resume) => unsafe { *return_slot = resume },
        None => crate::runtime::watched_pages::request_step(returned),
    }
}

unsafe extern "C" fn trap_libcall(
    vmctx: *mut u8,
    kind: u32,
    pc: usize,
    fp: usize,
    regs: *mut u64,
) -> *const ResumePoint {
    let act = activation::current();
    // SAFETY: trap stubs run only inside wasm entered through `call_wasm`, so the thread
    // has a live activation; `pc`/`fp` describe the trapping wasm frame.
    unsafe {
        // Codes come from the trap stubs and host helpers, which name `TrapKind`s; an
        // unknown one would be a bug of ours, reported as a host error rather than lost.
        let kind = TrapKind::from_code(kind).unwrap_or(TrapKind::Host);
        (*act).record_trap(kind, pc, true, fp);
        match kind {
            TrapKind::Interrupted => {
                crate::runtime::interrupt::answer_stops(Some(instance_of(vmctx).stops()))
            }
            // The payment that failed borrowed: nothing is left ("DESIGN: fuel").
            TrapKind::OutOfFuel => instance_of(vmctx).fuel().store(0, Ordering::Relaxed),
            _ => {}
        }
        // The one trap whose message names a value: `call_indirect` holds the table
        // index in rcx when it finds the entry null (`codegen::calls`), and the stub
        // saved rcx in the save area.
        let element =
            (kind == TrapKind::UninitializedElement).then(|| *regs.add(saved_gpr(RCX)) as u32);
        (*act).set_trap_element(element);
        if crate::runtime::debug::state::attached(instance_of(vmctx)).is_some() {
            let trap = Trap::with_element(kind, element, (*act).backtrace());
            crate::runtime::debug::hook::report_trap(vmctx, &trap, fp, regs);
        }
        (*act).resume_point()
    }
}

/// `memory.grow`: returns the old size in pages, or u32::MAX (-1) on failure.
///
/// # Safety
///
/// Called only by compiled code with its own instance's `vmctx`.
unsafe extern "C" fn memory_grow_libcall(vmctx: *mut u8, delta: u32) -> u32 {
    // SAFETY: called from this instance's code with its own vmctx.
    crate::runtime::bulk::grow(unsafe { instance_of(vmctx) }, 0, delta as u64)
        .map_or(u32::MAX, |old| old as u32)
}

/// The `throw` libcall: a new exception of tag `tag` (an index of the instance's tags)
/// whose payload is in the area at `args`, sent on by `unwind`.
///
/// # Safety
/// Called only by the throw stub of this instance's code (`save` its save area, `fp`
/// the thrower's rbp), inside an activation.
unsafe extern "C" fn throw_libcall(
    vmctx: *mut u8,
    tag: u64,
    args: *const u64,
    save: *mut u64,
    fp: usize,
) -> *const Landing {
    // SAFETY: called from this instance's code with its own vmctx.
    let instance = unsafe { instance_of(vmctx) };
    let tag = instance.tag(tag as u32).clone();
    // SAFETY: the code stored the tag's payload in its outgoing area, at `args`.
    let units = unsafe { payload_from_area(&tag, args) };
    let thrown = Arc::new(Thrown {
        tag,
        units,
        _owners: Vec::new(),
    });
    if crate::runtime::debug::state::attached(instance).is_some() {
        let exception =
            Trap::uncaught_exception(thrown.clone() as Arc<dyn std::any::Any + Send + Sync>);
        // SAFETY: the throw stub called this from the frame `fp` of this instance, its
        // save area `save` alive until the stub goes on.
        unsafe {
            crate::runtime::debug::hook::report_throw(vmctx, &exception, thrower_pc(save), fp, save)
        };
    }
    // SAFETY: per the contract; the save area lies below the thrower's frame.
    unsafe {
        unwind(
            ExnObject::boxed(thrown),
            thrower_pc(save),
            fp,
            save as usize,
            Some(Thrower { vmctx, save }),
        )
    }
}
