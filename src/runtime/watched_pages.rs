//! Watchpoints by page protection: the pages of a memory that hold watched bytes are
//! protected, so that code that never touches them runs at full speed, and only an access
//! to such a page leaves the plain code.
//!
//! // DESIGN: watched pages
//! An instance with watchpoints (`runtime::debug::watch`) keeps running its plain
//! versions; the watched bytes are found by the processor instead of by code:
//!
//! 1. Every 4 KiB page of a memory that holds a byte some instance watches is protected
//!    (`Memory::update_protection`): no access if a read or access watchpoint covers it,
//!    read-only if only write watchpoints do. The protected runs are published in a
//!    process-wide table the signal handler reads without locks (`run_at`).
//!    A change of runs goes in one order (`change_steps`): the new runs are entered,
//!    the old ones retired, then the pages are protected as the new runs say. A run is
//!    entered before its pages are protected, so a fault on a protected page finds its
//!    run; a retired run's pages become accessible right after it is retired (a fault
//!    there runs the instruction again). Retiring first matters to a thread that ends
//!    a step (below) meanwhile: it re-protects its page as the table says and reads the
//!    table again if it changed while it did; had the old run's pages been unprotected
//!    before the run was retired, that thread could read the run still live, protect
//!    the page after the unprotection and see no change, leaving a page protected with
//!    no live run, where every access faults and runs again for ever (a hang of
//!    `watching_one_instance_among_fifty_busy_ones` on a loaded machine;
//!    `a_page_never_stays_protected_without_its_run` runs every interleaving).
//! 2. A fault at a load or store of wasm code on a protected page (`runtime::signals`)
//!    is one of two things. In the plain version of a debuggable module, the thread is
//!    sent into the module's transfer stub with the faulting instruction as its return
//!    address and the fault noted (`note_fault`), and the host moves the frame into the
//!    function's instrumented version at the access's own site (`runtime::debug::watch::
//!    enter_at_fault`): the plain version's operand stack there comes from a replay of its
//!    compilation (`abi::sites::PlainAccess`), the instrumented site's from its site
//!    table, and every value is copied from one place to the other, in the save area or
//!    the frame (pinned locals and frame slots are the same in both versions). The
//!    instrumented version runs the operator again with its exact watch check
//!    (`codegen::watch`), so a hit stops at the next site with old and new values, and
//!    goes back to the plain version at its next transfer point. Elsewhere (instrumented
//!    code, a module without debug instrumentation, or an access the host says cannot
//!    be a hit, `request_step`) the handler lets the one instruction through: it
//!    unprotects the page, sets the trap flag, and the trap after the instruction
//!    protects the page again (`step_over`, `end_step`). An instruction that faults
//!    again while it is being stepped touches a second protected page (an access across
//!    a page boundary): that page is lifted too, for the same step (`mid_step`; a trip
//!    to the host then would re-protect the first page and fault for ever:
//!    `an_access_spanning_two_watched_pages_runs_through_or_stops`, found by the
//!    debug-operation fuzzer, smith seed 22037501).
//! 3. The host's own accesses to guest memory (`Memory::read`/`write`, the bulk-memory
//!    helpers, the debugger's reads) lift the protection of the runs they touch for
//!    their duration (`Memory::host_access`); they reach the watchers as before. A
//!    thread ending a step (2) on one of those pages meanwhile must not protect it
//!    again under the host's access, which would fault outside wasm code, where no
//!    handler claims it: a lift first counts itself on its runs (`lift_runs`), then
//!    waits until no thread is between its reading of a page's run and the end of its
//!    protection of the page (`ENDING_STEPS`), and only then unprotects; a thread ending
//!    a step counts itself in before it reads, and leaves a page of a lifted run as it
//!    is (`page_reading`). Every count and read of this handshake is sequentially
//!    consistent, so of a lift's count and a thread's count one comes first: either the
//!    thread read the lift (and protects nothing) or the host saw the thread counted in
//!    and waited for its protection to be done (and unprotects after it). When the
//!    access is done the host withdraws its count (drops its `Lift`) and protects the runs
//!    as they are. (Without the wait, a host write to memory shared with a thread
//!    stepping on the same page could crash the process: `a_host_access_never_meets_
//!    a_protected_page` runs every interleaving.)
//! 4. `memory.grow` protects the watched pages that growing made accessible.
//!
//! Costs: code that never touches a watched page runs exactly the plain code; each
//! access to a watched page costs a fault and, in debuggable code, a trip through the
//! host and the instrumented version up to its next transfer point. An instance whose
//! accesses to watched pages become frequent (`SOFTWARE_AFTER` trips) goes over to
//! checking every access in software (`codegen::watch`), as do instances with fuel and
//! watched ranges beyond the table's `MAX_RUNS`. A host access to a watched run waits
//! for the threads then ending steps (one `mprotect` each). Limits: while a page is let
//! through for one instruction, or while the host accesses it, another thread's access
//! to it is not seen; an embedder writing through `Memory::data_ptr` while a watchpoint
//! protects the page faults.
//!
//! Tests: `tests/watchpoints.rs` (every access width and direction, host writes,
//! growth), `tests/watched_pages.rs` (accesses beside a watched range on its page, the
//! move to checking in software, an access spanning two pages, a memory shared with a
//! module without instrumentation that reads it on another thread while the host writes
//! to the same page), the unit tests below (every interleaving of a change of runs, and
//! of a host access, with a step's end) and the debug-operations fuzzer's random
//! watchpoints.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The protection granule (the processor's page).
pub(crate) const OS_PAGE: usize = 4096;

/// Protected runs the process can have at once.
pub(crate) const MAX_RUNS: usize = 256;

/// Trips through the host after which an instance checks its accesses in software.
pub(crate) const SOFTWARE_AFTER: u64 = 4096;

/// The protected runs: (start, end, protection) absolute addresses, an end of 0 marks a
/// free entry and the protection `RETIRED` a run withdrawn (its pages are accessible
/// again, or about to be; it stays, so that a fault taken just before or while it was
/// withdrawn is known for what it is, until its entry is needed or its memory freed). Written under `RUNS_LOCK`, read
/// by the signal handlers without locks.
static RUNS: [[AtomicUsize; 3]; MAX_RUNS] = [const {
    [
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    ]
}; MAX_RUNS];
static RUNS_LOCK: Mutex<()> = Mutex::new(());
/// Counts changes of `RUNS` (after each): `end_step` re-reads a page's run until none
/// changed while it protected the page.
static GENERATION: AtomicUsize = AtomicUsize::new(0);
/// Per entry of `RUNS`: host accesses in progress with the run's protection lifted
/// (`lift_runs`; "DESIGN: watched pages", 3).
static LIFTS: [AtomicUsize; MAX_RUNS] = [const { AtomicUsize::new(0) }; MAX_RUNS];
/// Threads between `end_step`'s reading of a page's run and the end of its protection
/// of the page (`enter_ending`): a lift waits for none to be.
static ENDING_STEPS: AtomicUsize = AtomicUsize::new(0);

/// The protection field of a withdrawn run.
const RETIRED: usize = usize::MAX;

/// What the signal handler finds at an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Run {
    /// A protected run, with its protection.
    Live(i32),
    /// A withdrawn run: the page was protected and is not any more.
    Retired,
}

/// Handles of entries in `RUNS` (their indices).
pub(crate) type RunSlots = Vec<usize>;

/// Publishes `runs` (start, end, protection) in free entries; returns their slots, or
/// `None` (publishing nothing) if the table has too few free entries.
pub(crate) fn publish_runs(runs: &[(usize, usize, i32)]) -> Option<RunSlots> {
    let _guard = RUNS_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // Free entries first, then retired ones.
    let free: Vec<usize> = (0..MAX_RUNS)
        .filter(|&i| RUNS[i][1].load(Ordering::Acquire) == 0)
        .chain((0..MAX_RUNS).filter(|&i| RUNS[i][2].load(Ordering::Acquire) == RETIRED))
        .take(runs.len())
        .collect();
    if free.len() < runs.len() {
        return None;
    }
    for (&slot, &(start, end, prot)) in free.iter().zip(runs) {
        RUNS[slot][1].store(0, Ordering::Release);
        RUNS[slot][0].store(start, Ordering::Release);
        RUNS[slot][2].store(prot as usize, Ordering::Release);
        RUNS[slot][1].store(end, Ordering::Release);
    }
    GENERATION.fetch_add(1, Ordering::SeqCst);
    Some(free)
}

/// Retires runs published by `publish_runs` (their pages are made accessible next).
pub(crate) fn withdraw_runs(slots: &[usize]) {
    let _guard = RUNS_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    for &slot in slots {
        RUNS[slot][2].store(RETIRED, Ordering::Release);
    }
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// Frees every entry inside `[start, end)`, live or retired (a memory's reservation, when
/// the memory is freed: its addresses may serve another mapping next).
pub(crate) fn forget_range(start: usize, end: usize) {
    let _guard = RUNS_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    for run in &RUNS {
        let (s, e) = (
            run[0].load(Ordering::Acquire),
            run[1].load(Ordering::Acquire),
        );
        if e != 0 && start <= s && e <= end {
            run[1].store(0, Ordering::Release);
        }
    }
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// The run holding `addr`, live or retired, if any. Async-signal-safe.
pub(crate) fn run_at(addr: usize) -> Option<Run> {
    let mut found = None;
    for run in &RUNS {
        let end = run[1].load(Ordering::Acquire);
        let start = run[0].load(Ordering::Acquire);
        if end != 0 && start <= addr && addr < end {
            match run[2].load(Ordering::Acquire) {
                RETIRED => found = Some(Run::Retired),
                prot => return Some(Run::Live(prot as i32)),
            }
        }
    }
    found
}

thread_local! {
    /// A fault in plain code the host is asked about: (faulting pc, address, whether
    /// the access writes).
    static FAULT: Cell<Option<(usize, usize, bool)>> = const { Cell::new(None) };
    /// The faulting pc the host said to let through (`request_step`).
    static STEP_AT: Cell<usize> = const { Cell::new(0) };
    /// The pages let through for the instruction being stepped (0: none).
    static STEPPING: Cell<[usize; 2]> = const { Cell::new([0; 2]) };
}

/// Notes, in the signal handler, a fault of plain code at `pc` on `addr` that the thread
/// takes to the host. Async-signal-safe.
pub(crate) fn note_fault(pc: usize, addr: usize, write: bool) {
    FAULT.with(|f| f.set(Some((pc, addr, write))));
}

/// The host's part: the fault noted for the instruction at `pc`, taken.
pub(crate) fn take_fault(pc: usize) -> Option<(usize, bool)> {
    FAULT.with(|f| match f.get() {
        Some((at, addr, write)) if at == pc => {
            f.set(None);
            Some((addr, write))
        }
        _ => None,
    })
}

/// The host's part: when the instruction at `pc` faults again, let it through.
pub(crate) fn request_step(pc: usize) {
    STEP_AT.with(|s| s.set(pc));
}

/// Whether the handler should let the fault at `pc` through rather than ask the host
/// (then the request is used up). Async-signal-safe.
pub(crate) fn step_requested(pc: usize) -> bool {
    STEP_AT.with(|s| {
        let asked = s.get() == pc;
        if asked {
            s.set(0);
        }
        asked
    })
}

/// Whether this thread is stepping an instruction through (`step_over` ran and
/// `end_step` has not): a fault now is that instruction touching a second protected
/// page, which must be let through as well, not sent to the host (the host's trip would
/// run with the trap flag set and re-protect the first page, and the instruction would
/// fault again for ever). Async-signal-safe.
pub(crate) fn mid_step() -> bool {
    STEPPING.with(|s| s.get()[0] != 0)
}

/// Lets the instruction that faulted on `addr` through: unprotects its page and sets the
/// trap flag in `eflags`, so that `end_step` runs after the instruction. A second fault of
/// the same instruction (an access spanning two pages) unprotects the second page too.
/// Async-signal-safe (`mprotect` is a system call).
pub(crate) fn step_over(addr: usize, eflags: &mut i64) {
    let page = addr & !(OS_PAGE - 1);
    STEPPING.with(|s| {
        let mut pages = s.get();
        if pages[0] == 0 {
            pages[0] = page;
        } else if pages[1] == 0 && pages[0] != page {
            pages[1] = page;
        }
        s.set(pages);
    });
    // SAFETY: the page lies in a protected run of a live memory's accessible part.
    unsafe {
        libc::mprotect(
            page as *mut libc::c_void,
            OS_PAGE,
            libc::PROT_READ | libc::PROT_WRITE,
        )
    };
    *eflags |= TRAP_FLAG;
}

/// The trap flag of eflags: set in a signal context, the thread traps (SIGTRAP) after its
/// next instruction (here and in `runtime::interrupt`'s steps to a loop head).
pub(crate) const TRAP_FLAG: i64 = 0x100;

/// After a stepped instruction: protects its pages again as their runs say now, clears
/// the trap flag. Returns false if this thread was not stepping (the trap is not ours).
/// Async-signal-safe.
pub(crate) fn end_step(eflags: &mut i64) -> bool {
    let pages = STEPPING.with(|s| s.replace([0; 2]));
    if pages[0] == 0 {
        return false;
    }
    for page in pages.into_iter().filter(|&p| p != 0) {
        // The page's protection as its run says now; a run withdrawn meanwhile leaves
        // it accessible. Read again if the runs changed while this protected it, so that
        // a page whose watchpoint was just cleared never stays protected without a run.
        loop {
            enter_ending();
            let (generation, prot) = page_reading(page);
            if let Some(prot) = prot {
                // SAFETY: as in `step_over`.
                unsafe { protect_pages(page, page + OS_PAGE, prot) };
            }
            leave_ending();
            if !runs_changed_since(generation) {
                break;
            }
        }
    }
    *eflags &= !TRAP_FLAG;
    true
}

/// `end_step` is about to read a page's run and protect the page: a lift waits until it
/// is done ("DESIGN: watched pages", 3). Async-signal-safe.
fn enter_ending() {
    ENDING_STEPS.fetch_add(1, Ordering::SeqCst);
}

/// `end_step` is done protecting a page. Async-signal-safe.
fn leave_ending() {
    ENDING_STEPS.fetch_sub(1, Ordering::SeqCst);
}

/// What `end_step` protects `page` with: the table's generation and the page's
/// protection as its live run says (read+write without one), or `None` if a host access
/// has lifted that run (the host protects it when done). Async-signal-safe.
fn page_reading(page: usize) -> (usize, Option<i32>) {
    let generation = GENERATION.load(Ordering::SeqCst);
    let mut prot = Some(libc::PROT_READ | libc::PROT_WRITE);
    for (run, lifts) in RUNS.iter().zip(&LIFTS) {
        let end = run[1].load(Ordering::SeqCst);
        let start = run[0].load(Ordering::SeqCst);
        if end != 0 && start <= page && page < end {
            match run[2].load(Ordering::SeqCst) {
                RETIRED => {}
                _ if lifts.load(Ordering::SeqCst) != 0 => prot = None,
                live => prot = Some(live as i32),
            }
        }
    }
    (generation, prot)
}

/// A host access's lift of some runs' protection (`lift_runs`); dropping it ends the
/// lift, after which a thread ending a step protects their pages again (the host
/// protects them as the runs say next).
pub(crate) struct Lift {
    slots: RunSlots,
}

/// Counts a host access on the entries `slots` (live runs of one memory, whose
/// protection cannot change meanwhile) and waits until no thread ending a step can still
/// protect one of their pages; then the caller may unprotect them, until it drops the
/// lift ("DESIGN: watched pages", 3).
pub(crate) fn lift_runs(slots: &[usize]) -> Lift {
    let lift = count_lift(slots);
    // A thread that counted itself in before the lift was counted may have read the run
    // unlifted: wait for its protection to be done. Threads ending steps never wait for
    // anything, and each is in for one `mprotect`.
    let mut spins = 0u32;
    while !lift_may_proceed() {
        spins += 1;
        if spins.is_multiple_of(64) {
            std::thread::yield_now();
        } else {
            std::hint::spin_loop();
        }
    }
    lift
}

/// `lift_runs`'s first step: counts the lift on each entry.
fn count_lift(slots: &[usize]) -> Lift {
    for &slot in slots {
        LIFTS[slot].fetch_add(1, Ordering::SeqCst);
    }
    Lift {
        slots: slots.to_vec(),
    }
}

/// Whether no thread is between reading a page's run and protecting it (`lift_runs`).
fn lift_may_proceed() -> bool {
    ENDING_STEPS.load(Ordering::SeqCst) == 0
}

impl Drop for Lift {
    fn drop(&mut self) {
        for &slot in &self.slots {
            LIFTS[slot].fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Whether the table changed after `generation` was read. Async-signal-safe.
fn runs_changed_since(generation: usize) -> bool {
    GENERATION.load(Ordering::SeqCst) != generation
}

/// `mprotect` of the pages `[start, end)`.
///
/// # Safety
///
/// The pages lie in the accessible part of a live memory.
unsafe fn protect_pages(start: usize, end: usize, prot: i32) {
    // SAFETY: per the caller.
    let rc = unsafe { libc::mprotect(start as *mut libc::c_void, end - start, prot) };
    debug_assert_eq!(rc, 0, "mprotect of a memory's own pages");
}

/// One step of a change of a memory's protected runs (`change_steps`); absolute
/// addresses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RunStep {
    /// Enter these (start, end, protection) runs in the table.
    Publish(Vec<(usize, usize, i32)>),
    /// Retire these entries.
    Withdraw(RunSlots),
    /// Protect `[start, end)` with the protection.
    Protect(usize, usize, i32),
}

/// The steps that take a memory from the runs `old` (entered as `old_slots`) to the runs
/// `new`, in the order "DESIGN: watched pages" (1) gives: enter the new runs, retire the
/// old, unprotect the old runs' pages, protect the new runs' pages.
pub(crate) fn change_steps(
    old: &[(usize, usize, i32)],
    old_slots: &[usize],
    new: &[(usize, usize, i32)],
) -> Vec<RunStep> {
    let mut steps = vec![
        RunStep::Publish(new.to_vec()),
        RunStep::Withdraw(old_slots.to_vec()),
    ];
    steps.extend(
        old.iter().map(|&(start, end, _)| {
            RunStep::Protect(start, end, libc::PROT_READ | libc::PROT_WRITE)
        }),
    );
    steps.extend(
        new.iter()
            .map(|&(start, end, prot)| RunStep::Protect(start, end, prot)),
    );
    steps
}

/// Performs one step; a `Publish` returns the entries it took, or `None` if the table has
/// too few free entries (then it entered nothing). Other steps return no entries.
///
/// # Safety
///
/// A `Protect` step's pages lie in the accessible part of a live memory.
unsafe fn run_step(step: &RunStep) -> Option<RunSlots> {
    match step {
        RunStep::Publish(runs) => return publish_runs(runs),
        RunStep::Withdraw(slots) => withdraw_runs(slots),
        // SAFETY: per the caller.
        &RunStep::Protect(start, end, prot) => unsafe { protect_pages(start, end, prot) },
    }
    Some(Vec::new())
}

/// Takes a memory from the runs `old` (entered as `old_slots`) to the runs `new`
/// (`change_steps`); returns the new runs' entries, or `None`, changing nothing, if the
/// table has no room for them.
///
/// # Safety
///
/// Both sets of runs lie in the accessible part of the caller's live memory.
pub(crate) unsafe fn change_runs(
    old: &[(usize, usize, i32)],
    old_slots: &[usize],
    new: &[(usize, usize, i32)],
) -> Option<RunSlots> {
    let steps = change_steps(old, old_slots, new);
    let (publish, rest) = steps.split_first()?;
    // SAFETY: per the caller (a `Publish` protects nothing).
    let slots = unsafe { run_step(publish) }?;
    for step in rest {
        // SAFETY: per the caller.
        unsafe { run_step(step) };
    }
    Some(slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RW: i32 = libc::PROT_READ | libc::PROT_WRITE;

    /// A fresh read+write anonymous page for one test.
    fn test_page() -> usize {
        // SAFETY: a fresh anonymous mapping of the test's own.
        let page = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                OS_PAGE,
                RW,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        assert_ne!(page, libc::MAP_FAILED);
        page as usize
    }

    /// Frees a `test_page` and its entries in the table.
    fn free_test_page(page: usize) {
        forget_range(page, page + OS_PAGE);
        // SAFETY: the test's page, unmapped once.
        unsafe { libc::munmap(page as *mut libc::c_void, OS_PAGE) };
    }

    /// Queues the paths one step longer than `path` (of two parties' steps, true: the
    /// first party's) for a depth-first walk over interleavings: one for each party that
    /// can still move. Returns whether any can.
    fn extend_path(paths: &mut Vec<Vec<bool>>, path: &[bool], first: bool, second: bool) -> bool {
        for (moves, choice) in [(first, true), (second, false)] {
            if moves {
                paths.push([path, &[choice]].concat());
            }
        }
        first || second
    }

    /// The protection of the live run holding `addr`, if it lies in one.
    fn protection_at(addr: usize) -> Option<i32> {
        match run_at(addr) {
            Some(Run::Live(prot)) => Some(prot),
            _ => None,
        }
    }

    /// `end_step`'s loop for one page, one phase at a time.
    #[derive(Clone, Copy, Debug)]
    enum Ender {
        Read,
        Protect(usize, Option<i32>),
        Check(usize),
        Done,
    }

    /// The protection of `page` as the kernel has it (`/proc/self/maps`).
    fn kernel_protection(page: usize) -> i32 {
        let maps = std::fs::read_to_string("/proc/self/maps").expect("/proc/self/maps");
        for line in maps.lines() {
            let mut fields = line.split_whitespace();
            let (Some(range), Some(perms)) = (fields.next(), fields.next()) else {
                continue;
            };
            let Some((start, end)) = range.split_once('-') else {
                continue;
            };
            let start = usize::from_str_radix(start, 16).unwrap();
            let end = usize::from_str_radix(end, 16).unwrap();
            if start <= page && page < end {
                let mut prot = libc::PROT_NONE;
                if perms.starts_with('r') {
                    prot |= libc::PROT_READ;
                }
                if perms.as_bytes().get(1) == Some(&b'w') {
                    prot |= libc::PROT_WRITE;
                }
                return prot;
            }
        }
        panic!("page {page:#x} is not mapped");
    }

    /// A thread ends a step on a watched page (it had lifted the page's protection) while
    /// the page's runs change: in every interleaving of the change's steps with the
    /// phases of `end_step`'s loop, the page ends as the table says (protected as its
    /// live run, or accessible without one). Changing the runs with the old pages
    /// unprotected before their runs are retired fails here: the ending thread reads the
    /// old run, the change unprotects the page, the thread protects it again and sees no
    /// change, and the retirement comes after.
    #[test]
    fn a_page_never_stays_protected_without_its_run() {
        let page = test_page();
        type Runs = Vec<(usize, usize, i32)>;
        let run = |prot| vec![(page, page + OS_PAGE, prot)];
        let changes: [(Runs, Runs); 5] = [
            (run(libc::PROT_READ), vec![]),
            (run(libc::PROT_NONE), vec![]),
            (vec![], run(libc::PROT_READ)),
            (run(libc::PROT_READ), run(libc::PROT_NONE)),
            (run(libc::PROT_NONE), run(libc::PROT_READ)),
        ];
        let mut interleavings = 0;
        for (old, new) in &changes {
            // Depth-first over the choices (true: the change takes its next step), each
            // path replayed from the start.
            let mut paths: Vec<Vec<bool>> = vec![vec![]];
            while let Some(path) = paths.pop() {
                // The page as the stepping thread left it: the old runs entered, the
                // page lifted for the step.
                forget_range(page, page + OS_PAGE);
                let old_slots = publish_runs(old).expect("room in the table");
                // SAFETY: the test's own page.
                unsafe { protect_pages(page, page + OS_PAGE, RW) };
                let steps = change_steps(old, &old_slots, new);
                let (mut next, mut ender, mut reads) = (0, Ender::Read, 0);
                let take = |change: bool, next: &mut usize, ender: &mut Ender| {
                    if change {
                        // SAFETY: the test's own page.
                        unsafe { run_step(&steps[*next]) }.expect("room in the table");
                        *next += 1;
                        return;
                    }
                    *ender = match *ender {
                        Ender::Read => {
                            let (generation, prot) = page_reading(page);
                            Ender::Protect(generation, prot)
                        }
                        Ender::Protect(generation, prot) => {
                            if let Some(prot) = prot {
                                // SAFETY: the test's own page.
                                unsafe { protect_pages(page, page + OS_PAGE, prot) };
                            }
                            Ender::Check(generation)
                        }
                        Ender::Check(generation) if runs_changed_since(generation) => Ender::Read,
                        Ender::Check(_) | Ender::Done => Ender::Done,
                    };
                };
                for &change in &path {
                    if !change && matches!(ender, Ender::Read) {
                        reads += 1;
                    }
                    take(change, &mut next, &mut ender);
                }
                let change_left = next < steps.len();
                let ender_left = !matches!(ender, Ender::Done);
                // Other tests may change the table too (each change is another read);
                // a path is not followed past four reads.
                let reading_again = matches!(ender, Ender::Read) && reads >= 4;
                if !reading_again && extend_path(&mut paths, &path, change_left, ender_left) {
                    continue;
                }
                if reading_again {
                    continue;
                }
                interleavings += 1;
                let want = protection_at(page).unwrap_or(RW);
                assert_eq!(
                    kernel_protection(page),
                    want,
                    "runs {old:?} -> {new:?}, steps {steps:?}, path {path:?} (true: the change's step)"
                );
            }
        }
        free_test_page(page);
        assert!(interleavings > 20, "{interleavings} interleavings");
    }

    /// `end_step`'s loop for one page with its count (`enter_ending`), one phase at a
    /// time.
    #[derive(Clone, Copy, Debug)]
    enum Stepper {
        Enter,
        Read,
        Protect(usize, Option<i32>),
        Leave(usize),
        Check(usize),
        Done,
    }

    /// A host access's phases (`Memory::host_access`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Host {
        Count,
        Wait,
        Unprotect,
        Uncount,
        Reprotect,
        Done,
    }

    /// A thread ends a step on a watched page while the host accesses the page: in every
    /// interleaving of `end_step`'s phases with the host access's, the page is
    /// accessible for the whole access (between its unprotection and the end of the
    /// lift), and protected as its run says at the end. Without the lift's wait, or with
    /// `end_step` protecting a lifted run's page, the thread protects the page under the
    /// host's access (which would fault outside wasm code) and this fails.
    #[test]
    fn a_host_access_never_meets_a_protected_page() {
        let page = test_page();
        let mut interleavings = 0;
        for prot in [libc::PROT_NONE, libc::PROT_READ] {
            let mut paths: Vec<Vec<bool>> = vec![vec![]];
            while let Some(path) = paths.pop() {
                // The page as the stepping thread left it: its run entered, the page
                // lifted for the step.
                forget_range(page, page + OS_PAGE);
                let slots = publish_runs(&[(page, page + OS_PAGE, prot)]).expect("room");
                // SAFETY: the test's own page.
                unsafe { protect_pages(page, page + OS_PAGE, RW) };
                let (mut stepper, mut host, mut lift) = (Stepper::Enter, Host::Count, None);
                let mut reads = 0;
                // true: the host takes its next phase.
                let mut take = |host_moves: bool,
                                stepper: &mut Stepper,
                                host: &mut Host,
                                lift: &mut Option<Lift>| {
                    if host_moves {
                        *host = match *host {
                            Host::Count => {
                                *lift = Some(count_lift(&slots));
                                Host::Wait
                            }
                            Host::Wait => Host::Unprotect,
                            Host::Unprotect => {
                                // SAFETY: the test's own page.
                                unsafe { protect_pages(page, page + OS_PAGE, RW) };
                                Host::Uncount
                            }
                            Host::Uncount => {
                                *lift = None;
                                Host::Reprotect
                            }
                            Host::Reprotect | Host::Done => {
                                // SAFETY: the test's own page.
                                unsafe { protect_pages(page, page + OS_PAGE, prot) };
                                Host::Done
                            }
                        };
                        return;
                    }
                    *stepper = match *stepper {
                        Stepper::Enter => {
                            enter_ending();
                            reads += 1;
                            Stepper::Read
                        }
                        Stepper::Read => {
                            let (generation, prot) = page_reading(page);
                            Stepper::Protect(generation, prot)
                        }
                        Stepper::Protect(generation, prot) => {
                            if let Some(prot) = prot {
                                // SAFETY: the test's own page.
                                unsafe { protect_pages(page, page + OS_PAGE, prot) };
                            }
                            Stepper::Leave(generation)
                        }
                        Stepper::Leave(generation) => {
                            leave_ending();
                            Stepper::Check(generation)
                        }
                        Stepper::Check(generation) if runs_changed_since(generation) => {
                            Stepper::Enter
                        }
                        Stepper::Check(_) | Stepper::Done => Stepper::Done,
                    };
                };
                for &host_moves in &path {
                    take(host_moves, &mut stepper, &mut host, &mut lift);
                    if host == Host::Uncount {
                        assert_eq!(
                            kernel_protection(page),
                            RW,
                            "run {prot}, path {path:?} (true: the host's phase)"
                        );
                    }
                }
                // The host's wait proceeds when `lift_may_proceed` says so (another
                // test's thread may be counted in for an instant: the host waits it out
                // while the stepper is not).
                let stepper_in = matches!(
                    stepper,
                    Stepper::Read | Stepper::Protect(..) | Stepper::Leave(_)
                );
                let host_can_move = match host {
                    Host::Done => false,
                    Host::Wait => {
                        if !stepper_in {
                            while !lift_may_proceed() {
                                std::thread::yield_now();
                            }
                        }
                        lift_may_proceed()
                    }
                    _ => true,
                };
                let stepper_can_move = !matches!(stepper, Stepper::Done);
                // Other tests may change the table too (each change is another read); a
                // path is not followed past four reads.
                let reading_again = matches!(stepper, Stepper::Enter) && reads >= 4;
                // This replay's counts end with it.
                if stepper_in {
                    leave_ending();
                }
                drop(lift);
                if !reading_again && extend_path(&mut paths, &path, host_can_move, stepper_can_move)
                {
                    continue;
                }
                if reading_again {
                    continue;
                }
                interleavings += 1;
                assert_eq!(
                    kernel_protection(page),
                    prot,
                    "run {prot}, path {path:?} (true: the host's phase)"
                );
            }
        }
        free_test_page(page);
        assert!(interleavings > 20, "{interleavings} interleavings");
    }
}
