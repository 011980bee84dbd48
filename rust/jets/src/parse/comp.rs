//! `++comp` (`k140/one/two/tri/qua/comp/fun`): first then second rule,
//! the results combined by the gate `raq`. The jet is on the inner gate
//! `fun` (`|*  [vex=edge sab=rule]`); `raq`, the sample of `comp`, is at
//! axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, last, success, unit_pq, Nest, OUTER};
use crate::util::{pair, sample2, slot};

/// How the two results of a sequence become one.
#[derive(Clone, Copy)]
pub enum Join {
    /// `(raq a b)`, for a gate `raq`.
    Gate(Noun),
    /// The first (`sfix`).
    First,
    /// The second (`pfix`).
    Second,
}

/// `((comp raq) vex sab)`: if `vex` parsed, `sab` on the rest of its
/// nail; the farther hair, and both results joined if both parsed.
/// `pfix` and `sfix` are this with `raq` the second or the first.
pub fn comp(rt: &mut Runtime, join: Join, vex: Noun, sab: Noun) -> Result<Noun, JetError> {
    let (p_vex, q_vex) = pair(vex)?;
    if is_null(q_vex) {
        return Ok(vex);
    }
    let (puq_vex, quq_vex) = unit_pq(q_vex)?;
    let raq = match join {
        Join::Gate(g) => g,
        _ => Noun::ZERO,
    };
    let mut live = [p_vex, puq_vex, raq];
    let yit = rt.slam_keeping(sab, quq_vex, &mut live)?;
    let [p_vex, puq_vex, raq] = live;
    let (p_yit, q_yit) = pair(yit)?;
    let yur = last(p_vex, p_yit)?;
    if is_null(q_yit) {
        return Ok(rt.heap.cell(yur, q_yit));
    }
    let (puq_yit, quq_yit) = unit_pq(q_yit)?;
    let res = match join {
        Join::First => puq_vex,
        Join::Second => puq_yit,
        Join::Gate(_) => {
            let sam = rt.heap.cell(puq_vex, puq_yit);
            let mut live = [yur, quq_yit];
            let res = rt.slam_keeping(raq, sam, &mut live)?;
            let [yur, quq_yit] = live;
            return Ok(success(&mut rt.heap, yur, res, quq_yit));
        }
    };
    Ok(success(&mut rt.heap, yur, res, quq_yit))
}

/// `|*  [vex=edge sab=rule]` in a core whose `raq` is at axis 30. (A core
/// the jet is matched on always has axis 30: its parent, the `comp` core,
/// is at axis 7 and has a parent of its own at its axis 7.)
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let (vex, sab) = sample2(core)?;
    let raq = slot(core, OUTER)?;
    comp(rt, Join::Gate(raq), vex, sab)
}
