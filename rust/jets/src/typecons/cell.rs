//! `++cell` (`k140/one/two/tri/qua/pen/cell`): make a `%cell` type.

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Heap, Noun};

use crate::typecons::{CELL, VOID};
use crate::util::sample2;

/// `(cell hed tal)`: `%void` if either is `%void`, else `[%cell hed tal]`.
pub fn cell(heap: &mut Heap, hed: Noun, tal: Noun) -> Noun {
    if noun_eq(hed, VOID) || noun_eq(tal, VOID) {
        VOID
    } else {
        heap.tuple(&[CELL, hed, tal])
    }
}

/// `|=  [hed=type tal=type]` (vere's `u3wf_cell`). An atom sample is
/// `%exit`, as in the Hoon (vere: `%fail`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (hed, tal) = sample2(core)?;
    Ok(cell(&mut rt.heap, hed, tal))
}
