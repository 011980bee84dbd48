//! `++con`: binary or.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, build, direct, sample2};

/// Bitwise `a | b`.
pub fn con(heap: &mut Heap, a: Atom, b: Atom) -> Noun {
    if let (Some(x), Some(y)) = (direct(a), direct(b)) {
        return Noun::direct(x | y);
    }
    let (aw, bw) = (a.words(), b.words());
    build(heap, aw.len().max(bw.len()), |out| {
        for (i, o) in out.iter_mut().enumerate() {
            *o = aw.get(i).copied().unwrap_or(0) | bw.get(i).copied().unwrap_or(0);
        }
    })
}

/// `|=  [a=@ b=@]`; cells crash in the Hoon's `rsh`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, b) = (atom(a)?, atom(b)?);
    Ok(con(&mut rt.heap, a, b))
}
