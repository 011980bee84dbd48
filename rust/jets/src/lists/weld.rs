//! `++weld` (`k140/one/two/weld`): concatenate two lists.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use super::{build, items};
use crate::util::sample2;

/// The items of `a`, then `b` as it is (never walked, as in the Hoon);
/// `%exit` if `a` ends in an atom other than `~`.
pub fn weld(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let items = items(a)?;
    Ok(build(heap, &items, b))
}

/// `|*  [a=(list) b=(list)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    weld(&mut rt.heap, a, b)
}
