//! `++shar:ed:crypto`: a curve25519 shared secret from an ed25519 public
//! key and a seed.

use curve25519_dalek::montgomery::MontgomeryPoint;
use dashu_int::fast_div::ConstDivisor;
use dashu_int::UBig;
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};
use sha2::{Digest, Sha512};

use super::{bytes_atom, fit};
use crate::util::{atom, sample2};

/// The Montgomery `u` of an Edwards `y` (the low 255 bits of `pub`):
/// `(1 + y) * (1 - y)^(p - 2) mod p`, so 0 when `y` is 1, as ref10's
/// `fe_invert` of 0 gives 0. `y` need not be on the curve.
fn montgomery_u(public: &[u8; 32]) -> [u8; 32] {
    let mut y = *public;
    y[31] &= 0x7f;
    let p = (UBig::ONE << 255) - UBig::from(19u8);
    let ring = ConstDivisor::new(p.clone());
    let y = ring.reduce(UBig::from_le_bytes(&y));
    let one = ring.reduce(UBig::ONE);
    let u = (one.clone() + y.clone()) * (one - y).pow(&(p - UBig::from(2u8)));
    let mut out = [0u8; 32];
    let b = u.residue().to_le_bytes();
    out[..b.len()].copy_from_slice(&b);
    out
}

/// vere's `urcrypt_ed_shar`: X25519 of the clamped first half of
/// `SHA-512(seed)` with the Montgomery form of `pub`'s `y`, as an atom.
/// `None` where vere punts (a `pub` wider than 32 bytes); a seed wider than
/// 32 bytes is `%exit` (the Hoon's `suck` crashes).
///
/// ref10 reads `y` as `pub`'s low 255 bits; this kelvin's Hoon uses all of
/// `pub` mod p, so the two part when bit 255 (an ed25519 key's sign bit) is
/// set. vere decides.
pub fn shar(heap: &mut Heap, public: Atom, sek: Atom) -> Result<Option<Noun>, JetError> {
    let Some(public): Option<[u8; 32]> = fit(public) else {
        return Ok(None);
    };
    let seed: [u8; 32] = fit(sek).ok_or(JetError::Exit)?;
    let h = Sha512::digest(seed);
    let mut e = [0u8; 32];
    e.copy_from_slice(&h[..32]);
    let shared = MontgomeryPoint(montgomery_u(&public)).mul_clamped(e);
    Ok(Some(bytes_atom(heap, shared.as_bytes())))
}

/// `|=  [pub=@ sek=@]`; cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (public, sek) = sample2(core)?;
    shar(&mut rt.heap, atom(public)?, atom(sek)?)?.ok_or(JetError::Punt)
}
