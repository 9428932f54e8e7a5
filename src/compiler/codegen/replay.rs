//! Replaying a plain version's compilation to learn where every operand-stack value is at
//! each of its memory accesses ("DESIGN: watched pages" in `runtime::watched_pages`).
//! Plain code records nothing for the debugger; when the host must move a frame stopped
//! at a plain access into the instrumented version, it compiles the function again, the
//! same way, into a scratch buffer with this recording on, and checks that the code came
//! out as long as the published one.

use super::FuncCompiler;
use crate::abi::sites::{PlainAccess, StackLoc};
use crate::types::ValType;
use dynasmrt::DynasmApi;

/// The recording a replay keeps (`FuncCompiler::accesses`).
pub(crate) struct AccessRecorder {
    pub records: Vec<PlainAccess>,
    /// The function's code offset in the buffer (records are relative to it).
    pub entry: u32,
    /// The operator being compiled: its code start and operand stack.
    probe: Option<(u32, Vec<(ValType, StackLoc)>)>,
    /// Whether it computed a memory address (`FuncCompiler::address`).
    accessed: bool,
}

impl AccessRecorder {
    /// A recorder for a function whose code starts at `entry` in the buffer.
    pub fn at(entry: u32) -> AccessRecorder {
        AccessRecorder {
            records: Vec::new(),
            entry,
            probe: None,
            accessed: false,
        }
    }
}

impl FuncCompiler<'_, '_> {
    /// Replays only: notes the operator about to be compiled (its stack is settled).
    pub(super) fn probe_access(&mut self) {
        if self.accesses.is_none() {
            return;
        }
        // A compare left in the flags for its consumer: not a memory access.
        if let Some(crate::compiler::stack::Entry {
            loc: crate::compiler::stack::Loc::Flags(_),
            ..
        }) = self.stack.top()
        {
            if let Some(recorder) = self.accesses.as_mut() {
                recorder.probe = None;
            }
            return;
        }
        let stack = (0..self.stack.len()).map(|d| self.stack_loc(d)).collect();
        let start = self.asm.offset().0 as u32;
        if let Some(recorder) = self.accesses.as_mut() {
            recorder.probe = Some((start, stack));
            recorder.accessed = false;
        }
    }

    /// Replays only: the operator being compiled addresses memory.
    pub(super) fn note_access(&mut self) {
        if let Some(recorder) = self.accesses.as_mut() {
            recorder.accessed = true;
        }
    }

    /// Replays only: after an operator, keeps its record if it addressed memory.
    /// `entry` is the function's code offset in the buffer.
    pub(super) fn end_access_probe(&mut self, entry: u32) {
        let end = self.asm.offset().0 as u32;
        let offset = self.offset;
        if let Some(recorder) = self.accesses.as_mut() {
            if let (Some((start, stack)), true) = (recorder.probe.take(), recorder.accessed) {
                recorder.records.push(PlainAccess {
                    code: (start - entry, end - entry),
                    offset,
                    stack,
                });
            }
            recorder.accessed = false;
        }
    }
}
