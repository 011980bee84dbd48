//! `++keccak-224`, `++keccak-256`, `++keccak-384`, `++keccak-512` of
//! `keccak:crypto` (the `kecc` core): the original Keccak padding
//! (domain byte `0x1`), not SHA-3's (`0x6`). Four gates of one shape, one
//! file.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};
use sha3::{Digest, Keccak224, Keccak256, Keccak384, Keccak512};

use super::{be_atom, word_fit};
use crate::sha::feed;
use crate::util::{atom, sample2};

/// Keccak of the low `len` bytes of `a`, least significant byte first
/// (the Hoon reverses its big-endian `octs` before the sponge; vere's
/// `u3we_kecc*` passes the bytes unreversed), the digest most significant
/// byte first (urcrypt reverses it).
pub fn keccak<D: Digest>(heap: &mut Heap, len: u32, a: Atom) -> Noun {
    let mut h = D::new();
    feed(&mut h, a, u64::from(len));
    be_atom(heap, &h.finalize())
}

/// `|=(a=octs ...)`: cells are `%exit`, a length of 2^32 or more `%fail`
/// (vere).
fn run<D: Digest>(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (len, a) = sample2(core)?;
    let (len, a) = (atom(len)?, atom(a)?);
    let len = word_fit(len)?;
    Ok(keccak::<D>(&mut rt.heap, len, a))
}

/// `++keccak-224` (`kecc/k224`).
pub fn k224(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    run::<Keccak224>(rt, core)
}

/// `++keccak-256` (`kecc/k256`).
pub fn k256(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    run::<Keccak256>(rt, core)
}

/// `++keccak-384` (`kecc/k384`).
pub fn k384(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    run::<Keccak384>(rt, core)
}

/// `++keccak-512` (`kecc/k512`).
pub fn k512(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    run::<Keccak512>(rt, core)
}
