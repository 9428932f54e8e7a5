//! Breakable points: how debuggable modules check, at every site, whether this instance
//! wants to stop there, and how execution moves between a function's plain and
//! instrumented versions.
//!
//! // DESIGN: breakable points
//! With debug instrumentation every function entry, instruction boundary and function
//! exit is a site (numbered within its function). Every instance has one word per
//! function in its vmctx, `func_bits[f]`: 0 while the instance does not debug f and f
//! reaches nothing it debugs, 1 while f is not debugged but reaches, by direct calls,
//! a function that is (see `abi::regs`, "DESIGN: entries through the stack limit"), and
//! otherwise a pointer to f's site bits (one bit per site, set where a breakpoint is) or,
//! while stepping through f or pausing, to a run of all-ones bits.
//!
//! Each function has two versions compiled from the same operators:
//!
//! - the plain version, compiled with the module: the code of an uninstrumented module,
//!   except that at its transfer points (function entry, every loop head, after every
//!   call) it can switch. Entry has no test of its own: the prologue's stack check fails
//!   when entries are watched, and its slow path reads the word ("DESIGN: entries through
//!   the stack limit"). Loop heads compare the stack pointer with the stack limit, `cmp
//!   rsp, r12 ; jb slow_i` (no memory access: an unconditional back-edge makes the
//!   compare itself and jumps past the head's), and the out-of-line slow path reads the
//!   word; another thread's debug request reaches a running loop by making that compare
//!   fail (`runtime::interrupt`, "DESIGN: interrupts through the stack limit"). A loop
//!   that cannot leave wasm code has no compare: its head is a transfer point with only
//!   the slow path, where the interrupt signal steps a thread running the loop
//!   (`interruptible`; "DESIGN: interrupts in loops without calls"). Plain modules make
//!   the same compare at the heads of loops that can call out, for the embedder's stop
//!   requests (their other loops have none). After a
//!   call to wasm code nothing is tested: the host moves a suspended caller to its
//!   instrumented version by rewriting the return address (`runtime::redirect`, "DESIGN:
//!   after-call transfers by return address"); after calls to host functions and into
//!   other instances the word is tested (`cmp qword [r15 + func_bits(f)], 1 ; ja`);
//! - the instrumented version, compiled on first use (`codegen`, "DESIGN: instrumented
//!   versions compiled on first use"), entered through those transfer points or, from
//!   instrumented code calling a debugged function, at its own entry; it pins the word
//!   in r13 and tests the site's bit inline at every site:
//!
//! ```text
//!     test byte [r13 + k/8], 1 << k%8   ; this instance's bit for site k of f
//!     jnz hit_k                         ; out of line: call the debug stub
//!   resume_k:
//! ```
//!
//!   and at its own transfer points reloads r13 and jumps back to the plain version's
//!   point when the word is 0 or 1.
//!
//! At a transfer point both versions agree on where every value is (all values are in
//! frame slots, constants or lazy locals, and the same ones in both, because the value
//! stack's spill decisions at merges and calls do not depend on register pressure), so
//! execution can switch versions there. The plain version has one more allocatable
//! register and no checks between transfer points; the instrumented version runs in the
//! frame the plain prologue built (its compilation checks that the frame is big enough).
//!
//! Costs: an instance debugging nothing runs the plain versions, whose hot paths are an
//! uninstrumented module's (small leaves have the stack check other functions have
//! anyway). A breakpoint makes the functions that can reach it by direct calls check at
//! entries and loop heads; a breakpoint in f, even at a cold site, makes f run its
//! instrumented version: one bit test per site, never a host call. Stepping points the
//! words at all-ones, so every site calls the stub, which saves every register and
//! calls the host.
//!
//! A word written by another thread (pause, a breakpoint or a step request while the
//! instance runs) takes effect at the next transfer point: the next loop iteration or
//! function entry (through the interrupt, which also redirects the suspended callers),
//! so a pause always reaches a running loop. Words changed while stopped, or by a host
//! function the code called, are seen at once. Everything is data of one instance: the
//! code is the same for every instance and never changes.
//!
//! // DESIGN: transfer paths
//! A plain version never refers to an instrumented version, which may not exist yet:
//! every transfer point `k` of function f has an out-of-line transfer path,
//!
//! ```text
//!   path_k:   jmp qword [rip + slot_k]      ; the module's transfer slot of the point:
//!                                           ; ask_k, or the instrumented version's point
//!   ask_k:    call transfer_stub            ; the host compiles f's instrumented version
//!             jmp plain_k                   ; if this instance debugs f (see below)
//!                                           ; (after a call: its return address, so
//!                                           ; that a canary check after it runs)
//! ```
//!
//! where a failed entry check, a loop head's slow path and a word test after a host call
//! go when the word is a pointer, and where the host redirects suspended callers'
//! return addresses. The slots are data beside the module's code (never executable; one
//! 8-byte slot per transfer point, and one per function for its instrumented entry):
//! a point's slot holds its `ask_k` until the version is compiled and then the
//! version's point, written once by the host (`CompiledCode::init_transfer_slots`,
//! `CompiledCode::publish_instrumented`); an entry slot holds 0 until then. The first transfer asks the host through the
//! transfer stub, which saves every register and calls the `transfer` libcall
//! (`runtime::redirect::transfer_libcall`): it finds (f, k) from its return address,
//! compiles f's instrumented version if this instance debugs f and no thread has
//! compiled it, and rewrites its own return address to the version's point k; otherwise
//! the path goes on in the plain version. Either way the same point is reached with
//! every register as it was.
//!
//! (The starting brief sketched one version with a flag-byte test at every site, which
//! was too slow both idle and with a breakpoint (benches/RESULTS.md, "Two versions per
//! function"): the plain version removes the per-site test from undebugged code and the
//! inline bit test removes the taken branches from debugged code; compiling the
//! instrumented versions on first use keeps the price of the second version to the
//! functions someone debugs; `docs/architecture.md`, record of decisions.)
//!
//! Nothing is spilled for the debugger: the site table records where every operand-stack
//! value lives at each site (register, frame slot, constant or lazy local), and the stub
//! saves all registers where the host can read and write them. Flags are never live
//! across a site in instrumented code (fused compares are materialized first), because
//! the checks clobber them; rax/rcx/rdx are scratch only within one instruction.

use super::FuncCompiler;
use crate::abi::regs::INTERRUPTED_BIT;
use crate::abi::sites::{CallStack, Site, SiteKind, StackLoc};
use crate::compiler::stack::Loc;
use crate::trap::TrapKind;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// A loop head's check of r12 (an interrupt, or in the plain version of a debuggable
/// module also watched entries), for its out-of-line slow path.
pub(super) struct LoopCheck {
    slow: DynamicLabel,
    /// Where the slow path goes on in this version.
    resume: DynamicLabel,
    /// The plain version's transfer path, where a debugged function goes on.
    transfer: Option<DynamicLabel>,
    /// `TrapKind::Interrupted`: the interrupt stub said the call must stop.
    stopped: DynamicLabel,
    /// A loop with homes (`loop_homes`): its head and its homes. The slow path writes
    /// the homes back first, and `resume` is an out-of-line reload of them that jumps to
    /// the head.
    homed: Option<(DynamicLabel, Vec<(u32, crate::abi::regs::Gpr)>)>,
}

/// The out-of-line part of a site, emitted at the end of the instrumented version.
pub(super) struct SlowPath {
    hit: DynamicLabel,
    resume: DynamicLabel,
    /// The site's number within its function (the hit routine adds the function).
    site: u32,
}

impl FuncCompiler<'_, '_> {
    /// Emits the breakable point for a site of `kind` at the current operator (only in
    /// instrumented versions).
    #[inline]
    pub(super) fn breakable_point(&mut self, kind: SiteKind) {
        if self.instrumented {
            self.emit_breakable_point(kind);
        }
    }

    /// Where the value at `depth` of the operand stack is now, as the debug tables
    /// record it.
    pub(super) fn stack_loc(&self, depth: usize) -> (crate::types::ValType, StackLoc) {
        let e = self.stack.get(depth);
        let loc = match e.loc {
            Loc::Const(bits) => StackLoc::constant(bits),
            Loc::Local(i) => StackLoc::Local(i),
            Loc::Gpr(r) => StackLoc::Gpr(r),
            Loc::Xmm(x) => StackLoc::Xmm(x),
            Loc::Slot => StackLoc::Frame(self.entry_slot_disp(e)),
            Loc::Flags(_) => unreachable!("flags are settled before breakable points"),
        };
        (e.ty, loc)
    }

    /// Records where every value of the operand stack is now, in the debug tables'
    /// stack list; returns the range.
    fn record_stack_layout(&mut self) -> (u32, u32) {
        let stack_start = self.out.debug.stack.len() as u32;
        for depth in 0..self.stack.len() {
            let entry = self.stack_loc(depth);
            self.out.debug.stack.push(entry);
        }
        (stack_start, self.stack.len() as u32)
    }

    /// Instrumented version: records where the values under the current call's
    /// arguments are while it runs (`abi::sites::CallStack`), right after the call
    /// sequence popped them. No-op in the plain version.
    pub(super) fn record_call_stack(&mut self) {
        if !self.instrumented {
            return;
        }
        let (stack_start, stack_len) = self.record_stack_layout();
        debug_assert!(
            (stack_start..stack_start + stack_len).all(|i| !matches!(
                self.out.debug.stack[i as usize].1,
                StackLoc::Gpr(_) | StackLoc::Xmm(_)
            )),
            "a value in a register across a call"
        );
        self.out.debug.calls.push(CallStack {
            offset: self.offset,
            stack_start,
            stack_len,
        });
    }

    /// Debuggable modules: records that the call instruction just emitted switches to
    /// another context (an imported function, a table entry of another instance), so
    /// that its caller's own vmctx is in its frame at `VMCTX_SAVE` while it runs: the
    /// debugger's walk finds each caller's instance this way (`runtime::debug::walk`).
    pub(super) fn record_context_return(&mut self) {
        if self.env.debug {
            let returned = self.asm.offset().0 as u32;
            self.out.context_returns.push(returned);
        }
    }

    fn emit_breakable_point(&mut self, kind: SiteKind) {
        let id = self.out.debug.sites.len() as u32;
        let (stack_start, stack_len) = self.record_stack_layout();
        self.out.debug.sites.push(Site {
            func: self.func_index,
            offset: self.offset,
            kind,
            code: self.asm.offset().0 as u32,
            stack_start,
            stack_len,
        });
        let local = id - self.first_site;
        let byte = (local / 8) as i32;
        let mask = 1i8 << (local % 8);
        let hit = self.asm.new_dynamic_label();
        let resume = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            ; test BYTE [r13 + byte], mask
            ; jnz =>hit
            ; =>resume
        );
        self.slow_paths.push(SlowPath {
            hit,
            resume,
            site: local,
        });
    }

    /// A point where execution may switch between the plain and the instrumented version
    /// of the function, where the plain version tests the word: the entry, and after
    /// calls that return into plain code by another way than a return address the host
    /// can redirect (host functions, other instances) or that leave wasm code for long
    /// (host helpers such as `memory.fill`: a loop spending its time in one would
    /// otherwise hear of another thread's request only through an interrupt signal
    /// landing in its own few instructions, and under load a second of re-sent signals
    /// could all land in the helper). No-op without instrumentation.
    pub(super) fn transfer_point(&mut self) {
        self.transfer(false);
    }

    /// The transfer point right after a call to wasm code, whose return address is
    /// `returned`. The plain version tests nothing here: it records (return address, the
    /// point's transfer path) in `FuncOutput::after_calls`, and when the debugger changes
    /// what an instance debugs, the host rewrites such return addresses in the frames on
    /// the stack (`runtime::redirect`, "DESIGN: after-call transfers by return address").
    /// Returns, in the plain version of an instrumented function, the transfer path's
    /// label, for a path that reaches this point by another way and must test the word
    /// itself.
    ///
    /// Also where a call's convention canaries are checked (canary mode; `calls`,
    /// "DESIGN: convention canaries"): before the plain version's point, and after the
    /// instrumented version's label, which a transfer reaches directly.
    pub(super) fn after_call_transfer_point(
        &mut self,
        returned: DynamicLabel,
    ) -> Option<DynamicLabel> {
        if !self.env.debug {
            self.canary_check();
            return None;
        }
        if self.instrumented {
            self.transfer_with(false, true);
            return None;
        }
        self.canary_check();
        let plain = self.asm.new_dynamic_label();
        let path = self.asm.new_dynamic_label();
        // A path that stays in the plain version resumes at the return address, so that
        // the call's canary check (which also restores the caller's registers) runs.
        self.transfers.push((plain, path, returned));
        self.out.after_calls.push((returned, path));
        dynasm!(self.asm ; .arch x64 ; =>plain);
        Some(path)
    }

    /// The transfer point at a loop head. In the plain version it tests the stack limit
    /// instead of the debug word (`runtime::interrupt`: another thread's debug request
    /// makes the check fail; the out-of-line slow path then tests the word), and returns
    /// the label past the check and the slow path, for the loop's back-edges.
    pub(super) fn loop_transfer_point(&mut self) -> Option<(DynamicLabel, DynamicLabel)> {
        self.transfer(true)
    }

    fn transfer(&mut self, loop_head: bool) -> Option<(DynamicLabel, DynamicLabel)> {
        self.transfer_with(loop_head, false)
    }

    /// The transfer point at the head of a loop compiled without a check in the plain
    /// version of a debuggable module: no code inline, only the out-of-line slow path
    /// the check would jump to, recorded with the head for the interrupt signal, which
    /// steps a thread running the loop to a head and sends it there (`interruptible`).
    ///
    /// In a loop with homes the point is not the head itself: the instrumented version
    /// keeps every local in its slot, so the point reloads the homes out of line and then
    /// jumps to the head ("DESIGN: loop homes").
    pub(super) fn loop_head_without_check(&mut self, homes: &[(u32, crate::abi::regs::Gpr)]) {
        debug_assert!(self.env.debug && !self.instrumented);
        let (plain, mut check) = self.plain_loop_point();
        if homes.is_empty() {
            dynasm!(self.asm ; .arch x64 ; =>plain);
        } else {
            let head = self.asm.new_dynamic_label();
            dynasm!(self.asm ; .arch x64 ; =>head);
            check.homed = Some((head, homes.to_vec()));
        }
        let head = self.asm.offset().0 as u32;
        self.out.loop_heads.push((head, check.slow));
        self.loop_checks.push(check);
    }

    /// A transfer point; in the instrumented version, `check_canaries` puts a call's
    /// canary check between the point's label and its test.
    fn transfer_with(
        &mut self,
        loop_head: bool,
        check_canaries: bool,
    ) -> Option<(DynamicLabel, DynamicLabel)> {
        if !self.env.debug {
            if loop_head {
                // A plain module: the loop head's check is only for interrupts.
                let check = self.loop_check(None);
                dynasm!(self.asm
                    ; .arch x64
                    ; cmp rsp, r12
                    ; jb =>check.slow
                    ; =>check.resume
                );
                let labels = (check.resume, check.slow);
                self.loop_checks.push(check);
                return Some(labels);
            }
            return None;
        }
        let word = self.env.layout.func_bits(self.func_index);
        if self.instrumented {
            let k = self.next_transfer;
            self.next_transfer += 1;
            let here = self.asm.new_dynamic_label();
            dynasm!(self.asm ; .arch x64 ; =>here);
            self.out.debug_transfers.push(here);
            if loop_head {
                // r12 may carry `WATCHED` here: only the interrupt flag is tested.
                let mut check = self.loop_check(None);
                check.resume = here;
                dynasm!(self.asm
                    ; .arch x64
                    ; bt r12, BYTE INTERRUPTED_BIT
                    ; jc =>check.slow
                );
                self.loop_checks.push(check);
            }
            if check_canaries {
                self.canary_check();
            }
            // A word of 0 or 1 means this instance does not debug the function: back to
            // the plain version's point k, in the module's code (`jbe rel32`, or with
            // fuel `jmp rel32` after loading the plain version's fuel register; publishing
            // resolves it: `compiler::debug_code`).
            dynasm!(self.asm
                ; .arch x64
                ; mov r13, [r15 + word]
                ; cmp r13, 1
            );
            if self.env.fuel {
                let stay = self.asm.new_dynamic_label();
                dynasm!(self.asm
                    ; .arch x64
                    ; ja =>stay
                    ; mov r13, QWORD [r15 + crate::abi::vmctx::header::FUEL]
                );
                self.asm.push(0xE9);
                let at = self.asm.offset().0;
                self.asm.extend([0, 0, 0, 0]);
                self.out.plain_jumps.push((at, self.plain_points[k]));
                dynasm!(self.asm ; .arch x64 ; =>stay);
            } else {
                self.asm.extend([0x0F, 0x86]);
                let at = self.asm.offset().0;
                self.asm.extend([0, 0, 0, 0]);
                self.out.plain_jumps.push((at, self.plain_points[k]));
            }
            None
        } else if loop_head {
            let (plain, check) = self.plain_loop_point();
            dynasm!(self.asm
                ; .arch x64
                ; cmp rsp, r12
                ; jb =>check.slow
                ; =>plain
            );
            let labels = (plain, check.slow);
            self.loop_checks.push(check);
            Some(labels)
        } else {
            let plain = self.asm.new_dynamic_label();
            let path = self.asm.new_dynamic_label();
            self.transfers.push((plain, path, plain));
            emit_word_test(self.asm, word);
            dynasm!(self.asm
                ; .arch x64
                ; ja =>path
                ; =>plain
            );
            None
        }
    }

    /// A loop head's transfer point in the plain version of a debuggable module (with or
    /// without its check inline): the point's label and the check whose slow path goes on
    /// there or, when this instance debugs the function, to the point's transfer path.
    fn plain_loop_point(&mut self) -> (DynamicLabel, LoopCheck) {
        let plain = self.asm.new_dynamic_label();
        let path = self.asm.new_dynamic_label();
        self.transfers.push((plain, path, plain));
        let mut check = self.loop_check(Some(path));
        check.resume = plain;
        (plain, check)
    }

    /// The labels of a loop head's check, with its trap (created at the loop operator,
    /// where a backtrace puts it); `transfer` is the plain version's transfer path in a
    /// debuggable module.
    fn loop_check(&mut self, transfer: Option<DynamicLabel>) -> LoopCheck {
        LoopCheck {
            slow: self.asm.new_dynamic_label(),
            resume: self.asm.new_dynamic_label(),
            transfer,
            stopped: self.trap_site(TrapKind::Interrupted),
            homed: None,
        }
    }

    /// Emits each loop head's slow path: take the interrupt if there is one (the stub
    /// reloads r12; `regs::STOP` traps), then, in the plain version of a debuggable
    /// module, test the word (the check also fails when entries are watched: `abi::regs`,
    /// "DESIGN: entries through the stack limit").
    fn emit_loop_check_slow_paths(&mut self) {
        let word = self.env.layout.func_bits(self.func_index);
        let interrupt = self.env.interrupt_stub;
        for check in std::mem::take(&mut self.loop_checks) {
            let no_interrupt = self.asm.new_dynamic_label();
            // The head has not paid yet: the interrupt, the host and the instrumented
            // version read the fuel the last payment left ("DESIGN: fuel").
            dynasm!(self.asm ; .arch x64 ; =>check.slow);
            // Everything the slow path may go on to (the host, a stop, the instrumented
            // version) reads locals from their slots ("DESIGN: loop homes").
            if let Some((_, homes)) = &check.homed {
                self.write_back(homes);
            }
            self.fuel_to_memory();
            dynasm!(self.asm
                ; .arch x64
                ; bt r12, BYTE INTERRUPTED_BIT
                ; jnc =>no_interrupt
                ; call =>interrupt
            );
            self.fuel_from_memory();
            dynasm!(self.asm
                ; .arch x64
                ; test r12, r12
                ; jz =>check.stopped
                ; =>no_interrupt
            );
            if let Some(transfer) = check.transfer {
                emit_word_test(self.asm, word);
                dynasm!(self.asm ; .arch x64 ; ja =>transfer);
            }
            dynasm!(self.asm ; .arch x64 ; jmp =>check.resume);
            if let Some((head, homes)) = &check.homed {
                dynasm!(self.asm ; .arch x64 ; =>check.resume);
                self.reload_homes(homes);
                dynasm!(self.asm ; .arch x64 ; jmp =>*head);
            }
        }
    }

    /// Plain version of an instrumented function: emits each transfer point's transfer
    /// path, which asks the host to go on in the instrumented version ("DESIGN: transfer
    /// paths").
    fn emit_transfer_paths(&mut self) {
        let stub = self.env.transfer_stub;
        for &(plain, path, resume) in &self.transfers {
            // The module's transfer slot of this point (`FuncOutput::slot_refs`): the
            // instrumented version's matching point once compiled, zero before.
            let slot = self.out.transfer_points.len() as u32;
            let ask_host = self.asm.new_dynamic_label();
            let returned = self.asm.new_dynamic_label();
            dynasm!(self.asm ; .arch x64 ; =>path);
            // jmp qword [rip + slot]
            self.asm.extend([0xFF, 0x25]);
            self.out.slot_refs.push((self.asm.offset().0, slot, 0));
            self.asm.extend([0, 0, 0, 0]);
            dynasm!(self.asm
                ; .arch x64
                ; =>ask_host
                ; call =>stub
                ; =>returned
                ; jmp =>resume
            );
            self.out.transfer_points.push((returned, plain));
        }
        self.out.func_transfers.push(self.transfers.len() as u32);
    }

    /// Emits the instrumented version's out-of-line site code and its hit routine, which
    /// calls the debug stub and re-reads the word afterwards (falling back to the
    /// module's zero bits if the debugger stopped debugging this function, since the
    /// instrumented version can only leave at a transfer point).
    pub(super) fn emit_slow_paths(&mut self) {
        self.emit_loop_check_slow_paths();
        if self.env.debug && !self.instrumented {
            self.emit_transfer_paths();
            return;
        }
        if self.slow_paths.is_empty() {
            return;
        }
        let routine = self.asm.new_dynamic_label();
        for p in std::mem::take(&mut self.slow_paths) {
            dynasm!(self.asm
                ; .arch x64
                ; =>p.hit
                ; mov eax, p.site as i32
                ; call =>routine
                ; jmp =>p.resume
            );
        }
        let word = self.env.layout.func_bits(self.func_index);
        let stub = self.env.debug_stub;
        let no_stops = self.env.no_stops;
        let defined = self.func_index - self.env.info.num_imported_funcs;
        let ok = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            ; =>routine
            // rsp is 8 below 16-byte alignment here; the pad and the site id restore it.
            // The id the hook gets: the defined function's index in the high half, the
            // site's number (zero-extended into rax) in the low half.
            ; sub rsp, 8
            ; mov rdx, QWORD (u64::from(defined) << 32) as i64
            ; or rax, rdx
            ; push rax
            ; call =>stub
            ; add rsp, 8
            ; mov r13, [r15 + word]
            ; cmp r13, 1
            ; ja =>ok
            ; lea r13, [=>no_stops]
            ; =>ok
            ; ret
        );
    }
}

/// `cmp qword [r15 + word], 1` (a following `ja` is taken when this instance debugs the
/// function: its word is a pointer), encoded by hand in its short form (an 8-bit
/// immediate, and an 8-bit displacement where it fits: 5 or 8 bytes instead of the
/// assembler's 11).
pub(super) fn emit_word_test(asm: &mut super::Asm, word: i32) {
    // REX.W + REX.B (r15), opcode 83 /7 ib; ModRM rm = r15 & 7.
    if let Ok(disp) = i8::try_from(word) {
        asm.extend([0x49, 0x83, 0x7f, disp as u8, 0x01]);
    } else {
        asm.extend([0x49, 0x83, 0xbf]);
        asm.extend(word.to_le_bytes());
        asm.push(0x01);
    }
}
