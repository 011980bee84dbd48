//! What the AES jets share: byte order, AES-CMAC, S2V and CTR (RFC 4493,
//! RFC 5297) on RustCrypto's `aes` block cipher.
//!
//! SIV is built here rather than taken from `aes-siv`, which refuses more
//! than 126 associated-data items; the Hoon and vere's libaes_siv take any
//! number. The test vectors of RFC 5297 and `aes-siv` itself check it
//! (`tests/crypto.rs`).

use aes::cipher::generic_array::GenericArray;
use aes::cipher::typenum::U16;
use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit};
use mars_noun::{Atom, Heap, Noun};

/// An AES variant: any of `aes::Aes128`, `Aes192`, `Aes256`.
pub trait Aes: BlockEncrypt<BlockSize = U16> + BlockDecrypt<BlockSize = U16> + KeyInit {}
impl<C: BlockEncrypt<BlockSize = U16> + BlockDecrypt<BlockSize = U16> + KeyInit> Aes for C {}

/// A 16-byte block.
pub type Block = [u8; 16];

/// The cipher for a key of the right length.
pub fn cipher<C: Aes>(key: &[u8]) -> C {
    C::new(GenericArray::from_slice(key))
}

/// Encrypt one block.
pub fn encrypt<C: Aes>(c: &C, b: &Block) -> Block {
    let mut g = GenericArray::clone_from_slice(b);
    c.encrypt_block(&mut g);
    g.into()
}

/// Decrypt one block.
pub fn decrypt<C: Aes>(c: &C, b: &Block) -> Block {
    let mut g = GenericArray::clone_from_slice(b);
    c.decrypt_block(&mut g);
    g.into()
}

/// The low `n` bytes of `a`, most significant first (vere's `u3r_bytes`
/// then `urcrypt__reverse`): the atom read as a big-endian string of `n`
/// bytes, cut or zero-padded on the big end.
pub fn be_bytes(a: Atom, n: usize) -> Vec<u8> {
    let mut out = vec![0u8; n];
    let words = a.words();
    for (i, o) in out.iter_mut().rev().enumerate() {
        if let Some(w) = words.get(i / 8) {
            *o = (w >> (8 * (i % 8))) as u8;
        }
    }
    out
}

/// A big-endian byte string as an atom (leading zeros vanish).
pub fn from_be(heap: &mut Heap, bytes: &[u8]) -> Noun {
    let mut le = bytes.to_vec();
    le.reverse();
    heap.atom_from_le_bytes(&le)
}

/// A block as a big-endian number (the project denies `from_be_bytes`).
fn be128(b: &Block) -> u128 {
    let mut r = *b;
    r.reverse();
    u128::from_le_bytes(r)
}

/// A big-endian number as a block.
fn block_be(v: u128) -> Block {
    let mut r = v.to_le_bytes();
    r.reverse();
    r
}

fn xor(a: &mut Block, b: &Block) {
    for (x, y) in a.iter_mut().zip(b) {
        *x ^= y;
    }
}

/// Doubling in GF(2^128) (RFC 5297 `dbl`).
fn dbl(b: &Block) -> Block {
    let v = be128(b);
    let mut d = v << 1;
    if v >> 127 == 1 {
        d ^= 0x87;
    }
    block_be(d)
}

/// AES-CMAC (RFC 4493) of `msg`.
pub fn cmac<C: Aes>(c: &C, msg: &[u8]) -> Block {
    let k1 = dbl(&encrypt(c, &[0; 16]));
    let k2 = dbl(&k1);
    let n = msg.len().div_ceil(16).max(1);
    let complete = !msg.is_empty() && msg.len() % 16 == 0;
    let mut x = [0u8; 16];
    for chunk in msg.chunks(16).take(n - 1) {
        let mut b: Block = [0; 16];
        b.copy_from_slice(chunk);
        xor(&mut x, &b);
        x = encrypt(c, &x);
    }
    let tail = &msg[16 * (n - 1)..];
    let mut last: Block = [0; 16];
    last[..tail.len()].copy_from_slice(tail);
    if complete {
        xor(&mut last, &k1);
    } else {
        last[tail.len()] = 0x80;
        xor(&mut last, &k2);
    }
    xor(&mut x, &last);
    encrypt(c, &x)
}

/// S2V (RFC 5297) over the associated data and then the message.
pub fn s2v<C: Aes>(c: &C, ads: &[Vec<u8>], msg: &[u8]) -> Block {
    let mut d = cmac(c, &[0; 16]);
    for a in ads {
        d = dbl(&d);
        xor(&mut d, &cmac(c, a));
    }
    if msg.len() >= 16 {
        let mut t = msg.to_vec();
        let at = t.len() - 16;
        for (x, y) in t[at..].iter_mut().zip(d.iter()) {
            *x ^= y;
        }
        cmac(c, &t)
    } else {
        let mut t = dbl(&d);
        let mut p: Block = [0; 16];
        p[..msg.len()].copy_from_slice(msg);
        p[msg.len()] = 0x80;
        xor(&mut t, &p);
        cmac(c, &t)
    }
}

/// AES-CTR from the counter block `ctr` (a 128-bit big-endian number),
/// in place.
pub fn ctr<C: Aes>(c: &C, ctr: &Block, data: &mut [u8]) {
    let mut n = be128(ctr);
    for chunk in data.chunks_mut(16) {
        let k = encrypt(c, &block_be(n));
        for (x, y) in chunk.iter_mut().zip(k.iter()) {
            *x ^= y;
        }
        n = n.wrapping_add(1);
    }
}

/// The SIV counter: the tag with bits 63 and 31 cleared.
fn siv_counter(v: &Block) -> Block {
    let mut q = *v;
    q[8] &= 0x7f;
    q[12] &= 0x7f;
    q
}

/// SIV encryption (RFC 5297) with the key `K1 || K2`: the tag, then the
/// ciphertext in place of `msg`.
pub fn siv_encrypt<C: Aes>(key: &[u8], ads: &[Vec<u8>], msg: &mut [u8]) -> Block {
    let (k1, k2) = key.split_at(key.len() / 2);
    let v = s2v(&cipher::<C>(k1), ads, msg);
    ctr(&cipher::<C>(k2), &siv_counter(&v), msg);
    v
}

/// SIV decryption: the plaintext in place of `msg`, and whether the tag
/// `v` authenticates it.
pub fn siv_decrypt<C: Aes>(key: &[u8], ads: &[Vec<u8>], v: &Block, msg: &mut [u8]) -> bool {
    let (k1, k2) = key.split_at(key.len() / 2);
    ctr(&cipher::<C>(k2), &siv_counter(v), msg);
    s2v(&cipher::<C>(k1), ads, msg) == *v
}
