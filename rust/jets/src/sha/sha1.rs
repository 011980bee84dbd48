//! `++sha-1l:sha` (`~/  %sha1`): SHA-1 of `wid` bytes, big-endian.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};
use sha1::{Digest, Sha1};

use super::{byte_count, digest_atom, feed_reversed};
use crate::util::{atom, sample2};

/// SHA-1 of the low `wid` bytes of `dat` read most significant first, the
/// digest read as a big-endian number (vere's `urcrypt_sha1` reverses the
/// bytes going in and coming out).
pub fn sha1(heap: &mut Heap, wid: u64, dat: Atom) -> Noun {
    let mut h = Sha1::new();
    feed_reversed(&mut h, dat, wid);
    let mut d = h.finalize();
    d.reverse();
    digest_atom(heap, &d)
}

/// `|=  [wid=@ dat=@]` (`byts`); cells are `%exit`, a `wid` of 2^32 or
/// more `%fail` (vere).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (wid, dat) = sample2(core)?;
    let (wid, dat) = (atom(wid)?, atom(dat)?);
    Ok(sha1(&mut rt.heap, byte_count(wid)?, dat))
}
