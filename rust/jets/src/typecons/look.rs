//! `++look` (`k140/one/two/tri/qua/pen/look`): find an arm by name in a
//! chapter (a map of arm names to their `hoon`), with its axis in the
//! battery subtree of the chapter.
//!
//! vere's `u3qf_look` walks as the Hoon does (same `gor` turns, same axes:
//! a leaf is the whole subtree, a node's own arm at `2` below it, a lone
//! subtree at `3`, else `6` and `7`), with one difference: an arm whose
//! `hoon` is an atom (no typed `hoon` is) is no match, and the walk goes
//! on as if the name differed; the Hoon returns it. vere's rule stands.
//!
//! A node `[n x]` whose tail is an atom is read by vere with an unchecked
//! `u3r_trel` (undefined); the Hoon decides there: its untested last case
//! `[* * *]` gives the node's arm if it is the one, else crashes (`%exit`).

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Heap, Noun};

use crate::order::gor::gor;
use crate::typecons::{is, peg_small};
use crate::util::{pair, sample2};

/// `(look cog dab)`: `~` or `[~ axis hoon]`.
pub fn look(heap: &mut Heap, cog: Noun, mut dab: Noun) -> Result<Noun, JetError> {
    let mut axe = Noun::ONE;
    loop {
        if is(dab, 0) {
            return Ok(Noun::ZERO);
        }
        let (n, lr) = pair(dab)?;
        let (pn, qn) = pair(n)?;
        let found = |heap: &mut Heap, axe: Noun| heap.tuple(&[Noun::ZERO, axe, qn]);
        let Some((l, r)) = lr.cell_parts() else {
            // `[n x]`, `x` an atom: vere reads `l` and `r` uninitialised;
            // the Hoon takes its last case, `[* * *]` (untested), which
            // gives this arm if it is the one, else crashes on `l.dab` or
            // `r.dab`.
            if noun_eq(cog, pn) {
                let a = peg_small(heap, axe, 2)?;
                return Ok(found(heap, a));
            }
            return Err(JetError::Exit);
        };
        let hit = qn.is_cell() && noun_eq(cog, pn);
        match (is(l, 0), is(r, 0)) {
            (true, true) => {
                return Ok(if hit { found(heap, axe) } else { Noun::ZERO });
            }
            (true, false) => {
                if hit {
                    let a = peg_small(heap, axe, 2)?;
                    return Ok(found(heap, a));
                }
                if gor(cog, pn) {
                    return Ok(Noun::ZERO);
                }
                axe = peg_small(heap, axe, 3)?;
                dab = r;
            }
            (false, true) => {
                if hit {
                    let a = peg_small(heap, axe, 2)?;
                    return Ok(found(heap, a));
                }
                if !gor(cog, pn) {
                    return Ok(Noun::ZERO);
                }
                axe = peg_small(heap, axe, 3)?;
                dab = l;
            }
            (false, false) => {
                if hit {
                    let a = peg_small(heap, axe, 2)?;
                    return Ok(found(heap, a));
                }
                if gor(cog, pn) {
                    axe = peg_small(heap, axe, 6)?;
                    dab = l;
                } else {
                    axe = peg_small(heap, axe, 7)?;
                    dab = r;
                }
            }
        }
    }
}

/// `|=  [cog=term dab=(map term hoon)]` (vere's `u3wf_look`). An atom
/// sample is `%exit`, as in the Hoon (vere: `%fail`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (cog, dab) = sample2(core)?;
    look(&mut rt.heap, cog, dab)
}
