//! `++sign:ed:crypto`: an ed25519 signature.

use ed25519_dalek::{Signer, SigningKey};
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{bytes_atom, fit};
use crate::util::{atom, sample2};

/// The RFC 8032 signature (`R` then `S`, as an atom least significant byte
/// first) of the message `(met 3 m)` bytes of `m` under the 32-byte seed
/// `se` (`urcrypt_ed_sign`). A seed of more than 32 bytes is `%exit` (the
/// Hoon's `suck` crashes).
///
/// The message is `m`'s bytes even when `m` is 0 (no bytes): this kelvin's
/// Hoon then hashes `(met 3 ...)` of a concatenation and can drop the
/// nonce prefix's or the public key's top zero bytes; vere decides.
pub fn sign(heap: &mut Heap, m: Atom, se: Atom) -> Result<Noun, JetError> {
    let seed: [u8; 32] = fit(se).ok_or(JetError::Exit)?;
    let msg = m.to_le_bytes();
    let sig = SigningKey::from_bytes(&seed).sign(&msg).to_bytes();
    Ok(bytes_atom(heap, &sig))
}

/// `|=  [m=@ se=@]`; cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (m, se) = sample2(core)?;
    sign(&mut rt.heap, atom(m)?, atom(se)?)
}
