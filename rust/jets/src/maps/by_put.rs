//! `++put:by` (`k140/one/two/by/put`): add a key-value pair to a map.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample2, slot};

/// `(~(put by a) b c)`: insert and rotate up by `mor`. A present key with
/// the same value gives back `a` itself; with another value its node
/// becomes `[b c]` in place.
pub fn put(heap: &mut Heap, a: Noun, b: Noun, c: Noun) -> Result<Noun, JetError> {
    treap::put(heap, Kind::Map, a, b, c)
}

/// `|*  [b=* c=*]`, the door's map `a` at axis 30 (vere's `u3wdb_put`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (b, c) = sample2(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    put(&mut rt.heap, a, b, c)
}
