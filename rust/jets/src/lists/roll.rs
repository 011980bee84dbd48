//! `++roll` (`k140/one/two/roll`): left fold.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::next;
use crate::util::{sample2, slot};

/// Axis of the accumulator in a fold gate (`+<+`, the tail of its sample).
pub(crate) const ACC: u64 = 13;

/// `b` slammed on `[i acc]` for each item `i` of `a`, first to last,
/// starting from `+<+.b` (`%exit` if `b` has no axis 13, even for an empty
/// list, where the Hoon reads it too). `%exit` where the list ends in an
/// atom other than `~`, after the items before it, as in the Hoon.
pub fn roll(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let acc = slot(b, ACC)?;
    // Kept across each slam: the gate, the rest of the list, the
    // accumulator.
    let mut live = [b, a, acc];
    while let Some((i, t)) = next(live[1])? {
        live[1] = t;
        let sam = rt.heap.cell(i, live[2]);
        let gate = live[0];
        live[2] = rt.slam_keeping(gate, sam, &mut live)?;
    }
    Ok(live[2])
}

/// `|*  [a=(list) b=_=>(~ |=([* *] +<+))]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    roll(rt, a, b)
}
