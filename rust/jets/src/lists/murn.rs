//! `++murn` (`k140/one/two/murn`): a gate on each item, keeping the units
//! that are full.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::{next, unstack};
use crate::util::{is_zero_noun, sample2};

/// `u` of each `(b i.a)` that is not `~`, first to last. `%exit` where a
/// product is an atom other than `~` (the Hoon's `+.c`), or where the list
/// ends in an atom other than `~`.
pub fn murn(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    // Kept across each slam: the gate, the rest of the list, the values so
    // far (newest first).
    let mut live = [b, a, Noun::NULL];
    while let Some((i, t)) = next(live[1])? {
        live[1] = t;
        let gate = live[0];
        let p = rt.slam_keeping(gate, i, &mut live)?;
        if !is_zero_noun(p) {
            let (_, u) = p.cell_parts().ok_or(JetError::Exit)?;
            live[2] = rt.heap.cell(u, live[2]);
        }
    }
    Ok(unstack(&mut rt.heap, live[2], Noun::NULL))
}

/// `|*  [a=(list) b=$-(* (unit))]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    murn(rt, a, b)
}
