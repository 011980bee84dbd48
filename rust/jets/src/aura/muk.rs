//! `++muk` (`k140/one/two/muk`): MurmurHash3 x86_32 of `len` bytes of
//! `key` (zero-padded) with the seed `(end 5 syd)`.
//!
//! As vere's `u3qc_muk`: a length of 2^31 or more fails (`%fail`), a key
//! longer than `len` bytes is `%exit` (the Hoon's `sub` underflow), and a
//! cell anywhere is `%exit`. Where the key is shorter than `len`, vere
//! hashes the zero padding; the Hoon does too as long as the key has a
//! 32-bit word for each whole block (`(snag i (rip 5 key))`), and crashes
//! past that (`(muk 0 4 0)`): the jet hashes, as vere does.

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::Noun;

use crate::util::{atom, pair, sample};

const C1: u32 = 0xcc9e_2d51;
const C2: u32 = 0x1b87_3593;

/// `(muk seed len key)` where `key` (its minimal bytes) is at most `len`
/// bytes: the padding past it is zeros, hashed without being stored.
pub fn muk(seed: u32, len: u32, key: &[u8]) -> u32 {
    let len_us = len as usize;
    let byte = |i: usize| key.get(i).copied().unwrap_or(0);
    let mix = |h: u32, k: u32| {
        let k = k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
        (h ^ k)
            .rotate_left(13)
            .wrapping_mul(5)
            .wrapping_add(0xe654_6b64)
    };
    let nblocks = len_us / 4;
    let mut h = seed;
    // Blocks of the key, then blocks of padding (0).
    let keyed = nblocks.min(key.len().div_ceil(4));
    for i in 0..keyed {
        let at = 4 * i;
        h = mix(
            h,
            u32::from_le_bytes([byte(at), byte(at + 1), byte(at + 2), byte(at + 3)]),
        );
    }
    for _ in keyed..nblocks {
        h = mix(h, 0);
    }
    if len_us % 4 != 0 {
        let at = 4 * nblocks;
        let mut k = 0u32;
        for j in (0..len_us % 4).rev() {
            k = (k << 8) | u32::from(byte(at + j));
        }
        h ^= k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
    }
    h ^= len;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// `|=  [syd=@ len=@ key=@]`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (syd, rest) = pair(sample(core)?)?;
    let (len, key) = pair(rest)?;
    let (syd, len, key) = (atom(syd)?, atom(len)?, atom(key)?);
    let len = match len.as_u64() {
        Some(l) if l < 1 << 31 => l as u32,
        _ => return Err(JetError::Fail(Mote::Fail)),
    };
    if key.byte_len() > len as usize {
        return Err(JetError::Exit);
    }
    let seed = syd.words()[0] as u32;
    Ok(Noun::direct(u64::from(muk(seed, len, &key.to_le_bytes()))))
}
