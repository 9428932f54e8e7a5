//! Modules from `wasm-smith`: the `smith` generator (one fixed configuration, the one the
//! differential test used from the start) and the `swarm` generator, where every seed
//! draws its own configuration (which instruction classes exist at all, how many
//! functions, locals, types, tables and table elements), so that shapes a fixed
//! configuration makes rare are common in some seeds (swarm testing).

use crate::rng::Rng;
use arbitrary::Unstructured;
use wasm_smith::{InstructionKind, InstructionKinds};

/// Deterministic generator input for a seed (splitmix64 bytes).
pub fn input_for(seed: u64, len: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    (0..len).map(|_| rng.next_u64() as u8).collect()
}

/// The features Kestrel implements (WebAssembly 2.0, SIMD included, extended constant
/// expressions, tail calls, memory64 and 64-bit tables, and multi-memory, which
/// wasm-smith turns on when a configuration allows more than one memory);
/// everything else off.
/// Relaxed SIMD is off: its results are the implementation's choice, so the references
/// may differ from Kestrel's documented ones (`tests/simd_paths.rs` checks those, and
/// that both vector paths agree).
#[allow(clippy::field_reassign_with_default)]
fn base_config() -> wasm_smith::Config {
    let mut c = wasm_smith::Config::default();
    c.simd_enabled = true;
    c.relaxed_simd_enabled = false;
    c.threads_enabled = false;
    c.shared_everything_threads_enabled = false;
    c.exceptions_enabled = false;
    c.gc_enabled = false;
    c.tail_call_enabled = true;
    c.memory64_enabled = true;
    c.wide_arithmetic_enabled = false;
    c.extended_const_enabled = true;
    c.custom_page_sizes_enabled = false;
    c.compact_imports_enabled = false;
    c.custom_descriptors_enabled = false;
    c.max_imports = 0;
    // Memories and tables declare a maximum, so that `memory.grow` and `table.grow`
    // cannot make a module's state too large to observe after every call.
    c.memory_max_size_required = true;
    c.table_max_size_required = true;
    c.export_everything = true;
    // NaN payloads are nondeterministic; the oracle also compares NaNs by class.
    c.canonicalize_nans = true;
    c
}

/// The fixed configuration of the `smith` generator.
pub fn smith_config() -> wasm_smith::Config {
    let mut c = base_config();
    c.max_memories = 2;
    c.max_tables = 2;
    c.max_memory32_bytes = 16 * 65536;
    c.max_memory64_bytes = 16 * 65536;
    c.max_table_elements = 1000;
    c.max_funcs = 20;
    c.max_instructions = 150;
    c
}

/// The configuration of the `smith-exceptions` generator: `smith`'s with exception
/// handling, and without SIMD (its reference is wasmtime's Python binding, which passes
/// no vectors).
pub fn smith_exceptions_config() -> wasm_smith::Config {
    let mut c = smith_config();
    c.exceptions_enabled = true;
    c.simd_enabled = false;
    c.max_tags = 4;
    c
}

/// The configuration seed `seed` of the `swarm` generator draws.
pub fn swarm_config(seed: u64) -> wasm_smith::Config {
    let mut rng = Rng::new(seed ^ 0x5a5a_1234_c0de_0001);
    let mut c = base_config();
    let kinds = [
        InstructionKind::NumericInt,
        InstructionKind::Numeric,
        InstructionKind::Reference,
        InstructionKind::Parametric,
        InstructionKind::Variable,
        InstructionKind::Table,
        InstructionKind::MemoryInt,
        InstructionKind::Memory,
        InstructionKind::Control,
        InstructionKind::Vector,
    ];
    let allowed: Vec<InstructionKind> = kinds.into_iter().filter(|_| rng.chance(1, 2)).collect();
    c.allowed_instructions = InstructionKinds::new(&allowed);
    c.max_funcs = rng.range(1, 40) as usize;
    c.min_funcs = rng.range(0, c.max_funcs.min(6) as u64) as usize;
    c.max_instructions = *rng.pick(&[4, 16, 64, 150, 400, 1000]);
    c.max_types = rng.range(1, 30) as usize;
    c.max_globals = rng.range(0, 30) as usize;
    c.max_memories = rng.range(0, 3) as usize;
    c.max_memory32_bytes = rng.range(1, 16) * 65536;
    c.memory64_enabled = rng.chance(1, 2);
    c.max_memory64_bytes = rng.range(1, 16) as u128 * 65536;
    c.max_tables = rng.range(0, 3) as usize;
    c.max_table_elements = *rng.pick(&[1, 2, 8, 100, 1000]);
    c.max_elements = rng.range(0, 200) as usize;
    c.max_element_segments = rng.range(0, 10) as usize;
    c.max_data_segments = rng.range(0, 10) as usize;
    c.max_nesting_depth = rng.range(1, 12) as usize;
    c.min_uleb_size = rng.range(0, 5) as u8;
    c.multi_value_enabled = rng.chance(3, 4);
    c.bulk_memory_enabled = rng.chance(3, 4);
    c.reference_types_enabled = c.bulk_memory_enabled && rng.chance(3, 4);
    c.saturating_float_to_int_enabled = rng.chance(3, 4);
    c.sign_extension_ops_enabled = rng.chance(3, 4);
    c.allow_floats = rng.chance(3, 4);
    // SIMD needs floats in wasm-smith (its vector instructions include float lanes).
    c.simd_enabled = c.allow_floats && rng.chance(3, 4);
    c.disallow_traps = rng.chance(1, 3);
    c
}

/// Whether `module` is valid with wasmparser's default features but not without
/// `features` (it uses one of them).
pub fn needs_features(module: &[u8], features: wasmparser::WasmFeatures) -> bool {
    let all = wasmparser::WasmFeatures::default();
    wasmparser::Validator::new_with_features(all)
        .validate_all(module)
        .is_ok()
        && wasmparser::Validator::new_with_features(all - features)
            .validate_all(module)
            .is_err()
}

fn build(config: wasm_smith::Config, input: &[u8]) -> Option<Vec<u8>> {
    let mut u = Unstructured::new(input);
    let mut module = wasm_smith::Module::new(config, &mut u).ok()?;
    module.ensure_termination(5_000).ok()?;
    Some(module.to_bytes())
}

/// The `smith` generator's module for `seed`, from 4 KiB of input.
pub fn smith(seed: u64) -> Option<Vec<u8>> {
    build(smith_config(), &input_for(seed, 4096))
}

/// The `smith-exceptions` generator's module for `seed`, from 4 KiB of input.
pub fn smith_exceptions(seed: u64) -> Option<Vec<u8>> {
    build(smith_exceptions_config(), &input_for(seed, 4096))
}

/// The `swarm` generator's module for `seed`: its own configuration and input length.
pub fn swarm(seed: u64) -> Option<Vec<u8>> {
    let len = *Rng::new(seed ^ 0x77).pick(&[256usize, 1024, 4096, 16384]);
    build(swarm_config(seed), &input_for(seed, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_are_deterministic() {
        for seed in 0..20 {
            assert_eq!(smith(seed), smith(seed));
            assert_eq!(swarm(seed), swarm(seed));
        }
    }

    #[test]
    fn swarm_configurations_differ_between_seeds() {
        let funcs: std::collections::BTreeSet<usize> =
            (0..50).map(|s| swarm_config(s).max_funcs).collect();
        assert!(funcs.len() > 10, "{funcs:?}");
    }

    /// Whether a module uses SIMD: it does not validate without the feature.
    fn uses_simd(module: &[u8]) -> bool {
        let features = wasmparser::WasmFeatures::WASM2 - wasmparser::WasmFeatures::SIMD;
        wasmparser::Validator::new_with_features(features)
            .validate_all(module)
            .is_err()
    }

    #[test]
    fn both_generators_make_simd_code() {
        type Generator = fn(u64) -> Option<Vec<u8>>;
        let generators: [(&str, Generator); 2] = [("smith", smith), ("swarm", swarm)];
        for (name, generate) in generators {
            let with_simd = (0..100)
                .filter_map(generate)
                .filter(|m| uses_simd(m))
                .count();
            assert!(with_simd > 20, "{name}: {with_simd} of 100 seeds use SIMD");
        }
    }

    /// Whether `module` needs tail calls (it does not validate without them).
    fn uses_tail_calls(module: &[u8]) -> bool {
        super::needs_features(module, wasmparser::WasmFeatures::TAIL_CALL)
    }

    #[test]
    fn the_exceptions_generator_throws_and_catches() {
        let exceptions =
            wasmparser::WasmFeatures::EXCEPTIONS | wasmparser::WasmFeatures::LEGACY_EXCEPTIONS;
        let with_exceptions = (0..200)
            .filter_map(smith_exceptions)
            .filter(|m| super::needs_features(m, exceptions))
            .count();
        assert!(
            with_exceptions > 100,
            "{with_exceptions} of 200 seeds use exception handling"
        );
    }

    #[test]
    fn both_generators_make_tail_calls() {
        type Generator = fn(u64) -> Option<Vec<u8>>;
        let generators: [(&str, Generator); 2] = [("smith", smith), ("swarm", swarm)];
        for (name, generate) in generators {
            let with_tail_calls = (0..200)
                .filter_map(generate)
                .filter(|m| uses_tail_calls(m))
                .count();
            assert!(
                with_tail_calls > 20,
                "{name}: {with_tail_calls} of 200 seeds make tail calls"
            );
        }
    }

    #[test]
    fn swarm_modules_validate() {
        let mut built = 0;
        for seed in 0..50 {
            if let Some(m) = swarm(seed) {
                wasmparser::Validator::new().validate_all(&m).unwrap();
                built += 1;
            }
        }
        assert!(built > 40, "only {built} of 50 seeds built a module");
    }
}
