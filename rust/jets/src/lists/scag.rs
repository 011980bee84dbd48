//! `++scag` (`k140/one/two/scag`): the first items of a list.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use super::{build, next};
use crate::util::{is_zero_noun, sample2};

/// The first `a` items of `b` (all of them if it has fewer), ending in
/// `~`. `~` if `b` is `~` (whatever `a`) or `a` is 0 (whatever `b`);
/// `%exit` if `a` is a cell and `b` is not `~` (vere's wrapper), or if the
/// walk meets an atom other than `~`.
///
/// Exact at any count: vere bails `%fail` on counts of 2^31 and up; the
/// Hoon copies the whole list, as here.
pub fn scag(heap: &mut Heap, a: Noun, mut b: Noun) -> Result<Noun, JetError> {
    if is_zero_noun(b) {
        return Ok(Noun::NULL);
    }
    let a = a.as_atom().ok_or(JetError::Exit)?;
    // A count past 2^64 is more than any list has.
    let mut n = a.as_u64().unwrap_or(u64::MAX);
    let mut out = Vec::new();
    while n > 0 {
        let Some((i, t)) = next(b)? else { break };
        out.push(i);
        b = t;
        n -= 1;
    }
    Ok(build(heap, &out, Noun::NULL))
}

/// `|*  [a=@ b=(list)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    scag(&mut rt.heap, a, b)
}
