//! One module's executable mapping: its code copied in while writable, then made
//! read+execute once and never writable again; and, for debuggable modules, address space
//! reserved behind it where instrumented versions compiled later are published the same
//! way, each into pages of their own.
//!
//! // DESIGN: debug code reserved behind the module's code
//! A debuggable module's mapping reserves inaccessible address space after its code
//! (`CodeMemory::publish_with_reserve`). An instrumented version compiled on first use
//! (`compiler::debug_code`) is published into the next unused pages of that reserve
//! (`CodeMemory::publish_in_reserve`): they go from inaccessible to writable, are filled,
//! and become read+execute for good. A page is never in two publications, so no page that
//! was ever executable becomes writable (invariant 2), and every byte of the reserve lies
//! within ±2 GiB of every byte of the module's code: instrumented code reaches plain code
//! (the direct calls, the jumps back to the plain version) with ordinary rel32
//! displacements. The reserve is only address space until a page is published
//! (`MAP_NORESERVE`, `PROT_NONE`); `reserve_for` sizes it.

use crate::error::{Error, Result};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Size of a transparent huge page on x86-64.
const HUGE_PAGE: usize = 2 << 20;

/// The page size the reserve is handed out in.
const PAGE: usize = 4096;

/// Largest reserve, so that code and reserve stay within rel32 reach of each other.
const MAX_RESERVE: usize = 1 << 30;

/// Reserve for a debuggable module with `code_len` bytes of plain code: instrumented
/// versions take up to about 6.4x the plain code (benches/RESULTS.md, "Lazy instrumented
/// versions"), plus a copy of the stubs and page rounding per publication.
pub(crate) fn reserve_for(code_len: usize) -> usize {
    code_len.saturating_mul(16).clamp(64 << 20, MAX_RESERVE)
}

/// Executable bytes of one compiled module (or of the engine's trampolines).
pub(crate) struct CodeMemory {
    base: *mut u8,
    /// Bytes mapped (code rounded up to pages, plus the reserve).
    map_len: usize,
    /// Code bytes published at `base`.
    len: usize,
    /// Pages of the reserve published so far, from `base`: the next publication starts
    /// here (in bytes, page-aligned).
    used: Mutex<usize>,
    counter: Option<Arc<AtomicUsize>>,
    /// Code bytes added to `counter` (the module's and the reserve's publications).
    counted: AtomicUsize,
    /// Offset of the first publication in the reserve.
    reserve_start: usize,
}

// SAFETY: the mapping is owned by this value; its published bytes are immutable and the
// bump pointer of the reserve is behind a mutex.
unsafe impl Send for CodeMemory {}
// SAFETY: as above.
unsafe impl Sync for CodeMemory {}

fn os_error(what: &str) -> Error {
    Error::Resource(format!("{what}: {}", std::io::Error::last_os_error()))
}

impl CodeMemory {
    /// Copies `code` into a fresh anonymous mapping and makes it read+execute. The mapping is
    /// never writable again; `counter` (if any) accounts the mapped bytes while it lives.
    pub fn publish(code: &[u8], counter: Option<Arc<AtomicUsize>>) -> Result<CodeMemory> {
        CodeMemory::publish_with(code.len(), counter, |dst| dst.copy_from_slice(code))
    }

    /// Maps `len` bytes, lets `fill` write the code (the only moment the mapping is
    /// writable), then makes it read+execute for good.
    pub fn publish_with(
        len: usize,
        counter: Option<Arc<AtomicUsize>>,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<CodeMemory> {
        CodeMemory::publish_with_reserve(len, 0, 0, counter, fill)
    }

    /// Offset from `base` of the data area (`publish_with_reserve`): the code's pages end
    /// there.
    pub fn data_offset(len: usize) -> usize {
        len.max(1).next_multiple_of(PAGE)
    }

    /// The data area's 8-byte slot `index`.
    ///
    /// # Safety
    ///
    /// The mapping must have been published with at least `8 * (index + 1)` bytes of data.
    pub unsafe fn data_slot(&self, index: usize) -> &AtomicUsize {
        let offset = CodeMemory::data_offset(self.len) + 8 * index;
        // SAFETY: inside the data area (caller's contract), which is readable and writable
        // for the mapping's life and 8-byte aligned (page-aligned start).
        unsafe { &*(self.base.add(offset) as *const AtomicUsize) }
    }

    /// As `publish_with`, and reserves `reserve` more bytes of address space behind the
    /// code for `publish_in_reserve` ("DESIGN: debug code reserved behind the module's
    /// code"), the first `data` of them (from `data_offset`) readable and writable and
    /// never executable: the module's transfer slots (`compiler::codegen::breakable`,
    /// "DESIGN: transfer paths"). Pages of it are backed only once written.
    pub fn publish_with_reserve(
        len: usize,
        data: usize,
        reserve: usize,
        counter: Option<Arc<AtomicUsize>>,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<CodeMemory> {
        let memory = CodeMemory::reserve(len, data, reserve, counter)?;
        let code_pages = len.max(1).next_multiple_of(PAGE);
        let base = memory.base.cast::<libc::c_void>();
        if code_pages >= HUGE_PAGE {
            // Large code in transparent huge pages: a few faults instead of one per 4 KiB
            // while filling (benches/RESULTS.md, "Code in huge pages"), and fewer iTLB
            // misses when it runs. Only advice: the kernel may decline.
            // SAFETY: advice on our own mapping.
            unsafe { libc::madvise(base, code_pages, libc::MADV_HUGEPAGE) };
        }
        // SAFETY: the range is the start of our own mapping, published by nobody yet.
        unsafe { memory.fill_pages(0, code_pages, len, fill)? };
        memory.open_data()?;
        memory.count(len.max(1));
        Ok(memory)
    }

    /// Maps `len` bytes of code from `file` at `file_offset` (page-aligned) read+execute
    /// in place: the pages are the page cache's, shared by every process that maps the
    /// same file, and never writable. Behind them, as `publish_with_reserve`, `data` bytes
    /// of transfer slots and `reserve` bytes for instrumented versions.
    ///
    /// The caller has checked the file's contents (`artifact`) through a read-only
    /// mapping of the same file.
    pub fn map_file(
        file: &std::fs::File,
        file_offset: u64,
        len: usize,
        data: usize,
        reserve: usize,
        counter: Option<Arc<AtomicUsize>>,
    ) -> Result<CodeMemory> {
        use std::os::fd::AsRawFd;
        let memory = CodeMemory::reserve(len, data, reserve, counter)?;
        let code_pages = len.max(1).next_multiple_of(PAGE);
        let base = memory.base.cast::<libc::c_void>();
        let offset = libc::off_t::try_from(file_offset)
            .map_err(|_| Error::Resource("code offset out of range".into()))?;
        // SAFETY: replaces the start of our own reservation (MAP_FIXED inside it) with a
        // private, read+execute mapping of the file; never writable, so its pages stay
        // the page cache's.
        let mapped = unsafe {
            libc::mmap(
                base,
                code_pages,
                libc::PROT_READ | libc::PROT_EXEC,
                libc::MAP_PRIVATE | libc::MAP_FIXED,
                file.as_raw_fd(),
                offset,
            )
        };
        if mapped == libc::MAP_FAILED {
            return Err(os_error("cannot map code from the file"));
        }
        memory.open_data()?;
        memory.count(len.max(1));
        Ok(memory)
    }

    /// Reserves inaccessible address space for `len` bytes of code, `data` bytes of
    /// transfer slots and `reserve` bytes of later publications; nothing is published.
    fn reserve(
        len: usize,
        data: usize,
        reserve: usize,
        counter: Option<Arc<AtomicUsize>>,
    ) -> Result<CodeMemory> {
        let code_pages = len.max(1).next_multiple_of(PAGE);
        let data_pages = data.next_multiple_of(PAGE);
        let map_len = code_pages + data_pages + reserve.next_multiple_of(PAGE);
        // SAFETY: a fresh private anonymous reservation; no existing memory is affected.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return Err(os_error("cannot map code memory"));
        }
        Ok(CodeMemory {
            base: base.cast(),
            map_len,
            len,
            used: Mutex::new(code_pages + data_pages),
            counter,
            counted: AtomicUsize::new(0),
            reserve_start: code_pages + data_pages,
        })
    }

    /// Makes the data area (the transfer slots, between the code and the reserve)
    /// readable and writable; it is never executable.
    fn open_data(&self) -> Result<()> {
        let code_pages = self.len.max(1).next_multiple_of(PAGE);
        let data_pages = self.reserve_start - code_pages;
        if data_pages == 0 {
            return Ok(());
        }
        // SAFETY: our own pages after the code, never executable.
        let at = unsafe { self.base.add(code_pages) };
        // SAFETY: as above.
        if unsafe { libc::mprotect(at.cast(), data_pages, libc::PROT_READ | libc::PROT_WRITE) } != 0
        {
            return Err(os_error("cannot map the transfer slots"));
        }
        Ok(())
    }

    /// Makes `pages` bytes at `offset` writable, lets `fill` write the first `len`, and
    /// makes them read+execute.
    ///
    /// # Safety
    ///
    /// `offset..offset + pages` must be page-aligned, inside the mapping, and never
    /// published before (so never executable).
    unsafe fn fill_pages(
        &self,
        offset: usize,
        pages: usize,
        len: usize,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<()> {
        // SAFETY: inside our mapping (caller's contract).
        let at = unsafe { self.base.add(offset) };
        // SAFETY: our own, never-executable pages (caller's contract).
        if unsafe { libc::mprotect(at.cast(), pages, libc::PROT_READ | libc::PROT_WRITE) } != 0 {
            return Err(os_error("cannot make code memory writable"));
        }
        // SAFETY: the pages were just made writable and nothing else refers to them.
        fill(unsafe { std::slice::from_raw_parts_mut(at, len) });
        // SAFETY: our own pages; from now on they are never writable again.
        if unsafe { libc::mprotect(at.cast(), pages, libc::PROT_READ | libc::PROT_EXEC) } != 0 {
            return Err(os_error("cannot make code executable"));
        }
        Ok(())
    }

    /// Publishes `len` more bytes of code in fresh pages of the reserve: `fill` gets the
    /// pages' final address and writes the code. Returns the code's offset from `base`.
    pub fn publish_in_reserve(
        &self,
        len: usize,
        fill: impl FnOnce(usize, &mut [u8]),
    ) -> Result<usize> {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let pages = len.max(1).next_multiple_of(PAGE);
        if *used + pages > self.map_len {
            return Err(Error::Resource(
                "the module's reserve for debug code is exhausted".into(),
            ));
        }
        let offset = *used;
        let address = self.base as usize + offset;
        // SAFETY: `used` only grows, so these pages were never published.
        unsafe { self.fill_pages(offset, pages, len, |dst| fill(address, dst))? };
        *used += pages;
        self.count(len);
        Ok(offset)
    }

    fn count(&self, bytes: usize) {
        self.counted.fetch_add(bytes, Ordering::Relaxed);
        if let Some(c) = &self.counter {
            c.fetch_add(bytes, Ordering::Relaxed);
        }
    }

    /// Address of the first code byte.
    pub fn base(&self) -> *const u8 {
        self.base
    }

    /// The published bytes (of the module's own code, not of the reserve).
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the first `len` bytes are published, readable and never written again.
        unsafe { std::slice::from_raw_parts(self.base, self.len) }
    }

    /// `len` published bytes at `offset` (from `publish_in_reserve`).
    pub fn bytes_at(&self, offset: usize, len: usize) -> &[u8] {
        let used = *self.used.lock().unwrap_or_else(|e| e.into_inner());
        assert!(offset + len <= used, "bytes outside the published code");
        // SAFETY: below `used` every page is published, readable and never written again.
        unsafe { std::slice::from_raw_parts(self.base.add(offset), len) }
    }

    /// Address range of the module's own code (the reserve excluded).
    pub fn range(&self) -> (usize, usize) {
        let start = self.base as usize;
        (start, start + self.len.max(1))
    }

    /// Bytes of the reserve published so far (whole pages, the data area excluded).
    pub fn reserve_used(&self) -> usize {
        *self.used.lock().unwrap_or_else(|e| e.into_inner()) - self.reserve_start()
    }

    /// Where publications in the reserve start (after the code and the data area).
    fn reserve_start(&self) -> usize {
        self.reserve_start
    }
}

impl Drop for CodeMemory {
    fn drop(&mut self) {
        if let Some(c) = &self.counter {
            c.fetch_sub(*self.counted.get_mut(), Ordering::Relaxed);
        }
        // SAFETY: our own mapping; whoever ran code in it is gone (the owner unregisters
        // its ranges before dropping it).
        unsafe { libc::munmap(self.base.cast(), self.map_len) };
    }
}
