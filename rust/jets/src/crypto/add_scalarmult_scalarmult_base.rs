//! `++add-scalarmult-scalarmult-base:ed:crypto`: `a * A + b * B`.

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::ed::{decode, encode, mul, slide};
use super::{bytes_atom, fit};
use crate::util::{atom, sample3};

/// `a * a-point + b * B` as ref10's `ge_double_scalarmult_vartime` computes
/// it (`urcrypt_ed_add_scalarmult_scalarmult_base`): the Hoon's integer
/// products, but for scalars of 2^255 and up whose recoding drops a carry
/// (`ed::slide`). `None` where vere punts: an operand wider than 32 bytes
/// or a point not on the curve.
pub fn add_scalarmult_scalarmult_base(
    heap: &mut Heap,
    a: Atom,
    point: Atom,
    b: Atom,
) -> Option<Noun> {
    let a: [u8; 32] = fit(a)?;
    let p = decode(&fit(point)?)?;
    let b: [u8; 32] = fit(b)?;
    let sum = mul(&p, &slide(&a)) + mul(&ED25519_BASEPOINT_POINT, &slide(&b));
    Some(bytes_atom(heap, &encode(&sum)))
}

/// `|=  [a=@udscalar a-point=@udpoint b=@udscalar]`; cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, point, b) = sample3(core)?;
    add_scalarmult_scalarmult_base(&mut rt.heap, atom(a)?, atom(point)?, atom(b)?)
        .ok_or(JetError::Punt)
}
