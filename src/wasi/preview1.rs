//! The 46 functions of `wasi_snapshot_preview1`, each reading its arguments from the
//! caller's memory through [`GuestMemory`] and acting on the context's descriptors; and
//! their registration in a [`Linker`].

use super::abi::{
    clockid, eventtype, fdflags, filetype, fstflags, layout, oflags, rights, whence, Errno,
    ADVICE_MAX, LOOKUP_SYMLINK_FOLLOW, SUBSCRIPTION_CLOCK_ABSTIME,
};
use super::ctx::{filetype_of, Descriptor, Kind, State, Stream, WasiCtx};
use super::guest::{offset, total_len, GuestMemory};
use crate::api::func::Caller;
use crate::api::linker::Linker;
use crate::api::val::Val;
use crate::trap::Trap;
use crate::types::{FuncType, ValType};
use cap_fs_ext::{DirExt, FollowSymlinks, OpenOptionsFollowExt, OpenOptionsMaybeDirExt};
use cap_std::fs::{Dir, MetadataExt as _, OpenOptionsExt as _};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::FileExt as _;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How a WASI function ends: with an errno for the guest, or by leaving wasm (a trap, or
/// `proc_exit`).
enum Fail {
    Errno(Errno),
    Trap(Trap),
}

impl From<Errno> for Fail {
    fn from(e: Errno) -> Fail {
        Fail::Errno(e)
    }
}

impl From<std::io::Error> for Fail {
    fn from(e: std::io::Error) -> Fail {
        Fail::Errno(e.into())
    }
}

type Res = Result<(), Fail>;

/// One call: the caller's memory, and the context's state, locked while the call uses it
/// (`st`) and let go of before the call may wait (`unlock`: a read from stdin or a pipe,
/// `poll_oneoff`'s sleep), so that other calls on the context never wait for it.
struct Call<'a> {
    ctx: &'a WasiCtx,
    state: Option<MutexGuard<'a, State>>,
    caller: &'a Caller,
}

impl Call<'_> {
    /// The context's state, locked until `unlock` or the end of the call.
    fn st(&mut self) -> &mut State {
        self.state.get_or_insert_with(|| self.ctx.lock())
    }

    /// Lets go of the context's lock (`st` takes it again).
    fn unlock(&mut self) {
        self.state = None;
    }

    /// The caller's exported `memory`; a module without one cannot use these functions.
    fn mem(&self) -> Result<GuestMemory, Fail> {
        self.caller
            .get_memory("memory")
            .map(GuestMemory::new)
            .ok_or_else(|| {
                Fail::Trap(Trap::host(
                    "a WASI function was called by a module that exports no `memory`",
                ))
            })
    }
}

/// The arguments of a call, as the unsigned values WASI's ABI means.
struct Args<'a>(&'a [Val]);

impl Args<'_> {
    fn u32(&self, i: usize) -> u32 {
        match self.0[i] {
            Val::I32(v) => v as u32,
            Val::I64(v) => v as u32,
            _ => 0,
        }
    }
    fn u64(&self, i: usize) -> u64 {
        match self.0[i] {
            Val::I64(v) => v as u64,
            Val::I32(v) => v as u32 as u64,
            _ => 0,
        }
    }
}

type Impl = fn(&mut Call, &Args) -> Res;

/// One preview1 function: its name, its wasm type and what it does.
struct Function {
    name: &'static str,
    params: &'static [ValType],
    /// The errno (`i32`), or nothing for `proc_exit`, which ends the call.
    results: &'static [ValType],
    run: Impl,
}

impl Function {
    /// The function's wasm type.
    fn ty(&self) -> FuncType {
        FuncType::new(self.params.iter().copied(), self.results.iter().copied())
    }
}

/// Every preview1 function, declared once: [`add_to_linker`] defines these and
/// [`signatures`] lists them.
static FUNCTIONS: [Function; 46] = {
    use ValType::{I32, I64};
    /// A function that returns an errno.
    const fn f(name: &'static str, params: &'static [ValType], run: Impl) -> Function {
        Function {
            name,
            params,
            results: &[I32],
            run,
        }
    }
    [
        f("args_get", &[I32, I32], |c, a| {
            args_get(c, a.u32(0), a.u32(1))
        }),
        f("args_sizes_get", &[I32, I32], |c, a| {
            args_sizes_get(c, a.u32(0), a.u32(1))
        }),
        f("environ_get", &[I32, I32], |c, a| {
            environ_get(c, a.u32(0), a.u32(1))
        }),
        f("environ_sizes_get", &[I32, I32], |c, a| {
            environ_sizes_get(c, a.u32(0), a.u32(1))
        }),
        f("clock_res_get", &[I32, I32], |c, a| {
            clock_res_get(c, a.u32(0), a.u32(1))
        }),
        f("clock_time_get", &[I32, I64, I32], |c, a| {
            clock_time_get(c, a.u32(0), a.u32(2))
        }),
        f("fd_advise", &[I32, I64, I64, I32], |c, a| {
            fd_advise(c, a.u32(0), a.u64(1), a.u64(2), a.u32(3))
        }),
        f("fd_allocate", &[I32, I64, I64], |c, a| {
            fd_allocate(c, a.u32(0), a.u64(1), a.u64(2))
        }),
        f("fd_close", &[I32], |c, a| fd_close(c, a.u32(0))),
        f("fd_datasync", &[I32], |c, a| fd_sync(c, a.u32(0), true)),
        f("fd_fdstat_get", &[I32, I32], |c, a| {
            fd_fdstat_get(c, a.u32(0), a.u32(1))
        }),
        f("fd_fdstat_set_flags", &[I32, I32], |c, a| {
            fd_fdstat_set_flags(c, a.u32(0), a.u32(1) as u16)
        }),
        f("fd_fdstat_set_rights", &[I32, I64, I64], |c, a| {
            fd_fdstat_set_rights(c, a.u32(0), a.u64(1), a.u64(2))
        }),
        f("fd_filestat_get", &[I32, I32], |c, a| {
            fd_filestat_get(c, a.u32(0), a.u32(1))
        }),
        f("fd_filestat_set_size", &[I32, I64], |c, a| {
            fd_filestat_set_size(c, a.u32(0), a.u64(1))
        }),
        f("fd_filestat_set_times", &[I32, I64, I64, I32], |c, a| {
            fd_filestat_set_times(c, a.u32(0), a.u64(1), a.u64(2), a.u32(3) as u16)
        }),
        f("fd_pread", &[I32, I32, I32, I64, I32], |c, a| {
            fd_read(c, a.u32(0), a.u32(1), a.u32(2), Some(a.u64(3)), a.u32(4))
        }),
        f("fd_prestat_get", &[I32, I32], |c, a| {
            fd_prestat_get(c, a.u32(0), a.u32(1))
        }),
        f("fd_prestat_dir_name", &[I32, I32, I32], |c, a| {
            fd_prestat_dir_name(c, a.u32(0), a.u32(1), a.u32(2))
        }),
        f("fd_pwrite", &[I32, I32, I32, I64, I32], |c, a| {
            fd_write(c, a.u32(0), a.u32(1), a.u32(2), Some(a.u64(3)), a.u32(4))
        }),
        f("fd_read", &[I32, I32, I32, I32], |c, a| {
            fd_read(c, a.u32(0), a.u32(1), a.u32(2), None, a.u32(3))
        }),
        f("fd_readdir", &[I32, I32, I32, I64, I32], |c, a| {
            fd_readdir(c, a.u32(0), a.u32(1), a.u32(2), a.u64(3), a.u32(4))
        }),
        f("fd_renumber", &[I32, I32], |c, a| {
            fd_renumber(c, a.u32(0), a.u32(1))
        }),
        f("fd_seek", &[I32, I64, I32, I32], |c, a| {
            fd_seek(c, a.u32(0), a.u64(1) as i64, a.u32(2), a.u32(3))
        }),
        f("fd_sync", &[I32], |c, a| fd_sync(c, a.u32(0), false)),
        f("fd_tell", &[I32, I32], |c, a| {
            fd_tell(c, a.u32(0), a.u32(1))
        }),
        f("fd_write", &[I32, I32, I32, I32], |c, a| {
            fd_write(c, a.u32(0), a.u32(1), a.u32(2), None, a.u32(3))
        }),
        f("path_create_directory", &[I32, I32, I32], |c, a| {
            path_create_directory(c, a.u32(0), a.u32(1), a.u32(2))
        }),
        f("path_filestat_get", &[I32, I32, I32, I32, I32], |c, a| {
            path_filestat_get(c, a.u32(0), a.u32(1), a.u32(2), a.u32(3), a.u32(4))
        }),
        f(
            "path_filestat_set_times",
            &[I32, I32, I32, I32, I64, I64, I32],
            |c, a| {
                path_filestat_set_times(
                    c,
                    a.u32(0),
                    a.u32(1),
                    (a.u32(2), a.u32(3)),
                    a.u64(4),
                    a.u64(5),
                    a.u32(6) as u16,
                )
            },
        ),
        f("path_link", &[I32, I32, I32, I32, I32, I32, I32], |c, a| {
            path_link(
                c,
                a.u32(0),
                a.u32(1),
                (a.u32(2), a.u32(3)),
                a.u32(4),
                (a.u32(5), a.u32(6)),
            )
        }),
        f(
            "path_open",
            &[I32, I32, I32, I32, I32, I64, I64, I32, I32],
            |c, a| {
                path_open(
                    c,
                    a.u32(0),
                    a.u32(1),
                    (a.u32(2), a.u32(3)),
                    a.u32(4) as u16,
                    (a.u64(5), a.u64(6)),
                    a.u32(7) as u16,
                    a.u32(8),
                )
            },
        ),
        f("path_readlink", &[I32, I32, I32, I32, I32, I32], |c, a| {
            path_readlink(
                c,
                a.u32(0),
                (a.u32(1), a.u32(2)),
                a.u32(3),
                a.u32(4),
                a.u32(5),
            )
        }),
        f("path_remove_directory", &[I32, I32, I32], |c, a| {
            path_remove(c, a.u32(0), (a.u32(1), a.u32(2)), true)
        }),
        f("path_rename", &[I32, I32, I32, I32, I32, I32], |c, a| {
            path_rename(
                c,
                a.u32(0),
                (a.u32(1), a.u32(2)),
                a.u32(3),
                (a.u32(4), a.u32(5)),
            )
        }),
        f("path_symlink", &[I32, I32, I32, I32, I32], |c, a| {
            path_symlink(c, (a.u32(0), a.u32(1)), a.u32(2), (a.u32(3), a.u32(4)))
        }),
        f("path_unlink_file", &[I32, I32, I32], |c, a| {
            path_remove(c, a.u32(0), (a.u32(1), a.u32(2)), false)
        }),
        f("poll_oneoff", &[I32, I32, I32, I32], |c, a| {
            poll_oneoff(c, a.u32(0), a.u32(1), a.u32(2), a.u32(3))
        }),
        f("proc_raise", &[I32], |_, _| Err(Errno::NOSYS.into())),
        f("sched_yield", &[], |_, _| {
            std::thread::yield_now();
            Ok(())
        }),
        f("random_get", &[I32, I32], |c, a| {
            random_get(c, a.u32(0), a.u32(1))
        }),
        f("sock_accept", &[I32, I32, I32], |c, a| {
            not_a_socket(c, a.u32(0))
        }),
        f("sock_recv", &[I32, I32, I32, I32, I32, I32], |c, a| {
            not_a_socket(c, a.u32(0))
        }),
        f("sock_send", &[I32, I32, I32, I32, I32], |c, a| {
            not_a_socket(c, a.u32(0))
        }),
        f("sock_shutdown", &[I32, I32], |c, a| {
            not_a_socket(c, a.u32(0))
        }),
        Function {
            name: "proc_exit",
            params: &[I32],
            results: &[],
            run: |_, a| Err(Fail::Trap(Trap::exit(a.u32(0) as i32))),
        },
    ]
};

/// The name and wasm type of every preview1 function.
pub(crate) fn signatures() -> impl Iterator<Item = (&'static str, FuncType)> {
    FUNCTIONS.iter().map(|f| (f.name, f.ty()))
}

/// Adds every preview1 function, bound to `ctx`, to `linker` under
/// `wasi_snapshot_preview1`.
pub(crate) fn add_to_linker(linker: &mut Linker, ctx: &WasiCtx) {
    for function in &FUNCTIONS {
        let ctx = ctx.clone();
        let run = function.run;
        linker.func_new_with_caller(
            MODULE,
            function.name,
            function.ty(),
            move |caller, args, results| {
                let mut call = Call {
                    ctx: &ctx,
                    state: None,
                    caller,
                };
                let errno = match run(&mut call, &Args(args)) {
                    Ok(()) => Errno::SUCCESS,
                    Err(Fail::Errno(e)) => e,
                    Err(Fail::Trap(t)) => return Err(t),
                };
                if let Some(result) = results.first_mut() {
                    *result = Val::I32(errno.0 as i32);
                }
                Ok(())
            },
        );
    }
}

/// The import module name of preview1.
pub(crate) const MODULE: &str = "wasi_snapshot_preview1";

// ---- arguments and environment ----

fn write_strings(c: &mut Call, strings: &[Vec<u8>], ptrs: u32, buf: u32) -> Res {
    let mem = c.mem()?;
    let mut at = buf;
    for (i, s) in strings.iter().enumerate() {
        mem.write_u32(offset(ptrs, 4 * i as u64)?, at)?;
        mem.write(at, s)?;
        mem.write(offset(at, s.len() as u64)?, &[0])?;
        at = offset(at, s.len() as u64 + 1)?;
    }
    Ok(())
}

fn write_sizes(c: &mut Call, strings: &[Vec<u8>], count_ptr: u32, size_ptr: u32) -> Res {
    let mem = c.mem()?;
    let size: usize = strings.iter().map(|s| s.len() + 1).sum();
    mem.write_u32(count_ptr, strings.len() as u32)?;
    mem.write_u32(size_ptr, u32::try_from(size).map_err(|_| Errno::OVERFLOW)?)?;
    Ok(())
}

fn arg_bytes(st: &State) -> Vec<Vec<u8>> {
    st.args.iter().map(|a| a.as_bytes().to_vec()).collect()
}

fn env_bytes(st: &State) -> Vec<Vec<u8>> {
    st.env
        .iter()
        .map(|(k, v)| format!("{k}={v}").into_bytes())
        .collect()
}

fn args_get(c: &mut Call, argv: u32, buf: u32) -> Res {
    let s = arg_bytes(c.st());
    write_strings(c, &s, argv, buf)
}

fn args_sizes_get(c: &mut Call, count: u32, size: u32) -> Res {
    let s = arg_bytes(c.st());
    write_sizes(c, &s, count, size)
}

fn environ_get(c: &mut Call, environ: u32, buf: u32) -> Res {
    let s = env_bytes(c.st());
    write_strings(c, &s, environ, buf)
}

fn environ_sizes_get(c: &mut Call, count: u32, size: u32) -> Res {
    let s = env_bytes(c.st());
    write_sizes(c, &s, count, size)
}

// ---- clocks and randomness ----

fn host_clock(id: u32) -> Result<libc::clockid_t, Errno> {
    Ok(match id {
        clockid::REALTIME => libc::CLOCK_REALTIME,
        clockid::MONOTONIC => libc::CLOCK_MONOTONIC,
        clockid::PROCESS_CPUTIME_ID => libc::CLOCK_PROCESS_CPUTIME_ID,
        clockid::THREAD_CPUTIME_ID => libc::CLOCK_THREAD_CPUTIME_ID,
        _ => return Err(Errno::INVAL),
    })
}

/// Clock `id`'s time (or resolution) in nanoseconds.
fn clock_ns(id: u32, resolution: bool) -> Result<u64, Errno> {
    let clock = host_clock(id)?;
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write.
    let r = unsafe {
        if resolution {
            libc::clock_getres(clock, &mut ts)
        } else {
            libc::clock_gettime(clock, &mut ts)
        }
    };
    if r != 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    Ok((ts.tv_sec as u64)
        .wrapping_mul(1_000_000_000)
        .wrapping_add(ts.tv_nsec as u64))
}

fn clock_res_get(c: &mut Call, id: u32, out: u32) -> Res {
    let ns = clock_ns(id, true)?;
    c.mem()?.write_u64(out, ns)?;
    Ok(())
}

fn clock_time_get(c: &mut Call, id: u32, out: u32) -> Res {
    let ns = clock_ns(id, false)?;
    c.mem()?.write_u64(out, ns)?;
    Ok(())
}

/// Bytes `random_get` draws and writes at a time: the host holds no more than this,
/// however long the guest's buffer (whose bounds are checked first).
const RANDOM_CHUNK: usize = 64 * 1024;

fn random_get(c: &mut Call, buf: u32, len: u32) -> Res {
    let mem = c.mem()?;
    mem.check(buf, len as usize)?;
    let mut chunk = vec![0u8; (len as usize).min(RANDOM_CHUNK)];
    let mut done = 0usize;
    while done < len as usize {
        let part = &mut chunk[..(len as usize - done).min(RANDOM_CHUNK)];
        let mut filled = 0;
        while filled < part.len() {
            // SAFETY: writes at most the remaining length into `part`.
            let n = unsafe {
                libc::getrandom(part[filled..].as_mut_ptr().cast(), part.len() - filled, 0)
            };
            if n < 0 {
                let e = std::io::Error::last_os_error();
                if e.kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e.into());
            }
            filled += n as usize;
        }
        mem.write(offset(buf, done as u64)?, part)?;
        done += part.len();
    }
    Ok(())
}

// ---- descriptors ----

fn fd_close(c: &mut Call, fd: u32) -> Res {
    c.st().fds.remove(&fd).ok_or(Errno::BADF)?;
    Ok(())
}

fn fd_renumber(c: &mut Call, from: u32, to: u32) -> Res {
    if !c.st().fds.contains_key(&from) || !c.st().fds.contains_key(&to) {
        return Err(Errno::BADF.into());
    }
    if from != to {
        let d = c.st().fds.remove(&from).expect("checked");
        c.st().fds.insert(to, d);
    }
    Ok(())
}

fn fd_fdstat_get(c: &mut Call, fd: u32, out: u32) -> Res {
    let mem = c.mem()?;
    let d = c.st().get(fd)?;
    let mut b = [0u8; layout::FDSTAT_SIZE];
    b[0] = d.filetype();
    b[2..4].copy_from_slice(&d.flags.to_le_bytes());
    b[8..16].copy_from_slice(&d.base.to_le_bytes());
    b[16..24].copy_from_slice(&d.inheriting.to_le_bytes());
    mem.write(out, &b)?;
    Ok(())
}

fn fd_fdstat_set_flags(c: &mut Call, fd: u32, flags: u16) -> Res {
    let d = c.st().get(fd)?;
    d.require(rights::FD_FDSTAT_SET_FLAGS)?;
    if flags & (fdflags::DSYNC | fdflags::RSYNC | fdflags::SYNC) != 0 {
        // Linux cannot change these on an open file.
        return Err(Errno::NOTSUP.into());
    }
    if let Kind::File(f) = &d.kind {
        let fd = f.as_raw_fd();
        // SAFETY: `fd` is an open descriptor owned by `f`.
        let old = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if old < 0 {
            return Err(std::io::Error::last_os_error().into());
        }
        let mut new = old & !(libc::O_APPEND | libc::O_NONBLOCK);
        if flags & fdflags::APPEND != 0 {
            new |= libc::O_APPEND;
        }
        if flags & fdflags::NONBLOCK != 0 {
            new |= libc::O_NONBLOCK;
        }
        // SAFETY: as above.
        if unsafe { libc::fcntl(fd, libc::F_SETFL, new) } < 0 {
            return Err(std::io::Error::last_os_error().into());
        }
    }
    d.flags = (d.flags & !(fdflags::APPEND | fdflags::NONBLOCK)) | flags;
    Ok(())
}

fn fd_fdstat_set_rights(c: &mut Call, fd: u32, base: u64, inheriting: u64) -> Res {
    let d = c.st().get(fd)?;
    // Rights can only be dropped.
    if base & !d.base != 0 || inheriting & !d.inheriting != 0 {
        return Err(Errno::NOTCAPABLE.into());
    }
    d.base = base;
    d.inheriting = inheriting;
    Ok(())
}

fn fd_prestat_get(c: &mut Call, fd: u32, out: u32) -> Res {
    let mem = c.mem()?;
    let d = c.st().get(fd)?;
    let name = d.preopen.as_ref().ok_or(Errno::BADF)?;
    let mut b = [0u8; layout::PRESTAT_SIZE];
    b[4..8].copy_from_slice(&(name.len() as u32).to_le_bytes());
    mem.write(out, &b)?;
    Ok(())
}

fn fd_prestat_dir_name(c: &mut Call, fd: u32, buf: u32, len: u32) -> Res {
    let mem = c.mem()?;
    let d = c.st().get(fd)?;
    let name = d.preopen.as_ref().ok_or(Errno::BADF)?;
    if (len as usize) < name.len() {
        return Err(Errno::NAMETOOLONG.into());
    }
    mem.write(buf, name.as_bytes())?;
    Ok(())
}

/// What a read or write acts on, shared with the descriptor table so that the call can
/// let go of the context's lock while it waits.
enum Io {
    File(Arc<std::fs::File>),
    Stream(Arc<Mutex<Stream>>),
}

impl Io {
    /// The file or stream of descriptor `d` (`EISDIR` for a directory); `ESPIPE` for a
    /// stream when the access is at an offset.
    fn of(d: &Descriptor, at: Option<u64>) -> Result<Io, Errno> {
        match (&d.kind, at) {
            (Kind::File(f), _) => Ok(Io::File(f.clone())),
            (Kind::Stream(s), None) => Ok(Io::Stream(s.clone())),
            (Kind::Stream(_), Some(_)) => Err(Errno::SPIPE),
            (Kind::Dir(_), _) => Err(Errno::ISDIR),
        }
    }
}

/// Locks a stream (poisoning changes nothing about a stream's bytes).
fn lock_stream(s: &Mutex<Stream>) -> MutexGuard<'_, Stream> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

fn fd_read(c: &mut Call, fd: u32, iovs: u32, count: u32, at: Option<u64>, out: u32) -> Res {
    let mem = c.mem()?;
    let iovs = mem.iovecs(iovs, count)?;
    let d = c.st().get(fd)?;
    if at.is_some() && matches!(d.kind, Kind::Stream(_)) {
        return Err(Errno::SPIPE.into());
    }
    d.require(rights::FD_READ | if at.is_some() { rights::FD_SEEK } else { 0 })?;
    let io = Io::of(d, at)?;
    c.unlock();
    let mut buf = vec![0u8; total_len(&iovs)];
    let n = match (io, at) {
        (Io::File(f), None) => read_full(&f, &mut buf)?,
        (Io::File(f), Some(offset)) => {
            let mut got = 0;
            while got < buf.len() {
                match f.read_at(&mut buf[got..], offset + got as u64) {
                    Ok(0) => break,
                    Ok(n) => got += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e.into()),
                }
            }
            got
        }
        (Io::Stream(s), _) => lock_stream(&s).read(&mut buf)?,
    };
    mem.scatter(&iovs, &buf[..n])?;
    mem.write_u32(out, n as u32)?;
    Ok(())
}

/// Reads until `buf` is full or the file ends.
fn read_full(mut f: &std::fs::File, buf: &mut [u8]) -> Result<usize, Errno> {
    let mut got = 0;
    while got < buf.len() {
        match f.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) if got > 0 => {
                let _ = e;
                break;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(got)
}

fn fd_write(c: &mut Call, fd: u32, iovs: u32, count: u32, at: Option<u64>, out: u32) -> Res {
    let mem = c.mem()?;
    let iovs = mem.iovecs(iovs, count)?;
    let data = mem.gather(&iovs)?;
    let d = c.st().get(fd)?;
    if at.is_some() && matches!(d.kind, Kind::Stream(_)) {
        return Err(Errno::SPIPE.into());
    }
    d.require(rights::FD_WRITE | if at.is_some() { rights::FD_SEEK } else { 0 })?;
    let io = Io::of(d, at)?;
    c.unlock();
    let n = match (io, at) {
        (Io::File(f), None) => {
            (&*f).write_all(&data)?;
            data.len()
        }
        (Io::File(f), Some(offset)) => {
            f.write_all_at(&data, offset)?;
            data.len()
        }
        (Io::Stream(s), _) => lock_stream(&s).write(&data)?,
    };
    mem.write_u32(out, n as u32)?;
    Ok(())
}

fn fd_seek(c: &mut Call, fd: u32, offset: i64, how: u32, out: u32) -> Res {
    let mem = c.mem()?;
    let d = c.st().get(fd)?;
    if matches!(d.kind, Kind::Stream(_)) {
        return Err(Errno::SPIPE.into());
    }
    let tell_only = how == whence::CUR as u32 && offset == 0;
    d.require(if tell_only {
        rights::FD_TELL
    } else {
        rights::FD_SEEK
    })?;
    let pos = match &mut d.kind {
        Kind::File(f) => {
            let to = match how {
                h if h == whence::SET as u32 => {
                    SeekFrom::Start(u64::try_from(offset).map_err(|_| Errno::INVAL)?)
                }
                h if h == whence::CUR as u32 => SeekFrom::Current(offset),
                h if h == whence::END as u32 => SeekFrom::End(offset),
                _ => return Err(Errno::INVAL.into()),
            };
            (&**f).seek(to)?
        }
        Kind::Stream(_) => return Err(Errno::SPIPE.into()),
        Kind::Dir(_) => return Err(Errno::BADF.into()),
    };
    mem.write_u64(out, pos)?;
    Ok(())
}

fn fd_tell(c: &mut Call, fd: u32, out: u32) -> Res {
    let mem = c.mem()?;
    let d = c.st().get(fd)?;
    if matches!(d.kind, Kind::Stream(_)) {
        return Err(Errno::SPIPE.into());
    }
    d.require(rights::FD_TELL)?;
    let pos = match &mut d.kind {
        Kind::File(f) => (&**f).stream_position()?,
        Kind::Stream(_) => return Err(Errno::SPIPE.into()),
        Kind::Dir(_) => return Err(Errno::BADF.into()),
    };
    mem.write_u64(out, pos)?;
    Ok(())
}

fn raw_fd(d: &Descriptor) -> Option<i32> {
    match &d.kind {
        Kind::File(f) => Some(f.as_raw_fd()),
        Kind::Dir(dir) => Some(dir.as_raw_fd()),
        Kind::Stream(_) => None,
    }
}

fn fd_sync(c: &mut Call, fd: u32, data_only: bool) -> Res {
    let d = c.st().get(fd)?;
    d.require(if data_only {
        rights::FD_DATASYNC
    } else {
        rights::FD_SYNC
    })?;
    let fd = raw_fd(d).ok_or(Errno::INVAL)?;
    // SAFETY: `fd` is an open descriptor of the table.
    let r = unsafe {
        if data_only {
            libc::fdatasync(fd)
        } else {
            libc::fsync(fd)
        }
    };
    if r != 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    Ok(())
}

fn fd_advise(c: &mut Call, fd: u32, offset: u64, len: u64, advice: u32) -> Res {
    let d = c.st().get(fd)?;
    d.require(rights::FD_ADVISE)?;
    if advice > ADVICE_MAX as u32 {
        return Err(Errno::INVAL.into());
    }
    let Kind::File(f) = &d.kind else {
        return Err(Errno::BADF.into());
    };
    let host = match advice {
        0 => libc::POSIX_FADV_NORMAL,
        1 => libc::POSIX_FADV_SEQUENTIAL,
        2 => libc::POSIX_FADV_RANDOM,
        3 => libc::POSIX_FADV_WILLNEED,
        4 => libc::POSIX_FADV_DONTNEED,
        _ => libc::POSIX_FADV_NOREUSE,
    };
    let (offset, len) = (
        i64::try_from(offset).map_err(|_| Errno::INVAL)?,
        i64::try_from(len).map_err(|_| Errno::INVAL)?,
    );
    // SAFETY: `f` is an open file; advice is only a hint.
    let r = unsafe { libc::posix_fadvise(f.as_raw_fd(), offset, len, host) };
    if r != 0 {
        return Err(std::io::Error::from_raw_os_error(r).into());
    }
    Ok(())
}

/// `fd_allocate` makes the file at least `offset + len` bytes long and reserves no disk
/// blocks (the extension is a hole, as `fd_filestat_set_size` makes): a guest's numbers
/// never take the host's disk space, only the file's apparent size, within the limit the
/// file system sets (`EFBIG`).
fn fd_allocate(c: &mut Call, fd: u32, offset: u64, len: u64) -> Res {
    let d = c.st().get(fd)?;
    d.require(rights::FD_ALLOCATE)?;
    let Kind::File(f) = &d.kind else {
        return Err(Errno::BADF.into());
    };
    // As posix_fallocate: an empty or negative range is invalid, one past the largest
    // file offset too big.
    if len == 0 || i64::try_from(offset).is_err() || i64::try_from(len).is_err() {
        return Err(Errno::INVAL.into());
    }
    let end = offset + len;
    if i64::try_from(end).is_err() {
        return Err(Errno::FBIG.into());
    }
    if f.metadata()?.len() < end {
        f.set_len(end)?;
    }
    Ok(())
}

/// A `$filestat`'s fields.
struct Filestat {
    dev: u64,
    ino: u64,
    filetype: u8,
    nlink: u64,
    size: u64,
    atim: u64,
    mtim: u64,
    ctim: u64,
}

fn ns(sec: i64, nsec: i64) -> u64 {
    (sec as u64)
        .wrapping_mul(1_000_000_000)
        .wrapping_add(nsec as u64)
}

impl Filestat {
    fn of_std(m: &std::fs::Metadata) -> Filestat {
        use std::os::unix::fs::MetadataExt;
        Filestat {
            dev: m.dev(),
            ino: m.ino(),
            filetype: filetype_of(&m.file_type()),
            nlink: m.nlink(),
            size: m.size(),
            atim: ns(m.atime(), m.atime_nsec()),
            mtim: ns(m.mtime(), m.mtime_nsec()),
            ctim: ns(m.ctime(), m.ctime_nsec()),
        }
    }

    fn of_cap(m: &cap_std::fs::Metadata) -> Filestat {
        let filetype = filetype_of(&m.file_type());
        Filestat {
            dev: m.dev(),
            ino: m.ino(),
            filetype,
            nlink: m.nlink(),
            size: m.size(),
            atim: ns(m.atime(), m.atime_nsec()),
            mtim: ns(m.mtime(), m.mtime_nsec()),
            ctim: ns(m.ctime(), m.ctime_nsec()),
        }
    }

    fn bytes(&self) -> [u8; layout::FILESTAT_SIZE] {
        let mut b = [0u8; layout::FILESTAT_SIZE];
        b[0..8].copy_from_slice(&self.dev.to_le_bytes());
        b[8..16].copy_from_slice(&self.ino.to_le_bytes());
        b[16] = self.filetype;
        b[24..32].copy_from_slice(&self.nlink.to_le_bytes());
        b[32..40].copy_from_slice(&self.size.to_le_bytes());
        b[40..48].copy_from_slice(&self.atim.to_le_bytes());
        b[48..56].copy_from_slice(&self.mtim.to_le_bytes());
        b[56..64].copy_from_slice(&self.ctim.to_le_bytes());
        b
    }
}

fn fd_filestat_get(c: &mut Call, fd: u32, out: u32) -> Res {
    let mem = c.mem()?;
    let d = c.st().get(fd)?;
    d.require(rights::FD_FILESTAT_GET)?;
    let stat = match &d.kind {
        Kind::File(f) => Filestat::of_std(&f.metadata()?),
        Kind::Dir(dir) => Filestat::of_cap(&dir.dir_metadata()?),
        Kind::Stream(_) => Filestat {
            dev: 0,
            ino: 0,
            filetype: filetype::CHARACTER_DEVICE,
            nlink: 0,
            size: 0,
            atim: 0,
            mtim: 0,
            ctim: 0,
        },
    };
    mem.write(out, &stat.bytes())?;
    Ok(())
}

fn fd_filestat_set_size(c: &mut Call, fd: u32, size: u64) -> Res {
    let d = c.st().get(fd)?;
    d.require(rights::FD_FILESTAT_SET_SIZE)?;
    match &d.kind {
        Kind::File(f) => f.set_len(size)?,
        Kind::Dir(_) => return Err(Errno::ISDIR.into()),
        Kind::Stream(_) => return Err(Errno::INVAL.into()),
    }
    Ok(())
}

/// The two `timespec`s of `utimensat`/`futimens` for `$fstflags`.
fn timespecs(atim: u64, mtim: u64, flags: u16) -> Result<[libc::timespec; 2], Errno> {
    if flags & fstflags::ATIM != 0 && flags & fstflags::ATIM_NOW != 0
        || flags & fstflags::MTIM != 0 && flags & fstflags::MTIM_NOW != 0
    {
        return Err(Errno::INVAL);
    }
    let one = |t: u64, set: u16, now: u16| libc::timespec {
        tv_sec: if flags & set != 0 {
            (t / 1_000_000_000) as i64
        } else {
            0
        },
        tv_nsec: if flags & now != 0 {
            libc::UTIME_NOW
        } else if flags & set != 0 {
            (t % 1_000_000_000) as i64
        } else {
            libc::UTIME_OMIT
        },
    };
    Ok([
        one(atim, fstflags::ATIM, fstflags::ATIM_NOW),
        one(mtim, fstflags::MTIM, fstflags::MTIM_NOW),
    ])
}

fn fd_filestat_set_times(c: &mut Call, fd: u32, atim: u64, mtim: u64, flags: u16) -> Res {
    let d = c.st().get(fd)?;
    d.require(rights::FD_FILESTAT_SET_TIMES)?;
    let times = timespecs(atim, mtim, flags)?;
    let fd = raw_fd(d).ok_or(Errno::INVAL)?;
    // SAFETY: `fd` is open and `times` holds two timespecs.
    if unsafe { libc::futimens(fd, times.as_ptr()) } != 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    Ok(())
}

/// `fd_readdir`: the entries `.`, `..`, then the directory's own in the order the host
/// lists them, numbered from 0; a cookie is the number of the entry to start at. The
/// host reads the listing as a stream and keeps no more than the guest's buffer holds
/// (at most `len` bytes and one entry), so a directory of any size costs the host memory
/// bounded by the guest's own; time grows with the cookie (the entries before it are
/// read and passed over). Cookies stay valid while the directory is unchanged.
fn fd_readdir(c: &mut Call, fd: u32, buf: u32, len: u32, cookie: u64, out: u32) -> Res {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::DirEntryExt;
    let mem = c.mem()?;
    mem.check(buf, len as usize)?;
    let d = c.st().get(fd)?;
    d.require(rights::FD_READDIR)?;
    let Kind::Dir(dir) = &d.kind else {
        return Err(Errno::NOTDIR.into());
    };
    let own = dir.dir_metadata()?;
    let mut bytes = Vec::new();
    let put = |bytes: &mut Vec<u8>, i: u64, name: &[u8], ino: u64, ty: u8| {
        let mut head = [0u8; layout::DIRENT_SIZE];
        head[0..8].copy_from_slice(&(i + 1).to_le_bytes());
        head[8..16].copy_from_slice(&ino.to_le_bytes());
        head[16..20].copy_from_slice(&(name.len() as u32).to_le_bytes());
        head[20] = ty;
        bytes.extend_from_slice(&head);
        bytes.extend_from_slice(name);
    };
    let dots = [(&b"."[..], own.ino()), (&b".."[..], 0)];
    let mut entries = dir.entries()?;
    let mut i = 0u64;
    loop {
        // A full buffer (bufused == len) tells the guest to read on from its last cookie.
        if bytes.len() >= len as usize {
            break;
        }
        if let Some((name, ino)) = dots.get(i as usize) {
            if i >= cookie {
                put(&mut bytes, i, name, *ino, filetype::DIRECTORY);
            }
        } else {
            let Some(entry) = entries.next() else { break };
            let entry = entry?;
            if i >= cookie {
                let ty = entry
                    .file_type()
                    .map_or(filetype::UNKNOWN, |t| filetype_of(&t));
                put(&mut bytes, i, entry.file_name().as_bytes(), entry.ino(), ty);
            }
        }
        i += 1;
    }
    bytes.truncate(len as usize);
    mem.write(buf, &bytes)?;
    mem.write_u32(out, bytes.len() as u32)?;
    Ok(())
}

// ---- paths ----

/// The directory descriptor `fd` with `needed` rights.
fn dir(st: &mut State, fd: u32, needed: u64) -> Result<&Dir, Errno> {
    let d = st.get(fd)?;
    d.require(needed)?;
    match &d.kind {
        Kind::Dir(dir) => Ok(dir),
        _ => Err(Errno::NOTDIR),
    }
}

/// The guest path at `(ptr, len)` (at most `guest::MAX_PATH` bytes). Absolute paths never
/// resolve: the sandbox has no root.
fn path(mem: &GuestMemory, (ptr, len): (u32, u32)) -> Result<String, Errno> {
    let p = mem.read_path(ptr, len)?;
    if p.starts_with('/') {
        return Err(Errno::NOTCAPABLE);
    }
    if p.contains('\0') {
        return Err(Errno::INVAL);
    }
    Ok(p)
}

fn path_create_directory(c: &mut Call, fd: u32, ptr: u32, len: u32) -> Res {
    let mem = c.mem()?;
    let p = path(&mem, (ptr, len))?;
    dir(c.st(), fd, rights::PATH_CREATE_DIRECTORY)?.create_dir(p)?;
    Ok(())
}

fn path_filestat_get(c: &mut Call, fd: u32, flags: u32, ptr: u32, len: u32, out: u32) -> Res {
    let mem = c.mem()?;
    let p = path(&mem, (ptr, len))?;
    let dir = dir(c.st(), fd, rights::PATH_FILESTAT_GET)?;
    let meta = if flags & LOOKUP_SYMLINK_FOLLOW != 0 {
        dir.metadata(&p)?
    } else {
        dir.symlink_metadata(&p)?
    };
    mem.write(out, &Filestat::of_cap(&meta).bytes())?;
    Ok(())
}

fn path_filestat_set_times(
    c: &mut Call,
    fd: u32,
    flags: u32,
    p: (u32, u32),
    atim: u64,
    mtim: u64,
    fst: u16,
) -> Res {
    let mem = c.mem()?;
    let p = path(&mem, p)?;
    let dir = dir(c.st(), fd, rights::PATH_FILESTAT_SET_TIMES)?;
    timespecs(atim, mtim, fst)?; // validates the flags
    let spec = |t: u64, set: u16, now: u16| {
        if fst & now != 0 {
            Some(cap_fs_ext::SystemTimeSpec::SymbolicNow)
        } else if fst & set != 0 {
            Some(cap_fs_ext::SystemTimeSpec::Absolute(
                cap_std::time::SystemTime::from_std(
                    std::time::UNIX_EPOCH + Duration::from_nanos(t),
                ),
            ))
        } else {
            None
        }
    };
    let (a, m) = (
        spec(atim, fstflags::ATIM, fstflags::ATIM_NOW),
        spec(mtim, fstflags::MTIM, fstflags::MTIM_NOW),
    );
    if flags & LOOKUP_SYMLINK_FOLLOW != 0 {
        dir.set_times(&p, a, m)?;
    } else {
        dir.set_symlink_times(&p, a, m)?;
    }
    Ok(())
}

/// Two directory descriptors at once (the source and target of a link or rename).
fn two_dirs(st: &State, a: u32, need_a: u64, b: u32, need_b: u64) -> Result<(&Dir, &Dir), Errno> {
    let one = |fd: u32, need: u64| -> Result<&Dir, Errno> {
        let d = st.fds.get(&fd).ok_or(Errno::BADF)?;
        d.require(need)?;
        match &d.kind {
            Kind::Dir(dir) => Ok(dir),
            _ => Err(Errno::NOTDIR),
        }
    };
    Ok((one(a, need_a)?, one(b, need_b)?))
}

fn path_link(
    c: &mut Call,
    old_fd: u32,
    old_flags: u32,
    old: (u32, u32),
    new_fd: u32,
    new: (u32, u32),
) -> Res {
    let mem = c.mem()?;
    // linkat cannot follow a symbolic link beneath a directory without leaving it to the
    // kernel's own resolution, so a following link is refused, as preview1 allows.
    if old_flags & LOOKUP_SYMLINK_FOLLOW != 0 {
        return Err(Errno::INVAL.into());
    }
    let (old, new) = (path(&mem, old)?, path(&mem, new)?);
    let (from, to) = two_dirs(
        c.st(),
        old_fd,
        rights::PATH_LINK_SOURCE,
        new_fd,
        rights::PATH_LINK_TARGET,
    )?;
    from.hard_link(old, to, new)?;
    Ok(())
}

fn path_rename(c: &mut Call, old_fd: u32, old: (u32, u32), new_fd: u32, new: (u32, u32)) -> Res {
    let mem = c.mem()?;
    let (old, new) = (path(&mem, old)?, path(&mem, new)?);
    let (from, to) = two_dirs(
        c.st(),
        old_fd,
        rights::PATH_RENAME_SOURCE,
        new_fd,
        rights::PATH_RENAME_TARGET,
    )?;
    from.rename(old, to, new)?;
    Ok(())
}

fn path_symlink(c: &mut Call, target: (u32, u32), fd: u32, link: (u32, u32)) -> Res {
    let mem = c.mem()?;
    // An absolute target could only ever point out of the sandbox.
    let target = path(&mem, target)?;
    let link = path(&mem, link)?;
    dir(c.st(), fd, rights::PATH_SYMLINK)?.symlink_contents(target, link)?;
    Ok(())
}

fn path_readlink(c: &mut Call, fd: u32, p: (u32, u32), buf: u32, len: u32, out: u32) -> Res {
    let mem = c.mem()?;
    let p = path(&mem, p)?;
    let target = dir(c.st(), fd, rights::PATH_READLINK)?.read_link_contents(p)?;
    use std::os::unix::ffi::OsStrExt;
    let bytes = target.as_os_str().as_bytes();
    let n = bytes.len().min(len as usize);
    mem.write(buf, &bytes[..n])?;
    mem.write_u32(out, n as u32)?;
    Ok(())
}

fn path_remove(c: &mut Call, fd: u32, p: (u32, u32), directory: bool) -> Res {
    let mem = c.mem()?;
    let p = path(&mem, p)?;
    if directory {
        dir(c.st(), fd, rights::PATH_REMOVE_DIRECTORY)?.remove_dir(p)?;
    } else {
        dir(c.st(), fd, rights::PATH_UNLINK_FILE)?.remove_file_or_symlink(p)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)] // preview1's signature
fn path_open(
    c: &mut Call,
    fd: u32,
    lookup: u32,
    p: (u32, u32),
    oflags: u16,
    (base, inheriting): (u64, u64),
    fdflags: u16,
    out: u32,
) -> Res {
    let mem = c.mem()?;
    let p = path(&mem, p)?;
    let parent = c.st().get(fd)?;
    parent.require(rights::PATH_OPEN)?;
    if oflags & oflags::CREAT != 0 {
        parent.require(rights::PATH_CREATE_FILE)?;
    }
    if oflags & oflags::TRUNC != 0 {
        parent.require(rights::PATH_FILESTAT_SET_SIZE)?;
    }
    // A descriptor gets no right its directory does not pass on.
    if base & !parent.inheriting != 0 || inheriting & !parent.inheriting != 0 {
        return Err(Errno::NOTCAPABLE.into());
    }
    let Kind::Dir(dir) = &parent.kind else {
        return Err(Errno::NOTDIR.into());
    };
    let follow = if lookup & LOOKUP_SYMLINK_FOLLOW != 0 {
        FollowSymlinks::Yes
    } else {
        FollowSymlinks::No
    };
    let opened = if oflags & oflags::DIRECTORY != 0 {
        if oflags & (oflags::CREAT | oflags::TRUNC) != 0 {
            return Err(Errno::INVAL.into());
        }
        if base & rights::FD_WRITE != 0 {
            return Err(Errno::ISDIR.into());
        }
        let sub = match follow {
            FollowSymlinks::Yes => dir.open_dir(&p)?,
            FollowSymlinks::No => dir.open_dir_nofollow(&p)?,
        };
        Kind::Dir(sub)
    } else {
        let read = base & (rights::FD_READ | rights::FD_READDIR) != 0;
        let write = base & (rights::FD_WRITE | rights::FD_ALLOCATE | rights::FD_FILESTAT_SET_SIZE)
            != 0
            || fdflags & fdflags::APPEND != 0;
        let mut opts = cap_std::fs::OpenOptions::new();
        opts.read(read || !write);
        // Creating or truncating needs write access on the host; the guest still gets
        // only the rights it asked for.
        opts.write(write || oflags & (oflags::CREAT | oflags::TRUNC) != 0);
        if oflags & oflags::CREAT != 0 {
            if oflags & oflags::EXCL != 0 {
                opts.create_new(true);
            } else {
                opts.create(true);
            }
        }
        if oflags & oflags::TRUNC != 0 {
            opts.truncate(true);
        }
        // Append is set on the open file below: std (and cap-std) refuse append together
        // with truncate, which O_APPEND | O_TRUNC means.
        let mut custom = 0;
        for (flag, host) in [
            (fdflags::NONBLOCK, libc::O_NONBLOCK),
            (fdflags::DSYNC, libc::O_DSYNC),
            (fdflags::RSYNC, libc::O_RSYNC),
            (fdflags::SYNC, libc::O_SYNC),
        ] {
            if fdflags & flag != 0 {
                custom |= host;
            }
        }
        opts.custom_flags(custom);
        opts.follow(follow);
        opts.maybe_dir(true);
        let file = dir.open_with(&p, &opts)?;
        if file.metadata()?.is_dir() {
            if write {
                return Err(Errno::ISDIR.into());
            }
            Kind::Dir(Dir::from_std_file(file.into_std()))
        } else {
            let file = file.into_std();
            if fdflags & fdflags::APPEND != 0 {
                set_status_flag(&file, libc::O_APPEND)?;
            }
            Kind::File(Arc::new(file))
        }
    };
    let (base, inheriting) = match &opened {
        Kind::Dir(_) => (base & rights::DIRECTORY, inheriting),
        _ => (base & rights::FILE, inheriting & rights::FILE),
    };
    let new_fd = c.st().insert(Descriptor {
        kind: opened,
        base,
        inheriting,
        flags: fdflags,
        preopen: None,
    })?;
    mem.write_u32(out, new_fd)?;
    Ok(())
}

/// Adds `flag` to an open file's status flags.
fn set_status_flag(file: &std::fs::File, flag: i32) -> Result<(), Errno> {
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is open, owned by `file`.
    let old = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    // SAFETY: as above.
    if old < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, old | flag) } < 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    Ok(())
}

// ---- polling ----

/// One parsed `$subscription`.
enum Sub {
    /// Fires at this instant (already converted from the guest's clock), or carries an
    /// errno (an unknown clock).
    Clock(Result<Instant, Errno>),
    /// Readiness of a descriptor for reading (`true`) or writing.
    Fd { fd: u32, read: bool },
}

/// The most subscriptions one `poll_oneoff` takes (`EINVAL` beyond): the host reads,
/// keeps and answers no more than this many per call.
const MAX_SUBSCRIPTIONS: u32 = 4096;

fn poll_oneoff(c: &mut Call, subs_ptr: u32, events_ptr: u32, count: u32, out: u32) -> Res {
    let mem = c.mem()?;
    if count == 0 || count > MAX_SUBSCRIPTIONS {
        return Err(Errno::INVAL.into());
    }
    let raw = mem.read(
        subs_ptr,
        count
            .checked_mul(layout::SUBSCRIPTION_SIZE)
            .ok_or(Errno::FAULT)?,
    )?;
    let now = Instant::now();
    let mut subs = Vec::new();
    for s in raw.chunks_exact(layout::SUBSCRIPTION_SIZE as usize) {
        let u64_at = |o: usize| u64::from_le_bytes(s[o..o + 8].try_into().expect("8 bytes"));
        let u32_at = |o: usize| u32::from_le_bytes(s[o..o + 4].try_into().expect("4 bytes"));
        let userdata = u64_at(0);
        let sub = match s[8] {
            eventtype::CLOCK => {
                let (id, timeout) = (u32_at(16), u64_at(24));
                let flags = u16::from_le_bytes([s[40], s[41]]);
                let at = if flags & SUBSCRIPTION_CLOCK_ABSTIME != 0 {
                    clock_ns(id, false)
                        .map(|t_now| now + Duration::from_nanos(timeout.saturating_sub(t_now)))
                } else {
                    host_clock(id).map(|_| now + Duration::from_nanos(timeout))
                };
                Sub::Clock(at)
            }
            eventtype::FD_READ => Sub::Fd {
                fd: u32_at(16),
                read: true,
            },
            eventtype::FD_WRITE => Sub::Fd {
                fd: u32_at(16),
                read: false,
            },
            _ => return Err(Errno::INVAL.into()),
        };
        subs.push((userdata, s[8], sub));
    }

    // (userdata, type, errno, nbytes) of each event that happened.
    let mut events: Vec<(u64, u8, Errno, u64)> = Vec::new();
    let mut waits_on_stdin = Vec::new();
    for (userdata, ty, sub) in &subs {
        match sub {
            Sub::Clock(Err(e)) => events.push((*userdata, *ty, *e, 0)),
            Sub::Clock(Ok(_)) => {}
            Sub::Fd { fd, read } => match c.st().fds.get_mut(fd) {
                None => events.push((*userdata, *ty, Errno::BADF, 0)),
                Some(d) if d.require(rights::POLL_FD_READWRITE).is_err() => {
                    events.push((*userdata, *ty, Errno::NOTCAPABLE, 0))
                }
                Some(d) => match &mut d.kind {
                    Kind::Stream(s) if *read && lock_stream(s).inherited_input() => {
                        waits_on_stdin.push(*userdata)
                    }
                    Kind::File(f) if *read => {
                        let left = match (f.metadata(), (&**f).stream_position()) {
                            (Ok(m), Ok(pos)) => m.len().saturating_sub(pos),
                            _ => 0,
                        };
                        events.push((*userdata, *ty, Errno::SUCCESS, left))
                    }
                    _ => events.push((*userdata, *ty, Errno::SUCCESS, 0)),
                },
            },
        }
    }
    if events.is_empty() {
        // Waiting: other calls on the context go on meanwhile.
        c.unlock();
        let deadline = subs
            .iter()
            .filter_map(|(_, _, s)| match s {
                Sub::Clock(Ok(at)) => Some(*at),
                _ => None,
            })
            .min();
        let mut stdin_ready = false;
        if !waits_on_stdin.is_empty() {
            let timeout_ms = deadline.map_or(-1, |d| {
                d.saturating_duration_since(Instant::now())
                    .as_millis()
                    .min(i32::MAX as u128) as i32
            });
            let mut pfd = libc::pollfd {
                fd: 0,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            stdin_ready = unsafe { libc::poll(&mut pfd, 1, timeout_ms) } > 0;
        } else if let Some(d) = deadline {
            std::thread::sleep(d.saturating_duration_since(Instant::now()));
        }
        if stdin_ready {
            for u in &waits_on_stdin {
                events.push((*u, eventtype::FD_READ, Errno::SUCCESS, 1));
            }
        }
        let now = Instant::now();
        for (userdata, ty, sub) in &subs {
            if let Sub::Clock(Ok(at)) = sub {
                if *at <= now {
                    events.push((*userdata, *ty, Errno::SUCCESS, 0));
                }
            }
        }
    }
    for (i, (userdata, ty, errno, nbytes)) in events.iter().enumerate() {
        let mut b = [0u8; layout::EVENT_SIZE as usize];
        b[0..8].copy_from_slice(&userdata.to_le_bytes());
        b[8..10].copy_from_slice(&errno.0.to_le_bytes());
        b[10] = *ty;
        if *ty != eventtype::CLOCK {
            b[16..24].copy_from_slice(&nbytes.to_le_bytes());
        }
        let at = offset(events_ptr, i as u64 * u64::from(layout::EVENT_SIZE))?;
        mem.write(at, &b)?;
    }
    mem.write_u32(out, events.len() as u32)?;
    Ok(())
}

// ---- sockets ----

/// Kestrel gives programs no sockets, so every socket call on a descriptor is
/// `ENOTSOCK` (and `EBADF` on a number that is no descriptor).
fn not_a_socket(c: &mut Call, fd: u32) -> Res {
    c.st().get(fd)?;
    Err(Errno::NOTSOCK.into())
}
