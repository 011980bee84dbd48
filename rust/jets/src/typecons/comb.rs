//! `++comb` (`k140/one/two/tri/qua/pen/comb`): compose two formulas, the
//! second run on the product of the first.
//!
//! vere's `u3qf_comb` is the Hoon's, rule for rule. Axes go through `peg`
//! as the `peg` jet takes them: `(peg a 1)` is `a` even for a cell, `(peg a
//! 0)` and other cells are `%exit` (vere's `u3qc_peg` exits on 0 and is
//! undefined on cells; the Hoon's `peg` never ends on 0).

use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use crate::typecons::{is, op, peg};
use crate::util::{is_zero_noun, sample2};

/// `p` if `n` is `[0 p]` with `p` not 0.
fn fragment(n: Noun) -> Option<Noun> {
    op(n, 0).filter(|p| !is_zero_noun(*p))
}

/// Is `n` the formula `[0 1]`?
fn is_identity(n: Noun) -> bool {
    op(n, 0).is_some_and(|p| is(p, 1))
}

/// `(comb mal buz)`.
pub fn comb(heap: &mut Heap, mal: Noun, buz: Noun) -> Result<Noun, JetError> {
    let seven = |heap: &mut Heap| heap.tuple(&[Noun::direct(7), mal, buz]);
    if let Some(pm) = fragment(mal) {
        if let Some(pb) = fragment(buz) {
            let ax = peg(heap, pm, pb)?;
            return Ok(heap.cell(Noun::ZERO, ax));
        }
        let two = op(buz, 2)
            .and_then(|t| t.cell_parts())
            .and_then(|(x, y)| Some((op(x, 0)?, op(y, 0)?)));
        if let Some((px, py)) = two {
            let a = peg(heap, pm, px)?;
            let b = peg(heap, pm, py)?;
            let fa = heap.cell(Noun::ZERO, a);
            let fb = heap.cell(Noun::ZERO, b);
            return Ok(heap.tuple(&[Noun::direct(2), fa, fb]));
        }
        return Ok(seven(heap));
    }
    if let Some((p, q)) = mal.cell_parts() {
        if p.is_cell() && is_identity(q) {
            return Ok(heap.tuple(&[Noun::direct(8), p, buz]));
        }
    }
    if is_identity(buz) {
        return Ok(mal);
    }
    Ok(seven(heap))
}

/// `|=  [mal=nock buz=nock]` (vere's `u3wf_comb`, which punts on an atom
/// sample: the Hoon's `%exit`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (mal, buz) = sample2(core)?;
    comb(&mut rt.heap, mal, buz)
}
