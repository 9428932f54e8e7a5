//! What passes between the thread that serves the GDB connection and the thread that runs
//! the instance's wasm code: stops reported by the debug handler, and the requests the
//! connection makes of a stopped frame (which only the wasm thread may touch, inside its
//! handler), answered one at a time.

use crate::api::debugger::Debugger;
use crate::api::val::Val;
use crate::runtime::debug::frame::Frame;
use crate::runtime::debug::watch::WatchKind;
use crate::runtime::debug::{DebugEvent, Resume};
use crate::runtime::instance::InstanceData;
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
    /// A watchpoint of `kind` whose first byte is at memory offset `addr` saw an access.
    Watch {
        kind: WatchKind,
        addr: u64,
    },
}

/// A stop, as the connection needs it at once: why, and where the innermost frame is.
/// The callers are walked only when the client asks for them (`Request::Frames`): a
/// stop report, the pc and the innermost frame's values never walk the stack.
#[derive(Clone, Debug)]
pub(crate) struct Stop {
    pub kind: StopKind,
    pub innermost: StopFrame,
}

/// One frame of a stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StopFrame {
    /// LLDB's module index of the frame's instance: 0 for the debugged instance, and
    /// from 1, in order of appearance, for the other instances on the stack (`None` for
    /// a frame whose instance is not known).
    pub module: Option<u32>,
    pub func: u32,
    /// Module byte offset: where the innermost frame stopped; for a caller, its call.
    pub offset: u32,
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

/// A question about the stopped frames, or the order to go on. Frames are numbered as
/// in `Stop::frames`; memories by module index (`StopFrame::module`).
pub(crate) enum Request {
    ReadMemory {
        module: u32,
        /// The memory's index in the instance (LLDB's addresses name memory 0).
        memory: u32,
        addr: u32,
        len: usize,
        reply: Sender<Vec<u8>>,
    },
    WriteMemory {
        module: u32,
        addr: u32,
        bytes: Vec<u8>,
        reply: Sender<bool>,
    },
    Local {
        frame: usize,
        index: usize,
        reply: Sender<Option<Val>>,
    },
    Stack {
        frame: usize,
        index: usize,
        reply: Sender<Option<Val>>,
    },
    Global {
        frame: usize,
        index: usize,
        reply: Sender<Option<Val>>,
    },
    /// Every frame, innermost first.
    Frames {
        reply: Sender<Vec<StopFrame>>,
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
    let debugged = debugger.instance.clone();
    let handle = debugger.clone();
    debugger.set_handler(move |event, frame| {
        let debugger = &handle;
        if detached.load(Ordering::SeqCst) {
            return Resume::Continue;
        }
        let kind = match event {
            DebugEvent::Breakpoint(_) => StopKind::Breakpoint,
            DebugEvent::Step => StopKind::Step,
            DebugEvent::Pause => StopKind::Pause,
            DebugEvent::Trap(_) => StopKind::Trap,
            // The GDB server does not ask for throw stops; an embedder's would show as
            // a breakpoint.
            DebugEvent::Throw(_) => StopKind::Breakpoint,
            // LLDB finds its watchpoint by the exact address its `Z` packet named: the
            // watchpoint's first byte, not the accessed one.
            DebugEvent::Watchpoint(hit) => {
                let set = debugger.watchpoints().into_iter().find(|w| w.id == hit.id);
                match set {
                    Some(w) => StopKind::Watch {
                        kind: w.kind,
                        addr: w.addr,
                    },
                    None => StopKind::Step,
                }
            }
        };
        let mut described = Described {
            debugged: debugged.as_ptr(),
            // LLDB shows a watchpoint's stop on the line of the accessing instruction,
            // which has just run (`WatchHit::access_offset`).
            innermost_offset: match event {
                DebugEvent::Watchpoint(hit) => Some(hit.access_offset),
                _ => None,
            },
            all: None,
        };
        let innermost = described.innermost(frame);
        if events
            .send(Event::Stopped(Stop { kind, innermost }))
            .is_err()
        {
            return Resume::Continue;
        }
        loop {
            let Ok(request) = requests.recv() else {
                return Resume::Continue;
            };
            if let Some(resume) = answer(request, frame, &mut described) {
                return resume;
            }
        }
    });
}

/// What a stop's frames are, worked out as far as the client has asked.
struct Described {
    /// The debugged instance (module index 0).
    debugged: *const InstanceData,
    /// The offset LLDB is shown for the innermost frame, if not its own.
    innermost_offset: Option<u32>,
    /// Every frame and, for each module index, the depth of a frame of its instance;
    /// `None` until a request needs the callers.
    all: Option<(Vec<StopFrame>, Vec<usize>)>,
}

impl Described {
    /// The innermost frame, without walking to its callers: module 0 if it is the
    /// debugged instance's, else 1 (the first other instance `describe` would number).
    fn innermost(&self, frame: &Frame<'_>) -> StopFrame {
        let module = frame
            .instance_data()
            .map(|data| u32::from(!std::ptr::eq(data as *const InstanceData, self.debugged)));
        StopFrame {
            module,
            func: frame.func_index(),
            offset: self.innermost_offset.unwrap_or(frame.offset()),
        }
    }

    /// The depth of a frame of module index `module`'s instance.
    fn depth_of(&mut self, frame: &mut Frame<'_>, module: u32) -> Option<usize> {
        if module == 0 && self.innermost(frame).module == Some(0) {
            return Some(0);
        }
        let (_, memories) = self.all(frame);
        memories
            .get(module as usize)
            .copied()
            .filter(|&d| d != usize::MAX)
    }

    fn all(&mut self, frame: &mut Frame<'_>) -> &(Vec<StopFrame>, Vec<usize>) {
        let (debugged, innermost_offset) = (self.debugged, self.innermost_offset);
        self.all.get_or_insert_with(|| {
            let (mut frames, memories) = describe(frame, debugged);
            if let (Some(first), Some(offset)) = (frames.first_mut(), innermost_offset) {
                first.offset = offset;
            }
            (frames, memories)
        })
    }
}

/// Every frame from `frame` outwards, with module indices for their instances
/// (`debugged` is 0); and for each module index, the depth of a frame of its instance.
fn describe(frame: &mut Frame<'_>, debugged: *const InstanceData) -> (Vec<StopFrame>, Vec<usize>) {
    let mut instances: Vec<*const InstanceData> = vec![debugged];
    let mut memories = vec![usize::MAX];
    let mut frames = Vec::new();
    let mut depth = 0;
    while let Some(at) = frame.up(depth) {
        let module = at.instance_data().map(|data| {
            let data = data as *const InstanceData;
            let index = instances
                .iter()
                .position(|&i| i == data)
                .unwrap_or_else(|| {
                    instances.push(data);
                    memories.push(usize::MAX);
                    instances.len() - 1
                });
            if memories[index] == usize::MAX {
                memories[index] = depth;
            }
            index as u32
        });
        frames.push(StopFrame {
            module,
            func: at.func_index(),
            offset: at.offset(),
        });
        depth += 1;
    }
    (frames, memories)
}

/// Answers one request about the stopped frames; `Some` when it is the order to resume.
fn answer(request: Request, frame: &mut Frame<'_>, described: &mut Described) -> Option<Resume> {
    match request {
        Request::ReadMemory {
            module,
            memory,
            addr,
            len,
            reply,
        } => {
            let bytes = described
                .depth_of(frame, module)
                .and_then(|d| frame.up(d))
                .map(|at| {
                    let size = at.memory_size_in(memory);
                    let start = (addr as usize).min(size);
                    let end = start.saturating_add(len).min(size);
                    at.read_memory_in(memory, start, end - start)
                        .unwrap_or_default()
                })
                .unwrap_or_default();
            let _ = reply.send(bytes);
        }
        Request::WriteMemory {
            module,
            addr,
            bytes,
            reply,
        } => {
            let written = described
                .depth_of(frame, module)
                .and_then(|d| frame.up(d))
                .is_some_and(|mut at| at.write_memory(addr as usize, &bytes).is_ok());
            let _ = reply.send(written);
        }
        Request::Local {
            frame: depth,
            index,
            reply,
        } => {
            let value = u32::try_from(index)
                .ok()
                .and_then(|i| frame.up(depth)?.local(i).ok());
            let _ = reply.send(value);
        }
        Request::Stack {
            frame: depth,
            index,
            reply,
        } => {
            let value = frame.up(depth).and_then(|at| at.stack_value(index).ok());
            let _ = reply.send(value);
        }
        Request::Global {
            frame: depth,
            index,
            reply,
        } => {
            let value = u32::try_from(index)
                .ok()
                .and_then(|i| frame.up(depth)?.global(i));
            let _ = reply.send(value);
        }
        Request::Frames { reply } => {
            let _ = reply.send(described.all(frame).0.clone());
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
        Val::V128(bits) => bits.to_le_bytes().to_vec(),
        // References have no bytes LLDB could use.
        Val::FuncRef(_) | Val::ExternRef(_) | Val::ExnRef(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Described, StopFrame};
    use crate::api::engine::Engine;
    use crate::api::linker::Linker;
    use crate::api::module::Module;
    use crate::config::Config;
    use crate::runtime::debug::Resume;
    use std::sync::{Arc, Mutex};

    /// A recursion 40 deep whose innermost call stops at a breakpoint.
    const DEEP: &str = r#"
    (module
      (func $down (export "down") (param $n i32) (result i32)
        (if (result i32) (local.get $n)
          (then (i32.add (call $down (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))
          (else (i32.const 0)))))
    "#;

    /// What the handler saw: frames walked after the stop report, after reading module
    /// 0's memory, and after the full description; the frames described.
    type Seen = (usize, usize, usize, Vec<StopFrame>);

    /// A stop's report and its pc need the innermost frame only: the walk to the callers
    /// happens when the client asks for them, not at every stop.
    #[test]
    fn a_stop_report_walks_no_caller_until_the_callers_are_asked_for() {
        let mut config = Config::new();
        config.debug_instrumentation(true);
        let engine = Engine::new(&config);
        let module = Module::new(&engine, DEEP).unwrap();
        let instance = Linker::new(&engine).instantiate(&module).unwrap();
        let debugger = instance.debugger().unwrap();
        // The `else` arm's constant: reached only by the innermost call.
        let offsets = debugger.instruction_offsets(0).unwrap();
        let innermost_only = offsets[offsets.len() - 3];
        debugger.set_breakpoint(0, innermost_only).unwrap();
        let seen: Arc<Mutex<Option<Seen>>> = Arc::default();
        let record = seen.clone();
        let debugged = debugger.instance.clone();
        debugger.set_handler(move |_, frame| {
            let mut described = Described {
                debugged: debugged.as_ptr(),
                innermost_offset: None,
                all: None,
            };
            let innermost = described.innermost(frame);
            assert_eq!(innermost.module, Some(0));
            let after_report = frame.stop.walk.walked().len();
            assert_eq!(described.depth_of(frame, 0), Some(0));
            let after_memory = frame.stop.walk.walked().len();
            let frames = described.all(frame).0.clone();
            let after_all = frame.stop.walk.walked().len();
            *record.lock().unwrap() = Some((after_report, after_memory, after_all, frames));
            Resume::Continue
        });
        let down = instance.get_typed_func::<i32, i32>("down").unwrap();
        assert_eq!(down.call(40).unwrap(), 40);
        let (after_report, after_memory, after_all, frames) = seen.lock().unwrap().take().unwrap();
        assert_eq!((after_report, after_memory), (1, 1));
        assert_eq!(after_all, 41);
        assert_eq!(frames.len(), 41);
        assert_eq!(frames[0].offset, innermost_only);
        assert!(frames.iter().all(|f| f.module == Some(0) && f.func == 0));
    }
}
