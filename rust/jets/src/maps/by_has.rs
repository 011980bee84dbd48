//! `++has:by` (`k140/one/two/by/has`): is a key in the map?

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{loob, sample, slot};

/// `(~(has by a) b)`.
pub fn has(a: Noun, b: Noun) -> Result<bool, JetError> {
    Ok(treap::find(Kind::Map, a, b)?.is_some())
}

/// `|*  b=*`, the door's map `a` at axis 30 (vere's `u3wdb_has`).
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    Ok(loob(has(a, b)?))
}
