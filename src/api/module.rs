//! `Module`: a validated, compiled module. Its code is shared by every instance.

use crate::abi::vmctx::VmCtxLayout;
use crate::api::engine::Engine;
use crate::code_memory::DebugCode;
use crate::compiler::{
    compile_instrumented, compile_module, frame_shape, plain_accesses, DebugSource,
};
use crate::config::InstrumentedVersions;
use crate::error::{Error, Result};
use crate::frontend::{parse_module, EntityIndex, ImportKind};
use crate::runtime::module::{DebugCompiler, ModuleData};
use crate::types::registry;
use crate::types::{ExternType, FuncType};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

/// A compiled WebAssembly module. Cheap to clone; `Send + Sync`.
#[derive(Clone)]
pub struct Module {
    pub(crate) inner: Arc<ModuleData>,
    engine: Engine,
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Module")
            .field("functions", &self.inner.info.funcs.len())
            .field("code_bytes", &self.inner.code.code.bytes().len())
            .finish()
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("module");
    let temp_name = format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let temp = match dir {
        Some(d) => d.join(temp_name),
        None => std::path::PathBuf::from(temp_name),
    };
    let fail = |e: std::io::Error| Error::Usage(format!("cannot write {}: {e}", path.display()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_data()))
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

/// What the compiler reads of a debuggable module to compile its instrumented versions.
fn debug_source(module: &ModuleData) -> Result<DebugSource<'_>> {
    let binary = module
        .binary
        .as_deref()
        .ok_or_else(|| Error::Usage("the module's binary was not kept".into()))?;
    Ok(DebugSource {
        config: &module.config,
        info: &module.info,
        layout: &module.layout,
        binary,
        code: &module.code,
    })
}

/// The compiler as a debuggable module's instances need it after compilation
/// (`ModuleData::debug`): instrumented versions, and the shapes of frames.
const DEBUG_COMPILER: DebugCompiler = DebugCompiler {
    versions: |module, defined| compile_instrumented(&debug_source(module)?, defined),
    frame_shape: |module, defined| frame_shape(&debug_source(module)?, defined),
    plain_accesses: |module, defined| plain_accesses(&debug_source(module)?, defined),
};

/// Code bytes mapped by all live modules, for [`Engine::code_bytes_mapped`].
pub(crate) static CODE_BYTES: std::sync::LazyLock<Arc<AtomicUsize>> =
    std::sync::LazyLock::new(|| Arc::new(AtomicUsize::new(0)));

impl Module {
    /// Compiles a module from its binary encoding or its text format (`.wat`).
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Module> {
        let bytes = bytes.as_ref();
        let binary = wat::parse_bytes(bytes).map_err(|e| Error::Parse(e.to_string()))?;
        Module::from_binary(engine, &binary)
    }

    /// Compiles a module from a file (`.wasm` or `.wat`).
    pub fn from_file(engine: &Engine, path: impl AsRef<std::path::Path>) -> Result<Module> {
        let path = path.as_ref();
        let bytes = std::fs::read(path)
            .map_err(|e| Error::Usage(format!("cannot read {}: {e}", path.display())))?;
        Module::new(engine, bytes)
    }

    /// Compiles a module from its binary encoding (or, with `Config::cache_dir`, finds
    /// it in the cache).
    pub fn from_binary(engine: &Engine, binary: &[u8]) -> Result<Module> {
        let config = engine.config();
        if let Some(dir) = &config.cache_dir {
            return Module::through_cache(engine, dir, binary);
        }
        Module::compile(engine, binary)
    }

    fn compile(engine: &Engine, binary: &[u8]) -> Result<Module> {
        let config = engine.config();
        let (info, bodies) = parse_module(binary, config.features())?;
        let layout = VmCtxLayout::new(&info);
        let code = compile_module(config, &info, &layout, bodies, CODE_BYTES.clone())?;
        let binary = config.debug_instrumentation.then(|| Arc::from(binary));
        Module::assemble(engine, info, layout, code, binary)
    }

    /// The module with this description and code.
    fn assemble(
        engine: &Engine,
        info: crate::frontend::ModuleInfo,
        layout: VmCtxLayout,
        code: Arc<crate::code_memory::CompiledCode>,
        binary: Option<Arc<[u8]>>,
    ) -> Result<Module> {
        let config = engine.config();
        let type_words = info.type_ids.iter().map(|&id| registry::word(id)).collect();
        let debug = config.debug_instrumentation.then(|| {
            let widest = code
                .body_ranges
                .iter()
                .map(|(a, b)| (b - a) as usize)
                .max()
                .unwrap_or(0);
            let debug = DebugCode::new(code.body_ranges.len(), widest);
            (debug, DEBUG_COMPILER)
        });
        let data = ModuleData {
            config: engine.shared_config(),
            epoch: engine.epoch_counter(),
            info,
            layout,
            code,
            type_words,
            binary,
            debug,
        };
        if config.instrumented_versions == InstrumentedVersions::Eager {
            data.compile_all_instrumented()?;
        }
        Ok(Module {
            inner: Arc::new(data),
            engine: engine.clone(),
        })
    }

    /// The module as a compiled-module file (`.kwasm`), for
    /// [`Module::deserialize_file`]: its code, tables and description (and, for a
    /// debuggable module, its binary; instrumented versions are compiled on first use
    /// after loading, as before).
    pub fn serialize(&self) -> Vec<u8> {
        let m = &self.inner;
        crate::artifact::write(&m.config, &m.info, &m.code, m.binary.as_deref())
    }

    /// Writes [`Module::serialize`] to `path` atomically: to a temporary file beside it,
    /// then renamed, so that a reader never sees half a file.
    pub fn serialize_to_file(&self, path: impl AsRef<std::path::Path>) -> Result<()> {
        write_atomically(path.as_ref(), &self.serialize())
    }

    /// Loads a compiled-module file written by [`Module::serialize`] for an engine with
    /// the same settings: checks its header and checksum, then maps its code
    /// read+execute straight from the file (no copy, no relocation, no compile; every
    /// process loading the file shares its code's pages). A file that fails a check
    /// (another Kestrel version or build, other settings, truncated or damaged) is refused with
    /// an error; nothing of it runs.
    pub fn deserialize_file(engine: &Engine, path: impl AsRef<std::path::Path>) -> Result<Module> {
        let config = engine.config();
        let loaded = crate::artifact::load(config, path.as_ref(), CODE_BYTES.clone())?;
        let layout = VmCtxLayout::new(&loaded.info);
        if config.debug_instrumentation && loaded.binary.is_none() {
            return Err(Error::Usage(
                "a debuggable module's file lacks its binary".into(),
            ));
        }
        Module::assemble(engine, loaded.info, layout, loaded.code, loaded.binary)
    }

    /// Whether `bytes` begin like a compiled-module file ([`Module::serialize`]).
    pub fn is_serialized(bytes: &[u8]) -> bool {
        crate::artifact::is_artifact(bytes)
    }

    /// `from_binary` through the cache directory `dir` (`Config::cache_dir`).
    fn through_cache(engine: &Engine, dir: &std::path::Path, binary: &[u8]) -> Result<Module> {
        let key = crate::artifact::cache_key(binary, engine.config());
        let path = dir.join(format!("{key}.kwasm"));
        if path.exists() {
            if let Ok(module) = Module::deserialize_file(engine, &path) {
                return Ok(module);
            }
            // Damaged, or from another build that hashed alike: compiled and replaced.
        }
        let module = Module::compile(engine, binary)?;
        // A cache that cannot be written costs the next process a compile, nothing more.
        let _ = std::fs::create_dir_all(dir).and_then(|()| {
            write_atomically(&path, &module.serialize()).map_err(std::io::Error::other)
        });
        Ok(module)
    }

    /// Checks that `binary` is a valid module without compiling it to completion.
    pub fn validate(engine: &Engine, binary: &[u8]) -> Result<()> {
        Module::from_binary(engine, binary).map(|_| ())
    }

    /// The binary this module was compiled from, when it was compiled with debug
    /// instrumentation (debuggers read its DWARF sections); `None` otherwise.
    pub fn binary(&self) -> Option<&[u8]> {
        self.inner.binary.as_deref()
    }

    /// The engine this module was compiled for.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The module's imports: (module name, field name, type), in order.
    pub fn imports(&self) -> Vec<(String, String, ExternType)> {
        let info = &self.inner.info;
        info.imports
            .iter()
            .map(|imp| {
                let ty = match &imp.kind {
                    ImportKind::Func(t) => ExternType::Func(info.types[*t as usize].clone()),
                    ImportKind::Table(t) => ExternType::Table(*t),
                    ImportKind::Memory(m) => ExternType::Memory(*m),
                    ImportKind::Global(g) => ExternType::Global(*g),
                    ImportKind::Tag(t) => ExternType::Tag(info.types[*t as usize].clone()),
                };
                (imp.module.clone(), imp.name.clone(), ty)
            })
            .collect()
    }

    /// The module's exports: (name, type), in order.
    pub fn exports(&self) -> Vec<(String, ExternType)> {
        let info = &self.inner.info;
        info.exports
            .iter()
            .map(|e| {
                let ty = match e.index {
                    EntityIndex::Func(i) => ExternType::Func(info.func_type(i).clone()),
                    EntityIndex::Table(i) => ExternType::Table(info.tables[i as usize]),
                    EntityIndex::Memory(i) => ExternType::Memory(info.memories[i as usize]),
                    EntityIndex::Global(i) => ExternType::Global(info.globals[i as usize]),
                    EntityIndex::Tag(i) => ExternType::Tag(info.tag_type(i).clone()),
                };
                (e.name.clone(), ty)
            })
            .collect()
    }

    /// The type of exported function `name`, if there is one.
    pub fn export_func_type(&self, name: &str) -> Option<FuncType> {
        self.exports().into_iter().find_map(|(n, t)| match t {
            ExternType::Func(f) if n == name => Some(f),
            _ => None,
        })
    }

    /// Number of functions in the module's function index space (imports first).
    pub fn num_funcs(&self) -> u32 {
        self.inner.info.funcs.len() as u32
    }

    /// The name of function `index` from the name section, if any.
    pub fn func_name(&self, index: u32) -> Option<&str> {
        self.inner.info.func_name(index)
    }

    /// The index of the function named `name`: by the name section first (lowest index),
    /// then by export name.
    pub fn func_index(&self, name: &str) -> Option<u32> {
        let info = &self.inner.info;
        let by_name = info
            .func_names
            .iter()
            .filter(|(_, n)| n.as_str() == name)
            .map(|(i, _)| *i)
            .min();
        by_name.or_else(|| {
            info.exports.iter().find_map(|e| match e.index {
                EntityIndex::Func(i) if e.name == name => Some(i),
                _ => None,
            })
        })
    }

    /// The module's machine code (one region shared by all instances).
    pub fn code(&self) -> &[u8] {
        self.inner.code.code.bytes()
    }

    /// The stretches of [`Module::code`] (offsets) holding loops compiled without a
    /// loop-head check, where an interrupt ends a call on the spot ("DESIGN: interrupts in
    /// loops without calls" in `runtime::interrupt`): for tests that check their machine
    /// state. Not a stable API.
    #[doc(hidden)]
    pub fn interruptible_code(&self) -> Vec<std::ops::Range<usize>> {
        self.inner
            .code
            .interruptible
            .iter()
            .map(|&(start, end)| start as usize..end as usize)
            .collect()
    }

    /// The heads of those loops in a debuggable module, where an interrupt steps a
    /// running thread to (offsets into [`Module::code`]). Not a stable API.
    #[doc(hidden)]
    pub fn loop_heads_without_check(&self) -> Vec<usize> {
        self.inner
            .code
            .loop_heads
            .iter()
            .map(|&(head, _)| head as usize)
            .collect()
    }

    /// What each stretch of [`Module::code`] holds: every defined function (the version
    /// calls enter; instrumented versions are [`Module::instrumented_versions`]) and the
    /// shared stubs, in address order. Ranges are offsets into
    /// [`Module::code`]; alignment padding between functions belongs to no region.
    ///
    /// ```
    /// use kestrel::{CodeRegionKind, Engine, Module};
    /// let module = Module::new(&Engine::default(), "(module (func) (func))").unwrap();
    /// let functions = module
    ///     .code_regions()
    ///     .iter()
    ///     .filter(|r| matches!(r.kind, CodeRegionKind::Function { .. }))
    ///     .count();
    /// assert_eq!(functions, 2);
    /// ```
    pub fn code_regions(&self) -> Vec<CodeRegion> {
        let code = &self.inner.code;
        let imported = code.num_imported_funcs;
        let functions = code.versions.iter().map(|v| CodeRegion {
            kind: CodeRegionKind::Function {
                index: imported + v.defined,
            },
            range: v.start as usize..v.end as usize,
        });
        let stubs = code.stubs.iter().map(|&(start, end)| CodeRegion {
            kind: CodeRegionKind::Stubs,
            range: start as usize..end as usize,
        });
        let mut regions: Vec<CodeRegion> = functions.chain(stubs).collect();
        regions.sort_by_key(|r| r.range.start);
        regions
    }

    /// The instrumented versions compiled so far (all of them in eager mode, those an
    /// instance needed in lazy mode; none without debug instrumentation) and the stubs
    /// compiled with them, in address order. Ranges are offsets from the start of
    /// [`Module::code`], past its end: each compilation publishes pages of its own, once,
    /// never written again. Read a region's bytes with [`Module::code_bytes`].
    pub fn instrumented_code_regions(&self) -> Vec<CodeRegion> {
        let Some((debug, _)) = &self.inner.debug else {
            return Vec::new();
        };
        let base = self.inner.code.code.base() as usize;
        let imported = self.inner.info.num_imported_funcs;
        let mut regions = Vec::new();
        let mut stubs = std::collections::BTreeSet::new();
        for (d, f) in debug.compiled() {
            regions.push(CodeRegion {
                kind: CodeRegionKind::InstrumentedFunction {
                    index: imported + d,
                },
                range: f.start - base..f.end - base,
            });
            let r = &f.region;
            stubs.insert((r.start + r.stubs - base, r.start + r.len - base));
        }
        regions.extend(stubs.into_iter().map(|(a, b)| CodeRegion {
            kind: CodeRegionKind::Stubs,
            range: a..b,
        }));
        regions.sort_by_key(|r| r.range.start);
        regions
    }

    /// The machine code of `region`, one of [`Module::code_regions`] or
    /// [`Module::instrumented_code_regions`].
    pub fn code_bytes(&self, region: &CodeRegion) -> &[u8] {
        let code = &self.inner.code.code;
        if region.range.end <= code.bytes().len() {
            &code.bytes()[region.range.clone()]
        } else {
            code.bytes_at(region.range.start, region.range.len())
        }
    }

    /// The instrumented versions compiled so far: (function index, machine code), in
    /// function order.
    pub fn instrumented_versions(&self) -> Vec<(u32, &[u8])> {
        self.instrumented_code_regions()
            .into_iter()
            .filter_map(|r| match r.kind {
                CodeRegionKind::InstrumentedFunction { index } => {
                    Some((index, self.code_bytes(&r)))
                }
                _ => None,
            })
            .collect()
    }

    /// Bytes of instrumented code published so far (whole pages, stubs included), and
    /// how many compilations published it.
    pub fn instrumented_code_size(&self) -> (usize, usize) {
        let compilations = self
            .inner
            .debug
            .as_ref()
            .map_or(0, |(d, _)| d.compilations());
        (self.inner.code.code.reserve_used(), compilations)
    }

    /// Address range of the module's code mapping.
    pub fn code_range(&self) -> (usize, usize) {
        self.inner.code.code.range()
    }

    /// Whether two handles share one compiled module.
    pub fn same(a: &Module, b: &Module) -> bool {
        Arc::ptr_eq(&a.inner, &b.inner)
    }
}

/// What one stretch of a module's machine code holds (see [`Module::code_regions`] and
/// [`Module::instrumented_code_regions`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeRegionKind {
    /// Function `index` (in a debuggable module, its plain version, which calls enter).
    Function {
        /// Index in the module's function index space (imports first).
        index: u32,
    },
    /// The instrumented version of function `index`, where a debugged instance runs.
    InstrumentedFunction {
        /// Index in the module's function index space (imports first).
        index: u32,
    },
    /// Code shared by the functions compiled with it: trap stubs, the interrupt,
    /// host-helper, transfer and debug stubs.
    Stubs,
}

/// One stretch of a module's machine code (see [`Module::code_regions`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeRegion {
    /// What the stretch holds.
    pub kind: CodeRegionKind,
    /// Byte offsets into [`Module::code`].
    pub range: std::ops::Range<usize>,
}

impl Engine {
    /// Bytes of machine code currently mapped for live modules (process-wide).
    pub fn code_bytes_mapped(&self) -> usize {
        CODE_BYTES.load(std::sync::atomic::Ordering::Relaxed)
    }
}
