//! `++face` (`k140/one/two/tri/qua/pen/face`): make a `%face` type.

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Heap, Noun};

use crate::typecons::{FACE, VOID};
use crate::util::sample2;

/// `(face giz der)`: `%void` if `der` is, else `[%face giz der]`.
pub fn face(heap: &mut Heap, giz: Noun, der: Noun) -> Noun {
    if noun_eq(der, VOID) {
        VOID
    } else {
        heap.tuple(&[FACE, giz, der])
    }
}

/// `|=  [giz=$@(term tune) der=type]` (vere's `u3wf_face`). An atom
/// sample is `%exit`, as in the Hoon (vere: `%fail`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (giz, der) = sample2(core)?;
    Ok(face(&mut rt.heap, giz, der))
}
