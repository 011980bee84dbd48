//! `++core` (`k140/one/two/tri/qua/pen/core`): make a `%core` type.
//!
//! vere's `u3qf_core` also reads the coil `con` as `[p q [hr tr]]` with
//! unchecked `u3r_trel`/`u3r_cell` (undefined when it is not that shape)
//! and aborts the whole process ("old core") when `hr` is `[~ ~]`. Neither
//! is a Nock crash, and no typed coil has that shape (`hr` is a
//! `seminoun`, whose head is a tagged stencil), so here the Hoon's product
//! stands for every `con`.

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Heap, Noun};

use crate::typecons::{CORE, VOID};
use crate::util::sample2;

/// `(core pac con)`: `%void` if `pac` is, else `[%core pac con]`.
pub fn core(heap: &mut Heap, pac: Noun, con: Noun) -> Noun {
    if noun_eq(pac, VOID) {
        VOID
    } else {
        heap.tuple(&[CORE, pac, con])
    }
}

/// `|=  [pac=type con=coil]` (vere's `u3wf_core`). An atom sample is
/// `%exit`, as in the Hoon (vere: `%fail`).
pub fn jet(rt: &mut Runtime, core_: Noun) -> Result<Noun, JetError> {
    let (pac, con) = sample2(core_)?;
    Ok(core(&mut rt.heap, pac, con))
}
