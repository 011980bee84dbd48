//! Bit streams over little-endian 64-bit words, least significant bit first.
//!
//! Bit `k` of a stream is bit `k % 64` of word `k / 64`; read as an atom, bit
//! `k` has weight 2^k. Both sides move whole words: the writer keeps a
//! partial word in a register and flushes it when full, the reader loads the
//! (at most two) words that hold the next 64 bits and shifts them together.

use crate::error::{CueError, CueErrorKind};

/// The low `n` bits set (`n <= 64`).
#[inline]
fn low_mask(n: u32) -> u64 {
    u64::MAX.checked_shr(64 - n).unwrap_or(0)
}

/// Appends bits to a growing buffer of words.
#[derive(Debug, Default)]
pub(crate) struct BitWriter {
    /// Complete words.
    words: Vec<u64>,
    /// The partial word: its low `fill` bits are written, the rest are zero.
    acc: u64,
    /// Bits in `acc`, always below 64.
    fill: u32,
}

impl BitWriter {
    pub(crate) fn new() -> BitWriter {
        BitWriter::default()
    }

    /// Bits written so far: the offset of the next bit.
    #[inline]
    pub(crate) fn pos(&self) -> u64 {
        self.words.len() as u64 * 64 + u64::from(self.fill)
    }

    /// Write the low `n` bits of `v` (`n <= 64`; the bits of `v` above `n`
    /// must be zero).
    #[inline]
    pub(crate) fn write(&mut self, v: u64, n: u32) {
        debug_assert!(n <= 64 && v & !low_mask(n) == 0, "write({v:#x}, {n})");
        self.acc |= v << self.fill;
        let total = self.fill + n;
        if total < 64 {
            self.fill = total;
        } else {
            self.words.push(self.acc);
            // The bits of `v` that did not fit: `v >> (64 - fill)`, written
            // in two steps so that `fill == 0` gives 0 instead of overflowing.
            self.acc = (v >> 1) >> (63 - self.fill);
            self.fill = total - 64;
        }
    }

    /// Write `n` zero bits (any `n`).
    pub(crate) fn write_zeros(&mut self, n: u64) {
        let mut left = n;
        while left > 0 {
            let step = left.min(64) as u32;
            self.write(0, step);
            left -= u64::from(step);
        }
    }

    /// Write the low `nbits` bits of the little-endian words `src`, which must
    /// hold at least that many bits.
    pub(crate) fn write_words(&mut self, src: &[u64], nbits: u64) {
        let full = (nbits / 64) as usize;
        let rest = (nbits % 64) as u32;
        if self.fill == 0 {
            self.words.extend_from_slice(&src[..full]);
        } else {
            for &w in &src[..full] {
                self.write(w, 64);
            }
        }
        if rest > 0 {
            self.write(src[full] & low_mask(rest), rest);
        }
    }

    /// The stream as words (the last one zero-padded at the top).
    pub(crate) fn into_words(mut self) -> Vec<u64> {
        if self.fill > 0 {
            self.words.push(self.acc);
        }
        self.words
    }

    /// The stream as bytes, minimal: no trailing zero byte.
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        let words = self.into_words();
        let mut out = Vec::with_capacity(words.len() * 8);
        for w in &words {
            out.extend_from_slice(&w.to_le_bytes());
        }
        while out.last() == Some(&0) {
            out.pop();
        }
        out
    }
}

/// Reads bits from a slice of words, failing at `end`.
///
/// Every bit of `words` at or past `end` must be zero (the callers pad with
/// zeros or pass an atom's normalised words); `peek` relies on it to find the
/// end of a run of zeros without a separate bound check.
#[derive(Debug)]
pub(crate) struct BitReader<'a> {
    words: &'a [u64],
    end: u64,
    pos: u64,
}

impl<'a> BitReader<'a> {
    /// A reader of the first `end` bits of `words` (`end <= 64 * words.len()`).
    pub(crate) fn new(words: &'a [u64], end: u64) -> BitReader<'a> {
        debug_assert!(end <= words.len() as u64 * 64);
        BitReader { words, end, pos: 0 }
    }

    /// Offset of the next bit.
    #[inline]
    pub(crate) fn pos(&self) -> u64 {
        self.pos
    }

    /// Bits left before the end.
    #[inline]
    pub(crate) fn remaining(&self) -> u64 {
        self.end - self.pos
    }

    #[cold]
    fn err(&self, kind: CueErrorKind) -> CueError {
        CueError::new(kind, self.pos)
    }

    /// The 64 bits starting at `at`, zeros past the words.
    #[inline]
    fn peek(&self, at: u64) -> u64 {
        let i = (at / 64) as usize;
        let o = (at % 64) as u32;
        let lo = self.words.get(i).copied().unwrap_or(0);
        let hi = self.words.get(i + 1).copied().unwrap_or(0);
        // `hi << (64 - o)` in two steps, so that `o == 0` gives 0.
        (lo >> o) | ((hi << 1) << (63 - o))
    }

    /// The next bit.
    #[inline]
    pub(crate) fn bit(&mut self) -> Result<bool, CueError> {
        if self.pos >= self.end {
            return Err(self.err(CueErrorKind::EndOfInput));
        }
        let w = self.words[(self.pos / 64) as usize];
        let b = (w >> (self.pos % 64)) & 1 == 1;
        self.pos += 1;
        Ok(b)
    }

    /// The next `n` bits as a number (`n <= 64`).
    #[inline]
    pub(crate) fn read(&mut self, n: u32) -> Result<u64, CueError> {
        debug_assert!(n <= 64);
        if u64::from(n) > self.remaining() {
            return Err(self.err(CueErrorKind::EndOfInput));
        }
        let v = self.peek(self.pos) & low_mask(n);
        self.pos += u64::from(n);
        Ok(v)
    }

    /// A unary number: count the zeros before the next 1 bit and consume
    /// them and the 1. Fails past the end, and at 64 zeros or more.
    #[inline]
    pub(crate) fn unary(&mut self) -> Result<u32, CueError> {
        let v = self.peek(self.pos);
        if v == 0 {
            // Bits past the end read as zero: 64 zeros are either the end of
            // the input or a prefix that is too long.
            let kind = if self.remaining() <= 64 {
                CueErrorKind::EndOfInput
            } else {
                CueErrorKind::LengthPrefixTooLong
            };
            return Err(self.err(kind));
        }
        let k = v.trailing_zeros();
        if u64::from(k) >= self.remaining() {
            // Only if the zero padding promised above is missing.
            return Err(self.err(CueErrorKind::EndOfInput));
        }
        self.pos += u64::from(k) + 1;
        Ok(k)
    }

    /// Copy the next `nbits` bits into `out` (which must have room for them;
    /// its words past `nbits` are left alone). The caller has checked that
    /// `nbits <= remaining()`.
    pub(crate) fn read_words(&mut self, nbits: u64, out: &mut [u64]) {
        debug_assert!(nbits <= self.remaining());
        let full = (nbits / 64) as usize;
        let rest = (nbits % 64) as u32;
        let start = self.pos;
        if start % 64 == 0 {
            let i = (start / 64) as usize;
            out[..full].copy_from_slice(&self.words[i..i + full]);
        } else {
            for (k, w) in out[..full].iter_mut().enumerate() {
                *w = self.peek(start + 64 * k as u64);
            }
        }
        if rest > 0 {
            out[full] = self.peek(start + 64 * full as u64) & low_mask(rest);
        }
        self.pos += nbits;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random sequence (xorshift).
    fn noise(seed: u64) -> impl Iterator<Item = u64> {
        let mut x = seed | 1;
        std::iter::repeat_with(move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
    }

    #[test]
    fn mask() {
        assert_eq!(low_mask(0), 0);
        assert_eq!(low_mask(1), 1);
        assert_eq!(low_mask(63), u64::MAX >> 1);
        assert_eq!(low_mask(64), u64::MAX);
    }

    #[test]
    fn writer_packs_lsb_first() {
        let mut w = BitWriter::new();
        w.write(1, 1);
        w.write(0, 1);
        w.write(0b110, 3);
        assert_eq!(w.pos(), 5);
        assert_eq!(w.into_bytes(), vec![0b11001]);
        assert_eq!(BitWriter::new().into_bytes(), Vec::<u8>::new());
    }

    #[test]
    fn writer_trims_trailing_zero_bytes() {
        let mut w = BitWriter::new();
        w.write(1, 1);
        w.write_zeros(100);
        assert_eq!(w.into_bytes(), vec![1]);
    }

    #[test]
    fn write_then_read_any_widths() {
        let values: Vec<(u64, u32)> = noise(7)
            .take(2000)
            .enumerate()
            .map(|(i, x)| {
                let n = (i as u32 * 7 + (x as u32 >> 5)) % 65;
                (x & low_mask(n), n)
            })
            .collect();
        let mut w = BitWriter::new();
        for &(v, n) in &values {
            w.write(v, n);
        }
        let end = w.pos();
        let words = w.into_words();
        let mut r = BitReader::new(&words, end);
        for &(v, n) in &values {
            assert_eq!(r.read(n), Ok(v));
        }
        assert_eq!(r.remaining(), 0);
        assert_eq!(
            r.read(1).map_err(|e| e.kind()),
            Err(CueErrorKind::EndOfInput)
        );
        assert_eq!(r.read(0), Ok(0));
    }

    #[test]
    fn words_at_every_alignment() {
        let src: Vec<u64> = noise(99).take(5).collect();
        for shift in 0..130u32 {
            for nbits in [0u64, 1, 63, 64, 65, 128, 200, 320] {
                let mut w = BitWriter::new();
                w.write_zeros(u64::from(shift));
                w.write_words(&src, nbits);
                w.write(1, 1);
                let end = w.pos();
                let words = w.into_words();
                let mut r = BitReader::new(&words, end);
                let mut skip = shift;
                while skip > 0 {
                    let step = skip.min(64);
                    assert_eq!(r.read(step), Ok(0));
                    skip -= step;
                }
                let mut out = vec![0u64; 6];
                r.read_words(nbits, &mut out);
                for (i, &o) in out.iter().enumerate() {
                    let lo = (i as u64) * 64;
                    let want = if lo + 64 <= nbits {
                        src[i]
                    } else if lo < nbits {
                        src[i] & low_mask((nbits - lo) as u32)
                    } else {
                        0
                    };
                    assert_eq!(o, want, "shift {shift} nbits {nbits} word {i}");
                }
                assert_eq!(r.bit(), Ok(true));
                assert_eq!(r.remaining(), 0);
            }
        }
    }

    #[test]
    fn unary_counts_zeros() {
        let mut w = BitWriter::new();
        w.write(1, 1);
        w.write_zeros(5);
        w.write(1, 1);
        w.write_zeros(63);
        w.write(1, 1);
        w.write_zeros(64);
        w.write(1, 1);
        let end = w.pos();
        let words = w.into_words();
        let mut r = BitReader::new(&words, end);
        assert_eq!(r.unary(), Ok(0));
        assert_eq!(r.unary(), Ok(5));
        assert_eq!(r.unary(), Ok(63));
        let e = r.unary().expect_err("64 zeros");
        assert_eq!(e.kind(), CueErrorKind::LengthPrefixTooLong);
        assert_eq!(e.at(), 71);
    }

    #[test]
    fn unary_at_the_end() {
        let words = [0b1000u64];
        let mut r = BitReader::new(&words, 8);
        assert_eq!(r.unary(), Ok(3));
        assert_eq!(
            r.unary().map_err(|e| e.kind()),
            Err(CueErrorKind::EndOfInput)
        );
        let mut r = BitReader::new(&[0], 3);
        assert_eq!(
            r.unary().map_err(|e| e.kind()),
            Err(CueErrorKind::EndOfInput)
        );
    }
}
