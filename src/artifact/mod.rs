//! Compiled modules as files (`.kwasm`): the format, writing one, and checking and mapping
//! one back, its code read+execute in place from the page cache.
//!
//! // DESIGN: code mapped from the file
//! A compiled module's code is position independent and never written after it is
//! published (`docs/architecture.md`, invariants 1 and 2), so the bytes in a file serve
//! as they are: the loader maps the file's code pages read+execute (`MAP_PRIVATE`, never
//! writable, so they stay the page cache's and every process mapping the file shares
//! them), with no relocation and no copy; only the tables (a few bytes per function and
//! per call site) and the module description are decoded. The code starts on a page
//! boundary of the file. A debuggable module's transfer slots and the reserve for
//! instrumented versions are anonymous memory behind the mapped code, as for a compiled
//! module (`code_memory::mapping`); instrumented versions are not saved, they are
//! compiled on first use after loading as before.
//!
//! Trust: a file is code that will run. Before anything is mapped executable the loader
//! checks the magic number, the format version, the Kestrel version and build, the settings that
//! change code (they must equal the engine's), the length and an xxh3 checksum of
//! everything after the checksum field; a file that fails any check is refused. The
//! checksum catches damage, not an attacker who can write the file: the directory a cache
//! lives in must not be writable by anyone the embedder does not trust.
//!
//! Layout (little-endian): magic `KESTRELW`, format version (u32), 4 reserved bytes, the
//! checksum (u64), the file length (u64), the Kestrel version and build and the settings (u16
//! length, UTF-8), the code's offset and length and the metadata's offset and length
//! (u64 each); then the code at a page-aligned offset; then the metadata (tables, module
//! description, the binary of a debuggable module), encoded by `encode`.

mod encode;

use crate::code_memory::{CodeMemory, CompiledCode};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::frontend::ModuleInfo;
use encode::{Reader, Writer};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

/// The first bytes of every compiled-module file.
pub(crate) const MAGIC: [u8; 8] = *b"KESTRELW";
/// The version of this layout.
pub(crate) const FORMAT_VERSION: u32 = 9;
/// Where the checksummed bytes start (after magic, version, reserved and checksum).
const CHECKED_FROM: usize = 24;
const PAGE: usize = 4096;

/// The Kestrel build a file must have been written by: the crate version and the build
/// fingerprint (`build.rs`: a hash of the sources and `Cargo.lock`), so that a file
/// from another build of the same version, whose code may follow other conventions, is
/// refused, and the cache key of another build differs.
pub(crate) fn kestrel_version() -> &'static str {
    concat!(
        env!("CARGO_PKG_VERSION"),
        " build ",
        env!("KESTREL_BUILD_FINGERPRINT")
    )
}

/// The settings that change the code or what validates, as text (equal text, equal
/// code). The vector path is the one resolved on this CPU, so a file compiled for AVX2
/// is refused (and, from the cache, compiled again) on a CPU without it.
pub(crate) fn settings(config: &Config) -> String {
    format!(
        "debug_instrumentation={} bounds_checks={:?} wasm={:?} relaxed_simd={} \
         multi_memory={} extended_const={} tail_call={} exceptions={} \
         function_references={} memory64={} convention_canaries={} \
         consume_fuel={} vector={:?}",
        config.debug_instrumentation,
        config.bounds_checks,
        config.version,
        config.relaxed_simd,
        config.multi_memory,
        config.extended_const,
        config.tail_call,
        config.exceptions,
        config.function_references,
        config.memory64,
        config.convention_canaries,
        config.consume_fuel,
        config.vector_path()
    )
}

/// Whether `bytes` start like a compiled-module file.
pub(crate) fn is_artifact(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// The checksum of a file's checked bytes.
fn checksum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A 128-bit key for a module's cache entry: its binary, the Kestrel version and build, the
/// settings that change its code, as 32 hex digits.
pub(crate) fn cache_key(binary: &[u8], config: &Config) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(binary);
    hasher.update(&[0]);
    hasher.update(kestrel_version().as_bytes());
    hasher.update(&[0]);
    hasher.update(settings(config).as_bytes());
    format!("{:032x}", hasher.digest128())
}

/// A compiled module read back from a file.
pub(crate) struct Loaded {
    pub info: ModuleInfo,
    pub code: Arc<CompiledCode>,
    pub binary: Option<Arc<[u8]>>,
}

/// Writes `code` (compiled from `info` under `config`; `binary` kept for debuggable
/// modules) as a compiled-module file.
pub(crate) fn write(
    config: &Config,
    info: &ModuleInfo,
    code: &CompiledCode,
    binary: Option<&[u8]>,
) -> Vec<u8> {
    let settings = settings(config);
    let mut header = Writer::default();
    header.bytes_raw(&MAGIC);
    header.u32(FORMAT_VERSION);
    header.u32(0);
    header.u64(0); // checksum, below
    header.u64(0); // file length, below
    header.str16(kestrel_version());
    header.str16(&settings);
    let fixed = header.len() + 4 * 8;
    let code_offset = fixed.next_multiple_of(PAGE);
    let code_bytes = code.code.bytes();
    let mut meta = Writer::default();
    encode::compiled(&mut meta, code);
    encode::info(&mut meta, info);
    match binary {
        Some(b) => {
            meta.u8(1);
            meta.bytes(b);
        }
        None => meta.u8(0),
    }
    let meta = meta.into_inner();
    let meta_offset = code_offset + code_bytes.len();
    let total = meta_offset + meta.len();
    header.u64(code_offset as u64);
    header.u64(code_bytes.len() as u64);
    header.u64(meta_offset as u64);
    header.u64(meta.len() as u64);
    let mut out = header.into_inner();
    debug_assert_eq!(out.len(), fixed);
    out.resize(code_offset, 0);
    out.extend_from_slice(code_bytes);
    out.extend_from_slice(&meta);
    out[24..32].copy_from_slice(&(total as u64).to_le_bytes());
    let sum = checksum(&out[CHECKED_FROM..]);
    out[16..24].copy_from_slice(&sum.to_le_bytes());
    out
}

/// Why a file was refused.
fn refused(path: &std::path::Path, why: impl std::fmt::Display) -> Error {
    Error::Usage(format!(
        "{} is not a usable compiled module: {why}",
        path.display()
    ))
}

/// Checks a compiled-module file's header and checksum; returns where its code and its
/// metadata are, or why it is refused.
fn check(
    config: &Config,
    bytes: &[u8],
) -> std::result::Result<(usize, usize, usize, usize), String> {
    if bytes.len() < CHECKED_FROM + 8 || !is_artifact(bytes) {
        return Err("not a Kestrel compiled module (bad magic number, or too short)".into());
    }
    let truncated = |_| "truncated header".to_string();
    let mut r = Reader::new(&bytes[8..]);
    let format = r.u32().map_err(truncated)?;
    if format != FORMAT_VERSION {
        return Err(format!(
            "format version {format}, this Kestrel reads {FORMAT_VERSION}"
        ));
    }
    if r.u32().map_err(truncated)? != 0 {
        return Err("reserved header bytes are not zero (the file is damaged)".into());
    }
    let sum = r.u64().map_err(truncated)?;
    let length = r.u64().map_err(truncated)?;
    let version = r.str16().map_err(truncated)?;
    if version != kestrel_version() {
        return Err(format!(
            "written by Kestrel {version}, this is {}",
            kestrel_version()
        ));
    }
    let file_settings = r.str16().map_err(truncated)?;
    let ours = settings(config);
    if file_settings != ours {
        return Err(format!(
            "compiled with settings `{file_settings}`, the engine has `{ours}`"
        ));
    }
    if length != bytes.len() as u64 {
        return Err(format!(
            "{} bytes long, the header says {length} (truncated?)",
            bytes.len()
        ));
    }
    if checksum(&bytes[CHECKED_FROM..]) != sum {
        return Err("checksum mismatch (the file is damaged)".into());
    }
    let mut field = || -> std::result::Result<usize, String> {
        usize::try_from(r.u64().map_err(truncated)?).map_err(|_| "bad offset".to_string())
    };
    let (code_offset, code_len, meta_offset, meta_len) = (field()?, field()?, field()?, field()?);
    let in_file = |offset: usize, len: usize| {
        offset
            .checked_add(len)
            .is_some_and(|end| end <= bytes.len())
    };
    if code_offset % PAGE != 0 || !in_file(code_offset, code_len) || !in_file(meta_offset, meta_len)
    {
        return Err("sections outside the file".into());
    }
    Ok((code_offset, code_len, meta_offset, meta_len))
}

/// Checks a compiled-module file and maps it: its code read+execute in place.
pub(crate) fn load(
    config: &Config,
    path: &std::path::Path,
    counter: Arc<AtomicUsize>,
) -> Result<Loaded> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::Usage(format!("cannot open {}: {e}", path.display())))?;
    // SAFETY: a read-only mapping of the file; the bytes are only read, checked and
    // copied. A file changed while mapped is outside the trust model (module docs).
    let map = unsafe { memmap2::MmapOptions::new().populate().map(&file) }
        .map_err(|e| Error::Usage(format!("cannot map {}: {e}", path.display())))?;
    let bytes: &[u8] = &map;
    let (code_offset, code_len, meta_offset, meta_len) =
        check(config, bytes).map_err(|why| refused(path, why))?;
    let mut meta = Reader::new(&bytes[meta_offset..meta_offset + meta_len]);
    let mut tables = encode::read_compiled(&mut meta).map_err(|e| refused(path, e))?;
    let info = encode::read_info(&mut meta).map_err(|e| refused(path, e))?;
    let binary = match meta.u8().map_err(|e| refused(path, e))? {
        0 => None,
        _ => Some(Arc::from(meta.bytes().map_err(|e| refused(path, e))?)),
    };
    if (tables.fault_stub as usize) >= code_len.max(1)
        || (tables.stop_stub as usize) >= code_len.max(1)
    {
        return Err(refused(path, "trap stub outside the code"));
    }
    // The interrupt handler searches these ranges (`code_memory::registry`).
    let ranges_ordered = tables
        .interruptible
        .windows(2)
        .all(|pair| pair[0].1 <= pair[1].0);
    let ranges_inside = tables
        .interruptible
        .iter()
        .all(|&(start, end)| start < end && (end as usize) <= code_len);
    if !ranges_ordered || !ranges_inside {
        return Err(refused(
            path,
            "interruptible ranges out of order or outside the code",
        ));
    }
    // The interrupt handler searches the heads too and sends threads to their slow paths.
    let heads_ordered = tables
        .loop_heads
        .windows(2)
        .all(|pair| pair[0].0 < pair[1].0);
    let heads_inside = tables
        .loop_heads
        .iter()
        .all(|&(head, slow)| (head as usize) < code_len && (slow as usize) < code_len);
    if !heads_ordered || !heads_inside {
        return Err(refused(path, "loop heads out of order or outside the code"));
    }
    let debug = config.debug_instrumentation;
    let (data, reserve) = if debug {
        (
            8 * (tables.transfer_returns.len() + tables.body_ranges.len()),
            crate::code_memory::reserve_for(code_len),
        )
    } else {
        (0, 0)
    };
    tables.code = Some(CodeMemory::map_file(
        &file,
        code_offset as u64,
        code_len,
        data,
        reserve,
        Some(counter),
    )?);
    let code = Arc::new(tables.into_compiled());
    code.register();
    Ok(Loaded { info, code, binary })
}
