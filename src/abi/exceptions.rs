//! What compiled code reads of an exception object (`runtime::exceptions`, "DESIGN:
//! exceptions"): an `exnref` is the address of an object that starts with an
//! `ExnHeader`.

/// The first words of every exception object.
#[repr(C)]
#[derive(Debug)]
pub(crate) struct ExnHeader {
    /// The tag's identity (the address of its `runtime::exceptions::TagData`), compared
    /// with the vmctx's word for a clause's tag (`VmCtxLayout::tag`).
    pub tag: *const u8,
    /// The payload's first unit (packed by units as an argument area,
    /// `abi::frame::area_offsets`).
    pub payload: *const u64,
    /// Set (to 1) by a landing pad that hands wasm a reference to the object.
    pub exposed: u64,
}

/// Offsets of `ExnHeader`'s fields.
pub(crate) mod exn {
    use super::ExnHeader;
    use std::mem::offset_of;
    pub const TAG: i32 = offset_of!(ExnHeader, tag) as i32;
    pub const PAYLOAD: i32 = offset_of!(ExnHeader, payload) as i32;
    pub const EXPOSED: i32 = offset_of!(ExnHeader, exposed) as i32;
}
