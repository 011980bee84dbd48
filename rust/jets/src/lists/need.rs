//! `++need` (`k140/one/two/need`): the value of a unit, or crash.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::util::sample;

/// `u.a`; `%exit` for `~` (the Hoon's `~>(%mean.'need' !!)`) and for any
/// other atom (its `u.a` of an atom).
pub fn need(a: Noun) -> Result<Noun, JetError> {
    let (_, u) = a.cell_parts().ok_or(JetError::Exit)?;
    Ok(u)
}

/// `|*  a=(unit)`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    need(sample(core)?)
}
