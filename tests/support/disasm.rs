//! The disassembler shared by the golden tests (`tests/golden.rs`) and the developer tool
//! (`examples/disasm.rs`): one region of a module's machine code ([`Module::code_regions`])
//! (or of its instrumented versions, [`Module::instrumented_code_regions`]) per listing,
//! offsets relative to the region's start, and every branch or RIP-relative
//! target named by the region it lands in (`func[2]+0x1c`, `stubs+0x40`), so that a
//! listing changes only when its own code does.

use iced_x86::{
    Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, OpKind, SymbolResolver,
    SymbolResult,
};
use kestrel::{CodeRegion, CodeRegionKind, Module};

/// The name a listing uses for a region: `func[N]`, `func[N].instrumented` or `stubs`.
pub fn region_name(kind: CodeRegionKind) -> String {
    match kind {
        CodeRegionKind::Function { index } => format!("func[{index}]"),
        CodeRegionKind::InstrumentedFunction { index } => format!("func[{index}].instrumented"),
        CodeRegionKind::Stubs => "stubs".to_string(),
    }
}

/// Names branch and RIP-relative targets by the code region they land in.
struct RegionNames {
    regions: Vec<(std::ops::Range<usize>, String)>,
}

impl SymbolResolver for RegionNames {
    fn symbol(
        &mut self,
        instruction: &Instruction,
        _operand: u32,
        _instruction_operand: Option<u32>,
        address: u64,
        _address_size: u32,
    ) -> Option<SymbolResult<'_>> {
        // Only code addresses are named: an immediate that happens to equal an offset
        // stays a number.
        let is_branch = matches!(
            instruction.op0_kind(),
            OpKind::NearBranch16 | OpKind::NearBranch32 | OpKind::NearBranch64
        );
        let is_target = is_branch && instruction.near_branch_target() == address
            || instruction.is_ip_rel_memory_operand()
                && instruction.ip_rel_memory_address() == address;
        if !is_target {
            return None;
        }
        let (range, name) = self
            .regions
            .iter()
            .find(|(range, _)| range.contains(&(address as usize)))?;
        Some(SymbolResult::with_string(range.start as u64, name.clone()))
    }
}

/// Disassembles `region` of `module`'s code, one instruction per line:
/// `{indent}OFFSET  INSTRUCTION`, OFFSET relative to the region's start.
pub fn disassemble(module: &Module, region: &CodeRegion, indent: &str) -> String {
    let names = RegionNames {
        regions: module
            .code_regions()
            .into_iter()
            .chain(module.instrumented_code_regions())
            .map(|r| (r.range, region_name(r.kind)))
            .collect(),
    };
    let code = module.code_bytes(region);
    let start = region.range.start as u64;
    let mut decoder = Decoder::with_ip(64, code, start, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::with_options(Some(Box::new(names)), None);
    let mut out = String::new();
    let mut text = String::new();
    for instruction in &mut decoder {
        text.clear();
        formatter.format(&instruction, &mut text);
        out.push_str(&format!(
            "{indent}{:04x}  {text}\n",
            instruction.ip() - start
        ));
    }
    out
}
