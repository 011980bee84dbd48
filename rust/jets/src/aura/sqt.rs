//! `++sqt` (`k140/one/two/sqt`): unsigned square root and remainder,
//! `[p q]` with `p*p + q = a` and `p` the largest such.
//!
//! A cell is `%exit` (vere's `u3wc_sqt`). No punt.

use dashu_int::ops::SquareRootRem;
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::big;
use crate::util::{atom, sample};

/// `(sqt a)`.
pub fn sqt(heap: &mut Heap, a: Atom) -> Noun {
    let (s, r) = big::from_atom(a).sqrt_rem();
    let s = big::to_noun(heap, &s);
    let r = big::to_noun(heap, &r);
    heap.cell(s, r)
}

/// `|=  a=@`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?;
    Ok(sqt(&mut rt.heap, a))
}
