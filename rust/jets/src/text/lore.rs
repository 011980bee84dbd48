//! `++lore` (old zuse, `~%  %lore`; `k140/one/two/tri/qua/pen/hex/lore`):
//! atom to lines.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{cords, split};
use crate::util::{atom, sample};

/// The atom split at every newline, as `to-wain` (`leer`): `''` is
/// `~['']`, `'a\0a'` is `~['a' '']`.
///
/// A zero byte before the atom's last byte is `%exit`, as vere's
/// `u3qe_lore` has it; the Hoon stops there instead, with the lines so far
/// and the line up to the zero byte.
pub fn lore(heap: &mut Heap, lub: Atom) -> Result<Noun, JetError> {
    let bytes = lub.to_le_bytes();
    // The last byte of an atom is never 0: any zero byte is inside.
    if bytes.contains(&0) {
        return Err(JetError::Exit);
    }
    let lines = split(&bytes);
    Ok(cords(heap, &bytes, &lines))
}

/// `|=  lub=@`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let lub = atom(sample(core)?)?;
    lore(&mut rt.heap, lub)
}
