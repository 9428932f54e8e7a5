//! Host helpers for bulk memory, table and segment instructions (see
//! `compiler::codegen::bulk`): each gets the instance context and its arguments, checks
//! bounds, and returns a trap code (0: none) with any result in `args[0]`.

use crate::abi::libcalls::{Helper, HelperFn, HELPERS};
use crate::abi::watch::Direction;
use crate::frontend::ConstExpr;
use crate::runtime::instance::{instance_of, InstanceData};
use crate::runtime::memory::Memory;
use crate::trap::TrapKind;

/// The helper functions, indexed by `Helper`.
pub(crate) const HELPER_FNS: [HelperFn; HELPERS] = {
    let mut table = [memory_fill as HelperFn; HELPERS];
    let mut i = 0;
    while i < HELPERS {
        table[Helper::ALL[i] as usize] = helper_fn(Helper::ALL[i]);
        i += 1;
    }
    table
};

/// The function of each helper: a match, so that a helper without one does not compile.
const fn helper_fn(helper: Helper) -> HelperFn {
    match helper {
        Helper::MemoryFill => memory_fill,
        Helper::MemoryCopy => memory_copy,
        Helper::MemoryInit => memory_init,
        Helper::DataDrop => data_drop,
        Helper::TableGet => table_get,
        Helper::TableSet => table_set,
        Helper::TableGrow => table_grow,
        Helper::TableFill => table_fill,
        Helper::TableCopy => table_copy,
        Helper::TableInit => table_init,
        Helper::ElemDrop => elem_drop,
        Helper::MemoryGrowIndexed => memory_grow_indexed,
        Helper::MemoryFillIndexed => memory_fill_indexed,
        Helper::MemoryCopyIndexed => memory_copy_indexed,
        Helper::MemoryInitIndexed => memory_init_indexed,
    }
}

const OK: u32 = 0;
const MEMORY_OOB: u32 = TrapKind::MemoryOutOfBounds as u32;
const TABLE_OOB: u32 = TrapKind::TableOutOfBounds as u32;

/// `[start, start + len)` fits in `size`.
fn fits(start: u64, len: u64, size: u64) -> bool {
    start.checked_add(len).is_some_and(|end| end <= size)
}

/// Reads helper arguments.
///
/// # Safety
/// `args` points at the caller's outgoing area holding at least `N` words.
unsafe fn args<const N: usize>(args: *mut u64) -> [u64; N] {
    // SAFETY: guaranteed by the caller.
    unsafe { std::ptr::read(args as *const [u64; N]) }
}

/// `memory.fill`: args (destination, byte, length), on memory 0.
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn memory_fill(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 3 argument words.
    let (instance, [d, val, n]) = unsafe { (instance_of(vmctx), args::<3>(a)) };
    fill(instance, 0, d, val, n)
}

/// `memory.fill`: args (destination, byte, length, memory).
///
/// # Safety
///
/// As [`memory_fill`], with 4 argument words.
unsafe extern "C" fn memory_fill_indexed(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 4 argument words.
    let (instance, [d, val, n, memory]) = unsafe { (instance_of(vmctx), args::<4>(a)) };
    fill(instance, memory, d, val, n)
}

fn fill(instance: &InstanceData, memory: u64, d: u64, val: u64, n: u64) -> u32 {
    let mem = instance.memory(memory as u32);
    let (d, n) = (operand(mem, d), operand(mem, n));
    if !fits(d, n, mem.data_size() as u64) {
        return MEMORY_OOB;
    }
    mem.note_host_access(d as usize, n as usize, Direction::Write);
    mem.host_access(&[(d as usize, n as usize)], || {
        // SAFETY: the range was checked against the accessible size.
        unsafe { std::ptr::write_bytes(mem.data_ptr().add(d as usize), val as u8, n as usize) }
    });
    OK
}

/// `memory.copy`: args (destination, source, length) within memory 0; overlapping
/// ranges allowed.
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn memory_copy(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 3 argument words.
    let (instance, [d, s, n]) = unsafe { (instance_of(vmctx), args::<3>(a)) };
    copy(instance, 0, 0, d, s, n)
}

/// `memory.copy`: args (destination, source, length, destination memory, source memory).
///
/// # Safety
///
/// As [`memory_copy`], with 5 argument words.
unsafe extern "C" fn memory_copy_indexed(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 5 argument words.
    let (instance, [d, s, n, dst, src]) = unsafe { (instance_of(vmctx), args::<5>(a)) };
    copy(instance, dst, src, d, s, n)
}

/// Copies `n` bytes from `s` in memory `src` to `d` in memory `dst`, each range checked
/// against its own memory. Two indices may name one memory (the same import twice), so
/// different indices do not mean disjoint ranges: the copy is always a memmove.
fn copy(instance: &InstanceData, dst: u64, src: u64, d: u64, s: u64, n: u64) -> u32 {
    let (to, from) = (instance.memory(dst as u32), instance.memory(src as u32));
    // The length is an i64 only between two 64-bit memories.
    let (d, s) = (operand(to, d), operand(from, s));
    let n = if to.ty().memory64 && from.ty().memory64 {
        n
    } else {
        n as u32 as u64
    };
    if !fits(d, n, to.data_size() as u64) || !fits(s, n, from.data_size() as u64) {
        return MEMORY_OOB;
    }
    from.note_host_access(s as usize, n as usize, Direction::Read);
    to.note_host_access(d as usize, n as usize, Direction::Write);
    let (s, d, n) = (s as usize, d as usize, n as usize);
    // SAFETY: both ranges were checked; `copy` handles overlap (memmove); their pages
    // are not protected while it runs.
    let copy = || unsafe { std::ptr::copy(from.data_ptr().add(s), to.data_ptr().add(d), n) };
    if Memory::same(from, to) {
        to.host_access(&[(s, n), (d, n)], copy);
    } else {
        from.host_access(&[(s, n)], || to.host_access(&[(d, n)], copy));
    }
    OK
}

/// `memory.init`: args (destination, offset in segment, length, segment), on memory 0.
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn memory_init(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 4 argument words.
    let (instance, [d, s, n, seg]) = unsafe { (instance_of(vmctx), args::<4>(a)) };
    init(instance, 0, d, s, n, seg)
}

/// `memory.init`: args (destination, offset in segment, length, segment, memory).
///
/// # Safety
///
/// As [`memory_init`], with 5 argument words.
unsafe extern "C" fn memory_init_indexed(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 5 argument words.
    let (instance, [d, s, n, seg, memory]) = unsafe { (instance_of(vmctx), args::<5>(a)) };
    init(instance, memory, d, s, n, seg)
}

fn init(instance: &InstanceData, memory: u64, d: u64, s: u64, n: u64, seg: u64) -> u32 {
    let info = &instance.module.info;
    let dropped = instance
        .dropped_datas
        .lock()
        .unwrap_or_else(|e| e.into_inner())[seg as usize];
    let bytes: &[u8] = if dropped {
        &[]
    } else {
        &info.datas[seg as usize].bytes
    };
    let mem = instance.memory(memory as u32);
    // The segment offset and the length are i32s.
    let (d, s, n) = (operand(mem, d), s as u32 as u64, n as u32 as u64);
    if !fits(s, n, bytes.len() as u64) || !fits(d, n, mem.data_size() as u64) {
        return MEMORY_OOB;
    }
    mem.write(d as usize, &bytes[s as usize..(s + n) as usize])
        .expect("bounds checked");
    OK
}

/// `memory.grow`: args (delta pages, memory); leaves the old size in pages, or u32::MAX
/// (-1) on failure, in `args[0]`. Memory 0's grow is the `memory_grow` libcall.
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn memory_grow_indexed(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 2 argument words.
    let (instance, [delta, memory]) = unsafe { (instance_of(vmctx), args::<2>(a)) };
    let mem = instance.memory(memory as u32);
    let wide = mem.ty().memory64;
    let old = grow(instance, memory as u32, operand(mem, delta));
    // -1 of the memory's index type on failure.
    let result = old.unwrap_or(if wide { u64::MAX } else { u32::MAX as u64 });
    // SAFETY: the first argument word is the result slot.
    unsafe { *a = result };
    OK
}

/// `data.drop`: args (segment).
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn data_drop(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 1 argument word.
    let (instance, [seg]) = unsafe { (instance_of(vmctx), args::<1>(a)) };
    instance
        .dropped_datas
        .lock()
        .unwrap_or_else(|e| e.into_inner())[seg as usize] = true;
    OK
}

/// `table.get`: args (index, table); the element in `a[0]`.
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn table_get(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 2 argument words.
    let (instance, [i, t]) = unsafe { (instance_of(vmctx), args::<2>(a)) };
    let table = instance.table(t as u32);
    let i = table_operand(table, i);
    match u32::try_from(i).ok().and_then(|i| table.get_raw(i)) {
        Some(raw) => {
            // SAFETY: the result goes to args[0].
            unsafe { *a = raw };
            OK
        }
        None => TABLE_OOB,
    }
}

/// `table.set`: args (index, element, table).
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn table_set(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 3 argument words.
    let (instance, [i, v, t]) = unsafe { (instance_of(vmctx), args::<3>(a)) };
    let table = instance.table(t as u32);
    let i = table_operand(table, i);
    if u32::try_from(i).is_ok_and(|i| table.set_raw(i, v)) {
        OK
    } else {
        TABLE_OOB
    }
}

/// `table.grow`: args (initial element, delta, table); the old size or -1 in `a[0]`.
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn table_grow(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 3 argument words.
    let (instance, [init, n, t]) = unsafe { (instance_of(vmctx), args::<3>(a)) };
    let limiter = instance.limiter();
    let table = instance.table(t as u32);
    let wide = table.ty().table64;
    let old = u32::try_from(table_operand(table, n)).ok().and_then(|n| {
        table.grow_raw_if(n, init, |current, new, max| {
            limiter.table_growing(current, new, max)
        })
    });
    // -1 of the table's index type on failure.
    let failed = if wide { u64::MAX } else { u32::MAX as u64 };
    // SAFETY: the result goes to args[0].
    unsafe { *a = old.map_or(failed, u64::from) };
    OK
}

/// `table.fill`: args (start, element, length, table).
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn table_fill(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 4 argument words.
    let (instance, [i, v, n, t]) = unsafe { (instance_of(vmctx), args::<4>(a)) };
    let table = instance.table(t as u32);
    let (i, n) = (table_operand(table, i), table_operand(table, n));
    if !fits(i, n, table.size() as u64) {
        return TABLE_OOB;
    }
    // Inside the table, whose size is a u32.
    for j in i..i + n {
        table.set_raw(j as u32, v);
    }
    OK
}

/// `table.copy`: args (destination, source, length, destination table, source table).
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn table_copy(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 5 argument words.
    let (instance, [d, s, n, dt, st]) = unsafe { (instance_of(vmctx), args::<5>(a)) };
    let (dst, src) = (instance.table(dt as u32), instance.table(st as u32));
    // The length is an i64 only between two 64-bit tables.
    let (d, s) = (table_operand(dst, d), table_operand(src, s));
    let n = if dst.ty().table64 && src.ty().table64 {
        n
    } else {
        n as u32 as u64
    };
    if !fits(d, n, dst.size() as u64) || !fits(s, n, src.size() as u64) {
        return TABLE_OOB;
    }
    // Inside both tables, whose sizes are u32s.
    let (d, s, n) = (d as u32, s as u32, n as u32);
    let items: Vec<u64> = (0..n).map(|j| src.get_raw(s + j).unwrap_or(0)).collect();
    for (j, v) in items.into_iter().enumerate() {
        dst.set_raw(d + j as u32, v);
    }
    OK
}

/// `table.init`: args (destination, offset in segment, length, table, segment).
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn table_init(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 5 argument words.
    let (instance, [d, s, n, t, seg]) = unsafe { (instance_of(vmctx), args::<5>(a)) };
    let info = &instance.module.info;
    let dropped = instance
        .dropped_elems
        .lock()
        .unwrap_or_else(|e| e.into_inner())[seg as usize];
    let items: &[ConstExpr] = if dropped {
        &[]
    } else {
        &info.elems[seg as usize].items
    };
    let table = instance.table(t as u32);
    // The segment offset and the length are i32s.
    let (d, s, n) = (table_operand(table, d), s as u32 as u64, n as u32 as u64);
    if !fits(s, n, items.len() as u64) || !fits(d, n, table.size() as u64) {
        return TABLE_OOB;
    }
    for j in 0..n {
        let raw = instance.eval(&items[(s + j) as usize]);
        table.set_raw((d + j) as u32, raw);
    }
    OK
}

/// `elem.drop`: args (segment).
///
/// # Safety
///
/// Called only by compiled code, through the host-helper stub: `vmctx` is the calling
/// instance's context and `a` its outgoing area holding the helper's argument words.
unsafe extern "C" fn elem_drop(vmctx: *mut u8, a: *mut u64) -> u32 {
    // SAFETY: compiled code passes its own vmctx and 1 argument word.
    let (instance, [seg]) = unsafe { (instance_of(vmctx), args::<1>(a)) };
    instance
        .dropped_elems
        .lock()
        .unwrap_or_else(|e| e.into_inner())[seg as usize] = true;
    OK
}

/// Grows `instance`'s memory `memory` by `delta` pages if its limiter agrees: the old size
/// in pages, or u32::MAX (-1) on failure.
pub(crate) fn grow(instance: &InstanceData, memory: u32, delta: u64) -> Option<u64> {
    let limiter = instance.limiter();
    instance
        .memory(memory)
        .grow_pages_if(delta, |current, new, max| {
            limiter.memory_growing(current, new, max)
        })
}

/// An address, size or page-count operand of a memory instruction as the code stored
/// it: all 64 bits for a 64-bit memory, else the low 32 (the upper half of an i32's
/// word is not written).
fn operand(mem: &Memory, word: u64) -> u64 {
    if mem.ty().memory64 {
        word
    } else {
        word as u32 as u64
    }
}

/// An index or size operand of a table instruction as the code stored it (see
/// `operand`).
fn table_operand(table: &crate::runtime::table::Table, word: u64) -> u64 {
    if table.ty().table64 {
        word
    } else {
        word as u32 as u64
    }
}
