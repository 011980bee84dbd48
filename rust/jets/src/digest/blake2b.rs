//! `++blake2b:blake:crypto`: keyed BLAKE2b of any output length 1 to 64.

use blake2::digest::block_buffer::{BlockBuffer, Lazy};
use blake2::digest::core_api::{UpdateCore, VariableOutputCore};
use blake2::digest::typenum::U128;
use blake2::Blake2bVarCore;
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{be_atom, be_bytes, for_be_chunks, word_fit};
use crate::util::{atom, pair, sample3};

/// BLAKE2b (RFC 7693) of the low `wid` bytes of `dat` under the key of
/// the low `wik` bytes of `dak` (at most 64), with an `out`-byte digest (1
/// to 64). Message, key and digest are read most significant byte first
/// (urcrypt's `urcrypt_blake2`), as the Hoon's `byts` are.
///
/// Where vere decides: this kelvin's Hoon gives something else for a
/// message whose 128-byte blocks (the key's block first, the last one
/// zero-padded) include one that begins with 8 zero bytes and is not all
/// zero (its `get-word-list` pads a block's missing high words at the
/// wrong end); vere, and this jet, give BLAKE2b.
pub fn blake2b(heap: &mut Heap, wid: u32, dat: Atom, wik: usize, dak: Atom, out: usize) -> Noun {
    let mut core = Blake2bVarCore::new_with_params(&[], &[], wik, out);
    let mut buf = BlockBuffer::<U128, Lazy>::default();
    if wik > 0 {
        // The key, zero-padded to a block, is the first block.
        let mut block = [0u8; 128];
        block[..wik].copy_from_slice(&be_bytes(dak, wik));
        buf.digest_blocks(&block, |b| core.update_blocks(b));
    }
    for_be_chunks(dat, u64::from(wid), |c| {
        buf.digest_blocks(c, |b| core.update_blocks(b))
    });
    let mut full = Default::default();
    core.finalize_variable_core(&mut buf, &mut full);
    be_atom(heap, &full[..out])
}

/// `|=  [msg=byts key=byts out=@ud]`, vere's `u3we_blake`: any cell where
/// an atom belongs is `%exit`; `wid.msg` of 2^32 or more is `%fail` (the
/// Hoon caps it at 2^128 instead); the key width is capped at 64 and the
/// output width clamped to 1..64, as in the Hoon.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (msg, key, out) = sample3(core)?;
    let (wid, dat) = pair(msg)?;
    let (wik, dak) = pair(key)?;
    let (wid, dat, wik, dak, out) = (atom(wid)?, atom(dat)?, atom(wik)?, atom(dak)?, atom(out)?);
    let wid = word_fit(wid)?;
    let wik = wik.as_u64().map_or(64, |w| w.min(64)) as usize;
    let out = out.as_u64().map_or(64, |o| o.clamp(1, 64)) as usize;
    Ok(blake2b(&mut rt.heap, wid, dat, wik, dak, out))
}
