//! The bridge to the bignum crate (`dashu-int`), used only where an
//! operand does not fit in 64 bits and the operation is not a linear word
//! loop (`mul`, `div`, `mod`, `dvr`). Atoms and `UBig` share the layout:
//! little-endian `u64` words, so both directions are one copy.

use dashu_int::ops::DivRem;
use dashu_int::UBig;
use mars_noun::{Atom, Heap, Noun};

/// An atom as a `UBig`.
#[inline]
pub fn from_atom(a: Atom) -> UBig {
    UBig::from_words(a.words())
}

/// A `UBig` as an atom.
#[inline]
pub fn to_noun(heap: &mut Heap, n: &UBig) -> Noun {
    heap.atom_from_words(n.as_words())
}

/// `a * b`.
pub fn mul(heap: &mut Heap, a: Atom, b: Atom) -> Noun {
    let p = from_atom(a) * from_atom(b);
    to_noun(heap, &p)
}

/// `(a / b, a % b)` for `b != 0`.
pub fn div_rem(heap: &mut Heap, a: Atom, b: Atom) -> (Noun, Noun) {
    let (q, r) = from_atom(a).div_rem(from_atom(b));
    (to_noun(heap, &q), to_noun(heap, &r))
}
