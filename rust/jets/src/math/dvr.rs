//! `++dvr`: quotient and remainder, `[p=(div a b) q=(mod a b)]`.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::big;
use crate::util::{atom, cmp, direct, is_zero, sample2, small};

/// `[(div a b) (mod a b)]`, or `%exit` for `b = 0`.
pub fn dvr(heap: &mut Heap, a: Atom, b: Atom) -> Result<Noun, JetError> {
    if is_zero(b) {
        return Err(JetError::Exit);
    }
    let (q, r) = if let (Some(x), Some(y)) = (direct(a), direct(b)) {
        (Noun::direct(x / y), Noun::direct(x % y))
    } else if let (Some(x), Some(y)) = (small(a), small(b)) {
        (heap.atom_u64(x / y), heap.atom_u64(x % y))
    } else if cmp(a, b).is_lt() {
        (Noun::ZERO, a.as_noun())
    } else {
        big::div_rem(heap, a, b)
    };
    Ok(heap.cell(q, r))
}

/// `|=  [a=@ b=@]`; cells crash in `div`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, b) = (atom(a)?, atom(b)?);
    dvr(&mut rt.heap, a, b)
}
