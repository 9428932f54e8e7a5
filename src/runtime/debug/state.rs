//! Per-instance debug state: one word per function (inline in the vmctx, cached by the
//! inline check) and one bit per breakable site of the functions that have breakpoints
//! (allocated with a function's first breakpoint),
//! plus the host-side bookkeeping that decides what those words and bits must be.

use crate::abi::regs::WATCHED;
use crate::code_memory::CompiledCode;
use crate::runtime::debug::frame::Frame;
use crate::runtime::debug::watch::{self, PendingHit, Watchpoint, WatchpointId};
use crate::runtime::debug::{DebugEvent, Resume};
use crate::runtime::instance::InstanceData;
use bitvec::boxed::BitBox;
use bitvec::order::Lsb0;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};

/// The embedder's event handler.
pub(crate) type Handler = Box<dyn FnMut(&DebugEvent, &mut Frame<'_>) -> Resume + Send>;

/// How an active step ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StepMode {
    /// At the next site anywhere.
    Into,
    /// At the next site in the same frame or a caller (frame pointer >= `fp`).
    Over { fp: usize },
    /// At the next site in a caller (frame pointer > `fp`).
    Out { fp: usize },
}

/// An active step: how it ends, and on which thread's stack it was started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    pub mode: StepMode,
    /// The stack the step's frame pointers belong to, or `None` for a step that stops
    /// at the next site of any thread (`Debugger::step_into_next_call`, before a call).
    pub scope: Option<StepScope>,
}

/// Where a step was started: its thread, and the activation of the stepped frame there.
/// Frame pointers are compared only on that thread, and only in that activation or one
/// it is nested in: those still hold the stepped frame's callers, whereas an activation
/// started later may reuse the same stack addresses for unrelated frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StepScope {
    pub thread: std::thread::ThreadId,
    /// `Activation::serial` of the stepped frame's activation.
    pub activation: u64,
}

impl Step {
    /// A step started on this thread, from the frame with pointer `fp` of activation
    /// `activation` (its serial).
    pub fn here(mode: StepMode, activation: u64) -> Step {
        Step {
            mode,
            scope: Some(StepScope {
                thread: std::thread::current().id(),
                activation,
            }),
        }
    }

    /// Whether a site reached in the frame with pointer `fp`, in the activation with
    /// serial `activation` of this thread, ends the step.
    pub fn ends_at(&self, fp: usize, activation: u64) -> bool {
        if let Some(scope) = self.scope {
            if scope.thread != std::thread::current().id() {
                return false;
            }
            if self.mode != StepMode::Into && activation > scope.activation {
                return false;
            }
        }
        match self.mode {
            StepMode::Into => true,
            StepMode::Over { fp: start } => fp >= start,
            StepMode::Out { fp: start } => fp > start,
        }
    }
}

pub(crate) struct BreakpointEntry {
    pub func: u32,
    pub offset: Option<u32>,
    pub sites: Vec<u32>,
}

#[derive(Default)]
pub(crate) struct Bookkeeping {
    pub breakpoints: BTreeMap<u32, BreakpointEntry>,
    pub next_id: u32,
    pub step: Option<Step>,
    /// Functions whose every site stops while the step is active.
    pub step_funcs: BTreeSet<u32>,
    /// Site bits of the functions that have had breakpoints, by defined index: allocated
    /// when a function gets its first breakpoint and kept while the instance lives (the
    /// function's word may point at them). The instrumented code tests site `k` of a
    /// function as bit `k % 8` of byte `k / 8` from the address in the function's word
    /// (`codegen::breakable`), which is the layout of an `Lsb0` bit slice of bytes.
    /// Written by the debugger thread while wasm threads read them, hence atomic bytes.
    pub bits: BTreeMap<u32, BitBox<AtomicU8, Lsb0>>,
    /// Functions whose site bits may be non-zero (written by an earlier `apply`).
    pub dirty_segments: BTreeSet<u32>,
    /// The watchpoints, by id (`watch`).
    /// (Their ids come from `next_id`, which breakpoints share.)
    pub watchpoints: BTreeMap<WatchpointId, Watchpoint>,
    /// The watcher registered with each memory that has watchpoints (host accesses and
    /// protected pages).
    pub host_watchers: BTreeMap<u32, Arc<watch::InstanceWatcher>>,
    /// The instance checks every access of its code in software ("DESIGN: watchpoints")
    /// rather than by protected pages ("DESIGN: watched pages" in
    /// `runtime::watched_pages`).
    pub watch_in_software: bool,
}

/// Debug state of one instance.
pub(crate) struct DebugState {
    pub book: Mutex<Bookkeeping>,
    pub pause: AtomicBool,
    pub handler: Mutex<Option<Handler>>,
    /// A watchpoint hit waiting for the next site (`watch`).
    pub pending: Mutex<Option<PendingHit>>,
    /// Faults on watched pages taken through the host over the instance's life
    /// (`watch::enter_at_fault`); at `watched_pages::SOFTWARE_AFTER` the instance checks
    /// its accesses in software from then on (`watch_in_software` is never cleared).
    pub page_trips: std::sync::atomic::AtomicU64,
    /// Stop at every `throw` (`DebugEvent::Throw`; `Debugger::set_stop_on_throw`).
    pub stop_on_throw: AtomicBool,
}

/// The debug state of `instance`, attaching it on first use.
pub(crate) fn attach(instance: &InstanceData) -> &Arc<DebugState> {
    instance
        .debug_slot()
        .get_or_init(|| Box::new(Arc::new(DebugState::attach())))
        .downcast_ref()
        .expect("an instance's debug slot holds its debug state")
}

/// The debug state of `instance`, if a debugger ever attached.
pub(crate) fn attached(instance: &InstanceData) -> Option<&Arc<DebugState>> {
    instance.debug_slot().get()?.downcast_ref()
}

impl Bookkeeping {
    /// Whether site `site` (numbered within defined function `defined`) has a breakpoint.
    pub fn site_bit(&self, defined: u32, site: u32) -> bool {
        if self.breakpoints.is_empty() {
            return false;
        }
        self.bits
            .get(&defined)
            .and_then(|b| b.get(site as usize).map(|bit| *bit))
            .unwrap_or(false)
    }
}

impl DebugState {
    /// Creates the state (nothing in the vmctx changes until a breakpoint, step or pause,
    /// and no site bits exist until a breakpoint is set).
    pub fn attach() -> DebugState {
        DebugState {
            book: Mutex::new(Bookkeeping::default()),
            pause: AtomicBool::new(false),
            handler: Mutex::new(None),
            pending: Mutex::new(None),
            page_trips: std::sync::atomic::AtomicU64::new(0),
            stop_on_throw: AtomicBool::new(false),
        }
    }

    /// Brings the site bits and function words in line with the bookkeeping, writing only
    /// what changes. Only data changes. Every function with a breakpoint has its
    /// instrumented version compiled (its sites came from it).
    pub fn apply(&self, instance: &InstanceData, book: &mut Bookkeeping) {
        let module = &instance.module;
        let info = &module.info;
        let mut with_breakpoints = BTreeSet::new();
        for bp in book.breakpoints.values() {
            with_breakpoints.insert(bp.func);
        }
        // Watchpoints kept by protected pages leave the code in its plain versions.
        let watching = watch::any(book) && book.watch_in_software;
        watch::write_filters(instance, book);
        let bits = &mut book.bits;
        // Site bits: clear the segments of functions that had or have breakpoints.
        for f in book.dirty_segments.union(&with_breakpoints) {
            if let Some(segment) = bits.get(&(f - info.num_imported_funcs)) {
                for bit in 0..segment.len() {
                    segment.set_aliased(bit, false);
                }
            }
        }
        for bp in book.breakpoints.values() {
            let defined = bp.func - info.num_imported_funcs;
            let segment = bits.entry(defined).or_insert_with(|| {
                let sites = module
                    .debug
                    .as_ref()
                    .and_then(|(d, _)| d.get(defined))
                    .map_or(0, |f| f.sites.len() as usize);
                let bytes = sites.div_ceil(8).max(1);
                BitBox::from_boxed_slice((0..bytes).map(|_| AtomicU8::new(0)).collect())
            });
            for &s in &bp.sites {
                segment.set_aliased(s as usize, true);
            }
        }
        book.dirty_segments = with_breakpoints.clone();

        let stop_all = module.stop_all().map_or(0, |s| s.as_ptr() as usize);
        let stop_none = module.stop_none().map_or(0, |s| s.as_ptr() as usize);
        // A pause or a watchpoint hit waiting to be reported: the next site stops.
        let next_site_stops = self.pause.load(Ordering::Relaxed)
            || self
                .pending
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .is_some();
        let imported = info.num_imported_funcs;
        let mut words = vec![0usize; info.funcs.len() - imported as usize];
        for f in imported..info.funcs.len() as u32 {
            let stop_every_site = next_site_stops
                || matches!(
                    book.step,
                    Some(Step {
                        mode: StepMode::Into,
                        ..
                    })
                )
                || (book.step.is_some() && book.step_funcs.contains(&f));
            let defined = f - imported;
            words[defined as usize] = if stop_every_site {
                stop_all
            } else if with_breakpoints.contains(&f) {
                bits.get(&defined)
                    .map_or(0, |b| b.as_raw_slice().as_ptr() as usize)
            } else if watching {
                // Every access must meet its watch check: instrumented, stopping nowhere.
                stop_none
            } else {
                0
            };
        }
        let debugging = mark_reaching(&module.code, &mut words);
        let mut changed = false;
        for (defined, &word) in words.iter().enumerate() {
            let cell = instance.func_bits(imported + defined as u32);
            if cell.load(Ordering::Relaxed) != word {
                cell.store(word, Ordering::Release);
                changed = true;
            }
        }
        let flags = if debugging { WATCHED as usize } else { 0 };
        if instance.debug_bits().swap(flags, Ordering::AcqRel) != flags {
            changed = true;
        }
        if changed {
            crate::runtime::activation::debug_words_changed();
        }
    }

    /// Requests a stop at the next site reached: every function's word points at ones.
    pub fn request_pause(&self, instance: &InstanceData) {
        self.pause.store(true, Ordering::Release);
        self.stop_at_next_site(instance);
    }

    /// Makes the next site the instance reaches stop (a pause, or a watchpoint's hit
    /// waiting to be reported): every function's word points at ones. The caller has
    /// recorded why (the pause flag, the pending hit) and must not hold the bookkeeping:
    /// the words are written under its lock, so that an `apply` computing words from an
    /// earlier reading of those reasons cannot overwrite them afterwards.
    pub fn stop_at_next_site(&self, instance: &InstanceData) {
        let _book = self.book.lock().unwrap_or_else(|e| e.into_inner());
        let info = &instance.module.info;
        let stop_all = instance
            .module
            .stop_all()
            .map_or(0, |s| s.as_ptr() as usize);
        for f in info.num_imported_funcs..info.funcs.len() as u32 {
            instance.func_bits(f).store(stop_all, Ordering::Release);
        }
        crate::runtime::activation::debug_words_changed();
    }
}

/// Gives every function that is not debugged (word 0) but reaches a debugged one (word
/// above 1) by direct calls, or that makes indirect calls while anything is debugged,
/// the word 1 (`abi::regs`, "DESIGN: entries through the stack limit"). Returns whether
/// anything is debugged.
fn mark_reaching(code: &CompiledCode, words: &mut [usize]) -> bool {
    let mut pending: Vec<u32> = (0..words.len() as u32)
        .filter(|&d| words[d as usize] > 1)
        .collect();
    if pending.is_empty() {
        return false;
    }
    for &d in &code.indirect_callers {
        if words[d as usize] == 0 {
            words[d as usize] = 1;
            pending.push(d);
        }
    }
    while let Some(d) = pending.pop() {
        for &caller in &code.callers[d as usize] {
            if words[caller as usize] == 0 {
                words[caller as usize] = 1;
                pending.push(caller);
            }
        }
    }
    true
}
