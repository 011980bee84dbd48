//! `++cons` (`k140/one/two/tri/qua/pen/cons`): the formula producing a
//! cell of two formulas' products.

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::typecons::op;
use crate::util::sample2;

/// `(cons vur sed)`: two constants `[1 p]` and `[1 q]` fold to
/// `[1 p q]`; anything else is the autocons `[vur sed]`.
pub fn cons(heap: &mut Heap, vur: Noun, sed: Noun) -> Noun {
    match (op(vur, 1), op(sed, 1)) {
        (Some(p), Some(q)) => heap.tuple(&[Noun::direct(1), p, q]),
        _ => heap.cell(vur, sed),
    }
}

/// `|=  [vur=nock sed=nock]` (vere's `u3wf_cons`). An atom sample is
/// `%exit`, as in the Hoon (vere: `%fail`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (vur, sed) = sample2(core)?;
    Ok(cons(&mut rt.heap, vur, sed))
}
