//! `++fein:ob` (`k140/one/two/tri/ob/fein`): conceal the structure of a
//! planet-sized atom (the `@p` scrambler, v3).
//!
//! The low 32 bits of an atom in `[0x1.0000, 2^64)` go through `feis`, a
//! four-round Feistel cipher over `[0, 2^32 - 2^16)` whose round function
//! is `muk` of two bytes under the seeds `raku`; everything else is
//! itself. The arithmetic is the Hoon's `fe` with its parameters
//! (`a = 0xffff`, `b = 0x1.0000`, 4 rounds), as vere's `u3qe_fein_ob`.
//! Its one crash, a round key over two bytes, is out of reach: every
//! round key is below 2^16, and `fe` never leaves the domain, so `fee`'s
//! second pass never runs. A cell is `%exit`. No punt.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::muk::muk;
use crate::util::{atom, sample};

/// `a` of `fe` and `fen`.
pub(crate) const A: u64 = 0xffff;
/// `b` of `fe` and `fen`.
pub(crate) const B: u64 = 0x1_0000;
/// `k`: the cipher's domain is `[0, k)`.
pub(crate) const K: u64 = A * B;
/// `+raku:ob`, the seeds of the four rounds.
pub(crate) const RAKU: [u32; 4] = [0xb76d_5eed, 0xee28_1300, 0x85bc_ae01, 0x4b38_7af7];

/// `+eff:ob`: round `j`'s pseudorandom function, `(muk (snag j raku) 2 r)`;
/// `None` where the Hoon crashes (`r` wider than two bytes).
pub(crate) fn eff(j: usize, r: u64) -> Option<u64> {
    let r = u16::try_from(r).ok()?;
    Some(u64::from(muk(RAKU[j], 2, &r.to_le_bytes())))
}

/// `+fe:ob` with 4 rounds.
fn fe(m: u64) -> Option<u64> {
    let (mut ell, mut arr) = (m % A, m / A);
    for j in 1..=4u64 {
        let f = eff((j - 1) as usize, arr)?;
        let tmp = if j % 2 == 1 {
            (f + ell) % A
        } else {
            (f + ell) % B
        };
        ell = arr;
        arr = tmp;
    }
    // 4 rounds, an even number: the legacy swap unless `arr` is `a`.
    Some(if arr == A {
        arr * A + ell
    } else {
        ell * A + arr
    })
}

/// `+feis:ob`: `fee`, the cipher over `[0, k)`.
pub fn feis(m: u64) -> Option<u64> {
    let c = fe(m)?;
    if c < K {
        Some(c)
    } else {
        fe(c)
    }
}

/// `(fein:ob pyn)` for a 64-bit `pyn`.
pub fn fein_u64(pyn: u64) -> Option<u64> {
    if (0x1_0000..=0xffff_ffff).contains(&pyn) {
        return Some(0x1_0000 + feis(pyn - 0x1_0000)?);
    }
    if pyn > 0xffff_ffff {
        let hi = pyn & !0xffff_ffff;
        return Some(hi | fein_u64(pyn & 0xffff_ffff)?);
    }
    Some(pyn)
}

/// `(fein:ob pyn)`: atoms of 2^64 and up are themselves.
pub fn fein(heap: &mut Heap, pyn: Atom) -> Result<Noun, JetError> {
    match pyn.as_u64() {
        Some(v) => Ok(heap.atom_u64(fein_u64(v).ok_or(JetError::Exit)?)),
        None => Ok(pyn.as_noun()),
    }
}

/// `|=  pyn=@`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let pyn = atom(sample(core)?)?;
    fein(&mut rt.heap, pyn)
}
