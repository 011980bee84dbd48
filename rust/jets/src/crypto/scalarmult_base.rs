//! `++scalarmult-base:ed:crypto`: the ed25519 base point times a scalar.

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::ed::{encode, mul, radix16};
use super::{bytes_atom, fit};
use crate::util::{atom, sample};

/// `a * B` as ref10's `ge_scalarmult_base` computes it (see `ed::radix16`:
/// the Hoon's product but for scalars near or above 2^255). `None` where
/// vere punts: a scalar wider than 32 bytes.
pub fn scalarmult_base(heap: &mut Heap, a: Atom) -> Option<Noun> {
    let a: [u8; 32] = fit(a)?;
    Some(bytes_atom(
        heap,
        &encode(&mul(&ED25519_BASEPOINT_POINT, &radix16(&a))),
    ))
}

/// `|=  scalar=@udscalar`; a cell is `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?;
    scalarmult_base(&mut rt.heap, a).ok_or(JetError::Punt)
}
