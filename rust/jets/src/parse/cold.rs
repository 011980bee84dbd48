//! `++cold` (`k140/one/two/tri/qua/cold/fun`): replace a rule's result
//! with a constant. The jet is on the inner gate `fun` (`|=  tub=nail`);
//! `[cus sef]`, the sample of `cold`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, outer2, success, unit_pq, Nest};
use crate::util::{pair, sample};

/// `((cold cus sef) tub)`.
pub fn cold(rt: &mut Runtime, cus: Noun, sef: Noun, tub: Noun) -> Result<Noun, JetError> {
    let mut live = [cus];
    let vex = rt.slam_keeping(sef, tub, &mut live)?;
    let [cus] = live;
    let (p_vex, q_vex) = pair(vex)?;
    if is_null(q_vex) {
        return Ok(vex);
    }
    let (_, quq_vex) = unit_pq(q_vex)?;
    Ok(success(&mut rt.heap, p_vex, cus, quq_vex))
}

/// `|=  tub=nail` in a core whose `[cus sef]` is at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let tub = sample(core)?;
    let (cus, sef) = outer2(core)?;
    cold(rt, cus, sef, tub)
}
