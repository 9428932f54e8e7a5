//! The caller's linear memory as WASI functions see it: every access is bounds-checked by
//! [`Memory::read`]/[`Memory::write`], and a guest pointer or length that does not fit is
//! `EFAULT`, never a host fault.
//!
//! The host's work per call is bounded, whatever numbers the guest passes: memory is
//! checked before anything is allocated for it, a read or write looks at no more than
//! [`MAX_IOVECS`] buffers and moves no more than [`MAX_IO_BYTES`] (a short read or write,
//! which POSIX allows), a path is at most [`MAX_PATH`] bytes (`ENAMETOOLONG` before it is
//! copied), and guest pointer arithmetic that would wrap is `EFAULT`.

use super::abi::{layout, Errno};
use crate::runtime::memory::Memory;

/// The buffers of one read or write the host looks at (POSIX's `IOV_MAX` on Linux):
/// those after them are left alone, as in a short read or write.
pub(crate) const MAX_IOVECS: u32 = 1024;

/// The bytes one read or write moves at most (a short read or write beyond).
pub(crate) const MAX_IO_BYTES: usize = 16 << 20;

/// The longest path a call takes (Linux's `PATH_MAX`).
pub(crate) const MAX_PATH: u32 = 4096;

/// `base + by` as a guest address, `EFAULT` if it does not fit in 32 bits.
pub(crate) fn offset(base: u32, by: u64) -> Result<u32, Errno> {
    u64::from(base)
        .checked_add(by)
        .and_then(|a| u32::try_from(a).ok())
        .ok_or(Errno::FAULT)
}

/// A bounds-checked view of one instance's memory.
pub(crate) struct GuestMemory {
    memory: Memory,
}

/// One `$iovec`: a guest buffer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IoVec {
    pub ptr: u32,
    pub len: u32,
}

impl GuestMemory {
    pub fn new(memory: Memory) -> GuestMemory {
        GuestMemory { memory }
    }

    /// `len` bytes at `ptr` (checked before anything is allocated: at most the memory's
    /// size).
    pub fn read(&self, ptr: u32, len: u32) -> Result<Vec<u8>, Errno> {
        self.check(ptr, len as usize)?;
        let mut buf = vec![0; len as usize];
        self.read_into(ptr, &mut buf)?;
        Ok(buf)
    }

    /// Fills `buf` from `ptr`.
    pub fn read_into(&self, ptr: u32, buf: &mut [u8]) -> Result<(), Errno> {
        self.check(ptr, buf.len())?;
        self.memory
            .read(ptr as usize, buf)
            .map_err(|_| Errno::FAULT)
    }

    /// Writes `data` at `ptr`.
    pub fn write(&self, ptr: u32, data: &[u8]) -> Result<(), Errno> {
        self.check(ptr, data.len())?;
        self.memory
            .write(ptr as usize, data)
            .map_err(|_| Errno::FAULT)
    }

    /// `EFAULT` unless `len` bytes at `ptr` lie in memory.
    pub fn check(&self, ptr: u32, len: usize) -> Result<(), Errno> {
        let end = ptr as u64 + len as u64;
        if end > self.memory.data_size() as u64 {
            return Err(Errno::FAULT);
        }
        Ok(())
    }

    pub fn write_u32(&self, ptr: u32, v: u32) -> Result<(), Errno> {
        self.write(ptr, &v.to_le_bytes())
    }

    pub fn write_u64(&self, ptr: u32, v: u64) -> Result<(), Errno> {
        self.write(ptr, &v.to_le_bytes())
    }

    /// The path of `len` bytes at `ptr`: `ENAMETOOLONG` over [`MAX_PATH`] (before it is
    /// copied), `EILSEQ` if it is not UTF-8.
    pub fn read_path(&self, ptr: u32, len: u32) -> Result<String, Errno> {
        if len > MAX_PATH {
            return Err(Errno::NAMETOOLONG);
        }
        String::from_utf8(self.read(ptr, len)?).map_err(|_| Errno::ILSEQ)
    }

    /// The iovecs of the array of `count` at `ptr` (which must lie in memory), the first
    /// [`MAX_IOVECS`] of them.
    pub fn iovecs(&self, ptr: u32, count: u32) -> Result<Vec<IoVec>, Errno> {
        self.check(ptr, count as usize * layout::IOVEC_SIZE as usize)?;
        let count = count.min(MAX_IOVECS);
        let bytes = self.read(ptr, count * layout::IOVEC_SIZE)?;
        let iovs: Vec<IoVec> = bytes
            .chunks_exact(layout::IOVEC_SIZE as usize)
            .map(|c| IoVec {
                ptr: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                len: u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
            })
            .collect();
        // Every buffer must lie in memory, even those a short read or write leaves alone.
        for iov in &iovs {
            self.check(iov.ptr, iov.len as usize)?;
        }
        Ok(iovs)
    }

    /// The bytes of `iovs`, concatenated, up to [`MAX_IO_BYTES`] (what a write sends).
    pub fn gather(&self, iovs: &[IoVec]) -> Result<Vec<u8>, Errno> {
        let mut out = Vec::with_capacity(total_len(iovs));
        for iov in iovs {
            let room = MAX_IO_BYTES - out.len();
            if room == 0 {
                break;
            }
            let len = (iov.len as usize).min(room);
            let at = out.len();
            out.resize(at + len, 0);
            self.read_into(iov.ptr, &mut out[at..])?;
        }
        Ok(out)
    }

    /// Writes `data` across `iovs` in order (what a read fills).
    pub fn scatter(&self, iovs: &[IoVec], mut data: &[u8]) -> Result<(), Errno> {
        for iov in iovs {
            if data.is_empty() {
                break;
            }
            let n = data.len().min(iov.len as usize);
            self.write(iov.ptr, &data[..n])?;
            data = &data[n..];
        }
        Ok(())
    }
}

/// Total length of `iovs`, capped at what one read or write moves ([`MAX_IO_BYTES`]).
pub(crate) fn total_len(iovs: &[IoVec]) -> usize {
    iovs.iter()
        .map(|i| i.len as u64)
        .sum::<u64>()
        .min(MAX_IO_BYTES as u64) as usize
}
