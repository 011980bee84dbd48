//! `++swp`: reverse the order of the blocks of `b`
//! (`(rep a (flop (rip a b)))`).

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bloq, build, sample2, Bloq};
use crate::words;

/// Block `i` of the `n = (met a b)` blocks of `b` moves to `n - 1 - i`.
pub fn swp(heap: &mut Heap, a: Bloq, b: Atom) -> Noun {
    let bw = b.words();
    let n = words::met(a, bw);
    if n == 0 {
        return Noun::ZERO;
    }
    // `n << a` bits is within one block of `b`'s own width.
    let size = (n << a).div_ceil(64) as usize;
    build(heap, size, |out| words::reverse_blocks(bw, a, n, n, out))
}

/// `|=  [a=bloq b=@]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    let (a, b) = (atom(a)?, atom(b)?);
    Ok(swp(&mut rt.heap, bloq(a)?, b))
}
