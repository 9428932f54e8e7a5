//! Letting a debugger attach to any of an embedder's live instances: each instance added
//! gets a port of its own (one port per attach target, so that stock LLDB needs nothing
//! but `process connect`), and one thread accepts on all of them, serving each client
//! with [`GdbSession::attach`] on a thread of its own. Instances keep running until a
//! client arrives, and after it detaches.

use super::GdbSession;
use crate::api::instance::Instance;
use crate::error::{Error, Result};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// An instance a debugger may attach to, and where.
struct Target {
    name: String,
    instance: Instance,
    listener: TcpListener,
    /// Set while a client is attached: a second one is turned away.
    attached: Arc<AtomicBool>,
}

/// Instances a debugger can attach to, each on its own port. Add them with
/// [`AttachListener::add`], then [`AttachListener::start`] accepting.
///
/// ```no_run
/// # fn main() -> kestrel::Result<()> {
/// # let instances: Vec<kestrel::Instance> = vec![];
/// use kestrel::gdb::AttachListener;
/// let mut listener = AttachListener::new("127.0.0.1".parse().unwrap());
/// for (i, instance) in instances.iter().enumerate() {
///     let port = listener.add(&format!("worker-{i}"), instance, 0)?;
///     println!("worker-{i}: lldb -o 'process connect --plugin wasm connect://127.0.0.1:{port}'");
/// }
/// let running = listener.start()?;
/// // ... the instances run; LLDB attaches to any of them at any time ...
/// running.stop();
/// # Ok(()) }
/// ```
pub struct AttachListener {
    ip: IpAddr,
    targets: Vec<Target>,
}

impl std::fmt::Debug for AttachListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AttachListener")
            .field("targets", &self.targets.len())
            .finish()
    }
}

/// Accepting debuggers: stops accepting when told to or dropped (sessions already
/// attached go on until their clients detach).
pub struct RunningListener {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for RunningListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunningListener").finish_non_exhaustive()
    }
}

impl AttachListener {
    /// A listener on address `ip`, with no instance yet.
    pub fn new(ip: IpAddr) -> AttachListener {
        AttachListener {
            ip,
            targets: Vec::new(),
        }
    }

    /// Lets a debugger attach to `instance` (compiled with debug instrumentation) on
    /// `port` (0: any free port), naming its module `name`. Returns the port.
    pub fn add(&mut self, name: &str, instance: &Instance, port: u16) -> Result<u16> {
        if instance.module().inner.binary.is_none() {
            return Err(Error::Usage(
                "serving a debugger needs a module compiled with debug instrumentation".into(),
            ));
        }
        let listener = TcpListener::bind(SocketAddr::new(self.ip, port))
            .map_err(|e| Error::Resource(format!("cannot listen on port {port}: {e}")))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| Error::Resource(format!("cannot listen on port {port}: {e}")))?;
        let port = listener
            .local_addr()
            .map_err(|e| Error::Resource(e.to_string()))?
            .port();
        self.targets.push(Target {
            name: name.to_string(),
            instance: instance.clone(),
            listener,
            attached: Arc::new(AtomicBool::new(false)),
        });
        Ok(port)
    }

    /// Starts accepting on every port, on a thread of its own.
    pub fn start(self) -> Result<RunningListener> {
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let thread = std::thread::Builder::new()
            .name("kestrel-attach".into())
            .spawn(move || accept_all(self.targets, &stopping))
            .map_err(|e| Error::Resource(format!("cannot start the listener thread: {e}")))?;
        Ok(RunningListener {
            stop,
            thread: Some(thread),
        })
    }
}

impl RunningListener {
    /// Stops accepting new clients.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for RunningListener {
    fn drop(&mut self) {
        self.halt();
    }
}

/// Accepts on every target's port until `stop` is set (checked at least every 100 ms),
/// serving each client on a thread of its own.
fn accept_all(targets: Vec<Target>, stop: &AtomicBool) {
    let mut fds: Vec<libc::pollfd> = targets
        .iter()
        .map(|t| libc::pollfd {
            fd: t.listener.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        })
        .collect();
    while !stop.load(Ordering::SeqCst) {
        // SAFETY: `fds` is a valid array of pollfds of the length given.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 100) };
        if ready <= 0 {
            continue;
        }
        for (fd, target) in fds.iter_mut().zip(&targets) {
            if fd.revents == 0 {
                continue;
            }
            fd.revents = 0;
            let Ok((stream, _)) = target.listener.accept() else {
                continue;
            };
            // One client per instance at a time; the protocol's own reads block.
            if target.attached.load(Ordering::SeqCst) || stream.set_nonblocking(false).is_err() {
                continue;
            }
            target.attached.store(true, Ordering::SeqCst);
            let (instance, name) = (target.instance.clone(), target.name.clone());
            let attached = target.attached.clone();
            let spawned = std::thread::Builder::new()
                .name("kestrel-attached".into())
                .spawn(move || {
                    if let Ok(session) = GdbSession::attach(&instance, &name, stream) {
                        let _ = session.wait();
                    }
                    attached.store(false, Ordering::SeqCst);
                });
            if spawned.is_err() {
                target.attached.store(false, Ordering::SeqCst);
            }
        }
    }
}
