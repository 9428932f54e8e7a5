//! Golden tests of the emitter: one `.wat` per case under `tests/golden/`, its expected
//! machine code inline below the module as comments, one listing per version of each
//! function. A change in the code the compiler emits shows up in review as a diff of
//! exactly the functions it touches.
//!
//! Each case lists, for every defined function: its code in a plain module; in a
//! debug-instrumented module, its plain version (or "same as plain") and its
//! instrumented version. `stubs.wat` alone lists the shared stubs, plain and
//! instrumented, so function listings never repeat them.
//!
//! A line `;; config: explicit-bounds` or `;; config: canaries` before the module
//! compiles the case with explicit bounds checks or convention canaries; `sse41` forces
//! the SSE4.1 vector path, and `avx2` marks a case compiled for the AVX2 path (the
//! default where the CPU has it; on a CPU without AVX2 such a case is skipped, and says
//! so).
//!
//! Regenerate after an intended change with `KESTREL_BLESS=1 cargo test --test golden`:
//! it rewrites everything from the `;; ==== expected` line down.

#[path = "support/disasm.rs"]
mod disasm;

use kestrel::{BoundsChecks, CodeRegion, CodeRegionKind, Config, Engine, Module};
use std::fmt::Write;
use std::path::Path;

/// Where a case's expectation starts; everything above it is the case's source.
const EXPECTED_MARKER: &str = ";; ==== expected";

/// The configuration a case asks for with `;; config:` lines.
fn case_config(source: &str, debug: bool) -> Config {
    let mut config = Config::new();
    config.debug_instrumentation(debug);
    // Every instrumented version compiled with the module, in one publication.
    config.instrumented_versions(kestrel::InstrumentedVersions::Eager);
    for line in source.lines() {
        let Some(options) = line.trim().strip_prefix(";; config:") else {
            continue;
        };
        for option in options.split_whitespace() {
            match option {
                "explicit-bounds" => {
                    config.bounds_checks(BoundsChecks::Explicit);
                }
                "canaries" => {
                    config.convention_canaries(true);
                }
                "sse41" => {
                    config.vector_instructions(kestrel::VectorInstructions::Sse41);
                }
                "avx2" => {}
                other => panic!("unknown golden config option `{other}`"),
            }
        }
    }
    config
}

fn listing(module: &Module, region: &CodeRegion) -> String {
    disasm::disassemble(module, region, ";;   ")
}

/// The function region of `kind` in `module`.
fn region(module: &Module, kind: CodeRegionKind) -> CodeRegion {
    module
        .code_regions()
        .into_iter()
        .chain(module.instrumented_code_regions())
        .find(|r| r.kind == kind)
        .unwrap_or_else(|| panic!("no region {kind:?}"))
}

/// The expected section for a case: the listings described in the header.
fn render(name: &str, source: &str) -> String {
    let plain = Module::new(&Engine::new(&case_config(source, false)), source)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let debug = Module::new(&Engine::new(&case_config(source, true)), source)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut out = format!(
        "{EXPECTED_MARKER} (KESTREL_BLESS=1 cargo test --test golden rewrites from here down)\n"
    );
    if name == "stubs" {
        for (what, module) in [("plain", &plain), ("instrumented", &debug)] {
            for region in module.code_regions() {
                if region.kind == CodeRegionKind::Stubs {
                    writeln!(out, ";; ---- stubs of a {what} module").unwrap();
                    out.push_str(&listing(module, &region));
                }
            }
        }
        for region in debug.instrumented_code_regions() {
            if region.kind == CodeRegionKind::Stubs {
                writeln!(out, ";; ---- stubs compiled with instrumented versions").unwrap();
                out.push_str(&listing(&debug, &region));
            }
        }
        return out;
    }
    for region_in_plain in plain.code_regions() {
        let CodeRegionKind::Function { index } = region_in_plain.kind else {
            continue;
        };
        let title = match plain.func_name(index) {
            Some(name) => format!("func[{index}] ${name}"),
            None => format!("func[{index}]"),
        };
        let plain_code = listing(&plain, &region_in_plain);
        writeln!(out, ";; ---- {title}: plain module").unwrap();
        out.push_str(&plain_code);
        let plain_version = listing(&debug, &region(&debug, CodeRegionKind::Function { index }));
        writeln!(out, ";; ---- {title}: instrumented module, plain version").unwrap();
        if plain_version == plain_code {
            out.push_str(";;   (same as in the plain module)\n");
        } else {
            out.push_str(&plain_version);
        }
        let kind = CodeRegionKind::InstrumentedFunction { index };
        writeln!(
            out,
            ";; ---- {title}: instrumented module, instrumented version"
        )
        .unwrap();
        out.push_str(&listing(&debug, &region(&debug, kind)));
    }
    out
}

/// A unified diff of the expected and actual sections.
fn diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string()
}

#[test]
fn emitted_code_matches_the_golden_listings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("KESTREL_BLESS").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "wat"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 10,
        "golden cases missing from {}",
        dir.display()
    );
    assert!(
        dir.join("stubs.wat").exists(),
        "stubs.wat lists the shared stubs"
    );
    let mut failures = Vec::new();
    for path in &cases {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let wants_avx2 = text.lines().any(|l| {
            l.trim()
                .strip_prefix(";; config:")
                .is_some_and(|o| o.contains("avx2"))
        });
        if wants_avx2 && !(is_x86_feature_detected!("avx") && is_x86_feature_detected!("avx2")) {
            eprintln!("{name}: skipped, this CPU has no AVX2");
            continue;
        }
        let (source, expected) = match text.find(EXPECTED_MARKER) {
            Some(at) => text.split_at(at),
            None => (text.as_str(), ""),
        };
        let actual = render(&name, source);
        if bless {
            std::fs::write(path, format!("{}\n{actual}", source.trim_end())).unwrap();
        } else if expected != actual {
            failures.push(format!(
                "{} (bless with KESTREL_BLESS=1 after checking the change):\n{}",
                path.display(),
                diff(expected, &actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "emitted code changed in {} of {} cases:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
