//! `++gas:by` (`k140/one/two/by/gas`): put a list of pairs into a map.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, is_null, Kind, DOOR_SAMPLE};
use crate::util::{pair, sample, slot};

/// `(~(gas by a) b)`: `put` each `[p q]` of `b`, first to last. A list
/// not ending in `~`, or an item that is an atom, is `%exit` (the Hoon's
/// `t.b`, `p.i.b`).
pub fn gas(heap: &mut Heap, mut a: Noun, mut b: Noun) -> Result<Noun, JetError> {
    while !is_null(b) {
        let (i, t) = pair(b)?;
        let (p, q) = pair(i)?;
        a = treap::put(heap, Kind::Map, a, p, q)?;
        b = t;
    }
    Ok(a)
}

/// `|*  b=(list [p=* q=*])`, the door's map `a` at axis 30 (vere's
/// `u3wdb_gas`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    gas(&mut rt.heap, a, b)
}
