//! Zero-copy debugging through the public API: breakpoints, locals, stepping, pause,
//! abort, trap events, per-instance isolation, and code that never changes.
//!
//! Instrumented versions compiled on first use (the default); `debug_eager.rs` runs the
//! same tests with every instrumented version compiled with the module.

const INSTRUMENTED_VERSIONS: kestrel::InstrumentedVersions = kestrel::InstrumentedVersions::Lazy;

include!("support/debug_cases.rs");
include!("support/frame_cases.rs");
