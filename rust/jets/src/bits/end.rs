//! `++end`: the low `step` blocks of `b`.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bite, bloq, bloq_bits, build, direct, sample2, Bloq};
use crate::words;

/// `(mod b (bex (mul (bex a) step)))`.
pub fn end(heap: &mut Heap, a: Bloq, step: Option<u64>, b: Atom) -> Noun {
    let keep = bloq_bits(a, step);
    let have = b.bit_len();
    if keep >= have {
        return b.as_noun();
    }
    if keep == 0 {
        return Noun::ZERO;
    }
    if let Some(x) = direct(b) {
        return Noun::direct(x & ((1 << keep) - 1));
    }
    let bw = b.words();
    build(heap, keep.div_ceil(64) as usize, |out| {
        words::chop(bw, 0, keep, out, 0);
    })
}

/// `|=  [a=bite b=@]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, s) = bite(a)?;
    let b = atom(b)?;
    Ok(end(&mut rt.heap, bloq(a)?, s, b))
}
