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
    /// Range of this site's operand stack in its function's `FuncSites::stack`.
    pub stack_start: u32,
    pub stack_len: u32,
}

/// The sites one compile batch records, numbered from the batch's first site (each
/// function's sites are contiguous, in code order).
#[derive(Debug, Default)]
pub(crate) struct ChunkSites {
    pub sites: Vec<Site>,
    pub stack: Vec<(ValType, StackLoc)>,
    /// Per function of the batch: its first site and the end of its range.
    pub func_ranges: Vec<(u32, u32)>,
    /// Per function: types of its locals (parameters first).
    pub func_locals: Vec<Vec<ValType>>,
    /// Per function: number of parameters.
    pub func_params: Vec<u32>,
    /// Per function and local: the register a pinned local lives in, as an index into
    /// the stubs' save area (GPR number, or 16 + xmm number).
    pub func_pinned: Vec<Vec<Option<u8>>>,
}

impl ChunkSites {
    /// Splits the batch's sites into one table per function, in order. Site numbers
    /// become numbers within the function (as the code passes them to the debug hook).
    pub fn into_funcs(self) -> Vec<FuncSites> {
        let ChunkSites {
            sites,
            stack,
            func_ranges,
            func_locals,
            func_params,
            func_pinned,
        } = self;
        func_ranges
            .into_iter()
            .zip(func_locals)
            .zip(func_params)
            .zip(func_pinned)
            .map(|((((first, end), locals), params), pinned)| {
                let own = &sites[first as usize..end as usize];
                let stack_first = own.first().map_or(0, |s| s.stack_start);
                let stack_end = own.last().map_or(0, |s| s.stack_start + s.stack_len);
                FuncSites {
                    sites: own
                        .iter()
                        .map(|s| Site {
                            stack_start: s.stack_start - stack_first,
                            ..*s
                        })
                        .collect(),
                    stack: stack[stack_first as usize..stack_end as usize].into(),
                    locals: locals.into(),
                    params,
                    pinned: pinned.into(),
                }
            })
            .collect()
    }
}

/// The breakable sites of one function's instrumented version, numbered from 0 in code
/// order, and what the debugger needs to read its frames.
#[derive(Debug)]
pub(crate) struct FuncSites {
    sites: Box<[Site]>,
    stack: Box<[(ValType, StackLoc)]>,
    /// Types of the function's locals (parameters first).
    locals: Box<[ValType]>,
    params: u32,
    /// Per local: the save-area index of the register it is pinned to, if any.
    pinned: Box<[Option<u8>]>,
}

impl FuncSites {
    /// Number of sites.
    pub fn len(&self) -> u32 {
        self.sites.len() as u32
    }

    /// Site `id` (numbered within the function).
    pub fn site(&self, id: u32) -> &Site {
        &self.sites[id as usize]
    }

    /// Every site, with its number.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &Site)> {
        self.sites.iter().enumerate().map(|(i, s)| (i as u32, s))
    }

    /// The operand stack layout at site `id`.
    pub fn stack_of(&self, id: u32) -> &[(ValType, StackLoc)] {
        let s = &self.sites[id as usize];
        &self.stack[s.stack_start as usize..(s.stack_start + s.stack_len) as usize]
    }

    /// Types of the locals (parameters first) and the number of parameters.
    pub fn locals(&self) -> (&[ValType], u32) {
        (&self.locals, self.params)
    }

    /// Per local: the save-area index of the register it is pinned to, if any.
    pub fn pinned(&self) -> &[Option<u8>] {
        &self.pinned
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
    fn a_batch_splits_into_per_function_tables_numbered_from_zero() {
        // Two chunks' worth of functions, the middle one without sites.
        let mut batch = chunk(0, 2, 3, 100);
        let rest = chunk(3, 2, 2, 200);
        batch.func_ranges.push((6, 6));
        batch.func_locals.push(vec![]);
        batch.func_params.push(0);
        batch.func_pinned.push(vec![]);
        let base = batch.sites.len() as u32;
        let stack_base = batch.stack.len() as u32;
        batch.sites.extend(rest.sites.iter().map(|s| Site {
            stack_start: s.stack_start + stack_base,
            ..*s
        }));
        batch.stack.extend(rest.stack);
        batch
            .func_ranges
            .extend(rest.func_ranges.iter().map(|(a, b)| (a + base, b + base)));
        batch.func_locals.extend(rest.func_locals);
        batch.func_params.extend(rest.func_params);
        batch.func_pinned.extend(rest.func_pinned);
        let funcs = batch.into_funcs();
        let lens: Vec<u32> = funcs.iter().map(FuncSites::len).collect();
        assert_eq!(lens, [3, 3, 0, 2, 2]);
        let offsets: Vec<u32> = funcs[1].iter().map(|(_, s)| s.offset).collect();
        assert_eq!(offsets, [103, 104, 105]);
        // Each site's stack is its own, rebased into its function's table.
        assert_eq!(
            funcs[3].stack_of(1),
            &[(ValType::I32, StackLoc::constant(1))]
        );
        assert_eq!(funcs[4].site(0).func, 4);
        assert_eq!(funcs[4].site(1).offset, 203);
        assert_eq!(funcs[3].locals(), (&[ValType::I64][..], 1));
        assert_eq!(funcs[4].pinned(), &[None][..]);
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
