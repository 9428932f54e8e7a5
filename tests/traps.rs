//! Traps as an embedder sees them: one test per trap kind with the spec's exact message,
//! `Trap::kind`, a backtrace that starts at the trapping function (named from the name
//! section) with the trapping instruction's module offset, and an instance that stays
//! usable afterwards (its memory and globals intact). Also host-function errors and
//! panics, explicit bounds-check mode, and traps during instantiation.

use kestrel::{
    BoundsChecks, Config, Engine, Error, FuncType, Instance, Linker, Module, Trap, TrapKind, Val,
    ValType,
};
use std::ops::Range;

const TRAPS: &str = r#"
(module
  (type $ii (func (param i32) (result i32)))
  (type $v (func))
  (memory (export "mem") 1)
  (table 4 funcref)
  (elem (i32.const 0) $ident $nop)
  (data (i32.const 16) "persist")
  (global $g (mut i32) (i32.const 0))

  (func $ident (type $ii) local.get 0)
  (func $nop (type $v))

  (func $load (export "load") (param i32) (result i32) local.get 0 i32.load)
  (func $load8 (export "load8") (param i32) (result i32) local.get 0 i32.load8_u)
  (func $load64 (export "load64") (param i32) (result i64) local.get 0 i64.load)
  (func $load_f64 (export "load_f64") (param i32) (result f64) local.get 0 f64.load)
  (func $load_off (export "load_off") (param i32) (result i32)
    local.get 0 i32.load offset=0xfffffff0)
  (func $load_max_off (export "load_max_off") (param i32) (result i32)
    local.get 0 i32.load offset=0xffffffff)
  (func $store (export "store") (param i32 i32) local.get 0 local.get 1 i32.store)
  (func $store8 (export "store8") (param i32 i32) local.get 0 local.get 1 i32.store8)
  (func $store64 (export "store64") (param i32 i64) local.get 0 local.get 1 i64.store)
  (func $store_off (export "store_off") (param i32 i32)
    local.get 0 local.get 1 i32.store offset=65536)

  (func $div_s32 (export "div_s32") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.div_s)
  (func $div_u32 (export "div_u32") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.div_u)
  (func $rem_s32 (export "rem_s32") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.rem_s)
  (func $rem_u32 (export "rem_u32") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.rem_u)
  (func $div_s64 (export "div_s64") (param i64 i64) (result i64)
    local.get 0 local.get 1 i64.div_s)
  (func $div_u64 (export "div_u64") (param i64 i64) (result i64)
    local.get 0 local.get 1 i64.div_u)
  (func $rem_s64 (export "rem_s64") (param i64 i64) (result i64)
    local.get 0 local.get 1 i64.rem_s)
  (func $rem_u64 (export "rem_u64") (param i64 i64) (result i64)
    local.get 0 local.get 1 i64.rem_u)
  (func $div_by_const_zero (export "div_by_const_zero") (param i32) (result i32)
    local.get 0 i32.const 0 i32.div_u)
  (func $div_by_const_minus1 (export "div_by_const_minus1") (param i32) (result i32)
    local.get 0 i32.const -1 i32.div_s)

  (func $trunc_f32_s (export "trunc_f32_s") (param f32) (result i32)
    local.get 0 i32.trunc_f32_s)
  (func $trunc_f32_u (export "trunc_f32_u") (param f32) (result i32)
    local.get 0 i32.trunc_f32_u)
  (func $trunc_f64_s (export "trunc_f64_s") (param f64) (result i32)
    local.get 0 i32.trunc_f64_s)
  (func $trunc_f64_u64 (export "trunc_f64_u64") (param f64) (result i64)
    local.get 0 i64.trunc_f64_u)
  (func $trunc_f32_s64 (export "trunc_f32_s64") (param f32) (result i64)
    local.get 0 i64.trunc_f32_s)

  (func $unreachable (export "unreachable") unreachable)
  (func $unreachable_deep (export "unreachable_deep") (param i32) (result i32)
    block (result i32)
      local.get 0
      if
        unreachable
      end
      i32.const 3
    end)
  (func $call_indirect (export "call_indirect") (param i32) (result i32)
    i32.const 7 local.get 0 call_indirect (type $ii))
  (func $recurse (export "recurse") (param i32) (result i32)
    local.get 0 i32.const 1 i32.add call $recurse)

  (func $ok (export "ok") (result i32) i32.const 42)
  (func $bump (export "bump") (result i32)
    global.get $g i32.const 1 i32.add global.set $g global.get $g))
"#;

/// The module offsets of the bodies of defined functions, in order.
fn body_ranges(binary: &[u8]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(binary) {
        if let wasmparser::Payload::CodeSectionEntry(body) = payload.unwrap() {
            let r = body.range();
            ranges.push(r.start as usize..r.end as usize);
        }
    }
    ranges
}

/// Module offsets of the operators of defined function `body` that satisfy `pred`.
fn op_offsets(
    binary: &[u8],
    body: usize,
    pred: impl Fn(&wasmparser::Operator) -> bool,
) -> Vec<u32> {
    let mut n = 0;
    for payload in wasmparser::Parser::new(0).parse_all(binary) {
        if let wasmparser::Payload::CodeSectionEntry(b) = payload.unwrap() {
            if n == body {
                let mut reader = b.get_operators_reader().unwrap();
                let mut out = Vec::new();
                while !reader.eof() {
                    let (op, offset) = reader.read_with_offset().unwrap();
                    if pred(&op) {
                        out.push(offset as u32);
                    }
                }
                return out;
            }
            n += 1;
        }
    }
    panic!("no body {body}");
}

struct Fixture {
    instance: Instance,
    binary: Vec<u8>,
    bodies: Vec<Range<usize>>,
}

impl Fixture {
    fn new(engine: &Engine) -> Fixture {
        let binary = wat::parse_str(TRAPS).unwrap();
        let module = Module::new(engine, &binary).unwrap();
        let instance = Linker::new(engine).instantiate(&module).unwrap();
        let bodies = body_ranges(&binary);
        Fixture {
            instance,
            binary,
            bodies,
        }
    }

    /// Calls export `name` dynamically, expects a trap of `kind` with `message`, and checks
    /// the trap's first frame is the function `name` at an offset inside its body.
    fn trap(&self, name: &str, args: &[Val], kind: TrapKind, message: &str) -> Trap {
        let f = self.instance.get_func(name).unwrap();
        let trap = match f.call(args) {
            Err(Error::Trap(trap)) => trap,
            other => panic!("{name}({args:?}): expected a trap, got {other:?}"),
        };
        assert_eq!(trap.kind(), kind, "{name}({args:?})");
        assert_eq!(trap.message(), message, "{name}({args:?})");
        assert!(message.starts_with(kind.message()), "{message}");
        assert_eq!(trap.to_string(), message);
        let frame = trap
            .backtrace()
            .first()
            .unwrap_or_else(|| panic!("{name}({args:?}): empty backtrace"));
        assert_eq!(
            frame.func_name.as_deref(),
            Some(name),
            "{:?}",
            trap.backtrace()
        );
        assert_ne!(frame.module_offset, 0);
        let body = &self.bodies[frame.func_index as usize];
        assert!(
            body.contains(&(frame.module_offset as usize)),
            "{name}: offset {:#x} outside its body {body:x?}",
            frame.module_offset
        );
        self.assert_healthy();
        trap
    }

    /// Calls export `name` and expects no trap.
    fn ok(&self, name: &str, args: &[Val]) -> Val {
        let r = self.instance.get_func(name).unwrap().call(args);
        match r {
            Ok(mut v) if v.len() == 1 => v.remove(0),
            Ok(v) if v.is_empty() => Val::I32(0),
            other => panic!("{name}({args:?}): {other:?}"),
        }
    }

    /// The instance still runs code, and its memory and globals are what they were.
    fn assert_healthy(&self) {
        let ok = self.instance.get_typed_func::<(), i32>("ok").unwrap();
        assert_eq!(ok.call(()).unwrap(), 42);
        let mem = self.instance.get_memory("mem").unwrap();
        let mut buf = [0u8; 7];
        mem.read(16, &mut buf).unwrap();
        assert_eq!(&buf, b"persist");
        let bump = self.instance.get_typed_func::<(), i32>("bump").unwrap();
        let a = bump.call(()).unwrap();
        let b = bump.call(()).unwrap();
        assert_eq!(b, a + 1, "global state lost");
    }

    /// Offset of the first operator in defined function `body` satisfying `pred`.
    fn offset_of(&self, body: usize, pred: impl Fn(&wasmparser::Operator) -> bool) -> u32 {
        op_offsets(&self.binary, body, pred)[0]
    }
}

const OOB: &str = "out of bounds memory access";

fn check_out_of_bounds(engine: &Engine) {
    let fx = Fixture::new(engine);
    let i = |v: i32| Val::I32(v);
    let page = 65536;

    // In-bounds accesses right at the end work.
    fx.ok("store", &[i(page - 4), i(0x1122_3344)]);
    assert_eq!(fx.ok("load", &[i(page - 4)]).i32(), Some(0x1122_3344));
    assert_eq!(fx.ok("load8", &[i(page - 1)]).i32(), Some(0x11));
    fx.ok("store64", &[i(page - 8), Val::I64(-1)]);
    assert_eq!(fx.ok("load64", &[i(page - 8)]).i64(), Some(-1));

    // Loads: past the end, straddling the end, near 4 GiB, with large offsets.
    for addr in [page, page - 3, page - 1, 2 * page, i32::MAX, -4, -1] {
        fx.trap("load", &[i(addr)], TrapKind::MemoryOutOfBounds, OOB);
    }
    fx.trap("load8", &[i(page)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap("load8", &[i(-1)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap("load64", &[i(page - 7)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap("load_f64", &[i(page - 4)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap("load_off", &[i(0)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap("load_off", &[i(0x20)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap("load_off", &[i(-1)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap("load_max_off", &[i(0)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap("load_max_off", &[i(-1)], TrapKind::MemoryOutOfBounds, OOB);

    // Stores: same cases; a trapping store writes nothing, not even its in-bounds part.
    for addr in [page, page - 2, -4, -1] {
        fx.trap("store", &[i(addr), i(0)], TrapKind::MemoryOutOfBounds, OOB);
    }
    fx.trap("store8", &[i(page), i(1)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap(
        "store64",
        &[i(page - 4), Val::I64(0)],
        TrapKind::MemoryOutOfBounds,
        OOB,
    );
    fx.trap("store_off", &[i(0), i(1)], TrapKind::MemoryOutOfBounds, OOB);
    fx.trap(
        "store_off",
        &[i(-1), i(1)],
        TrapKind::MemoryOutOfBounds,
        OOB,
    );
    let mem = fx.instance.get_memory("mem").unwrap();
    let mut tail = [0u8; 8];
    mem.read(page as usize - 8, &mut tail).unwrap();
    assert_eq!(tail, [0xff; 8], "a trapping store changed memory");

    // The trapping instruction's offset is reported exactly.
    let trap = fx.trap("load", &[i(page)], TrapKind::MemoryOutOfBounds, OOB);
    let load = trap.backtrace()[0].func_index as usize;
    let expected = fx.offset_of(load, |op| {
        matches!(op, wasmparser::Operator::I32Load { .. })
    });
    assert_eq!(trap.backtrace()[0].module_offset, expected);
    let trap = fx.trap("store", &[i(-1), i(0)], TrapKind::MemoryOutOfBounds, OOB);
    let store = trap.backtrace()[0].func_index as usize;
    let expected = fx.offset_of(store, |op| {
        matches!(op, wasmparser::Operator::I32Store { .. })
    });
    assert_eq!(trap.backtrace()[0].module_offset, expected);
    assert_eq!(trap.backtrace().len(), 1);
}

#[test]
fn out_of_bounds_memory_access() {
    check_out_of_bounds(&Engine::default());
}

#[test]
fn out_of_bounds_memory_access_with_explicit_bounds_checks() {
    let engine = Engine::new(Config::new().bounds_checks(BoundsChecks::Explicit));
    check_out_of_bounds(&engine);
}

#[test]
fn explicit_bounds_checks_follow_memory_growth() {
    let engine = Engine::new(Config::new().bounds_checks(BoundsChecks::Explicit));
    let fx = Fixture::new(&engine);
    let mem = fx.instance.get_memory("mem").unwrap();
    fx.trap("load", &[Val::I32(65536)], TrapKind::MemoryOutOfBounds, OOB);
    assert_eq!(mem.grow(1).unwrap(), 1);
    fx.ok("store", &[Val::I32(2 * 65536 - 4), Val::I32(5)]);
    assert_eq!(fx.ok("load", &[Val::I32(2 * 65536 - 4)]).i32(), Some(5));
    fx.trap(
        "load",
        &[Val::I32(2 * 65536 - 3)],
        TrapKind::MemoryOutOfBounds,
        OOB,
    );
}

const DIV0: &str = "integer divide by zero";
const OVERFLOW: &str = "integer overflow";
const BAD_CONVERSION: &str = "invalid conversion to integer";

#[test]
fn integer_divide_by_zero() {
    let fx = Fixture::new(&Engine::default());
    let (i, l) = (Val::I32, Val::I64);
    for name in ["div_s32", "div_u32", "rem_s32", "rem_u32"] {
        fx.trap(name, &[i(7), i(0)], TrapKind::IntegerDivideByZero, DIV0);
        fx.trap(name, &[i(0), i(0)], TrapKind::IntegerDivideByZero, DIV0);
        fx.trap(
            name,
            &[i(i32::MIN), i(0)],
            TrapKind::IntegerDivideByZero,
            DIV0,
        );
    }
    for name in ["div_s64", "div_u64", "rem_s64", "rem_u64"] {
        fx.trap(name, &[l(7), l(0)], TrapKind::IntegerDivideByZero, DIV0);
        fx.trap(
            name,
            &[l(i64::MIN), l(0)],
            TrapKind::IntegerDivideByZero,
            DIV0,
        );
    }
    let trap = fx.trap(
        "div_by_const_zero",
        &[i(1)],
        TrapKind::IntegerDivideByZero,
        DIV0,
    );
    let body = trap.backtrace()[0].func_index as usize;
    let expected = fx.offset_of(body, |op| matches!(op, wasmparser::Operator::I32DivU));
    assert_eq!(trap.backtrace()[0].module_offset, expected);

    // Non-zero divisors still work afterwards.
    assert_eq!(fx.ok("div_s32", &[i(-7), i(2)]).i32(), Some(-3));
    assert_eq!(fx.ok("rem_s32", &[i(-7), i(2)]).i32(), Some(-1));
    assert_eq!(fx.ok("div_u32", &[i(-1), i(16)]).i32(), Some(0x0fff_ffff));
    assert_eq!(fx.ok("rem_u64", &[l(-1), l(10)]).i64(), Some(5));
}

#[test]
fn integer_overflow() {
    let fx = Fixture::new(&Engine::default());
    let (i, l) = (Val::I32, Val::I64);
    let trap = fx.trap(
        "div_s32",
        &[i(i32::MIN), i(-1)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    let body = trap.backtrace()[0].func_index as usize;
    let expected = fx.offset_of(body, |op| matches!(op, wasmparser::Operator::I32DivS));
    assert_eq!(trap.backtrace()[0].module_offset, expected);
    fx.trap(
        "div_s64",
        &[l(i64::MIN), l(-1)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "div_by_const_minus1",
        &[i(i32::MIN)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    assert_eq!(fx.ok("div_by_const_minus1", &[i(5)]).i32(), Some(-5));
    // The remainder of INT_MIN / -1 is defined (0), not an overflow.
    assert_eq!(fx.ok("rem_s32", &[i(i32::MIN), i(-1)]).i32(), Some(0));
    assert_eq!(fx.ok("rem_s64", &[l(i64::MIN), l(-1)]).i64(), Some(0));
    assert_eq!(fx.ok("div_u32", &[i(i32::MIN), i(-1)]).i32(), Some(0));

    // Float-to-int truncation out of range.
    let f = Val::from_f32;
    let d = Val::from_f64;
    fx.trap(
        "trunc_f32_s",
        &[f(3e9)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f32_s",
        &[f(-3e9)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f32_s",
        &[f(2147483648.0)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f32_s",
        &[f(f32::INFINITY)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f32_u",
        &[f(-1.0)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f32_u",
        &[f(4294967296.0)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f64_s",
        &[d(2147483648.0)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f64_s",
        &[d(-2147483649.0)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f64_u64",
        &[d(18446744073709551616.0)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f64_u64",
        &[d(-1.0)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    fx.trap(
        "trunc_f32_s64",
        &[f(9.3e18)],
        TrapKind::IntegerOverflow,
        OVERFLOW,
    );
    // Values just inside the range convert.
    assert_eq!(
        fx.ok("trunc_f32_s", &[f(-2147483648.0)]).i32(),
        Some(i32::MIN)
    );
    assert_eq!(fx.ok("trunc_f32_u", &[f(-0.75)]).i32(), Some(0));
    assert_eq!(fx.ok("trunc_f32_u", &[f(4294967040.0)]).i32(), Some(-256));
    assert_eq!(
        fx.ok("trunc_f64_s", &[d(2147483647.9)]).i32(),
        Some(i32::MAX)
    );
    assert_eq!(
        fx.ok("trunc_f64_s", &[d(-2147483648.9)]).i32(),
        Some(i32::MIN)
    );
    assert_eq!(
        fx.ok("trunc_f64_u64", &[d(18446744073709549568.0)]).i64(),
        Some(-2048)
    );
    assert_eq!(
        fx.ok("trunc_f32_s64", &[f(-9.2e18)]).i64(),
        Some((-9.2e18f32) as i64)
    );
}

#[test]
fn invalid_conversion_to_integer() {
    let fx = Fixture::new(&Engine::default());
    let kind = TrapKind::BadConversionToInteger;
    for bits in [0x7fc0_0000u32, 0xffc0_0000, 0x7f80_0001, 0x7fa0_0000] {
        fx.trap("trunc_f32_s", &[Val::F32(bits)], kind, BAD_CONVERSION);
        fx.trap("trunc_f32_u", &[Val::F32(bits)], kind, BAD_CONVERSION);
        fx.trap("trunc_f32_s64", &[Val::F32(bits)], kind, BAD_CONVERSION);
    }
    for v in [f64::NAN, -f64::NAN, f64::from_bits(0x7ff0_0000_0000_0001)] {
        fx.trap("trunc_f64_s", &[Val::from_f64(v)], kind, BAD_CONVERSION);
        fx.trap("trunc_f64_u64", &[Val::from_f64(v)], kind, BAD_CONVERSION);
    }
}

#[test]
fn unreachable() {
    let fx = Fixture::new(&Engine::default());
    let trap = fx.trap("unreachable", &[], TrapKind::Unreachable, "unreachable");
    let body = trap.backtrace()[0].func_index as usize;
    let expected = fx.offset_of(body, |op| matches!(op, wasmparser::Operator::Unreachable));
    assert_eq!(trap.backtrace()[0].module_offset, expected);

    let trap = fx.trap(
        "unreachable_deep",
        &[Val::I32(1)],
        TrapKind::Unreachable,
        "unreachable",
    );
    let body = trap.backtrace()[0].func_index as usize;
    let expected = fx.offset_of(body, |op| matches!(op, wasmparser::Operator::Unreachable));
    assert_eq!(trap.backtrace()[0].module_offset, expected);
    assert_eq!(fx.ok("unreachable_deep", &[Val::I32(0)]).i32(), Some(3));
}

#[test]
fn call_indirect_traps() {
    let fx = Fixture::new(&Engine::default());
    assert_eq!(fx.ok("call_indirect", &[Val::I32(0)]).i32(), Some(7));
    for index in [4, 5, 1000, i32::MAX, -1] {
        fx.trap(
            "call_indirect",
            &[Val::I32(index)],
            TrapKind::UndefinedElement,
            "undefined element",
        );
    }
    for index in [2, 3] {
        // The message names the element, as the spec's reference interpreter does.
        fx.trap(
            "call_indirect",
            &[Val::I32(index)],
            TrapKind::UninitializedElement,
            &format!("uninitialized element {index}"),
        );
    }
    let trap = fx.trap(
        "call_indirect",
        &[Val::I32(1)],
        TrapKind::IndirectCallTypeMismatch,
        "indirect call type mismatch",
    );
    let body = trap.backtrace()[0].func_index as usize;
    let expected = fx.offset_of(body, |op| {
        matches!(op, wasmparser::Operator::CallIndirect { .. })
    });
    assert_eq!(trap.backtrace()[0].module_offset, expected);
    assert_eq!(fx.ok("call_indirect", &[Val::I32(0)]).i32(), Some(7));
}

#[test]
fn call_stack_exhausted() {
    let fx = Fixture::new(&Engine::default());
    let trap = fx.trap(
        "recurse",
        &[Val::I32(0)],
        TrapKind::StackOverflow,
        "call stack exhausted",
    );
    // Every recorded frame is the recursive function; callers are reported by their call.
    assert!(trap.backtrace().len() > 1);
    let body = trap.backtrace()[0].func_index as usize;
    let call = fx.offset_of(body, |op| matches!(op, wasmparser::Operator::Call { .. }));
    for frame in &trap.backtrace()[1..] {
        assert_eq!(frame.func_name.as_deref(), Some("recurse"));
        assert_eq!(frame.module_offset, call);
    }
}

#[test]
fn typed_calls_return_the_trap_itself() {
    let fx = Fixture::new(&Engine::default());
    let div = fx
        .instance
        .get_typed_func::<(i32, i32), i32>("div_s32")
        .unwrap();
    let trap: Trap = div.call((1, 0)).unwrap_err();
    assert_eq!(trap.kind(), TrapKind::IntegerDivideByZero);
    assert_eq!(trap.message(), DIV0);
    assert_eq!(trap.backtrace()[0].func_name.as_deref(), Some("div_s32"));
    assert_eq!(div.call((9, 3)).unwrap(), 3);

    let load = fx.instance.get_typed_func::<i32, i32>("load").unwrap();
    let trap = load.call(-1).unwrap_err();
    assert_eq!(trap.kind(), TrapKind::MemoryOutOfBounds);
    assert_eq!(trap.message(), OOB);
    assert_eq!(load.call(16).unwrap(), i32::from_le_bytes(*b"pers"));

    let unreachable = fx.instance.get_typed_func::<(), ()>("unreachable").unwrap();
    assert_eq!(
        unreachable.call(()).unwrap_err().kind(),
        TrapKind::Unreachable
    );
    fx.assert_healthy();
}

#[test]
fn backtrace_lists_callers_with_names_and_call_offsets() {
    let engine = Engine::default();
    let binary = wat::parse_str(
        r#"(module
             (import "env" "nop" (func $hnop))
             (func $inner (param i32) (result i32)
               call $hnop
               i32.const 100 local.get 0 i32.div_s)
             (func $middle (param i32) (result i32)
               local.get 0 call $inner i32.const 1 i32.add)
             (func $outer (export "outer") (param i32) (result i32)
               i32.const 5 drop local.get 0 call $middle))"#,
    )
    .unwrap();
    let module = Module::new(&engine, &binary).unwrap();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "nop", || {});
    let instance = linker.instantiate(&module).unwrap();
    let outer = instance.get_typed_func::<i32, i32>("outer").unwrap();
    assert_eq!(outer.call(50).unwrap(), 3);

    let trap = outer.call(0).unwrap_err();
    assert_eq!(trap.kind(), TrapKind::IntegerDivideByZero);
    let frames = trap.backtrace();
    let summary: Vec<(u32, Option<&str>)> = frames
        .iter()
        .map(|f| (f.func_index, f.func_name.as_deref()))
        .collect();
    // The import is function 0, so the defined functions are 1, 2 and 3.
    assert_eq!(
        summary,
        [(1, Some("inner")), (2, Some("middle")), (3, Some("outer"))]
    );
    let div = op_offsets(&binary, 0, |op| matches!(op, wasmparser::Operator::I32DivS));
    let call_inner = op_offsets(&binary, 1, |op| {
        matches!(op, wasmparser::Operator::Call { .. })
    });
    let call_middle = op_offsets(&binary, 2, |op| {
        matches!(op, wasmparser::Operator::Call { .. })
    });
    assert_eq!(frames[0].module_offset, div[0]);
    assert_eq!(frames[1].module_offset, call_inner[0]);
    assert_eq!(frames[2].module_offset, call_middle[0]);
    assert_eq!(
        frames[0].to_string(),
        format!("func 1 (inner) at offset {:#x}", div[0])
    );
    assert_eq!(outer.call(-10).unwrap(), -9);
}

/// A `call_indirect` into another instance takes an out-of-line path (context switch);
/// a trap in the callee still names the call's offset in the caller's frame, for both
/// the same-instance and the cross-instance callee.
#[test]
fn backtrace_through_call_indirect_into_another_instance() {
    let engine = Engine::default();
    let callee = Module::new(
        &engine,
        r#"(module (func (export "boom") (param i32) (result i32) unreachable))"#,
    )
    .unwrap();
    let callee = Linker::new(&engine).instantiate(&callee).unwrap();
    let binary = wat::parse_str(
        r#"(module
             (type $ii (func (param i32) (result i32)))
             (import "other" "boom" (func $boom (type $ii)))
             (table 2 funcref)
             (elem (i32.const 0) $boom $local_boom)
             (func $local_boom (type $ii) unreachable)
             (func (export "call_slot") (param i32) (result i32)
               i32.const 1 drop
               i32.const 7 local.get 0 call_indirect (type $ii)
               ;; Code after the call that may trap: its site must not be the call's.
               local.get 0 i32.const 1 i32.div_u i32.add))"#,
    )
    .unwrap();
    let module = Module::new(&engine, &binary).unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("other", "boom", callee.get_func("boom").unwrap());
    let caller = linker.instantiate(&module).unwrap();
    let call_slot = caller.get_typed_func::<i32, i32>("call_slot").unwrap();
    let call = op_offsets(&binary, 1, |op| {
        matches!(op, wasmparser::Operator::CallIndirect { .. })
    })[0];
    for slot in [0, 1] {
        let trap = call_slot.call(slot).unwrap_err();
        assert_eq!(trap.kind(), TrapKind::Unreachable);
        let frames = trap.backtrace();
        assert_eq!(frames.len(), 2, "slot {slot}: {frames:?}");
        // The caller is function 2 (one import, then $local_boom).
        assert_eq!(frames[1].func_index, 2);
        assert_eq!(frames[1].module_offset, call, "slot {slot}");
    }
}

#[test]
fn backtrace_without_a_name_section() {
    let engine = Engine::default();
    // No `$names`, so no name section: frames have indices but no names.
    let module = Module::new(
        &engine,
        r#"(module
             (func unreachable)
             (func (export "run") call 0))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let trap = instance
        .get_typed_func::<(), ()>("run")
        .unwrap()
        .call(())
        .unwrap_err();
    let frames: Vec<(u32, Option<String>)> = trap
        .backtrace()
        .iter()
        .map(|f| (f.func_index, f.func_name.clone()))
        .collect();
    assert_eq!(frames, [(0, None), (1, None)]);
}

#[test]
fn host_function_error_becomes_a_trap() {
    let engine = Engine::default();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "boom", |x: i32| -> Result<i32, Trap> {
        if x == 0 {
            Err(Trap::host("boom"))
        } else {
            Ok(x * 2)
        }
    });
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (import "env" "boom" (func $boom (param i32) (result i32)))
                     (memory (export "mem") 1)
                     (func $caller (param i32) (result i32)
                       i32.const 8 i32.const 77 i32.store
                       local.get 0 call $boom)
                     (func $top (export "top") (param i32) (result i32)
                       local.get 0 call $caller))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let top = instance.get_func("top").unwrap();
    let trap = match top.call(&[Val::I32(0)]) {
        Err(Error::Trap(t)) => t,
        other => panic!("{other:?}"),
    };
    assert_eq!(trap.kind(), TrapKind::Host);
    assert_eq!(trap.message(), "boom");
    let names: Vec<_> = trap
        .backtrace()
        .iter()
        .map(|f| f.func_name.as_deref())
        .collect();
    assert_eq!(names, [Some("caller"), Some("top")]);
    // Memory written before the trap is kept; the instance still runs.
    let mut word = [0u8; 4];
    instance
        .get_memory("mem")
        .unwrap()
        .read(8, &mut word)
        .unwrap();
    assert_eq!(u32::from_le_bytes(word), 77);
    assert_eq!(top.call(&[Val::I32(21)]).unwrap()[0].i32(), Some(42));
    // Through a typed call the trap is returned directly.
    let typed = instance.get_typed_func::<i32, i32>("top").unwrap();
    assert_eq!(typed.call(0).unwrap_err().message(), "boom");
    assert_eq!(typed.call(1).unwrap(), 2);
}

#[test]
fn panicking_host_function_becomes_a_trap() {
    let engine = Engine::default();
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap("env", "panic", |x: i32| -> i32 {
            if x > 0 {
                panic!("host function panicked on purpose");
            }
            -x
        })
        .func_new(
            "env",
            "panic_dyn",
            FuncType::new([], [ValType::I64]),
            |_, _| panic!("dynamic host function panicked on purpose"),
        );
    let instance = linker
        .instantiate(
            &Module::new(
                &engine,
                r#"(module
                     (import "env" "panic" (func $panic (param i32) (result i32)))
                     (import "env" "panic_dyn" (func $panic_dyn (result i64)))
                     (func $run (export "run") (param i32) (result i32)
                       local.get 0 call $panic)
                     (func $run_dyn (export "run_dyn") (result i64) call $panic_dyn))"#,
            )
            .unwrap(),
        )
        .unwrap();
    let run = instance.get_typed_func::<i32, i32>("run").unwrap();
    for _ in 0..3 {
        let trap = run.call(1).unwrap_err();
        assert_eq!(trap.kind(), TrapKind::Host);
        assert!(!trap.message().is_empty());
        assert_eq!(trap.backtrace()[0].func_name.as_deref(), Some("run"));
        assert_eq!(run.call(-5).unwrap(), 5);
    }
    let err = instance.get_func("run_dyn").unwrap().call(&[]).unwrap_err();
    assert!(
        matches!(err, Error::Trap(ref t) if t.kind() == TrapKind::Host),
        "{err:?}"
    );
}

#[test]
fn start_function_trap_fails_instantiation() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (func $start
               i32.const 1 i32.const 0 i32.div_u drop)
             (start $start))"#,
    )
    .unwrap();
    match Linker::new(&engine).instantiate(&module) {
        Err(Error::Trap(trap)) => {
            assert_eq!(trap.kind(), TrapKind::IntegerDivideByZero);
            assert_eq!(trap.message(), DIV0);
            assert_eq!(trap.backtrace()[0].func_name.as_deref(), Some("start"));
        }
        other => panic!("expected a trap, got {other:?}"),
    }
    // A start function's side effects on an imported global are visible even when it
    // traps later, and a start function that does not trap instantiates normally.
    let g = kestrel::Global::new(
        &engine,
        kestrel::GlobalType::new(ValType::I32, true),
        Val::I32(0),
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("env", "g", g.clone());
    let traps_late = Module::new(
        &engine,
        r#"(module (import "env" "g" (global $g (mut i32)))
             (func $start i32.const 5 global.set $g unreachable)
             (start $start))"#,
    )
    .unwrap();
    assert!(matches!(
        linker.instantiate(&traps_late),
        Err(Error::Trap(ref t)) if t.kind() == TrapKind::Unreachable
    ));
    assert_eq!(g.get().i32(), Some(5));
    let fine = Module::new(
        &engine,
        r#"(module (import "env" "g" (global $g (mut i32)))
             (func $start global.get $g i32.const 10 i32.mul global.set $g)
             (start $start))"#,
    )
    .unwrap();
    linker.instantiate(&fine).unwrap();
    assert_eq!(g.get().i32(), Some(50));
}

#[test]
fn segment_out_of_bounds_fails_instantiation() {
    let engine = Engine::default();
    let data = Module::new(
        &engine,
        r#"(module (memory 1) (data (i32.const 65535) "ab"))"#,
    )
    .unwrap();
    match Linker::new(&engine).instantiate(&data) {
        Err(Error::Trap(trap)) => {
            assert_eq!(trap.kind(), TrapKind::MemoryOutOfBounds);
            assert_eq!(trap.message(), OOB);
        }
        other => panic!("expected a trap, got {other:?}"),
    }
    let elem = Module::new(
        &engine,
        r#"(module (table 1 funcref) (func $f) (elem (i32.const 1) $f))"#,
    )
    .unwrap();
    match Linker::new(&engine).instantiate(&elem) {
        Err(Error::Trap(trap)) => {
            assert_eq!(trap.kind(), TrapKind::TableOutOfBounds);
            assert_eq!(trap.message(), "out of bounds table access");
        }
        other => panic!("expected a trap, got {other:?}"),
    }
}

#[test]
fn traps_in_many_instances_do_not_interfere() {
    let engine = Engine::default();
    let a = Fixture::new(&engine);
    let b = Fixture::new(&engine);
    a.trap("unreachable", &[], TrapKind::Unreachable, "unreachable");
    b.trap("load", &[Val::I32(-1)], TrapKind::MemoryOutOfBounds, OOB);
    a.trap(
        "div_s32",
        &[Val::I32(1), Val::I32(0)],
        TrapKind::IntegerDivideByZero,
        DIV0,
    );
    b.assert_healthy();
    a.assert_healthy();
}

/// Debug-instrumented code (breakable points compiled in, no debugger attached) traps the
/// same way and reports the same backtraces as plain code.
#[test]
fn traps_with_debug_instrumentation() {
    let plain = Fixture::new(&Engine::default());
    let debug = Fixture::new(&Engine::new(Config::new().debug_instrumentation(true)));
    let i = Val::I32;
    let cases: Vec<(&str, Vec<Val>, TrapKind, &str)> = vec![
        ("load", vec![i(65536)], TrapKind::MemoryOutOfBounds, OOB),
        ("store", vec![i(-1), i(0)], TrapKind::MemoryOutOfBounds, OOB),
        (
            "div_s32",
            vec![i(1), i(0)],
            TrapKind::IntegerDivideByZero,
            DIV0,
        ),
        (
            "div_s32",
            vec![i(i32::MIN), i(-1)],
            TrapKind::IntegerOverflow,
            OVERFLOW,
        ),
        (
            "trunc_f32_s",
            vec![Val::F32(0x7fc0_0000)],
            TrapKind::BadConversionToInteger,
            BAD_CONVERSION,
        ),
        ("unreachable", vec![], TrapKind::Unreachable, "unreachable"),
        (
            "call_indirect",
            vec![i(9)],
            TrapKind::UndefinedElement,
            "undefined element",
        ),
        (
            "call_indirect",
            vec![i(2)],
            TrapKind::UninitializedElement,
            "uninitialized element 2",
        ),
        (
            "call_indirect",
            vec![i(1)],
            TrapKind::IndirectCallTypeMismatch,
            "indirect call type mismatch",
        ),
        (
            "recurse",
            vec![i(0)],
            TrapKind::StackOverflow,
            "call stack exhausted",
        ),
    ];
    for (name, args, kind, message) in cases {
        let a = plain.trap(name, &args, kind, message);
        let b = debug.trap(name, &args, kind, message);
        assert_eq!(a.backtrace()[0], b.backtrace()[0], "{name}");
    }
    assert_eq!(debug.ok("div_s32", &[i(9), i(3)]).i32(), Some(3));
}
