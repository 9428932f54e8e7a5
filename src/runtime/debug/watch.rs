//! Watchpoints, the host side ("DESIGN: watchpoints" in `compiler::codegen::watch`): the
//! instance's watched ranges, the filters its instrumented code compares accesses with,
//! the exact comparison when an access passes a filter, and the hit reported at the next
//! site.

use crate::abi::vmctx::WatchFilter;
use crate::abi::watch::{Direction, WatchedAccess};
use crate::runtime::debug::state::{attached, Bookkeeping, DebugState};
use crate::runtime::instance::InstanceData;
use crate::runtime::memory::HostAccessWatcher;
use std::sync::{Arc, Weak};

/// Identifies a watchpoint of one instance (breakpoints and watchpoints of an instance
/// never share an id).
pub type WatchpointId = u32;

/// The longest range one watchpoint covers (its old and new bytes are copied on a hit).
pub const MAX_WATCH_LEN: u64 = 1 << 20;

/// Which accesses a watchpoint stops at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WatchKind {
    /// Reads of a watched byte.
    Read,
    /// Writes of a watched byte (whether or not the value changes).
    Write,
    /// Reads and writes.
    Access,
}

impl WatchKind {
    fn sees(self, direction: Direction) -> bool {
        matches!(
            (self, direction),
            (WatchKind::Access, _)
                | (WatchKind::Read, Direction::Read)
                | (WatchKind::Write, Direction::Write)
        )
    }
}

/// A watchpoint as set with `Debugger::set_watchpoint`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Watchpoint {
    /// Its id.
    pub id: WatchpointId,
    /// The memory's index in the instance.
    pub memory: u32,
    /// The first watched byte.
    pub addr: u64,
    /// How many bytes are watched.
    pub len: u64,
    /// Which accesses stop.
    pub kind: WatchKind,
}

/// A watchpoint's hit, reported right after the access (`DebugEvent::Watchpoint`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WatchHit {
    /// The watchpoint.
    pub id: WatchpointId,
    /// The memory accessed.
    pub memory: u32,
    /// The first accessed byte inside the watched range.
    pub addr: u64,
    /// How many accessed bytes are inside the watched range.
    pub len: u64,
    /// Whether the access wrote (else it read).
    pub write: bool,
    /// For a write, those bytes before it.
    pub old: Option<Vec<u8>>,
    /// For a write, those bytes after it.
    pub new: Option<Vec<u8>>,
    /// Whether the host made the access (a bulk-memory helper, or a host function
    /// during a call: the stop is at the site after the call), not the code itself.
    pub by_host: bool,
    /// Module byte offset of the instruction that made the access (for the host's, the
    /// call): the one before the stop's, whose frame has just done it. A source-level
    /// debugger shows the stop there, on the line that accessed the memory.
    pub access_offset: u32,
}

/// A hit waiting for the next site (its `new` bytes are read there).
#[derive(Clone, Debug)]
pub(crate) struct PendingHit(WatchHit);

impl PendingHit {
    /// The watchpoint that hit.
    pub fn id(&self) -> WatchpointId {
        self.0.id
    }

    /// The hit as reported at a site after the instruction at `access_offset`, with the
    /// bytes after the access.
    pub fn report(self, instance: &InstanceData, access_offset: u32) -> WatchHit {
        let mut hit = self.0;
        hit.access_offset = access_offset;
        if hit.write {
            let mut now = vec![0; hit.len as usize];
            let read = instance
                .memories()
                .get(hit.memory as usize)
                .map(|m| m.read_unwatched(hit.addr as usize, &mut now));
            hit.new = matches!(read, Some(Ok(()))).then_some(now);
        }
        hit
    }
}

/// The filter of memory `memory` for `watchpoints`: the hull of its ranges.
fn filter(watchpoints: &Bookkeeping, memory: u32) -> WatchFilter {
    watchpoints
        .watchpoints
        .values()
        .filter(|w| w.memory == memory)
        .fold(WatchFilter::EMPTY, |f, w| WatchFilter {
            start: f.start.min(w.addr),
            end: f.end.max(w.addr + w.len),
        })
}

/// Writes every memory's filter for the bookkeeping's watchpoints.
pub(crate) fn write_filters(instance: &InstanceData, book: &Bookkeeping) {
    for memory in 0..instance.memories().len() as u32 {
        instance.set_watch_filter(memory, filter(book, memory));
    }
}

/// Whether the bookkeeping has a watchpoint (every function then runs instrumented).
pub(crate) fn any(book: &Bookkeeping) -> bool {
    !book.watchpoints.is_empty()
}

/// Checks an access of `size` bytes at `addr` of memory `memory` against the
/// watchpoints; on a hit records it (with the bytes before a write) and makes the next
/// site of the instance stop. Returns whether it hit.
fn check(
    instance: &InstanceData,
    state: &DebugState,
    memory: u32,
    addr: u64,
    size: u64,
    direction: Direction,
    by_host: bool,
) -> bool {
    let book = state.book.lock().unwrap_or_else(|e| e.into_inner());
    let end = addr.saturating_add(size);
    let Some(w) = book.watchpoints.values().find(|w| {
        w.memory == memory && w.kind.sees(direction) && addr < w.addr + w.len && w.addr < end
    }) else {
        return false;
    };
    let (from, to) = (addr.max(w.addr), end.min(w.addr + w.len));
    let write = direction == Direction::Write;
    let old = write.then(|| {
        let mut bytes = vec![0; (to - from) as usize];
        let read = instance
            .memories()
            .get(memory as usize)
            .map(|m| m.read_unwatched(from as usize, &mut bytes));
        if !matches!(read, Some(Ok(()))) {
            bytes.clear();
        }
        bytes
    });
    let hit = WatchHit {
        id: w.id,
        memory,
        addr: from,
        len: to - from,
        write,
        old,
        new: None,
        by_host,
        access_offset: 0,
    };
    // Recorded under the bookkeeping's lock, so that clearing the watchpoint (which drops
    // its pending hit under the same lock) cannot leave a hit of a deleted watchpoint.
    let mut pending = state.pending.lock().unwrap_or_else(|e| e.into_inner());
    // The first hit before a stop is the one reported.
    if pending.is_none() {
        *pending = Some(PendingHit(hit));
        drop(pending);
        drop(book);
        state.stop_at_next_site(instance);
    }
    true
}

/// The debug hook's part for an access of compiled code that passed its memory's
/// filter (`WatchedAccess`), at address `addr`.
pub(crate) fn code_access(instance: &InstanceData, access: WatchedAccess, addr: u64) {
    if let Some(state) = attached(instance) {
        check(
            instance,
            state,
            access.memory,
            addr,
            u64::from(access.size),
            access.direction,
            false,
        );
    }
}

/// Tells an instance with watchpoints on one of its memories of the host's accesses to
/// that memory (registered with the memory while it has watchpoints).
pub(crate) struct InstanceWatcher {
    instance: Weak<InstanceData>,
    memory: u32,
}

impl InstanceWatcher {
    pub fn new(instance: &Arc<InstanceData>, memory: u32) -> Arc<InstanceWatcher> {
        Arc::new(InstanceWatcher {
            instance: Arc::downgrade(instance),
            memory,
        })
    }
}

impl HostAccessWatcher for InstanceWatcher {
    fn host_access(&self, offset: usize, len: usize, direction: Direction) {
        // Only accesses made while wasm code runs on this thread (a host function or
        // helper it called) are reported: the stop is at the site the call returns to.
        if crate::runtime::activation::current().is_null() {
            return;
        }
        let Some(instance) = self.instance.upgrade() else {
            return;
        };
        if let Some(state) = attached(&instance) {
            check(
                &instance,
                state,
                self.memory,
                offset as u64,
                len as u64,
                direction,
                true,
            );
        }
    }
}

/// Registers the instance's host-access watcher with each of its memories that has a
/// watchpoint, and removes it from those that no longer have one (the host's reads and
/// writes of an unwatched memory then cost one flag test).
pub(crate) fn sync_host_watchers(instance: &Arc<InstanceData>, book: &mut Bookkeeping) {
    for (index, memory) in instance.memories().iter().enumerate() {
        let index = index as u32;
        let watched = book.watchpoints.values().any(|w| w.memory == index);
        match (watched, book.host_watchers.contains_key(&index)) {
            (true, false) => {
                let watcher: Arc<dyn HostAccessWatcher> = InstanceWatcher::new(instance, index);
                memory.add_watcher(watcher.clone());
                book.host_watchers.insert(index, watcher);
            }
            (false, true) => {
                if let Some(watcher) = book.host_watchers.remove(&index) {
                    memory.remove_watcher(&watcher);
                }
            }
            _ => {}
        }
    }
}
