//! `++flan` (`k140/one/two/tri/qua/pen/flan`): the formula for the
//! loobean and of two formulas, as vere-v3.0's `u3wf_flan_139` builds it.
//!
//! vere's product, not always the Hoon 140 arm's (vere's jet ran every
//! vere pier). They agree when neither formula is `[0 0]` nor an atom, and
//! each constant is `[1 0]` or `[1 1]`, which is all `+fish` ever passes.
//! Where they part:
//!
//! * `[0 0]` (the crash formula): the arm gives the other formula; vere
//!   has no such rule (`(flan [0 0] [1 0])` is `[0 0]`, the arm's `[1 0]`).
//! * a constant `[1 x]`, `x` not 0 or 1: vere takes it as `[1 1]` (no);
//!   the arm builds `[6 bos nif [1 1]]` (or folds the other side).
//! * an atom formula: vere exits; the arm builds `[6 bos nif [1 1]]`.

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Heap, Noun};

use crate::typecons::is;
use crate::util::{pair, sample2};

/// `(flan bos nif)`.
pub fn flan(heap: &mut Heap, bos: Noun, nif: Noun) -> Result<Noun, JetError> {
    if noun_eq(bos, nif) {
        return Ok(bos);
    }
    let (h, t) = pair(bos)?;
    if is(h, 1) {
        return Ok(if is(t, 0) { nif } else { bos });
    }
    let (h, t) = pair(nif)?;
    if is(h, 1) {
        return Ok(if is(t, 0) { bos } else { nif });
    }
    let no = heap.cell(Noun::direct(1), Noun::direct(1));
    Ok(heap.tuple(&[Noun::direct(6), bos, nif, no]))
}

/// `|=  [bos=nock nif=nock]`. An atom sample is `%exit`, as in the Hoon
/// (vere: `%fail`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (bos, nif) = sample2(core)?;
    flan(&mut rt.heap, bos, nif)
}
