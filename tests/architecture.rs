//! The library's layering (`docs/architecture.md`, "Layers"), checked: no import cycle
//! between its top-level modules, nor between the modules of `runtime`.
//!
//! The sources are read as text: every `crate::a::b` path outside comments and string
//! literals is an edge from the module of the file it appears in to module `a` (and, for
//! files of `runtime`, from `runtime::x` to `runtime::b`). Within a layer the modules
//! form a graph without cycles; the test prints the graph and fails on a cycle, naming
//! the files that make each edge of it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Removes comments, string and char literals (so that a doc comment naming
/// `crate::x` makes no edge).
fn code_only(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |e| e + 2);
        } else if let Some(raw) = rest.strip_prefix("r#\"") {
            i += raw.find("\"#").map_or(rest.len(), |e| e + 5);
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() {
                match rest.as_bytes()[j] {
                    b'\\' => j += 2,
                    b'"' => break,
                    _ => j += 1,
                }
            }
            i += j + 1;
        } else if rest.starts_with('\'') && rest.len() > 3 && rest.as_bytes()[2] == b'\'' {
            i += 3; // a char literal such as '"'
        } else if let Some(escaped) = rest.strip_prefix("'\\") {
            i += escaped.find('\'').map_or(rest.len(), |e| e + 3);
        } else {
            let c = rest.chars().next().expect("non-empty");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The module path of a source file: `src/runtime/debug/hook.rs` is
/// `["runtime", "debug", "hook"]`, `src/runtime/mod.rs` is `["runtime"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::a::b...` path in the code, as its segments; a brace group
/// (`crate::a::{b, c::d}`) gives one path per member.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `kestrel_crate::`
        }
        path_at(rest, Vec::new(), &mut out);
    }
    out
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// Reads the path starting at `s` (after a `::`), extending `prefix`.
fn path_at(s: &str, mut prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut s = s.trim_start();
    loop {
        if let Some(group) = s.strip_prefix('{') {
            // Members end at commas outside nested braces; the group at its `}`.
            let (mut depth, mut start) = (0, 0);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth > 0 => depth -= 1,
                    ',' | '}' if depth == 0 => {
                        let member = group[start..i].trim();
                        if !member.is_empty() && member != "self" {
                            path_at(member, prefix.clone(), out);
                        }
                        start = i + 1;
                        if c == '}' {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            if !prefix.is_empty() {
                out.push(prefix);
            }
            return;
        }
        let name = ident(s);
        if name.is_empty() {
            break;
        }
        prefix.push(name.to_string());
        match s[name.len()..].strip_prefix("::") {
            Some(next) => s = next,
            None => break,
        }
    }
    if !prefix.is_empty() {
        out.push(prefix);
    }
}

type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

/// The graph of one level: nodes named by `node_of(module path)`; edges carry the files
/// that make them.
fn graph(node_of: impl Fn(&[String]) -> Option<String>) -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut g = Graph::new();
    for file in files {
        let from_path = module_of(&src, &file);
        let Some(from) = node_of(&from_path) else {
            continue;
        };
        g.entry(from.clone()).or_default();
        let code = code_only(&std::fs::read_to_string(&file).expect("readable source"));
        for path in crate_paths(&code) {
            let Some(to) = node_of(&path) else { continue };
            if to != from {
                let rel = file.strip_prefix(&src).expect("under src");
                g.entry(from.clone())
                    .or_default()
                    .entry(to)
                    .or_default()
                    .insert(rel.display().to_string());
            }
        }
    }
    g
}

/// The names `src/lib.rs` re-exports (`pub use a::b::{C, D};` gives C and D): the public
/// API, whatever module path reaches it.
fn public_names() -> BTreeSet<String> {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs");
    let code = code_only(&std::fs::read_to_string(lib).expect("readable lib.rs"));
    let mut names = BTreeSet::new();
    for statement in code.split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let mut paths = Vec::new();
        path_at(path, Vec::new(), &mut paths);
        for p in paths {
            names.extend(p.last().cloned());
        }
    }
    names
}

/// The crate paths the files of top-level module `layer` name that are neither the
/// layer's own, nor public names, nor under one of the `allowed` paths.
fn reaches_past_the_public_api(layer: &str, allowed: &[&[&str]]) -> Vec<String> {
    let public = public_names();
    assert!(
        public.contains("Linker") && public.contains("Memory") && public.contains("Frame"),
        "{public:?}"
    );
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join(layer), &mut files);
    assert!(!files.is_empty(), "no files in src/{layer}");
    let mut private = Vec::new();
    for file in files {
        let code = code_only(&std::fs::read_to_string(&file).expect("readable source"));
        for path in crate_paths(&code) {
            let within = |prefix: &&[&str]| {
                path.len() >= prefix.len() && path.iter().zip(prefix.iter()).all(|(a, b)| a == b)
            };
            let ok = path.first().is_some_and(|m| m == layer)
                || allowed.iter().any(within)
                || path.last().is_some_and(|name| public.contains(name));
            if !ok {
                let rel = file.strip_prefix(&src).expect("under src");
                private.push(format!("{} uses crate::{}", rel.display(), path.join("::")));
            }
        }
    }
    private
}

#[test]
fn wasi_uses_only_the_public_api_and_memory_views() {
    // docs/architecture.md: `wasi` "uses only the public API (and `runtime::memory` for
    // bounds-checked memory views)".
    let private = reaches_past_the_public_api("wasi", &[&["runtime", "memory"]]);
    assert!(
        private.is_empty(),
        "wasi reaches past the public API:\n  {}",
        private.join("\n  ")
    );
}

#[test]
fn gdb_uses_only_the_public_api_and_instance_identities() {
    // docs/architecture.md: besides the public `Debugger` and `Frame`, `gdb` "tells
    // frames' instances apart by their `InstanceData`".
    let private = reaches_past_the_public_api("gdb", &[&["runtime", "instance", "InstanceData"]]);
    assert!(
        private.is_empty(),
        "gdb reaches past the public API:\n  {}",
        private.join("\n  ")
    );
}

/// A cycle of the graph, if it has one (depth-first search).
fn find_cycle(g: &Graph) -> Option<Vec<String>> {
    fn visit(
        g: &Graph,
        node: &str,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in g.get(node).into_iter().flat_map(|e| e.keys()) {
            match state.get(next).copied().unwrap_or(0) {
                1 => {
                    let start = stack.iter().position(|n| n == next).expect("on stack");
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(g, next, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in g.keys() {
        if state.get(node).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(g, node, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn check(name: &str, g: &Graph) {
    for (from, edges) in g {
        let to: Vec<&String> = edges.keys().collect();
        println!("{name}: {from} -> {to:?}");
    }
    if let Some(cycle) = find_cycle(g) {
        let edges: Vec<String> = cycle
            .windows(2)
            .map(|w| format!("{} -> {} (in {:?})", w[0], w[1], g[&w[0]][&w[1]]))
            .collect();
        panic!("{name}: import cycle:\n  {}", edges.join("\n  "));
    }
}

#[test]
fn top_level_modules_form_no_cycle() {
    let g = graph(|path| path.first().cloned().or(Some("lib".into())));
    // The layers of docs/architecture.md, bottom first, all present.
    for module in ["abi", "api", "code_memory", "compiler", "runtime", "trap"] {
        assert!(g.contains_key(module), "no module {module}");
    }
    check("top level", &g);
}

/// The layers of docs/architecture.md, bottom first; within the foundations, modules may
/// import each other (without cycles), otherwise every import points to a lower layer.
const LAYERS: [&[&str]; 6] = [
    &["types", "trap", "error", "config", "frontend", "names"],
    &["abi"],
    &["code_memory"],
    &["runtime", "compiler", "artifact"],
    &["api"],
    &["wasi", "gdb"],
];

#[test]
fn every_import_points_down_the_layers() {
    let g = graph(|path| path.first().cloned());
    let layer_of = |m: &str| {
        LAYERS
            .iter()
            .position(|l| l.contains(&m))
            .unwrap_or_else(|| panic!("module {m} is in no layer of docs/architecture.md"))
    };
    let mut upward = Vec::new();
    for (from, edges) in &g {
        for (to, files) in edges {
            let (lf, lt) = (layer_of(from), layer_of(to));
            if lt > lf || (lt == lf && lf != 0) {
                upward.push(format!("{from} -> {to} (in {files:?})"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that do not point down the layers:\n  {}",
        upward.join("\n  ")
    );
}

#[test]
fn runtime_modules_form_no_cycle() {
    let g = graph(|path| match path {
        [top, sub, ..] if top == "runtime" => Some(format!("runtime::{sub}")),
        _ => None,
    });
    for module in [
        "activation",
        "entry",
        "interrupt",
        "signals",
        "redirect",
        "trampolines",
    ] {
        assert!(
            g.contains_key(&format!("runtime::{module}")),
            "no runtime::{module}"
        );
    }
    check("runtime", &g);
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let mut g = Graph::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        g.entry(a.into())
            .or_default()
            .entry(b.into())
            .or_default()
            .insert("f.rs".into());
    }
    assert_eq!(find_cycle(&g).map(|c| c.len()), Some(4));
    g.get_mut("c").unwrap().remove("a");
    assert_eq!(find_cycle(&g), None);
    let paths = |code: &str| -> Vec<String> {
        crate_paths(&code_only(code))
            .iter()
            .map(|p| p.join("::"))
            .collect()
    };
    assert_eq!(
        paths("use crate::x::y; // crate::z\n let q = crate::w::v();"),
        vec!["x::y", "w::v"]
    );
    assert_eq!(
        paths("use crate::runtime::{activation, interrupt::{a, b}};"),
        vec![
            "runtime::activation",
            "runtime::interrupt::a",
            "runtime::interrupt::b",
            "runtime::interrupt",
            "runtime"
        ]
    );
    assert_eq!(
        crate_paths(&code_only("// crate::z\n\"crate::q\"")),
        Vec::<Vec<String>>::new()
    );
}

/// The name of the `DESIGN:` block a source line opens, if it opens one: a comment line
/// whose text starts with `DESIGN:` (`// DESIGN: x`, `//! // DESIGN: x`,
/// `//! DESIGN: x. More text`); a citation in quotes is not a block.
fn design_block_name(line: &str) -> Option<String> {
    let text = line.trim_start().strip_prefix("//")?;
    let text = text.trim_start_matches(['/', '!', ' ']);
    let rest = text.strip_prefix("DESIGN:")?;
    let name = rest.split(". ").next().unwrap_or(rest);
    Some(name.trim().trim_end_matches('.').to_string())
}

#[test]
fn architecture_index_lists_every_design_block() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tools"] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut blocks = BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        for line in text.lines() {
            if let Some(name) = design_block_name(line) {
                let rel = file.strip_prefix(root).expect("under the root");
                blocks.insert((name, rel.display().to_string()));
            }
        }
    }
    assert!(blocks.len() >= 10, "found only {blocks:?}");

    let doc =
        std::fs::read_to_string(root.join("docs/architecture.md")).expect("docs/architecture.md");
    let index = doc
        .split("## Index of `DESIGN:` blocks")
        .nth(1)
        .expect("docs/architecture.md has an index of DESIGN: blocks");
    let index = index.split("\n## ").next().unwrap_or(index);
    let listed: BTreeSet<(String, String)> = index
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            match cells.as_slice() {
                [name, file] if file.starts_with('`') => {
                    Some((name.to_string(), file.trim_matches('`').to_string()))
                }
                _ => None,
            }
        })
        .collect();
    let missing: Vec<_> = blocks.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&blocks).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "docs/architecture.md's index is out of date:\n  not listed: {missing:?}\n  no such block: {stale:?}"
    );
}
