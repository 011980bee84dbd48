//! `++flop` (`k140/one/two/flop`): reverse a list.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use super::next;
use crate::util::sample;

/// The items of `a` in reverse order; `%exit` if `a` ends in an atom other
/// than `~` (the Hoon's `t.a`).
pub fn flop(heap: &mut Heap, mut a: Noun) -> Result<Noun, JetError> {
    let mut out = Noun::NULL;
    while let Some((i, t)) = next(a)? {
        out = heap.cell(i, out);
        a = t;
    }
    Ok(out)
}

/// `|*  a=(list)`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    flop(&mut rt.heap, sample(core)?)
}
