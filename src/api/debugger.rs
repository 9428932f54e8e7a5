//! `Debugger`: the thread-safe per-instance handle embedders use to set breakpoints,
//! request a pause and receive events.

use crate::abi::sites::SiteKind;
use crate::error::{Error, Result};
use crate::runtime::debug::frame::Frame;
use crate::runtime::debug::state::{BreakpointEntry, DebugState, Handler};
use crate::runtime::debug::watch::{WatchKind, Watchpoint, WatchpointId, MAX_WATCH_LEN};
use crate::runtime::debug::{BreakpointId, DebugEvent, Resume};
use crate::runtime::instance::InstanceData;
use std::sync::{Arc, Weak};

/// A breakpoint as listed by [`Debugger::breakpoints`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakpoint {
    /// Its id.
    pub id: BreakpointId,
    /// Function index.
    pub func: u32,
    /// Module byte offset of the instruction, or None for the function entry.
    pub offset: Option<u32>,
}

/// A debugging handle for one instance. Cloneable, `Send + Sync`; usable from any
/// thread (e.g. to pause a running instance).
///
/// The handle does not keep the instance alive (so a handler may capture it without
/// creating a cycle); once the instance is dropped, its methods return an error.
#[derive(Clone)]
pub struct Debugger {
    pub(crate) instance: Weak<InstanceData>,
    pub(crate) module: Arc<crate::runtime::module::ModuleData>,
    pub(crate) state: Arc<DebugState>,
}

impl std::fmt::Debug for Debugger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Debugger").finish_non_exhaustive()
    }
}

impl Debugger {
    pub(crate) fn new(instance: Arc<InstanceData>) -> Result<Debugger> {
        if !instance.module.config.debug_instrumentation {
            return Err(Error::Usage(
                "the module was compiled without debug instrumentation \
                 (Config::debug_instrumentation)"
                    .into(),
            ));
        }
        let state = crate::runtime::debug::state::attach(&instance).clone();
        Ok(Debugger {
            instance: Arc::downgrade(&instance),
            module: instance.module.clone(),
            state,
        })
    }

    fn instance(&self) -> Result<Arc<InstanceData>> {
        self.instance
            .upgrade()
            .ok_or_else(|| Error::Usage("the instance no longer exists".into()))
    }

    /// Installs the event handler (replacing any previous one).
    pub fn set_handler(
        &self,
        handler: impl FnMut(&DebugEvent, &mut Frame<'_>) -> Resume + Send + 'static,
    ) {
        let boxed: Handler = Box::new(handler);
        *self.state.handler.lock().unwrap_or_else(|e| e.into_inner()) = Some(boxed);
    }

    /// Removes the event handler (stops then continue at once).
    pub fn clear_handler(&self) {
        *self.state.handler.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn defined(&self, func: u32) -> Result<u32> {
        let info = &self.module.info;
        if func >= info.funcs.len() as u32 {
            return Err(Error::Usage(format!("no function {func}")));
        }
        func.checked_sub(info.num_imported_funcs)
            .ok_or_else(|| Error::Usage(format!("function {func} is imported")))
    }

    fn add(
        &self,
        instance: &InstanceData,
        func: u32,
        offset: Option<u32>,
        sites: Vec<u32>,
    ) -> BreakpointId {
        let mut book = self.state.book.lock().unwrap_or_else(|e| e.into_inner());
        book.next_id += 1;
        let id = book.next_id;
        book.breakpoints.insert(
            id,
            BreakpointEntry {
                func,
                offset,
                sites,
            },
        );
        self.state.apply(instance, &mut book);
        drop(book);
        // A loop running on another thread notices the new word at its next iteration.
        crate::runtime::interrupt::interrupt_running();
        id
    }

    /// Sets a breakpoint before the instruction at module byte `offset` in function
    /// `func`. Errors if `offset` is not an instruction boundary of that function's
    /// compiled code.
    pub fn set_breakpoint(&self, func: u32, offset: u32) -> Result<BreakpointId> {
        let instance = self.instance()?;
        let defined = self.defined(func)?;
        let table = &instance.module.instrumented(defined)?.sites;
        let sites: Vec<u32> = table
            .iter()
            .filter(|(_, site)| site.offset == offset && site.kind == SiteKind::Instruction)
            .map(|(s, _)| s)
            .collect();
        if sites.is_empty() {
            return Err(Error::Usage(format!(
                "offset {offset:#x} is not an instruction boundary of function {func}"
            )));
        }
        Ok(self.add(&instance, func, Some(offset), sites))
    }

    /// Sets a breakpoint at the entry of function `func`.
    pub fn set_entry_breakpoint(&self, func: u32) -> Result<BreakpointId> {
        let instance = self.instance()?;
        let defined = self.defined(func)?;
        let table = &instance.module.instrumented(defined)?.sites;
        let sites: Vec<u32> = table
            .iter()
            .filter(|(_, site)| site.kind == SiteKind::Entry)
            .map(|(s, _)| s)
            .collect();
        Ok(self.add(&instance, func, None, sites))
    }

    /// Removes a breakpoint.
    pub fn clear_breakpoint(&self, id: BreakpointId) -> Result<()> {
        let instance = self.instance()?;
        let mut book = self.state.book.lock().unwrap_or_else(|e| e.into_inner());
        book.breakpoints
            .remove(&id)
            .ok_or_else(|| Error::Usage(format!("no breakpoint {id}")))?;
        self.state.apply(&instance, &mut book);
        drop(book);
        // Running code drops the flag that watches entries once nothing is debugged.
        crate::runtime::interrupt::interrupt_running();
        Ok(())
    }

    /// Removes every breakpoint.
    pub fn clear_all_breakpoints(&self) {
        let Ok(instance) = self.instance() else {
            return;
        };
        let mut book = self.state.book.lock().unwrap_or_else(|e| e.into_inner());
        book.breakpoints.clear();
        self.state.apply(&instance, &mut book);
        drop(book);
        crate::runtime::interrupt::interrupt_running();
    }

    /// The breakpoints, by id.
    pub fn breakpoints(&self) -> Vec<Breakpoint> {
        let book = self.state.book.lock().unwrap_or_else(|e| e.into_inner());
        book.breakpoints
            .iter()
            .map(|(id, b)| Breakpoint {
                id: *id,
                func: b.func,
                offset: b.offset,
            })
            .collect()
    }

    /// Stops the instance at the next breakable point it reaches (from any thread; a
    /// running infinite loop included). The handler receives `DebugEvent::Pause`.
    pub fn pause(&self) {
        if let Ok(instance) = self.instance() {
            self.state.request_pause(&instance);
            crate::runtime::interrupt::interrupt_running();
        }
    }

    /// Whether to stop at every `throw` this instance's code makes
    /// ([`DebugEvent::Throw`](crate::DebugEvent::Throw); off by default). Uncaught
    /// exceptions stop the debugger either way, as traps.
    pub fn set_stop_on_throw(&self, on: bool) {
        self.state
            .stop_on_throw
            .store(on, std::sync::atomic::Ordering::Relaxed);
    }

    /// Starts the next call in single-step mode: it stops at its first site.
    pub fn step_into_next_call(&self) {
        let Ok(instance) = self.instance() else {
            return;
        };
        let mut book = self.state.book.lock().unwrap_or_else(|e| e.into_inner());
        book.step = Some(crate::runtime::debug::state::Step {
            mode: crate::runtime::debug::state::StepMode::Into,
            scope: None,
        });
        self.state.apply(&instance, &mut book);
        drop(book);
        crate::runtime::interrupt::interrupt_running();
    }

    /// Watches `len` bytes at `addr` of the instance's memory `memory` for `kind` accesses
    /// ("DESIGN: watchpoints"): every access of the instance's code and of the host
    /// during its calls that touches one of them stops right after it, with
    /// [`DebugEvent::Watchpoint`]. The instance keeps running its plain code; only
    /// accesses to the 4 KiB pages holding watched bytes go through the host ("DESIGN:
    /// watched pages"). `len` is 1 to [`MAX_WATCH_LEN`];
    /// the range may lie beyond the memory's current size (it may grow).
    pub fn set_watchpoint(
        &self,
        memory: u32,
        addr: u64,
        len: u64,
        kind: WatchKind,
    ) -> Result<WatchpointId> {
        let instance = self.instance()?;
        let memories = instance.memories().len();
        if memory as usize >= memories {
            return Err(Error::Usage(format!(
                "the instance has no memory {memory} ({memories} memories)"
            )));
        }
        if len == 0 || len > MAX_WATCH_LEN {
            return Err(Error::Usage(format!(
                "a watchpoint covers 1 to {MAX_WATCH_LEN} bytes, not {len}"
            )));
        }
        // A 64-bit memory's addresses reach at most its reservation (below 2^47).
        let reach: u64 = if instance.memories()[memory as usize].ty().memory64 {
            1 << 47
        } else {
            1 << 32
        };
        if addr.checked_add(len).is_none_or(|end| end > reach) {
            return Err(Error::Usage(format!(
                "{len} bytes at {addr:#x} lie beyond what memory {memory} can address"
            )));
        }
        let mut book = self.state.book.lock().unwrap_or_else(|e| e.into_inner());
        // One id space with breakpoints: an id names one or the other.
        book.next_id += 1;
        let id = book.next_id;
        book.watchpoints.insert(
            id,
            Watchpoint {
                id,
                memory,
                addr,
                len,
                kind,
            },
        );
        crate::runtime::debug::watch::sync_host_watchers(&instance, &mut book);
        self.state.apply(&instance, &mut book);
        drop(book);
        // Running code moves into its instrumented versions at its next transfer point.
        crate::runtime::interrupt::interrupt_running();
        Ok(id)
    }

    /// Removes a watchpoint.
    pub fn clear_watchpoint(&self, id: WatchpointId) -> Result<()> {
        let instance = self.instance()?;
        let mut book = self.state.book.lock().unwrap_or_else(|e| e.into_inner());
        book.watchpoints
            .remove(&id)
            .ok_or_else(|| Error::Usage(format!("no watchpoint {id}")))?;
        // A hit it made that no site has reported yet is dropped with it.
        let mut pending = self.state.pending.lock().unwrap_or_else(|e| e.into_inner());
        if pending.as_ref().is_some_and(|hit| hit.id() == id) {
            *pending = None;
        }
        drop(pending);
        crate::runtime::debug::watch::sync_host_watchers(&instance, &mut book);
        self.state.apply(&instance, &mut book);
        drop(book);
        crate::runtime::interrupt::interrupt_running();
        Ok(())
    }

    /// The watchpoints, by id.
    pub fn watchpoints(&self) -> Vec<Watchpoint> {
        let book = self.state.book.lock().unwrap_or_else(|e| e.into_inner());
        book.watchpoints.values().cloned().collect()
    }

    /// Module byte offsets of every breakable instruction of function `func`.
    pub fn instruction_offsets(&self, func: u32) -> Result<Vec<u32>> {
        let defined = self.defined(func)?;
        let table = &self.module.instrumented(defined)?.sites;
        let mut offsets: Vec<u32> = table
            .iter()
            .map(|(_, s)| s)
            .filter(|s| s.kind == SiteKind::Instruction)
            .map(|s| s.offset)
            .collect();
        offsets.dedup();
        Ok(offsets)
    }
}
