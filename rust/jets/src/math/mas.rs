//! `++mas`: the axis of `a` within the head or tail it lies in: drop the
//! top bit and make the next one the new top.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, build, direct, sample};
use crate::words;

/// `a` with its top two bits `1x` replaced by `1`; `%exit` for 0 and 1.
pub fn mas(heap: &mut Heap, a: Atom) -> Result<Noun, JetError> {
    let met = a.bit_len();
    if met < 2 {
        return Err(JetError::Exit);
    }
    if let Some(x) = direct(a) {
        let top = 1u64 << (met - 1);
        return Ok(Noun::direct((x & !top) | (top >> 1)));
    }
    let aw = a.words();
    Ok(build(heap, (met - 1).div_ceil(64) as usize, |out| {
        words::chop(aw, 0, met - 2, out, 0);
        out[((met - 2) / 64) as usize] |= 1 << ((met - 2) % 64);
    }))
}

/// `|=  a=@`; a cell crashes in `div`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?;
    mas(&mut rt.heap, a)
}
