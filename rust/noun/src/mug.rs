//! `mug`: vere's 31-bit noun hash (`u3r_mug`), cached in object headers.
//!
//! MurmurHash3 x86_32 over the atom's minimal little-endian bytes (seed
//! 0xcafebabe) or over `le32(mug head) ++ minbytes(mug tail)` (seed
//! 0xdeadbeef); the 32-bit result is xor-folded to 31 bits, and a zero result
//! retries with the next seed, up to eight times. Murmur is written here
//! rather than taken from a crate because atoms are hashed straight from their
//! 64-bit words without copying them to bytes.
//!
//! Indirect atoms and cells cache their mug in the low 32 bits of their meta
//! word (0 = not computed), so after the first time the kernel's mug is one
//! read. Direct atoms are re-hashed (at most 8 bytes).

use crate::noun::{Noun, META_MUG};

const C1: u32 = 0xcc9e_2d51;
const C2: u32 = 0x1b87_3593;

#[inline]
fn mix_block(h: u32, k: u32) -> u32 {
    let k = k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
    (h ^ k)
        .rotate_left(13)
        .wrapping_mul(5)
        .wrapping_add(0xe654_6b64)
}

#[inline]
fn mix_tail(h: u32, k: u32) -> u32 {
    h ^ k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2)
}

#[inline]
fn fmix(mut h: u32, len: usize) -> u32 {
    h ^= len as u32;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// MurmurHash3_x86_32 of the first `nbytes` bytes of `words` read
/// little-endian (the bytes past `nbytes` in the last word must be zero).
fn murmur3_words(words: &[u64], nbytes: usize, seed: u32) -> u32 {
    let nblocks = nbytes / 4;
    let mut h = seed;
    for i in 0..nblocks {
        let w = words[i / 2];
        let k = if i.is_multiple_of(2) {
            w as u32
        } else {
            (w >> 32) as u32
        };
        h = mix_block(h, k);
    }
    if !nbytes.is_multiple_of(4) {
        let w = words[nblocks / 2];
        let k = if nblocks.is_multiple_of(2) {
            w as u32
        } else {
            (w >> 32) as u32
        };
        h = mix_tail(h, k);
    }
    fmix(h, nbytes)
}

/// MurmurHash3_x86_32 of `bytes`.
pub fn murmur3_32(bytes: &[u8], seed: u32) -> u32 {
    let mut h = seed;
    let mut chunks = bytes.chunks_exact(4);
    for c in &mut chunks {
        h = mix_block(h, u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut k = [0u8; 4];
        k[..rest.len()].copy_from_slice(rest);
        h = mix_tail(h, u32::from_le_bytes(k));
    }
    fmix(h, bytes.len())
}

#[inline]
fn fold(seed: u32, fallback: u32, hash: impl Fn(u32) -> u32) -> u32 {
    for i in 0..8 {
        let h = hash(seed.wrapping_add(i));
        let m = (h >> 31) ^ (h & 0x7fff_ffff);
        if m != 0 {
            return m;
        }
    }
    fallback
}

/// The mug of an atom given as words (last word non-zero, or `[0]`).
pub fn mug_words(words: &[u64]) -> u32 {
    let last = words[words.len() - 1];
    let bits = (words.len() - 1) * 64 + (64 - last.leading_zeros() as usize);
    let nbytes = bits.div_ceil(8);
    fold(0xcafe_babe, 0x7fff, |s| murmur3_words(words, nbytes, s))
}

/// The mug of a cell whose head and tail have mugs `h` and `t`
/// (`u3r_mug_both`).
pub fn mug_both(h: u32, t: u32) -> u32 {
    let mut key = [0u8; 8];
    key[..4].copy_from_slice(&h.to_le_bytes());
    key[4..].copy_from_slice(&t.to_le_bytes());
    let tlen = (32 - t.leading_zeros() as usize).div_ceil(8);
    fold(0xdead_beef, 0xfffe, |s| murmur3_32(&key[..4 + tlen], s))
}

#[inline]
fn store(n: Noun, m: u32) {
    let meta = n.meta();
    n.set_meta((meta & !META_MUG) | u64::from(m));
}

/// The mug if already known without hashing a cell (atoms are hashed now).
#[inline]
fn known(n: Noun) -> Option<u32> {
    if let Some(m) = n.cached_mug() {
        return Some(m);
    }
    let a = n.as_atom()?;
    let m = mug_words(a.words());
    if !n.is_direct() {
        store(n, m);
    }
    Some(m)
}

/// The mug of `n`, computed once per object and cached. Iterative: a noun of
/// any depth is safe.
pub fn mug(n: Noun) -> u32 {
    if let Some(m) = known(n) {
        return m;
    }
    let mut stack = vec![n];
    while let Some(&top) = stack.last() {
        let Some((h, t)) = top.cell_parts() else {
            unreachable!("only cells are pushed")
        };
        let Some(hm) = known(h) else {
            stack.push(h);
            continue;
        };
        let Some(tm) = known(t) else {
            stack.push(t);
            continue;
        };
        store(top, mug_both(hm, tm));
        stack.pop();
    }
    n.cached_mug().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;

    #[test]
    fn murmur_reference_values() {
        // Published MurmurHash3_x86_32 test values.
        assert_eq!(murmur3_32(b"", 0), 0);
        assert_eq!(murmur3_32(b"", 1), 0x514e_28b7);
        assert_eq!(murmur3_32(b"test", 0), 0xba6b_d213);
        assert_eq!(murmur3_32(b"Hello, world!", 1234), 0xfaf6_cdb3);
        assert_eq!(
            murmur3_32(b"The quick brown fox jumps over the lazy dog", 0x9747_b28c),
            0x2fa8_26cd
        );
    }

    #[test]
    fn word_and_byte_murmur_agree() {
        let mut heap = Heap::with_defaults().expect("heap");
        for len in 1..40usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8 | 1).collect();
            let a = heap.atom_from_le_bytes(&bytes);
            let words = a.as_atom().expect("atom").words().to_vec();
            assert_eq!(
                murmur3_words(&words, len, 7),
                murmur3_32(&bytes, 7),
                "len {len}"
            );
        }
    }
}
