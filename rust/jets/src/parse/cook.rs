//! `++cook` (`k140/one/two/tri/qua/cook/fun`): apply a gate to a rule's
//! result. The jet is on the inner gate `fun` (`|=  tub=nail`); `[poq
//! sef]`, the sample of `cook`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, outer2, success, unit_pq, Nest};
use crate::util::{pair, sample};

/// `((cook poq sef) tub)`.
pub fn cook(rt: &mut Runtime, poq: Noun, sef: Noun, tub: Noun) -> Result<Noun, JetError> {
    let mut live = [poq];
    let vex = rt.slam_keeping(sef, tub, &mut live)?;
    let [poq] = live;
    let (p_vex, q_vex) = pair(vex)?;
    if is_null(q_vex) {
        return Ok(vex);
    }
    let (puq_vex, quq_vex) = unit_pq(q_vex)?;
    let mut live = [p_vex, quq_vex];
    let wag = rt.slam_keeping(poq, puq_vex, &mut live)?;
    let [p_vex, quq_vex] = live;
    Ok(success(&mut rt.heap, p_vex, wag, quq_vex))
}

/// `|=  tub=nail` in a core whose `[poq sef]` is at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let tub = sample(core)?;
    let (poq, sef) = outer2(core)?;
    cook(rt, poq, sef, tub)
}
