//! The process-wide registry of code mappings: "is this pc inside wasm code?" for the
//! signal handler (lock-free, from an immutable snapshot published through an atomic
//! pointer) and "which module owns this pc?" for backtraces and the debugger (under a
//! lock, never from a signal handler).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Mutex;

/// What a return address in wasm code says about the frame it returns to: a caller
/// suspended in a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CallerPoint {
    /// The caller's function index.
    pub func: u32,
    /// Module byte offset of the call.
    pub offset: u32,
    /// Whether the call switched to another context (an imported function, a table
    /// entry of another instance): then the caller's own vmctx is in its frame at
    /// `abi::frame::VMCTX_SAVE`; otherwise the caller runs in its callee's instance.
    /// `None` in a module compiled without debug instrumentation, which records no
    /// contexts.
    pub switches_context: Option<bool>,
}

/// Something registered code ranges map back to (a compiled module's metadata).
pub(crate) trait CodeOwner: Send + Sync {
    /// The caller suspended at `return_address` (in this owner's code).
    fn caller_point(&self, return_address: usize) -> Option<CallerPoint>;
    /// Returns (function index, module byte offset) for a pc inside this owner's code.
    /// `is_return_address` says the pc follows a call (look up pc - 1).
    fn lookup(&self, pc: usize, is_return_address: bool) -> Option<(u32, u32)>;
    /// The function's name from the name section, if any, demangled (`names`).
    fn func_name(&self, index: u32) -> Option<String>;
    /// If `return_address` follows a call from a plain version to wasm code, where the
    /// instrumented version goes on instead (`runtime::redirect`).
    fn instrumented_return(&self, _return_address: usize) -> Option<usize> {
        None
    }
    /// If `return_address` follows a call made inside a `try_table` or `try` with
    /// handlers, the landing pad of its innermost one (`runtime::exceptions`, "DESIGN:
    /// exceptions").
    fn landing_pad(&self, return_address: usize) -> Option<usize>;
}

/// The landing pad `pads` ((return address, landing pad) code offsets sorted by return
/// address) gives `offset`, as an absolute address in code starting at `start`.
pub(crate) fn find_landing_pad(pads: &[(u32, u32)], start: usize, offset: u32) -> Option<usize> {
    let i = pads.binary_search_by_key(&offset, |(r, _)| *r).ok()?;
    Some(start + pads[i].1 as usize)
}

/// Where the signal handlers send a thread in one registered range of code.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SignalEntries {
    /// Where memory faults resume (an absolute address).
    pub fault_stub: usize,
    /// Where the interrupt signal sends a thread it stops in a loop without a check (an
    /// absolute address; `runtime::interrupt`, "DESIGN: interrupts in loops without
    /// calls").
    pub stop_stub: usize,
    /// Those loops' code: (start, end) offsets from the range's start, sorted, as the
    /// address and length of a slice the owner keeps alive while it is registered.
    interruptible: (usize, usize),
    /// In a debuggable module, the heads of those loops: (head, slow path) offsets from
    /// the range's start, sorted by head, as the address and length of a slice the owner
    /// keeps alive while it is registered.
    loop_heads: (usize, usize),
    /// Where a fault on a watched page goes to ask the host (the transfer stub of a
    /// debuggable module's plain code, an absolute address; 0: nowhere, the access is
    /// let through: `runtime::watched_pages`, "DESIGN: watched pages").
    pub watch_stub: usize,
}

impl SignalEntries {
    /// Entries of code with loops without a check: `interruptible` and `loop_heads` must
    /// stay alive and unchanged while the code is registered (the owner holds them).
    pub fn new(
        fault_stub: usize,
        stop_stub: usize,
        interruptible: &[(u32, u32)],
        loop_heads: &[(u32, u32)],
    ) -> Self {
        SignalEntries {
            fault_stub,
            stop_stub,
            interruptible: (interruptible.as_ptr() as usize, interruptible.len()),
            loop_heads: (loop_heads.as_ptr() as usize, loop_heads.len()),
            watch_stub: 0,
        }
    }

    /// Entries of code whose loops all have their check: only memory faults.
    pub fn faults_only(fault_stub: usize) -> Self {
        Self::new(fault_stub, 0, &[], &[])
    }
}

/// Where a pc lies with respect to the loops compiled without a check (`runtime::
/// interrupt`, "DESIGN: interrupts in loops without calls").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LoopAt {
    /// Not in such a loop's code.
    Outside,
    /// In such a loop of a module without debug instrumentation: a stop ends the call
    /// at the stop stub (an absolute address).
    Stoppable { stop_stub: usize },
    /// In such a loop of a debuggable module's plain code, not at a head: the thread is
    /// stepped to a head, whose slow path takes every request, a stop included (a loop
    /// may keep locals in registers between its heads: `codegen::loop_homes`).
    Steppable,
    /// At the head of such a loop of a debuggable module: the slow path of the check it
    /// goes without (an absolute address).
    Head { slow_path: usize },
}

/// Registered ranges: start -> (end, signal entries, owner as the two words of a
/// `*const dyn CodeOwner`).
struct Registry {
    by_start: BTreeMap<usize, (usize, SignalEntries, (usize, usize))>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    by_start: BTreeMap::new(),
});

/// Immutable snapshot of registered ranges for the signal handler: (start, end, entries).
/// Old snapshots are leaked on purpose: a handler on another thread may still be reading
/// one, and each is a few bytes per live module.
static RANGES: AtomicPtr<Vec<(usize, usize, SignalEntries)>> = AtomicPtr::new(std::ptr::null_mut());

fn publish_ranges(reg: &Registry) {
    let ranges: Vec<(usize, usize, SignalEntries)> = reg
        .by_start
        .iter()
        .map(|(s, (e, entries, _))| (*s, *e, *entries))
        .collect();
    RANGES.store(Box::into_raw(Box::new(ranges)), Ordering::Release);
}

/// Registers `[start, end)` as wasm code owned by `owner`, which signals enter at
/// `entries`. The owner must call [`unregister`] before it is freed.
pub(crate) fn register(
    start: usize,
    end: usize,
    entries: SignalEntries,
    owner: *const dyn CodeOwner,
) {
    let mut reg = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: the pointer is only stored and turned back into a reference while the owner
    // is registered; `unregister` removes it before the owner is dropped.
    let raw: (usize, usize) = unsafe { std::mem::transmute(owner) };
    reg.by_start.insert(start, (end, entries, raw));
    publish_ranges(&reg);
}

/// Removes the range starting at `start`.
pub(crate) fn unregister(start: usize) {
    let mut reg = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    reg.by_start.remove(&start);
    publish_ranges(&reg);
}

/// Whether `pc` lies inside registered wasm code. Async-signal-safe: no locks, no allocation.
pub(crate) fn is_wasm_pc(pc: usize) -> bool {
    entries_for(pc).is_some()
}

/// The signal entries of the wasm code containing `pc`. Async-signal-safe.
pub(crate) fn signal_entries_for(pc: usize) -> Option<SignalEntries> {
    entries_for(pc).map(|(_, entries)| entries)
}

/// Where `pc` lies with respect to the loops without a check (`runtime::interrupt`,
/// "DESIGN: interrupts in loops without calls"). Async-signal-safe.
pub(crate) fn loop_at(pc: usize) -> LoopAt {
    let Some((start, entries)) = entries_for(pc) else {
        return LoopAt::Outside;
    };
    let Ok(offset) = u32::try_from(pc - start) else {
        return LoopAt::Outside;
    };
    // SAFETY: `SignalEntries::new`'s contract: the slices stay alive while their code is
    // registered, and `pc` is in that code, which a thread is running (so its module,
    // which owns the slices, is alive).
    let (ranges, heads) = unsafe {
        let (ptr, len) = entries.interruptible;
        let ranges = std::slice::from_raw_parts(ptr as *const (u32, u32), len);
        let (ptr, len) = entries.loop_heads;
        (
            ranges,
            std::slice::from_raw_parts(ptr as *const (u32, u32), len),
        )
    };
    if let Ok(i) = heads.binary_search_by_key(&offset, |(head, _)| *head) {
        return LoopAt::Head {
            slow_path: start + heads[i].1 as usize,
        };
    }
    let i = ranges.partition_point(|(s, _)| *s <= offset);
    if i == 0 || offset >= ranges[i - 1].1 {
        return LoopAt::Outside;
    }
    if heads.is_empty() {
        LoopAt::Stoppable {
            stop_stub: entries.stop_stub,
        }
    } else {
        LoopAt::Steppable
    }
}

/// The start and signal entries of the registered code containing `pc`. Async-signal-safe.
fn entries_for(pc: usize) -> Option<(usize, SignalEntries)> {
    let ptr = RANGES.load(Ordering::Acquire);
    if ptr.is_null() {
        return None;
    }
    // SAFETY: snapshots are never freed (see `RANGES`), so the pointer stays valid.
    let ranges = unsafe { &*ptr };
    let i = ranges.partition_point(|(s, _, _)| *s <= pc);
    (i > 0 && pc < ranges[i - 1].1).then(|| (ranges[i - 1].0, ranges[i - 1].2))
}

/// Calls `f` with the owner of `pc`, if `pc` is registered wasm code. Inlined: an
/// exception's unwinding asks once per frame it passes.
#[inline]
pub(crate) fn with_owner<R>(pc: usize, f: impl FnOnce(&dyn CodeOwner, usize) -> R) -> Option<R> {
    let reg = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    let (start, (end, _, raw)) = reg.by_start.range(..=pc).next_back()?;
    if pc >= *end {
        return None;
    }
    let raw = *raw;
    // SAFETY: registered owners stay alive until they unregister, which needs the lock we
    // hold; the pair is the fat pointer stored by `register`.
    let owner: &dyn CodeOwner =
        unsafe { &*std::mem::transmute::<(usize, usize), *const dyn CodeOwner>(raw) };
    Some(f(owner, *start))
}
