//! What an instrumented version tells the host about an access that passed its memory's
//! watch filter ("DESIGN: watchpoints" in `compiler::codegen::watch`): the access's memory,
//! size and direction, packed into the one word the debug stub passes to the debug hook
//! where a site passes its id. The address is in the stub's saved rax.

/// Whether an access reads or writes memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    Read,
    Write,
}

/// A memory access of an instrumented version that may touch a watched range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WatchedAccess {
    pub memory: u32,
    /// Bytes accessed (1 to 16).
    pub size: u8,
    pub direction: Direction,
}

/// Bit 63 marks the word as a watched access (a site id's high half is a defined
/// function's index, below 2^31).
const WATCHED_ACCESS: u64 = 1 << 63;
const WRITE: u64 = 1 << 62;
const SIZE_SHIFT: u32 = 32;

impl WatchedAccess {
    /// The word the code passes for this access.
    pub fn encode(self) -> u64 {
        let write = match self.direction {
            Direction::Read => 0,
            Direction::Write => WRITE,
        };
        WATCHED_ACCESS | write | (u64::from(self.size) << SIZE_SHIFT) | u64::from(self.memory)
    }

    /// The access a word the debug hook got describes, or `None` for a site id.
    pub fn decode(word: u64) -> Option<WatchedAccess> {
        (word & WATCHED_ACCESS != 0).then_some(WatchedAccess {
            memory: word as u32,
            size: (word >> SIZE_SHIFT) as u8,
            direction: if word & WRITE != 0 {
                Direction::Write
            } else {
                Direction::Read
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accesses_round_trip_and_site_ids_are_not_accesses() {
        for memory in [0, 1, 99] {
            for size in [1, 2, 4, 8, 16] {
                for direction in [Direction::Read, Direction::Write] {
                    let access = WatchedAccess {
                        memory,
                        size,
                        direction,
                    };
                    assert_eq!(WatchedAccess::decode(access.encode()), Some(access));
                }
            }
        }
        let site_id = (u64::from(u32::MAX >> 1) << 32) | u64::from(u32::MAX);
        assert_eq!(WatchedAccess::decode(site_id), None);
    }
}
