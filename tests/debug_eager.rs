//! The debugging tests of `debug.rs` with every instrumented version compiled with the
//! module (`InstrumentedVersions::Eager`).

const INSTRUMENTED_VERSIONS: kestrel::InstrumentedVersions = kestrel::InstrumentedVersions::Eager;

include!("support/debug_cases.rs");
include!("support/frame_cases.rs");
