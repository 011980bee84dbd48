//! `++mask` (`k140/one/two/tri/qua/mask/fun`): match a character in a
//! list. The jet is on the inner gate `fun` (`|=  tub=nail`); `bud`, the
//! sample of `mask`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Noun};

use super::nail::{fail, is_null, next, OUTER};
use crate::util::{pair, sample, slot};

/// `((mask bud) tub)`: the first character if `bud` has it (`lien`, with
/// `=`), else a failure at `p.tub`. As in `lien`, a list ending in an atom
/// other than `~` crashes when the walk reaches it (vere's jet stops
/// there).
pub fn mask(rt: &mut Runtime, bud: Noun, tub: Noun) -> Result<Noun, JetError> {
    let (p, q) = pair(tub)?;
    if is_null(q) {
        return fail(&mut rt.heap, tub);
    }
    let mut bud = bud;
    while !is_null(bud) {
        let (i, t) = pair(bud)?;
        // `i.q.tub` is read by `lien`'s gate, so only for a nonempty `bud`.
        let (c, _) = pair(q)?;
        if noun_eq(c, i) {
            return next(&mut rt.heap, p, q);
        }
        bud = t;
    }
    fail(&mut rt.heap, tub)
}

/// `|=  tub=nail` in a core whose `bud` is at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let tub = sample(core)?;
    let bud = slot(core, OUTER)?;
    mask(rt, bud, tub)
}
