//! `++del:in` (`k140/one/two/in/del`): remove an item from a set.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `(~(del in a) b)`: the node sinks (the child first by `mor` rises)
/// until a side is empty. An absent key rebuilds the path, unchanged.
pub fn del(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::del(heap, Kind::Set, a, b)
}

/// `|*  b=*`, the door's set `a` at axis 30 (vere's `u3wdi_del`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    del(&mut rt.heap, a, b)
}
