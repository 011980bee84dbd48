//! `++mug`: the 31-bit murmur3 hash of any noun, as vere caches it in
//! every cell (`mars_noun::mug`, cached in cell headers too).

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::util::sample;

/// `(mug a)`.
pub fn mug(a: Noun) -> Noun {
    Noun::direct(u64::from(mars_noun::mug(a)))
}

/// `|=  a=*`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    Ok(mug(sample(core)?))
}
