//! `++gte`: `a >= b`, as a loobean.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::math::order;
use crate::util::{loob, sample2};

/// `a >= b` (see `math::order` for samples with cells).
pub fn gte(a: Noun, b: Noun) -> Result<Noun, JetError> {
    Ok(loob(order(a, b)?.is_ge()))
}

/// `|=  [a=@ b=@]`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    gte(a, b)
}
