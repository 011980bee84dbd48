//! Secure hashes (`tri`): `shax`, `shay`, `shas`, `shal`, `sha-1l:sha`,
//! with the RustCrypto `sha2` and `sha1` crates, and `raw:og`, the
//! generator built on `shas`.
//!
//! Byte order follows vere-v3.0's jets (`jets/e/shax.c`, `sha1.c`, calling
//! urcrypt): a message is the atom's bytes least significant first, and a
//! digest's first byte is the atom's least significant; `sha1` alone
//! reverses both (its Hoon is big-endian). A length sample (`shay`, `shal`,
//! `sha1`) of 2^32 or more bails `%fail`, as vere's `u3r_word_fit` does;
//! bytes past the atom's end are zeros, hashed without being allocated.

use mars_nock::{JetError, Mote};
use mars_noun::{Atom, Heap, Noun};
use sha2::Digest;

pub mod og;
pub mod sha1;
pub mod shal;
pub mod shas;
pub mod shax;
pub mod shay;

crate::table::family! {
    shax: "one/two/tri/shax" => shax::jet;
    shay: "one/two/tri/shay" => shay::jet;
    shas: "one/two/tri/shas" => shas::jet;
    shal: "one/two/tri/shal" => shal::jet;
    sha1: "one/two/tri/sha/sha1" => sha1::jet;
    og_raw: "one/two/tri/og/raw" => og::jet;
}

/// Zero bytes fed at a time for padding past an atom's end.
const ZEROS: [u8; 4096] = [0; 4096];

/// A byte length as vere takes it: below 2^32, else `%fail`.
pub fn byte_count(len: Atom) -> Result<u64, JetError> {
    match len.as_u64() {
        Some(n) if n <= u64::from(u32::MAX) => Ok(n),
        _ => Err(JetError::Fail(Mote::Fail)),
    }
}

/// Feed `n` zero bytes.
fn feed_zeros<D: Digest>(h: &mut D, mut n: u64) {
    while n > 0 {
        let k = n.min(ZEROS.len() as u64) as usize;
        h.update(&ZEROS[..k]);
        n -= k as u64;
    }
}

/// Feed the low `len` bytes of `a`, least significant first (zeros past
/// its end).
pub fn feed<D: Digest>(h: &mut D, a: Atom, len: u64) {
    let words = a.words();
    let have = (words.len() as u64 * 8).min(len);
    let full = (have / 8) as usize;
    for w in &words[..full] {
        h.update(w.to_le_bytes());
    }
    let rest = (have % 8) as usize;
    if rest > 0 {
        h.update(&words[full].to_le_bytes()[..rest]);
    }
    feed_zeros(h, len - have);
}

/// Feed the low `len` bytes of `a`, most significant first (the byte
/// order `urcrypt__reverse` gives).
pub fn feed_reversed<D: Digest>(h: &mut D, a: Atom, len: u64) {
    let words = a.words();
    let have = (words.len() as u64 * 8).min(len);
    feed_zeros(h, len - have);
    let full = (have / 8) as usize;
    let rest = (have % 8) as usize;
    let be = |w: u64| {
        let mut b = w.to_le_bytes();
        b.reverse();
        b
    };
    if rest > 0 {
        h.update(&be(words[full])[8 - rest..]);
    }
    for w in words[..full].iter().rev() {
        h.update(be(*w));
    }
}

/// The digest as an atom, its first byte least significant.
pub fn digest_atom(heap: &mut Heap, bytes: &[u8]) -> Noun {
    heap.atom_from_le_bytes(bytes)
}
