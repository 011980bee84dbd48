//! `++reel` (`k140/one/two/reel`): right fold.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::flop::flop;
use super::roll::ACC;
use crate::util::{sample2, slot};

/// `(b i.a $(a t.a))`: `b` slammed on `[i acc]` for each item `i` of `a`,
/// last to first, starting from `+<+.b` (`%exit` if `b` has no axis 13,
/// even for an empty list). `%exit` before any slam if the list ends in an
/// atom other than `~` (the Hoon recurses to the end first). The items
/// are turned around on the heap first, so that the fold is a loop.
pub fn reel(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let acc = slot(b, ACC)?;
    let rev = flop(&mut rt.heap, a)?;
    // Kept across each slam: the gate, the items still to fold (last
    // first), the accumulator.
    let mut live = [b, rev, acc];
    while let Some((i, t)) = live[1].cell_parts() {
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
    reel(rt, a, b)
}
