//! `++pow` (`k140/one/two/pow`): unsigned exponent, `a` to the `b`.
//!
//! As vere's `u3wc_pow`: `a` a cell is `%exit`; an exponent that is not a
//! direct atom of vere (a cell, or 2^31 and up) fails (`%fail`), even
//! where the Hoon would finish (`(pow 1 (bex 40))`). A power wider than
//! `util::MAX_BITS` bails `%fail` (vere's GMP would run out of loom): the
//! jet refuses any `a` and `b` with `(met 0 a) * b` past it, a bound at
//! most twice the power's width. No punt.

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::big;
use crate::util::{atom, direct, sample2, MAX_BITS};

/// `(pow a b)` for `b` below 2^31.
pub fn pow(heap: &mut Heap, a: Atom, b: u32) -> Result<Noun, JetError> {
    if b == 0 {
        return Ok(Noun::ONE);
    }
    if let Some(x) = direct(a) {
        if x < 2 {
            return Ok(a.as_noun());
        }
        if let Some(p) = x.checked_pow(b) {
            return Ok(heap.atom_u64(p));
        }
    }
    if a.bit_len().saturating_mul(u64::from(b)) > MAX_BITS {
        return Err(JetError::Fail(Mote::Fail));
    }
    let p = big::from_atom(a).pow(b as usize);
    Ok(big::to_noun(heap, &p))
}

/// `|=  [a=@ b=@]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let a = atom(a)?;
    let b = match b.as_direct() {
        Some(v) if v < 1 << 31 => v as u32,
        _ => return Err(JetError::Fail(Mote::Fail)),
    };
    pow(&mut rt.heap, a, b)
}
