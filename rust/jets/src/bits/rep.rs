//! `++rep`: assemble a list of atoms, each cut to `step` blocks.
//! (vere jets only a step of 1 or a bloq of 0 and punts the rest; this
//! covers every bite.)

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::bits::rap::atoms;
use crate::util::{bite, bloq, bloq_bits, build, sample2, words_for, Bloq};
use crate::words;

/// The sum of `(lsh [a (mul step i)] (end [a step] item-i))`.
pub fn rep(heap: &mut Heap, a: Bloq, step: Option<u64>, items: &[Atom]) -> Result<Noun, JetError> {
    let width = bloq_bits(a, step);
    let (mut pos, mut top) = (0u64, 0u64);
    for q in items {
        let used = width.min(q.bit_len());
        if used > 0 {
            top = pos.saturating_add(used);
        }
        pos = pos.saturating_add(width);
    }
    let len = words_for(top)?;
    if len == 0 {
        return Ok(Noun::ZERO);
    }
    Ok(build(heap, len, |out| {
        let mut pos = 0u64;
        for q in items {
            if pos < top {
                words::chop(q.words(), 0, width, out, pos);
            }
            pos = pos.saturating_add(width);
        }
    }))
}

/// `|=  [a=bite b=(list @)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, s) = bite(a)?;
    let a = bloq(a)?;
    let items = atoms(b)?;
    rep(&mut rt.heap, a, s, &items)
}
