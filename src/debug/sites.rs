//! The breakable-site side table the compiler builds and the debugger reads: for every
//! site, its function, module offset and kind, and where each operand-stack value lives
//! there (so values never need spilling for the debugger's sake).

use crate::types::ValType;

/// What kind of point a site is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteKind {
    /// Function entry, after the prologue, before the first instruction.
    Entry,
    /// Before an instruction.
    Instruction,
    /// Function exit, with the results on the stack, before returning.
    Exit,
}

/// Where a value on the operand stack lives at a site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StackLoc {
    /// A constant folded into the code (read-only).
    Const(u64),
    /// The current value of a local (read lazily).
    Local(u32),
    /// A general-purpose register (saved by the debug stub; index = hardware number).
    Gpr(u8),
    /// An xmm register (saved by the debug stub).
    Xmm(u8),
    /// The canonical frame slot of this stack depth, `[rbp + disp]`.
    Frame(i32),
}

/// One breakable site.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Site {
    pub func: u32,
    pub offset: u32,
    pub kind: SiteKind,
    /// Range of this site's operand stack in `SiteTable::stack`.
    pub stack_start: u32,
    pub stack_len: u32,
}

/// All sites of a module, numbered in code order (each function's sites are contiguous).
#[derive(Debug, Default)]
pub(crate) struct SiteTable {
    pub sites: Vec<Site>,
    pub stack: Vec<(ValType, StackLoc)>,
    /// Per defined function: its first site id and the end of its range.
    pub func_ranges: Vec<(u32, u32)>,
    /// Per defined function: types of its locals (parameters first).
    pub func_locals: Vec<Vec<ValType>>,
    /// Per defined function: number of parameters.
    pub func_params: Vec<u32>,
    /// Per defined function and local: the register a pinned local lives in, as an
    /// index into the stubs' save area (GPR number, or 16 + xmm number).
    pub func_pinned: Vec<Vec<Option<u8>>>,
}

impl SiteTable {
    /// The operand stack layout at site `id`.
    pub fn stack_of(&self, id: u32) -> &[(ValType, StackLoc)] {
        let s = &self.sites[id as usize];
        &self.stack[s.stack_start as usize..(s.stack_start + s.stack_len) as usize]
    }

    /// Site ids of defined function `defined`.
    pub fn sites_of(&self, defined: u32) -> std::ops::Range<u32> {
        let (a, b) = self.func_ranges[defined as usize];
        a..b
    }

    /// Appends the table of the functions that follow this table's (a later chunk of a
    /// parallel compile), renumbering its sites after this table's.
    pub fn append(&mut self, next: SiteTable) {
        let site_base = self.sites.len() as u32;
        let stack_base = self.stack.len() as u32;
        self.sites.extend(next.sites.into_iter().map(|site| Site {
            stack_start: site.stack_start + stack_base,
            ..site
        }));
        self.stack.extend(next.stack);
        self.func_ranges.extend(
            next.func_ranges
                .into_iter()
                .map(|(first, end)| (first + site_base, end + site_base)),
        );
        self.func_locals.extend(next.func_locals);
        self.func_params.extend(next.func_params);
        self.func_pinned.extend(next.func_pinned);
    }
}
