//! `++gor`: mug order; equal mugs fall back to `dor`.

use mars_nock::{JetError, Runtime};
use mars_noun::{mug, Noun};

use crate::order::dor::dor;
use crate::util::{loob, sample2};

/// Is `a` at or before `b` by mug?
pub fn gor(a: Noun, b: Noun) -> bool {
    let (c, d) = (mug(a), mug(b));
    if c == d {
        dor(a, b)
    } else {
        c < d
    }
}

/// `|=  [a=* b=*]`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    Ok(loob(gor(a, b)))
}
