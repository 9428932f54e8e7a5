//! Exception tags at run time: a tag is a `TagData` on the heap, whose address is its
//! identity (`runtime::exceptions`, "DESIGN: exceptions"). Instances hold the tags they
//! define and import; the embedder's `Tag` handles share them.

use crate::types::{FuncType, TypeId};

/// A tag: its type (parameters only). Its address is its identity.
#[derive(Debug)]
pub(crate) struct TagData {
    pub ty: FuncType,
    /// The canonical identity of `ty` (what an import of the tag must declare).
    pub type_id: TypeId,
}
