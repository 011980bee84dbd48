//! `++put:in` (`k140/one/two/in/put`): add an item to a set.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `(~(put in a) b)`: insert and rotate up by `mor`; a present item gives
/// back `a` itself.
pub fn put(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::put(heap, Kind::Set, a, b, Noun::ZERO)
}

/// `|*  b=*`, the door's set `a` at axis 30 (vere's `u3wdi_put`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    put(&mut rt.heap, a, b)
}
