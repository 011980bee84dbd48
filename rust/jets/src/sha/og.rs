//! `++raw:og`: `b` pseudo-random bits from the seed `a` (the door's
//! sample), by salted SHA-256.

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::shas::shas;
use crate::bits::can::can;
use crate::bits::mix::mix;
use crate::util::{atom, sample, slot};

/// `%og-a` and `%og-b`, the salts.
const OG_A: u64 = u64::from_le_bytes(*b"og-a\0\0\0\0");
const OG_B: u64 = u64::from_le_bytes(*b"og-b\0\0\0\0");

/// vere's `u3qeo_raw`: `c = (shas %og-a (mix b a))`, then blocks of 256
/// bits `d = (shas %og-b (mix b (mix a c)))`, each the next `c`, with `b`
/// counting down by 256; the last block is cut to the bits left; the
/// blocks are joined lowest first (`can 0`). `b` must be below 2^31 (a
/// direct atom in vere), else `%fail`. `shas` is vere's, which hashes at
/// least 32 bytes (see `shas`): where this kelvin's Hoon `shas` hashes
/// fewer, about one block in 256, vere decides.
pub fn raw(heap: &mut Heap, a: Atom, b: Atom) -> Result<Noun, JetError> {
    let mut left = match b.as_u64() {
        Some(v) if v < 1 << 31 => v,
        _ => return Err(JetError::Fail(Mote::Fail)),
    };
    let ab = mix(heap, b, a);
    let mut c = shas(heap, atom(Noun::direct(OG_A))?, atom(ab)?);
    let mut blocks: Vec<(Option<u64>, Atom)> = Vec::new();
    while left > 0 {
        let ac = mix(heap, a, atom(c)?);
        let bl = heap.atom_u64(left);
        let y = mix(heap, atom(bl)?, atom(ac)?);
        let d = shas(heap, atom(Noun::direct(OG_B))?, atom(y)?);
        if left < 256 {
            blocks.push((Some(left), atom(d)?));
            left = 0;
        } else {
            blocks.push((Some(256), atom(d)?));
            c = d;
            left -= 256;
        }
    }
    can(heap, 0, &blocks)
}

/// `|=  b=@` in `|_  a=@` (the seed at axis 30); cells are `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = atom(sample(core)?)?;
    let a = atom(slot(core, 30)?)?;
    raw(&mut rt.heap, a, b)
}
