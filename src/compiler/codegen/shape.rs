//! What the pass knows about a body before compiling it: whether it is small, whether it
//! is a leaf, and which locals live in registers for the whole function (pinned locals,
//! chosen by a light skim of the body's bytes).

use super::loop_homes::HomeLoop;
use super::{calls, invalid, FuncCompiler};
use crate::abi::frame::{saved_gpr, saved_xmm, FrameShape};
use crate::compiler::stack::Loc;
use crate::error::Result;
use crate::types::{FuncType, ValType};

/// Reads the locals of a function of type `ty` from its body into `locals` (cleared
/// first), parameters first; returns the number of parameters. The body was validated
/// with the module.
pub(super) fn read_locals(
    info: &crate::frontend::ModuleInfo,
    body: &wasmparser::FunctionBody<'_>,
    ty: &FuncType,
    locals: &mut Vec<ValType>,
) -> Result<u32> {
    locals.clear();
    locals.extend_from_slice(ty.params());
    let mut reader = body.get_locals_reader().map_err(invalid)?;
    for _ in 0..reader.get_count() {
        let (count, t) = reader.read().map_err(invalid)?;
        let t = info.val_type(t)?;
        locals.extend(std::iter::repeat_n(t, count as usize));
    }
    Ok(ty.params().len() as u32)
}

/// The frame shape of a defined function of a debuggable module: its locals and the
/// registers both of its versions pin them to (`BodyShape`), as the debugger reads its
/// frames. The body was validated with the module.
pub(crate) fn frame_shape(
    info: &crate::frontend::ModuleInfo,
    body: &wasmparser::FunctionBody<'_>,
    ty: &FuncType,
) -> Result<FrameShape> {
    let mut locals = Vec::new();
    let params = read_locals(info, body, ty, &mut locals)?;
    let shape = BodyShape::of(body, &locals, params as usize, true);
    let pinned = shape
        .pinned
        .iter()
        .map(|p| p.as_ref().map(|reg| save_index(reg) as u8))
        .collect();
    Ok(FrameShape {
        locals: locals.into(),
        params,
        pinned,
        saves_all: shape.handlers,
    })
}

/// What the prologue needs to know about a body before compiling it: whether it is small,
/// whether a small body is a leaf, and which locals live in registers (`pin_locals`).
///
/// A small body (at most `SMALL_BODY` bytes) reads its few locals a few times, so keeping
/// them in the callee-saved pinned registers would cost more (saving and restoring the
/// caller's values) than it saves: small functions pin nothing there. A small leaf of a
/// plain module instead keeps an integer first parameter in rsi, where the caller passed
/// it (see `calls`, "calling convention"): no call can clobber it. Not where a version
/// reserves r13 (instrumented versions, plain versions with fuel): both versions of a
/// function pin the same registers, and one reserving r13 would be left with two
/// temporaries, fewer than the single pass needs (`regs::MIN_TEMPORARIES`); a debuggable
/// module's plain version without fuel keeps it in rsi all the same, outside this shape,
/// and writes it through to its slot (`values`, "DESIGN: the first argument written
/// through"). A small body that is also a
/// leaf (no call and no host helper: nothing that runs other code on this stack) skips the
/// stack check: its frame is at most a few hundred bytes, which the margin below the
/// stack limit (`runtime::activation`) covers, and it cannot recurse. Together these make
/// the one-instruction functions of a call_indirect table cheap to call.
pub(super) struct BodyShape {
    pub small: bool,
    pub leaf: bool,
    /// A leaf whose first parameter arrives in rsi (an i32/i64 one): it can keep it there,
    /// pinned where no version reserves r13, written through in a debuggable module's
    /// plain version (`values`, "DESIGN: the first argument written through").
    pub first_parameter_in_rsi: bool,
    /// The register each local lives in, if pinned (see `pin_locals`).
    pub pinned: Vec<Option<Loc>>,
    /// The body may have exception handlers (`try_table` or `try`; also when the skim
    /// stopped early, not knowing): then it pins no local, and saves and restores every
    /// callee-saved register (`runtime::exceptions`, "DESIGN: exceptions"), as a landing
    /// pad cannot know what the frames it skipped left in them.
    pub handlers: bool,
    /// The module offsets of the body's loops that cannot leave wasm code, in increasing
    /// order (`BodySkim::call_free_loops`).
    pub call_free_loops: Vec<u32>,
    /// The loops that may keep locals in registers while they run (`loop_homes`): each
    /// loop's module offset, in increasing order, and its candidate locals, most used
    /// first.
    pub loop_homes: Vec<HomeLoop>,
}

/// Largest body, in bytes (locals declarations included), that `BodyShape` calls small.
const SMALL_BODY: u64 = 32;

impl BodyShape {
    pub(super) fn of(
        body: &wasmparser::FunctionBody<'_>,
        locals: &[ValType],
        num_params: usize,
        r13_reserved: bool,
    ) -> Self {
        let facts = BodySkim::of(body, locals.len());
        // A small body with a loop is not small: its loop wants registers. One the skim
        // could not read to its end is neither small nor a leaf; validation reports it
        // if it is invalid.
        let small_size = body.range().end - body.range().start <= SMALL_BODY;
        let small = small_size && facts.complete && !facts.has_loop;
        let leaf = small && !facts.leaves_wasm_code;
        let first_parameter_in_rsi =
            leaf && num_params > 0 && calls::takes_first_arg_in_rsi(locals[0]);
        let handlers = facts.may_have_handlers;
        let pinned = if handlers {
            vec![None; locals.len()]
        } else if small {
            let mut pinned = vec![None; locals.len()];
            if first_parameter_in_rsi && !r13_reserved {
                pinned[0] = Some(Loc::Gpr(crate::abi::regs::RSI));
            }
            pinned
        } else {
            pin_locals(locals, num_params, &facts.local_uses)
        };
        let loop_homes = super::loop_homes::candidates(&facts.home_loops, locals, &pinned);
        BodyShape {
            small,
            leaf,
            first_parameter_in_rsi,
            pinned,
            handlers,
            call_free_loops: facts.call_free_loops,
            loop_homes,
        }
    }
}

/// What one skim of a body (`skim`) finds out before the pass starts. One read collects
/// every fact, so a body is skimmed once (each fact had a read of its own before: about a
/// fifth of compile time on the peer harness's compile module, benches/RESULTS.md).
struct BodySkim {
    /// Whether the skim read the body to its end (it stops at an opcode it does not
    /// know).
    complete: bool,
    /// Whether the body may have an exception handler: a `try_table` or a legacy `try`,
    /// or an opcode the skim does not know before its end (conservatively: any choice
    /// for a body without handlers is correct, a body with them must pin nothing).
    may_have_handlers: bool,
    /// Whether the body has a loop (as far as the skim read).
    has_loop: bool,
    /// Whether an operator of the body leaves wasm code, exactly as
    /// `visit::classify` says (`calls_out`), as far as the skim read: a small body
    /// without one is a leaf (`BodyShape`), and the compiler holds it to that
    /// (`FuncCompiler::leaving_wasm_code`).
    leaves_wasm_code: bool,
    /// How much each local is used: every `local.get`, `local.set` and `local.tee`
    /// counts 8^d at loop nesting depth d (d capped at 4), so the locals of inner loops
    /// weigh most. The counts of a body the skim stops in early stand as far as they go
    /// (any choice is correct).
    local_uses: Vec<u64>,
    /// The module offsets of the body's loops that contain no operator that may leave
    /// wasm code (a call, a host helper), in increasing order: the loops a plain version
    /// of a module without debug instrumentation compiles without a loop-head check
    /// (`runtime::interrupt`, "DESIGN: interrupts in loops without calls").
    /// Conservative: a loop the skim does not read to its end (an opcode it does not
    /// know) is not listed. The compiler holds the list to its own truth: a call emitted
    /// inside a listed loop is an error (`FuncCompiler::leaving_wasm_code`).
    call_free_loops: Vec<u32>,
    /// The innermost loops whose every operator may run with two temporaries and cannot
    /// leave wasm code (`loop_homes`), in increasing offset order, each with how often it
    /// uses each local it uses.
    home_loops: Vec<HomeLoop>,
}

impl BodySkim {
    /// Skims `body`, which declares `locals` locals (parameters included).
    fn of(body: &wasmparser::FunctionBody<'_>, locals: usize) -> BodySkim {
        let mut facts = SkimFacts {
            found: BodySkim {
                complete: false,
                may_have_handlers: false,
                has_loop: false,
                leaves_wasm_code: false,
                local_uses: vec![0u64; locals],
                call_free_loops: Vec::new(),
                home_loops: Vec::new(),
            },
            blocks: Vec::new(),
            depth: 0,
            use_weight: use_weight(0),
            home: None,
            home_accesses_memory: false,
            home_accesses_globals: false,
            home_uses: vec![0; locals],
            home_touched: Vec::new(),
        };
        let complete = skim(body, &mut facts);
        let mut found = facts.found;
        found.complete = complete;
        // A body not read to its end may have handlers past where the skim stopped.
        found.may_have_handlers |= !complete;
        found.call_free_loops.sort_unstable();
        // Innermost loops do not nest, and each is listed at its end: in offset order
        // already.
        if !complete {
            found.home_loops.clear();
        }
        found
    }
}

/// What a local use weighs at loop nesting depth `depth` (`BodySkim::local_uses`).
fn use_weight(depth: u32) -> u64 {
    8u64.pow(depth.min(4))
}

/// The facts of `BodySkim` while `skim` reads a body: it reports each event here, by
/// methods the reading loop inlines (a closure taking an event enum did not inline, and
/// cost a call per local use).
struct SkimFacts {
    /// The facts found so far (`complete` and the handlers of an unread rest are settled
    /// after the read).
    found: BodySkim,
    /// Each open block: the loop's offset (None for other blocks) and whether
    /// something inside it may call out.
    blocks: Vec<(Option<u32>, bool)>,
    /// How many open blocks are loops, and what a use weighs at that depth.
    depth: u32,
    use_weight: u64,
    /// The innermost open loop, while it may still keep locals in registers: its module
    /// offset and its index in `blocks`.
    home: Option<(u32, usize)>,
    /// Whether it has a memory access (`HomeLoop::accesses_memory`).
    home_accesses_memory: bool,
    /// Whether it has a `global.get` or `global.set` (`HomeLoop::accesses_globals`).
    home_accesses_globals: bool,
    /// Its uses of each local (zero but for `home_touched`).
    home_uses: Vec<u32>,
    home_touched: Vec<u32>,
}

impl SkimFacts {
    /// Every opcode, before its immediates: an operator that needs more than two
    /// temporaries, or that `loop_homes` does not handle, keeps the innermost open loop
    /// from keeping locals in registers.
    #[inline(always)]
    fn opcode(&mut self, op: u8) {
        if self.home.is_some() {
            if !super::loop_homes::allows(op) {
                self.home = None;
            }
            self.home_accesses_memory |= super::loop_homes::accesses_memory(op);
            self.home_accesses_globals |= super::loop_homes::accesses_globals(op);
        }
    }

    /// `block`, `loop`, `if`, `try` or `try_table`, at this module offset.
    #[inline(always)]
    fn open(&mut self, is_loop: bool, offset: u32) {
        if is_loop {
            // A loop inside the open candidate makes it not innermost.
            for &l in &self.home_touched {
                self.home_uses[l as usize] = 0;
            }
            self.home_touched.clear();
            self.home = Some((offset, self.blocks.len()));
            self.home_accesses_memory = false;
            self.home_accesses_globals = false;
        }
        self.blocks.push((is_loop.then_some(offset), false));
        if is_loop {
            self.found.has_loop = true;
            self.depth += 1;
            self.use_weight = use_weight(self.depth);
        }
    }

    /// `end` (also the body's own, which closes no block `open` reported), or
    /// `delegate`.
    #[inline(always)]
    fn end(&mut self) {
        if let Some((offset, calls)) = self.blocks.pop() {
            if let Some((home, index)) = self.home {
                if index == self.blocks.len() {
                    if !calls {
                        let locals = self
                            .home_touched
                            .iter()
                            .map(|&l| (l, self.home_uses[l as usize]))
                            .collect();
                        self.found.home_loops.push(HomeLoop {
                            offset: home,
                            accesses_memory: self.home_accesses_memory,
                            accesses_globals: self.home_accesses_globals,
                            locals,
                        });
                    }
                    self.home = None;
                }
            }
            if let Some(offset) = offset {
                self.depth -= 1;
                self.use_weight = use_weight(self.depth);
                if !calls {
                    self.found.call_free_loops.push(offset);
                }
            }
            if let Some(parent) = self.blocks.last_mut() {
                parent.1 |= calls;
            }
        }
    }

    /// `local.get`, `local.set` or `local.tee` of local `index`.
    #[inline(always)]
    fn local(&mut self, index: u64) {
        if let Some(u) = self.found.local_uses.get_mut(index as usize) {
            *u += self.use_weight;
            if self.home.is_some() {
                let h = &mut self.home_uses[index as usize];
                if *h == 0 {
                    self.home_touched.push(index as u32);
                }
                *h += 1;
            }
        }
    }

    /// An operator that may leave wasm code: a call or a host helper (for loops, a
    /// superset of `visit::classify`'s `calls_out`: every `0xfc` operator from
    /// `memory.init` on). `surely` is whether `classify` says so too (all but
    /// `table.size`, which is compiled inline).
    #[inline(always)]
    fn calls_out(&mut self, surely: bool) {
        if let Some(innermost) = self.blocks.last_mut() {
            innermost.1 = true;
        }
        self.found.leaves_wasm_code |= surely;
    }

    /// `try_table` or `try` (after its `open`).
    #[inline(always)]
    fn handler(&mut self) {
        self.found.may_have_handlers = true;
    }
}

impl FuncCompiler<'_, '_> {
    /// Called by every emitter of a call out of wasm code: such a function must have
    /// its stack check (see `BodyShape`), and the call must not be in a loop compiled
    /// without a loop-head check (`interruptible`).
    pub(super) fn leaving_wasm_code(&mut self) {
        self.call_in_interruptible();
        assert!(
            !self.small_leaf,
            "function {} was compiled as a leaf but calls out",
            self.func_index
        );
    }
}

/// Reads a body's operators for the few facts the pass wants before it starts
/// (`SkimFacts`). It runs before the pass, over bodies not yet validated, so it is a light
/// skim of the bytes rather than a full decode (much slower: benches/RESULTS.md, "Counting
/// local uses by skimming"): it skips each operator's immediates and stops at the first
/// opcode it does not know. Returns whether it read the body to its end.
fn skim(body: &wasmparser::FunctionBody<'_>, facts: &mut SkimFacts) -> bool {
    let Ok(ops) = body.get_operators_reader() else {
        return false;
    };
    let mut reader = ops.get_binary_reader();
    let base = reader.original_position() as u32;
    let Ok(bytes) = reader.read_bytes(reader.bytes_remaining()) else {
        return false;
    };
    let mut skim = Skim { bytes, at: 0 };
    loop {
        let Some(op) = skim.byte() else {
            return true;
        };
        facts.opcode(op);
        let ok = match op {
            // The most frequent first: local accesses, whose index is mostly one byte.
            0x20..=0x22 => skim.leb().map(|index| facts.local(index)),
            // No immediates: control, parametric, numeric and conversion operators.
            0x00 | 0x01 | 0x05 | 0x0f | 0x1a | 0x1b | 0x45..=0xc4 | 0xd1 => Some(()),
            0x02..=0x04 => {
                facts.open(op == 0x03, base + skim.at as u32 - 1);
                skim.block_type()
            }
            0x0b => {
                facts.end();
                Some(())
            }
            // Exception handling: `try` and `try_table` open blocks with handlers,
            // `delegate` closes a `try`; the throws call out.
            0x06 => {
                facts.open(false, base + skim.at as u32 - 1);
                facts.handler();
                facts.calls_out(true);
                skim.block_type()
            }
            0x1f => {
                facts.open(false, base + skim.at as u32 - 1);
                facts.handler();
                facts.calls_out(true);
                skim.block_type().and_then(|_| {
                    let n = skim.leb()?;
                    (0..n).try_for_each(|_| match skim.byte()? {
                        0 | 1 => skim.leb().and_then(|_| skim.leb()).map(drop),
                        2 | 3 => skim.leb().map(drop),
                        _ => None,
                    })
                })
            }
            0x18 => {
                facts.end();
                skim.leb().map(drop)
            }
            0x07 => skim.leb().map(drop),
            0x19 => Some(()),
            0x08 | 0x09 => {
                facts.calls_out(true);
                skim.leb().map(drop)
            }
            0x0a => {
                facts.calls_out(true);
                Some(())
            }
            // call_ref, return_call_ref: a type index.
            0x14 | 0x15 => {
                facts.calls_out(true);
                skim.leb().map(drop)
            }
            // ref.as_non_null; br_on_null and br_on_non_null (a label).
            0xd4 => Some(()),
            0xd5 | 0xd6 => skim.leb().map(drop),
            // Calls (`return_call` too), table.get/set and memory.grow: one or two LEB
            // immediates.
            0x10 | 0x12 | 0x25 | 0x26 | 0x40 => {
                facts.calls_out(true);
                skim.leb().map(drop)
            }
            0x11 | 0x13 => {
                facts.calls_out(true);
                skim.leb().and_then(|_| skim.leb()).map(drop)
            }
            // One LEB immediate: branches, globals, memory.size, constants, ref.null (a
            // heap type), ref.func.
            0x0c | 0x0d | 0x23 | 0x24 | 0x3f | 0x41 | 0x42 | 0xd0 | 0xd2 => skim.leb().map(drop),
            0x0e => skim
                .leb()
                .and_then(|n| (0..=n).try_for_each(|_| skim.leb().map(drop))),
            0x1c => skim
                .leb()
                .and_then(|n| (0..n).try_for_each(|_| skim.val_type())),
            0x28..=0x3e => skim.memarg(),
            0x43 => skim.skip(4),
            0x44 => skim.skip(8),
            0xfc => skim.leb().and_then(|sub| {
                if sub >= 8 {
                    // table.size (16) is compiled inline.
                    facts.calls_out(sub != 16);
                }
                match sub {
                    0..=7 => Some(()),
                    8 | 12 | 14 => skim.leb().and_then(|_| skim.leb()).map(drop),
                    9 | 13 | 15..=17 => skim.leb().map(drop),
                    10 => skim.leb().and_then(|_| skim.leb()).map(drop),
                    11 => skim.leb().map(drop),
                    _ => None,
                }
            }),
            // SIMD: no SIMD instruction leaves wasm code.
            0xfd => skim.leb().and_then(|sub| match sub {
                // Loads, splat loads, v128.store, the zero-extending loads: a memarg.
                0..=11 | 0x5c | 0x5d => skim.memarg(),
                // v128.const, i8x16.shuffle: 16 bytes.
                12 | 13 => skim.skip(16),
                // Lane extracts and replacements: a lane byte.
                0x15..=0x22 => skim.skip(1),
                // Lane loads and stores: a memarg and a lane byte.
                0x54..=0x5b => skim.memarg().and_then(|_| skim.skip(1)),
                // Every other SIMD and relaxed SIMD instruction has no immediate.
                _ => Some(()),
            }),
            _ => None,
        };
        if ok.is_none() {
            return false;
        }
    }
}

/// A cursor over operator bytes for `skim`.
struct Skim<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Skim<'_> {
    #[inline(always)]
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    #[inline(always)]
    fn skip(&mut self, n: usize) -> Option<()> {
        self.at = self
            .at
            .checked_add(n)
            .filter(|&at| at <= self.bytes.len())?;
        Some(())
    }

    /// An unsigned or signed LEB128 number (up to 64 bits), as its low bits.
    /// At most ten bytes; most are one (local indices, small constants), which take the
    /// inlined first return.
    #[inline(always)]
    fn leb(&mut self) -> Option<u64> {
        let first = self.byte()?;
        if first & 0x80 == 0 {
            return Some(u64::from(first));
        }
        let (value, at) = leb_rest(self.bytes, self.at, first)?;
        self.at = at;
        Some(value)
    }

    /// A block type: the empty type, a value type or a type index (s33).
    #[inline(always)]
    fn block_type(&mut self) -> Option<()> {
        match *self.bytes.get(self.at)? {
            0x40 | 0x63..=0x7f => self.val_type(),
            _ => self.leb().map(drop),
        }
    }

    /// A value type: one byte, or `ref`/`ref null` (0x64, 0x63) and a heap type (s33).
    #[inline(always)]
    fn val_type(&mut self) -> Option<()> {
        match self.byte()? {
            0x63 | 0x64 => self.leb().map(drop),
            _ => Some(()),
        }
    }

    /// A memory argument: alignment (bit 6: a memory index follows) and offset.
    #[inline(always)]
    fn memarg(&mut self) -> Option<()> {
        let align = self.leb()?;
        if align & 0x40 != 0 {
            self.leb()?;
        }
        self.leb().map(drop)
    }
}

/// The rest of a LEB128 number whose first byte, `first`, is before `bytes[at]`: its
/// value and where it ends. Not inlined, and taking the cursor by value rather than a
/// `&mut Skim`: a reference passed to a call would keep the skim's cursor in memory for
/// the whole loop, a store and a load on every byte it reads.
#[inline(never)]
fn leb_rest(bytes: &[u8], mut at: usize, first: u8) -> Option<(u64, usize)> {
    let mut value = u64::from(first & 0x7f);
    let mut shift = 7;
    while shift < 70 {
        let b = *bytes.get(at)?;
        at += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some((value, at));
        }
        shift += 7;
    }
    None
}

/// Chooses the pinned locals, up to the pinned registers of each class. When a class
/// has more locals than registers, the most used ones win (`BodySkim::local_uses`); ties and the common case go to declared
/// locals first, then parameters, because loops update declared locals while parameters
/// are mostly read. Unused locals are never pinned. The choice is made once per function,
/// so both versions of an instrumented function agree on it.
pub(super) fn pin_locals(locals: &[ValType], num_params: usize, uses: &[u64]) -> Vec<Option<Loc>> {
    use crate::abi::regs::{CALLEE_SAVED_GPRS, CALLEE_SAVED_XMMS};
    // Floats and vectors share the xmm registers, which keep all 128 bits across calls
    // (`abi::regs`, "register convention").
    let mut order: Vec<usize> = (num_params..locals.len()).chain(0..num_params).collect();
    let in_xmm = locals.iter().filter(|t| t.in_xmm()).count();
    let ints = locals.len() - in_xmm;
    if ints > CALLEE_SAVED_GPRS.len() || in_xmm > CALLEE_SAVED_XMMS.len() {
        // Stable: equal counts keep the declared-first order.
        order.sort_by_key(|&i| std::cmp::Reverse(uses[i]));
        order.retain(|&i| uses[i] > 0);
    }
    let (mut gprs, mut xmms) = (CALLEE_SAVED_GPRS.iter(), CALLEE_SAVED_XMMS.iter());
    let mut pinned = vec![None; locals.len()];
    for i in order {
        pinned[i] = if locals[i].in_xmm() {
            xmms.next().map(|x| Loc::Xmm(*x))
        } else {
            gprs.next().map(|r| Loc::Gpr(*r))
        };
    }
    pinned
}

/// The save-area index (`abi::frame::saved_gpr`, `saved_xmm`) of a pinned local's
/// register, which says where and how wide its saves are.
pub(super) fn save_index(reg: &Loc) -> usize {
    match *reg {
        Loc::Gpr(r) => saved_gpr(r),
        Loc::Xmm(x) => saved_xmm(x),
        _ => unreachable!("pinned locals live in registers"),
    }
}

#[cfg(test)]
mod tests {
    use super::BodySkim;

    fn skim(body: &[u8], count: usize) -> BodySkim {
        let reader = wasmparser::BinaryReader::new(body, 0);
        BodySkim::of(&wasmparser::FunctionBody::new(reader), count)
    }

    fn uses(body: &[u8], count: usize) -> Vec<u64> {
        skim(body, count).local_uses
    }

    #[test]
    fn local_uses_skips_immediates_and_weighs_loops() {
        let body = [
            0x00, // no local declarations
            // f64.const whose bytes look like `local.get 5 ; local.set 5`
            0x44, 0x20, 0x05, 0x21, 0x05, 0x20, 0x05, 0x21, 0x05,
            // i64.const with a multi-byte LEB containing 0x20
            0x42, 0xa0, 0x80, 0x20, 0x1a, // i64.const ...; drop
            0x03, 0x40, // loop
            0x20, 0x00, 0x21, 0x01, // local.get 0 ; local.set 1
            0x0b, // end
            0x20, 0x02, 0x1a, // local.get 2 ; drop
            0x0b, // end of body
        ];
        let u = uses(&body, 6);
        assert_eq!(u, vec![8, 8, 1, 0, 0, 0]);
    }

    #[test]
    fn one_skim_finds_call_free_loops_and_handlers() {
        let body = [
            0x00, // no local declarations
            0x03, 0x40, 0x20, 0x00, 0x1a, 0x0b, // at 1: loop ; local.get 0 ; drop ; end
            0x03, 0x40, // at 7: loop
            0x02, 0x40, 0x10, 0x00, 0x0b, // block ; call 0 ; end (the call is the loop's)
            0x0b, // end of the loop
            0x0b, // end of body
        ];
        let facts = skim(&body, 1);
        assert_eq!(facts.call_free_loops, vec![1]);
        assert!(!facts.may_have_handlers);
        assert_eq!(facts.local_uses, vec![8]);
        // A try_table (no catches) has handlers; so may a body the skim cannot finish.
        let handler = [0x00, 0x1f, 0x40, 0x00, 0x0b, 0x0b];
        assert!(skim(&handler, 0).may_have_handlers);
        let unknown = [0x00, 0x03, 0x40, 0xfd, 0x0b, 0x0b];
        let facts = skim(&unknown, 0);
        assert!(facts.may_have_handlers);
        assert!(
            facts.call_free_loops.is_empty(),
            "a loop not read to its end"
        );
    }

    #[test]
    fn one_skim_finds_loops_and_operators_leaving_wasm_code() {
        // table.size (0xfc 16) is compiled inline: not leaving wasm code, though loops
        // count it as calling out (a superset is safe there).
        let table_size = [0x00, 0x03, 0x40, 0xfc, 0x10, 0x00, 0x1a, 0x0b, 0x0b];
        let facts = skim(&table_size, 0);
        assert!(facts.complete && facts.has_loop);
        assert!(!facts.leaves_wasm_code);
        assert!(facts.call_free_loops.is_empty());
        // memory.fill (0xfc 11) is a host helper.
        let fill = [
            0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0b, 0x00, 0x0b,
        ];
        let facts = skim(&fill, 0);
        assert!(facts.complete && !facts.has_loop && facts.leaves_wasm_code);
        // A call behind an i32.const whose LEB bytes look like a loop and a call.
        let call = [0x00, 0x41, 0x83, 0x10, 0x10, 0x00, 0x0b];
        let facts = skim(&call, 0);
        assert!(facts.complete && !facts.has_loop && facts.leaves_wasm_code);
        let plain = [0x00, 0x41, 0x83, 0x10, 0x1a, 0x0b];
        let facts = skim(&plain, 0);
        assert!(facts.complete && !facts.has_loop && !facts.leaves_wasm_code);
    }

    #[test]
    fn local_uses_stops_at_an_unknown_opcode() {
        // local.get 0, then an opcode the skim does not know, then local.get 1.
        let body = [0x00, 0x20, 0x00, 0xfd, 0x20, 0x01, 0x0b];
        assert_eq!(uses(&body, 2), vec![1, 0]);
    }
}
