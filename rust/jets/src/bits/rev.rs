//! `++rev`: reverse the order of the low `len` blocks of `dat`, counting
//! leading zero blocks.

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, bloq, bloq_bits, build, sample3, step, words_for, Bloq};
use crate::words;

/// `(lsh [boz (sub len (met boz dat))] (swp boz dat))` with `dat` first
/// cut to `len` blocks: block `i` moves to block `len - 1 - i`.
pub fn rev(heap: &mut Heap, boz: Bloq, len: Option<u64>, dat: Atom) -> Result<Noun, JetError> {
    let dw = dat.words();
    let have = words::met(boz, dw);
    let count = len.map_or(have, |l| l.min(have));
    if count == 0 {
        return Ok(Noun::ZERO);
    }
    // A huge `len` keeps all of a nonzero `dat`: the result is too wide.
    let width = len.ok_or(JetError::Fail(Mote::Fail))?;
    let size = words_for(bloq_bits(boz, Some(width)))?;
    Ok(build(heap, size, |out| {
        words::reverse_blocks(dw, boz, count, width, out);
    }))
}

/// `|=  [boz=bloq len=@ud dat=@]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (boz, len, dat) = sample3(core)?;
    let (boz, len, dat) = (atom(boz)?, atom(len)?, atom(dat)?);
    rev(&mut rt.heap, bloq(boz)?, step(len), dat)
}
