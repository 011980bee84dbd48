//! cue's table of decoded nouns by the bit offset where each one starts.
//!
//! Nouns start at strictly increasing offsets, and a cell claims its slot
//! when its tag is read (it is filled in once the cell is complete). So the
//! table is a vector of nouns in offset order plus a rank index over the
//! input: one bit per input bit saying whether a noun starts there, grouped
//! in 64-bit blocks that each carry the number of nouns before the block.
//! A lookup is a load, a mask and a popcount; no hashing, and the index costs
//! 2 bytes per input byte.

use mars_noun::Noun;

use crate::error::CueErrorKind;

/// The slot of a cell whose tail has not been decoded yet. No noun has this
/// representation: direct atoms are below 2^63 and pointer nouns carry an
/// 8-byte-aligned address, so their low three bits are zero.
const PENDING: u64 = u64::MAX;

#[derive(Debug, Clone, Copy)]
struct Block {
    /// Bit `i` set: a noun starts at offset `64 * block + i`.
    starts: u64,
    /// Number of nouns that start before this block.
    before: u64,
}

/// Decoded nouns by starting offset.
#[derive(Debug, Default)]
pub(crate) struct Table {
    blocks: Vec<Block>,
    nouns: Vec<u64>,
}

/// Index of a slot claimed with [`Table::claim`].
pub(crate) type Slot = usize;

impl Table {
    pub(crate) fn new() -> Table {
        Table::default()
    }

    /// Claim the slot for a noun starting at `at`, which must be greater
    /// than every offset claimed before. The slot is pending until `fill`.
    #[inline]
    pub(crate) fn claim(&mut self, at: u64) -> Slot {
        let block = (at / 64) as usize;
        if block >= self.blocks.len() {
            let before = self.nouns.len() as u64;
            self.blocks.resize(block + 1, Block { starts: 0, before });
        }
        let b = &mut self.blocks[block];
        debug_assert!(b.starts >> (at % 64) == 0, "offsets must increase");
        b.starts |= 1 << (at % 64);
        self.nouns.push(PENDING);
        self.nouns.len() - 1
    }

    /// Complete the slot `slot` with `n`.
    #[inline]
    pub(crate) fn fill(&mut self, slot: Slot, n: Noun) {
        debug_assert!(n.raw() != PENDING);
        self.nouns[slot] = n.raw();
    }

    /// Record a complete noun starting at `at`.
    #[inline]
    pub(crate) fn insert(&mut self, at: u64, n: Noun) {
        let slot = self.claim(at);
        self.fill(slot, n);
    }

    /// The noun that starts at `at`.
    #[inline]
    pub(crate) fn get(&self, at: u64) -> Result<Noun, CueErrorKind> {
        let b = self
            .blocks
            .get((at / 64) as usize)
            .ok_or(CueErrorKind::UnknownBackref)?;
        let bit = 1u64 << (at % 64);
        if b.starts & bit == 0 {
            return Err(CueErrorKind::UnknownBackref);
        }
        let index = b.before + u64::from((b.starts & (bit - 1)).count_ones());
        match self.nouns[index as usize] {
            PENDING => Err(CueErrorKind::UnfinishedBackref),
            raw => Ok(Noun::from_raw(raw)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let mut t = Table::new();
        t.insert(0, Noun::direct(10));
        let pending = t.claim(2);
        t.insert(3, Noun::direct(30));
        t.insert(64, Noun::direct(64));
        t.insert(1000, Noun::direct(1000));
        t.insert(1001, Noun::direct(1001));
        assert_eq!(t.get(0).map(Noun::raw), Ok(10));
        assert_eq!(t.get(3).map(Noun::raw), Ok(30));
        assert_eq!(t.get(64).map(Noun::raw), Ok(64));
        assert_eq!(t.get(1000).map(Noun::raw), Ok(1000));
        assert_eq!(t.get(1001).map(Noun::raw), Ok(1001));
        assert_eq!(
            t.get(2).map(Noun::raw),
            Err(CueErrorKind::UnfinishedBackref)
        );
        t.fill(pending, Noun::direct(20));
        assert_eq!(t.get(2).map(Noun::raw), Ok(20));
        for missing in [1, 4, 63, 65, 999, 1002, 5000, u64::MAX] {
            assert_eq!(
                t.get(missing).map(Noun::raw),
                Err(CueErrorKind::UnknownBackref)
            );
        }
    }
}
