//! `++shay`: SHA-256 of the low `len` bytes of `ruz`.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};
use sha2::{Digest, Sha256};

use super::{byte_count, digest_atom, feed};
use crate::util::{atom, sample2};

/// `(shay len ruz)`: the message is `(cut 3 [0 len] ruz)` as `len` bytes,
/// least significant first; the digest's first byte is the atom's lowest.
pub fn shay(heap: &mut Heap, len: u64, ruz: Atom) -> Noun {
    let mut h = Sha256::new();
    feed(&mut h, ruz, len);
    digest_atom(heap, &h.finalize())
}

/// `|=  [len=@u ruz=@]`; cells are `%exit`, a `len` of 2^32 or more
/// `%fail` (vere).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (len, ruz) = sample2(core)?;
    let (len, ruz) = (atom(len)?, atom(ruz)?);
    Ok(shay(&mut rt.heap, byte_count(len)?, ruz))
}
