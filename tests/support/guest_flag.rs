// Included by tests whose guests signal the host through their memory (`include!`, like
// the other files here).

/// Waits until the guest has set the first byte of `instance`'s exported `memory`: its
/// loop is running.
fn wait_until_running(instance: &kestrel::Instance) {
    let memory = instance
        .get_memory("memory")
        .expect("the module exports its memory");
    // SAFETY: the first byte of a memory of at least one page, which `instance` keeps
    // alive and never moves (these modules do not grow it); the guest writes it with
    // plain stores, single-byte accesses being atomic on x86-64.
    let flag = unsafe { std::sync::atomic::AtomicU8::from_ptr(memory.data_ptr()) };
    while flag.load(std::sync::atomic::Ordering::SeqCst) == 0 {
        std::thread::yield_now();
    }
}
