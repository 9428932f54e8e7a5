//! Linear-memory loads and stores, globals, and `memory.size`.
//!
//! // DESIGN: bounds checks
//! In guard-page mode (the default) an access is `[base + zext(addr) + offset]` with no
//! check: every 32-bit address plus offset lands inside the memory's 8 GiB reservation,
//! whose inaccessible part faults, and the signal handler maps the faulting pc back to
//! this operator (the site recorded in `FuncCompiler::visit`). In explicit mode the code
//! compares `addr + offset + size` with the memory's current length before the access.
//! One bounds mode holds for every 32-bit memory of an engine, defined or imported (an
//! imported memory's reservation is checked at instantiation), so a fault in any memory's
//! guard is that operator's out-of-bounds trap.
//!
//! A 64-bit memory (memory64) is always checked in code, in either mode: no reservation
//! covers 2^64 addresses. Its access computes its end, `addr + offset + size`, with a
//! carry test (a carry is out of bounds, never a wrap to a low address), and compares it
//! with the length through the memory's data record, as explicit mode does; past the
//! check the end is at most the length, so `[base + addr + offset]` cannot wrap. What
//! it costs: five instructions and a taken-never branch pair per access (a 32-bit
//! memory in guard mode has none); `address64`. Its reservation is min(declared
//! maximum, `Config::max_memory64_bytes`), made when the memory is created, so its base
//! never moves (3 below); a grow past it fails. Size, grow and the bulk helpers take
//! i64 operands (a helper reads all 64 bits of an operand word only for a 64-bit memory:
//! the upper half of an i32's word is not written; `runtime::bulk::operand`). 64-bit
//! tables: `call_indirect` already compares the whole index register with the table's
//! length, and the table helpers read i64 indices as the memory helpers do. Tests:
//! `tests/memory64.rs` (a scratch build without the carry tests fails
//! `effective_addresses_that_carry_trap`; one reading only 32 bits of a 64-bit memory's
//! helper operands fails two), and `proposals/memory64` in all eight configurations.
//!
//! // DESIGN: memories other than memory 0
//! 1. Memory 0's base is in r14 in every function, and its code (accesses, checks,
//!    `memory.size`, `memory.grow`, the bulk operations) is the single-memory compiler's
//!    byte for byte: the multi-memory golden case shows memory 0's access beside memory
//!    1's, and every other golden listing is unchanged.
//! 2. Memory k >= 1 is reached only through its record `{base, data}` in the vmctx
//!    (`VmCtxLayout::memory_base`/`memory_data`), written once at instantiation; the
//!    header's first two words are memory 0's record of the same shape (`VMMemory`).
//! 3. No memory's base moves while it lives, in either bounds mode: a grow changes only
//!    `MemoryData::len`, which code reads through `data`. So no code and no vmctx word
//!    changes when any memory grows, from any instance that imports it.
//! 4. Memory k's base is loaded into rax by `address`, after the index computation and
//!    the explicit check (which use rax themselves), and nothing between it and the
//!    access writes rax: rax is scratch, never an index, a value or a site location.
//! 5. Grow, fill, copy and init of memory k are host helpers taking the indices as
//!    immediates. Two indices may name one memory (the same import twice): each range is
//!    checked against its own memory and copies are memmoves.
//!
//! Tests: `tests/multi_memory.rs` (every width on memories 0-2 up to each end, in
//! every configuration: scratch builds reading memory k's base from memory 0's record,
//! loading it before the explicit check, or checking a copy's source range against the
//! destination memory each fail it), `tests/golden/multi_memory.wat`, and the spec suite
//! `proposals/multi-memory` in all eight configurations.

use super::{is_64, FuncCompiler, Opnd};
use crate::abi::regs::{Gpr, MEMORY_BASE, RAX, RCX, RDX};
use crate::abi::vmctx::{memory, GlobalSlot};
use crate::abi::watch::{Direction, WatchedAccess};
use crate::config::BoundsChecks;
use crate::trap::TrapKind;
use crate::types::ValType;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use wasmparser::{MemArg, MemArgTarget, Operator};

/// How an access addresses memory after the address is computed: the first register is
/// the memory's base (r14 for memory 0, rax for the others).
#[derive(Clone, Copy)]
pub(super) enum Addr {
    /// `[base + disp]`
    Disp(Gpr, i32),
    /// `[base + index + disp]` (index is zero-extended)
    Index(Gpr, Gpr, i32),
}

/// The memory a memory instruction's immediate names.
pub(super) fn memory_index(memarg: &MemArg) -> u32 {
    match memarg.target {
        MemArgTarget::Memory(index) => index,
        // Array targets are the multibyte-array-access proposal's, which validation
        // refuses (not enabled).
        MemArgTarget::Array(_) => unreachable!("an array access passed validation"),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Load {
    I32,
    I64,
    F32,
    F64,
    S8,
    U8,
    S16,
    U16,
    S32,
    U32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Width {
    B8,
    B16,
    B32,
    B64,
}

/// `$ins dst, SIZE [base + ...]` for either addressing form.
macro_rules! mem_op {
    ($s:ident, $addr:expr, $ins:ident $rk:ident($r:expr), $size:ident) => {
        match $addr {
            Addr::Disp(b, d) => dynasm!($s.asm ; .arch x64 ; $ins $rk($r), $size [Rq(b) + d]),
            Addr::Index(b, i, d) => {
                dynasm!($s.asm ; .arch x64 ; $ins $rk($r), $size [Rq(b) + Rq(i) + d])
            }
        }
    };
}

/// `mov SIZE [base + ...], src` (src an immediate expression or `Rk(reg)`).
macro_rules! mem_store {
    ($s:ident, $addr:expr, $size:ident, $rk:ident($r:expr)) => {
        match $addr {
            Addr::Disp(b, d) => dynasm!($s.asm ; .arch x64 ; mov $size [Rq(b) + d], $rk($r)),
            Addr::Index(b, i, d) => {
                dynasm!($s.asm ; .arch x64 ; mov $size [Rq(b) + Rq(i) + d], $rk($r))
            }
        }
    };
    ($s:ident, $addr:expr, $size:ident, $imm:expr) => {
        match $addr {
            Addr::Disp(b, d) => dynasm!($s.asm ; .arch x64 ; mov $size [Rq(b) + d], $imm),
            Addr::Index(b, i, d) => {
                dynasm!($s.asm ; .arch x64 ; mov $size [Rq(b) + Rq(i) + d], $imm)
            }
        }
    };
}

impl FuncCompiler<'_, '_> {
    /// Compiles a load or store; returns false if `op` is not one. Inlined, like
    /// `visit::dispatch`, so that each visit method holds only its own operator's arm.
    #[inline(always)]
    pub(super) fn visit_memory_access(&mut self, op: &Operator<'_>) -> bool {
        use Operator as O;
        match *op {
            O::I32Load { memarg } => self.load(Load::I32, memarg),
            O::I64Load { memarg } => self.load(Load::I64, memarg),
            O::F32Load { memarg } => self.load(Load::F32, memarg),
            O::F64Load { memarg } => self.load(Load::F64, memarg),
            O::I32Load8S { memarg } => self.load_ext(ValType::I32, Load::S8, memarg),
            O::I32Load8U { memarg } => self.load_ext(ValType::I32, Load::U8, memarg),
            O::I32Load16S { memarg } => self.load_ext(ValType::I32, Load::S16, memarg),
            O::I32Load16U { memarg } => self.load_ext(ValType::I32, Load::U16, memarg),
            O::I64Load8S { memarg } => self.load_ext(ValType::I64, Load::S8, memarg),
            O::I64Load8U { memarg } => self.load_ext(ValType::I64, Load::U8, memarg),
            O::I64Load16S { memarg } => self.load_ext(ValType::I64, Load::S16, memarg),
            O::I64Load16U { memarg } => self.load_ext(ValType::I64, Load::U16, memarg),
            O::I64Load32S { memarg } => self.load_ext(ValType::I64, Load::S32, memarg),
            O::I64Load32U { memarg } => self.load_ext(ValType::I64, Load::U32, memarg),
            O::I32Store { memarg } => self.store(Width::B32, memarg),
            O::I64Store { memarg } => self.store(Width::B64, memarg),
            O::F32Store { memarg } => self.store(Width::B32, memarg),
            O::F64Store { memarg } => self.store(Width::B64, memarg),
            O::I32Store8 { memarg } | O::I64Store8 { memarg } => self.store(Width::B8, memarg),
            O::I32Store16 { memarg } | O::I64Store16 { memarg } => self.store(Width::B16, memarg),
            O::I64Store32 { memarg } => self.store(Width::B32, memarg),
            _ => return false,
        }
        true
    }

    /// Computes the address of an access of `size` bytes to the memory and offset of
    /// `memarg` in `direction` (checking bounds in explicit mode, and in instrumented
    /// versions the memory's watch filter: `watch`). Uses rax, rcx and (for large offsets
    /// or memory operands) rdx, or only rax where rcx and rdx are a loop's homes
    /// (`addresses_spare_rcx_and_rdx`); for a memory other than 0, its base is loaded
    /// into rax last.
    pub(super) fn address(
        &mut self,
        addr: Opnd,
        memarg: MemArg,
        size: u32,
        direction: Direction,
    ) -> Addr {
        self.note_access();
        let memory = memory_index(&memarg);
        let offset = memarg.offset;
        // Memory 0's base is r14's; the others' come from the vmctx below.
        let base = if memory == 0 { MEMORY_BASE } else { RAX };
        let addr = if self.env.info.memories[memory as usize].memory64 {
            self.address64(addr, memory, base, offset, size)
        } else {
            self.address32(addr, memory, base, offset, size)
        };
        let access = WatchedAccess {
            memory,
            size: size as u8,
            direction,
        };
        self.watch_check(addr, access);
        if memory != 0 {
            let base = self.env.layout.memory_base(memory);
            dynasm!(self.asm ; .arch x64 ; mov rax, [r15 + base]);
        }
        addr
    }

    /// A 64-bit memory's address, always checked ("DESIGN: bounds checks"): the end of
    /// the access, `addr + offset + size`, computed with a carry test (a carry is out of
    /// bounds), compared with the memory's length. Past the check the end is at most the
    /// length (below 2^47), so the access's own `index + disp` cannot wrap.
    fn address64(&mut self, addr: Opnd, memory: u32, base: Gpr, offset: u64, size: u32) -> Addr {
        let oob = self.trap_site(TrapKind::MemoryOutOfBounds);
        let data = self.env.layout.memory_data(memory);
        let end_past_offset = offset.checked_add(u64::from(size));
        if let Opnd::Imm(a) = addr {
            let (Some(ea), Some(end)) = (
                a.checked_add(offset),
                end_past_offset.and_then(|e| a.checked_add(e)),
            ) else {
                dynasm!(self.asm ; .arch x64 ; jmp =>oob);
                return Addr::Disp(base, 0);
            };
            dynasm!(self.asm
                ; .arch x64
                ; mov rax, QWORD end as i64
                ; mov rcx, [r15 + data]
                ; cmp rax, [rcx + memory::LEN]
                ; ja =>oob
            );
            return if end <= i32::MAX as u64 {
                Addr::Disp(base, ea as i32)
            } else {
                dynasm!(self.asm ; .arch x64 ; mov rdx, QWORD ea as i64);
                Addr::Index(base, RDX, 0)
            };
        }
        let index = match addr {
            Opnd::Gpr(r) => r,
            _ => {
                self.load_gpr(ValType::I64, addr, RDX);
                RDX
            }
        };
        let Some(end) = end_past_offset.filter(|&e| e <= i32::MAX as u64) else {
            // An offset beyond 2^31: index + offset (carry: out of bounds) in rdx.
            dynasm!(self.asm
                ; .arch x64
                ; mov rax, QWORD offset as i64
                ; add rax, Rq(index)
                ; jc =>oob
                ; mov rdx, rax
                ; add rax, size as i32
                ; jc =>oob
                ; mov rcx, [r15 + data]
                ; cmp rax, [rcx + memory::LEN]
                ; ja =>oob
            );
            return Addr::Index(base, RDX, 0);
        };
        dynasm!(self.asm
            ; .arch x64
            ; mov rax, Rq(index)
            ; add rax, end as i32
            ; jc =>oob
            ; mov rcx, [r15 + data]
            ; cmp rax, [rcx + memory::LEN]
            ; ja =>oob
        );
        Addr::Index(base, index, offset as i32)
    }

    /// Whether every load's and store's address leaves rcx and rdx alone while they are
    /// a loop's homes ("DESIGN: loop homes"): in plain versions of a module whose one
    /// memory is 32-bit and bounded by guard pages, an address needing a register of its
    /// own (`address32`) takes rax, which nothing else in the access needs (no bounds
    /// check, no other memory's base, no watch filter), and a stored value not in a
    /// register goes through a temporary (`store`).
    pub(super) fn addresses_spare_rcx_and_rdx(&self) -> bool {
        let memories = &self.env.info.memories;
        !self.instrumented
            && self.env.bounds_checks != BoundsChecks::Explicit
            && memories.len() == 1
            && !memories[0].memory64
    }

    /// A 32-bit memory's address (checked in explicit mode; guard pages otherwise). An
    /// address that needs a register of its own takes rdx, or rax while rdx is a loop's
    /// home (`addresses_spare_rcx_and_rdx`).
    fn address32(&mut self, addr: Opnd, memory: u32, base: Gpr, offset: u64, size: u32) -> Addr {
        let own = if self.is_pinned(Opnd::Gpr(RDX)) {
            debug_assert!(self.addresses_spare_rcx_and_rdx());
            RAX
        } else {
            RDX
        };
        let addr = match addr {
            Opnd::Imm(a) => {
                let ea = a as u32 as u64 + offset;
                if ea + size as u64 <= i32::MAX as u64 {
                    Addr::Disp(base, ea as i32)
                } else {
                    dynasm!(self.asm ; .arch x64 ; mov Rq(own), QWORD ea as i64);
                    Addr::Index(base, own, 0)
                }
            }
            _ => {
                let index = match addr {
                    Opnd::Gpr(r) => r,
                    _ => {
                        self.load_gpr(ValType::I32, addr, own);
                        own
                    }
                };
                if offset + size as u64 <= i32::MAX as u64 {
                    Addr::Index(base, index, offset as i32)
                } else if index == RAX {
                    // The index came from its slot into rax: the offset goes on in steps
                    // an imm32 holds, the rest in the displacement.
                    let mut rest = offset;
                    while rest + size as u64 > i32::MAX as u64 {
                        let step = rest.min(1 << 30);
                        dynasm!(self.asm ; .arch x64 ; add rax, step as i32);
                        rest -= step;
                    }
                    Addr::Index(base, RAX, rest as i32)
                } else {
                    dynasm!(self.asm
                        ; .arch x64
                        ; mov eax, offset as u32 as i32
                        ; add rax, Rq(index)
                    );
                    if own != RAX {
                        dynasm!(self.asm ; .arch x64 ; mov Rq(own), rax);
                    }
                    Addr::Index(base, own, 0)
                }
            }
        };
        if self.env.bounds_checks == BoundsChecks::Explicit {
            let oob = self.trap_site(TrapKind::MemoryOutOfBounds);
            match addr {
                Addr::Disp(_, d) => {
                    dynasm!(self.asm ; .arch x64 ; mov eax, d + size as i32);
                }
                Addr::Index(_, i, d) => {
                    dynasm!(self.asm ; .arch x64 ; lea rax, [Rq(i) + d + size as i32]);
                }
            }
            let data = self.env.layout.memory_data(memory);
            dynasm!(self.asm
                ; .arch x64
                ; mov rcx, [r15 + data]
                ; cmp rax, [rcx + memory::LEN]
                ; ja =>oob
            );
        }
        addr
    }

    fn load(&mut self, kind: Load, memarg: MemArg) {
        let ty = match kind {
            Load::I32 => ValType::I32,
            Load::I64 => ValType::I64,
            Load::F32 => ValType::F32,
            _ => ValType::F64,
        };
        self.load_ext(ty, kind, memarg)
    }

    fn load_ext(&mut self, ty: ValType, kind: Load, memarg: MemArg) {
        let (_, addr_opnd) = self.pop_opnd();
        let size = match kind {
            Load::S8 | Load::U8 => 1,
            Load::S16 | Load::U16 => 2,
            Load::I32 | Load::F32 | Load::S32 | Load::U32 => 4,
            Load::I64 | Load::F64 => 8,
        };
        if ty.is_float() {
            let x = self.alloc_xmm();
            let addr = self.address(addr_opnd, memarg, size, Direction::Read);
            if kind == Load::F32 {
                mem_op!(self, addr, movss Rx(x), DWORD);
            } else {
                mem_op!(self, addr, movsd Rx(x), QWORD);
            }
            self.free(addr_opnd);
            self.push_xmm(ty, x);
            return;
        }
        // The address register can take the result (unless it is a pinned local's).
        let dst = match addr_opnd {
            Opnd::Gpr(r) if !self.is_pinned(addr_opnd) => r,
            _ => self.alloc_gpr(),
        };
        let addr = self.address(addr_opnd, memarg, size, Direction::Read);
        match kind {
            Load::I32 | Load::U32 => mem_op!(self, addr, mov Rd(dst), DWORD),
            Load::I64 => mem_op!(self, addr, mov Rq(dst), QWORD),
            Load::S8 if is_64(ty) => mem_op!(self, addr, movsx Rq(dst), BYTE),
            Load::S8 => mem_op!(self, addr, movsx Rd(dst), BYTE),
            Load::U8 => mem_op!(self, addr, movzx Rd(dst), BYTE),
            Load::S16 if is_64(ty) => mem_op!(self, addr, movsx Rq(dst), WORD),
            Load::S16 => mem_op!(self, addr, movsx Rd(dst), WORD),
            Load::U16 => mem_op!(self, addr, movzx Rd(dst), WORD),
            Load::S32 => mem_op!(self, addr, movsxd Rq(dst), DWORD),
            Load::F32 | Load::F64 => unreachable!(),
        }
        self.push_gpr(ty, dst);
    }

    fn store(&mut self, width: Width, memarg: MemArg) {
        let (ty, value) = self.pop_opnd();
        let (_, addr_opnd) = self.pop_opnd();
        let size = match width {
            Width::B8 => 1,
            Width::B16 => 2,
            Width::B32 => 4,
            Width::B64 => 8,
        };
        let addr = self.address(addr_opnd, memarg, size, Direction::Write);
        // Values not in a register go through rcx (the address uses rdx at most), or
        // while rcx is a loop's home through a temporary (its allocation at most moves
        // other values to their slots: the address stays).
        let value = match value {
            Opnd::Imm(bits) if width != Width::B64 || super::values::fits_imm32(ty, bits) => {
                Opnd::Imm(bits)
            }
            Opnd::Xmm(x) => {
                match (addr, width == Width::B64) {
                    (Addr::Disp(b, d), true) => {
                        dynasm!(self.asm ; .arch x64 ; movsd QWORD [Rq(b) + d], Rx(x))
                    }
                    (Addr::Disp(b, d), false) => {
                        dynasm!(self.asm ; .arch x64 ; movss DWORD [Rq(b) + d], Rx(x))
                    }
                    (Addr::Index(b, i, d), true) => {
                        dynasm!(self.asm ; .arch x64 ; movsd QWORD [Rq(b) + Rq(i) + d], Rx(x))
                    }
                    (Addr::Index(b, i, d), false) => {
                        dynasm!(self.asm ; .arch x64 ; movss DWORD [Rq(b) + Rq(i) + d], Rx(x))
                    }
                }
                self.free(value);
                self.free(addr_opnd);
                return;
            }
            Opnd::Gpr(r) => Opnd::Gpr(r),
            _ => {
                let load_ty = if width == Width::B64 {
                    ValType::I64
                } else {
                    ValType::I32
                };
                let load_ty = if ty.is_float() || is_64(ty) {
                    load_ty
                } else {
                    ValType::I32
                };
                let via = if self.is_pinned(Opnd::Gpr(RCX)) {
                    self.alloc_gpr()
                } else {
                    RCX
                };
                self.load_gpr(load_ty, value, via);
                Opnd::Gpr(via)
            }
        };
        match (width, value) {
            (Width::B8, Opnd::Imm(b)) => mem_store!(self, addr, BYTE, b as i8),
            (Width::B16, Opnd::Imm(b)) => mem_store!(self, addr, WORD, b as i16),
            (Width::B32, Opnd::Imm(b)) => mem_store!(self, addr, DWORD, b as i32),
            (Width::B64, Opnd::Imm(b)) => mem_store!(self, addr, QWORD, b as i32),
            (Width::B8, Opnd::Gpr(r)) => mem_store!(self, addr, BYTE, Rb(r)),
            (Width::B16, Opnd::Gpr(r)) => mem_store!(self, addr, WORD, Rw(r)),
            (Width::B32, Opnd::Gpr(r)) => mem_store!(self, addr, DWORD, Rd(r)),
            (Width::B64, Opnd::Gpr(r)) => mem_store!(self, addr, QWORD, Rq(r)),
            _ => unreachable!(),
        }
        self.free(value);
        self.free(addr_opnd);
    }

    pub(super) fn global_get(&mut self, index: u32) {
        let ty = self.env.info.globals[index as usize].content;
        let (base, disp) = match self.env.layout.global(index) {
            GlobalSlot::Inline(off) => (crate::abi::regs::VMCTX, off),
            GlobalSlot::Indirect(off) => {
                dynasm!(self.asm ; .arch x64 ; mov rcx, [r15 + off]);
                (RCX, 0)
            }
        };
        if ty == ValType::V128 {
            let x = self.alloc_xmm();
            dynasm!(self.asm ; .arch x64 ; movdqu Rx(x), [Rq(base) + disp]);
            self.push_xmm(ty, x);
        } else if ty.is_float() {
            let x = self.alloc_xmm();
            if is_64(ty) {
                dynasm!(self.asm ; .arch x64 ; movsd Rx(x), QWORD [Rq(base) + disp]);
            } else {
                dynasm!(self.asm ; .arch x64 ; movss Rx(x), DWORD [Rq(base) + disp]);
            }
            self.push_xmm(ty, x);
        } else {
            let r = self.alloc_gpr();
            if is_64(ty) {
                dynasm!(self.asm ; .arch x64 ; mov Rq(r), [Rq(base) + disp]);
            } else {
                dynasm!(self.asm ; .arch x64 ; mov Rd(r), [Rq(base) + disp]);
            }
            self.push_gpr(ty, r);
        }
    }

    pub(super) fn global_set(&mut self, index: u32) {
        let (ty, value) = self.pop_opnd();
        match self.env.layout.global(index) {
            GlobalSlot::Inline(off) => self.store_to(ty, value, crate::abi::regs::VMCTX, off),
            GlobalSlot::Indirect(off) => {
                dynasm!(self.asm ; .arch x64 ; mov rcx, [r15 + off]);
                self.store_to(ty, value, RCX, 0);
            }
        }
        self.free(value);
    }

    pub(super) fn memory_size(&mut self, memory: u32) {
        let r = self.alloc_gpr();
        let data = self.env.layout.memory_data(memory);
        dynasm!(self.asm
            ; .arch x64
            ; mov rax, [r15 + data]
            ; mov Rq(r), [rax + memory::LEN]
            ; shr Rq(r), memory::PAGE_SHIFT as i8
        );
        self.push_gpr(self.env.info.memories[memory as usize].index_type(), r);
    }
}
