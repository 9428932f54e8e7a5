//! One module's executable mapping: its code copied in while writable, then made
//! read+execute once and never writable again.

use crate::error::{Error, Result};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Size of a transparent huge page on x86-64.
const HUGE_PAGE: usize = 2 << 20;

/// Executable bytes of one compiled module (or of the engine's trampolines).
pub(crate) struct CodeMemory {
    map: memmap2::Mmap,
    len: usize,
    counter: Option<Arc<AtomicUsize>>,
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
        let code_len = len;
        let len = len.max(1);
        let mut map = memmap2::MmapMut::map_anon(len)
            .map_err(|e| Error::Resource(format!("cannot map code memory: {e}")))?;
        if len >= HUGE_PAGE {
            // Large code in transparent huge pages: a few faults instead of one per 4 KiB
            // while filling (benches/RESULTS.md, "Code in huge pages"), and fewer iTLB
            // misses when it runs. Only advice: the kernel may decline.
            let _ = map.advise(memmap2::Advice::HugePage);
        }
        fill(&mut map[..code_len]);
        let map = map
            .make_exec()
            .map_err(|e| Error::Resource(format!("cannot make code executable: {e}")))?;
        if let Some(c) = &counter {
            c.fetch_add(map.len(), Ordering::Relaxed);
        }
        Ok(CodeMemory {
            map,
            len: code_len.max(1),
            counter,
        })
    }

    /// Address of the first code byte.
    pub fn base(&self) -> *const u8 {
        self.map.as_ptr()
    }

    /// The published bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.map[..self.len]
    }

    /// Address range covered by this mapping.
    pub fn range(&self) -> (usize, usize) {
        let start = self.map.as_ptr() as usize;
        (start, start + self.len)
    }
}

impl Drop for CodeMemory {
    fn drop(&mut self) {
        if let Some(c) = &self.counter {
            c.fetch_sub(self.map.len(), Ordering::Relaxed);
        }
    }
}
