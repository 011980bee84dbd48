//! `++skip` (`k140/one/two/skip`): the items a test gate rejects.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::skim::filter;
use crate::util::sample2;

/// `?:((b i.a) $(a t.a) [i.a $(a t.a)])`: the items `i` of `a` for which
/// `(b i)` is `%.n`, in order; slammed first to last. `%exit` where a
/// product is not a loobean or the list ends in an atom other than `~`.
pub fn skip(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    filter(rt, a, b, false)
}

/// `|*  [a=(list) b=$-(* ?)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    skip(rt, a, b)
}
