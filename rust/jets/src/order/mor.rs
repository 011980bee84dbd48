//! `++mor`: double-mug order (`(mug (mug a))`); equal fall back to `dor`.

use mars_nock::{JetError, Runtime};
use mars_noun::{mug, mug_words, Noun};

use crate::order::dor::dor;
use crate::util::{loob, sample2};

/// Is `a` at or before `b` by the mug of its mug?
pub fn mor(a: Noun, b: Noun) -> bool {
    let (c, d) = (
        mug_words(&[u64::from(mug(a))]),
        mug_words(&[u64::from(mug(b))]),
    );
    if c == d {
        dor(a, b)
    } else {
        c < d
    }
}

/// `|=  [a=* b=*]`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    Ok(loob(mor(a, b)))
}
