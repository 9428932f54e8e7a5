//! Engine configuration: how modules are compiled and run (see `api::engine` for the
//! `Engine` built from it).

/// How linear-memory accesses are kept in bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundsChecks {
    /// Reserve 8 GiB of address space per memory so every 32-bit address plus offset lands
    /// in the reservation; accesses past the accessible size fault on guard pages and the
    /// signal handler turns the fault into an out-of-bounds trap. No checks in the code.
    GuardPages,
    /// Compare every effective address with the memory's current size before the access.
    Explicit,
}

/// Which WebAssembly version's feature set is accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WasmVersion {
    /// WebAssembly 1.0 (the MVP with mutable-global import/export).
    V1,
    /// WebAssembly 2.0 (fixed-width SIMD included), and relaxed SIMD from 3.0 unless
    /// [`Config::relaxed_simd`] turns it off.
    V2,
}

/// Which x86-64 vector instructions compiled SIMD code may use (see
/// The default of `Config::max_memory64_bytes`: 16 GiB.
pub const DEFAULT_MAX_MEMORY64_BYTES: u64 = 16 << 30;

/// [`Config::vector_instructions`]). Results are bit-identical on every path; only code
/// size and speed differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum VectorInstructions {
    /// The best this CPU runs: AVX2 forms (three operands, unaligned memory operands,
    /// broadcasts) where it has AVX and AVX2, otherwise the SSE4.1 baseline.
    #[default]
    Detect,
    /// The SSE4.1 baseline (with SSSE3 and SSE4.2's `pcmpgtq`: x86-64-v2) even on a CPU
    /// with AVX2, for example to test that path.
    Sse41,
}

/// The vector instruction set a compilation uses, resolved from
/// [`VectorInstructions`] on this CPU.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VectorPath {
    Sse41,
    Avx2,
}

/// When a debuggable module's instrumented versions are compiled (see
/// [`Config::instrumented_versions`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InstrumentedVersions {
    /// Each function's instrumented version is compiled the first time an instance needs
    /// it (a breakpoint set in it, a step or pause that must stop in it), once per
    /// module, and shared by every instance. A debuggable module then costs about what a
    /// plain one costs until someone debugs it.
    #[default]
    Lazy,
    /// Every instrumented version is compiled with the module.
    Eager,
}

/// Settings for an [`Engine`](crate::Engine). Build one with [`Config::new`] and the setters.
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) debug_instrumentation: bool,
    pub(crate) bounds_checks: BoundsChecks,
    pub(crate) max_wasm_stack: usize,
    pub(crate) version: WasmVersion,
    pub(crate) convention_canaries: bool,
    pub(crate) instrumented_versions: InstrumentedVersions,
    pub(crate) cache_dir: Option<std::path::PathBuf>,
    pub(crate) consume_fuel: bool,
    pub(crate) initial_fuel: u64,
    pub(crate) max_instances: Option<usize>,
    pub(crate) vector_instructions: VectorInstructions,
    pub(crate) relaxed_simd: bool,
    pub(crate) multi_memory: bool,
    pub(crate) extended_const: bool,
    pub(crate) tail_call: bool,
    pub(crate) exceptions: bool,
    pub(crate) function_references: bool,
    pub(crate) memory64: bool,
    pub(crate) max_memory64_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            debug_instrumentation: false,
            bounds_checks: BoundsChecks::GuardPages,
            max_wasm_stack: 1 << 20,
            version: WasmVersion::V2,
            convention_canaries: false,
            instrumented_versions: InstrumentedVersions::Lazy,
            cache_dir: None,
            consume_fuel: false,
            initial_fuel: u64::MAX,
            max_instances: None,
            vector_instructions: VectorInstructions::Detect,
            relaxed_simd: true,
            multi_memory: true,
            extended_const: true,
            tail_call: true,
            exceptions: true,
            function_references: true,
            memory64: true,
            max_memory64_bytes: DEFAULT_MAX_MEMORY64_BYTES,
        }
    }
}

impl Config {
    /// The default configuration: no debug instrumentation, guard-page bounds checks,
    /// 1 MiB of wasm stack, WebAssembly 2.0 features with relaxed SIMD, multi-memory,
    /// extended constant expressions, tail calls, exception handling and typed function
    /// references, the best vector
    /// instructions of this CPU.
    pub fn new() -> Config {
        Config::default()
    }

    /// Compile breakable points into every function so instances can be debugged.
    pub fn debug_instrumentation(&mut self, enable: bool) -> &mut Self {
        self.debug_instrumentation = enable;
        self
    }

    /// With debug instrumentation: compile each function's instrumented version on first
    /// use (the default) or all of them with the module.
    pub fn instrumented_versions(&mut self, when: InstrumentedVersions) -> &mut Self {
        self.instrumented_versions = when;
        self
    }

    /// Keep compiled modules in `dir` (created if missing): `Module::new` looks a module
    /// up by a hash of its bytes, the Kestrel version and build and the settings that change code;
    /// a hit maps the cached code from the file (shared by every process that loads it),
    /// a miss compiles and writes the entry (to a temporary file, then renamed, so that
    /// concurrent processes never see half an entry). An entry that fails its checks is
    /// compiled again and replaced.
    ///
    /// A cache entry is code that will run: `dir` must not be writable by anyone the
    /// embedder does not trust (the checks catch damage, not an attacker).
    pub fn cache_dir(&mut self, dir: impl Into<std::path::PathBuf>) -> &mut Self {
        self.cache_dir = Some(dir.into());
        self
    }

    /// Choose how memory accesses are bounds-checked.
    pub fn bounds_checks(&mut self, mode: BoundsChecks) -> &mut Self {
        self.bounds_checks = mode;
        self
    }

    /// Maximum native stack, in bytes, that wasm frames may use before
    /// "call stack exhausted" traps.
    pub fn max_wasm_stack(&mut self, bytes: usize) -> &mut Self {
        self.max_wasm_stack = bytes;
        self
    }

    /// Accept the feature set of this WebAssembly version.
    pub fn wasm_version(&mut self, version: WasmVersion) -> &mut Self {
        self.version = version;
        self
    }

    /// A test mode for Kestrel's own compiler: around every call from wasm code (and
    /// every call from the host into wasm) fill the registers the callee must preserve
    /// with distinct values and check them when it returns; a callee that changed one
    /// makes the call trap with [`TrapKind::ConventionViolation`](crate::TrapKind). The
    /// checks cost time and code size, and the canaries are what a debugger sees in
    /// callers' register-held locals, so this is for testing only; off by default.
    pub fn convention_canaries(&mut self, enable: bool) -> &mut Self {
        self.convention_canaries = enable;
        self
    }

    /// Compile fuel accounting into every function: each instance has a fuel count
    /// ([`Instance::set_fuel`](crate::Instance::set_fuel),
    /// [`Instance::fuel`](crate::Instance::fuel)), code pays for what it runs, and a call
    /// that needs more than is left traps with
    /// [`TrapKind::OutOfFuel`](crate::TrapKind::OutOfFuel). The count is deterministic:
    /// the same program with the same arguments uses the same fuel on every run, plain
    /// or debuggable, compiled or mapped from the cache.
    ///
    /// One unit is one instruction of the function body's code, paid in advance for a
    /// whole stretch: entering a function pays for every instruction of its body that is
    /// not inside a loop, and each iteration of a loop (entering it, and every branch back
    /// to it) pays for every instruction of the loop's body that is not inside a nested
    /// loop (the `end` included; the `loop` instruction itself belongs to the enclosing
    /// stretch). A stretch is paid whole whether or not every instruction of it runs
    /// (a branch may skip part of it), so fuel is an upper bound on the instructions
    /// executed; host functions and bulk-memory instructions cost one unit however much
    /// work they do. A call into another instance pays from that instance's fuel.
    /// Off by default; the checks cost time: one update of the count in memory per call
    /// and per loop iteration, little in code that calls (fib: 1.06x) and up to 1.9x in
    /// the tightest loops (`benches/RESULTS.md`, "Fuel").
    pub fn consume_fuel(&mut self, enable: bool) -> &mut Self {
        self.consume_fuel = enable;
        self
    }

    /// With [`consume_fuel`](Config::consume_fuel): the fuel every new instance starts
    /// with, which its start function runs on (default `u64::MAX`, in effect unlimited).
    pub fn initial_fuel(&mut self, fuel: u64) -> &mut Self {
        self.initial_fuel = fuel;
        self
    }

    /// At most `count` instances of the engine's modules alive at once (default: no
    /// cap): instantiating one more fails with [`Error::Resource`](crate::Error) until
    /// one is dropped.
    pub fn max_instances(&mut self, count: usize) -> &mut Self {
        self.max_instances = Some(count);
        self
    }

    /// Which vector instructions SIMD code may use (default
    /// [`VectorInstructions::Detect`]). A module with SIMD instructions needs at least
    /// SSE4.1, SSSE3 and SSE4.2 (x86-64-v2); on a CPU without them it is refused with
    /// [`Error::Unsupported`](crate::Error), and modules without SIMD run.
    pub fn vector_instructions(&mut self, which: VectorInstructions) -> &mut Self {
        self.vector_instructions = which;
        self
    }

    /// Accept relaxed SIMD (WebAssembly 3.0's `relaxed-simd`) with
    /// [`WasmVersion::V2`] (default on). Each relaxed instruction has one fixed result
    /// for every input, the same on every run, configuration and vector path; the
    /// choices are listed in `docs/simd.md`.
    pub fn relaxed_simd(&mut self, enable: bool) -> &mut Self {
        self.relaxed_simd = enable;
        self
    }

    /// Accept modules with more than one memory (WebAssembly 3.0's `multi-memory`) with
    /// [`WasmVersion::V2`] (default on). Memory 0's code is the same either way; an
    /// access to another memory loads that memory's base from the instance first. With
    /// [`BoundsChecks::GuardPages`] each memory reserves 8 GiB of address space
    /// (WebAssembly allows a module 100 memories).
    pub fn multi_memory(&mut self, enable: bool) -> &mut Self {
        self.multi_memory = enable;
        self
    }

    /// Accept extended constant expressions (WebAssembly 3.0's `extended-const`:
    /// `i32`/`i64` `add`, `sub` and `mul` in initializers and segment offsets) with
    /// [`WasmVersion::V2`] (default on).
    pub fn extended_const(&mut self, enable: bool) -> &mut Self {
        self.extended_const = enable;
        self
    }

    /// Accept tail calls (WebAssembly 3.0's `tail-call`: `return_call`,
    /// `return_call_indirect`) with [`WasmVersion::V2`] (default on). Every chain of
    /// tail calls runs in constant stack space: a tail call within the instance whose
    /// parameters fit where the caller's own arguments were replaces the frame in
    /// place; one into another instance or a host function, or with more parameters,
    /// goes through one small frame that the rest of the chain reuses.
    pub fn tail_call(&mut self, enable: bool) -> &mut Self {
        self.tail_call = enable;
        self
    }

    /// Accepts exception handling (WebAssembly 3.0; on by default): tags, `throw`,
    /// `throw_ref`, `try_table` and `exnref`, and the legacy `try`, `catch`,
    /// `catch_all`, `delegate` and `rethrow` that `clang -fwasm-exceptions` still emits.
    /// Modules without them compile to the same code either way.
    pub fn exceptions(&mut self, enable: bool) -> &mut Self {
        self.exceptions = enable;
        self
    }

    /// Accepts typed function references and WebAssembly 3.0's type system (on by
    /// default): reference types with concrete heap types and nullability, `call_ref`,
    /// `return_call_ref`, `ref.as_non_null`, `br_on_null`, `br_on_non_null`,
    /// non-defaultable locals, table initializers, recursion groups and declared
    /// subtypes, and `global.get` of any earlier global in constant expressions. Modules
    /// using what needs a GC heap (struct, array, i31, the `any`/`eq` hierarchy) are
    /// refused as unsupported.
    pub fn function_references(&mut self, enable: bool) -> &mut Self {
        self.function_references = enable;
        self
    }

    /// Accepts 64-bit memories and tables (on by default): `i64` addresses and indices,
    /// memories beyond 4 GiB. Every access to a 64-bit memory checks its bounds in code
    /// whatever `bounds_checks` says (no guard region covers 64-bit addresses;
    /// `compiler::codegen::memory`, "DESIGN: bounds checks").
    pub fn memory64(&mut self, enable: bool) -> &mut Self {
        self.memory64 = enable;
        self
    }

    /// The most bytes a 64-bit memory may hold (default 16 GiB, at most 2^47): its
    /// address space is reserved when it is created, the lesser of this and its declared
    /// maximum, so that its base never moves; `memory.grow` beyond it fails (returns -1).
    pub fn max_memory64_bytes(&mut self, bytes: u64) -> &mut Self {
        self.max_memory64_bytes = bytes.min(1 << 47);
        self
    }

    /// The vector path this configuration compiles for on this CPU.
    pub(crate) fn vector_path(&self) -> VectorPath {
        match self.vector_instructions {
            VectorInstructions::Sse41 => VectorPath::Sse41,
            VectorInstructions::Detect if cpu_has_avx2() => VectorPath::Avx2,
            VectorInstructions::Detect => VectorPath::Sse41,
        }
    }

    pub(crate) fn features(&self) -> wasmparser::WasmFeatures {
        use wasmparser::WasmFeatures as F;
        match self.version {
            WasmVersion::V1 => F::WASM1,
            WasmVersion::V2 => {
                let mut features = F::WASM2;
                features.set(F::RELAXED_SIMD, self.relaxed_simd);
                features.set(F::MULTI_MEMORY, self.multi_memory);
                features.set(F::EXTENDED_CONST, self.extended_const);
                features.set(F::TAIL_CALL, self.tail_call);
                features.set(F::EXCEPTIONS, self.exceptions);
                features.set(F::LEGACY_EXCEPTIONS, self.exceptions);
                // wasmparser gates recursion groups, subtyping and the bottom heap types
                // behind GC; what needs a GC heap is refused after validation.
                features.set(F::FUNCTION_REFERENCES, self.function_references);
                features.set(F::GC, self.function_references);
                features.set(F::MEMORY64, self.memory64);
                features
            }
        }
    }
}

/// Whether this CPU (and its operating system, which must save the ymm state) runs
/// AVX and AVX2 instructions.
fn cpu_has_avx2() -> bool {
    std::arch::is_x86_feature_detected!("avx") && std::arch::is_x86_feature_detected!("avx2")
}
