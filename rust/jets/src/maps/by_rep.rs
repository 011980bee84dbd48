//! `++rep:by` (`k140/one/two/by/rep`): fold a map with a gate.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap::{preorder_next, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// Axis of the accumulator in a gate `|=([* *] ...)`: the sample's tail.
const ACC: u64 = 13;

/// `$(a r.a, +<+.b $(a l.a, +<+.b (b n.a +<+.b)))`: from `+<+.b` (which
/// must exist even for `~`), slam `b` on `[n acc]` for each node in
/// preorder. A node is checked to be `[n l r]` before it is slammed
/// (vere's `u3wdb_rep`).
pub fn rep(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let acc = slot(b, ACC)?;
    let todo = rt.heap.cell(a, Noun::ZERO);
    // Kept across each slam: the gate, the walk, the accumulator.
    let mut live = [b, todo, acc];
    while let Some(n) = preorder_next(&mut rt.heap, &mut live[1])? {
        let s = rt.heap.cell(n, live[2]);
        let gate = live[0];
        live[2] = rt.slam_keeping(gate, s, &mut live)?;
    }
    Ok(live[2])
}

/// `|*  b=_=>(~ |=([* *] +<+))`, the door's map `a` at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    rep(rt, a, b)
}
