//! Per-instance debug state: one flag byte per function (inline in the vmctx, read by the
//! inline check) and one bit per breakable site (allocated when a debugger attaches),
//! plus the host-side bookkeeping that decides what those bytes and bits must be.

use crate::compiler::codegen::{FLAG_BREAKPOINTS, FLAG_STOP_ALL};
use crate::debug::handle::{DebugEvent, Resume};
use crate::debug::frame::Frame;
use crate::runtime::instance::InstanceData;
use crate::runtime::vmctx::header;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::Mutex;

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
}

/// Debug state of one instance.
pub(crate) struct DebugState {
    /// One bit per site, read by the slow path through `vmctx.debug_site_bits`.
    bits: Box<[AtomicU8]>,
    pub book: Mutex<Bookkeeping>,
    pub pause: AtomicBool,
    pub handler: Mutex<Option<Handler>>,
}

impl DebugState {
    /// Creates the state and points the instance's vmctx at its site bits.
    pub fn attach(instance: &InstanceData) -> DebugState {
        let sites = instance.module.inner.code.debug_sites.sites.len();
        let bits: Box<[AtomicU8]> = (0..sites.div_ceil(8)).map(|_| AtomicU8::new(0)).collect();
        let state = DebugState {
            bits,
            book: Mutex::new(Bookkeeping::default()),
            pause: AtomicBool::new(false),
            handler: Mutex::new(None),
        };
        instance.write_header(header::DEBUG_SITE_BITS, state.bits.as_ptr() as u64);
        state
    }

    pub fn site_bit(&self, site: u32) -> bool {
        self.bits[(site / 8) as usize].load(Ordering::Relaxed) & (1 << (site % 8)) != 0
    }

    /// Rewrites every site bit and function byte from the bookkeeping. Only data changes.
    pub fn apply(&self, instance: &InstanceData, book: &Bookkeeping) {
        let mut bits = vec![0u8; self.bits.len()];
        let mut flags = vec![0u8; instance.module.inner.info.funcs.len()];
        for bp in book.breakpoints.values() {
            for &s in &bp.sites {
                bits[(s / 8) as usize] |= 1 << (s % 8);
            }
            flags[bp.func as usize] |= FLAG_BREAKPOINTS;
        }
        let pause = self.pause.load(Ordering::Relaxed);
        let num_imported = instance.module.inner.info.num_imported_funcs as usize;
        for (f, flag) in flags.iter_mut().enumerate().skip(num_imported) {
            let stop_all = pause
                || matches!(book.step, Some(StepMode::Into))
                || (book.step.is_some() && book.step_funcs.contains(&(f as u32)));
            if stop_all {
                *flag |= FLAG_STOP_ALL;
            }
        }
        for (cell, value) in self.bits.iter().zip(bits) {
            cell.store(value, Ordering::Relaxed);
        }
        for (f, value) in flags.into_iter().enumerate() {
            instance.func_flag(f as u32).store(value, Ordering::Release);
        }
    }

    /// Requests a stop at the next site reached: sets every function's stop byte.
    pub fn request_pause(&self, instance: &InstanceData) {
        self.pause.store(true, Ordering::Release);
        let n = instance.module.inner.info.funcs.len() as u32;
        for f in instance.module.inner.info.num_imported_funcs..n {
            instance.func_flag(f).fetch_or(FLAG_STOP_ALL, Ordering::Release);
        }
    }
}
