//! jam: a noun to its bit stream (vere's `u3s_jam_xeno`, bit for bit).
//!
//! Pre-order, head before tail, with an explicit stack. Each noun is one of
//!
//! ```text
//! 0 mat(atom)          an atom
//! 1 0 jam(head) jam(tail)   a cell
//! 1 1 mat(offset)      a copy of the noun whose tag starts at bit `offset`
//! ```
//!
//! A cell seen before is always a backreference; an atom seen before only
//! when the atom has more bits than the offset (see `dedup.rs`).

use mars_noun::{Atom, Heap, Noun};

use crate::bits::BitWriter;
use crate::by_mug::ByMug;
use crate::dedup::{bit_len, Dedup, GaveUp};
use crate::interned::Interned;

/// Tag of an atom: `0`.
const TAG_ATOM: (u64, u32) = (0b0, 1);
/// Tag of a cell: `1 0` (the first bit written is the low one).
const TAG_CELL: (u64, u32) = (0b01, 2);
/// Tag of a backreference: `1 1`.
const TAG_BACK: (u64, u32) = (0b11, 2);

/// jam `n`: the bytes of the jam atom, least significant first, with no
/// trailing zero byte (a jam always ends with a 1 bit).
pub fn jam(n: Noun) -> Vec<u8> {
    encode(n).into_bytes()
}

/// jam `n` into an atom.
pub fn jam_atom(heap: &mut Heap, n: Noun) -> Noun {
    let words = encode(n).into_words();
    heap.atom_from_words(&words)
}

/// jam with the fast table, or if it gives up, with the interned one.
fn encode(root: Noun) -> BitWriter {
    match encode_with(root, &mut ByMug::default()) {
        Ok(out) => out,
        Err(GaveUp) => match encode_with(root, &mut Interned::new(root)) {
            Ok(out) => out,
            Err(GaveUp) => unreachable!("the interned table never gives up"),
        },
    }
}

fn encode_with(root: Noun, seen: &mut impl Dedup) -> Result<BitWriter, GaveUp> {
    let mut out = BitWriter::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        let pos = out.pos();
        match n.cell_parts() {
            Some((head, tail)) => match seen.cell(n, pos)? {
                Some(off) => mat_u64(&mut out, TAG_BACK, off),
                None => {
                    out.write(TAG_CELL.0, TAG_CELL.1);
                    stack.push(tail);
                    stack.push(head);
                }
            },
            None => {
                let Some(a) = n.as_atom() else {
                    unreachable!("a noun is a cell or an atom")
                };
                match seen.atom(a, pos)? {
                    Some(off) => mat_u64(&mut out, TAG_BACK, off),
                    None => mat_atom(&mut out, TAG_ATOM, a),
                }
            }
        }
    }
    Ok(out)
}

/// Write `tag` then `mat(v)`.
///
/// `mat(0)` is the bit `1`. Otherwise, with `L = bitlen(v)` and
/// `K = bitlen(L)`: `K` zeros, a 1, the low `K - 1` bits of `L`, then the `L`
/// bits of `v`.
#[inline]
fn mat_u64(out: &mut BitWriter, tag: (u64, u32), v: u64) {
    let (tag, tag_bits) = tag;
    if v == 0 {
        out.write(tag | 1 << tag_bits, tag_bits + 1);
        return;
    }
    let len = bit_len(v);
    let k = bit_len(len) as u32; // at most 7
    let prefix = (1 << k) | ((len ^ (1 << (k - 1))) << (k + 1));
    out.write(tag | prefix << tag_bits, tag_bits + 2 * k);
    out.write(v, len as u32);
}

/// Write `tag` then `mat(a)` for any atom.
#[inline]
fn mat_atom(out: &mut BitWriter, tag: (u64, u32), a: Atom) {
    if a.is_direct() {
        return mat_u64(out, tag, a.words()[0]);
    }
    out.write(tag.0, tag.1);
    let len = a.bit_len();
    let k = bit_len(len);
    out.write_zeros(k);
    out.write(1, 1);
    out.write(len ^ (1 << (k - 1)), (k - 1) as u32);
    out.write_words(a.words(), len);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mat_bits(v: u64) -> (Vec<u8>, u64) {
        let mut w = BitWriter::new();
        mat_u64(&mut w, (0, 0), v);
        let n = w.pos();
        (w.into_bytes(), n)
    }

    #[test]
    fn mat_small() {
        assert_eq!(mat_bits(0), (vec![1], 1));
        // 1: K=1 → `0 1`, no length bits, then `1`.
        assert_eq!(mat_bits(1), (vec![0b110], 3));
        // 2: L=2, K=2 → `0 0 1`, `0`, `0 1`.
        assert_eq!(mat_bits(2), (vec![0b100100], 6));
        assert_eq!(mat_bits(u64::MAX).1, 64 + 2 * 7);
    }

    #[test]
    fn big_and_direct_mat_agree() {
        // `mat_atom` on the indirect 2^63 against `mat_u64` of the same value.
        let mut h = Heap::with_defaults().expect("heap");
        let big = h.atom_u64(1 << 63);
        assert!(!big.is_direct());
        let mut a = BitWriter::new();
        mat_atom(&mut a, TAG_ATOM, big.as_atom().expect("atom"));
        let mut b = BitWriter::new();
        mat_u64(&mut b, TAG_ATOM, 1 << 63);
        assert_eq!(a.pos(), b.pos());
        assert_eq!(a.into_words(), b.into_words());
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;

    /// `~[[1234 5678] [1234 5678] ...]` with each element built separately.
    fn list_of_equal_cells(h: &mut Heap, len: usize) -> Noun {
        let mut n = Noun::ZERO;
        for _ in 0..len {
            let x = h.cell(Noun::direct(1234), Noun::direct(5678));
            n = h.cell(x, n);
        }
        n
    }

    #[test]
    fn fast_table_gives_up_on_cycling_mugs_and_fallback_agrees() {
        let mut h = Heap::with_defaults().expect("heap");
        let n = list_of_equal_cells(&mut h, 200_000);
        assert!(encode_with(n, &mut ByMug::default()).is_err());
        let bits = encode_with(n, &mut Interned::new(n))
            .expect("interned")
            .into_bytes();
        assert!(jam(n) == bits);
    }

    #[test]
    fn both_tables_agree() {
        let mut h = Heap::with_defaults().expect("heap");
        let n = list_of_equal_cells(&mut h, 1000);
        let a = h.atom_from_words(&[5, 6, 7]);
        let b = h.atom_from_words(&[5, 6, 7]);
        let m = h.tuple(&[a, n, b, Noun::direct(4), Noun::direct(4), n]);
        let fast = encode_with(m, &mut ByMug::default())
            .expect("fast")
            .into_bytes();
        let robust = encode_with(m, &mut Interned::new(m))
            .expect("interned")
            .into_bytes();
        assert!(fast == robust);
    }
}

#[cfg(test)]
mod agreement {
    use super::*;
    use proptest::prelude::*;

    /// Build nouns from a list of steps; each step makes an atom or a cell
    /// of two earlier nouns (so there is plenty of sharing), or rebuilds an
    /// earlier cell from its parts (an equal, distinct copy).
    fn build(h: &mut Heap, steps: &[(u8, u64, usize, usize)]) -> Noun {
        let mut made = vec![Noun::ZERO];
        for &(kind, v, i, j) in steps {
            let (a, b) = (made[i % made.len()], made[j % made.len()]);
            let n = match kind % 4 {
                0 => h.atom_u64(v % 1000),
                1 => h.atom_from_words(&[v, v % 3]),
                2 => h.cell(a, b),
                _ => match a.cell_parts() {
                    Some((x, y)) => h.cell(x, y),
                    None => h.cell(b, a),
                },
            };
            made.push(n);
        }
        let last = made[made.len() - 1];
        let first = made[made.len() / 2];
        h.cell(first, last)
    }

    proptest! {
        #[test]
        fn fast_and_interned_tables_agree(
            steps in prop::collection::vec((any::<u8>(), any::<u64>(), any::<usize>(), any::<usize>()), 1..200)
        ) {
            let mut h = Heap::with_defaults().expect("heap");
            let n = build(&mut h, &steps);
            let robust = encode_with(n, &mut Interned::new(n)).expect("interned").into_bytes();
            // The fast table may give up on copies of deep DAGs; `jam` then
            // falls back.
            if let Ok(fast) = encode_with(n, &mut ByMug::default()) {
                prop_assert!(fast.into_bytes() == robust);
            }
            prop_assert!(jam(n) == robust);
        }
    }
}
