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
    /// A constant folded into the code (read-only): its bits as two halves (low first),
    /// so that a stack entry takes 16 bytes rather than 24 (a large instrumented module
    /// has millions; `StackLoc::constant`, `StackLoc::constant_bits`).
    Const([u32; 2]),
    /// The current value of a local (read lazily).
    Local(u32),
    /// A general-purpose register (saved by the debug stub; index = hardware number).
    Gpr(u8),
    /// An xmm register (saved by the debug stub).
    Xmm(u8),
    /// The canonical frame slot of this stack depth, `[rbp + disp]`.
    Frame(i32),
}

impl StackLoc {
    /// The location of a constant with these bits.
    pub fn constant(bits: u64) -> StackLoc {
        StackLoc::Const([bits as u32, (bits >> 32) as u32])
    }

    /// The bits of a constant location.
    pub fn constant_bits(halves: [u32; 2]) -> u64 {
        u64::from(halves[0]) | (u64::from(halves[1]) << 32)
    }
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

/// The sites one compile chunk records, numbered from the chunk's first site (each
/// function's sites are contiguous, in code order).
#[derive(Debug, Default)]
pub(crate) struct ChunkSites {
    pub sites: Vec<Site>,
    pub stack: Vec<(ValType, StackLoc)>,
    /// Per defined function of the chunk: its first site id and the end of its range.
    pub func_ranges: Vec<(u32, u32)>,
    /// Per defined function: types of its locals (parameters first).
    pub func_locals: Vec<Vec<ValType>>,
    /// Per defined function: number of parameters.
    pub func_params: Vec<u32>,
    /// Per defined function and local: the register a pinned local lives in, as an
    /// index into the stubs' save area (GPR number, or 16 + xmm number).
    pub func_pinned: Vec<Vec<Option<u8>>>,
}

/// All sites of a module, numbered in code order across the module.
///
/// The per-site data stays in the vectors each compile chunk filled (joining them would
/// copy tens of megabytes for a large module); a site id finds its chunk by a binary
/// search over the chunks' first ids. The per-function data is joined.
#[derive(Debug, Default)]
pub(crate) struct SiteTable {
    /// Chunks with at least one site, in order: (first site id, sites, their stacks).
    parts: Vec<SitePart>,
    /// Per defined function: its first site id and the end of its range.
    func_ranges: Vec<(u32, u32)>,
    func_locals: Vec<Vec<ValType>>,
    func_params: Vec<u32>,
    func_pinned: Vec<Vec<Option<u8>>>,
}

#[derive(Debug)]
struct SitePart {
    first: u32,
    sites: Vec<Site>,
    stack: Vec<(ValType, StackLoc)>,
}

impl SiteTable {
    /// Joins the sites of consecutive compile chunks, numbering each chunk's sites after
    /// those of the chunks before it.
    pub fn from_chunks(chunks: Vec<ChunkSites>) -> SiteTable {
        let mut table = SiteTable::default();
        let mut next = 0;
        for chunk in chunks {
            let first = next;
            next += chunk.sites.len() as u32;
            table.func_ranges.extend(
                chunk
                    .func_ranges
                    .into_iter()
                    .map(|(a, b)| (a + first, b + first)),
            );
            table.func_locals.extend(chunk.func_locals);
            table.func_params.extend(chunk.func_params);
            table.func_pinned.extend(chunk.func_pinned);
            if !chunk.sites.is_empty() {
                table.parts.push(SitePart {
                    first,
                    sites: chunk.sites,
                    stack: chunk.stack,
                });
            }
        }
        table
    }

    fn part(&self, id: u32) -> (&SitePart, usize) {
        let part = &self.parts[self.parts.partition_point(|p| p.first <= id) - 1];
        (part, (id - part.first) as usize)
    }

    /// Site `id`.
    pub fn site(&self, id: u32) -> &Site {
        let (part, i) = self.part(id);
        &part.sites[i]
    }

    /// The operand stack layout at site `id`.
    pub fn stack_of(&self, id: u32) -> &[(ValType, StackLoc)] {
        let (part, i) = self.part(id);
        let s = &part.sites[i];
        &part.stack[s.stack_start as usize..(s.stack_start + s.stack_len) as usize]
    }

    /// Site ids of defined function `defined`.
    pub fn sites_of(&self, defined: u32) -> std::ops::Range<u32> {
        let (a, b) = self.func_ranges[defined as usize];
        a..b
    }

    /// Per defined function: its first site id and the end of its range.
    pub fn func_ranges(&self) -> &[(u32, u32)] {
        &self.func_ranges
    }

    /// Types of defined function `defined`'s locals (parameters first) and its number of
    /// parameters.
    pub fn func_locals(&self, defined: usize) -> Option<(&[ValType], u32)> {
        Some((
            self.func_locals.get(defined)?.as_slice(),
            *self.func_params.get(defined)?,
        ))
    }

    /// Per local of defined function `defined`: the save-area index of the register it
    /// is pinned to, if any.
    pub fn func_pinned(&self, defined: usize) -> Option<&[Option<u8>]> {
        self.func_pinned.get(defined).map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chunk of `funcs` functions, each with `per_func` sites whose module offsets are
    /// `first_offset`, `first_offset + 1`, ... and one stack value per site.
    fn chunk(first_func: u32, funcs: u32, per_func: u32, first_offset: u32) -> ChunkSites {
        let mut c = ChunkSites::default();
        for f in 0..funcs {
            let first = c.sites.len() as u32;
            for k in 0..per_func {
                c.sites.push(Site {
                    func: first_func + f,
                    offset: first_offset + f * per_func + k,
                    kind: SiteKind::Instruction,
                    stack_start: c.stack.len() as u32,
                    stack_len: 1,
                });
                c.stack
                    .push((ValType::I32, StackLoc::constant(u64::from(k))));
            }
            c.func_ranges.push((first, c.sites.len() as u32));
            c.func_locals.push(vec![ValType::I64]);
            c.func_params.push(1);
            c.func_pinned.push(vec![None]);
        }
        c
    }

    #[test]
    fn sites_of_joined_chunks_are_numbered_across_them() {
        // Three chunks; the middle one has a function without sites.
        let table = SiteTable::from_chunks(vec![
            chunk(0, 2, 3, 100),
            chunk(2, 1, 0, 0),
            chunk(3, 2, 2, 200),
        ]);
        assert_eq!(
            table.func_ranges(),
            &[(0, 3), (3, 6), (6, 6), (6, 8), (8, 10)]
        );
        let offsets: Vec<u32> = (0..10).map(|id| table.site(id).offset).collect();
        assert_eq!(offsets, [100, 101, 102, 103, 104, 105, 200, 201, 202, 203]);
        // Each site's stack comes from its own chunk.
        assert_eq!(table.stack_of(7), &[(ValType::I32, StackLoc::constant(1))]);
        assert_eq!(table.site(8).func, 4);
        assert_eq!(table.sites_of(4), 8..10);
        assert_eq!(table.func_locals(3), Some((&[ValType::I64][..], 1)));
        assert_eq!(table.func_pinned(4), Some(&[None][..]));
        assert_eq!(table.func_locals(5), None);
    }

    #[test]
    fn stack_entries_take_sixteen_bytes_and_constants_round_trip() {
        assert_eq!(std::mem::size_of::<(ValType, StackLoc)>(), 16);
        for bits in [0, 1, u64::MAX, 0x8000_0000_0000_0001, 0x1234_5678_9abc_def0] {
            let StackLoc::Const(halves) = StackLoc::constant(bits) else {
                unreachable!()
            };
            assert_eq!(StackLoc::constant_bits(halves), bits);
        }
    }
}
