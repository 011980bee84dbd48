//! `++pbl:scr:crypto`: PBKDF2-HMAC-SHA-256 of byte strings with widths.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::scr_pbk::pbkdf2;
use super::word_fit;
use crate::util::{atom, sample, slot};

/// `|=  [p=@ pl=@ s=@ sl=@ c=@ d=@]`: cells are `%exit`; `pl` or `sl` of
/// 2^32 or more `%fail` (vere's `u3wes_pbl`; the Hoon takes any). See
/// `scr_pbk::pbkdf2`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let s = sample(core)?;
    let p = atom(slot(s, 2)?)?;
    let pl = atom(slot(s, 6)?)?;
    let sa = atom(slot(s, 14)?)?;
    let sl = atom(slot(s, 30)?)?;
    let c = atom(slot(s, 62)?)?;
    let d = atom(slot(s, 63)?)?;
    let (pl, sl) = (word_fit(pl)?, word_fit(sl)?);
    pbkdf2(&mut rt.heap, p, pl, sa, sl, c, d)
}
