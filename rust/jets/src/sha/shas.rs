//! `++shas`: salted SHA-256.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};
use sha2::{Digest, Sha256};

use super::{digest_atom, feed};
use crate::util::{atom, sample2};

/// `(shax (mix sal (shax ruz)))`, hashed over `(max 32 (met 3 sal))` bytes
/// as vere's `urcrypt_shas` does. The Hoon of this kelvin hashes
/// `(met 3 (mix ...))` bytes instead, fewer when the top byte of the mix is
/// 0 (1 time in 256 for a salt of up to 32 bytes); vere decides.
pub fn shas(heap: &mut Heap, sal: Atom, ruz: Atom) -> Noun {
    let mut h = Sha256::new();
    feed(&mut h, ruz, ruz.byte_len() as u64);
    let mid = h.finalize();
    let mut buf = sal.to_le_bytes();
    if buf.len() < 32 {
        buf.resize(32, 0);
    }
    for (b, m) in buf.iter_mut().zip(mid.iter()) {
        *b ^= m;
    }
    digest_atom(heap, &Sha256::digest(&buf))
}

/// `|=  [sal=@ ruz=@]`; cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (sal, ruz) = sample2(core)?;
    Ok(shas(&mut rt.heap, atom(sal)?, atom(ruz)?))
}
