//! `++tod:po` (`k140/one/two/tri/qua/po/tod`): suffix syllable `a` (below
//! 256) as a cord (`(tod:po 1)` is `'nec'`).
//!
//! 256 and up, or a cell, is `%exit` (the Hoon's `?>`, vere's
//! `u3wcp_tod`).

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::syllables::{cord, SUFFIXES};
use crate::util::{atom, sample};

/// `(tod:po a)`, or `None` past 255.
pub fn tod(a: u64) -> Option<u64> {
    u8::try_from(a).ok().map(|i| cord(SUFFIXES, i))
}

/// `|=  a=@`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?.as_u64().ok_or(JetError::Exit)?;
    tod(a).map(Noun::direct).ok_or(JetError::Exit)
}
