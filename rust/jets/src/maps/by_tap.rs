//! `++tap:by` (`k140/one/two/by/tap`): the pairs of a map as a list.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `$(a r.a, b [n.a $(a l.a)])` from `b`: the nodes of `a` consed onto
/// `b`, the last by `gor` first.
pub fn tap(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    treap::tap(heap, a, b)
}

/// The trap `=<  $  =+  b=~  |.` (the arm's own `b` at axis 6, `~` when
/// the arm is pulled; vere's `u3wdb_tap` assumes `~`), the door's map `a`
/// at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    tap(&mut rt.heap, a, b)
}
