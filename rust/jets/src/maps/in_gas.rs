//! `++gas:in` (`k140/one/two/in/gas`): put a list of items into a set.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, is_null, Kind, DOOR_SAMPLE};
use crate::util::{pair, sample, slot};

/// `(~(gas in a) b)`: `put` each item of `b`, first to last. A list not
/// ending in `~` is `%exit` (the Hoon's `t.b`).
pub fn gas(heap: &mut Heap, mut a: Noun, mut b: Noun) -> Result<Noun, JetError> {
    while !is_null(b) {
        let (i, t) = pair(b)?;
        a = treap::put(heap, Kind::Set, a, i, Noun::ZERO)?;
        b = t;
    }
    Ok(a)
}

/// `|=  b=(list)`, the door's set `a` at axis 30 (vere's `u3wdi_gas`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    gas(&mut rt.heap, a, b)
}
