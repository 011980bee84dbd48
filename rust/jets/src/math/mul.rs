//! `++mul`: unsigned multiplication.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::big;
use crate::util::{atom, direct, is_zero, sample2, small};

/// `a * b`.
pub fn mul(heap: &mut Heap, a: Atom, b: Atom) -> Noun {
    if let (Some(x), Some(y)) = (direct(a), direct(b)) {
        return heap.atom_u128(u128::from(x) * u128::from(y));
    }
    if is_zero(a) || is_zero(b) {
        return Noun::ZERO;
    }
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return heap.atom_u128(u128::from(x) * u128::from(y));
    }
    big::mul(heap, a, b)
}

/// `|:  [a=`@`1 b=`@`1]`. The Hoon gives 0 when `a` is 0 whatever `b` is.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let a = atom(a)?;
    if is_zero(a) {
        return Ok(Noun::ZERO);
    }
    Ok(mul(&mut rt.heap, a, atom(b)?))
}
