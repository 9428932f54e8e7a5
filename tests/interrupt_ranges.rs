//! Loops compiled without a loop-head check ("DESIGN: interrupts in loops without calls"
//! in `runtime::interrupt`): the interrupt signal may end a call at any instruction of
//! their code, so at every instruction boundary there the thread must be in its body's
//! own state. This test single-steps guests (the x86 trap flag, one `SIGTRAP` per
//! instruction) through loops of many shapes and checks, at each step inside
//! `Module::interruptible_code`: rsp 16-byte aligned, rbp and rbp - rsp the same at every
//! step of a range (one frame, nothing pushed), r15 the same vmctx everywhere. It also
//! checks that a loop stopped on the spot hands over the fuel it used and names its
//! frames in the trap's backtrace, and that the
//! recorded ranges are what the design says (loops that call keep their check).

use kestrel::{BoundsChecks, Config, Engine, Error, Instance, Linker, Module, TrapKind, Val};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

include!("support/guest_flag.rs");

/// Loops of many shapes, none of which calls out, except `calls_outside`'s outer loop.
const GUEST: &str = r#"
(module
  (memory (export "memory") 1)
  (global $g (mut i32) (i32.const 3))
  (global $h (mut f64) (f64.const 1.5))
  (func $leaf (param i32) (result i32) local.get 0 i32.const 1 i32.add)

  ;; Nested loops over most kinds of operator: memory, division (a trap path out of
  ;; line), floats and conversions, select, globals, memory.size, br_table, if/else.
  (func (export "nested") (param $n i32) (result i64)
    (local $i i32) (local $j i32) (local $acc i64) (local $f f64)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e i32)
    (loop $outer
      (local.set $j (i32.const 0))
      (loop $inner
        (i32.store offset=64
          (i32.and (i32.mul (local.get $j) (i32.const 4)) (i32.const 1023)) (local.get $i))
        (local.set $acc (i64.add (local.get $acc)
          (i64.extend_i32_u (i32.load8_u offset=64 (local.get $j)))))
        (local.set $a (i32.div_u (i32.add (local.get $i) (i32.const 100))
          (i32.add (local.get $j) (i32.const 1))))
        (local.set $b (i32.rem_s (local.get $a) (i32.const 7)))
        (local.set $acc (i64.add (local.get $acc)
          (i64.div_s (i64.const -1000) (i64.extend_i32_s (i32.add (local.get $b) (i32.const 1))))))
        (local.set $f (f64.add (local.get $f) (f64.convert_i32_s (local.get $a))))
        (local.set $c (i32.trunc_f64_s (f64.div (local.get $f) (f64.const 1000))))
        (local.set $acc (i64.add (local.get $acc) (i64.trunc_sat_f64_s (local.get $f))))
        (local.set $d (select (local.get $a) (local.get $b)
          (i32.lt_u (local.get $j) (i32.const 3))))
        (global.set $g (i32.add (global.get $g) (local.get $d)))
        (global.set $h (f64.mul (global.get $h) (f64.const 1.0001)))
        (local.set $e (i32.add (memory.size) (local.get $e)))
        (block $b0 (block $b1 (block $b2
          (br_table $b0 $b1 $b2 (i32.and (local.get $j) (i32.const 3))))
          (local.set $acc (i64.add (local.get $acc) (i64.const 1))))
          (local.set $acc (i64.mul (local.get $acc) (i64.const 3))))
        (local.set $acc (i64.xor (local.get $acc)
          (if (result i64) (i32.and (local.get $j) (i32.const 1))
            (then (i64.const 5))
            (else (i64.rotl (local.get $acc) (i64.const 7))))))
        (br_if $inner (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1)))
          (i32.const 8))))
      (br_if $outer (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
        (local.get $n))))
    (i64.add (local.get $acc)
      (i64.extend_i32_u (i32.add (global.get $g) (i32.add (local.get $c) (local.get $e))))))

  ;; A return and a branch to the function's end inside the loop: their epilogues are
  ;; not the body's state.
  (func (export "early_return") (param $n i32) (result i32)
    (local $i i32)
    (loop $l
      (if (i32.eq (local.get $i) (i32.add (local.get $n) (i32.const 100)))
        (then (return (i32.const -1))))
      (br_if 1 (i32.mul (local.get $i) (i32.const 3)) (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l))
    unreachable)

  ;; An outer loop that calls (it keeps its check) around an inner one that does not.
  (func (export "calls_outside") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $s i32)
    (loop $outer
      (local.set $s (call $leaf (local.get $s)))
      (local.set $j (i32.const 0))
      (loop $inner
        (local.set $s (i32.add (local.get $s) (local.get $j)))
        (br_if $inner (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1)))
          (i32.const 5))))
      (br_if $outer (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
        (local.get $n))))
    local.get $s)

  ;; A loop with parameters and a result, values carried on the stack across iterations.
  (func (export "carried") (param $n i32) (result i32)
    (i32.const 0) (i32.const 1)
    (loop $l (param i32 i32) (result i32)
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (if (param i32 i32) (result i32 i32) (i32.gt_s (local.get $n) (i32.const 0))
        (then
          (local.set $n (i32.add (local.get $n) (i32.const 0)))
          (br $l (i32.add) (local.get $n)))
        (else))
      drop))

;; Vectors: loads and stores of every kind, lanes, shuffles, constants, float and
  ;; integer arithmetic, spills of more vectors than registers, a bit-select.
  (func (export "vectors") (param $n i32) (result i32)
    (local $i i32) (local $v v128) (local $w v128)
    (local.set $w (v128.const i32x4 1 2 3 4))
    (loop $l
      (v128.store offset=128 (i32.and (i32.mul (local.get $i) (i32.const 16)) (i32.const 1023))
        (i32x4.add (local.get $v) (local.get $w)))
      (local.set $v (i32x4.add (local.get $v)
        (v128.load offset=128 (i32.and (i32.mul (local.get $i) (i32.const 4)) (i32.const 1023)))))
      (local.set $v (v128.load32_lane offset=8 1 (i32.const 0) (local.get $v)))
      (v128.store64_lane offset=16 1 (i32.const 0) (local.get $v))
      (local.set $w (i8x16.shuffle 1 0 3 2 5 4 7 6 9 8 11 10 13 12 15 14
        (local.get $w) (v128.load8_splat offset=3 (i32.const 0))))
      (local.set $v (v128.bitselect (local.get $v)
        (f32x4.mul (f32x4.convert_i32x4_s (local.get $w)) (v128.const f32x4 0.5 2 4 8))
        (i32x4.gt_s (local.get $v) (local.get $w))))
      (local.set $w (i32x4.replace_lane 2 (local.get $w)
        (i32.add (i32x4.extract_lane 0 (local.get $v)) (local.get $i))))
      (local.set $v (i32x4.add (local.get $v)
        (i32x4.add (i32x4.add (i32x4.add (v128.const i32x4 1 1 1 1) (local.get $v))
          (i32x4.add (local.get $w) (i32x4.splat (local.get $i))))
          (i32x4.add (i32x4.add (local.get $v) (local.get $w))
            (i32x4.add (local.get $w) (i32x4.shl (local.get $v) (local.get $i)))))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
        (local.get $n))))
    (i32.add (i32x4.extract_lane 3 (local.get $v)) (i8x16.bitmask (local.get $w))))

  ;; The loop the fuel check stops: it counts its iterations at 4 and sets the flag at 0.
  (func $count (export "count")
    (loop $l
      (i32.store (i32.const 4) (i32.add (i32.load (i32.const 4)) (i32.const 1)))
      (i32.store8 (i32.const 0) (i32.const 1))
      (br $l)))
  (func $count_below (export "count_below") (call $count)))
"#;

/// The exports stepped, with their argument.
const STEPPED: &[(&str, i32)] = &[
    ("nested", 3),
    ("early_return", 6),
    ("calls_outside", 4),
    ("carried", 5),
    ("vectors", 6),
];

/// The configurations, with and without debug instrumentation.
fn configs() -> Vec<(&'static str, Config)> {
    let mut plain = Config::new();
    plain.debug_instrumentation(false);
    let mut explicit = Config::new();
    explicit
        .debug_instrumentation(false)
        .bounds_checks(BoundsChecks::Explicit);
    let mut fuel = Config::new();
    fuel.debug_instrumentation(false).consume_fuel(true);
    let mut canaries = Config::new();
    canaries
        .debug_instrumentation(false)
        .convention_canaries(true);
    // Debuggable modules' plain versions go without them too (an interrupt steps the
    // thread to a loop head there).
    let mut debuggable = Config::new();
    debuggable.debug_instrumentation(true);
    let mut debuggable_fuel = Config::new();
    debuggable_fuel
        .debug_instrumentation(true)
        .consume_fuel(true);
    vec![
        ("plain", plain),
        ("explicit bounds", explicit),
        ("fuel", fuel),
        ("canaries", canaries),
        ("debuggable", debuggable),
        ("debuggable with fuel", debuggable_fuel),
    ]
}

// What the SIGTRAP handler checks against, and what it found. Statics of atomics: the
// handler may read nothing that takes a lock.
const MAX_RANGES: usize = 64;
static RANGE_COUNT: AtomicUsize = AtomicUsize::new(0);
static RANGE_START: [AtomicUsize; MAX_RANGES] = [const { AtomicUsize::new(0) }; MAX_RANGES];
static RANGE_END: [AtomicUsize; MAX_RANGES] = [const { AtomicUsize::new(0) }; MAX_RANGES];
/// Per range: the rbp and rbp - rsp of its first step (0: not stepped yet).
static RANGE_RBP: [AtomicUsize; MAX_RANGES] = [const { AtomicUsize::new(0) }; MAX_RANGES];
static RANGE_DEPTH: [AtomicUsize; MAX_RANGES] = [const { AtomicUsize::new(0) }; MAX_RANGES];
static RANGE_STEPS: [AtomicU64; MAX_RANGES] = [const { AtomicU64::new(0) }; MAX_RANGES];
/// The r15 of the first step in any range (0: none yet).
static VMCTX: AtomicUsize = AtomicUsize::new(0);
/// The first broken rule (0: none) and the pc it broke at.
static BROKEN: AtomicUsize = AtomicUsize::new(0);
static BROKEN_AT: AtomicUsize = AtomicUsize::new(0);

const MISALIGNED: usize = 1;
const OTHER_FRAME: usize = 2;
const STACK_MOVED: usize = 3;
const OTHER_VMCTX: usize = 4;

/// One test at a time uses the handler's statics.
static STEPPING: Mutex<()> = Mutex::new(());

fn broken(rule: usize, pc: usize) {
    if BROKEN
        .compare_exchange(0, rule, Ordering::SeqCst, Ordering::SeqCst)
        .is_ok()
    {
        BROKEN_AT.store(pc, Ordering::SeqCst);
    }
}

/// The SIGTRAP handler: checks the state at a step inside a range.
extern "C" fn on_step(_sig: libc::c_int, _info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid ucontext to an SA_SIGINFO handler.
    let gregs = unsafe { &(*(ctx as *const libc::ucontext_t)).uc_mcontext.gregs };
    let pc = gregs[libc::REG_RIP as usize] as usize;
    let (rsp, rbp) = (
        gregs[libc::REG_RSP as usize] as usize,
        gregs[libc::REG_RBP as usize] as usize,
    );
    let r15 = gregs[libc::REG_R15 as usize] as usize;
    let count = RANGE_COUNT.load(Ordering::SeqCst);
    let Some(i) = (0..count).find(|&i| {
        RANGE_START[i].load(Ordering::SeqCst) <= pc && pc < RANGE_END[i].load(Ordering::SeqCst)
    }) else {
        return;
    };
    RANGE_STEPS[i].fetch_add(1, Ordering::SeqCst);
    if rsp % 16 != 0 {
        broken(MISALIGNED, pc);
    }
    let depth = rbp.wrapping_sub(rsp);
    if RANGE_RBP[i].load(Ordering::SeqCst) == 0 {
        RANGE_RBP[i].store(rbp, Ordering::SeqCst);
        RANGE_DEPTH[i].store(depth, Ordering::SeqCst);
    } else if RANGE_RBP[i].load(Ordering::SeqCst) != rbp {
        broken(OTHER_FRAME, pc);
    } else if RANGE_DEPTH[i].load(Ordering::SeqCst) != depth {
        broken(STACK_MOVED, pc);
    }
    if let Err(first) = VMCTX.compare_exchange(0, r15, Ordering::SeqCst, Ordering::SeqCst) {
        if first != r15 {
            broken(OTHER_VMCTX, pc);
        }
    }
}

fn install_step_handler() {
    // SAFETY: a plain sigaction call with a fully initialized action; the handler only
    // reads its context and atomics.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_step as *const () as usize;
        action.sa_flags = libc::SA_SIGINFO;
        libc::sigemptyset(&mut action.sa_mask);
        assert_eq!(
            libc::sigaction(libc::SIGTRAP, &action, std::ptr::null_mut()),
            0
        );
    }
}

/// Runs `f` with the trap flag set: the CPU raises SIGTRAP after every instruction.
fn single_stepped<R>(f: impl FnOnce() -> R) -> R {
    // SAFETY: sets EFLAGS.TF (bit 8) through the stack; nothing else changes. Every
    // instruction then traps into `on_step`, which returns.
    unsafe { std::arch::asm!("pushfq", "or qword ptr [rsp], 0x100", "popfq") };
    let result = f();
    // SAFETY: clears the flag again.
    unsafe { std::arch::asm!("pushfq", "and qword ptr [rsp], -257", "popfq") };
    result
}

/// Points the handler at `module`'s ranges and clears what it found.
fn watch(module: &Module) -> Vec<std::ops::Range<usize>> {
    let base = module.code().as_ptr() as usize;
    let ranges: Vec<_> = module
        .interruptible_code()
        .into_iter()
        .map(|r| base + r.start..base + r.end)
        .collect();
    assert!(ranges.len() <= MAX_RANGES);
    for (i, r) in ranges.iter().enumerate() {
        RANGE_START[i].store(r.start, Ordering::SeqCst);
        RANGE_END[i].store(r.end, Ordering::SeqCst);
    }
    RANGE_COUNT.store(ranges.len(), Ordering::SeqCst);
    reset_findings();
    ranges
}

fn reset_findings() {
    for i in 0..MAX_RANGES {
        RANGE_RBP[i].store(0, Ordering::SeqCst);
        RANGE_DEPTH[i].store(0, Ordering::SeqCst);
        RANGE_STEPS[i].store(0, Ordering::SeqCst);
    }
    VMCTX.store(0, Ordering::SeqCst);
    BROKEN.store(0, Ordering::SeqCst);
}

/// An instance of `module`, with fuel for ever if its engine counts fuel.
fn instantiate(engine: &Engine, module: &Module) -> Instance {
    let instance = Linker::new(engine).instantiate(module).unwrap();
    // Fails (and changes nothing) where fuel is off.
    let _ = instance.set_fuel(u64::MAX / 2);
    instance
}

/// The loop counter `count` keeps at 4 in `instance`'s memory.
fn counter(instance: &Instance) -> u64 {
    let memory = instance.get_memory("memory").unwrap();
    // SAFETY: 4-byte aligned inside the memory, which `instance` keeps alive and never
    // moves (`GUEST` does not grow it); the guest writes it with aligned 4-byte stores,
    // atomic on x86-64.
    let word = unsafe { std::sync::atomic::AtomicU32::from_ptr(memory.data_ptr().add(4).cast()) };
    u64::from(word.load(Ordering::SeqCst))
}

#[test]
fn every_instruction_of_a_loop_without_a_check_is_in_the_body_state() {
    let _one = STEPPING.lock().unwrap_or_else(|e| e.into_inner());
    install_step_handler();
    for (name, config) in configs() {
        let engine = Engine::new(&config);
        let compiled = Module::new(&engine, GUEST).unwrap();
        // The same code loaded back from a compiled-module file carries its ranges.
        let file = std::env::temp_dir().join(format!(
            "kestrel-interrupt-ranges-{}-{}.kwasm",
            std::process::id(),
            name.replace(' ', "-")
        ));
        compiled.serialize_to_file(&file).unwrap();
        let cached = Module::deserialize_file(&engine, &file).unwrap();
        std::fs::remove_file(&file).unwrap();
        for (how, module) in [("compiled", &compiled), ("cached", &cached)] {
            let ranges = watch(module);
            // nested (one range for both loops), early_return (cut around its two
            // epilogues), calls_outside's inner loop, carried, count.
            assert!(ranges.len() >= 5, "{name}, {how}: {ranges:?}");
            for &(export, arg) in STEPPED {
                let what = format!("{name}, {how}, {export}({arg})");
                let expected = {
                    let instance = instantiate(&engine, module);
                    instance.get_func(export).unwrap().call(&[Val::I32(arg)])
                };
                let instance = instantiate(&engine, module);
                let func = instance.get_func(export).unwrap();
                reset_findings();
                let stepped = single_stepped(|| func.call(&[Val::I32(arg)]));
                assert_eq!(
                    format!("{stepped:?}"),
                    format!("{expected:?}"),
                    "{what}: single-stepping changed the result"
                );
                let steps: u64 = (0..ranges.len())
                    .map(|i| RANGE_STEPS[i].load(Ordering::SeqCst))
                    .sum();
                assert!(steps > 0, "{what}: no step in a range");
                let rule = BROKEN.load(Ordering::SeqCst);
                assert_eq!(
                    rule,
                    0,
                    "{what}: rule {rule} broken at code offset {:#x}",
                    BROKEN_AT.load(Ordering::SeqCst) - module.code().as_ptr() as usize
                );
            }
        }
    }
}

#[test]
fn only_loops_that_cannot_leave_wasm_code_go_without_a_check() {
    let mut config = Config::new();
    config.debug_instrumentation(false);
    let engine = Engine::new(&config);
    let count = |wat: &str| {
        Module::new(&engine, wat)
            .unwrap()
            .interruptible_code()
            .len()
    };
    assert_eq!(count("(module (func (loop (br 0))))"), 1);
    // SIMD instructions never leave wasm code: the skim reads past them.
    assert_eq!(
        count(
            "(module (memory 1) (func (local v128) (loop (local.set 0 (i32x4.add \
             (v128.load32_lane 1 (i32.const 0) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 \
             12 13 14 15 (local.get 0) (v128.const i64x2 1 2))) \
             (f32x4.relaxed_madd (local.get 0) (local.get 0) (local.get 0)))) (br 0))))"
        ),
        1
    );
    assert_eq!(
        count("(module (func (param i32) (loop (br_if 0 (local.get 0)))))"),
        1
    );
    // A call, a host helper, a table access: the loop keeps its check.
    assert_eq!(count("(module (func $f (loop (call $f) (br 0))))"), 0);
    assert_eq!(
        count("(module (memory 1) (func (loop (drop (memory.grow (i32.const 0))) (br 0))))"),
        0
    );
    assert_eq!(
        count(
            "(module (memory 1) (func (loop (memory.fill (i32.const 0) (i32.const 0) \
             (i32.const 0)) (br 0))))"
        ),
        0
    );
    assert_eq!(
        count("(module (table 1 funcref) (func (loop (drop (table.get (i32.const 0))) (br 0))))"),
        0
    );
    // Inner loops without calls in an outer loop with one.
    assert_eq!(
        count(
            "(module (func $f (param i32) (loop (loop (br_if 0 (local.get 0))) \
             (call $f (local.get 0)) (loop (br_if 0 (local.get 0))) (br 0))))"
        ),
        2
    );
    // Debuggable modules record the same loops, and every head of such a loop (where an
    // interrupt steps a thread to) lies in a range; a module without instrumentation has
    // no heads (a stop ends the call anywhere in a range).
    let module = Module::new(&engine, GUEST).unwrap();
    assert!(module.loop_heads_without_check().is_empty());
    let mut config = Config::new();
    config.debug_instrumentation(true);
    let debuggable = Module::new(&Engine::new(&config), GUEST).unwrap();
    let ranges = debuggable.interruptible_code();
    assert_eq!(ranges.len(), module.interruptible_code().len());
    let heads = debuggable.loop_heads_without_check();
    // nested's two loops, early_return's, calls_outside's inner one, carried's,
    // vectors', count's.
    assert_eq!(heads.len(), 7, "{heads:?}");
    for head in heads {
        assert!(
            ranges.iter().any(|r| r.contains(&head)),
            "head {head:#x} outside {ranges:x?}"
        );
    }
}

#[test]
fn a_loop_stopped_on_the_spot_hands_over_the_fuel_it_used() {
    let mut config = Config::new();
    config.debug_instrumentation(false).consume_fuel(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, GUEST).unwrap();
    // What one iteration costs: the difference between two runs out of fuel.
    let iterations_for = |fuel: u64| {
        let instance = Linker::new(&engine).instantiate(&module).unwrap();
        instance.set_fuel(fuel).unwrap();
        let outcome = instance.get_func("count").unwrap().call(&[]);
        assert!(matches!(outcome, Err(Error::Trap(ref t)) if t.kind() == TrapKind::OutOfFuel));
        counter(&instance)
    };
    let (small, large) = (iterations_for(10_000), iterations_for(1_010_000));
    assert!(large > small);
    // A whole number of units (`Config::consume_fuel`), estimated from the two runs.
    let per_iteration = (1_000_000.0 / (large - small) as f64).round();

    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let start = u64::MAX / 2;
    instance.set_fuel(start).unwrap();
    let handle = instance.interrupt_handle();
    let func = instance.get_func("count_below").unwrap();
    std::thread::scope(|scope| {
        let caller = scope.spawn(move || func.call(&[]));
        wait_until_running(&instance);
        // Let it run some thousands of iterations: a count the test reads, not a time.
        while counter(&instance) < 10_000 {
            std::thread::yield_now();
        }
        handle.interrupt();
        let outcome = caller.join().unwrap();
        let Err(Error::Trap(trap)) = outcome else {
            panic!("expected a trap, got {outcome:?}");
        };
        assert_eq!(trap.kind(), TrapKind::Interrupted, "{trap}");
        // Stopped inside the loop: the backtrace is the loop's function and its caller.
        let names: Vec<_> = trap
            .backtrace()
            .iter()
            .map(|frame| frame.func_name.as_deref())
            .collect();
        assert_eq!(names, [Some("count"), Some("count_below")], "{trap}");
    });
    let iterations = counter(&instance) as f64;
    let used = (start - instance.fuel().unwrap()) as f64;
    // The iterations done, give or take the one under way and the entry.
    assert!(
        (used - iterations * per_iteration).abs() <= 2.0 * per_iteration + 16.0,
        "{iterations} iterations of {per_iteration} units used {used}"
    );
}
