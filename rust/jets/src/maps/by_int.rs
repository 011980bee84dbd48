//! `++int:by` (`k140/one/two/by/int`): the intersection of two maps.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `(~(int by a) b)`: `b`'s node is kept for a common key.
pub fn int(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::int(heap, Kind::Map, a, b)
}

/// The core `=+  b=a  |@  ++  $`: `b` at axis 6, the door's map `a` at
/// axis 30 (vere's `u3wdb_int`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    int(&mut rt.heap, a, b)
}
