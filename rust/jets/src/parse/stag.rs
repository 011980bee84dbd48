//! `++stag` (`k140/one/two/tri/qua/stag/fun`): label a rule's result. The
//! jet is on the inner gate `fun` (`|=  tub=nail`); `[gob sef]`, the sample
//! of `stag`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, outer2, success, unit_pq, Nest};
use crate::util::{pair, sample};

/// `((stag gob sef) tub)`: the result is `[gob result]`.
pub fn stag(rt: &mut Runtime, gob: Noun, sef: Noun, tub: Noun) -> Result<Noun, JetError> {
    let mut live = [gob];
    let vex = rt.slam_keeping(sef, tub, &mut live)?;
    let [gob] = live;
    let (p_vex, q_vex) = pair(vex)?;
    if is_null(q_vex) {
        return Ok(vex);
    }
    let (puq_vex, quq_vex) = unit_pq(q_vex)?;
    let res = rt.heap.cell(gob, puq_vex);
    Ok(success(&mut rt.heap, p_vex, res, quq_vex))
}

/// `|=  tub=nail` in a core whose `[gob sef]` is at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let tub = sample(core)?;
    let (gob, sef) = outer2(core)?;
    stag(rt, gob, sef, tub)
}
