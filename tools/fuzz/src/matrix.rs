//! The location matrix: for every operator class, every place the compile-time value
//! stack can hold each operand, against every consumer, enumerated rather than sampled.
//!
//! Locations of an operand (how the case puts it there):
//! - `const`: a constant (an immediate);
//! - `frame`: a lazy read of a local that lives in its frame slot (one of the least used
//!   locals of a function with more locals than pinned registers);
//! - `pinned`: a lazy read of a local pinned in a callee-saved register (a heavily used
//!   local, weighted by a loop);
//! - `register`: the result of an operation, in a temporary;
//! - `slot`: a register value spilled to its canonical slot (a block opened above it);
//! - `flags`: an i32 comparison still in the CPU flags;
//! - `call`: the result of a call, taken from rax or xmm0.
//!
//! Consumers: binary operators (both operands, every pair of locations), unary operators
//! and conversions, `local.set` into a pinned or a frame local, `local.tee`, the in-place
//! update `x = x op y`, call arguments (first, which also travels in rsi, and second) to a
//! small leaf and to a larger callee, `call_indirect` arguments against the index's
//! location, branch values (`br`, `br_if` with its condition, `br_table` with its index),
//! `return`, `select` (operands and condition), `if` conditions, load and store addresses
//! and stored values, and `global.set`.
//!
//! Each case is an exported function named after what it tests (`i32.add(pinned, slot)`,
//! `call_indirect(arg0=register, index=call)`), so a divergence names its case. Cases of
//! one operand type share a module; every module goes through the oracle.

use crate::oracle::{Oracle, Verdict};
use std::fmt::Write;

/// Where a case puts an operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Loc {
    Const,
    Frame,
    Pinned,
    Register,
    Slot,
    Flags,
    Call,
}

const LOCATIONS: [Loc; 7] = [
    Loc::Const,
    Loc::Frame,
    Loc::Pinned,
    Loc::Register,
    Loc::Slot,
    Loc::Flags,
    Loc::Call,
];

impl Loc {
    fn name(self) -> &'static str {
        match self {
            Loc::Const => "const",
            Loc::Frame => "frame",
            Loc::Pinned => "pinned",
            Loc::Register => "register",
            Loc::Slot => "slot",
            Loc::Flags => "flags",
            Loc::Call => "call",
        }
    }
}

/// The operand types, with what a case function of that type needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    I32,
    I64,
    F32,
    F64,
    V128,
}

const TYS: [Ty; 5] = [Ty::I32, Ty::I64, Ty::F32, Ty::F64, Ty::V128];

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::I32 => "i32",
            Ty::I64 => "i64",
            Ty::F32 => "f32",
            Ty::F64 => "f64",
            Ty::V128 => "v128",
        }
    }
    fn is_float(self) -> bool {
        matches!(self, Ty::F32 | Ty::F64)
    }
    /// Whether values of this type live in xmm registers (floats and vectors share the
    /// pinned xmm registers).
    fn in_xmm(self) -> bool {
        self.is_float() || self == Ty::V128
    }
    /// The full name of operator `op` of this type (`i32.add` from `add`; vector
    /// operators are named in full already).
    fn op(self, op: &str) -> String {
        match self {
            Ty::V128 => op.to_string(),
            _ => format!("{}.{op}", self.name()),
        }
    }
    /// A zero, for a global's initialiser.
    fn zero(self) -> &'static str {
        match self {
            Ty::V128 => "v128.const i64x2 0 0",
            Ty::I32 => "i32.const 0",
            Ty::I64 => "i64.const 0",
            Ty::F32 => "f32.const 0",
            Ty::F64 => "f64.const 0",
        }
    }
    /// Locations an operand of this type can have (flags hold only i32 booleans).
    fn locations(self) -> Vec<Loc> {
        LOCATIONS
            .into_iter()
            .filter(|l| *l != Loc::Flags || self == Ty::I32)
            .collect()
    }
    fn constant(self) -> &'static str {
        match self {
            Ty::I32 => "i32.const -7",
            Ty::I64 => "i64.const 0x123456789",
            Ty::F32 => "f32.const -1.5",
            Ty::F64 => "f64.const 2.25",
            Ty::V128 => "v128.const i32x4 -7 0x12345678 3 -1",
        }
    }
    /// Combines the two top values into one (so both paths of a branch stay visible).
    fn combine(self) -> String {
        match self {
            Ty::I32 | Ty::I64 | Ty::V128 => format!("{}.xor", self.name()),
            _ => format!("{}.add", self.name()),
        }
    }
    /// Heavily used locals besides `$q`: with `$q` they fill the pinned registers of the
    /// type's class, so that the light locals (`$a`, `$b`, `$f`, `$s`) stay in the frame.
    fn heavy(self) -> usize {
        match self {
            Ty::I32 => 3,
            // With the i32 `$iq`, also integer class.
            Ty::I64 => 2,
            Ty::F32 | Ty::F64 | Ty::V128 => 7,
        }
    }
    /// The operator of the in-place update case `x = x op y`.
    fn update(self) -> &'static str {
        match self {
            Ty::F32 | Ty::F64 => "mul",
            Ty::I32 | Ty::I64 => "sub",
            Ty::V128 => "i32x4.sub",
        }
    }
}

/// The value-producing instructions for an operand of type `t` at location `loc`, read
/// from the case's parameters (`$a` for t, `$i` for i32 operands of other types).
fn produce(t: Ty, loc: Loc) -> String {
    let n = t.name();
    match loc {
        Loc::Const => t.constant().into(),
        Loc::Frame => "local.get $f".into(),
        Loc::Pinned => "local.get $q".into(),
        Loc::Register if t.is_float() => format!("local.get $a\n{n}.const 1\n{n}.mul"),
        Loc::Register if t == Ty::V128 => "local.get $a\nv128.const i64x2 0 0\ni32x4.add".into(),
        Loc::Register => format!("local.get $a\n{n}.const 0\n{n}.add"),
        Loc::Slot => format!("{}\nblock\nend", produce(t, Loc::Register)),
        Loc::Flags => "local.get $a\nlocal.get $b\ni32.lt_s".into(),
        Loc::Call => format!("local.get $a\ncall $id_{n}"),
    }
}

/// An i32 operand (an index, a condition, an address) at `loc`, from `$i`.
fn produce_i32(t: Ty, loc: Loc) -> String {
    if t == Ty::I32 {
        return produce(Ty::I32, loc)
            .replace("$a", "$i")
            .replace("$b", "$a");
    }
    match loc {
        Loc::Const => "i32.const 1".into(),
        Loc::Frame => "local.get $i".into(),
        Loc::Pinned => "local.get $iq".into(),
        Loc::Register => "local.get $i\ni32.const 0\ni32.add".into(),
        Loc::Slot => "local.get $i\ni32.const 0\ni32.add\nblock\nend".into(),
        Loc::Flags => "local.get $i\ni32.const 3\ni32.lt_u".into(),
        Loc::Call => "local.get $i\ncall $id_i32".into(),
    }
}

/// For a vector operator whose result lanes are floats computed by arithmetic (where a
/// NaN's sign and payload are the engine's choice), the instructions that replace every
/// NaN lane of the result with the canonical NaN through the case's `$c`, so that results
/// compare bit for bit.
fn canonicalize_nans(op: &str) -> Option<String> {
    let (shape, nan) = match op {
        "f32x4.add" | "f32x4.sqrt" => {
            ("f32x4", "i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000")
        }
        "f64x2.min" => ("f64x2", "i64x2 0x7ff8000000000000 0x7ff8000000000000"),
        _ => return None,
    };
    // bitselect(result, canonical NaN, result == result): the result where a lane is a
    // number, the canonical NaN where it is not.
    Some(format!(
        "local.tee $c\nv128.const {nan}\nlocal.get $c\nlocal.get $c\n{shape}.eq\nv128.bitselect"
    ))
}

/// One case: its export name, result type and body (after the common set-up).
struct Case {
    name: String,
    result: &'static str,
    body: String,
}

fn binary_ops(t: Ty) -> Vec<(&'static str, bool)> {
    // (operator, result is i32 rather than t)
    match t {
        Ty::I32 | Ty::I64 => vec![
            ("add", false),
            ("sub", false),
            ("mul", false),
            ("div_s", false),
            ("div_u", false),
            ("rem_s", false),
            ("rem_u", false),
            ("and", false),
            ("or", false),
            ("xor", false),
            ("shl", false),
            ("shr_s", false),
            ("shr_u", false),
            ("rotl", false),
            ("rotr", false),
            ("lt_s", true),
            ("ge_u", true),
        ],
        Ty::F32 | Ty::F64 => vec![
            ("add", false),
            ("sub", false),
            ("mul", false),
            ("div", false),
            ("min", false),
            ("max", false),
            ("copysign", false),
            ("lt", true),
            ("ne", true),
        ],
        // Every way a vector operation treats its second operand: read in place or from
        // its slot, copied, or changed (the two-operand shuffle, extended multiplies).
        Ty::V128 => vec![
            ("i32x4.add", false),
            ("i8x16.sub", false),
            ("i16x8.mul", false),
            ("i64x2.mul", false),
            ("v128.and", false),
            ("v128.andnot", false),
            ("i8x16.swizzle", false),
            (
                "i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31",
                false,
            ),
            (
                "i8x16.shuffle 16 17 18 19 0 1 2 3 20 21 22 23 4 5 6 7",
                false,
            ),
            // One operand used: a's bytes, then b's whole lanes.
            ("i8x16.shuffle 3 2 1 0 7 6 5 4 11 10 9 8 15 14 13 12", false),
            (
                "i8x16.shuffle 20 21 22 23 16 17 18 19 28 29 30 31 24 25 26 27",
                false,
            ),
            ("f32x4.add", false),
            ("f64x2.min", false),
            ("f32x4.pmax", false),
            ("i32x4.lt_s", false),
            ("i32x4.min_u", false),
            ("i8x16.gt_u", false),
            ("i8x16.narrow_i16x8_s", false),
            ("i16x8.extmul_low_i8x16_s", false),
            ("i64x2.extmul_high_i32x4_u", false),
            ("i32x4.dot_i16x8_s", false),
            ("i8x16.avgr_u", false),
            ("i16x8.q15mulr_sat_s", false),
        ],
    }
}

fn unary_ops(t: Ty) -> Vec<(&'static str, &'static str)> {
    // (operator, result type)
    match t {
        Ty::I32 => vec![
            ("i32.clz", "i32"),
            ("i32.eqz", "i32"),
            ("i32.extend8_s", "i32"),
            ("i64.extend_i32_u", "i64"),
            ("f64.convert_i32_s", "f64"),
            ("f32.reinterpret_i32", "f32"),
        ],
        Ty::I64 => vec![
            ("i64.popcnt", "i64"),
            ("i64.eqz", "i32"),
            ("i32.wrap_i64", "i32"),
            ("f32.convert_i64_u", "f32"),
            ("f64.reinterpret_i64", "f64"),
        ],
        Ty::F32 => vec![
            ("f32.neg", "f32"),
            ("f32.sqrt", "f32"),
            ("f64.promote_f32", "f64"),
            ("i32.trunc_sat_f32_s", "i32"),
            ("i64.trunc_f32_u", "i64"),
        ],
        Ty::F64 => vec![
            ("f64.abs", "f64"),
            ("f64.nearest", "f64"),
            ("f32.demote_f64", "f32"),
            ("i64.trunc_sat_f64_u", "i64"),
            ("i32.trunc_f64_s", "i32"),
        ],
        Ty::V128 => vec![
            ("i32x4.neg", "v128"),
            ("v128.not", "v128"),
            ("i8x16.popcnt", "v128"),
            ("f32x4.sqrt", "v128"),
            ("i16x8.extend_high_i8x16_s", "v128"),
            ("i32x4.trunc_sat_f32x4_u", "v128"),
            ("f32x4.convert_i32x4_u", "v128"),
            ("v128.any_true", "i32"),
            ("i32x4.bitmask", "i32"),
            ("i32x4.extract_lane 2", "i32"),
            ("f64x2.extract_lane 1", "f64"),
        ],
    }
}

/// Every case for operand type `t`.
fn cases(t: Ty) -> Vec<Case> {
    let n = t.name();
    let locs = t.locations();
    let mut out = Vec::new();
    let mut case = |name: String, result: &'static str, body: String| {
        out.push(Case { name, result, body });
    };
    let tn: &'static str = n;
    // Binary operators, every pair of locations.
    for (op, compare) in binary_ops(t) {
        for &l1 in &locs {
            for &l2 in &locs {
                let mut body = format!("{}\n{}\n{}", produce(t, l1), produce(t, l2), t.op(op));
                if let Some(canonical) = canonicalize_nans(op) {
                    body = format!("{body}\n{canonical}");
                }
                let result = if compare { "i32" } else { tn };
                case(
                    format!("{}({}, {})", t.op(op), l1.name(), l2.name()),
                    result,
                    body,
                );
            }
            // A pinned local's register is read-only to the operator: the local keeps
            // its value after being an operand.
            case(
                format!("{}(pinned, {}) keeps pinned", t.op(op), l1.name()),
                tn,
                format!(
                    "{}\n{}\n{}\ndrop\nlocal.get $q",
                    produce(t, Loc::Pinned),
                    produce(t, l1),
                    t.op(op)
                ),
            );
        }
    }
    for &l in &locs {
        let p = produce(t, l);
        let ln = l.name();
        for (op, result) in unary_ops(t) {
            let canonical = canonicalize_nans(op).map_or(String::new(), |c| format!("\n{c}"));
            case(
                format!("{op}({ln})"),
                result,
                format!("{p}\n{op}{canonical}"),
            );
        }
        case(
            format!("local.set pinned <- {ln}"),
            tn,
            format!("{p}\nlocal.set $q\nlocal.get $q"),
        );
        case(
            format!("local.set frame <- {ln}"),
            tn,
            format!("{p}\nlocal.set $f\nlocal.get $f"),
        );
        case(
            format!("local.tee <- {ln}"),
            tn,
            format!(
                "local.get $s\n{p}\nlocal.tee $s\n{}\nlocal.get $s\n{}",
                t.combine(),
                t.combine()
            ),
        );
        let update = t.update();
        let update_op = t.op(update);
        case(
            format!("pinned = pinned {update} {ln}"),
            tn,
            format!("local.get $q\n{p}\n{update_op}\nlocal.set $q\nlocal.get $q"),
        );
        case(
            format!("frame = frame {update} {ln}"),
            tn,
            format!(
                "local.get $f\n{p}\n{update_op}\nlocal.tee $f\nlocal.get $f\n{}",
                t.combine()
            ),
        );
        for callee in ["small", "big"] {
            case(
                format!("call {callee} arg0 <- {ln}"),
                tn,
                format!("{p}\n{}\ncall ${callee}_first_{n}", t.constant()),
            );
            case(
                format!("call {callee} arg1 <- {ln}"),
                tn,
                format!("{}\n{p}\ncall ${callee}_second_{n}", t.constant()),
            );
        }
        case(
            format!("br <- {ln}"),
            tn,
            format!("block (result {n})\n{p}\nbr 0\nend"),
        );
        case(format!("return <- {ln}"), tn, format!("{p}\nreturn"));
        case(
            format!("global.set <- {ln}"),
            tn,
            format!("{p}\nglobal.set $g_{n}\nglobal.get $g_{n}"),
        );
        case(
            format!("store value <- {ln}"),
            tn,
            format!("i32.const 8\n{p}\n{n}.store\ni32.const 8\n{n}.load"),
        );
        // Locations of i32 operands of this case type: indices, conditions, addresses.
        let ip = produce_i32(t, l);
        case(
            format!("if cond <- {ln}"),
            tn,
            format!(
                "{ip}\nif (result {n})\n{}\nelse\nlocal.get $a\nend",
                t.constant()
            ),
        );
        case(
            format!("select cond <- {ln}"),
            tn,
            format!("{}\nlocal.get $a\n{ip}\nselect", t.constant()),
        );
        case(
            format!("load address <- {ln}"),
            tn,
            format!("{ip}\n{n}.load offset=4"),
        );
        case(
            format!("store address <- {ln}"),
            tn,
            format!("{ip}\n{}\n{n}.store offset=4\nlocal.get $a", t.constant()),
        );
        for &l2 in &locs {
            let p2 = produce(t, l2);
            let ip2 = produce_i32(t, l2);
            let l2n = l2.name();
            case(
                format!("select({ln}, {l2n})"),
                tn,
                format!("{p}\n{p2}\nlocal.get $i\nselect"),
            );
            case(
                format!("call_indirect(arg0={ln}, index={l2n})"),
                tn,
                format!(
                    "{p}\n{}\n{ip2}\ncall_indirect (type $bin_{n})",
                    t.constant()
                ),
            );
            case(
                format!("br_if(value={ln}, cond={l2n})"),
                tn,
                format!(
                    "block (result {n})\n{p}\n{ip2}\nbr_if 0\n{}\n{}\nend",
                    t.constant(),
                    t.combine()
                ),
            );
            case(
                format!("br_table(value={ln}, index={l2n})"),
                tn,
                format!(
                    "block (result {n})\nblock (result {n})\n{p}\n{ip2}\nbr_table 0 1 0\nend\n{}\n{}\nend",
                    t.constant(),
                    t.combine()
                ),
            );
        }
    }
    out
}

/// The module text for a batch of cases of type `t`.
fn module_text(t: Ty, batch: &[Case]) -> String {
    let n = t.name();
    let mut m = String::new();
    let _ = writeln!(m, "(module");
    let _ = writeln!(m, "  (type $bin_{n} (func (param {n} {n}) (result {n})))");
    let _ = writeln!(m, "  (memory 1)");
    for g in TYS {
        let gn = g.name();
        let _ = writeln!(m, "  (global $g_{gn} (mut {gn}) ({}))", g.zero());
    }
    // Small leaves (a body of a few bytes: compiled without a prologue's stack check, the
    // first integer parameter kept in rsi) and larger callees that pin their parameters
    // and use temporaries.
    for u in TYS {
        let un = u.name();
        let _ = writeln!(
            m,
            "  (func $id_{un} (param {un}) (result {un}) local.get 0)"
        );
    }
    let _ = writeln!(m, "  (func $small_first_{n} (type $bin_{n}) local.get 0)");
    let _ = writeln!(m, "  (func $small_second_{n} (type $bin_{n}) local.get 1)");
    let pad = format!(
        "local.get 0\nlocal.get 1\n{}\nlocal.get 1\n{}\nglobal.set $g_{n}",
        t.combine(),
        t.combine()
    );
    let _ = writeln!(
        m,
        "  (func $big_first_{n} (type $bin_{n})\n{pad}\nlocal.get 0)"
    );
    let _ = writeln!(
        m,
        "  (func $big_second_{n} (type $bin_{n})\n{pad}\nlocal.get 1)"
    );
    let _ = writeln!(
        m,
        "  (table 4 funcref)\n  (elem (i32.const 0) $small_first_{n} $small_second_{n} $big_first_{n} $big_second_{n})"
    );
    for (k, c) in batch.iter().enumerate() {
        let name = c.name.replace('"', "'");
        let _ = writeln!(
            m,
            "  (func $case{k} (export \"{name}\") (param $a {n}) (param $b {n}) (param $i i32) (result {})",
            c.result
        );
        let _ = writeln!(
            m,
            "    (local $q {n}) (local $f {n}) (local $s {n}) (local $iq i32)"
        );
        if t == Ty::V128 {
            // For `canonicalize_nans`.
            let _ = writeln!(m, "    (local $c v128)");
        }
        for h in 0..t.heavy() {
            let _ = writeln!(m, "    (local $h{h} {n})");
        }
        // Float and vector cases: heavy i32 locals too, so that `$i` stays in the frame.
        let heavy_i32 = if t.in_xmm() { 3 } else { 0 };
        for k in 0..heavy_i32 {
            let _ = writeln!(m, "    (local $k{k} i32)");
        }
        // Set-up: the light locals from the parameters; the heavy ones used in a loop,
        // which weighs their uses, so that they (and `$q`, `$iq`) get the registers.
        let _ = writeln!(
            m,
            "    local.get $a\n    local.set $f\n    local.get $b\n    local.set $q"
        );
        let _ = writeln!(m, "    local.get $i\n    local.set $iq");
        let _ = writeln!(m, "    loop");
        for v in std::iter::once("$q".to_string())
            .chain(std::iter::once("$iq".to_string()))
            .chain((0..t.heavy()).map(|h| format!("$h{h}")))
            .chain((0..heavy_i32).map(|k| format!("$k{k}")))
        {
            let _ = writeln!(m, "      local.get {v}\n      local.set {v}");
        }
        let _ = writeln!(m, "    end");
        for line in c.body.lines() {
            let _ = writeln!(m, "    {line}");
        }
        let _ = writeln!(m, "  )");
    }
    let _ = writeln!(m, ")");
    m
}

/// What a run of the matrix found.
pub struct Report {
    /// Cases run (each one call with its expected behaviour).
    pub cases: usize,
    /// Modules the cases were packed into.
    pub modules: usize,
    /// One line per failing module: the cases it holds and what differed.
    pub failures: Vec<String>,
    /// Modules where only wasmi 2.0 differs (`Verdict::ReferenceBug`).
    pub reference_bugs: Vec<String>,
}

/// Cases per module.
const BATCH: usize = 60;

/// Every module of the matrix, as (operand type, text).
pub fn modules() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for t in TYS {
        let all = cases(t);
        for (k, batch) in all.chunks(BATCH).enumerate() {
            out.push((format!("{}-{k}", t.name()), module_text(t, batch)));
        }
    }
    out
}

/// Number of cases in the matrix.
pub fn case_count() -> usize {
    TYS.iter().map(|&t| cases(t).len()).sum()
}

/// Runs every case through the oracle.
pub fn run(oracle: &Oracle) -> Report {
    let mut failures = Vec::new();
    let mut reference_bugs = Vec::new();
    let modules = modules();
    for (name, text) in &modules {
        let bytes = match wat::parse_str(text) {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!("matrix module {name} does not assemble: {e}"));
                continue;
            }
        };
        match oracle.check(&bytes) {
            Verdict::Agree { .. } => {}
            Verdict::Skip(why) => failures.push(format!("matrix module {name} skipped: {why}")),
            Verdict::Diverge(why) => failures.push(format!("matrix module {name}: {why}")),
            Verdict::ReferenceBug(why) => {
                reference_bugs.push(format!("matrix module {name}: {why}"))
            }
        }
    }
    Report {
        cases: case_count(),
        modules: modules.len(),
        failures,
        reference_bugs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_module_assembles_and_validates() {
        for (name, text) in modules() {
            let bytes = wat::parse_str(&text).unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
            wasmparser::Validator::new()
                .validate_all(&bytes)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn the_matrix_is_complete() {
        // 7 locations for i32 and 6 for the others, squared, for each binary operator.
        let binary: usize = TYS
            .iter()
            .map(|&t| binary_ops(t).len() * t.locations().len().pow(2))
            .sum();
        assert_eq!(binary, 17 * 49 + 17 * 36 + 9 * 36 * 2 + 23 * 36);
        assert!(case_count() > binary + 1000, "{}", case_count());
    }
}
