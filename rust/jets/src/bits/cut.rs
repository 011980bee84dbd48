//! `++cut`: the slice of `c` blocks of `d` starting at block `b`.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bloq, bloq_bits, build, direct, pair, sample3, step, Bloq};
use crate::words;

/// `(end [a c] (rsh [a b] d))`; `b` and `c` are steps (`None`: huge).
pub fn cut(heap: &mut Heap, a: Bloq, b: Option<u64>, c: Option<u64>, d: Atom) -> Noun {
    let from = bloq_bits(a, b);
    let len = bloq_bits(a, c);
    let have = d.bit_len();
    if len == 0 || from >= have {
        return Noun::ZERO;
    }
    let len = len.min(have - from);
    if from == 0 && len == have {
        return d.as_noun();
    }
    if let Some(x) = direct(d) {
        return Noun::direct((x >> from) & ((1 << len) - 1));
    }
    let dw = d.words();
    build(heap, len.div_ceil(64) as usize, |out| {
        words::chop(dw, from, len, out, 0);
    })
}

/// `|=  [a=bloq [b=step c=step] d=@]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, bc, d) = sample3(core)?;
    let (b, c) = pair(bc)?;
    let (a, b, c, d) = (atom(a)?, atom(b)?, atom(c)?, atom(d)?);
    Ok(cut(&mut rt.heap, bloq(a)?, step(b), step(c), d))
}
