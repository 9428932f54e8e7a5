//! A module's compiled code as the runtime and the debugger see it: the published code
//! region and the tables that map code back to wasm (functions, versions, sites, debug
//! sites). The compiler builds it; backtraces, the signal handler and the debugger read
//! it through the code registry.

use super::mapping::CodeMemory;
use super::registry::{unregister, CodeOwner};
use std::collections::HashMap;

/// Where one version of one function lies in the code region.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Version {
    /// Code offset of the first instruction.
    pub start: u32,
    /// Code offset just past the last instruction (alignment padding excluded).
    pub end: u32,
    /// Index among the module's defined functions.
    pub defined: u32,
    /// Whether this is the instrumented version.
    pub instrumented: bool,
}

/// A module's published code and the tables that map code back to wasm.
pub(crate) struct CompiledCode {
    pub code: CodeMemory,
    /// Code offset of each defined function's entry.
    pub func_starts: Vec<u32>,
    /// Each version of each function (an instrumented module has two, not adjacent),
    /// sorted by start offset.
    pub versions: Vec<Version>,
    /// (start, end) code offsets of each chunk's shared stubs.
    pub stubs: Vec<(u32, u32)>,
    /// Instrumented modules: (return address, where the instrumented version goes on)
    /// for each call from a plain version to wasm code, sorted by return address
    /// (`runtime::redirect`).
    pub after_calls: Vec<(u32, u32)>,
    /// (code offset, module offset), sorted by code offset.
    pub sites: Vec<(u32, u32)>,
    /// Breakable sites (empty without debug instrumentation).
    pub debug_sites: crate::abi::sites::SiteTable,
    pub num_imported_funcs: u32,
    /// Function names from the name section.
    pub names: HashMap<u32, String>,
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

impl CodeOwner for CompiledCode {
    fn lookup(&self, pc: usize, is_return_address: bool) -> Option<(u32, u32)> {
        let (start, _) = self.code.range();
        let pc = if is_return_address { pc - 1 } else { pc };
        self.lookup_offset(pc.checked_sub(start)? as u32)
    }

    fn func_name(&self, index: u32) -> Option<String> {
        self.names.get(&index).cloned()
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
