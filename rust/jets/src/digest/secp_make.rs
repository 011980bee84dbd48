//! `++make-k:secp256k1:secp:crypto` (`make`): the RFC 6979 nonce for an
//! ECDSA signature.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::secp::{in_order, rfc6979};
use super::{be_atom, fit_be};
use crate::util::{atom, sample2};

/// The first RFC 6979 HMAC-SHA-256 DRBG output for the hash `has` and the
/// private key `prv` (urcrypt's `urcrypt_secp_make`, libsecp256k1's
/// `nonce_function_rfc6979`), each 32 bytes most significant first, as is
/// the nonce. A hash over 32 bytes, or a key of 0 or over 32 bytes, is
/// `%exit`.
///
/// Where vere decides: a key of n or more (up to 2^256) gives the
/// libsecp256k1 nonce (vere does not check it; the Hoon's `in-order`
/// crashes), and a hash of n or more is reduced mod n first (as
/// libsecp256k1 does; the Hoon does not).
pub fn make(heap: &mut Heap, has: Atom, prv: Atom) -> Result<Noun, JetError> {
    let has: [u8; 32] = fit_be(has).ok_or(JetError::Exit)?;
    let prv = in_order(prv).ok_or(JetError::Exit)?;
    Ok(be_atom(heap, &rfc6979(&prv, &has, 0)))
}

/// `|=  [hash=@uvI private-key=@]`; cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (has, prv) = sample2(core)?;
    make(&mut rt.heap, atom(has)?, atom(prv)?)
}
