//! `++any:by` (`k140/one/two/by/any`): does any value of a map pass a test?

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap::DOOR_SAMPLE;
use crate::util::{loob, sample, slot};

/// `?|((b q.n.a) $(a l.a) $(a r.a))`: some product is `%.y`
/// (`by_all::find`).
pub fn any(rt: &mut Runtime, a: Noun, b: Noun) -> Result<bool, JetError> {
    super::by_all::find(rt, a, b, true)
}

/// `|*  b=$-(* ?)`, the door's map `a` at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    Ok(loob(any(rt, a, b)?))
}
