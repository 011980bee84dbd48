//! `++hsl:scr:crypto`: scrypt of byte strings with widths.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{le_bytes, word_fit};
use crate::util::{atom, sample, slot};

/// scrypt (RFC 7914) of the `pl`-byte password `p` and `sl`-byte salt `s`,
/// cost `n`, block size `r`, parallelism `z`, `d` bytes, least
/// significant byte first throughout (urcrypt's `urcrypt_scrypt`,
/// libscrypt).
///
/// vere's checks, in its order: `d` of 2^32 or more is `%fail`; `r` or `z`
/// of 0, `pl` or `sl` of 2^31 or more, `n` not a power of 2, or
/// `128·r·(n + z − 1)` over 2^30 is `%exit`. Then libscrypt refuses `n` of
/// 1 (vere runs the Hoon: the jet punts). `d` of 0 gives 0 (libscrypt
/// copies nothing; this kelvin's Hoon gives 0 too).
///
/// One deviation: for `r` of 1 and `n` of 2^16 or more (below RFC 7914's
/// bound `n < 2^(16r)`, which the Hoon asserts and libscrypt does not
/// check) the `scrypt` crate refuses, and the jet punts: the Hoon's
/// `srm` assertion crashes where vere gives a value. (scrypt with `r` of 1
/// and `n` of 2^16 or more is outside RFC 7914.)
#[allow(clippy::too_many_arguments)]
pub fn scrypt(
    heap: &mut Heap,
    p: Atom,
    pl: u32,
    s: Atom,
    sl: u32,
    n: Atom,
    r: Atom,
    z: Atom,
    d: Atom,
) -> Result<Noun, JetError> {
    let d = word_fit(d)?;
    let zero = |a: Atom| a.as_u64() == Some(0);
    if zero(r) || zero(z) || pl >= 1 << 31 || sl >= 1 << 31 {
        return Err(JetError::Exit);
    }
    // `n` a power of 2 (`(bex (dec (xeb n)))`; 0 crashes `dec`). One of
    // 2^64 or more is far over the memory bound below, also `%exit`.
    let nv = n
        .as_u64()
        .filter(|v| v.is_power_of_two())
        .ok_or(JetError::Exit)?;
    let log_n = nv.trailing_zeros();
    // 128·r·(n + z − 1) ≤ 2^30; r and z are then small.
    let (Some(r), Some(z)) = (r.as_u64(), z.as_u64()) else {
        return Err(JetError::Exit);
    };
    let mem = 128u128
        .saturating_mul(u128::from(r))
        .saturating_mul(u128::from(nv) + u128::from(z) - 1);
    if mem > 1 << 30 {
        return Err(JetError::Exit);
    }
    if log_n == 0 {
        return Err(JetError::Punt);
    }
    if d == 0 {
        return Ok(Noun::ZERO);
    }
    let (r, z) = (r as u32, z as u32);
    let params = scrypt::Params::new(log_n as u8, r, z, 32).map_err(|_| JetError::Punt)?;
    let pwd = le_bytes(p, pl as usize);
    let salt = le_bytes(s, sl as usize);
    let mut out = vec![0u8; d as usize];
    scrypt::scrypt(&pwd, &salt, &params, &mut out).map_err(|_| JetError::Punt)?;
    Ok(heap.atom_from_le_bytes(&out))
}

/// `|=  [p=@ pl=@ s=@ sl=@ n=@ r=@ z=@ d=@]`: cells are `%exit`; `pl` or
/// `sl` of 2^32 or more `%fail` (vere's `u3wes_hsl`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let s = sample(core)?;
    let get = |axis| -> Result<Atom, JetError> { atom(slot(s, axis)?) };
    let (p, pl, sa, sl) = (get(2)?, get(6)?, get(14)?, get(30)?);
    let (n, r, z, d) = (get(62)?, get(126)?, get(254)?, get(255)?);
    let (pl, sl) = (word_fit(pl)?, word_fit(sl)?);
    scrypt(&mut rt.heap, p, pl, sa, sl, n, r, z, d)
}
