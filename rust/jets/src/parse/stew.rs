//! `++stew` (`k140/one/two/tri/qua/stew/fun`): switch on the first
//! character. The jet is on the inner gate `fun` (`|=  tub=nail`), built
//! inside `stew` after `wor` and the search tree `hel`: its context is
//! `[hel wor stew-gate]`, so `hel` is at axis 14 (the `fun` core's parent,
//! the `stew` gate, is at axis 31).

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Noun};

use super::nail::{fail, is_null, Nest};
use crate::math::order;
use crate::util::{pair, sample, slot};

/// Axis of `hel` in the `fun` core.
const HEL: u64 = 14;

/// `((stew leh) tub)` with `leh` built into the tree `hel` of `[key rule]`
/// (a key is a character or an inclusive range `[lo hi]`): the rule of
/// the key the first character matches, slammed on the whole nail; a
/// failure at `p.tub` for an empty tape or no match. The walk and its
/// comparisons are the Hoon's (`=`, `gte`, `lte`, and `wor`'s `lth`, as
/// this crate's jets compare); vere's jet bails `%fail` on a character of
/// 2^31 and up and fails the parse at a range whose bounds are that large.
pub fn stew(rt: &mut Runtime, hel: Noun, tub: Noun) -> Result<Noun, JetError> {
    let (_, q) = pair(tub)?;
    if is_null(q) {
        return fail(&mut rt.heap, tub);
    }
    let mut hel = hel;
    loop {
        if is_null(hel) {
            return fail(&mut rt.heap, tub);
        }
        let (n, lr) = pair(hel)?;
        let (key, rule) = pair(n)?;
        let (c, _) = pair(q)?;
        let hit = match pair(key) {
            Err(_) => noun_eq(key, c),
            Ok((lo, hi)) => order(c, lo)?.is_ge() && order(c, hi)?.is_le(),
        };
        if hit {
            return Ok(rt.slam(rule, tub)?);
        }
        let (l, r) = pair(lr)?;
        hel = if wor(c, key)? { l } else { r };
    }
}

/// `++wor` in `stew`: is the character (or range) `ort` below the key
/// `wan`? An atom stands for itself; a range's upper bound is compared
/// against a key's lower bound.
fn wor(ort: Noun, wan: Noun) -> Result<bool, JetError> {
    let o = match pair(ort) {
        Err(_) => ort,
        Ok((_, hi)) => hi,
    };
    let w = match pair(wan) {
        Err(_) => wan,
        Ok((lo, _)) => lo,
    };
    Ok(order(o, w)?.is_lt())
}

/// `|=  tub=nail` in a core whose `hel` is at axis 14.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let tub = sample(core)?;
    let (_, q) = pair(tub)?;
    if is_null(q) {
        return fail(&mut rt.heap, tub);
    }
    let hel = slot(core, HEL)?;
    stew(rt, hel, tub)
}
