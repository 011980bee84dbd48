//! jam's fast table: nouns hashed by their cached mug, compared by walking.
//!
//! Cells and indirect atoms hash by their mug, which the heap caches in the
//! object header (hashing the root once computes the mugs of everything
//! below it), and candidates with the same mug are compared by structure
//! (`equal.rs`). On ordinary nouns a comparison either fails on the mug or
//! finds an identical word at once; a walk is only long when it finds a
//! genuine copy, which jam then does not have to traverse.
//!
//! Walks are paid from a budget that every lookup tops up by a little; if
//! the budget runs out the table gives up, and jam starts again with the
//! interned table, so the total cost stays linear on any noun.

use hashbrown::hash_table::Entry;
use hashbrown::HashTable;
use mars_noun::{mug, Atom, Noun};

use crate::dedup::{direct_value, mix, Dedup, DirectAtoms, Found, GaveUp};
use crate::equal::Comparer;

/// Comparison steps allowed before any lookup.
const START_BUDGET: u64 = 1 << 16;
/// Comparison steps each lookup adds to the budget.
const CREDIT: u64 = 16;

/// A noun written at `off`.
#[derive(Debug, Clone, Copy)]
struct Written {
    noun: Noun,
    mug: u32,
    off: u64,
}

/// The fast table (see the module doc).
#[derive(Debug)]
pub(crate) struct ByMug {
    direct: DirectAtoms,
    pointers: HashTable<Written>,
    comparer: Comparer,
    budget: u64,
}

impl Default for ByMug {
    fn default() -> ByMug {
        ByMug {
            direct: DirectAtoms::default(),
            pointers: HashTable::new(),
            comparer: Comparer::default(),
            budget: START_BUDGET,
        }
    }
}

impl ByMug {
    fn pointer(&mut self, n: Noun, pos: u64) -> Found {
        self.budget = self.budget.saturating_add(CREDIT);
        let m = mug(n);
        let mut gave_up = false;
        let (comparer, budget) = (&mut self.comparer, &mut self.budget);
        let same = |w: &Written| {
            if gave_up || w.mug != m {
                return false;
            }
            comparer.equal(w.noun, n, budget).unwrap_or_else(|| {
                gave_up = true;
                false
            })
        };
        let entry = self
            .pointers
            .entry(mix(u64::from(m)), same, |w| mix(u64::from(w.mug)));
        match entry {
            _ if gave_up => Err(GaveUp),
            Entry::Occupied(e) => Ok(Some(e.get().off)),
            Entry::Vacant(e) => {
                e.insert(Written {
                    noun: n,
                    mug: m,
                    off: pos,
                });
                Ok(None)
            }
        }
    }
}

impl Dedup for ByMug {
    #[inline]
    fn atom(&mut self, a: Atom, pos: u64) -> Found {
        match direct_value(a) {
            Some(v) => Ok(self.direct.find(v, pos)),
            // An indirect atom has at least 64 bits, more than any offset:
            // always worth entering.
            None => self.pointer(a.as_noun(), pos),
        }
    }

    #[inline]
    fn cell(&mut self, c: Noun, pos: u64) -> Found {
        self.pointer(c, pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::Heap;

    #[test]
    fn cells_compare_by_structure() {
        let mut h = Heap::with_defaults().expect("heap");
        let a = h.cell(Noun::direct(1), Noun::direct(2));
        let b = h.cell(Noun::direct(1), Noun::direct(2));
        let c = h.cell(Noun::direct(2), Noun::direct(1));
        let mut s = ByMug::default();
        assert_eq!(s.cell(a, 10), Ok(None));
        assert_eq!(s.cell(b, 20), Ok(Some(10)));
        assert_eq!(s.cell(c, 30), Ok(None));
        assert_eq!(s.cell(c, 40), Ok(Some(30)));
        let big = h.atom_from_words(&[1, 2]).as_atom().expect("atom");
        let big2 = h.atom_from_words(&[1, 2]).as_atom().expect("atom");
        assert_eq!(s.atom(big, 7), Ok(None));
        assert_eq!(s.atom(big2, 9), Ok(Some(7)));
    }

    #[test]
    fn gives_up_on_long_walks() {
        let mut h = Heap::with_defaults().expect("heap");
        let doubling = |h: &mut Heap| {
            let mut n = Noun::direct(3);
            for _ in 0..64 {
                n = h.cell(n, n);
            }
            n
        };
        let a = doubling(&mut h);
        let b = doubling(&mut h);
        let mut s = ByMug::default();
        assert_eq!(s.cell(a, 0), Ok(None));
        assert_eq!(s.cell(b, 100), Err(GaveUp));
    }
}
