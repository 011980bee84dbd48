//! `++shal`: SHA-512 of the low `len` bytes of `ruz`.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};
use sha2::{Digest, Sha512};

use super::{byte_count, digest_atom, feed};
use crate::util::{atom, sample2};

/// `(shal len ruz)`: as `shay`, with SHA-512.
pub fn shal(heap: &mut Heap, len: u64, ruz: Atom) -> Noun {
    let mut h = Sha512::new();
    feed(&mut h, ruz, len);
    digest_atom(heap, &h.finalize())
}

/// `|=  [len=@ ruz=@]`; cells are `%exit`, a `len` of 2^32 or more
/// `%fail` (vere).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (len, ruz) = sample2(core)?;
    let (len, ruz) = (atom(len)?, atom(ruz)?);
    Ok(shal(&mut rt.heap, byte_count(len)?, ruz))
}
