//! `++rub`: length-decode the atom at bit `a` of `b`, `[p=bits q=atom]`
//! (jam's atom code, read back).

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::bits::cut::cut;
use crate::math::add::add;
use crate::util::{atom, build, sample2};
use crate::words;

/// `(rub a b)`. The Hoon counts the zeros `c` from bit `a` up to a 1,
/// crashing once `c` passes `(met 0 b)`, which happens exactly when no bit
/// of `b` at `a` or above is set. Then `[1 0]` if `c` is 0, else with
/// `d = a + c + 1` and `e = 2^(c-1) + (cut 0 [d (dec c)] b)`:
/// `[(add (add c c) e) (cut 0 [(add d (dec c)) e] b)]`.
pub fn rub(heap: &mut Heap, a: Atom, b: Atom) -> Result<Noun, JetError> {
    let m = b.bit_len();
    let a = match a.as_u64() {
        Some(a) if a < m => a,
        _ => return Err(JetError::Exit),
    };
    let bw = b.words();
    // The first set bit at or above `a`: one exists, bit m - 1 is set.
    let mut at = a;
    loop {
        let w = words::bits64(bw, at);
        if w != 0 {
            at += u64::from(w.trailing_zeros());
            break;
        }
        at += 64;
    }
    let c = at - a;
    if c == 0 {
        return Ok(heap.tuple(&[Noun::ONE, Noun::ZERO]));
    }
    let d = a + c + 1;
    // e: the c - 1 bits at d, under a top bit c - 1 (c bits in all).
    let e = build(heap, c.div_ceil(64) as usize, |out| {
        words::chop(bw, d, c - 1, out, 0);
        out[((c - 1) / 64) as usize] |= 1 << ((c - 1) % 64);
    });
    let e = atom(e)?;
    let from = d + (c - 1);
    // An `e` of 64 bits or more reaches past any atom: all of `b` above.
    let q = cut(heap, 0, Some(from), e.as_u64(), b);
    let two_c = heap.atom_u64(2 * c);
    let p = add(heap, atom(two_c)?, e);
    Ok(heap.cell(p, q))
}

/// `|=  [a=@ b=@]`; cells are `%exit` (the Hoon's `met` and `add` crash;
/// vere says `%fail`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    rub(&mut rt.heap, atom(a)?, atom(b)?)
}
