//! jam's robust table: every distinct value gets a number first.
//!
//! A first pass over the noun (post-order, each object once) interns every
//! value: a direct atom is its own key; an indirect atom is numbered by its
//! words; a cell by the pair of its head's and tail's keys. Two nouns are
//! then equal iff their keys are, so jam's lookups never compare nouns, and
//! the cost is linear in the number of distinct objects however they share.
//! It is slower than [`ByMug`](crate::by_mug::ByMug) on ordinary nouns (a
//! hash lookup per object in the first pass and one per noun in jam), so it
//! is the fallback.

use std::collections::HashMap;

use hashbrown::HashTable;
use mars_noun::{mug, Atom, Noun};

use crate::dedup::{direct_value, mix, Dedup, DirectAtoms, Found, WordBuildHasher};

/// Keys of interned values have this bit set; direct atoms are their own
/// keys (below 2^63).
const INTERNED: u64 = 1 << 63;
/// No offset yet.
const UNSEEN: u64 = u64::MAX;

/// The robust table (see the module doc).
#[derive(Debug, Default)]
pub(crate) struct Interned {
    /// Key of each pointer noun reachable from the root, by its word.
    keys: HashMap<u64, u64, WordBuildHasher>,
    /// Offset of the first copy of each interned value, by number.
    offsets: Vec<u64>,
    direct: DirectAtoms,
}

impl Interned {
    /// Intern every value reachable from `root`.
    pub(crate) fn new(root: Noun) -> Interned {
        let mut t = Interned::default();
        let mut cells: HashMap<(u64, u64), u64, WordBuildHasher> = HashMap::default();
        let mut atoms: HashTable<(Noun, u64)> = HashTable::new();
        let mut stack = vec![root];
        while let Some(&n) = stack.last() {
            if n.is_direct() || t.keys.contains_key(&n.raw()) {
                stack.pop();
                continue;
            }
            let next = INTERNED | t.offsets.len() as u64;
            let key = match n.cell_parts() {
                None => {
                    let Some(atom) = n.as_atom() else {
                        unreachable!("a noun is a cell or an atom")
                    };
                    let words = atom.words();
                    let hash = mix(u64::from(mug(n)));
                    let same = |e: &(Noun, u64)| e.0.as_atom().is_some_and(|a| a.words() == words);
                    atoms
                        .entry(hash, same, |e| mix(u64::from(mug(e.0))))
                        .or_insert((n, next))
                        .get()
                        .1
                }
                Some((h, t_)) => {
                    let (hk, tk) = (t.key(h), t.key(t_));
                    let (Some(hk), Some(tk)) = (hk, tk) else {
                        if tk.is_none() {
                            stack.push(t_);
                        }
                        if hk.is_none() {
                            stack.push(h);
                        }
                        continue;
                    };
                    *cells.entry((hk, tk)).or_insert(next)
                }
            };
            if key == next {
                t.offsets.push(UNSEEN);
            }
            t.keys.insert(n.raw(), key);
            stack.pop();
        }
        t
    }

    /// The key of `n`, if interned (direct atoms always are).
    #[inline]
    fn key(&self, n: Noun) -> Option<u64> {
        match n.as_direct() {
            Some(v) => Some(v),
            None => self.keys.get(&n.raw()).copied(),
        }
    }

    /// The first offset of the interned value of the pointer noun `n`, or
    /// `None` after recording `pos` as its first.
    #[inline]
    fn pointer(&mut self, n: Noun, pos: u64) -> Option<u64> {
        let key = self
            .keys
            .get(&n.raw())
            .copied()
            .unwrap_or_else(|| unreachable!("every pointer noun below the root was interned"));
        let slot = &mut self.offsets[(key & !INTERNED) as usize];
        if *slot == UNSEEN {
            *slot = pos;
            None
        } else {
            Some(*slot)
        }
    }
}

impl Dedup for Interned {
    #[inline]
    fn atom(&mut self, a: Atom, pos: u64) -> Found {
        Ok(match direct_value(a) {
            Some(v) => self.direct.find(v, pos),
            None => self.pointer(a.as_noun(), pos),
        })
    }

    #[inline]
    fn cell(&mut self, c: Noun, pos: u64) -> Found {
        Ok(self.pointer(c, pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::Heap;

    #[test]
    fn equal_values_share_a_key() {
        let mut h = Heap::with_defaults().expect("heap");
        let big1 = h.atom_from_words(&[1, 2]);
        let big2 = h.atom_from_words(&[1, 2]);
        let a = h.cell(big1, Noun::direct(2));
        let b = h.cell(big2, Noun::direct(2));
        let c = h.cell(Noun::direct(2), big1);
        let root = h.tuple(&[a, b, c]);
        let mut t = Interned::new(root);
        assert_eq!(t.key(a), t.key(b));
        assert_ne!(t.key(a), t.key(c));
        assert_eq!(t.key(big1), t.key(big2));
        assert_eq!(t.key(Noun::direct(5)), Some(5));
        assert_eq!(t.cell(a, 10), Ok(None));
        assert_eq!(t.cell(b, 20), Ok(Some(10)));
        assert_eq!(t.atom(big2.as_atom().expect("atom"), 30), Ok(None));
        assert_eq!(t.atom(big1.as_atom().expect("atom"), 40), Ok(Some(30)));
    }
}
