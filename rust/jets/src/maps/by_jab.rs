//! `++jab:by` (`k140/one/two/by/jab`): change the value at a key with a gate.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap::{fill, is_null, Hole, DOOR_SAMPLE};
use crate::order::gor::gor;
use crate::util::{pair, sample2, slot};
use mars_noun::noun_eq;

/// `a(q.n (fun q.n.a))` at the node with key `key`, found by `gor`; no
/// such key is `%exit` (`!!`). Only that value is slammed. Each node on the
/// way must be a cell with a cell head, its tail a cell below a miss
/// (vere's `u3qdb_jab`).
pub fn jab(rt: &mut Runtime, a: Noun, key: Noun, fun: Noun) -> Result<Noun, JetError> {
    let mut holes = Vec::new();
    let mut cur = a;
    let (p, q, lr) = loop {
        if is_null(cur) {
            return Err(JetError::Exit);
        }
        let (n, lr) = pair(cur)?;
        let (p, q) = pair(n)?;
        if noun_eq(key, p) {
            break (p, q, lr);
        }
        let (l, r) = pair(lr)?;
        if gor(key, p) {
            holes.push(Hole::Left(n, r));
            cur = l;
        } else {
            holes.push(Hole::Right(n, l));
            cur = r;
        }
    };
    // Kept across the slam: the key, the node's tail, every hole.
    let mut live = Vec::with_capacity(2 + 2 * holes.len());
    live.extend([p, lr]);
    let mut sides = Vec::with_capacity(holes.len());
    for h in &holes {
        let (n, other, left) = h.parts();
        live.extend([n, other]);
        sides.push(left);
    }
    let v = rt.slam_keeping(fun, q, &mut live)?;
    let mut holes: Vec<Hole> = sides
        .iter()
        .zip(live[2..].chunks_exact(2))
        .map(|(&left, nr)| Hole::from_parts(nr[0], nr[1], left))
        .collect();
    let n = rt.heap.cell(live[0], v);
    let found = rt.heap.cell(n, live[1]);
    Ok(fill(&mut rt.heap, &mut holes, found))
}

/// `|*  [key=* fun=$-(* *)]`, the door's map `a` at axis 30 (vere's
/// `u3wdb_jab`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (key, fun) = sample2(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    jab(rt, a, key, fun)
}
