//! `++skim` (`k140/one/two/skim`): the items a test gate accepts.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::{loobean, next, unstack};
use crate::util::sample2;

/// The items `i` of `a` for which `(b i)` is `%.y`, in order. Shared with
/// `skip`: `keep` is the answer whose items are kept.
pub(crate) fn filter(rt: &mut Runtime, a: Noun, b: Noun, keep: bool) -> Result<Noun, JetError> {
    // Kept across each slam: the gate, the rest of the list, the items kept
    // so far (newest first), the item being tested.
    let mut live = [b, a, Noun::NULL, Noun::NULL];
    while let Some((i, t)) = next(live[1])? {
        live[1] = t;
        live[3] = i;
        let gate = live[0];
        let p = rt.slam_keeping(gate, i, &mut live)?;
        if loobean(p)? == keep {
            live[2] = rt.heap.cell(live[3], live[2]);
        }
    }
    Ok(unstack(&mut rt.heap, live[2], Noun::NULL))
}

/// `?:((b i.a) [i.a $(a t.a)] $(a t.a))`: first to last; `%exit` where a
/// product is not a loobean or the list ends in an atom other than `~`.
pub fn skim(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    filter(rt, a, b, true)
}

/// `|*  [a=(list) b=$-(* ?)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    skim(rt, a, b)
}
