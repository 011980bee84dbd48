//! `++en:base16:mimes:html`: an `octs` as a hex cord, most significant
//! byte first.

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{cat, for_be_chunks};
use crate::util::{atom, sample2};

/// The digits, lowercase.
const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// The low `len` bytes of `dat`, most significant first, as `2·len`
/// lowercase hex digits (vere's `u3qe_en_base16`).
pub fn en(heap: &mut Heap, len: u32, dat: Atom) -> Noun {
    let mut out = Vec::with_capacity(2 * len as usize);
    for_be_chunks(dat, u64::from(len), |c| {
        for b in c {
            out.push(DIGITS[usize::from(b >> 4)]);
            out.push(DIGITS[usize::from(b & 15)]);
        }
    });
    heap.atom_from_le_bytes(&out)
}

/// `|=  a=octs`: cells are `%exit`; a length of 2^31 or more `%fail`
/// (vere, whose `len` must be a direct atom).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (len, dat) = sample2(core)?;
    let (len, dat) = (atom(len)?, atom(dat)?);
    let len = cat(len).ok_or(JetError::Fail(Mote::Fail))?;
    Ok(en(&mut rt.heap, len, dat))
}
