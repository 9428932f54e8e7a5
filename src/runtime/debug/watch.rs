//! Watchpoints, the host side ("DESIGN: watchpoints" in `compiler::codegen::watch`): the
//! instance's watched ranges, the filters its instrumented code compares accesses with,
//! the exact comparison when an access passes a filter, and the hit reported at the next
//! site.

use crate::abi::sites::StackLoc;
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
/// that memory, and tells the memory which pages to protect for it (registered with the
/// memory while it has watchpoints).
pub(crate) struct InstanceWatcher {
    instance: Weak<InstanceData>,
    memory: u32,
    /// The watched ranges whose pages the memory protects: (start, end, reads too);
    /// empty while the instance checks its accesses in software ("DESIGN: watched
    /// pages" in `runtime::watched_pages`).
    protected: std::sync::Mutex<Vec<(u64, u64, bool)>>,
}

impl InstanceWatcher {
    pub fn new(instance: &Arc<InstanceData>, memory: u32) -> Arc<InstanceWatcher> {
        Arc::new(InstanceWatcher {
            instance: Arc::downgrade(instance),
            memory,
            protected: std::sync::Mutex::new(Vec::new()),
        })
    }

    fn set_protected(&self, ranges: Vec<(u64, u64, bool)>) {
        *self.protected.lock().unwrap_or_else(|e| e.into_inner()) = ranges;
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

    fn protected_ranges(&self) -> Vec<(u64, u64, bool)> {
        self.protected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// Registers the instance's watcher with each of its memories that has a watchpoint, and
/// removes it from those that no longer have one (the host's reads and writes of an
/// unwatched memory then cost one flag test); then has each memory protect the watched
/// pages ("DESIGN: watched pages" in `runtime::watched_pages`), unless the instance
/// checks in software: with fuel (the plain versions keep it in a register the move into
/// an instrumented version does not carry), or when a memory's table has no room.
pub(crate) fn sync_host_watchers(instance: &Arc<InstanceData>, book: &mut Bookkeeping) {
    if instance.module.config.consume_fuel {
        book.watch_in_software = true;
    }
    for (index, memory) in instance.memories().iter().enumerate() {
        let index = index as u32;
        let watched = book.watchpoints.values().any(|w| w.memory == index);
        match (watched, book.host_watchers.contains_key(&index)) {
            (true, false) => {
                let watcher = InstanceWatcher::new(instance, index);
                memory.add_watcher(watcher.clone());
                book.host_watchers.insert(index, watcher);
            }
            (false, true) => {
                if let Some(watcher) = book.host_watchers.remove(&index) {
                    let watcher: Arc<dyn HostAccessWatcher> = watcher;
                    memory.remove_watcher(&watcher);
                    memory.update_protection();
                }
            }
            _ => {}
        }
    }
    update_protected_pages(instance, book);
}

/// Tells each watched memory which pages to protect for this instance and has it protect
/// them; falls back to checking in software if one cannot.
fn update_protected_pages(instance: &InstanceData, book: &mut Bookkeeping) {
    let protect = |book: &Bookkeeping| {
        let mut ok = true;
        for (&index, watcher) in &book.host_watchers {
            let ranges = if book.watch_in_software {
                Vec::new()
            } else {
                book.watchpoints
                    .values()
                    .filter(|w| w.memory == index)
                    .map(|w| (w.addr, w.addr + w.len, w.kind != WatchKind::Write))
                    .collect()
            };
            watcher.set_protected(ranges);
            ok &= instance.memories()[index as usize].update_protection();
        }
        ok
    };
    if !protect(book) && !book.watch_in_software {
        book.watch_in_software = true;
        protect(book);
    }
}

/// The `transfer` libcall's part for a fault of plain code on a watched page ("DESIGN:
/// watched pages" in `runtime::watched_pages`, 2): if the access at `pc` (on `addr`, a
/// write or a read) may touch a watchpoint of this instance, moves the frame into the
/// function's instrumented version at the access's site and returns where it resumes;
/// otherwise, or if the move is not possible, returns `None`, and the access is let
/// through.
///
/// # Safety
///
/// `save` is the transfer stub's save area (every register of the faulting frame, which
/// is the stub's caller) and `fp` that frame's frame pointer.
pub(crate) unsafe fn enter_at_fault(
    instance: &InstanceData,
    pc: usize,
    addr: usize,
    write: bool,
    save: *mut u64,
) -> Option<usize> {
    let state = attached(instance)?;
    let direction = if write {
        Direction::Write
    } else {
        Direction::Read
    };
    // The memory accessed, and the address in it.
    let (memory, at) = instance.memories().iter().enumerate().find_map(|(i, m)| {
        let base = m.data_ptr() as usize;
        (base <= addr && addr < base + m.data_size()).then(|| (i as u32, (addr - base) as u64))
    })?;
    // The access is at most 16 bytes and `addr` is its first faulting byte.
    let maybe = {
        let book = state.book.lock().unwrap_or_else(|e| e.into_inner());
        book.watchpoints.values().any(|w| {
            w.memory == memory
                && w.kind.sees(direction)
                && at.saturating_sub(15) < w.addr + w.len
                && w.addr < at + 16
        })
    };
    if !maybe {
        return None;
    }
    let trips = state
        .page_trips
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        + 1;
    let module = &instance.module;
    let base = module.code.code.base() as usize;
    let offset = u32::try_from(pc.checked_sub(base)?).ok()?;
    let plain = module
        .code
        .versions
        .iter()
        .find(|v| v.start <= offset && offset < v.end)?;
    let defined = plain.defined;
    let func = module.info.num_imported_funcs + defined;
    let relative = offset - plain.start;
    let accesses = module.plain_accesses(defined).ok()?;
    let access = accesses
        .iter()
        .find(|a| a.code.0 <= relative && relative < a.code.1)?;
    let version = module.instrumented(defined).ok()?;
    let (site, _) = version.sites.iter().find(|(_, s)| {
        s.offset == access.offset && s.kind == crate::abi::sites::SiteKind::Instruction
    })?;
    let target = version.sites.stack_of(site);
    if target.len() != access.stack.len() {
        return None;
    }
    // SAFETY: the caller's save area holds the frame's rbp.
    let fp = unsafe { *save.add(crate::abi::frame::saved_gpr(5)) } as usize;
    // Every value, read before any is written (the places overlap).
    let mut values = Vec::with_capacity(target.len());
    for (&(ty, from), &(to_ty, to)) in access.stack.iter().zip(target) {
        if ty != to_ty {
            return None;
        }
        let value = match (from, to) {
            (StackLoc::Const(a), StackLoc::Const(b)) if a == b => None,
            (StackLoc::Local(a), StackLoc::Local(b)) if a == b => None,
            (StackLoc::Const(_) | StackLoc::Local(_), _)
            | (_, StackLoc::Const(_) | StackLoc::Local(_)) => return None,
            // SAFETY: the save area and the frame are the faulting frame's.
            _ => Some(unsafe { loc_value(from, save, fp) }),
        };
        values.push(value);
    }
    for (value, &(ty, to)) in values.into_iter().zip(target) {
        if let Some(value) = value {
            // SAFETY: as above.
            unsafe { set_loc_value(to, ty, save, fp, value) };
        }
    }
    // The version tests its site bits through r13: this function's word, or none.
    let word = instance
        .func_bits(func)
        .load(std::sync::atomic::Ordering::Acquire);
    let bits = if word > 1 {
        word
    } else {
        module.stop_none()?.as_ptr() as usize
    };
    // SAFETY: as above.
    unsafe { *save.add(crate::abi::frame::saved_gpr(crate::abi::regs::DEBUG_BITS)) = bits as u64 };
    if trips == crate::runtime::watched_pages::SOFTWARE_AFTER {
        // Frequent trips: this instance checks its accesses in software from now on.
        let mut book = state.book.lock().unwrap_or_else(|e| e.into_inner());
        book.watch_in_software = true;
        update_protected_pages(instance, &mut book);
        state.apply(instance, &mut book);
    }
    Some(version.site_address(site))
}

/// The 128 bits of operand-stack place `loc` (a register or a frame slot).
///
/// # Safety
///
/// `save` must be a save area and `fp` the frame pointer of a live frame.
unsafe fn loc_value(loc: StackLoc, save: *mut u64, fp: usize) -> [u64; 2] {
    let cell = loc_cell(loc, save, fp);
    // SAFETY: per the caller; a V128 value occupies both words (other types ignore the
    // second, which is part of the same save slot or frame).
    unsafe { [*cell, *cell.add(1)] }
}

/// Writes `value` (a `ty`: 128 bits for a vector, else the low 64) to operand-stack
/// place `loc`.
///
/// # Safety
///
/// As `loc_value`.
unsafe fn set_loc_value(
    loc: StackLoc,
    ty: crate::types::ValType,
    save: *mut u64,
    fp: usize,
    value: [u64; 2],
) {
    let cell = loc_cell(loc, save, fp);
    // SAFETY: per the caller.
    unsafe {
        *cell = value[0];
        if ty == crate::types::ValType::V128 {
            *cell.add(1) = value[1];
        }
    }
}

fn loc_cell(loc: StackLoc, save: *mut u64, fp: usize) -> *mut u64 {
    match loc {
        StackLoc::Gpr(r) => save.wrapping_add(crate::abi::frame::saved_gpr(r)),
        StackLoc::Xmm(x) => save.wrapping_add(crate::abi::frame::saved_xmm(x)),
        StackLoc::Frame(disp) => fp.wrapping_add_signed(disp as isize) as *mut u64,
        StackLoc::Const(_) | StackLoc::Local(_) => unreachable!("no cell"),
    }
}
