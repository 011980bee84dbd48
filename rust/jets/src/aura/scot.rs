//! `++scot` (`k140/one/two/tri/qua/scot`): an atom printed in an aura, as
//! a cord (`(scot %ud 1.000)` is `~.1.000`).
//!
//! As vere's `u3we_scot`: `%tas`, `%ud`, `%ux`, `%uv` and `%uw` here
//! (`etch.rs`), every other aura punts. A cell for either half of the
//! `dime`, or a sample that is an atom, is `%exit`.
//!
//! `%tas` is the atom itself in vere, but the Hoon's `(rap 3 (rip 3 q))`
//! drops its zero bytes: an atom with one inside is given without them,
//! as the Hoon gives it.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::aura;
use super::etch::etch;
use crate::util::{atom, sample2};

/// `%tas`.
pub const TAS: u64 = aura(b"tas");

/// `(scot aura a)`, or `None` where vere punts.
pub fn scot(heap: &mut Heap, aura: Noun, a: Atom) -> Option<Noun> {
    let aura = aura.as_direct()?;
    if aura == TAS {
        let bytes = a.to_le_bytes();
        if !bytes.contains(&0) {
            return Some(a.as_noun());
        }
        let kept: Vec<u8> = bytes.into_iter().filter(|&b| b != 0).collect();
        return Some(heap.atom_from_le_bytes(&kept));
    }
    etch(aura, a).map(|t| heap.atom_from_le_bytes(&t))
}

/// `|=  mol=dime`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (p, q) = sample2(core)?;
    let (p, q) = (atom(p)?, atom(q)?);
    scot(&mut rt.heap, p.as_noun(), q).ok_or(JetError::Punt)
}
