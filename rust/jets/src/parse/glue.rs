//! `++glue` (`k140/one/two/tri/qua/glue/fun`): first then second rule with
//! the rule `bus` between them, `(plug vex ;~(pfix bus sab))`. The jet is
//! on the inner gate `fun` (`|*  [vex=edge sab=rule]`); `bus`, the sample
//! of `glue`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, last, success, unit_pq, Nest, OUTER};
use crate::util::{pair, sample2, slot};

/// `((glue bus) vex sab)`. The hairs are chosen as the Hoon chooses them,
/// `(last p.vex (last p.bus p.sab))` (vere: `(last (last p.vex p.bus)
/// p.sab)`, the same hair).
pub fn glue(rt: &mut Runtime, bus: Noun, vex: Noun, sab: Noun) -> Result<Noun, JetError> {
    // `;~(pfix bus sab)` is built before `plug` looks at `vex`, reading
    // the sample of `bus`; `sab`'s sample is edited to the nail only
    // when that gate is slammed, after `bus` has run.
    slot(bus, 6)?;
    let (p_vex, q_vex) = pair(vex)?;
    if is_null(q_vex) {
        return Ok(vex);
    }
    let (puq_vex, quq_vex) = unit_pq(q_vex)?;
    // `pfix`: `bus`, then `sab` on the rest.
    let mut live = [p_vex, puq_vex, sab];
    let bux = rt.slam_keeping(bus, quq_vex, &mut live)?;
    let [mut p_vex, mut puq_vex, sab] = live;
    slot(sab, 6)?;
    let (p_bux, q_bux) = pair(bux)?;
    let (p_yit, q_yit) = if is_null(q_bux) {
        (p_bux, q_bux)
    } else {
        let (_, quq_bux) = unit_pq(q_bux)?;
        let mut live = [p_vex, puq_vex, p_bux];
        let wam = rt.slam_keeping(sab, quq_bux, &mut live)?;
        let p_bux;
        [p_vex, puq_vex, p_bux] = live;
        let (p_wam, q_wam) = pair(wam)?;
        // `pfix` rebuilds a successful unit, which `plug` reads back.
        (last(p_bux, p_wam)?, q_wam)
    };
    // `plug`.
    let yur = last(p_vex, p_yit)?;
    if is_null(q_yit) {
        return Ok(rt.heap.cell(yur, q_yit));
    }
    let (puq_yit, quq_yit) = unit_pq(q_yit)?;
    let res = rt.heap.cell(puq_vex, puq_yit);
    Ok(success(&mut rt.heap, yur, res, quq_yit))
}

/// `|*  [vex=edge sab=rule]` in a core whose `bus` is at axis 30 (which a
/// matched core always has: its parent `glue` at axis 7 has a parent at
/// its own axis 7).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let (vex, sab) = sample2(core)?;
    let bus = slot(core, OUTER)?;
    glue(rt, bus, vex, sab)
}
