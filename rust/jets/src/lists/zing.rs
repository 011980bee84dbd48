//! `++zing` (`k140/one/two/zing`): concatenate a list of lists.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use super::{build, items, next};
use crate::util::sample;

/// The items of every list of `a` but the last, then the last list as it
/// is. `~` for `~`; `%exit` if `a`, or any list but the last, ends in an
/// atom other than `~`.
///
/// vere's `u3qb_zing` (followed here) never walks the last list. The
/// Hoon (`(welp i.a $(a t.a))`, down to `~`) welds it too, so it crashes
/// where the last list ends in another atom, or is one: `(zing ~[[1 2]])`
/// and `(zing ~[5])` are `[1 2]` and `5` here and in vere, `%exit` in the
/// Hoon. Every product on lists of lists is the Hoon's.
pub fn zing(heap: &mut Heap, a: Noun) -> Result<Noun, JetError> {
    let lists = items(a)?;
    let Some((&last, init)) = lists.split_last() else {
        return Ok(Noun::NULL);
    };
    let mut all = Vec::new();
    for &l in init {
        let mut l = l;
        while let Some((i, t)) = next(l)? {
            all.push(i);
            l = t;
        }
    }
    Ok(build(heap, &all, last))
}

/// `=|  *`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    zing(&mut rt.heap, sample(core)?)
}
