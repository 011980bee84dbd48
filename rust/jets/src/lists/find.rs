//! `++find` (`k140/one/two/find`): the first index of a sublist.

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Heap, Noun};

use crate::util::{is_zero_noun, pair, sample2};

/// `[~ i]` for the first index `i` at which the items of `nedl` occur, in
/// order, in `hstk`; `~` if they never do, or if `nedl` is `~`.
///
/// The Hoon's walk, step for step: at each index, match item by item, and
/// stop the whole search with `~` as soon as either list runs out. (vere's
/// `u3qb_find` goes on to the next index instead; no later index can match
/// or meet a malformed end the Hoon did not, so the two agree.) `%exit`
/// where the walk meets an atom other than `~`.
pub fn find(heap: &mut Heap, nedl: Noun, mut hstk: Noun) -> Result<Noun, JetError> {
    let mut index: u64 = 0;
    loop {
        let (mut n, mut h) = (nedl, hstk);
        loop {
            if is_zero_noun(n) || is_zero_noun(h) {
                return Ok(Noun::NULL);
            }
            let (i_n, t_n) = pair(n)?;
            let (i_h, t_h) = pair(h)?;
            if !noun_eq(i_n, i_h) {
                break;
            }
            if is_zero_noun(t_n) {
                let i = heap.atom_u64(index);
                return Ok(heap.cell(Noun::NULL, i));
            }
            n = t_n;
            h = t_h;
        }
        index += 1;
        // `hstk` is a cell: its head was just compared.
        hstk = pair(hstk)?.1;
    }
}

/// `|=  [nedl=(list) hstk=(list)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (nedl, hstk) = sample2(core)?;
    find(&mut rt.heap, nedl, hstk)
}
