//! `++ecdsa-raw-sign:secp256k1:secp:crypto` (`sign`): a recoverable
//! ECDSA signature `[v r s]`.

use k256::elliptic_curve::ff::PrimeField;
use k256::elliptic_curve::scalar::IsHigh;
use k256::{ProjectivePoint, Scalar};
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::secp::{coordinates, in_order, reduce, rfc6979};
use super::{be_atom, fit_be};
use crate::util::{atom, sample2};

/// libsecp256k1's `secp256k1_ecdsa_sign_recoverable` with its default
/// RFC 6979 nonce (urcrypt's `urcrypt_secp_sign`): `k` the first nonce
/// below n and nonzero, `R = kG`, `r = R.x mod n`, `s = (z + r·d)/k`
/// made low (`n − s` if `s > n/2`, flipping the recovery id's parity), `v
/// = (R.x ≥ n)·2 + (R.y odd)`. Hash, key, `r` and `s` are most
/// significant byte first.
///
/// A hash over 32 bytes, or a key of 0 or over 32 bytes, is `%exit`; a
/// key of n or more punts (libsecp256k1 refuses it; the Hoon crashes).
/// Where vere decides: the nonce is taken from the hash mod n, and a
/// nonce or signature the Hoon would crash on is retried with the next
/// nonce (each about 2^-128 likely).
pub fn sign(heap: &mut Heap, has: Atom, prv: Atom) -> Result<Noun, JetError> {
    let has: [u8; 32] = fit_be(has).ok_or(JetError::Exit)?;
    let key = in_order(prv).ok_or(JetError::Exit)?;
    let d: Option<Scalar> = Scalar::from_repr(key.into()).into();
    let d = d
        .filter(|d| !bool::from(d.is_zero()))
        .ok_or(JetError::Punt)?;
    let z = reduce(&has);
    for count in 0..u32::MAX {
        let nonce = rfc6979(&key, &has, count);
        let k: Option<Scalar> = Scalar::from_repr(nonce.into()).into();
        let Some(k) = k.filter(|k| !bool::from(k.is_zero())) else {
            continue;
        };
        let big_r = (ProjectivePoint::GENERATOR * k).to_affine();
        let Some((x, y)) = coordinates(&big_r) else {
            continue;
        };
        let r = reduce(&x);
        let overflow = r.to_bytes().as_slice() != x.as_slice();
        let kinv: Option<Scalar> = k.invert().into();
        let Some(kinv) = kinv else { continue };
        let mut s = kinv * (z + r * d);
        let mut v = (u64::from(overflow) << 1) | u64::from(y[31] & 1);
        if bool::from(s.is_high()) {
            s = -s;
            v ^= 1;
        }
        if bool::from(r.is_zero()) || bool::from(s.is_zero()) {
            continue;
        }
        let r = be_atom(heap, &r.to_bytes());
        let s = be_atom(heap, &s.to_bytes());
        return Ok(heap.tuple(&[Noun::direct(v), r, s]));
    }
    Err(JetError::Punt)
}

/// `|=  [hash=@uvI private-key=@]`; cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (has, prv) = sample2(core)?;
    sign(&mut rt.heap, atom(has)?, atom(prv)?)
}
