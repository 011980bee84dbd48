//! `++ecdsa-raw-recover:secp256k1:secp:crypto` (`reco`): the public key
//! `[x y]` of an ECDSA signature `[v r s]` on a hash.

use k256::elliptic_curve::bigint::{Encoding, U256};
use k256::elliptic_curve::ff::PrimeField;
use k256::elliptic_curve::point::DecompressPoint;
use k256::elliptic_curve::Curve;
use k256::{AffinePoint, ProjectivePoint, Scalar, Secp256k1};
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::secp::{coordinates, in_order, reduce};
use super::{be_atom, fit_be};
use crate::util::{atom, slot};

/// The field prime p.
const P: U256 =
    U256::from_be_hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");

/// libsecp256k1's `secp256k1_ecdsa_recover` (urcrypt's
/// `urcrypt_secp_reco`): `R` the point of x-coordinate `r` (plus n if `v
/// ≥ 2`) and the parity of `v`, then `Q = (sR − zG)/r` with `z` the hash
/// mod n; `[x y]` most significant byte first.
///
/// `v` over 3, a hash over 32 bytes, or `r` or `s` of 0 or over 32 bytes
/// is `%exit` (vere). Where libsecp256k1 refuses (`r` or `s` of n or more,
/// `r + n` not below p, no such `R`, `Q` at infinity) vere runs the Hoon,
/// and so the jet punts. Where vere decides: a hash of n or more is
/// reduced mod n (the Hoon's `(sub n hash)` crashes).
pub fn reco(heap: &mut Heap, has: Atom, v: Atom, r: Atom, s: Atom) -> Result<Noun, JetError> {
    let v = v.as_u64().filter(|&v| v < 4).ok_or(JetError::Exit)?;
    let has: [u8; 32] = fit_be(has).ok_or(JetError::Exit)?;
    let rb = in_order(r).ok_or(JetError::Exit)?;
    let sb = in_order(s).ok_or(JetError::Exit)?;
    let r: Option<Scalar> = Scalar::from_repr(rb.into()).into();
    let s: Option<Scalar> = Scalar::from_repr(sb.into()).into();
    let (Some(r), Some(s)) = (r, s) else {
        return Err(JetError::Punt);
    };
    let mut x = U256::from_be_slice(&rb);
    if v & 2 != 0 {
        let n = Secp256k1::ORDER;
        if x >= P.wrapping_sub(&n) {
            return Err(JetError::Punt);
        }
        x = x.wrapping_add(&n);
    }
    let big_r: Option<AffinePoint> =
        AffinePoint::decompress(&x.to_be_bytes().into(), u8::from(v & 1 == 1).into()).into();
    let big_r = big_r.ok_or(JetError::Punt)?;
    let rinv: Option<Scalar> = r.invert().into();
    let rinv = rinv.ok_or(JetError::Punt)?;
    let z = reduce(&has);
    let q = (ProjectivePoint::from(big_r) * s - ProjectivePoint::GENERATOR * z) * rinv;
    let (qx, qy) = coordinates(&q.to_affine()).ok_or(JetError::Punt)?;
    let qx = be_atom(heap, &qx);
    let qy = be_atom(heap, &qy);
    Ok(heap.cell(qx, qy))
}

/// `|=  [hash=@ sig=[v=@ r=@ s=@]]` (vere's `u3we_reco`: `u3x_sam_2`, 6,
/// 14, 15); cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let has = atom(slot(core, 12)?)?;
    let v = atom(slot(core, 26)?)?;
    let r = atom(slot(core, 54)?)?;
    let s = atom(slot(core, 55)?)?;
    reco(&mut rt.heap, has, v, r, s)
}
