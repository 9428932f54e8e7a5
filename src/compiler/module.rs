//! Compiles every function of a module into one buffer, appends the shared trap stubs,
//! resolves labels (direct calls are pc-relative), patches frame sizes and publishes the
//! result as one read+execute code region.

use super::codegen::{Asm, FuncCompiler, FuncOutput, ModuleEnv, TRAP_STUBS};
use crate::code_memory::{self, CodeMemory, CodeOwner};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::frontend::{ModuleInfo, PendingBody};
use crate::runtime::libcalls::offsets as libcall;
use crate::runtime::vmctx::{header, VmCtxLayout};
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use std::collections::HashMap;
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

/// A module's published code and the tables that map code back to wasm.
pub(crate) struct CompiledCode {
    pub code: CodeMemory,
    /// Code offset of each defined function's entry.
    pub func_starts: Vec<u32>,
    /// (code offset, module offset), sorted by code offset.
    sites: Vec<(u32, u32)>,
    /// Breakable sites (empty without debug instrumentation).
    pub debug_sites: crate::debug::sites::SiteTable,
    num_imported_funcs: u32,
    names: HashMap<u32, String>,
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
        let f = self.func_starts.partition_point(|s| *s <= offset);
        if f == 0 {
            return None;
        }
        let i = self.sites.partition_point(|(c, _)| *c <= offset);
        let wasm = if i == 0 { 0 } else { self.sites[i - 1].1 };
        Some((self.num_imported_funcs + f as u32 - 1, wasm))
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
}

impl Drop for CompiledCode {
    fn drop(&mut self) {
        code_memory::unregister(self.code.range().0);
    }
}

/// Compiles `bodies` (the defined functions of `info`, in order).
pub(crate) fn compile_module(
    config: &Config,
    info: &ModuleInfo,
    layout: &VmCtxLayout,
    bodies: Vec<PendingBody<'_>>,
    code_counter: Arc<AtomicUsize>,
) -> Result<Arc<CompiledCode>> {
    let mut asm = Asm::new(0);
    let func_labels: Vec<_> = (0..bodies.len()).map(|_| asm.new_dynamic_label()).collect();
    let trap_labels: [_; TRAP_STUBS] = std::array::from_fn(|_| asm.new_dynamic_label());
    let debug_stub = asm.new_dynamic_label();
    let no_stops = asm.new_dynamic_label();
    let env = ModuleEnv {
        info,
        layout,
        func_labels: &func_labels,
        trap_labels: &trap_labels,
        bounds_checks: config.bounds_checks,
        debug: config.debug_instrumentation,
        debug_stub,
        no_stops,
    };
    let mut out = FuncOutput::default();
    let mut func_starts = Vec::with_capacity(bodies.len());
    for (i, body) in bodies.into_iter().enumerate() {
        func_starts.push(asm.offset().0 as u32);
        let index = info.num_imported_funcs + i as u32;
        FuncCompiler::compile(&mut asm, &env, &mut out, index, body)?;
    }
    let fault_stub = emit_trap_stubs(&mut asm, &trap_labels);
    if config.debug_instrumentation {
        super::codegen::emit_debug_stub(&mut asm, debug_stub);
        let widest = out
            .debug
            .func_ranges
            .iter()
            .map(|(a, b)| ((b - a) as usize).div_ceil(8))
            .max()
            .unwrap_or(0);
        super::codegen::emit_no_stops(&mut asm, no_stops, widest);
    }
    let mut bytes = asm
        .finalize()
        .map_err(|e| Error::Resource(format!("code assembly failed: {e:?}")))?;
    for (at, value) in &out.patches {
        bytes[*at..*at + 4].copy_from_slice(&value.to_le_bytes());
    }
    let mut sites = out.sites;
    sites.sort_unstable();
    let code = CodeMemory::publish(&bytes, Some(code_counter))?;
    let compiled = Arc::new(CompiledCode {
        code,
        func_starts,
        sites,
        debug_sites: out.debug,
        num_imported_funcs: info.num_imported_funcs,
        names: info.func_names.clone(),
    });
    let (start, end) = compiled.code.range();
    let owner: &dyn CodeOwner = &*compiled;
    code_memory::register(
        start,
        end,
        start + fault_stub,
        owner as *const dyn CodeOwner,
    );
    Ok(compiled)
}

/// One stub per trap kind (`esi` = kind) and the common tail that hands the trap to the
/// host and unwinds to the entry trampoline.
///
/// // DESIGN: traps
/// A trapping instruction jumps to an out-of-line `call stub_k` placed at its function's
/// end (so the return address identifies the site), the stub calls the `trap` libcall
/// with the site and the frame pointer, the libcall records the trap and a backtrace in
/// the thread's current activation and returns it, and the stub resets rsp/rbp to the
/// activation's saved entry state and returns into the entry trampoline. No Rust frames
/// are unwound: the trampoline was called directly from the host call path.
///
/// Memory faults caught by the signal handler enter the same path: the handler pushes the
/// faulting pc (+1, like a return address) and resumes at the out-of-bounds stub, whose
/// code offset this returns.
fn emit_trap_stubs(asm: &mut Asm, labels: &[dynasmrt::DynamicLabel; TRAP_STUBS]) -> usize {
    let common = asm.new_dynamic_label();
    let mut fault_stub = 0;
    for (kind, label) in labels.iter().enumerate() {
        if kind == crate::runtime::trap::TrapKind::MemoryOutOfBounds as usize {
            fault_stub = asm.offset().0;
        }
        if kind == 0 {
            // Kind 0: the caller already put a kind a helper returned in esi.
            dynasm!(asm ; .arch x64 ; =>*label ; jmp =>common);
        } else {
            dynasm!(asm
                ; .arch x64
                ; =>*label
                ; mov esi, kind as i32
                ; jmp =>common
            );
        }
    }
    dynasm!(asm
        ; .arch x64
        ; =>common
        ; pop rdx
        ; mov rdi, r15
        ; mov rcx, rbp
        ; mov rax, [r15 + header::LIBCALLS]
        ; call QWORD [rax + libcall::TRAP]
        ; mov rsp, [rax]
        ; mov rbp, [rax + 8]
        ; ret
    );
    fault_stub
}
