//! `++plug` (`k140/one/two/tri/qua/plug`): first then second rule, both
//! results as a cell.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, last, success, unit_pq, Nest};
use crate::util::{pair, sample2};

/// `(plug vex sab)`: if `vex` parsed, `sab` on the rest of its nail; the
/// farther hair, and `[p.u.q.vex p.u.q.yit]` if both parsed.
pub fn plug(rt: &mut Runtime, vex: Noun, sab: Noun) -> Result<Noun, JetError> {
    let (p_vex, q_vex) = pair(vex)?;
    if is_null(q_vex) {
        return Ok(vex);
    }
    let (puq_vex, quq_vex) = unit_pq(q_vex)?;
    let mut live = [p_vex, puq_vex];
    let yit = rt.slam_keeping(sab, quq_vex, &mut live)?;
    let [p_vex, puq_vex] = live;
    let (p_yit, q_yit) = pair(yit)?;
    let yur = last(p_vex, p_yit)?;
    if is_null(q_yit) {
        return Ok(rt.heap.cell(yur, q_yit));
    }
    let (puq_yit, quq_yit) = unit_pq(q_yit)?;
    let res = rt.heap.cell(puq_vex, puq_yit);
    Ok(success(&mut rt.heap, yur, res, quq_yit))
}

/// `|*  [vex=edge sab=rule]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let (vex, sab) = sample2(core)?;
    plug(rt, vex, sab)
}
