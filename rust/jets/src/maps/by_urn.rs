//! `++urn:by` (`k140/one/two/by/urn`): apply a gate to a map's nodes.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap::{preorder_next, rebuild, unstack, DOOR_SAMPLE};
use crate::util::{pair, sample, slot};

/// `a(n n.a(q (b p.n.a q.n.a)), l $(a l.a), r $(a r.a))`: the same tree with `b` slammed on each node `[p q]`, in preorder, each
/// node becoming `[p product]`. A node is checked to be `[[p q] l r]`
/// before it is slammed (vere's `u3wdb_urn`). The products are collected
/// first, then the tree is rebuilt (no slam in between to move nouns).
pub fn urn(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let todo = rt.heap.cell(a, Noun::ZERO);
    // Kept across each slam: the gate, the walk, the products (a list,
    // newest first), the map.
    let mut live = [b, todo, Noun::ZERO, a];
    while let Some(n) = preorder_next(&mut rt.heap, &mut live[1])? {
        // The node itself is the sample `[p q]`: it must be a cell.
        pair(n)?;
        let s = n;
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
    urn(rt, a, b)
}
