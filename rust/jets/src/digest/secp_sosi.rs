//! `++sign:schnorr:secp256k1:secp:crypto` (`sosi`): a BIP-340 Schnorr
//! signature.

use k256::schnorr::SigningKey;
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{be_atom, fit_be};
use crate::util::{atom, sample3};

/// The BIP-340 signature of the 32-byte message `m` under the key `sk`
/// with the auxiliary randomness `a` (urcrypt's
/// `urcrypt_secp_schnorr_sign`), each most significant byte first; the
/// signature is `(cat 8 s r)`: `r` the high 32 bytes.
///
/// `sk`, `m` or `a` over 32 bytes is `%exit` (vere); a key of 0 or n or
/// more punts (libsecp256k1 refuses it; the Hoon crashes), as does the
/// rare nonce (about 2^-128) the `k256` crate refuses where libsecp256k1
/// reduces it (the Hoon reduces it too).
pub fn sosi(heap: &mut Heap, sk: Atom, m: Atom, a: Atom) -> Result<Noun, JetError> {
    let sk: [u8; 32] = fit_be(sk).ok_or(JetError::Exit)?;
    let m: [u8; 32] = fit_be(m).ok_or(JetError::Exit)?;
    let a: [u8; 32] = fit_be(a).ok_or(JetError::Exit)?;
    let key = SigningKey::from_bytes(&sk).map_err(|_| JetError::Punt)?;
    let sig = key.sign_raw(&m, &a).map_err(|_| JetError::Punt)?;
    Ok(be_atom(heap, &sig.to_bytes()))
}

/// `|=  [sk=@I m=@I a=@I]`; cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (sk, m, a) = sample3(core)?;
    sosi(&mut rt.heap, atom(sk)?, atom(m)?, atom(a)?)
}
