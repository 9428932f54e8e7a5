//! Exception handling at run time: tags, exception objects, and the unwinder that finds
//! the handler of a thrown exception.
//!
//! // DESIGN: exceptions
//! A tag is a `TagData` on the heap; its address is its identity. An instance's vmctx
//! holds one word per tag (`VmCtxLayout::tag`), the address of a tag it defines or
//! imports, so that code compares identities with one load.
//!
//! A thrown exception is an `ExnObject` (its tag's address and a pointer to its payload,
//! packed by units as an argument area is: `abi::frame::area_offsets`); an `exnref`
//! value is its address. `throw` stores its payload in the outgoing area and calls the
//! chunk's throw stub (`compiler::codegen::stubs`), which saves every register and calls
//! the `throw` libcall; `throw_ref` and a landing pad that catches nothing call it with
//! the object. The libcall walks the frames of the current activation from the thrower
//! out (`runtime::frame_chain::caller_of`, over tail-call frames): the first return
//! address that has a landing pad (`CodeOwner::landing_pad`: a call made inside a
//! `try_table` or `try` with handlers, in the function that made it) is where the
//! exception goes; the libcall returns its `Landing` and the stub jumps there with the
//! frame's rbp and the object in rax. The landing pad (compiled code) rebuilds the
//! frame's state: rsp from rbp and the frame size, the vmctx from the frame (a
//! function with handlers stores it at `VMCTX_SAVE` in its prologue), the memory base,
//! r12's flags, r13; then it tests its clauses in order, and a clause that matches
//! branches to its label with the payload (and the exnref); none matching, the next
//! enclosing handler of the function is tried, and past the outermost the exception is
//! thrown on from the frame (`throw_ref` again).
//!
//! Callee-saved registers are not restored by the unwinder: a function with handlers
//! pins no local, and saves every callee-saved register in its prologue (restoring them
//! in its epilogue), so nothing it or its callers need lives in a register a skipped
//! frame may have changed (`compiler::codegen::shape`, `BodyShape::handlers`).
//!
//! No handler in the activation: the exception leaves wasm as a `Trap` carrying it
//! (`TrapKind::UncaughtException`), recorded in the activation with the thrower's
//! backtrace, and the stub returns to the entry trampoline's resume point, as a trap
//! does. A host function that returns such a trap (or one of its own,
//! `Trap::throw`) throws it on into the wasm that called it: the host-call trampoline
//! jumps to the `Landing` that `unwind` finds from the host call's return address.
//!
//! Objects are freed without a collector: a caught exception whose clause gives wasm no
//! reference (`catch`, `catch_all`) is dead once its landing pad has copied the payload,
//! so it is freed when the thread's next exception reaches a landing pad (the one
//! pending at a time is kept in `DELIVERED`). One handed to wasm as an `exnref`
//! (`catch_ref`, `catch_all_ref`, a legacy `catch`, which `rethrow` may throw again) is
//! marked exposed by its landing pad and never freed, as an externref's cell is not:
//! without a collector, nothing tells when wasm drops the reference.
//!
//! Tests: `tests/exceptions.rs` (every clause, across instances and host functions,
//! through instrumented versions and tail-call frames, the object lifetimes), the
//! `exceptions` spec suite in every configuration.

use crate::abi::exceptions::ExnHeader;
use crate::abi::frame::{area_units, Landing};
use crate::code_memory::{is_wasm_pc, with_owner};
use crate::runtime::activation;
use crate::runtime::frame_chain::caller_of;
pub(crate) use crate::runtime::tag::TagData;
use crate::trap::Trap;
use std::any::Any;
use std::cell::Cell;
use std::sync::Arc;

/// A thrown exception as the host keeps it: its tag and its payload's raw units (packed
/// by `area_offsets` of the tag's parameters), and whatever keeps the references among
/// them alive.
#[derive(Debug)]
pub(crate) struct Thrown {
    pub tag: Arc<TagData>,
    pub units: Box<[u64]>,
    pub _owners: Vec<Arc<dyn Any + Send + Sync>>,
}

/// An exception object: what compiled code reads (`abi::exceptions::ExnHeader`; an
/// `exnref` is its address) and the exception it stands for. A landing pad that hands
/// wasm a reference sets `header.exposed`: the object is never freed then.
#[repr(C)]
pub(crate) struct ExnObject {
    pub header: ExnHeader,
    pub thrown: Arc<Thrown>,
}

impl ExnObject {
    /// A new object for `thrown`, on the heap (its address is the exnref).
    pub fn boxed(thrown: Arc<Thrown>) -> *mut ExnObject {
        Box::into_raw(Box::new(ExnObject {
            header: ExnHeader {
                tag: Arc::as_ptr(&thrown.tag).cast(),
                payload: thrown.units.as_ptr(),
                exposed: 0,
            },
            thrown,
        }))
    }

    /// Whether a landing pad handed wasm a reference to it.
    fn exposed(&self) -> bool {
        self.header.exposed != 0
    }
}

thread_local! {
    /// The exception this thread last delivered to a landing pad (see the design).
    static DELIVERED: Cell<*mut ExnObject> = const { Cell::new(std::ptr::null_mut()) };
}

/// Frees `exn` unless a landing pad exposed it.
///
/// # Safety
/// `exn` must be a live object no landing pad is still reading.
unsafe fn release(exn: *mut ExnObject) {
    // SAFETY: per the contract.
    if !exn.is_null() && unsafe { !(*exn).exposed() } {
        // SAFETY: made by `ExnObject::boxed`, referenced by nothing else.
        drop(unsafe { Box::from_raw(exn) });
    }
}

/// Marks `exn` as delivered to a landing pad, freeing the previous one if nothing can
/// reach it any more.
fn deliver(exn: *mut ExnObject) {
    let previous = DELIVERED.with(|d| d.replace(exn));
    if previous != exn {
        // SAFETY: the previous landing pad finished with it (this thread is throwing
        // again), and unexposed objects have no other reference.
        unsafe { release(previous) };
    }
}

/// The raw payload of `tag`'s exception from an argument area at `args`.
///
/// # Safety
/// `args` must hold `area_units(tag.ty.params())` units.
pub(crate) unsafe fn payload_from_area(tag: &TagData, args: *const u64) -> Box<[u64]> {
    let units = area_units(tag.ty.params()) as usize;
    // SAFETY: per the contract.
    unsafe { std::slice::from_raw_parts(args, units) }.into()
}

/// A throw from compiled code: the thrower's vmctx and the throw stub's save area (the
/// registers a debugger reads at an uncaught exception).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Thrower {
    pub vmctx: *mut u8,
    pub save: *mut u64,
}

/// Sends `exn`, thrown at `pc` (a return address in the frame whose rbp is `fp`), to the
/// nearest handler in the current activation, or out of it as a trap. `rsp` is below
/// every frame the walk may land in. Returns where to jump (`abi::frame::Landing`).
///
/// # Safety
/// The thread must be running wasm inside an activation, `fp`'s rbp chain intact up to
/// its entry trampoline, and `exn` a live object.
pub(crate) unsafe fn unwind(
    exn: *mut ExnObject,
    pc: usize,
    fp: usize,
    rsp: usize,
    thrower: Option<Thrower>,
) -> *const Landing {
    let act = activation::current();
    let (thrower_pc, thrower_fp) = (pc, fp);
    let (mut pc, mut fp) = (pc, fp);
    loop {
        if let Some(pad) = with_owner(pc, |owner, _| owner.landing_pad(pc)).flatten() {
            deliver(exn);
            // SAFETY: per the contract, the activation is live.
            return unsafe {
                (*act).land(Landing {
                    rsp,
                    rbp: fp,
                    pc: pad,
                    exn: exn as usize,
                })
            };
        }
        // SAFETY: wasm frames keep an rbp chain, per the contract.
        let caller = unsafe { caller_of(fp) };
        if !is_wasm_pc(caller.ret) {
            break;
        }
        (pc, fp) = (caller.ret, caller.fp);
    }
    // SAFETY: per the contract.
    let thrown = unsafe { (*exn).thrown.clone() };
    // SAFETY: no landing pad reads it; unexposed, it has no other reference.
    unsafe { release(exn) };
    DELIVERED.with(|d| {
        if d.get() == exn {
            d.set(std::ptr::null_mut());
        }
    });
    let trap = Trap::uncaught_exception(thrown as Arc<dyn Any + Send + Sync>);
    // SAFETY: as above; the activation records the thrower's backtrace.
    let landing = unsafe { (*act).uncaught(trap.clone(), thrower_pc, thrower_fp) };
    if let Some(Thrower { vmctx, save }) = thrower {
        // A debugger attached to the thrower's instance stops at an uncaught exception
        // as at a trap: the event is `Trap`, of kind `UncaughtException`.
        // SAFETY: the thread is stopped in the throw stub, whose save area is `save`,
        // called from the frame `thrower_fp` of `vmctx`'s instance.
        unsafe {
            let trap = trap.with_backtrace((*act).backtrace());
            crate::runtime::debug::hook::report_trap(vmctx, &trap, thrower_fp, save);
        }
    }
    landing
}

/// Throws `trap`'s exception (a host function's error that carries one) into the wasm
/// frame that called the host-call trampoline whose rbp is `fp`.
///
/// # Safety
/// As `unwind`'s, with `fp` the host-call trampoline's frame of the current activation.
pub(crate) unsafe fn rethrow_from_host(thrown: Arc<Thrown>, fp: usize) -> *const Landing {
    // SAFETY: per the contract: the trampoline's caller is a wasm frame.
    let caller = unsafe { caller_of(fp) };
    // SAFETY: as above; the trampoline's frame lies below its caller's.
    unsafe { unwind(ExnObject::boxed(thrown), caller.ret, caller.fp, fp, None) }
}

/// The return address of the throw stub's caller, above the stub's save area `save`.
///
/// # Safety
/// `save` must be the throw stub's save area.
pub(crate) unsafe fn thrower_pc(save: *mut u64) -> usize {
    // SAFETY: the stub reserved `SAVE_AREA + 8` bytes below its return address.
    unsafe {
        *(save
            .cast::<u8>()
            .add(crate::abi::frame::SAVE_AREA as usize + 8) as *const usize)
    }
}

/// The `throw_ref` libcall: throws the (non-null) exception object `exn` again.
///
/// # Safety
/// As `throw_libcall`'s, with `exn` a live exception object.
pub(crate) unsafe extern "C" fn throw_ref_libcall(
    vmctx: *mut u8,
    exn: u64,
    _args: *const u64,
    save: *mut u64,
    fp: usize,
) -> *const Landing {
    let thrower = Thrower { vmctx, save };
    // SAFETY: per the contract.
    unsafe {
        unwind(
            exn as *mut ExnObject,
            thrower_pc(save),
            fp,
            save as usize,
            Some(thrower),
        )
    }
}
