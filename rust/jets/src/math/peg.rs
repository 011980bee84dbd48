//! `++peg`: the axis of `b` within axis `a`: `a` followed by the bits of
//! `b` below its top bit.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, build, direct, is_zero, sample2, words_for};
use crate::words;

/// `a` then `b`'s path; `%exit` for a zero axis.
pub fn peg(heap: &mut Heap, a: Atom, b: Atom) -> Result<Noun, JetError> {
    if is_zero(a) || is_zero(b) {
        return Err(JetError::Exit);
    }
    let path = b.bit_len() - 1;
    let abits = a.bit_len();
    if let (Some(x), Some(y)) = (direct(a), direct(b)) {
        if abits + path <= 63 {
            return Ok(Noun::direct((x << path) | (y & ((1 << path) - 1))));
        }
    }
    let (aw, bw) = (a.words(), b.words());
    let len = words_for(abits.saturating_add(path))?;
    Ok(build(heap, len, |out| {
        words::chop(bw, 0, path, out, 0);
        words::chop(aw, 0, abits, out, path);
    }))
}

/// `|=  [a=@ b=@]`. `(peg a 1)` is `a` even for a cell `a`, as in the Hoon;
/// other cells are `%exit`. (`peg a 0` never ends in the Hoon.)
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let b = atom(b)?;
    if direct(b) == Some(1) && !crate::util::is_zero_noun(a) {
        return Ok(a);
    }
    let a = atom(a)?;
    peg(&mut rt.heap, a, b)
}
