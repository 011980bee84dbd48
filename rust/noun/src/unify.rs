//! Equality that unifies: vere's `u3r_sing`.
//!
//! Comparing two equal nouns that are distinct copies costs their whole
//! size, and a runtime compares the same copies again and again (a jet's
//! battery against the registered one at every call, `%memo` keys, Nock 5
//! on big types). [`unify_eq`] compares like [`crate::noun_eq`] and, each
//! time it has proven two distinct sub-nouns equal, points the slot that
//! held one copy at the other. The next comparison of the same copies meets
//! identical words one level down and stops there, and the orphaned copy
//! becomes garbage.
//!
//! Nouns stay immutable as values: only which of two equal copies a slot
//! refers to changes. The one rule is the collector's: an old noun never
//! points to a young one. So a slot is pointed at the *older* copy when
//! they differ in age; when they are the same age either way is safe (two
//! young copies have young parents; anything may point to an old copy).
//! The two nouns passed in are compared, not redirected (their slots are
//! the caller's).

use crate::heap::Heap;
use crate::noun::Noun;

/// A pending comparison, with the slots (heap words, or null for the
/// caller's) that hold each side.
enum Step {
    Compare(Noun, Noun, *mut u64, *mut u64),
    /// Both children of this pair proved equal: unify the pair.
    Unify(Noun, Noun, *mut u64, *mut u64),
}

/// Are `a` and `b` the same noun? Equal sub-nouns found on the way are
/// unified (see the module doc).
pub fn unify_eq(heap: &Heap, a: Noun, b: Noun) -> bool {
    if a.same(b) {
        return true;
    }
    // The work stack is reused from call to call (jet matching compares
    // batteries on every call: allocating a stack each time cost ~10% of
    // the brass boot in malloc and free).
    let mut stack = STACK.with(|s| std::mem::take(&mut *s.borrow_mut()));
    let equal = walk(heap, a, b, &mut stack);
    stack.clear();
    STACK.with(|s| *s.borrow_mut() = stack);
    equal
}

thread_local! {
    static STACK: std::cell::RefCell<Vec<Step>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn walk(heap: &Heap, a: Noun, b: Noun, stack: &mut Vec<Step>) -> bool {
    let null = std::ptr::null_mut();
    stack.push(Step::Compare(a, b, null, null));
    while let Some(step) = stack.pop() {
        match step {
            Step::Compare(x, y, sx, sy) => {
                if x.same(y) {
                    continue;
                }
                match (x.as_cell(), y.as_cell()) {
                    (Some(cx), Some(cy)) => {
                        if let (Some(m), Some(n)) = (x.cached_mug(), y.cached_mug()) {
                            if m != n {
                                return false;
                            }
                        }
                        stack.push(Step::Unify(x, y, sx, sy));
                        stack.push(Step::Compare(
                            cx.tail(),
                            cy.tail(),
                            cx.tail_slot(),
                            cy.tail_slot(),
                        ));
                        stack.push(Step::Compare(
                            cx.head(),
                            cy.head(),
                            cx.head_slot(),
                            cy.head_slot(),
                        ));
                    }
                    (None, None) => {
                        if x.is_direct() || y.is_direct() {
                            return false;
                        }
                        match (x.as_atom(), y.as_atom()) {
                            (Some(p), Some(q)) if p.words() == q.words() => {
                                redirect(heap, x, y, sx, sy);
                            }
                            _ => return false,
                        }
                    }
                    _ => return false,
                }
            }
            Step::Unify(x, y, sx, sy) => redirect(heap, x, y, sx, sy),
        }
    }
    true
}

/// Point one of the slots `sx` (holding `x`) and `sy` (holding `y`) at the
/// other's noun: the younger copy's slot at the older copy.
fn redirect(heap: &Heap, x: Noun, y: Noun, sx: *mut u64, sy: *mut u64) {
    if sx.is_null() || sy.is_null() {
        return;
    }
    let (slot, target) = if heap.is_young(y) && !heap.is_young(x) {
        (sy, x)
    } else {
        (sx, y)
    };
    debug_assert!(
        !heap.is_young(target) || heap.in_nursery(slot as usize),
        "unify would make an old noun point to a young one"
    );
    // SAFETY: `slot` is the head or tail word of a live cell in this heap
    // (taken from `Cell::head_slot`/`tail_slot` of a noun reached from the
    // arguments), heap memory is writable and only this thread touches it.
    // The new value is a live noun equal to the old one, and the age rule
    // above keeps old-to-young pointers impossible.
    unsafe { slot.write(target.raw()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{HeapConfig, Noun};

    fn heap() -> Heap {
        Heap::new(HeapConfig {
            nursery_bytes: 1 << 20,
            limit_bytes: 64 << 20,
            ..HeapConfig::default()
        })
        .expect("heap")
    }

    /// A right comb of `n` cells over big atoms, built fresh.
    fn comb(h: &mut Heap, n: u64) -> Noun {
        let mut t = Noun::ZERO;
        for i in 0..n {
            let a = h.atom_from_words(&[i, 1, 2]);
            t = h.cell(a, t);
        }
        t
    }

    #[test]
    fn equal_copies_are_unified_below_the_top() {
        let mut h = heap();
        let a = comb(&mut h, 100);
        let b = comb(&mut h, 100);
        assert!(!a.same(b));
        assert!(unify_eq(&h, a, b));
        // The top cells are the caller's; one level down they now share.
        let (ah, at) = a.cell_parts().expect("cell");
        let (bh, bt) = b.cell_parts().expect("cell");
        assert!(ah.same(bh) && at.same(bt));
        assert!(crate::noun_eq(a, b));
    }

    #[test]
    fn unequal_nouns_stay_unequal_and_intact() {
        let mut h = heap();
        let a = comb(&mut h, 50);
        let x = h.atom_from_words(&[7, 1, 2]);
        let mut b = Noun::ZERO;
        for i in 0..50u64 {
            let atom = if i == 25 {
                x
            } else {
                h.atom_from_words(&[i, 1, 2])
            };
            b = h.cell(atom, b);
        }
        let before = crate::fmt::render(b, 10_000);
        assert!(!unify_eq(&h, a, b));
        assert_eq!(crate::fmt::render(b, 10_000), before);
        assert!(!crate::noun_eq(a, b));
    }

    #[test]
    fn old_nouns_never_point_to_young_ones() {
        let mut h = heap();
        let old = comb(&mut h, 20);
        let mut roots = [old];
        {
            let mut gc = h.collect(crate::Generation::Minor);
            gc.roots(&mut roots);
            gc.finish();
        }
        let old = roots[0];
        assert!(!h.is_young(old));
        let young = comb(&mut h, 20);
        assert!(h.is_young(young));
        assert!(unify_eq(&h, old, young));
        // The young copy's slots now point into old space; the old copy's
        // slots still point to old nouns.
        let (yh, _) = young.cell_parts().expect("cell");
        let (oh, _) = old.cell_parts().expect("cell");
        assert!(!h.is_young(yh) && !h.is_young(oh));
    }
}
