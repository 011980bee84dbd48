//! `++del:by` (`k140/one/two/by/del`): remove the node at a key from a map.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `(~(del by a) b)`: the node sinks (the child first by `mor` rises)
/// until a side is empty. An absent key rebuilds the path, unchanged.
pub fn del(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::del(heap, Kind::Map, a, b)
}

/// `|*  b=*`, the door's map `a` at axis 30 (vere's `u3wdb_del`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    del(&mut rt.heap, a, b)
}
