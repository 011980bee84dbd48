//! `++to-wain:format` (zuse, `~%  %leer`; `k140/one/two/tri/qua/pen/hex/leer`):
//! cord to lines.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{cords, split};
use crate::util::{atom, sample};

/// The cord split at every newline, as vere-v3.0's `u3qe_leer` does it:
/// the Hoon's lines, except that an empty last line is dropped (`''` is
/// `~`, `'a\0a'` is `~['a']`; the Hoon says `~['']` and `~['a' '']`).
/// Zero bytes inside a line stay in it.
///
/// This is vere's product, not the Hoon's, on purpose: every kernel run
/// by vere 3.0 got it, so a vere-made pier only replays with the same
/// mugs if it is reproduced (vere fixed the jet after v3.0, "leer: fix jet
/// mismatch", b269ffa; a later kelvin's tree would bind the fixed one).
pub fn leer(heap: &mut Heap, txt: Atom) -> Noun {
    let bytes = txt.to_le_bytes();
    let mut lines = split(&bytes);
    if lines.last().is_some_and(|&(from, to)| from == to) {
        lines.pop();
    }
    cords(heap, &bytes, &lines)
}

/// `|=  txt=cord`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let txt = atom(sample(core)?)?;
    Ok(leer(&mut rt.heap, txt))
}
