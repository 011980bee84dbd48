//! `++stir` (`k140/one/two/tri/qua/stir/fun`): parse with a rule as often
//! as it parses, folding the results from the right. The jet is on the
//! inner gate `fun` (`|=  tub=nail`); `[rud raq fel]`, the sample of
//! `stir`, is at axis 30 of it (`rud` at 60, `raq` at 122, `fel` at 123).

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{is_null, last, outer2, success, unit_pq, Nest};
use crate::util::{pair, sample};

/// `((stir rud raq fel) tub)`: `fel` on `tub`, then on the rest, until it
/// fails; then, from the last success back to the first, the hair is the
/// farther of that success's and the one so far (starting with the
/// failure's), and the result is `(raq result so-far)` (starting with
/// `rud`). The rest of the nail is where `fel` failed.
///
/// Iterative, as vere's: the successes wait in a list on the heap (newest
/// first), so a long parse needs no native stack. A `fel` that succeeds
/// without consuming loops until memory runs out, as the Hoon would.
pub fn stir(
    rt: &mut Runtime,
    rud: Noun,
    raq: Noun,
    fel: Noun,
    tub: Noun,
) -> Result<Noun, JetError> {
    // The fourth is the list of `[hair result]` of each success so far,
    // newest first; the fifth the nail `fel` is run on next.
    let mut live = [rud, raq, fel, Noun::ZERO, tub];
    let p_end = loop {
        let (fel, tub) = (live[2], live[4]);
        let vex = rt.slam_keeping(fel, tub, &mut live)?;
        let (p_vex, q_vex) = pair(vex)?;
        if is_null(q_vex) {
            break p_vex;
        }
        let (puq_vex, quq_vex) = unit_pq(q_vex)?;
        let item = rt.heap.cell(p_vex, puq_vex);
        live[3] = rt.heap.cell(item, live[3]);
        live[4] = quq_vex;
    };
    // The fold, newest success first: `[(last p.vex p.wag) [~ (raq
    // p.u.q.vex p.u.q.wag) q.u.q.wag]]`, from `[p-of-the-failure [~ rud
    // tub]]`.
    let [rud, raq, _, done, tub] = live;
    let mut live = [raq, done, p_end, rud, tub];
    while !is_null(live[1]) {
        let (item, rest) = pair(live[1])?;
        let (har, res) = pair(item)?;
        live[2] = last(har, live[2])?;
        live[1] = rest;
        let sam = rt.heap.cell(res, live[3]);
        let raq = live[0];
        live[3] = rt.slam_keeping(raq, sam, &mut live)?;
    }
    let [_, _, p_wag, puq_wag, quq_wag] = live;
    Ok(success(&mut rt.heap, p_wag, puq_wag, quq_wag))
}

/// `|=  tub=nail` in a core whose `[rud raq fel]` is at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let tub = sample(core)?;
    let (rud, rest) = outer2(core)?;
    let (raq, fel) = pair(rest)?;
    stir(rt, rud, raq, fel, tub)
}
