//! What the debugger prints about a stopped frame: the stop itself, the call chain, locals,
//! operand stack, globals and memory, and the one write it offers (`set local`). Each
//! function returns the output lines; `debug` prints them.

use crate::args::{format_val, parse_val};
use crate::failure::format_location;
use anyhow::{anyhow, bail, Result};
use kestrel::{DebugEvent, Frame, Val};

/// The most bytes one `x` command dumps.
pub const MAX_EXAMINE: usize = 0x10000;

/// Bytes per line of a memory dump.
const DUMP_WIDTH: usize = 16;

/// `stop <event> func=<index>[:<name>] offset=0x<offset>`.
pub fn stop_line(event: &DebugEvent, frame: &Frame<'_>) -> String {
    let location = format_location(frame.func_index(), frame.func_name(), frame.offset());
    format!("stop {} {location}", event.name())
}

/// `#<depth> func=<index>[:<name>] offset=0x<offset>` per frame, innermost first.
pub fn backtrace(frame: &Frame<'_>) -> Vec<String> {
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

/// `local[<i>]: <type> = <value>`, parameters first. Nothing when the frame's locals
/// cannot be read (a stack-overflow trap in the function's prologue).
pub fn locals(frame: &Frame<'_>) -> Vec<String> {
    numbered("local", &frame.locals())
}

/// `stack[<i>]: <type> = <value>`, from the bottom of the operand stack (0) up.
pub fn stack(frame: &Frame<'_>) -> Vec<String> {
    numbered("stack", &frame.stack())
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

/// A hex dump of `len` bytes of linear memory 0 at `addr`.
pub fn examine(frame: &Frame<'_>, addr: usize, len: usize) -> Result<Vec<String>> {
    if len > MAX_EXAMINE {
        bail!("at most {MAX_EXAMINE:#x} bytes can be dumped at once");
    }
    let bytes = frame
        .read_memory(addr, len)
        .map_err(|e| anyhow!("cannot read {len} bytes at {addr:#x}: {e}"))?;
    Ok(hex_dump(addr, &bytes))
}

/// Sets local `index` to `text`, parsed by the local's type; returns the local's line.
pub fn set_local(frame: &mut Frame<'_>, index: u32, text: &str) -> Result<String> {
    let ty = frame
        .locals()
        .get(index as usize)
        .map(Val::ty)
        .ok_or_else(|| anyhow!("no local {index} in this frame"))?;
    frame.set_local(index, parse_val(ty, text)?)?;
    let val = frame
        .locals()
        .get(index as usize)
        .cloned()
        .ok_or_else(|| anyhow!("no local {index} in this frame"))?;
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

fn numbered(kind: &str, vals: &[Val]) -> Vec<String> {
    vals.iter()
        .enumerate()
        .map(|(i, val)| value_line(kind, i, val))
        .collect()
}

/// `<kind>[<i>]: <type> = <value>`.
fn value_line(kind: &str, index: usize, val: &Val) -> String {
    format!("{kind}[{index}]: {} = {}", val.ty(), format_val(val))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
