//! `++run:in` (`k140/one/two/in/run`): the set of a gate's products on a set.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap::{self, preorder_next, Kind, DOOR_SAMPLE};
use crate::util::{sample, slot};

/// `=.  c  (~(put in c) (b n.a))` for each node in preorder, from `c=~`.
/// A node is checked to be `[n l r]` before it is slammed (vere's
/// `u3wdi_run`).
pub fn run(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let todo = rt.heap.cell(a, Noun::ZERO);
    // Kept across each slam: the gate, the walk, the set so far.
    let mut live = [b, todo, Noun::ZERO];
    while let Some(n) = preorder_next(&mut rt.heap, &mut live[1])? {
        let gate = live[0];
        let v = rt.slam_keeping(gate, n, &mut live)?;
        live[2] = treap::put(&mut rt.heap, Kind::Set, live[2], v, Noun::ZERO)?;
    }
    Ok(live[2])
}

/// `|*  b=gate`, the door's set `a` at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    run(rt, a, b)
}
