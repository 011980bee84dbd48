//! `++add`: unsigned addition.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, build, direct, is_zero, sample2};
use crate::words;

/// `a + b`.
pub fn add(heap: &mut Heap, a: Atom, b: Atom) -> Noun {
    if let (Some(x), Some(y)) = (direct(a), direct(b)) {
        // Both below 2^63: the sum fits in a u64.
        return heap.atom_u64(x + y);
    }
    let (aw, bw) = (a.words(), b.words());
    let len = aw.len().max(bw.len()) + 1;
    build(heap, len, |out| words::add(aw, bw, out))
}

/// `|=  [a=@ b=@]`. The Hoon returns `b` untouched when `a` is 0 (even a
/// cell); any other cell crashes or never ends (vere: `%exit`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let a = atom(a)?;
    if is_zero(a) {
        return Ok(b);
    }
    Ok(add(&mut rt.heap, a, atom(b)?))
}
