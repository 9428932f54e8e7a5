//! Multi-memory ("DESIGN: memories other than memory 0" in `compiler::codegen::memory`):
//! every load and store width on memories 0, 1 and 2, checked byte for byte through the
//! exported memory handles, at the last in-bounds address and one past it, with constant
//! addresses, computed ones and offsets too large for a displacement; `memory.size` and
//! `memory.grow` of each memory, seen by the module, by the exported handle and by an
//! instance importing it; the limiter asked about each memory's growth; fill, copy
//! (between memories, and between two indices naming one memory), init and `data.drop` on
//! memories other than 0; vectors on memory 1 on both vector paths; the debugger reading
//! and writing memory 1; a `.kwasm` round trip; and `Config::multi_memory(false)`.
//! Every configuration that changes code runs the same checks.

use kestrel::{
    BoundsChecks, Config, Engine, Error, Extern, Instance, InstrumentedVersions, Linker, Memory,
    MemoryType, Module, ResourceLimiter, Resume, TrapKind, Val, VectorInstructions, PAGE_SIZE,
};
use std::sync::{Arc, Mutex};

/// (label, configuration, what every function's debugger does, if it is debugged).
fn configs() -> Vec<(&'static str, Config, Option<Resume>)> {
    let plain = Config::new();
    let mut explicit = Config::new();
    explicit.bounds_checks(BoundsChecks::Explicit);
    let mut sse41 = Config::new();
    sse41.vector_instructions(VectorInstructions::Sse41);
    let mut canaries = Config::new();
    canaries.convention_canaries(true).consume_fuel(true);
    let mut debug = Config::new();
    debug.debug_instrumentation(true);
    let mut eager = debug.clone();
    eager.instrumented_versions(InstrumentedVersions::Eager);
    let mut debug_explicit = debug.clone();
    debug_explicit.bounds_checks(BoundsChecks::Explicit);
    vec![
        ("plain", plain, None),
        ("explicit bounds", explicit, None),
        ("sse4.1", sse41, None),
        ("canaries and fuel", canaries, None),
        ("debug", debug.clone(), None),
        ("debug eager", eager, None),
        ("debugged", debug, Some(Resume::StepInto)),
        (
            "debugged, explicit bounds",
            debug_explicit,
            Some(Resume::Continue),
        ),
    ]
}

/// What the loaded bytes `b` (little-endian, zero-padded) become as an i64 result.
type Extend = fn(u64) -> i64;

/// Loads: (name, size in bytes, how the result extends the bytes).
const LOADS: &[(&str, u32, Extend)] = &[
    ("i32.load", 4, |b| b as u32 as i32 as i64),
    ("i64.load", 8, |b| b as i64),
    ("f32.load", 4, |b| b as u32 as i64),
    ("f64.load", 8, |b| b as i64),
    ("i32.load8_s", 1, |b| b as i8 as i64),
    ("i32.load8_u", 1, |b| b as u8 as i64),
    ("i32.load16_s", 2, |b| b as i16 as i64),
    ("i32.load16_u", 2, |b| b as u16 as i64),
    ("i64.load8_s", 1, |b| b as i8 as i64),
    ("i64.load8_u", 1, |b| b as u8 as i64),
    ("i64.load16_s", 2, |b| b as i16 as i64),
    ("i64.load16_u", 2, |b| b as u16 as i64),
    ("i64.load32_s", 4, |b| b as i32 as i64),
    ("i64.load32_u", 4, |b| b as u32 as i64),
    ("v128.load", 16, |b| b as i64),
];

/// Stores: (name, size in bytes).
const STORES: &[(&str, u32)] = &[
    ("i32.store", 4),
    ("i64.store", 8),
    ("f32.store", 4),
    ("f64.store", 8),
    ("i32.store8", 1),
    ("i32.store16", 2),
    ("i64.store8", 1),
    ("i64.store16", 2),
    ("i64.store32", 4),
    ("v128.store", 16),
];

/// Memory sizes in pages (initial, maximum) of the guest's three memories.
const MEMORIES: [(u32, u32); 3] = [(1, 4), (2, 4), (0, 2)];

/// The load `op` on memory `m` with address `addr` and static `offset`, as an i64.
fn load_expr(op: &str, m: usize, offset: u64, addr: &str) -> String {
    let load = format!("({op} {m} offset={offset} {addr})");
    match op {
        "i32.load" | "i32.load8_s" | "i32.load8_u" | "i32.load16_s" | "i32.load16_u" => {
            format!("(i64.extend_i32_s {load})")
        }
        "f32.load" => format!("(i64.extend_i32_u (i32.reinterpret_f32 {load}))"),
        "f64.load" => format!("(i64.reinterpret_f64 {load})"),
        "v128.load" => format!("(i64x2.extract_lane 0 {load})"),
        _ => load,
    }
}

/// The store `op` on memory `m` of the i64 `value`, converted to the stored type.
fn store_expr(op: &str, m: usize, offset: u64, addr: &str, value: &str) -> String {
    let value = match op {
        "i32.store" | "i32.store8" | "i32.store16" => format!("(i32.wrap_i64 {value})"),
        "f32.store" => format!("(f32.reinterpret_i32 (i32.wrap_i64 {value}))"),
        "f64.store" => format!("(f64.reinterpret_i64 {value})"),
        // The value in both halves, so every stored byte is checked.
        "v128.store" => format!("(i64x2.splat {value})"),
        _ => value.to_string(),
    };
    format!("({op} {m} offset={offset} {addr} {value})")
}

/// The guest: per memory and operator, a load and a store at a computed address, at a
/// computed address plus an offset past `i32::MAX`, and at a constant address; size,
/// grow and the bulk operations of each memory.
fn guest() -> String {
    let mut wat = String::from("(module\n");
    for (i, (min, max)) in MEMORIES.iter().enumerate() {
        wat += &format!("  (memory (export \"m{i}\") {min} {max})\n");
    }
    wat += "  (data (memory 1) (i32.const 100) \"\\01\\02\\03\\04\")\n";
    wat += "  (data $passive \"kestrel\")\n";
    for m in 0..MEMORIES.len() {
        for (op, _, _) in LOADS {
            let name = op.replace('.', "_");
            wat += &format!(
                "  (func (export \"{name}_{m}\") (param i32) (result i64) {})\n",
                load_expr(op, m, 0, "(local.get 0)")
            );
            // The address plus an offset past i32::MAX: in bounds only for address 0 - ...
            // never, so always a trap (the large-offset path of the address).
            wat += &format!(
                "  (func (export \"{name}_{m}_far\") (param i32) (result i64) {})\n",
                load_expr(op, m, 0x8000_0000, "(local.get 0)")
            );
            wat += &format!(
                "  (func (export \"{name}_{m}_const\") (result i64) {})\n",
                load_expr(op, m, 40, "(i32.const 8)")
            );
        }
        for (op, _) in STORES {
            let name = op.replace('.', "_");
            wat += &format!(
                "  (func (export \"{name}_{m}\") (param i32 i64) {})\n",
                store_expr(op, m, 0, "(local.get 0)", "(local.get 1)")
            );
            wat += &format!(
                "  (func (export \"{name}_{m}_const\") (param i64) {})\n",
                store_expr(op, m, 40, "(i32.const 8)", "(local.get 0)")
            );
        }
        wat += &format!(
            "  (func (export \"size_{m}\") (result i32) (memory.size {m}))
  (func (export \"grow_{m}\") (param i32) (result i32) (memory.grow {m} (local.get 0)))
  (func (export \"fill_{m}\") (param i32 i32 i32)
    (memory.fill {m} (local.get 0) (local.get 1) (local.get 2)))
  (func (export \"init_{m}\") (param i32 i32 i32)
    (memory.init {m} $passive (local.get 0) (local.get 1) (local.get 2)))
"
        );
        for n in 0..MEMORIES.len() {
            wat += &format!(
                "  (func (export \"copy_{m}_{n}\") (param i32 i32 i32)
    (memory.copy {m} {n} (local.get 0) (local.get 1) (local.get 2)))\n"
            );
        }
    }
    wat += "  (func (export \"drop\") (data.drop $passive))\n";
    // A load whose address register also takes the result, with memory 1's base in rax:
    // both must survive the other's use.
    wat += "  (func (export \"chain\") (param i32) (result i32)
    (i32.load 1 (i32.load 1 (i32.load 0 (local.get 0)))))\n";
    wat += ")\n";
    wat
}

/// The instance and, for a debugged configuration, a debugger stopping at every
/// function's entry and resuming with `resume`.
fn instantiate(engine: &Engine, module: &Module, resume: Option<Resume>) -> Instance {
    let instance = Linker::new(engine).instantiate(module).unwrap();
    if let Some(resume) = resume {
        let debugger = instance.debugger().unwrap();
        for f in 0..module.num_funcs() {
            debugger.set_entry_breakpoint(f).unwrap();
        }
        debugger.set_handler(move |_, _| resume);
    }
    instance
}

fn call(instance: &Instance, name: &str, args: &[Val]) -> Result<Vec<Val>, Error> {
    instance
        .get_func(name)
        .unwrap_or_else(|| panic!("no export {name}"))
        .call(args)
}

fn call_i32(instance: &Instance, name: &str, args: &[Val]) -> i32 {
    call(instance, name, args).unwrap()[0].i32().unwrap()
}

fn call_i64(instance: &Instance, name: &str, args: &[Val]) -> Result<i64, Error> {
    Ok(call(instance, name, args)?[0].i64().unwrap())
}

fn assert_oob<T: std::fmt::Debug>(result: Result<T, Error>, what: &str) {
    match result {
        Err(Error::Trap(t)) => assert_eq!(t.kind(), TrapKind::MemoryOutOfBounds, "{what}: {t}"),
        other => panic!("{what}: expected an out-of-bounds trap, got {other:?}"),
    }
}

fn memory(instance: &Instance, m: usize) -> Memory {
    instance.get_memory(&format!("m{m}")).unwrap()
}

fn read(memory: &Memory, addr: usize, len: usize) -> Vec<u8> {
    let mut buf = vec![0; len];
    memory.read(addr, &mut buf).unwrap();
    buf
}

/// Bytes that differ per memory and address, so a wrong memory or address shows.
fn pattern(m: usize, addr: usize, len: usize) -> Vec<u8> {
    (0..len)
        .map(|i| (0x81 + 37 * m + 11 * (addr + i)) as u8)
        .collect()
}

/// The little-endian value of up to 8 bytes.
fn le(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(8)
        .rev()
        .fold(0, |acc, &b| (acc << 8) | b as u64)
}

#[test]
fn every_width_reads_and_writes_its_own_memory_up_to_its_end() {
    let wat = guest();
    for (label, config, resume) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, &wat).unwrap();
        let instance = instantiate(&engine, &module, resume);
        // Memory 2 starts empty: every access traps until it grows.
        assert_oob(
            call_i64(&instance, "i32_load8_u_2", &[Val::I32(0)]),
            &format!("{label}: empty memory 2"),
        );
        assert_eq!(call_i32(&instance, "grow_2", &[Val::I32(1)]), 0, "{label}");
        for m in 0..MEMORIES.len() {
            let mem = memory(&instance, m);
            let len = mem.data_size();
            let what = |op: &str| format!("{label}: {op} on memory {m}");
            for &(op, size, extend) in LOADS {
                let name = op.replace('.', "_");
                let size = size as usize;
                for addr in [0, 8, len / 2 + 3, len - size] {
                    let bytes = pattern(m, addr, size);
                    mem.write(addr, &bytes).unwrap();
                    let got = call_i64(&instance, &format!("{name}_{m}"), &[Val::I32(addr as i32)]);
                    assert_eq!(got.unwrap(), extend(le(&bytes)), "{} at {addr}", what(op));
                }
                for addr in [len - size + 1, len, u32::MAX as usize] {
                    let got = call_i64(&instance, &format!("{name}_{m}"), &[Val::I32(addr as i32)]);
                    assert_oob(got, &format!("{} at {addr}", what(op)));
                }
                assert_oob(
                    call_i64(&instance, &format!("{name}_{m}_far"), &[Val::I32(0)]),
                    &format!("{} past i32::MAX", what(op)),
                );
                let bytes = pattern(m, 48, size);
                mem.write(48, &bytes).unwrap();
                let got = call_i64(&instance, &format!("{name}_{m}_const"), &[]);
                assert_eq!(got.unwrap(), extend(le(&bytes)), "{} at 8+40", what(op));
            }
            for &(op, size) in STORES {
                let name = op.replace('.', "_");
                let size = size as usize;
                let value = 0x0123_4567_89ab_cdef_u64 ^ (m as u64 * 0x1111);
                let expected: Vec<u8> = value
                    .to_le_bytes()
                    .iter()
                    .cycle()
                    .take(size)
                    .copied()
                    .collect();
                for addr in [0, 24, len - size] {
                    mem.write(addr, &vec![0; size]).unwrap();
                    call(
                        &instance,
                        &format!("{name}_{m}"),
                        &[Val::I32(addr as i32), Val::I64(value as i64)],
                    )
                    .unwrap();
                    assert_eq!(read(&mem, addr, size), expected, "{} at {addr}", what(op));
                }
                for addr in [len - size + 1, len] {
                    let got = call(
                        &instance,
                        &format!("{name}_{m}"),
                        &[Val::I32(addr as i32), Val::I64(1)],
                    );
                    assert_oob(got, &format!("{} at {addr}", what(op)));
                }
                mem.write(48, &vec![0; size]).unwrap();
                call(
                    &instance,
                    &format!("{name}_{m}_const"),
                    &[Val::I64(value as i64)],
                )
                .unwrap();
                assert_eq!(read(&mem, 48, size), expected, "{} at 8+40", what(op));
            }
        }
        // Each memory kept its own bytes at the same address.
        for m in 0..MEMORIES.len() {
            memory(&instance, m).write(200, &[m as u8 + 1]).unwrap();
        }
        for m in 0..MEMORIES.len() {
            let got = call_i64(&instance, &format!("i32_load8_u_{m}"), &[Val::I32(200)]);
            assert_eq!(got.unwrap(), m as i64 + 1, "{label}: memory {m} at 200");
        }
        // chain: memory 0 at 0 holds 64; memory 1 at 64 holds 128; memory 1 at 128 holds 7.
        memory(&instance, 0).write(0, &64u32.to_le_bytes()).unwrap();
        memory(&instance, 1)
            .write(64, &128u32.to_le_bytes())
            .unwrap();
        memory(&instance, 1)
            .write(128, &7u32.to_le_bytes())
            .unwrap();
        assert_eq!(call_i32(&instance, "chain", &[Val::I32(0)]), 7, "{label}");
    }
}

#[test]
fn size_and_grow_are_per_memory_and_seen_everywhere() {
    let wat = guest();
    let importer = r#"(module
      (import "guest" "m0" (memory 1 4))
      (import "guest" "m1" (memory 1 4))
      (func (export "size") (result i32) (memory.size 1))
      (func (export "load") (param i32) (result i32) (i32.load8_u 1 (local.get 0))))"#;
    for (label, config, resume) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, &wat).unwrap();
        let instance = instantiate(&engine, &module, resume);
        let other = Module::new(&engine, importer).unwrap();
        let mut linker = Linker::new(&engine);
        linker.instance("guest", &instance);
        let other = linker.instantiate(&other).unwrap();
        let sizes = |i: &Instance| -> Vec<i32> {
            (0..3)
                .map(|m| call_i32(i, &format!("size_{m}"), &[]))
                .collect()
        };
        assert_eq!(sizes(&instance), [1, 2, 0], "{label}");
        assert_eq!(call_i32(&other, "size", &[]), 2, "{label}");
        assert_oob(
            call(&other, "load", &[Val::I32(2 * PAGE_SIZE as i32)]),
            &format!("{label}: importer past memory 1's end"),
        );
        assert_eq!(call_i32(&instance, "grow_1", &[Val::I32(1)]), 2, "{label}");
        assert_eq!(sizes(&instance), [1, 3, 0], "{label}");
        assert_eq!(memory(&instance, 1).size(), 3, "{label}");
        assert_eq!(call_i32(&other, "size", &[]), 3, "{label}");
        memory(&instance, 1).write(2 * PAGE_SIZE, &[42]).unwrap();
        assert_eq!(
            call_i32(&other, "load", &[Val::I32(2 * PAGE_SIZE as i32)]),
            42,
            "{label}: the importer reads the grown page"
        );
        // Past the maximum (4 pages): refused, nothing changes.
        assert_eq!(call_i32(&instance, "grow_1", &[Val::I32(2)]), -1, "{label}");
        assert_eq!(call_i32(&instance, "grow_2", &[Val::I32(3)]), -1, "{label}");
        assert_eq!(call_i32(&instance, "grow_0", &[Val::I32(3)]), 1, "{label}");
        assert_eq!(sizes(&instance), [4, 3, 0], "{label}");
        // The host grows memory 2; the code sees it.
        memory(&instance, 2).grow(2).unwrap();
        assert_eq!(sizes(&instance), [4, 3, 2], "{label}");
        let last = 2 * PAGE_SIZE as i32 - 1;
        memory(&instance, 2).write(last as usize, &[9]).unwrap();
        let got = call_i64(&instance, "i32_load8_u_2", &[Val::I32(last)]);
        assert_eq!(got.unwrap(), 9, "{label}");
    }
}

/// Records what the limiter is asked: (current, desired) bytes; refuses past 3 pages.
struct Recorder(Arc<Mutex<Vec<(usize, usize)>>>);

impl ResourceLimiter for Recorder {
    fn memory_growing(&self, current: usize, desired: usize, _maximum: Option<usize>) -> bool {
        self.0.lock().unwrap().push((current, desired));
        desired <= 3 * PAGE_SIZE
    }
    fn table_growing(&self, _current: u32, _desired: u32, _maximum: Option<u32>) -> bool {
        true
    }
}

#[test]
fn the_limiter_decides_every_memorys_growth() {
    let wat = guest();
    for (label, config, _) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, &wat).unwrap();
        let asked = Arc::new(Mutex::new(Vec::new()));
        let instance = Linker::new(&engine)
            .limiter(Recorder(asked.clone()))
            .instantiate(&module)
            .unwrap();
        let page = PAGE_SIZE;
        // Instantiation asked about each memory's initial size.
        let initial: Vec<usize> = asked.lock().unwrap().iter().map(|a| a.1).collect();
        assert_eq!(initial, [page, 2 * page, 0], "{label}");
        asked.lock().unwrap().clear();
        assert_eq!(call_i32(&instance, "grow_1", &[Val::I32(1)]), 2, "{label}");
        assert_eq!(call_i32(&instance, "grow_1", &[Val::I32(1)]), -1, "{label}");
        assert_eq!(call_i32(&instance, "grow_2", &[Val::I32(1)]), 0, "{label}");
        assert_eq!(
            *asked.lock().unwrap(),
            [(2 * page, 3 * page), (3 * page, 4 * page), (0, page)],
            "{label}"
        );
        // A module whose memory 2 starts larger than the limiter allows is refused.
        let big = Module::new(&engine, "(module (memory 1) (memory 1) (memory 4))").unwrap();
        let refused = Linker::new(&engine)
            .limiter(Recorder(Arc::new(Mutex::new(Vec::new()))))
            .instantiate(&big);
        assert!(refused.is_err(), "{label}: memory 2's initial size");
    }
}

#[test]
fn bulk_operations_check_each_range_against_its_own_memory() {
    let wat = guest();
    let page = PAGE_SIZE as i32;
    for (label, config, resume) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, &wat).unwrap();
        let instance = instantiate(&engine, &module, resume);
        let (m0, m1) = (memory(&instance, 0), memory(&instance, 1));
        assert_eq!(read(&m1, 100, 4), [1, 2, 3, 4], "{label}: active segment");
        assert_eq!(read(&m0, 100, 4), [0; 4], "{label}: not in memory 0");
        let args = |a: i32, b: i32, c: i32| [Val::I32(a), Val::I32(b), Val::I32(c)];
        call(&instance, "fill_1", &args(10, 0xab, 5)).unwrap();
        assert_eq!(
            read(&m1, 9, 7),
            [0, 0xab, 0xab, 0xab, 0xab, 0xab, 0],
            "{label}"
        );
        assert_eq!(read(&m0, 10, 5), [0; 5], "{label}");
        assert_oob(
            call(&instance, "fill_1", &args(2 * page - 4, 1, 5)),
            &format!("{label}: fill past memory 1"),
        );
        // Memory 1 to memory 0, and back.
        call(&instance, "copy_0_1", &args(300, 100, 4)).unwrap();
        assert_eq!(read(&m0, 300, 4), [1, 2, 3, 4], "{label}");
        m0.write(400, b"wasm").unwrap();
        call(&instance, "copy_1_0", &args(2 * page - 4, 400, 4)).unwrap();
        assert_eq!(read(&m1, 2 * page as usize - 4, 4), b"wasm", "{label}");
        // A source range valid in memory 1 (2 pages) is checked against memory 1, the
        // destination against memory 0 (1 page).
        assert_oob(
            call(&instance, "copy_0_1", &args(page - 2, 0, 4)),
            &format!("{label}: destination past memory 0"),
        );
        call(&instance, "copy_0_1", &args(page - 4, 2 * page - 4, 4)).unwrap();
        assert_eq!(read(&m0, page as usize - 4, 4), b"wasm", "{label}");
        assert_oob(
            call(&instance, "copy_1_0", &args(0, page - 2, 4)),
            &format!("{label}: source past memory 0"),
        );
        // Within memory 1, overlapping: a memmove.
        call(&instance, "copy_1_1", &args(102, 100, 4)).unwrap();
        assert_eq!(read(&m1, 100, 6), [1, 2, 1, 2, 3, 4], "{label}");
        // init and data.drop on memory 1 and 2.
        call(&instance, "init_1", &args(500, 1, 4)).unwrap();
        assert_eq!(read(&m1, 500, 4), b"estr", "{label}");
        assert_oob(
            call(&instance, "init_2", &args(0, 0, 1)),
            &format!("{label}: init into empty memory 2"),
        );
        call(&instance, "drop", &[]).unwrap();
        assert_oob(
            call(&instance, "init_1", &args(500, 0, 1)),
            &format!("{label}: init from a dropped segment"),
        );
        call(&instance, "init_1", &args(500, 0, 0)).unwrap();
    }
}

#[test]
fn two_indices_may_name_one_memory() {
    let wat = r#"(module
      (import "host" "mem" (memory 1))
      (import "host" "mem" (memory 1))
      (func (export "copy_0_1") (param i32 i32 i32)
        (memory.copy 0 1 (local.get 0) (local.get 1) (local.get 2)))
      (func (export "store_1") (param i32 i32) (i32.store8 1 (local.get 0) (local.get 1)))
      (func (export "load_0") (param i32) (result i32) (i32.load8_u 0 (local.get 0))))"#;
    for (label, config, resume) in configs() {
        let engine = Engine::new(&config);
        let mem = Memory::new(&engine, MemoryType::new(1, None)).unwrap();
        mem.write(0, b"abcdefgh").unwrap();
        let module = Module::new(&engine, wat).unwrap();
        let mut linker = Linker::new(&engine);
        linker.define("host", "mem", Extern::Memory(mem.clone()));
        let instance = linker.instantiate(&module).unwrap();
        if let Some(resume) = resume {
            let debugger = instance.debugger().unwrap();
            debugger.set_entry_breakpoint(0).unwrap();
            debugger.set_handler(move |_, _| resume);
        }
        // Overlapping ranges of "two" memories that are one: a memmove.
        call(
            &instance,
            "copy_0_1",
            &[Val::I32(2), Val::I32(0), Val::I32(6)],
        )
        .unwrap();
        assert_eq!(read(&mem, 0, 8), b"ababcdef", "{label}");
        call(&instance, "store_1", &[Val::I32(7), Val::I32(b'z' as i32)]).unwrap();
        assert_eq!(
            call_i32(&instance, "load_0", &[Val::I32(7)]),
            b'z' as i32,
            "{label}"
        );
    }
}

#[test]
fn vectors_load_and_store_lanes_of_memory_one_on_both_paths() {
    let wat = r#"(module
      (memory 1)
      (memory (export "m1") 1)
      (func (export "lanes") (param $a i32) (result i64)
        (local $v v128)
        (local.set $v (v128.load 1 (local.get $a)))
        (local.set $v (v128.load32_lane 1 offset=16 2 (local.get $a) (local.get $v)))
        (v128.store8_lane 1 offset=32 15 (local.get $a) (local.get $v))
        (v128.store 1 offset=48 (local.get $a)
          (i16x8.add (v128.load16_splat 1 (local.get $a)) (v128.load8x8_u 1 (local.get $a))))
        (v128.store64_lane 1 offset=64 1 (local.get $a) (v128.load64_zero 1 (local.get $a)))
        (i64x2.extract_lane 1 (local.get $v)))
      (func (export "zero") (result i32)
        (i32x4.extract_lane 0 (v128.load 0 (i32.const 0)))))"#;
    for (label, config, resume) in configs() {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, wat).unwrap();
        let instance = instantiate(&engine, &module, resume);
        let m1 = instance.get_memory("m1").unwrap();
        let a = 1000usize;
        let bytes: Vec<u8> = (0..32u8).map(|i| i + 1).collect();
        m1.write(a, &bytes).unwrap();
        let got = call_i64(&instance, "lanes", &[Val::I32(a as i32)]).unwrap();
        // Lanes 2 and 3 (as i32): lane 2 replaced by bytes 16..20, lane 3 the original.
        let lane2 = u32::from_le_bytes([17, 18, 19, 20]) as u64;
        let lane3 = u32::from_le_bytes([13, 14, 15, 16]) as u64;
        assert_eq!(got as u64, lane2 | lane3 << 32, "{label}");
        assert_eq!(read(&m1, a + 32, 1), [16], "{label}: byte 15 of the vector");
        let splat = u16::from_le_bytes([1, 2]);
        let sums: Vec<u8> = (0..8)
            .flat_map(|i| splat.wrapping_add(bytes[i] as u16).to_le_bytes())
            .collect();
        assert_eq!(read(&m1, a + 48, 16), sums, "{label}");
        assert_eq!(
            read(&m1, a + 64, 8),
            [0; 8],
            "{label}: the zeroed upper lane"
        );
        assert_eq!(
            call_i32(&instance, "zero", &[]),
            0,
            "{label}: memory 0 untouched"
        );
    }
}

#[test]
fn the_debugger_reads_and_writes_every_memory() {
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module
          (memory 1)
          (memory (export "m1") 1)
          (data (memory 1) (i32.const 16) "abcd")
          (func (export "f") (result i32) (i32.load8_u 1 (i32.const 20))))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let debugger = instance.debugger().unwrap();
    debugger.set_entry_breakpoint(0).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    debugger.set_handler(move |_, frame| {
        let mut seen = record.lock().unwrap();
        seen.push(format!("count {}", frame.memory_count()));
        seen.push(format!(
            "sizes {} {}",
            frame.memory_size(),
            frame.memory_size_in(1)
        ));
        seen.push(format!("m1 {:?}", frame.read_memory_in(1, 16, 4).unwrap()));
        seen.push(format!("m0 {:?}", frame.read_memory(16, 4).unwrap()));
        frame.write_memory_in(1, 20, &[77]).unwrap();
        seen.push(format!(
            "past {}",
            frame.read_memory_in(1, PAGE_SIZE - 2, 4).is_err()
        ));
        seen.push(format!(
            "huge {}",
            frame.read_memory_in(1, 8, usize::MAX).is_err()
        ));
        seen.push(format!("no m2 {}", frame.read_memory_in(2, 0, 1).is_err()));
        Resume::Continue
    });
    assert_eq!(call_i32(&instance, "f", &[]), 77);
    assert_eq!(
        *seen.lock().unwrap(),
        [
            "count 2",
            "sizes 65536 65536",
            "m1 [97, 98, 99, 100]",
            "m0 [0, 0, 0, 0]",
            "past true",
            "huge true",
            "no m2 true",
        ]
    );
}

#[test]
fn a_compiled_file_keeps_every_memory() {
    let wat = guest();
    let dir = std::env::temp_dir().join(format!("kestrel-multi-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("guest.kwasm");
    for (label, config, resume) in configs() {
        let engine = Engine::new(&config);
        Module::new(&engine, &wat)
            .unwrap()
            .serialize_to_file(&path)
            .unwrap();
        let module = Module::deserialize_file(&engine, &path).unwrap();
        let instance = instantiate(&engine, &module, resume);
        assert_eq!(read(&memory(&instance, 1), 100, 1), [1], "{label}");
        call(&instance, "i64_store_2", &[Val::I32(0), Val::I64(5)]).unwrap_err();
        assert_eq!(call_i32(&instance, "grow_2", &[Val::I32(1)]), 0, "{label}");
        call(&instance, "i64_store_2", &[Val::I32(8), Val::I64(-2)]).unwrap();
        assert_eq!(
            call_i64(&instance, "i64_load_2", &[Val::I32(8)]).unwrap(),
            -2,
            "{label}"
        );
        // An engine without multi-memory refuses the file (its settings differ).
        let mut single = config.clone();
        single.multi_memory(false);
        assert!(
            Module::deserialize_file(&Engine::new(&single), &path).is_err(),
            "{label}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn without_multi_memory_a_second_memory_is_invalid() {
    let mut config = Config::new();
    config.multi_memory(false);
    let engine = Engine::new(&config);
    match Module::new(&engine, "(module (memory 1) (memory 1))") {
        Err(Error::Invalid(why)) => assert!(why.contains("multiple memories"), "{why}"),
        other => panic!("expected a validation error, got {:?}", other.err()),
    }
    let mut v1 = Config::new();
    v1.wasm_version(kestrel::WasmVersion::V1);
    assert!(Module::new(&Engine::new(&v1), "(module (memory 1) (memory 1))").is_err());
    assert!(Module::new(&Engine::default(), "(module (memory 1) (memory 1))").is_ok());
}
