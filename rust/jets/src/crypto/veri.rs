//! `++veri:ed:crypto`: check an ed25519 signature.

use curve25519_dalek::edwards::EdwardsPoint;
use curve25519_dalek::scalar::Scalar;
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Noun};
use sha2::{Digest, Sha512};

use super::ed::{decode, encode};
use super::fit;
use crate::util::{atom, loob, sample3};

/// ref10's `ed25519_verify` (vere's `urcrypt_ed_veri`), on the 64-byte
/// signature `s`, the message `(met 3 m)` bytes of `m` and the 32-byte
/// public key `pk`, all least significant byte first:
///
/// * `S` (the signature's high half) must have its top three bits clear
///   (it may be at or above the group order: not a strict verifier);
/// * `pk` must decode to a point `A` (any point on the curve, small order
///   included);
/// * with `h = SHA-512(R || pk || m) mod l`, the encoding of
///   `h * (-A) + S * B` must equal `R` byte for byte (so a non-canonical
///   `R` never verifies).
///
/// `None` where vere punts: a signature wider than 64 bytes or a key wider
/// than 32 (the Hoon reads only their low bits there).
///
/// This kelvin's Hoon says no to any signature whose top byte is 0 (`S`
/// below 2^248, about one in 24) and to keys whose top byte is 0; vere
/// accepts them, and decides.
pub fn veri(s: Atom, m: Atom, pk: Atom) -> Option<bool> {
    let sig: [u8; 64] = fit(s)?;
    let key: [u8; 32] = fit(pk)?;
    if sig[63] & 0xe0 != 0 {
        return Some(false);
    }
    let Some(a) = decode(&key) else {
        return Some(false);
    };
    let mut hash = Sha512::new();
    hash.update(&sig[..32]);
    hash.update(key);
    hash.update(m.to_le_bytes());
    let h = Scalar::from_bytes_mod_order_wide(&hash.finalize().into());
    let mut s_bytes = [0u8; 32];
    s_bytes.copy_from_slice(&sig[32..]);
    // S < 2^253 and B has order l: S * B is (S mod l) * B.
    let s = Scalar::from_bytes_mod_order(s_bytes);
    let r = EdwardsPoint::vartime_double_scalar_mul_basepoint(&h, &-a, &s);
    Some(encode(&r)[..] == sig[..32])
}

/// `|=  [s=@ m=@ pk=@]`; cells are `%exit`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (s, m, pk) = sample3(core)?;
    match veri(atom(s)?, atom(m)?, atom(pk)?) {
        Some(ok) => Ok(loob(ok)),
        None => Err(JetError::Punt),
    }
}
