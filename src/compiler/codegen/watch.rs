//! Watchpoint checks: what an instrumented version does before every memory access so
//! that the instance's watchpoints see it.
//!
//! // DESIGN: watchpoints
//! A watchpoint is data of one instance, like a breakpoint: a range of one of its
//! memories and a kind (read, write or access), kept in its debug state
//! (`runtime::debug::watch`). Code is never patched, and other instances never see it:
//!
//! 1. Every memory access of an instrumented version (loads and stores of every width,
//!    vector loads, lane loads and stores) compares its range with its memory's watch
//!    filter in this instance's vmctx (`WatchFilter`: the hull `[start, end)` of the
//!    instance's watchpoints on that memory), after the address and the explicit bounds
//!    check and before the access:
//!
//!    ```text
//!        lea rax, [index + offset + size]   ; (mov eax, address + size: constant)
//!        cmp rax, [r15 + start(k)]
//!        ja watch_j                          ; out of line: below
//!      resume_j:
//!        ... the access ...
//!      watch_j:
//!        sub rax, size                       ; the address
//!        cmp rax, [r15 + end(k)]
//!        jae resume_j
//!        (the debug stub, with the access's memory, size and direction as its word,
//!         the address in rax; then r13 reloaded from the function's word)
//!        jmp resume_j
//!    ```
//!
//!    With no watchpoint on memory k the filter is empty (`start` = u64::MAX), so the
//!    inline part is one `lea`, one compare and a branch never taken. Plain versions have
//!    no check at all.
//! 2. No access of the instance's code escapes the check. Ordinarily the instance runs
//!    its plain versions and the pages holding watched bytes are protected: an access of
//!    plain code to such a page moves its frame into the instrumented version at that
//!    access, which checks it here ("DESIGN: watched pages" in `runtime::watched_pages`).
//!    When the instance checks in software instead (with fuel, when the pages cannot be
//!    protected, or after frequent trips), every one of its functions runs its
//!    instrumented version: `DebugState::apply` points every function's word at its site
//!    bits, or at the module's zero bits (`DebugCode::stop_none`) where it has no
//!    breakpoint, which moves running and suspended frames into instrumented versions
//!    by the existing transfers.
//! 3. An access that passes the filter reaches the host (`runtime::debug::watch`), which
//!    compares it with each watchpoint exactly. On a hit it records the hit (with the old
//!    bytes of a write, read before the access runs) and points every function's word at
//!    ones; the code reloads r13 from the word, performs the access, and stops at the very
//!    next site, where the hook reports the hit (`DebugEvent::Watchpoint`, with the new
//!    bytes) before execution goes on. A site follows every access (the next instruction
//!    boundary, at worst the function's exit), so the stop is always in the accessing
//!    frame, right after the access.
//! 4. The host's own accesses count too: `memory.fill`/`copy`/`init` helpers and host
//!    functions reading or writing through `Memory::read`/`write` during a call (WASI's
//!    `fd_read`, `random_get`, ...) report to the memory's watchers, and the stop comes at
//!    the site after the call (every call from an instrumented version is followed by a
//!    transfer point, which reloads r13).
//! 5. Filters are kept with the watchpoints: `apply` rewrites them whenever a watchpoint is
//!    set or cleared; `memory.grow` changes no address, so they stay right.
//!
//! Tests: `tests/watchpoints.rs` (every access width and direction, bulk operations, host
//! writes, both bounds modes, several watchpoints, other instances untouched, code bytes
//! unchanged). Scratch builds breaking each point fail it: no check emitted (1: four
//! tests), functions left in their plain versions while watching (2: four), no reload of
//! r13 after the hook, so the stop comes late (3: three), host writes not reported (4:
//! the host-write test).

use super::memory::Addr;
use super::FuncCompiler;
use crate::abi::watch::WatchedAccess;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// An access's out-of-line half of the check.
pub(super) struct WatchPath {
    check: DynamicLabel,
    resume: DynamicLabel,
    access: WatchedAccess,
}

impl FuncCompiler<'_, '_> {
    /// Instrumented versions: the inline half of the watch check of `access` at `addr`
    /// (see the design above). Uses rax.
    pub(super) fn watch_check(&mut self, addr: Addr, access: WatchedAccess) {
        if !self.instrumented {
            return;
        }
        let size = i32::from(access.size);
        match addr {
            Addr::Disp(_, d) => dynasm!(self.asm ; .arch x64 ; mov eax, d + size),
            Addr::Index(_, i, d) => dynasm!(self.asm ; .arch x64 ; lea rax, [Rq(i) + d + size]),
        }
        let start = self.env.layout.watch_start(access.memory);
        let check = self.asm.new_dynamic_label();
        let resume = self.asm.new_dynamic_label();
        dynasm!(self.asm
            ; .arch x64
            ; cmp rax, [r15 + start]
            ; ja =>check
            ; =>resume
        );
        self.watch_paths.push(WatchPath {
            check,
            resume,
            access,
        });
    }

    /// The out-of-line halves of this version's watch checks.
    pub(super) fn emit_watch_paths(&mut self) {
        let word = self.env.layout.func_bits(self.func_index);
        let stub = self.env.debug_stub;
        let no_stops = self.env.no_stops;
        for path in std::mem::take(&mut self.watch_paths) {
            let end = self.env.layout.watch_end(path.access.memory);
            let encoded = path.access.encode();
            let reloaded = self.asm.new_dynamic_label();
            dynasm!(self.asm
                ; .arch x64
                ; =>path.check
                ; sub rax, i32::from(path.access.size)
                ; cmp rax, [r15 + end]
                ; jae =>path.resume
                // The stub's word, below the return address (the stub pops it).
                ; sub rsp, 8
                ; mov DWORD [rsp], encoded as u32 as i32
                ; mov DWORD [rsp + 4], (encoded >> 32) as u32 as i32
                ; call =>stub
                ; mov r13, [r15 + word]
                ; cmp r13, 1
                ; ja =>reloaded
                ; lea r13, [=>no_stops]
                ; =>reloaded
                ; jmp =>path.resume
            );
        }
    }
}
