//! `++turn` (`k140/one/two/turn`): a gate on each item of a list.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::{next, unstack};
use crate::util::{is_zero_noun, sample2};

/// `[(b i.a) $(a t.a)]`: `b` slammed on each item, first to last. `%exit`
/// where the list ends in an atom other than `~` (after the items before
/// it are slammed, as in the Hoon). `~` for `~`, whatever `b`.
pub fn turn(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    if is_zero_noun(a) {
        return Ok(Noun::NULL);
    }
    // Kept across each slam: the gate, the rest of the list, the products
    // so far (newest first).
    let mut live = [b, a, Noun::NULL];
    while let Some((i, t)) = next(live[1])? {
        live[1] = t;
        let gate = live[0];
        let p = rt.slam_keeping(gate, i, &mut live)?;
        live[2] = rt.heap.cell(p, live[2]);
    }
    Ok(unstack(&mut rt.heap, live[2], Noun::NULL))
}

/// `|*  [a=(list) b=gate]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    turn(rt, a, b)
}
