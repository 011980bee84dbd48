//! `++puck:ed:crypto`: the ed25519 public key of a seed.

use ed25519_dalek::SigningKey;
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{bytes_atom, fit};
use crate::util::{atom, sample};

/// The public key of the 32-byte seed `sk` (its bytes least significant
/// first), as an atom (`urcrypt_ed_puck`: RFC 8032 key generation). A seed
/// of more than 32 bytes is `%exit`: the Hoon crashes on it.
pub fn puck(heap: &mut Heap, sk: Atom) -> Result<Noun, JetError> {
    let seed: [u8; 32] = fit(sk).ok_or(JetError::Exit)?;
    let pk = SigningKey::from_bytes(&seed).verifying_key().to_bytes();
    Ok(bytes_atom(heap, &pk))
}

/// `|=  sk=@I`; a cell is `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let sk = atom(sample(core)?)?;
    puck(&mut rt.heap, sk)
}
