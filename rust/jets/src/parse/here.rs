//! `++here` (`k140/one/two/tri/qua/here/fun`): apply a gate to a rule's
//! result and the span it parsed. The jet is on the inner gate `fun`
//! (`|=  tub=nail`); `[hez sef]`, the sample of `here`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, outer2, success, unit_pq, Nest};
use crate::util::{pair, sample};

/// `((here hez sef) tub)`: the result is `(hez [p.tub p.q.u.q.vex]
/// p.u.q.vex)`, the gate given the span from the start hair to the hair
/// of the rest.
pub fn here(rt: &mut Runtime, hez: Noun, sef: Noun, tub: Noun) -> Result<Noun, JetError> {
    let mut live = [hez, tub];
    let vex = rt.slam_keeping(sef, tub, &mut live)?;
    let [hez, tub] = live;
    let (p_vex, q_vex) = pair(vex)?;
    if is_null(q_vex) {
        return Ok(vex);
    }
    let (puq_vex, quq_vex) = unit_pq(q_vex)?;
    let (p_tub, _) = pair(tub)?;
    let (pquq_vex, _) = pair(quq_vex)?;
    let pint = rt.heap.cell(p_tub, pquq_vex);
    let sam = rt.heap.cell(pint, puq_vex);
    let mut live = [p_vex, quq_vex];
    let wag = rt.slam_keeping(hez, sam, &mut live)?;
    let [p_vex, quq_vex] = live;
    Ok(success(&mut rt.heap, p_vex, wag, quq_vex))
}

/// `|=  tub=nail` in a core whose `[hez sef]` is at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let tub = sample(core)?;
    let (hez, sef) = outer2(core)?;
    here(rt, hez, sef, tub)
}
