//! Function names of a module, for commands that take a function by name: the name
//! section's names (the ones traps and debug stops print) and the exported names.
//!
//! The library reports a function's name only at a stop; resolving a name typed by the
//! user to an index needs the whole map, so it is read here from the binary. The module
//! has already been compiled (and so validated) when this runs; a malformed name section
//! is ignored, as the library and the spec do.

use anyhow::{anyhow, bail, Result};
use std::collections::{BTreeMap, HashMap};
use wasmparser::{ExternalKind, KnownCustom, Name, Parser, Payload};

/// The named functions of one module.
#[derive(Debug, Default)]
pub struct FuncNames {
    /// Names from the name section, by function index.
    debug_names: BTreeMap<u32, String>,
    /// Exported functions, by export name.
    exports: HashMap<String, u32>,
}

impl FuncNames {
    /// Reads the names of the binary module `binary`.
    pub fn parse(binary: &[u8]) -> Result<FuncNames> {
        let mut names = FuncNames::default();
        for payload in Parser::new(0).parse_all(binary) {
            match payload.map_err(|e| anyhow!("cannot read the module's names: {e}"))? {
                Payload::ExportSection(reader) => {
                    for export in reader {
                        let export =
                            export.map_err(|e| anyhow!("cannot read the module's exports: {e}"))?;
                        if export.kind == ExternalKind::Func {
                            names.exports.insert(export.name.to_string(), export.index);
                        }
                    }
                }
                Payload::CustomSection(reader) => {
                    if let KnownCustom::Name(section) = reader.as_known() {
                        for name in section.into_iter().flatten() {
                            if let Name::Function(map) = name {
                                for naming in map.into_iter().flatten() {
                                    names
                                        .debug_names
                                        .insert(naming.index, naming.name.to_string());
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(names)
    }

    /// The name-section name of function `index`, if it has one, demangled as stops and
    /// backtraces show it.
    pub fn name(&self, index: u32) -> Option<String> {
        let name = self.debug_names.get(&index)?;
        Some(kestrel::demangle(name).into_owned())
    }

    /// The function that `text` designates: an index in decimal, else a name from the
    /// name section (the lowest index if several functions share it), else an export.
    pub fn resolve(&self, text: &str) -> Result<u32> {
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            return text
                .parse()
                .map_err(|_| anyhow!("function index {text} is out of range"));
        }
        // The symbol as the name section has it, or demangled as stops show it.
        let named = |n: &String| n == text || kestrel::demangle(n) == text;
        if let Some((index, _)) = self.debug_names.iter().find(|(_, n)| named(n)) {
            return Ok(*index);
        }
        match self.exports.get(text) {
            Some(index) => Ok(*index),
            None => bail!("no function named `{text}`"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(wat: &str) -> FuncNames {
        FuncNames::parse(&wat::parse_str(wat).unwrap()).unwrap()
    }

    #[test]
    fn name_section_then_exports() {
        let names = names_of(
            r#"(module
                 (import "env" "log" (func $log))
                 (func $first (export "run"))
                 (func (export "second"))
                 (func $third (export "first")))"#,
        );
        assert_eq!(names.name(0).as_deref(), Some("log"));
        assert_eq!(names.name(1).as_deref(), Some("first"));
        assert_eq!(names.name(2), None);
        assert_eq!(names.resolve("log").unwrap(), 0);
        // The name section's `first` wins over the export named `first`.
        assert_eq!(names.resolve("first").unwrap(), 1);
        assert_eq!(names.resolve("run").unwrap(), 1);
        assert_eq!(names.resolve("second").unwrap(), 2);
        assert_eq!(names.resolve("third").unwrap(), 3);
        assert_eq!(names.resolve("7").unwrap(), 7);
        let err = names.resolve("nope").unwrap_err().to_string();
        assert_eq!(err, "no function named `nope`");
        assert!(names.resolve("99999999999").is_err());
    }

    #[test]
    fn mangled_names_show_demangled_and_resolve_either_way() {
        let names =
            names_of(r#"(module (func $_ZN8rustprog4pick17h0a5835b50541d85eE) (func $_Z3addii))"#);
        assert_eq!(names.name(0).as_deref(), Some("rustprog::pick"));
        assert_eq!(names.name(1).as_deref(), Some("add(int, int)"));
        assert_eq!(names.resolve("rustprog::pick").unwrap(), 0);
        assert_eq!(
            names
                .resolve("_ZN8rustprog4pick17h0a5835b50541d85eE")
                .unwrap(),
            0
        );
        assert_eq!(names.resolve("add(int, int)").unwrap(), 1);
    }

    #[test]
    fn no_names() {
        let names = names_of("(module (func))");
        assert_eq!(names.name(0), None);
        assert!(names.resolve("f").is_err());
    }
}
