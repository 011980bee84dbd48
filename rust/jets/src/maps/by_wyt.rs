//! `++wyt:by` (`k140/one/two/by/wyt`): the size of a map.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap;
use crate::util::slot;

/// Axis of the door's map in the `wyt` trap: the trap `[battery door]`
/// hangs from the door at axis 3 (`~%  %wyt  +  ~`), its sample at 6
/// (vere's `u3x_con_2`).
pub const WYT_DOOR_SAMPLE: u64 = 14;

/// `?~(a 0 +((add $(a l.a) $(a r.a))))`: the number of nodes.
pub fn wyt(a: Noun) -> Result<u64, JetError> {
    treap::wyt(a)
}

/// The trap `=<  $  |.` (vere's `u3wdb_wyt`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = slot(core, WYT_DOOR_SAMPLE)?;
    Ok(rt.heap.atom_u64(wyt(a)?))
}
