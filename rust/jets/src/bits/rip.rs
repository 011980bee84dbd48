//! `++rip`: disassemble an atom into a list of `step`-block pieces, lowest
//! first. (vere jets a step of 1 or a bloq of 0 and punts the rest; this
//! covers every bite.)

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bite, bloq, bloq_bits, build, sample2, Bloq};
use crate::words;

/// `?:(=(0 b) ~ [(end a b) $(b (rsh a b))])`. A step of 0 never ends in the
/// Hoon (an endless list): `%fail`, as vere does for bloq 0.
pub fn rip(heap: &mut Heap, a: Bloq, step: Option<u64>, b: Atom) -> Result<Noun, JetError> {
    let have = b.bit_len();
    if have == 0 {
        return Ok(Noun::NULL);
    }
    let width = bloq_bits(a, step);
    if width == 0 {
        return Err(JetError::Fail(Mote::Fail));
    }
    if width >= have {
        return Ok(heap.cell(b.as_noun(), Noun::NULL));
    }
    let bw = b.words();
    let n = have.div_ceil(width);
    let mut list = Noun::NULL;
    for i in (0..n).rev() {
        let from = i * width;
        let piece = if width < 64 {
            Noun::direct(words::bits64(bw, from) & ((1u64 << width) - 1))
        } else {
            let len = width.min(have - from);
            build(heap, len.div_ceil(64) as usize, |out| {
                words::chop(bw, from, len, out, 0);
            })
        };
        list = heap.cell(piece, list);
    }
    Ok(list)
}

/// `|=  [a=bite b=@]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, s) = bite(a)?;
    let b = atom(b)?;
    rip(&mut rt.heap, bloq(a)?, s, b)
}
