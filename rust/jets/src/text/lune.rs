//! `++lune:unix:userlib` (zuse, `~%  %lune`; `k140/one/two/tri/qua/pen/hex/lune`):
//! unix text to lines.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{cords, split};
use crate::util::{atom, sample};

/// The lines of a text in which every line ends in a newline: `~` for
/// `''`, `~['']` for `'\0a'`, `~['a' 'b']` for `'a\0ab\0a'`. `%exit` if the
/// text does not end in a newline (the Hoon's `~|  %noeol  !!`, vere's
/// `u3m_error("noeol")`). Zero bytes inside a line stay in it.
pub fn lune(heap: &mut Heap, txt: Atom) -> Result<Noun, JetError> {
    let bytes = txt.to_le_bytes();
    let Some((&last, body)) = bytes.split_last() else {
        return Ok(Noun::NULL);
    };
    if last != 10 {
        return Err(JetError::Exit);
    }
    let lines = split(body);
    Ok(cords(heap, body, &lines))
}

/// `|=  txt=@t`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let txt = atom(sample(core)?)?;
    lune(&mut rt.heap, txt)
}
