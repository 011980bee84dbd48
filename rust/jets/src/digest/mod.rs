//! The rest of `hex` (zuse's `crypto`, `html`, `differ`): hashes
//! (`blake2b`, keccak, `ripemd-160`, `hmac`), key derivation (`argon2`,
//! scrypt and PBKDF2-SHA-256), secp256k1 (RFC 6979 nonces, ECDSA signing
//! and recovery, BIP-340 Schnorr), base16, and `loss` (Clay's text diff).
//!
//! Every hash is a RustCrypto crate's (`blake2`, `sha3`, `ripemd`, `hmac`,
//! `pbkdf2`, `scrypt`, `argon2`, `k256`); nothing here hashes by hand.
//!
//! Byte order, shapes, limits and punts follow vere-v3.0's jets
//! (`jets/e/{blake,keccak,ripe,hmac,argon2,scr,secp,base}.c`) and the
//! urcrypt they call (commit 43479c3), which decide where they part from
//! this kelvin's Hoon (noted on each gate):
//!
//! * `blake2b`, `ripemd-160`, `argon2` and the secp256k1 arms read their
//!   byte strings most significant byte first (`urcrypt__reverse`) and
//!   give digests the same way, as the Hoon's big-endian `byts` do; keccak
//!   reads its message least significant byte first and gives its digest
//!   reversed; scrypt and PBKDF2 are little-endian throughout.
//! * A length that must fit in 32 bits (`u3r_word_fit`) and does not is
//!   `%fail`; a sample of the wrong shape is `%exit`.
//! * Where vere's C library refuses an input (urcrypt's error, `u3_none`),
//!   vere runs the Hoon: the jet punts there too.

pub mod argon2;
pub mod base16_de;
pub mod base16_en;
pub mod blake2b;
pub mod hmac;
pub mod kecc;
pub mod loss;
pub mod ripemd160;
pub mod scr_hsh;
pub mod scr_hsl;
pub mod scr_pbk;
pub mod scr_pbl;
pub mod secp;
pub mod secp_make;
pub mod secp_reco;
pub mod secp_sign;
pub mod secp_sosi;
pub mod secp_sove;

use mars_nock::{JetError, Mote};
use mars_noun::{Atom, Heap, Noun};

crate::table::family! {
    blake2b: "one/two/tri/qua/pen/hex/blake/blake2b" => blake2b::jet;
    kecc_k224: "one/two/tri/qua/pen/hex/kecc/k224" => kecc::k224;
    kecc_k256: "one/two/tri/qua/pen/hex/kecc/k256" => kecc::k256;
    kecc_k384: "one/two/tri/qua/pen/hex/kecc/k384" => kecc::k384;
    kecc_k512: "one/two/tri/qua/pen/hex/kecc/k512" => kecc::k512;
    ripemd160: "one/two/tri/qua/pen/hex/ripemd/ripemd160" => ripemd160::jet;
    hmac: "one/two/tri/qua/pen/hex/hmac/hmac" => hmac::jet;
    argon2: "one/two/tri/qua/pen/hex/argon/argon2" => argon2::jet;
    scr_pbk: "one/two/tri/qua/pen/hex/scr/pbk" => scr_pbk::jet;
    scr_pbl: "one/two/tri/qua/pen/hex/scr/pbl" => scr_pbl::jet;
    scr_hsh: "one/two/tri/qua/pen/hex/scr/hsh" => scr_hsh::jet;
    scr_hsl: "one/two/tri/qua/pen/hex/scr/hsl" => scr_hsl::jet;
    secp_make: "one/two/tri/qua/pen/hex/secp/secp256k1/make" => secp_make::jet;
    secp_sign: "one/two/tri/qua/pen/hex/secp/secp256k1/sign" => secp_sign::jet;
    secp_reco: "one/two/tri/qua/pen/hex/secp/secp256k1/reco" => secp_reco::jet;
    secp_sosi: "one/two/tri/qua/pen/hex/secp/secp256k1/schnorr/sosi" => secp_sosi::jet;
    secp_sove: "one/two/tri/qua/pen/hex/secp/secp256k1/schnorr/sove" => secp_sove::jet;
    base16_en: "one/two/tri/qua/pen/hex/mimes/base16/en" => base16_en::jet;
    base16_de: "one/two/tri/qua/pen/hex/mimes/base16/de" => base16_de::jet;
    loss: "one/two/tri/qua/pen/hex/loss" => loss::jet;
}

/// Zero bytes fed at a time past an atom's end.
const ZEROS: [u8; 4096] = [0; 4096];

/// vere's `u3r_word_fit`: the atom as a 32-bit length, else `%fail`.
pub fn word_fit(a: Atom) -> Result<u32, JetError> {
    a.as_u64()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(JetError::Fail(Mote::Fail))
}

/// vere's `u3a_is_cat`: a direct atom of vere's (below 2^31).
pub fn cat(a: Atom) -> Option<u32> {
    a.as_u64()
        .filter(|&v| v < 1 << 31)
        .and_then(|v| u32::try_from(v).ok())
}

/// `f` on the low `len` bytes of `a`, least significant first, in
/// chunks (zeros past the atom's end are fed without being allocated).
pub fn for_le_chunks(a: Atom, len: u64, mut f: impl FnMut(&[u8])) {
    let words = a.words();
    let have = (words.len() as u64 * 8).min(len);
    let full = (have / 8) as usize;
    let mut buf = Vec::with_capacity(4096);
    for w in &words[..full] {
        buf.extend_from_slice(&w.to_le_bytes());
        if buf.len() >= 4096 {
            f(&buf);
            buf.clear();
        }
    }
    let rest = (have % 8) as usize;
    if rest > 0 {
        buf.extend_from_slice(&words[full].to_le_bytes()[..rest]);
    }
    if !buf.is_empty() {
        f(&buf);
    }
    let mut zeros = len - have;
    while zeros > 0 {
        let k = zeros.min(ZEROS.len() as u64) as usize;
        f(&ZEROS[..k]);
        zeros -= k as u64;
    }
}

/// `f` on the low `len` bytes of `a`, most significant first (the order
/// `urcrypt__reverse` gives): the zeros above the atom come first.
pub fn for_be_chunks(a: Atom, len: u64, mut f: impl FnMut(&[u8])) {
    let words = a.words();
    let have = (words.len() as u64 * 8).min(len);
    let mut zeros = len - have;
    while zeros > 0 {
        let k = zeros.min(ZEROS.len() as u64) as usize;
        f(&ZEROS[..k]);
        zeros -= k as u64;
    }
    let full = (have / 8) as usize;
    let rest = (have % 8) as usize;
    let be = |w: u64| {
        let mut b = w.to_le_bytes();
        b.reverse();
        b
    };
    let mut buf = Vec::with_capacity(4096);
    if rest > 0 {
        buf.extend_from_slice(&be(words[full])[8 - rest..]);
    }
    for w in words[..full].iter().rev() {
        buf.extend_from_slice(&be(*w));
        if buf.len() >= 4096 {
            f(&buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        f(&buf);
    }
}

/// vere's `u3r_bytes`: the low `len` bytes of `a`, least significant
/// first, zero-padded.
pub fn le_bytes(a: Atom, len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    for_le_chunks(a, len as u64, |c| out.extend_from_slice(c));
    out
}

/// The low `len` bytes of `a`, most significant first (`u3r_bytes`, then
/// `urcrypt__reverse`).
pub fn be_bytes(a: Atom, len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    for_be_chunks(a, len as u64, |c| out.extend_from_slice(c));
    out
}

/// vere's `u3r_bytes_fit` then `urcrypt__reverse`: the atom as `N` bytes,
/// most significant first, if it has at most `N` bytes.
pub fn fit_be<const N: usize>(a: Atom) -> Option<[u8; N]> {
    if a.byte_len() > N {
        return None;
    }
    let mut out = [0u8; N];
    out.copy_from_slice(&be_bytes(a, N));
    Some(out)
}

/// Bytes, most significant first, as an atom (`urcrypt__reverse`, then
/// `u3i_bytes`).
pub fn be_atom(heap: &mut Heap, bytes: &[u8]) -> Noun {
    let mut b = bytes.to_vec();
    b.reverse();
    heap.atom_from_le_bytes(&b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::HeapConfig;

    #[test]
    fn byte_orders() {
        let mut heap = Heap::new(HeapConfig::default()).expect("heap");
        let a = heap.atom_from_le_bytes(&(1..=20).collect::<Vec<u8>>());
        let a = a.as_atom().expect("atom");
        assert_eq!(le_bytes(a, 3), vec![1, 2, 3]);
        assert_eq!(be_bytes(a, 3), vec![3, 2, 1]);
        assert_eq!(be_bytes(a, 22)[..3], [0, 0, 20]);
        assert_eq!(le_bytes(a, 22)[19..], [20, 0, 0]);
        assert_eq!(fit_be::<20>(a).map(|b| b[0]), Some(20));
        assert_eq!(fit_be::<19>(a), None);
        let big = vec![7u8; 10_000];
        let b = heap.atom_from_le_bytes(&big);
        let b = b.as_atom().expect("atom");
        assert_eq!(be_bytes(b, 10_003), [&[0u8, 0, 0][..], &big[..]].concat());
        assert_eq!(le_bytes(b, 9_999), big[..9_999].to_vec());
        let back = be_atom(&mut heap, &be_bytes(a, 20));
        assert_eq!(
            back.as_atom().map(|x| x.to_le_bytes()),
            Some(a.to_le_bytes())
        );
    }
}
