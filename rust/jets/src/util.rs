//! Unpacking a gate's sample, and the atom helpers every jet shares.
//!
//! A jet receives the whole gate core `[battery sample context]`; the sample
//! is at axis 6. Reads that fail here are the Hoon's own crash (a missing
//! axis or a cell where an atom is required), so they return
//! `JetError::Exit`, as vere's `u3x_*` readers bail `%exit`.

use mars_nock::{JetError, Mote};
use mars_noun::{Atom, Heap, Noun};

/// Axis of a gate's sample in its core.
pub const SAMPLE: u64 = 6;

/// Atoms wider than this many bits are refused with `%fail`, vere's limit
/// for `bex` (its loom cannot mug an atom of 2 GiB): a result this large is
/// a runaway computation, not a value anyone wants.
pub const MAX_BITS: u64 = (1 << 34) - 16;

/// The sample of a gate core.
#[inline]
pub fn sample(core: Noun) -> Result<Noun, JetError> {
    slot(core, SAMPLE)
}

/// The noun at `axis`, or `%exit`.
#[inline]
pub fn slot(n: Noun, axis: u64) -> Result<Noun, JetError> {
    n.slot_u64(axis).ok_or(JetError::Exit)
}

/// Head and tail, or `%exit`.
#[inline]
pub fn pair(n: Noun) -> Result<(Noun, Noun), JetError> {
    n.cell_parts().ok_or(JetError::Exit)
}

/// The atom, or `%exit` for a cell.
#[inline]
pub fn atom(n: Noun) -> Result<Atom, JetError> {
    n.as_atom().ok_or(JetError::Exit)
}

/// The two parts of a sample `[a b]`.
#[inline]
pub fn sample2(core: Noun) -> Result<(Noun, Noun), JetError> {
    pair(sample(core)?)
}

/// The three parts of a sample `[a b c]`.
#[inline]
pub fn sample3(core: Noun) -> Result<(Noun, Noun, Noun), JetError> {
    let (a, bc) = sample2(core)?;
    let (b, c) = pair(bc)?;
    Ok((a, b, c))
}

/// The loobean for `b`: `%.y` is 0.
#[inline]
pub fn loob(b: bool) -> Noun {
    Noun::loobean(b)
}

/// The value of a direct atom (below 2^63).
#[inline]
pub fn direct(a: Atom) -> Option<u64> {
    a.as_noun().as_direct()
}

/// Is the atom 0?
#[inline]
pub fn is_zero(a: Atom) -> bool {
    direct(a) == Some(0)
}

/// Is the noun the atom 0?
#[inline]
pub fn is_zero_noun(n: Noun) -> bool {
    n.as_direct() == Some(0)
}

/// A block size: `2^bloq` bits.
pub type Bloq = u32;

/// A bloq as vere's bit jets accept it: below 32, else `%fail`
/// (`u3qc_cut`, `end`, `lsh`, `rsh`, `cat`, `can`, `rap`, `rep`, `rip`, `rev`
/// all bail `%fail` on `a >= 32`; the Hoon would build `(bex (bex a))`,
/// an atom of at least 512 MiB, and never finish).
#[inline]
pub fn bloq(a: Atom) -> Result<Bloq, JetError> {
    match direct(a) {
        Some(v) if v < 32 => Ok(v as Bloq),
        _ => Err(JetError::Fail(Mote::Fail)),
    }
}

/// A `bite` (`$@(bloq [bloq step])`) as a bloq atom and a step: a bare bloq
/// means a step of 1 (`u3r_bite`); a cell must hold two atoms, else `%exit`.
#[inline]
pub fn bite(n: Noun) -> Result<(Atom, Option<u64>), JetError> {
    match n.cell_parts() {
        None => Ok((atom(n)?, Some(1))),
        Some((b, s)) => Ok((atom(b)?, step(atom(s)?))),
    }
}

/// A step (a count of bloqs) if it fits in 64 bits; `None` means "larger
/// than any atom can be", which every bit jet treats as infinity.
#[inline]
pub fn step(a: Atom) -> Option<u64> {
    a.as_u64()
}

/// `step` bloqs of `2^bloq` bits, in bits, saturating at `u64::MAX`
/// (larger than any atom).
#[inline]
pub fn bloq_bits(bloq: Bloq, step: Option<u64>) -> u64 {
    match step {
        Some(s) => u64::try_from(u128::from(s) << bloq).unwrap_or(u64::MAX),
        None => u64::MAX,
    }
}

/// Words needed for `bits` bits, or `%fail` past `MAX_BITS`.
#[inline]
pub fn words_for(bits: u64) -> Result<usize, JetError> {
    if bits > MAX_BITS {
        Err(JetError::Fail(Mote::Fail))
    } else {
        Ok(bits.div_ceil(64) as usize)
    }
}

/// Build an atom of `words` words (zeroed) filled in by `fill`.
#[inline]
pub fn build(heap: &mut Heap, words: usize, fill: impl FnOnce(&mut [u64])) -> Noun {
    let mut b = heap.atom_builder(words);
    fill(b.words_mut());
    heap.finish_atom(b)
}

/// Word-wise `op` of two atoms (or, and, xor): the shorter atom is padded
/// with zero words.
pub fn bitwise(heap: &mut Heap, a: Atom, b: Atom, op: impl Fn(u64, u64) -> u64) -> Noun {
    if let (Some(x), Some(y)) = (direct(a), direct(b)) {
        // Both below 2^63, and or/and/xor keep the top bit clear.
        return Noun::direct(op(x, y));
    }
    let (aw, bw) = (a.words(), b.words());
    build(heap, aw.len().max(bw.len()), |out| {
        for (i, o) in out.iter_mut().enumerate() {
            *o = op(
                aw.get(i).copied().unwrap_or(0),
                bw.get(i).copied().unwrap_or(0),
            );
        }
    })
}

/// Compare two atoms as numbers.
#[inline]
pub fn cmp(a: Atom, b: Atom) -> std::cmp::Ordering {
    match (direct(a), direct(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => crate::words::cmp(a.words(), b.words()),
    }
}

/// An atom's value in 64 bits, when it fits.
#[inline]
pub fn small(a: Atom) -> Option<u64> {
    a.as_u64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_saturate_and_the_limit_holds() {
        assert_eq!(bloq_bits(3, Some(2)), 16);
        assert_eq!(bloq_bits(31, Some(u64::MAX)), u64::MAX);
        assert_eq!(bloq_bits(0, None), u64::MAX);
        assert_eq!(words_for(MAX_BITS), Ok(MAX_BITS.div_ceil(64) as usize));
        assert_eq!(words_for(MAX_BITS + 1), Err(JetError::Fail(Mote::Fail)));
        assert_eq!(words_for(0), Ok(0));
    }
}
