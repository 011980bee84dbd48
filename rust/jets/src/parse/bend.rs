//! `++bend` (`k140/one/two/tri/qua/bend/fun`): conditional composition.
//! The jet is on the inner gate `fun` (`|*  [vex=edge sab=rule]`); `raq`,
//! the sample of `bend`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, last, success, unit_pq, Nest, OUTER};
use crate::util::{pair, sample2, slot};

/// `((bend raq) vex sab)`: as `comp`, but `raq` gives a unit: `~` keeps
/// `vex`'s result and nail (with the farther hair), as does a failed `sab`.
///
/// On `~` from `raq` the pill's Nock crashes instead (`%exit`): `bend/fun`
/// was compiled against the default `raq`, `|*([a=* b=*] [~ u=[a b]])`,
/// whose product is never `~`, so the `?~  vux` branch was compiled away
/// and `u.vux` is read from `~`. vere's jet keeps `vex`, as the Hoon
/// source says; so do we, vere deciding where it and the Nock differ in
/// crashing.
pub fn bend(rt: &mut Runtime, raq: Noun, vex: Noun, sab: Noun) -> Result<Noun, JetError> {
    let (p_vex, q_vex) = pair(vex)?;
    if is_null(q_vex) {
        return Ok(vex);
    }
    let (puq_vex, quq_vex) = unit_pq(q_vex)?;
    let mut live = [p_vex, q_vex, puq_vex, raq];
    let yit = rt.slam_keeping(sab, quq_vex, &mut live)?;
    let [p_vex, q_vex, puq_vex, raq] = live;
    let (p_yit, q_yit) = pair(yit)?;
    let yur = last(p_vex, p_yit)?;
    if is_null(q_yit) {
        return Ok(rt.heap.cell(yur, q_vex));
    }
    let (puq_yit, quq_yit) = unit_pq(q_yit)?;
    let sam = rt.heap.cell(puq_vex, puq_yit);
    let mut live = [yur, q_vex, quq_yit];
    let vux = rt.slam_keeping(raq, sam, &mut live)?;
    let [yur, q_vex, quq_yit] = live;
    if is_null(vux) {
        return Ok(rt.heap.cell(yur, q_vex));
    }
    let (_, u_vux) = pair(vux)?;
    Ok(success(&mut rt.heap, yur, u_vux, quq_yit))
}

/// `|*  [vex=edge sab=rule]` in a core whose `raq` is at axis 30 (which a
/// matched core always has: its parent `bend` at axis 7 has a parent at
/// its own axis 7).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let (vex, sab) = sample2(core)?;
    let raq = slot(core, OUTER)?;
    bend(rt, raq, vex, sab)
}
