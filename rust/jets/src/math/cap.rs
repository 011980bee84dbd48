//! `++cap`: whether axis `a` lies in the head (`%2`) or the tail (`%3`).

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Noun};

use crate::util::{atom, sample};

/// `2` plus the bit below the top one; `%exit` for axes 0 and 1.
pub fn cap(a: Atom) -> Result<Noun, JetError> {
    let met = a.bit_len();
    if met < 2 {
        return Err(JetError::Exit);
    }
    Ok(Noun::direct(2 + u64::from(a.bit(met - 2))))
}

/// `|=  a=@`; a cell crashes in `div`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    cap(atom(sample(core)?)?)
}
