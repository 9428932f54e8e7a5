//! A module's compiled code as the runtime and the debugger see it: the published code
//! region and the tables that map code back to wasm (functions, versions, sites, debug
//! sites). The compiler builds it; backtraces, the signal handler and the debugger read
//! it through the code registry.

use super::mapping::CodeMemory;
use super::registry::{register, unregister, CallerPoint, CodeOwner, SignalEntries};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// Where one version of one function lies in the code region.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Version {
    /// Code offset of the first instruction.
    pub start: u32,
    /// Code offset just past the last instruction (alignment padding excluded).
    pub end: u32,
    /// Index among the module's defined functions.
    pub defined: u32,
}

/// A module's published code and the tables that map code back to wasm.
pub(crate) struct CompiledCode {
    pub code: CodeMemory,
    /// Code offset of each defined function's entry.
    pub func_starts: Vec<u32>,
    /// Each defined function's (plain) version, sorted by start offset. Instrumented
    /// versions are published later, each batch with its own table
    /// (`code_memory::debug_code`).
    pub versions: Vec<Version>,
    /// (start, end) code offsets of each chunk's shared stubs.
    pub stubs: Vec<(u32, u32)>,
    /// Debuggable modules: (return address, the point's transfer path) for each call from
    /// a plain version to wasm code, sorted by return address (`runtime::redirect`).
    pub after_calls: Vec<(u32, u32)>,
    /// Debuggable modules: the return addresses of the plain versions' calls that switch
    /// to another context (imported functions, table entries of another instance),
    /// sorted (`CodeOwner::caller_point`).
    pub context_returns: Vec<u32>,
    /// Debuggable modules, per transfer point of every plain version, in function and
    /// point order (which is code order): the return address of its transfer path's call
    /// to the transfer stub (`compiler::codegen::breakable`, "DESIGN: transfer paths").
    pub transfer_returns: Vec<u32>,
    /// The same points: where each is in the plain version.
    pub transfer_points: Vec<u32>,
    /// Debuggable modules: index of each defined function's first transfer point, and
    /// one past the last function's.
    pub func_transfers: Vec<u32>,
    /// Debuggable modules: each defined function's frame size and body range in the
    /// module's binary, for compiling its instrumented version later.
    pub frame_sizes: Vec<u32>,
    pub body_ranges: Vec<(u32, u32)>,
    /// Debuggable modules: the direct callers of each defined function (defined
    /// indices), and the functions that make indirect calls.
    pub callers: Vec<Vec<u32>>,
    pub indirect_callers: Vec<u32>,
    /// (code offset, module offset), sorted by code offset.
    pub sites: Vec<(u32, u32)>,
    /// (return address, landing pad) code offsets of every call made inside a handler,
    /// sorted by return address (`CodeOwner::landing_pad`).
    pub landing_pads: Vec<(u32, u32)>,
    pub num_imported_funcs: u32,
    /// Function names from the name section.
    pub names: HashMap<u32, String>,
    /// Code offset of the stub memory faults resume at.
    pub fault_stub: u32,
    /// Code offset of the stub the interrupt signal sends a thread it stops in a loop
    /// without a check (`runtime::interrupt`, "DESIGN: interrupts in loops without
    /// calls").
    pub stop_stub: u32,
    /// Those loops' code: (start, end) code offsets, sorted.
    pub interruptible: Vec<(u32, u32)>,
    /// In a debuggable module, those loops' heads: (head, the slow path of the check it
    /// goes without) code offsets, sorted (`runtime::interrupt`, "DESIGN: interrupts in
    /// loops without calls").
    pub loop_heads: Vec<(u32, u32)>,
}

impl CompiledCode {
    /// Entry address of defined function `defined_index`.
    pub fn func_entry(&self, defined_index: u32) -> *const u8 {
        // SAFETY: offsets come from the assembler and lie inside the published mapping.
        unsafe {
            self.code
                .base()
                .add(self.func_starts[defined_index as usize] as usize)
        }
    }

    /// The transfer point whose transfer path returns to `return_address` from the
    /// transfer stub: (defined function index, the point's number in its function).
    pub fn transfer_at(&self, return_address: usize) -> Option<(u32, u32)> {
        let (start, end) = self.code.range();
        if return_address < start || return_address >= end {
            return None;
        }
        let offset = (return_address - start) as u32;
        let i = self.transfer_returns.binary_search(&offset).ok()? as u32;
        let defined = self.func_transfers.partition_point(|&first| first <= i) - 1;
        Some((defined as u32, i - self.func_transfers[defined]))
    }

    /// Publishes defined function `defined`'s instrumented version: its points `targets`
    /// (absolute addresses) in the transfer slots of its points, from now on its
    /// transfer paths jump there without asking the host; and its own `entry` in its
    /// entry slot, where instrumented code calls it.
    pub fn publish_instrumented(&self, defined: u32, entry: usize, targets: &[usize]) {
        let first = self.func_transfers[defined as usize] as usize;
        assert_eq!(targets.len(), self.plain_points(defined).len());
        for (k, &target) in targets.iter().enumerate() {
            // SAFETY: the module was published with one slot per transfer point
            // (`compile_module`), and `first + k` is one of this function's.
            unsafe { self.code.data_slot(first + k) }.store(target, Ordering::Release);
        }
        // SAFETY: after the transfer slots come one entry slot per defined function.
        unsafe { self.code.data_slot(self.entry_slot(defined)) }.store(entry, Ordering::Release);
    }

    /// Points every transfer slot at its point's `ask_k` path, the instruction before the
    /// return address the table records (a 5-byte `call rel32` to the transfer stub).
    pub fn init_transfer_slots(&self) {
        let base = self.code.base() as usize;
        for (i, &returned) in self.transfer_returns.iter().enumerate() {
            // SAFETY: the module was published with one slot per transfer point.
            unsafe { self.code.data_slot(i) }
                .store(base + returned as usize - 5, Ordering::Relaxed);
        }
    }

    /// Index among the data slots of defined function `defined`'s entry slot.
    fn entry_slot(&self, defined: u32) -> usize {
        self.transfer_returns.len() + defined as usize
    }

    /// Absolute address of defined function `defined`'s entry slot.
    pub fn entry_slot_address(&self, defined: u32) -> usize {
        self.code.base() as usize
            + CodeMemory::data_offset(self.code.bytes().len())
            + 8 * self.entry_slot(defined)
    }

    /// The plain version's transfer points of defined function `defined`.
    pub fn plain_points(&self, defined: u32) -> &[u32] {
        let d = defined as usize;
        &self.transfer_points[self.func_transfers[d] as usize..self.func_transfers[d + 1] as usize]
    }

    /// Whether the module was compiled with debug instrumentation (it then has transfer
    /// points, at least the table's leading zero).
    fn debuggable(&self) -> bool {
        !self.func_transfers.is_empty()
    }

    /// The return address a suspended caller's frame had before the host redirected it
    /// to the transfer path of its after-call point (`runtime::redirect`): the path
    /// stands for the call it follows. Other addresses are returned as they are.
    fn original_return(&self, return_address: usize) -> usize {
        let (start, _) = self.code.range();
        let Some(offset) = return_address
            .checked_sub(start)
            .and_then(|o| u32::try_from(o).ok())
        else {
            return return_address;
        };
        // Paths come in the order of their calls, so the table is sorted by both.
        match self
            .after_calls
            .binary_search_by_key(&offset, |(_, path)| *path)
        {
            Ok(i) => start + self.after_calls[i].0 as usize,
            Err(_) => return_address,
        }
    }

    /// Maps a code offset to (function index, module offset).
    fn lookup_offset(&self, offset: u32) -> Option<(u32, u32)> {
        let v = self.versions.partition_point(|v| v.start <= offset);
        if v == 0 {
            return None;
        }
        let i = self.sites.partition_point(|(c, _)| *c <= offset);
        let wasm = if i == 0 { 0 } else { self.sites[i - 1].1 };
        Some((self.num_imported_funcs + self.versions[v - 1].defined, wasm))
    }
}

impl CompiledCode {
    /// A debuggable module's transfer stub (an absolute address): the target of the
    /// `call rel32` every transfer path makes, read from the first one.
    fn transfer_stub(&self) -> Option<usize> {
        let &returned = self.transfer_returns.first()?;
        let code = self.code.bytes();
        let call = returned as usize - 5;
        if code.get(call) != Some(&0xE8) {
            return None;
        }
        let rel = i32::from_le_bytes(code.get(call + 1..call + 5)?.try_into().ok()?);
        let (start, _) = self.code.range();
        Some((start + returned as usize).wrapping_add_signed(rel as isize))
    }

    /// Points the transfer slots at their paths (`init_transfer_slots`) and registers the
    /// code as wasm code owned by this module (`code_memory::registry`); dropping the
    /// `CompiledCode` unregisters it.
    pub fn register(self: &Arc<CompiledCode>) {
        self.init_transfer_slots();
        let (start, end) = self.code.range();
        let owner: &dyn CodeOwner = &**self;
        // The ranges live in this `CompiledCode`, which unregisters before it is dropped.
        let mut entries = SignalEntries::new(
            start + self.fault_stub as usize,
            start + self.stop_stub as usize,
            &self.interruptible,
            &self.loop_heads,
        );
        entries.watch_stub = self.transfer_stub().unwrap_or(0);
        register(start, end, entries, owner as *const dyn CodeOwner);
    }
}

impl CodeOwner for CompiledCode {
    fn lookup(&self, pc: usize, is_return_address: bool) -> Option<(u32, u32)> {
        let (start, _) = self.code.range();
        let pc = if is_return_address {
            self.original_return(pc) - 1
        } else {
            pc
        };
        self.lookup_offset(pc.checked_sub(start)? as u32)
    }

    fn caller_point(&self, return_address: usize) -> Option<CallerPoint> {
        let (func, offset) = self.lookup(return_address, true)?;
        let (start, _) = self.code.range();
        let returned = u32::try_from(self.original_return(return_address) - start).ok()?;
        Some(CallerPoint {
            func,
            offset,
            switches_context: self
                .debuggable()
                .then(|| self.context_returns.binary_search(&returned).is_ok()),
        })
    }

    fn func_name(&self, index: u32) -> Option<String> {
        let name = self.names.get(&index)?;
        Some(crate::names::demangle(name).into_owned())
    }

    fn landing_pad(&self, return_address: usize) -> Option<usize> {
        let (start, _) = self.code.range();
        let offset =
            u32::try_from(self.original_return(return_address).checked_sub(start)?).ok()?;
        super::registry::find_landing_pad(&self.landing_pads, start, offset)
    }

    fn instrumented_return(&self, return_address: usize) -> Option<usize> {
        let (start, _) = self.code.range();
        let offset = u32::try_from(return_address.checked_sub(start)?).ok()?;
        let i = self
            .after_calls
            .binary_search_by_key(&offset, |(r, _)| *r)
            .ok()?;
        Some(start + self.after_calls[i].1 as usize)
    }
}

impl Drop for CompiledCode {
    fn drop(&mut self) {
        unregister(self.code.range().0);
    }
}
