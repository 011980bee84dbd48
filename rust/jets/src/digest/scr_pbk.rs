//! `++pbk:scr:crypto`: PBKDF2-HMAC-SHA-256 of atoms.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, sample};

/// Iterations above this are `%exit` (the Hoon's and vere's 2^28).
const MAX_ROUNDS: u64 = 1 << 28;
/// Output bytes above this are `%exit` (the Hoon's and vere's 1 GiB).
const MAX_OUT: u64 = 1 << 30;

/// PBKDF2-HMAC-SHA-256 (RFC 8018) of the `pl`-byte password `p` and the
/// `sl`-byte salt `s` (each cut or zero-padded to its width), `c` rounds,
/// `d` bytes: least significant byte first throughout (urcrypt's
/// `urcrypt_scrypt_pbkdf_sha256`, like the Hoon's `shay`).
///
/// `c` over 2^28 or `d` over 2^30 is `%exit`. `c` of 0 is one round and
/// `d` of 0 gives 0 (libscrypt's loops; this kelvin's Hoon agrees).
pub fn pbkdf2(
    heap: &mut Heap,
    p: Atom,
    pl: u32,
    s: Atom,
    sl: u32,
    c: Atom,
    d: Atom,
) -> Result<Noun, JetError> {
    let c = c
        .as_u64()
        .filter(|&c| c <= MAX_ROUNDS)
        .ok_or(JetError::Exit)?;
    let d = d.as_u64().filter(|&d| d <= MAX_OUT).ok_or(JetError::Exit)?;
    let pwd = super::le_bytes(p, pl as usize);
    let salt = super::le_bytes(s, sl as usize);
    let mut out = vec![0u8; d as usize];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(&pwd, &salt, c.max(1) as u32, &mut out);
    Ok(heap.atom_from_le_bytes(&out))
}

/// `|=  [p=@ s=@ c=@ d=@]`: the widths are `(met 3 p)` and `(met 3 s)`;
/// cells are `%exit` (vere's `u3wes_pbk`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let s = sample(core)?;
    let p = atom(crate::util::slot(s, 2)?)?;
    let sa = atom(crate::util::slot(s, 6)?)?;
    let c = atom(crate::util::slot(s, 14)?)?;
    let d = atom(crate::util::slot(s, 15)?)?;
    let (pl, sl) = (met3(p)?, met3(sa)?);
    pbkdf2(&mut rt.heap, p, pl, sa, sl, c, d)
}

/// `(met 3 a)` as vere's 32-bit width: an atom of 2^32 bytes or more is
/// `%fail`.
pub fn met3(a: Atom) -> Result<u32, JetError> {
    u32::try_from(a.byte_len()).map_err(|_| JetError::Fail(mars_nock::Mote::Fail))
}
