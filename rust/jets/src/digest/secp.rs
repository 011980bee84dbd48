//! secp256k1 helpers for `make`, `sign`, `reco`, `sosi` and `sove` (not a
//! gate): vere's input checks and libsecp256k1's RFC 6979 nonce.

use hmac::{Hmac, Mac};
use k256::elliptic_curve::bigint::U256;
use k256::elliptic_curve::ops::Reduce;
use k256::elliptic_curve::sec1::ToEncodedPoint;
use k256::{AffinePoint, FieldBytes, Scalar};
use mars_noun::Atom;
use sha2::Sha256;

use super::fit_be;

/// vere's `_cqes_in_order` as it behaves: 0 is refused, so is an atom of
/// more than 256 bits; any other atom is accepted. (vere means `0 < a <
/// n`, but its loop for an atom of eight 32-bit words compares each word
/// with the next lower word of `n`, reading one word past the atom first,
/// where its allocator's size word, far below `0xffff.ffff`, settles it:
/// every 225- to 256-bit atom passes.) The libsecp256k1 call after it
/// refuses what the Hoon would (each gate says how).
pub fn in_order(a: Atom) -> Option<[u8; 32]> {
    if a.as_u64() == Some(0) {
        return None;
    }
    fit_be::<32>(a)
}

/// The scalar `b` mod n (libsecp256k1's `secp256k1_scalar_set_b32`, which
/// reduces).
pub fn reduce(b: &[u8; 32]) -> Scalar {
    <Scalar as Reduce<U256>>::reduce_bytes(FieldBytes::from_slice(b))
}

/// One HMAC-SHA-256.
fn hmac(key: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    // HMAC takes a key of any length: this cannot fail.
    let mut m = match <Hmac<Sha256> as Mac>::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => unreachable!("HMAC accepts any key length"),
    };
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

/// libsecp256k1's `nonce_function_rfc6979` (commit 694ce8fb, vere-v3.0's):
/// the HMAC-DRBG of RFC 6979 section 3.2 seeded with the 32 key bytes as
/// given (not checked against n) and the message reduced mod n; the
/// `count + 1`th output, unchecked.
pub fn rfc6979(key: &[u8; 32], msg: &[u8; 32], count: u32) -> [u8; 32] {
    let msg = reduce(msg).to_bytes();
    let mut v = [1u8; 32];
    let mut k = [0u8; 32];
    k = hmac(&k, &[&v, &[0], key, &msg]);
    v = hmac(&k, &[&v]);
    k = hmac(&k, &[&v, &[1], key, &msg]);
    v = hmac(&k, &[&v]);
    for i in 0..=count {
        if i > 0 {
            k = hmac(&k, &[&v, &[0]]);
            v = hmac(&k, &[&v]);
        }
        v = hmac(&k, &[&v]);
    }
    v
}

/// An affine point's coordinates, most significant byte first (`None` for
/// the point at infinity).
pub fn coordinates(p: &AffinePoint) -> Option<([u8; 32], [u8; 32])> {
    let e = p.to_encoded_point(false);
    let (x, y) = (e.x()?, e.y()?);
    let (mut xb, mut yb) = ([0u8; 32], [0u8; 32]);
    xb.copy_from_slice(x);
    yb.copy_from_slice(y);
    Some((xb, yb))
}
