//! Trap sites: the out-of-line `call stub_k` each trapping instruction jumps to, and the
//! module's trap stubs they call (`abi::traps`, "DESIGN: traps").

use super::{Asm, FuncCompiler};
use crate::abi::frame::{RESUME_RBP, RESUME_RSP, SAVE_AREA};
use crate::abi::libcalls::offsets as libcall;
use crate::abi::traps::{DYNAMIC, TRAP_STUBS};
use crate::abi::vmctx::header;
use crate::trap::TrapKind;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// An out-of-line trap site: a jump target at the function's end that calls the stub.
pub(super) struct TrapSite {
    label: DynamicLabel,
    /// The trap kind, or None when a helper returned it in eax.
    kind: Option<TrapKind>,
    offset: u32,
    /// Reset rsp to rbp first (the prologue's stack check fires before the frame is valid).
    reset_rsp: bool,
}

impl FuncCompiler<'_, '_> {
    /// Registers an out-of-line trap of `kind` at the current operator; returns the label
    /// to jump to.
    pub(super) fn trap_site(&mut self, kind: TrapKind) -> DynamicLabel {
        self.trap_site_with(kind, false)
    }

    pub(super) fn trap_site_with(&mut self, kind: TrapKind, reset_rsp: bool) -> DynamicLabel {
        let label = self.asm.new_dynamic_label();
        self.traps.push(TrapSite {
            label,
            kind: Some(kind),
            offset: self.offset,
            reset_rsp,
        });
        label
    }

    /// Registers an out-of-line trap whose kind a host helper returned in eax.
    pub(super) fn dynamic_trap_site(&mut self) -> DynamicLabel {
        let label = self.asm.new_dynamic_label();
        self.traps.push(TrapSite {
            label,
            kind: None,
            offset: self.offset,
            reset_rsp: false,
        });
        label
    }

    /// Records that code from here on belongs to the current operator (for backtraces and
    /// fault attribution).
    pub(super) fn record_site(&mut self) {
        let code = self.asm.offset().0 as u32;
        self.out.sites.push((code, self.offset));
    }

    /// Emits this version's trap sites, at its end.
    pub(super) fn emit_trap_sites(&mut self) {
        for site in std::mem::take(&mut self.traps) {
            let stub = self.env.trap_labels[site.kind.map_or(DYNAMIC, |k| k as usize)];
            dynasm!(self.asm ; .arch x64 ; =>site.label);
            if site.reset_rsp {
                // The prologue's check: the fuel register is not loaded yet.
                dynasm!(self.asm ; .arch x64 ; mov rsp, rbp);
            } else {
                self.fuel_to_memory();
            }
            let code = self.asm.offset().0 as u32;
            self.out.sites.push((code, site.offset));
            dynasm!(self.asm ; .arch x64 ; call =>stub);
        }
    }
}

/// Where the signal handlers send a thread into a module's trap stubs (code offsets in
/// the chunk).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TrapStubEntries {
    /// Where a memory fault resumes: the out-of-bounds stub.
    pub fault: usize,
    /// Where the interrupt signal sends a thread it stops in a loop without a check
    /// (`runtime::interrupt`, "DESIGN: interrupts in loops without calls"): the
    /// `Interrupted` stub.
    pub stop: usize,
}

/// One stub per trap kind (`eax` = kind) and the common tail that hands the trap to the
/// host and unwinds to the entry trampoline.
///
/// See `abi::traps` ("DESIGN: traps").
///
/// Memory faults caught by the signal handler enter the same path: the handler pushes the
/// faulting pc (+1, like a return address) and resumes at the out-of-bounds stub; an
/// interrupt signal that stops a loop without a check does the same with the interrupted
/// stub. This returns both entries. With `fuel_in_r13` (the plain versions of a module
/// compiled with fuel, which fault and are stopped only in bodies) both entries first
/// write the fuel register back ("DESIGN: fuel").
pub(crate) fn emit_trap_stubs(
    asm: &mut Asm,
    labels: &[DynamicLabel; TRAP_STUBS],
    fuel_in_r13: bool,
) -> TrapStubEntries {
    let common = asm.new_dynamic_label();
    let mut entries = TrapStubEntries::default();
    for (kind, label) in labels.iter().enumerate() {
        let entry = if kind == TrapKind::MemoryOutOfBounds as usize {
            Some(&mut entries.fault)
        } else if kind == TrapKind::Interrupted as usize {
            Some(&mut entries.stop)
        } else {
            None
        };
        if let Some(entry) = entry {
            *entry = asm.offset().0;
            if fuel_in_r13 {
                dynasm!(asm ; .arch x64 ; mov QWORD [r15 + header::FUEL], r13);
            }
        }
        if kind == DYNAMIC {
            // Kind 0: a helper returned the kind in eax.
            dynasm!(asm ; .arch x64 ; =>*label ; jmp =>common);
        } else {
            dynasm!(asm
                ; .arch x64
                ; =>*label
                ; mov eax, kind as i32
                ; jmp =>common
            );
        }
    }
    dynasm!(asm
        ; .arch x64
        ; =>common
        ; pop rdx
        // Save every register (as the debug stub does) so a debugger's trap event can
        // read locals that live in registers.
        ; sub rsp, SAVE_AREA
    );
    super::stubs::emit_save_registers(asm);
    // The kind travels in eax, a scratch register: every other register may hold a
    // local the trap event shows (rsi a small leaf's parameter, see `BodyShape`).
    dynasm!(asm
        ; .arch x64
        ; mov esi, eax
        ; mov rdi, r15
        ; mov rcx, rbp
        ; mov r8, rsp
        ; mov rax, [r15 + header::LIBCALLS]
        ; call QWORD [rax + libcall::TRAP]
        ; mov rsp, [rax + RESUME_RSP]
        ; mov rbp, [rax + RESUME_RBP]
        ; ret
    );
    entries
}
