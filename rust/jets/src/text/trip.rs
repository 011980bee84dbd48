//! `++trip` (`k140/one/two/tri/qua/trip`): cord to tape.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, sample};

/// The bytes of `a`, low first, one item each, up to its last nonzero
/// byte (`(met 3 a)` items: zero bytes in the middle are `0` items).
pub fn trip(heap: &mut Heap, a: Atom) -> Noun {
    let bytes = a.to_le_bytes();
    bytes
        .iter()
        .rev()
        .fold(Noun::NULL, |t, &b| heap.cell(Noun::direct(u64::from(b)), t))
}

/// `|=  a=@`; a cell is `%exit` (vere's wrapper; the Hoon's `met` of it).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?;
    Ok(trip(&mut rt.heap, a))
}
