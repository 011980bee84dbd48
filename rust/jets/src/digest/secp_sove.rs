//! `++verify:schnorr:secp256k1:secp:crypto` (`sove`): check a BIP-340
//! Schnorr signature.

use k256::schnorr::{Signature, VerifyingKey};
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Noun};

use super::fit_be;
use crate::util::{atom, loob, sample3};

/// Whether `sig` (`(cat 8 s r)`) is a BIP-340 signature of the 32-byte
/// message `m` under the x-only public key `pk` (urcrypt's
/// `urcrypt_secp_schnorr_veri`), each most significant byte first. A key
/// off the curve or of p or more, `r` of p or more, or `s` of 0 or n or
/// more is no.
///
/// `pk` or `m` over 32 bytes, or `sig` over 64, is `%exit` (vere).
pub fn sove(pk: Atom, m: Atom, sig: Atom) -> Result<bool, JetError> {
    let pk: [u8; 32] = fit_be(pk).ok_or(JetError::Exit)?;
    let m: [u8; 32] = fit_be(m).ok_or(JetError::Exit)?;
    let sig: [u8; 64] = fit_be(sig).ok_or(JetError::Exit)?;
    let Ok(key) = VerifyingKey::from_bytes(&pk) else {
        return Ok(false);
    };
    let Ok(sig) = Signature::try_from(&sig[..]) else {
        return Ok(false);
    };
    Ok(key.verify_raw(&m, &sig).is_ok())
}

/// `|=  [pk=@I m=@I sig=@J]`; cells are `%exit`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (pk, m, sig) = sample3(core)?;
    Ok(loob(sove(atom(pk)?, atom(m)?, atom(sig)?)?))
}
