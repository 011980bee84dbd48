//! `++dif:by` (`k140/one/two/by/dif`): a map without the keys of another.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `(~(dif by a) b)`: split `a` at each key of `b` (`bif`), difference
/// the halves, join them.
pub fn dif(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::dif(heap, Kind::Map, a, b)
}

/// The core `=+  b=a  |@  ++  $`: `b` at axis 6, the door's map `a` at
/// axis 30 (vere's `u3wdb_dif`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    dif(&mut rt.heap, a, b)
}
