//! `++cue`: the noun an atom serialises.
//!
//! A well-formed stream is decoded by `mars_serial::cue_atom`, bit for bit
//! vere's `u3s_cue_atom`. When that refuses the input, the input is decoded
//! again by [`vere_cue`], a model of vere's own reader (`ur_bsr_*` in
//! `pkg/ur/bitstream.c`, driven as in `u3s_cue_bytes`), so that malformed
//! input gives vere's answer, not merely some error:
//!
//! * Tag bits and length prefixes past the end of the input crash (`%exit`),
//!   as in the Hoon, whose `rub` gives up after `met 0` zeros.
//! * The bits of a length, an offset or an atom past the end read as 0, as
//!   `cut` does in the Hoon: an atom cut short by the end of the input is
//!   the bits that are there, and the stream stays valid if nothing follows
//!   it. (`mars_serial` refuses such an atom.)
//! * vere's limits: a length prefix of 64 zeros or more, or one whose zeros
//!   run on for 32 bytes past the current one, or an offset of more than 62
//!   bits, bail `%meme`; an atom claiming 2^37 bits or more fails `%fail`
//!   (`_ci_slab_size`), one wider than `util::MAX_BITS` is `%meme` (vere
//!   could not allocate it). The Hoon would go on in these cases, and
//!   sometimes produce a noun; we follow vere.
//!
//! Nothing is allocated for the part of an atom past the input, so a claimed
//! size costs nothing.

use std::collections::HashMap;

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::bits::cut::cut;
use crate::util::{atom, sample, MAX_BITS};
use crate::words;

/// `cue a`, or the crash vere gives.
pub fn cue(heap: &mut Heap, a: Atom) -> Result<Noun, JetError> {
    match mars_serial::cue_atom(heap, a) {
        Ok(n) => Ok(n),
        Err(_) => vere_cue(heap, a),
    }
}

/// `|=  a=@`; a cell is `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?;
    cue(&mut rt.heap, a)
}

/// What a read of vere's bit reader gave instead of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// `ur_cue_gone` (or a missing backreference): `%exit`.
    Gone,
    /// `ur_cue_meme`: `%meme`.
    Meme,
    /// `_ci_slab_size` overflow: `%fail`.
    Fail,
}

impl From<Stop> for JetError {
    fn from(s: Stop) -> JetError {
        match s {
            Stop::Gone => JetError::Exit,
            Stop::Meme => JetError::Fail(Mote::Meme),
            Stop::Fail => JetError::Fail(Mote::Fail),
        }
    }
}

/// The three tags of a jam stream.
enum Tag {
    Atom,
    Cell,
    Back,
}

/// vere's `ur_bsr_t` over the bytes of an atom: `end` is eight times its
/// byte length, the words are zero past its bits.
struct Reader<'a> {
    words: &'a [u64],
    end: u64,
    pos: u64,
}

impl Reader<'_> {
    fn bit(&self, at: u64) -> bool {
        words::bits64(self.words, at) & 1 == 1
    }

    /// Byte `i` of the input (`i < end / 8`).
    fn byte(&self, i: u64) -> u8 {
        words::bits64(self.words, i * 8) as u8
    }

    /// `ur_bsr_tag`: past the end (or a 1 in the last bit) is `gone`.
    fn tag(&mut self) -> Result<Tag, Stop> {
        if self.pos >= self.end {
            return Err(Stop::Gone);
        }
        if !self.bit(self.pos) {
            self.pos += 1;
            return Ok(Tag::Atom);
        }
        if self.pos + 1 >= self.end {
            return Err(Stop::Gone);
        }
        let back = self.bit(self.pos + 1);
        self.pos += 2;
        Ok(if back { Tag::Back } else { Tag::Cell })
    }

    /// `ur_bsr_log`: count zeros up to a 1 bit and consume them and it.
    /// Zeros running to the end are `gone`; past the current byte and 32
    /// more, or more than 255 of them, `meme`.
    fn log(&mut self) -> Result<u64, Stop> {
        if self.pos >= self.end {
            return Err(Stop::Gone);
        }
        let off = self.pos % 8;
        let first = self.pos / 8;
        let left = self.end / 8 - first;
        let mut byt = self.byte(first) >> off;
        let mut skip = 0u64;
        while byt == 0 {
            if skip == 32 {
                return Err(Stop::Meme);
            }
            skip += 1;
            if skip == left {
                return Err(Stop::Gone);
            }
            byt = self.byte(first + skip);
        }
        let zeros = u64::from(byt.trailing_zeros()) + if skip > 0 { skip * 8 - off } else { 0 };
        if zeros > 255 {
            return Err(Stop::Meme);
        }
        self.pos += 1 + zeros;
        Ok(zeros)
    }

    /// `ur_bsr64_any`: the next `n <= 64` bits, zeros past the end.
    fn any(&mut self, n: u64) -> u64 {
        let v = words::bits64(self.words, self.pos);
        self.pos += n;
        if n >= 64 {
            v
        } else {
            v & ((1 << n) - 1)
        }
    }

    /// `ur_bsr_rub_len`: a length prefix, then the length.
    fn rub_len(&mut self) -> Result<u64, Stop> {
        let k = self.log()?;
        if k >= 64 {
            return Err(Stop::Meme);
        }
        Ok(match k {
            0 => 0,
            1 => 1,
            _ => self.any(k - 1) | 1 << (k - 1),
        })
    }
}

/// vere's `u3s_cue_bytes` on the bytes of `a`.
pub fn vere_cue(heap: &mut Heap, a: Atom) -> Result<Noun, JetError> {
    let mut r = Reader {
        words: a.words(),
        end: a.byte_len() as u64 * 8,
        pos: 0,
    };
    // Every noun read so far, by the offset of its tag. No collection runs
    // during a jet, so the nouns stay put.
    let mut dict: HashMap<u64, Noun> = HashMap::new();
    // Cells being read: the offset of their tag and, once read, their head.
    let mut stack: Vec<(u64, Option<Noun>)> = Vec::new();
    loop {
        let mut val = loop {
            let start = r.pos;
            match r.tag()? {
                Tag::Cell => stack.push((start, None)),
                Tag::Back => {
                    let len = r.rub_len()?;
                    if len > 62 {
                        return Err(Stop::Meme.into());
                    }
                    let off = r.any(len);
                    break *dict.get(&off).ok_or(JetError::Exit)?;
                }
                Tag::Atom => {
                    let len = r.rub_len()?;
                    if (len + 31) >> 5 > u64::from(u32::MAX) {
                        return Err(Stop::Fail.into());
                    }
                    if len > MAX_BITS {
                        return Err(Stop::Meme.into());
                    }
                    let v = cut(heap, 0, Some(r.pos), Some(len), a);
                    r.pos += len;
                    dict.insert(start, v);
                    break v;
                }
            }
        };
        // Complete every cell this was the tail of, up to one that still
        // needs its tail.
        loop {
            match stack.last_mut() {
                None => return Ok(val),
                Some((_, head @ None)) => {
                    *head = Some(val);
                    break;
                }
                Some((at, Some(head))) => {
                    let cell = heap.cell(*head, val);
                    dict.insert(*at, cell);
                    stack.pop();
                    val = cell;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::{noun_eq, HeapConfig};

    fn heap() -> Heap {
        Heap::new(HeapConfig::default()).expect("heap")
    }

    fn run(heap: &mut Heap, words: &[u64]) -> Result<Noun, JetError> {
        let a = heap.atom_from_words(words);
        vere_cue(heap, a.as_atom().expect("atom"))
    }

    #[test]
    fn the_model_reads_what_jam_writes() {
        let mut h = heap();
        let n = mars_noun::fmt::parse(&mut h, "[[1 2] [1 2] 0 [1 2] 12345678901234567890 7]")
            .expect("noun");
        let j = mars_serial::jam_atom(&mut h, n);
        let back = run(&mut h, j.as_atom().expect("atom").words()).expect("cue");
        assert!(noun_eq(n, back));
    }

    #[test]
    fn a_truncated_atom_reads_as_zeros() {
        let mut h = heap();
        // Bits from the lowest: tag 0, prefix 0001 (3 zeros), length bits
        // 11 (so 7), then 7 bits of value of which only the first, a 1, is
        // in the input's one byte.
        let bits: u64 = 0b1111_0000;
        assert_eq!(run(&mut h, &[bits]).ok().and_then(|n| n.as_u64()), Some(1));
        // mars_serial refuses it.
        let a = h.atom_from_words(&[bits]);
        assert!(mars_serial::cue_atom(&mut h, a.as_atom().expect("atom")).is_err());
    }

    #[test]
    fn vere_limits() {
        let mut h = heap();
        // Zero: no byte at all.
        assert_eq!(run(&mut h, &[0]).err(), Some(JetError::Exit));
        // A cell tag, then an atom tag and only zeros to the end.
        assert_eq!(run(&mut h, &[1]).err(), Some(JetError::Exit));
        // An atom tag then 70 zeros then a 1: a prefix of 70, `%meme`.
        let mut w = vec![0u64; 3];
        w[1] = 1 << (71 - 64);
        assert_eq!(run(&mut h, &w).err(), Some(JetError::Fail(Mote::Meme)));
        // 40 zero bytes after the tag, then a 1: `%meme` (skip of 32).
        let mut w = vec![0u64; 6];
        w[5] = 1 << 60;
        assert_eq!(run(&mut h, &w).err(), Some(JetError::Fail(Mote::Meme)));
    }
}
