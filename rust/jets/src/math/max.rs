//! `++max`: the larger of two atoms, `?:((gth a b) a b)`.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::math::order;
use crate::util::sample2;

/// `a` if `a > b`, else `b` (a cell beside 0 counts as larger, as in `gth`).
pub fn max(a: Noun, b: Noun) -> Result<Noun, JetError> {
    Ok(if order(a, b)?.is_gt() { a } else { b })
}

/// `|=  [a=@ b=@]`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    max(a, b)
}
