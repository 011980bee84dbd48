//! `++all:by` (`k140/one/two/by/all`): does every value of a map pass a test?

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap::{preorder_next, DOOR_SAMPLE};
use crate::util::{loob, pair, sample, slot};

/// `?&((b q.n.a) $(a l.a) $(a r.a))`: every value passes unless some
/// product is `%.n` ([`find`]).
pub fn all(rt: &mut Runtime, a: Noun, b: Noun) -> Result<bool, JetError> {
    Ok(!find(rt, a, b, false)?)
}

/// Does slamming `b` on some value of `a` give the loobean `want`? Values
/// are slammed in preorder until one does; a product that is not a
/// loobean is `%exit` (Nock 6 in the Hoon, `u3m_bail` in vere). A node is
/// checked to be `[[p q] l r]` before its value is slammed (vere's
/// `u3wdb_all` and `u3wdb_any`).
pub(crate) fn find(rt: &mut Runtime, a: Noun, b: Noun, want: bool) -> Result<bool, JetError> {
    let todo = rt.heap.cell(a, Noun::ZERO);
    // Kept across each slam: the gate and the walk.
    let mut live = [b, todo];
    while let Some(n) = preorder_next(&mut rt.heap, &mut live[1])? {
        let q = pair(n)?.1;
        let gate = live[0];
        match rt.slam_keeping(gate, q, &mut live)?.as_direct() {
            Some(p @ (0 | 1)) if (p == 0) == want => return Ok(true),
            Some(0 | 1) => {}
            _ => return Err(JetError::Exit),
        }
    }
    Ok(false)
}

/// `|*  b=$-(* ?)`, the door's map `a` at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    Ok(loob(all(rt, a, b)?))
}
