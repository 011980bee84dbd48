//! `++loot` (`k140/one/two/tri/qua/pen/loot`): find an arm by name in a
//! core's chapters (a map of chapter names to `tome`s, `[what (map term
//! hoon)]`), with its axis in the battery.
//!
//! vere's `u3qf_loot` walks as the Hoon does: each chapter is searched
//! with `look` (vere's, so an arm whose `hoon` is an atom is no match, see
//! `look.rs`) before its subtrees, the left subtree before the right. A
//! chapter that is an atom is `%exit`, as the Hoon's `q.q.n.dom` crashes
//! (vere: `%fail`). A node `[n x]` whose tail is an atom (vere: an
//! unchecked `u3r_trel`, undefined) is the Hoon's: its untested last case
//! `[* * *]` gives the node's arm if `look` finds it there, else crashes
//! (`%exit`). The walk keeps its pending subtrees in a `Vec`, so no
//! tree, however deep, can overflow the stack.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::typecons::look::look;
use crate::typecons::{is, peg_small};
use crate::util::{pair, sample2};

/// `(loot cog dom)`: `~` or `[~ axis hoon]`.
pub fn loot(heap: &mut Heap, cog: Noun, dom: Noun) -> Result<Noun, JetError> {
    let mut todo = vec![(dom, Noun::ONE)];
    while let Some((dom, axe)) = todo.pop() {
        if is(dom, 0) {
            continue;
        }
        let (n, lr) = pair(dom)?;
        let (_, tome) = pair(n)?;
        let (_, arms) = pair(tome)?;
        let yep = look(heap, cog, arms)?;
        // `[n x]`, `x` an atom: the Hoon's untested last case `[* * *]`.
        let (l, r) = lr.cell_parts().unwrap_or((Noun::ONE, Noun::ONE));
        let (le, re) = (is(l, 0), is(r, 0));
        if let Some((_, u)) = yep.cell_parts() {
            let (p, q) = pair(u)?;
            let at = if le && re {
                axe
            } else {
                peg_small(heap, axe, 2)?
            };
            let at = crate::typecons::peg(heap, at, p)?;
            return Ok(heap.tuple(&[Noun::ZERO, at, q]));
        }
        if lr.is_atom() {
            return Err(JetError::Exit);
        }
        match (le, re) {
            (true, true) => {}
            (true, false) => todo.push((r, peg_small(heap, axe, 3)?)),
            (false, true) => todo.push((l, peg_small(heap, axe, 3)?)),
            (false, false) => {
                let right = peg_small(heap, axe, 7)?;
                let left = peg_small(heap, axe, 6)?;
                todo.push((r, right));
                todo.push((l, left));
            }
        }
    }
    Ok(Noun::ZERO)
}

/// `|=  [cog=term dom=(map term tome)]` (vere's `u3wf_loot`). An atom
/// sample is `%exit`, as in the Hoon (vere: `%fail`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (cog, dom) = sample2(core)?;
    loot(&mut rt.heap, cog, dom)
}
