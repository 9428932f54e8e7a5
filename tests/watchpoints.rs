//! Watchpoints through the API ("DESIGN: watchpoints" in `compiler::codegen::watch`): a
//! write, read or access watchpoint stops right after every access that touches it, in
//! the accessing frame, with the old and new bytes of a write: loads and stores of every
//! width, vector and lane accesses, `memory.fill`/`copy`, a host function writing through
//! `Memory::write` during a call (WASI's `random_get` too), memories other than 0, ranges
//! beyond the current size that `memory.grow` brings in, more watchpoints than a CPU has
//! debug registers; accesses
//! beside a watched range never stop; clearing one stops its stops; another instance of
//! the module never stops and the code bytes never change. In both bounds modes, with
//! instrumented versions compiled lazily and eagerly, with the convention canaries.

use kestrel::{
    BoundsChecks, Config, DebugEvent, Engine, FuncType, Instance, InstrumentedVersions, Linker,
    Module, Resume, Val, ValType, WatchHit, WatchKind,
};
use std::sync::{Arc, Mutex};

const GUEST: &str = r#"
(module
  (import "host" "poke" (func $poke (param i32)))
  (memory (export "mem") 1 3)
  (memory (export "m1") 1)
  (global $after (mut i32) (i32.const 0))
  (func (export "store32") (param i32 i32)
    (i32.store (local.get 0) (local.get 1))
    (global.set $after (i32.const 1)))
  (func (export "store8") (param i32 i32)
    (i32.store8 (local.get 0) (local.get 1))
    (global.set $after (i32.const 1)))
  (func (export "store64") (param i32 i64)
    (i64.store (local.get 0) (local.get 1))
    (global.set $after (i32.const 1)))
  (func (export "storef64") (param i32 f64)
    (f64.store (local.get 0) (local.get 1))
    (global.set $after (i32.const 1)))
  (func (export "store_v128") (param i32)
    (v128.store (local.get 0) (v128.const i32x4 0x04030201 0x08070605 0x0c0b0a09 0x100f0e0d))
    (global.set $after (i32.const 1)))
  (func (export "store_lane") (param i32)
    (v128.store16_lane 3 (local.get 0) (v128.const i16x8 0 0 0 0x2211 0 0 0 0))
    (global.set $after (i32.const 1)))
  (func (export "load8") (param i32) (result i32)
    (i32.load8_u (local.get 0))
    (global.set $after (i32.const 1)))
  (func (export "load_v128") (param i32) (result i32)
    (i32x4.extract_lane 0 (v128.load (local.get 0)))
    (global.set $after (i32.const 1)))
  (func (export "load_splat") (param i32) (result i32)
    (i32x4.extract_lane 2 (v128.load32_splat (local.get 0)))
    (global.set $after (i32.const 1)))
  (func (export "store32_m1") (param i32 i32)
    (i32.store 1 (local.get 0) (local.get 1))
    (global.set $after (i32.const 1)))
  (func (export "fill") (param i32 i32 i32)
    (memory.fill (local.get 0) (local.get 1) (local.get 2))
    (global.set $after (i32.const 1)))
  (func (export "copy") (param i32 i32 i32)
    (memory.copy (local.get 0) (local.get 1) (local.get 2))
    (global.set $after (i32.const 1)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "host_write") (param i32)
    (call $poke (local.get 0))
    (global.set $after (i32.const 1)))
  ;; Writes i * 3 to the i32 at 4 * i, for i below n, through a call.
  (func $put (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "loop") (param $n i32) (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (call $put (i32.shl (local.get $i) (i32.const 2)) (i32.mul (local.get $i) (i32.const 3)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))))
"#;

fn configs() -> Vec<(&'static str, Config)> {
    let mut lazy = Config::new();
    lazy.debug_instrumentation(true);
    let mut eager = lazy.clone();
    eager.instrumented_versions(InstrumentedVersions::Eager);
    let mut explicit = lazy.clone();
    explicit.bounds_checks(BoundsChecks::Explicit);
    let mut canaries = lazy.clone();
    canaries.convention_canaries(true).consume_fuel(true);
    vec![
        ("lazy", lazy),
        ("eager", eager),
        ("explicit bounds", explicit),
        ("canaries and fuel", canaries),
    ]
}

/// One stop: the hit, the stopped function and module offset, the frame's locals.
#[derive(Clone, Debug)]
struct Seen {
    hit: WatchHit,
    func: u32,
    offset: u32,
    locals: Vec<Option<Val>>,
}

struct Guest {
    module: Module,
    instance: Instance,
    seen: Arc<Mutex<Vec<Seen>>>,
    others: Arc<Mutex<Vec<String>>>,
}

/// An instance whose handler records every watchpoint stop (and any other event).
fn guest(engine: &Engine) -> Guest {
    let module = Module::new(engine, GUEST).unwrap();
    let mut linker = Linker::new(engine);
    // Writes 0xaabbccdd at its argument, through the calling instance's memory.
    linker.func_new_with_caller(
        "host",
        "poke",
        FuncType::new([ValType::I32], []),
        |caller, args, _| {
            let mem = caller.get_memory("mem").unwrap();
            let at = args[0].i32().unwrap() as usize;
            mem.write(at, &0xaabb_ccddu32.to_le_bytes())
                .map_err(|e| kestrel::Trap::host(e.to_string()))
        },
    );
    let instance = linker.instantiate(&module).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let others = Arc::new(Mutex::new(Vec::new()));
    let (record, unexpected) = (seen.clone(), others.clone());
    instance
        .debugger()
        .unwrap()
        .set_handler(move |event, frame| {
            match event {
                DebugEvent::Watchpoint(hit) => record.lock().unwrap().push(Seen {
                    hit: hit.clone(),
                    func: frame.func_index(),
                    offset: frame.offset(),
                    locals: frame.locals(),
                }),
                other => unexpected.lock().unwrap().push(other.name().to_string()),
            }
            Resume::Continue
        });
    Guest {
        module,
        instance,
        seen,
        others,
    }
}

impl Guest {
    fn call(&self, name: &str, args: &[Val]) -> Vec<Val> {
        self.instance
            .get_func(name)
            .unwrap_or_else(|| panic!("no export {name}"))
            .call(args)
            .unwrap()
    }

    fn take(&self) -> Vec<Seen> {
        assert!(self.others.lock().unwrap().is_empty(), "{:?}", self.others);
        std::mem::take(&mut *self.seen.lock().unwrap())
    }

    fn watch(&self, memory: u32, addr: u64, len: u64, kind: WatchKind) -> u32 {
        self.instance
            .debugger()
            .unwrap()
            .set_watchpoint(memory, addr, len, kind)
            .unwrap()
    }

    fn clear(&self, id: u32) {
        self.instance
            .debugger()
            .unwrap()
            .clear_watchpoint(id)
            .unwrap();
    }

    /// The module offset of the instruction after the first memory access of export
    /// `name` (its third instruction, after two operands: the `global.set` marker's
    /// operand, or the next instruction of a load's expression).
    fn after_access(&self, name: &str, operands: usize) -> (u32, u32) {
        let func = self.module.func_index(name).unwrap();
        let offsets = self
            .instance
            .debugger()
            .unwrap()
            .instruction_offsets(func)
            .unwrap();
        (func, offsets[operands + 1])
    }
}

fn i32s(args: &[i32]) -> Vec<Val> {
    args.iter().map(|&a| Val::I32(a)).collect()
}

#[test]
fn a_write_stops_right_after_the_store_with_old_and_new_bytes() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let g = guest(&engine);
        let mem = g.instance.get_memory("mem").unwrap();
        mem.write(100, &[1, 2, 3, 4]).unwrap();
        let id = g.watch(0, 100, 4, WatchKind::Write);
        g.call("store32", &i32s(&[100, 0x0a0b0c0d]));
        let seen = g.take();
        assert_eq!(seen.len(), 1, "{label}: {seen:?}");
        let s = &seen[0];
        assert_eq!(s.hit.id, id, "{label}");
        assert_eq!(
            (s.hit.addr, s.hit.len, s.hit.write),
            (100, 4, true),
            "{label}"
        );
        assert_eq!(s.hit.old.as_deref(), Some(&[1, 2, 3, 4][..]), "{label}");
        assert_eq!(
            s.hit.new.as_deref(),
            Some(&[0x0d, 0x0c, 0x0b, 0x0a][..]),
            "{label}"
        );
        assert!(!s.hit.by_host, "{label}");
        // The stop is in store32, at the instruction right after the store.
        assert_eq!((s.func, s.offset), g.after_access("store32", 2), "{label}");
        assert_eq!(
            s.locals[0].as_ref().and_then(Val::i32),
            Some(100),
            "{label}"
        );
        // Beside the range: no stop. Overlapping its first or last byte: a stop naming
        // only the overlap.
        g.call("store32", &i32s(&[96, 5]));
        g.call("store32", &i32s(&[104, 5]));
        assert!(g.take().is_empty(), "{label}");
        g.call("store32", &i32s(&[98, -1]));
        let seen = g.take();
        assert_eq!(seen.len(), 1, "{label}");
        assert_eq!((seen[0].hit.addr, seen[0].hit.len), (100, 2), "{label}");
        g.call("store8", &i32s(&[103, 9]));
        let seen = g.take();
        assert_eq!((seen[0].hit.addr, seen[0].hit.len), (103, 1), "{label}");
        assert_eq!(seen[0].hit.new.as_deref(), Some(&[9][..]), "{label}");
        // Reads do not stop a write watchpoint.
        g.call("load8", &i32s(&[100]));
        assert!(g.take().is_empty(), "{label}");
        g.clear(id);
        g.call("store32", &i32s(&[100, 1]));
        assert!(g.take().is_empty(), "{label}: cleared");
    }
}

#[test]
fn every_width_and_direction_is_seen() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let g = guest(&engine);
        let write = g.watch(0, 200, 1, WatchKind::Write);
        let cases: &[(&str, Vec<Val>, usize)] = &[
            ("store64", vec![Val::I32(193), Val::I64(-1)], 2),
            ("storef64", vec![Val::I32(200), Val::from_f64(1.5)], 2),
            ("store_v128", vec![Val::I32(190)], 2),
            ("store_lane", vec![Val::I32(199)], 2),
            ("fill", i32s(&[150, 7, 100]), 3),
        ];
        for (name, args, operands) in cases {
            g.call(name, args);
            let seen = g.take();
            assert_eq!(seen.len(), 1, "{label}: {name}: {seen:?}");
            assert_eq!(
                (seen[0].hit.addr, seen[0].hit.len),
                (200, 1),
                "{label}: {name}"
            );
            let by_host = *name == "fill";
            assert_eq!(seen[0].hit.by_host, by_host, "{label}: {name}");
            assert_eq!(
                (seen[0].func, seen[0].offset),
                g.after_access(name, *operands),
                "{label}: {name}"
            );
        }
        // The fill wrote byte 200 last.
        let mut byte = [0];
        g.instance
            .get_memory("mem")
            .unwrap()
            .read(200, &mut byte)
            .unwrap();
        assert_eq!(byte, [7], "{label}");
        g.clear(write);
        let read = g.watch(0, 300, 4, WatchKind::Read);
        for (name, at) in [("load8", 303), ("load_v128", 290), ("load_splat", 302)] {
            g.call(name, &i32s(&[at]));
            let seen = g.take();
            assert_eq!(seen.len(), 1, "{label}: {name}");
            assert!(!seen[0].hit.write, "{label}: {name}");
            assert_eq!(seen[0].hit.old, None, "{label}: {name}");
        }
        g.call("store32", &i32s(&[300, 1]));
        assert!(g.take().is_empty(), "{label}: a store is no read");
        // memory.copy reads its source.
        g.call("copy", &i32s(&[0, 298, 4]));
        let seen = g.take();
        assert_eq!((seen[0].hit.addr, seen[0].hit.len), (300, 2), "{label}");
        assert!(seen[0].hit.by_host, "{label}");
        g.clear(read);
        let access = g.watch(0, 400, 8, WatchKind::Access);
        g.call("store32", &i32s(&[404, 1]));
        g.call("load8", &i32s(&[407]));
        let seen = g.take();
        assert_eq!(seen.len(), 2, "{label}");
        assert!(seen[0].hit.write && !seen[1].hit.write, "{label}");
        g.clear(access);
    }
}

#[test]
fn host_writes_during_a_call_stop_after_the_call() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let g = guest(&engine);
        g.watch(0, 500, 2, WatchKind::Write);
        g.call("host_write", &i32s(&[499]));
        let seen = g.take();
        assert_eq!(seen.len(), 1, "{label}");
        let hit = &seen[0].hit;
        assert!(hit.by_host, "{label}");
        assert_eq!((hit.addr, hit.len), (500, 2), "{label}");
        assert_eq!(hit.old.as_deref(), Some(&[0, 0][..]), "{label}");
        assert_eq!(hit.new.as_deref(), Some(&[0xcc, 0xbb][..]), "{label}");
        assert_eq!(
            (seen[0].func, seen[0].offset),
            g.after_access("host_write", 1),
            "{label}: the site after the call"
        );
        // The embedder's own writes, outside any call, do not stop anything.
        g.instance
            .get_memory("mem")
            .unwrap()
            .write(500, &[1, 2])
            .unwrap();
        assert!(g.take().is_empty(), "{label}");
    }
}

#[test]
fn memories_growth_and_many_watchpoints() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let g = guest(&engine);
        // Memory 1 only.
        g.watch(1, 600, 4, WatchKind::Write);
        g.call("store32", &i32s(&[600, 1]));
        assert!(g.take().is_empty(), "{label}: memory 0");
        g.call("store32_m1", &i32s(&[600, 1]));
        let seen = g.take();
        assert_eq!((seen.len(), seen[0].hit.memory), (1, 1), "{label}");
        // Beyond the current size (1 page): grow, then write.
        let far = 65536 + 64;
        g.watch(0, far, 4, WatchKind::Write);
        assert_eq!(g.call("grow", &i32s(&[1]))[0].i32(), Some(1), "{label}");
        g.call("store32", &i32s(&[far as i32, 1]));
        assert_eq!(g.take().len(), 1, "{label}: grown page");
        // Ten watchpoints on the words the loop writes: one stop each, in order, in $put,
        // with the loop variable's value in the caller.
        let words = [3u64, 5, 8, 13, 21, 34, 55, 89, 144, 233];
        let ids: Vec<u32> = words
            .iter()
            .map(|w| g.watch(0, 4 * w, 4, WatchKind::Write))
            .collect();
        g.call("loop", &i32s(&[300]));
        let seen = g.take();
        let hits: Vec<(u32, u64)> = seen.iter().map(|s| (s.hit.id, s.hit.addr)).collect();
        let expected: Vec<(u32, u64)> = ids.iter().zip(words).map(|(&id, w)| (id, 4 * w)).collect();
        assert_eq!(hits, expected, "{label}");
        for (s, w) in seen.iter().zip(words) {
            assert_eq!(
                s.hit.new,
                Some((w as u32 * 3).to_le_bytes().to_vec()),
                "{label}"
            );
            assert_eq!(
                s.locals[0].as_ref().and_then(Val::i32),
                Some(4 * w as i32),
                "{label}: $put's address"
            );
        }
    }
}

#[test]
fn other_instances_never_stop_and_code_never_changes() {
    for (label, config) in configs() {
        let engine = Engine::new(&config);
        let watched = guest(&engine);
        let other = guest(&engine);
        let code_before = watched.module.code().to_vec();
        watched.watch(0, 100, 4, WatchKind::Access);
        for g in [&watched, &other] {
            g.call("store32", &i32s(&[100, 1]));
            g.call("loop", &i32s(&[40]));
        }
        assert_eq!(
            watched.take().len(),
            2,
            "{label}: the store and the loop's word 25"
        );
        assert!(other.take().is_empty(), "{label}: the other instance");
        assert_eq!(watched.module.code(), &code_before[..], "{label}");
    }
}

#[test]
fn bad_watchpoints_are_errors() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let g = guest(&Engine::new(&config));
    let debugger = g.instance.debugger().unwrap();
    assert!(debugger.set_watchpoint(2, 0, 4, WatchKind::Write).is_err());
    assert!(debugger.set_watchpoint(0, 0, 0, WatchKind::Write).is_err());
    assert!(debugger
        .set_watchpoint(0, 0, kestrel::MAX_WATCH_LEN + 1, WatchKind::Write)
        .is_err());
    assert!(debugger
        .set_watchpoint(0, u32::MAX as u64, 2, WatchKind::Write)
        .is_err());
    assert!(debugger.clear_watchpoint(77).is_err());
    let id = debugger
        .set_watchpoint(0, u32::MAX as u64, 1, WatchKind::Read)
        .unwrap();
    assert_eq!(debugger.watchpoints().len(), 1);
    debugger.clear_watchpoint(id).unwrap();
    assert!(debugger.watchpoints().is_empty());
}

/// 50 instances of one module run on 4 threads while the main thread watches one
/// instance at a time: a watchpoint on the word its loop writes, kept until that
/// instance has stopped at it, then cleared. Only the watched instance ever stops, every
/// call's result is right, and the module's code bytes never change.
#[test]
fn watching_one_instance_among_fifty_busy_ones() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::mpsc::channel;
    const INSTANCES: usize = 50;
    const THREADS: usize = 4;
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module
          (memory 1)
          ;; Writes i * 3 to the i32 at 4 * i for i below n; returns their sum, read back.
          (func (export "run") (param $n i32) (result i32) (local $i i32) (local $sum i32)
            (block $done (loop $next
              (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
              (i32.store (i32.shl (local.get $i) (i32.const 2))
                         (i32.mul (local.get $i) (i32.const 3)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $next)))
            (local.set $i (i32.const 0))
            (block $done (loop $next
              (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
              (local.set $sum (i32.add (local.get $sum)
                (i32.load (i32.shl (local.get $i) (i32.const 2)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $next)))
            (local.get $sum)))"#,
    )
    .unwrap();
    let code_before = module.code().to_vec();
    let linker = Linker::new(&engine);
    let instances: Vec<Instance> = (0..INSTANCES)
        .map(|_| linker.instantiate(&module).unwrap())
        .collect();
    // Each instance's handler counts its stops and reports them to the main thread.
    let stops: Arc<Vec<AtomicUsize>> =
        Arc::new((0..INSTANCES).map(|_| AtomicUsize::new(0)).collect());
    let (hit_tx, hit_rx) = channel::<usize>();
    for (k, instance) in instances.iter().enumerate() {
        let (stops, hit_tx) = (stops.clone(), Mutex::new(hit_tx.clone()));
        instance.debugger().unwrap().set_handler(move |event, _| {
            if matches!(event, DebugEvent::Watchpoint(_)) {
                stops[k].fetch_add(1, Ordering::SeqCst);
                let _ = hit_tx.lock().unwrap().send(k);
            }
            Resume::Continue
        });
    }
    let done = Arc::new(AtomicBool::new(false));
    let calls = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..THREADS)
        .map(|t| {
            let mine: Vec<Instance> = instances.iter().skip(t).step_by(THREADS).cloned().collect();
            let (done, calls) = (done.clone(), calls.clone());
            std::thread::spawn(move || {
                let n = 40;
                let expected = 3 * n * (n - 1) / 2;
                while !done.load(Ordering::SeqCst) {
                    for instance in &mine {
                        let got = instance.get_func("run").unwrap().call(&[Val::I32(n)]);
                        assert_eq!(got.unwrap()[0].i32(), Some(expected));
                        calls.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();
    let mut watched = vec![0usize; INSTANCES];
    for round in 0..2 * INSTANCES {
        let k = (round * 7) % INSTANCES;
        let debugger = instances[k].debugger().unwrap();
        let id = debugger
            .set_watchpoint(0, 4 * 10, 4, WatchKind::Write)
            .unwrap();
        watched[k] += 1;
        // Wait for instance k's stop (an event, not a time). A stop of an instance
        // watched before may still arrive (a hit reported as its watchpoint was cleared);
        // one of an instance never watched fails.
        loop {
            let from = hit_rx
                .recv_timeout(std::time::Duration::from_secs(60))
                .expect("the watched instance stops");
            assert!(
                watched[from] > 0,
                "round {round}: instance {from} stopped unwatched"
            );
            if from == k {
                break;
            }
        }
        debugger.clear_watchpoint(id).unwrap();
    }
    done.store(true, Ordering::SeqCst);
    for w in workers {
        w.join().unwrap();
    }
    while let Ok(from) = hit_rx.try_recv() {
        assert!(
            watched[from] > 0,
            "instance {from} stopped without a watchpoint"
        );
    }
    for k in 0..INSTANCES {
        let n = stops[k].load(Ordering::SeqCst);
        assert!(
            n >= watched[k],
            "instance {k}: {n} stops, watched {} times",
            watched[k]
        );
        if watched[k] == 0 {
            assert_eq!(n, 0, "instance {k} was never watched");
        }
    }
    assert!(calls.load(Ordering::SeqCst) > INSTANCES);
    assert_eq!(module.code(), &code_before[..]);
}

/// WASI's own writes into guest memory count: `random_get` filling a watched buffer stops
/// at the site after the call, reported as the host's write.
#[cfg(feature = "wasi")]
#[test]
fn a_wasi_call_writing_a_watched_buffer_stops_after_the_call() {
    use kestrel::wasi::{self, WasiCtxBuilder};
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module
          (import "wasi_snapshot_preview1" "random_get"
            (func $random_get (param i32 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "fill") (result i32)
            (call $random_get (i32.const 64) (i32.const 32))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &WasiCtxBuilder::new().build());
    let instance = linker.instantiate(&module).unwrap();
    let debugger = instance.debugger().unwrap();
    let id = debugger.set_watchpoint(0, 80, 4, WatchKind::Write).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    debugger.set_handler(move |event, frame| {
        if let DebugEvent::Watchpoint(hit) = event {
            let now = frame.read_memory(80, 4).unwrap();
            record
                .lock()
                .unwrap()
                .push((hit.clone(), frame.offset(), now));
        }
        Resume::Continue
    });
    let errno = instance.get_func("fill").unwrap().call(&[]).unwrap();
    assert_eq!(errno[0].i32(), Some(0));
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1, "{seen:?}");
    let (hit, offset, now) = &seen[0];
    assert_eq!((hit.id, hit.addr, hit.len), (id, 80, 4));
    assert!(hit.write && hit.by_host);
    assert_eq!(hit.old.as_deref(), Some(&[0, 0, 0, 0][..]));
    assert_eq!(hit.new.as_ref(), Some(now));
    // Stopped after the call: the accessing instruction is the call, before the stop.
    assert!(hit.access_offset < *offset);
}
