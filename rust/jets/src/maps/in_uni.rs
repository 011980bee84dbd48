//! `++uni:in` (`k140/one/two/in/uni`): the union of two sets.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `(~(uni in a) b)`: `b`'s item is kept where both have it. Equal sets give back `a`.
pub fn uni(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::uni(heap, Kind::Set, a, b)
}

/// The core `=+  b=a  |@  ++  $`: `b` at axis 6, the door's set `a` at
/// axis 30 (vere's `u3wdi_uni`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    uni(&mut rt.heap, a, b)
}
