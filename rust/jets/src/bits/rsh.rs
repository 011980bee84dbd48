//! `++rsh`: shift `b` right by `step` blocks.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bite, bloq, bloq_bits, build, direct, sample2, Bloq};
use crate::words;

/// `(div b (bex (mul (bex a) step)))`.
pub fn rsh(heap: &mut Heap, a: Bloq, step: Option<u64>, b: Atom) -> Noun {
    let shift = bloq_bits(a, step);
    let have = b.bit_len();
    if shift >= have {
        return Noun::ZERO;
    }
    if let Some(x) = direct(b) {
        return Noun::direct(x >> shift);
    }
    let bw = b.words();
    build(heap, (have - shift).div_ceil(64) as usize, |out| {
        words::chop(bw, shift, have - shift, out, 0);
    })
}

/// `|=  [a=bite b=@]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, s) = bite(a)?;
    let b = atom(b)?;
    Ok(rsh(&mut rt.heap, bloq(a)?, s, b))
}
