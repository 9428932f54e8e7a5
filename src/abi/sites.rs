//! The breakable-site side table the compiler builds and the debugger reads: for every
//! site, its function, module offset and kind, and where each operand-stack value lives
//! there (so values never need spilling for the debugger's sake); and for every call,
//! where the values under its arguments live while the call runs (what a caller's frame
//! shows while it is suspended there).

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
    /// Code offset of the site's bit test in its compile batch (from the start of the
    /// batch's code: `DebugFunc::site_address`), where a transfer into the version at
    /// this site resumes ("DESIGN: watched pages" in `runtime::watched_pages`).
    pub code: u32,
    /// Range of this site's operand stack in its function's `FuncSites::stack`.
    pub stack_start: u32,
    pub stack_len: u32,
}

/// The operand stack under one call's arguments while the call runs. At a call every
/// such value is a constant, a lazy local or in its canonical frame slot (temporaries die
/// at calls: `abi::regs`, "DESIGN: register convention"), and both versions of the
/// function have it in the same place, because the after-call point is a transfer point
/// ("DESIGN: breakable points" in `compiler::codegen::breakable`): so this one record,
/// made by the instrumented version, describes a caller suspended in either version.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CallStack {
    /// Module offset of the call instruction.
    pub offset: u32,
    /// Range of the values in its function's `FuncSites::stack`.
    pub stack_start: u32,
    pub stack_len: u32,
}

/// One memory-access operator of a plain version, found by replaying its compilation
/// (`compiler::codegen::replay`; "DESIGN: watched pages" in `runtime::watched_pages`).
#[derive(Clone, Debug)]
pub(crate) struct PlainAccess {
    /// Its code, as offsets from the function's entry: `[start, end)`.
    pub code: (u32, u32),
    /// Module offset of the operator.
    pub offset: u32,
    /// The operand stack at the operator, before it pops anything (and after a pending
    /// compare was settled): what its instrumented version's site there sees, value for
    /// value, in the plain version's places.
    pub stack: Vec<(ValType, StackLoc)>,
}

/// What one function of a compile batch recorded: its ranges in the batch's lists.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FuncRanges {
    /// Its sites, `ChunkSites::sites[first..end]`.
    pub sites: (u32, u32),
    /// Its calls, `ChunkSites::calls[first..end]`.
    pub calls: (u32, u32),
}

/// The sites one compile batch records, numbered from the batch's first site (each
/// function's sites and calls are contiguous, in code order).
#[derive(Debug, Default)]
pub(crate) struct ChunkSites {
    pub sites: Vec<Site>,
    pub calls: Vec<CallStack>,
    pub stack: Vec<(ValType, StackLoc)>,
    /// Per function of the batch, in order.
    pub funcs: Vec<FuncRanges>,
}

impl ChunkSites {
    /// Splits the batch's sites into one table per function, in order. Site numbers
    /// become numbers within the function (as the code passes them to the debug hook).
    pub fn into_funcs(self) -> Vec<FuncSites> {
        let ChunkSites {
            sites,
            calls,
            stack,
            funcs,
        } = self;
        funcs
            .into_iter()
            .map(|ranges| {
                let own_sites = &sites[ranges.sites.0 as usize..ranges.sites.1 as usize];
                let own_calls = &calls[ranges.calls.0 as usize..ranges.calls.1 as usize];
                // A function's stack entries are contiguous: its sites' and calls'
                // entries, interleaved in operator order.
                let starts = own_sites
                    .iter()
                    .map(|s| s.stack_start)
                    .chain(own_calls.iter().map(|c| c.stack_start));
                let ends = own_sites
                    .iter()
                    .map(|s| s.stack_start + s.stack_len)
                    .chain(own_calls.iter().map(|c| c.stack_start + c.stack_len));
                let first = starts.min().unwrap_or(0);
                let end = ends.max().unwrap_or(first);
                FuncSites {
                    sites: own_sites
                        .iter()
                        .map(|s| Site {
                            stack_start: s.stack_start - first,
                            ..*s
                        })
                        .collect(),
                    calls: own_calls
                        .iter()
                        .map(|c| CallStack {
                            stack_start: c.stack_start - first,
                            ..*c
                        })
                        .collect(),
                    stack: stack[first as usize..end as usize].into(),
                }
            })
            .collect()
    }
}

/// The breakable sites of one function's instrumented version, numbered from 0 in code
/// order, and the operand stack at each of its calls.
#[derive(Debug)]
pub(crate) struct FuncSites {
    sites: Box<[Site]>,
    /// Sorted by module offset (calls are recorded in operator order).
    calls: Box<[CallStack]>,
    stack: Box<[(ValType, StackLoc)]>,
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

    /// The operand stack under the arguments of the call at module offset `offset`, if
    /// the function has a call there.
    pub fn stack_at_call(&self, offset: u32) -> Option<&[(ValType, StackLoc)]> {
        let i = self
            .calls
            .binary_search_by_key(&offset, |c| c.offset)
            .ok()?;
        let c = &self.calls[i];
        Some(&self.stack[c.stack_start as usize..(c.stack_start + c.stack_len) as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chunk of `funcs` functions, each with `per_func` sites whose module offsets are
    /// `first_offset`, `first_offset + 1`, ... and one stack value per site, and a call
    /// after its last site with the site's value under its arguments.
    fn chunk(first_func: u32, funcs: u32, per_func: u32, first_offset: u32) -> ChunkSites {
        let mut c = ChunkSites::default();
        for f in 0..funcs {
            let first = c.sites.len() as u32;
            let first_call = c.calls.len() as u32;
            for k in 0..per_func {
                c.sites.push(Site {
                    func: first_func + f,
                    offset: first_offset + f * per_func + k,
                    kind: SiteKind::Instruction,
                    code: 0,
                    stack_start: c.stack.len() as u32,
                    stack_len: 1,
                });
                c.stack
                    .push((ValType::I32, StackLoc::constant(u64::from(k))));
            }
            c.calls.push(CallStack {
                offset: first_offset + f * per_func + per_func - 1,
                stack_start: c.stack.len() as u32,
                stack_len: 1,
            });
            c.stack
                .push((ValType::I64, StackLoc::Frame(-8 * (f as i32 + 2))));
            c.funcs.push(FuncRanges {
                sites: (first, c.sites.len() as u32),
                calls: (first_call, c.calls.len() as u32),
            });
        }
        c
    }

    #[test]
    fn a_batch_splits_into_per_function_tables_numbered_from_zero() {
        // Two chunks' worth of functions, the middle one without sites or calls.
        let mut batch = chunk(0, 2, 3, 100);
        let rest = chunk(3, 2, 2, 200);
        let empty = (batch.sites.len() as u32, batch.calls.len() as u32);
        batch.funcs.push(FuncRanges {
            sites: (empty.0, empty.0),
            calls: (empty.1, empty.1),
        });
        let (sites_base, calls_base) = (batch.sites.len() as u32, batch.calls.len() as u32);
        let stack_base = batch.stack.len() as u32;
        batch.sites.extend(rest.sites.iter().map(|s| Site {
            stack_start: s.stack_start + stack_base,
            ..*s
        }));
        batch.calls.extend(rest.calls.iter().map(|c| CallStack {
            stack_start: c.stack_start + stack_base,
            ..*c
        }));
        batch.stack.extend(rest.stack);
        batch.funcs.extend(rest.funcs.iter().map(|r| FuncRanges {
            sites: (r.sites.0 + sites_base, r.sites.1 + sites_base),
            calls: (r.calls.0 + calls_base, r.calls.1 + calls_base),
        }));
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
        // And so is each call's.
        assert_eq!(
            funcs[4].stack_at_call(203),
            Some(&[(ValType::I64, StackLoc::Frame(-24))][..])
        );
        assert_eq!(funcs[4].stack_at_call(202), None);
        assert_eq!(funcs[2].stack_at_call(105), None);
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
