//! `++scalarmult:ed:crypto`: an ed25519 point times a scalar.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::ed::{decode, encode, mul, radix16};
use super::{bytes_atom, fit};
use crate::util::{atom, sample2};

/// `a * a-point` as ref10's `ge_scalarmult` computes it
/// (`urcrypt_ed_scalarmult`): the integer product, on any point, for
/// scalars whose recoded top digit is at most 8 (all below 2^255 but a few
/// within 2^251 of it), where it is the Hoon's `scam`; see `ed::radix16`
/// for the rest. `None` where vere punts: an operand wider than 32 bytes or
/// a point not on the curve.
pub fn scalarmult(heap: &mut Heap, a: Atom, point: Atom) -> Option<Noun> {
    let a: [u8; 32] = fit(a)?;
    let p = decode(&fit(point)?)?;
    Some(bytes_atom(heap, &encode(&mul(&p, &radix16(&a)))))
}

/// `|=  [a=@udscalar a-point=@udpoint]`; cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, point) = sample2(core)?;
    scalarmult(&mut rt.heap, atom(a)?, atom(point)?).ok_or(JetError::Punt)
}
