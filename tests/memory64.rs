//! Memory64 and 64-bit tables ("DESIGN: bounds checks" in `compiler::codegen::memory`):
//! a memory beyond 4 GiB written and read above 4 GiB, up to its last byte and one past
//! it; effective addresses that carry past 2^64 trap instead of wrapping; i64 operands of
//! `memory.size`, `memory.grow` (and its -1), fill, copy (also between a 32-bit and a
//! 64-bit memory), init and active data segments at i64 offsets; `memory.grow` past
//! `Config::max_memory64_bytes` failing; 64-bit tables through `call_indirect`,
//! `table.get/set/size/grow/fill/copy` and element segments, an index of 2^32 trapping
//! rather than wrapping to 0; imports matched by index type. Every case runs in every
//! configuration of `support/configs.rs` (plain, debuggable, debugged, explicit bounds,
//! canaries and fuel).

use kestrel::{
    Config, Engine, Error, Extern, Instance, Linker, Memory, MemoryType, Module, TrapKind, Val,
};

#[path = "support/configs.rs"]
mod configs;
use configs::{configs, instantiate};

fn call(instance: &Instance, name: &str, args: &[Val]) -> Result<Vec<Val>, Error> {
    instance.get_func(name).unwrap().call(args)
}

fn call_i64(instance: &Instance, name: &str, args: &[Val]) -> i64 {
    call(instance, name, args).unwrap()[0].i64().unwrap()
}

fn trap_kind(result: Result<Vec<Val>, Error>) -> Option<TrapKind> {
    match result {
        Err(Error::Trap(t)) => Some(t.kind()),
        _ => None,
    }
}

const GIB4: i64 = 1 << 32;

/// A 64-bit memory of 4 GiB + 1 page: bytes above 4 GiB are reached by their own
/// addresses (not wrapped to 32 bits), the last byte is in bounds and the next is not,
/// and the size and growth are i64 page counts.
#[test]
fn a_memory_beyond_4_gib_is_addressed_by_i64() {
    const WAT: &str = r#"
    (module
      (memory (export "mem") i64 65537 65540)
      (func (export "store64") (param i64 i64) (i64.store (local.get 0) (local.get 1)))
      (func (export "load64") (param i64) (result i64) (i64.load (local.get 0)))
      (func (export "load8") (param i64) (result i64) (i64.load8_u (local.get 0)))
      (func (export "load_offset") (param i64) (result i64)
        (i64.load offset=0x100000000 (local.get 0)))
      (func (export "load_const_high") (result i64) (i64.load (i64.const 0x100000010)))
      (func (export "size") (result i64) (memory.size))
      (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0))))
    "#;
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let i = instantiate(&engine, &Linker::new(&engine), WAT, debugged);
        let end = GIB4 + 65536;
        call(
            &i,
            "store64",
            &[Val::I64(GIB4 + 16), Val::I64(0x1122_3344_5566_7788)],
        )
        .unwrap();
        assert_eq!(
            call_i64(&i, "load64", &[Val::I64(GIB4 + 16)]),
            0x1122_3344_5566_7788,
            "{label}"
        );
        // Not wrapped: address 16 is still zero.
        assert_eq!(call_i64(&i, "load64", &[Val::I64(16)]), 0, "{label}");
        assert_eq!(
            call_i64(&i, "load_offset", &[Val::I64(16)]),
            0x1122_3344_5566_7788,
            "{label}"
        );
        assert_eq!(
            call_i64(&i, "load_const_high", &[]),
            0x1122_3344_5566_7788,
            "{label}"
        );
        call(&i, "store64", &[Val::I64(end - 8), Val::I64(-1)]).unwrap();
        assert_eq!(call_i64(&i, "load8", &[Val::I64(end - 1)]), 0xff, "{label}");
        for past in [end, end - 7, i64::MAX, -1] {
            assert_eq!(
                trap_kind(call(&i, "load64", &[Val::I64(past)])),
                Some(TrapKind::MemoryOutOfBounds),
                "{label}: i64.load at {past:#x}"
            );
        }
        assert_eq!(
            trap_kind(call(&i, "load8", &[Val::I64(end)])),
            Some(TrapKind::MemoryOutOfBounds),
            "{label}"
        );
        let Some(Extern::Memory(mem)) = i.get_export("mem") else {
            panic!("the memory")
        };
        assert!(mem.ty().memory64);
        let mut byte = [0u8];
        mem.read((GIB4 + 16) as usize, &mut byte).unwrap();
        assert_eq!(byte[0], 0x88, "{label}: the host sees the same byte");
        assert_eq!(call_i64(&i, "size", &[]), 65537, "{label}");
        assert_eq!(call_i64(&i, "grow", &[Val::I64(2)]), 65537, "{label}");
        // Past the declared maximum, and a delta of 2^32 pages (not wrapped to 0): -1.
        assert_eq!(call_i64(&i, "grow", &[Val::I64(2)]), -1, "{label}");
        assert_eq!(call_i64(&i, "grow", &[Val::I64(GIB4)]), -1, "{label}");
        assert_eq!(call_i64(&i, "size", &[]), 65539, "{label}");
        call(
            &i,
            "store64",
            &[Val::I64(GIB4 + 3 * 65536 - 8), Val::I64(7)],
        )
        .unwrap();
    }
}

/// Effective addresses whose sum `address + offset (+ size)` passes 2^64 trap: a wrap
/// would land at the start of the memory.
#[test]
fn effective_addresses_that_carry_trap() {
    const WAT: &str = r#"
    (module
      (memory i64 1)
      (data (i64.const 0) "\2a")
      (func (export "small_offset") (param i64) (result i32)
        (i32.load8_u offset=16 (local.get 0)))
      (func (export "huge_offset") (param i64) (result i32)
        (i32.load8_u offset=0xfffffffffffffff0 (local.get 0)))
      (func (export "const_huge") (result i32)
        (i32.load8_u offset=0xfffffffffffffff0 (i64.const 0x10)))
      (func (export "store_huge") (param i64)
        (i64.store offset=0xfffffffffffffff8 (local.get 0) (i64.const 1))))
    "#;
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let i = instantiate(&engine, &Linker::new(&engine), WAT, debugged);
        let oob = Some(TrapKind::MemoryOutOfBounds);
        assert_eq!(
            trap_kind(call(&i, "small_offset", &[Val::I64(-16)])),
            oob,
            "{label}"
        );
        assert_eq!(
            trap_kind(call(&i, "huge_offset", &[Val::I64(0x10)])),
            oob,
            "{label}"
        );
        assert_eq!(
            trap_kind(call(&i, "huge_offset", &[Val::I64(0)])),
            oob,
            "{label}"
        );
        assert_eq!(trap_kind(call(&i, "const_huge", &[])), oob, "{label}");
        assert_eq!(
            trap_kind(call(&i, "store_huge", &[Val::I64(8)])),
            oob,
            "{label}"
        );
        // In bounds with a small offset: the data byte.
        let got = call(&i, "small_offset", &[Val::I64(-16i64 + 16)]).unwrap();
        assert_eq!(got[0].i32(), Some(0), "{label}");
    }
}

/// Bulk operations and data segments with i64 operands, on a 64-bit memory 1 beside a
/// 32-bit memory 0; a copy between them takes an i32 length.
#[test]
fn bulk_operations_and_segments_take_i64_operands() {
    const WAT: &str = r#"
    (module
      (memory $small 1)
      (memory $big (export "big") i64 65538)
      (data (memory $big) (i64.const 0x100000004) "wide")
      (data $passive "passive")
      (func (export "fill") (param i64 i32 i64) (memory.fill $big (local.get 0) (local.get 1) (local.get 2)))
      (func (export "copy_within") (param i64 i64 i64)
        (memory.copy $big $big (local.get 0) (local.get 1) (local.get 2)))
      (func (export "copy_down") (param i32 i64 i32)
        (memory.copy $small $big (local.get 0) (local.get 1) (local.get 2)))
      (func (export "copy_up") (param i64 i32 i32)
        (memory.copy $big $small (local.get 0) (local.get 1) (local.get 2)))
      (func (export "init") (param i64 i32 i32) (memory.init $big $passive (local.get 0) (local.get 1) (local.get 2)))
      (func (export "small8") (param i32) (result i32) (i32.load8_u $small (local.get 0)))
      (func (export "big8") (param i64) (result i32) (i32.load8_u $big (local.get 0))))
    "#;
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let i = instantiate(&engine, &Linker::new(&engine), WAT, debugged);
        let big8 = |a: i64| call(&i, "big8", &[Val::I64(a)]).unwrap()[0].i32().unwrap() as u8;
        let small8 = |a: i32| {
            call(&i, "small8", &[Val::I32(a)]).unwrap()[0]
                .i32()
                .unwrap() as u8
        };
        assert_eq!(
            big8(GIB4 + 4),
            b'w',
            "{label}: the active segment at an i64 offset"
        );
        assert_eq!(big8(4), 0, "{label}");
        call(
            &i,
            "fill",
            &[Val::I64(GIB4 + 100), Val::I32(7), Val::I64(3)],
        )
        .unwrap();
        assert_eq!(
            [
                big8(GIB4 + 99),
                big8(GIB4 + 100),
                big8(GIB4 + 102),
                big8(GIB4 + 103)
            ],
            [0, 7, 7, 0],
            "{label}"
        );
        call(
            &i,
            "copy_within",
            &[Val::I64(GIB4 + 200), Val::I64(GIB4 + 4), Val::I64(4)],
        )
        .unwrap();
        assert_eq!(big8(GIB4 + 203), b'e', "{label}");
        call(
            &i,
            "copy_down",
            &[Val::I32(10), Val::I64(GIB4 + 4), Val::I32(4)],
        )
        .unwrap();
        assert_eq!(small8(10), b'w', "{label}: copied from above 4 GiB");
        call(
            &i,
            "copy_up",
            &[Val::I64(GIB4 + 300), Val::I32(10), Val::I32(2)],
        )
        .unwrap();
        assert_eq!(big8(GIB4 + 301), b'i', "{label}");
        call(
            &i,
            "init",
            &[Val::I64(GIB4 + 400), Val::I32(1), Val::I32(3)],
        )
        .unwrap();
        assert_eq!(big8(GIB4 + 400), b'a', "{label}");
        let end = GIB4 + 2 * 65536;
        let oob = Some(TrapKind::MemoryOutOfBounds);
        assert_eq!(
            trap_kind(call(
                &i,
                "fill",
                &[Val::I64(end - 2), Val::I32(1), Val::I64(3)]
            )),
            oob,
            "{label}"
        );
        assert_eq!(
            trap_kind(call(&i, "fill", &[Val::I64(1), Val::I32(1), Val::I64(-1)])),
            oob,
            "{label}"
        );
        // A length of 2^33 + 1 is not wrapped to 1.
        assert_eq!(
            trap_kind(call(
                &i,
                "copy_within",
                &[Val::I64(0), Val::I64(8), Val::I64(2 * GIB4 + 1)]
            )),
            oob,
            "{label}"
        );
        assert_eq!(
            trap_kind(call(
                &i,
                "copy_down",
                &[Val::I32(0), Val::I64(end - 1), Val::I32(2)]
            )),
            oob,
            "{label}"
        );
        assert_eq!(
            trap_kind(call(
                &i,
                "init",
                &[Val::I64(end - 1), Val::I32(0), Val::I32(2)]
            )),
            oob,
            "{label}"
        );
        call(&i, "fill", &[Val::I64(end - 3), Val::I32(9), Val::I64(3)]).unwrap();
        assert_eq!(big8(end - 1), 9, "{label}");
    }
}

/// A 64-bit memory's growth stops at `Config::max_memory64_bytes` (its reservation), and
/// one whose minimum exceeds it is refused at instantiation.
#[test]
fn growth_stops_at_the_configured_maximum() {
    let mut config = Config::new();
    config.max_memory64_bytes(4 * 65536);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module (memory i64 1)
             (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0))))"#,
    )
    .unwrap();
    let i = Linker::new(&engine).instantiate(&module).unwrap();
    assert_eq!(call_i64(&i, "grow", &[Val::I64(3)]), 1);
    assert_eq!(call_i64(&i, "grow", &[Val::I64(1)]), -1);
    assert_eq!(call_i64(&i, "grow", &[Val::I64(0)]), 4);
    let big = Module::new(&engine, "(module (memory i64 5))").unwrap();
    assert!(matches!(
        Linker::new(&engine).instantiate(&big),
        Err(Error::Resource(_))
    ));
}

/// 64-bit tables: `call_indirect` and every table instruction with i64 indices; an
/// index of 2^32 traps rather than wrapping to 0.
#[test]
fn tables_with_i64_indices() {
    const WAT: &str = r#"
    (module
      (type $v (func (result i32)))
      (table $t (export "t") i64 4 8 funcref)
      (table $u i64 2 funcref)
      (elem (table $t) (i64.const 1) func $one $two)
      (func $one (result i32) (i32.const 1))
      (func $two (result i32) (i32.const 2))
      (func (export "call") (param i64) (result i32) (call_indirect $t (type $v) (local.get 0)))
      (func (export "is_null") (param i64) (result i32) (ref.is_null (table.get $t (local.get 0))))
      (func (export "set") (param i64 i64) (table.set $t (local.get 0) (table.get $t (local.get 1))))
      (func (export "size") (result i64) (table.size $t))
      (func (export "grow") (param i64) (result i64) (table.grow $t (ref.null func) (local.get 0)))
      (func (export "fill") (param i64 i64 i64)
        (table.fill $t (local.get 0) (table.get $t (local.get 1)) (local.get 2)))
      (func (export "copy") (param i64 i64 i64) (table.copy $u $t (local.get 0) (local.get 1) (local.get 2)))
      (func (export "call_u") (param i64) (result i32) (call_indirect $u (type $v) (local.get 0))))
    "#;
    for (label, config, debugged) in configs() {
        let engine = Engine::new(&config);
        let i = instantiate(&engine, &Linker::new(&engine), WAT, debugged);
        let call_t = |n: i64| call(&i, "call", &[Val::I64(n)]);
        assert_eq!(call_t(1).unwrap()[0].i32(), Some(1), "{label}");
        assert_eq!(call_t(2).unwrap()[0].i32(), Some(2), "{label}");
        assert_eq!(
            trap_kind(call_t(GIB4 + 1)),
            Some(TrapKind::UndefinedElement),
            "{label}"
        );
        assert_eq!(
            trap_kind(call_t(-1)),
            Some(TrapKind::UndefinedElement),
            "{label}"
        );
        assert_eq!(
            trap_kind(call_t(0)),
            Some(TrapKind::UninitializedElement),
            "{label}"
        );
        assert_eq!(
            trap_kind(call(&i, "is_null", &[Val::I64(GIB4)])),
            Some(TrapKind::TableOutOfBounds),
            "{label}"
        );
        call(&i, "set", &[Val::I64(3), Val::I64(2)]).unwrap();
        assert_eq!(call_t(3).unwrap()[0].i32(), Some(2), "{label}");
        assert_eq!(
            trap_kind(call(&i, "set", &[Val::I64(GIB4 + 3), Val::I64(2)])),
            Some(TrapKind::TableOutOfBounds),
            "{label}"
        );
        assert_eq!(call_i64(&i, "size", &[]), 4, "{label}");
        assert_eq!(call_i64(&i, "grow", &[Val::I64(2)]), 4, "{label}");
        assert_eq!(call_i64(&i, "grow", &[Val::I64(GIB4)]), -1, "{label}");
        assert_eq!(call_i64(&i, "grow", &[Val::I64(3)]), -1, "{label}");
        assert_eq!(call_i64(&i, "size", &[]), 6, "{label}");
        call(&i, "fill", &[Val::I64(4), Val::I64(1), Val::I64(2)]).unwrap();
        assert_eq!(call_t(5).unwrap()[0].i32(), Some(1), "{label}");
        assert_eq!(
            trap_kind(call(
                &i,
                "fill",
                &[Val::I64(4), Val::I64(1), Val::I64(GIB4 + 1)]
            )),
            Some(TrapKind::TableOutOfBounds),
            "{label}"
        );
        call(&i, "copy", &[Val::I64(0), Val::I64(1), Val::I64(2)]).unwrap();
        let call_u = |n: i64| call(&i, "call_u", &[Val::I64(n)]).unwrap()[0].i32();
        assert_eq!((call_u(0), call_u(1)), (Some(1), Some(2)), "{label}");
    }
}

/// A 64-bit memory or table imports only as one, and a 32-bit one only as a 32-bit one.
#[test]
fn imports_match_by_index_type() {
    let engine = Engine::default();
    let wide = Memory::new(&engine, MemoryType::new64(1, None)).unwrap();
    let narrow = Memory::new(&engine, MemoryType::new(1, None)).unwrap();
    let wants_wide = Module::new(&engine, r#"(module (import "m" "mem" (memory i64 1)))"#).unwrap();
    let wants_narrow = Module::new(&engine, r#"(module (import "m" "mem" (memory 1)))"#).unwrap();
    for (module, mem, ok) in [
        (&wants_wide, &wide, true),
        (&wants_wide, &narrow, false),
        (&wants_narrow, &wide, false),
        (&wants_narrow, &narrow, true),
    ] {
        let mut linker = Linker::new(&engine);
        linker.define("m", "mem", mem.clone());
        assert_eq!(linker.instantiate(module).is_ok(), ok);
    }
    let tables = Module::new(
        &engine,
        r#"(module (table (export "t") i64 1 funcref) (table (export "u") 1 funcref))"#,
    )
    .unwrap();
    let exporter = Linker::new(&engine).instantiate(&tables).unwrap();
    let wants = Module::new(
        &engine,
        r#"(module (import "m" "t" (table i64 1 funcref)))"#,
    )
    .unwrap();
    for (name, ok) in [("t", true), ("u", false)] {
        let mut linker = Linker::new(&engine);
        let Some(Extern::Table(t)) = exporter.get_export(name) else {
            panic!("a table")
        };
        linker.define("m", "t", t);
        assert_eq!(linker.instantiate(&wants).is_ok(), ok, "table {name}");
    }
    // Off: refused as invalid.
    let mut off = Config::new();
    off.memory64(false);
    assert!(Module::new(&Engine::new(&off), "(module (memory i64 1))").is_err());
}

/// The debugger watches and reads a 64-bit memory above 4 GiB: a write watchpoint there
/// stops right after the store, with the address and the old bytes, and the stopped
/// frame reads the new ones; a store to the same offset modulo 2^32 does not stop.
#[test]
fn a_debugger_watches_and_reads_above_4_gib() {
    use kestrel::{DebugEvent, Resume, WatchKind};
    use std::sync::{Arc, Mutex};
    const WAT: &str = r#"
    (module
      (memory i64 65537)
      (func (export "store") (param i64 i64) (i64.store (local.get 0) (local.get 1))))
    "#;
    let mut lazy = Config::new();
    lazy.debug_instrumentation(true);
    let mut explicit = lazy.clone();
    explicit.bounds_checks(kestrel::BoundsChecks::Explicit);
    for (label, config) in [("lazy", lazy), ("explicit", explicit)] {
        let engine = Engine::new(&config);
        let i = instantiate(&engine, &Linker::new(&engine), WAT, false);
        let debugger = i.debugger().unwrap();
        debugger
            .set_watchpoint(0, (GIB4 + 8) as u64, 8, WatchKind::Write)
            .unwrap();
        type Seen = Vec<(u64, Option<Vec<u8>>, Vec<u8>)>;
        let seen: Arc<Mutex<Seen>> = Arc::default();
        let record = seen.clone();
        debugger.set_handler(move |event, frame| {
            if let DebugEvent::Watchpoint(hit) = event {
                let now = frame.read_memory_in(0, hit.addr as usize, 8).unwrap();
                record
                    .lock()
                    .unwrap()
                    .push((hit.addr, hit.old.clone(), now));
            }
            Resume::Continue
        });
        call(&i, "store", &[Val::I64(8), Val::I64(5)]).unwrap();
        call(&i, "store", &[Val::I64(GIB4 + 8), Val::I64(0x0102)]).unwrap();
        assert_eq!(
            *seen.lock().unwrap(),
            vec![(
                (GIB4 + 8) as u64,
                Some(vec![0; 8]),
                vec![2, 1, 0, 0, 0, 0, 0, 0]
            )],
            "{label}"
        );
    }
}
