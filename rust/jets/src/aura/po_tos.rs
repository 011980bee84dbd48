//! `++tos:po` (`k140/one/two/tri/qua/po/tos`): prefix syllable `a` (below
//! 256) as a cord (`(tos:po 1)` is `'mar'`).
//!
//! 256 and up, or a cell, is `%exit` (the Hoon's `?>`, vere's
//! `u3wcp_tos`).

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::syllables::{cord, PREFIXES};
use crate::util::{atom, sample};

/// `(tos:po a)`, or `None` past 255.
pub fn tos(a: u64) -> Option<u64> {
    u8::try_from(a).ok().map(|i| cord(PREFIXES, i))
}

/// `|=  a=@`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?.as_u64().ok_or(JetError::Exit)?;
    tos(a).map(Noun::direct).ok_or(JetError::Exit)
}
