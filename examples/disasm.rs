//! Developer tool: prints the machine code Kestrel emits for a module.
//!
//! `cargo run --release --example disasm -- FILE.wat [--debug]`: the whole code region of
//! the compiled module (plain, or with debug instrumentation), one instruction per line.

use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter};
use kestrel::{Config, Engine, Module};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: disasm FILE [--debug]")?;
    let debug = args.any(|arg| arg == "--debug");
    let mut config = Config::new();
    config.debug_instrumentation(debug);
    let module = Module::from_file(&Engine::new(&config), &path)?;
    let code = module.code();
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    let mut text = String::new();
    for instruction in &mut decoder {
        text.clear();
        formatter.format(&instruction, &mut text);
        println!("{:05x}  {}", instruction.ip(), text);
    }
    Ok(())
}
