//! `++rap`: concatenate a list of atoms, each taking whole blocks.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bloq, build, is_zero_noun, sample2, words_for, Bloq};
use crate::words;

/// The atoms of a `(list @)`, or `%exit` for a malformed list.
pub fn atoms(mut list: Noun) -> Result<Vec<Atom>, JetError> {
    let mut out = Vec::new();
    while let Some((item, rest)) = list.cell_parts() {
        out.push(atom(item)?);
        list = rest;
    }
    if is_zero_noun(list) {
        Ok(out)
    } else {
        Err(JetError::Exit)
    }
}

/// `(cat a i.b $(b t.b))` over the list.
pub fn rap(heap: &mut Heap, a: Bloq, items: &[Atom]) -> Result<Noun, JetError> {
    let mut total = 0u64;
    let mut top = 0u64;
    for q in items {
        let bits = q.bit_len();
        if bits > 0 {
            top = total.saturating_add(bits);
        }
        total = total.saturating_add(words::met(a, q.words()) << a);
    }
    let len = words_for(top)?;
    if len == 0 {
        return Ok(Noun::ZERO);
    }
    Ok(build(heap, len, |out| {
        let mut pos = 0u64;
        for q in items {
            let w = q.words();
            if pos < top {
                words::chop(w, 0, u64::MAX, out, pos);
            }
            pos = pos.saturating_add(words::met(a, w) << a);
        }
    }))
}

/// `|=  [a=bloq b=(list @)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let a = bloq(atom(a)?)?;
    let items = atoms(b)?;
    rap(&mut rt.heap, a, &items)
}
