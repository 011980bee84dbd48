//! `++mat`: length-encode an atom, `[p=bits q=stream]` (jam's atom code).

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, build, sample};
use crate::words;

/// `(mat a)`: `[1 1]` for 0; else, with `b = (met 0 a)` and
/// `c = (met 0 b)`, `p = 2c + b` and
/// `q = (cat 0 (bex c) (mix (end [0 (dec c)] b) (lsh [0 (dec c)] a)))`:
/// `c` zeros, a 1, the low `c - 1` bits of `b`, then `a`.
pub fn mat(heap: &mut Heap, a: Atom) -> Noun {
    let b = a.bit_len();
    if b == 0 {
        return heap.tuple(&[Noun::ONE, Noun::ONE]);
    }
    let c = u64::from(64 - b.leading_zeros());
    let p = 2 * c + b;
    let q = build(heap, p.div_ceil(64) as usize, |out| {
        out[(c / 64) as usize] |= 1 << (c % 64);
        // The low c - 1 bits of b (below 64, as c <= 64).
        let low = b & ((1u64 << (c - 1)) - 1);
        words::chop(&[low], 0, c - 1, out, c + 1);
        words::chop(a.words(), 0, b, out, 2 * c);
    });
    let p = heap.atom_u64(p);
    heap.cell(p, q)
}

/// `|=  a=@`; a cell is `%exit` (the Hoon's `met` crashes).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?;
    Ok(mat(&mut rt.heap, a))
}
