//! `++min`: the smaller of two atoms, `?:((lth a b) a b)`.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::math::order;
use crate::util::sample2;

/// `a` if `a < b`, else `b` (0 beside a cell counts as smaller, as in `lth`).
pub fn min(a: Noun, b: Noun) -> Result<Noun, JetError> {
    Ok(if order(a, b)?.is_lt() { a } else { b })
}

/// `|=  [a=@ b=@]`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    min(a, b)
}
