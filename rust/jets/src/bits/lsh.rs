//! `++lsh`: shift `b` left by `step` blocks.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bite, bloq, bloq_bits, build, direct, is_zero, sample2, words_for, Bloq};
use crate::words;

/// `(mul b (bex (mul (bex a) step)))`; `%fail` if the result is too wide.
pub fn lsh(heap: &mut Heap, a: Bloq, step: Option<u64>, b: Atom) -> Result<Noun, JetError> {
    if is_zero(b) {
        return Ok(Noun::ZERO);
    }
    let shift = bloq_bits(a, step);
    let have = b.bit_len();
    let total = shift.saturating_add(have);
    if let Some(x) = direct(b) {
        if total <= 63 {
            return Ok(Noun::direct(x << shift));
        }
    }
    let len = words_for(total)?;
    let bw = b.words();
    Ok(build(heap, len, |out| words::chop(bw, 0, have, out, shift)))
}

/// `|=  [a=bite b=@]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, s) = bite(a)?;
    let b = atom(b)?;
    lsh(&mut rt.heap, bloq(a)?, s, b)
}
