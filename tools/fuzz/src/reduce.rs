//! Reduction: shrinks a module with `wasm-shrink` while a predicate (it still diverges in
//! the same way) holds, so that a divergence is saved as the smallest module that shows it.

/// Consecutive failed shrink attempts after which a module counts as small enough.
const ATTEMPTS: u32 = 3000;

/// Shrinks `module` while `still_fails` holds of the candidate; returns the smallest
/// module found (the input if nothing smaller fails).
pub fn shrink(module: Vec<u8>, mut still_fails: impl FnMut(&[u8]) -> bool) -> Vec<u8> {
    let original = module.clone();
    match wasm_shrink::WasmShrink::default()
        .attempts(ATTEMPTS)
        .run(module, |candidate| Ok(still_fails(candidate)))
    {
        Ok(info) => info.output,
        Err(_) => original,
    }
}
