//! Structural equality on a budget, for jam's fast table.
//!
//! Like `mars_noun::noun_eq` (a walk that skips identical words), with two
//! differences. Every pair of cells compares mugs first: in jam every
//! reachable cell's mug is computed (and cached in its header) when the root
//! is first hashed, so this is a header read that rejects almost every
//! unequal pair at once. And every pair of cells costs one unit of a budget:
//! when it runs out the walk stops without an answer.
//!
//! The budget matters because a walk can be long for no benefit: two equal
//! but distinct copies that share subtrees internally (a DAG, like anything
//! cue or a computation builds) can be exponentially larger as trees; and in
//! a long list of equal elements the mugs of the list's suffixes cycle (a
//! 31-bit hash iterated), so unequal suffixes with equal mugs agree for a
//! long way down. jam then switches to the interned table, which never walks.

use mars_noun::{mug, Noun};

/// Reusable stack for [`Comparer::equal`].
#[derive(Debug, Default)]
pub(crate) struct Comparer {
    stack: Vec<(Noun, Noun)>,
}

impl Comparer {
    /// Are `a` and `b` the same noun? `None` if deciding would cost more
    /// than `budget` cell pairs (what was spent is taken from `budget`).
    pub(crate) fn equal(&mut self, a: Noun, b: Noun, budget: &mut u64) -> Option<bool> {
        self.stack.clear();
        self.stack.push((a, b));
        while let Some((x, y)) = self.stack.pop() {
            if x.same(y) {
                continue;
            }
            match (x.cell_parts(), y.cell_parts()) {
                (Some((xh, xt)), Some((yh, yt))) => {
                    if mug(x) != mug(y) {
                        return Some(false);
                    }
                    if *budget == 0 {
                        return None;
                    }
                    *budget -= 1;
                    self.stack.push((xt, yt));
                    self.stack.push((xh, yh));
                }
                (None, None) => {
                    // Atoms are normalised: different words, different atoms.
                    let (Some(p), Some(q)) = (x.as_atom(), y.as_atom()) else {
                        return Some(false);
                    };
                    if x.is_direct() || y.is_direct() || p.words() != q.words() {
                        return Some(false);
                    }
                }
                _ => return Some(false),
            }
        }
        Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::Heap;

    /// A noun of 2^depth leaves as a tree but `depth` cells as a DAG.
    fn doubling(heap: &mut Heap, depth: usize, leaf: u64) -> Noun {
        let mut n = Noun::direct(leaf);
        for _ in 0..depth {
            n = heap.cell(n, n);
        }
        n
    }

    #[test]
    fn basics() {
        let mut h = Heap::with_defaults().expect("heap");
        let mut c = Comparer::default();
        let mut budget = 100;
        let big1 = h.atom_from_words(&[1, 2]);
        let big2 = h.atom_from_words(&[1, 2]);
        let big3 = h.atom_from_words(&[1, 3]);
        assert_eq!(c.equal(big1, big2, &mut budget), Some(true));
        assert_eq!(c.equal(big1, big3, &mut budget), Some(false));
        assert_eq!(c.equal(big1, Noun::direct(1), &mut budget), Some(false));
        let x = h.tuple(&[big1, Noun::ONE, Noun::ZERO]);
        let y = h.tuple(&[big2, Noun::ONE, Noun::ZERO]);
        let z = h.tuple(&[big2, Noun::ONE, Noun::ONE]);
        assert_eq!(c.equal(x, y, &mut budget), Some(true));
        assert_eq!(budget, 98);
        assert_eq!(c.equal(x, z, &mut budget), Some(false));
        assert_eq!(c.equal(x, Noun::ZERO, &mut budget), Some(false));
        assert_eq!(c.equal(Noun::ZERO, x, &mut budget), Some(false));
    }

    #[test]
    fn long_walks_give_up() {
        let mut h = Heap::with_defaults().expect("heap");
        let mut c = Comparer::default();
        let a = doubling(&mut h, 100, 7);
        let b = doubling(&mut h, 100, 7);
        let mut budget = 10_000;
        assert_eq!(c.equal(a, b, &mut budget), None);
        assert_eq!(budget, 0);
        // Unequal mugs answer at once, budget or not.
        let d = doubling(&mut h, 100, 8);
        assert_eq!(c.equal(a, d, &mut budget), Some(false));
    }
}
