//! `++cat`: concatenate `b` then `c`, `b` taking whole blocks.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bloq, build, direct, is_zero, sample3, words_for, Bloq};
use crate::words;

/// `(add (lsh [a (met a b)] c) b)`.
pub fn cat(heap: &mut Heap, a: Bloq, b: Atom, c: Atom) -> Result<Noun, JetError> {
    if is_zero(c) {
        return Ok(b.as_noun());
    }
    let low = words::met(a, b.words()) << a;
    let total = low.saturating_add(c.bit_len());
    if let (Some(x), Some(y)) = (direct(b), direct(c)) {
        if total <= 63 {
            return Ok(Noun::direct(x | (y << low)));
        }
    }
    let len = words_for(total)?;
    let (bw, cw) = (b.words(), c.words());
    Ok(build(heap, len, |out| {
        words::chop(bw, 0, low, out, 0);
        words::chop(cw, 0, u64::MAX, out, low);
    }))
}

/// `|=  [a=bloq b=@ c=@]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b, c) = sample3(core)?;
    let (a, b, c) = (atom(a)?, atom(b)?, atom(c)?);
    cat(&mut rt.heap, bloq(a)?, b, c)
}
