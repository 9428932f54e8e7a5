//! The caller's linear memory as WASI functions see it: every access is bounds-checked by
//! [`Memory::read`]/[`Memory::write`], and a guest pointer or length that does not fit is
//! `EFAULT`, never a host fault.

use super::abi::{layout, Errno};
use crate::runtime::memory::Memory;

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

    /// `len` bytes at `ptr`.
    pub fn read(&self, ptr: u32, len: u32) -> Result<Vec<u8>, Errno> {
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

    fn check(&self, ptr: u32, len: usize) -> Result<(), Errno> {
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

    /// The UTF-8 string of `len` bytes at `ptr` (paths): `EILSEQ` if it is not UTF-8.
    pub fn read_str(&self, ptr: u32, len: u32) -> Result<String, Errno> {
        String::from_utf8(self.read(ptr, len)?).map_err(|_| Errno::ILSEQ)
    }

    /// The `count` iovecs of the array at `ptr`.
    pub fn iovecs(&self, ptr: u32, count: u32) -> Result<Vec<IoVec>, Errno> {
        let bytes = self.read(
            ptr,
            count.checked_mul(layout::IOVEC_SIZE).ok_or(Errno::FAULT)?,
        )?;
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

    /// The bytes of all `iovs`, concatenated (what a write sends).
    pub fn gather(&self, iovs: &[IoVec]) -> Result<Vec<u8>, Errno> {
        let total: u64 = iovs.iter().map(|i| i.len as u64).sum();
        let mut out = Vec::with_capacity(total.min(1 << 26) as usize);
        for iov in iovs {
            out.extend_from_slice(&self.read(iov.ptr, iov.len)?);
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

/// Total length of `iovs`, capped at what one read may return.
pub(crate) fn total_len(iovs: &[IoVec]) -> usize {
    iovs.iter()
        .map(|i| i.len as u64)
        .sum::<u64>()
        .min(isize::MAX as u64) as usize
}
