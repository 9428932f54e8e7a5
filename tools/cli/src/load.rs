//! Loading a module from the command line: compile the file, instantiate it with WASI
//! preview1 as its only host imports, and find the exported function to call. Shared by
//! the subcommands.

use crate::failure::Failure;
use anyhow::anyhow;
use kestrel::wasi::{self, WasiCtxBuilder};
use kestrel::{Engine, ExternType, Func, FuncType, Instance, Linker, Module};
use std::path::Path;

/// What a WASI program is given besides its arguments.
#[derive(Debug, Default, clap::Args)]
pub struct WasiArgs {
    /// Give the program host directory HOST, under the name GUEST (default: HOST itself);
    /// every path the program opens through it stays beneath it. Repeatable
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    pub dirs: Vec<String>,

    /// Set an environment variable for the program; no host variable passes otherwise.
    /// Repeatable
    #[arg(long = "env", value_name = "NAME=VALUE")]
    pub envs: Vec<String>,

    /// Let the program's memory hold at most BYTES (a number, or with a K, M or G suffix
    /// for KiB, MiB, GiB): a module asking for more at start fails to instantiate, and a
    /// `memory.grow` past it returns -1, as out of memory
    #[arg(long = "max-memory", value_name = "BYTES", value_parser = parse_bytes)]
    pub max_memory: Option<usize>,
}

/// `--max-memory`: bytes, with an optional binary-unit suffix.
fn parse_bytes(text: &str) -> Result<usize, String> {
    let (digits, unit) = match text.char_indices().last() {
        Some((i, 'K' | 'k')) => (&text[..i], 1usize << 10),
        Some((i, 'M' | 'm')) => (&text[..i], 1 << 20),
        Some((i, 'G' | 'g')) => (&text[..i], 1 << 30),
        _ => (text, 1),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .ok_or_else(|| format!("`{text}` is not a number of bytes (such as 65536, 64K or 2G)"))
}

/// The first bytes of every binary module.
const WASM_MAGIC: &[u8] = b"\0asm";

/// The export called when `--invoke` is not given, as in WASI commands.
pub const DEFAULT_ENTRY: &str = "_start";

/// Loads `path`: a compiled module (`kestrel compile`), mapped as it is, or a binary
/// module or the text format (`.wat`), compiled now.
pub fn load_module(engine: &Engine, path: &Path) -> Result<Module, Failure> {
    if is_compiled_module(path)? {
        return Module::deserialize_file(engine, path).map_err(|e| anyhow!("{e}").into());
    }
    let bytes = read_module_file(path)?;
    compile(engine, path, &bytes)
}

/// Whether `path` is a compiled module written by `kestrel compile`.
fn is_compiled_module(path: &Path) -> Result<bool, Failure> {
    use std::io::Read as _;
    let mut start = [0u8; 16];
    let mut file =
        std::fs::File::open(path).map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    let n = file.read(&mut start).unwrap_or(0);
    Ok(Module::is_serialized(&start[..n]))
}

/// The engine configuration a subcommand starts from: `--cache DIR` if given.
pub fn config_with_cache(cache: Option<&Path>) -> kestrel::Config {
    let mut config = kestrel::Config::new();
    if let Some(dir) = cache {
        config.cache_dir(dir);
    }
    config
}

/// Reads the module file `path` (binary or text), rejecting a `.wasm` file that is not a
/// binary.
pub fn read_module_file(path: &Path) -> Result<Vec<u8>, Failure> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| anyhow!("cannot read {shown}: {e}"))?;
    // Anything that is not a binary is handed to the text parser; for a file named
    // `.wasm` its complaint about "text format" would only confuse.
    let is_binary = bytes.starts_with(WASM_MAGIC);
    if !is_binary && path.extension().is_some_and(|ext| ext == "wasm") {
        return Err(
            anyhow!("{shown}: not a WebAssembly binary (it does not start with \\0asm)").into(),
        );
    }
    Ok(bytes)
}

/// Compiles the contents `bytes` of the module file `path` (read by [`read_module_file`]).
pub fn compile(engine: &Engine, path: &Path, bytes: &[u8]) -> Result<Module, Failure> {
    Module::new(engine, bytes).map_err(|e| anyhow!("{}: {e}", path.display()).into())
}

/// Instantiates `module`, which runs its start function, with WASI preview1 (standard
/// streams inherited, `argv` = `file` as given then `program_args`, the directories and
/// variables of `wasi`). The command line provides no other host functions, memories,
/// tables or globals, so a module with other imports fails here, naming its first one.
pub fn instantiate(
    module: &Module,
    file: &Path,
    program_args: &[String],
    wasi: &WasiArgs,
) -> Result<Instance, Failure> {
    let mut ctx = WasiCtxBuilder::new()
        .arg(file.to_string_lossy())
        .args(program_args.iter().cloned())
        .inherit_stdio();
    for var in &wasi.envs {
        let (name, value) = var
            .split_once('=')
            .ok_or_else(|| anyhow!("--env {var}: expected NAME=VALUE"))?;
        ctx = ctx.env(name, value);
    }
    for dir in &wasi.dirs {
        let (host, guest) = dir.split_once("::").unwrap_or((dir, dir));
        ctx = ctx
            .preopened_dir(host, guest)
            .map_err(|e| anyhow!("--dir {dir}: {e}"))?;
    }
    let mut linker = Linker::new(module.engine());
    if let Some(bytes) = wasi.max_memory {
        linker.limiter(kestrel::ResourceLimits::new().memory_bytes(bytes));
    }
    wasi::add_to_linker(&mut linker, &ctx.build());
    linker.instantiate(module).map_err(|e| match e {
        kestrel::Error::Link(_) => anyhow!(
            "{e} (the kestrel command line provides only WASI preview1, `{}`)",
            wasi::MODULE
        )
        .into(),
        other => other.into(),
    })
}

/// The type of `module`'s exported function `name`, with an error that lists the
/// exported functions when there is no such function. Checked before instantiation, so a
/// typo does not run the start function first.
pub fn exported_func_type(module: &Module, name: &str) -> Result<FuncType, Failure> {
    let exports = module.exports();
    match exports.iter().find(|(n, _)| n == name) {
        Some((_, ExternType::Func(ty))) => Ok(ty.clone()),
        Some((_, other)) => {
            Err(anyhow!("export `{name}` is a {}, not a function", other.kind_name()).into())
        }
        None => {
            let funcs: Vec<&str> = exports
                .iter()
                .filter(|(_, t)| matches!(t, ExternType::Func(_)))
                .map(|(n, _)| n.as_str())
                .collect();
            let known = if funcs.is_empty() {
                "the module exports no functions".to_string()
            } else {
                format!("exported functions: {}", funcs.join(", "))
            };
            Err(anyhow!("no exported function named `{name}` ({known})").into())
        }
    }
}

/// The exported function `name` of `instance` (checked with [`exported_func_type`]).
pub fn exported_func(instance: &Instance, name: &str) -> Result<Func, Failure> {
    instance
        .get_func(name)
        .ok_or_else(|| anyhow!("no exported function named `{name}`").into())
}
