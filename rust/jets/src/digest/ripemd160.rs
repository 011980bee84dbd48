//! `++ripemd-160:ripemd:crypto`: RIPEMD-160 of a big-endian byte string.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};
use ripemd::{Digest, Ripemd160};

use super::{be_atom, word_fit};
use crate::sha::feed_reversed;
use crate::util::{atom, sample2};

/// RIPEMD-160 of the low `wid` bytes of `dat`, most significant byte
/// first, the digest the same way (urcrypt's `urcrypt_ripemd160`).
pub fn ripemd160(heap: &mut Heap, wid: u32, dat: Atom) -> Noun {
    let mut h = Ripemd160::new();
    feed_reversed(&mut h, dat, u64::from(wid));
    be_atom(heap, &h.finalize())
}

/// `|=  byts`: cells are `%exit`, a width of 2^32 or more `%fail` (vere's
/// `u3we_ripe`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (wid, dat) = sample2(core)?;
    let (wid, dat) = (atom(wid)?, atom(dat)?);
    let wid = word_fit(wid)?;
    Ok(ripemd160(&mut rt.heap, wid, dat))
}
