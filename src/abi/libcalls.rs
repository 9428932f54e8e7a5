//! The libcall table: host functions that compiled code calls through the table the
//! vmctx header's `LIBCALLS` word points to, so that no process address appears in code.
//! The runtime provides the one table; code calls entry `offsets::X` with the vmctx in
//! rdi (see `compiler::codegen::stubs`, `emit_host_helper_stub`).

use super::frame::{Landing, ResumePoint};

/// Signature of every host helper: `(vmctx, args) -> trap code` (0: none), with any
/// result left in `args[0]`.
pub(crate) type HelperFn = unsafe extern "C" fn(*mut u8, *mut u64) -> u32;

/// Declares the host helpers once: the enum (whose discriminants are the table order)
/// and `Helper::ALL` from the same list.
macro_rules! helpers {
    ($($helper:ident),* $(,)?) => {
        /// The host helpers (bulk memory, table and segment instructions, and
        /// `memory.grow` of memories other than 0), in table order. The `...Indexed`
        /// forms take the memory indices as immediates; memory 0's forms take none, so
        /// its code is what it was before multi-memory.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u32)]
        pub(crate) enum Helper {
            $($helper,)*
        }

        impl Helper {
            /// Every helper, in table order.
            pub const ALL: &'static [Helper] = &[$(Helper::$helper,)*];
        }
    };
}

helpers! {
    MemoryFill,
    MemoryCopy,
    MemoryInit,
    DataDrop,
    TableGet,
    TableSet,
    TableGrow,
    TableFill,
    TableCopy,
    TableInit,
    ElemDrop,
    MemoryGrowIndexed,
    MemoryFillIndexed,
    MemoryCopyIndexed,
    MemoryInitIndexed,
}

impl Helper {
    /// Offset of the helper's entry in the libcall table.
    pub fn libcall_offset(self) -> i32 {
        offsets::HELPERS + 8 * self as i32
    }
}

/// Number of host helpers.
pub(crate) const HELPERS: usize = Helper::ALL.len();

/// The libcall table; compiled code indexes it with `offsets`.
#[repr(C)]
pub(crate) struct Libcalls {
    /// `(vmctx, trap code, pc of the site, frame pointer, save area) -> resume point`.
    pub trap: unsafe extern "C" fn(*mut u8, u32, usize, usize, *mut u64) -> *const ResumePoint,
    /// `(vmctx, delta pages) -> old size in pages, or u32::MAX`.
    pub memory_grow: unsafe extern "C" fn(*mut u8, u32) -> u32,
    /// `(vmctx, site id, save area, frame pointer) -> null to resume, or a resume point
    /// to unwind to`.
    pub debug_hook: unsafe extern "C" fn(*mut u8, u64, *mut u64, usize) -> *const ResumePoint,
    /// The host helpers, indexed by `Helper`.
    pub helpers: [HelperFn; HELPERS],
    /// `(vmctx, frame pointer) -> the real stack limit` (the slow path of a stack check).
    pub interrupt: unsafe extern "C" fn(*mut u8, usize) -> usize,
    pub transfer: unsafe extern "C" fn(*mut u8, *mut usize),
    /// `(vmctx, tag index, payload area, save area, frame pointer) -> landing`: `throw`
    /// (`runtime::exceptions`, "DESIGN: exceptions"; through the throw stub).
    pub throw: unsafe extern "C" fn(*mut u8, u64, *const u64, *mut u64, usize) -> *const Landing,
    /// `(vmctx, exception object, _, save area, frame pointer) -> landing`: `throw_ref`,
    /// and a landing pad that catches nothing throwing on.
    pub throw_ref:
        unsafe extern "C" fn(*mut u8, u64, *const u64, *mut u64, usize) -> *const Landing,
    /// Not a function to call: where the address of the tail-return trampoline
    /// (`runtime::trampolines`) is kept (`runtime::frame_chain`), set before any wasm
    /// code runs. Tail calls compare a return address with it ("DESIGN: tail calls").
    pub tail_return: &'static std::sync::atomic::AtomicUsize,
}

/// Byte offsets of the entries of [`Libcalls`].
pub(crate) mod offsets {
    use super::Libcalls;
    use std::mem::offset_of;

    pub const TRAP: i32 = offset_of!(Libcalls, trap) as i32;
    pub const MEMORY_GROW: i32 = offset_of!(Libcalls, memory_grow) as i32;
    pub const DEBUG_HOOK: i32 = offset_of!(Libcalls, debug_hook) as i32;
    pub const HELPERS: i32 = offset_of!(Libcalls, helpers) as i32;
    pub const INTERRUPT: i32 = offset_of!(Libcalls, interrupt) as i32;
    pub const TRANSFER: i32 = offset_of!(Libcalls, transfer) as i32;
    pub const TAIL_RETURN: i32 = offset_of!(Libcalls, tail_return) as i32;
    pub const THROW: i32 = offset_of!(Libcalls, throw) as i32;
    pub const THROW_REF: i32 = offset_of!(Libcalls, throw_ref) as i32;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_are_in_table_order() {
        for (i, h) in Helper::ALL.iter().enumerate() {
            assert_eq!(*h as usize, i);
            assert_eq!(h.libcall_offset(), offsets::HELPERS + 8 * i as i32);
        }
        assert_eq!(offsets::INTERRUPT, offsets::HELPERS + 8 * HELPERS as i32);
    }
}
