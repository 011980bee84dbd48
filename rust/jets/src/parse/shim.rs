//! `++shim` (`k140/one/two/tri/qua/shim/fun`): match a character in a
//! range. The jet is on the inner gate `fun` (`|=  tub=nail`); `[les mos]`,
//! the sample of `shim`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{fail, first, next, outer2};
use crate::math::order;
use crate::util::sample;

/// `((shim les mos) tub)`: the first character if `les <= c <= mos` (`gte`
/// then, only if that holds, `lte`, as this crate's jets compare), else a
/// failure at `p.tub`. vere's jet bails `%fail` on a character or bound of
/// 2^31 and up; the Hoon compares any atoms, and so do we.
pub fn shim(rt: &mut Runtime, les: Noun, mos: Noun, tub: Noun) -> Result<Noun, JetError> {
    let (p, q, i) = first(tub)?;
    let Some(c) = i else {
        return fail(&mut rt.heap, tub);
    };
    if order(c, les)?.is_ge() && order(c, mos)?.is_le() {
        next(&mut rt.heap, p, q)
    } else {
        fail(&mut rt.heap, tub)
    }
}

/// `|=  tub=nail` in a core whose `[les mos]` is at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let tub = sample(core)?;
    let (les, mos) = outer2(core)?;
    shim(rt, les, mos, tub)
}
