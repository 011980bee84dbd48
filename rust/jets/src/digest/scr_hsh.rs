//! `++hsh:scr:crypto`: scrypt of atoms.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Noun};

use super::scr_hsl::scrypt;
use super::scr_pbk::met3;
use crate::util::{atom, sample, slot};

/// `|=  [p=@ s=@ n=@ r=@ z=@ d=@]`: the widths are `(met 3 p)` and `(met
/// 3 s)`; cells are `%exit` (vere's `u3wes_hsh`). See `scr_hsl::scrypt`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let s = sample(core)?;
    let get = |axis| -> Result<Atom, JetError> { atom(slot(s, axis)?) };
    let (p, sa, n, r, z, d) = (get(2)?, get(6)?, get(14)?, get(30)?, get(62)?, get(63)?);
    let (pl, sl) = (met3(p)?, met3(sa)?);
    scrypt(&mut rt.heap, p, pl, sa, sl, n, r, z, d)
}
