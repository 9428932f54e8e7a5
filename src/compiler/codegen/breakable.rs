//! Breakable points: the checks instrumented code runs at every site.
//!
//! // DESIGN: breakable points
//! With debug instrumentation every function entry, instruction boundary and function
//! exit is a site (numbered across the module; each function's sites also have local
//! numbers). Every instance has one word per function in its vmctx, `func_bits[f]`: null
//! while the instance is not debugging f, otherwise a pointer to f's site bits (one bit
//! per site, set where a breakpoint is) or, while stepping through f or pausing, to a
//! run of all-ones bits. r13 caches the word for the running function: it is reloaded
//! at function entry, after every call, at every loop head and after every stop. A site
//! then costs one fused test-and-branch inline:
//!
//! ```text
//!     test r13, r13            ; is this instance debugging f at all?
//!     jnz slow_k
//!   resume_k:
//! ```
//!
//! and out of line, at the function's end:
//!
//! ```text
//!   slow_k:
//!     test byte [r13 + k/8], 1 << k%8   ; this instance's bit for site k of f
//!     jz resume_k
//!     push site_id ; call debug_stub    ; saves every register, calls the host
//!     mov r13, [r15 + func_bits(f)]     ; the host may have changed the words
//!     jmp resume_k
//! ```
//!
//! So a breakpoint in another function costs f nothing beyond the inline test, and a
//! breakpoint at a cold site of f costs one bit test per site, never a host call. The
//! words and bits are data of one instance; the code is the same for every instance and
//! never changes. (DESIGN.md sketches a flag byte per function plus a bitvec pointer in
//! the vmctx; folding the two into one cached pointer saves a load and a branch per
//! site and keeps the check to one fused uop.)
//!
//! Because the word is cached, a change made by another thread (pause, or a breakpoint
//! set while the instance runs) takes effect at the next reload: the next call, loop
//! iteration or function entry, so a pause always reaches a running loop. Changes made
//! while stopped, or by a host function the code called, are seen at once.
//!
//! Nothing is spilled for the debugger: the site table records where every operand-stack
//! value lives at each site (register, frame slot, constant or lazy local), and the stub
//! saves all registers where the host can read and write them. Flags are never live
//! across a site in instrumented code (fused compares are materialized first), because
//! the checks clobber them; rax/rcx/rdx are scratch only within one instruction.

use super::FuncCompiler;
use crate::compiler::stack::Loc;
use crate::debug::sites::{Site, SiteKind, StackLoc};
use crate::runtime::vmctx::header;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// The out-of-line part of a site, emitted at the function's end.
pub(super) struct SlowPath {
    slow: DynamicLabel,
    resume: DynamicLabel,
    /// Module-wide site id.
    site: u32,
    /// Index of the site within its function (selects its bit).
    local: u32,
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
        let slow = self.asm.new_dynamic_label();
        let resume = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            ; test r13, r13
            ; jnz =>slow
            ; =>resume
        );
        let local = id - self.first_site;
        self.slow_paths.push(SlowPath {
            slow,
            resume,
            site: id,
            local,
        });
    }

    /// Reloads the cached debug word (r13) from this instance's vmctx.
    pub(super) fn reload_debug_flag(&mut self) {
        if self.env.debug {
            let word = self.env.layout.func_bits(self.func_index);
            dynasm!(self.asm ; .arch x64 ; mov r13, [r15 + word]);
        }
    }

    /// Emits the slow paths of this function's sites.
    pub(super) fn emit_slow_paths(&mut self) {
        let word = self.env.layout.func_bits(self.func_index);
        let stub = self.env.debug_stub;
        for p in std::mem::take(&mut self.slow_paths) {
            let byte = (p.local / 8) as i32;
            let mask = 1i8 << (p.local % 8);
            dynasm!(self.asm
                ; .arch x64
                ; =>p.slow
                ; test BYTE [r13 + byte], mask
                ; jz =>p.resume
                ; push p.site as i32
                ; call =>stub
                ; mov r13, [r15 + word]
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
