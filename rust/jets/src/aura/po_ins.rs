//! `++ins:po` (`k140/one/two/tri/qua/po/ins`): the index of a prefix
//! syllable (`'mar'` is 1), as a unit.
//!
//! vere's `u3wcp_ins` reads only the low three bytes of the atom; the
//! Hoon compares the whole atom, so a wider one is `~` here, as in the
//! Hoon. A cell fails (`%fail`), as in vere (the Hoon would say `~`).

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Heap, Noun};

use super::syllables::{find_cord, PREFIXES};
use crate::util::sample;

/// `(ins:po a)` for the atom `a`, if it fits in 64 bits (a wider one is
/// no syllable).
pub fn ins(heap: &mut Heap, a: Option<u64>) -> Noun {
    match a.and_then(|a| find_cord(PREFIXES, a)) {
        Some(i) => heap.cell(Noun::NULL, Noun::direct(u64::from(i))),
        None => Noun::NULL,
    }
}

/// `|=  a=@tas`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = sample(core)?.as_atom().ok_or(JetError::Fail(Mote::Fail))?;
    Ok(ins(&mut rt.heap, a.as_u64()))
}
