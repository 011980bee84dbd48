//! `++point-add:ed:crypto`: the sum of two ed25519 points.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::ed::{decode, encode};
use super::{bytes_atom, fit};
use crate::util::{atom, sample2};

/// `a + b` (`urcrypt_ed_point_add`), encoded. `None` where vere punts: an
/// operand wider than 32 bytes, or one that is not on the curve (the
/// Hoon's `need` then crashes, with its own trace).
pub fn point_add(heap: &mut Heap, a: Atom, b: Atom) -> Option<Noun> {
    let a = decode(&fit(a)?)?;
    let b = decode(&fit(b)?)?;
    Some(bytes_atom(heap, &encode(&(a + b))))
}

/// `|=  [a-point=@udpoint b-point=@udpoint]`; cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    point_add(&mut rt.heap, atom(a)?, atom(b)?).ok_or(JetError::Punt)
}
