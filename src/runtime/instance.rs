//! An instance's data: its vmctx, function references and defined memories and tables,
//! and their allocation from resolved imports, active segments included (the API checks
//! the imports and runs the start function). Instantiation never touches code memory.

use crate::abi::libcalls::Libcalls;
use crate::abi::vmctx::{header, GlobalSlot, VMFuncRef};
use crate::error::{Error, Result};
use crate::frontend::{ConstExpr, ConstOp, DataMode, ElemMode};
use crate::runtime::limits::{InstanceLimiter, InstanceSlot};
use crate::runtime::memory::Memory;
use crate::runtime::module::ModuleData;
use crate::runtime::stop::StopRequests;
use crate::runtime::table::Table;
use crate::runtime::tag::TagData;
use crate::trap::{Trap, TrapKind};
use std::alloc::Layout;
use std::any::Any;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Everything an instance owns. Compiled code sees it through the vmctx.
pub(crate) struct InstanceData {
    pub module: Arc<ModuleData>,
    vmctx: *mut u8,
    vmctx_layout: Layout,
    funcrefs: Box<[VMFuncRef]>,
    memories: Vec<Memory>,
    tables: Vec<Table>,
    /// Its tags, imported ones first: the vmctx holds their addresses
    /// (`runtime::exceptions`).
    tags: Vec<Arc<TagData>>,
    /// Whatever keeps the imports alive while the instance lives.
    _imports: Box<dyn Any + Send + Sync>,
    /// Passive segments dropped by `elem.drop` / `data.drop` (or after active init).
    pub dropped_elems: Mutex<Vec<bool>>,
    pub dropped_datas: Mutex<Vec<bool>>,
    /// The debugger's per-instance state, created when a debugger first attaches. The
    /// instance keeps it without knowing its type: debugging (`runtime::debug`) sits
    /// above instances and reads it back with `runtime::debug::state::attached`.
    debug: OnceLock<Box<dyn Any + Send + Sync>>,
    /// Requests to stop this instance's calls (`runtime::stop`), shared with its
    /// interrupt handles.
    stops: Arc<StopRequests>,
    /// Asked before the instance's code grows a memory or table (`runtime::limits`).
    limiter: InstanceLimiter,
    /// The instance's place in its engine's count of live instances.
    _slot: InstanceSlot,
}

// SAFETY: the vmctx and funcrefs are owned by this struct and only mutated by compiled
// code of this instance and by instantiation; see the crate docs on concurrent calls.
unsafe impl Send for InstanceData {}
// SAFETY: as above.
unsafe impl Sync for InstanceData {}

impl Drop for InstanceData {
    fn drop(&mut self) {
        // SAFETY: allocated in `instantiate` with this layout.
        unsafe { std::alloc::dealloc(self.vmctx, self.vmctx_layout) };
    }
}

impl InstanceData {
    pub fn memories(&self) -> &[Memory] {
        &self.memories
    }

    /// The slot the debugger keeps its per-instance state in (see the field).
    pub fn debug_slot(&self) -> &OnceLock<Box<dyn Any + Send + Sync>> {
        &self.debug
    }

    /// This instance's debug word for function `index` (read by compiled code).
    pub fn func_bits(&self, index: u32) -> &AtomicUsize {
        let off = self.module.layout.func_bits(index);
        // SAFETY: the words lie inside the vmctx, which lives as long as `self`, and are
        // 8-byte aligned; compiled code only reads them, so atomic host writes are the
        // only writes.
        unsafe { &*(self.vmctx.add(off as usize) as *const AtomicUsize) }
    }

    /// The vmctx word code ors into r12 when it returns from another context (`WATCHED`
    /// while the instance debugs anything; `abi::regs`, "DESIGN: entries through the
    /// stack limit").
    pub fn debug_bits(&self) -> &AtomicUsize {
        // SAFETY: a header word of the vmctx, which lives as long as `self`, 8-byte
        // aligned; compiled code only reads it.
        unsafe { &*(self.vmctx.add(header::DEBUG_BITS as usize) as *const AtomicUsize) }
    }

    /// The instance's fuel word (`Config::consume_fuel`), which compiled code updates
    /// with plain read-modify-writes: a host write while a call runs on another thread
    /// may be lost.
    pub fn fuel(&self) -> &AtomicU64 {
        // SAFETY: a header word of the vmctx, which lives as long as `self`, 8-byte
        // aligned.
        unsafe { &*(self.vmctx.add(header::FUEL as usize) as *const AtomicU64) }
    }

    /// Writes memory `index`'s watch filter, which instrumented code reads.
    pub fn set_watch_filter(&self, index: u32, filter: crate::abi::vmctx::WatchFilter) {
        let layout = &self.module.layout;
        for (offset, value) in [
            (layout.watch_start(index), filter.start),
            (layout.watch_end(index), filter.end),
        ] {
            // SAFETY: a word of the vmctx, which lives as long as `self`, 8-byte aligned;
            // compiled code only reads it.
            let word = unsafe { &*(self.vmctx.add(offset as usize) as *const AtomicU64) };
            word.store(value, Ordering::Release);
        }
    }

    pub fn memory(&self, index: u32) -> &Memory {
        &self.memories[index as usize]
    }

    /// This instance's resource limiter (`runtime::limits`).
    pub fn limiter(&self) -> &InstanceLimiter {
        &self.limiter
    }

    /// This instance's stop requests (`runtime::stop`).
    pub fn stops(&self) -> &Arc<StopRequests> {
        &self.stops
    }

    /// Tag `index` (imported ones first).
    pub fn tag(&self, index: u32) -> &Arc<TagData> {
        &self.tags[index as usize]
    }

    pub fn table(&self, index: u32) -> &Table {
        &self.tables[index as usize]
    }

    pub fn max_wasm_stack(&self) -> usize {
        self.module.config.max_wasm_stack
    }

    /// Whether calls into this instance check the convention canaries.
    pub fn convention_canaries(&self) -> bool {
        self.module.config.convention_canaries
    }

    /// The function reference of function `index`.
    pub fn funcref(&self, index: u32) -> *const VMFuncRef {
        &self.funcrefs[index as usize]
    }

    /// The storage of global `index`.
    pub fn global_ptr(&self, index: u32) -> *mut u64 {
        let layout = &self.module.layout;
        // SAFETY: offsets come from this module's layout and lie inside the vmctx.
        unsafe {
            match layout.global(index) {
                GlobalSlot::Inline(off) => self.vmctx.add(off as usize) as *mut u64,
                GlobalSlot::Indirect(off) => *(self.vmctx.add(off as usize) as *const *mut u64),
            }
        }
    }

    fn write_word(&self, offset: i32, value: u64) {
        // SAFETY: offsets come from this module's layout and lie inside the vmctx.
        unsafe { *(self.vmctx.add(offset as usize) as *mut u64) = value };
    }

    /// Evaluates a constant expression of a one-word type in this instance (offsets and
    /// table elements; a global's initialiser goes through `eval_global`).
    pub fn eval(&self, expr: &ConstExpr) -> u64 {
        self.eval_wide(expr) as u64
    }

    /// Evaluates a constant expression of any type (a `v128` fills all 128 bits).
    fn eval_wide(&self, expr: &ConstExpr) -> u128 {
        match *expr {
            ConstExpr::Extended(ref ops) => self.eval_extended(ops),
            ConstExpr::I32(v) => u128::from(v as u32),
            ConstExpr::I64(v) => u128::from(v as u64),
            ConstExpr::F32(v) => u128::from(v),
            ConstExpr::F64(v) => u128::from(v),
            ConstExpr::V128(v) => v,
            // SAFETY: validation guarantees the index names an earlier (or imported) global.
            ConstExpr::GlobalGet(g) => unsafe { self.read_global(g) },
            ConstExpr::RefNull(_) => 0,
            ConstExpr::RefFunc(f) => u128::from(self.funcref(f) as u64),
        }
    }

    /// Evaluates a well-formed postfix extended constant expression (`frontend::
    /// well_formed`, checked when it was parsed or read from a file).
    fn eval_extended(&self, ops: &[ConstOp]) -> u128 {
        let mut stack: Vec<u64> = Vec::with_capacity(ops.len());
        for &op in ops {
            let value = match op {
                ConstOp::I32(v) => u64::from(v as u32),
                ConstOp::I64(v) => v as u64,
                // SAFETY: validation guarantees the index names an earlier (or imported)
                // global of an integer type.
                ConstOp::GlobalGet(g) => (unsafe { self.read_global(g) }) as u64,
                _ => {
                    let (b, a) = (stack.pop().unwrap_or(0), stack.pop().unwrap_or(0));
                    match op {
                        ConstOp::I32Add => u64::from((a as u32).wrapping_add(b as u32)),
                        ConstOp::I32Sub => u64::from((a as u32).wrapping_sub(b as u32)),
                        ConstOp::I32Mul => u64::from((a as u32).wrapping_mul(b as u32)),
                        ConstOp::I64Add => a.wrapping_add(b),
                        ConstOp::I64Sub => a.wrapping_sub(b),
                        _ => a.wrapping_mul(b),
                    }
                }
            };
            stack.push(value);
        }
        u128::from(stack.pop().unwrap_or(0))
    }

    /// The bits of global `index` (two words for a `v128`).
    ///
    /// # Safety
    ///
    /// `index` must name one of the module's globals.
    pub unsafe fn read_global(&self, index: u32) -> u128 {
        let ptr = self.global_ptr(index);
        // SAFETY: a global's storage holds 16 bytes for a v128, 8 otherwise.
        unsafe {
            if self.module.info.globals[index as usize].content == crate::types::ValType::V128 {
                (ptr as *const u128).read_unaligned()
            } else {
                u128::from(*ptr)
            }
        }
    }

    /// Writes global `index` (two words for a `v128`, else the low 64 bits).
    ///
    /// # Safety
    ///
    /// `index` must name one of the module's globals.
    pub unsafe fn write_global(&self, index: u32, value: u128) {
        let ptr = self.global_ptr(index);
        // SAFETY: as in `read_global`.
        unsafe {
            if self.module.info.globals[index as usize].content == crate::types::ValType::V128 {
                (ptr as *mut u128).write_unaligned(value)
            } else {
                *ptr = value as u64
            }
        }
    }
}

/// An instance's imports, resolved and type-checked by the caller, as the runtime
/// needs them: one entry per import of each kind, in import order.
pub(crate) struct ResolvedImports {
    /// Function references of imported functions (kept alive by `keepalive`).
    pub funcs: Vec<VMFuncRef>,
    pub memories: Vec<Memory>,
    pub tables: Vec<Table>,
    /// Storage of imported globals (kept alive by `keepalive`).
    pub globals: Vec<*mut u64>,
    /// Imported tags.
    pub tags: Vec<Arc<TagData>>,
    /// Whatever must live as long as the instance for these to stay valid.
    pub keepalive: Box<dyn Any + Send + Sync>,
}

impl InstanceData {
    /// Allocates an instance of `module` with `imports`: defined memories and tables,
    /// the vmctx (header, type ids, imports, tables, globals), function references and
    /// table initializers, then the active segments. `libcalls` is the table the vmctx
    /// header points compiled code at. The start function is the caller's to run.
    pub(crate) fn allocate(
        module: Arc<ModuleData>,
        imports: ResolvedImports,
        libcalls: *const Libcalls,
        limiter: InstanceLimiter,
        slot: InstanceSlot,
    ) -> Result<Arc<InstanceData>> {
        let info = &module.info;
        let layout = &module.layout;
        let ResolvedImports {
            funcs: func_imports,
            mut memories,
            mut tables,
            globals: global_imports,
            mut tags,
            keepalive,
        } = imports;
        for &ty in &info.tags[info.num_imported_tags as usize..] {
            tags.push(Arc::new(TagData {
                ty: info.types[ty as usize].clone(),
                type_id: info.type_ids[ty as usize],
            }));
        }

        // Defined memories and tables, each allowed by the limiter before it is made.
        let bounds = module.config.bounds_checks;
        for (i, ty) in info.memories.iter().enumerate() {
            if i < info.num_imported_memories as usize {
                continue;
            }
            let bytes =
                |pages: u64| (pages as usize).saturating_mul(crate::runtime::memory::PAGE_SIZE);
            let (initial, maximum) = (
                bytes(ty.limits.min as u64),
                ty.limits.max.map(|m| bytes(m as u64)),
            );
            if !limiter.memory_growing(0, initial, maximum) {
                return Err(Error::Resource(format!(
                    "the resource limiter refused memory {i}'s initial {initial} bytes"
                )));
            }
            memories.push(Memory::create(
                *ty,
                bounds,
                module.config.max_memory64_bytes,
            )?);
        }
        let first_defined_table = tables.len();
        for (i, ty) in info.tables.iter().enumerate() {
            if i < info.num_imported_tables as usize {
                continue;
            }
            if !limiter.table_growing(0, ty.limits.min, ty.limits.max) {
                return Err(Error::Resource(format!(
                    "the resource limiter refused table {i}'s initial {} elements",
                    ty.limits.min
                )));
            }
            tables.push(Table::create(*ty, 0));
        }

        // The vmctx.
        let vmctx_layout = Layout::from_size_align(layout.size(), 16).expect("vmctx layout");
        // SAFETY: non-zero size (the header alone is `header::SIZE` bytes).
        let vmctx = unsafe { std::alloc::alloc_zeroed(vmctx_layout) };
        if vmctx.is_null() {
            std::alloc::handle_alloc_error(vmctx_layout);
        }

        let mut funcrefs = func_imports;
        // One allocation for all of them (pushing one by one reallocated as it grew:
        // about a fifth of a small module's instantiation, benches/RESULTS.md).
        funcrefs.reserve_exact(info.funcs.len() - funcrefs.len());
        for i in info.num_imported_funcs..info.funcs.len() as u32 {
            funcrefs.push(VMFuncRef {
                code: module.code.func_entry(i - info.num_imported_funcs),
                vmctx,
                type_word: module.type_words[info.funcs[i as usize] as usize],
            });
        }

        let data = Arc::new(InstanceData {
            module: module.clone(),
            vmctx,
            vmctx_layout,
            funcrefs: funcrefs.into_boxed_slice(),
            memories,
            tables,
            tags,
            _imports: keepalive,
            dropped_elems: Mutex::new(vec![false; info.elems.len()]),
            dropped_datas: Mutex::new(vec![false; info.datas.len()]),
            debug: OnceLock::new(),
            stops: Arc::new(StopRequests::new(module.epoch.clone())),
            limiter,
            _slot: slot,
        });

        // Memory records: memory 0's in the header, the others' in the `memories` array.
        for (i, mem) in data.memories.iter().enumerate() {
            data.write_word(layout.memory_base(i as u32), mem.data_ptr() as u64);
            data.write_word(layout.memory_data(i as u32), mem.descriptor() as u64);
            data.set_watch_filter(i as u32, crate::abi::vmctx::WatchFilter::EMPTY);
        }
        // Header.
        data.write_word(header::LIBCALLS, libcalls as u64);
        if module.config.debug_instrumentation {
            data.write_word(header::ENTRY_BITS, crate::abi::regs::ENTERED);
        }
        data.write_word(header::FUNCREFS, data.funcrefs.as_ptr() as u64);
        data.write_word(header::FUEL, module.config.initial_fuel);
        data.write_word(header::INSTANCE, Arc::as_ptr(&data) as u64);
        for (i, word) in module.type_words.iter().enumerate() {
            data.write_word(layout.type_word(i as u32), *word);
        }
        for (i, f) in data.funcrefs[..info.num_imported_funcs as usize]
            .iter()
            .enumerate()
        {
            data.write_word(layout.import_code(i as u32), f.code as u64);
            data.write_word(layout.import_vmctx(i as u32), f.vmctx as u64);
        }
        for (i, t) in data.tables.iter().enumerate() {
            data.write_word(layout.table(i as u32), t.descriptor() as u64);
        }
        for (i, tag) in data.tags.iter().enumerate() {
            data.write_word(layout.tag(i as u32), Arc::as_ptr(tag) as u64);
        }
        for (i, g) in global_imports.iter().enumerate() {
            if let GlobalSlot::Indirect(off) = layout.global(i as u32) {
                data.write_word(off, *g as u64);
            }
        }
        for (i, init) in info.global_inits.iter().enumerate() {
            let index = info.num_imported_globals + i as u32;
            let value = data.eval_wide(init);
            // SAFETY: a defined global of the module.
            unsafe { data.write_global(index, value) };
        }
        for (i, init) in info.table_inits.iter().enumerate() {
            if let Some(init) = init {
                let raw = data.eval(init);
                let t = &data.tables[first_defined_table + i];
                for j in 0..t.size() {
                    t.set_raw(j, raw);
                }
            }
        }

        initialize_segments(&data)?;
        Ok(data)
    }
}

fn oob(kind: TrapKind) -> Error {
    Error::Trap(Trap::new(kind, Vec::new()))
}

/// Applies active element segments, then active data segments, in order; the first that
/// does not fit traps and earlier writes stay (the semantics since bulk memory, which the
/// bundled wasm-v1 scripts also expect).
fn initialize_segments(data: &Arc<InstanceData>) -> Result<()> {
    let info = &data.module.info;
    let owner: Arc<dyn Any + Send + Sync> = data.clone();

    let elem_fits = |table: u32, offset: u64, len: usize| {
        offset
            .checked_add(len as u64)
            .is_some_and(|end| end <= data.table(table).size() as u64)
    };
    let data_fits = |mem: u32, offset: u64, len: usize| {
        offset
            .checked_add(len as u64)
            .is_some_and(|end| end <= data.memory(mem).data_size() as u64)
    };
    // An offset is an i64 for a 64-bit table or memory, an i32 otherwise.
    let index = |value: u64, wide: bool| if wide { value } else { value as u32 as u64 };
    for (i, seg) in info.elems.iter().enumerate() {
        match &seg.mode {
            ElemMode::Active { table, offset } => {
                let wide = info.tables[*table as usize].table64;
                let offset = index(data.eval(offset), wide);
                if !elem_fits(*table, offset, seg.items.len()) {
                    return Err(oob(TrapKind::TableOutOfBounds));
                }
                let t = data.table(*table);
                for (j, item) in seg.items.iter().enumerate() {
                    t.set_raw(offset as u32 + j as u32, data.eval(item));
                }
                if *table < info.num_imported_tables && !seg.items.is_empty() {
                    // Imported tables may outlive us: keep our functions alive.
                    t.keep(owner.clone());
                }
                data.dropped_elems.lock().unwrap()[i] = true;
            }
            ElemMode::Declared => data.dropped_elems.lock().unwrap()[i] = true,
            ElemMode::Passive => {}
        }
    }
    for (i, seg) in info.datas.iter().enumerate() {
        if let DataMode::Active { memory, offset } = &seg.mode {
            let offset = index(data.eval(offset), info.memories[*memory as usize].memory64);
            if !data_fits(*memory, offset, seg.bytes.len()) {
                return Err(oob(TrapKind::MemoryOutOfBounds));
            }
            data.memory(*memory)
                .write(offset as usize, &seg.bytes)
                .expect("bounds checked above");
            data.dropped_datas.lock().unwrap()[i] = true;
        }
    }
    Ok(())
}

/// The instance owning `vmctx`.
///
/// # Safety
/// `vmctx` must be a live instance context.
pub(crate) unsafe fn instance_of<'a>(vmctx: *mut u8) -> &'a InstanceData {
    // SAFETY: the INSTANCE header word is set at instantiation to the owning instance,
    // which outlives every call into its code.
    unsafe { &*(*(vmctx.add(header::INSTANCE as usize) as *const *const InstanceData)) }
}
