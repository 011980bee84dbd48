//! `++snag` (`k140/one/two/snag`): the item at an index.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::util::{atom, sample2};

/// Item `a` (from 0) of `b`; `%exit` if `b` has no such item (the Hoon's
/// `~_  leaf+"snag-fail"  !!`, or its `i.b` of an atom that ends it) or if
/// `a` is a cell (vere; the Hoon would `dec` the cell).
///
/// Exact at any index: vere bails `%fail` on indices of 2^31 and up; the
/// Hoon walks off the end of the list and crashes, as here.
pub fn snag(a: Noun, mut b: Noun) -> Result<Noun, JetError> {
    // No list has 2^64 items: a larger index is past the end.
    let mut n = atom(a)?.as_u64().ok_or(JetError::Exit)?;
    loop {
        let (i, t) = b.cell_parts().ok_or(JetError::Exit)?;
        if n == 0 {
            return Ok(i);
        }
        n -= 1;
        b = t;
    }
}

/// `|*  [a=@ b=(list)]`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    snag(a, b)
}
