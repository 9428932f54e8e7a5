//! What the debugger prints about a stopped frame (the innermost one or a caller the
//! user selected): the stop itself, the call chain, locals, operand stack, globals and
//! memory, and the one write it offers (`set local`). Each
//! function returns the output lines; `debug` prints them.

use crate::args::{format_val, parse_val};
use crate::failure::format_location;
use anyhow::{anyhow, bail, Result};
use kestrel::{DebugEvent, Frame, Val, ValType, WatchKind, Watchpoint};

/// The most bytes one `x` command dumps.
pub const MAX_EXAMINE: usize = 0x10000;

/// Bytes per line of a memory dump.
const DUMP_WIDTH: usize = 16;

/// `stop <event> func=<index>[:<name>] offset=0x<offset>`.
pub fn stop_lines(event: &DebugEvent, frame: &Frame<'_>) -> Vec<String> {
    let name = frame.func_name();
    let location = format_location(frame.func_index(), name.as_deref(), frame.offset());
    let mut lines = vec![format!("stop {} {location}", event.name())];
    if let DebugEvent::Watchpoint(hit) = event {
        let access = if hit.write { "write" } else { "read" };
        let by = if hit.by_host { " by the host" } else { "" };
        let mut line = format!(
            "watchpoint {}: {access}{by} of {} bytes at {:#x} of memory {}",
            hit.id, hit.len, hit.addr, hit.memory
        );
        if let (Some(old), Some(new)) = (&hit.old, &hit.new) {
            line += &format!(": {} -> {}", hex(old), hex(new));
        }
        lines.push(line);
    }
    lines
}

/// `watchpoint N memory=M 0xADDR LEN KIND`.
pub fn watchpoint_line(w: &Watchpoint) -> String {
    let kind = match w.kind {
        WatchKind::Read => "read",
        WatchKind::Write => "write",
        WatchKind::Access => "access",
    };
    format!(
        "watchpoint {} memory={} {:#x} {} {kind}",
        w.id, w.memory, w.addr, w.len
    )
}

/// Bytes as hex pairs separated by spaces.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `#<depth> func=<index>[:<name>] offset=0x<offset>` per frame, innermost first (a
/// caller's offset is that of its call).
pub fn backtrace(frame: &mut Frame<'_>) -> Vec<String> {
    frame
        .backtrace()
        .iter()
        .enumerate()
        .map(|(depth, f)| {
            let location = format_location(f.func_index, f.func_name.as_deref(), f.module_offset);
            format!("#{depth} {location}")
        })
        .collect()
}

/// `#<depth> func=<index>[:<name>] offset=0x<offset>` for one frame.
pub fn frame_line(frame: &Frame<'_>) -> String {
    let name = frame.func_name();
    let location = format_location(frame.func_index(), name.as_deref(), frame.offset());
    format!("#{} {location}", frame.depth())
}

/// `local[<i>]: <type> = <value>`, parameters first (`<unavailable>` for a value the
/// frame cannot know). Nothing when the frame's locals are not known (a stack-overflow
/// trap in the function's prologue, a module without debug instrumentation).
pub fn locals(frame: &Frame<'_>) -> Vec<String> {
    let types = frame.local_types();
    frame
        .locals()
        .iter()
        .zip(types)
        .enumerate()
        .map(|(i, (val, ty))| maybe_value_line("local", i, ty, val.as_ref()))
        .collect()
}

/// `stack[<i>]: <type> = <value>`, from the bottom of the operand stack (0) up; a
/// caller's stack is what lies under its call's arguments.
pub fn stack(frame: &Frame<'_>) -> Vec<String> {
    frame
        .stack()
        .iter()
        .enumerate()
        .map(|(i, val)| match val {
            Some(val) => value_line("stack", i, val),
            None => format!("stack[{i}]: <unavailable>"),
        })
        .collect()
}

/// `global[<i>]: <type> = <value>` for global `index`, or for every global.
pub fn globals(frame: &Frame<'_>, index: Option<u32>) -> Result<Vec<String>> {
    let indices = match index {
        Some(i) if i >= frame.num_globals() => bail!("no global {i}"),
        Some(i) => i..i + 1,
        None => 0..frame.num_globals(),
    };
    indices
        .map(|i| {
            let val = frame.global(i).ok_or_else(|| anyhow!("no global {i}"))?;
            Ok(value_line("global", i as usize, &val))
        })
        .collect()
}

/// A hex dump of `len` bytes of linear memory `memory` at `addr`.
pub fn examine(frame: &Frame<'_>, memory: u32, addr: usize, len: usize) -> Result<Vec<String>> {
    if len > MAX_EXAMINE {
        bail!("at most {MAX_EXAMINE:#x} bytes can be dumped at once");
    }
    let bytes = frame
        .read_memory_in(memory, addr, len)
        .map_err(|e| anyhow!("cannot read {len} bytes at {addr:#x}: {e}"))?;
    Ok(hex_dump(addr, &bytes))
}

/// Sets local `index` to `text`, parsed by the local's type; returns the local's line.
pub fn set_local(frame: &mut Frame<'_>, index: u32, text: &str) -> Result<String> {
    let ty = *frame
        .local_types()
        .get(index as usize)
        .ok_or_else(|| anyhow!("no local {index} in this frame"))?;
    frame.set_local(index, parse_val(ty, text)?)?;
    let val = frame.local(index)?;
    Ok(value_line("local", index as usize, &val))
}

/// `0x<addr>: <byte> <byte> ...`, 16 bytes a line.
pub fn hex_dump(addr: usize, bytes: &[u8]) -> Vec<String> {
    bytes
        .chunks(DUMP_WIDTH)
        .enumerate()
        .map(|(i, chunk)| {
            let hex: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
            format!("{:#x}: {}", addr + i * DUMP_WIDTH, hex.join(" "))
        })
        .collect()
}

/// `<kind>[<i>]: <type> = <value>`, or `... = <unavailable>` without a value.
fn maybe_value_line(kind: &str, index: usize, ty: ValType, val: Option<&Val>) -> String {
    match val {
        Some(val) => value_line(kind, index, val),
        None => format!("{kind}[{index}]: {ty} = <unavailable>"),
    }
}

/// `<kind>[<i>]: <type> = <value>`; a vector also as i32x4 and f32x4 lanes.
fn value_line(kind: &str, index: usize, val: &Val) -> String {
    let lanes = match val {
        Val::V128(bits) => format!(" {}", vector_lanes(*bits)),
        _ => String::new(),
    };
    format!("{kind}[{index}]: {} = {}{lanes}", val.ty(), format_val(val))
}

/// `(i32x4 a b c d) (f32x4 w x y z)`, lane 0 first.
fn vector_lanes(bits: u128) -> String {
    let words: Vec<u32> = (0..4).map(|i| (bits >> (32 * i)) as u32).collect();
    let ints: Vec<String> = words.iter().map(|w| (*w as i32).to_string()).collect();
    let floats: Vec<String> = words
        .iter()
        .map(|w| f32::from_bits(*w).to_string())
        .collect();
    format!("(i32x4 {}) (f32x4 {})", ints.join(" "), floats.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_show_their_lanes() {
        let v = Val::V128(u128::from(1.5f32.to_bits()) << 96 | u128::from(u32::MAX) << 32 | 7);
        assert_eq!(
            value_line("local", 2, &v),
            "local[2]: v128 = 0x3fc0000000000000ffffffff00000007 (i32x4 7 -1 0 1069547520) \
             (f32x4 0.00000000000000000000000000000000000000000001 NaN 0 1.5)"
        );
    }

    #[test]
    fn dump_lines() {
        let bytes: Vec<u8> = (0..20).collect();
        assert_eq!(
            hex_dump(0x100, &bytes),
            [
                "0x100: 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f",
                "0x110: 10 11 12 13",
            ]
        );
        assert_eq!(hex_dump(0, &[0xff]), ["0x0: ff"]);
        assert!(hex_dump(0, &[]).is_empty());
    }

    #[test]
    fn values() {
        assert_eq!(value_line("local", 0, &Val::I32(-5)), "local[0]: i32 = -5");
        assert_eq!(
            value_line("global", 2, &Val::from_f64(0.5)),
            "global[2]: f64 = 0.5"
        );
        assert_eq!(
            value_line("stack", 1, &Val::FuncRef(None)),
            "stack[1]: funcref = null"
        );
        assert_eq!(
            maybe_value_line("local", 3, ValType::I64, None),
            "local[3]: i64 = <unavailable>"
        );
    }
}
