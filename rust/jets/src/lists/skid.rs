//! `++skid` (`k140/one/two/skid`): split a list by a test gate.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::{loobean, next, unstack};
use crate::util::sample2;

/// `[p q]`: the items `i` of `a` for which `(b i)` is `%.y`, and those for
/// which it is `%.n`, each in order. `%exit` where a product is not a
/// loobean, or where the list ends in an atom other than `~`.
///
/// Slammed first to last, as vere's `u3qb_skid`. The Hoon (`=+
/// c=$(a t.a)` before `(b i.a)`) slams last to first, and so meets a
/// malformed end before any slam: both crash there, and with a gate that
/// is a function, as every Nock gate is, the products are the same.
pub fn skid(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    // Kept across each slam: the gate, the rest of the list, the accepted
    // and rejected items so far (newest first), the item being tested.
    let mut live = [b, a, Noun::NULL, Noun::NULL, Noun::NULL];
    while let Some((i, t)) = next(live[1])? {
        live[1] = t;
        live[4] = i;
        let gate = live[0];
        let p = rt.slam_keeping(gate, i, &mut live)?;
        let side = if loobean(p)? { 2 } else { 3 };
        live[side] = rt.heap.cell(live[4], live[side]);
    }
    let [_, _, yes, no, _] = live;
    let no = unstack(&mut rt.heap, no, Noun::NULL);
    // No collection between allocations: `yes` is still good.
    let yes = unstack(&mut rt.heap, yes, Noun::NULL);
    Ok(rt.heap.cell(yes, no))
}

/// `|*  [a=(list) b=$-(* ?)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    skid(rt, a, b)
}
