//! `++get:by` (`k140/one/two/by/get`): the value at a key, as a unit.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, Kind, DOOR_SAMPLE};
use crate::util::{pair, sample, slot};

/// `(~(get by a) b)`: `[~ q]` for the node `[b q]`, else `~`.
pub fn get(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    match treap::find(Kind::Map, a, b)? {
        Some(n) => {
            let q = pair(n)?.1;
            Ok(heap.cell(Noun::ZERO, q))
        }
        None => Ok(Noun::ZERO),
    }
}

/// `|*  b=*`, the door's map `a` at axis 30 (vere's `u3wdb_get`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    get(&mut rt.heap, a, b)
}
