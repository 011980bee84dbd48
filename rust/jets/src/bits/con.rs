//! `++con`: binary or.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bitwise, sample2};

/// Bitwise `a | b`.
pub fn con(heap: &mut Heap, a: Atom, b: Atom) -> Noun {
    bitwise(heap, a, b, |x, y| x | y)
}

/// `|=  [a=@ b=@]`; cells crash in the Hoon's `rsh`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, b) = (atom(a)?, atom(b)?);
    Ok(con(&mut rt.heap, a, b))
}
