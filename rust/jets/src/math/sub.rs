//! `++sub`: unsigned subtraction; crashes on underflow
//! (`subtract-underflow`).

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, build, cmp, direct, is_zero_noun, sample2};
use crate::words;

/// `a - b`, or `%exit` if `b > a`.
pub fn sub(heap: &mut Heap, a: Atom, b: Atom) -> Result<Noun, JetError> {
    if let (Some(x), Some(y)) = (direct(a), direct(b)) {
        return x.checked_sub(y).map(Noun::direct).ok_or(JetError::Exit);
    }
    if cmp(a, b).is_lt() {
        return Err(JetError::Exit);
    }
    let (aw, bw) = (a.words(), b.words());
    Ok(build(heap, aw.len(), |out| {
        words::sub(aw, bw, out);
    }))
}

/// `|=  [a=@ b=@]`. The Hoon returns `a` untouched when `b` is 0 (even a
/// cell); other cells crash or never end (vere: `%exit`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    if is_zero_noun(b) {
        return Ok(a);
    }
    let (a, b) = (atom(a)?, atom(b)?);
    sub(&mut rt.heap, a, b)
}
