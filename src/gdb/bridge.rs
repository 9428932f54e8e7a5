//! What passes between the thread that serves the GDB connection and the thread that runs
//! the instance's wasm code: stops reported by the debug handler, and the requests the
//! connection makes of a stopped frame (which only the wasm thread may touch, inside its
//! handler), answered one at a time.

use crate::api::debugger::Debugger;
use crate::api::val::Val;
use crate::runtime::debug::frame::Frame;
use crate::runtime::debug::{DebugEvent, Resume};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::Arc;

/// Why the instance stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StopKind {
    Breakpoint,
    Step,
    Pause,
    Trap,
}

/// A stop, as the connection needs it without asking again.
#[derive(Clone, Debug)]
pub(crate) struct Stop {
    pub kind: StopKind,
    /// Function index and module byte offset of each frame, innermost first (for
    /// callers, the offset of their call).
    pub frames: Vec<(u32, u32)>,
}

/// The sending end of the events, which also wakes the connection thread (blocked in
/// `poll` on the client's socket and this wake-up socket) at once.
#[derive(Clone)]
pub(crate) struct EventSender {
    pub events: Sender<Event>,
    pub wake: Arc<std::os::unix::net::UnixStream>,
}

impl EventSender {
    /// Sends `event`; `Err` when the connection thread is gone.
    pub fn send(&self, event: Event) -> Result<(), ()> {
        self.events.send(event).map_err(|_| ())?;
        let _ = std::io::Write::write(&mut &*self.wake, &[1]);
        Ok(())
    }
}

/// What the wasm side tells the connection.
pub(crate) enum Event {
    Stopped(Stop),
    /// The call ended: the program's exit status (0 when it returned).
    Exited(i32),
    /// The call ended with a trap that was already reported as a stop.
    Terminated,
}

/// A question about the stopped frame, or the order to go on.
pub(crate) enum Request {
    ReadMemory {
        addr: u32,
        len: usize,
        reply: Sender<Vec<u8>>,
    },
    WriteMemory {
        addr: u32,
        bytes: Vec<u8>,
        reply: Sender<bool>,
    },
    Local {
        index: usize,
        reply: Sender<Option<Val>>,
    },
    Stack {
        index: usize,
        reply: Sender<Option<Val>>,
    },
    Global {
        index: usize,
        reply: Sender<Option<Val>>,
    },
    Resume(Resume),
}

/// Installs the debug handler that reports each stop on `events` and then serves
/// `requests` until one says how to resume. Once `detached` is set (the client is gone),
/// or the connection's ends are dropped, the instance continues without stopping.
pub(crate) fn install_handler(
    debugger: &Debugger,
    events: EventSender,
    requests: Receiver<Request>,
    detached: Arc<AtomicBool>,
) {
    debugger.set_handler(move |event, frame| {
        if detached.load(Ordering::SeqCst) {
            return Resume::Continue;
        }
        let kind = match event {
            DebugEvent::Breakpoint(_) => StopKind::Breakpoint,
            DebugEvent::Step => StopKind::Step,
            DebugEvent::Pause => StopKind::Pause,
            DebugEvent::Trap(_) => StopKind::Trap,
        };
        let frames = frame
            .backtrace()
            .iter()
            .map(|f| (f.func_index, f.module_offset))
            .collect();
        if events.send(Event::Stopped(Stop { kind, frames })).is_err() {
            return Resume::Continue;
        }
        loop {
            let Ok(request) = requests.recv() else {
                return Resume::Continue;
            };
            if let Some(resume) = answer(request, frame) {
                return resume;
            }
        }
    });
}

/// Answers one request about `frame`; `Some` when it is the order to resume.
fn answer(request: Request, frame: &mut Frame<'_>) -> Option<Resume> {
    match request {
        Request::ReadMemory { addr, len, reply } => {
            let size = frame.memory_size();
            let start = (addr as usize).min(size);
            let end = start.saturating_add(len).min(size);
            let bytes = frame.read_memory(start, end - start).unwrap_or_default();
            let _ = reply.send(bytes);
        }
        Request::WriteMemory { addr, bytes, reply } => {
            let _ = reply.send(frame.write_memory(addr as usize, &bytes).is_ok());
        }
        Request::Local { index, reply } => {
            let _ = reply.send(frame.locals().get(index).cloned());
        }
        Request::Stack { index, reply } => {
            let _ = reply.send(frame.stack().get(index).cloned());
        }
        Request::Global { index, reply } => {
            let _ = reply.send(frame.global(index as u32));
        }
        Request::Resume(resume) => return Some(resume),
    }
    None
}

/// The little-endian bytes of a value, as LLDB reads locals and globals.
pub(crate) fn value_bytes(v: &Val) -> Vec<u8> {
    match v {
        Val::I32(x) => x.to_le_bytes().to_vec(),
        Val::I64(x) => x.to_le_bytes().to_vec(),
        Val::F32(bits) => bits.to_le_bytes().to_vec(),
        Val::F64(bits) => bits.to_le_bytes().to_vec(),
        // References have no bytes LLDB could use.
        Val::FuncRef(_) | Val::ExternRef(_) => Vec::new(),
    }
}
