//! Loading a module from the command line: compile the file, instantiate it with no host
//! imports, and find the exported function to call. Shared by the subcommands.

use crate::failure::Failure;
use anyhow::anyhow;
use kestrel::{Engine, ExternType, Func, FuncType, Instance, Linker, Module};
use std::path::Path;

/// The first bytes of every binary module.
const WASM_MAGIC: &[u8] = b"\0asm";

/// The export called when `--invoke` is not given, as in WASI commands.
pub const DEFAULT_ENTRY: &str = "_start";

/// Compiles `path`: a binary module, or the text format (`.wat`).
pub fn load_module(engine: &Engine, path: &Path) -> Result<Module, Failure> {
    let bytes = read_module_file(path)?;
    compile(engine, path, &bytes)
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

/// Instantiates `module`, which runs its start function. The command line provides no
/// host functions, memories, tables or globals, so a module with imports fails here,
/// naming its first import.
pub fn instantiate(module: &Module) -> Result<Instance, Failure> {
    Linker::new(module.engine())
        .instantiate(module)
        .map_err(|e| match e {
            kestrel::Error::Link(_) => {
                anyhow!("{e} (the kestrel command line provides no imports)").into()
            }
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
