//! `++bex`: `2^a`.

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, build, sample, small, words_for};

/// `2^a`; `%fail` past `util::MAX_BITS` (vere's limit).
pub fn bex(heap: &mut Heap, a: Atom) -> Result<Noun, JetError> {
    let n = small(a).ok_or(JetError::Fail(Mote::Fail))?;
    if n < 63 {
        return Ok(Noun::direct(1 << n));
    }
    let len = words_for(n.saturating_add(1))?;
    Ok(build(heap, len, |out| {
        out[(n / 64) as usize] = 1 << (n % 64)
    }))
}

/// `|=  a=bloq`; a cell never terminates in the Hoon (vere: `%exit`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?;
    bex(&mut rt.heap, a)
}
