//! Per-instance debug state: one word per function (inline in the vmctx, cached by the
//! inline check) and one bit per breakable site (allocated when a debugger attaches),
//! plus the host-side bookkeeping that decides what those words and bits must be.

use crate::runtime::debug::frame::Frame;
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

pub(crate) struct BreakpointEntry {
    pub func: u32,
    pub offset: Option<u32>,
    pub sites: Vec<u32>,
}

#[derive(Default)]
pub(crate) struct Bookkeeping {
    pub breakpoints: BTreeMap<u32, BreakpointEntry>,
    pub next_id: u32,
    pub step: Option<StepMode>,
    /// Functions whose every site stops while the step is active.
    pub step_funcs: BTreeSet<u32>,
    /// Functions whose site bits may be non-zero (written by an earlier `apply`).
    pub dirty_segments: BTreeSet<u32>,
}

/// Debug state of one instance.
pub(crate) struct DebugState {
    /// Site bits, one segment per defined function, each starting on a byte: the
    /// instrumented code tests site `k` of a function as bit `k % 8` of byte `k / 8`
    /// from the address in the function's word (`codegen::breakable`), which is the layout
    /// of an `Lsb0` bit slice of bytes. Written by the debugger thread while wasm
    /// threads read them, hence atomic bytes.
    bits: BitBox<AtomicU8, Lsb0>,
    /// Start of each defined function's segment in `bits`, in bits (a multiple of 8).
    segments: Vec<usize>,
    /// All ones: what a function's word points at while every site of it must stop.
    stop_all: Box<[u8]>,
    pub book: Mutex<Bookkeeping>,
    pub pause: AtomicBool,
    pub handler: Mutex<Option<Handler>>,
}

/// The debug state of `instance`, attaching it on first use.
pub(crate) fn attach(instance: &InstanceData) -> &Arc<DebugState> {
    instance
        .debug_slot()
        .get_or_init(|| Box::new(Arc::new(DebugState::attach(instance))))
        .downcast_ref()
        .expect("an instance's debug slot holds its debug state")
}

/// The debug state of `instance`, if a debugger ever attached.
pub(crate) fn attached(instance: &InstanceData) -> Option<&Arc<DebugState>> {
    instance.debug_slot().get()?.downcast_ref()
}

impl DebugState {
    /// Creates the state (nothing in the vmctx changes until a breakpoint, step or pause).
    pub fn attach(instance: &InstanceData) -> DebugState {
        let table = &instance.module.code.debug_sites;
        let mut segments = Vec::with_capacity(table.func_ranges().len());
        let mut total = 0;
        let mut widest = 1;
        for &(first, end) in table.func_ranges() {
            segments.push(total * 8);
            let bytes = ((end - first) as usize).div_ceil(8).max(1);
            total += bytes;
            widest = widest.max(bytes);
        }
        DebugState {
            bits: BitBox::from_boxed_slice((0..total).map(|_| AtomicU8::new(0)).collect()),
            segments,
            stop_all: vec![0xff; widest].into_boxed_slice(),
            book: Mutex::new(Bookkeeping::default()),
            pause: AtomicBool::new(false),
            handler: Mutex::new(None),
        }
    }

    /// Index in `bits` of module-wide site `site` of function `func`.
    fn locate(&self, instance: &InstanceData, func: u32, site: u32) -> usize {
        let defined = func - instance.module.info.num_imported_funcs;
        let (first, _) = instance.module.code.debug_sites.func_ranges()[defined as usize];
        self.segments[defined as usize] + (site - first) as usize
    }

    /// Whether site `site` (of function `func`) has a breakpoint.
    pub fn site_bit(&self, instance: &InstanceData, func: u32, site: u32) -> bool {
        self.bits[self.locate(instance, func, site)]
    }

    /// Brings the site bits and function words in line with the bookkeeping, writing only
    /// what changes (untouched pages of the tables stay unbacked). Only data changes.
    pub fn apply(&self, instance: &InstanceData, book: &mut Bookkeeping) {
        let info = &instance.module.info;
        // Site bits: rewrite the segments of functions that had or have breakpoints.
        let mut with_breakpoints = BTreeSet::new();
        for bp in book.breakpoints.values() {
            with_breakpoints.insert(bp.func);
        }
        let touched: Vec<u32> = book
            .dirty_segments
            .union(&with_breakpoints)
            .copied()
            .collect();
        let table = &instance.module.code.debug_sites;
        for &f in &touched {
            let defined = (f - info.num_imported_funcs) as usize;
            let (first, end) = table.func_ranges()[defined];
            let seg = self.segments[defined];
            for bit in seg..seg + (end - first) as usize {
                self.bits.set_aliased(bit, false);
            }
        }
        for bp in book.breakpoints.values() {
            for &s in &bp.sites {
                self.bits
                    .set_aliased(self.locate(instance, bp.func, s), true);
            }
        }
        book.dirty_segments = with_breakpoints.clone();

        let pause = self.pause.load(Ordering::Relaxed);
        let mut changed = false;
        for f in info.num_imported_funcs..info.funcs.len() as u32 {
            let stop_all = pause
                || matches!(book.step, Some(StepMode::Into))
                || (book.step.is_some() && book.step_funcs.contains(&f));
            let word = if stop_all {
                self.stop_all.as_ptr() as usize
            } else if with_breakpoints.contains(&f) {
                let defined = (f - info.num_imported_funcs) as usize;
                self.bits.as_raw_slice()[self.segments[defined] / 8].as_ptr() as usize
            } else {
                0
            };
            let cell = instance.func_bits(f);
            if cell.load(Ordering::Relaxed) != word {
                cell.store(word, Ordering::Release);
                changed = true;
            }
        }
        if changed {
            crate::runtime::activation::debug_words_changed();
        }
    }

    /// Requests a stop at the next site reached: every function's word points at ones.
    pub fn request_pause(&self, instance: &InstanceData) {
        self.pause.store(true, Ordering::Release);
        let info = &instance.module.info;
        for f in info.num_imported_funcs..info.funcs.len() as u32 {
            instance
                .func_bits(f)
                .store(self.stop_all.as_ptr() as usize, Ordering::Release);
        }
        crate::runtime::activation::debug_words_changed();
    }
}
