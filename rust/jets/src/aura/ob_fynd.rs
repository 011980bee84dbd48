//! `++fynd:ob` (`k140/one/two/tri/ob/fynd`): restore the structure
//! `fein:ob` concealed (the `@p` unscrambler, v3).
//!
//! The inverse of `fein`: the low 32 bits of an atom in `[0x1.0000,
//! 2^64)` go through `tail` (`feen`, the inverse Feistel cipher `fen`);
//! everything else is itself. As vere's `u3qe_fynd_ob`, and with the same
//! unreachable crash as `fein` (a round key over two bytes). A cell is
//! `%exit`. No punt.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::ob_fein::{eff, A, B, K};
use crate::util::{atom, sample};

/// `+fen:ob` with 4 rounds.
fn fen(m: u64) -> Option<u64> {
    // 4 rounds, an even number: `ahh` is `m mod a`, `ale` is `m / a`.
    let (ahh, ale) = (m % A, m / A);
    let (mut ell, mut arr) = if ale == A { (ahh, ale) } else { (ale, ahh) };
    for j in (1..=4u64).rev() {
        let f = eff((j - 1) as usize, ell)?;
        let tmp = if j % 2 == 1 {
            (arr + A - f % A) % A
        } else {
            (arr + B - f % B) % B
        };
        arr = ell;
        ell = tmp;
    }
    Some(arr * A + ell)
}

/// `+tail:ob`: `feen`, the inverse cipher over `[0, k)`.
pub fn tail(m: u64) -> Option<u64> {
    let c = fen(m)?;
    if c < K {
        Some(c)
    } else {
        fen(c)
    }
}

/// `(fynd:ob cry)` for a 64-bit `cry`.
pub fn fynd_u64(cry: u64) -> Option<u64> {
    if (0x1_0000..=0xffff_ffff).contains(&cry) {
        return Some(0x1_0000 + tail(cry - 0x1_0000)?);
    }
    if cry > 0xffff_ffff {
        let hi = cry & !0xffff_ffff;
        return Some(hi | fynd_u64(cry & 0xffff_ffff)?);
    }
    Some(cry)
}

/// `(fynd:ob cry)`: atoms of 2^64 and up are themselves.
pub fn fynd(heap: &mut Heap, cry: Atom) -> Result<Noun, JetError> {
    match cry.as_u64() {
        Some(v) => Ok(heap.atom_u64(fynd_u64(v).ok_or(JetError::Exit)?)),
        None => Ok(cry.as_noun()),
    }
}

/// `|=  cry=@`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let cry = atom(sample(core)?)?;
    fynd(&mut rt.heap, cry)
}
