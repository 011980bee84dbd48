//! `++shax`: SHA-256 of an atom's bytes.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::shay::shay;
use crate::util::{atom, sample};

/// `(shay (met 3 ruz) ruz)`.
pub fn shax(heap: &mut Heap, ruz: Atom) -> Noun {
    shay(heap, ruz.byte_len() as u64, ruz)
}

/// `|=  ruz=@`; a cell is `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let ruz = atom(sample(core)?)?;
    Ok(shax(&mut rt.heap, ruz))
}
