//! Instantiation: allocating an instance's data (vmctx, function references, defined
//! memories, tables and globals), wiring imports, initializing segments and running the
//! start function. Instantiation never touches code memory.

use crate::abi::vmctx::{header, GlobalSlot, VMFuncRef};
use crate::api::func::Func;
use crate::api::linker::Extern;
use crate::api::module::Module;
use crate::config::BoundsChecks;
use crate::debug::state::DebugState;
use crate::error::{Error, Result};
use crate::frontend::{ConstExpr, DataMode, ElemMode, ImportKind};
use crate::runtime::libcalls::LIBCALLS;
use crate::runtime::memory::{Memory, GUARD_RESERVATION};
use crate::runtime::table::Table;
use crate::trap::{Trap, TrapKind};
use std::alloc::Layout;
use std::any::Any;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex, OnceLock};

/// Everything an instance owns. Compiled code sees it through the vmctx.
pub(crate) struct InstanceData {
    pub module: Module,
    vmctx: *mut u8,
    vmctx_layout: Layout,
    funcrefs: Box<[VMFuncRef]>,
    memories: Vec<Memory>,
    tables: Vec<Table>,
    /// Imported entities, kept alive while the instance lives.
    _imports: Vec<Extern>,
    /// Passive segments dropped by `elem.drop` / `data.drop` (or after active init).
    pub dropped_elems: Mutex<Vec<bool>>,
    pub dropped_datas: Mutex<Vec<bool>>,
    /// Debug state, created when a debugger first attaches.
    debug: OnceLock<Arc<DebugState>>,
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

fn link_error(module: &str, name: &str, why: impl std::fmt::Display) -> Error {
    Error::Link(format!("import {module}::{name}: {why}"))
}

impl InstanceData {
    pub fn memories(&self) -> &[Memory] {
        &self.memories
    }

    /// This instance's debug state, attaching it on first use.
    pub fn debug_state(&self) -> &Arc<DebugState> {
        self.debug
            .get_or_init(|| Arc::new(DebugState::attach(self)))
    }

    /// The debug state, if a debugger ever attached.
    pub fn debug_state_if_attached(&self) -> Option<&Arc<DebugState>> {
        self.debug.get()
    }

    /// This instance's debug word for function `index` (read by compiled code).
    pub fn func_bits(&self, index: u32) -> &AtomicUsize {
        let off = self.module.inner.layout.func_bits(index);
        // SAFETY: the words lie inside the vmctx, which lives as long as `self`, and are
        // 8-byte aligned; compiled code only reads them, so atomic host writes are the
        // only writes.
        unsafe { &*(self.vmctx.add(off as usize) as *const AtomicUsize) }
    }

    pub fn memory(&self, index: u32) -> &Memory {
        &self.memories[index as usize]
    }

    pub fn table(&self, index: u32) -> &Table {
        &self.tables[index as usize]
    }

    pub fn max_wasm_stack(&self) -> usize {
        self.module.inner.engine.config().max_wasm_stack
    }

    /// Whether calls into this instance check the convention canaries.
    pub fn convention_canaries(&self) -> bool {
        self.module.inner.engine.config().convention_canaries
    }

    /// The function reference of function `index`.
    pub fn funcref(&self, index: u32) -> *const VMFuncRef {
        &self.funcrefs[index as usize]
    }

    /// The storage of global `index`.
    pub fn global_ptr(&self, index: u32) -> *mut u64 {
        let layout = &self.module.inner.layout;
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

    /// Evaluates a constant expression in this instance.
    pub fn eval(&self, expr: &ConstExpr) -> u64 {
        match *expr {
            ConstExpr::I32(v) => v as u32 as u64,
            ConstExpr::I64(v) => v as u64,
            ConstExpr::F32(v) => v as u64,
            ConstExpr::F64(v) => v,
            // SAFETY: validation guarantees the index names an earlier (or imported) global.
            ConstExpr::GlobalGet(g) => unsafe { *self.global_ptr(g) },
            ConstExpr::RefNull(_) => 0,
            ConstExpr::RefFunc(f) => self.funcref(f) as u64,
        }
    }
}

/// Instantiates `module` with `imports` (one per module import, in order).
pub(crate) fn instantiate(module: &Module, imports: Vec<Extern>) -> Result<Arc<InstanceData>> {
    let inner = &module.inner;
    let info = &inner.info;
    let layout = &inner.layout;
    if imports.len() != info.imports.len() {
        return Err(Error::Link(format!(
            "expected {} imports, got {}",
            info.imports.len(),
            imports.len()
        )));
    }

    // Type-check imports and collect them by kind.
    let mut func_imports = Vec::new();
    let mut memories = Vec::new();
    let mut tables = Vec::new();
    let mut global_imports = Vec::new();
    for (imp, ext) in info.imports.iter().zip(&imports) {
        let (m, n) = (&imp.module, &imp.name);
        match (&imp.kind, ext) {
            (ImportKind::Func(t), Extern::Func(f)) => {
                let want = &info.types[*t as usize];
                if f.ty() != *want {
                    return Err(link_error(
                        m,
                        n,
                        "incompatible import type: function signature",
                    ));
                }
                func_imports.push(f.clone());
            }
            (ImportKind::Memory(want), Extern::Memory(mem)) => {
                let have = crate::types::Limits {
                    min: mem.size(),
                    max: mem.ty().limits.max,
                };
                if !have.matches(&want.limits) {
                    return Err(link_error(m, n, "incompatible import type: memory limits"));
                }
                if inner.engine.config().bounds_checks == BoundsChecks::GuardPages
                    && mem.reserved() < GUARD_RESERVATION
                {
                    return Err(link_error(
                        m,
                        n,
                        "memory was created without guard pages for an explicit-bounds engine",
                    ));
                }
                memories.push(mem.clone());
            }
            (ImportKind::Table(want), Extern::Table(t)) => {
                let have = crate::types::Limits {
                    min: t.size(),
                    max: t.ty().limits.max,
                };
                if t.ty().element != want.element || !have.matches(&want.limits) {
                    return Err(link_error(m, n, "incompatible import type: table"));
                }
                tables.push(t.clone());
            }
            (ImportKind::Global(want), Extern::Global(g)) => {
                if g.ty() != *want {
                    return Err(link_error(m, n, "incompatible import type: global"));
                }
                global_imports.push(g.clone());
            }
            (kind, ext) => {
                return Err(link_error(
                    m,
                    n,
                    format!(
                        "incompatible import type: expected {}, got {}",
                        match kind {
                            ImportKind::Func(_) => "function",
                            ImportKind::Table(_) => "table",
                            ImportKind::Memory(_) => "memory",
                            ImportKind::Global(_) => "global",
                        },
                        ext.kind_name()
                    ),
                ))
            }
        }
    }

    // Defined memories and tables.
    let bounds = inner.engine.config().bounds_checks;
    for ty in &info.memories[info.num_imported_memories as usize..] {
        memories.push(Memory::create(*ty, bounds)?);
    }
    let first_defined_table = tables.len();
    for ty in &info.tables[info.num_imported_tables as usize..] {
        tables.push(Table::create(*ty, 0));
    }

    // The vmctx.
    let vmctx_layout = Layout::from_size_align(layout.size(), 16).expect("vmctx layout");
    // SAFETY: non-zero size (the header alone is 64 bytes).
    let vmctx = unsafe { std::alloc::alloc_zeroed(vmctx_layout) };
    if vmctx.is_null() {
        std::alloc::handle_alloc_error(vmctx_layout);
    }

    let mut funcrefs = Vec::with_capacity(info.funcs.len());
    for f in &func_imports {
        // SAFETY: the imported Func keeps its funcref alive (it is in `imports`).
        funcrefs.push(unsafe { *f.raw });
    }
    for i in info.num_imported_funcs..info.funcs.len() as u32 {
        funcrefs.push(VMFuncRef {
            code: inner.code.func_entry(i - info.num_imported_funcs),
            vmctx,
            type_id: inner.type_ids[info.funcs[i as usize] as usize],
        });
    }

    let data = Arc::new(InstanceData {
        module: module.clone(),
        vmctx,
        vmctx_layout,
        funcrefs: funcrefs.into_boxed_slice(),
        memories,
        tables,
        _imports: imports,
        dropped_elems: Mutex::new(vec![false; info.elems.len()]),
        dropped_datas: Mutex::new(vec![false; info.datas.len()]),
        debug: OnceLock::new(),
    });

    // Header.
    if let Some(mem) = data.memories.first() {
        data.write_word(header::MEM_BASE, mem.data_ptr() as u64);
        data.write_word(header::MEM_DATA, mem.descriptor() as u64);
    }
    data.write_word(header::LIBCALLS, &LIBCALLS as *const _ as u64);
    data.write_word(header::FUNCREFS, data.funcrefs.as_ptr() as u64);
    data.write_word(header::INSTANCE, Arc::as_ptr(&data) as u64);
    for (i, id) in inner.type_ids.iter().enumerate() {
        data.write_word(layout.type_id(i as u32), *id);
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
    for (i, g) in global_imports.iter().enumerate() {
        if let GlobalSlot::Indirect(off) = layout.global(i as u32) {
            data.write_word(off, g.ptr as u64);
        }
    }
    // Keep imported globals alive through the instance's imports (already held).
    for (i, init) in info.global_inits.iter().enumerate() {
        let index = info.num_imported_globals + i as u32;
        let value = data.eval(init);
        // SAFETY: defined globals live inline in the vmctx.
        unsafe { *data.global_ptr(index) = value };
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

    if let Some(start) = info.start {
        let func = Func::from_raw(
            data.funcref(start),
            data.clone() as Arc<dyn Any + Send + Sync>,
        );
        func.call(&[])?;
    }
    Ok(data)
}

fn oob(kind: TrapKind) -> Error {
    Error::Trap(Trap::new(kind, Vec::new()))
}

/// Applies active element segments, then active data segments, in order; the first that
/// does not fit traps and earlier writes stay (the semantics since bulk memory, which the
/// bundled wasm-v1 scripts also expect).
fn initialize_segments(data: &Arc<InstanceData>) -> Result<()> {
    let info = &data.module.inner.info;
    let owner: Arc<dyn Any + Send + Sync> = data.clone();

    let elem_fits = |table: u32, offset: u64, len: usize| {
        offset + len as u64 <= data.table(table).size() as u64
    };
    let data_fits = |mem: u32, offset: u64, len: usize| {
        offset + len as u64 <= data.memory(mem).data_size() as u64
    };
    for (i, seg) in info.elems.iter().enumerate() {
        match &seg.mode {
            ElemMode::Active { table, offset } => {
                let offset = data.eval(offset) as u32 as u64;
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
            let offset = data.eval(offset) as u32 as u64;
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
