//! What jam asks of its table of nouns already written, and the parts its
//! two tables share.
//!
//! jam writes a noun equal *by structure* to one written before as a
//! backreference to the offset of the first copy: always for a cell, and for
//! an atom only if the atom has more bits than the offset (vere's rule).
//!
//! Two tables answer the same questions with the same answers:
//! [`ByMug`](crate::by_mug::ByMug), fast on ordinary nouns, which gives up
//! when comparisons cost too much, and [`Interned`](crate::interned::Interned),
//! linear on any noun. jam tries the first and falls back on the second.
//!
//! An atom is only entered if a later copy would become a backreference,
//! i.e. if `bitlen(atom) > bitlen(offset)`. This is equivalent to vere's rule
//! (enter every first copy, backreference only when shorter) because offsets
//! only grow: an atom not worth a backreference to its first copy is not
//! worth one to any later copy either. Small atoms, the bulk of any kernel,
//! thus never enter a table.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use mars_noun::{Atom, Noun};

/// The table spent its budget on comparisons: start again with another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GaveUp;

/// The answer to "is this noun a copy?": `None` to write it out (it has been
/// entered if that matters), `Some(offset)` to write a backreference.
pub(crate) type Found = Result<Option<u64>, GaveUp>;

/// jam's table of nouns already written.
pub(crate) trait Dedup {
    /// The atom `a` is about to be written at `pos`.
    fn atom(&mut self, a: Atom, pos: u64) -> Found;
    /// The cell `c` is about to be written at `pos`.
    fn cell(&mut self, c: Noun, pos: u64) -> Found;
}

/// Number of significant bits of `x`.
#[inline]
pub(crate) fn bit_len(x: u64) -> u64 {
    u64::from(64 - x.leading_zeros())
}

/// Spread a word over all 64 bits: one 64×64→128-bit multiply, folded.
#[inline]
pub(crate) fn mix(x: u64) -> u64 {
    let p = u128::from(x) * 0x9e37_79b9_7f4a_7c15_u128;
    (p as u64) ^ ((p >> 64) as u64)
}

/// A hasher for keys that are words (values, addresses, ids).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = mix(self.0 ^ x);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type WordBuildHasher = BuildHasherDefault<WordHasher>;

/// Direct atoms (below 2^63) by value. Exact, since such an atom is never
/// indirect, and cheaper than hashing their bytes.
#[derive(Debug, Default)]
pub(crate) struct DirectAtoms(HashMap<u64, u64, WordBuildHasher>);

impl DirectAtoms {
    #[inline]
    pub(crate) fn find(&mut self, v: u64, pos: u64) -> Option<u64> {
        match self.0.entry(v) {
            Entry::Occupied(e) => Some(*e.get()),
            Entry::Vacant(e) => {
                if bit_len(v) > bit_len(pos) {
                    e.insert(pos);
                }
                None
            }
        }
    }
}

/// The value of a direct atom.
#[inline]
pub(crate) fn direct_value(a: Atom) -> Option<u64> {
    if a.is_direct() {
        Some(a.words()[0])
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_len(0), 0);
        assert_eq!(bit_len(1), 1);
        assert_eq!(bit_len(2), 2);
        assert_eq!(bit_len(u64::MAX), 64);
    }

    #[test]
    fn direct_atoms_only_when_a_backreference_pays() {
        let mut d = DirectAtoms::default();
        // bitlen(4) = 3 > bitlen(2) = 2: entered, later copies refer back.
        assert_eq!(d.find(4, 2), None);
        assert_eq!(d.find(4, 100), Some(2));
        // bitlen(5) = 3 <= bitlen(4) = 3: never a backreference.
        assert_eq!(d.find(5, 4), None);
        assert_eq!(d.find(5, 5), None);
    }

    #[test]
    fn mix_spreads_small_values() {
        let top: std::collections::HashSet<u64> = (0..256u64).map(|x| mix(x) >> 57).collect();
        assert!(top.len() > 100);
    }
}
