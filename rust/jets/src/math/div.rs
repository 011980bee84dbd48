//! `++div`: unsigned division; crashes on a zero divisor.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::big;
use crate::util::{atom, cmp, direct, is_zero, sample2, small};

/// `a / b`, or `%exit` for `b = 0`.
pub fn div(heap: &mut Heap, a: Atom, b: Atom) -> Result<Noun, JetError> {
    if is_zero(b) {
        return Err(JetError::Exit);
    }
    if let (Some(x), Some(y)) = (direct(a), direct(b)) {
        return Ok(Noun::direct(x / y));
    }
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return Ok(heap.atom_u64(x / y));
    }
    if cmp(a, b).is_lt() {
        return Ok(Noun::ZERO);
    }
    Ok(big::div_rem(heap, a, b).0)
}

/// `|:  [a=`@`1 b=`@`1]`. vere exits on any cell (the Hoon would give 0
/// for `(div 0 [x y])`: a sample no typed caller can build).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, b) = (atom(a)?, atom(b)?);
    div(&mut rt.heap, a, b)
}
