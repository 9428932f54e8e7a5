//! Process-wide canonical function types (WebAssembly 3.0's type equivalence): every
//! recursion group of every module (and every host function's type) is registered once,
//! keyed by its structure with references inside the group by position and references
//! outside it by their canonical identity, so equivalent types from different modules
//! share one [`TypeId`]. Each type also gets a runtime record, the word `call_indirect`
//! compares and the display its subtype check reads.
//!
//! DESIGN: supertype displays. A type's runtime record is a leaked array of words
//! `[index, depth, ancestor_0, ..., ancestor_depth]`: its `TypeId` index, its depth in
//! its subtyping chain (0 for a type without a declared supertype) and the record
//! addresses of its ancestors from the root down to itself. The record's address is the
//! type's runtime word: what a `VMFuncRef` carries and the vmctx holds per module type.
//! Equal words mean equal types (one record per canonical type), so `call_indirect`'s
//! fast path is one compare; when the expected type `b` is not final (it may have
//! subtypes) a mismatch goes on to the display check `a <: b` iff `depth(a) >= depth(b)`
//! and `ancestor_{depth(b)}(a) == word(b)`, where `depth(b)` is a property of the type
//! (the same in every process, so compiled code embeds it) and `word(b)` comes from the
//! vmctx. Invariant: a record never changes or moves once published, and a type's
//! ancestors are exactly its declared supertype chain. Tested by
//! `tests/typed_refs.rs::call_indirect_accepts_declared_subtypes_only`.

use crate::error::{Error, Result};
use crate::types::{FuncType, HeapType, RefType, TypeId, ValType};
use std::collections::HashMap;
use std::sync::Mutex;

/// The deepest subtyping chain a type may have (WebAssembly's limit: 63 supertypes).
pub(crate) const MAX_DEPTH: u32 = 63;

/// The layout of a runtime record: word indices (for the registry) and byte offsets (for
/// the compiler).
pub(crate) mod record {
    /// Word: the type's `TypeId` index.
    pub const INDEX_WORD: usize = 0;
    /// Word: the type's depth in its subtyping chain.
    pub const DEPTH_WORD: usize = 1;
    /// Word: the first ancestor (the root); the one at depth `d` follows at `+ d`.
    pub const ANCESTORS_WORD: usize = 2;
    /// Byte offset of `DEPTH_WORD`.
    pub const DEPTH: i32 = 8 * DEPTH_WORD as i32;
    /// Byte offset of `ANCESTORS_WORD`: the ancestor at depth `d` is at `ANCESTORS + 8 * d`.
    pub const ANCESTORS: i32 = 8 * ANCESTORS_WORD as i32;
}

/// Where a type of a group being registered refers to another type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum TypeRef {
    /// The type at this position of the same recursion group.
    InGroup(u32),
    /// A type registered before.
    Canonical(TypeId),
}

/// A value type as a type declaration states it: concrete heap types by [`TypeRef`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum DeclaredVal {
    /// Any type without a concrete heap type.
    Plain(ValType),
    /// `(ref null? $t)`.
    Concrete { nullable: bool, to: TypeRef },
}

/// A function type as a recursion group declares it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct DeclaredType {
    /// Whether the type may have no subtypes.
    pub is_final: bool,
    /// The declared supertype, if any.
    pub supertype: Option<TypeRef>,
    pub params: Box<[DeclaredVal]>,
    pub results: Box<[DeclaredVal]>,
}

struct Entry {
    func: FuncType,
    is_final: bool,
    supertype: Option<TypeId>,
    /// The runtime record (see the module's DESIGN block); never freed.
    record: &'static [u64],
}

#[derive(Default)]
struct Registry {
    groups: HashMap<Box<[DeclaredType]>, TypeId>,
    entries: Vec<Entry>,
}

static REGISTRY: Mutex<Option<Registry>> = Mutex::new(None);

fn with_registry<R>(f: impl FnOnce(&mut Registry) -> R) -> R {
    let mut guard = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(Registry::default))
}

impl Registry {
    fn entry(&self, id: TypeId) -> &Entry {
        &self.entries[id.0 as usize]
    }

    fn depth(&self, id: TypeId) -> u32 {
        self.entry(id).record[record::DEPTH_WORD] as u32
    }

    /// Registers `group` (checked: every reference in range, supertypes chains within
    /// the depth limit) and returns the identity of its first type.
    fn register(&mut self, group: &[DeclaredType]) -> Result<TypeId> {
        if let Some(base) = self.groups.get(group) {
            return Ok(*base);
        }
        let bad = |what: &str| Error::Invalid(format!("type declaration: {what}"));
        // A packed `RefType` holds identities below `super::MAX_TYPE_IDS`.
        if self.entries.len() + group.len() > super::MAX_TYPE_IDS {
            return Err(Error::Resource(format!(
                "more than {} distinct function types in this process",
                super::MAX_TYPE_IDS
            )));
        }
        let base = self.entries.len() as u32;
        let len = group.len() as u32;
        let resolve = |r: TypeRef| -> Result<TypeId> {
            match r {
                TypeRef::InGroup(i) if i < len => Ok(TypeId(base + i)),
                TypeRef::Canonical(id) if id.0 < base => Ok(id),
                _ => Err(bad("a reference out of range")),
            }
        };
        let val = |v: DeclaredVal| -> Result<ValType> {
            Ok(match v {
                DeclaredVal::Plain(ValType::Ref(r))
                    if matches!(r.heap(), HeapType::Concrete(_)) =>
                {
                    return Err(bad("a concrete type outside the declaration"))
                }
                DeclaredVal::Plain(t) => t,
                DeclaredVal::Concrete { nullable, to } => {
                    ValType::Ref(RefType::new(nullable, HeapType::Concrete(resolve(to)?)))
                }
            })
        };
        let mut new = Vec::with_capacity(group.len());
        for (i, decl) in group.iter().enumerate() {
            let supertype = decl.supertype.map(resolve).transpose()?;
            let params = decl
                .params
                .iter()
                .map(|&v| val(v))
                .collect::<Result<Vec<_>>>()?;
            let results = decl
                .results
                .iter()
                .map(|&v| val(v))
                .collect::<Result<Vec<_>>>()?;
            // Ancestors: the supertype's, then this type's own record (filled in below).
            let mut words = vec![0; record::ANCESTORS_WORD];
            words[record::INDEX_WORD] = u64::from(base) + i as u64;
            if let Some(s) = supertype {
                if s.0 >= base + i as u32 {
                    return Err(bad("a supertype declared after its subtype"));
                }
                let parent = if s.0 >= base {
                    &new[(s.0 - base) as usize]
                } else {
                    self.entry(s)
                };
                let parent: &Entry = parent;
                if parent.is_final {
                    return Err(bad("a supertype that is final"));
                }
                let depth = parent.record[record::DEPTH_WORD] as u32 + 1;
                if depth > MAX_DEPTH {
                    return Err(bad("a subtyping chain too deep"));
                }
                words[record::DEPTH_WORD] = u64::from(depth);
                words.extend_from_slice(&parent.record[record::ANCESTORS_WORD..]);
            }
            words.push(0);
            let record: &'static mut [u64] = Box::leak(words.into_boxed_slice());
            let own = record.as_ptr() as u64;
            *record
                .last_mut()
                .expect("the record ends with its own word") = own;
            new.push(Entry {
                func: FuncType::new(params, results),
                is_final: decl.is_final,
                supertype,
                record,
            });
        }
        self.entries.extend(new);
        self.groups.insert(group.into(), TypeId(base));
        Ok(TypeId(base))
    }
}

/// Registers recursion group `group` and returns the identities of its types, in order.
/// Checks what a hostile compiled-module file could get wrong (references out of range,
/// supertype chains); a validated module's groups always pass.
pub(crate) fn register_group(group: &[DeclaredType]) -> Result<Vec<TypeId>> {
    let base = with_registry(|r| r.register(group))?;
    Ok((0..group.len() as u32)
        .map(|i| TypeId(base.0 + i))
        .collect())
}

/// The identity of `ty` as a final type of its own recursion group without a
/// supertype (the type a host function has).
pub(crate) fn canonical_id(ty: &FuncType) -> TypeId {
    let plain = |t: &ValType| match *t {
        ValType::Ref(r) => match r.heap() {
            HeapType::Concrete(id) => DeclaredVal::Concrete {
                nullable: r.nullable(),
                to: TypeRef::Canonical(id),
            },
            _ => DeclaredVal::Plain(*t),
        },
        t => DeclaredVal::Plain(t),
    };
    let group = [DeclaredType {
        is_final: true,
        supertype: None,
        params: ty.params().iter().map(plain).collect(),
        results: ty.results().iter().map(plain).collect(),
    }];
    register_group(&group).expect("a FuncType's references are registered types")[0]
}

/// The function type `id` stands for.
pub(crate) fn func_type(id: TypeId) -> FuncType {
    with_registry(|r| r.entry(id).func.clone())
}

/// Whether `a` is `b` or a declared subtype of it.
pub(crate) fn is_subtype(a: TypeId, b: TypeId) -> bool {
    with_registry(|r| {
        let mut at = Some(a);
        while let Some(t) = at {
            if t == b {
                return true;
            }
            at = r.entry(t).supertype;
        }
        false
    })
}

/// Whether `id` may have subtypes (so `call_indirect` to it needs the display check).
pub(crate) fn is_final(id: TypeId) -> bool {
    with_registry(|r| r.entry(id).is_final)
}

/// The depth of `id` in its subtyping chain.
pub(crate) fn depth(id: TypeId) -> u32 {
    with_registry(|r| r.depth(id))
}

/// The runtime word of `id` (its record's address; see the DESIGN block).
pub(crate) fn word(id: TypeId) -> u64 {
    with_registry(|r| r.entry(id).record.as_ptr() as u64)
}

/// The identity whose runtime word is `word`.
///
/// # Safety
///
/// `word` must be a runtime word this registry handed out (records are never freed).
pub(crate) unsafe fn from_word(word: u64) -> TypeId {
    // SAFETY: the caller passes a record's address; records are leaked, never freed.
    TypeId(unsafe { *(word as *const u64).add(record::INDEX_WORD) } as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn func(params: &[DeclaredVal]) -> DeclaredType {
        DeclaredType {
            is_final: true,
            supertype: None,
            params: params.into(),
            results: Box::new([]),
        }
    }

    #[test]
    fn equal_groups_share_identities_and_positions_matter() {
        let self_ref = DeclaredVal::Concrete {
            nullable: true,
            to: TypeRef::InGroup(0),
        };
        let a = register_group(&[func(&[self_ref])]).unwrap();
        let b = register_group(&[func(&[self_ref])]).unwrap();
        assert_eq!(a, b);
        let pair = register_group(&[func(&[self_ref]), func(&[self_ref])]).unwrap();
        assert_ne!(pair[0], pair[1]);
        assert_ne!(pair[0], a[0]);
    }

    #[test]
    fn displays_answer_subtyping() {
        let open = DeclaredType {
            is_final: false,
            ..func(&[])
        };
        let root = register_group(std::slice::from_ref(&open)).unwrap()[0];
        let child = register_group(&[DeclaredType {
            supertype: Some(TypeRef::Canonical(root)),
            ..open.clone()
        }])
        .unwrap()[0];
        assert!(is_subtype(child, root));
        assert!(!is_subtype(root, child));
        assert_eq!(depth(child), 1);
        // SAFETY: words from this registry.
        let record = unsafe { std::slice::from_raw_parts(word(child) as *const u64, 4) };
        assert_eq!(record[2], word(root));
        assert_eq!(record[3], word(child));
        // SAFETY: as above.
        assert_eq!(unsafe { from_word(word(child)) }, child);
    }

    #[test]
    fn hostile_declarations_are_errors() {
        let dangling = DeclaredVal::Concrete {
            nullable: false,
            to: TypeRef::InGroup(5),
        };
        assert!(register_group(&[func(&[dangling])]).is_err());
        let final_root = register_group(&[func(&[])]).unwrap()[0];
        let sub = DeclaredType {
            supertype: Some(TypeRef::Canonical(final_root)),
            ..func(&[])
        };
        assert!(register_group(&[sub]).is_err());
    }
}
