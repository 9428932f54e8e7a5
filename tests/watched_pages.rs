//! Watchpoints kept by page protection ("DESIGN: watched pages" in
//! `runtime::watched_pages`): code that never touches a watched page runs its plain
//! versions (no instrumented version is even compiled); accesses beside a watched range
//! on its page run through and give the right values; a read of a page only write
//! watchpoints protect does not fault; frequent accesses next to a watched range move the
//! instance over to checking in software, with the same results and stops; an access
//! that spans two protected pages runs through (both pages lifted for its one step) or
//! stops, as its bytes say; a memory watched through one instance and read by a module
//! without instrumentation on another thread while the host writes to the same page.

use kestrel::{Config, DebugEvent, Engine, Linker, Module, Resume, Val, WatchKind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

const GUEST: &str = r#"
(module
  (memory 2)
  ;; Writes i * 7 to the i32 at 4 * i for i below n, skipping i = skip; returns the sum
  ;; of those words, read back.
  (func (export "churn") (param $n i32) (param $skip i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.ne (local.get $i) (local.get $skip))
        (then (i32.store (i32.shl (local.get $i) (i32.const 2))
                         (i32.mul (local.get $i) (i32.const 7)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.set $i (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.ne (local.get $i) (local.get $skip))
        (then (local.set $sum (i32.add (local.get $sum)
                (i32.load (i32.shl (local.get $i) (i32.const 2)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $sum))
  ;; n rounds of a store next to the word at 0x100 and a load of it.
  (func (export "neighbours") (param $n i32) (result i32) (local $sum i32)
    (loop $next
      (i32.store (i32.const 0x104) (local.get $n))
      (local.set $sum (i32.add (local.get $sum) (i32.load (i32.const 0x100))))
      (local.tee $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $next))
    (local.get $sum))
  (func (export "poke") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "peek64") (param i32) (result i64) (i64.load (local.get 0))))
"#;

/// The sum `churn(n, skip)` returns.
fn churn_sum(n: i32, skip: i32) -> i32 {
    (0..n).filter(|&i| i != skip).map(|i| i * 7).sum()
}

struct Setup {
    module: Module,
    instance: kestrel::Instance,
    stops: Arc<AtomicUsize>,
}

fn setup() -> Setup {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, GUEST).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let stops = Arc::new(AtomicUsize::new(0));
    let counter = stops.clone();
    instance.debugger().unwrap().set_handler(move |event, _| {
        if matches!(event, DebugEvent::Watchpoint(_)) {
            counter.fetch_add(1, Ordering::SeqCst);
        }
        Resume::Continue
    });
    Setup {
        module,
        instance,
        stops,
    }
}

fn call(s: &Setup, name: &str, args: &[i32]) -> i32 {
    let args: Vec<Val> = args.iter().map(|&a| Val::I32(a)).collect();
    let results = s.instance.get_func(name).unwrap().call(&args).unwrap();
    results.first().and_then(|v| v.i32()).unwrap_or(0)
}

#[test]
fn code_that_never_touches_a_watched_page_runs_its_plain_versions() {
    let s = setup();
    let debugger = s.instance.debugger().unwrap();
    // Page 8 (4 KiB pages); churn touches the first 4 KiB only.
    debugger
        .set_watchpoint(0, 0x8000, 4, WatchKind::Access)
        .unwrap();
    assert_eq!(call(&s, "churn", &[1000, -1]), churn_sum(1000, -1));
    assert_eq!(s.stops.load(Ordering::SeqCst), 0);
    assert!(
        s.module.instrumented_versions().is_empty(),
        "an instrumented version was compiled: some access left the plain code"
    );
    // The watchpoint still works.
    call(&s, "poke", &[0x8000, 5]);
    assert_eq!(s.stops.load(Ordering::SeqCst), 1);
}

#[test]
fn accesses_beside_a_watched_range_on_its_page_run_through() {
    let s = setup();
    let debugger = s.instance.debugger().unwrap();
    // The word at 0x100 (i = 64) of the page churn writes and reads throughout.
    let id = debugger
        .set_watchpoint(0, 0x100, 4, WatchKind::Access)
        .unwrap();
    for _ in 0..3 {
        assert_eq!(call(&s, "churn", &[1024, 64]), churn_sum(1024, 64));
    }
    assert_eq!(s.stops.load(Ordering::SeqCst), 0);
    // Touching it stops, once per access: the store and the load of i = 64.
    assert_eq!(call(&s, "churn", &[1024, -1]), churn_sum(1024, -1));
    assert_eq!(s.stops.load(Ordering::SeqCst), 2);
    debugger.clear_watchpoint(id).unwrap();

    // A write watchpoint leaves its page readable: reads of the watched word neither
    // fault nor stop, writes stop.
    debugger
        .set_watchpoint(0, 0x100, 4, WatchKind::Write)
        .unwrap();
    assert_eq!(call(&s, "churn", &[1024, -1]), churn_sum(1024, -1));
    assert_eq!(s.stops.load(Ordering::SeqCst), 3);
}

#[test]
fn frequent_trips_move_the_instance_to_checking_in_software() {
    let s = setup();
    let debugger = s.instance.debugger().unwrap();
    call(&s, "poke", &[0x100, 3]);
    debugger
        .set_watchpoint(0, 0x100, 4, WatchKind::Write)
        .unwrap();
    // Every store next to the watched word is a trip through the host; after enough of
    // them the instance checks every access in software, with the same results.
    let n = 20_000;
    assert_eq!(call(&s, "neighbours", &[n]), 3 * n);
    assert_eq!(s.stops.load(Ordering::SeqCst), 0);
    assert!(!s.module.instrumented_versions().is_empty());
    // Stops still come, now from the software checks.
    call(&s, "poke", &[0x100, 9]);
    assert_eq!(s.stops.load(Ordering::SeqCst), 1);
    assert_eq!(call(&s, "neighbours", &[10]), 90);
}

#[test]
fn an_access_spanning_two_watched_pages_runs_through_or_stops() {
    let s = setup();
    let debugger = s.instance.debugger().unwrap();
    // Watched bytes on pages 0 and 1, away from the 8 bytes at 0xffc..0x1004 the load
    // reads across the boundary: each page is protected, the load touches no watched
    // byte, and must run through (lifting both pages for its one step).
    call(&s, "poke", &[0xffc, 0x1111]);
    call(&s, "poke", &[0x1000, 0x2222]);
    debugger
        .set_watchpoint(0, 0x800, 4, WatchKind::Access)
        .unwrap();
    debugger
        .set_watchpoint(0, 0x1800, 4, WatchKind::Access)
        .unwrap();
    let peek = s.instance.get_func("peek64").unwrap();
    for _ in 0..3 {
        let v = peek.call(&[Val::I32(0xffc)]).unwrap()[0].i64().unwrap();
        assert_eq!(v, 0x2222_0000_1111);
    }
    assert_eq!(s.stops.load(Ordering::SeqCst), 0);
    // A watchpoint on the boundary's second page that the load does touch: it stops.
    debugger
        .set_watchpoint(0, 0x1002, 2, WatchKind::Read)
        .unwrap();
    let v = peek.call(&[Val::I32(0xffc)]).unwrap()[0].i64().unwrap();
    assert_eq!(v, 0x2222_0000_1111);
    assert_eq!(s.stops.load(Ordering::SeqCst), 1);
}

/// A memory watched through one instance, imported by an instance of a module without
/// debug instrumentation that reads a watched page on another thread while the host
/// writes beside the watched bytes on this one: every read runs through (the page lifted
/// for its one instruction) and gives the right value, every host write lands, nothing
/// stops. The host's writes lift the page's protection while the other thread ends its
/// steps on it ("DESIGN: watched pages", 3): a step's end that protected the page again
/// under a host write would crash the process here.
#[test]
fn a_watched_memory_shared_with_a_module_without_instrumentation_on_another_thread() {
    use std::sync::atomic::AtomicBool;
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let debug_engine = Engine::new(&config);
    let watched = Linker::new(&debug_engine)
        .instantiate(&Module::new(&debug_engine, r#"(module (memory (export "mem") 1))"#).unwrap())
        .unwrap();
    let stops = Arc::new(AtomicUsize::new(0));
    let counter = stops.clone();
    let debugger = watched.debugger().unwrap();
    debugger.set_handler(move |_, _| {
        counter.fetch_add(1, Ordering::SeqCst);
        Resume::Continue
    });
    let mem = watched.get_memory("mem").unwrap();
    mem.write(0x108, &9u32.to_le_bytes()).unwrap();
    debugger
        .set_watchpoint(0, 0x100, 4, WatchKind::Access)
        .unwrap();

    let plain_engine = Engine::default();
    let mut linker = Linker::new(&plain_engine);
    linker.define("w", "mem", mem.clone());
    let reader = linker
        .instantiate(
            &Module::new(
                &plain_engine,
                r#"(module
                  (import "w" "mem" (memory 1))
                  ;; The sum of n reads of the i32 at 0x108 (on the watched page).
                  (func (export "spin") (param $n i32) (result i32) (local $sum i32)
                    (loop $next
                      (local.set $sum (i32.add (local.get $sum) (i32.load (i32.const 0x108))))
                      (local.tee $n (i32.sub (local.get $n) (i32.const 1)))
                      (br_if $next))
                    (local.get $sum)))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let spin = reader.get_typed_func::<i32, i32>("spin").unwrap();
    const READS: i32 = 2_000;
    const CALLS: usize = 50;
    let done = Arc::new(AtomicBool::new(false));
    let finished = done.clone();
    let sums = std::thread::spawn(move || {
        let sums: Vec<i32> = (0..CALLS).map(|_| spin.call(READS).unwrap()).collect();
        finished.store(true, Ordering::SeqCst);
        sums
    });
    let mut writes = 0u32;
    loop {
        writes += 1;
        mem.write(0x10c, &writes.to_le_bytes()).unwrap();
        if done.load(Ordering::SeqCst) {
            break;
        }
    }
    let sums = sums.join().unwrap();
    assert!(sums.iter().all(|&s| s == READS * 9), "{sums:?}");
    let mut last = [0u8; 4];
    mem.read(0x10c, &mut last).unwrap();
    assert_eq!(u32::from_le_bytes(last), writes);
    assert_eq!(
        stops.load(Ordering::SeqCst),
        0,
        "nothing touched the watched bytes"
    );
}
