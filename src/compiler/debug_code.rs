//! Compiles instrumented versions after the module ("DESIGN: instrumented versions
//! compiled on first use" in `codegen`): re-reads the functions' bodies from the module's
//! binary (validated when the module was compiled), compiles them with their own copy of
//! the stubs, and publishes them into the reserve behind the module's code, resolving
//! their direct calls and their jumps back to the plain versions there.

use super::codegen::{Asm, FuncCompiler, FuncOutput, ModuleEnv, Scratch};
use super::module::resolve_label;
use crate::abi::frame::FrameShape;
use crate::abi::traps::TRAP_STUBS;
use crate::abi::vmctx::VmCtxLayout;
use crate::code_memory::{max_sites, CompiledCode, DebugFunc, DebugRegion, Version};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::frontend::ModuleInfo;
use dynasmrt::DynasmApi;
use std::sync::Arc;

/// What compiling instrumented versions needs to know about their module.
pub(crate) struct DebugSource<'a> {
    pub config: &'a Config,
    pub info: &'a ModuleInfo,
    pub layout: &'a VmCtxLayout,
    /// The module's binary.
    pub binary: &'a [u8],
    /// The module's code (plain versions, transfer points, frame sizes, body ranges).
    pub code: &'a Arc<CompiledCode>,
}

/// The body of defined function `defined`, from the module's binary.
fn body<'b>(src: &DebugSource<'b>, defined: u32) -> Result<wasmparser::FunctionBody<'b>> {
    let (a, b) = src.code.body_ranges[defined as usize];
    let bytes = src
        .binary
        .get(a as usize..b as usize)
        .ok_or_else(|| Error::Resource("function body outside the module's binary".into()))?;
    let reader = wasmparser::BinaryReader::new_features(bytes, u64::from(a), src.config.features());
    Ok(wasmparser::FunctionBody::new(reader))
}

/// The frame shape of defined function `defined` (`abi::frame::FrameShape`), as both of
/// its versions lay out their frames.
pub(crate) fn frame_shape(src: &DebugSource<'_>, defined: u32) -> Result<FrameShape> {
    let ty = src.info.func_type(src.info.num_imported_funcs + defined);
    super::codegen::frame_shape(src.info, &body(src, defined)?, ty)
}

/// The memory accesses of defined function `defined`'s plain version, with the operand
/// stack at each (`abi::sites::PlainAccess`), from a replay of its compilation. Fails if the
/// replay's code is not as long as the published version's (then its records would not
/// describe that code).
pub(crate) fn plain_accesses(
    src: &DebugSource<'_>,
    defined: u32,
) -> Result<Vec<crate::abi::sites::PlainAccess>> {
    let code = src.code;
    let version = code
        .versions
        .iter()
        .find(|v| v.defined == defined)
        .ok_or_else(|| Error::Resource(format!("no plain version of function {defined}")))?;
    let body = body(src, defined)?;
    let (a, b) = code.body_ranges[defined as usize];
    let mut asm = Asm::new_with_capacity(0, (b - a) as usize * 8 + 4096, 0, 0, 0, 0, 0);
    // The same offset modulo the chunk alignment as in its chunk: the same loop padding.
    let residue = version.start as usize % super::codegen::CHUNK_ALIGN;
    asm.extend(std::iter::repeat_n(0x90u8, residue));
    let trap_labels: [_; TRAP_STUBS] = std::array::from_fn(|_| asm.new_dynamic_label());
    let env = ModuleEnv::new(
        src.config,
        src.info,
        src.layout,
        &trap_labels,
        &mut asm,
        src.config.debug_instrumentation,
    );
    let mut out = FuncOutput::default();
    let mut scratch = Scratch::default();
    let records = FuncCompiler::replay_plain(
        &mut asm,
        &env,
        &mut out,
        src.info.num_imported_funcs + defined,
        &body,
        &mut scratch,
    )?;
    let replayed = asm.offset().0 - residue;
    if replayed != (version.end - version.start) as usize {
        return Err(Error::Resource(format!(
            "function {}: the replayed plain version has {replayed} bytes, the published \
             one {}",
            src.info.num_imported_funcs + defined,
            version.end - version.start
        )));
    }
    Ok(records)
}

/// Compiles the instrumented versions of defined functions `defined` into one new region
/// of the module's reserve, and returns them in the same order.
pub(crate) fn compile_instrumented(
    src: &DebugSource<'_>,
    defined: &[u32],
) -> Result<Vec<DebugFunc>> {
    let code = src.code;
    let body_bytes: usize = defined
        .iter()
        .map(|&d| {
            let (a, b) = code.body_ranges[d as usize];
            (b - a) as usize
        })
        .sum();
    let mut asm = Asm::new_with_capacity(0, body_bytes * 24 + 4096, 0, 0, 0, 0, 0);
    let trap_labels: [_; TRAP_STUBS] = std::array::from_fn(|_| asm.new_dynamic_label());
    let env = ModuleEnv::new(
        src.config,
        src.info,
        src.layout,
        &trap_labels,
        &mut asm,
        true,
    );
    let mut out = FuncOutput::default();
    let mut scratch = Scratch::default();
    let mut versions = Vec::with_capacity(defined.len());
    let mut transfer_counts = Vec::with_capacity(defined.len());
    for &d in defined {
        let (a, b) = code.body_ranges[d as usize];
        let body = body(src, d)?;
        let plain_points = code.plain_points(d);
        let start = asm.offset().0 as u32;
        FuncCompiler::compile_instrumented(
            &mut asm,
            &env,
            &mut out,
            src.info.num_imported_funcs + d,
            &body,
            plain_points,
            code.frame_sizes[d as usize],
            &mut scratch,
        )?;
        versions.push(Version {
            start,
            end: asm.offset().0 as u32,
            defined: d,
        });
        transfer_counts.push(plain_points.len());
        let (first, end) = out
            .debug
            .funcs
            .last()
            .expect("one range per function")
            .sites;
        if (end - first) as usize > max_sites((b - a) as usize) {
            return Err(Error::Resource(format!(
                "function {}: more sites than the bound the module's stop bits allow",
                src.info.num_imported_funcs + d
            )));
        }
    }
    let stubs = asm.offset().0;
    // Instrumented versions keep the fuel in memory.
    let fault_stub = super::codegen::emit_trap_stubs(&mut asm, &trap_labels, false).fault;
    super::codegen::align_code(&mut asm, super::codegen::STUB_ALIGN);
    super::codegen::emit_interrupt_stub(&mut asm, env.interrupt_stub);
    super::codegen::align_code(&mut asm, super::codegen::STUB_ALIGN);
    super::codegen::emit_host_helper_stub(&mut asm, env.host_helper_stub);
    if out.uses_throw_stub {
        super::codegen::align_code(&mut asm, super::codegen::STUB_ALIGN);
        super::codegen::emit_throw_stub(&mut asm, env.throw_stub);
    }
    super::codegen::align_code(&mut asm, super::codegen::STUB_ALIGN);
    super::codegen::emit_debug_stub(&mut asm, env.debug_stub);
    let widest = out
        .debug
        .funcs
        .iter()
        .map(|f| ((f.sites.1 - f.sites.0) as usize).div_ceil(8))
        .max()
        .unwrap_or(0);
    super::codegen::emit_no_stops(&mut asm, env.no_stops, widest);
    // After every code region ("DESIGN: vector constants").
    super::codegen::emit_vector_constants(&mut asm, &out.vector_constants);
    let transfers = out
        .debug_transfers
        .iter()
        .map(|&label| resolve_label(&asm, label))
        .collect::<Result<Vec<u32>>>()?;
    let landing_pads = super::module::resolve_landing_pads(&asm, &out)?;
    let mut bytes = asm
        .finalize()
        .map_err(|e| Error::Resource(format!("code assembly failed: {e:?}")))?;
    for (at, value) in &out.patches {
        bytes[*at..*at + 4].copy_from_slice(&value.to_le_bytes());
    }

    let module_base = code.code.base() as usize;
    let mut link_error = None;
    let offset = code.code.publish_in_reserve(bytes.len(), |address, dst| {
        dst.copy_from_slice(&bytes);
        let mut resolve = |at: usize, target: usize| {
            let rel = i32::try_from(target as i64 - (address + at + 4) as i64);
            match rel {
                Ok(rel) => dst[at..at + 4].copy_from_slice(&rel.to_le_bytes()),
                Err(_) => link_error = Some(Error::Resource("debug code out of reach".into())),
            }
        };
        for &(at, callee) in &out.calls {
            resolve(at, module_base + code.func_starts[callee as usize] as usize);
        }
        for &(at, point) in &out.plain_jumps {
            resolve(at, module_base + point as usize);
        }
        for &(at, callee) in &out.entry_slot_refs {
            resolve(at, code.entry_slot_address(callee));
        }
    })?;
    let start = module_base + offset;
    if let Some(e) = link_error {
        // The pages stay published but nothing refers to them.
        return Err(e);
    }
    let mut sites = std::mem::take(&mut out.sites);
    sites.sort_unstable();
    let context_returns = std::mem::take(&mut out.context_returns);
    debug_assert!(context_returns.is_sorted());
    let region = DebugRegion::register(
        code.clone(),
        start,
        bytes.len(),
        stubs,
        start + fault_stub,
        versions.clone(),
        sites,
        context_returns,
        landing_pads,
    );
    let mut transfers = transfers.into_iter();
    let funcs = std::mem::take(&mut out.debug).into_funcs();
    Ok(versions
        .iter()
        .zip(funcs)
        .zip(transfer_counts)
        .map(|((v, sites), count)| {
            let points = transfers
                .by_ref()
                .take(count)
                .map(|t| start + t as usize)
                .collect();
            DebugFunc::new(
                start + v.start as usize,
                start + v.end as usize,
                points,
                sites,
                region.clone(),
            )
        })
        .collect())
}
