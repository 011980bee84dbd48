//! `++add-double-scalarmult:ed:crypto`: `a * A + b * B'`.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::ed::{decode, encode, mul, radix16};
use super::{bytes_atom, fit};
use crate::util::{atom, pair, sample3};

/// `a * a-point + b * b-point`, each product as ref10's `ge_scalarmult`
/// computes it (`urcrypt_ed_add_double_scalarmult`; see `ed::radix16`).
/// `None` where vere punts: an operand wider than 32 bytes or a point not
/// on the curve.
pub fn add_double_scalarmult(
    heap: &mut Heap,
    a: Atom,
    a_point: Atom,
    b: Atom,
    b_point: Atom,
) -> Option<Noun> {
    let a: [u8; 32] = fit(a)?;
    let pa = decode(&fit(a_point)?)?;
    let b: [u8; 32] = fit(b)?;
    let pb = decode(&fit(b_point)?)?;
    let sum = mul(&pa, &radix16(&a)) + mul(&pb, &radix16(&b));
    Some(bytes_atom(heap, &encode(&sum)))
}

/// `|=  [a=@udscalar a-point=@udpoint b=@udscalar b-point=@udpoint]`;
/// cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, a_point, rest) = sample3(core)?;
    let (b, b_point) = pair(rest)?;
    add_double_scalarmult(
        &mut rt.heap,
        atom(a)?,
        atom(a_point)?,
        atom(b)?,
        atom(b_point)?,
    )
    .ok_or(JetError::Punt)
}
