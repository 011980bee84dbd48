//! `++pose` (`k140/one/two/tri/qua/pose`): first or second rule.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, kick, last, Nest};
use crate::util::{pair, sample2};

/// `(pose vex sab)`: `vex` if it parsed, else `(sab)` (the second rule,
/// its sample the nail already, as `;~` builds it) with the farther hair.
pub fn pose(rt: &mut Runtime, vex: Noun, sab: Noun) -> Result<Noun, JetError> {
    let (p_vex, q_vex) = pair(vex)?;
    if !is_null(q_vex) {
        return Ok(vex);
    }
    let mut live = [p_vex];
    let roq = kick(rt, sab, &mut live)?;
    let [p_vex] = live;
    let (p_roq, q_roq) = pair(roq)?;
    let p = last(p_vex, p_roq)?;
    Ok(rt.heap.cell(p, q_roq))
}

/// `|*  [vex=edge sab=rule]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let (vex, sab) = sample2(core)?;
    pose(rt, vex, sab)
}
