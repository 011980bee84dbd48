//! `++xeb`: binary logarithm, `(met 0 a)`.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Noun};

use crate::util::{atom, sample};

/// The number of significant bits of `a`.
pub fn xeb(a: Atom) -> Noun {
    Noun::direct(a.bit_len())
}

/// `|=  a=@`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    Ok(xeb(atom(sample(core)?)?))
}
