//! `++ind:po` (`k140/one/two/tri/qua/po/ind`): the index of a suffix
//! syllable (`'nec'` is 1), as a unit.
//!
//! vere's `u3wcp_ind` reads only the low three bytes of the atom; the
//! Hoon compares the whole atom, so a wider one is `~` here, as in the
//! Hoon. A cell fails (`%fail`), as in vere (the Hoon would say `~`).

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Heap, Noun};

use super::syllables::{find_cord, SUFFIXES};
use crate::util::sample;

/// `(ind:po a)` for the atom `a`, if it fits in 64 bits (a wider one is
/// no syllable).
pub fn ind(heap: &mut Heap, a: Option<u64>) -> Noun {
    match a.and_then(|a| find_cord(SUFFIXES, a)) {
        Some(i) => heap.cell(Noun::NULL, Noun::direct(u64::from(i))),
        None => Noun::NULL,
    }
}

/// `|=  a=@tas`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = sample(core)?.as_atom().ok_or(JetError::Fail(Mote::Fail))?;
    Ok(ind(&mut rt.heap, a.as_u64()))
}
