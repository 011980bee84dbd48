//! `++bif:in` (`k140/one/two/in/bif`): split a set at an item.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `(~(bif in a) b)`: `[l r]`, the items of `a` before and after `b` by
/// `gor` (`b` itself dropped), as the tail of `a` with `b` rotated to its
/// root. If `b` is the root of `a` that is `+.a`, whatever it is (the
/// Hoon's `=<  +`).
pub fn bif(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::bif(heap, Kind::Set, a, b)
}

/// `|*  b=*`, the door's set `a` at axis 30 (vere's `u3wdi_bif`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    bif(&mut rt.heap, a, b)
}
