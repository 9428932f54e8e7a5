//! A GDB remote protocol server, with LLDB's WebAssembly extensions, over an instance's
//! [`Debugger`](crate::Debugger): source-level debugging with stock LLDB (its `wasm`
//! process plugin), on any one instance while every other instance of the module runs
//! the same, untouched code.
//!
//! The protocol is `gdbstub`'s (with `gdbstub_arch::wasm`); what it adds here is the
//! bridge between its connection thread and the thread running the instance's wasm code:
//! the debug handler reports each stop and then answers the connection's questions about
//! the stopped frame until it is told to resume (`bridge`); `target` is the instance as
//! gdbstub sees it.
//!
//! Memory: LLDB's wasm addresses name a module and an offset, but no memory index (clang's
//! DWARF describes memory 0), so memory reads and writes are of memory 0 of the module's
//! instance; the others are reached through the API (`Frame::read_memory_in`), `kestrel
//! debug` (`x ADDR LEN MEMORY`) and the server's `monitor mem MEMORY ADDR LEN` (in LLDB:
//! `process plugin packet monitor mem 1 0x10 16`).
//!
//! ```no_run
//! # fn main() -> kestrel::Result<()> {
//! use kestrel::{gdb::GdbSession, Config, Engine, Linker, Module};
//! let mut config = Config::new();
//! config.debug_instrumentation(true);
//! let engine = Engine::new(&config);
//! let module = Module::from_file(&engine, "prog.wasm")?;
//! let instance = Linker::new(&engine).instantiate(&module)?;
//! let listener = std::net::TcpListener::bind("127.0.0.1:1234").unwrap();
//! let (stream, _) = listener.accept().unwrap();
//! let session = GdbSession::start(&instance, "prog.wasm", stream)?;
//! let outcome = instance.get_func("_start").unwrap().call(&[]);
//! session.finish(&outcome)?;
//! # Ok(()) }
//! ```

mod bridge;
mod conn;
mod listener;
mod target;

pub use listener::{AttachListener, RunningListener};

use crate::api::instance::Instance;
use crate::api::val::Val;
use crate::error::{Error, Result};
use crate::runtime::debug::watch::WatchKind;
use crate::runtime::debug::Resume;
use bridge::{Event, EventSender, StopKind};
use conn::Conn;
use gdbstub::common::Signal;
use gdbstub::conn::Connection;
use gdbstub::conn::ConnectionExt;
use gdbstub::stub::state_machine::GdbStubStateMachine;
use gdbstub::stub::{DisconnectReason, GdbStubBuilder, SingleThreadStopReason};
use gdbstub::target::ext::breakpoints::WatchKind as GdbWatchKind;
use gdbstub_arch::wasm::reg::id::WasmRegId;
use std::collections::HashMap;
use std::net::TcpStream;
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::sync::Arc;
use std::thread::JoinHandle;
use target::KestrelTarget;

/// One LLDB (or GDB remote) client debugging one instance. Created before the call to
/// debug, which stops at its first instruction and waits for the client; finished after
/// it, which reports how the call ended.
pub struct GdbSession {
    events: EventSender,
    thread: Option<JoinHandle<std::result::Result<(), String>>>,
}

impl std::fmt::Debug for GdbSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GdbSession").finish_non_exhaustive()
    }
}

impl GdbSession {
    /// Serves `instance` (compiled with debug instrumentation) to the client on `stream`,
    /// naming its module `name` in the library list. The instance's next call stops at
    /// its first instruction; other instances of the module are not affected.
    pub fn start(instance: &Instance, name: &str, stream: TcpStream) -> Result<GdbSession> {
        GdbSession::serve_instance(instance, name, stream, Arrival::BeforeTheCall)
    }

    /// Serves `instance` to the client on `stream` from now on, whether or not it is
    /// running: a call running on any thread stops at its next breakable point (however
    /// long its loop: `Debugger::pause`), an idle instance at the first site of its next
    /// call. When the client detaches, its breakpoints and watchpoints are removed and
    /// the instance goes on running; [`GdbSession::wait`] returns then. Other instances
    /// of the module never stop.
    pub fn attach(instance: &Instance, name: &str, stream: TcpStream) -> Result<GdbSession> {
        GdbSession::serve_instance(instance, name, stream, Arrival::WhileRunning)
    }

    fn serve_instance(
        instance: &Instance,
        name: &str,
        stream: TcpStream,
        arrival: Arrival,
    ) -> Result<GdbSession> {
        let module = instance.module();
        let binary: std::sync::Arc<[u8]> = module.inner.binary.clone().ok_or_else(|| {
            Error::Usage(
                "serving a debugger needs a module compiled with debug instrumentation".into(),
            )
        })?;
        let info = &module.inner.info;
        let bodies = info
            .body_offsets
            .iter()
            .enumerate()
            .map(|(i, &start)| (start, info.num_imported_funcs + i as u32))
            .collect();
        let debugger = instance.debugger()?;
        let (events_tx, events_rx) = channel();
        let (wake_tx, wake_rx) = std::os::unix::net::UnixStream::pair()
            .map_err(|e| Error::Resource(format!("cannot create the wake-up socket: {e}")))?;
        let events_tx = EventSender {
            events: events_tx,
            wake: Arc::new(wake_tx),
        };
        let (requests_tx, requests_rx) = channel();
        let detached = Arc::new(AtomicBool::new(false));
        bridge::install_handler(&debugger, events_tx.clone(), requests_rx, detached.clone());
        match arrival {
            Arrival::BeforeTheCall => debugger.step_into_next_call(),
            Arrival::WhileRunning => debugger.pause(),
        }
        let target = KestrelTarget {
            debugger,
            binary,
            name: name.to_string(),
            bodies,
            requests: requests_tx,
            stop: None,
            breakpoints: HashMap::new(),
            watchpoints: HashMap::new(),
            detached,
        };
        let thread = std::thread::Builder::new()
            .name("kestrel-gdb".into())
            .spawn(move || serve(target, stream, events_rx, wake_rx, arrival))
            .map_err(|e| Error::Resource(format!("cannot start the debugger thread: {e}")))?;
        Ok(GdbSession {
            events: events_tx,
            thread: Some(thread),
        })
    }

    /// For a session from [`GdbSession::attach`]: waits until the client detaches (the
    /// instance runs on).
    pub fn wait(mut self) -> Result<()> {
        self.join()
    }

    fn join(&mut self) -> Result<()> {
        let thread = self.thread.take().expect("joined once");
        match thread.join() {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(Error::Resource(format!("debugger connection: {e}"))),
            Err(_) => Err(Error::Resource("the debugger thread panicked".into())),
        }
    }

    /// Reports how the call ended (its exit status, or that it trapped) and serves the
    /// client until it disconnects.
    pub fn finish(mut self, outcome: &Result<Vec<Val>>) -> Result<()> {
        let event = match outcome {
            Ok(_) => Event::Exited(0),
            Err(Error::Exit(status)) => Event::Exited(*status),
            Err(_) => Event::Terminated,
        };
        let _ = self.events.send(event);
        self.join()
    }
}

/// When the client arrives: before the call it debugs (`start`), or while the instance
/// runs or idles between calls (`attach`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arrival {
    BeforeTheCall,
    WhileRunning,
}

/// The largest packet the server takes and sends (LLDB reads memory and the module's
/// binary in pieces of half of it).
const PACKET_BUFFER: usize = 64 * 1024;

/// Waits until the client sent something or the wasm side woke us (at most 100 ms, so
/// that nothing can be missed for long), and empties the wake-up socket.
fn wait(conn: &mut Conn, wake: &UnixStream) {
    if conn.ready() {
        return;
    }
    let mut fds = [
        libc::pollfd {
            fd: conn.fd(),
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: wake.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        },
    ];
    // SAFETY: two valid pollfds, the length given.
    unsafe { libc::poll(fds.as_mut_ptr(), 2, 100) };
    if fds[1].revents != 0 {
        let mut buf = [0u8; 64];
        let _ = std::io::Read::read(&mut &*wake, &mut buf);
    }
}

/// One byte from the client if one is there; `Err` when the connection is gone.
fn read_byte(conn: &mut Conn) -> std::result::Result<Option<u8>, ()> {
    match conn.peek() {
        Ok(Some(_)) => conn.read().map(Some).map_err(|_| ()),
        Ok(None) => Ok(None),
        Err(_) => Err(()),
    }
}

/// The connection thread: waits for the first stop, then runs the protocol until the
/// client disconnects.
fn serve(
    mut target: KestrelTarget,
    stream: TcpStream,
    events: Receiver<Event>,
    wake: UnixStream,
    arrival: Arrival,
) -> std::result::Result<(), String> {
    match events.recv() {
        Ok(Event::Stopped(stop)) => target.stop = Some(stop),
        _ => return Ok(()),
    }
    wake.set_nonblocking(true).map_err(|e| e.to_string())?;
    // Set once the call has ended (its end was reported to the client).
    let mut ended = false;
    let conn = Conn::new(stream).map_err(|e| e.to_string())?;
    let mut machine = GdbStubBuilder::new(conn)
        .packet_buffer_size(PACKET_BUFFER)
        .build()
        .map_err(|e| e.to_string())?
        .run_state_machine(&mut target)
        .map_err(|e| e.to_string())?;
    let reason = loop {
        machine = match machine {
            GdbStubStateMachine::Idle(mut gdb) => match read_byte(gdb.borrow_conn()) {
                Ok(Some(byte)) => gdb
                    .incoming_data(&mut target, byte)
                    .map_err(|e| e.to_string())?,
                Ok(None) => {
                    wait(gdb.borrow_conn(), &wake);
                    GdbStubStateMachine::Idle(gdb)
                }
                Err(()) => break DisconnectReason::Disconnect,
            },
            GdbStubStateMachine::Running(mut gdb) => match events.try_recv() {
                Ok(Event::Stopped(stop)) => {
                    let reason = match stop.kind {
                        StopKind::Breakpoint => SingleThreadStopReason::SwBreak(()),
                        // T packets, which carry the pc LLDB needs with every stop
                        // (gdbstub writes DoneStep and Signal as bare S packets).
                        StopKind::Step => SingleThreadStopReason::SignalWithThread {
                            tid: (),
                            signal: Signal::SIGTRAP,
                        },
                        StopKind::Pause => SingleThreadStopReason::SignalWithThread {
                            tid: (),
                            signal: Signal::SIGINT,
                        },
                        StopKind::Trap => SingleThreadStopReason::SignalWithThread {
                            tid: (),
                            signal: Signal::SIGSEGV,
                        },
                        StopKind::Watch { kind, addr } => SingleThreadStopReason::Watch {
                            tid: (),
                            kind: match kind {
                                WatchKind::Read => GdbWatchKind::Read,
                                WatchKind::Write => GdbWatchKind::Write,
                                WatchKind::Access => GdbWatchKind::ReadWrite,
                            },
                            addr,
                        },
                    };
                    target.stop = Some(stop);
                    let pc = target.pc().to_le_bytes();
                    gdb.report_stop_with_regs(
                        &mut target,
                        reason,
                        &mut std::iter::once((WasmRegId::Pc, &pc[..])),
                    )
                    .map_err(|e| e.to_string())?
                }
                Ok(Event::Exited(status)) => {
                    ended = true;
                    gdb.report_stop(&mut target, SingleThreadStopReason::Exited(status as u8))
                        .map_err(|e| e.to_string())?
                }
                Ok(Event::Terminated) => {
                    ended = true;
                    gdb.report_stop(
                        &mut target,
                        SingleThreadStopReason::Terminated(Signal::SIGSEGV),
                    )
                    .map_err(|e| e.to_string())?
                }
                Err(TryRecvError::Disconnected) => break DisconnectReason::Disconnect,
                Err(TryRecvError::Empty) => match read_byte(gdb.borrow_conn()) {
                    Ok(Some(byte)) => gdb
                        .incoming_data(&mut target, byte)
                        .map_err(|e| e.to_string())?,
                    Ok(None) => {
                        wait(gdb.borrow_conn(), &wake);
                        GdbStubStateMachine::Running(gdb)
                    }
                    Err(()) => break DisconnectReason::Disconnect,
                },
            },
            GdbStubStateMachine::CtrlCInterrupt(gdb) => {
                // The pause stops the instance at its next site (a running loop
                // included); that stop is reported when it arrives.
                target.debugger.pause();
                gdb.interrupt_handled(&mut target, None::<SingleThreadStopReason<u64>>)
                    .map_err(|e| e.to_string())?
            }
            GdbStubStateMachine::Disconnected(mut gdb) => {
                let reason = gdb.get_reason();
                if reason == DisconnectReason::Kill {
                    // LLDB waits for a reply to `k` (gdbstub sends none): the process
                    // is gone, ended by signal 9.
                    let conn = gdb.borrow_conn();
                    let _ = conn.write_all(b"$X09#c1").and_then(|()| conn.flush());
                }
                break reason;
            }
        };
    };
    // The client is gone: nothing stops the instance any more.
    target.detached.store(true, Ordering::SeqCst);
    target.debugger.clear_all_breakpoints();
    for (_, id) in target.watchpoints.drain() {
        let _ = target.debugger.clear_watchpoint(id);
    }
    let how = match reason {
        DisconnectReason::Kill => Resume::Abort,
        _ => Resume::Continue,
    };
    target.resume(how);
    target.debugger.clear_handler();
    drop(target);
    // A call still running when the client left ends by itself; wait for its end so the
    // session's owner can finish. An attached client's instance just runs on.
    while !ended && arrival == Arrival::BeforeTheCall {
        match events.recv() {
            Ok(Event::Stopped(_)) => {}
            _ => ended = true,
        }
    }
    Ok(())
}
