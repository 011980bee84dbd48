//! `++lent` (`k140/one/two/lent`): the length of a list.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use super::next;
use crate::util::sample;

/// The number of items of `a`; `%exit` if `a` ends in an atom other than
/// `~` (the Hoon's `t.a`, vere's `u3t`).
pub fn lent(heap: &mut Heap, mut a: Noun) -> Result<Noun, JetError> {
    let mut n: u64 = 0;
    while let Some((_, t)) = next(a)? {
        n += 1;
        a = t;
    }
    Ok(heap.atom_u64(n))
}

/// `|=  a=(list)`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    lent(&mut rt.heap, sample(core)?)
}
