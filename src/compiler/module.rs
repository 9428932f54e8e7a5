//! Compiles every function of a module into one buffer, appends the shared trap stubs,
//! resolves labels (direct calls are pc-relative), patches frame sizes and publishes the
//! result as one read+execute code region.

use super::codegen::{Asm, FuncCompiler, FuncOutput, ModuleEnv, Scratch};
use crate::abi::traps::TRAP_STUBS;
use crate::abi::vmctx::VmCtxLayout;
use crate::code_memory::{self, CodeMemory, CompiledCode, Version};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::frontend::{ModuleInfo, PendingBody};
use dynasmrt::DynasmApi;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Compiles `bodies` (the defined functions of `info`, in order).
///
/// Functions are independent until linking, so large modules are split into contiguous
/// chunks compiled on several threads, each into its own buffer with its own copies of
/// the (tiny) shared stubs; the buffers are then concatenated and every direct call is
/// resolved pc-relative. A debuggable module's functions are compiled with their transfer
/// points only; the instrumented versions come later (`compiler::debug_code`), into the
/// address space reserved behind the code.
pub(crate) fn compile_module(
    config: &Config,
    info: &ModuleInfo,
    layout: &VmCtxLayout,
    bodies: Vec<PendingBody<'_>>,
    code_counter: Arc<AtomicUsize>,
) -> Result<Arc<CompiledCode>> {
    let total: usize = bodies.iter().map(|b| body_len(b)).sum();
    let body_ranges = if config.debug_instrumentation {
        bodies
            .iter()
            .map(|b| {
                let range = b.body.range();
                (range.start as u32, range.end as u32)
            })
            .collect()
    } else {
        Vec::new()
    };
    let threads = if total < PARALLEL_THRESHOLD {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    };
    let outputs = if threads == 1 {
        vec![compile_chunk(config, info, layout, 0, bodies)]
    } else {
        compile_in_parallel(
            threads,
            split_chunks(bodies, CHUNK_BYTES),
            |first, bodies| compile_chunk(config, info, layout, first, bodies),
        )
    };

    // Link: lay the chunks out one after another, shift their offsets, and copy them
    // straight into the code mapping, resolving direct calls there before publishing.
    let mut chunks = Vec::with_capacity(outputs.len());
    for chunk in outputs {
        chunks.push(chunk?);
    }
    let mut func_starts = Vec::new();
    let mut versions = Vec::new();
    let mut stubs = Vec::with_capacity(chunks.len());
    let mut after_calls = Vec::new();
    let mut context_returns = Vec::new();
    let mut landing_pads = Vec::new();
    let mut sites = Vec::new();
    let mut interruptible = Vec::new();
    let mut loop_heads = Vec::new();
    let mut transfer_returns = Vec::new();
    let mut transfer_points = Vec::new();
    let mut func_transfers = vec![0];
    let mut frame_sizes = Vec::new();
    let mut callers: Vec<Vec<u32>> = if config.debug_instrumentation {
        vec![Vec::new(); body_ranges.len()]
    } else {
        Vec::new()
    };
    let mut indirect_callers = Vec::new();
    let mut bases = Vec::with_capacity(chunks.len());
    let mut first_slots = Vec::with_capacity(chunks.len());
    let mut total: usize = 0;
    for chunk in &chunks {
        let base = total.next_multiple_of(super::codegen::CHUNK_ALIGN);
        bases.push(base);
        func_starts.extend(chunk.func_starts.iter().map(|s| s + base as u32));
        versions.extend(chunk.versions.iter().map(|v| Version {
            start: v.start + base as u32,
            end: v.end + base as u32,
            ..*v
        }));
        stubs.push((chunk.stubs.0 + base as u32, chunk.stubs.1 + base as u32));
        let shift = |(a, b): &(u32, u32)| (a + base as u32, b + base as u32);
        after_calls.extend(chunk.after_calls.iter().map(shift));
        context_returns.extend(chunk.out.context_returns.iter().map(|r| r + base as u32));
        landing_pads.extend(chunk.landing_pads.iter().map(shift));
        sites.extend(chunk.out.sites.iter().map(|(c, w)| (c + base as u32, *w)));
        interruptible.extend(chunk.out.interruptible.iter().map(shift));
        loop_heads.extend(chunk.loop_heads.iter().map(shift));
        first_slots.push(transfer_returns.len());
        for &(returned, point) in &chunk.transfer_points {
            transfer_returns.push(returned + base as u32);
            transfer_points.push(point + base as u32);
        }
        for &n in &chunk.out.func_transfers {
            func_transfers.push(func_transfers.last().expect("starts with 0") + n);
        }
        frame_sizes.extend_from_slice(&chunk.frame_sizes);
        for &(caller, callee) in &chunk.out.call_edges {
            let list = &mut callers[callee as usize];
            if list.last() != Some(&caller) {
                list.push(caller);
            }
        }
        indirect_callers.extend_from_slice(&chunk.out.indirect_callers);
        total = base + chunk.bytes.len();
    }
    // Chunks emit their plain versions in order, so return addresses come sorted.
    debug_assert!(after_calls.is_sorted());
    // Each function's transfer paths follow its body in the order of their points, so
    // the after-call paths are sorted too (`CompiledCode::original_return` searches them).
    debug_assert!(after_calls.is_sorted_by_key(|(_, path)| *path));
    debug_assert!(context_returns.is_sorted());
    debug_assert!(transfer_returns.is_sorted());
    debug_assert!(interruptible.is_sorted());
    debug_assert!(loop_heads.is_sorted());
    let stub_entries = chunks
        .first()
        .map_or(Default::default(), |c| c.stub_entries);
    let (slots, reserve) = if config.debug_instrumentation {
        (
            8 * (transfer_returns.len() + body_ranges.len()),
            code_memory::reserve_for(total),
        )
    } else {
        (0, 0)
    };
    let slot_base = CodeMemory::data_offset(total);
    let code =
        CodeMemory::publish_with_reserve(total, slots, reserve, Some(code_counter), |mut dst| {
            // Each chunk's bytes go to their own slice of the mapping, filled on the threads
            // that compiled (the faults on a fresh mapping and the copy are most of it).
            let mut jobs = Vec::with_capacity(chunks.len());
            let mut at = 0;
            for ((chunk, base), first_slot) in chunks.iter().zip(&bases).zip(&first_slots) {
                let (_, rest) = std::mem::take(&mut dst).split_at_mut(base - at);
                let (slice, rest) = rest.split_at_mut(chunk.bytes.len());
                dst = rest;
                at = base + chunk.bytes.len();
                jobs.push((chunk, *base, slot_base + 8 * first_slot, slice));
            }
            let fill = |jobs: Vec<(&Chunk, usize, usize, &mut [u8])>| {
                for (chunk, base, first_slot, dst) in jobs {
                    link_chunk(chunk, base, first_slot, &func_starts, dst);
                }
            };
            if threads == 1 {
                fill(jobs);
            } else {
                let per_thread = total.div_ceil(threads);
                let mut groups: Vec<Vec<_>> = vec![Vec::new()];
                let mut size = 0;
                for job in jobs {
                    if size >= per_thread {
                        groups.push(Vec::new());
                        size = 0;
                    }
                    size += job.3.len();
                    groups.last_mut().expect("one group").push(job);
                }
                let first = groups.remove(0);
                std::thread::scope(|scope| {
                    for group in groups {
                        scope.spawn(|| fill(group));
                    }
                    fill(first);
                });
            }
        })?;
    sites.sort_unstable();
    if !config.debug_instrumentation {
        frame_sizes = Vec::new();
        func_transfers = Vec::new();
    }
    let compiled = Arc::new(CompiledCode {
        code,
        func_starts,
        versions,
        stubs,
        after_calls,
        context_returns,
        transfer_returns,
        transfer_points,
        func_transfers,
        frame_sizes,
        body_ranges,
        callers,
        indirect_callers,
        sites,
        landing_pads,
        num_imported_funcs: info.num_imported_funcs,
        names: info.func_names.clone(),
        fault_stub: stub_entries.fault as u32,
        stop_stub: stub_entries.stop as u32,
        interruptible,
        loop_heads,
    });
    compiled.register();
    Ok(compiled)
}

/// Copies `chunk`, placed at `base` in the module's code, into `dst` and resolves what
/// depends on its place: direct calls (pc-relative to `func_starts`) and references to
/// the transfer slots (pc-relative; the chunk's first slot is at `first_slot`).
fn link_chunk(chunk: &Chunk, base: usize, first_slot: usize, func_starts: &[u32], dst: &mut [u8]) {
    dst.copy_from_slice(&chunk.bytes);
    for &(at, callee) in &chunk.out.calls {
        let target = func_starts[callee as usize] as i64;
        let rel = (target - (base + at + 4) as i64) as i32;
        dst[at..at + 4].copy_from_slice(&rel.to_le_bytes());
    }
    for &(at, slot, after) in &chunk.out.slot_refs {
        let target = (first_slot + 8 * slot as usize) as i64;
        let rel = (target - (base + at + 4 + usize::from(after)) as i64) as i32;
        dst[at..at + 4].copy_from_slice(&rel.to_le_bytes());
    }
}

fn body_len(body: &PendingBody<'_>) -> usize {
    let range = body.body.range();
    (range.end - range.start) as usize
}

/// Below this many bytes of function bodies, threads cost more than they save.
const PARALLEL_THRESHOLD: usize = 256 * 1024;

/// Wasm body bytes per chunk of a parallel compile. Threads take chunks from a shared
/// queue, so one that is descheduled or draws slower functions leaves the rest of the
/// queue to the others; each chunk carries its own copy of the stubs (a few hundred bytes).
const CHUNK_BYTES: usize = 64 * 1024;

/// Splits bodies into contiguous chunks of about `per_chunk` body bytes, each with the
/// defined index of its first function.
fn split_chunks(
    bodies: Vec<PendingBody<'_>>,
    per_chunk: usize,
) -> Vec<(u32, Vec<PendingBody<'_>>)> {
    let mut chunks: Vec<(u32, Vec<PendingBody<'_>>)> = vec![(0, Vec::new())];
    let mut size = 0;
    for (i, body) in bodies.into_iter().enumerate() {
        if size >= per_chunk {
            chunks.push((i as u32, Vec::new()));
            size = 0;
        }
        size += body_len(&body);
        chunks.last_mut().unwrap().1.push(body);
    }
    chunks
}

/// Runs `compile` over `chunks` on `threads` threads (the calling thread is one of them),
/// each taking the next chunk in module order until none is left, and returns the
/// results in module order. After a failure no further chunk is started; the chunks
/// before it were all taken already, so the first error in module order is the same one
/// a sequential compile reports.
fn compile_in_parallel<'a, T: Send>(
    threads: usize,
    chunks: Vec<(u32, Vec<PendingBody<'a>>)>,
    compile: impl Fn(u32, Vec<PendingBody<'a>>) -> Result<T> + Sync,
) -> Vec<Result<T>> {
    let count = chunks.len();
    let queue = Mutex::new(chunks.into_iter().enumerate());
    let failed = AtomicBool::new(false);
    let work = || {
        let mut done = Vec::new();
        while !failed.load(Ordering::Relaxed) {
            let Some((index, (first, bodies))) = queue.lock().unwrap().next() else {
                break;
            };
            let result = compile(first, bodies);
            if result.is_err() {
                failed.store(true, Ordering::Relaxed);
            }
            done.push((index, result));
        }
        done
    };
    let mut done = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(count)).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for helper in helpers {
            done.extend(helper.join().expect("compiler thread panicked"));
        }
        done
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// One chunk's machine code, with its offsets relative to the chunk.
struct Chunk {
    bytes: Vec<u8>,
    func_starts: Vec<u32>,
    versions: Vec<Version>,
    /// (start, end) of the shared stubs after the functions.
    stubs: (u32, u32),
    /// (return address, the point's transfer path) of the plain versions' calls.
    after_calls: Vec<(u32, u32)>,
    /// (transfer path's return address, transfer point) of every transfer point.
    transfer_points: Vec<(u32, u32)>,
    /// (return address, landing pad) of every call made inside a handler.
    landing_pads: Vec<(u32, u32)>,
    /// (head, slow path) of every loop head without a check in a debuggable module.
    loop_heads: Vec<(u32, u32)>,
    /// Each function's frame size.
    frame_sizes: Vec<u32>,
    out: FuncOutput,
    /// Where the signal handlers enter the chunk's trap stubs.
    stub_entries: super::codegen::TrapStubEntries,
}

fn compile_chunk(
    config: &Config,
    info: &ModuleInfo,
    layout: &VmCtxLayout,
    first: u32,
    bodies: Vec<PendingBody<'_>>,
) -> Result<Chunk> {
    let body_bytes: usize = bodies.iter().map(|b| body_len(b)).sum();
    // Room for the usual code size (benches/RESULTS.md, "Code buffer capacity"), so the
    // buffer rarely grows by copying; pages never written are never touched. Labels and
    // their references too (about one per 25 body bytes).
    let labels = body_bytes / 16 + 64;
    let mut asm = Asm::new_with_capacity(0, body_bytes * 6 + 4096, 0, 0, labels, 0, labels);
    let trap_labels: [_; TRAP_STUBS] = std::array::from_fn(|_| asm.new_dynamic_label());
    let env = ModuleEnv::new(
        config,
        info,
        layout,
        &trap_labels,
        &mut asm,
        config.debug_instrumentation,
    );
    let mut out = FuncOutput::default();
    let mut func_starts = Vec::with_capacity(bodies.len());
    let mut versions = Vec::with_capacity(bodies.len());
    let mut frame_sizes = Vec::with_capacity(bodies.len());
    let mut scratch = Scratch::default();
    for (i, body) in bodies.into_iter().enumerate() {
        let start = asm.offset().0 as u32;
        func_starts.push(start);
        let index = info.num_imported_funcs + first + i as u32;
        let frame = FuncCompiler::compile(&mut asm, &env, &mut out, index, body, &mut scratch)?;
        frame_sizes.push(frame);
        versions.push(Version {
            start,
            end: asm.offset().0 as u32,
            defined: first + i as u32,
        });
    }
    let stubs_start = asm.offset().0 as u32;
    let stub_entries = super::codegen::emit_trap_stubs(&mut asm, &trap_labels, env.fuel);
    super::codegen::align_code(&mut asm, super::codegen::STUB_ALIGN);
    super::codegen::emit_interrupt_stub(&mut asm, env.interrupt_stub);
    super::codegen::align_code(&mut asm, super::codegen::STUB_ALIGN);
    super::codegen::emit_host_helper_stub(&mut asm, env.host_helper_stub);
    if out.uses_throw_stub {
        super::codegen::align_code(&mut asm, super::codegen::STUB_ALIGN);
        super::codegen::emit_throw_stub(&mut asm, env.throw_stub);
    }
    if config.debug_instrumentation {
        super::codegen::align_code(&mut asm, super::codegen::STUB_ALIGN);
        super::codegen::emit_transfer_stub(&mut asm, env.transfer_stub);
    }
    let stubs_end = asm.offset().0 as u32;
    // After every code region ("DESIGN: vector constants").
    super::codegen::emit_vector_constants(&mut asm, &out.vector_constants);
    let resolve = |label| resolve_label(&asm, label);
    let after_calls = out
        .after_calls
        .iter()
        .map(|&(returned, path)| Ok((resolve(returned)?, resolve(path)?)))
        .collect::<Result<Vec<_>>>()?;
    let transfer_points = out
        .transfer_points
        .iter()
        .map(|&(returned, point)| Ok((resolve(returned)?, resolve(point)?)))
        .collect::<Result<Vec<_>>>()?;
    let landing_pads = resolve_landing_pads(&asm, &out)?;
    let loop_heads = out
        .loop_heads
        .iter()
        .map(|&(head, slow)| Ok((head, resolve(slow)?)))
        .collect::<Result<Vec<_>>>()?;
    let mut bytes = asm
        .finalize()
        .map_err(|e| Error::Resource(format!("code assembly failed: {e:?}")))?;
    for (at, value) in &out.patches {
        bytes[*at..*at + 4].copy_from_slice(&value.to_le_bytes());
    }
    Ok(Chunk {
        bytes,
        func_starts,
        versions,
        stubs: (stubs_start, stubs_end),
        after_calls,
        transfer_points,
        landing_pads,
        loop_heads,
        frame_sizes,
        out,
        stub_entries,
    })
}

/// The (return address, landing pad) offsets of the calls `out` made inside handlers,
/// sorted by return address.
pub(super) fn resolve_landing_pads(asm: &Asm, out: &FuncOutput) -> Result<Vec<(u32, u32)>> {
    let mut pads = out
        .landing_pads
        .iter()
        .map(|&(returned, pad)| Ok((returned, resolve_label(asm, pad)?)))
        .collect::<Result<Vec<_>>>()?;
    pads.sort_unstable();
    Ok(pads)
}

/// The offset of a label the assembler has defined.
pub(super) fn resolve_label(asm: &Asm, label: dynasmrt::DynamicLabel) -> Result<u32> {
    asm.labels()
        .resolve_dynamic(label)
        .map(|offset| offset.0 as u32)
        .map_err(|e| Error::Resource(format!("code assembly failed: {e:?}")))
}
