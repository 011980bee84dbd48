//! `++int:in` (`k140/one/two/in/int`): the intersection of two sets.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `(~(int in a) b)`: on equal items, the node of whichever root has priority by `mor`.
pub fn int(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::int(heap, Kind::Set, a, b)
}

/// The core `=+  b=a  |@  ++  $`: `b` at axis 6, the door's set `a` at
/// axis 30 (vere's `u3wdi_int`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    int(&mut rt.heap, a, b)
}
