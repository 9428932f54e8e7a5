//! Breakable points: the checks instrumented code runs at every site.
//!
//! // DESIGN: breakable points
//! With debug instrumentation every function entry, instruction boundary and function
//! exit is a site `k` (numbered across the module). Each site costs, inline:
//!
//! ```text
//!     cmp byte [r15 + func_flag(f)], 0   ; this instance's byte for function f
//!     jne slow_k
//!   resume_k:
//! ```
//!
//! and out of line, at the function's end:
//!
//! ```text
//!   slow_k:
//!     test byte [r15 + func_flag(f)], STOP_ALL   ; stepping through f, or pause
//!     jnz hit_k
//!     mov rax, [r15 + DEBUG_SITE_BITS]           ; this instance's bit for site k
//!     test byte [rax + k/8], 1 << k%8
//!     jz resume_k
//!   hit_k:
//!     push k
//!     call debug_stub                            ; saves every register, calls the host
//!     jmp resume_k
//! ```
//!
//! A function byte is zero unless this instance has a breakpoint in f (BREAKPOINTS),
//! is stepping through f or has a pause pending (STOP_ALL). So a breakpoint elsewhere
//! costs f nothing beyond the inline test, and a breakpoint at a cold site of f costs a
//! bit test per site, not a host call. The flags and bits are data in the instance; the
//! code is the same for every instance and never changes.
//!
//! Nothing is spilled for the debugger: the site table records where every operand-stack
//! value lives at each site (register, frame slot, constant or lazy local), and the stub
//! saves all registers where the host can read and write them. Flags are never live
//! across a site in instrumented code (fused compares are materialized first), because
//! the inline test clobbers them; rax/rcx/rdx are scratch only within one instruction.

use super::FuncCompiler;
use crate::compiler::stack::Loc;
use crate::debug::sites::{Site, SiteKind, StackLoc};
use crate::runtime::vmctx::header;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// Function-flag bit: the instance has breakpoints in this function (test site bits).
pub(crate) const FLAG_BREAKPOINTS: u8 = 1;
/// Function-flag bit: stop at every site of this function (stepping or pause).
pub(crate) const FLAG_STOP_ALL: u8 = 2;

/// The out-of-line part of a site, emitted at the function's end.
pub(super) struct SlowPath {
    slow: DynamicLabel,
    resume: DynamicLabel,
    site: u32,
}

impl FuncCompiler<'_, '_> {
    /// Emits the breakable point for a site of `kind` at the current operator (no-op in
    /// modules compiled without instrumentation).
    pub(super) fn breakable_point(&mut self, kind: SiteKind) {
        if !self.env.debug {
            return;
        }
        let id = self.out.debug.sites.len() as u32;
        let stack_start = self.out.debug.stack.len() as u32;
        for depth in 0..self.stack.len() {
            let e = self.stack.get(depth);
            let loc = match e.loc {
                Loc::Const(bits) => StackLoc::Const(bits),
                Loc::Local(i) => StackLoc::Local(i),
                Loc::Gpr(r) => StackLoc::Gpr(r),
                Loc::Xmm(x) => StackLoc::Xmm(x),
                Loc::Slot => StackLoc::Frame(self.slot_disp(depth)),
                Loc::Flags(_) => unreachable!("flags are settled before breakable points"),
            };
            self.out.debug.stack.push((e.ty, loc));
        }
        self.out.debug.sites.push(Site {
            func: self.func_index,
            offset: self.offset,
            kind,
            stack_start,
            stack_len: self.stack.len() as u32,
        });
        let flag = self.env.layout.func_flag(self.func_index);
        let slow = self.asm.new_dynamic_label();
        let resume = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            ; cmp BYTE [r15 + flag], 0
            ; jne =>slow
            ; =>resume
        );
        self.slow_paths.push(SlowPath {
            slow,
            resume,
            site: id,
        });
    }

    /// Emits the slow paths of this function's sites.
    pub(super) fn emit_slow_paths(&mut self) {
        let flag = self.env.layout.func_flag(self.func_index);
        let stub = self.env.debug_stub;
        for p in std::mem::take(&mut self.slow_paths) {
            let hit = self.asm.new_dynamic_label();
            let byte = (p.site / 8) as i32;
            let mask = 1i8 << (p.site % 8);
            dynasm!(self.asm
                ; .arch x64
                ; =>p.slow
                ; test BYTE [r15 + flag], FLAG_STOP_ALL as i8
                ; jnz =>hit
                ; mov rax, [r15 + header::DEBUG_SITE_BITS]
                ; test BYTE [rax + byte], mask
                ; jz =>p.resume
                ; =>hit
                ; push p.site as i32
                ; call =>stub
                ; jmp =>p.resume
            );
        }
    }
}

/// Bytes of the register save area the debug stub builds: 16 GPRs then 16 xmm registers
/// (low 64 bits), indexed by hardware register number.
pub(crate) const SAVE_AREA: i32 = 256;

/// Emits the module's debug stub: saves every register, calls the `debug_hook` libcall
/// with (vmctx, site, save area, frame pointer), restores the (possibly edited)
/// registers and returns past the pushed site id; or unwinds if the host aborts.
pub(crate) fn emit_debug_stub(asm: &mut super::Asm, label: DynamicLabel) {
    use crate::runtime::libcalls::offsets as libcall;
    dynasm!(asm ; .arch x64 ; =>label ; sub rsp, SAVE_AREA);
    for r in 0..16u8 {
        if r != 4 {
            dynasm!(asm ; .arch x64 ; mov [rsp + 8 * r as i32], Rq(r));
        }
    }
    for x in 0..16u8 {
        dynasm!(asm ; .arch x64 ; movsd QWORD [rsp + 128 + 8 * x as i32], Rx(x));
    }
    let unwind = asm.new_dynamic_label();
    dynasm!(asm
        ; .arch x64
        ; mov rdi, r15
        ; mov esi, [rsp + SAVE_AREA + 8]
        ; mov rdx, rsp
        ; mov rcx, rbp
        ; mov rax, [r15 + header::LIBCALLS]
        ; call QWORD [rax + libcall::DEBUG_HOOK]
        ; test rax, rax
        ; jnz =>unwind
    );
    for x in 0..16u8 {
        dynasm!(asm ; .arch x64 ; movsd Rx(x), QWORD [rsp + 128 + 8 * x as i32]);
    }
    for r in 0..16u8 {
        if r != 4 {
            dynasm!(asm ; .arch x64 ; mov Rq(r), [rsp + 8 * r as i32]);
        }
    }
    dynasm!(asm
        ; .arch x64
        ; add rsp, SAVE_AREA
        ; ret 8
        ; =>unwind
        ; mov rsp, [rax]
        ; mov rbp, [rax + 8]
        ; ret
    );
}
