//! `++met`: the number of `a`-blocks `b` takes.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Noun};

use crate::util::{atom, direct, is_zero_noun, sample2};

/// Blocks of `2^a` bits needed for `b`. Any bloq is fine here: from 64 up
/// every nonzero atom is one block (vere says 1 from 32 up, the same for
/// every atom it can hold).
pub fn met(a: Atom, b: Atom) -> Noun {
    let bits = b.bit_len();
    if bits == 0 {
        return Noun::ZERO;
    }
    match direct(a) {
        Some(a) if a < 64 => Noun::direct(bits.div_ceil(1 << a)),
        _ => Noun::ONE,
    }
}

/// `|=  [a=bloq b=@]`. `(met a 0)` is 0 even for a cell `a`, as in the
/// Hoon; other cells are `%exit`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let b = atom(b)?;
    if is_zero_noun(b.as_noun()) {
        return Ok(Noun::ZERO);
    }
    Ok(met(atom(a)?, b))
}
