//! Process-wide canonical ids for function signatures. `call_indirect` compares the id the
//! caller expects with the id stored in the table entry, so equal signatures from
//! different modules (and host functions) must share one id.

use crate::types::FuncType;
use std::collections::HashMap;
use std::sync::Mutex;

struct Registry {
    ids: HashMap<FuncType, u64>,
    types: Vec<FuncType>,
}

static REGISTRY: Mutex<Option<Registry>> = Mutex::new(None);

/// The canonical id of `ty` (ids start at 1; 0 is never a valid signature).
pub(crate) fn canonical_id(ty: &FuncType) -> u64 {
    let mut guard = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    let reg = guard.get_or_insert_with(|| Registry {
        ids: HashMap::new(),
        types: Vec::new(),
    });
    if let Some(id) = reg.ids.get(ty) {
        return *id;
    }
    reg.types.push(ty.clone());
    let id = reg.types.len() as u64;
    reg.ids.insert(ty.clone(), id);
    id
}

/// The signature with canonical id `id`.
pub(crate) fn func_type(id: u64) -> Option<FuncType> {
    let guard = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    guard
        .as_ref()?
        .types
        .get((id as usize).checked_sub(1)?)
        .cloned()
}
