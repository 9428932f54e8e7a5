//! Developer tool: prints the machine code Kestrel emits for a module.
//!
//! `cargo run --release --example disasm -- FILE.wat [--debug] [--fuel] [--func N]`: every region
//! of the compiled module's code (each version of each function, then the shared stubs),
//! plain or with debug instrumentation, one instruction per line. The golden tests use
//! the same disassembler (`tests/support/disasm.rs`).

#[path = "../tests/support/disasm.rs"]
mod disasm;

use kestrel::{CodeRegionKind, Config, Engine, Module};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let usage = "usage: disasm FILE [--debug] [--fuel] [--func N]";
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or(usage)?;
    let mut debug = false;
    let mut fuel = false;
    let mut only = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--debug" => debug = true,
            "--fuel" => fuel = true,
            "--func" => only = Some(args.next().ok_or(usage)?.parse::<u32>()?),
            _ => return Err(format!("unknown argument {arg}; {usage}").into()),
        }
    }
    let mut config = Config::new();
    config.debug_instrumentation(debug).consume_fuel(fuel);
    // Every instrumented version, compiled with the module (by default they are
    // compiled on first use).
    config.instrumented_versions(kestrel::InstrumentedVersions::Eager);
    let module = Module::from_file(&Engine::new(&config), &path)?;
    let mut regions = module.code_regions();
    regions.extend(module.instrumented_code_regions());
    for region in regions {
        let index = match region.kind {
            CodeRegionKind::Function { index } | CodeRegionKind::InstrumentedFunction { index } => {
                Some(index)
            }
            CodeRegionKind::Stubs => None,
        };
        if only.is_some() && index != only {
            continue;
        }
        let name = match index.and_then(|i| module.func_name(i)) {
            Some(name) => format!("{} ${name}", disasm::region_name(region.kind)),
            None => disasm::region_name(region.kind),
        };
        println!("{name}: {:#x}..{:#x}", region.range.start, region.range.end);
        print!("{}", disasm::disassemble(&module, &region, "  "));
    }
    Ok(())
}
