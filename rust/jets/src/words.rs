//! Arithmetic and bit moves on little-endian `u64` word slices (our atom
//! layout), with no allocation: the callers size the output and the heap
//! normalises it. Everything here is pure and unit-tested on its own.
//!
//! Input slices may carry high zero words; outputs are zero-filled by the
//! caller (`util::build`) and only ever OR-ed or written into.

use std::cmp::Ordering;

/// Significant bits of `w` (`met 0`).
#[inline]
pub fn bit_len(w: &[u64]) -> u64 {
    match w.iter().rposition(|&x| x != 0) {
        None => 0,
        Some(i) => i as u64 * 64 + (64 - u64::from(w[i].leading_zeros())),
    }
}

/// Number of `2^bloq`-bit blocks needed for `w` (`met bloq`), for bloq < 64.
#[inline]
pub fn met(bloq: u32, w: &[u64]) -> u64 {
    bit_len(w).div_ceil(1 << bloq)
}

/// Word `i` of `w`, 0 past its end.
#[inline]
fn word(w: &[u64], i: u64) -> u64 {
    usize::try_from(i)
        .ok()
        .and_then(|i| w.get(i).copied())
        .unwrap_or(0)
}

/// The 64 bits of `w` starting at bit `pos` (zeros past the end).
#[inline]
pub fn bits64(w: &[u64], pos: u64) -> u64 {
    let (i, s) = (pos / 64, pos % 64);
    let lo = word(w, i) >> s;
    if s == 0 {
        lo
    } else {
        lo | (word(w, i + 1) << (64 - s))
    }
}

/// Copy `len` bits of `src` starting at bit `from` into `dst` at bit `to`,
/// OR-ing them in (`u3r_chop`). Bits of `src` past its end read as 0; `dst`
/// must hold `to + len` bits, except that zero high bits need no room.
pub fn chop(src: &[u64], from: u64, len: u64, dst: &mut [u64], to: u64) {
    // Clip to the bits `src` actually has: the rest are zeros.
    let avail = bit_len(src).saturating_sub(from);
    let len = len.min(avail);
    if len == 0 {
        return;
    }
    let (base, shift) = ((to / 64) as usize, (to % 64) as u32);
    let full = (len / 64) as usize;
    let rest = (len % 64) as u32;
    let mut put = |k: usize, v: u64| {
        dst[base + k] |= v << shift;
        if shift != 0 {
            let hi = v >> (64 - shift);
            if hi != 0 {
                dst[base + k + 1] |= hi;
            }
        }
    };
    if from % 64 == 0 {
        let start = (from / 64) as usize;
        for k in 0..full {
            put(k, src[start + k]);
        }
    } else {
        for k in 0..full {
            put(k, bits64(src, from + 64 * k as u64));
        }
    }
    if rest != 0 {
        let v = bits64(src, from + 64 * full as u64) & ((1u64 << rest) - 1);
        put(full, v);
    }
}

/// Compare two word slices as numbers.
pub fn cmp(a: &[u64], b: &[u64]) -> Ordering {
    let la = a.iter().rposition(|&x| x != 0).map_or(0, |i| i + 1);
    let lb = b.iter().rposition(|&x| x != 0).map_or(0, |i| i + 1);
    if la != lb {
        return la.cmp(&lb);
    }
    for i in (0..la).rev() {
        match a[i].cmp(&b[i]) {
            Ordering::Equal => continue,
            o => return o,
        }
    }
    Ordering::Equal
}

/// `out = a + b`; `out` must have room for `max(len) + 1` words.
pub fn add(a: &[u64], b: &[u64], out: &mut [u64]) {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut carry = 0u64;
    for ((o, &x), &y) in out.iter_mut().zip(long).zip(short) {
        let t = u128::from(x) + u128::from(y) + u128::from(carry);
        *o = t as u64;
        carry = (t >> 64) as u64;
    }
    let n = short.len();
    for (o, &x) in out[n..].iter_mut().zip(&long[n..]) {
        let (s, c) = x.overflowing_add(carry);
        *o = s;
        carry = u64::from(c);
    }
    if carry != 0 {
        out[long.len()] = 1;
    }
}

/// `out = a - b` for `a >= b`; `out` must have room for `a.len()` words.
/// Returns whether it borrowed past the top (`a < b`).
pub fn sub(a: &[u64], b: &[u64], out: &mut [u64]) -> bool {
    let n = a.len().min(b.len());
    let mut borrow = 0u64;
    for ((o, &x), &y) in out.iter_mut().zip(&a[..n]).zip(&b[..n]) {
        let t = u128::from(x)
            .wrapping_sub(u128::from(y))
            .wrapping_sub(u128::from(borrow));
        *o = t as u64;
        borrow = (t >> 127) as u64;
    }
    for (o, &x) in out[n..].iter_mut().zip(&a[n..]) {
        let (d, c) = x.overflowing_sub(borrow);
        *o = d;
        borrow = u64::from(c);
    }
    borrow != 0 || b[n..].iter().any(|&x| x != 0)
}

/// Write blocks `0..count` of `src` (blocks of `2^bloq` bits) into `out` in
/// reverse order within a field of `width >= count` blocks: block `i` goes
/// to block `width - 1 - i`. `out` must hold `width << bloq` bits.
pub fn reverse_blocks(src: &[u64], bloq: u32, count: u64, width: u64, out: &mut [u64]) {
    if bloq >= 6 {
        // Whole words per block.
        let per = 1usize << (bloq - 6);
        for i in 0..count as usize {
            let j = (width as usize - 1 - i) * per;
            for k in 0..per {
                out[j + k] = src.get(i * per + k).copied().unwrap_or(0);
            }
        }
        return;
    }
    let size = 1u64 << bloq;
    let mask = (1u64 << size) - 1;
    for i in 0..count {
        let v = bits64(src, i << bloq) & mask;
        if v != 0 {
            let to = (width - 1 - i) << bloq;
            out[(to / 64) as usize] |= v << (to % 64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_u128(w: &[u64]) -> u128 {
        u128::from(word(w, 0)) | (u128::from(word(w, 1)) << 64)
    }

    #[test]
    fn bit_len_and_met() {
        assert_eq!(bit_len(&[0]), 0);
        assert_eq!(bit_len(&[1]), 1);
        assert_eq!(bit_len(&[0, 1]), 65);
        assert_eq!(bit_len(&[u64::MAX, 0, 0]), 64);
        assert_eq!(met(3, &[0x1ff]), 2);
        assert_eq!(met(6, &[1, 1]), 2);
        assert_eq!(met(7, &[1, 1, 1]), 2);
        assert_eq!(met(0, &[]), 0);
    }

    #[test]
    fn chop_moves_bits_across_words() {
        let src = [0xdead_beef_0123_4567, 0x89ab_cdef_f00d_cafe];
        for from in [0u64, 1, 7, 63, 64, 65, 100] {
            for len in [0u64, 1, 5, 64, 65, 128] {
                for to in [0u64, 3, 64, 70] {
                    let mut dst = [0u64; 5];
                    chop(&src, from, len, &mut dst, to);
                    let v = to_u128(&src) >> from.min(127);
                    let v = if from >= 128 { 0 } else { v };
                    let v = if len >= 128 {
                        v
                    } else {
                        v & ((1u128 << len) - 1)
                    };
                    // Read back the bits at `to`.
                    let mut back = [0u64; 3];
                    chop(&dst, to, 128, &mut back, 0);
                    assert_eq!(to_u128(&back), v, "from {from} len {len} to {to}");
                }
            }
        }
    }

    #[test]
    fn add_sub_carry_and_borrow() {
        let mut out = [0u64; 3];
        add(&[u64::MAX, u64::MAX], &[1], &mut out);
        assert_eq!(out, [0, 0, 1]);
        let mut out = [0u64; 3];
        assert!(!sub(&[0, 0, 1], &[1], &mut out));
        assert_eq!(out, [u64::MAX, u64::MAX, 0]);
        let mut out = [0u64; 1];
        assert!(sub(&[1], &[2], &mut out));
        assert!(sub(&[1], &[0, 1], &mut out));
        assert_eq!(cmp(&[1, 0], &[1]), Ordering::Equal);
        assert_eq!(cmp(&[0, 1], &[u64::MAX]), Ordering::Greater);
    }

    #[test]
    fn reverse_blocks_in_a_field() {
        let mut out = [0u64; 1];
        reverse_blocks(&[0x0001_0203], 3, 3, 4, &mut out);
        assert_eq!(out[0], 0x0302_0100);
        let mut out = [0u64; 4];
        reverse_blocks(&[1, 2], 6, 2, 4, &mut out);
        assert_eq!(out, [0, 0, 2, 1]);
        let mut out = [0u64; 1];
        reverse_blocks(&[0b1101], 0, 4, 4, &mut out);
        assert_eq!(out[0], 0b1011);
    }
}
