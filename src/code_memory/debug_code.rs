//! A debuggable module's instrumented versions: compiled on first use (or all at once in
//! eager mode), once per module, published into the reserve behind the module's code and
//! shared by every instance (`compiler::codegen`, "DESIGN: instrumented versions compiled
//! on first use"). This module owns what exists of them and makes sure each is compiled
//! once; the compiling is `compiler::debug_code`'s.

use super::compiled::{CompiledCode, Version};
use super::registry::{register, unregister, CallerPoint, CodeOwner, SignalEntries};
use crate::abi::frame::FrameShape;
use crate::abi::sites::{FuncSites, PlainAccess};
use crate::error::Result;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// One function's instrumented version.
pub(crate) struct DebugFunc {
    /// Absolute address range of its code.
    pub start: usize,
    pub end: usize,
    /// Absolute address of each of its transfer points, numbered as the plain version's.
    pub transfers: Box<[usize]>,
    /// Its breakable sites.
    pub sites: FuncSites,
    /// The publication it is part of (kept registered while the function exists).
    pub region: Arc<DebugRegion>,
}

/// One publication of instrumented versions (one function, or every function in eager
/// mode): registered as wasm code so that backtraces, traps and the signal handler know
/// it.
pub(crate) struct DebugRegion {
    /// The module's code, whose reserve holds this region (kept mapped while it lives).
    module_code: Arc<CompiledCode>,
    /// Absolute address of its first byte, and its length.
    pub start: usize,
    pub len: usize,
    /// Offset from `start` of the region's copy of the stubs (they run to its end).
    pub stubs: usize,
    /// The versions in this region, offsets from `start`, sorted.
    versions: Vec<Version>,
    /// (code offset from `start`, module offset), sorted by code offset.
    sites: Vec<(u32, u32)>,
    /// Return addresses (offsets from `start`) of the calls that switch to another
    /// context, sorted (`CodeOwner::caller_point`).
    context_returns: Vec<u32>,
    /// (return address, landing pad) offsets from `start`, sorted by return address
    /// (`CodeOwner::landing_pad`).
    landing_pads: Vec<(u32, u32)>,
}

impl DebugRegion {
    /// Registers `[start, start + len)` of the module's reserve as wasm code whose memory
    /// faults resume at `fault_stub` (an absolute address inside it).
    #[allow(clippy::too_many_arguments)]
    pub fn register(
        module_code: Arc<CompiledCode>,
        start: usize,
        len: usize,
        stubs: usize,
        fault_stub: usize,
        versions: Vec<Version>,
        sites: Vec<(u32, u32)>,
        context_returns: Vec<u32>,
        landing_pads: Vec<(u32, u32)>,
    ) -> Arc<DebugRegion> {
        let region = Arc::new(DebugRegion {
            module_code,
            start,
            len,
            stubs,
            versions,
            sites,
            context_returns,
            landing_pads,
        });
        let owner: &dyn CodeOwner = &*region;
        register(
            start,
            start + len.max(1),
            SignalEntries::faults_only(fault_stub),
            owner as *const dyn CodeOwner,
        );
        region
    }
}

impl CodeOwner for DebugRegion {
    fn lookup(&self, pc: usize, is_return_address: bool) -> Option<(u32, u32)> {
        let pc = if is_return_address { pc - 1 } else { pc };
        let offset = u32::try_from(pc.checked_sub(self.start)?).ok()?;
        let v = self.versions.partition_point(|v| v.start <= offset);
        if v == 0 {
            return None;
        }
        let i = self.sites.partition_point(|(c, _)| *c <= offset);
        let wasm = if i == 0 { 0 } else { self.sites[i - 1].1 };
        Some((
            self.module_code.num_imported_funcs + self.versions[v - 1].defined,
            wasm,
        ))
    }

    fn func_name(&self, index: u32) -> Option<String> {
        let name = self.module_code.names.get(&index)?;
        Some(crate::names::demangle(name).into_owned())
    }

    fn caller_point(&self, return_address: usize) -> Option<CallerPoint> {
        let (func, offset) = self.lookup(return_address, true)?;
        let returned = u32::try_from(return_address - self.start).ok()?;
        Some(CallerPoint {
            func,
            offset,
            switches_context: Some(self.context_returns.binary_search(&returned).is_ok()),
        })
    }

    fn landing_pad(&self, return_address: usize) -> Option<usize> {
        self.landing_pad_at(return_address)
    }
}

impl DebugRegion {
    fn landing_pad_at(&self, return_address: usize) -> Option<usize> {
        let offset = u32::try_from(return_address.checked_sub(self.start)?).ok()?;
        super::registry::find_landing_pad(&self.landing_pads, self.start, offset)
    }
}

impl Drop for DebugRegion {
    fn drop(&mut self) {
        unregister(self.start);
    }
}

impl DebugFunc {
    /// The absolute address of site `id`'s bit test: where execution entering the
    /// version at that site resumes.
    pub fn site_address(&self, id: u32) -> usize {
        self.region.start + self.sites.site(id).code as usize
    }

    /// A function's instrumented version, published in `region`.
    pub fn new(
        start: usize,
        end: usize,
        transfers: Box<[usize]>,
        sites: FuncSites,
        region: Arc<DebugRegion>,
    ) -> DebugFunc {
        DebugFunc {
            start,
            end,
            transfers,
            sites,
            region,
        }
    }
}

/// The instrumented versions of one debuggable module.
pub(crate) struct DebugCode {
    /// Per defined function, its instrumented version once compiled.
    funcs: Box<[OnceLock<Arc<DebugFunc>>]>,
    /// Per defined function, its frame shape once worked out.
    shapes: Box<[OnceLock<FrameShape>]>,
    /// Per defined function, its plain version's memory accesses once replayed.
    accesses: Box<[OnceLock<Vec<PlainAccess>>]>,
    /// Held while compiling, so that concurrent first uses compile once.
    compiling: Mutex<()>,
    /// All ones, at least as many bits as any function of the module can have sites:
    /// what a function's word points at while every site of it must stop (shared by
    /// every instance; only ever read).
    stop_all: Box<[u8]>,
    /// All zeros, as many bits as `stop_all`: what a function's word points at while the
    /// instance must run its instrumented version but stop at none of its sites (while
    /// it has watchpoints: "DESIGN: watchpoints").
    stop_none: Box<[u8]>,
    /// How many compilations ran (each publishes one region).
    compilations: AtomicUsize,
}

impl DebugCode {
    /// No instrumented version yet, for `defined` functions whose largest body is
    /// `widest_body` bytes long.
    pub fn new(defined: usize, widest_body: usize) -> DebugCode {
        DebugCode {
            funcs: (0..defined).map(|_| OnceLock::new()).collect(),
            shapes: (0..defined).map(|_| OnceLock::new()).collect(),
            accesses: (0..defined).map(|_| OnceLock::new()).collect(),
            compiling: Mutex::new(()),
            stop_all: vec![0xff; max_sites(widest_body).div_ceil(8)].into_boxed_slice(),
            stop_none: vec![0; max_sites(widest_body).div_ceil(8)].into_boxed_slice(),
            compilations: AtomicUsize::new(0),
        }
    }

    /// The instrumented version of defined function `defined`, if compiled.
    pub fn get(&self, defined: u32) -> Option<&Arc<DebugFunc>> {
        self.funcs.get(defined as usize)?.get()
    }

    /// Compiles with `compile`, in one publication, the instrumented versions of the
    /// functions of `wanted` that no thread has compiled, and publishes their points in
    /// `module_code`'s transfer slots: `compile` gets the functions to compile and returns
    /// their versions in the same order. Concurrent callers wait for one compilation.
    pub fn compile_missing(
        &self,
        module_code: &CompiledCode,
        wanted: &[u32],
        compile: impl FnOnce(&[u32]) -> Result<Vec<DebugFunc>>,
    ) -> Result<()> {
        let missing = |d: &u32| {
            self.funcs
                .get(*d as usize)
                .is_some_and(|f| f.get().is_none())
        };
        if !wanted.iter().any(missing) {
            return Ok(());
        }
        let _guard = self.compiling.lock().unwrap_or_else(|e| e.into_inner());
        let mut todo: Vec<u32> = wanted.iter().copied().filter(missing).collect();
        todo.sort_unstable();
        todo.dedup();
        if todo.is_empty() {
            return Ok(());
        }
        let compiled = compile(&todo)?;
        self.compilations.fetch_add(1, Ordering::Relaxed);
        for (d, f) in todo.into_iter().zip(compiled) {
            module_code.publish_instrumented(d, f.start, &f.transfers);
            let _ = self.funcs[d as usize].set(Arc::new(f));
        }
        Ok(())
    }

    /// The frame shape of `defined`, worked out by `compute` if no thread has (two
    /// threads asking at once may both compute it; one result is kept).
    pub fn frame_shape(
        &self,
        defined: u32,
        compute: impl FnOnce() -> Result<FrameShape>,
    ) -> Result<&FrameShape> {
        let cell = self
            .shapes
            .get(defined as usize)
            .ok_or_else(|| crate::error::Error::Usage(format!("no defined function {defined}")))?;
        if let Some(shape) = cell.get() {
            return Ok(shape);
        }
        let shape = compute()?;
        Ok(cell.get_or_init(|| shape))
    }

    /// The plain version's memory accesses of `defined`, found by `compute` if no thread
    /// has (as `frame_shape`).
    pub fn plain_accesses(
        &self,
        defined: u32,
        compute: impl FnOnce() -> Result<Vec<PlainAccess>>,
    ) -> Result<&[PlainAccess]> {
        let cell = self
            .accesses
            .get(defined as usize)
            .ok_or_else(|| crate::error::Error::Usage(format!("no defined function {defined}")))?;
        if let Some(accesses) = cell.get() {
            return Ok(accesses);
        }
        let accesses = compute()?;
        Ok(cell.get_or_init(|| accesses))
    }

    /// The all-ones bits (see `stop_all`).
    pub fn stop_all(&self) -> &[u8] {
        &self.stop_all
    }

    /// The all-zeros bits (see `stop_none`).
    pub fn stop_none(&self) -> &[u8] {
        &self.stop_none
    }

    /// Instrumented versions compiled so far: (defined index, version).
    pub fn compiled(&self) -> impl Iterator<Item = (u32, &Arc<DebugFunc>)> {
        self.funcs
            .iter()
            .enumerate()
            .filter_map(|(d, f)| Some((d as u32, f.get()?)))
    }

    /// How many compilations of instrumented versions ran.
    pub fn compilations(&self) -> usize {
        self.compilations.load(Ordering::Relaxed)
    }

    /// Number of defined functions.
    pub fn len(&self) -> usize {
        self.funcs.len()
    }
}

/// An upper bound on the sites of a function whose body is `body_bytes` long: its entry,
/// and per operator (each at least one byte) an instruction site, plus an exit for each
/// way out of the function (a `return`, a branch to the function's label, each target of
/// a `br_table`: each at least one byte).
pub(crate) fn max_sites(body_bytes: usize) -> usize {
    1 + 2 * body_bytes
}
