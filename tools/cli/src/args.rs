//! Command-line values: parsing argument strings into `Val`s by the callee's parameter
//! types, and printing results.
//!
//! Shared by every subcommand that calls a wasm function (`run` and `debug`), so
//! the accepted spellings and the printed forms are the same everywhere:
//! - integers: signed decimal (`-7`), or hex (`0xff`, `-0x10`); a hex literal without a
//!   sign is a bit pattern, so `0xffffffff` is the i32 `-1`;
//! - floats: anything Rust's `str::parse` accepts, including `nan`, `inf`, `-inf`;
//! - references: only `null` can be written; results print as `null` or `ref`;
//! - v128: one 128-bit number, decimal or hex (`0x` and up to 32 digits, lane 0 in the
//!   low bits); results print as `0x` and 32 hex digits.

use anyhow::{anyhow, bail, Result};
use kestrel::{FuncType, Val, ValType};

/// Parses one argument string as a value of type `ty`.
pub fn parse_val(ty: ValType, text: &str) -> Result<Val> {
    let invalid = || anyhow!("`{text}` is not a valid {ty}");
    Ok(match ty {
        ValType::I32 => Val::I32(parse_int(text, 32).ok_or_else(invalid)? as i32),
        ValType::I64 => Val::I64(parse_int(text, 64).ok_or_else(invalid)? as i64),
        ValType::F32 => Val::from_f32(text.parse::<f32>().map_err(|_| invalid())?),
        ValType::F64 => Val::from_f64(text.parse::<f64>().map_err(|_| invalid())?),
        ValType::Ref(r) if text != "null" || !r.nullable() => {
            bail!("`{text}` is not a valid {ty} (only `null` can be passed from the command line)")
        }
        ValType::Ref(_) => Val::default_for(ty),
        ValType::V128 => Val::V128(parse_v128(text).ok_or_else(invalid)?),
    })
}

/// A v128 argument: a 128-bit unsigned number, decimal or `0x` hex.
fn parse_v128(text: &str) -> Option<u128> {
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u128::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

/// Parses the arguments of a call to `name` (of type `ty`): one string per parameter.
pub fn parse_args(name: &str, ty: &FuncType, texts: &[String]) -> Result<Vec<Val>> {
    let params = ty.params();
    if texts.len() != params.len() {
        let types = params
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        bail!(
            "`{name}` takes {} argument{} ({}), but {} {} given",
            params.len(),
            if params.len() == 1 { "" } else { "s" },
            if types.is_empty() { "none" } else { &types },
            texts.len(),
            if texts.len() == 1 { "was" } else { "were" },
        );
    }
    params
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (ty, text))| {
            parse_val(*ty, text).map_err(|e| anyhow!("argument {} of `{name}`: {e}", i + 1))
        })
        .collect()
}

/// Rejects an option written after the function's arguments. ARGS accepts values that
/// start with `-` (`-5`, `-inf`), so clap hands such an option over as an argument; no
/// number starts with `--`. `usage` shows where options go.
pub fn reject_late_options(texts: &[String], usage: &str) -> Result<()> {
    match texts.iter().find(|a| a.starts_with("--")) {
        Some(option) => {
            bail!("`{option}` after the function's arguments: options go first ({usage})")
        }
        None => Ok(()),
    }
}

/// The printed form of a value: integers in signed decimal, floats in Rust's shortest
/// round-trip form, references as `null` or `ref`.
pub fn format_val(val: &Val) -> String {
    match val {
        Val::I32(v) => v.to_string(),
        Val::I64(v) => v.to_string(),
        Val::F32(bits) => f32::from_bits(*bits).to_string(),
        Val::F64(bits) => f64::from_bits(*bits).to_string(),
        Val::FuncRef(None) | Val::ExternRef(None) | Val::ExnRef(None) => "null".to_string(),
        Val::FuncRef(Some(_)) | Val::ExternRef(Some(_)) | Val::ExnRef(Some(_)) => "ref".to_string(),
        Val::V128(bits) => format!("{bits:#034x}"),
    }
}

/// Parses an integer literal of `bits` width (32 or 64) into its two's-complement value,
/// sign-extended to i128; `None` if it is malformed or out of range.
fn parse_int(text: &str, bits: u32) -> Option<i128> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (digits, radix) = match unsigned
        .strip_prefix("0x")
        .or_else(|| unsigned.strip_prefix("0X"))
    {
        Some(hex) => (hex, 16),
        None => (unsigned, 10),
    };
    // `from_str_radix` would accept a second sign; only digits may follow ours.
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u128::from_str_radix(digits, radix).ok()?;
    let min_magnitude = 1u128 << (bits - 1); // |iN::MIN|
    if negative {
        return (magnitude <= min_magnitude).then(|| -(magnitude as i128));
    }
    if radix == 16 {
        // A bit pattern: up to 2^bits - 1, reinterpreted as signed.
        if magnitude >= 1u128 << bits {
            return None;
        }
        let value = magnitude as i128;
        return Some(if magnitude >= min_magnitude {
            value - (1i128 << bits)
        } else {
            value
        });
    }
    (magnitude < min_magnitude).then_some(magnitude as i128)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i32_of(text: &str) -> Option<i32> {
        parse_val(ValType::I32, text).ok().map(|v| v.i32().unwrap())
    }

    fn i64_of(text: &str) -> Option<i64> {
        parse_val(ValType::I64, text).ok().map(|v| v.i64().unwrap())
    }

    #[test]
    fn integers_decimal() {
        assert_eq!(i32_of("0"), Some(0));
        assert_eq!(i32_of("30"), Some(30));
        assert_eq!(i32_of("-5"), Some(-5));
        assert_eq!(i32_of("+5"), Some(5));
        assert_eq!(i32_of("2147483647"), Some(i32::MAX));
        assert_eq!(i32_of("-2147483648"), Some(i32::MIN));
        assert_eq!(i32_of("2147483648"), None);
        assert_eq!(i32_of("-2147483649"), None);
        assert_eq!(i64_of("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(i64_of("9223372036854775807"), Some(i64::MAX));
        assert_eq!(i64_of("9223372036854775808"), None);
    }

    #[test]
    fn integers_hex() {
        assert_eq!(i32_of("0x10"), Some(16));
        assert_eq!(i32_of("0XfF"), Some(255));
        assert_eq!(i32_of("-0x10"), Some(-16));
        assert_eq!(i32_of("0x7fffffff"), Some(i32::MAX));
        assert_eq!(i32_of("0x80000000"), Some(i32::MIN));
        assert_eq!(i32_of("0xffffffff"), Some(-1));
        assert_eq!(i32_of("-0x80000000"), Some(i32::MIN));
        assert_eq!(i32_of("0x100000000"), None);
        assert_eq!(i32_of("-0x80000001"), None);
        assert_eq!(i64_of("0xffffffffffffffff"), Some(-1));
        assert_eq!(i64_of("0x8000000000000000"), Some(i64::MIN));
        assert_eq!(i64_of("0x10000000000000000"), None);
    }

    #[test]
    fn integers_malformed() {
        for text in [
            "", "-", "+", "0x", "-0x", "abc", "1.5", "--1", "+-1", "-+1", "0x-1", "1e3", " 1",
        ] {
            assert_eq!(i32_of(text), None, "{text:?}");
            assert_eq!(i64_of(text), None, "{text:?}");
        }
    }

    #[test]
    fn floats() {
        let f32_of = |t: &str| parse_val(ValType::F32, t).ok().map(|v| v.f32().unwrap());
        let f64_of = |t: &str| parse_val(ValType::F64, t).ok().map(|v| v.f64().unwrap());
        assert_eq!(f32_of("1.5"), Some(1.5));
        assert_eq!(f32_of("-0.25"), Some(-0.25));
        assert_eq!(f32_of("3"), Some(3.0));
        assert_eq!(f32_of("inf"), Some(f32::INFINITY));
        assert_eq!(f32_of("-inf"), Some(f32::NEG_INFINITY));
        assert!(f32_of("nan").unwrap().is_nan());
        assert_eq!(f64_of("1e300"), Some(1e300));
        assert_eq!(f64_of("-inf"), Some(f64::NEG_INFINITY));
        assert!(f64_of("NaN").unwrap().is_nan());
        assert_eq!(f64_of("x"), None);
        assert_eq!(f32_of(""), None);
    }

    #[test]
    fn references() {
        assert!(matches!(
            parse_val(ValType::FUNCREF, "null"),
            Ok(Val::FuncRef(None))
        ));
        assert!(matches!(
            parse_val(ValType::EXTERNREF, "null"),
            Ok(Val::ExternRef(None))
        ));
        assert!(parse_val(ValType::EXTERNREF, "1").is_err());
    }

    #[test]
    fn argument_count_and_position() {
        let ty = FuncType::new([ValType::I32, ValType::F64], [ValType::I32]);
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let vals = parse_args("f", &ty, &args(&["-1", "2.5"])).unwrap();
        assert_eq!(vals[0].i32(), Some(-1));
        assert_eq!(vals[1].f64(), Some(2.5));

        let err = parse_args("f", &ty, &args(&["1"])).unwrap_err().to_string();
        assert_eq!(err, "`f` takes 2 arguments (i32 f64), but 1 was given");
        let none = FuncType::new([], []);
        let err = parse_args("g", &none, &args(&["1", "2"]))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "`g` takes 0 arguments (none), but 2 were given");
        let err = parse_args("f", &ty, &args(&["1", "x"]))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "argument 2 of `f`: `x` is not a valid f64");
    }

    #[test]
    fn v128_values_parse_and_print_as_128_bit_numbers() {
        let v = parse_val(
            ValType::V128,
            "0x000000040000000300000002_00000001"
                .replace('_', "")
                .as_str(),
        )
        .unwrap();
        assert!(matches!(
            v,
            Val::V128(0x0000_0004_0000_0003_0000_0002_0000_0001)
        ));
        assert_eq!(format_val(&v), "0x00000004000000030000000200000001");
        assert!(matches!(
            parse_val(ValType::V128, "7").unwrap(),
            Val::V128(7)
        ));
        assert!(parse_val(ValType::V128, "0x1ffffffffffffffffffffffffffffffff").is_err());
        assert!(parse_val(ValType::V128, "-1").is_err());
    }

    #[test]
    fn printing() {
        assert_eq!(format_val(&Val::I32(-7)), "-7");
        assert_eq!(format_val(&Val::I32(i32::MIN)), "-2147483648");
        assert_eq!(format_val(&Val::I64(i64::MAX)), "9223372036854775807");
        assert_eq!(format_val(&Val::from_f32(0.1)), "0.1");
        assert_eq!(format_val(&Val::from_f32(1.0)), "1");
        assert_eq!(format_val(&Val::from_f64(0.1 + 0.2)), "0.30000000000000004");
        assert_eq!(format_val(&Val::from_f64(-0.0)), "-0");
        assert_eq!(format_val(&Val::from_f64(f64::INFINITY)), "inf");
        assert_eq!(format_val(&Val::from_f64(f64::NAN)), "NaN");
        assert_eq!(format_val(&Val::FuncRef(None)), "null");
        assert_eq!(format_val(&Val::ExternRef(None)), "null");
        let host = Val::ExternRef(Some(kestrel::ExternRef::new(1u8)));
        assert_eq!(format_val(&host), "ref");
    }

    #[test]
    fn printed_floats_parse_back() {
        for v in [0.1f32, 1.0 / 3.0, f32::MAX, f32::MIN_POSITIVE, -2.5e-30] {
            let printed = format_val(&Val::from_f32(v));
            assert_eq!(parse_val(ValType::F32, &printed).unwrap().f32(), Some(v));
        }
        for v in [0.1f64, 1.0 / 3.0, f64::MAX, 5e-324, -1.25e200] {
            let printed = format_val(&Val::from_f64(v));
            assert_eq!(parse_val(ValType::F64, &printed).unwrap().f64(), Some(v));
        }
    }
}
