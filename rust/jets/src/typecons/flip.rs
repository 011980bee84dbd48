//! `++flip` (`k140/one/two/tri/qua/pen/flip`): the formula for the
//! loobean not of a formula, as vere-v3.0's `u3wf_flip_139` builds it.
//!
//! vere's product, not always the Hoon 140 arm's (vere's jet ran every
//! vere pier). The arm is `?:  =([%0 0] dyr)  dyr  [%6 dyr [%1 1] [%1 0]]`;
//! vere has no `[0 0]` rule, folds the constants `[1 0]` and `[1 1]` to
//! `[1 1]` and `[1 0]`, and exits on an atom. On any other constant `[1 x]`
//! vere's assertion aborts the process (no product, no Nock crash): the
//! arm's product stands there. They agree on every other cell, which is
//! all `+fish` ever passes (`[3 0 axe]`).

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::typecons::{is, op};
use crate::util::{pair, sample};

/// `(flip hel)`.
pub fn flip(heap: &mut Heap, hel: Noun) -> Result<Noun, JetError> {
    pair(hel)?;
    let (one, zero) = (Noun::direct(1), Noun::ZERO);
    match op(hel, 1) {
        Some(t) if is(t, 0) => return Ok(heap.cell(one, one)),
        Some(t) if is(t, 1) => return Ok(heap.cell(one, zero)),
        _ => {}
    }
    let no = heap.cell(one, one);
    let yes = heap.cell(one, zero);
    Ok(heap.tuple(&[Noun::direct(6), hel, no, yes]))
}

/// `|=  dyr=nock`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let hel = sample(core)?;
    flip(&mut rt.heap, hel)
}
