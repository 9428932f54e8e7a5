//! The WASI-call fuzzer: random sequences of calls to all 46 `wasi_snapshot_preview1`
//! functions with hostile arguments, made by a guest module in a sandbox directory and
//! checked against invariants that hold whatever the right answer is:
//!
//! - no panic (a panic hook counts them, a host panic also surfaces as a trap) and no
//!   abort (the `kestrel-fuzz` supervisor runs sequences in worker processes);
//! - every call ends as an errno WASI defines, or (`proc_exit`) as the program's exit;
//! - every call returns within [`CALL_TIME_LIMIT`] and takes at most [`CALL_HEAP_LIMIT`]
//!   of host heap beyond what was live before it (the counting allocator of
//!   [`heap`](crate::heap); the guest's linear memory is mapped, not allocated, so the
//!   bound is "beyond the guest's own pages");
//! - nothing outside the sandbox changes (every entry beside it, and everything in the
//!   `outside` directory its symbolic links point at, compared before and after) and
//!   nothing outside is read (the outside files' contents never appear in guest memory);
//! - the instance still answers a plain call at the end.
//!
//! The guest module imports every function [`kestrel::wasi::functions`] lists and
//! re-exports each under its own name, so the host can call them with chosen arguments;
//! the structured arguments (iovec arrays, paths, subscriptions) are written into the
//! guest's memory first. What is drawn: descriptors (the standard streams, the preopens,
//! what `path_open` returned, closed and random numbers), pointers at, around and past the
//! end of memory, lengths and counts at every bound the implementation states and beyond,
//! iovecs overlapping each other and their own array, paths through `..`, absolute paths,
//! symbolic links leading out, link loops and chains longer than the kernel follows, paths
//! and names one past their length limits, invalid UTF-8 and NUL bytes, random rights,
//! flags and whence values.
//!
//! One thing is bounded by the generator, not the implementation: a guest may ask
//! `poll_oneoff` to sleep as long as it likes, and waiting is not host work, so clock
//! subscriptions that would make the call wait are cut to at most 2 ms (the embedder's
//! bound on a guest's time is an interrupt or a deadline).

use crate::heap;
use crate::rng::Rng;
use kestrel::wasi::{self, InputStream, OutputStream, WasiCtxBuilder};
use kestrel::{Engine, Error, Func, Instance, Linker, Memory, Module, Val, ValType};
use std::collections::BTreeMap;
use std::io;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Once, OnceLock};
use std::time::{Duration, Instant};

/// The longest one call may take.
pub const CALL_TIME_LIMIT: Duration = Duration::from_secs(1);
/// The most host heap one call may take beyond what was live before it.
pub const CALL_HEAP_LIMIT: usize = 64 << 20;
/// Linear memory: the guest starts with 1 to 16 pages and the host may grow it to this.
const MAX_PAGES: u32 = 64;
/// What the files outside the sandbox hold: it must never reach guest memory.
const OUTSIDE_CONTENT: &[u8] = b"KFZ-OUTSIDE-CONTENT-5b1f07c2e9";
/// The largest errno preview1 defines (`notcapable`).
const MAX_ERRNO: i32 = 76;
/// How long a clock subscription may make `poll_oneoff` wait, in nanoseconds.
const MAX_POLL_WAIT_NS: u64 = 2_000_000;

/// What a passing sequence did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Calls made.
    pub calls: u64,
    /// Calls that returned success (errno 0).
    pub succeeded: u64,
    /// Calls that returned an error number.
    pub refused: u64,
    /// The functions (bit `i`: the `i`th of [`kestrel::wasi::functions`]) that
    /// succeeded at least once.
    pub succeeded_functions: u64,
}

/// How a sequence ended.
#[derive(Debug)]
pub enum Verdict {
    /// Every invariant held.
    Pass(Report),
    /// An invariant broke (what, and at which call).
    Fail(String),
}

/// Panics seen anywhere in the process since [`sequence`] installed its hook.
static PANICS: AtomicU64 = AtomicU64::new(0);

fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
}

/// The guest: every preview1 function imported and exported again under its name, and a
/// memory. Compiled once per process.
fn guest() -> &'static (Engine, Module) {
    static GUEST: OnceLock<(Engine, Module)> = OnceLock::new();
    GUEST.get_or_init(|| {
        let mut imports = String::new();
        let mut exports = String::new();
        for (i, (name, ty)) in wasi::functions().enumerate() {
            let params: Vec<String> = ty.params().iter().map(ValType::to_string).collect();
            let results: Vec<String> = ty.results().iter().map(ValType::to_string).collect();
            let sig = format!(
                "(param {}) (result {})",
                params.join(" "),
                results.join(" ")
            );
            imports.push_str(&format!(
                "(import \"{}\" \"{name}\" (func $f{i} {sig}))\n",
                wasi::MODULE
            ));
            let gets: String = (0..params.len())
                .map(|p| format!("local.get {p} "))
                .collect();
            exports.push_str(&format!(
                "(func (export \"{name}\") {sig} {gets} call $f{i})\n"
            ));
        }
        let text =
            format!("(module\n{imports}(memory (export \"memory\") 1 {MAX_PAGES})\n{exports})");
        let engine = Engine::default();
        let bytes = wat::parse_str(&text).expect("the guest module is valid text");
        let module = Module::new(&engine, bytes).expect("the guest module compiles");
        (engine, module)
    })
}

/// Runs `calls` random calls drawn from `seed` in a fresh sandbox, checking every
/// invariant of the module's documentation after each.
pub fn sequence(seed: u64, calls: u32) -> Verdict {
    count_panics();
    if !heap::installed() {
        return Verdict::Fail(
            "the counting allocator (kestrel_fuzz::heap::Counting) is not this program's \
             global allocator, so the memory bound cannot be checked"
                .into(),
        );
    }
    let sandbox = match Sandbox::create(seed) {
        Ok(s) => s,
        Err(e) => return Verdict::Fail(format!("cannot make the sandbox: {e}")),
    };
    match run(&sandbox, seed, calls) {
        Ok(report) => Verdict::Pass(report),
        Err(why) => Verdict::Fail(why),
    }
}

fn run(sandbox: &Sandbox, seed: u64, calls: u32) -> Result<Report, String> {
    let mut rng = Rng::new(seed);
    let outside_before = sandbox.outside().map_err(|e| format!("outside: {e}"))?;
    let (engine, module) = guest();
    let stdin: Vec<u8> = (0..rng.range(0, 4096))
        .map(|_| rng.next_u64() as u8)
        .collect();
    let ctx = WasiCtxBuilder::new()
        .args(["guest", "--fuzz", "é"])
        .env("KFZ", "1")
        .stdin(InputStream::bytes(stdin))
        .stdout(OutputStream::Null)
        .stderr(OutputStream::Null)
        .preopened_dir(sandbox.inside(), "/sandbox")
        .and_then(|b| b.preopened_dir(sandbox.inside().join("dir"), "dir"))
        .map_err(|e| format!("preopen: {e}"))?
        .build();
    let mut linker = Linker::new(engine);
    wasi::add_to_linker(&mut linker, &ctx);
    let instance = linker
        .instantiate(module)
        .map_err(|e| format!("instantiate: {e}"))?;
    let memory = instance
        .get_memory("memory")
        .ok_or("the guest exports no memory")?;
    let pages = rng.range(0, 15) as u32;
    memory
        .grow(pages)
        .map_err(|e| format!("memory.grow: {e}"))?;
    let functions: Vec<(&'static str, Func)> = wasi::functions()
        .map(|(name, _)| {
            let f = instance.get_func(name).expect("every function is exported");
            (name, f)
        })
        .collect();
    let mut draw = Draw {
        rng,
        memory: memory.clone(),
        fds: vec![0, 1, 2, 3, 4],
        dirs: vec![3, 4],
        sane: false,
    };
    draw.noise();
    let mut scan = Vec::new();
    let mut report = Report::default();
    let panics_before = PANICS.load(Ordering::SeqCst);
    for step in 0..calls {
        if draw.rng.chance(1, 50) && memory.size() < MAX_PAGES {
            let _ = memory.grow(draw.rng.range(1, 4) as u32);
        }
        if draw.rng.chance(1, 10) {
            draw.noise();
        }
        let index = draw.rng.below(functions.len());
        let (name, func) = &functions[index];
        let args = draw.args(name);
        let heap_before = heap::reset_peak();
        let started = Instant::now();
        let result = func.call(&args);
        let took = started.elapsed();
        let heap_taken = heap::peak().saturating_sub(heap_before);
        let at = || format!("call {step} of seed {seed}: {name}{}", show(&args));
        if PANICS.load(Ordering::SeqCst) != panics_before {
            return Err(format!("{}: a panic", at()));
        }
        if took > CALL_TIME_LIMIT {
            return Err(format!("{}: took {took:?}", at()));
        }
        if heap_taken > CALL_HEAP_LIMIT {
            return Err(format!("{}: took {heap_taken} bytes of host heap", at()));
        }
        match result {
            Ok(vals) if *name == "proc_exit" => {
                return Err(format!("{}: returned {vals:?} instead of exiting", at()));
            }
            Err(Error::Exit(_)) if *name == "proc_exit" => {}
            Ok(vals) => match vals.as_slice() {
                [Val::I32(0)] => {
                    report.succeeded += 1;
                    report.succeeded_functions |= 1 << index;
                    draw.learn(name, &args);
                }
                [Val::I32(e)] if (1..=MAX_ERRNO).contains(e) => report.refused += 1,
                other => return Err(format!("{}: returned {other:?}", at())),
            },
            Err(e) => return Err(format!("{}: failed with {e}", at())),
        }
        report.calls += 1;
        scan.resize(memory.data_size(), 0);
        memory
            .read(0, &mut scan)
            .map_err(|e| format!("reading guest memory: {e}"))?;
        if contains(&scan, OUTSIDE_CONTENT) {
            return Err(format!(
                "{}: a file outside the sandbox was read into guest memory",
                at()
            ));
        }
    }
    let outside_after = sandbox.outside().map_err(|e| format!("outside: {e}"))?;
    if outside_before != outside_after {
        let changed: Vec<String> = outside_before
            .iter()
            .filter(|(p, e)| outside_after.get(*p) != Some(e))
            .map(|(p, _)| format!("{} changed or went", p.display()))
            .chain(
                outside_after
                    .keys()
                    .filter(|p| !outside_before.contains_key(*p))
                    .map(|p| format!("{} appeared", p.display())),
            )
            .collect();
        return Err(format!(
            "seed {seed}: outside the sandbox: {}",
            changed.join(", ")
        ));
    }
    if let Some(stray) = sandbox.strays() {
        return Err(format!(
            "seed {seed}: {stray} appeared beside the sandbox's root"
        ));
    }
    still_answers(&instance, &memory).map_err(|e| format!("seed {seed}: at the end: {e}"))?;
    Ok(report)
}

/// The host heap one `fd_readdir` of `dir` (preopened as descriptor 3) into a buffer of
/// `len` bytes takes beyond what was live before it, for tests of the bound on a directory
/// the guest made large.
pub fn readdir_heap(dir: &Path, len: u32) -> Result<usize, String> {
    if !heap::installed() {
        return Err("the counting allocator is not installed".into());
    }
    let (engine, module) = guest();
    let ctx = WasiCtxBuilder::new()
        .preopened_dir(dir, "/d")
        .map_err(|e| e.to_string())?
        .build();
    let mut linker = Linker::new(engine);
    wasi::add_to_linker(&mut linker, &ctx);
    let instance = linker.instantiate(module).map_err(|e| e.to_string())?;
    let f = instance.get_func("fd_readdir").ok_or("no fd_readdir")?;
    let args = [
        Val::I32(3),
        Val::I32(0),
        Val::I32(len as i32),
        Val::I64(0),
        Val::I32(len as i32),
    ];
    let before = heap::reset_peak();
    let r = f.call(&args).map_err(|e| e.to_string())?;
    let taken = heap::peak().saturating_sub(before);
    match r.as_slice() {
        [Val::I32(0)] => Ok(taken),
        other => Err(format!("fd_readdir answered {other:?}")),
    }
}

/// The instance still works: `args_sizes_get` with good pointers answers 3 arguments.
fn still_answers(instance: &Instance, memory: &Memory) -> Result<(), String> {
    let f = instance
        .get_func("args_sizes_get")
        .ok_or("no args_sizes_get")?;
    let r = f
        .call(&[Val::I32(0), Val::I32(8)])
        .map_err(|e| e.to_string())?;
    let mut count = [0u8; 4];
    memory.read(0, &mut count).map_err(|e| e.to_string())?;
    if !matches!(r.as_slice(), [Val::I32(0)]) || u32::from_le_bytes(count) != 3 {
        return Err(format!("args_sizes_get answered {r:?} and {count:?}"));
    }
    Ok(())
}

fn show(args: &[Val]) -> String {
    let parts: Vec<String> = args
        .iter()
        .map(|v| match v {
            Val::I32(x) => format!("{:#x}", *x as u32),
            Val::I64(x) => format!("{:#x}", *x as u64),
            other => format!("{other:?}"),
        })
        .collect();
    format!("({})", parts.join(", "))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let mut from = 0;
    while let Some(i) = haystack[from..].iter().position(|&b| b == needle[0]) {
        let at = from + i;
        if haystack[at..].starts_with(needle) {
            return true;
        }
        from = at + 1;
    }
    false
}

// ---- the sandbox ----

/// A directory of its own per sequence: `sandbox/`, preopened (as `/sandbox`, and its
/// `dir` as `dir`), full of files, directories and symbolic links, some leading out;
/// `outside/`, which they point at and which must not change.
struct Sandbox {
    root: PathBuf,
}

/// Names in the sandbox the paths are drawn from, besides new ones.
const NAMES: &[&str] = &[
    "file.txt",
    "empty.txt",
    "dir",
    "sub",
    "deep.txt",
    "to_file",
    "to_dir",
    "up",
    "escape",
    "escape_file",
    "abs",
    "abs_out",
    "loop_a",
    "loop_b",
    "self_loop",
    "dangling",
    "chain_0",
    "chain_39",
    "back",
    "kfz-new",
    "kfz-new-2",
    "n",
    ".",
    "..",
    "",
];

/// Paths that name something (or nothing yet) plainly, beneath either preopen.
const PLAIN: &[&str] = &[
    "file.txt",
    "empty.txt",
    "dir",
    "sub",
    "sub/deep.txt",
    "dir/sub/deep.txt",
    "kfz-new",
    "kfz-new-2",
    "kfz-new/n",
    "to_file",
];

/// Rights a preopened directory passes on: the 28 defined below `sock_shutdown`.
const PASSED_ON: u64 = (1 << 28) - 1;

/// How many links `chain_0` goes through before reaching a file: more than the 40 the
/// kernel follows.
const CHAIN: usize = 45;

impl Sandbox {
    fn create(seed: u64) -> io::Result<Sandbox> {
        let root =
            std::env::temp_dir().join(format!("kestrel-wasi-calls-{}-{seed}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let sandbox = Sandbox { root };
        let inside = sandbox.inside();
        let outside = sandbox.root.join("outside");
        std::fs::create_dir_all(outside.join("inner"))?;
        std::fs::write(outside.join("secret.txt"), OUTSIDE_CONTENT)?;
        std::fs::write(outside.join("inner/secret.txt"), OUTSIDE_CONTENT)?;
        std::fs::create_dir_all(inside.join("dir/sub"))?;
        std::fs::write(inside.join("file.txt"), b"0123456789".repeat(100))?;
        std::fs::write(inside.join("empty.txt"), b"")?;
        std::fs::write(inside.join("dir/sub/deep.txt"), b"deep")?;
        let link =
            |target: &Path, name: &str| std::os::unix::fs::symlink(target, inside.join(name));
        link(Path::new("file.txt"), "to_file")?;
        link(Path::new("dir"), "to_dir")?;
        link(Path::new(".."), "up")?;
        link(Path::new("../outside"), "escape")?;
        link(Path::new("../outside/secret.txt"), "escape_file")?;
        link(Path::new("/etc"), "abs")?;
        link(&outside, "abs_out")?;
        link(Path::new("loop_b"), "loop_a")?;
        link(Path::new("loop_a"), "loop_b")?;
        link(Path::new("self_loop"), "self_loop")?;
        link(Path::new("missing"), "dangling")?;
        link(Path::new("../.."), "dir/back")?;
        link(Path::new("../../outside"), "dir/sub/out")?;
        for i in 0..CHAIN {
            let next = if i + 1 == CHAIN {
                "file.txt".to_string()
            } else {
                format!("chain_{}", i + 1)
            };
            link(Path::new(&next), &format!("chain_{i}"))?;
        }
        Ok(sandbox)
    }

    fn inside(&self) -> PathBuf {
        self.root.join("sandbox")
    }

    /// Everything beside the sandbox (the root's entries and all of `outside`): each
    /// path's kind, permissions, times, length, contents or link target.
    fn outside(&self) -> io::Result<BTreeMap<PathBuf, String>> {
        let mut seen = BTreeMap::new();
        let meta = std::fs::symlink_metadata(&self.root)?;
        seen.insert(PathBuf::new(), describe(&self.root, &meta)?);
        for entry in std::fs::read_dir(&self.root)? {
            let entry = entry?;
            let path = entry.path();
            let meta = std::fs::symlink_metadata(&path)?;
            let rel = PathBuf::from(entry.file_name());
            if rel == Path::new("sandbox") {
                // Its contents are the guest's; only its kind and permissions are not.
                seen.insert(rel, format!("dir {:o}", meta.mode()));
            } else {
                walk(&self.root, &path, &mut seen)?;
            }
        }
        Ok(seen)
    }

    /// A name a guest could have made beside the sandbox's root, in the shared temporary
    /// directory (the new names it draws all start with `kfz-new`).
    fn strays(&self) -> Option<String> {
        let parent = self.root.parent()?;
        std::fs::read_dir(parent)
            .ok()?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|n| n.starts_with("kfz-new"))
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn walk(root: &Path, path: &Path, seen: &mut BTreeMap<PathBuf, String>) -> io::Result<()> {
    let meta = std::fs::symlink_metadata(path)?;
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    seen.insert(rel, describe(path, &meta)?);
    if meta.is_dir() {
        for entry in std::fs::read_dir(path)? {
            walk(root, &entry?.path(), seen)?;
        }
    }
    Ok(())
}

fn describe(path: &Path, meta: &std::fs::Metadata) -> io::Result<String> {
    let times = format!("{}.{}", meta.mtime(), meta.mtime_nsec());
    Ok(if meta.file_type().is_symlink() {
        format!("link -> {}", std::fs::read_link(path)?.display())
    } else if meta.is_dir() {
        format!("dir {:o} {times}", meta.mode())
    } else {
        let contents = std::fs::read(path)?;
        format!(
            "file {:o} {times} {} {}",
            meta.mode(),
            meta.len(),
            String::from_utf8_lossy(&contents)
        )
    })
}

// ---- drawing arguments ----

/// The random choices of a sequence, and what it has learned of the guest's state.
struct Draw {
    rng: Rng,
    memory: Memory,
    /// Descriptors that exist or existed: the streams, the preopens, `path_open`'s.
    fds: Vec<u32>,
    /// Directories among them: the preopens and what `path_open` opened as one.
    dirs: Vec<u32>,
    /// Whether this call's arguments are drawn mostly valid: half the calls are, so
    /// that they get past the argument checks to the work behind them; each of their
    /// arguments is still hostile one time in eight.
    sane: bool,
}

impl Draw {
    /// Whether this argument is drawn valid (see `sane`).
    fn valid(&mut self) -> bool {
        self.sane && !self.rng.chance(1, 8)
    }

    fn mem_size(&self) -> u64 {
        self.memory.data_size() as u64
    }

    /// Writes the part of `data` at `at` that lies inside memory.
    fn put(&self, at: u64, data: &[u8]) {
        let size = self.mem_size();
        if at >= size {
            return;
        }
        let fits = ((size - at) as usize).min(data.len());
        let _ = self.memory.write(at as usize, &data[..fits]);
    }

    fn put_u32(&self, at: u64, v: u32) {
        self.put(at, &v.to_le_bytes());
    }

    fn put_u64(&self, at: u64, v: u64) {
        self.put(at, &v.to_le_bytes());
    }

    fn get(&self, at: u64, len: usize) -> Option<Vec<u8>> {
        let mut buf = vec![0; len];
        self.memory.read(at as usize, &mut buf).ok()?;
        Some(buf)
    }

    /// Random bytes over a random stretch of memory (what a program's own data looks
    /// like to a call that reads past what it was given).
    fn noise(&mut self) {
        let len = self.rng.range(1, 4096);
        let at = self.rng.range(0, self.mem_size().saturating_sub(1));
        let bytes: Vec<u8> = (0..len).map(|_| self.rng.next_u64() as u8).collect();
        self.put(at, &bytes);
    }

    /// Where a structure of `size` bytes goes: mostly wholly inside memory, sometimes
    /// straddling its end or past it.
    fn place(&mut self, size: u64) -> u64 {
        let m = self.mem_size();
        match self.rng.below(12) {
            0 => m.saturating_sub(self.rng.range(0, size.max(1))),
            1 => m + self.rng.range(0, 64),
            _ if size >= m => 0,
            _ => self.rng.range(0, m - size) & !7,
        }
    }

    /// A pointer: inside memory, at its edges, past them, or anything.
    fn ptr(&mut self) -> u32 {
        let m = self.mem_size();
        if self.valid() {
            return (self.rng.range(0, m - 64) & !7) as u32;
        }
        let p = match self.rng.below(12) {
            0 => 0,
            1 => self.rng.range(0, 64),
            2 => m.saturating_sub(self.rng.range(1, 16)),
            3 => m + self.rng.range(0, 16),
            4 => u32::MAX as u64 - self.rng.range(0, 16),
            5 => self.rng.next_u64(),
            _ => self.rng.range(0, m.saturating_sub(8)) & !7,
        };
        p as u32
    }

    /// A length or count: small, at the stated bounds and one past, or anything.
    fn len(&mut self) -> u32 {
        let m = self.mem_size() as u32;
        let (few, any) = (self.rng.range(2, 300) as u32, self.rng.next_u64() as u32);
        *self.rng.pick(&[
            0,
            1,
            few,
            255,
            256,
            1024,
            1025,
            4096,
            4097,
            65536,
            m,
            m + 1,
            16 << 20,
            (16 << 20) + 1,
            u32::MAX,
            any,
        ])
    }

    fn fd(&mut self) -> u32 {
        if self.valid() {
            let opened = &self.fds[5.min(self.fds.len())..];
            return if !opened.is_empty() && self.rng.chance(2, 3) {
                *self.rng.pick(opened)
            } else {
                *self.rng.pick(&self.fds.clone())
            };
        }
        match self.rng.below(10) {
            0 => self.rng.range(0, 64) as u32,
            1 => *self.rng.pick(&[u32::MAX, 1 << 31, 4096]),
            _ => *self.rng.pick(&self.fds.clone()),
        }
    }

    /// A 64-bit number at the edges of what offsets, sizes and times can be.
    /// A directory descriptor (or, hostile, any descriptor).
    fn dir(&mut self) -> u32 {
        if self.valid() {
            *self.rng.pick(&self.dirs.clone())
        } else {
            self.fd()
        }
    }

    fn wide(&mut self) -> u64 {
        if self.valid() {
            return self.rng.range(0, 2000);
        }
        match self.rng.below(12) {
            0 | 10 => 0,
            1 | 11 => self.rng.range(1, 2000),
            2 => 1 << 20,
            3 => 1 << 40,
            4 => i64::MAX as u64,
            5 => 1 << 63,
            6 => u64::MAX,
            7 => u64::MAX - self.rng.range(0, 2000),
            _ => self.rng.next_u64(),
        }
    }

    /// Rights: mostly ones a preopen passes on (so that calls get past the rights check
    /// to the code behind it), sometimes all, none or anything.
    fn rights(&mut self) -> u64 {
        if self.valid() {
            return PASSED_ON;
        }
        match self.rng.below(8) {
            0 => u64::MAX,
            1 => 0,
            2 => self.rng.next_u64(),
            3 | 4 => PASSED_ON,
            _ => self.rng.next_u64() & PASSED_ON,
        }
    }

    fn small(&mut self, below: u64) -> u32 {
        if !self.valid() && self.rng.chance(1, 4) {
            self.rng.next_u64() as u32
        } else {
            self.rng.range(0, below - 1) as u32
        }
    }

    /// A path's bytes.
    fn path_bytes(&mut self) -> Vec<u8> {
        if self.valid() {
            return self.rng.pick(PLAIN).as_bytes().to_vec();
        }
        let joined = {
            let n = self.rng.range(1, 4);
            let parts: Vec<&str> = (0..n).map(|_| *self.rng.pick(NAMES)).collect();
            parts.join("/")
        };
        let mut p = match self.rng.below(24) {
            0 => vec![b'a'; *self.rng.pick(&[4095, 4096, 4097, 8192])],
            1 => b"d/".repeat(self.rng.range(1, 2100) as usize),
            2 => vec![b'n'; *self.rng.pick(&[255, 256, 300])],
            3 => format!("{}\0x", joined).into_bytes(),
            4 => vec![b'f', 0xff, 0xfe, b'/', 0xc3],
            5 => format!("/{}", joined).into_bytes(),
            6 => format!(
                "{}outside/secret.txt",
                "../".repeat(self.rng.range(1, 3) as usize)
            )
            .into_bytes(),
            7 => b"dir/../../outside/inner/secret.txt".to_vec(),
            8..=15 => self.rng.pick(PLAIN).as_bytes().to_vec(),
            _ => joined.into_bytes(),
        };
        if self.rng.chance(1, 8) {
            p.push(b'/');
        }
        p
    }

    /// A path argument: its bytes written somewhere, and its pointer and length (which
    /// may also lie).
    fn path(&mut self) -> (u32, u32) {
        let bytes = self.path_bytes();
        let at = self.place(bytes.len() as u64);
        self.put(at, &bytes);
        let len = if !self.valid() && self.rng.chance(1, 8) {
            self.len()
        } else {
            bytes.len() as u32
        };
        (at as u32, len)
    }

    /// A buffer the call writes into: a pointer and a length.
    fn out_buf(&mut self) -> (u32, u32) {
        if !self.valid() && self.rng.chance(1, 3) {
            return (self.ptr(), self.len());
        }
        let len = self.rng.range(0, 512.min(self.mem_size()));
        (self.place(len) as u32, len as u32)
    }

    /// An iovec array: its pointer and count, and the entries written.
    fn iovecs(&mut self) -> (u32, u32) {
        let any = self.rng.next_u64() as u32;
        let sane = self.valid();
        let count = if sane {
            self.rng.range(1, 4) as u32
        } else {
            *self
                .rng
                .pick(&[0, 1, 1, 2, 3, 8, 16, 1024, 1025, 4096, u32::MAX, any])
        };
        let written = count.min(2048) as u64;
        let at = self.place(8 * written);
        let m = self.mem_size();
        // One way of drawing the entries for the whole array (a big count of big
        // buffers is the shape that once took the host down), or a new one each.
        let pattern = if sane {
            Some(7)
        } else {
            self.rng.chance(1, 2).then(|| self.rng.below(8))
        };
        for i in 0..written {
            let kind = pattern.unwrap_or_else(|| self.rng.below(8));
            let (buf, len) = match kind {
                0 => (0, m),
                1 => (at, 8 * written),
                2 => (m.saturating_sub(4), 64),
                3 => (0, u32::MAX as u64),
                4 => (self.rng.range(0, m), 0),
                5 => (self.ptr() as u64, self.len() as u64),
                _ => {
                    let len = self.rng.range(1, 4096.min(m));
                    (self.place(len), len)
                }
            };
            self.put_u32(at + 8 * i, buf as u32);
            self.put_u32(at + 8 * i + 4, len as u32);
        }
        (at as u32, count)
    }

    /// `poll_oneoff`'s subscriptions: their pointer and count. Clock subscriptions that
    /// would make the call wait are cut to [`MAX_POLL_WAIT_NS`] (see the module's
    /// documentation).
    fn subscriptions(&mut self) -> (u32, u32) {
        let count = if self.valid() {
            self.rng.range(1, 3) as u32
        } else {
            *self.rng.pick(&[0, 1, 1, 2, 3, 8, 64, 4096, 4097, u32::MAX])
        };
        let written = count.min(64) as u64;
        let at = self.place(48 * written);
        for i in 0..written {
            let base = at + 48 * i;
            let userdata = self.rng.next_u64();
            self.put_u64(base, userdata);
            let tag = match self.rng.below(8) {
                0..=3 => 0,
                4 | 5 => 1,
                6 => 2,
                _ => self.rng.next_u64() as u8,
            };
            self.put(base + 8, &[tag]);
            if tag == 0 {
                let id = self.small(4);
                let timeout = self.wide();
                let precision = self.wide();
                let flags = self.small(2) as u16;
                self.put_u32(base + 16, id);
                self.put_u64(base + 24, timeout);
                self.put_u64(base + 32, precision);
                self.put(base + 40, &flags.to_le_bytes());
            } else {
                let fd = self.fd();
                self.put_u32(base + 16, fd);
            }
        }
        self.keep_poll_short(at, count);
        (at as u32, count)
    }

    /// If every subscription is a clock on a known clock (so the call would wait for the
    /// earliest), makes each wait at most [`MAX_POLL_WAIT_NS`]. Any other subscription
    /// is answered at once (descriptors here are always ready, an unknown type or clock
    /// is an error), and then the clocks keep the guest's numbers.
    fn keep_poll_short(&mut self, at: u64, count: u32) {
        if count == 0 || count > 4096 {
            return;
        }
        let Some(raw) = self.get(at, 48 * count as usize) else {
            return;
        };
        let all_clocks = raw.chunks_exact(48).all(|s| {
            let id = u32::from_le_bytes(s[16..20].try_into().expect("4 bytes"));
            s[8] == 0 && id < 4
        });
        if !all_clocks {
            return;
        }
        for (i, s) in raw.chunks_exact(48).enumerate() {
            let base = at + 48 * i as u64;
            let abstime = s[40] & 1 != 0;
            let timeout = u64::from_le_bytes(s[24..32].try_into().expect("8 bytes"));
            // An absolute time of 0 is long past; a relative one is cut to the bound.
            let short = if abstime {
                0
            } else {
                timeout % (MAX_POLL_WAIT_NS + 1)
            };
            self.put_u64(base + 24, short);
        }
    }

    /// The arguments of a call to `name`, with whatever it reads written into memory.
    fn args(&mut self, name: &str) -> Vec<Val> {
        use Arg::*;
        self.sane = self.rng.chance(1, 2);
        let shape: &[Arg] = match name {
            "args_get" | "environ_get" | "args_sizes_get" | "environ_sizes_get" => &[Ptr, Ptr],
            "clock_res_get" => &[Clock, Ptr],
            "clock_time_get" => &[Clock, Wide, Ptr],
            "fd_advise" => &[Fd, Wide, Wide, Small(8)],
            "fd_allocate" => &[Fd, Wide, Wide],
            "fd_close" | "fd_datasync" | "fd_sync" => &[Fd],
            "fd_fdstat_get" | "fd_filestat_get" | "fd_prestat_get" | "fd_tell" => &[Fd, Ptr],
            "fd_fdstat_set_flags" => &[Fd, Small(32)],
            "fd_fdstat_set_rights" => &[Fd, Rights, Rights],
            "fd_filestat_set_size" => &[Fd, Wide],
            "fd_filestat_set_times" => &[Fd, Wide, Wide, Small(16)],
            "fd_pread" | "fd_pwrite" => &[Fd, Iovecs, Wide, Ptr],
            "fd_read" | "fd_write" => &[Fd, Iovecs, Ptr],
            "fd_prestat_dir_name" => &[Fd, OutBuf],
            "fd_readdir" => &[Fd, OutBuf, Wide, Ptr],
            "fd_renumber" => &[Fd, Fd],
            "fd_seek" => &[Fd, Wide, Small(3), Ptr],
            "path_create_directory" | "path_remove_directory" | "path_unlink_file" => &[Dir, Path],
            "path_filestat_get" => &[Dir, Small(2), Path, Ptr],
            "path_filestat_set_times" => &[Dir, Small(2), Path, Wide, Wide, Small(16)],
            "path_link" => &[Dir, Small(2), Path, Dir, Path],
            "path_open" => &[
                Dir,
                Small(2),
                Path,
                Small(16),
                Rights,
                Rights,
                Small(32),
                Ptr,
            ],
            "path_readlink" => &[Dir, Path, OutBuf, Ptr],
            "path_rename" => &[Dir, Path, Dir, Path],
            "path_symlink" => &[Path, Dir, Path],
            "poll_oneoff" => &[Subscriptions, Ptr],
            "proc_exit" | "proc_raise" => &[Small(256)],
            "sched_yield" => &[],
            "random_get" => &[OutBuf],
            "sock_accept" => &[Fd, Small(8), Ptr],
            "sock_recv" => &[Fd, Iovecs, Small(8), Ptr, Ptr],
            "sock_send" => &[Fd, Iovecs, Small(8), Ptr],
            "sock_shutdown" => &[Fd, Small(4)],
            other => panic!("the WASI-call fuzzer draws no arguments for `{other}`"),
        };
        let mut vals = Vec::new();
        for arg in shape {
            match *arg {
                Fd => vals.push(Val::I32(self.fd() as i32)),
                Dir => vals.push(Val::I32(self.dir() as i32)),
                Ptr => vals.push(Val::I32(self.ptr() as i32)),
                Clock => vals.push(Val::I32(self.small(4) as i32)),
                Small(below) => vals.push(Val::I32(self.small(below) as i32)),
                Wide => vals.push(Val::I64(self.wide() as i64)),
                Rights => vals.push(Val::I64(self.rights() as i64)),
                OutBuf => {
                    let (p, l) = self.out_buf();
                    vals.extend([Val::I32(p as i32), Val::I32(l as i32)]);
                }
                Path => {
                    let (p, l) = self.path();
                    vals.extend([Val::I32(p as i32), Val::I32(l as i32)]);
                }
                Iovecs => {
                    let (p, n) = self.iovecs();
                    vals.extend([Val::I32(p as i32), Val::I32(n as i32)]);
                }
                Subscriptions => {
                    let (p, n) = self.subscriptions();
                    let events = if self.rng.chance(3, 4) {
                        self.place(32 * n.min(64) as u64) as u32
                    } else {
                        self.ptr()
                    };
                    vals.extend([
                        Val::I32(p as i32),
                        Val::I32(events as i32),
                        Val::I32(n as i32),
                    ]);
                }
            }
        }
        vals
    }

    /// After a call succeeded: the descriptor `path_open` wrote, if it can be read.
    fn learn(&mut self, name: &str, args: &[Val]) {
        if name != "path_open" {
            return;
        }
        let Some(Val::I32(out)) = args.last() else {
            return;
        };
        if let Some(fd) = self.get(*out as u32 as u64, 4) {
            let fd = u32::from_le_bytes(fd.try_into().expect("4 bytes"));
            if !self.fds.contains(&fd) {
                self.fds.push(fd);
            }
            let oflags = match args.get(3) {
                Some(Val::I32(o)) => *o,
                _ => 0,
            };
            if oflags & 2 != 0 && !self.dirs.contains(&fd) {
                self.dirs.push(fd);
            }
        }
    }
}

/// What one parameter (or pair of parameters) of a call is.
#[derive(Clone, Copy)]
enum Arg {
    /// A descriptor.
    Fd,
    /// A directory's descriptor.
    Dir,
    /// A pointer the call writes a result through.
    Ptr,
    /// A clock id.
    Clock,
    /// An `i32` mostly below the number given (flags, whence, advice), sometimes anything.
    Small(u64),
    /// An `i64`: offsets, lengths, times, cookies.
    Wide,
    /// An `i64` of rights.
    Rights,
    /// A pointer and length of a buffer the call writes.
    OutBuf,
    /// A pointer and length of a path.
    Path,
    /// A pointer and count of iovecs.
    Iovecs,
    /// `poll_oneoff`'s subscriptions, events and count.
    Subscriptions,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every function has a shape, and the shape's values fit its parameters.
    #[test]
    fn every_function_gets_arguments_of_its_type() {
        let engine = Engine::default();
        let memory = Memory::new(&engine, kestrel::MemoryType::new(1, Some(4))).expect("a memory");
        let mut draw = Draw {
            rng: Rng::new(1),
            memory,
            fds: vec![0, 1, 2, 3],
            dirs: vec![3],
            sane: false,
        };
        let mut names = 0;
        for (name, ty) in wasi::functions() {
            for _ in 0..20 {
                let args = draw.args(name);
                let types: Vec<ValType> = args.iter().map(Val::ty).collect();
                assert_eq!(types, ty.params(), "{name}");
            }
            names += 1;
        }
        assert_eq!(names, 46);
    }

    #[test]
    fn contains_finds_needles() {
        assert!(contains(b"xxabcab", b"cab"));
        assert!(!contains(b"xxabcab", b"cabx"));
        assert!(contains(b"ab", b"ab"));
    }
}
