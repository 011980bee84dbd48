//! Structural equality of nouns, iterative, with two shortcuts: identical
//! words are equal, and two cached mugs that differ prove inequality.
//!
//! Two separately built copies of a noun with shared structure (a DAG) would
//! take time exponential in its depth to compare naively. After a budget of
//! steps the comparison therefore remembers every pair of cells it has
//! started on and skips a pair seen before: if the first visit ends in a
//! difference the whole answer is "unequal" anyway, and otherwise the pair is
//! equal. That keeps the cost linear in the number of distinct pairs.

use std::collections::HashSet;

use crate::noun::Noun;

/// Steps before pairs start being remembered.
const PLAIN_STEPS: usize = 4096;

/// Are `a` and `b` the same noun?
pub fn noun_eq(a: Noun, b: Noun) -> bool {
    let mut stack: Vec<(Noun, Noun)> = Vec::new();
    let (mut a, mut b) = (a, b);
    let mut steps = 0usize;
    let mut seen: Option<HashSet<(u64, u64)>> = None;
    loop {
        if !a.same(b) {
            match (a.as_cell(), b.as_cell()) {
                (Some(x), Some(y)) => {
                    if let (Some(m), Some(n)) = (a.cached_mug(), b.cached_mug()) {
                        if m != n {
                            return false;
                        }
                    }
                    steps += 1;
                    if steps > PLAIN_STEPS {
                        let set = seen.get_or_insert_with(HashSet::new);
                        if !set.insert((a.raw(), b.raw())) {
                            match stack.pop() {
                                Some((x, y)) => {
                                    a = x;
                                    b = y;
                                    continue;
                                }
                                None => return true,
                            }
                        }
                    }
                    stack.push((x.tail(), y.tail()));
                    a = x.head();
                    b = y.head();
                    continue;
                }
                (None, None) => {
                    // Atoms are normalised: a direct atom never equals an
                    // indirect one, and indirect ones are equal iff their
                    // words are.
                    if a.is_direct() || b.is_direct() {
                        return false;
                    }
                    let (x, y) = (a.as_atom(), b.as_atom());
                    match (x, y) {
                        (Some(x), Some(y)) if x.words() == y.words() => {}
                        _ => return false,
                    }
                }
                _ => return false,
            }
        }
        match stack.pop() {
            Some((x, y)) => {
                a = x;
                b = y;
            }
            None => return true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;

    #[test]
    fn equality() {
        let mut h = Heap::with_defaults().expect("heap");
        let big1 = h.atom_from_words(&[1, 2]);
        let big2 = h.atom_from_words(&[1, 2]);
        let big3 = h.atom_from_words(&[1, 3]);
        assert!(noun_eq(big1, big2));
        assert!(!noun_eq(big1, big3));
        let c1 = h.tuple(&[big1, Noun::ONE, Noun::ZERO]);
        let c2 = h.tuple(&[big2, Noun::ONE, Noun::ZERO]);
        let c3 = h.tuple(&[big2, Noun::ONE, Noun::ONE]);
        assert!(noun_eq(c1, c2));
        assert!(!noun_eq(c1, c3));
        assert!(!noun_eq(c1, Noun::ZERO));
        crate::mug(c1);
        crate::mug(c3);
        assert!(!noun_eq(c1, c3));
    }

    #[test]
    fn separate_copies_of_shared_structure_compare_in_linear_time() {
        let mut h = Heap::with_defaults().expect("heap");
        // n = [n' n'] 200 levels deep: 2^200 leaves as a tree, 200 cells as a DAG.
        let (mut a, mut b) = (Noun::ONE, Noun::ONE);
        for _ in 0..200 {
            a = h.cell(a, a);
            b = h.cell(b, b);
        }
        assert!(noun_eq(a, b));
        let c = h.cell(b, Noun::ZERO);
        let d = h.cell(a, Noun::ONE);
        assert!(!noun_eq(c, d));
    }

    #[test]
    fn deep_equality_is_iterative() {
        let mut h = Heap::with_defaults().expect("heap");
        let (mut a, mut b) = (Noun::ZERO, Noun::ZERO);
        for i in 0..500_000 {
            a = h.cell(a, Noun::direct(i));
            b = h.cell(b, Noun::direct(i));
        }
        assert!(noun_eq(a, b));
    }
}
