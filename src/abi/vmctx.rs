//! The instance context (vmctx): the one block of per-instance data that compiled code
//! reaches through the pinned register (r15). Everything per instance or per process that
//! code needs (memory base, stack limit, globals, tables, imports, host helpers, debug
//! state) is here or one pointer away, so code bytes stay identical across instances
//! (`docs/architecture.md`, invariant 1: code is position independent and holds no
//! per-instance or per-process address).
//!
//! Layout: a fixed header, then module-specific arrays whose offsets `VmCtxLayout`
//! computes once per module. Host-function contexts (`HostFuncCtx`) share the header's
//! first words so a caller can treat every callee context alike.

use crate::frontend::ModuleInfo;
use crate::types::ValType;
use std::mem::offset_of;

/// The fixed header every vmctx starts with. The runtime writes it word by word at the
/// offsets of [`header`], which are taken from this type, so the code and the host read
/// one layout.
#[repr(C)]
pub(crate) struct VmCtxHeader {
    /// Linear memory base (stable for the instance's life; 0 without memory).
    pub mem_base: usize,
    /// Pointer to the memory's `MemoryData` (current byte length).
    pub mem_data: usize,
    /// What entering this instance from outside its own code ors into r12: `ENTERED` in
    /// debuggable instances, 0 otherwise (`abi::regs`, "DESIGN: entries through the
    /// stack limit").
    pub entry_bits: usize,
    /// Pointer to the process-wide `Libcalls` table (host helpers).
    pub libcalls: usize,
    /// Pointer to this instance's array of `VMFuncRef`, one per function.
    pub funcrefs: usize,
    /// Back pointer to the owning instance's runtime data.
    pub instance: usize,
    /// `WATCHED` while this instance debugs any function, else 0: what a return from
    /// another context ors into r12 ("DESIGN: entries through the stack limit").
    pub debug_bits: usize,
    /// Fuel left (`Config::consume_fuel`): code compiled with fuel subtracts what it is
    /// about to run and traps with `TrapKind::OutOfFuel` when not enough is left
    /// (`codegen::fuel`, "DESIGN: fuel").
    pub fuel: u64,
}

/// Header field offsets, shared by every vmctx and by host-function contexts.
pub(crate) mod header {
    use super::{offset_of, VmCtxHeader};
    /// Linear memory base (stable for the instance's life; 0 without memory).
    pub const MEM_BASE: i32 = offset_of!(VmCtxHeader, mem_base) as i32;
    /// Pointer to the memory's `MemoryData` (current byte length).
    pub const MEM_DATA: i32 = offset_of!(VmCtxHeader, mem_data) as i32;
    /// Pointer to the process-wide `Libcalls` table (host helpers).
    pub const LIBCALLS: i32 = offset_of!(VmCtxHeader, libcalls) as i32;
    /// Pointer to this instance's array of `VMFuncRef`, one per function.
    pub const FUNCREFS: i32 = offset_of!(VmCtxHeader, funcrefs) as i32;
    /// What entering the instance from outside ors into r12.
    pub const ENTRY_BITS: i32 = offset_of!(VmCtxHeader, entry_bits) as i32;
    /// What returning into the instance from another context ors into r12.
    pub const DEBUG_BITS: i32 = offset_of!(VmCtxHeader, debug_bits) as i32;
    /// Back pointer to the owning instance's runtime data.
    pub const INSTANCE: i32 = offset_of!(VmCtxHeader, instance) as i32;
    /// Fuel left (`Config::consume_fuel`).
    pub const FUEL: i32 = offset_of!(VmCtxHeader, fuel) as i32;
    /// Size of the header.
    pub const SIZE: u32 = std::mem::size_of::<VmCtxHeader>() as u32;
}

/// A callable function reference: what tables hold and indirect calls go through.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct VMFuncRef {
    /// Entry point (wasm calling convention).
    pub code: *const u8,
    /// Context to pass in r15 (a vmctx or a `HostFuncCtx`).
    pub vmctx: *mut u8,
    /// The runtime word of the function's type (`types::registry`, "DESIGN: supertype
    /// displays").
    pub type_word: u64,
}

/// Field offsets of [`VMFuncRef`] for the compiler.
pub(crate) mod funcref {
    use super::{offset_of, VMFuncRef};
    pub const CODE: i32 = offset_of!(VMFuncRef, code) as i32;
    pub const VMCTX: i32 = offset_of!(VMFuncRef, vmctx) as i32;
    pub const TYPE_WORD: i32 = offset_of!(VMFuncRef, type_word) as i32;
    /// The stride of an array of function references (`ref.func` indexes one).
    pub const SIZE: i32 = std::mem::size_of::<VMFuncRef>() as i32;
}

/// A table's storage descriptor (stable address; `base` moves when the table grows).
#[repr(C)]
#[derive(Debug)]
pub(crate) struct TableData {
    /// Element slots: `*const VMFuncRef` (funcref) or a host pointer (externref); 0 is null.
    pub base: *mut u64,
    /// Number of elements.
    pub len: u64,
}

/// Field offsets of [`TableData`]; an element slot is 8 bytes (`ELEMENT`).
pub(crate) mod table {
    use super::{offset_of, TableData};
    pub const BASE: i32 = offset_of!(TableData, base) as i32;
    pub const LEN: i32 = offset_of!(TableData, len) as i32;
    /// Bytes per element slot (`call_indirect` scales its index by this).
    pub const ELEMENT: i32 = std::mem::size_of::<u64>() as i32;
}

/// A linear memory's descriptor (stable address).
#[repr(C)]
#[derive(Debug)]
pub(crate) struct MemoryData {
    /// Accessible length in bytes.
    pub len: u64,
    /// Base address (never moves).
    pub base: *mut u8,
}

/// Where code finds a linear memory: its base and its descriptor. The vmctx header
/// starts with memory 0's record (`mem_base`, `mem_data`); memories 1.. have one each in
/// the vmctx's `memories` array ("DESIGN: memories other than memory 0" in
/// `codegen::memory`).
#[repr(C)]
pub(crate) struct VMMemory {
    /// Base address (never moves while the memory lives).
    pub base: *mut u8,
    /// The memory's `MemoryData`.
    pub data: *const MemoryData,
}

const _: () = {
    assert!(offset_of!(VMMemory, base) == offset_of!(VmCtxHeader, mem_base));
    assert!(offset_of!(VMMemory, data) == offset_of!(VmCtxHeader, mem_data));
};

/// The hull of an instance's watchpoints on one memory, which instrumented code compares
/// each access `[address, address + size)` with ("DESIGN: watchpoints" in
/// `codegen::watch`): only an access with `address + size > start` and `address < end`
/// asks the host. With no watchpoint on the memory it is [`WatchFilter::EMPTY`], which no
/// access passes.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WatchFilter {
    /// The lowest watched byte.
    pub start: u64,
    /// One past the highest watched byte.
    pub end: u64,
}

impl WatchFilter {
    /// No watchpoint: no access ends above `u64::MAX`.
    pub const EMPTY: WatchFilter = WatchFilter {
        start: u64::MAX,
        end: 0,
    };
}

/// Field offsets of [`MemoryData`].
pub(crate) mod memory {
    use super::{offset_of, MemoryData};
    pub const LEN: i32 = offset_of!(MemoryData, len) as i32;
    /// log2 of the wasm page size (`memory.size` shifts the byte length by it).
    pub const PAGE_SHIFT: u8 = 16;
}

/// What a host function's context (`HostFuncCtx` in the API) holds where a vmctx holds
/// its header: `(context, argument/result slots, frame pointer) -> null, or the resume
/// point to unwind to after a trap`.
pub(crate) type HostCallback =
    unsafe extern "C" fn(*mut u8, *mut u64, usize) -> *const crate::abi::frame::Landing;

/// The first words of a host function's context. They mirror the vmctx header (memory
/// base, memory descriptor) so that a caller treats every callee context alike: a caller
/// switching to a host function's context reloads r14 from `MEM_BASE` as it does for an
/// instance; the host-call trampoline finds the callback where a vmctx has `LIBCALLS`.
#[repr(C)]
pub(crate) struct HostCtxHeader {
    /// Always 0: a host function has no memory.
    pub mem_base: usize,
    /// Always 0.
    pub mem_data: usize,
    /// Always 0: entering a host function sets no flag in r12.
    pub entry_bits: usize,
    /// The function the host-call trampoline calls.
    pub callback: HostCallback,
}

/// Offset of [`HostCtxHeader::callback`], where the host-call trampoline calls it.
pub(crate) const HOST_CALLBACK: i32 = offset_of!(HostCtxHeader, callback) as i32;

const _: () = {
    assert!(offset_of!(HostCtxHeader, mem_base) == header::MEM_BASE as usize);
    assert!(offset_of!(HostCtxHeader, mem_data) == header::MEM_DATA as usize);
    assert!(offset_of!(HostCtxHeader, entry_bits) == header::ENTRY_BITS as usize);
    assert!(offset_of!(HostCtxHeader, callback) == header::LIBCALLS as usize);
};

/// Where the code finds global `i`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum GlobalSlot {
    /// The value lives in the vmctx at this offset.
    Inline(i32),
    /// The vmctx holds, at this offset, a pointer to the value.
    Indirect(i32),
}

/// Offsets of the module-specific parts of a vmctx.
#[derive(Clone, Debug)]
pub(crate) struct VmCtxLayout {
    type_words: u32,
    imported_funcs: u32,
    tables: u32,
    /// Records of memories 1.. (memory 0's is the header).
    memories: u32,
    /// One `WatchFilter` per memory.
    watch_filters: u32,
    imported_globals: u32,
    defined_globals: u32,
    /// Each defined global's offset from `defined_globals`: packed by units, a `v128`
    /// taking two words (`abi::frame::area_offsets`).
    defined_global_offsets: Box<[u32]>,
    num_imported_globals: u32,
    func_bits: u32,
    /// One word per tag: the address of its `TagData` (its identity).
    tags: u32,
    size: u32,
}

impl VmCtxLayout {
    /// Computes the layout for `info`.
    pub fn new(info: &ModuleInfo) -> VmCtxLayout {
        let mut offset = header::SIZE;
        let mut take = |bytes: u32| {
            let at = offset;
            offset += bytes.div_ceil(8) * 8;
            at
        };
        let type_words = take(8 * info.types.len() as u32);
        let imported_funcs = take(16 * info.num_imported_funcs);
        let tables = take(8 * info.tables.len() as u32);
        let record = std::mem::size_of::<VMMemory>() as u32;
        let memories = take(record * info.memories.len().saturating_sub(1) as u32);
        let imported_globals = take(8 * info.num_imported_globals);
        let defined_types: Vec<ValType> = info.globals[info.num_imported_globals as usize..]
            .iter()
            .map(|g| g.content)
            .collect();
        let defined_global_offsets: Box<[u32]> = crate::abi::frame::area_offsets(&defined_types)
            .map(|offset| offset as u32)
            .collect();
        let defined_globals = take(8 * crate::abi::frame::area_units(&defined_types));
        let func_bits = take(8 * info.funcs.len() as u32);
        let tags = take(8 * info.tags.len() as u32);
        // Last, so that no offset code without watch checks uses moves.
        let filter = std::mem::size_of::<WatchFilter>() as u32;
        let watch_filters = take(filter * info.memories.len() as u32);
        VmCtxLayout {
            type_words,
            imported_funcs,
            tables,
            memories,
            watch_filters,
            imported_globals,
            defined_globals,
            defined_global_offsets,
            num_imported_globals: info.num_imported_globals,
            func_bits,
            tags,
            size: offset,
        }
    }

    /// Total size in bytes.
    pub fn size(&self) -> usize {
        self.size as usize
    }

    /// The runtime word of module type `index` (`types::registry`).
    pub fn type_word(&self, index: u32) -> i32 {
        (self.type_words + 8 * index) as i32
    }

    /// Code pointer of imported function `index`.
    pub fn import_code(&self, index: u32) -> i32 {
        (self.imported_funcs + 16 * index) as i32
    }

    /// Callee context of imported function `index`.
    pub fn import_vmctx(&self, index: u32) -> i32 {
        self.import_code(index) + 8
    }

    /// Pointer to table `index`'s `TableData`.
    pub fn table(&self, index: u32) -> i32 {
        (self.tables + 8 * index) as i32
    }

    /// Where memory `index`'s record (`VMMemory`) is: the header for memory 0, an entry
    /// of the `memories` array for the others.
    fn memory_record(&self, index: u32) -> i32 {
        match index.checked_sub(1) {
            None => 0,
            Some(k) => (self.memories + k * std::mem::size_of::<VMMemory>() as u32) as i32,
        }
    }

    /// Base address of memory `index` (memory 0's is `header::MEM_BASE`).
    pub fn memory_base(&self, index: u32) -> i32 {
        self.memory_record(index) + offset_of!(VMMemory, base) as i32
    }

    /// Pointer to memory `index`'s `MemoryData` (memory 0's is `header::MEM_DATA`).
    pub fn memory_data(&self, index: u32) -> i32 {
        self.memory_record(index) + offset_of!(VMMemory, data) as i32
    }

    /// Memory `index`'s watch filter (`WatchFilter`), which instrumented code compares
    /// every access with.
    pub fn watch_filter(&self, index: u32) -> i32 {
        (self.watch_filters + index * std::mem::size_of::<WatchFilter>() as u32) as i32
    }

    /// The lowest byte memory `index`'s watchpoints cover (`WatchFilter::start`).
    pub fn watch_start(&self, index: u32) -> i32 {
        self.watch_filter(index) + offset_of!(WatchFilter, start) as i32
    }

    /// The end of the highest range memory `index`'s watchpoints cover (`WatchFilter::end`).
    pub fn watch_end(&self, index: u32) -> i32 {
        self.watch_filter(index) + offset_of!(WatchFilter, end) as i32
    }

    /// Where global `index` lives.
    pub fn global(&self, index: u32) -> GlobalSlot {
        if index < self.num_imported_globals {
            GlobalSlot::Indirect((self.imported_globals + 8 * index) as i32)
        } else {
            let defined = (index - self.num_imported_globals) as usize;
            GlobalSlot::Inline((self.defined_globals + self.defined_global_offsets[defined]) as i32)
        }
    }

    /// The identity (`runtime::exceptions::TagData` address) of tag `index`.
    pub fn tag(&self, index: u32) -> i32 {
        (self.tags + 8 * index) as i32
    }

    /// This instance's debug word for function `index`: null, or a pointer to the site
    /// bits the function's breakable points test (see `codegen::breakable`).
    pub fn func_bits(&self, index: u32) -> i32 {
        (self.func_bits + 8 * index) as i32
    }
}
