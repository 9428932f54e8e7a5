//! Resource limits: the embedder's say over how far an instance's memories and tables
//! grow (`ResourceLimiter`, with the fixed `ResourceLimits`), and the cap on live instances per
//! engine (`LiveInstances`).
//!
//! A limiter is asked at instantiation (each defined memory and table, from nothing to its
//! initial size, before anything is allocated) and at every `memory.grow` and `table.grow`
//! the instance's code runs, under the memory's or table's grow lock, with the sizes the
//! grow would produce. A refusal makes instantiation fail with an error, and a grow return
//! -1, as the spec lets any grow fail. Growing from the host (`Memory::grow`,
//! `Table::grow`) is the embedder's own decision and asks no limiter.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Decides whether an instance's memories and tables may grow (wasmtime users know it as
/// `ResourceLimiter`). Set one with [`Linker::limiter`](crate::Linker::limiter); every
/// instance that linker creates asks it. Called on the thread that grows, possibly
/// several at once; a panic counts as a refusal.
pub trait ResourceLimiter: Send + Sync {
    /// A memory of the instance is about to grow from `current` to `desired` bytes (at
    /// instantiation from 0 to its initial size); `maximum` is the memory type's maximum,
    /// if it declares one. Returns whether it may.
    fn memory_growing(&self, current: usize, desired: usize, maximum: Option<usize>) -> bool;

    /// A table of the instance is about to grow from `current` to `desired` elements (at
    /// instantiation from 0 to its initial size); `maximum` is the table type's maximum,
    /// if it declares one. Returns whether it may.
    fn table_growing(&self, current: u32, desired: u32, maximum: Option<u32>) -> bool;
}

/// Fixed limits per instance: at most this many bytes in each memory and elements in each
/// table (wasmtime's `StoreLimits`). Unset limits allow anything the module's types allow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResourceLimits {
    memory_bytes: Option<usize>,
    table_elements: Option<u32>,
}

impl ResourceLimits {
    /// No limits.
    pub fn new() -> ResourceLimits {
        ResourceLimits::default()
    }

    /// Each memory of an instance may hold at most `bytes` bytes.
    pub fn memory_bytes(mut self, bytes: usize) -> ResourceLimits {
        self.memory_bytes = Some(bytes);
        self
    }

    /// Each table of an instance may hold at most `elements` elements.
    pub fn table_elements(mut self, elements: u32) -> ResourceLimits {
        self.table_elements = Some(elements);
        self
    }
}

impl ResourceLimiter for ResourceLimits {
    fn memory_growing(&self, _current: usize, desired: usize, _maximum: Option<usize>) -> bool {
        self.memory_bytes.is_none_or(|max| desired <= max)
    }

    fn table_growing(&self, _current: u32, desired: u32, _maximum: Option<u32>) -> bool {
        self.table_elements.is_none_or(|max| desired <= max)
    }
}

/// An instance's limiter, if it has one, asked with panics contained.
#[derive(Clone, Default)]
pub(crate) struct InstanceLimiter {
    limiter: Option<Arc<dyn ResourceLimiter>>,
}

impl InstanceLimiter {
    pub fn new(limiter: Option<Arc<dyn ResourceLimiter>>) -> InstanceLimiter {
        InstanceLimiter { limiter }
    }

    /// Whether a memory may grow from `current` to `desired` bytes.
    pub fn memory_growing(&self, current: usize, desired: usize, maximum: Option<usize>) -> bool {
        self.ask(|l| l.memory_growing(current, desired, maximum))
    }

    /// Whether a table may grow from `current` to `desired` elements.
    pub fn table_growing(&self, current: u32, desired: u32, maximum: Option<u32>) -> bool {
        self.ask(|l| l.table_growing(current, desired, maximum))
    }

    /// The limiter's answer; yes without one, no if it panics (it may be called from a
    /// libcall, where an unwinding panic would abort the process).
    fn ask(&self, question: impl FnOnce(&dyn ResourceLimiter) -> bool) -> bool {
        let Some(limiter) = &self.limiter else {
            return true;
        };
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| question(&**limiter)))
            .unwrap_or(false)
    }
}

/// The number of live instances of an engine, and its cap (`Config::max_instances`).
#[derive(Debug)]
pub(crate) struct LiveInstances {
    count: AtomicUsize,
    max: Option<usize>,
}

impl LiveInstances {
    pub fn new(max: Option<usize>) -> Arc<LiveInstances> {
        Arc::new(LiveInstances {
            count: AtomicUsize::new(0),
            max,
        })
    }

    /// Counts one more live instance, or says the cap is reached.
    pub fn admit(self: &Arc<Self>) -> Option<InstanceSlot> {
        let max = self.max.unwrap_or(usize::MAX);
        self.count
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < max).then_some(n + 1)
            })
            .ok()?;
        Some(InstanceSlot(self.clone()))
    }

    /// The cap, if any.
    pub fn max(&self) -> Option<usize> {
        self.max
    }
}

/// One live instance's place in its engine's count, given back when dropped.
#[derive(Debug)]
pub(crate) struct InstanceSlot(Arc<LiveInstances>);

impl Drop for InstanceSlot {
    fn drop(&mut self) {
        self.0.count.fetch_sub(1, Ordering::AcqRel);
    }
}
