//! `++run:by` (`k140/one/two/by/run`): apply a gate to a map's values.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap::{preorder_next, rebuild, unstack, DOOR_SAMPLE};
use crate::util::{pair, sample, slot};

/// `[n=[p=p.n.a q=(b q.n.a)] l=$(a l.a) r=$(a r.a)]`: the same tree with `b` slammed on each value `q`, in preorder, each
/// node becoming `[p product]`. A node is checked to be `[[p q] l r]`
/// before it is slammed (vere's `u3wdb_run`). The products are collected
/// first, then the tree is rebuilt (no slam in between to move nouns).
pub fn run(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let todo = rt.heap.cell(a, Noun::ZERO);
    // Kept across each slam: the gate, the walk, the products (a list,
    // newest first), the map.
    let mut live = [b, todo, Noun::ZERO, a];
    while let Some(n) = preorder_next(&mut rt.heap, &mut live[1])? {
        let s = pair(n)?.1;
        let gate = live[0];
        let v = rt.slam_keeping(gate, s, &mut live)?;
        live[2] = rt.heap.cell(v, live[2]);
    }
    let vals = unstack(live[2]);
    rebuild(&mut rt.heap, live[3], &vals)
}

/// `|*  b=gate`, the door's map `a` at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    run(rt, a, b)
}
