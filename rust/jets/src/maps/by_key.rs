//! `++key:by` (`k140/one/two/by/key`): the set of a map's keys.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::maps::treap::{self, is_null, trel, Kind, DOOR_SAMPLE};
use crate::util::{pair, sample, slot};

/// `$(a r.a, b $(a l.a, b (~(put in b) p.n.a)))` from `b`: each key `put`
/// into `b`, in preorder (node, left, right). Every node must be `[[p q]
/// l r]`.
pub fn key(heap: &mut Heap, a: Noun, mut b: Noun) -> Result<Noun, JetError> {
    let mut stack = vec![a];
    while let Some(t) = stack.pop() {
        if is_null(t) {
            continue;
        }
        let (n, l, r) = trel(t)?;
        let p = pair(n)?.0;
        b = treap::put(heap, Kind::Set, b, p, Noun::ZERO)?;
        stack.push(r);
        stack.push(l);
    }
    Ok(b)
}

/// The trap `=<  $  =+  b=~  |.` (the arm's own `b` at axis 6, `~` when
/// the arm is pulled; vere's `u3wdb_key` assumes `~`), the door's map `a`
/// at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let b = sample(core)?;
    let a = slot(core, DOOR_SAMPLE)?;
    key(&mut rt.heap, a, b)
}
