//! `++uni:by` (`k140/one/two/by/uni`): the union of two maps.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `(~(uni by a) b)`: `b`'s value wins where both have a key.
pub fn uni(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::uni(heap, Kind::Map, a, b)
}

/// The core `=+  b=a  |@  ++  $`: `b` at axis 6, the door's map `a` at
/// axis 30 (vere's `u3wdb_uni`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    uni(&mut rt.heap, a, b)
}
