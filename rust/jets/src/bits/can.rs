//! `++can`: assemble `(list [p=step q=@])`: each `q` cut to `p` blocks,
//! laid end to end, first item lowest.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{
    atom, bloq, bloq_bits, build, is_zero_noun, pair, sample2, step, words_for, Bloq,
};
use crate::words;

/// The items of a `(list [step @])`, or `%exit` for a malformed one (the
/// Hoon crashes on it; vere says `%fail`).
fn items(mut list: Noun) -> Result<Vec<(Option<u64>, Atom)>, JetError> {
    let mut out = Vec::new();
    while let Some((item, rest)) = list.cell_parts() {
        let (p, q) = pair(item)?;
        out.push((step(atom(p)?), atom(q)?));
        list = rest;
    }
    if is_zero_noun(list) {
        Ok(out)
    } else {
        Err(JetError::Exit)
    }
}

/// `(can bloq list)` for an already checked list.
pub fn can(heap: &mut Heap, bloq: Bloq, items: &[(Option<u64>, Atom)]) -> Result<Noun, JetError> {
    // Width of the result: the end of the last nonzero piece.
    let (mut pos, mut top) = (0u64, 0u64);
    for (p, q) in items {
        let width = bloq_bits(bloq, *p);
        let used = width.min(q.bit_len());
        if used > 0 {
            top = top.max(pos.saturating_add(used));
        }
        pos = pos.saturating_add(width);
    }
    let len = words_for(top)?;
    if len == 0 {
        return Ok(Noun::ZERO);
    }
    Ok(build(heap, len, |out| {
        let mut pos = 0u64;
        for (p, q) in items {
            let width = bloq_bits(bloq, *p);
            if pos < top {
                words::chop(q.words(), 0, width, out, pos);
            }
            pos = pos.saturating_add(width);
        }
    }))
}

/// `|=  [a=bloq b=(list [p=step q=@])]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let a = bloq(atom(a)?)?;
    let items = items(b)?;
    can(&mut rt.heap, a, &items)
}
