//! `++reap` (`k140/one/two/reap`): a list of `a` copies of `b`.

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Heap, Noun};

use crate::util::{atom, sample2};

/// Bytes of one cell on our heap (three words: header, head, tail).
const CELL_BYTES: u64 = 24;

/// `a` times `b`. `%exit` if `a` is a cell (vere's wrapper; the Hoon would
/// `dec` the cell).
///
/// vere bails `%fail` on counts of 2^31 and up. Here any count whose list
/// fits in the heap is built, as the Hoon would; a larger one bails
/// `%meme` at once, where the Hoon would run out of memory building it.
pub fn reap(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let n = atom(a)?.as_u64().unwrap_or(u64::MAX);
    let limit = heap.config().limit_bytes as u64;
    if n.saturating_mul(CELL_BYTES) > limit {
        return Err(JetError::Fail(Mote::Meme));
    }
    let mut out = Noun::NULL;
    for _ in 0..n {
        out = heap.cell(b, out);
    }
    Ok(out)
}

/// `|*  [a=@ b=*]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    reap(&mut rt.heap, a, b)
}
