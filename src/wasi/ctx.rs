//! The WASI context: what a program is given (arguments, environment, standard streams,
//! preopened directories) and its descriptor table, with the builder embedders use.

use super::abi::{filetype, rights, Errno};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// Where a program's standard input comes from.
pub enum InputStream {
    /// The host process's stdin.
    Inherit,
    /// Nothing: every read returns end of file.
    Null,
    /// These bytes, then end of file.
    Bytes(std::io::Cursor<Vec<u8>>),
    /// Any reader (a pipe, a socket, ...).
    Reader(Box<dyn Read + Send>),
}

impl InputStream {
    /// Standard input that reads `bytes` and then ends.
    pub fn bytes(bytes: impl Into<Vec<u8>>) -> InputStream {
        InputStream::Bytes(std::io::Cursor::new(bytes.into()))
    }

    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            InputStream::Inherit => std::io::stdin().lock().read(buf),
            InputStream::Null => Ok(0),
            InputStream::Bytes(c) => c.read(buf),
            InputStream::Reader(r) => r.read(buf),
        }
    }
}

/// A buffer that collects what a program writes to a stream; clones share it.
#[derive(Clone, Default, Debug)]
pub struct OutputBuffer(Arc<Mutex<Vec<u8>>>);

impl OutputBuffer {
    /// An empty buffer.
    pub fn new() -> OutputBuffer {
        OutputBuffer::default()
    }

    /// Everything written so far.
    pub fn contents(&self) -> Vec<u8> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Where a program's standard output or error goes.
pub enum OutputStream {
    /// The host process's stdout (for fd 1) or stderr (for fd 2).
    Inherit,
    /// Nowhere: writes succeed and are dropped.
    Null,
    /// Into a buffer the embedder reads afterwards.
    Buffer(OutputBuffer),
    /// Any writer (a pipe, a file, ...).
    Writer(Box<dyn Write + Send>),
}

/// A standard stream's descriptor: input, or output to the host's fd `host_fd`.
pub(crate) enum Stream {
    In(InputStream),
    Out(OutputStream, i32),
}

impl Stream {
    pub fn read(&mut self, buf: &mut [u8]) -> std::result::Result<usize, Errno> {
        match self {
            Stream::In(input) => input.read(buf).map_err(Errno::from),
            Stream::Out(..) => Err(Errno::BADF),
        }
    }

    pub fn write(&mut self, data: &[u8]) -> std::result::Result<usize, Errno> {
        let Stream::Out(out, host_fd) = self else {
            return Err(Errno::BADF);
        };
        let written = match out {
            OutputStream::Inherit if *host_fd == 2 => {
                let mut e = std::io::stderr().lock();
                e.write_all(data).and_then(|()| e.flush())
            }
            OutputStream::Inherit => {
                let mut o = std::io::stdout().lock();
                o.write_all(data).and_then(|()| o.flush())
            }
            OutputStream::Null => Ok(()),
            OutputStream::Buffer(b) => {
                b.0.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend_from_slice(data);
                Ok(())
            }
            OutputStream::Writer(w) => w.write_all(data).and_then(|()| w.flush()),
        };
        written.map_err(Errno::from)?;
        Ok(data.len())
    }

    /// Whether reading is known to be ready without blocking (all but an inherited stdin).
    pub fn inherited_input(&self) -> bool {
        matches!(self, Stream::In(InputStream::Inherit))
    }
}

/// What a descriptor refers to. Streams and files are shared, so that a call can read or
/// write them after it let go of the context's lock: a read from stdin, a pipe or a FIFO
/// may wait for as long as its writer likes, and other calls (another thread's, say)
/// must not wait with it.
pub(crate) enum Kind {
    Stream(Arc<Mutex<Stream>>),
    File(Arc<std::fs::File>),
    Dir(cap_std::fs::Dir),
}

/// One entry of the descriptor table.
pub(crate) struct Descriptor {
    pub kind: Kind,
    /// What this descriptor allows (`$rights`).
    pub base: u64,
    /// What descriptors opened through it may allow.
    pub inheriting: u64,
    /// `$fdflags` the guest set (append, nonblock, sync).
    pub flags: u16,
    /// For a preopened directory, the name the guest sees.
    pub preopen: Option<String>,
}

impl Descriptor {
    /// The descriptor's `$filetype`.
    pub fn filetype(&self) -> u8 {
        match &self.kind {
            Kind::Stream(_) => filetype::CHARACTER_DEVICE,
            Kind::Dir(_) => filetype::DIRECTORY,
            Kind::File(f) => match f.metadata() {
                Ok(m) => filetype_of(&m.file_type()),
                Err(_) => filetype::UNKNOWN,
            },
        }
    }

    /// Fails with `ENOTCAPABLE` unless the descriptor has every right in `needed`.
    pub fn require(&self, needed: u64) -> std::result::Result<(), Errno> {
        if self.base & needed == needed {
            Ok(())
        } else {
            Err(Errno::NOTCAPABLE)
        }
    }
}

/// A host file type, as std and cap-std each describe one: is it a directory, a regular
/// file, a symbolic link, a character device, a block device, a socket.
pub(crate) trait HostFileType {
    fn kinds(&self) -> [bool; 6];
}

impl HostFileType for std::fs::FileType {
    fn kinds(&self) -> [bool; 6] {
        use std::os::unix::fs::FileTypeExt;
        [
            self.is_dir(),
            self.is_file(),
            self.is_symlink(),
            self.is_char_device(),
            self.is_block_device(),
            self.is_socket(),
        ]
    }
}

impl HostFileType for cap_std::fs::FileType {
    fn kinds(&self) -> [bool; 6] {
        use cap_std::fs::FileTypeExt;
        [
            self.is_dir(),
            self.is_file(),
            self.is_symlink(),
            self.is_char_device(),
            self.is_block_device(),
            self.is_socket(),
        ]
    }
}

/// The `$filetype` of a host file type.
pub(crate) fn filetype_of(t: &impl HostFileType) -> u8 {
    const TYPES: [u8; 6] = [
        filetype::DIRECTORY,
        filetype::REGULAR_FILE,
        filetype::SYMBOLIC_LINK,
        filetype::CHARACTER_DEVICE,
        filetype::BLOCK_DEVICE,
        filetype::SOCKET_STREAM,
    ];
    t.kinds()
        .iter()
        .zip(TYPES)
        .find_map(|(&is, ty)| is.then_some(ty))
        .unwrap_or(filetype::UNKNOWN)
}

/// Everything one WASI program sees: the context's mutable state.
pub(crate) struct State {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub fds: BTreeMap<u32, Descriptor>,
}

/// The most descriptors one context holds (the standard streams and preopens included):
/// each open file or directory holds a descriptor of the host process, so a guest that
/// opens without closing would otherwise use up the process's limit, which the embedder
/// shares. Past it `path_open` answers `EMFILE`.
pub(crate) const MAX_DESCRIPTORS: usize = 1024;

impl State {
    /// The descriptor `fd`, or `EBADF`.
    pub fn get(&mut self, fd: u32) -> std::result::Result<&mut Descriptor, Errno> {
        self.fds.get_mut(&fd).ok_or(Errno::BADF)
    }

    /// Adds `d` at the lowest free descriptor number; `EMFILE` once the table holds
    /// [`MAX_DESCRIPTORS`].
    pub fn insert(&mut self, d: Descriptor) -> std::result::Result<u32, Errno> {
        if self.fds.len() >= MAX_DESCRIPTORS {
            return Err(Errno::MFILE);
        }
        let mut fd = 0u32;
        for &used in self.fds.keys() {
            if used != fd {
                break;
            }
            fd = fd.checked_add(1).ok_or(Errno::MFILE)?;
        }
        self.fds.insert(fd, d);
        Ok(fd)
    }
}

/// The WASI context of one program: arguments, environment, standard streams and
/// preopened directories, and the descriptors it opens while it runs. Built with
/// [`WasiCtxBuilder`]; [`add_to_linker`](super::add_to_linker) gives it to a program.
/// Clones share the context.
#[derive(Clone)]
pub struct WasiCtx {
    pub(crate) state: Arc<Mutex<State>>,
}

impl std::fmt::Debug for WasiCtx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WasiCtx").finish_non_exhaustive()
    }
}

impl WasiCtx {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Builds a [`WasiCtx`]. By default a program gets no arguments, no environment, no
/// directories, an empty stdin and discarded stdout and stderr.
///
/// ```no_run
/// # fn main() -> kestrel::Result<()> {
/// use kestrel::wasi::WasiCtxBuilder;
/// let ctx = WasiCtxBuilder::new()
///     .args(["prog.wasm", "--verbose"])
///     .env("LANG", "C")
///     .preopened_dir("/tmp/data", "/data")?
///     .inherit_stdio()
///     .build();
/// # Ok(()) }
/// ```
pub struct WasiCtxBuilder {
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: InputStream,
    stdout: OutputStream,
    stderr: OutputStream,
    preopens: Vec<(cap_std::fs::Dir, String)>,
}

impl Default for WasiCtxBuilder {
    fn default() -> Self {
        WasiCtxBuilder::new()
    }
}

impl WasiCtxBuilder {
    /// A builder with nothing given.
    pub fn new() -> WasiCtxBuilder {
        WasiCtxBuilder {
            args: Vec::new(),
            env: Vec::new(),
            stdin: InputStream::Null,
            stdout: OutputStream::Null,
            stderr: OutputStream::Null,
            preopens: Vec::new(),
        }
    }

    /// Appends one argument (the first is the program's name, `argv[0]`).
    pub fn arg(mut self, arg: impl Into<String>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// Appends arguments.
    pub fn args<S: Into<String>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Sets environment variable `name` (no host variable passes unless given).
    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((name.into(), value.into()));
        self
    }

    /// Standard input.
    pub fn stdin(mut self, stdin: InputStream) -> Self {
        self.stdin = stdin;
        self
    }

    /// Standard output.
    pub fn stdout(mut self, stdout: OutputStream) -> Self {
        self.stdout = stdout;
        self
    }

    /// Standard error.
    pub fn stderr(mut self, stderr: OutputStream) -> Self {
        self.stderr = stderr;
        self
    }

    /// The host process's stdin, stdout and stderr.
    pub fn inherit_stdio(self) -> Self {
        self.stdin(InputStream::Inherit)
            .stdout(OutputStream::Inherit)
            .stderr(OutputStream::Inherit)
    }

    /// Gives the program host directory `host` under the name `guest`: every path the
    /// program opens through it resolves beneath `host` (`..`, absolute paths and
    /// symbolic links that lead out are refused with `ENOTCAPABLE`). Fails if `host`
    /// cannot be opened as a directory.
    pub fn preopened_dir(
        mut self,
        host: impl AsRef<Path>,
        guest: impl Into<String>,
    ) -> Result<Self> {
        let host = host.as_ref();
        let dir = cap_std::fs::Dir::open_ambient_dir(host, cap_std::ambient_authority())
            .map_err(|e| Error::Usage(format!("cannot open directory {}: {e}", host.display())))?;
        self.preopens.push((dir, guest.into()));
        Ok(self)
    }

    /// The context: descriptors 0, 1 and 2 are the standard streams, then the preopened
    /// directories in the order given.
    pub fn build(self) -> WasiCtx {
        let mut fds = BTreeMap::new();
        let stream = |s: Stream| Descriptor {
            kind: Kind::Stream(Arc::new(Mutex::new(s))),
            base: rights::STREAM,
            inheriting: 0,
            flags: 0,
            preopen: None,
        };
        fds.insert(0, stream(Stream::In(self.stdin)));
        fds.insert(1, stream(Stream::Out(self.stdout, 1)));
        fds.insert(2, stream(Stream::Out(self.stderr, 2)));
        for (i, (dir, guest)) in self.preopens.into_iter().enumerate() {
            fds.insert(
                3 + i as u32,
                Descriptor {
                    kind: Kind::Dir(dir),
                    base: rights::DIRECTORY,
                    inheriting: rights::DIRECTORY | rights::FILE,
                    flags: 0,
                    preopen: Some(guest),
                },
            );
        }
        WasiCtx {
            state: Arc::new(Mutex::new(State {
                args: self.args,
                env: self.env,
                fds,
            })),
        }
    }
}
