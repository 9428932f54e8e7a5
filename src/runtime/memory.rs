//! Linear memories: an address-space reservation that never moves, of which the first
//! `size` bytes are readable and writable.

use crate::abi::vmctx::MemoryData;
use crate::abi::watch::Direction;
use crate::config::BoundsChecks;
use crate::error::{Error, Result};
use crate::runtime::watched_pages::{self, OS_PAGE};
use crate::types::MemoryType;
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Bytes in a wasm page.
pub const PAGE_SIZE: usize = 65536;
/// Pages addressable by a 32-bit memory.
const MAX_PAGES: u64 = 65536;
/// Reservation in guard-page mode: any u32 address plus u32 offset plus access size.
pub(crate) const GUARD_RESERVATION: usize = (8 << 30) + 2 * PAGE_SIZE;

pub(crate) struct MemoryInner {
    data: Box<UnsafeCell<MemoryData>>,
    reserved: usize,
    /// The most pages it may hold: its declared maximum, at most what its addresses
    /// reach (32-bit) or the engine's `max_memory64_bytes` (64-bit).
    max_pages: u64,
    ty: MemoryType,
    grow_lock: Mutex<()>,
    /// Who is told of host reads and writes (instances with watchpoints on this memory).
    watchers: Mutex<Vec<Arc<dyn HostAccessWatcher>>>,
    /// Whether `watchers` is not empty (read on every host access).
    watched: AtomicBool,
    /// The pages protected for the watchers ("DESIGN: watched pages").
    protection: Mutex<Protection>,
    /// Whether `protection` protects any page (read on every host access).
    protected: AtomicBool,
}

/// A memory's protected pages ("DESIGN: watched pages" in `runtime::watched_pages`).
#[derive(Default)]
struct Protection {
    /// (start, end, protection) runs, offsets into the memory.
    runs: Vec<(usize, usize, i32)>,
    /// Their entries in the signal handler's table.
    slots: watched_pages::RunSlots,
}

/// Told of the host's reads and writes of a memory before they happen ("DESIGN:
/// watchpoints" in `codegen::watch`: host accesses count).
pub(crate) trait HostAccessWatcher: Send + Sync {
    /// The host is about to access `len` bytes at `offset` (a range inside the memory).
    fn host_access(&self, offset: usize, len: usize, direction: Direction);
    /// The ranges whose pages this watcher wants protected: (start, end, whether reads
    /// are watched too) ("DESIGN: watched pages"). Must not wait for the watcher's
    /// instance's debug state, whose holder may be updating the protection.
    fn protected_ranges(&self) -> Vec<(u64, u64, bool)>;
}

// SAFETY: the reservation is plain memory; `data` changes only under `grow_lock`, and
// wasm code reading it concurrently sees either length (both are mapped).
unsafe impl Send for MemoryInner {}
// SAFETY: as above.
unsafe impl Sync for MemoryInner {}

/// Freed reservations kept for reuse: unmapping and mapping an 8 GiB reservation costs
/// far more than instantiating a small module otherwise does (page-table teardown).
/// Entries are (base, reserved bytes, accessible bytes): zeroed, with only the first
/// `accessible` bytes read+write.
static RESERVATION_POOL: Mutex<Vec<(usize, usize, usize)>> = Mutex::new(Vec::new());

/// Reservations kept at most.
const POOL_CAPACITY: usize = 64;

/// A zeroed reservation of `size` bytes: from the pool, or a fresh mapping. Returns its
/// base and how many leading bytes are already read+write.
fn reserve(size: usize, wanted: usize) -> Option<(*mut u8, usize)> {
    {
        let mut pool = RESERVATION_POOL.lock().unwrap_or_else(|e| e.into_inner());
        // Prefer one whose accessible part is already the size wanted.
        let best = pool
            .iter()
            .position(|(_, s, a)| *s == size && *a == wanted)
            .or_else(|| pool.iter().position(|(_, s, _)| *s == size));
        if let Some(i) = best {
            let (base, _, accessible) = pool.swap_remove(i);
            return Some((base as *mut u8, accessible));
        }
    }
    // SAFETY: an anonymous PROT_NONE reservation; nothing else refers to it yet.
    let base = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    (base != libc::MAP_FAILED).then_some((base.cast(), 0))
}

impl Drop for MemoryInner {
    fn drop(&mut self) {
        let data = self.data.get_mut();
        let (base, used) = (data.base, data.len as usize);
        // Watched pages go back to read+write, and the signal handler forgets them.
        let protection =
            std::mem::take(self.protection.get_mut().unwrap_or_else(|e| e.into_inner()));
        for &(start, end, _) in &protection.runs {
            // SAFETY: the run lies in this memory's accessible part.
            unsafe {
                libc::mprotect(
                    base.add(start).cast(),
                    end - start,
                    libc::PROT_READ | libc::PROT_WRITE,
                )
            };
        }
        watched_pages::withdraw_runs(&protection.slots);
        watched_pages::forget_range(base as usize, base as usize + self.reserved);
        // SAFETY: `base` was reserved with `reserved` bytes and belongs to this memory
        // alone; no instance uses it any more. Returning the used pages to the kernel
        // zeroes them; the next user adjusts the protection to its own size.
        unsafe {
            let recycled = used == 0 || libc::madvise(base.cast(), used, libc::MADV_DONTNEED) == 0;
            if recycled {
                let mut pool = RESERVATION_POOL.lock().unwrap_or_else(|e| e.into_inner());
                if pool.len() < POOL_CAPACITY {
                    pool.push((base as usize, self.reserved, used));
                    return;
                }
            }
            libc::munmap(base.cast(), self.reserved);
        }
    }
}

/// A linear memory. Cloning shares it.
#[derive(Clone)]
pub struct Memory {
    pub(crate) inner: Arc<MemoryInner>,
    /// Keeps the exporting instance alive while the handle exists.
    pub(crate) _owner: Option<Arc<dyn std::any::Any + Send + Sync>>,
}

impl std::fmt::Debug for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memory")
            .field("pages", &self.size())
            .finish()
    }
}

impl Memory {
    /// A memory of type `ty`. A 32-bit memory reserves `GUARD_RESERVATION` in
    /// guard-page mode and its maximum in explicit mode; a 64-bit memory, whose accesses
    /// are always checked in code, reserves its maximum, at most `max_memory64_bytes`
    /// (`Config::max_memory64_bytes`).
    pub(crate) fn create(
        ty: MemoryType,
        mode: BoundsChecks,
        max_memory64_bytes: u64,
    ) -> Result<Memory> {
        let addressable = if ty.memory64 {
            max_memory64_bytes / PAGE_SIZE as u64
        } else {
            MAX_PAGES
        };
        let max = ty
            .limits
            .max
            .map_or(addressable, |m| m as u64)
            .min(addressable);
        if ty.limits.min as u64 > max {
            return Err(Error::Resource(format!(
                "memory minimum of {} pages exceeds the {max} this memory may have",
                ty.limits.min
            )));
        }
        let reserved = match mode {
            BoundsChecks::GuardPages if !ty.memory64 => GUARD_RESERVATION,
            _ => (max as usize * PAGE_SIZE).max(PAGE_SIZE),
        };
        let wanted = ty.limits.min as usize * PAGE_SIZE;
        let Some((base, accessible)) = reserve(reserved, wanted) else {
            return Err(Error::Resource("cannot reserve linear memory".into()));
        };
        if accessible > wanted {
            // SAFETY: the excess lies inside our reservation; it becomes a guard again.
            let rc = unsafe {
                libc::mprotect(
                    base.add(wanted).cast(),
                    accessible - wanted,
                    libc::PROT_NONE,
                )
            };
            if rc != 0 {
                return Err(Error::Resource("cannot protect linear memory".into()));
            }
        }
        let accessible = accessible.min(wanted);
        let inner = MemoryInner {
            data: Box::new(UnsafeCell::new(MemoryData {
                len: accessible as u64,
                base,
            })),
            reserved,
            max_pages: max,
            ty,
            grow_lock: Mutex::new(()),
            watchers: Mutex::new(Vec::new()),
            watched: AtomicBool::new(false),
            protection: Mutex::new(Protection::default()),
            protected: AtomicBool::new(false),
        };
        let memory = Memory {
            inner: Arc::new(inner),
            _owner: None,
        };
        let missing = (wanted - accessible) / PAGE_SIZE;
        if memory.grow_pages(missing as u64).is_none() {
            return Err(Error::Resource("cannot commit linear memory".into()));
        }
        Ok(memory)
    }

    /// The memory's type (its declared limits).
    pub fn ty(&self) -> MemoryType {
        self.inner.ty
    }

    /// Current size in pages.
    pub fn size(&self) -> u32 {
        (self.data_size() / PAGE_SIZE) as u32
    }

    /// Current size in bytes.
    pub fn data_size(&self) -> usize {
        // SAFETY: a word-sized read of the descriptor; see `MemoryInner`'s Sync note.
        unsafe { (*self.inner.data.get()).len as usize }
    }

    /// Base address of the memory's bytes (stable for the memory's life).
    pub fn data_ptr(&self) -> *mut u8 {
        // SAFETY: `base` never changes after creation.
        unsafe { (*self.inner.data.get()).base }
    }

    pub(crate) fn descriptor(&self) -> *mut MemoryData {
        self.inner.data.get()
    }

    pub(crate) fn reserved(&self) -> usize {
        self.inner.reserved
    }

    /// Grows by `delta` pages; returns the previous size in pages.
    pub fn grow(&self, delta: u32) -> Result<u32> {
        self.grow_pages(delta as u64)
            .map(|old| old as u32)
            .ok_or_else(|| Error::Usage("memory cannot grow by that many pages".into()))
    }

    /// Grows by `delta` pages; returns the previous size, or None past the maximum.
    pub(crate) fn grow_pages(&self, delta: u64) -> Option<u64> {
        self.grow_pages_if(delta, |_, _, _| true)
    }

    /// As `grow_pages`, if `allow(current bytes, new bytes, maximum bytes)` agrees,
    /// asked under the grow lock (so the sizes it is shown are the ones that change).
    pub(crate) fn grow_pages_if(
        &self,
        delta: u64,
        allow: impl FnOnce(usize, usize, Option<usize>) -> bool,
    ) -> Option<u64> {
        let _guard = self
            .inner
            .grow_lock
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let old = self.data_size();
        let old_pages = (old / PAGE_SIZE) as u64;
        let new_pages = old_pages.checked_add(delta)?;
        if new_pages > self.inner.max_pages {
            return None;
        }
        let new = new_pages as usize * PAGE_SIZE;
        if new > self.inner.reserved {
            return None;
        }
        let declared = self.inner.ty.limits.max.map(|m| m as usize * PAGE_SIZE);
        if delta > 0 && !allow(old, new, declared) {
            return None;
        }
        if new > old {
            // SAFETY: [base + old, base + new) lies inside our reservation.
            let rc = unsafe {
                libc::mprotect(
                    self.data_ptr().add(old).cast(),
                    new - old,
                    libc::PROT_READ | libc::PROT_WRITE,
                )
            };
            if rc != 0 {
                return None;
            }
        }
        // SAFETY: updated under the grow lock; readers tolerate either value.
        unsafe {
            (*self.inner.data.get()).len = new as u64;
        }
        // Watched pages that growing made accessible ("DESIGN: watched pages", 4).
        if new > old && self.inner.watched.load(Ordering::Acquire) {
            self.update_protection();
        }
        Some(old_pages)
    }

    fn check(&self, offset: usize, len: usize) -> Result<()> {
        match offset.checked_add(len) {
            Some(end) if end <= self.data_size() => Ok(()),
            _ => Err(Error::Usage("out of bounds memory access".into())),
        }
    }

    /// Copies memory at `offset` into `buf`.
    pub fn read(&self, offset: usize, buf: &mut [u8]) -> Result<()> {
        self.check(offset, buf.len())?;
        self.note_host_access(offset, buf.len(), Direction::Read);
        self.read_unwatched(offset, buf)
    }

    /// Copies `data` into memory at `offset`.
    pub fn write(&self, offset: usize, data: &[u8]) -> Result<()> {
        self.check(offset, data.len())?;
        self.note_host_access(offset, data.len(), Direction::Write);
        self.write_unwatched(offset, data)
    }

    /// `read` without telling the watchers (the debugger's own reads).
    pub(crate) fn read_unwatched(&self, offset: usize, buf: &mut [u8]) -> Result<()> {
        self.check(offset, buf.len())?;
        self.host_access(&[(offset, buf.len())], || {
            // SAFETY: the range is inside the accessible part of the memory, and its
            // pages are not protected while this runs.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    self.data_ptr().add(offset),
                    buf.as_mut_ptr(),
                    buf.len(),
                )
            }
        });
        Ok(())
    }

    /// `write` without telling the watchers (the debugger's own writes).
    pub(crate) fn write_unwatched(&self, offset: usize, data: &[u8]) -> Result<()> {
        self.check(offset, data.len())?;
        self.host_access(&[(offset, data.len())], || {
            // SAFETY: as in `read_unwatched`.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    data.as_ptr(),
                    self.data_ptr().add(offset),
                    data.len(),
                )
            }
        });
        Ok(())
    }

    /// Runs `f`, a host access of the (offset, length) `ranges` (inside the memory),
    /// with their pages unprotected if watchpoints protect any ("DESIGN: watched
    /// pages", 3). Protection changes wait until it is done.
    pub(crate) fn host_access<R>(&self, ranges: &[(usize, usize)], f: impl FnOnce() -> R) -> R {
        if !self.inner.protected.load(Ordering::Acquire) {
            return f();
        }
        let protection = self
            .inner
            .protection
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let touched = |run: &(usize, usize, i32)| {
            ranges
                .iter()
                .any(|&(o, n)| n > 0 && o < run.1 && run.0 < o + n)
        };
        let (lifted, slots): (Vec<(usize, usize, i32)>, watched_pages::RunSlots) = protection
            .runs
            .iter()
            .zip(&protection.slots)
            .filter(|(run, _)| touched(run))
            .map(|(&run, &slot)| (run, slot))
            .unzip();
        // No thread ending a step may protect these pages again while the host accesses
        // them ("DESIGN: watched pages", 3).
        let lift = watched_pages::lift_runs(&slots);
        for &(start, end, _) in &lifted {
            self.protect(start, end, libc::PROT_READ | libc::PROT_WRITE);
        }
        let result = f();
        drop(lift);
        for &(start, end, prot) in &lifted {
            self.protect(start, end, prot);
        }
        result
    }

    /// `mprotect` of `[start, end)` (page-aligned offsets inside the accessible part).
    fn protect(&self, start: usize, end: usize, prot: i32) {
        // SAFETY: the range lies in the memory's accessible part, which is ours.
        let rc = unsafe { libc::mprotect(self.data_ptr().add(start).cast(), end - start, prot) };
        debug_assert_eq!(rc, 0, "mprotect of a memory's own pages");
    }

    /// Protects the pages the watchers want protected and unprotects the others
    /// ("DESIGN: watched pages", 1). Returns false, changing nothing, if the signal
    /// handler's table has no room for the runs.
    pub(crate) fn update_protection(&self) -> bool {
        let watchers = self
            .inner
            .watchers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let len = self.data_size();
        // Page offset -> protection (none beats read-only).
        let mut pages = std::collections::BTreeMap::<usize, i32>::new();
        for watcher in &watchers {
            for (start, end, reads) in watcher.protected_ranges() {
                let end = (end.min(len as u64)) as usize;
                let start = start as usize;
                if start >= end {
                    continue;
                }
                let prot = if reads {
                    libc::PROT_NONE
                } else {
                    libc::PROT_READ
                };
                for page in (start / OS_PAGE)..=((end - 1) / OS_PAGE) {
                    let p = pages.entry(page * OS_PAGE).or_insert(prot);
                    if prot == libc::PROT_NONE {
                        *p = prot;
                    }
                }
            }
        }
        let mut runs: Vec<(usize, usize, i32)> = Vec::new();
        for (&page, &prot) in &pages {
            match runs.last_mut() {
                Some(last) if last.1 == page && last.2 == prot => last.1 = page + OS_PAGE,
                _ => runs.push((page, page + OS_PAGE, prot)),
            }
        }
        let mut protection = self
            .inner
            .protection
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if protection.runs == runs {
            return true;
        }
        let base = self.data_ptr() as usize;
        let absolute: Vec<(usize, usize, i32)> = runs
            .iter()
            .map(|&(s, e, p)| (base + s, base + e, p))
            .collect();
        let old: Vec<(usize, usize, i32)> = protection
            .runs
            .iter()
            .map(|&(s, e, p)| (base + s, base + e, p))
            .collect();
        // SAFETY: both sets of runs lie in this memory's accessible part (the old ones
        // were inside it when made, and a memory never shrinks).
        let Some(slots) =
            (unsafe { watched_pages::change_runs(&old, &protection.slots, &absolute) })
        else {
            return false;
        };
        self.inner
            .protected
            .store(!runs.is_empty(), Ordering::Release);
        protection.runs = runs;
        protection.slots = slots;
        true
    }

    /// Tells the watchers, if any, that the host is about to access `len` bytes at
    /// `offset` (a range already checked against the memory's size).
    pub(crate) fn note_host_access(&self, offset: usize, len: usize, direction: Direction) {
        if len == 0 || !self.inner.watched.load(Ordering::Acquire) {
            return;
        }
        let watchers = self
            .inner
            .watchers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        for watcher in watchers {
            watcher.host_access(offset, len, direction);
        }
    }

    /// Adds a watcher of host accesses.
    pub(crate) fn add_watcher(&self, watcher: Arc<dyn HostAccessWatcher>) {
        let mut watchers = self
            .inner
            .watchers
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        watchers.push(watcher);
        self.inner.watched.store(true, Ordering::Release);
    }

    /// Removes a watcher added with `add_watcher`.
    pub(crate) fn remove_watcher(&self, watcher: &Arc<dyn HostAccessWatcher>) {
        let mut watchers = self
            .inner
            .watchers
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        watchers.retain(|w| !Arc::ptr_eq(w, watcher));
        self.inner
            .watched
            .store(!watchers.is_empty(), Ordering::Release);
    }

    /// Whether two handles refer to the same memory.
    pub fn same(a: &Memory, b: &Memory) -> bool {
        Arc::ptr_eq(&a.inner, &b.inner)
    }
}
